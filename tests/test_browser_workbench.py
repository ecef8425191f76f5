"""The analyst's workbench in a real Chromium (Playwright) against a real server: review that
keeps exports honest, stale and failed requests, filters, the event panel and review tools."""

import csv
import datetime as dt
import io

import pytest

from sitrep.model import Article, Event
from sitrep.store import Store
from sitrep.web.app import create_app
from test_browser import _login, _serving, _wait_until, page  # noqa: F401  (page is a fixture)


def _event(article_id, **kw):
    base = {"article_id": article_id, "event_date": dt.date(2019, 7, 7), "time_precision": 1,
            "event_type": "Violence against civilians", "sub_event_type": "Attack",
            "actor1": "Islamic State (Iraq)", "inter1": 2, "actor2": "Civilians (Iraq)", "inter2": 7,
            "civilian_targeting": "Civilian targeting", "country": "Iraq", "iso": "IQ", "admin1": "Al Anbar",
            "admin2": "Hit", "location": "Hit", "latitude": 33.64, "longitude": 42.83, "geo_precision": 1,
            "fatalities": 2, "injured": 4, "confidence": 0.5,
            "notes": "On 7 July 2019, Islamic State (Iraq) attacked Civilians (Iraq) in Hit."}
    base.update(kw)
    return Event(**base)


def _fill(store):
    store.add(Article(id="a1", text="Gunmen killed two shepherds near Hit on Sunday.", title="Shepherds killed",
                      url="https://news.example.org/a1", published=dt.date(2019, 7, 9), source="Wire"), [_event("a1")])
    store.add(Article(id="a2", text="An IED hit a patrol near Tarmiyah.", title="Patrol hit",
                      url="javascript:alert(1)", published=dt.date(2019, 7, 4), source="Local"),
              [_event("a2", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                      actor1="Unidentified Armed Group (Iraq)", inter1=3, actor2="Military Forces of Iraq (2014-)",
                      inter2=1, civilian_targeting="", location="Tarmiyah", admin1="Baghdad", admin2="",
                      latitude=33.67, longitude=44.39, event_date=dt.date(2019, 7, 3), fatalities=5)])
    store.add(Article(id="a3", text="Two shepherds were shot near Hit, a second outlet said.", title="Hit shooting",
                      published=dt.date(2019, 7, 9), source="Other"),
              [_event("a3", latitude=33.66, longitude=42.85, confidence=0.1)])
    store.add(Article(id="a4", text="Protesters marched in Basra.", published=dt.date(2019, 7, 6), source="Local"),
              [_event("a4", event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Iraq)",
                      inter1=6, actor2="", inter2=None, civilian_targeting="", location="Basra", admin1="Basrah",
                      admin2="", latitude=30.5, longitude=47.8, event_date=dt.date(2019, 7, 5), fatalities=0)])
    store.add(Article(id="a5", text="Clashes in Aleppo.", published=dt.date(2019, 7, 6), source="Wire"),
              [_event("a5", event_type="Battles", sub_event_type="Armed clash", actor1="Military Forces of Syria (2000-)",
                      inter1=1, actor2="Hayat Tahrir al Sham", inter2=2, civilian_targeting="", country="Syria",
                      iso="SY", location="Aleppo", admin1="Aleppo", admin2="", latitude=36.2, longitude=37.16,
                      event_date=dt.date(2019, 7, 6), fatalities=7)])
    return {e["article_id"]: e["id"] for e in store.events()}


@pytest.fixture()
def server(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'wb.db'}")
    ids = _fill(store)
    store.add_user("ana", "analyst", "correct horse")
    with _serving(create_app(store)) as url:
        yield url, store, ids


def _loaded(pg):
    _wait_until(pg, "['ready', 'empty'].includes(document.getElementById('status').dataset.state)")


def _filter(pg, **values):
    for name, value in values.items():
        pg.fill(f"#filters input[name={name}]", str(value))
    pg.click("#filters button[type=submit]")
    _loaded(pg)


