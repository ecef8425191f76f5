"""What stands between the network and the app: ASGI layers for the request-size limit, the
Host allow-list and the security headers; the login limiter (its counts live in the store, so
every worker process sees the same); the CSRF token bound to a session; the Content Security
Policy of the pages. docs/security.md says what each defends against.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]

MAX_BODY = 256 * 1024  # no request of this API needs more (an edit, a login, a note)
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


async def send_error(send: Send, status: int, message: str, close: bool = False) -> None:
    """A JSON error like FastAPI's own ({"detail": message})."""
    body = json.dumps({"detail": message}).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuses (413) a request body over `max_bytes`: at once when Content-Length says so; a
    body without a length (chunked) is read up to the limit before the app sees any of it."""

    def __init__(self, app: Any, max_bytes: int = MAX_BODY):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not declared.strip().isdigit() or int(declared) > self.max_bytes:
                return await send_error(send, 413, self._message(), close=True)
            return await self.app(scope, receive, send)
        if _header(scope, b"transfer-encoding") is None:
            return await self.app(scope, receive, send)
        body = await self._read(receive)
        if body is None:
            return await send_error(send, 413, self._message(), close=True)
        return await self.app(scope, _replay(body, receive), send)

    def _message(self) -> str:
        return f"request body larger than {self.max_bytes} bytes"

    async def _read(self, receive: Receive) -> bytes | None:
        chunks, size = [], 0
        while True:
            msg = await receive()
            if msg["type"] != "http.request":
                return b"".join(chunks)
            size += len(msg.get("body", b""))
            if size > self.max_bytes:
                return None
            chunks.append(msg.get("body", b""))
            if not msg.get("more_body", False):
                return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def again() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return again


def host_name(header: str) -> str:
    """The host of a Host header, without port or trailing dot, lower case ("[::1]:80" -> "::1")."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1:h.find("]")] if "]" in h else h
    if h.count(":") == 1:
        h = h.split(":", 1)[0]
    return h.rstrip(".")


class HostGuard:
    """Answers only requests whose Host header names this server: a page on another site whose
    name was pointed at 127.0.0.1 (DNS rebinding) gets a 400, not the store. "*" allows any."""

    def __init__(self, app: Any, allowed: Iterable[str]):
        self.app = app
        self.allowed = {host_name(h) for h in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "*" not in self.allowed:
            host = host_name(_header(scope, b"host") or "")
            if host not in self.allowed:
                return await send_error(send, 400, f"Host {host[:100]!r} is not served here "
                                        "(sitrep serve --allowed-host NAME adds a name)")
        return await self.app(scope, receive, send)


class SecurityHeaders:
    """Adds the Content Security Policy, frame and sniffing headers to every response that
    does not set its own."""

    def __init__(self, app: Any, csp: str):
        self.app = app
        self.headers = [(b"content-security-policy", csp.encode()), (b"x-frame-options", b"DENY"),
                        (b"x-content-type-options", b"nosniff"),
                        (b"referrer-policy", b"strict-origin-when-cross-origin"),
                        (b"cross-origin-opener-policy", b"same-origin")]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(msg: dict[str, Any]) -> None:
            if msg["type"] == "http.response.start":
                have = {k.lower() for k, _ in msg.get("headers", [])}
                msg["headers"] = list(msg.get("headers", [])) + [h for h in self.headers if h[0] not in have]
            await send(msg)

        return await self.app(scope, receive, with_headers)


def tile_source(template: str | None) -> str:
    """The CSP source of a tile URL template ("https://{s}.tile.example.org/{z}/{x}/{y}.png" ->
    "https://*.tile.example.org"); "" without tiles. ValueError for anything but http(s)."""
    if not template:
        return ""
    parts = urlsplit(template)
    host = re.sub(r"^\{[a-z]\}\.", "*.", parts.netloc)
    if parts.scheme not in ("http", "https") or not host or re.search(r"[{}\s;,'\"]", host):
        raise ValueError(f"tiles must be an http(s) URL template with a fixed host, not {template[:100]!r}")
    return f"{parts.scheme}://{host}"


def page_policy(tiles: str | None) -> str:
    """The Content Security Policy of the map page and the API: this server only (Leaflet is
    served locally), images also from the configured tile server, no framing."""
    img = " ".join(x for x in ("'self' data:", tile_source(tiles)) if x)
    return ("default-src 'self'; script-src 'self'; style-src 'self'; "
            f"img-src {img}; connect-src 'self'; font-src 'self'; object-src 'none'; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def csrf_for(session: str) -> str:
    """The CSRF token of a session: derived from it, so a token from another session (or one
    an attacker planted in a cookie) does not pass; one-way, so it does not reveal the session."""
    digest = hashlib.sha256(b"sitrep-csrf\x00" + session.encode("utf-8", "surrogatepass")).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


@dataclass(frozen=True)
class LoginLimits:
    per_name_and_address: int = 5  # failures for one name from one address
    per_address: int = 20  # failures from one address, whatever the names (spraying)
    per_account: int = 30  # failures for one name from anywhere (rotating addresses)
    window: float = 300.0  # seconds


def _key(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


class LoginLimiter:
    """Counts failed logins in the store under hashed keys (a 1 MB name costs 64 bytes), so
    the state is bounded, shared by worker processes and evicted after the window."""

    def __init__(self, store: Any, limits: LoginLimits = LoginLimits()):
        self.store, self.limits = store, limits

    def _keys(self, name: str, address: str) -> dict[str, tuple[str, int]]:
        lim = self.limits
        return {"name_and_address": (_key("pair", name, address), lim.per_name_and_address),
                "address": (_key("address", address), lim.per_address),
                "account": (_key("account", name), lim.per_account)}

    def blocked(self, name: str, address: str) -> bool:
        keys = self._keys(name, address)
        since = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=self.limits.window)
        counts = self.store.login_failure_counts([k for k, _ in keys.values()], since)
        return any(counts[k] >= limit for k, limit in keys.values())

    def fail(self, name: str, address: str) -> None:
        now = dt.datetime.now(dt.timezone.utc)
        self.store.record_login_failure([k for k, _ in self._keys(name, address).values()], now,
                                        now - dt.timedelta(seconds=self.limits.window))
