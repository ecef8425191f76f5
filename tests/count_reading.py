"""The dead a sentence tells, as the pipeline counts them: the figures' words completed by the
people the parse names (counts.extract_counts with counts.with_named_dead). Shared by the count
tests."""

from sitrep.extract.counts import extract_counts, with_named_dead
from sitrep.nlp import parse_sentences


def dead(sentence: str) -> int:
    doc = next(iter(parse_sentences([sentence])))
    return with_named_dead(extract_counts(sentence), doc, sentence).killed
