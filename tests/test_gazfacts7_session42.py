"""Session 42 (gazfacts7): the gazetteer's facts for the report countries (Somalia, Ethiopia, Haiti).

- The first of the units ACLED divides a Natural Earth unit into (Sidama, Woqooyi Galbeed, Kwilu)
  is a place of its own name (gazetteer.SPLIT_FIRST_NAMED).
- A supplement entry's `replaces` point leaves out a misplaced GeoNames town (GEONAMES_REPLACED).
- places/session42.yaml (SESSION42_PLACES): towns, quarters and region names the gazetteer lacked.
- Ethiopia's zone seats in acled_admin1.yaml: Dilla is South Ethiopia's, not Sidama's.
- "SNNP", as older rows write the undivided region, agrees with each of its parts (WHOLE_NAMES).
Sentences are the helper's own, with invented details."""

from __future__ import annotations

import datetime as dt

import pytest

import sitrep.geo.gazetteer as gazetteer
from sitrep.extract.events import extract
from sitrep.geo.geocode import geocode_query
from sitrep.model import Article


def _events(text: str, day: dt.date = dt.date(2025, 5, 6)):
    [events] = extract([Article(id="t", title="", text=text, published=day)])
    return events


def test_the_first_part_of_a_divided_unit_is_a_place(monkeypatch):
    places = gazetteer.split_unit_places(gazetteer.split_units(), gazetteer.split_country())
    named = {(iso, name) for _, iso, name, _, _ in places}
    assert {("ET", "Sidama"), ("SO", "Woqooyi Galbeed"), ("CD", "Kwilu")} <= named
    assert ("ET", "South Ethiopia") in named
    # a first part named as a large town of its country stays the town's name (Kenya's Embu)
    towns = {"KE": {gazetteer.name_key("Embu")}}
    kept = gazetteer.split_unit_places(gazetteer.split_units(), gazetteer.split_country(), towns)
    assert ("KE", "Embu") not in {(iso, name) for _, iso, name, _, _ in kept}
    assert ("KE", "Embu") in named
    monkeypatch.setattr(gazetteer, "SPLIT_FIRST_NAMED", 0)
    places = gazetteer.split_unit_places(gazetteer.split_units(), gazetteer.split_country())
    named = {(iso, name) for _, iso, name, _, _ in places}
    assert ("ET", "Sidama") not in named and ("ET", "South Ethiopia") in named


@pytest.mark.parametrize("query, iso, admin1", [
    ("Sidama", "ET", "Sidama"),
    ("Woqooyi Galbeed", "SO", "Woqooyi Galbeed"),
    ("Maroodi Jeex", "SO", "Woqooyi Galbeed"),
    ("SNNPR", "ET", "Sidama"),
    ("Tshopo", "CD", "Tshopo"),
])
def test_divided_units_are_found_by_their_names(query, iso, admin1):
    [top] = geocode_query(query, iso, 1)
    assert (top["iso"], top["admin1"], top["feature"]) == (iso, admin1, "admin1")


def test_a_replaced_geonames_town_is_left_out(monkeypatch):
    monkeypatch.setattr(gazetteer, "load_supplement", lambda: [
        {"name": "Kobo", "country": "ET", "lat": 12.15, "lon": 39.63, "replaces": [10.03, 39.85]}])
    k = gazetteer.name_key("Kobo")
    places = [(1, 11, "Kobo", "ET", "ET.46", "", "town", 10.028, 39.853, 56100, 0.0, "geonames"),
              (2, 12, "Kobo", "ET", "ET.46", "", "town", 6.0, 38.0, 900, 0.0, "geonames"),
              (3, None, "Kobo", "ET", "", "", "town", 12.15, 39.63, 0, 0.0, "supplement")]
    names = [(k, 1, "Kobo"), (k, 2, "Kobo"), (k, 3, "Kobo")]
    kept_places, kept_names = gazetteer._replaced_towns(places, names)
    assert [r[0] for r in kept_places] == [2, 3] and [r[1] for r in kept_names] == [2, 3]
    monkeypatch.setattr(gazetteer, "GEONAMES_REPLACED", 0)
    assert gazetteer._replaced_towns(places, names) == (places, names)


def test_kobo_of_north_wollo():
    [event] = _events("On 3 May 2025, Fano militiamen and federal troops fought for hours in Kobo town, "
                      "North Wollo, Amhara region; residents said four fighters died.")
    assert event.admin1 == "Amhara"
    assert abs(event.latitude - 12.15) < 0.2 and abs(event.longitude - 39.63) < 0.2


@pytest.mark.parametrize("query, iso, lat, lon", [
    ("Gabiley", "SO", 9.70, 43.63),
    ("Lafoole", "SO", 2.11, 45.18),
    ("Xaradheere", "SO", 4.65, 47.86),
    ("Chiro", "ET", 9.09, 40.87),
    ("Debre Work", "ET", 10.66, 38.16),
    ("Montrouis", "HT", 18.95, -72.70),
    ("Canaan", "HT", 18.64, -72.30),
    ("Pacot", "HT", 18.535, -72.325),
    ("Ile de la Gonave", "HT", 18.85, -73.05),
])
def test_session42_places(query, iso, lat, lon):
    [top] = geocode_query(query, iso, 1)
    assert top["iso"] == iso
    assert abs(top["latitude"] - lat) < 0.05 and abs(top["longitude"] - lon) < 0.05


def test_a_haitian_quarter_named_alone():
    [event] = _events("Armed men from a gang coalition set fire to houses in La Saline on Tuesday; "
                      "the police said two residents were shot dead, Port-au-Prince.")
    assert (event.country, event.admin1, event.location) == ("Haiti", "Ouest", "La Saline")


def test_dilla_is_in_south_ethiopia():
    [event] = _events("On 2 May 2025, traders in Dilla town, Gedeo zone, held a peaceful march against "
                      "new market fees.")
    assert event.admin1 == "South Ethiopia"


def test_snnp_written_for_the_whole_region_agrees_with_its_parts(monkeypatch):
    gazetteer._divided_wholes.cache_clear()
    assert gazetteer.admin1_matches("ET", "SNNP", "South Ethiopia")
    assert gazetteer.admin1_matches("ET", "SNNPR", "Sidama")
    assert not gazetteer.admin1_matches("ET", "SNNP", "Amhara")
    monkeypatch.setattr(gazetteer, "WHOLE_NAMES", 0)
    gazetteer._divided_wholes.cache_clear()
    try:
        assert not gazetteer.admin1_matches("ET", "SNNP", "South Ethiopia")
    finally:
        gazetteer._divided_wholes.cache_clear()
