"""What several commands share: the bundled sample files, the options given to more than one
command (``--db``, the inputs and their defaults, the event filters), exit codes, where output
goes, and progress bars on a terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import IO, Any

from ..article import parse_published
from ..errors import EventwireError, InputError
from ..ontology import FACTUALITY

SAMPLE_ARTICLES = "sample/articles.jsonl"
SAMPLE_GOLD = "sample/gold.jsonl"
HELDOUT_ARTICLES = "sample/heldout/articles.jsonl"
HELDOUT_GOLD = "sample/heldout/gold.jsonl"
SAMPLE_GEO_GOLD = "sample/geo_gold.jsonl"

DB_HELP = "database URL (default: $EVENTWIRE_DB or sqlite:///eventwire.sqlite)"
INPUTS_HELP = "files or directories, as for extract"


def sample_path(name: str) -> Path:
    return Path(str(resources.files("eventwire").joinpath(name)))


# --------------------------------------------------------------------------- shared options


def add_db(p: argparse.ArgumentParser, help: str = DB_HELP) -> None:
    p.add_argument("--db", help=help)


def add_inputs(p: argparse.ArgumentParser, help: str = INPUTS_HELP, *, outlet: bool = True) -> None:
    """The inputs of a coding command and the defaults for inputs that carry no date or outlet."""
    p.add_argument("inputs", nargs="+", help=help)
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs that carry none")
    if outlet:
        p.add_argument("--outlet", help="outlet name for inputs that carry none")


def published(args: argparse.Namespace):
    return parse_published(args.published, "--published") if args.published else None


def add_filters(p: argparse.ArgumentParser, limit: int | None = 1000) -> None:
    """``--db`` and the filters of a query of stored events (events, export)."""
    add_db(p)
    p.add_argument("--type", help="PLOVER event type, e.g. MOBILIZE (see docs/cli.md for the list)")
    p.add_argument("--actor", help="ISO3 country of either actor (TUR), an actor's name or alias (SDF), or part of a name")
    p.add_argument("--country", help="ISO3 country where it happened")
    p.add_argument("--near", help="a place name or 'lat,lon'")
    p.add_argument("--within", default="50km", help="radius around --near (default 50km)")
    p.add_argument("--since", help="from this date (YYYY-MM-DD)")
    p.add_argument("--until", help="up to this date (YYYY-MM-DD)")
    p.add_argument("--min-sources", type=int, default=0, help="at least this many independent sources")
    p.add_argument("--factuality", default="asserted", choices=(*FACTUALITY, "all"),
                   help="asserted (default), negated, hypothetical, future, reversed, or all")  # fmt: skip
    p.add_argument("--text", metavar="WORDS",
                   help="full-text search: every word in the title or text of an article reporting the event")  # fmt: skip
    p.add_argument("--limit", type=int, default=limit,
                   help=f"at most this many events (default {limit if limit is not None else 'all of them'})")  # fmt: skip
    p.add_argument("--offset", type=int, default=0, help="skip this many events first (paging)")


def event_filter(args: argparse.Namespace):
    """The ``EventFilter`` of the options ``add_filters`` defined."""
    from ..store.acled_export import acled_countries
    from ..store.query import MAX_LIMIT, EventFilter, parse_km, resolve_near

    if args.country and args.country.upper() not in acled_countries():
        raise EventwireError(f"unknown country {args.country!r}: give an ISO3 code, e.g. SYR, IRQ or TUR")
    return EventFilter(
        type=args.type, actor=args.actor, country=args.country,
        near=resolve_near(args.near) if args.near else None, within_km=parse_km(args.within),
        since=parse_published(args.since, "--since") if args.since else None,
        until=parse_published(args.until, "--until") if args.until else None,
        min_sources=args.min_sources, factuality=None if args.factuality == "all" else args.factuality,
        text=args.text, limit=args.limit or MAX_LIMIT, offset=args.offset,
    )  # fmt: skip


def add_group(sub, name: str, help: str, dest: str):
    """A command made of subcommands (gazetteer build|info, token create|list|revoke): alone, it
    prints its help and exits 2."""
    group = sub.add_parser(name, help=help)
    group.set_defaults(func=lambda _args: (group.print_help(), 2)[1])
    return group.add_subparsers(dest=dest)


# --------------------------------------------------------------------------- results


def exit_code(errors: list[InputError]) -> int:
    """0 all inputs coded; 2 an input path does not exist (a usage error, though the others
    were still coded); 1 some inputs were skipped."""
    from ..errors import MissingInputError

    if any(isinstance(e, MissingInputError) for e in errors):
        return 2
    return 1 if errors else 0


def output_format(args: argparse.Namespace) -> str:
    """``--format``, or a table on a terminal (when not writing to ``--out``), else JSON."""
    return args.format or ("table" if sys.stdout.isatty() and not getattr(args, "out", None) else "json")


@contextmanager
def output(path: str | None) -> Iterator[IO[str]]:
    """The file ``path`` (closed after), or standard output."""
    if not path:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8") as out:
        yield out


# --------------------------------------------------------------------------- progress


def progress_bar(total: int | None = None, unit: str = "article", desc: str | None = None, quiet: bool = False):
    """A progress bar with its total, rate and time left, on standard error and only when that
    is a terminal (piped output, logs and tests see nothing); a no-op bar otherwise."""
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, desc=desc, file=sys.stderr, disable=quiet or not sys.stderr.isatty(),
                dynamic_ncols=True, mininterval=0.5)  # fmt: skip


def shows_progress(quiet: bool = False) -> bool:
    return not quiet and sys.stderr.isatty()


def ticking(items: Iterable[Any], total: int | None, desc: str, unit: str = "event") -> Iterator[Any]:
    """``items``, advancing a progress bar (see ``progress_bar``) as each is taken."""
    with progress_bar(total, unit, desc) as bar:
        for item in items:
            yield item
            bar.update()


def say(message: str) -> None:
    """A line on standard error that does not break a progress bar being drawn."""
    from tqdm import tqdm

    tqdm.write(message, file=sys.stderr)


def count_inputs(inputs: Iterable[str]) -> int | None:
    """About how many articles (or errors) reading ``inputs`` gives: one a file, a URL or
    standard input, one a non-blank line of a JSONL file; directories walked. For the total of
    a progress bar only; None when nothing is known."""
    from ..reader import JSONL_SUFFIXES

    total = 0
    for item in inputs:
        p = Path(item)
        if item == "-" or "://" in item or (p.name.startswith(".") and p.is_dir()):
            total += 1
        elif p.is_dir():
            total += count_inputs(str(c) for c in p.iterdir()) or 0
        elif p.suffix.lower() in JSONL_SUFFIXES and p.is_file():
            with open(p, "rb") as fh:
                total += max(1, sum(1 for line in fh if line.strip()))
        else:
            total += 1
    return total or None
