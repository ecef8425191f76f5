"""What a situation report says, computed from the store: never invented, every figure the one
`sitrep events` and `sitrep trends` give for the same filter and days.

`build(store, scope, period)` returns a `Report`; the renderers (html, markdown, pdf) only lay
it out. Counts follow the store's rules: rejected events and duplicates merged into another are
left out; events without a date cannot fall in a period and are not counted.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field, replace
from importlib import resources
from typing import Any

import yaml

from sitrep import __version__
from sitrep.report.period import Period, week_of
from sitrep.store import EventFilter, Store

BASE_WEEKS = 8  # the trailing weeks a period is compared with
CHART_WEEKS = 12
KEY_INCIDENTS = 8
REVIEWED = ("accepted", "edited")
# a change is stated as up or down only when it is both relative and absolute
CHANGE_FACTOR = 1.5
CHANGE_MIN = 1.0


WHERE_KEYS = ("point", "radius_km", "polygon", "admin1", "country")  # the place part of an area's spec


@dataclass
class Scope:
    """Which events a report covers: countries and provinces (any of each), a watch area, a
    box, reviewed events only, and the web app's other filters."""

    countries: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    area_name: str = ""
    area: dict[str, Any] | None = None  # where a watch area is (WHERE_KEYS of its spec; its rules are not the report's)
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    reviewed_only: bool = False
    event_type: str | None = None
    actor: str | None = None
    min_fatalities: int | None = None
    text: str | None = None
    review_status: str | None = None

    def filters(self, since: dt.date, until: dt.date) -> list[EventFilter]:
        """One store filter per country and province asked for (a report covers their union)."""
        status = ",".join(REVIEWED) if self.reviewed_only else self.review_status
        box = self.bbox or self.area_box()
        return [EventFilter(country=c, admin1=a, since=since, until=until, bbox=box, review_status=status,
                            event_type=self.event_type, actor=self.actor, min_fatalities=self.min_fatalities,
                            text=self.text)
                for c in (self.countries or [None]) for a in (self.admin1 or [None])]

    def area_box(self) -> tuple[float, float, float, float] | None:
        """A box around the area (a fast first cut; `keeps` decides)."""
        if not self.area:
            return None
        if "point" in self.area:
            lat, lon = self.area["point"]
            r = float(self.area.get("radius_km") or 50)
            dlat = r / 110.57 + 0.01
            dlon = r / (111.32 * max(math.cos(math.radians(lat)), 0.01)) + 0.01
            return (lon - dlon, lat - dlat, lon + dlon, lat + dlat)
        if "polygon" in self.area:
            from shapely.geometry import shape

            return tuple(shape(self.area["polygon"]).bounds)  # type: ignore[return-value]
        return None

    def keeps(self, row: dict[str, Any]) -> bool:
        if not self.area:
            return True
        from sitrep.alerts import matches

        return matches(self.area, row)

    def describe(self) -> list[str]:
        """The filters in words, for the report's metadata."""
        out = []
        if self.countries:
            out.append("countries: " + ", ".join(self.countries))
        if self.admin1:
            out.append("provinces: " + ", ".join(self.admin1))
        if self.area_name or self.area:
            out.append(f"area: {self.area_name or 'custom'}" + (f" ({_area_words(self.area)})" if self.area else ""))
        if self.bbox:
            out.append("box: " + ", ".join(f"{v:g}" for v in self.bbox))
        if self.event_type:
            out.append(f"types: {self.event_type}")
        if self.actor:
            out.append(f"actor: {self.actor}")
        if self.min_fatalities:
            out.append(f"at least {self.min_fatalities} fatalities")
        if self.text:
            out.append(f"text: {self.text}")
        out.append("reviewed events only (accepted or edited)" if self.reviewed_only else
                   f"review status: {self.review_status}" if self.review_status else
                   "all events but rejected ones and merged duplicates")
        return out

    def with_area(self, store: Store) -> Scope:
        """This scope with the spec of its watch area (`area_name`) read from the store;
        ValueError naming the areas there are if there is none of that name."""
        if not self.area_name or self.area:
            return self
        areas = {a["name"]: a["spec"] for a in store.areas()}
        if self.area_name not in areas:
            known = ", ".join(sorted(areas)) or "none yet: add one with `sitrep alerts add`"
            raise ValueError(f"no watch area {self.area_name!r} (areas: {known})")
        return replace(self, area={k: v for k, v in areas[self.area_name].items() if k in WHERE_KEYS})

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, [], "", False)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Scope:
        known = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        if known.get("bbox"):
            known["bbox"] = tuple(known["bbox"])
        return cls(**known)


