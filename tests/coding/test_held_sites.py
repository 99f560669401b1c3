"""An act on what an armed side holds is done to that side, on sentences written for these tests:
a class of target that ACLED's coding of dev notes showed missed (session 29, actors29)."""

import pytest

from coding_helpers import code
from test_inter_classes import inter_codes

from eventwire.evaluation.acled import top_event


@pytest.mark.parametrize(
    "text, inters",
    [
        # a store, a post or a camp the data has no row for, told with its holder by "belonging to",
        # "of" or an acronym before it: the holder is actor 2 (a group known by its acronym: rebels)
        ("On 4 April 2022, army gunners shelled a fuel depot belonging to the VDF east of Marran.", (1, 2)),
        ("On 4 April 2022, rebel fighters fired rockets at a supply post of the army near Kosta.", (2, 1)),
        ("On 4 April 2022, warplanes bombed a VDF training camp in the hills above Ostrel.", (1, 2)),
        ("On 4 April 2022, helicopter gunships struck an arms cache belonging to insurgents near Lemvo.", (1, 2)),
    ],
)
def test_an_act_on_what_an_armed_side_holds_is_done_to_it(nlp, coder, text, inters):
    assert inter_codes(nlp, coder, text) == inters


@pytest.mark.parametrize(
    "text",
    [
        # a place's own name before or after its word is no holder, whatever the parser tags it
        "On 4 April 2022, artillery shelled the Dorvani area of Marran district.",
        "On 4 April 2022, aircraft bombed the village of Kelmora in Ostrel province.",
    ],
)
def test_a_place_named_is_no_armed_holder(nlp, coder, text):
    event = top_event(code(nlp, coder, text))
    assert event is not None
    assert event.target is None or event.target.sector not in ("military", "police", "rebels", "unknown")
