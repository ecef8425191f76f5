"""The report as one self-contained HTML file: styles and pictures inline, nothing fetched
from another host (source links are links, not requests)."""

from __future__ import annotations

import base64
from html import escape

from sitrep.report import figures, text
from sitrep.report.content import Report

STYLE = """
body{font:15px/1.5 "DejaVu Sans",system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:0;background:#f6f7f9}
main{max-width:60rem;margin:0 auto;background:#fff;padding:2rem 2.5rem 3rem}
h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:2px solid #e4e7eb;padding-bottom:.2rem}
.period{font-size:1.05rem;color:#3d4752;margin:0 0 1rem}
.headline{font-size:1.1rem;background:#fff7e6;border-left:4px solid #e69f00;padding:.6rem .9rem;margin:1rem 0}
figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid #e4e7eb}
figcaption{font-size:.85rem;color:#57606a}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{text-align:left;padding:.3rem .45rem;border-bottom:1px solid #e4e7eb;vertical-align:top}
th{background:#f0f2f5}td.n{text-align:right}
.incident{border:1px solid #e4e7eb;border-radius:6px;padding:.6rem .9rem;margin:.7rem 0}
.incident h3{font-size:1rem;margin:0 0 .2rem}.why{color:#8a3b12;font-size:.85rem}
.meta{font-size:.85rem;color:#57606a}.meta dt{font-weight:bold;float:left;clear:left;width:6.5rem}.meta dd{margin:0 0 .2rem 6.5rem}
.status{font-size:.75rem;padding:.05rem .4rem;border-radius:3px;background:#eef1f4}
.status.accepted,.status.edited{background:#dff3e4}
a{color:#0b5cad}
@media print{body{background:#fff}main{padding:0}h2{break-after:avoid}.incident{break-inside:avoid}}
"""


def _img(png: bytes, alt: str) -> str:
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode()}">'


def _link(label: str, url: str) -> str:
    url = text.safe_url(url)
    return f'<a href="{escape(url)}" rel="noreferrer noopener">{escape(label)}</a>' if url else escape(label)


def render(report: Report) -> str:
    e = escape
    out = ['<!doctype html><html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width,initial-scale=1">',
           # nothing in this file may be fetched from elsewhere: a second guard in the browser
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
           "style-src 'unsafe-inline'\">",
           f"<title>{e(report.title)}: {e(report.period.label)}</title><style>{STYLE}</style></head><body><main>",
           f"<h1>{e(report.title)}</h1>", f'<p class="period">{e(report.period.describe())}</p>',
           f'<p class="headline">{e(report.headline())}</p>']
    out.append("<h2>Map</h2><figure>" + _img(figures.event_map(report), "map of the period's events") +
               "<figcaption>Events of the period by type, sized by fatalities; province and country borders "
               "from Natural Earth.</figcaption></figure>")
    types, provinces = text.summary_lines(report)
    if types:
        out.append("<h2>By event type</h2><ul>" + "".join(f"<li>{e(s)}</li>" for s in types) + "</ul>")
    if provinces:
        out.append("<h2>By province</h2><ul>" + "".join(f"<li>{e(s)}</li>" for s in provinces) + "</ul>")
    out.append(f"<h2>The last {len(report.weeks)} weeks</h2><figure>" +
               _img(figures.weekly_chart(report), "weekly events and fatalities by type") +
               "<figcaption>Events and fatalities per week by type; the report's period is shaded."
               "</figcaption></figure>")
    if any(x.events for x in report.by_admin1):
        out.append("<figure>" + _img(figures.province_chart(report), "events by province") +
                   "<figcaption>Events of the period by province; the mark is the average of the weeks before."
                   "</figcaption></figure>")
    out.append("<h2>Key incidents</h2>")
    if not report.incidents:
        out.append("<p>No event with fatalities, civilians targeted, abductions, injuries, a new province or a "
                   "new actor in this period.</p>")
    for inc in report.incidents:
        ev = inc.event
        srcs = text.sources(ev)
        out.append(
            f'<div class="incident"><h3>{e(str(ev.get("event_date") or "date unknown"))}: '
            f'{e(ev.get("sub_event_type") or "")} in {e(text.place(ev))}</h3>'
            f'<div class="why">{e("; ".join(inc.reasons))}</div>'
            f"<div>{e(text.actors(ev))} · {e(ev.get('event_type') or '')} · "
            f'<span class="status {e(ev.get("review_status") or "")}">{e(ev.get("review_status") or "")}</span></div>'
            f"<p>{e(text.first_sentence(ev.get('notes') or ''))}</p>"
            f"<div class=\"meta\">{len(srcs)} source{'s' if len(srcs) != 1 else ''}: " +
            ", ".join(_link(label, url) for label, url in srcs) + "</div></div>")
    if report.actors:
        out.append("<h2>Most active actors</h2><table><tr><th>actor</th><th>events</th><th>fatalities</th></tr>" +
                   "".join(f'<tr><td>{e(a["name"])}</td><td class="n">{a["events"]}</td>'
                           f'<td class="n">{a["fatalities"]}</td></tr>' for a in report.actors[:15]) + "</table>")
    out.append(f"<h2>All events of the period ({len(report.events)})</h2>")
    if report.events:
        out.append("<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in text.APPENDIX_HEADINGS) + "</tr>" +
                   "".join("<tr>" + "".join(f'<td{" class=n" if c == "fatalities" else ""}>{e(v)}</td>'
                                            for c, v in zip(text.APPENDIX_COLUMNS, row)) + "</tr>"
                           for row in text.appendix_rows(report)) + "</table>")
    else:
        out.append("<p>None.</p>")
    out.append("<h2>About this report</h2>" + "".join(f"<p>{e(s)}</p>" for s in text.data_note(report)))
    out.append('<dl class="meta">' + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in text.metadata(report)) +
               "</dl></main></body></html>")
    return "\n".join(out)
