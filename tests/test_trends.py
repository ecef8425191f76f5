import datetime as dt

from fastapi.testclient import TestClient

from sitrep.cli import main
from sitrep.model import Article, Event
from sitrep.store import Store
from sitrep.trends import trends
from sitrep.web.app import create_app


def _fill(store):
    n = 0
    as_of = dt.date(2024, 3, 13)  # a Wednesday
    # Anbar: one event a week for eight weeks, then six this week; Basra: steady two a week
    for w in range(1, 9):
        for admin1, count in (("Al Anbar", 1), ("Basra", 2)):
            for _ in range(count):
                n += 1
                d = as_of - dt.timedelta(weeks=w)
                store.add(Article(id=f"a{n}", text=f"report {n}", published=d),
                          [Event(article_id=f"a{n}", event_date=d, event_type="Battles", sub_event_type="Armed clash",
                                 country="Iraq", iso="IQ", admin1=admin1, fatalities=1)])
    for admin1, count in (("Al Anbar", 6), ("Basra", 2)):
        for _ in range(count):
            n += 1
            store.add(Article(id=f"a{n}", text=f"report {n}", published=as_of),
                      [Event(article_id=f"a{n}", event_date=as_of, event_type="Battles", sub_event_type="Armed clash",
                             country="Iraq", iso="IQ", admin1=admin1, fatalities=2)])
    return as_of


def test_a_surge_against_the_trailing_average_is_flagged(db_url):
    store = Store(db_url)
    as_of = _fill(store)
    rows = {t.key: t for t in trends(store, by="admin1", as_of=as_of, weeks=8)}
    assert rows["Al Anbar"].change == "up" and rows["Al Anbar"].ratio == 6.0
    assert "up 6x on the 8-week average" in rows["Al Anbar"].summary
    assert rows["Basra"].change == "steady" and rows["Basra"].baseline_events == 2.0
    api = TestClient(create_app(store)).get("/api/trends", params={"as_of": as_of.isoformat()}).json()
    assert api["trends"][0]["key"] == "Al Anbar"


def test_trends_command(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 't.db'}"
    as_of = _fill(Store(db))
    assert main(["trends", "--db", db, "--as-of", as_of.isoformat()]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("up") and "Al Anbar up 6x" in out[0]
