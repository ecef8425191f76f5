"""Formatting events for people and programs: table, JSON, JSONL, ACLED CSV, GeoJSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from sitrep.model import ACLED_COLUMNS


def _default(obj: Any) -> Any:
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=_default)


# a stored event's export: the ACLED columns, then whether an analyst checked it
STORED_COLUMNS = [*ACLED_COLUMNS, "review_status"]


def acled_row(rec: dict[str, Any], columns: list[str] = ACLED_COLUMNS) -> dict[str, Any]:
    """One record (extract contract or stored event) as an ACLED CSV row."""
    row = {c: rec.get(c, "") for c in columns}
    date = rec.get("event_date") or ""
    row["year"] = str(date)[:4] if date else ""
    if rec.get("id") is not None:
        row["event_id_cnty"] = f"{rec.get('iso') or 'XX'}{rec['id']}"
    created = rec.get("created_at")
    if created:
        try:
            row["timestamp"] = int(dt.datetime.fromisoformat(str(created)).timestamp())
        except ValueError:
            row["timestamp"] = ""
    for k, v in row.items():
        if v is None:
            row[k] = ""
    return row


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula: text starting with = + - @, a tab
    or a carriage return gets a leading single quote. Numbers stay numbers (-3.5 is data)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [neutralise(v) for v in values]


def write_csv(records: Iterable[dict[str, Any]], out: TextIO, columns: list[str] = ACLED_COLUMNS) -> None:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for rec in records:
        writer.writerow({k: neutralise(v) for k, v in acled_row(rec, columns).items()})


def csv_chunks(records: Iterable[dict[str, Any]], rows_per_chunk: int = 200,
               columns: list[str] = STORED_COLUMNS) -> Iterator[str]:
    """The CSV of stored events `records` (ACLED columns and review status) as pieces of text,
    header first: for streaming responses."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for i, rec in enumerate(records, 1):
        writer.writerow({k: neutralise(v) for k, v in acled_row(rec, columns).items()})
        if i % rows_per_chunk == 0:
            yield _drain(buf)
    yield _drain(buf)


def _drain(buf: io.StringIO) -> str:
    text = buf.getvalue()
    buf.seek(0)
    buf.truncate()
    return text


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    out.writelines(dumps(rec) + "\n" for rec in records)


def write_json(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    out.write(json.dumps(list(records), ensure_ascii=False, default=_default, indent=2) + "\n")


def geojson(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    features = []
    for rec in records:
        if rec.get("latitude") is None or rec.get("longitude") is None:
            continue
        props = {k: v for k, v in rec.items() if k not in ("evidence",)}
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [rec["longitude"], rec["latitude"]]},
            "properties": props,
        })
    return {"type": "FeatureCollection", "features": features}


def write_geojson(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    out.write(json.dumps(geojson(records), ensure_ascii=False, default=_default) + "\n")


def write_table(records: list[dict[str, Any]], out: TextIO, title: str = "", stored: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title or None, show_lines=False, expand=False)
    for col in ("date", "type", "sub-event type", "actor1", "actor2", "location", "admin1",
                "country", "fat.", *(("review",) if stored else ())):
        table.add_column(col, overflow="fold")
    for rec in records:
        table.add_row(
            str(rec.get("event_date") or ""), rec.get("event_type") or "",
            rec.get("sub_event_type") or "", rec.get("actor1") or "", rec.get("actor2") or "",
            rec.get("location") or "", rec.get("admin1") or "", rec.get("country") or "",
            str(rec.get("fatalities") or 0), *((rec.get("review_status") or "",) if stored else ()),
        )
    console = Console(file=out, width=160 if not out.isatty() else None)
    console.print(table)


WRITERS = {"csv": write_csv, "jsonl": write_jsonl, "json": write_json, "geojson": write_geojson}


def write(records: list[dict[str, Any]], fmt: str, out: TextIO, title: str = "", stored: bool = False) -> None:
    """`records` in `fmt`; `stored`: events from the store (CSV and table show the review status;
    JSON, JSONL and GeoJSON carry every field, the status among them)."""
    if fmt == "table":
        write_table(records, out, title, stored)
    elif fmt == "csv" and stored:
        write_csv(records, out, STORED_COLUMNS)
    else:
        WRITERS[fmt](records, out)


def to_string(records: list[dict[str, Any]], fmt: str) -> str:
    buf = io.StringIO()
    write(records, fmt, buf)
    return buf.getvalue()
