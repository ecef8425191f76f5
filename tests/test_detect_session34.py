"""Session 34 (detect): tallies of the state's forces' acts (events.STATE_TALLY), the dead told by
a source or found by someone who did not kill them (events.DEAD_TELLERS), and arrests and protests
broken up that carry no dead (events.NO_DEAD). Sentences written for these tests, about invented
incidents."""

import datetime as dt

from event_reading import events_of

PUB = dt.date(2021, 6, 14)

FIRING_TALLY = (
    "Rangpur: The chief secretary told the assembly on Monday that the situation in the district was "
    "calm again. Shops opened in most markets and buses ran on the main roads. "
    "He said that 23 people had lost their lives in police firing since the unrest began, most of them in "
    "the old quarter. Opposition members left the chamber in anger.")


def test_a_tally_of_dead_in_police_firing_is_an_event_of_the_police(monkeypatch):
    evs = events_of(FIRING_TALLY, PUB, monkeypatch)
    fired = [e for e in evs if e.fatalities == 23]
    assert fired, [(e.sub_event_type, e.fatalities, e.actor1) for e in evs]
    ev = fired[0]
    assert 1 in (ev.inter1, ev.inter2)
    assert ev.time_precision != 1  # a period, not a day


def test_without_state_tally_the_firing_tally_makes_no_event(monkeypatch):
    evs = events_of(FIRING_TALLY, PUB, monkeypatch, STATE_TALLY=0)
    assert not any(e.fatalities == 23 for e in evs)


ARREST_TALLY = (
    "Tezpur: Curfew was lifted for four hours on Sunday in the riverside wards. Traders reopened "
    "their stalls under the eyes of armed constables. So far 212 people have been arrested across "
    "the district, an officer said. Schools will stay shut until the end of the week.")


def test_a_running_count_of_arrests_is_an_arrest_event(monkeypatch):
    evs = events_of(ARREST_TALLY, PUB, monkeypatch)
    assert any(e.sub_event_type == "Arrests" for e in evs), [(e.sub_event_type, e.notes) for e in evs]
    off = events_of(ARREST_TALLY, PUB, monkeypatch, STATE_TALLY=0)
    assert not any(e.sub_event_type == "Arrests" for e in off)


def test_a_tally_stands_apart_from_the_day_event(monkeypatch):
    text = ("Gunmen killed two shopkeepers in Sonpur market on Sunday, police said. "
            "Separately, the home minister said 41 people had died in police firing across the "
            "state so far.")
    evs = events_of(text, PUB, monkeypatch)
    assert any(e.fatalities == 2 for e in evs)
    assert any(e.fatalities == 41 for e in evs)


def test_old_police_firing_is_still_history(monkeypatch):
    text = ("The square is quiet now. In 1994, six students were killed in police firing at the "
            "same gate.")
    assert not any(e.fatalities == 6 for e in events_of(text, PUB, monkeypatch))


DEAD_TOLD = "Three farmers had been killed near Karwan on Saturday night, a police spokesman told reporters."


def test_the_source_of_a_toll_is_not_its_killer(monkeypatch):
    evs = events_of(DEAD_TOLD, PUB, monkeypatch)
    assert evs and all(e.inter1 != 1 for e in evs), [(e.actor1, e.actor2) for e in evs]
    off = events_of(DEAD_TOLD, PUB, monkeypatch, DEAD_TELLERS=0)
    assert any(e.inter1 == 1 for e in off)


def test_killed_in_police_firing_keeps_the_police_as_actor(monkeypatch):
    evs = events_of("Three men were killed in police firing in Karwan village on Sunday.", PUB, monkeypatch)
    assert evs and any(1 in (e.inter1, e.inter2) for e in evs)


def test_an_arrest_over_a_deadly_crime_has_no_dead(monkeypatch):
    text = ("Police on Sunday arrested a village headman in Durgapur in connection with an arson that "
            "killed four people.")
    evs = events_of(text, PUB, monkeypatch)
    arrests = [e for e in evs if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].fatalities == 0
    off = [e for e in events_of(text, PUB, monkeypatch, NO_DEAD=0) if e.sub_event_type == "Arrests"]
    assert off and off[0].fatalities == 4


def test_arrests_with_no_figure_make_no_tally(monkeypatch):
    text = ("Fighters come home quietly. Some of them have been arrested on arrival to date, but none "
            "has been tried.")
    assert not any(e.sub_event_type == "Arrests" for e in events_of(text, PUB, monkeypatch))


MARCHERS_HELD = ("Some forty villagers were arrested on Tuesday while marching peacefully to the district "
                 "office in Kothapur to demand water.")


def _protest_cues(text, monkeypatch, **switches):
    from sitrep.extract import events

    seen = []
    merge = events._merge

    def spy(drafts, *args):
        seen.extend(d.protest_cues for d in drafts)
        return merge(drafts, *args)

    monkeypatch.setattr(events, "_merge", spy)
    events_of(text, PUB, monkeypatch, **switches)
    return set().union(*seen) if seen else set()


def test_a_protest_whose_own_sentence_tells_arrests_is_broken_up(monkeypatch):
    # the sentence's own arrests show the intervention, whatever sub-type the decider reads
    assert "Protest with intervention" in _protest_cues(MARCHERS_HELD, monkeypatch)
    assert "Protest with intervention" not in _protest_cues(MARCHERS_HELD, monkeypatch, OWN_ARRESTS=0)
    # the noun or a slogan is no arrest made
    from sitrep.extract.cues import Cue
    from sitrep.extract.events import _arrest_done

    assert not _arrest_done(Cue("Arrests", 3.0, 0, 6, "arrest"))
    assert _arrest_done(Cue("Arrests", 3.0, 0, 8, "arrested"))


def test_an_arrest_warrant_is_no_arrest(monkeypatch):
    from sitrep.extract import classify

    text = "On Monday a magistrate in Belgaum issued arrest warrants against two opposition leaders."
    assert not any(e.sub_event_type == "Arrests" for e in events_of(text, PUB, monkeypatch))
    off = events_of(text, PUB, monkeypatch, module=classify, WARRANTS=0)
    assert any(e.sub_event_type == "Arrests" for e in off)


def test_arrests_counted_over_the_first_days_are_a_tally(monkeypatch):
    text = ("Calm returned to Salempur on Friday after a week of rioting. The mayor said shops would reopen. "
            "The police have so far rounded up 318 people in the district, an official said.")
    assert any(e.sub_event_type == "Arrests" for e in events_of(text, PUB, monkeypatch))
