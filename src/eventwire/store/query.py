"""Querying and exporting stored events.

Filters: type, actor (ISO3 country or part of a canonical name, either side),
country of the place, a place and a radius, a date range, the minimum number
of independent sources, words of the reporting articles (full-text search: FTS5 on
SQLite, a tsvector index on PostgreSQL), and a keyset cursor (``after``) beside the offset.
Distance is the same on both back ends: a bounding box on latitude and longitude
refined by the great-circle distance computed in SQL (SQLite's math functions, or a
function registered with SQLite where the library has none; PostgreSQL's own). Both
columns are in the ordered indexes, so a page of events near a place is found by walking
them in date order and testing the distance in the index, rather than by finding every
event in the circle (PostGIS's ST_DWithin through the geography index) and sorting them:
on PostgreSQL, 100 events within 300 km of a busy place took 24 ms that way, 0.2 ms so.

Every list is ordered by (date DESC, id), and the indexes a filter uses lead with
those columns (migration 0004), so a page is read in order, with no sort; the
general one, ix_events_order, holds every filtered column, so a filter is tested in
the index and only the page's rows are read from the table, and a count is read
from an index alone (on SQLite, which plans without statistics, a count is steered
to that index: see ``conditions``).

``ReadCache`` keeps the JSON of recent aggregate answers (counts, places, actors)
per process, bounded, and drops them on any write, or, with a lag set (the API's),
once they trail the writes by more than that lag (see its docstring).
"""

from __future__ import annotations

import math
import re
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any
from weakref import WeakKeyDictionary

import orjson
from sqlalchemy import ColumnElement, Connection, Engine, Integer, Select, and_, cast, event, func, literal_column, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import column, table

from ..errors import EventwireError
from ..geo.distance import EARTH_RADIUS_KM
from ..ontology import EVENT_TYPES
from .acled_export import acled_countries
from .db import Store
from .models import Actor, Article, Event, Report

MAX_LIMIT = 100_000
MAX_COUNT_KEYS = 5000  # rows of one counts answer
MAX_TEXT_WORDS = 20


@dataclass(frozen=True)
class EventFilter:
    type: str | None = None
    actor: str | None = None
    country: str | None = None
    near: tuple[float, float] | None = None  # (lat, lon)
    within_km: float = 50.0
    since: date | None = None
    until: date | None = None
    min_sources: int = 0
    factuality: str | None = "asserted"
    text: str | None = None  # words all found in the title or text of an article that reports the event
    limit: int = 1000
    offset: int = 0
    after: tuple[date | None, int] | None = None  # keyset cursor: the (date, id) of the last row of the previous page

    def __post_init__(self) -> None:
        if self.type and self.type.upper() not in EVENT_TYPES:
            raise EventwireError(f"unknown event type {self.type!r}: use one of {', '.join(EVENT_TYPES)}")
        if self.text is not None and not text_words(self.text):
            raise EventwireError(f"text search {self.text!r} has no word to look for: give one or more words")

    def key(self) -> tuple:
        """What selects the events (not the page): the key of a cached aggregate."""
        return tuple(getattr(self, f.name) for f in fields(self) if f.name not in ("limit", "offset", "after"))


def resolve_near(name: str) -> tuple[float, float]:
    """A place name (or "lat,lon") to a point, through the gazetteer: the most populous reading."""
    point = known_point(name)
    if point is None:
        point = _gazetteer_point(name)
        if point is not None and len(_known_places) < 4096:
            _known_places[name] = point
    if point is None:
        raise EventwireError(f"--near {name!r}: no such place in the gazetteer; give a place name or 'lat,lon'")
    return point


def parse_point(name: str) -> tuple[float, float] | None:
    """"lat,lon" as a point; None if ``name`` is not two numbers (a place name, then)."""
    parts = name.split(",")
    if len(parts) != 2:
        return None
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # also refuses inf and nan
        raise EventwireError(f"--near {name!r}: latitude must be within ±90 and longitude within ±180")
    return lat, lon


# names resolved before, at most 4096 (the gazetteer does not change while eventwire runs, and
# a page asks for the same places): the API reads it without a thread hop
_known_places: dict[str, tuple[float, float]] = {}


