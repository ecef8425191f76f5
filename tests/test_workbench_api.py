"""The analyst's workbench through the API and the CLI, on SQLite and PostgreSQL: what exports
carry and leave out, merged-away duplicates, edits that keep a row consistent, every ACLED field
editable with a note, duplicate suggestions and actor search."""

import csv
import datetime as dt
import io
import json

import httpx
import pytest
from fastapi.testclient import TestClient

from sitrep.cli import main
from sitrep.model import Article, Event
from sitrep.store import Store
from sitrep.web.app import create_app
from test_web_security import serve


def _event(article_id, **kw):
    base = {"article_id": article_id, "event_date": dt.date(2019, 7, 7), "time_precision": 1,
            "event_type": "Violence against civilians", "sub_event_type": "Attack",
            "actor1": "Islamic State (Iraq)", "inter1": 2, "actor2": "Civilians (Iraq)", "inter2": 7,
            "country": "Iraq", "iso": "IQ", "admin1": "Al Anbar", "admin2": "Hit", "location": "Hit",
            "latitude": 33.64, "longitude": 42.83, "geo_precision": 1, "fatalities": 2,
            "notes": "On 7 July 2019, Islamic State (Iraq) attacked Civilians (Iraq) in Hit (Al Anbar), Iraq. 2 fatalities."}
    base.update(kw)
    return Event(**base)


def _fill(store):
    """Four events: one to keep, one to reject, a duplicate to merge away, one elsewhere."""
    store.add(Article(id="a1", text="Gunmen killed two shepherds near Hit on Sunday.", url="https://news.example.org/a1",
                      published=dt.date(2019, 7, 9), source="Wire"), [_event("a1")])
    store.add(Article(id="a2", text="A rumour of an attack in Hit.", published=dt.date(2019, 7, 9)),
              [_event("a2", fatalities=9)])
    store.add(Article(id="a3", text="Two shepherds were shot near Hit, said a second outlet.", published=dt.date(2019, 7, 9)),
              [_event("a3")])
    store.add(Article(id="a4", text="A bomb went off in Basra.", published=dt.date(2019, 7, 9)),
              [_event("a4", location="Basra", admin1="Basra", admin2="", latitude=30.5, longitude=47.8,
                      event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                      event_date=dt.date(2019, 7, 8))])
    ids = {e["article_id"]: e["id"] for e in store.events()}
    store.review_event(ids["a2"], "reject", "ana", "a rumour")
    store.merge_events(ids["a1"], ids["a3"], "ana", "the same attack")
    return ids


@pytest.fixture()
def setup(db_url):
    store = Store(db_url)
    ids = _fill(store)
    store.add_user("ana", "analyst", "correct horse")
    h = {"Authorization": f"Bearer {store.new_token('ana')}"}
    return store, TestClient(create_app(store)), h, ids


def _csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_exports_carry_the_review_status_and_leave_out_rejected_and_merged_events(setup):
    store, client, h, ids = setup
    shown = {ids["a1"], ids["a4"]}
    rows = _csv(client.get("/api/events.csv", headers=h).text)
    assert {int(r["event_id_cnty"][2:]) for r in rows} == shown
    assert {r["review_status"] for r in rows} == {"unreviewed"}
    listed = client.get("/api/events", headers=h).json()["events"]
    assert {e["id"] for e in listed} == shown and all("review_status" in e for e in listed)
    points = client.get("/api/events.geojson", headers=h).json()["features"]
    assert {f["properties"]["id"] for f in points} == shown
    assert all(f["properties"]["review_status"] == "unreviewed" for f in points)
    assert sum(r["events"] for r in client.get("/api/stats", params={"by": "day"}, headers=h).json()["rows"]) == 2
    # the option brings them back, with their status
    every = _csv(client.get("/api/events.csv", params={"include_rejected": "true"}, headers=h).text)
    assert {r["review_status"] for r in every} == {"unreviewed", "rejected", "merged"} and len(every) == 4
    assert len(client.get("/api/events.geojson", params={"include_rejected": "true"}, headers=h).json()["features"]) == 4
    rejected = client.get("/api/events", params={"review_status": "rejected,merged"}, headers=h).json()["events"]
    assert {e["id"] for e in rejected} == {ids["a2"], ids["a3"]}
    bad = client.get("/api/events", params={"review_status": "maybe"}, headers=h)
    assert bad.status_code == 400 and "review_status" in bad.json()["detail"]


