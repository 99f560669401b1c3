"""What the coding tests share: code one sentence or passage written for a test with the rules."""

from __future__ import annotations

from datetime import date

from eventwire.article import Article
from eventwire.document import Document


def code(nlp, coder, text: str, published: date | None = None):
    """The events the coder finds in ``text``, read as one article (published on ``published``)."""
    return coder.code(Document(Article("t", text, published), nlp(text)))


def types(nlp, coder, text: str) -> list[str]:
    """The PLOVER types of the events the coder reads in ``text``, in order."""
    return [e.type for e in code(nlp, coder, text)]


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


def acled_places_right(nlp, coder, path, km: float = 25.0) -> tuple[int, int, int]:
    """(notes, notes whose top event is placed in the gold country within ``km`` of the gold point,
    notes whose top event's first-level division is the gold one, scored as the ACLED evaluation
    scores admin1) of a held-out note file: tab-separated note, name, country, latitude, longitude,
    admin1."""
    from eventwire.evaluation.acled import _admin_key, _division_keys, top_event
    from eventwire.geo.resolve import haversine_km

    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")][1:]
    near = division = 0
    for text, _name, country, lat, lon, admin1 in rows:
        top = top_event(code(nlp, coder, text))
        place = top and top.place
        near += bool(place and place.country == country and place.latitude is not None
                     and haversine_km(place.latitude, place.longitude, float(lat), float(lon)) <= km)  # fmt: skip
        division += bool(place and place.admin1 and _admin_key(place.admin1) in _division_keys(admin1, country))
    return len(rows), near, division


def article_places_right(nlp, coder, path, km: float = 25.0) -> tuple[int, int, int, list[str]]:
    """(acts, acts with an event, acts placed right, one line per act) of a held-out article file
    (JSON lines after a header line: id, published, text, events with a sentence marker, a trigger
    word, the gold place's name and point). An act's event is the coder's event nearest its trigger
    in its sentence; it is placed right within ``km`` of the gold point."""
    import json

    from eventwire.geo.resolve import haversine_km

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    acts = found = right = 0
    lines = []
    for rec in records:
        text = rec["text"]
        doc = nlp(text)
        events = coder.code(Document(Article(rec["id"], text, date.fromisoformat(rec["published"])), doc))
        for gold in rec["events"]:
            acts += 1
            at = text.index(gold["sentence"])
            trigger = text.index(gold["trigger"], at)
            sent = doc.char_span(trigger, trigger + len(gold["trigger"]), alignment_mode="expand").sent
            mine = [e for e in events if sent.start_char <= e.evidence.trigger.start < sent.end_char]
            ev = min(mine, key=lambda e: abs(e.evidence.trigger.start - trigger), default=None)
            place = ev and ev.place
            ok = bool(place and place.latitude is not None
                      and haversine_km(place.latitude, place.longitude, gold["latitude"], gold["longitude"]) <= km)  # fmt: skip
            found += ev is not None
            right += ok
            lines.append(f"{rec['id']} {gold['trigger']:<10} gold {gold['place']:<12} "
                         f"{'no event' if ev is None else f'{ev.type} at {place and place.name} ({place and place.geo_precision})'}"
                         f" {'RIGHT' if ok else 'wrong'}")  # fmt: skip
    return acts, found, right, lines
