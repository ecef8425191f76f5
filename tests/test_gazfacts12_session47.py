"""Session 47 (gazfacts12): places of places/session47_places.yaml (SESSION47_PLACES; general
knowledge of the map and GeoNames' own points, never ACLED's rows) and the behaviour of
SUPPLEMENT_SPLIT_ADMIN1 with a team-made example (Mogotio of Baringo county). Sentences are the
helper's own, with invented details."""

from __future__ import annotations

import pytest
from tests.place_reading import chosen

import sitrep.geo.gazetteer as gazetteer
from sitrep.geo.gazetteer import get_gazetteer


def _near(place, lat, lon, tol=0.05):
    return abs(place.latitude - lat) <= tol and abs(place.longitude - lon) <= tol


def _entries():
    return [e for e in gazetteer.load_supplement() if e["_file"] == "session47_places.yaml"]


def test_session47_entries_are_read_only_with_the_switch(monkeypatch):
    monkeypatch.setattr(gazetteer, "SESSION47_PLACES", 1)
    entries = _entries()
    assert {"Balangoda", "Hakmana", "Nochchiyagama", "Mogotio", "Loitokitok"} <= {e["name"] for e in entries}
    for e in entries:
        assert e["country"] in {"LK", "KE", "PK", "SD"} and e["feature"] in {"town", "village"} and e["note"], e
        assert "ACLED" not in e["note"], e
        if e.get("replaces"):  # at GeoNames' own point for the town it replaces
            assert _near(type("P", (), {"latitude": e["lat"], "longitude": e["lon"]}),
                         *e["replaces"], tol=0.01), e
    monkeypatch.setattr(gazetteer, "SESSION47_PLACES", 0)
    assert not _entries()


# --- SUPPLEMENT_SPLIT_ADMIN1 ----------------------------------------------------------------------

def test_an_entry_naming_a_divided_off_unit_keeps_it(monkeypatch):
    """Kenya's Rift Valley (Natural Earth's unit) is ACLED's counties: an entry naming Baringo keeps
    Baringo; off, the build falls back to the nearest county seat."""
    split_codes = set(gazetteer.split_capital_points()) - set(gazetteer.split_units())
    baringo = gazetteer.admin1_code("KE", "Baringo")
    assert baringo in split_codes
    monkeypatch.setattr(gazetteer, "SUPPLEMENT_SPLIT_ADMIN1", True)
    assert gazetteer.told_split_unit(baringo, split_codes) == baringo
    assert gazetteer.told_split_unit("KE.05", split_codes) == ""  # a unit ACLED keeps whole
    monkeypatch.setattr(gazetteer, "SUPPLEMENT_SPLIT_ADMIN1", False)
    assert gazetteer.told_split_unit(baringo, split_codes) == ""


def test_the_nearest_seat_puts_mogotio_in_nakuru():
    """Why the entry must name its county: by the nearest seat, Mogotio's point goes to Nakuru."""
    row = (1, None, "Mogotio", "KE", "KE.08", "", "town", -0.022, 35.961, 0, 0.0, "supplement")
    (placed,) = gazetteer._acled_units([row], gazetteer.split_seats(), set(), {})
    assert placed[4] == gazetteer.admin1_code("KE", "Nakuru")


def test_mogotio_is_in_baringo():
    found = get_gazetteer().lookup("Mogotio", "KE")
    assert found and all(p.admin1 == "Baringo" and _near(p, -0.02, 35.96) for p in found), found


def test_mogotio_event_is_coded_to_baringo():
    text = ("Cattle raiders shot dead a herder near Mogotio on Tuesday night and drove off about "
            "forty cows, residents said.")
    place = chosen(text, get_gazetteer(), verb="shot")
    place = place.place if place is not None else None
    assert place is not None and place.admin1 == "Baringo" and _near(place, -0.02, 35.96), place


# --- places --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, iso, lat, lon", [
    ("Balangoda", "LK", 6.65, 80.70),
    ("Nochchiyagama", "LK", 8.27, 80.21),
    ("Loitokitok", "KE", -2.93, 37.51),
    ("Oloitokitok", "KE", -2.93, 37.51),   # GeoNames' name, the same town
])
def test_a_session47_town_is_found(name, iso, lat, lon):
    found = get_gazetteer().lookup(name, iso)
    assert found and _near(found[0], lat, lon), found


def test_an_event_in_balangoda_is_placed_there():
    text = ("Police in Balangoda arrested three men after a clash between two groups of bus "
            "drivers at the town's main stand on Sunday.")
    place = chosen(text, get_gazetteer(), verb="clash")
    place = place.place if place is not None else None
    assert place is not None and place.iso == "LK" and _near(place, 6.65, 80.70), place


def test_loitokitok_event_is_in_kajiado():
    text = "Traders in Loitokitok protested on Monday against new county levies on their stalls."
    place = chosen(text, get_gazetteer(), verb="protested")
    place = place.place if place is not None else None
    assert place is not None and place.admin1 == "Kajiado" and _near(place, -2.93, 37.51), place
