"""The political news articles written for the tests (tests/fixtures/articles26/): the held-out ten are
only measured, never studied or tuned on; the probe ten are where missed events were looked for."""

from pathlib import Path

from written_articles import report

ARTICLES26 = Path(__file__).parent.parent / "fixtures" / "articles26"

# Held-out articles, rules only: 101 gold events. Before any change (2026-12-01) 100 predicted, 84
# detected (F1 0.836), 69 typed (F1 0.687); after the session's fixes 101 predicted, 85 detected (F1
# 0.842), 70 typed (F1 0.693). The floors are one matched event below (84 and 69 of 101 / 101).
HELD_OUT_DETECTION_FLOOR = 0.831
HELD_OUT_TYPED_FLOOR = 0.683


def test_the_rules_on_the_held_out_political_articles(nlp, coder):
    rep = report(nlp, coder, "heldout", ARTICLES26)
    print(f"\narticles26 held-out: {rep.gold} gold, {rep.predicted} predicted, detection F1 {rep.detection_f1:.3f}, "
          f"typed F1 {rep.typed_f1:.3f}")  # fmt: skip
    assert rep.gold == 101
    assert rep.detection_f1 >= HELD_OUT_DETECTION_FLOOR
    assert rep.typed_f1 >= HELD_OUT_TYPED_FLOOR


# Probe articles, rules only: 108 gold events. Before the session's fixes 109 predicted, 87 detected (F1
# 0.802), 80 typed (F1 0.737); after them 120 predicted, 96 detected (F1 0.842), 91 typed (F1 0.798).
# The floors are one matched event below (95 and 90 of 108 / 120).
PROBE_DETECTION_FLOOR = 0.833
PROBE_TYPED_FLOOR = 0.789


def test_the_rules_find_the_events_of_the_probe_political_articles(nlp, coder):
    rep = report(nlp, coder, "probe", ARTICLES26)
    assert rep.gold == 108
    assert rep.detection_f1 >= PROBE_DETECTION_FLOOR
    assert rep.typed_f1 >= PROBE_TYPED_FLOOR
