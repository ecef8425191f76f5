"""The map page in a real Chromium (Debian's), driven by Playwright, against a real server."""

import base64
import contextlib
import datetime as dt
import http.server
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from sitrep.model import Article, Event, Evidence
from sitrep.store import Store
from sitrep.web.app import create_app

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _event(article_id, **kw):
    base = {"article_id": article_id, "event_date": dt.date(2019, 7, 7), "time_precision": 1,
            "event_type": "Violence against civilians", "sub_event_type": "Attack",
            "actor1": "Islamic State (Iraq)", "inter1": 2, "actor2": "Civilians (Iraq)", "inter2": 7,
            "country": "Iraq", "iso": "IQ", "admin1": "Al Anbar", "location": "Hit", "latitude": 33.64,
            "longitude": 42.83, "geo_precision": 1, "fatalities": 2, "notes": "On 7 July 2019, IS attacked."}
    base.update(kw)
    return Event(**base)


@pytest.fixture()
def server(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'web.db'}")
    text = "Gunmen killed two shepherds near Hit on Sunday. Police are searching the area."
    store.add(Article(id="a1", text=text, title="Shepherds killed", published=dt.date(2019, 7, 9), source="Wire"),
              [_event("a1", evidence=[Evidence("event_type", text[:47], 0, 47), Evidence("location", "Hit", 33, 36)])])
    store.add(Article(id="a2", text="An IED hit a patrol near Tarmiyah <script>alert(1)</script>.",
                      title="<img src=x onerror=alert(2)>", published=dt.date(2019, 7, 4), source="Local"),
              [_event("a2", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                      location="Tarmiyah", admin1="Baghdad", latitude=33.67, longitude=44.39,
                      event_date=dt.date(2019, 7, 3), notes="<b onmouseover=alert(3)>x</b>",
                      actor1="<script>alert(4)</script>")])
    store.add_user("ana", "analyst", "correct horse")
    with _serving(create_app(store)) as url:
        yield url, store


@contextlib.contextmanager
def _serving(app):
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=5)


@contextlib.contextmanager
def _tile_server():
    """A loopback HTTP server that records the paths asked of it and answers a 1x1 PNG."""
    asked: list[str] = []
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")

    class Tiles(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(png)))
            self.end_headers()
            self.wfile.write(png)

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}", asked
    finally:
        srv.shutdown()
        srv.server_close()


