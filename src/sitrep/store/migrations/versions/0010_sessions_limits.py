"""Web hardening: sessions expire on the server (a session is a token row of kind "session"
with the time it was last used), and failed logins are counted in the database so that the
limit holds across worker processes.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(sa.Column("kind", sa.String(10), nullable=False, server_default="api"))
        batch.add_column(sa.Column("last_used", sa.DateTime(timezone=True), nullable=True))
    op.create_index("api_tokens_kind_created", "api_tokens", ["kind", "created_at"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("login_failures_key_at", "login_failures", ["key_hash", "at"])
    op.create_index("login_failures_at", "login_failures", ["at"])


def downgrade() -> None:
    op.drop_table("login_failures")
    op.drop_index("api_tokens_kind_created", table_name="api_tokens")
    with op.batch_alter_table("api_tokens") as batch:
        batch.drop_column("last_used")
        batch.drop_column("kind")
