"""Output formats for event records: json, jsonl, csv and a terminal table (long cells wrap
within their column rather than being cut)."""

from __future__ import annotations

import csv
import json
import shutil
import textwrap
from collections.abc import Iterable
from typing import IO, Any

from .events import Event

FORMATS = ("json", "jsonl", "csv", "table")

CSV_COLUMNS = [
    "article_id", "type", "mode", "context", "cameo_root", "acled_event_type", "acled_sub_event_type",
    "source_text", "source_canonical", "source_country", "source_sector",
    "target_text", "target_canonical", "target_country", "target_sector",
    "place_text", "place_name", "place_country", "place_admin1", "place_latitude", "place_longitude", "place_geonameid",
    "place_geo_precision", "date", "date_precision", "date_text",
    "quantities", "attribution_source", "outlet", "factuality", "confidence", "trigger", "sentence",
]  # fmt: skip


def flat_record(event: Event) -> dict[str, Any]:
    """One row per event, for CSV and tables."""
    d = event.to_dict()
    row: dict[str, Any] = {
        "article_id": d["evidence"]["article_id"],
        "sentence": d["evidence"]["sentence"],
        "context": ";".join(d["context"]),
        "attribution_source": d["attribution"]["source"],
        "outlet": d["attribution"]["outlet"],
        "quantities": "; ".join(
            f"{q['value']} {q['unit']}" + ("" if q["qualifier"] == "exact" else f" ({q['qualifier']})")
            for q in d["quantities"]
        ),
    }
    for role in ("source", "target"):
        actor = d[role] or {}
        for key in ("text", "canonical", "country", "sector"):
            row[f"{role}_{key}"] = actor.get(key)
    place = d["place"] or {}
    for key in ("text", "name", "country", "admin1", "latitude", "longitude", "geonameid", "geo_precision"):
        row[f"place_{key}"] = place.get(key)
    for key in ("type", "mode", "cameo_root", "acled_event_type", "acled_sub_event_type", "date",
                "date_precision", "date_text", "factuality", "confidence", "trigger"):  # fmt: skip
        row[key] = d[key]
    return row


class EventWriter:
    """Streams events to ``out`` in one format; ``close()`` finishes the JSON array."""

    def __init__(self, out: IO[str], fmt: str):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        self.out = out
        self.fmt = fmt
        self.count = 0
        self._csv = None
        self._rows: list[dict[str, Any]] = []
        if fmt == "json":
            out.write("[")
        elif fmt == "csv":
            self._csv = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
            self._csv.writeheader()

    def write(self, events: Iterable[Event]) -> None:
        for ev in events:
            if self.fmt == "json":
                self.out.write(("\n" if self.count == 0 else ",\n") + json.dumps(ev.to_dict(), ensure_ascii=False))
            elif self.fmt == "jsonl":
                self.out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                self._csv.writerow(flat_record(ev))
            else:
                self._rows.append(flat_record(ev))
            self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "]\n")
        elif self.fmt == "table":
            self.out.write(render_table(self._rows))
        self.out.flush()


def render_table(rows: list[dict[str, Any]], width: int | None = None) -> str:
    """A plain-text table sized to the terminal: type, who, whom, where, when, how many, said by."""
    width = width or shutil.get_terminal_size((160, 40)).columns
    cols = [
        ("type", lambda r: f"{r['type']}" + (f"/{r['mode']}" if r["mode"] else ""), 20),
        ("source", lambda r: _actor_cell(r, "source"), 24),
        ("target", lambda r: _actor_cell(r, "target"), 24),
        ("place", lambda r: r["place_name"] or "", 14),
        ("date", lambda r: f"{r['date']}~{r['date_precision'][0]}" if r["date"] else "undated", 13),
        ("quantities", lambda r: r["quantities"], 22),
        ("said by", lambda r: r["attribution_source"] or "", 18),
        ("fact", lambda r: "" if r["factuality"] == "asserted" else r["factuality"], 12),
    ]
    total = sum(w for _, _, w in cols) + 2 * (len(cols) - 1)
    if total > width:  # drop columns from the right on narrow terminals
        while cols and total > width:
            total -= cols.pop()[2] + 2
    widths = [w for _, _, w in cols]
    lines = _table_lines([name for name, _, _ in cols], [[str(get(r)) for _, get, _ in cols] for r in rows], widths)
    lines.append(f"{len(rows)} event{'s' if len(rows) != 1 else ''}")
    return "\n".join(lines) + "\n"


def render_rows(rows: list[dict[str, Any]], columns: list[str], max_width: int = 24) -> str:
    """A plain-text table of any records: one column per key, each as wide as its content (capped)."""
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [min(max_width, max([len(c)] + [len(row[i]) for row in cells])) for i, c in enumerate(columns)]
    lines = _table_lines(columns, cells, widths)
    lines.append(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
    return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def _actor_cell(row: dict[str, Any], role: str) -> str:
    if not row.get(f"{role}_text"):
        return ""
    country = row.get(f"{role}_country") or "?"
    return f"{row[f'{role}_canonical']} [{country}/{row[f'{role}_sector']}]"


def _table_lines(header: list[str], rows: list[list[str]], widths: list[int]) -> list[str]:
    """A header, a rule and the rows, each cell wrapped within its column's width (nothing is
    cut); when a row takes several lines, a blank line separates the rows."""
    wrapped = [[_wrap(cell, w) for cell, w in zip(row, widths)] for row in rows]
    spaced = any(len(cell) > 1 for row in wrapped for cell in row)
    lines = [_line(header, widths), "  ".join("-" * w for w in widths)]
    for i, row in enumerate(wrapped):
        if spaced and i:
            lines.append("")
        for k in range(max((len(cell) for cell in row), default=1)):
            lines.append(_line([cell[k] if k < len(cell) else "" for cell in row], widths))
    return lines


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell.ljust(w) for cell, w in zip(cells, widths)).rstrip()


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters: at spaces where it can, inside a word
    only where a word is longer than the column."""
    return textwrap.wrap(text, width, break_on_hyphens=False) or [""]