def known_point(name: str) -> tuple[float, float] | None:
    """The point of "lat,lon", or of a place name resolved before; None if the gazetteer must be read."""
    return parse_point(name) or _known_places.get(name)


def _gazetteer_point(name: str) -> tuple[float, float] | None:
    from ..geo.gazetteer import default_gazetteer

    cands = [c for c in default_gazetteer().lookup(name) if c.latitude is not None]
    if not cands:
        return None
    best = max(cands, key=lambda c: (c.kind not in ("country",), c.population))
    return best.latitude, best.longitude


def parse_km(value: str) -> float:
    v = value.strip().lower().removesuffix("km").strip()
    try:
        km = float(v)
    except ValueError:
        raise EventwireError(f"--within {value!r}: give a distance such as 50km") from None
    if not 0 < km <= 20_000:
        raise EventwireError(f"--within {value!r}: the distance must be between 0 and 20000 km")
    return km


UNDATED = "undated"  # a cursor's day when the event has no date


def format_cursor(day: date | None, event_id: int) -> str:
    """The ``after`` cursor that continues a list after the event (``day``, ``event_id``)."""
    return f"{day.isoformat() if day else UNDATED}.{event_id}"


def event_cursor(event: dict[str, Any]) -> tuple[date | None, int]:
    """The keyset cursor (``EventFilter.after``) that continues a list after ``event`` (a ``list_events`` dictionary)."""
    return (date.fromisoformat(event["date"]) if event["date"] else None), event["id"]


def parse_cursor(value: str) -> tuple[date | None, int]:
    day, _, event_id = value.partition(".")
    try:
        cursor = (None if day == UNDATED else date.fromisoformat(day)), int(event_id)
    except ValueError:
        cursor = None
    if cursor is None or not 0 <= cursor[1] < 2**63:  # ids are 64-bit in both back ends
        raise EventwireError(f"after {value!r}: give the previous page's next_after (YYYY-MM-DD.id or undated.id)")
    return cursor


# --------------------------------------------------------------------------- filters


def _sqlite_has_math() -> bool:
    """Whether the SQLite library has its math functions (3.35+, built with them): Python's
    sqlite3 module uses one library, so asking an in-memory database answers for all."""
    try:
        conn = sqlite3.connect(":memory:")
        try:
            conn.execute("SELECT sin(0.5), cos(0.5), radians(1.0), power(2.0, 2)").fetchone()
        finally:
            conn.close()
        return True
    except sqlite3.Error:
        return False


SQLITE_MATH = _sqlite_has_math()


def _unindexed(column: ColumnElement, dialect: str, hint: bool = True) -> ColumnElement:
    """``column`` in a form SQLite's planner will not pick an index for (the unary ``+``); as
    is elsewhere, or when ``hint`` is false."""
    if dialect != "sqlite" or not hint:
        return column
    col = Event.__table__.c[column.key]
    return literal_column(f"+{col.table.name}.{col.name}", type_=col.type)


def bounding_box(lat: float, lon: float, km: float) -> tuple[tuple[float, float], list[tuple[float, float]] | None]:
    """The latitude range, and the longitude ranges (None: all longitudes), that hold every
    point within ``km`` of (lat, lon): exact for a sphere, with a hair of margin; the circle
    may cross the antimeridian (two longitude ranges) or hold a pole (all longitudes)."""
    r = km / EARTH_RADIUS_KM  # angular radius
    rdeg = math.degrees(r) * (1 + 1e-9) + 1e-9
    lats = (max(-90.0, lat - rdeg), min(90.0, lat + rdeg))
    if lat - rdeg <= -90 or lat + rdeg >= 90:
        return lats, None
    # the widest longitude of a circle that holds no pole: asin(sin r / cos lat)
    dlon = math.degrees(math.asin(min(1.0, math.sin(r) / math.cos(math.radians(lat))))) * (1 + 1e-9) + 1e-9
    if dlon >= 180:
        return lats, None
    west, east = lon - dlon, lon + dlon
    if west < -180:
        return lats, [(west + 360, 180.0), (-180.0, east)]
    if east > 180:
        return lats, [(west, 180.0), (-180.0, east - 360)]
    return lats, [(west, east)]


