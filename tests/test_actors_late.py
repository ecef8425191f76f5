"""2026-12-06 late session (docs/actors.md): a country's army and police told together are one
party; state forces named as ACLED names them (the Houthis' authorities, Ukraine's border guards,
Rosgvardia, Myanmar's Border Guard Forces); the entries of data/actors/late_additions.yaml. Every
sentence here is invented."""

import datetime as dt
from importlib import resources

import pytest
import yaml

from sitrep.extract import actors
from sitrep.extract.actors import get_dictionary
from sitrep.extract.events import extract
from sitrep.model import Article


def _events(text, published):
    return extract([Article(id="t", text=text, published=published)])[0]


def _found(text, countries=None):
    return [(m.name, m.inter) for m in get_dictionary().find(text, countries)]


# -- the army and the police told together ----------------------------------------------------

@pytest.mark.parametrize("text, first", [
    ("Soldiers and gendarmes arrested two traders at the cattle market.", "Military Forces of {country}"),
    ("Police and soldiers searched every house in the quarter.", "Police Forces of {country}"),
    ("A joint team of the army, the police and the gendarmerie set up a roadblock.", "Military Forces of {country}"),
    ("Police officers along with army troops dispersed the crowd.", "Police Forces of {country}"),
    ("A joint operation between the police and the army ended at dawn.", "Police Forces of {country}"),
    ("Police and the provincial special forces raided a farm.", "Police Forces of {country}"),
])
def test_a_joint_pair_of_state_forces_is_one_party_the_first_told(text, first):
    forces = [name for name, _ in _found(text, {"CD"}) if " Forces of " in name]
    assert forces == [first]


def test_without_the_switch_the_second_force_is_a_party_of_its_own(monkeypatch):
    monkeypatch.setattr(actors, "JOINT_STATE_FORCES", 0)
    forces = [n for n, _ in _found("Soldiers and gendarmes arrested two traders at the cattle market.", {"CD"})
              if " Forces of " in n]
    assert forces == ["Military Forces of {country}", "Police Forces of {country}"]


def test_a_joint_raid_targets_its_victims_not_the_other_force():
    [ev] = _events("On 3 May 2021, three smugglers were shot dead in Beni, North Kivu, during a joint raid "
                   "by soldiers and police officers.", dt.date(2021, 5, 5))
    assert ev.actor1 == "Military Forces of the Democratic Republic of Congo"
    assert ev.actor2 == "Civilians (Democratic Republic of Congo)"


@pytest.mark.parametrize("text, names", [
    # the two sides of a fight
    ("Heavy fighting broke out between the army and the police near the barracks.",
     ["Military Forces of {country}", "Police Forces of {country}"]),
    # forces of two countries
    ("Kenyan police and Somali soldiers exchanged fire at the border post.",
     ["Police Forces of Kenya", "Military Forces of Somalia"]),
    # a generic word right after another party's name is that party's men (since session 37,
    # actors.NAMED_MEN: no mention of its own)
    ("At the ford, the KIA brigade security forces and army troops fought for an hour.",
     ["KIA: Kachin Independence Army", "Military Forces of {country}"]),
])
def test_sides_of_a_fight_and_forces_of_two_countries_stay_apart(text, names):
    assert [n for n, _ in _found(text, {"KE", "SO", "MM"})] == names


def test_a_state_like_actor_with_its_own_name_is_no_joint_partner():
    [ev] = _events("On 5 March 2023, Houthi and government forces clashed near Sirwah, Marib.", dt.date(2023, 3, 8))
    assert ev.actor1 == "Military Forces of Yemen (2016-) Supreme Political Council"
    assert ev.actor2 == "Military Forces of Yemen"


# -- state forces as ACLED names them ----------------------------------------------------------

def test_the_houthi_authorities_forces_are_a_state_force_coded_8_abroad():
    found = _found("Houthi fighters shelled the market.", {"YE"})
    assert found == [("Military Forces of Yemen (2016-) Supreme Political Council", 1)]
    [ev] = _events("On 3 May 2022, Houthi forces fired two missiles at an oil depot in Jizan.", dt.date(2022, 5, 6))
    assert ev.actor1 == "Military Forces of Yemen (2016-) Supreme Political Council" and ev.inter1 == 8


