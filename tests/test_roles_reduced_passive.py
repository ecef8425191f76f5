"""A headline's reduced passive names the harmed, not the actor (roles.REDUCED_PASSIVE), and
those an event hit do not become its actor from a later sentence that names them again
(events.VICTIMS_NOT_AGENTS). Sentences written for these tests."""

import datetime as dt

from sitrep.extract import events as E
from sitrep.extract import roles as R
from sitrep.model import Article

PUB = dt.date(2021, 3, 2)

HEADLINE = "Three Kenya Defence Forces soldiers killed by roadside bomb near Mandera"

STORY = (
    "Two soldiers of the Kenya Defence Forces were killed when a roadside bomb struck their patrol "
    "near Mandera on Monday, the military said.\n\n"
    "The device went off as a Kenya Defence Forces lorry passed along the border road, the army said "
    "in a statement."
)


def _event(text, title="", monkeypatch=None, **switches):
    for mod, name, value in switches.get("patch", []):
        monkeypatch.setattr(mod, name, value)
    [ev] = E.extract([Article(id="a", text=text, published=PUB, title=title)])[0]
    return ev


def test_headline_reduced_passive_names_the_harmed(monkeypatch):
    ev = _event(HEADLINE + ".\n\n" + STORY)
    assert ev.actor2 == "Military Forces of Kenya" and ev.actor1 != "Military Forces of Kenya"
    off = _event(HEADLINE + ".\n\n" + STORY, monkeypatch=monkeypatch,
                 patch=[(R, "REDUCED_PASSIVE", 0), (E, "VICTIMS_NOT_AGENTS", 0),
                        (R, "FORCES_HURT_SECOND", False)])  # session 47: also puts the force second
    assert off.actor1 == "Military Forces of Kenya"


def test_victims_named_again_are_not_the_actor(monkeypatch):
    ev = _event(STORY)
    assert ev.actor1 != "Military Forces of Kenya" and ev.actor2 == "Military Forces of Kenya"
    # (a bomb's: SOURCE_NOT_BOMBER also keeps "the military said" from standing in as the actor)
    off = _event(STORY, monkeypatch=monkeypatch, patch=[(E, "VICTIMS_NOT_AGENTS", 0), (E, "SOURCE_NOT_BOMBER", 0)])
    assert off.actor1 == "Military Forces of Kenya"


def test_reduced_passive_parse_cases():
    from sitrep.nlp import load_nlp

    nlp = load_nlp()
    doc = nlp("Police officer shot dead by gunmen in Garissa")
    officer = next(t for t in doc if t.text == "officer")
    assert R._reduced_passive(officer, officer.dep_)
    doc = nlp("Gunmen shot dead a police officer in Garissa")
    gunmen = next(t for t in doc if t.text == "Gunmen")
    assert not R._reduced_passive(gunmen, gunmen.dep_)


BLAMED_STORY = (
    "A bomb hidden under a culvert killed four traders travelling to the market outside Beledweyne "
    "on Sunday, according to a police officer.\n\n"
    "The officer blamed al-Shabaab fighters who operate in the area for planting the device."
)


def test_the_one_blamed_wins_over_the_source(monkeypatch):
    ev = _event(BLAMED_STORY)
    assert ev.actor1 == "Al Shabaab" and ev.actor2 == "Civilians (Somalia)"
    # (events.BLAME, the article-wide fallback, would name the blamed group too)
    off = _event(BLAMED_STORY, monkeypatch=monkeypatch, patch=[(R, "SOURCE_YIELDS", 0), (E, "BLAME", 0)])
    assert off.actor1 == "Police Forces of Somalia"
