"""Trends: weekly counts and fatalities per province, type or actor, against a trailing
baseline ("events in Anbar up 3x on the 8-week average")."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sitrep.store import EventFilter, Store


@dataclass
class Trend:
    key: str
    week: str  # Monday of the week measured
    events: int
    fatalities: int
    baseline_events: float  # mean per week over the trailing weeks
    baseline_fatalities: float
    ratio: float | None  # events / baseline (None when the baseline is 0)
    change: str  # "up", "down", "new", "steady"
    summary: str

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


def week_of(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def trends(store: Store, by: str = "admin1", as_of: dt.date | None = None, weeks: int = 8,
           f: EventFilter | None = None, factor: float = 2.0, min_events: int = 3) -> list[Trend]:
    """The week containing `as_of` (default today) against the `weeks` weeks before it."""
    as_of = as_of or dt.date.today()
    this_week = week_of(as_of)
    start = this_week - dt.timedelta(weeks=weeks)
    base = f or EventFilter()
    flt = EventFilter(**{**base.__dict__, "since": start, "until": this_week + dt.timedelta(days=6)})
    rows = store.weekly(by, flt)
    table: dict[str, dict[dt.date, list[int]]] = {}
    for key, week, n, fat in rows:
        table.setdefault(key or "(unknown)", {})[week] = [n, fat]
    out = []
    for key, per_week in table.items():
        now_n, now_f = per_week.get(this_week, [0, 0])
        past = [per_week.get(this_week - dt.timedelta(weeks=i), [0, 0]) for i in range(1, weeks + 1)]
        base_n = sum(p[0] for p in past) / weeks
        base_f = sum(p[1] for p in past) / weeks
        ratio = round(now_n / base_n, 2) if base_n else None
        if base_n == 0 and now_n >= min_events:
            change = "new"
        elif ratio is not None and now_n >= min_events and ratio >= factor:
            change = "up"
        elif ratio is not None and base_n >= min_events and ratio <= 1 / factor:
            change = "down"
        else:
            change = "steady"
        label = {"admin1": "in", "type": "of type", "actor": "by", "country": "in"}.get(by, "for")
        if change == "up":
            summary = f"events {label} {key} up {ratio:g}x on the {weeks}-week average ({now_n} vs {base_n:.1f})"
        elif change == "down":
            summary = f"events {label} {key} down to {ratio:g}x the {weeks}-week average ({now_n} vs {base_n:.1f})"
        elif change == "new":
            summary = f"{now_n} events {label} {key} this week, none in the {weeks} weeks before"
        else:
            summary = f"events {label} {key}: {now_n} this week, {base_n:.1f} a week on average"
        out.append(Trend(key, this_week.isoformat(), now_n, now_f, round(base_n, 2), round(base_f, 2),
                         ratio, change, summary))
    order = {"up": 0, "new": 1, "down": 2, "steady": 3}
    return sorted(out, key=lambda t: (order[t.change], -t.events, t.key))
