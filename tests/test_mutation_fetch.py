"""sitrep.fetch pinned to exact rules: each kind of refused address, URL checks, both body
caps at their limits, redirects and headers (benchmarks/mutation.py). Servers run on loopback."""

from __future__ import annotations

import gzip
import http.client
import ipaddress
import socket
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitrep import fetch as fetchmod
from sitrep.fetch import (
    AddressRefused,
    FetchError,
    FetchPolicy,
    Response,
    TooLarge,
    _media_allowed,
    _read_body,
    _target,
    address_problem,
    checked_addresses,
    fetch,
)


@pytest.mark.parametrize("addr,kind", [
    ("0.0.0.0", "unspecified"), ("::", "unspecified"), ("127.0.0.1", "loopback"), ("::1", "loopback"),
    ("169.254.1.1", "link-local"), ("fe80::1", "link-local"), ("224.0.0.1", "multicast"), ("ff02::1", "multicast"),
    ("100.64.0.1", "shared (100.64.0.0/10)"), ("100.127.255.254", "shared (100.64.0.0/10)"),
    ("240.0.0.1", "reserved"), ("100::1", "reserved"), ("10.0.0.1", "private"), ("fd00::1", "private"),
    ("fec0::1", "site-local"), ("::ffff:10.0.0.1", "private (inside IPv6)"),
    ("2002:0a00:0001::", "private (inside IPv6)"), ("64:ff9b::a00:1", "private (inside IPv6)"),
    ("::ffff:127.0.0.1", "loopback (inside IPv6)"),
    ("8.8.8.8", None), ("100.63.255.255", None), ("100.128.0.1", None), ("::ffff:8.8.8.8", None),
    ("2002:0808:0808::", None), ("64:ff9b::808:808", None), ("2001:4860:4860::8888", None),
])
def test_address_kinds(addr, kind):
    assert address_problem(ipaddress.ip_address(addr)) == kind


def test_policies_allow_networks_of_their_own_version():
    p = FetchPolicy(allow_networks=("10.0.0.0/8", "fd00::/8"))
    assert p.allows(ipaddress.ip_address("10.1.2.3")) and p.allows(ipaddress.ip_address("fd12::1"))
    assert not p.allows(ipaddress.ip_address("11.0.0.1")) and not p.allows(ipaddress.ip_address("::ffff:10.1.2.3"))
    assert FetchPolicy(allow_private=True).allows(ipaddress.ip_address("127.0.0.1"))
    assert not FetchPolicy().allows(ipaddress.ip_address("127.0.0.1"))
    assert FetchPolicy(allow_networks=("10.0.0.1/8",)).allows(ipaddress.ip_address("10.9.9.9"))  # not strict
    with pytest.raises(ValueError, match="^allow_networks: "):
        FetchPolicy(allow_networks=("ten",))


@pytest.mark.parametrize("url,scheme,host,port,path", [
    ("http://example.org", "http", "example.org", 80, "/"),
    ("HTTPS://Example.org/a/b?x=1&y=2", "https", "example.org", 443, "/a/b?x=1&y=2"),
    ("http://example.org:8080/feed", "http", "example.org", 8080, "/feed"),
    ("https://[::1]:8443/", "https", "::1", 8443, "/"),
])
def test_targets(url, scheme, host, port, path):
    t = _target(url)
    assert (t.scheme, t.host, t.port, t.path) == (scheme, host, port, path)


@pytest.mark.parametrize("url,message", [
    ("ftp://example.org/x", "only http and https URLs can be fetched"),
    ("file:///etc/passwd", "only http and https URLs can be fetched"),
    ("http:///feed", "the URL has no host"),
    ("http://example.org:99999/", "not a valid URL"),
    ("http://example.org/a b", "the URL contains spaces or control characters"),
    ("http://example.org/a\x1bb", "the URL contains spaces or control characters"),
    ("http://example.org/?q=\x01", "the URL contains spaces or control characters"),
])
def test_bad_urls(url, message):
    with pytest.raises(FetchError, match=message):
        _target(url)


def test_resolution_keeps_each_address_once_without_zones(monkeypatch):
    answers = [(0, 0, 0, "", ("fe80::1%eth0", 80, 0, 2)), (0, 0, 0, "", ("8.8.8.8", 80)),
               (0, 0, 0, "", ("8.8.8.8", 80)), (0, 0, 0, "", ("fe80::1", 80, 0, 0))]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answers)
    assert fetchmod.resolve("example.org", 80) == ["fe80::1", "8.8.8.8"]


