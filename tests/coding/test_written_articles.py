"""The whole articles written for the tests (tests/fixtures/articles24/): the held-out twelve are only
measured, never studied or tuned on; the probe twelve are where the coder's errors were looked for."""

from written_articles import report

# Held-out articles, rules only: 57 gold events. Before any change (2026-12-01) 65 predicted, detection
# F1 0.754 (P 0.708, R 0.807), typed 0.672 (P 0.631, R 0.719), 2 of 4 no-event articles left empty;
# after the session's fixes the same (none of the classes fixed is among its errors, it seems). The
# floors are one matched event below (46 detected, 41 typed).
HELD_OUT_DETECTION_FLOOR = 0.737
HELD_OUT_TYPED_FLOOR = 0.655


def test_the_rules_on_the_held_out_written_articles(nlp, coder):
    rep = report(nlp, coder, "heldout")
    print(f"\narticles24 held-out: {rep.gold} gold, {rep.predicted} predicted, detection F1 {rep.detection_f1:.3f}, "
          f"typed F1 {rep.typed_f1:.3f}")  # fmt: skip
    assert rep.gold == 57
    assert rep.detection_f1 >= HELD_OUT_DETECTION_FLOOR
    assert rep.typed_f1 >= HELD_OUT_TYPED_FLOOR
