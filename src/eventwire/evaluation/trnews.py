"""The coder against the team's own event annotation of real news articles.

The gold (``sample/real/trnews-gold.jsonl``) was coded from docs/codebook.md before the
coder was run on these articles. It holds offsets and codes only; the texts are read
from ``shared/data/geoparse-trnews.jsonl``. A third of the articles (``part: test``) is
never tuned on. ``sample/real/lgl-events-gold.jsonl`` is a second such gold, in the same
layout, over 40 of LGL's local US news articles (``shared/data/geoparse-lgl.jsonl``): most
of them tell no political event, so it measures above all the events the coder invents.
A prediction matches a gold event only with the same type, from the same sentence, one to
one; untyped detection (same sentence, any type) is reported beside it.
Every field is scored on typed matches, and a field the gold leaves empty but the coder
fills is wrong.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from ..article import Article
from ..events import Actor, Attribution, Event, EventDate, Evidence, Place, Span
from ..geo.distance import haversine_km
from .acled import Rate

GOLD = "sample/real/trnews-gold.jsonl"
SECOND = "sample/real/trnews-second.jsonl"  # a second annotator's coding of some dev articles
LGL_EVENTS_GOLD = "sample/real/lgl-events-gold.jsonl"
PLACE_KM = 25.0


@dataclass
class TrNewsReport:
    gold: int = 0
    predicted: int = 0
    matched: int = 0  # same sentence, any type
    typed: int = 0  # same sentence and type
    fields: dict[str, Rate] = field(default_factory=lambda: defaultdict(Rate))
    by_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))  # typed tp, gold, pred
    articles_without_events: Rate = field(default_factory=Rate)  # of gold-empty articles, how many got none

    def _f1(self, tp: int) -> float:
        p = tp / self.predicted if self.predicted else 0.0
        r = tp / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def detection_f1(self) -> float:
        return self._f1(self.matched)

    @property
    def typed_f1(self) -> float:
        return self._f1(self.typed)

    def precision(self, tp: int) -> float:
        return tp / self.predicted if self.predicted else 0.0

    def as_dict(self) -> dict:
        return {
            "gold_events": self.gold, "predicted_events": self.predicted,
            "detection_f1": round(self.detection_f1, 4), "typed_f1": round(self.typed_f1, 4),
            "detection_precision": round(self.precision(self.matched), 4),
            "typed_precision": round(self.precision(self.typed), 4),
            "typed_recall": round(self.typed / self.gold, 4) if self.gold else 0.0,
            "empty_articles_kept_empty": round(self.articles_without_events.value, 4),
            "fields": {k: {"accuracy": round(r.value, 4), "n": r.total} for k, r in sorted(self.fields.items())},
        }  # fmt: skip


def load_gold(path: str | Path | None = None, bundled: str = GOLD) -> list[dict]:
    """The gold at ``path``, else the bundled gold file ``bundled``."""
    if path is None:
        text = resources.files("eventwire").joinpath(bundled).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def read_articles(path: str | Path, wanted: set[str]) -> list[Article]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in wanted:
                # LGL's dates carry a time of day ("2009-03-20 12:24:52-05"): the day is what is read
                published = date.fromisoformat(r["published"][:10]) if r.get("published") else None
                out.append(Article(r["id"], r["text"], published, r.get("domain"), r.get("url"), r.get("title")))
    return out


def _in_sentence(ev: Event, g: dict) -> bool:
    return g["sentence_start"] <= ev.evidence.trigger.start < g["sentence_end"]


def _trigger_distance(ev: Event, g: dict) -> int:
    return abs(ev.evidence.trigger.start - g["trigger_start"])


def _match(gold: list[dict], preds: list[Event], typed: bool) -> list[tuple[dict, Event]]:
    """One-to-one pairs, gold in order, nearest trigger first."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        cands = [p for p in preds if id(p) not in used and _in_sentence(p, g) and (not typed or p.type == g["type"])]
        if cands:
            best = min(cands, key=lambda p: _trigger_distance(p, g))
            used.add(id(best))
            pairs.append((g, best))
    return pairs


def _actor_ok(gold: dict | None, pred) -> tuple[bool, bool]:
    if gold is None:
        return pred is None, pred is None
    if pred is None:
        return False, False
    return pred.country == gold.get("country"), pred.sector == gold.get("sector")


