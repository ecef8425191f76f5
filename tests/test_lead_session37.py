"""Session 37 (lead): the dead of one sentence that add up; a riot's own firing in a long report.
Sentences written for these tests, about invented incidents."""

import datetime as dt

from event_reading import events_of
from sitrep.extract import counts as counts_module
from sitrep.extract import events as events_module
from sitrep.extract.counts import extract_counts

PUB = dt.date(2024, 5, 10)
RIOT_PUB = dt.date(2019, 9, 12)

# --- counts.SENTENCE_SIDES: figures of one sentence that add up, one told with no side

SIDED_AND_MORE = ("On 6 May 2024, militiamen stormed a hamlet near Tamba. "
                  "Five villagers were killed at once and three more died later at the clinic.")


def test_figures_of_one_sentence_that_add_up_all_count(monkeypatch):
    assert extract_counts("Three policemen and six others were killed at the checkpoint.").killed == 9
    evs = events_of(SIDED_AND_MORE, PUB, monkeypatch)
    assert max(e.fatalities for e in evs) == 8, [(e.sub_event_type, e.fatalities) for e in evs]
    monkeypatch.setattr(counts_module, "SENTENCE_SIDES", 0)
    off = events_of(SIDED_AND_MORE, PUB, monkeypatch)
    assert max(e.fatalities for e in off) != 8


def test_one_toll_told_twice_is_still_the_lowest():
    c = extract_counts("Five villagers were killed, though local officials put the toll at eight.")
    assert c.killed == 5


# --- counts.ORDINAL_MORE: "two died on the spot and a third succumbed"

ORDINAL = "Two porters died on the spot and a third succumbed to his wounds at the clinic."


def test_an_ordinal_one_past_the_figure_is_one_more(monkeypatch):
    assert extract_counts(ORDINAL).killed == 3
    assert extract_counts("Two guards were shot dead at the gate, and the third one later died in hospital.").killed == 3
    monkeypatch.setattr(counts_module, "ORDINAL_MORE", 0)
    assert extract_counts(ORDINAL).killed == 2


def test_an_ordinal_that_is_not_the_next_adds_nothing():
    assert extract_counts("Two porters died, the third such attack this month.").killed == 2


# --- events.POLICE_FIRE_HERE: in a long report, a firing with no place of its own told right after a
# riot is that riot's firing

ROUNDUP = (
    'Curfew was imposed in parts of Ranipur and Sitapur on Wednesday night after violence broke out in both towns during religious processions. '
    'In Ranipur, members of two communities hurled stones at each other near the vegetable market on Wednesday afternoon. '
    'At least a dozen shops and three handcarts were set on fire before reinforcements reached the area. '
    'The police burst tear gas shells to disperse the crowds, and nobody was reported dead in the town. '
    'In Sitapur, some 300 kilometres away, a mob laid siege to the police station on Wednesday evening demanding the release of two youths detained earlier. '
    'When the crowd began throwing petrol bombs at the building, the police opened fire, killing two men and wounding five. '
    'A sub-inspector and four constables were also hurt in the stone pelting. '
    'District collector R. Vaidya said the firing was ordered only after the mob tried to set the police station ablaze. '
    'Officials said 45 people had been taken into custody in Ranipur and 30 in Sitapur by Thursday morning. '
    'Internet services were suspended in both towns for 48 hours. '
    'Additional companies of the State Reserve Police Force were rushed in from the divisional headquarters. '
    'Community leaders met the police commissioner on Thursday and appealed for calm. '
    'The chief minister announced an inquiry by a retired judge into the Sitapur firing. '
    'Both towns have a history of tension during festival processions, and shops remained shut on Thursday.')


def test_a_firing_with_no_place_of_its_own_is_the_riot_before(monkeypatch):
    evs = events_of(ROUNDUP, RIOT_PUB, monkeypatch)
    dead = {e.location: e.fatalities for e in evs if e.event_type == "Riots"}
    assert dead.get("Sitapur") == 2 and not dead.get("Ranipur"), [(e.location, e.sub_event_type, e.fatalities) for e in evs]
    monkeypatch.setattr(events_module, "POLICE_FIRE_HERE", 0)
    off = events_of(ROUNDUP, RIOT_PUB, monkeypatch)
    assert {e.location: e.fatalities for e in off if e.event_type == "Riots"}.get("Sitapur") != 2


# --- lexicon dead_named_again: "one of the dead was ...", "the victims included ..." name the dead
# told before again, no conflicting lower figure

PART_OF_DEAD = ("Two people were killed and nine hurt in a clash between two groups in Tamba village on Tuesday. "
                "One of the dead was a farmer hit by a pellet, and the other was killed by a blow to the head.")


