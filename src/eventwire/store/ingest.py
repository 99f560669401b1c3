"""Ingest: articles in, events and reports stored, duplicates merged.

Each article is one transaction: its row, its reports, and the events they
join or create are committed together or not at all. The article id is a hash
of its normalised text (or the input's id), so ingesting an article twice
changes nothing, and an ingest killed half-way resumes where it stopped with
nothing lost and nothing doubled.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, delete, func, or_, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..article import Article as ArticleRecord
from ..article import undated_notice
from ..errors import ConflictingIdError, InputError, StoreRejectedError
from .db import Store
from .dedup import closest_match, date_window, factuality_class, pivot_order, record_day, report_order, source_key, summarise
from .models import Actor, Article, Correction, Event, Place, Report

if TYPE_CHECKING:  # the NLP pipeline is imported only where an ingest builds one
    from ..pipeline import Pipeline


@dataclass
class IngestSummary:
    articles: int = 0
    already_stored: int = 0
    reports: int = 0
    new_events: int = 0
    merged_reports: int = 0
    undated: list[str] = field(default_factory=list)  # notices of articles coded with no publication date
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    reasons: Counter = field(default_factory=Counter)  # kind of error -> how many inputs were skipped for it
    errors: list[InputError] = field(default_factory=list)

    def skip(self, err: InputError) -> None:
        self.skipped.append((err.source, str(err)))
        self.reasons[type(err).__name__] += 1
        self.errors.append(err)

    def as_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "already_stored": self.already_stored, "reports": self.reports,
                "new_events": self.new_events, "merged_reports": self.merged_reports, "undated": len(self.undated),
                "skipped": len(self.skipped), "skipped_reasons": dict(self.reasons)}  # fmt: skip


def ingest(
    store: Store,
    items: Iterable[ArticleRecord | InputError],
    pipeline: Pipeline | None = None,
    progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Code and store a stream of articles; bad inputs are counted with their reasons.

    No database connection is held while an article is coded: each stored-yet check and
    each article's write is its own short use of the store, so an ingest never blocks
    other writers or readers for the length of the NLP."""
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    summary = IngestSummary()
    for result in pipeline.run(_skip_known(store, items, summary)):
        if result.error is not None:
            summary.skip(result.error)
        elif save_article(store, result.article, result.events, summary) and (notice := undated_notice(result.article, len(result.events), result.source)):
            summary.undated.append(notice)
        if progress:
            progress(summary)
    return summary


def save_article(store: Store, art: ArticleRecord, events: list, summary: IngestSummary) -> bool:
    """Store one coded article in its own session; an id conflict or a refusal by the store
    is this article's error in ``summary``, never the batch's. True if it was stored."""
    before = summary.articles
    try:
        with store.session() as session:
            store_article(session, art, [e.to_dict() for e in events], summary)
    except InputError as err:
        summary.skip(err)
    except SQLAlchemyError as err:
        reason = str(getattr(err, "orig", None) or err).splitlines()[0][:300]
        summary.skip(StoreRejectedError(art.source or art.id, f"the store refused article {art.id!r}: {reason}"))
    return summary.articles > before


def _skip_known(store: Store, items, summary: IngestSummary):
    """Articles already stored are not coded again: one primary-key lookup each, on a
    connection returned at once. An id stored for a different text is a conflict."""
    for item in items:
        if not isinstance(item, InputError):
            try:
                if is_stored(store, item):
                    summary.already_stored += 1
                    continue
            except ConflictingIdError as err:
                item = err
        yield item


def is_stored(store: Store, art: ArticleRecord) -> bool:
    """Is ``art`` stored already (one short read)? ``ConflictingIdError`` if its id holds another text."""
    with store.engine.connect() as conn:
        row = conn.execute(select(Article.text, Article.url).where(Article.id == art.id)).first()
    return row is not None and _same_text(art, row.text, row.url)