def test_the_events_command_leaves_out_rejected_and_merged_events_unless_asked(setup, db_url, capsys):
    store, client, h, ids = setup
    assert main(["events", "--db", db_url, "--format", "csv"]) == 0
    rows = _csv(capsys.readouterr().out)
    assert {int(r["event_id_cnty"][2:]) for r in rows} == {ids["a1"], ids["a4"]}
    assert rows[0]["review_status"] == "unreviewed"
    assert main(["events", "--db", db_url, "--format", "json", "--include-rejected"]) == 0
    assert {e["review_status"] for e in json.loads(capsys.readouterr().out)} == {"unreviewed", "rejected", "merged"}
    assert main(["events", "--db", db_url, "--format", "table", "--review-status", "rejected"]) == 0
    out = capsys.readouterr().out
    assert "rejected" in out and "1 events" in out
    assert main(["events", "--db", db_url, "--format", "json", "--min-fatalities", "3", "--include-rejected"]) == 0
    assert [e["id"] for e in json.loads(capsys.readouterr().out)] == [ids["a2"]]
    assert main(["events", "--db", db_url, "--review-status", "perhaps"]) == 2
    assert "review_status 'perhaps' is not one of" in capsys.readouterr().err


def test_a_merged_away_duplicate_cannot_be_accepted_edited_split_or_merged_into(setup, db_url, capsys):
    store, client, h, ids = setup
    dup, keep = ids["a3"], ids["a1"]
    r = client.post(f"/api/events/{dup}/review", json={"action": "accept"}, headers=h)
    assert r.status_code == 409
    assert r.json()["detail"] == (f"event {dup} is a duplicate merged into event {keep} and cannot be accepted; "
                                  f"review event {keep} instead")
    assert client.patch(f"/api/events/{dup}", json={"fatalities": 1}, headers=h).status_code == 409
    assert client.post(f"/api/events/{dup}/split", json={}, headers=h).status_code == 409
    assert client.post(f"/api/events/{dup}/merge", json={"other": ids["a4"]}, headers=h).status_code == 409
    assert store.event(dup)["review_status"] == "merged" and store.event(ids["a4"])["review_status"] == "unreviewed"
    assert client.get(f"/api/events/{dup}", headers=h).json()["merged_into"] == keep
    assert main(["review", "accept", str(dup), "--user", "ana", "--db", db_url]) == 2
    assert f"merged into event {keep} and cannot be accepted" in capsys.readouterr().err
    assert main(["review", "accept", str(keep), "--user", "ana", "--db", db_url]) == 0
    assert store.event(keep)["review_status"] == "accepted"
    assert _csv(client.get("/api/events.csv", headers=h).text)[0]["review_status"] in ("accepted", "unreviewed")
    assert store.event(dup)["review_status"] == "merged"


def test_an_edit_keeps_a_rejected_event_rejected(setup):
    store, client, h, ids = setup
    r = client.patch(f"/api/events/{ids['a2']}", json={"fatalities": 1}, headers=h)
    assert r.status_code == 200 and r.json()["event"]["review_status"] == "rejected"
    assert ids["a2"] not in {e["id"] for e in client.get("/api/events", headers=h).json()["events"]}


def test_a_location_edit_takes_coordinates_province_and_precision_from_the_gazetteer_and_rewrites_the_notes(setup):
    store, client, h, ids = setup
    eid = ids["a1"]
    r = client.patch(f"/api/events/{eid}", json={"location": "Ramadi", "_note": "the hospital is in Ramadi"},
                     headers=h)
    assert r.status_code == 200
    ev = r.json()["event"]
    assert ev["location"] == "Ramadi" and ev["admin1"] == "Al Anbar" and ev["admin2"] == ""  # Hit's admin2 is gone
    assert abs(ev["latitude"] - 33.42) < 0.05 and abs(ev["longitude"] - 43.31) < 0.05 and ev["geo_precision"] == 1
    assert "in Ramadi (Al Anbar)" in ev["notes"] and "Hit" not in ev["notes"]
    hist = store.history(eid)[-1]
    assert hist["note"] == "the hospital is in Ramadi"
    assert {"location", "latitude", "longitude", "admin2", "notes"} <= set(hist["changes"])
    row = next(r for r in _csv(client.get("/api/events.csv", headers=h).text) if r["event_id_cnty"] == f"IQ{eid}")
    assert (row["location"], row["admin1"], row["latitude"][:5]) == ("Ramadi", "Al Anbar", ev["latitude"].__str__()[:5])
    assert "Ramadi" in row["notes"]
    # a place in another province and country moves everything
    ev = client.patch(f"/api/events/{eid}", json={"location": "Aleppo", "iso": "SY"}, headers=h).json()["event"]
    assert ev["country"] == "Syria" and ev["admin1"] == "Aleppo" and ev["latitude"] > 35.5
    assert "in Aleppo" in ev["notes"] and "Syria" in ev["notes"]


