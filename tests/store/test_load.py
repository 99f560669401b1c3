"""Loading a batch job's output gives the same store as ingesting the articles."""

from eventwire.batch.engines import run_job
from eventwire.cli import SAMPLE_ARTICLES, sample_path
from eventwire.reader import read_path
from eventwire.store.db import open_store
from eventwire.store.ingest import ingest
from eventwire.store.load import load_batch


def test_load_equals_ingest_and_is_idempotent(tmp_path, snapshot):
    out = tmp_path / "job"
    run_job(str(sample_path(SAMPLE_ARTICLES)), str(out), engine="local", workers=1, partitions=3)
    loaded, ingested = f"sqlite:///{tmp_path}/loaded.sqlite", f"sqlite:///{tmp_path}/ingested.sqlite"
    store = open_store(loaded)
    first = load_batch(store, str(out))
    again = load_batch(store, str(out))
    store.close()
    assert first.articles == 42 and again.articles == 0 and again.already_stored == 42
    store = open_store(ingested)
    ingest(store, read_path(sample_path(SAMPLE_ARTICLES)))
    store.close()
    assert snapshot(loaded) == snapshot(ingested)
