"""Who did what to whom (extract/roles.py) on invented sentences: the sides of a fight, generic
actors named by a country's descriptor phrases, a single member of an armed group as the target,
party supporters as rioters."""

import datetime as dt

from sitrep.extract.events import extract
from sitrep.extract.lexicons import words
from sitrep.model import Article


def _events(text, published):
    return extract([Article(id="t", text=text, published=published)])[0]


def _top(text, published):
    evs = _events(text, published)
    assert evs, text
    return evs[0]


# -- the sides of a fight ---------------------------------------------------------------------
def test_fighting_between_two_named_sides_takes_both_as_actors():
    """Neither side of "fighting between X and Y" is an unidentified group."""
    ev = _top("On 3 June 2017, fighting broke out between the army and the TNLA near the village of "
              "Hpa Lai in Shan State.", dt.date(2017, 6, 8))
    assert ev.event_type == "Battles"
    assert {ev.actor1, ev.actor2} == {"Military Forces of Myanmar", "TNLA: Ta'ang National Liberation Army"}


def test_where_acled_names_the_state_first_in_a_clash_with_no_attacker_so_does_sitrep():
    """Myanmar's rows name the army first when no one is told attacking, whoever is named first."""
    ev = _top("On 3 June 2017, clashes took place between the TNLA and the Myanmar army near the "
              "village of Hpa Lai in Shan State.", dt.date(2017, 6, 8))
    assert ev.actor1 == "Military Forces of Myanmar" and ev.inter1 == 1
    assert ev.actor2 == "TNLA: Ta'ang National Liberation Army"


def test_elsewhere_the_first_named_side_of_a_clash_with_no_attacker_is_actor1():
    """The Philippines' rows name the armed group first: the first named side stays first."""
    assert "ph" not in words("clash_state_first")
    ev = _top("On 4 March 2018, a firefight between the NPA and the military took place in a "
              "village of Las Navas, Northern Samar.", dt.date(2018, 3, 9))
    assert ev.actor1 == "NPA: New People's Army"
    assert ev.actor2.startswith("Military Forces of the Philippines")


def test_the_other_side_of_a_fight_in_which_the_subject_fell_is_actor1():
    """"Soldiers were killed in a clash with the NPA": the rebels fought them, no unidentified group."""
    ev = _top("On 11 May 2018, two soldiers were killed in a clash with the NPA in a village of "
              "Las Navas, Northern Samar.", dt.date(2018, 5, 15))
    assert ev.actor1 == "NPA: New People's Army"
    assert ev.actor2.startswith("Military Forces of the Philippines")


def test_clash_state_first_lists_iso_codes():
    assert words("clash_state_first")
    assert all(len(c) == 2 and c.isalpha() for c in words("clash_state_first"))


# -- descriptor phrases: a generic actor of a country, when the text names no one ------------------
def test_a_killing_told_as_vigilante_style_is_the_countrys_anti_drug_vigilantes():
    ev = _top("Two men on a motorcycle shot a suspected drug pusher dead in Barangay Maligaya, Tarlac "
              "City on 5 Aug 2016, in what neighbours called a vigilante-style killing.", dt.date(2016, 8, 10))
    assert ev.actor1 == "Anti-Drug Vigilantes (Philippines)" and ev.inter1 == 3
    assert ev.actor2 == "Civilians (Philippines)"


def test_descriptors_describe_only_in_their_countries_and_only_the_unnamed():
    from sitrep.extract.actors import get_dictionary

    d = get_dictionary()
    assert d.described("killed in a vigilante-style attack", "PH").name == "Anti-Drug Vigilantes (Philippines)"
    assert d.described("killed in a vigilante-style attack", "KE") is None
    assert d.described("killed in an attack by unidentified gunmen", "PH") is None
    # a named killer keeps the killing
    ev = _top("NPA rebels shot dead a village chief in a vigilante-style attack in Barangay Maligaya, "
              "Tarlac City on 5 Aug 2016.", dt.date(2016, 8, 10))
    assert ev.actor1 == "NPA: New People's Army"


def test_every_descriptor_compiles_and_needs_words():
    import re

    from sitrep.extract.actors import load_entries

    described = [e for e in load_entries() if e.descriptors]
    assert described
    for e in described:
        for pattern in e.descriptors:
            rx = re.compile(pattern, re.IGNORECASE)
            assert not rx.search(""), (e.name, pattern)
            assert not rx.search("an attack by unidentified gunmen"), (e.name, pattern)
        # a descriptor names a generic actor of a place: it needs the countries it holds in
        assert e.countries or "{country}" in e.name, e.name


def test_where_acled_names_the_state_second_in_every_clash_the_other_side_is_actor1():
    """The Philippines' rows name the rebels first even when soldiers attacked them."""
    assert "ph" in words("clash_state_second")
    ev = _top("On 2 April 2019, soldiers of the 20th Infantry Battalion killed an NPA rebel in an encounter "
              "in a village of Las Navas, Northern Samar.", dt.date(2019, 4, 6))
    assert ev.event_type == "Battles"
    assert ev.actor1 == "NPA: New People's Army"
    assert ev.actor2.startswith("Military Forces of the Philippines")


