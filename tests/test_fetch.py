"""sitrep.fetch against real HTTP(S) servers on loopback that redirect, drip, bomb and lie.

"Public" is played by 127.0.0.2, which the policies here allow (allow_networks) while every
other loopback address stays refused; host names are mapped to addresses only at resolution
level (socket.getaddrinfo), the connections are real.
"""

from __future__ import annotations

import gzip
import ipaddress
import socket
import ssl
import subprocess
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitrep import fetch as fetchmod
from sitrep.fetch import (
    AddressRefused,
    FetchError,
    FetchPolicy,
    FetchTimeout,
    TooLarge,
    address_problem,
    fetch,
)

PUBLIC = "127.0.0.2"  # stands for a public address: allowed by the policies below
FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title>'
        b"<guid>a-1</guid><description>Gunmen killed two shepherds near Hit on Sunday.</description>"
        b"</item></channel></rss>")


def policy(**kw) -> FetchPolicy:
    return FetchPolicy(allow_networks=(f"{PUBLIC}/32",), **{"timeout": 5.0, **kw})


class Handler(BaseHTTPRequestHandler):
    """Answers by the path; every request is recorded on the server."""

    def do_GET(self):  # noqa: N802
        self.server.hits.append((self.path, self.headers.get("Host")))
        route = self.server.routes.get(self.path.split("?")[0])
        if route is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        try:
            route(self)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass  # the client gave up, as it should

    do_POST = do_GET

    def log_message(self, *args):
        pass


def send(handler, body: bytes, ctype="application/rss+xml", status=200, headers=()):
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    for k, v in headers:
        handler.send_header(k, v)
    handler.end_headers()
    handler.wfile.write(body)


def redirect(handler, location: str, status=302):
    handler.send_response(status)
    handler.send_header("Location", location)
    handler.send_header("Content-Length", "0")
    handler.end_headers()


class Server:
    def __init__(self, host: str, port: int = 0, context: ssl.SSLContext | None = None):
        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        if context is not None:
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.httpd.hits, self.httpd.routes = [], {}
        self.port = self.httpd.server_address[1]
        self.base = f"{'https' if context else 'http'}://{host}:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def hits(self) -> list:
        return self.httpd.hits

    @property
    def routes(self) -> dict:
        return self.httpd.routes

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def public():
    s = Server(PUBLIC)
    yield s
    s.close()


@pytest.fixture()
def inside():
    """A server on 127.0.0.1: the inside a hostile feed wants to reach."""
    s = Server("127.0.0.1")
    s.routes["/secret"] = lambda h: send(h, b"internal secret", "text/plain")
    yield s
    s.close()


def map_hosts(monkeypatch, mapping: dict[str, list[str]], calls: list | None = None):
    """Resolve the test host names to the given addresses, one list per look-up (the last
    list repeats): the only thing faked is the DNS answer."""
    real = socket.getaddrinfo

    def fake(host, port, *args, **kwargs):
        if host in mapping:
            if calls is not None:
                calls.append(host)
            answers = mapping[host]
            addr = answers.pop(0) if len(answers) > 1 else answers[0]
            family = socket.AF_INET6 if ":" in addr else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (addr, port or 0))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)


# -- address rules ------------------------------------------------------------------------

@pytest.mark.parametrize("addr, kind", [
    ("127.0.0.1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.1", "private"),
    ("172.16.5.4", "private"), ("169.254.169.254", "link-local"), ("100.64.0.1", "shared"),
    ("100.127.255.254", "shared"), ("224.0.0.251", "multicast"), ("239.1.2.3", "multicast"),
    ("0.0.0.0", "unspecified"), ("240.0.0.1", "reserved"), ("255.255.255.255", "reserved"),
    ("::1", "loopback"), ("::", "unspecified"), ("fe80::1", "link-local"), ("fc00::1", "private"),
    ("fd12:3456::1", "private"), ("ff02::1", "multicast"), ("fec0::1", "site-local"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:169.254.169.254", "link-local"),
    ("::ffff:100.64.0.1", "shared"), ("2002:a00:1::", "private"), ("64:ff9b::a9fe:a9fe", "link-local"),
    ("::127.0.0.1", "reserved"),
])
def test_non_public_addresses_are_classified(addr, kind):
    assert kind in (address_problem(ipaddress.ip_address(addr)) or "")


@pytest.mark.parametrize("addr", ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8",
                                  "64:ff9b::808:808"])
