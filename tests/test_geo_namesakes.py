"""Namesakes and non-places (docs/geo.md, 2026-12-05 late session): a spelling with its words
run together or apart is the name ("Petion Ville" is Pétionville); a country named as a border
is where the event was not; a name followed by "clan", "tribesmen", "community" is a people.

The sentences are invented; the place names are facts."""

from sitrep.geo.locate import (
    article_context,
    choose_event_place,
    constrain_by_province,
    find_mentions,
    resolve_mentions,
)
from sitrep.geo.resolve import is_exact
from sitrep.model import Place


def _chosen(text, gaz):
    context = article_context(text)
    mentions = find_mentions(text, gaz, countries=context.focus())
    resolve_mentions(mentions, context)
    constrain_by_province(mentions, text)
    return context, mentions, choose_event_place(mentions, text, focus=context.focus())


def test_a_name_written_apart_or_run_together_is_exact():
    town = Place(name="Pétionville", latitude=18.5, longitude=-72.3)
    assert is_exact(town, "Petion Ville") and is_exact(town, "Petion-Ville") and is_exact(town, "PETIONVILLE")
    assert not is_exact(town, "Petion")


def test_a_town_spelt_apart_agrees_with_its_department(gazetteer):
    text = "Hundreds of traders marched through Petion Ville, Ouest, on Friday against the price of fuel."
    _, _, chosen = _chosen(text, gazetteer)
    assert chosen is not None and chosen.place.iso == "HT"