def _wait_until(page, expression, timeout=10.0):
    """Poll `expression` from outside the page: Playwright's wait_for_function evaluates its
    predicate with eval(), which the page's Content Security Policy rightly refuses."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        page.wait_for_timeout(50)


def _login(page, url):
    # the page's script must have run (and bound the form) before it is used: a loaded machine is slow
    page.goto(url + "/")
    page.wait_for_function("typeof map !== 'undefined'")
    page.fill("#login input[name=name]", "ana")
    page.fill("#login input[name=password]", "correct horse")
    page.click("#login button[type=submit]")


@pytest.fixture()
def page():
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is required for the browser tests: apt-get install chromium (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        pg = browser.new_page(viewport={"width": 1400, "height": 900})
        # anything the Content Security Policy blocks is recorded, so tests can say it is nothing
        pg.add_init_script("window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
                           " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));")
        dialogs = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.dialogs = dialogs
        yield pg
        browser.close()


def test_log_in_filter_open_edit_reload_and_see_the_audit_entry(server, page):
    url, store = server
    _login(page, url)
    page.wait_for_selector(".ev-marker")
    assert page.locator(".ev-marker").count() == 2
    page.wait_for_selector(".leaflet-boundaries-pane path", state="attached")
    page.wait_for_selector("#timeline g.bin")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map.png"))

    page.select_option("#filters select[name=type]", "Explosions/Remote violence")
    page.click("#filters button[type=submit]")
    _wait_until(page, "document.querySelectorAll('.ev-marker').length === 1")
    assert "type=Explosions" in page.url  # the view is in the URL, so it can be shared
    page.select_option("#filters select[name=type]", [])
    page.fill("#filters input[name=since]", "2019-07-05")
    page.click("#filters button[type=submit]")
    page.wait_for_selector('.ev-marker[data-type="Violence against civilians"]')  # the attack, not the bombing
    page.wait_for_load_state("networkidle")
    assert page.locator(".ev-marker").count() == 1

    page.locator(".ev-marker").first.dispatch_event("click")
    page.wait_for_selector("#review")
    assert "Attack" in page.inner_text("#panel h2")
    page.fill("#review input[name=fatalities]", "3")
    page.click("#review button[name=save]")
    page.wait_for_selector("#history li")

    page.reload()
    page.wait_for_selector(".ev-marker")
    page.locator(".ev-marker").first.dispatch_event("click")
    page.wait_for_selector("#history li")
    assert "fatalities: 2 → 3" in page.inner_text("#history")
    assert "ana edit" in page.inner_text("#history")
    assert page.evaluate("window.cspViolations") == []  # the page works under its own policy
    assert store.events()[1]["fatalities"] == 3 or store.events()[0]["fatalities"] == 3


def test_hostile_text_is_shown_as_text(server, page):
    url, store = server
    _login(page, url)
    page.wait_for_selector(".ev-marker")
    page.fill("#filters input[name=until]", "2019-07-04")
    page.click("#filters button[type=submit]")
    _wait_until(page, "location.search.includes('until=2019-07-04')")
    _ready(page)
    _wait_until(page, "document.querySelectorAll('.ev-marker').length === 1")
    page.wait_for_load_state("networkidle")
    page.locator('.ev-marker[data-type="Explosions/Remote violence"]').dispatch_event("click")
    page.wait_for_selector("#panel h2:has-text('Remote explosive')")
    page.wait_for_selector("#panel blockquote, #panel dl")
    text = page.inner_text("#panel")
    assert "<b onmouseover=alert(3)>x</b>" in text and "<img src=x onerror=alert(2)>" in text
    assert "<script>alert(4)</script>" in text  # an actor name
    assert page.locator("#panel b, #panel img").count() == 0
    assert page.dialogs == []


def test_article_view_marks_the_evidence_and_the_queue_lists_least_confident_first(server, page):
    url, store = server
    _login(page, url)
    page.wait_for_selector(".ev-marker")
    page.click("#queue-link")
    page.wait_for_selector("#queue li a")
    assert page.locator("#queue li").count() == 2
    page.locator("#queue li a").first.click()
    page.wait_for_selector("text=Read the article with the evidence marked")
    page.click("text=Read the article with the evidence marked")
    page.wait_for_selector("#article-text")
    assert page.locator("#article-text mark").count() >= 1
    assert page.locator("#article-text script").count() == 0


def test_split_then_merge_from_the_panel(server, page):
    url, store = server
    _login(page, url)
    page.wait_for_selector(".ev-marker")
    page.click("#queue-link")
    page.wait_for_selector("#queue li a")
    page.locator("#queue li a").first.click()
    page.wait_for_selector("#review button[name=split]")
    page.click("#review button[name=split]")
    page.wait_for_selector("#confirm button[name=confirm]")  # asked first
    assert "Split event" in page.inner_text("#confirm")
    page.click("#confirm button[name=confirm]")
    page.wait_for_selector("#review-status:has-text('Split off event')")
    new_id = page.inner_text("#review-status").split("event ")[1].rstrip(".")
    # the copy shares the day and the article: it is offered as a duplicate to merge, no id typed
    page.click(f"#duplicates button[name=merge][data-id='{new_id}']")
    page.click("#duplicates button[name=confirm]")
    page.wait_for_selector("#history li:has-text('merge')")
    assert store.event(int(new_id))["review_status"] == "merged"


def test_nearby_markers_cluster_when_zoomed_out_and_the_timeline_brush_filters(server, page):
    url, store = server
    _login(page, url)
    page.wait_for_selector(".ev-marker")
    page.wait_for_load_state("networkidle")
    page.evaluate("void map.setZoom(3, {animate: false})")
    page.wait_for_selector(".cluster")
    assert page.inner_text(".cluster") == "2" and page.locator(".ev-marker").count() == 0
    # the cluster's ring tells its types: half violence against civilians, half explosions
    ring = page.evaluate("[...document.querySelectorAll('.cluster .ring circle')].map(c => "
                         "[c.dataset.type, c.getAttribute('stroke'), c.dataset.count])")
    assert ring == [["Explosions/Remote violence", "#E69F00", "1"], ["Violence against civilians", "#CC79A7", "1"]]
    assert page.get_attribute(".cluster", "aria-label") == (
        "2 events (1 Explosions/Remote violence, 1 Violence against civilians): zoom in")
    _wait_until(page, "document.querySelectorAll('#timeline g.bin').length === 2")
    bars = page.locator("#timeline g.bin .hit")
    box_a, box_b = bars.nth(0).bounding_box(), bars.nth(1).bounding_box()
    page.mouse.move(box_a["x"] + 3, box_a["y"] + 3)
    page.mouse.down()
    page.mouse.move(box_b["x"] + 3, box_b["y"] + 3)
    page.mouse.up()
    _wait_until(page, "location.search.includes('since=2019-07-03') && location.search.includes('until=2019-07-07')")


def test_trends_and_alerts_panels(server, page):
    url, store = server
    store.add_area("Anbar", {"admin1": "Al Anbar", "webhook": "http://127.0.0.1:9/hook", "secret": "x"})
    _login(page, url)
    page.wait_for_selector("#timeline g.bin")
    page.click("#trends-link")
    page.wait_for_selector("#trends li")
    assert "Al Anbar" in page.inner_text("#trends") or "Baghdad" in page.inner_text("#trends")
    page.click("#alerts-link")
    page.wait_for_selector("#areas li")
    assert "Anbar: in Al Anbar" in page.inner_text("#areas")
    assert "secret" not in page.content()


def test_scheduled_reports_are_listed_in_the_alerts_panel(server, page):
    url, store = server
    store.add_schedule("iraq-weekly", {"scope": {"countries": ["Iraq"], "admin1": ["Al Anbar"]}, "every": "week",
                                       "email": "team@ngo.test", "webhook": "", "secret": "never-shown-secret",
                                       "allow_private": False, "title": "", "link": ""})
    _login(page, url)
    page.wait_for_selector(".ev-marker")
    page.click("#alerts-link")
    page.wait_for_selector("#report-schedules li")
    assert page.inner_text("#report-schedules") == "iraq-weekly: Iraq, Al Anbar, every week, by email"
    assert "never-shown-secret" not in page.content()


def test_changing_the_password_from_the_account_panel(server, page):
    url, store = server
    _login(page, url)
    page.wait_for_selector(".ev-marker")
    page.click("#account-link")
    page.fill("#password-form input[name=current]", "correct horse")
    page.fill("#password-form input[name=new]", "purple elephant")
    page.fill("#password-form input[name=again]", "purple elephantt")
    page.click("#password-form button[type=submit]")
    page.wait_for_selector("#password-form .error")
    page.fill("#password-form input[name=current]", "correct horse")
    page.fill("#password-form input[name=new]", "purple elephant")
    page.fill("#password-form input[name=again]", "purple elephant")
    page.click("#password-form button[type=submit]")
    page.wait_for_selector("text=Password changed")
    assert store.check_password("ana", "purple elephant") is not None
    page.reload()
    page.wait_for_selector(".ev-marker")  # still logged in with the new session


def test_tiles_load_from_the_configured_host_only(tmp_path, page):
    store = Store(f"sqlite:///{tmp_path / 'tiles.db'}")
    store.add(Article(id="a1", text="Gunmen killed two shepherds near Hit.", published=dt.date(2019, 7, 9)),
              [_event("a1")])
    with _tile_server() as (configured, asked), _tile_server() as (elsewhere, asked_elsewhere), \
            _serving(create_app(store, tiles=configured + "/{z}/{x}/{y}.png")) as url:
        page.goto(url + "/?tiles=" + elsewhere + "/{z}/{x}/{y}.png")
        page.wait_for_selector(".ev-marker")
        page.wait_for_selector("img.leaflet-tile-loaded")
        page.wait_for_load_state("networkidle")
        assert asked and all(p.endswith(".png") for p in asked)
        assert asked_elsewhere == []  # ?tiles= in a link someone sent does not choose the tile host
        assert page.evaluate("window.cspViolations") == []


def test_the_api_docs_render_from_this_server_alone(tmp_path, page):
    store = Store(f"sqlite:///{tmp_path / 'docs.db'}")
    with _serving(create_app(store)) as url:
        asked: list[str] = []
        page.on("request", lambda r: asked.append(r.url))
        page.goto(url + "/docs")
        page.wait_for_selector(".swagger-ui .opblock")  # Swagger UI ran and read the description
        page.wait_for_load_state("networkidle")
        assert page.inner_text(".swagger-ui .info .title").startswith("sitrep")
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        assert "/api/events" in paths and "/api/history" in paths
        page.locator(".opblock-summary", has_text="/api/history").first.click()  # open one operation
        page.wait_for_selector(".opblock.is-open .parameters")
        opened = page.locator(".opblock.is-open")
        assert all(name in opened.inner_text() for name in ("format", "limit", "cursor"))
        opened.locator("button.try-out__btn").click()  # and call the API from the page
        opened.locator("button.execute").click()
        page.wait_for_selector(".opblock.is-open .live-responses-table tr.response td.response-col_status")
        assert opened.locator(".live-responses-table tr.response td.response-col_status").first.inner_text().strip() == "200"
        assert page.evaluate("window.cspViolations") == []  # it works under the strict policy
        assert page.dialogs == []
    assert url + "/docs/openapi.json" in asked and any(u.startswith(url + "/api/history") for u in asked)
    elsewhere = [u for u in asked if not u.startswith(url + "/") and not u.startswith("data:")]
    assert elsewhere == []  # nothing from a CDN or any other host


def test_report_of_the_filters_and_view_opens_and_downloads(server, page):
    url, store = server
    _login(page, url)
    page.wait_for_selector(".ev-marker")
    page.fill("#filters input[name=since]", "2019-07-01")
    page.fill("#filters input[name=until]", "2019-07-10")
    page.click("#filters button[type=submit]")
    _wait_until(page, "document.getElementById('report-html').href.includes('from=2019-07-01')")
    href = page.get_attribute("#report-html", "href")
    assert "to=2019-07-10" in href and "bbox=" in href
    with page.context.expect_page() as opened:
        page.click("#report-html")
    report = opened.value
    report.wait_for_load_state("load")
    text = report.inner_text("body")
    assert "2 events and 4 fatalities in 1-10 July 2019" in text
    assert report.locator("img").count() == 3
    # the preview is a page of its own: the server lets it keep its inline styles and images
    report.close()
    with page.expect_download() as got:
        page.click("#report-pdf")
    pdf = got.value
    assert pdf.suggested_filename == "sitrep-report-2019-07-01..2019-07-10.pdf"
    with open(pdf.path(), "rb") as fh:
        assert fh.read(5) == b"%PDF-"
    assert page.evaluate("window.cspViolations") == []


# -- the workbench's timeline, history, accessibility and phone layout ----------------------------

@contextlib.contextmanager
def _store_serving(tmp_path, events):
    """A server over a store holding `events` (keyword dicts for _event), one article each."""
    store = Store(f"sqlite:///{tmp_path / 'wb.db'}")
    for i, kw in enumerate(events):
        store.add(Article(id=f"e{i}", text="A report.", published=kw.get("event_date", dt.date(2019, 7, 7))),
                  [_event(f"e{i}", **kw)])
    with _serving(create_app(store)) as url:
        yield url, store


def _ready(page):
    # the map has its answer: 30 s, as a machine shared with other work can be slow
    _wait_until(page, "['ready', 'empty'].includes(document.getElementById('status').dataset.state)"
                " && !document.getElementById('map').hasAttribute('aria-busy')", timeout=30)


def _view(page, lat, lon, zoom):
    """Set the map's view, again until it holds: a zoom animation still running (the map's fit to
    the events on a slow machine) would otherwise undo it."""
    for _ in range(100):
        page.evaluate(f"void map.setView([{lat}, {lon}], {zoom}, {{animate: false}})")
        page.wait_for_timeout(100)
        if page.evaluate(f"map.getZoom() === {zoom} && Math.abs(map.getCenter().lat - {lat}) < {720 / 2 ** (zoom + 8)}"):
            return
    raise AssertionError(f"the map would not go to {lat}, {lon} at zoom {zoom}")


def _bins(page):
    """The timeline's bins: key, x and width of the hit area, and the bars' colours and heights."""
    return page.evaluate("""[...document.querySelectorAll('#timeline g.bin')].map(g => {
        const hit = g.querySelector('.hit').getBBox();
        return {key: g.dataset.key, x: hit.x, width: hit.width, selected: g.classList.contains('selected'),
                bars: [...g.querySelectorAll('rect.bar')].map(b => [b.getAttribute('fill'), b.getBBox().height])};
    })""")


PROTEST = {"event_type": "Protests", "sub_event_type": "Peaceful protest", "fatalities": 0}


def test_the_timeline_has_a_date_axis_keeps_gaps_stacks_types_and_toggles_fatalities(tmp_path, page):
    from sitrep.report.figures import TYPE_COLOURS

    events = [{"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": dt.date(2019, 3, 12),
               "fatalities": 10}] + [{**PROTEST, "event_date": dt.date(2019, 5, 11)}] * 3 + [
        {"event_date": dt.date(2019, 5, 11), "fatalities": 1}]
    with _store_serving(tmp_path, events) as (url, store):
        page.goto(url + "/")
        _ready(page)
        assert page.inner_text("#timeline-caption") == "Events per day"
        bins = _bins(page)
        assert [b["key"] for b in bins] == ["2019-03-12", "2019-05-11"]
        # 12 March and 11 May are 60 days apart on the axis, not side by side
        assert abs((bins[1]["x"] - bins[0]["x"]) / bins[0]["width"] - 60) < 0.5
        labels = page.evaluate("[...document.querySelectorAll('#timeline .axis text')].map(t => t.textContent)")
        days = page.evaluate("[...document.querySelectorAll('#timeline .axis text')].map(t => t.dataset.day)")
        assert len(labels) >= 4 and days == sorted(days) and days[0] >= "2019-03-12" and days[-1] <= "2019-05-11"
        assert any("Apr" in x for x in labels) and any("May" in x for x in labels)
        # stacked by type in the map's (the reports') colours, heights by events
        may = dict(bins[1]["bars"])
        assert set(may) == {TYPE_COLOURS["Protests"], TYPE_COLOURS["Violence against civilians"]}
        assert abs(may[TYPE_COLOURS["Protests"]] / may[TYPE_COLOURS["Violence against civilians"]] - 3) < 0.01
        assert bins[0]["bars"][0][1] < may[TYPE_COLOURS["Protests"]]  # 1 event against 4
        page.click("#timeline-measure")  # bars by fatalities: 10 in March, 1 in May (the protests none)
        assert page.get_attribute("#timeline-measure", "aria-pressed") == "true"
        assert page.inner_text("#timeline-caption") == "Fatalities per day"
        bins = _bins(page)
        assert [c for c, _ in bins[1]["bars"]] == [TYPE_COLOURS["Violence against civilians"]]
        assert abs(bins[0]["bars"][0][1] / bins[1]["bars"][0][1] - 10) < 0.01

        # a click chooses that day: it is marked, the rest dimmed, and All dates resets
        assert page.is_disabled("#timeline-reset") and page.locator("#timeline .selection").count() == 0
        box = page.locator("#timeline g.bin[data-key='2019-03-12'] .hit").bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + 10)
        _wait_until(page, "location.search.includes('since=2019-03-12&until=2019-03-12')")
        _ready(page)
        assert page.input_value("#filters input[name=since]") == "2019-03-12"
        assert page.inner_text("#status") == "1 events · 10 fatalities"
        sel = page.locator("#timeline .selection").bounding_box()
        hit = page.locator("#timeline g.bin[data-key='2019-03-12'] .hit").bounding_box()
        assert sel["x"] <= hit["x"] + 1 and sel["x"] + sel["width"] >= hit["x"] + hit["width"] - 1
        assert [b["selected"] for b in _bins(page)] == [True, False]
        assert page.evaluate("getComputedStyle(document.querySelector("
                             "'#timeline g.bin[data-key=\"2019-05-11\"] rect.bar')).opacity") == "0.35"
        assert "chosen: 12 Mar 2019 to 12 Mar 2019" in page.inner_text("#timeline-caption")
        page.click("#timeline-reset")
        _wait_until(page, "!location.search.includes('since=')")
        _ready(page)
        assert page.locator("#timeline .selection").count() == 0
        assert page.inner_text("#status") == "5 events · 11 fatalities"


def test_at_ten_years_the_timeline_bins_by_month_and_a_click_hits_that_month(tmp_path, page):
    events = [{"event_date": dt.date(2010 + m // 12, m % 12 + 1, 1 + (m * 7) % 28), "fatalities": m % 5}
              for m in range(0, 120, 1)]
    with _store_serving(tmp_path, events) as (url, store):
        page.goto(url + "/")
        _ready(page)
        assert page.inner_text("#timeline-caption") == "Events per month"
        bins = _bins(page)
        assert len(bins) == 120 and all(b["width"] >= 5 for b in bins)
        assert all(a["x"] + a["width"] <= b["x"] + 0.01 for a, b in zip(bins, bins[1:]))  # no overlaps
        years = page.evaluate("[...document.querySelectorAll('#timeline .axis text')].map(t => t.textContent)")
        assert years[:3] == ["2010", "2011", "2012"] or years[:3] == ["2010", "2012", "2014"]
        for key, since, until in [("2015-03-01", "2015-03-01", "2015-03-31"), ("2012-02-01", "2012-02-01", "2012-02-29")]:
            box = page.locator(f"#timeline g.bin[data-key='{key}'] .hit").bounding_box()
            page.mouse.click(box["x"] + box["width"] - 1.5, box["y"] + 30)  # near the edge with the next month
            _wait_until(page, f"location.search.includes('since={since}&until={until}')")
            _ready(page)
            assert page.evaluate("features.length") == 1
        # a drag over three months chooses all three
        a = page.locator("#timeline g.bin[data-key='2016-01-01'] .hit").bounding_box()
        b = page.locator("#timeline g.bin[data-key='2016-03-01'] .hit").bounding_box()
        page.mouse.move(a["x"] + 1, a["y"] + 20)
        page.mouse.down()
        page.mouse.move(b["x"] + 2, b["y"] + 20, steps=4)
        page.mouse.up()
        _wait_until(page, "location.search.includes('since=2016-01-01&until=2016-03-31')")
        _ready(page)
        assert page.evaluate("features.length") == 3


def test_back_and_forward_bring_back_each_filter_to_the_form_map_and_timeline(server, page):
    url, store = server
    _login(page, url)
    _ready(page)
    assert page.evaluate("features.length") == 2
    page.select_option("#filters select[name=type]", "Explosions/Remote violence")
    page.click("#filters button[type=submit]")
    _wait_until(page, "features.length === 1")
    _ready(page)
    page.select_option("#filters select[name=type]", [])
    page.fill("#filters input[name=since]", "2019-07-05")
    page.click("#filters button[type=submit]")
    _wait_until(page, "location.search.includes('since=2019-07-05')")
    _ready(page)
    assert page.evaluate("features.map(f => f.properties.location)") == ["Hit"]

    page.go_back()  # the type filter again: the form, the markers and the timeline follow
    _wait_until(page, "location.search.includes('type=Explosions') && !location.search.includes('since')")
    _ready(page)
    assert page.evaluate("[...document.querySelector('#filters select[name=type]').selectedOptions]"
                         ".map(o => o.value)") == ["Explosions/Remote violence"]
    assert page.input_value("#filters input[name=since]") == ""
    assert page.evaluate("features.map(f => f.properties.location)") == ["Tarmiyah"]
    assert page.locator(".ev-marker").count() == 1
    assert page.evaluate("[...document.querySelectorAll('#timeline g.bin')].map(g => g.dataset.key)") == ["2019-07-03"]
    page.go_back()  # no filter at all
    _wait_until(page, "!location.search.includes('type=')")
    _ready(page)
    assert page.evaluate("features.length") == 2 and page.locator("#timeline g.bin").count() == 2
    page.go_forward()
    _wait_until(page, "location.search.includes('type=Explosions')")
    _ready(page)
    assert page.evaluate("features.map(f => f.properties.location)") == ["Tarmiyah"]
    page.go_forward()
    _wait_until(page, "location.search.includes('since=2019-07-05')")
    _ready(page)
    assert page.input_value("#filters input[name=since]") == "2019-07-05"
    assert page.evaluate("features.map(f => f.properties.location)") == ["Hit"]
    assert page.locator("#timeline .selection").count() == 1  # the chosen dates are marked again


# the WCAG contrast of every visible text against the backgrounds under it (blended down from
# the page), as the browser computed them
CONTRASTS = """() => {
  const rgba = c => { const p = c.match(/[\\d.]+/g).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = c => c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  const under = e => {
    const chain = []; for (let x = e; x; x = x.parentElement) chain.unshift(x);
    let bg = [255, 255, 255];
    for (const x of chain) { const c = rgba(getComputedStyle(x).backgroundColor); bg = bg.map((v, i) => c[i] * c[3] + v * (1 - c[3])); }
    return bg;
  };
  const out = [];
  for (const e of document.querySelectorAll('body *')) {
    if (e.closest('[hidden], select, script, style, title') || e.matches(':disabled') || !e.getClientRects().length) continue;
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const s = getComputedStyle(e);
    if (s.visibility === 'hidden' || s.display === 'none') continue;
    const svgText = e instanceof SVGElement;
    const fg = rgba(svgText ? s.fill : s.color), bg = under(svgText ? e.ownerSVGElement : e);
    const f = fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3]));
    const [a, b] = [lum(f), lum(bg)].sort((x, y) => y - x);
    out.push([e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined && e.className ? '.' + e.className : ''),
              e.textContent.trim().slice(0, 30), (a + 0.05) / (b + 0.05)]);
  }
  return out;
}"""


def test_types_have_colour_blind_safe_colours_and_shapes_a_legend_and_every_text_has_aa_contrast(tmp_path, page):
    from sitrep.report.figures import TYPE_COLOURS

    types = list(TYPE_COLOURS)
    subs = {"Battles": "Armed clash", "Explosions/Remote violence": "Air/drone strike",
            "Violence against civilians": "Attack", "Protests": "Peaceful protest", "Riots": "Mob violence",
            "Strategic developments": "Arrests"}
    events = [{"event_type": t, "sub_event_type": subs[t], "latitude": 33.0 + i * 0.8, "longitude": 41.0 + i * 0.9}
              for i, t in enumerate(types)]
    with _store_serving(tmp_path, events) as (url, store):
        page.goto(url + "/")
        _ready(page)
        markers = page.evaluate("""[...document.querySelectorAll('.ev-marker')].map(m => {
            const p = m.querySelector('path'); return [m.dataset.type, p.getAttribute('fill'), p.dataset.shape]; })""")
        assert len(markers) == 6
        assert {t: c for t, c, _ in markers} == TYPE_COLOURS  # Okabe-Ito, as in the situation reports
        assert len({s for _, _, s in markers}) == 6  # and a shape of its own for each type
        legend = page.evaluate("""[...document.querySelectorAll('#legend .legend-item')].map(i =>
            [i.textContent.trim(), i.querySelector('path').getAttribute('fill'), i.querySelector('path').dataset.shape])""")
        assert legend == [[t, c, s] for t, c, s in sorted(markers, key=lambda m: types.index(m[0]))]

        contrasts = page.evaluate(CONTRASTS)
        seen = {name for name, _, _ in contrasts}
        assert "p.hint" in seen and "span.legend-item" in seen and "text" in seen  # panel hint, legend, timeline axis
        low = [(n, t, round(r, 2)) for n, t, r in contrasts if r < 4.5]
        assert low == []
        # and with the table, the review queue and a panel open
        page.click("#queue-link")
        page.wait_for_selector("#queue li")
        page.locator(".ev-marker").first.dispatch_event("click")
        page.wait_for_selector("#fields")
        low = [(n, t, round(r, 2)) for n, t, r in page.evaluate(CONTRASTS) if r < 4.5]
        assert low == []
        page.click("#charts-link")
        page.wait_for_selector(".chart-value")
        low = [(n, t, round(r, 2)) for n, t, r in page.evaluate(CONTRASTS) if r < 4.5]
        assert low == []


def _tab_to(page, selector, limit=120):
    """Press Tab until the focused element matches selector (as a keyboard user would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _focus_ring(page):
    return page.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                         " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()")


