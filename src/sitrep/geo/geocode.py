"""`sitrep geocode`: ranked candidates for a query, one at a time or in batch."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from sitrep.geo.gazetteer import POINT_FEATURES, Gazetteer, get_gazetteer
from sitrep.geo.locate import FEATURE_WORDS, SAME_PLACE_KM
from sitrep.geo.names import ascii_fold, name_key
from sitrep.geo.resolve import GeoContext, distance_km, score_candidate
from sitrep.model import Place


def _record(p: Place, score: float) -> dict:
    return {
        "name": p.name, "latitude": p.latitude, "longitude": p.longitude, "admin1": p.admin1,
        "admin2": p.admin2, "country": p.country, "iso": p.iso, "feature": p.feature,
        "admin3": getattr(p, "admin3", "") or "", "geonameid": p.geonameid, "population": p.population,
        "precision": 1 if p.feature in ("town", "village", "city") else 3 if p.feature in (
            "admin1", "country", "desert", "range", "region") else 2,
        "score": round(score, 3),
    }


def geocode_query(query: str, country: str | None = None, limit: int = 10) -> list[dict]:
    """Candidates for `query`, best first (country: ISO2 to prefer or restrict)."""
    gaz = get_gazetteer()
    context = GeoContext()
    if country:
        context.countries[country.upper()] += 3
    words = query.strip().split()
    hint = FEATURE_WORDS.get(words[-1].lower(), "") if len(words) > 1 else ""
    cands = gaz.lookup(query)
    if not cands and hint:
        cands = gaz.lookup(" ".join(words[:-1]))
    if country:
        cands = [c for c in cands if c.iso == country.upper()] or cands
    scored = [(score_candidate(c, query, context, hint), c) for c in cands]
    if not hint:
        # a bare name shared by a province and its city ("Basra", "Kirkuk") asks for the city,
        # as ACLED's location column does; "Basra province" asks for the province
        cities = {(c.iso, c.admin1): s for s, c in scored
                  if c.feature in POINT_FEATURES and (c.population or 0) >= CITY_POP}
        scored = [(min(s, cities[(c.iso, c.admin1)] - 0.01) if c.feature == "admin1" and (c.iso, c.admin1) in cities
                   else s, c) for s, c in scored]
    scored += [(s, b) for s, b in _barangays(gaz, query, country, context) if all(b is not c for _, c in scored)]
    scored.sort(key=lambda t: -t[0])
    return [_record(c, s) for s, c in scored[:limit]]


BARANGAY_PLACED = 3.0  # a barangay the query sets in its town or province: what it asks for


def _barangays(gaz: Gazetteer, query: str, country: str | None, context: GeoContext) -> list[tuple[float, object]]:
    """The Philippines' barangays a query names: "Tumaga, Zamboanga City" (its municipality or
    province after a comma) first of all; a name alone only where its namesakes are one spot
    (a name like "San Jose" is a barangay of a hundred towns), after the towns of that name."""
    name, *rest = [part.strip() for part in query.split(",")]
    brgys = [b for b in gaz.barangays(name_key(name)) if not country or b.iso == country.upper()]
    if not brgys:
        return []
    rest = [ascii_fold(r) for r in rest if r]
    if rest:
        def placed(b) -> bool:
            units = [*getattr(b, "admin3_forms", []), getattr(b, "admin3", ""), getattr(b, "psgc_province", ""),
                     b.admin2, b.admin1]
            return any(ascii_fold(u) == r for u in units if u for r in rest)

        return [(BARANGAY_PLACED, b) for b in brgys if placed(b)]
    first = brgys[0]
    if any(distance_km((b.latitude, b.longitude), (first.latitude, first.longitude)) > SAME_PLACE_KM for b in brgys):
        return []
    return [(score_candidate(first, name, context), first)]


CITY_POP = 10_000  # a town that large, named like its province, is what a bare name means


NULL_FIELDS = ["name", "latitude", "longitude", "admin1", "admin2", "country", "feature",
               "geonameid", "precision"]


def geocode_batch(path: Path, out: TextIO, on_error: Callable[[str], None]) -> int:
    """Read {id, query, country?} lines; write one line per id. Returns the error count."""
    errors = 0
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                query = item["query"]
                rid = item.get("id", lineno)
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                on_error(f"{path}:{lineno}: expected {{id, query, country?}} ({exc.__class__.__name__})")
                errors += 1
                continue
            best = geocode_query(str(query), item.get("country"), limit=1)
            row = {"id": rid}
            if best:
                row.update({k: best[0][k] for k in NULL_FIELDS})
            else:
                row.update(dict.fromkeys(NULL_FIELDS))
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return errors
