"""The server's answer cache and the store's data version behind it (migration 0016): an
identical read is answered again without the store while nothing was written, and any write
(through this app, another process's Store, or plain SQL) is seen by the next request."""

import datetime as dt

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from sitrep.model import Article, Event
from sitrep.store import Store
from sitrep.web.app import AnswerCache, create_app

READS = ["/api/events?limit=5", "/api/events.geojson?zoom=4", "/api/stats?by=type", "/api/timeline?max_bins=50"]


def _ev(article_id, **kw):
    base = {"article_id": article_id, "event_date": dt.date(2019, 7, 7), "time_precision": 1,
            "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "Military Forces of Iraq",
            "inter1": 1, "actor2": "Islamic State (Iraq)", "inter2": 2, "country": "Iraq", "iso": "IQ",
            "admin1": "Al Anbar", "location": "Hit", "latitude": 33.64, "longitude": 42.83, "geo_precision": 1,
            "fatalities": 2}
    base.update(kw)
    return Event(**base)


def _store(db_url):
    store = Store(db_url)
    for i in range(3):
        store.add(Article(id=f"a{i}", text=f"Clash {i} near Hit.", title=f"Hit {i}", published=dt.date(2019, 7, 9),
                          source="Wire"), [_ev(f"a{i}", fatalities=i)])
    return store


def _counting(store, monkeypatch):
    calls = []
    for name in ("events", "count_upto", "points", "clusters", "stats", "month_type_counts", "day_type_counts"):
        real = getattr(store, name)

        def wrapped(*a, _real=real, _name=name, **kw):
            calls.append(_name)
            return _real(*a, **kw)
        monkeypatch.setattr(store, name, wrapped)
    return calls


def test_an_identical_read_is_answered_again_without_the_store(db_url, monkeypatch):
    store = _store(db_url)
    client = TestClient(create_app(store))
    calls = _counting(store, monkeypatch)
    for path in READS:
        first = client.get(path)
        assert first.status_code == 200 and first.headers["content-type"] == "application/json"
        asked = len(calls)
        assert asked > 0, path
        again = client.get(path)
        assert again.content == first.content and len(calls) == asked, path  # not asked again
    # another address (another filter) is computed
    client.get("/api/events?limit=4")
    assert calls[-1] == "events"


def test_every_write_is_seen_by_the_next_read(db_url):
    store = _store(db_url)
    client = TestClient(create_app(store))
    before = {p: client.get(p).json() for p in READS}
    assert len(before["/api/events?limit=5"]["events"]) == 3
    # another process's store (its own connections) adds an article with an event
    other = Store(db_url)
    other.add(Article(id="late", text="Another clash.", title="Late", source="Wire"),
              [_ev("late", event_date=dt.date(2020, 1, 5), fatalities=7)])
    after = client.get("/api/events?limit=5").json()["events"]
    assert len(after) == 4 and after[0]["fatalities"] == 7
    assert client.get("/api/stats?by=type").json()["rows"] == [{"key": "Battles", "events": 4, "fatalities": 10}]
    assert client.get("/api/timeline?max_bins=50").json()["last_day"] == "2020-01-05"
    # a review through the app takes the event off every answer
    other.review_event(after[0]["id"], "reject", "ana")
    assert len(client.get("/api/events?limit=5").json()["events"]) == 3
    assert client.get("/api/events.geojson?zoom=4").json() != client.get(
        "/api/events.geojson?zoom=4&include_rejected=true").json()
    # a change to a source's article (its title, shown in each event's sources), in plain SQL
    with other.engine.begin() as con:
        con.execute(sa.text("UPDATE articles SET title = 'Renamed' WHERE id = 'a1'"))
    titles = {s["title"] for e in client.get("/api/events?limit=5").json()["events"] for s in e["sources"]}
    assert "Renamed" in titles
    # and a deleted event (re-extraction) is gone
    other.reprocess_article("a0", [])
    assert {e["article_id"] for e in client.get("/api/events?limit=5").json()["events"]} == {"a1", "a2"}


def test_the_data_version_changes_with_each_kind_of_write(db_url):
    store = _store(db_url)
    seen = [store.data_version()]

    def changed():
        v = store.data_version()
        assert v != seen[-1]
        seen.append(v)

    store.add(Article(id="b", text="x"), [_ev("b")])
    changed()
    [ev] = [e for e in store.events() if e["article_id"] == "b"]
    store.edit_event(ev["id"], {"fatalities": 9}, "ana")
    changed()
    with store.engine.begin() as con:
        con.execute(sa.text("DELETE FROM event_sources WHERE event_id = :i"), {"i": ev["id"]})
    changed()
    with store.engine.begin() as con:
        con.execute(sa.text("DELETE FROM events WHERE id = :i"), {"i": ev["id"]})
    changed()
    # nothing written: the same number
    store.events()
    assert store.data_version() == seen[-1]


def test_the_cache_keeps_the_newest_and_stays_within_its_size():
    cache = AnswerCache(max_bytes=100, max_entry=60)
    cache.put("a", 2, b"x" * 40)
    assert cache.get("a", 2) == b"x" * 40 and cache.get("a", 3) is None  # another version: not this answer
    cache.put("a", 1, b"old")  # an answer computed under an older version does not replace a newer one
    assert cache.get("a", 2) == b"x" * 40
    cache.put("big", 2, b"y" * 61)  # too big to keep
    assert cache.get("big", 2) is None
    cache.put("b", 2, b"b" * 50)
    cache.put("c", 2, b"c" * 50)  # over 100 bytes: the least recently used goes
    assert cache.get("a", 2) is None and cache.get("c", 2) == b"c" * 50
    assert cache.size <= 100


@pytest.mark.parametrize("path", ["/api/events?limit=5&sort=nonsense", "/api/events?bbox=1,2"])
def test_errors_are_not_kept(tmp_path, path):
    store = _store(f"sqlite:///{tmp_path / 'e.db'}")
    app = create_app(store)
    client = TestClient(app)
    assert client.get(path).status_code == 400
    assert client.get(path).status_code == 400
    assert not app.state.answers.entries
