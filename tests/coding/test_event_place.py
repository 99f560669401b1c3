"""Where an event is put on the map when its report names only a wide area (written in new wording)."""

import pytest

from eventwire.coder import Coder
from eventwire.geo.resolve import haversine_km
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def rules():
    return Pipeline(coder=Coder(classifier=None))


def the_request(pipeline, text):
    return next(e for e in pipeline.extract(text, published="2021-03-04") if e.type == "REQUEST")


def placed(pipeline, text, published):
    """The first event of ``text`` that has a place."""
    return next(e for e in pipeline.extract(text, published=published) if e.place is not None)


def test_an_event_known_only_to_its_province_is_put_at_the_provinces_seat(rules):
    # ACLED codes such an event to the provincial capital; the middle of Punjab's land is 160 km from Lahore
    text = "On 3 March 2021, farmers protested in Punjab province over water shortages."
    protest = next(e for e in rules.extract(text, published="2021-03-04") if e.type == "PROTEST")
    place = protest.place
    assert (place.country, place.geo_precision) == ("PAK", "admin1")
    assert haversine_km(place.latitude, place.longitude, 31.55, 74.34) < 25


def test_a_town_keeps_its_own_point(rules):
    text = "On 3 March 2021, farmers protested in Multan, Punjab, over water shortages."
    protest = next(e for e in rules.extract(text, published="2021-03-04") if e.type == "PROTEST")
    place = protest.place
    assert (place.name, place.geo_precision) == ("Multan", "exact")
    assert haversine_km(place.latitude, place.longitude, 30.2, 71.47) < 25


def test_a_town_named_with_city_after_it_is_the_town(rules):
    # "Maidan Shar city" as one name is nothing the gazetteer holds but a namesake abroad; the keyword
    # says a town is named before it
    text = "On 9 June 2021, gunmen torched two fuel tankers in Maidan Shar city, Wardak, before dawn."
    arson = placed(rules, text, "2021-06-10")
    assert (arson.place.name, arson.place.country, arson.place.geo_precision) == ("Maidan Shar", "AFG", "exact")


def test_the_town_a_bearing_is_told_from_is_not_where_it_happened(rules):
    # the district is where the patrol was; the city is only the point it lies west of
    text = "Gunmen ambushed a patrol in Zhari district west of Kandahar on Friday."
    ambush = placed(rules, text, "2021-06-07")
    assert ambush.place.name == "Zhari" and ambush.place.country == "AFG"


def test_a_part_named_before_its_district_lies_in_it_not_at_a_namesake_abroad(rules):
    # Kahnuj is a town in Iran; as an area of an Afghan district it is that district's, and falls back to it
    text = "On 9 June 2021, two groups clashed with sticks in the Kahnuj area of Azra district, Logar."
    clash = placed(rules, text, "2021-06-10")
    assert clash.place.country == "AFG" and clash.place.anchor == "Azra"


def test_a_big_town_before_area_of_is_the_whole_not_a_part(rules):
    # "the Tehran area of ...": a big town by its own name keeps its reading
    text = "On 9 June 2021, workers protested in the Tehran area of Shemiranat on Monday."
    protest = placed(rules, text, "2021-06-10")
    assert protest.place.country == "IRN"


def test_a_neighbourhood_named_with_its_word_is_no_namesake_of_the_word(rules):
    # "Colonia" alone is a Uruguayan department, and "Colonia El Carmen" a hamlet abroad: a neighbourhood of
    # the town the report is about is in that town's state
    text = ("On 3 June 2021, in Guadalajara, Jalisco, two men were shot dead in Colonia Las Juntas. "
            "Also, a woman was shot dead in Colonia El Carmen.")  # fmt: skip
    events = [e for e in rules.extract(text, published="2021-06-04") if e.place is not None]
    assert events and all(e.place.country == "MEX" for e in events)
    assert any(e.place.name == "Colonia El Carmen" and e.place.admin1 == "Jalisco" for e in events)


