"""Deduplication and corroboration: which reports tell the same real-world event,
and how many independent sources stand behind it.

Two reports are the same event when they have the same type and the same
factuality class (a denial does not merge with the attack it denies), dates
compatible within their precisions, places within a distance that depends on
their precisions, and actors that do not contradict each other (two known,
different countries or sectors do).

Which reports are one event depends on the reports alone, never on the order
they arrived in (nor on an event's summary, which does). Two reports are
*linked* when they come from different articles, are the same event (above),
and each is the other's closest match in the other's article: an article tells
an event once, so a report links to at most one report of any other article,
and two reports of one article are never linked directly (on real articles such
pairs are nearly always two events: "in another attack...", "a third
incident..."). Events are then formed around *pivots*, in one fixed order of
all reports (``pivot_order``: the most precise date, then place, then the most
confident first): a report is a pivot when no report linked to it and earlier
in that order is a pivot; every other report joins the earliest pivot linked
to it. Every report of an event is linked to its pivot, so reports do not chain
into one event through a string of look-alikes (A~B, B~C, C~D...) as they
would if events were the connected components of the links: on a dense stream
of distinct real events (ACLED's notes) components grew to hundreds of reports.

Independent sources: a report rests on the source it cites ("SANA reported"),
or on its outlet when it cites none. Two outlets that both cite SANA are one
source; the Syrian Observatory, SOHR and "the Observatory" are one source too
(through the actor data's canonical names).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any

from ..geo.distance import haversine_km

# two dates to the day must be the same day: consecutive days' protests or shelling in one
# province are different events (ACLED codes one a day), and of the gold clusters' reports
# of one event that match otherwise, none are a day apart
DATE_WINDOW_DAYS = {"day": 0, "week": 7, "month": 31, "year": 366}
PLACE_RADIUS_KM = {"exact": 25.0, "near": 50.0, "admin2": 100.0, "admin1": 250.0}
PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}
GEO_ORDER = {"exact": 0, "near": 1, "admin2": 2, "admin1": 3, "country": 4, None: 5}


def source_key(record: dict[str, Any], outlet: str | None, article_id: str) -> str:
    """Who a report ultimately rests on, normalised: the cited source, else the outlet."""
    cited = (record.get("attribution") or {}).get("source")
    name = cited or outlet or f"article:{article_id}"
    from ..mentions.actors import default_actor_index  # (spaCy's types: imported when an actor is first read)

    entry = default_actor_index().get(name)
    if entry is not None and entry.kind in ("org", "person"):
        name = entry.canonical
    key = " ".join(name.lower().split())
    return key[4:] if key.startswith("the ") else key


def factuality_class(factuality: str) -> str:
    return "asserted" if factuality == "asserted" else "not-asserted:" + factuality


def dates_compatible(d1: date | None, p1: str | None, d2: date | None, p2: str | None) -> bool:
    """Within the larger of the two precisions' windows. A report with no date (an undated
    article's) is compatible with none: nothing would show it tells the same day."""
    if d1 is None or d2 is None:
        return False
    window = max(DATE_WINDOW_DAYS.get(p1, 7), DATE_WINDOW_DAYS.get(p2, 7))
    return abs((d1 - d2).days) <= window


def record_day(record: dict[str, Any]) -> date | None:
    """The date of a record (a report's, an event's summary or dictionary): None when it has none."""
    return date.fromisoformat(record["date"]) if record.get("date") else None


