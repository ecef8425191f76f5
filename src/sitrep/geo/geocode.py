"""`sitrep geocode`: ranked candidates for a query, one at a time or in batch."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from sitrep.geo.gazetteer import POINT_FEATURES, get_gazetteer
from sitrep.geo.locate import FEATURE_WORDS
from sitrep.geo.resolve import GeoContext, score_candidate
from sitrep.model import Place


def _record(p: Place, score: float) -> dict:
    return {
        "name": p.name, "latitude": p.latitude, "longitude": p.longitude, "admin1": p.admin1,
        "admin2": p.admin2, "country": p.country, "iso": p.iso, "feature": p.feature,
        "geonameid": p.geonameid, "population": p.population,
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
    scored.sort(key=lambda t: -t[0])
    return [_record(c, s) for s, c in scored[:limit]]


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
