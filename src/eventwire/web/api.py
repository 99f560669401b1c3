"""The REST API (``eventwire serve``): read endpoints over the store, and write
endpoints (submit articles, correct events) behind API tokens.

Every list is paginated with a hard ceiling, every filter is validated, and no
request can make the database scan without bound. OpenAPI docs are at /docs.
"""


import gc
import hashlib
import math
import secrets
import threading
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi import Path as FastApiPath
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import func, select

from ..errors import CodingTimeoutError, ConflictingIdError, EventwireError, InputError, StoreRejectedError
from ..ontology import ACLED_EVENT_TYPES, EVENT_TYPES
from ..store.db import Store, open_store
from ..store.models import Article, Correction, Event, Place, Token
from ..store.query import EventFilter, read_cache, resolve_near
from .coding_worker import CodingWorker, CodingWorkerLostError, shared_coding_worker

MAX_PAGE = 1000
# how far counts, grid cells, places and actors may trail writes (``ReadCache.max_lag``); lists and
# single events never do
AGGREGATE_LAG_S = 5.0
# ids are 64-bit in both back ends: a larger number is a request error, not a database one
EventId = Annotated[int, FastApiPath(ge=1, le=2**63 - 1, description="event id")]
MAX_BODY_BYTES = 2_000_000
CORRECTABLE = ("type", "source", "target", "place", "date")


# --------------------------------------------------------------------------- tokens


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str) -> str:
    """A new API token; only its hash is stored, so it is shown once."""
    token = "ew_" + secrets.token_urlsafe(32)
    with store.session() as s, s.begin():
        s.add(Token(name=name, token_hash=hash_token(token), created_at=_now(), revoked=False))
    return token


def list_tokens(store: Store) -> list[dict[str, Any]]:
    with store.session() as s:
        return [{"name": t.name, "created_at": t.created_at.isoformat(timespec="seconds"), "revoked": t.revoked}
                for t in s.scalars(select(Token).order_by(Token.id))]  # fmt: skip


def revoke_tokens(store: Store, token_or_name: str) -> int:
    """Revoke the token given whole, or else every active token of that name; how many were revoked."""
    with store.session() as s, s.begin():
        found = list(s.scalars(select(Token).where(Token.token_hash == hash_token(token_or_name), Token.revoked.is_(False))))
        if not found:
            found = list(s.scalars(select(Token).where(Token.name == token_or_name, Token.revoked.is_(False))))
        for tok in found:
            tok.revoked = True
        return len(found)


# --------------------------------------------------------------------------- request bodies


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=1_000_000)
    id: str | None = Field(default=None, max_length=64)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=1000)
    published: date | None = None


class UrlsIn(BaseModel):
    urls: list[str] = Field(min_length=1, max_length=20)


class CorrectionIn(BaseModel):
    field: Literal["type", "source", "target", "place", "date"]
    value: dict[str, Any] | str
    note: str | None = Field(default=None, max_length=2000)


class FilterParams(BaseModel):
    """The filters of /api/events, /api/counts, /api/grid and /api/export (query parameters).

    Validated by one model rather than as the endpoints' own parameters: FastAPI's
    per-parameter handling cost about a third of a millisecond per request for these
    thirteen, a third of the CPU of a small list read; the model takes a few microseconds.
    Other parameters of an endpoint (``by``, ``zoom``, ``format``) pass by it."""

    model_config = ConfigDict(extra="ignore")

    type: str | None = Field(None, description="PLOVER type", pattern="^[A-Za-z]{3,10}$")
    actor: str | None = Field(None, max_length=100, description="ISO3 country or part of a name")
    country: str | None = Field(None, pattern="^[A-Za-z]{3}$", description="ISO3 country of the place")
    near: str | None = Field(None, max_length=100, description="place name or 'lat,lon'")
    within: float = Field(50.0, gt=0, le=2000, description="km around near")
    since: date | None = None
    until: date | None = None
    min_sources: int = Field(0, ge=0, le=100, description="independent sources at least")
    factuality: Literal["asserted", "negated", "hypothetical", "future", "reversed", "all"] = "asserted"
    text: str | None = Field(None, max_length=200, description="words found in a reporting article's title or text")
    limit: int = Field(100, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=1_000_000)
    after: str | None = Field(None, pattern=r"^(\d{4}-\d{2}-\d{2}|undated)\.\d{1,19}$",
                              description="keyset cursor: the next_after of the previous page")  # fmt: skip


