"""`sitrep load`: Parquet written by the Spark runner (or any table with sitrep.parquet's
columns) into a store, so the web app, alerts and reports work on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sitrep.parquet import article_from_row, event_from_row
from sitrep.store import Store

BATCH = 1000  # articles per transaction


def tables_of(path: str) -> tuple[str, str | None]:
    """(articles, events) of a runner's output folder, or of an articles folder beside events."""
    p = Path(path)
    if (p / "articles").is_dir():
        return str(p / "articles"), str(p / "events") if (p / "events").is_dir() else None
    return str(p), None


def load(paths: list[str], store: Store, on_progress: Callable[[int, int], None] | None = None) -> tuple[int, int, int]:
    """Load every article of `paths` with its events, in input order; articles stored before
    are skipped. Returns (articles added, events added, articles skipped)."""
    import pyarrow.dataset as ds

    added = events_added = skipped = 0
    for path in paths:
        art_path, ev_path = tables_of(path)
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
            a, e = store.bulk_add(batch)
            added += a
            events_added += e
            skipped += len(chunk) - a
            if on_progress:
                on_progress(min(i + BATCH, total), total)
    return added, events_added, skipped
