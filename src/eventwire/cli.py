"""Command line: ``eventwire extract|demo|evaluate``.

Exit codes: 0 all inputs coded; 1 some inputs were skipped (each named on
stderr, the rest still coded); 2 usage error or nothing could be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path

from .article import parse_published
from .errors import EventwireError, InputError
from .output import FORMATS, EventWriter

SAMPLE_ARTICLES = "sample/articles.jsonl"
SAMPLE_GOLD = "sample/gold.jsonl"
HELDOUT_ARTICLES = "sample/heldout/articles.jsonl"
HELDOUT_GOLD = "sample/heldout/gold.jsonl"


def sample_path(name: str) -> Path:
    return Path(str(resources.files("eventwire").joinpath(name)))


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except EventwireError as err:
        print(f"eventwire: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `eventwire extract ... | head`
        return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="eventwire", description="Code news reports into political and military events.")
    sub = p.add_subparsers(dest="command")

    ex = sub.add_parser("extract", help="code articles (text, HTML, JSONL, directories; - for stdin) into events")
    ex.add_argument("inputs", nargs="+", help="files or directories; .jsonl holds one article per line")
    ex.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs that carry none")
    ex.add_argument("--outlet", help="outlet name for inputs that carry none")
    ex.add_argument("--format", choices=FORMATS, help="output format (default: table on a terminal, else json)")
    ex.add_argument("--out", help="write events here instead of standard output")
    ex.add_argument("--min-confidence", type=float, default=0.0, help="drop events below this confidence")
    ex.set_defaults(func=cmd_extract)

    demo = sub.add_parser("demo", help="code the bundled synthetic sample articles and print a table")
    demo.add_argument("--out", default="events.jsonl", help="also write the events as JSONL here")
    demo.set_defaults(func=cmd_demo)

    ev = sub.add_parser("evaluate", help="score the coder against hand-coded gold events")
    ev.add_argument("gold", nargs="?", help="gold JSONL (default: the bundled sample gold)")
    ev.add_argument("--articles", help="the articles the gold refers to (default: the bundled sample)")
    ev.add_argument("--heldout", action="store_true", help="use the bundled held-out set (never used for tuning)")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.add_argument("--errors", type=int, default=0, metavar="N", help="also list N missed and N spurious events")
    ev.set_defaults(func=cmd_evaluate)
    return p


def cmd_extract(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline
    from .reader import read_path

    published = parse_published(args.published, "--published") if args.published else None
    fmt = args.format or ("table" if sys.stdout.isatty() and not args.out else "json")
    pipeline = Pipeline()
    failed = 0
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        writer = EventWriter(out, fmt)
        for path in args.inputs:
            for result in pipeline.run(read_path(path, published=published, outlet=args.outlet)):
                if result.error is not None:
                    failed += 1
                    print(f"eventwire: skipped {result.error}", file=sys.stderr)
                    continue
                writer.write(e for e in result.events if e.confidence >= args.min_confidence)
        writer.close()
    finally:
        if args.out:
            out.close()
    return 1 if failed else 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .output import flat_record, render_table
    from .pipeline import Pipeline
    from .reader import read_path

    path = sample_path(SAMPLE_ARTICLES)
    pipeline = Pipeline()
    rows = []
    n_articles = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for result in pipeline.run(read_path(path)):
            if result.error is not None:
                print(f"eventwire: skipped {result.error}", file=sys.stderr)
                continue
            n_articles += 1
            for ev in result.events:
                out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
                rows.append(flat_record(ev))
    print(render_table(rows), end="")
    print(f"coded {n_articles} synthetic sample articles into {len(rows)} events; wrote {args.out}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import format_report, load_gold, score
    from .pipeline import Pipeline
    from .reader import read_path

    default_gold, default_articles = (HELDOUT_GOLD, HELDOUT_ARTICLES) if args.heldout else (SAMPLE_GOLD, SAMPLE_ARTICLES)
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


if __name__ == "__main__":
    sys.exit(main())
