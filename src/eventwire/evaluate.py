"""Evaluation against hand-coded gold events (the format of sample/gold.jsonl).

A predicted event matches a gold event when it comes from the same sentence of
the same article; among several, the one of the same type (then the nearest
trigger) is taken, one to one. Detection is scored over all events; each field
is scored on the matched pairs where the gold record has a value.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import EventwireError


@dataclass
class Tally:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def rate(self) -> float | None:
        return self.correct / self.total if self.total else None

    @property
    def value(self) -> float:
        """The rate, 0 when nothing was counted."""
        return self.rate or 0.0


@dataclass
class Report:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    typed_matched: int = 0
    fields: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))  # tp, gold, pred
    misses: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def typed_f1(self) -> float:
        p = self.typed_matched / self.predicted if self.predicted else 0.0
        r = self.typed_matched / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold_events": self.gold,
            "predicted_events": self.predicted,
            "matched": self.matched,
            "detection": {"precision": self.precision, "recall": self.recall, "f1": self.f1},
            "typed_detection_f1": self.typed_f1(),
            "fields": {k: {"accuracy": t.rate, "n": t.total} for k, t in self.fields.items()},
            "by_type": {k: {"tp": v[0], "gold": v[1], "predicted": v[2]} for k, v in sorted(self.by_type.items())},
        }


def load_gold(path: str | Path, required: tuple[str, ...] = ("article_id", "sentence", "type")) -> list[dict[str, Any]]:
    """Read a gold JSONL file, failing with the line number of a malformed record."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                raise EventwireError(f"{path}:{lineno}: not valid JSON ({err})") from None
            for key in required:
                if key not in rec:
                    raise EventwireError(f"{path}:{lineno}: gold record lacks {key!r}")
            out.append(rec)
    return out


def _norm(text: str | None) -> str:
    text = " ".join((text or "").split()).lower().strip(" .,\"'“”")
    for det in ("the ", "a ", "an "):
        if text.startswith(det):
            text = text[len(det) :]
    return text


def _same_sentence(gold: str, pred: str) -> bool:
    g, p = _norm(gold), _norm(pred)
    return bool(g) and bool(p) and (g == p or g in p or p in g)


def within_precision(pred: str, gold: str, precision: str) -> bool:
    """Does ``pred`` fall in the period ``gold`` names at ``precision``?"""
    try:
        p, g = date.fromisoformat(pred), date.fromisoformat(gold)
    except (TypeError, ValueError):
        return False
    if precision == "day":
        return p == g
    if precision == "week":
        return p.isocalendar()[:2] == g.isocalendar()[:2] or abs((p - g).days) <= 3
    if precision == "month":
        return (p.year, p.month) == (g.year, g.month)
    return p.year == g.year


def _quantities(items: Iterable[dict[str, Any]] | None) -> set[tuple[float, str, str]]:
    return {(float(q["value"]), q["unit"], q.get("qualifier", "exact")) for q in items or ()}


def score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> Report:
    """Score predicted event dicts (``Event.to_dict()``) against gold records."""
    rep = Report(gold=len(gold), predicted=len(predicted))
    preds_by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in predicted:
        preds_by_article[p["evidence"]["article_id"]].append(p)
        rep.by_type[p["type"]][2] += 1
    used: set[int] = set()
    for g in gold:
        rep.by_type[g["type"]][1] += 1
        cands = [
            p for p in preds_by_article.get(g["article_id"], [])
            if id(p) not in used and _same_sentence(g["sentence"], p["evidence"]["sentence"])
        ]  # fmt: skip
        if not cands:
            rep.misses.append(g)
            continue
        trig = _norm(g.get("trigger"))
        best = max(cands, key=lambda p: (p["type"] == g["type"], bool(trig) and trig in _norm(p["trigger"]) or _norm(p["trigger"]) in trig))
        used.add(id(best))
        rep.matched += 1
        if best["type"] == g["type"]:
            rep.typed_matched += 1
            rep.by_type[g["type"]][0] += 1
        _score_fields(rep, g, best)
    for arts in preds_by_article.values():
        rep.spurious.extend(p for p in arts if id(p) not in used)
    return rep


def _score_fields(rep: Report, g: dict[str, Any], p: dict[str, Any]) -> None:
    f = rep.fields
    f["type"].add(p["type"] == g["type"])
    if "mode" in g:
        f["mode"].add(p["mode"] == g.get("mode"))
    if g.get("acled_sub_event_type") is not None or "acled_sub_event_type" in g:
        f["acled_sub_event_type"].add(p["acled_sub_event_type"] == g.get("acled_sub_event_type"))
    for role in ("source", "target"):
        ga, pa = g.get(role), p.get(role)
        if ga:
            f[f"{role}_country"].add(bool(pa) and (pa or {}).get("country") == ga.get("country"))
            f[f"{role}_sector"].add(bool(pa) and (pa or {}).get("sector") == ga.get("sector"))
    if g.get("date"):
        f["date_exact"].add(p["date"] == g["date"] and p["date_precision"] == g.get("date_precision"))
        f["date_within_precision"].add(within_precision(p["date"], g["date"], g.get("date_precision") or "day"))
    gq, pq = _quantities(g.get("quantities")), _quantities(p.get("quantities"))
    if gq or pq:
        f["quantities"].add(gq == pq)
    if "attribution" in g:
        f["attribution"].add(_norm(g.get("attribution")) == _norm((p.get("attribution") or {}).get("source")))
    if g.get("factuality"):
        f["factuality"].add(p["factuality"] == g["factuality"])
        if g["factuality"] != "asserted":
            # the events GDELT-style coders report as having happened when they did not
            f["factuality_not_asserted"].add(p["factuality"] == g["factuality"])
    if g.get("place"):
        f["place"].add(_norm(g["place"]) == _norm((p.get("place") or {}).get("name")))


def format_report(rep: Report) -> str:
    lines = [
        f"gold events {rep.gold}   predicted {rep.predicted}   matched {rep.matched}",
        "",
        "event detection (same sentence)",
        f"  precision {rep.precision:6.1%}   recall {rep.recall:6.1%}   F1 {rep.f1:6.1%}",
        f"  typed F1 (same sentence and type) {rep.typed_f1():6.1%}",
        "",
        "field accuracy on matched events (n = matched events where gold has the field)",
    ]
    order = ["type", "mode", "acled_sub_event_type", "source_country", "source_sector", "target_country",
             "target_sector", "place", "date_exact", "date_within_precision", "quantities", "attribution", "factuality",
             "factuality_not_asserted"]  # fmt: skip
    for key in order:
        t = rep.fields.get(key)
        if t and t.total:
            lines.append(f"  {key:<24} {t.rate:6.1%}   (n={t.total})")
    lines += ["", "per type: gold / predicted / typed matches"]
    for etype, (tp, ng, npred) in sorted(rep.by_type.items()):
        lines.append(f"  {etype:<10} {ng:4d} {npred:5d} {tp:5d}")
    return "\n".join(lines) + "\n"
