"""Situation reports: figures equal to `sitrep events` / `sitrep trends` for the same filter,
PDF read back with poppler, HTML in a real Chromium with no outside request, schedules sent
once to a real HTTP receiver and a real SMTP server on loopback."""

import datetime as dt
import email
import json
import os
import shutil
import subprocess
import threading
from email import policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from sitrep.alerts import verify
from sitrep.cli import main
from sitrep.model import Article, Event
from sitrep.report import Scope, build, iso_week, last_full, month_of, render, week_of
from sitrep.report.content import change_of, latest_day
from sitrep.report.period import between
from sitrep.report.schedules import send_due
from sitrep.store import EventFilter, Store
from sitrep.trends import trends
from sitrep.web.app import create_app

AS_OF = dt.date(2024, 3, 13)  # a Wednesday of ISO week 2024-W11
WEEK = week_of(AS_OF)
PLACES = {"Al Anbar": ("Ramadi", 33.42, 43.30), "Basra": ("Zubair", 30.39, 47.70), "Diyala": ("Baquba", 33.75, 44.64)}


def _add(store, n, day, admin1="Al Anbar", fatalities=1, iso="IQ", country="Iraq", **kw):
    loc, lat, lon = PLACES.get(admin1, ("Raqqa", 35.95, 39.01))
    ev = {"article_id": f"a{n}", "event_date": day, "time_precision": 1, "event_type": "Battles",
          "sub_event_type": "Armed clash", "actor1": "Military Forces of Iraq", "actor2": "Islamic State (Iraq)",
          "country": country, "iso": iso, "admin1": admin1, "location": loc, "latitude": lat, "longitude": lon,
          "geo_precision": 1, "fatalities": fatalities,
          "notes": f"On {day:%d %B %Y}, soldiers and militants clashed near {loc}. {fatalities} fatalities."}
    ev.update(kw)
    store.add(Article(id=f"a{n}", text=f"report {n}", published=day, source="Desert Wire",
                      url=f"https://desert-wire.example.test/{n}"), [Event(**ev)])


def _fill(store):
    """Anbar: one event a week for eight weeks, then six this week; Basra: two a week, steady;
    Diyala: its first event this week (civilians attacked); Syria: one this week; one rejected."""
    n = 0
    for w in range(1, 9):
        for admin1, count in (("Al Anbar", 1), ("Basra", 2)):
            for _ in range(count):
                n += 1
                _add(store, n, AS_OF - dt.timedelta(weeks=w), admin1)
    for admin1, count in (("Al Anbar", 6), ("Basra", 2)):
        for _ in range(count):
            n += 1
            _add(store, n, AS_OF, admin1, fatalities=2)
    _add(store, 100, AS_OF - dt.timedelta(days=1), "Diyala", fatalities=5, event_type="Violence against civilians",
         sub_event_type="Attack", actor1="Unidentified Armed Group (Iraq)", actor2="Civilians (Iraq)",
         civilian_targeting="Civilian targeting")
    _add(store, 101, AS_OF, "Ar Raqqa", iso="SY", country="Syria", actor1="SDF: Syrian Democratic Forces",
         actor2="Islamic State (Syria)")
    _add(store, 102, AS_OF, "Basra", fatalities=40)
    rejected = store.event_ids(EventFilter(article_id="a102"))[0]
    store.review_event(rejected, "reject", user="tester")


def test_periods():
    assert iso_week("2024-W11") == WEEK and WEEK.start == dt.date(2024, 3, 11) and WEEK.end == dt.date(2024, 3, 17)
    assert WEEK.describe() == "week 11 of 2024 (11-17 March 2024)"
    assert last_full("week", dt.date(2024, 3, 18)).label == "2024-W11"  # a Monday: the week just ended
    assert last_full("week", dt.date(2024, 3, 17)).label == "2024-W10"  # a Sunday: that week is not over
    assert last_full("month", dt.date(2024, 1, 5)) == month_of(dt.date(2023, 12, 1))
    assert month_of(dt.date(2024, 2, 10)).end == dt.date(2024, 2, 29)
    assert last_full("day", dt.date(2024, 3, 1)).label == "2024-02-29"
    assert iso_week("2021-W01").start == dt.date(2021, 1, 4)  # ISO week 1 starts in the new year here
    with pytest.raises(ValueError, match="YYYY-Www"):
        iso_week("last week")
    with pytest.raises(ValueError, match="has no week 53"):
        iso_week("2023-W53")
    with pytest.raises(ValueError, match="before it starts"):
        between(dt.date(2024, 3, 2), dt.date(2024, 3, 1))


