"""A batch job: articles in (JSONL or Parquet, local paths, globs or fsspec URLs),
reports out (Parquet partitioned by event date), the work cut into partitions
that any engine can run.

A partition is a slice of the input (every ``n``-th row of one file); running it
codes its articles with one pipeline per worker and writes, atomically:

    OUT/date=YYYY-MM-DD/part-NNNNN.parquet   one row per report (the event record's schema);
                                             the undated ones under Hive's null, date=__HIVE_DEFAULT_PARTITION__
    OUT/_articles/part-NNNNN.parquet         the coded articles (for ``eventwire load``)
    OUT/_errors/part-NNNNN.jsonl             each bad article with its reason
    OUT/_done/part-NNNNN.json                written last: the partition is complete

so a re-run after a failure skips the partitions already done, and a bad article
is recorded, never fatal.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from ..article import make_article
from ..errors import EventwireError, InputError

# One row per report: the event record, flattened for filtering, plus the record itself.
REPORT_COLUMNS = [
    ("article_id", "string"), ("date", "string"), ("type", "string"), ("mode", "string"), ("cameo_root", "string"),
    ("acled_event_type", "string"), ("acled_sub_event_type", "string"), ("trigger", "string"),
    ("source_canonical", "string"), ("source_country", "string"), ("source_sector", "string"),
    ("target_canonical", "string"), ("target_country", "string"), ("target_sector", "string"),
    ("place_name", "string"), ("place_country", "string"), ("latitude", "double"), ("longitude", "double"),
    ("geo_precision", "string"), ("date_precision", "string"), ("factuality", "string"), ("confidence", "double"),
    ("attribution_source", "string"), ("outlet", "string"), ("sentence_start", "int64"), ("trigger_start", "int64"),
    ("record", "string"),
]  # fmt: skip
ARTICLE_COLUMNS = [("id", "string"), ("url", "string"), ("outlet", "string"), ("title", "string"),
                   ("published", "string"), ("text", "string")]  # fmt: skip


@dataclass(frozen=True)
class Partition:
    id: int
    file: str  # a local path or an fsspec URL
    index: int  # this partition takes rows index, index + stride, ...
    stride: int

    @property
    def name(self) -> str:
        return f"part-{self.id:05d}"


@dataclass
class PartitionResult:
    partition: int
    articles: int = 0
    reports: int = 0
    errors: int = 0
    seconds: float = 0.0
    skipped: bool = False  # already done in an earlier run


# the partition of a null key, as Hive, Spark and pyarrow's hive partitioning name it
HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"

def list_inputs(spec: str) -> list[str]:
    """The input files of a path, directory, glob or fsspec URL (JSONL or Parquet)."""
    import fsspec

    fs, _, paths = fsspec.get_fs_token_paths(spec)
    if len(paths) == 1 and fs.isdir(paths[0]):
        paths = sorted(p for p in fs.find(paths[0]) if p.endswith((".jsonl", ".parquet", ".jsonl.gz")))
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    files = [p if protocol == "file" else f"{protocol}://{p}" for p in sorted(paths)]
    if not files:
        raise EventwireError(f"{spec}: no input files (give .jsonl or .parquet files, a directory or a glob)")
    return files


def plan(spec: str, partitions: int) -> list[Partition]:
    """Cut the input into about ``partitions`` partitions: each file into as many strides."""
    files = list_inputs(spec)
    per_file = max(1, -(-partitions // len(files)))
    return [Partition(i * per_file + k, f, k, per_file) for i, f in enumerate(files) for k in range(per_file)]


def read_rows(part: Partition) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """The partition's input rows as (row number, dict), or an InputError for a bad line."""
    import fsspec

    if part.file.endswith(".parquet"):
        import pyarrow.parquet as pq

        with fsspec.open(part.file, "rb") as fh:
            table = pq.read_table(fh)
        for i, row in enumerate(table.to_pylist()):
            if i % part.stride == part.index:
                yield i + 1, row
        return
    with fsspec.open(part.file, "rt", encoding="utf-8", errors="replace", compression="infer") as fh:
        for i, line in enumerate(fh):
            if i % part.stride != part.index or not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                yield i + 1, InputError(f"{os.path.basename(part.file)}:{i + 1}", f"not valid JSON ({err.msg})")
                continue
            if not isinstance(row, dict):
                yield i + 1, InputError(f"{os.path.basename(part.file)}:{i + 1}", "not a JSON object")
                continue
            yield i + 1, row


def done_marker(out: str, part: Partition) -> str:
    return f"{out.rstrip('/')}/_done/{part.name}.json"


_PIPELINE = None


def worker_pipeline():
    """One pipeline per worker process, loaded on first use and kept (never per article)."""
    global _PIPELINE
    if _PIPELINE is None:
        from ..pipeline import Pipeline

        _PIPELINE = Pipeline()
    return _PIPELINE


