"""Session 39 (lead): ACLED's "Other" for a road blocked or a checkpoint held with no fight
(training/typing_roadblocks_shots.jsonl), and the civilians as actor1 of a blockade no one is named
for (roles.BLOCKADE_CIVILIANS). Sentences are the team's own, with invented places."""

from __future__ import annotations

import datetime as dt

import pytest

import sitrep.extract.roles as roles
from sitrep.extract.events import extract
from sitrep.model import Article


def _events(text: str):
    [events] = extract([Article(id="t", title="", text=text, published=dt.date(2024, 5, 10))])
    return events


@pytest.mark.parametrize("text", [
    # an armed group holding a road for tolls, no fight told: no protest, a strategic development
    "On 6 May 2024, in Morvane, Ouest, armed members of the Ti Lapli gang put up a checkpoint on the"
    " road to Belvert and made drivers pay to go through.",
    "Militiamen have been stopping lorries at a barrier outside Kelungu since Monday, taking a fee"
    " from each driver, traders said on 6 May 2024.",
])
def test_a_checkpoint_held_for_tolls_is_other(text):
    assert [e.sub_event_type for e in _events(text)] == ["Other"]


def test_a_blockade_no_one_is_named_for_is_the_civilians_act(monkeypatch):
    text = ("On 7 May 2024, in Morvane, Ouest, barricades of burning tyres closed the road to Belvert"
            " for most of the day. It is not known who put them there.")
    [ev] = _events(text)
    assert (ev.sub_event_type, ev.actor1, ev.inter1) == ("Other", "Civilians (Haiti)", 7)
    monkeypatch.setattr(roles, "BLOCKADE_CIVILIANS", 0)
    [ev] = _events(text)
    assert ev.actor1 != "Civilians (Haiti)"


def test_a_blockade_by_a_named_group_stays_theirs():
    [ev] = _events("On 7 May 2024, in Morvane, Ouest, members of the Ti Lapli gang blocked the road"
                   " to Belvert with burning tyres and let no one through.")
    assert not ev.actor1.startswith("Civilians")  # the gang's act: the blockade rule is for no one named


def test_a_named_gang_with_its_head_word_is_one_party(monkeypatch):
    import sitrep.extract.actors as actors
    text = ("On 15 May 2024, in Delmas 50, Ouest department, the Viv Ansanm Gang attacked residents while"
            " burning homes in Delmas 50 and nearby areas. Several residents were wounded in the attack."
            " Police forces intervened and exchanged fire with the gang members.")
    import sitrep.extract.events as events
    monkeypatch.setattr(events, "CLASH_TOLD_STANDS", False)  # (session 46) "exchanged fire" keeps a clash
    subs = {(e.sub_event_type, e.actor1) for e in _events(text)}
    assert ("Attack", "Viv Ansanm Gang") in subs
    monkeypatch.setattr(actors, "GANG_NAME_HEAD", 0)
    # "Gang" read as a second, unidentified gang beside the name: a clash between the two
    subs = {(e.sub_event_type, e.actor1) for e in _events(text)}
    assert ("Attack", "Viv Ansanm Gang") not in subs


def test_a_means_told_in_the_passive_did_the_act(monkeypatch):
    import sitrep.extract.classify as classify
    text = ("On 9 May 2024, in Morvane, Ouest, lorries were used to set up barricades on the road to"
            " Belvert. No one knows who parked them there.")
    assert [e.sub_event_type for e in _events(text)] == ["Other"]
    monkeypatch.setattr(classify, "PASSIVE_MEANS_REALIS", 0)
    assert _events(text) == []  # read as a purpose: nothing done


@pytest.mark.parametrize("sentence,verb", [
    ("The rebels began to shell the town at dawn.", "shell"),
    ("Gunmen managed to seize the rifles of two guards.", "seize"),
    ("The militia continued to attack the camp through the night.", "attack"),
])
def test_a_verb_of_starting_or_managing_tells_a_real_act(monkeypatch, sentence, verb):
    import sitrep.extract.classify as classify
    from sitrep.nlp import parse_sentences
    [doc] = list(parse_sentences([sentence]))
    tok = next(t for t in doc if t.lower_ == verb)
    assert not classify.is_irrealis(tok)
    monkeypatch.setattr(classify, "REALIS_FORMS", 0)
    assert classify.is_irrealis(tok)  # the lemma alone: the parser shipped has no lemmatiser


def test_a_plan_stays_unreal():
    import sitrep.extract.classify as classify
    from sitrep.nlp import parse_sentences
    [doc] = list(parse_sentences(["The rebels are going to shell the town."]))
    tok = next(t for t in doc if t.lower_ == "shell")
    assert classify.is_irrealis(tok)
