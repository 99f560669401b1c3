"""Factuality: did the event happen, by the sentence's own account?

GDELT's best-known failure is coding "reversed a decision to withdraw" as a
withdrawal. The rules here read the trigger's own negation and modality and the
verbs that govern it (decide, plan, reverse, deny, fail, if ...).
"""

from __future__ import annotations

from spacy.tokens import Token

REVERSAL_VERBS = frozenset(
    "reverse rescind revoke abandon scrap cancel overturn annul shelve retract backtrack undo withdraw "
    "drop halt suspend postpone delay".split()
)
REVERSAL_PHRASES = frozenset({"call off", "back down", "back away", "walk back", "u-turn"})
REVERSAL_NOUNS = frozenset("reversal u-turn cancellation".split())
NEGATING_VERBS = frozenset("deny fail refrain avoid refuse decline reject dismiss".split())
FUTURE_VERBS = frozenset("plan intend prepare expect schedule aim set due mean decide agree pledge promise vow announce".split())
# (an offer, "offered to withdraw its troops", is a proposal until taken up)
HYPOTHETICAL_VERBS = frozenset("consider propose offer want hope seek threaten risk suggest could may might warn fear "
                               "urge ask demand".split())  # fmt: skip
FUTURE_ADJECTIVES = frozenset("due set scheduled poised ready expected likely slated".split())
MODALS_HYPOTHETICAL = frozenset({"could", "might", "may", "would", "should", "must", "can"})
MODALS_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
# Prepositions that tell when, by another act: "dismissed the minister after the riots" neither
# denies the riots nor makes them the minister's
SEQUENCE_PREPS = frozenset({"after", "before", "since", "until", "following"})
# A "verb" in these roles is a mis-tagged noun ("dismissed claims that ...").
_NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})
# Dependency labels through which a governing verb speaks about its complement.
_GOVERNING_DEPS = frozenset({"xcomp", "ccomp", "acl", "pcomp", "pobj", "dobj", "prep", "advcl", "relcl", "oprd"})


def factuality(head: Token, report_verbs: frozenset[str] = frozenset(), speech_act: bool = False) -> str:
    """Classify the clause headed by ``head``: asserted, negated, hypothetical, future or reversed.

    For a speech act (a threat, demand, accusation) an "if" clause is part of what was
    said: "warned that troops would enter Sinjar if Baghdad failed to act" is a threat made.
    """
    own = _own_marking(head, conditions=not speech_act)
    if own:
        return own
    tok = head
    depth = 0
    while tok.dep_ in _GOVERNING_DEPS and tok.head.i != tok.i and depth < 6:
        parent = tok.head
        depth += 1
        lemma = parent.lemma_.lower()
        if parent.lower_ == "without" and tok.dep_ in ("pcomp", "pobj"):
            return "negated"  # what was left undone: "withdrew without fighting", "left without firing a shot"
        if lemma in report_verbs and parent.pos_ in ("VERB", "AUX") and parent.dep_ not in _NOMINAL_DEPS:
            break  # "X said that ...": reporting does not change whether it happened (a "report" noun may be denied)
        if named_by_another_act(tok) or set_apart_by_semicolon(tok):
            break
        if lemma in REVERSAL_VERBS or _phrase(parent) in REVERSAL_PHRASES or lemma in REVERSAL_NOUNS:
            if not negated(parent):
                return "reversed"
        if tok.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in tok.children if c.dep_ == "mark"):
            return "hypothetical"
        if parent.pos_ == "ADJ" and tok.dep_ == "xcomp" and lemma in FUTURE_ADJECTIVES:
            return "future"  # "are due to exchange prisoners", "is set to visit"
        if parent.pos_ in ("VERB", "AUX"):
            if lemma in NEGATING_VERBS:
                return "negated"
            if lemma in FUTURE_VERBS and tok.dep_ in ("xcomp", "acl", "ccomp"):
                marked = _own_marking(parent)
                return "future" if marked in (None, "future") else marked
            if lemma in HYPOTHETICAL_VERBS and tok.dep_ in ("xcomp", "ccomp"):
                return "hypothetical"
            marked = _own_marking(parent)
            if marked and tok.dep_ in ("xcomp", "acl"):
                return marked
        if tok.dep_ == "advcl":
            # "will travel to Mekelle to meet Tigrayan leaders": a purpose shares its verb's time
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and parent.pos_ in ("VERB", "AUX"):
                return _own_marking(parent) or "asserted"
            break
        tok = parent
    return "asserted"


