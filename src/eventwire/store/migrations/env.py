"""Alembic environment: eventwire runs migrations itself when it opens a store
(``eventwire.store.db.open_store``), passing its connection in ``config.attributes``."""

from alembic import context

from eventwire.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
