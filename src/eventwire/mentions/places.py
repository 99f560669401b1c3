"""Place mentions: where an event happened, found from entities and from syntax.

spaCy's labels are not trusted alone: "the village of Hamo" is a place even when
"Hamo" is tagged ORG or PERSON, and so is the X in "in the northeastern
province of X" or "X border crossing". A ``Gazetteer`` (a seam: the default is
the SQLite GeoNames gazetteer of eventwire.geo) says which places a name may be.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..bundled import bundled_rows
from ..placenames import (  # noqa: F401 - the names' keys and records, as mentions and their readers use them
    ARABIC_NAME_WORDS,
    Gazetteer,
    PlaceCandidate,
    fold_name,
    is_article,
    name_keys,
    spelled_out,
    spelling_key,
    strip_article,
    transliterations,
)

# How specific a kind of place is: the event's place is the most specific one.
SPECIFICITY = {"facility": 6, "village": 5, "city": 4, "place": 3.5, "district": 3, "road": 3, "province": 2, "region": 1.5,
               "country": 1}  # fmt: skip
_KEYWORD_KIND = {
    "village": "village", "hamlet": "village", "town": "city", "city": "city", "camp": "facility",
    "neighbourhood": "village", "neighborhood": "village", "district": "district", "suburb": "village",
    "province": "province", "governorate": "province", "state": "province", "region": "region",
    "county": "district", "municipality": "district", "area": "district", "countryside": "district",
    "base": "facility", "airbase": "facility", "airport": "facility", "crossing": "facility",
    "checkpoint": "facility", "border crossing": "facility", "prison": "facility", "port": "facility",
    "field": "facility", "oilfield": "facility", "dam": "facility", "bridge": "facility", "highway": "facility",
    "forest": "village", "university": "facility", "square": "facility", "avenue": "facility", "market": "facility",
    "hospital": "facility", "stadium": "facility", "palace": "facility", "compound": "facility", "valley": "district",
    "locality": "village", "commune": "district", "township": "district", "department": "province",
    # the press's words for second-level divisions where they are spoken (Nigeria, Bangladesh, India, Ethiopia)
    "lga": "district", "upazila": "district", "taluka": "district", "tehsil": "district", "woreda": "district",
}  # fmt: skip


DIRECTIONS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west south-east south-west".split()
)
_LOCATIVE = frozenset("in near at outside around across into inside within on from to toward towards through along between north south east west".split())
# participles that make a name the backer of what they modify: "Russian-backed separatists" are
# backed by Russia, of the country they fight in ("Kelmar-led", "-controlled": of the leader)
_BACKING = frozenset("backed supported sponsored funded financed allied aligned trained armed affiliated linked inspired".split())


def names_a_backer(tok: Token) -> bool:
    """Is the name a hyphened backing's ("Russian" in "Russian-backed separatists")? It names
    neither the actor's country nor where anything happened."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in _BACKING


