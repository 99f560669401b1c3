"""Build src/eventwire/data/demonyms.tsv: the adjective for each country's people ("Czech", "Zambian").

The actor data (data/actors.csv) names the demonyms the event coder needs; a toponym corpus marks
every demonym as its country, so the geoparser falls back on this table for the rest. countryinfo
1.0.1 (PyPI, MIT) ships one demonym per country (some list two: "Bosnian,Herzegovinian",
"Serbian/Montenegrin"); entries that are a place's name rather than an adjective ("Christmas Island",
"Gibraltar") are left out. Run once after changing the pinned package:

    pip install countryinfo==1.0.1 --no-deps
    python tools/build_demonyms.py
"""

from __future__ import annotations

import ast
import csv
import json
import re
from pathlib import Path

from build_admin1 import package_dir

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/data/demonyms.tsv"


def _value(v):
    return ast.literal_eval(v) if isinstance(v, str) and v[:1] in "[{(" else v


def main() -> None:
    best: dict[str, tuple[int, str]] = {}  # demonym -> (population, country): "American" is the USA's, not the Marianas'
    for path in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        iso = _value(rec.get("ISO")) or {}
        if not iso.get("alpha3") or not rec.get("demonym"):
            continue
        names = {str(n).lower() for n in [rec.get("name"), *(_value(rec.get("altSpellings")) or [])] if n}
        population = int(rec.get("population") or 0)
        for word in re.split(r"[,/]", rec["demonym"]):
            word = word.strip()
            if word and word.lower() not in names and population >= best.get(word, (-1, ""))[0]:
                best[word] = (population, iso["alpha3"])
    rows = sorted((word, country) for word, (_, country) in best.items())
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write("# the demonym of each country (ISO 3166 alpha-3) from countryinfo 1.0.1; built by tools/build_demonyms.py\n")
        w = csv.writer(out, delimiter="\t", lineterminator="\n")
        w.writerow(["demonym", "country"])
        w.writerows(rows)
    print(f"wrote {len(rows)} demonyms to {OUT}")


if __name__ == "__main__":
    main()
