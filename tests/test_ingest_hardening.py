"""Bad records, hostile files and URLs at the edge of `sitrep ingest`: one error line each,
naming the input and never the article's text; the batch goes on; nothing stored is lost."""

from __future__ import annotations

import json
import tracemalloc

import pytest
import sqlalchemy as sa

from sitrep.cli import main
from sitrep.ingest import read_inputs
from sitrep.model import Article, InputError
from sitrep.store import Store
from test_fetch import FEED, PUBLIC, Server, redirect, send

WORD = "Zanzibarquux"  # in every article's text: must never appear in an error line
TEXT = f"Gunmen killed two shepherds near Baquba in Diyala on Monday, police said. {WORD}."
SECRET_FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><item><title>S</title>'
               b"<guid>secret-entry</guid><description>Police arrested four men in Kirkuk on Sunday."
               b"</description></item></channel></rss>")


def _good(i: int) -> dict:
    return {"id": f"good-{i}", "text": f"Police arrested {i + 2} suspected militants in Kirkuk on Sunday. {WORD}.",
            "published": "2021-03-07", "source": "Wire"}


def _items(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


@pytest.mark.parametrize("record, field", [
    ({"id": "a", "text": TEXT, "source": 5}, "'source' must be a string, not a number"),
    ({"id": "a", "text": TEXT, "language": ["en"]}, "'language' must be a string, not a list"),
    ({"id": "a", "text": TEXT, "title": {"x": 1}}, "'title' must be a string, not an object"),
    ({"id": "a", "text": TEXT, "url": True}, "'url' must be a string, not true/false"),
    ({"id": ["a"], "text": TEXT}, "'id' must be a string, not a list"),
    ({"id": "a", "text": TEXT, "published": 20210307}, "'published' must be a date string"),
    ({"id": "a", "text": TEXT, "language": "english, mostly"}, "'language' must be a language code"),
    ({"id": "x" * 201, "text": TEXT}, "'id' is too long (201 characters > 200)"),
    ({"id": "a", "text": TEXT, "source": "s" * 301}, "'source' is too long"),
    ({"id": "a", "text": TEXT, "title": "t" * 2001}, "'title' is too long"),
    ({"id": "a", "text": TEXT, "extra": json.loads("[" * 40 + "]" * 40)}, "nested deeper than 32 levels"),
    ({"id": "a", "text": [TEXT]}, "no 'text' string"),
    ([TEXT], "expected a JSON object"),
])
def test_a_bad_record_is_one_error_naming_the_line_and_field(tmp_path, record, field):
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps(_good(0)) + "\n" + json.dumps(record) + "\n" + json.dumps(_good(1)) + "\n",
                 encoding="utf-8")
    items = _items(f)
    assert [type(i) for i in items] == [Article, InputError, Article]
    msg = str(items[1])
    assert msg.startswith(f"{f}:2: ") and field in msg and WORD not in msg and "\n" not in msg


def test_deep_nesting_in_a_line_or_an_array_file_is_an_error_not_a_crash(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps(_good(0)) + "\n" + "[" * 200_000 + "\n" + json.dumps(_good(1)) + "\n",
                                      encoding="utf-8")
    (tmp_path / "b.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps([_good(2), {"text": TEXT, "deep": json.loads("[" * 50 + "]" * 50)}]),
                                     encoding="utf-8")
    items = _items(tmp_path)
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert sorted(a.id for a in items if isinstance(a, Article)) == ["good-0", "good-1", "good-2"]
    assert any("a.jsonl:2: JSON nested too deeply" in e for e in errors)
    assert any("b.json: JSON nested too deeply" in e for e in errors)
    assert any("c.json[2]: record nested deeper" in e for e in errors)


def test_a_directory_with_bad_records_stores_every_good_input(tmp_path, db_url, capsys):
    """The issue's case: ~10 good inputs and hostile ones in one directory."""
    d = tmp_path / "in"
    d.mkdir()
    for i in range(10):
        (d / f"good{i}.jsonl").write_text(json.dumps(_good(i)) + "\n", encoding="utf-8")
    (d / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (d / "deep.jsonl").write_text("{\"text\": " + "[" * 100_000 + "\n", encoding="utf-8")
    (d / "source.jsonl").write_text(json.dumps({"id": "s", "text": TEXT, "source": 5}) + "\n", encoding="utf-8")
    (d / "lang.jsonl").write_text(json.dumps({"id": "l", "text": TEXT, "language": ["en"]}) + "\n", encoding="utf-8")
    assert main(["ingest", str(d), "--db", db_url, "--quiet"]) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("sitrep: error:")]
    assert len(lines) == 4 and WORD not in err
    for name in ("deep.json:", "deep.jsonl:1:", "source.jsonl:1:", "lang.jsonl:1:"):
        assert sum(name in line for line in lines) == 1, (name, lines)
    assert "stored 10 new articles" in err
    assert Store(db_url).counts()["articles"] == 10


