"""Exporting stored events: every event of a filter, streamed, as CSV, ACLED CSV, GeoJSON, JSON lines or Parquet.

An export holds one page of events at a time, never the whole selection, so its memory
does not grow with the number of events (1,000,000 events export as 1,000 do):

* ``stream_events`` reads the events of a filter newest first, a page at a time through
  the keyset cursor (``EventFilter.after``: each page starts after the (date, id) of the
  last row of the previous one, so a deep page costs what the first does), as the lean
  dictionaries of ``list_events`` (the REST API's), each with its evidence: the URLs of
  the articles that reported it and the sentences that told it, read for a whole page in
  one query;
* the writers (``write_csv``, ``write_acled``, ``write_geojson``, ``write_jsonl``,
  ``write_parquet``) consume such an iterator once and write as they go (Parquet in row
  groups of ``ROW_GROUP`` events);
* ``export_store`` does both: a store (or session), a filter, a format and where to write.

URL and evidence, in every format: ``url`` holds the distinct article URLs of the event's
reports and ``evidence`` their distinct sentences, each in report order (the first report's
first) and joined by ``EVIDENCE_SEPARATOR`` (" | "): one value for an event told once, and
``value.split(" | ")`` gives the list back (a URL holds no space). No report, or no URL: empty
(CSV) or null (JSON, Parquet).

The columns (CSV, Parquet, GeoJSON's properties) are ``CSV_COLUMNS``: the event, its
actors and its place flattened (``source_canonical``, ..., ``place_name``, ``country``,
``admin1``, ``latitude``, ``longitude``, ``geo_precision``), the counts, then ``url`` and
``evidence``. ``cameo_root`` is text with its leading zero ("04"); a reader that guesses
types (pandas' ``read_csv``, a spreadsheet) makes it 4 unless told it is text
(``dtype={"cameo_root": str}``); Parquet says so in its schema. Per format:

* csv: ``CSV_COLUMNS``, a header line, RFC 4180 quoting;
* acled-csv: ACLED's 31 columns (``store.acled_export``), only the events ACLED would code
  (the others are counted in ``ExportResult.left_out``); ``notes`` are the evidence sentences;
* geojson: a FeatureCollection; each feature has the event id as its ``id``, a Point (or a
  null geometry when the event has no point) and flat properties: ``CSV_COLUMNS`` plus
  ``quantities`` as JSON text, so QGIS styles and filters on them directly;
* jsonl: one event per line, the full dictionary of ``list_events`` (actors, place and
  quantities as objects) with ``url`` and ``evidence``;
* parquet: ``CSV_COLUMNS`` plus ``quantities`` (JSON text), typed (``PARQUET_SCHEMA``):
  ``date`` date32, ids and counts int64, ``latitude``/``longitude`` float64, everything else,
  codes included (``cameo_root``, country codes, types), strings.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from ..errors import EventwireError
from .acled_export import AcledExport, write_acled_csv
from .db import Store
from .models import Article, Event, Report
from .query import _EVENT_COLUMNS, EventFilter, _row_dict, conditions, event_cursor, page_rows

EXPORT_FORMATS = ("csv", "acled-csv", "geojson", "jsonl", "parquet")
TEXT_FORMATS = ("csv", "acled-csv", "geojson", "jsonl")
CSV_COLUMNS = ["id", "type", "mode", "cameo_root", "acled_event_type", "acled_sub_event_type", "factuality", "date",
               "date_precision", "source_canonical", "source_country", "source_sector", "target_canonical",
               "target_country", "target_sector", "place_name", "country", "admin1", "latitude", "longitude",
               "geo_precision", "n_reports", "n_articles", "n_outlets", "n_sources", "fatalities", "url", "evidence"]  # fmt: skip
EVIDENCE_SEPARATOR = " | "
PAGE_SIZE = 2000  # events read per query
ROW_GROUP = 50_000  # events per Parquet row group (held as Arrow columns until written)
PARQUET_BATCH = 2000  # rows held as Python values before they become Arrow columns

INT_COLUMNS = ("id", "n_reports", "n_articles", "n_outlets", "n_sources", "fatalities")
FLOAT_COLUMNS = ("latitude", "longitude")


# --------------------------------------------------------------------------- reading


def _session_and_dialect(source: Store | Session) -> tuple[Session | None, str]:
    if isinstance(source, Store):
        return None, source.dialect
    return source, source.get_bind().dialect.name


def stream_events(source: Store | Session, f: EventFilter, *, with_reports: bool = False, page: int = PAGE_SIZE,
                  limit: int | None = None, progress: Callable[[int], None] | None = None,
                  evidence: bool = True) -> Iterator[dict[str, Any]]:  # fmt: skip
    """Every event of filter ``f``, newest first (date, then id; the undated last), one dictionary at a time.

    ``source``: a store (a session is opened for the iteration and closed at its end, or when
    the iterator is closed) or an open session. ``f.limit`` and ``f.offset`` are ignored (every
    matching event is read; ``f.after`` still starts the list after that event); ``limit``: at
    most this many events (None: all). ``page``: events per query; memory holds one page.

    Each dictionary is ``list_events``' (the API's) plus ``url`` and ``evidence`` (see the
    module's docstring); ``with_reports``: also ``reports`` (as ``event_dict(event,
    with_reports=True)`` gives them, each with its article's ``url``) and ``updated_at`` (a
    datetime): what the ACLED export needs (sources, notes and timestamp). ``evidence=False``:
    ``list_events``' dictionaries alone (no query for the reports). ``progress``: called with the
    number of events read so far after each page."""
    if page < 1:
        raise EventwireError(f"page size {page}: give at least 1")
    if limit is not None and limit < 0:
        raise EventwireError(f"limit {limit}: give a number of events, 0 or more")
    session, dialect = _session_and_dialect(source)
    if session is None:
        with source.session() as session:  # type: ignore[union-attr]
            yield from _stream(session, dialect, f, with_reports, page, limit, progress, evidence)
    else:
        yield from _stream(session, dialect, f, with_reports, page, limit, progress, evidence)


def _stream(session: Session, dialect: str, f: EventFilter, with_reports: bool, page: int, limit: int | None,
            progress: Callable[[int], None] | None, evidence: bool) -> Iterator[dict[str, Any]]:  # fmt: skip
    columns = (*_EVENT_COLUMNS, Event.updated_at) if with_reports else _EVENT_COLUMNS
    n_columns = len(_EVENT_COLUMNS)
    cursor = f.after
    read = 0
    while limit is None or read < limit:
        size = page if limit is None else min(page, limit - read)
        rows = page_rows(session, columns, replace(f, after=cursor, offset=0, limit=size), dialect)
        if not rows:
            break
        events = []
        for row in rows:
            d = _row_dict(row[:n_columns])
            if with_reports:
                d["updated_at"] = row[n_columns]
            events.append(d)
        del rows
        if evidence or with_reports:
            _add_evidence(session, events, with_reports)
        cursor = event_cursor(events[-1])  # where the next page starts
        n_page = len(events)
        read += n_page
        yield from events
        del events
        if progress is not None:
            progress(read)
        if n_page < size:
            break  # a short page was the last


def _add_evidence(session: Session, events: list[dict[str, Any]], with_reports: bool) -> None:
    """Set ``url`` and ``evidence`` (and ``reports``) of a page of events: one query."""
    by_id = {e["id"]: e for e in events}
    urls: dict[int, dict[str, None]] = {}  # dicts as ordered sets
    sentences: dict[int, dict[str, None]] = {}
    reports: dict[int, list[dict[str, Any]]] = {}
    cols = [Report.event_id, Report.sentence, Article.url]
    if with_reports:
        cols += [Report.id, Report.article_id, Report.outlet, Report.cited_source, Report.source_key, Report.record]
    # the ids inline (integers): no bound-parameter limit whatever the page size
    ids = bindparam("ids", list(by_id), expanding=True, literal_execute=True)
    q = (select(*cols).join(Article, Article.id == Report.article_id, isouter=True)
         .where(Report.event_id.in_(ids)).order_by(Report.event_id, Report.id))  # fmt: skip
    for row in session.execute(q):
        event_id, sentence, url = row[0], row[1], row[2]
        if url:
            urls.setdefault(event_id, {})[url] = None
        if sentence and not sentence.isspace():
            sentences.setdefault(event_id, {})[" ".join(sentence.split())] = None  # one line: a sentence may hold line breaks
        if with_reports:
            rid, article_id, outlet, cited, source_key, record = row[3:]
            reports.setdefault(event_id, []).append(
                {"id": rid, "article_id": article_id, "outlet": outlet, "cited_source": cited,
                 "independent_source": source_key, "sentence": sentence, "record": record, "url": url})  # fmt: skip
    for event_id, e in by_id.items():
        u, s = urls.get(event_id), sentences.get(event_id)
        e["url"] = EVIDENCE_SEPARATOR.join(u) if u else None
        e["evidence"] = EVIDENCE_SEPARATOR.join(s) if s else None
        if with_reports:
            e["reports"] = reports.get(event_id, [])


def count_matching(source: Store | Session, f: EventFilter) -> int:
    """How many events filter ``f`` selects (every one, not a page): the total of a progress bar."""
    session, dialect = _session_and_dialect(source)
    q = select(func.count()).select_from(Event).where(*conditions(f, dialect))
    if session is None:
        with source.session() as session:  # type: ignore[union-attr]
            return session.execute(q).scalar_one()
    return session.execute(q).scalar_one()


# --------------------------------------------------------------------------- flat rows


def _cameo(value: Any) -> str | None:
    """A CAMEO root code as text with its leading zero ("04"), whatever it was stored as."""
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return f"{value:02d}"
    value = str(value)
    return value.zfill(2) if value.isdigit() else value


def _flat(e: dict[str, Any]) -> list[Any]:
    """The values of ``CSV_COLUMNS`` for event ``e``, in that order."""
    s = e.get("source") or {}
    t = e.get("target") or {}
    p = e.get("place") or {}
    return [e.get("id"), e.get("type"), e.get("mode"), _cameo(e.get("cameo_root")), e.get("acled_event_type"),
            e.get("acled_sub_event_type"), e.get("factuality"), e.get("date"), e.get("date_precision"),
            s.get("canonical"), s.get("country"), s.get("sector"), t.get("canonical"), t.get("country"), t.get("sector"),
            p.get("name"), p.get("country"), p.get("admin1"), p.get("latitude"), p.get("longitude"), p.get("geo_precision"),
            e.get("n_reports"), e.get("n_articles"), e.get("n_outlets"), e.get("n_sources"), e.get("fatalities"),
            e.get("url"), e.get("evidence")]  # fmt: skip


def csv_row(e: dict[str, Any]) -> dict[str, Any]:
    """Event ``e`` with the CSV export's flat columns set (``CSV_COLUMNS``; its other keys kept)."""
    row = dict(e)
    row.update(zip(CSV_COLUMNS, _flat(e)))
    return row


