"""Session 36 (lead): the dead of one act told over several sentences. Sentences written for these
tests, about invented incidents in invented or generic places."""

import datetime as dt

from event_reading import events_of
from sitrep.extract import counts as counts_module
from sitrep.extract.counts import adds_more, extract_counts

PUB = dt.date(2024, 5, 10)

# --- counts.THEM_KILLED_COMMA: the seized, a list, a comma, then "killed them"

LISTED_SEIZED = ("On 3 May 2024, soldiers abducted three elders of the herding community, including the chief "
                 "of Tamba, the imam of the market and a teacher, executed them and left their bodies by the road.")


def test_the_seized_told_with_a_list_and_a_comma_are_the_dead(monkeypatch):
    assert extract_counts(LISTED_SEIZED).killed == 3
    assert extract_counts("Gendarmes seized four traders at the well, shot them dead and burned the stalls.").killed == 4
    monkeypatch.setattr(counts_module, "THEM_KILLED_COMMA", 0)
    assert extract_counts(LISTED_SEIZED).killed != 3


def test_the_seized_questioned_are_no_dead():
    assert extract_counts("Police arrested five men at the bus park, questioned them and released them.").killed == 0


# --- counts.MORE_ADDS: "five more militants were found dead" adds to the dead told before

MORE_DEAD = ("On 5 May 2024, fighters raided a police post in Tamba. The police repelled them and killed 7 fighters. "
             "One officer was also killed and five others were wounded. Five more fighters were found dead in the "
             "bush three days after the attack.")


def test_more_dead_told_later_add_up(monkeypatch):
    evs = events_of(MORE_DEAD, PUB, monkeypatch)
    assert max(e.fatalities for e in evs) == 13, [(e.sub_event_type, e.fatalities) for e in evs]
    monkeypatch.setattr(counts_module, "MORE_ADDS", 0)
    off = events_of(MORE_DEAD, PUB, monkeypatch)
    assert max(e.fatalities for e in off) < 13


def test_more_than_is_no_addition():
    assert adds_more("Five more fighters were found dead.")
    assert adds_more("Two other soldiers died of their wounds.")
    assert not adds_more("The army said it killed more than 10 fighters.")
    assert not adds_more("One officer was killed.")


def test_a_lower_figure_of_the_same_dead_still_takes_the_lowest(monkeypatch):
    text = ("Soldiers killed 12 fighters near Tamba on Monday. The army said it killed more than "
            "10 fighters in the operation.")
    evs = events_of(text, PUB, monkeypatch)
    assert max(e.fatalities for e in evs) == 10


# --- events.ACT_NAMED_AGAIN: "three were killed during the clashes" is the riot's dead

RIOT_DEAD = ("Riots broke out in Nakuru on Monday, with youths burning tyres, blocking roads and fighting "
             "the police. Three people were killed during the clashes.")


def test_the_dead_of_an_act_named_again_join_it(monkeypatch):
    evs = events_of(RIOT_DEAD, PUB, monkeypatch)
    assert len(evs) == 1, [(e.sub_event_type, e.fatalities) for e in evs]
    assert evs[0].sub_event_type == "Violent demonstration" and evs[0].fatalities == 3
    off = events_of(RIOT_DEAD, PUB, monkeypatch, ACT_NAMED_AGAIN=0)
    assert len(off) == 2


def test_an_act_of_another_day_named_again_stays_apart(monkeypatch):
    text = ("Riots broke out in Nakuru on Monday, with youths burning tyres and fighting the police. "
            "On Thursday, gunmen killed two herders in an attack in Marigat.")
    evs = events_of(text, PUB, monkeypatch)
    assert len(evs) == 2, [(e.sub_event_type, e.fatalities) for e in evs]


def test_other_wounded_are_no_more_dead():
    text = "Two children were killed and five other people wounded when shells struck the market."
    assert not adds_more(text, extract_counts(text))
    text = "Five more fighters were found dead in the bush."
    assert adds_more(text, extract_counts(text))


# --- counts.DIED_OF: "died of their wounds" is a death

def test_died_of_wounds_is_a_death(monkeypatch):
    c = extract_counts("Two soldiers died of their wounds in hospital.")
    assert (c.killed, c.injured) == (2, 0)
    monkeypatch.setattr(counts_module, "DIED_OF", 0)
    c = extract_counts("Two soldiers died of their wounds in hospital.")
    assert c.killed == 0


# --- events.TOLL_PASSIVE: "At least one person was killed." after the act is its toll

COLUMN_FIRING = ("On 6 March 2022, a column of troops moved through a village of Marinka district, firing "
                 "at the houses. At least one person was killed.")


def test_a_passive_toll_naming_no_one_joins_the_act_before(monkeypatch):
    evs = events_of(COLUMN_FIRING, dt.date(2022, 3, 10), monkeypatch)
    assert len(evs) == 1 and evs[0].fatalities == 1, [(e.sub_event_type, e.fatalities) for e in evs]
    off = events_of(COLUMN_FIRING, dt.date(2022, 3, 10), monkeypatch, TOLL_PASSIVE=0, MOVE_THEN_VIOLENCE=0,
                    OTHER_BESIDE_VIOLENCE=0)  # session 40: else the move read as "Other" is dropped
    assert len(off) == 2


# --- events.ARRESTED_KILLED: the arrested, then killed, make one attack

ARREST_THEN_EXECUTED = ("On 11 May 2020, gendarmes detained about 30 people in Kpando, most of them herders. "
                        "At least nine were reportedly beaten and then summarily executed in Kpando.")


