"""Geoparsing: every place an article mentions, found and put on the map.

The same recognition and resolution fill each event's ``place``; this module
lists all mentions, for ``eventwire geoparse`` and for scoring against gold
coordinates (``eventwire evaluate --geo``).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from ..document import Document
from ..mentions.actors import ActorIndex, country_names, default_actor_index
from ..mentions.places import (
    ARTICLE_BEFORE,
    DIRECTIONS,
    DIVISION_EVIDENCE,
    GENERIC_NAMES,
    HAMLET_PEOPLE,
    Gazetteer,
    PlaceMention,
    county_named,
    division_written_short,
    fold_name,
    inside_of,
    is_article,
    is_honorific,
    known_organisation,
    mislabelled_as_time,
    towns_named_apart,
)
from .gazetteer import default_gazetteer
from .resolve import (
    ArticlePlaces,
    Location,
    article_places,
    country_point,
    demonyms_of,
    home_division_by_a_country_name,
    locate,
    precision_of,
)


@dataclass(frozen=True)
class GeoMention:
    article_id: str
    text: str
    start: int
    end: int
    location: Location
    demonym: bool = False  # "Turkish troops": the country stands behind an adjective

    def to_dict(self) -> dict[str, Any]:
        loc = asdict(self.location)
        return {"article_id": self.article_id, "text": self.text, "start": self.start, "end": self.end,
                **loc, "demonym": self.demonym}  # fmt: skip


_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent"})
# entity types whose capitalised words are never place names (dates, numbers, quantities)
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


class Geoparser:
    """Finds and resolves place mentions; holds the gazetteer and the actor data it needs."""

    def __init__(self, gazetteer: Gazetteer | None = None, actors: ActorIndex | None = None):
        self.gazetteer = gazetteer or default_gazetteer()
        self.actors = actors or default_actor_index()
        self.country_names = country_names(self.actors)

    def places(self, document: Document) -> ArticlePlaces:
        return article_places(list(document.doc.sents), self.gazetteer, self.country_names, document.article.outlet)

    def mentions(self, document: Document, *, demonyms: bool = True, every_toponym: bool = False) -> list[GeoMention]:
        """Every place mention of the article, in reading order; demonyms used as places too.

        ``every_toponym``: also the place names that are not places where something is, as toponym
        corpora (LGL, TR-News) mark them: countries acting ("Russia agreed") and names inside other
        names ("the Mansfield Police Department", "Laurel County Clerk", a dateline "PATASKALA --")."""
        found = self.places(document)
        out = [
            GeoMention(document.article.id, p.text, p.start, p.end,
                       locate(p, places, found, found.main_country, self.gazetteer, between=False,
                              near_home_town=True))  # fmt: skip
            for places in found.by_sentence
            for p in places
            if every_toponym or not self._used_as_actor(document, p)
        ]
        if every_toponym:
            out = [self._leading_toponym(document, found, p, m) for p, m in zip(
                [p for places in found.by_sentence for p in places], out)]
            out.extend(self._inside_names(document, found, [(m.start, m.end) for m in out]))
        if demonyms:
            out.extend(self._demonyms(document, {(m.start, m.end) for m in out}, inside_names=every_toponym,
                                      found=found if every_toponym else None))
        return sorted(out, key=lambda m: m.start)

    def _leading_toponym(self, document: Document, found: ArticlePlaces, p: PlaceMention, m: GeoMention) -> GeoMention:
        """The toponym inside a found name, when the name itself is no place's ("Kelmar Crown Court", "the
        Tarvo Community Hospital", "Historic Dunval", "the Greater Kelmar Area"): the longest run of its
        capitalised words (never all of them) that is a country's or a place's own name, the leading run
        first, then the closing one, then one inside, read as a gold span is read (with the evidence of the
        article's other names, not its own); the found mention itself otherwise."""
        if p.kind == "country" or any(p.named(c) for c in p.candidates) or p.abbreviates_a_division():
            return m
        span = document.doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            return m
        toks = [t for t in span if not (t.i == span.start and t.lower_ == "the")]
        for width in range(min(len(toks) - 1, 4), 0, -1):
            for at in _window_starts(len(toks), width):
                run, rest = toks[at : at + width], toks[:at] + toks[at + width :]
                if not all(t.text[:1].isupper() for t in run):
                    continue
                if all(t.lower_ in _FEATURE_WORDS for t in rest):
                    return m  # "Hampton Park", "Kelmar River", "Lake Tarvo": a place of its own, not a town's
                if at and not _opens_a_run_after_a_word(toks[at - 1]):
                    continue  # "West Tarvo", "Fort Dunval", "Khan al-Kelmar": a place of its own the gazetteer lacks
                hit = self._toponym_run(document, found, run, leading=at == 0)
                if hit is not None:
                    return hit
        return m

    def _toponym_run(self, document: Document, found: ArticlePlaces, run, *, leading: bool = True) -> GeoMention | None:
        """The run of words read as a gold span is read, when it is a country's or a place's own name; a run
        that does not open the name only when its reading is safe without the sentence (a country, a big or
        sole town, a name the article uses as a place elsewhere): the last word of "Taco Bell" or "the
        Kelmar Smith Trust" is seldom the town of that name."""
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        text = document.article.text[start:end]
        key = fold_name(text)
        if (key in GENERIC_NAMES or key.replace(" ", "-") in GENERIC_NAMES or is_article(text)
                or known_organisation(text)):
            return None
        cands = tuple(self.gazetteer.lookup(text))
        probe = PlaceMention(text, text, "place", None, start, end, None, run[-1].i, cands)
        if not (self.country_names.get(key) or any(probe.named(c) for c in cands)):
            return None
        if not (leading or self.country_names.get(key) or key in found.place_names
                or probe.strong_candidates(sole_namesakes=True)):
            return None
        return GeoMention(document.article.id, text, start, end, self.resolve_span(document, start, end, found))

    def _inside_names(self, document: Document, found: ArticlePlaces, taken: list[tuple[int, int]]) -> list[GeoMention]:
        """Place names inside runs of capitalised words that no place mention covers.

        A run is read left to right, longest name first (up to four words). A name counts when it
        is a country, or when its reading is trusted without the sentence: a division by its own
        name ("Laurel County"), a big place, a town in a division the rest of the article is about,
        a name the article uses as a place elsewhere (one sense per article), or a dateline
        ("ROSWELL —"). A reading reached only through an alternate spelling never counts, nor an
        organisation's name or acronym from the actor data ("PKK", "UN")."""
        doc = document.doc
        out: list[GeoMention] = []
        spans = list(taken)
        accepted: set[str] = set()  # names read as places earlier in the article (a dateline's town)
        runs: list[list] = []
        run: list = []
        for tok in doc:
            word = tok.text
            capital = word[:1].isupper() and (tok.is_alpha or "." in word or "-" in word or "'" in word)
            if capital and (tok.ent_type_ not in _NOT_NAMES or mislabelled_as_time(tok)):
                run.append(tok)
            else:
                if run:
                    runs.append(run)
                run = []
        if run:
            runs.append(run)
        for run in runs:
            i = 0
            while i < len(run):
                width = min(4, len(run) - i)
                hit = None
                while width and hit is None:
                    toks = run[i : i + width]
                    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
                    if not any(start < e and s < end for s, e in spans):
                        hit = self._name_at(document, found, toks, start, end, accepted)
                    width -= 1 if hit is None else 0
                if hit is None:
                    i += 1
                    continue
                out.append(hit)
                spans.append((hit.start, hit.end))
                accepted.add(fold_name(hit.text))
                i += width
        return out

    def _name_at(self, document: Document, found: ArticlePlaces, toks, start: int, end: int,
                 accepted: set[str] = frozenset()) -> GeoMention | None:  # fmt: skip
        text = document.article.text[start:end]
        dateline = _dateline(document, toks)
        elsewhere = fold_name(text) in found.place_names or fold_name(text) in accepted
        if (len(toks) == 1 and toks[0].is_sent_start and toks[0].pos_ not in ("PROPN",) and not dateline
                and not elsewhere and not _before_local_noun(document, toks[-1])):
            # "Police said", "Commerce is": a capital from the sentence's start only, unless the article
            # reads the name as a place elsewhere ("Kelmar residents march" above a story in Kelmar) or a
            # noun for a town's people or public bodies follows it ("Tarvo residents voted", tagged a noun)
            return None
        if fold_name(text) in GENERIC_NAMES or fold_name(text).replace(" ", "-") in GENERIC_NAMES:
            return None  # "South", "Central": no place name on their own
        if ARTICLE_BEFORE.search(document.article.text, max(0, start - 40), start):
            return None  # "Maarat al-Numan": the word after the article is no name of its own
        if known_organisation(text):
            return None
        iso = self.country_names.get(fold_name(text))
        head_i = toks[-1].i
        if iso and self._local_namesake(document, found, text, iso) is not None:
            iso = None  # "a Georgia utility" in a story about Macon and Savannah: the state
        if iso:
            mention = PlaceMention(text, text, "country", iso, start, end, None, head_i)
            return GeoMention(document.article.id, text, start, end, locate(mention, [], found, found.main_country, self.gazetteer))
        short = self._short_division_at(document, toks[0].i) if len(toks) == 1 else ()
        if short:
            # "TARVO, Ky (AP) --": the division written short after a dateline's town, by its own name
            name = short[0].name
            mention = PlaceMention(text, name, "province", None, start, end, "within", head_i, short)
            return GeoMention(document.article.id, text, start, end,
                              locate(mention.in_context(found.countries_besides(name), found.main_country), [], found,
                                     found.main_country, self.gazetteer))  # fmt: skip
        cands = tuple(self.gazetteer.lookup(text))
        county = self._county_by_office(document, toks[-1], text)
        if county:
            text_name, cands = county
        else:
            text_name = text
        if not cands:
            return None
        # "TARVO, Ky (AP)": the town in the division written short after it
        after = self._short_division_at(document, toks[-1].i + 2)
        cands = tuple(c for c in cands if any(inside_of(c, w) for w in after)) or cands
        mention = PlaceMention(text, text_name, "place", None, start, end, None, head_i, cands,
                               apart=self._named_apart(document, text_name, end, cands))
        mention = mention.in_context(found.countries_besides(text), found.main_country, found.divisions_besides(text),
                                     found.nearby(text, cands))
        c = mention.resolved
        if c is not None and not mention.named(c):
            # a bigger neighbour that also answers to the name ("West Tarvo" for "TARVO"): the place
            # called by this very name in the same division, when there is one
            c = max((o for o in cands if o.country == c.country and o.admin1 == c.admin1 and mention.named(o)),
                    key=lambda o: o.population, default=c)
            mention = replace(mention, resolved=c)
        if c is None or c.latitude is None or not (mention.named(c) or mention.abbreviates_a_division()):
            return None
        if c.population < HAMLET_PEOPLE and _a_persons_name(toks) and not dateline and not elsewhere:
            return None  # "Mr. Kelmar", "Kelmar said": a person named like a hamlet or an empty district abroad is no toponym
        trusted = (
            c.kind in ("province", "region", "district")
            or mention.is_strong
            or found.divisions_besides(text).get((c.country or "", c.admin1 or ""), 0.0) >= DIVISION_EVIDENCE
            # one sense per article: a name it uses as a place elsewhere is that place here too
            or fold_name(text) in found.place_names
            or fold_name(text) in accepted  # the same, for a name read so earlier in this pass ("TARVO —")
            or dateline
            or _before_local_noun(document, toks[-1])
            or _joined_by_hyphen(document, toks)
            or self._sole_town(mention, toks, found.countries_besides(text))
        )
        if not trusted:
            return None
        sent = [p for ps in found.by_sentence for p in ps if _same_sentence(document, p.start, start)]
        return GeoMention(document.article.id, text, start, end,
                          locate(mention, sent, found, found.main_country, self.gazetteer, near_home_town=True))

    def _short_division_at(self, document: Document, i: int) -> tuple:
        """The readings of a division written short with no full stop at token ``i``, right after a town and
        its comma ("KELMAR, Ky (AP)", "Tarvo, TN"), as ``division_written_short`` reads it; () otherwise."""
        doc = document.doc
        if i < 2 or i >= len(doc) or doc[i - 1].text != "," or self.gazetteer.lookup(doc[i].text):
            return ()
        return tuple(division_written_short(doc, doc[i], self.gazetteer))

    @staticmethod
    def _sole_town(mention: PlaceMention, toks, countries: dict[str, float]) -> bool:
        """"Hounslow Labour councillors", "the Zionsville Education Foundation": a name that only one town
        anywhere bears, a town of ``ONLY_NAMESAKE_PEOPLE`` or more, is that town when it opens another name
        as when it stands alone (the resolver's last resort), in a country the rest of the article is about
        (``countries``; any, when it names none): "the Biarritz Choir Society" singing in a story of Omaha is
        a name, not a toponym. Never a person's name ("Ann Tarvo"), nor a word inside or at the end of a
        name ("Kelmar International Airport")."""
        first = toks[0]
        before = first.doc[first.i - 1] if first.i > 0 else None
        opens = before is None or not before.text[:1].isupper() or before.lower_ == "the"
        c = mention.resolved
        person = any(t.ent_type_ == "PERSON" for t in toks) or before is not None and is_honorific(before)
        return (opens and not person and c is not None and bool(mention.strong_candidates(sole_namesakes=True))
                and (not countries or c.country in countries))

    def _county_by_office(self, document: Document, last, text: str):
        """"Kelmar Sheriff Ann Roe", "the Tarvo Circuit Judge", "Dunval task force": a bare name before an
        office of a county is the county's ("Kelmar County"), when the gazetteer has a county or parish
        of that name. (name, readings), or None."""
        nxt = document.doc[last.i + 1] if last.i + 1 < len(document.doc) else None
        if nxt is None or nxt.lower_ not in _COUNTY_OFFICES:
            return None
        return county_named(text, self.gazetteer)

    def _local_namesake(self, document: Document, found: ArticlePlaces, name: str, iso: str):
        """A place named like a country, in the article's main country and in a division the rest of the
        article points at ("Georgia" among Macon and Savannah), or the division of that very name when the
        article names nothing else of the country, as ``resolve._countries_read_as_local`` reads the places
        found; None when there is none."""
        if found.main_country in (None, iso):
            return None
        divisions = found.divisions_besides(name)
        probe = PlaceMention(name, name, "place", None, 0, len(name), None, 0)
        readings = [c for c in self.gazetteer.lookup(name)
                    if c.kind != "country" and c.country == found.main_country and probe.named(c)]  # fmt: skip
        placed = next((c for c in readings if divisions.get((c.country, c.admin1 or ""), 0.0) >= DIVISION_EVIDENCE),
                      None)  # fmt: skip
        if placed is not None:
            return placed
        weight = found.countries_besides(name).get(iso, 0.0)
        if home_division_by_a_country_name(readings, found.main_country, weight,
                                           lambda: demonyms_of(list(document.doc.sents))):  # fmt: skip
            return next(c for c in readings if c.kind in ("province", "region"))
        return None

    def _used_as_actor(self, document: Document, p: PlaceMention) -> bool:
        """"Russia and Turkey agreed", "Washington reversed": a country or capital acting is not a place."""
        if p.relation is not None:
            return False
        head = document.doc[p.head_i]
        while head.dep_ == "conj":
            head = head.head
        entry = self.actors.get(p.name)
        return entry is not None and entry.kind in ("country", "capital") and head.dep_ in _ACTOR_DEPS

    def _demonyms(self, document: Document, taken: set[tuple[int, int]], inside_names: bool = False,
                  found: ArticlePlaces | None = None) -> list[GeoMention]:
        """Countries behind demonyms ("Turkish troops", "two Canadians"); with ``found`` (every toponym),
        also the divisions and towns behind their residents' names ("Minnesotans", "a Londoner")."""
        out = []
        for tok in document.doc:
            if not tok.text[:1].isupper():
                continue
            if not inside_names and tok.head.pos_ == "PROPN" and tok.head.i != tok.i and tok.dep_ != "appos":
                continue  # (an adjective inside a name, "Syrian Observatory", is not where anything is)
            if tok.dep_ not in ("amod", "compound", "nmod") and tok.pos_ not in ("NOUN", "PROPN") and not _coordinated_modifier(tok):
                continue  # "Turkish troops", and the people themselves: "two Canadians", "the Dutch"
            text, start = tok.text, tok.idx
            prev = document.doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and prev.whitespace_ and fold_name(prev.text) in GENERIC_NAMES:
                # "South African", "North Korean": the compass word is part of the demonym
                joined = f"{prev.text} {tok.text}"
                if self._demonym_entry(joined) is not None:
                    text, start = joined, prev.idx
            hyphenated = "-" in text[1:]
            if hyphenated:
                text = text.split("-")[0]  # "U.S.-led", "Ostlandic-backed": the country before the hyphen
            span = (start, start + len(text))
            # (a span made here may reach into a mention already found: "South Africa" before "n")
            if span in taken or text != tok.text and any(a < span[1] and span[0] < b for a, b in taken):
                continue
            # (a country's own name standing alone is found as a place, or is an actor: "Mexico praised")
            loc = self.demonym_location(text) or (self._country_by_name(text) if hyphenated else None)
            if loc is not None:
                out.append(GeoMention(document.article.id, text, span[0], span[1], loc, demonym=True))
            elif found is not None and not hyphenated:
                residents = self._residents(document, found, tok, taken)
                if residents is not None:
                    out.append(residents)
        return out

    def _residents(self, document: Document, found: ArticlePlaces, tok,
                   taken: set[tuple[int, int]]) -> GeoMention | None:  # fmt: skip
        """The place behind a word for its residents ("Minnesotans", "Ohioan", "Texans", "Kentuckians",
        "New Londoners", "Dagestani"), as toponym corpora mark them: a first-level division by its own
        name, or a place the article names elsewhere (one sense per article); None otherwise. A word
        that is itself a place's name ("Sudan", "Jordan") is that place, never a resident's name."""
        word = tok.text
        if not word.isalpha() or len(word) < 5:
            return None
        if self.country_names.get(fold_name(word)) or self.gazetteer.lookup(word):
            return None
        prev = document.doc[tok.i - 1] if tok.i > 0 else None
        capitalised_before = prev is not None and prev.whitespace_ and prev.is_alpha and prev.text[:1].isupper()
        before = prev.text if capitalised_before else None
        for stem in resident_stems(word):
            for name, start in ((f"{before} {stem}", prev.idx) if before else (None, None), (stem, tok.idx)):
                if name is None or any(a < tok.idx + len(word) and start < b for a, b in taken):
                    continue
                loc = self._place_of_residents(document, found, name, start, tok)
                if loc is not None:
                    text = document.article.text[start : tok.idx + len(word)]
                    return GeoMention(document.article.id, text, start, tok.idx + len(word), loc, demonym=True)
        return None

    def _place_of_residents(self, document: Document, found: ArticlePlaces, name: str, start: int,
                            tok) -> Location | None:  # fmt: skip
        key = fold_name(name)
        if len(key) < 4 or key in GENERIC_NAMES:
            return None
        cands = tuple(self.gazetteer.lookup(name))
        probe = PlaceMention(name, name, "place", None, start, tok.idx + len(tok.text), None, tok.i, cands,
                             apart=towns_named_apart(name, cands, self.gazetteer))
        if key not in found.place_names and not any(c.kind in ("province", "region") and probe.named(c) for c in cands):
            return None
        mention = probe.in_context(found.countries_besides(name), found.main_country, found.divisions_besides(name),
                                   found.nearby(name, cands))  # fmt: skip
        if mention.resolved is None or not mention.named(mention.resolved):
            return None
        return locate(mention, [], found, found.main_country, self.gazetteer, between=False)

    def _country_by_name(self, text: str) -> Location | None:
        """A country's own name where a demonym could stand ("U.S." in "U.S.-led")."""
        iso = self.country_names.get(fold_name(text))
        if not iso:
            return None
        point = country_point(iso, self.actors.country_name(iso), self.gazetteer)
        if point is None:
            return None
        return Location(point.name, point.geonameid, point.latitude, point.longitude, iso, None, None, point.feature,
                        "country", None)  # fmt: skip

    def _demonym_entry(self, text: str):
        entry = self.actors.get(text)
        if (entry is None or entry.kind != "demonym") and text.endswith("s"):
            entry = self.actors.get(text[:-1])  # "Canadians" -> "Canadian"
        if entry is not None and entry.kind == "demonym" and entry.country:
            return entry
        # the demonyms the actor data lacks ("Czech", "Zambian"): the bundled table, read the same way
        table = bundled_demonyms()
        iso = table.get(text) or (table.get(text[:-1]) if text.endswith("s") else None)
        return _Demonym(self.actors.country_name(iso) or text, iso) if iso else None

    def demonym_location(self, text: str) -> Location | None:
        """The country behind a demonym ("Turkish", "Canadians"), at the country's point, or the continent
        behind a continent's adjective ("European", "Asian"), at the continent's; None otherwise."""
        continent = _CONTINENT_ADJECTIVES.get(text)
        if continent is not None:
            return self._continent(continent)
        entry = self._demonym_entry(text)
        if entry is None:
            return None
        point = country_point(entry.country, self.actors.country_name(entry.country), self.gazetteer)
        return Location(entry.canonical, point.geonameid if point else None, point.latitude if point else None,
                        point.longitude if point else None, entry.country, None, None,
                        point.feature if point else None, "country", None)  # fmt: skip

    def _continent(self, name: str) -> Location | None:
        c = next((c for c in self.gazetteer.lookup(name) if c.feature == "L.CONT"), None)
        if c is None:
            return None
        # (the precision a continent named by its name gets: "across Europe")
        return Location(c.name, c.geonameid, c.latitude, c.longitude, None, None, None, c.feature, precision_of(c), None)

    def _named_apart(self, document: Document, name: str, end: int, cands) -> frozenset[int]:
        """The towns of this name the press names apart from their division (``towns_named_apart``), but
        where the text names one so itself ("Quebec" of "Quebec City"): there the name is the town's."""
        if document.article.text[end : end + 5] == " City":
            return frozenset()
        return towns_named_apart(name, cands, self.gazetteer)

    def resolve_span(self, document: Document, start: int, end: int, found: ArticlePlaces | None = None) -> Location:
        """Resolve a given span (a gold toponym) as if eventwire had found it there."""
        found = found or self.places(document)
        for sent in found.by_sentence:
            for p in sent:
                if p.start == start and p.end == end:
                    return locate(p, sent, found, found.main_country, self.gazetteer, between=False,
                                  near_home_town=True)
        text = document.article.text[start:end]
        demonym = self.demonym_location(text)
        if demonym is not None:
            return demonym
        span = document.doc.char_span(start, end, alignment_mode="expand")
        head_i = span.root.i if span is not None else 0
        iso = self.country_names.get(fold_name(text))
        if iso and self._local_namesake(document, found, text, iso) is None:
            mention = PlaceMention(text, text, "country", iso, start, end, None, head_i)
        else:
            cands = tuple(self.gazetteer.lookup(text))
            mention = PlaceMention(text, text, "place", None, start, end, None, head_i, cands,
                                   apart=self._named_apart(document, text, end, cands))
            mention = mention.in_context(found.countries_besides(text), found.main_country,
                                         found.divisions_besides(text),
                                         found.nearby(text, mention.candidates))
        same_sentence = [p for ps in found.by_sentence for p in ps if _same_sentence(document, p.start, start)]
        return locate(mention, same_sentence, found, found.main_country, self.gazetteer, between=False,
                      near_home_town=True)


# the endings of residents' names and what each takes off or puts back for the place's name, in order:
# "Minnesotan" -> Minnesota, "Ohioan" -> Ohio, "Texan" -> Texas, "Kentuckian" -> Kentucky, "Floridian" ->
# Florida, "Londoner" -> London, "Dagestani" -> Dagestan
_RESIDENT_ENDINGS = (("an", ("a", "", "as")), ("ian", ("y", "a")), ("er", ("",)), ("i", ("",)))


def resident_stems(word: str) -> list[str]:
    """The place names a word for residents may come from ("Minnesotans" -> Minnesota, Minnesot, ...),
    likeliest first; [] for a word with no such ending."""
    singular = word[:-1] if word.endswith(("ans", "ers", "ians")) else word
    out: list[str] = []
    for ending, restored in _RESIDENT_ENDINGS:
        if singular.endswith(ending) and len(singular) > len(ending) + 2:
            base = singular[: -len(ending)]
            out += [base + r for r in restored if base + r not in out]
    return out


@dataclass(frozen=True)
class _Demonym:
    canonical: str
    country: str


@lru_cache(maxsize=1)
def bundled_demonyms() -> dict[str, str]:
    """The demonym of each country (``data/demonyms.tsv``, tools/build_demonyms.py) -> its ISO3."""
    data = resources.files("eventwire").joinpath("data/demonyms.tsv").read_text(encoding="utf-8")
    rows = csv.reader((line for line in io.StringIO(data) if not line.startswith("#")), delimiter="\t")
    next(rows)
    return {demonym: iso3 for demonym, iso3 in rows}


# the words that end the name of a natural feature or an open place, which is a toponym of its own
# ("Hampton Park", "Kelmar River", "Dunval Heights"), named after a town or not
_FEATURE_WORDS = frozenset(
    "park river lake creek hill hills heights grove flat flats square island islands beach bay valley "
    "mountain mountains falls springs sound harbor harbour gap ridge point forest woods".split()
)


# a continent's adjective is a toponym as a country's demonym is ("European officials": Europe); the
# actor data holds countries' demonyms only
_CONTINENT_ADJECTIVES = {
    "European": "Europe", "Asian": "Asia", "African": "Africa", "Oceanian": "Oceania", "Antarctic": "Antarctica",
    "North American": "North America", "South American": "South America",
}  # fmt: skip


def _window_starts(n: int, width: int) -> list[int]:
    """Where a run of ``width`` of ``n`` words may start, in the order a name's toponym is looked for:
    the leading run ("Kelmar Crown Court"), the closing one ("Historic Tarvo"), then those inside
    ("the Greater Dunval Area")."""
    return list(dict.fromkeys([0, n - width, *range(1, n - width)]))


def _opens_a_run_after_a_word(before) -> bool:
    """May a toponym inside a longer name start after ``before``: a capitalised word that does not form a
    place's own name with it ("Historic", "Greater", "United") or "of" ("United Way of Ostland"); never
    after a compass word or "New", "Fort", "Lake" ("West Tarvo"), nor after an article's hyphen ("al-")."""
    word = before.text
    return word == "of" or word[:1].isupper() and word.replace(".", "").isalpha() and before.lower_ not in _NAME_FORMING

def _a_persons_name(toks) -> bool:
    """Are these words a person's name: labelled so by the model, or after a title ("Mr. Tarvo")?"""
    first = toks[0]
    return any(t.ent_type_ == "PERSON" for t in toks) or first.i > 0 and is_honorific(first.doc[first.i - 1])


def _coordinated_modifier(tok) -> bool:
    """"the Ostlandic and Dunvalian envoys": an adjective joined to a modifier modifies the same noun."""
    return tok.dep_ == "conj" and tok.pos_ == "ADJ" and tok.head.dep_ in ("amod", "compound", "nmod")


_DASHES = frozenset({"-", "--", "—", "–", "(", ",", ":"})

# nouns for a town's people and public bodies: the name before them is the town's ("Kelmar police",
# "Tarvo residents", "the Dunval City Council", "a Kolo man"); "family" is left out: "the Smith family"
_LOCAL_NOUNS = frozenset(
    "police policeman officer officers firefighters fire residents resident council councillor councillors "
    "councilman councilwoman officials mayor city town township village schools school native "
    "natives man woman teen boy girl couple voters businesses".split()
)


# words that open a place's own name before another place's ("West Tarvo", "New Kelmar", "Fort Dunval",
# "Lake Ostvale"): the name after them, inside a longer name, is not where that place is
_NAME_FORMING = DIRECTIONS | frozenset("new old port fort mount mt mt. st st. saint lake upper lower little big".split())

# the offices of a county its bare name may stand before ("Kelmar Sheriff", "Tarvo Circuit Court")
_COUNTY_OFFICES = frozenset("sheriff sheriff's circuit commissioners coroner assessor treasurer".split())


def _before_local_noun(document: Document, last) -> bool:
    """Is the name followed by a noun for its town's people or public bodies, right after it or after up to
    two words that qualify that noun ("Tarvo ward councillor", "Kelmar Labour councillors", "the Dunval
    Independent School District", "Ostvale's police")?"""
    doc = document.doc
    for i in range(last.i + 1, min(last.i + 4, len(doc))):
        tok = doc[i]
        if tok.lower_ in _LOCAL_NOUNS:
            return True
        if not (tok.pos_ in _QUALIFIERS or i == last.i + 1 and tok.lower_ in ("'s", "’s")):
            return False
    return False


# the parts of speech of the words between a town's name and the noun they and it qualify
_QUALIFIERS = frozenset({"NOUN", "PROPN", "ADJ"})


def _joined_by_hyphen(document: Document, toks) -> bool:
    """"Tarvo-Kelmar High", "the Dunval-Ostvale health unit": a name joined by a hyphen to another
    capitalised name is one of two places named together (a joint team, a merged district), unless
    the model reads a person there ("Ann Tarvo-Kelmar")."""
    doc = document.doc
    last = toks[-1]
    if any(t.ent_type_ == "PERSON" for t in toks) or last.i + 2 >= len(doc):
        return False
    hyphen, other = doc[last.i + 1], doc[last.i + 2]
    return (hyphen.text == "-" and not last.whitespace_ and not hyphen.whitespace_ and other.text[:1].isupper()
            and other.ent_type_ != "PERSON")


_SENTENCE_END = frozenset({".", "!", "?", "”", '"', "'"})


def _dateline(document: Document, toks) -> bool:
    """"ROSWELL — A man …", "SALINA, Kan. (AP) --": capitals at a paragraph's start followed by a dash,
    a bracket or a comma are the dateline's place. The paragraph may be run on after the headline
    ("Storm hits town. DUNVAL — …": copy whose line breaks were lost), and a name may keep a small
    letter inside its capitals ("DeTARVO", "McKELMAR")."""
    first, last = toks[0], toks[-1]
    if not all(_in_capitals(t.text) for t in toks if t.is_alpha):
        return False
    before = document.doc[first.i - 1] if first.i > 0 else None
    starts_paragraph = (before is None or "\n" in before.whitespace_ + before.text
                        or first.is_sent_start and before.text in _SENTENCE_END
                        # a byline's date before it, the line break lost ("Staff Writer March 3, 2021 TARVO --")
                        or before.ent_type_ == "DATE" and before.like_num)  # fmt: skip
    after = document.doc[last.i + 1] if last.i + 1 < len(document.doc) else None
    return starts_paragraph and after is not None and after.text in _DASHES


def _in_capitals(word: str) -> bool:
    """Written in capitals, a small letter or so aside ("DeTARVO"), but not a word in title case ("Dunval")."""
    return sum(c.isupper() for c in word) >= 2 and re.search(r"[a-z]{2}", word) is None


def _same_sentence(document: Document, a: int, b: int) -> bool:
    sa = document.doc.char_span(a, a + 1, alignment_mode="expand")
    sb = document.doc.char_span(b, b + 1, alignment_mode="expand")
    return sa is not None and sb is not None and sa[0].sent.start == sb[0].sent.start


def most_populous(gazetteer: Gazetteer, name: str) -> Location | None:
    """The naive baseline: the most populous place of that name, whatever the context."""
    cands = gazetteer.lookup(name)
    if not cands:
        return None
    c = max(cands, key=lambda c: c.population)
    return Location(c.name, c.geonameid, c.latitude, c.longitude, c.country, c.admin1, c.admin2, c.feature,
                    "country" if c.kind == "country" else "exact", None)  # fmt: skip

