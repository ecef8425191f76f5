"""Session 45 (actors10): rival groups of one kind as both sides, the state's forces against gang members,
sexual violence's civilians (extract/roles.py RIVAL_SAME_SIDE, STATE_KILLS_GANG_MEMBER,
VAC_SECOND_CIVILIANS; data/actors/roles_session45.yml). The sentences are invented."""

import datetime as dt
import re
from importlib import resources

import yaml

from event_reading import events_of, top_event
from sitrep.extract import roles

RIVALS = "Rival gang members fought each other for hours in Mirebalais, Centre, and some families fled."
LEADER = "Police officers shot dead a gang leader in Delmas, Port-au-Prince, on Tuesday."
SUSPECTS = "Officers killed two men at a checkpoint in Carrefour, Ouest. Police said both were suspected gang members."
RAPE = ("Armed men of a gang raped a woman in Gressier, Ouest, amid fighting between the Grand-Ravine Gang and "
        "police nearby.")


def _top(text, monkeypatch, **switches):
    return top_event(events_of(text, dt.date(2024, 3, 1), monkeypatch, module=roles, **switches))


def test_rival_gangs_are_both_sides(monkeypatch):
    ev = _top(RIVALS, monkeypatch)
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1 == ev.actor2 == "Unidentified Gang (Haiti)"


def test_rival_gangs_without_the_switch(monkeypatch):
    ev = _top(RIVALS, monkeypatch, RIVAL_SAME_SIDE=False)
    assert ev.actor2 != "Unidentified Gang (Haiti)"


def test_police_killing_a_gang_leader_fight_the_gang(monkeypatch):
    ev = _top(LEADER, monkeypatch)
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Armed clash", "Police Forces of Haiti",
                                                         "Unidentified Gang (Haiti)")


def test_victims_told_gang_members_in_the_next_sentence(monkeypatch):
    evs = events_of(SUSPECTS, dt.date(2024, 3, 1), monkeypatch, module=roles)
    killing = next(e for e in evs if e.fatalities)
    assert (killing.sub_event_type, killing.actor2) == ("Armed clash", "Unidentified Gang (Haiti)")


def test_gang_leader_without_the_switch(monkeypatch):
    ev = _top(LEADER, monkeypatch, STATE_KILLS_GANG_MEMBER=False)
    assert ev.actor2 == "Civilians (Haiti)"


def test_not_outside_the_gang_countries(monkeypatch):
    # the police of a country where ACLED names no unidentified gang: unchanged
    ev = _top("Police officers shot dead a gang leader in Kisumu, Kenya, on Tuesday.", monkeypatch)
    assert ev.actor2 != "Unidentified Gang (Kenya)"


def test_sexual_violence_targets_civilians(monkeypatch):
    ev = _top(RAPE, monkeypatch)
    assert (ev.sub_event_type, ev.actor2, ev.inter2) == ("Sexual violence", "Civilians (Haiti)", 7)


def test_sexual_violence_without_the_switch(monkeypatch):
    ev = _top(RAPE, monkeypatch, VAC_SECOND_CIVILIANS=())
    assert ev.actor2 != "Civilians (Haiti)"


def test_roles_session45_file_is_valid():
    path = resources.files("sitrep") / "data" / "actors" / "roles_session45.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"rival_groups", "rival_fight", "gang_victim"}
    for value in data.values():
        assert isinstance(value, str)
        re.compile(value)


LOCAL_GANG = "Members of a local gang and police officers fought an armed clash in Cabaret, Ouest, on Monday."


def test_gang_told_first_in_a_clash_with_the_police(monkeypatch):
    ev = _top(LOCAL_GANG, monkeypatch, GANG_SECOND_SIDE=True)
    assert (ev.actor1, ev.actor2) == ("Unidentified Gang (Haiti)", "Police Forces of Haiti")


def test_gang_told_first_without_the_switch(monkeypatch):
    ev = _top(LOCAL_GANG, monkeypatch, GANG_SECOND_SIDE=False)
    assert ev.actor2 != "Police Forces of Haiti"
