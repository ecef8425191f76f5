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
