"""Situation reports on a schedule: each schedule names what to report (a Scope), how often
(day, week or month) and where to send it (e-mail with the PDF attached and the summary in the
body; a signed webhook with the summary JSON and a link to the report).

`send_due(store)` (run by `sitrep report send` from cron, and by `sitrep watch` after each
round) sends each schedule's last full period once: every (schedule, period, channel) is one
delivery recorded in the store, claimed before sending, so two processes or a rerun never send
it twice; a failed one is tried again later like an alert (sitrep.alerts.RETRY_AFTER).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any
from urllib.parse import urlencode

from sitrep.alerts import (
    GRACE,
    RETRY_AFTER,
    TRIES,
    check_secret,
    check_webhook,
    new_secret,
    post_webhook,
    send_email,
)
from sitrep.report import render
from sitrep.report.content import Report, Scope, build
from sitrep.report.period import EVERY, Period, day_of, iso_week, last_full, month_of
from sitrep.store import Store

DEFAULT_LINK = "http://127.0.0.1:8000"


def make_spec(scope: Scope, every: str, email: str | None = None, webhook: str | None = None,
              secret: str | None = None, allow_private: bool = False, title: str | None = None,
              link: str | None = None) -> tuple[dict[str, Any], str | None]:
    """A schedule's spec, checked; (spec, the secret if one was made up and must be shown once).
    ValueError (or sitrep.fetch.FetchError for the webhook address) saying what to change."""
    if every not in EVERY:
        raise ValueError(f"--every {every[:20]!r} is not one of {', '.join(EVERY)}")
    if not (email or webhook):
        raise ValueError("give --email ADDRESS and/or --webhook URL")
    made = None
    if webhook:
        if secret is None:
            secret = made = new_secret()
        check_secret(secret)
        check_webhook(webhook, allow_private=allow_private)
    if link and not re.match(r"https?://", link):
        raise ValueError(f"--link {link[:60]!r}: give the web app's address, such as https://sitrep.example.org")
    spec = {"scope": scope.to_dict(), "every": every, "email": email or "", "webhook": webhook or "",
            "secret": secret if webhook else "", "allow_private": bool(allow_private), "title": title or "",
            "link": link or ""}
    return spec, made


def channels(spec: dict[str, Any]) -> list[str]:
    return [c for c in ("email", "webhook") if spec.get(c)]


def period_of(label: str) -> Period:
    """The period a delivery's label names ("2026-W48", "2026-11", "2026-11-30")."""
    if "W" in label:
        return iso_week(label)
    if re.fullmatch(r"\d{4}-\d{2}", label):
        return month_of(dt.date.fromisoformat(label + "-01"))
    return day_of(dt.date.fromisoformat(label))


def report_link(spec: dict[str, Any], period: Period) -> str:
    """Where the web app shows this report (HTML); its base from the schedule, else
    $SITREP_PUBLIC_URL, else the local server's default address."""
    base = (spec.get("link") or os.environ.get("SITREP_PUBLIC_URL") or DEFAULT_LINK).rstrip("/")
    scope = spec.get("scope") or {}
    query: list[tuple[str, str]] = [("from", period.start.isoformat()), ("to", period.end.isoformat())]
    query += [("country", c) for c in scope.get("countries") or []]
    query += [("admin1", a) for a in scope.get("admin1") or []]
    if scope.get("area_name"):
        query.append(("area", scope["area_name"]))
    if scope.get("reviewed_only"):
        query.append(("reviewed_only", "true"))
    if spec.get("title"):
        query.append(("title", spec["title"]))
    return f"{base}/api/report.html?{urlencode(query)}"


