"""Bulk loading (SQL side of `sitrep load`): many articles and their events at once, in
batches, without fusion or alerts (an archive coded elsewhere, such as by the Spark runner).
PostgreSQL takes the articles by COPY; SQLite in multi-row batches."""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa

from sitrep.fuse import report
from sitrep.model import Article, Event
from sitrep.store.tables import articles, event_sources, events

ARTICLE_COLUMNS = ("id", "url", "title", "text", "published", "source", "language", "origin", "ingested_at")


class BulkMixin:
    engine: sa.engine.Engine

    def bulk_add(self, batch: list[tuple[Article, list[Event]]]) -> tuple[list[str], int]:
        """Store articles with their events in one transaction; articles stored before are
        skipped (a rerun adds nothing). Returns (ids of the articles added, events added)."""
        known = self.known_ids([a.id for a, _ in batch])  # type: ignore[attr-defined]
        seen: set[str] = set()
        todo = []
        for a, found in batch:
            if a.id not in known and a.id not in seen:
                seen.add(a.id)
                todo.append((a, found))
        if not todo:
            return [], 0
        now = dt.datetime.now(dt.timezone.utc)
        art_rows = [{"id": a.id, "url": a.url, "title": a.title, "text": a.text, "published": a.published,
                     "source": a.source, "language": a.language, "origin": a.origin, "ingested_at": now}
                    for a, _ in todo]
        ev_rows, owners = [], []
        for a, found in todo:
            for ev in found:
                rec = ev.to_record()
                rec.pop("article_id")
                rec.update(interaction=ev.interaction, disorder_type=ev.disorder_type, event_date=ev.event_date,
                           provenance={"fatalities": {a.id: ev.fatalities}}, article_id=a.id, created_at=now)
                ev_rows.append(rec)
                owners.append((a.id, report(ev.to_record())))
        with self.engine.begin() as con:
            if con.dialect.name == "postgresql":
                raw = con.connection.driver_connection
                with raw.cursor() as cur, cur.copy(f"COPY articles ({', '.join(ARTICLE_COLUMNS)}) FROM STDIN") as cp:
                    for r in art_rows:
                        cp.write_row([r[c] for c in ARTICLE_COLUMNS])
            else:
                con.execute(articles.insert(), art_rows)
                con.execute(sa.text("INSERT INTO articles_fts (article_id, title, text) VALUES (:i, :t, :x)"),
                            [{"i": r["id"], "t": r["title"], "x": r["text"]} for r in art_rows])
            if ev_rows:
                ids = con.execute(events.insert().returning(events.c.id, sort_by_parameter_order=True),
                                  ev_rows).scalars().all()
                con.execute(event_sources.insert(), [
                    {"event_id": i, "article_id": aid, "report": json.loads(json.dumps(rep, default=str))}
                    for i, (aid, rep) in zip(ids, owners)])
        return [a.id for a, _ in todo], len(ev_rows)

    def bulk_add_fused(self, rows: list[dict]) -> int:
        """Store fused events (sitrep.spark.fusion rows: the event's fields, `sources`,
        `reports`, `provenance`), each with every source; their articles must be stored."""
        if not rows:
            return 0
        now = dt.datetime.now(dt.timezone.utc)
        keep = set(events.c.keys()) - {"id", "evidence", "provenance", "reviewed_fields", "created_at", "article_id",
                                        "review_status"}
        ev_rows = []
        for r in rows:
            rec = {k: r.get(k) for k in keep if k in r}
            rec.update(article_id=r["sources"][0], created_at=now, evidence=r.get("evidence") or [],
                       provenance=r.get("provenance"))
            ev_rows.append(rec)
        with self.engine.begin() as con:
            ids = con.execute(events.insert().returning(events.c.id, sort_by_parameter_order=True),
                              ev_rows).scalars().all()
            con.execute(event_sources.insert(), [
                {"event_id": i, "article_id": a, "report": rep}
                for i, r in zip(ids, rows) for a, rep in zip(r["sources"], r["reports"])])
        return len(rows)
