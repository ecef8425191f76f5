"""How a long article's sentences make events: a report of the day, a page's trailer of links.
Texts written for these tests."""

import datetime as dt

from sitrep.extract import events as E
from sitrep.model import Article

PUB = dt.date(2019, 7, 9)  # a Tuesday


class _Table:
    """A decider whose probabilities are given per text; any other text is 'none'."""

    def __init__(self, table):
        self.table = table

    def probabilities(self, texts):
        return [self.table.get(t, {"none": 1.0}) for t in texts]

    decide = probabilities


_AROUND = [  # sentences of a news report that tell no act
    "The workers' union had called the strike over unpaid wages at the cement plant.",
    "Shops in the old town stayed shut for most of the afternoon.",
    "Buses from the coast were turned back at the edge of the district.",
    "The district magistrate met leaders of the union in the evening.",
    "Schools will stay closed on Wednesday, the education office said.",
    "The union's leaders said talks with the plant's owners would go on.",
    "Traders in the market said they had lost a day's takings.",
    "A spokesman for the owners did not answer calls.",
    "The plant employs about 2,000 people from the surrounding villages.",
    "Its owners blame falling prices for the delays in paying wages.",
    "Officials expect the roads to reopen by the weekend.",
]


def _covers(text, sentence, tuning=None, lede_day=True):
    old = E.LEDE_DAY_REACH
    E.LEDE_DAY_REACH = lede_day  # off by default (no change on the tune sets): tested switched on
    try:
        events = E.extract([Article(id="t", text=text, published=PUB)], tuning=tuning)[0]
    finally:
        E.LEDE_DAY_REACH = old
    at = text.index(sentence)
    return [ev for ev in events if any(e.start <= at < e.end for e in ev.evidence)]


def test_a_report_of_the_day_tells_that_day_s_acts_deep_in_the_article():
    lede = "On Monday, police arrested 30 union members who blocked the highway near Velmora."
    deep = "About 40 more union members were detained at the bus station in Velmora."
    text = "\n\n".join([lede] + _AROUND[:8] + [deep] + _AROUND[8:])
    [ev] = _covers(text, deep)
    assert ev.event_date == dt.date(2019, 7, 8)
    assert _covers(text, deep, lede_day=False) == []


def test_a_lede_with_a_day_but_no_act_does_not_date_acts_deep_in_the_article():
    lede = "On Monday, the governor of Velmora opened a new school for the children of the plant's workers."
    deep = "About 40 union members were detained at the bus station in Velmora."
    text = "\n\n".join([lede] + _AROUND[:8] + [deep] + _AROUND[8:])
    assert _covers(text, deep) == []


def test_a_lede_s_day_does_not_make_a_deep_present_or_planned_act_news():
    lede = "On Monday, police arrested 30 union members who blocked the highway near Velmora."
    deep = "Police will detain any union member who blocks the highway, the superintendent said."
    text = "\n\n".join([lede] + _AROUND[:8] + [deep] + _AROUND[8:])
    assert _covers(text, deep) == []


def test_a_scraped_page_s_trailer_of_links_tells_no_event():
    report = ("Police arrested ten men who blocked the highway near Velmora on Monday. "
              "They were taken to the district jail. The superintendent said the road was open again. "
              "Traders said business had resumed by the evening. ")
    trailer = "Related stories: Gunmen kill 24 villagers in raid on Ostrava. Mayor opens the new bridge"
    events = E.extract([Article(id="t", text=report + trailer, published=PUB)])[0]
    at = (report + trailer).index("Gunmen kill")
    assert not any(e.start <= at < e.end for ev in events for e in ev.evidence)
    assert all(ev.fatalities == 0 for ev in events)
    old = E.TRAILERS
    E.TRAILERS = False
    try:
        events = E.extract([Article(id="t", text=report + trailer, published=PUB)])[0]
        assert any(ev.fatalities == 24 for ev in events)
    finally:
        E.TRAILERS = old
