"""A store for a notebook: ``eventwire.open_store(url)`` and its ``events``, ``to_pandas`` and ``counts``.

The same events, filters and dictionaries as the REST API and ``eventwire events``
(``store.query``), with the filters given as Python values: a place name or a
(lat, lon) for ``near``, dates as ``date`` or ISO strings, and no page limit
(``limit=None`` reads every matching event, page after page through the keyset cursor).

    import eventwire
    store = eventwire.open_store("sqlite:///events.sqlite")
    df = store.to_pandas(type="ASSAULT", near="Idlib", within_km=100, since="2020-01-01")
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from ..errors import EventwireError
from ..ontology import EVENT_TYPES, FACTUALITY
from .db import Store
from .db import open_store as _open_store
from .export import CSV_COLUMNS, csv_row, stream_events
from .query import COUNT_KEYS, MAX_COUNT_KEYS, EventFilter, count_events, get_event, parse_km, resolve_near

PAGE_SIZE = 10_000  # events read per query when paging through a long list

# the columns of the CSV export that are read as numbers (the rest are text, `date` a date)
_INTEGER_COLUMNS = ("id", "n_reports", "n_articles", "n_outlets", "n_sources")
_NULLABLE_INTEGER_COLUMNS = ("fatalities",)
_FLOAT_COLUMNS = ("latitude", "longitude")


class EventStore(Store):
    """A store opened for reading in Python (``eventwire.open_store``): a ``Store`` with
    ``events``, ``to_pandas``, ``counts`` and ``event``. Use it in a ``with`` block, or call
    ``close()`` when done."""

    def iter_events(self, type: str | None = None, actor: str | None = None, country: str | None = None,
                    near: str | tuple[float, float] | None = None, within_km: float | str = 50,
                    since: date | str | None = None, until: date | str | None = None, min_sources: int = 0,
                    factuality: str | None = "asserted", text: str | None = None, limit: int | None = None,
                    **unknown: Any) -> Iterator[dict[str, Any]]:  # fmt: skip
        """The events of ``events(...)`` one at a time, read a page (``PAGE_SIZE``) at a time."""
        f = make_filter(type=type, actor=actor, country=country, near=near, within_km=within_km, since=since,
                        until=until, min_sources=min_sources, factuality=factuality, text=text, **unknown)  # fmt: skip
        # the filters are checked now, not at the first event
        return stream_events(self, f, page=PAGE_SIZE, limit=_check_limit(limit), evidence=False)

    def events(self, type: str | None = None, actor: str | None = None, country: str | None = None,
               near: str | tuple[float, float] | None = None, within_km: float | str = 50,
               since: date | str | None = None, until: date | str | None = None, min_sources: int = 0,
               factuality: str | None = "asserted", text: str | None = None, limit: int | None = None,
               **unknown: Any) -> list[dict[str, Any]]:  # fmt: skip
        """The stored events that match every filter given, newest first, as the dictionaries
        of the REST API (``/api/events``) and ``eventwire events --format json``.

        ``type``: a PLOVER event type (``"ASSAULT"``). ``actor``: a country's ISO3 code
        (either side), or words of an actor's name or an alias (``"SDF"``). ``country``: where
        it happened, ISO3 or the country's name. ``near``: a place name (the gazetteer's most
        populous reading), ``"lat,lon"`` or a ``(lat, lon)`` pair, with ``within_km`` (a number,
        or ``"50km"``). ``since``/``until``: the event date, inclusive, a ``date`` or
        ``"YYYY-MM-DD"``. ``min_sources``: independent sources at least. ``factuality``:
        ``"asserted"`` (the default), ``"negated"``, ``"hypothetical"``, ``"future"``,
        ``"reversed"``, or ``"all"``/None. ``text``: words all found in a reporting article.
        ``limit``: at most this many events; None (the default) for all of them.

        An unknown filter name or value raises ``EventwireError`` naming it."""
        return list(self.iter_events(type=type, actor=actor, country=country, near=near, within_km=within_km,
                                     since=since, until=until, min_sources=min_sources, factuality=factuality,
                                     text=text, limit=limit, **unknown))  # fmt: skip

    def to_pandas(self, **filters: Any):
        """The events of ``events(**filters)`` as a pandas DataFrame, one row an event, with
        the columns of ``eventwire export --format csv`` (``store.export.CSV_COLUMNS``: actors
        and place flattened, ``source_canonical``, ``source_country``, ``source_sector``, the
        same for ``target``, ``place_name``, ``country``, ``admin1``, ``latitude``,
        ``longitude``, ``geo_precision``; the counts; ``url``, the reporting articles' URLs, and
        ``evidence``, the sentences that told the event, each joined by " | "), typed: ``date``
        datetime64, ``id`` and the counts int64, ``fatalities`` Int64 (it may be missing),
        ``latitude``/``longitude`` float64, the rest text (``cameo_root`` keeps its leading
        zero); and ``quantities``, a dictionary by unit. Needs pandas."""
        try:
            import pandas as pd
        except ImportError:
            raise EventwireError("to_pandas needs pandas: pip install pandas") from None

        limit = _check_limit(filters.pop("limit", None))
        f = make_filter(**filters)
        columns = [*CSV_COLUMNS, "quantities"]
        rows = [csv_row(e) for e in stream_events(self, f, page=PAGE_SIZE, limit=limit)]
        df = pd.DataFrame({c: [r.get(c) for r in rows] for c in columns}, columns=columns)
        for c in columns:
            if c == "date":
                df[c] = pd.to_datetime(df[c], format="%Y-%m-%d")
            elif c in _INTEGER_COLUMNS:
                df[c] = df[c].astype("int64")
            elif c in _NULLABLE_INTEGER_COLUMNS:
                df[c] = df[c].astype("Int64")
            elif c in _FLOAT_COLUMNS:
                df[c] = df[c].astype("float64")
            elif c != "quantities":
                df[c] = df[c].astype("string")
        return df

    def counts(self, by: str = "day", **filters: Any) -> dict[Any, int]:
        """How many events match ``filters`` (those of ``events``, but ``limit``), by ``"day"``
        (keys are dates; None: no date), ``"type"`` or ``"country"`` (ISO3; None: no country), in key order."""
        if by not in COUNT_KEYS:
            raise EventwireError(f"counts by {by!r}: use one of {', '.join(COUNT_KEYS)}")
        if "limit" in filters:
            raise EventwireError("counts: limit is not a filter of counts (every matching event is counted)")
        f = make_filter(**filters)
        counts: dict[Any, int] = {}
        with self.session() as session:
            while True:
                rows = count_events(session, f, by, self.dialect)
                # (a day key is None for the events with no date: they come first)
                counts.update((date.fromisoformat(r["key"]) if by == "day" and r["key"] else r["key"], r["count"]) for r in rows)
                if by != "day" or len(rows) < MAX_COUNT_KEYS:  # one answer holds at most MAX_COUNT_KEYS days
                    return counts
                f = replace(f, since=date.fromisoformat(rows[-1]["key"]) + timedelta(days=1))

    def event(self, event_id: int) -> dict[str, Any]:
        """One event with every report of it (sentence, outlet, source, the coded record)."""
        return get_event(self, event_id)

    def __repr__(self) -> str:
        return f"<eventwire store {self.url}>"


# to_pandas takes the filters of events: say so to help() and a notebook's completion
_EVENT_FILTERS = inspect.signature(EventStore.iter_events)
EventStore.to_pandas.__signature__ = _EVENT_FILTERS.replace(  # type: ignore[attr-defined]
    return_annotation="pandas.DataFrame")
EventStore.counts.__signature__ = _EVENT_FILTERS.replace(  # type: ignore[attr-defined]
    parameters=[*list(_EVENT_FILTERS.parameters.values())[:1],
                inspect.Parameter("by", inspect.Parameter.POSITIONAL_OR_KEYWORD, default="day", annotation="str"),
                *[p for n, p in list(_EVENT_FILTERS.parameters.items())[1:] if n != "limit"]],
    return_annotation="dict[Any, int]")  # fmt: skip


def open_store(url: str | None = None, *, create: bool = False) -> EventStore:
    """Open the event store at ``url`` to read it from Python.

    ``url``: ``sqlite:///path/events.sqlite`` or ``postgresql+psycopg://user@host/db``, or a
    path to a SQLite file; by default ``$EVENTWIRE_DB`` or ``./eventwire.sqlite``, as the
    ``eventwire`` command. ``create``: False (the default) makes a SQLite file that is not
    there an error, so a mistyped path is said rather than answered by an empty store; True
    makes a new empty store there. A store made by an older eventwire is upgraded in place."""
    if url is not None and not isinstance(url, str):
        url = str(url)  # a pathlib.Path
    if url is not None and "://" not in url:
        url = f"sqlite:///{url}"  # a file path: the SQLite store in it
    try:
        s = _open_store(url, must_exist=not create)
    except EventwireError as err:
        if str(err).startswith("no store at"):  # say the Python way beside the command's
            raise EventwireError(f"{err} (in Python: eventwire.open_store(url, create=True))") from None
        raise
    return EventStore(s.url, s.engine, s.sessions)


# --------------------------------------------------------------------------- filters from Python values

_FILTER_NAMES = tuple(p for p in _EVENT_FILTERS.parameters if p not in ("self", "limit", "unknown"))


def make_filter(**filters: Any) -> EventFilter:
    """An ``EventFilter`` (no page) from the filters of ``EventStore.events``, checked."""
    unknown = [k for k in filters if k not in _FILTER_NAMES]
    if unknown:
        names = ", ".join(map(repr, unknown))
        raise EventwireError(f"unknown filter {names}: the filters are {', '.join(_FILTER_NAMES)}")
    kw = {k: v for k, v in filters.items() if v is not None}
    f: dict[str, Any] = {}
    if "type" in kw:
        t = _text("type", kw["type"])
        if t.upper() not in EVENT_TYPES:
            raise EventwireError(f"type {t!r} is not a PLOVER event type: use one of {', '.join(EVENT_TYPES)}")
        f["type"] = t.upper()
    if "actor" in kw:
        f["actor"] = _text("actor", kw["actor"])
    if "country" in kw:
        f["country"] = _country(kw["country"])
    if "near" in kw:
        f["near"] = _point(kw["near"])
    if "within_km" in kw:
        f["within_km"] = _km(kw["within_km"])
    for name in ("since", "until"):
        if name in kw:
            f[name] = _date(name, kw[name])
    if "min_sources" in kw:
        n = kw["min_sources"]
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise EventwireError(f"min_sources {n!r}: give a whole number, 0 or more")
        f["min_sources"] = n
    factuality = filters.get("factuality", "asserted")
    if factuality is not None and factuality != "all" and factuality not in FACTUALITY:
        raise EventwireError(f"factuality {factuality!r}: use one of {', '.join(FACTUALITY)}, or 'all'")
    f["factuality"] = None if factuality == "all" else factuality
    if "text" in kw:
        f["text"] = _text("text", kw["text"])
    return EventFilter(**f)


def _check_limit(limit: Any) -> int | None:
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise EventwireError(f"limit {limit!r}: give a whole number, 1 or more, or None for every event")
    return limit


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise EventwireError(f"{name} {value!r}: give a non-empty string")
    return value.strip()


def _country(value: Any) -> str:
    from .acled_export import acled_countries

    name = _text("country", value)
    countries = acled_countries()
    if name.upper() in countries:
        return name.upper()
    by_name = {c.name.lower(): iso3 for iso3, c in countries.items()}
    if name.lower() in by_name:
        return by_name[name.lower()]
    raise EventwireError(f"country {value!r}: give a country's ISO 3166 alpha-3 code (SYR) or its name (Syria)")


def _point(value: Any) -> tuple[float, float]:
    if isinstance(value, str):
        try:
            return resolve_near(_text("near", value))
        except EventwireError as err:  # its message names the command's option
            raise EventwireError(str(err).replace("--near ", "near ", 1)) from None
    try:
        lat, lon = (float(v) for v in value)
    except (TypeError, ValueError):
        raise EventwireError(f"near {value!r}: give a place name, 'lat,lon' or a (lat, lon) pair") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # also refuses nan
        raise EventwireError(f"near {value!r}: latitude must be within ±90 and longitude within ±180")
    return lat, lon


def _km(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise EventwireError(f"within_km {value!r}: give a distance in km, such as 50")
    try:
        return parse_km(str(value))
    except EventwireError as err:  # its message names the command's option and a string
        raise EventwireError(str(err).replace(f"--within {str(value)!r}", f"within_km {value!r}", 1)) from None


def _date(name: str, value: Any) -> date:
    if isinstance(value, datetime):  # a pandas Timestamp too
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise EventwireError(f"{name} {value!r}: give a date, as date(2020, 4, 17) or '2020-04-17'")
