"""Fatalities by ACLED's rules (issue 11), night session of 2026-12-05: a coder's note on the
figure, deaths told as a cause, two-word killings, singular people joined to a figure, and a
sentence that only tells the dead. Every sentence here was written for these tests."""

import datetime as dt

import pytest

from sitrep.extract import counts as counts_mod
from sitrep.extract.counts import coded_fatalities, extract_counts, with_named_dead
from sitrep.extract.lexicons import pattern


@pytest.mark.parametrize("text,killed,when,place,expected", [
    ("Rebels and troops fought near the ford. Unknown fatalities coded as 10.", 0, None, "", 10),
    ("Jets bombed a camp, killing an unknown number. Unspecified militant fatalities coded as 10.", 0, None, "", 10),
    # the coder's total shared out over the events it was split across
    ("Unknown fatalities coded as 10. Fatalities are split across two events on 3 May in Alpha "
     "(5) and 4 May in Beta (5).", 0, None, "", 5),
    ("Six herders were killed in three hamlets. Fatalities split across three events.", 6, None, "", 2),
    ("Four traders were shot (fatalities divided in 2 locations).", 4, None, "", 2),
    ("[4 fatalities split among 5 events].", 4, None, "", 1),
    ("At least 15 fatalities split into five clashes recorded over three days.", 0, None, "", 3),
    # an explicit figure for this event wins over the split
    ("There were 7 fatalities split across two events (4,3), coded 4 fatalities in this event.", 7, None, "", 4),
    # of several days' figures, the event's own
    ("The battle went on (5 fatalities coded for 9 June, 2 fatalities coded for 10 June).", 0,
     dt.date(2010, 6, 10), "", 2),
    ("The siege went on. (6 fatalities are recorded for 12 August.)", 0, dt.date(2016, 8, 12), "", 6),
    ("Fighting went on. (12 fatalities have been divided among the days from Oct 5 to Oct 8.)", 0,
     dt.date(2016, 10, 6), "", 3),
    ("Marchers were fired on. 4 people died. Total 3 fatalities.", 4, None, "", 3),
    # the dead were coded to the event of another place
    ("Shells hit the line; one soldier was killed (fatalities coded to Zorya event).", 1, None, "Kamenka", 0),
    ("Shells hit the line; one soldier was killed (fatalities coded to Zorya event).", 1, None, "Zorya", 1),
    # no note: the report's own toll stands
    ("Gunmen killed three farmers near the well.", 3, None, "", 3),
])
def test_a_coders_note_sets_the_figure(text, killed, when, place, expected):
    assert coded_fatalities(text, killed, when, place) == expected


@pytest.mark.parametrize("text,killed", [
    ("Hundreds of traders rallied in the square, protesting the killing of two drivers by bandits.", 0),
    ("Villagers blocked the road to demand justice for the deceased, a boy of 14.", 0),
    ("The gang raided the hamlet in revenge for the murder of its leader and his nephew, killing four farmers.", 4),
    ("Students marched to honour 30 people killed, mostly by soldiers, over the past year.", 0),
    ("A carpenter was arrested for killing a neighbour in a quarrel.", 0),
    ("Residents set tyres alight after the death of a woman in a road accident.", 0),
    ("After 4 boys were killed in a road accident near the mill, relatives protested at the transport office.", 0),
    ("Following a deadly accident killing a schoolgirl near the village, residents staged a sit-in.", 0),
    ("Hundreds of workers marched and blocked the main ring road against the killing of a guard.", 0),
    ("Mourners carrying the body of a man killed in police firing clashed with police.", 0),
    ("After two soldiers were killed, troops raided the village.", 2),
    # the cause is told, then the event's own toll
    ("Angry over the shooting of a herder, youths attacked the post; two of them were shot dead.", 2),
])
def test_a_death_told_as_a_cause_is_not_the_toll(text, killed):
    assert extract_counts(text).killed == killed


def test_the_cause_lexicon_marks_grievances_not_tolls():
    p = pattern("death_as_cause")
    assert p.search("a sit-in against the killing of a student")
    assert p.search("accused of the murder of two guards")
    assert not p.search("gunmen killed two guards after a quarrel")
    assert not p.search("the attack led to the death of five soldiers")


@pytest.mark.parametrize("text,killed", [
    ("Two shopkeepers were gunned down outside the mosque.", 2),
    ("Three porters were fatally wounded by the blast.", 3),
    ("One of the wounded died on the way to the clinic.", 1),
    ("1 fatality.", 1),
    ("2 fatalities noted and one person hurt.", 2),
    ("One of them was arrested.", 0),
    ("Two hours later the bodies were moved.", 0),
])
def test_two_word_killings_and_one_of_them(text, killed):
    assert extract_counts(text).killed == killed


@pytest.mark.parametrize("text,killed", [
    ("A smuggler and 6 porters were killed in the ambush near the pass.", 7),
    ("Bandits stopped the bus and shot dead the driver and two passengers.", 3),
    ("A militia member and four farmers were shot and killed by unknown gunmen.", 5),
    ("The pharmacist and two customers were killed in the explosion.", 3),
    ("Two soldiers and a civilian were killed.", 3),
    ("Gunmen killed 12 villagers and three soldiers.", 15),
])
def test_singular_people_joined_to_a_figure_count_with_it(parse, text, killed):
    assert with_named_dead(extract_counts(text), parse(text), text).killed == killed


def test_without_the_switches_the_old_figures_come_back(parse, monkeypatch):
    monkeypatch.setattr(counts_mod, "MIXED", 0)
    monkeypatch.setattr(counts_mod, "MORE_PERSON_NOUNS", 0)  # session 40: "a smuggler" is a person by itself too
    text = "A smuggler and 6 porters were killed in the ambush near the pass."
    assert with_named_dead(extract_counts(text), parse(text), text).killed == 6
    monkeypatch.setattr(counts_mod, "CAUSES", 0)
    assert extract_counts("Traders rallied, protesting the killing of two drivers.").killed == 2


def test_a_sentence_that_only_tells_the_dead_joins_the_event_before_it():
    from sitrep.extract.events import extract
    from sitrep.model import Article

    text = ("On 3 March 2019, artillery units of the rebels shelled the outskirts of Hpa-an town, "
            "Kayin State. An old woman died of her wounds.")
    events = extract([Article(id="t", text=text, published=dt.date(2019, 3, 10))])[0]
    assert len(events) == 1 and events[0].fatalities == 1
    text = "On 3 March 2019, the army fought the KNU near Hpa-an town, Kayin State. 4 fatalities."
    events = extract([Article(id="t", text=text, published=dt.date(2019, 3, 10))])[0]
    assert len(events) == 1 and events[0].fatalities == 4
