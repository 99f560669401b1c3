"""Scoring place mentions against gold coordinates (``eventwire evaluate --geo``).

Three questions, answered separately:
- recognition: are the gold mentions found (same span, overlapping), and are the
  found ones real?
- resolution, given the gold spans (as Mordecai's published figures are): how far
  is eventwire's point from the gold point, and is its precision level the gold's?
  The naive baseline (the most populous place of that name) is scored on the same
  spans in the same run.
- end to end: of every gold toponym with a point, how many are both found (a mention
  of ours overlaps it) and put within 161 km by that mention's own resolution. A
  missed toponym counts as wrong.

Real corpora in the LGL layout (``../shared/data/geoparse-lgl.jsonl``, ``geoparse-trnews.jsonl``)
are split by a hash of the article id: a third is ``test`` and is never tuned on
(the same rule as the TR-News event gold and PETRARCH2's records).
"""

from __future__ import annotations

import hashlib
import json
import statistics
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..article import Article, make_article
from ..document import Document
from ..errors import InputError
from ..evaluate import load_gold
from .geoparse import Geoparser, most_populous
from .distance import haversine_km
from .resolve import Location

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
    end_to_end: ResolutionScore = field(default_factory=ResolutionScore)  # found and resolved, every gold toponym

    def as_dict(self) -> dict[str, Any]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return {
            "recognition": {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                            "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0},
            "resolution_on_gold_spans": {"eventwire": self.eventwire.as_dict(), "baseline_most_populous": self.baseline.as_dict()},
            "ambiguous_names": {"eventwire": self.eventwire_ambiguous.as_dict(), "baseline_most_populous": self.baseline_ambiguous.as_dict()},
            "end_to_end": self.end_to_end.as_dict(),
        }  # fmt: skip


def load_geo_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a geo gold JSONL file (one place mention per line)."""
    return load_gold(path, required=("article_id", "start", "end", "latitude", "longitude"))


def score_geo(gold: list[dict[str, Any]], documents: Iterable[Document], geoparser: Geoparser, *,
              demonyms: bool = False) -> GeoReport:  # fmt: skip
    """Score recognition and resolution of the gold mentions of ``documents``. ``demonyms``: the gold
    marks every toponym, whatever its role, as LGL and TR-News do: demonyms ("Turkish troops" ->
    Turkey), acting countries and names inside other names count (``Geoparser.mentions``'s
    ``every_toponym``)."""
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_article[g["article_id"]].append(g)
    rep = GeoReport()
    for doc in documents:
        golds = by_article.get(doc.article.id)
        if not golds:
            continue
        found = geoparser.places(doc)
        ours_all = geoparser.mentions(doc, demonyms=demonyms, every_toponym=demonyms)
        predicted = [(m.start, m.end) for m in ours_all]
        rep.gold += len(golds)
        rep.predicted += len(predicted)
        rep.matched += sum(any(s < g["end"] and g["start"] < e for s, e in predicted) for g in golds)
        for g in golds:
            if g.get("latitude") is None or g.get("longitude") is None:
                continue
            hit = _overlapping(ours_all, g["start"], g["end"])
            rep.end_to_end.add(hit.location if hit is not None else None, g)
            ours = geoparser.resolve_span(doc, g["start"], g["end"], found)
            naive = most_populous(geoparser.gazetteer, doc.article.text[g["start"] : g["end"]])
            rep.eventwire.add(ours, g)
            rep.baseline.add(naive, g)
            if g.get("ambiguous"):
                rep.eventwire_ambiguous.add(ours, g)
                rep.baseline_ambiguous.add(naive, g)
    return rep


def _overlapping(mentions, start: int, end: int):
    """The found mention that overlaps a gold span most, the tightest of equals (None when none does):
    "Russian" found on its own beats "the Russian Museum" around it."""
    best, best_key = None, (0, 0)
    for m in mentions:
        key = (min(end, m.end) - max(start, m.start), -(m.end - m.start))
        if key[0] > 0 and key > best_key:
            best, best_key = m, key
    return best


def part_of(article_id: str) -> str:
    """``test`` for a third of the articles, by a hash of the id (never tuned on), else ``dev``."""
    return "test" if int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def read_toponym_corpus(path: str | Path) -> tuple[list[Article], list[dict[str, Any]]]:
    """An LGL-layout JSONL corpus (one article per line with ``toponyms``): articles and gold mentions.

    Offsets refer to the text as given; only toponyms with a point whose text survived
    normalisation are kept. Each gold mention carries its article's ``part``."""
    articles, gold = [], []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            try:
                art = make_article(rec["text"], published=rec.get("published") or None, outlet=rec.get("domain"),
                                   article_id=str(rec["id"]), source=f"{path}:{lineno}")  # fmt: skip
            except InputError as err:
                print(f"eventwire: skipped {err}", file=sys.stderr)
                continue
            articles.append(art)
            moved = _offset_map(rec["text"], art.text)
            for t in rec.get("toponyms", ()):
                if t.get("lat") is None:
                    continue
                start, end = moved(t["start"]), moved(t["end"] - 1) + 1
                if " ".join(art.text[start:end].split()) != " ".join(str(t["phrase"]).split()):
                    continue
                gold.append({"article_id": art.id, "start": start, "end": end, "latitude": float(t["lat"]),
                             "longitude": float(t["lon"]), "part": part_of(art.id)})  # fmt: skip
    return articles, gold


def _offset_map(raw: str, clean: str):
    """Offsets into ``raw`` -> offsets into its normalised ``clean`` (which only folds white space):
    the n-th non-space character of one is the n-th of the other."""
    raw_pos = [i for i, ch in enumerate(raw) if not ch.isspace()]
    clean_pos = [i for i, ch in enumerate(clean) if not ch.isspace()]
    rank = {pos: n for n, pos in enumerate(raw_pos)}

    def moved(i: int) -> int:
        n = rank.get(i)
        return clean_pos[n] if n is not None and n < len(clean_pos) else -1

    return moved


def score_by_part(gold: list[dict[str, Any]], documents: Iterable[Document], geoparser: Geoparser) -> dict[str, GeoReport]:
    """``score_geo`` on the dev and the test articles separately (each document is read once)."""
    docs = list(documents)
    return {
        part: score_geo([g for g in gold if part_of(g["article_id"]) == part],
                        [d for d in docs if part_of(d.article.id) == part], geoparser, demonyms=True)  # fmt: skip
        for part in ("dev", "test")
    }


def format_geo_report(rep: GeoReport, title: str) -> str:
    d = rep.as_dict()
    rec = d["recognition"]
    lines = [
        title,
        f"  recognition: gold {rec['gold']}  predicted {rec['predicted']}  matched {rec['matched']}   "
        f"precision {rec['precision']:.1%}  recall {rec['recall']:.1%}  F1 {rec['f1']:.1%}",
        f"  {'resolution on gold spans':<42}{'n':>5}   acc@161km  acc@25km  median km  precision level",
    ]
    for label, key in (("all mentions", "resolution_on_gold_spans"), ("ambiguous names", "ambiguous_names")):
        for who, name in (("eventwire", "eventwire"), ("baseline_most_populous", "most-populous baseline")):
            s = d[key][who]
            if not s["n"]:
                continue  # (a gold set that marks no names as ambiguous)
            lvl = "-" if s["precision_level_acc"] is None else f"{s['precision_level_acc']:.1%}"
            lines.append(f"    {label + ', ' + name:<40}{s['n']:>5}   {s['acc_161km']:8.1%}  {s['acc_25km']:8.1%}  {s['median_km']:9.1f}  {lvl:>8}")
    e = d["end_to_end"]
    lines.append(f"  {'end to end (found and resolved)':<42}{e['n']:>5}   {e['acc_161km']:8.1%}  {e['acc_25km']:8.1%}  {e['median_km']:9.1f}")
    return "\n".join(lines) + "\n"
