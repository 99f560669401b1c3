"""The data files bundled in the package (``src/eventwire/data``), read by every layer that needs
one: the place list's builds, the mentions' division codes, the exports' division names."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from importlib import resources


def bundled_rows(name: str) -> Iterator[list[str]]:
    """The rows of a bundled ``data/`` TSV file, without its comment lines and its header."""
    data = resources.files("eventwire").joinpath(f"data/{name}").read_text(encoding="utf-8")
    rows = csv.reader((line for line in io.StringIO(data) if not line.startswith("#")), delimiter="\t")
    next(rows)
    return rows
