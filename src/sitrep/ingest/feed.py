"""RSS and Atom feeds: each entry becomes an article (its full content or summary)."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import io
import re
from collections.abc import Iterator

import feedparser

from sitrep.ingest.common import MAX_ID, MAX_SOURCE, MAX_TITLE, MAX_URL, Defaults, make_article
from sitrep.model import Article, InputError


def _entry_text(entry: dict) -> str:
    html = ""
    for content in entry.get("content") or []:
        if len(content.get("value", "")) > len(html):
            html = content["value"]
    if not html:
        html = entry.get("summary") or entry.get("description") or ""
    return html_to_text(html)


def html_to_text(html: str) -> str:
    """Paragraph-preserving text from an HTML fragment (scripts and styles dropped)."""
    import lxml.html

    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:
        return ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    blocks = []
    for el in root.iter("p", "h1", "h2", "h3", "li", "blockquote"):
        t = " ".join(el.text_content().split())
        if t:
            blocks.append(t)
    if not blocks:
        blocks = [" ".join(root.text_content().split())]
    return "\n\n".join(blocks)


def _entry_id(entry: dict) -> str | None:
    """The entry's id (or link); a very long one is replaced by a digest of it."""
    key = entry.get("id") or entry.get("link")
    if key and len(key) > MAX_ID:
        return "sha1:" + hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()
    return key or None


def _charset_headers(charset: str | None) -> dict[str, str] | None:
    """The HTTP charset of a fetched feed, as response headers for feedparser (which sees no
    HTTP response of its own): it then decodes with it, as RFC 7303 says a charset parameter
    wins over the XML declaration. An XML media type is named so that feedparser does not
    also apply its rule for bare text/* (US-ASCII); None when the charset is missing or
    unknown to Python, leaving the BOM, the XML declaration and UTF-8 to decide."""
    if not charset:
        return None
    charset = charset.strip().strip('"').lower()
    try:
        codecs.lookup(charset)
    except LookupError:
        return None
    if not re.fullmatch(r"[a-z0-9._:-]{1,40}", charset):
        return None
    return {"content-type": f"application/xml; charset={charset}"}


def parse_feed(name: str, raw: bytes, defaults: Defaults,
               charset: str | None = None) -> Iterator[Article | InputError]:
    """The feed's entries as articles. The body is handed to feedparser only as a stream:
    given a str or bytes, feedparser would take a body such as `/etc/passwd` or
    `http://...` for a file to open or a URL to fetch. `charset`: the one the HTTP response
    declared (Content-Type), which a feed without an XML declaration needs to be read right."""
    if not isinstance(raw, (bytes, bytearray)):
        raise TypeError("parse_feed takes the feed's bytes")
    parsed = feedparser.parse(io.BytesIO(bytes(raw)), response_headers=_charset_headers(charset))
    entries = [e for e in parsed.entries if e.get("title") or e.get("summary") or e.get("content")]
    if parsed.get("bozo") and not any(_entry_text(e).strip() for e in entries):
        reason = parsed.get("bozo_exception")
        raise InputError(f"{name}: feed cannot be parsed ({reason})")
    if not entries:
        raise InputError(f"{name}: feed has no entries")
    site = " ".join((parsed.feed.get("title") or "").split())[:MAX_SOURCE]
    for i, entry in enumerate(entries, 1):
        where = f"{name}#{i}"
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
        try:
            yield make_article(
                where,
                _entry_text(entry),
                defaults,
                id=_entry_id(entry),
                title=" ".join((entry.get("title") or "").split())[:MAX_TITLE],
                url=(entry.get("link") or "")[:MAX_URL],
                published=published or defaults.published,
                source=site or defaults.source,
            )
        except InputError as exc:
            yield exc
