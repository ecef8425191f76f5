"""Alerts pinned to exact rules: which rule rejects an event, the signature and its time
tolerance, what an e-mail says and who sends it, when a failed delivery is tried again
(benchmarks/mutation.py). The events and areas are invented."""

import datetime as dt
import hashlib
import hmac
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitrep import alerts
from sitrep.alerts import (
    RETRY_AFTER,
    channels,
    check_secret,
    delivery_id,
    dispatch,
    matches,
    post_webhook,
    send_email,
    sign,
    verify,
)

SECRET = "sixteen-chars-ok"
EV = {"id": 41, "event_type": "Violence against civilians", "sub_event_type": "Attack",
      "actor1": "JNIM: Group for Support of Islam and Muslims", "actor2": "Civilians (Burkina Faso)",
      "fatalities": 4, "latitude": 13.10, "longitude": -1.08, "admin1": "Centre-Nord", "iso": "BF",
      "location": "Kelbo", "notes": "On 10 May 2022, JNIM militants killed four herders near Kelbo."}
HERE = {"point": [13.10, -1.08], "radius_km": 10}


@pytest.mark.parametrize("rules,ok", [
    ({}, True),
    ({"types": ["Violence against civilians"]}, True),
    ({"types": ["Attack"]}, True),  # a sub-event type
    ({"types": ["Battles", "Protests"]}, False),
    ({"actors": ["jnim"]}, True),
    ({"actors": ["CIVILIANS"]}, True),  # actor2, any case
    ({"actors": ["Islamic State"]}, False),  # the actors rule rejects
    ({"actors": ["Islamic State", "jnim"]}, True),
    ({"min_fatalities": 4}, True),
    ({"min_fatalities": 5}, False),
    ({"min_fatalities": None}, True),
])
def test_rules(rules, ok):
    assert matches({**HERE, **rules}, EV) is ok


def test_the_actors_rule_rejects_events_without_actors():
    assert not matches({**HERE, "actors": ["jnim"]}, {**EV, "actor1": None, "actor2": None})
    assert matches({**HERE, "min_fatalities": 0}, {**EV, "fatalities": None})
    assert not matches({**HERE, "min_fatalities": 1}, {**EV, "fatalities": None})


def test_point_areas_measure_from_the_point():
    # 0.4 degrees of latitude are 44.5 km: inside the default 50 km, outside 40 km
    far = {**EV, "latitude": 13.50}
    assert matches({"point": [13.10, -1.08]}, far)
    assert not matches({"point": [13.10, -1.08], "radius_km": 40}, far)
    assert matches({"point": [13.10, -1.08], "radius_km": 44.4}, far) is False
    assert matches({"point": [13.10, -1.08], "radius_km": 44.5}, far) is True
    assert not matches({"point": [13.10, -1.08]}, {**EV, "latitude": None})
    assert not matches({"point": [13.10, -1.08]}, {**EV, "longitude": None})


def test_polygon_and_province_areas():
    square = {"type": "Polygon", "coordinates": [[[-1.2, 13.0], [-1.0, 13.0], [-1.0, 13.2], [-1.2, 13.2], [-1.2, 13.0]]]}
    assert matches({"polygon": square}, EV)
    assert not matches({"polygon": square}, {**EV, "longitude": -0.9})
    assert not matches({"polygon": square}, {**EV, "latitude": None})
    assert not matches({"polygon": square}, {**EV, "longitude": None})
    assert matches({"admin1": "Centre-Nord", "country": "bf"}, EV)
    assert not matches({"admin1": "Centre-Nord", "country": "ML"}, EV)
    assert not matches({"admin1": "Sahel"}, EV)
    assert not matches({"admin1": "Centre-Nord"}, {**EV, "admin1": ""})


def test_secrets():
    for bad in (None, "", "   "):
        with pytest.raises(ValueError, match="^a webhook needs a non-empty --secret"):
            check_secret(bad)
    with pytest.raises(ValueError, match=r"^--secret is too short \(15 characters\): give at least 16"):
        check_secret("x" * 15)
    assert check_secret("x" * 16) == "x" * 16


def test_signature_and_its_tolerance():
    body = b'{"event": 41}'
    mac = hmac.new(SECRET.encode(), b"1700000000." + body, hashlib.sha256).hexdigest()
    header = sign(SECRET, body, 1700000000)
    assert header == f"t=1700000000,sha256={mac}"
    assert verify(SECRET, header, body, now=1700000000)
    assert verify(SECRET, f"  {header} ", body, now=1700000300)  # at the tolerance
    assert verify(SECRET, header, body, now=1699999700)
    assert not verify(SECRET, header, body, now=1700000301)
    assert not verify(SECRET, header, body, now=1699999699)
    assert verify(SECRET, header, body, tolerance=1000, now=1700000900)
    assert not verify(SECRET, header, body + b" ", now=1700000000)
    assert not verify("another-secret-value", header, body, now=1700000000)
    assert not verify("", header, body, now=1700000000)
    assert not verify(SECRET, "", body, now=1700000000)
    assert not verify(SECRET, None, body, now=1700000000)
    assert not verify(SECRET, header.replace("t=", "t=x"), body, now=1700000000)