@pytest.mark.parametrize("text, countries, name", [
    ("Military police officers shot a suspect during a patrol.", {"BR"}, "Military Forces of Brazil"),
    ("The Special Task Force raided a cannabis farm.", {"LK"}, "Police Forces of Sri Lanka"),
    ("People's militia members guarded the bridge.", {"MM"}, "Military Forces of Myanmar"),
    ("Gendarmerie commandos killed two militants.", {"TR"}, "Military Forces of Turkey"),
    ("Gendarmes arrested two militants.", {"BF"}, "Police Forces of {country}"),
    ("The Regional Mobile Force Battalion arrested a suspect.", {"PH"}, "Police Forces of the Philippines"),
    ("Gendarmes arrested two cattle thieves.", {"MG"}, "Military Forces of Madagascar"),
    ("Azov fighters held the plant.", {"UA"}, "Military Forces of Ukraine"),
    ("Darawish forces retook the hill.", {"SO"}, "Military Forces of Somalia"),
    ("The State Border Guard Service seized a crate of grenades.", {"UA"}, "Police Forces of Ukraine"),
    ("Ukrainian border guards found a cache of rifles.", {"UA"}, "Police Forces of Ukraine"),
    ("Rosgvardia units took over the checkpoint.", {"UA"}, "Military Forces of Russia"),
    ("A Border Guard Force battalion burned the village.", {"MM"}, "Military Forces of Myanmar"),
    ("Saw Chit Thu's Karen National Army patrolled the river.", {"MM"}, "KNA: Karen National Army"),
])
def test_state_forces_named_as_acled_names_them(text, countries, name):
    assert name in [n for n, _ in _found(text, countries)]


# -- late_additions.yaml -----------------------------------------------------------------------

@pytest.mark.parametrize("text, countries, name, inter", [
    ("ONLF fighters ambushed a supply convoy.", {"ET"}, "ONLF: Ogaden National Liberation Front", 2),
    ("Gumuz gunmen set fire to a farmstead.", {"ET"}, "Gumuz Ethnic Militia (Ethiopia)", 4),
    ("Raia Mutomboki militiamen looted a health post.", {"CD"}, "Raia Mutomboki Militia", 3),
    ("Nyatura fighters raided a village.", {"CD"}, "Nyatura Militia", 3),
    ("FRPI militiamen attacked an army position.", {"CD"}, "FRPI: Patriotic Resistance Front of Ituri", 2),
    ("Kamuina Nsapu militiamen burned a police post.", {"CD"}, "Kamuina Nsapu Militia", 3),
    ("Los Ardillos gunmen blocked the highway.", {"MX"}, "Los Ardillos", 3),
    ("Los Shottas members fired at a bus.", {"CO"}, "Los Shottas", 3),
    ("Members of the RPA-ABB shot a farm overseer.", {"PH"}, "RPA-ABB: Revolutionary Proletarian Army-Alex Boncayao Brigade", 2),
    ("Islamist militants burned a chapel.", {"MZ"}, "Islamist Militia ({country})", 3),
])
def test_late_additions_are_found_with_acled_names(text, countries, name, inter):
    assert (name, inter) in _found(text, countries)


def test_without_the_switch_the_late_additions_are_not_loaded(monkeypatch):
    get_dictionary.cache_clear()
    monkeypatch.setattr(actors, "LATE_ADDITIONS", 0)
    try:
        assert ("Raia Mutomboki Militia", 3) not in _found("Raia Mutomboki militiamen looted a health post.", {"CD"})
        assert ("Islamist Militia ({country})", 3) not in _found("Islamist militants burned a chapel.", {"MZ"})
    finally:
        monkeypatch.undo()
        get_dictionary.cache_clear()
    assert ("Raia Mutomboki Militia", 3) in _found("Raia Mutomboki militiamen looted a health post.", {"CD"})


def test_late_additions_file_is_valid_and_names_no_actor_twice():
    path = resources.files("sitrep") / "data" / "actors" / "late_additions.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    names = [e["name"] for e in data]
    assert len(names) == len(set(names))
    others = {e.name for e in actors.load_entries() if not e.key.startswith("late_additions:")}
    for e in data:
        assert e["note"].strip() and e["aliases"] and e["home"] in e["countries"]
        # an entry sharing an older entry's name adds units to a state's forces, nothing else
        assert e["name"] not in others or e["kind"] == "state" and " Forces of " in e["name"]
    # the groups moved here are no longer folded into the Mai-Mai or Guerreros Unidos
    old = {e.name: e for e in actors.load_entries()}
    assert not {"raia mutomboki", "nyatura", "ndc-r", "apcls"} & set(old["Mai-Mai Militia"].aliases)
    assert not {"los ardillos", "los tlacos"} & set(old["Guerreros Unidos"].aliases)


