"""Session 37 (detect): sub-event typing of short reports. A toll gives no reading of the act
(events.TOLL_NO_READING), the retyping keeps a near tie the first sentence settled (RETYPE_TIES,
measured, left off),
a protest's later sentence the typer reads as broken up shows the intervention (PASSAGE_PROTEST),
a shelling with small-arms fire between two armed sides is a battle (SMALL_ARMS_CLASH), and a
sentence led by another named actor tells another act (ACTORS_APART, measured, left off).
Sentences written for these tests, about invented incidents."""

import datetime as dt
from types import SimpleNamespace

from event_reading import events_of
from sitrep.extract import events
from sitrep.extract.classify import Typing
from sitrep.extract.counts import Counts
from sitrep.model import ActorMention
from sitrep.nlp import Sentence

PUB = dt.date(2021, 5, 10)


def _draft(text, index, sub, score=2.0, killed=0, toll_only=False, agents=()):
    s = Sentence(text, index * 100, index)
    counts = Counts(killed=killed, killed_by={"total": killed} if killed else {})
    agents = list(agents)
    return events.Draft(s, Typing(sub, score, None), counts, None, list(agents), agents, [], [], None,
                        sentences=[s], toll_only=toll_only)


def _state(reads):
    return SimpleNamespace(weights={}, read=reads, probs=reads)


def test_a_toll_gives_no_reading_of_the_act(monkeypatch):
    clash = _draft("Two bands of herders' militiamen fought at a well.", 0, "Armed clash")
    toll = _draft("One man was killed.", 1, "Attack", killed=1, toll_only=True)
    st = _state({0: {"Armed clash": 0.55, "Mob violence": 0.35, "none": 0.1},
                 1: {"Attack": 0.95, "none": 0.05}})
    events._absorb(clash, toll)
    events._retype([clash], st)
    assert clash.typing.sub_event_type == "Armed clash"
    monkeypatch.setattr(events, "TOLL_NO_READING", 0)
    clash = _draft("Two bands of herders' militiamen fought at a well.", 0, "Armed clash")
    events._absorb(clash, _draft("One man was killed.", 1, "Attack", killed=1, toll_only=True))
    events._retype([clash], st)
    assert clash.typing.sub_event_type == "Attack"  # the bare killing outweighed the fight


def test_a_toll_still_reads_where_the_event_is_a_protest():
    # a protest's dead may make it excessive force: its toll is still read
    rally = _draft("Traders marched to the market office.", 0, "Peaceful protest")
    events._absorb(rally, _draft("One trader was killed.", 1, "Excessive force against protesters",
                                 killed=1, toll_only=True))
    assert 1 not in rally.named_again


def test_the_retyping_keeps_a_near_tie(monkeypatch):
    monkeypatch.setattr(events, "RETYPE_TIES", 1)  # measured and left off (docs/extraction.md)
    st = _state({0: {"Mob violence": 0.51, "Armed clash": 0.48, "none": 0.01}})
    d = _draft("Two groups of warriors clashed near the river.", 0, "Armed clash")
    events._retype([d], st)
    assert d.typing.sub_event_type == "Armed clash"  # ACLED's priority settled the tie
    monkeypatch.setattr(events, "RETYPE_TIES", 0)
    events._retype([d], st)
    assert d.typing.sub_event_type == "Mob violence"
    # a clear lead still retypes
    monkeypatch.setattr(events, "RETYPE_TIES", 1)
    d = _draft("Two groups of warriors clashed near the river.", 0, "Armed clash")
    events._retype([d], _state({0: {"Mob violence": 0.70, "Armed clash": 0.25, "none": 0.05}}))
    assert d.typing.sub_event_type == "Mob violence"


RALLY_BROKEN = ("On 4 May, nurses held a rally outside the county hospital in Kitui town over delayed "
                "salaries. Police officers broke the rally apart and took away its banners.")


