"""Classes of geoparsing failure seen on real news, each pinned by a rule and written in new wording.

Most tests build their mentions by hand (invented names and points), so that they test the rule
and not the gazetteer; the rest parse sentences written for them."""

import pytest

from eventwire.article import make_article
from eventwire.document import parse_articles
from eventwire.geo.resolve import (
    NearbyReadings,
    _sites_beside_their_town,
    article_countries,
    haversine_km,
    main_country,
)
from eventwire.mentions.places import PlaceCandidate, PlaceMention


def town(name, country, admin1, lat, lon, population=2_000, kind="city"):
    return PlaceCandidate(name, country, kind, population, None, lat, lon, admin1)


def mention(name, candidates=(), kind="place", start=0, relation=None, **kw):
    return PlaceMention(name, name, kind, None, start, start + len(name), relation, 0, tuple(candidates), **kw)


# --- towns named together lie together ---------------------------------------------------------

# three invented towns, each with a namesake in two states; only in "North" do all three lie close
ASHFORD = [town("Ashford", "USA", "North", 45.00, -93.00), town("Ashford", "USA", "East", 42.0, -75.0, 9_000)]
BRENTLEY = [town("Brentley", "USA", "North", 45.30, -93.20), town("Brentley", "USA", "East", 40.0, -79.0, 8_000)]
CARVILLE = [town("Carville", "USA", "North", 44.80, -93.40), town("Carville", "USA", "West", 36.0, -119.0, 7_000)]


def test_towns_named_together_are_read_where_they_lie_together():
    mentions = [mention("Ashford", ASHFORD), mention("Brentley", BRENTLEY, start=20), mention("Carville", CARVILLE, start=40)]
    nearby = NearbyReadings(mentions, {"USA": 3.0})
    support = nearby.support("Ashford", ASHFORD)
    assert support.get(ASHFORD[0], 0) >= 1.5 and support.get(ASHFORD[1], 0) == 0
    # without the nearby towns, the bigger namesake wins; with them, the one beside them
    alone = mention("Ashford", ASHFORD).in_context({"USA": 3.0}, "USA", {})
    assert alone.resolved.admin1 == "East"
    together = mention("Ashford", ASHFORD).in_context({"USA": 3.0}, "USA", {}, support)
    assert together.resolved.admin1 == "North"


def test_support_too_weak_to_place_a_reading_still_weighs_beside_its_size():
    # half an anchor's worth of support (a name that may lie in two states, one of them this one) does
    # not place Ashford there alone, but it outweighs a namesake four and a half times its size
    weak = mention("Ashford", ASHFORD).in_context({"USA": 3.0}, "USA", {("USA", "North"): 0.5})
    assert weak.resolved.admin1 == "North"
    assert mention("Ashford", ASHFORD).in_context({"USA": 3.0}, "USA", {}).resolved.admin1 == "East"
    # a reading reached only through an alternate spelling gets none of it
    alias = town("Old Ashfordville", "USA", "North", 45.0, -93.0, 2_000)
    assert mention("Ashford", [ASHFORD[1], alias]).in_context({"USA": 3.0}, "USA", {("USA", "North"): 0.5}).resolved == ASHFORD[1]


def test_a_name_is_no_support_for_itself_and_a_name_with_many_readings_supports_little():
    many = [town("Franklinton", "USA", f"S{i}", 30 + i * 0.5, -90.0) for i in range(400)]
    mentions = [mention("Ashford", ASHFORD), mention("Franklinton", many, start=20)]
    nearby = NearbyReadings(mentions, {"USA": 3.0})
    assert nearby.support("Ashford", ASHFORD) == {}  # 400 readings lie near anything: they say nothing
    assert NearbyReadings([mention("Ashford", ASHFORD)], {}).support("Ashford", ASHFORD) == {}


def test_a_provinces_own_name_is_the_province_whatever_towns_lie_near():
    province = town("Lakeshire", "USA", "Lakeshire", 44.0, -100.0, 900_000, kind="province")
    namesake = town("Lakeshire", "USA", "North", 45.1, -93.1, 1_500)
    m = mention("Lakeshire", [province, namesake])
    chosen = m.in_context({"USA": 3.0}, "USA", {("USA", "North"): 3.0}, {namesake: 2.0})
    assert chosen.resolved.kind == "province"
    # a province of a country the article is not about does not take the name from its towns
    abroad = town("Lakeshire", "COG", "Lakeshire", -1.0, 15.0, 90_000, kind="province")
    local = town("Lakeshire", "MLI", "Mopti", 14.5, -3.5, 3_000)
    assert mention("Lakeshire", [abroad, local]).in_context({"MLI": 5.0}, "MLI", {}).resolved.country == "MLI"


def test_a_town_its_division_qualifies_supports_its_neighbours_with_its_one_reading():
    # "Delford, Nth." has namesakes in many states, but the qualifier leaves one: full support
    division = town("North", "USA", "North", 45.0, -93.0, 900_000, kind="province")
    delford = [town("Delford", "USA", "North", 45.2, -93.1)] + [town("Delford", "USA", f"S{i}", 30 + i, -80.0) for i in range(12)]
    ashford = mention("Ashford", ASHFORD)
    plain = NearbyReadings([ashford, mention("Delford", delford, start=20)], {"USA": 3.0})
    qualified = NearbyReadings([ashford, mention("Delford", delford, start=20, within=(division,))], {"USA": 3.0})
    assert plain.support("Ashford", ASHFORD)[ASHFORD[0]] < 1.0 <= qualified.support("Ashford", ASHFORD)[ASHFORD[0]]


