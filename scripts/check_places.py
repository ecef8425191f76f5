"""Schema check for the gazetteer supplement (src/sitrep/data/places/*.yaml).

Usage: python check_places.py [DIR]   (DIR defaults to the repository's src/sitrep/data/places)
Exit 1 on any schema error; prints counts per file and feature.

Each entry has the keys of REQUIRED, and may have those of OPTIONAL (in any order; the
gazetteer reads a missing `variants` as none, `admin1` as "find it by point-in-polygon",
`admin2` as "", `radius_km` as 0; `replaces: [lat, lon]` names a misplaced GeoNames town the
entry stands for, left out of the build). A point must lie in a Natural Earth unit of its country
(src/sitrep/data/admin1.json.gz), or within NEAR_DEG of one (coasts are simplified).
"""
import collections
import gzip
import json
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
DIR = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "src" / "sitrep" / "data" / "places"
REQUIRED = ["name", "feature", "country", "lat", "lon", "note"]
OPTIONAL = ["variants", "admin1", "admin2", "radius_km", "replaces"]
FEATURES = set(["desert", "mountain", "range", "valley", "wadi", "lake", "island", "river", "road", "crossing", "base", "oilfield", "district", "subdistrict", "town", "village", "neighbourhood", "region", "forest", "dam", "airport", "camp", "prison"])
NEAR_DEG = 0.2  # about 20 km: a point on an island or a coast beyond the simplified outline


def _country_shapes() -> dict:
    from shapely.geometry import shape

    rows = json.loads(gzip.decompress((ROOT / "src" / "sitrep" / "data" / "admin1.json.gz").read_bytes()))
    out: dict = {}
    for r in rows:
        out.setdefault(r["iso"], []).append(shape(r["geometry"]))
    return out


SHAPES = _country_shapes()


def in_country(iso: str, lat: float, lon: float) -> bool:
    from shapely.geometry import Point

    pt = Point(lon, lat)
    return any(s.distance(pt) <= NEAR_DEG for s in SHAPES.get(iso, ()))


errors, warnings = [], []
for path in sorted(DIR.glob("*.yaml")):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        errors.append(f"{path.name}: top level is not a list")
        continue
    feats, names, variant_owner = collections.Counter(), collections.Counter(), {}
    for i, e in enumerate(data):
        where = f"{path.name}[{i}] {e.get('name') if isinstance(e, dict) else e!r}"
        if not isinstance(e, dict) or set(REQUIRED) - set(e) or set(e) - set(REQUIRED) - set(OPTIONAL):
            errors.append(f"{where}: keys {list(e) if isinstance(e, dict) else type(e)}: needs {REQUIRED}, may have {OPTIONAL}")
            continue
        e = {"variants": [], "admin1": "", "admin2": "", "radius_km": 0, **e}
        for k in ("name", "country", "admin1", "admin2", "note"):
            if not isinstance(e[k], str):
                errors.append(f"{where}: {k} not a string")
        if not e["name"].strip() or not e["note"].strip():
            errors.append(f"{where}: empty name or note")
        if not isinstance(e["variants"], list) or not all(isinstance(v, str) and v.strip() for v in e["variants"]):
            errors.append(f"{where}: variants must be a list of non-empty strings")
        elif len({v.lower() for v in e["variants"]}) != len(e["variants"]):
            warnings.append(f"{where}: duplicate variants")
        if e["feature"] not in FEATURES:
            errors.append(f"{where}: feature {e['feature']!r} not in vocabulary")
        if not all(isinstance(e[k], (int, float)) and not isinstance(e[k], bool) for k in ("lat", "lon")):
            errors.append(f"{where}: lat/lon not numbers")
            continue
        if not (-90 <= e["lat"] <= 90 and -180 <= e["lon"] <= 180):
            errors.append(f"{where}: lat/lon out of range")
        if e["country"] not in SHAPES:
            errors.append(f"{where}: unknown country {e['country']!r}")
        elif not in_country(e["country"], e["lat"], e["lon"]):
            errors.append(f"{where}: ({e['lat']}, {e['lon']}) outside {e['country']}")
        if not isinstance(e["radius_km"], int) or isinstance(e["radius_km"], bool) or e["radius_km"] < 0:
            errors.append(f"{where}: radius_km must be a non-negative integer")
        names[e["name"].lower()] += 1
        feats[e["feature"]] += 1
        for v in [e["name"]] + (e["variants"] if isinstance(e["variants"], list) else []):
            key = (v.lower(), e["country"])
            if key in variant_owner and variant_owner[key] != e["name"]:
                warnings.append(f"{path.name}: '{v}' used by both '{variant_owner[key]}' and '{e['name']}'")
            variant_owner.setdefault(key, e["name"])
    for n, c in names.items():
        if c > 1:
            errors.append(f"{path.name}: duplicate name {n!r}")
    countries = collections.Counter(e["country"] for e in data if isinstance(e, dict))
    print(f"{path.name}: {len(data)} entries")
    print("  features:", ", ".join(f"{k} {v}" for k, v in sorted(feats.items(), key=lambda kv: (-kv[1], kv[0]))))
    if len(countries) > 1:
        print("  countries:", ", ".join(f"{k} {v}" for k, v in sorted(countries.items())))
for w in warnings:
    print("WARN", w)
for err in errors:
    print("ERROR", err)
print(f"{len(errors)} errors, {len(warnings)} warnings")
sys.exit(1 if errors else 0)
