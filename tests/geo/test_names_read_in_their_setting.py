"""Toponyms read by the words around them: a name cut short, a state named like a country, a sole town opening a name,
a site called by its division, names listed after "counties", a suburb told with its city. Each class was missed on the
dev parts of LGL and TR-News, and each test is in new wording.

The sentences are written for these tests. Real towns appear only as gazetteer facts: a name that one
town alone bears, a town's name of two words, a state that shares a country's name."""

from eventwire.article import make_article
from eventwire.document import parse_articles


def parsed(backend, text, outlet=None):
    (doc,) = parse_articles([make_article(text, article_id="t", outlet=outlet, published="2021-03-02")], backend)
    return doc


def every(geoparser, doc):
    return {m.text: m.location for m in geoparser.mentions(doc, every_toponym=True)}


# --- a town's name of two words the model cut after its first -------------------------------------

def test_a_name_cut_short_runs_on_to_the_town_the_gazetteer_knows(backend, geoparser):
    # the model labels "Belle" alone; alone it is a namesake elsewhere
    doc = parsed(backend, "The council met in Belle Plaine on Tuesday to discuss the road budget.")
    found = every(geoparser, doc)
    assert "Belle" not in found and found["Belle Plaine"].country == "USA"


def test_a_name_runs_on_to_a_town_only_not_to_a_division(backend):
    from eventwire.geo.gazetteer import default_gazetteer
    from eventwire.mentions.places import _run_on_capitals

    doc = parsed(backend, "The council met in Belle Plaine on Tuesday.").doc
    i = next(t.i for t in doc if t.text == "Belle")
    assert _run_on_capitals(doc[i : i + 1], default_gazetteer()).text == "Belle Plaine"
    doc = parsed(backend, "Parents praised the Dublin City Schools for the new bus routes.").doc
    i = next(t.i for t in doc if t.text == "Dublin")
    # "Dublin City" is a council's area in Ireland, no town: the name stays "Dublin"
    assert _run_on_capitals(doc[i : i + 1], default_gazetteer()).text == "Dublin"


# --- a country's name that is the state of the article's country ----------------------------------

def test_a_countrys_name_in_a_story_that_names_nothing_of_the_country_is_the_home_state(backend, geoparser):
    # the towns have namesakes in many states, so no division evidence reaches Georgia
    doc = parsed(backend, "Bridge work starts Monday. Crews in Columbus will close the bridge to Phenix City for a "
                          "week. Drivers heading to Georgia should use the interstate.")
    georgia = every(geoparser, doc)["Georgia"]
    assert (georgia.country, georgia.admin1) == ("USA", "Georgia")
    # beside the people of another country it stays the country
    doc = parsed(backend, "Russian tanks rolled into Georgia in 2008, a professor told students in Columbus.")
    assert every(geoparser, doc)["Georgia"].country == "GEO"
# --- a town that only one place anywhere is called by, opening another name -----------------------

def test_a_sole_towns_name_opening_a_bodys_name_is_the_town(backend, geoparser):
    # "Zionsville" names one town only (Indiana): a parks board or a festival named after it is there
    doc = parsed(backend, "Rates will rise in April. Since the vote Zionsville Parks Board members have asked for a "
                          "new budget.")
    assert every(geoparser, doc)["Zionsville"].admin1 == "Indiana"
    doc = parsed(backend, "Fans cheered as the Cannes Film Week opened with a documentary about fishing.")
    assert every(geoparser, doc)["Cannes"].country == "FRA"
    # not a person's name, nor a word inside another name
    doc = parsed(backend, "The award went to Mr. Zionsville for his garden.")
    assert "Zionsville" not in every(geoparser, doc)
    doc = parsed(backend, "The plane landed at Kelmar Zionsville Airport on Friday.")
    assert "Zionsville" not in every(geoparser, doc)


# --- a site named after a division, in a sentence set in a town elsewhere --------------------------

def test_a_site_called_by_a_divisions_name_stays_in_that_division(backend, geoparser):
    # the sentence sets things in Houston; the prison is not there, it is in the state that names it
    doc = parsed(backend, "In Houston, the inmate was moved from a Louisiana prison on Monday.")
    found = every(geoparser, doc)
    assert (found["Louisiana"].country, found["Louisiana"].admin1) == ("USA", "Louisiana")
    assert found["Houston"].admin1 == "Texas"
    doc = parsed(backend, "The passenger ended up on a flight to Denver instead of Rome from a Florida airport.")
    assert every(geoparser, doc)["Florida"].admin1 == "Florida"
    # a site's proper name is no division's mention: the university is in the town of its sentence
    doc = parsed(backend, "Students of Punjab University protested in Chandigarh over the hostel closure.")
    assert every(geoparser, doc)["Punjab"].latitude == every(geoparser, doc)["Chandigarh"].latitude


# --- counties told by name after the plural word ----------------------------------------------------

def test_names_listed_after_counties_are_those_counties(backend, geoparser):
    doc = parsed(backend, "Turnout rose in the state's biggest counties - Douglas, Lancaster and Sarpy - officials in "
                          "Nebraska said.")
    found = every(geoparser, doc)
    assert {n: found[n].name for n in ("Douglas", "Lancaster", "Sarpy")} == {
        "Douglas": "Douglas County", "Lancaster": "Lancaster County", "Sarpy": "Sarpy County"}
    assert found["Lancaster"].admin1 == "Nebraska"
    doc = parsed(backend, "Work on the highway will help counties crossed by the road, such as Leavenworth and "
                          "Shawnee, a Kansas official said.")
    found = every(geoparser, doc)
    assert found["Leavenworth"].name == "Leavenworth County" and found["Shawnee"].name == "Shawnee County"


# --- a town told as the suburb of a city --------------------------------------------------------------

def test_a_suburb_told_after_its_city_lies_by_the_city(backend, geoparser):
    # West Chester's biggest namesake is in Pennsylvania; the suburb of Cincinnati is in Ohio
    doc = parsed(backend, "A man from the Cincinnati suburb of West Chester pleaded guilty on Friday.")
    found = every(geoparser, doc)
    assert (found["West Chester"].country, found["West Chester"].admin1) == ("USA", "Ohio")