def names_a_side(tok: Token) -> bool:
    """Is the name the side a group takes ("Kelmari" in "pro-Kelmari militias")? A country named so
    is neither the group's (ACLED and PLOVER give an armed group the country it fights in) nor
    where anything happened."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "pro"


# nouns for a part of a place, before "of" and its name ("the centre of Tarvo", "the outskirts of Kelmar")
PART_NOUNS = frozenset("centre center heart outskirts outskirt suburbs suburb edge middle downtown streets "
                       "vicinity environs part parts zone side".split())  # fmt: skip


def is_locative(relation: str | None) -> bool:
    """Does the relation put something at a place ("in", "near", "south of")?"""
    return relation in _LOCATIVE or relation is not None and relation.endswith(" of") and relation[:-3] in DIRECTIONS
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_VERBS = frozenset(
    "enter reach capture seize retake recapture shell bomb strike hit storm raid overrun besiege surround "
    "occupy visit leave cross invade pound target liberate".split()
)
# prepositions after which an unknown proper name is taken for a place ("near Tal Mardikh")
_STRONG_LOCATIVE = frozenset("near outside around in into inside at".split())
# the keywords before "of" and a place's name ("the village of X", "the towns of X and Y"), and after
# one ("X village", "X border crossing"), each used by its pattern and by that pattern's prefilter below
_OF_KEYWORDS = (
    r"village|town|city|district|province|governorate|region|area|camp|neighbou?rhood|suburb|state|county|municipality|"
    r"port|locality|commune|township|villages|towns|cities|districts|provinces|governorates|regions|areas|camps|"
    r"neighbou?rhoods|suburbs|states|counties|municipalities|ports|localities|communes|townships|"
    # a local government's own name, capitalised ("the County of Tarvo", "the City of Kelmar"): the place it governs
    r"City|Town|County|Township|Village|Municipality"
)
_AFTER_KEYWORDS = (
    r"village|town|city|province|governorate|district|region|camp|base|air\s?base|airport|border\s+crossing|crossing|"
    r"checkpoint|prison|oil\s?field|dam|neighbou?rhood|countryside|forest|University|Square|Avenue|market|hospital|"
    r"stadium|valley|highway|road|roundabout|intersection|junction|bridge|refugee\s+camp|LGA|[Uu]pazila|taluka|tehsil|woreda|"
    r"state|department"
)
_OF_KEYWORD = re.compile(
    rf"\b(?:the\s+)?(?:[a-z]+(?:ern)?\s+)?(?P<kw>{_OF_KEYWORDS})\s+of\s+"
    r"(?P<name>(?:al-|el-|Al-|El-|Ain\s+al-|Tal\s+|Tel\s+|Abu\s+|Deir\s+|Ras\s+|Jisr\s+|Kafr\s+|Beit\s+|Bir\s+)?[A-Z][\w'’-]*(?:\s+(?:al-|el-)?[A-Z][\w'’-]*){0,3})"
)
_KEYWORD_AFTER = re.compile(
    r"(?P<name>(?:(?:al|el|Al|El)-)?[A-Z][\w'’-]*(?:\s+(?:(?:al|el|Al|El)-)?[A-Z][\w'’-]*){0,3})\s+"
    rf"(?P<kw>{_AFTER_KEYWORDS})\b"
)
# words for a neighbourhood that open its name where they are spoken ("Colonia Vista Hermosa",
# "Barrio San Jose", "Barangay Poblacion", "Bairro Alto"): such a name is a neighbourhood as
# "X neighbourhood" is, and its namesakes in other towns are many; the word alone names none of them
NEIGHBOURHOOD_WORDS = frozenset("colonia barrio barangay bairro fraccionamiento mohalla vila".split())
# a road, a bridge or a crossroads called after a town ("the Tarvo highway", "Kelmar road in Dunval"): it
# is by that town or leads to it, so it is a place less sure than a town named with it
_ROAD_WORDS = frozenset({"highway", "road", "roundabout", "intersection", "junction", "bridge"})
# keywords after which only a name the gazetteer knows is taken: a capitalised word before them is as
# often a sentence's first word or a street's ("What city", "That highway", "34th Street intersection")
_KNOWN_NAMES_ONLY = _ROAD_WORDS | {"city", "refugee camp"}
# a first-level division's words in lower case, after its name ("Kassala state", "Ouest department"): only
# a name the gazetteer knows as a division is read so ("Islamic state" is no division)
_DIVISIONS_KNOWN_ONLY = frozenset({"state", "department"})
_STREET_WORDS = frozenset("street avenue road boulevard lane drive way highway square".split())
# a division's keyword right after a name: the name's own kind, whatever keyword came before "of"
_OWN_DIVISION_KEYWORD = re.compile(r"\s+(?:region|province|governorate|district|state|county|oblast)\b")
# a bare direction or position is no place name on its own ("moved to South", "the North"),
# however many divisions GeoNames calls so (Iceland's South, Ghana's Central)
GENERIC_NAMES = DIRECTIONS | frozenset(
    "northern southern eastern western central middle upper lower inner outer north-eastern north-western "
    "south-eastern south-western northeastern northwestern southeastern southwestern".split()
)
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?"
_PLURAL_DIVISIONS = re.compile(
    rf"(?P<names>{_NAME}(?:,\s+{_NAME})*,?\s+(?:and|or)\s+{_NAME})\s+(?P<kw>counties|parishes)\b"
)
# the same names told after the plural word, by a dash, a colon or "such as" in its clause ("the three largest
# counties - Tarvo, Kelmo and Dalo -", "counties crossed by the road, such as Tarvo and Kelmo")
_DIVISIONS_LISTED = re.compile(
    rf"\b(?P<kw>counties|parishes)(?:\s*[:—–”\"-]+\s*|[^.;:]{{0,60}}?\s(?:such as|including|like)\s+)"
    rf"(?P<names>{_NAME}(?:,\s+{_NAME})*,?\s+(?:and|or)\s+{_NAME})"
)
# what the keyword patterns cannot match without (a plain search, far cheaper than the patterns,
# which try a name at every capital): a keyword after a space, or before "of"; "counties", "parishes"
_MAYBE_OF_KEYWORD = re.compile(rf"(?:{_OF_KEYWORDS})\s+of\s")
_MAYBE_KEYWORD_AFTER = re.compile(rf"\s(?:{_AFTER_KEYWORDS})\b")
_STOP_NAMES = frozenset("The A An In On At Near Syrian Iraqi Turkish US American Russian Iranian Kurdish Israeli".split())


# how much of the rest of an article must point at a division before a reading there beats
# readings elsewhere: one anchor ("Springfield, Ill.", a division named, a big town), or two
# ambiguous names that can both lie there
DIVISION_EVIDENCE = 1.0
# what a tenfold population is worth against the article's evidence for a division
POPULATION_WEIGHT = 0.5
# what a tenfold weight of a country in the article is worth against a reading's size
COUNTRY_WEIGHT = 1.0
# a name that names one place only, anywhere, is that place when no reading lies in the article's countries,
# once the place is this big: no namesake competes, and a town of this size is a name the press uses for
# it (dev parts, within 161 km on gold spans, LGL / TR-News, measured while such towns also voted for their
# country: 100,000 (only the big places) 85.7 / 87.8, 50,000 85.7 / 87.9, 20,000 85.7 / 88.2, 10,000
# 85.7 / 88.2, 5,000 85.7 / 87.6; end to end best at 20,000)
ONLY_NAMESAKE_PEOPLE = 20_000
# a reading of fewer people is a hamlet (GeoNames gives most villages 0): a name's hamlets abroad do not
# make it ambiguous between countries, nor a division elsewhere
HAMLET_PEOPLE = 1_000


@dataclass(frozen=True)
class PlaceMention:
    text: str
    name: str
    kind: str
    country: str | None  # filled by ``in_context``; candidates decide
    start: int  # article offsets
    end: int
    relation: str | None  # the preposition that introduced it: in, near, ...
    head_i: int  # token index of its head in the doc
    candidates: tuple[PlaceCandidate, ...] = ()
    resolved: PlaceCandidate | None = None  # the reading chosen by ``in_context``
    within: tuple[PlaceCandidate, ...] = ()  # "Charleston, W.Va.": the division or country named after it
    # the qualifier surely is one ("Kelmar (Dorrin)", "Pelu district, Marran."), not perhaps the
    # next item of a list ("Wisconsin, Michigan and Ohio"): a reading outside it is then no reading
    within_sure: bool = False
    qualifier: tuple[int, int] | None = None  # the sure qualifier's tokens after the name, [start, end)
    # the big towns among the readings that the press names apart from their division ("Quebec City"; see
    # ``towns_named_apart``): the bare name is not theirs
    apart: frozenset[int] = frozenset()

    @property
    def specificity(self) -> float:
        if self.kind == "place" and not self.candidates:
            # a bare name the gazetteer lacks may be a village or a site, or an organisation after
            # "in" ("in the Syrian Observatory's count"): more specific than a district, never more
            # than a town the gazetteer knows (a keyword says more: "the village of Hamo" is a village)
            return 3.9
        return SPECIFICITY.get(self.kind, 3)

    @property
    def is_strong(self) -> bool:
        """A reading safe to trust without context: a country, or a big place or a province by its own
        name, in one country only (Tripoli, Lebanon and Tripoli, Libya are both big: neither is safe)."""
        return self.kind == "country" or len({c.country for c in self.strong_candidates()}) == 1

    def strong_candidates(self, *, sole_namesakes: bool = False) -> list[PlaceCandidate]:
        """Readings safe without context: a country; a place of 100,000 people or more (a division
        counts its towns' people) called by this name; a division named by an abbreviation that
        names nothing else ("Vt.", "W.Va."). With ``sole_namesakes``, also the only place anywhere
        called by this name, when it is a town of ``ONLY_NAMESAKE_PEOPLE`` or more (a festival's town
        abroad, a county's own name): safe as a mention's last resort, but no vote for its country (a
        village the gazetteer lacks may share its name with one such town abroad)."""
        only_divisions = bool(self.candidates) and all(c.kind in ("province", "region") for c in self.candidates)
        return [
            c for c in self.candidates
            if c.kind == "country" or (self.named(c) or only_divisions) and c.population >= 100_000
            or c.kind in ("province", "region") and c.population == 0 and self.named(c)
            or sole_namesakes and len(self.candidates) == 1 and self.named(c) and c.population >= ONLY_NAMESAKE_PEOPLE
        ]  # fmt: skip

    def abbreviates_a_division(self) -> bool:
        """Is this name the press's abbreviation of a division and of nothing else ("S.C.", "Ont.",
        "W. Va.")? Such a reading is the name's own, though it is an alternate spelling."""
        return bool(self.candidates) and is_abbreviation(self.name) and all(c.kind in ("province", "region") for c in self.candidates)

    def names_a_division(self) -> bool:
        """Is this name the own name of a first-level division ("Oklahoma", not a town's alternate)?"""
        return any(c.kind in ("province", "region") and self.named(c) for c in self.candidates)

    def named(self, c: PlaceCandidate) -> bool:
        """Is the candidate called by this mention's name (not only by an alternate spelling)?
        "Qamishli" names "Al Qāmishlī"; "Hamo" does not name Hamm. A division is also called by the
        first words of its name ("Xinjiang" of "Xinjiang Uygur Zizhiqu", "Anhui" of "Anhui Sheng"),
        unless a town of its own of a thousand people or more has that name ("Saldus" of "Saldus
        Rajons" is the town)."""
        return bool(name_keys(self.name) & name_keys(c.name)) or self._opens_divisions_name(c)

    def _opens_divisions_name(self, c: PlaceCandidate) -> bool:
        own = fold_name(self.name)
        if c.kind not in ("province", "region") or own in GENERIC_NAMES or not fold_name(c.name).startswith(own + " "):
            return False  # ("Northern" opens "Northern District": a direction names no division)
        return not any(t.kind not in _WIDE_KINDS and t.admin1 == c.admin1 and t.country == c.country
                       and t.population >= 1000 for t in self.candidates)  # fmt: skip

    def in_context(self, countries: dict[str, float], main: str | None,
                   divisions: dict[tuple[str, str], float] | None = None,
                   nearby: Mapping[PlaceCandidate, float] | None = None) -> "PlaceMention":  # fmt: skip
        """Pick the country of this mention given the article's countries (weights).

        A name with no reading inside the article's countries is taken to be a local
        place of the article's main country rather than a namesake elsewhere: a village
        "Hamo" in a report about Qamishli is not the Swiss or German town.

        ``divisions`` weighs the first-level divisions the rest of the article is about
        (its other places, not this one): a reading inside one of them beats a namesake
        elsewhere, so "Richmond" in a story whose other places are in Kentucky is the
        Kentucky town. Among readings equally placed, one the mention names by its own
        name beats one reached only through an alternate spelling.

        ``nearby`` is each reading's support from the article's other names that have a reading
        close to it (worked out by the caller): it counts as division evidence does, across state
        lines, so that small towns named together are read where they lie together.
        """
        if self.kind == "country" and self.country:
            return self
        if self.kind == "village" and any(c.kind in _WIDE_KINDS for c in self.candidates):
            # "Kandal village", "the village of Tarvo": a village is no province, whatever province shares
            # its name (the gazetteer lacks most villages: it falls back to the places named with it)
            narrow = tuple(c for c in self.candidates if c.kind not in _WIDE_KINDS)
            return replace(self, candidates=narrow).in_context(countries, main, divisions, nearby)
        wanted = self.kind

        # a bare name that is a province's and no big town's ("California") reads as the province; the
        # big town in that province may be spelt otherwise ("Gomel", whose city GeoNames calls "Homyel'"),
        # but not named apart from it ("New York City": "New York" alone is then the state)
        provinces = {(c.country, c.admin1) for c in self.candidates if c.kind in ("province", "region") and self.named(c)}
        # (nor named apart by an alternate name: "Quebec City", GeoNames' "Québec")
        big_town = any(c.kind not in ("province", "region", "district", "country") and c.population >= 100_000
                       and (self.named(c) or (c.country, c.admin1) in provinces
                            and not fold_name(c.name).startswith(fold_name(self.name) + " "))
                       and c.geonameid not in self.apart
                       for c in self.candidates)  # fmt: skip

        def fits(c: PlaceCandidate) -> int:
            # "Hasakah province" reads as the province, "the town of Idlib" or a bare name as the town
            if wanted in ("province", "region"):
                return int(c.kind in ("province", "region"))
            if wanted == "district":
                return int(c.kind == "district")
            if c.kind in ("province", "region") and self.named(c) and not big_town:
                return 2
            return int(c.kind not in ("province", "region", "district", "country"))

        def chosen(c: PlaceCandidate) -> "PlaceMention":
            kind = self.kind if self.kind != "place" else c.kind
            return replace(self, country=c.country, kind=kind, resolved=c)

        if self.within:
            # "Charleston, W.Va." is the Charleston in West Virginia, whatever else the article says
            qualified = [c for c in self.candidates if any(inside_of(c, w) for w in self.within)]
            if qualified:
                # "Mora village (Tarvo, Ostmark)": a reading beside the town it is said to lie by beats a bigger
                # namesake elsewhere in the same province
                towns = [w for w in self.within if w.kind not in ("province", "region", "country") and w.latitude is not None]
                return chosen(max(qualified, key=lambda c: (fits(c), any(_close(c, t) for t in towns), c.population)))
            # "Kelmar (Dorrin)" with no reading in Dorrin: its namesakes elsewhere are not it; it
            # falls back to the division it is said to lie in
            areas = {w.country for w in self.within if w.country}
            # but a qualifier read as a division of several countries, none the article's, is a division
            # the gazetteer lacks under a common name ("Tarvo, Centre", Centre a region of three countries
            # and of the one Tarvo lies in too): the name keeps its readings
            # (not "Dalo (Tarvo)", two big Tarvos)
            unplaced = (len(areas) > 1 and main not in areas and any(c.country == main for c in self.candidates)
                        and all(w.kind in ("province", "region") for w in self.within))
            if self.within_sure and not self.names_a_division() and not unplaced:
                return replace(self, country=main if main in areas or len(areas) != 1 else next(iter(areas)),
                               candidates=(), resolved=None)  # fmt: skip
        # a bare name that is the own name of a province in the article's countries and no big town's
        # ("Wyoming", "Florida") is the province, whatever small towns of that name lie in the
        # divisions the article is about
        own = [c for c in self.candidates if fits(c) == 2 and (not countries or c.country in countries)]
        if own:
            return chosen(max(own, key=lambda c: (countries.get(c.country or "", 0.0), c.population)))
        # a province's own name ("Oklahoma") is the province, whatever towns of that name lie near the article's
        # places; a province abroad, in none of the article's countries, does not stop its namesakes' support
        at_home = [c for c in self.candidates if not countries or c.country in countries]
        nearby = nearby if nearby and not any(c.kind in ("province", "region") and self.named(c) for c in at_home) else {}

        def evidence(c: PlaceCandidate) -> float:
            return (divisions or {}).get((c.country or "", c.admin1 or ""), 0.0) + nearby.get(c, 0.0)

        if divisions or nearby:
            placed = [c for c in self.candidates if evidence(c) >= DIVISION_EVIDENCE]
            # a place called by this very name, not one reached through an alternate spelling
            # (a Maryland town once called Jerusalem does not beat Jerusalem)
            placed = [c for c in placed if self.named(c)] if any(self.named(c) for c in self.candidates) else placed
            if placed:
                # a big place of this very name, of the kind the placed readings are, in a country the article
                # weighs, competes on the same score with the evidence it has: a village that one other name
                # of the article points at does not beat a city a hundred times its size by that alone
                best_fit = max(fits(c) for c in placed)
                placed += [c for c in self.candidates if c not in placed and self.named(c) and c.population >= 100_000
                           and c.kind not in ("province", "region", "district", "country")
                           and fits(c) == best_fit and c.country in countries]
                # the division's evidence, and the place's size as a prior: a town of a few thousand
                # needs more of the article behind it than a city of a million
                return chosen(max(placed, key=lambda c: (fits(c), evidence(c) + POPULATION_WEIGHT * math.log10(c.population + 1),
                                                         self.named(c), c.population)))  # fmt: skip
        inside = [c for c in self.candidates if c.country in countries]
        if inside:
            # the country's weight in the article, and the place's size: Moscow in a story about
            # the United States and Russia in nearly equal measure is the capital, not the Idaho town
            def size_and_weight(c: PlaceCandidate) -> float:
                weight = max(countries.get(c.country or "", 0.0), 1e-3)
                return (COUNTRY_WEIGHT * math.log10(weight) + POPULATION_WEIGHT * math.log10(c.population + 1)
                        + (evidence(c) if (divisions or nearby) and self.named(c) else 0.0))

            return chosen(max(inside, key=lambda c: (fits(c), size_and_weight(c), self.named(c), c.population)))
        strong = self.strong_candidates(sole_namesakes=True)
        if strong:
            return chosen(max(strong, key=lambda c: (fits(c), c.population)))
        if countries:
            # better coarse than wrong: no namesake abroad, the place stays in the article's country
            return replace(self, country=main, candidates=(), resolved=None)
        if self.candidates:
            return chosen(max(self.candidates, key=lambda c: (fits(c), c.population)))
        return self


_WIDE_KINDS = frozenset({"province", "region", "country"})


def towns_named_apart(name: str, cands: Sequence[PlaceCandidate], gazetteer: Gazetteer) -> frozenset[int]:
    """The big towns among a name's readings that lie in the first-level division of that name, which the
    gazetteer also knows as "<name> City", and which are not that division's biggest town ("Quebec City"
    beside Montreal, "Chihuahua City" beside Ciudad Juarez): the press names such a capital apart, and the
    bare name is the division. A capital that is its division's biggest town ("Puebla", "Beijing") keeps the
    bare name, however GeoNames also lists it as "<name> City"; so does a town when the gazetteer cannot
    say which town is the biggest."""
    biggest = getattr(gazetteer, "biggest_town", None)
    own = name_keys(name)
    divisions = {(c.country, c.admin1) for c in cands if c.kind in ("province", "region") and own & name_keys(c.name)}
    towns = [c for c in cands if c.kind not in _WIDE_KINDS and c.kind != "district" and c.population >= 100_000
             and (c.country, c.admin1) in divisions]  # fmt: skip
    if biggest is None or not towns:
        return frozenset()
    apart = {c.geonameid for c in gazetteer.lookup(f"{name} City")}
    return frozenset(
        c.geonameid for c in towns
        if c.geonameid in apart and c.country and c.admin1
        and getattr(biggest(c.country, c.admin1), "geonameid", c.geonameid) != c.geonameid
    )  # fmt: skip


# words for money that a country's name may qualify ("the US dollar", "the Turkish lira's fall")
_CURRENCY_WORDS = frozenset(
    "dollar dollars euro euros pound pounds lira liras dinar dinars rial rials riyal riyals rupee rupees yuan renminbi "
    "yen peso pesos franc francs shilling shillings naira rand kwacha cedi birr taka ruble rubles rouble roubles "
    "hryvnia currency currencies".split())  # fmt: skip


def _names_a_currency(ent: SpacySpan) -> bool:
    """Does the country name qualify a currency ("the US dollar exchange rate")?"""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and after.text.lower() in _CURRENCY_WORDS


# Entity labels the small model gives place names it does not know as places ("protested in front
# of the city hall in Tangier": PRODUCT): after a locative preposition, a name the gazetteer knows
# is a place whatever its label.
_MISLABELLED = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})


