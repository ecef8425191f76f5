"""Review and audit: permissions on every write endpoint, history, reviewed fields."""

import datetime as dt
import io
import sys

import pytest
from fastapi.testclient import TestClient

from sitrep.cli import main
from sitrep.model import Article, Event
from sitrep.store import Store
from sitrep.store.accounts import hash_password, verify_password
from sitrep.web.app import create_app


@pytest.fixture()
def setup(db_url):
    store = Store(db_url)
    store.add(Article(id="a1", text="Gunmen killed two shepherds near Hit on Sunday.", published=dt.date(2019, 7, 9)),
              [Event(article_id="a1", event_date=dt.date(2019, 7, 7), time_precision=1,
                     event_type="Violence against civilians", sub_event_type="Attack", actor1="Unidentified Armed Group (Iraq)",
                     inter1=3, actor2="Civilians (Iraq)", inter2=7, country="Iraq", iso="IQ", admin1="Al Anbar",
                     location="Hit", latitude=33.64, longitude=42.83, geo_precision=1, fatalities=2)])
    store.add_user("ana", "analyst", "correct horse")
    store.add_user("vic", "viewer", "battery staple")
    tokens = {"ana": store.new_token("ana"), "vic": store.new_token("vic")}
    event_id = store.events()[0]["id"]
    return store, TestClient(create_app(store)), tokens, event_id


def _auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_passwords_are_hashed_with_scrypt():
    h = hash_password("correct horse")
    assert h.startswith("scrypt$") and "correct" not in h
    assert verify_password("correct horse", h) and not verify_password("wrong horse", h)


def test_every_write_endpoint_needs_an_analyst(setup):
    store, client, tokens, eid = setup
    writes = [("patch", f"/api/events/{eid}", {"fatalities": 3}),
              ("post", f"/api/events/{eid}/review", {"action": "accept"})]
    for method, url, body in writes:
        assert getattr(client, method)(url, json=body).status_code == 401
        assert getattr(client, method)(url, json=body, headers=_auth("forged")).status_code == 401
        assert getattr(client, method)(url, json=body, headers=_auth(tokens["vic"])).status_code == 403
        assert getattr(client, method)(url, json=body, headers=_auth(tokens["ana"])).status_code == 200


def test_reads_need_a_token_once_users_exist_unless_anonymous_read(setup):
    store, client, tokens, eid = setup
    assert client.get("/api/events").status_code == 401
    assert client.get("/api/events", headers=_auth(tokens["vic"])).status_code == 200
    open_client = TestClient(create_app(store, anonymous_read=True))
    assert open_client.get("/api/events").status_code == 200
    assert open_client.patch(f"/api/events/{eid}", json={"fatalities": 1}).status_code == 401


def test_edit_is_recorded_with_who_when_before_and_after(setup):
    store, client, tokens, eid = setup
    r = client.patch(f"/api/events/{eid}", json={"fatalities": 3, "location": "Hīt", "_note": "hospital figure"},
                     headers=_auth(tokens["ana"]))
    assert r.status_code == 200
    ev = r.json()["event"]
    assert ev["fatalities"] == 3 and ev["review_status"] == "edited"
    # the new name is looked up again (admin2, coordinates) and the notes are written anew
    assert {"fatalities", "location", "notes", "admin2"} <= set(ev["reviewed_fields"])
    hist = client.get(f"/api/events/{eid}/history", headers=_auth(tokens["vic"])).json()["history"]
    assert hist[0]["user_name"] == "ana" and hist[0]["action"] == "edit"
    assert hist[0]["changes"]["fatalities"] == [2, 3] and hist[0]["note"] == "hospital figure"
    client.post(f"/api/events/{eid}/review", json={"action": "reject"}, headers=_auth(tokens["ana"]))
    hist = store.history(eid)
    assert [h["action"] for h in hist] == ["edit", "reject"]
    assert store.event(eid)["review_status"] == "rejected"


