"""Which of a sentence's places is its event's: not a name that stands for a party, not a place a
statement or a request is only about; and where an event is put when its own sentence names no
place of it (written in new wording)."""

import pytest

from eventwire.coder import Coder
from eventwire.geo.resolve import haversine_km
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def rules():
    return Pipeline(coder=Coder(classifier=None))


def first(pipeline, text, etype):
    return next(e for e in pipeline.extract(text, published="2021-04-13") if e.type == etype)


def test_a_request_is_made_where_its_speaker_is_not_where_it_asks_for_something(rules):
    text = "The Kenyan foreign minister, speaking in Nairobi on Monday, urged Uganda to release the journalists held in Kampala."
    request = first(rules, text, "REQUEST")
    assert (request.place.name, request.place.country) == ("Nairobi", "KEN")


def test_a_request_is_not_placed_where_what_it_asks_for_is(rules):
    request = first(rules, "The Kenyan foreign minister urged Uganda on Monday to free the journalists held in Kampala.", "REQUEST")
    assert request.place is None or request.place.country != "UGA"


def test_support_for_people_elsewhere_is_not_placed_where_they_are(rules):
    support = first(rules, "The Canadian minister expressed support for the civilians trapped in Mosul.", "SUPPORT")
    assert support.place is None or support.place.name != "Mosul"


def test_a_statement_is_made_in_the_town_its_speaker_is_named_by(rules):
    request = first(rules, "A Kingston doctor who spoke at the protest urged the council to drop the plan.", "REQUEST")
    assert (request.place.name, request.place.geo_precision) == ("Kingston", "exact")


def test_a_clause_told_before_a_demand_is_no_part_of_what_is_demanded(rules):
    # the small model reads the protest as the demand's complement; its place is still where it was made
    text = ("On 7 May 2021, nurses protested, in Mombasa city, against the new shift rules, while "
            "buses are still few, the nurses also called for hazard pay.")  # fmt: skip
    request = first(rules, text, "REQUEST")
    assert request.place.name == "Mombasa"


def test_a_firm_the_gazetteer_lacks_is_no_place_of_its_workers_walkout(rules):
    text = "Hundreds of workers employed by Norvanta walked out on Monday."
    protest = first(rules, text, "PROTEST")
    assert protest.place is None or protest.place.name != "Norvanta"


def test_a_persons_surname_named_again_is_no_place_whatever_town_has_that_name(rules):
    text = ("Turkish police detained the American pastor Daniel Tyler in Izmir in March.\n\n"
            "In June, Tyler was arrested again, his lawyer said.")  # fmt: skip
    again = [e for e in rules.extract(text, published="2021-07-01") if e.type == "COERCE"][-1]
    assert again.place is None or again.place.name != "Tyler"


def test_a_site_the_gazetteer_lacks_in_a_local_story_is_near_its_town_not_at_its_provinces_seat(rules):
    text = ("Nurses in Kingston, Ontario protested on Saturday against the closure of a Kingston hospital. "
            "About 300 people marched in Dunmerrow Park, organisers said.")  # fmt: skip
    march = [e for e in rules.extract(text, published="2021-04-13") if e.type == "PROTEST"][-1]
    assert haversine_km(march.place.latitude, march.place.longitude, 44.23, -76.48) < 25


def test_a_light_verb_and_its_noun_are_one_act_whose_place_is_no_content(rules):
    agree = first(rules, "Rebel and army commanders signed an agreement in Arusha on Friday to reopen the roads to Goma.", "AGREE")
    assert agree.place.name == "Arusha"


def test_a_site_the_gazetteer_lacks_named_as_an_object_is_still_a_place(rules):
    protest = first(rules, "Police fired tear gas to keep the crowds from crossing the Dunmerrow Bridge on Tuesday.", "PROTEST")
    assert protest.place.name == "Dunmerrow Bridge"


def test_a_country_is_no_persons_surname_even_after_the_model_took_a_region_for_a_person(rules):
    # the small model reads "Central Mali" as a person; "Mali" later is the country, not that person again
    text = ("Gunmen attacked a market in Mopti on Monday. Central Mali has seen repeated raids since 2015.\n\n"
            "A UN spokesman said the peacekeepers will begin withdrawing from their bases in Mali on Saturday.")  # fmt: skip
    retreat = first(rules, text, "RETREAT")
    assert (retreat.place.name, retreat.place.geo_precision) == ("Mali", "country")