# a capitalised word and an Arabic article joined by a hyphen to the next word ("Maarat al-", "Deir ez-"):
# the model may take the word after the article for the whole name
ARTICLE_BEFORE = re.compile(r"(?<![\w'’‘-])[A-Z][\w'’‘]*\s+(?:al|el|an|ar|as|ash|ad|at|az|ez|es|en|ed|er|et)-$")


def find_places(sent: SpacySpan, gazetteer: Gazetteer, country_names: dict[str, str],
                ents: Sequence[SpacySpan] | None = None, text: str | None = None) -> list[PlaceMention]:  # fmt: skip
    """Every place mention in a sentence, from keyword syntax first, then entities.

    ``country_names`` maps lower-cased country names and demonym-free variants to ISO3
    (from the actor data) so "Syria" resolves without the gazetteer. ``ents`` are the
    sentence's entities when the caller has them (``Span.ents`` rebuilds the whole
    document's entities on every call: quadratic over an article). ``text`` is the
    sentence's text when the caller has it (``Span.text`` joins its tokens on every call).
    """
    doc = sent.doc
    text = sent.text if text is None else text
    base = sent.start_char
    found: list[PlaceMention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, name: str, kind: str, country: str | None, cands=()) -> None:
        before = ARTICLE_BEFORE.search(text, max(0, start - base - 40), start - base) if country is None else None
        if before is not None and name == text[start - base : end - base]:
            # "Maarat al-Numan": the word after the article is no name of its own (a namesake elsewhere)
            start, name = base + before.start(), text[before.start() : end - base]
            cands = gazetteer.lookup(name)
        if any(start < te and ts < end for ts, te in taken):
            return
        if not cands and country is None:
            # "in south Tarvo", "Eastern Ostland University": a part the gazetteer lacks is in the place
            # its compass words qualify, however the name was found (as the entity rule reads it)
            whole = whole_of_part(name)
            if whole is not None and (country_names.get(fold_name(whole)) or gazetteer.lookup(whole)):
                name, country = whole, country_names.get(fold_name(whole))
                cands = () if country else gazetteer.lookup(whole)
                kind = "country" if country else kind
            elif kind == "place" and name[:1].isupper():
                # "Henrico", "DuPage": a county's name without its word, when nothing else is called so
                county = county_named(name, gazetteer)
                if county is not None:
                    name, cands, kind = *county, "district"
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        head = span.root
        relation = _relation(head) or _preposition_before(span)
        taken.append((start, end))
        q = _qualifier_span(doc, span.end, gazetteer, cands) if kind != "country" else None
        within = q[2] if q is not None else ()
        cands = _in_the_district(cands, within)
        # a division that holds a reading of the name is surely its qualifier, whatever the model took
        # the division's name for ("in Tecoman, Colima": "Colima" as a person); one of the name's
        # country is, when nothing after it says it is the next item of a list
        sure = q is not None and (_holds_a_reading(within, cands)
                                  or _sure_qualifier(doc, q[0], q[1], labels=not _division_of_its_country(within, cands)))
        # (Doc.text joins every token on each call: slice the sentence's text instead)
        found.append(PlaceMention(text[start - base : end - base], name, kind, country, start, end, relation, head.i,
                                  tuple(cands), within=within, within_sure=sure, qualifier=q[:2] if sure else None,
                                  apart=towns_named_apart(name, cands, gazetteer)))  # fmt: skip

    if base <= DATELINE_CHARS and text[:2].isupper():
        _dateline_place(sent, gazetteer, country_names, add)
    if " of " in text:
        _names_with_of(text, base, gazetteer, add)
    for m in _OF_KEYWORD.finditer(text) if _MAYBE_OF_KEYWORD.search(text) else ():
        name = m.group("name")
        if _OWN_DIVISION_KEYWORD.match(text, m.end("name")):
            # "Shardara town of Turkistan region": the keyword before "of" is the town's; the name after
            # it is told by its own ("region"), which the keyword-after pattern reads
            continue
        # "the villages of Tarvo and Kelmar": a plural keyword names the kind of each
        kind = _KEYWORD_KIND.get(_singular(m.group("kw").lower()), "place")
        add(base + m.start("name"), base + m.end("name"), name, kind, None, gazetteer.lookup(name))
    plural = "counties" in text or "parishes" in text
    for m in [*_PLURAL_DIVISIONS.finditer(text), *_DIVISIONS_LISTED.finditer(text)] if plural else ():
        # "Douglas and Wyandotte counties", "Cooke, Grayson and Love counties": each is "X County"
        kw = "County" if m.group("kw").lower().startswith("count") else "Parish"
        for part in re.finditer(_NAME, m.group("names")):
            start = base + m.start("names") + part.start()
            county = county_named(part.group(), gazetteer, (kw,))
            if county is not None:
                add(start, start + len(part.group()), county[0], "district", None, county[1])
    for m in _KEYWORD_AFTER.finditer(text) if _MAYBE_KEYWORD_AFTER.search(text) else ():
        name = m.group("name")
        words = name.split()
        while words and words[0] in _STOP_NAMES:
            words.pop(0)
        if not words:
            continue
        name = " ".join(words)
        # "Mali's Bandiagara region": the possessor is a wider place, not part of the name
        name = re.split(r"['’]s\s+", name)[-1]
        start = base + m.end("name") - len(name)
        kw = " ".join(m.group("kw").lower().split())
        kind = _KEYWORD_KIND.get(kw, _KEYWORD_KIND.get(kw.split()[-1], "place"))
        cands = gazetteer.lookup(name)
        if kw in _ROAD_WORDS:
            if "-" in name:
                continue  # "the Tarvo-Kelmar road" runs between two towns, at neither
            kind = "road"
        if kw in _KNOWN_NAMES_ONLY and not _names_a_town(name, cands):
            continue  # "That highway", "What city", "34th Street intersection": no town's name before the word
        if kw in _DIVISIONS_KNOWN_ONLY and not any(c.kind in ("province", "region") for c in cands):
            continue  # "Islamic state militants": no division of that name (the entity rule reads the others)
        add(start, base + m.end("name"), name, kind, None, cands)
    if _MAYBE_DIVISION_WORD.search(text):
        _names_with_division_words(text, base, gazetteer, add)
    for ent in sent.ents if ents is None else ents:
        ent = _leading_name(ent)
        if is_honorific(ent[0]) or ent.start > 0 and is_honorific(doc[ent.start - 1]):
            continue  # "Ms Raggi's adviser", "Mr Kelmar": a person, whatever the model labelled it
        if (ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound") or ent.root.tag_ == "JJ" and ent.root.dep_ == "amod") \
                and ent.root.head.pos_ == "NOUN":  # fmt: skip
            continue  # "in the Somali capital", "Ukrainian positions": a people's adjective, not a place
        if ent.label_ not in _PLACE_LABELS and not (
            ent.label_ in _MISLABELLED and is_locative(_relation(ent.root) or _preposition_before(ent))
            and gazetteer.lookup(ent.text)
        ):
            continue
        ent = _run_on(_run_back(_with_neighbourhood_word(ent, sent.start), sent.start, gazetteer), gazetteer)
        name = _clean_entity(ent.text)
        end_char = ent.end_char
        abbreviated = _abbreviation_cut_short(name, text, end_char - base, gazetteer)
        if abbreviated:
            name, end_char = abbreviated, end_char + 1
        if fold_name(name).replace(" ", "-") in GENERIC_NAMES or fold_name(name) in GENERIC_NAMES:
            continue
        if fold_name(name) in NEIGHBOURHOOD_WORDS and _capitalised_after(ent):
            continue  # "Colonia" cut from "Colonia Las Juntas": a neighbourhood's word, not the Uruguayan department
        if known_organisation(name):
            continue  # "in PKK hideouts", "the UN said": an organisation, whatever a town abroad is called
        iso = country_names.get(fold_name(name))
        if iso and _names_a_currency(ent):
            continue  # "against the US dollar": money, not a place
        if iso:
            add(ent.start_char, end_char, name, "country", iso)
            continue
        cands = gazetteer.lookup(name)
        whole = whole_of_part(name) if not cands else None
        if whole is not None and (country_names.get(fold_name(whole)) or gazetteer.lookup(whole)):
            # "Western Kentucky", "Far North Dunval": a part of a place the gazetteer lacks is in that place
            iso = country_names.get(fold_name(whole))
            add(ent.start_char, end_char, whole, "country" if iso else "place", iso, () if iso else gazetteer.lookup(whole))
            continue
        if not cands:
            # "the Butler County Jail" is where Butler County is (the mention keeps its whole name: on
            # the dev part of LGL, taking the leading name as the mention's own did worse)
            cands = leading_place(ent, gazetteer)
        if cands or ent.label_ in _PLACE_LABELS:
            add(ent.start_char, end_char, name, "place", None, cands)
    # a known place name after a locative preposition or as what a verb of movement or attack
    # takes ("entered Idlib", "shelled Saraqeb"), even when the model saw no entity
    for tok in sent:
        if tok.pos_ != "PROPN":
            continue  # (the cheapest test first: only a proper noun is read below)
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:  # "between Latakia and Aleppo"
            first = first.head
        acted_on = _acted_on(first)
        placed = (first.dep_ == "pobj" and (first.head.lower_ in _LOCATIVE or is_locative(_relation(first)))
                  or first.dep_ == "dobj" and first.head.lemma_.lower() in _PLACE_VERBS or acted_on)  # fmt: skip
        # (a town the model took for a people is one when an act is told of it: "the siege of Aleppo")
        labels = ("", "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP") if acted_on else ("", "PERSON", "ORG", "GPE", "LOC", "FAC")
        if placed and (tok.ent_type_ in labels or mislabelled_as_time(tok)) and not _known_actor(tok):
            left = tok
            while left.i > sent.start and doc[left.i - 1].dep_ == "compound" and doc[left.i - 1].pos_ == "PROPN":
                left = doc[left.i - 1]
            name = _run_on(doc[left.i : tok.i + 1], gazetteer).text
            if fold_name(name) in GENERIC_NAMES:
                continue
            iso = country_names.get(fold_name(name))
            if iso:
                add(left.idx, left.idx + len(name), name, "country", iso)
                continue
            # "in the Dunval County Detention Center": where the building's leading place name is, when
            # that is a division or a big place (a school or a hall is often named after a person: "the Edna
            # Ward School" is not in a town called Edna)
            cands = gazetteer.lookup(name) or _leading_division(doc[left.i : tok.i + 1], gazetteer)
            if cands or tok.head.lower_ in _STRONG_LOCATIVE:
                add(left.idx, left.idx + len(name), name, "place", None, cands)
    _comma_qualifiers(found, sent, country_names, add)
    _names_before_divisions(sent, text, gazetteer, add)
    _bracketed_qualifiers(found, sent, text, gazetteer, country_names, add)
    found.sort(key=lambda p: p.start)
    return found


# a division's word written as part of its name ("Kelmar State", "Tarvo Region", "Dunval District"): the
# model takes such a name for a person as often as not, and a list of them ("Tarvo Township, Kelmar
# District, Dunval State") for no place at all
_DIVISION_WORDS = ("State", "Region", "Province", "Governorate", "District", "Division", "Department", "Prefecture")
_NAME_WITH_DIVISION_WORD = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}?)\s+(?P<kw>" + "|".join(_DIVISION_WORDS) + r")\b"
)
_MAYBE_DIVISION_WORD = re.compile(r"\w\s+(?:" + "|".join(_DIVISION_WORDS) + r")\b")


