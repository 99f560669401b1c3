"""Article-level conventions of ACLED, applied after every sentence is coded.

ACLED codes arrests and dispersal at a protest as the protest's intervention, not as
separate events: the protest becomes "Protest with intervention" and the arrests keep
their PLOVER coding (COERCE/arrest) without an ACLED type of their own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

from ..events import Event
from ..ontology import acled_event_type

# whom arrests at a protest are of: the protesters, or people the text does not place in an armed group
_PROTEST_CROWD = frozenset({"protesters", "civilians", "party", "media"})


def protest_interventions(events: list[Event]) -> list[Event]:
    """Fold same-day arrests of protesters into that day's protest, as ACLED codes them."""
    # the protests by day: each arrest looks its day up (scanning every protest for each arrest
    # is quadratic over a long article)
    protests_on: dict[date, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        if e.acled_sub_event_type == "Peaceful protest" and e.factuality == "asserted":
            protests_on[e.date.date].append(i)
    if not protests_on:
        return events
    out = list(events)
    intervened: set[date] = set()
    for i, ev in enumerate(events):
        if ev.acled_sub_event_type != "Arrests" or ev.factuality != "asserted":
            continue
        if ev.target is not None and ev.target.sector not in _PROTEST_CROWD:
            continue
        if ev.date.date not in protests_on:
            continue
        intervened.add(ev.date.date)
        out[i] = replace(ev, acled_sub_event_type=None, acled_event_type=None)
    for day in intervened:
        for p in protests_on[day]:
            out[p] = replace(out[p], acled_sub_event_type="Protest with intervention",
                             acled_event_type=acled_event_type("Protest with intervention"))  # fmt: skip
    return out
