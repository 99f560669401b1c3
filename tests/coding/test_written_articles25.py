"""The articles written for the tests in the genres of spurious events (tests/fixtures/articles25/): the
held-out ten are only measured, never studied or tuned on; the probe ten are where errors were looked for."""

from pathlib import Path

from written_articles import report

ARTICLES25 = Path(__file__).parent.parent / "fixtures" / "articles25"

# Held-out articles, rules only: 13 gold events, 5 articles with none. Before any change (2026-12-01)
# and after the session's fixes the same: 14 predicted, 10 detected (F1 0.741, P 0.714), 9 typed
# (F1 0.667), 5 of 5 no-event articles left empty. The floors are one matched event below (9 detected,
# 8 typed) and one empty article lost.
HELD_OUT_DETECTION_FLOOR = 0.666
HELD_OUT_TYPED_FLOOR = 0.592
HELD_OUT_EMPTY_KEPT_FLOOR = 4


def test_the_rules_on_the_held_out_articles_of_ordinary_news(nlp, coder):
    rep = report(nlp, coder, "heldout", ARTICLES25)
    print(f"\narticles25 held-out: {rep.gold} gold, {rep.predicted} predicted, detection F1 {rep.detection_f1:.3f}, "
          f"typed F1 {rep.typed_f1:.3f}, empty kept {rep.articles_without_events.correct}/{rep.articles_without_events.total}")  # fmt: skip
    assert rep.gold == 13
    assert rep.detection_f1 >= HELD_OUT_DETECTION_FLOOR
    assert rep.typed_f1 >= HELD_OUT_TYPED_FLOOR
    assert rep.articles_without_events.correct >= HELD_OUT_EMPTY_KEPT_FLOOR


# Probe articles, rules only: 20 gold events, 5 articles with none. Before the session's fixes 32
# predicted (detection F1 0.577, P 0.469), 2 of 5 no-event articles left empty; after them 18 predicted
# (F1 0.789, P 0.833), 5 of 5. The floor is one spurious event more (15 of 19).
PROBE_PRECISION_FLOOR = 0.789


def test_the_rules_find_few_events_in_the_probe_articles_of_ordinary_news(nlp, coder):
    rep = report(nlp, coder, "probe", ARTICLES25)
    assert rep.precision(rep.matched) >= PROBE_PRECISION_FLOOR
    assert rep.articles_without_events.correct == 5
