"""Session 26's classes of the event's place in ACLED-style notes, on sentences written for these
tests (real public-knowledge towns): a town qualified by a province that is its country's second
level of division is read in that province, not at a namesake elsewhere; and an official shot
dead is a civilian attacked, whatever country the place gives the official's government."""

import pytest
from coding_helpers import code

from eventwire.evaluation.acled import top_event
from eventwire.geo.resolve import haversine_km


@pytest.mark.parametrize(
    "text, lat, lon",
    [
        # provinces of a country whose first level is its regions: GeoNames' second level
        ("On 9 March 2021, gunmen killed a farmer in Santa Maria, Laguna.", 14.47, 121.43),
        ("On 9 March 2021, gunmen killed a farmer in San Luis, Batangas.", 13.86, 120.92),
        ("On 9 March 2021, gunmen killed a farmer in San Jose, Nueva Ecija.", 15.79, 120.99),
        # of the province's namesakes in its region, the one beside the province's point
        ("On 9 March 2021, gunmen killed a farmer in Santa Cruz, Laguna.", 14.28, 121.42),
    ],
)
def test_a_town_a_second_level_province_qualifies_is_its_namesake_there(nlp, coder, text, lat, lon):
    place = top_event(code(nlp, coder, text)).place
    assert place.country == "PHL"
    assert haversine_km(place.latitude, place.longitude, lat, lon) <= 25


def test_a_town_a_second_level_province_qualifies_is_in_that_provinces_region(nlp, coder):
    # (the gazetteer lacks the town itself: its namesake in the province's region, not one far south)
    place = top_event(code(nlp, coder, "On 4 May 2020, police shot dead a drug suspect in Santa Maria, Bulacan.")).place
    assert (place.country, place.admin1) == ("PHL", "Central Luzon")


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


@pytest.mark.parametrize(
    "text, name",
    [
        ("On 3 May 2021, gunmen killed two policemen in Gulran district center, Herat.", "Gulran"),
        ("On 3 May 2021, a roadside bomb struck a police vehicle in Nad Ali district center, Helmand.", "Nad Ali"),
    ],
)
def test_a_district_center_before_its_province_is_the_district_not_the_province(nlp, coder, text, name):
    # ("center" is the district's seat: the province after it qualifies the district, it is no place of the act)
    assert top_event(code(nlp, coder, text)).place.name == name
