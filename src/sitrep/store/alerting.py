"""Watch areas and alert deliveries (SQL side of sitrep.alerts)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from sitrep.store.tables import alert_deliveries, alert_queue, feed_state, watch_areas


class AlertsMixin:
    engine: sa.engine.Engine

    def add_area(self, name: str, spec: dict[str, Any]) -> int:
        with self.engine.begin() as con:
            if con.execute(sa.select(watch_areas.c.id).where(watch_areas.c.name == name)).first():
                raise ValueError(f"watch area {name!r} exists already")
            return con.execute(watch_areas.insert().values(
                name=name, spec=spec, created_at=dt.datetime.now(dt.timezone.utc))).inserted_primary_key[0]

    def remove_area(self, name: str) -> bool:
        with self.engine.begin() as con:
            return con.execute(watch_areas.delete().where(watch_areas.c.name == name)).rowcount > 0

    def areas(self) -> list[dict[str, Any]]:
        with self.engine.connect() as con:
            return [{**dict(r), "created_at": r["created_at"].isoformat()}
                    for r in con.execute(sa.select(watch_areas).order_by(watch_areas.c.name)).mappings()]

    def queued_alerts(self, limit: int = 500) -> list[int]:
        """Events created by a report and not yet matched against the watch areas, oldest first."""
        with self.engine.connect() as con:
            return [r[0] for r in con.execute(sa.select(alert_queue.c.event_id)
                                              .order_by(alert_queue.c.event_id).limit(limit))]

    def clear_alert_queue(self) -> None:
        with self.engine.begin() as con:
            con.execute(alert_queue.delete())

    def dequeue_alert(self, event_id: int) -> None:
        with self.engine.begin() as con:
            con.execute(alert_queue.delete().where(alert_queue.c.event_id == event_id))

    def claim_delivery(self, area_id: int, event_id: int, channel: str, grace: dt.timedelta) -> bool:
        """Reserve one delivery; False if this area, event and channel were handled before.

        A reservation that is never finished (the process died while sending) falls due again
        after `grace`."""
        now = dt.datetime.now(dt.timezone.utc)
        try:
            with self.engine.begin() as con:
                con.execute(alert_deliveries.insert().values(
                    area_id=area_id, event_id=event_id, channel=channel, status="pending", attempts=0,
                    at=now, next_try=now + grace))
            return True
        except sa.exc.IntegrityError:
            return False

    def due_deliveries(self, now: dt.datetime) -> list[dict[str, Any]]:
        """Deliveries that failed, or were cut off, and whose time to try again has come."""
        with self.engine.connect() as con:
            return [dict(r) for r in con.execute(
                sa.select(alert_deliveries).where(alert_deliveries.c.next_try.is_not(None),
                                                  alert_deliveries.c.next_try <= now)
                .order_by(alert_deliveries.c.next_try)).mappings()]

    def reclaim_delivery(self, row: dict[str, Any], grace: dt.timedelta) -> bool:
        """Take a due delivery for another try; False if another process took it first."""
        now = dt.datetime.now(dt.timezone.utc)
        with self.engine.begin() as con:
            return con.execute(alert_deliveries.update().where(
                alert_deliveries.c.area_id == row["area_id"], alert_deliveries.c.event_id == row["event_id"],
                alert_deliveries.c.channel == row["channel"], alert_deliveries.c.next_try == row["next_try"])
                .values(status="pending", next_try=now + grace)).rowcount == 1

    def finish_delivery(self, area_id: int, event_id: int, channel: str, status: str, attempts: int,
                        detail: str = "", next_try: dt.datetime | None = None) -> None:
        with self.engine.begin() as con:
            con.execute(alert_deliveries.update().where(
                alert_deliveries.c.area_id == area_id, alert_deliveries.c.event_id == event_id,
                alert_deliveries.c.channel == channel).values(
                status=status, attempts=attempts, detail=detail[:500], at=dt.datetime.now(dt.timezone.utc),
                next_try=next_try))

    def deliveries(self) -> list[dict[str, Any]]:
        with self.engine.connect() as con:
            q = sa.select(alert_deliveries, watch_areas.c.name.label("area")).join(
                watch_areas, watch_areas.c.id == alert_deliveries.c.area_id).order_by(alert_deliveries.c.at)
            return [{**dict(r), "at": r["at"].isoformat(),
                     "next_try": r["next_try"].isoformat() if r["next_try"] else None}
                    for r in con.execute(q).mappings()]


class FeedStateMixin:
    """What each watched source answered last (ETag, Last-Modified) and when to poll it again."""

    engine: sa.engine.Engine

    def feed_state(self, url: str) -> dict[str, Any] | None:
        with self.engine.connect() as con:
            row = con.execute(sa.select(feed_state).where(feed_state.c.url == url)).mappings().first()
        return dict(row) if row else None

    def save_feed_state(self, url: str, **values: Any) -> None:
        with self.engine.begin() as con:
            if con.execute(sa.select(feed_state.c.url).where(feed_state.c.url == url)).first():
                con.execute(feed_state.update().where(feed_state.c.url == url).values(**values))
            else:
                con.execute(feed_state.insert().values(url=url, **values))
