"""Alerts: watch areas (a point and radius, a polygon, or a province) with rules (event types,
actors, least fatalities), delivered by signed webhook and by e-mail, once per event.

Only events a report creates alert: a later report fused into an event does not alert again.
Each (area, event, channel) is one delivery, recorded in the store: a failed one is tried again
in later rounds (1, 5, 30, 120 and 360 minutes on), and every try carries the same delivery id
(X-Sitrep-Delivery header, Message-ID) so that a receiver can drop a repeat after a crash.

Webhooks are signed with the area's secret (required, at least MIN_SECRET characters) over the
send time and the body: `X-Sitrep-Signature: t=UNIX_SECONDS,sha256=HEX` where HEX is
HMAC-SHA256(secret, b"UNIX_SECONDS." + body); a receiver checks it with `verify` (or the same
few lines, docs/security-ingest.md) and drops requests older than its tolerance, so a captured
request cannot be replayed later. Webhook targets go through sitrep.fetch under the same
address rules as fetching: loopback and private addresses only for an area added with
--allow-private; redirects are not followed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import re
import secrets
import smtplib
import time
from email.message import EmailMessage
from typing import Any

from sitrep.fetch import AddressRefused, FetchError, FetchPolicy, checked_addresses, fetch
from sitrep.geo.resolve import distance_km
from sitrep.store import Store

MIN_SECRET = 16
TOLERANCE = 300  # seconds a receiver accepts between the signed time and its own clock
WEBHOOK_HINT = "remove the area and add it again with --allow-private to post to it"


def matches(spec: dict[str, Any], ev: dict[str, Any]) -> bool:
    """Does the event fall in the area and pass the rules?"""
    types = spec.get("types") or []
    if types and ev.get("event_type") not in types and ev.get("sub_event_type") not in types:
        return False
    actors = [a.lower() for a in spec.get("actors") or []]
    if actors and not any(a in (ev.get("actor1") or "").lower() or a in (ev.get("actor2") or "").lower()
                          for a in actors):
        return False
    if (ev.get("fatalities") or 0) < int(spec.get("min_fatalities") or 0):
        return False
    lat, lon = ev.get("latitude"), ev.get("longitude")
    if "point" in spec:
        if lat is None or lon is None:
            return False
        return distance_km(tuple(spec["point"]), (lat, lon)) <= float(spec.get("radius_km") or 50)
    if "polygon" in spec:
        if lat is None or lon is None:
            return False
        from shapely.geometry import Point, shape

        return shape(spec["polygon"]).contains(Point(lon, lat))
    if "admin1" in spec:
        from sitrep.geo.gazetteer import admin1_code

        iso = (ev.get("iso") or "").upper()
        if spec.get("country") and spec["country"].upper() != iso:
            return False
        # "Salahuddin", "Saladin" and ACLED's "Salah al-Din" are one province
        return bool(ev.get("admin1")) and admin1_code(iso, ev["admin1"]) == admin1_code(iso, spec["admin1"])
    return True


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def check_secret(secret: str | None) -> str:
    """The secret if it is good enough; ValueError saying what to give otherwise."""
    if not secret or not secret.strip():
        raise ValueError("a webhook needs a non-empty --secret (leave --secret out to get a random one)")
    if len(secret) < MIN_SECRET:
        raise ValueError(f"--secret is too short ({len(secret)} characters): give at least {MIN_SECRET}, "
                         "or leave it out to get a random one")
    return secret


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The X-Sitrep-Signature value: the time it was signed and the HMAC over time and body."""
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},sha256={mac}"


_SIGNATURE = re.compile(r"t=(\d{1,12}),sha256=([0-9a-f]{64})")


def verify(secret: str, header: str, body: bytes, tolerance: float = TOLERANCE,
           now: float | None = None) -> bool:
    """Receiver side: is `header` a signature of `body` by `secret`, made within `tolerance`
    seconds of `now`? (A reference for receivers; docs/security-ingest.md.)"""
    m = _SIGNATURE.fullmatch((header or "").strip())
    if not m or not secret:
        return False
    timestamp = int(m.group(1))
    if abs((time.time() if now is None else now) - timestamp) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, body, timestamp), f"t={timestamp},sha256={m.group(2)}")


def webhook_policy(allow_private: bool = False) -> FetchPolicy:
    """The address rules for webhook targets: those of fetching."""
    return FetchPolicy(allow_private=allow_private, timeout=10.0, content_types=None, max_redirects=0,
                       allow_hint=WEBHOOK_HINT)


def check_webhook(url: str, allow_private: bool = False) -> None:
    """Refuse (FetchError) a webhook URL that is not http(s) or whose host resolves to an
    address the rules refuse; checked again at every delivery."""
    checked_addresses(url, webhook_policy(allow_private))


