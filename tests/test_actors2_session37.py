"""Session 37 (actors2), on invented sentences:

- COUNTRY_TIE_BREAK: an actor's name shared by entries of two countries ("Borana militia": Kenya's
  and Ethiopia's) is the entry of the event's country, not the one listed first.
"""

import datetime as dt

from sitrep.extract import actors as actors_module
from sitrep.extract.actors import get_dictionary
from sitrep.extract.events import extract
from sitrep.model import Article

KENYA, ETHIOPIA = "Borana Ethnic Militia (Kenya)", "Borana Ethnic Militia (Ethiopia)"


def _entry(name):
    return next(e for e in get_dictionary().entries if e.name == name)


def test_an_entry_of_another_country_gives_way_to_the_event_country_s():
    d = get_dictionary()
    assert d.in_country(_entry(KENYA), "ET").name == ETHIOPIA
    assert d.in_country(_entry(ETHIOPIA), "KE").name == KENYA
    assert d.in_country(_entry(KENYA), "KE").name == KENYA


def test_no_entry_of_that_country_keeps_the_entry():
    d = get_dictionary()
    assert d.in_country(_entry(KENYA), "SO").name == KENYA
    assert d.in_country(_entry(KENYA), "").name == KENYA


def test_without_the_switch_the_entry_stays(monkeypatch):
    monkeypatch.setattr(actors_module, "COUNTRY_TIE_BREAK", 0)
    assert get_dictionary().in_country(_entry(KENYA), "ET").name == KENYA


# a note whose only place is in Ethiopia: the name was looked up before the place was known
BOTH = ("On 14 June 2022, Borana and Guji militias fought over a water point near Bule Hora town "
        "(West Guji zone, Oromia region), leaving five dead.")


def _clash(text):
    evs = extract([Article(id="t", text=text, published=dt.date(2022, 6, 17))])[0]
    return next(e for e in evs if e.sub_event_type == "Armed clash")


def test_the_clash_in_ethiopia_names_the_ethiopian_militia():
    ev = _clash(BOTH)
    assert ev.iso == "ET"
    assert ETHIOPIA in (ev.actor1, ev.actor2)


def test_without_the_switch_the_kenyan_entry_was_taken(monkeypatch):
    monkeypatch.setattr(actors_module, "COUNTRY_TIE_BREAK", 0)
    ev = _clash(BOTH)
    assert KENYA in (ev.actor1, ev.actor2)


# ARRESTED_PARTY_CIVILIANS: a party's people arrested are civilians, the party associated;
# an armed group's members arrested are the group itself
PARTY = "On 9 April 2019, police in Dhaka picked up 14 BNP activists from the party's district office."
GROUP = "On 9 April 2019, police in Surabaya picked up three JAD members suspected of planning bombings."


def _arrest(text):
    evs = extract([Article(id="t", text=text, published=dt.date(2019, 4, 12))])[0]
    return next(e for e in evs if e.sub_event_type == "Arrests")


def test_a_party_s_people_arrested_are_civilians():
    ev = _arrest(PARTY)
    assert (ev.actor2, ev.inter2) == ("Civilians (Bangladesh)", 7)
    assert ev.assoc_actor_2 == "BNP: Bangladesh Nationalist Party"


def test_without_the_switch_the_party_was_the_side(monkeypatch):
    from sitrep.extract import roles as roles_module

    monkeypatch.setattr(roles_module, "ARRESTED_PARTY_CIVILIANS", 0)
    assert _arrest(PARTY).actor2 == "BNP: Bangladesh Nationalist Party"


def test_an_armed_group_s_members_arrested_are_the_group():
    assert _arrest(GROUP).actor2 == "JAD: Jemaah Ansharut Daulah"


def test_a_group_s_own_name_is_not_shared():
    d = get_dictionary()
    ttp = next(e for e in d.entries if e.name == "TTP: Tehreek-e-Taliban Pakistan")
    assert d.in_country(ttp, "AF", "TTP").name == ttp.name
    assert d.in_country(_entry(KENYA), "ET", "Borana militiamen").name == ETHIOPIA


def test_a_merged_mention_of_a_group_is_not_moved_by_generic_aliases():
    d = get_dictionary()
    shabaab = next(e for e in d.entries if e.name == "Al Shabaab")
    assert d.in_country(shabaab, "YE", "Shabaab’s own men").name == "Al Shabaab"