def test_elsewhere_the_state_that_attacked_stays_actor1():
    assert "ke" not in words("clash_state_second")
    ev = _top("On 2 April 2019, soldiers of the Kenya Defence Forces killed two Al Shabaab militants in a "
              "firefight near Kolbio, Lamu County.", dt.date(2019, 4, 6))
    assert ev.event_type == "Battles"
    assert ev.actor1 == "Military Forces of Kenya" and ev.actor2 == "Al Shabaab"


# -- a single member of an armed group as the target ------------------------------------------------
def test_a_former_member_of_an_armed_group_killed_is_a_civilian_target():
    """ACLED: a militant killed by the police is a clash with the group; a former member is a civilian."""
    ev = _top("On 9 March 2019, a former Mungiki member was hacked to death by unknown attackers in "
              "Kayole, Nairobi.", dt.date(2019, 3, 12))
    assert ev.actor2 == "Civilians (Kenya)" and ev.inter2 == 7
    assert ev.event_type == "Violence against civilians"


def test_an_active_militant_killed_by_the_police_is_a_clash_with_the_group():
    ev = _top("On 9 March 2019, police shot dead a suspected Al Shabaab militant in a shootout near "
              "Kolbio, Lamu County.", dt.date(2019, 3, 12))
    assert ev.sub_event_type == "Armed clash"
    assert {ev.actor1, ev.actor2} == {"Police Forces of Kenya", "Al Shabaab"}


# -- a named party's people are rioters, not an armed group ----------------------------------------
def test_party_activists_clashing_with_the_police_are_rioters_with_the_party_associated():
    ev = _top("On 6 March 2016, VHP activists and the police clashed in Taldih, South 24 Parganas "
              "district. One person died and 29 were injured.", dt.date(2016, 3, 10))
    assert ev.event_type == "Riots" and ev.sub_event_type == "Mob violence"
    assert ev.actor1 == "Rioters (India)" and ev.inter1 == 5
    assert ev.assoc_actor_1 == "VHP: Vishwa Hindu Parishad"
    assert ev.actor2 == "Police Forces of India" and ev.inter2 == 1


def test_supporters_of_two_parties_clashing_are_rioters_on_both_sides():
    ev = _top("On 6 March 2016, BJP workers and CPI(M) supporters clashed in a village of Burdwan "
              "district, leaving four injured.", dt.date(2016, 3, 10))
    assert ev.event_type == "Riots"
    assert ev.actor1 == "Rioters (India)" and ev.actor2 == "Rioters (India)"
    assert {ev.assoc_actor_1, ev.assoc_actor_2} == {"BJP: Bharatiya Janata Party",
                                                    "CPI(M): Communist Party of India (Marxist)"}


def test_party_violence_needs_the_party_acting_first_and_no_armed_side_acting():
    from types import SimpleNamespace

    from sitrep.extract.roles import _party_violence
    from sitrep.model import ActorMention

    party = ActorMention("VHP: Vishwa Hindu Parishad", 6, 20, 34, "VHP activists", key="p:vhp")
    police = ActorMention("Police Forces of {country}", 1, 0, 6, "police", key="g:police")
    police_after = ActorMention("Police Forces of {country}", 1, 40, 46, "police", key="g:police")
    gang = ActorMention("Unidentified Gang ({country})", 3, 40, 46, "gangsters", key="g:gang")
    assert _party_violence(SimpleNamespace(agents=[party, police_after]))  # "VHP activists and the police clashed"
    assert not _party_violence(SimpleNamespace(agents=[police, party]))  # "police and VHP activists ..."
    assert not _party_violence(SimpleNamespace(agents=[party, gang]))  # an armed group acting
    assert not _party_violence(SimpleNamespace(agents=[police]))


# -- one head shared by two names -------------------------------------------------------------------
def test_two_names_sharing_one_head_are_two_actors():
    from sitrep.extract.actors import get_dictionary

    found = get_dictionary().find("Shots were exchanged by Russian and Ukrainian forces across the river.")
    assert [m.name for m in found] == ["Military Forces of Russia", "Military Forces of Ukraine"]
    assert found[0].text == "Russian"
    found = get_dictionary().find("Kenyan, Somali and Ethiopian troops stormed the camp.")
    assert [m.name for m in found] == ["Military Forces of Kenya", "Military Forces of Somalia", "Military Forces of Ethiopia"]
    # a place the first side came from is no second actor
    found = get_dictionary().find("Raiders from Sudan and Kenyan police exchanged fire.")
    assert "Police Forces of Sudan" not in [m.name for m in found]


