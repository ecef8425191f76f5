"""Dead told in clipped forms (issue 11): a headline's passive without its "was", "one" as the
person killed, a victim who "was taken to hospital and died", a victim the parser hung on the
day before a chain of place names, and "one death"/"two deaths were reported". Every sentence
here was written for these tests; each case fails with counts.ELIDED switched off."""

import pytest

from sitrep.extract import counts as counts_mod
from sitrep.extract.counts import extract_counts, with_named_dead

CLIPPED = [
    ("Border guard shot dead while on patrol near Dunmore", 1),
    ("Militants raid a clinic in the hills, one killed and two seriously injured", 1),
    ("Raiders torched the granary and one was killed.", 1),
    ("The porter was carried to a dispensary after the assault and died.", 1),
    ("On Mar 3, a suspected cattle thief in Upper Vale, Greystone, Westmarch, north of the capital, "
     "was burnt to death by a crowd.", 1),
    ("Police raided two warehouses overnight. One death from the raids was reported.", 1),
    ("Two deaths were reported after the clashes.", 2),
]


def _killed(parse, text: str) -> int:
    return with_named_dead(extract_counts(text), parse(text), text).killed


@pytest.mark.parametrize("text,killed", CLIPPED)
def test_clipped_forms_count_their_dead(parse, text, killed):
    assert _killed(parse, text) == killed


@pytest.mark.parametrize("text,killed", CLIPPED)
def test_each_clipped_form_needs_the_switch(parse, monkeypatch, text, killed):
    monkeypatch.setattr(counts_mod, "ELIDED", 0)
    assert _killed(parse, text) < killed


@pytest.mark.parametrize("text", [
    "One death threat was sent to the editor of the weekly.",
    "The court handed down one death sentence on Monday.",
    "The soldiers shot dead a suspect at the gate.",  # one dead, counted once
    "The guards killed and fled into the forest.",
    "On Monday, in a village near the dam, the army said, a suspect was arrested.",
])
def test_no_dead_made_up(parse, text):
    expected = 1 if "shot dead a suspect" in text else 0
    assert _killed(parse, text) == expected


@pytest.mark.parametrize("text", ["No one was killed in the raid.", "Not one was hurt when the shell fell.",
                                  "No-one was injured."])
def test_no_one_is_no_one(text):
    c = extract_counts(text)
    assert (c.killed, c.injured) == (0, 0)
