"""Session 39, helper speed2: the actor and cue look-ups keep their answers for one batch
(docs/speed.md). Each switch has a test that fails with it off (the slow path runs again), and
the memo's answers equal those of the uncached path.
"""

import dataclasses
import datetime as dt

import pytest

from sitrep import pipeline
from sitrep.extract import actors as A
from sitrep.extract import cues as CU
from sitrep.model import Article

PUB = dt.date(2023, 3, 14)
# sentences written for these tests
RAID = "Soldiers of the army and armed bandits traded fire near a river crossing on Sunday evening."
QUIET = "A farmers' cooperative opened a new grain store beside the regional highway last week."
STORY = (RAID + " Two herders were wounded in the exchange, a councillor said. " + QUIET + " "
         "Residents later marched through the town square to demand more patrols.")


@pytest.fixture
def batch():
    A.ActorDictionary.open_batch()
    CU.CueLexicon.open_batch()
    yield
    A.ActorDictionary.close_batch()
    CU.CueLexicon.close_batch()


def _forbid(monkeypatch, owner, name) -> None:
    def boom(*a, **k):
        raise AssertionError(f"{name} ran")

    monkeypatch.setattr(owner, name, boom)


@pytest.mark.parametrize("on", [1, 0])
def test_a_second_look_up_of_the_same_text_is_answered_from_the_batch(monkeypatch, batch, on):
    if not on:
        monkeypatch.setattr(A, "FIND_MEMO", 0)
    d = A.get_dictionary()
    first = d.find(RAID, {"NG"}, set())
    assert first  # the army and the bandits
    _forbid(monkeypatch, A.ActorDictionary, "_elided")  # a pass every uncached look-up makes
    if not on:
        with pytest.raises(AssertionError):
            d.find(RAID, {"NG"}, set())
        return
    again = d.find(RAID, {"NG"}, set())
    assert again == first
    assert all(a is not b for a, b in zip(again, first))  # the caller's own mentions
    with pytest.raises(AssertionError):
        d.find(RAID, {"KE"}, set())  # other countries: looked up anew


@pytest.mark.parametrize("on", [1, 0])
def test_the_passes_a_text_cannot_feed_are_skipped(monkeypatch, batch, on):
    if not on:
        monkeypatch.setattr(A, "FIND_MEMO", 0)
    d = A.get_dictionary()
    A.ActorDictionary.close_batch()
    expected = d.find(QUIET, {"NG"}, set())  # uncached, every pass run
    A.ActorDictionary.open_batch()
    for name in ("_military_targets", "_armed_suspects", "_announcer_forces", "_bare_peoples", "_people_militias"):
        _forbid(monkeypatch, A.ActorDictionary, name)
    if not on:
        with pytest.raises(AssertionError):
            d.find(QUIET, {"NG"}, set())
        return
    assert d.find(QUIET, {"NG"}, set()) == expected


def test_the_memo_gives_what_the_uncached_look_up_gives(monkeypatch):
    d = A.get_dictionary()
    texts = [RAID, QUIET, "Ethiopian troops shelled the positions held by the rebels overnight.",
             "The group's fighters stormed a checkpoint manned by police officers in the north."]
    args = [(t, c, n) for t in texts for c in ({"NG"}, {"ET"}, set()) for n in (set(), {"generic:Rioters ({country})"})]
    plain = [d.find(t, c, n) for t, c, n in args]
    A.ActorDictionary.open_batch()
    try:
        first = [d.find(t, c, n) for t, c, n in args]
        second = [d.find(t, c, n) for t, c, n in args]
    finally:
        A.ActorDictionary.close_batch()
    assert first == plain and second == plain


@pytest.mark.parametrize("on", [1, 0])
def test_a_sentence_is_read_for_cues_once_per_batch(monkeypatch, batch, on):
    if not on:
        monkeypatch.setattr(CU, "CUES_MEMO", 0)
    lex = CU.get_lexicon()
    first = lex.find(RAID)
    assert first
    first[0].factor = 0.0  # a caller demotes a cue: the next caller's cue is its own
    monkeypatch.setattr(lex, "rules", [])  # the slow path now finds nothing
    again = lex.find(RAID)
    if not on:
        assert again == []
        return
    assert [dataclasses.replace(c, factor=1.0) for c in first] == again
    assert again[0].factor == 1.0


@pytest.mark.parametrize("on", [1, 0])
def test_process_opens_the_batch_memos_and_closes_them(monkeypatch, on):
    if not on:
        monkeypatch.setattr(pipeline, "BATCH_MEMOS", 0)
    seen = []
    from sitrep.extract import events as E

    real = E.extract

    def extract(articles):
        seen.append((A.ActorDictionary._batch is not None, CU.CueLexicon._batch is not None))
        return real(articles)

    monkeypatch.setattr(E, "extract", extract)
    pipeline.process([Article(id="speed2-open", text=STORY, title="Clash at a crossing", published=PUB)])
    assert seen == [(bool(on), bool(on))]
    assert A.ActorDictionary._batch is None and CU.CueLexicon._batch is None


def test_the_events_are_the_same_with_the_memos_off(monkeypatch):
    arts = [Article(id=f"speed2-same-{i}", text=STORY, title="Clash at a crossing", published=PUB) for i in range(2)]
    on = pipeline.process(arts)
    monkeypatch.setattr(pipeline, "BATCH_MEMOS", 0)
    off = pipeline.process(arts)
    assert [[dataclasses.asdict(e) for e in a] for a in on] == [[dataclasses.asdict(e) for e in a] for a in off]
    assert any(on)


@pytest.mark.parametrize("on", [1, 0])
def test_a_text_is_cut_into_aliases_once_per_batch(monkeypatch, batch, on):
    if not on:
        monkeypatch.setattr(A, "TEXT_SPANS_MEMO", 0)
    d = A.get_dictionary()
    A.ActorDictionary.close_batch()
    expected = d.find(RAID, {"KE"}, {"generic:Rioters ({country})"})  # uncached
    A.ActorDictionary.open_batch()
    d.find(RAID, {"NG"}, set())
    _forbid(monkeypatch, A.ActorDictionary, "_spans_at")
    if not on:
        with pytest.raises(AssertionError):
            d.find(RAID, {"KE"}, {"generic:Rioters ({country})"})
        return
    assert d.find(RAID, {"KE"}, {"generic:Rioters ({country})"}) == expected
