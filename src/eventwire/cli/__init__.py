"""Command line: code (extract, demo, geoparse), store and query (ingest, events, show, export,
load), scale (batch), serve (watch, serve, token), measure (evaluate), build (gazetteer) and
learn (train). One module a group; the options several commands share are in ``common``.

Exit codes: 0 all inputs coded; 1 some inputs were skipped (each named on
stderr, the rest still coded); 2 usage error or nothing could be read.
The reference of every command and option is docs/cli.md (tests/test_cli_docs.py keeps it whole).
"""

from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..errors import EventwireError
from . import batch, evaluate, extract, gazetteer, serve, store, train
from .common import (HELDOUT_ARTICLES, HELDOUT_GOLD, SAMPLE_ARTICLES, SAMPLE_GEO_GOLD, SAMPLE_GOLD, exit_code,
                     sample_path)  # fmt: skip
from .store import input_items

__all__ = ["main", "build_parser", "sample_path", "input_items", "exit_code", "SAMPLE_ARTICLES", "SAMPLE_GOLD",
           "HELDOUT_ARTICLES", "HELDOUT_GOLD", "SAMPLE_GEO_GOLD"]  # fmt: skip

GROUPS = (extract, store, batch, serve, evaluate, gazetteer, train)  # in the order of `eventwire --help`


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
    for group in GROUPS:
        group.register(sub)
    return p
