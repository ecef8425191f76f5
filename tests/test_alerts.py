"""Alerts reach a real HTTP receiver and a real SMTP server on loopback, once per event."""

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitrep.alerts import GRACE, RETRY_AFTER, dispatch, matches, verify
from sitrep.cli import main
from sitrep.store import Store

SECRET = "s3cret-shared-with-the-receiver"


class Receiver(BaseHTTPRequestHandler):
    received: list = []
    keys: list = []  # X-Sitrep-Delivery of every request, failed ones too
    fail_first = 0

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.keys.append(self.headers.get("X-Sitrep-Delivery"))
        if Receiver.fail_first > 0:
            Receiver.fail_first -= 1
            self.send_response(500)
            self.end_headers()
            return
        Receiver.received.append((self.headers.get("X-Sitrep-Signature"), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture()
def receiver():
    Receiver.received, Receiver.keys = [], []
    Receiver.fail_first = 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/hook"
    httpd.shutdown()
    httpd.server_close()




REPORT = {"id": "r1", "source": "Wire", "published": "2021-03-09",
          "text": "Two Iraqi soldiers were killed on Monday when a roadside bomb struck their patrol west of Rutba, a security source said."}
AGAIN = {"id": "r2", "source": "Anbar Today", "published": "2021-03-09",
         "text": "An explosive device targeted an army patrol near al-Rutbah on Monday, martyring three soldiers."}
ELSEWHERE = {"id": "r3", "source": "Wire", "published": "2021-03-09",
             "text": "Gunmen killed two shepherds near Baquba in Diyala on Monday, police said."}


def _jsonl(tmp_path, name, *records):
    f = tmp_path / name
    f.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(f)


def test_alert_arrives_once_by_webhook_and_email(db_url, tmp_path, receiver, smtp):
    assert main(["alerts", "add", "Rutba road", "--point", "33.04,40.28", "--radius-km", "50",
                 "--webhook", receiver, "--allow-private", "--secret", SECRET, "--email", "security@ngo.test", "--db", db_url]) == 0
    assert main(["ingest", _jsonl(tmp_path, "a.jsonl", REPORT, ELSEWHERE), "--db", db_url, "--quiet"]) == 0
    assert len(Receiver.received) == 1 and len(smtp) == 1
    signature, body = Receiver.received[0]
    assert verify(SECRET, signature, body)
    payload = json.loads(body)
    assert payload["area"] == "Rutba road" and payload["event"]["location"]
    assert "security@ngo.test" in smtp[0].rcpt_tos
    # a second report of the same bombing is fused into the event: no second alert
    assert main(["ingest", _jsonl(tmp_path, "b.jsonl", AGAIN), "--db", db_url, "--quiet"]) == 0
    assert len(Receiver.received) == 1 and len(smtp) == 1
    deliveries = Store(db_url).deliveries()
    assert sorted(d["channel"] for d in deliveries) == ["email", "webhook"]
    assert all(d["status"] == "sent" for d in deliveries)


def test_failing_webhook_is_retried(db_url, tmp_path, receiver):
    Receiver.fail_first = 2
    assert main(["alerts", "add", "Anbar", "--admin1", "Al Anbar", "--webhook", receiver, "--allow-private", "--db", db_url]) == 0
    assert main(["ingest", _jsonl(tmp_path, "a.jsonl", REPORT), "--db", db_url, "--quiet"]) == 0
    assert len(Receiver.received) == 1
    [d] = Store(db_url).deliveries()
    assert d["status"] == "sent" and d["attempts"] == 3


def test_rules_filter_types_actors_and_fatalities():
    ev = {"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "Islamic State (Iraq)",
          "fatalities": 2, "latitude": 33.0, "longitude": 40.3, "admin1": "Al Anbar", "iso": "IQ"}
    area = {"point": [33.04, 40.28], "radius_km": 20}
    assert matches(area, ev)
    assert not matches({**area, "types": ["Protests"]}, ev)
    assert matches({**area, "types": ["Armed clash"], "actors": ["islamic state"]}, ev)
    assert not matches({**area, "min_fatalities": 3}, ev)
    assert not matches({"point": [36.3, 43.1], "radius_km": 50}, ev)
    poly = {"type": "Polygon", "coordinates": [[[40, 32.5], [41, 32.5], [41, 33.5], [40, 33.5], [40, 32.5]]]}
    assert matches({"polygon": poly}, ev)
    assert matches({"admin1": "al anbar", "country": "IQ"}, ev)


def test_a_province_area_matches_any_spelling_of_the_province():
    from sitrep.alerts import matches
    ev = {"iso": "IQ", "admin1": "Salah al-Din", "event_type": "Battles", "latitude": 34.6, "longitude": 43.7}
    assert matches({"admin1": "Salahuddin", "country": "IQ"}, ev)
    assert matches({"admin1": "Saladin"}, ev)
    assert not matches({"admin1": "Kirkuk"}, ev)


def _extract(*records):
    from sitrep.model import Article
    from sitrep.pipeline import process

    arts = [Article(id=r["id"], text=r["text"], source=r["source"],
                    published=dt.date.fromisoformat(r["published"])) for r in records]
    return list(zip(arts, process(arts)))


def test_a_webhook_down_for_a_round_is_tried_again_later_with_the_same_delivery_id(db_url, tmp_path, receiver):
    Receiver.fail_first = 3  # every try of the first round fails
    assert main(["alerts", "add", "Anbar", "--admin1", "Al Anbar", "--webhook", receiver, "--allow-private", "--db", db_url]) == 0
    assert main(["ingest", _jsonl(tmp_path, "a.jsonl", REPORT), "--db", db_url, "--quiet"]) == 0
    store = Store(db_url)
    [d] = store.deliveries()
    assert d["status"] == "failed" and d["attempts"] == 3 and d["next_try"]
    assert dispatch(store) == []  # not due yet
    later = dt.datetime.now(dt.timezone.utc) + RETRY_AFTER[0] + dt.timedelta(seconds=5)
    [sent] = dispatch(store, now=later)
    assert sent["ok"] and len(Receiver.received) == 1
    assert len(set(Receiver.keys)) == 1 and len(Receiver.keys) == 4
    [d] = store.deliveries()
    assert d["status"] == "sent" and d["attempts"] == 4 and d["next_try"] is None
    assert dispatch(store, now=later + dt.timedelta(days=1)) == []


def test_a_delivery_gives_up_after_the_last_round(db_url, receiver, monkeypatch):
    Receiver.fail_first = 10 ** 6
    assert main(["alerts", "add", "Anbar", "--admin1", "Al Anbar", "--webhook", receiver, "--allow-private", "--db", db_url]) == 0
    store = Store(db_url)
    [(art, found)] = _extract(REPORT)
    store.add_article(art, found, fuse=True)
    monkeypatch.setattr("sitrep.alerts.time.sleep", lambda s: None)  # the pauses between tries of a round
    when = dt.datetime.now(dt.timezone.utc)
    rounds = 0
    while dispatch(store, now=when):
        rounds += 1
        when += dt.timedelta(days=1)
    assert rounds == 1 + len(RETRY_AFTER)
    [d] = store.deliveries()
    assert d["status"] == "failed" and d["next_try"] is None and "gave up" in d["detail"]


def test_alerts_of_an_article_stored_just_before_a_crash_are_sent_on_the_next_run(db_url, receiver, smtp):
    assert main(["alerts", "add", "Rutba road", "--point", "33.04,40.28", "--webhook", receiver, "--allow-private",
                 "--email", "security@ngo.test", "--db", db_url]) == 0
    store = Store(db_url)
    for art, found in _extract(REPORT, ELSEWHERE):
        store.add_article(art, found, fuse=True)  # stored; the process dies before it alerts
    assert Receiver.received == [] and store.queued_alerts()
    sent = dispatch(Store(db_url))  # the next run
    assert [d["channel"] for d in sent] == ["webhook", "email"] and all(d["ok"] for d in sent)
    assert len(Receiver.received) == 1 and len(smtp) == 1
    assert smtp[0].content.decode().count("Message-ID: <sitrep-alert-") == 1
    assert store.queued_alerts() == [] and dispatch(store) == []


def test_a_delivery_cut_off_while_sending_is_tried_again_after_the_grace(db_url, receiver):
    assert main(["alerts", "add", "Rutba road", "--point", "33.04,40.28", "--webhook", receiver, "--allow-private", "--db", db_url]) == 0
    store = Store(db_url)
    [(art, found)] = _extract(REPORT)
    [event_id] = store.add_article(art, found, fuse=True)
    [area] = store.areas()
    assert store.claim_delivery(area["id"], event_id, "webhook", GRACE)  # then the process died
    store.dequeue_alert(event_id)
    assert dispatch(store) == [] and Receiver.received == []
    [sent] = dispatch(store, now=dt.datetime.now(dt.timezone.utc) + GRACE + dt.timedelta(seconds=5))
    assert sent["ok"] and len(Receiver.received) == 1


def test_events_stored_before_an_area_existed_do_not_alert(db_url, tmp_path, receiver):
    assert main(["ingest", _jsonl(tmp_path, "a.jsonl", REPORT), "--db", db_url, "--quiet"]) == 0
    assert main(["alerts", "add", "Rutba road", "--point", "33.04,40.28", "--webhook", receiver, "--allow-private", "--db", db_url]) == 0
    assert main(["alerts", "send", "--db", db_url]) == 0
    assert Receiver.received == []
    assert main(["ingest", _jsonl(tmp_path, "b.jsonl", {**ELSEWHERE, "id": "r9", "text": REPORT["text"].replace(
        "Monday", "Wednesday")}), "--db", db_url, "--quiet", "--no-fuse"]) == 0
    assert len(Receiver.received) == 1
