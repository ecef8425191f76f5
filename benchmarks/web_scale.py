"""The web workbench at archive scale: a realistic store of ACLED's whole history in size
(2,500,000 events over ten years and 50 countries), the requests the page makes timed over
HTTP against `sitrep serve`, the page itself timed in Chromium, and `/api/events` under wrk.

    .venv/bin/python benchmarks/web_scale.py --events 2500000 --db /tmp/sitrep-scale.db \\
        [--db postgresql://root@127.0.0.1:5432/sitrep_scale] [--repeat 40] [--seconds 15] \\
        [--concurrency 16] [--workers 2] [--screenshots docs/screenshots]

`--db` may be given more than once (each store is built if it is empty, then measured). The
store's events are placed at the gazetteer's real towns (most events in the big ones, as in
ACLED), each country with its own mix of event types, actors and a monthly intensity that
wanders over the ten years; a few per cent are accepted, edited, rejected or merged.

Targets (issue 12): the page usable (status line says "N events") in < 2 s; every map, table
and timeline request p95 < 300 ms; the review queue < 300 ms; /api/events >= 300 requests/s
under wrk on loopback (2 server processes on this 2-core machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from sitrep.model import DISORDER_TYPES
from sitrep.store import Store, normalise_url
from sitrep.store.tables import articles, event_sources, events

START, DAYS = dt.date(2015, 1, 1), 3653  # 2015-01-01 .. 2024-12-31

# event types, their sub-event types (with weights) and the fatalities they tend to have
SUBTYPES = {
    "Battles": [("Armed clash", 0.9), ("Government regains territory", 0.05),
                ("Non-state actor overtakes territory", 0.05)],
    "Explosions/Remote violence": [("Shelling/artillery/missile attack", 0.5), ("Air/drone strike", 0.3),
                                   ("Remote explosive/landmine/IED", 0.15), ("Suicide bomb", 0.05)],
    "Violence against civilians": [("Attack", 0.8), ("Abduction/forced disappearance", 0.17),
                                   ("Sexual violence", 0.03)],
    "Protests": [("Peaceful protest", 0.9), ("Protest with intervention", 0.08),
                 ("Excessive force against protesters", 0.02)],
    "Riots": [("Violent demonstration", 0.6), ("Mob violence", 0.4)],
    "Strategic developments": [("Arrests", 0.35), ("Looting/property destruction", 0.2), ("Other", 0.2),
                               ("Disrupted weapons use", 0.15), ("Agreement", 0.1)],
}
MEAN_FATALITIES = {"Battles": 3.0, "Explosions/Remote violence": 1.5, "Violence against civilians": 1.0,
                   "Protests": 0.01, "Riots": 0.1, "Strategic developments": 0.05}
PROFILES = {  # the mix of event types of a kind of conflict
    "war": [0.33, 0.38, 0.12, 0.06, 0.02, 0.09],
    "insurgency": [0.30, 0.15, 0.30, 0.10, 0.05, 0.10],
    "unrest": [0.02, 0.01, 0.12, 0.62, 0.15, 0.08],
    "crime": [0.15, 0.02, 0.50, 0.20, 0.05, 0.08],
}
TYPE_ORDER = list(SUBTYPES)
# (ISO code, share of the events, profile): about ACLED's spread
COUNTRIES = [
    ("UA", 12, "war"), ("SY", 10, "war"), ("IN", 8, "unrest"), ("YE", 6, "war"), ("MM", 6, "war"),
    ("MX", 5, "crime"), ("PK", 4, "insurgency"), ("AF", 4, "insurgency"), ("IQ", 4, "insurgency"),
    ("NG", 4, "insurgency"), ("BR", 4, "crime"), ("US", 4, "unrest"), ("CD", 3, "insurgency"),
    ("SO", 3, "insurgency"), ("SD", 3, "war"), ("PS", 3, "war"), ("ML", 2, "insurgency"),
    ("BF", 2, "insurgency"), ("CO", 2, "crime"), ("TR", 2, "unrest"), ("IL", 2, "war"), ("ET", 2, "insurgency"),
    ("PH", 2, "insurgency"), ("BD", 2, "unrest"), ("ZA", 2, "unrest"), ("RU", 2, "war"), ("LY", 1.5, "war"),
    ("CM", 1.5, "insurgency"), ("IR", 1.5, "unrest"), ("FR", 1, "unrest"), ("DE", 1, "unrest"),
    ("GB", 1, "unrest"), ("LB", 1, "war"), ("MZ", 1, "insurgency"), ("ID", 1, "unrest"), ("KE", 1, "unrest"),
    ("VE", 1, "unrest"), ("CL", 1, "unrest"), ("AR", 1, "unrest"), ("PE", 1, "unrest"), ("HT", 1, "crime"),
    ("NE", 1, "insurgency"), ("CF", 1, "insurgency"), ("SS", 1, "insurgency"), ("TH", 0.5, "unrest"),
    ("EG", 0.5, "unrest"), ("DZ", 0.5, "unrest"), ("TN", 0.5, "unrest"), ("AM", 0.5, "war"),
    ("AZ", 0.5, "war"),
]
STATUSES = [("unreviewed", 0.85), ("accepted", 0.10), ("edited", 0.03), ("rejected", 0.015), ("merged", 0.005)]


def _places(iso: str, n: int = 300) -> tuple[str, list[tuple[str, str, float, float, float]]]:
    """The country's name and its `n` most populous places (name, admin1, lat, lon, weight),
    read from the gazetteer `sitrep gazetteer build` made (a benchmark's fixture, read-only)."""
    from sitrep.geo.gazetteer import default_path

    con = sqlite3.connect(f"file:{default_path()}?mode=ro", uri=True)
    try:
        name = con.execute("SELECT name FROM countries WHERE iso = ?", (iso,)).fetchone()[0]
        rows = con.execute(
            "SELECT p.name, coalesce(a.name, ''), p.lat, p.lon, max(p.population, 1000) FROM places p"
            " LEFT JOIN admin1 a ON a.code = p.admin1_code WHERE p.iso = ? AND p.lat IS NOT NULL"
            " ORDER BY p.population DESC LIMIT ?", (iso, n)).fetchall()
    finally:
        con.close()
    return name, [(r[0], r[1], r[2], r[3], float(r[4]) ** 0.6) for r in rows]


def _poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    limit, k, p = math.exp(-min(mean, 30)), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k if mean <= 30 else int(k * mean / 30)
        k += 1


def generate(store: Store, n: int, seed: int = 5) -> None:
    """`n` events (one article for every three), inserted 20,000 at a time."""
    rng = random.Random(seed)
    now = dt.datetime.now(dt.timezone.utc)
    months = DAYS // 30 + 1
    profiles = []
    total_share = sum(c[1] for c in COUNTRIES)
    for iso, share, kind in COUNTRIES:
        name, places = _places(iso)
        walk, level = [], 0.0
        for m in range(months):  # a monthly intensity that wanders; coverage grows over the years
            level = max(-2.0, min(2.0, level + rng.gauss(0, 0.25)))
            walk.append(math.exp(level) * (1 + 2 * m / months))
        actors = {
            "state": f"Military Forces of {name}", "police": f"Police Forces of {name}",
            "rebels": f"Unidentified Armed Group ({name})", "civilians": f"Civilians ({name})",
            "protesters": f"Protesters ({name})", "rioters": f"Rioters ({name})",
        }
        profiles.append({"iso": iso, "name": name, "share": share / total_share, "kind": kind, "places": places,
                         "place_w": list(_cumulative(p[4] for p in places)), "months": list(_cumulative(walk)),
                         "actors": actors})
    country_w = list(_cumulative(p["share"] for p in profiles))
    status_w = list(_cumulative(w for _, w in STATUSES))
    n_articles = max(1, n // 3)
    for i in range(0, n_articles, 20_000):
        _insert(store, articles, [
            {"id": f"bench-{j}", "url": f"https://news.example.org/{j}", "title": f"Report {j}",
             "text": "A benchmark article.", "source": "Example News", "ingested_at": now}
            for j in range(i, min(n_articles, i + 20_000))])
    done = 0
    while done < n:
        batch, sources = [], []
        for _ in range(min(20_000, n - done)):
            c = profiles[_pick(rng, country_w)]
            place = c["places"][_pick(rng, c["place_w"])]
            day = min(DAYS - 1, _pick(rng, c["months"]) * 30 + rng.randrange(30))
            etype = TYPE_ORDER[_pick(rng, list(_cumulative(PROFILES[c["kind"]])))]
            subs = SUBTYPES[etype]
            sub = subs[_pick(rng, list(_cumulative(w for _, w in subs)))][0]
            a = c["actors"]
            actor1, inter1, actor2, inter2 = {
                "Battles": (a["state"], 1, a["rebels"], 3),
                "Explosions/Remote violence": (a["state"], 1, a["rebels"], 3) if rng.random() < 0.6
                else (a["rebels"], 3, a["civilians"], 7),
                "Violence against civilians": (a["rebels"], 3, a["civilians"], 7),
                "Protests": (a["protesters"], 6, "", None),
                "Riots": (a["rioters"], 5, a["police"], 1),
                "Strategic developments": (a["police"], 1, a["protesters"], 6),
            }[etype]
            lat, lon, precision = place[2], place[3], 1
            if rng.random() < 0.2:  # near a town, or part of a region
                lat, lon, precision = lat + rng.uniform(-0.2, 0.2), lon + rng.uniform(-0.2, 0.2), 2
            fat = _poisson(rng, MEAN_FATALITIES[etype] * rng.expovariate(1.0))
            date = START + dt.timedelta(days=day)
            art = f"bench-{rng.randrange(n_articles)}"
            batch.append({
                "article_id": art, "event_date": date, "time_precision": 1 if rng.random() < 0.9 else 2,
                "disorder_type": DISORDER_TYPES[etype], "event_type": etype, "sub_event_type": sub,
                "actor1": actor1, "inter1": inter1, "actor2": actor2, "inter2": inter2,
                "interaction": inter1 * 10 + (inter2 or 0), "civilian_targeting":
                "Civilian targeting" if inter2 == 7 else "", "country": c["name"], "iso": c["iso"],
                "admin1": place[1], "location": place[0], "latitude": round(lat, 4), "longitude": round(lon, 4),
                "geo_precision": precision, "fatalities": fat, "injured": _poisson(rng, fat * 0.8),
                "notes": f"On {date:%d %B %Y}, {actor1} ({sub.lower()}) in {place[0]}, {place[1]}. "
                         f"{fat} fatalities.",
                "source": "Example News", "source_scale": "National", "confidence": round(rng.uniform(0.3, 0.99), 3),
                "evidence": [], "review_status": STATUSES[_pick(rng, status_w)][0], "created_at": now,
            })
            sources.append(art)
        for k, row in enumerate(batch):
            row["id"] = done + k + 1
        _insert(store, events, batch)
        _insert(store, event_sources, [{"event_id": r["id"], "article_id": a} for r, a in zip(batch, sources)])
        done += len(batch)
        if done % 200_000 < 20_000:
            print(f"  {done:,} events", flush=True)
    with store.engine.begin() as con:
        if store.dialect == "postgresql":  # the ids were given: the sequence goes on after them
            con.exec_driver_sql("SELECT setval(pg_get_serial_sequence('events', 'id'), (SELECT max(id) FROM events))")
        con.exec_driver_sql("ANALYZE")
    if store.dialect == "postgresql":  # as autovacuum leaves a loaded table: pages marked all-visible,
        # so the indexes that hold what a query reads answer it alone (index-only scans)
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as con:
            con.exec_driver_sql("VACUUM ANALYZE")


def _insert(store: Store, table, rows: list[dict]) -> None:
    """Rows into `table`: executemany on SQLite, COPY on PostgreSQL (ten times quicker there)."""
    if store.dialect != "postgresql":
        with store.engine.begin() as con:
            con.execute(table.insert(), rows)
        return
    import json

    cols = list(rows[0])
    raw = store.engine.raw_connection()
    try:
        with raw.cursor() as cur, cur.copy(f"COPY {table.name} ({', '.join(cols)}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row([json.dumps(r[c]) if c == "evidence" else r[c] for c in cols])
        raw.commit()
    finally:
        raw.close()


def _cumulative(weights):
    total = 0.0
    for w in weights:
        total += w
        yield total


def _pick(rng: random.Random, cumulative: list[float]) -> int:
    import bisect

    return min(len(cumulative) - 1, bisect.bisect_left(cumulative, rng.random() * cumulative[-1]))


# -- the page's requests ----------------------------------------------------------------------------
def _view(lat: float, lon: float, zoom: int, width: int = 1000, height: int = 560) -> str:
    """The bbox a map of width x height pixels shows at this centre and zoom (Web Mercator)."""
    deg_per_px = 360 / (256 * 2 ** zoom)
    half_w, half_h = width / 2 * deg_per_px, height / 2 * deg_per_px * math.cos(math.radians(lat))
    return (f"{max(-180, lon - half_w):.4f},{max(-85, lat - half_h):.4f},"
            f"{min(180, lon + half_w):.4f},{min(85, lat + half_h):.4f}")


def requests_of_the_page(repeat: int, seed: int = 11) -> dict[str, list[str]]:
    """What the page asks, in kinds: the map (clusters or points of a view, and the counter),
    the table (a page of the events in view, and the next one), the timeline, the review queue.
    Views are centred on places with events, at zooms 3 to 10, over all ten years, the last year,
    or a 30-day window, some with a type or country filter."""
    rng = random.Random(seed)
    centres = [(33.3, 44.4, "IQ"), (36.2, 37.2, "SY"), (48.5, 35.0, "UA"), (15.4, 44.2, "YE"), (21.0, 96.1, "MM"),
               (19.4, -99.1, "MX"), (28.6, 77.2, "IN"), (9.1, 7.4, "NG"), (34.5, 69.2, "AF"), (-23.5, -46.6, "BR"),
               (2.0, 45.3, "SO"), (15.6, 32.5, "SD"), (31.5, 34.5, "PS"), (40.7, -74.0, "US"), (-4.3, 15.3, "CD")]
    out: dict[str, list[str]] = {"map": [], "table": [], "timeline": [], "review queue": []}
    out["map"] += ["/api/events.geojson?zoom=2", "/api/stats?by=type", "/api/stats?by=country"]
    out["timeline"].append("/api/timeline?max_bins=280")
    for _ in range(repeat):
        lat, lon, iso = rng.choice(centres)
        zoom = rng.randrange(3, 11)
        bbox = _view(lat + rng.uniform(-1, 1), lon + rng.uniform(-1, 1), zoom)
        span = rng.choice(["all", "all", "year", "month"])
        q: dict[str, str] = {}
        if span == "year":
            q.update(since="2024-01-01", until="2024-12-31")
        elif span == "month":
            d = START + dt.timedelta(days=rng.randrange(DAYS - 30))
            q.update(since=d.isoformat(), until=(d + dt.timedelta(days=29)).isoformat())
        extra = rng.random()
        if extra < 0.2:
            q["type"] = rng.choice(TYPE_ORDER)
        elif extra < 0.35:
            q["country"] = iso
        elif extra < 0.4:
            q["min_fatalities"] = "1"
        out["map"].append("/api/events.geojson?" + urlencode({**q, "bbox": bbox, "zoom": zoom}))
        out["map"].append("/api/stats?" + urlencode({"by": "type", **q}))
        sort = rng.choice(["-event_date", "-event_date", "-fatalities", "confidence"])
        out["table"].append("/api/events?" + urlencode({**q, "bbox": bbox, "sort": sort, "limit": 50}))
        timeline = {k: v for k, v in q.items() if k not in ("since", "until")}
        out["timeline"].append("/api/timeline?" + urlencode({**timeline, "max_bins": 280}))
        queue = {"sort": "confidence", "review_status": "unreviewed", "limit": 50}
        if rng.random() < 0.5:
            queue.update(q)
        out["review queue"].append("/api/events?" + urlencode(queue))
    return out


def time_requests(base: str, kinds: dict[str, list[str]], cached: bool = False) -> dict[str, dict[str, float]]:
    """p50, p95 and max of each kind of request. Each request is computed (an unused parameter
    makes every address new, so the server's answer cache never answers), unless `cached`."""
    import httpx

    figures: dict[str, dict[str, float]] = {}
    fresh = iter(range(10**9))
    with httpx.Client(base_url=base, timeout=120) as client:
        for kind, paths in kinds.items():
            times, slow = [], []
            for path in paths:
                if not cached:
                    path += ("&" if "?" in path else "?") + f"fresh={next(fresh)}-{os.getpid()}"
                t = time.perf_counter()
                r = client.get(path)
                ms = (time.perf_counter() - t) * 1000
                r.raise_for_status()
                if kind == "table" and r.json().get("next_cursor"):  # and the next page, as Next does
                    times.append(ms)
                    t = time.perf_counter()
                    client.get(path + "&cursor=" + r.json()["next_cursor"]).raise_for_status()
                    ms = (time.perf_counter() - t) * 1000
                times.append(ms)
                slow.append((ms, path))
            q = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else times * 99
            figures[kind] = {"n": len(times), "p50": q[49], "p95": q[94], "max": max(times)}
            worst = sorted(slow, reverse=True)[:3]
            print(f"  {kind}: {len(times)} requests, p50 {q[49]:.0f} ms, p95 {q[94]:.0f} ms, max {max(times):.0f} ms"
                  f" (target p95 < 300 ms); slowest: " + "; ".join(f"{ms:.0f} ms {p}" for ms, p in worst), flush=True)
    return figures


def time_page(base: str, screenshots: Path | None, label: str) -> float | None:
    """Seconds from navigation to the status line's "N events" in Chromium (the map, counter
    and timeline drawn), median of 3 loads; with `screenshots`, the map, table and timeline."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(chromium):
        print("  page: no Chromium (make chromium), not timed")
        return None
    from playwright.sync_api import sync_playwright

    ready = "['ready', 'empty'].includes(document.getElementById('status').dataset.state)" \
            " && !document.getElementById('map').hasAttribute('aria-busy')"
    runs = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for _ in range(3):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t = time.perf_counter()
            page.goto(base + "/")
            while not page.evaluate(ready):
                page.wait_for_timeout(20)
            runs.append(time.perf_counter() - t)
            page.close()
        if screenshots:
            screenshots.mkdir(parents=True, exist_ok=True)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(base + "/?since=2024-01-01&until=2024-12-31")
            while not page.evaluate(ready):
                page.wait_for_timeout(50)
            page.evaluate("void map.setView([33.5, 40.5], 5, {animate: false})")
            page.wait_for_timeout(2500)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(screenshots / f"map-{label}.png"))
            page.locator("#timeline").screenshot(path=str(screenshots / f"timeline-{label}.png"))
            page.click("#table-toggle")
            page.wait_for_timeout(2500)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(screenshots / f"table-{label}.png"))
            page.close()
        browser.close()
    print(f"  page usable (Chromium, 1400x900, status 'N events' and map idle): median {statistics.median(runs):.2f} s"
          f" of {', '.join(f'{r:.2f}' for r in runs)} (target < 2 s)", flush=True)
    return statistics.median(runs)


# each request a different address (an unused parameter counts up), so none is answered from
# the server's answer cache: what a request costs when it is computed
UNCACHED_LUA = """
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "&uncached=" .. counter .. "-" .. math.random(1000000000))
end
"""


def wrk(base: str, seconds: float, concurrency: int, workers: int, uncached: bool = False) -> None:
    path = "/api/events?" + urlencode({"limit": 50, "bbox": "43.0,32.5,45.5,34.5", "since": "2024-01-01",
                                       "until": "2024-06-30"})
    if not shutil.which("wrk"):
        print("  API: wrk is not installed (apt-get install wrk); not measured")
        return
    script = []
    if uncached:
        lua = Path("/tmp") / f"sitrep-wrk-uncached-{os.getpid()}.lua"
        lua.write_text(UNCACHED_LUA)
        script = ["-s", str(lua)]
    out = subprocess.run(["wrk", "-t2", f"-c{concurrency}", f"-d{int(seconds)}s", "--latency", *script, base + path],
                         capture_output=True, text=True).stdout
    rps = next((line.split()[1] for line in out.splitlines() if line.startswith("Requests/sec")), "?")
    p99 = next((line.split()[1] for line in out.splitlines() if line.strip().startswith("99%")), "?")
    errors = [line.strip() for line in out.splitlines() if "Non-2xx" in line or "Socket errors" in line]
    label = "every request computed (a new address each)" if uncached else "the same request again"
    print(f"  /api/events under wrk, {label} ({concurrency} connections, {seconds:.0f} s, {workers} server "
          f"processes, {path}): {rps} requests/s, p99 {p99} {'; '.join(errors) or '(no errors)'} "
          "(target >= 300/s)", flush=True)


async def _asgi_get(app, path: str) -> bytes:
    """GET `path` of the ASGI `app` in this process (no HTTP, no client): the body."""
    route, _, query = path.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": route, "raw_path": route.encode(), "query_string": query.encode(), "root_path": "",
             "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 40000),
             "server": ("127.0.0.1", 8765), "state": {}}
    body: list[bytes] = []
    status: list[int] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        if message["type"] == "http.response.start":
            status.append(message["status"])
        elif message["type"] == "http.response.body":
            body.append(message.get("body", b""))

    await app(scope, receive, send)
    if status != [200]:
        raise RuntimeError(f"{path}: {status} {b''.join(body)[:200]!r}")
    return b"".join(body)


def _cpu_of(app, paths: list[str]) -> list[float]:
    """Seconds of this process's CPU (all its threads) each GET of `paths` took, one after
    another in one event loop (as a server's: its thread pool lives on between requests)."""
    import asyncio

    async def run() -> list[float]:
        times = []
        for path in paths:
            t = time.process_time()
            await _asgi_get(app, path)
            times.append(time.process_time() - t)
        return times

    return asyncio.run(run())


def _backend_cpu(store: Store) -> float:
    """Seconds of CPU the PostgreSQL server processes of this database have used (from /proc;
    0 on SQLite or where /proc cannot be read)."""
    if store.dialect != "postgresql":
        return 0.0
    with store.engine.connect() as con:
        pids = [r[0] for r in con.exec_driver_sql(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()")]
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def cost(url: str, repeat: int = 300, rounds: int = 3) -> dict[str, float]:
    """CPU per computed `/api/events` answer in this process (the app called as ASGI, no HTTP),
    over the table's requests of the page (`repeat` views) and the wrk request: the median of
    `rounds` passes' means (and, on PostgreSQL, the server's CPU per request besides). Every
    request is new (an unused parameter), after a first pass that reads the pages from disk."""
    from sitrep.web.app import create_app

    store = Store(url)
    app = create_app(store, anonymous_read=True)
    wrk_path = "/api/events?" + urlencode({"limit": 50, "bbox": "43.0,32.5,45.5,34.5", "since": "2024-01-01",
                                           "until": "2024-06-30"})
    paths = requests_of_the_page(repeat)["table"] + [wrk_path] * max(1, repeat // 3)
    fresh = iter(range(10**9))
    _cpu_of(app, [f"{path}&fresh=w{next(fresh)}" for path in paths])  # the pages from disk, the statements compiled
    means, server, per = [], [], []
    for _ in range(rounds):
        pg = _backend_cpu(store)
        times = _cpu_of(app, [f"{path}&fresh={next(fresh)}" for path in paths])
        server.append((_backend_cpu(store) - pg) / len(paths) * 1000)
        means.append(statistics.fmean(times) * 1000)
        per += times
    wrk_times = _cpu_of(app, [f"{wrk_path}&fresh={next(fresh)}" for _ in range(200)])
    out = {"mean": statistics.median(means), "median": statistics.median(per) * 1000,
           "wrk": statistics.median(wrk_times) * 1000, "server": statistics.median(server)}
    print(f"  CPU per computed /api/events answer ({len(paths)} requests x {rounds}, in process): "
          f"mean {out['mean']:.2f} ms, median {out['median']:.2f} ms; the wrk request: median {out['wrk']:.2f} ms"
          + (f"; PostgreSQL's server processes: {out['server']:.2f} ms a request" if store.dialect == "postgresql"
             else ""), flush=True)
    store.close()
    return out


def measure(url: str, args) -> None:
    if "cost" in args.measure:
        cost(url)
        if args.measure == "cost":
            return
    store = Store(url)
    have = store.counts()["events"]
    if have == 0:
        t = time.time()
        generate(store, args.events)
        print(f"generated {args.events:,} events in {time.time() - t:.0f} s", flush=True)
    print(f"{store.dialect}: {store.counts()['events']:,} events", flush=True)
    store.close()
    port = args.port
    env = {**os.environ, "SITREP_DB": url}
    server = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", url, "--port", str(port),
                               "--anonymous-read", "--workers", str(args.workers)],
                              stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(120):
            try:
                if httpx.get(base + "/api/config", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        for _ in range(2):  # the caches a running server has warm (the basemap, the provinces)
            httpx.get(base + "/api/countries.geojson", timeout=120)
        kinds = requests_of_the_page(args.repeat)
        wanted = args.kinds.split(",") if args.kinds else list(kinds)
        time_requests(base, {k: v for k, v in kinds.items() if k in wanted}, cached=args.cached)
        if "page" in args.measure:
            time_page(base, Path(args.screenshots) if args.screenshots else None, store.dialect)
        if "wrk" in args.measure:
            wrk(base, args.seconds, args.concurrency, args.workers)
            wrk(base, args.seconds, args.concurrency, args.workers, uncached=True)
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=2_500_000)
    ap.add_argument("--db", action="append", help="a store to build (if empty) and measure; more than once "
                    "for several (default /tmp/sitrep-scale.db)")
    ap.add_argument("--repeat", type=int, default=40, help="views asked of each kind of request")
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2, help="server processes")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--screenshots", help="a folder for the map, table and timeline screenshots")
    ap.add_argument("--only-generate", action="store_true")
    ap.add_argument("--kinds", help="only these kinds of request, comma-separated (map, table, timeline, "
                    "review queue; default all; none: '-')")
    ap.add_argument("--cached", action="store_true", help="let the server's answer cache answer repeated "
                    "requests (default: every request computed)")
    ap.add_argument("--measure", default="page,wrk", help="what else to measure: page, wrk, cost (CPU per "
                    "computed /api/events answer in this process; 'cost' alone: nothing else) (comma-separated; "
                    "default page,wrk; '-' neither)")
    args = ap.parse_args()
    for db in args.db or ["/tmp/sitrep-scale.db"]:
        url = normalise_url(db)
        print(f"== {url.split('@')[-1]}", flush=True)
        if args.only_generate:
            store = Store(url)
            if store.counts()["events"] == 0:
                t = time.time()
                generate(store, args.events)
                print(f"generated {args.events:,} events in {time.time() - t:.0f} s", flush=True)
            continue
        measure(url, args)


if __name__ == "__main__":
    main()
