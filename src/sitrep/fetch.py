"""The one way sitrep fetches over HTTP: `sitrep watch` (feeds, listing pages, robots.txt),
`sitrep ingest URL` and webhook deliveries all go through `fetch`.

What it guarantees (docs/security-ingest.md):

- only http and https; the host is resolved once, every address is checked against the
  address rules, and the connection goes to that checked address (no second look-up, so a
  DNS answer that changes in between cannot move the request inside); the Host header, TLS
  SNI and certificate check still use the host name of the URL;
- redirects are followed here, hop by hop, each hop under the same rules, up to a limit;
- loopback, private, link-local, shared (100.64.0.0/10), multicast, reserved, unspecified and
  their IPv6 forms (IPv4-mapped, 6to4, NAT64) are refused unless the policy allows them;
- one deadline for the whole request (connection, TLS, headers, body and every redirect),
  not a timeout per read;
- the body is streamed and capped twice: bytes on the wire and bytes after gzip/deflate;
- only the content types the caller accepts.
"""

from __future__ import annotations

import fnmatch
import http.client
import io
import ipaddress
import select
import socket
import ssl
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from sitrep.model import InputError

USER_AGENT = "sitrep/0.1 (+https://github.com/sitrep)"
REDIRECTS = (301, 302, 303, 307, 308)
# feeds, HTML, plain text and JSON records
CONTENT_TYPES = ("text/*", "application/xml", "application/*+xml", "application/json",
                 "application/*+json", "application/x-ndjson", "application/jsonl")
SHARED = ipaddress.ip_network("100.64.0.0/10")
NAT64 = ipaddress.ip_network("64:ff9b::/96")
CHUNK = 65536


class FetchError(InputError):
    """A fetch failed or was refused; the message names the URL and what to do."""


class AddressRefused(FetchError):
    pass


class FetchTimeout(FetchError):
    pass


class TooLarge(FetchError):
    pass


