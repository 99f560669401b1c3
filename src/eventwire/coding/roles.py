"""Who did it and to whom: source and target from the trigger's clause.

Subject -> source, object -> target, a passive inverted; prepositional targets
("fired on", "aid to"); symmetric events ("agreed with", "X and Y agreed"); the owner of an
event noun ("Russian airstrikes", "shelling by the army") or of a weapon told as the doer
("shells fired by the army killed ...").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..acled import STATE_FORCES, named_by_acronym
from ..events import Actor, Span
from ..mentions.actors import (PRONOUNS, SEVERAL_STATES, ActorIndex, actor_phrase, belonging_to, modifiers_before,
                               of_object, resolve_actor)
from ..mentions.attribution import REPORT_VERBS
from ..mentions.places import DIRECTIONS, PlaceMention, is_honorific, names_a_division, subject_in_setting
from ..mentions.triggers import (BATON_CHARGE, BOMB_LEFT, CHARGE_DENIED, FOUND_KILLED, GROUND_LOST_TO, OR_ELSE,
                                 PLACE_WORDS, RECEIVING_VERBS, SUSTAINING, VIOLENT, WITNESSING_VERBS, TriggerMatch,
                                 agent_of, aimed_off_the_object, at_the_hands_of, for_clause, lost_a_life, noun_forms,
                                 reported_clauses, taker_of_ground_lost, the_dead, told_without_a_verb, undergone)
from .context import TriggerContext, agent_on_instrument, message_addressee, prep_object, shared_agent
from .coref import antecedent, description, named_again, names_a_pair, refers, the_two

# verbs by which an event is told as witnessed: "explosions were heard by residents"
PERCEPTION_VERBS = frozenset({"hear", "observe", "see", "witness", "register"})
TARGET_PREPS = ("against", "on", "at", "targeting", "with", "into", "upon")
AID_PREPS = ("to", "for")
MOVEMENT_TYPES = frozenset({"MOBILIZE", "RETREAT"})
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "FIGHT"})
VERBAL_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "AGREE"})
# acts between states, in which a people named by its nationality stands for its state ("agreed
# with the Russians"); not support or aid, which a people receives as itself
DIPLOMATIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "REJECT", "REQUEST", "THREATEN", "SANCTION", "ACCUSE"})
# Nouns naming another party's act or word: the party is the target of a reply to it.
ACT_NOUNS = frozenset(
    "attack strike offensive demand request call proposal offer decision move plan appeal bid "
    "invasion incursion shelling bombing aggression statement remark claim accusation ultimatum "
    "resignation withdrawal".split()
)
# Nouns naming a force's action, in which or after which an act happened: "killed during an army
# operation", "wounded following an attack by militants", "died in a firefight between ...".
OPERATION_NOUNS = frozenset(
    "operation raid offensive crackdown patrol sweep search ambush campaign mission "
    "attack assault firefight shootout gunfight clash exchange".split()
)
# Weapons and fire, which a sentence may make the doer of an act: "shells fired by the army
# killed four", "killed by a militia mortar", "wounded by police gunfire". Their owner did it.
INSTRUMENT_NOUNS = frozenset(
    "shell rocket mortar missile bomb drone fire gunfire shot bullet artillery grenade mine explosive "
    "projectile airstrike strike".split()
)
# what a force fights with, never whom it fights: "fired with machine guns on the positions",
# "attacked the village with rockets"
WEAPON_NOUNS = INSTRUMENT_NOUNS | frozenset(
    "weapon landmine ied gun rifle firearm pistol machine-gun knife machete stick stone rock club axe arm ammunition "
    "round munition launcher weaponry "
    # what riot control fires ("fired tear gas canisters at the crowd")
    "canister pellet cartridge firecracker".split()
)
# verbs by which a force defeats an attack made on it: "troops repelled an attack by militants"
REPELLING_VERBS = frozenset({"repel", "repulse", "foil", "thwart"})
_OPERATION_PREPS = ("during", "in", "amid", "after", "following")
# whose operation an act may happen in: an armed force or a government ("operation_owner")
_OPERATING_SECTORS = frozenset({"military", "police", "government", "rebels"})
NON_ACTOR_OBJECTS = frozenset(
    "ceasefire truce agreement deal decision plan attack area town village city province road highway "
    "border crossing base position territory control access aid assistance food supply support fire".split()
)

# sites that stand for the force holding them when one is named ("an army position", "a militia base")
FORCE_SITES = frozenset({"base", "position"})
ARMED_SECTORS = frozenset({"military", "police", "rebels"})


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
    # (not the act itself, which the parser may make a second passive subject: "an exchange of fire
    # between police and robbers; one suspect was killed")
    passive_subj = next((c for c in head.children if c.dep_ == "nsubjpass" and c not in trig.tokens), None) \
        or next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if passive_subj is None and head.dep_ == "acl" and head.tag_ == "VBN" and head.head.pos_ in ("NOUN", "PROPN"):
        # a reduced relative is a passive of the noun it describes: "the raid, condemned by the
        # ministry" (the ministry condemned the raid), "a man shot by gunmen"
        passive_subj = head.head
    if passive_subj is None and head.dep_ == "pcomp" and any(c.dep_ == "auxpass" for c in head.children):
        # "went missing after being taken by armed men": the one taken is the subject of the
        # clause the "after" hangs from
        passive_subj = next((c for c in head.head.head.children if c.dep_ == "nsubj"), None)
        subj = None if passive_subj is not None else subj
    if passive_subj is None and subj is None and head.dep_ == "conj" and head.tag_ == "VBN":
        # "was tied up and beaten by police": the second passive shares the first's subject
        passive_subj = next((c for c in reversed(list(head.head.lefts)) if c.dep_ == "nsubjpass"), None)
    if passive_subj is None and subj is None and (lost := subject_in_setting(head)) is not None:
        # "On 3 May, in Tarvo, Kelmo, a man was shot": the parser put the subject in the place's list
        if any(c.dep_ == "auxpass" for c in head.children):
            passive_subj = lost
        else:
            subj = lost
    if passive_subj is None and subj is not None and (befell_its_subject(trig) or _told_as_a_toll(head, subj)):
        # "a soldier died of wounds sustained in an attack", "One civilian injured.": whom it was done to
        passive_subj, subj = subj, None
    if subj is not None and trig.spec.key == BATON_CHARGE.key and subj in trig.tokens:
        # "Police lathi-charged the crowd": the parser made the stick the subject, its doer a compound of it
        subj = next((c for c in subj.children if c.dep_ in ("compound", "nmod")), None)
    if subj is not None and names_a_place(subj, ctx.places):
        subj = listed_after(subj, head, ctx.places) or subj
    if passive_subj is not None and names_a_place(passive_subj, ctx.places):
        passive_subj = listed_after(passive_subj, head, ctx.places) or passive_subj
    agent = agent_of(head)
    if agent is None and passive_subj is not None:
        agent = shared_agent(head) or agent_on_instrument(head)
    obj = next((c for c in head.children if c.dep_ == "dobj"), None) or shared_object(head)
    in_key = obj if obj is not None and obj in trig.tokens else None  # "restored ties with": part of the key
    if trig.noun is not None and obj == trig.noun or obj in trig.tokens:
        obj = None  # "launched airstrikes", "fired tear gas at": the object is the event, its target hangs off it
    met_with = None
    if obj is not None and trig.spec.type == "CONSULT" and (noun_forms(obj) & trig.spec.objects
                                                            or head.lemma_.lower() in _TOPIC_VERBS):
        # "worked out the next steps with Ostland", "discussed the border with Ostland": what the
        # meeting was about is no party to it; the other party hangs off "with", on the verb or on
        # the topic, or is joined to the subject ("Ostland and Westria discussed the border")
        met_with, obj = prep_object(obj, ("with",)), None
    if agent is None and (subj is None or subj.i == head.i - 1) and told_without_a_verb(trig):
        # "Shelling by rebel forces of army positions near Tarvo": a headline's gerund, done by
        # its "by" object to its "of" object ("Artillery shelling by ...": the weapon was no subject)
        agent, obj = prep_object(head, ("by",)), obj or of_object(head)
        subj = None if agent is not None else subj
    # "threw eggs at the mayor" (a key of its aiming "at"): what is thrown is the means
    # ("left a rucksack with explosives": what holds the bomb is the means too)
    means = obj is not None and (is_weapon(obj) or trig.spec.key.endswith(" at") or trig.spec.key == BOMB_LEFT)
    weapon = obj if means else None
    if weapon is not None:
        obj = None  # "fired shells at the village", "exchanged artillery with the army": the means, not the target
    if trig.noun is not None and (subj == trig.noun or subj in trig.noun.conjuncts):
        subj = None  # "clashes erupted", "shouting and gunshots were heard": the subject is the event itself
    if trig.noun is not None and agent == trig.noun:
        agent = None  # "damaged by artillery fire": the weapon, no one who used it
    if trig.spec.key == GROUND_LOST_TO:
        # "the town fell to the rebels", "the army lost control of the town to the rebels": the taker
        # took it, from whoever lost it (a town that fell is the place, no party)
        return taker_of_ground_lost(head), None if head.lemma_.lower() == "fall" else subj, None
    if trig.spec.key == FOUND_KILLED:
        return None, the_dead(head), None  # "residents found the bodies of two men": not who killed them
    if trig.spec.key == CHARGE_DENIED:
        # "Qatar denied Amnesty's claims": the charges are their owner's, made at the one denying
        return owner(trig.noun), next((c for c in head.head.children if c.dep_ == "nsubj"), None), None
    if trig.light in RECEIVING_VERBS:
        # "the governor drew criticism from rights groups": the governor is criticised
        # ("caused an uproar among rights groups": those it is among gave it)
        giver = prep_object(trig.noun, ("from", "by", "among")) or prep_object(head, ("from", "by", "among")) \
            or at_the_hands_of(trig.noun) or at_the_hands_of(head)  # fmt: skip
        return giver, subj, None
    if undergone(trig):
        # "the opposition leader went on trial", "stood trial": tried, not trying; the court is
        # whoever the sentence names by "by" ("was handed a sentence by a military court")
        return prep_object(head, ("by",)), subj, None
    if trig.light in WITNESSING_VERBS:
        # "monitors recorded explosions near Tarvo": who saw it did nothing; its doer is the noun's "by"
        doer = prep_object(trig.noun, ("by",)) or at_the_hands_of(trig.noun)
        return doer, prep_object(trig.noun, TARGET_PREPS, skip=no_party), None

    if trig.noun is not None and trig.noun == passive_subj and head.lemma_.lower() in REPORT_VERBS | PERCEPTION_VERBS:
        agent = None  # "clashes were reported by officials": who told of it, not who did it
    # a violent act with a doer and no subject is the doer's, passive or not: "shelling by the army
    # hit a market" (other acts left as they were: their "by" may tell whom they were for)
    source_tok = agent if passive_subj is not None or subj is None and trig.spec.type in VIOLENT else subj
    target_tok = passive_subj if passive_subj is not None and passive_subj != trig.noun else obj
    if target_tok is not None and target_tok == passive_subj and passive_subj not in trig.tokens \
            and (is_weapon(passive_subj) or trig.spec.key == BOMB_LEFT):  # fmt: skip
        # "mortar rounds were fired at the post": what was fired, not what it was fired at
        weapon, target_tok = passive_subj, None
    if target_tok is None:
        # (whom a topic was discussed with before where: "discussed the case with Ostland at a meeting";
        # a dealing's other party joined to its subject before what it was on: "Ostland and Westria
        # signed an agreement on border security")
        # but whom both dealt "with" first: "Ostland and Westria met with the rebels")
        partner = None
        aimed_preps = AID_PREPS if trig.spec.type == "AID" else TARGET_PREPS
        if trig.spec.type in _DEALINGS:
            partner = prep_object(head, ("with",), skip=no_party) or _joined_party(source_tok)
        elif trig.spec.type == "FIGHT" and fought_both_ways(head):
            # "police and gunmen clashed at the junction": the other side is joined to the first,
            # and what a clash is "at" is where it was, not whom it was with
            partner = prep_object(head, ("with",), skip=no_party) or _joined_party(source_tok)
            aimed_preps = tuple(p for p in TARGET_PREPS if p != "at")
        target_tok = met_with or partner or prep_object(head, aimed_preps, skip=no_party)
    if target_tok is None and weapon is not None:
        target_tok = prep_object(weapon, TARGET_PREPS)  # "fired mortar shells at houses" (the "at" on the shells)
    if target_tok is None and trig.spec.type in VIOLENT and (means := _means_told(head)) is not None:
        target_tok = prep_object(means, TARGET_PREPS, skip=no_party)  # "opened fire with mortars on the positions"
    if target_tok is None and weapon is not None:
        # "threw eggs and paint at the office": the "at" on the last thing thrown
        target_tok = next((c for p in aimed_off_the_object(head, [weapon]) for c in p.children if c.dep_ == "pobj"),
                          None)  # fmt: skip
    if target_tok is None and trig.noun is not None:
        # ("launched an attack with missiles on army positions": the missiles are the means)
        target_tok = prep_object(trig.noun, TARGET_PREPS, skip=no_party) or aimed_at(trig.noun) or aimed_at(head, "advcl")
    if target_tok is None and trig.spec.type in VIOLENT:
        # what an act or its weapon is told aimed at by a participle: "a bomb exploded, targeting a
        # patrol", "fired artillery targeting militants" (the parser's advcl, xcomp or acl)
        target_tok = aimed_at(head, "advcl") or aimed_at(head, "xcomp") \
            or (aimed_at(weapon) if weapon is not None else None)  # fmt: skip
    if target_tok is None and trig.noun is not None and trig.spec.type in VERBAL_TYPES | {"THREATEN"}:
        # a speech act named by its noun is made to whom it is addressed: "made a plea to the council",
        # "issued an ultimatum to the rebels" (the parser may hang the "to" off the verb)
        target_tok = prep_object(trig.noun, ("to",)) or prep_object(head, ("to",))
    if target_tok is None and in_key is not None:
        target_tok = prep_object(in_key, TARGET_PREPS)  # "restored diplomatic ties with Ostland"
    if target_tok is None and in_key is not None and trig.spec.type == "ASSAULT":
        target_tok = prep_object(head, ("to",)) or prep_object(in_key, ("to",))  # "set fire to a school"
    if target_tok is not None and trig.spec.type in VERBAL_TYPES and target_tok.lemma_.lower() in ACT_NOUNS:
        # "condemned Russia's attack", "rejected a request from Mogadishu": whose act it was
        target_tok = owner(target_tok) or target_tok
    if target_tok is None and trig.spec.type == "REQUEST":
        # "wants Ostland to raise rates", "called for the resignation of the minister"
        asked = prep_object(head, ("for",))
        target_tok = bidden(head) or (owner(asked) if asked is not None and asked.lemma_.lower() in ACT_NOUNS else None)
    if trig.spec.type == "ACCUSE" and trig.spec.key.endswith(" to"):
        # whom an act is laid at the door of, not the act: "attributed the bombing to the Front",
        # "point to the Front" (the parser may hang the "to" off the act)
        target_tok = prep_object(head, ("to",)) or next((t for o in head.children if o.dep_ == "dobj"
                                                         if (t := prep_object(o, ("to",))) is not None), target_tok)
    if target_tok is None and trig.spec.type == "THREATEN":
        target_tok = threatened(head)  # "threatened to kill the hostages", "warned its fighters would storm the base"
    if target_tok is None and trig.spec.type == "ACCUSE":
        target_tok = judged(head)  # "said Ostland was violating the truce", "said of the offer"
    if target_tok is None and trig.spec.type == "ACCUSE":
        # disapproval told "about" or "over" what it is of: "had concerns about the mayor's proposal",
        # "voiced anger over the police" (on the noun, or on the verb the parser hung it from)
        target_tok = prep_object(trig.noun, _TOPIC_PREPS, skip=no_party) if trig.noun is not None else None
        target_tok = target_tok or prep_object(head, _TOPIC_PREPS, skip=no_party)
    if target_tok is None and trig.spec.type == "SUPPORT":
        target_tok = prep_object(head, ("behind", "around"))  # "rallied behind the government"
    if target_tok is None and trig.spec.type == "SUPPORT" and (praised := judged(head)) is not None:
        target_tok = owner(praised) or praised  # "said Ostland's stand is appreciated": whose stand
    if target_tok is None and trig.spec.mode == "occupy":
        target_tok = prep_object(head, ("from",))  # "recaptured the town from the rebels"
    if trig.spec.addressed:
        target_tok = promisee(head, obj) or target_tok
    if trig.spec.type in SYMMETRIC_TYPES and target_tok is None:
        target_tok = _other_party(head, source_tok)
    return source_tok, target_tok, obj


def _visit_made_together(trig: TriggerMatch, visited: Token | None) -> bool:
    """Is the trigger a visit told with what was visited ("the two leaders visited a hospital")?
    A pair told as its doer made it together; neither is the other's host."""
    return trig.spec.type == "CONSULT" and trig.spec.mode == "visit" and visited is not None


