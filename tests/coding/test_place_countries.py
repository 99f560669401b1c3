"""The country of a note's place, read from the other names the note gives it: a division after a comma
that is one hyphenated name; a division's name that divisions of several countries share, told by the
country the rest of the note names; a bracket naming a department after a town named after it. The villages
are invented for these tests."""

import pytest

from eventwire.evaluation.acled import top_event
from eventwire.geo.resolve import haversine_km
from coding_helpers import code


@pytest.mark.parametrize("text, country, admin1, near", [
    # "Sud" alone is Haiti's Sud (and "Centre" Cameroon's, France's and Burkina Faso's): the qualifier is the
    # whole name
    ("On 3 June 2021, armed men shot dead a farmer in Kelmobo village (Shabunda, Sud-Kivu).", "COD", "South Kivu", None),
    ("On 3 June 2021, rebels abducted four farmers from Tarvaka village (Kalehe, Sud-Kivu).", "COD", "South Kivu", None),
    # and the village falls back to the territory named before it, not to the province's seat
    ("On 3 June 2021, a militiaman beat a trader in Kelmobo (Kalehe, Sud-Kivu).", "COD", "South Kivu", (-2.05, 28.64)),
])
def test_a_hyphenated_division_is_read_whole(nlp, coder, text, country, admin1, near):
    place = top_event(code(nlp, coder, text)).place
    assert (place.country, place.admin1) == (country, admin1)
    assert near is None or haversine_km(place.latitude, place.longitude, *near) <= 25


@pytest.mark.parametrize("text", [
    # Al Jawf is a province of Saudi Arabia and one of Yemen: the note's country says which, whatever the
    # people of the towns the gazetteer lists in each
    "On 5 June 2021, Houthi fighters attacked an army post in Al Jawf governorate, in northern Yemen.",
    "On 5 June 2021, Houthi rebels fired rockets at a market in Al Jawf governorate in the north of Yemen.",
])
def test_a_division_shared_by_two_countries_is_the_one_of_the_country_named(nlp, coder, text):
    place = top_event(code(nlp, coder, text)).place
    assert (place.country, place.admin1) == ("YEM", "Al Jawf")


@pytest.mark.parametrize("text, admin1", [
    # the bracket is the department (Paraguay's San Pedro, Concepcion), not one of the towns abroad of that name
    ("On 8 June 2021, in San Pedro de Kelmo (San Pedro), residents marched against the mayor.", "San Pedro"),
    ("On 8 June 2021, in Tarvo de Concepcion (Concepcion), ranchers blocked the highway.", "Concepcion"),
])
def test_a_bracket_that_names_a_department_is_the_department(nlp, coder, text, admin1):
    place = top_event(code(nlp, coder, text)).place
    assert (place.country, place.admin1) == ("PRY", admin1)
