"""Helpers shared by the input readers: decoding, ids, dates, size limits."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from sitrep.model import Article, InputError


@dataclass
class Defaults:
    """What the command line supplies where the input lacks it."""

    published: dt.date | None = None
    source: str | None = None
    max_bytes: int = 5_000_000


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode_bytes(name: str, raw: bytes) -> str:
    """Decode text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

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
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
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
    """Validate and build one Article; raise InputError naming the input on bad data."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
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
    return Article(
        id=str(id) if id else content_id(text),
        text=text,
        title=(title or "").strip(),
        url=url or "",
        published=pub or defaults.published,
        source=(source or defaults.source or "").strip(),
        language=language or "en",
        origin=name,
    )


def looks_like_html(head: bytes) -> bool:
    h = head.lstrip().lower()
    return h.startswith((b"<!doctype html", b"<html")) or b"<body" in h


def looks_like_feed(head: bytes) -> bool:
    h = head.lstrip().lower()
    return b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h


def fetch_url(url: str, timeout: float = 20.0) -> tuple[bytes, str]:
    """GET a URL and return (body, content type); InputError on any failure."""
    import httpx

    try:
        resp = httpx.get(url, timeout=timeout, follow_redirects=True,
                         headers={"User-Agent": "sitrep/0.1 (+news event coder)"})
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: cannot fetch ({exc.__class__.__name__}: {exc})") from None
    if resp.status_code >= 400:
        raise InputError(f"{url}: HTTP {resp.status_code}")
    return resp.content, resp.headers.get("content-type", "").lower()
