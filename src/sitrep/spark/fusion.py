"""Fusion across an archive: the reports of one event, from different articles, become one
event with every source, by the rules `sitrep ingest` applies as it stores (sitrep.fuse).

`fuse_in_order` replays what the store does, article after article in input order: an event
is matched against the events already kept within 31 days in its country that this article
does not already source (`fuse.best_match` over the fused row and every source's own
account), and either joins the best match (`fuse.absorb`: lowest toll, best precision, named
perpetrator, provenance) or is kept as a new event. The store looks at one country at a time
(an event with a country is only matched within it), so the Spark stage runs one country per
task, in input order, and gives what sequential `sitrep ingest` gives. Events with no country
are fused among themselves (the store would also try them against every country).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.fuse import absorb, best_match, report
from sitrep.model import Event

WINDOW = dt.timedelta(days=31)  # as Store._fusion_match


def fuse_in_order(articles: Iterable[tuple[str, list[Event]]]) -> list[dict[str, Any]]:
    """Fused events of (article id, its events) given in input order; each a stored-event
    row with `sources` (article ids, first first) and `reports` (each source's account)."""
    kept: list[dict[str, Any]] = []
    for article_id, found in articles:
        for ev in found:
            match = None
            if ev.event_date is not None:
                cands = [r for r in kept if r["event_date"] is not None
                         and abs(r["event_date"] - ev.event_date) <= WINDOW
                         and (not ev.iso or r["iso"] == ev.iso) and article_id not in r["sources"]]
                m = best_match(ev.to_record(), cands)
                match = kept[m.event_id - 1] if m else None
            rec = ev.to_record()
            if match is not None:
                match["sources"].append(article_id)
                match["reports"].append(report(rec))
                match.update(absorb(dict(match), ev, article_id))
                continue
            row = dict(rec, id=len(kept) + 1, event_date=ev.event_date, interaction=ev.interaction,
                       disorder_type=ev.disorder_type, review_status="unreviewed", reviewed_fields=None,
                       fatalities_best=None, fatalities_high=None,
                       provenance={"fatalities": {article_id: ev.fatalities}},
                       sources=[article_id], reports=[report(rec)])
            kept.append(row)
    return kept


def fused_row(row: dict[str, Any], block: str) -> dict[str, Any]:
    """A fused event as a row of the fused table (sitrep.parquet.FUSED_SCHEMA)."""
    from sitrep.parquet import month_of

    out = {k: v for k, v in row.items() if k not in ("id", "sources", "reports", "provenance", "review_status",
                                                     "reviewed_fields", "evidence")}
    out.update(event_uid=f"{row['sources'][0]}@{block}#{row['id']}", sources=json.dumps(row["sources"]),
               reports=json.dumps(row["reports"], ensure_ascii=False, default=str),
               provenance=json.dumps(row["provenance"], ensure_ascii=False, default=str),
               evidence=json.dumps(row.get("evidence") or [], ensure_ascii=False, default=str),
               part_country=row.get("iso") or "XX", part_month=month_of(row.get("event_date")))
    return out


def fuse_block(rows: Iterator[tuple[str, Any]]) -> Iterator[dict[str, Any]]:
    """On an executor: the events of one country (as rows of the events table, with the
    article's input order), fused in input order."""
    from sitrep.parquet import event_from_row

    for block, events in rows:
        events = sorted(events, key=lambda e: (e["input_order"], int(e["event_uid"].rsplit("#", 1)[1])))
        per_article: list[tuple[str, list[Event]]] = []
        for e in events:
            if not per_article or per_article[-1][0] != e["article_id"]:
                per_article.append((e["article_id"], []))
            per_article[-1][1].append(event_from_row(e))
        for row in fuse_in_order(per_article):
            yield fused_row(row, block)


def fuse(spark, out: str) -> int:
    """Fuse OUT/events into OUT/fused (rewritten whole: fusion depends on every report)."""
    from sitrep.parquet import FUSED_SCHEMA
    from sitrep.spark.runner import _tuples, spark_schema

    events = spark.read.parquet(out.rstrip("/") + "/events")
    orders = spark.read.parquet(out.rstrip("/") + "/articles").select("id", "input_order") \
        .withColumnRenamed("id", "article_id")
    joined = events.join(orders, "article_id")
    rows = joined.rdd.map(lambda r: (r["part_country"], r.asDict())).groupByKey() \
        .mapPartitions(lambda it: fuse_block((k, list(v)) for k, v in it))
    df = spark.createDataFrame(_tuples(FUSED_SCHEMA, rows), spark_schema(FUSED_SCHEMA))
    df.write.mode("overwrite").partitionBy("part_country", "part_month").parquet(out.rstrip("/") + "/fused")
    return spark.read.parquet(out.rstrip("/") + "/fused").count()