def _within_sphere(lat: float, lon: float, km: float, latitude: ColumnElement, dialect: str) -> list[ColumnElement]:
    """The events within ``km`` of (lat, lon), on both back ends: the box, then the exact
    great-circle distance, on latitude and longitude alone (both are in ix_events_order, so an
    ordered walk tests them in the index and stops at the page's end)."""
    (south, north), lons = bounding_box(lat, lon, km)
    conds = [latitude.between(south, north)]
    if lons:
        conds.append(or_(*(Event.longitude.between(w, e) for w, e in lons)))
    r = km / EARTH_RADIUS_KM
    if r >= math.pi:
        return conds + [Event.longitude.is_not(None)]
    if dialect == "sqlite" and not SQLITE_MATH:
        return conds + [func.haversine_km(Event.latitude, Event.longitude, lat, lon) <= km]  # registered by store.db
    # haversine: 2R asin(sqrt(a)) <= km  <=>  a <= sin^2(r / 2), for r < pi
    p1 = math.radians(lat)
    lat2 = func.radians(Event.latitude)
    dlon = func.radians(Event.longitude - lon)
    a = func.power(func.sin((lat2 - p1) * 0.5), 2) + math.cos(p1) * func.cos(lat2) * func.power(func.sin(dlon * 0.5), 2)
    return conds + [a <= math.sin(r / 2) ** 2]


def _actor_ids(actor: str) -> Select:
    pattern = "%" + _escape_like(actor.lower()) + "%"
    return select(Actor.id).where(func.lower(Actor.canonical).like(pattern, escape="\\"))


def actor_query(actor: str) -> tuple[str, str]:
    """What an ``actor`` filter asks for: ("country", ISO3) for a country's code ("TUR"), else
    ("name", words of the actor's name), an alias read through the actor data first: "SDF" is
    the Syrian Democratic Forces, "ISIS" the Islamic State (a three-letter word is a country
    only when it is a country's code)."""
    from ..mentions.actors import default_actor_index

    word = actor.strip()
    if len(word) == 3 and word.isalpha() and word.upper() in acled_countries():
        return "country", word.upper()
    index = default_actor_index()
    entry = index.get(word) or index.get(word.upper())  # the actor data matches acronyms by case; a query need not
    if entry is not None and entry.kind != "country":
        return "name", entry.canonical
    return "name", word


def conditions(f: EventFilter, dialect: str, counts_by: str | None = None) -> list[ColumnElement]:
    """The WHERE conditions of filter ``f`` (not its page); ``counts_by``: for a count grouped by
    that key. The ordered indexes (migration 0004) each hold every filtered column, so a count
    is read from one of them alone; SQLite plans without statistics, so a count is steered to
    it (the unary ``+`` keeps the planner off the others): the type index when there is a type,
    else the country index when there is a country, else the index of the count's key, read
    whole in key order, or, by day, ix_events_order. A list needs no steering: its order and
    equalities pick an ordered index."""
    sqlite = dialect == "sqlite"
    drive = None  # the column whose index answers a count on SQLite ("factuality": ix_events_order)
    if sqlite and counts_by is not None:
        drive = "type" if f.type else "country" if f.country else counts_by if counts_by != "day" else "factuality"
    scan_key = drive is not None and not getattr(f, drive)  # no equality on it: its whole index, in key order

    def col(column: ColumnElement, lead: bool = False) -> ColumnElement:
        # in a steered count, only the driving index's leading columns may pick an index
        return _unindexed(column, dialect, drive is not None and (not lead or scan_key))

    conds: list[ColumnElement] = []
    if f.type:
        conds.append(col(Event.type, drive == "type") == f.type.upper())
    if f.factuality:
        conds.append(col(Event.factuality, True) == f.factuality)
    if f.country:
        conds.append(col(Event.country, drive == "country") == f.country.upper())
    if f.since:
        conds.append(col(Event.date, True) >= f.since)
    if f.until:
        conds.append(col(Event.date, True) <= f.until)
    if f.min_sources:
        conds.append(col(Event.n_sources) >= f.min_sources)
    if f.actor:
        kind, value = actor_query(f.actor)
        if kind == "country":
            conds.append(or_(col(Event.source_country) == value, col(Event.target_country) == value))
        else:
            ids = _actor_ids(value)
            conds.append(or_(col(Event.source_actor_id).in_(ids), col(Event.target_actor_id).in_(ids)))
    if f.text:
        conds.append(Event.id.in_(_text_event_ids(f.text, dialect)))
    if f.near:
        lat, lon = f.near
        # a list too: the ordered walk tests the radius in the index, rather than ix_events_latlon and a sort
        conds += _within_sphere(lat, lon, f.within_km, _unindexed(Event.latitude, dialect), dialect)
    return conds


