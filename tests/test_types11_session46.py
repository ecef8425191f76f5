"""Session 46 (types11): the doers of a killing are no armed target, protests told peaceful, present-tense
killings, clashes told in so many words, demonstrations told aside (invented texts)."""

import datetime as dt
import re
from importlib import resources

import pytest
import yaml

from event_reading import events_of, top_event
from sitrep.extract import cues, events

DAY = dt.date(2019, 6, 10)


@pytest.fixture
def fresh_cues():
    cues.get_lexicon.cache_clear()
    yield
    cues.get_lexicon.cache_clear()


def _sub(text, monkeypatch, day=DAY, **switches):
    ev = top_event(events_of(text, day, monkeypatch, **switches))
    return ev.sub_event_type if ev else None


SUSPECTS = "On 4 June 2019, two robbery suspects were shot dead by police officers in Barangay San Roque, Tarlac City."


def _rule_subs(text, monkeypatch, **switches):
    """The sub-types the cue rules read in the text's sentences (what events.choose_type is given)."""
    seen = []
    real = events.choose_type

    def spy(scores, *args, **kwargs):
        seen.append(set(scores))
        return real(scores, *args, **kwargs)

    monkeypatch.setattr(events, "choose_type", spy)
    events_of(text, DAY, monkeypatch, **switches)
    return set().union(*seen) if seen else set()


def test_police_killing_suspects_reads_an_attack(monkeypatch):
    subs = _rule_subs(SUSPECTS, monkeypatch)
    assert "Attack" in subs and "Armed clash" not in subs


def test_police_killing_suspects_switch_off(monkeypatch):
    assert "Armed clash" in _rule_subs(SUSPECTS, monkeypatch, AGENT_NOT_TARGET=False)


def test_police_raid_names_the_doer(monkeypatch):
    text = "On 4 June 2019, one drug suspect was slain as a police raid swept Barangay Matatalaib, Tarlac City."
    subs = _rule_subs(text, monkeypatch)
    assert "Armed clash" not in subs
    assert "Armed clash" in _rule_subs(text, monkeypatch, AGENT_NOT_TARGET=False)


def test_soldiers_hit_still_a_clash(monkeypatch):
    text = "On 4 June 2019, three soldiers were killed by NPA rebels in an ambush near Baggao, Cagayan."
    assert "Armed clash" in _rule_subs(text, monkeypatch)
    assert _sub(text, monkeypatch) == "Armed clash"


PEACEFUL = ("On 3 March 2021, nurses of a district hospital staged a peaceful rally in Bulukumba, South Sulawesi, criticising "
            "the lack of protection for health workers covering riots in Makassar.")


def test_protest_told_peaceful(monkeypatch):
    assert _sub(PEACEFUL, monkeypatch, day=dt.date(2021, 3, 5)) == "Peaceful protest"


def test_protest_told_peaceful_switch_off(monkeypatch):
    assert _sub(PEACEFUL, monkeypatch, day=dt.date(2021, 3, 5), PEACEFUL_TOLD=False) != "Peaceful protest"
    assert _sub(PEACEFUL, monkeypatch, day=dt.date(2021, 3, 5), PEACEFUL_TOLD=False) == "Violent demonstration"


def test_peaceful_protest_that_turned_violent_stays_violent():
    assert events.type_words("turned_violent").search("the peaceful march later turned violent")


GUN_DOWN = "Police gun down four robbery suspects in Eastleigh"


def test_present_tense_killing_is_an_event(monkeypatch, fresh_cues):
    assert _sub(GUN_DOWN, monkeypatch) == "Attack"


def test_present_tense_killing_switch_off(monkeypatch, fresh_cues):
    monkeypatch.setattr(cues, "PRESENT_KILL", 0)
    cues.get_lexicon.cache_clear()
    assert _sub(GUN_DOWN, monkeypatch) != "Attack"


def test_to_kill_stays_a_purpose(fresh_cues):
    found = cues.get_lexicon().find("The gunmen came to kill the chief.")
    assert not any(c.cls == "violence" and c.text == "kill" for c in found)


CLASH = ("On 3 October 2019, gold miners and Dozo hunters clashed at a mining site near Kongan village "
         "(Boucle du Mouhoun), and one hunter was killed in the fighting.")


