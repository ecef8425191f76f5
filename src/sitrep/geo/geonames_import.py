"""`sitrep gazetteer import`: load the standard GeoNames dump files into the gazetteer.

Accepted files (from the GeoNames download server, see docs/gazetteer.md):
- allCountries.txt or a per-country XX.txt (or their .zip): places, 19 tab-separated columns;
- alternateNamesV2.txt (or .zip): extra names for places already in the gazetteer;
- admin1CodesASCII.txt and admin2Codes.txt: province and district names.
Admin code files are read first, then places, then alternate names, whatever the order given.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from sitrep.geo.gazetteer import Gazetteer, default_path
from sitrep.geo.names import name_key

FEATURES = {
    ("P", None): "town", ("T", "MT"): "mountain", ("T", "MTS"): "range", ("T", "HLLS"): "range",
    ("T", "HLL"): "mountain", ("T", "VAL"): "valley", ("H", "WAD"): "wadi", ("T", "DSRT"): "desert",
    ("H", "LK"): "lake", ("H", "STM"): "river", ("T", "ISL"): "island", ("L", "AREA"): "area",
    ("L", "RGN"): "region", ("S", "CMP"): "camp", ("S", "MILB"): "base", ("S", "INSM"): "base",
    ("S", "PRN"): "prison", ("S", "AIRP"): "airport", ("S", "DAM"): "dam", ("H", "RSV"): "lake",
    ("A", "ADM2"): "district", ("A", "ADM3"): "subdistrict", ("R", "RD"): "road",
    ("S", "BDCR"): "crossing", ("S", "PSTB"): "crossing", ("L", "OILF"): "oilfield",
    ("V", "FRST"): "forest", ("S", "RFGC"): "camp",
}


def _lines(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            name = next(n for n in zf.namelist() if n.endswith(".txt") and not n.startswith("readme"))
            with zf.open(name) as fh:
                yield from io.TextIOWrapper(fh, encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            yield from fh


def _kind(path: Path) -> str:
    n = path.name.lower()
    if n.startswith("admin1codes"):
        return "admin1"
    if n.startswith("admin2codes"):
        return "admin2"
    if n.startswith("alternatenames"):
        return "alternate"
    return "places"


def _feature(fclass: str, fcode: str) -> str | None:
    return FEATURES.get((fclass, fcode)) or FEATURES.get((fclass, None))


def import_files(path: Path | None, files: list[Path], on_error: Callable[[str], None]) -> int:
    """Import GeoNames files into the gazetteer at `path`; returns the number of places added."""
    path = Path(path or default_path())
    Gazetteer(path)  # builds the base gazetteer if it is missing
    con = sqlite3.connect(path)
    admin2: dict[str, str] = {}
    added = 0
    order = {"admin1": 0, "admin2": 1, "places": 2, "alternate": 3}
    for f in sorted(files, key=lambda p: order[_kind(p)]):
        if not f.exists():
            on_error(f"{f}: no such file")
            continue
        kind = _kind(f)
        try:
            if kind == "admin1":
                for line in _lines(f):
                    parts = line.rstrip("\n").split("\t")
                    if len(parts) >= 3:
                        con.execute("INSERT OR IGNORE INTO admin1 (code, iso, name, lat, lon) VALUES (?,?,?,NULL,NULL)",
                                    (parts[0], parts[0].split(".")[0], parts[2] or parts[1]))
            elif kind == "admin2":
                for line in _lines(f):
                    parts = line.rstrip("\n").split("\t")
                    if len(parts) >= 3:
                        admin2[parts[0]] = parts[2] or parts[1]
            elif kind == "places":
                added += _import_places(con, f, admin2, on_error)
            else:
                _import_alternates(con, f, on_error)
        except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
            on_error(f"{f}: cannot read ({exc})")
    con.commit()
    con.close()
    return added


def _import_places(con: sqlite3.Connection, f: Path, admin2: dict[str, str], on_error) -> int:
    known = {r[0] for r in con.execute("SELECT geonameid FROM places WHERE geonameid IS NOT NULL")}
    next_id = (con.execute("SELECT max(id) FROM places").fetchone()[0] or 0) + 1
    places, names, added = [], [], 0
    for lineno, line in enumerate(_lines(f), 1):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 15:
            on_error(f"{f}:{lineno}: expected 19 tab-separated GeoNames columns; skipped")
            continue
        try:
            gid = int(parts[0])
            lat, lon = float(parts[4]), float(parts[5])
            pop = int(parts[14] or 0)
        except ValueError:
            on_error(f"{f}:{lineno}: unreadable number; skipped")
            continue
        feature = _feature(parts[6], parts[7])
        if feature is None or gid in known:
            continue
        iso, a1, a2 = parts[8], parts[10], parts[11]
        places.append((next_id, gid, parts[1], iso, f"{iso}.{a1}" if a1 else "",
                       admin2.get(f"{iso}.{a1}.{a2}", ""), feature, lat, lon, pop, 0.0, "geonames-dump"))
        seen = set()
        for n in [parts[1], parts[2], *parts[3].split(",")]:
            k = name_key(n) if n else ""
            if len(k) >= 3 and k not in seen:
                seen.add(k)
                names.append((k, next_id, n))
        known.add(gid)
        next_id += 1
        added += 1
        if len(places) >= 20000:
            _flush(con, places, names)
    _flush(con, places, names)
    return added


def _flush(con, places, names) -> None:
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES (?,?,?)", names)
    places.clear()
    names.clear()


def _import_alternates(con: sqlite3.Connection, f: Path, on_error) -> None:
    ids = dict(con.execute("SELECT geonameid, id FROM places WHERE geonameid IS NOT NULL"))
    batch = []
    for line in _lines(f):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 4:
            continue
        try:
            pid = ids.get(int(parts[1]))
        except ValueError:
            continue
        lang = parts[2]
        if pid is None or lang in ("link", "post", "iata", "icao", "faac", "wkdt", "unlc", "abbr"):
            continue
        k = name_key(parts[3])
        if len(k) >= 3:
            batch.append((k, pid, parts[3]))
        if len(batch) >= 50000:
            con.executemany("INSERT INTO names VALUES (?,?,?)", batch)
            batch.clear()
    con.executemany("INSERT INTO names VALUES (?,?,?)", batch)
