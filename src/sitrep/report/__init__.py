"""Situation reports: the period's events of a country, province or watch area, against the
weeks before, as HTML, PDF or Markdown (`sitrep report`), on demand or on a schedule.

    report = build(store, Scope(countries=["Iraq"]), last_full("week", today))
    render(report, "pdf")  # bytes
"""

from __future__ import annotations

from sitrep.report.content import Report, Scope, build
from sitrep.report.period import Period, between, iso_week, last_full, month_of, week_of

FORMATS = ("html", "pdf", "md")
MEDIA_TYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf", "md": "text/markdown; charset=utf-8"}


def render(report: Report, fmt: str) -> bytes:
    """The report in `fmt` (html, pdf or md) as bytes (UTF-8 for the text formats)."""
    if fmt == "pdf":
        from sitrep.report.pdf import render as pdf

        return pdf(report)
    if fmt == "html":
        from sitrep.report.html import render as html

        return html(report).encode("utf-8")
    if fmt == "md":
        from sitrep.report.markdown import render as md

        return md(report).encode("utf-8")
    raise ValueError(f"format {fmt[:20]!r} is not one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "MEDIA_TYPES", "Period", "Report", "Scope", "between", "build", "iso_week", "last_full",
           "month_of", "render", "week_of"]
