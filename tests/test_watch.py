"""`sitrep watch` against real HTTP servers on loopback that change, stall, fail and lie."""

import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitrep.cli import main
from sitrep.store import Store
from sitrep.watch import load_config, parse_interval, poll_once

ITEM = """<item><title>{title}</title><link>http://news.test/{n}</link><guid>item-{n}</guid>
<pubDate>Tue, 09 Jul 2019 08:00:00 GMT</pubDate><description>&lt;p&gt;{text}&lt;/p&gt;</description></item>"""
TEXTS = [
    ("Bomb near Rutba", "Two Iraqi soldiers were killed on Monday when a roadside bomb struck their patrol west of Rutba."),
    ("Arrests in Kirkuk", "Iraqi police arrested four suspected Islamic State members in Kirkuk on Sunday."),
    ("Shepherds killed", "Gunmen killed two shepherds near Baquba in Diyala on Monday, police said."),
]


class Site(BaseHTTPRequestHandler):
    items = 1
    hits: list = []
    broken = False
    slow = False
    robots = ""

    def do_GET(self):  # noqa: N802
        Site.hits.append((self.path, self.headers.get("If-None-Match")))
        if self.path == "/robots.txt":
            body = Site.robots.encode()
            self.send_response(200 if Site.robots else 404)
            self.end_headers()
            self.wfile.write(body)
            return
        if self.path == "/slow.xml":
            time.sleep(2)
        if self.path == "/error.xml":
            self.send_response(500)
            self.end_headers()
            return
        etag = f'"v{Site.items}"'
        if self.path == "/feed.xml" and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        if self.path == "/news/":
            links = "".join(f'<li><a href="/news/story-{i}.html">{TEXTS[i][0]}</a></li>' for i in range(Site.items))
            body = f"<html><body><nav><a href='/'>Home</a></nav><ul>{links}</ul></body></html>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)
            return
        if self.path.startswith("/news/story-"):
            i = int(self.path.split("-")[1].split(".")[0])
            body = (f"<html><head><title>{TEXTS[i][0]}</title><meta property='article:published_time' "
                    f"content='2019-07-09'></head><body><article><h1>{TEXTS[i][0]}</h1><p>{TEXTS[i][1]}</p>"
                    "<p>Security sources gave no further details about the incident.</p></article></body></html>").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)
            return
        if Site.broken or self.path == "/broken.xml":
            body = b"<rss><channel><item><title>x</titl"
        else:
            items = "".join(ITEM.format(n=i, title=TEXTS[i][0], text=TEXTS[i][1]) for i in range(Site.items))
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>News Test</title>{items}</channel></rss>'.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def site():
    Site.items, Site.hits, Site.broken, Site.robots = 1, [], False, ""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _config(tmp_path, base, *paths, allow=True, extra=""):
    sources = "".join(f"  - name: src{i}\n    url: {base}{p}\n    every: 15m\n" for i, p in enumerate(paths))
    f = tmp_path / "feeds.yaml"
    f.write_text(f"allow_private: {str(allow).lower()}\nhost_delay: 0\ntimeout: 1\n{extra}sources:\n{sources}",
                 encoding="utf-8")
    return f


def test_new_items_are_ingested_once_across_restarts(site, tmp_path, capsys, db_url):
    db = db_url
    cfg = _config(tmp_path, site, "/feed.xml")
    assert main(["watch", str(cfg), "--db", db, "--once"]) == 0
    assert Store(db).counts()["articles"] == 1
    # not due yet: nothing is fetched
    hits = len(Site.hits)
    assert main(["watch", str(cfg), "--db", db, "--once"]) == 0
    assert len(Site.hits) == hits
    # forced with an unchanged feed: a conditional request answered 304
    assert main(["watch", str(cfg), "--db", db, "--once", "--force"]) == 0
    assert Site.hits[-1] == ("/feed.xml", '"v1"')
    assert "1 not modified" in capsys.readouterr().err
    # the feed grows; a restarted watcher (new process, same database) takes only the new items
    Site.items = 3
    assert main(["watch", str(cfg), "--db", db, "--once", "--force"]) == 0
    store = Store(db)
    assert store.counts()["articles"] == 3
    assert main(["watch", str(cfg), "--db", db, "--once", "--force"]) == 0
    assert store.counts()["articles"] == 3
    assert {e["article_id"] for e in store.events()} >= {"item-0", "item-1", "item-2"}


def test_errors_back_off_and_the_rest_goes_on(site, tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'w.db'}"
    cfg = _config(tmp_path, site, "/error.xml", "/slow.xml", "/broken.xml", "/feed.xml")
    assert main(["watch", str(cfg), "--db", db, "--once"]) == 1
    err = capsys.readouterr().err
    assert "error.xml: HTTP 500" in err and "slow.xml: timed out" in err and "broken.xml: feed cannot be parsed" in err
    store = Store(db)
    assert store.counts()["articles"] == 1
    state = store.feed_state(f"{site}/error.xml")
    assert state["failures"] == 1 and state["next_poll"] is not None
    assert main(["watch", str(cfg), "--db", db, "--once", "--force"]) == 1
    assert store.feed_state(f"{site}/error.xml")["failures"] == 2