def run_partition(part: Partition, out: str) -> PartitionResult:
    """Code one partition and write its outputs; a partition already done is skipped."""
    import fsspec

    marker = done_marker(out, part)
    fs, _, _ = fsspec.get_fs_token_paths(marker)
    if fs.exists(marker):
        return PartitionResult(part.id, skipped=True)
    started = time.perf_counter()
    pipeline = worker_pipeline()
    result = PartitionResult(part.id)
    reports_by_date: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    articles: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for lineno, row in read_rows(part):
        where = f"{os.path.basename(part.file)}:{lineno}"
        if isinstance(row, InputError):
            errors.append({"input": row.source, "reason": str(row)})
            continue
        try:
            text = row.get("text")
            if not isinstance(text, str):
                raise InputError(where, "the row has no string 'text' field")
            art = make_article(text, published=row.get("published") or None, outlet=row.get("outlet"),
                               url=row.get("url"), title=row.get("title"), article_id=_id(row), source=where)  # fmt: skip
            events = pipeline.code_articles([art])[0]
        except InputError as err:
            errors.append({"input": where, "reason": str(err)})
            continue
        except Exception as err:  # a bug on one article must not kill the job: record it
            errors.append({"input": where, "reason": f"internal error: {type(err).__name__}: {err}"})
            continue
        result.articles += 1
        articles.append({"id": art.id, "url": art.url, "outlet": art.outlet, "title": art.title,
                         "published": art.published.isoformat() if art.published else None, "text": art.text})  # fmt: skip
        for ev in events:
            rec = ev.to_dict()
            reports_by_date[rec["date"]].append(report_row(rec))
            result.reports += 1
    result.errors = len(errors)
    _write_outputs(out, part, reports_by_date, articles, errors)
    result.seconds = time.perf_counter() - started
    fs.makedirs(marker.rsplit("/", 1)[0], exist_ok=True)
    with fs.open(marker, "w") as fh:  # last: the partition is complete
        json.dump(asdict(result), fh)
    return result


def _id(row: dict[str, Any]) -> str | None:
    value = row.get("id")
    return str(value) if value not in (None, "") else None


def report_row(rec: dict[str, Any]) -> dict[str, Any]:
    src, tgt, place = rec.get("source") or {}, rec.get("target") or {}, rec.get("place") or {}
    ev = rec["evidence"]
    return {
        "article_id": ev["article_id"], "date": rec["date"], "type": rec["type"], "mode": rec["mode"],
        "cameo_root": rec["cameo_root"], "acled_event_type": rec["acled_event_type"],
        "acled_sub_event_type": rec["acled_sub_event_type"], "trigger": rec["trigger"],
        "source_canonical": src.get("canonical"), "source_country": src.get("country"), "source_sector": src.get("sector"),
        "target_canonical": tgt.get("canonical"), "target_country": tgt.get("country"), "target_sector": tgt.get("sector"),
        "place_name": place.get("name"), "place_country": place.get("country"), "latitude": place.get("latitude"),
        "longitude": place.get("longitude"), "geo_precision": place.get("geo_precision"),
        "date_precision": rec["date_precision"], "factuality": rec["factuality"], "confidence": rec["confidence"],
        "attribution_source": rec["attribution"]["source"], "outlet": rec["attribution"]["outlet"],
        "sentence_start": ev["sentence_start"], "trigger_start": ev["spans"]["trigger"]["start"],
        "record": json.dumps(rec, ensure_ascii=False, sort_keys=True),
    }  # fmt: skip


def _schema(columns):
    import pyarrow as pa

    kinds = {"string": pa.string(), "double": pa.float64(), "int64": pa.int64()}
    return pa.schema([(name, kinds[kind]) for name, kind in columns])


def _write_outputs(out, part, reports_by_date, articles, errors) -> None:
    import fsspec
    import pyarrow as pa

    base = out.rstrip("/")
    for day, rows in reports_by_date.items():
        _atomic_parquet(pa.Table.from_pylist(rows, schema=_schema(REPORT_COLUMNS)),
                        f"{base}/date={day or HIVE_NULL}/{part.name}.parquet")
    _atomic_parquet(pa.Table.from_pylist(articles, schema=_schema(ARTICLE_COLUMNS)), f"{base}/_articles/{part.name}.parquet")
    if errors:
        with fsspec.open(f"{base}/_errors/{part.name}.jsonl", "w", encoding="utf-8", auto_mkdir=True) as fh:
            fh.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in errors)


def _atomic_parquet(table, path: str) -> None:
    """Write to a temporary name, then rename: a killed worker leaves no half file under the final name."""
    import fsspec
    import pyarrow.parquet as pq

    fs, _, (target,) = fsspec.get_fs_token_paths(path)
    fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
    tmp = f"{target}.tmp-{os.getpid()}"
    with fs.open(tmp, "wb") as fh:
        pq.write_table(table, fh)
    fs.mv(tmp, target)


def read_reports(out: str) -> list[dict[str, Any]]:
    """Every report a job wrote (for ``eventwire load`` and for comparing engines)."""
    import pyarrow.dataset as ds

    dataset = ds.dataset(out, format="parquet", partitioning="hive", exclude_invalid_files=True,
                         ignore_prefixes=["_", "."])  # fmt: skip
    return dataset.to_table().to_pylist()


def read_articles(out: str) -> list[dict[str, Any]]:
    import pyarrow.dataset as ds

    return ds.dataset(f"{out.rstrip('/')}/_articles", format="parquet").to_table().to_pylist()
