"""Situation reports at scale: `sitrep report` on a store of 100,000 events (target: under 30 s).

    .venv/bin/python benchmarks/report_scale.py [--events 100000] [--db /tmp/sitrep-report-scale.db]
        [--runs 3]

Events spread over two years across Iraq's provinces (about 1,000 a week), each with a source
article; the report is made for the last week and for the last month (about 4,000 events: the
HTML lists them all, the PDF the first 400), as PDF and HTML, by the command a user runs. Prints
the median of --runs runs of each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sitrep.store import Store
from sitrep.store.tables import articles, event_sources, events

PROVINCES = [("Al Anbar", 33.4, 43.3), ("Baghdad", 33.3, 44.4), ("Diyala", 33.8, 44.9), ("Ninewa", 36.3, 43.1),
             ("Salah al-Din", 34.6, 43.7), ("Kirkuk", 35.5, 44.4), ("Basra", 30.5, 47.8), ("Babil", 32.5, 44.4)]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Violence against civilians", "Attack"), ("Strategic developments", "Arrests"),
         ("Protests", "Peaceful protest"), ("Riots", "Mob violence")]
ACTORS = ["Islamic State (Iraq)", "Military Forces of Iraq", "Police Forces of Iraq", "Popular Mobilization Forces",
          "Unidentified Armed Group (Iraq)", "Protesters (Iraq)", "Civilians (Iraq)"]
END = dt.date(2026, 11, 29)  # a Sunday: the report's week ends here


def generate(store: Store, n: int) -> None:
    rng = random.Random(13)
    now = dt.datetime.now(dt.timezone.utc)
    start = END - dt.timedelta(days=729)
    with store.engine.begin() as con:
        batch, links, arts = [], [], []
        for i in range(n):
            day = start + dt.timedelta(days=rng.randrange(730))
            et, st = TYPES[rng.randrange(len(TYPES))]
            admin1, lat, lon = PROVINCES[rng.randrange(len(PROVINCES))]
            arts.append({"id": f"bench-{i}", "text": "benchmark article", "url": f"https://wire.example.test/{i}",
                         "source": f"Wire {i % 7}", "published": day, "ingested_at": now})
            batch.append({
                "id": i + 1, "article_id": f"bench-{i}", "event_date": day, "time_precision": 1, "disorder_type": "",
                "event_type": et, "sub_event_type": st, "actor1": rng.choice(ACTORS), "actor2": rng.choice(ACTORS),
                "country": "Iraq", "iso": "IQ", "admin1": admin1, "location": f"{admin1} town {i % 40}",
                "latitude": lat + rng.uniform(-0.8, 0.8), "longitude": lon + rng.uniform(-0.8, 0.8),
                "geo_precision": 1, "fatalities": rng.choice([0, 0, 0, 1, 2, 3, 5, 12]),
                "notes": f"On {day:%d %B %Y}, an event of type {st} took place in {admin1}.",
                "evidence": [], "created_at": now,
            })
            links.append({"event_id": i + 1, "article_id": f"bench-{i}"})
            if len(batch) == 20_000:
                con.execute(articles.insert(), arts)
                con.execute(events.insert(), batch)
                con.execute(event_sources.insert(), links)
                batch, links, arts = [], [], []
                print(f"  {i + 1:,} events", flush=True)
        if batch:
            con.execute(articles.insert(), arts)
            con.execute(events.insert(), batch)
            con.execute(event_sources.insert(), links)


def timed(args: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", default="/tmp/sitrep-report-scale.db")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    path = Path(args.db)
    url = f"sqlite:///{path}"
    store = Store(url)
    if not path.exists() or store.count() != args.events:
        path.unlink(missing_ok=True)
        store = Store(url)
        store.migrate()
        print(f"generating {args.events:,} events in {path}")
        generate(store, args.events)
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    out = Path("/tmp/sitrep-report-scale")
    week = END.isocalendar()
    cases = {"last week (PDF + HTML)": ["--week", f"{week[0]}-W{week[1]:02d}"],
             "last month (PDF + HTML)": ["--from", str(END - dt.timedelta(days=29)), "--to", str(END)]}
    print(f"{store.count():,} events in the store")
    for name, period in cases.items():
        times = [timed([sitrep, "report", "--db", url, "--country", "Iraq", *period, "--format", "pdf",
                        "--format", "html", "--out", str(out) + ".pdf"]) for _ in range(args.runs)]
        print(f"{name}: median {statistics.median(times):.1f} s over {args.runs} runs "
              f"({', '.join(f'{t:.1f}' for t in times)}); target < 30 s")


if __name__ == "__main__":
    main()
