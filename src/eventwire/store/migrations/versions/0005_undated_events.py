"""Events may have no date: an article with no publication date whose text gives no date with
its year ("on Thursday") tells an event whose day is not known, and a guessed day would be a
wrong fact in every count and map. ``date`` and ``date_precision`` become nullable. Lists stay
ordered newest first with the undated events last (``date DESC NULLS LAST``): SQLite puts nulls
last in a descending order already (and its indexes take no NULLS LAST), PostgreSQL puts them
first unless told, so there the three ordered indexes of 0004 are rebuilt with NULLS LAST, or the
lists would sort instead of reading an index in order. On SQLite they are rebuilt too: the batch
copy of the table makes its indexes again from reflection, which loses their DESC.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FILTERED = ["source_country", "target_country", "source_actor_id", "target_actor_id", "n_sources", "latitude", "longitude"]


def _ordered_indexes(date_order: str) -> dict[str, list]:
    order = [sa.text(date_order), "id"]
    return {
        "ix_events_order": ["factuality", *order, "type", "country", *FILTERED],
        "ix_events_type_order": ["type", "factuality", *order, "country", *FILTERED],
        "ix_events_country_order": ["country", "factuality", *order, "type", *FILTERED],
    }


def _rebuild_ordered_indexes(date_order: str) -> None:
    for name, columns in _ordered_indexes(date_order).items():
        op.drop_index(name, table_name="events")
        op.create_index(name, "events", columns)


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.alter_column("date", existing_type=sa.Date(), nullable=True)
        batch.alter_column("date_precision", existing_type=sa.String(5), nullable=True)
    _rebuild_ordered_indexes("date DESC NULLS LAST" if op.get_bind().dialect.name == "postgresql" else "date DESC")


def downgrade() -> None:
    undated = op.get_bind().execute(sa.text("SELECT count(*) FROM events WHERE date IS NULL")).scalar()
    if undated:  # an older schema cannot hold them, and a downgrade must not lose them silently
        raise RuntimeError(f"{undated} stored events have no date: export them before going back to revision 0004")
    with op.batch_alter_table("events") as batch:
        batch.alter_column("date_precision", existing_type=sa.String(5), nullable=False)
        batch.alter_column("date", existing_type=sa.Date(), nullable=False)
    _rebuild_ordered_indexes("date DESC")
