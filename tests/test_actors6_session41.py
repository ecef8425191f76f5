"""Session 41 (actors6), on invented sentences:

- roles.AFFILIATED_PRECHECK: AFFILIATED_GROUP runs the dictionary's find over an event's words only
  when they hold one of its words of affiliation; the sides read stay the same.
- roles.STATE_BOTH_SIDES: two mentions of one state's forces told as the two sides of a clash
  ("Jubaland forces clashed with federal troops") are that state's forces on both sides.
- actors.JOINT_NOT_SIDES: "X and Y clashed" of two state forces, with no one after the verb, are the
  two sides, not one joint party.
- roles.STATE_FIRST_EXTERNAL: where ACLED named the state's forces first in every clash
  (clash_order.yml), a foreign or international force is named first too.
- actors.ELIDED_NAMES: "Habar Gidir and Marehan clan militias" names both clans' militias.
- data/actors/session41.yaml: federal troops of Somalia, Kenya's wildlife and forest services,
  "Militia (Pro-Government)" and Ethiopia's kebele militias.
"""

import datetime as dt
import re

import pytest

from sitrep.extract import actors as actors_module
from sitrep.extract import roles as roles_module
from sitrep.model import Article
from sitrep.pipeline import process


def _events(text):
    day = dt.datetime.strptime(re.search(r"On (\d+ \w+ \d{4})", text).group(1), "%d %B %Y").date()
    return process([Article(id="t", text=text, published=day + dt.timedelta(days=3), source="")])[0]


def _top(text):
    return _events(text)[0]


# --- AFFILIATED_PRECHECK -------------------------------------------------------------------------

def _count_finds(monkeypatch):
    calls = []
    real = roles_module._named_groups_in

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(roles_module, "_named_groups_in", counting)
    return calls


PLAIN = ("On 12 August 2024, in Mirebalais, Centre, unidentified gunmen shot and wounded a motorbike driver "
         "on the main road. The motive is not known.")
TIED = ("On 12 August 2024, in Mirebalais, Centre, police agents traded fire with armed men near the bus "
        "station. The armed men were thought to be affiliates of the Kraze Barye Gang.")


def test_an_event_without_words_of_affiliation_skips_the_look_up(monkeypatch):
    calls = _count_finds(monkeypatch)
    ev = _top(PLAIN)
    assert ev.actor1 == "Unidentified Armed Group (Haiti)"
    assert calls == []


def test_without_the_precheck_the_look_up_ran(monkeypatch):
    monkeypatch.setattr(roles_module, "AFFILIATED_PRECHECK", 0)
    calls = _count_finds(monkeypatch)
    _top(PLAIN)
    assert calls


def test_the_precheck_keeps_the_group_tied_by_the_words(monkeypatch):
    calls = _count_finds(monkeypatch)
    ev = _top(TIED)
    assert (ev.actor1, ev.actor2) == ("Police Forces of Haiti", "Kraze Barye Gang")
    assert calls


# --- STATE_BOTH_SIDES, JOINT_NOT_SIDES -----------------------------------------------------------

BOTH = [
    "On 14 May 2023, in Beled Hawo, Gedo, Jubaland forces clashed with federal troops near the airstrip. "
    "Two soldiers were killed.",
    "On 14 May 2023, in Mogadishu - Hodan, Banadir, a shootout broke out between NISA agents and SNA soldiers "
    "at a checkpoint. One agent was wounded.",
]


@pytest.mark.parametrize("text", BOTH)
def test_one_states_forces_told_as_both_sides(text):
    ev = _top(text)
    assert ev.sub_event_type == "Armed clash"
    assert (ev.actor1, ev.actor2) == ("Military Forces of Somalia", "Military Forces of Somalia")
    assert ev.inter1 == ev.inter2 == 1


@pytest.mark.parametrize("text", BOTH)
def test_without_the_switch_the_second_side_was_empty(monkeypatch, text):
    monkeypatch.setattr(roles_module, "STATE_BOTH_SIDES", 0)
    ev = _top(text)
    assert (ev.actor1, ev.actor2) == ("Military Forces of Somalia", "")


PAIR = ("On 3 April 2023, in Galkayo, Mudug, Puntland troops and Galmudug forces clashed over a checkpoint. "
        "Three soldiers died.")


def test_a_pair_of_state_forces_that_clashed_are_two_sides():
    ev = _top(PAIR)
    assert (ev.actor1, ev.actor2) == ("Military Forces of Somalia", "Military Forces of Somalia")


def test_without_the_switch_the_pair_was_one_party(monkeypatch):
    monkeypatch.setattr(actors_module, "JOINT_NOT_SIDES", 0)
    ev = _top(PAIR)
    assert ev.actor2 == ""


def test_a_pair_that_clashed_with_someone_stays_one_party():
    found = actors_module.get_dictionary().find(
        "Puntland troops and Galmudug forces clashed with Al Shabaab militants outside Galkayo.", {"SO"})
    assert [m.text for m in found] == ["Puntland troops", "Al Shabaab militants"]


# --- STATE_FIRST_EXTERNAL ------------------------------------------------------------------------

MISSION = ("On 20 June 2016, in Tiyeglow, Bakool, Al Shabaab fighters attacked AMISOM troops at their base "
           "and heavy fighting followed. Four fighters were killed.")


def test_the_mission_is_named_first_where_the_state_was():
    ev = _top(MISSION)
    assert ev.actor1.startswith("AMISOM") and ev.actor2 == "Al Shabaab"


def test_without_the_switch_the_attacker_was_first(monkeypatch):
    monkeypatch.setattr(roles_module, "STATE_FIRST_EXTERNAL", 0)
    ev = _top(MISSION)
    assert ev.actor1 == "Al Shabaab"


# --- ELIDED_NAMES --------------------------------------------------------------------------------

CLANS = ("On 2 February 2024, near Galinsoor, Mudug, Habar Gidir and Marehan clan militias fought over a "
         "water point. Three men were killed.")


def test_two_clans_with_one_militia_word():
    ev = _top(CLANS)
    assert {ev.actor1, ev.actor2} == {"Habar Gedir Clan Militia (Somalia)", "Marehan Clan Militia (Somalia)"}


def test_without_the_switch_only_the_second_clan(monkeypatch):
    monkeypatch.setattr(actors_module, "ELIDED_NAMES", 0)
    ev = _top(CLANS)
    assert ev.actor2 == ""


# --- session41.yaml ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,iso,name", [
    ("KWS rangers patrolled the park", "KE", "Military Forces of Kenya"),
    ("Kenya Forest Service guards evicted the settlers", "KE", "Military Forces of Kenya"),
    ("government-aligned militias attacked the village", "ET", "Militia (Pro-Government)"),
    ("Kebele militia shot two farmers", "ET", "Militia (Pro-Government)"),
    ("pro-government militias fought the rebels", "CD", "Wazalendo"),
])
def test_session41_names(text, iso, name):
    found = actors_module.get_dictionary().find(text, {iso})
    assert found and found[0].name == name
