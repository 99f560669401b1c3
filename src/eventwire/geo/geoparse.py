"""Geoparsing: every place an article mentions, found and put on the map.

The same recognition and resolution fill each event's ``place``; this module
lists all mentions, for ``eventwire geoparse`` and for scoring against gold
coordinates (``eventwire evaluate --geo``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..document import Document
from ..mentions.actors import ActorIndex, country_names, default_actor_index
from ..mentions.places import Gazetteer, PlaceMention, default_gazetteer, fold_name
from .resolve import ArticlePlaces, Location, article_places, country_point, locate


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


class Geoparser:
    """Finds and resolves place mentions; holds the gazetteer and the actor data it needs."""

    def __init__(self, gazetteer: Gazetteer | None = None, actors: ActorIndex | None = None):
        self.gazetteer = gazetteer or default_gazetteer()
        self.actors = actors or default_actor_index()
        self.country_names = country_names(self.actors)

    def places(self, document: Document) -> ArticlePlaces:
        return article_places(list(document.doc.sents), self.gazetteer, self.country_names)

    def mentions(self, document: Document, *, demonyms: bool = True) -> list[GeoMention]:
        """Every place mention of the article, in reading order; demonyms used as places too."""
        found = self.places(document)
        out = [
            GeoMention(document.article.id, p.text, p.start, p.end,
                       locate(p, places, found, found.main_country, self.gazetteer))  # fmt: skip
            for places in found.by_sentence
            for p in places
            if not self._used_as_actor(document, p)
        ]
        if demonyms:
            out.extend(self._demonyms(document, {(m.start, m.end) for m in out}))
        return sorted(out, key=lambda m: m.start)

    def _used_as_actor(self, document: Document, p: PlaceMention) -> bool:
        """"Russia and Turkey agreed", "Washington reversed": a country or capital acting is not a place."""
        if p.relation is not None:
            return False
        head = document.doc[p.head_i]
        while head.dep_ == "conj":
            head = head.head
        entry = self.actors.get(p.name)
        return entry is not None and entry.kind in ("country", "capital") and head.dep_ in _ACTOR_DEPS

    def _demonyms(self, document: Document, taken: set[tuple[int, int]]) -> list[GeoMention]:
        out = []
        for tok in document.doc:
            if tok.dep_ not in ("amod", "compound", "nmod") or not tok.text[:1].isupper() or tok.head.pos_ == "PROPN":
                continue  # (an adjective inside a name, "Syrian Observatory", is not a place)
            entry = self.actors.get(tok.text)
            if entry is None or entry.kind != "demonym" or not entry.country:
                continue
            span = (tok.idx, tok.idx + len(tok.text))
            if span in taken:
                continue
            point = country_point(entry.country, self.actors.country_name(entry.country), self.gazetteer)
            loc = Location(entry.canonical, point.geonameid if point else None, point.latitude if point else None,
                           point.longitude if point else None, entry.country, None, None,
                           point.feature if point else None, "country", None)  # fmt: skip
            out.append(GeoMention(document.article.id, tok.text, span[0], span[1], loc, demonym=True))
        return out

    def resolve_span(self, document: Document, start: int, end: int, found: ArticlePlaces | None = None) -> Location:
        """Resolve a given span (a gold toponym) as if eventwire had found it there."""
        found = found or self.places(document)
        for sent in found.by_sentence:
            for p in sent:
                if p.start == start and p.end == end:
                    return locate(p, sent, found, found.main_country, self.gazetteer)
        text = document.article.text[start:end]
        span = document.doc.char_span(start, end, alignment_mode="expand")
        head_i = span.root.i if span is not None else 0
        iso = self.country_names.get(fold_name(text))
        if iso:
            mention = PlaceMention(text, text, "country", iso, start, end, None, head_i)
        else:
            mention = PlaceMention(text, text, "place", None, start, end, None, head_i, tuple(self.gazetteer.lookup(text)))
            mention = mention.in_context(found.weights, found.main_country)
        same_sentence = [p for ps in found.by_sentence for p in ps if _same_sentence(document, p.start, start)]
        return locate(mention, same_sentence, found, found.main_country, self.gazetteer)


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

