"""Streaming exports (store/export.py): every event once, page after page, with its URL and
evidence, in each format; the acled-csv export as before; memory that does not grow with the
number of events."""

import csv
import io
import json
import os
import tracemalloc
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from eventwire.store.acled_export import ACLED_COLUMNS, write_acled_csv
from eventwire.store.db import open_store
from eventwire.store.export import (
    CSV_COLUMNS,
    EVIDENCE_SEPARATOR,
    count_matching,
    export_store,
    stream_events,
    write_events,
)
from eventwire.store.models import Article, Event, Report
from eventwire.store.query import EventFilter, event_dict, find_events, list_events

ALL = EventFilter(factuality=None)  # every event, whatever its factuality


@pytest.fixture(scope="module")
def sample_store(sample_store_url):
    """The sample corpus's store, on each back end (exports only read)."""
    with open_store(sample_store_url) as store:
        yield store


def stored(store):
    """{event id: (date, [(article URL, sentence) of its reports in report order])}."""
    with store.session() as s:
        events = {i: (d, []) for i, d in s.execute(select(Event.id, Event.date))}
        q = select(Report.event_id, Article.url, Report.sentence).join(Article, Article.id == Report.article_id).order_by(Report.id)
        for event_id, url, sentence in s.execute(q):
            events[event_id][1].append((url, sentence))
    return events


def test_every_event_once_newest_first_over_many_pages(sample_store):
    pages = []
    rows = list(stream_events(sample_store, ALL, page=7, progress=pages.append))
    truth = stored(sample_store)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) == len(truth) == count_matching(sample_store, ALL) > 7 * 10
    assert set(ids) == set(truth)
    assert len(pages) > 10 and pages[-1] == len(rows) and pages == sorted(pages)
    assert [(r["date"], -r["id"]) for r in rows] == sorted(((r["date"], -r["id"]) for r in rows), reverse=True)


def test_the_dictionaries_are_the_apis_and_the_filter_applies(sample_store):
    f = EventFilter(type="ASSAULT", limit=3, offset=2)  # the filter's page is not the export's
    with sample_store.session() as s:
        api = list_events(s, EventFilter(type="ASSAULT", limit=10_000), sample_store.dialect)
        # a session works as well as a store
        rows = list(stream_events(s, f, page=4))
    assert len(rows) == len(api) > 4
    assert [{k: r[k] for k in a} for r, a in zip(rows, api)] == api
    assert all(list(r)[: len(a)] == list(a) and {"url", "evidence"} <= set(r) for r, a in zip(rows, api))
    assert list(stream_events(sample_store, f, page=4, limit=5)) == rows[:5]
    assert list(stream_events(sample_store, f, limit=0)) == []
    # starts after a cursor, as the API's keyset pages do
    after = rows[4]
    rest = list(stream_events(sample_store, EventFilter(type="ASSAULT", after=(date.fromisoformat(after["date"]), after["id"]))))
    assert rest == rows[5:]


def test_url_and_evidence_of_every_report(sample_store):
    truth = stored(sample_store)
    rows = list(stream_events(sample_store, ALL, page=50, with_reports=True))
    several = 0
    for r in rows:
        reports = truth[r["id"]][1]
        urls = list(dict.fromkeys(u for u, _ in reports))
        sentences = list(dict.fromkeys(" ".join(s.split()) for _, s in reports))
        assert r["url"] and r["evidence"]
        assert r["url"].split(EVIDENCE_SEPARATOR) == urls  # the first report's first
        assert r["evidence"].split(EVIDENCE_SEPARATOR) == sentences
        assert [x["sentence"] for x in r["reports"]] == [s for _, s in reports]
        assert [x["url"] for x in r["reports"]] == [u for u, _ in reports]
        assert r["updated_at"] is not None
        several += len(urls) > 1
    assert several  # some events are told by more than one article


