"""The SQLite gazetteer built from the pinned GeoNames data, and user places."""

import pytest

from eventwire.errors import EventwireError
from eventwire.geo.gazetteer import SqliteGazetteer, add_user_places, build_default, default_sqlite_gazetteer


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A gazetteer of places of 15,000+ people: quick to build, same code path as the default."""
    path = tmp_path_factory.mktemp("gz") / "small.sqlite"
    build_default(path, min_population=15000)
    return path


def test_spellings_and_scripts_reach_the_same_place(small):
    g = SqliteGazetteer(small)
    ids = {n: [c.geonameid for c in g.lookup(n) if c.kind == "city"][:1] for n in ("Qamishli", "Al-Qamishli", "Kamishli", "القامشلي")}
    assert len({tuple(v) for v in ids.values()}) == 1 and all(ids.values()), ids
    (qamishli,) = [c for c in g.lookup("Qamishli") if c.kind == "city"]
    assert (qamishli.country, qamishli.admin1) == ("SYR", "Al-Hasakah")
    assert 36.9 < qamishli.latitude < 37.2 and 41.0 < qamishli.longitude < 41.4


def test_provinces_and_countries_have_points(small):
    g = SqliteGazetteer(small)
    hasakah = next(c for c in g.lookup("Hasakah") if c.kind == "province")
    assert hasakah.country == "SYR" and 35.5 < hasakah.latitude < 37.5
    syria = next(c for c in g.lookup("Syria") if c.kind == "country")
    assert 32 < syria.latitude < 37.5 and 35.5 < syria.longitude < 42.5


@pytest.mark.parametrize("name, country", [("Haut-Lomami", "COD"), ("Lualaba", "COD"), ("Logar", "AFG"),
                                           ("North Sinai", "EGY"), ("Jafara", "LBY"), ("Baalbek-Hermel", "LBN"),
                                           ("South Darfur", "SDN"), ("Tarapacá", "CHL"),
                                           # Arabic qaf written k, as the press often does
                                           ("Kalyubia", "EGY")])
def test_divisions_are_known_by_their_names_of_today(small, name, country):
    """Names a reform gave (a province split in four, a new governorate) or that GeoNames' list spells
    otherwise reach the division, at its own point, not a town's."""
    divisions = [c for c in SqliteGazetteer(small).lookup(name) if c.kind == "province" and c.country == country]
    assert len(divisions) == 1, name
    assert divisions[0].population > 0


@pytest.mark.parametrize("name", ["Fes-Meknes", "Souss-Massa", "Beni Mellal-Khenifra", "Guelmim-Oued Noun"])
def test_a_reforms_regions_listed_with_their_provinces_are_known(small, name):
    """Morocco's regions of 2015 come in one list with their provinces: each region is matched among
    the regions alone, and none of its provinces becomes a name of the region."""
    g = SqliteGazetteer(small)
    assert [c.country for c in g.lookup(name) if c.kind == "province"] == ["MAR"]
    assert not [c for n in ("Berrechid", "Sefrou", "Taroudant") for c in g.lookup(n) if c.kind == "province"]


def test_a_division_only_todays_names_give_is_not_read_for_its_own_namesake_town(small):
    """A governorate that takes its big town's name, known only from today's names, would make every
    mention of the town's namesakes abroad a province of its country."""
    g = SqliteGazetteer(small)
    assert not [c for c in g.lookup("Alexandria") if c.kind == "province" and c.country == "EGY"]
    assert [c for c in g.lookup("Alexandria") if c.kind == "city" and c.country == "EGY"]


def test_a_divisions_biggest_town_is_known(small):
    g = SqliteGazetteer(small)
    lahore = g.biggest_town("PAK", "Punjab")
    assert lahore is not None and lahore.name == "Lahore" and lahore.kind == "city"
    assert g.biggest_town("PAK", "No Such Division") is None
    # one index read per division, not a pass over every place on first use (a single extract() paid it)
    plan = " ".join(str(r) for r in g.con.execute(
        "EXPLAIN QUERY PLAN SELECT geonameid FROM places WHERE country = 'PAK' AND admin1_code = '04' "
        "AND feature_class = 'P' ORDER BY population DESC LIMIT 1"))
    assert "places_by_division" in plan and "TEMP B-TREE" not in plan, plan


