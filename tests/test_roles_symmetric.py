"""Roles on invented sentences (extract/roles.py): the state first in "X fought Y" where ACLED's
coders name it first, unattributed gunfire, and an explosion that hurt no one."""

import datetime as dt

from sitrep.extract import roles
from sitrep.extract.events import extract
from sitrep.model import Article


def _events(text, published):
    return extract([Article(id="t", text=text, published=published)])[0]


def _top(text, published):
    evs = _events(text, published)
    assert evs, text
    return evs[0]


# -- "X fought Y": both sides told alike --------------------------------------------------------
def test_x_fought_against_the_army_names_the_state_first_where_acled_does():
    ev = _top("On 4 March 2014, the TNLA fought against the Myanmar army near the village of Hpa Lai "
              "in Shan State.", dt.date(2014, 3, 9))
    assert ev.actor1 == "Military Forces of Myanmar"
    assert ev.actor2 == "TNLA: Ta'ang National Liberation Army"


def test_x_clashed_with_government_troops_names_the_state_first_where_acled_does():
    ev = _top("On 4 March 2014, the KIA's 9th battalion clashed with government troops near Hpa Lai "
              "in Shan State.", dt.date(2014, 3, 9))
    assert ev.actor1 == "Military Forces of Myanmar"


def test_an_ambush_keeps_the_attacker_first():
    ev = _top("On 4 March 2023, the TNLA ambushed a Myanmar army column near the village of Hpa Lai "
              "in Shan State.", dt.date(2023, 3, 9))
    assert ev.actor1 == "TNLA: Ta'ang National Liberation Army"


def test_x_fought_y_keeps_the_first_side_first_elsewhere():
    ev = _top("On 4 March 2014, the NPA fought against the army near the village of Malita in Davao "
              "del Sur.", dt.date(2014, 3, 9))
    assert ev.actor1 == "NPA: New People's Army"


# -- gunfire with no shooter --------------------------------------------------------------------
def test_gunfire_heard_with_no_shooter_named_is_an_unidentified_armed_group():
    evs = _events("On 6 May 2024, in Port-au-Prince, heavy gunfire was heard for hours around the "
                  "central market.", dt.date(2024, 5, 9))
    other = [e for e in evs if e.sub_event_type == "Other"]
    assert other, [(e.sub_event_type, e.actor1) for e in evs]
    assert other[0].actor1 == "Unidentified Armed Group (Haiti)" and other[0].inter1 == 3


# -- an explosion that hurt no one --------------------------------------------------------------
BLAST = "On 9 June 2021, a bomb exploded in front of a school in Yangon{tail}"


def test_an_explosion_that_hurt_no_one_has_no_civilian_target():
    ev = _top(BLAST.format(tail=". No one was hurt."), dt.date(2021, 6, 12))
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.actor2 == ""


def test_an_explosion_that_hurt_people_at_a_civilian_place_targets_civilians():
    ev = _top(BLAST.format(tail=", wounding three people."), dt.date(2021, 6, 12))
    assert ev.actor2 == "Civilians (Myanmar)"


def test_an_explosion_that_killed_people_targets_civilians_whatever_the_place():
    ev = _top("On 9 June 2021, a mortar round landed in Hpakant, killing two people.", dt.date(2021, 6, 12))
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.actor2 == "Civilians (Myanmar)"


def test_without_the_switch_any_blast_at_a_civilian_place_targets_civilians(monkeypatch):
    monkeypatch.setattr(roles, "EXPLOSION_HURT_ONLY", 0)
    ev = _top(BLAST.format(tail=". No one was hurt."), dt.date(2021, 6, 12))
    assert ev.actor2 == "Civilians (Myanmar)"