def _same_text(art: ArticleRecord, stored_text: str, stored_url: str | None) -> bool:
    """True when the article stored under ``art``'s id is ``art``; else the conflict, naming both."""
    if stored_text == art.text:
        return True
    stored = f"the stored article from {stored_url}" if stored_url else "an article already in the store"
    raise ConflictingIdError(
        art.source or art.url or art.id,
        f"id {art.id!r} is already taken by {stored}, with a different text; give this article its own id "
        "(or none: the text's hash is used)",
    )


def store_article(session: Session, art: ArticleRecord, records: list[dict[str, Any]], summary: IngestSummary) -> None:
    """Store one coded article in one transaction (a no-op if it is already stored).

    Article writes take turns, across processes: deduplication reads the events it may
    join, so two articles telling one event must not both create it, and two new actors
    or places with one name must not collide on their unique keys. On SQLite the
    transaction takes the write lock when it begins (instead of failing to upgrade a
    read lock); on PostgreSQL it takes a transaction-scoped advisory lock. Readers are
    never blocked. ``summary`` counts only what was committed."""
    tally: Counter = Counter()
    with session.begin():
        _take_write_turn(session)
        stored = session.get(Article, art.id)
        if stored is not None and _same_text(art, stored.text, stored.url):
            tally["already_stored"] += 1
        else:
            _add_article(session, art, records, tally)
    summary.already_stored += tally["already_stored"]
    summary.articles += tally["articles"]
    summary.reports += tally["reports"]
    summary.merged_reports += tally["merged"]
    summary.new_events += tally["events"]  # the net change: a merge of two stored events counts -1


# an arbitrary constant naming eventwire's article-write lock among PostgreSQL advisory locks
_WRITE_LOCK_KEY = 0x65766E74


def _take_write_turn(session: Session) -> None:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        session.connection().exec_driver_sql("BEGIN IMMEDIATE")
    elif dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK_KEY})


def _add_article(session: Session, art: ArticleRecord, records: list[dict[str, Any]], tally: Counter) -> None:
    session.add(Article(id=art.id, url=art.url, outlet=art.outlet, title=art.title, published=art.published,
                        text=art.text, n_events=len(records), ingested_at=_now()))  # fmt: skip
    session.flush()
    touched: set[int] = set()
    for rec in records:
        event, merged, events_delta = _event_for(session, rec, records, art.id)
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
        tally["reports"] += 1
        tally["merged"] += int(merged)
        tally["events"] += events_delta
    for event_id in touched:
        refresh_event(session, session.get(Event, event_id))
    tally["articles"] += 1


def _event_for(session: Session, rec: dict[str, Any], article: list[dict[str, Any]], article_id: str) -> tuple[Event, bool, int]:
    """The event this report belongs to (merged=True if it was stored before), or a new one,
    and by how many the store's events changed (merges delete events, splits create them).

    ``rec`` is one of ``article``'s records (all of them, stored yet or not). Events form
    around pivots (see dedup): adding a report can change which reports after it in the
    pivot order are pivots. If it becomes one, a later pivot linked to it stops being one
    and joins it; that pivot's reports join their earliest linked pivot or become pivots
    themselves; and so on. Those reports are revisited in pivot order and moved, so the
    store holds the one clustering of its reports that dedup describes, whatever order
    they came in."""
    return _Clustering(session, article, article_id).add(rec)


@dataclass(eq=False)
class _Node:
    """A report as deduplication sees it: stored (with its row and event) or being added."""

    article_id: str
    record: dict[str, Any]
    report_id: int | None = None
    event_id: int | None = None

    def __post_init__(self) -> None:
        self.order = pivot_order(self.record, self.article_id)
        self.position = report_order(self.record)