def test_build_reports_what_it_holds(small):
    stats = SqliteGazetteer(small).stats()
    assert stats["places"] > 20_000 and stats["names"] > stats["places"] and stats["admin1"] > 3000


def test_user_places_are_added_and_found(small, tmp_path):
    path = tmp_path / "g.sqlite"
    path.write_bytes(small.read_bytes())
    csv_path = tmp_path / "places.csv"
    csv_path.write_text(
        "name,latitude,longitude,country,feature,alternate_names\n"
        "al-Walid border crossing,36.85,42.05,SYR,S.PSTB,Walid crossing|Yarubiyah crossing\n"
        "Ain al-Asad,33.80,42.44,IRQ,S.AIRB,\n",
        encoding="utf-8",
    )
    assert add_user_places(path, csv_path) == 2
    g = SqliteGazetteer(path)
    (walid,) = g.lookup("Walid crossing")
    assert (walid.country, walid.kind, walid.latitude) == ("SYR", "facility", 36.85)
    assert g.lookup("Ain al-Asad")[0].country == "IRQ"


@pytest.mark.parametrize(
    "rows, message",
    [
        ("name,latitude,longitude,country\nX,north,42,SYR\n", r"places.csv:2: latitude and longitude must be numbers"),
        ("name,latitude,longitude,country\nX,95,42,SYR\n", r"places.csv:2: coordinates .* out of range"),
        ("name,latitude,longitude,country\nX,35,42,SY\n", r"places.csv:2: country must be an ISO 3166 alpha-3"),
        ("name,lat,lon\nX,35,42\n", r"lacks the column"),
    ],
)
def test_bad_user_places_name_the_line(small, tmp_path, rows, message):
    path = tmp_path / "g.sqlite"
    path.write_bytes(small.read_bytes())
    csv_path = tmp_path / "places.csv"
    csv_path.write_text(rows, encoding="utf-8")
    with pytest.raises(EventwireError, match=message):
        add_user_places(path, csv_path)


def test_missing_gazetteer_says_how_to_build_it(tmp_path):
    with pytest.raises(EventwireError, match="eventwire gazetteer build"):
        SqliteGazetteer(tmp_path / "nope.sqlite")


def test_default_gazetteer_holds_villages_of_500(small):
    # cities500: far more places than the 15,000+ build
    assert default_sqlite_gazetteer().stats()["places"] > 200_000


@pytest.mark.parametrize("geonames, press", [
    ("Muhafazat al Kelmar", ["Al Kelmar", "Kelmar"]),  # the words GeoNames writes around the name
    ("Dunval Rayon", ["Dunval"]),
    ("Sha`biyat Tarvo", ["Tarvo"]),
    ("Northern Ostmark", ["North Ostmark"]),  # the compass word as the press writes it
    ("Nord Kolo", ["North Kolo"]),
    ("Kolo-Sud", ["South Kolo"]),
    ("Baraadin", ["Baradin"]),  # doubled vowels written single
])
def test_a_divisions_press_spellings_are_made_by_rule(geonames, press):
    from eventwire.geo.gazetteer import _admin_variants

    assert set(press) <= set(_admin_variants(geonames))


@pytest.mark.parametrize("geonames, short", [("Province de la Kelmoa", "Kelmoa"), ("Province du Tarvo", "Tarvo"),
                                             ("Province de l'Ardal", "Ardal"), ("Prefecture de Dunval", "Dunval"),
                                             ("Provincia del Sarno", "Sarno")])
def test_a_second_level_divisions_french_or_spanish_words_come_off_whole(geonames, short):
    """A note qualifies a village by its province's bare name ("Mirou (Mirou, Kelmoa)"): the longest of
    the words before it comes off, not a shorter one that leaves an article ("la Kelmoa")."""
    from eventwire.geo.gazetteer import _admin2_variants

    variants = _admin2_variants(geonames)
    assert short in variants
    assert not [v for v in variants if v not in (geonames, short)]


def test_a_division_keeps_its_words_when_they_are_its_name():
    from eventwire.geo.gazetteer import _admin_variants

    # "New South Wales" has no compass word to move; "Western Kelmar" gains only its short form
    assert _admin_variants("New South Wales") == ["New South Wales"]
    assert set(_admin_variants("Western Kelmar")) == {"Western Kelmar", "West Kelmar"}


