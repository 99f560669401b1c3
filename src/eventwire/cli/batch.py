"""Scale: batch (a corpus into Parquet on several cores or a cluster)."""

from __future__ import annotations

import argparse
import json
import sys

from .common import progress_bar


def register(sub) -> None:
    bt = sub.add_parser("batch", help="code a large corpus on several cores or a cluster into Parquet")
    bt.add_argument("input", help="JSONL or Parquet: a path, directory, glob or fsspec URL (one article per row)")
    bt.add_argument("--out", required=True, help="output directory (Parquet partitioned by event date)")
    bt.add_argument("--engine", choices=("local", "dask", "spark"), default="local", help="where the partitions run (default local)")
    bt.add_argument("--workers", type=int, help="worker processes (default: all cores)")
    bt.add_argument("--partitions", type=int, help="input partitions (default: 4 per worker)")
    bt.add_argument("--address", help="dask scheduler address or spark master URL (default: a local cluster)")
    bt.set_defaults(func=cmd_batch)


def cmd_batch(args: argparse.Namespace) -> int:
    from ..batch.engines import run_job

    with progress_bar(unit="partition") as bar:

        def progress(s) -> None:
            rate = s.articles / s.seconds if s.seconds else 0.0
            bar.total = s.partitions
            bar.set_postfix_str(f"{s.articles} articles, {s.reports} reports, {s.errors} errors, {rate:.1f} articles/s", refresh=False)
            bar.update(len(s.results) - bar.n)

        summary = run_job(args.input, args.out, engine=args.engine, workers=args.workers, partitions=args.partitions,
                          address=args.address, progress=progress)  # fmt: skip
    print(json.dumps(summary.as_dict()))
    if summary.errors:
        print(f"eventwire: {summary.errors} article(s) could not be coded; see {args.out}/_errors/", file=sys.stderr)
    return 1 if summary.errors else 0
