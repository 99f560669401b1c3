"""The store's schema: articles, events, reports (an event as told by one article
sentence), actors and places. SQLAlchemy 2; the same tables on SQLite and PostgreSQL.

An *event* is the real-world happening; each *report* is one sentence of one
article that tells it, with everything the coder read there (the full record is
kept as JSON so nothing the coder produced is lost). Deduplication attaches
reports to events; the event's columns summarise its reports.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # hash of the normalised text, or the input's id
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text)
    n_events: Mapped[int] = mapped_column(Integer, default=0)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)

    reports: Mapped[list[Report]] = relationship(back_populates="article")


class Actor(Base):
    __tablename__ = "actors"
    __table_args__ = (UniqueConstraint("canonical", "country", "sector", name="uq_actor"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical: Mapped[str] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    sector: Mapped[str] = mapped_column(String(20))


class Place(Base):
    __tablename__ = "places"
    __table_args__ = (UniqueConstraint("name", "country", "latitude", "longitude", "geo_precision", name="uq_place"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    geonameid: Mapped[int | None] = mapped_column(Integer)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    admin1: Mapped[str | None] = mapped_column(String(200))
    admin2: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    geo_precision: Mapped[str | None] = mapped_column(String(10))


class Event(Base):
    """A real-world event; its columns summarise its reports (see dedup.summarise)."""

    __tablename__ = "events"
    # the ordered indexes (ending in date DESC, id) are defined below the class; see migration 0004
    __table_args__ = (Index("ix_events_latlon", "latitude", "longitude"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(10))
    mode: Mapped[str | None] = mapped_column(String(20))
    cameo_root: Mapped[str | None] = mapped_column(String(2))
    acled_event_type: Mapped[str | None] = mapped_column(String(40))
    acled_sub_event_type: Mapped[str | None] = mapped_column(String(60))
    factuality: Mapped[str] = mapped_column(String(12))
    date: Mapped[date | None] = mapped_column(Date, index=True)  # None: not known (migration 0005)
    date_precision: Mapped[str | None] = mapped_column(String(5))
    source_actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"), index=True)
    target_actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"), index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"))
    # denormalised for filtering without joins
    source_country: Mapped[str | None] = mapped_column(String(3), index=True)
    target_country: Mapped[str | None] = mapped_column(String(3), index=True)
    country: Mapped[str | None] = mapped_column(String(3))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[str | None] = mapped_column(String(10))
    n_reports: Mapped[int] = mapped_column(Integer, default=0)
    n_articles: Mapped[int] = mapped_column(Integer, default=0)
    n_outlets: Mapped[int] = mapped_column(Integer, default=0)
    n_sources: Mapped[int] = mapped_column(Integer, default=0, index=True)  # independent sources
    fatalities: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[dict] = mapped_column(JSON, default=dict)  # quantities by unit with who said what
    updated_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # the read cache's check for writes

    source_actor: Mapped[Actor | None] = relationship(foreign_keys=[source_actor_id])
    target_actor: Mapped[Actor | None] = relationship(foreign_keys=[target_actor_id])
    place: Mapped[Place | None] = relationship()
    reports: Mapped[list[Report]] = relationship(back_populates="event", order_by="Report.id")


# Lists are ordered by (date DESC NULLS LAST, id): an index with those columns right after its equalities
# gives a page in order, with no sort; each also holds every other filtered column, so any filter
# is tested in the index and only a page's rows are read (counts come from an index alone). See 0004
# and 0005 (SQLite's descending order has nulls last already, and its indexes take no NULLS LAST).
_NEWEST_FIRST = Event.date.desc().nulls_last()
_FILTERED = (Event.source_country, Event.target_country, Event.source_actor_id, Event.target_actor_id, Event.n_sources,
             Event.latitude, Event.longitude)  # fmt: skip
Index("ix_events_order", Event.factuality, _NEWEST_FIRST, Event.id, Event.type, Event.country, *_FILTERED)
Index("ix_events_type_order", Event.type, Event.factuality, _NEWEST_FIRST, Event.id, Event.country, *_FILTERED)
Index("ix_events_country_order", Event.country, Event.factuality, _NEWEST_FIRST, Event.id, Event.type, *_FILTERED)


class Report(Base):
    """One article sentence telling an event: the coder's full record plus keys for matching."""

    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("article_id", "sentence_start", "trigger_start", "type", name="uq_report"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), index=True)
    type: Mapped[str] = mapped_column(String(10))
    sentence_start: Mapped[int] = mapped_column(Integer)
    trigger_start: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    cited_source: Mapped[str | None] = mapped_column(String(300))  # "SANA", as the text names it
    source_key: Mapped[str] = mapped_column(String(300))  # who the report ultimately rests on (see dedup)
    factuality: Mapped[str] = mapped_column(String(12))
    confidence: Mapped[float] = mapped_column(Float)
    record: Mapped[dict] = mapped_column(JSON)  # the coder's event record (Event.to_dict())

    article: Mapped[Article] = relationship(back_populates="reports")
    event: Mapped[Event] = relationship(back_populates="reports")


class Token(Base):
    """An API token for write endpoints; only its SHA-256 is stored."""

    __tablename__ = "tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class Correction(Base):
    """An analyst's correction of an event's type, actors, place or date: kept beside the
    machine coding (which is never overwritten), newest last."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    field: Mapped[str] = mapped_column(String(20))
    value: Mapped[dict] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime)
