"""The store: ingest, events, show, export, load."""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import textwrap
from typing import Any

from ..errors import EventwireError, InputError
from .common import add_db, add_filters, add_inputs, count_inputs, event_filter, exit_code, progress_bar, published, shows_progress, ticking

EVENT_FORMATS = ("table", "json", "jsonl", "csv")
EXPORT_FORMATS = ("csv", "acled-csv", "geojson", "jsonl", "parquet")


def register(sub) -> None:
    ing = sub.add_parser("ingest", help="code articles and store their events (deduplicated); safe to re-run")
    add_inputs(ing, "files or directories, as for extract, or http(s) URLs of pages")
    add_db(ing)
    ing.add_argument("--quiet", action="store_true", help="no progress bar")
    ing.add_argument("--allow-private", action="store_true", help="let URLs reach loopback/private addresses (off: SSRF guard)")
    ing.set_defaults(func=cmd_ingest)

    evs = sub.add_parser("events", help="query stored events")
    add_filters(evs)
    evs.add_argument("--format", choices=EVENT_FORMATS,
                     help="default: table on a terminal, else json; csv has the columns of export --format csv")  # fmt: skip
    evs.set_defaults(func=cmd_events)

    show = sub.add_parser("show", help="one event with every report, sentence and source")
    show.add_argument("event_id", type=int, help="the event's id (the id column of events)")
    add_db(show)
    show.add_argument("--json", action="store_true", help="the full record as JSON (the default when not on a terminal)")
    show.set_defaults(func=cmd_show)

    exp = sub.add_parser("export", help="export stored events")
    add_filters(exp, limit=None)  # an export is every event of the filters unless told
    exp.add_argument("--format", required=True, choices=EXPORT_FORMATS,
                     help="acled-csv: ACLED's 31 columns and conventions, only the events ACLED codes (those with no ACLED "
                          "sub-event type, no country or no actor are left out and counted on stderr); admin1 spelled as in the "
                          "ACLED file named by $EVENTWIRE_ACLED_REFERENCE, if set")  # fmt: skip
    exp.add_argument("--out", required=True, help="file to write (- for standard output, not for parquet)")
    exp.set_defaults(func=cmd_export)

    ld = sub.add_parser("load", help="merge a batch job's output into a store (with deduplication)")
    ld.add_argument("output", help="a batch job's output directory")
    add_db(ld)
    ld.set_defaults(func=cmd_load)


def cmd_ingest(args: argparse.Namespace) -> int:
    from ..store.db import open_store
    from ..store.ingest import ingest

    day = published(args)
    items = input_items(args.inputs, published=day, outlet=args.outlet, allow_private=args.allow_private)
    with open_store(args.db) as store:
        with progress_bar(count_inputs(args.inputs) if shows_progress(args.quiet) else None, quiet=args.quiet) as bar:

            def progress(s) -> None:
                bar.set_postfix_str(f"{s.reports} reports, {s.new_events} new events, {s.already_stored} already stored, "
                                    f"{len(s.skipped)} skipped", refresh=False)  # fmt: skip
                bar.update(s.articles + s.already_stored + len(s.skipped) - bar.n)

            summary = ingest(store, items, progress=progress)
        for _source, reason in summary.skipped:
            print(f"eventwire: skipped {reason}", file=sys.stderr)
        for notice in summary.undated:
            print(f"eventwire: {notice}", file=sys.stderr)
        print(json.dumps({"store": store.url, **summary.as_dict()}))
    return exit_code(summary.errors)


def input_items(inputs: list[str], *, published=None, outlet=None, allow_private: bool = False):
    """The articles (or errors) of ingest's inputs: paths are read, http(s) URLs fetched,
    in the order given; a bad input is its own error and the next one is read."""
    from ..reader import read_path

    fetcher = None
    try:
        for path in inputs:
            scheme = path.split("://", 1)[0].lower() if "://" in path else None
            if scheme is not None and scheme not in ("http", "https"):
                yield InputError(path, f"{scheme}:// is not read; give a file, a directory or an http(s) URL")
            elif scheme is not None:
                if fetcher is None:
                    from ..web.fetch import Fetcher

                    fetcher = Fetcher(allow_private=allow_private, respect_robots=True)
                yield fetcher.fetch_article(path, published=published, outlet=outlet)
            else:
                yield from read_path(path, published=published, outlet=outlet)
    finally:
        if fetcher is not None:
            fetcher.close()


