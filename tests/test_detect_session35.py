"""Session 35 (detect): a tally of the state's forces' killings folded with the day events it totals
(events.TALLY_FOLD). Sentences written for these tests, about invented incidents."""

import datetime as dt

from event_reading import events_of

PUB = dt.date(2021, 6, 14)

DAY_THEN_TALLY = (
    "Kalyanpur: Police opened fire on a mob of rioters in Kalyanpur on Saturday, killing four men. "
    "Curfew remained in force in the old town on Sunday. The home minister said that {n} people had "
    "died in police firing in the district since the riots began.")


def test_a_tally_keeps_only_the_dead_not_told_day_by_day(monkeypatch):
    evs = events_of(DAY_THEN_TALLY.format(n=17), PUB, monkeypatch)
    assert sum(e.fatalities for e in evs) == 17, [(e.sub_event_type, e.fatalities) for e in evs]
    assert any(e.fatalities == 4 for e in evs)  # the day event keeps its own dead
    off = events_of(DAY_THEN_TALLY.format(n=17), PUB, monkeypatch, TALLY_FOLD=0)
    assert sum(e.fatalities for e in off) == 21  # counted twice


def test_a_tally_told_in_full_by_the_day_events_lends_them_its_sentence(monkeypatch):
    text = DAY_THEN_TALLY.format(n="four")
    evs = events_of(text, PUB, monkeypatch)
    assert [e.fatalities for e in evs if e.fatalities] == [4], [(e.sub_event_type, e.fatalities) for e in evs]
    told = {x.text for x in evs[0].evidence if x.field == "fatalities"} if len(evs) == 1 else \
        {x.text for e in evs if e.fatalities for x in e.evidence if x.field == "fatalities"}
    assert any("home minister" in t for t in told)  # the tally's sentence tells the same dead
    assert any("opened fire" in t for t in told)  # and the day event keeps its own
    off = events_of(text, PUB, monkeypatch, TALLY_FOLD=0)
    assert sum(e.fatalities for e in off) == 8


def test_a_tally_beside_killings_by_others_stays_whole(monkeypatch):
    text = ("Gunmen killed two traders in Ramgarh bazaar on Sunday, police said. Separately, the minister "
            "said 30 people had died in police firing across the state so far.")
    evs = events_of(text, PUB, monkeypatch)
    assert any(e.fatalities == 30 for e in evs)


# --- probe typing and count failures (counts.THEM_KILLED, counts.A_NUMBER_OF,
# events.EXPLOSIVE_THEN_FIRE, events.DRONE_WEAPON, events.FOLLOW_ON_JOINS)

from sitrep.extract import counts as counts_module  # noqa: E402
from sitrep.extract.counts import extract_counts  # noqa: E402

SEIZED_THEN_SHOT = ("Witnesses in Tamerza said that gendarmes came on Thursday, detained seven goatherds near the "
                    "well and shot them behind the school.")


def test_people_seized_then_killed_by_a_pronoun_are_the_dead(monkeypatch):
    assert extract_counts(SEIZED_THEN_SHOT).killed == 7
    assert extract_counts("Officers detained six suspects and questioned them at the station.").killed == 0
    monkeypatch.setattr(counts_module, "THEM_KILLED", 0)
    assert extract_counts(SEIZED_THEN_SHOT).killed == 0


def test_seized_then_killed_is_an_attack_with_its_dead(monkeypatch):
    evs = events_of(SEIZED_THEN_SHOT, PUB, monkeypatch)
    assert any(e.fatalities == 7 and e.event_type == "Violence against civilians" for e in evs), \
        [(e.sub_event_type, e.fatalities) for e in evs]


def test_an_unknown_number_is_no_figure(monkeypatch):
    text = "Four vigilantes and an undisclosed number of rebels died in the fighting."
    assert extract_counts(text).killed == 4
    assert extract_counts("Three guards and a driver died in the fighting.").killed == 4
    monkeypatch.setattr(counts_module, "A_NUMBER_OF", 0)
    monkeypatch.setattr(counts_module, "LISTED_THINGS", 0)  # since session 45 "number" is no person there too
    assert extract_counts(text).killed != 4


IED_THEN_GUNS = ("On 10 June 2021, insurgents attacked an army patrol near Kolofata with a landmine and then opened "
                 "fire on the troops, killing six soldiers.")