def _csv(pg, url):
    text = pg.request.get(url + pg.get_attribute("#csv", "href")).text()
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_review_in_the_browser_keeps_the_map_and_the_export_honest(backend, tmp_path, page, request):  # noqa: F811
    db = f"sqlite:///{tmp_path / 'honest.db'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    store = Store(db)
    ids = _fill(store)
    store.add_user("ana", "analyst", "correct horse")
    with _serving(create_app(store)) as url:
        _login(page, url)
        _loaded(page)
        assert page.inner_text("#status") == "5 events · 16 fatalities"
        # a location edit: the gazetteer gives the coordinates and provinces, the notes follow
        page.goto(url + f"/?event={ids['a1']}")  # a permalink opens the event
        page.wait_for_selector("#review select[name=sub_event_type]")
        page.fill("#review input[name=location]", "Ramadi")
        page.fill("#review input[name=_note]", "the hospital is in Ramadi")
        page.click("#review button[name=save]")
        page.wait_for_selector("#review-status:has-text('Saved.')")
        fields = page.inner_text("#fields")
        assert "33.42" in fields and "43.3" in fields and "Al Anbar" in fields
        assert "Ramadi (Al Anbar)" in page.inner_text("#notes") and "Hit" not in page.inner_text("#notes")
        assert "note: the hospital is in Ramadi" in page.inner_text("#history")
        row = next(r for r in _csv(page, url) if r["event_id_cnty"] == f"IQ{ids['a1']}")
        assert (row["location"], row["admin2"], row["review_status"]) == ("Ramadi", "", "edited")
        assert "Ramadi" in row["notes"]

        # a point placed on the map: its province comes from the map
        page.click("#review button[name=place]")
        point = page.evaluate("(() => { const p = map.latLngToContainerPoint([30.55, 47.75]);"
                              " const r = document.getElementById('map').getBoundingClientRect();"
                              " return [r.left + p.x, r.top + p.y]; })()")
        page.mouse.click(point[0], point[1])
        assert page.input_value("#review input[name=latitude]").startswith("30.5")
        page.click("#review button[name=save]")
        page.wait_for_selector("#review-status:has-text('Saved.')")
        assert "Basrah" in page.inner_text("#fields")

        # rejecting asks first, then the event leaves the map and the export
        page.goto(url + f"/?event={ids['a2']}")
        page.wait_for_selector("#review button[name=reject]")
        page.click("#review button[name=reject]")
        assert "Reject event" in page.inner_text("#confirm")
        page.click("#confirm button[name=cancel]")
        assert store.event(ids["a2"])["review_status"] == "unreviewed"
        page.click("#review button[name=reject]")
        page.click("#confirm button[name=confirm]")
        page.wait_for_selector("#panel .notice:has-text('Rejected')")
        _wait_until(page, "document.getElementById('status').textContent === '4 events · 11 fatalities'")
        assert {r["review_status"] for r in _csv(page, url)} == {"unreviewed", "edited"}
        page.check("#filters input[name=include_rejected]")
        page.click("#filters button[type=submit]")
        _wait_until(page, "document.getElementById('status').textContent === '5 events · 16 fatalities'")
        assert "rejected" in {r["review_status"] for r in _csv(page, url)}

        # a duplicate merged away meanwhile cannot be accepted: the error says so in words
        page.goto(url + f"/?event={ids['a3']}")
        page.wait_for_selector("#review button[name=accept]")
        store.merge_events(ids["a4"], ids["a3"], "someone else")
        page.click("#review button[name=accept]")
        page.wait_for_selector("#review-status.error")
        assert page.inner_text("#review-status") == (
            f"Not possible: event {ids['a3']} is a duplicate merged into event {ids['a4']} and cannot be accepted; "
            f"review event {ids['a4']} instead")
        page.goto(url + f"/?event={ids['a3']}")
        page.wait_for_selector("#merged-notice")
        assert page.locator("#review button[name=accept]").count() == 0
        assert store.event(ids["a3"])["review_status"] == "merged"
        assert page.evaluate("window.cspViolations") == []