def _names_with_division_words(text: str, base: int, gazetteer: Gazetteer, add) -> None:
    """A name before a division's word written in capitals ("Kelmar State") is that division when the
    gazetteer has a division or a town of that name (a district is often its town's namesake): the whole
    name when the gazetteer knows it so, else the name without the word. A name it lacks is left to
    the other rules ("Islamic State" is no place)."""
    for m in _NAME_WITH_DIVISION_WORD.finditer(text):
        name = m.group("name")
        if name.split()[0] in _STOP_NAMES or fold_name(name) in GENERIC_NAMES:
            continue
        kind = _KEYWORD_KIND[m.group("kw").lower()] if m.group("kw").lower() in _KEYWORD_KIND else "district"
        whole = gazetteer.lookup(m.group(0))
        cands = whole or [c for c in gazetteer.lookup(name) if c.kind != "country"]
        if cands:
            add(base + m.start("name"), base + m.end("kw"), m.group(0), kind, None, cands)


# a name with "of" inside ("Port of Spain", "Bay of Plenty", "Isle of Wight"): up to two capitalised
# words, "of" (and "the"), up to three capitalised words
_OF_NAME = re.compile(
    r"(?<![\w'’-])(?P<left>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+of\s+(?:the\s+)?"
    r"(?P<right>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
)


def _names_with_of(text: str, base: int, gazetteer: Gazetteer, add) -> None:
    """A place whose own name holds "of" ("Port of Spain", "Bay of Plenty", "Isle of Wight"), read whole
    before the keyword patterns and the entities split it: the model and "Spain city" make the last part a
    place of its own (a country). Only a name the gazetteer calls some place by, as written (the longest
    such one, from the first word or the second: "the Mayor of Port of Spain")."""
    for m in _OF_NAME.finditer(text):
        left = m.group("left")
        # the first word or the second may open the name; the name may stop at any word after "of"
        starts = [m.start("left")] + [m.start("left") + w.start() for w in re.finditer(r"(?<=\s)\S", left)]
        ends = [m.start("right") + w.end() for w in re.finditer(r"\S+", m.group("right"))]
        for start, end in ((s, e) for s in starts for e in reversed(ends)):
            name = text[start:end]
            cands = gazetteer.lookup(name)
            if any(name_keys(name) & name_keys(c.name) for c in cands):
                after = re.match(r"\s+([a-z]+)", text[end:])
                kind = _KEYWORD_KIND.get(after.group(1), "place") if after else "place"
                add(base + start, base + end, name, kind, None, cands)
                break


