"""Ingest: articles in, events and reports stored, duplicates merged.

Each article is one transaction: its row, its reports, and the events they
join or create are committed together or not at all. The article id is a hash
of its normalised text (or the input's id), so ingesting an article twice
changes nothing, and an ingest killed half-way resumes where it stopped with
nothing lost and nothing doubled.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ..article import Article as ArticleRecord
from ..errors import InputError
from ..pipeline import Pipeline
from .db import Store
from .dedup import closeness, date_window, factuality_class, same_event, source_key, summarise
from .models import Actor, Article, Event, Place, Report


@dataclass
class IngestSummary:
    articles: int = 0
    already_stored: int = 0
    reports: int = 0
    new_events: int = 0
    merged_reports: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    reasons: Counter = field(default_factory=Counter)  # kind of error -> how many inputs were skipped for it

    def skip(self, err: InputError) -> None:
        self.skipped.append((err.source, str(err)))
        self.reasons[type(err).__name__] += 1

    def as_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "already_stored": self.already_stored, "reports": self.reports,
                "new_events": self.new_events, "merged_reports": self.merged_reports,
                "skipped": len(self.skipped), "skipped_reasons": dict(self.reasons)}  # fmt: skip


def ingest(
    store: Store,
    items: Iterable[ArticleRecord | InputError],
    pipeline: Pipeline | None = None,
    progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Code and store a stream of articles; bad inputs are counted with their reasons."""
    pipeline = pipeline or Pipeline()
    summary = IngestSummary()
    with store.session() as session, store.engine.connect() as lookup:
        for result in pipeline.run(_skip_known(items, lookup, summary)):
            if result.error is not None:
                summary.skip(result.error)
            else:
                store_article(session, result.article, [e.to_dict() for e in result.events], summary)
            if progress:
                progress(summary)
    return summary


def _skip_known(items, lookup, summary: IngestSummary):
    """Articles already stored are not coded again: one primary-key lookup each (on its own
    connection, ended at once, so the writer's transactions and WAL checkpoints are not held up)."""
    for item in items:
        if not isinstance(item, InputError):
            stored = lookup.execute(select(Article.id).where(Article.id == item.id)).first() is not None
            lookup.rollback()
            if stored:
                summary.already_stored += 1
                continue
        yield item


def store_article(session: Session, art: ArticleRecord, records: list[dict[str, Any]], summary: IngestSummary) -> None:
    """Store one coded article in one transaction (a no-op if it is already stored)."""
    with session.begin():
        if session.get(Article, art.id) is not None:
            summary.already_stored += 1
            return
        session.add(Article(id=art.id, url=art.url, outlet=art.outlet, title=art.title, published=art.published,
                            text=art.text, n_events=len(records), ingested_at=_now()))  # fmt: skip
        session.flush()
        touched: set[int] = set()
        for rec in records:
            event, merged = _event_for(session, rec)
            ev = rec["evidence"]
            session.add(Report(
                event_id=event.id, article_id=art.id, type=rec["type"], sentence_start=ev["sentence_start"],
                trigger_start=ev["spans"]["trigger"]["start"], sentence=ev["sentence"], outlet=art.outlet,
                cited_source=(rec.get("attribution") or {}).get("source"),
                source_key=source_key(rec, art.outlet, art.id), factuality=rec["factuality"],
                confidence=rec["confidence"], record=rec,
            ))  # fmt: skip
            session.flush()
            touched.add(event.id)
            summary.reports += 1
            summary.merged_reports += int(merged)
            summary.new_events += int(not merged)
        for event_id in touched:
            refresh_event(session, session.get(Event, event_id))
    summary.articles += 1


