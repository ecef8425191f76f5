"""Helpers shared by the input readers: decoding, ids, dates, size limits, record checks and
fetching URLs (through sitrep.fetch, under the address rules)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import re
import unicodedata
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, replace

from sitrep.fetch import FetchPolicy, fetch
from sitrep.model import Article, InputError

log = logging.getLogger("sitrep.ingest")

# what the store keeps of each field (articles table); longer values are refused at the edge
MAX_ID = 200
MAX_SOURCE = 300
MAX_TITLE = 2000
MAX_URL = 8000
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}")


@dataclass
class Defaults:
    """What the command line supplies where the input lacks it."""

    published: dt.date | None = None
    source: str | None = None
    max_bytes: int = 5_000_000


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode_bytes(name: str, raw: bytes, warn: bool = True) -> str:
    """Decode text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 with a
    warning naming the input (logger sitrep.ingest; the CLI prints it).

    Binary data (NUL bytes or many control characters) is refused.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: unreadable UTF-16 text ({exc.reason})") from None
    sample = raw[:8192]
    if b"\x00" in sample or len(_CONTROL.findall(sample.decode("latin-1"))) > len(sample) * 0.02:
        raise InputError(f"{name}: binary data, not text (expected text, HTML, JSON or a feed)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start - (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        try:
            text, guess = raw.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            text, guess = raw.decode("latin-1"), "Latin-1"
        if warn:
            log.warning("%s: not valid UTF-8 (byte 0x%02x at offset %d); read as %s: if its text looks "
                        "wrong, convert the file to UTF-8", name, raw[exc.start], max(offset, 0), guess)
    return unicodedata.normalize("NFC", text)


def content_id(text: str) -> str:
    """A stable id from the article's words: whitespace and case do not change it."""
    norm = " ".join(text.lower().split())
    return "sha1:" + hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: object) -> dt.date | None:
    """Read a publication date (ISO, RFC 822, 'July 9, 2019', ...). None if absent.

    Raises ValueError when a date is given but cannot be read.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    m = _ISO_DATE.match(text)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    from dateutil import parser as dateutil_parser

    try:
        return dateutil_parser.parse(text, fuzzy=False).date()
    except (ValueError, OverflowError, TypeError):
        raise ValueError(f"cannot read the date {text[:40]!r}") from None


def make_article(
    name: str,
    text: str,
    defaults: Defaults,
    *,
    id: str | None = None,
    title: str = "",
    url: str = "",
    published: object = None,
    source: str | None = None,
    language: str | None = None,
) -> Article:
    """Validate and build one Article; raise InputError naming the input on bad data.

    Error messages name the input and the field, never the field's value (it may be the
    article's text)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise InputError(f"{name}: no article text")
    if len(text.encode("utf-8")) > defaults.max_bytes:
        size = len(text.encode("utf-8")) / 1e6
        raise InputError(
            f"{name}: article too large ({size:.1f} MB > {defaults.max_bytes / 1e6:.1f} MB);"
            " split it into articles or raise --max-bytes"
        )
    try:
        pub = parse_date(published)
    except ValueError as exc:
        raise InputError(f"{name}: {exc}; give it as YYYY-MM-DD or use --published") from None
    id = _short(name, "id", id, MAX_ID)
    title = _short(name, "title", title, MAX_TITLE)
    url = _short(name, "url", url, MAX_URL)
    source = _short(name, "source", source or defaults.source, MAX_SOURCE)
    language = _short(name, "language", language, 16)
    if language and not _LANGUAGE.fullmatch(language):
        raise InputError(f"{name}: 'language' must be a language code such as en or pt-BR")
    return Article(
        id=id or content_id(text),
        text=text,
        title=title,
        url=url,
        published=pub or defaults.published,
        source=source,
        language=language or "en",
        origin=name,
    )


def _short(name: str, field: str, value: object, limit: int) -> str:
    """A one-line string field, stripped, at most `limit` characters; InputError otherwise."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"{name}: '{field}' must be a string, not {json_type(value)}")
    text = str(value).replace("\x00", "").strip()
    if len(text) > limit:
        raise InputError(f"{name}: '{field}' is too long ({len(text)} characters > {limit})")
    return text


def json_type(value: object) -> str:
    """How a JSON value's type reads in an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def looks_like_html(head: bytes) -> bool:
    h = head.lstrip().lower()
    return h.startswith((b"<!doctype html", b"<html")) or b"<body" in h


def looks_like_feed(head: bytes) -> bool:
    h = head.lstrip().lower()
    return b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h


URL_HINT = "run with --allow-private (or set SITREP_ALLOW_PRIVATE=1) to fetch it"
_URL_POLICY: ContextVar[FetchPolicy | None] = ContextVar("sitrep_url_policy", default=None)


def url_policy() -> FetchPolicy:
    """The rules for `sitrep ingest URL`: those the command set, else the defaults (private
    addresses refused unless $SITREP_ALLOW_PRIVATE is 1)."""
    policy = _URL_POLICY.get()
    if policy is None:
        policy = FetchPolicy(allow_private=os.environ.get("SITREP_ALLOW_PRIVATE") == "1",
                             timeout=20.0, allow_hint=URL_HINT)
    return policy


@contextlib.contextmanager
def using_url_policy(policy: FetchPolicy) -> Iterator[None]:
    token = _URL_POLICY.set(policy)
    try:
        yield
    finally:
        _URL_POLICY.reset(token)


def fetch_url(url: str, max_bytes: int = 5_000_000) -> tuple[bytes, str, str | None]:
    """GET a URL under the address rules and caps; (body, content type, charset of the body
    as declared, or None). A text body in a declared charset other than UTF-8 comes back as
    UTF-8 (and its charset as "utf-8"); an XML body is left as it is, with its declared
    charset, for the feed parser. InputError naming the URL on any failure."""
    policy = url_policy()
    limit = max(4 * max_bytes, 1)
    policy = replace(policy, max_bytes=min(policy.max_bytes, limit),
                     max_decoded_bytes=min(policy.max_decoded_bytes, limit))
    resp = fetch(url, policy)
    if resp.status >= 300:
        raise InputError(f"{url}: HTTP {resp.status}")
    body, charset = resp.body, (resp.charset or "").lower()
    if charset and charset not in ("utf-8", "utf8") and "xml" not in resp.content_type:
        try:  # the server said what it sent: no guess, no warning
            body, charset = body.decode(charset).encode("utf-8"), "utf-8"
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: decode_bytes reads it and says so
    return body, resp.content_type, charset or None
