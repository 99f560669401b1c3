"""The coder against ACLED's own coding of its public notes.

For each note the coder's top event (the most confident one ACLED would code, else the most
confident of any kind) is compared field by field with ACLED's record: sub-event type
(weighted F1 over ACLED's classes, with a confusion table), event type, actor 1 and actor 2
(country, inter code), place (within 25 km of ACLED's point; admin1), fatalities and date.
A note where the coder finds nothing counts as wrong on every field.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..acled import AcledNote, acled_actor, actor_country
from ..evaluate import Tally as Rate
from ..events import Event
from ..geo.distance import haversine_km
from ..mentions.places import fold_name, strip_article
from ..ontology import acled_event_type

PLACE_KM = 25.0
NONE = "(none)"


def top_event(events: Sequence[Event]) -> Event | None:
    """The event a note is about: ACLED-coded before not, an act told as done before one told as
    not done ("withdrew without fighting"), a fight, attack, protest or riot before a strategic
    development (the arrests, seizures and destruction that follow one are its sequel, not what the
    note is about), then most confident, then first."""
    if not events:
        return None
    order = {id(e): i for i, e in enumerate(events)}
    return max(events, key=lambda e: (e.acled_sub_event_type is not None, e.factuality != "negated",
                                      acled_event_type(e.acled_sub_event_type) != "Strategic developments",
                                      e.confidence, -order[id(e)]))  # fmt: skip


@dataclass
class AcledReport:
    notes: int = 0
    found: int = 0
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (gold, predicted) sub-event types
    fields: dict[str, Rate] = field(default_factory=lambda: defaultdict(Rate))

    def merge(self, other: "AcledReport") -> None:
        self.notes += other.notes
        self.found += other.found
        self.pairs += other.pairs
        for k, r in other.fields.items():
            self.fields[k].correct += r.correct
            self.fields[k].total += r.total

    def weighted_f1(self) -> float:
        """F1 per gold class, weighted by the class's support (scikit-learn's 'weighted')."""
        gold = Counter(g for g, _ in self.pairs)
        pred = Counter(p for _, p in self.pairs)
        tp = Counter(g for g, p in self.pairs if g == p)
        total = sum(gold.values())
        out = 0.0
        for cls, support in gold.items():
            prec = tp[cls] / pred[cls] if pred[cls] else 0.0
            rec = tp[cls] / support
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            out += f1 * support / total
        return out

    def confusion(self) -> dict[str, Counter]:
        table: dict[str, Counter] = defaultdict(Counter)
        for g, p in self.pairs:
            table[g][p] += 1
        return table

    def as_dict(self) -> dict:
        return {
            "notes": self.notes,
            "with_event": self.found,
            "sub_event_weighted_f1": round(self.weighted_f1(), 4),
            "fields": {k: {"accuracy": round(r.value, 4), "n": r.total} for k, r in sorted(self.fields.items())},
        }


def _admin_key(name: str | None) -> str:
    # spaces and stops do not tell divisions apart: ACLED's "Bogota, D.C." is GeoNames' "Bogota D.C."
    words = re.sub(r"[\s.,]", "", fold_name(strip_article(name or "")))
    for suffix in ("province", "governorate", "state", "region", "oblast", "department", "district"):
        words = words.removesuffix(suffix)
    return words


@lru_cache(maxsize=4096)
def _division_keys(name: str, iso3: str) -> frozenset[str]:
    """The first-level division ACLED's name denotes, as ``_admin_key``s: the name itself, and the
    gazetteer's divisions of that name in the note's country, or the division that is mostly one
    town of that name (ACLED names a capital's division after it: GeoNames' "Beyrouth" is its
    "Beirut"; a town in a wider division, "Belgrade" in "Central Serbia", is not that division).
    Two spellings of one division (GADM's and GeoNames') are then one division."""
    from ..geo.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    keys = {_admin_key(name)}
    for c in gazetteer.lookup(name):
        if c.country != iso3 or not c.admin1:
            continue
        if c.kind in ("province", "region"):
            keys.add(_admin_key(c.admin1))
        elif c.population:
            division = next((d for d in gazetteer.lookup(c.admin1) if d.kind == "province" and d.country == iso3), None)
            if division is not None and c.population * 2 >= division.population:
                keys.add(_admin_key(c.admin1))
    return frozenset(keys)


def country_codes(notes: Iterable[AcledNote]) -> dict[str, str]:
    """Each note's country name -> its ISO3 code as eventwire writes it: the notes' own code, except
    where ACLED's differs from ISO 3166 (its "ROM" for Romania is ISO's "ROU"), which would count every
    right country of that country's actors as wrong. (The folds stay keyed by the notes' own codes.)"""
    from ..store.acled_export import acled_countries

    iso_of = {c.name: iso3 for iso3, c in acled_countries().items()}
    return {n.country: iso_of.get(n.country, n.iso3) for n in notes}


def score_note(note: AcledNote, events: Sequence[Event], iso_by_name: dict[str, str]) -> AcledReport:
    rep = AcledReport(notes=1)
    ev = top_event(events)
    rep.found = int(ev is not None)
    predicted_sub = (ev.acled_sub_event_type if ev else None) or NONE
    rep.pairs.append((note.sub_event_type, predicted_sub))
    f = rep.fields
    f["event_type"].add(ev is not None and ev.acled_event_type == note.event_type)
    f["sub_event_type"].add(predicted_sub == note.sub_event_type)
    for role, name, inter in ((1, note.actor1, note.inter1), (2, note.actor2, note.inter2)):
        # the coder knows neither the note's country nor its actors: the event's place says where
        country, code = acled_actor(ev, role, ev.place.country if ev.place else None) if ev else (None, 0)
        gold_country = actor_country(name, iso_by_name)
        if gold_country is None and inter in (2, 3, 4):
            # ACLED's non-state groups belong to their country of operation
            gold_country = iso_by_name.get(note.country, note.iso3)
        if inter:
            if gold_country:
                f[f"actor{role}_country"].add(country == gold_country)
            f[f"actor{role}_inter"].add(code == inter)
        # a second actor where ACLED codes none is spurious, and a missing one is missed
        f[f"actor{role}_present"].add(bool(code) == bool(inter))
    place = ev.place if ev else None
    near = place is not None and place.latitude is not None and \
        haversine_km(place.latitude, place.longitude, note.latitude, note.longitude) <= PLACE_KM  # fmt: skip
    if note.latitude is not None:
        f["place_25km"].add(near)
    if note.admin1:
        f["admin1"].add(place is not None and bool(place.admin1) and _admin_key(place.admin1) in _division_keys(note.admin1, note.iso3))
    deaths = sum(int(q.value) for q in ev.quantities if q.unit == "fatalities") if ev else None
    f["fatalities_exact"].add(deaths == note.fatalities)
    f["date_exact"].add(ev is not None and ev.date.date is not None and ev.date.date.isoformat() == note.event_date)
    return rep


def score_notes(notes: Iterable[AcledNote], events_by_note: dict[str, Sequence[Event]],
                iso_by_name: dict[str, str]) -> AcledReport:  # fmt: skip
    rep = AcledReport()
    for note in notes:
        rep.merge(score_note(note, events_by_note.get(note.id, ()), iso_by_name))
    return rep


FIELD_ORDER = ("event_type", "sub_event_type", "actor1_country", "actor1_inter", "actor2_present", "actor2_country",
               "actor2_inter", "place_25km", "admin1", "fatalities_exact", "date_exact")  # fmt: skip


def format_reports(columns: dict[str, AcledReport]) -> str:
    """Figures side by side, one column per split ("dev (CV)", "test")."""
    names = list(columns)
    head = f"{'':<26}" + "".join(f"{n:>16}" for n in names)
    lines = [head, f"{'notes':<26}" + "".join(f"{columns[n].notes:>16d}" for n in names)]
    lines.append(f"{'with an event':<26}" + "".join(f"{columns[n].found / max(1, columns[n].notes):>16.1%}" for n in names))
    lines.append(f"{'sub-event weighted F1':<26}" + "".join(f"{columns[n].weighted_f1():>16.3f}" for n in names))
    for key in FIELD_ORDER:
        cells = []
        for n in names:
            r = columns[n].fields.get(key)
            cells.append(f"{r.value:>9.1%} n={r.total:<4d}" if r and r.total else f"{'-':>16}")
        lines.append(f"{key:<26}" + "".join(cells))
    return "\n".join(lines) + "\n"


def format_confusion(rep: AcledReport, top: int = 12) -> str:
    """Rows: ACLED's sub-event type; cells: what the coder said, most frequent first."""
    lines = ["gold sub-event type (n): predicted (count), most frequent first"]
    for gold, row in sorted(rep.confusion().items(), key=lambda kv: -sum(kv[1].values())):
        n = sum(row.values())
        cells = ", ".join(f"{p} {c}" for p, c in row.most_common(4))
        lines.append(f"  {gold} ({n}): {cells}")
        if len(lines) > top + 1:
            break
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------- country-held-out runs

