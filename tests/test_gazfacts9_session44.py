"""Session 44 (gazfacts9): the gazetteer's facts for the report countries.

- places/session44.yaml (SESSION44_PLACES): Ethiopian woreda seats (Gojo, Molale, Atsbi, ...), Mehoni in Tigray, Arsi's Abomsa, Haitian Creole spellings.
- SUPPLEMENT_REPLACED: an entry's `replaces` point also leaves out the team's own older entry there.
- woreda_seats_session44.yaml (SESSION44_WOREDAS): Jeldu at Gojo, Raya Azebo at Mehoni, ...
Sentences are the helper's own, with invented details."""

from __future__ import annotations

import datetime as dt

import pytest

import sitrep.geo.gazetteer as gazetteer
from sitrep.extract.events import extract
from sitrep.geo.gazetteer import get_gazetteer, name_key
from sitrep.model import Article


def _events(text: str, day: dt.date = dt.date(2025, 4, 9)):
    [events] = extract([Article(id="t", title="", text=text, published=day)])
    return events


def _near(place, lat, lon, tol=0.02):
    return abs(place.latitude - lat) <= tol and abs(place.longitude - lon) <= tol


# --- the supplement file ----------------------------------------------------------------------

def test_session44_places_are_read_only_with_the_switch(monkeypatch):
    monkeypatch.setattr(gazetteer, "SESSION44_PLACES", 1)
    on = {e["name"] for e in gazetteer.load_supplement() if e["_file"] == "session44.yaml"}
    assert {"Gojo", "Molale", "Mehoni", "Marassa"} <= on
    monkeypatch.setattr(gazetteer, "SESSION44_PLACES", 0)
    assert not [e for e in gazetteer.load_supplement() if e["_file"] == "session44.yaml"]


def test_session44_entries_are_well_formed():
    entries = [e for e in gazetteer.load_supplement() if e["_file"] == "session44.yaml"]
    assert len(entries) >= 10
    for e in entries:
        assert set(e) <= {"name", "variants", "feature", "country", "admin1", "admin2", "lat", "lon",
                          "replaces", "note", "_file"}, e
        assert e["country"] in {"SO", "ET", "HT"} and e["note"], e
        assert -2 < e["lat"] < 20 and -75 < e["lon"] < 52, e


@pytest.mark.parametrize("name, iso, lat, lon, admin1", [
    ("Gojo", "ET", 9.33, 38.03, "Oromia"),
    ("Molale", "ET", 10.10, 39.65, "Amhara"),
    ("Mehoni", "ET", 12.80, 39.64, "Tigray"),  # GeoNames' point, in Tigray not Afar
    ("Matisan", "HT", 18.53, -72.36, "Ouest"),  # Creole for Martissant
])
def test_the_gazetteer_holds_the_sessions_places(name, iso, lat, lon, admin1):
    found = get_gazetteer().lookup(name, iso)
    assert found and all(_near(p, lat, lon) for p in found if p.feature != "district"), found
    assert {p.admin1 for p in found} == {admin1}


def test_the_misplaced_points_are_gone():
    """GeoNames' Amhara Abomsa is left out."""
    gaz = get_gazetteer()
    assert [(p.latitude, p.longitude) for p in gaz.lookup("Abomsa", "ET")] == [(8.47, 39.83)]


# --- replacing the team's own entries ---------------------------------------------------------

def test_a_replaces_point_leaves_out_an_older_supplement_entry(monkeypatch):
    k = name_key("Imagined Barde")
    places = [(1, None, "Imagined Barde", "SO", "", "", "town", 2.00, 44.00, 0, 0.0, "supplement"),
              (2, None, "Imagined Barde", "SO", "", "", "town", 2.30, 44.30, 0, 0.0, "supplement"),
              (3, 9, "Imagined Barde", "SO", "", "", "town", 2.001, 44.001, 500, 0.0, "geonames")]
    names = [(k, 1, "Imagined Barde"), (k, 2, "Imagined Barde"), (k, 3, "Imagined Barde")]
    entry = {"name": "Imagined Barde", "country": "SO", "lat": 2.30, "lon": 44.30, "replaces": [2.0, 44.0]}
    monkeypatch.setattr(gazetteer, "load_supplement", lambda: [entry])
    monkeypatch.setattr(gazetteer, "SUPPLEMENT_REPLACED", True)
    kept, _ = gazetteer._replaced_towns(places, names)
    assert [r[0] for r in kept] == [2]  # the entry's own point stays
    monkeypatch.setattr(gazetteer, "SUPPLEMENT_REPLACED", False)
    kept, _ = gazetteer._replaced_towns(places, names)
    assert [r[0] for r in kept] == [1, 2]


# --- the woreda table -------------------------------------------------------------------------

def test_session44_woredas_join_the_table_only_with_the_switch(monkeypatch):
    monkeypatch.setattr(gazetteer, "SESSION44_WOREDAS", True)
    on = {e["woreda"] for e in gazetteer.load_woreda_seats()}
    assert {"Jeldu", "Raya Azebo", "Menz Mama Midir", "Hintalo Wajirat"} <= on
    monkeypatch.setattr(gazetteer, "SESSION44_WOREDAS", False)
    off = {e["woreda"] for e in gazetteer.load_woreda_seats()}
    assert not {"Jeldu", "Raya Azebo"} & off and len(off) >= 80


@pytest.mark.parametrize("woreda, seat, admin1", [
    ("Jeldu", "Gojo", "Oromia"),
    ("Raya Azebo", "Mehoni", "Tigray"),
    ("Atsbi Wenberta", "Atsbi", "Tigray"),
    ("Takusa", "Delgi", "Amhara"),
])
def test_a_session44_woreda_is_a_district_at_its_seat(woreda, seat, admin1):
    gaz = get_gazetteer()
    [district] = [p for p in gaz.lookup(woreda, "ET") if p.feature == "district"]
    [town] = [p for p in gaz.lookup(seat, "ET") if p.feature == "town"]
    assert district.admin1 == admin1
    assert (district.latitude, district.longitude) == (town.latitude, town.longitude)


# --- events -----------------------------------------------------------------------------------

def test_an_event_in_raya_azebo_is_in_tigray():
    [event] = _events("On 6 April 2025, Tigrayan forces and federal soldiers fought near Mehoni town in "
                      "Raya Azebo woreda; casualties were not known.")
    assert (event.country, event.admin1) == ("Ethiopia", "Tigray")