@dataclass(frozen=True)
class FetchPolicy:
    """What one kind of fetch may do. `timeout` is the deadline of one whole request."""

    allow_private: bool = False
    allow_networks: tuple[str, ...] = ()  # CIDRs allowed although not public, e.g. an intranet
    timeout: float = 15.0
    max_bytes: int = 10_000_000  # bytes received (before gzip/deflate decoding)
    max_decoded_bytes: int = 30_000_000  # bytes after decoding
    max_redirects: int = 5
    content_types: tuple[str, ...] | None = CONTENT_TYPES  # None: any
    user_agent: str = USER_AGENT
    cafile: str | None = None  # extra CA certificates (an intranet CA, tests)
    allow_hint: str = "allow private addresses in the configuration to fetch it"
    _networks: tuple = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        try:
            nets = tuple(ipaddress.ip_network(n, strict=False) for n in self.allow_networks)
        except ValueError as exc:
            raise ValueError(f"allow_networks: {exc}") from None
        object.__setattr__(self, "_networks", nets)

    def allows(self, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        if self.allow_private:
            return True
        return any(ip.version == n.version and ip in n for n in self._networks)


@dataclass
class Response:
    url: str  # the final URL, after redirects
    status: int
    headers: http.client.HTTPMessage
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return (self.headers.get("content-type") or "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        return self.headers.get_content_charset() if self.headers.get("content-type") else None

    @property
    def text(self) -> str:
        try:
            return self.body.decode(self.charset or "utf-8", errors="replace")
        except LookupError:  # a charset Python does not know
            return self.body.decode("utf-8", errors="replace")


def address_problem(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why this address is not a public internet address (None if it is one)."""
    if ip.version == 6:
        embedded = ip.ipv4_mapped or (ip.sixtofour if ip.sixtofour else None)
        if embedded is None and ip in NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:  # judged by the IPv4 address it carries
            inner = address_problem(embedded)
            return f"{inner} (inside IPv6)" if inner else None
    checks = [
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("shared (100.64.0.0/10)", ip.version == 4 and ip in SHARED),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("site-local", ip.version == 6 and ip.is_site_local),
        ("non-public", not ip.is_global),
    ]
    for kind, bad in checks:
        if bad:
            return kind
    return None


def resolve(host: str, port: int) -> list[str]:
    """Every address of `host` (looked up once per request)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    seen: list[str] = []
    for info in infos:
        addr = info[4][0].split("%")[0]  # drop an IPv6 zone
        if addr not in seen:
            seen.append(addr)
    return seen


@dataclass
class _Target:
    scheme: str
    host: str
    port: int
    path: str  # path and query, as sent


def _target(url: str) -> _Target:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchError(f"{url}: not a valid URL") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    if not parts.hostname:
        raise FetchError(f"{url}: the URL has no host")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if any(c in path for c in "\r\n ") or any(ord(c) < 32 for c in path):
        raise FetchError(f"{url}: the URL contains spaces or control characters")
    return _Target(scheme, parts.hostname, port or (443 if scheme == "https" else 80), path)


def checked_addresses(url: str, policy: FetchPolicy) -> list[str]:
    """Resolve the URL's host once and check every address; the addresses to connect to."""
    t = _target(url)
    try:
        addrs = resolve(t.host, t.port)
    except (socket.gaierror, UnicodeError, OSError):
        raise FetchError(f"{url}: cannot resolve {t.host}; check the host name") from None
    if not addrs:
        raise FetchError(f"{url}: cannot resolve {t.host}; check the host name")
    for addr in addrs:
        ip = ipaddress.ip_address(addr)
        kind = address_problem(ip)
        if kind and not policy.allows(ip):
            raise AddressRefused(f"{url}: refusing {kind} address {ip} ({policy.allow_hint})")
    return addrs


class _DeadlineReader(io.RawIOBase):
    """A socket's reads, each bounded by what is left of the request's deadline."""

    def __init__(self, sock: socket.socket, deadline: float):
        self._sock, self._deadline = sock, deadline

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("deadline passed")
        self._sock.settimeout(left)
        return self._sock.recv_into(b)


class _DeadlineSocket:
    """What http.client needs of a socket, with every read and write under the deadline."""

    def __init__(self, sock: socket.socket, deadline: float):
        self._sock, self._deadline = sock, deadline

    def makefile(self, mode: str = "rb", *args, **kwargs):
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline), CHUNK)

    def sendall(self, data) -> None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("deadline passed")
        self._sock.settimeout(left)
        self._sock.sendall(data)

    def close(self) -> None:
        pass  # http.client closes its socket while the response is still read: see shut()

    def __getattr__(self, name: str):
        return getattr(self._sock, name)


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection to one checked address; Host, SNI and the certificate check use
    the URL's host name."""

    def __init__(self, target: _Target, addr: str, deadline: float, context: ssl.SSLContext | None):
        super().__init__(target.host, target.port)
        self._addr, self._deadline, self._context = addr, deadline, context
        self._raw: socket.socket | None = None

    def connect(self) -> None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("deadline passed")
        sock = socket.create_connection((self._addr, self.port), timeout=left)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self._context is not None:
                sock = self._handshake(sock)
        except BaseException:
            sock.close()
            raise
        self._raw = sock
        self.sock = _DeadlineSocket(sock, self._deadline)

    def shut(self) -> None:
        """Close the connection for good (once the response is read)."""
        self.close()
        if self._raw is not None:
            self._raw.close()
            self._raw = None

    def _handshake(self, sock: socket.socket) -> ssl.SSLSocket:
        tls = self._context.wrap_socket(sock, server_hostname=self.host, do_handshake_on_connect=False)
        tls.setblocking(False)
        while True:
            left = self._deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("deadline passed during the TLS handshake")
            try:
                tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                select.select([tls], [], [], left)
            except ssl.SSLWantWriteError:
                select.select([], [tls], [], left)
        tls.setblocking(True)
        return tls


def _context(policy: FetchPolicy) -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    if policy.cafile:
        ctx.load_verify_locations(cafile=policy.cafile)
    return ctx


def _media_allowed(media: str, patterns: tuple[str, ...] | None) -> bool:
    return patterns is None or not media or any(fnmatch.fnmatchcase(media, p) for p in patterns)


def _read_body(resp: http.client.HTTPResponse, url: str, policy: FetchPolicy) -> bytes:
    """The body, streamed under both caps: received bytes and decoded bytes."""
    length = resp.getheader("content-length")
    if length and length.strip().isdigit() and int(length) > policy.max_bytes:
        raise TooLarge(f"{url}: response too large ({int(length) / 1e6:.1f} MB > "
                       f"{policy.max_bytes / 1e6:g} MB limit)")
    encoding = (resp.getheader("content-encoding") or "identity").strip().lower()
    if encoding in ("identity", ""):
        inflater = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        inflater = zlib.decompressobj(47)  # zlib or gzip header, detected
    else:
        raise FetchError(f"{url}: unsupported content encoding {encoding[:30]!r}")
    received = decoded = 0
    parts: list[bytes] = []
    try:
        while True:
            chunk = resp.read1(CHUNK)
            if not chunk:
                break
            received += len(chunk)
            if received > policy.max_bytes:
                raise TooLarge(f"{url}: response too large (more than {policy.max_bytes / 1e6:g} MB)")
            if inflater is not None:
                chunk = inflater.decompress(chunk, policy.max_decoded_bytes - decoded + 1)
            decoded += len(chunk)
            if decoded > policy.max_decoded_bytes:
                raise TooLarge(f"{url}: response inflates to more than "
                               f"{policy.max_decoded_bytes / 1e6:g} MB")
            parts.append(chunk)
        if inflater is not None:
            rest = inflater.flush()
            if decoded + len(rest) > policy.max_decoded_bytes:
                raise TooLarge(f"{url}: response inflates to more than "
                               f"{policy.max_decoded_bytes / 1e6:g} MB")
            parts.append(rest)
    except zlib.error:
        raise FetchError(f"{url}: the {encoding} body cannot be decoded") from None
    except http.client.IncompleteRead:
        raise FetchError(f"{url}: the connection closed before the whole body arrived") from None
    if resp.length:  # a Content-Length the server did not fill
        raise FetchError(f"{url}: the connection closed before the whole body arrived")
    return b"".join(parts)


def _one_request(url: str, policy: FetchPolicy, deadline: float, method: str,
                 headers: dict[str, str], body: bytes | None, read_body: bool) -> Response:
    target = _target(url)
    addrs = checked_addresses(url, policy)
    context = _context(policy) if target.scheme == "https" else None
    for addr in addrs:
        conn = _PinnedConnection(target, addr, deadline, context)
        try:
            conn.request(method, target.path, body=body, headers=headers)
            resp = conn.getresponse()
            out = Response(url=url, status=resp.status, headers=resp.headers)
            ok = 200 <= resp.status < 300
            if ok and not _media_allowed(out.content_type, policy.content_types):
                raise FetchError(f"{url}: content type {out.content_type[:60]!r} is not accepted "
                                 "(expected a feed, an HTML page, text or JSON)")
            if ok and read_body:
                out.body = _read_body(resp, url, policy)
            return out
        except ConnectionRefusedError:
            continue  # the next address, if any
        finally:
            conn.shut()
    raise FetchError(f"{url}: cannot fetch (connection refused)")


def fetch(url: str, policy: FetchPolicy, *, method: str = "GET", headers: dict[str, str] | None = None,
          body: bytes | None = None, follow_redirects: bool = True, read_body: bool = True) -> Response:
    """One request under `policy`; redirects (GET only) are followed hop by hop.

    Returns the final response (any status; the body is read for 2xx only). Raises FetchError
    with one line naming `url` when the fetch is refused or fails."""
    deadline = time.monotonic() + policy.timeout
    sent = {"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate", "Connection": "close",
            **(headers or {})}
    current = url
    try:
        for _ in range(policy.max_redirects + 1):
            try:
                resp = _one_request(current, policy, deadline, method, sent, body, read_body)
            except FetchError as exc:
                if current != url:  # name the input first, then the hop that failed
                    raise exc.__class__(f"{url}: redirected to {exc}") from None
                raise
            location = resp.headers.get("location")
            if not (follow_redirects and method == "GET" and resp.status in REDIRECTS and location):
                return resp
            current = urljoin(current, location.strip())
        raise FetchError(f"{url}: more than {policy.max_redirects} redirects")
    except (TimeoutError, socket.timeout):
        raise FetchTimeout(f"{url}: timed out after {policy.timeout:g} s") from None
    except ssl.SSLCertVerificationError as exc:
        raise FetchError(f"{url}: TLS certificate not valid for this host ({exc.verify_message})") from None
    except ssl.SSLError as exc:
        raise FetchError(f"{url}: TLS error ({exc.reason or exc.__class__.__name__})") from None
    except http.client.HTTPException as exc:
        raise FetchError(f"{url}: bad HTTP response ({exc.__class__.__name__})") from None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise FetchError(f"{url}: cannot fetch ({reason})") from None


__all__ = ["FetchPolicy", "FetchError", "AddressRefused", "FetchTimeout", "TooLarge", "Response",
           "fetch", "checked_addresses", "address_problem", "resolve"]
