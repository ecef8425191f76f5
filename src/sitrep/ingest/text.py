"""Plain-text articles: the first non-empty line is the title."""

from __future__ import annotations

from sitrep.ingest.common import Defaults, make_article
from sitrep.model import Article


def parse_text(name: str, text: str, defaults: Defaults) -> Article:
    stripped = text.lstrip("\n\r \t")
    title, _, _ = stripped.partition("\n")
    # Keep the whole text (title included) so evidence offsets index the file's words.
    return make_article(name, stripped, defaults, title=title.strip()[:300])
