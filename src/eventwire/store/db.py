"""Opening a store: a database URL, its migrations, and the connection settings.

``sqlite:///path.sqlite`` (the embedded default, one file, WAL) or
``postgresql+psycopg://user@host:port/db`` (the server option, with PostGIS).
Opening runs the Alembic migrations up to the newest schema, so a store made by
an older eventwire is upgraded in place.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Self

import orjson
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import EventwireError

DEFAULT_URL = "sqlite:///eventwire.sqlite"


def default_url() -> str:
    return os.environ.get("EVENTWIRE_DB") or DEFAULT_URL


@dataclass
class Store:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        return self.sessions()

    @contextmanager
    def reader(self) -> Iterator[Connection]:
        """A connection for reads only, without the ORM: each statement sees what is committed
        when it runs. On PostgreSQL it runs outside a transaction, which saves the BEGIN and
        ROLLBACK round trips a read would otherwise cost (two of its three statements)."""
        with self.engine.connect() as conn:
            if self.dialect == "postgresql":
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def open_store(url: str | None = None, *, must_exist: bool = False) -> Store:
    """Connect to the store at ``url`` (default ``$EVENTWIRE_DB`` or ./eventwire.sqlite), migrating it.

    ``must_exist``: a SQLite file that is not there is an error, not a new empty store (read
    commands use it, so a mistyped path is said, not answered with nothing)."""
    url = url or default_url()
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise EventwireError(f"{url!r} is not a database URL; use sqlite:///events.sqlite or postgresql+psycopg://user@host/db") from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise EventwireError(f"{url}: eventwire stores events in SQLite or PostgreSQL, not {parsed.get_backend_name()}")
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        path = Path(parsed.database).expanduser().resolve()
        if must_exist and not path.is_file():
            raise EventwireError(f"no store at {path} ({url}); check --db or $EVENTWIRE_DB, or make one with `eventwire ingest`")
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # stored JSON (events' summaries and records) is decoded by orjson: several times faster
        # than the standard library's, and the API decodes one per event it lists
        engine = create_engine(url, future=True, json_deserializer=_json_loads, **_pool_settings(parsed))
    except ModuleNotFoundError as err:  # the driver of a back end is an extra
        raise EventwireError(f"{url}: its database driver is not installed ({err.name}); "
                             "for PostgreSQL run `make extras` or pip install 'psycopg[binary]==3.3.9'") from None  # fmt: skip
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_settings)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _postgresql_settings)
    try:
        migrate(engine)
    except OperationalError as err:
        raise EventwireError(f"cannot open the store at {url}: {err.orig}") from None
    return Store(url, engine, sessionmaker(engine, expire_on_commit=False))


# Connections one process may open: as many as the API's worker threads (anyio's default
# of 40), so a request waits for a thread, never for a connection it would time out on.
POOL_SIZE, POOL_OVERFLOW = 10, 30


def _pool_settings(parsed) -> dict:
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        return {}  # one shared in-memory connection; there is no pool to size
    return {"pool_size": POOL_SIZE, "max_overflow": POOL_OVERFLOW}


def _sqlite_settings(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer; a killed writer loses nothing committed
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    # up to 64 MB of pages per connection, not the 2 MB default: a radius query on 100k events
    # measured 12.3 ms with the default and 2.3 ms with this (the API reads on 4 threads)
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()
    # great-circle distance in SQL, so a radius query is filtered and paginated in the database
    from ..geo.distance import haversine_km

    dbapi_connection.create_function("haversine_km", 4, _null_safe(haversine_km), deterministic=True)


def _postgresql_settings(dbapi_connection, _record) -> None:
    # plan every query for its own values: the best plan for a radius (its box), an offset or a
    # date range depends on them, and psycopg prepares a statement run five times, after which
    # the server may keep a generic plan (a 300 km radius measured 16 ms so, 2 ms planned for it);
    # no JIT: compiling costs these short queries more than it saves (8 ms on one measured);
    # an index page costs about what a table page does (the store is read from memory, and the
    # ordered indexes of migration 0004 are made to answer a count alone): with the default
    # of 4 the planner scanned the whole table for a count by day instead (23 ms against 19 ms;
    # since a date with two sources, 20 ms against 10 ms)
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True  # SET in a transaction would be undone by its rollback
    cur = dbapi_connection.cursor()
    cur.execute("SET plan_cache_mode = force_custom_plan")
    cur.execute("SET jit = off")
    cur.execute("SET random_page_cost = 1.1")
    cur.close()
    dbapi_connection.autocommit = autocommit


def _json_loads(text: str | bytes):
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:  # NaN or Infinity, which the standard library writes and orjson refuses
        return json.loads(text)


def _null_safe(fn):
    def wrapped(*args):
        return None if any(a is None for a in args) else fn(*args)

    return wrapped


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (Alembic, scripts in store/migrations)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("eventwire.store").joinpath("migrations")))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def schema_revision(store: Store) -> str | None:
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
