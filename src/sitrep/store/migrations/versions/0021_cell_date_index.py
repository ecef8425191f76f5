"""A view's events in a range of dates by the map's zoom-7 grid (cells of 360 / 2 ** 10 degrees,
about 40 km): an index on each event's grid row and column, then its date, position and what the
map and the table read (review status, event type, country, fatalities, confidence; and the id on
PostgreSQL, where it is not implicit). A view with dates is asked for as its cells (`row IN (...)
AND column IN (...)`) and the dates: each cell's entries of those dates only. events_tile (0018)
has the date third, after a range of columns, so a half-year of a city read all ten years of its
entries (at 2,500,000 events, 32,000 entries for 1,600 matches).

Revision ID: 0021
Revises: 0020
"""

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

CELL = 0.3515625  # 360 / 2 ** 10


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    rest = "event_date, longitude, latitude, review_status, event_type, iso, country, fatalities, confidence"
    if dialect == "sqlite":  # CAST truncates; the values are never negative
        gy, gx = f"CAST((latitude + 90) / {CELL} AS INTEGER)", f"CAST((longitude + 180) / {CELL} AS INTEGER)"
        op.execute(f"CREATE INDEX events_cell_date ON events ({gy}, {gx}, {rest})")
        # a store whose planner has statistics (ANALYZE) gets them for the new index too: without
        # them SQLite guesses it poorly beside the indexes it knows
        if op.get_bind().exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").first():
            op.execute("ANALYZE events_cell_date")
    else:
        gy = f"(CAST(floor((latitude + 90) / {CELL}) AS INTEGER))"
        gx = f"(CAST(floor((longitude + 180) / {CELL}) AS INTEGER))"
        op.execute(f"CREATE INDEX events_cell_date ON events ({gy}, {gx}, {rest}, id)")
        if op.get_bind().exec_driver_sql("SELECT 1 FROM events LIMIT 1").first():
            # a store with events: the statistics of the index's expressions, which the planner
            # reads (autovacuum's next ANALYZE would gather them, after some writes)
            op.execute("ANALYZE events")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS events_cell_date")
