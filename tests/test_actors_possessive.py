"""An actor named with a possessive "'s" (extract/actors.py `_possessive`, `_own_units`), and the
other side of a disrupted weapons use (extract/roles.py, `DWU_OTHER`). Every sentence here is
invented."""

import datetime as dt

import pytest

from actor_reading import actor_names as _names
from actor_reading import top_event as _top
from sitrep.extract import actors, roles
from sitrep.extract.actors import get_dictionary


# -- possessives ---------------------------------------------------------------------------------
def test_an_acronym_with_a_possessive_names_the_group():
    assert "KIA: Kachin Independence Army" in _names("Soldiers shelled the KIA's 5th Brigade outpost.", {"MM"})


def test_a_full_name_with_a_possessive_names_the_group():
    assert "KIA: Kachin Independence Army" in _names(
        "The Kachin Independence Army's fighters withdrew from the hill.", {"MM"})


def test_a_possessive_of_a_civilian_word_names_no_party():
    # "women's", "farmers'": whose rights or union, not a party to the event
    assert _names("A women's rights group met the governor.", {"KE"}) == []


def test_the_possessive_switch_off_keeps_the_old_reading(monkeypatch):
    monkeypatch.setattr(actors, "POSSESSIVES", 0)
    assert "KIA: Kachin Independence Army" not in _names("Soldiers shelled the KIA's 5th Brigade outpost.", {"MM"})


def test_the_groups_own_troops_after_its_possessive_are_no_second_party():
    found = get_dictionary().find("Fighting broke out between the TNLA's 12th Battalion troops and the army.", {"MM"})
    assert [m.name for m in found] == ["TNLA: Ta'ang National Liberation Army", "Military Forces of {country}"]


def test_troops_joined_by_and_after_a_possessive_stay_a_second_party():
    found = get_dictionary().find("The TNLA's fighters and government troops exchanged fire.", {"MM"})
    assert len(found) == 2


def test_a_clash_with_the_groups_battalion_names_it_as_the_other_side():
    ev = _top("On 3 May 2016, Myanmar army troops fought the KIA's 3rd Battalion near the village of "
              "Nam Lim in Kachin State.", dt.date(2016, 5, 8))
    assert ev.actor1 == "Military Forces of Myanmar"
    assert ev.actor2 == "KIA: Kachin Independence Army"


def test_between_a_groups_battalion_troops_and_the_army_names_the_state_first_in_myanmar():
    ev = _top("On 3 May 2016, heavy fighting took place between the TNLA's 21st Battalion troops and "
              "Myanmar army units near Namtu in Shan State.", dt.date(2016, 5, 8))
    assert ev.actor1 == "Military Forces of Myanmar"
    assert ev.actor2 == "TNLA: Ta'ang National Liberation Army"


# -- disrupted weapons use -----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "On 2 June 2019, police defused a bomb found under a bridge in Nakuru, Kenya. The owners of the "
    "device are not known.",
    "On 2 June 2019, police seized four rifles and hand grenades hidden in a shop in Nakuru, Kenya.",
])
def test_a_seizure_with_no_owner_named_has_the_unidentified_armed_group_as_actor2(text):
    ev = _top(text, dt.date(2019, 6, 6))
    assert ev.sub_event_type == "Disrupted weapons use"
    assert ev.actor1 == "Police Forces of Kenya"
    assert (ev.actor2, ev.inter2) == ("Unidentified Armed Group (Kenya)", 3)


def test_a_foreign_states_missile_shot_down_is_the_other_side():
    ev = _top("On 6 May 2022, Ukrainian forces shot down a Russian missile over Vinnytsia. No one was "
              "hurt.", dt.date(2022, 5, 9))
    assert ev.sub_event_type == "Disrupted weapons use"
    assert ev.actor1 == "Military Forces of Ukraine"
    assert (ev.actor2, ev.inter2) == ("Military Forces of Russia", 8)


def test_the_weapons_switch_off_leaves_actor2_empty(monkeypatch):
    monkeypatch.setattr(roles, "DWU_OTHER", 0)
    ev = _top("On 2 June 2019, police seized four rifles and hand grenades hidden in a shop in Nakuru, "
              "Kenya.", dt.date(2019, 6, 6))
    assert ev.sub_event_type == "Disrupted weapons use"
    assert not ev.actor2