def _event_for(session: Session, rec: dict[str, Any]) -> tuple[Event, bool]:
    """The stored event this report tells (merged=True), or a new one."""
    d = date.fromisoformat(rec["date"])
    lo, hi = date_window(d)
    country = (rec.get("place") or {}).get("country")
    query = select(Event).where(
        Event.type == rec["type"], Event.date >= lo, Event.date <= hi,
        Event.factuality.in_(_same_class(rec["factuality"])),
    )  # fmt: skip
    if country:
        query = query.where(or_(Event.country == country, Event.country.is_(None)))
    candidates = []
    for event in session.scalars(query.limit(200)):
        rep = representative(event)
        if same_event(rec, rep):
            candidates.append((closeness(rec, rep), event.id, event))
    if candidates:
        return min(candidates, key=lambda c: (c[0], c[1]))[2], True
    event = Event(type=rec["type"], factuality=rec["factuality"], date=d, date_precision=rec["date_precision"],
                  n_reports=0, n_articles=0, n_outlets=0, n_sources=0, summary={}, updated_at=_now())  # fmt: skip
    session.add(event)
    session.flush()
    return event, False


def _same_class(factuality: str) -> list[str]:
    if factuality_class(factuality) == "asserted":
        return ["asserted"]
    return [factuality]


def representative(event: Event) -> dict[str, Any]:
    """The event as one record, for matching: its summary's fields."""
    s = event.summary or {}
    return {
        "type": event.type, "factuality": event.factuality, "date": event.date.isoformat(),
        "acled_sub_event_type": event.acled_sub_event_type,
        "date_precision": event.date_precision, "place": s.get("place"), "source": s.get("source"), "target": s.get("target"),
    }  # fmt: skip


def refresh_event(session: Session, event: Event) -> None:
    """Recompute an event's summary columns from all its reports."""
    reports = list(session.scalars(select(Report).where(Report.event_id == event.id).order_by(Report.id)))
    s = summarise([r.record for r in reports], [r.outlet for r in reports], [r.source_key for r in reports],
                  [r.article_id for r in reports])  # fmt: skip
    event.mode, event.cameo_root = s["mode"], s["cameo_root"]
    event.acled_event_type, event.acled_sub_event_type = s["acled_event_type"], s["acled_sub_event_type"]
    event.date, event.date_precision = date.fromisoformat(s["date"]), s["date_precision"]
    event.source_actor = _actor(session, s["source"])
    event.target_actor = _actor(session, s["target"])
    event.source_country = (s["source"] or {}).get("country")
    event.target_country = (s["target"] or {}).get("country")
    place = s["place"] or {}
    event.place = _place(session, place) if place else None
    event.country = place.get("country")
    event.latitude, event.longitude, event.geo_precision = place.get("latitude"), place.get("longitude"), place.get("geo_precision")
    event.n_reports, event.n_articles, event.n_outlets, event.n_sources = s["n_reports"], s["n_articles"], s["n_outlets"], s["n_sources"]
    event.fatalities = s["fatalities"]
    event.summary = {k: s[k] for k in ("source", "target", "place", "quantities")}
    event.updated_at = _now()


def _actor(session: Session, a: dict[str, Any] | None) -> Actor | None:
    if not a or not a.get("canonical"):
        return None
    found = session.scalars(select(Actor).where(
        Actor.canonical == a["canonical"], Actor.sector == a["sector"],
        Actor.country.is_(None) if a.get("country") is None else Actor.country == a["country"],
    )).first()  # fmt: skip
    if found is None:
        found = Actor(canonical=a["canonical"], country=a.get("country"), sector=a["sector"])
        session.add(found)
        session.flush()
    return found


def _place(session: Session, p: dict[str, Any]) -> Place:
    cond = [Place.name == p["name"], Place.geo_precision.is_(None) if p.get("geo_precision") is None else Place.geo_precision == p["geo_precision"]]
    for col, key in ((Place.country, "country"), (Place.latitude, "latitude"), (Place.longitude, "longitude")):
        cond.append(col.is_(None) if p.get(key) is None else col == p[key])
    found = session.scalars(select(Place).where(and_(*cond))).first()
    if found is None:
        found = Place(name=p["name"], geonameid=p.get("geonameid"), latitude=p.get("latitude"), longitude=p.get("longitude"),
                      admin1=p.get("admin1"), admin2=p.get("admin2"), country=p.get("country"), geo_precision=p.get("geo_precision"))  # fmt: skip
        session.add(found)
        session.flush()
    return found


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
