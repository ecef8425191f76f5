"""`sitrep load`: Parquet written by the Spark runner (or any table with sitrep.parquet's
columns) into a store, so the web app, alerts and reports work on it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from sitrep.parquet import article_from_row, event_from_row
from sitrep.store import Store

BATCH = 1000  # articles per transaction


def tables_of(path: str) -> tuple[str, str | None, str | None]:
    """(articles, events, fused events) of a runner's output folder."""
    p = Path(path)
    if (p / "articles").is_dir():
        return (str(p / "articles"), str(p / "events") if (p / "events").is_dir() else None,
                str(p / "fused") if (p / "fused").is_dir() else None)
    return str(p), None, None


def load(paths: list[str], store: Store, on_progress: Callable[[int, int], None] | None = None) -> tuple[int, int, int]:
    """Load every article of `paths` with its events, in input order; articles stored before
    are skipped. Where the folder holds fused events (`sitrep spark ingest --fuse`), those are
    stored, each with all its sources, instead of one event per report. Returns (articles
    added, events added, articles skipped)."""
    import pyarrow.dataset as ds

    added = events_added = skipped = 0
    new_ids: set[str] = set()  # articles this load stored: their fused events are new too
    for path in paths:
        art_path, ev_path, fused_path = tables_of(path)
        if fused_path:
            ev_path = None  # the articles go in bare, then the fused events with their sources
        if not Path(art_path).exists():
            raise FileNotFoundError(f"{path}: no such folder (give the --out folder of `sitrep spark ingest`)")
        by_article: dict[str, list] = {}
        if ev_path:
            for row in ds.dataset(ev_path, format="parquet", partitioning="hive").to_table().to_pylist():
                by_article.setdefault(row["article_id"], []).append(row)
        rows = ds.dataset(art_path, format="parquet", partitioning="hive").to_table().to_pylist()
        rows.sort(key=lambda r: (r.get("input_order") if r.get("input_order") is not None else 0, r["id"]))
        total = len(rows)
        for i in range(0, total, BATCH):
            chunk = rows[i:i + BATCH]
            batch = []
            for r in chunk:
                evs = sorted(by_article.get(r["id"], []), key=lambda e: int(e["event_uid"].rsplit("#", 1)[1]))
                batch.append((article_from_row(r), [event_from_row(e) for e in evs]))
            stored, e = store.bulk_add(batch)
            new_ids.update(stored)
            added += len(stored)
            events_added += e
            skipped += len(chunk) - len(stored)
            if on_progress:
                on_progress(min(i + BATCH, total), total)
        if fused_path:
            fused = ds.dataset(fused_path, format="parquet", partitioning="hive").to_table().to_pylist()
            todo = [_fused(r) for r in fused if json.loads(r["sources"])[0] in new_ids]
            for i in range(0, len(todo), BATCH):
                events_added += store.bulk_add_fused(todo[i:i + BATCH])
    return added, events_added, skipped


def _fused(row: dict) -> dict:
    out = dict(row)
    for k in ("sources", "reports", "provenance", "evidence"):
        out[k] = json.loads(row[k]) if row.get(k) else ([] if k != "provenance" else None)
    return out
