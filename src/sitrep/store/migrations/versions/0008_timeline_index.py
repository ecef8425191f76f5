"""Events per day (the timeline) read from an index alone.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("events_date_status_fat", "events", ["event_date", "review_status", "fatalities"])


def downgrade() -> None:
    op.drop_index("events_date_status_fat", table_name="events")
