"""How much the learned classifier's decisions move between two builds, on ACLED's dev folds only.

For each dev fold k (``eventwire.acled.country_folds``; the test fold is left out of everything:
never trained on, never scored), the classifier is trained on the other dev folds twice:

- A: as ``eventwire train`` would (seed ``SEED``, every LGL "none" sentence);
- B: a small perturbation like the ones between two builds: another seed (``SEED + 1``) and
  a random 2 % of the LGL "none" sentences dropped (a fixed draw, seed 0).

Then, on fold k's notes:

- detector flips (notes): of the notes in which the rules find no ACLED trigger, the share whose
  "the classifier codes an event here" decision differs between A and B (some sentence with no
  ACLED trigger has p(event) >= ``NEW_EVENT_P``, the coder's ``new_event_p``);
- detector flips (sentences): the same decision per sentence, over every sentence without an
  ACLED trigger;
- mean |dp|: the mean change of p(event) over those sentences;
- typer flips: of all the notes, the share whose most likely sub-event type (the typer on the
  whole note, as the coder reads a paragraph) differs between A and B.

With ``--f1``, the coder with model A is also run on fold k's notes and scored as
``eventwire evaluate --acled`` scores its dev column (sub-event weighted F1, share of notes with
an event). Figures are summed over the four dev folds.

    PYTHONPATH=src python bench/classifier_stability.py --f1 \\
        --setting base --setting anneal=0,epochs=12 --setting l2=1e-4

("base" is the shipped settings; ``--perturb hints`` makes B a change in the rules' reading instead:
the same seed, the trigger features taken from a random 2 % of the training sentences.)
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
import time

from eventwire.acled import TEST_FOLD, country_folds
from eventwire.classify.features import rule_hints, sentence_features
from eventwire.classify.train import ANNEAL, EPOCHS, L2, MIN_COUNT, RUNS, SEED, build_training_set, train_classifier
from eventwire.coder import Coder
from eventwire.evaluation.acled import AcledReport, _code_notes, prepare, score_notes
from eventwire.evaluation.run import ACLED_FILE, LGL_FILE, locate

NEW_EVENT_P = Coder.new_event_p
DROP = 0.02


def parse_setting(text: str) -> tuple[str, dict]:
    """"base" or "l2=1e-4,runs=10": the training settings that differ from the shipped ones."""
    kw: dict = {}
    if text != "base":
        for part in text.split(","):
            key, value = part.split("=")
            kw[key] = float(value) if key == "l2" else value == "1" if key == "anneal" else int(value)
    return text, kw


def sentence_rows(run, rules: Coder) -> list[list[tuple[list[str], bool]]]:
    """Per note, per sentence: (features, whether the rules find an ACLED trigger in it)."""
    out = []
    for doc in run.docs:
        row = []
        for sent in doc.sents:
            triggers = rules._triggers(sent)
            row.append((sentence_features(sent, rule_hints(t.spec.key for t in triggers)), any(t.spec.acled for t in triggers)))
        out.append(row)
    return out


def decisions(clf, sents, whole):
    """(per sentence without an ACLED trigger: p(event)), the note's typer top type."""
    ev = clf.detector.labels.index("event")
    ps = [float(clf.detector.proba(f)[ev]) for f, acled in sents if not acled]
    dist = clf.typer.proba(whole)
    return ps, clf.typer.labels[int(dist.argmax())]


def _without_hints(feats: list[str]) -> list[str]:
    return [f for f in feats if not f.startswith("t:")]


