"""Session 40 (actorfacts5): actor facts of Somalia, Ethiopia and Haiti in data/actors/horn_session40.yaml
and haiti_session40.yaml. Every sentence here is invented. Each test fails without the two files (the
dictionary as it was: run them with PYTHONPATH on a copy of src/ without them)."""

import datetime as dt

from sitrep.evaluate import actor_same
from sitrep.extract.actors import get_dictionary
from sitrep.extract.events import extract
from sitrep.model import Article


def _names(text, countries):
    return [m.name for m in get_dictionary().find(text, countries)]


def _top(text, published=dt.date(2025, 6, 20)):
    return extract([Article(id="t", text=text, published=published)])[0][0]


def test_gunmen_from_a_clan_are_its_clan_militia_and_a_victims_clan_is_not():
    ev = _top("On 14 June 2025, gunmen from the Marehan clan shot dead a bus driver near Luuq.")
    assert ev.actor1 == "Marehan Clan Militia (Somalia)" and ev.inter1 == 4
    assert ev.actor2 == "Civilians (Somalia)"
    # the clan of a victim, with no word for armed men, names no militia
    assert "Marehan Clan Militia (Somalia)" not in _names("Unknown gunmen shot dead a man from the Marehan clan.", {"SO"})


def test_a_clan_spelled_otherwise_takes_acleds_spelling():
    assert _names("Abgaal militias and Habar Gidir gunmen fought over a farm.", {"SO"}) == [
        "Abgal Clan Militia (Somalia)", "Habar Gedir Clan Militia (Somalia)"]


def test_a_sub_clan_written_with_a_slash_is_acleds_sub_clan_militia():
    assert _names("Militiamen of the Majerteen/Osman Mahmud sub-clan raided a camp.", {"SO"}) == [
        "Majeerteen-Osman Mahmud Sub-Clan Militia (Somalia)"]
    assert _names("Militiamen from the Habar Gidir/Sacad sub-clan guarded the well.", {"SO"}) == [
        "Habar Gedir-Sa'ad Sub-Clan Militia (Somalia)"]


def test_a_clan_fight_names_both_clans():
    ev = _top("On 14 June 2025, Hawadle clan militiamen and Gaaljecel gunmen fought over farmland east of "
              "Beledweyne; five people were killed.")
    assert {ev.actor1, ev.actor2} == {"Hawadle Clan Militia (Somalia)", "Gaaljecel Clan Militia (Somalia)"}


def test_acleds_other_name_of_a_clan_militia_compares_equal():
    assert actor_same("Habar Gedir Ethnic Militia (Somalia)", "Habar Gedir Clan Militia (Somalia)")


def test_jubalands_ras_kamboni_forces_are_the_federal_forces():
    assert _names("Ras Kamboni forces patrolled the road.", {"SO"}) == ["Military Forces of Somalia"]


def test_ethiopias_regional_special_forces_are_its_police_forces_not_its_army():
    """ACLED: "Police Forces of Ethiopia (2018-) Somali Regional Special Forces"."""
    assert _names("Somali region special forces manned the checkpoint.", {"ET"}) == ["Police Forces of Ethiopia"]


def test_endf_troops_are_one_mention_of_the_army():
    assert _names("ENDF troops manned the checkpoint.", {"ET"}) == ["Military Forces of Ethiopia"]


def test_krache_dife_is_its_own_gang_not_the_g9():
    ev = _top("On 14 June 2025, gunmen of the Krache Dife gang attacked homes in Kenscoff, killing four residents.")
    assert ev.actor1 == "Base Krache Dife Gang" and ev.inter1 == 3


def test_a_gang_leaders_name_names_his_gang():
    ev = _top("On 14 June 2025, Jeff Larose's gang burned houses in Cabaret and killed three people.")
    assert ev.actor1 == "Canaan Gang"


def test_a_gang_acled_names_on_its_own_is_named():
    assert _names("The Lame Ti Manchet gang attacked travellers near Gressier.", {"HT"})[0] == "Lame Timanchet Gang"


def test_kenyan_troops_in_somalia_are_the_au_missions_contingent_by_date():
    """ACLED names the Kenyan, Ugandan and Burundian troops in Somalia by the AU mission of the day."""
    early = _top("On 18 January 2016, KDF troops clashed with Al-Shabaab fighters near Dhobley, Lower Juba, "
                 "killing five militants.", dt.date(2016, 1, 20))
    assert early.actor1 == "AMISOM: African Union Mission in Somalia" and early.inter1 == 8
    assert _names("Ugandan troops guarded the airstrip.", {"SO"}) == [
        "AUSSOM: African Union Support and Stabilization Mission in Somalia"]
    # in Kenya they are Kenya's army
    assert _names("KDF soldiers patrolled the border road.", {"KE"}) == ["Military Forces of Kenya"]


def test_a_sub_clan_named_alone_is_its_clans_sub_clan_militia():
    assert _names("Sacad clan militia fought Omar Mahmud militiamen.", {"SO"}) == [
        "Habar Gedir-Sa'ad Sub-Clan Militia (Somalia)", "Majeerteen-Omar Mahmud Sub-Clan Militia (Somalia)"]


def test_a_somali_clan_across_the_border_is_named_by_that_country():
    """The Marehan of Kenya's Mandera: the Kenyan naming of a people's militia, not the Somali entry."""
    assert _names("Marehan militia raided a village near Mandera.", {"KE"}) == ["Marehan Ethnic Militia (Kenya)"]
