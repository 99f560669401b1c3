"""Querying and exporting stored events.

Filters: type, actor (ISO3 country or part of a canonical name, either side),
country of the place, a place and a radius, a date range, the minimum number
of independent sources. Distance uses PostGIS on PostgreSQL and, on SQLite, a
bounding box refined by a great-circle function registered with SQLite.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from sqlalchemy import Select, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from ..errors import EventwireError
from .db import Store
from .models import Actor, Event

MAX_LIMIT = 100_000


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
    limit: int = 1000
    offset: int = 0


def resolve_near(name: str) -> tuple[float, float]:
    """A place name (or "lat,lon") to a point, through the gazetteer: the most populous reading."""
    parts = name.split(",")
    if len(parts) == 2:
        try:
            return float(parts[0]), float(parts[1])
        except ValueError:
            pass
    from ..mentions.places import default_gazetteer

    cands = [c for c in default_gazetteer().lookup(name) if c.latitude is not None]
    if not cands:
        raise EventwireError(f"--near {name!r}: no such place in the gazetteer; give a place name or 'lat,lon'")
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


def build_query(f: EventFilter, dialect: str) -> Select:
    q = select(Event)
    if f.type:
        q = q.where(Event.type == f.type.upper())
    if f.factuality:
        q = q.where(Event.factuality == f.factuality)
    if f.country:
        q = q.where(Event.country == f.country.upper())
    if f.since:
        q = q.where(Event.date >= f.since)
    if f.until:
        q = q.where(Event.date <= f.until)
    if f.min_sources:
        q = q.where(Event.n_sources >= f.min_sources)
    if f.actor:
        if len(f.actor) == 3 and f.actor.isalpha():
            code = f.actor.upper()
            q = q.where(or_(Event.source_country == code, Event.target_country == code))
        else:
            src, tgt = aliased(Actor), aliased(Actor)
            q = q.outerjoin(src, Event.source_actor_id == src.id).outerjoin(tgt, Event.target_actor_id == tgt.id)
            pattern = f"%{f.actor.lower()}%"
            q = q.where(or_(func.lower(src.canonical).like(pattern), func.lower(tgt.canonical).like(pattern)))
    if f.near:
        lat, lon = f.near
        if dialect == "postgresql":
            q = q.where(text(
                "latitude IS NOT NULL AND ST_DWithin(ST_SetSRID(ST_MakePoint(events.longitude, events.latitude), 4326)::geography, "
                "ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, :metres)"
            ).bindparams(lon=lon, lat=lat, metres=f.within_km * 1000))  # fmt: skip
        else:
            dlat = f.within_km / 111.0
            dlon = f.within_km / (111.0 * max(0.01, math.cos(math.radians(lat))))
            q = q.where(
                Event.latitude.between(lat - dlat, lat + dlat),  # the box can use the index,
                Event.longitude.between(lon - dlon, lon + dlon),
                func.haversine_km(Event.latitude, Event.longitude, lat, lon) <= f.within_km,  # the radius is exact
            )
    return q.order_by(Event.date.desc(), Event.id)


def find_events(session: Session, f: EventFilter, dialect: str) -> list[Event]:
    """Events matching the filter, newest first, paginated (never more than MAX_LIMIT rows)."""
    limit = max(1, min(f.limit, MAX_LIMIT))
    return list(session.scalars(build_query(f, dialect).offset(f.offset).limit(limit)))


def event_dict(event: Event, with_reports: bool = False) -> dict[str, Any]:
    s = event.summary or {}
    d: dict[str, Any] = {
        "id": event.id, "type": event.type, "mode": event.mode, "cameo_root": event.cameo_root,
        "acled_event_type": event.acled_event_type, "acled_sub_event_type": event.acled_sub_event_type,
        "factuality": event.factuality, "date": event.date.isoformat(), "date_precision": event.date_precision,
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
        event = session.get(Event, event_id)
        if event is None:
            raise EventwireError(f"no event {event_id} in {store.url}")
        return event_dict(event, with_reports=True)


# --------------------------------------------------------------------------- exports

EXPORT_FORMATS = ("csv", "acled-csv", "geojson", "jsonl", "parquet")
ACLED_COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2",
                 "location", "latitude", "longitude", "geo_precision", "time_precision", "source", "notes", "fatalities"]  # fmt: skip
CSV_COLUMNS = ["id", "type", "mode", "cameo_root", "acled_event_type", "acled_sub_event_type", "factuality", "date",
               "date_precision", "source_canonical", "source_country", "source_sector", "target_canonical",
               "target_country", "target_sector", "place_name", "country", "admin1", "latitude", "longitude",
               "geo_precision", "n_reports", "n_articles", "n_outlets", "n_sources", "fatalities"]  # fmt: skip
_ACLED_GEO = {"exact": 1, "near": 2, "admin2": 2, "admin1": 3, "country": 3}  # ACLED geo_precision codes
_ACLED_TIME = {"day": 1, "week": 2, "month": 3, "year": 3}


def export_events(events: Iterator[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write events as CSV, ACLED-style CSV, GeoJSON or JSONL to a text stream (Parquet: ``export_parquet``)."""
    if fmt not in EXPORT_FORMATS or fmt == "parquet":
        raise EventwireError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    n = 0
    if fmt == "jsonl":
        for e in events:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "geojson":
        out.write('{"type": "FeatureCollection", "features": [')
        for e in events:
            place = e.get("place") or {}
            geom = None if place.get("latitude") is None else {"type": "Point", "coordinates": [place["longitude"], place["latitude"]]}
            out.write(("," if n else "") + "\n" + json.dumps({"type": "Feature", "geometry": geom, "properties": e}, ensure_ascii=False))
            n += 1
        out.write("\n]}\n")
    else:
        cols = ACLED_COLUMNS if fmt == "acled-csv" else CSV_COLUMNS
        w = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for e in events:
            w.writerow(_acled_row(e) if fmt == "acled-csv" else _csv_row(e))
            n += 1
    return n


