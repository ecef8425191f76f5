"""The dead a sentence tells, as the pipeline counts them: the figures' words completed by the
people the parse names (counts.extract_counts with counts.with_named_dead). Shared by the count
tests."""

from sitrep.extract import counts
from sitrep.extract.counts import extract_counts, with_named_dead
from sitrep.nlp import parse_sentences


def dead(sentence: str) -> int:
    doc = next(iter(parse_sentences([sentence])))
    return with_named_dead(extract_counts(sentence), doc, sentence).killed


def dead_needs_switch(monkeypatch, switch: str, sentence: str, expected: int) -> None:
    """The sentence tells `expected` dead with the counts switch on, and not with it off."""
    assert dead(sentence) == expected
    monkeypatch.setattr(counts, switch, 0)
    counts._cleaned_cached.cache_clear()
    assert dead(sentence) != expected