def test_an_explosive_followed_by_gunfire_is_no_remote_explosive_event(monkeypatch):
    evs = events_of(IED_THEN_GUNS, PUB, monkeypatch)
    assert evs and evs[0].sub_event_type != "Remote explosive/landmine/IED", [e.sub_event_type for e in evs]
    off = events_of(IED_THEN_GUNS, PUB, monkeypatch, EXPLOSIVE_THEN_FIRE=0)
    assert off and off[0].sub_event_type == "Remote explosive/landmine/IED"


DRONE_RAID = ("On 9 June 2021, Al-Shabaab fighters attacked a police post in Balcad using an explosive-laden "
              "drone, killing two policemen.")


def test_a_non_state_drone_attack_is_a_drone_strike(monkeypatch):
    evs = events_of(DRONE_RAID, PUB, monkeypatch)
    assert evs and evs[0].sub_event_type == "Air/drone strike", [e.sub_event_type for e in evs]
    off = events_of(DRONE_RAID, PUB, monkeypatch, DRONE_WEAPON=0)
    assert off and off[0].sub_event_type != "Air/drone strike"


FOLLOW_ON = "On 12 June 2021, gunmen attacked a bus station in Gashua, killing four traders. Survivors fled towards Damaturu town."


def test_a_follow_on_sentence_tells_more_of_the_event(monkeypatch):
    evs = events_of(FOLLOW_ON, PUB, monkeypatch)
    assert len(evs) == 1, [(e.sub_event_type, e.fatalities) for e in evs]
    # OTHER_BESIDE_VIOLENCE (session 40) would drop the flight told apart as "Other" beside the attack
    off = events_of(FOLLOW_ON, PUB, monkeypatch, FOLLOW_ON_JOINS=0, OTHER_BESIDE_VIOLENCE=0)
    assert len(off) == 2, [(e.sub_event_type, e.fatalities) for e in off]


# --- events.TALLY_BOTH

BOTH_TALLY = (
    "Sitapur: The district magistrate said on Monday that calm had returned to the bazaar. "
    "Schools will reopen on Wednesday. A minister said that 14 persons had lost their lives in police "
    "firing and that more than 600 had so far been detained across the district.")


def test_a_tally_of_dead_and_arrests_makes_both_events(monkeypatch):
    evs = events_of(BOTH_TALLY, PUB, monkeypatch)
    subs = [(e.sub_event_type, e.fatalities) for e in evs]
    assert any(e.fatalities == 14 for e in evs), subs
    assert any(e.sub_event_type == "Arrests" for e in evs), subs
    off = events_of(BOTH_TALLY, PUB, monkeypatch, TALLY_BOTH=0)
    assert not any(e.sub_event_type == "Arrests" for e in off)


# --- classify.YEAR_OR_COUNT

def test_a_four_digit_figure_of_things_is_no_year(monkeypatch):
    from sitrep.extract import classify

    text = "The police fired 1995 rounds and detained forty youths in the old town."
    assert not classify.is_background(text, 2021, None)
    assert classify.is_background("The police fired on the crowd in the 1995 riots.", 2021, None)
    monkeypatch.setattr(classify, "YEAR_OR_COUNT", 0)
    assert classify.is_background(text, 2021, None)


# --- classify.DEMANDED_LIST

def test_an_arrest_named_last_in_a_list_of_demands_is_no_arrest(monkeypatch):
    from sitrep.extract import classify

    text = ("Hundreds of farmers marched in Bhopal on Saturday. They demanded a ban on the new law and arrest "
            "of the officials who ordered the eviction.")
    assert not any(e.sub_event_type in ("Arrests", "Protest with intervention")
                   for e in events_of(text, PUB, monkeypatch))
    off = events_of(text, PUB, monkeypatch, module=classify, DEMANDED_LIST=0)
    assert any(e.sub_event_type in ("Arrests", "Protest with intervention") for e in off)


# --- classify.PREPARED_ACTS

def test_arrangements_for_detaining_are_no_arrest(monkeypatch):
    from sitrep.extract import classify

    text = ("Arrangements for detaining the marchers will be made at the bus depots of Varanasi, the police "
            "said on Saturday.")
    assert not events_of(text, PUB, monkeypatch)
    off = events_of(text, PUB, monkeypatch, module=classify, PREPARED_ACTS=0)
    assert off, "the arrest word alone made an event"