# "Tessit (Ardal)", "Sabu village (Tarn, NP)", "in Lomi district (Hara, Upper Veld)": names
# in brackets right after a place (and its keyword) are the divisions it lies in
# the words between a place and its bracket: a keyword ("village", "area"), or a division's keyword written
# as a name or an abbreviation ("Kelmar LGA (Dunval)", "Tarvo Upazila (Ostmark)")
_BETWEEN_NAME_AND_BRACKET = r"(?:\s+(?:[a-z][a-z-]*|LGA|Upazila|District|Province|Governorate|County|Municipality)){0,2}"
# another spelling of the name in square brackets before the divisions' bracket ("Tarvo [Tarvu] (Lesk,
# Ostland)"): the divisions are still the name's
_ANOTHER_SPELLING = r"(?:\s*\[[^()\[\]]{1,60}\])?"
_BRACKETED = re.compile(_BETWEEN_NAME_AND_BRACKET + _ANOTHER_SPELLING + r"\s*\((?P<inside>[^()\[\]]{2,80})\)")
_DASH_AFTER = re.compile(r"\s*(?:-|--|—|–)")
_TRAILING_KEYWORD = re.compile(_BETWEEN_NAME_AND_BRACKET.replace("{0,2}", "+") + "$")


# a proper name (and up to two lower-case words: "village", "area") before a bracket
_NAME_BEFORE_BRACKET = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:al|el|de|du|des|la|le)\s+)?[A-Z][\w'’-]*){0,3})"
    r"(?:\s+[a-z][a-z-]*){0,2}" + _ANOTHER_SPELLING + r"\s*\((?P<inside>[^()\[\]]{2,80})\)"
)


def _names_before_divisions(sent: SpacySpan, text: str, gazetteer: Gazetteer, add) -> None:
    """A name followed by the divisions it lies in, "Tarvo (Lesk, Ostland)", is a place even when
    the model took it for a person or an organisation and the gazetteer lacks it (a village):
    the bracket then says where it is. Only brackets that name a division (a district or a
    province, not a country alone: "Armed Group (Ostland)" is an actor's name) or list two
    names or more, the last one a place; after a name that is no known organisation. ``text``: the
    sentence's (Span.text makes every token again)."""
    base = sent.start_char
    if "(" not in text:
        return  # most sentences: the pattern need not be tried
    for m in _NAME_BEFORE_BRACKET.finditer(text):
        name = m.group("name")
        if known_organisation(name) or fold_name(name) in GENERIC_NAMES or _DASH_AFTER.match(text, m.end()):
            continue
        parts = [_TRAILING_KEYWORD.sub("", p).strip() for p in re.split(r"[,;/]", m.group("inside"))]
        readings = [[c for c in gazetteer.lookup(p) if c.kind != "country"] if p[:1].isupper() else [] for p in parts]
        # a division named, or a list of two or more names ending in a place ("(Lesk, Ostland)")
        if any(c.kind in ("province", "region", "district") for r in readings for c in r) or len(parts) >= 2 and readings[-1]:
            cands = gazetteer.lookup(name)
            if any(c.kind == "country" for c in cands):
                continue  # a country's bracket says where in it ("western Ostland (Lesk, Dunval)"): no village
            add(base + m.start("name"), base + m.end("name"), name, "village", None, cands)


# what follows a dateline's place: the agency in brackets, a dash, or the comma before its division
# ("QAMISHLI, Syria (AFP) —", "Kelmar (Wire) -", "DUNVAL —")
AFTER_DATELINE = re.compile(r"\s*(?:\(|[—–―]|--?\s|,)")
DATELINE_CHARS = 300  # a dateline opens one of the text's first lines (after a headline or a byline)
# a dateline's place in capitals ("KAMPALA, Jan 12 (Wire) -", "NEW DELHI (Wire) —"): the model takes such
# capitals for an organisation
_DATELINE_NAME = re.compile(rf"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){{0,3}}(?={AFTER_DATELINE.pattern})")


def _dateline_place(sent: SpacySpan, gazetteer: Gazetteer, country_names: dict[str, str], add) -> None:
    """Read the place of a dateline that opens the sentence, when a line opens there too."""
    doc = sent.doc
    before = doc[sent.start - 1] if sent.start > 0 else None
    if before is not None and "\n" not in before.text + before.whitespace_:
        return
    # (the parser may end the sentence at the name: read on into the line)
    m = _DATELINE_NAME.match(doc[sent.start : min(len(doc), sent.start + 12)].text)
    if m is None or len(m.group()) < 3 or known_organisation(m.group()):
        return
    name, start = m.group(), sent.start_char
    iso = country_names.get(fold_name(name))
    cands = () if iso else gazetteer.lookup(name)
    # (a bigger neighbour may answer to the name too, "West Tarvo" to "TARVO": the town of that very name)
    cands = [c for c in cands if fold_name(c.name) == fold_name(name)] or cands
    if iso or cands:
        add(start, start + len(name), name, "country" if iso else "place", iso, cands)


def _bracketed_qualifiers(found: list[PlaceMention], sent: SpacySpan, text: str, gazetteer: Gazetteer,
                          country_names: dict[str, str], add) -> None:  # fmt: skip
    """Read the bracketed names after each place as places of their own (relation ``within``: where
    the place lies, not where something happened) and as the place's qualifiers (``within``), so
    that a village the gazetteer lacks falls back to them and an ambiguous one is read inside them."""
    base = sent.start_char
    for i, m in enumerate(list(found)):
        tail = _BRACKETED.match(text, m.end - base)
        if tail is None or _DASH_AFTER.match(text, tail.end()):
            continue  # "BAGHDAD (Northbridge) -": a dateline's agency
        areas: list[PlaceCandidate] = []
        parts = _nested_parts(tail, base + tail.start("inside"), gazetteer, country_names)
        for start, name, iso, cands in parts:
            cands = _around(cands, m.candidates)
            n = len(found)
            add(start, start + len(name), name, "country" if iso else "place", iso, () if iso else cands)
            end = start + len(name)
            # the model's entity may be shorter than the part ("Dali" of "Ad Dali"): the one it overlaps
            for j in [len(found) - 1] if len(found) > n else [j for j, f in enumerate(found) if f.start < end and start < f.end]:
                f = found[j]
                divisional = f.kind == "place" and bool(cands) and all(c.kind in _DIVISION_KINDS for c in cands)
                found[j] = replace(f, relation="within", candidates=cands if divisional else f.candidates,
                                   kind=_division_kind(cands) if divisional else f.kind)  # fmt: skip
            areas.extend(cands)
        # a place it names by its own name that lies outside the brackets says they are no division of it,
        # unless the bracket names two places or more, each inside the next ("(Lesk, Ostland)"): that is
        # a list of the divisions the place lies in, and its namesake elsewhere is not it
        nested = sum(1 for _, _, iso, cands in parts if cands and not iso) >= 2
        outside = not nested and any(m.named(c) and not any(inside_of(c, a) for a in areas) for c in m.candidates)
        # (a country's bracket, "in western Ostland (Lesk, Dunval)", names where in it: places of their own)
        if areas and not m.within and not outside and m.kind != "country":
            found[i] = replace(m, within=tuple(areas), within_sure=True)


def county_named(name: str, gazetteer: Gazetteer, words: tuple[str, ...] = ("County", "Parish")
                 ) -> tuple[str, tuple[PlaceCandidate, ...]] | None:  # fmt: skip
    """The county (or parish) a bare name is, by the first of ``words`` the gazetteer has a county
    called so with ("Kelmar" -> "Kelmar County"): (the county's name, its readings), or None."""
    for word in words:
        counties = tuple(c for c in gazetteer.lookup(f"{name} {word}") if c.kind == "district")
        if counties:
            return f"{name} {word}", counties
    return None


def _division_of_its_country(areas: Sequence[PlaceCandidate], places: Sequence[PlaceCandidate]) -> bool:
    """Is one of the areas a division (not a country) of a country one of the places may lie in ("in
    Kelmar, Hidalgo": a Mexican state after a name with a Mexican reading)?"""
    countries = {p.country for p in places if p.country}
    return any(a.kind in ("province", "region") and a.country in countries for a in areas)


def _holds_a_reading(areas: Sequence[PlaceCandidate], places: Sequence[PlaceCandidate]) -> bool:
    """Does one of the divisions (not countries) hold one of the places?"""
    return any(inside_of(p, a) for a in areas if a.kind != "country" for p in places)


def _around(areas: tuple[PlaceCandidate, ...], places: Sequence[PlaceCandidate]) -> tuple[PlaceCandidate, ...]:
    """The readings of a bracket's name that hold a reading of the place before the bracket ("Damt
    district (Ad Dali)": the Yemeni province, not the Chinese city), the provinces among them if any;
    all of them when none does."""
    holding = tuple(a for a in areas if a.kind != "country" and any(inside_of(p, a) for p in places))
    # a first-level division among them is the bracket's sense, not a town that holds only itself: "San
    # Pedro de Kelmo (San Pedro)" is in the department of San Pedro, not at one of the towns so called
    divisions = tuple(a for a in holding if a.kind in ("province", "region"))
    return divisions or holding or areas