def test_csv_has_url_evidence_and_cameo_codes_as_text(sample_store):
    out = io.StringIO()
    result = export_store(sample_store, ALL, "csv", out, page=9)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    table = list(reader)
    assert reader.fieldnames == CSV_COLUMNS and CSV_COLUMNS[-2:] == ["url", "evidence"]
    assert result.written == result.read == len(table) == len(stored(sample_store))
    assert len({r["id"] for r in table}) == len(table)
    codes = Counter(r["cameo_root"] for r in table)
    assert all(len(c) == 2 and c.isdigit() for c in codes if c)
    assert any(c.startswith("0") for c in codes)  # "04", not 4
    assert all(r["url"].startswith("https://") and r["evidence"] for r in table)


def test_geojson_features_have_ids_and_flat_properties(sample_store):
    out = io.StringIO()
    export_store(sample_store, ALL, "geojson", out, page=11)
    gj = json.loads(out.getvalue())
    features = gj["features"]
    assert gj["type"] == "FeatureCollection" and len(features) == len(stored(sample_store))
    for ft in features:
        p = ft["properties"]
        assert ft["id"] == p["id"]
        assert set(p) == set(CSV_COLUMNS) | {"quantities"}
        assert not any(isinstance(v, (dict, list)) for v in p.values()), p
        assert isinstance(json.loads(p["quantities"]), dict)
        assert p["url"] and p["evidence"]
        if p["latitude"] is None:
            assert ft["geometry"] is None
        else:
            assert ft["geometry"] == {"type": "Point", "coordinates": [p["longitude"], p["latitude"]]}
    assert any(f["geometry"] for f in features)
    assert any(f["properties"]["cameo_root"].startswith("0") for f in features)


def test_an_event_placed_nowhere_is_a_feature_with_no_geometry(tmp_path):
    # (every sample event has a place, at least its country: a report that names no place and no
    # party's country is written here)
    from eventwire.reader import read_path
    from eventwire.store.ingest import ingest

    articles = tmp_path / "unplaced.jsonl"
    articles.write_text(json.dumps({"id": "np-1", "url": "https://example.org/np-1", "published": "2021-05-05",
                                    "text": "Gunmen attacked a bus on Monday, witnesses said."}) + "\n")  # fmt: skip
    out = io.StringIO()
    with open_store(f"sqlite:///{tmp_path}/unplaced.sqlite") as store:
        ingest(store, read_path(articles))
        export_store(store, ALL, "geojson", out)
    features = json.loads(out.getvalue())["features"]
    assert features and all(f["geometry"] is None and f["properties"]["latitude"] is None for f in features)


def test_jsonl_keeps_the_full_event(sample_store):
    out = io.StringIO()
    export_store(sample_store, ALL, "jsonl", out, page=13)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == len(stored(sample_store))
    assert all(isinstance(e["quantities"], dict) and "place" in e and e["url"] and e["evidence"] for e in lines)
    out = io.StringIO()
    export_store(sample_store, EventFilter(), "jsonl", out, with_reports=True, limit=5)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 5 and all(e["reports"] and e["updated_at"] for e in lines)


