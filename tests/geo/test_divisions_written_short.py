"""A division written short without its full stop after a town, as datelines and wires write it ("TARVO,
KY --", "Kelmar, Tenn (AP)"). The sentences and the places (a small gazetteer of invented towns; the states
are real, since their postal codes are) are written for these tests."""

import pytest

from eventwire.article import make_article
from eventwire.document import parse_articles
from eventwire.mentions.places import PlaceCandidate, fold_name


def _place(name, admin1, population, lat, lon, kind="city"):
    return PlaceCandidate(name, "USA", kind, population, None, lat, lon, admin1)


class _TwoDalos:
    """Dalo in two states, the bigger in Mississippi; the states by their names and press abbreviations."""

    def __init__(self):
        self.places = {
            "dalo": [_place("Dalo", "Mississippi", 170_000, 32.3, -90.2), _place("Dalo", "Tennessee", 65_000, 35.6, -88.8)],
            "tennessee": [_place("Tennessee", "Tennessee", 6_000_000, 35.8, -86.3, "province")],
            "tenn.": [_place("Tennessee", "Tennessee", 6_000_000, 35.8, -86.3, "province")],
            "pennsylvania": [_place("Pennsylvania", "Pennsylvania", 12_000_000, 40.9, -77.8, "province")],
        }  # fmt: skip

    def lookup(self, name):
        return list(self.places.get(fold_name(name), []))


@pytest.mark.parametrize("text", [
    "A man from Dalo, Tenn, was hurt in the crash on the highway.",
    "The plant in Dalo, TN, will close next year, the company said.",
    "DALO, TN (AP) -- The county board met on Tuesday to talk about roads.",
])  # fmt: skip
def test_a_state_written_short_without_its_full_stop_qualifies_the_town_before_it(backend, text):
    from eventwire.geo.geoparse import Geoparser

    (doc,) = parse_articles([make_article(text, article_id="t", published="2021-03-02")], backend)
    found = {m.text: m.location for m in Geoparser(gazetteer=_TwoDalos()).mentions(doc, every_toponym=True)}
    town = next(loc for name, loc in found.items() if name.lower() == "dalo")
    state = next(loc for name, loc in found.items() if name in ("Tenn", "TN"))
    assert town.admin1 == "Tennessee" and state.name == "Tennessee" and state.geo_precision == "admin1"


def test_capitals_after_a_comma_are_no_state_unless_a_town_comes_before(backend):
    from eventwire.geo.geoparse import Geoparser

    (doc,) = parse_articles([make_article("The crackdown, PA officials said, was over by noon.", article_id="t",
                                          published="2021-03-02")], backend)  # fmt: skip
    assert not Geoparser(gazetteer=_TwoDalos()).mentions(doc, every_toponym=True)
