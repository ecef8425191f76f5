"""What aircraft drop is a strike unless it is paper or relief: leaflets, food, aid
(data/event_cues.yaml, training/air_non_strikes.jsonl)."""

import datetime as dt

from sitrep.extract.cues import get_lexicon
from sitrep.extract.events import extract
from sitrep.model import Article

PUB = dt.date(2023, 9, 14)


def _events(text):
    return extract([Article(id="a", text=text, published=PUB)])[0]


def test_the_air_cue_takes_a_drop_of_munitions_not_of_leaflets_or_relief():
    lexicon = get_lexicon()

    def air(text):
        return [c.text for c in lexicon.find(text) if c.cls == "Air/drone strike"]

    assert air("Two jets dropped bombs on the river port of Wadi Salma.")
    assert air("A helicopter reportedly dropped three barrels of explosives on the village.")
    assert not air("Two jets dropped leaflets on the river port of Wadi Salma.")
    assert not air("Army planes dropped tents and food parcels to the displaced near Wadi Salma.")
    assert not air("The aircraft dropped humanitarian supplies over the camp.")


def test_leaflets_and_relief_dropped_from_the_air_are_no_event():
    for text in ("Air force jets dropped leaflets over the river port of Wadi Salma on Tuesday, telling "
                 "families to move north before the offensive.",
                 "Army planes dropped tents and food parcels to families stranded near Wadi Salma on Tuesday.",
                 "A military helicopter dropped medical supplies to the cut-off hospital in Wadi Salma on Tuesday."):
        assert _events(text) == [], text


def test_bombs_dropped_from_the_air_are_a_strike():
    [ev] = _events("Air force jets dropped bombs on the river port of Wadi Salma on Tuesday, killing five fishermen.")
    assert ev.sub_event_type == "Air/drone strike" and ev.fatalities == 5


def test_a_drop_of_paper_or_relief_is_no_strike_even_where_the_decider_reads_one(monkeypatch):
    """events.DROPS: with no cue word left, the object of the verb of dropping decides."""
    from sitrep.extract import events as E

    text = "Air force jets dropped leaflets over the river port of Wadi Salma on Tuesday."

    class _SureStrike:  # a decider that reads every sentence as an air strike
        def probabilities(self, texts):
            return [{"none": 0.05, "Air/drone strike": 0.9, "Other": 0.05} for _ in texts]

        decide = probabilities

    def run():
        return extract([Article(id="a", text=text, published=PUB)], typer=_SureStrike())[0]

    assert run() == []
    monkeypatch.setattr(E, "DROPS", False)
    assert [e.sub_event_type for e in run()] == ["Air/drone strike"]