# verbs of a fight both sides wage, told of the two together ("the army and the rebels clashed")
_BOTH_WAYS_VERBS = frozenset({"clash", "fight", "battle", "skirmish", "exchange", "trade"})


def fought_both_ways(head: Token) -> bool:
    """Is the act a fight its two sides wage on each other ("clashed", "exchanged fire"), in which
    two sides named together as its subject are its two sides?"""
    return head.lemma_.lower() in _BOTH_WAYS_VERBS


def _verb_of_the_act(head: Token) -> Token:
    """The verb an act is told under: "started" in "started shooting", else the act's own."""
    return head.head if head.dep_ == "xcomp" and head.head.pos_ in ("VERB", "AUX") else head


def approached(head: Token) -> Token | None:
    """Whom the doers came upon before an act told with no object: the object of the verb the act
    is joined to ("approached a patrol and started shooting", "surrounded the post and opened fire")."""
    verb = _verb_of_the_act(head)
    if verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj"), None)


def caught_at_work(head: Token) -> Token | None:
    """Who was doing something when an act told with no object befell them: the subject of the
    clause a "when" clause hangs on ("officers were patrolling when armed men approached and opened
    fire"; the parser may hang the "when" clause on a noun of that clause)."""
    verb = _verb_of_the_act(head)
    told_when = any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children)
    while verb.dep_ == "conj":  # ("when armed men approached and opened fire": the "when" on either verb)
        verb = verb.head
        told_when = told_when or any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children)
    if not told_when:
        return None
    main = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return None if main is None else next((c for c in main.children if c.dep_ == "nsubj"), None)


# verbs whose subject a violent act named under them befell: "a soldier died in an airstrike"
_DYING = frozenset({"die", "succumb", "perish"})


def befell_its_subject(trig: TriggerMatch) -> bool:
    """Is a violent act told as what the subject of a verb of dying died of ("died in an
    airstrike", "died of wounds sustained in a grenade attack", "died in hospital of injuries
    from shelling")? Between the act and that verb only wounds and where they were tended."""
    if trig.spec.type not in VIOLENT:
        return False
    tok = trig.head
    for _ in range(8):
        if tok.lemma_.lower() in _DYING and tok.pos_ == "VERB" or lost_a_life(tok) or _suffered_losses(tok):
            return True
        if tok.pos_ == "VERB" and tok.i != trig.head.i and not (tok.dep_ == "acl" and tok.lemma_.lower() in SUSTAINING):
            return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# what a side suffers that an act dealt it: "policemen suffered casualties from a roadside bomb"
_LOSSES = frozenset("casualty loss injury wound fatality death".split())


