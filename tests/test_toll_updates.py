"""A new figure for the dead of an event told before joins that event (events.TOLL_UPDATES),
even in a long article and where the figure's sentence names another town (the hospital) or
a speaker: it is no new event. Sentences written for this test."""

import datetime as dt

import pytest

from sitrep.extract import events as E
from sitrep.extract.lexicons import regex
from sitrep.model import Article

PUB = dt.date(2022, 5, 10)

ARTICLE = (
    "Gunmen ambushed a minibus carrying farm workers on the road outside Mubende on Sunday, "
    "killing four passengers, police said.\n\n"
    "Three other passengers were wounded in the attack, which happened in the early morning.\n\n"
    "The workers were on their way to a tea estate north of the town.\n\n"
    "A district official later put the death toll at five, saying one of the passengers shot by "
    "the gunmen had died in hospital in Mityana.\n\n"
    "Their families gathered outside the police station to wait for news.\n\n"
    "The road is the main route between the district and the capital.\n\n"
    "Traders say traffic on it has fallen since the start of the year.\n\n"
    "Farm work in the area depends on seasonal labour from nearby villages.\n\n"
    "Many workers travel before dawn to reach the estates on time.\n\n"
    "Local leaders have asked for more patrols on the route.\n\n"
    "The district's security committee is due to meet next week.\n\n"
    "Residents said the minibus had been stopped by men dressed in dark clothes.\n\n"
    "No group has said it carried out the ambush."
)


@pytest.mark.parametrize("text", [
    "A district official later put the death toll at five.",
    "The toll rose to 12 on Tuesday, hospital staff said.",
    "By evening the death toll had risen to 9.",
    "One of the injured passengers later died in hospital.",
    "A fourth soldier died of his wounds on Monday.",
])
def test_toll_update_phrases(text):
    assert regex("toll_update_phrases").search(text)


@pytest.mark.parametrize("text", [
    "Four passengers were killed in the ambush, police said.",
    "The toll in the clashes has risen to 540 so far.",  # a running tally, not one event's figure
    "The wounded were taken to hospital.",
])
def test_not_toll_update_phrases(text):
    assert not regex("toll_update_phrases").search(text)


def _events():
    return E.extract([Article(id="a", text=ARTICLE, published=PUB, title="Minibus ambushed near Mubende")])[0]


def test_a_new_figure_for_the_dead_joins_the_event_it_updates(monkeypatch):
    events = _events()
    violent = [e for e in events if e.event_type in ("Violence against civilians", "Battles")]
    assert len(violent) == 1, [(e.sub_event_type, e.location) for e in events]
    ev = violent[0]
    assert ev.location == "Mubende" and ev.fatalities in (4, 5)
    monkeypatch.setattr(E, "TOLL_UPDATES", 0)
    before = [e for e in _events() if e.event_type in ("Violence against civilians", "Battles")]
    assert len(before) == 2  # without the rule, the figure's sentence made an event at the hospital
