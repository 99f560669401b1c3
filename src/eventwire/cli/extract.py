"""Coding articles: extract and geoparse (no store), and demo (the samples into the store)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InputError
from ..output import FORMATS
from .common import (SAMPLE_ARTICLES, add_db, add_inputs, count_inputs, exit_code, output, output_format, progress_bar,
                     published, sample_path, say, shows_progress)  # fmt: skip


def register(sub) -> None:
    ex = sub.add_parser("extract", help="code articles (text, HTML, JSONL, directories; - for stdin) into events")
    add_inputs(ex, "files or directories; .jsonl holds one article per line")
    ex.add_argument("--format", choices=FORMATS, help="output format (default: table on a terminal, else json)")
    ex.add_argument("--out", help="write events here instead of standard output")
    ex.add_argument("--min-confidence", type=float, default=0.0, help="drop events below this confidence")
    ex.set_defaults(func=cmd_extract)

    demo = sub.add_parser("demo", help="code the bundled synthetic sample articles into the store, print a table")
    demo.add_argument("--out", default="events.jsonl", help="also write the events as JSONL here")
    add_db(demo)
    demo.set_defaults(func=cmd_demo)

    gp = sub.add_parser("geoparse", help="list every place mention with coordinates and precision")
    add_inputs(gp, outlet=False)
    gp.add_argument("--format", choices=("json", "jsonl", "table"), help="output format (default: table on a terminal, else json)")
    gp.add_argument("--out", help="write here instead of standard output")
    gp.set_defaults(func=cmd_geoparse)


def cmd_extract(args: argparse.Namespace) -> int:
    from ..output import EventWriter
    from ..article import undated_notice
    from ..pipeline import Pipeline
    from ..reader import read_path

    day = published(args)
    fmt = output_format(args)
    pipeline = Pipeline()
    errors: list[InputError] = []
    with output(args.out) as out, progress_bar(count_inputs(args.inputs) if shows_progress() else None) as bar:
        writer = EventWriter(out, fmt)
        for path in args.inputs:
            for result in pipeline.run(read_path(path, published=day, outlet=args.outlet)):
                bar.update()
                if result.error is not None:
                    errors.append(result.error)
                    say(f"eventwire: skipped {result.error}")
                    continue
                if (notice := undated_notice(result.article, len(result.events), result.source)) is not None:
                    say(f"eventwire: {notice}")
                writer.write(e for e in result.events if e.confidence >= args.min_confidence)
        bar.close()  # before a table is printed
        writer.close()
    return exit_code(errors)


def cmd_demo(args: argparse.Namespace) -> int:
    from ..output import flat_record, render_table
    from ..pipeline import Pipeline
    from ..reader import read_path
    from ..store.db import open_store
    from ..store.ingest import IngestSummary, save_article

    path = sample_path(SAMPLE_ARTICLES)
    pipeline = Pipeline()
    rows = []
    n_articles = 0
    summary = IngestSummary()
    with open_store(args.db) as store, open(args.out, "w", encoding="utf-8") as out:
        for result in pipeline.run(read_path(path)):
            if result.error is not None:
                print(f"eventwire: skipped {result.error}", file=sys.stderr)
                continue
            n_articles += 1
            save_article(store, result.article, result.events, summary)  # an article stored before: counted, kept
            for ev in result.events:
                out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
                rows.append(flat_record(ev))
        print(render_table(rows), end="")
        print(f"coded {n_articles} synthetic sample articles into {len(rows)} events; wrote {args.out}; "
              f"stored in {store.url} ({summary.articles} new articles, {summary.already_stored} already there)")
        command = sys.argv[0] if Path(sys.argv[0]).name == "eventwire" else "eventwire"
        print(f"see them on a map: {command} serve --db {store.url}, then open http://127.0.0.1:8000/")
    return 0


def cmd_geoparse(args: argparse.Namespace) -> int:
    from ..document import parse_articles
    from ..geo.geoparse import Geoparser
    from ..output import render_rows
    from ..pipeline import Pipeline
    from ..reader import read_path

    day = published(args)
    fmt = output_format(args)
    backend = Pipeline().backend
    geoparser = Geoparser()
    failed = 0
    rows = []
    for path in args.inputs:
        articles = []
        for item in read_path(path, published=day):
            if isinstance(item, InputError):
                failed += 1
                print(f"eventwire: skipped {item}", file=sys.stderr)
            else:
                articles.append(item)
        for doc in parse_articles(articles, backend):
            rows.extend(m.to_dict() for m in geoparser.mentions(doc))
    with output(args.out) as out:
        if fmt == "json":
            out.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        elif fmt == "jsonl":
            out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        else:
            cols = ["article_id", "text", "start", "name", "latitude", "longitude", "admin1", "country", "geo_precision", "relation", "anchor"]
            out.write(render_rows(rows, cols))
    return 1 if failed else 0
