import datetime as dt

import pytest
from fastapi.testclient import TestClient

from sitrep.model import Article, Event
from sitrep.store import Store
from sitrep.web.app import create_app

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _ev(article_id, **kw):
    base = {"article_id": article_id, "event_date": dt.date(2019, 7, 7), "time_precision": 1,
            "event_type": "Violence against civilians", "sub_event_type": "Attack",
            "actor1": "Islamic State (Iraq)", "inter1": 2, "actor2": "Civilians (Iraq)", "inter2": 7,
            "country": "Iraq", "iso": "IQ", "admin1": "Al Anbar", "location": "Hit",
            "latitude": 33.64, "longitude": 42.83, "geo_precision": 1, "fatalities": 2}
    base.update(kw)
    return Event(**base)


@pytest.fixture()
def client(db_url):
    store = Store(db_url)
    store.add(Article(id="a1", text="Gunmen killed two shepherds near Hit on Sunday.", title="Hit",
                      published=dt.date(2019, 7, 9), source="Wire"), [_ev("a1")])
    store.add(Article(id="a2", text="Protesters marched in Basra. " + HOSTILE, title=HOSTILE,
                      published=dt.date(2019, 7, 6), source="Local"),
              [_ev("a2", event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Iraq)",
                   inter1=6, actor2="", inter2=None, admin1="Basra", location="Basra", latitude=30.5,
                   longitude=47.8, event_date=dt.date(2019, 7, 5), fatalities=0, notes=HOSTILE)])
    for i in range(3, 8):
        store.add(Article(id=f"a{i}", text=f"Report {i} of an IED near Ramadi.", published=dt.date(2019, 7, 9)),
                  [_ev(f"a{i}", event_type="Explosions/Remote violence",
                       sub_event_type="Remote explosive/landmine/IED", location="Ramadi",
                       latitude=33.42, longitude=43.31, fatalities=i)])
    return TestClient(create_app(store))


def test_events_filters_and_cursor_pagination(client):
    ids, cursor, pages = [], None, 0
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/events", params=params).json()
        ids += [e["id"] for e in page["events"]]
        pages += 1
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert pages == 3 and len(ids) == len(set(ids)) == 7
    assert {e["article_id"] for e in client.get("/api/events", params={"type": "Protests"}).json()["events"]} == {"a2"}
    assert len(client.get("/api/events", params={"min_fatalities": 6}).json()["events"]) == 2
    inside = client.get("/api/events", params={"bbox": "42.5,33.5,43.0,33.8"}).json()["events"]
    assert [e["article_id"] for e in inside] == ["a1"]
    assert client.get("/api/events", params={"bbox": "1,2"}).status_code == 400
    assert client.get("/api/events", params={"since": "2019-07-06", "admin1": "anbar"}).json()["events"]


def test_one_event_with_sources_and_404(client):
    first = client.get("/api/events", params={"limit": 1}).json()["events"][0]
    ev = client.get(f"/api/events/{first['id']}").json()
    assert ev["sources"][0]["article_id"] == first["article_id"]
    assert client.get("/api/events/999999").status_code == 404


