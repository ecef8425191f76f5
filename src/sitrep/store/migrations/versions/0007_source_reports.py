"""Each source's own account of an event (date, place, actor, names), for fusion.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event_sources") as batch:
        batch.add_column(sa.Column("report", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("event_sources") as batch:
        batch.drop_column("report")
