"""`sitrep watch` against hostile feed servers on loopback: bodies that are file paths or URLs,
redirects inside, robots.txt redirects, drips, bombs and huge bodies. Each source fails with
one line and the sources after it are still polled."""

from __future__ import annotations

import gzip
import time

import pytest

from sitrep.cli import main
from sitrep.store import Store
from sitrep.watch import load_config, poll_once
from test_fetch import FEED, PUBLIC, Server, redirect, send

SECRET_FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Local secret</title><item>'
               b"<title>Secret</title><guid>secret-entry</guid><description>Gunmen killed two shepherds "
               b"near Baquba in Diyala on Monday, police said.</description></item></channel></rss>")


@pytest.fixture()
def public():
    s = Server(PUBLIC)
    s.routes["/good.xml"] = lambda h: send(h, FEED)
    yield s
    s.close()


@pytest.fixture()
def inside():
    s = Server("127.0.0.1")
    s.routes["/secret.xml"] = lambda h: send(h, SECRET_FEED)
    s.routes["/robots.txt"] = lambda h: send(h, b"User-agent: *\nAllow: /\n", "text/plain")
    yield s
    s.close()


def _config(tmp_path, *urls, extra=""):
    sources = "".join(f"  - name: s{i}\n    url: {u}\n    every: 15m\n" for i, u in enumerate(urls))
    f = tmp_path / "feeds.yaml"
    f.write_text(f"host_delay: 0\ntimeout: 2\nallow_networks: [{PUBLIC}/32]\n{extra}sources:\n{sources}",
                 encoding="utf-8")
    return f


def _ids(store: Store) -> set[str]:
    return {e["article_id"] for e in store.events()}


def test_a_feed_body_that_is_a_file_path_or_url_is_not_followed(public, inside, tmp_path, capsys):
    secret = tmp_path / "secret.xml"
    secret.write_bytes(SECRET_FEED)
    public.routes["/path.xml"] = lambda h: send(h, str(secret).encode())
    public.routes["/url.xml"] = lambda h: send(h, f"{inside.base}/secret.xml".encode())
    public.routes["/zero.xml"] = lambda h: send(h, b"/dev/zero")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    cfg = _config(tmp_path, f"{public.base}/path.xml", f"{public.base}/url.xml", f"{public.base}/zero.xml",
                  f"{public.base}/good.xml")
    assert main(["watch", str(cfg), "--db", db, "--once"]) == 1
    err = capsys.readouterr().err
    assert err.count("sitrep: error:") == 3 and "path.xml: feed" in err and "zero.xml: feed" in err
    store = Store(db)
    assert "secret-entry" not in _ids(store) and store.counts()["articles"] == 1  # the good source only
    assert [p for p, _ in inside.hits if p == "/secret.xml"] == []


def test_a_redirect_inside_is_refused_and_later_sources_still_polled(public, inside, tmp_path, capsys):
    public.routes["/moved.xml"] = lambda h: redirect(h, f"{inside.base}/secret.xml")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    cfg = _config(tmp_path, f"{public.base}/moved.xml", f"{public.base}/good.xml")
    assert main(["watch", str(cfg), "--db", db, "--once"]) == 1
    err = capsys.readouterr().err
    assert f"{public.base}/moved.xml: redirected to {inside.base}/secret.xml: refusing loopback address" in err
    assert "allow_networks" in err  # says how to allow it
    assert inside.hits == [] and Store(db).counts()["articles"] == 1
    state = Store(db).feed_state(f"{public.base}/moved.xml")
    assert state["failures"] == 1 and "refusing loopback" in state["last_error"]


def test_a_robots_txt_redirect_inside_is_refused(public, inside, tmp_path):
    public.routes["/robots.txt"] = lambda h: redirect(h, f"{inside.base}/robots.txt")
    store = Store(f"sqlite:///{tmp_path / 'w.db'}")
    report = poll_once(load_config(_config(tmp_path, f"{public.base}/good.xml")), store)
    assert inside.hits == []
    assert report.errors and "robots.txt: redirected to" in report.errors[0] and "refusing loopback" in report.errors[0]


def test_listing_page_links_go_through_the_same_rules(public, inside, tmp_path):
    public.routes["/news/"] = lambda h: send(
        h, b"<html><body><a href='/news/a.html'>A</a><a href='/news/b.html'>B</a></body></html>", "text/html")
    public.routes["/news/a.html"] = lambda h: redirect(h, f"{inside.base}/secret.xml")
    f = tmp_path / "pages.yaml"
    f.write_text(f"host_delay: 0\ntimeout: 2\nallow_networks: [{PUBLIC}/32]\nsources:\n"
                 f"  - name: p\n    url: {public.base}/news/\n    kind: page\n    every: 1h\n", encoding="utf-8")
    report = poll_once(load_config(f), Store(f"sqlite:///{tmp_path / 'w.db'}"))
    assert inside.hits == [] and "refusing loopback" in report.errors[0]


