"""Session 40 (actors5), on invented sentences:

- roles.CLASH_UNNAMED_BOTH: an armed clash whose only side read is an unidentified actor ("armed
  clashes were reported", "rival gang members fought") has that actor on both sides (ACLED).
- roles.TOLD_BACK_GROUP: the side of a clash called back by a definite noun ("clashed with the
  criminals", "engaged the attackers") is the one named armed group the article told before.
- roles.AFFILIATED_GROUP: an unnamed armed side tied by the text to one named group ("said to be
  affiliates of X", "believed to be loyal to X", "likely from the X Gang") is that group.
- roles.MOB_ARMED_VICTIM: the victims of a mob who are members of a named armed group or of an
  unidentified gang ("a crowd lynched a member of the X Gang") are that group, not civilians.
- generic.yaml: "armed group members" are the unidentified armed group; "an unidentified gang" the
  unidentified gang (in the countries where ACLED names gangs).
"""

import datetime as dt
import re

import pytest

from sitrep.extract import roles as roles_module
from sitrep.model import Article
from sitrep.pipeline import process


def _events(text):
    day = dt.datetime.strptime(re.search(r"On (\d+ \w+ \d{4})", text).group(1), "%d %B %Y").date()
    return process([Article(id="t", text=text, published=day + dt.timedelta(days=7), source="")])[0]


def _clash(text):
    return next(e for e in _events(text) if e.sub_event_type == "Armed clash")


UNNAMED = [
    ("On 5 June 2024, in Kenscoff, Ouest, armed clashes were reported in the hills above the town. "
     "Nothing is known of who took part.", "Unidentified Armed Group (Haiti)"),
    ("On 5 June 2023, in Jolo, Sulu, rival gang members fought with rifles near the port. No casualties "
     "were reported.", "Unidentified Armed Group (Philippines)"),
    ("On 7 May 2023, in Kismayo, Lower Juba, unidentified gunmen were involved in a firefight near the "
     "airport. No one was hurt.", "Unidentified Armed Group (Somalia)"),
]


@pytest.mark.parametrize("text,actor", UNNAMED)
def test_an_unnamed_clash_has_the_unidentified_actor_on_both_sides(text, actor):
    ev = _clash(text)
    assert (ev.actor1, ev.actor2) == (actor, actor)
    assert ev.inter1 == ev.inter2 == 3


@pytest.mark.parametrize("text,actor", UNNAMED)
def test_without_the_switch_the_unnamed_clash_had_one_side(monkeypatch, text, actor):
    monkeypatch.setattr(roles_module, "CLASH_UNNAMED_BOTH", 0)
    monkeypatch.setattr(roles_module, "RIVAL_SAME_SIDE", False)  # session 45 fills the same second side
    ev = _clash(text)
    assert (ev.actor1, ev.actor2) == (actor, "")


TOLD_BACK = [
    ("On 9 July 2024, members of the Gran Grif Gang raided the market in Liancourt, Artibonite. Officers "
     "of the national police arrived and clashed with the criminals near the bridge.",
     "Police Forces of Haiti", "Gran Grif Gang"),
    ("On 2 March 2023, Abu Sayyaf gunmen torched a chapel in Patikul, Sulu. Marines later engaged the "
     "attackers in a firefight outside the town.", "Military Forces of the Philippines", "ASG: Abu Sayyaf"),
]


@pytest.mark.parametrize("text,first,second", TOLD_BACK)
def test_the_criminals_told_back_are_the_group_named_before(text, first, second):
    ev = _clash(text)
    assert (ev.actor1, ev.actor2) == (first, second)


@pytest.mark.parametrize("text,first,second", TOLD_BACK)
def test_without_the_switch_the_clash_had_no_second_side(monkeypatch, text, first, second):
    monkeypatch.setattr(roles_module, "TOLD_BACK_GROUP", 0)
    ev = _clash(text)
    assert (ev.actor1, ev.actor2) == (first, "")


AFFILIATED = [
    ("On 11 August 2024, in Croix-des-Bouquets, Ouest, police officers exchanged fire with gang members "
     "near the customs office. The gunmen were said to be affiliates of the 400 Mawozo Gang.",
     "Police Forces of Haiti", "400 Mawozo Gang"),
    ("On 11 August 2023, in Maiduguri, Borno, soldiers exchanged fire with gunmen near the market. The "
     "gunmen were believed to be loyal to the Boko Haram faction of JAS.",
     "Military Forces of Nigeria", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
]


@pytest.mark.parametrize("text,first,second", AFFILIATED)
def test_gunmen_tied_to_one_named_group_are_that_group(text, first, second):
    ev = _clash(text)
    assert (ev.actor1, ev.actor2) == (first, second)


@pytest.mark.parametrize("text,first,second", AFFILIATED)
def test_without_the_switch_the_tied_gunmen_stayed_unidentified(monkeypatch, text, first, second):
    monkeypatch.setattr(roles_module, "AFFILIATED_GROUP", 0)
    ev = _clash(text)
    assert ev.actor1 == first and ev.actor2.startswith("Unidentified")


def test_armed_group_members_are_the_unidentified_armed_group():
    ev = _clash("On 2 October 2024, in Delmas, Ouest, police forces clashed with armed group members near "
                "the town hall. No casualties were reported.")
    assert (ev.actor1, ev.actor2) == ("Police Forces of Haiti", "Unidentified Armed Group (Haiti)")


def test_an_unidentified_gang_is_the_unidentified_gang_where_acled_names_gangs():
    ev = _events("On 3 September 2023, near Saint-Marc, Artibonite, an unidentified gang shot dead three "
                 "farmers on their way home.")[0]
    assert ev.actor1 == "Unidentified Gang (Haiti)"


MOBS = [
    ("On 4 May 2024, in Mirebalais, Centre, in the morning, a crowd of residents lynched a member of the "
     "Kraze Barye Gang near the market.", "Kraze Barye Gang"),
    ("On 4 May 2024, in Mirebalais, Centre, several gang members were killed by mobs of residents during a "
     "police operation.", "Unidentified Gang (Haiti)"),
]


@pytest.mark.parametrize("text,victim", MOBS)
def test_a_mob_s_victims_of_an_armed_group_are_that_group(text, victim):
    ev = _events(text)[0]
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Mob violence", "Rioters (Haiti)", victim)


@pytest.mark.parametrize("text,victim", MOBS)
def test_without_the_switch_the_mob_s_victims_were_civilians(monkeypatch, text, victim):
    monkeypatch.setattr(roles_module, "MOB_ARMED_VICTIM", 0)
    assert _events(text)[0].actor2 == "Civilians (Haiti)"


LIKELY_FROM = ("On 6 June 2023, in Thomassin, Ouest, a band of gunmen, likely from the Kraze Barye Gang that holds "
               "the hills, shot at residents and burned houses.")


def test_gang_members_likely_from_a_named_gang_are_that_gang(monkeypatch):
    assert _events(LIKELY_FROM)[0].actor1 == "Kraze Barye Gang"
    monkeypatch.setattr(roles_module, "AFFILIATED_GROUP", 0)
    assert _events(LIKELY_FROM)[0].actor1.startswith("Unidentified")