def test_the_backer_named_after_by_holds_no_content_of_the_act(rules):
    # the small model hangs the clash (and its place) under "by coalition airstrikes": the backing
    # happened where the clash did, not in the country of its words
    text = "Iraqi forces backed by coalition airstrikes clashed with Islamic State fighters in the Anbar desert on Monday, the army said."
    support = first(rules, text, "SUPPORT")
    assert support.place.name == "Anbar"


# an event its own sentence places nowhere

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


def test_a_bracket_after_a_country_says_where_in_it(rules):
    # "an area in northern Ostland (Ardal, Dunval)": the district and province in the bracket are where
    # the strike was, finer than the country
    (strike,) = [e for e in rules.extract("On 2 March 2021, jets struck a hill area in southern Somalia (Afgooye, Lower "
                                          "Shabelle), killing three.", published="2021-03-03") if e.acled_sub_event_type]
    assert (strike.place.name, strike.place.country, strike.place.geo_precision) == ("Afgooye", "SOM", "exact")


def test_a_bracket_after_a_country_qualifies_the_place_named_before_it(rules):
    # "Tarvo district in western Ostland (Dunval)": the bracket qualifies the district, which stays the place
    text = "On 2 March 2021, gunmen fired at farms in Jowhar district in southern Somalia (Middle Shabelle), killing two."
    assert first(rules, text, "ASSAULT").place.name == "Jowhar"


def test_a_division_named_after_its_town_is_seated_at_that_town(rules):
    # "in Machakos": the county, read as a division, is put at its namesake town, not at a bigger town in it
    from eventwire.geo.gazetteer import default_gazetteer

    protest = first(rules, "On 12 April 2021, traders protested in Machakos over new market fees.", "PROTEST")
    town = next(c for c in default_gazetteer().lookup("Machakos") if c.kind == "city" and c.country == "KEN")
    assert protest.place.geo_precision == "admin1"
    assert haversine_km(protest.place.latitude, protest.place.longitude, town.latitude, town.longitude) < 5


@pytest.mark.parametrize(
    "text, etype, place",
    [
        # the doer of a passive is a party, not where it happened
        ("The truce, mediated by Norway, held in Kandahar for a week.", "CONSULT", "Kandahar"),
        ("A prisoner exchange negotiated by Qatar took place in Kabul on Sunday.", "CONSULT", "Kabul"),
    ],
)
def test_a_country_told_as_a_side_is_no_place_of_the_act(rules, text, etype, place):
    assert first(rules, text, etype).place.name == place


def test_a_partner_told_with_is_no_place_of_the_act(rules):
    retreat = first(rules, "Troops withdrew from the district after a deal with Ethiopia, officials in Baidoa said.", "RETREAT")
    assert retreat.place is None or retreat.place.country != "ETH"


def test_the_other_side_of_a_border_stays_where_it_happened(rules):
    fight = first(rules, "Clashes erupted on the border with Syria on Monday.", "FIGHT")
    assert fight.place.country == "SYR"


@pytest.mark.parametrize("text, country", [
    # the monitor's home city is neither the place nor the country of what it reports
    ("A Vienna-based monitor said rebels shelled Kafr Nabl overnight.", "SYR"),
    ("Rebels shelled Kafr Nabl overnight, a Vienna-based monitor said.", "SYR"),
])
def test_the_seat_of_whoever_reports_an_act_is_not_its_place(rules, text, country):
    shelling = first(rules, text, "FIGHT")
    assert (shelling.place.name, shelling.place.country) == ("Kafr Nabl", country)


@pytest.mark.parametrize("text", [
    "A Cairo-based rights group said soldiers shot three farmers in Tarvo on Monday.",
    "A rights group based in Dakar said police beat traders in Tarvo.",
    "A group headquartered in Lima said gunmen attacked a bus near Tarvo.",
])
def test_a_village_unknown_to_the_gazetteer_is_not_put_in_the_reporter_s_country(rules, text):
    ev = first(rules, text, "ASSAULT")
    assert ev.place is None or ev.place.country is None


def test_a_base_named_by_its_place_stays_a_place_of_acts(rules):
    ev = first(rules, "Rockets hit the Ain al-Asad air base in Anbar on Monday.", "FIGHT")
    assert ev.place is not None and ev.place.country == "IRQ"