class _Clustering:
    """One report's addition: the stored reports it reaches, loaded event by event."""

    def __init__(self, session: Session, article: list[dict[str, Any]], article_id: str):
        self.session, self.article, self.article_id = session, article, article_id
        self.nodes: dict[int, _Node] = {}  # report id -> node
        self.members: dict[int, list[_Node]] = {}  # event id -> its reports
        self.records: dict[str, list[dict[str, Any]]] = {article_id: article}  # article id -> its records

    def add(self, rec: dict[str, Any]) -> tuple[Event, bool, int]:
        x = _Node(self.article_id, rec)
        x_links: list[_Node] = []
        pivot: dict[tuple, bool] = {}  # order -> is a pivot now, for the reports revisited
        joins: dict[tuple, _Node] = {}  # order -> the pivot whose event it is in now
        queued, heap = {x.order: x}, [x.order]
        while heap:
            v = queued[heapq.heappop(heap)]
            if v.order in pivot:
                continue
            links = self._links(v)
            if v is x:
                x_links = links
            elif v in x_links:
                links.append(x)
            earlier = [u for u in links if u.order < v.order and pivot.get(u.order, self._was_pivot(u))]
            pivot[v.order] = not earlier
            joins[v.order] = min(earlier, key=lambda u: u.order) if earlier else v
            if v is x or pivot[v.order] != self._was_pivot(v):
                for u in links:
                    if u.order > v.order and u.order not in queued:
                        queued[u.order] = u
                        heapq.heappush(heap, u.order)
        return self._apply(x, [queued[o] for o in pivot], pivot, joins)

    def _was_pivot(self, u: _Node) -> bool:
        """Was ``u`` its event's pivot (the first of its reports in pivot order) before?"""
        return u.event_id is not None and min(self.members[u.event_id], key=lambda m: m.order) is u

    def _links(self, v: _Node) -> list[_Node]:
        """The stored reports linked to ``v``: in each other article, v's closest match, if
        v is its closest match in return (both within the whole of each article)."""
        by_article: dict[str, list[_Node]] = defaultdict(list)
        for u in self._candidates(v.record):
            if u.article_id != v.article_id:
                by_article[u.article_id].append(u)
        own = self._records(v.article_id)
        out = []
        for article_id, nodes in by_article.items():
            records = self.article if article_id == self.article_id else [u.record for u in nodes]
            best = closest_match(v.record, records)
            u = next((u for u in nodes if best is not None and u.position == report_order(best)), None)
            back = closest_match(u.record, own) if u is not None else None
            if back is not None and report_order(back) == v.position:
                out.append(u)
        return out

    def _records(self, article_id: str) -> list[dict[str, Any]]:
        if article_id not in self.records:
            self.records[article_id] = list(self.session.scalars(select(Report.record).where(Report.article_id == article_id)))
        return self.records[article_id]

    def _candidates(self, rec: dict[str, Any]) -> list[_Node]:
        """Stored reports that may tell the same event as ``rec``, found in SQL by what
        dedup.same_event needs of them (not by their events' summaries, which depend on
        what came first): the type and factuality class; a place in rec's country or no
        country; and something to agree with, a place to compare with rec's or an actor
        from the country of one of rec's actors. Those of the events dated nearest rec come
        first, through the type-and-date index: at most CANDIDATE_REPORTS on each side,
        within dedup.date_window."""
        place = rec.get("place") or {}

        def field(*path: str):
            return Report.record[path].as_string()

        countries = sorted({a["country"] for a in (rec.get("source"), rec.get("target")) if a and a.get("country")})
        agree = [field("source", "country").in_(countries), field("target", "country").in_(countries)] if countries else []
        if place.get("latitude") is not None and place.get("geo_precision") not in ("country", None):
            agree.append(and_(field("place", "latitude").is_not(None), field("place", "geo_precision") != "country"))
        if not agree or not rec.get("date"):
            return []  # nothing in rec that another report could agree with (an undated one agrees on no day)
        query = select(Report.id, Report.event_id).join(Event, Event.id == Report.event_id).where(
            Event.type == rec["type"], Event.factuality.in_(_same_class(rec["factuality"])), or_(*agree))
        if place.get("country"):
            query = query.where(or_(field("place", "country") == place["country"], field("place", "country").is_(None)))
        d = date.fromisoformat(rec["date"])
        lo, hi = date_window(d)
        later = query.where(Event.date >= d, Event.date <= hi).order_by(Event.date, Event.id, Report.id)
        earlier = query.where(Event.date < d, Event.date >= lo).order_by(Event.date.desc(), Event.id, Report.id)
        found = [*self.session.execute(later.limit(CANDIDATE_REPORTS)),
                 *self.session.execute(earlier.limit(CANDIDATE_REPORTS))]
        new = sorted({event_id for _, event_id in found} - self.members.keys())
        for event_id in new:
            self.members[event_id] = []
        if new:  # whole events: whether a report is its event's pivot depends on all of them
            rows = self.session.execute(
                select(Report.id, Report.event_id, Report.article_id, Report.record).where(Report.event_id.in_(new)))
            for report_id, event_id, article_id, record in rows:
                node = self.nodes[report_id] = _Node(article_id, record, report_id, event_id)
                self.members[event_id].append(node)
        return [self.nodes[report_id] for report_id, _ in found]

    def _apply(self, x: _Node, revisited: list[_Node], pivot: dict[tuple, bool], joins: dict[tuple, _Node]) -> tuple[Event, bool]:
        """Store the revisited reports' new events: a pivot keeps its event; a new pivot takes
        over the event of a former pivot that joined it (the lowest such id) or starts one;
        an event whose pivot left for another is emptied and goes, its analysts' corrections
        following that pivot."""
        session = self.session
        demoted = {v.event_id: v for v in revisited if v is not x and not pivot[v.order] and self._was_pivot(v)}
        row: dict[tuple, int] = {}
        created, deleted = set(), 0
        new_pivots = [v for v in revisited if pivot[v.order] and (v is x or not self._was_pivot(v))]
        for p in sorted(new_pivots, key=lambda v: v.order):
            taken = sorted(v.event_id for v in revisited
                           if joins[v.order] is p and demoted.get(v.event_id) is v and v.event_id not in row.values())
            if taken:
                row[p.order] = taken[0]
            else:
                r = p.record
                event = Event(type=r["type"], factuality=r["factuality"], date=record_day(r),
                              date_precision=r["date_precision"], n_reports=0, n_articles=0, n_outlets=0, n_sources=0,
                              summary={}, updated_at=_now())  # fmt: skip
                session.add(event)
                session.flush()
                row[p.order] = event.id
                created.add(event.id)

        def event_of(p: _Node) -> int:
            return row.get(p.order, p.event_id)

        touched = set()
        for v in revisited:
            target = event_of(joins[v.order])
            if v is not x and target != v.event_id:
                session.execute(update(Report).where(Report.id == v.report_id).values(event_id=target))
                touched |= {v.event_id, target}
        for event_id, p in demoted.items():
            if event_id in row.values():
                continue
            if session.scalar(select(func.count()).select_from(Report).where(Report.event_id == event_id)):
                continue  # reports not linked to their pivot: an event stored before events formed around pivots
            session.execute(update(Correction).where(Correction.event_id == event_id).values(event_id=event_of(joins[p.order])))
            session.execute(delete(Event).where(Event.id == event_id))
            touched.discard(event_id)
            deleted += 1
        target = event_of(joins[x.order])
        for event_id in sorted(touched - {target}):
            refresh_event(session, session.get(Event, event_id))
        return session.get(Event, target), target not in created, len(created) - deleted


CANDIDATE_REPORTS = 200  # on each side of a report's date, at most: its possible matches in the nearest-dated events


def _same_class(factuality: str) -> list[str]:
    if factuality_class(factuality) == "asserted":
        return ["asserted"]
    return [factuality]


def refresh_event(session: Session, event: Event | None) -> None:
    """Recompute an event's summary columns from all its reports (taken in an order of their
    own, not of their arrival, so the summary too depends on the reports alone). None, an
    event since merged into another, is left alone."""
    if event is None:
        return
    reports = list(session.scalars(select(Report).where(Report.event_id == event.id).order_by(
        Report.article_id, Report.sentence_start, Report.trigger_start, Report.type)))  # fmt: skip
    s = summarise([r.record for r in reports], [r.outlet for r in reports], [r.source_key for r in reports],
                  [r.article_id for r in reports])  # fmt: skip
    event.mode, event.cameo_root = s["mode"], s["cameo_root"]
    event.acled_event_type, event.acled_sub_event_type = s["acled_event_type"], s["acled_sub_event_type"]
    event.date, event.date_precision = record_day(s), s["date_precision"]
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