def test_channels_and_delivery_ids():
    assert channels({"webhook": "http://x", "email": "a@b"}) == ["webhook", "email"]
    assert channels({"email": "a@b"}) == ["email"] and channels({"webhook": ""}) == []
    assert delivery_id(3, 41, "email") == "3-41-email"


class _Status(BaseHTTPRequestHandler):
    status = 204
    hits: list = []

    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers["Content-Length"]))
        _Status.hits.append((self.headers.get("X-Sitrep-Delivery"), self.headers.get("X-Sitrep-Timestamp"),
                             self.headers.get("X-Sitrep-Signature")))
        self.send_response(_Status.status)
        if _Status.status in (301, 302):
            self.send_header("Location", "http://127.0.0.1:9/elsewhere")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture()
def hook():
    _Status.hits, _Status.status = [], 204
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Status)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/hook"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def pauses(monkeypatch):
    slept = []
    monkeypatch.setattr(alerts.time, "sleep", slept.append)
    return slept


def test_webhook_success_is_one_try(hook, pauses):
    assert post_webhook(hook, {"a": 1}, SECRET, key="3-41-webhook", allow_private=True) == (True, 1, "HTTP 204")
    [(key, stamp, signature)] = _Status.hits
    assert key == "3-41-webhook" and signature.startswith(f"t={stamp},sha256=") and pauses == []


def test_webhook_failures_are_retried_with_backoff(hook, pauses):
    _Status.status = 500
    assert post_webhook(hook, {"a": 1}, SECRET, tries=3, allow_private=True) == (False, 3, "HTTP 500")
    assert len(_Status.hits) == 3 and pauses == [0.2, 0.4, 0.8]
    assert _Status.hits[0][0] is None  # no delivery id without a key
    _Status.hits.clear()
    _Status.status = 302
    assert post_webhook(hook, {"a": 1}, SECRET, tries=1, allow_private=True) == \
        (False, 1, "HTTP 302 (redirects are not followed)")
    _Status.status = 404
    assert post_webhook(hook, {"a": 1}, SECRET, tries=1, allow_private=True) == (False, 1, "HTTP 404")
    assert post_webhook(hook, {"a": 1}, SECRET, tries=1, allow_private=True)[2] == "HTTP 404"


def test_webhooks_without_a_secret_or_to_refused_addresses_send_nothing(hook, pauses):
    ok, attempts, detail = post_webhook(hook, {"a": 1}, "short", tries=3, allow_private=True)
    assert (ok, attempts) == (False, 3) and "no webhook secret" in detail
    ok, attempts, detail = post_webhook(hook, {"a": 1}, SECRET, tries=3)
    assert (ok, attempts) == (False, 1) and "refusing loopback address" in detail
    assert _Status.hits == [] and pauses == []


@pytest.fixture()
def inbox(smtp_server):
    return smtp_server


def test_email_sender_subject_and_body(inbox, monkeypatch):
    server, messages = inbox
    monkeypatch.setenv("SITREP_SMTP_FROM", "alerts@monitor.example")
    assert send_email("desk@ngo.example", "[sitrep] Kelbo", "Four herders killed.", server, key="3-41-email") == \
        (True, "sent")
    [m] = messages
    text = m.content.decode()
    assert m.mail_from == "alerts@monitor.example" and m.rcpt_tos == ["desk@ngo.example"]
    assert "From: alerts@monitor.example" in text and "To: desk@ngo.example" in text
    assert "Subject: [sitrep] Kelbo" in text and "Four herders killed." in text
    assert "Message-ID: <sitrep-alert-3-41-email@monitor.example>" in text


def test_email_defaults(inbox, monkeypatch):
    server, messages = inbox
    monkeypatch.delenv("SITREP_SMTP_FROM", raising=False)
    monkeypatch.setenv("SITREP_SMTP", server)
    assert send_email("desk@ngo.example", "s", "b") == (True, "sent")
    text = messages[0].content.decode()
    assert messages[0].mail_from == "sitrep@localhost" and "Message-ID" not in text
    monkeypatch.setenv("SITREP_SMTP_FROM", "nobody")  # no domain: the name stands for it
    assert send_email("desk@ngo.example", "s", "b", key="k") == (True, "sent")
    assert "Message-ID: <sitrep-alert-k@nobody>" in messages[1].content.decode()


