"""First-level divisions audited as a class: a division's point lies among its own towns, whatever stray
town carries its code, and the first of the lands a division is named after reads as the division."""

from eventwire.geo.gazetteer import _first_land, _main_body, default_sqlite_gazetteer, division_middle
from eventwire.geo.resolve import haversine_km


def _compact_province():
    # two hundred towns over about 2 x 2 degrees around (30.0, 110.0)
    return [(29.0 + (i % 20) * 0.1, 109.0 + (i // 20) * 0.2) for i in range(200)]


def test_towns_carrying_a_code_far_from_the_rest_do_not_move_the_divisions_point():
    towns = _compact_province()
    strays = [(40.0, 85.0), (40.1, 85.2), (40.05, 85.1)]  # a cluster of villages given the code in error, 2,500 km off
    lat, lon = division_middle(towns + strays, [])
    assert haversine_km(lat, lon, 30.0, 110.0) < 50
    # (before, the strays made the division look wide, and its point was the middle of a box across the country)
    kept, _ = _main_body(towns + strays, [])
    assert kept == towns


def test_a_far_cluster_holding_a_good_share_of_the_towns_stays_part_of_the_division():
    towns = _compact_province()
    islands = [(20.0 + i * 0.05, 120.0) for i in range(40)]  # a fifth of its towns, on islands 1,500 km away
    kept, _ = _main_body(towns + islands, [])
    assert len(kept) == 240


def test_empty_districts_and_sparse_towns_within_reach_stay_in_a_wide_division():
    towns = [(49.0 + i * 0.04, -100.0 + (i % 10)) for i in range(100)]
    north = [(55.0, -97.0), (57.5, -95.0), (60.0, -96.0)]  # each within a few hundred km of the next
    kept, empty = _main_body(towns, north)
    assert kept == towns and empty == north


def test_the_first_of_two_lands_a_division_is_named_after_is_a_name_of_it():
    assert _first_land("Tarvomark and Kelmo Coast", set()) == ["Tarvomark"]
    assert _first_land("Province of Dunvale and the Isles", set()) == ["Dunvale"]
    assert _first_land("Sorvik y Delmar", set()) == ["Sorvik"]


def test_no_short_name_from_a_compass_word_a_federation_or_the_divisions_own_town():
    assert _first_land("Central and Eastern Kelmo", set()) == []
    assert _first_land("Federation of Tarvo and Kelmo", set()) == []
    # the division's own town is what the short name reads as
    assert _first_land("Porvella y Santa Ines", {"porvella"}) == []
    assert _first_land("Kelmo", set()) == []


def test_a_province_named_after_two_lands_reads_by_the_first_alone():
    g = default_sqlite_gazetteer()
    provinces = [c for c in g.lookup("Newfoundland") if c.kind == "province"]
    assert [(c.country, c.admin1) for c in provinces] == [("CAN", "Newfoundland and Labrador")]


def test_chinese_provinces_with_stray_coded_villages_keep_their_own_point():
    # (near GeoNames' points; villages elsewhere in China that carry their codes had pulled these 500-1,500 km off)
    g = default_sqlite_gazetteer()
    for name, lat, lon in (("Jiangsu", 33.0, 119.8), ("Hebei", 39.0, 116.0), ("Chongqing", 30.0, 107.5)):
        (province,) = [c for c in g.lookup(name) if c.kind == "province" and c.country == "CHN"]
        assert haversine_km(province.latitude, province.longitude, lat, lon) < 161, name


def test_a_division_is_called_by_the_first_words_of_its_name_unless_its_own_town_has_them(backend, geoparser):
    from eventwire.article import make_article
    from eventwire.document import parse_articles

    def places(text):
        (doc,) = parse_articles([make_article(text, article_id="t", published="2021-03-02")], backend)
        return {m.text: m.location for m in geoparser.mentions(doc)}

    # GeoNames' "Xinjiang Uygur Zizhiqu": a village of that name in another province is not it
    found = places("Police detained dozens of shopkeepers in Xinjiang on Monday, relatives said.")
    assert (found["Xinjiang"].country, found["Xinjiang"].geo_precision) == ("CHN", "admin1")
    # a direction opens many divisions' names and names none of them
    found = places("Heavy rain flooded roads in the Northern areas on Monday.")
    assert all(loc.country != "ISR" for loc in found.values())
