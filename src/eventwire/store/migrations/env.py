"""Alembic environment: eventwire runs migrations itself when it opens a store
(``eventwire.store.db.open_store``), passing its connection in ``config.attributes``."""

from alembic import context

from eventwire.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=connection.dialect.name == "sqlite")
sqlite = connection.dialect.name == "sqlite"
if sqlite:
    # SQLite changes a column by copying its table, dropping the old one and renaming the copy:
    # with foreign keys enforced the drop fails while other tables point at it. They are off
    # for the migration (the pragma takes effect here, before the first write opens a
    # transaction) and checked once it is done.
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
with context.begin_transaction():
    context.run_migrations()
if sqlite:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"the migration left {len(broken)} rows pointing at no row (first: {broken[0]}); "
                           "restore the store's backup and report this as a bug")
    connection.exec_driver_sql("PRAGMA foreign_keys=ON")
