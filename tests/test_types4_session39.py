"""Session 39 (types4): event detection and sub-event typing of short notes. A protest's grievance
is not its violence, intervention or arrests; a sentence that tells its demands shows no sub-type;
armed or unidentified perpetrators with no crowd are no mob; a strong cue word with its own day
needs a surer veto; a blast verb inside the cue survives a word of making; battles and bombs told
as occurring. Sentences written for these tests, about invented incidents."""

import datetime as dt

from event_reading import events_of
from sitrep.extract import classify, cues, events
from sitrep.extract.cues import Cue

PUB = dt.date(2023, 5, 6)


def _sub(text, monkeypatch, **switches):
    evs = events_of(text, PUB, monkeypatch, **switches)
    assert evs
    return evs[0].sub_event_type


def test_an_act_in_the_grievance_is_not_the_protests_own(monkeypatch):
    text = ("On 2 May 2023, shopkeepers staged a protest in Comilla against the vandalism of their "
            "stalls by rioters.")
    assert _sub(text, monkeypatch, GRIEVANCE_CUES=1) == "Peaceful protest"
    assert _sub(text, monkeypatch, GRIEVANCE_CUES=0) == "Violent demonstration"


def test_a_sentence_of_demands_shows_no_intervention(monkeypatch):
    text = ("On 3 May 2023, nurses rallied outside the general hospital in Kandy. They demanded that "
            "police arrest the men who had beaten a colleague.")
    assert _sub(text, monkeypatch, DEMAND_SENTENCES=1, GRIEVANCE_CUES=1) == "Peaceful protest"
    assert _sub(text, monkeypatch, DEMAND_SENTENCES=0, GRIEVANCE_CUES=0) == "Protest with intervention"


def test_demand_heads_need_their_for():
    from sitrep.nlp import parse_sentences

    called_for, called_by = parse_sentences(["Residents called for the release of the jailed chief.",
                                             "The march was called by the transport union."])
    assert events._demand_sentence(called_for)
    assert not events._demand_sentence(called_by)


def test_an_arrest_told_aside_is_no_intervention(monkeypatch):
    text = ("On 2 May 2023, relatives of a trader who was detained by soldiers last week held a sit-in at "
            "the town hall of Mopti.")
    assert _sub(text, monkeypatch, ASIDE_ARRESTS=1) == "Peaceful protest"
    assert _sub(text, monkeypatch, ASIDE_ARRESTS=0) == "Protest with intervention"


def test_unidentified_armed_perpetrators_are_no_mob(monkeypatch):
    text = ("On 18 April 2023, an unidentified group carrying clubs and pangas attacked and robbed a "
            "trader in Kisumu.")
    assert _sub(text, monkeypatch, ARMED_NOT_MOB=1) == "Attack"
    assert _sub(text, monkeypatch, ARMED_NOT_MOB=0) == "Mob violence"
    # a crowd told: the mob stays
    mob = "On 19 April 2023, an angry crowd beat a suspected thief to death in Kisumu."
    assert _sub(mob, monkeypatch, ARMED_NOT_MOB=1) == "Mob violence"


def test_a_strong_cue_of_its_own_day_needs_a_surer_veto(monkeypatch):
    strong = Cue("Armed clash", 3.0, 10, 17, "clashed")
    weak = Cue("Armed clash", 3.0, 10, 17, "clashed", factor=0.5)
    monkeypatch.setattr(events, "STRONG_CUE", 1)
    assert events._strong_cue_veto([strong], True, 0.75) == events.STRONG_CUE_VETO
    assert events._strong_cue_veto([strong], False, 0.75) == 0.75  # no day of its own
    assert events._strong_cue_veto([weak], True, 0.75) == 0.75  # told aside
    monkeypatch.setattr(events, "STRONG_CUE", 0)
    assert events._strong_cue_veto([strong], True, 0.75) == 0.75


def test_a_blast_verb_in_the_cue_survives_a_word_of_making(monkeypatch):
    text = "On 1 May, a home-made bomb exploded beside the gate of a party office."
    start = text.index("bomb")
    monkeypatch.setattr(classify, "EXPLOSION_IN_CUE", 1)
    cue = Cue("Remote explosive/landmine/IED", 3.0, start, start + len("bomb exploded"), "bomb exploded")
    classify.demote_disrupted([cue], text)
    assert cue.factor == 1.0
    # defused before it could go off: still no blast
    told = "Police defused a bomb before it exploded near the market."
    s = told.index("bomb")
    cue = Cue("Remote explosive/landmine/IED", 3.0, s, s + 4, "bomb")
    classify.demote_disrupted([cue], told)
    assert cue.factor == 0.0
    monkeypatch.setattr(classify, "EXPLOSION_IN_CUE", 0)
    cue = Cue("Remote explosive/landmine/IED", 3.0, start, start + len("bomb exploded"), "bomb exploded")
    classify.demote_disrupted([cue], text)
    assert cue.factor == 0.0


def test_battles_and_bombs_told_as_occurring(monkeypatch):
    said = ["On 4 May, two battles occurred between the rebels and the army near the river crossing.",
            "There were reports of a bomb going off near a bank."]
    try:
        monkeypatch.setattr(cues, "TOLD_OCCURRING", 1)
        cues.get_lexicon.cache_clear()
        found = [{c.cls for c in cues.get_lexicon().find(t)} for t in said]
        assert "Armed clash" in found[0] and "Remote explosive/landmine/IED" in found[1]
        monkeypatch.setattr(cues, "TOLD_OCCURRING", 0)
        cues.get_lexicon.cache_clear()
        found = [{c.cls for c in cues.get_lexicon().find(t)} for t in said]
        assert "Armed clash" not in found[0] and "Remote explosive/landmine/IED" not in found[1]
    finally:
        monkeypatch.undo()
        cues.get_lexicon.cache_clear()


def test_an_abduction_no_word_tells_is_an_attack(monkeypatch):
    text = "On 30 April 2023, gunmen attacked two foreign tourists near their lodge in Lamu; nothing was taken."
    assert _sub(text, monkeypatch, ABDUCTION_TOLD=1) == "Attack"
    assert _sub(text, monkeypatch, ABDUCTION_TOLD=0) == "Abduction/forced disappearance"
    # told by its word: the abduction stays
    taken = "On 1 May 2023, gunmen kidnapped two foreign tourists from their lodge in Lamu."
    assert _sub(taken, monkeypatch, ABDUCTION_TOLD=1) == "Abduction/forced disappearance"


def test_a_cue_word_after_no_tells_no_act(monkeypatch):
    text = "On 2 May 2023, the army took over a rebel camp near Kutkai. No fighting was reported."
    monkeypatch.setattr(classify, "NEGATED_CUE", 1)
    assert [e.sub_event_type for e in events_of(text, PUB)] == ["Non-violent transfer of territory"]
    monkeypatch.setattr(classify, "NEGATED_CUE", 0)
    assert "Armed clash" in [e.sub_event_type for e in events_of(text, PUB)]
    monkeypatch.setattr(classify, "NEGATED_CUE", 1)
    said = "Nobody could say whether fighting took place near the dam."
    at = said.index("fighting")
    assert classify.negated_cue(Cue("Armed clash", 3.0, at, at + 8, "fighting"), said)
    said = "No group claimed the attack on the bus."
    at = said.index("attack")
    assert not classify.negated_cue(Cue("violence", 2.0, at, at + 6, "attack"), said)
