"""Session 43 (gazfacts8): the gazetteer's facts for the report countries.

- data/woreda_seats_session43.yaml (WOREDA_SEATS): an Ethiopian woreda named in text is a district
  at its seat town's point (Efratana Gidim at Ataye, Lay Gayint at Nefas Mewcha, Dendi at Ginchi).
- SPLIT_CAPITALS: a unit ACLED divides off has the capital its split table gives (South West
  Ethiopia's Bonga, not its largest town Tepi; Kenya's Kilifi, not Malindi).
- SOMALI_GENERIC_DROPPED (off): "Ceel" (a well), the first word of many Somali names, is no name of Eyl.
Sentences are the helper's own, with invented details."""

from __future__ import annotations

import datetime as dt

import pytest

import sitrep.geo.gazetteer as gazetteer
from sitrep.extract.events import extract
from sitrep.geo.gazetteer import get_gazetteer, name_key
from sitrep.geo.geocode import geocode_query
from sitrep.model import Article


def _events(text: str, day: dt.date = dt.date(2025, 4, 9)):
    [events] = extract([Article(id="t", title="", text=text, published=day)])
    return events


# --- the woreda table -------------------------------------------------------------------------

def test_woreda_table_is_well_formed():
    regions = {name_key(n) for n in gazetteer.acled_admin1_names().values()} | {
        name_key(u[1]) for units in gazetteer.split_units().values() for u in units}
    table = gazetteer.load_woreda_seats()
    assert len(table) >= 60
    seen = set()
    for entry in table:
        assert set(entry) <= {"woreda", "variants", "zone", "region", "seat"}, entry
        assert entry["woreda"] and entry["zone"] and entry["seat"], entry
        assert name_key(entry["region"]) in regions, entry
        assert name_key(entry["woreda"]) != name_key(entry["seat"]), entry  # a seat's own name needs no entry
        assert (name_key(entry["woreda"]), entry["region"]) not in seen, entry
        seen.add((name_key(entry["woreda"]), entry["region"]))


def test_every_woreda_finds_its_seat():
    """The build leaves out a woreda whose seat it does not find in the region: none is left out."""
    gaz = get_gazetteer()
    for entry in gazetteer.load_woreda_seats():
        found = [p for p in gaz.lookup(entry["woreda"], "ET") if p.feature == "district"
                 and getattr(p, "source", "") == "supplement" and p.name == entry["woreda"]]
        assert found, entry["woreda"]
        assert name_key(found[0].admin1) == name_key(entry["region"]), entry


def test_woreda_rows_take_the_seat_in_the_named_region(monkeypatch):
    k = name_key("Kelafo Town")
    places = [(1, 11, "Kelafo Town", "ET", "ET.46", "", "town", 10.5, 39.5, 20000, 0.0, "geonames"),
              (2, 12, "Kelafo Town", "ET", "ET.51", "", "town", 8.0, 38.0, 90000, 0.0, "geonames")]
    names = [(k, 1, "Kelafo Town"), (k, 2, "Kelafo Town")]
    admin = {"ET.46": "Amhara", "ET.51": "Oromia"}
    table = [{"woreda": "Imagined Gidim", "variants": ["Imagined Gidem"], "zone": "North Shewa",
              "region": "Amhara", "seat": "Kelafo Town"},
             {"woreda": "Nowhere Woreda", "zone": "Afder", "region": "Somali", "seat": "Kelafo Town"}]
    rows, keys = gazetteer.woreda_seat_rows(places, names, admin, 100, table)
    assert rows == [(100, None, "Imagined Gidim", "ET", "ET.46", "North Shewa", "district", 10.5, 39.5, 0, 0.0,
                     "supplement")]
    assert {r[0] for r in keys} == {name_key("Imagined Gidim"), name_key("Imagined Gidem")}
    monkeypatch.setattr(gazetteer, "WOREDA_SEATS", 0)
    assert gazetteer.woreda_seat_rows(places, names, admin, 100, table) == ([], [])


