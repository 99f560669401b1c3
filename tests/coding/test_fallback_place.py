"""Where an event is put when its own sentence names no place of it (written in new wording)."""

import pytest

from eventwire.coder import Coder
from eventwire.geo.resolve import haversine_km
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def rules():
    return Pipeline(coder=Coder(classifier=None))


def first(pipeline, text, etype):
    return next(e for e in pipeline.extract(text, published="2021-04-13") if e.type == etype)


def test_an_act_with_no_place_is_where_its_partys_story_last_was(rules):
    # a new paragraph: no scene carries over, but the story is still at Goma
    text = ("Congolese soldiers shelled rebel positions near Goma on Monday.\n\n"
            "On Tuesday, Congolese soldiers arrested three rebel commanders.")  # fmt: skip
    arrest = first(rules, text, "COERCE")
    assert (arrest.place.name, arrest.place.country) == ("Goma", "COD")


def test_a_statement_with_no_place_is_put_in_its_speakers_country_not_at_the_scene_before_it(rules):
    text = ("Congolese soldiers shelled rebel positions near Goma on Monday.\n\n"
            "The army's spokesman accused the rebels of breaking the truce.")  # fmt: skip
    accuse = first(rules, text, "ACCUSE")
    assert (accuse.place.country, accuse.place.geo_precision, accuse.place.text) == ("COD", "country", "The army's spokesman")


def test_an_act_with_no_place_in_a_datelined_report_is_at_the_dateline(rules):
    accuse = first(rules, "Nairobi (Wire) — Striking nurses demanded higher pay on Tuesday.", "REQUEST")
    assert (accuse.place.name, accuse.place.country) == ("Nairobi", "KEN")


def test_a_states_act_with_no_place_is_coded_to_its_country_with_that_precision(rules):
    accuse = first(rules, "The Malawian government condemned the teachers' strike on Monday.", "ACCUSE")
    assert (accuse.place.country, accuse.place.geo_precision) == ("MWI", "country")


def test_a_statement_that_names_only_what_it_asks_for_is_placed_in_its_speakers_country(rules):
    request = first(rules, "The Kenyan foreign minister urged Uganda on Monday to free the journalists held in Kampala.", "REQUEST")
    assert (request.place.country, request.place.geo_precision) == ("KEN", "country")


def test_a_surname_read_as_no_place_leaves_the_act_where_the_story_was(rules):
    text = ("Turkish police detained the American pastor Daniel Tyler in Izmir in March.\n\n"
            "In June, Tyler was arrested again, his lawyer said.")  # fmt: skip
    again = [e for e in rules.extract(text, published="2021-07-01") if e.type == "COERCE"][-1]
    assert again.place.name == "Izmir"
