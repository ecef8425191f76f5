"""Actor search for people: a typed name or alias ("ISIS", "Daesh") -> the stored actor names
it means, through the actor dictionary's aliases (data/actors/*.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache


def _fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@lru_cache(maxsize=1)
def _entries() -> list[tuple[re.Pattern[str], list[str]]]:
    """(pattern of the names an entry is stored under, its folded name and aliases)."""
    from sitrep.extract.actors import load_entries

    out = []
    for e in load_entries():
        name = re.escape(e.name).replace(re.escape("{country}"), ".*")
        bare = re.escape(e.display("", ""))
        pattern = re.compile(f"^(?:{name}|{bare})$", re.IGNORECASE)
        out.append((pattern, [_fold(n) for n in (e.display("", ""), *e.aliases, *e.context_aliases) if n]))
    return out


def suggest(query: str, stored: list[str], limit: int = 10) -> list[dict[str, str]]:
    """Stored actor names for `query`, best first: names that start with it, names with a word
    that starts with it, then names whose dictionary entry has an alias that does. Each comes
    with `match`: the name itself, or the alias that found it."""
    q = _fold(query)
    if not q:
        return []
    ranked: dict[str, tuple[int, str]] = {}
    for name in stored:
        f = _fold(name)
        if f.startswith(q):
            ranked[name] = (0, name)
        elif f" {q}" in f" {f}":
            ranked[name] = (1, name)
    hits = [(pattern, next(a for a in names if f" {q}" in f" {a}"))
            for pattern, names in _entries() if any(f" {q}" in f" {a}" for a in names)]
    if hits:
        for name in stored:
            if name in ranked:
                continue
            for pattern, alias in hits:
                if pattern.match(name):
                    ranked[name] = (2, alias)
                    break
    order = sorted(ranked.items(), key=lambda kv: (kv[1][0], kv[0].lower()))
    return [{"name": name, "match": how} for name, (_, how) in order[:limit]]