def test_a_province_abroad_does_not_stop_the_support_of_its_namesakes_at_home():
    # Ashford is also a parish of a country the article is not about: its towns at home are still
    # read where the article's other names lie
    parish = town("Ashford", "JAM", "Ashford", 18.0, -77.0, 40_000, kind="province")
    m = mention("Ashford", [parish, *ASHFORD])
    assert m.in_context({"USA": 3.0}, "USA", {}, {ASHFORD[0]: 1.2}).resolved == ASHFORD[0]


def test_a_local_papers_namesake_at_home_is_not_outvoted_by_the_names_own_vote_abroad():
    from eventwire.geo.resolve import countries_without_own_votes

    # a suburb of 80,000 in the outlet's own country, a city of a million abroad
    big = town("Kelmarton", "CAN", "Ostmark", 53.5, -113.5, 1_000_000)
    suburb = town("Kelmarton", "GBR", "England", 51.6, -0.06, 80_000)
    lead = [[mention("Kelmarton", [big, suburb])], [mention("Kelmarton", [big, suburb], start=40)]]
    weights = article_countries(lead, home="GBR")
    assert weights["CAN"] > 0  # the name's own vote, which alone would take it abroad
    besides = countries_without_own_votes(lead, "GBR")["kelmarton"]
    assert "CAN" not in besides
    assert mention("Kelmarton", [big, suburb]).in_context(besides, "GBR").resolved == suburb
    # no outlet country, or no namesake at home: the name keeps its vote
    assert countries_without_own_votes(lead, None) == {} and countries_without_own_votes(lead, "FRA") == {}


# --- the article's countries ---------------------------------------------------------------------


def test_a_big_city_of_a_country_the_article_weighs_nearly_as_much_beats_a_village_of_the_main_one():
    capital = town("Varnograd", "RUS", "Varno", 55.0, 37.0, 9_000_000)
    village = town("Varnograd", "USA", "Idaho", 46.7, -117.0, 4_000)
    chosen = mention("Varnograd", [capital, village]).in_context({"USA": 10.0, "RUS": 8.0}, "USA", {})
    assert chosen.resolved.country == "RUS"
    # when the other country is a passing mention, the main country's town stands
    chosen = mention("Varnograd", [capital, village]).in_context({"USA": 40.0, "RUS": 0.5}, "USA", {})
    assert chosen.resolved.country == "USA"


def test_towns_that_lie_in_no_named_country_make_their_country_the_articles():
    """A local story that names a foreign country once: its towns, which have no reading there,
    say which country it is about."""
    france = PlaceMention("France", "France", "country", "FRA", 0, 6, "in", 0)
    towns = [mention(n, [town(n, "USA", "Illinois", 41.9, -88.7)], start=10 * i) for i, n in enumerate(["Oakridge", "Pinehurst"], 1)]
    weights = article_countries([[towns[0]], [towns[1]], [towns[0]], [france]])
    assert weights.get("USA", 0) > weights["FRA"]
    assert main_country(weights) == "USA"
    # a story about a country it names over and over keeps it, whatever two odd names could be
    iraq = PlaceMention("Iraq", "Iraq", "country", "IRQ", 0, 4, "in", 0)
    weights = article_countries([[iraq, iraq], [iraq], [towns[0]], [towns[1]], [iraq]])
    assert "USA" not in weights


# --- qualifiers: where a place lies -----------------------------------------------------------------


def parsed(backend, text):
    (doc,) = parse_articles([make_article(text, article_id="q", published="2021-06-02")], backend)
    return doc


def test_a_village_unknown_to_the_gazetteer_falls_back_to_its_bracketed_division(backend, geoparser):
    doc = parsed(backend, "On 2 June 2021, herders and farmers clashed in Wuroboki village (Bauchi) over grazing land.")
    found = {m.text: m.location for m in geoparser.mentions(doc)}
    assert found["Wuroboki"].country == "NGA" and found["Wuroboki"].admin1 == "Bauchi"
    places = geoparser.places(doc)
    bauchi = next(p for p in places.all if p.name == "Bauchi")
    assert bauchi.relation == "within"  # where the village lies, not where the clash happened


@pytest.mark.parametrize("text, country", [
    ("Militiamen raided two villages in eastern Congo on Sunday.", "COD"),  # not El Congo of El Salvador
    ("Riot police clashed with miners in Macedonia's capital.", "MKD"),  # not a Macedonia of Ohio
    ("Floods cut the main road across central Bosnia.", "BIH"),
    ("Soldiers mutinied in the Republic of Congo's south.", "COG"),
])
def test_a_country_is_known_by_its_short_name_in_the_press(backend, geoparser, text, country):
    doc = parsed(backend, text)
    assert [m.location.country for m in geoparser.mentions(doc) if m.location is not None][:1] == [country]


def test_a_namesake_outside_the_bracketed_division_is_not_the_place(backend, geoparser):
    # "Hamo" is a spelling of German and Swiss towns, none of them in Al-Hasakah
    doc = parsed(backend, "Unknown gunmen shot a shepherd near Hamo (Al-Hasakah) on Sunday.")
    hamo = {m.text: m.location for m in geoparser.mentions(doc)}["Hamo"]
    assert hamo.country == "SYR" and hamo.geonameid is None


class _Stub:
    """A gazetteer of three invented places."""

    places = {
        "baghdad": [town("Baghdad", "IRQ", "Baghdad", 33.3, 44.4, 5_000_000)],
        "northvale": [town("Northvale", "GBR", "England", 52.0, -1.0, 20_000)],
    }

    def lookup(self, name):
        return list(self.places.get(name.lower(), []))


def _found(backend, text):
    from eventwire.mentions.places import find_places

    doc = parsed(backend, text)
    return {p.name: p for s in doc.doc.sents for p in find_places(s, _Stub(), {})}