def _area_words(spec: dict[str, Any]) -> str:
    if "point" in spec:
        return f"{spec.get('radius_km') or 50:g} km around {spec['point'][0]:.3f}, {spec['point'][1]:.3f}"
    if "polygon" in spec:
        return "a drawn polygon"
    if "admin1" in spec:
        return f"the province {spec['admin1']}" + (f", {spec['country']}" if spec.get("country") else "")
    return "anywhere"


@dataclass
class Line:
    """One row of the headline: a group's events and fatalities against its trailing average."""

    key: str
    events: int
    fatalities: int
    base_events: float  # average per period of the same length over the BASE_WEEKS before
    base_fatalities: float
    change: str  # "up", "down", "steady", "slight", "new", "none" (change_of)
    sentence: str


@dataclass
class Week:
    period: Period
    events: dict[str, int]  # by event type
    fatalities: dict[str, int]


@dataclass
class Incident:
    event: dict[str, Any]  # the stored event with its sources
    score: float
    reasons: list[str]


@dataclass
class Report:
    title: str
    period: Period
    scope: Scope
    generated_at: dt.datetime
    version: str
    total: Line
    by_type: list[Line]
    by_admin1: list[Line]
    weeks: list[Week]
    incidents: list[Incident]
    events: list[dict[str, Any]]  # every event of the period, oldest first
    actors: list[dict[str, Any]]  # name, events, fatalities (as actor1 or actor2), most events first
    note: dict[str, Any]
    located: list[dict[str, Any]]  # light rows of the period with coordinates, for the map
    baseline_days: int = BASE_WEEKS * 7

    @property
    def empty(self) -> bool:
        return not self.events

    def headline(self) -> str:
        if self.empty:
            return f"No events in {self.period.describe()} for this filter."
        t, p = self.total, self.period
        return (f"{_n(t.events, 'event')} and {_n(t.fatalities, 'fatality', 'fatalities')} in {p.describe()}: "
                f"events {compared(t.events, t.base_events, p)}; "
                f"fatalities {compared(t.fatalities, t.base_fatalities, p)}.")

    def summary(self) -> dict[str, Any]:
        """The figures as JSON (webhooks, API)."""
        def line(x: Line) -> dict[str, Any]:
            return {k: getattr(x, k) for k in ("key", "events", "fatalities", "base_events", "base_fatalities",
                                                "change", "sentence")}
        return {"title": self.title, "period": {"label": self.period.label, "start": self.period.start.isoformat(),
                                                "end": self.period.end.isoformat()},
                "filters": self.scope.to_dict(), "headline": self.headline(),
                "events": self.total.events, "fatalities": self.total.fatalities,
                "baseline": {"weeks": BASE_WEEKS, "events": self.total.base_events,
                             "fatalities": self.total.base_fatalities},
                "by_type": [line(x) for x in self.by_type], "by_admin1": [line(x) for x in self.by_admin1],
                "key_incidents": [{"id": i.event["id"], "event_date": i.event["event_date"],
                                   "sub_event_type": i.event["sub_event_type"], "location": i.event["location"],
                                   "admin1": i.event["admin1"], "fatalities": i.event["fatalities"],
                                   "reasons": i.reasons} for i in self.incidents],
                "reviewed": self.note["reviewed"], "generated_at": self.generated_at.isoformat(timespec="seconds"),
                "version": self.version}


