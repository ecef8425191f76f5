"""Session 45 (lead): a list the parser hangs on a noun as its apposition adds its people when one
of them cannot be among the noun's people (counts.APPOSED_LIST, lexicons people_class_*).
Sentences written by the team."""

import pytest

from count_reading import dead
from sitrep.extract import counts


@pytest.mark.parametrize("switch, sentence, expected", [
    ("APPOSED_LIST", "Raiders shot dead two men, a woman and a boy at the well.", 4),
    ("APPOSED_LIST", "The ambush killed three soldiers, a civilian and a child near the checkpoint.", 5),
    ("APPOSED_LIST", "Gunmen killed a man, a woman and a girl on the farm road.", 3),
])
def test_dead_with_switch(monkeypatch, switch, sentence, expected):
    assert dead(sentence) == expected
    monkeypatch.setattr(counts, switch, 0)
    counts._cleaned_cached.cache_clear()
    assert dead(sentence) != expected


@pytest.mark.parametrize("sentence, expected", [
    ("The shelling killed three people, a woman and her two children.", 3),  # who the three were
    ("Gunmen shot dead two men, a trader and his son.", 2),
    ("Two civilians, a mother and her baby, died when the roof fell in.", 2),
    ("The strike killed four people, including a woman and a boy.", 4),
])
def test_list_tells_who_they_were(sentence, expected):
    assert dead(sentence) == expected


def test_people_classes_are_word_lists():
    from sitrep.extract.lexicons import words
    for name in ("men", "women", "children", "armed", "civilians"):
        assert words(f"people_class_{name}")
    assert counts._other_people("men", "woman") and not counts._other_people("men", "farmer")