# -- a weekday or a month is no clan's name -----------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("On Monday clan militiamen attacked a checkpoint.", "Unidentified Clan Militia ({country})"),
    # clans the dictionary has no entry of (session 40 added Abgaal and Hawiye as entries)
    ("On Monday Warfa clan militia attacked a checkpoint.", "Warfa Clan Militia ({country})"),
    ("In March Warfa clan fighters took the wells.", "Warfa Clan Militia ({country})"),
])
def test_a_calendar_word_before_a_clan_militia_is_not_part_of_its_name(text, name):
    assert name in [n for n, _ in _found(text, {"SO"})]


def test_without_the_switch_the_weekday_became_a_clan(monkeypatch):
    monkeypatch.setattr(actors, "CALENDAR_NOT_PEOPLE", 0)
    assert "Monday Warfa Clan Militia ({country})" in [
        n for n, _ in _found("On Monday Warfa clan militia attacked a checkpoint.", {"SO"})]


# -- peoples of the report countries (peoples.yml names_late) ------------------------------------

@pytest.mark.parametrize("text, countries, names", [
    ("The Twa attacked a Luba hamlet near the lake.", {"CD"}, ["Twa Ethnic Militia ({country})"]),
    ("Clashes between the Gumuz and the Agew left five dead.", {"ET"},
     ["Gumuz Ethnic Militia (Ethiopia)", "Agew Ethnic Militia ({country})"]),
    ("Tuareg gunmen stole forty camels.", {"ML"}, ["Tuareg Ethnic Militia ({country})"]),
])
def test_late_peoples_told_acting_name_their_militias(text, countries, names):
    found = [n for n, _ in _found(text, countries)]
    assert all(n in found for n in names), found


def test_a_late_people_named_as_the_target_is_no_militia():
    assert "Luba Ethnic Militia ({country})" not in [n for n, _ in _found("The Twa attacked a Luba hamlet.", {"CD"})]


def test_without_the_switch_the_late_peoples_are_not_read(monkeypatch):
    for f in (actors._peoples, actors._bare_people_patterns, get_dictionary):
        f.cache_clear()
    monkeypatch.setattr(actors, "LATE_ADDITIONS", 0)
    try:
        assert "Twa Ethnic Militia ({country})" not in [n for n, _ in _found("The Twa attacked a hamlet.", {"CD"})]
    finally:
        monkeypatch.undo()
        for f in (actors._peoples, actors._bare_people_patterns, get_dictionary):
            f.cache_clear()


# -- suspects told fighting the police are armed (roles_words.yml armed_suspect_*) ------------------

@pytest.mark.parametrize("text", [
    "Two drug suspects died in a shootout with police officers in Tondo.",
    "A police officer was wounded in a firefight with suspected drug pushers in Pasig.",
    "A drug personality was killed after he fired at the operatives during a buy-bust.",
])
def test_drug_suspects_told_fighting_the_police_are_armed_drug_suspects(text):
    assert "Armed Drug Suspects (Philippines)" in [n for n, _ in _found(text, {"PH"})]


@pytest.mark.parametrize("text, countries", [
    ("A drug suspect was shot dead by unidentified gunmen in Tondo.", {"PH"}),  # a victim, no fight
    ("Two drug suspects died in a shootout with police officers.", {"MX"}),  # another country
])
def test_a_drug_suspect_who_did_not_fight_or_outside_the_entrys_country_is_not_armed(text, countries):
    assert "Armed Drug Suspects (Philippines)" not in [n for n, _ in _found(text, countries)]


def test_without_the_switch_fighting_drug_suspects_are_not_read(monkeypatch):
    monkeypatch.setattr(actors, "ARMED_SUSPECTS", 0)
    assert "Armed Drug Suspects (Philippines)" not in [
        n for n, _ in _found("Two drug suspects died in a shootout with police officers in Tondo.", {"PH"})]


def test_a_shootout_with_drug_suspects_is_a_clash_with_the_armed_suspects():
    [ev] = _events("On 12 March 2019, two drug suspects were killed in a shootout with police officers in "
                   "Barangay Bagong Silang, Caloocan City.", dt.date(2019, 3, 15))
    assert ev.sub_event_type == "Armed clash"
    assert {ev.actor1, ev.actor2} == {"Armed Drug Suspects (Philippines)", "Police Forces of the Philippines"}