def test_private_addresses_are_refused_unless_allowed(site, tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'w.db'}"
    cfg = _config(tmp_path, site, "/feed.xml", allow=False)
    assert main(["watch", str(cfg), "--db", db, "--once"]) == 1
    assert "refusing loopback address 127.0.0.1" in capsys.readouterr().err
    assert not [h for h in Site.hits if h[0] == "/feed.xml"]


def test_robots_txt_is_respected(site, tmp_path, capsys):
    Site.robots = "User-agent: *\nDisallow: /feed.xml\n"
    db = f"sqlite:///{tmp_path / 'w.db'}"
    cfg = _config(tmp_path, site, "/feed.xml")
    assert main(["watch", str(cfg), "--db", db, "--once"]) == 1
    assert "disallowed by robots.txt" in capsys.readouterr().err
    assert not [h for h in Site.hits if h[0] == "/feed.xml"]


def test_config_errors_and_intervals(tmp_path):
    assert parse_interval("30s").total_seconds() == 30 and parse_interval("2h").total_seconds() == 7200
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources: []\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_config(bad)
    assert main(["watch", str(bad), "--once"]) == 2


def test_poll_once_reports_counts(site, tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'w.db'}")
    report = poll_once(load_config(_config(tmp_path, site, "/feed.xml")), store)
    assert report.polled == 1 and report.new_articles == 1 and report.events >= 1 and not report.errors


def test_listing_pages_are_followed_to_their_articles(site, tmp_path):
    f = tmp_path / "pages.yaml"
    f.write_text(f"allow_private: true\nhost_delay: 0\nsources:\n  - name: Ministry\n    url: {site}/news/\n"
                 "    kind: page\n    every: 1h\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'p.db'}"
    Site.items = 2
    assert main(["watch", str(f), "--db", db, "--once"]) == 0
    store = Store(db)
    assert store.counts()["articles"] == 2
    Site.items = 3
    assert main(["watch", str(f), "--db", db, "--once", "--force"]) == 0
    assert store.counts()["articles"] == 3
    fetched = [h[0] for h in Site.hits if h[0].startswith("/news/story-")]
    assert len(fetched) == 3  # articles already stored are not fetched again


def test_a_server_error_is_retried_within_the_poll(site, tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'w.db'}")
    poll_once(load_config(_config(tmp_path, site, "/error.xml")), store)
    assert len([h for h in Site.hits if h[0] == "/error.xml"]) == 2


def test_a_crash_in_the_middle_of_a_poll_loses_no_article(site, tmp_path, monkeypatch, db_url):
    Site.items = 3
    cfg = load_config(_config(tmp_path, site, "/feed.xml"))
    store = Store(db_url)
    real_add, calls = Store.add_article, []

    def dies_on_the_second(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the machine goes down after the first article is stored
        return real_add(self, *args, **kwargs)

    monkeypatch.setattr(Store, "add_article", dies_on_the_second)
    with pytest.raises(KeyboardInterrupt):
        poll_once(cfg, store)
    monkeypatch.setattr(Store, "add_article", real_add)
    assert store.counts()["articles"] == 1
    # the restarted watcher must not be told "not modified" for a feed it never finished
    report = poll_once(cfg, Store(db_url), force=True)
    assert report.new_articles == 2 and report.not_modified == 0
    assert store.counts()["articles"] == 3


def _wait_for(predicate, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_the_watcher_process_killed_and_restarted_takes_every_article_once(site, tmp_path):
    db = f"sqlite:///{tmp_path / 'w.db'}"
    f = tmp_path / "feeds.yaml"
    f.write_text(f"allow_private: true\nhost_delay: 0\nsources:\n  - name: wire\n    url: {site}/feed.xml\n"
                 "    every: 1s\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "sitrep.cli", "watch", str(f), "--db", db]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    store = Store(db)

    def articles():
        try:
            return store.counts()["articles"]
        except Exception:  # the watcher is still creating the schema
            return 0

    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert _wait_for(lambda: articles() == 1)
        proc.kill()  # no clean shutdown
        proc.wait(10)
        Site.items = 3
        proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
        assert _wait_for(lambda: articles() == 3)
        polls = len([h for h in Site.hits if h[0] == "/feed.xml"])
        assert _wait_for(lambda: len([h for h in Site.hits if h[0] == "/feed.xml"]) >= polls + 2, 30)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 130 and "run the same command again to resume" in err
    assert articles() == 3
    assert sorted({e["article_id"] for e in store.events()}) == ["item-0", "item-1", "item-2"]
    assert Site.hits[-1] == ("/feed.xml", '"v3"')  # later polls were conditional
