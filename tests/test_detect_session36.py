"""Session 36 (detect): the state's forces' firing told within a riot report is an event of its own
(events.POLICE_FIRE_APART). Sentences written for these tests, about invented incidents."""

import datetime as dt

from event_reading import events_of
from sitrep.extract import events

PUB = dt.date(2019, 9, 3)

SHORT = (
    "Sonapur: A mob of about 300 people torched shops and stoned buses in the old market of Sonapur on "
    "Monday. The police opened fire on the mob, killing two persons. Curfew was imposed in the town.")
# a long report (events.LONG_ARTICLE sentences or more) goes on with other news
RIOT_THEN_FIRE = SHORT + (
    " Schools in the district will stay shut until Thursday. The district collector held a meeting with"
    " traders on Tuesday. Trains to the town ran late. The chief minister appealed for calm. The opposition"
    " leader is due in the town next week. Markets in the new town opened as usual. The bus depot stayed"
    " closed. Exams at the college were put off. Officials said the water supply would be restored soon.")


def _riots(evs):
    return [e for e in evs if e.event_type == "Riots"]


def test_police_firing_in_a_riot_report_is_its_own_event(monkeypatch):
    # the firing told right after the riot, with no place of its own, is that riot's firing since
    # session 37 (POLICE_FIRE_HERE, tests/test_lead_session37.py): this test reads the rule without it
    evs = _riots(events_of(RIOT_THEN_FIRE, PUB, monkeypatch, POLICE_FIRE_HERE=0))
    assert len(evs) == 2, [(e.sub_event_type, e.fatalities) for e in evs]
    fire = next(e for e in evs if any("opened fire" in x.text for x in e.evidence))
    riot = next(e for e in evs if e is not fire)
    assert fire.fatalities == 2 and riot.fatalities == 0
    assert "Police" in fire.actor1 + fire.actor2  # the force that fired is a side of its event
    assert not any("opened fire" in x.text for x in riot.evidence)  # the riot's report holds no firing
    off = _riots(events_of(RIOT_THEN_FIRE, PUB, monkeypatch, POLICE_FIRE_APART=0))
    assert len(off) == 1 and off[0].fatalities == 2


def test_a_short_report_tells_the_riot_and_the_firing_as_one_act(monkeypatch):
    # an ACLED note or a brief: the riot and the firing on the rioters are one event
    evs = _riots(events_of(SHORT, PUB, monkeypatch))
    assert len(evs) == 1 and evs[0].fatalities == 2, [(e.sub_event_type, e.fatalities) for e in evs]


def test_tear_gas_or_shots_in_the_air_stay_within_the_riot(monkeypatch):
    text = RIOT_THEN_FIRE.replace("opened fire on the mob, killing two persons", "lobbed tear gas canisters at the youths")
    evs = _riots(events_of(text, PUB, monkeypatch))
    assert len(evs) == 1, [(e.sub_event_type, e.fatalities) for e in evs]


def test_what_counts_as_the_forces_firing():
    from sitrep.extract.actors import get_dictionary

    def fire(text):
        return events._state_fire(text, get_dictionary().find(text, {"IN"}))

    assert fire("The police then opened fire at a crowd by the bridge.")
    assert fire("Two youths died in police firing at Khandpur.")
    assert fire("Three were hurt in firing by the police.")
    assert not fire("The police fired tear gas shells at the crowd.")
    assert not fire("Police fired in the air to scatter the youths.")
    assert not fire("Rioters opened fire at the mill, and the police came later.")  # the force is not the one firing
    assert not fire("The mob set fire to a bus.")
    assert not fire("The navy held a firing drill off the coast.")


# --- a toll of the last few days beside the day events it totals (events.RECENT_FOLD,
# events.RESTATED_TOLLS)

SIEGE = (
    "At least {n} civilians have been killed in airstrikes on the Velmar enclave over the past two days, "
    "a monitoring group said. Aid agencies warned that food was running out. On Monday, airstrikes on the "
    "town of Ostrava Nova killed 40 people, the group said. On Tuesday, airstrikes on the village of Kerrin "
    "killed 30 people.")
SIEGE_PUB = dt.date(2019, 3, 6)  # a Wednesday


def _dead(evs):
    return sorted(e.fatalities for e in evs if e.fatalities)