def email_body(report: Report, link: str) -> str:
    from sitrep.report.text import first_sentence, place, summary_lines

    types, provinces = summary_lines(report)
    lines = [report.title, report.period.describe(), "", report.headline(), ""]
    if types:
        lines += ["By event type:", *[f"  - {s}" for s in types], ""]
    if provinces:
        lines += ["By province:", *[f"  - {s}" for s in provinces], ""]
    if report.incidents:
        lines += ["Key incidents:"]
        for inc in report.incidents:
            ev = inc.event
            lines += [f"  - {ev.get('event_date')}, {ev.get('sub_event_type')} in {place(ev)} ({'; '.join(inc.reasons)})",
                      f"    {first_sentence(ev.get('notes') or '')}"]
        lines.append("")
    lines += ["The full report (map, charts, every event, sources) is attached as PDF.", f"Online: {link}", "",
              f"{report.note['reviewed']} of {len(report.events)} events were checked by an analyst; the rest are "
              "as the machine coded them."]
    return "\n".join(lines)


def delivery_id(schedule_id: int, period: str, channel: str) -> str:
    return f"{schedule_id}-{period}-{channel}"


def _deliver(store: Store, schedule: dict[str, Any], period: Period, channel: str, before: int,
             now: dt.datetime, cache: dict) -> dict[str, Any]:
    """One round of one delivery; records the outcome and when to try again."""
    spec, key = schedule["spec"], delivery_id(schedule["id"], period.label, channel)
    link = report_link(spec, period)
    try:
        if (schedule["id"], period.label) not in cache:
            cache[(schedule["id"], period.label)] = build(store, Scope.from_dict(spec.get("scope") or {}).with_area(store), period,
                                                          title=spec.get("title") or None, now=now)
        report = cache[(schedule["id"], period.label)]
        if channel == "webhook":
            payload = {"delivery": key, "schedule": schedule["name"], "link": link, "report": report.summary()}
            ok, attempts, detail = post_webhook(spec["webhook"], payload, spec.get("secret") or "", TRIES, key,
                                                allow_private=spec.get("allow_private") is True)
            per_round = TRIES
        else:
            pdf = render(report, "pdf")
            subject = f"[sitrep] {report.title}: {report.period.describe()}"
            ok, detail = send_email(spec["email"], subject, email_body(report, link), spec.get("smtp"), key=key,
                                    attachments=[(f"sitrep-{period.label}.pdf", pdf, "application/pdf")],
                                    kind="report")
            attempts, per_round = 1, 1
    except Exception as exc:  # a report that cannot be made is a failed delivery, tried again later
        ok, attempts, per_round, detail = False, 1, 1, f"{exc.__class__.__name__}: {exc}"
    total = before + attempts
    rounds = -(-total // per_round)
    next_try = None
    if not ok and rounds <= len(RETRY_AFTER):
        next_try = now + RETRY_AFTER[rounds - 1]
    elif not ok:
        detail += f" (gave up after {rounds} rounds)"
    store.finish_report(schedule["id"], period.label, channel, "sent" if ok else "failed", total, detail, next_try)
    return {"schedule": schedule["name"], "period": period.label, "channel": channel, "ok": ok, "detail": detail,
            "retry": next_try}


def send_due(store: Store, now: dt.datetime | None = None) -> list[dict[str, Any]]:
    """Send every schedule's last full period that was not sent yet, then try again the
    deliveries that failed and are due. Returns what was attempted."""
    now = now or dt.datetime.now(dt.timezone.utc)
    schedules = store.schedules()
    done: list[dict[str, Any]] = []
    cache: dict = {}
    for sched in schedules:
        period = last_full(sched["spec"].get("every") or "week", now.date())
        for channel in channels(sched["spec"]):
            if store.claim_report(sched["id"], period.label, channel, GRACE):
                done.append(_deliver(store, sched, period, channel, 0, now, cache))
    by_id = {s["id"]: s for s in schedules}
    for row in store.due_reports(now):
        sched = by_id.get(row["schedule_id"])
        if sched and row["channel"] in channels(sched["spec"]) and store.reclaim_report(row, GRACE):
            done.append(_deliver(store, sched, period_of(row["period"]), row["channel"], row["attempts"], now, cache))
    return done
