"""What place finding, gazetteer lookup and resolution cost per article, beside the parse.

Parses the bundled sample articles once, then times, on one core: (a) finding and
resolving every place mention of each article (``Geoparser.mentions``: syntax
rules, gazetteer lookups, context weighing, fallbacks) with a cold lookup cache,
(b) the same again with a warm cache, and (c) raw gazetteer lookups per second.

    python bench/geoparse_cost.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventwire.cli import SAMPLE_ARTICLES, sample_path  # noqa: E402
from eventwire.document import SpacyBackend, parse_articles  # noqa: E402
from eventwire.geo.geoparse import Geoparser  # noqa: E402
from eventwire.reader import read_path  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    articles = [a for a in read_path(sample_path(SAMPLE_ARTICLES)) if not isinstance(a, Exception)]
    backend = SpacyBackend()
    t0 = time.perf_counter()
    docs = list(parse_articles(articles, backend))
    parse_s = time.perf_counter() - t0
    geo = Geoparser()
    geo.gazetteer.lookup.cache_clear()
    t0 = time.perf_counter()
    n_mentions = sum(len(geo.mentions(d)) for d in docs)
    cold = time.perf_counter() - t0
    warm = min(_time(lambda: [geo.mentions(d) for d in docs]) for _ in range(args.repeat))
    names = [m.text for d in docs for m in geo.mentions(d)]
    geo.gazetteer.lookup.cache_clear()
    t0 = time.perf_counter()
    for n in names:
        geo.gazetteer.lookup(n)
    lookups = len(names) / (time.perf_counter() - t0)
    per = 1000 / len(docs)
    print(f"{len(docs)} sample articles, {n_mentions} place mentions")
    print(f"parse (spaCy)                 {parse_s * per:7.1f} ms/article")
    print(f"geoparse, cold lookup cache   {cold * per:7.1f} ms/article  ({cold / parse_s:.0%} of the parse)")
    print(f"geoparse, warm lookup cache   {warm * per:7.1f} ms/article  ({warm / parse_s:.0%} of the parse)")
    print(f"gazetteer lookups (uncached)  {lookups:7.0f} names/s")


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
