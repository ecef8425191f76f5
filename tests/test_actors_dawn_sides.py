"""Who is actor2 when the text names it in a way the roles did not read (the dawn session's
switches in extract/roles.py and extract/actors.py), on invented sentences:

- A2_BY_NAME: actor2 is the first other party that names another actor than actor1 by ACLED's
  name ("troopers of the Army's 5th Infantry Battalion" are one actor, not actor1 and actor2);
- COUNTER_DEMO: counter-demonstrators are the protest's actor2;
- SAME_BOTH_SIDES: a clash among one actor's own men has it on both sides;
- CIVILIAN_MOB: villagers or residents who beat or killed someone are rioters (mob violence);
- AROUND_POLICE: the police who intervened in a riot, told as an event of their own, are its actor2;
- MILITARY_TARGETS: "the Russian positions", "a Ukrainian warship" name that country's military;
- the generic army's "infantry battalion" aliases.
"""

import datetime as dt
import re
from importlib import resources

import pytest
import yaml

from sitrep.extract import actors as actors_module
from sitrep.extract import events as events_module
from sitrep.extract import roles as roles_module
from sitrep.extract.actors import get_dictionary
from sitrep.extract.events import extract
from sitrep.model import Article

_DAY = re.compile(r"On (\d+) (\w+) (\d{4})")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


def _events(text):
    day, month, year = _DAY.match(text).groups()
    told = dt.date(int(year), _MONTHS.index(month) + 1, int(day))
    return extract([Article(id="t", text=text, published=told + dt.timedelta(days=7))])[0]


def _top(text):
    evs = _events(text)
    assert evs, text
    return evs[0]


ENCOUNTER = ("On 4 March 2019, a New People's Army commander was shot dead during an encounter with troopers of "
             "the Army's 5th Infantry Battalion in Barangay San Roque, Tarlac City, Tarlac.")


def test_two_entries_of_one_actor_are_not_its_two_sides():
    ev = _top(ENCOUNTER)
    assert (ev.actor1, ev.actor2) == ("NPA: New People's Army", "Military Forces of the Philippines")


def test_without_the_name_switch_the_second_entry_hides_the_other_side(monkeypatch):
    monkeypatch.setattr(roles_module, "A2_BY_NAME", 0)
    monkeypatch.setattr(roles_module, "SECOND_SIDE_TOLD", False)  # it fills the empty side from the text too
    ev = _top(ENCOUNTER)
    assert not ev.actor2


COUNTER = ("On 6 March 2022, about 300 people marched in Hamburg against vaccine mandates. A "
           "counter-demonstration of about 80 people gathered near the town hall.")


def test_counter_demonstrators_are_the_protests_actor2():
    ev = _top(COUNTER)
    assert ev.event_type == "Protests"
    assert (ev.actor1, ev.actor2, ev.inter2) == ("Protesters (Germany)", "Protesters (Germany)", 6)


def test_without_the_counter_switch_a_peaceful_protest_has_no_actor2(monkeypatch):
    monkeypatch.setattr(roles_module, "COUNTER_DEMO", 0)
    assert not _top(COUNTER).actor2


SAME = ("On 2 June 2021, two groups of unidentified gunmen clashed near Kakuma town in Turkana county, "
        "leaving three people dead.")


def test_a_clash_among_one_actors_men_has_it_on_both_sides():
    ev = _top(SAME)
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1 == ev.actor2 == "Unidentified Armed Group (Kenya)"
    assert ev.inter1 == ev.inter2 == 3


def test_without_the_same_sides_switch_the_clash_has_one_side(monkeypatch):
    monkeypatch.setattr(roles_module, "SAME_BOTH_SIDES", 0)
    monkeypatch.setattr(roles_module, "CLASH_UNNAMED_BOTH", 0)  # session 40: the unidentified side on both too
    assert not _top(SAME).actor2


MOB = "On 9 April 2020, villagers near Parakou shot dead a man accused of witchcraft."


def test_villagers_who_killed_a_man_are_rioters():
    ev = _top(MOB)
    assert (ev.event_type, ev.sub_event_type) == ("Riots", "Mob violence")
    assert (ev.actor1, ev.inter1, ev.actor2, ev.inter2) == ("Rioters (Benin)", 5, "Civilians (Benin)", 7)