def test_a_part_of_the_dead_named_again_keeps_the_toll(monkeypatch):
    evs = events_of(PART_OF_DEAD, PUB, monkeypatch)
    assert max(e.fatalities for e in evs) == 2, [(e.sub_event_type, e.fatalities) for e in evs]
    monkeypatch.setattr(events_module, "DEAD_NAMED_AGAIN", 0)
    monkeypatch.setattr(events_module, "TOTAL_OVER_PART", 0)  # session 41: also keeps this toll
    assert max(e.fatalities for e in events_of(PART_OF_DEAD, PUB, monkeypatch)) != 2


def test_parts_of_the_dead_are_read_as_named_again():
    from sitrep.extract.lexicons import regex
    again = regex("dead_named_again")
    assert again.search("among the dead were two nurses.")
    assert again.search("the victims included a schoolteacher.")
    assert not again.search("the dead rose to 40 by evening.")
    assert not again.search("two of the attackers were killed.")


# --- counts.PLACES_NOT_PEOPLE: a dateline's city hung on the killing verb is not one more dead

DATELINE = "KAMPALA, March 3 - Three people were shot dead in Masaka on Sunday as soldiers dispersed traders, residents said."


def test_a_datelines_city_is_not_a_dead_person(monkeypatch):
    evs = events_of(DATELINE, dt.date(2024, 3, 4), monkeypatch)
    assert [e.fatalities for e in evs] == [3]
    monkeypatch.setattr(counts_module, "PLACES_NOT_PEOPLE", 0)
    assert [e.fatalities for e in events_of(DATELINE, dt.date(2024, 3, 4), monkeypatch)] != [3]


# --- classify.VIOLENT_CROWD_NOT_EXCESSIVE: the police fired on a crowd that threw stones and burned
# vans: a violent demonstration, not excessive force against protesters

STONING_CROWD = ("On 2 April 2024, police opened fire on a crowd blocking the highway near Masaka, killing two "
                 "demonstrators. The demonstrators had set fire to a police van and hurled stones at the officers.")


def test_a_crowd_that_threw_stones_is_a_violent_demonstration(monkeypatch):
    from sitrep.extract import classify
    evs = events_of(STONING_CROWD, dt.date(2024, 4, 3), monkeypatch)
    assert [e.sub_event_type for e in evs] == ["Violent demonstration"], [(e.sub_event_type, e.actor1) for e in evs]
    monkeypatch.setattr(classify, "VIOLENT_CROWD_NOT_EXCESSIVE", 0)
    off = events_of(STONING_CROWD, dt.date(2024, 4, 3), monkeypatch)
    assert [e.sub_event_type for e in off] != ["Violent demonstration"]


def test_police_firing_on_a_peaceful_crowd_stays_excessive_force(monkeypatch):
    calm = ("On 2 April 2024, police opened fire on farmers sitting on the highway near Masaka, killing two. "
            "Witnesses said the farmers were singing and shouting slogans when the police arrived.")
    assert [e.sub_event_type for e in events_of(calm, dt.date(2024, 4, 3), monkeypatch)] == ["Excessive force against protesters"]


# --- events.CROWD_ONE_EVENT: the crowd told violent and told fired on at one place and day is one
# violent demonstration

def _crowd_event(sub, actor1, inter1, dead):
    from sitrep.model import Event
    return Event(article_id="a", event_date=dt.date(2024, 6, 9), time_precision=1, event_type=(
        "Riots" if sub == "Violent demonstration" else "Protests"), sub_event_type=sub, actor1=actor1, inter1=inter1,
        actor2="Police Forces of Uganda", inter2=1, iso="UG", country="Uganda", location="Kasese",
        latitude=0.18, longitude=30.08, geo_precision=1, fatalities=dead)


def test_a_crowd_fired_on_and_violent_is_one_event(monkeypatch):
    from types import SimpleNamespace
    draft = SimpleNamespace(tally=False, state_fire=False, date=None)
    pairs = [(_crowd_event("Violent demonstration", "Rioters (Uganda)", 5, 1), draft),
             (_crowd_event("Excessive force against protesters", "Protesters (Uganda)", 6, 4), draft)]
    kept = events_module._one_per_event(pairs)
    assert [(e.sub_event_type, e.actor1) for e in kept] == [("Violent demonstration", "Rioters (Uganda)")]
    pairs = [(_crowd_event("Excessive force against protesters", "Protesters (Uganda)", 6, 4), draft),
             (_crowd_event("Violent demonstration", "Rioters (Uganda)", 5, 1), draft)]
    assert [(e.sub_event_type, e.actor1, e.fatalities) for e in events_module._one_per_event(pairs)] == [
        ("Violent demonstration", "Rioters (Uganda)", 4)]
    monkeypatch.setattr(events_module, "CROWD_ONE_EVENT", 0)
    pairs = [(_crowd_event("Excessive force against protesters", "Protesters (Uganda)", 6, 4), draft),
             (_crowd_event("Violent demonstration", "Rioters (Uganda)", 5, 1), draft)]
    assert len(events_module._one_per_event(pairs)) == 2