def _n(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _avg(x: float) -> str:
    return f"{x:.0f}" if abs(x - round(x)) < 0.05 else f"{x:.1f}"


def change_of(n: float, base: float) -> str:
    """"up" or "down" when the change is both relative (CHANGE_FACTOR) and absolute
    (CHANGE_MIN); "steady" within the factor; "slight" for a big ratio of small numbers;
    "new" after none, "none" for none after none."""
    if base == 0:
        return "new" if n else "none"
    ratio = n / base
    if 1 / CHANGE_FACTOR < ratio < CHANGE_FACTOR:
        return "steady"
    if abs(n - base) < CHANGE_MIN:
        return "slight"
    return "up" if ratio > 1 else "down"


def compared(n: float, base: float, period: Period) -> str:
    """How `n` stands against `base` (the average per period of the weeks before), in words."""
    change = change_of(n, base)
    if change == "new":
        return f"none in the {BASE_WEEKS} weeks before"
    if change == "none":
        return f"none in the {BASE_WEEKS} weeks before either"
    per = {1: "a daily average", 7: "a weekly average"}.get(period.days, "an average")
    verb = {"up": "up from", "down": "down from", "steady": "close to", "slight": "against"}[change]
    return f"{verb} {per} of {_avg(base)}" + ("" if period.days in (1, 7) else f" per {period.days} days")


def line_of(key: str, now: list[dict], before: list[dict], period: Period) -> Line:
    """`key`'s events this period against the average of the BASE_WEEKS before, in words:
    "Diyala: 14 events, up from a weekly average of 4"."""
    scale = period.days / (BASE_WEEKS * 7)
    n, fat = len(now), sum(r["fatalities"] or 0 for r in now)
    base_n = round(len(before) * scale, 2)
    base_f = round(sum(r["fatalities"] or 0 for r in before) * scale, 2)
    words = f"{key}: {_n(n, 'event')}, {compared(n, base_n, period)}"
    if fat or base_f:
        words += f"; {_n(fat, 'fatality', 'fatalities')} ({compared(fat, base_f, period)})"
    return Line(key, n, fat, base_n, base_f, change_of(n, base_n), words + ".")


def _rows(store: Store, scope: Scope, since: dt.date, until: dt.date) -> list[dict[str, Any]]:
    seen: dict[int, dict[str, Any]] = {}
    for f in scope.filters(since, until):
        for r in store.report_rows(f):
            if r["id"] not in seen and scope.keeps(r):
                seen[r["id"]] = r
    return sorted(seen.values(), key=lambda r: (r["event_date"], r["id"]))


def _full_events(store: Store, scope: Scope, period: Period) -> list[dict[str, Any]]:
    seen: dict[int, dict[str, Any]] = {}
    for f in scope.filters(period.start, period.end):
        for ev in store.iter_events(f):
            if ev["id"] not in seen and scope.keeps(ev):
                seen[ev["id"]] = ev
    return sorted(seen.values(), key=lambda e: (e["event_date"] or "", e["id"]))


def _province(r: dict[str, Any], several_countries: bool) -> str:
    name = r["admin1"] or "(province unknown)"
    return f"{name} ({r['country']})" if several_countries and r["country"] else name


def _grouped(rows: list[dict], key) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[key(r)].append(r)
    return out


def _lines(now: list[dict], before: list[dict], period: Period, key) -> list[Line]:
    a, b = _grouped(now, key), _grouped(before, key)
    lines = [line_of(k, a.get(k, []), b.get(k, []), period) for k in set(a) | set(b)]
    order = {"up": 0, "new": 1, "down": 2, "slight": 3, "steady": 4, "none": 5}
    return sorted(lines, key=lambda x: (-x.events, order[x.change], -x.base_events, x.key))


def _actors(now: list[dict]) -> list[dict[str, Any]]:
    """As the store counts them (`sitrep` actors): an event once per role it names the actor in."""
    counts: dict[str, dict[str, Any]] = {}
    for r in now:
        for role in ("actor1", "actor2"):
            if r[role]:
                a = counts.setdefault(r[role], {"name": r[role], "events": 0, "fatalities": 0})
                a["events"] += 1
                a["fatalities"] += r["fatalities"] or 0
    return sorted(counts.values(), key=lambda a: (-a["events"], -a["fatalities"], a["name"]))


def _incidents(events: list[dict], before: list[dict]) -> list[Incident]:
    """The most severe events: fatalities, civilians targeted, abductions, injuries, a
    province with no event in the weeks before, an actor not seen in them."""
    seen_places = {(r["iso"], r["admin1"]) for r in before if r["admin1"]}
    seen_actors = {a for r in before for a in (r["actor1"], r["actor2"]) if a}
    out = []
    for ev in events:
        score, reasons = 0.0, []
        fat = ev.get("fatalities") or 0
        if fat:
            score += fat
            reasons.append(f"{_n(fat, 'fatality', 'fatalities')}")
        if ev.get("civilian_targeting"):
            score += 4
            reasons.append("civilians targeted")
        if ev.get("abducted"):
            score += 0.5 * ev["abducted"]
            reasons.append(f"{ev['abducted']} abducted")
        if ev.get("injured"):
            score += 0.25 * ev["injured"]
            reasons.append(f"{ev['injured']} injured")
        if before and ev.get("admin1") and (ev["iso"], ev["admin1"]) not in seen_places:
            score += 3
            reasons.append(f"first event in {ev['admin1']} in {BASE_WEEKS} weeks")
        new = [a for a in (ev.get("actor1"), ev.get("actor2")) if before and a and a not in seen_actors]
        if new:
            score += 2
            reasons.append("actor not seen in the weeks before: " + ", ".join(new))
        if score > 0:
            out.append(Incident(ev, score, reasons))
    out.sort(key=lambda i: (-i.score, -(i.event.get("fatalities") or 0), i.event["event_date"] or "", i.event["id"]))
    return out[:KEY_INCIDENTS]


def accuracy_figures() -> dict[str, Any]:
    """The extraction's measured accuracy on real text (the packaged model card)."""
    card = yaml.safe_load((resources.files("sitrep") / "data" / "model_card.yaml").read_text(encoding="utf-8"))
    return {"measured": card.get("measured", ""), "figures": list(card.get("figures") or [])}


def _note(events: list[dict], rows: list[dict]) -> dict[str, Any]:
    sources: Counter[str] = Counter()
    articles: set[str] = set()
    for ev in events:
        for s in ev.get("sources") or []:
            if s["article_id"] not in articles:
                articles.add(s["article_id"])
                sources[s.get("source") or "(no source name)"] += 1
    status = Counter(r["review_status"] for r in rows)
    return {"sources": sources.most_common(), "articles": len(articles),
            "reviewed": sum(status[s] for s in REVIEWED), "unreviewed": status["unreviewed"],
            "time_precision": dict(sorted(Counter(r["time_precision"] for r in rows).items())),
            "geo_precision": dict(sorted(Counter(r["geo_precision"] for r in rows if r["geo_precision"]).items())),
            "unlocated": sum(1 for r in rows if r["latitude"] is None), "accuracy": accuracy_figures()}


def build(store: Store, scope: Scope, period: Period, title: str | None = None,
          now: dt.datetime | None = None) -> Report:
    """The report of `scope` over `period`, against the BASE_WEEKS weeks before it."""
    chart_start = week_of(period.end).start - dt.timedelta(weeks=CHART_WEEKS - 1)
    base_start = period.start - dt.timedelta(weeks=BASE_WEEKS)
    rows = _rows(store, scope, min(chart_start, base_start), period.end)
    now_rows = [r for r in rows if period.start <= r["event_date"] <= period.end]
    before = [r for r in rows if base_start <= r["event_date"] < period.start]
    several = len({r["iso"] for r in now_rows + before}) > 1 or len(scope.countries) > 1
    weeks = []
    for i in range(CHART_WEEKS):
        w = week_of(chart_start + dt.timedelta(weeks=i))
        inside = [r for r in rows if w.start <= r["event_date"] <= w.end]
        ev_by, fat_by = Counter(), Counter()
        for r in inside:
            ev_by[r["event_type"]] += 1
            fat_by[r["event_type"]] += r["fatalities"] or 0
        weeks.append(Week(w, dict(ev_by), dict(fat_by)))
    events = _full_events(store, scope, period)
    return Report(
        title=title or default_title(scope),
        period=period, scope=scope, generated_at=now or dt.datetime.now(dt.timezone.utc), version=__version__,
        total=line_of("", now_rows, before, period),
        by_type=_lines(now_rows, before, period, lambda r: r["event_type"]),
        by_admin1=_lines(now_rows, before, period, lambda r: _province(r, several)),
        weeks=weeks, incidents=_incidents(events, before), events=events, actors=_actors(now_rows),
        note=_note(events, now_rows), located=[r for r in now_rows if r["latitude"] is not None])


def latest_day(store: Store, scope: Scope) -> dt.date | None:
    """The day of the newest event in scope (for `--week latest`), or None if there is none."""
    best = None
    for f in scope.filters(None, None):  # type: ignore[arg-type]
        for ev in store.iter_events(replace(f, sort="-event_date"), page=200):
            if ev["event_date"] and scope.keeps(ev):
                day = dt.date.fromisoformat(ev["event_date"])
                best = max(best or day, day)
                break
    return best


def default_title(scope: Scope) -> str:
    where = scope.area_name or ", ".join(scope.admin1 + scope.countries)
    return f"Situation report: {where}" if where else "Situation report"
