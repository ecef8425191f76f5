"""Session 43 (lead): counts of the dead. A verb of harm with its figure before "to death" kills
(counts.ACTIVE_TO_DEATH); more prepositions may follow a killing verb (MORE_PREPS_AFTER_VERB); a
spaced dash ends a clause, it does not join a figure to a name (SPACED_DASH_NOT_NAME); a year beside a
noun is no figure in the parse's lists (YEAR_NOT_FIGURE); "down" kills only after shooting or cutting
(DOWN_SHOOTS_ONLY); a figure whose people attack before the killing verb is the attackers
(FIGURE_AGENT); figures of one list are different people (LIST_SIDES); a figure after a capitalised name in
running text is the name's number (CAPITAL_NAME_NUMBER); "killed a family of four" is four
(FAMILY_OF); "Another ... died" adds (ANOTHER_ADDS); an active verb's victims are a side of
their own, so the attackers' dead told later add to them (ACTIVE_VICTIMS). Sentences written by the team."""

import datetime as dt

import pytest

from count_reading import dead, dead_needs_switch
from sitrep.extract import counts
from sitrep.extract.counts import adds_more, extract_counts, with_named_dead
from sitrep.model import Article
from sitrep.nlp import parse_sentences
from sitrep.pipeline import process


@pytest.mark.parametrize("switch, sentence, expected", [
    ("ACTIVE_TO_DEATH", "a mob beat three suspected cattle thieves to death outside the market", 3),
    ("ACTIVE_TO_DEATH", "the raiders entered the camp, hacking 14 herders to death with machetes", 14),
    ("MORE_PREPS_AFTER_VERB", "six rebels and two guards were killed amidst heavy fighting near the dam", 8),
    ("MORE_PREPS_AFTER_VERB", "five villagers were killed throughout the night in the hills", 5),
    ("SPACED_DASH_NOT_NAME", "bandits stormed a farming village - 11 were killed in the raid", 11),
    ("YEAR_NOT_FIGURE", "A local councillor and 2022 mayoral candidate was shot dead outside his shop.", 1),
    ("DOWN_SHOOTS_ONLY", "A school was shelled and a grain store burned down.", 0),
    ("CAPITAL_NAME_NUMBER", "On 3 June 2024, in Carrefour - Riviere 12, Ouest, a driver was shot dead near the market.", 1),
    ("CAPITAL_NAME_NUMBER", "gunmen raided homes along Route #2 and killed at least four people", 4),
    ("FAMILY_OF", "the soldiers opened fire on a minibus, killing a family of four people on their way home", 4),
    ("FIGURE_AGENT", "the Red Hawks and the 7 Stars gang attacked villagers and killed at least 12 people", 12),
])
def test_dead_with_switch(monkeypatch, switch, sentence, expected):
    dead_needs_switch(monkeypatch, switch, sentence, expected)


@pytest.mark.parametrize("sentence, expected", [
    ("the court sentenced two smugglers to death on Monday", 0),  # a sentence, not a killing
    ("a soldier was gunned down at the checkpoint", 1),  # "down" after a shooting verb kills
    ("police shot two robbers dead near the bank", 2),
    ("Fighting in Sector 9 left three soldiers injured", 0),  # a name's number stays a name
    ("the 2021 clashes between the two clans killed 40 people", 40),
    ("Four traders, including a woman, were charred to death when the gunmen torched the bus.", 4),
    ("One minor was killed in the crossfire.", 1),
    ("Gunmen Kill 6, Abduct 2 In Market Raid", 6),  # a Title Case headline's figure stays a count
    ("In Kasai 9 people were killed overnight.", 9),  # people follow: a count, not a name  # the year is no figure, the count is
])
def test_counts_held(sentence, expected):
    assert dead(sentence) == expected


def test_another_adds(monkeypatch):
    sentence = "Another farmer and his son died later in hospital."
    c = extract_counts(sentence)
    doc = next(iter(parse_sentences([sentence])))
    c = with_named_dead(c, doc, sentence)
    assert c.killed == 2
    assert adds_more(sentence, c)
    monkeypatch.setattr(counts, "ANOTHER_ADDS", 0)
    assert not adds_more(sentence, c)


def test_another_without_dead_adds_nothing():
    sentence = "Another convoy reached the town later in the day."
    assert not adds_more(sentence, extract_counts(sentence))


def _fatalities(text: str) -> int:
    events = process([Article(id="t", text=text, published=dt.date(2023, 5, 12))])[0]
    assert events
    return max(events, key=lambda e: e.confidence).fatalities


NOTE_ANOTHER = ("On 7 May 2023, Russian forces shelled a clinic in Kherson city. Two people, including a "
                "nurse, were killed, 8 wounded. Another elderly man and his wife died later in a hospital.")
NOTE_ATTACKERS = ("On 8 May 2023, armed militants attacked the village of Tera and killed three people, "
                  "including two guards and a trader. Five militants were killed when the guards fought back.")


@pytest.mark.parametrize("switch, text, on, off", [
    ("ANOTHER_ADDS", NOTE_ANOTHER, 4, 2),
    ("ACTIVE_VICTIMS", NOTE_ATTACKERS, 8, 3),
])
def test_note_fatalities_with_switch(monkeypatch, switch, text, on, off):
    assert _fatalities(text) == on
    monkeypatch.setattr(counts, switch, 0)
    assert _fatalities(text) == off


def test_list_sides(monkeypatch):
    sentence = "three suspected raiders of one clan or the other and two policemen were killed near the well"
    c = extract_counts(sentence)
    assert c.killed == 5 and c.killed_by == {"state": 2, "unsaid": 3}
    monkeypatch.setattr(counts, "LIST_SIDES", 0)
    assert extract_counts(sentence).killed_by == {"state": 2, "total": 3}


def test_active_victims_side():
    c = extract_counts("gunmen stormed the market and killed six people")
    assert c.killed_by == {"victims": 6}
    c = extract_counts("six people died in the attack")
    assert c.killed_by == {"total": 6}


def test_the_encoder_leaves_a_core_to_the_parse(monkeypatch):
    """encoder_openvino.BESIDE_THREADS: OpenVINO's CPU plugin is compiled with one thread fewer
    than the process's cores (the encoder runs beside the parse), never fewer than one."""
    from sitrep.extract import encoder, encoder_onnx, encoder_openvino

    monkeypatch.setenv("SITREP_THREADS", "2")
    assert encoder_onnx.threads() == 2 and encoder_openvino.encoder_threads() == 1
    runner = encoder.OpenVinoEncoder().runner
    assert runner.compiled.get_property("INFERENCE_NUM_THREADS") == 1
    monkeypatch.setenv("SITREP_THREADS", "1")
    assert encoder_openvino.encoder_threads() == 1
    monkeypatch.setenv("SITREP_THREADS", "2")
    monkeypatch.setattr(encoder_openvino, "BESIDE_THREADS", 0)
    assert encoder_openvino.encoder_threads() == 2
    assert encoder.OpenVinoEncoder().runner.compiled.get_property("INFERENCE_NUM_THREADS") == 2
