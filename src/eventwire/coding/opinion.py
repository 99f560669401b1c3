"""The classifier's second opinion on a sentence's events.

It may re-read the rules' ACLED sub-event type within the same kind of act, raises the
confidence of events it agrees with, and codes an event the lexicon has no word for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Span as SpacySpan

from ..acled import SUB_EVENT_PLOVER
from ..classify import SentenceVerdict
from ..events import Event
from ..mentions.attribution import REPORT_VERBS
from ..mentions.triggers import VIOLENT, TriggerMatch, is_accident, tells_an_accidental_blast
from ..ontology import CAMEO_ROOTS, TriggerSpec, acled_event_type
from .confidence import CLASSIFIER_KEY
from .kind import unarmed_target
from .roles import ARMED_SECTORS


def second_opinion(events: list[Event], verdict: SentenceVerdict, relabel_p: float) -> list[Event]:
    """The classifier's reading of the sentence: its sub-event type on the event it fits, when it
    is sure enough and the rules said otherwise. (Agreement once raised the event's confidence too,
    which decides the event a note is about: on ACLED's dev folds that choice was worse with it, in
    the twelfth build and again in the thirteenth, 0.868 against 0.870.)"""
    events = list(events)
    if verdict.sub_event_p >= relabel_p and verdict.sub_event in SUB_EVENT_PLOVER:
        i = _relabel_target(events, verdict.sub_event)
        if i is not None:
            events[i] = _relabelled(events[i], verdict.sub_event)
    return events


def passage_opinion(events: list[Event], verdict: SentenceVerdict, min_p: float) -> list[Event]:
    """The classifier's reading of a whole paragraph, on the paragraph's main ACLED event
    (its most confident one): the sub-event type when the classifier is sure and the rules
    said otherwise. Unlike a sentence's reading it may cross kinds of act within ACLED's
    kind of disorder and re-read what the rules took from the actors' roles: a paragraph
    shows what one sentence does not (the police who dispersed the march, the grievance a
    protest was about). Arrests, agreements and other strategic developments stay as read:
    ACLED's notes, all events of one kind, teach too little about them to overrule the rules."""
    if verdict.sub_event_p < min_p or verdict.sub_event not in SUB_EVENT_PLOVER or verdict.sub_event in _OPEN_SUB_EVENTS:
        return events
    main = main_event(events)
    if main is None:
        return events
    old = events[main].acled_sub_event_type
    if old == verdict.sub_event or not _DISORDER_GROUPS.get(acled_event_type(old), set()) & \
            _DISORDER_GROUPS.get(acled_event_type(verdict.sub_event), set()):  # fmt: skip
        return events
    if acled_event_type(old) == _REMOTE and acled_event_type(verdict.sub_event) != _REMOTE:
        return events  # the rules saw the weapon ("warplanes bombed", "fired rockets")
    if _read_from_the_target(events[main], verdict.sub_event):
        return events
    if verdict.sub_event == _PEACEFUL and old in _SEEN_IN_THE_ACT:
        # the rules saw the stones thrown or the shop wrecked, or the police's tear gas or
        # batons: no calmer words undo them
        return events
    out = list(events)
    out[main] = _relabelled(events[main], verdict.sub_event)
    return out


def _read_from_the_target(ev: Event, sub_event: str) -> bool:
    """Is this an attack the rules read from its unarmed target ("gunmen shot a reporter"), or a
    clash they read from its armed one ("gunmen shot a police officer"), which the classifier would
    re-read as the other? ACLED tells the two apart by the target, which the words of a sentence
    show the classifier less surely than the actor data shows the rules."""
    if ev.acled_sub_event_type == "Attack" and sub_event == "Armed clash":
        return unarmed_target(ev.target)
    if ev.acled_sub_event_type == "Armed clash" and sub_event == "Attack":
        return ev.target is not None and ev.target.sector in ARMED_SECTORS
    return False


def main_event(events: list[Event]) -> int | None:
    """The index of a paragraph's main ACLED event (its most confident asserted one; the first of
    equals), or None when it has none for the classifier to re-read."""
    coded = [i for i, e in enumerate(events) if e.acled_sub_event_type is not None and e.factuality == "asserted"]
    return max(coded, key=lambda i: (events[i].confidence, -i)) if coded else None


