"""What an analyst's edit implies, so an edited event never contradicts itself.

- A new place name is looked up in the gazetteer: coordinates, country, admin1, admin2 and
  geo precision come from the best candidate (in the event's country if it has one there). A
  name the gazetteer does not know needs a point: the edit is refused unless it gives latitude
  and longitude.
- A point the analyst places (latitude and longitude together) keeps its coordinates; the
  country and admin1 are the province the point lies in, admin2 that of the named place when it
  lies within 25 km of the point.
- The notes are written again (sitrep.extract.notes) whenever a field they tell changes,
  unless the edit sets the notes itself.

Fields the edit sets itself always win over what they would imply. The store calls
`complete(row, changes)` inside the edit's transaction (Store.edit_event's `complete`).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from sitrep.model import Event

NEAR_KM = 25.0  # a named place this close to a placed point lends it its admin2
# the fields make_notes tells: a change to any of them rewrites the notes
NOTE_FIELDS = ("event_date", "time_precision", "sub_event_type", "actor1", "actor2", "location", "admin1",
               "country", "fatalities", "injured", "abducted")
PLACE_FIELDS = ("latitude", "longitude", "country", "iso", "admin1", "admin2", "geo_precision")


class PlaceError(ValueError):
    """The edit names a place the gazetteer does not know and gives no point."""


def complete(row: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """`changes` (validated) with the fields they imply for stored event `row`."""
    out = dict(changes)
    placed = "latitude" in out or "longitude" in out
    if placed:
        if ("latitude" in out) != ("longitude" in out) or (out.get("latitude") is None) != (out.get("longitude") is None):
            raise ValueError("latitude and longitude go together: give both (a point) or both null")
        if out["latitude"] is not None:
            _fill_from_point(row, out)
    elif "location" in out and out["location"] != row.get("location"):
        _fill_from_name(row, out)
    if "notes" not in out and any(k in out and out[k] != row.get(k) for k in NOTE_FIELDS):
        out["notes"] = notes_for({**row, **out})
    return out


def _fill_from_name(row: dict[str, Any], out: dict[str, Any]) -> None:
    from sitrep.geo.geocode import geocode_query

    name = out["location"].strip()
    iso = out.get("iso", row.get("iso")) or None
    found = geocode_query(name, iso, limit=1) if name else []
    if not found:
        raise PlaceError(f"location {name[:80]!r} is not in the gazetteer: place the event on the map "
                         "(give latitude and longitude) or use another spelling")
    best = found[0]
    implied = {"latitude": best["latitude"], "longitude": best["longitude"], "country": best["country"],
               "iso": best["iso"], "admin1": best["admin1"], "admin2": best["admin2"],
               "geo_precision": best["precision"]}
    for k, v in implied.items():
        out.setdefault(k, v)


def _fill_from_point(row: dict[str, Any], out: dict[str, Any]) -> None:
    from sitrep.geo.gazetteer import get_gazetteer
    from sitrep.geo.geocode import geocode_query
    from sitrep.geo.resolve import distance_km

    lat, lon = out["latitude"], out["longitude"]
    gaz = get_gazetteer()
    code = _admin1_locator().code_at(lat, lon, out.get("iso", ""))
    iso = code.split(".")[0] if code else out.get("iso", row.get("iso", ""))
    implied: dict[str, Any] = {"iso": iso, "country": gaz.country_name(iso) if iso else "",
                               "admin1": gaz.admin1_name(code) if code else ""}
    name = out.get("location", row.get("location")) or ""
    near = [c for c in (geocode_query(name, iso or None, limit=5) if name else [])
            if c["latitude"] is not None and distance_km((lat, lon), (c["latitude"], c["longitude"])) <= NEAR_KM]
    implied["admin2"] = near[0]["admin2"] if near else ""
    if near and not implied["admin1"]:
        implied["admin1"] = near[0]["admin1"]
    for k, v in implied.items():
        if k == "country" and not v:
            continue
        out.setdefault(k, v)


@lru_cache(maxsize=1)
def _admin1_locator():
    from sitrep.geo.gazetteer import Admin1Locator, load_admin1_rows

    return Admin1Locator(load_admin1_rows())


def notes_for(rec: dict[str, Any]) -> str:
    """ACLED-style notes for a stored event record (sitrep.extract.notes.make_notes)."""
    from sitrep.extract.notes import make_notes

    date = rec.get("event_date")
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    ev = Event(article_id=str(rec.get("article_id") or ""), event_date=date,
               time_precision=rec.get("time_precision") or 3, event_type=rec.get("event_type") or "",
               sub_event_type=rec.get("sub_event_type") or "", actor1=rec.get("actor1") or "",
               actor2=rec.get("actor2") or "", country=rec.get("country") or "", admin1=rec.get("admin1") or "",
               location=rec.get("location") or "", fatalities=rec.get("fatalities") or 0,
               injured=rec.get("injured") or 0, abducted=rec.get("abducted") or 0)
    return make_notes(ev)
