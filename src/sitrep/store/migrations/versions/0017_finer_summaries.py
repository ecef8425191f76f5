"""More summaries of the events, kept by triggers like those of 0014 (same transaction as every
write to `events`, whatever code makes it):

- `event_months_toll` and `event_cells_toll`: the events that killed someone, as `event_months`
  and `event_cells` count them, and also by their own fatalities (`toll`): a minimum-fatalities
  filter ("at least 5 killed") is `toll >= 5` on them, for any minimum. Events without
  fatalities are not in them, so they stay small (an unfiltered view never reads them).
- `event_tiles`: as `event_cells` on the map's zoom-10 grid (360 / 2 ** 13 degrees), with the
  sums of the coordinates: the server's clusters of a view at zooms 6 to 10 over all dates, read
  row of cells by row of cells (`gy IN (...) AND gx BETWEEN ...`, the primary key) instead of
  every event in the view's band of longitudes.
- `event_cells_year`: as `event_cells` per year on the zoom-7 grid (360 / 2 ** 10 degrees): the
  clusters of a view of whole years at zooms 7 and below (the days of a date range outside its
  whole years from the events).

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

CELL = 1.40625  # 360 / 2 ** 8: the zoom-5 grid of event_cells
TILE = 0.0439453125  # 360 / 2 ** 13: the zoom-10 grid of event_tiles
YEAR_CELL = 0.3515625  # 360 / 2 ** 10: the zoom-7 grid of event_cells_year
KEY = ["event_type", "review_status", "iso", "country"]
WATCHED = "event_date, event_type, review_status, iso, country, fatalities, latitude, longitude"


def _month(row: str, dialect: str) -> str:
    if dialect == "sqlite":
        return f"coalesce(substr({row}.event_date, 1, 7), '')"
    return f"coalesce(to_char({row}.event_date, 'YYYY-MM'), '')"


def _grid(expr: str, origin: int, size: float, dialect: str) -> str:
    if dialect == "sqlite":  # CAST truncates; the value is never negative
        return f"CAST(({expr} + {origin}) / {size} AS INTEGER)"
    return f"CAST(floor(({expr} + {origin}) / {size}) AS INTEGER)"


def _year(row: str, dialect: str) -> str:
    if dialect == "sqlite":
        return f"CAST(substr({row}.event_date, 1, 4) AS INTEGER)"
    return f"CAST(extract(year FROM {row}.event_date) AS INTEGER)"


def _summaries(row: str, dialect: str) -> list[tuple[str, dict[str, str], bool, str]]:
    """(table, its key columns beyond KEY with their values for `row`, whether it sums the
    coordinates, the condition for `row` to be counted in it)."""
    placed = f"{row}.latitude IS NOT NULL AND {row}.longitude IS NOT NULL"

    def grid(size: float) -> dict[str, str]:
        return {"gy": _grid(f"{row}.latitude", 90, size, dialect), "gx": _grid(f"{row}.longitude", 180, size, dialect)}
    return [
        ("event_months_toll", {"month": _month(row, dialect), "toll": f"{row}.fatalities"}, False,
         f"{row}.fatalities > 0"),
        ("event_cells_toll", {**grid(CELL), "toll": f"{row}.fatalities"}, True, f"{row}.fatalities > 0 AND {placed}"),
        ("event_tiles", grid(TILE), True, placed),
        ("event_cells_year", {"year": _year(row, dialect), **grid(YEAR_CELL)}, True,
         f"{placed} AND {row}.event_date IS NOT NULL"),
    ]


def _statements(row: str, sign: str, dialect: str) -> list[str]:
    """Add (sign "+") or take away (sign "-") the event `row` (NEW or OLD) in each summary."""
    out = []
    for table, extra, coords, cond in _summaries(row, dialect):
        keys = [*extra, *KEY]
        values = [*extra.values(), *(f"{row}.{k}" for k in KEY)]
        sums = {"events": "1" if sign == "+" else "-1", "fatalities": f"{sign}{row}.fatalities"}
        if coords:
            sums.update(sum_lat=f"{sign}{row}.latitude", sum_lon=f"{sign}{row}.longitude")
        out.append(
            f"INSERT INTO {table} ({', '.join(keys + list(sums))}) SELECT {', '.join(values + list(sums.values()))} "
            f"WHERE {cond} ON CONFLICT ({', '.join(keys)}) DO UPDATE SET "
            + ", ".join(f"{s} = {table}.{s} + excluded.{s}" for s in sums))
        if sign == "-":  # a summary row of no events goes (found by its key)
            out.append(f"DELETE FROM {table} WHERE " + " AND ".join(f"{k} = {v}" for k, v in zip(keys, values))
                       + " AND events = 0")
    return out


def _key_columns() -> list[sa.Column]:
    return [sa.Column("event_type", sa.String(40), primary_key=True),
            sa.Column("review_status", sa.String(20), primary_key=True),
            sa.Column("iso", sa.String(2), primary_key=True),
            sa.Column("country", sa.String(100), primary_key=True)]


def _counts(coords: bool) -> list[sa.Column]:
    cols = [sa.Column("events", sa.Integer, nullable=False), sa.Column("fatalities", sa.BigInteger, nullable=False)]
    if coords:
        cols += [sa.Column("sum_lat", sa.Float, nullable=False), sa.Column("sum_lon", sa.Float, nullable=False)]
    return cols


def upgrade() -> None:
    op.create_table("event_months_toll", sa.Column("month", sa.String(7), primary_key=True),
                    sa.Column("toll", sa.Integer, primary_key=True), *_key_columns(), *_counts(False))
    op.create_table("event_cells_toll", sa.Column("gy", sa.Integer, primary_key=True),
                    sa.Column("gx", sa.Integer, primary_key=True), sa.Column("toll", sa.Integer, primary_key=True),
                    *_key_columns(), *_counts(True))
    op.create_table("event_tiles", sa.Column("gy", sa.Integer, primary_key=True),
                    sa.Column("gx", sa.Integer, primary_key=True), *_key_columns(), *_counts(True))
    op.create_table("event_cells_year", sa.Column("year", sa.Integer, primary_key=True),
                    sa.Column("gy", sa.Integer, primary_key=True), sa.Column("gx", sa.Integer, primary_key=True),
                    *_key_columns(), *_counts(True))
    dialect = op.get_bind().dialect.name
    # what is stored already, once
    for table, extra, coords, cond in _summaries("events", dialect):
        keys = [*extra, *KEY]
        sums = ["count(*)", "sum(events.fatalities)"] + (["sum(events.latitude)", "sum(events.longitude)"]
                                                         if coords else [])
        names = ["events", "fatalities"] + (["sum_lat", "sum_lon"] if coords else [])
        op.execute(f"INSERT INTO {table} ({', '.join(keys + names)}) SELECT "
                   f"{', '.join([*extra.values(), *(f'events.{k}' for k in KEY)] + sums)} FROM events "
                   f"WHERE {cond} GROUP BY {', '.join(str(i + 1) for i in range(len(keys)))}")
    if dialect == "sqlite":
        op.execute("CREATE TRIGGER events_summary2_insert AFTER INSERT ON events BEGIN "
                   + "; ".join(_statements("NEW", "+", dialect)) + "; END")
        op.execute("CREATE TRIGGER events_summary2_delete AFTER DELETE ON events BEGIN "
                   + "; ".join(_statements("OLD", "-", dialect)) + "; END")
        op.execute(f"CREATE TRIGGER events_summary2_update AFTER UPDATE OF {WATCHED} ON events BEGIN "
                   + "; ".join(_statements("OLD", "-", dialect) + _statements("NEW", "+", dialect)) + "; END")
    else:
        op.execute("CREATE FUNCTION events_summary2() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   "IF TG_OP IN ('UPDATE', 'DELETE') THEN " + "; ".join(_statements("OLD", "-", dialect))
                   + "; END IF; IF TG_OP IN ('UPDATE', 'INSERT') THEN " + "; ".join(_statements("NEW", "+", dialect))
                   + "; END IF; RETURN NULL; END $$")
        op.execute("CREATE TRIGGER events_summary2_insert AFTER INSERT OR DELETE ON events "
                   "FOR EACH ROW EXECUTE FUNCTION events_summary2()")
        op.execute(f"CREATE TRIGGER events_summary2_update AFTER UPDATE OF {WATCHED} ON events "
                   "FOR EACH ROW EXECUTE FUNCTION events_summary2()")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.execute("DROP TRIGGER IF EXISTS events_summary2_insert" + ("" if dialect == "sqlite" else " ON events"))
    op.execute("DROP TRIGGER IF EXISTS events_summary2_update" + ("" if dialect == "sqlite" else " ON events"))
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS events_summary2_delete")
    else:
        op.execute("DROP FUNCTION IF EXISTS events_summary2()")
    for table in ("event_cells_year", "event_tiles", "event_cells_toll", "event_months_toll"):
        op.drop_table(table)
