"""The Taliban's forces are the state from 15 August 2021 on: ACLED names them "Military Forces
of Afghanistan (2021-)", inter 1 (the lineages of data/actors/asia.yaml), and the rebel group
"Taliban", inter 2, before."""

import datetime as dt

from event_reading import events_of

AFTER = "On 3 September 2024, Taliban forces clashed with resistance fighters in Panjshir province, killing three."
BEFORE = "On 3 September 2019, Taliban fighters clashed with army troops in Panjshir province, killing three."


def test_after_the_takeover_the_taliban_are_the_states_forces():
    ev = events_of(AFTER, dt.date(2024, 9, 10))[0]
    assert (ev.actor1, ev.inter1) == ("Military Forces of Afghanistan (2021-)", 1)


def test_before_the_takeover_they_are_the_rebel_group():
    ev = events_of(BEFORE, dt.date(2019, 9, 10))[0]
    assert (ev.actor1, ev.inter1) == ("Taliban", 2)


def test_afghan_forces_and_taliban_police_after_the_takeover_are_the_new_states():
    ev = events_of("On 3 September 2024, Pakistani troops clashed with Afghan forces near Chaman, killing two.",
                   dt.date(2024, 9, 10))[0]
    assert ev.actor2 == "Military Forces of Afghanistan (2021-)"
    ev = events_of("On 3 September 2024, Taliban police detained four women in Herat city.", dt.date(2024, 9, 10))[0]
    assert (ev.actor1, ev.inter1) == ("Police Forces of Afghanistan (2021-)", 1)


def test_afghan_forces_before_the_takeover_are_the_republics():
    ev = events_of("On 3 September 2019, Afghan forces clashed with Taliban fighters in Ghazni city, killing four.",
                   dt.date(2019, 9, 10))[0]
    assert {ev.actor1, ev.actor2} == {"Military Forces of Afghanistan", "Taliban"}
