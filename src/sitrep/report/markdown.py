"""The report as Markdown, for pasting into e-mail or chat: the words and tables, no pictures."""

from __future__ import annotations

import re

from sitrep.report import text
from sitrep.report.content import Report


def _md(s: str) -> str:
    """Text that Markdown shows as written (no links, emphasis or tables from the data)."""
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", " ".join(str(s).split()))


def render(report: Report) -> str:
    out = [f"# {_md(report.title)}", "", f"**{_md(report.period.describe())}**", "", _md(report.headline()), ""]
    types, provinces = text.summary_lines(report)
    if types:
        out += ["## By event type", "", *[f"- {_md(s)}" for s in types], ""]
    if provinces:
        out += ["## By province", "", *[f"- {_md(s)}" for s in provinces], ""]
    out += ["## Key incidents", ""]
    if not report.incidents:
        out += ["No event with fatalities, civilians targeted, abductions, injuries, a new province or a new "
                "actor in this period.", ""]
    for inc in report.incidents:
        ev = inc.event
        links = ", ".join(f"[{_md(label)}]({url})" if (url := text.safe_url(u)) else _md(label)
                          for label, u in text.sources(ev))
        out += [f"- **{_md(ev.get('event_date') or 'date unknown')}, {_md(ev.get('sub_event_type') or '')} in "
                f"{_md(text.place(ev))}** ({_md('; '.join(inc.reasons))}). {_md(text.actors(ev))}. "
                f"{_md(text.first_sentence(ev.get('notes') or ''))} Review: {_md(ev.get('review_status') or '')}. "
                f"Sources ({len(text.sources(ev))}): {links or 'none'}", ""]
    if report.actors:
        out += ["## Most active actors", "", "| actor | events | fatalities |", "|---|---:|---:|",
                *[f"| {_md(a['name'])} | {a['events']} | {a['fatalities']} |" for a in report.actors[:15]], ""]
    out += [f"## All events of the period ({len(report.events)})", ""]
    if report.events:
        out += ["| " + " | ".join(text.APPENDIX_HEADINGS) + " |",
                "|" + "|".join("---:" if c == "fatalities" else "---" for c in text.APPENDIX_COLUMNS) + "|",
                *["| " + " | ".join(_md(v) for v in row) + " |" for row in text.appendix_rows(report)], ""]
    else:
        out += ["None.", ""]
    out += ["## About this report", "", *[_md(s) + "\n" for s in text.data_note(report)],
            *[f"- {k}: {_md(v)}" for k, v in text.metadata(report)], ""]
    return "\n".join(out)
