"""The ``spark`` engine: a batch job's partitions run as a PySpark job.

One DataFrame row per pending partition, one Spark task per row, and an Arrow
map function (``mapInArrow``) that runs ``run_partition`` on each. Spark reuses
its Python workers (``spark.python.worker.reuse``), and ``worker_pipeline()``
caches the pipeline per worker process, so each worker loads the NLP models once
however many partitions it is given. The outputs are written by the tasks
themselves (``run_partition``); only the small per-partition results come back
to the driver.

A bad article never fails a task (``run_partition`` records it in ``_errors``);
an exception raised by ``run_partition`` itself is sent back as data and raised
on the driver as an ``EventwireError`` naming the partition, after the results
of the partitions that did finish.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

from ..errors import EventwireError
from .job import Partition, PartitionResult, run_partition

APP_NAME = "eventwire-batch"
INPUT_SCHEMA = "id long, file string, index long, stride long"
RESULT_SCHEMA = (
    "partition long, articles long, reports long, errors long, seconds double, skipped boolean, failure string"
)
INSTALL_HINT = (
    "the spark engine needs PySpark and Java 17+: pip install 'pyspark==4.3.0' (and a JDK, e.g. openjdk-17-jre)"
)

# Small defaults for a local run on a laptop-sized machine (2 cores / 24 GB): the JVM only
# schedules the tasks and carries a few rows; the memory goes to the Python workers' models.
_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.memory": "1g",
    "spark.driver.maxResultSize": "256m",
    "spark.executor.memory": "1g",
    "spark.sql.shuffle.partitions": "4",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.python.worker.reuse": "true",
}


def run_on_spark(parts: list[Partition], out: str, workers: int, address: str | None) -> Iterator[PartitionResult]:
    """Run ``parts`` on Spark (``address`` is a master URL; ``local[workers]`` by default)."""
    if not parts:
        return
    try:
        from pyspark import SparkContext
        from pyspark.sql import SparkSession
    except ImportError:
        raise EventwireError(INSTALL_HINT) from None

    created = SparkContext._active_spark_context is None
    spark = _session(SparkSession, address or f"local[{workers}]")
    try:
        rows = _collect(spark, parts, out)
    finally:
        if created:
            spark.stop()
    by_id = {p.id: p for p in parts}
    failed = []
    for row in rows:
        if row["failure"] is not None:
            failed.append((by_id[row["partition"]], row["failure"]))
            continue
        yield PartitionResult(row["partition"], articles=row["articles"], reports=row["reports"],
                              errors=row["errors"], seconds=row["seconds"], skipped=row["skipped"])  # fmt: skip
    if failed:
        part, failure = failed[0]
        more = f" (and {len(failed) - 1} more partition(s))" if len(failed) > 1 else ""
        raise EventwireError(
            f"spark: partition {part.name} ({part.file}, rows {part.index} + k*{part.stride}) failed{more}: {failure}"
        )


def _session(SparkSession: Any, master: str):
    local = master.startswith("local")
    # On a local master the workers are this interpreter (this venv); on a cluster an
    # explicit PYSPARK_PYTHON (the executors' Python) wins over this machine's path.
    python = sys.executable if local else os.environ.get("PYSPARK_PYTHON") or sys.executable
    os.environ["PYSPARK_PYTHON"] = python
    builder = SparkSession.builder.master(master).appName(APP_NAME).config("spark.pyspark.python", python)
    for key, value in _CONF.items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as err:  # no java, a bad JAVA_HOME, an unreachable master
        raise EventwireError(f"spark: cannot start a session on {master}: {err} ({INSTALL_HINT})") from err
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _collect(spark, parts: list[Partition], out: str) -> list[dict[str, Any]]:
    """One task per partition: parallelize with one slice per row (a hash ``repartition``
    by id would put two partitions in one task and none in another)."""
    rdd = spark.sparkContext.parallelize([(p.id, p.file, p.index, p.stride) for p in parts], len(parts))
    df = spark.createDataFrame(rdd, INPUT_SCHEMA)
    try:
        mapped = _map_in_arrow(df, _partition_mapper(out), RESULT_SCHEMA)
        return [row.asDict() for row in mapped.collect()]
    except EventwireError:
        raise
    except Exception as err:  # a worker died (killed, out of memory), the cluster went away, ...
        raise EventwireError(f"spark: the job failed: {_short(err)}") from err


def _map_in_arrow(df, func, schema: str):
    """``df.mapInArrow(func, schema)``. PySpark (4.3) builds it on ``pandas_udf`` and so
    demands pandas on the driver, though an Arrow map never touches pandas; without
    pandas, build the same plan directly (the Python workers do not need pandas)."""
    try:
        import pandas  # noqa: F401
    except ImportError:
        pass
    else:
        return df.mapInArrow(func, schema)
    try:
        from pyspark.sql import DataFrame
        from pyspark.sql.udf import _create_udf
        from pyspark.util import PythonEvalType

        udf = _create_udf(func, schema, PythonEvalType.SQL_MAP_ARROW_ITER_UDF)
        column = udf(*[df[c] for c in df.columns])
        return DataFrame(df._jdf.mapInArrow(column._jc, False, None), df.sparkSession)
    except (ImportError, AttributeError, TypeError) as err:
        raise EventwireError(f"spark: this PySpark needs pandas for mapInArrow: pip install pandas ({err})") from err


def _partition_mapper(out: str):
    """The Arrow map function: each input row is a partition to run; one result row each."""

    def run(batches):
        import traceback

        import pyarrow as pa

        for batch in batches:
            for row in batch.to_pylist():
                part = Partition(int(row["id"]), row["file"], int(row["index"]), int(row["stride"]))
                try:
                    r = run_partition(part, out)
                    result = {"partition": r.partition, "articles": r.articles, "reports": r.reports,
                              "errors": r.errors, "seconds": float(r.seconds), "skipped": bool(r.skipped),
                              "failure": None}  # fmt: skip
                except Exception as err:  # sent back as data: the driver names the partition
                    tb = traceback.format_exc(limit=8)
                    result = {"partition": part.id, "articles": 0, "reports": 0, "errors": 0, "seconds": 0.0,
                              "skipped": False, "failure": f"{type(err).__name__}: {err}\n{tb}"}  # fmt: skip
                yield pa.RecordBatch.from_pylist([result], schema=_result_arrow_schema())

    return run


def _result_arrow_schema():
    import pyarrow as pa

    return pa.schema([("partition", pa.int64()), ("articles", pa.int64()), ("reports", pa.int64()),
                      ("errors", pa.int64()), ("seconds", pa.float64()), ("skipped", pa.bool_()),
                      ("failure", pa.string())])  # fmt: skip


def _short(err: BaseException, limit: int = 2000) -> str:
    text = str(err).strip() or type(err).__name__
    return text if len(text) <= limit else text[:limit] + " ..."
