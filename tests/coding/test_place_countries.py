"""The country of a note's place, read from the other names the note gives it: a division after a comma
that is one hyphenated name, ... The villages are invented for these tests."""

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
