"""Review: analysts edit, accept and reject events; every change is kept with who, when,
before and after. Fields an analyst set are listed in `reviewed_fields`, which later machine
updates (fusion, re-extraction) must leave alone.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from sitrep.model import DISORDER_TYPES, SUB_EVENT_TYPES
from sitrep.store.tables import event_history, event_sources, events

EDITABLE = {
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
    "inter1", "actor2", "assoc_actor_2", "inter2", "civilian_targeting", "country", "iso",
    "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "fatalities",
    "injured", "abducted", "notes", "source", "source_scale",
}
# ACLED fields that follow from others: set with them, never on their own
DERIVED = {"disorder_type": "event_type", "interaction": "inter1 and inter2"}
ACTIONS = {"accept": "accepted", "reject": "rejected"}


class Conflict(Exception):
    """A review step the event's state does not allow (accepting a merged-away duplicate):
    the message says why and what to do instead."""


def _jsonable(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


INT_MAX = 2**31 - 1  # the integer columns' range
TEXT_LIMITS = {"actor1": 300, "assoc_actor_1": 300, "actor2": 300, "assoc_actor_2": 300, "location": 300,
               "admin1": 200, "admin2": 200, "admin3": 200, "country": 100, "notes": 10_000, "source": 300,
               "source_scale": 100}
MAX_NOTE = 2_000  # a review note
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return (_is_int(v) or isinstance(v, float)) and math.isfinite(v)


def check_text(field: str, v: Any, limit: int, multiline: bool = False) -> str:
    """A string of at most `limit` characters without control characters (newlines and tabs
    only where `multiline`). Raises ValueError naming the field."""
    if not isinstance(v, str):
        raise ValueError(f"{field} must be a string")
    if len(v) > limit:
        raise ValueError(f"{field} must have at most {limit} characters")
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{field} must be valid Unicode text") from None
    allowed = "\n\t\r" if multiline else ""
    if any((ord(c) < 32 and c not in allowed) or c == "\x7f" for c in v):
        raise ValueError(f"{field} must not contain control characters")
    return v


def _check_date(v: Any) -> dt.date | None:
    if v is None:
        return None
    try:
        d = dt.date.fromisoformat(v) if isinstance(v, str) else v if type(v) is dt.date else None
    except ValueError:
        d = None
    if d is None or not EARLIEST <= d <= LATEST:
        raise ValueError(f"event_date must be a date YYYY-MM-DD between {EARLIEST} and {LATEST}")
    return d


def _check_range(field: str, v: Any, low: float, high: float, *, whole: bool, optional: bool) -> Any:
    if v is None and optional:
        return None
    ok = _is_int(v) if whole else _is_number(v)
    if not ok or not low <= v <= high:
        kind = "a whole number" if whole else "a number"
        raise ValueError(f"{field} must be {kind} from {low:g} to {high:g}")
    return v


RANGES = {  # field: (low, high, whole number, may be null)
    "time_precision": (1, 3, True, False), "geo_precision": (1, 3, True, True),
    "inter1": (1, 8, True, True), "inter2": (1, 8, True, True),
    "latitude": (-90, 90, False, True), "longitude": (-180, 180, False, True),
    "fatalities": (0, INT_MAX, True, False), "injured": (0, INT_MAX, True, False),
    "abducted": (0, INT_MAX, True, False),
}


def _check_types(out: dict[str, Any]) -> None:
    for k in ("event_type", "sub_event_type"):
        if k in out and not isinstance(out[k], str):
            raise ValueError(f"{k} must be a string")
    if "sub_event_type" in out:
        if out["sub_event_type"] not in SUB_EVENT_TYPES:
            raise ValueError(f"unknown sub_event_type {out['sub_event_type'][:60]!r}")
        out.setdefault("event_type", SUB_EVENT_TYPES[out["sub_event_type"]])
    if "event_type" in out and out["event_type"] not in set(SUB_EVENT_TYPES.values()):
        raise ValueError(f"unknown event_type {out['event_type'][:60]!r}")


def validate_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """Check an edit: known fields, ACLED strings, numbers in range and of the right kind
    (true is not a number), strings of bounded length. Raises ValueError naming the field."""
    derived = sorted(set(changes) & set(DERIVED))
    if derived:
        raise ValueError(f"{derived[0]} follows from {DERIVED[derived[0]]}: edit that instead")
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"fields that cannot be edited: {', '.join(sorted(unknown))[:200]}")
    out = dict(changes)
    if "event_date" in out:
        out["event_date"] = _check_date(out["event_date"])
    _check_types(out)
    for k, (low, high, whole, optional) in RANGES.items():
        if k in out:
            out[k] = _check_range(k, out[k], low, high, whole=whole, optional=optional)
    for k, limit in TEXT_LIMITS.items():
        if k in out:
            out[k] = check_text(k, out[k], limit, multiline=k == "notes")
    if "iso" in out and not (out["iso"] == "" or (isinstance(out["iso"], str) and len(out["iso"]) == 2
                                                  and out["iso"].isascii() and out["iso"].isupper())):
        raise ValueError("iso must be a two-letter upper-case country code or empty")
    if "civilian_targeting" in out and out["civilian_targeting"] not in ("", "Civilian targeting"):
        raise ValueError('civilian_targeting must be "" or "Civilian targeting"')
    return out


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: the two inter codes, lower first (10*a+b); a alone as a*10."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def with_derived(row: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """`changes` plus the fields that follow from them (disorder type, interaction code)."""
    out = dict(changes)
    if "event_type" in out:
        out["disorder_type"] = DISORDER_TYPES.get(out["event_type"], "")
    if "inter1" in out or "inter2" in out:
        out["interaction"] = interaction_code(out.get("inter1", row.get("inter1")), out.get("inter2", row.get("inter2")))
    return out


Complete = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]


def check_event_id(field: str, v: Any) -> int:
    """An event id from a request body: a whole number in the id column's range."""
    return _check_range(field, v, 1, INT_MAX, whole=True, optional=False)


