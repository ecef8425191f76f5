"""Articles, events, event sources and full-text search.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("url", sa.Text, nullable=False, server_default=""),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("source", sa.String(300), nullable=False, server_default=""),
        sa.Column("language", sa.String(16), nullable=False, server_default="en"),
        sa.Column("origin", sa.Text, nullable=False, server_default=""),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("event_date", sa.Date, nullable=True),
        sa.Column("time_precision", sa.SmallInteger, nullable=False, server_default="3"),
        sa.Column("disorder_type", sa.String(40), nullable=False, server_default=""),
        sa.Column("event_type", sa.String(40), nullable=False),
        sa.Column("sub_event_type", sa.String(60), nullable=False),
        sa.Column("actor1", sa.String(300), nullable=False, server_default=""),
        sa.Column("assoc_actor_1", sa.String(300), nullable=False, server_default=""),
        sa.Column("inter1", sa.SmallInteger, nullable=True),
        sa.Column("actor2", sa.String(300), nullable=False, server_default=""),
        sa.Column("assoc_actor_2", sa.String(300), nullable=False, server_default=""),
        sa.Column("inter2", sa.SmallInteger, nullable=True),
        sa.Column("interaction", sa.SmallInteger, nullable=True),
        sa.Column("civilian_targeting", sa.String(40), nullable=False, server_default=""),
        sa.Column("country", sa.String(100), nullable=False, server_default=""),
        sa.Column("iso", sa.String(2), nullable=False, server_default=""),
        sa.Column("admin1", sa.String(200), nullable=False, server_default=""),
        sa.Column("admin2", sa.String(200), nullable=False, server_default=""),
        sa.Column("location", sa.String(300), nullable=False, server_default=""),
        sa.Column("latitude", sa.Float, nullable=True),
        sa.Column("longitude", sa.Float, nullable=True),
        sa.Column("geo_precision", sa.SmallInteger, nullable=True),
        sa.Column("fatalities", sa.Integer, nullable=False, server_default="0"),
        sa.Column("injured", sa.Integer, nullable=False, server_default="0"),
        sa.Column("abducted", sa.Integer, nullable=False, server_default="0"),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("source", sa.String(300), nullable=False, server_default=""),
        sa.Column("confidence", sa.Float, nullable=False, server_default="0"),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("review_status", sa.String(20), nullable=False, server_default="unreviewed"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("events_date", "events", ["event_date"])
    op.create_index("events_country_admin1", "events", ["country", "admin1"])
    op.create_index("events_type", "events", ["event_type", "sub_event_type"])
    op.create_index("events_article", "events", ["article_id"])
    op.create_index("events_latlon", "events", ["latitude", "longitude"])
    op.create_table(
        "event_sources",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, text)")
    elif bind.dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX articles_fts ON articles USING gin "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text))"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
    op.drop_table("event_sources")
    op.drop_table("events")
    op.drop_table("articles")
