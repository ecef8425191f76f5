"""Who did what to whom (session 36's switches in extract/roles.py and extract/actors.py), on
invented sentences:

- NAMED_OUT_OF_FOCUS: a group's own multi-word name is found where the article's focus is another
  state's;
- TRIBAL_COUNTRIES: kin militias of Iraq, Yemen, Syria, ... are "Tribal";
- IDENTITY_SOURCE_NOT_PARTY: the police told only as the source of a clash between clans are no side;
- MIXED_NATIONALITIES: victims of several foreign nationalities are "Civilians (International)";
- HEADLINE_PASSIVE: "Two soldiers killed when ..." (no "were") tells the soldiers hit;
- FOREIGN_SOLDIERS_HIT: "a third soldier" beside a foreign state's soldiers hit is one of them;
- the new word lists of data/actors/role_cues.yml.
"""

import datetime as dt
from importlib import resources

import yaml

from sitrep.extract import actors as actors_module
from sitrep.extract import roles as roles_module
from sitrep.extract.actors import get_dictionary
from sitrep.extract.events import extract
from sitrep.model import Article


def _top(text, published=dt.date(2023, 5, 20)):
    evs = extract([Article(id="t", text=text, published=published)])[0]
    assert evs, text
    return evs[0]


FOREIGN_FOCUS = ("A U.S. drone hit a truck of the Kataib Hezbollah group on a desert road, the Pentagon said; "
                 "U.S. officials said Washington would answer every attack on American troops.")


def test_a_group_s_own_name_is_found_where_the_focus_is_another_state():
    names = [m.name for m in get_dictionary().find(FOREIGN_FOCUS, {"US"})]
    assert "Kataib Hezbollah" in names


def test_without_the_switch_the_focus_drops_the_group(monkeypatch):
    monkeypatch.setattr(actors_module, "NAMED_OUT_OF_FOCUS", 0)
    names = [m.name for m in get_dictionary().find(FOREIGN_FOCUS, {"US"})]
    assert "Kataib Hezbollah" not in names


def test_the_tail_of_a_longer_capitalised_name_is_not_taken_out_of_focus():
    text = "Shelling by the Uganda Peoples Defence Force hit herders near the border."
    names = [m.name for m in get_dictionary().find(text, {"KE"})]
    assert not any(n.startswith("PDF") for n in names)


CLANS = ("KUT, Iraq, March 9 (Tigris Wire) - Fighting between two clans armed with rifles near Suwaira in "
         "Wasit province killed three men on Monday, a police source said.")


def test_unnamed_kin_militias_of_iraq_are_tribal_and_the_police_source_is_no_side():
    ev = _top(CLANS, dt.date(2021, 3, 10))
    assert ev.actor1 == "Unidentified Tribal Militia (Iraq)"
    assert ev.actor2 == "Unidentified Tribal Militia (Iraq)"


def test_without_the_switches_the_clan_militia_and_the_police(monkeypatch):
    monkeypatch.setattr(roles_module, "TRIBAL_COUNTRIES", 0)
    monkeypatch.setattr(roles_module, "IDENTITY_SOURCE_NOT_PARTY", 0)
    ev = _top(CLANS, dt.date(2021, 3, 10))
    assert ev.actor1 == "Unidentified Clan Militia (Iraq)"
    assert ev.actor2 == "Police Forces of Iraq"


TOURISTS = ("On 8 May 2023, gunmen kidnapped a Japanese and a Norwegian tourist on the road between Gao and "
            "Ansongo, Mali.")
HOME_AND_FOREIGN = ("On 8 May 2023, gunmen kidnapped a Japanese tourist and a Malian guide on the road between Gao "
                    "and Ansongo, Mali.")


def test_victims_of_several_foreign_nationalities_are_international_civilians():
    assert _top(TOURISTS).actor2 == "Civilians (International)"
    assert _top(HOME_AND_FOREIGN).actor2 != "Civilians (International)"


def test_without_the_switch_they_are_the_event_country_s(monkeypatch):
    monkeypatch.setattr(roles_module, "MIXED_NATIONALITIES", 0)
    assert _top(TOURISTS).actor2 != "Civilians (International)"


def test_nationalities_told_as_persons():
    told = roles_module._nationalities_told
    assert told("abducted a Dutch and a Brazilian engineer") == 2
    assert told("a French drone killed a Chadian man") == 1  # the drone is no person
    assert told("kidnapped a Malian guide and a Swiss nun", "ML") == 0  # one of them of the country


MINE = ("14/09/2023: Three Kenyan policemen killed when their truck struck a landmine near Mandera; "
        "a fourth officer hurt.")
FRENCH = ("14/09/2013: Two French soldiers killed when their armoured vehicle hit a mine near Tessalit, Kidal, "
          "Mali; a third soldier wounded.")


def test_a_headline_s_reduced_passive_tells_who_was_hit():
    ev = _top(MINE, dt.date(2023, 9, 15))
    assert ev.actor1 == "Unidentified Armed Group (Kenya)"
    assert ev.actor2 == "Police Forces of Kenya"