def test_email_attachments_and_message_kind(inbox, monkeypatch):
    server, messages = inbox
    monkeypatch.setenv("SITREP_SMTP_FROM", "alerts@monitor.example")
    assert send_email("desk@ngo.example", "Weekly", "See the report.", server, key="w1", kind="report",
                      attachments=[("week.pdf", b"%PDF-1.4 kelbo", "application/pdf")]) == (True, "sent")
    text = messages[0].content.decode()
    assert "Message-ID: <sitrep-report-w1@monitor.example>" in text
    assert 'Content-Type: application/pdf' in text and 'filename="week.pdf"' in text
    assert "See the report." in text


def test_email_to_a_closed_port_fails_with_the_reason():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ok, detail = send_email("desk@ngo.example", "s", "b", f"127.0.0.1:{port}")
    assert not ok and detail.startswith("ConnectionRefusedError: ")


class FakeStore:
    def __init__(self, areas=(), queued=(), events=(), due=()):
        self._areas, self._queued = list(areas), [list(queued)] if queued else []
        self._events = {e["id"]: e for e in events}
        self._due, self.finished, self.claimed, self.dequeued, self.cleared = list(due), [], [], [], False

    def areas(self):
        return self._areas

    def clear_alert_queue(self):
        self.cleared = True

    def queued_alerts(self):
        return self._queued.pop(0) if self._queued else []

    def event(self, event_id):
        return self._events.get(event_id)

    def claim_delivery(self, area_id, event_id, channel, grace):
        self.claimed.append((area_id, event_id, channel))
        return True

    def reclaim_delivery(self, row, grace):
        return True

    def dequeue_alert(self, event_id):
        self.dequeued.append(event_id)

    def due_deliveries(self, now):
        return self._due

    def finish_delivery(self, *args):
        self.finished.append(args)


NOW = dt.datetime(2022, 5, 11, 8, 0, tzinfo=dt.timezone.utc)
AREA = {"id": 3, "name": "Kelbo road", "spec": {**HERE, "email": "desk@ngo.example", "smtp": "127.0.0.1:1"}}


def test_an_email_alert_says_what_happened_where(monkeypatch):
    sent = []
    monkeypatch.setattr(alerts, "send_email", lambda to, subject, text, server, key="": (
        sent.append((to, subject, text, server, key)) or (True, "sent")))
    store = FakeStore([AREA], [41], [EV])
    [done] = dispatch(store, now=NOW)
    assert done == {"area": "Kelbo road", "event_id": 41, "channel": "email", "ok": True, "retry": None}
    assert sent == [("desk@ngo.example", "[sitrep] Kelbo road: Attack in Kelbo", EV["notes"], "127.0.0.1:1",
                     "3-41-email")]
    assert store.finished == [(3, 41, "email", "sent", 1, "sent", None)] and store.dequeued == [41]
    sent.clear()
    dispatch(FakeStore([AREA], [41], [{**EV, "location": "", "notes": ""}]), now=NOW)
    assert sent[0][1:3] == ("[sitrep] Kelbo road: Attack in Centre-Nord",) * 2  # the subject is the body


def test_failed_deliveries_are_tried_again_on_the_schedule_then_given_up(monkeypatch):
    monkeypatch.setattr(alerts, "send_email", lambda *a, **k: (False, "SMTPException: down"))
    for before, retry in [(0, RETRY_AFTER[0]), (1, RETRY_AFTER[1]), (4, RETRY_AFTER[4]), (5, None)]:
        store = FakeStore([AREA], due=[{"area_id": 3, "event_id": 41, "channel": "email", "attempts": before}],
                          events=[EV])
        [done] = dispatch(store, now=NOW)
        assert done["retry"] == (NOW + retry if retry else None)
        [(_, _, _, status, total, detail, next_try)] = store.finished
        assert (status, total, next_try) == ("failed", before + 1, done["retry"])
        assert detail == ("SMTPException: down" if retry else "SMTPException: down (gave up after 6 rounds)")
    assert RETRY_AFTER == [dt.timedelta(minutes=m) for m in (1, 5, 30, 120, 360)]


def test_webhook_rounds_count_three_tries_each(monkeypatch):
    monkeypatch.setattr(alerts, "post_webhook", lambda *a, **k: (False, 3, "HTTP 500"))
    area = {"id": 3, "name": "Kelbo road", "spec": {**HERE, "webhook": "http://127.0.0.1:1/h", "secret": SECRET}}
    store = FakeStore([area], due=[{"area_id": 3, "event_id": 41, "channel": "webhook", "attempts": 3}], events=[EV])
    [done] = dispatch(store, now=NOW)
    assert done["retry"] == NOW + RETRY_AFTER[1]  # the second round failed
    assert store.finished[0][4] == 6


