import pytest
from sqlalchemy import select

from eventwire.store.db import open_store
from eventwire.store.models import Event, Report


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The same store tests run on the embedded SQLite file and on a real PostgreSQL + PostGIS."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/events.sqlite"
    server = request.getfixturevalue("postgres_server")
    return server.new_database()


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def store_snapshot(url):
    """What a store holds, independent of row ids: its reports and how they group into events."""
    store = open_store(url)
    with store.session() as s:
        reports = sorted((r.article_id, r.sentence_start, r.trigger_start, r.type) for r in s.scalars(select(Report)))
        groups = {}
        for r in s.scalars(select(Report)):
            groups.setdefault(r.event_id, []).append((r.article_id, r.sentence_start, r.trigger_start))
        events = sorted(tuple(sorted(g)) for g in groups.values())
        n_events = len(s.scalars(select(Event)).all())
    store.close()
    return reports, events, n_events


@pytest.fixture(scope="session")
def snapshot():
    return store_snapshot