def test_markers_clusters_and_timeline_bars_work_from_the_keyboard(server, page):
    url, store = server
    _login(page, url)
    _ready(page)
    page.locator("#filters input[name=since]").focus()
    _tab_to(page, ".ev-marker")
    style, width = _focus_ring(page)
    assert style != "none" and width >= 2  # a visible focus ring
    assert page.evaluate("document.activeElement.getAttribute('role')") == "button"
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Enter")
    page.wait_for_selector("#fields")
    assert page.inner_text("#panel h2").split(" · ")[0] in label

    # opening the panel may still be moving the map to the event: stop it first, so that the
    # zoom below is not undone when that move ends
    _wait_until(page, "(map.stop(), map.setZoom(3, {animate: false}), map.getZoom() === 3)")
    page.wait_for_selector(".cluster")
    zoom = page.evaluate("map.getZoom()")
    page.locator("#filters input[name=since]").focus()
    _tab_to(page, ".cluster")
    style, width = _focus_ring(page)
    assert style != "none" and width >= 2
    page.keyboard.press("Enter")  # a cluster opens by zooming in
    _wait_until(page, f"map.getZoom() > {zoom}")

    page.locator("#timeline-reset").evaluate("b => b.disabled = false")
    page.locator("#timeline-measure").focus()
    _tab_to(page, "#timeline g.bin")
    assert page.evaluate("document.activeElement.dataset.key") == "2019-07-07"  # the newest is the tab stop
    ring = page.evaluate("getComputedStyle(document.activeElement.querySelector('.hit')).strokeWidth")
    assert float(ring.replace("px", "")) >= 2
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.activeElement.dataset.key") == "2019-07-03"
    page.keyboard.press("Enter")
    _wait_until(page, "location.search.includes('since=2019-07-03&until=2019-07-03')")
    _ready(page)
    assert page.evaluate("features.map(f => f.properties.location)") == ["Tarmiyah"]
    assert page.evaluate("document.activeElement.dataset.key") == "2019-07-03"  # focus stays on the bar