def test_a_point_placed_by_the_analyst_takes_its_province_from_the_map(setup):
    store, client, h, ids = setup
    eid = ids["a1"]
    r = client.patch(f"/api/events/{eid}", json={"location": "Basra outskirts", "latitude": 30.52, "longitude": 47.77,
                                                 "geo_precision": 2}, headers=h)
    assert r.status_code == 200, r.text
    ev = r.json()["event"]
    assert (ev["latitude"], ev["longitude"], ev["geo_precision"]) == (30.52, 47.77, 2)
    assert ev["admin1"] == "Basrah" and ev["iso"] == "IQ" and ev["admin2"] != "Hit"  # ACLED spells it so
    assert "Basra outskirts (Basrah)" in ev["notes"]
    half = client.patch(f"/api/events/{eid}", json={"latitude": 31.0}, headers=h)
    assert half.status_code == 422 and "latitude and longitude go together" in half.json()["detail"]


def test_a_place_the_gazetteer_does_not_know_needs_a_point(setup):
    store, client, h, ids = setup
    eid = ids["a1"]
    before = store.event(eid)
    r = client.patch(f"/api/events/{eid}", json={"location": "Qqxzv Farm"}, headers=h)
    assert r.status_code == 422
    assert r.json()["detail"].startswith("location 'Qqxzv Farm' is not in the gazetteer: place the event on the map")
    assert store.event(eid) == before
    ok = client.patch(f"/api/events/{eid}", json={"location": "Qqxzv Farm", "latitude": 33.7, "longitude": 42.9},
                      headers=h)
    assert ok.status_code == 200 and ok.json()["event"]["admin1"] == "Al Anbar"


def test_every_acled_field_is_editable_with_a_note_and_derived_codes_follow(setup):
    store, client, h, ids = setup
    eid = ids["a4"]
    change = {"event_date": "2019-07-06", "time_precision": 2, "sub_event_type": "Armed clash",
              "actor1": "Military Forces of Iraq (2014-)", "assoc_actor_1": "Police Forces of Iraq (2014-)",
              "inter1": 1, "actor2": "Islamic State (Iraq)", "assoc_actor_2": "", "inter2": 2,
              "civilian_targeting": "", "admin3": "Basra city", "source": "Wire; Local", "source_scale": "National",
              "fatalities": 4, "injured": 3, "abducted": 1, "_note": "recoded from the second report"}
    r = client.patch(f"/api/events/{eid}", json=change, headers=h)
    assert r.status_code == 200, r.text
    ev = r.json()["event"]
    assert ev["event_type"] == "Battles" and ev["disorder_type"] == "Political violence" and ev["interaction"] == 12
    assert (ev["admin3"], ev["source"], ev["source_scale"], ev["injured"]) == ("Basra city", "Wire; Local", "National", 3)
    assert ev["notes"].startswith("Around 6 July 2019, Military Forces of Iraq (2014-) clashed with Islamic State (Iraq)")
    hist = client.get(f"/api/events/{eid}/history", headers=h).json()["history"][-1]
    assert hist["note"] == "recoded from the second report"
    assert hist["changes"]["interaction"] == [None, 12] or hist["changes"]["interaction"][1] == 12
    assert {"admin3", "source_scale", "assoc_actor_1", "event_type"} <= set(hist["changes"])
    row = next(r for r in _csv(client.get("/api/events.csv", headers=h).text) if r["event_id_cnty"] == f"IQ{eid}")
    assert (row["admin3"], row["source_scale"], row["interaction"]) == ("Basra city", "National", "12")
    for derived in ({"interaction": 17}, {"disorder_type": "Demonstrations"}):
        bad = client.patch(f"/api/events/{eid}", json=derived, headers=h)
        assert bad.status_code == 422 and "follows from" in bad.json()["detail"]
    protest = client.patch(f"/api/events/{eid}", json={"sub_event_type": "Peaceful protest"}, headers=h).json()
    assert protest["event"]["disorder_type"] == "Demonstrations" and protest["changed"]["disorder_type"][1] == "Demonstrations"
    notes = client.patch(f"/api/events/{eid}", json={"fatalities": 5, "notes": "Written by hand."}, headers=h)
    assert notes.json()["event"]["notes"] == "Written by hand."  # notes set in the edit win