def test_a_slow_answer_to_an_older_filter_never_replaces_the_newer_one(server, page):  # noqa: F811
    url, store, ids = server
    _login(page, url)
    _loaded(page)
    held, failed = [], []
    page.on("requestfailed", lambda r: failed.append(r.url))

    def hold_battles(route):
        if "type=Battles" in route.request.url:
            held.append(route)  # answered only later
        else:
            route.continue_()

    page.route("**/api/events.geojson*", hold_battles)
    page.select_option("#filters select[name=type]", ["Battles"])
    page.click("#filters button[type=submit]")
    _wait_until(page, "document.getElementById('status').dataset.state === 'loading'")
    assert page.inner_text("#status") == "Loading…"
    page.select_option("#filters select[name=type]", ["Protests"])
    page.click("#filters button[type=submit]")
    _loaded(page)
    assert held and page.evaluate("features.map(f => f.properties.event_type)") == ["Protests"]
    for route in held:
        try:
            route.continue_()
        except Exception:  # the page cancelled it already
            pass
    page.wait_for_timeout(500)
    assert page.evaluate("features.map(f => f.properties.event_type)") == ["Protests"]
    assert page.inner_text("#status") == "1 events · 0 fatalities"
    assert "type=Protests" in page.url
    assert any("type=Battles" in u for u in failed)  # the stale request was cancelled (AbortController)


def test_an_unreachable_server_a_failing_server_and_an_empty_result_are_said_in_words(server, page):  # noqa: F811
    url, store, ids = server
    _login(page, url)
    _loaded(page)
    assert page.evaluate("features.length") == 5
    page.route("**/api/**", lambda route: route.abort("connectionrefused"))
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#status.error")
    assert page.inner_text("#status").startswith("Server unreachable:")
    assert page.evaluate("features.length") == 0  # the old answer is not left standing as if current
    page.unroute("**/api/**")
    page.route("**/api/events.geojson*", lambda route: route.fulfill(status=500, body="boom"))
    page.click("#filters button[type=submit]")
    _wait_until(page, "document.getElementById('status').textContent.startsWith('The server failed (error 500)')")
    page.unroute("**/api/events.geojson*")
    _filter(page, min_fatalities=999)
    assert page.inner_text("#status") == "0 events match these filters"
    assert page.get_attribute("#status", "data-state") == "empty"
    assert page.evaluate("features.length") == 0


def test_every_filter_of_the_api_is_in_the_form_and_the_url(server, page):  # noqa: F811
    url, store, ids = server
    store.review_event(ids["a4"], "reject", "ana")
    _login(page, url)
    _loaded(page)
    assert page.evaluate("features.length") == 4  # the rejected protest is not on the map
    page.select_option("#filters select[name=type]", ["Battles", "Remote explosive/landmine/IED"])
    page.click("#filters button[type=submit]")
    _loaded(page)
    assert sorted(page.evaluate("features.map(f => f.properties.sub_event_type)")) == [
        "Armed clash", "Remote explosive/landmine/IED"]
    assert "type=Battles%2CRemote" in page.url
    page.reload()  # the view survives a reload: the form is read back from the URL
    _loaded(page)
    assert page.evaluate("[...document.querySelector('#filters select[name=type]').selectedOptions].length") == 2
    page.select_option("#filters select[name=type]", [])
    _filter(page, country="Syria")
    assert page.evaluate("features.map(f => f.properties.location)") == ["Aleppo"]
    page.fill("#filters input[name=country]", "")
    _filter(page, min_fatalities=3)
    assert sorted(page.evaluate("features.map(f => f.properties.location)")) == ["Aleppo", "Tarmiyah"]
    page.fill("#filters input[name=min_fatalities]", "")
    page.select_option("#filters select[name=review_status]", "rejected")
    page.click("#filters button[type=submit]")
    _loaded(page)
    assert page.evaluate("features.map(f => f.properties.location)") == ["Basra"]
    page.click("#reset")
    _loaded(page)
    assert page.evaluate("features.length") == 4 and "review_status" not in page.url

    # actor search over names and aliases
    page.fill("#filters input[name=actor]", "Daesh")
    page.wait_for_selector("#actor-suggest button")
    assert page.locator("#actor-suggest button").all_inner_texts() == ["Islamic State (Iraq) (as “daesh”)"]
    page.click("#actor-suggest button")
    _wait_until(page, "location.search.includes('actor=Islamic+State')")
    _loaded(page)
    assert sorted(page.evaluate("features.map(f => f.properties.location)")) == ["Hit", "Hit"]


