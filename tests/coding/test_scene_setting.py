"""A paragraph whose lead sets its story somewhere, with no act read in it: the acts that follow
and name no place happened there (written in new wording)."""

import pytest

from eventwire.coder import Coder
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def rules():
    return Pipeline(coder=Coder(classifier=None))


def test_an_act_after_a_sentence_that_only_sets_the_scene_happened_there(rules):
    text = ("On 12 April 2021, in Mzuzu, Malawi, vendors waited outside the market for the council's answer. "
            "Police later beat two of them with batons.")  # fmt: skip
    assault = next(e for e in rules.extract(text, published="2021-04-13") if e.type == "ASSAULT")
    assert (assault.place.name, assault.place.country) == ("Mzuzu", "MWI")


def test_the_scene_ends_with_its_paragraph(rules):
    text = ("On 12 April 2021, in Mzuzu, Malawi, vendors waited outside the market for the council's answer.\n\n"
            "Police later beat two of them with batons.")  # fmt: skip
    assault = next(e for e in rules.extract(text, published="2021-04-13") if e.type == "ASSAULT")
    assert assault.place is None or assault.place.name != "Mzuzu"


def test_a_place_an_act_comes_from_sets_no_scene(rules):
    text = "On 12 April 2021, vendors from Mzuzu waited for the council's answer. Police later beat two of them with batons."
    assault = next(e for e in rules.extract(text, published="2021-04-13") if e.type == "ASSAULT")
    assert assault.place is None or assault.place.name != "Mzuzu"


def test_an_act_whose_sentence_names_no_place_happened_where_the_next_sentence_says(rules):
    text = "On 12 April 2021, arsonists set fire to a council truck. The incident took place in Mzuzu, a lakeside city."
    arson = next(e for e in rules.extract(text, published="2021-04-13") if e.type in ("ASSAULT", "COERCE"))
    assert (arson.place.name, arson.place.geo_precision) == ("Mzuzu", "exact")


def test_a_place_told_in_another_paragraph_is_not_the_acts(rules):
    text = "On 12 April 2021, arsonists set fire to a council truck.\n\nThe council met in Mzuzu on Friday."
    arson = next(e for e in rules.extract(text, published="2021-04-13") if e.type in ("ASSAULT", "COERCE"))
    assert arson.place is None or arson.place.name != "Mzuzu"
