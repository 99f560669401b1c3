"""How many: the quantities stated in the trigger's clause."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..events import Event, Quantity, Span
from ..mentions.triggers import VIOLENT
from ..mentions.quantities import ANIMALS, find_quantities, parse_number
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
        if q.unit in CASUALTY_UNITS and span is not None and _told_as_background(span.root, ctx.head):
            continue  # "set fire to a clinic after a patient died there": what came before, not the act's dead
        out.append(Quantity(q.value, q.unit, q.qualifier, q.text, Span(base + q.start, base + q.end)))
    if ctx.trig.spec.type in VIOLENT and not any(q.unit == "fatalities" for q in out):
        out += deaths_in_clause(doc, clause)
    return dead_counted_once(tuple(out))


# verbs whose object (or passive subject) was killed, and nouns of a killing ("the death of a guard")
_KILLING_VERBS = frozenset({"kill", "execute", "behead", "lynch", "murder", "assassinate", "slay", "slaughter"})
_DYING_VERBS = frozenset({"die", "perish"})
_DEATH_NOUNS = frozenset({"death", "killing", "murder", "assassination", "execution", "lynching", "beheading"})
_ONE_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})


def deaths_in_clause(doc: Doc, clause: frozenset[int]) -> list[Quantity]:
    """The dead an act's clause tells by its grammar where the wording has no count the text
    patterns read: who was killed, shot dead, executed or died, counted by their number words and
    articles, across a long description ("the leader of a local vigilante group was shot dead",
    "two suspects who police said ran a drug ring were killed", "led to the death of one
    demonstrator", "four cadres and a police inspector were killed"). Nothing where any of them
    cannot be counted ("soldiers and a civilian died")."""
    for i in sorted(clause):
        victim = _who_was_killed(doc[i])
        if victim is None:
            continue
        n = _people_counted(victim)
        if n:
            start, end = victim.left_edge.idx, victim.idx + len(victim.text)
            return [Quantity(float(n), "fatalities", "exact", doc.text[start:end], Span(start, end))]
    return []


def _who_was_killed(tok: Token) -> Token | None:
    """The head noun of who died by ``tok``, a word of killing or dying, if the clause tells that
    they did: not an attempt ("tried to kill a guard"), one outcome among others ("killed, injured
    or captured"), what came before ("after a man died"), nor a death the act was about ("protested
    over the killing of a student")."""
    lemma = tok.lemma_.lower()
    # (the word first: the clause's other words need no look at what they hang from)
    if tok.pos_ == "VERB":
        if lemma in _KILLING_VERBS or lemma == "shoot" and any(c.lower_ == "dead" for c in tok.children):
            wanted = "nsubjpass" if any(c.dep_ == "auxpass" for c in tok.children) else "dobj"
        elif lemma in _DYING_VERBS:
            wanted = "nsubj"
        else:
            return None
    elif tok.pos_ != "NOUN" or lemma not in _DEATH_NOUNS or not _an_outcome(tok):
        return None
    if any(c.dep_ == "neg" for c in tok.children) or _only_maybe(tok):
        return None
    if tok.pos_ == "VERB":
        return next((c for c in tok.children if c.dep_ == wanted), None)
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        return next((c for c in of.children if c.dep_ == "pobj"), None)
    return next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)


# verbs of which a killing told in their clause is only what was tried or meant
_ONLY_MEANT = frozenset({"attempt", "try", "plan", "threaten", "vow", "seek", "want", "intend", "plot", "aim"})
# what a death came after, or why: it is background to the act, not its outcome
_BEFORE_THE_ACT = frozenset({"after", "before", "since", "because", "following"})


def _only_maybe(tok: Token) -> bool:
    """Is the killing ``tok`` tells only tried, one of several outcomes, or background?"""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _ONLY_MEANT:
        return True
    first = tok.head if tok.dep_ == "conj" else tok
    joined = [tok, *tok.conjuncts, *(c for c in first.children if c.dep_ == "advcl" and c.pos_ == "VERB")]
    if any(c.dep_ == "cc" and c.lower_ == "or" for t in joined for c in t.children):
        return True  # (the parser hangs "injured or captured" on "killed" as a clause of its own, too)
    return _told_as_background(tok, tok.sent.root)


def _told_as_background(tok: Token, act: Token) -> bool:
    """Is ``tok`` in a clause under the act's word that tells what came before it or why ("after a
    patient died", "because two guards were killed")?"""
    for t in (tok, *tok.ancestors):
        if t.i == act.i:
            return False
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BEFORE_THE_ACT for c in t.children):
            return True
    return False


# verbs an act brings a death about by: "resulted in the death of", "led to his death"
_BRINGING_ABOUT = frozenset({"result", "lead", "cause", "claim", "leave", "end"})


