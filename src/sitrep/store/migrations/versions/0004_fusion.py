"""Fusion: fatality range over the sources and per-field provenance.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("fatalities_best", sa.Integer, nullable=True))
        batch.add_column(sa.Column("fatalities_high", sa.Integer, nullable=True))
        batch.add_column(sa.Column("provenance", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("provenance")
        batch.drop_column("fatalities_high")
        batch.drop_column("fatalities_best")
