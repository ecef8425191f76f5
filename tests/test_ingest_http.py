"""Inputs fetched over real HTTP from a server on loopback."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitrep.cli import main
from test_ingest import FEED, HTML


class Handler(BaseHTTPRequestHandler):
    routes = {
        "/feed.xml": ("application/rss+xml", FEED),
        "/story.html": ("text/html; charset=utf-8", HTML),
        "/broken.xml": ("application/rss+xml", "<rss><channel><item><title>x</titl"),
    }

    def do_GET(self):  # noqa: N802
        if self.path not in self.routes:
            self.send_response(404)
            self.end_headers()
            return
        ctype, body = self.routes[self.path]
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_feed_and_page_urls_are_ingested_and_http_errors_reported(server, tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'x.db'}"
    code = main(["ingest", f"{server}/feed.xml", f"{server}/story.html", f"{server}/missing.html",
                 f"{server}/broken.xml", "--db", db, "--quiet", "--allow-private"])
    err = capsys.readouterr().err
    assert code == 1
    assert "stored 2 new articles" in err
    assert "missing.html: HTTP 404" in err
    assert "broken.xml: feed cannot be parsed" in err
    assert main(["events", "--db", db, "--format", "json"]) == 0
    events = json.loads(capsys.readouterr().out)
    urls = {e["sources"][0]["url"] for e in events}
    assert "https://desert.test/1" in urls and f"{server}/story.html" in urls


def test_unreachable_url_is_one_error_line(capsys):
    assert main(["extract", "http://127.0.0.1:9/nothing.html", "--format", "jsonl", "--allow-private"]) == 1
    err = capsys.readouterr().err
    assert "127.0.0.1:9/nothing.html: cannot fetch" in err
