"""How the days a report gives join or part its sentences (events.SPOKEN_DAY_JOINS,
events.OPENING_WEEK, events.ABDUCTED_DEAD). Sentences written for these tests."""

import datetime as dt

from event_reading import events_of

PUB = dt.date(2022, 9, 15)  # a Thursday

ANNOUNCED = (
    "The provincial command announced, on Thursday, the killing of four militants and the capture of "
    "one other near a hideout in the hills of Kunar province.\n\n"
    "The command said its troops carried out the raid on the night of Tuesday in Chawkay district, "
    "acting on intelligence, and seized two rifles and a motorcycle."
)

LAST_WEEK = (
    "Gunmen killed four farmers and wounded three in a raid on a village near Ngala on Tuesday, "
    "local officials said.\n\n"
    "Last week, a trader was shot dead on the road outside the same village, residents said."
)

BODIES = (
    "The bodies of five drivers who were abducted by militants at a false checkpoint were found on "
    "Wednesday near the highway, police said."
)


def _events(text, monkeypatch=None, **switches):
    return events_of(text, PUB, monkeypatch, **switches)


def test_the_acts_own_day_replaces_the_day_its_source_spoke(monkeypatch):
    evs = _events(ANNOUNCED)
    assert len(evs) == 1
    assert evs[0].event_date == dt.date(2022, 9, 13) and evs[0].fatalities == 4
    # the district the second sentence names is finer than the province the first one gave
    assert evs[0].admin1 == "Kunar" and evs[0].location == "Tsowkey" and evs[0].geo_precision == 2
    off = _events(ANNOUNCED, monkeypatch, SPOKEN_DAY_JOINS=0)
    assert len(off) == 2


def test_a_sentence_opening_with_last_week_does_not_join_the_event(monkeypatch):
    evs = _events(LAST_WEEK)
    assert [(e.event_date, e.fatalities) for e in evs] == [(dt.date(2022, 9, 13), 4)]
    merged = _events(LAST_WEEK, monkeypatch, OPENING_WEEK="")
    assert [e.fatalities for e in merged] == [1]  # the lowest report of "the same" dead
    apart = _events(LAST_WEEK, monkeypatch, OPENING_WEEK="new")
    assert sorted(e.fatalities for e in apart) == [1, 4]


def test_an_abduction_whose_report_counts_dead_is_an_attack(monkeypatch):
    [ev] = _events(BODIES)
    assert ev.sub_event_type == "Attack" and ev.fatalities == 5
    [off] = _events(BODIES, monkeypatch, ABDUCTED_DEAD=0)
    assert off.sub_event_type == "Abduction/forced disappearance"


FATE = (
    "Gunmen shot dead six herders they had seized near the river, and their bodies were found on "
    "Wednesday morning, police said.\n\n"
    "Late on Tuesday, the group's media office issued a short statement saying the men had been "
    "executed because they refused to pay."
)


def test_the_fate_of_victims_told_before_joins_their_event(monkeypatch):
    evs = _events(FATE)
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Attack", 6)]
    apart = _events(FATE, monkeypatch, SAME_VICTIMS=0)
    assert len(apart) == 2
