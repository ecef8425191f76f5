"""Session 39, helper speed2: cheap tests inside the actor look-up (ActorDictionary.find) that
spare it work without changing a mention (docs/speed.md). Each test fails with the switch off
(the spared work is done again), and the mentions equal those of the switch-off path.
"""

import pytest

from sitrep.extract import actors as A

# sentences written for these tests
RAID = "Soldiers of the army and armed bandits traded fire near a river crossing on Sunday evening."
QUIET = "A farmers' cooperative opened a new grain store beside the regional highway last week."
TEXTS = [RAID, QUIET,
         "Ethiopian troops shelled the positions held by the rebels overnight, a resident said.",
         "The group's fighters stormed a checkpoint manned by police officers in the north.",
         "Police said two drug suspects were killed after they fired at officers during a raid.",
         "The KIAs 9th Battalion and the TNLA's fighters ambushed a convoy of junta troops.",
         "a russian drone hit the ukrainian side of the river, and local hunters saw it fall."]
COUNTRIES = [{"NG"}, {"ET"}, {"PH"}, {"MM"}, {"UA"}, set()]


def _forbid(monkeypatch, name) -> None:
    def boom(*a, **k):
        raise AssertionError(f"{name} ran")

    monkeypatch.setattr(A.ActorDictionary, name, boom)


@pytest.mark.parametrize("on", [1, 0])
def test_the_military_and_suspect_passes_skip_a_text_without_their_nouns(monkeypatch, on):
    if not on:
        monkeypatch.setattr(A, "FIND_PRECHECKS", 0)
    d = A.get_dictionary()
    expected = d.find(QUIET, {"NG"}, set())
    assert A._armed_suspect_patterns() is not None
    _forbid(monkeypatch, "_military_targets")
    _forbid(monkeypatch, "_armed_suspects")
    if not on:
        with pytest.raises(AssertionError):
            d.find(QUIET, {"NG"}, set())
        return
    assert d.find(QUIET, {"NG"}, set()) == expected


def test_a_text_with_a_military_noun_still_gets_the_pass():
    assert A._military_noun_told("Ukrainian forces struck the Russian positions near the town.")
    assert not A._military_noun_told(QUIET)
    # the necessary condition holds wherever the pass's own pattern matches
    rx = A._military_target_pattern()
    for t in TEXTS + ["They fired on the Russian 12th Tank Regiment.", "a Ukrainian warship sank."]:
        if rx.search(t):
            assert A._military_noun_told(t)


@pytest.mark.parametrize("on", [1, 0])
def test_aliases_are_looked_up_only_at_words_that_may_start_one(monkeypatch, on):
    if not on:
        monkeypatch.setattr(A, "FIND_PRECHECKS", 0)
    d = A.get_dictionary()
    looked: list[str] = []
    real = A.ActorDictionary._spans_at

    def spy(self, text, toks, i):
        looked.append(toks[i][0])
        return real(self, text, toks, i)

    monkeypatch.setattr(A.ActorDictionary, "_spans_at", spy)
    d.find(RAID, {"NG"}, set())
    assert "soldiers" in looked
    assert ("crossing" in looked) == (not on)  # no alias starts with it


def test_the_mentions_are_those_of_the_switch_off_path(monkeypatch):
    d = A.get_dictionary()
    args = [(t, c, n) for t in TEXTS for c in COUNTRIES for n in (set(), {"generic:Rioters ({country})"})]
    on = [d.find(t, c, n) for t, c, n in args]
    monkeypatch.setattr(A, "FIND_PRECHECKS", 0)
    off = [d.find(t, c, n) for t, c, n in args]
    assert on == off
    assert any(on)
