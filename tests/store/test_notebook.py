"""eventwire.open_store for a notebook: events, to_pandas and counts over the sample store, on both back ends."""

import subprocess
import sys
from datetime import date

import pytest

import eventwire
from eventwire.errors import EventwireError
from eventwire.store import export, notebook, query
from eventwire.store.query import MAX_LIMIT, EventFilter, count_events, list_events



@pytest.fixture(scope="module")
def store(sample_store_url):
    """The sample corpus's store, on each back end, opened as a notebook would."""
    with eventwire.open_store(sample_store_url) as s:
        yield s


def api_events(store, **kw):
    """What the API's list gives for the same filter, in one page."""
    with store.session() as session:
        return list_events(session, EventFilter(limit=MAX_LIMIT, **kw), store.dialect)


@pytest.mark.parametrize(
    "given, as_filter",
    [
        ({}, {}),
        ({"type": "assault"}, {"type": "ASSAULT"}),
        ({"actor": "USA"}, {"actor": "USA"}),
        ({"country": "Syria"}, {"country": "SYR"}),
        ({"country": "irq", "min_sources": 1}, {"country": "IRQ", "min_sources": 1}),
        ({"near": (37.05, 41.23), "within_km": 400}, {"near": (37.05, 41.23), "within_km": 400.0}),
        ({"near": "37.05,41.23", "within_km": "400km"}, {"near": (37.05, 41.23), "within_km": 400.0}),
        ({"since": "2020-01-01", "until": date(2023, 12, 31)},
         {"since": date(2020, 1, 1), "until": date(2023, 12, 31)}),
        ({"factuality": "all"}, {"factuality": None}),
        ({"factuality": None}, {"factuality": None}),
        ({"factuality": "negated"}, {"factuality": "negated"}),
        ({"text": "convoy"}, {"text": "convoy"}),
    ],
)
def test_events_are_the_apis_events(store, given, as_filter):
    rows = store.events(**given)
    assert rows == api_events(store, **as_filter)
    if not given or "factuality" in given and given["factuality"] in ("all", None):
        assert len(rows) > 100  # the filters that keep most of the sample, so the comparison means something


def test_near_takes_a_place_name(store):
    rows = store.events(near="Qamishli", within_km=100)
    assert rows and rows == api_events(store, near=query.resolve_near("Qamishli"), within_km=100.0)


def test_limit_none_reads_every_page(store, monkeypatch):
    monkeypatch.setattr(notebook, "PAGE_SIZE", 7)
    every = api_events(store, factuality=None)
    assert len(every) > 5 * 7
    assert store.events(factuality="all") == every  # limit=None: all of them, page after page
    assert store.events(factuality="all", limit=7) == every[:7]
    assert store.events(factuality="all", limit=20) == every[:20]
    assert [e["id"] for e in store.iter_events(factuality="all")] == [e["id"] for e in every]


def test_limit_is_not_capped_at_the_apis_page(store, monkeypatch):
    monkeypatch.setattr(query, "MAX_LIMIT", 10)  # list_events would cap a page at 10
    monkeypatch.setattr(notebook, "PAGE_SIZE", 25)  # more than a page may hold: read 10 at a time
    with store.session() as session:
        every = list_events(session, EventFilter(limit=10**6, factuality=None), store.dialect)
    assert len(every) == 10
    assert len(store.events(factuality="all")) > 200


