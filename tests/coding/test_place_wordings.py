"""Where the act happened, on 100 held-out sentences of news and ACLED-note wording written for this
test (tests/fixtures/wordings/places_heldout.tsv: real towns of many countries with their approximate
coordinates; see its header): only measured, never tuned on."""

from pathlib import Path

from coding_helpers import places_placed_right

HELD_OUT = Path(__file__).parent.parent / "fixtures" / "wordings" / "places_heldout.tsv"
# 66 of 100 placed right before session 22's place changes, 66 after the division spellings and 67 after
# a party's seat ("a Vienna-based monitor") was no longer read as a place of acts (2026-12-01): the floor
# is one sentence below what they reach
HELD_OUT_RIGHT_FLOOR = 0.66


def test_the_rules_place_the_held_out_place_wordings(nlp, coder):
    sentences, right = places_placed_right(nlp, coder, HELD_OUT)
    assert sentences == 100
    print(f"\nplaces held-out: {sentences} sentences; placed right {right}")
    assert right / sentences >= HELD_OUT_RIGHT_FLOOR
