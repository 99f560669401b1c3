"""Places as short event reports write them: a village, then the divisions it lies in, and no country.

Classes of failure seen on the dev part of ACLED's notes, each written here in new wording (real
gazetteer places, invented sentences)."""

import pytest

from eventwire.article import make_article
from eventwire.document import parse_articles


def located(backend, geoparser, text):
    (doc,) = parse_articles([make_article(text, article_id="t", published="2021-03-02")], backend)
    return {m.text: m.location for m in geoparser.mentions(doc, every_toponym=True)}


# --- names with particles: "Rio Grande do Norte", "Sao Sebastiao da Boa Vista" -------------------


def test_a_name_runs_on_over_its_particles(backend, geoparser):
    # the model stops at "Sao Sebastiao", a namesake elsewhere in Brazil; the whole name is a town in Para
    found = located(backend, geoparser, "Fishermen in Sao Sebastiao da Boa Vista, Para, blocked the river port on Monday.")
    loc = found["Sao Sebastiao da Boa Vista"]
    assert loc.country == "BRA" and loc.admin1 == "Para" and loc.geo_precision == "exact"


def test_a_qualifier_with_particles_is_read_whole(backend, geoparser):
    # "Rio Grande" alone has readings abroad; "Rio Grande do Norte" is the Brazilian state around Natal
    found = located(backend, geoparser, "In Natal, Rio Grande do Norte, nurses walked off the job over unpaid wages.")
    assert found["Natal"].country == "BRA" and found["Natal"].admin1 == "Rio Grande do Norte"


def test_a_particle_before_no_known_name_leaves_the_name_alone(backend, geoparser):
    # "Lagos de Tarvo" is no place: the town is Lagos, and the run-on is not taken
    found = located(backend, geoparser, "Traders in Lagos de Tarvo market protested on Friday.")
    assert "Lagos de Tarvo" not in found


# --- brackets: the last of several names is a division -------------------------------------------


def test_the_last_name_of_a_bracket_is_the_division_not_a_town_abroad(backend, geoparser):
    # Bari is a big Italian city and a Somali region; after a village and its district it is the region
    found = located(backend, geoparser, "Gunmen ambushed a truck near Dhahar village (Badhan, Bari) on Tuesday.")
    assert found["Bari"].country == "SOM"
    assert found["Dhahar"].country == "SOM"


def test_a_bracket_is_read_as_the_division_holding_the_place_before_it(backend, geoparser):
    # the district is known to lie in Yemen's Ad Dali' province; "Ad Dali" is that province, not Dali in China
    found = located(backend, geoparser, "Shells fell on farms in Damt district (Ad Dali) overnight.")
    bracket = next(loc for text, loc in found.items() if "Dali" in text)
    assert bracket.country == "YEM" and bracket.geo_precision == "admin1"


# --- a province's namesake city, spelt otherwise by GeoNames ------------------------------------


def test_a_bare_name_of_a_province_and_its_big_city_is_the_city(backend, geoparser):
    # GeoNames calls the city "Homyel'" and the province "Gomel": a rally "in Gomel" is in the city
    found = located(backend, geoparser, "Drivers rallied in Gomel on Saturday against the new fuel tax.")
    loc = found["Gomel"]
    assert loc.country == "BLR" and loc.geo_precision == "exact"


# --- "in Town, Province": the province is the town's qualifier, whatever the model labels it ----------


def test_a_province_after_its_town_is_its_qualifier_even_when_labelled_a_person(backend, geoparser):
    found = located(backend, geoparser, "On Friday, in Tenabo, Campeche, farmers protested outside the town hall.")
    assert found["Tenabo"].geo_precision == "exact" and found["Tenabo"].admin1 == "Campeche"
    # the qualifier is where the town lies, read as the state, not the state's capital city
    assert found["Campeche"].geo_precision == "admin1"


# --- a part of a place, and a place told by its direction, whatever the model labels it ----------


def test_a_place_after_a_word_for_its_part_is_where_it_happened(backend, geoparser):
    # the model takes the city for an organisation; "the centre of" puts the protest in it
    found = located(backend, geoparser, "Bus drivers held a rally in the center of Skopje against the fuel tax.")
    assert found["Skopje"].country == "MKD" and found["Skopje"].relation == "in"
    found = located(backend, geoparser, "Gunmen attacked a checkpoint on the outskirts of Kandahar.")
    assert found["Kandahar"].country == "AFG"


def test_a_place_told_by_its_direction_is_found_when_the_model_mislabels_it(backend, geoparser):
    (doc,) = parse_articles([make_article("Militants attacked herders south of Rafah (Rafah, North Sinai) on Monday.",
                                          article_id="t", published="2021-03-02")], backend)  # fmt: skip
    relations = [(m.text, m.location.relation) for m in geoparser.mentions(doc, every_toponym=True)]
    assert ("Rafah", "south of") in relations



