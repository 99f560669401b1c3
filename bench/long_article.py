"""Coding time and peak memory of one long article, at 20k, 200k and 900k characters.

Each article is the bundled sample articles' paragraphs concatenated in a fixed order
(article by article, paragraph by paragraph, starting over when they run out) up to the
size asked for, so it reads like real news copy with many events and places. Each size
is coded in a fresh subprocess with the default pipeline (``Pipeline().extract``, which
goes through ``make_article``: at most ``MAX_ARTICLE_CHARS``), after one warm-up article
so that the models are loaded before timing. Printed per size: characters, seconds (wall
and CPU, and the part spent in ``Coder.code``), wall time per 100k characters, peak RSS of
the child (and its RSS before coding, models loaded), and events found. Coding is linear in the
article's length when the seconds per 100k characters stay flat.

    python bench/long_article.py [--sizes 20000,200000,900000] [--timeout 300]
    python bench/long_article.py --sizes 200000 --profile 30   # cProfile (CPU time), top 30 by cumulative
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventwire.cli import SAMPLE_ARTICLES, sample_path  # noqa: E402

PUBLISHED = "2020-04-20"


def long_text(chars: int) -> str:
    """Sample paragraphs in a fixed order, joined by blank lines, up to ``chars`` characters."""
    with sample_path(SAMPLE_ARTICLES).open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    paragraphs = [p.strip() for t in texts for p in t.split("\n\n") if p.strip()]
    out: list[str] = []
    size = -2
    i = 0
    while size + 2 + len(paragraphs[i % len(paragraphs)]) <= chars:
        out.append(paragraphs[i % len(paragraphs)])
        size += 2 + len(out[-1])
        i += 1
    return "\n\n".join(out)


def _rss_kb() -> int:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))


def child(chars: int, profile: int) -> None:
    """Code one long article in this process; print one JSON line of measurements."""
    from eventwire.pipeline import Pipeline

    text = long_text(chars)
    pipeline = Pipeline()
    pipeline.extract(long_text(3000), published=PUBLISHED)  # warm-up: models loaded, lazy parts built
    coder, code_s = pipeline.coder, [0.0]
    plain_code = coder.code

    def timed_code(document, **kw):
        t = time.perf_counter()
        try:
            return plain_code(document, **kw)
        finally:
            code_s[0] += time.perf_counter() - t

    coder.code = timed_code  # an instance attribute: the pipeline's calls go through it
    rss_before = _rss_kb()
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile(time.process_time)  # CPU time: other engineers' load distorts wall time
        profiler.enable()
    t0, cpu0 = time.perf_counter(), time.process_time()
    events = pipeline.extract(text, published=PUBLISHED, article_id=f"long-{chars}")
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(profile)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"chars": len(text), "seconds": seconds, "cpu": cpu, "code_s": code_s[0], "events": len(events),
                      "rss_before_kb": rss_before, "peak_kb": peak}))  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="20000,200000,900000", help="article sizes in characters, comma-separated")
    ap.add_argument("--timeout", type=float, default=300, help="give up on a size after this many seconds")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="cProfile each run (CPU time); print the top N functions")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.profile)
        return
    print(f"load average at start: {_load()}  ({os.cpu_count()} cores)")
    print(ROW.format("chars", "seconds", "cpu s", "coder", "s/100k", "rss before", "peak rss", "events"))
    for size in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--child", str(size), "--profile", str(args.profile)]
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"{size:>9,}  did not finish in {args.timeout:.0f} s (wall time, model load included)")
            continue
        if args.profile:
            sys.stderr.write(proc.stderr)
        if proc.returncode != 0:
            print(f"{size:>9,}  failed (exit {proc.returncode}): {proc.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        print(ROW.format(f"{r['chars']:,}", f"{r['seconds']:.1f}", f"{r['cpu']:.1f}", f"{r['code_s']:.1f}",
                         f"{r['seconds'] / r['chars'] * 100_000:.2f}", f"{r['rss_before_kb'] / 1024:.0f} MB",
                         f"{r['peak_kb'] / 1024:.0f} MB", r["events"]),
              f"  (wall {time.perf_counter() - t0:.0f} s with start-up; load {_load()})")  # fmt: skip
    print(f"load average at end:   {_load()}")
    print("seconds: wall time of Pipeline.extract (parse and code); cpu s: its CPU time (less sensitive to other")
    print("load); coder: the wall time in Coder.code; s/100k: seconds per 100,000 characters; rss before: the")
    print("child's RSS with the models loaded, before coding; peak rss: the child's peak, models included")


ROW = "{:>9}  {:>8}  {:>6}  {:>6}  {:>7}  {:>10}  {:>9}  {:>6}"


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())

if __name__ == "__main__":
    main()