def _an_outcome(noun: Token) -> bool:
    """Is the death noun told as what the act brought about ("resulting in the death of a guard"),
    not as its cause or occasion ("over the killing of", "in the wake of the murder of")?"""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("in", "to"):
        head = head.head
    elif noun.dep_ != "dobj":
        return False
    return head.lemma_.lower() in _BRINGING_ABOUT


def _people_counted(noun: Token) -> int | None:
    """How many people ``noun`` and the nouns joined to it by "and" count, if each can be counted."""
    counts = [_one_count(part) for part in (noun, *noun.conjuncts)]
    return None if None in counts else sum(counts)


def _one_count(noun: Token) -> int | None:
    """How many people one noun phrase counts: its number, one for a singular person told by an
    article, a possessive or a name, two for "both"; None if it cannot be told."""
    if noun.pos_ == "PRON":
        return 1 if noun.lower_ in _ONE_PERSON_PRONOUNS else None
    if noun.ent_type_ not in ("", "PERSON", "NORP", "CARDINAL") or _NOT_ONE_PERSON.fullmatch(noun.lower_):
        return None  # a place, an organisation, a date, a body of people, an animal: no one's death
    nums = [c for c in noun.children if c.dep_ == "nummod"]
    if nums:
        value = parse_number(" ".join(t.text for t in nums[0].subtree))
        # (a whole number of people: not a share, not a year or a sum the parser hung there)
        return int(value) if value and value == int(value) and value < 10000 else None
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "poss")}
    if "no" in dets:
        return None
    if "both" in dets:
        return 2
    if noun.tag_ in ("NN", "NNP") and (dets or noun.tag_ == "NNP"):
        return 1
    return None


# nouns that count no one person: a number, a body of people, an animal ("a group of fighters",
# "an unknown number of", "killed 15 livestock")
_NOT_ONE_PERSON = re.compile(rf"number|group|unit|team|crowd|band|convoy|family|gang|squad|platoon|batch|total|couple|"
                             rf"pair|dozen|score|lot|majority|{ANIMALS}")


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
    counts none of, dead told as more beside its own ("Two militants were also killed": ACLED
    counts every death of an event), and a sum of deaths (``dead_counted_once`` keeps it or the
    counts it sums), each count once."""
    kinds = {q.unit for q in have}
    spans = {q.span for q in have}
    return tuple(q for q in toll if q.unit in CASUALTY_UNITS and q.span not in spans
                 and (q.unit not in kinds or q.unit == "fatalities" and (_MORE_DEAD.search(q.text) or _a_total(q))))


def with_toll_added(act: Event, counts: tuple[Quantity, ...]) -> Event:
    """``act`` with the casualty counts of ``counts`` it takes (``toll_to_add``)."""
    toll = toll_to_add(act.quantities, counts)
    return replace(act, quantities=dead_counted_once(act.quantities + toll)) if toll else act


# a toll told as a sum of deaths: "3 fatalities.", "Two deaths were reported", "a total of 5 deaths"
_TOTAL = re.compile(r"^(?:a\s+total\s+of\s+)?\S+\s+(?:fatalit(?:y|ies)|deaths)\b", re.I)


def _a_total(q: Quantity) -> bool:
    return q.unit == "fatalities" and q.qualifier == "exact" and bool(_TOTAL.match(q.text))


def dead_counted_once(quantities: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """The counts with the dead told once: a sum of deaths told besides the dead counted one by one
    ("shot dead a man and his son ... 2 fatalities") is their total, not more dead, and stands for
    them where it is no smaller than they add up to."""
    dead = [q for q in quantities if q.unit == "fatalities"]
    totals = [q for q in dead if _a_total(q)]
    if not totals or len(dead) < 2:
        return quantities
    total = max(totals, key=lambda q: q.value)
    if total.value < sum(q.value for q in dead if q not in totals):
        return quantities
    return tuple(q for q in quantities if q.unit != "fatalities" or q is total)


def last_act(events: list[Event], since: int) -> int | None:
    """The index of the last violent act that happened among ``events[since:]`` (a paragraph's):
    the act a toll told after it counts, past what was said about it ("set four suspects alight,
    accusing them of theft. Four died.")."""
    return next((i for i in range(len(events) - 1, since - 1, -1)
                 if events[i].type in VIOLENT and events[i].factuality == "asserted"), None)


def toll_told_after(act: Event, text: str, base: int) -> Event:
    """``act`` with the casualties a following sentence that tells no act counts (``toll_to_add``);
    unchanged unless it is a violent act that happened."""
    if act.type not in VIOLENT or act.factuality != "asserted":
        return act
    return with_toll_added(act, sentence_toll(text, base))