def test_change_words():
    assert change_of(6, 1) == "up" and change_of(1, 6) == "down"
    assert change_of(2, 2.4) == "steady" and change_of(1, 0.1) == "slight"
    assert change_of(3, 0) == "new" and change_of(0, 0) == "none"


def test_report_figures_equal_events_and_trends(db_url):
    store = Store(db_url)
    _fill(store)
    report = build(store, Scope(countries=["Iraq"]), WEEK)
    f = EventFilter(country="Iraq", since=WEEK.start, until=WEEK.end)
    assert report.total.events == store.count(f) == 9  # 6 Anbar + 2 Basra + 1 Diyala; rejected and Syria out
    assert report.total.fatalities == sum(r["fatalities"] for r in store.stats("admin1", f)) == 21
    assert report.total.base_events == 3.0  # 24 events in the 8 weeks before
    trend = {t.key: t for t in trends(store, by="admin1", as_of=AS_OF, f=EventFilter(country="Iraq"))}
    by_admin1 = {x.key: x for x in report.by_admin1}
    for key in ("Al Anbar", "Basra", "Diyala"):
        assert (by_admin1[key].events, by_admin1[key].fatalities) == (trend[key].events, trend[key].fatalities)
        assert by_admin1[key].base_events == trend[key].baseline_events
    assert by_admin1["Al Anbar"].sentence == ("Al Anbar: 6 events, up from a weekly average of 1; 12 fatalities "
                                              "(up from a weekly average of 1).")
    assert by_admin1["Basra"].sentence.startswith("Basra: 2 events, close to a weekly average of 2;")
    assert by_admin1["Diyala"].change == "new"
    by_type = {x.key: x.events for x in report.by_type}
    assert by_type == {r["key"]: r["events"] for r in store.stats("type", f)}
    assert sorted(report.actors, key=lambda a: a["name"]) == sorted(
        ({k: a[k] for k in ("name", "events", "fatalities")} for a in store.actors(f)), key=lambda a: a["name"])
    assert report.headline() == ("9 events and 21 fatalities in week 11 of 2024 (11-17 March 2024): events up from "
                                 "a weekly average of 3; fatalities up from a weekly average of 3.")
    # the key incidents: civilians targeted in a province quiet for eight weeks comes first
    first = report.incidents[0]
    assert first.event["admin1"] == "Diyala"
    assert first.reasons == ["5 fatalities", "civilians targeted", "first event in Diyala in 8 weeks",
                             "actor not seen in the weeks before: Unidentified Armed Group (Iraq), Civilians (Iraq)"]
    assert [len(w.events) for w in report.weeks][-1] == 2  # this week: battles and violence against civilians
    assert sum(sum(w.events.values()) for w in report.weeks[-9:-1]) == 24
    assert len(report.events) == 9 and all(e["sources"] for e in report.events)
    assert report.note["reviewed"] == 0 and report.note["unreviewed"] == 9


def test_several_countries_and_reviewed_only(db_url):
    store = Store(db_url)
    _fill(store)
    both = build(store, Scope(countries=["Iraq", "SY"]), WEEK)
    assert both.total.events == 10
    assert "Ar Raqqa (Syria)" in {x.key for x in both.by_admin1}
    anbar = store.event_ids(EventFilter(admin1="Anbar", since=WEEK.start))[0]
    store.review_event(anbar, "accept", user="tester")
    reviewed = build(store, Scope(countries=["Iraq"], reviewed_only=True), WEEK)
    assert [e["id"] for e in reviewed.events] == [anbar]
    assert reviewed.note["reviewed"] == 1


