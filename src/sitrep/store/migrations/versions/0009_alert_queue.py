"""Alerts survive a crash: new events wait in a queue until their alerts are handed out, and
a delivery that failed (or was cut off) has a time to be tried again.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alert_queue",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("alert_deliveries") as batch:
        batch.add_column(sa.Column("next_try", sa.DateTime(timezone=True), nullable=True))
    op.create_index("alert_deliveries_next_try", "alert_deliveries", ["next_try"])


def downgrade() -> None:
    op.drop_index("alert_deliveries_next_try", table_name="alert_deliveries")
    with op.batch_alter_table("alert_deliveries") as batch:
        batch.drop_column("next_try")
    op.drop_table("alert_queue")
