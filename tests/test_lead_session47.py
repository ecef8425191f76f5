"""Session 47 (lead): behaviour-preserving speed work, each behind its switch."""
from __future__ import annotations

from sitrep.extract import actors as actors_module
from sitrep.extract.actors import get_dictionary

SENTENCE = "Gunmen from al-Shabaab attacked a police post near the market, and the army repelled them."


def _counting(monkeypatch):
    calls = []
    real = actors_module.ActorDictionary._text_spans_now

    def counted(self, text, low):
        calls.append(text)
        return real(self, text, low)

    monkeypatch.setattr(actors_module.ActorDictionary, "_text_spans_now", counted)
    return calls


def test_spans_of_a_text_read_again_are_kept(monkeypatch):
    calls = _counting(monkeypatch)
    d = get_dictionary()
    first = d.find(SENTENCE, {"SO"})
    second = d.find(SENTENCE, {"SO"}, {"x"})
    assert [m.name for m in first] == [m.name for m in second]
    assert [m.name for m in first][0] == "Al Shabaab"
    assert calls.count(SENTENCE) == 1


def test_spans_memo_switch_off_reads_again(monkeypatch):
    monkeypatch.setattr(actors_module, "SPANS_MEMO", False)
    calls = _counting(monkeypatch)
    d = get_dictionary()
    d.find(SENTENCE, {"SO"})
    d.find(SENTENCE, {"SO"})
    assert calls.count(SENTENCE) == 2


def test_spans_memo_follows_the_possessive_switch(monkeypatch):
    d = get_dictionary()
    text = "The KIA's 3rd Brigade clashed with the Tatmadaw near the town."
    with_possessives = [m.name for m in d.find(text, {"MM"})]
    monkeypatch.setattr(actors_module, "POSSESSIVES", False)
    without = [m.name for m in d.find(text, {"MM"})]
    assert with_possessives != without  # the memo does not answer with the spans of the other setting
    monkeypatch.setattr(actors_module, "SPANS_MEMO", False)
    assert without == [m.name for m in d.find(text, {"MM"})]
    monkeypatch.setattr(actors_module, "POSSESSIVES", True)
    assert with_possessives == [m.name for m in d.find(text, {"MM"})]


def test_spans_memo_is_bounded():
    d = get_dictionary()
    for i in range(actors_module._SPANS_MEMO_SIZE + 10):
        d.find(f"Soldiers patrolled village number {i} today.", {"SO"})
    assert len(d._spans_memo) <= actors_module._SPANS_MEMO_SIZE


# -- dates: a span of days, and dates after publication -------------------------------------------
import datetime as dt  # noqa: E402

import pytest  # noqa: E402

from event_reading import events_of, top_event  # noqa: E402
from sitrep.extract import dates  # noqa: E402
from sitrep.extract import events as events_module  # noqa: E402
from sitrep.extract.dates import after_publication, find_dates  # noqa: E402

PUBLISHED = dt.date(2018, 6, 14)


@pytest.mark.parametrize("text, day", [
    ("From 3 to 7 June 2018, about 300 teachers protested in front of the education office in Mandalay.", 3),
    ("Between 3-7 June 2018, about 300 teachers protested in front of the education office in Mandalay.", 3),
    ("From June 3 through 7, 2018, about 300 teachers protested in front of the education office in Mandalay.", 3),
    ("between the 4th and 6th of June, dock workers held a sit-in outside the port authority in Yangon.", 4),
])
def test_a_span_of_days_is_its_first_day(text, day):
    got = find_dates(text, PUBLISHED)
    assert [d.date for d in got] == [dt.date(2018, 6, day)]
    ev = top_event(events_of(text, PUBLISHED))
    assert ev.event_date == dt.date(2018, 6, day)


def test_a_span_of_days_switch_off_keeps_the_last_day(monkeypatch):
    monkeypatch.setattr(dates, "RANGE_FIRST_DAY", False)
    got = find_dates("From 3 to 7 June 2018, teachers protested in Mandalay.", PUBLISHED)
    assert [d.date for d in got] == [dt.date(2018, 6, 7)]


def test_bare_span_and_pairs_keep_their_day():
    # "3-7 June" without "from"/"between" is left as it was (the coders split evenly)
    assert [d.date for d in find_dates("On 3-7 June 2018, teachers protested.", PUBLISHED)] == [dt.date(2018, 6, 7)]
    # "between the night of X and the night of Y": of two uncertain days, the later (session 25's rule)
    got = find_dates("between the night of May 30 and the night of May 31, 2018, gunmen attacked a post", PUBLISHED)
    assert max(d.date for d in got) == dt.date(2018, 5, 31)


