"""A computed page of events runs its statements on the DB-API connection (`Store._shaped`,
issue 12): SQLAlchemy compiles each statement once per shape, and the values are listed by
`_page_shape` and `_bound_shape` in the order of its placeholders. The pages, bounds and data
version are the same as SQLAlchemy's own (`RAW_READS` off), on SQLite and PostgreSQL; a shape
whose values would differ from SQLAlchemy's is run through SQLAlchemy instead."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from sitrep.model import Article, Event, Evidence
from sitrep.store import EventFilter, Store, next_cursor

KINDS = [("Battles", "Armed clash"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence"),
         ("Explosions/Remote violence", "Air/drone strike")]


def _store(url: str, n: int = 90) -> Store:
    """Events around an invented town (Velmora, at 12.5 N 30.5 E) and scattered elsewhere, some
    undated, with evidence, several sources, reviews and rejections."""
    store = Store(url)
    rng = random.Random(4)
    for i in range(n):
        etype, sub = KINDS[i % len(KINDS)]
        near = i % 4 != 0
        lat, lon = (12.5 + rng.uniform(-0.6, 0.6), 30.5 + rng.uniform(-0.6, 0.6)) if near else \
            (rng.uniform(-40, 50), rng.uniform(-100, 120))
        store.add(Article(id=f"v{i}", text="Velmora report.", title=f"Velmora {i}", url=f"https://example.org/v/{i}",
                          published=None if i % 5 == 0 else dt.date(2023, 1, 1) + dt.timedelta(days=i)), [Event(
            article_id=f"v{i}", event_date=None if i % 23 == 0 else dt.date(2022, 6, 1) + dt.timedelta(days=(i * 11) % 800),
            event_type=etype, sub_event_type=sub, actor1=f"Velmora Militia {i % 3}", country="Velmoria" if near else "Farland",
            iso="VM" if near else "FL", location=f"Place {i}", latitude=round(lat, 4), longitude=round(lon, 4),
            fatalities=(i * 7) % 5, confidence=[0.2, 0.5, 1 / 3, 0.9, 1.0][i % 5],
            evidence=[Evidence("actor1", "Velmora", 0, 7)] * (i % 2))])
    for i in range(1, n, 7):
        store.review_event(i, "accept", "ana", note="checked")
    for i in range(3, n, 11):
        store.review_event(i, "reject", "ana")
    return store


BOXES = [(29.8, 11.8, 31.2, 13.2), (30.3, 12.3, 30.7, 12.7), (-180.0, -85.0, 180.0, 85.0)]


def _filters() -> list[EventFilter]:
    out = []
    for box in BOXES:
        for sort in ("-event_date", "event_date", "-fatalities", "confidence", "-confidence", "id", "-created_at", ""):
            out.append(EventFilter(bbox=box, limit=9, sort=sort))
            out.append(EventFilter(bbox=box, limit=5, sort=sort, since=dt.date(2022, 9, 1), until=dt.date(2023, 9, 30)))
        out += [EventFilter(bbox=box, limit=10, since=dt.date(2023, 1, 1), until=dt.date(2023, 2, 15)),
                EventFilter(bbox=box, limit=10, since=dt.date(2023, 1, 1)),
                EventFilter(bbox=box, limit=10, until=dt.date(2023, 1, 1), sort="-fatalities"),
                EventFilter(bbox=box, limit=8, event_type="Battles,riots", sort="-event_date"),
                EventFilter(bbox=box, limit=8, event_type="Armed clash,Protests", since=dt.date(2022, 8, 1),
                            until=dt.date(2023, 8, 1)),
                EventFilter(bbox=box, limit=8, country="vm", min_fatalities=2, sort="confidence"),
                EventFilter(bbox=box, limit=8, country="Velmoria", since=dt.date(2022, 8, 1), until=dt.date(2024, 8, 1)),
                EventFilter(bbox=box, limit=8, review_status="accepted,rejected", sort="-event_date"),
                EventFilter(bbox=box, limit=8, review_status="unreviewed", sort="confidence"),
                EventFilter(bbox=box, limit=8, include_hidden=True, sort="-id"),
                EventFilter(bbox=box, limit=8, actor="militia 1", sort="-event_date")]  # (through SQLAlchemy)
    return out


def _pages(store: Store, f: EventFilter) -> list[list[dict]]:
    """`f`'s pages one after another (by next_cursor) while they are full, at most four."""
    pages = [store.events(f)]
    while f.sort and len(pages[-1]) == f.limit and len(pages) < 4:
        f = EventFilter(**{**f.__dict__, "cursor": next_cursor(pages[-1][-1], f.sort)})
        pages.append(store.events(f))
    return pages


