"""Session 46 (lead): a number before a unit's designation ("503 LIB", "33 Light Infantry Division")
names the unit and counts no one (counts.UNIT_AFTER_NUMBER, lexicons number_unit_words and
number_unit_modifiers); events of the sub-types whose ACLED rows carry no dead (a mass grave found,
an agreement, looting, an abduction...) get no fatalities (events.NO_DEAD_MORE). Sentences written by
the team."""

import datetime as dt

import pytest

from count_reading import dead, dead_needs_switch
from event_reading import events_of, top_event
from sitrep.extract import events


@pytest.mark.parametrize("sentence, expected", [
    ("A corporal of the army's 503 LIB was killed when he trod on a mine by the village well.", 1),
    ("A private of the 212 Light Infantry Battalion was killed by a mine on the footpath.", 1),
])
def test_unit_number_is_no_toll(monkeypatch, sentence, expected):
    dead_needs_switch(monkeypatch, "UNIT_AFTER_NUMBER", sentence, expected)


@pytest.mark.parametrize("sentence, expected", [
    ("Three infantry soldiers were killed in the ambush.", 3),  # an adjective, not a designation
    ("Troops of 33 Light Infantry Division clashed with rebels; two soldiers were killed.", 2),
    ("Two battalions were sent after gunmen killed five villagers.", 5),  # a plural is no designation
])
def test_counts_beside_units_stand(sentence, expected):
    assert dead(sentence) == expected


def test_unit_words_are_lists():
    from sitrep.extract.lexicons import words
    assert "lib" in words("number_unit_words") and "infantry" in words("number_unit_modifiers")
    assert not words("number_unit_words") & words("number_unit_modifiers")


def test_mass_grave_found_carries_no_dead(monkeypatch):
    text = ("On 2 March 2019, villagers found a mass grave holding 14 bodies near Kismayo; the dead are "
            "believed to have been killed by militants months ago.")
    ev = top_event(events_of(text, dt.date(2019, 3, 9)))
    assert ev.sub_event_type == "Other" and ev.fatalities == 0
    ev = top_event(events_of(text, dt.date(2019, 3, 9), monkeypatch, NO_DEAD_MORE=0))
    assert ev.fatalities == 14


def test_no_dead_sub_types_are_acled_sub_types():
    from sitrep.model import SUB_EVENT_TYPES
    assert set(events.NO_DEAD_MORE_SUBTYPES) <= set(SUB_EVENT_TYPES)
    assert "Attack" not in events.NO_DEAD_MORE_SUBTYPES


@pytest.mark.parametrize("sentence, expected", [
    ("Police gun down six suspected carjackers in Mombasa.", 6),
    ("Gunmen shoot dead a trader in Garissa town.", 1),
    ("Officers guns down two robbers at a roadblock.", 2),
])
def test_headline_present_tense_kills(sentence, expected):
    """counts.HEADLINE_PRESENT (read when the module's patterns are built, so tested by behaviour)."""
    assert dead(sentence) == expected


def test_a_gang_fighting_the_police_did_not_fight_the_residents(monkeypatch):
    """events.CLASH_TOLD_COMMUNAL (off by default, see its comment): "exchanged fire" told of the police keeps no gang's attack on residents a clash."""
    text = ("On 9 March 2024, the Kraze Baryè gang attacked residents of Mariani in Carrefour, Ouest, wounding "
            "several. Police officers intervened and exchanged fire with the gang.")
    evs = events_of(text, dt.date(2024, 3, 12), monkeypatch, CLASH_TOLD_COMMUNAL=1)  # off by default
    assert ("Attack", "Civilians (Haiti)") in {(e.sub_event_type, e.actor2) for e in evs}
    evs = events_of(text, dt.date(2024, 3, 12), monkeypatch, CLASH_TOLD_COMMUNAL=0)
    assert ("Attack", "Civilians (Haiti)") not in {(e.sub_event_type, e.actor2) for e in evs}
