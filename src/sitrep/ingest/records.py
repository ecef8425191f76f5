"""JSON and JSONL records with id, url, title, text, published, source, language.

Every record is checked at the edge: a JSON object, its known fields of the right types and
lengths, nested no deeper than MAX_DEPTH. A bad record is one error line naming the file and
line (or array index), never its text; the other records go on. JSONL files are read line by
line, so a large file is never held whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from sitrep.ingest.common import Defaults, decode_bytes, json_type, make_article
from sitrep.model import Article, InputError

MAX_DEPTH = 32  # records are flat; a deeper structure is refused
STRING_FIELDS = ("id", "url", "title", "source", "language")
SKIP_CHUNK = 1 << 20


def parse_records(name: str, raw: bytes, defaults: Defaults) -> Iterator[Article | InputError]:
    """Records from a whole file's bytes: a JSON array, or JSON lines."""
    text = decode_bytes(name, raw)
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}: invalid JSON ({exc.msg} at line {exc.lineno})") from None
        except RecursionError:
            raise InputError(f"{name}: JSON nested too deeply (records are flat objects)") from None
        if not isinstance(items, list):
            raise InputError(f"{name}: expected a JSON array of records")
        for i, item in enumerate(items, 1):
            yield _record(f"{name}[{i}]", item, defaults)
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield _line(f"{name}:{lineno}", line, defaults)


def parse_record_lines(name: str, stream: BinaryIO, defaults: Defaults,
                       max_line: int) -> Iterator[Article | InputError]:
    """Records from a JSONL stream, one line at a time; a line longer than `max_line` bytes
    is skipped unread (one error line)."""
    lineno, warned = 0, False
    while True:
        raw = stream.readline(max_line + 1)
        if not raw:
            return
        lineno += 1
        where = f"{name}:{lineno}"
        if len(raw) > max_line and not raw.endswith(b"\n"):
            while (more := stream.readline(SKIP_CHUNK)) and not more.endswith(b"\n"):
                pass
            yield InputError(f"{where}: line too long (more than {max_line / 1e6:.1f} MB); skipped")
            continue
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        try:
            line = decode_bytes(where, raw, warn=not warned)  # warned once per file
            warned = warned or not _utf8(raw)
        except InputError as exc:
            yield exc
            continue
        yield _line(where, line, defaults)


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _line(where: str, line: str, defaults: Defaults) -> Article | InputError:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(f"{where}: malformed JSON line ({exc.msg}); skipped")
    except RecursionError:
        return InputError(f"{where}: JSON nested too deeply (records are flat objects); skipped")
    return _record(where, item, defaults)


def depth(value: object, limit: int = MAX_DEPTH) -> int:
    """How deeply lists and objects nest in `value` (counted without recursion, up to limit+1)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, (list, dict)):
            deepest = max(deepest, level)
            if deepest > limit:
                return deepest
            stack.extend((child, level + 1) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def _record(where: str, item: object, defaults: Defaults) -> Article | InputError:
    if not isinstance(item, dict):
        return InputError(f"{where}: expected a JSON object with a 'text' field, not {json_type(item)}")
    if depth(item) > MAX_DEPTH:
        return InputError(f"{where}: record nested deeper than {MAX_DEPTH} levels; skipped")
    text = item.get("text")
    if not isinstance(text, str):
        return InputError(f"{where}: record has no 'text' string")
    for key in STRING_FIELDS:
        value = item.get(key)
        if value is not None and not isinstance(value, str) and not (key == "id" and type(value) is int):
            return InputError(f"{where}: '{key}' must be a string, not {json_type(value)}")
    published = item.get("published") or item.get("date")
    if published is not None and not isinstance(published, str):
        return InputError(f"{where}: 'published' must be a date string such as 2020-01-31, "
                          f"not {json_type(published)}")
    try:
        return make_article(
            where,
            text,
            defaults,
            id=item.get("id"),
            title=item.get("title") or "",
            url=item.get("url") or "",
            published=published or defaults.published,
            source=item.get("source"),
            language=item.get("language"),
        )
    except InputError as exc:
        return exc
