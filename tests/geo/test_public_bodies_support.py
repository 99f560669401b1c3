"""Places named through their local governments and public bodies. A town whose name opens one of its
public bodies' ("the Tarvo Police Department") is no place where anything happens, but it says where
the article is: the article's other names are read near it. A local government's own name ("the County
of Dalo") is the place it governs.

The sentences and the places (a small gazetteer of invented names) are written for these tests."""

import pytest

from eventwire.article import make_article
from eventwire.document import parse_articles
from eventwire.mentions.places import PlaceCandidate, fold_name


def _place(name, admin1, population, lat, lon, kind="city"):
    return PlaceCandidate(name, "USA", kind, population, None, lat, lon, admin1)


class _TwoCounties:
    """Dalo County in two states: the bigger in Kelmar, the smaller in Ostmark beside the town of Tarvo;
    the other Tarvos lie far from both counties."""

    def __init__(self):
        self.places = {
            "dalo county": [_place("Dalo County", "Kelmar", 400_000, 30.5, -97.7, "district"),
                            _place("Dalo County", "Ostmark", 150_000, 35.9, -86.9, "district")],
            "tarvo": [_place("Tarvo", "Ostmark", 60_000, 35.93, -86.87), _place("Tarvo", "Dunval", 20_000, 44.0, -70.0),
                      _place("Tarvo", "Brena", 9_000, 47.0, -120.0), _place("Tarvo", "Lirra", 5_000, 40.0, -105.0)],
        }  # fmt: skip

    def lookup(self, name):
        return list(self.places.get(fold_name(name), []))


@pytest.fixture(scope="module")
def counties_geoparser():
    from eventwire.geo.geoparse import Geoparser

    return Geoparser(gazetteer=_TwoCounties())


def _county(backend, geoparser, text):
    (doc,) = parse_articles([make_article(text, article_id="t", published="2021-03-02")], backend)
    return next(m.location for m in geoparser.mentions(doc) if m.text.endswith("Dalo County"))


@pytest.mark.parametrize("text", [
    "Two men were charged with theft in Dalo County on Tuesday, the Tarvo Police Department said.",
    "Crews from the Tarvo Fire Department helped put out a barn fire in Dalo County overnight.",
    "The Tarvo City Council met on Monday to talk about roads in Dalo County.",
])  # fmt: skip
def test_a_towns_public_body_places_the_articles_other_names_near_the_town(backend, counties_geoparser, text):
    assert _county(backend, counties_geoparser, text).admin1 == "Ostmark"


@pytest.mark.parametrize("text", [
    "Two men were charged with theft in Dalo County on Tuesday, the Tarvo Savings Bank said in a statement.",
    "Two men were charged with theft in Dalo County on Tuesday, a spokesman for Tarvo Auto Parts said.",
])  # fmt: skip
def test_a_street_or_a_firm_named_after_a_town_says_nothing_of_where_the_article_is(backend, counties_geoparser, text):
    assert _county(backend, counties_geoparser, text).admin1 == "Kelmar"


class _OneTown:
    def lookup(self, name):
        return [_place("Dalo", "Kelmar", 35_000, 43.1, -80.3)] if fold_name(name) == "dalo" else []


@pytest.mark.parametrize("text", [
    "Officials from the County of Dalo said the road would reopen on Monday.",
    "The City of Dalo said on Friday that its tap water was safe to drink again.",
    "Anyone who saw the crash is asked to call the Town of Dalo at its office.",
])  # fmt: skip
def test_a_local_governments_own_name_is_the_place_it_governs(backend, text):
    from eventwire.geo.geoparse import Geoparser

    (doc,) = parse_articles([make_article(text, article_id="t", published="2021-03-02")], backend)
    found = [(m.text, m.location.name) for m in Geoparser(gazetteer=_OneTown()).mentions(doc, every_toponym=True)]
    assert ("Dalo", "Dalo") in found

