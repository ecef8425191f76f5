"""JSON and JSONL records with id, url, title, text, published, source, language."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sitrep.ingest.common import Defaults, decode_bytes, make_article
from sitrep.model import Article, InputError


def parse_records(name: str, raw: bytes, defaults: Defaults) -> Iterator[Article | InputError]:
    text = decode_bytes(name, raw)
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}: invalid JSON ({exc.msg} at line {exc.lineno})") from None
        for i, item in enumerate(items, 1):
            yield _record(f"{name}[{i}]", item, defaults)
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: malformed JSON line ({exc.msg}); skipped")
            continue
        yield _record(where, item, defaults)


def _record(where: str, item: object, defaults: Defaults) -> Article | InputError:
    if not isinstance(item, dict):
        return InputError(f"{where}: expected a JSON object with a 'text' field")
    text = item.get("text")
    if not isinstance(text, str):
        return InputError(f"{where}: record has no 'text' string")
    try:
        return make_article(
            where,
            text,
            defaults,
            id=item.get("id"),
            title=str(item.get("title") or ""),
            url=str(item.get("url") or ""),
            published=item.get("published") or item.get("date") or defaults.published,
            source=item.get("source"),
            language=item.get("language"),
        )
    except InputError as exc:
        return exc
