"""Fusion: is a newly extracted event the same real-world event as one already stored?

Reports of one event differ in wording, spelling, counts and coding detail; reports of two
events can share a place or a day. The rule (docs/fusion.md): same country; compatible types
(the same type, or two kinds of violence told differently); dates within the window of the
looser time precision; places within a distance set by the looser geo precision; different
named perpetrators count against. A report dated only to a month (a round-up) never
absorbs a precise one, nor the other way round. Among the candidates that pass, the closest wins.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sitrep.geo.gazetteer import admin1_code
from sitrep.geo.names import ascii_fold
from sitrep.geo.resolve import distance_km

DATE_WINDOW = {1: 1, 2: 7, 3: 31}  # days, by ACLED time precision
PLACE_RADIUS = {1: 15.0, 2: 40.0, 3: 120.0}  # km, by ACLED geo precision
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@dataclass
class Match:
    event_id: int
    score: float


def _date(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


def _vague(e: dict[str, Any]) -> bool:
    """Known only to the month: a round-up ("attacks in recent weeks"), not one incident."""
    return (e.get("time_precision") or 3) >= 3


_NAME = re.compile(r"\b[A-Z][\w'’-]{2,}")
_COMMON = {"The", "On", "In", "At", "An", "A", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
           "Saturday", "Sunday", "Police", "Security", "According", "Officials", "Local", "He", "She",
           "They", "It", "This", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"}


def names_in(ev: dict[str, Any]) -> set[str]:
    """The proper names in an event's evidence: places, groups and people outlets share."""
    if "names" in ev:
        return set(ev["names"])
    text = " ".join(e["text"] if isinstance(e, dict) else e.text for e in ev.get("evidence") or []
                    if (e["field"] if isinstance(e, dict) else e.field) == "event_type")
    return {ascii_fold(w).replace("’", "'") for w in _NAME.findall(text) if w not in _COMMON}


def name_overlap(a: dict[str, Any], b: dict[str, Any], specific: bool = False) -> float:
    """Shared proper names (Jaccard). `specific`: leave out the words of both reports' province,
    country and actors, which two attacks on one force in one province share as well."""
    na, nb = names_in(a), names_in(b)
    if specific:
        common = {ascii_fold(w) for e in (a, b) for k in ("admin1", "country", "actor1", "actor2")
                  for w in re.findall(r"[\w'’]{3,}", e.get(k) or "")}
        na, nb = na - common, nb - common
    return len(na & nb) / len(na | nb) if na and nb else 0.0


def _named(actor: str) -> bool:
    return bool(actor) and not actor.startswith(("Unidentified", "Civilians", "Protesters", "Rioters"))


def _placed(e: dict[str, Any]) -> bool:
    return e.get("latitude") is not None and e.get("longitude") is not None


_DIRECTION = re.compile(r"^(?:the\s+)?(?:north|south|east|west|central|upper|lower)(?:ern)?[\s-]+", re.IGNORECASE)


def _unprefixed(text: str) -> list[str]:
    """"eastern North Kivu": itself, "North Kivu", "Kivu" (a compass word may be part of the name)."""
    out = [text.strip()]
    while (m := _DIRECTION.match(out[-1])) and m.end() < len(out[-1]):
        out.append(out[-1][m.end():])
    return out


_UNIT = re.compile(r"\s+(?:province|governorate|state|region|department|county|prefecture)$", re.IGNORECASE)
_OF_COUNTRY = re.compile(r"^.*['’]s\s+")  # "Congo's North Kivu province"


def _regional(e: dict[str, Any]) -> bool:
    """Placed only by its province: the text named the province ("in western Anbar",
    "Deir ez-Zor" for the city and the province alike), not a town or a natural feature."""
    if "regional" in e:
        return bool(e["regional"])
    adm = e.get("admin1") or ""
    if not adm:
        return False
    said = [ev["text"] if isinstance(ev, dict) else ev.text for ev in e.get("evidence") or []
            if (ev["field"] if isinstance(ev, dict) else ev.field) == "location"]
    names = [v for t in said for v in _unprefixed(t)]
    names = [_UNIT.sub("", _OF_COUNTRY.sub("", n)).strip() for n in names] or [e.get("location") or ""]
    code = admin1_code(e.get("iso") or "", adm)
    return any(n and admin1_code(e.get("iso") or "", n) == code for n in names)


