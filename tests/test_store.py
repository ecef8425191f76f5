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
    assert "events_date_status_type_fat" in names and "events_date_status_fat" not in names
    if store.dialect == "sqlite":
        with store.engine.connect() as con:
            for select in ("event_date, count(*), sum(fatalities)", "event_date, event_type, count(*), sum(fatalities)"):
                group = select.rsplit(", count", 1)[0]
                plan = " ".join(str(r) for r in con.execute(sa.text(
                    f"EXPLAIN QUERY PLAN SELECT {select} FROM events WHERE review_status NOT IN "
                    f"('rejected', 'merged') AND event_date IS NOT NULL GROUP BY {group}")))
                assert "COVERING INDEX events_date_status_type_fat" in plan, select


def test_day_type_counts_group_the_filtered_events_by_day_and_type(db_url):
    from sitrep.store import EventFilter

    store = Store(db_url)
    a = _article()
    evs = []
    for day, etype, fat in ((1, "Battles", 2), (1, "Battles", 3), (1, "Riots", 0), (2, "Battles", 1)):
        e = Event(article_id=a.id, event_date=dt.date(2024, 3, day), event_type=etype,
                  sub_event_type={"Battles": "Armed clash", "Riots": "Mob violence"}[etype],
                  country="Iraq", location=f"Town {day}{etype}", fatalities=fat)
        evs.append(e)
    store.add(a, evs)
    got = sorted(store.day_type_counts(EventFilter()))
    assert got == [(dt.date(2024, 3, 1), "Battles", 2, 5), (dt.date(2024, 3, 1), "Riots", 1, 0),
                   (dt.date(2024, 3, 2), "Battles", 1, 1)]
    assert sorted(store.day_type_counts(EventFilter(event_type="Riots"))) == [(dt.date(2024, 3, 1), "Riots", 1, 0)]


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


def test_clusters_carry_their_type_mix_and_most_common_country(db_url):
    store = Store(db_url)
    near_border = []  # one grid cell of 1 degree (33-34 N, 42-43 E) with Iraq and Syria in it
    for i, (etype, sub, country, iso) in enumerate(
            [("Battles", "Armed clash", "Iraq", "IQ")] * 3 + [("Protests", "Peaceful protest", "Iraq", "IQ")] * 2
            + [("Battles", "Armed clash", "Syria", "SY")] * 2 + [("Riots", "Mob violence", "Syria", "SY")]):
        near_border.append(_event("a1", event_type=etype, sub_event_type=sub, country=country, iso=iso,
                                  location=f"Place {i}", latitude=33.2 + i * 0.05, longitude=42.1 + i * 0.05,
                                  fatalities=i))
    elsewhere = [_event("a2", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                        country="Afghanistan", iso="AF", location="Kabul", latitude=34.53, longitude=69.17,
                        fatalities=1)]
    store.add(_article("a1"), near_border)
    store.add(_article("a2", "A bomb went off in Kabul."), elsewhere)
    store.add(_article("a3", "Unplaced."), [_event("a3", latitude=None, longitude=None, location="")])

    got = store.clusters(EventFilter(), 1.0)
    assert len(got) == 2
    border, kabul = got  # the biggest first
    assert border["count"] == 8 and border["fatalities"] == sum(range(8))
    assert border["types"] == {"Battles": 5, "Protests": 2, "Riots": 1}
    assert list(border["types"]) == ["Battles", "Protests", "Riots"]  # the most first
    assert (border["country"], border["iso"]) == ("Iraq", "IQ")  # 5 of 8 events
    assert border["latitude"] == pytest.approx(33.2 + 0.05 * 3.5)
    assert border["longitude"] == pytest.approx(42.1 + 0.05 * 3.5)
    assert kabul == {"count": 1, "fatalities": 1, "latitude": pytest.approx(34.53), "longitude": pytest.approx(69.17),
                     "country": "Afghanistan", "iso": "AF", "types": {"Explosions/Remote violence": 1}}
    # the filters apply: only Syria's three events, then a finer grid splits the border cell
    [syria] = store.clusters(EventFilter(country="SY"), 1.0)
    assert syria["types"] == {"Battles": 2, "Riots": 1} and syria["iso"] == "SY"
    fine = store.clusters(EventFilter(bbox=(42.0, 33.0, 43.0, 34.0)), 0.1)
    assert sum(c["count"] for c in fine) == 8 and len(fine) > 2
    assert all(sum(c["types"].values()) == c["count"] for c in fine)
    # a world grid: cells are counted from 180 W and 90 S, the same on every backend
    [west] = [c for c in store.clusters(EventFilter(), 0.25) if c["latitude"] < 33.22]
    assert west["count"] == 1  # 33.2 N, 42.1 E alone in 33.0-33.25 x 42.0-42.25


def test_clusters_of_a_grid_cell_straddling_zero_stay_apart(db_url):
    store = Store(db_url)
    store.add(_article(), [_event(location="West", latitude=0.4, longitude=-0.4, country="A", iso="AA"),
                           _event(location="East", latitude=0.4, longitude=0.4, country="B", iso="BB")])
    got = store.clusters(EventFilter(), 1.0)
    # either side of the meridian (and of the equator's row), never one cell
    assert sorted((round(c["longitude"], 1), c["count"]) for c in got) == [(-0.4, 1), (0.4, 1)]