@pytest.mark.parametrize("query, seat", [
    ("Efratana Gidim", "Ataye"),
    ("Lay Gayint", "Nefas Mewcha"),
    ("Dendi", "Ginchi"),
    ("Wogera", "Amba Giorgis"),
    ("Kilte Awulaelo", "Wukro"),
])
def test_a_woreda_is_found_at_its_seat(query, seat):
    [top] = geocode_query(query, "ET", 1)
    [town] = [p for p in get_gazetteer().lookup(seat, "ET") if p.feature == "town"][:1]
    assert top["feature"] == "district"
    assert abs(top["latitude"] - town.latitude) < 0.01 and abs(top["longitude"] - town.longitude) < 0.01


def test_an_event_in_a_woreda_is_placed_at_its_seat():
    [event] = _events("On 7 April 2025, Fano fighters and government soldiers fought for several hours in "
                      "Lay Gayint woreda, South Gondar zone; three fighters were reported dead.")
    [town] = [p for p in get_gazetteer().lookup("Nefas Mewcha", "ET") if p.feature == "town"][:1]
    assert (event.country, event.admin1, event.geo_precision) == ("Ethiopia", "Amhara", 2)
    assert abs(event.latitude - town.latitude) < 0.01 and abs(event.longitude - town.longitude) < 0.01


def test_two_woredas_sharing_a_key_are_told_apart_by_their_zone():
    [a] = _events("On 7 April 2025, militiamen and soldiers clashed in Habru woreda, North Wollo zone.")
    [b] = _events("On 7 April 2025, OLA fighters and soldiers clashed in Habro woreda, West Hararghe zone.")
    assert (a.admin1, a.location) == ("Amhara", "Habru")
    assert (b.admin1, b.location) == ("Oromia", "Habro")


# --- the capitals of divided units ------------------------------------------------------------

def _fresh(monkeypatch, on: int):
    monkeypatch.setattr(gazetteer, "SPLIT_CAPITALS", on)
    gaz = get_gazetteer()
    monkeypatch.setattr(gaz, "_capitals", {})
    return gaz


@pytest.mark.parametrize("code, on_name, off_name", [
    ("ET.54~1", "Bonga", "Tepi"),       # South West Ethiopia
    ("KE.02~2", "Kilifi", "Malindi"),   # Kilifi county
    ("KE.08~9", "Rumuruti", "Nanyuki"),  # Laikipia county
])
def test_a_divided_unit_has_its_tables_capital(monkeypatch, code, on_name, off_name):
    assert _fresh(monkeypatch, 1).capital(code).name == on_name
    assert _fresh(monkeypatch, 0).capital(code).name == off_name


def test_a_divided_unit_named_after_its_capital_keeps_the_towns_point(monkeypatch):
    gaz = _fresh(monkeypatch, 1)
    town = max((p for p in gaz.lookup("Kisumu", "KE") if p.feature == "town"), key=lambda p: p.population or 0)
    cap = gaz.capital("KE.07")
    assert (cap.name, cap.latitude, cap.longitude) == ("Kisumu", town.latitude, town.longitude)
    assert gaz.capital("ET.51") is not None  # an undivided unit: as before (its most populous town)


def test_a_region_only_event_in_south_west_ethiopia_is_placed_at_bonga():
    [event] = _events("On 7 April 2025, teachers held a peaceful protest over unpaid salaries in the "
                      "South West Ethiopia Peoples' Region.")
    assert (event.admin1, event.location, event.geo_precision) == ("South West Ethiopia", "Bonga", 3)


# --- Somali generic words -------------------------------------------------------------------

def test_somali_generic_words_are_no_place_names(monkeypatch):
    """The switch is off (it lost rows on the legacy Somali file); the mechanism, switched on."""
    places = [(1, 11, "Eyl", "SO", "SO.18", "", "town", 7.98, 49.82, 18904, 0.0, "geonames"),
              (2, 12, "Ceel", "FR", "FR.11", "", "town", 45.0, 2.0, 600, 0.0, "geonames")]
    names = [(name_key("Eyl"), 1, "Eyl"), (name_key("Ceel"), 1, "Ceel"), (name_key("Ceel"), 2, "Ceel")]
    monkeypatch.setattr(gazetteer, "SOMALI_GENERIC_DROPPED", 1)
    assert gazetteer.somali_generic_dropped(places, names) == [names[0], names[2]]
    monkeypatch.setattr(gazetteer, "SOMALI_GENERIC_DROPPED", 0)
    assert gazetteer.somali_generic_dropped(places, names) == names
