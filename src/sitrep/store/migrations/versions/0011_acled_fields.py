"""The rest of the ACLED model an analyst may code: admin3 and source_scale (both empty until
someone sets them).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("admin3", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("source_scale", sa.String(100), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("source_scale")
        batch.drop_column("admin3")
