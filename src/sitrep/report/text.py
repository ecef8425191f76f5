"""Words and table rows shared by the HTML, Markdown and PDF reports, so the three say the
same thing."""

from __future__ import annotations

import re
from typing import Any

from sitrep.output import acled_row
from sitrep.report.content import BASE_WEEKS, Report

# the appendix: ACLED's column names, the few a page can hold (the CSV export has them all)
APPENDIX_COLUMNS = ["event_id_cnty", "event_date", "sub_event_type", "actor1", "actor2", "admin1", "location",
                    "fatalities", "review_status"]
APPENDIX_HEADINGS = ["id", "date", "sub-event type", "actor 1", "actor 2", "province", "location",
                     "fatalities", "review"]
PROVINCE_LINES = 12
TIME_PRECISION = {1: "the day is known", 2: "the week is known", 3: "only the month is known"}
GEO_PRECISION = {1: "the town or village", 2: "a place near it or a district", 3: "only the province"}


def first_sentence(text: str, limit: int = 320) -> str:
    text = " ".join((text or "").split())
    m = re.search(r"(?<=[.!?])\s+(?=[A-Z\"'(])", text)
    s = text[:m.start()] if m and m.start() > 40 else text
    return s if len(s) <= limit else s[:limit - 1].rsplit(" ", 1)[0] + "…"


def place(ev: dict[str, Any]) -> str:
    return ", ".join(x for x in (ev.get("location"), ev.get("admin1"), ev.get("country")) if x) or "place unknown"


def actors(ev: dict[str, Any]) -> str:
    a1, a2 = ev.get("actor1") or "", ev.get("actor2") or ""
    return f"{a1} vs {a2}" if a1 and a2 else a1 or a2 or "actors unknown"


def sources(ev: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, url) of an event's sources; url may be empty."""
    out = []
    for s in ev.get("sources") or []:
        label = s.get("source") or s.get("title") or s.get("article_id") or "source"
        if s.get("published"):
            label += f", {s['published']}"
        out.append((label, s.get("url") or ""))
    return out


def safe_url(url: str) -> str:
    """Only web links become links (a `javascript:` URL in a feed stays text)."""
    return url if re.match(r"https?://", url or "", re.I) else ""


def appendix_rows(report: Report) -> list[list[str]]:
    rows = []
    for ev in report.events:
        r = acled_row(ev, [*APPENDIX_COLUMNS])
        rows.append([str(r.get(c, "")) for c in APPENDIX_COLUMNS])
    return rows


def summary_lines(report: Report) -> tuple[list[str], list[str]]:
    """The by-type and by-province sentences worth printing: groups with events this period,
    or whose average in the weeks before was at least one a period (a fall is news too)."""
    def worth(x) -> bool:
        return x.events > 0 or x.base_events >= 1
    types = [x.sentence for x in report.by_type if worth(x)]
    provinces = [x.sentence for x in report.by_admin1 if worth(x)][:PROVINCE_LINES]
    return types, provinces


def data_note(report: Report) -> list[str]:
    n = report.note
    total = len(report.events)
    lines = []
    if n["sources"]:
        srcs = ", ".join(f"{name} ({k})" for name, k in n["sources"][:12])
        more = f" and {len(n['sources']) - 12} more" if len(n["sources"]) > 12 else ""
        lines.append(f"Sources: {n['articles']} articles from {srcs}{more}.")
    lines.append(f"Review: {n['reviewed']} of {total} events were checked by an analyst (accepted or edited); "
                 f"{n['unreviewed']} are as the machine coded them.")
    if n["time_precision"]:
        lines.append("Dates: " + "; ".join(f"{k} events: {TIME_PRECISION.get(p, p)}"
                                           for p, k in n["time_precision"].items()) + ".")
    if n["geo_precision"] or n["unlocated"]:
        parts = [f"{k} events: {GEO_PRECISION.get(p, p)}" for p, k in n["geo_precision"].items()]
        if n["unlocated"]:
            parts.append(f"{n['unlocated']} events have no coordinates and are not on the map")
        lines.append("Places: " + "; ".join(parts) + ".")
    lines.append(f"Baselines are averages over the {BASE_WEEKS} weeks before the period, scaled to its length. "
                 "Rejected events and duplicates merged into another are not counted.")
    acc = n["accuracy"]
    lines.append("The events were extracted from news text by machine. Its accuracy on real reports held apart "
                 f"from its development ({acc['measured']}): " + "; ".join(acc["figures"]) +
                 ". Check unreviewed events against their sources before acting on them.")
    return lines


def metadata(report: Report) -> list[tuple[str, str]]:
    return [("Period", f"{report.period.describe()} ({report.period.label})"),
            ("Filters", "; ".join(report.scope.describe())),
            ("Generated", report.generated_at.strftime("%Y-%m-%d %H:%M UTC")),
            ("Made by", f"sitrep {report.version}")]
