"""How many: the quantities stated in the trigger's clause."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Token

from ..events import Event, Quantity, Span
from ..mentions.triggers import VIOLENT
from ..mentions.quantities import find_quantities
from .context import TriggerContext


# A sentence with several triggers is scanned once for quantities.
@lru_cache(maxsize=64)
def sentence_quantities(text: str) -> tuple:
    return tuple(find_quantities(text))


# verbs whose subject, an act, brought about what they count: "the clashes left six dead", "the
# ambush claimed the lives of four", "fighting that resulted in 17 deaths"
_BROUGHT_ABOUT = frozenset({"leave", "claim", "cause", "result", "lead"})


def outcome_tokens(head: Token) -> set[int]:
    """Tokens of what an act named by a noun brought about ("the clashes left six dead": "six dead"),
    which its own clause leaves out: the verb it is the subject of, or a relative clause on it."""
    verbs = [head.head] if head.dep_ in ("nsubj", "csubj") and head.head.i != head.i else []
    verbs += [c for c in head.children if c.dep_ == "relcl"]
    out: set[int] = set()
    for verb in verbs:
        if verb.lemma_.lower() in _BROUGHT_ABOUT:
            for child in verb.children:
                if child.dep_ in ("dobj", "prep", "oprd", "attr"):
                    out.update(t.i for t in child.subtree)
    return out


def link_quantities(ctx: TriggerContext) -> tuple[Quantity, ...]:
    sent = ctx.sent
    base, doc = sent.start_char, sent.doc
    named = ctx.head.pos_ in ("NOUN", "PROPN") or ctx.head.tag_ == "VBG"  # an act named, not told by its verb
    clause = ctx.clause | outcome_tokens(ctx.head) if named else ctx.clause
    out = []
    for q in sentence_quantities(ctx.text):
        span = doc.char_span(base + q.start, base + q.end, alignment_mode="expand")
        if span is not None and not any(t.i in clause for t in span):
            continue
        out.append(Quantity(q.value, q.unit, q.qualifier, q.text, Span(base + q.start, base + q.end)))
    return tuple(out)


# the dead a sentence tells by "both", without a number: "Both victims died later." (one told before,
# "The victim died.", is a count of find_quantities)
_TWO_DIED = re.compile(r"\bboth\s+(?:victims|men|women|of\s+them)\s+(?:later\s+|also\s+)?died\b", re.I)
CASUALTY_UNITS = frozenset({"fatalities", "injured"})


def sentence_toll(text: str, base: int) -> tuple[Quantity, ...]:
    """The dead and injured a sentence counts ("Three officers died. ", "The victim died."), with
    offsets from ``base`` (where the sentence starts in the article): read in a sentence that
    tells no act of its own, after an act it is the outcome of."""
    found = [Quantity(q.value, q.unit, q.qualifier, q.text, Span(base + q.start, base + q.end))
             for q in sentence_quantities(text) if q.unit in CASUALTY_UNITS]
    if not any(q.unit == "fatalities" for q in found) and (m := _TWO_DIED.search(text)):
        found.append(Quantity(2.0, "fatalities", "exact", m.group(0), Span(base + m.start(), base + m.end())))
    return tuple(found)


# dead told as more beside those an act counts: "two militants were also killed", "2 other policemen died"
_MORE_DEAD = re.compile(r"\b(?:also|other|another|further)\b", re.I)


def toll_to_add(have: tuple[Quantity, ...], toll: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """The casualty counts of ``toll`` that an act counting ``have`` takes: those of the kinds it
    counts none of, and dead told as more beside its own ("Two militants were also killed": ACLED
    counts every death of an event), each count once."""
    kinds = {q.unit for q in have}
    spans = {q.span for q in have}
    return tuple(q for q in toll if q.unit in CASUALTY_UNITS and q.span not in spans
                 and (q.unit not in kinds or q.unit == "fatalities" and _MORE_DEAD.search(q.text)))


def with_toll_added(act: Event, counts: tuple[Quantity, ...]) -> Event:
    """``act`` with the casualty counts of ``counts`` it takes (``toll_to_add``)."""
    toll = toll_to_add(act.quantities, counts)
    return replace(act, quantities=act.quantities + toll) if toll else act


def toll_told_after(act: Event, text: str, base: int) -> Event:
    """``act`` with the casualties a following sentence that tells no act counts (``toll_to_add``);
    unchanged unless it is a violent act that happened."""
    if act.type not in VIOLENT or act.factuality != "asserted":
        return act
    return with_toll_added(act, sentence_toll(text, base))
