"""The reads of a computed answer (`Store.reading`) on PostgreSQL run without a transaction block
around them (no BEGIN and ROLLBACK round trips: each statement its own snapshot, as in READ
COMMITTED anyway), and a crowded view's walk, which needs one for SET LOCAL, still has it."""

import datetime as dt

import sqlalchemy as sa

from sitrep.model import Article, Event
from sitrep.store import EventFilter, Store


def _store(url: str) -> Store:
    store = Store(url)
    for i in range(40):
        store.add(Article(id=f"r{i}", text=f"Report {i}."), [Event(
            article_id=f"r{i}", event_date=dt.date(2022, 1, 1) + dt.timedelta(days=i * 3), event_type="Battles",
            sub_event_type="Armed clash", country="Inventia", iso="XI", location=f"Town {i}",
            latitude=10.0 + i / 100, longitude=20.0 + i / 100, fatalities=i % 4, confidence=(i % 9) / 10)])
    return store


IN_A_BLOCK = "SELECT xact_start < statement_timestamp() FROM pg_stat_activity WHERE pid = pg_backend_pid()"


def test_a_computed_answers_reads_on_postgresql_are_not_in_a_transaction_block(pg_url):
    store = _store(pg_url)
    with store.reading():
        store.data_version()
        con = store._local.con
        assert con.exec_driver_sql(IN_A_BLOCK).scalar() is False  # each statement its own transaction
    # elsewhere, as before: one transaction from the first statement on
    with store.engine.connect() as con:
        con.exec_driver_sql("SELECT 1")
        con.exec_driver_sql("SELECT pg_sleep(0.01)")
        assert con.exec_driver_sql(IN_A_BLOCK).scalar() is True


def test_a_crowded_views_walk_within_reading_is_the_same_page(pg_url, monkeypatch):
    store = _store(pg_url)
    f = EventFilter(bbox=(19.0, 9.0, 21.0, 11.0), limit=7, sort="-confidence")
    want = [r["id"] for r in store.events(f)]
    monkeypatch.setattr(Store, "WALK_AT", dict.fromkeys(("confidence", "fatalities", "event_date"), 5))
    assert store._walk_sort_index(f)
    settings = []
    sa.event.listen(store.engine, "before_cursor_execute",
                    lambda con, cur, statement, *a: statement.startswith("SET LOCAL") and settings.append(statement))
    with store.reading():
        got = [r["id"] for r in store.events(f)]
        # the block is over: the next reads are again without one, and sorting is on again
        assert store._local.con.exec_driver_sql("SHOW enable_sort").scalar() == "on"
        assert store._local.con.exec_driver_sql(IN_A_BLOCK).scalar() is False
    assert got == want and len(got) == 7
    assert len(settings) == 3
