"""The store's data version: one number that changes, in the same transaction, with every
write to what the API's lists, maps, counts and timelines show (events, their sources and
articles), whatever code makes it. A server process keeps its answers to read requests while
the number it read before answering stays the same (sitrep.web's answer cache): a write through
any process, or straight into the database, makes every process answer afresh.

The number is read before the data, so an answer kept under it is never older than it; it is
written by a trigger (per statement on PostgreSQL, per row on SQLite, which has no statement
triggers), so it becomes visible exactly when the write commits.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

TABLES = ("events", "event_sources", "articles")
BUMP = "UPDATE data_version SET version = version + 1 WHERE id = 1"


def upgrade() -> None:
    op.create_table(
        "data_version",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version", sa.BigInteger, nullable=False),
    )
    op.execute("INSERT INTO data_version (id, version) VALUES (1, 1)")
    if op.get_bind().dialect.name == "sqlite":
        for table in TABLES:
            for what in ("INSERT", "UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_version_{what.lower()} AFTER {what} ON {table} "
                           f"BEGIN {BUMP}; END")
    else:
        op.execute("CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   f"{BUMP}; RETURN NULL; END $$")
        for table in TABLES:
            op.execute(f"CREATE TRIGGER {table}_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in TABLES:
            for what in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_version_{what}")
    else:
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_version ON {table}")
        op.execute("DROP FUNCTION IF EXISTS data_version_bump()")
    op.drop_table("data_version")