def same_event_score(new: dict[str, Any], old: dict[str, Any]) -> float | None:
    """A closeness score when `new` and `old` may be one event, else None."""
    if new.get("iso") and old.get("iso") and new["iso"] != old["iso"]:
        return None
    ta, tb = new.get("event_type"), old.get("event_type")
    if ta != tb and not (ta in VIOLENT and tb in VIOLENT):
        return None
    if _vague(new) != _vague(old):
        return None  # "attacks in Diyala in recent weeks" must not swallow a dated bombing
    da, db = _date(new.get("event_date")), _date(old.get("event_date"))
    if da is None or db is None:
        return None
    window = DATE_WINDOW[max(new.get("time_precision") or 3, old.get("time_precision") or 3)]
    gap = abs((da - db).days)
    if gap > window:
        return None
    score = 2.0 - gap / max(window, 1)
    overlap = name_overlap(new, old)
    score += overlap
    a1, b1 = new.get("actor1") or "", old.get("actor1") or ""
    placed_a, placed_b = _placed(new), _placed(old)
    same_admin1 = bool(new.get("admin1")) and new.get("admin1") == old.get("admin1")
    if placed_a and placed_b and not ((_regional(new) or _regional(old)) and same_admin1):
        radius = PLACE_RADIUS[max(new.get("geo_precision") or 3, old.get("geo_precision") or 3)]
        d = distance_km((new["latitude"], new["longitude"]), (old["latitude"], old["longitude"]))
        if d > radius and not (gap <= 1 and name_overlap(new, old, specific=True) >= 0.4):
            return None  # far apart, unless the reports name the same places and people the same day
        score += 1.5 * max(0.0, 1 - d / radius)
    elif same_admin1:
        score += 0.5  # "in Anbar" and a town in Anbar: compatible, not close
    elif placed_a and placed_b or (new.get("admin1") and old.get("admin1")):
        if overlap < 0.4:
            return None
    elif not (gap <= 1 and (overlap >= 0.25 or (_named(a1) and a1 == b1))):
        return None  # a report with no place: only the same day, and shared names or group
    if _named(a1) and _named(b1):
        # outlets blame different groups, and coders misread roles: a hint, not a veto
        score += 0.5 if a1 == b1 else -1.0
    if new.get("sub_event_type") == old.get("sub_event_type"):
        score += 0.5
    return score


MIN_SCORE = 1.0


REPORT_FIELDS = ("event_date", "time_precision", "event_type", "sub_event_type", "iso", "admin1",
                 "location", "latitude", "longitude", "geo_precision", "actor1")


def report(rec: dict[str, Any]) -> dict[str, Any]:
    """What one source said of an event, kept beside the source so that later reports are
    matched against every account, not only the fused row (which holds the first report's
    wording and the best precision any report gave)."""
    out = {k: rec.get(k) for k in REPORT_FIELDS}
    if out["event_date"] is not None:
        out["event_date"] = str(out["event_date"])[:10]
    out["names"] = sorted(names_in(rec))
    out["regional"] = _regional(rec)
    return out


_PLACE = ("iso", "admin1", "location", "latitude", "longitude", "geo_precision")


def _account(row: dict[str, Any], rep: dict[str, Any]) -> dict[str, Any]:
    """One source's account of a stored event, never looser than the event itself: a report
    that only named the province must not let a bombing in another town of that province
    join an event that other reports place exactly."""
    acc = dict(rep, id=row["id"])
    if (rep.get("geo_precision") or 4) > (row.get("geo_precision") or 4):
        acc.update({k: row.get(k) for k in _PLACE})
    if (rep.get("time_precision") or 3) > (row.get("time_precision") or 3):
        acc.update(event_date=row.get("event_date"), time_precision=row.get("time_precision"))
    return acc


def best_match(new: dict[str, Any], candidates: list[dict[str, Any]]) -> Match | None:
    """The stored event that `new` reports again, if any.

    candidates: stored event rows, each with `reports` (its sources' own accounts, possibly
    empty); an event matches when the fused row or any one of its reports does.
    """
    best: Match | None = None
    for old in candidates:
        if old.get("review_status") == "merged":
            continue
        for account in [old, *(_account(old, r) for r in old.get("reports") or [])]:
            s = same_event_score(new, account)
            if s is not None and s >= MIN_SCORE and (best is None or s > best.score):
                best = Match(old["id"], s)
    return best


def absorb(row: dict[str, Any], ev: Any, article_id: str) -> dict[str, Any]:
    """The new field values of stored event `row` once report `ev` (from `article_id`) joins it.

    The fatality range widens (ACLED's lowest figure, a median best, a high); a better time or
    geo precision, or a named perpetrator where there was none, replaces the stored fields, and
    `provenance` records which article gave what. A reviewed event keeps every field: only an
    analyst changes it. Reports that give no figure do not contradict those that do.
    """
    prov = dict(row.get("provenance") or {})
    counts = dict(prov.get("fatalities") or {row["article_id"]: row["fatalities"]})
    counts[article_id] = ev.fatalities
    prov["fatalities"] = counts
    values: dict[str, Any] = {"provenance": prov}
    if row["review_status"] != "unreviewed":
        return values
    reviewed = set(row.get("reviewed_fields") or [])
    nums = sorted(n for n in counts.values() if n) or [0]
    if "fatalities" not in reviewed:
        values["fatalities"] = nums[0]
    values["fatalities_best"] = nums[len(nums) // 2]
    values["fatalities_high"] = nums[-1]
    fields = prov.setdefault("fields", {})
    if ev.time_precision < (row["time_precision"] or 3) and not reviewed & {"event_date", "time_precision"}:
        values.update(event_date=ev.event_date, time_precision=ev.time_precision)
        fields.update(event_date=article_id, time_precision=article_id)
    place = ("location", "latitude", "longitude", "admin1", "admin2", "geo_precision")
    if ev.geo_precision and ev.geo_precision < (row["geo_precision"] or 4) and not reviewed & set(place):
        values.update({k: getattr(ev, k) for k in place})
        fields.update(dict.fromkeys(place, article_id))
    if not _named(row["actor1"] or "") and _named(ev.actor1) and "actor1" not in reviewed:
        values.update(actor1=ev.actor1, inter1=ev.inter1)
        fields["actor1"] = article_id
    return values
