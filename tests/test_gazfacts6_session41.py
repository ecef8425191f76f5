"""Session 41 (gazfacts6): the gazetteer's provinces and supplement points.

- A Natural Earth unit's alternate name that is another unit's own name in the same country is
  dropped (gazetteer.SIBLING_NAMES_DROPPED): "South Darfur" was a name of East Darfur's polygon.
- Guyana's regions carried each other's names (scripts/derive_admin1.py NAME_FIXES).
- Supplement points 25+ km from the GeoNames place of the same name were moved to it.
Sentences are the helper's own, with invented details."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

import sitrep.geo.gazetteer as gazetteer
from sitrep.extract.events import extract
from sitrep.model import Article

ROOT = Path(__file__).resolve().parents[1]


def _rows() -> list[dict]:
    return gazetteer.load_admin1_rows()


def _unit(iso: str, name: str) -> dict:
    return next(r for r in _rows() if r["iso"] == iso and r["name"] == name)


@pytest.mark.parametrize("iso, unit, foreign", [
    ("SD", "East Darfur", "South Darfur"),
    ("ET", "Oromia", "Addis Ababa"),
])
def test_a_province_keeps_no_other_provinces_name(monkeypatch, iso, unit, foreign):
    rows = _rows()
    names = gazetteer.sibling_names(rows, gazetteer.acled_admin1_names())
    row = _unit(iso, unit)
    assert foreign not in gazetteer.own_names(row, unit, names)
    assert unit in gazetteer.own_names(row, unit, names)
    monkeypatch.setattr(gazetteer, "SIBLING_NAMES_DROPPED", 0)
    assert foreign in gazetteer.own_names(row, unit, names)


def test_south_darfur_state_is_south_darfur():
    text = "On 2 March 2025, gunmen on motorbikes killed three farmers in South Darfur state."
    [events] = extract([Article(id="t", title="", text=text, published=dt.date(2025, 3, 4))])
    assert [e.admin1 for e in events] == ["South Darfur"]


def test_guyanas_regions_carry_their_own_names():
    # the GeoNames code (and the towns inside) go with the polygon; the name had moved to another
    by_code = {r["code"]: r for r in _rows() if r["iso"] == "GY"}
    assert by_code["GY.13"]["name"] == "East Berbice-Corentyne"
    assert by_code["GY.12"]["name"] == "Demerara-Mahaica"
    assert by_code["GY.19"]["name"] == "Upper Takutu-Upper Essequibo"
    assert "Essequibo Islands-West Demerara" not in by_code["GY.15"]["names"]
    text = "On 4 June 2024, sugar workers marched through New Amsterdam, Guyana, demanding higher pay."
    [events] = extract([Article(id="t", title="", text=text, published=dt.date(2024, 6, 5))])
    assert [e.admin1 for e in events] == ["East Berbice-Corentyne"]


def test_the_mend_table_fixes_a_scrambled_file():
    spec = importlib.util.spec_from_file_location("derive_admin1", ROOT / "scripts" / "derive_admin1.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows = [{"iso": "GY", "code": "GY.15", "iso_3166_2": "GY-ES", "name": "Mahaica-Berbice",
             "names": ["Essequibo Islands-West Demerara", "Mahaica-Berbice"]},
            {"iso": "GY", "code": "GY.13", "iso_3166_2": "GY-MA", "name": "Mahaica-Berbice",
             "names": ["East Berbice-Corentyne", "East Berbice-Corentyne Region", "Mahaica-Berbice"]}]
    assert mod.fix_names(rows) == 2
    assert [(r["iso_3166_2"], r["name"]) for r in rows] == [("GY-MA", "Mahaica-Berbice"),
                                                             ("GY-EB", "East Berbice-Corentyne")]
    assert rows[0]["names"] == ["Mahaica-Berbice"]
    assert rows[1]["names"] == ["East Berbice-Corentyne", "East Berbice-Corentyne Region"]
    assert mod.fix_names(rows) == 0


@pytest.mark.parametrize("name, iso, lat, lon", [
    ("Dansadau", "NG", 11.3, 6.5),
    ("Babangida", "NG", 12.15, 11.77),
    ("Chermalyk", "UA", 47.31, 37.81),
])
def test_supplement_points_lie_at_the_geonames_place(name, iso, lat, lon):
    [entry] = [e for e in gazetteer.load_supplement() if e["name"] == name and e["country"] == iso]
    assert abs(float(entry["lat"]) - lat) < 0.05 and abs(float(entry["lon"]) - lon) < 0.05


def test_somali_spellings_of_a_name(monkeypatch):
    assert gazetteer.somali_spellings("Buurhakaba") == ["Buurxakaba"]
    assert "Ceel Xur" in gazetteer.somali_spellings("El Hur")
    assert "Xaji Cali" in gazetteer.somali_spellings("Haji Ali")
    assert gazetteer.somali_spellings("Dhusamareb") == []  # dh, kh, sh keep their h
    monkeypatch.setattr(gazetteer, "SOMALI_SPELLINGS", 0)
    assert gazetteer.somali_spellings("Buurhakaba") == []


def test_a_town_in_somali_spelling_is_found():
    # without the Somali spelling the place was not found at all (nor the country)
    text = "On 9 April 2025, police dispersed a protest by traders in Xargeysa town over new taxes."
    [events] = extract([Article(id="t", title="", text=text, published=dt.date(2025, 4, 10))])
    assert [(e.location, e.admin1) for e in events] == [("Hargeysa", "Woqooyi Galbeed")]


@pytest.mark.parametrize("text, location, admin1", [
    ("On 12 May 2025, traders in Ndagani, Tharaka-Nithi, blocked the road to protest a new market levy.",
     "Ndagani", "Tharaka-Nithi"),
    ("On 3 July 2025, clan militias clashed over grazing land near Feerfeer town (Beledweyne, Hiraan).",
     "Feerfeer", "Hiraan"),
    ("On 2 August 2025, armed youths raided cattle camps near Ayod town in Jonglei, killing four herders.",
     "Ayod", "Jonglei"),
])
def test_places_added_in_session41(text, location, admin1):
    [events] = extract([Article(id="t", title="", text=text, published=dt.date(2025, 7, 5))])
    assert [(e.location, e.admin1) for e in events][:1] == [(location, admin1)]