def _quantities_json(e: dict[str, Any]) -> str:
    return json.dumps(e.get("quantities") or {}, ensure_ascii=False)


# --------------------------------------------------------------------------- writers


@dataclass
class ExportResult(AcledExport):
    """What an export wrote (``written``) and, for acled-csv, what it left out and why."""

    format: str = ""

    @property
    def read(self) -> int:
        """Events read from the store: written or left out."""
        return self.written + self.n_left_out


def write_csv(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Events as CSV (``CSV_COLUMNS``, header first) to a text stream; the number written.
    Open a file with ``newline=""``, as for the csv module."""
    w = csv.writer(out)
    w.writerow(CSV_COLUMNS)
    n = 0
    for e in events:
        w.writerow(_flat(e))
        n += 1
    return n


def write_acled(events: Iterable[dict[str, Any]], out: IO[str],
                spellings: dict[tuple[str, str], str] | None = None) -> AcledExport:  # fmt: skip
    """Events as ACLED CSV (``store.acled_export.write_acled_csv``): they need ``reports`` and
    ``updated_at`` (``stream_events(..., with_reports=True)``)."""
    return write_acled_csv(events, out, spellings)


def write_jsonl(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Events as JSON lines, one full event dictionary a line; the number written."""
    n = 0
    for e in events:
        out.write(_json(e) + "\n")
        n += 1
    return n


def write_geojson(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Events as a GeoJSON FeatureCollection (one feature a line); the number written."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for e in events:
        out.write(("," if n else "") + "\n" + _json(geojson_feature(e)))
        n += 1
    out.write("\n]}\n")
    return n


def geojson_feature(e: dict[str, Any]) -> dict[str, Any]:
    """Event ``e`` as a GeoJSON feature: ``id`` the event's, a Point (null with no point), flat
    properties (``CSV_COLUMNS``, and ``quantities`` as JSON text)."""
    values = _flat(e)
    props = dict(zip(CSV_COLUMNS, values))
    props["quantities"] = _quantities_json(e)
    lat, lon = props["latitude"], props["longitude"]
    point = lat is not None and lon is not None and math.isfinite(lat) and math.isfinite(lon)
    return {"type": "Feature", "id": e["id"], "geometry": {"type": "Point", "coordinates": [lon, lat]} if point else None,
            "properties": props}  # fmt: skip


def _json(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, default=_json_default)
    except ValueError:  # a NaN or infinity: null, as the API writes it
        from .query import _finite

        return json.dumps(_finite(value), ensure_ascii=False, allow_nan=False, default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def parquet_schema():
    """The Parquet export's schema: ``CSV_COLUMNS`` typed, then ``quantities`` (JSON text)."""
    import pyarrow as pa

    def kind(c: str):
        if c == "date":
            return pa.date32()
        if c in INT_COLUMNS:
            return pa.int64()
        if c in FLOAT_COLUMNS:
            return pa.float64()
        return pa.string()

    fields = [pa.field(c, kind(c), nullable=c != "id") for c in CSV_COLUMNS]
    fields.append(pa.field("quantities", pa.string()))
    return pa.schema(fields, metadata={"eventwire.url_evidence_separator": EVIDENCE_SEPARATOR})


def write_parquet(events: Iterable[dict[str, Any]], where: str | Path | IO[bytes], *, row_group: int = ROW_GROUP,
                  batch: int = PARQUET_BATCH) -> int:  # fmt: skip
    """Events as a Parquet file (a path, or a binary stream such as ``sys.stdout.buffer``),
    in row groups of ``row_group`` events; the number written. Rows are turned into Arrow
    columns ``batch`` at a time, so Python holds at most ``batch`` rows and Arrow one row group."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n_flat = len(CSV_COLUMNS)
    date_index = CSV_COLUMNS.index("date")
    batch = max(1, min(batch, row_group))
    n = 0
    with pq.ParquetWriter(str(where) if isinstance(where, Path) else where, schema) as writer:
        columns: list[list[Any]] = [[] for _ in schema.names]
        batches: list[Any] = []  # Arrow record batches of the row group being filled
        in_group = 0
        for e in events:
            values = _flat(e)
            values[date_index] = date.fromisoformat(values[date_index]) if values[date_index] else None
            for i in range(n_flat):
                columns[i].append(values[i])
            columns[n_flat].append(_quantities_json(e))
            n += 1
            if len(columns[0]) >= batch:
                batches.append(_record_batch(pa, columns, schema))
                in_group += len(columns[0])
                columns = [[] for _ in schema.names]
                if in_group >= row_group:
                    writer.write_table(pa.Table.from_batches(batches, schema=schema), row_group_size=row_group)
                    batches, in_group = [], 0
        if columns[0]:
            batches.append(_record_batch(pa, columns, schema))
        if batches or n == 0:
            writer.write_table(pa.Table.from_batches(batches, schema=schema), row_group_size=row_group)
    return n


def _record_batch(pa, columns: list[list[Any]], schema):
    arrays = []
    for values, fld in zip(columns, schema):
        try:
            arrays.append(pa.array(values, type=fld.type))
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # a code stored as a number, say: as text
            if fld.type != pa.string():
                raise
            arrays.append(pa.array([None if v is None else str(v) for v in values], type=fld.type))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def write_events(events: Iterable[dict[str, Any]], fmt: str, out: IO[str] | IO[bytes] | str | Path,
                 spellings: dict[tuple[str, str], str] | None = None, row_group: int = ROW_GROUP,
                 batch: int = PARQUET_BATCH) -> ExportResult:  # fmt: skip
    """Write ``events`` in format ``fmt`` (``EXPORT_FORMATS``) to ``out``: a text stream for the
    text formats, a path or a binary stream for Parquet; a path for a text format is opened
    (UTF-8) and closed. ``spellings``: acled-csv's admin1 spellings (default: those of
    $EVENTWIRE_ACLED_REFERENCE)."""
    check_format(fmt)
    if fmt == "parquet":
        where = out
        if isinstance(out, io.TextIOBase):  # sys.stdout: its bytes
            if not hasattr(out, "buffer"):
                raise EventwireError("Parquet is binary: give a path or a binary stream, not a text stream")
            out.flush()
            where = out.buffer
        return ExportResult(written=write_parquet(events, where, row_group=row_group, batch=batch), format=fmt)  # type: ignore[arg-type]
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return write_events(events, fmt, fh, spellings)
    if fmt == "acled-csv":
        done = write_acled(events, out, spellings)  # type: ignore[arg-type]
        return ExportResult(written=done.written, left_out=done.left_out, format=fmt)
    writer = {"csv": write_csv, "geojson": write_geojson, "jsonl": write_jsonl}[fmt]
    return ExportResult(written=writer(events, out), format=fmt)  # type: ignore[arg-type]


def check_format(fmt: str) -> None:
    if fmt not in EXPORT_FORMATS:
        raise EventwireError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def export_store(source: Store | Session, f: EventFilter, fmt: str, out: IO[str] | IO[bytes] | str | Path, *,
                 limit: int | None = None, page: int = PAGE_SIZE, with_reports: bool | None = None,
                 spellings: dict[tuple[str, str], str] | None = None,
                 progress: Callable[[int], None] | None = None) -> ExportResult:  # fmt: skip
    """Export every event of filter ``f`` (``f.limit``/``f.offset`` ignored; ``limit``: at most
    this many) from a store or session in format ``fmt`` to ``out`` (see ``write_events``),
    streaming. ``with_reports``: put each event's reports in it (default: for acled-csv only,
    which needs them; jsonl lines then carry them too). ``progress``: called with the number
    of events read so far after each page (``count_matching`` gives the total)."""
    check_format(fmt)
    reports = fmt == "acled-csv" if with_reports is None else with_reports
    events = stream_events(source, f, with_reports=reports, page=page, limit=limit, progress=progress)
    try:
        return write_events(events, fmt, out, spellings)
    finally:
        events.close()  # the session, if the stream opened one, even when writing failed


# --------------------------------------------------------------------------- the former interface of store.query


def export_events(events: Iterator[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write events as CSV, ACLED CSV, GeoJSON or JSONL to a text stream (Parquet: ``export_parquet``); the number
    written (acled-csv leaves out the events ACLED does not code)."""
    if fmt not in TEXT_FORMATS:
        raise EventwireError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    return write_events(events, fmt, out).written


def export_parquet(events: Iterator[dict[str, Any]], path: str) -> int:
    """Events as a Parquet file (``write_parquet``); the number written."""
    return write_parquet(events, path)