def _suffered_losses(verb: Token) -> bool:
    """Is ``verb`` a side's suffering losses ("suffered casualties", "sustained heavy losses")? The
    act that dealt them befell its subject."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in ("suffer", "sustain", "incur") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _LOSSES for c in verb.children)


def _told_as_a_toll(head: Token, subj: Token) -> bool:
    """Is a verb of harm a participle told of its subject with no auxiliary and no object, as a
    note's toll is ("One civilian injured.", "Five people killed in the raid")? A reduced passive:
    the subject was harmed. (The tagger may take the participle for a past: then the subject must
    be counted, as a toll's is.)"""
    lemma = head.lemma_.lower()
    if lemma not in HARM_VERBS | _HEADLINE_HARMS | _HEADLINE_SEIZURES or head.dep_ not in ("ROOT", "conj") \
            or any(c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for c in head.children):  # fmt: skip
        return False
    if lemma in _HEADLINE_SEIZURES:
        # "Union leader arrested ahead of strike", "Two journalists detained in capital": a headline's
        # passive, no doer told (a line no full stop ends: in prose, "police detained" has its object)
        return head.tag_ in ("VBN", "VBD") and _a_headline(head.sent)
    if lemma not in HARM_VERBS:
        # a headline's passive told by its doer or by the death it dealt: "Journalist beaten by
        # police", "Two protesters shot dead in Sudik", "Trader stabbed to death"
        return head.tag_ == "VBN" and agent_of(head) is not None or _left_dead(head)
    return head.tag_ == "VBN" or head.tag_ == "VBD" and (subj.like_num or any(c.dep_ == "nummod" for c in subj.children))


# verbs of violence a headline tells in the passive without its auxiliary (those of HARM_VERBS are read
# as tolls above)
_HEADLINE_HARMS = frozenset({"shoot", "stab", "beat", "hack", "behead", "lynch", "torture", "abduct", "kidnap"})


# verbs of seizing or punishing someone, which a headline tells in the passive with no doer
_HEADLINE_SEIZURES = frozenset({"arrest", "detain", "jail", "imprison", "deport", "expel", "sentence", "convict",
                                "charge", "hold", "seize", "capture", "abduct", "kidnap"})  # fmt: skip


def _a_headline(sent) -> bool:
    """Is the sentence a headline: a line with no full stop, question or exclamation mark at its end?"""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text not in (".", "!", "?", '"', "”", "'")


def _left_dead(head: Token) -> bool:
    """Is ``head`` told with the death it dealt ("shot dead", "stabbed to death")?"""
    to = prep_object(head, ("to",))
    return any(c.dep_ in ("oprd", "acomp", "advmod") and c.lower_ == "dead" for c in head.children) \
        or to is not None and to.lower_ == "death"  # fmt: skip


# verbs of harm by which a sentence tells whom an attack told by another verb struck
HARM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "maim"})
# and verbs of fighting, whose other side it was: "pelted stones and clashed with the police"
_FIGHTING_VERBS = frozenset({"clash", "fight", "attack", "assault", "beat"})
_HARMING = HARM_VERBS | _FIGHTING_VERBS


def _means_told(head: Token) -> Token | None:
    """The weapon an act was done "with" or "using", on its verb or its object ("opened fire with
    mortars"): the parser may hang what it was aimed at on the weapon."""
    holders = [head, *(c for c in head.children if c.dep_ == "dobj")]
    means = next((p for h in holders for p in [prep_object(h, ("with", "using"))] if p is not None), None)
    return means if means is not None and is_weapon(means) else None


def harmed(head: Token) -> Token | None:
    """Whom an attack that names no target of its own harmed, told by a verb of harm or fighting
    beside it: a verb joined to it ("opened fire and wounded a guard", "threw stones and clashed
    with the police"), a participle ("opened fire, killing two guards"), or the clause it says how
    it happened in ("two guards were wounded when gunmen opened fire"), or the verb an attack's noun
    is the subject of ("an airstrike by the army killed two men")."""
    for verb in head.children:
        # (an attack's noun the parser made the head of its sentence: "an airstrike by the army
        # killed two men", "killed" its clause, with an object of its own)
        if verb.dep_ == "acl" and head.pos_ == "NOUN" and verb.lemma_.lower() in HARM_VERBS \
                and (victim := next((c for c in verb.children if c.dep_ == "dobj"), None)) is not None:
            return victim
        if verb.dep_ in ("conj", "advcl") and verb.pos_ == "VERB" and verb.lemma_.lower() in _HARMING \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):  # fmt: skip
            found = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if found is None and verb.lemma_.lower() in _FIGHTING_VERBS:
                found = prep_object(verb, ("with", "against"))  # "threw stones and clashed with police"
            if found is not None:
                return found
        if verb.dep_ in ("conj", "advcl") and verb.pos_ == "VERB" and verb.lemma_.lower() not in _HARMING \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):  # fmt: skip
            # what it damaged told before whom it harmed: "fired shells at the village, hitting a
            # house and killing a woman", "burning a car and injuring three women"
            joined = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                           and c.lemma_.lower() in HARM_VERBS), None)  # fmt: skip
            found = None if joined is None else next((c for c in joined.children if c.dep_ == "dobj"), None)
            if found is not None:
                return found
    main = head.head.head if head.dep_ == "pcomp" else head.head  # "was killed after stepping on a mine"
    if head.dep_ in ("advcl", "pcomp") and main.pos_ == "VERB" and main.lemma_.lower() in HARM_VERBS:
        return next((c for c in main.children if c.dep_ == "nsubjpass"), None)
    if head.dep_ == "nsubj" and head.pos_ == "NOUN" and main.pos_ == "VERB" and main.lemma_.lower() in HARM_VERBS:
        return next((c for c in main.children if c.dep_ == "dobj"), None)  # "an airstrike by the army killed two men"
    return None


