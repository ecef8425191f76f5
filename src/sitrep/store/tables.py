"""Table definitions (SQLAlchemy Core). Migrations in migrations/versions create them."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("url", sa.Text, nullable=False, server_default=""),
    sa.Column("title", sa.Text, nullable=False, server_default=""),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("published", sa.Date, nullable=True),
    sa.Column("source", sa.String(300), nullable=False, server_default=""),
    sa.Column("language", sa.String(16), nullable=False, server_default="en"),
    sa.Column("origin", sa.Text, nullable=False, server_default=""),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("event_date", sa.Date, nullable=True),
    sa.Column("time_precision", sa.SmallInteger, nullable=False, server_default="3"),
    sa.Column("disorder_type", sa.String(40), nullable=False, server_default=""),
    sa.Column("event_type", sa.String(40), nullable=False),
    sa.Column("sub_event_type", sa.String(60), nullable=False),
    sa.Column("actor1", sa.String(300), nullable=False, server_default=""),
    sa.Column("assoc_actor_1", sa.String(300), nullable=False, server_default=""),
    sa.Column("inter1", sa.SmallInteger, nullable=True),
    sa.Column("actor2", sa.String(300), nullable=False, server_default=""),
    sa.Column("assoc_actor_2", sa.String(300), nullable=False, server_default=""),
    sa.Column("inter2", sa.SmallInteger, nullable=True),
    sa.Column("interaction", sa.SmallInteger, nullable=True),
    sa.Column("civilian_targeting", sa.String(40), nullable=False, server_default=""),
    sa.Column("country", sa.String(100), nullable=False, server_default=""),
    sa.Column("iso", sa.String(2), nullable=False, server_default=""),
    sa.Column("admin1", sa.String(200), nullable=False, server_default=""),
    sa.Column("admin2", sa.String(200), nullable=False, server_default=""),
    sa.Column("admin3", sa.String(200), nullable=False, server_default=""),
    sa.Column("location", sa.String(300), nullable=False, server_default=""),
    sa.Column("latitude", sa.Float, nullable=True),
    sa.Column("longitude", sa.Float, nullable=True),
    sa.Column("geo_precision", sa.SmallInteger, nullable=True),
    sa.Column("fatalities", sa.Integer, nullable=False, server_default="0"),
    sa.Column("injured", sa.Integer, nullable=False, server_default="0"),
    sa.Column("abducted", sa.Integer, nullable=False, server_default="0"),
    sa.Column("notes", sa.Text, nullable=False, server_default=""),
    sa.Column("source", sa.String(300), nullable=False, server_default=""),
    sa.Column("source_scale", sa.String(100), nullable=False, server_default=""),
    sa.Column("confidence", sa.Float, nullable=False, server_default="0"),
    sa.Column("evidence", sa.JSON, nullable=False),
    sa.Column("review_status", sa.String(20), nullable=False, server_default="unreviewed"),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("reviewed_fields", sa.JSON, nullable=True),
    sa.Column("fatalities_best", sa.Integer, nullable=True),
    sa.Column("fatalities_high", sa.Integer, nullable=True),
    sa.Column("provenance", sa.JSON, nullable=True),
    sa.Index("events_country_admin1", "country", "admin1"),
    sa.Index("events_type", "event_type", "sub_event_type"),
    sa.Index("events_article", "article_id"),
    sa.Index("events_date_lon_lat_cover", "event_date", "longitude", "latitude", "review_status", "event_type", "iso",
             "country", "fatalities"),  # a view of some dates, from the index alone
    sa.Index("events_date_status_type_fat", "event_date", "review_status", "event_type", "fatalities"),  # the timeline
    sa.Index("events_queue", "review_status", "confidence", "id"),  # the review queue
    sa.Index("events_lon_lat_cover", "longitude", "latitude", "review_status", "event_type", "iso", "country",
             "fatalities"),  # a map view's clusters, from the index alone
    # the table sorted by confidence or by fatalities, with what a view filters on (0020)
    sa.Index("events_confidence", "confidence", "id", "event_date", "longitude", "latitude", "review_status",
             "event_type", "iso", "country", "fatalities"),
    sa.Index("events_fatalities", "fatalities", "id", "event_date", "longitude", "latitude", "review_status",
             "event_type", "iso", "country", "confidence"),
    # events_tile (0018, 0019): the zoom-10 grid's row and column (expressions that differ by
    # backend, made in SQL), then event_date ... fatalities as events_lon_lat_cover, confidence
)

event_sources = sa.Table(
    "event_sources",
    metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    # what this source itself said (sitrep.fuse.report): later reports are matched against each
    sa.Column("report", sa.JSON, nullable=True),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("password_hash", sa.String(300), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("kind", sa.String(10), nullable=False, server_default="api"),  # "api" or "session"
    sa.Column("last_used", sa.DateTime(timezone=True), nullable=True),  # sessions: for the idle expiry
    sa.Index("api_tokens_kind_created", "kind", "created_at"),
)

# one row per failed login and key (hashes of name, address, name and address): counted over a
# window by every worker process alike, evicted once older than the window
login_failures = sa.Table(
    "login_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("login_failures_key_at", "key_hash", "at"),
    sa.Index("login_failures_at", "at"),
)

event_history = sa.Table(
    "event_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    sa.Column("user_name", sa.String(100), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("changes", sa.JSON, nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Index("event_history_event", "event_id"),
)

watch_areas = sa.Table(
    "watch_areas",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("spec", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

alert_deliveries = sa.Table(
    "alert_deliveries",
    metadata,
    sa.Column("area_id", sa.Integer, sa.ForeignKey("watch_areas.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("channel", sa.String(20), primary_key=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("detail", sa.Text, nullable=False, server_default=""),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("next_try", sa.DateTime(timezone=True), nullable=True),  # when to try again
    sa.Index("alert_deliveries_next_try", "next_try"),
)

# events created by a report and not yet matched against the watch areas (an outbox: a crash
# between storing an article and sending its alerts loses nothing)
alert_queue = sa.Table(
    "alert_queue",
    metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
)

feed_state = sa.Table(
    "feed_state",
    metadata,
    sa.Column("url", sa.String(1000), primary_key=True),
    sa.Column("etag", sa.String(300), nullable=True),
    sa.Column("last_modified", sa.String(100), nullable=True),
    sa.Column("last_polled", sa.DateTime(timezone=True), nullable=True),
    sa.Column("next_poll", sa.DateTime(timezone=True), nullable=True),
    sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
    sa.Column("last_error", sa.Text, nullable=False, server_default=""),
)

# situation reports sent on a schedule (sitrep.report.schedules)
report_schedules = sa.Table(
    "report_schedules",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("spec", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# one per schedule, period ("2026-W48") and channel: a period is sent once
report_deliveries = sa.Table(
    "report_deliveries",
    metadata,
    sa.Column("schedule_id", sa.Integer, sa.ForeignKey("report_schedules.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("period", sa.String(40), primary_key=True),
    sa.Column("channel", sa.String(20), primary_key=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("detail", sa.Text, nullable=False, server_default=""),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("next_try", sa.DateTime(timezone=True), nullable=True),
    sa.Index("report_deliveries_next_try", "next_try"),
)

# summaries kept by triggers on `events` (migration 0014): what the map and the timeline read
# at archive scale instead of every event


def _summary_columns() -> list[sa.Column]:
    """What both summaries count by (type, review status, country) and what they count."""
    return [
        sa.Column("event_type", sa.String(40), primary_key=True),
        sa.Column("review_status", sa.String(20), primary_key=True),
        sa.Column("iso", sa.String(2), primary_key=True),
        sa.Column("country", sa.String(100), primary_key=True),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("fatalities", sa.BigInteger, nullable=False),
    ]


event_months = sa.Table(
    "event_months",
    metadata,
    sa.Column("month", sa.String(7), primary_key=True),  # YYYY-MM, "" for undated events
    *_summary_columns(),
)

def _grid_summary(name: str, *before: sa.Column, after: tuple[sa.Column, ...] = ()) -> sa.Table:
    """A summary by cell of a map grid: (before..., gy, gx, after...) -> the summary's counts,
    with the sums of the events' coordinates (a cluster is drawn at their mean)."""
    return sa.Table(
        name,
        metadata,
        *before,
        sa.Column("gy", sa.Integer, primary_key=True),
        sa.Column("gx", sa.Integer, primary_key=True),
        *after,
        *_summary_columns(),
        sa.Column("sum_lat", sa.Float, nullable=False),
        sa.Column("sum_lon", sa.Float, nullable=False),
    )