def test_the_phone_layout_has_no_sideways_scroll_and_a_full_width_map(server, page):
    url, store = server
    page.set_viewport_size({"width": 390, "height": 844})
    _login(page, url)
    _ready(page)
    page.wait_for_selector(".ev-marker")
    width = lambda: page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth]")  # noqa: E731
    assert max(width()) <= 390
    box = page.locator("#map").bounding_box()
    assert box["x"] == 0 and box["width"] >= 389 and box["height"] >= 300
    panel = page.locator("#panel").bounding_box()
    assert panel["y"] >= box["y"] + box["height"] - 1 and panel["width"] >= 389  # stacked under the map
    assert not page.is_visible("#filters input[name=since]")  # the filters are in a drawer
    page.click("#filters-toggle")
    assert page.get_attribute("#filters-toggle", "aria-expanded") == "true"
    assert page.is_visible("#filters input[name=since]") and max(width()) <= 390
    page.fill("#filters input[name=since]", "2019-07-05")
    page.click("#filters button[type=submit]")
    _wait_until(page, "features.length === 1")
    page.click("#table-toggle")
    page.wait_for_selector("#events-table tbody tr[data-id]")
    assert max(width()) <= 390  # the wide table scrolls inside its own box
    timeline = page.locator("#timeline").bounding_box()
    assert timeline["width"] <= 390


