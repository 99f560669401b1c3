"""Whom a pronoun stands for: "He ordered ...", "they later marched", "which claimed it".

A light, rule-based coreference for the actors of events, in reading order and within an
article: a relative pronoun is the noun its clause describes; a pronoun in reported speech
("the president said he ordered ...") is the speaker; otherwise it is the latest actor named
before it that agrees with it (a person for "he"/"she", a group or several for "they", a
body or country for "it"): the subjects of earlier sentences, latest first, and the events'
targets. A candidate must read as an actor, so a pronoun never invents one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from ..events import Actor

# Words naming one person by office: "the president said he would ..."
PERSON_TITLES = frozenset(
    "president minister premier leader spokesman spokeswoman spokesperson official governor mayor "
    "commander chief king queen prince envoy ambassador secretary senator candidate general colonel "
    "chancellor emir sheikh pope prosecutor judge lawmaker activist man woman".split()
)
# Singular nouns that stand for many: "the police said they ..."
COLLECTIVE_NOUNS = frozenset("police military army militia group people crowd public".split())
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Definite descriptions that stand for a body named before: "the group said", "the movement denied"
ANAPHORIC_NOUNS = frozenset("group organisation organization movement faction outfit".split())
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"they", "them"})
_BODY_PRONOUNS = frozenset({"it"})
REFERRING = _PERSON_PRONOUNS | _GROUP_PRONOUNS | _BODY_PRONOUNS | RELATIVE_PRONOUNS
# how many of the latest actors a pronoun may reach back to
MEMORY = 8


def is_person(head: Token) -> bool:
    """Does the phrase headed by ``head`` name one person ("Ruto", "the governor")?"""
    return not is_plural(head) and (head.ent_type_ == "PERSON" or head.lemma_.lower() in PERSON_TITLES)


def is_plural(head: Token) -> bool:
    """Does the phrase headed by ``head`` name several ("the rebels", "police")?"""
    return head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in COLLECTIVE_NOUNS


def actor_head(actor: Actor, doc: Doc) -> Token | None:
    """The head word of the phrase ``actor`` was read from."""
    span = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def refers(word: Token) -> bool:
    """Is ``word`` a pronoun or a definite description ("the group") this module resolves?"""
    return word.text.lower() in REFERRING or _definite_description(word)


def _definite_description(word: Token) -> bool:
    return word.lemma_.lower() in ANAPHORIC_NOUNS and any(c.dep_ == "det" and c.text.lower() == "the" for c in word.children)


def antecedent(pronoun: Token, earlier: Sequence[Token], resolve: Callable[[Token], Actor | None]) -> Actor | None:
    """The actor ``pronoun`` stands for, or None. ``earlier``: head words of the phrases named
    before it that may be actors, oldest first; ``resolve`` reads an actor from a head word
    (only the candidates that agree with the pronoun are read: reading is the costly part)."""
    word = "group" if _definite_description(pronoun) else pronoun.text.lower()
    if word in RELATIVE_PRONOUNS:
        # "gunmen who stormed the village": the noun the relative clause describes
        clause = pronoun.head
        return resolve(clause.head) if clause.dep_ == "relcl" and clause.head is not clause else None
    speaker = _speaker(pronoun)
    candidates = ([speaker] if speaker is not None else []) + list(reversed(earlier[-MEMORY:]))
    for head in candidates:
        if _agrees(word, head):
            actor = resolve(head)
            if actor is not None:
                return actor
    return None


def _speaker(pronoun: Token) -> Token | None:
    """The subject of the verb whose reported speech holds ``pronoun``: "Obama said he ordered"."""
    clause = pronoun.head
    for _ in range(3):
        if clause.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or clause.head is clause:
            return None
        clause = clause.head
        subj = next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        if subj is not None and subj.i < pronoun.i:
            return subj
    return None


def _agrees(word: str, head: Token) -> bool:
    if word in _PERSON_PRONOUNS:
        return is_person(head)
    if word in _GROUP_PRONOUNS:
        return is_plural(head)
    if word == "group":  # "the group": a body named as one ("Boko Haram") or as its members ("the rebels")
        return not is_person(head) and head.lemma_.lower() not in ANAPHORIC_NOUNS
    return not is_person(head) and not is_plural(head)  # "it": a body, a country, an organisation