def test_to_pandas_is_typed_and_flat(store):
    pd = pytest.importorskip("pandas")
    rows = store.events(factuality="all")
    df = store.to_pandas(factuality="all")
    assert len(df) == len(rows) and df["id"].tolist() == [e["id"] for e in rows]
    assert list(df.columns) == [*export.CSV_COLUMNS, "quantities"]  # the CSV export's, then the quantities
    assert pd.api.types.is_datetime64_any_dtype(df["date"])
    for c in ("id", "n_reports", "n_articles", "n_outlets", "n_sources"):
        assert df[c].dtype == "int64", c
    assert df["fatalities"].dtype == "Int64"
    assert df["latitude"].dtype == df["longitude"].dtype == "float64"
    for c in ("type", "cameo_root", "source_canonical", "place_name", "admin1", "url", "evidence"):
        assert pd.api.types.is_string_dtype(df[c]), c
    assert df["cameo_root"].tolist() == [e["cameo_root"] for e in rows]
    assert "03" in set(df.loc[df["type"] == "AGREE", "cameo_root"])  # the leading zero is kept
    assert df["date"].dt.strftime("%Y-%m-%d").tolist() == [e["date"] for e in rows]
    for (_, r), e in zip(df.iterrows(), rows):
        source, target, place = e["source"] or {}, e["target"] or {}, e["place"] or {}
        assert _na(r["source_canonical"]) == source.get("canonical")
        assert _na(r["source_country"]) == source.get("country")
        assert _na(r["target_sector"]) == target.get("sector")
        assert _na(r["place_name"]) == place.get("name") and _na(r["admin1"]) == place.get("admin1")
        assert (None if pd.isna(r["latitude"]) else r["latitude"]) == place.get("latitude")
        assert _na(r["fatalities"]) == e["fatalities"] and r["quantities"] == e["quantities"]
    assert df["latitude"].notna().sum() > 100
    with store.session() as session:  # the evidence: every report's sentence, its article's URL
        for (_, r), e in zip(df.iterrows(), rows):
            shown = query.event_detail(session, e["id"])
            sentences = r["evidence"].split(export.EVIDENCE_SEPARATOR)
            assert set(sentences) == {" ".join(rep["sentence"].split()) for rep in shown["reports"]}
    assert df["url"].notna().all() and df["url"].str.startswith("http").all()


def _na(value):
    import pandas as pd

    return None if value is pd.NA or value is None or (isinstance(value, float) and pd.isna(value)) else value


def test_to_pandas_of_nothing_keeps_its_types(store):
    pd = pytest.importorskip("pandas")
    df = store.to_pandas(since="2099-01-01")
    assert len(df) == 0 and list(df.columns) == [*export.CSV_COLUMNS, "quantities"]
    assert pd.api.types.is_datetime64_any_dtype(df["date"]) and df["n_sources"].dtype == "int64"


def test_to_pandas_pages_and_limits(store, monkeypatch):
    monkeypatch.setattr(notebook, "PAGE_SIZE", 7)
    every = store.events(type="ASSAULT")
    assert len(every) > 7
    assert store.to_pandas(type="ASSAULT")["id"].tolist() == [e["id"] for e in every]
    assert store.to_pandas(type="ASSAULT", limit=9)["id"].tolist() == [e["id"] for e in every[:9]]