def test_public_addresses_pass(addr):
    assert address_problem(ipaddress.ip_address(addr)) is None


@pytest.mark.parametrize("addr", ["127.0.0.1", "10.0.0.5", "100.64.1.1", "169.254.169.254", "224.0.0.1",
                                  "::ffff:10.0.0.5", "::1", "0.0.0.0"])
def test_a_name_resolving_inside_is_refused_before_any_connection(monkeypatch, addr):
    map_hosts(monkeypatch, {"feed.example": [addr]})
    connects = []
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: connects.append(a))
    with pytest.raises(AddressRefused) as exc:
        fetch("http://feed.example/rss", FetchPolicy())
    msg = str(exc.value)
    assert msg.startswith("http://feed.example/rss: refusing ") and str(ipaddress.ip_address(addr)) in msg
    assert connects == []
    # allowed by the configuration: then it is tried
    with pytest.raises(Exception):
        fetch("http://feed.example/rss", FetchPolicy(allow_private=True, timeout=1))
    assert connects


def test_a_name_with_one_inside_address_among_public_ones_is_refused(monkeypatch):
    real = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, port, *a, **k: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("8.8.8.8", port)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.1", port))] if host == "mixed.example"
        else real(host, port, *a, **k))
    with pytest.raises(AddressRefused, match="private address 10.0.0.1"):
        fetch("http://mixed.example/", FetchPolicy())


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/", "http:///nohost",
                                 "http://example.org:99999/"])
def test_only_http_and_https_urls_are_fetched(url):
    with pytest.raises(FetchError):
        fetch(url, FetchPolicy(allow_private=True))


# -- redirects ----------------------------------------------------------------------------

def test_a_redirect_to_loopback_is_refused_and_never_requested(public, inside):
    public.routes["/feed.xml"] = lambda h: redirect(h, f"{inside.base}/secret")
    with pytest.raises(AddressRefused) as exc:
        fetch(f"{public.base}/feed.xml", policy())
    msg = str(exc.value)
    assert msg.startswith(f"{public.base}/feed.xml: redirected to {inside.base}/secret: refusing loopback")
    assert inside.hits == []
    # with private addresses allowed the same redirect is followed
    r = fetch(f"{public.base}/feed.xml", policy(allow_private=True))
    assert r.body == b"internal secret" and r.url == f"{inside.base}/secret"


def test_every_hop_is_checked_and_the_hops_are_limited(public, inside):
    public.routes["/a"] = lambda h: redirect(h, "/b", 301)
    public.routes["/b"] = lambda h: redirect(h, "/c", 307)
    public.routes["/c"] = lambda h: redirect(h, f"http://localhost:{inside.port}/secret", 308)
    with pytest.raises(AddressRefused, match="redirected to .*localhost.*refusing loopback"):
        fetch(f"{public.base}/a", policy())
    assert [p for p, _ in public.hits] == ["/a", "/b", "/c"] and inside.hits == []
    public.routes["/loop"] = lambda h: redirect(h, "/loop")
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch(f"{public.base}/loop", policy(max_redirects=3))
    public.routes["/file"] = lambda h: redirect(h, "file:///etc/passwd")
    with pytest.raises(FetchError, match="only http and https"):
        fetch(f"{public.base}/file", policy())


