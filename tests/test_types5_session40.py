"""Session 40 (types5): sub-event typing of short notes. An ACLED note's coder label ("Movement of
forces: ...") types its event; a development read as "Other" beside a violent event of a short report
is part of it; a crewed aircraft shot down is a shelling/artillery/missile attack, a drone brought
down an interception. Sentences written for these tests, about invented incidents."""

import datetime as dt

from event_reading import events_of

PUB = dt.date(2023, 5, 3)


def _subs(text, monkeypatch, **switches):
    return [e.sub_event_type for e in events_of(text, PUB, monkeypatch, **switches)]


def test_a_movement_of_forces_label_types_the_note(monkeypatch):
    text = ("Movement of forces: On 2 May 2023, in Goma, Nord-Kivu, some 200 Burundian police officers "
            "reached the city as part of the regional force.")
    assert _subs(text, monkeypatch, NOTE_TAGS=1)[0] == "Change to group/activity"
    assert _subs(text, monkeypatch, NOTE_TAGS=0)[0] != "Change to group/activity"


def test_a_security_measures_label_types_the_note(monkeypatch):
    text = ("Security measures: Around 2 May 2023 (as reported), in Beledweyne, Hiraan, the district "
            "authorities prohibited motorcycles and public meetings for security reasons.")
    assert _subs(text, monkeypatch, NOTE_TAGS=1)[0] == "Change to group/activity"
    assert _subs(text, monkeypatch, NOTE_TAGS=0)[0] != "Change to group/activity"


def test_non_violent_and_displacement_labels_are_other(monkeypatch):
    barricade = ("Non-violent activity: On 2 May 2023, in Mirebalais, Centre, members of the Kokorat gang "
                 "burned tyres and blocked the road at the entrance of the town.")
    fled = ("Displacement: Around 2 May 2023 (month of), in Djibo, Soum, because of raids by armed groups "
            "the residents of four villages left their homes.")
    for text in (barricade, fled):
        assert _subs(text, monkeypatch, NOTE_TAGS=1)[0] == "Other"
        assert _subs(text, monkeypatch, NOTE_TAGS=0)[0] != "Other"


def test_a_label_only_at_the_start_of_the_text(monkeypatch):
    # the words of a label inside a sentence are no label
    text = ("On 2 May 2023, in Goma, Nord-Kivu, the governor said movement of forces: was not a matter for "
            "the press, as some 200 Burundian police officers reached the city.")
    assert _subs(text, monkeypatch, NOTE_TAGS=1) == _subs(text, monkeypatch, NOTE_TAGS=0)


def test_flight_beside_a_gang_fight_is_no_other_event(monkeypatch):
    text = ("On 2 May 2023, in Martissant, Ouest, members of the Grand Ravine gang clashed with the Ti Bwa "
            "gang for control of the market. An unknown number of families fled their houses.")
    assert "Other" not in _subs(text, monkeypatch, OTHER_BESIDE_VIOLENCE=1)
    assert "Other" in _subs(text, monkeypatch, OTHER_BESIDE_VIOLENCE=0)
    # no violence told: the shots heard and the flight stay "Other"
    shots = "On 2 May 2023, gunshots were heard in the Solino area of Port-au-Prince. Residents fled their homes."
    assert _subs(shots, monkeypatch, OTHER_BESIDE_VIOLENCE=1) == ["Other"]


def test_a_crewed_aircraft_shot_down_is_shelling(monkeypatch):
    text = ("On 2 May 2023, Ukrainian air defence forces shot down a Russian Su-34 bomber over the Kherson "
            "region. The crew's fate is unknown.")
    assert _subs(text, monkeypatch, AIRCRAFT_DOWNED=1)[0] == "Shelling/artillery/missile attack"
    assert _subs(text, monkeypatch, AIRCRAFT_DOWNED=0)[0] == "Disrupted weapons use"
    drone = "On 2 May 2023, Ukrainian air defence shot down two Russian drones over Odesa."
    assert _subs(drone, monkeypatch, AIRCRAFT_DOWNED=1)[0] == "Disrupted weapons use"


def test_a_labelled_note_tells_an_event_the_decider_doubts(monkeypatch):
    text = ("Security Measures: Police surrounded the home of a former interior minister in Cotonou to keep "
            "him away from the opposition rally.")
    assert _subs(text, monkeypatch, NOTE_TAGS=1, NOTE_TAG_EVENTS=1) == ["Change to group/activity"]
    assert _subs(text, monkeypatch, NOTE_TAGS=1, NOTE_TAG_EVENTS=0) == []
