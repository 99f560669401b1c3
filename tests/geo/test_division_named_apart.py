"""A first-level division whose capital shares its name, where the press names the capital apart ("Quebec
City", "Chihuahua City"): the bare name is the division (issue 10). Real gazetteer places, invented sentences."""

import pytest

from eventwire.article import make_article
from eventwire.document import parse_articles
from eventwire.mentions.places import PlaceCandidate, towns_named_apart


def located(backend, geoparser, text):
    (doc,) = parse_articles([make_article(text, article_id="t", published="2022-05-10")], backend)
    return {m.text: m.location for m in geoparser.mentions(doc, every_toponym=True)}


@pytest.mark.parametrize(
    "text, name, country",
    [
        # GeoNames calls the capital "Québec"; the press writes "Quebec City" for it, and Montreal is bigger
        ("Truckers from Quebec drove in convoy to Ottawa to protest the fuel tax.", "Quebec", "CAN"),
        # the state's biggest town is Ciudad Juarez; its capital is "Chihuahua City" in the press
        ("Drought has left cattle dying across Chihuahua, ranchers told reporters.", "Chihuahua", "MEX"),
    ],
)
def test_a_bare_name_whose_capital_is_named_apart_is_the_division(backend, geoparser, text, name, country):
    loc = located(backend, geoparser, text)[name]
    assert loc.country == country and loc.geo_precision == "admin1" and loc.feature.endswith("ADM1")


def test_the_capital_named_apart_is_the_town_where_the_text_names_it_so(backend, geoparser):
    found = located(backend, geoparser, "Riot police cleared a square in Quebec City before dawn.")
    (loc,) = [loc for text, loc in found.items() if text.startswith("Quebec")]
    assert loc.country == "CAN" and loc.geo_precision == "exact" and loc.feature.startswith("P.")


def test_a_capital_that_is_its_divisions_biggest_town_keeps_the_bare_name(backend, geoparser):
    # GeoNames also lists "Puebla City", but the city is the state's biggest town: a bare "Puebla" is the city
    loc = located(backend, geoparser, "Bus drivers in Puebla struck for a second day over wages.")["Puebla"]
    assert loc.country == "MEX" and loc.geo_precision == "exact"


class _Gazetteer:
    """A gazetteer that knows the capital as "Tarvo City" and may say which town is its division's biggest."""

    def __init__(self, towns, biggest=None):
        self.towns, self.biggest = towns, biggest

    def lookup(self, name):
        return list(self.towns) if name == "Tarvo City" else []


def _readings():
    division = PlaceCandidate("Tarvo", "XXX", "province", 3_000_000, 1, admin1="Tarvo")
    capital = PlaceCandidate("Tarvo", "XXX", "city", 400_000, 2, admin1="Tarvo")
    port = PlaceCandidate("Kelmo", "XXX", "city", 900_000, 3, admin1="Tarvo")
    return division, capital, port


def test_towns_named_apart_needs_a_bigger_town_in_the_division():
    division, capital, port = _readings()
    with_port = _Gazetteer([capital])
    with_port.biggest_town = lambda country, admin1: port
    assert towns_named_apart("Tarvo", [division, capital], with_port) == {2}
    as_biggest = _Gazetteer([capital])
    as_biggest.biggest_town = lambda country, admin1: capital
    assert towns_named_apart("Tarvo", [division, capital], as_biggest) == frozenset()
    # a gazetteer that cannot say which town is the biggest names none apart
    assert towns_named_apart("Tarvo", [division, capital], _Gazetteer([capital])) == frozenset()