def test_to_pandas_without_pandas_says_how_to_get_it(store, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas raises ImportError
    with pytest.raises(EventwireError, match="pip install pandas"):
        store.to_pandas()


@pytest.mark.parametrize("by", ["day", "type", "country"])
def test_counts(store, by):
    filters = {"since": "2020-01-01", "factuality": "all"}
    got = store.counts(by, **filters)
    with store.session() as session:
        expected = count_events(session, EventFilter(since=date(2020, 1, 1), factuality=None), by, store.dialect)
    assert list(got.values()) == [r["count"] for r in expected]
    assert sum(got.values()) == len(store.events(**filters))
    if by == "day":
        assert all(isinstance(k, date) for k in got) and list(got) == sorted(got)
    if by == "type":
        assert got == {t: len(store.events(type=t, **filters)) for t in got}


def test_counts_by_day_read_past_one_answer(store, monkeypatch):
    every = store.counts("day", factuality="all")
    monkeypatch.setattr(query, "MAX_COUNT_KEYS", 5)
    monkeypatch.setattr(notebook, "MAX_COUNT_KEYS", 5)
    assert len(every) > 5 and store.counts("day", factuality="all") == every
    assert len(store.counts("type", factuality="all")) == 5  # by type or country: at most MAX_COUNT_KEYS keys


def test_event_has_its_reports(store):
    (top,) = store.events(min_sources=2, limit=1)
    shown = store.event(top["id"])
    assert shown["id"] == top["id"] and len(shown["reports"]) == top["n_reports"]


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda s: s.events(typ="ASSAULT"), "unknown filter 'typ'"),
        (lambda s: s.iter_events(typ="ASSAULT"), "unknown filter 'typ'"),  # when called, not when read
        (lambda s: s.to_pandas(place="Idlib"), "unknown filter 'place'"),
        (lambda s: s.counts("day", limit=5), "limit"),
        (lambda s: s.counts("week"), "'week'"),
        (lambda s: s.events(type="BATTLE"), "'BATTLE'"),
        (lambda s: s.events(country="Atlantis"), "'Atlantis'"),
        (lambda s: s.events(since="2020-13-01"), "since '2020-13-01'"),
        (lambda s: s.events(until=20200101), "until 20200101"),
        (lambda s: s.events(factuality="maybe"), "'maybe'"),
        (lambda s: s.events(near="Nowhereville Xyzzy"), "near 'Nowhereville Xyzzy'"),
        (lambda s: s.events(near=(95, 0)), "latitude"),
        (lambda s: s.events(near="Idlib", within_km=-5), "within_km -5"),
        (lambda s: s.events(min_sources=-1), "min_sources -1"),
        (lambda s: s.events(limit=0), "limit 0"),
        (lambda s: s.to_pandas(limit=-1), "limit -1"),
        (lambda s: s.to_pandas(since="yesterday"), "since 'yesterday'"),
        (lambda s: s.events(text="!!"), "no word"),
    ],
)
def test_bad_filters_are_named(store, call, message):
    with pytest.raises(EventwireError, match=message):
        call(store)


def test_a_missing_sqlite_store_is_an_error_not_a_new_one(tmp_path, monkeypatch):
    path = tmp_path / "typo.sqlite"
    with pytest.raises(EventwireError, match=r"no store at .*typo.sqlite.*create=True"):
        eventwire.open_store(f"sqlite:///{path}")
    with pytest.raises(EventwireError, match="no store at"):
        eventwire.open_store(path)  # a path is a SQLite file
    assert not path.exists()
    monkeypatch.setenv("EVENTWIRE_DB", f"sqlite:///{path}")
    with pytest.raises(EventwireError, match="no store at"):
        eventwire.open_store()  # the default URL, as the command's
    with eventwire.open_store(create=True) as s:
        assert s.events() == [] and s.counts("type") == {}
    assert path.exists()
    with eventwire.open_store(str(path)) as s:  # there now
        assert s.events() == []


def test_a_missing_postgresql_database_is_an_error(postgres_server):
    url = postgres_server.url.rsplit("/", 1)[0] + "/no_such_database"
    with pytest.raises(EventwireError, match="cannot open the store"):
        eventwire.open_store(url)


def _modules_loaded_by(statement: str, heavy: tuple[str, ...]) -> str:
    code = f"import sys; {statement}; print(*sorted(m for m in {heavy!r} if m in sys.modules))"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_import_eventwire_stays_light():
    assert _modules_loaded_by("import eventwire", ("sqlalchemy", "pandas", "eventwire.store.db", "spacy")) == ""
    assert "open_store" in eventwire.__all__ and "extract" in eventwire.__all__
    assert eventwire.extract.__module__ == "eventwire.pipeline"  # loaded when first asked for


def test_the_store_and_the_api_load_no_nlp_until_they_code():
    # a store reader, an API worker or a coding worker handed another pipeline never pays spaCy's load
    assert _modules_loaded_by("import eventwire.store.ingest, eventwire.store.dedup, eventwire.web.api", ("spacy",)) == ""
