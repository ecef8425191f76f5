"""Turn files, directories and URLs into Articles.

`read_inputs` yields an Article or an InputError per record, so one bad record never stops
a batch. Each input kind has its own module: text, html, records (JSON/JSONL), feed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.ingest.common import Defaults, decode_bytes, fetch_url, looks_like_feed, looks_like_html
from sitrep.ingest.feed import parse_feed
from sitrep.ingest.html import parse_html
from sitrep.ingest.records import parse_records
from sitrep.ingest.text import parse_text
from sitrep.model import Article, InputError

SUFFIX_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "records",
    ".jsonl": "records",
    ".ndjson": "records",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Directories become their files (sorted, recursive); URLs and files pass through."""
    for p in paths:
        if p.startswith(("http://", "https://")):
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield str(child)
        else:
            yield p


def read_inputs(
    paths: Iterable[str],
    published: dt.date | None = None,
    source: str | None = None,
    max_bytes: int = 5_000_000,
) -> Iterator[Article | InputError]:
    """Yield every article in `paths`, or an InputError naming the input and the reason."""
    defaults = Defaults(published=published, source=source, max_bytes=max_bytes)
    for name in expand_paths(paths):
        try:
            if name.startswith(("http://", "https://")):
                raw, content_type = fetch_url(name)
                kind = "feed" if "xml" in content_type or "rss" in content_type else "html"
                if kind == "html" and looks_like_feed(raw[:2000]):
                    kind = "feed"
            else:
                path = Path(name)
                if not path.exists():
                    raise InputError(f"{name}: no such file or directory")
                raw = path.read_bytes()
                kind = SUFFIX_KINDS.get(path.suffix.lower(), "")
                if not kind:
                    head = raw[:2000]
                    kind = "feed" if looks_like_feed(head) else "html" if looks_like_html(head) else "text"
            yield from _parse(kind, name, raw, defaults)
        except InputError as exc:
            yield exc
        except OSError as exc:
            yield InputError(f"{name}: cannot read ({exc.strerror or exc})")


def _parse(kind: str, name: str, raw: bytes, defaults: Defaults) -> Iterator[Article | InputError]:
    if not raw.strip():
        raise InputError(f"{name}: empty file")
    if kind == "records":
        yield from parse_records(name, raw, defaults)
    elif kind == "feed":
        yield from parse_feed(name, raw, defaults)
    elif kind == "html":
        if len(raw) > defaults.max_bytes * 4:
            raise InputError(f"{name}: page too large ({len(raw) / 1e6:.1f} MB)")
        url = name if name.startswith(("http://", "https://")) else ""
        yield parse_html(name, decode_bytes(name, raw), defaults, url=url)
    else:
        yield parse_text(name, decode_bytes(name, raw), defaults)


__all__ = ["Defaults", "expand_paths", "read_inputs"]
