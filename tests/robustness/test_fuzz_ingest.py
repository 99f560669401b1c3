"""Fuzzing the whole way in: arbitrary JSONL records, files and URLs through
reader -> pipeline -> store, on SQLite and PostgreSQL. Every good input must be
stored, every bad one reported by name, and nothing raised, whatever sits beside it.

Each generated input knows by construction whether it is good, so the test has its
own oracle rather than asking eventwire."""

from __future__ import annotations

import itertools
import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from eventwire.article import article_id_for, normalise_text
from eventwire.cli import input_items
from eventwire.pipeline import Pipeline
from eventwire.store.db import open_store
from eventwire.store.ingest import ingest
from eventwire.store.models import Article

_serial = itertools.count(1)


def good_text() -> str:
    """A short English report, unique per call (so its hash id is too)."""
    n = next(_serial)
    return (f"Police detained {n} protesters outside the parliament in the capital on Monday, "
            f"the interior ministry said in a statement. Report {uuid.uuid4().hex[:8]}.")  # fmt: skip


SCALARS = st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.lists(st.integers(), max_size=2),
                    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))  # fmt: skip

# each: a strategy for a bad record (dict or raw line); the defect is named for failure messages
BAD_RECORDS = {
    "outlet not text": SCALARS.filter(lambda v: v not in (0, False, [], {}, 0.0)).map(lambda v: {"outlet": v}),
    "url not text": SCALARS.filter(lambda v: v not in (0, False, [], {}, 0.0)).map(lambda v: {"url": v}),
    "title not text": SCALARS.filter(lambda v: v is not None and v not in (0, False, [], {}, 0.0)).map(lambda v: {"title": v}),
    "id too long": st.integers(65, 300).map(lambda n: {"id": "i" * n}),
    "outlet too long": st.integers(201, 400).map(lambda n: {"outlet": "o" * n}),
    "outlet on two lines": st.just({"outlet": "Wire\nService"}),
    "published garbage": st.sampled_from(["2020-04-17garbage", "17/04/2020", "2020-02-30", "soon"]).map(lambda v: {"published": v}),
    "published not text": st.sampled_from([20200417, ["2020-04-17"], {"d": 1}]).map(lambda v: {"published": v}),
    "text missing": st.just({"text": None}),
    "text not text": SCALARS.map(lambda v: {"text": v}),
    "text empty": st.sampled_from(["", "   ", "\n\n"]).map(lambda v: {"text": v}),
    "text binary": st.just({"text": "\x00\x01\x02\x03\x04 binary \x05\x06"}),
    "html with bad url": st.sampled_from([5, ["x"], {"u": 1}]).map(lambda v: {"text": None, "html": "<html><body><p>x</p></body></html>", "url": v}),
}
RAW_BAD_LINES = st.sampled_from(['{"text": ', "[1, 2, 3]", "42", '"just a string"', "{'text': 'single quotes'}", "\x00\x01"])


@st.composite
def jsonl_inputs(draw):
    """Lines of a JSONL file and, for each line, whether it is a good article (its id) or bad (None)."""
    lines, expected = [], []
    for _ in range(draw(st.integers(1, 7))):
        kind = draw(st.sampled_from(["good", "good", "bad", "raw"]))
        if kind == "good":
            record = {"text": good_text()}
            if draw(st.booleans()):
                # ids unique per good record (a shared one is a conflict: that case is generated below)
                record["id"] = draw(st.one_of(st.builds(lambda: 10**13 + next(_serial)), st.builds(lambda: str(uuid.uuid4()))))
            record |= draw(st.fixed_dictionaries({}, optional={
                "outlet": st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs"]), max_size=40),
                "url": st.just("https://news.example.org/a/1"), "title": st.just("Protesters detained"),
                "published": st.dates().map(str)}))  # fmt: skip
            lines.append(json.dumps(record))
            rid = record.get("id")
            expected.append(str(rid) if rid not in (None, "") else article_id_for(normalise_text(record["text"])))
        elif kind == "bad":
            defect = draw(st.sampled_from(sorted(BAD_RECORDS)))
            record = {"text": good_text()} | draw(BAD_RECORDS[defect])
            if record.get("text") is None:
                record.pop("text")
            lines.append(json.dumps(record))
            expected.append(None)
        else:
            lines.append(draw(RAW_BAD_LINES))
            expected.append(None)
    # an id reused for a different article: the second one is the bad input
    if draw(st.booleans()):
        lines.append(json.dumps({"id": "reused-" + uuid.uuid4().hex[:6], "text": good_text()}))
        expected.append(json.loads(lines[-1])["id"])
        lines.append(json.dumps({"id": expected[-1], "text": good_text()}))
        expected.append(None)
    return lines, expected


BAD_FILES = {  # name -> bytes: each must be reported, never read as an article
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 4,
    "nav.html": b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
    "photo.jpg": b"\xff\xd8\xff\xe0 not a report",
    "spanish.txt": "Los manifestantes bloquearon la carretera principal de la ciudad durante varias horas el jueves.".encode(),
}
BAD_URLS = ["http://[::1", "http://", "ftp://example.org/a", "http://0177.0.0.1/", "http://exa mple.org/", "http://x:99999/"]


def run_and_check(url: str, tmp_dir, lines, expected, bad_files, bad_urls) -> None:
    folder = tmp_dir / uuid.uuid4().hex
    folder.mkdir()
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = good_text()
    (folder / "report.txt").write_text(text, encoding="utf-8")
    for name in bad_files:
        (folder / name).write_bytes(BAD_FILES[name])
    good_ids = {i for i in expected if i} | {article_id_for(normalise_text(text))}
    store = open_store(url)
    try:
        summary = ingest(store, input_items([str(folder), *bad_urls]), pipeline=PIPELINE)
        with store.session() as s:
            stored = set(s.scalars(select(Article.id).where(Article.id.in_(good_ids | {str(i) for i in range(3)}))))
    finally:
        store.close()
    assert stored == good_ids, summary.skipped
    bad_lines = {f"{folder / 'batch.jsonl'}:{n}" for n, e in enumerate(expected, 1) if e is None}
    reported = {source for source, _ in summary.skipped}
    assert bad_lines <= reported, (bad_lines - reported, summary.skipped)
    assert {str(folder / n) for n in bad_files} <= reported, summary.skipped
    assert set(bad_urls) <= reported, summary.skipped
    assert len(summary.skipped) == len(bad_lines) + len(bad_files) + len(bad_urls), summary.skipped
    assert summary.articles == len(good_ids)


PIPELINE = None


@pytest.fixture(scope="module", autouse=True)
def pipeline():
    global PIPELINE
    PIPELINE = Pipeline()
    yield PIPELINE


FILES = st.lists(st.sampled_from(sorted(BAD_FILES)), unique=True, max_size=3)
URLS = st.lists(st.sampled_from(BAD_URLS), unique=True, max_size=3)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(jsonl_inputs(), FILES, URLS)
def test_sqlite_stores_every_good_input_and_reports_every_bad_one(tmp_path_factory, inputs, bad_files, bad_urls):
    tmp = tmp_path_factory.mktemp("fuzz")
    run_and_check(f"sqlite:///{tmp}/events.sqlite", tmp, *inputs, bad_files, bad_urls)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(jsonl_inputs(), FILES, URLS)
def test_postgresql_stores_every_good_input_and_reports_every_bad_one(postgres_url, tmp_path_factory, inputs, bad_files, bad_urls):
    run_and_check(postgres_url, tmp_path_factory.mktemp("fuzz"), *inputs, bad_files, bad_urls)