def counted_before(tok: Token) -> Token | None:
    """Whom a bare number stands for when the clause joined before it named them ("two militants
    were killed and five were wounded": five militants): that clause's subject."""
    if not (tok.like_num or tok.lower_ in ("others", "another")):
        return None
    if any(c.dep_ in ("prep", "compound") for c in tok.children):
        return None
    verb = tok.head
    if tok.dep_ not in ("nsubjpass", "nsubj") or verb.dep_ != "conj":
        return None
    subjects = (c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj") and c.pos_ in ("NOUN", "PROPN"))
    return next(subjects, None)


# verbs whose object a promised act is for: "pledged to help Ostland", "vowed to defend the government"
_HELPING_VERBS = frozenset("help assist aid support back defend protect arm fund finance train equip supply "
                           "rebuild reward compensate".split())  # fmt: skip


def promisee(head: Token, obj: Token | None) -> Token | None:
    """Whom a promise is made to: "promised Ostland more aid" (the dative), "pledged aid to
    Ostland", or whom the promised act is for: "vowed to help Ostland"."""
    dative = next((c for c in head.children if c.dep_ == "dative"), None)
    if dative is not None:
        return next((c for c in dative.children if c.dep_ == "pobj"), None) if dative.pos_ == "ADP" else dative
    to = prep_object(head, ("to",)) or (prep_object(obj, ("to",)) if obj is not None else None)
    if to is not None:
        return to
    act = next((c for c in head.children if c.dep_ == "xcomp"), None)
    if act is None:
        return None
    # whom it is done for: the object of a verb of help ("vowed to help Ostland", not "promised to
    # reform the police", a pledge to the public), or whom a helped clause tells ("to help Ostland
    # rebuild"), or where help is sent ("to send aid to Ostland")
    helped = act.lemma_.lower() in _HELPING_VERBS
    return next((c for c in act.children if c.dep_ == "dative" or c.dep_ == "dobj" and helped), None) \
        or (bidden(act) if helped else None) or prep_object(act, TARGET_PREPS + ("to",))


def threatened(head: Token) -> Token | None:
    """Whom a threat told by the act it promises is against: that act's object, or whom it is
    aimed at ("threatened to kill the hostages", "said the army would strike at the rebels")."""
    act = next((c for c in head.children if c.dep_ in ("xcomp", "ccomp")), None)
    if act is None:
        return None
    done = next((c for c in act.children if c.dep_ == "dobj"), None)
    if done is not None and done.pos_ != "PROPN":
        # what is imposed or cut is no party: on or to whom ("to impose sanctions on Ostland",
        # "to cut gas supplies to Ostland")
        done = prep_object(done, ("on", "against", "to")) or prep_object(act, ("on", "against", "to")) or done
    return done or prep_object(act, TARGET_PREPS, skip=no_party)


def bidden(head: Token) -> Token | None:
    """Whom a request bids do something, told as the subject of what it asks ("want Ostland to
    act", "called for Tarvo to withdraw")."""
    clauses = [c for c in head.children if c.dep_ in ("ccomp", "xcomp") or for_clause(c)]
    clauses += [g for p in head.children if p.dep_ == "prep" for g in p.children if g.dep_ in ("pcomp", "ccomp")]
    return next((s for c in clauses for s in c.children if s.dep_ == "nsubj" and s.pos_ in ("PROPN", "NOUN")), None)


# what a protest is held to do that names whom it is against: to demand of them, or to show them anger
_DEMANDING = frozenset({"demand", "urge", "press", "push", "call", "ask", "pressure", "force"})
_VOICING = frozenset({"voice", "vent", "express", "show"})


def protested_at(head: Token) -> Token | None:
    """Whom a protest is aimed at, told in the clause saying what it was for: whom it bids ("gathered
    to demand the council reopen the road", "marched to press the governor to resign") or whom its
    anger is at ("rallied to voice their anger at the police")."""
    for clause in (c for c in head.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"):
        lemma = clause.lemma_.lower()
        if lemma in _DEMANDING:
            bid = bidden(clause) or next((c for c in clause.children if c.dep_ in ("dative", "dobj")
                                          and c.pos_ in ("NOUN", "PROPN")), None)  # fmt: skip
            if bid is not None:
                return bid
        if lemma in _VOICING:
            felt = next((c for c in clause.children if c.dep_ == "dobj"), None)
            at = prep_object(clause, ("at", "against")) \
                or (prep_object(felt, ("at", "against", "towards")) if felt is not None else None)  # fmt: skip
            if at is not None:
                return at
    return None


def employer(party: Token) -> Token | None:
    """Whom workers who strike work for: "nurses at the Kelmo hospital", "staff employed by Tarvo
    Airways", "workers of the Dalo mine" (also through "hundreds of nurses at ...", and on the last
    of several: "cleaners and porters employed by ...")."""
    workers = [party] + ([inner] if (inner := of_object(party)) is not None else [])
    workers += [c for w in list(workers) for c in w.conjuncts]
    for w in workers:
        for c in w.children:
            if c.dep_ == "acl" and c.lemma_.lower() in ("employ", "hire", "contract"):
                found = prep_object(c, ("by",)) or next((g for a in c.children if a.dep_ == "agent"
                                                         for g in a.children if g.dep_ == "pobj"), None)  # fmt: skip
                if found is not None:
                    return found
        at = prep_object(w, ("at",))
        if at is not None:
            return at
    return None


def judged(head: Token) -> Token | None:
    """What a speaker's judgement is of: the subject of what was said ("said Ostland was
    violating the truce") or what it was said "of" ("said of the offer")."""
    clauses = reported_clauses(head)
    # "said the blast bears the hallmarks of the Tarvo Front": whose hallmarks
    marked = [prep_object(o, ("of",)) for c in clauses for o in c.children if o.dep_ == "dobj" and o.lemma_.lower() == "hallmark"]
    said = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return next((t for t in marked if t is not None), None) or next((t for t in said if t.pos_ in ("PROPN", "NOUN")), None) \
        or prep_object(head, ("of",))  # fmt: skip


_SPEAKER_PRONOUNS = frozenset({"we", "i"})
_QUOTED_OBJECTS = frozenset({"me", "us"})  # the speaker as a quotation's object


def performed_in_saying(verb: Token) -> bool:
    """Is the verb in the plain present, as a speech act done by saying it ("we condemn", "we do
    not endorse"), not one told of another time ("we did not always agree", "we are not
    rejecting"), nor under a condition ("if we do not condemn it")?"""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return False
    if verb.tag_ == "VBP":
        return True
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in ("do", "don't") for c in verb.children)


def speaker_of(head: Token) -> Token | None:
    """Who said what ``head`` is part of: the subject of the reporting verb its clause hangs from."""
    tok = head
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_.lower() in REPORT_VERBS:
            return next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return None


def is_weapon(tok: Token) -> bool:
    """Is the word a weapon (the means of an act, not its target)?"""
    return tok.lemma_.lower() in WEAPON_NOUNS


# what a "with" may tell beside an act that is no party to it: "with no reports of casualties"
_TOLD_WITH = frozenset("report casualty fatality injury loss damage".split())


def no_party(tok: Token) -> bool:
    """Is a prepositional object no one an act was done to: a weapon ("fired on them with
    rifles"), what it was told with ("with no reports of casualties"), a time ("launched an attack
    on the post at dawn", "at 3 pm"), or nothing ("with no one")?"""
    if is_weapon(tok) or tok.lemma_.lower() in _TOLD_WITH or _a_state_of_service(tok):
        return True
    if tok.lemma_.lower() in _TIMES_OF_DAY or tok.ent_type_ in _TIME_ENTITIES:
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


# the parts of a day an act is told at ("at dawn", "at nightfall"), which the model seldom labels a time
_TIMES_OF_DAY = frozenset("dawn dusk daybreak nightfall sunrise sunset midnight noon midday night nighttime "
                          "morning evening afternoon".split())  # fmt: skip
_TIME_ENTITIES = frozenset({"DATE", "TIME"})

# what a force is "on" when it is at work, not a target: "soldiers, while on patrol, clashed with",
# "forces on operation"
_SERVICE_STATES = frozenset({"patrol", "duty", "leave", "guard", "operation", "operations", "mission"})


def _a_state_of_service(tok: Token) -> bool:
    """Is the word a bare "on patrol", "on duty" (no "a patrol" fired on)?"""
    return tok.lemma_.lower() in _SERVICE_STATES and tok.head.lower_ == "on" \
        and not any(c.dep_ in ("det", "poss") for c in tok.children)  # fmt: skip


def shared_object(head: Token) -> Token | None:
    """The object a verb shares with the verb joined to it: "shot and killed a soldier",
    "attacked and injured three members", "attacked and fired at a patrol" (the parser hangs it
    on the second verb)."""
    if any(c.dep_ in ("nsubjpass", "ccomp", "xcomp") for c in head.children):
        return None
    for conj in head.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            found = next((c for c in conj.children if c.dep_ == "dobj"), None)
            if found is not None and is_weapon(found) and prep_object(head, TARGET_PREPS) is None:
                # "assaulted and pelted stones at a patrol", "attacked and set fire to a police post":
                # what was thrown or set is the means; whom it was aimed at is the object shared (not
                # when the act has its own party: "clashed with police and pelted stones on the road")
                found = _thrown_at(conj, found) or found
            found = found or prep_object(conj, _AIMING_PREPS)
            if found is not None:
                return found
    return None


# what a verb joined to an act aims at, when it has no object: "fired at", "opened up on"
_AIMING_PREPS = ("at", "on", "upon")
# what a thing thrown or set is aimed at: "pelted stones at", "set fire to"
_THROWN_AT = (*_AIMING_PREPS, "to")


def _thrown_at(verb: Token, thrown: Token) -> Token | None:
    """Whom a thing thrown or set was aimed at ("pelted stones at a patrol", "set fire to a post"):
    a party named there, not a pronoun (whom it stands for is the act's own party) nor a place."""
    aimed = prep_object(verb, _THROWN_AT) or prep_object(thrown, _THROWN_AT)
    if aimed is None or aimed.pos_ == "PRON" or aimed.lemma_.lower() in NON_ACTOR_OBJECTS:
        return None
    return aimed


# participles by which an event noun names its target: "an attack targeting a school"
_AIMING_VERBS = frozenset({"target", "hit", "strike", "aim"})


def aimed_at(noun: Token, dep: str = "acl") -> Token | None:
    """The object of a participle that says what an event noun was aimed at ("an arson attack
    targeting a factory", "airstrikes hitting a market"), or, with ``dep`` "advcl", what the act
    of a light verb was ("conducted airstrikes targeting militants", the parser's participle on
    "conducted")."""
    for clause in noun.children:
        if clause.dep_ == dep and clause.tag_ == "VBG" and clause.lemma_.lower() in _AIMING_VERBS:
            return next((c for c in clause.children if c.dep_ == "dobj"), None) or hedged_object(clause)
    return None


# words that hedge what a target was, which the parser may make a verb of its own: "targeting
# presumed militant positions" ("presumed" an xcomp whose object is the positions)
_HEDGING_VERBS = frozenset({"presume", "suspect", "believe", "allege"})


def hedged_object(verb: Token) -> Token | None:
    """The object of a hedging word the parser hung on ``verb`` as a clause of its own: "the
    positions" of "targeting presumed militant positions"."""
    hedge = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _HEDGING_VERBS
                  and c.i == verb.i + 1), None)  # fmt: skip
    return None if hedge is None else next((c for c in hedge.children if c.dep_ == "dobj"), None)


# verbs whose object is always what is talked about, never a party: "negotiated a truce with"
_TOPIC_VERBS = frozenset({"discuss", "negotiate", "debate"})
# what a judgement is about: "concern about", "anger over"
_TOPIC_PREPS = ("about", "over")


_DEALINGS = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def _joined_party(subject: Token | None) -> Token | None:
    """The party joined to a subject by "and" ("Ostland and Westria agreed")."""
    return None if subject is None else next((c for c in subject.children if c.dep_ == "conj"), None)


def _other_party(head: Token, source_tok: Token | None) -> Token | None:
    # (not what it was done with: "the army and the Front clashed with small arms")
    target_tok = prep_object(head, ("with",), skip=no_party)
    if target_tok is None:
        # "travelled to Baghdad for talks with Iraqi officials"
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                for pobj in prep.children:
                    target_tok = target_tok or prep_object(pobj, ("with",))
    if target_tok is None:
        target_tok = _joined_party(source_tok)  # "Russia and Turkey agreed a ceasefire": the second party is the target
    return target_tok


