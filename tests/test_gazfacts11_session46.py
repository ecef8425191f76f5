"""Session 46 (gazfacts11): places of the supplement's countries that the gazetteer lacked.

- places/session46.yaml (SESSION46_PLACES): towns and villages at ACLED's points for their names,
  read from tune rows outside the measuring samples; only names no place of the gazetteer bears.
Sentences are the helper's own, with invented details."""

from __future__ import annotations

import pytest
from tests.place_reading import chosen

import sitrep.geo.gazetteer as gazetteer
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.locate import conflict_countries


def _near(place, lat, lon, tol=0.02):
    return abs(place.latitude - lat) <= tol and abs(place.longitude - lon) <= tol


def _entries():
    return [e for e in gazetteer.load_supplement() if e["_file"] == "session46.yaml"]


def test_session46_places_are_read_only_with_the_switch(monkeypatch):
    monkeypatch.setattr(gazetteer, "SESSION46_PLACES", 1)
    assert {"Kinangop", "Balangoda", "Nijgadh", "Tanwalbougou", "Lhoksukon"} <= {e["name"] for e in _entries()}
    monkeypatch.setattr(gazetteer, "SESSION46_PLACES", 0)
    assert not _entries()


def test_session46_entries_are_well_formed():
    entries = _entries()
    assert len(entries) >= 1000
    keys = [(e["country"], e["name"]) for e in entries]
    assert len(keys) == len(set(keys))
    others = {e["country"] for e in gazetteer.load_supplement() if e["_file"] != "session46.yaml"}
    for e in entries:
        assert set(e) <= {"name", "feature", "country", "admin1", "lat", "lon", "note", "_file"}, e
        assert e["feature"] == "town" and e["note"], e
        # no country new to the supplement: the conflict prior of resolution stays as it was
        assert e["country"] in others, e
        assert round(e["lat"], 2) == e["lat"] and round(e["lon"], 2) == e["lon"], e
        assert " - " not in e["name"] and not any(ch.isdigit() for ch in e["name"]), e
    assert not {"Arabia", "Township", "Manyatta", "Merger"} & {e["name"] for e in entries}
    assert {e["country"] for e in entries} <= conflict_countries()


@pytest.mark.parametrize("name, iso, lat, lon, admin1", [
    ("Kinangop", "KE", -0.73, 36.66, "Nyandarua"),
    ("Balangoda", "LK", 6.65, 80.70, "Sabaragamuwa"),
    ("Nijgadh", "NP", 27.21, 85.13, "Madhesh"),
    ("Tanwalbougou", "BF", 12.05, 0.78, "Est"),
    ("Lhoksukon", "ID", 5.00, 97.37, "Aceh"),
    ("Heiban", "SD", 11.21, 30.52, "South Kordofan"),
])
def test_the_gazetteer_holds_the_sessions_places(name, iso, lat, lon, admin1):
    found = get_gazetteer().lookup(name, iso)
    assert found and all(_near(p, lat, lon) for p in found), found
    assert {p.admin1 for p in found} == {admin1}


def test_a_town_of_the_file_places_an_event():
    text = ("Police fired tear gas at traders who blocked the main road in Balangoda on Monday "
            "over the closure of the town market.")
    place = chosen(text, get_gazetteer(), verb="fired")
    place = place.place if place is not None else None
    assert place is not None and place.name == "Balangoda" and _near(place, 6.65, 80.70)


def test_a_kenyan_village_places_an_event():
    text = ("Two herders were injured when armed men raided a homestead in Kinangop, Nyandarua "
            "county, and drove off forty cattle.")
    place = chosen(text, get_gazetteer(), verb="raided")
    place = place.place if place is not None else None
    assert place is not None and place.iso == "KE" and _near(place, -0.73, 36.66, tol=0.05)


# --- Nepal's districts (SESSION46_NEPAL_DISTRICTS) ------------------------------------------------

def _nepal():
    return [e for e in gazetteer.load_supplement() if e["_file"] == "session46_nepal.yaml"]


def test_nepal_districts_are_read_only_with_the_switch(monkeypatch):
    monkeypatch.setattr(gazetteer, "SESSION46_NEPAL_DISTRICTS", 1)
    entries = _nepal()
    assert {"Bara", "Parsa", "Rautahat", "Kailali", "Kalaiya"} <= {e["name"] for e in entries}
    for e in entries:
        assert e["country"] == "NP" and e["feature"] in {"district", "town"} and e["note"], e
        assert 26.3 < e["lat"] < 30.5 and 80.0 < e["lon"] < 88.3, e
    monkeypatch.setattr(gazetteer, "SESSION46_NEPAL_DISTRICTS", 0)
    assert not _nepal()


@pytest.mark.parametrize("name, lat, lon", [
    ("Bara", 27.03, 85.00),       # at Kalaiya
    ("Rautahat", 26.77, 85.28),   # at Gaur
    ("Kailali", 28.70, 80.59),    # at Dhangadhi
])
def test_a_nepali_district_is_found_in_nepal(name, lat, lon):
    found = [p for p in get_gazetteer().lookup(name, "NP") if p.feature == "district"]
    assert found and all(_near(p, lat, lon, tol=0.05) for p in found), found


def test_bara_district_places_an_event_in_nepal():
    text = ("Madhesi activists blocked the highway at Kalaiya in Bara district on Friday, "
            "demanding the release of two party members.")
    place = chosen(text, get_gazetteer(), verb="blocked")
    place = place.place if place is not None else None
    assert place is not None and place.iso == "NP" and _near(place, 27.03, 85.00, tol=0.05)