def test_a_small_namesake_outside_the_sentences_town_and_state_is_not_read_there(rules):
    # "in Manzanillo, Colima" sets the sentence; La Joya is a neighbourhood there, not the town of that name
    # in another state
    text = "On 6 June 2021, in Manzanillo, Colima, gunmen in a pickup shot a man in fraccionamiento La Joya."
    shooting = placed(rules, text, "2021-06-07")
    assert (shooting.place.country, shooting.place.admin1) == ("MEX", "Colima")
    assert shooting.place.anchor == "Manzanillo"


def test_a_road_called_after_a_town_is_less_sure_than_the_town_it_is_said_to_be_in(rules):
    # Kohat road runs through Peshawar towards Kohat, 60 km away
    text = "Police dispersed a crowd on Kohat road in Peshawar city on Sunday."
    event = placed(rules, text, "2021-06-07")
    assert event.place.name == "Peshawar"


def test_a_town_its_division_qualifies_is_no_neighbourhood_whatever_word_opens_its_name(rules):
    # "Vila" opens neighbourhoods' names in Brazil, and Vila Velha's too; "Vila Velha, Espirito Santo" is the town
    text = "On 2 June 2021, in Vila Velha, Espirito Santo, police seized rifles that had been stolen in Salvador."
    seizure = placed(rules, text, "2021-06-03")
    assert (seizure.place.name, seizure.place.admin1, seizure.place.geo_precision) == ("Vila Velha", "Espirito Santo", "exact")


def test_a_report_naming_no_country_is_placed_by_its_leads_demonyms(rules):
    # Bagram is only an Iranian village to the gazetteer; a report of Afghan police names no country but theirs
    text = "On 3 June 2021, Afghan police arrested four men in Bagram."
    arrest = placed(rules, text, "2021-06-04")
    assert arrest.place.country == "AFG"


def test_a_demonym_does_not_outweigh_a_country_the_report_names(rules):
    text = "On 3 June 2021, in Kilkis, Greece, residents rallied against Afghan migrants being housed in a hotel."
    rally = placed(rules, text, "2021-06-04")
    assert rally.place.country == "GRC"


@pytest.mark.parametrize(
    "text, name",
    [
        ("On 30 May 2021, gunmen attacked two villages in Kankara LGA (Katsina) and killed five people.", "Kankara"),
        ("On 30 May 2021, rival groups clashed in Daudkandi Upazila (Comilla) over a land dispute.", "Daudkandi"),
    ],
)
def test_a_second_level_division_by_its_local_word_is_where_it_happened_not_its_bracket(rules, text, name):
    event = placed(rules, text, "2021-05-31")
    assert event.place.name == name


def test_a_name_runs_on_over_the_persian_joining_particle(rules):
    # "Kut" alone is the Iraqi city; "Kut e Abdollah" is a town in Khuzestan
    text = "On 4 June 2021, about 40 workers in Kut e Abdollah protested against unpaid wages."
    protest = placed(rules, text, "2021-06-05")
    assert (protest.place.name, protest.place.country) == ("Kut e Abdollah", "IRN")


def test_a_party_below_the_state_acts_where_the_story_is_told(rules):
    text = ("Tenants' groups held a meeting in Winnipeg on Monday to plan their campaign.\n\n"
            "Canadian housing advocates urged the province to freeze rents, a spokesperson said.")
    request = the_request(rules, text)
    assert (request.place.name, request.place.geo_precision) == ("Winnipeg", "exact")


def test_a_states_act_with_no_place_named_is_its_countrys(rules):
    text = ("Tenants' groups held a meeting in Winnipeg on Monday to plan their campaign.\n\n"
            "The Canadian government urged the provinces to freeze rents, a spokesperson said.")
    request = the_request(rules, text)
    assert (request.place.country, request.place.geo_precision) == ("CAN", "country")


def test_a_place_is_not_read_in_the_country_of_an_actor_its_own_name_gave(rules):
    # "a London vigil": the organisers' country is only the name's commonest reading, no evidence of
    # which London the article means
    text = ("Organizers of a London vigil urged Ottawa to do more for refugees.\n"
            "The vigil in London, Ontario drew hundreds of people on Sunday.")
    request = the_request(rules, text)
    assert (request.place.name, request.place.country) == ("London", "CAN")
