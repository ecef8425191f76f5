"""Alerts: watch areas (a point and radius, a polygon, or a province) with rules (event types,
actors, least fatalities), delivered by signed webhook and by e-mail, once per event.

Only events a report creates alert: a later report fused into an event does not alert again,
and each (area, event, channel) is delivered at most once (recorded in the store).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import smtplib
import time
from email.message import EmailMessage
from typing import Any

from sitrep.geo.resolve import distance_km
from sitrep.store import Store


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


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def post_webhook(url: str, payload: dict[str, Any], secret: str, tries: int = 3) -> tuple[bool, int, str]:
    """POST the JSON payload with an HMAC signature; retried with backoff. (ok, attempts, detail)"""
    import httpx

    body = json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
    headers = {"Content-Type": "application/json", "X-Sitrep-Signature": sign(secret, body)}
    detail = ""
    for attempt in range(1, tries + 1):
        try:
            r = httpx.post(url, content=body, headers=headers, timeout=10)
            if r.status_code < 300:
                return True, attempt, f"HTTP {r.status_code}"
            detail = f"HTTP {r.status_code}"
        except httpx.HTTPError as exc:
            detail = f"{exc.__class__.__name__}: {exc}"
        time.sleep(0.2 * 2 ** (attempt - 1))
    return False, tries, detail


def send_email(to: str, subject: str, text: str, server: str | None = None) -> tuple[bool, str]:
    """Send by SMTP: $SITREP_SMTP (host:port, default localhost:25), from $SITREP_SMTP_FROM."""
    host, _, port = (server or os.environ.get("SITREP_SMTP") or "localhost:25").partition(":")
    msg = EmailMessage()
    msg["From"] = os.environ.get("SITREP_SMTP_FROM", "sitrep@localhost")
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(text)
    try:
        with smtplib.SMTP(host, int(port or 25), timeout=10) as smtp:
            smtp.send_message(msg)
        return True, "sent"
    except (OSError, smtplib.SMTPException) as exc:
        return False, f"{exc.__class__.__name__}: {exc}"


def dispatch(store: Store, event_ids: list[int]) -> list[dict[str, Any]]:
    """Deliver alerts for newly created events; returns what was attempted."""
    if not event_ids:
        return []
    areas = store.areas()
    if not areas:
        return []
    done = []
    for event_id in event_ids:
        ev = store.event(event_id)
        if ev is None:
            continue
        for area in areas:
            spec = area["spec"]
            if not matches(spec, ev):
                continue
            payload = {"area": area["name"], "event": {k: v for k, v in ev.items() if k != "evidence"}}
            if spec.get("webhook") and store.claim_delivery(area["id"], event_id, "webhook"):
                ok, attempts, detail = post_webhook(spec["webhook"], payload, spec.get("secret") or "")
                store.finish_delivery(area["id"], event_id, "webhook", "sent" if ok else "failed", attempts, detail)
                done.append({"area": area["name"], "event_id": event_id, "channel": "webhook", "ok": ok})
            if spec.get("email") and store.claim_delivery(area["id"], event_id, "email"):
                subject = f"[sitrep] {area['name']}: {ev['sub_event_type']} in {ev.get('location') or ev.get('admin1')}"
                ok, detail = send_email(spec["email"], subject, ev.get("notes") or subject, spec.get("smtp"))
                store.finish_delivery(area["id"], event_id, "email", "sent" if ok else "failed", 1, detail)
                done.append({"area": area["name"], "event_id": event_id, "channel": "email", "ok": ok})
    return done
