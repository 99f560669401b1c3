"""Indexes for the read API. Every list is ordered by (date DESC, id), so the indexes
a filter uses have those columns right after its equalities, and a page is read in
order, with no sort: ix_events_order (factuality), ix_events_type_order (type) and
ix_events_country_order (country, the selective equalities). Each also holds every
other filtered column, so any filter is tested in the index and only the rows of a
page are read from the table, and a count is read from an index alone. Actor ids
are indexed (filters by actor name, /api/actors), and the newest update is one
index lookup (the read cache's check for writes).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

ORDER = [sa.text("date DESC"), "id"]
FILTERED = ["source_country", "target_country", "source_actor_id", "target_actor_id", "n_sources", "latitude", "longitude"]


def upgrade() -> None:
    op.create_index("ix_events_order", "events", ["factuality", *ORDER, "type", "country", *FILTERED])
    op.drop_index("ix_events_type_date", table_name="events")
    op.create_index("ix_events_type_order", "events", ["type", "factuality", *ORDER, "country", *FILTERED])
    op.drop_index("ix_events_country", table_name="events")
    op.create_index("ix_events_country_order", "events", ["country", "factuality", *ORDER, "type", *FILTERED])
    op.create_index("ix_events_source_actor_id", "events", ["source_actor_id"])
    op.create_index("ix_events_target_actor_id", "events", ["target_actor_id"])
    op.create_index("ix_events_updated_at", "events", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_events_updated_at", table_name="events")
    op.drop_index("ix_events_target_actor_id", table_name="events")
    op.drop_index("ix_events_source_actor_id", table_name="events")
    op.drop_index("ix_events_country_order", table_name="events")
    op.create_index("ix_events_country", "events", ["country"])
    op.drop_index("ix_events_type_order", table_name="events")
    op.create_index("ix_events_type_date", "events", ["type", "date"])
    op.drop_index("ix_events_order", table_name="events")
