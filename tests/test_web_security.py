"""The web app under attack: real HTTP clients against a real `sitrep serve` where behaviour
depends on the server (forwarded headers, request size, Host, workers), the framework's test
client for pure API logic; SQLite and PostgreSQL where the store is involved."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import socket
import subprocess
import sys
import time
from urllib.parse import quote

import httpx
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from conftest import PG_URL, _pg_schema_url
from sitrep.model import Article, Event
from sitrep.store import Store
from sitrep.store.tables import api_tokens, login_failures
from sitrep.web.app import create_app

PASSWORD = "correct horse"


def _event(article_id, **kw):
    base = {"article_id": article_id, "event_date": dt.date(2019, 7, 7), "time_precision": 1,
            "event_type": "Violence against civilians", "sub_event_type": "Attack",
            "actor1": "Islamic State (Iraq)", "inter1": 2, "actor2": "Civilians (Iraq)", "inter2": 7,
            "country": "Iraq", "iso": "IQ", "admin1": "Al Anbar", "location": "Hit",
            "latitude": 33.64, "longitude": 42.83, "geo_precision": 1, "fatalities": 2}
    base.update(kw)
    return Event(**base)


def _fill(store, n=7):
    for i in range(1, n + 1):
        store.add(Article(id=f"a{i}", text=f"Report {i} of an attack near Hit.", published=dt.date(2019, 7, i)),
                  [_event(f"a{i}", event_date=dt.date(2019, 7, i), fatalities=i,
                          location=["Hit", "Ramadi", "Basra"][i % 3])])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(db_url, *args):
    """A real `sitrep serve` process on a loopback port; yields (base URL, process)."""
    port = _free_port()
    cmd = [sys.executable, "-m", "sitrep.cli", "serve", "--db", db_url, "--host", "127.0.0.1",
           "--port", str(port), *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, proc)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_until_up(url, proc):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"sitrep serve ended: {proc.stderr.read()}")
        try:
            httpx.get(url + "/api/config", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("sitrep serve did not start within 60 s")


def test_the_host_names_answered_by_default_are_the_bound_address_and_localhost():
    from sitrep.web.server import allowed_hosts

    assert set(allowed_hosts("10.1.2.3", [])) == {"10.1.2.3", "localhost", "127.0.0.1", "::1"}
    assert set(allowed_hosts("0.0.0.0", [])) == {"localhost", "127.0.0.1", "::1"}  # not "any name"
    assert set(allowed_hosts("::", ["sitrep.example.org"])) == {"sitrep.example.org", "localhost", "127.0.0.1", "::1"}


def _rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as fh:
        return int(re.search(r"VmRSS:\s+(\d+)", fh.read()).group(1))


def _login(http, base, name="vic", password="wrong password", **headers):
    return http.post(base + "/api/login", json={"name": name, "password": password}, headers=headers)


@pytest.fixture()
def users_store(db_url):
    store = Store(db_url)
    _fill(store)
    store.add_user("ana", "analyst", PASSWORD)
    store.add_user("vic", "viewer", "battery staple")
    store.add_user("root", "admin", "admin password")
    return store


# -- forwarded headers, proxies, secure cookies, workers (real servers) -----------------------

def test_forwarded_for_is_ignored_unless_a_proxy_is_trusted(users_store, db_url):
    with serve(db_url) as (base, _), httpx.Client() as http:
        codes = [_login(http, base, **{"X-Forwarded-For": f"10.0.0.{i}"}).status_code for i in range(6)]
        assert codes == [401] * 5 + [429]  # rotating the header does not make a new client
        r = _login(http, base, "ana", PASSWORD, **{"X-Forwarded-Proto": "https"})
        assert r.status_code == 200 and "secure" not in r.headers["set-cookie"].lower()


def test_a_trusted_proxy_names_the_client_and_cookies_can_be_secure(users_store, db_url):
    with serve(db_url, "--trusted-proxy", "127.0.0.1", "--secure-cookies",
               "--allowed-host", "sitrep.example.org") as (base, _), httpx.Client() as http:
        codes = [_login(http, base, **{"X-Forwarded-For": "10.0.0.1"}).status_code for _ in range(6)]
        assert codes == [401] * 5 + [429]
        assert _login(http, base, **{"X-Forwarded-For": "10.0.0.2"}).status_code == 401  # another client
        # one account from ever new addresses: the per-account limit (30) holds
        codes = [_login(http, base, "ana", **{"X-Forwarded-For": f"10.1.0.{i}"}).status_code for i in range(31)]
        assert codes[:30] == [401] * 30 and codes[30] == 429
        ok = _login(http, base, "root", "admin password",
                    **{"X-Forwarded-For": "10.2.0.1", "X-Forwarded-Proto": "https", "Host": "sitrep.example.org"})
        assert ok.status_code == 200
        cookies = ok.headers.get_list("set-cookie")
        assert len(cookies) == 2 and all("; secure" in c.lower() for c in cookies)


def test_two_workers_share_one_login_limit(users_store, db_url):
    with serve(db_url, "--workers", "2") as (base, _):
        codes = []
        for _ in range(6):
            with httpx.Client() as http:  # a new connection each time, so both workers answer
                codes.append(_login(http, base).status_code)
    assert codes == [401] * 5 + [429]


def test_spraying_names_from_one_address_is_limited(users_store):
    client = TestClient(create_app(users_store))
    codes = [_login(client, "", f"user{i}").status_code for i in range(30)]
    assert codes[:20] == [401] * 20 and set(codes[20:]) == {429}
    other = TestClient(create_app(users_store), client=("192.0.2.7", 5000))
    assert _login(other, "", "ana", PASSWORD).status_code == 200


# -- request size, limiter state, Host, headers (a real server, on SQLite and PostgreSQL) -----

@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served(request, tmp_path_factory):
    """One real `sitrep serve` per backend for the tests below, over a store of 7 events."""
    if request.param == "sqlite":
        db, engine, schema = f"sqlite:///{tmp_path_factory.mktemp('srv') / 'web.db'}", None, None
    else:
        engine, schema = _pg_schema_url()
        db = f"{PG_URL}?options=-csearch_path%3D{schema}"
    try:
        store = Store(db)
        _fill(store)
        store.engine.dispose()
        with serve(db) as (base, proc):
            yield base, proc
    finally:
        if engine is not None:
            with engine.begin() as con:
                con.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
            engine.dispose()


def test_request_bodies_over_the_limit_get_413(served):
    base, _ = served
    big = b'{"name": "' + b"x" * 300_000 + b'", "password": "p"}'
    r = httpx.post(base + "/api/login", content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and "larger than 262144 bytes" in r.json()["detail"]

    def chunks():  # no Content-Length: chunked transfer encoding
        for _ in range(30):
            yield b"x" * 10_000

    r = httpx.post(base + "/api/login", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    small = httpx.post(base + "/api/login", content=iter([b'{"name": "a", ', b'"password": "b"}']),
                       headers={"Content-Type": "application/json"})
    assert small.status_code == 401  # a chunked body under the limit reaches the app


def test_host_header_must_name_this_server(served):
    base, _ = served
    port = base.rsplit(":", 1)[1]
    rebound = httpx.get(base + "/api/events", headers={"Host": f"attacker.example:{port}"})
    assert rebound.status_code == 400 and "attacker.example" in rebound.json()["detail"]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost"):
        assert httpx.get(base + "/api/events", headers={"Host": host}).status_code == 200


def test_every_response_has_the_security_headers(served):
    base, _ = served
    responses = [httpx.get(base + "/"), httpx.get(base + "/api/events"), httpx.get(base + "/static/map.js"),
                 httpx.get(base + "/vendor/leaflet/leaflet.js"), httpx.get(base + "/nowhere"),
                 httpx.get(base + "/api/events", headers={"Host": "attacker.example"}),
                 httpx.post(base + "/api/login", content=b"x" * 300_000)]
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 404, 400, 413]
    for r in responses:
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self';" in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"


def test_the_api_docs_page_loads_everything_from_this_server_under_the_strict_policy(served):
    base, _ = served
    r = httpx.get(base + "/docs")
    assert r.status_code == 200 and 'id="swagger-ui"' in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "style-src 'self';" in csp and "connect-src 'self';" in csp
    assert "unsafe" not in csp and "http" not in csp  # no CDN, no inline script or style, no eval
    assert re.findall(r"<script>|<style|\son\w+=|style=", r.text) == []  # nothing inline to allow
    sources = re.findall(r'(?:src|href)="([^"]+)"', r.text)
    assert sources and all(s.startswith("/") and not s.startswith("//") for s in sources), sources
    for path in sources:  # every one is served here (Swagger UI from the swagger-ui-bundle package)
        asset = httpx.get(base + path)
        assert asset.status_code == 200 and len(asset.content) > 100, path
    assert "SwaggerUIBundle" in httpx.get(base + "/vendor/swagger-ui/swagger-ui-bundle.js").text
    setup = httpx.get(base + "/static/docs.js").text
    assert '"/docs/openapi.json"' in setup and "validatorUrl: null" in setup
    # the page's Swagger UI reads OpenAPI 3.0: the same API, written without 3.1's null types
    full, docs = httpx.get(base + "/openapi.json").json(), httpx.get(base + "/docs/openapi.json").json()
    assert full["openapi"].startswith("3.1") and docs["openapi"] == "3.0.3"
    assert docs["paths"].keys() == full["paths"].keys() and docs["info"] == full["info"]
    assert '"null"' not in json.dumps(docs) and '"examples": [' not in json.dumps(docs)
    [limit] = [p for p in docs["paths"]["/api/history"]["get"]["parameters"] if p["name"] == "cursor"]
    assert limit["schema"]["nullable"] is True and limit["schema"]["type"] == "integer"


def test_openapi_31_is_written_in_30_terms():
    from sitrep.web.apidocs import openapi_30

    spec = {"openapi": "3.1.0", "components": {"schemas": {"X": {"properties": {
        "a": {"anyOf": [{"type": "integer", "maximum": 5}, {"type": "null"}], "title": "A", "default": None},
        "b": {"type": ["string", "null"]}, "c": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
        "d": {"type": "number", "exclusiveMinimum": 0}, "e": {"const": "x"},
        "f": {"type": "object", "examples": [{"k": 1}, {"k": 2}]}}}}}}
    props = openapi_30(spec)["components"]["schemas"]["X"]["properties"]
    assert props["a"] == {"type": "integer", "maximum": 5, "title": "A", "default": None, "nullable": True}
    assert props["b"] == {"type": "string", "nullable": True}
    assert props["c"] == {"anyOf": [{"type": "string"}, {"type": "integer"}]}
    assert props["d"] == {"type": "number", "minimum": 0, "exclusiveMinimum": True}
    assert props["e"] == {"enum": ["x"]} and props["f"] == {"type": "object", "example": {"k": 1}}
    assert spec["openapi"] == "3.1.0" and "nullable" not in str(spec)  # the original is left alone


def test_csv_export_is_streamed(served):
    base, _ = served
    with httpx.stream("GET", base + "/api/events.csv") as r:
        assert r.status_code == 200 and "content-length" not in r.headers
        assert r.headers["transfer-encoding"] == "chunked"
        lines = b"".join(r.iter_bytes()).decode().splitlines()
    assert len(lines) == 8 and lines[0].startswith("event_id_cnty,")


def test_six_hundred_big_distinct_names_do_not_grow_the_server(db_url):
    db = db_url
    store = Store(db)
    store.add_user("vic", "viewer", "battery staple")
    with serve(db) as (base, proc), httpx.Client() as http:
        _login(http, base, "warm-up")
        before = _rss_kb(proc.pid)
        codes = [_login(http, base, f"{i:04d}" + "n" * 200_000).status_code for i in range(600)]
        codes += [_login(http, base, "m" * 1_000_000).status_code]
        grown_mb = (_rss_kb(proc.pid) - before) / 1024
    assert codes[:19] == [401] * 19 and set(codes[19:600]) == {429} and codes[600] == 413
    assert grown_mb < 40, f"the server grew by {grown_mb:.0f} MB"
    with store.engine.connect() as con:
        keys = [r[0] for r in con.execute(sa.select(login_failures.c.key_hash))]
    assert len(keys) == 3 * 20 and {len(k) for k in keys} == {64}  # hashes, never the names


def test_limiter_rows_are_evicted_after_the_window_and_capped(db_url, monkeypatch):
    import sitrep.store.accounts as accounts

    store = Store(db_url)
    now = dt.datetime.now(dt.timezone.utc)
    old = now - dt.timedelta(hours=1)
    store.record_login_failure(["a" * 64, "b" * 64], old, old - dt.timedelta(minutes=5))
    store.record_login_failure(["c" * 64], now, now - dt.timedelta(minutes=5))
    counts = store.login_failure_counts(["a" * 64, "c" * 64], now - dt.timedelta(minutes=5))
    assert counts == {"a" * 64: 0, "c" * 64: 1}
    with store.engine.connect() as con:
        assert con.execute(sa.select(sa.func.count()).select_from(login_failures)).scalar_one() == 1
    monkeypatch.setattr(accounts, "MAX_FAILURE_ROWS", 10)
    for i in range(8):
        store.record_login_failure([f"{i:064d}", f"{i + 100:064d}"], now, now - dt.timedelta(minutes=5))
    with store.engine.connect() as con:
        left = [r[0] for r in con.execute(sa.select(login_failures.c.key_hash))]
    assert len(left) == 10 and f"{7:064d}" in left and "c" * 64 not in left  # the oldest went first


# -- sessions, CSRF, logout, login timing (test client, both stores) --------------------------

def _session_client(store, name="ana", password=PASSWORD):
    client = TestClient(create_app(store))
    assert _login(client, "", name, password).status_code == 200
    return client


def _age_sessions(store, **values):
    with store.engine.begin() as con:
        con.execute(api_tokens.update().where(api_tokens.c.kind == "session").values(**values))


def _sessions(store) -> int:
    with store.engine.connect() as con:
        return con.execute(sa.select(sa.func.count()).select_from(api_tokens)
                           .where(api_tokens.c.kind == "session")).scalar_one()


def test_sessions_end_after_their_lifetime_or_when_idle(users_store):
    now = dt.datetime.now(dt.timezone.utc)
    client = _session_client(users_store)
    assert client.get("/api/me").json()["name"] == "ana"
    _age_sessions(users_store, created_at=now - dt.timedelta(hours=13), last_used=now)
    assert client.get("/api/me").status_code == 401  # past 12 hours, however busy
    assert _sessions(users_store) == 0  # and the row is gone

    client = _session_client(users_store)
    _age_sessions(users_store, created_at=now - dt.timedelta(hours=3), last_used=now - dt.timedelta(hours=2, minutes=1))
    assert client.get("/api/me").status_code == 401  # idle for more than 2 hours

    client = _session_client(users_store)
    _age_sessions(users_store, created_at=now - dt.timedelta(hours=3), last_used=now - dt.timedelta(minutes=5))
    assert client.get("/api/me").json()["name"] == "ana"  # in use: still valid, and touched
    with users_store.engine.connect() as con:
        last = con.execute(sa.select(api_tokens.c.last_used).where(api_tokens.c.kind == "session")).scalar_one()
    assert now - last.replace(tzinfo=dt.timezone.utc) < dt.timedelta(minutes=1)


def test_expired_sessions_are_purged_and_api_tokens_do_not_expire(users_store):
    now = dt.datetime.now(dt.timezone.utc)
    token = users_store.new_token("vic")
    for _ in range(3):
        _session_client(users_store)
    assert _sessions(users_store) == 3
    _age_sessions(users_store, created_at=now - dt.timedelta(days=2), last_used=now - dt.timedelta(days=2))
    with users_store.engine.begin() as con:
        con.execute(api_tokens.update().where(api_tokens.c.kind == "api")
                    .values(created_at=now - dt.timedelta(days=400)))
    _session_client(users_store)  # a login clears what has expired
    assert _sessions(users_store) == 1
    assert users_store.user_for_token(token) == {"name": "vic", "role": "viewer"}


def test_the_csrf_token_is_bound_to_the_session(users_store):
    eid = users_store.events()[0]["id"]
    first, second = _session_client(users_store), _session_client(users_store)
    mine, theirs = first.cookies["sitrep_csrf"], second.cookies["sitrep_csrf"]
    assert mine != theirs
    assert first.patch(f"/api/events/{eid}", json={"fatalities": 4}, headers={"X-CSRF-Token": theirs}).status_code == 403
    # a cookie an attacker planted (from a sibling site or port), with a header to match
    planted = TestClient(create_app(users_store))
    cookie = f"sitrep_session={first.cookies['sitrep_session']}; sitrep_csrf=planted"
    r = planted.patch(f"/api/events/{eid}", json={"fatalities": 4}, headers={"Cookie": cookie, "X-CSRF-Token": "planted"})
    assert r.status_code == 403
    assert first.patch(f"/api/events/{eid}", json={"fatalities": 4}, headers={"X-CSRF-Token": mine}).status_code == 200


def test_logout_needs_the_csrf_token(users_store):
    client = _session_client(users_store)
    session = client.cookies["sitrep_session"]
    assert client.post("/api/logout").status_code == 403  # a cross-port form post has no token
    assert users_store.user_for_token(session) == {"name": "ana", "role": "analyst"}
    assert client.post("/api/logout", headers={"X-CSRF-Token": client.cookies["sitrep_csrf"]}).status_code == 200
    assert users_store.user_for_token(session) is None


def test_hostile_login_bodies_and_csrf_headers_get_4xx(users_store):
    client = TestClient(create_app(users_store), raise_server_exceptions=False)
    raw = {"Content-Type": "application/json"}
    for body in (b'{"name": "\\ud800", "password": "\\udfff"}', b'{"name": "a\\u0000b", "password": "x"}',
                 b'{"name": ["ana"], "password": {"x": 1}}', b'{"name": "ana", "password": "\\ud800"}'):
        assert client.post("/api/login", content=body, headers=raw).status_code == 401, body
    session = _session_client(users_store)
    eid = users_store.events()[0]["id"]
    r = session.patch(f"/api/events/{eid}", json={"fatalities": 1}, headers={"X-CSRF-Token": "é".encode()})
    assert r.status_code == 403
    token = {"Authorization": f"Bearer {users_store.new_token('ana')}", **raw}
    r = client.patch(f"/api/events/{eid}", content=b'{"location": "Hit\\ud800"}', headers=token)
    assert r.status_code == 422 and "location must be valid Unicode" in r.json()["detail"]


def test_an_unknown_name_takes_as_long_as_a_wrong_password(users_store):
    client = TestClient(create_app(users_store))

    def timed(name):
        t = time.perf_counter()
        assert _login(client, "", name, "not the password").status_code == 401
        return time.perf_counter() - t

    # the fastest of several tries: the hash's cost is the floor, a loaded machine only adds to it
    known = min(timed("ana") for _ in range(5))
    unknown = min(timed(f"nobody{i}") for i in range(5))
    long_name = min(timed("x" * 5000) for _ in range(3))
    assert unknown > 0.5 * known and long_name > 0.5 * known, (known, unknown, long_name)


# -- 4xx for any query value ---------------------------------------------------------------

HOSTILE_VALUES = ["", "0", "-1", "1.5", str(2**63), str(2**31), "9" * 40, "1e400", "nan", "inf", "-inf",
                  "x" * 60_000, "a\x00b", "\x00", "0001-01-01", "9999-12-31", "2019-02-30", "'; DROP TABLE events;--",
                  "%", "_", "\\", "\u202e", "😀", "1|2", "|", f"{2**63}|1", f"1|{2**63}", "1e400|5",
                  "2019-07-07|99999999999999999999", "nan|1", "-event_date", "1,2,3,4", "1,2,3,nan",
                  "-200,-100,200,100"]
COMMON = ["since", "until", "type", "actor", "country", "admin1", "text", "bbox", "review_status", "min_fatalities"]
ENDPOINTS = {
    "/api/events": COMMON + ["limit", "cursor", "sort"],
    "/api/events.csv": COMMON + ["limit", "cursor"],
    "/api/events.geojson": COMMON + ["zoom"],
    "/api/actors": COMMON + ["limit"],
    "/api/places": COMMON + ["limit"],
    "/api/stats": COMMON + ["by"],
    "/api/stories": COMMON + ["limit"],
    "/api/trends": COMMON + ["by", "as_of", "weeks"],
    "/api/provinces.geojson": ["country"],
    "/api/history": ["format", "limit", "cursor"],
}
PATHS = ["/api/events/{}", "/api/events/{}/history", "/api/articles/{}"]


SHARP = ["0", str(2**63), "1e400", "nan", "x" * 60_000, "a\x00b", "0001-01-01", "9999-12-31", "%_\\",
         f"1|{2**63}", "1,2,3,nan", "😀"]  # for endpoints beyond /api/events, which parse the same filters


async def _server_errors(app) -> list[tuple]:
    """Every hostile value in every query parameter (and path id): the requests answered 5xx."""
    errors = []
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
        for path, names in ENDPOINTS.items():
            for name in names:
                for value in HOSTILE_VALUES if path == "/api/events" or name not in COMMON else SHARP:
                    r = await client.get(path, params={name: value})
                    if r.status_code >= 500:
                        errors.append((path, name, value[:30], r.status_code))
        for template in PATHS:
            for value in HOSTILE_VALUES:
                r = await client.get(template.format(quote(value, safe="")))
                if r.status_code >= 500:
                    errors.append((template, value[:30], r.status_code))
    return errors


def test_no_query_value_gives_a_server_error(db_url):
    import asyncio

    store = Store(db_url)
    _fill(store, 3)
    errors = asyncio.run(_server_errors(create_app(store)))
    client = TestClient(create_app(store))
    assert errors == []
    assert client.get("/api/events", params={"min_fatalities": str(2**63)}).json()["detail"][0]["loc"] == [
        "query", "min_fatalities"]
    assert "NUL" in client.get("/api/events", params={"actor": "a\x00b"}).json()["detail"]
    assert "'text' is longer" in client.get("/api/events", params={"text": "x" * 60_000}).json()["detail"]
    assert client.get("/api/trends", params={"as_of": "0001-01-01"}).status_code == 400
    assert client.get("/api/events", params={"sort": "id", "cursor": f"1|{2**63}"}).status_code == 400
    assert client.get(f"/api/events/{2**63}").status_code == 422


# -- validation of analyst edits -------------------------------------------------------------

BAD_EDITS = [
    {"latitude": 999}, {"latitude": -90.5}, {"longitude": 180.01}, {"latitude": True}, {"latitude": "33"},
    {"fatalities": True}, {"fatalities": -1}, {"fatalities": 1.5}, {"fatalities": "3"},
    {"fatalities": 2**40}, {"injured": False}, {"abducted": None}, {"location": "x" * 200_000},
    {"location": 5}, {"actor1": "a" * 301}, {"actor1": "IS\x00"}, {"notes": "n" * 10_001}, {"admin1": ["Anbar"]},
    {"time_precision": True}, {"time_precision": 0}, {"time_precision": 4}, {"time_precision": 1.0},
    {"geo_precision": 4}, {"inter1": True}, {"inter1": 9}, {"inter2": "7"}, {"event_date": "2019-13-01"},
    {"event_date": "0001-01-01"}, {"event_date": 20190707}, {"iso": "iraq"}, {"iso": "iq"},
    {"civilian_targeting": "yes"}, {"sub_event_type": ["Attack"]}, {"event_type": 3},
    {"fatalities": 3, "_note": "x" * 2001},
]


def test_every_editable_field_is_validated(users_store):
    client = TestClient(create_app(users_store))
    h = {"Authorization": f"Bearer {users_store.new_token('ana')}"}
    eid = users_store.events()[0]["id"]
    before = users_store.event(eid)
    for change in BAD_EDITS:
        r = client.patch(f"/api/events/{eid}", json=change, headers=h)
        assert r.status_code == 422, (change, r.status_code)
        field = next(iter(change)) if "_note" not in change else "note"
        assert field in r.json()["detail"], (change, r.json())
    assert client.patch(f"/api/events/{eid}", json={"location": "x" * 2_000_000}, headers=h).status_code == 413
    nan = client.patch(f"/api/events/{eid}", content=b'{"latitude": NaN}', headers={**h, "Content-Type": "application/json"})
    assert nan.status_code == 422 and "latitude" in nan.json()["detail"]
    assert users_store.event(eid) == before and users_store.history(eid) == []
    good = {"latitude": -90, "longitude": 180.0, "fatalities": 0, "geo_precision": None, "inter2": None,
            "event_date": "2019-07-08", "iso": "SY", "location": "Hīt", "notes": "line one\nline two"}
    r = client.patch(f"/api/events/{eid}", json=good, headers=h)
    assert r.status_code == 200 and r.json()["event"]["latitude"] == -90 and r.json()["event"]["iso"] == "SY"


def test_merge_needs_a_whole_event_id(users_store):
    client = TestClient(create_app(users_store))
    h = {"Authorization": f"Bearer {users_store.new_token('ana')}"}
    first, second = (e["id"] for e in users_store.events()[:2])
    for other in (second + 0.9, True, str(second), 2**63, None, [second]):
        r = client.post(f"/api/events/{first}/merge", json={"other": other}, headers=h)
        assert r.status_code == 422 and "other" in r.json()["detail"], other
    assert users_store.event(second)["review_status"] == "unreviewed"
    assert client.post(f"/api/events/{first}/merge", json={"other": second}, headers=h).status_code == 200


# -- exports ---------------------------------------------------------------------------------

FORMULAS = {"actor1": "=HYPERLINK(\"http://x\",\"y\")", "actor2": "+1+1", "location": "-2+3", "admin1": "@SUM(A1)",
            "admin2": "\tcmd", "notes": "\r=1"}


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(db_url):
    import csv
    import io

    store = Store(db_url)
    store.add(Article(id="f1", text="A report.", published=dt.date(2019, 7, 9)),
              [_event("f1", longitude=-3.5, latitude=-12.25, **FORMULAS)])
    client = TestClient(create_app(store))
    row = next(csv.DictReader(io.StringIO(client.get("/api/events.csv").text)))
    for field, value in FORMULAS.items():
        assert row[field] == "'" + value, field
    assert row["longitude"] == "-3.5" and row["latitude"] == "-12.25"  # numbers stay numbers
    eid = store.events()[0]["id"]
    store.edit_event(eid, {"actor1": "@cmd"}, "ana", note="=WEBSERVICE(1)")
    history = list(csv.reader(io.StringIO(client.get("/api/history", params={"format": "csv"}).text)))
    assert history[1][6:] == ["'" + FORMULAS["actor1"], "'@cmd", "'=WEBSERVICE(1)"]


def test_viewers_export_in_capped_pages_analysts_everything(users_store, monkeypatch):
    import sitrep.web.app as web

    monkeypatch.setattr(web, "CSV_CAP", 3)
    client = TestClient(create_app(users_store))
    pages = []
    calls = []
    real = users_store.events
    monkeypatch.setattr(users_store, "events", lambda f=None: calls.append(f.limit) or real(f))
    viewer = {"Authorization": f"Bearer {users_store.new_token('vic')}"}
    params: dict = {}
    while True:
        r = client.get("/api/events.csv", params=params, headers=viewer)
        pages.append(r.text.splitlines()[1:])
        assert r.headers["x-row-cap"] == "3"
        if "x-next-cursor" not in r.headers:
            break
        params = {"cursor": r.headers["x-next-cursor"]}
    assert [len(p) for p in pages] == [3, 3, 1]
    dates = [line.split(",")[1] for p in pages for line in p]
    assert dates == [f"2019-07-0{i}" for i in range(7, 0, -1)]  # newest first, each once
    assert calls and None not in calls and max(calls) <= 500  # read a page at a time
    fifty = client.get("/api/events.csv", params={"limit": 50}, headers=viewer)
    assert len(fifty.text.splitlines()) == 4 and fifty.headers["x-row-cap"] == "3"
    two = client.get("/api/events.csv", params={"limit": 2}, headers=viewer)
    assert len(two.text.splitlines()) == 3 and "x-row-cap" not in two.headers and "x-next-cursor" in two.headers
    analyst = {"Authorization": f"Bearer {users_store.new_token('ana')}"}
    assert client.get("/api/events.csv", params={"cursor": "soon|1"}, headers=analyst).status_code == 400
    everything = client.get("/api/events.csv", headers=analyst)
    assert len(everything.text.splitlines()) == 8 and "x-next-cursor" not in everything.headers


def test_places_and_stories_take_capped_limits(db_url):
    store = Store(db_url)
    _fill(store)
    client = TestClient(create_app(store))
    places = client.get("/api/places", params={"limit": 2}).json()["places"]
    assert [(p["location"], p["events"]) for p in places] == [("Ramadi", 3), ("Basra", 2)]
    assert len(client.get("/api/places").json()["places"]) == 3
    assert client.get("/api/places", params={"limit": 5001}).status_code == 422
    assert len(client.get("/api/stories", params={"limit": 4}).json()["stories"]) == 4
    assert len(client.get("/api/stories").json()["stories"]) == 7
    assert client.get("/api/stories", params={"limit": 1001}).status_code == 422
    assert len(store.stories(limit=None, scan=2)) == 2  # only the newest events are read


def test_history_comes_in_pages_of_a_capped_size(db_url, monkeypatch):
    import csv
    import io

    import sitrep.web.app as web

    monkeypatch.setattr(web, "HISTORY_PAGE", 3)
    monkeypatch.setattr(web, "HISTORY_CAP", 5)
    store = Store(db_url)
    _fill(store, 3)
    for i, e in enumerate(store.events() * 3):  # 9 changes
        store.edit_event(e["id"], {"fatalities": 10 + i}, "ana", note=f"change {i}")
    every = [h["id"] for h in store.all_history()]
    assert len(every) == 9
    asked = []
    real = store.all_history
    monkeypatch.setattr(store, "all_history", lambda **kw: asked.append(kw["limit"]) or real(**kw))
    client = TestClient(create_app(store))
    pages, params = [], {}
    while True:
        body = client.get("/api/history", params=params).json()
        pages.append([h["id"] for h in body["history"]])
        if body["next_cursor"] is None:
            break
        params = {"cursor": body["next_cursor"]}
    assert pages == [every[0:3], every[3:6], every[6:9]]  # oldest first, each once, then the end
    assert asked and all(n is not None and n <= 6 for n in asked)  # never the whole table
    assert len(client.get("/api/history", params={"limit": 5}).json()["history"]) == 5
    last = client.get("/api/history", params={"cursor": every[-1]}).json()
    assert last == {"history": [], "next_cursor": None}
    # CSV: the same pages, the next one named in X-Next-Cursor
    first = client.get("/api/history", params={"format": "csv", "limit": 2})
    rows = list(csv.reader(io.StringIO(first.text)))
    assert [int(r[0]) for r in rows[1:]] == every[:2] and first.headers["x-next-cursor"] == str(every[1])
    rest = client.get("/api/history", params={"format": "csv", "limit": 5, "cursor": first.headers["x-next-cursor"]})
    assert [int(r[0]) for r in list(csv.reader(io.StringIO(rest.text)))[1:]] == every[2:7]
    tail = client.get("/api/history", params={"format": "csv", "cursor": every[6]})
    assert "x-next-cursor" not in tail.headers and len(tail.text.splitlines()) == 3
    for bad in ({"limit": 6}, {"limit": 0}, {"limit": -1}, {"limit": "x"}, {"limit": str(2**63)},
                {"cursor": -1}, {"cursor": str(2**63)}, {"cursor": "1|2"}, {"cursor": "1.5"}, {"format": "xml"}):
        r = client.get("/api/history", params=bad)
        assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == next(iter(bad)), bad


# -- alerts and tiles ------------------------------------------------------------------------

def test_alert_targets_are_shown_to_admins_only(users_store):
    users_store.add_area("Anbar", {"admin1": "Al Anbar", "webhook": "https://hooks.example.org/T0/secret-path",
                                   "secret": "s3cret", "email": "desk@example.org"})
    client = TestClient(create_app(users_store))
    seen = {}
    for name in ("vic", "ana", "root"):
        h = {"Authorization": f"Bearer {users_store.new_token(name)}"}
        r = client.get("/api/alerts", headers=h)
        seen[name] = r.json()["areas"][0]["spec"]
        assert "s3cret" not in r.text
    for name in ("vic", "ana"):
        assert seen[name] == {"admin1": "Al Anbar", "channels": ["webhook", "email"]}
    assert seen["root"]["webhook"].startswith("https://hooks.example.org/") and seen["root"]["email"] == "desk@example.org"


def test_tile_hosts_come_from_the_configuration_only(db_url):
    store = Store(db_url)
    client = TestClient(create_app(store, tiles="https://{s}.tile.example.org/{z}/{x}/{y}.png"))
    csp = client.get("/").headers["content-security-policy"]
    assert "img-src 'self' data: https://*.tile.example.org;" in csp
    assert "params.get(\"tiles\")" not in client.get("/static/map.js").text
    plain = TestClient(create_app(store)).get("/").headers["content-security-policy"]
    assert "img-src 'self' data:;" in plain
    with pytest.raises(ValueError, match="tiles must be an http"):
        create_app(store, tiles="javascript:alert(1)")