def test_exports_geojson_csv_and_stats(client):
    gj = client.get("/api/events.geojson").json()
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 7
    csv = client.get("/api/events.csv", params={"type": "Attack"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("event_id_cnty,event_date,year")
    by_type = {r["key"]: r for r in client.get("/api/stats", params={"by": "type"}).json()["rows"]}
    assert by_type["Explosions/Remote violence"]["events"] == 5
    assert by_type["Explosions/Remote violence"]["fatalities"] == 3 + 4 + 5 + 6 + 7
    weeks = client.get("/api/stats", params={"by": "week"}).json()["rows"]
    assert sum(r["events"] for r in weeks) == 7


def test_article_with_events_and_provinces(client):
    art = client.get("/api/articles/a2").json()
    assert art["title"] == HOSTILE and art["events"][0]["sub_event_type"] == "Peaceful protest"
    prov = client.get("/api/provinces.geojson", params={"country": "IQ"}).json()
    assert len(prov["features"]) >= 18


def test_map_page_and_vendor_files_are_served_offline(client):
    page = client.get("/")
    assert page.status_code == 200 and "/vendor/leaflet/leaflet.js" in page.text
    assert client.get("/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/map.js").status_code == 200
    assert "openapi" in client.get("/openapi.json").json()


def test_hostile_text_is_returned_as_data_never_as_markup(client):
    # the API returns JSON; the page inserts every string with textContent (map.js)
    js = client.get("/static/map.js").text
    assert "innerHTML" not in js
    notes = [e["notes"] for e in client.get("/api/events", params={"type": "Protests"}).json()["events"]]
    assert notes == [HOSTILE]


@pytest.mark.parametrize("sort", ["-fatalities", "confidence", "-event_date", "event_date", "-id"])
def test_sorted_pages_cover_every_event_once(client, sort):
    seen, cursor = [], None
    for _ in range(10):
        params = {"limit": 2, "sort": sort, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/events", params=params).json()
        seen += page["events"]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len({e["id"] for e in seen}) == len(seen) == 7
    if sort == "-fatalities":
        assert [e["fatalities"] for e in seen] == sorted((e["fatalities"] for e in seen), reverse=True)
    assert client.get("/api/events", params={"sort": "bogus"}).status_code == 400


def test_actors_and_places(client):
    actors = {a["name"]: a for a in client.get("/api/actors").json()["actors"]}
    assert actors["Islamic State (Iraq)"]["events"] == 6
    assert actors["Civilians (Iraq)"]["inter"] == 7
    places = {p["location"]: p for p in client.get("/api/places").json()["places"]}
    assert places["Ramadi"]["events"] == 5


def test_big_sets_come_back_as_server_side_clusters(client, monkeypatch):
    import sitrep.web.app as web

    monkeypatch.setattr(web, "MAX_POINTS", 3)
    gj = client.get("/api/events.geojson", params={"zoom": 5}).json()
    assert gj["features"] and all(f["properties"]["cluster"] for f in gj["features"])
    assert sum(f["properties"]["count"] for f in gj["features"]) == 7
    assert len(gj["features"]) <= 3


def test_config_gives_the_tile_url(db_url):
    store = Store(db_url)
    assert TestClient(create_app(store)).get("/api/config").json() == {"tiles": None}
    t = "https://tiles.example.org/{z}/{x}/{y}.png"
    assert TestClient(create_app(store, tiles=t)).get("/api/config").json() == {"tiles": t}


def test_timeline_bins_by_day_week_or_month_and_splits_by_type(client):
    t = client.get("/api/timeline").json()
    assert t["bin"] == "day" and (t["first_day"], t["last_day"]) == ("2019-07-05", "2019-07-07")
    assert [r["key"] for r in t["rows"]] == ["2019-07-05", "2019-07-07"]  # empty days left out
    july7 = t["rows"][1]
    assert july7["events"] == 6 and july7["types"] == {"Violence against civilians": [1, 2],
                                                        "Explosions/Remote violence": [5, 25]}
    assert client.get("/api/timeline", params={"bin": "week"}).json()["rows"][0]["key"] == "2019-07-01"  # a Monday
    assert client.get("/api/timeline", params={"max_bins": 10, "since": "2019-07-01"}).json()["bin"] == "day"
    # only the chosen types and sub-types, each under its own type
    t = client.get("/api/timeline", params={"type": "Peaceful protest,Remote explosive/landmine/IED"}).json()
    assert [r["types"] for r in t["rows"]] == [{"Protests": [1, 0]}, {"Explosions/Remote violence": [5, 25]}]
    assert client.get("/api/timeline", params={"bin": "year"}).status_code == 422
    assert client.get("/api/timeline", params={"type": "Riots"}).json()["rows"] == []


def test_timeline_bins_by_month_over_years(db_url):
    store = Store(db_url)
    for i, day in enumerate([dt.date(2010, 1, 3), dt.date(2014, 6, 30), dt.date(2019, 12, 31)]):
        store.add(Article(id=f"y{i}", text="x", published=day), [_ev(f"y{i}", event_date=day)])
    t = TestClient(create_app(store)).get("/api/timeline", params={"max_bins": 200}).json()
    assert t["bin"] == "month" and [r["key"] for r in t["rows"]] == ["2010-01-01", "2014-06-01", "2019-12-01"]
    t = TestClient(create_app(store)).get("/api/timeline", params={"max_bins": 600}).json()
    assert t["bin"] == "week" and t["rows"][1]["key"] == "2014-06-30"


def test_countries_are_served_offline_for_the_whole_world(client):
    r = client.get("/api/countries.geojson")  # the test client accepts gzip
    assert r.status_code == 200 and r.headers["content-encoding"] == "gzip"
    feats = {f["properties"]["iso"]: f for f in r.json()["features"]}
    assert len(feats) >= 200 and {"IQ", "SY", "IR", "JO", "SA", "TR", "KW"} <= set(feats)  # neighbours too
    iraq = feats["IQ"]["properties"]
    assert iraq["name"] == "Iraq" and 29 < iraq["lat"] < 37.5 and 38.5 < iraq["lon"] < 48.7
    assert feats["IQ"]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    plain = client.get("/api/countries.geojson", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json() == r.json()
    assert r.num_bytes_downloaded < len(plain.content) / 2  # what went over the wire


def test_server_clusters_carry_their_type_mix_and_country(client, monkeypatch):
    import sitrep.web.app as web

    monkeypatch.setattr(web, "MAX_POINTS", 3)
    feats = client.get("/api/events.geojson", params={"zoom": 2}).json()["features"]
    props = [f["properties"] for f in feats]
    assert all(p["cluster"] for p in props)
    assert sum(p["count"] for p in props) == 7
    types: dict[str, int] = {}
    for p in props:
        assert sum(p["types"].values()) == p["count"]
        assert (p["country"], p["iso"]) == ("Iraq", "IQ")
        for t, n in p["types"].items():
            types[t] = types.get(t, 0) + n
    assert types == {"Explosions/Remote violence": 5, "Violence against civilians": 1, "Protests": 1}


def test_the_world_outline_is_built_once_and_then_read_from_beside_the_gazetteer(monkeypatch):
    import sitrep.web.app as web

    web._countries_geojson.cache_clear()
    first = web._countries_geojson()
    web._countries_geojson.cache_clear()  # as a second server process starts

    def build_again():
        raise AssertionError("the outline was built again")

    monkeypatch.setattr(web, "_build_countries_geojson", build_again)
    assert web._countries_geojson() == first
    web._countries_geojson.cache_clear()
