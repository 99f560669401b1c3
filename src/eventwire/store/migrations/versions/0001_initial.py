"""The first schema: articles, actors, places, events, reports; full-text search over articles.

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
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.String(200), index=True),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("canonical", sa.String(300), nullable=False),
        sa.Column("country", sa.String(3), index=True),
        sa.Column("sector", sa.String(20), nullable=False),
        sa.UniqueConstraint("canonical", "country", "sector", name="uq_actor"),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("geonameid", sa.Integer),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("admin1", sa.String(200)),
        sa.Column("admin2", sa.String(200)),
        sa.Column("country", sa.String(3), index=True),
        sa.Column("geo_precision", sa.String(10)),
        sa.UniqueConstraint("name", "country", "latitude", "longitude", "geo_precision", name="uq_place"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("type", sa.String(10), nullable=False),
        sa.Column("mode", sa.String(20)),
        sa.Column("cameo_root", sa.String(2)),
        sa.Column("acled_event_type", sa.String(40)),
        sa.Column("acled_sub_event_type", sa.String(60)),
        sa.Column("factuality", sa.String(12), nullable=False),
        sa.Column("date", sa.Date, nullable=False, index=True),
        sa.Column("date_precision", sa.String(5), nullable=False),
        sa.Column("source_actor_id", sa.Integer, sa.ForeignKey("actors.id")),
        sa.Column("target_actor_id", sa.Integer, sa.ForeignKey("actors.id")),
        sa.Column("place_id", sa.Integer, sa.ForeignKey("places.id")),
        sa.Column("source_country", sa.String(3), index=True),
        sa.Column("target_country", sa.String(3), index=True),
        sa.Column("country", sa.String(3), index=True),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.String(10)),
        sa.Column("n_reports", sa.Integer, nullable=False),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("n_outlets", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False, index=True),
        sa.Column("fatalities", sa.Integer),
        sa.Column("summary", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_events_type_date", "events", ["type", "date"])
    op.create_index("ix_events_latlon", "events", ["latitude", "longitude"])
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False, index=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False, index=True),
        sa.Column("type", sa.String(10), nullable=False),
        sa.Column("sentence_start", sa.Integer, nullable=False),
        sa.Column("trigger_start", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("outlet", sa.String(200)),
        sa.Column("cited_source", sa.String(300)),
        sa.Column("source_key", sa.String(300), nullable=False),
        sa.Column("factuality", sa.String(12), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.UniqueConstraint("article_id", "sentence_start", "trigger_start", "type", name="uq_report"),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # full-text search over article text and titles (external content: no second copy of the text)
        op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid')")
        op.execute(
            "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END"
        )
    elif bind.dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        op.execute("CREATE INDEX ix_articles_fts ON articles USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))")
        # distance queries: a geography index over the event points
        op.execute(
            "CREATE INDEX ix_events_geog ON events USING gist ((ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography)) "
            "WHERE latitude IS NOT NULL"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in ("reports", "events", "places", "actors", "articles"):
        op.drop_table(table)