def link_roles(ctx: TriggerContext, actors: ActorIndex, context_country: str | None,
               foreign: bool, earlier: Sequence[Token] = (), people: Sequence[Token] = (),
               home: str | None = None) -> tuple[Actor | None, Actor | None]:  # fmt: skip
    """Source and target actors of the trigger. ``context_country`` is lent to generic actors
    ("villagers"), not to forces or officials when the sentence names another country (``foreign``).
    A pronoun stands for an actor named before it (``earlier``: head words, oldest first; see ``coref``),
    and a person named again, by surname or office, is the one named before (``people``: the
    article's people, ``coref.people_named``). A person the actor data does not know is who the
    article describes them as, else of its main country (``home``; see ``of_the_story``)."""
    trig = ctx.trig
    source_tok, target_tok, obj = role_tokens(ctx)

    def read(tok: Token) -> Actor | None:
        home_town = home_in_phrase(tok, ctx.places)
        if home_town is None:
            return resolve_actor(tok, actors, context_country=context_country, foreign_mentioned=foreign)
        # "the Kandahar governor", "the mayor of Tarvo": the town the phrase names is the actor's
        # country's, wherever the act happened (an office is lent no country otherwise)
        actor = resolve_actor(tok, actors, context_country=home_town)
        return actor if actor is None or actor.country else replace(actor, country=home_town)

    def read_person(tok: Token) -> Actor | None:
        actor = read(tok)
        return actor if actor is None else of_the_story(tok, actor, actors, people, home)

    def resolve(tok: Token | None) -> Actor | None:
        actor = None if tok is None else read(tok)
        if actor is not None and actor.sector == "unknown" and names_a_place(tok, ctx.places):
            return None  # "in Tarvo, Kelmo state, a man was shot": a place the parser made a party is none
        if actor is not None and people:
            # the fuller mention is read as a person: "President Ivo Kelmar" is the story's
            actor = named_again(tok, actor, people, read_person)
        return actor if actor is None else of_the_story(tok, actor, actors, people, home)

    # an instrument trigger ("were killed in an airstrike") has victims, not a source
    # a weapon named by what carries it ("a car bomb exploded") is no one's car: whose it was is
    # read below (``instrument_owner``)
    source = None if source_tok is not None and carried_weapon(source_tok) else resolve(source_tok)
    target = resolve(target_tok)
    if source is None and source_tok is not None and source_tok.lower_ in _SPEAKER_PRONOUNS and trig.spec.type in VERBAL_TYPES \
            and performed_in_saying(ctx.head):  # fmt: skip
        # '"We condemn the attack," the ministry said': a speech act in the first person is made by
        # saying it, by the one quoted (what "we" will do in a fight stays the speaker's generality)
        source = resolve(speaker_of(ctx.head))
    if source is None and source_tok is not None and refers(source_tok):
        source = antecedent(source_tok, earlier, resolve)
    if (source is None or source.sector == "unknown" or source.canonical == SEVERAL_STATES) and source_tok is not None \
            and names_a_pair(source_tok):  # fmt: skip
        # "the two leaders discussed ...", "both sides agreed ...", "the two countries agreed ..." (a side
        # is no one until told whose)
        first, second = the_two(source_tok, earlier, resolve)
        if first is not None:
            # (a visit the pair made goes to what they visited, not from one of them to the other:
            # "both leaders spent the weekend visiting markets")
            source, target = first, target or (None if _visit_made_together(trig, target_tok) else second)
    if source is None and source_tok is not None:
        source = instrument_owner(source_tok, resolve)
    if target is None and target_tok is not None and target_tok.lower_ in _QUOTED_OBJECTS \
            and (speaker := speaker_of(ctx.head)) is not None:  # fmt: skip
        # '"The minister blamed me," the opposition leader said': whom a quotation's "me" or "us" is
        target = resolve(speaker)
    if target is None and trig.spec.type in VERBAL_TYPES and (addressee := message_addressee(ctx.head)) is not None:
        # "sent a letter to the minister demanding an inquiry", "handed a petition to the governor urging
        # him to act": what a message asks or blames is asked of whom it went to (and "him" is that one)
        target_tok, target = addressee, resolve(addressee)
    if target is None and target_tok is not None and refers(target_tok):
        target = antecedent(target_tok, earlier, resolve, unlike=source)  # "he shot her": not himself
    if target is None and target_tok is not None and (counted := counted_before(target_tok)) is not None:
        target_tok, target = counted, resolve(counted)  # "two militants were killed and five were wounded by ..."
    if target is None and target_tok is not None and trig.spec.type in VERBAL_TYPES and _judged_thing(target_tok) \
            and (whose := owner(target_tok)) is not None and whose.dep_ != "pobj":  # fmt: skip
        # what is judged, praised or refused is no party, but whose it is is: "poured scorn on the
        # minister's budget", "had concerns about Kelmo's plan", "praised the army's courage" (not
        # an "of" phrase: "the treatment of detainees" is not theirs)
        target_tok, target = whose, resolve(whose)

    etype = trig.spec.type
    held = None
    if target_tok is not None and etype in VIOLENT and (target is None or target.sector not in ARMED_SECTORS):
        # "shelled two posts belonging to the Front", "struck a camp of the army": an act on what an
        # armed side holds is done to that side (ACLED's actor 2), not to a place or to civilians
        held = armed_holder(target_tok, resolve)
        target = held or target
    if target is None and etype in VIOLENT and ctx.head.lemma_.lower() not in REPELLING_VERBS and not trig.spec.target_acts \
            and (victims := harmed(ctx.head)) is not None:  # fmt: skip
        # "opened fire on a checkpoint, killing two guards", "fired shells at houses, killing a
        # woman": whom it harmed, not where it was aimed (a pronoun, "beating him", says no more
        # than the object it stands for; the dead of an attack repelled are the attackers, below)
        harmed_actor = resolve(victims) or someone_unknown(victims, context_country)
        if harmed_actor is not None:
            target_tok, target = victims, harmed_actor
    if target is None and target_tok is None and etype in VIOLENT and source is not None \
            and (came_upon := approached(ctx.head) or caught_at_work(ctx.head)) is not None:  # fmt: skip
        # "gunmen approached a patrol and opened fire", "officers were patrolling when gunmen opened
        # fire": an act told with no object was done to whom its doers came upon (not to themselves:
        # "the gunmen were fleeing when they opened fire")
        upon = resolve(came_upon)
        if upon is None or upon.canonical != source.canonical:
            target_tok, target = came_upon, upon
    if target is None and target_tok is not None and etype == "ASSAULT" and not names_a_place(target_tok, ctx.places):
        target = someone_unknown(target_tok, context_country)
    if target is not None and target_tok is not None and etype in VIOLENT and target.sector in _BYSTANDER_SECTORS \
            and (force := force_among(target_tok, resolve)) is not None:  # fmt: skip
        # "stoned police and health workers", "opened fire on traders and soldiers": a state's force
        # among those an act was done to is its target (ACLED's actor 2; the others are its victims too)
        target = force
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
    if target is not None and target_tok is not None and target_tok.lemma_.lower() in NON_ACTOR_OBJECTS \
            and not (etype in VIOLENT and target_tok.lemma_.lower() in FORCE_SITES and target.sector in ARMED_SECTORS) \
            and target is not held:  # fmt: skip
        target = None  # (but "attacked an army position" is an attack on the army)
    if source is None and source_tok is not None and etype == "PROTEST" and not trig.spec.target_acts:
        source = protesters(source_tok, actors, context_country)
    if etype in DIPLOMATIC_TYPES:
        source, target = its_state(source_tok, source, actors), its_state(target_tok, target, actors)
    if trig.spec.target_acts:
        source, target = target, source
        if target is None and etype in VIOLENT and (victims := harmed(ctx.head)) is not None:
            # "a car hit a mine, killing a soldier", "a soldier was killed after stepping on a mine":
            # whom the act a target did harmed (read after the swap: they did nothing)
            target = resolve(victims) or someone_unknown(victims, context_country)
    if source is None and trig.spec.key == OR_ELSE:
        source = resolve(speaker_of(ctx.head))  # "the regulator said the firm must stop or face action"
    if source is None and etype == "ACCUSE" and trig.spec.subjects:
        # an accusation keyed by what points at a party ("all indications point to the Front, the
        # minister said") is the one who says so: the signs are no accuser
        source = resolve(speaker_of(ctx.head))
    # an event noun that names its actor ("Russian airstrikes", "Turkish shelling")
    if source is None and trig.noun is not None:
        source = noun_owner(trig.noun, actors, lambda tok: resolve_actor(tok, actors, context_country=context_country))
    if etype == "FIGHT" and trig.noun is not None:
        # the two sides a fight was between are its parties, not whoever was killed in it or died
        # in it ("three rebels were killed in a firefight between the army and the Tarvo Front")
        # (a side the actor data does not know is armed: "between police and suspected robbers")
        sides = [(resolve(t) or armed_unknown(t, context_country)) if t is not None else None
                 for t in between_parties(trig.noun)]
        if sides[0] is not None and sides[1] is not None:
            source, target = sides
    if etype == "FIGHT" and trig.noun is not None and source is None and target is not None:
        # "the gunman was killed in a shootout with police": a fight of the one it is told of (the
        # gunman's) with the side it was with (the police's)
        other = prep_object(trig.noun, ("with",))
        side = resolve(other) if other is not None and (target_tok is None or other.i != target_tok.i) else None
        if side is not None:
            source, target = target, side
    if source is None:
        # "clashes between the army and rebels", "clashes were reported between ...": the first
        # party did it, the second had it done to it
        first, second = between_parties(trig.noun) if trig.noun is not None else (None, None)
        if first is None:
            first, second = between_parties(ctx.head)
        if first is None and ctx.head.dep_ == "nsubj":
            first, second = between_parties(ctx.head.head)  # "fighting took place between ..."
        source, target = resolve(first), target or resolve(second)
        party_tok = first
    else:
        party_tok = source_tok
    if source is None and (etype in VIOLENT or etype == "COERCE"):
        source = operation_owner(ctx.head, resolve)
    if source is None and etype == "ASSAULT" and target is not None:
        source = fought_with(ctx.head, resolve)
        if source is not None and target.sector == "civilians":
            # whoever fought is armed ("a fugitive was killed after exchanging fire with police"),
            # no civilian: an armed man the data does not know
            target = replace(target, canonical=target.text, sector="unknown")
    if etype in SYMMETRIC_TYPES and target is None and source is not None and party_tok is not None:
        target = other_side(party_tok, source, actors, resolve)
        source = first_side(party_tok, source, actors) if target is not None else source
    attacker = repelled_attacker(ctx.head, target_tok, actors, resolve)
    if attacker is not None:
        source, target = attacker, source  # the fight is the attackers', the defenders fought back
    if trig.spec.acled == DISRUPTED_WEAPONS and (disrupted := disrupted_thing(ctx.head)) is not None:
        # a weapon shot down, defused or seized is done to whose weapon it was ("shot down a drone
        # operated by the rebels", "defused bombs planted by militants"), not to whoever else took
        # part or to the weapon itself; one told of no one's is an unknown group's (acled.unnamed_victims)
        target = weapon_owner(disrupted, resolve)
    if etype == "PROTEST" and not trig.spec.target_acts and target is None:
        # whom a protest is against, told by what it was held to do ("to demand the government lower
        # prices", "to voice their anger at the police"), else, for a strike, whom the strikers work for
        aimed = protested_at(ctx.head) or (employer(source_tok) if source_tok is not None else None)
        target = resolve(aimed) if aimed is not None else None
    if etype == "PROTEST" and not trig.spec.target_acts and source is not None and source.sector == "civilians":
        # ordinary people who protest are protesters (a named person stays who they are)
        country = source.country or context_country
        source = replace(source, canonical=_protesters_of(actors, country), country=country, sector="protesters")
    return source, target