def text_words(text: str) -> list[str]:
    """The words a text search looks for: letters and digits, in order (punctuation and
    query operators are not the user's to use by accident)."""
    return re.findall(r"\w+", text)[:MAX_TEXT_WORDS]


def _text_event_ids(text: str, dialect: str) -> Select:
    """Ids of the events reported by an article whose title or text holds every word of ``text``:
    the article index built by migration 0001 (FTS5 on SQLite, a tsvector GIN index on PostgreSQL)."""
    words = text_words(text)
    if dialect == "postgresql":
        # the indexed expression, written as the index has it, so the planner uses the index
        document = literal_column("to_tsvector('english', coalesce(articles.title, '') || ' ' || articles.text)")
        query = func.plainto_tsquery(literal_column("'english'"), " ".join(words))
        articles = select(Article.id).where(document.op("@@")(query))
    else:
        fts = table("articles_fts", column("rowid"))
        # each word a quoted FTS5 string (implicit AND), so no word is read as an operator
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        rowids = select(fts.c.rowid).where(literal_column("articles_fts").op("MATCH")(match))
        articles = select(Article.id).where(literal_column("articles.rowid").in_(rowids))
    return select(Report.event_id).where(Report.article_id.in_(articles))


def _page_conditions(f: EventFilter, dialect: str) -> list[ColumnElement]:
    conds = conditions(f, dialect)
    if f.after:
        day, event_id = f.after
        if day is None:  # the undated events come last, by id
            conds += [Event.date.is_(None), Event.id > event_id]
        else:
            # after (day, id) in the order (date DESC NULLS LAST, id): the range on date uses the index
            # (it leaves out the undated events, which a short page goes on to: see page_rows)
            conds += [Event.date <= day, or_(Event.date < day, and_(Event.date == day, Event.id > event_id))]
    return conds


# newest first, the undated last (see migration 0005 and the indexes in models)
ORDER = (Event.date.desc().nulls_last(), Event.id)


