"""The event record: eventwire's contract with its users (see docs/codebook.md).

Each record is a small frozen dataclass; ``Event.to_dict()`` gives the JSON
shape that every output format, the evaluation and later the store share.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Span:
    """Character offsets into the article text (``text[start:end]``)."""

    start: int
    end: int


@dataclass(frozen=True)
class Actor:
    text: str
    canonical: str
    country: str | None
    sector: str
    span: Span


@dataclass(frozen=True)
class Place:
    """Where an event happened: the words, and the gazetteer's point with its precision."""

    text: str
    name: str
    country: str | None
    span: Span
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None
    geo_precision: str | None = None  # exact | near | admin2 | admin1 | country
    relation: str | None = None  # "near", "west of", ...
    anchor: str | None = None  # the place a "near" or a fallback refers to


@dataclass(frozen=True)
class EventDate:
    """When it happened. ``date`` and ``precision`` are None when the article has no
    publication date and its text gives no date with a year: "on Thursday" is then kept as
    ``text`` (the evidence) but no day is invented for it."""

    date: date | None
    precision: str | None  # day | week | month | year; None with no date
    text: str | None
    span: Span | None


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    qualifier: str  # exact | at least | more than | about | nearly | up to
    text: str
    span: Span


@dataclass(frozen=True)
class Attribution:
    source: str | None
    outlet: str | None
    span: Span | None = None


@dataclass(frozen=True)
class Evidence:
    article_id: str
    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: Span

    @property
    def before_trigger(self) -> str:
        """The sentence's text before the trigger, as written."""
        return self.sentence[: max(0, self.trigger.start - self.sentence_start)]


@dataclass(frozen=True)
class Event:
    type: str
    mode: str | None
    context: tuple[str, ...]
    cameo_root: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    trigger: str
    source: Actor | None
    target: Actor | None
    place: Place | None
    date: EventDate
    quantities: tuple[Quantity, ...]
    attribution: Attribution
    factuality: str
    evidence: Evidence
    confidence: float
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the record, with article offsets grouped under ``evidence``."""
        ev = self.evidence
        spans: dict[str, Any] = {"trigger": _span(ev.trigger)}
        if self.source:
            spans["source"] = _span(self.source.span)
        if self.target:
            spans["target"] = _span(self.target.span)
        if self.place:
            spans["place"] = _span(self.place.span)
        if self.date.span:
            spans["time"] = _span(self.date.span)
        if self.attribution.span:
            spans["attribution"] = _span(self.attribution.span)
        if self.quantities:
            spans["quantities"] = [_span(q.span) for q in self.quantities]
        return {
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo_root": self.cameo_root,
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "trigger": self.trigger,
            "source": _actor(self.source),
            "target": _actor(self.target),
            "place": None if self.place is None else _place(self.place),
            "date": self.date.date.isoformat() if self.date.date else None,
            "date_precision": self.date.precision,
            "date_text": self.date.text,
            "quantities": [
                {"value": _number(q.value), "unit": q.unit, "qualifier": q.qualifier, "text": q.text}
                for q in self.quantities
            ],
            "attribution": {"source": self.attribution.source, "outlet": self.attribution.outlet},
            "factuality": self.factuality,
            "confidence": round(self.confidence, 3),
            "evidence": {
                "article_id": ev.article_id,
                "sentence": ev.sentence,
                "sentence_start": ev.sentence_start,
                "sentence_end": ev.sentence_end,
                "spans": spans,
            },
        }


def _place(place: Place) -> dict[str, Any]:
    d = asdict(place)
    d.pop("span")
    return d


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def _actor(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    d = asdict(actor)
    d.pop("span")
    return d


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