def _typed(pages):
    return [[[(k, type(v)) for k, v in r.items()] for r in p] for p in pages]


@pytest.mark.parametrize("walk", [False, True])
def test_pages_on_the_dbapi_cursor_are_sqlalchemys(db_url, monkeypatch, walk):
    store = _store(db_url)
    if walk:  # every view counts as crowded: its page walks the sort's index
        monkeypatch.setattr(Store, "WALK_AT", dict.fromkeys(("confidence", "fatalities", "event_date"), 3))
    checked = 0
    for f in _filters():
        monkeypatch.setattr(Store, "RAW_READS", False)
        want = _pages(store, f)
        with store.reading():
            want_version = store.data_version()
        monkeypatch.setattr(Store, "RAW_READS", True)
        with store.reading():  # as the API asks: the version, then the page, on one connection
            assert store.data_version() == want_version
            got = _pages(store, f)
        assert got == want, f
        assert _typed(got) == _typed(want), f
        checked += sum(len(p) for p in got)
    assert checked > 500
    shapes = store.__dict__["_shapes"]
    # the shapes were all written by SQLAlchemy and run on the DB-API cursor (none fell back)
    assert not [k for k, v in shapes.items() if v is False]
    kinds = {k[0] for k in shapes}
    assert {"version", "sources", "page rows"} <= kinds  # (a page's ids and rows: one statement)
    if walk or store.dialect == "sqlite":
        assert "bound" in kinds


def test_the_bound_on_the_dbapi_cursor_is_sqlalchemys(db_url, monkeypatch):
    store = _store(db_url)
    fs = [f for f in _filters() if store._bound_shape(f) is not None]
    assert len(fs) > 20
    for f in fs:
        monkeypatch.setattr(Store, "RAW_READS", False)
        want = store._view_bound(f)
        monkeypatch.setattr(Store, "RAW_READS", True)
        assert store._view_bound(f) == want, f
    assert not [k for k, v in store.__dict__["_shapes"].items() if v is False]


def test_a_shape_whose_values_differ_from_sqlalchemys_runs_through_sqlalchemy(db_url, monkeypatch):
    store = _store(db_url)
    f = EventFilter(bbox=BOXES[0], limit=6, sort="-fatalities", since=dt.date(2022, 9, 1), until=dt.date(2023, 9, 30))
    want = store.events(f)
    store.__dict__.pop("_shapes", None)
    page_shape = Store._page_shape

    def swapped(self, g, spatial):  # the dates' values the wrong way round
        shape = page_shape(self, g, spatial)
        key, values = shape
        values = list(values)
        values[0], values[1] = values[1], values[0]
        return key, values

    monkeypatch.setattr(Store, "_page_shape", swapped)
    assert store.events(f) == want
    assert store.events(f) == want  # (again: the shape is known as one to run through SQLAlchemy)
    assert [v for k, v in store.__dict__["_shapes"].items() if k[0] == "page rows"] == [False]


def test_the_data_version_on_the_dbapi_cursor_follows_writes(db_url):
    store = _store(db_url, n=5)
    with store.reading():
        before = store.data_version()
    store.review_event(2, "accept", "ana")
    with store.reading():
        after = store.data_version()
    assert after != before
    assert store.__dict__["_shapes"][("version",)] is not False


def test_the_compiled_shapes_a_store_keeps_are_bounded(db_url, monkeypatch):
    store = _store(db_url, n=20)
    monkeypatch.setattr(Store, "SHAPES_MAX", 3)
    for f in _filters()[:12]:
        monkeypatch.setattr(Store, "RAW_READS", False)
        want = store.events(f)
        monkeypatch.setattr(Store, "RAW_READS", True)
        assert store.events(f) == want, f
        assert len(store.__dict__["_shapes"]) <= 3
