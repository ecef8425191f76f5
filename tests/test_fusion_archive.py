"""Fusion replayed over an archive (sitrep.spark.fusion.fuse_in_order, pure Python) gives the
events sequential `sitrep ingest` stores, with the same sources."""

import datetime as dt
import json
from pathlib import Path

from sitrep.ingest import read_inputs
from sitrep.model import Article
from sitrep.pipeline import process
from sitrep.spark.fusion import fuse_in_order
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _corpus() -> list[Article]:
    """The gold articles and the samples, each twice under a new id (a second report of the
    same events, as wires repeat each other), in a fixed order."""
    base = []
    for line in (ROOT / "gold" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:30]:
        r = json.loads(line)
        base.append(Article(id=r["id"], text=r["text"], title=r["title"], published=dt.date.fromisoformat(r["published"])))
    base += [a for a in read_inputs([str(ROOT / "samples")], published=dt.date(2019, 7, 9)) if isinstance(a, Article)]
    again = [Article(id=a.id + "-again", text=a.text, title=a.title, published=a.published) for a in base]
    return base + again


def _key(sources, e) -> tuple:
    return (tuple(sources), e["sub_event_type"], str(e["event_date"]), e["location"], e["fatalities"], e["actor1"])


def test_fusion_in_order_equals_sequential_ingest(sqlite_url):
    arts = _corpus()
    found = process(arts)
    store = Store(sqlite_url)
    for a, evs in zip(arts, found):
        store.add_article(a, evs, fuse=True)
    stored = sorted(_key([s["article_id"] for s in sorted(e["sources"], key=lambda s: _pos(arts, s["article_id"]))], e)
                    for e in store.events(None))
    by_country: dict[str, list] = {}
    for a, evs in zip(arts, found):
        for ev in evs:
            block = by_country.setdefault(ev.iso or "XX", [])
            if not block or block[-1][0] != a.id:
                block.append((a.id, []))
            block[-1][1].append(ev)
    fused = sorted(_key(r["sources"], r) for block in by_country.values() for r in fuse_in_order(block))
    assert fused == stored
    assert sum(len(k[0]) > 1 for k in fused) >= len(arts) // 4  # the repeats did fuse


def _pos(arts, article_id):
    return next(i for i, a in enumerate(arts) if a.id == article_id)
