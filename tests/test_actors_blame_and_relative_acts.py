"""Who did the act: the armed group a source blames (events.BLAME) and the subject of another
verb than the act's own relative clause (roles.OTHERS_ACT). Sentences written for these tests."""

import datetime as dt

from event_reading import events_of
from sitrep.extract import events as E
from sitrep.extract import roles as R
from sitrep.model import Article

PUB = dt.date(2020, 11, 3)

SHELLING = (
    "Three civilians were wounded when mortar rounds fell on a market in the city of Marib on Monday, "
    "medical sources said.\n\n"
    "The governor's office blamed the Houthis, who hold hills to the west of the city. The Houthis did not comment."
)

SEARCH = (
    "A roadside bomb killed two policemen on a patrol near Baqubah on Sunday.\n\n"
    "Soldiers later cordoned off the orchards and began searching for the men who planted the bomb, "
    "an officer said."
)


def _events(text, monkeypatch=None, module=E, **switches):
    return events_of(text, PUB, monkeypatch, module, **switches)


def test_the_group_a_source_blamed_is_the_actor(monkeypatch):
    evs = _events(SHELLING)
    assert len(evs) == 1 and evs[0].actor1 == "Military Forces of Yemen (2016-) Supreme Political Council"
    off = _events(SHELLING, monkeypatch, BLAME=0)
    assert off[0].actor1.startswith("Unidentified Armed Group")


def test_the_blamer_is_not_the_blamed(monkeypatch):
    text = ("Gunmen killed a village chief near Gao on Friday. Fighters of the MNLA blamed "
            "bandits for the killing.")
    evs = _events(text)
    assert evs and "MNLA" not in evs[0].actor1 and "Azawad" not in evs[0].actor1
    # the group named after the blame word, not the one before it; with the sentence-level
    # reading (roles.BLAMED) off, only events.BLAME can name it
    named = ("Gunmen killed a village chief near Gao on Friday. Fighters of the MNLA blamed "
             "JNIM for the killing.")
    monkeypatch.setattr(R, "BLAMED", 0)
    assert _events(named)[0].actor1.startswith("JNIM")
    monkeypatch.setattr(E, "BLAME", 0)
    assert _events(named)[0].actor1.startswith("Unidentified Armed Group")


def test_searchers_for_the_bombers_are_not_the_bombers(monkeypatch):
    evs = _events(SEARCH)
    assert len(evs) == 1 and evs[0].actor1.startswith("Unidentified Armed Group")
    off = _events(SEARCH, monkeypatch, module=R, OTHERS_ACT=0)
    assert off[0].actor1 == "Military Forces of Iraq"



def test_who_was_involved_in_a_shootout_is_a_side(monkeypatch):
    text = ("On 4 June 2018, drug suspects were involved in a shootout with an undercover police team in "
            "Barangay Poblacion, Cabuyao City (Laguna). One suspect was killed.")

    def run():
        return E.extract([Article(id="a", text=text, published=dt.date(2018, 6, 6), title="")])[0]

    evs = run()
    assert [(e.actor1, e.actor2) for e in evs] == [("Armed Drug Suspects (Philippines)", "Police Forces of the Philippines")]
    monkeypatch.setattr(R, "INVOLVED_SIDE", 0)
    assert run()[0].actor1.startswith("Unidentified Armed Group")
