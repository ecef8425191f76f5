"""Who did what to whom (session 37's switches in extract/roles.py and extract/actors.py), on
invented sentences:

- PAIR_AS_TOLD: "X and Y fought" keeps the order told, except where ACLED names the state first;
- NAMED_MEN: "OLA gunmen", "TPLF soldiers" are the group's men, no second party;
- ETHNIC_COUNTRY_WORD: "ethnic Somali militiamen" are "Somali Ethnic Militia (country)";
- SHARED_HEAD: "Borana and Guji militias" are two peoples' militias; the Borana entry of Ethiopia;
"""

import datetime as dt

from sitrep.extract import actors as actors_module
from sitrep.extract import roles as roles_module
from sitrep.extract.actors import get_dictionary
from sitrep.extract.events import extract
from sitrep.model import Article


def _top(text, published=dt.date(2023, 5, 20)):
    evs = extract([Article(id="t", text=text, published=published)])[0]
    assert evs, text
    return evs[0]


PAIR = ("On 2 May 2023, Fano gunmen and federal army soldiers fought for most of the day near Bure town "
        "(West Gojjam, Amhara).")


def test_two_sides_told_as_one_subject_keep_the_order_told():
    ev = _top(PAIR)
    assert ev.sub_event_type == "Armed clash"
    assert (ev.actor1, ev.actor2) == ("Fano Militia", "Military Forces of Ethiopia")
    assert (ev.inter1, ev.inter2) == (2, 1)


def test_without_the_switch_the_state_went_first(monkeypatch):
    monkeypatch.setattr(roles_module, "PAIR_AS_TOLD", 0)
    ev = _top(PAIR)
    assert (ev.actor1, ev.actor2) == ("Military Forces of Ethiopia", "Fano Militia")


def test_where_acled_names_the_state_first_it_still_goes_first():
    ev = _top("On 2 May 2023, KIA fighters and army troops fought for most of the day near Laiza town "
              "(Momauk Township, Kachin State).")
    assert (ev.actor1, ev.actor2) == ("Military Forces of Myanmar", "KIA: Kachin Independence Army")


MEN = "Late on Sunday OLA gunmen and TPLF soldiers were seen on the road out of the town."


def test_a_word_for_armed_men_after_a_group_s_name_is_its_men():
    names = [m.name for m in get_dictionary().find(MEN, {"ET"})]
    assert names == ["OLA: Oromo Liberation Army", "TPLF: Tigray People's Liberation Front"]


def test_without_the_switch_the_words_were_parties_of_their_own(monkeypatch):
    monkeypatch.setattr(actors_module, "NAMED_MEN", 0)
    names = [m.name for m in get_dictionary().find(MEN, {"ET"})]
    assert "Unidentified Armed Group ({country})" in names
    assert "Military Forces of {country}" in names


def test_a_state_force_s_men_and_a_word_after_other_words_are_left_alone():
    names = [m.name for m in get_dictionary().find("ENDF soldiers and, later, gunmen came.", {"ET"})]
    assert names[0] == "Military Forces of Ethiopia"
    assert "Unidentified Armed Group ({country})" in names


def test_the_group_s_gunmen_fighting_the_army_make_a_clash_of_the_two():
    ev = _top("On 2 May 2023, Fano gunmen and ENDF soldiers fought for most of the day near Bure town "
              "(West Gojjam, Amhara).")
    assert (ev.actor1, ev.actor2) == ("Fano Militia", "Military Forces of Ethiopia")


ETHNIC = ("On 3 April 2021, Afar militias and ethnic Somali militiamen clashed near Gewane town (Gewane woreda, "
          "Gabi Rasu zone, Afar), killing at least 20 people on both sides.")


def test_a_country_s_word_after_ethnic_names_a_people_s_militia():
    names = [m.name for m in get_dictionary().find(ETHNIC, {"ET"})]
    assert names == ["Afar Ethnic Militia (Ethiopia)", "Somali Ethnic Militia ({country})"]
    ev = _top(ETHNIC, dt.date(2021, 4, 6))
    assert (ev.actor1, ev.actor2) == ("Afar Ethnic Militia (Ethiopia)", "Somali Ethnic Militia (Ethiopia)")
    assert (ev.inter1, ev.inter2) == (4, 4)


def test_without_the_switch_the_somali_militiamen_were_no_actor(monkeypatch):
    monkeypatch.setattr(actors_module, "ETHNIC_COUNTRY_WORD", 0)
    names = [m.name for m in get_dictionary().find(ETHNIC, {"ET"})]
    assert names == ["Afar Ethnic Militia (Ethiopia)"]


def test_a_country_s_word_without_ethnic_is_still_no_people():
    names = [m.name for m in get_dictionary().find("Afar militias and Somali militiamen fought.", {"ET"})]
    assert names == ["Afar Ethnic Militia (Ethiopia)"]


SHARED = "Borana and Guji militias clashed over a well south of the town."


def test_a_people_joined_to_a_people_s_militia_shares_its_militia_word():
    names = [m.name for m in get_dictionary().find(SHARED, {"ET"})]
    assert names == ["Borana Ethnic Militia (Ethiopia)", "Guji Ethnic Militia ({country})"]


def test_without_the_switch_only_the_second_people_was_a_side(monkeypatch):
    monkeypatch.setattr(actors_module, "SHARED_HEAD", 0)
    names = [m.name for m in get_dictionary().find(SHARED, {"ET"})]
    assert names == ["Guji Ethnic Militia ({country})"]


def test_a_word_that_is_no_people_shares_nothing():
    names = [m.name for m in get_dictionary().find("Police and Guji militias clashed near the well.", {"ET"})]
    assert "Guji Ethnic Militia ({country})" in names
    assert not any(n.startswith("Police Ethnic") for n in names)


def test_the_borana_of_kenya_keep_their_kenyan_entry():
    assert [m.name for m in get_dictionary().find("Borana raiders drove off cattle.", {"KE"})] == \
        ["Borana Ethnic Militia (Kenya)"]
    assert [m.name for m in get_dictionary().find("Borana raiders drove off cattle.", {"ET"})] == \
        ["Borana Ethnic Militia (Ethiopia)"]


def _mention(text, words, name):
    start = text.index(words)
    return actors_module.ActorMention(name, 2, start, start + len(words), words, key=name, home="")


def test_the_told_order_needs_the_two_joined_by_and_before_the_verb():
    told = "Fano gunmen and ENDF troops fought all day."
    assert roles_module._subjects_pair(told, _mention(told, "Fano", "a"), _mention(told, "ENDF", "b"))
    aside = "The SDF, long backed by Damascus rivals and a Syrian unit which had battled them, held out."
    assert not roles_module._subjects_pair(aside, _mention(aside, "SDF", "a"), _mention(aside, "Syrian", "b"))


def test_men_told_from_a_named_group_are_its_men():
    text = "Gunmen from the Fano militia stormed the prison and freed inmates."
    assert [m.name for m in get_dictionary().find(text, {"ET"})] == ["Fano Militia"]


def test_without_the_switch_the_gunmen_were_a_party_of_their_own(monkeypatch):
    monkeypatch.setattr(actors_module, "NAMED_MEN", 0)
    text = "Gunmen from the Fano militia stormed the prison and freed inmates."
    assert [m.name for m in get_dictionary().find(text, {"ET"})] == ["Unidentified Armed Group ({country})",
                                                                     "Fano Militia"]
