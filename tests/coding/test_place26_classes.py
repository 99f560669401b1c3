"""Session 26's classes in ACLED-style notes, on sentences written for these tests (real
public-knowledge towns): an official shot dead is a civilian attacked, whatever country the place
gives the official's government."""

import pytest
from coding_helpers import code

from eventwire.evaluation.acled import top_event


@pytest.mark.parametrize(
    "text",
    [
        "On 12 June 2020, unknown gunmen shot dead a senior ruling party official in Kisumu, Kenya.",
        "On 12 June 2020, gunmen shot dead a local government official in Mardan, Pakistan.",
        "On 12 June 2020, gunmen killed a district official near Kunduz city.",
        "On 9 March 2021, suspected rebels shot dead a barangay official in Daet, Camarines Norte.",
    ],
)
def test_an_official_killed_is_a_civilian_attacked_not_a_state_fought(nlp, coder, text):
    assert top_event(code(nlp, coder, text)).acled_sub_event_type == "Attack"