def test_suggested_duplicates_share_the_day_and_the_place_or_an_article(setup):
    store, client, h, ids = setup
    store.add(Article(id="b1", text="Another attack near Hit that day.", published=dt.date(2019, 7, 9)),
              [_event("b1", location="Hit town", latitude=33.65, longitude=42.84),
               _event("b1", location="Ramadi", latitude=33.42, longitude=43.31)])
    store.add(Article(id="b2", text="An attack near Hit a day later.", published=dt.date(2019, 7, 9)),
              [_event("b2", event_date=dt.date(2019, 7, 8))])
    by_loc = {e["location"]: e["id"] for e in store.events() if e["article_id"].startswith("b")}
    r = client.get(f"/api/events/{ids['a1']}/duplicates", headers=h).json()["duplicates"]
    assert [(d["id"], d["reason"]) for d in r] == [(by_loc["Hit town"], "same place")]  # not rejected, merged, other days
    ramadi = client.get(f"/api/events/{by_loc['Ramadi']}/duplicates", headers=h).json()["duplicates"]
    assert [(d["id"], d["reason"]) for d in ramadi] == [(by_loc["Hit town"], "same article")]
    assert client.get("/api/events/999999/duplicates", headers=h).status_code == 404


def test_actor_search_finds_actors_by_their_aliases(setup):
    store, client, h, ids = setup
    for q in ("ISIS", "daesh", "Islamic"):
        names = [a["name"] for a in client.get("/api/actors/suggest", params={"q": q}, headers=h).json()["actors"]]
        assert names == ["Islamic State (Iraq)"], q
    civ = client.get("/api/actors/suggest", params={"q": "civ"}, headers=h).json()["actors"]
    assert civ == [{"name": "Civilians (Iraq)", "match": "Civilians (Iraq)"}]
    assert client.get("/api/actors/suggest", params={"q": ""}, headers=h).status_code == 422


def test_over_real_http_exports_hide_rejected_and_merged_and_merged_events_are_refused(db_url):
    store = Store(db_url)
    ids = _fill(store)
    store.add_user("ana", "analyst", "correct horse")
    h = {"Authorization": f"Bearer {store.new_token('ana')}"}
    store.engine.dispose()
    with serve(db_url) as (base, _), httpx.Client(base_url=base, headers=h) as http:
        with http.stream("GET", "/api/events.csv") as r:
            rows = _csv(b"".join(r.iter_bytes()).decode())
        assert [r["review_status"] for r in rows] == ["unreviewed", "unreviewed"]
        assert len(_csv(http.get("/api/events.csv", params={"include_rejected": "1"}).text)) == 4
        r = http.post(f"/api/events/{ids['a3']}/review", json={"action": "accept"})
        assert r.status_code == 409 and f"merged into event {ids['a1']}" in r.json()["detail"]
        ev = http.patch(f"/api/events/{ids['a1']}", json={"location": "Ramadi"}).json()["event"]
        assert ev["admin2"] == "" and abs(ev["longitude"] - 43.31) < 0.05 and "Ramadi" in ev["notes"]


def test_several_types_and_sub_types_filter_together(setup):
    store, client, h, ids = setup
    got = client.get("/api/events", params={"type": "Explosions/Remote violence,Attack"}, headers=h).json()["events"]
    assert {e["id"] for e in got} == {ids["a1"], ids["a4"]}
    assert client.get("/api/events", params={"type": "Remote explosive/landmine/IED"}, headers=h).json()["events"][0]["id"] == ids["a4"]
    assert client.get("/api/stats", params={"by": "type", "type": "Battles,Protests"}, headers=h).json()["rows"] == []
