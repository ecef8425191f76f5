"""Session 44 (lead): counts of the dead. Bodies told by a figure and a passive verb of finding are
dead (counts.BODIES_FOUND); the figure of the sentenced executed "them" is dead (SENTENCED_THEM);
"leaving her dead" is one dead (LEFT_ONE_DEAD); a school year's figure counts no one
(SCHOOL_YEAR); a bracketed aside between a figure and its verb is read past (BRACKET_ASIDE); "one"
and any singular noun that a past killing or dying verb takes is one person (ONE_NOUN_PATIENT); a
hedging adverb after "and" keeps the second figure (AND_HEDGED_MORE), a hedged figure joins a list
(HEDGED_LIST); "and another succumbed" is one more (ANOTHER_MORE); things in a list of dead count no
one (LISTED_THINGS); "fatalities" is a casualty cue word (event_cues.yaml); "another" after a toll
continues it (events.ANOTHER_IN_TOLL); a person someone killed does not lower a toll
(events.NAMED_NOT_LOWER); an unidentified group named in its bracket is no second side
(roles._NAMED_IN_BRACKET). Sentences written by the team."""

import datetime as dt

import pytest

from count_reading import dead, dead_needs_switch
from sitrep.model import Article
from sitrep.pipeline import process


@pytest.mark.parametrize("switch, sentence, expected", [
    ("BODIES_FOUND", "Four dead bodies of herders were discovered beside the river on Sunday.", 4),
    ("BODIES_FOUND", "Thirty bodies were brought to the city mortuary after the night of violence.", 30),
    ("BODIES_FOUND", "9 bodies collected from the burnt market by the Red Cross.", 9),
    ("SENTENCED_THEM", "The militants sentenced two shopkeepers to death and publicly beheaded them.", 2),
    ("LEFT_ONE_DEAD", "Masked men sprayed the car of a judge with bullets, leaving him dead.", 1),
    ("SCHOOL_YEAR", "A form three student died after a bullet struck him near the school gate.", 1),
    ("BRACKET_ASIDE", "Three suspected bandits (two of them known to the police, a spokesman said) were killed "
                      "in a shootout.", 3),
    ("ONE_NOUN_PATIENT", "One pilot died when the helicopter came down.", 1),
    ("ONE_NOUN_PATIENT", "One SNA was killed and two others wounded in the blast.", 1),
    ("AND_HEDGED_MORE", "Bandits stormed the cattle market, killing two herders and reportedly four policemen on guard.", 6),
    ("HEDGED_LIST", "Three guards and at least two porters were killed when the depot was hit.", 5),
    ("HEDGED_LIST", "Four soldiers and about six villagers were killed in the crossfire.", 10),
    ("ANOTHER_MORE", "One herder died at once and another succumbed to his injuries by dawn.", 2),
    ("LISTED_THINGS", "Two shepherds and forty goats were killed by the blast.", 2),
])
def test_dead_with_switch(monkeypatch, switch, sentence, expected):
    dead_needs_switch(monkeypatch, switch, sentence, expected)


@pytest.mark.parametrize("sentence, expected", [
    ("If one soldier dies, the whole unit will pull back.", 0),  # a condition, not a death
    ("One house was burned in the raid.", 0),  # a thing, not a person
    ("Police found two bodies near the dam.", 2),  # the active form counted before
    ("The bodies of three fishermen were recovered from the lake.", 3),
    ("Five pupils were killed when the school was shelled.", 5),  # no school year before the figure
    ("The court sentenced two smugglers to death on Monday.", 0),  # a sentence, not an execution
    ("Two rebels (one of them a commander) were killed.", 2),  # the aside's figure is among them
])
def test_counts_held(sentence, expected):
    assert dead(sentence) == expected


def test_fatalities_is_a_casualty_word():
    """'suffered six fatalities' in its own sentence gives the clash its dead."""
    text = ("Soldiers exchanged fire with clan fighters in Beledweyne on Monday. "
            "The soldiers reportedly suffered at least 6 fatalities and four injuries.")
    events = process([Article(id="s44-fat", text=text, published=dt.date(2026, 1, 7))])[0]
    top = max(events, key=lambda e: e.confidence)
    assert top.sub_event_type == "Armed clash"
    assert top.fatalities == 6


def test_one_suspect_shot_later_does_not_lower_the_toll(monkeypatch):
    """A single person told without a figure after a toll told by one is no lower report of the
    same dead (events.NAMED_NOT_LOWER)."""
    from sitrep.extract import events
    text = ("A car bomb went off at a checkpoint in Jowhar on Monday, killing six people. "
            "Police later shot dead a suspect.")

    def top() -> int:
        evs = process([Article(id="s44-named", text=text, published=dt.date(2026, 1, 7))])[0]
        return max(evs, key=lambda e: e.confidence).fatalities

    assert top() >= 6
    monkeypatch.setattr(events, "NAMED_NOT_LOWER", 0)
    assert top() < 6


def test_another_after_the_toll_continues_it(monkeypatch):
    """'another' after the sentence's first casualty figure continues the toll of the act told
    before; it opens no other event (events.ANOTHER_IN_TOLL)."""
    from sitrep.extract import events
    text = ("A landmine went off beside a track near Bardaale on Tuesday while a group of militants "
            "were passing. Three militants were killed while another was hurt.")

    def read() -> list:
        return process([Article(id="s44-another", text=text, published=dt.date(2026, 1, 8))])[0]

    evs = read()
    assert len(evs) == 1
    assert evs[0].sub_event_type == "Remote explosive/landmine/IED"
    assert evs[0].fatalities == 3
    monkeypatch.setattr(events, "ANOTHER_IN_TOLL", 0)
    assert len(read()) == 2


def test_another_attack_still_opens_an_event():
    text = ("Gunmen attacked a police post in Afgooye on Monday, killing two officers. "
            "In another attack, militants shot dead a trader in Marka.")
    evs = process([Article(id="s44-another2", text=text, published=dt.date(2026, 1, 7))])[0]
    assert len(evs) == 2


def test_unidentified_group_named_in_its_bracket_is_no_second_side(monkeypatch):
    """'armed men (likely X gang members)' are X: the clash gets no unidentified second side
    (roles._NAMED_IN_BRACKET, with SECOND_SIDE_TOLD)."""
    from sitrep.extract import roles
    text = ("On 9 May 2024, in Delmas 2 (Port-au-Prince, Ouest), armed men (likely 5 Segonn Gang members) "
            "fired at random as they raided the Delmas 2 area. Casualties unknown.")

    def top():
        evs = process([Article(id="s44-bracket", text=text, published=dt.date(2024, 5, 6))])[0]
        return max(evs, key=lambda e: e.confidence)

    assert not top().actor2.startswith("Unidentified")
    monkeypatch.setattr(roles, "_NAMED_IN_BRACKET", False)
    assert top().actor2.startswith("Unidentified")


@pytest.mark.parametrize("sentence, expected", [
    ("Two soldiers were killed while another was wounded.", 2),  # the other one was hurt, not killed
    ("One woman was killed and another injured.", 1),
])
def test_another_hurt_is_no_more_dead(sentence, expected):
    assert dead(sentence) == expected
