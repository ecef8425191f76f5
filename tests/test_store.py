import datetime as dt

import pytest
import sqlalchemy as sa

from sitrep.model import Article, Event
from sitrep.store import EventFilter, Store, next_cursor


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

    def full_text(d):  # the search index is made by hand in SQL on each backend, as are
        obj = d[1] if isinstance(d, tuple) else None  # PostgreSQL's newest-first index (0015) and
        # the grid indexes of expressions that differ by backend (0018, 0021; tests/test_web_scale_tiles.py,
        # tests/test_web_scale_cells.py)
        return "articles_fts" in str(getattr(obj, "name", "")) or getattr(obj, "name", "") in (
            "events_date_desc", "events_tile", "events_cell_date")

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


def _summary_store(db_url):
    """Events over three countries, four months and four types, two undated and one unplaced."""
    store = Store(db_url)
    kinds = [("Battles", "Armed clash"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence"),
             ("Violence against civilians", "Attack")]
    places = [("Iraq", "IQ", 33.3, 44.4), ("Syria", "SY", 36.2, 37.15), ("Ukraine", "UA", 48.5, 35.0)]
    for i in range(60):
        etype, sub = kinds[i % 4]
        country, iso, lat, lon = places[i % 3]
        day = None if i in (7, 8) else dt.date(2019, 5, 20) + dt.timedelta(days=(i * 7) % 100)
        store.add(_article(f"s{i}", f"Report {i}."), [_event(
            f"s{i}", event_type=etype, sub_event_type=sub, country=country, iso=iso, location=f"Town {i}",
            latitude=None if i == 11 else lat + (i % 5) * 0.3, longitude=None if i == 11 else lon - (i % 4) * 0.4,
            event_date=day, fatalities=i % 6)])
    return store


def _agree(store):
    """What the summaries answer equals what the events answer, for filters they can serve."""
    from sitrep.web.app import timeline_of

    filters = [EventFilter(), EventFilter(country="sy"), EventFilter(event_type="Battles,Riots"),
               EventFilter(review_status="rejected"), EventFilter(include_hidden=True),
               EventFilter(since=dt.date(2019, 6, 1), until=dt.date(2019, 7, 31)),  # whole months
               EventFilter(since=dt.date(2019, 6, 10)), EventFilter(until=dt.date(2019, 7, 3)),  # ends of months
               EventFilter(since=dt.date(2019, 5, 25), until=dt.date(2019, 8, 12), country="Iraq"),
               EventFilter(since=dt.date(2019, 6, 3), until=dt.date(2019, 6, 20)),  # within one month
               # a minimum of fatalities: from the _toll summaries, for any minimum
               EventFilter(min_fatalities=1), EventFilter(min_fatalities=4, country="IQ"),
               EventFilter(min_fatalities=2, event_type="Battles,Protests", since=dt.date(2019, 6, 10)),
               EventFilter(min_fatalities=41), EventFilter(min_fatalities=5, include_hidden=True)]
    for f in filters:
        assert store._month_parts(f) is not None, f
        for by in ("type", "country"):
            assert store.stats(by, f) == sorted(store._stats_of_events(by, f), key=lambda r: (-r["events"], r["key"])), (by, f)
        monthly = {}
        for day, etype, n, fat in store.day_type_counts(f):
            m = monthly.setdefault((day.replace(day=1), etype), [0, 0])
            m[0] += n
            m[1] += fat
        assert store.month_type_counts(f) == sorted((k[0], k[1], v[0], v[1]) for k, v in monthly.items()), f
        # the timeline's months from the summary equal those counted from the days
        days = sorted(store.day_type_counts(f))
        if days:
            tl = timeline_of(store, f, "month")
            assert (tl["first_day"], tl["last_day"]) == (days[0][0].isoformat(), days[-1][0].isoformat())
            assert sum(r["events"] for r in tl["rows"]) == sum(d[2] for d in days)
        if not (f.since or f.until):  # the clusters at zooms 3 to 10 from the summaries equal the events'
            for cell in (1.40625, 5.625, 360 / 2 ** 13, 360 / 2 ** 10, 360 / 2 ** 9):
                summary = store.clusters(f, cell)
                direct = store.clusters(replace_filter(f, text=None, admin1=""), cell, summaries=False)
                assert [(c["count"], c["fatalities"], c["types"], c["iso"]) for c in summary] == \
                       [(c["count"], c["fatalities"], c["types"], c["iso"]) for c in direct], (f, cell)
                for a, b in zip(summary, direct):
                    assert a["latitude"] == pytest.approx(b["latitude"]) and a["longitude"] == pytest.approx(b["longitude"])


def replace_filter(f, **kw):
    import dataclasses

    return dataclasses.replace(f, **kw)


def test_the_summaries_answer_as_the_events_do_after_every_kind_of_write(db_url):
    from sqlalchemy import func, select

    from sitrep.store.tables import (
        event_cells,
        event_cells_toll,
        event_months,
        event_months_toll,
        event_tiles,
    )

    store = _summary_store(db_url)
    _agree(store)
    ids = [e["id"] for e in store.events(EventFilter(include_hidden=True, sort="id"))]
    store.review_event(ids[0], "reject", "ana")
    store.review_event(ids[1], "accept", "ana")
    store.edit_event(ids[2], {"sub_event_type": "Air/drone strike", "fatalities": 40}, "ana")  # another type
    store.edit_event(ids[3], {"latitude": 15.35, "longitude": 44.2, "country": "Yemen", "iso": "YE"}, "ana")
    store.edit_event(ids[4], {"event_date": "2020-01-15"}, "ana")
    store.merge_events(ids[5], ids[6], "ana")
    store.split_event(ids[9], "ana")
    store.reprocess_article("s10", [])  # deletes its machine-coded event
    store.add(_article("late", "Another."), [_event("late", event_date=dt.date(2019, 6, 30), fatalities=3)])
    _agree(store)
    with store.engine.connect() as con:  # no summary row of no events is left behind
        for table in (event_months, event_cells, event_months_toll, event_cells_toll, event_tiles):
            assert con.execute(select(func.min(table.c.events))).scalar_one() > 0
        total = con.execute(select(func.sum(event_months.c.events))).scalar_one()
        fatal = con.execute(select(func.sum(event_months_toll.c.events))).scalar_one()
        tiles = con.execute(select(func.sum(event_tiles.c.events))).scalar_one()
    assert total == store.count(EventFilter(include_hidden=True)) == 61
    assert fatal == store.count(EventFilter(include_hidden=True, min_fatalities=1))
    assert tiles == 61 - 1  # the unplaced event is on no grid


def test_filters_the_summaries_do_not_keep_are_read_from_the_events(db_url):
    store = _summary_store(db_url)
    for f in (EventFilter(actor="islamic"), EventFilter(event_type="Armed clash"), EventFilter(admin1="anbar"),
              EventFilter(bbox=(30, 30, 50, 40))):
        assert store._month_parts(f) is None
    assert store.stats("type", EventFilter(event_type="Armed clash")) == [
        {"key": "Battles", "events": 15, "fatalities": sum(i % 6 for i in range(0, 60, 4))}]
    # and the clusters of a sub-event type come from the events
    assert sum(c["count"] for c in store.clusters(EventFilter(event_type="Mob violence"), 1.40625)) == 15


SORTED_PAGES = ("confidence", "-confidence", "fatalities", "-fatalities", "-event_date", "event_date")


def test_a_page_of_a_crowded_view_sorted_by_confidence_fatalities_or_date_is_the_same_walked_or_sorted(db_url, monkeypatch):
    store = _summary_store(db_url)
    box = (30.0, 30.0, 50.0, 40.0)  # Iraq's and Syria's events
    pages = {}
    for walk_at in (1, 10**9):  # from one match the sort index is walked (SQLite); never
        monkeypatch.setattr(Store, "WALK_AT", dict.fromkeys(("confidence", "fatalities", "event_date"), walk_at))
        for sort in SORTED_PAGES:
            f = EventFilter(bbox=box, sort=sort, limit=7)
            pages[walk_at, sort] = [r["id"] for r in store.events(f)]
            nxt = next_cursor(store.events(f)[-1], sort)
            pages[walk_at, sort] += [r["id"] for r in store.events(replace_filter(f, cursor=nxt))]
        assert store._walk_sort_index(EventFilter(bbox=box, sort="confidence", limit=7)) == (walk_at == 1)
    for sort in SORTED_PAGES:
        assert pages[1, sort] == pages[10**9, sort] and len(pages[1, sort]) == 14, sort
    # the newest first, undated events last, as every event of the box sorted here
    inside = [r for r in store.events(EventFilter(sort="id")) if r["latitude"] is not None
              and 30 <= r["longitude"] <= 50 and 30 <= r["latitude"] <= 40]
    dated = sorted((r for r in inside if r["event_date"]), key=lambda r: (r["event_date"], r["id"]), reverse=True)
    want = [r["id"] for r in dated] + sorted((r["id"] for r in inside if not r["event_date"]), reverse=True)
    assert len(want) > 30
    assert [r["id"] for r in store.events(EventFilter(bbox=box, sort="-event_date", limit=50))] == want
    by_fat = [r["fatalities"] for r in store.events(EventFilter(bbox=box, sort="-fatalities", limit=40))]
    assert by_fat == sorted(by_fat, reverse=True) and len(by_fat) == 40


def test_a_box_of_a_few_months_is_read_by_date_and_a_type_filter_from_the_index(db_url):
    from sitrep.store.tables import events as ev

    store = _summary_store(db_url)
    f = EventFilter(since=dt.date(2019, 6, 1), until=dt.date(2019, 7, 31), event_type="Riots",
                    bbox=(30.0, 30.0, 50.0, 40.0))
    want = [r["id"] for r in store.events(EventFilter(include_hidden=False, sort="id"))
            if r["event_type"] == "Riots" and "2019-06-01" <= (r["event_date"] or "") <= "2019-07-31"
            and 30 <= r["longitude"] <= 50 and 30 <= r["latitude"] <= 40]
    assert want and [r["id"] for r in store.events(replace_filter(f, sort="id"))] == want
    assert store.count_upto(f, 5001) == len(want) and store.count_upto(f, 1) == 1
    if store.dialect == "sqlite":
        q = store._where(sa.select(ev.c.id), f)
        sql = str(q.compile(store.engine, compile_kwargs={"literal_binds": True}))
        assert "sub_event_type" not in sql  # a type is looked for among types only
        with store.engine.connect() as con:
            plan = " ".join(str(r[-1]) for r in con.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        assert "events_date_lon_lat_cover" in plan, plan