def test_checked_addresses(monkeypatch):
    answers = {"public.test": ["8.8.8.8", "8.8.4.4"], "mixed.test": ["8.8.8.8", "10.0.0.5"], "none.test": []}

    def resolve(host, port):
        if host not in answers:
            raise socket.gaierror("no such host")
        return answers[host]

    monkeypatch.setattr(fetchmod, "resolve", resolve)
    assert checked_addresses("http://public.test/", FetchPolicy()) == ["8.8.8.8", "8.8.4.4"]
    with pytest.raises(AddressRefused, match=r"^http://mixed.test/: refusing private address 10.0.0.5 \(go ahead\)$"):
        checked_addresses("http://mixed.test/", FetchPolicy(allow_hint="go ahead"))
    assert checked_addresses("http://mixed.test/", FetchPolicy(allow_networks=("10.0.0.0/24",))) == \
        ["8.8.8.8", "10.0.0.5"]
    for host in ("none.test", "missing.test"):
        with pytest.raises(FetchError, match=f"^http://{host}/: cannot resolve {host}; check the host name$"):
            checked_addresses(f"http://{host}/", FetchPolicy())


def test_media_types():
    assert _media_allowed("text/html", ("text/*",)) and _media_allowed("application/rss+xml", ("application/*+xml",))
    assert not _media_allowed("image/png", ("text/*", "application/json"))
    assert _media_allowed("", ("text/*",)) and _media_allowed("image/png", None)


def test_response_content_type_charset_and_text():
    msg = http.client.HTTPMessage()
    msg["Content-Type"] = "Text/HTML; charset=ISO-8859-1"
    r = Response("u", 200, msg, "Kélbo".encode("latin-1"))
    assert (r.content_type, r.charset, r.text) == ("text/html", "iso-8859-1", "Kélbo")
    bare = Response("u", 200, http.client.HTTPMessage(), "Kélbo".encode())
    assert (bare.content_type, bare.charset, bare.text) == ("", None, "Kélbo")
    odd = http.client.HTTPMessage()
    odd["Content-Type"] = "text/plain; charset=no-such-charset"
    assert Response("u", 200, odd, "Kélbo".encode()).text == "Kélbo"


class _Body:
    """What _read_body needs of an HTTP response."""

    def __init__(self, data: bytes, headers=None, chunk=7, length=0):
        self._data, self._headers, self._chunk, self.length = data, headers or {}, chunk, length

    def getheader(self, name):
        return self._headers.get(name.lower())

    def read1(self, n):
        out, self._data = self._data[:min(n, self._chunk)], self._data[min(n, self._chunk):]
        return out


def test_the_received_bytes_cap_holds_at_its_limit():
    p = FetchPolicy(max_bytes=20)
    assert _read_body(_Body(b"k" * 20), "u", p) == b"k" * 20
    with pytest.raises(TooLarge, match=r"^u: response too large \(more than 2e-05 MB\)$"):
        _read_body(_Body(b"k" * 21), "u", p)
    assert _read_body(_Body(b"k" * 20, {"content-length": "20"}), "u", p) == b"k" * 20
    with pytest.raises(TooLarge, match=r"^u: response too large \(0.0 MB > 2e-05 MB limit\)$"):
        _read_body(_Body(b"", {"content-length": " 21 "}), "u", p)
    assert _read_body(_Body(b"abc", {"content-length": "x"}), "u", p) == b"abc"


@pytest.mark.parametrize("encoding", ["gzip", "x-gzip", "deflate", " GZIP "])
def test_the_decoded_bytes_cap_holds_at_its_limit(encoding):
    packed = gzip.compress(b"k" * 50) if "gzip" in encoding.lower() else zlib.compress(b"k" * 50)
    headers = {"content-encoding": encoding}
    assert _read_body(_Body(packed, headers), "u", FetchPolicy(max_decoded_bytes=50)) == b"k" * 50
    with pytest.raises(TooLarge, match="^u: response inflates to more than 4.9e-05 MB$"):
        _read_body(_Body(packed, headers), "u", FetchPolicy(max_decoded_bytes=49))


def test_the_decoded_cap_counts_what_the_final_flush_gives():
    packed = zlib.compress(b"k" * 50)
    # a chunk of the whole stream decodes to at most max-decoded+1 bytes; the rest comes in the flush
    with pytest.raises(TooLarge, match="inflates"):
        _read_body(_Body(packed, {"content-encoding": "deflate"}, chunk=len(packed)), "u",
                   FetchPolicy(max_decoded_bytes=49))


