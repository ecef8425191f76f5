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
    page.wait_for_selector("path.ev-marker")
    assert page.locator("path.ev-marker").count() == 2
    page.wait_for_selector(".leaflet-boundaries-pane path", state="attached")
    page.wait_for_selector("#timeline rect")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map.png"))

    page.select_option("#filters select[name=type]", "Explosions/Remote violence")
    page.click("#filters button[type=submit]")
    _wait_until(page, "document.querySelectorAll('path.ev-marker').length === 1")
    assert "type=Explosions" in page.url  # the view is in the URL, so it can be shared
    page.select_option("#filters select[name=type]", [])
    page.fill("#filters input[name=since]", "2019-07-05")
    page.click("#filters button[type=submit]")
    page.wait_for_selector('path.ev-marker[fill="#8e44ad"]')  # the attack, not the earlier bombing
    page.wait_for_load_state("networkidle")
    assert page.locator("path.ev-marker").count() == 1

    page.locator("path.ev-marker").first.dispatch_event("click")
    page.wait_for_selector("#review")
    assert "Attack" in page.inner_text("#panel h2")
    page.fill("#review input[name=fatalities]", "3")
    page.click("#review button[name=save]")
    page.wait_for_selector("#history li")

    page.reload()
    page.wait_for_selector("path.ev-marker")
    page.locator("path.ev-marker").first.dispatch_event("click")
    page.wait_for_selector("#history li")
    assert "fatalities: 2 → 3" in page.inner_text("#history")
    assert "ana edit" in page.inner_text("#history")
    assert page.evaluate("window.cspViolations") == []  # the page works under its own policy
    assert store.events()[1]["fatalities"] == 3 or store.events()[0]["fatalities"] == 3


def test_hostile_text_is_shown_as_text(server, page):
    url, store = server
    _login(page, url)
    page.wait_for_selector("path.ev-marker")
    page.fill("#filters input[name=until]", "2019-07-04")
    page.click("#filters button[type=submit]")
    page.wait_for_selector('path.ev-marker[fill="#f0ad4e"]')
    page.wait_for_load_state("networkidle")
    page.locator("path.ev-marker").first.dispatch_event("click")
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
    page.wait_for_selector("path.ev-marker")
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
    page.wait_for_selector("path.ev-marker")
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
    page.wait_for_selector("path.ev-marker")
    page.wait_for_load_state("networkidle")
    page.evaluate("map.setZoom(3, {animate: false})")
    page.wait_for_selector(".cluster")
    assert page.inner_text(".cluster") == "2" and page.locator("path.ev-marker").count() == 0
    _wait_until(page, "document.querySelectorAll('#timeline rect').length === 2")  # redrawn after the zoom
    bars = page.locator("#timeline rect")
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
    page.wait_for_selector("#timeline rect")
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
    page.wait_for_selector("path.ev-marker")
    page.click("#alerts-link")
    page.wait_for_selector("#report-schedules li")
    assert page.inner_text("#report-schedules") == "iraq-weekly: Iraq, Al Anbar, every week, by email"
    assert "never-shown-secret" not in page.content()


def test_changing_the_password_from_the_account_panel(server, page):
    url, store = server
    _login(page, url)
    page.wait_for_selector("path.ev-marker")
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
    page.wait_for_selector("path.ev-marker")  # still logged in with the new session


def test_tiles_load_from_the_configured_host_only(tmp_path, page):
    store = Store(f"sqlite:///{tmp_path / 'tiles.db'}")
    store.add(Article(id="a1", text="Gunmen killed two shepherds near Hit.", published=dt.date(2019, 7, 9)),
              [_event("a1")])
    with _tile_server() as (configured, asked), _tile_server() as (elsewhere, asked_elsewhere), \
            _serving(create_app(store, tiles=configured + "/{z}/{x}/{y}.png")) as url:
        page.goto(url + "/?tiles=" + elsewhere + "/{z}/{x}/{y}.png")
        page.wait_for_selector("path.ev-marker")
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
    page.wait_for_selector("path.ev-marker")
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