def test_without_the_mob_switch_an_unidentified_group_did_it(monkeypatch):
    monkeypatch.setattr(roles_module, "CIVILIAN_MOB", 0)
    ev = _top(MOB)
    assert ev.actor1 == "Unidentified Armed Group (Benin)"


def test_a_source_who_spoke_is_no_crowd_that_acted():
    d = get_dictionary()

    class _Draft:
        pass

    text = "Residents said a man was killed."
    draft = _Draft()
    draft.agents = [m for m in d.find(text, set()) if m.text == "Residents"]
    draft.sentences = []
    draft.sentence = type("S", (), {"text": text})()
    assert draft.agents and not roles_module._crowd_acting(draft)
    draft.sentence.text = text = "Residents beat a man."
    draft.agents = [m for m in d.find(text, set()) if m.text == "Residents"]
    assert roles_module._crowd_acting(draft)


RIOT = ("On 3 February 2018, students of Kisii University rioted over fees in Kisii town. The police came "
        "and fought the students, and two of them were killed in the clash.")


def test_the_police_who_intervened_are_the_riots_actor2():
    riot = next(e for e in _events(RIOT) if e.sub_event_type == "Violent demonstration")
    assert riot.actor1 == "Rioters (Kenya)"
    assert riot.actor2 == "Police Forces of Kenya"


def test_without_the_around_switch_the_riot_has_no_actor2(monkeypatch):
    monkeypatch.setattr(roles_module, "AROUND_POLICE", 0)
    monkeypatch.setattr(events_module, "FORCES_FIRE_ON_CROWD", 0)  # (session 36: the police sentence joins)
    riot = next(e for e in _events(RIOT) if e.sub_event_type == "Violent demonstration")
    assert not riot.actor2


@pytest.mark.parametrize("text,country", [
    ("Artillery hit the Russian positions near the river.", "Russia"),
    ("A missile struck a Ukrainian warship in the bay.", "Ukraine"),
    ("Drones hit the Russian 12th Tank Regiment overnight.", "Russia"),
    ("Shelling by the Ukrainian side hit the village.", "Ukraine"),
])
def test_a_countrys_military_asset_names_its_military(text, country):
    d = get_dictionary()
    names = [d.entry(m.key).display("Testland", "XX") for m in d.find(text, set())]
    assert f"Military Forces of {country}" in names


@pytest.mark.parametrize("text", [
    "Smoke rose on the Russian side of the border.",  # a side of a border
    "The pro-Russian positions were quiet.",  # a cause
])
def test_a_border_side_or_a_cause_names_no_military(text):
    d = get_dictionary()
    assert not [m for m in d.find(text, set()) if m.name.startswith("Military")]


TARGET = "On 5 April 2022, Ukrainian artillery struck the Russian positions outside Izium, Kharkiv."


def test_the_shelled_positions_are_actor2():
    ev = _top(TARGET)
    assert (ev.actor1, ev.actor2, ev.inter2) == ("Military Forces of Ukraine", "Military Forces of Russia", 8)


def test_without_the_targets_switch_no_one_was_hit(monkeypatch):
    monkeypatch.setattr(actors_module, "MILITARY_TARGETS", 0)
    assert not _top(TARGET).actor2


def test_a_surrender_to_an_infantry_battalion_is_to_the_army():
    ev = _top("On 2 May 2019, eleven NPA fighters surrendered to the 33rd Infantry Battalion in Kalamansig "
              "town, Sultan Kudarat.")
    assert (ev.sub_event_type, ev.actor2) == ("Agreement", "Military Forces of the Philippines")
    names = [m.name for m in get_dictionary().find("The 9th Infantry Division moved north.", set())]
    assert names == ["Military Forces of {country}"]


# -- the data file ----------------------------------------------------------------------------
def test_roles_words_file_is_valid():
    path = resources.files("sitrep") / "data" / "actors" / "roles_words.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"counter_demo", "same_both_sides", "military_targets", "blamed_after", "blamed_before",
                         "state_second_subs", "identity_violence",
                         "armed_suspect_nouns", "armed_suspect_fights", "armed_suspect_entry", "blockade_words",
                         "told_back", "affiliated_before"}
    from sitrep.model import SUB_EVENT_TYPES
    assert set(data["state_second_subs"]) <= set(SUB_EVENT_TYPES)
    for name in ("counter_demo", "same_both_sides", "blamed_after", "blamed_before", "told_back", "affiliated_before"):
        for pat in data[name]:
            re.compile(pat)
    nouns = data["military_targets"]
    assert len(set(nouns)) == len(nouns)
    assert all(isinstance(n, str) and n == n.lower() and n.strip() == n for n in nouns)