TEXT_PLAN = ("12 March. Protesters blocked the main road in Parakou to demand fair elections in June 2019. "
             "Officers broke up the crowd using tear gas.")


def test_a_date_after_publication_is_no_event_date(monkeypatch):
    ev = top_event(events_of(TEXT_PLAN, dt.date(2019, 3, 19)))
    assert ev.event_date == dt.date(2019, 3, 12)
    monkeypatch.setattr(dates, "FUTURE_NOT_EVENT", False)
    ev = top_event(events_of(TEXT_PLAN, dt.date(2019, 3, 19)))
    assert ev.event_date == dt.date(2019, 6, 15)


def test_after_publication_by_precision():
    june = find_dates("in June 2019", None)[0]
    assert after_publication(june, dt.date(2019, 5, 30))
    assert not after_publication(june, dt.date(2019, 6, 2))  # the month has begun
    day = find_dates("on 20 June 2019", None)[0]
    assert after_publication(day, dt.date(2019, 6, 18))
    assert not after_publication(day, dt.date(2019, 6, 19))  # a day's grace
    assert not after_publication(day, None)


# -- counts: a name's age is no count of the dead -------------------------------------------------
from sitrep.extract import counts  # noqa: E402
from sitrep.extract.counts import extract_counts  # noqa: E402


@pytest.mark.parametrize("text, dead", [
    ("Peter Lang, 24, from Bristol, died on 25 November when a mine exploded near Raqqa.", 1),
    ("Hassan Omar, 31, and Yusuf Adan, 45, were shot dead by gunmen in Mogadishu on Sunday.", 2),
    ("Suresh Patil (32) was killed in police firing in Nagpur on Sunday.", 1),
])
def test_a_names_age_counts_no_one(text, dead, monkeypatch):
    assert extract_counts(text).killed == 0
    ev = top_event(events_of(text, dt.date(2017, 12, 5)))
    assert ev.fatalities == dead
    monkeypatch.setattr(counts, "NAME_AGE", False)
    assert extract_counts(text).killed > dead  # the age was counted as dead
    ev = top_event(events_of(text, dt.date(2017, 12, 5)))
    assert ev.fatalities != dead


@pytest.mark.parametrize("text, dead", [
    ("In Kismayo, 12 people were killed on Sunday.", 12),
    ("On Sunday, 5, including a child, were killed in the market.", 5),
    ("Fighting in Marib, Yemen, killed 12, officials said.", 12),
])
def test_figures_after_places_and_days_still_count(text, dead):
    assert extract_counts(text).killed == dead


# -- events told days apart are two events -------------------------------------------------------
CHRONICLE = ("A family of seven was killed when airstrikes hit a house in Raqqa on 4 July. "
             "Two more people died on 1 August.")


def test_dead_told_weeks_later_are_not_the_first_events(monkeypatch):
    evs = events_of(CHRONICLE, dt.date(2017, 8, 10))
    first = [e for e in evs if e.event_date == dt.date(2017, 7, 4)]
    assert first and first[0].fatalities == 7
    monkeypatch.setattr(events_module, "DAYS_APART", False)
    evs = events_of(CHRONICLE, dt.date(2017, 8, 10))
    assert [e.fatalities for e in evs if e.event_date == dt.date(2017, 7, 4)] == [9]


def test_days_apart_needs_both_days_told():
    from sitrep.extract.events import _days_apart

    class D:
        def __init__(self, date):
            self.date, self.toll_update = date, False
    july = find_dates("on 4 July 2017", None)[0]
    august = find_dates("on 1 August 2017", None)[0]
    next_day = find_dates("on 5 July 2017", None)[0]
    assert _days_apart(D(july), D(august))
    assert not _days_apart(D(july), D(next_day))
    assert not _days_apart(D(july), D(None))


# -- the wounded who died later add to the toll ---------------------------------------------------
@pytest.mark.parametrize("text, dead", [
    ("A family of seven was killed when airstrikes hit a house in Raqqa on 4 July. "
     "One of the wounded later died in hospital.", 8),
    ("Gunmen killed two soldiers at a checkpoint in Baidoa on Sunday and wounded four others. "
     "One of the wounded died later in hospital.", 3),
])
def test_the_wounded_who_died_add_to_the_toll(text, dead, monkeypatch):
    assert top_event(events_of(text, dt.date(2017, 8, 10))).fatalities == dead
    monkeypatch.setattr(events_module, "WOUNDED_DIED_ADDS", False)
    assert top_event(events_of(text, dt.date(2017, 8, 10))).fatalities == 1  # the lowest of two reports
