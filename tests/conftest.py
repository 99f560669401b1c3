import pytest


@pytest.fixture(scope="session")
def nlp():
    from eventwire.document import load_pipeline

    return load_pipeline()


# --- PostgreSQL + PostGIS server for the store tests ----------------------
# One throwaway server (tests/pg_server.py) for the whole session, started on
# first use. EVENTWIRE_TEST_PG=0 skips every test that needs it;
# EVENTWIRE_TEST_PG=1 makes a missing PostgreSQL/PostGIS an error instead of a skip.


@pytest.fixture(scope="session")
def postgres_server():
    import os

    from pg_server import PostgresServer, available

    mode = os.environ.get("EVENTWIRE_TEST_PG", "").strip().lower()
    if mode in ("0", "false", "no", "off"):
        pytest.skip("PostgreSQL tests disabled by EVENTWIRE_TEST_PG=0")
    ok, reason = available()
    if not ok:
        if mode in ("1", "true", "yes", "on"):
            pytest.fail(f"EVENTWIRE_TEST_PG=1 but PostgreSQL is not available: {reason}")
        pytest.skip(reason)
    server = PostgresServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_url(postgres_server):
    """SQLAlchemy URL (postgresql+psycopg://eventwire@127.0.0.1:PORT/eventwire) of a PostGIS-enabled database."""
    return postgres_server.url


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def sample_store_url(request, tmp_path_factory):
    """The URL of a store holding the sample corpus, ingested once per back end for the whole
    session: the tests given it only read it."""
    from eventwire.cli import SAMPLE_ARTICLES, sample_path
    from eventwire.reader import read_path
    from eventwire.store.db import open_store
    from eventwire.store.ingest import ingest

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sample')}/sample.sqlite"
    else:
        url = request.getfixturevalue("postgres_server").new_database()
    with open_store(url) as store:
        ingest(store, read_path(sample_path(SAMPLE_ARTICLES)))
    return url