def _nested_parts(tail: re.Match[str], offset: int, gazetteer: Gazetteer,
                  country_names: dict[str, str]) -> list[tuple[int, str, str | None, tuple[PlaceCandidate, ...]]]:  # fmt: skip
    """The names of a bracket after a place, "(Dunval, Ostmark)": (start, name, country code, readings)
    each. The names go from small to large, each inside the next, so they are read from the last
    inwards: a name keeps only its readings inside the readings of the names after it, and a name
    with none there (a district the gazetteer lacks, whose namesake lies abroad) is left out."""
    parts = []
    starts = []  # every name's, known or not
    for part in re.finditer(r"[^,;/]+", tail.group("inside")):
        raw = _TRAILING_KEYWORD.sub("", part.group())
        name = raw.strip()
        if not name[:1].isupper() or len(name) > 40 or fold_name(name) in GENERIC_NAMES:
            continue
        start = offset + part.start() + (len(raw) - len(raw.lstrip()))
        starts.append(start)
        iso = country_names.get(fold_name(name))
        cands = tuple(gazetteer.lookup(name))
        if iso:
            cands = tuple(c for c in cands if c.kind == "country" and c.country == iso)
        if cands or iso:
            parts.append((start, name, iso, cands))
    if len(starts) >= 2 and parts and parts[-1][0] == starts[-1] and not parts[-1][2]:
        # the last of two names or more is a division ("(Dunval, Ostmark)"): its town namesakes are not it
        start, name, iso, cands = parts[-1]
        divisions = tuple(c for c in cands if c.kind in _DIVISION_KINDS)
        parts[-1] = (start, name, iso, divisions or cands)
        if not divisions and len(parts) >= 2 and _surer_than(parts[-2], parts[-1]):
            # nor a division at all when the gazetteer knows it by its own name only as hamlets, none holding
            # the town named before it ("(Tarvo, Kelmo)", Kelmo a division it lacks and a hamlet abroad)
            parts.pop()
    kept: list[tuple[int, str, str | None, tuple[PlaceCandidate, ...]]] = []
    outer: tuple[PlaceCandidate, ...] = ()
    for start, name, iso, cands in reversed(parts):
        if outer and not iso:
            cands = tuple(c for c in cands if any(_lies_in(c, o) for o in outer))
            if not cands:
                continue
        kept.append((start, name, iso, cands))
        outer = cands or outer
    return kept[::-1]


def _surer_than(inner: tuple[int, str, str | None, tuple[PlaceCandidate, ...]],
                outer: tuple[int, str, str | None, tuple[PlaceCandidate, ...]]) -> bool:  # fmt: skip
    """Is a bracket's inner name a town by its own name, and the name after it only hamlets by its own
    (other spellings aside), none of which holds that town?"""
    def own(part: tuple[int, str, str | None, tuple[PlaceCandidate, ...]]) -> list[PlaceCandidate]:
        return [c for c in part[3] if name_keys(part[1]) & name_keys(c.name)]

    towns = [c for c in own(inner) if c.population >= HAMLET_PEOPLE]
    return (bool(towns) and all(c.population < HAMLET_PEOPLE for c in own(outer))
            and not any(_lies_in(c, o) for c in inner[3] for o in outer[3]))  # fmt: skip


_DIVISION_KINDS = frozenset({"province", "region", "district"})


def _division_kind(cands: Sequence[PlaceCandidate]) -> str:
    """The kind of mention a bracket's division is: a province when any of its readings is one."""
    return "province" if any(c.kind in ("province", "region") for c in cands) else "district"


def _lies_in(c: PlaceCandidate, area: PlaceCandidate) -> bool:
    """Can ``c`` lie inside ``area``: in its country, and in its province when it is one."""
    if area.kind in ("province", "region") and area.admin1 and c.admin1:
        return c.country == area.country and c.admin1 == area.admin1
    return c.country == area.country


# the words a date or a time is told in: a capitalised word the model labels a date or a time is a
# name it misread ("in Tarvo." taken for a date) unless it is one of them
_CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun christmas easter thanksgiving halloween ramadan eid hanukkah "
    "new year years year's day eve week weekend month morning afternoon evening night noon midnight "
    "a.m. p.m. am pm spring summer autumn fall winter".split()
)


def mislabelled_as_time(tok: Token) -> bool:
    """Is a proper noun the model labels a date or a time no calendar word ("in Tarvo." read as a date)?
    Only a capitalised one: "mid" of "in mid-January" is tagged a proper noun too."""
    return (tok.ent_type_ in ("DATE", "TIME") and tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper()
            and tok.lower_.rstrip(".") not in _CALENDAR_WORDS)  # fmt: skip


def _names_a_town(name: str, cands: Sequence[PlaceCandidate]) -> bool:
    """Can ``name`` before a road's or a town's keyword be a town's? Not a street's last word ("34th
    Street intersection"), nor a word no town is called by; a single word must be a town's own name, not
    an old spelling of another town's ("Area road work" is no road to the town once called Area)."""
    if name.split()[-1].lower() in _STREET_WORDS or not cands:
        return False
    return " " in name or any(name_keys(name) & name_keys(c.name) or c.kind in ("province", "region", "district") for c in cands)


def _capitalised_after(span: SpacySpan) -> bool:
    """Is the word after ``span`` capitalised (the rest of a name the model cut short)?"""
    return span.end < len(span.doc) and span.doc[span.end].text[:1].isupper()


def names_a_kind_of_place(tok: Token) -> bool:
    """Is ``tok`` a word for a kind of place ("town", "district", "colonia"), as a place's keyword?"""
    word = tok.lemma_.lower()
    return word in _KEYWORD_KIND or word in NEIGHBOURHOOD_WORDS or word in PART_NOUNS


def subject_in_setting(head: Token) -> Token | None:
    """The subject the parser took for one more name of the place a sentence opens with: "On 3 May,
    in Tarvo, Kelmo, a man was shot" (parsed "Tarvo, Kelmo, a man" as one list, the verb left with
    no subject). The first common noun of a list of proper names in a phrase before the verb; only
    for a verb with no subject of its own."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in head.children):
        return None
    for prep in (c for c in head.children if c.dep_ == "prep" and c.i < head.i):
        for tok in prep.subtree:
            if tok.dep_ in ("conj", "appos") and tok.pos_ == "NOUN" and tok.head.pos_ == "PROPN" and tok.i < head.i \
                    and not names_a_kind_of_place(tok):  # "in Tarvo, a town near Kelmo," is the place still
                return tok
    return None


def subject_behind_place(subject: Token) -> Token:
    """The subject itself where the parser made the last name of an opening list of places the
    subject ("On 3 May, in Tarvo, Kelmo, residents of Alto blocked the road": "Kelmo" as the
    subject, "residents" joined to it): the first common noun joined to that name by a comma
    alone ("Ostland and rebels clashed" has two subjects)."""
    name = subject
    for _ in range(4):  # down the list: "in Alto ward, Tarvo town, Kelmo District, a shell hit ..."
        is_place = name.ent_type_ in ("GPE", "LOC", "FAC", "") and (
            name.pos_ == "PROPN" or name.pos_ == "NOUN" and names_a_kind_of_place(name))  # "Tarvo town", not "a Centre for Law"
        if not is_place or any(c.dep_ == "cc" for c in name.children):
            return subject
        joined = [c for c in name.children if c.dep_ in ("conj", "appos") and c.i > name.i
                  and any(t.text == "," for t in name.doc[name.i + 1 : c.left_edge.i])]  # fmt: skip
        if not joined:
            return subject
        name = joined[0]
        if name.pos_ == "NOUN" and not names_a_kind_of_place(name):
            return name
    return subject


def names_a_division(tok: Token) -> bool:
    """Is ``tok`` a keyword for an administrative division ("district", "township", "state")?"""
    return _KEYWORD_KIND.get(tok.lemma_.lower()) in ("district", "province", "region")


def _singular(keyword: str) -> str:
    """A place keyword in the singular ("cities" -> "city", "villages" -> "village")."""
    if keyword.endswith("ies"):
        return keyword[:-3] + "y"
    return keyword[:-1] if keyword.endswith("s") else keyword


def leading_place(ent: SpacySpan, gazetteer: Gazetteer) -> list[PlaceCandidate]:
    """A name the gazetteer lacks that starts with a place's own name is there: "the Butler County
    Jail", "Kingston Crown Court", "the Texas Forestry Service": the readings of the longest such
    start (never the whole name), called by that very name."""
    toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    for width in range(min(len(toks) - 1, 4), 0, -1):
        head = toks[:width]
        if not all(t.text[:1].isupper() for t in head):
            continue
        if toks[width].lower_ == "of":
            continue  # "the Gulf of Aden", "the University of Kelmar": what the thing is, not where (a town "Gulf")
        name = ent.doc[head[0].i : head[-1].i + 1].text
        if fold_name(name) in GENERIC_NAMES or is_article(name) or fold_name(name) in NEIGHBOURHOOD_WORDS \
                or fold_name(name) in ARABIC_NAME_WORDS:  # fmt: skip
            # a direction, an article or a neighbourhood's word alone: "Al Zayaynya" is not in a town called Al,
            # nor "Abu Salim" in the Indian town Abu
            continue
        own = fold_name(name)
        cands = [c for c in gazetteer.lookup(name) if fold_name(c.name) == own or fold_name(strip_article(c.name)) == own
                 or spelled_out(own) == spelled_out(fold_name(c.name))]
        if cands:
            return cands
    return []


def _leading_division(span: SpacySpan, gazetteer: Gazetteer) -> list[PlaceCandidate]:
    """``leading_place``'s readings when they are divisions or a big place (100,000 people or more)."""
    cands = leading_place(span, gazetteer)
    if any(c.kind in ("province", "region", "district", "country") or c.population >= 100_000 for c in cands):
        return cands
    return []


# how far a place may lie from the town a qualifier names and still be by it (as ``resolve.SITE_KM``)
_BESIDE_KM = 50.0


def _close(a: PlaceCandidate, b: PlaceCandidate) -> bool:
    """Do two readings lie within ``_BESIDE_KM`` of each other (a flat-earth estimate, fine at that range)?"""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return False
    return _flat_km(a, b) <= _BESIDE_KM


def _flat_km(a: PlaceCandidate, b: PlaceCandidate) -> float:
    """The distance between two readings with points, a flat-earth estimate (fine within a country's part)."""
    dy = (a.latitude - b.latitude) * 111.2
    dx = (a.longitude - b.longitude) * 111.2 * math.cos(math.radians((a.latitude + b.latitude) / 2))
    return math.hypot(dx, dy)