def score_article(rep: TrNewsReport, gold: list[dict], preds: list[Event]) -> None:
    rep.gold += len(gold)
    rep.predicted += len(preds)
    if not gold:
        rep.articles_without_events.add(not preds)
    for g in gold:
        rep.by_type[g["type"]][1] += 1
    for p in preds:
        rep.by_type[p.type][2] += 1
    rep.matched += len(_match(gold, preds, typed=False))
    pairs = _match(gold, preds, typed=True)
    rep.typed += len(pairs)
    f = rep.fields
    for g, p in pairs:
        rep.by_type[g["type"]][0] += 1
        f["mode"].add(p.mode == g.get("mode"))
        f["acled_sub_event_type"].add(p.acled_sub_event_type == g.get("acled_sub_event_type"))
        whole = True
        for role in ("source", "target"):
            country_ok, sector_ok = _actor_ok(g.get(role), getattr(p, role))
            f[f"{role}_country"].add(country_ok)
            f[f"{role}_sector"].add(sector_ok)
            whole &= country_ok and sector_ok
        gp, pp = g.get("place"), p.place
        if gp is None:
            place_ok = True  # the gold names no place: any the coder gives is not scored against it
        else:
            place_ok = pp is not None and pp.latitude is not None and \
                haversine_km(pp.latitude, pp.longitude, gp["latitude"], gp["longitude"]) <= PLACE_KM  # fmt: skip
            f["place_25km"].add(place_ok)
        if g.get("date"):
            f["date_exact"].add(p.date.date is not None and p.date.date.isoformat() == g["date"] and p.date.precision == g.get("date_precision"))
        f["factuality"].add(p.factuality == g["factuality"])
        ga = g.get("attribution")
        pa = p.attribution.span
        f["attribution"].add((ga is None and pa is None) or (ga is not None and pa is not None and pa.start < ga["end"] and ga["start"] < pa.end))
        f["all_fields"].add(whole and place_ok and p.factuality == g["factuality"])


def score(gold_articles: list[dict], predicted: dict[str, list[Event]], part: str | None = None) -> TrNewsReport:
    rep = TrNewsReport()
    for art in gold_articles:
        if part is None or art["part"] == part:
            score_article(rep, art["events"], predicted.get(art["article_id"], []))
    return rep


FIELD_ORDER = ("mode", "acled_sub_event_type", "source_country", "source_sector", "target_country", "target_sector",
               "place_25km", "date_exact", "factuality", "attribution", "all_fields")  # fmt: skip


def format_reports(columns: dict[str, TrNewsReport]) -> str:
    names = list(columns)
    row = lambda label, cells: f"{label:<30}" + "".join(f"{c:>16}" for c in cells)  # noqa: E731
    lines = [row("", names)]
    lines.append(row("gold / predicted events", [f"{columns[n].gold} / {columns[n].predicted}" for n in names]))
    lines.append(row("detection F1 (same sentence)", [f"{columns[n].detection_f1:.3f}" for n in names]))
    lines.append(row("typed F1 (same sentence, type)", [f"{columns[n].typed_f1:.3f}" for n in names]))
    lines.append(row("precision detection / typed", [f"{columns[n].precision(columns[n].matched):.3f} / "
                                                      f"{columns[n].precision(columns[n].typed):.3f}" for n in names]))
    lines.append(row("no-event articles kept empty", [f"{columns[n].articles_without_events.correct}/{columns[n].articles_without_events.total}" for n in names]))
    lines.append("fields on typed matches:")
    for key in FIELD_ORDER:
        cells = []
        for n in names:
            r = columns[n].fields.get(key)
            cells.append(f"{r.value:.1%} n={r.total}" if r and r.total else "-")
        lines.append(row("  " + key, cells))
    return "\n".join(lines) + "\n"


def type_table(rep: TrNewsReport) -> str:
    lines = ["per type: gold / predicted / typed matches"]
    for etype, (tp, ng, npred) in sorted(rep.by_type.items()):
        lines.append(f"  {etype:<10} {ng:4d} {npred:5d} {tp:5d}")
    return "\n".join(lines) + "\n"


def predicted_counts(predicted: dict[str, list[Event]]) -> Counter:
    return Counter(e.type for evs in predicted.values() for e in evs)