def test_events_at_the_same_point_are_listed_from_their_stack(tmp_path, page):
    events = [{"location": "Ramadi", "latitude": 33.42, "longitude": 43.31, "fatalities": i,
               "event_date": dt.date(2019, 7, 1 + i)} for i in range(4)] + [
        {"location": "Hit", "latitude": 33.64, "longitude": 42.83}]
    with _store_serving(tmp_path, events) as (url, store):
        page.goto(url + "/")
        _ready(page)
        page.wait_for_selector(".cluster.stack")
        assert page.inner_text(".cluster.stack") == "4"
        zoom = page.evaluate("map.getZoom()")
        page.locator(".cluster.stack").dispatch_event("click")
        page.wait_for_selector("#stack li")
        assert page.locator("#stack li").count() == 4
        assert page.evaluate("map.getZoom()") == zoom  # listed, not zoomed in for ever
        assert "2019-07-03" in page.inner_text("#stack")
        page.locator("#stack a", has_text="2019-07-03").click()
        page.wait_for_selector("#fields")
        assert "Ramadi" in page.inner_text("#fields") and "2019-07-03" in page.inner_text("#panel h2")


def test_charts_by_type_province_and_actor_filter_when_a_bar_is_chosen(server, page):
    from sitrep.report.figures import TYPE_COLOURS

    url, store = server
    store.add(Article(id="a3", text="Clashes near Hit.", published=dt.date(2019, 7, 8)),
              [_event("a3", event_type="Battles", sub_event_type="Armed clash", fatalities=9, event_date=dt.date(2019, 7, 8))])
    _login(page, url)
    _ready(page)
    page.click("#charts-link")
    page.wait_for_selector(".chart[data-by=actor] button")
    chart = lambda by: page.evaluate(f"[...document.querySelectorAll('.chart[data-by={by}] button')].map(b => "  # noqa: E731
                                     "[b.dataset.key, b.querySelector('.chart-value').textContent,"
                                     " parseFloat(b.querySelector('.chart-bar').style.width)])")
    assert chart("admin1") == [["Al Anbar", "2 events · 11 fatalities", 100.0], ["Baghdad", "1 events · 2 fatalities", 50.0]]
    types = chart("type")
    assert {k for k, _, _ in types} == {"Battles", "Violence against civilians", "Explosions/Remote violence"}
    assert page.evaluate("document.querySelector('.chart[data-by=type] button[data-key=Battles] .chart-bar')"
                         ".style.backgroundColor") == "rgb(213, 94, 0)" == _rgb(TYPE_COLOURS["Battles"])
    assert "<script>alert(4)</script>" in [k for k, _, _ in chart("actor")]  # names are text, never markup
    page.click("#charts-measure")  # by fatalities: the battle (9) leads
    _wait_until(page, "document.getElementById('charts-measure').getAttribute('aria-pressed') === 'true'")
    assert chart("type")[0][0] == "Battles" and chart("type")[0][2] == 100.0
    page.click(".chart[data-by=admin1] button[data-key=Baghdad]")  # a bar is a filter
    _wait_until(page, "location.search.includes('admin1=Baghdad')")
    _ready(page)
    assert page.evaluate("features.map(f => f.properties.location)") == ["Tarmiyah"]
    _wait_until(page, "document.querySelectorAll('.chart[data-by=admin1] button').length === 1")
    page.keyboard.press("Tab")
    page.locator(".chart[data-by=type] button").first.focus()
    page.keyboard.press("Enter")  # the bars are buttons: the keyboard chooses them too
    _wait_until(page, "location.search.includes('type=Explosions')")
    page.go_back()
    _wait_until(page, "!location.search.includes('type=') && location.search.includes('admin1=Baghdad')")
    assert page.dialogs == []


