"""Queries and exports over a store made from the sample corpus."""

import csv
import io
import json
from datetime import date

import pytest

from eventwire.errors import EventwireError
from eventwire.store.acled_export import ACLED_COLUMNS
from eventwire.store.export import export_events
from eventwire.store.query import EventFilter, event_dict, find_events, get_event, parse_km


@pytest.fixture(scope="module")
def sample_store(sample_store_url):
    """The sample corpus's store, on each back end (queries only read)."""
    from eventwire.store.db import open_store

    with open_store(sample_store_url) as store:
        yield store


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
    from eventwire.store.acled_export import why_left_out

    # acled-csv writes only the events ACLED codes (tests/store/test_acled_export.py)
    assert export_events(iter(rows), "acled-csv", out) == sum(why_left_out(r) is None for r in rows) > 0
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

    from eventwire.store.export import CSV_COLUMNS, export_parquet

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


def test_export_to_stdout_and_a_warning_at_the_limit(sample_store, capsys):
    from eventwire.cli import main

    assert main(["export", "--db", sample_store.url, "--format", "jsonl", "--out", "-", "--limit", "3", "--factuality", "all"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3 and all(json.loads(line)["id"] for line in out.splitlines())
    assert "stopped at --limit 3" in err
    assert main(["export", "--db", sample_store.url, "--format", "parquet", "--out", "-"]) == 2


def test_events_as_csv_and_an_unknown_type(sample_store, capsys):
    from eventwire.cli import main

    assert main(["events", "--db", sample_store.url, "--actor", "SDF", "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert table and all("Syrian Democratic Forces" in (r["source_canonical"], r["target_canonical"]) for r in table)
    assert all(r["evidence"] for r in table)  # the sentences that told each event, as export writes them
    assert main(["events", "--db", sample_store.url, "--format", "csv", "--limit", "5", "--offset", "3"]) == 0
    page = [int(r["id"]) for r in csv.DictReader(io.StringIO(capsys.readouterr().out))]
    assert main(["events", "--db", sample_store.url, "--format", "json", "--limit", "8"]) == 0
    assert page == [e["id"] for e in json.loads(capsys.readouterr().out)][3:8]
    assert main(["events", "--db", sample_store.url, "--type", "FOO"]) == 2
    assert "unknown event type 'FOO'" in capsys.readouterr().err


def test_read_commands_never_create_a_store(tmp_path, capsys):
    from eventwire.cli import main

    missing = tmp_path / "typo.sqlite"
    for argv in (["events"], ["export", "--format", "csv", "--out", str(tmp_path / "x.csv")], ["show", "1"], ["token", "list"]):
        assert main([*argv, "--db", f"sqlite:///{missing}"]) == 2
        assert f"no store at {missing}" in capsys.readouterr().err
    assert not missing.exists()


def test_version(capsys):
    from eventwire import __version__
    from eventwire.cli import main

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.strip() == f"eventwire {__version__}"


# --------------------------------------------------------------------------- the read API's queries, on synthetic events

SYNTHETIC_PLACES = [("Idlib", 35.93, 36.63, "SYR"), ("Baghdad", 33.34, 44.40, "IRQ"), ("Goma", -1.68, 29.22, "COD"),
                    ("Suva", -18.0, 179.95, "FJI"), ("Taveuni", -16.8, -179.97, "FJI"), ("Alert", 82.5, -62.3, "CAN"),
                    ("Ny-Alesund", 78.9, 11.9, "NOR")]  # fmt: skip
SYNTHETIC_TYPES = ["FIGHT", "ASSAULT", "PROTEST", "AGREE", "COERCE"]


def fill_events(store, n: int, seed: int = 5) -> None:
    """``n`` synthetic events: types, factualities, dates, actors on either side, places around the
    antimeridian and near the north pole, source counts; some without a place."""
    import random
    from datetime import datetime, timedelta

    from sqlalchemy import insert

    from eventwire.store.models import Actor, Event

    rng = random.Random(seed)
    with store.engine.begin() as conn:
        actors = []
        for c in ("SYR", "TUR", "USA", "FJI", "NOR"):
            for sector in ("military", "rebels"):
                actors.append((conn.execute(insert(Actor).values(canonical=f"{c} {sector}", country=c, sector=sector)).inserted_primary_key[0], c))
        rows = []
        for i in range(n):
            name, lat, lon, country = rng.choice(SYNTHETIC_PLACES)
            (src, src_c), (tgt, tgt_c) = rng.choice(actors), rng.choice(actors)
            placed = rng.random() > 0.05
            lat, lon = min(90.0, max(-90.0, lat + rng.gauss(0, 0.6))), lon + rng.gauss(0, 0.6)
            lon = (lon + 180) % 360 - 180
            rows.append(dict(
                type=rng.choice(SYNTHETIC_TYPES), factuality=rng.choice(["asserted"] * 8 + ["negated", "hypothetical"]),
                date=date(2020, 1, 1) + timedelta(days=rng.randrange(400)), date_precision="day",
                source_actor_id=src, target_actor_id=tgt, source_country=src_c, target_country=tgt_c,
                country=country if placed else None, latitude=lat if placed else None, longitude=lon if placed else None,
                geo_precision="exact" if placed else None, n_reports=1, n_articles=1, n_outlets=1,
                n_sources=rng.choice([1, 1, 2, 3]), fatalities=None,
                summary={"place": {"name": name, "country": country, "latitude": lat, "longitude": lon}} if placed else {},
                updated_at=datetime(2026, 1, 1),
            ))  # fmt: skip
        conn.execute(insert(Event), rows)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def synthetic_store(request, tmp_path_factory):
    """3,000 synthetic events per back end, for the whole module (these tests only read)."""
    store = filled_store(request, tmp_path_factory.mktemp("syn"), 3000)
    yield store
    store.close()


def filled_store(request, folder, n: int):
    """A store on the fixture's back end (``request.param``) holding ``n`` synthetic events."""
    from eventwire.store.db import open_store

    if request.param == "sqlite":
        url = f"sqlite:///{folder}/synthetic.sqlite"
    else:
        url = request.getfixturevalue("postgres_server").new_database()
    store = open_store(url)
    fill_events(store, n)
    return store


FILTERS = [
    {}, {"type": "FIGHT"}, {"country": "IRQ"}, {"actor": "TUR"}, {"actor": "fji rebels"}, {"actor": "rebels"},
    {"near": (35.93, 36.63), "within_km": 60}, {"near": (-17.0, 179.99), "within_km": 150}, {"near": (85.0, 0.0), "within_km": 900},
    {"since": date(2020, 3, 1), "until": date(2020, 6, 30)}, {"min_sources": 2}, {"factuality": None}, {"factuality": "negated"},
    {"type": "PROTEST", "actor": "SYR", "near": (35.93, 36.63), "within_km": 100, "since": date(2020, 2, 1), "min_sources": 2},
    {"type": "AGREE", "country": "FJI", "min_sources": 2, "factuality": None},
]  # fmt: skip


def all_rows(store, **kw):
    from eventwire.store.query import list_events

    with store.session() as s:
        return list_events(s, EventFilter(limit=100_000, **kw), store.dialect)


@pytest.mark.parametrize("kw", FILTERS, ids=str)
@pytest.mark.parametrize("offset, limit", [(0, 50), (37, 100), (1500, 40)])
def test_lean_rows_are_the_event_dicts(synthetic_store, kw, offset, limit):
    from eventwire.store.query import list_events

    f = EventFilter(offset=offset, limit=limit, **kw)
    with synthetic_store.session() as s:
        lean = list_events(s, f, synthetic_store.dialect)
        assert lean == [event_dict(e) for e in find_events(s, f, synthetic_store.dialect)]
    if offset == 0 and not kw:
        assert len(lean) == limit


@pytest.mark.parametrize("kw", FILTERS, ids=str)
def test_keyset_pages_walk_the_same_rows_as_one_list(synthetic_store, kw):
    """Following next_after page by page gives every row once, in the list's order."""
    from eventwire.store.query import list_events, next_cursor, parse_cursor

    whole = [e["id"] for e in all_rows(synthetic_store, **kw)]
    walked, cursor = [], None
    with synthetic_store.session() as s:
        for _ in range(len(whole) // 37 + 2):
            page = list_events(s, EventFilter(limit=37, after=parse_cursor(cursor) if cursor else None, **kw), synthetic_store.dialect)
            walked += [e["id"] for e in page]
            cursor = next_cursor(page, 37)
            if cursor is None:
                break
    assert walked == whole


@pytest.mark.parametrize("kw", FILTERS, ids=str)
@pytest.mark.parametrize("by", ["day", "type", "country"])
def test_counts_honour_every_filter_of_a_list(synthetic_store, kw, by):
    """Counts are of exactly the events the same filter lists (a radius included)."""
    from collections import Counter

    from eventwire.store.query import count_events

    rows = all_rows(synthetic_store, **kw)
    key = {"day": lambda e: e["date"], "type": lambda e: e["type"], "country": lambda e: (e["place"] or {}).get("country")}[by]
    with synthetic_store.session() as s:
        counted = count_events(s, EventFilter(**kw), by, synthetic_store.dialect)
    assert {c["key"]: c["count"] for c in counted} == dict(Counter(key(e) for e in rows))
    assert len(counted) == len({c["key"] for c in counted})


@pytest.mark.parametrize("center, km", [((-17.0, 179.99), 150), ((-17.0, -179.99), 300), ((85.0, 0.0), 900), ((82.5, -62.3), 2000),
                                        ((35.93, 36.63), 60)])  # fmt: skip
def test_radius_across_the_antimeridian_and_near_a_pole(synthetic_store, center, km):
    """Every event within the radius is found, whichever side of 180° or however near a pole."""
    from eventwire.geo.resolve import haversine_km

    everything = all_rows(synthetic_store, factuality=None)
    found = {e["id"] for e in all_rows(synthetic_store, factuality=None, near=center, within_km=km)}
    distance = {e["id"]: haversine_km(e["place"]["latitude"], e["place"]["longitude"], *center)
                for e in everything if (e["place"] or {}).get("latitude") is not None}  # fmt: skip
    assert found, "the synthetic events should put some within the radius"
    assert found == {i for i, d in distance.items() if d <= km}  # both back ends: the great-circle distance of haversine_km


def test_bounding_box_holds_the_whole_circle():
    import math
    import random

    from eventwire.geo.resolve import haversine_km
    from eventwire.store.query import EARTH_RADIUS_KM, bounding_box

    rng = random.Random(3)
    centers = [(0.0, 179.9), (0.0, -179.9), (89.9, 0.0), (-89.0, 45.0), (60.0, 10.0), (35.9, 36.6)]
    centers += [(rng.uniform(-90, 90), rng.uniform(-180, 180)) for _ in range(40)]
    for lat, lon in centers:
        for km in (1.0, 50.0, 300.0, 2000.0, 9000.0):
            (south, north), lons = bounding_box(lat, lon, km)
            for _ in range(200):  # points on and inside the circle, by the destination formula
                d, bearing = km * math.sqrt(rng.random()) * (1 if rng.random() < 0.8 else 1.0), rng.uniform(0, 2 * math.pi)
                if rng.random() < 0.3:
                    d = km  # on the circle itself
                r, p1, l1 = d / EARTH_RADIUS_KM, math.radians(lat), math.radians(lon)
                p2 = math.asin(math.sin(p1) * math.cos(r) + math.cos(p1) * math.sin(r) * math.cos(bearing))
                l2 = l1 + math.atan2(math.sin(bearing) * math.sin(r) * math.cos(p1), math.cos(r) - math.sin(p1) * math.sin(p2))
                plat, plon = math.degrees(p2), (math.degrees(l2) + 180) % 360 - 180
                assert haversine_km(lat, lon, plat, plon) <= km * (1 + 1e-9) + 1e-6
                assert south <= plat <= north, (lat, lon, km, plat)
                assert lons is None or any(w <= plon <= e for w, e in lons), (lat, lon, km, plon, lons)


def test_a_place_name_or_a_point(monkeypatch):
    from eventwire.store import query

    assert query.known_point("35.9,36.6") == (35.9, 36.6)
    with pytest.raises(EventwireError, match="latitude must be within"):
        query.resolve_near("95,10")
    with pytest.raises(EventwireError, match="latitude must be within"):
        query.resolve_near("nan,10")
    monkeypatch.setattr(query, "_gazetteer_point", lambda name: (1.0, 2.0) if name == "Somewhere" else None)
    monkeypatch.setattr(query, "_known_places", {})
    assert query.known_point("Somewhere") is None  # not looked up yet: the caller reads the gazetteer
    assert query.resolve_near("Somewhere") == (1.0, 2.0)
    assert query.known_point("Somewhere") == (1.0, 2.0)
    with pytest.raises(EventwireError, match="no such place"):
        query.resolve_near("Nowhere at all")


# --------------------------------------------------------------------------- the read cache


@pytest.fixture(params=["sqlite", "postgresql"])
def small_store(request, tmp_path):
    store = filled_store(request, tmp_path, 200)
    yield store
    store.close()


def _counts_json(store, **kw):
    from eventwire.store.query import count_events, json_bytes

    calls = []

    def compute(s):
        calls.append(1)
        return json_bytes(count_events(s, EventFilter(**kw), "type", store.dialect))

    return compute, calls


def _add_event(store, type_="FIGHT"):
    from datetime import datetime

    from eventwire.store.models import Event

    with store.session() as s, s.begin():
        s.add(Event(type=type_, factuality="asserted", date=date(2020, 5, 1), date_precision="day", n_reports=1, n_articles=1,
                    n_outlets=1, n_sources=1, summary={}, updated_at=datetime(2020, 1, 1)))  # an old stamp: only the id moves  # fmt: skip


def test_read_cache_serves_an_answer_again_until_a_write(small_store):
    from eventwire.store.query import read_cache

    cache = read_cache(small_store)
    cache.clear()
    compute, calls = _counts_json(small_store)
    first = cache.get(small_store, ("t", 1), compute)
    assert cache.get(small_store, ("t", 1), compute) == first and len(calls) == 1
    _add_event(small_store)  # a write in this process (as the API's): the answer is dropped
    second = cache.get(small_store, ("t", 1), compute)
    assert len(calls) == 2 and json.loads(second) != json.loads(first)
    assert sum(c["count"] for c in json.loads(second)) == sum(c["count"] for c in json.loads(first)) + 1
    # a change the stamp cannot see (same ids, no newer update time): the commit in this process drops the answer
    from sqlalchemy import update

    from eventwire.store.models import Event

    with small_store.session() as s, s.begin():
        old = s.get(Event, 1).type
        s.execute(update(Event).where(Event.id == 1).values(type="AGREE" if old != "AGREE" else "FIGHT"))
    third = cache.get(small_store, ("t", 1), compute)
    assert len(calls) == 3 and json.loads(third) != json.loads(second)


def test_read_cache_may_trail_writes_by_max_lag_and_no_more(small_store):
    """With ``max_lag`` (the API's), an answer a write made stale is served while it is younger
    than that, and recomputed after: aggregates trail a stream of writes by at most max_lag."""
    import time as _time

    from eventwire.store.query import ReadCache

    cache = ReadCache(small_store.engine, max_lag=0.5)
    compute, calls = _counts_json(small_store)
    first = cache.get(small_store, ("lag", 1), compute)
    _add_event(small_store)
    assert cache.get(small_store, ("lag", 1), compute) == first and len(calls) == 1  # stale, but within the lag
    _time.sleep(0.6)
    second = json.loads(cache.get(small_store, ("lag", 1), compute))
    assert len(calls) == 2 and sum(c["count"] for c in second) == sum(c["count"] for c in json.loads(first)) + 1
    assert cache.get(small_store, ("lag", 1), compute) == json.dumps(second, separators=(",", ":")).encode()
    assert len(calls) == 2  # current again: served from the cache


def test_read_cache_sees_writes_by_other_processes(small_store):
    """Another engine on the same store (another API worker, `eventwire ingest`) changes the stamp."""
    from datetime import datetime

    from sqlalchemy import update

    from eventwire.store.db import open_store
    from eventwire.store.models import Event
    from eventwire.store.query import read_cache

    cache = read_cache(small_store)
    compute, calls = _counts_json(small_store)
    first = json.loads(cache.get(small_store, ("o", 1), compute))
    other = open_store(small_store.url)
    try:
        _add_event(other, "PROTEST")  # a new event: a new highest id
        second = json.loads(cache.get(small_store, ("o", 1), compute))
        assert len(calls) == 2 and second != first
        with other.session() as s, s.begin():  # an event changed in place (a report merged): a newer update
            s.execute(update(Event).where(Event.id == 1).values(type="AGREE" if s.get(Event, 1).type != "AGREE" else "FIGHT",
                                                                 updated_at=datetime(2030, 1, 1)))  # fmt: skip
        third = json.loads(cache.get(small_store, ("o", 1), compute))
        assert len(calls) == 3 and third != second
    finally:
        other.close()


def test_read_cache_is_bounded_and_computes_an_answer_once(small_store):
    import threading
    import time as _time

    from eventwire.store.query import ReadCache

    cache = ReadCache(small_store.engine, max_bytes=1000, max_entries=5)
    for i in range(50):
        cache.get(small_store, ("k", i), lambda s, i=i: b"x" * (50 + i))
    assert len(cache.entries) <= 5 and cache.size <= 1000
    assert cache.get(small_store, ("big",), lambda s: b"y" * 5000) == b"y" * 5000  # served, not kept
    assert ("big",) not in cache.entries
    calls = []

    def slow(s):
        calls.append(1)
        _time.sleep(0.3)
        return b"answer"

    got = []
    threads = [threading.Thread(target=lambda: got.append(cache.get(small_store, ("same",), slow))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [b"answer"] * 8 and len(calls) == 1


def test_an_actor_filter_reads_aliases_and_takes_only_real_country_codes(sample_store):
    from eventwire.store.query import actor_query

    assert actor_query("tur") == ("country", "TUR")
    assert actor_query("SDF") == ("name", "Syrian Democratic Forces")  # three letters, but no country's code
    assert actor_query("ISIS")[1] == actor_query("Islamic State")[1]
    rows = query(sample_store, actor="SDF")
    assert rows and all("Syrian Democratic Forces" in ((r["source"] or {}).get("canonical"), (r["target"] or {}).get("canonical"))
                        for r in rows)  # fmt: skip
    assert query(sample_store, actor="sdf") == rows


def test_an_unknown_event_type_is_an_error_naming_the_types():
    with pytest.raises(EventwireError, match=r"unknown event type 'FOO'.*ASSAULT"):
        EventFilter(type="FOO")
    assert EventFilter(type="assault").type == "assault"  # any case


GRID_FILTERS = [{}, {"type": "FIGHT"}, {"near": (-17.0, 179.99), "within_km": 300}, {"factuality": None, "min_sources": 2}]


@pytest.mark.parametrize("kw", GRID_FILTERS, ids=str)
@pytest.mark.parametrize("zoom", [1, 4.5, 9])
def test_grid_cells_count_every_event_with_a_point_once(synthetic_store, kw, zoom):
    """Each event with a point is counted in the cell its point falls in; a cell of one event
    names it; the cells' mean points lie in their cells."""
    import math
    from collections import Counter

    from eventwire.store.query import grid_cell_degrees, grid_counts

    size = grid_cell_degrees(zoom)
    cell = lambda lat, lon: (math.floor((lat + 90) / size), math.floor((lon + 180) / size))  # noqa: E731
    placed = [e for e in all_rows(synthetic_store, **kw) if (e["place"] or {}).get("latitude") is not None]
    expected = Counter(cell(e["place"]["latitude"], e["place"]["longitude"]) for e in placed)
    with synthetic_store.session() as s:
        cells = grid_counts(s, EventFilter(**kw), zoom, synthetic_store.dialect)
    assert {cell(c["lat"], c["lon"]): c["count"] for c in cells} == dict(expected)
    by_id = {e["id"]: e for e in placed}
    for c in cells:
        if c["count"] == 1:
            assert by_id[c["id"]]["type"] == c["type"]
            assert cell(by_id[c["id"]]["place"]["latitude"], by_id[c["id"]]["place"]["longitude"]) == cell(c["lat"], c["lon"])


@pytest.mark.parametrize("bbox", [(30.0, 30.0, 40.0, 45.0), (-30.0, 170.0, 0.0, -170.0)], ids=["box", "across 180"])
def test_grid_cells_of_a_view_hold_only_its_events(synthetic_store, bbox):
    from eventwire.store.query import grid_counts

    south, west, north, east = bbox

    def inside(p):
        lon_ok = west <= p["longitude"] <= east if west <= east else (p["longitude"] >= west or p["longitude"] <= east)
        return south <= p["latitude"] <= north and lon_ok

    placed = [e["place"] for e in all_rows(synthetic_store) if (e["place"] or {}).get("latitude") is not None]
    with synthetic_store.session() as s:
        cells = grid_counts(s, EventFilter(), 3, synthetic_store.dialect, bbox)
    assert sum(c["count"] for c in cells) == sum(inside(p) for p in placed) > 0


def test_text_search_finds_the_events_of_the_articles_that_hold_the_words(sample_store):
    """Every event of an article holding all the words is found, and nothing else (PostgreSQL
    stems words, so "convoy" finds "convoys" there too: what it finds must hold the stem)."""
    import re

    from sqlalchemy import select

    from eventwire.store.models import Article, Report

    with sample_store.session() as s:
        texts = {a: f"{title or ''} {text}" for a, title, text in s.execute(select(Article.id, Article.title, Article.text))}
        by_event = {}
        for event_id, article_id in s.execute(select(Report.event_id, Report.article_id)):
            by_event.setdefault(event_id, set()).add(article_id)

    def holds(event_id, words, stem):
        """An article of the event holds every word (``stem``: every word's first five letters)."""
        patterns = [rf"\b{re.escape(w[:5])}" if stem else rf"\b{re.escape(w)}\b" for w in words.split()]
        return any(all(re.search(p, texts[a], re.I) for p in patterns) for a in by_event.get(event_id, ()))

    every = {r["id"] for r in query(sample_store, factuality=None, limit=10_000)}
    for words in ("convoy", "troops border", "Idlib ceasefire"):
        found = {r["id"] for r in query(sample_store, text=words, factuality=None, limit=10_000)}
        assert found, words
        assert {e for e in every if holds(e, words, stem=False)} <= found, words
        assert all(holds(e, words, stem=True) for e in found), words


@pytest.mark.parametrize("text", ["", "  ", "!!! ?", "\"*"])
def test_a_text_search_without_a_word_is_an_error(text):
    with pytest.raises(EventwireError, match="no word"):
        EventFilter(text=text)


def test_a_reader_leaves_no_trace_on_the_pooled_connection_writes_take_next(small_store):
    """``Store.reader()`` reads outside a transaction on PostgreSQL; the connection it returns to
    the pool must be transactional again, or a write session would commit statement by statement."""
    from sqlalchemy import func, select

    from eventwire.store.models import Event

    for _ in range(12):  # more than the pool's idle connections: every one has been a reader's
        with small_store.reader() as conn:
            conn.execute(select(func.count()).select_from(Event)).scalar()
    with small_store.session() as s:
        before = s.scalar(select(func.count()).select_from(Event))
    for _ in range(3):
        with small_store.session() as s:
            s.begin()
            _add_event_in(s)
            s.rollback()
    with small_store.session() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == before


def _add_event_in(session):
    from datetime import date, datetime

    from eventwire.store.models import Event

    session.add(Event(type="FIGHT", factuality="asserted", date=date(2020, 5, 1), date_precision="day", n_reports=1,
                      n_articles=1, n_outlets=1, n_sources=1, summary={}, updated_at=datetime(2020, 1, 1)))  # fmt: skip
    session.flush()
