"""Word lists of the extraction rules (data/lexicons.yaml), compiled once.

`pattern(name)`: a regex matching any of the list's fragments as a whole word (lower-cased
text; `word_start_only` lists match word starts: "kill" finds "killed"); `words(name)`: a
frozenset of exact lower-case tokens; `regex(name)`: a whole regular expression, compiled as
written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from sitrep import yaml_data


@lru_cache(maxsize=1)
def _data() -> dict:
    path = resources.files("sitrep") / "data" / "lexicons.yaml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8"))
    for name, entry in data.items():
        if not isinstance(entry, dict) or not entry.get("doc") or not (
                entry.get("patterns") or entry.get("words") or entry.get("regex")):
            raise ValueError(f"lexicons.yaml: {name!r} needs a doc and patterns, words or a regex")
    return data


@lru_cache(maxsize=None)
def pattern(name: str) -> re.Pattern[str]:
    entry = _data()[name]
    body = "|".join(f"(?:{p})" for p in entry["patterns"])
    tail = "" if entry.get("word_start_only") else r"\b"
    return re.compile(rf"\b(?:{body}){tail}", re.IGNORECASE)


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _data()[name]["words"])


@lru_cache(maxsize=None)
def regex(name: str) -> re.Pattern[str]:
    """A whole regular expression of the lexicon (`regex`), compiled as written: case-insensitive
    unless the entry says `case_sensitive`."""
    entry = _data()[name]
    return re.compile(entry["regex"], 0 if entry.get("case_sensitive") else re.IGNORECASE)


@lru_cache(maxsize=None)
def any_word(*names: str) -> re.Pattern[str]:
    """A regex that finds any word of the named `words` lists inside a lower-cased text, even
    within a longer word: a cheap test that no token of the text can be one of them."""
    forms = sorted({w for name in names for w in words(name)}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in forms) or "(?!)")