def test_the_panel_shows_every_field_with_its_meaning_and_links_sources_safely(server, page):  # noqa: F811
    url, store, ids = server
    store.add_user("vic", "viewer", "battery staple")
    page.goto(url + "/")
    page.fill("#login input[name=name]", "vic")
    page.fill("#login input[name=password]", "battery staple")
    page.click("#login button[type=submit]")
    page.wait_for_selector("#user-name")
    page.goto(url + f"/?event={ids['a1']}")
    page.wait_for_selector("#fields")
    fields = dict(zip(page.locator("#fields dt").all_inner_texts(), page.locator("#fields dd").all_inner_texts()))
    assert fields["latitude, longitude"] == "33.64, 42.83" and fields["injured"] == "4"
    assert fields["inter 1"] == "2: Rebel groups" and fields["inter 2"] == "7: Civilians"
    assert fields["civilian targeting"] == "Civilian targeting" and fields["admin 2"] == "Hit"
    assert fields["geo precision"] == "1: the town itself" and fields["time precision"] == "1: the exact day"
    assert fields["interaction"] == "27" and fields["disorder type"] == "Political violence"
    link = page.locator("#sources a.source-link")
    assert link.get_attribute("href") == "https://news.example.org/a1"
    assert link.get_attribute("rel") == "noopener noreferrer" and link.get_attribute("target") == "_blank"
    assert page.locator("#review").count() == 0  # a viewer reads, never edits
    assert page.locator(".leaflet-control-scale-line").count() == 1  # the map has a metric scale bar
    page.goto(url + f"/?event={ids['a2']}")
    page.wait_for_selector("#sources p:has-text('Patrol hit')")
    assert page.locator("#sources a").count() == 0  # a javascript: address is never a link
    assert page.dialogs == []


def test_accept_and_next_the_user_indicator_and_logout(server, page):  # noqa: F811
    url, store, ids = server
    _login(page, url)
    page.wait_for_selector("#user-name")
    assert page.inner_text("#user-name") == "ana (analyst)"
    page.click("#queue-link")
    page.wait_for_selector("#queue li a")
    page.locator("#queue li a").first.click()  # the least confident: a3
    page.wait_for_selector(f"#event-id:has-text('event {ids['a3']}')")
    page.click("#review button[name=accept-next]")
    page.wait_for_selector(f"#event-id:not(:has-text('event {ids['a3']}'))")
    assert store.event(ids["a3"])["review_status"] == "accepted"
    assert "unreviewed" in page.inner_text("#fields")
    page.click("#logout")
    page.wait_for_selector("#login")
    assert page.inner_text("#user") == "Log in"
    assert page.request.get(url + "/api/me").status == 401


def test_the_table_of_events_in_view_sorts_pages_and_opens_the_panel(server, page):  # noqa: F811
    url, store, ids = server
    _login(page, url)
    _loaded(page)
    page.click("#table-toggle")
    page.wait_for_selector("#events-table tbody tr[data-id]")
    assert page.locator("#events-table tbody tr").count() == 5  # every event in view, newest first
    assert page.locator("#events-table tbody tr td:nth-child(2)").first.inner_text() == "2019-07-07"
    page.click("#events-table th button[data-sort=fatalities]")
    _wait_until(page, "document.querySelector('#events-table tbody tr td:nth-child(6)').textContent === 'Aleppo'")
    page.evaluate("TABLE_PAGE = 2")
    page.click("#events-table th button[data-sort=fatalities]")  # ascending now, two a page
    _wait_until(page, "document.querySelectorAll('#events-table tbody tr').length === 2")
    assert page.locator("#events-table tbody td:nth-child(9)").all_inner_texts() == ["0", "2"]
    page.click("#table-next")
    _wait_until(page, "document.getElementById('table-page').textContent === 'page 2'")
    page.click("#table-next")
    _wait_until(page, "document.getElementById('table-page').textContent === 'page 3'")
    assert page.locator("#events-table tbody td:nth-child(9)").all_inner_texts() == ["7"]
    assert page.is_disabled("#table-next")
    page.click("#table-prev")
    _wait_until(page, "document.getElementById('table-page').textContent === 'page 2'")
    page.locator("#events-table tbody tr").first.click()
    page.wait_for_selector("#fields")
    assert f"event={page.locator('#events-table tbody tr').first.get_attribute('data-id')}" in page.url
    page.evaluate("map.setView([36.2, 37.16], 10, {animate: false})")  # only Aleppo in view
    page.click("#table-toggle")
    page.click("#table-toggle")
    _wait_until(page, "document.querySelectorAll('#events-table tbody tr[data-id]').length === 1")
    assert page.locator("#events-table tbody td:nth-child(6)").inner_text() == "Aleppo"
