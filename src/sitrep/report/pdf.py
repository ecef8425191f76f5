"""The report as PDF (fpdf2, pure Python; docs/reports.md says why), from the same content as
the HTML: A4, DejaVu Sans (shipped with matplotlib, so any script in the data prints), the map
and charts as images, source links clickable."""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from sitrep.report import figures, text
from sitrep.report.content import Report

APPENDIX_ROWS = 400  # a page holds ~30; beyond this the CSV export is the place
INK, MUTED, ACCENT = (31, 35, 40), (87, 96, 106), (138, 59, 18)


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


class _Doc(FPDF):
    def __init__(self, report: Report):
        super().__init__(format="A4")
        self.report = report
        fonts = _font_dir()
        self.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.add_font("DejaVu", "I", str(fonts / "DejaVuSans-Oblique.ttf"))
        self.set_margins(16, 16, 16)
        self.set_auto_page_break(True, margin=16)
        self.set_title(f"{report.title}: {report.period.label}")
        self.set_author("sitrep")
        self.set_creator(f"sitrep {report.version}")
        self.set_subject(report.headline())

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 7)
        self.set_text_color(*MUTED)
        self.cell(0, 6, f"{self.report.title} · {self.report.period.label} · page {self.page_no()} of {{nb}}",
                  align="C")

    def h2(self, title: str, need: float = 30) -> None:
        """A section heading, on a new page unless `need` mm of the section fit under it."""
        if self.get_y() + 14 + need > self.h - self.b_margin:
            self.add_page()
        self.ln(3)
        self.set_font("DejaVu", "B", 12)
        self.set_text_color(*INK)
        self.cell(0, 8, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(228, 231, 235)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(2)

    def para(self, s: str, size: float = 9.5, style: str = "", colour=INK, h: float = 5) -> None:
        self.set_font("DejaVu", style, size)
        self.set_text_color(*colour)
        self.multi_cell(0, h, s, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def bullets(self, lines: list[str]) -> None:
        self.set_font("DejaVu", "", 9.5)
        self.set_text_color(*INK)
        for s in lines:
            self.cell(5, 5, "•")
            self.multi_cell(0, 5, s, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def height_of(self, png: bytes) -> float:
        from PIL import Image

        with Image.open(io.BytesIO(png)) as im:
            return (self.w - self.l_margin - self.r_margin) * im.height / im.width

    def picture(self, png: bytes, caption: str, title: str = "", shrink: float = 0.65) -> None:
        """The image across the page under `title`; shrunk (to `shrink` of its size at most)
        rather than moved to the next page when the room left almost holds it."""
        height, width = self.height_of(png), self.w - self.l_margin - self.r_margin
        room = self.h - self.b_margin - self.get_y() - (14 if title else 0) - 8
        if height > room >= height * shrink:
            width, height = width * room / height, room
        if title:
            self.h2(title, need=height + 8)
        elif self.get_y() + height + 8 > self.h - self.b_margin:
            self.add_page()
        self.image(io.BytesIO(png), x=(self.w - width) / 2, w=width)
        self.para(caption, size=7.5, colour=MUTED, h=4)
        self.ln(1)


def render(report: Report) -> bytes:
    doc = _Doc(report)
    doc.add_page()
    doc.set_font("DejaVu", "B", 18)
    doc.set_text_color(*INK)
    doc.multi_cell(0, 9, report.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.para(report.period.describe(), size=11, colour=MUTED, h=6)
    doc.ln(2)
    doc.set_fill_color(255, 247, 230)
    doc.set_font("DejaVu", "B", 10.5)
    doc.multi_cell(0, 6, report.headline(), fill=True, padding=2, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.set_fill_color(255, 255, 255)
    doc.picture(figures.event_map(report), title="Map", caption="Events of the period by type, sized by fatalities; province and "
                "country borders from Natural Earth.")
    types, provinces = text.summary_lines(report)
    if types:
        doc.h2("By event type")
        doc.bullets(types)
    if provinces:
        doc.h2("By province")
        doc.bullets(provinces)
    doc.picture(figures.weekly_chart(report), title=f"The last {len(report.weeks)} weeks", caption="Events and fatalities per week by type; the report's period is shaded.")
    if any(x.events for x in report.by_admin1):
        doc.picture(figures.province_chart(report), "Events of the period by province; the mark is the average "
                    "of the weeks before.")
    doc.h2("Key incidents")
    if not report.incidents:
        doc.para("No event with fatalities, civilians targeted, abductions, injuries, a new province or a new actor "
                 "in this period.")
    for inc in report.incidents:
        ev = inc.event
        if doc.get_y() > doc.h - 50:
            doc.add_page()
        doc.para(f"{ev.get('event_date') or 'date unknown'}: {ev.get('sub_event_type') or ''} in {text.place(ev)}",
                 size=10, style="B")
        doc.para("; ".join(inc.reasons), size=8.5, colour=ACCENT, h=4.5)
        doc.para(f"{text.actors(ev)} · {ev.get('event_type') or ''} · review: {ev.get('review_status') or ''}",
                 size=8.5, colour=MUTED, h=4.5)
        doc.para(text.first_sentence(ev.get("notes") or ""), size=9, h=4.6)
        srcs = text.sources(ev)
        doc.set_font("DejaVu", "", 8)
        doc.set_text_color(*MUTED)
        doc.write(4.5, f"{len(srcs)} source{'s' if len(srcs) != 1 else ''}: ")
        for i, (label, url) in enumerate(srcs):
            safe = text.safe_url(url)
            doc.set_text_color(*((11, 92, 173) if safe else MUTED))
            doc.write(4.5, label + (", " if i < len(srcs) - 1 else ""), link=safe)
        doc.ln(7)
    if report.actors:
        doc.h2("Most active actors")
        doc.set_font("DejaVu", "", 8.5)
        doc.set_text_color(*INK)
        with doc.table(col_widths=(70, 15, 15), text_align=("LEFT", "RIGHT", "RIGHT"), line_height=5,
                       headings_style=FontFace(emphasis="BOLD", fill_color=(240, 242, 245))) as table:
            table.row(["actor", "events", "fatalities"])
            for a in report.actors[:15]:
                table.row([a["name"], str(a["events"]), str(a["fatalities"])])
    doc.h2(f"All events of the period ({len(report.events)})")
    rows = text.appendix_rows(report)
    if rows:
        doc.set_font("DejaVu", "", 6.5)
        doc.set_text_color(*INK)
        with doc.table(col_widths=(8, 11, 17, 18, 18, 11, 12, 6, 12), line_height=3.6,
                       text_align=("LEFT",) * 7 + ("RIGHT", "LEFT"),
                       headings_style=FontFace(emphasis="BOLD", fill_color=(240, 242, 245))) as table:
            table.row([h if h != "fatalities" else "fat." for h in text.APPENDIX_HEADINGS])
            for row in rows[:APPENDIX_ROWS]:
                table.row(row)
        if len(rows) > APPENDIX_ROWS:
            doc.para(f"... and {len(rows) - APPENDIX_ROWS} more: `sitrep events --format csv` with the same "
                     "filters and days lists them all.", size=8, colour=MUTED)
    else:
        doc.para("None.")
    doc.h2("About this report")
    for s in text.data_note(report):
        doc.para(s, size=8.5, h=4.5)
        doc.ln(1)
    doc.ln(2)
    for k, v in text.metadata(report):
        doc.para(f"{k}: {v}", size=8, colour=MUTED, h=4.2)
    return bytes(doc.output())
