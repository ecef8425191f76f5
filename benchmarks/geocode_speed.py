"""Gazetteer figures: build time and size, and batch look-ups per second (target >= 10,000/s).

    .venv/bin/python benchmarks/geocode_speed.py [--build] [--queries 20000]

Look-ups are name -> ranked candidates with context scoring (what `sitrep geocode --batch`
does per line), over a mix of gold place mentions and GeoNames names, repeated; the cache is
cleared first so every distinct name hits SQLite once.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from sitrep.geo.gazetteer import Gazetteer, build, default_path
from sitrep.geo.resolve import GeoContext, resolve

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", action="store_true", help="also time a fresh build")
    ap.add_argument("--queries", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if args.build:
        with tempfile.TemporaryDirectory() as tmp:
            report = build(Path(tmp) / "g.sqlite")
            print(f"build: {report.seconds:.1f} s, {report.size_mb:.0f} MB, {report.places} places, {report.names} names")
    gaz = Gazetteer(default_path())
    print(f"gazetteer: {default_path()} ({default_path().stat().st_size / 1e6:.0f} MB)")
    names = [json.loads(line)["mention"] for line in (ROOT / "gold" / "places.jsonl").read_text().splitlines()]
    rows = gaz.con.execute("SELECT name FROM places ORDER BY random() LIMIT 5000").fetchall()
    names += [r[0] for r in rows]
    rng = random.Random(1)
    queries = [rng.choice(names) for _ in range(args.queries)]
    context = GeoContext()
    context.countries["IQ"] += 1
    rates = []
    for _ in range(args.runs):
        gaz._cache.clear()
        t = time.perf_counter()
        for q in queries:
            resolve(gaz.lookup(q), q, context)
        rates.append(len(queries) / (time.perf_counter() - t))
    print(f"look-ups: {statistics.median(rates):,.0f}/s (median of {args.runs}; {len(set(queries))} distinct names)")


if __name__ == "__main__":
    main()