# --- "X city": the lower-case keyword after a town's name -----------------------------------------


def test_a_big_town_named_with_city_after_it_keeps_its_own_name(backend, geoparser):
    found = located(backend, geoparser, "Traders shut their shops in Kandahar city on Sunday to protest a new tax.")
    assert "Kandahar city" not in found
    assert found["Kandahar"].country == "AFG" and found["Kandahar"].geo_precision == "exact"


# --- a name the model cut at its start: "General" + "Santos", "Catole do" + "Rocha" ---------------


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("On 6 June 2021, a farmer was killed during a police raid in Barangay Poblacion, General Santos, South Cotabato.",
         "General Santos", "PHL"),
        ("On 7 June 2021, in Catole do Rocha, Paraiba, two brothers were shot by gunmen.", "Catole do Rocha", "BRA"),
    ],
)
def test_a_name_runs_back_over_the_words_the_model_left_out(backend, geoparser, text, name, country):
    found = located(backend, geoparser, text)
    assert found[name].country == country and found[name].geo_precision == "exact"


def test_a_big_town_elsewhere_keeps_its_reading_in_a_sentence_set_in_another_town(backend, geoparser):
    found = located(backend, geoparser, "On 6 June 2021, in Manzanillo, Colima, police arrested a trader from Guadalajara.")
    assert found["Guadalajara"].admin1 == "Jalisco" and found["Guadalajara"].geo_precision == "exact"



# --- another spelling in square brackets between a name and its divisions' bracket ---------------


def test_divisions_after_another_spelling_in_square_brackets_are_still_the_names(backend, geoparser):
    # "Hebron" alone has a big reading abroad; its bracket, after the spelling in square brackets, says
    # it is a village of Afgooye district in Lower Shabelle
    found = located(backend, geoparser, "On 3 June 2021, militants shelled Hebron [Xebroon] (Afgooye, Lower Shabelle), wounding two.")
    loc = found["Hebron"]
    assert loc.country == "SOM" and loc.admin1 == "Lower Shabeelle"


def test_a_country_before_a_bracket_of_divisions_is_no_village(backend, geoparser):
    # "the Central Bank of Ostland (Ardal, Dunval)": the bracket says where in the country, and the
    # country's name is not taken for a village of that name
    (doc,) = parse_articles([make_article(
        "On 3 June 2021, a grenade went off near the Central Bank of Kenya [Upper Hill] (Westlands, Nairobi Area).",
        article_id="t", published="2021-06-04")], backend)  # fmt: skip
    kenya = [p for places in geoparser.places(doc).by_sentence for p in places if p.name == "Kenya"]
    assert all(p.kind == "country" for p in kenya)


# --- a division's word written as part of its name: "Kachin State", "Magway Region" --------------


def test_a_name_before_a_capitalised_division_word_is_that_division(backend, geoparser):
    # the model reads "Magway Region" as a person and the list of divisions as no place at all
    found = located(backend, geoparser, "On 3 June 2021, in Tarvo village, Kelmar Township, Magway Region, soldiers "
                                        "burned twenty houses.")  # fmt: skip
    assert (found["Tarvo"].country, found["Tarvo"].admin1) == ("MMR", "Magway")


def test_a_qualifier_with_its_division_word_is_surely_one(backend, geoparser):
    # "Tabo" alone has namesakes abroad; "Tabo village, Kachin State" is a village in Kachin
    found = located(backend, geoparser, "On 3 June 2021, near Tabo village, Kachin State, troops clashed with rebels.")
    assert found["Tabo"].country == "MMR" and found["Tabo"].admin1 == "Kachin"


def test_a_name_before_a_division_word_the_gazetteer_lacks_is_no_place(backend, geoparser):
    found = located(backend, geoparser, "On 3 June 2021, Islamic State militants attacked a checkpoint near Tillaberi.")
    assert not any("Islamic" in name for name in found)


# --- a village is no province ---------------------------------------------------------------------


def test_a_village_named_like_a_province_is_not_the_province(backend, geoparser):
    # "Kandal" is also a province near the capital; the village lies in the province named after it
    found = located(backend, geoparser, "On 4 June 2021, police arrested three loggers in Kandal village of Preah Vihear province.")
    assert found["Kandal"].admin1 == "Preah Vihear"


# --- a name the gazetteer lacks, and the division written after it --------------------------------