def set_apart_by_semicolon(clause: Token) -> bool:
    """Is ``clause`` one the parser made the complement of a verb told after a semicolon ("Ostland
    recalls envoy over raid; Varnel denies role")? Clauses a semicolon joins are two statements (a
    headline's two), not one said of the other: the denial neither holds nor negates the first."""
    if clause.dep_ != "ccomp" or clause.head.i < clause.i:
        return False
    return any(t.text == ";" for t in clause.doc[clause.i:clause.head.i])


def _own_marking(head: Token, conditions: bool = True) -> str | None:
    children = list(head.children)
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ in ("neg", "advmod", "det") for c in children):
        return "negated"
    # "No troops were deployed", "deployed no troops": the negation sits on an argument
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in children):
        return "negated"
    if conditions and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children):
        return "hypothetical"
    auxes = [c.lower_ for c in children if c.dep_ in ("aux", "auxpass")]
    if any(a in MODALS_FUTURE for a in auxes):
        return "future"
    if any(a in MODALS_HYPOTHETICAL for a in auxes):
        return "hypothetical"
    # "is to visit", "are set to", "is going to"
    if head.dep_ == "xcomp" and head.head.lemma_ in ("be", "go") and head.head.lower_ in ("is", "are", "going"):
        return "future"
    return None


# What a party does not do, told with its own "not" and of its own will ("will not agree",
# "refuses to accept"), is a refusal: PLOVER's REJECT.
REFUSABLE = frozenset({"AGREE"})
# giving ground refused ("would not withdraw", "won't release the prisoners"): a refusal to yield
# only by will, since "could not withdraw" may tell that it was not possible
YIELDING = frozenset({"RETREAT"})
# talks refused ("said it would not negotiate with the kidnappers", "won't meet the rebels"): a
# refusal to meet, by will only ("could not meet" may tell that it was not possible)
MEETING = frozenset({"CONSULT"})
_WILL = frozenset({"will", "would", "wo"})
_CAN = frozenset({"can", "could", "ca"})


def refuses(head: Token, *, ability: bool = True) -> bool:
    """Is the clause headed by ``head`` negated by its own "not" with a modal of will
    ("would not agree", "won't accept", or with ``ability`` "cannot accept"), which tells a
    refusal rather than a report that something did not happen?"""
    modals = _WILL | _CAN if ability else _WILL
    return negated(head) and any(c.dep_ == "aux" and c.lower_ in modals for c in head.children)


# what a party denies its part in ("denied responsibility for the bombing", "any role in the
# raid"): the act happened, and the denial names no one who did it
_PART_NOUNS = frozenset("responsibility involvement role complicity link blame knowledge".split())
_DISCLAIMING_VERBS = frozenset({"deny", "reject", "dismiss", "disclaim"})


def named_by_another_act(tok: Token) -> bool:
    """Is ``tok`` an act another act only names: as its time ("sacked the minister after the riots",
    "since the clashes") or as what a party denies its part in ("denied any role in the killing")?
    The words that govern it then tell neither whether it happened nor who did it."""
    return _told_as_a_time(tok) or _part_disclaimed(tok)


def _part_disclaimed(tok: Token) -> bool:
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    part = tok.head.head
    return part.lemma_.lower() in _PART_NOUNS and part.dep_ == "dobj" and part.head.lemma_.lower() in _DISCLAIMING_VERBS


def _told_as_a_time(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in SEQUENCE_PREPS


def negated(tok: Token) -> bool:
    """Does the word carry its own "not" ("did not attack", "never vowed")?"""
    return any(c.dep_ == "neg" for c in tok.children)


def _phrase(tok: Token) -> str:
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    return f"{tok.lemma_.lower()} {prt}" if prt else tok.lemma_.lower()
