"""A computed `/api/events` answer made cheaper (issue 12): the store's rows and the API's JSON
are the same, value for value and key for key, as the definitions they replaced, which are
kept here as they were (`_old_events`, `_old_json_bytes`), on SQLite and PostgreSQL. Since the
answer is written by orjson, its bytes are the old answer's values written by orjson (the two
writers differ only in how they spell some floats: 1e-05 and 0.00001)."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import random
from typing import Any
from urllib.parse import urlencode

import orjson
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from sitrep.model import Article, Event, Evidence
from sitrep.store import EventFilter, Store, next_cursor
from sitrep.store.tables import articles, event_sources, events
from sitrep.web.app import create_app


# -- the definitions replaced, as they were ------------------------------------------------------
def _old_events(store: Store, f: EventFilter | None = None) -> list[dict[str, Any]]:
    f = f or EventFilter()

    def ordered(q):
        if f.sort:
            q = store._ordered(q, f, f.sort)
        elif f.after_id is not None or f.limit:
            q = q.order_by(events.c.id.desc())
        else:
            q = q.order_by(events.c.event_date.desc(), events.c.id.desc())
        return q.limit(f.limit) if f.limit else q

    spatial = not store._walk_sort_index(f)
    with store.engine.connect() as con:
        if f.limit and f.bbox:
            q = ordered(store._where(sa.select(events.c.id), f, spatial))
            if spatial or store.dialect != "postgresql":
                ids = [r[0] for r in con.execute(q)]
            else:
                with con.begin():
                    for setting in ("enable_sort", "enable_bitmapscan", "enable_seqscan"):
                        con.exec_driver_sql(f"SET LOCAL {setting} = off")
                    ids = [r[0] for r in con.execute(q)]
            found = {r["id"]: dict(r) for r in con.execute(sa.select(events).where(events.c.id.in_(ids))).mappings()}
            rows = [found[i] for i in ids if i in found]
        else:
            rows = [dict(r) for r in con.execute(ordered(store._where(sa.select(events), f, spatial))).mappings()]
        ids = [r["id"] for r in rows]
        sources: dict[int, list[dict[str, Any]]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            sq = (sa.select(event_sources.c.event_id, articles.c.id, articles.c.url, articles.c.title,
                            articles.c.source, articles.c.published)
                  .join(articles, articles.c.id == event_sources.c.article_id)
                  .where(event_sources.c.event_id.in_(chunk)))
            for r in con.execute(sq).mappings():
                sources.setdefault(r["event_id"], []).append({
                    "article_id": r["id"], "url": r["url"], "title": r["title"],
                    "source": r["source"],
                    "published": r["published"].isoformat() if r["published"] else None,
                })
    for r in rows:
        r["sources"] = sources.get(r["id"], [])
        if r.get("event_date"):
            r["event_date"] = r["event_date"].isoformat()
        for k in ("created_at",):
            if r.get(k):
                r[k] = r[k].isoformat()
        r["reviewed_fields"] = r.get("reviewed_fields") or []
    return rows


def _old_json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def _old_json_bytes(content: Any) -> bytes:
    return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                      default=_old_json_default).encode()


# -- a store with what rows can hold -------------------------------------------------------------
TYPES = [("Battles", "Armed clash"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence"),
         ("Violence against civilians", "Abduction/forced disappearance"),
         ("Explosions/Remote violence", "Air/drone strike")]
TEXTS = ["Gunmen killed two shepherds near Hīt — “witnesses” said.", "Tab\there, a new\nline, a \\ and a \"quote\"",
         "Ḥamāh 🙂 \u2028 \u00e9\u0301", "", "plain"]


def _store(db_url: str, n: int = 240) -> Store:
    """Events in and around Baghdad and elsewhere, with evidence in many scripts, several sources,
    no date, no place, reviews, edits, merges, floats of every kind and articles without a date."""
    store = Store(db_url)
    rng = random.Random(12)
    for i in range(n):
        etype, sub = TYPES[i % len(TYPES)]
        near = i % 3 != 0
        lat, lon = (33.3 + rng.uniform(-0.4, 0.4), 44.4 + rng.uniform(-0.4, 0.4)) if near else \
            (rng.uniform(-50, 60), rng.uniform(-120, 150))
        text = TEXTS[i % len(TEXTS)]
        ev = Event(
            article_id=f"a{i}", event_date=None if i % 29 == 0 else dt.date(2023, 1, 1) + dt.timedelta(days=(i * 7) % 700),
            time_precision=1 + i % 3, event_type=etype, sub_event_type=sub, actor1=f"Actor “{i % 5}”",
            inter1=1 + i % 8, actor2="" if i % 4 == 0 else "Civilians (Iraq)", inter2=None if i % 4 == 0 else 7,
            country="Iraq" if near else "Elsewhere", iso="IQ" if near else "EL", admin1="Baghdad" if near else "",
            location=f"Place {i} ā", latitude=None if i % 31 == 0 else round(lat, 4 + i % 3),
            longitude=None if i % 31 == 0 else round(lon, 4 + i % 3), geo_precision=1 + i % 3,
            fatalities=(i * 13) % 11 if i % 2 else 0, injured=i % 4, abducted=int(i % 5 == 0),
            notes=text * (1 + i % 3), source="Wire ✓", confidence=[0.1, 1 / 3, 1e-05, 0.99, 1.0, 0.0, 123456.789][i % 7],
            evidence=[Evidence("actor1", text or "x", 0, len(text or "x"))] * (i % 3))
        title = None if i % 11 == 0 else f"Report {i}: {text[:20]}"
        store.add(Article(id=f"a{i}", text=text or "x", title=title or "", url=f"https://example.org/{i}?q=ā&b=1",
                          published=None if i % 6 == 0 else dt.date(2023, 2, 1) + dt.timedelta(days=i),
                          source="Example ‘News’"), [ev])
    with store.engine.connect() as con:
        ids = [r[0] for r in con.execute(sa.select(events.c.id).order_by(events.c.id))]
    # more sources of some events (as fusion adds them), reviews, edits, merges
    with store.engine.begin() as con:
        for k, eid in enumerate(ids[::7]):
            for j in range(1 + k % 3):
                other = f"a{(eid * 5 + j * 17) % n}"
                if con.execute(sa.select(event_sources.c.event_id).where(
                        event_sources.c.event_id == eid, event_sources.c.article_id == other)).first() is None:
                    con.execute(event_sources.insert().values(event_id=eid, article_id=other,
                                                              report={"fatalities": j, "name": "ā"}))
        # created_at with and without microseconds, and on other days
        for k, eid in enumerate(ids[::5]):
            con.execute(events.update().where(events.c.id == eid).values(
                created_at=dt.datetime(2024, 3, 1 + k % 20, k % 24, 0, 0, 0 if k % 2 else 123456, tzinfo=dt.timezone.utc)))
    for eid in ids[1::9]:
        store.review_event(eid, "accept", "ana", note="ok ✓")
    for eid in ids[2::13]:
        store.review_event(eid, "reject", "ana")
    for eid in ids[4::17]:
        store.edit_event(eid, {"fatalities": 9, "notes": "Edited — “new” note"}, "ana", note="fixed")
    for keep, other in zip(ids[5::41], ids[6::41]):
        store.merge_events(keep, other, "ana")
    return store


BOXES = [(44.0, 32.9, 44.8, 33.7), (44.3, 33.2, 44.5, 33.4), (-180.0, -85.0, 180.0, 85.0), (0.0, 0.0, 10.0, 10.0)]
SORTS = ["-event_date", "event_date", "-fatalities", "fatalities", "confidence", "-confidence", "id", "-id",
         "created_at", "-created_at"]


def _filters() -> list[EventFilter]:
    out = [EventFilter(), EventFilter(limit=50), EventFilter(include_hidden=True), EventFilter(event_id=1),
           EventFilter(event_id=7, include_hidden=True), EventFilter(article_id="a3", include_hidden=True),
           EventFilter(review_status="accepted,edited"), EventFilter(review_status="rejected", limit=10),
           EventFilter(country="iq", event_type="Battles,Riots", limit=20, sort="-fatalities"),
           EventFilter(min_fatalities=3, sort="confidence", limit=30), EventFilter(actor="actor “1", limit=25),
           EventFilter(text="shepherds", limit=40), EventFilter(admin1="bagh", sort="-id", limit=15),
           EventFilter(after_id=100, limit=20), EventFilter(limit=1000, sort="-event_date")]
    for box in BOXES:
        for sort in SORTS:
            out.append(EventFilter(bbox=box, limit=50, sort=sort))
            out.append(EventFilter(bbox=box, limit=7, sort=sort, since=dt.date(2023, 3, 1), until=dt.date(2024, 6, 30)))
        out.append(EventFilter(bbox=box, limit=50, sort="confidence", review_status="unreviewed"))
        out.append(EventFilter(bbox=box, limit=20, since=dt.date(2023, 5, 1), until=dt.date(2023, 5, 30)))
        out.append(EventFilter(bbox=box))
    return out


def _pages(store: Store, f: EventFilter, events_of) -> list[list[dict[str, Any]]]:
    """The pages of `f` one after another (by next_cursor) while they are full, at most four."""
    pages = [events_of(store, f)]
    while f.limit and len(pages[-1]) == f.limit and len(pages) < 4:
        f = EventFilter(**{**f.__dict__, "cursor": next_cursor(pages[-1][-1], f.sort or "-event_date")})
        if not f.sort:
            break
        pages.append(events_of(store, f))
    return pages


@pytest.mark.parametrize("walk", [False, True])
def test_the_store_gives_the_rows_it_gave(db_url, monkeypatch, walk):
    store = _store(db_url)
    if walk:  # every view counts as crowded: its page walks the sort's index
        monkeypatch.setattr(Store, "WALK_AT", dict.fromkeys(("confidence", "fatalities", "event_date"), 5))
    checked = 0
    for f in _filters():
        old = _pages(store, f, _old_events)
        new = _pages(store, f, Store.events)
        assert new == old, f
        # the same types too (a date is not its string, 1.0 is not 1)
        assert [[[(k, type(v)) for k, v in r.items()] for r in p] for p in new] == \
            [[[(k, type(v)) for k, v in r.items()] for r in p] for p in old], f
        checked += sum(len(p) for p in old)
    assert checked > 1000
    one = store.event(8)
    assert one == _old_events(store, EventFilter(event_id=8, include_hidden=True))[0]


def _paths() -> list[tuple[str, dict[str, str]]]:
    out = [("", {}), ("", {"limit": "5"}), ("", {"limit": "50", "sort": "confidence", "review_status": "unreviewed"}),
           ("", {"include_rejected": "true", "limit": "1000", "sort": "id"})]
    for box in BOXES:
        bbox = ",".join(str(v) for v in box)
        for sort in SORTS[:5]:
            out.append(("", {"bbox": bbox, "limit": "50", "sort": sort}))
        out.append(("", {"bbox": bbox, "limit": "50", "since": "2023-03-01", "until": "2024-06-30"}))
        out.append(("", {"bbox": bbox, "limit": "10", "type": "Battles", "min_fatalities": "1"}))
        out.append(("", {"bbox": bbox, "limit": "10", "country": "IQ", "sort": "-fatalities"}))
    return out


def _filter_of(params: dict[str, str]) -> tuple[EventFilter, int, str]:
    limit, sort = int(params.get("limit", 100)), params.get("sort", "-event_date")
    box = tuple(float(v) for v in params["bbox"].split(",")) if "bbox" in params else None
    day = lambda k: dt.date.fromisoformat(params[k]) if k in params else None  # noqa: E731
    f = EventFilter(bbox=box, limit=limit, sort=sort, since=day("since"), until=day("until"),
                    event_type=params.get("type"), country=params.get("country"),
                    review_status=params.get("review_status"),
                    min_fatalities=int(params["min_fatalities"]) if "min_fatalities" in params else None,
                    include_hidden=params.get("include_rejected") == "true")
    return f, limit, sort


@pytest.mark.parametrize("walk", [False, True])
def test_the_api_gives_the_bytes_it_gave(db_url, monkeypatch, walk):
    store = _store(db_url)
    if walk:
        monkeypatch.setattr(Store, "WALK_AT", dict.fromkeys(("confidence", "fatalities", "event_date"), 5))
    client = TestClient(create_app(store))
    for _, params in _paths():
        f, limit, sort = _filter_of(params)
        for _page in range(3):
            rows = _old_events(store, f)
            want = _old_json_bytes({"events": rows, "next_cursor": next_cursor(rows[-1], sort)
                                    if len(rows) == limit else None})
            got = client.get("/api/events?" + urlencode({**params, **({"cursor": f.cursor} if f.cursor else {})}))
            assert got.status_code == 200, got.text
            assert got.headers["content-type"] == "application/json"
            assert got.content == orjson.dumps(json.loads(want), option=orjson.OPT_NON_STR_KEYS), params
            if len(rows) < limit:
                break
            f = EventFilter(**{**f.__dict__, "cursor": next_cursor(rows[-1], sort)})
