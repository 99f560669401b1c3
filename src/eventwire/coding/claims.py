"""Claims of responsibility: "Al-Kelmar Front claimed responsibility for the attack" names who
did a violent act told before it, whose doer the report could not name when it told it. ACLED
codes the claimant as the act's actor; so does eventwire, on the latest such act."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..acled import generic_armed
from ..events import Actor, Event
from ..mentions.factuality import negated
from ..mentions.triggers import VIOLENT
from .context import subject_of

_CLAIMING = frozenset({"claim", "accept", "admit"})
_CLAIMED = frozenset({"responsibility", "credit"})
# how far back a claim reaches: the acts of the last few sentences' events, not a story's background
CLAIM_REACH = 6


def claimant(sent: SpacySpan) -> Token | None:
    """Who the sentence says claimed responsibility ("the group claimed responsibility for the
    bombing", "X claimed credit"), or None: nobody does, or nobody did ("no group has claimed
    responsibility", "the group did not claim ...")."""
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _CLAIMING:
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in _CLAIMED for c in tok.children):
            continue
        if negated(tok):
            return None
        who = subject_of(tok)
        return None if who is None or _no_one(who) else who
    return None


def _no_one(who: Token) -> bool:
    return who.lower_ in ("none", "nobody", "no-one") or any(c.dep_ == "det" and c.lower_ == "no" for c in who.children)


def credit_claim(events: list[Event], claimer: Actor) -> list[Event]:
    """The latest violent act among ``events`` (the last ``CLAIM_REACH``) told without a known
    doer becomes the claimant's, and so do the doerless violent acts told just before it, back to
    one with a doer ("a vehicle struck a mine; a soldier was wounded; X claimed it" is one
    attack told twice); nothing else changes."""
    out = list(events)
    credited = False
    for i in range(len(events) - 1, max(0, len(events) - CLAIM_REACH) - 1, -1):
        ev = events[i]
        if ev.type not in VIOLENT or ev.factuality != "asserted":
            continue
        if not _unknown_doer(ev.source, claimer):
            if credited:
                break
            continue
        out[i] = replace(ev, source=claimer)
        credited = True
    return out


def _unknown_doer(actor: Actor | None, claimer: Actor) -> bool:
    """Is the doer not known by name: no one told, someone the data does not know, or, when a group
    the data knows claims the act, armed men told only by a generic word ("Militants attacked a post.
    The Tarvo Front claimed it.": the militants were the Front's)?"""
    if actor is None or actor.sector == "unknown":
        return True
    return actor.sector == "rebels" and generic_armed(actor) and claimer.sector == "rebels" and not generic_armed(claimer)
