"""Session 46 (gazfacts11): Nepal's districts at their headquarters (places/session46_nepal.yaml,
SESSION46_NEPAL_DISTRICTS; general knowledge of the map). The helper's file of towns at ACLED's coded
points was not merged: no gazetteer entry is taken from ACLED's rows (docs/gazetteer.md, session 46).
Sentences are the helper's own, with invented details."""

from __future__ import annotations

import pytest
from tests.place_reading import chosen

import sitrep.geo.gazetteer as gazetteer
from sitrep.geo.gazetteer import get_gazetteer


def _near(place, lat, lon, tol=0.02):
    return abs(place.latitude - lat) <= tol and abs(place.longitude - lon) <= tol


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


def test_no_supplement_entry_is_at_acleds_coded_points():
    """Every entry of the supplement comes from general knowledge, GeoNames or the gazetteer's own
    points, never from ACLED's coded rows (their terms forbid redistributing the data)."""
    for e in gazetteer.load_supplement():
        assert "ACLED's point" not in str(e.get("note", "")), e