def filter_params(request: Request) -> FilterParams:
    """The request's filters; a 422 naming each bad parameter, as FastAPI's own would."""
    try:
        return FilterParams.model_validate(dict(request.query_params))
    except ValidationError as err:
        raise RequestValidationError([{**e, "loc": ("query", *e["loc"])} for e in err.errors()]) from None


def _query_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    """``model``'s fields as OpenAPI query parameters (for the docs at /docs)."""
    schema = model.model_json_schema()
    return [{"name": name, "in": "query", "required": False, "schema": prop,
             **({"description": prop["description"]} if "description" in prop else {})}
            for name, prop in schema["properties"].items()]  # fmt: skip


FILTER_DOCS = {"parameters": _query_parameters(FilterParams)}


# --------------------------------------------------------------------------- app


def create_app(store: Store | str | None = None, *, allow_private_urls: bool = False, pipeline=None,
               coding_worker: CodingWorker | None = None) -> FastAPI:  # fmt: skip
    """The API over ``store``. ``allow_private_urls`` lets submitted URLs reach loopback and
    private addresses (off: the SSRF guard refuses them); tests turn it on for their local server.

    Submitted articles are coded and stored by ``coding_worker`` (default: the process's shared
    one, a lower-priority process running ``Pipeline()``), or, when a ``pipeline`` is given,
    coded by that pipeline in this process, one article at a time, and stored here."""
    store = store if isinstance(store, Store) else open_store(store)

    @asynccontextmanager
    async def lifespan(running: FastAPI):
        # what is loaded by now (modules, the app, the models) lives as long as the process: kept
        # out of the collector's full passes, each of which stopped every request for 70-80 ms
        # (150,000 objects) and made the slowest percent of reads under load
        gc.freeze()
        yield
        import anyio

        await anyio.to_thread.run_sync(running.state.coding_worker.close)  # the coding process stops with the server

    app = FastAPI(title="eventwire", version="0.1.0", lifespan=lifespan,
                  description="Political and military events coded from news reports, each traced to its sentence.")  # fmt: skip
    app.state.store = store
    app.state.coding_budget_s = CODING_BUDGET_S
    app.state.pipeline = pipeline  # set: articles are coded here, under app.state.pipeline_lock
    app.state.pipeline_lock = threading.Lock()  # spaCy pipelines are not made for concurrent calls
    app.state.coding_worker = coding_worker or shared_coding_worker()  # a process only once an article is coded by it

    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    read_cache(store).max_lag = AGGREGATE_LAG_S

    @app.exception_handler(EventwireError)
    async def eventwire_error(_request: Request, err: EventwireError):
        return JSONResponse({"detail": str(err)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, err: RequestValidationError):
        # where and why only: echoing the input back would return megabytes for a bad 2 MB body
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in err.errors()]
        return JSONResponse({"detail": detail}, status_code=422)

    def author(authorization: Annotated[str | None, Header()] = None) -> str:
        """The name of the token in ``Authorization: Bearer <token>``; 401 otherwise."""
        scheme, _, token = (authorization or "").strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise HTTPException(401, "write endpoints need an API token: Authorization: Bearer <token> (eventwire token create)")
        with store.session() as s:
            tok = s.scalars(select(Token).where(Token.token_hash == hash_token(token.strip()))).first()
        if tok is None or tok.revoked:
            raise HTTPException(401, "invalid or revoked API token")
        return tok.name

    read_threads = 4  # enough to overlap the database's work on two cores; well within the connection pool
    read_slots: list = []  # the read threads' limiter (made in the event loop, on first use)

    async def run_read(fn, *args):
        """A blocking read in a worker thread, at most ``read_threads`` at once: waiting reads
        queue in the event loop instead of crowding the GIL and the connection pool."""
        import anyio

        if not read_slots:
            read_slots.append(anyio.CapacityLimiter(read_threads))
        return await anyio.to_thread.run_sync(fn, *args, limiter=read_slots[0])

    async def filters(request: Request) -> EventFilter:
        """The filters of the query string (``FilterParams``), validated in one pass."""
        from ..store.query import known_point, parse_cursor, text_words

        p = filter_params(request)
        if p.type and p.type.upper() not in EVENT_TYPES:
            raise HTTPException(422, f"type {p.type!r} is not a PLOVER event type ({', '.join(EVENT_TYPES)})")
        try:
            cursor = parse_cursor(p.after) if p.after else None
        except EventwireError as err:
            raise HTTPException(422, str(err)) from None
        if p.text is not None and not text_words(p.text):
            raise HTTPException(422, "text: give one or more words to look for")
        point = known_point(p.near) if p.near else None
        if p.near and point is None:
            point = await run_read(resolve_near, p.near)  # a place name not seen before: the gazetteer
        return EventFilter(type=p.type, actor=p.actor, country=p.country, near=point, within_km=p.within, since=p.since,
                           until=p.until, min_sources=p.min_sources, factuality=None if p.factuality == "all" else p.factuality,
                           text=p.text or None, limit=p.limit, offset=p.offset, after=cursor)  # fmt: skip

    @app.get("/api/events", summary="events, filtered and paginated, newest first (by offset, or after a cursor)",
             response_model=dict[str, Any], openapi_extra=FILTER_DOCS)  # fmt: skip
    async def list_events(f: Annotated[EventFilter, Depends(filters)]) -> Response:
        from ..store.query import json_bytes, next_cursor
        from ..store.query import list_events as query_events

        def read() -> bytes:
            with store.reader() as s:
                items = query_events(s, f, store.dialect)
            return json_bytes({"items": items, "limit": f.limit, "offset": f.offset,
                               "next_offset": f.offset + f.limit if len(items) == f.limit else None,
                               "next_after": next_cursor(items, f.limit)})  # fmt: skip

        return Response(await run_read(read), media_type="application/json")

    @app.get("/api/events/{event_id}", summary="one event with its reports, evidence and corrections", response_model=dict[str, Any])
    async def one_event(event_id: EventId) -> Response:
        from ..store.query import event_detail, json_bytes

        def read() -> bytes:
            with store.reader() as s:
                d = event_detail(s, event_id)
                if d is None:
                    raise HTTPException(404, f"no event {event_id}")
                q = (select(Correction.field, Correction.value, Correction.note, Correction.author, Correction.created_at)
                     .where(Correction.event_id == event_id).order_by(Correction.id))  # fmt: skip
                d["corrections"] = [{"field": c.field, "value": c.value, "note": c.note, "author": c.author,
                                     "at": c.created_at.isoformat()} for c in s.execute(q)]  # fmt: skip
            return json_bytes(d)

        return Response(await run_read(read), media_type="application/json")

    @app.get("/api/counts", summary="event counts by day, type or country, with every filter of /api/events",
             response_model=dict[str, Any], openapi_extra=FILTER_DOCS)  # fmt: skip
    async def counts(f: Annotated[EventFilter, Depends(filters)],
                     by: Annotated[Literal["day", "type", "country"], Query()] = "day") -> Response:  # fmt: skip
        from ..store.query import count_events, json_bytes

        def compute(s) -> bytes:
            return json_bytes({"by": by, "counts": count_events(s, f, by, store.dialect)})

        return Response(await run_read(read_cache(store).get, store, ("counts", by, f.key()), compute), media_type="application/json")

    @app.get("/api/grid", summary="events with a point, counted in map grid cells of a zoom level, with every filter of /api/events",
             response_model=dict[str, Any], openapi_extra=FILTER_DOCS)  # fmt: skip
    async def grid(f: Annotated[EventFilter, Depends(filters)],
                   zoom: Annotated[float, Query(ge=0, le=18, description="web-map zoom: cells of about 64 pixels")] = 2,
                   bbox: Annotated[str | None, Query(max_length=120, description="south,west,north,east in degrees")] = None,
                   ) -> Response:  # fmt: skip
        from ..store.query import grid_cell_degrees, grid_counts, json_bytes

        box = _bbox(bbox) if bbox else None
        zoom = round(zoom * 2) / 2  # half steps: the map's zoom snap, and fewer cache keys

        def compute(s) -> bytes:
            return json_bytes({"zoom": zoom, "cell_degrees": grid_cell_degrees(zoom),
                               "cells": grid_counts(s, f, zoom, store.dialect, box)})  # fmt: skip

        return Response(await run_read(read_cache(store).get, store, ("grid", zoom, box, f.key()), compute),
                        media_type="application/json")  # fmt: skip

    export_slots = threading.BoundedSemaphore(MAX_EXPORTS)

    @app.get("/api/export", summary="every event of the filters of /api/events (no page), streamed as CSV, ACLED CSV, "
             "GeoJSON or JSON lines", response_class=StreamingResponse, openapi_extra=FILTER_DOCS)  # fmt: skip
    def export(f: Annotated[EventFilter, Depends(filters)],
               format: Annotated[Literal["csv", "acled-csv", "geojson", "jsonl"], Query()] = "csv") -> StreamingResponse:  # fmt: skip
        from ..store.export import export_store
        from .export_stream import stream_export

        if not export_slots.acquire(blocking=False):
            raise HTTPException(429, f"{MAX_EXPORTS} exports are running; try again when one has finished")

        def body():
            try:
                yield from stream_export(lambda out: export_store(store, f, format, out))
            finally:
                export_slots.release()

        kind, suffix = EXPORT_MEDIA[format]
        return StreamingResponse(body(), media_type=kind,
                                 headers={"Content-Disposition": f'attachment; filename="eventwire-events{suffix}"'})  # fmt: skip

    @app.get("/api/articles", summary="stored articles, newest first")
    def articles(limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100, offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> dict[str, Any]:
        with store.session() as s:
            rows = s.execute(select(Article.id, Article.title, Article.outlet, Article.url, Article.published, Article.n_events)
                             .order_by(Article.published.desc(), Article.id).offset(offset).limit(limit)).all()  # fmt: skip
        return {"items": [{"id": r.id, "title": r.title, "outlet": r.outlet, "url": r.url,
                           "published": r.published.isoformat() if r.published else None, "n_events": r.n_events} for r in rows],
                "limit": limit, "offset": offset}  # fmt: skip

    @app.get("/api/articles/{article_id}", summary="one article with its text")
    def article(article_id: str) -> dict[str, Any]:
        with store.session() as s:
            a = s.get(Article, article_id)
            if a is None:
                raise HTTPException(404, f"no article {article_id}")
            return {"id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url,
                    "published": a.published.isoformat() if a.published else None, "text": a.text}  # fmt: skip

    @app.get("/api/places", summary="places with their event counts", response_model=dict[str, Any])
    async def places(limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> Response:
        from ..store.query import json_bytes

        q = (select(Place.name, Place.country, Place.latitude, Place.longitude, Place.geo_precision, func.count(Event.id))
             .join(Event, Event.place_id == Place.id).group_by(Place.id).order_by(func.count(Event.id).desc(), Place.id)
             .limit(limit))  # fmt: skip

        def compute(s) -> bytes:
            return json_bytes({"items": [{"name": n, "country": c, "latitude": la, "longitude": lo, "geo_precision": p, "events": k}
                                         for n, c, la, lo, p, k in s.execute(q)]})  # fmt: skip

        return Response(await run_read(read_cache(store).get, store, ("places", limit), compute), media_type="application/json")

    @app.get("/api/actors", summary="actors with their event counts", response_model=dict[str, Any])
    async def actors(limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> Response:
        from ..store.models import Actor
        from ..store.query import json_bytes

        q = (select(Actor.canonical, Actor.country, Actor.sector, func.count(Event.id))
             .join(Event, Event.source_actor_id == Actor.id).group_by(Actor.id).order_by(func.count(Event.id).desc(), Actor.id)
             .limit(limit))  # fmt: skip

        def compute(s) -> bytes:
            return json_bytes({"items": [{"canonical": a, "country": c, "sector": sec, "events_as_source": k}
                                         for a, c, sec, k in s.execute(q)]})  # fmt: skip

        return Response(await run_read(read_cache(store).get, store, ("actors", limit), compute), media_type="application/json")

    @app.post("/api/articles", status_code=201, summary="submit an article: it is coded and stored",
              responses={200: {"description": "the same article was already stored"},
                         409: {"description": "the id is taken by a different article"},
                         413: {"description": "the body, or the time to code the article, is over its limit"}})  # fmt: skip
    def submit(body: ArticleIn, response: Response, who: Annotated[str, Depends(author)]) -> dict[str, Any]:
        from ..article import make_article, undated_notice

        try:
            art = make_article(body.text, published=body.published, outlet=body.outlet, url=body.url, title=body.title,
                               article_id=body.id, source="request body")  # fmt: skip
        except InputError as err:
            raise HTTPException(422, str(err)) from None
        outcome = _code_and_store(app, art)
        if isinstance(outcome.error, ConflictingIdError):
            raise HTTPException(409, str(outcome.error))
        if isinstance(outcome.error, CodingTimeoutError):
            raise HTTPException(413, str(outcome.error))
        if outcome.error is not None:
            unavailable = isinstance(outcome.error, (StoreRejectedError, CodingWorkerLostError))
            raise HTTPException(503 if unavailable else 422, str(outcome.error))
        if not outcome.stored:
            response.status_code = 200
        answer = {"article_id": art.id, "stored": outcome.stored, "already_stored": not outcome.stored,
                  "reports": outcome.reports, "submitted_by": who}  # fmt: skip
        if (notice := undated_notice(art, outcome.reports)) is not None:
            answer["warnings"] = [notice]
        return answer

    @app.post("/api/urls", status_code=201, summary="submit page URLs: each is fetched (public hosts only), coded and stored",
              responses={200: {"description": "nothing new: every page was already stored"},
                         422: {"description": "no page could be stored; each result says why"}})  # fmt: skip
    def submit_urls(body: UrlsIn, response: Response, who: Annotated[str, Depends(author)]) -> dict[str, Any]:
        from .fetch import Fetcher

        results = []
        with Fetcher(allow_private=allow_private_urls, respect_robots=True) as fetcher:
            for url in body.urls:
                item = fetcher.fetch_article(url)
                outcome = _code_and_store(app, item) if not isinstance(item, InputError) else _Outcome(error=item)
                if outcome.error is not None:
                    results.append({"url": url, "stored": False, "error": str(outcome.error)})
                else:
                    results.append({"url": url, "article_id": item.id, "stored": outcome.stored,
                                    "already_stored": not outcome.stored, "reports": outcome.reports})  # fmt: skip
        if not any(r["stored"] for r in results):
            response.status_code = 422 if any("error" in r for r in results) else 200
        return {"results": results, "submitted_by": who}

    @app.post("/api/events/{event_id}/corrections", status_code=201, summary="correct an event (kept beside the machine coding)")
    def correct(event_id: EventId, body: CorrectionIn, who: Annotated[str, Depends(author)]) -> dict[str, Any]:
        value = body.value if isinstance(body.value, dict) else {"value": body.value}
        if body.field == "type" and str(value.get("value", value.get("type", ""))).upper() not in EVENT_TYPES:
            raise HTTPException(422, f"a type correction must name a PLOVER type ({', '.join(EVENT_TYPES)})")
        sub_event = value.get("acled_sub_event_type")
        if body.field == "type" and sub_event is not None and sub_event not in ACLED_EVENT_TYPES:
            # the next `eventwire train` learns from it: only ACLED's own classes are usable
            raise HTTPException(422, f"acled_sub_event_type must be one of ACLED's sub-event types ({', '.join(ACLED_EVENT_TYPES)}) or absent")
        if body.field == "date":
            try:
                date.fromisoformat(str(value.get("value", value.get("date"))))
            except ValueError:
                raise HTTPException(422, "a date correction must be YYYY-MM-DD") from None
        with store.session() as s, s.begin():
            if s.get(Event, event_id) is None:
                raise HTTPException(404, f"no event {event_id}")
            c = Correction(event_id=event_id, field=body.field, value=value, note=body.note, author=who, created_at=_now())
            s.add(c)
            s.flush()
            return {"id": c.id, "event_id": event_id, "field": body.field, "value": value, "author": who}

    # the analyst's page (static files; it reads the API above)
    from importlib import resources

    from fastapi.staticfiles import StaticFiles

    static = resources.files("eventwire").joinpath("web/static")
    app.mount("/", StaticFiles(directory=str(static), html=True, check_dir=False), name="page")
    return app


def app_from_env() -> FastAPI:
    """The app over ``$EVENTWIRE_DB`` (uvicorn's factory for several worker processes)."""
    import os

    return create_app(os.environ.get("EVENTWIRE_DB"), allow_private_urls=os.environ.get("EVENTWIRE_ALLOW_PRIVATE_URLS") == "1")


# Seconds one submitted article may take to code: a 900,000-character article codes in
# well under this on two cores; anything slower is refused rather than holding a worker.
CODING_BUDGET_S = 60.0


@dataclass
class _Outcome:
    stored: bool = False
    reports: int = 0
    error: InputError | None = None


def _code_and_store(app: FastAPI, art) -> _Outcome:
    """Code one article and store it in one short write, with no database connection held
    while it is coded. By default both happen in the coding worker's process (see
    web/coding_worker.py), so neither takes the GIL and a core from the threads serving
    reads; a pipeline given to the app codes here, and what it codes is stored here."""
    from ..store.ingest import IngestSummary, is_stored, save_article

    store: Store = app.state.store
    budget_s = app.state.coding_budget_s
    try:
        if app.state.pipeline is None:
            stored, reports = app.state.coding_worker.code_and_store(art, budget_s, store.url)
            return _Outcome(stored=stored, reports=reports)
        if is_stored(store, art):
            return _Outcome()
        with app.state.pipeline_lock:
            events = app.state.pipeline.code_article(art, budget_s=budget_s)
    except InputError as err:  # an id conflict, past the coding budget, the coding worker lost, refused by the store
        return _Outcome(error=err)
    summary = IngestSummary()
    stored = save_article(store, art, events, summary)
    return _Outcome(stored=stored, reports=summary.reports, error=summary.errors[0] if summary.errors else None)


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413, whatever the transfer
    encoding: the declared length is checked first, then the bytes as they arrive (a
    chunked body has no length to check), and reading stops at the limit."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            return await self._refuse(send)
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                return await self._refuse(send)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    async def _refuse(self, send) -> None:
        await JSONResponse({"detail": f"request body over {self.limit} bytes"}, status_code=413)({"type": "http"}, None, send)


MAX_EXPORTS = 2  # streamed at once; each holds a database connection and a thread for its length
EXPORT_MEDIA = {"csv": ("text/csv; charset=utf-8", ".csv"), "acled-csv": ("text/csv; charset=utf-8", ".acled.csv"),
                "geojson": ("application/geo+json", ".geojson"), "jsonl": ("application/x-ndjson", ".jsonl")}  # fmt: skip


def _bbox(value: str) -> tuple[float, float, float, float]:
    """``south,west,north,east`` in degrees, rounded outwards to a tenth (so panning a little reuses
    cached answers); longitudes of a wrapped map are brought into -180..180."""
    try:
        south, west, north, east = (float(v) for v in value.split(","))
    except ValueError:
        raise HTTPException(422, f"bbox {value[:120]!r}: give south,west,north,east in degrees") from None
    if not all(math.isfinite(v) for v in (south, west, north, east)) or not -90 <= south <= north <= 90 or east < west:
        raise HTTPException(422, f"bbox {value[:120]!r}: give south,west,north,east with south <= north and west <= east")
    south, north = math.floor(south * 10) / 10, math.ceil(north * 10) / 10
    if east - west >= 360:
        return south, -180.0, north, 180.0
    west, east = math.floor(west * 10) / 10, math.ceil(east * 10) / 10
    wrap = lambda lon: (lon + 180) % 360 - 180  # noqa: E731
    return south, wrap(west), north, wrap(east)  # west > east: the box crosses the antimeridian


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
