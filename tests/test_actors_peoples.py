"""A people's bare name told acting names its militia (actors.BARE_PEOPLES, data/actors/peoples.yml),
and two peoples' militias told fighting are an armed clash (roles.PEOPLES_CLASH). Sentences written
for this test (invented events, real peoples' and places' names)."""

import datetime as dt

from sitrep.extract import actors as actors_module
from sitrep.extract import roles as roles_module
from sitrep.extract.actors import get_dictionary
from sitrep.extract.events import extract
from sitrep.model import Article


def _top(text):
    evs = extract([Article(id="p", text=text, published=dt.date(2019, 5, 20))])[0]
    assert evs, text
    return evs[0]


def _names(text):
    return [m.name for m in get_dictionary().find(text, {"KE"})]


ATTACK = "On 12 May 2019, the Orma attacked two Pokomo villages near Garsen in Tana River county, killing three people."
SIDES = "On 12 May 2019, fighting broke out between the Kalenjins and the Maasai near Narok town, leaving two dead."
THIEVES = "On 12 May 2019, police shot dead four Pokot cattle thieves near Kapedo in Baringo county."
CLANSMEN = "On 12 May 2019, Degodia and Garre clansmen clashed near Wajir town, leaving five dead."


def test_a_people_told_attacking_is_its_militia_and_its_target_civilians():
    ev = _top(ATTACK)
    assert (ev.actor1, ev.inter1) == ("Orma Ethnic Militia (Kenya)", 4)
    assert ev.actor2 == "Civilians (Kenya)"  # the Pokomo villages: no militia of the Pokomo


def test_two_peoples_between_are_both_sides():
    ev = _top(SIDES)
    assert ev.sub_event_type == "Armed clash"
    assert {ev.actor1, ev.actor2} == {"Kalenjin Ethnic Militia (Kenya)", "Maasai Ethnic Militia (Kenya)"}


def test_a_people_before_a_raider_word_is_its_militia_in_any_role():
    ev = _top(THIEVES)
    assert "Pokot Ethnic Militia (Kenya)" in (ev.actor1, ev.actor2)


def test_a_bare_name_that_is_no_actor_stays_none():
    # a place named after a people, and a people as the ones attacked
    assert not any("Militia" in n for n in _names("Bandits stole 40 goats from Turkana herders near Lodwar."))
    assert not any("Militia" in n for n in _names("The Pokot county governor opened a clinic in Kapenguria."))


def test_two_peoples_told_clashing_are_an_armed_clash(monkeypatch):
    ev = _top(CLANSMEN)
    assert (ev.sub_event_type, ev.inter1, ev.inter2) == ("Armed clash", 4, 4)
    assert {ev.actor1, ev.actor2} == {"Degodia Ethnic Militia (Kenya)", "Garre Ethnic Militia (Kenya)"}


YOUTHS = "Borana and Gabra youths fought with machetes and stones near Moyale."


def test_mob_violence_between_two_peoples_militias_is_their_clash(monkeypatch):
    ev = _top(YOUTHS)
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == (
        "Armed clash", "Borana Ethnic Militia (Kenya)", "Gabra Ethnic Militia (Kenya)")
    monkeypatch.setattr(roles_module, "PEOPLES_CLASH", 0)
    ev = _top(YOUTHS)
    assert ev.sub_event_type != "Armed clash" and ev.actor2 != "Gabra Ethnic Militia (Kenya)"


def test_without_the_names_switch_no_people_is_read(monkeypatch):
    monkeypatch.setattr(actors_module, "BARE_PEOPLES", 0)
    assert "Orma Ethnic Militia (Kenya)" not in _names(ATTACK)
    assert _top(ATTACK).actor1 != "Orma Ethnic Militia (Kenya)"
