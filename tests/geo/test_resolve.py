"""Toponym resolution in context and event geolocation with honest precision."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.geo.geoparse import Geoparser
from eventwire.geo.resolve import haversine_km
from eventwire.pipeline import Pipeline

QAMISHLI = (37.0521, 41.2314)


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def place_of(pipeline, text, published="2020-04-17"):
    events = pipeline.extract(text, published=published)
    assert events, text
    return events[0].place


def test_village_missing_from_the_gazetteer_is_placed_near_its_town(pipeline):
    p = place_of(pipeline, "Villagers in the village of Hamo near Qamishli blocked a US convoy on Thursday, SANA reported.")
    assert (p.name, p.country, p.geo_precision, p.anchor) == ("Hamo", "SYR", "near", "Qamishli")
    assert haversine_km(p.latitude, p.longitude, *QAMISHLI) < 25
    assert p.admin1 == "Al-Hasakah"


def test_hamo_never_goes_to_germany_or_switzerland(pipeline):
    text = ("QAMISHLI, Syria - Residents of Hamo, a village in Hasakah province, stopped a patrol on Thursday.\n\n"
            "Protesters in Hamo blocked the road again on Friday.")  # fmt: skip
    for ev in pipeline.extract(text, published="2020-04-18"):
        if ev.place is not None and ev.place.name == "Hamo":
            assert ev.place.country == "SYR"
            assert ev.place.geo_precision in ("near", "admin1", "country")


@pytest.mark.parametrize(
    "text, country",
    [
        ("BEIRUT, Lebanon - Protesters rallied in Tripoli on Monday, Lebanese state media said.", "LBN"),
        ("Militias clashed in Tripoli on Monday as Libya's rival governments traded accusations.", "LBY"),
    ],
)
def test_the_article_decides_between_namesakes(pipeline, text, country):
    p = place_of(pipeline, text, "2021-05-04")
    assert p.name == "Tripoli" and p.country == country and p.geo_precision == "exact"


def test_province_gives_admin1_precision(pipeline):
    p = place_of(pipeline, "Turkey deployed nearly 6,000 troops to Idlib province in February.")
    assert (p.country, p.admin1, p.geo_precision) == ("SYR", "Idlib", "admin1")


def test_unknown_site_in_a_named_province_falls_back_to_the_province(pipeline):
    p = place_of(pipeline, "Gunmen attacked the village of Khirbet Zuhayr in Hasakah province on Tuesday.")
    assert (p.name, p.geo_precision, p.admin1) == ("Khirbet Zuhayr", "admin1", "Al-Hasakah")


def test_unknown_place_with_nothing_nearer_falls_back_to_the_country(pipeline):
    text = "DAMASCUS, Syria - Gunmen attacked the village of Khirbet Zuhayr on Tuesday, SANA reported."
    ev = next(e for e in pipeline.extract(text, published="2020-04-17") if e.place and e.place.name == "Khirbet Zuhayr")
    assert (ev.place.country, ev.place.geo_precision, ev.place.geonameid) == ("SYR", "country", None)


def test_geoparse_lists_demonyms_and_leaves_out_acting_countries(pipeline):
    from eventwire.article import make_article
    from eventwire.document import parse_articles

    art = make_article("Turkish troops entered Idlib on Monday. Russia and Turkey agreed a ceasefire.", published=date(2020, 3, 6))
    (doc,) = parse_articles([art], pipeline.backend)
    mentions = Geoparser().mentions(doc)
    names = [(m.text, m.location.country, m.demonym) for m in mentions]
    assert ("Turkish", "TUR", True) in names
    assert any(t == "Idlib" for t, _, _ in names)
    assert not any(t in ("Russia", "Turkey") for t, _, _ in names)


coords = st.tuples(st.floats(-90, 90), st.floats(-180, 180))


@given(a=coords, b=coords)
def test_haversine_is_a_distance_on_the_earth(a, b):
    d = haversine_km(*a, *b)
    assert 0 <= d <= 20_016 and d == pytest.approx(haversine_km(*b, *a), abs=1e-6)
    assert haversine_km(*a, *a) == pytest.approx(0, abs=1e-6)


def test_between_two_places_is_near_both(pipeline):
    p = place_of(pipeline, "Government forces shelled villages along the highway between Latakia and Aleppo on Monday.", "2021-05-04")
    assert (p.relation, p.geo_precision, p.anchor, p.country) == ("between", "near", "Latakia and Aleppo", "SYR")
    assert 35.5 < p.latitude < 36.3 and 36.2 < p.longitude < 36.9  # halfway between the two cities


@pytest.mark.parametrize("actor, country", [("Lebanese troops", "LBN"), ("Libyan militias", "LBY")])
def test_the_event_s_actors_help_place_an_ambiguous_name(pipeline, actor, country):
    p = place_of(pipeline, f"{actor} clashed with gunmen in Tripoli on Monday.", "2021-05-04")
    assert (p.name, p.country) == ("Tripoli", country)


def test_unknown_place_falls_back_to_the_division_the_article_is_about(pipeline):
    text = ("QAMISHLI, Syria - Protesters rallied in Qamishli and Amuda on Monday, SANA reported.\n\n"
            "Gunmen attacked the village of Khirbet Zuhayr on Tuesday, the monitor said.")  # fmt: skip
    ev = next(e for e in pipeline.extract(text, published="2020-04-17") if e.place and e.place.name == "Khirbet Zuhayr")
    assert (ev.place.geo_precision, ev.place.admin1, ev.place.country) == ("admin1", "Al-Hasakah", "SYR")


def test_a_province_spelled_otherwise_than_the_gazetteer_is_the_province(pipeline):
    # "Urozgan": GeoNames has Oruzgan and Uruzgan, not this spelling; the province, not a town spelled alike
    text = "On 3 March, Taliban fighters attacked a police checkpoint in Urozgan, Afghanistan, killing two officers."
    p = place_of(pipeline, text)
    assert (p.country, p.admin1, p.geo_precision) == ("AFG", "Oruzgan", "admin1")


def test_a_spelling_key_reads_no_namesake_beyond_what_the_article_says(geoparser, backend):
    from eventwire.article import Article
    from eventwire.document import Document

    # a short, unknown name in a big country: its key matches towns anywhere in China, none that the story places
    text = "Rescuers dug through the mud in Xinmo after the landslide, the agency said of the disaster in China."
    doc = Document(Article("t", text), next(iter(backend.parse([text]))))
    (xinmo,) = [p for ps in geoparser.places(doc).by_sentence for p in ps if p.name == "Xinmo"]
    assert not xinmo.candidates



@pytest.mark.parametrize(
    "text, country, admin1",
    [
        # a village the gazetteer lacks, in a division named by the press's abbreviation, which GeoNames'
        # name ("Kashmir", "Azad Kashmir") lacks
        ("On 2 March, militants lobbed a grenade at a police post in Tarvopora village (J&K). No injuries were reported.",
         "IND", "Kashmir"),
        ("On 2 March, traders blocked the road in Kelmarabad village (AJK) to protest new taxes.",
         "PAK", "Azad Kashmir"),
    ],
)
def test_a_division_named_by_its_abbreviation_holds_the_village(pipeline, text, country, admin1):
    p = place_of(pipeline, text)
    assert (p.country, p.admin1) == (country, admin1), p


def test_the_state_a_group_sides_with_is_no_demonym_of_the_lead(nlp):
    from eventwire.geo.resolve import demonyms_of

    doc = nlp("Pro-Turkish rebels shelled Kelmo on Monday. Kenyan police said two people died.")
    assert [iso for _, iso in demonyms_of(list(doc.sents))] == ["KEN"]
