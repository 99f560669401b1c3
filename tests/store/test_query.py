"""Queries and exports over a store made from the sample corpus."""

import csv
import io
import json
from datetime import date

import pytest

from eventwire.cli import SAMPLE_ARTICLES, sample_path
from eventwire.errors import EventwireError
from eventwire.reader import read_path
from eventwire.store.ingest import ingest
from eventwire.store.query import ACLED_COLUMNS, EventFilter, event_dict, export_events, find_events, get_event, parse_km


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def sample_store(request, tmp_path_factory):
    """The sample corpus ingested once per back end for the whole module (queries only read)."""
    from eventwire.store.db import open_store

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('q')}/sample.sqlite"
    else:
        url = request.getfixturevalue("postgres_server").new_database()
    store = open_store(url)
    ingest(store, read_path(sample_path(SAMPLE_ARTICLES)))
    yield store
    store.close()


def query(store, **kw):
    with store.session() as s:
        return [event_dict(e) for e in find_events(s, EventFilter(**kw), store.dialect)]


def test_filters_combine(sample_store):
    rows = query(sample_store, type="MOBILIZE", actor="USA", near=(37.05, 41.23), within_km=400, since=date(2020, 1, 1))
    assert rows and all(r["type"] == "MOBILIZE" for r in rows)
    assert all("USA" in ((r["source"] or {}).get("country"), (r["target"] or {}).get("country")) for r in rows)
    assert all(r["date"] >= "2020-01-01" for r in rows)


def test_distance_filter_is_a_true_radius(sample_store):
    from eventwire.geo.resolve import haversine_km

    rows = query(sample_store, near=(33.31, 44.37), within_km=30)  # Baghdad
    assert rows
    for r in rows:
        p = r["place"]
        assert haversine_km(p["latitude"], p["longitude"], 33.31, 44.37) <= 30


def test_min_sources_keeps_corroborated_events(sample_store):
    rows = query(sample_store, min_sources=2)
    assert rows and all(r["n_sources"] >= 2 for r in rows)
    assert len(rows) < len(query(sample_store))


def test_show_has_every_report(sample_store):
    (top,) = query(sample_store, min_sources=2, limit=1)
    shown = get_event(sample_store, top["id"])
    assert len(shown["reports"]) == top["n_reports"]
    assert all(r["sentence"] and r["independent_source"] for r in shown["reports"])
    with pytest.raises(EventwireError, match="no event 999999"):
        get_event(sample_store, 999999)


def test_exports(sample_store):
    rows = query(sample_store, type="ASSAULT")
    out = io.StringIO()
    assert export_events(iter(rows), "acled-csv", out) == len(rows)
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(table[0]) == ACLED_COLUMNS
    assert all(r["event_date"] and r["time_precision"] in ("1", "2", "3") for r in table)
    out = io.StringIO()
    export_events(iter(rows), "geojson", out)
    gj = json.loads(out.getvalue())
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == len(rows)
    assert any(f["geometry"] and len(f["geometry"]["coordinates"]) == 2 for f in gj["features"])
    out = io.StringIO()
    export_events(iter(rows), "jsonl", out)
    assert len(out.getvalue().splitlines()) == len(rows)
    with pytest.raises(EventwireError, match="unknown export format"):
        export_events(iter(rows), "xlsx", io.StringIO())


@pytest.mark.parametrize("value, km", [("50km", 50.0), ("12.5 km", 12.5), ("300", 300.0)])
def test_parse_km(value, km):
    assert parse_km(value) == km


@pytest.mark.parametrize("value", ["far", "-5km", "0km", "30000km"])
def test_parse_km_refuses(value):
    with pytest.raises(EventwireError, match="--within"):
        parse_km(value)


def test_parquet_export_round_trips(sample_store, tmp_path):
    import pyarrow.parquet as pq

    from eventwire.store.query import CSV_COLUMNS, export_parquet

    rows = query(sample_store, min_sources=2)
    path = tmp_path / "events.parquet"
    assert export_parquet(iter(rows), str(path)) == len(rows)
    table = pq.read_table(path)
    assert table.num_rows == len(rows) and table.column_names == CSV_COLUMNS + ["quantities"]
    assert sorted(table.column("id").to_pylist()) == sorted(r["id"] for r in rows)


def test_export_command(sample_store, tmp_path, capsys):
    from eventwire.cli import main

    out = tmp_path / "acled.csv"
    assert main(["export", "--db", sample_store.url, "--format", "acled-csv", "--out", str(out), "--type", "PROTEST"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and {r["event_type"] for r in rows} <= {"Protests", "Riots", ""}
