"""How sure the coder is of an event: how directly the sentence states it."""

from __future__ import annotations

from ..events import Actor
from ..mentions.triggers import TriggerMatch

CLASSIFIER_KEY = "classifier"  # the trigger key of events only the classifier saw


def confidence(trig: TriggerMatch, source: Actor | None, target: Actor | None, n_triggers: int, fact: str,
               aside: bool = False) -> float:
    """``aside``: the act is told in passing, describing a party of another (``told_in_passing``)."""
    c = 0.5
    if trig.spec.key == CLASSIFIER_KEY:
        c -= 0.2  # no lexicon word backs it: the classifier's reading of the whole sentence
    if trig.noun is None:
        c += 0.15  # a verb states an event more directly than a noun
    if source is not None:
        c += 0.15
    if target is not None:
        c += 0.05
    if n_triggers == 1:
        c += 0.15
    if fact != "asserted":
        c -= 0.05
    if aside:
        c -= 0.3  # what the sentence is about is the other act
    return max(0.05, min(1.0, c))
