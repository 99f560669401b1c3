"""The held-out wordings of local and wire news (tests/fixtures/wordings/spurious23_heldout.tsv):
40 sentences that tell no political event and 20 that tell one, written before the fixes for
invented events and never tuned on."""

from pathlib import Path

from coding_helpers import code

HELD_OUT = Path(__file__).parent.parent / "fixtures" / "wordings" / "spurious23_heldout.tsv"
# 50 of 60 right before the fixes (no-event sentences left empty 32 of 40, event sentences with an
# event of their type 18 of 20) and 50 after them (2026-12-01: the fixes' classes, suppositions,
# funding told by no one, donations, a scene's "with" clause, builders' demolitions and appeals for
# donations, are not among its errors); the floor is one sentence below
HELD_OUT_FLOOR = 49


def test_the_rules_leave_local_news_without_politics_empty_and_code_the_politics(nlp, coder):
    lines = HELD_OUT.read_text(encoding="utf-8").splitlines()
    rows = [tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")][1:]
    assert len(rows) == 60 and sum(gold == "NONE" for _, gold in rows) == 40
    right = 0
    for text, gold in rows:
        found = {e.type for e in code(nlp, coder, text)}
        right += not found if gold == "NONE" else gold in found
    print(f"\nspurious23 held-out: {len(rows)} sentences, {right} right")
    assert right >= HELD_OUT_FLOOR