def _rgb(hex_colour):
    return "rgb({}, {}, {})".format(*(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)))


def test_the_table_shows_every_field_on_request_and_scrolls_in_its_own_box(server, page):
    url, store = server
    _login(page, url)
    _ready(page)
    page.click("#table-toggle")
    page.wait_for_selector("#events-table tbody tr[data-id]")
    assert page.locator("#events-table thead th").count() == 11
    page.click("#table-fields")
    _wait_until(page, "document.querySelectorAll('#events-table thead th').length > 11")
    headings = page.locator("#events-table thead th").all_inner_texts()
    for field in ("time precision", "disorder type", "assoc actor 1", "inter 1", "interaction", "civilian targeting",
                  "admin 3", "admin 2", "iso", "latitude", "longitude", "geo precision", "injured", "abducted",
                  "source scale", "notes", "review status"):
        assert field in headings
    assert headings[:2] == ["id", "event date ▼"]  # still sorted newest first
    # the rows are drawn again with the new columns just after the headings
    _wait_until(page, "document.querySelector('#events-table tbody tr[data-id]') && "
                      "document.querySelector('#events-table tbody tr[data-id]').children.length === "
                      "document.querySelectorAll('#events-table thead th').length")
    hit = page.locator("#events-table tbody tr").first  # newest first: the attack in Hit
    cells = dict(zip(headings, hit.locator("td").all_inner_texts()))
    assert (cells["latitude"], cells["longitude"], cells["inter 1"], cells["location"]) == ("33.64", "42.83", "2", "Hit")
    assert cells["notes"] == "On 7 July 2019, IS attacked."
    # the wide table scrolls inside its own box: the page itself never scrolls sideways
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert page.evaluate("document.querySelector('.table-scroll').scrollWidth > document.querySelector('.table-scroll').clientWidth")
    page.click("#events-table th button[data-sort=fatalities]")  # sorting still works with every field
    _wait_until(page, "document.querySelector('#events-table th[aria-sort=descending] button').dataset.sort === 'fatalities'")
    page.click("#table-fields")
    _wait_until(page, "document.querySelectorAll('#events-table thead th').length === 11")