def export_parquet(events: Iterator[dict[str, Any]], path: str) -> int:
    """Events as a Parquet file: eventwire's CSV columns, typed, plus the quantities as JSON text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{**{c: _csv_row(e).get(c) for c in CSV_COLUMNS}, "quantities": json.dumps(e.get("quantities") or {})} for e in events]
    schema = pa.schema(
        [(c, pa.int64() if c in ("id", "n_reports", "n_articles", "n_outlets", "n_sources", "fatalities")
          else pa.float64() if c in ("latitude", "longitude") else pa.string()) for c in CSV_COLUMNS]
        + [("quantities", pa.string())]
    )  # fmt: skip
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return len(rows)


def _csv_row(e: dict[str, Any]) -> dict[str, Any]:
    row = dict(e)
    for role in ("source", "target"):
        a = e.get(role) or {}
        for k in ("canonical", "country", "sector"):
            row[f"{role}_{k}"] = a.get(k)
    p = e.get("place") or {}
    row.update(place_name=p.get("name"), country=p.get("country"), admin1=p.get("admin1"), latitude=p.get("latitude"),
               longitude=p.get("longitude"), geo_precision=p.get("geo_precision"))  # fmt: skip
    return row


def _acled_row(e: dict[str, Any]) -> dict[str, Any]:
    p = e.get("place") or {}
    src, tgt = e.get("source") or {}, e.get("target") or {}
    return {
        "event_date": e["date"], "event_type": e.get("acled_event_type") or "", "sub_event_type": e.get("acled_sub_event_type") or "",
        "actor1": src.get("canonical") or "", "actor2": tgt.get("canonical") or "", "country": p.get("country") or "",
        "admin1": p.get("admin1") or "", "admin2": p.get("admin2") or "", "location": p.get("name") or "",
        "latitude": p.get("latitude"), "longitude": p.get("longitude"),
        "geo_precision": _ACLED_GEO.get(p.get("geo_precision") or "", ""), "time_precision": _ACLED_TIME.get(e["date_precision"], 3),
        "source": "; ".join(sorted({r.get("outlet") or "" for r in e.get("reports", [])} - {""})) or "",
        "notes": f"eventwire event {e['id']}: {e['type']}" + (f"/{e['mode']}" if e.get("mode") else "") + f", {e['n_sources']} independent source(s)",
        "fatalities": e.get("fatalities") or 0,
    }  # fmt: skip
