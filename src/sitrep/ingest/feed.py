"""RSS and Atom feeds: each entry becomes an article (its full content or summary)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import feedparser

from sitrep.ingest.common import Defaults, make_article
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


def parse_feed(name: str, raw: bytes, defaults: Defaults) -> Iterator[Article | InputError]:
    parsed = feedparser.parse(raw)
    entries = [e for e in parsed.entries if e.get("title") or e.get("summary") or e.get("content")]
    if parsed.get("bozo") and not any(_entry_text(e).strip() for e in entries):
        reason = parsed.get("bozo_exception")
        raise InputError(f"{name}: feed cannot be parsed ({reason})")
    if not entries:
        raise InputError(f"{name}: feed has no entries")
    site = (parsed.feed.get("title") or "").strip()
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
                id=entry.get("id") or entry.get("link"),
                title=entry.get("title") or "",
                url=entry.get("link") or "",
                published=published or defaults.published,
                source=site or defaults.source,
            )
        except InputError as exc:
            yield exc
