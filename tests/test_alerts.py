"""Alerts reach a real HTTP receiver and a real SMTP server on loopback, once per event."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitrep.alerts import matches, sign
from sitrep.cli import main
from sitrep.store import Store

SECRET = "s3cret"


class Receiver(BaseHTTPRequestHandler):
    received: list = []
    fail_first = 0

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
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
    Receiver.received = []
    Receiver.fail_first = 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/hook"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def smtp(monkeypatch):
    from aiosmtpd.controller import Controller

    class Inbox:
        messages: list = []

        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            Inbox.messages.append(envelope)
            return "250 OK"

    import socket

    Inbox.messages = []
    with socket.socket() as s:  # a free port on loopback
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ctl = Controller(Inbox(), hostname="127.0.0.1", port=port)
    ctl.start()
    monkeypatch.setenv("SITREP_SMTP", f"127.0.0.1:{port}")
    yield Inbox.messages
    ctl.stop()


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
                 "--webhook", receiver, "--secret", SECRET, "--email", "security@ngo.test", "--db", db_url]) == 0
    assert main(["ingest", _jsonl(tmp_path, "a.jsonl", REPORT, ELSEWHERE), "--db", db_url, "--quiet"]) == 0
    assert len(Receiver.received) == 1 and len(smtp) == 1
    signature, body = Receiver.received[0]
    assert signature == sign(SECRET, body)
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
    assert main(["alerts", "add", "Anbar", "--admin1", "Al Anbar", "--webhook", receiver, "--db", db_url]) == 0
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
