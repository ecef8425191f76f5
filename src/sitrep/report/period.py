"""The period a situation report covers: an ISO week ("2026-W48"), the last full week, the
week of the newest event, or any from-to range."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

EVERY = ("day", "week", "month")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    label: str  # "2026-W48", "2026-11", "2026-11-30", or "2026-11-01..2026-11-20"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def describe(self) -> str:
        """"week 48 of 2026 (23-29 November 2026)", "1-20 November 2026"..."""
        span = _span(self.start, self.end)
        if re.fullmatch(r"\d{4}-W\d{2}", self.label):
            year, week = self.label.split("-W")
            return f"week {int(week)} of {year} ({span})"
        return span


def _span(a: dt.date, b: dt.date) -> str:
    if a == b:
        return f"{a.day} {a:%B %Y}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}-{b.day} {b:%B %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%B} - {b.day} {b:%B %Y}"
    return f"{a.day} {a:%B %Y} - {b.day} {b:%B %Y}"


def iso_week(text: str) -> Period:
    """The ISO week "YYYY-Www" (Monday to Sunday); ValueError saying the form otherwise."""
    m = re.fullmatch(r"(\d{4})-?W(\d{1,2})", text.strip(), re.I)
    if not m:
        raise ValueError(f"week {text[:20]!r} is not of the form YYYY-Www, such as 2026-W48")
    try:
        start = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError:
        raise ValueError(f"week {text[:20]!r}: {m.group(1)} has no week {int(m.group(2))}") from None
    return week_of(start)


def week_of(day: dt.date) -> Period:
    start = day - dt.timedelta(days=day.weekday())
    year, week, _ = start.isocalendar()
    return Period(start, start + dt.timedelta(days=6), f"{year}-W{week:02d}")


def month_of(day: dt.date) -> Period:
    start = day.replace(day=1)
    end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return Period(start, end, f"{start:%Y-%m}")


def day_of(day: dt.date) -> Period:
    return Period(day, day, day.isoformat())


def last_full(every: str, today: dt.date) -> Period:
    """The last whole day, week (Monday-Sunday) or month before `today`."""
    if every == "day":
        return day_of(today - dt.timedelta(days=1))
    if every == "week":
        return week_of(today - dt.timedelta(days=today.weekday() + 1))
    if every == "month":
        return month_of(today.replace(day=1) - dt.timedelta(days=1))
    raise ValueError(f"--every {every[:20]!r} is not one of {', '.join(EVERY)}")


def between(start: dt.date, end: dt.date) -> Period:
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    return Period(start, end, f"{start.isoformat()}..{end.isoformat()}")