def test_brackets_that_cannot_hold_the_place_are_no_division(backend):
    # a dateline's agency
    found = _found(backend, "Baghdad (Northvale) - Gunmen killed two guards at a checkpoint on Monday.")
    assert not found["Baghdad"].within
    # a place named by its own name that lies outside the brackets
    found = _found(backend, "Gunmen killed two guards at a checkpoint in Baghdad (Northvale reported).")
    assert not found["Baghdad"].within
    # a place the gazetteer lacks lies inside them
    found = _found(backend, "Gunmen killed two guards at a checkpoint in Qaryat Sufla (Northvale).")
    assert found["Qaryat Sufla"].within_sure and found["Northvale"].relation == "within"


def test_a_qualifier_after_a_keyword_and_a_comma(backend, geoparser):
    doc = parsed(backend, "Two policemen were wounded when a roadside bomb exploded in Dand district, Kandahar.")
    places = geoparser.places(doc)
    dand = next(p for p in places.all if p.name == "Dand")
    assert {w.country for w in dand.within} == {"AFG"} and dand.within_sure
    kandahar = next(p for p in places.all if p.name == "Kandahar")
    assert kandahar.relation == "within"


def test_a_list_of_states_is_no_qualifier(backend, geoparser):
    doc = parsed(backend, "Power cuts spread across Iowa, Nebraska and Kansas on Sunday as the ice storm moved east.")
    found = {m.text: m.location for m in geoparser.mentions(doc)}
    assert found["Iowa"].admin1 == "Iowa" and found["Iowa"].geo_precision == "admin1"
    places = geoparser.places(doc)
    assert not next(p for p in places.all if p.name == "Iowa").within_sure
    assert next(p for p in places.all if p.name == "Nebraska").relation != "within"


# --- a neighbourhood lies in its town -----------------------------------------------------------------


def test_a_neighbourhood_far_from_the_town_its_sentence_names_is_a_namesake():
    city = town("Portoverde", "BRA", "Norte", -1.45, -48.5, 1_400_000)
    far = town("Jardim Alto", "BRA", "Sul", -23.5, -46.6, 30_000)
    near = town("Jardim Alto", "BRA", "Norte", -1.40, -48.45, 30_000)
    in_city = PlaceMention("Portoverde", "Portoverde", "city", "BRA", 0, 10, "in", 1, (city,), resolved=city)
    for reading, kept in ((far, False), (near, True)):
        hood = PlaceMention("Jardim Alto", "Jardim Alto", "village", "BRA", 40, 51, "in", 9, (reading,), resolved=reading)
        out = _sites_beside_their_town([in_city, hood])
        assert (out[1].resolved is not None) == kept
    # a town that only acts ("Portoverde plans to…") places nothing
    acting = PlaceMention("Portoverde", "Portoverde", "city", "BRA", 0, 10, None, 1, (city,), resolved=city)
    hood = PlaceMention("Jardim Alto", "Jardim Alto", "village", "BRA", 40, 51, "in", 9, (far,), resolved=far)
    assert _sites_beside_their_town([acting, hood])[1].resolved is far


def test_a_name_opened_by_a_word_for_a_neighbourhood_is_one_and_lies_in_its_town():
    # "in Portoverde, ... in Colonia Alta": the name reads as a town, but it is a neighbourhood, and
    # a reading far from the town is a namesake; the town stays a town for the other names
    city = town("Portoverde", "MEX", "Norte", 19.4, -99.1, 1_400_000)
    far = town("Colonia Alta", "MEX", "Sur", 16.8, -93.1, 3_000)
    in_city = PlaceMention("Portoverde", "Portoverde", "city", "MEX", 0, 10, "in", 1, (city,), resolved=city)
    hood = PlaceMention("Colonia Alta", "Colonia Alta", "city", "MEX", 40, 52, "in", 9, (far,), resolved=far)
    out = _sites_beside_their_town([in_city, hood])
    assert out[1].resolved is None and out[0].resolved is city
    # a town whose name merely starts so is no neighbourhood on its own
    assert _sites_beside_their_town([hood])[0].resolved is far


def test_sites_beside_their_town_leaves_points_in_kilometres():
    assert haversine_km(-1.45, -48.5, -1.40, -48.45) < 50


# --- names the small model mislabels or misparses ------------------------------------------------
# Hand-built Docs (words, heads, labels and entities as the small English model gives them on
# such sentences), so each test pins the rule, not the model.


class _Divisions:
    """A gazetteer of invented places: a province, a district, a town; no reading of the villages."""

    places = {
        "ostland": [town("Ostland", "XAA", "Ostland", 10.0, 20.0, 900_000, kind="province")],
        "lesk": [town("Lesk", "XAA", "Ostland", 10.2, 20.1, 40_000, kind="district")],
        "tarvo": [town("Tarvo", "XAA", "Ostland", 10.1, 20.3, 60_000)],
        "marrow": [town("Marrow", "XAA", "Ostland", 10.4, 20.2, 15_000)],
    }

    def lookup(self, name):
        return list(self.places.get(name.lower(), []))


def _doc(words, heads, deps, pos, ents):
    import spacy
    from spacy.tokens import Doc, Span

    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def _places(doc):
    from eventwire.mentions.places import find_places

    return {p.name: p for s in doc.sents for p in find_places(s, _Divisions(), {})}


def test_a_mislabelled_town_right_after_a_locative_is_a_place_whatever_the_parse():
    # "On Friday, in Tarvo, Ostland, about 60 traders marched." parsed with "in" as the root and
    # "Tarvo" (a PERSON) as a modifier of "traders": the text still says "in Tarvo"
    words = ["On", "Friday", ",", "in", "Tarvo", ",", "Ostland", ",", "about", "60", "traders", "marched", "."]
    heads = [3, 0, 3, 3, 10, 4, 4, 4, 9, 10, 3, 10, 3]
    deps = ["prep", "pobj", "punct", "ROOT", "nmod", "punct", "conj", "punct", "advmod", "nummod", "pobj", "acl", "punct"]
    pos = ["ADP", "PROPN", "PUNCT", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "ADV", "NUM", "NOUN", "VERB", "PUNCT"]
    found = _places(_doc(words, heads, deps, pos, [(4, 5, "PERSON"), (6, 7, "ORG")]))
    assert found["Tarvo"].relation == "in" and found["Tarvo"].candidates