def test_a_recent_toll_keeps_only_the_dead_the_days_do_not_tell(monkeypatch):
    evs = events_of(SIEGE.format(n=100), SIEGE_PUB, monkeypatch)
    assert sum(_dead(evs)) == 100, [(e.sub_event_type, e.event_date, e.fatalities) for e in evs]
    off = events_of(SIEGE.format(n=100), SIEGE_PUB, monkeypatch, RECENT_FOLD=0)
    assert sum(_dead(off)) == 170  # counted twice


def test_a_recent_toll_the_days_tell_in_full_is_no_event(monkeypatch):
    evs = events_of(SIEGE.format(n=70), SIEGE_PUB, monkeypatch)
    assert _dead(evs) == [30, 40], [(e.sub_event_type, e.event_date, e.fatalities) for e in evs]
    told = {x.text for e in evs for x in e.evidence if x.field == "fatalities"}
    assert any("past two days" in t for t in told)  # its sentence tells the days' dead


def test_a_days_part_of_a_recent_toll_is_no_act(monkeypatch):
    text = ("At least 120 civilians have been killed in airstrikes and shelling on the Velmar enclave over the "
            "past two days, a monitoring group said. Rescuers said 45 people were killed on Tuesday alone, "
            "and another monitor put the toll of the two days at 118.")
    evs = events_of(text, SIEGE_PUB, monkeypatch)
    assert len(evs) == 1 and evs[0].event_type == "Explosions/Remote violence", \
        [(e.sub_event_type, e.fatalities) for e in evs]
    off = events_of(text, SIEGE_PUB, monkeypatch, RESTATED_TOLLS=0)
    assert len(off) != 1 or off[0].fatalities != evs[0].fatalities


# --- arrests told after an act of another kind in a long report (events.ARRESTS_APART)

def _draft(text, index, sub, score, **kw):
    from sitrep.extract.classify import Typing
    from sitrep.extract.counts import Counts
    from sitrep.nlp import Sentence

    s = Sentence(text, index * 100, index)
    return events.Draft(s, Typing(sub, score, None), Counts(), None, [], [], [], [], None, sentences=[s], **kw)


def test_arrests_after_an_act_of_another_kind_stand_apart_in_a_long_report(monkeypatch):
    curfew = _draft("Curfew was imposed in the old town of Belnagar.", 0, "Change to group/activity", 1.9)
    arrests = _draft("He said 40 people were arrested there.", 1, "Arrests", 2.3, arrests=True, long_report=True)
    assert not events._compatible(curfew, arrests)
    monkeypatch.setattr(events, "ARRESTS_APART", 0)
    assert events._compatible(curfew, arrests)  # a weak strategic sentence joined the act before it


def test_arrests_still_join_a_protest_or_a_short_report(monkeypatch):
    march = _draft("Two hundred villagers marched to the district office.", 0, "Peaceful protest", 2.8)
    arrests = _draft("Forty of them were arrested on the way.", 1, "Arrests", 2.3, arrests=True, long_report=True)
    assert events._compatible(march, arrests)  # an intervention in the protest (_absorb)
    curfew = _draft("Curfew was imposed in the old town of Belnagar.", 0, "Change to group/activity", 1.9)
    short = _draft("He said 40 people were arrested there.", 1, "Arrests", 2.3, arrests=True)
    assert events._compatible(curfew, short)


# --- people told held with no agent are arrested (event_cues.yaml, Arrests)

def test_people_held_are_arrested_but_not_hostages_or_talks():
    from sitrep.extract.cues import get_lexicon

    def arrest(text):
        return any(c.cls == "Arrests" for c in get_lexicon().find(text))

    assert arrest("In a search of the lanes on Friday evening, 35 persons were held and knives were seized.")
    assert arrest("Some twenty youths have been picked up after the clash at the fair.")
    assert not arrest("Ten villagers were held hostage by the gang for two days.")
    assert not arrest("Talks were held at the district office on Monday.")


def test_remand_and_capture_by_a_named_police_are_arrests():
    from sitrep.extract.cues import get_lexicon

    def arrest(text):
        return any(c.cls == "Arrests" for c in get_lexicon().find(text))

    assert arrest("The magistrate remanded the accused to ten days' police custody.")
    assert arrest("Two couriers who were caught by the Dunmore police near the border were questioned.")
    assert not arrest("The court reserved its order on the custody of the child.")
