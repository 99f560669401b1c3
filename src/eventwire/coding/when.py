"""When it happened: the time expression nearest the trigger, preferably in its clause."""

from __future__ import annotations

from functools import lru_cache

from ..events import EventDate, Span
from ..mentions.times import find_time_mentions, resolve
from .context import TriggerContext


# A sentence with several triggers is scanned once for times.
@lru_cache(maxsize=64)
def sentence_times(text: str) -> tuple:
    return tuple(find_time_mentions(text))


def link_date(ctx: TriggerContext, future: bool, carried: EventDate | None = None) -> EventDate:
    """The resolved date of the trigger's time expression. A sentence with none takes the day
    named earlier in its paragraph (``carried``), else the publication date at week precision.
    In an article with no publication date, what cannot be resolved without one has no date:
    the expression is kept as evidence, and nothing is read against the day of coding."""
    sent, trig = ctx.sent, ctx.trig
    mentions = sentence_times(ctx.text)
    base = sent.start_char
    if mentions:
        doc = sent.doc

        def score(tm) -> tuple:
            span = doc.char_span(base + tm.start, base + tm.end, alignment_mode="expand")
            inside = span is not None and any(t.i in ctx.clause for t in span)
            # a time told of another act within the clause is that act's, when the sentence has
            # another ("On Wednesday, ... accused the government of ignoring a deal signed in March")
            nested = inside and _of_a_nested_act(span.root, trig.head)
            # a date in brackets qualifies another ("Around 30 April (between 27 April and 4 May)")
            return (inside and not nested, not nested, inside, not _bracketed(ctx.text, tm.start),
                    -abs(base + tm.start - trig.start))

        best = max(mentions, key=score)
        resolved = resolve(best.text, ctx.published, future=future)
        span = Span(base + best.start, base + best.end)
        if resolved is not None:
            return EventDate(resolved.date, resolved.precision, best.text, span)
        if ctx.published is None:
            return EventDate(None, None, best.text, span)
    if carried is not None and not mentions:
        return carried
    return EventDate(ctx.published, "week" if ctx.published else None, None, None)


# how far into a sentence a day it opens with may start ("On 9 May 2020, ...", "Around 3 May (as reported), ...")
_OPENING_CHARS = 12


def opening_day(text: str, base: int, published) -> EventDate | None:
    """The day a sentence opens with ("On 9 May 2020, in Tarvo, protesters ..."), resolved, or None:
    the day of what its paragraph goes on to tell, though the sentence itself told no act."""
    for tm in sentence_times(text):
        if tm.start > _OPENING_CHARS:
            return None
        resolved = resolve(tm.text, published)
        if resolved is not None and resolved.precision == "day":
            return EventDate(resolved.date, resolved.precision, tm.text, Span(base + tm.start, base + tm.end))
    return None


_NESTED_ACTS = frozenset({"acl", "relcl", "advcl", "pcomp"})


def _of_a_nested_act(tok, head) -> bool:
    """Does ``tok`` hang from a verb of its own below ``head`` (a reduced relative, an adverbial
    or gerund clause), rather than from ``head``'s clause itself?"""
    for _ in range(8):
        if tok is head or tok.head is tok:
            return False
        if tok.dep_ in _NESTED_ACTS and tok.pos_ == "VERB":
            return True
        tok = tok.head
    return False


def _bracketed(text: str, start: int) -> bool:
    """Is the character at ``start`` inside an open bracket of ``text``?"""
    before = text[:start]
    return before.rfind("(") > before.rfind(")")