def score_dedup(gold_articles: list[dict], store, part: str | None = None) -> dict:
    """B-cubed of the store's events against the gold clusters: each gold record is matched to
    the stored report whose trigger lies in its sentence (same type first, then the nearest
    trigger), and the report's event is its predicted cluster."""
    from sqlalchemy import select

    from ..store.evaluate import bcubed
    from ..store.models import Report

    with store.session() as session:
        reports = list(session.scalars(select(Report)))
    by_article: dict[str, list] = defaultdict(list)
    for r in reports:
        by_article[r.article_id].append(r)
    gold_of: dict[int, str] = {}
    pred_of: dict[int, int] = {}
    used: set[int] = set()
    records = [(a["article_id"], g) for a in gold_articles if part is None or a["part"] == part for g in a["events"]]
    for i, (article_id, g) in enumerate(records):
        cands = [r for r in by_article.get(article_id, [])
                 if r.id not in used and g["sentence_start"] <= r.trigger_start < g["sentence_end"]]  # fmt: skip
        if not cands:
            continue
        best = min(cands, key=lambda r: (r.type != g["type"], abs(r.trigger_start - g["trigger_start"])))
        used.add(best.id)
        gold_of[i], pred_of[i] = g["cluster"], best.event_id
    p, r, f = bcubed(gold_of, pred_of)
    articles_of: dict[str, set[str]] = defaultdict(set)
    for article_id, g in records:
        articles_of[g["cluster"]].add(article_id)
    return {"gold_records": len(records), "matched": len(gold_of),
            "clusters_in_several_articles": sum(len(a) > 1 for a in articles_of.values()),
            "bcubed_precision": round(p, 4), "bcubed_recall": round(r, 4), "bcubed_f1": round(f, 4)}  # fmt: skip


# Agreement between two annotations of the same articles. The second is read as if it were the
# coder's predictions, so two annotators are compared by the very rules the coder is scored by.


def _record_actor(rec: dict | None) -> Actor | None:
    if rec is None:
        return None
    return Actor("", "", rec.get("country"), rec.get("sector"), Span(rec["start"], rec["end"]))


def _record_place(rec: dict | None) -> Place | None:
    if rec is None:
        return None
    return Place("", "", rec.get("country"), Span(rec["start"], rec["end"]),
                 latitude=rec.get("latitude"), longitude=rec.get("longitude"), geo_precision=rec.get("precision"))  # fmt: skip


def record_as_event(article_id: str, g: dict) -> Event:
    """An annotated record in the gold layout as an Event, with only what the scorer reads."""
    day = date.fromisoformat(g["date"]) if g.get("date") else None
    att = g.get("attribution")
    return Event(
        type=g["type"], mode=g.get("mode"), context=(), cameo_root="", acled_event_type=None,
        acled_sub_event_type=g.get("acled_sub_event_type"), trigger="", source=_record_actor(g.get("source")),
        target=_record_actor(g.get("target")), place=_record_place(g.get("place")),
        date=EventDate(day, g.get("date_precision") if day else None, None, None), quantities=(),
        attribution=Attribution(None, None, Span(att["start"], att["end"]) if att else None),
        factuality=g["factuality"],
        evidence=Evidence(article_id, "", g["sentence_start"], g["sentence_end"], Span(g["trigger_start"], g["trigger_end"])),
        confidence=1.0,
    )  # fmt: skip


def agreement(first: list[dict], second: list[dict]) -> TrNewsReport:
    """The second annotation scored against the first, on the articles both annotated."""
    theirs = {a["article_id"]: [record_as_event(a["article_id"], g) for g in a["events"]] for a in second}
    return score([a for a in first if a["article_id"] in theirs], theirs)


def agreement_table(rep: TrNewsReport) -> str:
    """Per type: how often the two sides agree on an event of that type (F1 of typed matches)."""
    lines = ["per type: first / second / agreed (same sentence and type), F1"]
    for etype, (tp, n_first, n_second) in sorted(rep.by_type.items()):
        f1 = 2 * tp / (n_first + n_second) if n_first + n_second else 0.0
        lines.append(f"  {etype:<10} {n_first:4d} {n_second:5d} {tp:5d}   {f1:.2f}")
    return "\n".join(lines) + "\n"
