"""Learning: train."""

from __future__ import annotations

import argparse
import sys

from .common import add_db


def register(sub) -> None:
    tr = sub.add_parser("train", help="rebuild the event classifier from real text (shared/data) and analysts' corrections")
    tr.add_argument("--acled", metavar="JSONL", help="ACLED notes (default: shared/data/acled-notes-2020.jsonl)")
    tr.add_argument("--negatives", metavar="JSONL", help="articles whose sentences report no event (default: shared/data/geoparse-lgl.jsonl)")
    add_db(tr, "also learn from the type corrections stored here")
    tr.add_argument("--out", help="write the model here (default: the package's own model, which extract uses)")
    tr.add_argument("--no-measure", action="store_true", help="skip the country-held-out figures for the card")
    tr.set_defaults(func=cmd_train)


def cmd_train(args: argparse.Namespace) -> int:
    from ..training import train

    train(args.acled, args.negatives, out=args.out, db=args.db, measure=not args.no_measure,
          log=lambda msg: print(msg, file=sys.stderr))  # fmt: skip
    return 0