def test_area_scope_counts_only_inside(db_url):
    store = Store(db_url)
    _fill(store)
    store.add_area("ramadi", {"point": [33.42, 43.30], "radius_km": 30, "webhook": "", "email": "x@ngo.test"})
    report = build(store, Scope(area_name="ramadi").with_area(store), WEEK)
    assert report.total.events == 6 and {e["admin1"] for e in report.events} == {"Al Anbar"}
    assert report.scope.describe()[0] == "area: ramadi (30 km around 33.420, 43.300)"
    with pytest.raises(ValueError, match="no watch area 'nowhere'"):
        Scope(area_name="nowhere").with_area(store)


def test_an_empty_week_says_so(sqlite_url):
    store = Store(sqlite_url)
    _fill(store)
    empty = build(store, Scope(countries=["Iraq"]), iso_week("2024-W20"))
    assert empty.empty and empty.headline() == "No events in week 20 of 2024 (13-19 May 2024) for this filter."
    assert empty.incidents == [] and empty.actors == []
    for fmt in ("html", "md"):
        assert "No events in week 20 of 2024" in render(empty, fmt).decode()
    assert render(empty, "pdf").startswith(b"%PDF")


def test_latest_week(sqlite_url):
    store = Store(sqlite_url)
    _fill(store)
    assert latest_day(store, Scope(countries=["Iraq"])) == AS_OF
    assert latest_day(store, Scope(countries=["Chad"])) is None


def _poppler(*args):
    for tool in ("pdftotext", "pdfinfo", "pdfimages"):
        if not shutil.which(tool):
            pytest.fail("poppler-utils is required for the report tests: apt-get install poppler-utils "
                        "(make test does)")
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def test_report_command_writes_pdf_html_and_markdown(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'r.db'}"
    _fill(Store(db))
    out = tmp_path / "weekly.pdf"
    assert main(["report", "--db", db, "--country", "Iraq", "--week", "2024-W11", "--format", "pdf", "--format",
                 "html", "--format", "md", "--out", str(out), "--title", "Iraq weekly"]) == 0
    err = capsys.readouterr().err
    assert f"PDF report written to {out}" in err and "9 events" in err
    text = _poppler("pdftotext", "-layout", str(out), "-")
    flat = " ".join(text.split())
    assert "Iraq weekly" in flat and "9 events and 21 fatalities in week 11 of 2024" in flat
    assert "Al Anbar: 6 events, up from a weekly average of 1" in flat
    assert "Key incidents" in flat and "Attack in Baquba, Diyala, Iraq" in flat
    assert "All events of the period (9)" in flat and "event detected" in flat  # accuracy in the data note
    pages = int(next(line.split()[-1] for line in _poppler("pdfinfo", str(out)).splitlines()
                     if line.startswith("Pages:")))
    assert pages >= 2
    images = _poppler("pdfimages", "-list", str(out)).splitlines()[2:]
    assert len(images) >= 3  # the map and two charts
    html = (tmp_path / "weekly.html").read_text(encoding="utf-8")
    assert html.count('src="data:image/png;base64,') == 3 and "Al Anbar: 6 events" in html
    md = (tmp_path / "weekly.md").read_text(encoding="utf-8")
    assert md.startswith("# Iraq weekly") and "| Military Forces of Iraq | 8 | 16 |" in md
    # errors name the input and say what to give
    assert main(["report", "--db", db, "--week", "soon"]) == 2
    assert "is not of the form YYYY-Www" in capsys.readouterr().err
    assert main(["report", "--db", db, "--area", "nowhere"]) == 2
    assert "no watch area 'nowhere'" in capsys.readouterr().err


