"""Summaries of the events that the map and the timeline read at archive scale, kept by
triggers in the same transaction as every write to `events` (whatever code makes it):

- `event_months`: events and fatalities per month, event type, review status and country
  (the timeline over years, the counter, the country list);
- `event_cells`: events, fatalities and the sums of their coordinates per cell of the map's
  zoom-5 grid (1.40625 degrees, counted from 90 S and 180 W), event type, review status and
  country (the server's clusters at zoom 5 and below).

At 2,500,000 events they hold some tens of thousands of rows: an unfiltered map or
timeline reads those instead of every event. Also an index for the review queue (unreviewed
events, least confident first).

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

CELL = 1.40625  # 360 / 2 ** (5 + 3): sitrep.web's cell at zoom 5


def _month(row: str, dialect: str) -> str:
    if dialect == "sqlite":  # dates are stored as YYYY-MM-DD text
        return f"coalesce(substr({row}.event_date, 1, 7), '')"
    return f"coalesce(to_char({row}.event_date, 'YYYY-MM'), '')"


def _grid(expr: str, origin: int, dialect: str) -> str:
    if dialect == "sqlite":  # CAST truncates; the value is never negative
        return f"CAST(({expr} + {origin}) / {CELL} AS INTEGER)"
    return f"CAST(floor(({expr} + {origin}) / {CELL}) AS INTEGER)"


def _statements(row: str, sign: str, dialect: str) -> list[str]:
    """Add (sign "+") or take away (sign "-") the event `row` (NEW or OLD) in both summaries."""
    one = "1" if sign == "+" else "-1"
    fat = f"{sign}{row}.fatalities"
    months = (f"INSERT INTO event_months (month, event_type, review_status, iso, country, events, fatalities) "
              f"SELECT {_month(row, dialect)}, {row}.event_type, {row}.review_status, {row}.iso, {row}.country, "
              f"{one}, {fat} WHERE true ON CONFLICT (month, event_type, review_status, iso, country) DO UPDATE "
              "SET events = event_months.events + excluded.events, "
              "fatalities = event_months.fatalities + excluded.fatalities")
    cells = (f"INSERT INTO event_cells (gy, gx, event_type, review_status, iso, country, events, fatalities, "
             f"sum_lat, sum_lon) SELECT {_grid(f'{row}.latitude', 90, dialect)}, "
             f"{_grid(f'{row}.longitude', 180, dialect)}, {row}.event_type, {row}.review_status, {row}.iso, "
             f"{row}.country, {one}, {fat}, {sign}{row}.latitude, {sign}{row}.longitude "
             f"WHERE {row}.latitude IS NOT NULL AND {row}.longitude IS NOT NULL "
             "ON CONFLICT (gy, gx, event_type, review_status, iso, country) DO UPDATE "
             "SET events = event_cells.events + excluded.events, "
             "fatalities = event_cells.fatalities + excluded.fatalities, "
             "sum_lat = event_cells.sum_lat + excluded.sum_lat, sum_lon = event_cells.sum_lon + excluded.sum_lon")
    out = [months, cells]
    if sign == "-":  # a summary row of no events goes (found by its key)
        same = (f"event_type = {row}.event_type AND review_status = {row}.review_status AND iso = {row}.iso "
                f"AND country = {row}.country AND events = 0")
        out += [f"DELETE FROM event_months WHERE month = {_month(row, dialect)} AND {same}",
                f"DELETE FROM event_cells WHERE gy = {_grid(f'{row}.latitude', 90, dialect)} "
                f"AND gx = {_grid(f'{row}.longitude', 180, dialect)} AND {same}"]
    return out


WATCHED = "event_date, event_type, review_status, iso, country, fatalities, latitude, longitude"


def _summary_columns() -> list[sa.Column]:
    """The columns both summaries share (this migration's own copy: migrations stay as written)."""
    return [
        sa.Column("event_type", sa.String(40), primary_key=True),
        sa.Column("review_status", sa.String(20), primary_key=True),
        sa.Column("iso", sa.String(2), primary_key=True),
        sa.Column("country", sa.String(100), primary_key=True),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("fatalities", sa.BigInteger, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "event_months",
        sa.Column("month", sa.String(7), primary_key=True),  # YYYY-MM, "" for undated events
        *_summary_columns(),
    )
    op.create_table(
        "event_cells",
        sa.Column("gy", sa.Integer, primary_key=True),
        sa.Column("gx", sa.Integer, primary_key=True),
        *_summary_columns(),
        sa.Column("sum_lat", sa.Float, nullable=False),
        sa.Column("sum_lon", sa.Float, nullable=False),
    )
    op.create_index("events_queue", "events", ["review_status", "confidence", "id"])
    dialect = op.get_bind().dialect.name
    # what is stored already, once
    op.execute(f"INSERT INTO event_months (month, event_type, review_status, iso, country, events, fatalities) "
               f"SELECT {_month('events', dialect)}, event_type, review_status, iso, country, count(*), "
               f"coalesce(sum(fatalities), 0) FROM events GROUP BY 1, 2, 3, 4, 5")
    op.execute(f"INSERT INTO event_cells (gy, gx, event_type, review_status, iso, country, events, fatalities, "
               f"sum_lat, sum_lon) SELECT {_grid('latitude', 90, dialect)}, {_grid('longitude', 180, dialect)}, "
               "event_type, review_status, iso, country, count(*), coalesce(sum(fatalities), 0), sum(latitude), "
               "sum(longitude) FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL "
               "GROUP BY 1, 2, 3, 4, 5, 6")
    if dialect == "sqlite":
        op.execute("CREATE TRIGGER events_summary_insert AFTER INSERT ON events BEGIN "
                   + "; ".join(_statements("NEW", "+", dialect)) + "; END")
        op.execute("CREATE TRIGGER events_summary_delete AFTER DELETE ON events BEGIN "
                   + "; ".join(_statements("OLD", "-", dialect)) + "; END")
        op.execute(f"CREATE TRIGGER events_summary_update AFTER UPDATE OF {WATCHED} ON events BEGIN "
                   + "; ".join(_statements("OLD", "-", dialect) + _statements("NEW", "+", dialect)) + "; END")
    else:
        body = ("CREATE FUNCTION events_summary() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF TG_OP IN ('UPDATE', 'DELETE') THEN " + "; ".join(_statements("OLD", "-", dialect)) + "; END IF; "
                "IF TG_OP IN ('UPDATE', 'INSERT') THEN " + "; ".join(_statements("NEW", "+", dialect)) + "; END IF; "
                "RETURN NULL; END $$")
        op.execute(body)
        op.execute("CREATE TRIGGER events_summary_insert AFTER INSERT OR DELETE ON events "
                   "FOR EACH ROW EXECUTE FUNCTION events_summary()")
        op.execute(f"CREATE TRIGGER events_summary_update AFTER UPDATE OF {WATCHED} ON events "
                   "FOR EACH ROW EXECUTE FUNCTION events_summary()")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.execute("DROP TRIGGER IF EXISTS events_summary_insert" + ("" if dialect == "sqlite" else " ON events"))
    op.execute("DROP TRIGGER IF EXISTS events_summary_update" + ("" if dialect == "sqlite" else " ON events"))
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS events_summary_delete")
    else:
        op.execute("DROP FUNCTION IF EXISTS events_summary()")
    op.drop_index("events_queue", table_name="events")
    op.drop_table("event_cells")
    op.drop_table("event_months")