def test_clash_told_stands(monkeypatch):
    assert _sub(CLASH, monkeypatch) == "Armed clash"


def test_clash_told_switch_off(monkeypatch):
    assert _sub(CLASH, monkeypatch, CLASH_TOLD_STANDS=False) == "Attack"


ASIDE = ("On 6 August 2024, a crowd vandalised the offices of the ruling party in Feni town (Chittagong), amid "
         "the unrest that followed anti-government demonstrations in the capital.")


def test_demonstration_told_aside_is_mob_violence(monkeypatch):
    assert _sub(ASIDE, monkeypatch, day=dt.date(2024, 8, 8), PROTEST_ASIDE_MOB=True) == "Mob violence"


def test_demonstration_told_aside_switch_off(monkeypatch):
    assert _sub(ASIDE, monkeypatch, day=dt.date(2024, 8, 8), PROTEST_ASIDE_MOB=False) == "Violent demonstration"


def test_demonstration_in_main_clause_stays_violent(monkeypatch):
    text = ("On 6 August 2024, students demonstrated in Feni town (Chittagong) against the quota system and "
            "vandalised the offices of the ruling party.")
    assert _sub(text, monkeypatch, day=dt.date(2024, 8, 8), PROTEST_ASIDE_MOB=True) == "Violent demonstration"


def test_crowd_act_told_as_protest_stays_violent(monkeypatch):
    text = ("On 6 August 2024, rioters set fire to a warehouse owned by a foreign company in Feni town (Chittagong) "
            "in protest against the new levies.")
    assert events.type_words("protest_purpose").search(text)
    assert _sub(text, monkeypatch, day=dt.date(2024, 8, 8), PROTEST_ASIDE_MOB=True) != "Mob violence" or \
        _sub(text, monkeypatch, day=dt.date(2024, 8, 8), PROTEST_ASIDE_MOB=False) == "Mob violence"


def test_session46_words_file():
    path = resources.files("sitrep") / "data" / "type_words_session46.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) >= {"agent_act_nouns", "protest_peaceful", "turned_violent", "protest_purpose", "force_hint", "protest_before",
                         "no_fight_told", "ground_taken"}
    for name, entry in data.items():
        assert entry["patterns"], name
        for p in entry["patterns"]:
            re.compile(p)
    assert events.type_words("agent_act_nouns").fullmatch("raid")
    assert events.type_words("protest_peaceful").search("they demonstrated peacefully outside the hall")


BLOCKED = ("On 12 March 2019, protesters blocked the traffic on the Galle-Baddegama road near Galle town, Southern, "
           "to demand that the authorities repair a damaged bridge.")


def test_decider_alone_makes_no_violent_demonstration(monkeypatch):
    assert _sub(BLOCKED, monkeypatch, day=dt.date(2019, 3, 14), VIOLENT_NEEDS_CUE=True) == "Peaceful protest"


def test_decider_alone_switch_off(monkeypatch):
    assert _sub(BLOCKED, monkeypatch, day=dt.date(2019, 3, 14), VIOLENT_NEEDS_CUE=False) == "Violent demonstration"


def test_force_told_in_other_words_is_a_hint():
    assert events._riot_cue_in("The crowd stormed the council hall.")
    assert events._riot_cue_in("They blocked the main road with sandbags.")
    assert not events._riot_cue_in("They blocked the main road for two hours.")


RETOOK = ("On 3 April 2022, Ukrainian troops retook Yahidne, a village north of Chernihiv; there is no information "
          "about any fighting there.")


def test_ground_taken_with_no_fight_known(monkeypatch):
    assert _sub(RETOOK, monkeypatch, day=dt.date(2022, 4, 14)) == "Non-violent transfer of territory"


def test_ground_taken_with_no_fight_known_switch_off(monkeypatch):
    assert _sub(RETOOK, monkeypatch, day=dt.date(2022, 4, 14), NO_FIGHT_TOLD=False) == "Government regains territory"


def test_ground_taken_after_fighting_stays(monkeypatch):
    text = "On 3 April 2022, Ukrainian troops retook Yahidne, a village north of Chernihiv, after heavy fighting."
    assert _sub(text, monkeypatch, day=dt.date(2022, 4, 14)) != "Non-violent transfer of territory"
