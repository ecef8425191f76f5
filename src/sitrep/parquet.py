"""sitrep's Parquet tables: events, articles and input errors, with the extract contract's
fields and types (docs/output.md), for the Spark runner, `sitrep load` and
`sitrep events --format parquet`.

Events and articles are partitioned Hive-style by `part_country` (ISO2, "XX" when unknown) and
`part_month` ("2019-07", "unknown"): Spark, DuckDB, pandas and R's arrow read the folders as
one table and can skip the partitions a query does not need.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa

from sitrep.model import CONTRACT_FIELDS, Article, Event, Evidence

_INTS = {"time_precision", "inter1", "inter2", "interaction", "geo_precision"}
_COUNTS = {"fatalities", "injured", "abducted"}
_FLOATS = {"latitude", "longitude", "confidence"}


def _type(name: str) -> pa.DataType:
    if name == "event_date":
        return pa.date32()
    if name in _INTS:
        return pa.int16()
    if name in _COUNTS:
        return pa.int32()
    if name in _FLOATS:
        return pa.float64()
    return pa.string()  # evidence is JSON text: a list of {field, text, start, end}


# an event: a stable id (article id and the event's place in it), the contract, the partitions
EVENT_SCHEMA = pa.schema([pa.field("event_uid", pa.string(), nullable=False)] +
                         [pa.field(n, _type(n)) for n in CONTRACT_FIELDS] +
                         [pa.field("part_country", pa.string()), pa.field("part_month", pa.string())])
ARTICLE_SCHEMA = pa.schema([
    pa.field("id", pa.string(), nullable=False), pa.field("url", pa.string()), pa.field("title", pa.string()),
    pa.field("text", pa.string()), pa.field("published", pa.date32()), pa.field("source", pa.string()),
    pa.field("language", pa.string()), pa.field("origin", pa.string()), pa.field("events", pa.int32()),
    pa.field("input_order", pa.int64()), pa.field("part_month", pa.string())])
# a fused event (sitrep.spark.fusion): the events table's fields, with every source and its
# account, and the toll range and provenance fusion keeps
FUSED_SCHEMA = pa.schema(list(EVENT_SCHEMA) + [
    pa.field("sources", pa.string()), pa.field("reports", pa.string()), pa.field("provenance", pa.string()),
    pa.field("fatalities_best", pa.int32()), pa.field("fatalities_high", pa.int32())])
ERROR_SCHEMA = pa.schema([pa.field("input", pa.string()), pa.field("reason", pa.string())])


def month_of(day: dt.date | None) -> str:
    return f"{day:%Y-%m}" if day else "unknown"


def event_row(ev: Event, n: int) -> dict[str, Any]:
    """One event as a row of EVENT_SCHEMA; `n` is its place among its article's events."""
    rec = ev.to_record()
    rec["event_date"] = ev.event_date
    rec["evidence"] = json.dumps(rec["evidence"], ensure_ascii=False)
    rec["event_uid"] = f"{ev.article_id}#{n}"
    rec["part_country"] = ev.iso or "XX"
    rec["part_month"] = month_of(ev.event_date)
    return rec


def article_row(a: Article, events: int, order: int) -> dict[str, Any]:
    return {"id": a.id, "url": a.url, "title": a.title, "text": a.text, "published": a.published,
            "source": a.source, "language": a.language, "origin": a.origin, "events": events,
            "input_order": order, "part_month": month_of(a.published)}


def event_from_row(row: dict[str, Any]) -> Event:
    """The Event a row holds (what `sitrep load` stores)."""
    kw = {k: row.get(k) for k in CONTRACT_FIELDS if k not in ("disorder_type", "interaction", "evidence")}
    kw = {k: v for k, v in kw.items() if v is not None}
    evidence = [Evidence(**e) for e in json.loads(row.get("evidence") or "[]")]
    return Event(evidence=evidence, **kw)


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(id=row["id"], text=row.get("text") or "", title=row.get("title") or "", url=row.get("url") or "",
                   published=row.get("published"), source=row.get("source") or "",
                   language=row.get("language") or "en", origin=row.get("origin") or "")


def stored_event_row(rec: dict[str, Any]) -> dict[str, Any]:
    """A stored event (Store.events) as a row of the events table plus the store's own columns."""
    row = {n: rec.get(n) for n in CONTRACT_FIELDS}
    day = rec.get("event_date")
    row["event_date"] = dt.date.fromisoformat(day) if isinstance(day, str) else day
    row["evidence"] = json.dumps(rec.get("evidence") or [], ensure_ascii=False, default=str)
    row["event_uid"] = f"{rec['article_id']}#{rec['id']}"
    row["part_country"] = rec.get("iso") or "XX"
    row["part_month"] = month_of(row["event_date"])
    return row


STORED_EXTRA = pa.schema([pa.field("id", pa.int64()), pa.field("review_status", pa.string()),
                          pa.field("sources", pa.string())])


def write_stored_events(records: Iterable[dict[str, Any]], path: str, batch: int = 10_000) -> int:
    """Stored events as one Parquet file (the events schema, plus id, review status and the
    sources as JSON); written in row groups of `batch`, so an export never sits in memory whole."""
    import pyarrow.parquet as pq

    schema = pa.schema(list(EVENT_SCHEMA) + list(STORED_EXTRA))
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for rows in _chunks(records, batch):
            table_rows = [{**stored_event_row(r), "id": r["id"], "review_status": r.get("review_status"),
                           "sources": json.dumps(r.get("sources") or [], ensure_ascii=False, default=str)}
                          for r in rows]
            writer.write_table(pa.Table.from_pylist(table_rows, schema=schema))
            n += len(rows)
    return n


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for x in items:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
