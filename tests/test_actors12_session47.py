"""Session 47 (actors12): a mob's fight has rioters on both sides; an explosion that hurt people told without a
number targets civilians (extract/roles.py MOB_CLASH_SIDES, HARM_TOLD_CIVILIANS; data/actors/roles_session47.yml).
The sentences are invented."""

import datetime as dt
import re
from importlib import resources

import yaml

from event_reading import events_of, top_event
from sitrep.extract import roles

MOB_FIGHT = ("On 3 May 2021, villagers from two neighbouring hamlets clashed with each other over grazing land "
             "near Kandi, Benin. Several people were wounded.")
LANDMINE = ("On 3 May 2021, in Kyauktaw township, Rakhine State, a woman trod on a mine while gathering "
            "firewood. She was injured in both legs.")


def _top(text, day, monkeypatch, **switches):
    return top_event(events_of(text, day, monkeypatch, module=roles, **switches))


def test_a_mob_fight_has_rioters_on_both_sides(monkeypatch):
    ev = _top(MOB_FIGHT, dt.date(2021, 5, 4), monkeypatch)
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.inter2) == ("Mob violence", "Rioters (Benin)",
                                                                    "Rioters (Benin)", 5)


def test_a_mob_fight_without_the_switch(monkeypatch):
    ev = _top(MOB_FIGHT, dt.date(2021, 5, 4), monkeypatch, MOB_CLASH_SIDES=False)
    assert ev.actor2 != "Rioters (Benin)"


def test_a_mob_fight_in_a_one_side_country_has_no_second_side(monkeypatch):
    text = ("On 3 May 2021, supporters of two rival candidates clashed with each other with sticks in Bhola "
            "town, Barisal, Bangladesh. Ten people were injured.")
    ev = _top(text, dt.date(2021, 5, 4), monkeypatch)
    assert ev.sub_event_type == "Mob violence" and ev.actor1 == "Rioters (Bangladesh)" and ev.actor2 == ""


def test_a_mob_that_beat_a_man_keeps_its_civilian_victim(monkeypatch):
    text = "On 3 May 2021, a mob beat a suspected thief to death at a market in Kandi, Benin."
    ev = _top(text, dt.date(2021, 5, 4), monkeypatch)
    assert ev.actor2 == "Civilians (Benin)"


def test_an_explosion_that_hurt_someone_told_without_a_number_targets_civilians(monkeypatch):
    ev = _top(LANDMINE, dt.date(2021, 5, 4), monkeypatch)
    assert (ev.event_type, ev.actor2, ev.inter2) == ("Explosions/Remote violence", "Civilians (Myanmar)", 7)


def test_the_hurt_told_without_the_switch(monkeypatch):
    ev = _top(LANDMINE, dt.date(2021, 5, 4), monkeypatch, HARM_TOLD_CIVILIANS=False)
    assert ev.actor2 == ""


def test_roles_session47_file_is_valid():
    path = resources.files("sitrep") / "data" / "actors" / "roles_session47.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert {"mob_fight", "harm_told", "mob_one_side_countries"} <= set(data)
    for key, value in data.items():
        if isinstance(value, str):
            re.compile(value, re.IGNORECASE)
        else:
            assert all(isinstance(x, str) and len(x) == 2 and x.isupper() for x in value), key


def test_tigrayan_militiamen_are_the_tplf(monkeypatch):
    text = "Tigrayan militiamen clashed with Eritrean soldiers near Adigrat, Tigray, on Monday."
    ev = _top(text, dt.date(2025, 6, 10), monkeypatch)
    assert (ev.actor1, ev.actor2) == ("TPLF: Tigray People's Liberation Front", "Military Forces of Eritrea")


def test_a_fano_regional_command_is_the_fano(monkeypatch):
    text = "On 4 April 2025, Gojjam Fano fighters attacked an ENDF camp in Dembecha, West Gojjam."
    ev = _top(text, dt.date(2025, 4, 5), monkeypatch)
    assert (ev.actor1, ev.actor2) == ("Fano Militia", "Military Forces of Ethiopia")


MINE_HIT = ("On 26 July 2022, an armoured vehicle of the Beninese army hit a roadside bomb near Kandi, Alibori. "
            "Five soldiers were wounded.")


def test_a_force_whose_men_were_hurt_by_a_bomb_is_its_target(monkeypatch):
    ev = _top(MINE_HIT, dt.date(2022, 7, 27), monkeypatch)
    assert (ev.actor1, ev.inter1, ev.actor2, ev.inter2) == ("Unidentified Armed Group (Benin)", 3,
                                                            "Military Forces of Benin", 1)


def test_the_force_hit_by_a_bomb_without_the_switch(monkeypatch):
    ev = _top(MINE_HIT, dt.date(2022, 7, 27), monkeypatch, FORCES_HURT_SECOND=False)
    assert ev.actor2 != "Military Forces of Benin"



STONES = ("On 5 April 2021, protesters in Meru blocked the highway and pelted passing motorists with stones over the "
          "death of a boda boda rider.")


def test_a_violent_demonstration_has_no_civilians_second(monkeypatch):
    ev = _top(STONES, dt.date(2021, 4, 6), monkeypatch)
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Violent demonstration", "Rioters (Kenya)", "")


def test_a_violent_demonstration_without_the_switch(monkeypatch):
    ev = _top(STONES, dt.date(2021, 4, 6), monkeypatch, DEMONSTRATION_NO_CIVILIANS=False)
    assert ev.actor2 == "Civilians (Kenya)"