SUMMARY_CELL = 1.40625  # degrees: the map's grid at zoom 5 (360 / 2 ** 8), from 90 S and 180 W
event_cells = _grid_summary("event_cells")

# the events that killed someone, also by their own fatalities (`toll`): a minimum-fatalities
# filter is `toll >= n` on them (migration 0017)
event_months_toll = sa.Table(
    "event_months_toll",
    metadata,
    sa.Column("month", sa.String(7), primary_key=True),
    sa.Column("toll", sa.Integer, primary_key=True),
    *_summary_columns(),
)

event_cells_toll = _grid_summary("event_cells_toll", after=(sa.Column("toll", sa.Integer, primary_key=True),))

TILE_CELL = SUMMARY_CELL / 32  # degrees: the map's grid at zoom 10 (360 / 2 ** 13)
event_tiles = _grid_summary("event_tiles")

YEAR_CELL = SUMMARY_CELL / 4  # degrees: the map's grid at zoom 7 (360 / 2 ** 10)
CELL_DATE = YEAR_CELL  # the grid of index events_cell_date (a view's cells, then dates; migration 0021)
# per year: the clusters of a view of whole years at zooms 7 and below
event_cells_year = _grid_summary("event_cells_year", sa.Column("year", sa.Integer, primary_key=True))

# one row: a number that triggers change with every write to events, event_sources and articles
# (migration 0016); a server keeps its answers while it stays the same
data_version = sa.Table(
    "data_version",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("version", sa.BigInteger, nullable=False),
)