def test_the_webhook_payload_leaves_out_the_evidence(monkeypatch):
    calls = []
    monkeypatch.setattr(alerts, "post_webhook", lambda url, payload, secret, tries, key, allow_private: (
        calls.append((url, payload, secret, tries, key, allow_private)) or (True, 1, "HTTP 204")))
    area = {"id": 3, "name": "Kelbo road", "spec": {**HERE, "webhook": "http://127.0.0.1:1/h", "secret": SECRET,
                                                      "allow_private": "yes"}}
    dispatch(FakeStore([area], [41], [{**EV, "evidence": [{"field": "x"}]}]), now=NOW)
    [(url, payload, secret, tries, key, allow_private)] = calls
    assert payload == {"delivery": "3-41-webhook", "area": "Kelbo road", "event": EV}
    assert (url, secret, tries, key, allow_private) == ("http://127.0.0.1:1/h", SECRET, 3, "3-41-webhook", False)


def test_dispatch_without_areas_clears_the_queue_and_skips_what_does_not_match(monkeypatch):
    store = FakeStore([], [41], [EV])
    assert dispatch(store, now=NOW) == [] and store.cleared
    monkeypatch.setattr(alerts, "send_email", lambda *a, **k: (True, "sent"))
    away = {**AREA, "spec": {**AREA["spec"], "point": [12.0, -1.5]}}
    store = FakeStore([away], [41, 42], [EV])
    assert dispatch(store, now=NOW) == [] and store.claimed == [] and store.dequeued == [41, 42]
    store = FakeStore([AREA], due=[{"area_id": 99, "event_id": 41, "channel": "email", "attempts": 1},
                                   {"area_id": 3, "event_id": 41, "channel": "webhook", "attempts": 1}], events=[EV])
    assert dispatch(store, now=NOW) == []  # an area gone, a channel no longer set


def test_the_default_radius_is_fifty_kilometres():
    # 13.545 is 49.5 km north of the point, 13.555 is 50.6 km: the default radius lies between
    assert matches({"point": [13.10, -1.08]}, {**EV, "latitude": 13.545})
    assert not matches({"point": [13.10, -1.08]}, {**EV, "latitude": 13.555})
    assert matches({"point": [13.10, -1.08], "radius_km": 0}, {**EV, "latitude": 13.545})  # 0: the default


def test_new_secrets_are_long_random_and_url_safe():
    a, b = alerts.new_secret(), alerts.new_secret()
    assert len(a) == len(b) == 43 and a != b  # 32 random bytes in URL-safe base64
    assert set(a) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert check_secret(a) == a


def test_webhook_targets_follow_the_fetch_rules_with_no_redirects():
    from sitrep.fetch import AddressRefused, FetchPolicy

    assert alerts.webhook_policy() == FetchPolicy(allow_private=False, timeout=10.0, content_types=None,
                                                  max_redirects=0, allow_hint=alerts.WEBHOOK_HINT)
    assert alerts.webhook_policy(True).allow_private is True
    with pytest.raises(AddressRefused, match="refusing loopback address 127.0.0.1 .remove the area and add it"):
        alerts.check_webhook("http://127.0.0.1:8/hook")  # private addresses only when asked for
    alerts.check_webhook("http://127.0.0.1:8/hook", allow_private=True)


def test_a_multiple_choices_answer_is_not_a_delivery(hook, pauses):
    _Status.status = 300
    assert post_webhook(hook, {"a": 1}, SECRET, tries=1, allow_private=True) == \
        (False, 1, "HTTP 300 (redirects are not followed)")
    _Status.status = 399
    assert post_webhook(hook, {"a": 1}, SECRET, tries=1, allow_private=True) == \
        (False, 1, "HTTP 399 (redirects are not followed)")
    _Status.status = 400
    assert post_webhook(hook, {"a": 1}, SECRET, tries=1, allow_private=True) == (False, 1, "HTTP 400")
    _Status.status = 299
    assert post_webhook(hook, {"a": 1}, SECRET, tries=1, allow_private=True) == (True, 1, "HTTP 299")


class _Body(BaseHTTPRequestHandler):
    bodies: list = []

    def do_POST(self):  # noqa: N802
        _Body.bodies.append(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_the_webhook_body_is_utf8_json_as_signed(pauses):
    _Body.bodies = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Body)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/hook"
        payload = {"location": "Kélbo-Ouest", "day": dt.date(2022, 5, 10)}
        assert post_webhook(url, payload, SECRET, tries=1, allow_private=True) == (True, 1, "HTTP 204")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert _Body.bodies == ['{"location": "Kélbo-Ouest", "day": "2022-05-10"}'.encode()]