def test_an_entity_run_on_into_its_divisions_is_cut_at_the_comma():
    # "Drivers blocked a road in Marrow, Ostland province." with "Marrow, Ostland province" one ORG
    words = ["Drivers", "blocked", "a", "road", "in", "Marrow", ",", "Ostland", "province", "."]
    heads = [1, 1, 3, 1, 3, 8, 5, 8, 4, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "compound", "punct", "compound", "pobj", "punct"]
    pos = ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "NOUN", "PUNCT"]
    found = _places(_doc(words, heads, deps, pos, [(5, 9, "ORG")]))
    assert found["Marrow"].candidates and found["Marrow"].relation == "in"


def test_a_name_before_the_divisions_it_lies_in_is_a_village_the_gazetteer_may_lack():
    # "Gunmen raided Kuvela (Lesk, Ostland) at night." with "Kuvela (Lesk" one ORG: no reading of
    # Kuvela, but the bracket names a district and a province
    words = ["Gunmen", "raided", "Kuvela", "(", "Lesk", ",", "Ostland", ")", "at", "night", "."]
    heads = [1, 1, 1, 2, 2, 4, 4, 2, 1, 8, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "appos", "punct", "conj", "punct", "prep", "pobj", "punct"]
    pos = ["NOUN", "VERB", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PUNCT", "ADP", "NOUN", "PUNCT"]
    found = _places(_doc(words, heads, deps, pos, [(2, 5, "ORG"), (6, 7, "PERSON")]))
    kuvela = found["Kuvela"]
    assert kuvela.kind == "village" and not kuvela.candidates
    assert {c.name for c in kuvela.within} == {"Lesk", "Ostland"} and kuvela.within_sure


def test_an_actor_named_with_its_country_in_brackets_is_no_place():
    # ACLED-style actor names: a bracket with a country alone (no division) is not where a place lies
    words = ["Militia", "(", "Ostland", ")", "fighters", "attacked", "a", "convoy", "."]
    heads = [4, 0, 0, 0, 5, 5, 7, 5, 5]
    deps = ["compound", "punct", "appos", "punct", "nsubj", "ROOT", "det", "dobj", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "PUNCT", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]

    class _CountryOnly(_Divisions):
        places = {"ostland": [town("Ostland", "XAA", None, 10.0, 20.0, 5_000_000, kind="country")]}

    from eventwire.mentions.places import find_places

    doc = _doc(words, heads, deps, pos, [(0, 1, "ORG")])
    assert "Militia" not in {p.name for s in doc.sents for p in find_places(s, _CountryOnly(), {})}


def test_the_locality_of_a_village_is_a_keyword_like_the_village_of():
    words = ["Rebels", "burned", "houses", "in", "the", "locality", "of", "Kuvela", "."]
    heads = [1, 1, 1, 1, 5, 3, 5, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "pobj", "punct"]
    pos = ["NOUN", "VERB", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
    found = _places(_doc(words, heads, deps, pos, [(7, 8, "ORG")]))
    assert found["Kuvela"].kind == "village"


# --- a bracket's names lie each inside the next -------------------------------------------------


class Names:
    """A gazetteer of a few invented names (the interface asks only for lookup)."""

    def __init__(self, *places):
        self.places = places

    def lookup(self, name):
        return [p for p in self.places if p.name == name]


def test_a_brackets_names_are_read_from_the_largest_inwards():
    import re

    from eventwire.mentions.places import _BRACKETED, _nested_parts

    # "Merrow (Dunval, Ostmark)": Dunval is a district of Ostmark, which the gazetteer lacks; its
    # only namesake is a big town in another country, which must not become the place's country
    ostmark = town("Ostmark", "AAA", "Ostmark", 14.0, 44.0, 900_000, kind="province")
    dunval_abroad = town("Dunval", "BBB", "Kesh", -7.0, 112.0, 1_100_000)
    gazetteer = Names(ostmark, dunval_abroad)
    text = "Gunmen shot a teacher in Merrow (Dunval, Ostmark) on Monday."
    tail = _BRACKETED.match(text, text.index(" (Dunval"))
    parts = _nested_parts(tail, tail.start("inside"), gazetteer, {})
    assert [(name, cands) for _, name, _, cands in parts] == [("Ostmark", (ostmark,))]
    # a district that does lie in the province is kept, with only its reading there
    dunval_home = town("Dunval", "AAA", "Ostmark", 13.8, 44.2, 20_000, kind="district")
    parts = _nested_parts(tail, tail.start("inside"), Names(ostmark, dunval_abroad, dunval_home), {})
    assert [(name, cands) for _, name, _, cands in parts] == [("Dunval", (dunval_home,)), ("Ostmark", (ostmark,))]
    assert [text[s : s + len(n)] for s, n, _, _ in parts] == ["Dunval", "Ostmark"]
    # a single name, or names with nothing known of the larger one, are left as they were
    one = re.match(r"\s*\((?P<inside>Dunval)\)", " (Dunval)")
    assert [c for _, _, _, c in _nested_parts(one, one.start("inside"), gazetteer, {})] == [(dunval_abroad,)]


def test_a_country_that_names_a_currency_is_no_place():
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from eventwire.mentions.places import find_places

    def sentence(words, heads, deps, ents):
        doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=["PROPN" if w[0].isupper() else "NOUN" for w in words],
                  sent_starts=[True] + [False] * (len(words) - 1))
        doc.ents = [Span(doc, s, e, label="GPE") for s, e in ents]
        return doc[:]

    kelmar = town("Kelmar", "OST", "North", 10.0, 20.0, 50_000)
    names = {"ostland": "OST"}
    # "Traders in Kelmar protested as the Ostland dollar fell ."
    money = sentence(["Traders", "in", "Kelmar", "protested", "as", "the", "Ostland", "dollar", "fell", "."],
                     [3, 0, 1, 3, 8, 7, 7, 8, 3, 3], ["nsubj", "prep", "pobj", "ROOT", "mark", "det", "compound", "nsubj", "advcl", "punct"],
                     [(2, 3), (6, 7)])
    assert [p.name for p in find_places(money, Names(kelmar), names)] == ["Kelmar"]
    # the country itself, where something happens, stays a place
    # "Traders in Ostland protested ."
    land = sentence(["Traders", "in", "Ostland", "protested", "."], [3, 0, 1, 3, 3], ["nsubj", "prep", "pobj", "ROOT", "punct"], [(2, 3)])
    assert [(p.name, p.kind) for p in find_places(land, Names(kelmar), names)] == [("Ostland", "country")]


def test_a_name_that_starts_with_the_arabic_article_is_not_in_a_town_called_so():
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from eventwire.mentions.places import find_places

    # "Shells fell in Al Tarvi ." where a town abroad is called "Al" and none "Al Tarvi"
    words = ["Shells", "fell", "in", "Al", "Tarvi", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 1, 4, 2, 1], deps=["nsubj", "ROOT", "prep", "compound", "pobj", "punct"],
              pos=["NOUN", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"], sent_starts=[True] + [False] * 5)
    doc.ents = [Span(doc, 3, 5, label="GPE")]
    abroad = town("Al", "NOR", "West", 60.6, 8.6, 2_000)
    (found,) = find_places(doc[:], Names(abroad), {})
    assert found.name == "Al Tarvi" and found.candidates == ()
    # a county whose jail the name is keeps its county ("the Dunval County Jail")
    county = town("Dunval County", "USA", "North", 40.0, -90.0, 20_000, kind="district")
    words = ["Inmates", "rioted", "at", "Dunval", "County", "Jail", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 1, 5, 5, 2, 1], deps=["nsubj", "ROOT", "prep", "compound", "compound", "pobj", "punct"],
              pos=["NOUN", "VERB", "ADP", "PROPN", "PROPN", "PROPN", "PUNCT"], sent_starts=[True] + [False] * 6)
    doc.ents = [Span(doc, 3, 6, label="FAC")]
    (jail,) = find_places(doc[:], Names(county), {})
    assert [c.name for c in jail.candidates] == ["Dunval County"]


def test_a_site_with_no_reading_lies_in_the_most_specific_place_of_its_sentence():
    from eventwire.geo.resolve import _anchor

    city = town("Portoverde", "MEX", "Norte", 19.4, -99.1, 1_400_000)
    state = town("Norte", "MEX", "Norte", 20.0, -100.0, 5_000_000, kind="province")
    # "in Portoverde, Norte, ... in Colonia Alta": the province is nearer in words, the town in kind
    in_city = PlaceMention("Portoverde", "Portoverde", "city", "MEX", 3, 13, "in", 1, (city,), resolved=city)
    in_state = PlaceMention("Norte", "Norte", "province", "MEX", 15, 20, None, 3, (state,), resolved=state)
    hood = PlaceMention("Colonia Alta", "Colonia Alta", "village", "MEX", 40, 52, "in", 9)
    assert _anchor(hood, [in_city, in_state, hood]) is in_city


def _hand_parsed(words, heads, deps, pos, ents):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_a_name_after_a_locative_that_the_model_labels_a_date_is_a_place():
    from eventwire.mentions.places import find_places, mislabelled_as_time

    class Tarvo:
        def lookup(self, name):
            return [town("Tarvo", "CAN", "Ostmark", 49.9, -97.1, 700_000)] if name == "Tarvo" else []

    # "The crime goes on in Tarvo." with "Tarvo" labelled a date
    doc = _hand_parsed(["The", "crime", "goes", "on", "in", "Tarvo", "."], [1, 2, 2, 2, 2, 4, 2],
                       ["det", "nsubj", "ROOT", "prt", "prep", "pobj", "punct"],
                       ["DET", "NOUN", "VERB", "ADP", "ADP", "PROPN", "PUNCT"], ["O", "O", "O", "O", "O", "B-DATE", "O"])
    assert mislabelled_as_time(doc[5])
    assert [p.name for p in find_places(doc[:], Tarvo(), {})] == ["Tarvo"]
    # a calendar word labelled a date stays a date
    monday = _hand_parsed(["in", "Monday"], [0, 0], ["ROOT", "pobj"], ["ADP", "PROPN"], ["O", "B-DATE"])
    assert not mislabelled_as_time(monday[1])
    # nor is a word in lower case a town's: "in mid-June" with "mid" tagged a proper noun (a town's
    # name in some spelling somewhere)
    mid = _hand_parsed(["in", "mid", "-", "June"], [0, 3, 3, 0], ["ROOT", "amod", "punct", "pobj"],
                       ["ADP", "PROPN", "PUNCT", "PROPN"], ["O", "B-DATE", "I-DATE", "I-DATE"])  # fmt: skip
    assert not mislabelled_as_time(mid[1])


def test_a_part_named_by_compass_words_is_in_its_place_however_it_was_found(backend):
    # found before a keyword ("Eastern Ostvale University") or after a locative, not only as the
    # model's entity: the part the gazetteer lacks is in the place its compass words qualify
    from eventwire.mentions.places import find_places

    class Places:
        def lookup(self, name):
            return {"Ostvale": [town("Ostvale", "USA", "Ostvale", 37.5, -85.0, 4_000_000, kind="province")]}.get(name, [])

    doc = parsed(backend, "She teaches at Eastern Ostvale University in the spring.")
    (university,) = [p for s in doc.doc.sents for p in find_places(s, Places(), {})]
    assert university.text == "Eastern Ostvale" and university.name == "Ostvale" and university.candidates


def test_a_plural_keyword_names_its_places_as_the_singular_does(backend):
    from eventwire.mentions.places import find_places

    class Villages:
        def lookup(self, name):
            return [town(name, "SYR", "Idlib", 35.9, 36.7)] if name in ("Tarvo", "Kelmar") else []

    doc = parsed(backend, "Rebels shelled the villages of Tarvo and Kelmar on Sunday.")
    found = {p.name: p for s in doc.doc.sents for p in find_places(s, Villages(), {})}
    assert found["Tarvo"].kind == "village"


def test_a_place_the_gazetteer_lacks_in_a_local_story_lies_near_the_storys_town():
    from eventwire.geo.resolve import ArticlePlaces, locate

    tarvo = town("Tarvo", "USA", "Kelmar", 41.0, -96.0, 20_000)
    dunval = town("Dunval", "USA", "Kelmar", 40.0, -99.0, 9_000)
    seen = [mention("Tarvo", [tarvo], start=s, resolved=tarvo) for s in (0, 100, 200)]
    seen.append(mention("Dunval", [dunval], start=300, resolved=dunval))
    unknown = mention("Ostbrook Park", [], start=400)
    found = ArticlePlaces([seen, [unknown]], {"USA": 3.0}, "USA")
    loc = locate(unknown, [unknown], found, "USA", _Stub(), near_home_town=True)
    assert (loc.latitude, loc.longitude, loc.geo_precision, loc.anchor) == (41.0, -96.0, "near", "Tarvo")
    # with no town named more often than the others, the division's point stands as before
    even = ArticlePlaces([[seen[0], seen[3]], [unknown]], {"USA": 3.0}, "USA")
    assert locate(unknown, [unknown], even, "USA", _Stub(), near_home_town=True).anchor != "Tarvo"
    # an event keeps the coarser, surer division
    assert locate(unknown, [unknown], found, "USA", _Stub()).anchor != "Tarvo"


def test_a_countys_name_without_its_word_is_the_county_when_nothing_else_is_called_so(backend):
    from eventwire.mentions.places import find_places

    class Counties:
        def lookup(self, name):
            return [town(name, "USA", "Kelmar", 37.5, -77.4, 300_000, kind="district")] if name == "Tarvo County" else []

    doc = parsed(backend, "Two new schools will open in Tarvo next fall, officials said.")
    (tarvo,) = [p for s in doc.doc.sents for p in find_places(s, Counties(), {})]
    assert tarvo.name == "Tarvo County" and tarvo.kind == "district" and tarvo.candidates


def test_a_village_one_other_name_points_at_does_not_beat_a_city_of_that_name_by_that_alone():
    # "Harwell" is a city of 400,000 and a hamlet of 700 people; the article also names a town that
    # gives the hamlet's state an anchor's worth of evidence, and the city's state a little
    city = town("Harwell", "USA", "Coastal", 38.9, -77.0, 400_000)
    hamlet = town("Harwell", "USA", "Prairie", 35.0, -97.0, 700)
    m = mention("Harwell", [hamlet, city])
    chosen = m.in_context({"USA": 5.0}, "USA", {("USA", "Prairie"): 1.0, ("USA", "Coastal"): 0.2})
    assert chosen.resolved == city
    # with more of the article behind it, the hamlet is the article's Harwell
    chosen = m.in_context({"USA": 5.0}, "USA", {("USA", "Prairie"): 3.0})
    assert chosen.resolved == hamlet
    # a small town of that name is no city: the evidence still places the hamlet's namesake
    small = town("Harwell", "USA", "Coastal", 38.9, -77.0, 40_000)
    assert mention("Harwell", [hamlet, small]).in_context({"USA": 5.0}, "USA", {("USA", "Prairie"): 1.0}).resolved == hamlet


class _Brackets:
    """A gazetteer of invented places: a big town abroad, and a town and its province elsewhere."""

    places = {
        "tesso": [town("Tesso", "IND", "Uttar", 28.6, 77.3, 150_000)],
        "kobara": [town("Kobara", "MLI", "Sendou", 14.3, -3.6, 25_000)],
        "sendou": [town("Sendou", "MLI", "Sendou", 14.5, -4.0, 400_000, kind="province")],
    }

    def lookup(self, name):
        return list(self.places.get(name.lower(), []))


def test_a_bracket_listing_the_divisions_a_place_lies_in_rules_out_its_namesake_abroad(backend):
    from eventwire.mentions.places import find_places

    def found(text):
        doc = parsed(backend, text)
        return {p.name: p for s in doc.doc.sents for p in find_places(s, _Brackets(), {})}

    # a town and its province, each inside the next: the divisions Tesso lies in, not the big Tesso abroad
    tesso = found("Gunmen burned the police post in Tesso (Kobara, Sendou) on Tuesday night.")["Tesso"]
    assert tesso.within_sure and {w.country for w in tesso.within} == {"MLI"}
    assert tesso.in_context({"MLI": 3.0}, "MLI").resolved is None
    # one name alone in the bracket, which does not hold the big town, still says nothing sure
    assert not found("Gunmen burned the police post in Tesso (Kobara) on Tuesday night.")["Tesso"].within


def test_a_place_qualified_by_a_town_is_the_reading_beside_that_town():
    province = town("Ostmark", "IND", "Ostmark", 22.0, 72.0, 5_000_000, kind="province")
    kelmar = town("Kelmar", "IND", "Ostmark", 21.2, 72.8, 4_000_000)
    beside = town("Dorra", "IND", "Ostmark", 21.3, 72.9, 3_000)
    bigger = town("Dorra", "IND", "Ostmark", 23.5, 70.5, 9_000)
    m = mention("Dorra", [bigger, beside], within=(kelmar, province), within_sure=True)
    assert m.in_context({"IND": 3.0}, "IND").resolved == beside
    # qualified by the province alone, the bigger namesake is as good a reading as any
    m = mention("Dorra", [bigger, beside], within=(province,), within_sure=True)
    assert m.in_context({"IND": 3.0}, "IND").resolved == bigger


def test_a_town_an_act_is_told_of_by_its_noun_is_a_place_whatever_the_model_took_it_for():
    import spacy
    from spacy.tokens import Doc, Span

    from eventwire.mentions.places import find_places

    vocab = spacy.blank("en").vocab  # (with English's word attributes: a bare Vocab has no lower case)

    class Towns:
        def lookup(self, name):
            return [town(name, "SYR", "Kelmar", 36.2, 37.1, 400_000)] if name == "Tarvo" else []

    def read(noun, label):
        # "They described the <noun> of Tarvo ." with the model's label on "Tarvo"
        words = ["They", "described", "the", noun, "of", "Tarvo", "."]
        doc = Doc(vocab, words=words, pos=["PRON", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
                  tags=["PRP", "VBD", "DT", "NN", "IN", "NNP", "."], deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
                  heads=[1, 1, 3, 1, 3, 4, 1], lemmas=["they", "describe", "the", noun, "of", "Tarvo", "."],
                  sent_starts=[True] + [False] * 6)
        doc.ents = [Span(doc, 5, 6, label=label)]
        return [(p.name, p.relation) for p in find_places(doc[:], Towns(), {})]

    # "the siege of Tarvo" tells an act done to a town, whatever the model labelled it
    assert read("siege", "NORP") == [("Tarvo", "of")]
    assert read("bombardment", "ORG") == [("Tarvo", "of")]
    # "the people of Tarvo", "the history of Tarvo" tell no act: a name the model took for a people stays one
    assert read("history", "NORP") == []


@pytest.mark.parametrize("text", ["The two armies agreed a ceasefire for Mosul on Friday.",
                                  "Both armies agreed to a cease-fire for Mosul on Friday."])
def test_an_agreed_ceasefire_happens_where_it_holds(text):
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    events = Pipeline(coder=Coder(classifier=None)).extract(text, published="2021-05-09")
    agreed = next(e for e in events if e.type == "AGREE")
    assert (agreed.place.name, agreed.place.country) == ("Mosul", "IRQ")


# --- a hamlet abroad gives way to a division the note names --------------------------------------
# A note that names no country: a small name's only readings are hamlets of another country, and its
# own vote weighs that country as much as the division named beside it. The hamlet is no evidence for
# itself: the name is a place of the division's country the gazetteer lacks.

OSTLAND = town("Ostland", "XAA", "Ostland", 10.0, 20.0, 60_000, kind="province")
KELMO_ABROAD = town("Kelmo", "XBB", "Sudmark", -5.0, 110.0, 0)


def test_a_hamlets_country_that_only_its_own_vote_brings_in_is_dropped_for_it():
    from eventwire.geo.resolve import ArticlePlaces, countries_only_it_names

    by_sentence = [[mention("Kelmo", [KELMO_ABROAD], relation="in"),
                    mention("Ostland", [OSTLAND], kind="province", start=30, relation="within")]]  # fmt: skip
    weights = article_countries(by_sentence)
    assert weights["XBB"] == weights["XAA"]  # the hamlet's own vote, as much as the province's
    own = countries_only_it_names(by_sentence, weights, None)
    assert own == {"kelmo": frozenset({"XBB"})}
    found = ArticlePlaces(by_sentence, weights, "XBB", own_countries=own)
    assert found.countries_besides("Kelmo") == {"XAA": weights["XAA"]}
    assert found.main_country_besides("Kelmo") == "XAA" and found.main_country_besides("Ostland") == "XBB"
    read = by_sentence[0][0].in_context(found.countries_besides("Kelmo"), found.main_country_besides("Kelmo"))
    assert read.resolved is None and read.country == "XAA"


def test_two_towns_of_two_countries_keep_their_readings():
    from eventwire.geo.resolve import countries_only_it_names

    # "in Dalo, Tarvo": neither is a division, neither a hamlet; the bigger town is no surer
    dalo = mention("Dalo", [town("Dalo", "XBB", "Sudmark", -5.0, 110.0, 8_000)], relation="in")
    tarvo = mention("Tarvo", [town("Tarvo", "XAA", "Ostland", 10.0, 20.0, 30_000)], start=10, relation="in")
    assert countries_only_it_names([[dalo, tarvo]], article_countries([[dalo, tarvo]]), None) == {}
    # a name read in several countries is sure of none, and makes no hamlet give way
    kelmo = mention("Kelmo", [KELMO_ABROAD], relation="in")
    spread = mention("Varn", [town("Varn", "XAA", "Ostland", 10.0, 20.0, 50_000), town("Varn", "XCC", "Nord", 40.0, 5.0, 60_000)],
                     start=10, relation="in")  # fmt: skip
    assert countries_only_it_names([[kelmo, spread]], article_countries([[kelmo, spread]]), None) == {}


def test_the_leads_people_keep_a_hamlets_country():
    from eventwire.geo.resolve import countries_only_it_names

    by_sentence = [[mention("Kelmo", [KELMO_ABROAD], relation="in"),
                    mention("Ostland", [OSTLAND], kind="province", start=30, relation="within")]]  # fmt: skip
    weights = article_countries(by_sentence)
    assert countries_only_it_names(by_sentence, weights, None, demonyms=lambda: [(0, "XBB")]) == {}


class _HamletAbroad:
    """A gazetteer of invented places: a province, and hamlets of another country that share the names
    of the province's villages."""

    places = {
        "ostland": [OSTLAND],
        "kelmo": [KELMO_ABROAD],
        "dalo": [town("Dalo", "XBB", "Sudmark", -5.2, 110.3, 0)],
        "tarvo": [town("Tarvo", "XBB", "Sudmark", -5.4, 110.1, 300)],
    }

    def lookup(self, name):
        return list(self.places.get(name.lower(), []))


@pytest.mark.parametrize("text, name", [
    ("Soldiers clashed with rebels at Kelmo in Ostland state on Sunday, leaving three dead.", "Kelmo"),
    ("Gunmen killed two traders in Kelmo, a market town of Ostland, on Tuesday night.", "Kelmo"),
    ("Protesters blocked the main road in Dalo (Ostland) to denounce water cuts.", "Dalo"),
    ("Unidentified attackers burned a school at Tarvo in Ostland province overnight.", "Tarvo"),
])  # fmt: skip
def test_a_village_with_a_hamlet_namesake_abroad_falls_back_to_its_province(backend, text, name):
    from eventwire.geo.geoparse import Geoparser

    doc = parsed(backend, text)
    found = {m.text: m.location for m in Geoparser(gazetteer=_HamletAbroad()).mentions(doc)}
    assert found[name].country == "XAA" and found[name].admin1 == "Ostland"


# --- a qualifier that names a division of several countries, none the town's ---------------------
# "Tarvo, Centre": the gazetteer knows regions called Centre in three countries but not the one Tarvo
# lies in. The qualifier is a division the gazetteer lacks, not proof that Tarvo lies elsewhere.


class _CommonDivisionName:
    """A gazetteer of invented places: a town known in no division, and three foreign regions that share
    the name of its own."""

    places = {
        "tarvo": [town("Tarvo", "XAA", None, 19.1, -72.0, 18_000)],
        "centre": [town("Centre", c, "Centre", lat, 0.0, 2_000_000, kind="province")
                   for c, lat in (("XBB", 12.0), ("XCC", 47.0), ("XDD", 4.0))],
    }

    def lookup(self, name):
        return list(self.places.get(name.lower(), []))


@pytest.mark.parametrize("text", [
    "On Friday, in Tarvo, Centre, teachers went on strike over unpaid wages.",
    "Nurses protested outside the main hospital of Tarvo, Centre, on Monday.",
    "Police dispersed traders who had blocked a road in Tarvo, Centre, with burning tyres.",
])  # fmt: skip
def test_a_town_qualified_by_a_common_division_name_of_other_countries_keeps_its_reading(backend, text):
    from eventwire.geo.geoparse import Geoparser

    found = {m.text: m.location for m in Geoparser(gazetteer=_CommonDivisionName()).mentions(parsed(backend, text))}
    assert found["Tarvo"].country == "XAA" and found["Tarvo"].geo_precision in ("exact", "near")  # (the town's point)
    assert found["Tarvo"].admin1 == "Centre"  # (the division the text writes: the gazetteer gives none)


def test_a_namesake_outside_a_qualifier_of_one_country_still_gives_way():
    # "Tarvo (Centre)" with Centre a region of one country: Tarvo's namesake elsewhere is not it
    centre = town("Centre", "XBB", "Centre", 12.0, 0.0, 2_000_000, kind="province")
    tarvo = mention("Tarvo", [town("Tarvo", "XAA", None, 19.1, -72.0, 18_000)], within=(centre,), within_sure=True)
    read = tarvo.in_context({"XAA": 1.5, "XBB": 1.5}, "XAA")
    assert read.resolved is None and read.country == "XBB"


# --- a bracket's last name known only as a hamlet abroad ----------------------------------------
# "(Dalo, Kelmo)": Dalo a town by its own name, Kelmo a division the gazetteer lacks whose only namesake
# is a hamlet abroad. Kelmo holds no reading of Dalo, and is no qualifier: the village lies by Dalo.


class _BracketOfTownAndHamlet:
    places = {
        "dalo": [town("Dalo", "XAA", "Ostland", 14.0, 0.5, 40_000)],
        "kelmo": [town("Kelmo", "XBB", "Sudmark", -5.0, 110.0, 40)],
    }

    def lookup(self, name):
        return list(self.places.get(name.lower(), []))


@pytest.mark.parametrize("text, name", [
    ("Gunmen abducted a teacher in the village of Varno (Dalo, Kelmo) on Monday.", "Varno"),
    ("Militants burned a health post near Sirel (Dalo, Kelmo) overnight.", "Sirel"),
    ("Three herders were killed at Bekka (Dalo, Kelmo), residents said.", "Bekka"),
])  # fmt: skip
def test_a_brackets_last_name_known_only_as_a_hamlet_abroad_is_no_qualifier(backend, text, name):
    from eventwire.geo.geoparse import Geoparser

    found = {m.text: m.location for m in Geoparser(gazetteer=_BracketOfTownAndHamlet()).mentions(parsed(backend, text))}
    assert found[name].country == "XAA" and found[name].admin1 == "Ostland"


def test_a_brackets_last_name_that_is_a_town_abroad_stays_a_qualifier():
    from eventwire.mentions.places import _surer_than

    dalo = (0, "Dalo", None, (town("Dalo", "XAA", "Ostland", 14.0, 0.5, 40_000),))
    hamlet = (6, "Kelmo", None, (town("Kelmo", "XBB", "Sudmark", -5.0, 110.0, 40),))
    big = (6, "Kelmo", None, (town("Kelmo", "XBB", "Sudmark", -5.0, 110.0, 30_000),))
    assert _surer_than(dalo, hamlet) and not _surer_than(dalo, big)
    # nor when the name before it is known only by another spelling
    spelled = (0, "Dallo", None, (town("Dalo", "XAA", "Ostland", 14.0, 0.5, 40_000),))
    assert not _surer_than(spelled, hamlet)
