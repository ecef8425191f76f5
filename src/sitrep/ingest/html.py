"""HTML pages: main text, title, publication date and site name, via trafilatura."""

from __future__ import annotations

import logging

import trafilatura

from sitrep.ingest.common import MAX_SOURCE, MAX_TITLE, MAX_URL, Defaults, make_article
from sitrep.model import Article, InputError

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def parse_html(name: str, html: str, defaults: Defaults, url: str = "") -> Article:
    try:
        doc = trafilatura.bare_extraction(
            html, url=url or None, with_metadata=True, include_comments=False,
            include_tables=False, favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(f"{name}: cannot parse HTML ({exc.__class__.__name__})") from None
    if doc is None:
        raise InputError(f"{name}: no article text found in the HTML page")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if len(text) < 40:
        raise InputError(f"{name}: no article text found in the HTML page")
    return make_article(
        name,
        text,
        defaults,
        title=" ".join(str(data.get("title") or "").split())[:MAX_TITLE],
        url=url or str(data.get("url") or "")[:MAX_URL],
        published=data.get("date") or defaults.published,
        source=" ".join(str(data.get("sitename") or data.get("hostname") or defaults.source or "").split())[:MAX_SOURCE],
    )
