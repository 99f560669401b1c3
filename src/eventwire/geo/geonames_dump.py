"""Import real GeoNames dumps (https://download.geonames.org/export/dump/) into a gazetteer file.

Files are recognised by their published names:

- the main table: ``allCountries.zip``, a country file such as ``SY.zip``, or the
  ``citiesNNN`` extracts, zipped or as ``.txt`` (19 tab-separated columns);
- ``admin1CodesASCII.txt`` ("SY.01", name, asciiname, geonameid) and
  ``admin2Codes.txt`` ("SY.01.SY0103", name, asciiname, geonameid);
- ``alternateNamesV2.txt``/``.zip`` (10 columns) or the older ``alternateNames.txt``/``.zip``
  (8 columns): more spellings of places already in the gazetteer.

Everything is streamed: a zip's ``.txt`` member is read through ``io.TextIOWrapper``
(never extracted nor loaded whole), rows go through ``GazetteerWriter`` in batches
and the transaction is committed every ``COMMIT_EVERY`` rows, so importing the
12-million-row ``allCountries.zip`` holds one batch in memory at a time.

Importing is idempotent: places are keyed by geonameid and names by (spelling, geonameid),
so importing the same files twice adds nothing.
"""

from __future__ import annotations

import io
import re
import sqlite3
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import EventwireError
from .gazetteer import DEFAULT_SOURCE, GazetteerPlace, GazetteerWriter, _write_meta, connect, iso3_by_iso2

COMMIT_EVERY = 100_000
PROGRESS_EVERY = 100_000

# alternateNames "isolanguage" values that are not names of the place
NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc"})

MAIN, ADMIN1, ADMIN2, ALTERNATE, ALTERNATE_V1 = "main", "admin1", "admin2", "alternate", "alternate_v1"
COLUMNS = {MAIN: 19, ADMIN1: 4, ADMIN2: 4, ALTERNATE: 10, ALTERNATE_V1: 8}
FORMAT = {
    MAIN: "the GeoNames main table (geonameid, name, asciiname, alternatenames, latitude, longitude, "
    "feature class, feature code, country code, cc2, admin1..admin4, population, elevation, dem, "
    "timezone, modification date)",
    ADMIN1: "admin1CodesASCII (code 'CC.A1', name, asciiname, geonameid)",
    ADMIN2: "admin2Codes (code 'CC.A1.A2', name, asciiname, geonameid)",
    ALTERNATE: "alternateNamesV2 (alternateNameId, geonameid, isolanguage, alternate name, isPreferredName, "
    "isShortName, isColloquial, isHistoric, from, to)",
    ALTERNATE_V1: "alternateNames (alternateNameId, geonameid, isolanguage, alternate name, isPreferredName, "
    "isShortName, isColloquial, isHistoric)",
}
# import order: places first, so alternate names find the geonameids they refer to
ORDER = {MAIN: 0, ADMIN1: 1, ADMIN2: 1, ALTERNATE: 2, ALTERNATE_V1: 2}

_MAIN_NAME = re.compile(r"^(?:allcountries|cities\d+|[a-z]{2})$", re.I)


def file_kind(path: str | Path) -> str:
    """What a GeoNames file holds, from its name: main | admin1 | admin2 | alternate | alternate_v1."""
    name = Path(path).name
    stem = re.sub(r"\.(?:zip|txt)$", "", name, flags=re.I)
    low = stem.lower()
    if low == "admin1codesascii" or low == "admin1codes":
        return ADMIN1
    if low == "admin2codes":
        return ADMIN2
    if low.startswith("alternatenamesv2"):
        return ALTERNATE
    if low.startswith("alternatenames"):
        return ALTERNATE_V1
    if _MAIN_NAME.match(stem):
        return MAIN
    raise EventwireError(
        f"{path}: not a GeoNames dump file eventwire knows by name; expected allCountries.zip, a country "
        f"file such as SY.zip, cities500.zip, admin1CodesASCII.txt, admin2Codes.txt or alternateNamesV2.zip "
        f"(or their .txt)"
    )


