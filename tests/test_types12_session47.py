"""Session 47 (types12): rioters in a clash, offensives launched, fire exchanged, small-arms fire, stones thrown
(invented texts)."""

import datetime as dt
import re
from importlib import resources

import yaml

from event_reading import events_of, top_event
from sitrep.extract import events


def _top(text, monkeypatch, day, **switches):
    return top_event(events_of(text, day, monkeypatch, **switches))


RIOTERS = ("On 3 May 2021, rioters clashed with army troops near the market of Tulkarm. Two rioters were "
           "injured.")


def test_rioters_in_a_clash_make_a_riot(monkeypatch):
    ev = _top(RIOTERS, monkeypatch, dt.date(2021, 5, 4), RIOTERS_NOT_BATTLE=True)
    assert (ev.event_type, ev.sub_event_type) == ("Riots", "Mob violence")


def test_rioters_in_a_clash_switch_off(monkeypatch):
    ev = _top(RIOTERS, monkeypatch, dt.date(2021, 5, 4), RIOTERS_NOT_BATTLE=False)
    assert ev.event_type == "Battles"


OFFENSIVE = ("On 4 March 2022, the army launched an offensive operation against the rebel forces near the town "
             "of Bakhmut.")


def test_offensive_launched_is_a_clash(monkeypatch):
    assert _top(OFFENSIVE, monkeypatch, dt.date(2022, 3, 5), OFFENSIVE_CLASH=True).sub_event_type == "Armed clash"


def test_offensive_launched_switch_off(monkeypatch):
    assert _top(OFFENSIVE, monkeypatch, dt.date(2022, 3, 5), OFFENSIVE_CLASH=False).sub_event_type != "Armed clash"


BOTH_WAYS = ("On 3 February 2022, monitors recorded 40 projectiles of unknown weapons fired in both directions "
             "of the contact line near Kalynove.")


def test_fire_both_ways_is_a_clash(monkeypatch):
    ev = _top(BOTH_WAYS, monkeypatch, dt.date(2022, 2, 10), FIRE_BOTH_WAYS=True)
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")


def test_fire_both_ways_switch_off(monkeypatch):
    assert _top(BOTH_WAYS, monkeypatch, dt.date(2022, 2, 10), FIRE_BOTH_WAYS=False).sub_event_type != "Armed clash"


SMALL_ARMS = "On 3 February 2022, monitors heard 12 shots of small arms fire near Kalynove."


def test_small_arms_fire_is_a_clash(monkeypatch):
    assert _top(SMALL_ARMS, monkeypatch, dt.date(2022, 2, 10), SMALL_ARMS_FIGHT=True).sub_event_type == "Armed clash"


def test_small_arms_fire_switch_off(monkeypatch):
    assert _top(SMALL_ARMS, monkeypatch, dt.date(2022, 2, 10), SMALL_ARMS_FIGHT=False).sub_event_type != "Armed clash"


def test_small_arms_beside_heavier_weapons_not_read():
    told = "Troops fired mortars and small arms at the rebel camp."
    assert events.type_words("small_arms").search(told) and events.type_words("heavy_weapons").search(told)


def test_stones_words():
    assert events.type_words("stones_thrown").search("a crowd hurled stones at the bus")
    assert events.type_words("stones_thrown").search("they pelted the lorry with rocks")
    assert not events.type_words("other_weapons").search("a crowd hurled stones at the bus")
    assert events.type_words("other_weapons").search("they threw stones and a petrol bomb")


def test_session47_words_file():
    path = resources.files("sitrep") / "data" / "type_words_session47.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) >= {"offensive_launched", "fire_both_ways", "small_arms", "heavy_weapons", "stones_thrown",
                         "other_weapons", "post_overrun", "civilians_hit", "fight_words", "encounter_forces"}
    for name, entry in data.items():
        assert entry["patterns"], name
        for p in entry["patterns"]:
            assert isinstance(p, str), name
            re.compile(p)
    assert events.type_words("offensive_launched").search("the brigade repelled an attack on its positions")


OVERRUN = "On 14 April 2019, rebels of the TNLA overran two army posts in Namhsan township."


def test_post_overrun_is_a_clash(monkeypatch):
    assert _top(OVERRUN, monkeypatch, dt.date(2019, 4, 20), POST_OVERRUN=True).sub_event_type == "Armed clash"


def test_post_overrun_switch_off(monkeypatch):
    assert _top(OVERRUN, monkeypatch, dt.date(2019, 4, 20), POST_OVERRUN=False).sub_event_type == \
        "Non-state actor overtakes territory"


CIVILIANS = ("On 19 May 2019, gunmen of a Fulani militia attacked Dogon hunters in the village of Tondi and killed "
             "eleven civilians.")


def test_civilians_hit_is_an_attack(monkeypatch):
    ev = _top(CIVILIANS, monkeypatch, dt.date(2019, 5, 20), CIVILIANS_HIT=True)
    assert (ev.event_type, ev.sub_event_type, ev.inter2) == ("Violence against civilians", "Attack", 7)


def test_civilians_hit_switch_off(monkeypatch):
    assert _top(CIVILIANS, monkeypatch, dt.date(2019, 5, 20), CIVILIANS_HIT=False).sub_event_type == "Armed clash"


def test_civilians_hit_not_where_a_fight_is_told(monkeypatch):
    told = "Rebels and soldiers clashed near the camp; eleven civilians were killed in the crossfire."
    assert events.type_words("fight_words").search(told)
    # with the switch on, a clash whose sentences tell the fight stays a clash, whoever died in it
    fight = ("On 19 May 2019, Fulani militiamen and Dogon hunters clashed near the village of Tondi; eleven "
             "civilians were killed in the crossfire.")
    assert _top(fight, monkeypatch, dt.date(2019, 5, 20), CIVILIANS_HIT=True).sub_event_type == "Armed clash"


ENCOUNTER = ("On 3 June 2019, a man police suspected of selling drugs died in an encounter with police near "
             "the port of Jolo, Sulu.")


def test_encounter_with_police_is_a_clash(monkeypatch):
    ev = _top(ENCOUNTER, monkeypatch, dt.date(2019, 6, 5), ENCOUNTER_CLASH=True)
    assert (ev.event_type, ev.sub_event_type, ev.inter2) == ("Battles", "Armed clash", 3)


def test_encounter_with_police_switch_off(monkeypatch):
    assert _top(ENCOUNTER, monkeypatch, dt.date(2019, 6, 5), ENCOUNTER_CLASH=False).sub_event_type == "Attack"


HERDERS = "On 8 August 2020, Hausa and Fulani herders clashed over grazing land near Agogo, leaving two dead."


def test_fight_told_is_no_mob(monkeypatch):
    assert _top(HERDERS, monkeypatch, dt.date(2020, 8, 10), CLASH_TOLD_NOT_MOB=True).sub_event_type == "Armed clash"


def test_fight_told_is_no_mob_switch_off(monkeypatch):
    assert _top(HERDERS, monkeypatch, dt.date(2020, 8, 10), CLASH_TOLD_NOT_MOB=False).sub_event_type != "Armed clash"
