"""Session 45 (gazfacts10): Somali villages, Somali town quarters and Haitian places the gazetteer lacked.

- places/session45.yaml (SESSION45_PLACES): quarters of Somali towns at the town's point (Kismayo's
  Farjano, Beledweyne's Buundo Weyne bridge, Mogadishu's Zona K, ...); Haitian communes (Port-Salut,
  Pestel, ...). Its villages at ACLED's coded points were removed in session 46 (no entry is taken from
  ACLED's rows), and with them the example of SUPPLEMENT_SPLIT_ADMIN1 (Ceegaag).
Sentences are the helper's own, with invented details."""

from __future__ import annotations

import pytest
from tests.place_reading import chosen

import sitrep.geo.gazetteer as gazetteer
from sitrep.geo.gazetteer import get_gazetteer


def _near(place, lat, lon, tol=0.02):
    return abs(place.latitude - lat) <= tol and abs(place.longitude - lon) <= tol


def _entries():
    return [e for e in gazetteer.load_supplement() if e["_file"] == "session45.yaml"]


# --- the supplement file ----------------------------------------------------------------------

def test_session45_places_are_read_only_with_the_switch(monkeypatch):
    monkeypatch.setattr(gazetteer, "SESSION45_PLACES", 1)
    assert {"Farjano", "Buundo Weyne", "Zona K", "Port-Salut"} <= {e["name"] for e in _entries()}
    monkeypatch.setattr(gazetteer, "SESSION45_PLACES", 0)
    assert not _entries()


def test_session45_entries_are_well_formed():
    entries = _entries()
    assert len(entries) >= 15
    names = [e["name"] for e in entries]
    assert len(names) == len(set(names))
    for e in entries:
        assert set(e) <= {"name", "variants", "feature", "country", "admin1", "admin2", "lat", "lon",
                          "note", "_file"}, e
        assert e["country"] in {"SO", "HT"} and e["note"] and e["admin1"], e
        assert e["feature"] in {"village", "neighbourhood", "town"}, e
        if e["country"] == "SO":
            assert -2 < e["lat"] < 12 and 40.9 < e["lon"] < 51.5, e
        else:
            assert 18 < e["lat"] < 20.1 and -74.5 < e["lon"] < -71.6, e
    # names that are also persons' or other places' are not in the file
    assert not {"Abdul-Aziz", "Mubarak", "Mubaarak", "Sinai", "Dila", "Jasiira"} & set(names)


@pytest.mark.parametrize("name, lat, lon, admin1", [
    ("Farjano", -0.36, 42.55, "Lower Juba"),       # a quarter of Kismayo, at the town
    ("Bundo Weyne", 4.74, 45.20, "Hiraan"),        # Beledweyne's bridge, at the town
])
def test_the_gazetteer_holds_the_sessions_places(name, lat, lon, admin1):
    found = get_gazetteer().lookup(name, "SO")
    assert found and all(_near(p, lat, lon) for p in found), found
    assert {p.admin1 for p in found} == {admin1}


@pytest.mark.parametrize("name, lat, lon, admin1", [
    ("Port-Salut", 18.08, -73.92, "Sud"),
    ("Pestel", 18.54, -73.79, "Grand'Anse"),
])
def test_the_gazetteer_holds_the_haitian_places(name, lat, lon, admin1):
    found = get_gazetteer().lookup(name, "HT")
    assert found and all(_near(p, lat, lon) for p in found), found
    assert {p.admin1 for p in found} == {admin1}


def test_a_town_quarter_places_an_event_at_the_town():
    text = ("Gunmen shot dead a trader in Farjano neighbourhood late on Sunday, "
            "local elders told reporters.")
    place = chosen(text, get_gazetteer(), verb="shot")
    place = place.place if place is not None else None
    assert place is not None and place.iso == "SO" and _near(place, -0.36, 42.55, tol=0.05)
