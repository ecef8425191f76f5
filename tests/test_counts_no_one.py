"""The words for no one are not a dead person: "Nobody was killed" counts none."""

from sitrep.extract.counts import named_dead
from sitrep.nlp import load_nlp


def test_no_one_killed_counts_none():
    nlp = load_nlp()
    for text in ("Nobody was killed.", "Nobody died in the fire, the mayor said.",
                 "None of the passengers died.", "Nobody was killed when the shell hit the school."):
        assert named_dead(nlp(text)) == 0, text


def test_a_named_single_dead_still_counts():
    nlp = load_nlp()
    assert named_dead(nlp("A night watchman was killed.")) == 1
    assert named_dead(nlp("Gunmen killed the headmaster and his driver.")) == 2