def post_webhook(url: str, payload: dict[str, Any], secret: str, tries: int = 3,
                 key: str = "", allow_private: bool = False) -> tuple[bool, int, str]:
    """POST the JSON payload with a timestamped HMAC signature; retried with backoff.
    (ok, attempts, detail)

    `key` goes in the X-Sitrep-Delivery header, the same on every try of one delivery. No
    secret, or a target the address rules refuse, is a failure without any request."""
    try:
        check_secret(secret)
    except ValueError:
        return False, tries, "the area has no webhook secret: remove it and add it again with --secret"
    body = json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
    policy = webhook_policy(allow_private)
    detail = ""
    for attempt in range(1, tries + 1):
        now = int(time.time())  # signed at each try: a slow retry is not stale
        headers = {"Content-Type": "application/json", "X-Sitrep-Signature": sign(secret, body, now),
                   "X-Sitrep-Timestamp": str(now)}
        if key:
            headers["X-Sitrep-Delivery"] = key
        try:
            r = fetch(url, policy, method="POST", body=body, headers=headers, follow_redirects=False,
                      read_body=False)
            if r.status < 300:
                return True, attempt, f"HTTP {r.status}"
            detail = f"HTTP {r.status}" + (" (redirects are not followed)" if r.status < 400 else "")
        except AddressRefused as exc:
            return False, attempt, str(exc)  # the same at every try of this round
        except FetchError as exc:
            detail = str(exc)
        time.sleep(0.2 * 2 ** (attempt - 1))
    return False, tries, detail


def send_email(to: str, subject: str, text: str, server: str | None = None,
               key: str = "", attachments: list[tuple[str, bytes, str]] | None = None,
               kind: str = "alert") -> tuple[bool, str]:
    """Send by SMTP: $SITREP_SMTP (host:port, default localhost:25), from $SITREP_SMTP_FROM.

    `key` makes the Message-ID (<sitrep-KIND-KEY@host>), the same on every try of one delivery.
    `attachments`: (file name, content, MIME type such as "application/pdf")."""
    host, _, port = (server or os.environ.get("SITREP_SMTP") or "localhost:25").partition(":")
    msg = EmailMessage()
    sender = os.environ.get("SITREP_SMTP_FROM", "sitrep@localhost")
    msg["From"] = sender
    if key:
        msg["Message-ID"] = f"<sitrep-{kind}-{key}@{sender.rpartition('@')[2] or 'localhost'}>"
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(text)
    for name, content, mime in attachments or []:
        maintype, _, subtype = mime.partition("/")
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=name)
    try:
        with smtplib.SMTP(host, int(port or 25), timeout=10) as smtp:
            smtp.send_message(msg)
        return True, "sent"
    except (OSError, smtplib.SMTPException) as exc:
        return False, f"{exc.__class__.__name__}: {exc}"


TRIES = 3  # HTTP attempts within one round of a webhook delivery
RETRY_AFTER = [dt.timedelta(minutes=m) for m in (1, 5, 30, 120, 360)]  # later rounds, then give up
GRACE = dt.timedelta(minutes=10)  # a delivery cut off by a crash is tried again after this


def channels(spec: dict[str, Any]) -> list[str]:
    return [c for c in ("webhook", "email") if spec.get(c)]


def delivery_id(area_id: int, event_id: int, channel: str) -> str:
    """The same for every try of one delivery: receivers drop repeats by it."""
    return f"{area_id}-{event_id}-{channel}"


def _deliver(store: Store, area: dict[str, Any], ev: dict[str, Any], channel: str, before: int,
             now: dt.datetime) -> dict[str, Any]:
    """One round of one delivery; records the outcome and when to try again."""
    spec, key = area["spec"], delivery_id(area["id"], ev["id"], channel)
    if channel == "webhook":
        payload = {"delivery": key, "area": area["name"],
                   "event": {k: v for k, v in ev.items() if k != "evidence"}}
        ok, attempts, detail = post_webhook(spec["webhook"], payload, spec.get("secret") or "", TRIES, key,
                                            allow_private=spec.get("allow_private") is True)
        per_round = TRIES
    else:
        subject = f"[sitrep] {area['name']}: {ev['sub_event_type']} in {ev.get('location') or ev.get('admin1')}"
        ok, detail = send_email(spec["email"], subject, ev.get("notes") or subject, spec.get("smtp"), key=key)
        attempts, per_round = 1, 1
    total = before + attempts
    rounds = -(-total // per_round)
    next_try = None
    if not ok and rounds <= len(RETRY_AFTER):
        next_try = now + RETRY_AFTER[rounds - 1]
    elif not ok:
        detail += f" (gave up after {rounds} rounds)"
    store.finish_delivery(area["id"], ev["id"], channel, "sent" if ok else "failed", total, detail, next_try)
    return {"area": area["name"], "event_id": ev["id"], "channel": channel, "ok": ok, "retry": next_try}


def dispatch(store: Store, now: dt.datetime | None = None) -> list[dict[str, Any]]:
    """Hand out the alerts of newly created events (the store queues them with the article that
    created them, so a crash in between loses none), then try again the deliveries that failed
    and are due. Returns what was attempted."""
    now = now or dt.datetime.now(dt.timezone.utc)
    areas = store.areas()
    if not areas:
        store.clear_alert_queue()  # an area added later alerts on events from then on
        return []
    done = []
    while queued := store.queued_alerts():
        for event_id in queued:
            ev = store.event(event_id)
            for area in areas if ev is not None else []:
                if matches(area["spec"], ev):
                    for channel in channels(area["spec"]):
                        if store.claim_delivery(area["id"], event_id, channel, GRACE):
                            done.append(_deliver(store, area, ev, channel, 0, now))
            store.dequeue_alert(event_id)
    by_id = {a["id"]: a for a in areas}
    for row in store.due_deliveries(now):
        area, ev = by_id.get(row["area_id"]), store.event(row["event_id"])
        if area and ev and row["channel"] in channels(area["spec"]) and store.reclaim_delivery(row, GRACE):
            done.append(_deliver(store, area, ev, row["channel"], row["attempts"], now))
    return done