def test_a_names_short_words_are_written_out_when_the_spelling_itself_is_unknown(tmp_path, small):
    # GeoNames writes "Fort ..." and "Mount ..."; the press often writes "Ft." and "Mt."
    path = tmp_path / "g.sqlite"
    path.write_bytes(small.read_bytes())
    (tmp_path / "places.csv").write_text(
        "name,latitude,longitude,country\nFort Tarvo,40.1,-95.2,USA\nMount Kelmar,41.2,-91.5,USA\n", encoding="utf-8"
    )
    add_user_places(path, tmp_path / "places.csv")
    g = SqliteGazetteer(path)
    assert [c.name for c in g.lookup("Ft. Tarvo")] == ["Fort Tarvo"] and [c.name for c in g.lookup("Mt. Kelmar")] == ["Mount Kelmar"]
    assert g.lookup("Tarvo St.") == []  # a short word that ends the name is a street's


def test_an_arabic_names_generic_words_are_read_in_each_transliteration(tmp_path, small):
    # GeoNames writes "Tall ...", "Kafr ...", "Ayn ... al ..."; the press as often "Tel", "Kfar", "Ein ... el-"
    path = tmp_path / "g.sqlite"
    path.write_bytes(small.read_bytes())
    (tmp_path / "places.csv").write_text(
        "name,latitude,longitude,country\nTall Zurayqat,36.1,40.2,SYR\nKafr Dunnah,35.1,36.2,SYR\n"
        "Ayn ash Shuwarib,33.5,36.5,SYR\n", encoding="utf-8")  # fmt: skip
    add_user_places(path, tmp_path / "places.csv")
    g = SqliteGazetteer(path)
    assert [c.name for c in g.lookup("Tel Zurayqat")] == ["Tall Zurayqat"]
    assert [c.name for c in g.lookup("Kfar Dunnah")] == ["Kafr Dunnah"]
    assert [c.name for c in g.lookup("Ein al-Shuwarib")] == ["Ayn ash Shuwarib"]
    assert g.lookup("Tel Dunnah") == []  # the generic word is part of the name: a hill is no village


def test_transliterations_of_generic_words_and_inner_articles():
    from eventwire.mentions.places import transliterations

    assert "tall abyad" in transliterations("tel abyad") and "kafr qasim" in transliterations("kfar qasim")
    assert {"ayn al hilweh", "ein al hilweh"} <= set(transliterations("ain el hilweh"))
    assert "dayr ash shaykh" in transliterations("deir al sheikh")
    assert transliterations("kelmar heights") == [] and "tel abyad" not in transliterations("tel abyad")


def test_short_words_written_out():
    from eventwire.mentions.places import PlaceCandidate, PlaceMention, spelled_out

    assert spelled_out("mt. kelmar") == "mount kelmar" and spelled_out("sault ste. dunval") == "sault sainte dunval"
    assert spelled_out("st. tarvo") == "saint tarvo" and spelled_out("dunval st.") == "dunval st."
    # "St. Tarvo" is called by the name of "Saint Tarvo": the same place, not an alternate spelling
    mention = PlaceMention("St. Tarvo", "St. Tarvo", "place", None, 0, 9, None, 0)
    assert mention.named(PlaceCandidate("Saint Tarvo", "USA", "city", 5_000))


def test_a_spelling_the_names_lack_reaches_its_place_through_its_spelling_key(small):
    # the press's transliterations GeoNames does not list: other vowels, a joined article, q for k
    g = SqliteGazetteer(small)
    assert not g.lookup("Qalqiliyyah") and not g.lookup("Aljafarra")
    qalqilya = {c.name for _, c in g.spelling_variants("Qalqiliyyah", ("PSE",))}
    assert any(n.startswith("Qalq") for n in qalqilya), qalqilya
    jafara = {c.name for _, c in g.spelling_variants("Aljafarra", ("LBY",)) if c.kind == "province"}
    assert any("Jafarah" in n for n in jafara), jafara
    # only the countries asked about
    assert not g.spelling_variants("Qalqiliyyah", ("NOR",))


def test_a_division_answers_to_its_full_name_and_the_press_abbreviation(small):
    g = SqliteGazetteer(small)
    names = (("Jammu and Kashmir", "IND"), ("J&K", "IND"), ("Azad Jammu and Kashmir", "PAK"), ("AJK", "PAK"))
    for name, country in names:
        assert any(c.kind == "province" and c.country == country for c in g.lookup(name)), name