def test_parquet_is_typed(sample_store, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    result = export_store(sample_store, ALL, "parquet", path, page=10)
    table = pq.read_table(path)
    schema = table.schema
    assert table.column_names == CSV_COLUMNS + ["quantities"]
    assert table.num_rows == result.written == len(stored(sample_store))
    assert schema.field("date").type == pa.date32()
    for c in ("id", "n_reports", "n_articles", "n_outlets", "n_sources", "fatalities"):
        assert schema.field(c).type == pa.int64(), c
    for c in ("latitude", "longitude"):
        assert schema.field(c).type == pa.float64(), c
    for c in ("cameo_root", "type", "source_country", "target_country", "country", "acled_event_type", "url", "evidence", "quantities"):
        assert schema.field(c).type == pa.string(), c
    assert len(set(table.column("id").to_pylist())) == table.num_rows
    assert any(c and c.startswith("0") for c in table.column("cameo_root").to_pylist())
    assert all(isinstance(d, date) for d in table.column("date").to_pylist())
    assert all(table.column("url").to_pylist()) and all(table.column("evidence").to_pylist())
    # small row groups: the file is written a group at a time
    write_events(stream_events(sample_store, ALL, page=10), "parquet", tmp_path / "small.parquet", row_group=25)
    assert pq.ParquetFile(tmp_path / "small.parquet").num_row_groups > 5


def test_acled_csv_is_what_the_former_export_wrote(sample_store):
    """The acled-csv rows fed by the stream are those of the former export (ORM entities,
    ``event_dict(e, with_reports=True)`` and ``updated_at``), byte for byte."""
    with sample_store.session() as s:
        events = find_events(s, EventFilter(limit=100_000), sample_store.dialect)
        former = [event_dict(e, with_reports=True) | {"updated_at": e.updated_at} for e in events]
    expected = io.StringIO()
    done = write_acled_csv(former, expected, spellings={})
    out = io.StringIO()
    result = export_store(sample_store, EventFilter(), "acled-csv", out, page=6, spellings={})
    assert out.getvalue() == expected.getvalue()
    assert out.getvalue().splitlines()[0].split(",") == ACLED_COLUMNS
    assert (result.written, result.left_out) == (done.written, done.left_out)
    assert result.written > 0 and result.n_left_out > 0 and result.read == len(former)


# --------------------------------------------------------------------------- memory


SMALL, LARGE, PAGE = 1_000, 10_000, 250  # ten times the events; a page, a Parquet batch: 250


def _peak(store, fmt, where, n_expected):
    """tracemalloc's peak (bytes) while exporting every event of ``store`` as ``fmt``."""
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    if fmt == "parquet":
        result = write_events(stream_events(store, EventFilter(), page=PAGE), "parquet", where, row_group=PAGE, batch=PAGE)
    else:
        with open(where, "w", encoding="utf-8", newline="") as out:
            result = export_store(store, EventFilter(), fmt, out, page=PAGE)
    assert result.read == n_expected
    return tracemalloc.get_traced_memory()[1] - before


def _memory_does_not_grow(small_url, large_url, tmp_path, formats):
    """Not a timing test: tracemalloc's peak while exporting LARGE events stays below twice its
    peak for SMALL, ten times fewer (holding the rows would take ten times as much). Arrow's
    own buffers (Parquet) are not Python's: bench/export.py measures the process's peak RSS."""
    from export_synthetic import fill_events_with_reports

    fill_events_with_reports(small_url, SMALL, seed=1)
    fill_events_with_reports(large_url, LARGE, seed=2)
    small, large = open_store(small_url), open_store(large_url)
    try:
        for store in (small, large):  # warm up: imports, caches, compiled queries
            list(stream_events(store, EventFilter(), limit=SMALL, page=PAGE))
        tracemalloc.start()
        try:
            for fmt in formats:
                where = os.devnull if fmt != "parquet" else tmp_path / f"{fmt}.out"
                peak_small = _peak(small, fmt, where, SMALL)
                peak_large = _peak(large, fmt, where, LARGE)
                # holding every row would take ten times as much for LARGE; a stream holds one page of either
                assert peak_large < 2 * peak_small, (f"{fmt}: peak {peak_large / 1e6:.1f} MB for {LARGE} events, "
                                                     f"{peak_small / 1e6:.1f} MB for {SMALL}")
        finally:
            tracemalloc.stop()
    finally:
        small.close()
        large.close()


def test_memory_does_not_grow_with_the_number_of_events_sqlite(tmp_path):
    _memory_does_not_grow(f"sqlite:///{tmp_path}/small.sqlite", f"sqlite:///{tmp_path}/large.sqlite", tmp_path,
                          ("csv", "acled-csv", "geojson", "parquet"))


def test_memory_does_not_grow_with_the_number_of_events_postgresql(postgres_server, tmp_path):
    # the stream on PostgreSQL (psycopg fetches a page at a time); the writers are the same
    _memory_does_not_grow(postgres_server.new_database(), postgres_server.new_database(), tmp_path, ("csv",))