def test_a_name_with_no_reading_lies_in_the_division_written_after_it(backend, geoparser):
    # the model may take the division for a person, and the comma might have opened a list: with no
    # reading of its own, the village still lies in the division named after it
    found = located(backend, geoparser, "On 3 June 2021, miners staged a sit-in in Tarvo, Zonguldak to demand safer shafts.")
    assert (found["Tarvo"].country, found["Tarvo"].admin1) == ("TUR", "Zonguldak")


# --- namesakes of comparable size: the rest of the note decides, not the bigger town's own vote ------


def test_a_town_with_a_bigger_namesake_abroad_is_read_where_the_notes_people_are(backend, geoparser):
    # Rafah of Gaza is the one town of the name over 100,000, so it alone would make the note about Gaza;
    # the note's people are Egyptian, and Egypt has its own Rafah
    found = located(backend, geoparser, "Egyptian police dispersed a crowd of smugglers in Rafah.")
    assert found["Rafah"].country == "EGY"
    found = located(backend, geoparser, "Tunisian teachers protested in front of the union office in Beja.")
    assert found["Beja"].country == "TUN"
    # but the note may point at the bigger one
    found = located(backend, geoparser, "A rocket hit a house in Rafah, Palestinian medics said.")
    assert found["Rafah"].country == "PSE"
    # a city far bigger than its namesakes stays itself: a US story that names Moscow means Russia's
    found = located(backend, geoparser, "Officials in Washington and Chicago discussed the offer from Moscow.")
    assert found["Moscow"].country == "RUS"


# --- a part of a place named before its whole: "the Tarvo area of Kelmar city" ---------------------


@pytest.fixture(scope="module")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


def event_place(pipeline, text):
    events = pipeline.extract(text, published="2021-03-02")
    assert events, text
    return events[0].place


def test_a_part_named_before_its_bigger_city_lies_in_that_city(pipeline):
    from eventwire.geo.resolve import haversine_km

    # Palanpur is also a town of its own, 150 km from Surat; an area of Surat city lies in Surat
    p = event_place(pipeline, "Youths clashed with police in the Palanpur area of Surat city on Sunday.")
    surat = event_place(pipeline, "Youths clashed with police in Surat city on Sunday.")
    assert haversine_km(p.latitude, p.longitude, surat.latitude, surat.longitude) < 50
    # the model may take the part's word into the name ("Wadi area"): Wadi is a town of Karnataka
    p = event_place(pipeline, "Two groups fought with sticks in Wadi area of Vadodara city, Gujarat.")
    assert p.admin1 == "Gujarat"
    # a big town named as a part of a smaller one is the whole it names ("the Cincinnati area")
    p = event_place(pipeline, "Protesters blocked traffic in the Cincinnati area of Ohio on Friday.")
    assert (p.name, p.geo_precision) == ("Cincinnati", "exact")


def test_a_part_of_a_whole_the_gazetteer_lacks_lies_in_the_whole_s_division(pipeline):
    # Kelmo and Tarvo are unknown; the bracket puts them in West Bengal, and Lalpur with them (not Gujarat's)
    p = event_place(pipeline, "Gunmen shot a farmer in Lalpur village of Kelmo area (Tarvo district, West Bengal).")
    assert (p.country, p.admin1) == ("IND", "West Bengal")
    # a big city abroad named as a part of an unknown district of Laghman is a namesake there
    p = event_place(pipeline, "Militants killed a trader in the Islamabad area of Dalo district, Laghman.")
    assert (p.country, p.admin1) == ("AFG", "Laghman")


# --- a division told by its lower-case word: "Antioquia department", "Kassala state" -----------------


def test_a_division_named_before_its_lower_case_word_qualifies_the_town_before_it(pipeline):
    # Dalo is a town of Indonesia; written with a Colombian department after it, it is a place there
    p = event_place(pipeline, "Farmers marched in Dalo, Antioquia department, against the new tax.")
    assert (p.country, p.admin1) == ("COL", "Antioquia")
    # a name no division bears is not read as one before "state"
    events = pipeline.extract("Islamic state militants attacked a police post near the border.", published="2021-03-02")
    assert events and all(e.place is None for e in events)


# --- a village the gazetteer lacks, "at" it, with its district in brackets ---------------------------


def test_a_village_at_which_something_happened_lies_at_its_bracketed_district(pipeline):
    # the village is unknown; the district the bracket names first is the finest place known, not the state
    p = event_place(pipeline, "Militants threw a grenade at a police post at Kelmo town (Budgam district, Jammu and Kashmir).")
    assert (p.name, p.geo_precision, p.anchor) == ("Kelmo", "admin2", "Budgam")
    p = event_place(pipeline, "Troops exchanged fire with militants at Dalo village (Rajouri district, Jammu and Kashmir).")
    assert (p.name, p.geo_precision) == ("Dalo", "admin2")