def inside_of(c: PlaceCandidate, area: PlaceCandidate) -> bool:
    """Is ``c`` known to lie in ``area``: its country, or the same division as a place that is
    not a country. Stricter than ``_lies_in`` (which only rules out what cannot be): a reading
    of unknown division is not inside a province."""
    if area.kind == "country":
        return c.country == area.country
    return c.country == area.country and c.admin1 is not None and c.admin1 == area.admin1


# lower-case words between a place and its qualifier: "Pelu district, Marran", "Omba village, Kessa"
_QUALIFIER_SKIP = frozenset(k for k in _KEYWORD_KIND if " " not in k) | {"commune", "subdivision", "locality"} \
    | {"center", "centre"}  # "Pelu district center, Marran": the district's seat, in Marran


def _qualifier_span(doc, end_i: int, gazetteer: Gazetteer,
                    readings: Sequence[PlaceCandidate] = ()) -> tuple[int, int, tuple[PlaceCandidate, ...]] | None:  # fmt: skip
    """The division or country written after a place ("Charleston, W.Va.", "Paris, Texas", "Tripoli,
    Lebanon", "Pelu district, Marran"), or a second-level division holding one of the place's
    ``readings`` ("Tamsin, Orlen" with Orlen a province below a region): the token span of its name
    and its readings, or None."""
    i = end_i
    while i < len(doc) and i - end_i < 2 and doc[i].text.islower() and doc[i].text in _QUALIFIER_SKIP:
        i += 1
    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    for width in (5, 4, 3, 2, 1):
        span = doc[i + 1 : i + 1 + width]
        if width > 3 and not any(t.lower_ in _NAME_PARTICLES for t in span):
            continue  # only a name with particles is that long ("Rio Grande do Norte")
        if len(span) < width or any(t.is_punct and t.text != "." and not _joins_a_name(t) for t in span) \
                or not span.text[:1].isupper():  # fmt: skip
            continue
        if fold_name(span.text) in GENERIC_NAMES or _cut_from_a_hyphenated_name(span):
            continue
        areas = [c for c in gazetteer.lookup(span.text) if c.kind in ("province", "region", "country")]
        if not areas:
            areas = _districts_holding(gazetteer.lookup(span.text), readings)
        if not areas and width == 1:
            areas = division_written_short(doc, span[0], gazetteer)
        if areas:
            # "Tabo village, Kachin State": the division's word is part of the qualifier's name
            end = span.end + 1 if span.end < len(doc) and doc[span.end].text in _DIVISION_WORDS else span.end
            return span.start, end, tuple(areas)
    return None


def _districts_holding(cands: Sequence[PlaceCandidate], readings: Sequence[PlaceCandidate]) -> list[PlaceCandidate]:
    """The second-level divisions among ``cands`` that hold one of ``readings``. Where a country's
    first level is its regions, the province named after a town is second-level ("Kelmo, Tarvo", Tarvo
    a province of a region): it qualifies the town when a reading of the town lies in its region, and
    a district of that name elsewhere, holding none, is no qualifier ("Paris, Lamar" read nowhere)."""
    return [c for c in cands if c.kind == "district" and any(inside_of(r, c) for r in readings)]


def _in_the_district(cands: Sequence[PlaceCandidate], within: Sequence[PlaceCandidate]) -> Sequence[PlaceCandidate]:
    """The readings of a name a second-level division qualifies that lie beside that division's point
    ("Kelmo, Tarvo": the Kelmo of Tarvo province, not its namesake elsewhere in Tarvo's region; GeoNames
    gives towns no second-level division, so distance tells it), all of them when none does or no such
    division qualifies the name."""
    districts = [a for a in within if a.kind == "district"]
    near = [c for c in cands if any(inside_of(c, d) and _close(c, d) for d in districts)]
    if not near:
        return cands
    # of its namesakes beside the division's point, the nearest is the likeliest to lie in it
    nearest = min(near, key=lambda c: min(_flat_km(c, d) for d in districts if _close(c, d)))
    return [nearest]


def _joins_a_name(tok: Token) -> bool:
    """Is the token a hyphen inside one name, written with no space on either side ("Sud-Kivu",
    "Centre-Est")?"""
    return tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def _cut_from_a_hyphenated_name(span: SpacySpan) -> bool:
    """Does the span stop at a hyphen that joins it to the rest of its name? "Sud" of "Sud-Kivu", "Centre"
    of "Centre-Est", "North" of "North-West" are another country's divisions (Haiti's Sud, Cameroon's
    Centre): the qualifier is the whole name or none."""
    doc = span.doc
    return span.end < len(doc) and _joins_a_name(doc[span.end])


@lru_cache(maxsize=1)
def us_postal_codes() -> dict[str, str]:
    """The US states' two-letter postal codes ("KY" -> "Kentucky"), which are GeoNames' admin1 codes for
    the United States (``data/admin1.tsv``)."""
    return {code: name for cc, code, name in bundled_rows("admin1.tsv") if cc == "US"}


def division_written_short(doc, tok: Token, gazetteer: Gazetteer) -> list[PlaceCandidate]:
    """A division written short with no full stop after a town, as datelines and wires write it ("TARVO,
    KY --", "Kelmar, Tenn (AP)"): a US state's postal code, or the press's abbreviation ("Tenn.") with its
    stop left out. Its readings; none unless a capitalised name and a comma come before it and punctuation
    after it ("Tarvo, La Salle", "the crackdown, PA officials said")."""
    word = tok.text
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    town = doc[tok.i - 2] if tok.i >= 2 and doc[tok.i - 1].text == "," else None
    if not word.isalpha() or town is None or not town.text[:1].isupper() or nxt is not None and not nxt.is_punct:
        return []
    if len(word) == 2 and word.isupper():
        state = us_postal_codes().get(word)
        return [c for c in gazetteer.lookup(state) if c.kind == "province" and c.country == "USA"] if state else []
    if 2 <= len(word) <= 4 and word[0].isupper() and word[1:].islower():
        cands = gazetteer.lookup(word + ".")
        return cands if cands and all(c.kind in ("province", "region") for c in cands) else []
    return []


def _abbreviation_cut_short(name: str, text: str, end: int, gazetteer: Gazetteer) -> str | None:
    """"Gatineau, Que.": the model's entity stops before the abbreviation's full stop; with it, the
    name is a division's abbreviation and names nothing else. The name with its stop, or None."""
    if not text.startswith(".", end) or not is_abbreviation(name + "."):
        return None
    cands = gazetteer.lookup(name + ".")
    return name + "." if cands and all(c.kind in ("province", "region") for c in cands) else None


def is_abbreviation(name: str) -> bool:
    """A short name with a full stop ("Ont.", "W. Va.", "S.C."): an abbreviation, not a word or a person."""
    return "." in name and sum(ch.isalpha() for ch in name) <= 5 and name[:1].isupper()


def _sure_qualifier(doc, start: int, end: int, labels: bool = True) -> bool:
    """Is the name after the comma surely a qualifier, not the next item of a list ("Wisconsin, Michigan
    and Ohio") or the start of another name ("Beirut, Vladimir Putin said")? Sure when what follows it
    ends the phrase: punctuation, a lower-case word, or a comma before one ("Tamsin, Orlen, armed men").
    The model's label is not trusted on an abbreviation ("Kingston, Ont.": "Ont" as a person), nor
    when the caller knows better (``labels`` False)."""
    named_division = doc[end - 1].text in _DIVISION_WORDS  # ("Kachin State" as a person: no person is so called)
    if labels and not is_abbreviation(doc[start:end].text) and not named_division \
            and any(t.ent_type_ in ("PERSON", "ORG") for t in doc[start:end]):  # fmt: skip
        return False
    if end >= len(doc):
        return True
    nxt = doc[end]
    if nxt.text == ",":
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        return nxt is None or nxt.text.islower() and nxt.lower_ not in ("and", "or")
    if nxt.lower_ in ("and", "or", "&"):
        return False
    return nxt.is_punct or nxt.text.islower()


def _comma_qualifiers(found: list[PlaceMention], sent: SpacySpan, country_names: dict[str, str], add) -> None:
    """The qualifier of "Tamsin, Orlen" is where Tamsin lies, not where something happened:
    a place of its own (relation ``within``), read as the division when it names one."""
    doc = sent.doc
    for m in list(found):
        # the qualifier ``add`` found after the name (none for a country or a mere list)
        if m.kind == "country" or not m.within or m.qualifier is None or m.qualifier[1] > sent.end:
            continue
        qspan = doc[m.qualifier[0] : m.qualifier[1]]
        start, end = qspan.start_char, qspan.end_char
        if not any(f.start < end and start < f.end for f in found):
            iso = country_names.get(fold_name(qspan.text))
            add(start, end, qspan.text, "country" if iso else "province", iso, () if iso else m.within)
        for j, f in enumerate(found):
            if f.start < end and start < f.end and f.start >= m.end:
                provincial = f.kind != "country" and f.names_a_division()
                found[j] = replace(f, relation="within", kind="province" if provincial else f.kind)


def _known_actor(tok: Token) -> bool:
    return known_organisation(tok.text)


def known_organisation(name: str) -> bool:
    """Is the name an organisation's or a person's in the actor data ("PKK", "UN", "CNN"), or a
    legislature's word written as its name ("Congress", "Parliament": a body, not Congress, Arizona)?"""
    from .actors import default_actor_index

    entry = default_actor_index().get(name)
    return entry is not None and (entry.kind in ("org", "person") or entry.kind == "generic" and entry.canonical == LEGISLATURE)


# the actor data's canonical name for a legislature ("parliament", "congress", "lawmakers")
LEGISLATURE = "parliament"