def test_body_encodings_and_broken_bodies():
    assert _read_body(_Body(b"plain", {"content-encoding": ""}), "u", FetchPolicy()) == b"plain"
    assert _read_body(_Body(b"plain", {"content-encoding": "identity"}), "u", FetchPolicy()) == b"plain"
    with pytest.raises(FetchError, match="^u: unsupported content encoding 'br'$"):
        _read_body(_Body(b"x", {"content-encoding": "br"}), "u", FetchPolicy())
    with pytest.raises(FetchError, match="^u: the gzip body cannot be decoded$"):
        _read_body(_Body(b"not gzip at all", {"content-encoding": "gzip"}), "u", FetchPolicy())
    with pytest.raises(FetchError, match="closed before the whole body arrived"):
        _read_body(_Body(b"short", length=10), "u", FetchPolicy())


class _Server(BaseHTTPRequestHandler):
    routes: dict = {}
    seen: list = []

    def do_GET(self):  # noqa: N802
        _Server.seen.append((self.command, self.path, dict(self.headers)))
        status, headers, body = _Server.routes.get(self.path, (404, {}, b""))
        self.send_response(status)
        for k, v in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    _Server.routes, _Server.seen = {}, []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = FetchPolicy(allow_private=True, timeout=5.0)


def test_redirects_are_followed_up_to_the_limit(server):
    _Server.routes = {"/a": (302, {"Location": "/b"}, b""), "/b": (301, {"Location": f"{server}/c"}, b""),
                      "/c": (200, {"Content-Type": "text/plain"}, b"Kelbo")}
    r = fetch(f"{server}/a", FetchPolicy(allow_private=True, max_redirects=2))
    assert (r.status, r.url, r.body) == (200, f"{server}/c", b"Kelbo")
    with pytest.raises(FetchError, match=f"^{server}/a: more than 1 redirects$"):
        fetch(f"{server}/a", FetchPolicy(allow_private=True, max_redirects=1))
    r = fetch(f"{server}/a", LOCAL, follow_redirects=False)
    assert (r.status, r.url) == (302, f"{server}/a")
    r = fetch(f"{server}/a", LOCAL, method="POST", body=b"{}")
    assert r.status == 302  # only GET follows


def test_a_failing_hop_names_the_input_first(server):
    _Server.routes = {"/a": (302, {"Location": "ftp://elsewhere.test/x"}, b"")}
    with pytest.raises(FetchError, match=f"^{server}/a: redirected to ftp://elsewhere.test/x: only http"):
        fetch(f"{server}/a", LOCAL)


def test_headers_sent_and_bodies_read_only_for_success(server):
    _Server.routes = {"/ok": (200, {"Content-Type": "application/json"}, b"{}"),
                      "/gone": (410, {"Content-Type": "text/plain"}, b"gone"),
                      "/png": (200, {"Content-Type": "image/png"}, b"\x89PNG")}
    r = fetch(f"{server}/ok", LOCAL, headers={"X-Test": "1", "Connection": "keep-alive"})
    assert r.body == b"{}"
    _, _, headers = _Server.seen[0]
    assert headers["User-Agent"] == fetchmod.USER_AGENT and headers["Accept-Encoding"] == "gzip, deflate"
    assert headers["X-Test"] == "1" and headers["Connection"] == "keep-alive"
    assert fetch(f"{server}/gone", LOCAL).body == b""
    assert fetch(f"{server}/ok", LOCAL, read_body=False).body == b""
    with pytest.raises(FetchError, match="content type 'image/png' is not accepted"):
        fetch(f"{server}/png", LOCAL)
    assert fetch(f"{server}/png", FetchPolicy(allow_private=True, content_types=None)).body == b"\x89PNG"


def test_a_refused_connection_tries_the_next_address_then_fails(monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match=r"cannot fetch \(connection refused\)$"):
        fetch(f"http://127.0.0.1:{port}/", LOCAL)


def test_policy_defaults():
    p = FetchPolicy()
    assert (p.allow_private, p.allow_networks, p.timeout, p.max_bytes, p.max_decoded_bytes, p.max_redirects) == \
        (False, (), 15.0, 10_000_000, 30_000_000, 5)
    assert p.content_types == fetchmod.CONTENT_TYPES and p.user_agent == fetchmod.USER_AGENT and p.cafile is None


