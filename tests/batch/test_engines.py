"""Every engine writes exactly what coding the articles one by one gives, records the
bad lines, and a re-run or a restart after a lost partition changes nothing."""

import importlib.util
import json
import os
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

from eventwire.batch.engines import run_job
from eventwire.batch.job import HIVE_NULL, read_articles, read_reports
from eventwire.errors import EventwireError

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "sample" / "articles.jsonl"
PARTITIONS = 4  # two files, two strides each


def _spark_missing() -> str | None:
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (pip install 'pyspark==4.3.0')"
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and os.path.exists(os.path.join(java_home, "bin", "java"))):
        return "no java on PATH or in JAVA_HOME (the spark engine needs Java 17+)"
    return None


def _spark_param():
    """Skipped with the reason when pyspark or java is missing; EVENTWIRE_TEST_SPARK=1 makes that a failure."""
    reason = _spark_missing()
    forced = os.environ.get("EVENTWIRE_TEST_SPARK", "").strip().lower() in ("1", "true", "yes", "on")
    return pytest.param("spark", marks=pytest.mark.skipif(reason is not None and not forced, reason=reason or ""))


def _dask_param():
    reason = None if importlib.util.find_spec("distributed") else "dask.distributed is not installed"
    return pytest.param("dask", marks=pytest.mark.skipif(reason is not None, reason=reason or ""))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Eight good articles in two files (the last with no publication date), plus a bad JSON line
    and a row without text in the first."""
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()][:8]
    assert len(rows) == 8
    rows[7] = {k: v for k, v in rows[7].items() if k != "published"}
    root = tmp_path_factory.mktemp("corpus")
    lines = [json.dumps(r) for r in rows]
    no_text = json.dumps({"id": "no-text", "title": "A row without text", "published": "2020-01-01"})
    # a.jsonl: line 3 is not JSON, line 6 has no text
    a_lines = lines[:2] + ["{not json"] + lines[2:4] + [no_text]
    (root / "a.jsonl").write_text("\n".join(a_lines) + "\n", encoding="utf-8")
    (root / "b.jsonl").write_text("\n".join(lines[4:]) + "\n", encoding="utf-8")
    return {"glob": str(root / "*.jsonl"), "rows": rows,
            "bad": {"a.jsonl:3": "not valid JSON", "a.jsonl:6": "no string 'text' field"}}  # fmt: skip


@pytest.fixture(scope="module")
def expected(corpus):
    """What coding each good article in this process gives: the records, as a multiset."""
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline()
    records = Counter()
    for row in corpus["rows"]:
        events = pipeline.extract(row["text"], published=row.get("published"), outlet=row["outlet"], url=row["url"],
                                  article_id=row["id"])  # fmt: skip
        records.update(json.dumps(e.to_dict(), sort_keys=True) for e in events)
    assert records, "the sample articles should give events"
    return records


def _records(out) -> Counter:
    return Counter(json.dumps(json.loads(r["record"]), sort_keys=True) for r in read_reports(str(out)))


def _errors(out) -> dict[str, str]:
    errors = {}
    for path in sorted(Path(out, "_errors").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            errors[entry["input"]] = entry["reason"]
    return errors


def _files(out) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in Path(out).rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def spark_session():
    """One local Spark session for this module's Spark tests: its JVM and its Python workers (each
    loading the NLP pipeline once, as spark.python.worker.reuse keeps them) start once, not per
    test. run_on_spark uses a session already running and leaves it running."""
    from pyspark.sql import SparkSession

    from eventwire.batch.spark import _session

    spark = _session(SparkSession, "local[2]")
    yield spark
    spark.stop()


@pytest.mark.parametrize("engine", ["local", _dask_param(), _spark_param()])
def test_engine_matches_single_process(engine, corpus, expected, tmp_path, request):
    if engine == "spark":
        request.getfixturevalue("spark_session")
    out = tmp_path / "out"
    summary = run_job(corpus["glob"], str(out), engine=engine, workers=2, partitions=PARTITIONS).as_dict()
    assert summary["partitions"] == PARTITIONS and summary["skipped_done"] == 0
    assert summary["articles"] == 8 and summary["errors"] == 2
    assert summary["reports"] == sum(expected.values())
    assert _records(out) == expected
    # the undated article's reports are under Hive's null partition, and read back from it
    assert any(json.loads(r)["date"] is None for r in expected)
    assert list(Path(out).glob(f"date={HIVE_NULL}/*.parquet"))
    assert sorted(a["id"] for a in read_articles(str(out))) == sorted(r["id"] for r in corpus["rows"])
    errors = _errors(out)
    assert set(errors) == set(corpus["bad"])
    for where, reason in corpus["bad"].items():
        assert reason in errors[where] and where in errors[where]
    assert len(list(Path(out, "_done").glob("*.json"))) == PARTITIONS

    # a re-run finds every partition done, runs nothing and writes nothing
    before = _files(out)
    again = run_job(corpus["glob"], str(out), engine=engine, workers=2, partitions=PARTITIONS).as_dict()
    assert again["skipped_done"] == PARTITIONS
    assert again["articles"] == again["reports"] == again["errors"] == 0
    assert _files(out) == before
    assert _records(out) == expected


def test_restart_after_a_lost_partition_equals_a_clean_run(corpus, expected, tmp_path):
    clean, restarted = tmp_path / "clean", tmp_path / "restarted"
    run_job(corpus["glob"], str(clean), engine="local", workers=2, partitions=PARTITIONS)
    run_job(corpus["glob"], str(restarted), engine="local", workers=2, partitions=PARTITIONS)

    # lose partition 2 (b.jsonl's rows 1 and 3): its done marker and every output file of it
    lost = sorted(p for p in restarted.rglob("part-00002.*") if p.is_file())
    assert Path(restarted, "_done", "part-00002.json") in lost
    assert any(p.parent.name.startswith("date=") for p in lost), "partition 2 should have written reports"
    for p in lost:
        p.unlink()
    assert _records(restarted) != expected

    summary = run_job(corpus["glob"], str(restarted), engine="local", workers=2, partitions=PARTITIONS).as_dict()
    assert summary["skipped_done"] == PARTITIONS - 1
    assert summary["articles"] == 2  # b.jsonl's rows 1 and 3
    assert _records(restarted) == _records(clean) == expected
    assert sorted(map(str, read_articles(str(restarted)))) == sorted(map(str, read_articles(str(clean))))
    assert _errors(restarted) == _errors(clean)
    assert set(_files(restarted)) == set(_files(clean))


@pytest.mark.parametrize("engine", [_spark_param()])
def test_spark_names_a_failing_partition(engine, corpus, tmp_path, spark_session):
    """A bad article is recorded, but an exception out of run_partition (here: a file that is
    gone) is an EventwireError naming the partition, after the other partitions' results."""
    from eventwire.batch.job import Partition
    from eventwire.batch.spark import run_on_spark

    good = Partition(0, corpus["glob"].replace("*", "b"), 0, 1)
    gone = Partition(1, str(tmp_path / "gone.jsonl"), 0, 1)
    results = []
    with pytest.raises(EventwireError, match=r"partition part-00001 .*gone\.jsonl.*FileNotFoundError"):
        for r in run_on_spark([good, gone], str(tmp_path / "out"), 2, None):
            results.append(r)
    assert [(r.partition, r.articles) for r in results] == [(0, 4)]


def test_spark_missing_says_how_to_install(monkeypatch, tmp_path):
    from eventwire.batch.job import Partition
    from eventwire.batch.spark import run_on_spark

    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark raises ImportError
    with pytest.raises(EventwireError, match=r"pip install 'pyspark"):
        list(run_on_spark([Partition(0, str(tmp_path / "a.jsonl"), 0, 1)], str(tmp_path / "out"), 1, None))
