"""A view's events by the map's zoom-10 grid (cells of 360 / 2 ** 13 degrees, about 5 km): an
index on each event's grid row and column (expressions of its latitude and longitude), then
its date, position and what the map and the table read (review status, event type, country,
fatalities; and the id on PostgreSQL, where it is not implicit). A map view is asked for as
its grid rows (`row IN (...)`) and, within each, a range of grid columns: only the events of
the view are read, where the index by longitude read every event in the view's band of
longitudes, from pole to pole (a city's view at zoom 10 also read the cities of every other
country at that longitude).

Revision ID: 0018
Revises: 0017
"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

TILE = 0.0439453125  # 360 / 2 ** 13


def tile_expressions(dialect: str, table: str = "") -> tuple[str, str]:
    """The grid row and column of an event, exactly as the index has them (the planners use the
    index only for the same expression). A copy lives in sitrep.store: migrations stay as written."""
    prefix = f"{table}." if table else ""
    if dialect == "sqlite":  # CAST truncates; the values are never negative
        return (f"CAST(({prefix}latitude + 90) / {TILE} AS INTEGER)",
                f"CAST(({prefix}longitude + 180) / {TILE} AS INTEGER)")
    return (f"CAST(floor(({prefix}latitude + 90) / {TILE}) AS INTEGER)",
            f"CAST(floor(({prefix}longitude + 180) / {TILE}) AS INTEGER)")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    gy, gx = tile_expressions(dialect)
    rest = "event_date, longitude, latitude, review_status, event_type, iso, country, fatalities"
    if dialect == "sqlite":
        op.execute(f"CREATE INDEX events_tile ON events ({gy}, {gx}, {rest})")
    else:
        op.execute(f"CREATE INDEX events_tile ON events (({gy}), ({gx}), {rest}, id)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS events_tile")
