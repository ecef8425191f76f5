"""Session 44 (types9): event and sub-event types. Sentences written for these tests, about invented
incidents."""

import datetime as dt

import yaml

from event_reading import events_of
from event_reading import top_event as _top
from sitrep.extract import events

PUB = dt.date(2024, 6, 12)


def test_type_words_session44_file_is_valid():
    from importlib import resources

    data = yaml.safe_load((resources.files("sitrep") / "data" / "type_words_session44.yaml").read_text("utf-8"))
    assert set(data) == {"homes_burned", "homes_burned_not", "protest_told"}
    for name, entry in data.items():
        assert entry["doc"] and entry["patterns"], name
        assert events.type_words(name).search("x") is None


def test_homes_burned_words():
    told = events.type_words("homes_burned")
    assert told.search("the attackers set fire to villagers' houses on the hill")
    assert told.search("several huts were burned down overnight")
    assert told.search("gunmen torched the homes of two teachers")
    assert not told.search("rioters set fire to a police van")
    assert not told.search("the market hall was burned")


def test_gang_burning_homes_is_an_attack(monkeypatch):
    text = ("On 5 June 2024, in Solino (Port-au-Prince, Ouest), men of the Village de Dieu Gang set fire "
            "to several houses of residents in the neighbourhood. Casualties unknown.")
    on = events_of(text, PUB, monkeypatch, HOMES_BURNED_ATTACK=True)
    off = events_of(text, PUB, monkeypatch, HOMES_BURNED_ATTACK=False)
    assert _top(on).sub_event_type == "Attack"
    assert _top(on).event_type == "Violence against civilians"
    assert _top(off).sub_event_type == "Looting/property destruction"


def test_soldiers_burning_homes_stay_property_destruction(monkeypatch):
    text = "On 3 June 2024, in Sagaing region, military forces torched dozens of houses in Kyun village."
    on = events_of(text, PUB, monkeypatch, HOMES_BURNED_ATTACK=True)
    assert _top(on).sub_event_type == "Looting/property destruction"


def test_protest_told_words():
    told = events.type_words("protest_told")
    assert told.search("traders marched to the town hall")
    assert told.search("youths blocked the main road with logs")
    assert not told.search("On 2 March 2024, youths stoned a bus")


def test_riot_with_no_demonstration_is_mob_violence(monkeypatch):
    text = ("On 3 June 2024, students of a boarding school in Ruvena pelted the headmaster's house with "
            "stones after the exam results came out.")
    on = events_of(text, PUB, monkeypatch, RIOT_NEEDS_PROTEST=True)
    off = events_of(text, PUB, monkeypatch, RIOT_NEEDS_PROTEST=False)
    assert _top(on).sub_event_type == "Mob violence"
    assert _top(off).sub_event_type == "Violent demonstration"


def test_riot_of_a_march_stays_a_violent_demonstration(monkeypatch):
    text = ("On 3 June 2024, students of a boarding school in Ruvena marched to the district office and "
            "pelted it with stones.")
    on = events_of(text, PUB, monkeypatch, RIOT_NEEDS_PROTEST=True)
    assert _top(on).sub_event_type == "Violent demonstration"


def test_clash_with_one_side_is_an_attack(monkeypatch):
    text = ("On 8 June 2024, in Bel Air (Port-au-Prince, Ouest), gunmen (likely Viv Ansanm Gang "
            "members) shot at random while raiding the neighbourhood. Casualties unknown.")
    on = _top(events_of(text, PUB, monkeypatch, CLASH_NEEDS_SECOND_SIDE=True))
    off = _top(events_of(text, PUB, monkeypatch, CLASH_NEEDS_SECOND_SIDE=False))
    assert (on.sub_event_type, on.actor1, on.actor2) == ("Attack", "Viv Ansanm Gang", "Civilians (Haiti)")
    assert off.sub_event_type == "Armed clash" and not off.actor2


def test_clash_with_two_sides_stays(monkeypatch):
    text = ("On 11 June 2024, in Delmas 30 (Delmas, Ouest), the police fought men of the Viv "
            "Ansanm Gang. Two gang members were killed.")
    on = _top(events_of(text, PUB, monkeypatch, CLASH_NEEDS_SECOND_SIDE=True))
    assert on.sub_event_type == "Armed clash"


def test_empty_homes_burned_stay_property_destruction(monkeypatch):
    text = ("On 5 June 2024, in Solino (Port-au-Prince, Ouest), men of the Village de Dieu Gang set fire "
            "to several empty houses in the neighbourhood.")
    on = events_of(text, PUB, monkeypatch, HOMES_BURNED_ATTACK=True)
    assert _top(on).sub_event_type == "Looting/property destruction"