# what an armed side keeps besides the places and posts it holds (``PLACE_WORDS``): its stores and lines
_HELD_THINGS = frozenset("post site depot store stockpile cache line facility installation warehouse hideout "
                         "arsenal armoury armory".split())  # fmt: skip
_HOLDER_DEPS = ("compound", "amod", "nmod", "poss")


def armed_holder(thing: Token, resolve) -> Actor | None:
    """The armed side a place or store is told to be held by: whom it belongs to ("two posts
    belonging to the Front"), whose it is by "of" ("a camp of the army", "positions of the KLF") or
    by a word before it ("a rebel arms depot", "a KLF training camp"). A state's force or an armed
    group the data knows, or a group it does not know named by an acronym; not a people's or a
    civilian's ("a refugee camp"), nor a name, which a place's words are ("the Tarvo area", "the
    village of Kelmo", whatever the parser takes them for)."""
    if thing.lemma_.lower() not in PLACE_WORDS | FORCE_SITES | _HELD_THINGS:
        return None
    owners = [t for t in (belonging_to(thing), of_object(thing)) if t is not None]
    for tok in owners + modifiers_before(thing, _HOLDER_DEPS):
        actor = resolve(tok)
        if actor is not None and (actor.sector in ARMED_SECTORS or actor.sector == "unknown" and named_by_acronym(tok.text)):
            return actor
    return None


def _judged_thing(tok: Token) -> bool:
    """Is ``tok`` what a verbal act is about: its object, or the object of "on", "about", "over"
    ("poured scorn on the plan"), not whom it went to ("filed complaints with the ombudsman's office")?"""
    return tok.dep_ == "dobj" or tok.dep_ == "pobj" and tok.head.lower_ in ("on", "about", "over", "upon")


def names_a_place(tok: Token, places: Sequence[PlaceMention]) -> bool:
    """Is ``tok`` the name of one of the sentence's places ("Tarvo Township", "in Kelmo, Dunval"), one
    the gazetteer knows, a keyword or a qualifier ("Kelmo (Dunval)") says is a place, not a bare name after "in" that may be an
    organisation's? A name the actor data does not know that is a place is no party to an act."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return False  # a name read as a person's or an organisation's
    if tok.text[:1].isupper() and names_a_division(tok) \
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i for c in tok.children):
        return True  # "Dunval District", "Kelmo Township": a division named by its keyword
    # told as where it happened ("in Tarvo", "Tarvo, Kelmo": a relation), not a name that opens the
    # sentence and a town shares ("Brunson, a native of Kelmo, was detained")
    return any(m.start <= tok.idx < m.end and m.relation is not None and (m.candidates or m.kind != "place" or m.within_sure)
               for m in places)  # fmt: skip


# how a phrase names its head's town: "the Tarvo mayor", "Tarvo's governor", "the mayor of Tarvo"
_HOME_DEPS = frozenset({"compound", "nmod", "poss"})


def home_in_phrase(tok: Token, places: Sequence[PlaceMention]) -> str | None:
    """The country of a town or division the actor's own phrase names as its home ("Aleppo Mayor
    Ivo Dunval", "the Kelmo police chief", "the governor of Tarvo province"), when the sentence's
    reading of it has one. Not the phrase's head (a place as a party is a state: ``names_a_place``)."""
    phrase = {t.i for t in actor_phrase(tok)} - {tok.i}
    for m in places:
        if m.country is None or m.head_i not in phrase or m.kind == "country":
            continue
        word = tok.doc[m.head_i]
        if word.ent_type_ in ("ORG", "PERSON") or word.dep_ not in _HOME_DEPS | {"pobj"}:
            continue
        if word.dep_ == "pobj" and not (word.head.lower_ == "of" and word.head.head.i == tok.i):
            continue
        return m.country
    return None


def listed_after(place: Token, verb: Token, places: Sequence[PlaceMention]) -> Token | None:
    """The party the parser listed after the place it took for the verb's subject: "in Tarvo,
    Kelmo, members of the Front clashed" (parsed "Kelmo" the subject, "members" its apposition)."""
    return next((t for t in place.subtree if t.dep_ in ("appos", "conj") and t.pos_ in ("NOUN", "PROPN")
                 and t.i < verb.i and not names_a_place(t, places) and not any(m.start <= t.idx < m.end for m in places)),
                None)  # fmt: skip


def someone_unknown(tok: Token, country: str | None) -> Actor | None:
    """Whom an attack was done to, named by words the actor data does not know ("a party's
    communal leader", "a poultry farm", "two houses"): civilians or their property, of the
    country where it happened, as ACLED codes whom violence is done to when the text names no
    armed side, and as a vehicle no owner is named for is read (``mentions.actors``). Not a
    place, a thing an act is no attack on, a weapon, a pronoun, a time or an amount."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in PRONOUNS or tok.ent_type_ in _NOT_PARTIES:
        return None
    if tok.lemma_.lower() in NON_ACTOR_OBJECTS | PLACE_WORDS | _NO_VICTIMS or is_weapon(tok) or names_a_kind(tok):
        return None
    if tok.lemma_.lower() in ARMED_POSTS_AND_UNITS and not any(c.lower_ == "civilian" for c in tok.children):
        # "a patrol", "a border post", "three checkpoints": armed men or where they stand, whose side
        # the text does not name; an act on them meets an armed side, no civilians (a "civilian guard" is one)
        return _party_told(tok, None, country, "unknown")
    return _party_told(tok, "civilians", country)


# nouns of armed units and of the posts they hold, named without whose they are
ARMED_POSTS_AND_UNITS = frozenset(
    "patrol convoy post outpost checkpoint checkpost garrison barracks position unit detachment squad platoon "
    "battalion brigade regiment escort bodyguard guard sentry".split())  # fmt: skip


def _party_told(tok: Token, canonical: str | None, country: str | None, sector: str = "civilians") -> Actor | None:
    """The actor the words of ``tok``'s phrase name (``canonical`` None: as written)."""
    phrase = actor_phrase(tok)
    if not phrase:
        return None
    words = tok.doc[phrase[0].i : phrase[-1].i + 1]
    return Actor(words.text, canonical or words.text, country, sector, Span(words.start_char, words.end_char))


def armed_unknown(tok: Token, country: str | None) -> Actor | None:
    """A side of a fight the actor data does not know ("suspected robbers", bare plural or not):
    whoever fought is armed, no civilian."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in PRONOUNS or tok.ent_type_ in _NOT_PARTIES or is_weapon(tok):
        return None
    return _party_told(tok, None, country, "unknown")


def names_a_kind(tok: Token) -> bool:
    """Is ``tok`` a bare plural ("attacks worshippers", "attacking churches is forbidden"), which
    names a kind of people or things, not the ones a particular act was done to ("two houses",
    "the farmers' huts", "several shops")?"""
    if tok.tag_ not in ("NNS", "NNPS"):
        return False
    return not any(c.dep_ in ("det", "nummod", "poss", "quantmod") or c.lower_ in _HOW_MANY for c in tok.children)


_HOW_MANY = frozenset("several many numerous dozens hundreds".split())


# entity kinds no party is: places, times, amounts
_NOT_PARTIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
# what an act's object may be that is no one it was done to: "caused material damage", "fired
# into the air", "the device exploded", "caused the blast", "killing livestock" (animals are no party)
_NO_VICTIMS = frozenset(
    "damage air device blast explosion explosive ied livestock cattle goat sheep camel cow animal".split()
)


def its_state(tok: Token | None, actor: Actor | None, actors: ActorIndex) -> Actor | None:
    """A people named by its nationality ("the Ostlanders", "the Iraqis"), a party to an act
    between states, is its state's government, not its civilians."""
    if tok is None or actor is None or actor.sector != "civilians" or tok.pos_ == "ADJ":
        return actor
    entry = actors.plural_demonym(tok) or actors.get(tok.text)
    if entry is None or entry.kind != "demonym" or entry.country != actor.country:
        return actor
    name = actors.country_name(entry.country) or entry.canonical
    return replace(actor, canonical=f"{name} government", sector="government")


def of_the_story(tok: Token, actor: Actor, actors: ActorIndex, people: Sequence[Token], home: str | None) -> Actor:
    """A named person the actor data does not know ("Mr Dunval", "Ivo Kelmar said") is who the
    article describes them as ("Dunval, a Kelmari lawyer", "Dunval was a Tarvo Front commander"),
    and of the article's own country (``home``) when it gives none: a report names people of
    elsewhere by their country, its own people by their name alone. A member of a group the
    actor data knows is of that group's country, none for a group that has none, and so is an
    international body's official ("Secretary-General Ivo Dunval")."""
    if actor.country is not None and actor.sector != "unknown" or actor.sector == "igo" or not names_a_person(tok):
        return actor
    told = description(tok, people, lambda noun: resolve_actor(noun, actors))
    sector = told.sector if actor.sector == "unknown" and told is not None and not _names_country(told, actors) else actor.sector
    country = actor.country or (told.country if told is not None and (told.country or _names_group(told, actors)) else home)
    return replace(actor, country=country, sector=sector)


def _names_country(actor: Actor, actors: ActorIndex) -> bool:
    """Is ``actor`` a country read from its name ("a native of Ostland"): its government's sector
    says nothing of a person described by it."""
    entry = actors.get(actor.canonical)
    return entry is not None and entry.kind in ("country", "capital")


def _names_group(actor: Actor, actors: ActorIndex) -> bool:
    """Is ``actor`` an organisation the actor data names (not a kind of people: "a lawyer")?"""
    entry = actors.get(actor.canonical)
    return entry is not None and entry.kind == "org"


def names_a_person(tok: Token) -> bool:
    """Is ``tok`` the head of a person's name ("Ivo Kelmar", "Mrs Dunval")?"""
    return tok.ent_type_ == "PERSON" or any(c.dep_ == "compound" and is_honorific(c) for c in tok.children)


