"""When it happened: the time expression nearest the trigger, preferably in its clause."""

from __future__ import annotations

import re
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
    base = sent.start_char
    doc = sent.doc
    # "in breach of the 3 May truce": the day of the truce, not of the breach
    mentions = [tm for tm in sentence_times(ctx.text) if not _dates_another_noun(doc, base, tm, ctx.text, trig.head)]
    if mentions:

        def score(tm) -> tuple:
            span = doc.char_span(base + tm.start, base + tm.end, alignment_mode="expand")
            inside = span is not None and any(t.i in ctx.clause for t in span)
            # a time told of another act within the clause is that act's, when the sentence has
            # another ("On Wednesday, ... accused the government of ignoring a deal signed in March")
            nested = inside and _of_a_nested_act(span.root, trig.head)
            # a count of days told after the act, from a day the sentence named, dates another act
            # ("On 29 April, residents marched over the killing of a driver on the previous day")
            counted = tm.kind == "told_relative" and base + tm.start > trig.start and _day_told_before(tm, mentions, ctx.published)
            # a date in brackets qualifies another ("Around 30 April (between 27 April and 4 May)")
            return (not counted, inside and not nested, not nested, inside, not _bracketed(ctx.text, tm.start),
                    -abs(base + tm.start - trig.start))

        best = max(mentions, key=score)
        told_before = _day_told_before(best, mentions, ctx.published) if best.kind == "told_relative" else None
        told = told_before or carried or _day_with_its_year(best, mentions, ctx.published)
        resolved = _resolve_told(best, ctx.published, future, told)
        span = Span(base + best.start, base + best.end)
        if resolved is not None:
            return EventDate(resolved.date, resolved.precision, best.text, span)
        if ctx.published is None:
            return EventDate(None, None, best.text, span)
    # what stands as of a dated report is the report's week, not the day of the act told before
    # it; with no report date (ACLED's notes) the note's day is the only one
    if carried is not None and not mentions and not (ctx.published is not None and _told_as_now(trig.head)):
        return carried
    return EventDate(ctx.published, "week" if ctx.published else None, None, None)


def _day_told_before(tm, mentions, published) -> EventDate | None:
    """The day the sentence names last before ``tm`` (a count of days from it: "On 3 May, gunmen
    seized a trader, who was freed two days later"), resolved."""
    for other in reversed([m for m in mentions if m.start < tm.start and m.kind != "told_relative"]):
        resolved = resolve(other.text, published)
        if resolved is not None and resolved.precision == "day":
            return EventDate(resolved.date, resolved.precision, other.text, None)
    return None


def _day_with_its_year(tm, mentions, published) -> EventDate | None:
    """In an article with no publication date, another day the sentence names with its year, from
    which a day told without one takes its year ("On 30 April 2020, a man seized on 24 April was
    found dead": the 24 April of 2020)."""
    if published is not None:
        return None
    for other in mentions:
        if other is not tm and (day := resolve(other.text, None)) is not None:
            return EventDate(day.date, day.precision, other.text, None)
    return None


def _resolve_told(tm, published, future: bool, carried: EventDate | None):
    """``tm`` resolved against the day it is told from: a count of days ("two days later", "the
    previous day") from the day told before it in the paragraph, else from the publication date;
    in an article with no publication date (ACLED's notes), a day without its year ("On 3 May")
    in the year of the day told before, on whichever side of it is nearer."""
    told = carried.date if carried is not None else None
    if tm.kind == "told_relative":
        resolved = resolve(tm.text, told or published, future=future)
        if told is None and resolved is not None and published is not None and resolved.date > published and not future:
            return None  # "the next day" after no day told: not the day after the report
        return resolved
    if published is None and told is not None and resolve(tm.text, None) is None:
        readings = [r for r in (resolve(tm.text, told), resolve(tm.text, told, future=True)) if r is not None]
        return min(readings, key=lambda r: abs((r.date - told).days), default=None)
    return resolve(tm.text, published, future=future)


_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_THE = re.compile(r"the\s", re.I)
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "nummod"})
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj"})


def _dates_another_noun(doc, base: int, tm, text: str, head) -> bool:
    """Is ``tm`` told as what a noun other than the trigger's is ("the 5 May agreement", "the
    March 3 decree"): a date between "the" and its noun names which one, not when the act was?"""
    if not (_THE_BEFORE.search(text, max(0, tm.start - 5), tm.start) or _THE.match(tm.text)):
        return False
    span = doc.char_span(base + tm.start, base + tm.end, alignment_mode="expand")
    if span is None:
        return False
    last = span[-1]  # the month or the day: what the noun after it takes as its modifier
    noun = last.head
    while noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
        noun = noun.head
    if last.dep_ not in _MODIFIER_DEPS or noun.i < span.end or not (noun.pos_ == "NOUN" or noun.dep_ in _NOMINAL_DEPS):
        return False
    # its own noun's date, as the noun is the act or does it ("the 4 May attack killed nine")
    # (spaCy makes a new Token on each access: tokens are compared by index, never by identity)
    return noun.i != head.i and not (noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == head.i)


_PRESENT = frozenset({"VBZ", "VBP"})


def _told_as_now(verb) -> bool:
    """Is ``verb`` told in the present ("accuses", "supports") or the present perfect ("has
    rejected")? What stands as of the report is not an act of the day told before it."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ in _PRESENT:
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in _PRESENT for c in verb.children)


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
        if tok.i == head.i or tok.head.i == tok.i:  # spaCy makes a new Token on each access: `is` never holds
            return False
        if tok.dep_ in _NESTED_ACTS and tok.pos_ == "VERB":
            return True
        tok = tok.head
    return False


def _bracketed(text: str, start: int) -> bool:
    """Is the character at ``start`` inside an open bracket of ``text``?"""
    before = text[:start]
    return before.rfind("(") > before.rfind(")")
