"""The web app at scale: 1,000,000 events in SQLite, map-viewport-plus-date queries and API
throughput under a load generator on loopback.

    .venv/bin/python benchmarks/web_scale.py [--events 1000000] [--db /tmp/sitrep-scale.db]
        [--queries 300] [--seconds 10] [--concurrency 16]

Targets (issue 4): viewport+date query p95 < 100 ms; the map never gets more than 5,000
points (server-side clusters beyond); the API sustains >= 300 requests/s on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sitrep.store import EventFilter, Store
from sitrep.store.tables import articles, events

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Violence against civilians", "Attack"), ("Strategic developments", "Arrests"),
         ("Protests", "Peaceful protest")]


def generate(store: Store, n: int) -> None:
    rng = random.Random(5)
    now = dt.datetime.now(dt.timezone.utc)
    with store.engine.begin() as con:
        con.execute(articles.insert(), [{"id": f"bench-{i}", "text": "benchmark article", "ingested_at": now}
                                        for i in range(1000)])
        batch = []
        start = dt.date(2015, 1, 1)
        for i in range(n):
            et, st = TYPES[i % len(TYPES)]
            batch.append({
                "article_id": f"bench-{i % 1000}", "event_date": start + dt.timedelta(days=rng.randrange(3650)),
                "time_precision": 1, "disorder_type": "", "event_type": et, "sub_event_type": st,
                "actor1": "Islamic State (Iraq)", "country": "Iraq", "iso": "IQ", "admin1": "Al Anbar",
                "latitude": rng.uniform(29.0, 37.5), "longitude": rng.uniform(38.5, 48.5),
                "geo_precision": 1, "fatalities": rng.randrange(5), "evidence": [], "created_at": now,
            })
            if len(batch) == 50_000:
                con.execute(events.insert(), batch)
                batch.clear()
                print(f"  {i + 1:,} events", flush=True)
        if batch:
            con.execute(events.insert(), batch)


def viewport_queries(store: Store, n: int) -> list[float]:
    rng = random.Random(9)
    times = []
    for _ in range(n):
        lat, lon, size = rng.uniform(30, 36), rng.uniform(39, 47), rng.uniform(0.5, 3.0)
        since = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3500))
        f = EventFilter(bbox=(lon, lat, lon + size, lat + size), since=since, until=since + dt.timedelta(days=30))
        t = time.perf_counter()
        if store.count(f) > 5000:  # what /api/events.geojson does for the map
            store.clusters(f, 0.1)
        else:
            store.points(f, 5000)
        times.append((time.perf_counter() - t) * 1000)
    return times


async def load(url: str, seconds: float, concurrency: int) -> tuple[int, int]:
    import httpx

    ok = err = 0
    deadline = time.monotonic() + seconds
    rng = random.Random(3)

    async def worker(client):
        nonlocal ok, err
        while time.monotonic() < deadline:
            lat, lon = rng.uniform(30, 36), rng.uniform(39, 47)
            r = await client.get(f"{url}/api/events", params={"limit": 50, "bbox": f"{lon},{lat},{lon + 1},{lat + 1}",
                                                              "since": "2020-01-01", "until": "2020-03-01"})
            ok += r.status_code == 200
            err += r.status_code != 200

    async with httpx.AsyncClient(timeout=10) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return ok, err


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default="/tmp/sitrep-scale.db")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2, help="server processes")
    args = ap.parse_args()
    url = f"sqlite:///{args.db}"
    if not Path(args.db).exists():
        t = time.time()
        generate(Store(url), args.events)
        print(f"generated {args.events:,} events in {time.time() - t:.0f} s")
    store = Store(url)
    print(f"events in store: {store.counts()['events']:,}")
    times = viewport_queries(store, args.queries)
    q = statistics.quantiles(times, n=100)
    print(f"viewport + 30-day query: p50 {q[49]:.1f} ms, p95 {q[94]:.1f} ms (target p95 < 100 ms)")
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        store.stats("day")
        runs.append(time.perf_counter() - t)
    print(f"timeline of the whole store (events per day, unfiltered): median {statistics.median(runs) * 1000:.0f} ms")
    port = 8765
    server = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", url, "--port", str(port),
                               "--anonymous-read", "--workers", str(args.workers)],
                              stderr=subprocess.DEVNULL, env=os.environ.copy())
    try:
        time.sleep(6)
        path = "/api/events?limit=50&bbox=42.0,33.0,43.0,34.0&since=2020-01-01&until=2020-03-01"
        if shutil.which("wrk"):  # a load generator in C leaves the cores to the server
            out = subprocess.run(["wrk", "-t2", f"-c{args.concurrency}", f"-d{int(args.seconds)}s",
                                  f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True).stdout
            rps = next((line.split()[1] for line in out.splitlines() if line.startswith("Requests/sec")), "?")
            errors = [line.strip() for line in out.splitlines() if "Non-2xx" in line or "errors" in line]
            print(f"API under wrk ({args.concurrency} connections, {args.seconds:.0f} s, {args.workers} server "
                  f"processes): {rps} requests/s {'; '.join(errors) or '(no errors)'} (target >= 300/s)")
        else:
            ok, err = asyncio.run(load(f"http://127.0.0.1:{port}", args.seconds, args.concurrency))
            print(f"API under a Python load generator ({args.concurrency} clients, {args.seconds:.0f} s, "
                  f"{args.workers} server processes): {ok / args.seconds:.0f} requests/s, {err} errors "
                  "(target >= 300/s; install wrk for a load generator that does not compete for the cores)")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