def test_beyond_the_point_limit_clusters_refine_with_each_zoom_down_to_single_events(tmp_path, page, monkeypatch):
    import sitrep.web.app as web_app

    monkeypatch.setattr(web_app, "MAX_POINTS", 4)  # the server clusters beyond 4 events here (5,000 really)
    events = [{"location": f"Hit {i}", "latitude": 33.6 + 0.2 * i, "longitude": 42.8} for i in range(5)] + [
        {"location": f"Basra {i}", "latitude": 30.5, "longitude": 47.6 + 0.2 * i, "event_type": "Protests",
         "sub_event_type": "Peaceful protest"} for i in range(3)]
    with _store_serving(tmp_path, events) as (url, store):
        asked = []
        page.on("request", lambda r: asked.append(r.url) if "/api/events.geojson" in r.url else None)
        page.goto(url + "/")
        _ready(page)
        assert page.inner_text("#status") == "8 events · 16 fatalities"
        page.wait_for_load_state("networkidle")  # the map's zoom to the events has ended
        _wait_until(page, "features.length > 0 && features.every(f => f.properties.cluster)")
        assert page.locator(".ev-marker").count() == 0
        _view(page, 30.5, 47.8, 9)  # only Basra's three in view
        _wait_until(page, "document.querySelectorAll('.ev-marker').length === 3")
        assert any("bbox=" in u and "zoom=9" in u for u in asked)  # the view was asked for, not the whole filter
        page.locator(".ev-marker").first.dispatch_event("click")
        page.wait_for_selector("#fields")
        assert "Basra" in page.inner_text("#fields")
        _view(page, 32, 45, 5)  # out again: clusters
        _wait_until(page, "document.querySelectorAll('.ev-marker').length === 0 && features.every(f => f.properties.cluster)")
        # a click on a cluster zooms in and asks for the finer view
        zoom = page.evaluate("map.getZoom()")
        page.locator(".cluster").first.dispatch_event("click")
        _wait_until(page, f"map.getZoom() === {zoom + 2}")
        page.wait_for_load_state("networkidle")
        assert any(f"zoom={zoom + 2}" in u and "bbox=" in u for u in asked)


def test_a_server_cluster_shows_its_type_mix_as_a_ring_and_its_country_gets_boundaries(tmp_path, page, monkeypatch):
    import sitrep.web.app as web_app

    monkeypatch.setattr(web_app, "MAX_POINTS", 4)  # the server clusters beyond 4 events here (5,000 really)
    hit = [{"location": f"Hit {i}", "latitude": 33.6 + 0.02 * i, "longitude": 42.8 + 0.02 * i,
            **({"event_type": "Battles", "sub_event_type": "Armed clash"} if i < 3 else {})} for i in range(5)]
    syria = [{"location": f"Deir ez-Zor {i}", "latitude": 35.33, "longitude": 40.14 + 0.02 * i, "country": "Syria",
              "iso": "SY", "admin1": "Deir ez-Zor",
              "event_type": "Riots" if i == 0 else "Protests",
              "sub_event_type": "Mob violence" if i == 0 else "Peaceful protest"} for i in range(3)]
    with _store_serving(tmp_path, hit + syria) as (url, store):
        asked = []
        page.on("request", lambda r: asked.append(r.url) if "/api/provinces.geojson" in r.url else None)
        page.goto(url + "/")
        _ready(page)
        page.wait_for_load_state("networkidle")
        _view(page, 34.5, 41.5, 5)  # Hit's five in one grid cell, Deir ez-Zor's three in another
        _wait_until(page, "features.length === 2 && features.every(f => f.properties.cluster)"
                          " && document.querySelectorAll('.cluster').length === 2")
        rings = page.evaluate("""Object.fromEntries([...document.querySelectorAll('.cluster')].map(c => [
            c.dataset.country, [...c.querySelectorAll('.ring circle')].map(a =>
            [a.dataset.type, a.getAttribute('stroke'), a.dataset.count])]))""")
        assert rings == {"Iraq": [["Battles", "#D55E00", "3"], ["Violence against civilians", "#CC79A7", "2"]],
                         "Syria": [["Protests", "#0072B2", "2"], ["Riots", "#56B4E9", "1"]]}
        # each arc as long as its share: Battles three fifths of Hit's ring
        share = page.evaluate("""(() => { const a = document.querySelector('.cluster[data-country=Iraq] .ring circle');
            const [on, off] = a.getAttribute('stroke-dasharray').split(' ').map(Number); return on / (on + off); })()""")
        assert share == pytest.approx(0.6, abs=0.01)
        assert page.get_attribute(".cluster[data-country=Iraq]", "aria-label") == (
            "5 events in Iraq (3 Battles, 2 Violence against civilians): zoom in")
        assert page.inner_text(".cluster[data-country=Syria]") == "3"
        # the clusters' countries get their province boundaries, although no single event came
        assert any("country=IQ,SY" in u for u in asked), asked
        _wait_until(page, "document.querySelectorAll('.leaflet-boundaries-pane path').length > 10")