def other_side(party: Token, actor: Actor, actors: ActorIndex, resolve) -> Actor | None:
    """The second of two sides one phrase names ("forces of Ostland and Kelmar exchanged fire",
    "Tarvo and Dunval militias clashed", "Indian and Pakistani troops"): a country's is the same
    kind of force as the first side, a group the data names is itself, another name is a force
    like the first side's."""
    owners = coordinated_owners(party)
    if owners is None:
        return None
    second = owners[1]
    span = Span(second.idx, second.idx + len(second.text))
    entry = actors.get(second.text)
    if entry is not None and entry.kind in ("country", "demonym", "capital"):
        name = actors.country_name(entry.country) or entry.canonical
        return Actor(second.text, f"{name} {actor.sector}", entry.country, actor.sector, span)
    named = resolve(second)
    if named is not None and named.sector != "unknown":
        return named
    # the same kind of force as the first side, in the words that say so: "Dunval communal militias"
    words = party.doc[second.i : party.i + 1] if second.i < party.i else party.doc[second.i : second.i + 1]
    return Actor(words.text, actor.canonical, actor.country, actor.sector, Span(words.start_char, words.end_char))


def first_side(party: Token, actor: Actor, actors: ActorIndex) -> Actor:
    """The first of two sides one phrase names, of the country its own word names ("Ostlandic" in
    "Ostlandic and Kelmari troops", which the phrase's words, broken by the second side's, leave
    out of the first's): no country lent from where it happened."""
    first = coordinated_owners(party)[0]  # (there are two: ``other_side`` found the second)
    entry = actors.get(first.text)
    if entry is None or entry.kind not in ("country", "demonym", "capital") or not entry.country \
            or actor.country == entry.country:  # fmt: skip
        return actor
    name = actors.country_name(entry.country) or entry.canonical
    return replace(actor, canonical=f"{name} {actor.sector}", country=entry.country)


def coordinated_owners(party: Token) -> tuple[Token, Token] | None:
    """Two owners joined inside one party's phrase: (Ostland, Kelmar) in "forces of Ostland and
    Kelmar", "Ostland and Kelmar forces", "Ostlandic and Kelmari troops"."""
    for child in party.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < party.i:
            owner = child
        elif child.dep_ == "prep" and child.lower_ == "of":
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
        else:
            continue
        second = None if owner is None else next((c for c in owner.children if c.dep_ == "conj"), None)
        if second is not None:
            return owner, second
    return None


def repelled_attacker(head: Token, attack: Token | None, actors: ActorIndex, resolve) -> Actor | None:
    """Who made the attack a force repelled: "soldiers repelled an attack by militants", "police
    foiled a rebel raid", "a gang's assault was repulsed by the army" (ACLED's actor 1: who attacked)."""
    if attack is None or head.lemma_.lower() not in REPELLING_VERBS or attack.lemma_.lower() not in OPERATION_NOUNS:
        return None
    return noun_owner(attack, actors, resolve) or owner_named_before(attack, resolve) or _armed_of(attack, resolve)


def _armed_of(attack: Token, resolve) -> Actor | None:
    """An armed party an attack is told "of" ("thwarted an attack of rebel forces"): who made it,
    not what it was on (a town or its people are attacked "on", not "of")."""
    of = of_object(attack)
    actor = resolve(of) if of is not None else None
    return actor if actor is not None and actor.sector in ARMED_SECTORS | {"unknown"} else None


def owner_named_before(noun: Token, resolve) -> Actor | None:
    """Whose act "their attack" is, when the sentence named them before it ("five militants
    were killed when troops repelled their attack"): the latest subject before it that reads as
    an actor and is not the one who met the act."""
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("their", "its")), None)
    if poss is None:
        return None
    met_by = {c.i for c in noun.head.children if c.dep_ == "nsubj"}
    named = [t for t in noun.sent if t.i < poss.i and t.dep_ in ("nsubj", "nsubjpass") and t.i not in met_by
             and t.pos_ in ("NOUN", "PROPN")]  # fmt: skip
    return next((a for a in map(resolve, reversed(named)) if a is not None), None)


def protesters(tok: Token, actors: ActorIndex, country: str | None) -> Actor | None:
    """Whoever protests is a protester (ACLED's "Protesters (Country)"): "traders demonstrated",
    "owners and workers of transport companies protested" — people the actor data does not name."""
    if tok.pos_ == "PRON" or tok.lower_ in PRONOUNS:
        return None
    phrase = actor_phrase(tok)
    if not phrase:
        return None
    words = tok.doc[phrase[0].i : phrase[-1].i + 1]
    return Actor(words.text, _protesters_of(actors, country), country, "protesters", Span(words.start_char, words.end_char))


def _protesters_of(actors: ActorIndex, country: str | None) -> str:
    """ACLED's name for a country's protesters: "Kenya protesters"."""
    return f"{actors.country_name(country) or ''} protesters".strip()


def noun_owner(noun: Token, actors: ActorIndex, resolve) -> Actor | None:
    """The actor an event noun names: "Russian airstrikes", "Hezbollah's attack", "shelling by the army",
    "shells fired by rebels"."""
    for child in noun.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < noun.i and not _aimed_against(child):
            entry = actors.get(child.text)
            if entry is not None and entry.kind == "generic" and entry.sector in ARMED_SECTORS and not is_weapon(child) \
                    and (force := resolve(child)) is not None:
                # a force's word: "army shelling", "a police raid", "Ostland-led coalition air raids" (of its leader's country)
                leader = _leader_country(noun, actors)
                return force if leader is None else replace(force, country=leader)
            if entry is not None and entry.kind in ("demonym", "country", "org"):
                sector = "military" if entry.kind in ("demonym", "country") else entry.sector
                name = actors.country_name(entry.country) or entry.canonical
                return Actor(child.text, f"{name} {sector}" if entry.kind != "org" else entry.canonical,
                             entry.country, sector, Span(child.idx, child.idx + len(child.text)))  # fmt: skip
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            # ("rocket fire from the rebels": whence fire came is who fired it, unless a place)
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and (child.lower_ == "by" or not _a_place_word(pobj)):
                return resolve(pobj)
        layer = _hyphened_doer(child)
        if layer is not None:
            found = resolve(layer)
            if found is not None:
                return found
    # "the nurses' strike", "the army's shelling": a possessor that is someone (not a day, nor the
    # place it happened in: "Sunday's explosion", "Aleppo's bombardment")
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON" and c.ent_type_ not in _NO_DOERS), None)
    found = resolve(poss) if poss is not None else None
    if found is not None:
        return found
    found = _first_actor(_clause_agents(noun), resolve)  # "shells fired by the rebels", "a drone operated by the army"
    done_to = of_object(noun)
    if found is None and done_to is not None:
        # "the bombing of a market in Dalo by unknown aircraft": the parser hangs the doer on what it was done to
        found = _first_actor([p for p in [prep_object(done_to, ("by",))] if p is not None], resolve)
    return found


def _aimed_against(modifier: Token) -> bool:
    """Is the modifier what a weapon is made against ("tank" in "an anti-tank mine"), not its user?"""
    doc = modifier.doc
    before = [doc[i].lower_ for i in range(max(0, modifier.i - 2), modifier.i)]
    return before[-1:] == ["-"] and before[:1] in (["anti"], ["counter"]) or before[-1:] in (["anti"], ["counter"])


def _a_place_word(tok: Token) -> bool:
    """Does ``tok`` name a place or a direction ("from Tarvo", "from the north", "from the hill"),
    not whose it is ("from rebel positions")?"""
    if tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.lemma_.lower() in DIRECTIONS:
        return True
    return tok.lemma_.lower() in PLACE_WORDS and not any(c.dep_ in ("compound", "amod", "poss") for c in tok.children)


def _leader_country(noun: Token, actors: ActorIndex) -> str | None:
    """The country a hyphened "-led" before an event noun names: "Ostland-led coalition air raids"."""
    for led in (c for c in noun.children if c.dep_ == "amod" and c.lower_ == "led"):
        for name in led.children:
            entry = actors.get(name.text)
            if entry is not None and entry.kind in ("demonym", "country") and entry.country:
                return entry.country
    return None


# participles that tell who used a weapon, joined to the user by a hyphen: "a rebel-planted mine"
# ("Russian-made", "rebel-held" tell who made or holds it, not who used it)
_USED_BY = frozenset("plant lay place fire launch operate drop throw detonate hurl".split())


def _hyphened_doer(modifier: Token) -> Token | None:
    """The user a hyphened participle names: "Taliban" in "a Taliban-planted landmine"."""
    if modifier.dep_ != "amod" or modifier.tag_ != "VBN" or modifier.lemma_.lower() not in _USED_BY:
        return None
    return next((c for c in modifier.children if c.dep_ in ("npadvmod", "compound", "nmod") and c.i + 2 == modifier.i
                 and modifier.doc[c.i + 1].text == "-"), None)  # fmt: skip


# entity kinds of a possessor that did no act: a day, or the place it happened in
_NO_DOERS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})


def instrument_owner(tok: Token, resolve) -> Actor | None:
    """Who wielded the weapon a sentence makes the doer: its modifier ("a militia mortar",
    "army gunfire"), a "by" object, or the agent of a clause on it ("shells fired by rebels")."""
    if tok.lemma_.lower() not in _WIELDED:
        return None
    # "a car bomb", "a roadside bomb": what carries or hides the weapon is its kind, not its owner
    agents = [t for t in _operation_agents(tok) if not _carrier(t)]
    return _first_actor(agents, resolve)


# weapons laid in wait, which the sentence makes the doer when they go off ("an IED planted by the
# Front exploded", "an explosive device left by rebels went off"): whoever laid them is the source
_LAID_WEAPONS = frozenset("ied ieds vbied landmine landmines device devices".split())
_WIELDED = INSTRUMENT_NOUNS | _LAID_WEAPONS  # (joined once, not on every call)