def test_the_arrested_killed_after_make_an_attack(monkeypatch):
    evs = events_of(ARREST_THEN_EXECUTED, dt.date(2020, 5, 20), monkeypatch)
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Attack", 9)], \
        [(e.sub_event_type, e.fatalities) for e in evs]
    assert evs[0].actor1.startswith("Police Forces")
    off = events_of(ARREST_THEN_EXECUTED, dt.date(2020, 5, 20), monkeypatch, ARRESTED_KILLED=0)
    assert {e.sub_event_type for e in off} == {"Arrests", "Attack"}


def test_the_arrested_killed_by_others_another_day_stay_apart(monkeypatch):
    text = "Police arrested 12 protesters in Kisumu on Monday. Two were killed by unknown gunmen the next day."
    evs = events_of(text, dt.date(2020, 5, 20), monkeypatch)
    assert {e.sub_event_type for e in evs} == {"Arrests", "Attack"}


# --- events.MOVE_THEN_VIOLENCE: an operation, then the fighting of it

OPERATION_THEN_FIRE = ("On 2 March 2024, soldiers conducted a search operation in Qansax village near Dinsoor (Bay). "
                       "Both sides exchanged gunfire. At least three militants were killed.")


def test_an_operation_then_its_fighting_is_one_clash(monkeypatch):
    evs = events_of(OPERATION_THEN_FIRE, dt.date(2024, 3, 9), monkeypatch)
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Armed clash", 3)], \
        [(e.sub_event_type, e.fatalities) for e in evs]
    off = events_of(OPERATION_THEN_FIRE, dt.date(2024, 3, 9), monkeypatch, MOVE_THEN_VIOLENCE=0,
                    OTHER_BESIDE_VIOLENCE=0)  # session 40: else the move read as "Other" is dropped
    assert [e.sub_event_type for e in off] == ["Other", "Armed clash"]


# --- events.FORCES_FIRE_ON_CROWD: in a brief, the police firing on the crowd told just before

PROTEST_FIRED_ON = ("Market traders gathered outside the district court in Hohoe on Monday and demanded the "
                    "release of a colleague. Police responded with gunfire and killed a trader.")


def test_forces_firing_on_the_crowd_of_a_brief_are_its_event(monkeypatch):
    evs = events_of(PROTEST_FIRED_ON, PUB, monkeypatch)
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Excessive force against protesters", 1)], \
        [(e.sub_event_type, e.fatalities) for e in evs]
    assert evs[0].actor1.startswith("Protesters") and evs[0].actor2.startswith("Police Forces")
    off = events_of(PROTEST_FIRED_ON, PUB, monkeypatch, FORCES_FIRE_ON_CROWD=0)
    assert len(off) == 2


def test_forces_firing_on_another_day_stay_apart(monkeypatch):
    text = ("Hundreds of students marched peacefully in Kumasi on Monday to demand lower fees. "
            "On Wednesday, police opened fire on gunmen at a checkpoint in Obuasi, killing two.")
    evs = events_of(text, PUB, monkeypatch)
    assert len(evs) == 2, [(e.sub_event_type, e.fatalities) for e in evs]


def test_forces_named_in_a_demand_of_the_crowd_use_no_force_on_it(monkeypatch):
    text = ("Hundreds of villagers rallied in Kumasi on Monday against the closure of the hospital. "
            "They demanded that the soldiers return the two herders they abducted.")
    evs = events_of(text, PUB, monkeypatch)
    assert evs and evs[0].sub_event_type == "Peaceful protest", [(e.sub_event_type, e.fatalities) for e in evs]


# --- events.DEAD_NAMED_AGAIN: "The vendor was killed for ..." names a dead person again

VENDOR_AGAIN = ("A policeman and a market vendor were killed by unidentified armed men in Dauis town on "
                "1 March 2018. The vendor was killed for asking for a fee.")


def test_a_dead_person_named_again_does_not_lower_the_toll(monkeypatch):
    evs = events_of(VENDOR_AGAIN, dt.date(2018, 3, 8), monkeypatch)
    assert [e.fatalities for e in evs] == [2], [(e.sub_event_type, e.fatalities) for e in evs]
    off = events_of(VENDOR_AGAIN, dt.date(2018, 3, 8), monkeypatch, DEAD_NAMED_AGAIN=0)
    assert [e.fatalities for e in off] == [1]


def test_a_source_figure_and_a_revised_toll_still_lower_it(monkeypatch):
    for second in ("The police said three were killed.", "The death toll was later revised to three."):
        text = "Gunmen killed five villagers in Dauis town on 1 March 2018. " + second
        evs = events_of(text, dt.date(2018, 3, 8), monkeypatch)
        assert [e.fatalities for e in evs] == [3], (second, [(e.sub_event_type, e.fatalities) for e in evs])


# --- roles.MOB_STATE_HIT_ONLY on, with "firing" a word of force after the force

def test_police_firing_on_a_mob_keep_the_police_as_its_other_side():
    from sitrep.extract import roles
    assert roles.MOB_STATE_HIT_ONLY
    assert roles._FORCE_AFTER.match(" firing killed two rioters")


# --- locate.SUPPLEMENT_NOT_ACROSS_BORDER: "near Kolbio, Lamu County" is Kenya's, not Somalia's Kolbiyow

def test_a_town_set_in_a_province_abroad_is_not_the_supplement_entry_across_the_border(monkeypatch):
    from sitrep.geo import locate
    text = "On 9 March 2019, gunmen ambushed a police patrol near Kolbio, Lamu County."
    evs = events_of(text, dt.date(2019, 3, 12), monkeypatch)
    assert evs and evs[0].country == "Kenya", [(e.location, e.country) for e in evs]
    monkeypatch.setattr(locate, "SUPPLEMENT_NOT_ACROSS_BORDER", False)
    evs = events_of(text, dt.date(2019, 3, 12), monkeypatch)
    assert evs and evs[0].country == "Somalia"
