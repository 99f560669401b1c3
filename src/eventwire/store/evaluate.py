"""Scoring deduplication against gold clusters (``eventwire evaluate --dedup``).

Gold events carry a ``cluster`` naming the real-world event; records from
different articles that tell the same event share it. Each gold record is
matched to the stored report from the same sentence (as in event scoring), and
the report's event is its predicted cluster. B-cubed precision and recall are
averaged over the matched gold records.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select

from ..evaluate import _norm, _same_sentence
from .db import Store
from .models import Report


def bcubed(gold_of: dict[int, str], pred_of: dict[int, Any]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering of items (ids -> cluster labels)."""
    gold_members: dict[str, set[int]] = defaultdict(set)
    pred_members: dict[Any, set[int]] = defaultdict(set)
    for item, g in gold_of.items():
        gold_members[g].add(item)
        pred_members[pred_of[item]].add(item)
    if not gold_of:
        return 0.0, 0.0, 0.0
    p = sum(len(pred_members[pred_of[i]] & gold_members[g]) / len(pred_members[pred_of[i]]) for i, g in gold_of.items()) / len(gold_of)
    r = sum(len(pred_members[pred_of[i]] & gold_members[g]) / len(gold_members[g]) for i, g in gold_of.items()) / len(gold_of)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_dedup(gold: list[dict[str, Any]], store: Store) -> dict[str, Any]:
    with store.session() as session:
        reports = list(session.scalars(select(Report)))
    by_article: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        by_article[r.article_id].append(r)
    gold_of: dict[int, str] = {}
    pred_of: dict[int, int] = {}
    used: set[int] = set()
    for i, g in enumerate(gold):
        if not g.get("cluster"):
            continue
        cands = [r for r in by_article.get(g["article_id"], []) if r.id not in used and _same_sentence(g["sentence"], r.sentence)]
        if not cands:
            continue
        trig = _norm(g.get("trigger"))
        best = max(cands, key=lambda r: (r.type == g["type"], bool(trig) and trig in _norm(r.record.get("trigger"))))
        used.add(best.id)
        gold_of[i], pred_of[i] = g["cluster"], best.event_id
    p, r, f = bcubed(gold_of, pred_of)
    multi = {c for c in gold_of.values() if list(gold_of.values()).count(c) > 1}
    return {"gold_records": sum(1 for g in gold if g.get("cluster")), "matched": len(gold_of),
            "gold_clusters_with_several_reports": len(multi), "bcubed_precision": p, "bcubed_recall": r, "bcubed_f1": f}  # fmt: skip