_WEAPON_CARRIERS = frozenset(
    "car truck lorry vehicle motorcycle motorbike bicycle bus van boat roadside parcel letter pipe barrel".split()
)


DISRUPTED_WEAPONS = "Disrupted weapons use"


def disrupted_thing(head: Token) -> Token | None:
    """What a disruption was done to: "shot down a drone", "a drone was shot down", "recovered and
    defused two bombs"."""
    return next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None) or shared_object(head)


def weapon_owner(weapon: Token, resolve) -> Actor | None:
    """Whose a weapon is: who used or laid it ("a drone operated by the army", "bombs planted by
    rebels"), whom it is told to belong to or of ("rifles belonging to the Front", "a depot of the
    rebels"), else its modifier ("an army drone", "rebel mortars"), not what carries it ("a car bomb")."""
    holders = [*_clause_agents(weapon), *filter(None, [belonging_to(weapon), of_object(weapon)])]
    holders += [c for c in weapon.children if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < weapon.i
                and not _carrier(c)]
    return _first_actor(holders, resolve)


# whom an act may be done to beside a state's force: people, the press, traders
_BYSTANDER_SECTORS = frozenset({"civilians", "media", "business"})


def force_among(party: Token, resolve) -> Actor | None:
    """A state's force told together with others an act was done to: a conjunct ("traders and
    soldiers"), a coordinated modifier ("police and health workers", which the parser may hang as
    "police" on "workers"), or a conjunct of whom a group is of ("a team of doctors and police")."""
    members = [party, *([o] if (o := of_object(party)) is not None else [])]
    told = [c for m in members for c in m.conjuncts]
    told += [c for c in party.children if c.dep_ in ("nmod", "compound") and any(g.dep_ == "conj" for g in c.children)]
    return next((a for a in map(resolve, told) if a is not None and a.sector in STATE_FORCES), None)


def _carrier(tok: Token) -> bool:
    return tok.dep_ == "compound" and tok.lemma_.lower() in _WEAPON_CARRIERS


def carried_weapon(tok: Token) -> bool:
    """Is ``tok`` a weapon named by what carries or hides it ("a car bomb", "a roadside bomb")?"""
    return is_weapon(tok) and any(_carrier(c) for c in tok.children)


def operation_owner(head: Token, resolve) -> Actor | None:
    """The armed force whose operation an act happened in: "killed during a police operation",
    "died in a raid by troops", "captured during security operations carried out by the
    gendarmerie". Only an armed force or a government counts: "a rescue operation by
    volunteers" names no one who did the act. The operation may hang on a verb joined to the act
    ("were killed and five went missing following an attack by militants"): it is told of both."""
    preps = [c for verb in (head, *head.conjuncts) for c in verb.children]
    # or on a noun of the clause the parser hung it on ("were wounded including a commander
    # following an attack by militants": "following" on the commander)
    preps += [c for verb in (head, *head.conjuncts) for obj in verb.children if obj.pos_ == "NOUN" or obj.dep_ == "prep"
              for noun in (obj, *obj.children) if noun.pos_ == "NOUN" for c in noun.children
              if c.dep_ == "acl" and c.lower_ in _FOLLOWING]  # fmt: skip
    for prep in preps:
        # "following" as the parser may read it: a participle on a noun or on the verb ("were
        # wounded following an ambush": an xcomp)
        word = prep.text.lower()
        if not (prep.dep_ == "prep" and word in _OPERATION_PREPS or prep.dep_ in ("acl", "xcomp", "advcl") and word in _FOLLOWING):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in OPERATION_NOUNS:
                continue
            for tok in _operation_agents(noun):
                actor = resolve(tok)
                if actor is not None and actor.sector in _OPERATING_SECTORS:
                    return actor
    return None


# participles that tell what an act came after, which the parser may hang on a noun before them
_FOLLOWING = frozenset({"following"})
# verbs by which a text tells that the one harmed was fighting someone ("after exchanging fire with")
_FIGHTING_GERUNDS = frozenset({"exchange", "clash", "fight", "battle", "engage"})
_WHILE_PREPS = frozenset({"after", "while", "during", "in", "following", "when"})


def fought_with(head: Token, resolve) -> Actor | None:
    """The side the one harmed was fighting: "a smuggler was killed after exchanging fire with
    police", "was wounded while fighting soldiers" (the police, the soldiers harmed him). The
    fight is told by a gerund under a preposition of time; its noun ("killed in a clash with")
    is a trigger of its own."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in _WHILE_PREPS:
            continue
        for act in (c for c in prep.children if c.dep_ == "pcomp" and c.lemma_.lower() in _FIGHTING_GERUNDS):
            objects = [c for c in act.children if c.dep_ == "dobj"]
            other = prep_object(act, ("with", "against")) or next(
                (p for o in objects for p in [prep_object(o, ("with", "against"))] if p is not None), None)
            if other is None and act.lemma_.lower() != "exchange":
                other = objects[0] if objects else None  # "while fighting soldiers"
            if other is not None:
                return resolve(other)
    return None


def _operation_agents(noun: Token) -> list[Token]:
    """Who an operation noun says carried it out: its modifiers ("army operation"), a "by" object
    ("raid by troops"), the agent of a clause on it ("operations carried out by the gendarmerie")."""
    out = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < noun.i]
    out += [p for c in noun.children if c.dep_ == "prep" and c.text.lower() == "by" for p in c.children if p.dep_ == "pobj"]
    out += [t for t in between_parties(noun) if t is not None]
    return out + _clause_agents(noun)


def _clause_agents(noun: Token) -> list[Token]:
    """The agents of the participle clauses on ``noun``: "operations carried out by the gendarmerie",
    and whom such a clause lays the act on: "an attack attributed to the Front", "a raid blamed on
    herders" (ACLED's actor 1 is whom its sources lay an attack on)."""
    clauses = [c for c in noun.children if c.dep_ == "acl"]
    agents = [p for clause in clauses for a in clause.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    laid_on = [p for clause in clauses if (preps := _ASCRIBING.get(clause.lemma_.lower())) is not None
               and (p := prep_object(clause, preps)) is not None]  # fmt: skip
    return agents + laid_on


# participles that lay an act on someone, and the preposition that names them
_ASCRIBING = {"attribute": ("to",), "ascribe": ("to",), "blame": ("on",)}


def _first_actor(tokens: list[Token], resolve) -> Actor | None:
    return next((a for a in map(resolve, tokens) if a is not None), None)


def between_parties(word: Token) -> tuple[Token | None, Token | None]:
    """The two sides a word is "between": "a firefight between police and gunmen", "an exchange of
    fire between police and robbers" (the parser may hang it on the "of" object)."""
    holders = [word, *([o] if (o := of_object(word)) is not None else [])]
    prep = next((c for w in holders for c in w.children if c.dep_ == "prep" and c.text.lower() == "between"), None)
    first = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if first is None:
        return None, None
    second = next((c for c in first.children if c.dep_ == "conj"), None)
    if second is None and not _of_one_kind(first):
        second = _side_hung_on_a_qualifier(first)
    # "between two clans", "between rival gangs": both sides are of that kind
    return first, second if second is not None or not _of_one_kind(first) else first


def _side_hung_on_a_qualifier(first: Token) -> Token | None:
    """The second side the parser hangs on the last noun of what a force's unit or home qualifies the
    first by: "between police from the Tarvo station and gunmen", "between troops of the 4th brigade
    and rebels" (not a place: "police from Tarvo and Kelmo" are the police of both; not where it was:
    "between two groups in Tarvo, Kelmo")."""
    tok = first
    while (pobj := next((p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                         for p in c.children if p.dep_ == "pobj"), None)) is not None:
        second = next((c for c in pobj.children if c.dep_ == "conj"), None)
        if second is not None:
            return None if second.ent_type_ in ("GPE", "LOC", "FAC") else second
        tok = pobj
    return None


def _of_one_kind(sides: Token) -> bool:
    """Are ``sides`` two groups of one kind ("two clans", "rival gangs")?"""
    return sides.tag_ == "NNS" and any(c.dep_ == "nummod" and c.lower_ == "two" or c.dep_ == "amod" and c.lower_ == "rival"
                                       for c in sides.children)  # fmt: skip


def owner(noun: Token) -> Token | None:
    """The party whose act ``noun`` is: a possessor ("Russia's attack"), a "by"/"from"/"of"
    object, or a name before it ("US claims", "the Ostland government's offer")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    found = prep_object(noun, ("by", "from", "of"))
    if found is not None:
        return found
    return next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i), None)


# the words of a clause that tells when a fight broke out by what someone was doing ("a shoot-out
# broke out when police approached a car", "as troops entered the village")
_WHEN_MARKS = frozenset({"when", "as", "while", "after"})
# the armed sides a fight told with no side is theirs
_FIGHTING_SECTORS = frozenset({"military", "police", "rebels"})


def fighter_told_nearby(trig: Token, previous: SpacySpan | None, index: ActorIndex,
                        context_country: str | None) -> Actor | None:  # fmt: skip
    """The armed side of a fight told with no side ("a shoot-out broke out"), from the clause that
    tells when it broke out ("... when police approached a car") or else from the subject of the
    sentence before, which told who went in ("Police officers went to the district to arrest a
    suspect. A shoot-out broke out."). ACLED codes such a fight as that force's against whoever
    it met; only a force or an armed group is taken, never people who happened to be there."""
    verb = trig
    for _ in range(3):  # from the fight's noun ("a shoot-out", its words compounded) up to its verb
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    clauses = [c for c in verb.children if c.dep_ == "advcl"
               and any(m.dep_ in ("mark", "advmod") and m.lower_ in _WHEN_MARKS for m in c.children)]  # fmt: skip
    subjects = [s for c in clauses for s in c.children if s.dep_ == "nsubj"]
    if previous is not None:
        subjects += [s for s in previous.root.children if s.dep_ == "nsubj"]
    for subject in subjects:
        actor = resolve_actor(subject, index, context_country=context_country)
        if actor is not None and actor.sector in _FIGHTING_SECTORS:
            return actor
    return None
