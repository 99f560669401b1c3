"""Batch scaling on this machine: articles/s with 1 and 2 workers for each engine,
and each engine's overhead against the plain single-process pipeline.

The corpus is the bundled sample repeated under fresh ids (``--articles``, default
400, about 0.45 MB of text). Each run writes to a fresh output directory, so
nothing is skipped. Engines that cannot start here (pyspark or Java missing) are
reported as such.

    python bench/scale.py [--articles 400] [--engines local,dask,spark]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventwire.batch.engines import run_job  # noqa: E402
from eventwire.cli import SAMPLE_ARTICLES, sample_path  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.reader import read_path  # noqa: E402


def write_corpus(path: Path, n: int) -> int:
    base = [a for a in read_path(sample_path(SAMPLE_ARTICLES)) if not isinstance(a, Exception)]
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            a = base[i % len(base)]
            words += len(a.text.split())
            fh.write(json.dumps({"id": f"scale-{i}", "text": a.text, "outlet": a.outlet,
                                 "published": a.published.isoformat() if a.published else None}) + "\n")  # fmt: skip
    return words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--engines", default="local,dask,spark")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        words = write_corpus(corpus, args.articles)
        arts = [a for a in read_path(corpus) if not isinstance(a, Exception)]
        pipeline = Pipeline()
        pipeline.code_articles(arts[:2])  # models loaded before timing, as a long-running process would have them
        t0 = time.perf_counter()
        pipeline.code_articles(arts)
        plain = len(arts) / (time.perf_counter() - t0)
        print(f"corpus: {len(arts)} articles, {words:,} words")
        print(f"plain single-process pipeline (models already loaded): {plain:6.1f} articles/s")
        print("engine   workers  articles/s  vs plain   (wall time includes starting workers and loading models)")
        for engine in args.engines.split(","):
            for workers in (1, 2):
                out = Path(tmp) / f"out-{engine}-{workers}"
                try:
                    summary = run_job(str(corpus), str(out), engine=engine, workers=workers, partitions=workers * 4)
                except Exception as err:
                    print(f"{engine:<8} {workers:>7}  could not run here: {err}")
                    break
                rate = summary.articles / summary.seconds
                print(f"{engine:<8} {workers:>7}  {rate:10.1f}  {rate / plain:7.0%}")


if __name__ == "__main__":
    main()