def _escape_like(text: str) -> str:
    """``text`` matched literally by LIKE: ``%`` and ``_`` in a name are characters, not wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_events(session: Session, f: EventFilter, dialect: str) -> list[Event]:
    """Events matching the filter, newest first (the undated last), paginated (never more than MAX_LIMIT rows)."""
    return [row[0] for row in page_rows(session, (Event,), _capped(f), dialect)]


# --------------------------------------------------------------------------- lean reads for the API

# what the lean reads run on: an ORM session, or (faster, as the API reads) ``Store.reader()``'s connection
Reads = Session | Connection

# the columns an event's dictionary is made of: no ORM entities, no relationships loaded
_EVENT_COLUMNS = (Event.id, Event.type, Event.mode, Event.cameo_root, Event.acled_event_type, Event.acled_sub_event_type,
                  Event.factuality, Event.date, Event.date_precision, Event.n_reports, Event.n_articles, Event.n_outlets,
                  Event.n_sources, Event.fatalities, Event.summary)  # fmt: skip
DEFERRED_OFFSET = 1000  # from this offset on, a page's ids are found first and only those rows read


def list_events(session: Reads, f: EventFilter, dialect: str) -> list[dict[str, Any]]:
    """``find_events`` as dictionaries (``event_dict``'s), read as columns rather than entities."""
    return [_row_dict(r) for r in page_rows(session, _EVENT_COLUMNS, _capped(f), dialect)]


def _capped(f: EventFilter) -> EventFilter:
    return replace(f, limit=max(1, min(f.limit, MAX_LIMIT)))


def page_rows(session: Reads, what: tuple, f: EventFilter, dialect: str) -> list:
    """The rows of ``select(*what)`` on one page of filter ``f`` (``f.limit`` rows at most), in ORDER."""
    limit = max(1, f.limit)
    rows = session.execute(_page_query(what, f, dialect, f.offset, limit)).all()
    if len(rows) < limit and f.after is not None and f.after[0] is not None and not (f.since or f.until):
        # a dated cursor's range ends with the dated events: the undated ones come after them all
        skipped = 0  # the dated events after the cursor that the offset passed over
        if f.offset:
            dated = select(func.count()).select_from(Event).where(*_page_conditions(f, dialect))
            skipped = session.execute(dated).scalar() or 0
        undated = replace(f, after=(None, -1))
        rows += session.execute(_page_query(what, undated, dialect, max(0, f.offset - skipped), limit - len(rows))).all()
    return rows


def _page_query(what: tuple, f: EventFilter, dialect: str, offset: int, limit: int) -> Select:
    conds = _page_conditions(f, dialect)
    if offset >= DEFERRED_OFFSET:
        # a deep page: skip the offset in the ids (an index alone), then read 'limit' rows
        ids = select(Event.id).where(*conds).order_by(*ORDER).offset(offset).limit(limit)
        return select(*what).where(Event.id.in_(ids)).order_by(*ORDER)
    return select(*what).where(*conds).order_by(*ORDER).offset(offset).limit(limit)


def next_cursor(items: list[dict[str, Any]], limit: int) -> str | None:
    """The ``after`` cursor of the next page, or None when this page was the last."""
    if len(items) < limit or not items:
        return None
    return format_cursor(*event_cursor(items[-1]))


def _row_dict(row) -> dict[str, Any]:
    # by position (unpacking a row is several times cheaper than reading its fields by name)
    (id_, type_, mode, cameo_root, acled_type, acled_sub, factuality, day, day_precision, n_reports, n_articles, n_outlets,
     n_sources, fatalities, summary) = row  # fmt: skip
    s = summary or {}
    return {
        "id": id_, "type": type_, "mode": mode, "cameo_root": cameo_root,
        "acled_event_type": acled_type, "acled_sub_event_type": acled_sub,
        "factuality": factuality, "date": day.isoformat() if day else None, "date_precision": day_precision,
        "source": s.get("source"), "target": s.get("target"), "place": s.get("place"),
        "n_reports": n_reports, "n_articles": n_articles, "n_outlets": n_outlets,
        "n_sources": n_sources, "fatalities": fatalities, "quantities": s.get("quantities") or {},
    }  # fmt: skip


def event_detail(session: Reads, event_id: int) -> dict[str, Any] | None:
    """One event with its reports (``event_dict(event, with_reports=True)``, and each report's
    article URL, title and publication date), or None."""
    row = session.execute(select(*_EVENT_COLUMNS).where(Event.id == event_id)).first()
    if row is None:
        return None
    d = _row_dict(row)
    reports = (select(Report.id, Report.article_id, Report.outlet, Report.cited_source, Report.source_key, Report.sentence,
                      Report.record, Article.url, Article.title, Article.published)
               .join(Article, Article.id == Report.article_id, isouter=True)
               .where(Report.event_id == event_id).order_by(Report.id))  # fmt: skip
    d["reports"] = [
        {"id": r.id, "article_id": r.article_id, "outlet": r.outlet, "cited_source": r.cited_source,
         "independent_source": r.source_key, "sentence": r.sentence, "record": r.record,
         "article_url": r.url, "article_title": r.title,
         "article_published": r.published.isoformat() if r.published else None}  # fmt: skip
        for r in session.execute(reports)
    ]
    return d


COUNT_KEYS = {"day": Event.date, "type": Event.type, "country": Event.country}


def count_events(session: Reads, f: EventFilter, by: str, dialect: str) -> list[dict[str, Any]]:
    """How many events of filter ``f`` there are by day, type or country (every filter of a list
    applies; the page does not), in key order, at most MAX_COUNT_KEYS keys. The null key (no date,
    no country) comes first on both back ends, so a caller paging on by day (``since`` the last
    key) has counted it before it pages."""
    column = COUNT_KEYS[by]
    q = (select(column, func.count()).where(*conditions(f, dialect, counts_by=by))
         .group_by(column).order_by(column.asc().nulls_first()).limit(MAX_COUNT_KEYS))  # fmt: skip
    return [{"key": k.isoformat() if isinstance(k, date) else k, "count": n} for k, n in session.execute(q)]


MAX_GRID_CELLS = 4000  # cells of one grid answer, the fullest first


def grid_cell_degrees(zoom: float) -> float:
    """The side of a map grid cell at web-map zoom ``zoom``: about 64 screen pixels (a 256-pixel
    tile spans 360 / 2**zoom degrees of longitude)."""
    return 90.0 / 2 ** max(0.0, min(zoom, 18.0))


def grid_counts(session: Reads, f: EventFilter, zoom: float, dialect: str,
                bbox: tuple[float, float, float, float] | None = None) -> list[dict[str, Any]]:
    """The events of filter ``f`` that have a point, gathered in square cells of
    ``grid_cell_degrees(zoom)``: per cell the count, the mean point, and the event's id and type
    when the cell holds one event (so a map can draw clusters at every zoom without reading
    every event). ``bbox`` (south, west, north, east): only the cells in that box (west > east
    crosses the antimeridian). The fullest MAX_GRID_CELLS cells."""
    size = grid_cell_degrees(zoom)
    if dialect == "postgresql":  # CAST rounds there; floor of a non-negative value is the cell
        gy, gx = func.floor((Event.latitude + 90) / size), func.floor((Event.longitude + 180) / size)
    else:  # CAST truncates in SQLite: the floor of a non-negative value
        gy = cast((Event.latitude + 90) / size, Integer)
        gx = cast((Event.longitude + 180) / size, Integer)
    conds = conditions(f, dialect) + [Event.latitude.is_not(None), Event.longitude.is_not(None)]
    if bbox is not None:
        south, west, north, east = bbox
        conds.append(Event.latitude.between(south, north))
        if east - west < 360:
            conds.append(Event.longitude.between(west, east) if west <= east
                         else or_(Event.longitude >= west, Event.longitude <= east))  # fmt: skip
    n = func.count().label("n")
    q = (select(gy.label("gy"), gx.label("gx"), n, func.avg(Event.latitude), func.avg(Event.longitude),
                func.min(Event.id), func.min(Event.type))
         .where(*conds).group_by(gy, gx).order_by(n.desc(), gy, gx).limit(MAX_GRID_CELLS))  # fmt: skip
    return [{"lat": round(lat, 5), "lon": round(lon, 5), "count": count,
             **({"id": first_id, "type": type_} if count == 1 else {})}
            for _gy, _gx, count, lat, lon, first_id, type_ in session.execute(q)]  # fmt: skip


def event_dict(event: Event, with_reports: bool = False) -> dict[str, Any]:
    s = event.summary or {}
    d: dict[str, Any] = {
        "id": event.id, "type": event.type, "mode": event.mode, "cameo_root": event.cameo_root,
        "acled_event_type": event.acled_event_type, "acled_sub_event_type": event.acled_sub_event_type,
        "factuality": event.factuality, "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "source": s.get("source"), "target": s.get("target"), "place": s.get("place"),
        "n_reports": event.n_reports, "n_articles": event.n_articles, "n_outlets": event.n_outlets,
        "n_sources": event.n_sources, "fatalities": event.fatalities, "quantities": s.get("quantities") or {},
    }  # fmt: skip
    if with_reports:
        d["reports"] = [
            {"id": r.id, "article_id": r.article_id, "outlet": r.outlet, "cited_source": r.cited_source,
             "independent_source": r.source_key, "sentence": r.sentence, "record": r.record}  # fmt: skip
            for r in event.reports
        ]
    return d


def get_event(store: Store, event_id: int) -> dict[str, Any]:
    with store.session() as session:
        d = event_detail(session, event_id)
    if d is None:
        raise EventwireError(f"no event {event_id} in {store.url}")
    return d


# --------------------------------------------------------------------------- the read cache


class ReadCache:
    """Recent answers to aggregate reads (JSON bytes) over one store, in this process.

    An answer is served again only while nothing can have changed it:

    * no transaction has committed through this process's engine since it was computed
      (a write through the API, or anything else in this process, drops every answer:
      the count of commits is raised before the commit and again once its connection is
      back in the pool, so a reader that started before a write's commit landed never
      files an answer under a count taken after it);
    * the store's stamp, the highest event id and the newest event update (two index
      lookups), is the one read before the answer was computed: writes by other
      processes (other API workers, ``eventwire ingest`` or ``watch``) change it;
    * it is younger than ``max_age`` seconds, which bounds how long a write the stamp
      cannot see (on PostgreSQL, a transaction that set an older update time and
      committed after a newer one, in another process) can go unseen.

    ``max_lag`` (0 unless set; the API sets ``AGGREGATE_LAG_S``) relaxes the first two: an
    answer a write made stale is still served while it is younger than that. Under a stream of
    writes every answer would otherwise be recomputed on nearly every read (a count over
    100,000 events takes 3-25 ms of the database's CPU), which cost readers a fifth of their
    throughput on PostgreSQL with three writers; aggregates then trail writes by at most
    ``max_lag`` seconds, and lists and single events not at all.

    Bounded: at most ``max_entries`` answers and ``max_bytes`` of them, least recently
    used dropped first. Readers asking for the same missing answer wait for one of them
    to compute it instead of all computing it.
    """

    def __init__(self, engine: Engine, max_bytes: int = 32 << 20, max_entries: int = 2048, max_age: float = 10.0,
                 max_lag: float = 0.0):
        self.max_bytes, self.max_entries, self.max_age, self.max_lag = max_bytes, max_entries, max_age, max_lag
        self.entries: OrderedDict[Any, tuple[int, tuple, float, bytes]] = OrderedDict()
        self.size = 0
        self.generation = 0
        self.hits = self.misses = 0
        self._lock = threading.Lock()
        self._computing: dict[Any, threading.Event] = {}
        event.listen(engine, "commit", self._on_commit)
        event.listen(engine, "checkin", self._on_checkin)

    def _on_commit(self, conn) -> None:
        conn.info["eventwire_committed"] = True
        self._bump()

    def _on_checkin(self, _dbapi_connection, record) -> None:
        if record.info.pop("eventwire_committed", False):
            self._bump()

    def _bump(self) -> None:
        with self._lock:
            self.generation += 1

    def clear(self) -> None:
        with self._lock:
            self.entries.clear()
            self.size = 0

    def get(self, store: Store, key: Any, compute: Callable[[Connection], bytes]) -> bytes:
        """The answer for ``key``: cached, or ``compute(connection)`` (then cached; ``store.reader()``'s)."""
        while True:
            generation = self.generation  # read before the stamp and the answer: see the class docstring
            with store.reader() as conn:
                stamp = tuple(conn.execute(_STAMP).one())
                now = time.monotonic()
                with self._lock:
                    hit = self.entries.get(key)
                    current = hit is not None and hit[0] == generation and hit[1] == stamp
                    if hit is not None and now - hit[2] < (self.max_age if current else self.max_lag):
                        self.entries.move_to_end(key)
                        self.hits += 1
                        return hit[3]
                    waiting = self._computing.get(key)
                    if waiting is None:
                        self._computing[key] = done = threading.Event()
                if waiting is not None:  # another reader is computing it: wait, then look again
                    conn.close()
                    waiting.wait(timeout=30)
                    continue
                try:
                    value = compute(conn)
                finally:
                    with self._lock:
                        self._computing.pop(key, None)
                    done.set()
                self._put(key, (generation, stamp, now, value))
                return value

    def _put(self, key: Any, entry: tuple[int, tuple, float, bytes]) -> None:
        value = entry[3]
        with self._lock:
            self.misses += 1
            if len(value) > self.max_bytes // 8:
                return  # one answer may not crowd out the rest
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old[3])
            self.entries[key] = entry
            self.size += len(value)
            while self.size > self.max_bytes or len(self.entries) > self.max_entries:
                _, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped[3])


_STAMP = select(select(func.max(Event.id)).scalar_subquery(), select(func.max(Event.updated_at)).scalar_subquery())
_caches: WeakKeyDictionary[Engine, ReadCache] = WeakKeyDictionary()
_caches_lock = threading.Lock()


def read_cache(store: Store) -> ReadCache:
    """The store's read cache in this process (made on first use)."""
    with _caches_lock:
        cache = _caches.get(store.engine)
        if cache is None:
            cache = _caches[store.engine] = ReadCache(store.engine)
        return cache


def json_bytes(value: Any) -> bytes:
    """``value`` as compact JSON (UTF-8; dates as ISO 8601); a NaN or infinity (not JSON) becomes null."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)
