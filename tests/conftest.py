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
