"""The REST API (``eventwire serve``): read endpoints over the store, and write
endpoints (submit articles, correct events) behind API tokens.

Every list is paginated with a hard ceiling, every filter is validated, and no
request can make the database scan without bound. OpenAPI docs are at /docs.
"""


import hashlib
import secrets
from datetime import date, datetime, timezone
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import func, select

from ..errors import EventwireError, InputError
from ..ontology import ACLED_EVENT_TYPES, EVENT_TYPES
from ..store.db import Store, open_store
from ..store.models import Article, Correction, Event, Place, Token
from ..store.query import EventFilter, event_dict, find_events, get_event, resolve_near

MAX_PAGE = 1000
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


# --------------------------------------------------------------------------- app


def create_app(store: Store | str | None = None, *, allow_private_urls: bool = False) -> FastAPI:
    """The API over ``store``. ``allow_private_urls`` lets submitted URLs reach loopback and
    private addresses (off: the SSRF guard refuses them); tests turn it on for their local server."""
    store = store if isinstance(store, Store) else open_store(store)
    app = FastAPI(title="eventwire", version="0.1.0",
                  description="Political and military events coded from news reports, each traced to its sentence.")  # fmt: skip
    app.state.store = store

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY_BYTES:
            return JSONResponse({"detail": f"request body over {MAX_BODY_BYTES} bytes"}, status_code=413)
        return await call_next(request)

    @app.exception_handler(EventwireError)
    async def eventwire_error(_request: Request, err: EventwireError):
        return JSONResponse({"detail": str(err)}, status_code=400)

    def author(authorization: Annotated[str | None, Header()] = None) -> str:
        """The name of the token in ``Authorization: Bearer <token>``; 401 otherwise."""
        if not authorization or not authorization.startswith("Bearer "):
            raise HTTPException(401, "write endpoints need an API token: Authorization: Bearer <token> (eventwire token create)")
        with store.session() as s:
            tok = s.scalars(select(Token).where(Token.token_hash == hash_token(authorization[7:].strip()))).first()
        if tok is None or tok.revoked:
            raise HTTPException(401, "invalid or revoked API token")
        return tok.name

    def filters(
        type: Annotated[str | None, Query(description="PLOVER type", pattern="^[A-Za-z]{3,10}$")] = None,
        actor: Annotated[str | None, Query(max_length=100, description="ISO3 country or part of a name")] = None,
        country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$")] = None,
        near: Annotated[str | None, Query(max_length=100, description="place name or 'lat,lon'")] = None,
        within: Annotated[float, Query(gt=0, le=2000, description="km around near")] = 50.0,
        since: date | None = None,
        until: date | None = None,
        min_sources: Annotated[int, Query(ge=0, le=100)] = 0,
        factuality: Annotated[Literal["asserted", "negated", "hypothetical", "future", "reversed", "all"], Query()] = "asserted",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    ) -> EventFilter:
        if type and type.upper() not in EVENT_TYPES:
            raise HTTPException(422, f"type {type!r} is not a PLOVER event type ({', '.join(EVENT_TYPES)})")
        return EventFilter(type=type, actor=actor, country=country, near=resolve_near(near) if near else None,
                           within_km=within, since=since, until=until, min_sources=min_sources,
                           factuality=None if factuality == "all" else factuality, limit=limit, offset=offset)  # fmt: skip

    @app.get("/api/events", summary="events, filtered and paginated, newest first")
    def list_events(f: Annotated[EventFilter, Depends(filters)]) -> dict[str, Any]:
        with store.session() as s:
            items = [event_dict(e) for e in find_events(s, f, store.dialect)]
        return {"items": items, "limit": f.limit, "offset": f.offset,
                "next_offset": f.offset + f.limit if len(items) == f.limit else None}  # fmt: skip

    @app.get("/api/events/{event_id}", summary="one event with its reports, evidence and corrections")
    def one_event(event_id: int) -> dict[str, Any]:
        try:
            d = get_event(store, event_id)
        except EventwireError:
            raise HTTPException(404, f"no event {event_id}") from None
        with store.session() as s:
            d["corrections"] = [
                {"field": c.field, "value": c.value, "note": c.note, "author": c.author, "at": c.created_at.isoformat()}
                for c in s.scalars(select(Correction).where(Correction.event_id == event_id).order_by(Correction.id))
            ]
        return d

    @app.get("/api/counts", summary="event counts by day, type or country, with the same filters")
    def counts(f: Annotated[EventFilter, Depends(filters)],
               by: Annotated[Literal["day", "type", "country"], Query()] = "day") -> dict[str, Any]:  # fmt: skip
        column = {"day": Event.date, "type": Event.type, "country": Event.country}[by]
        from ..store.query import build_query

        sub = build_query(EventFilter(**{**f.__dict__, "near": None, "limit": MAX_PAGE}), store.dialect).subquery()
        q = select(sub.c[column.key], func.count()).group_by(sub.c[column.key]).order_by(sub.c[column.key]).limit(5000)
        with store.session() as s:
            rows = [{"key": k.isoformat() if isinstance(k, date) else k, "count": n} for k, n in s.execute(q)]
        return {"by": by, "counts": rows}

    @app.get("/api/articles", summary="stored articles, newest first")
    def articles(limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100, offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
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

    @app.get("/api/places", summary="places with their event counts")
    def places(limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> dict[str, Any]:
        q = (select(Place.name, Place.country, Place.latitude, Place.longitude, Place.geo_precision, func.count(Event.id))
             .join(Event, Event.place_id == Place.id).group_by(Place.id).order_by(func.count(Event.id).desc()).limit(limit))  # fmt: skip
        with store.session() as s:
            return {"items": [{"name": n, "country": c, "latitude": la, "longitude": lo, "geo_precision": p, "events": k}
                              for n, c, la, lo, p, k in s.execute(q)]}  # fmt: skip

    @app.get("/api/actors", summary="actors with their event counts")
    def actors(limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> dict[str, Any]:
        from ..store.models import Actor

        q = (select(Actor.canonical, Actor.country, Actor.sector, func.count(Event.id))
             .join(Event, Event.source_actor_id == Actor.id).group_by(Actor.id).order_by(func.count(Event.id).desc()).limit(limit))  # fmt: skip
        with store.session() as s:
            return {"items": [{"canonical": a, "country": c, "sector": sec, "events_as_source": k} for a, c, sec, k in s.execute(q)]}

    @app.post("/api/articles", status_code=201, summary="submit an article: it is coded and stored")
    def submit(body: ArticleIn, who: Annotated[str, Depends(author)]) -> dict[str, Any]:
        from ..article import make_article
        from ..store.ingest import ingest

        try:
            art = make_article(body.text, published=body.published, outlet=body.outlet, url=body.url, title=body.title,
                               article_id=body.id, source="request body")  # fmt: skip
        except InputError as err:
            raise HTTPException(422, str(err)) from None
        summary = ingest(store, [art], pipeline=_pipeline(app))
        return {"article_id": art.id, "stored": summary.articles == 1, "already_stored": summary.already_stored == 1,
                "reports": summary.reports, "submitted_by": who}  # fmt: skip

    @app.post("/api/urls", status_code=201, summary="submit page URLs: each is fetched (public hosts only), coded and stored")
    def submit_urls(body: UrlsIn, who: Annotated[str, Depends(author)]) -> dict[str, Any]:
        from ..store.ingest import ingest
        from .fetch import Fetcher

        results = []
        with Fetcher(allow_private=allow_private_urls, respect_robots=True) as fetcher:
            for url in body.urls:
                item = fetcher.fetch_article(url)
                if isinstance(item, InputError):
                    results.append({"url": url, "stored": False, "error": str(item)})
                    continue
                summary = ingest(store, [item], pipeline=_pipeline(app))
                results.append({"url": url, "article_id": item.id, "stored": summary.articles == 1, "reports": summary.reports})
        return {"results": results, "submitted_by": who}

    @app.post("/api/events/{event_id}/corrections", status_code=201, summary="correct an event (kept beside the machine coding)")
    def correct(event_id: int, body: CorrectionIn, who: Annotated[str, Depends(author)]) -> dict[str, Any]:
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


def _pipeline(app: FastAPI):
    if not hasattr(app.state, "pipeline"):
        from ..pipeline import Pipeline

        app.state.pipeline = Pipeline()
    return app.state.pipeline


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