def places_compatible(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Within the larger of the two precisions' radii; country-level places need the same country."""
    if not a or not b:
        return True  # no place on one side: nothing contradicts
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False
    pa, pb = a.get("geo_precision"), b.get("geo_precision")
    if pa == "country" or pb == "country" or a.get("latitude") is None or b.get("latitude") is None:
        return True
    radius = max(PLACE_RADIUS_KM.get(pa, 50.0), PLACE_RADIUS_KM.get(pb, 50.0))
    return haversine_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"]) <= radius


def actors_compatible(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    if not a or not b:
        return True
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False
    sa, sb = a.get("sector"), b.get("sector")
    return sa == sb or "unknown" in (sa, sb) or None in (sa, sb)


def same_event(r: dict[str, Any], e: dict[str, Any]) -> bool:
    """Can report records ``r`` and ``e`` tell the same event? (Symmetric.)"""
    if r["type"] != e["type"] or factuality_class(r["factuality"]) != factuality_class(e["factuality"]):
        return False
    # ACLED keeps an armed clash and the airstrike supporting it apart: so do we
    ra, ea = r.get("acled_sub_event_type"), e.get("acled_sub_event_type")
    if ra and ea and ra != ea:
        return False
    if not dates_compatible(record_day(r), r["date_precision"], record_day(e), e["date_precision"]):
        return False
    if not places_compatible(r.get("place"), e.get("place")):
        return False
    # actors may be told either way round ("A clashed with B" / "B clashed with A")
    straight = actors_compatible(r.get("source"), e.get("source")) and actors_compatible(r.get("target"), e.get("target"))
    crossed = actors_compatible(r.get("source"), e.get("target")) and actors_compatible(r.get("target"), e.get("source"))
    if not (straight or (crossed and r["type"] in ("FIGHT", "AGREE", "CONSULT", "COOPERATE"))):
        return False
    # Not contradicting is not enough: something must positively agree, a precise place
    # or a known actor, or two vague reports of a month in a country would merge.
    return _places_agree(r.get("place"), e.get("place")) or _an_actor_agrees(r, e)


def _places_agree(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    if not a or not b or a.get("latitude") is None or b.get("latitude") is None:
        return False
    if {a.get("geo_precision"), b.get("geo_precision")} & {"country", None}:
        return False
    return places_compatible(a, b)


def _an_actor_agrees(r: dict[str, Any], e: dict[str, Any]) -> bool:
    for x in (r.get("source"), r.get("target")):
        for y in (e.get("source"), e.get("target")):
            if x and y and x.get("country") and x.get("country") == y.get("country") and x.get("sector") == y.get("sector"):
                return True
    return False


def closeness(r: dict[str, Any], e: dict[str, Any]) -> tuple:
    """Rank a report's matches: more actor agreement, nearer date, nearer place (symmetric)."""
    days = abs((date.fromisoformat(r["date"]) - date.fromisoformat(e["date"])).days)
    rp, ep = r.get("place") or {}, e.get("place") or {}
    km = (
        haversine_km(rp["latitude"], rp["longitude"], ep["latitude"], ep["longitude"])
        if rp.get("latitude") is not None and ep.get("latitude") is not None
        else 500.0
    )
    agree = sum(
        bool(r.get(role)) and bool(e.get(role)) and (r[role] or {}).get("country") == (e[role] or {}).get("country")
        for role in ("source", "target")
    )
    return (-agree, days, km)


def report_order(record: dict[str, Any]) -> tuple[int, int]:
    """Where a report lies in its article: the tie-break between equally close matches."""
    ev = record["evidence"]
    return ev["sentence_start"], ev["spans"]["trigger"]["start"]


def pivot_order(record: dict[str, Any], article_id: str) -> tuple:
    """A report's place in the one order in which reports become pivots: the most precise
    date, then place, then the most confident first; ties by article and position."""
    place = record.get("place") or {}
    return (PRECISION_ORDER.get(record["date_precision"], 9), GEO_ORDER.get(place.get("geo_precision"), 5),
            -record.get("confidence", 0), article_id, *report_order(record), record["type"])  # fmt: skip


def closest_match(r: dict[str, Any], records: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Of one article's report records, the one telling the same event as ``r`` most
    closely (nearest first, then earliest in the article), or None."""
    return min((x for x in records if same_event(r, x)), key=lambda x: (closeness(r, x), report_order(x)), default=None)


def date_window(d: date) -> tuple[date, date]:
    """The window in which matches for a report of date ``d`` are looked for, by their
    events' dates: the widest of the precisions' windows. (A vague report can lie further
    than that from its event's date, its most precise report's, so a vague match of a vague
    report can be missed there; widening this costs every report that finds few matches a
    longer scan.)"""
    span = timedelta(days=max(DATE_WINDOW_DAYS.values()))
    return d - span, d + span


def summarise(records: list[dict[str, Any]], outlets: list[str | None], source_keys: list[str],
              article_ids: list[str]) -> dict[str, Any]:  # fmt: skip
    """An event's summary from its reports: the most precise date and place, the most
    frequent actors, counts of reports, articles, outlets and independent sources, and
    every reported quantity with who reported it (conflicts stay visible)."""
    best = max(records, key=lambda r: r.get("confidence", 0))
    by_date = min(records, key=lambda r: (PRECISION_ORDER.get(r["date_precision"], 9), -r.get("confidence", 0)))
    with_place = [r for r in records if r.get("place")]
    by_place = min(with_place, key=lambda r: GEO_ORDER.get(r["place"].get("geo_precision"), 5)) if with_place else None
    quantities: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r, outlet, key in zip(records, outlets, source_keys):
        for q in r.get("quantities") or ():
            quantities[q["unit"]].append({"value": q["value"], "qualifier": q["qualifier"], "outlet": outlet, "source": key})
    summary_q = {
        unit: {"reports": items, "median": statistics.median(i["value"] for i in items),
               "min": min(i["value"] for i in items), "max": max(i["value"] for i in items),
               "conflicting": len({i["value"] for i in items}) > 1}
        for unit, items in quantities.items()
    }  # fmt: skip
    fatalities = summary_q.get("fatalities")
    return {
        "type": best["type"], "mode": best.get("mode"), "cameo_root": best.get("cameo_root"),
        "acled_event_type": best.get("acled_event_type"), "acled_sub_event_type": best.get("acled_sub_event_type"),
        "factuality": best["factuality"], "date": by_date["date"], "date_precision": by_date["date_precision"],
        "source": _most_common_actor(records, "source"), "target": _most_common_actor(records, "target"),
        "place": by_place["place"] if by_place else None,
        "n_reports": len(records), "n_articles": len(set(article_ids)),
        "n_outlets": len({o for o in outlets if o}), "n_sources": len(set(source_keys)),
        # ACLED's habit: the most conservative of conflicting fatality counts
        "fatalities": int(fatalities["min"]) if fatalities else None,
        "quantities": summary_q,
    }  # fmt: skip


def _most_common_actor(records: list[dict[str, Any]], role: str) -> dict[str, Any] | None:
    actors = [r[role] for r in records if r.get(role)]
    if not actors:
        return None
    counts = Counter((a.get("canonical"), a.get("country"), a.get("sector")) for a in actors)
    (canonical, country, sector), _ = counts.most_common(1)[0]
    return {"canonical": canonical, "country": country, "sector": sector}