def test_the_connection_goes_to_the_checked_address_not_a_second_answer(monkeypatch, public):
    """DNS rebinding: the first answer is public, any later one points inside."""
    inside = Server("127.0.0.1", public.port)  # the same port on the inside address
    try:
        public.routes["/feed.xml"] = lambda h: send(h, FEED)
        inside.routes["/feed.xml"] = lambda h: send(h, b"<rss>inside</rss>")
        calls: list = []
        map_hosts(monkeypatch, {"rebind.example": [PUBLIC, "127.0.0.1"]}, calls)
        r = fetch(f"http://rebind.example:{public.port}/feed.xml", policy())
        assert r.body == FEED and inside.hits == [] and len(calls) == 1
        # the server saw the URL's host name, not the address
        assert public.hits == [("/feed.xml", f"rebind.example:{public.port}")]
        # the next request resolves again and gets the inside answer: refused
        with pytest.raises(AddressRefused):
            fetch(f"http://rebind.example:{public.port}/feed.xml", policy())
        assert inside.hits == []
    finally:
        inside.close()


# -- time and size ------------------------------------------------------------------------

def _drip_body(h):
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", "100")
    h.end_headers()
    for _ in range(100):
        h.wfile.write(b"x")
        h.wfile.flush()
        time.sleep(0.25)


def _drip_headers(h):
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nX-Padding: " + b"a" * 100:
        h.wfile.write(bytes([byte]))
        h.wfile.flush()
        time.sleep(0.25)


@pytest.mark.parametrize("route", [_drip_body, _drip_headers])
def test_a_dripping_server_is_cut_off_at_the_deadline(public, route):
    public.routes["/slow"] = route
    start = time.monotonic()
    with pytest.raises(FetchTimeout, match=r"/slow: timed out after 1.5 s"):
        fetch(f"{public.base}/slow", policy(timeout=1.5))
    assert time.monotonic() - start < 2.5  # a deadline, not a timeout per read


def test_the_deadline_covers_the_redirects_too(public):
    def slow_redirect(h):
        time.sleep(0.6)
        redirect(h, "/next")

    public.routes["/first"] = slow_redirect
    public.routes["/next"] = slow_redirect
    start = time.monotonic()
    with pytest.raises(FetchTimeout):
        fetch(f"{public.base}/first", policy(timeout=1.0, max_redirects=10))
    assert time.monotonic() - start < 1.8


