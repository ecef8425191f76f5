"""Indexes for the map's views at archive scale (2,500,000 events):

- `events_lon_lat_cover`: a view's events by longitude and latitude, with what its clusters
  count (review status, event type, country, fatalities), read from the index alone;
- `events_date_lon_lat_cover` replaces `events_date_lon_lat` (0003): the same, for a view of
  some dates (a year of a region at zoom 6: 4.5 s -> index only);
- `events_confidence` and `events_fatalities`: the table's pages sorted by confidence or by
  fatalities stop after 50 rows instead of sorting every event of the view;
- on PostgreSQL, `events_date_desc` (event date descending, undated last, then id): the
  newest-first page, which reading `events_date_lon_lat_cover` backwards cannot give there (undated
  events would come first). SQLite puts them last anyway, and its index syntax has no NULLS.

Revision ID: 0015
Revises: 0014
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("events_lon_lat_cover", "events", ["longitude", "latitude", "review_status", "event_type",
                                                       "iso", "country", "fatalities"])
    op.create_index("events_date_lon_lat_cover", "events", ["event_date", "longitude", "latitude", "review_status",
                                                            "event_type", "iso", "country", "fatalities"])
    op.drop_index("events_date_lon_lat", table_name="events")
    op.create_index("events_confidence", "events", ["confidence", "id"])
    op.create_index("events_fatalities", "events", ["fatalities", "id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX events_date_desc ON events (event_date DESC NULLS LAST, id DESC)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS events_date_desc")
    op.drop_index("events_fatalities", table_name="events")
    op.drop_index("events_confidence", table_name="events")
    op.drop_index("events_lon_lat_cover", table_name="events")
    op.create_index("events_date_lon_lat", "events", ["event_date", "longitude", "latitude"])
    op.drop_index("events_date_lon_lat_cover", table_name="events")
