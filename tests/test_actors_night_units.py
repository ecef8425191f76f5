"""A named group's unit written without an apostrophe ("the TNLAs 5th Battalion"), and the order of
a clash's sides where ACLED named the state first whoever attacked (extract/actors.py
BARE_POSSESSIVES, extract/roles.py STATE_FIRST_BY_DATE, data/actors/clash_order.yml), on invented
sentences."""

import datetime as dt
from importlib import resources

import yaml
from tests.actor_reading import actor_names, top_event

from sitrep.extract import actors as actors_module
from sitrep.extract import roles as roles_module

TNLA = "TNLA: Ta'ang National Liberation Army"


def test_an_acronym_with_a_bare_s_names_the_group_and_its_men():
    names = actor_names("TNLAs 5th Battalion troops fired on a police checkpoint.", {"MM"})
    assert names == [TNLA, "Police Forces of {country}"]  # "troops" are the TNLA's own


def test_without_the_switch_the_bare_s_is_no_name(monkeypatch):
    monkeypatch.setattr(actors_module, "BARE_POSSESSIVES", 0)
    assert TNLA not in actor_names("TNLAs 5th Battalion troops fired on a police checkpoint.", {"MM"})


def test_a_plural_acronym_of_no_actor_names_none():
    assert actor_names("Three UAVs and two APCs were seen near the bridge.", {"MM"}) == []


CLASH = ("On 4 March 2014, TNLAs 5th Battalion troops ambushed a government army column near Namhsan "
         "in Shan State, and the two sides fought for two hours.")


def test_myanmar_before_2020_names_the_state_first_whoever_attacked():
    ev = top_event(CLASH, dt.date(2014, 3, 9))
    assert ev.sub_event_type == "Armed clash"
    assert (ev.actor1, ev.actor2) == ("Military Forces of Myanmar", TNLA)


def test_without_the_order_switch_the_attacker_comes_first(monkeypatch):
    monkeypatch.setattr(roles_module, "STATE_FIRST_BY_DATE", 0)
    ev = top_event(CLASH, dt.date(2014, 3, 9))
    assert (ev.actor1, ev.actor2) == (TNLA, "Military Forces of Myanmar")


def test_after_the_years_the_attacker_comes_first():
    ev = top_event(CLASH.replace("2014", "2023"), dt.date(2023, 3, 9))
    assert (ev.actor1, ev.actor2) == (TNLA, "Military Forces of Myanmar")


def test_clash_order_file_is_valid():
    path = resources.files("sitrep") / "data" / "actors" / "clash_order.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"state_first_until"}
    for iso, year in data["state_first_until"].items():
        assert isinstance(iso, str) and len(iso) == 2 and iso.isupper(), iso
        assert isinstance(year, int) and 1997 <= year <= 2100, year