def test_a_gzip_bomb_is_stopped_at_the_decoded_cap(public):
    bomb = gzip.compress(b"\0" * 50_000_000, 9)  # about 50 kB that inflate to 50 MB
    assert len(bomb) < 100_000
    public.routes["/bomb.xml"] = lambda h: send(h, bomb, headers=[("Content-Encoding", "gzip")])
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge, match="inflates to more than 1 MB"):
            fetch(f"{public.base}/bomb.xml", policy(max_decoded_bytes=1_000_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000
    # an honest gzip response is decoded
    public.routes["/feed.xml"] = lambda h: send(h, gzip.compress(FEED), headers=[("Content-Encoding", "gzip")])
    assert fetch(f"{public.base}/feed.xml", policy()).body == FEED


def _endless(h):
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()  # no length: the body ends when the connection does
    chunk = b"<p>" + b"a" * 65_533
    for _ in range(5000):  # 300 MB if nobody stops reading
        h.wfile.write(chunk)


def test_a_huge_body_is_stopped_at_the_size_cap_while_streaming(public):
    public.routes["/huge"] = _endless
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge, match="/huge: response too large"):
            fetch(f"{public.base}/huge", policy(max_bytes=2_000_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000


def test_a_declared_length_over_the_cap_is_refused_before_reading(public):
    def liar(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(300_000_000))
        h.end_headers()
        h.wfile.write(b"<p>")
        time.sleep(3)

    public.routes["/big"] = liar
    start = time.monotonic()
    with pytest.raises(TooLarge, match=r"300.0 MB > 1 MB"):
        fetch(f"{public.base}/big", policy(max_bytes=1_000_000))
    assert time.monotonic() - start < 1.5


def test_content_types_outside_the_accepted_ones_are_refused(public):
    public.routes["/img"] = lambda h: send(h, b"\x89PNG" + b"\0" * 100, "image/png")
    public.routes["/any"] = lambda h: send(h, b"data", "application/octet-stream")
    with pytest.raises(FetchError, match="content type 'image/png' is not accepted"):
        fetch(f"{public.base}/img", policy())
    assert fetch(f"{public.base}/any", policy(content_types=None)).body == b"data"
    public.routes["/br"] = lambda h: send(h, b"xx", "text/html", headers=[("Content-Encoding", "br")])
    with pytest.raises(FetchError, match="unsupported content encoding"):
        fetch(f"{public.base}/br", policy())


def test_a_body_cut_short_is_an_error(public):
    def short(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "1000")
        h.end_headers()
        h.wfile.write(b"<p>only this")
        h.wfile.flush()
        h.close_connection = True

    public.routes["/short"] = short
    with pytest.raises(FetchError, match="closed before the whole body"):
        fetch(f"{public.base}/short", policy())


# -- TLS to the pinned address --------------------------------------------------------------

@pytest.fixture(scope="module")
def tls_files(tmp_path_factory):
    """A throw-away CA and a certificate for feed.example, made with the openssl tool."""
    d = tmp_path_factory.mktemp("tls")

    def run(*args):
        subprocess.run(["openssl", *args], cwd=d, check=True, capture_output=True)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=sitrep test CA", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "srv.key", "-out", "srv.csr", "-subj", "/CN=feed.example")
    (d / "ext.cnf").write_text("subjectAltName=DNS:feed.example\n", encoding="utf-8")
    run("x509", "-req", "-in", "srv.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "srv.pem",
        "-days", "2", "-extfile", "ext.cnf")
    return d


@pytest.fixture()
def tls_server(tls_files):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(tls_files / "srv.pem", tls_files / "srv.key")
    names: list = []
    ctx.sni_callback = lambda sock, name, c: names.append(name)
    s = Server(PUBLIC, context=ctx)
    s.sni = names
    s.routes["/feed.xml"] = lambda h: send(h, FEED)
    yield s
    s.close()


def test_https_to_the_pinned_address_sends_sni_and_checks_the_certificate_name(monkeypatch, tls_server, tls_files):
    map_hosts(monkeypatch, {"feed.example": [PUBLIC], "other.example": [PUBLIC]})
    pol = policy(cafile=str(tls_files / "ca.pem"))
    r = fetch(f"https://feed.example:{tls_server.port}/feed.xml", pol)
    assert r.body == FEED
    assert tls_server.sni[-1] == "feed.example"
    assert tls_server.hits[-1] == ("/feed.xml", f"feed.example:{tls_server.port}")
    # the same server under a name its certificate does not carry
    with pytest.raises(FetchError, match="TLS certificate not valid"):
        fetch(f"https://other.example:{tls_server.port}/feed.xml", pol)
    # and without the test CA nothing is trusted
    with pytest.raises(FetchError, match="TLS certificate not valid"):
        fetch(f"https://feed.example:{tls_server.port}/feed.xml", policy())


def test_a_stalled_tls_handshake_is_cut_off_at_the_deadline():
    """A server that accepts the connection and never answers the TLS hello."""
    listener = socket.socket()
    listener.bind((PUBLIC, 0))
    listener.listen(1)
    try:
        start = time.monotonic()
        with pytest.raises(FetchTimeout):
            fetch(f"https://{PUBLIC}:{listener.getsockname()[1]}/", policy(timeout=1.0))
        assert time.monotonic() - start < 2.0
    finally:
        listener.close()


def test_resolve_is_the_only_lookup(monkeypatch, public):
    """Nothing below fetch looks the name up again (http.client would, given a chance)."""
    public.routes["/feed.xml"] = lambda h: send(h, FEED)
    calls: list = []
    map_hosts(monkeypatch, {"once.example": [PUBLIC]}, calls)
    looked: list = []
    real = fetchmod.resolve
    monkeypatch.setattr(fetchmod, "resolve", lambda host, port: looked.append(host) or real(host, port))
    fetch(f"http://once.example:{public.port}/feed.xml", policy())
    assert looked == ["once.example"] and calls == ["once.example"]
