"""Scoring place mentions against gold coordinates (``eventwire evaluate --geo``).

Two questions, answered separately:
- recognition: are the gold mentions found (same span, overlapping), and are the
  found ones real?
- resolution, given the gold spans (as Mordecai's published figures are): how far
  is eventwire's point from the gold point, and is its precision level the gold's?
  The naive baseline (the most populous place of that name) is scored on the same
  spans in the same run.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import Document
from ..evaluate import load_gold
from .geoparse import Geoparser, most_populous
from .resolve import Location, haversine_km

NO_POINT_KM = 20_000.0  # an unresolved mention counts as half the earth away


@dataclass
class ResolutionScore:
    errors_km: list[float] = field(default_factory=list)
    precision_hits: int = 0
    precision_total: int = 0

    def add(self, loc: Location | None, gold: dict[str, Any]) -> None:
        if loc is None or loc.latitude is None or loc.longitude is None:
            self.errors_km.append(NO_POINT_KM)
        else:
            self.errors_km.append(haversine_km(loc.latitude, loc.longitude, gold["latitude"], gold["longitude"]))
        if gold.get("geo_precision"):
            self.precision_total += 1
            self.precision_hits += int(loc is not None and loc.geo_precision == gold["geo_precision"])

    def within(self, km: float) -> float:
        return sum(e <= km for e in self.errors_km) / len(self.errors_km) if self.errors_km else 0.0

    @property
    def median_km(self) -> float:
        return statistics.median(self.errors_km) if self.errors_km else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": len(self.errors_km), "acc_161km": self.within(161), "acc_25km": self.within(25),
            "median_km": self.median_km,
            "precision_level_acc": self.precision_hits / self.precision_total if self.precision_total else None,
        }  # fmt: skip


@dataclass
class GeoReport:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    eventwire: ResolutionScore = field(default_factory=ResolutionScore)
    baseline: ResolutionScore = field(default_factory=ResolutionScore)
    eventwire_ambiguous: ResolutionScore = field(default_factory=ResolutionScore)
    baseline_ambiguous: ResolutionScore = field(default_factory=ResolutionScore)

    def as_dict(self) -> dict[str, Any]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return {
            "recognition": {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                            "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0},
            "resolution_on_gold_spans": {"eventwire": self.eventwire.as_dict(), "baseline_most_populous": self.baseline.as_dict()},
            "ambiguous_names": {"eventwire": self.eventwire_ambiguous.as_dict(), "baseline_most_populous": self.baseline_ambiguous.as_dict()},
        }  # fmt: skip


def load_geo_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a geo gold JSONL file (one place mention per line)."""
    return load_gold(path, required=("article_id", "start", "end", "latitude", "longitude"))


def score_geo(gold: list[dict[str, Any]], documents: Iterable[Document], geoparser: Geoparser) -> GeoReport:
    """Score recognition and resolution of the gold mentions of ``documents``."""
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_article[g["article_id"]].append(g)
    rep = GeoReport()
    for doc in documents:
        golds = by_article.get(doc.article.id)
        if not golds:
            continue
        found = geoparser.places(doc)
        predicted = [(m.start, m.end) for m in geoparser.mentions(doc, demonyms=False)]
        rep.gold += len(golds)
        rep.predicted += len(predicted)
        rep.matched += sum(any(s < g["end"] and g["start"] < e for s, e in predicted) for g in golds)
        for g in golds:
            if g.get("latitude") is None or g.get("longitude") is None:
                continue
            ours = geoparser.resolve_span(doc, g["start"], g["end"], found)
            naive = most_populous(geoparser.gazetteer, doc.article.text[g["start"] : g["end"]])
            rep.eventwire.add(ours, g)
            rep.baseline.add(naive, g)
            if g.get("ambiguous"):
                rep.eventwire_ambiguous.add(ours, g)
                rep.baseline_ambiguous.add(naive, g)
    return rep


def format_geo_report(rep: GeoReport, title: str) -> str:
    d = rep.as_dict()
    rec = d["recognition"]
    lines = [
        title,
        f"  recognition: gold {rec['gold']}  predicted {rec['predicted']}  matched {rec['matched']}   "
        f"precision {rec['precision']:.1%}  recall {rec['recall']:.1%}  F1 {rec['f1']:.1%}",
        "  resolution on gold spans          n   acc@161km  acc@25km  median km  precision level",
    ]
    for label, key in (("all mentions", "resolution_on_gold_spans"), ("ambiguous names", "ambiguous_names")):
        for who, name in (("eventwire", "eventwire"), ("baseline_most_populous", "most-populous baseline")):
            s = d[key][who]
            lvl = "-" if s["precision_level_acc"] is None else f"{s['precision_level_acc']:.1%}"
            lines.append(f"    {label + ', ' + name:<34}{s['n']:>4}   {s['acc_161km']:8.1%}  {s['acc_25km']:8.1%}  {s['median_km']:9.1f}  {lvl:>8}")
    return "\n".join(lines) + "\n"