def test_connecting_over_tls_does_the_handshake_under_the_deadline():
    """A listener that takes the TCP connection and never answers the TLS hello: connect()
    itself gives up at the deadline (the handshake is not left to the first write)."""
    import ssl
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    try:
        target = _target(f"https://feed.example:{listener.getsockname()[1]}/")
        context = ssl.create_default_context()
        start = time.monotonic()  # the deadline counts from here: building the context took time under load
        conn = fetchmod._PinnedConnection(target, "127.0.0.1", start + 0.5, context)
        with pytest.raises(TimeoutError, match="^deadline passed during the TLS handshake$"):
            conn.connect()
        assert 0.45 < time.monotonic() - start < 5.0
        assert conn._raw is None
    finally:
        listener.close()


class _FakeTLS:
    """What _handshake needs of an SSL socket: a handshake that wants to read, then to write,
    then completes."""

    def __init__(self, wants):
        self.wants, self.blocking, self.handshakes = list(wants), [], 0

    def setblocking(self, flag):
        self.blocking.append(flag)

    def do_handshake(self):
        self.handshakes += 1
        if self.wants:
            raise self.wants.pop(0)()


class _FakeContext:
    def __init__(self, tls):
        self.tls, self.wrapped = tls, []

    def wrap_socket(self, sock, server_hostname, do_handshake_on_connect):
        self.wrapped.append((sock, server_hostname, do_handshake_on_connect))
        return self.tls


def test_the_handshake_waits_for_the_socket_it_needs(monkeypatch):
    import ssl
    import time

    tls = _FakeTLS([ssl.SSLWantReadError, ssl.SSLWantWriteError])
    ctx = _FakeContext(tls)
    waits = []
    monkeypatch.setattr(fetchmod.select, "select", lambda r, w, x, left: waits.append((r, w, x, left)))
    conn = fetchmod._PinnedConnection(_target("https://feed.example/"), "192.0.2.1", time.monotonic() + 30, ctx)
    assert conn._handshake("raw socket") is tls
    assert ctx.wrapped == [("raw socket", "feed.example", False)]
    assert tls.handshakes == 3 and tls.blocking == [False, True]
    assert [(r, w, x) for r, w, x, _ in waits] == [([tls], [], []), ([], [tls], [])]
    assert all(0 < left <= 30 for *_, left in waits)


def test_other_socket_errors_name_their_reason(monkeypatch):
    import errno

    def unreachable(*args, **kwargs):
        raise OSError(errno.EHOSTUNREACH, "No route to host")

    monkeypatch.setattr(fetchmod.socket, "create_connection", unreachable)
    with pytest.raises(FetchError, match=r"^http://127.0.0.1:9/x: cannot fetch \(No route to host\)$"):
        fetch("http://127.0.0.1:9/x", LOCAL)

    def bare(*args, **kwargs):
        raise OSError()

    monkeypatch.setattr(fetchmod.socket, "create_connection", bare)
    with pytest.raises(FetchError, match=r"^http://127.0.0.1:9/x: cannot fetch \(OSError\)$"):
        fetch("http://127.0.0.1:9/x", LOCAL)


def test_the_decoded_cap_message_gives_six_figures():
    packed = gzip.compress(b"\0" * 1_234_565)
    with pytest.raises(TooLarge, match=r"^u: response inflates to more than 1.23456 MB$"):
        _read_body(_Body(packed, {"content-encoding": "gzip"}, chunk=4096), "u", FetchPolicy(max_decoded_bytes=1_234_564))
    assert _read_body(_Body(packed, {"content-encoding": "gzip"}, chunk=4096), "u",
                      FetchPolicy(max_decoded_bytes=1_234_565)) == b"\0" * 1_234_565


def test_tls_errors_name_openssls_reason_or_the_error_class(monkeypatch, server):
    import ssl

    port = server.rsplit(":", 1)[1]
    # TLS to a plain-HTTP server: OpenSSL's reason code (which one depends on the OpenSSL version)
    with pytest.raises(FetchError, match=rf"^https://127.0.0.1:{port}/: TLS error \([A-Z][A-Z0-9_]+\)$"):
        fetch(f"https://127.0.0.1:{port}/", LOCAL)

    def failing(reason):
        def connect(*args, **kwargs):
            exc = ssl.SSLError(1, "handshake failed")
            exc.reason = reason
            raise exc
        return connect

    monkeypatch.setattr(fetchmod.socket, "create_connection", failing("UNEXPECTED_RECORD"))
    with pytest.raises(FetchError, match=r"^https://127.0.0.1:9/: TLS error \(UNEXPECTED_RECORD\)$"):
        fetch("https://127.0.0.1:9/", LOCAL)
    monkeypatch.setattr(fetchmod.socket, "create_connection", failing(None))
    with pytest.raises(FetchError, match=r"^https://127.0.0.1:9/: TLS error \(SSLError\)$"):
        fetch("https://127.0.0.1:9/", LOCAL)
