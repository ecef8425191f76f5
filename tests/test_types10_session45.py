"""Session 45 (types10): riots in a text that tells a demonstration; more of a crowd's harm
(invented texts)."""

import datetime as dt

import pytest

from event_reading import events_of, top_event
from sitrep.extract import cues

DAY = dt.date(2012, 5, 9)


@pytest.fixture
def fresh_cues():
    cues.get_lexicon.cache_clear()
    yield
    cues.get_lexicon.cache_clear()


def _sub(text, monkeypatch, **switches):
    ev = top_event(events_of(text, DAY, monkeypatch, **switches))
    return ev.sub_event_type if ev else None


RIOT_OVER = "Youths riot in Mombasa over a fishing quarrel with Tanzania"
RIOT_OVER_2 = "Traders riot in Eldoret over new market levies"


def test_riot_over_grievance_is_violent_demonstration(monkeypatch):
    assert _sub(RIOT_OVER, monkeypatch) == "Violent demonstration"
    assert _sub(RIOT_OVER_2, monkeypatch) == "Violent demonstration"


def test_riot_over_grievance_switch_off(monkeypatch):
    assert _sub(RIOT_OVER, monkeypatch, RIOT_TOLD_PROTEST=False) == "Mob violence"


def test_riot_without_demonstration_stays_mob(monkeypatch):
    text = "A mob of villagers rioted in Bungoma and torched the house of a suspected thief."
    assert _sub(text, monkeypatch) == "Mob violence"


CROWD = ("On 3 May 2021, hundreds of villagers demonstrated outside a beach resort near Tuban, East Java, "
         "demanding that it be shut. The crowd burned several stalls and wrecked the gate.")


def test_crowd_burned_stalls_is_violent(monkeypatch, fresh_cues):
    assert top_event(events_of(CROWD, dt.date(2021, 5, 9))).sub_event_type == "Violent demonstration"


def test_crowd_burned_switch_off(monkeypatch, fresh_cues):
    monkeypatch.setattr(cues, "CROWD_BURNED", 0)
    cues.get_lexicon.cache_clear()
    assert top_event(events_of(CROWD, dt.date(2021, 5, 9))).sub_event_type == "Peaceful protest"


def test_crowd_burned_is_no_event_alone(monkeypatch, fresh_cues):
    # a modifier: with no demonstration told, the burned stalls make no riot
    text = "On 3 May 2021, unknown people burned several stalls at the market in Tuban, East Java."
    assert top_event(events_of(text, dt.date(2021, 5, 9))).sub_event_type != "Violent demonstration"


HEADLINE = "Nurses union protest plans to cut night allowances."


def test_headline_note_with_strong_cue_is_an_event(monkeypatch):
    assert _sub(HEADLINE, monkeypatch) == "Peaceful protest"


def test_headline_note_switch_off(monkeypatch):
    assert _sub(HEADLINE, monkeypatch, HEADLINE_CUE=0) is None


DEMONSTRATE = "Residents demonstrate in Kitale over rising cases of insecurity"


def test_present_demonstrate_is_a_protest(monkeypatch, fresh_cues):
    assert _sub(DEMONSTRATE, monkeypatch) == "Peaceful protest"


def test_present_demonstrate_switch_off(monkeypatch, fresh_cues):
    monkeypatch.setattr(cues, "DEMONSTRATE_WORDS", 0)
    cues.get_lexicon.cache_clear()
    assert _sub(DEMONSTRATE, monkeypatch) is None
