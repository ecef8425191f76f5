"""Schema check for the gazetteer supplement (src/sitrep/data/places/*.yaml).

Usage: python check_places.py [DIR]   (DIR defaults to this file's directory)
Exit 1 on any schema error; prints counts per file and feature.
"""
import collections
import pathlib
import sys

import yaml

DIR = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent
KEYS = ["name", "variants", "feature", "country", "admin1", "admin2", "lat", "lon", "radius_km", "note"]
FEATURES = set(["desert", "mountain", "range", "valley", "wadi", "lake", "island", "river", "road", "crossing", "base", "oilfield", "district", "subdistrict", "town", "village", "neighbourhood", "region", "forest", "dam", "airport", "camp", "prison"])
BBOX = {  # rough country boxes: lat_min, lat_max, lon_min, lon_max
    "IQ": (29.0, 37.5, 38.7, 48.7), "SY": (32.3, 37.4, 35.6, 42.4), "NG": (4.2, 13.9, 2.6, 14.7),
    "TD": (7.4, 23.5, 13.4, 24.0), "NE": (11.6, 23.6, 0.1, 16.0), "CM": (1.6, 13.1, 8.4, 16.2),
    "ML": (10.1, 25.0, -12.3, 4.3), "BF": (9.4, 15.1, -5.6, 2.5), "SO": (-1.7, 12.0, 40.9, 51.5),
    "AF": (29.3, 38.5, 60.5, 75.0), "PK": (23.6, 37.1, 60.8, 77.9), "YE": (12.0, 19.0, 42.5, 54.6),
    "SD": (8.6, 22.3, 21.8, 38.7), "CD": (-13.5, 5.4, 12.2, 31.4), "UA": (44.3, 52.4, 22.1, 40.3),
}
errors, warnings = [], []
for path in sorted(DIR.glob("*.yaml")):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        errors.append(f"{path.name}: top level is not a list")
        continue
    feats, names, variant_owner = collections.Counter(), collections.Counter(), {}
    for i, e in enumerate(data):
        where = f"{path.name}[{i}] {e.get('name') if isinstance(e, dict) else e!r}"
        if not isinstance(e, dict) or list(e) != KEYS:
            errors.append(f"{where}: keys {list(e) if isinstance(e, dict) else type(e)} != {KEYS}")
            continue
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
        box = BBOX.get(e["country"])
        if box is None:
            errors.append(f"{where}: unknown country {e['country']!r}")
        elif not (box[0] <= e["lat"] <= box[1] and box[2] <= e["lon"] <= box[3]):
            errors.append(f"{where}: ({e['lat']}, {e['lon']}) outside {e['country']} box {box}")
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
