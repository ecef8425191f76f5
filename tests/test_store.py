import datetime as dt

import pytest
import sqlalchemy as sa

from sitrep.model import Article, Event
from sitrep.store import EventFilter, Store


def _article(i="a1", text="Gunmen killed two shepherds near Hit in Anbar on Sunday."):
    return Article(id=i, text=text, title=f"Title {i}", published=dt.date(2019, 7, 9), source="Wire")


def _event(article_id="a1", **kw):
    base = dict(article_id=article_id, event_date=dt.date(2019, 7, 7), time_precision=1,
                event_type="Violence against civilians", sub_event_type="Attack",
                actor1="Islamic State (Iraq)", inter1=2, actor2="Civilians (Iraq)", inter2=7,
                country="Iraq", iso="IQ", admin1="Al Anbar", location="Hit", latitude=33.64,
                longitude=42.83, geo_precision=1, fatalities=2)
    base.update(kw)
    return Event(**base)


def test_article_and_events_are_stored_once(db_url):
    store = Store(db_url)
    assert store.add(_article(), [_event()]) is True
    assert store.add(_article(), [_event()]) is False
    assert store.counts() == {"articles": 1, "events": 1}
    [row] = store.events()
    assert row["sub_event_type"] == "Attack" and row["interaction"] == 27
    assert row["sources"][0]["article_id"] == "a1"
    assert row["event_date"] == "2019-07-07"


def test_failure_mid_article_leaves_nothing_half_written(db_url, monkeypatch):
    store = Store(db_url)
    store.add(_article("keep"), [_event("keep")])
    bad = _event("a2")
    bad.event_type = None  # NOT NULL column: the insert fails inside the transaction
    with pytest.raises(sa.exc.IntegrityError):
        store.add(_article("a2", "Another text about Ramadi."), [_event("a2"), bad])
    assert store.counts() == {"articles": 1, "events": 1}
    assert not store.has_article("a2")
    assert store.has_article("keep")


def test_event_filters(db_url):
    store = Store(db_url)
    store.add(_article("a1"), [_event("a1")])
    store.add(_article("a2", "Protesters marched in Basra on Friday."),
              [_event("a2", event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Iraq)",
                      inter1=6, actor2="", inter2=None, admin1="Basra", location="Basra",
                      event_date=dt.date(2019, 7, 5), fatalities=0)])
    assert len(store.events(EventFilter(country="IQ"))) == 2
    assert [r["article_id"] for r in store.events(EventFilter(admin1="anbar"))] == ["a1"]
    assert [r["article_id"] for r in store.events(EventFilter(event_type="Protests"))] == ["a2"]
    assert [r["article_id"] for r in store.events(EventFilter(event_type="attack"))] == ["a1"]
    assert [r["article_id"] for r in store.events(EventFilter(since=dt.date(2019, 7, 6)))] == ["a1"]
    assert [r["article_id"] for r in store.events(EventFilter(until=dt.date(2019, 7, 6)))] == ["a2"]
    assert [r["article_id"] for r in store.events(EventFilter(actor="islamic state"))] == ["a1"]
    assert [r["article_id"] for r in store.events(EventFilter(text="shepherds"))] == ["a1"]


def test_full_text_search_ranks_and_resists_query_syntax(db_url):
    store = Store(db_url)
    store.add(_article("a1"), [])
    store.add(_article("a2", "Truffle hunters from Najaf were killed in the Nukhayb desert."), [])
    assert [r["id"] for r in store.search_articles("truffle hunters")] == ["a2"]
    assert store.search_articles('NEAR("x" AND') == []


def test_reopening_runs_migrations_once(db_url):
    Store(db_url).add(_article(), [])
    store = Store(db_url)
    assert store.counts()["articles"] == 1


def test_the_timeline_is_read_from_an_index(db_url):
    import sqlalchemy as sa

    store = Store(db_url)
    names = {ix["name"] for ix in sa.inspect(store.engine).get_indexes("events")}
    assert "events_date_status_fat" in names
    if store.dialect == "sqlite":
        with store.engine.connect() as con:
            plan = " ".join(str(r) for r in con.execute(sa.text(
                "EXPLAIN QUERY PLAN SELECT event_date, count(*), sum(fatalities) FROM events "
                "WHERE review_status NOT IN ('rejected', 'merged') AND event_date IS NOT NULL GROUP BY event_date")))
        assert "COVERING INDEX events_date_status_fat" in plan


def test_the_migrations_build_the_schema_the_tables_module_describes(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from sitrep.store.tables import metadata

    store = Store(db_url)
    with store.engine.connect() as con:
        diff = compare_metadata(MigrationContext.configure(con), metadata)

    def full_text(d):  # the search index is made by hand in SQL on each backend
        obj = d[1] if isinstance(d, tuple) else None
        return "articles_fts" in str(getattr(obj, "name", ""))

    assert [d for d in diff if not full_text(d)] == []
