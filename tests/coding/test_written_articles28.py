"""The everyday news articles written for the tests (tests/fixtures/articles28/): crime, courts,
business, sport, weather, accidents, councils, strikes, an obituary and an anniversary, most with no
political event. The held-out ten are only measured, never studied or tuned on; the probe ten are
where invented events were looked for. What is pinned is as much what the rules leave out (the
articles with no event kept empty) as what they find."""

from pathlib import Path

from written_articles import report

ARTICLES28 = Path(__file__).parent.parent / "fixtures" / "articles28"

# Held-out articles, rules only: 16 gold events, 5 articles with none. Before any change (2026-12-01)
# and after the session's fixes alike: 17 predicted, 10 detected (F1 0.606), 6 typed (F1 0.364), 4 of
# the 5 no-event articles kept empty. The floors are one matched event (or article) below.
HELD_OUT_DETECTION_FLOOR = 0.545  # 9 of 16 / 17
HELD_OUT_TYPED_FLOOR = 0.303  # 5 of 16 / 17
HELD_OUT_EMPTY_FLOOR = 3


def test_the_rules_on_the_held_out_everyday_articles(nlp, coder):
    rep = report(nlp, coder, "heldout", ARTICLES28)
    print(f"\narticles28 held-out: {rep.gold} gold, {rep.predicted} predicted, detection F1 {rep.detection_f1:.3f}, "
          f"typed F1 {rep.typed_f1:.3f}, no-event articles kept empty {rep.articles_without_events.correct}/"
          f"{rep.articles_without_events.total}")  # fmt: skip
    assert rep.gold == 16
    assert rep.detection_f1 >= HELD_OUT_DETECTION_FLOOR
    assert rep.typed_f1 >= HELD_OUT_TYPED_FLOOR
    assert rep.articles_without_events.correct >= HELD_OUT_EMPTY_FLOOR


# Probe articles, rules only: 9 gold events, 7 articles with none. Before the session's fixes 16
# predicted, 6 detected (F1 0.480), 6 typed (F1 0.480), 4 of 7 no-event articles kept empty; after them
# 8 predicted, 6 detected and typed (F1 0.706), 7 of 7 kept empty. The floors are one matched event
# (or article) below.
PROBE_DETECTION_FLOOR = 0.588  # 5 of 9 / 8
PROBE_TYPED_FLOOR = 0.588
PROBE_EMPTY_FLOOR = 6


def test_the_rules_leave_the_probe_everyday_articles_mostly_empty(nlp, coder):
    rep = report(nlp, coder, "probe", ARTICLES28)
    assert rep.gold == 9
    assert rep.detection_f1 >= PROBE_DETECTION_FLOOR
    assert rep.typed_f1 >= PROBE_TYPED_FLOOR
    assert rep.articles_without_events.correct >= PROBE_EMPTY_FLOOR
