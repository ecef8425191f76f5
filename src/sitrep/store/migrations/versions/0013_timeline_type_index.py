"""The timeline counts events per day and event type: read from an index alone (300,000
events: 1.1 s -> 0.28 s for /api/timeline). It replaces the per-day index of 0008, which it
covers.

Revision ID: 0013
Revises: 0012
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("events_date_status_type_fat", "events",
                    ["event_date", "review_status", "event_type", "fatalities"])
    op.drop_index("events_date_status_fat", table_name="events")


def downgrade() -> None:
    op.create_index("events_date_status_fat", "events", ["event_date", "review_status", "fatalities"])
    op.drop_index("events_date_status_type_fat", table_name="events")