def test_a_record_the_database_refuses_is_skipped_without_its_text(tmp_path, monkeypatch, db_url, capsys):
    f = tmp_path / "in.jsonl"
    f.write_text("".join(json.dumps(_good(i)) + "\n" for i in range(3)), encoding="utf-8")
    assert main(["ingest", str(tmp_path / "in.jsonl"), "--db", db_url, "--quiet"]) == 0
    f2 = tmp_path / "more.jsonl"
    f2.write_text("".join(json.dumps(_good(i)) + "\n" for i in range(3, 6)), encoding="utf-8")
    real = Store.add_article

    def refuses_good_4(self, article, found, fuse=False):
        if article.id == "good-4":  # what a value the database cannot take looks like
            raise sa.exc.DataError("INSERT INTO articles ... ", {"text": article.text}, Exception("value too long"))
        return real(self, article, found, fuse=fuse)

    monkeypatch.setattr(Store, "add_article", refuses_good_4)
    assert main(["ingest", str(f2), "--db", db_url, "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"{f2}:2: cannot store the article (database error (DataError: value too long)); skipped" in err
    assert WORD not in err and "INSERT" not in err
    assert "1 errors" in err
    assert Store(db_url).counts()["articles"] == 5  # the three stored before and two of these


def test_files_are_size_checked_before_they_are_read(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # a 50 MB (sparse) file
        f.truncate(50_000_000)
    bigxml = tmp_path / "big.xml"
    with bigxml.open("wb") as f:
        f.write(b"<rss>")
        f.truncate(50_000_000)
    tracemalloc.start()
    try:
        items = _items(big, bigxml, max_bytes=1_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [str(i) for i in items] == [
        f"{big}: article too large (50.0 MB > 2.0 MB); split it or raise --max-bytes",
        f"{bigxml}: file too large (50.0 MB > 4.0 MB); split it or raise --max-bytes",
    ]
    assert peak < 2_000_000


def test_jsonl_is_streamed_and_an_overlong_line_skipped(tmp_path):
    f = tmp_path / "in.jsonl"
    with f.open("w", encoding="utf-8") as out:
        out.write(json.dumps(_good(0)) + "\n")
        out.write(json.dumps({"id": "long", "text": "word " * 1_000_000}) + "\n")  # 5 MB line
        out.write(json.dumps(_good(1)) + "\n")
    tracemalloc.start()
    try:
        items = _items(f, max_bytes=200_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [i.id for i in items if isinstance(i, Article)] == ["good-0", "good-1"]
    [e] = [str(i) for i in items if isinstance(i, InputError)]
    assert e == f"{f}:2: line too long (more than 0.8 MB); skipped"
    assert peak < 4_000_000


def test_invalid_utf8_is_read_with_a_warning_naming_the_input(tmp_path, capsys):
    f = tmp_path / "cp.txt"
    f.write_bytes("Title\nThe army’s operation near Hit killed two gunmen on Sunday.".encode("cp1252"))
    ok = tmp_path / "ok.txt"
    ok.write_text("Title\nThe army’s operation near Hit killed two gunmen on Sunday.", encoding="utf-8")
    assert main(["extract", str(f), str(ok), "--format", "jsonl"]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if line.startswith("sitrep: warning:")]
    assert warnings == [f"sitrep: warning: {f}: not valid UTF-8 (byte 0x92 at offset 14); read as Windows-1252: "
                        "if its text looks wrong, convert the file to UTF-8"]
    lines = tmp_path / "cp.jsonl"
    lines.write_bytes(b"".join(json.dumps({"id": f"r{i}", "text": "x"}).encode().replace(b'"x"', b'"caf\xe9 attack"') + b"\n"
                               for i in range(3)))
    items = _items(lines)
    assert all(isinstance(i, Article) and "café" in i.text for i in items)


def test_a_feed_file_that_holds_a_path_or_url_is_not_followed(tmp_path, capsys):
    secret = tmp_path / "secret.xml"
    secret.write_bytes(SECRET_FEED)
    inside = Server("127.0.0.1")
    inside.routes["/secret.xml"] = lambda h: send(h, SECRET_FEED)
    try:
        (tmp_path / "path.xml").write_text(str(secret), encoding="utf-8")
        (tmp_path / "url.xml").write_text(f"{inside.base}/secret.xml", encoding="utf-8")
        (tmp_path / "file.rss").write_text(f"file://{secret}", encoding="utf-8")
        items = _items(tmp_path / "path.xml", tmp_path / "url.xml", tmp_path / "file.rss")
    finally:
        inside.close()
    assert all(isinstance(i, InputError) for i in items) and len(items) == 3
    assert inside.hits == []


@pytest.fixture()
def public():
    s = Server(PUBLIC)
    s.routes["/feed.xml"] = lambda h: send(h, FEED)
    yield s
    s.close()


def test_ingest_url_is_under_the_address_rules(public, tmp_path, capsys, monkeypatch):
    inside = Server("127.0.0.1")
    inside.routes["/story.html"] = lambda h: send(h, b"<html><body><p>secret</p></body></html>", "text/html")
    public.routes["/moved.html"] = lambda h: redirect(h, f"{inside.base}/story.html")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    monkeypatch.delenv("SITREP_ALLOW_PRIVATE", raising=False)
    try:
        assert main(["ingest", f"{inside.base}/story.html", "--db", db, "--quiet"]) == 1
        err = capsys.readouterr().err
        assert f"{inside.base}/story.html: refusing loopback address 127.0.0.1" in err and "--allow-private" in err
        assert inside.hits == []
        # a public page that redirects inside, with the public address allowed by the rules
        from dataclasses import replace

        from sitrep.ingest.common import url_policy, using_url_policy

        with using_url_policy(replace(url_policy(), allow_networks=(f"{PUBLIC}/32",))):
            items = _items(f"{public.base}/moved.html", f"{public.base}/feed.xml")
        assert "redirected to" in str(items[0]) and "refusing loopback" in str(items[0])
        assert isinstance(items[1], Article) and inside.hits == []
        # allowed on request
        monkeypatch.setenv("SITREP_ALLOW_PRIVATE", "1")
        assert isinstance(_items(f"{public.base}/feed.xml")[0], Article)
    finally:
        inside.close()


def test_ingest_url_body_is_capped(public):
    public.routes["/big.html"] = lambda h: send(h, b"<html><body><p>" + b"a" * 3_000_000 + b"</p></body></html>",
                                                "text/html")
    from dataclasses import replace

    from sitrep.ingest.common import url_policy, using_url_policy

    with using_url_policy(replace(url_policy(), allow_networks=(f"{PUBLIC}/32",))):
        [e] = _items(f"{public.base}/big.html", max_bytes=500_000)
    assert isinstance(e, InputError) and "response too large" in str(e)


def test_a_page_in_its_declared_charset_is_read_without_a_guess(public, capsys):
    page = ("<html><head><title>Café attack</title></head><body><article><p>Gunmen attacked a café in "
            "Hit on Sunday, killing two men, police said.</p><p>The café owner was among the dead, "
            "according to the police.</p></article></body></html>").encode("iso-8859-1")
    public.routes["/latin.html"] = lambda h: send(h, page, "text/html; charset=ISO-8859-1")
    from dataclasses import replace

    from sitrep.ingest.common import url_policy, using_url_policy

    with using_url_policy(replace(url_policy(), allow_networks=(f"{PUBLIC}/32",))):
        [a] = _items(f"{public.base}/latin.html")
    assert isinstance(a, Article) and "café" in a.text
    assert main(["extract", f"{public.base}/latin.html", "--allow-private", "--format", "jsonl"]) == 0
    assert "not valid UTF-8" not in capsys.readouterr().err


def test_external_entities_in_a_feed_are_not_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETVALUE", encoding="utf-8")
    inside = Server("127.0.0.1")
    inside.routes["/dtd"] = lambda h: send(h, b"<!ENTITY x 'y'>", "text/plain")
    try:
        feed = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY s SYSTEM "file://{secret}">'
                f'<!ENTITY % d SYSTEM "{inside.base}/dtd"> %d;]><rss version="2.0"><channel><title>T</title>'
                "<item><title>A &s;</title><guid>x-1</guid><description>Gunmen killed two shepherds near Hit "
                "on Sunday. &s;</description></item></channel></rss>")
        (tmp_path / "xxe.xml").write_text(feed, encoding="utf-8")
        items = _items(tmp_path / "xxe.xml")
    finally:
        inside.close()
    assert inside.hits == []
    assert not any(isinstance(i, Article) and ("TOPSECRETVALUE" in i.text or "TOPSECRETVALUE" in i.title)
                   for i in items)


def test_a_feed_url_is_decoded_with_the_charset_its_http_response_declares(public):
    from dataclasses import replace

    from sitrep.ingest.common import url_policy, using_url_policy
    from test_watch_hardening import CHARSET_FEEDS, charset_feed

    # served as a feed type (left as bytes for the feed parser) and as text/html (decoded by
    # the fetch, then recognised as a feed): both must end in the declared charset
    for charset in CHARSET_FEEDS:
        public.routes[f"/{charset}.xml"] = (
            lambda h, c=charset: send(h, charset_feed(c), f"application/rss+xml; charset={c}"))
        public.routes[f"/{charset}.html"] = (
            lambda h, c=charset: send(h, charset_feed(c), f"text/html; charset={c}"))
    with using_url_policy(replace(url_policy(), allow_networks=(f"{PUBLIC}/32",))):
        items = _items(*(f"{public.base}/{c}.{ext}" for c in CHARSET_FEEDS for ext in ("xml", "html")))
    assert len(items) == 2 * len(CHARSET_FEEDS) and all(isinstance(a, Article) for a in items), items
    for (charset, (site, title, text)), pair in zip(CHARSET_FEEDS.items(), zip(items[::2], items[1::2])):
        for a in pair:
            assert (a.source, a.title, a.text) == (site, title, text), (charset, a.url)
