"""A view with dates read by the map's zoom-7 grid and then the dates (index events_cell_date,
migration 0021): each cell's entries of those dates only, where events_tile reads all the dates
of the box. What it answers is what the events give, on SQLite and PostgreSQL."""

import datetime as dt
import random

import sqlalchemy as sa

from sitrep.model import Article, Event
from sitrep.store import EventFilter, Store
from sitrep.store.tables import CELL_DATE, events

TYPES = [("Battles", "Armed clash"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence")]
START = dt.date(2016, 1, 1)


def _store(db_url, n=400):
    """Events over eight years, around the world and crowded near an invented city, some exactly
    on the zoom-7 grid's lines, a few undated or unplaced."""
    store = Store(db_url)
    rng = random.Random(21)
    for i in range(n):
        etype, sub = TYPES[i % 3]
        lat, lon = rng.uniform(-60, 70), rng.uniform(-170, 175)
        if i % 3 == 0:  # a crowd near the city
            lat, lon = 12.4 + rng.uniform(-0.9, 0.9), 30.2 + rng.uniform(-0.9, 0.9)
        if i % 5 == 0:  # exactly on a line of the zoom-7 grid (near the city, or elsewhere)
            lat = -90 + CELL_DATE * round((lat + 90) / CELL_DATE)
            lon = -180 + CELL_DATE * round((lon + 180) / CELL_DATE)
        store.add(Article(id=f"a{i}", text=f"Report {i}."), [Event(
            article_id=f"a{i}", event_date=None if i % 41 == 0 else START + dt.timedelta(days=(i * 7) % 2900),
            event_type=etype, sub_event_type=sub, country="Inventia", iso="XI", location=f"Town {i}",
            latitude=None if i % 43 == 0 else lat, longitude=None if i % 43 == 0 else lon,
            fatalities=i % 6, confidence=rng.random())])
    return store


def _grid_box(row0, col0, rows, cols):
    """A box whose edges are lines of the zoom-7 grid."""
    return (-180 + CELL_DATE * col0, -90 + CELL_DATE * row0, -180 + CELL_DATE * (col0 + cols),
            -90 + CELL_DATE * (row0 + rows))


CITY = (29.5, 11.8, 31.0, 13.1)
RANGES = [(dt.date(2019, 1, 1), dt.date(2019, 6, 30)), (dt.date(2017, 3, 5), dt.date(2017, 3, 30)),
          (dt.date(2020, 1, 1), None), (None, dt.date(2016, 8, 31))]


def test_a_view_with_dates_read_by_its_cells_finds_every_event_of_the_box(db_url):
    store = _store(db_url)
    every = store.events(EventFilter(sort="id"))
    row, col = int((12.4 + 90) / CELL_DATE), int((30.2 + 180) / CELL_DATE)
    boxes = [CITY, _grid_box(row - 2, col - 3, 4, 5), _grid_box(row, col, 1, 1), (30.2, 12.4, 30.2, 12.4)]
    read_by_cells = 0
    for box in boxes:
        for since, until in RANGES:
            f = EventFilter(bbox=box, since=since, until=until)
            inside = [r["id"] for r in every if r["longitude"] is not None and r["event_date"]
                      and box[0] <= r["longitude"] <= box[2] and box[1] <= r["latitude"] <= box[3]
                      and (since is None or r["event_date"] >= since.isoformat())
                      and (until is None or r["event_date"] <= until.isoformat())]
            read_by_cells += store._date_cells(f) is not None
            assert sorted(r["id"] for r in store.events(EventFilter(**{**f.__dict__, "sort": "id"}))) == inside, f
            assert store.count_upto(f, 10**6) == len(inside), f
            assert sorted(p["id"] for p in store.points(f, 10**6)) == inside, f
            assert sum(c["count"] for c in store.clusters(f, 0.5, summaries=False)) == len(inside), f
            for sort in ("-event_date", "confidence", "-fatalities"):  # a page, as sorting all of them gives
                name = sort.lstrip("-")
                rows = sorted((r for r in every if r["id"] in set(inside)), key=lambda r: (r[name], r["id"]),
                              reverse=sort.startswith("-"))
                got = store.events(EventFilter(**{**f.__dict__, "sort": sort, "limit": 7}))
                assert [r["id"] for r in got] == [r["id"] for r in rows][:7], (f, sort)
    assert read_by_cells >= 12  # (the path is taken: it is what is tested)
    assert sum(len(store.events(EventFilter(bbox=b, since=dt.date(2019, 1, 1), until=dt.date(2019, 6, 30))))
               for b in boxes) > 0


def _plan(store, q) -> str:
    sql = str(q.compile(store.engine, compile_kwargs={"literal_binds": True}))
    with store.engine.connect() as con:
        if store.dialect == "postgresql":  # a few rows: PostgreSQL would read them all by date; the
            # other indexes out of the way (rolled back), its plan shows what the grid's index holds
            for name in con.exec_driver_sql("SELECT indexname FROM pg_indexes WHERE tablename = 'events' AND "
                                            "schemaname = current_schema() AND indexname NOT IN "
                                            "('events_cell_date', 'events_pkey')").scalars():
                con.exec_driver_sql(f"DROP INDEX {name}")
            con.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plan = " ".join(str(r[-1]) for r in con.exec_driver_sql(
            ("EXPLAIN QUERY PLAN " if store.dialect == "sqlite" else "EXPLAIN ") + sql))
        con.rollback()
    return plan


def test_a_view_of_months_is_read_from_its_cells_and_the_dates_and_a_view_of_all_dates_from_the_tiles(db_url):
    store = _store(db_url, 80)
    half_year = EventFilter(bbox=CITY, since=dt.date(2019, 1, 1), until=dt.date(2019, 6, 30))
    assert store._date_cells(half_year) is not None
    plan = _plan(store, store._where(sa.select(sa.func.count()).select_from(events), half_year))
    # the cells and the dates are the index's condition (not a filter of entries read)
    if store.dialect == "postgresql":
        assert "Index Only Scan using events_cell_date" in plan, plan
        cond = plan.split("Index Cond:", 1)[1].split("Filter:", 1)[0]
        assert "event_date >= '2019-01-01'" in cond and "0.3515625" in cond, plan
    else:
        assert "events_cell_date (<expr>=? AND <expr>=? AND event_date>? AND event_date<?)" in plan, plan
    # all the dates, a box of a few tiles over years, or a continent: not by the cells
    for f in (EventFilter(bbox=CITY), EventFilter(bbox=(30.2, 12.4, 30.25, 12.45), since=dt.date(2016, 1, 1)),
              EventFilter(bbox=(-20.0, -35.0, 50.0, 35.0), since=dt.date(2019, 1, 1), until=dt.date(2019, 6, 30))):
        assert store._date_cells(f) is None, f
        sql = str(store._where(sa.select(events.c.id), f).compile(store.engine, compile_kwargs={"literal_binds": True}))
        assert str(CELL_DATE) not in sql, f


def test_the_cells_are_chosen_by_the_share_of_the_stores_dates(db_url):
    store = _store(db_url)  # dated over eight years
    box = (30.0, 12.0, 30.5, 12.5)
    assert store._date_cells(EventFilter(bbox=box, since=dt.date(2019, 1, 1), until=dt.date(2019, 3, 31))) is not None
    # most of the store's dates: the box's tiles of all dates are fewer entries than its cells'
    assert store._date_cells(EventFilter(bbox=box, since=dt.date(2016, 6, 1))) is None


def test_the_summaries_bound_of_a_view_with_dates_seeks_its_cells_in_each_year(db_url):
    """The bound that tells a crowded view (event_cells_year) asks its years as equalities, so
    the cells after them in the key are sought too: a range of years read the whole world's
    cells of those years."""
    store = _store(db_url, 60)
    f = EventFilter(bbox=CITY, since=dt.date(2016, 3, 1), until=dt.date(2017, 6, 30), limit=10, sort="-event_date")
    bound = store._view_bound(f)
    assert bound >= store.count_upto(f, 10**6) > 0
    # the statement as it ran: on the DB-API connection, as SQLAlchemy compiled it for its shape
    key, values = store._bound_shape(f)
    statement, processors = store._shapes[key]
    params = tuple(v if p is None else p(v) for p, v in zip(processors, values))
    assert "event_cells_year" in statement
    assert "year IN" in statement and "year >=" not in statement, statement
    if store.dialect == "sqlite":
        with store.engine.connect() as con:
            plan = " ".join(str(r[-1]) for r in con.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params))
        assert "(year=? AND gy=? AND gx>? AND gx<?)" in plan, plan
