"""Actors added to the dictionary from the tune split's gaps (docs/actors.md) are found with
ACLED's name and inter code. Every sentence here is invented."""

import datetime as dt

import pytest

from sitrep.extract.actors import get_dictionary
from sitrep.extract.events import extract
from sitrep.model import Article


def _events(text, published):
    return extract([Article(id="t", text=text, published=published)])[0]


def _found(text, countries=None):
    return [(m.name, m.inter) for m in get_dictionary().find(text, countries)]


def test_donbas_separatist_forces_are_the_naf_and_their_target_the_ukrainian_army():
    [ev] = _events("On 9 February 2022, the DPR forces fired 82mm mortars at the governmental positions "
                   "near Avdiivka, Donetsk.", dt.date(2022, 2, 15))
    assert ev.actor1 == "NAF: United Armed Forces of Novorossiya" and ev.inter1 == 2
    assert ev.actor2 == "Military Forces of Ukraine" and ev.inter2 == 1


def test_a_named_haitian_gang_is_itself_not_its_federation():
    [ev] = _events("On 4 March 2024, in Tabarre, members of the Kraze Barye gang shot dead two motorcycle "
                   "taxi drivers.", dt.date(2024, 3, 10))
    assert ev.actor1 == "Kraze Barye Gang" and ev.inter1 == 3
    assert ev.actor2 == "Civilians (Haiti)"
    assert ("Base 5 Secondes Gang", 3) in _found("Gunmen of the 5 Segonn gang fired on the police.", {"HT"})


def test_an_unattributed_sahel_jihadist_attack_is_the_jnim_and_or_isgs_actor():
    [ev] = _events("On 14 October, suspected JNIM and/or ISGS militants burned the town hall of Tanwalbougou "
                   "and the school next to it.", dt.date(2019, 10, 20))
    assert ev.actor1.startswith("JNIM: Group for Support of Islam and Muslims and/or Islamic State")
    assert ev.inter1 == 2


@pytest.mark.parametrize("text, countries, name, inter", [
    ("The DKBA-5 clashed with a Border Guard Force battalion.", {"MM"},
     "DKBA (Benevolent): Democratic Karen Benevolent Army", 2),
    ("Abu Sayyaf gunmen seized three fishermen off Jolo.", {"PH"}, "ASG: Abu Sayyaf", 2),
    ("Army auxiliaries repelled the raid.", {"BF"}, "VDP: Volunteers for the Defense of the Homeland", 4),
])
def test_new_and_renamed_entries_carry_acled_names_and_inter_codes(text, countries, name, inter):
    assert (name, inter) in _found(text, countries)


def test_acled_spellings_of_an_actor_resolve_to_the_same_entry():
    """ACLED wrote some actors differently over the years; each spelling compares as one actor."""
    from sitrep.evaluate import actor_same

    assert actor_same("KIO/KIA: Kachin Independence Organization/Kachin Independence Army",
                      "KIA: Kachin Independence Army")
    assert actor_same("Baz Gran Grif de Savien Gang", "Gran Grif Gang")
    assert actor_same("Abu Sayyaf Group", "ASG: Abu Sayyaf")
    assert not actor_same("Kraze Barye Gang", "G-Pep Gang")


@pytest.mark.parametrize("text, countries, name, inter", [
    ("Pokot raiders drove off two hundred goats.", {"KE"}, "Pokot Ethnic Militia (Kenya)", 4),
    ("Mungiki adherents beat a matatu driver.", {"KE"}, "Mungiki Militia", 3),
    ("Armed Konkomba youths burned a hamlet.", {"GH"}, "Konkomba Ethnic Militia (Ghana)", 4),
    ("TPNPB fighters shot at a TNI post.", {"ID"}, "TPNPB: West Papua National Liberation Army", 2),
    ("Brimob officers arrested a suspect.", {"ID"}, "Police Forces of Indonesia", 1),
    ("UNP supporters assaulted a rival candidate.", {"LK"}, "UNP: United National Party", 6),
    ("BSF personnel fired at smugglers.", {"IN"}, "Police Forces of India", 1),
    ("Trinamool Congress workers clashed with BJP supporters.", {"IN"}, "TMC: Trinamool Congress Party", 6),
])
def test_entries_of_countries_that_had_none(text, countries, name, inter):
    assert (name, inter) in _found(text, countries)


