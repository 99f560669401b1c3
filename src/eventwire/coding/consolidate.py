"""Article-level conventions of ACLED, applied after every sentence is coded.

ACLED codes arrests and dispersal at a protest as the protest's intervention, not as
separate events: the protest becomes "Protest with intervention" and the arrests keep
their PLOVER coding (COERCE/arrest) without an ACLED type of their own.
"""

from __future__ import annotations

from dataclasses import replace

from ..events import Event
from ..ontology import acled_event_type

# whom arrests at a protest are of: the protesters, or people the text does not place in an armed group
_PROTEST_CROWD = frozenset({"protesters", "civilians", "party", "media"})


def protest_interventions(events: list[Event]) -> list[Event]:
    """Fold same-day arrests of protesters into that day's protest, as ACLED codes them."""
    protests = [i for i, e in enumerate(events) if e.acled_sub_event_type == "Peaceful protest" and e.factuality == "asserted"]
    if not protests:
        return events
    out = list(events)
    for i, ev in enumerate(events):
        if ev.acled_sub_event_type != "Arrests" or ev.factuality != "asserted":
            continue
        if ev.target is not None and ev.target.sector not in _PROTEST_CROWD:
            continue
        same_day = [p for p in protests if events[p].date.date == ev.date.date]
        if not same_day:
            continue
        for p in same_day:
            out[p] = replace(out[p], acled_sub_event_type="Protest with intervention",
                             acled_event_type=acled_event_type("Protest with intervention"))  # fmt: skip
        out[i] = replace(ev, acled_sub_event_type=None, acled_event_type=None)
    return out