def test_without_the_switch_the_hit_are_the_bombers(monkeypatch):
    monkeypatch.setattr(roles_module, "HEADLINE_PASSIVE", 0)
    monkeypatch.setattr(roles_module, "HEADLINE_VBN", 0)  # session 38: a counted subject is also read so
    monkeypatch.setattr(roles_module, "FORCES_HURT_SECOND", False)  # session 47: also puts the force second
    assert _top(MINE, dt.date(2023, 9, 15)).actor1 == "Police Forces of Kenya"


def test_a_bare_soldier_beside_a_foreign_state_s_soldiers_is_one_of_them():
    ev = _top(FRENCH, dt.date(2013, 9, 15))
    assert ev.actor1 == "Unidentified Armed Group (Mali)"
    assert ev.actor2 == "Military Forces of France"


def test_without_the_switch_the_bare_soldier_is_the_event_country_s_army(monkeypatch):
    monkeypatch.setattr(roles_module, "FOREIGN_SOLDIERS_HIT", 0)
    assert _top(FRENCH, dt.date(2013, 9, 15)).actor1 == "Military Forces of Mali"


def test_session36_role_cues_lists():
    path = resources.files("sitrep") / "data" / "actors" / "role_cues.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert all(len(c) == 2 for c in data["tribal_countries"])
    assert {"iq", "ye", "sy"} <= set(data["tribal_countries"])
    assert {"nationals", "tourist"} <= set(data["national_nouns"])
    assert {"died", "perished"} <= set(data["death_verbs"])


FEUD = ("AMARAH, Iraq, May 4 (Tigris Wire) - A feud over grazing land between the Bani Lam and Al Sawaed tribes "
        "turned into a gunfight near Ali al-Gharbi in Maysan province on Wednesday, killing two men.")


def test_named_tribes_of_a_tribal_country_are_their_tribal_militias():
    ev = _top(FEUD, dt.date(2022, 5, 5))
    assert (ev.actor1, ev.actor2) == ("Bani Lam Tribal Militia (Iraq)", "Al Sawaed Tribal Militia (Iraq)")


def test_without_the_switch_the_tribes_are_no_actors(monkeypatch):
    monkeypatch.setattr(actors_module, "TRIBAL_COUNTRIES", 0)
    ev = _top(FEUD, dt.date(2022, 5, 5))
    assert "Bani Lam Tribal Militia (Iraq)" not in (ev.actor1, ev.actor2)


def test_a_tribe_outside_the_tribal_countries_is_not_named_so():
    names = [m.name for m in get_dictionary().find("Gunmen of the Kamba tribe attacked herders.", {"KE"})]
    assert not any("Tribal Militia" in n for n in names)


PAIR = "On 14-March-2015, army troops and KIA fought in Waingmaw township in Myitkyina district in Kachin state."


def test_two_armed_actors_told_as_x_and_y_clashed_are_the_two_sides():
    ev = _top(PAIR, dt.date(2015, 3, 15))
    assert (ev.actor1, ev.actor2) == ("Military Forces of Myanmar", "KIA: Kachin Independence Army")


def test_without_the_switch_the_parse_leaves_no_second_side(monkeypatch):
    monkeypatch.setattr(roles_module, "CLASHED_PAIR", 0)
    assert _top(PAIR, dt.date(2015, 3, 15)).actor2 != "KIA: Kachin Independence Army"


def test_the_clashed_pair_needs_and_between_and_a_fight_verb_after():
    from sitrep.model import ActorMention
    text = "troops and KIA clashed near Mansi"
    a = ActorMention("Military Forces of {country}", 1, 0, 6, "troops")
    b = ActorMention("KIA: Kachin Independence Army", 2, 11, 14, "KIA")
    assert roles_module._clashed_pair(text, a, b)
    assert not roles_module._clashed_pair("troops and KIA met near Mansi", a, b)


CHECKPOINT = ("02/11/2006: Insurgents stormed a checkpoint near Baquba with mortars and rifles; at least nine "
              "policemen died in the fighting.")


def test_who_died_in_the_fighting_was_hit_not_the_agent():
    ev = _top(CHECKPOINT, dt.date(2006, 11, 3))
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Iraq)", "Police Forces of Iraq")


def test_without_the_switch_who_died_is_the_agent(monkeypatch):
    monkeypatch.setattr(roles_module, "DIED_NOT_AGENT", 0)
    assert _top(CHECKPOINT, dt.date(2006, 11, 3)).actor1 == "Police Forces of Iraq"


def test_a_country_s_word_in_a_hyphened_compound_is_no_person():
    told = roles_module._nationalities_told
    assert told("a UK-based monitor said a Turkish-Russian deal had failed") == 0


GRAZING = ("SAMAWAH, Iraq, Aug 3 (Tigris Wire) - A dispute over grazing land between two tribes near Khidhir in "
           "Muthanna province turned into a gunfight on Monday, killing two men and wounding four, police said.")


def test_a_dispute_between_tribes_told_by_the_police_is_the_tribes_clash():
    ev = _top(GRAZING, dt.date(2021, 8, 4))
    assert (ev.actor1, ev.actor2) == ("Unidentified Tribal Militia (Iraq)", "Unidentified Tribal Militia (Iraq)")


def test_without_the_switch_the_police_source_leads_the_dispute(monkeypatch):
    monkeypatch.setattr(roles_module, "IDENTITY_SOURCE_NOT_PARTY", 0)
    assert _top(GRAZING, dt.date(2021, 8, 4)).actor1 == "Police Forces of Iraq"
