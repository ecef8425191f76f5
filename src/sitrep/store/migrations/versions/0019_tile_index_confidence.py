"""events_tile (0018) also holds each event's confidence: a page of a view sorted by confidence,
like one by date or by fatalities, is then sorted from the index alone (PostgreSQL read each of a
view's 300,000 events from the table to sort them by confidence: a second).

Revision ID: 0019
Revises: 0018
"""

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

TILE = 0.0439453125  # 360 / 2 ** 13


def _create(dialect: str, extra: str) -> None:
    if dialect == "sqlite":  # CAST truncates; the values are never negative
        gy, gx = f"CAST((latitude + 90) / {TILE} AS INTEGER)", f"CAST((longitude + 180) / {TILE} AS INTEGER)"
    else:
        gy, gx = f"(CAST(floor((latitude + 90) / {TILE}) AS INTEGER))", f"(CAST(floor((longitude + 180) / {TILE}) AS INTEGER))"
    rest = "event_date, longitude, latitude, review_status, event_type, iso, country, fatalities" + extra
    op.execute("DROP INDEX IF EXISTS events_tile")
    op.execute(f"CREATE INDEX events_tile ON events ({gy}, {gx}, {rest}{'' if dialect == 'sqlite' else ', id'})")


def upgrade() -> None:
    _create(op.get_bind().dialect.name, ", confidence")


def downgrade() -> None:
    _create(op.get_bind().dialect.name, "")