def import_geonames(
    db_path: str | Path,
    files: Iterable[str | Path],
    *,
    progress: Callable[[int], None] | None = None,
    languages: Iterable[str] | None = None,
) -> dict[str, int | float]:
    """Import GeoNames dump files into the gazetteer at ``db_path`` (created if missing, added to otherwise).

    ``languages`` restricts alternate names (from alternateNames files) to those ISO
    language codes; include ``""`` to keep names without a language. Main-table names
    and their ``alternatenames`` column are always imported. ``progress(rows_done)``
    is called every 100,000 rows. Returns counts of what was imported and the time it took.
    """
    started = time.perf_counter()
    paths = [Path(f) for f in files]
    for p in paths:
        if not p.is_file():
            raise EventwireError(f"{p}: no such file")
    kinds = [(ORDER[file_kind(p)], i, file_kind(p), p) for i, p in enumerate(paths)]
    kinds.sort()
    langs = None if languages is None else frozenset(languages)

    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    con = connect(db_path)
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA cache_size=-65536")  # 64 MiB of page cache, whatever the size of the import
    summary: dict[str, int | float] = {
        "places": 0, "names": 0, "admin1": 0, "admin2": 0, "alternate_names": 0,
        "skipped_not_names": 0, "skipped_unknown_place": 0, "unknown_country": 0, "rows": 0,
    }  # fmt: skip
    names_before = con.execute("SELECT count(*) FROM names").fetchone()[0]
    iso3 = iso3_by_iso2()
    counter = _RowCounter(con, progress)
    try:
        for _, _, kind, path in kinds:
            writer = GazetteerWriter(con, f"geonames:{path.name}")
            counter.writer = writer
            rows = _rows(path, kind)
            if kind == MAIN:
                _import_main(rows, writer, iso3, summary, counter)
            elif kind in (ADMIN1, ADMIN2):
                _import_admin(rows, kind, writer, iso3, summary, counter)
            else:
                _import_alternate(rows, writer, con, langs, summary, counter)
            writer.flush()
            con.commit()
        if any(kind == MAIN for _, _, kind, _ in kinds):
            summary["replaced_synthetic_admin1"] = _replace_synthetic_admin1(con)
            con.commit()
        summary["names"] = con.execute("SELECT count(*) FROM names").fetchone()[0] - names_before
        _write_meta(con, _combined_source(con, paths), started)
        con.commit()
        con.execute("PRAGMA journal_mode=DELETE")  # one self-contained file again (checkpoints the WAL)
    except BaseException:
        con.rollback()
        raise
    finally:
        con.close()
    summary["rows"] = counter.rows
    summary["seconds"] = round(time.perf_counter() - started, 2)
    return summary


# --------------------------------------------------------------------------- reading


