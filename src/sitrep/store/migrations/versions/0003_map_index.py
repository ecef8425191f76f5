"""An index for the map's query: a date window inside a viewport.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # the date-only index made SQLite read every event of the window; this one filters the
    # viewport inside the index and serves date-only queries as well
    op.create_index("events_date_lon_lat", "events", ["event_date", "longitude", "latitude"])
    op.drop_index("events_date", "events")
    # a latitude band is a poor filter (a quarter of a country); SQLite preferred it anyway
    op.drop_index("events_latlon", "events")


def downgrade() -> None:
    op.create_index("events_latlon", "events", ["latitude", "longitude"])
    op.create_index("events_date", "events", ["event_date"])
    op.drop_index("events_date_lon_lat", "events")
