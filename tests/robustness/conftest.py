import pytest

from eventwire.store.db import open_store


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """Each reproduction is replayed on the embedded SQLite file and on a real PostgreSQL + PostGIS."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/events.sqlite"
    return request.getfixturevalue("postgres_server").new_database()


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()