# -- who was held responsible (BLAMED) ---------------------------------------------------------
BLAST = ("On 8 May 2019, a roadside bomb exploded near Bataraza, Palawan, hitting a passing army truck and "
         "wounding two soldiers. An army spokesman said the bombing was blamed on the NPA.")


def test_the_actor_blamed_for_an_act_with_no_perpetrator_did_it():
    assert _top(BLAST).actor1 == "NPA: New People's Army"


def test_without_the_blame_switch_an_unidentified_group_did_it(monkeypatch):
    from sitrep.extract import events as events_module

    monkeypatch.setattr(roles_module, "BLAMED", 0)
    monkeypatch.setattr(events_module, "BLAME", 0)  # the article-wide fallback would name it too
    assert _top(BLAST).actor1 == "Unidentified Armed Group (Philippines)"


@pytest.mark.parametrize("text,name", [
    ("A blast hit the market. Al Shabaab is believed to be responsible.", "Al Shabaab"),
    ("A blast hit the market. The army blamed the attack on Al Shabaab.", "Al Shabaab"),
    ("A blast hit the market. No armed group has claimed responsibility.", None),
    ("A man was shot. The victim was thought to be an Al Shabaab sympathiser.", None),
    ("A patrol was ambushed. The attack was later claimed by Al Shabaab.", "Al Shabaab"),
    ("Two men were killed by gunmen (likely Al Shabaab) at a well.", "Al Shabaab"),
])
def test_who_the_words_hold_responsible(text, name):
    found = roles_module._blamed(text, get_dictionary(), "KE")
    assert (found.name if found else None) == name


BRACKETS = ("On 14 June 2018, three theft suspects were killed by plainclothesmen (assumed police) in Barangay "
            "Malinis, Lucena City, Quezon.")


def test_an_identification_in_brackets_names_the_perpetrator_not_the_target():
    ev = _top(BRACKETS)
    assert (ev.actor1, ev.actor2) == ("Police Forces of the Philippines", "Civilians (Philippines)")


def test_without_the_blame_switch_the_police_were_the_target(monkeypatch):
    monkeypatch.setattr(roles_module, "BLAMED", 0)
    ev = _top(BRACKETS)
    assert ev.actor2 == "Police Forces of the Philippines"


# -- the state's forces who beat people are no mob (STATE_NOT_MOB) ------------------------------
BEATING = "On 19 April 2021, soldiers beat several young men with sticks at a market in Mokolo, Extreme-Nord."


def test_forces_who_beat_people_attack_civilians():
    ev = _top(BEATING)
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")
    assert (ev.actor1, ev.actor2) == ("Military Forces of Cameroon", "Civilians (Cameroon)")


def test_without_the_state_switch_they_are_rioters(monkeypatch):
    monkeypatch.setattr(roles_module, "STATE_NOT_MOB", 0)
    ev = _top(BEATING)
    assert ev.sub_event_type == "Mob violence"



# -- the Philippines' order beyond clashes (STATE_SECOND_MORE) ------------------------------------
ARREST = ("On 3 October 2019, a commander of the New People's Army was arrested by soldiers at a farmhouse in "
          "Barangay Malinao, Gingoog City, Misamis Oriental.")


def test_the_armed_group_is_first_in_a_philippine_arrest():
    ev = _top(ARREST)
    assert ev.sub_event_type == "Arrests"
    assert (ev.actor1, ev.actor2) == ("NPA: New People's Army", "Military Forces of the Philippines")


def test_without_the_order_switch_the_arresting_force_is_first(monkeypatch):
    monkeypatch.setattr(roles_module, "STATE_SECOND_MORE", 0)
    assert _top(ARREST).actor1 == "Military Forces of the Philippines"


def test_a_crowd_that_only_saw_the_act_is_no_mob():
    d = get_dictionary()
    text = "Residents of the town saw the convoy hit on the main road."
    draft = type("D", (), {})()
    draft.agents = [m for m in d.find(text, set()) if m.text == "Residents"]
    draft.sentences = []
    draft.sentence = type("S", (), {"text": text})()
    assert draft.agents and not roles_module._crowd_acting(draft)
