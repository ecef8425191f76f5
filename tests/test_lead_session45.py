"""Session 45 (lead): a list the parser hangs on a noun as its apposition adds its people when one
of them cannot be among the noun's people (counts.APPOSED_LIST, lexicons people_class_*); "N dead"
followed by a verb or "due" is a toll (counts.DEAD_NOUN_TOLL); a claim with a plain figure is the
toll, a vague or huge one is not (events.CLAIMED_VAGUE_ONLY); the state's forces acting later on
the perpetrators are not the actor of the act told before (events.PURSUIT_NOT_AGENT). Sentences
written by the team."""

import datetime as dt

import pytest

from count_reading import dead, dead_needs_switch
from event_reading import events_of, top_event
from sitrep.extract import counts


@pytest.mark.parametrize("switch, sentence, expected", [
    ("APPOSED_LIST", "Raiders shot dead two men, a woman and a boy at the well.", 4),
    ("APPOSED_LIST", "The ambush killed three soldiers, a civilian and a child near the checkpoint.", 5),
    ("APPOSED_LIST", "Gunmen killed a man, a woman and a girl on the farm road.", 3),
    ("DEAD_NOUN_TOLL", "Eleven dead reported after the raid.", 11),
    ("DEAD_NOUN_TOLL", "Six dead were counted at the clinic by evening.", 6),
    ("DEAD_NOUN_TOLL", "Four dead due to a quarrel over farmland between two families.", 4),
    ("SOURCE_FIGURE", "Rockets struck a bus depot, killing an unknown number of passengers - a local station "
                      "counts five, among them a driver.", 5),
    ("SOURCE_FIGURE", "Dozens of fighters were reportedly killed (one community radio reports 19) in the raid.", 19),
    ("UNKNOWN_IS_SEVERAL", "An unspecified number of herders were killed when the camp was overrun.", 3),
    ("UNKNOWN_IS_SEVERAL", "The raiders killed an unknown number of villagers before dawn.", 3),
    ("A_UNIT_LISTED", "Three guards and about a dozen bandits were killed in the shootout.", 15),
    ("A_UNIT_LISTED", "Two herders and at least a dozen camels were killed by the raiders.", 2),
    ("A_UNIT_LISTED", "One officer and a few attackers were killed at the gate.", 4),
])
def test_dead_with_switch(monkeypatch, switch, sentence, expected):
    dead_needs_switch(monkeypatch, switch, sentence, expected)


@pytest.mark.parametrize("sentence, expected", [
    ("The shelling killed three relatives, a mother and her two sons.", 3),  # who the three were
    ("Gunmen shot dead two men, a trader and his son.", 2),
    ("Two civilians, a mother and her baby, died when the roof fell in.", 2),
    ("The strike killed four people, including a woman and a boy.", 4),
    ("The nine dead soldiers were buried in their villages.", 0),  # "dead" before a noun: no toll told
    ("Several people were killed and police said five suspects were arrested.", 3),  # not the source's dead
    ("Dozens of militants were killed in the strike, the army said.", 12),
    ("Troops killed two guards and an unknown number of raiders.", 2),  # "number" is no person
    ("An unknown number of spectators were hurt in the crush.", 0),
])
def test_list_tells_who_they_were(sentence, expected):
    assert dead(sentence) == expected


def test_people_classes_are_word_lists():
    from sitrep.extract.lexicons import words
    for name in ("men", "women", "children", "armed", "civilians"):
        assert words(f"people_class_{name}")
    assert counts._other_people("men", "woman") and not counts._other_people("men", "farmer")


def test_plain_claimed_figure_is_the_toll(monkeypatch):
    text = ("Regional troops raided a militant hideout near Qandala on Friday and claim to have killed "
            "five fighters.")
    evs = events_of(text, dt.date(2025, 3, 9))
    assert top_event(evs).fatalities == 5
    evs = events_of(text, dt.date(2025, 3, 9), monkeypatch, CLAIMED_VAGUE_ONLY=0)
    assert top_event(evs).fatalities == 0


def test_vague_claim_is_no_toll():
    text = "The army said it raided rebel bases on Friday and claimed to have killed hundreds of fighters."
    assert all(e.fatalities == 0 for e in events_of(text, dt.date(2025, 3, 9)))


def test_forces_pursuing_the_perpetrators_are_not_the_actor(monkeypatch):
    text = ("A suicide bomber detonated his vest at a tea shop in Baidoa on Monday, killing "
            "four customers. Police later shot dead a suspect linked to the blast.")
    evs = events_of(text, dt.date(2025, 1, 8))
    assert "Police" not in top_event(evs).actor1
    evs = events_of(text, dt.date(2025, 1, 8), monkeypatch, PURSUIT_NOT_AGENT=0)
    assert "Police" in top_event(evs).actor1


def test_loose_spelling_far_abroad_is_no_place(monkeypatch):
    """A name matched only by a folded other name of a town in another country, thousands of km
    from the places the text names exactly, neither places the event nor tells its country
    (locate.FUZZY_OTHER_COUNTRY)."""
    from sitrep.geo import locate
    text = "Rival clan fighters clashed in Khaydaro, south Mudug, on Sunday; five were killed."
    ev = top_event(events_of(text, dt.date(2016, 3, 15)))
    assert ev.country == "Somalia" and ev.admin1 == "Mudug"
    monkeypatch.setattr(locate, "FUZZY_OTHER_COUNTRY", False)
    ev = top_event(events_of(text, dt.date(2016, 3, 15)))
    assert ev.country != "Somalia"


def test_loose_spelling_near_the_named_places_stays(monkeypatch):
    text = "Kenyan troops based in Mandera shelled militant positions near Ceelwaaq on Monday."
    ev = top_event(events_of(text, dt.date(2016, 3, 15)))
    monkeypatch.setattr(__import__("sitrep.geo.locate", fromlist=["x"]), "FUZZY_OTHER_COUNTRY", False)
    ev_off = top_event(events_of(text, dt.date(2016, 3, 15)))
    assert (ev.country, ev.location) == (ev_off.country, ev_off.location)
