"""Measuring the coder: evaluate (sample gold, held-out set, places, deduplication, real corpora)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InputError
from .common import HELDOUT_ARTICLES, HELDOUT_GOLD, SAMPLE_ARTICLES, SAMPLE_GEO_GOLD, SAMPLE_GOLD, sample_path


def register(sub) -> None:
    ev = sub.add_parser("evaluate", help="score the coder against hand-coded gold events")
    ev.add_argument("gold", nargs="?", help="gold JSONL (default: the bundled sample gold)")
    ev.add_argument("--articles", help="the articles the gold refers to (default: the bundled sample)")
    ev.add_argument("--heldout", action="store_true", help="use the bundled held-out set (never used for tuning)")
    ev.add_argument("--geo", action="store_true", help="score place recognition and resolution against gold coordinates")
    ev.add_argument("--dedup", action="store_true", help="score deduplication (B-cubed) against the gold clusters")
    ev.add_argument("--lgl", nargs="?", const="", metavar="JSONL",
                    help="with --geo: also score an LGL-format toponym corpus, dev and test parts, on gold spans and "
                         "end to end (default: shared/data/geoparse-lgl.jsonl)")
    ev.add_argument("--acled", nargs="?", const="", metavar="JSONL",
                    help="score on ACLED's real notes, countries held out (default: shared/data/acled-notes-2020.jsonl)")
    ev.add_argument("--trnews", nargs="?", const="", metavar="JSONL",
                    help="score on the annotated real TR-News articles (default: shared/data/geoparse-trnews.jsonl); "
                         "with --geo: score its toponyms as --lgl does")
    ev.add_argument("--trnews-agreement", nargs="?", const="", metavar="JSONL",
                    help="how far a second annotator of some TR-News dev articles agrees with the gold, and the coder "
                         "against each (the texts default to shared/data/geoparse-trnews.jsonl)")
    ev.add_argument("--lgl-events", nargs="?", const="", metavar="JSONL",
                    help="score events on the 40 annotated LGL local news articles, where most events would be "
                         "invented (default: shared/data/geoparse-lgl.jsonl)")
    ev.add_argument("--petrarch", nargs="?", const="", metavar="JSONL",
                    help="score on PETRARCH2's validation sentences (default: shared/data/petrarch2-unittests.jsonl)")
    ev.add_argument("--rules-only", action="store_true",
                    help="with --acled/--trnews/--trnews-agreement/--lgl-events/--petrarch: leave the classifier out")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.add_argument("--errors", type=int, default=0, metavar="N", help="also list N missed and N spurious events (the bundled gold only)")
    ev.set_defaults(func=cmd_evaluate)


def _evaluate_real(args: argparse.Namespace) -> int:
    from ..evaluation import run

    learned = not args.rules_only
    if args.errors:
        # (the real-text scorers keep no per-event lists; better said than silently ignored)
        print("eventwire evaluate: --errors lists the bundled gold's misses only; the real-text evaluations "
              "(--acled, --trnews, --lgl-events, --petrarch) print figures: drop --errors", file=sys.stderr)
        return 2
    if args.trnews_agreement is not None:
        text, figures = run.trnews_agreement(args.trnews_agreement or None, learned=learned)
    elif args.acled is not None:
        text, figures = run.acled(args.acled or None, learned=learned)
    elif args.trnews is not None:
        text, figures = run.trnews(args.trnews or None, learned=learned)
    elif args.lgl_events is not None:
        text, figures = run.lgl_events(args.lgl_events or None, learned=learned)
    else:
        text, figures = run.petrarch(args.petrarch or None, learned=learned)
    print(json.dumps(figures, indent=2) if args.json else text, end="\n" if args.json else "")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from ..evaluate import format_report, load_gold, score
    from ..pipeline import Pipeline
    from ..reader import read_path

    real = (args.acled, args.lgl_events, args.petrarch, args.trnews_agreement)
    if any(a is not None for a in real) or args.trnews is not None and not args.geo:
        return _evaluate_real(args)
    default_gold, default_articles = (HELDOUT_GOLD, HELDOUT_ARTICLES) if args.heldout else (SAMPLE_GOLD, SAMPLE_ARTICLES)
    if args.geo:
        return _evaluate_geo(args)
    if args.dedup:
        return _evaluate_dedup(args)
    gold_path = Path(args.gold) if args.gold else sample_path(default_gold)
    articles_path = Path(args.articles) if args.articles else sample_path(default_articles)
    gold = load_gold(gold_path)
    wanted = {g["article_id"] for g in gold}
    pipeline = Pipeline()
    predicted = []
    for result in pipeline.run(a for a in read_path(articles_path) if isinstance(a, InputError) or a.id in wanted):
        if result.error is not None:
            print(f"eventwire: skipped {result.error}", file=sys.stderr)
            continue
        predicted.extend(e.to_dict() for e in result.events)
    report = score(gold, predicted)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(f"gold: {gold_path}\n")
        print(format_report(report), end="")
    if args.errors:
        print(f"\nmissed (first {args.errors}):")
        for g in report.misses[: args.errors]:
            print(f"  [{g['article_id']}] {g['type']} {g.get('trigger')!r}: {g['sentence'][:140]}")
        print(f"\nspurious (first {args.errors}):")
        for p in report.spurious[: args.errors]:
            print(f"  [{p['evidence']['article_id']}] {p['type']} {p['trigger']!r}: {p['evidence']['sentence'][:140]}")
    return 0


def _evaluate_dedup(args: argparse.Namespace) -> int:
    import tempfile

    from ..evaluate import load_gold
    from ..reader import read_path
    from ..store.db import open_store
    from ..store.evaluate import score_dedup
    from ..store.ingest import ingest

    gold_path = Path(args.gold) if args.gold else sample_path(SAMPLE_GOLD)
    articles_path = Path(args.articles) if args.articles else sample_path(SAMPLE_ARTICLES)
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(f"sqlite:///{tmp}/dedup.sqlite") as store:
            ingest(store, read_path(articles_path))
            result = score_dedup(load_gold(gold_path), store)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"deduplication against the gold clusters of {gold_path}")
        print(f"  gold records {result['gold_records']}, matched to stored reports {result['matched']}, "
              f"gold events told by several reports {result['gold_clusters_with_several_reports']}")  # fmt: skip
        print(f"  B-cubed precision {result['bcubed_precision']:.1%}   recall {result['bcubed_recall']:.1%}   F1 {result['bcubed_f1']:.1%}")
    return 0


def _evaluate_geo(args: argparse.Namespace) -> int:
    from ..document import Document, parse_articles
    from ..evaluation.corpus import parse_cached, shared_data
    from ..geo.evaluate import format_geo_report, load_geo_gold, read_toponym_corpus, score_by_part, score_geo
    from ..geo.geoparse import Geoparser
    from ..pipeline import Pipeline
    from ..reader import read_path

    gold_path = Path(args.gold) if args.gold else sample_path(SAMPLE_GEO_GOLD)
    articles_path = Path(args.articles) if args.articles else sample_path(SAMPLE_ARTICLES)
    gold = load_geo_gold(gold_path)
    wanted = {g["article_id"] for g in gold}
    backend = Pipeline().backend
    geoparser = Geoparser()
    articles = [a for a in read_path(articles_path) if not isinstance(a, InputError) and a.id in wanted]
    report = score_geo(gold, parse_articles(articles, backend), geoparser)
    results = {"gold": str(gold_path), **report.as_dict()}
    text = format_geo_report(report, f"{gold_path} ({len(gold)} gold mentions)")
    for key, value, default in (("lgl", args.lgl, "geoparse-lgl.jsonl"), ("trnews", args.trnews, "geoparse-trnews.jsonl")):
        if value is None:
            continue
        path = Path(value) if value else shared_data(default)
        if path is None:
            print(f"eventwire: {default} is not in ../shared/data: skipped", file=sys.stderr)
            continue
        corpus_articles, corpus_gold = read_toponym_corpus(path)
        docs = [Document(a, d) for a, d in zip(corpus_articles, parse_cached([a.text for a in corpus_articles], backend))]
        parts = score_by_part(corpus_gold, docs, geoparser)
        results[key] = {part: rep.as_dict() for part, rep in parts.items()}
        for part, rep in parts.items():
            n = sum(1 for g in corpus_gold if g["part"] == part)
            text += "\n" + format_geo_report(rep, f"{path}, {part} part ({n} toponyms with coordinates; demonyms and names inside names count)")
    print(json.dumps(results, indent=2) if args.json else text, end="" if not args.json else "\n")
    return 0
