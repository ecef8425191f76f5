import datetime as dt
import json

from sitrep.ingest import read_inputs
from sitrep.model import Article, InputError

HTML = """<!doctype html><html><head><title>Blast kills two | Iraq Daily</title>
<meta property="og:site_name" content="Iraq Daily">
<meta property="article:published_time" content="2019-07-09T08:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Blast kills two soldiers near Rutba</h1>
<p>Two Iraqi soldiers were killed on Monday when a roadside bomb struck their patrol west of Rutba, a security source said.</p>
<p>The patrol was escorting a fuel convoy towards the Trebil crossing with Jordan.</p></article>
<footer>Copyright Iraq Daily. Cookie settings.</footer><script>alert('x')</script></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Desert Wire</title>
<item><title>Shepherds killed</title><link>https://desert.test/1</link><guid>desert-1</guid>
<pubDate>Tue, 09 Jul 2019 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Gunmen killed two shepherds near Hit on Sunday, police said.&lt;/p&gt;</description></item>
</channel></rss>"""


def _all(paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_text_file_first_line_is_title_and_published_from_option(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("\n\nEight men killed\nEight men were killed on Sunday.\n", encoding="utf-8")
    [a] = _all([f], published=dt.date(2019, 7, 9), source="Wire")
    assert isinstance(a, Article)
    assert a.title == "Eight men killed"
    assert a.published == dt.date(2019, 7, 9)
    assert a.source == "Wire"
    assert a.id.startswith("sha1:")


def test_same_text_gets_same_id(tmp_path):
    (tmp_path / "a.txt").write_text("Title\nSome   text here.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\nSome text here.", encoding="utf-8")
    a, b = _all([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert a.id == b.id


def test_html_main_text_title_date_and_site_name(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(HTML, encoding="utf-8")
    [a] = _all([f])
    assert "roadside bomb" in a.text
    assert "Cookie" not in a.text and "alert" not in a.text
    assert a.published == dt.date(2019, 7, 9)
    assert a.source == "Iraq Daily"
    assert "Blast" in a.title


def test_jsonl_records_keep_given_ids_and_report_malformed_lines(tmp_path):
    f = tmp_path / "in.jsonl"
    good = {"id": "x1", "url": "u", "title": "t", "text": "Police arrested two men.", "published": "2020-01-02", "source": "S", "language": "en"}
    f.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "x2"}) + "\n", encoding="utf-8")
    items = _all([f])
    assert isinstance(items[0], Article) and items[0].id == "x1" and items[0].published == dt.date(2020, 1, 2)
    assert isinstance(items[1], InputError) and "in.jsonl:2" in str(items[1]) and "malformed" in str(items[1])
    assert isinstance(items[2], InputError) and "in.jsonl:3" in str(items[2])


def test_feed_entries_become_articles(tmp_path):
    f = tmp_path / "feed.xml"
    f.write_text(FEED, encoding="utf-8")
    [a] = _all([f])
    assert a.id == "desert-1"
    assert a.published == dt.date(2019, 7, 9)
    assert "shepherds" in a.text and "<p>" not in a.text
    assert a.source == "Desert Wire"


def test_bad_inputs_give_one_error_each_and_the_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (tmp_path / "noarticle.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (tmp_path / "huge.txt").write_text("Title\n" + "word " * 2_200_000, encoding="utf-8")
    (tmp_path / "broken.xml").write_text("<rss><channel><item><title>x</titl", encoding="utf-8")
    (tmp_path / "baddate.jsonl").write_text(json.dumps({"text": "Gunmen attacked.", "published": "next Thursday-ish"}) + "\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Fine\nPolice arrested two men in Mosul.", encoding="utf-8")
    items = _all(sorted(tmp_path.iterdir()))
    errors = [str(i) for i in items if isinstance(i, InputError)]
    good = [i for i in items if isinstance(i, Article)]
    assert len(good) == 1 and good[0].title == "Fine"
    assert len(errors) == 6
    joined = "\n".join(errors)
    for name, reason in [("empty.txt", "empty"), ("binary.txt", "binary"), ("noarticle.html", "no article text"),
                         ("huge.txt", "too large"), ("broken.xml", "feed"), ("baddate.jsonl", "cannot read the date")]:
        assert any(name in e and reason in e for e in errors), (name, joined)
    assert all("\n" not in e for e in errors)


def test_windows_1252_text_is_decoded(tmp_path):
    f = tmp_path / "cp.txt"
    f.write_bytes("Title\nThe army’s operation in Ba‘aj — “Will of Victory”".encode("cp1252", errors="replace"))
    [a] = _all([f])
    assert "Will of Victory" in a.text


def test_missing_file_is_an_error_naming_it(tmp_path):
    [e] = _all([tmp_path / "nope.txt"])
    assert isinstance(e, InputError) and "nope.txt" in str(e)
