"""Groups the dictionary does not know, named by the text (extract/actors.py `_named_groups`), and
helpers told as "supported by" (extract/roles.py `SUPPORTERS`). Every sentence and name here is
invented."""

import datetime as dt

from actor_reading import actor_names as _names
from actor_reading import top_event as _top
from sitrep.extract import actors, roles


def test_a_capitalised_name_ending_in_a_group_word_names_the_group():
    assert _names("Last night the Silver Heron Guerrilla Force blew up a telecom mast.", {"MM"}) == [
        "Silver Heron Guerrilla Force"]


def test_an_acronym_in_brackets_after_the_name_is_acled_style_prefix():
    assert _names("The Lower Valley Resistance Front (LVRF) ambushed a convoy.", {"MM"}) == [
        "LVRF: Lower Valley Resistance Front"]


def test_a_gang_named_by_its_leader_is_that_gang():
    assert _names("Members of the Ti Jozef Gang robbed a bus.", {"HT"}) == ["Ti Jozef Gang"]


def test_a_known_groups_numbered_unit_is_no_new_group():
    assert "KIAs 12th Battalion" not in _names("KIAs 12th Battalion troops fought the army.", {"MM"})


def test_a_countrys_word_in_the_name_is_the_state_not_a_new_group():
    assert not any(n.startswith("Ruritanian") or n.startswith("Kenyan") for n in
                   _names("The Kenyan Border Force closed the crossing.", {"KE"}))


def test_a_date_before_a_head_word_is_no_name():
    assert _names("On Monday Army troops shelled the village.", {"MM"}) == ["Military Forces of {country}"]


def test_the_named_group_switch_off_reads_no_new_group(monkeypatch):
    monkeypatch.setattr(actors, "NAMED_GROUPS", 0)
    assert _names("Last night the Silver Heron Guerrilla Force blew up a telecom mast.", {"MM"}) == []


def test_a_named_group_that_attacked_is_actor1():
    ev = _top("On 2 November 2021, in Pale township, Sagaing region, the Silver Heron Guerrilla Force "
              "attacked a military convoy with mines. Two soldiers were killed.", dt.date(2021, 11, 9))
    assert ev.actor1 == "Silver Heron Guerrilla Force"
    assert ev.actor2 == "Military Forces of Myanmar"


# -- "supported by" ------------------------------------------------------------------------------
def test_the_force_supported_by_another_is_actor1():
    ev = _top("On 4 June 2024, in Croix-des-Bouquets, Ouest, Haitian police supported by the Multinational "
              "Security Support Mission clashed with members of the Ti Jozef Gang.", dt.date(2024, 6, 9))
    assert ev.actor1 == "Police Forces of Haiti"


def test_the_supporters_switch_off_reads_the_helper_as_the_agent(monkeypatch):
    monkeypatch.setattr(roles, "SUPPORTERS", 0)
    monkeypatch.setattr(roles, "BY_OF_CUE", 0)  # (which also keeps a "by" outside the act from leading)
    ev = _top("On 4 June 2024, in Croix-des-Bouquets, Ouest, Haitian police supported by the Multinational "
              "Security Support Mission clashed with members of the Ti Jozef Gang.", dt.date(2024, 6, 9))
    assert ev.actor1 != "Police Forces of Haiti"
