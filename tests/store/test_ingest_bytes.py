"""Arbitrary input never corrupts or loses what a store already holds."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.article import make_article
from eventwire.pipeline import Pipeline
from eventwire.reader import read_path
from eventwire.store.db import open_store
from eventwire.store.ingest import ingest

KNOWN = "Villagers in the village of Hamo near Qamishli blocked a convoy of five US military vehicles on Thursday, SANA reported."
PIPELINE = None


def pipeline():
    global PIPELINE
    PIPELINE = PIPELINE or Pipeline()
    return PIPELINE


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_arbitrary_bytes_leave_the_store_intact(tmp_path, snapshot, data, suffix):
    url = f"sqlite:///{tmp_path}/keep.sqlite"
    store = open_store(url)
    ingest(store, [make_article(KNOWN, published="2020-04-17", outlet="Press TV", article_id="known")], pipeline())
    before = snapshot(url)
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    summary = ingest(store, read_path(path), pipeline())
    store.close()
    after = snapshot(url)
    assert set(before[0]) <= set(after[0])  # every report already stored is still there
    assert set(before[1]) <= set(after[1]) or summary.articles > 0  # events only grow, unless new reports joined them
    assert summary.articles + len(summary.skipped) >= 1  # the input was either coded or refused with a reason
    path.unlink()
    (tmp_path / "keep.sqlite").unlink()
    for extra in ("-wal", "-shm"):
        (tmp_path / f"keep.sqlite{extra}").unlink(missing_ok=True)