def test_the_firing_told_right_after_a_riot_is_that_riot(monkeypatch):
    from test_detect_session36 import PUB as RIOT36_PUB
    from test_detect_session36 import RIOT_THEN_FIRE

    riots = [e for e in events_of(RIOT_THEN_FIRE, RIOT36_PUB, monkeypatch) if e.event_type == "Riots"]
    assert [e.fatalities for e in riots] == [2], [(e.sub_event_type, e.fatalities) for e in riots]


def test_a_riot_the_police_fired_on_is_their_killing_for_a_tally(monkeypatch):
    # "Police opened fire on a mob of rioters, killing four" is a violent demonstration since
    # VIOLENT_CROWD_NOT_EXCESSIVE; the tally of police firing still folds its dead
    from test_detect_session35 import DAY_THEN_TALLY
    from test_detect_session35 import PUB as TALLY_PUB

    evs = events_of(DAY_THEN_TALLY.format(n=17), TALLY_PUB, monkeypatch)
    assert sum(e.fatalities for e in evs) == 17, [(e.sub_event_type, e.fatalities) for e in evs]
    off = events_of(DAY_THEN_TALLY.format(n=17), TALLY_PUB, monkeypatch, VIOLENT_CROWD_FIRED=0)
    assert sum(e.fatalities for e in off) == 21


# --- counts.VAGUE_GIVES_WAY: "killed dozens" then "officials put the toll at 200": the figure

VAGUE_THEN_FIGURE = ("On 18 June 2022, gunmen killed dozens of villagers in Tamba village (Kora district, Oromia). "
                     "Local elders put the toll at 140.")


def test_a_word_of_quantity_gives_way_to_a_figure(monkeypatch):
    evs = events_of(VAGUE_THEN_FIGURE, dt.date(2022, 6, 20), monkeypatch)
    assert [e.fatalities for e in evs] == [140], [(e.sub_event_type, e.fatalities) for e in evs]
    assert extract_counts("Gunmen killed dozens of villagers.").vague
    assert not extract_counts("Gunmen killed 40 villagers.").vague
    monkeypatch.setattr(counts_module, "VAGUE_GIVES_WAY", 0)
    assert [e.fatalities for e in events_of(VAGUE_THEN_FIGURE, dt.date(2022, 6, 20), monkeypatch)] == [12]


def test_conflicting_figures_still_take_the_lowest(monkeypatch):
    text = ("On 18 June 2022, gunmen killed 150 villagers in Tamba village (Kora district, Oromia). "
            "Local elders put the toll at 140.")
    assert [e.fatalities for e in events_of(text, dt.date(2022, 6, 20), monkeypatch)] == [140]


# --- events.TOLL_PHRASE_NAMES: "sources put the toll at 12, most of them soldiers" is the toll of the
# act before, though it names the side of the dead

TOLL_WITH_SIDE = ("On 4 February 2024, rebels and army troops fought for several hours around Merawi town "
                  "(Mecha district, Amhara). Sources put the toll at 9, most of them soldiers.")


def test_a_toll_naming_the_side_of_its_dead_is_the_toll_before(monkeypatch):
    assert [e.fatalities for e in events_of(TOLL_WITH_SIDE, dt.date(2024, 2, 6), monkeypatch)] == [9]
    monkeypatch.setattr(events_module, "TOLL_PHRASE_NAMES", 0)
    assert [e.fatalities for e in events_of(TOLL_WITH_SIDE, dt.date(2024, 2, 6), monkeypatch)] == [0]


# --- lexicon death_as_cause: a riot's acts "after a classmate died in custody": the grievance's dead

def test_a_riots_grievance_dead_are_not_its_toll(monkeypatch):
    text = ("Students burned a police car and threw stones at officers in Harar on Thursday after a classmate "
            "died in custody, witnesses said. Police fired into the air to disperse them.")
    evs = events_of(text, dt.date(2024, 2, 3), monkeypatch)
    assert evs and all(e.fatalities == 0 for e in evs), [(e.sub_event_type, e.fatalities) for e in evs]