def test_invalid_edits_are_refused(setup):
    store, client, tokens, eid = setup
    h = _auth(tokens["ana"])
    assert client.patch(f"/api/events/{eid}", json={"sub_event_type": "Picnic"}, headers=h).status_code == 422
    assert client.patch(f"/api/events/{eid}", json={"id": 5}, headers=h).status_code == 422
    assert client.patch(f"/api/events/{eid}", json={"fatalities": -1}, headers=h).status_code == 422
    assert client.post(f"/api/events/{eid}/review", json={"action": "nuke"}, headers=h).status_code == 422
    assert client.patch("/api/events/999999", json={"fatalities": 1}, headers=h).status_code == 404
    assert store.history(eid) == []


def test_users_cli_adds_lists_tokens_and_removes(tmp_path, capsys, monkeypatch):
    db = f"sqlite:///{tmp_path / 'u.db'}"
    monkeypatch.setattr(sys, "stdin", io.StringIO("long enough pw\n"))
    assert main(["users", "add", "omar", "--role", "admin", "--db", db]) == 0
    assert main(["users", "list", "--db", db]) == 0
    assert "omar\tadmin" in capsys.readouterr().out
    assert main(["users", "token", "omar", "--db", db]) == 0
    token = capsys.readouterr().out.strip()
    assert Store(db).user_for_token(token) == {"name": "omar", "role": "admin"}
    assert main(["users", "remove", "omar", "--db", db]) == 0
    assert Store(db).user_for_token(token) is None
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert main(["users", "add", "x", "--db", db]) == 2