def test_report_html_makes_no_outside_request_in_a_real_browser(tmp_path):
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(chromium):
        pytest.fail("Chromium is required for the browser tests: apt-get install chromium (make test does)")
    from playwright.sync_api import sync_playwright

    store = Store(f"sqlite:///{tmp_path / 'b.db'}")
    _fill(store)
    page_file = tmp_path / "report.html"
    page_file.write_bytes(render(build(store, Scope(countries=["Iraq"]), WEEK), "html"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu",
                                                                     "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_file.as_uri())
        page.wait_for_load_state("load")
        assert page.title() == "Situation report: Iraq: 2024-W11"
        sizes = page.eval_on_selector_all("img", "imgs => imgs.map(i => [i.complete, i.naturalWidth])")
        assert len(sizes) == 3 and all(done and width > 300 for done, width in sizes)
        links = page.eval_on_selector_all("a", "as => as.map(a => a.href)")
        assert links and all(h.startswith("https://desert-wire.example.test/") for h in links)
        browser.close()
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []


class Receiver(BaseHTTPRequestHandler):
    received: list = []
    fail = 0

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if Receiver.fail > 0:
            Receiver.fail -= 1
            self.send_response(503)
            self.end_headers()
            return
        Receiver.received.append((self.headers.get("X-Sitrep-Signature"), self.headers.get("X-Sitrep-Delivery"), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture()
def receiver():
    Receiver.received, Receiver.fail = [], 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/reports"
    httpd.shutdown()
    httpd.server_close()




SECRET = "a-secret-the-receiver-knows"


def test_schedule_sends_each_period_once_by_email_and_webhook(db_url, receiver, smtp, capsys, monkeypatch):
    monkeypatch.setenv("SITREP_SMTP_FROM", "sitrep@ngo.test")
    store = Store(db_url)
    _fill(store)
    assert main(["report", "schedule", "add", "iraq-weekly", "--db", db_url, "--country", "Iraq", "--every", "week",
                 "--email", "country-team@ngo.test", "--webhook", receiver, "--secret", SECRET, "--allow-private",
                 "--link", "https://sitrep.ngo.test", "--title", "Iraq weekly"]) == 0
    now = dt.datetime(2024, 3, 19, 6, 0, tzinfo=dt.timezone.utc)  # Tuesday after week 11
    done = send_due(store, now)
    assert sorted((d["channel"], d["ok"], d["period"]) for d in done) == [("email", True, "2024-W11"),
                                                                          ("webhook", True, "2024-W11")]
    assert send_due(store, now + dt.timedelta(hours=1)) == []  # once per period
    assert main(["report", "send", "--db", db_url]) == 0  # today: a later week, sent once too
    assert len(smtp) == 2 and len(Receiver.received) == 2
    signature, delivery, body = Receiver.received[0]
    assert verify(SECRET, signature, body, now=int(signature.split(",")[0][2:]))
    payload = json.loads(body)
    assert delivery == payload["delivery"] and payload["schedule"] == "iraq-weekly"
    assert payload["report"]["events"] == 9 and payload["report"]["fatalities"] == 21
    assert payload["report"]["period"]["label"] == "2024-W11"
    assert payload["link"].startswith("https://sitrep.ngo.test/api/report.html?from=2024-03-11&to=2024-03-17")
    msg = email.message_from_bytes(smtp[0].content, policy=policy.default)
    assert msg["To"] == "country-team@ngo.test" and msg["From"] == "sitrep@ngo.test"
    assert msg["Subject"] == "[sitrep] Iraq weekly: week 11 of 2024 (11-17 March 2024)"
    body_text = msg.get_body(("plain",)).get_content()
    assert "9 events and 21 fatalities in week 11 of 2024" in body_text and "Key incidents:" in body_text
    pdfs = [p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf"]
    assert len(pdfs) == 1 and pdfs[0].get_filename() == "sitrep-2024-W11.pdf"
    assert pdfs[0].get_content().startswith(b"%PDF")
    assert main(["report", "schedule", "list", "--db", db_url]) == 0
    listed = capsys.readouterr().out
    assert "iraq-weekly" in listed and SECRET not in listed
    deliveries = store.report_deliveries()
    assert {(d["period"], d["channel"], d["status"]) for d in deliveries} >= {("2024-W11", "email", "sent"),
                                                                               ("2024-W11", "webhook", "sent")}


def test_a_failed_report_delivery_is_tried_again_later(db_url, receiver):
    store = Store(db_url)
    _fill(store)
    assert main(["report", "schedule", "add", "w", "--db", db_url, "--webhook", receiver, "--secret", SECRET,
                 "--allow-private"]) == 0
    Receiver.fail = 3  # the whole first round
    now = dt.datetime(2024, 3, 19, 6, 0, tzinfo=dt.timezone.utc)
    first = send_due(store, now)
    assert [(d["ok"], d["retry"]) for d in first] == [(False, now + dt.timedelta(minutes=1))]
    assert send_due(store, now + dt.timedelta(seconds=30)) == []  # not due yet
    again = send_due(store, now + dt.timedelta(minutes=2))
    assert [(d["ok"], d["period"]) for d in again] == [(True, "2024-W11")]
    assert len(Receiver.received) == 1
    assert send_due(store, now + dt.timedelta(hours=3)) == []


def test_schedule_errors_are_one_line(sqlite_url, capsys):
    assert main(["report", "schedule", "add", "x", "--db", sqlite_url]) == 2
    assert "give --email ADDRESS and/or --webhook URL" in capsys.readouterr().err
    assert main(["report", "schedule", "add", "x", "--db", sqlite_url, "--webhook", "http://127.0.0.1:9/h"]) == 2
    assert "add --allow-private" in capsys.readouterr().err
    assert main(["report", "schedule", "add", "x", "--db", sqlite_url, "--email", "a@b.test", "--area", "nope"]) == 2
    assert "no watch area 'nope'" in capsys.readouterr().err
    assert main(["report", "schedule", "remove", "x", "--db", sqlite_url]) == 2


def test_report_api(db_url):
    store = Store(db_url)
    _fill(store)
    store.add_schedule("weekly", {"scope": {"countries": ["Iraq"]}, "every": "week", "email": "a@ngo.test",
                                  "webhook": "", "secret": "", "allow_private": False, "title": "", "link": ""})
    api = TestClient(create_app(store))
    r = api.get("/api/report.html", params={"country": "Iraq", "week": "2024-W11"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert "9 events and 21 fatalities" in r.text
    r = api.get("/api/report.pdf", params={"country": "Iraq", "from": "2024-03-11", "to": "2024-03-17",
                                           "download": "true"})
    assert r.content.startswith(b"%PDF") and 'attachment; filename="sitrep-report-2024-03-11..2024-03-17.pdf"' \
        == r.headers["content-disposition"]
    md = api.get("/api/report.md", params={"country": ["Iraq", "Syria"], "week": "2024-W11"}).text
    assert "10 events and" in md
    assert api.get("/api/report.md", params={"week": "latest", "country": "Iraq"}).text.count("week 11 of 2024") >= 1
    assert api.get("/api/report.html", params={"week": "soon"}).status_code == 400
    assert api.get("/api/report.html", params={"area": "nowhere"}).status_code == 400
    schedules = api.get("/api/report-schedules").json()
    assert schedules["schedules"][0]["name"] == "weekly" and "secret" not in schedules["schedules"][0]["spec"]


def test_watch_sends_due_reports_after_its_round(sqlite_url, receiver):
    from sitrep.watch import WatchConfig, describe, poll_once

    store = Store(sqlite_url)
    _fill(store)
    assert main(["report", "schedule", "add", "daily", "--db", sqlite_url, "--every", "day", "--webhook", receiver,
                 "--secret", SECRET, "--allow-private"]) == 0
    now = dt.datetime(2024, 3, 14, 5, 0, tzinfo=dt.timezone.utc)
    first = poll_once(WatchConfig(sources=[]), store, now=now)
    assert [(r["period"], r["ok"]) for r in first.reports] == [("2024-03-13", True)]
    assert "1 reports sent, 0 failed" in describe(first)
    assert poll_once(WatchConfig(sources=[]), store, now=now + dt.timedelta(hours=2)).reports == []
    assert json.loads(Receiver.received[0][2])["report"]["events"] == 9  # every country, that day