def test_the_csv_export_shows_its_progress_saves_the_file_and_can_be_cancelled(server, page):
    url, store = server
    _login(page, url)
    _ready(page)
    page.evaluate("""window.exportSaid = []; new MutationObserver(() => exportSaid.push(
        document.getElementById('export-status').textContent)).observe(document.getElementById('export-status'),
        {childList: true, characterData: true, subtree: true})""")
    with page.expect_download() as got:
        page.click("#csv")
    download = got.value
    assert download.suggested_filename == "sitrep-events.csv"
    with open(download.path(), "rb") as fh:
        saved = fh.read()
    assert saved == page.request.get(url + page.get_attribute("#csv", "href")).body()  # the very export
    _wait_until(page, "document.getElementById('export-status').textContent.startsWith('Exported')")
    size = len(saved) / 1e3
    assert page.inner_text("#export-status") == f"Exported 2 rows ({max(1, round(size))} kB) as sitrep-events.csv."
    assert any(t.startswith("Exporting CSV…") for t in page.evaluate("exportSaid"))  # progress came first

    held = []
    page.route("**/api/events.csv*", lambda route: held.append(route))  # an export that never ends
    page.click("#csv")
    page.wait_for_selector("#export-cancel")
    assert page.inner_text("#export-status").startswith("Exporting CSV… 0 rows")
    page.click("#export-cancel")
    _wait_until(page, "document.getElementById('export-status').textContent === 'Export cancelled.'")
    page.unroute("**/api/events.csv*")
    page.route("**/api/events.csv*", lambda route: route.fulfill(status=500, body="boom"))
    page.click("#csv")
    _wait_until(page, "document.getElementById('export-status').textContent.startsWith('The server failed (error 500)')")
    assert page.get_attribute("#export-status", "class") == "error"


# the colour of the country tiles' pixel under a point of the map
PIXEL_AT = """([lat, lon]) => {
  const p = map.latLngToContainerPoint([lat, lon]), r = document.getElementById('map').getBoundingClientRect();
  const x = r.left + p.x, y = r.top + p.y;
  for (const c of document.querySelectorAll('.leaflet-countries-pane canvas')) {
    const b = c.getBoundingClientRect();
    if (x >= b.left && x < b.right && y >= b.top && y < b.bottom) {
      return [...c.getContext('2d').getImageData(Math.floor(x - b.left), Math.floor(y - b.top), 1, 1).data];
    }
  }
  return null;
}"""


def test_the_offline_basemap_draws_every_country_with_names_and_province_names_closer_in(server, page):
    url, store = server
    _login(page, url)
    _ready(page)
    page.wait_for_load_state("networkidle")  # the map's zoom to the events has ended
    _view(page, 30, 45, 5)
    # the neighbours are land, the seas are not: the colours the countries' canvas tiles have there
    land, sea = [244, 241, 234, 255], [0, 0, 0, 0]
    deadline = time.monotonic() + 60
    while page.evaluate(f"({PIXEL_AT})([25, 45])") != land:  # Saudi Arabia, once the tiles are drawn
        assert time.monotonic() < deadline, (page.evaluate(f"({PIXEL_AT})([25, 45])"), page.evaluate(
            "[map.getZoom(), map.getCenter(), document.querySelectorAll('.leaflet-countries-pane canvas').length]"))
        page.wait_for_timeout(100)
    # every tile drawn (each in a task of its own, after the page's answers)
    _wait_until(page, "[...document.querySelectorAll('.leaflet-countries-pane canvas')].every(c => c.dataset.drawn)")
    for lat, lon, colour in [(31, 36.5, land), (32, 53, land), (33, 43, land),  # Jordan, Iran, Iraq
                             (34.0, 33.0, sea), (20.0, 38.5, sea), (41.0, 51.0, sea)]:  # Mediterranean, Red Sea, Caspian
        assert page.evaluate(f"({PIXEL_AT})([{lat}, {lon}])") == colour, (lat, lon)
    _view(page, 33.3, 43.5, 5)
    _wait_until(page, "document.querySelectorAll('.country-label').length > 3")
    names = page.locator(".country-label").all_inner_texts()
    assert {"Iraq", "Syria", "Iran", "Jordan", "Saudi Arabia"} <= set(names)
    assert page.locator(".province-label").count() == 0  # provinces are named only closer in
    _view(page, 33.4, 43.3, 8)
    _wait_until(page, "document.querySelectorAll('.province-label').length > 0")
    assert "Al Anbar" in page.locator(".province-label").all_inner_texts()
    assert page.locator(".leaflet-boundaries-pane path").count() >= 10  # Iraq's provinces, where the events are
    assert page.evaluate("window.cspViolations") == []