def _clean_entity(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return re.sub(r"'s$|’s$", "", text)


# words that name a part of a place before its name: "Western Kentucky", "Far North Dunval", "Greater Kolo"
_PART_WORDS = GENERIC_NAMES | frozenset({"far", "greater", "deep", "downtown", "rural"})


def whole_of_part(name: str) -> str | None:
    """The place a part of it is named after ("Eastern Ostland" -> "Ostland", "North West England" ->
    "England"); None when the name does not start with such a word or is nothing but them."""
    words = name.split()
    i = 0
    while i < len(words) - 1 and fold_name(words[i]) in _PART_WORDS:
        i += 1
    rest = " ".join(words[i:])
    return rest if 0 < i < len(words) and fold_name(rest) not in _PART_WORDS else None


# acts told of a place by their noun: "the siege of Tarvo", "the battle for Kelmo", "a truce for Dalo"
_PLACE_NOUNS = frozenset(
    "siege bombing bombardment shelling battle fall capture recapture liberation offensive evacuation ceasefire "
    "cease-fire truce invasion occupation destruction blockade encirclement".split()
)


def _acted_on(tok: Token) -> bool:
    """Is the proper noun what an act told by its noun was done to or for ("the bombing of Tarvo", "the
    battle for Kelmo", "a ceasefire for eastern Dalo"), through its compass word?"""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("of", "for") or tok.tag_ != "NNP":
        return False
    return tok.head.head.lemma_.lower() in _PLACE_NOUNS


def _preposition_before(span: SpacySpan) -> str | None:
    """The preposition right before ``span`` in the text ("in [the] X"), whatever the parse made
    of it: the small model often hangs an unfamiliar name on the wrong word ("On 2 May, in
    Tarvo, Ostland, farmers marched": "in" as the root, "Tarvo" a modifier of "farmers")."""
    i = span.start - 1
    doc = span.doc
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return doc[i].lower_ if i >= 0 and doc[i].pos_ == "ADP" else None


# lower-case words inside a place's name in Portuguese, Spanish, Italian and French ("Rio Grande do
# Norte", "San Juan de los Morros", "Sao Sebastiao da Boa Vista"), and the Persian one that joins a
# name's words ("Qala i Naw", "Kut e Abdollah"): the model often stops the name before them
_NAME_PARTICLES = frozenset("da das de del della des di do dos du el la las le les los sur e i".split())
# how many words a name may run on by over its particles
_RUN_ON = 4


def _run_on(span: SpacySpan, gazetteer: Gazetteer) -> SpacySpan:
    """The name run on over a particle and the capitalised words after it, when the longer name is a
    place the gazetteer knows ("Sao Sebastiao" + "da Boa Vista"); else the span itself. The model
    cuts such names short or splits them into two entities, and the first half is often a
    namesake elsewhere (or nothing)."""
    doc, end = span.doc, span.end
    if end < len(doc) and _continues_the_name(doc[end]):
        return _run_on_capitals(span, gazetteer)
    if end + 1 >= len(doc) or doc[end].lower_ not in _NAME_PARTICLES or not doc[end].text.islower():
        return span
    best = span
    stop = min(len(doc), end + _RUN_ON + 1)
    for i in range(end + 1, stop):
        tok = doc[i]
        if tok.text.islower() and tok.lower_ in _NAME_PARTICLES:
            continue
        if not tok.text[:1].isupper() or not tok.is_alpha:
            break
        longer = doc[span.start : i + 1]
        if gazetteer.lookup(longer.text):
            best = SpacySpan(doc, span.start, i + 1, label=span.label_)
    return best


def _continues_the_name(tok: Token) -> bool:
    """Could ``tok`` be the next word of a name the model cut short ("Belle" + "Plaine")?"""
    return tok.text[:1].isupper() and tok.is_alpha and tok.ent_type_ not in _NOT_RUN_BACK_OVER


def _run_on_capitals(span: SpacySpan, gazetteer: Gazetteer) -> SpacySpan:
    """The name run on over the capitalised words right after it, when the longer name is a place the
    gazetteer calls by that very name ("Belle" + "Plaine", "Glen" + "Ellyn"); else the span itself. The
    model ends a town's name early, and its first word alone is often a namesake elsewhere (or nothing).
    The very name of a town, as ``_run_back`` asks: a word after a town that makes another place's
    alternate name ("Tarvo Post" for a paper) or a division's name does not count."""
    doc, best = span.doc, span
    for i in range(span.end, min(len(doc), span.end + _RUN_ON)):
        if not _continues_the_name(doc[i]):
            break
        longer = doc[span.start : i + 1]
        own = fold_name(longer.text)
        if any(fold_name(c.name) == own and c.kind not in AREA_KINDS for c in gazetteer.lookup(longer.text)):
            best = SpacySpan(doc, span.start, i + 1, label=span.label_)
    return best


# the kinds of reading that are areas, not points: a name run on must not have one ("Dublin City", a
# council's area, in "the Dublin City Schools" of a Dublin elsewhere says nothing of a town)
AREA_KINDS = frozenset({"province", "region", "district", "country"})


# the words before a person's name, with or without their full stop ("Mrs Dunval", "Sen. Kelmar")
HONORIFICS = frozenset("mr mrs ms miss mx dr rev prof mme sen rep gov".split())


def is_honorific(tok: Token) -> bool:
    """Is ``tok`` a title before a person's name ("Mr", "Dr.", "Sen.")?"""
    return tok.text[:1].isupper() and tok.text.lower().rstrip(".") in HONORIFICS


def _with_neighbourhood_word(span: SpacySpan, sent_start: int) -> SpacySpan:
    """The name with the neighbourhood's word the model left out of it ("Colonia" + "Buena Vista"): the
    word is part of the name, and the rest alone is a namesake's elsewhere. ``sent_start``: the first
    token of the sentence (``Span.sent`` looks for it again on every call)."""
    doc = span.doc
    if span.start > sent_start and doc[span.start - 1].lower_ in NEIGHBOURHOOD_WORDS and doc[span.start - 1].text[:1].isupper():
        return SpacySpan(doc, span.start - 1, span.end, label=span.label_)
    return span


_NOT_RUN_BACK_OVER = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})


def _run_back(span: SpacySpan, sent_start: int, gazetteer: Gazetteer) -> SpacySpan:
    """The name run back over the capitalised words (and particles) right before it, when the longer
    name is a place the gazetteer calls by that very name ("General" + "Santos", "Catole do" + "Rocha");
    else the span itself. The model leaves a title-like first word out of a town's name, and the
    rest is often a namesake elsewhere. ``sent_start``: the first token of the sentence."""
    doc, best = span.doc, span
    for i in range(span.start - 1, max(sent_start, span.start - _RUN_ON) - 1, -1):
        tok = doc[i]
        if tok.text.islower() and tok.lower_ in _NAME_PARTICLES:
            continue
        if not tok.text[:1].isupper() or not tok.is_alpha or tok.ent_type_ in _NOT_RUN_BACK_OVER:
            break
        longer = doc[i : span.end]
        # (the very name, not a spelling without an Arabic article: "An Albany man" is no place "An Albany")
        own = fold_name(longer.text)
        if any(fold_name(c.name) == own for c in gazetteer.lookup(longer.text)):
            best = SpacySpan(doc, i, span.end, label=span.label_)
    return best


def _leading_name(ent: SpacySpan) -> SpacySpan:
    """An entity cut before its first comma or bracket: the model runs "Tarvo, Ostland" or
    "Tarvo (Lesk" together as one name, but what follows is where it lies (read by the comma
    and bracket rules), not part of the name."""
    for tok in ent:
        if tok.i > ent.start and tok.text in (",", "("):
            return SpacySpan(ent.doc, ent.start, tok.i, label=ent.label_)
    return ent


# the relation of a place where a party has its seat ("a Vienna-based monitor"), and its words
SEAT = "based"
_SEAT_WORDS = frozenset({"based", "headquartered", "registered"})


def seat_of_the_party(tok: Token) -> bool:
    """Is ``tok`` a place where a party has its seat: told before "-based" ("a London-based rights
    group"), however the parser hangs the two, or after "based in" ("a group based in Dakar")? (Not
    "base": "the Incirlik base" is a place things happen at.)"""
    after = tok.doc[tok.i + 1 : tok.i + 3]
    if len(after) == 2 and after[0].text == "-" and after[1].lower_ in _SEAT_WORDS:
        return True
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "in" and prep.head.lower_ in _SEAT_WORDS


def _relation(head: Token) -> str | None:
    """The preposition a place hangs from ("near Qamishli" -> near), through compounds."""
    if head.dep_ == "poss":
        return "poss"  # "Russia's defence ministry": a possessor, not where something happened
    if seat_of_the_party(head):
        return SEAT  # "a Vienna-based monitor": where the party has its seat, not where things happen
    tok = head
    for _ in range(3):
        if tok.dep_ == "conj" and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "between":
            return "between"  # "between Latakia and Aleppo": the second place shares the relation
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            prep = tok.head
            # "west of Qamishli", "20 km south of Idlib"
            if prep.lower_ == "of" and prep.head.lower_ in DIRECTIONS:
                return f"{prep.head.lower_} of"
            # "in the centre of Tarvo", "on the outskirts of Kelmar": where the part is, the place is
            if prep.lower_ == "of" and prep.head.lower_ in PART_NOUNS:
                return _relation(prep.head) or "in"
            # "outside the central prison of Tarvo": where the building is, the town is
            # (not "off the port of Tarvo", "the camp of Kelmar": the keyword patterns read those as the town itself)
            if (prep.lower_ == "of" and prep.head.text.islower() and _KEYWORD_KIND.get(prep.head.lower_) == "facility"
                    and prep.head.lower_ not in ("port", "camp")):
                return _relation(prep.head) or "of"  # (not "the Hospital of the University of Tarvo": a name)
            return prep.lower_
        if tok.dep_ in ("compound", "appos", "conj", "nmod", "pobj", "amod") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return None