def test_login_sets_a_session_and_writes_need_the_csrf_token(setup):
    store, client, tokens, eid = setup
    assert client.post("/api/login", json={"name": "ana", "password": "wrong"}).status_code == 401
    r = client.post("/api/login", json={"name": "ana", "password": "correct horse"})
    assert r.status_code == 200 and r.json()["role"] == "analyst"
    assert client.get("/api/me").json()["name"] == "ana"
    assert client.patch(f"/api/events/{eid}", json={"fatalities": 4}).status_code == 403  # no CSRF header
    csrf = client.cookies.get("sitrep_csrf")
    ok = client.patch(f"/api/events/{eid}", json={"fatalities": 4}, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 200
    client.post("/api/logout", headers={"X-CSRF-Token": csrf})
    assert client.get("/api/me").status_code == 401


def test_login_is_rate_limited(setup):
    store, client, tokens, eid = setup
    codes = [client.post("/api/login", json={"name": "vic", "password": f"guess {i}"}).status_code for i in range(6)]
    assert codes[:5] == [401] * 5 and codes[5] == 429
    assert client.post("/api/login", json={"name": "vic", "password": "battery staple"}).status_code == 429


def test_merge_moves_sources_and_split_copies_with_history(setup):
    store, client, tokens, eid = setup
    store.add(Article(id="a2", text="Two shepherds were shot dead near Hit, a second outlet said.",
                      published=dt.date(2019, 7, 9)),
              [Event(article_id="a2", event_date=dt.date(2019, 7, 7), event_type="Violence against civilians",
                     sub_event_type="Attack", country="Iraq", iso="IQ", fatalities=2)])
    other = next(e["id"] for e in store.events() if e["article_id"] == "a2")
    h = _auth(tokens["ana"])
    assert client.post(f"/api/events/{eid}/merge", json={"other": other}).status_code == 401
    assert client.post(f"/api/events/{eid}/merge", json={"other": other}, headers=_auth(tokens["vic"])).status_code == 403
    r = client.post(f"/api/events/{eid}/merge", json={"other": other}, headers=h)
    assert r.status_code == 200
    assert {s["article_id"] for s in r.json()["event"]["sources"]} == {"a1", "a2"}
    assert store.event(other)["review_status"] == "merged"
    assert client.post(f"/api/events/{eid}/merge", json={"other": other}, headers=h).status_code == 422
    assert client.post(f"/api/events/{eid}/merge", json={"other": eid}, headers=h).status_code == 422

    assert client.post(f"/api/events/{eid}/split").status_code == 401
    assert client.post(f"/api/events/{eid}/split", headers=_auth(tokens["vic"])).status_code == 403
    new = client.post(f"/api/events/{eid}/split", json={"note": "two attacks"}, headers=h).json()["new_event"]
    assert new["id"] != eid and new["review_status"] == "unreviewed"
    assert {s["article_id"] for s in new["sources"]} == {"a1", "a2"}
    actions = [(x["event_id"], x["action"]) for x in store.all_history()]
    assert (eid, "merge") in actions and (other, "merge") in actions and (new["id"], "split") in actions
    csv_text = client.get("/api/history", params={"format": "csv"}, headers=h).text
    assert csv_text.splitlines()[0] == "id,event_id,user,at,action,field,before,after,note"
    assert "merged_into" in csv_text and "split_from" in csv_text


def test_merged_duplicates_leave_lists_and_exports(setup):
    store, client, tokens, eid = setup
    new = store.split_event(eid, "ana")
    store.merge_events(eid, new, "ana")
    ids = [e["id"] for e in client.get("/api/events", headers=_auth(tokens["vic"])).json()["events"]]
    assert ids == [eid]
    merged = client.get("/api/events", params={"review_status": "merged"}, headers=_auth(tokens["vic"])).json()
    assert [e["id"] for e in merged["events"]] == [new]


def test_reprocessing_never_overwrites_reviewed_events(setup, capsys):
    store, client, tokens, eid = setup
    store.edit_event(eid, {"fatalities": 5}, "ana")
    store.add(Article(id="b1", text="Police arrested two men in Mosul on Sunday.", published=dt.date(2019, 7, 9)),
              [Event(article_id="b1", event_type="Battles", sub_event_type="Armed clash", country="Iraq")])
    db = str(store.engine.url)
    assert main(["reprocess", "--db", db]) == 0
    assert "kept 1 reviewed events" in capsys.readouterr().err
    kept = store.event(eid)
    assert kept["fatalities"] == 5 and kept["reviewed_fields"] == ["fatalities"]
    redone = [e for e in store.events() if e["article_id"] == "b1"]
    assert [e["sub_event_type"] for e in redone] == ["Arrests"]  # the stale machine coding was replaced


def test_a_user_changes_their_password_and_old_sessions_end(setup):
    store, client, tokens, eid = setup
    client.post("/api/login", json={"name": "ana", "password": "correct horse"})
    csrf = {"X-CSRF-Token": client.cookies.get("sitrep_csrf")}
    wrong = client.post("/api/me/password", json={"current": "nope", "new": "a longer secret"}, headers=csrf)
    assert wrong.status_code == 403
    short = client.post("/api/me/password", json={"current": "correct horse", "new": "short"}, headers=csrf)
    assert short.status_code == 422
    assert client.post("/api/me/password", json={"current": "correct horse", "new": "a longer secret"}).status_code == 403  # CSRF
    ok = client.post("/api/me/password", json={"current": "correct horse", "new": "a longer secret"}, headers=csrf)
    assert ok.status_code == 200
    assert client.get("/api/me").json()["name"] == "ana"  # this browser keeps a fresh session
    assert store.user_for_token(tokens["ana"]) is None  # every older token has ended
    assert store.check_password("ana", "correct horse") is None and store.check_password("ana", "a longer secret")
    anonymous = TestClient(client.app)
    assert anonymous.post("/api/me/password", json={"current": "x", "new": "yyyyyyyyy"}).status_code == 401


def test_an_admin_sets_a_password_from_the_command_line(setup, db_url, monkeypatch):
    store, client, tokens, eid = setup
    monkeypatch.setattr(sys, "stdin", io.StringIO("fresh password\n"))
    assert main(["users", "passwd", "vic", "--db", db_url]) == 0
    assert store.check_password("vic", "fresh password") and store.user_for_token(tokens["vic"]) is None
    monkeypatch.setattr(sys, "stdin", io.StringIO("fresh password\n"))
    assert main(["users", "passwd", "nobody", "--db", db_url]) == 2
