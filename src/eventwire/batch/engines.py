"""Engines that run a batch job's partitions: ``local`` (the cores of this machine),
``dask`` (a Dask distributed cluster; a local one by default) and ``spark`` (a
PySpark job; local[*] by default). All run the same ``run_partition``: each worker
loads the NLP models once and keeps them for every partition it is given.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import EventwireError
from .job import Partition, PartitionResult, done_marker, plan, run_partition

ENGINES = ("local", "dask", "spark")


@dataclass
class JobSummary:
    engine: str
    workers: int
    partitions: int = 0
    skipped: int = 0  # done by an earlier run
    articles: int = 0
    reports: int = 0
    errors: int = 0
    seconds: float = 0.0
    results: list[PartitionResult] = field(default_factory=list)

    def add(self, r: PartitionResult) -> None:
        self.results.append(r)
        self.skipped += int(r.skipped)
        self.articles += r.articles
        self.reports += r.reports
        self.errors += r.errors

    def as_dict(self) -> dict[str, Any]:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return {"engine": self.engine, "workers": self.workers, "partitions": self.partitions, "skipped_done": self.skipped,
                "articles": self.articles, "reports": self.reports, "errors": self.errors,
                "seconds": round(self.seconds, 2), "articles_per_s": round(rate, 2)}  # fmt: skip


def run_job(
    input_spec: str,
    out: str,
    *,
    engine: str = "local",
    workers: int | None = None,
    partitions: int | None = None,
    address: str | None = None,
    progress: Callable[[JobSummary], None] | None = None,
) -> JobSummary:
    """Run the job on ``engine``; partitions already done by an earlier run are skipped."""
    if engine not in ENGINES:
        raise EventwireError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    workers = workers or os.cpu_count() or 1
    parts = plan(input_spec, partitions or workers * 4)
    summary = JobSummary(engine, workers, partitions=len(parts))
    pending = []
    for p in parts:
        if _is_done(out, p):
            summary.add(PartitionResult(p.id, skipped=True))
        else:
            pending.append(p)
    started = time.perf_counter()
    runner = {"local": _run_local, "dask": _run_dask, "spark": _run_spark}[engine]
    for result in runner(pending, out, workers, address):
        summary.add(result)
        summary.seconds = time.perf_counter() - started
        if progress:
            progress(summary)
    summary.seconds = time.perf_counter() - started
    return summary


def _is_done(out: str, part: Partition) -> bool:
    import fsspec

    marker = done_marker(out, part)
    fs, _, _ = fsspec.get_fs_token_paths(marker)
    return fs.exists(marker)


def _run_local(parts: list[Partition], out: str, workers: int, address: str | None) -> Iterable[PartitionResult]:
    if workers == 1 or len(parts) <= 1:
        for p in parts:
            yield run_partition(p, out)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # fork shares the already-imported code; each worker still loads its own pipeline once
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        futures = [pool.submit(run_partition, p, out) for p in parts]
        for f in as_completed(futures):
            yield f.result()


def _run_dask(parts: list[Partition], out: str, workers: int, address: str | None) -> Iterable[PartitionResult]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise EventwireError("the dask engine needs dask and distributed: pip install 'dask[distributed]'") from None
    cluster = None
    if address:
        client = Client(address)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(run_partition, parts, out=out, pure=False)
        for f in as_completed(futures):
            yield f.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run_spark(parts: list[Partition], out: str, workers: int, address: str | None) -> Iterable[PartitionResult]:
    from .spark import run_on_spark

    yield from run_on_spark(parts, out, workers, address)
