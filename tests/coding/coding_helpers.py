"""What the coding tests share: code one sentence or passage written for a test with the rules."""

from __future__ import annotations

from datetime import date

from eventwire.article import Article
from eventwire.document import Document


def code(nlp, coder, text: str, published: date | None = None):
    """The events the coder finds in ``text``, read as one article (published on ``published``)."""
    return coder.code(Document(Article("t", text, published), nlp(text)))


def places_placed_right(nlp, coder, path, km: float = 25.0) -> tuple[int, int]:
    """(sentences, sentences whose top event is placed in the gold country within ``km`` of the gold
    point) of a held-out place file: tab-separated sentence, name, country, latitude, longitude."""
    from eventwire.evaluation.acled import top_event
    from eventwire.geo.resolve import haversine_km

    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")][1:]
    right = 0
    for text, _name, country, lat, lon in rows:
        top = top_event(code(nlp, coder, text))
        place = top and top.place
        right += bool(place and place.country == country and place.latitude is not None
                      and haversine_km(place.latitude, place.longitude, float(lat), float(lon)) <= km)  # fmt: skip
    return len(rows), right