def test_a_protest_told_broken_up_in_other_words_is_an_intervention(monkeypatch):
    evs = events_of(RALLY_BROKEN, PUB, monkeypatch)
    assert [e.sub_event_type for e in evs] == ["Protest with intervention"], [e.sub_event_type for e in evs]
    off = events_of(RALLY_BROKEN, PUB, monkeypatch, PASSAGE_PROTEST=0)
    assert [e.sub_event_type for e in off] == ["Peaceful protest"]


def test_a_quiet_protest_stays_peaceful(monkeypatch):
    text = ("On 4 May, nurses held a rally outside the county hospital in Kitui town over delayed "
            "salaries. They handed a petition to the hospital's director and left at noon.")
    evs = events_of(text, PUB, monkeypatch)
    assert [e.sub_event_type for e in evs] == ["Peaceful protest"], [e.sub_event_type for e in evs]


MORTARS_AND_GUNS = ("On 4 May, army troops shelled a KIA outpost close to Lawa village, Kachin state, firing "
                    "mortar rounds and a few rifle shots.")


def test_shelling_with_small_arms_between_armed_sides_is_a_clash(monkeypatch):
    evs = events_of(MORTARS_AND_GUNS, PUB, monkeypatch)
    assert [e.sub_event_type for e in evs] == ["Armed clash"], [e.sub_event_type for e in evs]
    off = events_of(MORTARS_AND_GUNS, PUB, monkeypatch, SMALL_ARMS_CLASH=0)
    assert [e.sub_event_type for e in off] == ["Shelling/artillery/missile attack"]


def test_shelling_alone_stays_shelling(monkeypatch):
    text = "On 4 May, army troops pounded a KIA outpost close to Lawa village, Kachin state, with mortar rounds."
    evs = events_of(text, PUB, monkeypatch)
    assert [e.sub_event_type for e in evs] == ["Shelling/artillery/missile attack"]


def test_two_states_forces_are_two_sides_but_army_and_police_are_one(monkeypatch):
    text = ("On 4 May, Russian troops lobbed artillery rounds into Novoselivka village in Donetsk region. "
            "Ukrainian soldiers answered with gunfire. Nobody was hurt.")
    assert [e.sub_event_type for e in events_of(text, PUB, monkeypatch)] == ["Armed clash"]
    text = ("On 4 May, soldiers and police at the outpost of Hpakant in Kachin state fired artillery shells and "
            "small arms at the village, wounding a farmer.")
    assert [e.sub_event_type for e in events_of(text, PUB, monkeypatch)] == ["Shelling/artillery/missile attack"]


def test_small_arms_words():
    from sitrep.extract.lexicons import pattern

    p = pattern("small_arms_fire")
    assert p.search("fired 82mm mortars and several rifle rounds")
    assert p.search("the other side responded with heavy fire")
    assert p.search("using small arms and grenade launchers")
    assert not p.search("fired 120mm mortars at the positions")


def _actor(name, key, inter, at=0):
    return ActorMention(name, inter, at, at + 5, name, key)


def test_another_named_actor_tells_another_act(monkeypatch):
    monkeypatch.setattr(events, "ACTORS_APART", 1)
    a = _draft("The ABC rebels ambushed a convoy.", 0, "Attack", agents=[_actor("ABC", "abc", 2)])
    b = _draft("The XYZ militia raided a village.", 1, "Attack", agents=[_actor("XYZ", "xyz", 3)])
    assert not events._compatible(a, b)
    # the other side of the same fight, named among the event's parties, is the same act
    a.actors.append(_actor("XYZ", "xyz", 3, 20))
    assert events._compatible(a, b)
    # the state's forces together (the army, then the police) are one side
    army = _draft("Troops raided the camp.", 0, "Attack", agents=[_actor("Army", "army", 1)])
    police = _draft("Police arrived and fired.", 1, "Attack", agents=[_actor("Police", "police", 1)])
    assert events._compatible(army, police)
    monkeypatch.setattr(events, "ACTORS_APART", 0)
    a = _draft("The ABC rebels ambushed a convoy.", 0, "Attack", agents=[_actor("ABC", "abc", 2)])
    assert events._compatible(a, b)