def measure(run, rows, folds, kw: dict, *, f1: bool, rules: Coder, perturb: str = "seed+drop") -> dict:
    dev_folds = sorted({f for f in folds.values() if f != TEST_FOLD})
    note_feats_b, seed_b = run.note_feats, kw.get("seed", SEED) + 1
    if perturb == "hints":
        # the rules' reading of a random 2 % of the training sentences changes (their trigger
        # features are gone), as a rule change does; the seed is the same
        rng, seed_b = random.Random(0), kw.get("seed", SEED)
        negatives_b = [_without_hints(f) if rng.random() < DROP else f for f in run.negatives]
        note_feats_b = [(_without_hints(a), _without_hints(b)) if rng.random() < DROP else (a, b) for a, b in run.note_feats]
    else:
        keep_neg = random.Random(0).sample(range(len(run.negatives)), round(len(run.negatives) * (1 - DROP)))
        negatives_b = [run.negatives[i] for i in sorted(keep_neg)]
    silent = silent_flips = sent_n = sent_flips = typer_flips = notes = 0
    dp = 0.0
    silent_coded = 0
    report = AcledReport()
    for fold in dev_folds:
        def keep_train(n, fold=fold):
            return folds[n.iso3] not in (fold, TEST_FOLD)

        a = train_classifier(build_training_set(run.notes, run.note_feats, run.negatives, keep_note=keep_train), **kw)
        b = train_classifier(build_training_set(run.notes, note_feats_b, negatives_b, keep_note=keep_train),
                             **{**kw, "seed": seed_b})  # fmt: skip
        for note, sents, (_, whole) in zip(run.notes, rows, run.note_feats):
            if folds[note.iso3] != fold:
                continue
            notes += 1
            pa, ta = decisions(a, sents, whole)
            pb, tb = decisions(b, sents, whole)
            typer_flips += ta != tb
            da = [p >= NEW_EVENT_P for p in pa]
            db = [p >= NEW_EVENT_P for p in pb]
            sent_n += len(pa)
            sent_flips += sum(x != y for x, y in zip(da, db))
            dp += sum(abs(x - y) for x, y in zip(pa, pb))
            if not any(acled for _, acled in sents):
                silent += 1
                silent_flips += any(da) != any(db)
                silent_coded += any(da)
        if f1:
            coder = dataclasses.replace(rules, classifier=a)
            scored = [n for n in run.notes if folds[n.iso3] == fold]
            report.merge(score_notes(scored, _code_notes(run, coder, lambda n, fold=fold: folds[n.iso3] == fold), run.iso_by_name))
    out = {
        "notes": notes, "silent_notes": silent, "silent_coded_A": silent_coded,
        "detector_flips_notes": silent_flips / max(1, silent), "detector_flips_sentences": sent_flips / max(1, sent_n),
        "mean_abs_dp": dp / max(1, sent_n), "typer_flips": typer_flips / max(1, notes),
    }  # fmt: skip
    if f1:
        out.update(dev_f1=report.weighted_f1(), dev_coverage=report.found / max(1, report.notes))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--acled", default=None, help=f"ACLED notes (default: shared/data/{ACLED_FILE})")
    ap.add_argument("--negatives", default=None, help=f"LGL articles (default: shared/data/{LGL_FILE})")
    ap.add_argument("--setting", action="append", default=[], help='"base", or e.g. "l2=1e-4,runs=10,epochs=8,min_count=5,anneal=1"')
    ap.add_argument("--f1", action="store_true", help="also run the coder on the dev folds for F1 and coverage")
    ap.add_argument("--perturb", choices=("seed+drop", "hints"), default="seed+drop",
                    help="B: another seed and 2 %% of the LGL sentences dropped, or the same seed and the rules' "
                         "trigger features taken from 2 %% of the training sentences")  # fmt: skip
    ap.add_argument("--json", default=None, help="write the figures here too")
    args = ap.parse_args(argv)
    rules = Coder(classifier=None)
    run = prepare(locate(args.acled, ACLED_FILE), locate(args.negatives, LGL_FILE), rules=rules)
    rows = sentence_rows(run, rules)
    folds = country_folds(n.iso3 for n in run.notes)
    what = (f"the rules' trigger features taken from {DROP:.0%} of the training sentences" if args.perturb == "hints"
            else f"seed+1 and {DROP:.0%} of {len(run.negatives)} LGL sentences dropped")  # fmt: skip
    print(f"shipped settings: l2={L2:g} runs={RUNS} epochs={EPOCHS} min_count={MIN_COUNT} anneal={ANNEAL:d}; B = {what}")
    print(f"{'setting':<28}{'det flips notes':>16}{'det flips sents':>16}{'mean |dp|':>10}{'typer flips':>12}"
          f"{'dev F1':>8}{'dev cov':>8}{'s':>6}")  # fmt: skip
    results = {}
    for name, kw in map(parse_setting, args.setting or ["base"]):
        t0 = time.time()
        r = measure(run, rows, folds, kw, f1=args.f1, rules=rules, perturb=args.perturb)
        r["seconds"] = round(time.time() - t0, 1)
        results[name] = r
        f1 = f"{r['dev_f1']:>8.3f}{r['dev_coverage']:>8.1%}" if args.f1 else f"{'-':>8}{'-':>8}"
        print(f"{name:<28}{r['detector_flips_notes']:>9.1%} of {r['silent_notes']:<4d}{r['detector_flips_sentences']:>16.2%}"
              f"{r['mean_abs_dp']:>10.4f}{r['typer_flips']:>12.2%}{f1}{r['seconds']:>6.0f}", flush=True)  # fmt: skip
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