@dataclass
class AcledRun:
    """Everything an ACLED evaluation needs, parsed once: notes, their docs, the negatives' features."""

    notes: list[AcledNote]
    docs: list
    note_feats: list
    negatives: list
    iso_by_name: dict[str, str]


def prepare(notes_path, negatives_path=None, backend=None, rules=None) -> AcledRun:
    """Read and parse the notes (and the LGL articles whose sentences are the "none" examples).
    ``rules``: the rules-only coder whose reading of each sentence the classifier sees."""
    import json

    from ..acled import read_notes
    from ..classify.train import negative_features, note_features
    from ..coder import Coder
    from ..document import SpacyBackend
    from .corpus import parse_cached

    backend = backend or SpacyBackend()
    notes = read_notes(notes_path)
    docs = parse_cached([n.text for n in notes], backend)
    rules = rules or Coder(classifier=None)
    negatives = []
    if negatives_path is not None:
        with open(negatives_path, encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh if line.strip()]
        negatives = negative_features(parse_cached(texts, backend), rules)
    iso = country_codes(notes)
    return AcledRun(notes, docs, note_features(docs, rules), negatives, iso)


def _code_notes(run: AcledRun, coder, keep) -> dict[str, list[Event]]:
    from ..article import Article
    from ..document import Document

    return {n.id: coder.code(Document(Article(n.id, n.text), d)) for n, d in zip(run.notes, run.docs) if keep(n)}


def cross_validate(run: AcledRun, make_coder, *, k: int = 5, learned: bool = True) -> dict[str, AcledReport]:
    """Dev figures by k-1 country folds (each scored by a model trained on the other dev folds)
    and test figures on the held-out fold (a model trained on every dev fold).

    ``make_coder(classifier)`` builds the coder to score; with ``learned=False`` it is given
    None and the rules alone are scored, on the same splits."""
    from ..acled import TEST_FOLD, country_folds
    from ..classify.train import build_training_set, train_classifier

    folds = country_folds(n.iso3 for n in run.notes)
    dev, test = AcledReport(), AcledReport()
    for fold in range(k):
        classifier = None
        if learned:
            def keep_train(n, fold=fold):
                return folds[n.iso3] not in (fold, TEST_FOLD)
            classifier = train_classifier(build_training_set(run.notes, run.note_feats, run.negatives, keep_note=keep_train))
        scored = [n for n in run.notes if folds[n.iso3] == fold]
        events = _code_notes(run, make_coder(classifier), lambda n, fold=fold: folds[n.iso3] == fold)
        (test if fold == TEST_FOLD else dev).merge(score_notes(scored, events, run.iso_by_name))
    return {"dev": dev, "test": test}