# ACLED's disorder types: demonstrations (protests and riots) and political violence (riots too)
_DISORDER_GROUPS = {
    "Protests": {"demonstrations"},
    "Riots": {"demonstrations", "violence"},
    "Battles": {"violence"},
    "Explosions/Remote violence": {"violence"},
    "Violence against civilians": {"violence"},
}
_OPEN_SUB_EVENTS = frozenset({"Other", "Change to group/activity"})
_PEACEFUL = "Peaceful protest"
# what the rules read from a crowd's own violent act, or a force's act on a crowd
_SEEN_IN_THE_ACT = frozenset({"Violent demonstration", "Mob violence", "Protest with intervention"})
# sub-event types ACLED defines by the actors' roles: force against protesters, protesters turning
# violent, a crowd of ordinary people attacking
_ROLE_DEFINED = frozenset({"Excessive force against protesters", "Protest with intervention", "Violent demonstration",
                           "Mob violence"})  # fmt: skip


def _relabel_target(events: list[Event], sub_event: str) -> int | None:
    """The first of the sentence's events the classifier's sub-event type may replace, if any."""
    if any(e.acled_sub_event_type == sub_event for e in events):
        return None
    etype, _ = SUB_EVENT_PLOVER[sub_event]
    for i, ev in enumerate(events):
        if ev.acled_sub_event_type is None or ev.factuality != "asserted":
            continue  # the classifier learned from events that happened (ACLED codes no others)
        if ev.acled_sub_event_type in _ROLE_DEFINED:
            continue  # read from who did what to whom, which the sentence's words alone do not show
        if ev.acled_event_type == _REMOTE and acled_event_type(sub_event) != _REMOTE:
            continue  # the rules saw the weapon ("with drones", "fired rockets")
        if _read_from_the_target(ev, sub_event):
            continue
        if _family(etype) == _family(ev.type):
            return i  # never across kinds of act: an arrest is not re-read as an attack
    return None


def _relabelled(ev: Event, sub_event: str) -> Event:
    etype, mode = SUB_EVENT_PLOVER[sub_event]
    if sub_event in _OPEN_SUB_EVENTS or etype == ev.type:
        etype, mode = ev.type, ev.mode  # a catch-all class says nothing about the PLOVER type
    return replace(ev, acled_sub_event_type=sub_event, acled_event_type=acled_event_type(sub_event), type=etype,
                   mode=mode, cameo_root=ev.cameo_root if etype == ev.type else CAMEO_ROOTS[etype])  # fmt: skip


_REMOTE = "Explosions/Remote violence"


def _family(etype: str) -> str:
    """Kinds of act within which the classifier may re-read the rules' type: armed violence
    (FIGHT, ASSAULT) changes between its two types; every other type stays as read."""
    return "violence" if etype in VIOLENT else etype


def classifier_trigger(sent: SpacySpan, verdict: SentenceVerdict, taken: Iterable[TriggerMatch] = ()) -> TriggerMatch | None:
    """A trigger on the sentence's main verb for an event only the classifier saw, unless that
    verb already carries one of the rules' events (a word tells one event)."""
    if verdict.sub_event not in SUB_EVENT_PLOVER or verdict.sub_event in _OPEN_SUB_EVENTS:
        return None
    if tells_an_accidental_blast(sent):
        return None  # the harm the classifier reads is the accident's ("days after a gas explosion left one dead")
    root = sent.root
    head = root if root.pos_ == "VERB" else next((t for t in sent if t.pos_ == "VERB" and t.dep_ != "amod"), None)
    if head is not None and head.lemma_.lower() in REPORT_VERBS:
        # "two people died in the blast, state media reported": what was reported is the act
        head = next((c for c in head.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), head)
    if head is None or any(head.i == t.head.i or any(head.i == w.i for w in t.tokens) for t in taken):
        return None
    etype, mode = SUB_EVENT_PLOVER[verdict.sub_event]
    spec = TriggerSpec(key=CLASSIFIER_KEY, type=etype, mode=mode, acled=verdict.sub_event)
    match = TriggerMatch(spec=spec, head=head, tokens=(head,))
    return None if is_accident(match) else match  # the rules' reading of an accident holds for it too