def test_a_clash_between_two_armies_sharing_one_head_has_both_sides():
    ev = _top("On 4 May 2022, heavy clashes between Russian and Ukrainian troops were reported near "
              "Kupiansk, Kharkiv.", dt.date(2022, 5, 8))
    assert ev.actor1 == "Military Forces of Russia" and ev.actor2 == "Military Forces of Ukraine"


def test_a_bangladeshi_party_s_men_who_beat_a_man_are_rioters_with_the_party_associated():
    ev = _top("On 2 March 2023, Awami League activists attacked and killed a grocer in a market of "
              "Narayanganj, Bangladesh.", dt.date(2023, 3, 6))
    assert ev.actor1 == "Rioters (Bangladesh)" and ev.inter1 == 5
    assert ev.assoc_actor_1 == "AL: Bangladesh Awami League"


def test_civilians_who_fled_are_actor1_of_a_displacement():
    ev = _top("Displacement: On 9 April 2022, about 300 residents were evacuated from Kupiansk, Kharkiv, "
              "by bus.", dt.date(2022, 4, 13))
    assert ev.sub_event_type == "Other"  # (the typer's reading; the roles follow it)
    assert ev.actor1 == "Civilians (Ukraine)" and ev.inter1 == 7
    assert not ev.actor2


# -- who attacked when an attack was beaten back ------------------------------------------------------
def test_the_side_whose_attack_was_repelled_is_actor1():
    ev = _top("On 7 May 2022, Ukrainian troops repelled an assault of Russian troops on Izium, Kharkiv.",
              dt.date(2022, 5, 10))
    assert ev.actor1 == "Military Forces of Russia" and ev.actor2 == "Military Forces of Ukraine"


def test_the_one_who_repulsed_an_attack_is_no_agent():
    from sitrep.extract.actors import get_dictionary
    from sitrep.extract.roles import sentence_roles
    from sitrep.nlp import load_nlp

    text = "Russian troops tried to advance on Izium but were repulsed by Ukrainian troops."
    agents, patients, _ = sentence_roles(load_nlp()(text), get_dictionary().find(text), None, text)
    assert [a.name for a in agents] == ["Military Forces of Russia"]
    assert [p.name for p in patients] == ["Military Forces of Ukraine"]


def test_repel_verbs_and_attack_nouns_are_lower_case_words():
    assert {"repelled", "repulsed"} <= words("repel_verbs")
    assert {"attack", "assault", "offensive"} <= words("attack_nouns")


# -- the second party of a riot, a looting and an arrest ---------------------------------------------
def test_the_police_a_crowd_stoned_are_actor2_of_a_violent_demonstration_not_the_crowd():
    """"Traders rioted and stoned the police": the traders are the rioters, the police actor2."""
    ev = _top("On 14 March 2021, market traders in Kisumu rioted and pelted police officers with stones "
              "over the closure of their stalls.", dt.date(2021, 3, 20))
    assert ev.sub_event_type == "Violent demonstration"
    assert ev.actor1 == "Rioters (Kenya)"
    assert ev.actor2 == "Police Forces of Kenya" and ev.inter2 == 1


def test_a_looting_with_no_target_named_targets_civilians():
    ev = _top("On 12 March 2021, JNIM militants burned a telecom mast and stole motorbikes near Djibo.",
              dt.date(2021, 3, 20))
    assert ev.sub_event_type == "Looting/property destruction"
    assert ev.actor2 == "Civilians (Burkina Faso)" and ev.inter2 == 7


def test_an_arrest_with_no_one_else_named_arrests_civilians():
    ev = _top("On 15 March 2021, police arrested 12 suspects in Kisumu over the theft of fertiliser.",
              dt.date(2021, 3, 20))
    assert ev.sub_event_type == "Arrests"
    assert ev.actor1 == "Police Forces of Kenya"
    assert ev.actor2 == "Civilians (Kenya)" and ev.inter2 == 7


def test_two_crowds_who_clash_are_rioters_on_both_sides():
    ev = _top("On 14 March 2021, supporters of two rival candidates clashed with sticks and stones at a "
              "rally in Kakamega, injuring four.", dt.date(2021, 3, 20))
    assert ev.sub_event_type == "Mob violence"
    assert ev.actor1 == "Rioters (Kenya)" and ev.actor2 == "Rioters (Kenya)" and ev.inter2 == 5


def test_the_target_of_a_mob_is_a_civilian_even_when_no_one_was_hurt():
    ev = _top("On 14 March 2021, a mob in Kakamega beat a suspected cattle thief.", dt.date(2021, 3, 20))
    assert ev.sub_event_type == "Mob violence"
    assert ev.actor2 == "Civilians (Kenya)" and ev.inter2 == 7


def test_the_group_named_before_attack_did_it():
    """"A suspected Al Shabaab attack": the group that modifies the attack noun is the attacker."""
    ev = _top("On 11 March 2021, three people were killed in a suspected Al Shabaab attack on a bus near "
              "Mandera.", dt.date(2021, 3, 20))
    assert ev.actor1 == "Al Shabaab" and ev.actor2 == "Civilians (Kenya)"
