"""Situation reports (SQL side of sitrep.report): the light event rows a report counts, its
schedules and their deliveries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from sitrep.store.tables import events, report_deliveries, report_schedules

# what a report counts, maps and ranks; the full rows (notes, sources) only for its period
REPORT_COLUMNS = ("id", "event_date", "event_type", "sub_event_type", "country", "iso", "admin1",
                  "location", "latitude", "longitude", "fatalities", "injured", "abducted",
                  "actor1", "actor2", "civilian_targeting", "review_status", "time_precision",
                  "geo_precision")


class ReportsMixin:
    engine: sa.engine.Engine

    def report_rows(self, f) -> list[dict[str, Any]]:
        """REPORT_COLUMNS of the events matching `f` (an EventFilter), dates as dt.date."""
        q = self._where(sa.select(*(events.c[c] for c in REPORT_COLUMNS)), f)  # type: ignore[attr-defined]
        with self.engine.connect() as con:
            rows = [dict(r) for r in con.execute(q).mappings()]
        for r in rows:
            if isinstance(r["event_date"], str):
                r["event_date"] = dt.date.fromisoformat(r["event_date"])
        return rows

    # -- schedules -------------------------------------------------------------------------
    def add_schedule(self, name: str, spec: dict[str, Any]) -> int:
        with self.engine.begin() as con:
            if con.execute(sa.select(report_schedules.c.id).where(report_schedules.c.name == name)).first():
                raise ValueError(f"report schedule {name!r} exists already")
            return con.execute(report_schedules.insert().values(
                name=name, spec=spec, created_at=dt.datetime.now(dt.timezone.utc))).inserted_primary_key[0]

    def remove_schedule(self, name: str) -> bool:
        with self.engine.begin() as con:
            return con.execute(report_schedules.delete().where(report_schedules.c.name == name)).rowcount > 0

    def schedules(self) -> list[dict[str, Any]]:
        with self.engine.connect() as con:
            return [{**dict(r), "created_at": r["created_at"].isoformat()}
                    for r in con.execute(sa.select(report_schedules).order_by(report_schedules.c.name)).mappings()]

    def claim_report(self, schedule_id: int, period: str, channel: str, grace: dt.timedelta) -> bool:
        """Reserve the sending of one period on one channel; False if it was handled before.
        A reservation never finished (the process died) falls due again after `grace`."""
        now = dt.datetime.now(dt.timezone.utc)
        try:
            with self.engine.begin() as con:
                con.execute(report_deliveries.insert().values(
                    schedule_id=schedule_id, period=period, channel=channel, status="pending",
                    attempts=0, at=now, next_try=now + grace))
            return True
        except sa.exc.IntegrityError:
            return False

    def due_reports(self, now: dt.datetime) -> list[dict[str, Any]]:
        """Report deliveries that failed or were cut off and are due to be tried again."""
        with self.engine.connect() as con:
            return [dict(r) for r in con.execute(
                sa.select(report_deliveries).where(report_deliveries.c.next_try.is_not(None),
                                                   report_deliveries.c.next_try <= now)
                .order_by(report_deliveries.c.next_try)).mappings()]

    def reclaim_report(self, row: dict[str, Any], grace: dt.timedelta) -> bool:
        """Take a due delivery for another try; False if another process took it first."""
        now = dt.datetime.now(dt.timezone.utc)
        d = report_deliveries.c
        with self.engine.begin() as con:
            return con.execute(report_deliveries.update().where(
                d.schedule_id == row["schedule_id"], d.period == row["period"], d.channel == row["channel"],
                d.next_try == row["next_try"]).values(status="pending", next_try=now + grace)).rowcount == 1

    def finish_report(self, schedule_id: int, period: str, channel: str, status: str, attempts: int,
                      detail: str = "", next_try: dt.datetime | None = None) -> None:
        d = report_deliveries.c
        with self.engine.begin() as con:
            con.execute(report_deliveries.update().where(
                d.schedule_id == schedule_id, d.period == period, d.channel == channel).values(
                status=status, attempts=attempts, detail=detail[:500], at=dt.datetime.now(dt.timezone.utc),
                next_try=next_try))

    def report_deliveries(self) -> list[dict[str, Any]]:
        with self.engine.connect() as con:
            q = (sa.select(report_deliveries, report_schedules.c.name.label("schedule"))
                 .join(report_schedules, report_schedules.c.id == report_deliveries.c.schedule_id)
                 .order_by(report_deliveries.c.at))
            return [{**dict(r), "at": r["at"].isoformat(),
                     "next_try": r["next_try"].isoformat() if r["next_try"] else None}
                    for r in con.execute(q).mappings()]