def cmd_events(args: argparse.Namespace) -> int:
    from ..output import render_rows
    from ..store.db import open_store
    from ..store.query import event_dict, find_events

    f = event_filter(args)
    fmt = args.format or ("table" if sys.stdout.isatty() else "json")
    if fmt == "csv":  # as `export --format csv` writes them, article URLs and evidence included
        from itertools import islice

        from ..store.export import stream_events, write_csv

        with open_store(args.db, must_exist=True) as store:
            write_csv(islice(stream_events(store, f, limit=f.offset + f.limit), f.offset, None), sys.stdout)
        return 0
    with open_store(args.db, must_exist=True) as store, store.session() as session:
        rows = [event_dict(e) for e in find_events(session, f, store.dialect)]
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    else:
        flat = [{"id": r["id"], "type": r["type"] + (f"/{r['mode']}" if r["mode"] else ""), "date": r["date"],
                 "source": (r["source"] or {}).get("canonical"), "target": (r["target"] or {}).get("canonical"),
                 "place": (r["place"] or {}).get("name"), "country": (r["place"] or {}).get("country"),
                 "reports": r["n_reports"], "sources": r["n_sources"], "fatalities": r["fatalities"]} for r in rows]  # fmt: skip
        print(render_rows(flat, ["id", "type", "date", "source", "target", "place", "country", "reports", "sources", "fatalities"]), end="")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Stream the events of the filters (a page at a time, so memory does not grow with the
    export) to a file or standard output; every row carries its articles' URLs and evidence."""
    from itertools import islice

    from ..store.db import open_store
    from ..store.export import count_matching, stream_events, write_events

    if args.out == "-" and args.format == "parquet":
        raise EventwireError("--out -: Parquet is written to a file, not standard output; give a path")
    f = event_filter(args)
    acled = args.format == "acled-csv"  # its notes and sources come from the reports, its timestamp from updated_at
    with open_store(args.db, must_exist=True) as store:
        limit = None if args.limit is None else args.offset + args.limit
        total = max(0, min(count_matching(store, f), limit or math.inf) - args.offset) if shows_progress() else None
        events = islice(stream_events(store, f, with_reports=acled, limit=limit), args.offset, None)
        result = write_events(ticking(events, total, "exporting"), args.format, sys.stdout if args.out == "-" else args.out)
    print(f"eventwire: wrote {result.written} events to {'standard output' if args.out == '-' else args.out}", file=sys.stderr)
    if result.n_left_out:
        print(f"eventwire: left out {result.describe_left_out()}", file=sys.stderr)
    if args.limit is not None and result.read == args.limit:
        print(f"eventwire: stopped at --limit {args.limit}; more events may match: raise --limit or narrow the filters", file=sys.stderr)
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from ..store.db import open_store
    from ..store.load import load_batch

    with open_store(args.db) as store:
        summary = load_batch(store, args.output)
        print(json.dumps({"store": store.url, **summary.as_dict()}))
    return 0


# --------------------------------------------------------------------------- show


def cmd_show(args: argparse.Namespace) -> int:
    from ..store.db import open_store
    from ..store.query import get_event

    with open_store(args.db, must_exist=True) as store:
        event = get_event(store, args.event_id)
        if args.json or not sys.stdout.isatty():
            print(json.dumps(event, ensure_ascii=False, indent=1))
        else:
            print(describe_event(event), end="")
    return 0


def _actor(a: dict[str, Any] | None) -> str:
    if not a:
        return "-"
    return f"{a.get('canonical') or a.get('text')} [{a.get('country') or '?'}/{a.get('sector') or '?'}]"


def _place(p: dict[str, Any] | None) -> str:
    if not p:
        return "-"
    where = ", ".join(filter(None, (p.get("name"), p.get("admin1"), p.get("country"))))
    point = "" if p.get("latitude") is None else f" ({p['latitude']:.4f}, {p['longitude']:.4f})"
    return f"{where}{point}, precision {p.get('geo_precision')}"


def _quantity(unit: str, q: Any) -> str:
    if not isinstance(q, dict):
        return f"{unit} {q}"
    spread = f" (reports say {q.get('min')} to {q.get('max')})" if q.get("min") != q.get("max") else ""
    return f"{q.get('median')} {unit}{spread}" + (", conflicting" if q.get("conflicting") else "")


def describe_event(e: dict[str, Any], width: int | None = None) -> str:
    """A short human summary of one stored event (``get_event``'s record): what, when, who, where,
    how many sources, and each report's evidence sentence with its outlet and article."""
    width = width or min(100, shutil.get_terminal_size((100, 40)).columns)
    kind = e["type"] + (f"/{e['mode']}" if e["mode"] else "")
    acled = " / ".join(filter(None, (e.get("acled_event_type"), e.get("acled_sub_event_type")))) or "-"
    quantities = "; ".join(_quantity(unit, q) for unit, q in (e.get("quantities") or {}).items())
    fields = [
        ("date", f"{e['date']} ({e['date_precision']})" if e["date"] else "not known (the article has no date)"),
        ("source", _actor(e.get("source"))),
        ("target", _actor(e.get("target"))),
        ("place", _place(e.get("place"))),
        ("ACLED", f"{acled}; CAMEO root {e.get('cameo_root') or '-'}"),
        ("sources", f"{e['n_reports']} report(s) in {e['n_articles']} article(s) from {e['n_outlets']} outlet(s); "
                    f"{e['n_sources']} independent source(s)"),
    ]  # fmt: skip
    if e.get("fatalities") is not None:
        fields.append(("fatalities", str(e["fatalities"])))
    if quantities:
        fields.append(("quantities", quantities))
    lines = [f"event {e['id']}: {kind} ({e['factuality']})"]
    for name, value in fields:
        lines += textwrap.wrap(value, width, initial_indent=f"  {name:<11}", subsequent_indent=" " * 13) or [f"  {name}"]
    lines.append("evidence:")
    for i, r in enumerate(e.get("reports") or [], 1):
        said = f", citing {r['cited_source']}" if r.get("cited_source") else ""
        head = f"{r.get('outlet') or 'unknown outlet'}{said}, article {r['article_id']}"
        if r.get("article_published"):
            head += f" of {r['article_published']}"
        lines += textwrap.wrap(head, width, initial_indent=f"  [{i}] ", subsequent_indent="      ")
        if r.get("article_title"):
            lines += textwrap.wrap(r["article_title"], width, initial_indent="      title: ", subsequent_indent="      ")
        if r.get("article_url"):
            lines.append(f"      {r['article_url']}")
        lines += textwrap.wrap(f"\u201c{r['sentence']}\u201d", width, initial_indent="      ", subsequent_indent="      ")
    lines.append("(--json for the full record)")
    return "\n".join(lines) + "\n"
