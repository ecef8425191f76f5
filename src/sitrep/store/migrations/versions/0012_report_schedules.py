"""Situation reports on a schedule: what to report and where to send it, and one delivery per
schedule, period and channel (so a period is sent once, and a failed send is tried again).

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_schedules",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("spec", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "report_deliveries",
        sa.Column("schedule_id", sa.Integer, sa.ForeignKey("report_schedules.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("period", sa.String(40), primary_key=True),
        sa.Column("channel", sa.String(20), primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("detail", sa.Text, nullable=False, server_default=""),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_try", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("report_deliveries_next_try", "report_deliveries", ["next_try"])


def downgrade() -> None:
    op.drop_index("report_deliveries_next_try", table_name="report_deliveries")
    op.drop_table("report_deliveries")
    op.drop_table("report_schedules")
