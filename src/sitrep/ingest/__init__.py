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
from sitrep.ingest.records import parse_record_lines, parse_records
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
    """Yield every article in `paths`, or an InputError naming the input and the reason.

    Nothing one input does stops the others: any failure while reading it becomes its error
    line. URLs are fetched under sitrep.ingest.common.url_policy (address rules, caps)."""
    defaults = Defaults(published=published, source=source, max_bytes=max_bytes)
    for name in expand_paths(paths):
        try:
            if name.startswith(("http://", "https://")):
                yield from _read_url(name, defaults)
            else:
                yield from _read_file(name, defaults)
        except InputError as exc:
            yield exc
        except OSError as exc:
            yield InputError(f"{name}: cannot read ({exc.strerror or exc.__class__.__name__})")
        except (RecursionError, MemoryError, ValueError, TypeError, LookupError) as exc:
            yield InputError(f"{name}: cannot read this input ({exc.__class__.__name__}); skipped")


def _read_url(name: str, defaults: Defaults) -> Iterator[Article | InputError]:
    raw, content_type, charset = fetch_url(name, defaults.max_bytes)
    kind = "feed" if "xml" in content_type or "rss" in content_type else "html"
    if kind == "html" and looks_like_feed(raw[:2000]):
        kind = "feed"
    if "json" in content_type:
        kind = "records"
    elif content_type == "text/plain" and not looks_like_feed(raw[:2000]):
        kind = "text"
    yield from _parse(kind, name, raw, defaults, charset=charset)


def limit_for(kind: str, max_bytes: int) -> int:
    """The largest file of a kind read whole: a text file holds one article (UTF-16 takes
    twice the bytes), a page or a feed carries markup, a JSON array many records."""
    return (2 if kind == "text" else 4) * max_bytes


def _read_file(name: str, defaults: Defaults) -> Iterator[Article | InputError]:
    path = Path(name)
    if not path.exists():
        raise InputError(f"{name}: no such file or directory")
    if not path.is_file():
        raise InputError(f"{name}: not a regular file")
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(4096)
        kind = SUFFIX_KINDS.get(path.suffix.lower(), "")
        if not kind:
            kind = "feed" if looks_like_feed(head) else "html" if looks_like_html(head) else "text"
        if kind == "records" and not _whole_json(head):
            if size <= len(head) and not head.strip():
                raise InputError(f"{name}: empty file")
            f.seek(0)
            yield from parse_record_lines(name, f, defaults, max_line=limit_for("records", defaults.max_bytes))
            return
        limit = limit_for(kind, defaults.max_bytes)
        if size > limit:  # checked before the file is read
            what = "article" if kind == "text" else "file"
            hint = ("write the records as JSONL, one per line" if kind == "records"
                    else "split it or raise --max-bytes")
            raise InputError(f"{name}: {what} too large ({size / 1e6:.1f} MB > {limit / 1e6:.1f} MB); {hint}")
        raw = head + f.read(limit + 1 - len(head))
    if len(raw) > limit:  # the file grew while it was read
        raise InputError(f"{name}: file too large (more than {limit / 1e6:.1f} MB)")
    yield from _parse(kind, name, raw, defaults)


def _whole_json(head: bytes) -> bool:
    """A JSON array (or UTF-16 text) is read whole; JSON lines are streamed."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"[")


def _parse(kind: str, name: str, raw: bytes, defaults: Defaults,
           charset: str | None = None) -> Iterator[Article | InputError]:
    if not raw.strip():
        raise InputError(f"{name}: empty file")
    if kind == "records":
        yield from parse_records(name, raw, defaults)
    elif kind == "feed":
        yield from parse_feed(name, raw, defaults, charset=charset)
    elif kind == "html":
        if len(raw) > defaults.max_bytes * 4:
            raise InputError(f"{name}: page too large ({len(raw) / 1e6:.1f} MB)")
        url = name if name.startswith(("http://", "https://")) else ""
        yield parse_html(name, decode_bytes(name, raw), defaults, url=url)
    else:
        yield parse_text(name, decode_bytes(name, raw), defaults)


__all__ = ["Defaults", "expand_paths", "read_inputs"]
