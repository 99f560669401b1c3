"""Throughput of eventwire against the bare spaCy parse it is built on.

Repeats the bundled sample corpus to about --megabytes of text, then measures,
in one run and on one core: (a) the bare spaCy pipeline as installed (nlp.pipe over the
texts), (a') the same pipeline with eventwire's matrix library (numpy's BLAS on one
thread, see ``document.load_pipeline``), (b) the whole eventwire pipeline (validation,
parse, coding). Prints articles/s, words/s, the ratio (b)/(a) (target >= 0.75), the
ratio (b)/(a') (what eventwire's own work leaves of its parse's speed) and the
process's peak memory.

    python bench/throughput.py [--megabytes 1.0] [--repeat 1] [--articles FILE] [--snippets]

--snippets cuts the articles into their paragraphs (short texts, as in feeds and the API)
and also times eventwire.extract() called once per text against the batch, per word.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventwire.cli import SAMPLE_ARTICLES, sample_path  # noqa: E402
from eventwire.document import DEFAULT_MODEL  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.reader import read_path  # noqa: E402


def paragraphs(articles: list) -> list:
    from dataclasses import replace

    return [replace(a, id=f"{a.id}-{i}", text=p) for a in articles for i, p in enumerate(a.text.split("\n\n")) if len(p.split()) >= 8]


def corpus(megabytes: float, path: str | None = None, snippets: bool = False) -> list:
    base = [a for a in read_path(path or sample_path(SAMPLE_ARTICLES)) if not isinstance(a, Exception)]
    if snippets:
        base = paragraphs(base)
    if not base:
        raise SystemExit("no sample articles found")
    out, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        art = base[i % len(base)]
        out.append(art)
        size += len(art.text.encode("utf-8"))
        i += 1
    return out


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each; the best is reported")
    ap.add_argument("--articles", help="articles to repeat (default: the bundled sample corpus)")
    ap.add_argument("--snippets", action="store_true", help="short texts: the articles' paragraphs")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    import spacy

    articles = corpus(args.megabytes, args.articles, args.snippets)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    from thinc.api import use_ops

    bare = spacy.load(DEFAULT_MODEL)
    with use_ops("numpy", use_blis=False):
        same_blas = spacy.load(DEFAULT_MODEL)
    pipeline = Pipeline()  # sets numpy's BLAS to one thread, for (a') too
    # warm them up so model loading and first-call costs are not timed
    list(bare.pipe(texts[:4]))
    list(same_blas.pipe(texts[:4]))
    pipeline.code_articles(articles[:4])

    def run_bare() -> None:
        for _ in bare.pipe(texts, batch_size=32):
            pass

    def run_same_blas() -> None:
        for _ in same_blas.pipe(texts, batch_size=32):
            pass

    events = []

    def run_eventwire() -> None:
        events.clear()
        for result in pipeline.run(iter(articles)):
            events.extend(result.events)

    t_bare = min(timed(run_bare) for _ in range(args.repeat))
    t_same = min(timed(run_same_blas) for _ in range(args.repeat))
    t_ew = min(timed(run_eventwire) for _ in range(args.repeat))
    single = articles[:200]

    def run_single() -> None:
        for a in single:
            pipeline.extract(a.text, published=a.published, article_id=a.id)

    t_single = min(timed(run_single) for _ in range(args.repeat)) if args.snippets else None  # best of runs, as (a) and (b)
    single_words = sum(len(a.text.split()) for a in single)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "articles": len(articles),
        "megabytes": round(mb, 2),
        "words": words,
        "spacy": {"seconds": round(t_bare, 2), "articles_per_s": round(len(articles) / t_bare, 1), "words_per_s": round(words / t_bare)},
        "spacy_same_blas": {"seconds": round(t_same, 2), "articles_per_s": round(len(articles) / t_same, 1), "words_per_s": round(words / t_same)},
        "eventwire": {"seconds": round(t_ew, 2), "articles_per_s": round(len(articles) / t_ew, 1), "words_per_s": round(words / t_ew), "events": len(events)},
        "ratio": round(t_bare / t_ew, 3),
        "ratio_same_blas": round(t_same / t_ew, 3),
        "peak_memory_mb": round(peak_mb),
        "single_call_words_per_s": round(single_words / t_single) if t_single else None,
        "model": DEFAULT_MODEL,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"corpus: {len(articles)} articles, {mb:.2f} MB, {words:,} words (sample corpus repeated)")
    print(f"(a) bare spaCy ({DEFAULT_MODEL}): {figures['spacy']['articles_per_s']:8.1f} articles/s {figures['spacy']['words_per_s']:9,} words/s")
    print(f"(a') the same, numpy's BLAS:   {figures['spacy_same_blas']['articles_per_s']:8.1f} articles/s {figures['spacy_same_blas']['words_per_s']:9,} words/s")
    print(f"(b) eventwire pipeline:        {figures['eventwire']['articles_per_s']:8.1f} articles/s {figures['eventwire']['words_per_s']:9,} words/s  ({len(events)} events)")
    print(f"ratio (b)/(a): {figures['ratio']:.3f}   (target >= 0.75)")
    print(f"ratio (b)/(a'): {figures['ratio_same_blas']:.3f}   (eventwire's own work, against the parse it runs)")
    print(f"peak memory (whole process, both runs): {peak_mb:.0f} MB   (target < 1024 MB)")
    if t_single:
        slower = (words / t_ew) / (single_words / t_single)
        print(f"extract() one text at a time: {single_words / t_single:9,.0f} words/s, {slower:.2f}x slower per word than the batch (target <= 2)")


if __name__ == "__main__":
    main()