class ReviewMixin:
    engine: sa.engine.Engine

    def edit_event(self, event_id: int, changes: dict[str, Any], user: str, note: str = "",
                   complete: Complete | None = None) -> dict[str, Any]:
        """Apply an analyst's edit; returns the changed fields as {field: [before, after]}.

        `complete(row, changes)` may add the fields an edit implies (sitrep.edits: a new place's
        coordinates and province, regenerated notes); what it returns is validated again. The
        disorder type and interaction code always follow the event type and inter codes. A
        rejected event stays rejected; a merged-away duplicate cannot be edited (Conflict)."""
        changes = validate_changes(changes)
        with self.engine.begin() as con:
            row = con.execute(sa.select(events).where(events.c.id == event_id)).mappings().first()
            if row is None:
                raise KeyError(event_id)
            if row["review_status"] == "merged":
                raise Conflict(self._merged_message(con, event_id, "edited"))
            if complete is not None:
                changes = validate_changes(complete(dict(row), changes))
            changes = with_derived(dict(row), changes)
            diff = {k: [_jsonable(row[k]), _jsonable(v)] for k, v in changes.items() if row[k] != v}
            if not diff:
                return {}
            reviewed = sorted(set(row["reviewed_fields"] or []) | set(diff))
            status = "rejected" if row["review_status"] == "rejected" else "edited"
            con.execute(events.update().where(events.c.id == event_id).values(
                **{k: changes[k] for k in diff}, reviewed_fields=reviewed, review_status=status))
            con.execute(event_history.insert().values(
                event_id=event_id, user_name=user, at=dt.datetime.now(dt.timezone.utc),
                action="edit", changes=diff, note=note))
        return diff

    def review_event(self, event_id: int, action: str, user: str, note: str = "") -> str:
        """Accept or reject an event; returns the new review status."""
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {', '.join(ACTIONS)}")
        status = ACTIONS[action]
        with self.engine.begin() as con:
            row = con.execute(sa.select(events.c.review_status).where(events.c.id == event_id)).first()
            if row is None:
                raise KeyError(event_id)
            if row[0] == "merged":
                raise Conflict(self._merged_message(con, event_id, status))
            con.execute(events.update().where(events.c.id == event_id).values(review_status=status))
            con.execute(event_history.insert().values(
                event_id=event_id, user_name=user, at=dt.datetime.now(dt.timezone.utc), action=action,
                changes={"review_status": [row[0], status]}, note=note))
        return status

    def merge_events(self, keep_id: int, other_id: int, user: str, note: str = "") -> None:
        """Fold a duplicate into `keep_id`: its sources move over; it stays, marked merged."""
        if keep_id == other_id:
            raise ValueError("an event cannot be merged into itself")
        now = dt.datetime.now(dt.timezone.utc)
        with self.engine.begin() as con:
            found = {r[0]: r[1] for r in con.execute(sa.select(events.c.id, events.c.review_status)
                                                     .where(events.c.id.in_([keep_id, other_id])))}
            if keep_id not in found or other_id not in found:
                raise KeyError(other_id if keep_id in found else keep_id)
            if found[other_id] == "merged":
                raise ValueError(f"event {other_id} was merged already")
            if found[keep_id] == "merged":
                raise Conflict(self._merged_message(con, keep_id, "a merge target"))
            have = {r[0] for r in con.execute(sa.select(event_sources.c.article_id)
                                              .where(event_sources.c.event_id == keep_id))}
            for article_id, rep in con.execute(sa.select(event_sources.c.article_id, event_sources.c.report)
                                               .where(event_sources.c.event_id == other_id)).all():
                if article_id not in have:
                    con.execute(event_sources.insert().values(event_id=keep_id, article_id=article_id,
                                                              report=rep))
            con.execute(events.update().where(events.c.id == other_id).values(review_status="merged"))
            con.execute(event_history.insert(), [
                {"event_id": keep_id, "user_name": user, "at": now, "action": "merge",
                 "changes": {"merged": [None, other_id]}, "note": note},
                {"event_id": other_id, "user_name": user, "at": now, "action": "merge",
                 "changes": {"review_status": [found[other_id], "merged"], "merged_into": [None, keep_id]},
                 "note": note},
            ])

    def split_event(self, event_id: int, user: str, note: str = "") -> int:
        """Split off a second event from one that told two: a copy with the same sources,
        left unreviewed for the analyst to correct. Returns the new event's id."""
        now = dt.datetime.now(dt.timezone.utc)
        with self.engine.begin() as con:
            row = con.execute(sa.select(events).where(events.c.id == event_id)).mappings().first()
            if row is None:
                raise KeyError(event_id)
            if row["review_status"] == "merged":
                raise Conflict(self._merged_message(con, event_id, "split"))
            copy = {k: v for k, v in row.items() if k != "id"}
            copy.update(review_status="unreviewed", reviewed_fields=[], created_at=now)
            new_id = con.execute(events.insert().values(**copy)).inserted_primary_key[0]
            for article_id, rep in con.execute(sa.select(event_sources.c.article_id, event_sources.c.report)
                                               .where(event_sources.c.event_id == event_id)).all():
                con.execute(event_sources.insert().values(event_id=new_id, article_id=article_id,
                                                          report=rep))
            con.execute(event_history.insert(), [
                {"event_id": event_id, "user_name": user, "at": now, "action": "split",
                 "changes": {"split_into": [None, new_id]}, "note": note},
                {"event_id": new_id, "user_name": user, "at": now, "action": "split",
                 "changes": {"split_from": [None, event_id]}, "note": note},
            ])
        return new_id

    @staticmethod
    def _merged_into(con, event_id: int) -> int | None:
        for (changes,) in con.execute(sa.select(event_history.c.changes).where(
                event_history.c.event_id == event_id, event_history.c.action == "merge")
                .order_by(event_history.c.id.desc())):
            into = (changes.get("merged_into") or [None, None])[1]
            if into:
                return into
        return None

    def _merged_message(self, con, event_id: int, verb: str) -> str:
        into = self._merged_into(con, event_id)
        where = f"event {into}" if into else "another event"
        return (f"event {event_id} is a duplicate merged into {where} and cannot be {verb}; "
                f"review {where} instead")

    def merged_into(self, event_id: int) -> int | None:
        """The event a merged-away duplicate was folded into (None if it was not merged)."""
        with self.engine.connect() as con:
            return self._merged_into(con, event_id)

    def all_history(self, since: dt.datetime | None = None, *, after: int | None = None,
                    limit: int | None = None) -> list[dict[str, Any]]:
        """Recorded changes, oldest first (for export): those with an id above `after`, at
        most `limit` of them (None: every one)."""
        q = sa.select(event_history).order_by(event_history.c.id)
        if since:
            q = q.where(event_history.c.at >= since)
        if after is not None:
            q = q.where(event_history.c.id > after)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as con:
            return [{**dict(r), "at": r["at"].isoformat()} for r in con.execute(q).mappings()]

    def history(self, event_id: int) -> list[dict[str, Any]]:
        with self.engine.connect() as con:
            rows = con.execute(sa.select(event_history).where(event_history.c.event_id == event_id)
                               .order_by(event_history.c.id)).mappings()
            return [{**dict(r), "at": r["at"].isoformat()} for r in rows]
