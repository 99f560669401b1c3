"""Who did it and to whom: source and target from the trigger's clause.

Subject -> source, object -> target, a passive inverted; prepositional targets
("fired on", "aid to"); symmetric events ("agreed with", "X and Y agreed"); the owner of an
event noun ("Russian airstrikes", "shelling by the army").
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..events import Actor, Span
from ..mentions.actors import PRONOUNS, ActorIndex, actor_phrase, resolve_actor
from ..mentions.triggers import VIOLENT
from .context import TriggerContext, agent_of, prep_object

TARGET_PREPS = ("against", "on", "at", "targeting", "with", "into", "upon")
AID_PREPS = ("to", "for")
MOVEMENT_TYPES = frozenset({"MOBILIZE", "RETREAT"})
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "FIGHT"})
VERBAL_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "AGREE"})
# Nouns naming another party's act or word: the party is the target of a reply to it.
ACT_NOUNS = frozenset(
    "attack strike offensive demand request call proposal offer decision move plan appeal bid "
    "invasion incursion shelling bombing aggression statement remark claim accusation ultimatum".split()
)
NON_ACTOR_OBJECTS = frozenset(
    "ceasefire truce agreement deal decision plan attack area town village city province road highway "
    "border crossing base position territory control access aid assistance food supply support fire".split()
)


def names_foreign(sent: SpacySpan, country: str | None, actors: ActorIndex) -> bool:
    """Does the sentence name a country (or its people or capital) other than ``country``?"""
    for tok in sent:
        if tok.pos_ in ("PROPN", "ADJ") and tok.text[:1].isupper():
            entry = actors.get(tok.text)
            if entry is not None and entry.kind in ("country", "demonym", "capital") and entry.country != country:
                return True
    return False


def role_tokens(ctx: TriggerContext) -> tuple[Token | None, Token | None, Token | None]:
    """(source token, target token, direct object) of the trigger, before resolution."""
    trig, head = ctx.trig, ctx.head
    subj = ctx.subject
    passive_subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    agent = agent_of(head)
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if trig.noun is not None and obj == trig.noun or obj in trig.tokens:
        obj = None  # "launched airstrikes", "fired tear gas at": the object is the event, its target hangs off it
    if trig.noun is not None and subj == trig.noun:
        subj = None  # "clashes erupted": the subject is the event itself

    source_tok = agent if passive_subj is not None else subj
    target_tok = passive_subj if passive_subj is not None and passive_subj != trig.noun else obj
    if target_tok is None:
        target_tok = prep_object(head, AID_PREPS if trig.spec.type == "AID" else TARGET_PREPS)
    if target_tok is None and trig.noun is not None:
        target_tok = prep_object(trig.noun, TARGET_PREPS)
    if target_tok is not None and trig.spec.type in VERBAL_TYPES and target_tok.lemma_.lower() in ACT_NOUNS:
        # "condemned Russia's attack", "rejected a request from Mogadishu": whose act it was
        target_tok = owner(target_tok) or target_tok
    if target_tok is None and trig.spec.mode == "occupy":
        target_tok = prep_object(head, ("from",))  # "recaptured the town from the rebels"
    if trig.spec.type in SYMMETRIC_TYPES and target_tok is None:
        target_tok = _other_party(head, source_tok)
    return source_tok, target_tok, obj


def _other_party(head: Token, source_tok: Token | None) -> Token | None:
    target_tok = prep_object(head, ("with",))
    if target_tok is None:
        # "travelled to Baghdad for talks with Iraqi officials"
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                for pobj in prep.children:
                    target_tok = target_tok or prep_object(pobj, ("with",))
    if target_tok is None and source_tok is not None:
        # "Russia and Turkey agreed a ceasefire": the second party is the target
        target_tok = next((c for c in source_tok.children if c.dep_ == "conj"), None)
    return target_tok


def link_roles(ctx: TriggerContext, actors: ActorIndex, context_country: str | None,
               foreign: bool) -> tuple[Actor | None, Actor | None]:  # fmt: skip
    """Source and target actors of the trigger. ``context_country`` is lent to generic actors
    ("villagers"), not to forces or officials when the sentence names another country (``foreign``)."""
    trig = ctx.trig
    source_tok, target_tok, obj = role_tokens(ctx)

    def resolve(tok: Token | None) -> Actor | None:
        return None if tok is None else resolve_actor(tok, actors, context_country=context_country, foreign_mentioned=foreign)

    # an instrument trigger ("were killed in an airstrike") has victims, not a source
    source, target = resolve(source_tok), resolve(target_tok)
    etype = trig.spec.type
    # "Turkey deployed 6,000 troops": the troops are the deployed force, not a target
    if etype in MOVEMENT_TYPES | {"AID"} and target is not None and target_tok is obj and target.sector == "military":
        if source is not None and target.country is None:
            target = None
        elif source is None:
            source, target = target, None
        else:
            target = None
    # a place is not an actor: "shelled Idlib" -> target none, the place is Idlib
    if target is not None and target_tok is not None and target_tok.ent_type_ in ("GPE", "LOC", "FAC") and \
            target.sector == "government" and etype in VIOLENT | MOVEMENT_TYPES:  # fmt: skip
        target = None
    if target is not None and target_tok is not None and target_tok.lemma_.lower() in NON_ACTOR_OBJECTS:
        target = None
    if source is None and source_tok is not None and etype == "PROTEST" and not trig.spec.target_acts:
        source = protesters(source_tok, actors, context_country)
    if trig.spec.target_acts:
        source, target = target, source
    # an event noun that names its actor ("Russian airstrikes", "Turkish shelling")
    if source is None and trig.noun is not None:
        source = noun_owner(trig.noun, actors, lambda tok: resolve_actor(tok, actors, context_country=context_country))
    return source, target


def protesters(tok: Token, actors: ActorIndex, country: str | None) -> Actor | None:
    """Whoever protests is a protester (ACLED's "Protesters (Country)"): "traders demonstrated",
    "owners and workers of transport companies protested" — people the actor data does not name."""
    if tok.pos_ == "PRON" or tok.lower_ in PRONOUNS:
        return None
    phrase = actor_phrase(tok)
    if not phrase:
        return None
    words = tok.doc[phrase[0].i : phrase[-1].i + 1]
    canonical = f"{actors.country_name(country) or ''} protesters".strip()
    return Actor(words.text, canonical, country, "protesters", Span(words.start_char, words.end_char))


def noun_owner(noun: Token, actors: ActorIndex, resolve) -> Actor | None:
    """The actor an event noun names: "Russian airstrikes", "Hezbollah's attack", "shelling by the army"."""
    for child in noun.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < noun.i:
            entry = actors.get(child.text)
            if entry is not None and entry.kind in ("demonym", "country", "org"):
                sector = "military" if entry.kind in ("demonym", "country") else entry.sector
                name = actors.country_name(entry.country) or entry.canonical
                return Actor(child.text, f"{name} {sector}" if entry.kind != "org" else entry.canonical,
                             entry.country, sector, Span(child.idx, child.idx + len(child.text)))  # fmt: skip
        if child.dep_ == "prep" and child.lower_ == "by":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return resolve(pobj)
    return None


def owner(noun: Token) -> Token | None:
    """The party whose act ``noun`` is: a possessor ("Russia's attack") or a "by"/"from"/"of" object."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    return prep_object(noun, ("by", "from", "of"))