def test_a_people_s_bare_name_is_no_militia():
    """A people named as the target of an attack is no armed side (ACLED codes them as civilians)."""
    assert not [n for n, _ in _found("Armed men attacked Pokomo villages.", {"KE"}) if "Pokomo" in n]


def test_a_party_named_without_a_place_tells_the_country():
    [ev] = _events("On 3 May 2015, a group of UNP supporters assaulted two UPFA supporters after a meeting, "
                   "injuring both.", dt.date(2015, 5, 10))
    assert ev.country == "Sri Lanka"
    assert ev.actor1.endswith("(Sri Lanka)") or ev.actor1.startswith("UNP")


def test_vigilantes_are_named_by_the_country_they_act_in():
    d = get_dictionary()
    [m] = [m for m in d.find("Vigilantes beat a suspected thief to death.", {"ZA"}) if "Vigilante" in m.name]
    assert d.entry(m.key).display("South Africa", "ZA") == "Vigilante Militia (South Africa)" and m.inter == 4


def test_older_acled_spellings_compare_as_one_actor():
    from sitrep.evaluate import actor_same

    assert actor_same("LeT: Lashkar-e-Taiba", "Lashkar-e-Taiba")
    assert actor_same("CV: Red Command", "Comando Vermelho")
    assert actor_same("Unidentified Clan Militia (Somalia)", "Unidentified Clan Militia (Somalia)")
    assert not actor_same("Unidentified Clan Militia (Somalia)", "Unidentified Clan Militia (Kenya)")
    assert ("Southern Muslim Separatists (Thailand)", 2) in _found("Insurgents detonated a bomb near a school.", {"TH"})


def test_a_party_member_killed_is_no_armed_side():
    """A party named as the victim's affiliation does not turn an attack into a clash."""
    [ev] = _events("On 3 March 2016, unidentified gunmen shot dead a BJP worker at his home in Balagarh, "
                   "Hooghly.", dt.date(2016, 3, 10))
    assert ev.event_type == "Violence against civilians" and ev.inter2 != 3


def test_pirates_and_armed_drug_suspects():
    [ev] = _events("On 24 June 2020, sea pirates boarded a fishing boat off Cotonou and "
                   "took away five of its crew.", dt.date(2020, 6, 30))
    assert ev.actor1 == "Pirates (Benin)" and ev.inter1 == 3
    assert ("Armed Drug Suspects (Philippines)", 3) in _found("An armed drug suspect fired at the police.", {"PH"})


@pytest.mark.parametrize("text, countries, name, inter", [
    ("Gunmen shot two security guards at a plantation.", {"ID"}, "Private Security Forces ({country})", 8),
    ("Troops of the Northern Alliance attacked an army outpost.", {"MM"}, "NA-B: Northern Alliance", 2),
    ("Samajwadi Party workers and BJP supporters clashed.", {"IN"}, "SP: Samajwadi Party", 6),
])
def test_entries_of_the_second_round_carry_acled_names_and_inter_codes(text, countries, name, inter):
    assert (name, inter) in _found(text, countries)


def test_a_superintendent_of_police_is_no_party():
    assert all(name != "SP: Samajwadi Party" for name, _ in _found("The SP said the accused were arrested.", {"IN"}))


def test_an_armed_attack_on_company_guards_is_a_clash_with_private_security():
    [ev] = _events("On 3 May 2019, gunmen shot dead two security guards of a palm oil company in Mesuji, "
                   "Lampung.", dt.date(2019, 5, 8))
    assert ev.actor2 == "Private Security Forces (Indonesia)" and ev.inter2 == 8
    assert ev.sub_event_type == "Armed clash"
