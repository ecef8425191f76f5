"""Session 40 (lead): tolls that the sentence-level count missed or misread on the tune split's
rows: a toll followed by what the killing left ("leaving eight wounded"), an age read as a count
("aged 13"), a figure after a month that already has its day ("02 Oct. 6 people"), a unit's
number ("LID 33"), and single people of any occupation joined into a toll ("a policeman and a
customs interpreter"). Sentences are the team's own, with invented or changed names."""

from __future__ import annotations

import datetime as dt

import pytest

import sitrep.extract.counts as counts
from sitrep.extract.counts import extract_counts
from sitrep.extract.events import extract
from sitrep.model import Article


def _killed(sentence: str) -> int:
    return extract_counts(sentence).killed


def test_a_toll_followed_by_what_it_left_counts(monkeypatch):
    sentence = "Troops fired on the market of Tan Gyi and 5 traders were killed leaving nine others wounded."
    c = extract_counts(sentence)
    assert (c.killed, c.injured) == (5, 9)
    monkeypatch.setattr(counts, "KILLED_LEAVING", 0)
    assert _killed(sentence) == 0


@pytest.mark.parametrize("sentence, killed", [
    ("A girl aged 13 was shot and killed by soldiers near Loi Kaw.", 1),
    ("Two men, aged 34 and 51, were killed by gunmen at a farm outside Kibwe.", 2),
    ("Five pupils, ages 15-17, died when gunmen fired on their bus near Kibwe.", 5),
])
def test_an_age_is_no_count(monkeypatch, sentence, killed):
    assert _killed(sentence) == killed
    monkeypatch.setattr(counts, "AGE_NOT_COUNT", 0)
    assert _killed(sentence) != killed


def test_a_figure_after_a_dated_month_is_a_count(monkeypatch):
    sentence = "04 Nov. 6 people killed in the raid on Elgade village by a clan militia."
    assert _killed(sentence) == 6
    monkeypatch.setattr(counts, "DAY_HAS_MONTH", 0)
    assert _killed(sentence) == 0


def test_a_day_does_not_take_the_verb_from_the_figure_after_it(monkeypatch):
    sentence = "On Nov. 6 two herders were killed near Elgade."
    assert _killed(sentence) == 2
    monkeypatch.setattr(counts, "NAME_OR_DAY_SKIPPED", 0)
    assert _killed(sentence) == 0


def test_a_units_number_is_no_count():
    sentence = "Soldiers of LID 33 opened fire on a village and 5 people were killed."
    assert _killed(sentence) == 5


def test_single_people_of_any_occupation_join_the_toll(monkeypatch):
    sentence = "Gunmen riding a scooter gunned down a customs officer and a translator near Dorou."
    assert _killed(sentence) == 2
    # a word that only begins a compound is no person: "a vigilante-style attack"
    assert _killed("Two dealers were gunned down in a vigilante-type raid by masked men in Barangay Sto.") == 2
    monkeypatch.setattr(counts, "MORE_PERSON_NOUNS", 0)
    assert _killed(sentence) == 1


def test_the_pipeline_reads_the_toll_after_the_fire():
    text = ("On 3 April 2019, in Kyauk Taw Township, Rakhine State, soldiers opened fire on a village"
            " and 4 farmers were killed leaving seven others wounded.")
    [events] = extract([Article(id="t", title="", text=text, published=dt.date(2019, 4, 10))])
    assert [e.fatalities for e in events] == [4]


def test_a_singular_verb_has_one_dead_whatever_the_parse_hangs_on_it(monkeypatch):
    from sitrep.extract.counts import with_named_dead
    from sitrep.nlp import load_nlp

    text = "On Monday, in Sector 4, Kaya City, a teacher was killed by gunmen."
    doc = load_nlp()(text)
    assert with_named_dead(extract_counts(text), doc, text).killed == 1
    monkeypatch.setattr(counts, "ONE_PATIENT_PER_WAS", 0)
    assert with_named_dead(extract_counts(text), doc, text).killed == 2


def test_the_town_told_back_is_the_last_one_named(monkeypatch):
    import sitrep.extract.events as events

    text = ("The militants were driven out of their headquarters in Raqqa in October. Government troops"
            " have since pushed east along the Euphrates. After months of fighting, the militants lost"
            " their hold on Mayadin. The town was retaken on Tuesday by army units and allied militias,"
            " a military source said.")

    def retaken():
        [evs] = extract([Article(id="t", title="", text=text, published=dt.date(2017, 11, 8))])
        return [e.location for e in evs if e.sub_event_type == "Government regains territory"]

    assert retaken() == ["Mayadin"]
    monkeypatch.setattr(events, "THE_CITY_BEFORE", 0)
    assert retaken() != ["Mayadin"]


def test_a_bomber_told_by_a_reflexive_counts_with_the_figure_joined_to_it(monkeypatch):
    sentence = "A woman set off a bomb in her house, killing herself and her two sons as police waited outside."
    assert _killed(sentence) == 3
    assert _killed("The attacker killed himself and four guards at the gate.") == 5
    from sitrep.extract.counts import with_named_dead
    from sitrep.nlp import load_nlp

    wounded = "The bomber blew himself up, killing himself and wounding 12 others."
    c = with_named_dead(extract_counts(wounded), load_nlp()(wounded), wounded)
    assert (c.killed, c.injured) == (1, 12)  # the wounded are no dead: the bomber alone, from the parse
    monkeypatch.setattr(counts, "REFLEXIVE_AND", 0)
    assert _killed(sentence) != 3


def test_one_more_person_joined_to_the_seized_counts_with_them(monkeypatch):
    sentence = "Gunmen stopped a bus near Kossi, seized three traders and a village chief, and executed them."
    assert _killed(sentence) == 4
    assert _killed("Gunmen seized three traders and a lorry near Kossi and executed them.") == 3
    monkeypatch.setattr(counts, "THEM_AND_ONE", 0)
    assert _killed(sentence) == 3


def test_a_k_a_does_not_end_a_sentence():
    from sitrep.nlp import split_sentences

    text = "On 3 May 2024, members of the Ti Pyè gang (a.k.a. Bwa Nwa gang) raided Morvane. Two people died."
    assert [s.text for s in split_sentences(text)][1] == "Two people died."
    assert len(split_sentences(text)) == 2


def test_the_people_listed_among_the_seized_are_no_more_dead():
    sentence = ("Soldiers abducted two herders of the valley, including the headman of Kossi and a teacher,"
                " and executed them.")
    assert _killed(sentence) == 2


@pytest.mark.parametrize("town, province", [("Ambato", "Tungurahua"), ("Tena", "Napo")])
def test_ecuadors_napo_and_tungurahua_are_on_their_own_polygons(town, province):
    # Natural Earth's names of the two provinces sat on each other's polygons (scripts/derive_admin1.py
    # NAME_FIXES mends them in the packaged admin1.json.gz)
    text = f"On 3 May 2023, protesters blocked the main road in {town}, Ecuador, demanding lower fuel prices."
    [events] = extract([Article(id="t", title="", text=text, published=dt.date(2023, 5, 10))])
    assert [(e.location, e.admin1) for e in events] == [(town, province)]
