"""Events of an article with no publication date: no day is invented for them. The store holds
them with a null date, lists put them after every dated event (on both back ends, by offset and
by cursor), date filters leave them out, nothing merges them on a day nobody stated, and the
exports write them without a date or, where the format requires one (ACLED), leave them out
with that reason."""

import io
from datetime import date
from importlib import resources

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from eventwire.article import make_article
from eventwire.store.acled_export import write_acled_csv
from eventwire.store.db import open_store, schema_revision
from eventwire.store.export import stream_events, write_parquet
from eventwire.store.ingest import ingest
from eventwire.store.notebook import open_store as notebook_store
from eventwire.store.query import EventFilter, count_events, event_cursor, event_detail, format_cursor, list_events, parse_cursor

# one event told by two outlets in other words; dated, they are one event (test_ingest)
FIRST = "Police in Kisumu arrested 14 opposition supporters on Thursday, the county commander said."
SECOND = "On Thursday, police arrested 14 supporters of the opposition in Kisumu, the county commander told reporters."
DATED = [
    "Soldiers clashed with gunmen near Garissa on March 3, 2021, killing four of them, the army said.",
    "Protesters marched through Mombasa on 5 March 2021 to demand lower fuel prices, organisers said.",
]

ALL = EventFilter(limit=100, factuality=None)


def _undated(text_, id_):
    return make_article(text_, published=None, outlet="Coast Courier", article_id=id_)


def _dated(text_, id_):
    return make_article(text_, published="2021-03-08", outlet="Coast Courier", article_id=id_)


@pytest.fixture
def mixed(store):
    ingest(store, [_undated(FIRST, "u1"), _undated(SECOND, "u2"), *(_dated(t, f"d{i}") for i, t in enumerate(DATED))])
    return store


def test_an_undated_article_gives_events_with_no_date_and_keeps_the_words(mixed):
    with mixed.session() as s:
        events = list_events(s, ALL, mixed.dialect)
    undated = [e for e in events if e["date"] is None]
    assert undated and all(e["date_precision"] is None for e in undated)
    assert {e["date"] for e in events if e["date"]} >= {"2021-03-03", "2021-03-05"}
    with mixed.session() as s:
        detail = event_detail(s, undated[0]["id"])
    (record,) = [r["record"] for r in detail["reports"]]
    assert record["date"] is None and record["date_text"].lower().endswith("thursday")


def test_undated_events_are_never_merged_on_a_day_nobody_stated(mixed):
    with mixed.session() as s:
        undated = [e for e in list_events(s, ALL, mixed.dialect) if e["date"] is None]
    assert len(undated) == 2 and all(e["n_articles"] == 1 for e in undated)


def _after(e):
    """The cursor that continues a list after event ``e``, as a client sends it back."""
    return parse_cursor(format_cursor(*event_cursor(e)))


def test_lists_put_the_undated_last_by_offset_and_by_cursor(mixed):
    with mixed.session() as s:
        every = list_events(s, ALL, mixed.dialect)
        dates = [e["date"] for e in every]
        n_dated = dates.index(None)
        assert dates[:n_dated] == sorted(dates[:n_dated], reverse=True) and set(dates[n_dated:]) == {None}
        walked, cursor = [], None
        while page := list_events(s, EventFilter(limit=1, factuality=None, after=cursor), mixed.dialect):
            walked += page
            cursor = _after(page[0])
        assert [e["id"] for e in walked] == [e["id"] for e in every]
        # an offset that passes the dated events after a cursor goes on into the undated ones
        f = EventFilter(limit=2, offset=n_dated - 1, factuality=None, after=_after(every[0]))
        assert [e["id"] for e in list_events(s, f, mixed.dialect)] == [e["id"] for e in every[n_dated : n_dated + 2]]


def test_date_filters_leave_the_undated_out_and_counts_by_day_show_them_apart(mixed):
    with mixed.session() as s:
        since = list_events(s, EventFilter(limit=100, factuality=None, since=date(2000, 1, 1)), mixed.dialect)
        assert since and all(e["date"] for e in since)
        by_day = {c["key"]: c["count"] for c in count_events(s, ALL, "day", mixed.dialect)}
    assert by_day[None] == 2 and sum(by_day.values()) == 2 + len(since)
    # the notebook's counts too, its day keys dates and the undated under None
    with notebook_store(mixed.url) as events:
        counts = events.counts(by="day", factuality="all")
    assert counts[None] == 2 and all(isinstance(k, date) for k in counts if k is not None)


def test_exports_write_no_date_and_acled_leaves_them_out_saying_why(mixed, tmp_path):
    events = list(stream_events(mixed, ALL, with_reports=True))
    assert [e["date"] for e in events][-2:] == [None, None]
    out = io.StringIO()
    result = write_acled_csv(events, out, spellings={})
    assert result.left_out["with no date"] == 2
    assert all(",20" in line or line.startswith("event_id_cnty") for line in out.getvalue().splitlines())
    pq = pytest.importorskip("pyarrow.parquet")
    write_parquet(events, tmp_path / "events.parquet")
    assert pq.read_table(tmp_path / "events.parquet").column("date").null_count == 2


def _alembic(url: str, revision: str, up: bool) -> None:
    from sqlalchemy import create_engine

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("eventwire.store").joinpath("migrations")))
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.upgrade if up else command.downgrade)(cfg, revision)
    engine.dispose()


def test_a_store_of_the_last_schema_is_upgraded_with_its_events_and_ordered_indexes(tmp_path):
    url = f"sqlite:///{tmp_path}/old.sqlite"
    store = open_store(url)
    ingest(store, [_dated(t, f"d{i}") for i, t in enumerate(DATED)])
    with store.session() as s:
        before = list_events(s, ALL, store.dialect)
    store.close()
    _alembic(url, "0004", up=False)
    store = open_store(url)  # upgrades to the newest revision
    assert schema_revision(store) == "0005"
    with store.session() as s:
        assert list_events(s, ALL, store.dialect) == before
        indexes = dict(s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'")).all())
    # the batch copy of the table must not lose the order that lets a page be read from the index
    assert all("date DESC" in indexes[name] for name in ("ix_events_order", "ix_events_type_order", "ix_events_country_order"))
    ingest(store, [_undated(FIRST, "u1")])
    store.close()
    with pytest.raises(RuntimeError, match="have no date"):  # going back would lose them: refused
        _alembic(url, "0004", up=False)