def test_a_dripping_feed_is_cut_off_at_the_deadline_and_the_next_source_polled(public, tmp_path):
    def drip(h):
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.end_headers()
        for _ in range(60):
            h.wfile.write(b" ")
            h.wfile.flush()
            time.sleep(0.5)  # a byte every half second: each read is quick, the whole is not

    public.routes["/drip.xml"] = drip
    store = Store(f"sqlite:///{tmp_path / 'w.db'}")
    cfg = load_config(_config(tmp_path, f"{public.base}/drip.xml", f"{public.base}/good.xml"))
    start = time.monotonic()
    report = poll_once(cfg, store)
    took = time.monotonic() - start
    assert any("drip.xml: timed out after 2 s" in e for e in report.errors)
    assert took < 9  # two tries of 2 s each, not 30 s of dripping
    assert report.new_articles == 1


def test_a_gzip_bomb_and_a_huge_feed_fail_alone(public, tmp_path):
    bomb = gzip.compress(b" " * 40_000_000, 9)
    public.routes["/bomb.xml"] = lambda h: send(h, bomb, headers=[("Content-Encoding", "gzip")])

    def huge(h):
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.end_headers()
        for _ in range(2000):
            h.wfile.write(b"<rss>" + b" " * 65_531)

    public.routes["/huge.xml"] = huge
    store = Store(f"sqlite:///{tmp_path / 'w.db'}")
    extra = "max_bytes: 1000000\nmax_decoded_bytes: 2000000\n"
    cfg = load_config(_config(tmp_path, f"{public.base}/bomb.xml", f"{public.base}/huge.xml",
                              f"{public.base}/good.xml", extra=extra))
    report = poll_once(cfg, store)
    assert any("bomb.xml: response inflates to more than 2 MB" in e for e in report.errors)
    assert any("huge.xml: response too large" in e for e in report.errors)
    assert report.new_articles == 1
    # refused for size: not tried twice
    assert len([p for p, _ in public.hits if p == "/bomb.xml"]) == 1


def test_allow_private_keeps_working_and_bad_config_values_are_refused(inside, tmp_path):
    f = tmp_path / "feeds.yaml"
    f.write_text(f"allow_private: true\nhost_delay: 0\nsources:\n  - name: s\n    url: {inside.base}/secret.xml\n",
                 encoding="utf-8")
    report = poll_once(load_config(f), Store(f"sqlite:///{tmp_path / 'w.db'}"))
    assert report.new_articles == 1 and not report.errors
    # a quoted "false" is not true (it used to allow everything)
    f.write_text(f"allow_private: 'false'\nhost_delay: 0\nsources:\n  - name: s\n    url: {inside.base}/secret.xml\n",
                 encoding="utf-8")
    assert load_config(f).allow_private is False
    f.write_text("allow_networks: [not-a-network]\nsources:\n  - url: http://example.org/\n", encoding="utf-8")
    with pytest.raises(ValueError, match="allow_networks"):
        load_config(f)


# A feed without an XML declaration, in a legacy charset that only the HTTP Content-Type names.
# ISO-8859-1 is the common case; ISO-8859-15 and windows-1256 (Arabic, as Iraqi outlets used)
# differ from the Windows-1252 that feedparser guesses when nobody tells it the charset.
CHARSET_FEEDS = {
    "iso-8859-1": ("Diário de Hit", "Atentado num café em Hit",
                   "Homens armados mataram dois pastores perto de Hit no domingo, disse a polícia."),
    "iso-8859-15": ("Le Courrier €", "Œuvre détruite à Hit",
                    "Des hommes armés ont tué deux bergers près de Hit dimanche, selon la police."),
    "windows-1256": ("أخبار الأنبار", "هجوم في هيت",
                     "قتل مسلحون راعيين قرب هيت يوم الأحد، بحسب الشرطة."),
}


def charset_feed(charset: str) -> bytes:
    site, title, text = CHARSET_FEEDS[charset]
    return (f'<rss version="2.0"><channel><title>{site}</title><item><title>{title}</title>'
            f"<guid>{charset}-1</guid><description>{text}</description></item></channel></rss>").encode(charset)


def test_a_feed_is_decoded_with_the_charset_its_http_response_declares(public, tmp_path):
    for charset in CHARSET_FEEDS:
        public.routes[f"/{charset}.xml"] = (
            lambda h, c=charset: send(h, charset_feed(c), f"application/rss+xml; charset={c.upper()}"))
    store = Store(f"sqlite:///{tmp_path / 'w.db'}")
    cfg = load_config(_config(tmp_path, *(f"{public.base}/{c}.xml" for c in CHARSET_FEEDS)))
    report = poll_once(cfg, store)
    assert not report.errors and report.new_articles == len(CHARSET_FEEDS)
    for charset, (site, title, text) in CHARSET_FEEDS.items():
        art = store.article(f"{charset}-1")
        assert (art["title"], art["text"]) == (title, text), charset