def _rows(path: Path, kind: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of every data line, checking the number of columns."""
    expected = COLUMNS[kind]
    with _open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != expected:
                hint = ""
                if kind == MAIN and len(fields) in (COLUMNS[ALTERNATE], COLUMNS[ALTERNATE_V1]):
                    hint = (" (this looks like an alternate-names file: GeoNames' per-country alternate names "
                            "are also called XX.zip; rename it alternateNames_XX.zip)")  # fmt: skip
                raise EventwireError(
                    f"{path}:{lineno}: expected {expected} tab-separated columns of {FORMAT[kind]}, "
                    f"found {len(fields)}{hint}"
                )
            yield lineno, fields


@contextmanager
def _open_text(path: Path) -> Iterator[io.TextIOBase]:
    """The text of a dump, streamed: a .txt file, or the data member of a .zip."""
    if path.suffix.lower() != ".zip":
        with open(path, encoding="utf-8", newline="\n") as fh:
            yield fh
        return
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as e:
        raise EventwireError(f"{path}: not a readable zip file ({e})") from None
    with zf:
        member = _data_member(path, zf)
        with zf.open(member) as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as fh:
            yield fh


def _data_member(path: Path, zf: zipfile.ZipFile) -> str:
    """The data file in a GeoNames zip: SY.zip holds SY.txt and readme.txt; alternateNamesV2.zip
    holds alternateNamesV2.txt and iso-languagecodes.txt."""
    names = [n for n in zf.namelist() if not n.endswith("/")]
    wanted = f"{path.stem}.txt".lower()
    for n in names:
        if n.rsplit("/", 1)[-1].lower() == wanted:
            return n
    data = [n for n in names if n.lower().endswith(".txt")
            and n.rsplit("/", 1)[-1].lower() not in ("readme.txt", "iso-languagecodes.txt")]  # fmt: skip
    if len(data) == 1:
        return data[0]
    raise EventwireError(f"{path}: expected a member named {path.stem}.txt in the zip, found {', '.join(names) or 'none'}")


class _RowCounter:
    """Counts rows across files; commits and reports progress every so many rows."""

    def __init__(self, con: sqlite3.Connection, progress: Callable[[int], None] | None):
        self.con = con
        self.progress = progress
        self.rows = 0
        self.writer: GazetteerWriter | None = None

    def tick(self) -> None:
        self.rows += 1
        if self.rows % COMMIT_EVERY == 0 and self.writer is not None:
            self.writer.flush()
            self.con.commit()
        if self.progress is not None and self.rows % PROGRESS_EVERY == 0:
            self.progress(self.rows)


def _where(path_line: str, what: str) -> EventwireError:
    return EventwireError(f"{path_line}: {what}")


# --------------------------------------------------------------------------- the three kinds of file


def _import_main(rows, writer: GazetteerWriter, iso3: dict[str, str], summary: dict, counter: _RowCounter) -> None:
    path = writer.source.removeprefix("geonames:")
    for lineno, f in rows:
        try:
            gid = int(f[0])
            lat, lon = float(f[4]), float(f[5])
        except ValueError:
            raise _where(f"{path}:{lineno}", "geonameid must be an integer and latitude, longitude numbers") from None
        try:
            pop = int(f[14]) if f[14] else 0
        except ValueError:
            pop = 0  # a handful of real rows carry odd populations; they do not matter for lookup
        cc = f[8].strip().upper()
        country = iso3.get(cc) if cc else None
        if cc and country is None:
            summary["unknown_country"] += 1
        name = f[1].strip()
        alternates = [f[2].strip()] if f[2].strip() and f[2].strip() != name else []
        if f[3]:
            alternates.extend(a.strip() for a in f[3].split(",") if a.strip())
        writer.add_place(
            GazetteerPlace(gid, name or f[2].strip(), lat, lon, country, f[10].strip() or None, f[11].strip() or None,
                           f"{f[6].strip()}.{f[7].strip()}", pop),
            alternates,
        )  # fmt: skip
        summary["places"] += 1
        counter.tick()


def _import_admin(rows, kind: str, writer: GazetteerWriter, iso3: dict[str, str], summary: dict, counter) -> None:
    path = writer.source.removeprefix("geonames:")
    parts_wanted = 2 if kind == ADMIN1 else 3
    for lineno, f in rows:
        parts = f[0].strip().split(".", parts_wanted - 1)
        if len(parts) != parts_wanted or not all(parts):
            example = "SY.01" if kind == ADMIN1 else "SY.01.SY0103"
            raise _where(f"{path}:{lineno}", f"expected a code like {example!r} in the first column, found {f[0]!r}")
        country = iso3.get(parts[0].upper())
        name = f[1].strip() or f[2].strip()
        if country is None or not name:
            summary["unknown_country"] += country is None
            counter.tick()
            continue
        if kind == ADMIN1:
            writer.add_admin1(country, parts[1], name)
        else:
            writer.add_admin2(country, parts[1], parts[2], name)
        summary[kind] += 1
        counter.tick()


def _import_alternate(rows, writer: GazetteerWriter, con: sqlite3.Connection, langs, summary: dict, counter) -> None:
    path = writer.source.removeprefix("geonames:")
    pending: list[tuple[int, str]] = []

    def apply() -> None:
        known: set[int] = set()
        ids = sorted({gid for gid, _ in pending})
        for i in range(0, len(ids), 900):
            chunk = ids[i : i + 900]
            marks = ",".join("?" * len(chunk))
            known.update(r[0] for r in con.execute(f"SELECT geonameid FROM places WHERE geonameid IN ({marks})", chunk))
        for gid, name in pending:
            if gid in known:
                writer.add_names(gid, (name,))
                summary["alternate_names"] += 1
            else:
                summary["skipped_unknown_place"] += 1
        pending.clear()

    for lineno, f in rows:
        counter.tick()
        lang = f[2].strip()
        if lang in NOT_NAMES:
            summary["skipped_not_names"] += 1
            continue
        if langs is not None and lang not in langs:
            continue
        name = f[3].strip()
        if not name:
            continue
        try:
            gid = int(f[1])
        except ValueError:
            raise _where(f"{path}:{lineno}", f"geonameid must be an integer, found {f[1]!r}") from None
        pending.append((gid, name))
        if len(pending) >= 10_000:
            apply()
    apply()


def _replace_synthetic_admin1(con: sqlite3.Connection) -> int:
    """Drop the default gazetteer's stand-in ADM1 points for divisions the dump has a real ADM1 place for.

    ``build_default`` gives each first-level division a synthetic place (negative id,
    population-weighted centre). Once a dump brings the real ADM1 feature, "Hasakah"
    would find the province twice; the stand-in's spellings ("Hasaka", "Hasakah
    Governorate") move to the real place and the stand-in goes. Returns how many went.
    """
    synthetic = con.execute(
        "SELECT geonameid, country, admin1_code FROM places WHERE geonameid < 0 AND feature_code = 'ADM1' AND source = ?",
        (DEFAULT_SOURCE,),
    ).fetchall()
    if not synthetic:
        return 0
    real = {(c, a): gid for c, a, gid in con.execute(
        "SELECT country, admin1_code, min(geonameid) FROM places WHERE feature_code = 'ADM1' AND geonameid > 0 "
        "GROUP BY country, admin1_code")}  # fmt: skip
    replace = {gid: real[(c, a)] for gid, c, a in synthetic if (c, a) in real}
    if not replace:
        return 0
    # names are keyed by (key, geonameid): one scan finds the stand-ins' spellings
    spellings = [(k, gid) for k, gid in con.execute("SELECT key, geonameid FROM names WHERE geonameid < 0") if gid in replace]
    con.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", [(k, replace[gid]) for k, gid in spellings])
    con.executemany("DELETE FROM names WHERE key = ? AND geonameid = ?", spellings)
    con.executemany("DELETE FROM places WHERE geonameid = ?", [(gid,) for gid in replace])
    return len(replace)


def _combined_source(con: sqlite3.Connection, paths: list[Path]) -> str:
    row = con.execute("SELECT value FROM meta WHERE key = 'source'").fetchone()
    new = "geonames:" + ",".join(p.name for p in paths)
    if row and row[0] and new not in row[0]:
        return f"{row[0]} + {new}"
    return row[0] if row and row[0] else new
