"""The coder on PETRARCH2's validation sentences (a peer coder's test suite, MIT).

Each record is one sentence with the CAMEO events PETRARCH2 must produce, mapped to PLOVER
by the official table (where the table's ASSAULT is conventional military force, eventwire's
FIGHT is accepted too: see ``_our_types``). A record counts as right when one of the coder's
events has a PLOVER type the gold lists (records whose gold has no PLOVER equivalent are left out), and a
no-event record counts as right when the coder finds nothing. A third of the records
(by a hash of their id) is a test part kept out of tuning.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..article import Article
from ..events import Event
from .acled import Rate


@dataclass(frozen=True)
class PetrarchRecord:
    id: str
    text: str
    published: date | None
    plover: frozenset[str]  # the gold's PLOVER types
    no_event: bool

    @property
    def part(self) -> str:
        return "test" if int(hashlib.sha256(self.id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def read_records(path: str | Path) -> list[PetrarchRecord]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            raw = str(r.get("date") or "")
            published = date(int(raw[:4]), int(raw[4:6]), int(raw[6:8])) if len(raw) == 8 and raw.isdigit() else None
            types = frozenset(t for e in r.get("events", ()) if e.get("plover") for t in _our_types(e))
            out.append(PetrarchRecord(r["id"], r["text"], published, types, bool(r.get("noevents")) or not r.get("events")))
    return out


# CAMEO 19 (conventional military force: fighting with small arms, artillery, aircraft; occupying
# territory) is ASSAULT in the 2021 table, which has no FIGHT; eventwire's codebook keeps PLOVER's
# FIGHT for it (an airstrike is FIGHT/aerial), so either is the gold's type there.
_CONVENTIONAL_FORCE = ("190", "192", "193", "194", "195", "196")


def _our_types(event: dict) -> tuple[str, ...]:
    """The PLOVER types of the codebook eventwire follows that a gold event's type stands for."""
    if str(event.get("cameo") or "").startswith(_CONVENTIONAL_FORCE):
        return (event["plover"], "FIGHT")
    return (event["plover"],)


def article(rec: PetrarchRecord) -> Article:
    return Article(rec.id, rec.text, rec.published)


@dataclass
class PetrarchReport:
    typed: Rate = field(default_factory=Rate)  # records with a PLOVER gold type: one of ours has it
    no_event: Rate = field(default_factory=Rate)  # no-event records: we code nothing

    def as_dict(self) -> dict:
        return {"plover_type_accuracy": round(self.typed.value, 4), "n": self.typed.total,
                "no_event_accuracy": round(self.no_event.value, 4), "no_event_n": self.no_event.total}  # fmt: skip


def score(records: list[PetrarchRecord], predicted: dict[str, list[Event]], part: str | None = None) -> PetrarchReport:
    rep = PetrarchReport()
    for rec in records:
        if part is not None and rec.part != part:
            continue
        events = predicted.get(rec.id, [])
        if rec.no_event:
            rep.no_event.add(not events)
        elif rec.plover:
            rep.typed.add(any(e.type in rec.plover for e in events))
    return rep
