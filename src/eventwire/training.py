"""``eventwire train``: rebuild the shipped event classifier from real text (and analysts'
corrections), measure it country-held-out, and write it with its card.

Reads ``shared/data`` (ACLED's notes and LGL's articles); nothing is copied into the project.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from dataclasses import replace
from importlib import resources
from pathlib import Path

from .acled import SUB_EVENT_PLOVER
from .classify import MODEL_DIR
from .classify.train import build_training_set, doc_features, train_classifier, write_card
from .coder import Coder
from .document import SpacyBackend
from .ontology import ACLED_EVENT_TYPES

# PLOVER types ACLED codes as events; a correction to any other type says "not an ACLED event"
_ACLED_TYPES = frozenset(t for t, _ in SUB_EVENT_PLOVER.values()) - {"AGREE", "RETREAT"}


def default_model_dir() -> Path:
    return Path(str(resources.files("eventwire").joinpath(MODEL_DIR)))


def correction_examples(db: str | None, rules: Coder | None = None) -> tuple[list[tuple[list[str], str | None, bool]], Counter]:
    """Type corrections in the store ``db`` as (features, sub-event type, is an ACLED event);
    ``rules`` is the rules-only coder whose reading of each sentence the classifier sees."""
    if not db:
        return [], Counter()
    from .store.corrections import corrected_sentences
    from .store.db import open_store

    store = open_store(db)
    try:
        rows, counts = corrected_sentences(store)
    finally:
        store.close()
    typed = [r for r in rows if r.field == "type"]
    nlp = SpacyBackend()
    rules = rules or Coder(classifier=None)
    out = []
    for row, doc in zip(typed, nlp.parse(r.sentence for r in typed)):
        _, feats = doc_features(doc, rules.sentence_hints(doc))
        new_type = str(row.value.get("value", row.value.get("type", ""))).upper()
        sub = row.value.get("acled_sub_event_type")
        out.append((feats, sub if sub in ACLED_EVENT_TYPES else None, new_type in _ACLED_TYPES))
    return out, counts


def train(notes: str | None = None, negatives: str | None = None, *, out: str | None = None, db: str | None = None,
          measure: bool = True, log=print) -> Path:  # fmt: skip
    from .evaluation.acled import cross_validate, prepare
    from .evaluation.run import ACLED_FILE, LGL_FILE, locate

    started = time.perf_counter()
    notes_path, negatives_path = locate(notes, ACLED_FILE), locate(negatives, LGL_FILE)
    base = Coder(classifier=None)
    run = prepare(notes_path, negatives_path, rules=base)
    corrections, counts = correction_examples(db, base)
    log(f"data: {len(run.notes)} ACLED notes, {len(run.negatives)} sentences with no event, "
        f"{len(corrections)} corrected sentences ({sum(counts.values())} corrections in the store)")  # fmt: skip
    figures: dict[str, dict] = {}
    if measure:
        reports = cross_validate(run, lambda clf: replace(base, classifier=clf))
        for split, rep in reports.items():
            figures[split] = {"notes": rep.notes, "sub-event weighted F1": round(rep.weighted_f1(), 3),
                              "event type": round(rep.fields["event_type"].value, 3),
                              "fatalities exact": round(rep.fields["fatalities_exact"].value, 3),
                              "date exact": round(rep.fields["date_exact"].value, 3)}  # fmt: skip
            log(f"{split}: {figures[split]}")
    data = build_training_set(run.notes, run.note_feats, run.negatives, corrections=corrections)
    model = train_classifier(data)
    directory = Path(out) if out else default_model_dir()
    model.save(directory)
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in (notes_path, negatives_path)}
    write_card(directory, data, figures, time.perf_counter() - started, counts, files)
    log(f"wrote {directory} in {time.perf_counter() - started:.0f} s")
    return directory
