"""What kind of event: the PLOVER mode the lexicon leaves open, and ACLED's sub-event type.

The mode is read from the words around the trigger ("demanded the resignation" is
REQUEST/change, "a drone struck" FIGHT/drone); the ACLED rules of the lexicon ("by_target",
"territory") are read from the actors ("an attack on civilians", "state forces retook").
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..acled import STATE_SECTORS, named_by_kin, told_off_duty
from ..events import Actor
from ..mentions.triggers import (ATTACKED_PROTEST, BATON_CHARGE, RECEIVING_VERBS, SELF_IMMOLATION, THROWING_VERBS,
                                 TRUCES, VIOLENT, WITNESSING_VERBS, TriggerMatch, agent_of, at_the_hands_of,
                                 told_as_witnessed)
from ..ontology import TriggerSpec
from .context import subject_of
from .coref import actor_head

LOOTING = frozenset({"loot", "plunder", "ransack", "looting"})
# a protest's names ("protesters", "a rally", "a sit-in")
_PROTEST_NAMES = r"protest\w*|demonstrat(?:ion|ions|ors?|ing)|rall(?:y|ies)|sit-ins?|pickets?|dharnas?"
_PROTEST_WORDS = re.compile(rf"\b(?:{_PROTEST_NAMES})\b", re.I)
_ARMED_WORDS = re.compile(r"\b(?:arm(?:ed|s)|gun\w*|militi\w*|militant\w*|fighters?|rebels?|insurgents?|forces?|troops?|soldiers?|gangs?|"
                          r"bandits?|traffickers?|smugglers?|dealers?|hitm[ae]n|cartels?|guerrill\w*|jihadists?|"
                          r"police\w*|army|patrol\w*|convoy\w*|units?|positions?|posts?|outposts?|bases?|checkpoints?|"
                          r"checkposts?|garrisons?|barracks|detachments?|squads?|platoons?|battalions?|brigades?|"
                          r"regiments?|escorts?|bodyguards?|guards?|sentr(?:y|ies))\b", re.I)
_INTERVENTION_WORDS = ("tear gas", "teargas", "dispersed", "disperse", "rubber bullets", "water cannon", "baton",
                       "intervened", "used force", "by force", "lathi")


def acled_sub_event(spec: TriggerSpec, source: Actor | None, target: Actor | None, sent: SpacySpan,
                    aimed_at: Token | None = None) -> str | None:  # fmt: skip
    """The lexicon's ACLED sub-event type, with its rules applied to the event's actors.
    ``aimed_at``: the word the act was aimed at, when it names no actor ("attacked a camp of the
    reserve police", "fired at the checkpoint")."""
    rule = spec.acled
    if rule == "Remote explosive/landmine/IED" and _PAST_WAR.search(sent.text):
        # a mine or a shell left from a war long over went off: no one's act now, ACLED's "Other"
        return "Other"
    # (a crowd that assaults a protest is no riot of its own)
    if spec.type in VIOLENT and rule in ("by_target", "Attack", "Armed clash", "Mob violence") \
            and is_crowd(source, spec.mode in _SHOOTING) and spec.key != ATTACKED_PROTEST.key:  # fmt: skip
        # villagers, workers, "a group of people" who attack or clash: ACLED's rioters; in a protest
        # ("workers demonstrated and pelted stones at police", "clashed with police, demanding
        # wages"), a demonstration turned violent
        return "Violent demonstration" if protest_told(sent, target) else "Mob violence"
    if rule == "Mob violence" and _one_person(source, sent):
        return "Attack"  # "a man threw stones at a nurse": one man is no mob
    # the state's violence against protesters, whatever the act's own type ("police beat the marchers",
    # "soldiers shot at the demonstrators"); a crowd broken up with sticks is the protest's, with the
    # state's intervention
    if rule in ("by_target", "Attack") and target is not None and is_protesting(target, sent) \
            and source is not None and source.sector in STATE_SECTORS:  # fmt: skip
        return "Protest with intervention" if spec.key == BATON_CHARGE.key else "Excessive force against protesters"
    if rule == "by_target":
        if _property_only(target, aimed_at, sent):
            return "Looting/property destruction"
        if _heavy_guns_at_an_area(target, aimed_at, sent):
            return "Shelling/artillery/missile attack"
        if unarmed_target(target) or off_duty(target, sent):
            return "Attack"
        if target is None and (source is None or source.sector in ("rebels", "unknown")) and not _armed_aim(aimed_at):
            return "Attack"  # (no one named on either side: a killing of someone unknown, by someone unknown)
        if target is None and _civilian_site(aimed_at):
            return "Attack"  # "troops fired on the village", "shelled homes": whoever aims at them
        if target is not None and target.sector == "unknown" and not _ARMED_WORDS.search(target.text):
            return "Attack"  # people the actor data does not know ("a drug suspect", "two farmers") are unarmed
        return "Armed clash"
    if spec.type == "AID" and rule is None and source is not None and source.sector in ("rebels", "unknown") \
            and _ARMED_WORDS.search(source.text):  # fmt: skip
        return "Change to group/activity"  # a cartel or an armed group handing out food: ACLED's change in its activity
    if (rule == "territory" or spec.key in _ENTERING) and _TAKEN_WITHOUT_A_FIGHT.search(sent.text):
        # ground taken or entered with no fight is ACLED's non-violent transfer, whoever took it
        return "Non-violent transfer of territory"
    if rule == "territory":
        return "Government regains territory" if source is not None and source.sector in STATE_SECTORS \
            else "Non-state actor overtakes territory"  # fmt: skip
    if rule == "Peaceful protest":
        # the protest's sentence, or the one after it, which tells how it ended ("Police intervened
        # and removed the marchers by force"); read once, not once per word
        told = (sent.text + " " + _next_sentence(sent)).lower()
        if any(w in told for w in _INTERVENTION_WORDS) or _CROWD_REMOVED.search(told):
            return "Protest with intervention"
        if sent.end < len(sent.doc) and riot_told_after(sent.doc[sent.end].sent):
            return "Violent demonstration"  # "... demonstrated outside the prison. The inmates burnt documents."
        if _RIOT_TOLD_WITH.search(sent.text):
            return "Violent demonstration"  # "blocked the highway and engaged in stone pelting", "burning tyres"
    if spec.mode == "release" and _SWAP_TOLD.search(sent.text):
        return "Agreement"  # "freed 12 soldiers in exchange for 20 fighters": a swap, which ACLED codes as the two sides' agreement
    if rule == "Arrests" and (target is not None and is_protesting(target, sent) or _PROTEST_WORDS.search(sent.text)):
        # "police detained three activists taking part in an unauthorised protest": ACLED codes
        # the protest, with the arrests as its intervention
        return "Protest with intervention"
    return rule


# a device told as left from a war that is over: "a mine left over from the civil war", "explosive
# remnants of war", "a landmine laid during the 1980s war", "a war-era shell"
_PAST_WAR = re.compile(r"\b(?:left ?over from|leftover from|remnants? of (?:the )?war|explosive remnants?|"
                       r"(?:laid|planted|left|dropped|buried) (?:during|in) the [\w\s-]{0,30}?war|war-era|wartime|"
                       r"from (?:the )?(?:former|previous|past|last) war)\b", re.I)


# crew-served guns fired from afar: a heavy machine gun, an anti-aircraft gun, a calibre of 12 mm and up
# ("fired 14.5mm machine guns", "machine guns, assumedly heavy"); a rifle or a bare machine gun is a gun
_HEAVY_GUNS = re.compile(r"\b(?:heavy machine[- ]?guns?|anti-?aircraft (?:guns?|cannons?)|"
                         r"machine[- ]?guns?,? (?:\w+ ){0,3}heavy|(?:1[2-9]|[2-9]\d)(?:\.\d)? ?mm)\b", re.I)


def _heavy_guns_at_an_area(target: Actor | None, aimed_at: Token | None, sent: SpacySpan) -> bool:
    """Heavy guns fired at an area, no one named as hit and no armed side aimed at ("forces fired
    heavy machine guns at residential areas"): fire from afar at a place, ACLED's shelling."""
    if target is not None and (target.sector != "unknown" or _ARMED_WORDS.search(target.text)):
        return False
    return not _armed_aim(aimed_at) and bool(_HEAVY_GUNS.search(sent.text))


# things an attack may hit with no one in them: buildings, works and machines (not a village, a bus
# or a post, where people are)
_PROPERTY = frozenset("building office school church mosque temple shop store warehouse factory plant facility "
                      "pipeline well tower mast antenna machinery machine tractor excavator bulldozer truck lorry "
                      "crane equipment infrastructure installation field".split())  # fmt: skip
_HARMED = re.compile(r"\b(?:kill\w*|dead|died|deaths?|wound\w*|injur\w*|hurt|casualt\w*|fatalit\w*|shot|victims?|"
                     r"abduct\w*|kidnap\w*|hostages?)\b", re.I)
# gunfire aimed at anyone but the property itself: "stormed a church and opened fire on worshippers"
_FIRED_ON_SOMEONE = re.compile(
    rf"\b(?:open\w* fire|fir(?:ed|ing)(?: shots)?|shot) (?:on|at|into) "
    rf"(?!(?:the |a |an |its |their )?(?:\w+ )?(?:{'|'.join(sorted(_PROPERTY))})s?\b)\w+",
    re.I)
_NO_ONE_HARMED = re.compile(r"\bno (?:\w+ )?(?:casualt|injur|fatalit|deaths?|one (?:was|were))|\bnobody\b|"
                            r"\bwithout (?:any )?(?:casualt|injur)", re.I)


def _property_only(target: Actor | None, aimed_at: Token | None, sent: SpacySpan) -> bool:
    """Was the act aimed at property with no one told harmed ("gunmen attacked and damaged the
    offices of a radio station. No casualties were reported", "attacked a pipeline")? ACLED codes
    that as property destruction, not an attack on people."""
    word = actor_head(target, sent.doc) if target is not None else aimed_at
    if word is None or word.lemma_.lower() not in _PROPERTY:
        return False
    told = sent.text + " " + _next_sentence(sent)
    if _FIRED_ON_SOMEONE.search(sent.text):
        return False
    return not _HARMED.search(told) or bool(_NO_ONE_HARMED.search(told))


# a crowd's violence told beside its protest by a noun, a participle or a thing burnt or thrown, not a
# verb of its own: "engaged in stone pelting", "blocked the road, burning tyres", "burned objects in front
# of the bank", "vandalised the office" (an armed force's tear gas or shots are no such thing)
_RIOT_TOLD_WITH = re.compile(
    r"\b(?:stone[- ]?pelting|pelt\w* (?:\w+ )?(?:stones?|rocks?|bricks?)|"
    r"(?:burn\w*|torch\w*|set fire to|set ablaze|lit|light\w*) (?:\w+ )?(?:tyres?|tires?|objects?|materials?|"
    r"barricades?|vehicles?|cars?|rubbish|garbage|trash)|"
    r"(?:hurl\w*|thr[eo]w\w*) (?:\w+ )?(?:stones?|rocks?|bricks?|molotov\w*|petrol bombs?|bottles?)|"
    r"vandali[sz]\w*|ransack\w*)\b", re.I)


# forces told removing a protest or undoing its blockade, with no weapon named: "the marchers were
# peacefully removed by police", "soldiers are working to reopen the road", "tried to control the crowd"
_CROWD_REMOVED = re.compile(
    r"\b(?:(?:broke|break|breaking) up|(?:were|was) (?:\w+ )?(?:removed|evicted|cleared)|"
    r"removed the (?:protesters|demonstrators|marchers|crowd|participants|strikers)|"
    r"cleared (?:the )?(?:protesters|demonstrators|crowd|blockade|sit-in)|"
    r"re-?open(?:ed|ing)? the (?:road|roads|highway|street|roundabout|junction)|control the crowd|"
    r"pushed (?:them )?back)\b", re.I)


# words for one person of no force: the doer of a crowd's kind of act who is no crowd
_ONE_PERSON = frozenset("man woman person individual boy girl youth resident villager neighbour neighbor driver "
                        "passenger student assailant attacker suspect".split())  # fmt: skip


def _one_person(actor: Actor | None, sent: SpacySpan) -> bool:
    """Is the actor one person named by a singular word ("a man", "an unidentified individual")?"""
    head = actor_head(actor, sent.doc) if actor is not None else None
    return head is not None and head.tag_ == "NN" and head.lemma_.lower() in _ONE_PERSON


# a release told as one side of a swap ("in exchange for captured fighters", "as part of a prisoner swap")
_SWAP_TOLD = re.compile(r"\bin (?:an )?exchange (?:for|of)\b|\b(?:prisoners?|detainees?|captives?|hostages?) (?:swaps?|exchanges?)\b|"
                        r"\b(?:swaps?|exchanges?) of (?:prisoners|detainees|captives|hostages|bodies)\b", re.I)


# what people are told doing when they are protesters, whatever they are called ("villagers
# protesting against the dam", "farmers blocking the highway", "students who were marching")
_PROTEST_ACTS = frozenset("protest demonstrate march rally picket block barricade occupy chant boycott".split())


def is_protesting(target: Actor, sent: SpacySpan) -> bool:
    """Are ``target`` protesters: named so, or people told protesting by a participle or a relative
    clause on their phrase ("shot two men demonstrating outside the ministry")?"""
    if target.sector == "protesters":
        return True
    head = actor_head(target, sent.doc)
    return head is not None and any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _PROTEST_ACTS
                                    for c in head.children)  # fmt: skip


# ground taken with no fight: "took over the village without a fight", "entered the town unopposed"
_TAKEN_WITHOUT_A_FIGHT = re.compile(r"\b(?:without (?:a |any )?(?:fight|fighting|resistance|a shot being fired|firing a shot)|unopposed)\b", re.I)
_ENTERING = frozenset({"enter", "move into"})


# words that tell a protest: its names, and what protesters do besides
_PROTEST_CONTEXT = re.compile(rf"\b(?:{_PROTEST_NAMES}|demonstrated|rallied|demand(?:ed|ing)|slogans?|chant(?:ed|ing))\b", re.I)


def protest_told(sent: SpacySpan, target: Actor | None) -> bool:
    """Does the sentence tell a protest, other than by naming whom an act was done to ("a mob
    attacked the protesters" tells no protest by the mob), or the one after it, or the one before
    it ("Some 300 workers demonstrated, demanding their wages. Rioters pelted stones at the police":
    the crowd's violence in the protest just told)?"""
    text = sent.text if target is None else sent.text.replace(target.text, " ")
    return any(_PROTEST_CONTEXT.search(t) for t in (text, _next_sentence(sent), _previous_sentence(sent)))


def _armed_aim(word: Token | None) -> bool:
    """Does the phrase an act was aimed at name armed people or their sites ("a police patrol
    party", "the forces' camp", "positions near the river")?"""
    return word is not None and bool(_ARMED_AIMS.search(" ".join(t.text for t in word.subtree)))


# narrower than _ARMED_WORDS on purpose: a phrase aimed at may hold the means ("firing gunshots at the
# tyres"), and "gun\w*" there would make an attack on a truck's tyres a clash
_ARMED_AIMS = re.compile(r"\b(?:forces?|troops?|soldiers?|police\w*|army|military|patrols?|convoys?|units?|positions?|posts?|"
                         r"bases?|checkpoints?|barracks|garrisons?)\b", re.I)


# where people live and work, not where forces stand: an act aimed there has no armed side to meet it
_CIVILIAN_SITES = frozenset("village house home market farm neighbourhood neighborhood school hospital mosque church "
                            "shop field settlement hamlet camp".split())  # fmt: skip
def _civilian_site(word: Token | None) -> bool:
    """Is the phrase an act was aimed at a place of civilian life ("the village", "houses")?"""
    return word is not None and word.lemma_.lower() in _CIVILIAN_SITES and not _armed_aim(word)


def off_duty(target: Actor | None, sent: SpacySpan | None = None) -> bool:
    """Is the target a member of a force who was off duty, or no longer serves ("an off-duty
    policeman", "a former soldier", "a retired colonel")? Off duty may be told after the phrase:
    "a police officer (off-duty)", "the police chief, who was off duty"."""
    return target is not None and told_off_duty(target.text, sent.text if sent is not None else "")


def _next_sentence(sent: SpacySpan) -> str:
    """The text of the sentence after ``sent`` ("" at the end of the document)."""
    return sent.doc[sent.end].sent.text if sent.end < len(sent.doc) else ""


def _previous_sentence(sent: SpacySpan) -> str:
    """The text of the sentence before ``sent`` ("" at the start of the document)."""
    return sent.doc[sent.start - 1].sent.text if sent.start > 0 else ""


# sectors whose people carry no arms: violence against them is an attack, not a clash
UNARMED_SECTORS = frozenset({"civilians", "media", "business", "party", "igo", "government"})


def unarmed_target(target: Actor | None) -> bool:
    """Is the target people the actor data knows as unarmed? A government with a country is a state,
    whose forces fight back; an official of unknown country ("a mayor") is a civilian."""
    if target is None or target.sector not in UNARMED_SECTORS:
        return False
    return not (target.sector == "government" and target.country) or holds_an_office(target)


# the people who hold a civil office: violence against one of them ("a judge of the provincial court",
# "a village councillor") is against a person, whom ACLED codes a civilian, not against the state
# (so is "a district official" or "a party official": an official of the forces is of their sector, not
# the government's, and never reaches this list)
_OFFICE_HOLDERS = frozenset(
    "judge judges magistrate magistrates mayor mayors councillor councillors councilor councilors councilman "
    "alderman sarpanch lawmaker lawmakers legislator legislators mp mla senator prosecutor prosecutors "
    "administrator commissioner official officials".split()
)


def holds_an_office(actor: Actor) -> bool:
    """Is the actor a holder of a civil office, named by it ("a judge", "the former mayor of Tarvo")?"""
    words = _OF_TAIL.sub("", actor.text).rstrip(" .,").split()
    return bool(words) and words[-1].lower() in _OFFICE_HOLDERS


# words that tell people as not known to whoever reported them
_UNKNOWN_WORDS = frozenset("unknown unidentified".split())
_CROWD_WORDS = re.compile(r"\b(?:group|groups|crowd|mob|people|persons)\b", re.I)


def is_crowd(actor: Actor | None, shooting: bool = False) -> bool:
    """Is the actor a crowd of ordinary people ("villagers", "migrant workers", "a group of
    people", "four men" who beat someone, and people named by their trade: "traders",
    "journalists"), not one person ("a man") nor a force? Men who shoot (``shooting``) are
    gunmen, not a crowd."""
    if actor is None or actor.sector not in ("civilians", "business", "media", "party"):
        return False
    if named_by_kin(actor.text):
        return False  # tribes and clans that fight are armed, their militias (ACLED's identity militias), no crowd
    if set(actor.text.lower().split()) & _UNKNOWN_WORDS:
        # "unknown people", "four unidentified persons": assailants no one could name, an unidentified
        # armed group in ACLED's coding, not a crowd of neighbours
        return False
    # the head noun, before what the people are "of": "residents of Kelmo Town", "supporters of the
    # ruling party" are residents and supporters
    words = _OF_TAIL.sub("", actor.text).rstrip(" .,").split()
    last = words[-1].lower() if words else ""
    return bool(_CROWD_WORDS.search(actor.text)) or (last in _IRREGULAR_PLURALS and not shooting) or (
        last.endswith("s") and not last.endswith(("'s", "ss", "us")))


def forces_met_a_crowd(spec: TriggerSpec, source: Actor | None, target: Actor | None) -> bool:
    """Is a fight told with a state's forces first and a crowd second ("police clashed with the
    demonstrators", "officers fought with market vendors")? ACLED codes the crowd's riot or mob
    violence, the crowd its first actor, as when the crowd is told first."""
    return spec.type == "FIGHT" and spec.acled == "Armed clash" and source is not None and target is not None \
        and source.sector in STATE_SECTORS and (target.sector == "protesters" or is_crowd(target))  # fmt: skip


_OF_TAIL = re.compile(r"\s+of\s.*$", re.S)
_SHOOTING = frozenset({"firearms", "execute", "heavy-weapons", "explosives"})
_IRREGULAR_PLURALS = frozenset({"men", "women", "people", "children", "youth", "folk"})


def riot_reading(spec: TriggerSpec, source: Actor | None, trig: TriggerMatch | None = None,
                 target: Actor | None = None) -> TriggerSpec:  # fmt: skip
    """ACLED: protesters who storm, torch or attack are a violent demonstration; so is a protest
    told with violent means ("blocked roads with stones", "marched, hurling rocks", "set
    barricades on fire") or by people the text calls rioters. A mob's violence told with no
    protest ("a mob beat a suspected thief", "rioters torched the bunkers") is mob violence."""
    if spec.type in VIOLENT and source is not None and source.sector == "protesters" and spec.key not in LOOTING \
            and not spec.target_acts:  # (an assault on a protest: its protesters are the first actor)
        if not _PROTEST_WORDS.search(source.text) and not (trig is not None and protest_told(trig.head.sent, target)):
            return spec if spec.acled == "Mob violence" else replace(spec, acled="Mob violence")
        return replace(spec, type="PROTEST", mode="riot", acled="Violent demonstration", cameo=None)
    if spec.type == "PROTEST" and spec.acled == "Peaceful protest" and spec.key != SELF_IMMOLATION.key and (
            source is not None and "rioter" in source.text.lower() or trig is not None and _violent_means(trig.head)):  # fmt: skip
        return replace(spec, mode="riot", acled="Violent demonstration", cameo=None)
    return spec


def official_protest(spec: TriggerSpec, source: Actor | None, trig: TriggerMatch) -> TriggerSpec:
    """A government that protests something ("protested the presence of foreign ships") or
    lodges a protest objects through diplomacy: PLOVER's ACCUSE (CAMEO's official protest), not
    a demonstration. Officials who protest somewhere ("mayors staged a protest outside the
    ministry", "MPs protested in front of parliament") demonstrate like anyone else."""
    if spec.type != "PROTEST" or spec.key != "protest" or source is None or source.sector != "government":
        return spec
    objected = trig.light == "lodge" or (trig.noun is None and any(c.dep_ == "dobj" for c in trig.head.children))
    return replace(spec, type="ACCUSE", mode="disapprove", acled=None, cameo=None) if objected else spec


# places the police search: "raided the offices", "homes were raided"
_PREMISES = frozenset("office offices home homes house houses premises headquarters apartment flat building shop "
                      "store business warehouse residence hall".split())  # fmt: skip
# words of harm that keep a raid an attack: "raided a house, killing two"
_HARM = frozenset("kill die dead wound injure shoot fire clash fight exchange beat torture".split())


# arms and what makes them: a force that seizes or destroys them disrupts their use (ACLED)
_ARMS = frozenset("weapon weaponry arm ammunition munition explosive ied grenade rifle gun pistol cache tnt bomb "
                  "landmine rocket missile launcher rpg detonator mortar".split())  # fmt: skip


def seized_arms(spec: TriggerSpec, trig: TriggerMatch) -> TriggerSpec:
    """Arms seized or destroyed ("seized 20 rifles and ammunition", "destroyed a weapons cache") are
    ACLED's disrupted weapons use, not looting or the destruction of property."""
    if spec.acled != "Looting/property destruction" or spec.mode not in ("confiscate", "destroy"):
        return spec
    return replace(spec, acled="Disrupted weapons use") if _object_words(trig.head) & _ARMS else spec


def search_reading(spec: TriggerSpec, source: Actor | None, trig: TriggerMatch) -> TriggerSpec:
    """A raid on premises by the police, or by no one named, that harms no one is a search
    (PLOVER COERCE), not an attack: "offices at the city hall were raided"."""
    if spec.key != "raid" or source is not None and source.sector != "police":
        return spec
    head = trig.noun or trig.head
    targets = [c for c in trig.head.children if c.dep_ in ("dobj", "nsubjpass")] + \
        [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "of") for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    if not any(t.lemma_.lower() in _PREMISES or t.lower_ in _PREMISES for t in targets):
        return spec
    if any(t.lemma_.lower() in _HARM for t in trig.head.sent):
        return spec
    return replace(spec, type="COERCE", mode=None, acled=None, cameo=None)


# what protesters do, or block and throw with, that makes their protest a riot
_RIOT_ACTS = frozenset("burn torch hurl throw pelt smash vandalize vandalise ransack storm clash attack fight loot".split())
_THROWN = frozenset("stone stones rock rocks brick bricks molotov molotovs firebomb firebombs".split())
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_ALIGHT = frozenset({"burning", "burned", "burnt", "flaming", "lit"})
# shooting as the means of a protest ("demonstrated by firing into the air"): only told so, never as
# a later sentence's act ("Several workers were fired")
_FIRING_ACTS = frozenset({"fire", "shoot"})


def _violent_means(head: Token) -> bool:
    """Does the protest told by ``head`` use violence: an act of its own protesters beside it
    (a conjunct or participle with no subject of its own), stones or rocks it is done with, or
    something set on fire or burning?"""
    acts = [head]
    protesters = head.head if head.dep_ == "acl" else None
    if protesters is not None and protesters.dep_ == "pobj" and protesters.head.lower_ == "of":
        protesters = protesters.head.head  # "hundreds of traders protesting ...": the count is the subject
    if protesters is not None and protesters.dep_ == "nsubj":
        # "residents demonstrating against the curfew vandalized a police station": what the
        # protesters the participle tells of did
        acts.append(protesters.head)
    for act in acts:  # grows: "demonstrated, shouted slogans and clashed with police" chains its conjuncts
        if len(acts) < 6:
            acts += [c for c in act.children
                     if c.dep_ in ("conj", "advcl", "xcomp") and not any(g.dep_ in _SUBJECT_DEPS for g in c.children)]  # fmt: skip
    # how they protested: "demonstrated by firing their rifles into the air", "by burning tyres" (the
    # parser may make the gerund a modifier of what was burnt)
    means = [m for act in acts for p in act.children if p.dep_ == "prep" and p.lower_ == "by"
             for g in p.children for m in (g, *g.children)
             if m.dep_ == "pcomp" or m.dep_ == "amod" and m.tag_ == "VBG"]  # fmt: skip
    if any(_violent_means_of_protest(m) for m in means):
        return True
    for act in acts:
        if act.i != head.i and act.lemma_.lower() in _RIOT_ACTS:
            return True
        # "barricaded roads with burning tyres": the parser may hang the means on the object
        preps = [c for c in act.children if c.dep_ == "prep"]
        preps += [p for o in act.children if o.dep_ == "dobj" for p in o.children if p.dep_ == "prep"]
        for prep in preps:
            if prep.text.lower() not in ("with", "on"):
                continue
            for thing in (c for c in prep.children if c.dep_ == "pobj"):
                word = thing.text.lower()
                if word in _THROWN or prep.text.lower() == "on" and word == "fire" or \
                        prep.text.lower() == "with" and any(a.text.lower() in _ALIGHT for a in thing.children):  # fmt: skip
                    return True
    return False


def _violent_means_of_protest(act: Token) -> bool:
    """Is the gerund a protest was done by violent ("by firing into the air", "by burning tyres",
    "by throwing stones")? What is thrown decides a throwing: "by throwing their merchandise" is none."""
    lemma = act.lemma_.lower()
    if lemma in THROWING_VERBS:
        return any(c.dep_ == "dobj" and c.lower_ in _THROWN for c in act.children)
    return lemma in _RIOT_ACTS | _FIRING_ACTS


def riot_told_after(sent: SpacySpan) -> bool:
    """Does a sentence told after a protest tell its crowd's violence: an act of rioting whose doer
    points back to the crowd ("The group set barricades on fire", "They hurled stones") or is left
    unsaid ("Chairs were burnt and property destroyed")? An armed force's act is the intervention."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)
    if subj is None or _ARMED_AIMS.search(subj.text) or not _points_back_to_a_crowd(subj, root):
        return False
    acts = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return any(a.lemma_.lower() in _RIOT_ACTS or _set_alight(a) for a in acts)


def _points_back_to_a_crowd(subj: Token, verb: Token) -> bool:
    """"They", "the group", "the demonstrators", or a passive's thing with no agent named."""
    if subj.dep_ == "nsubjpass":
        return agent_of(verb) is None
    crowd = subj.tag_ == "NNS" or subj.lemma_.lower() in ("group", "crowd", "mob")  # not "the mayor"
    return subj.lower_ in ("they", "some") or crowd and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                                             for c in subj.children)  # fmt: skip


def _set_alight(verb: Token) -> bool:
    """"set barricades on fire", "set tyres ablaze", "set fire to a car"."""
    if verb.lemma_.lower() != "set":
        return False
    words = {t.lower_ for c in verb.children for t in c.subtree}
    return "fire" in words or "ablaze" in words or "alight" in words


# What a request or refusal is about decides its PLOVER mode (first match wins): a change of policy,
# law or leaders ("a recount", "to pass a bill", "an investigation", "the minister's resignation");
# that a party yield what the codebook's RETREAT gives up ("to withdraw", "the return of the bodies":
# ``_RETURN_ASKED``); that a party act for one ("to intervene", "to protect the girl", "more action").
_ASK_MODES = (
    ("change", frozenset("resign resignation step reform change scrap repeal amend dismiss sack replace investigate "
                         "investigation inquiry probe election recount bill legislation implement "
                         "<end-practice>".split())),
    ("yield", frozenset("release free withdraw withdrawal pull leave ceasefire truce halt stop end cease surrender "
                        "disarm access allow open lift <return>".split())),
    ("assist", frozenset("aid help assistance support supply weapon troop funding food medicine protection protect "
                         "intervene intervention security action rescue relief".split())),
    ("meet", frozenset("talk talks meet meeting dialogue negotiate negotiation summit".split())),
)
_CONSULT_MODES = (
    ("phone", frozenset("phone call telephone".split())),
    ("multilateral", frozenset("summit conference multilateral".split())),
    ("third-party", frozenset("mediate mediation mediator broker host".split())),
    ("visit", frozenset("visit travel arrive trip fly".split())),
)
_THREAT_MODES = (
    ("territory", frozenset("incursion invade invasion seize enter capture occupy annex offensive take".split())),
    ("relations", frozenset("tie relation relations suspend flight embassy ambassador diplomatic sanction".split())),
    ("expel", frozenset("expel expulsion deport".split())),
    ("arrest", frozenset("arrest detain prosecute jail".split())),
    ("ban", frozenset("ban outlaw".split())),
)
_DRONE_WORDS = frozenset({"drone", "drones", "uav", "shahed"})


def _returned(tok: Token) -> bool:
    """Is ``tok`` a giving back ("the return of the bodies", "return the land", "hand over the
    suspects"), not a going back ("return to the talks")?"""
    lemma = tok.lemma_.lower()
    if lemma == "return":
        return tok.pos_ == "NOUN" or any(c.dep_ == "dobj" for c in tok.children)
    return lemma == "hand" and any(c.dep_ == "prt" and c.lower_ in ("back", "over") for c in tok.children)


# what a party is asked to stop that is hostilities, which it yields by stopping ("halt the offensive")
_HOSTILITIES = frozenset("offensive attack assault shelling bombing bombardment fighting fight hostility war violence "
                         "siege strike airstrike raid killing operation escalation blockade incursion advance "
                         "destruction demolition crackdown persecution".split())
_STOPPING = frozenset({"stop", "cease", "halt", "end", "quit"})


def _ending_a_practice(tok: Token) -> bool:
    """Is ``tok`` a stopping of something other than hostilities ("stop talking about it", "cease the
    driving", "stop arming the militia"), which is asked as a change, not as a yield?"""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _STOPPING:
        return False
    stopped = next((c for c in tok.children if c.dep_ in ("dobj", "xcomp", "pcomp")), None)
    return stopped is not None and stopped.lemma_.lower() not in _HOSTILITIES


def _words_of_the_meeting(head: Token) -> set[str]:
    """The lemmas and forms that say how a meeting was held: its clause's words, less another act
    joined to it or told of its parties ("met the envoy and called on Dalo to ...", "who later
    called the talks a failure", "held talks in May and have since spoken by phone"), and less the
    verb "call", which names a phone call only as a noun ("in a phone call", "a call with")."""
    others = {t.i for c in head.children if c.dep_ in ("conj", "relcl", "advcl", "ccomp") and c.pos_ in ("VERB", "AUX")
              for t in c.subtree}  # fmt: skip
    for t in head.subtree:
        if t.dep_ == "relcl":
            others.update(x.i for x in t.subtree)
    out: set[str] = set()
    for t in head.subtree:
        if t.i in others or t.lemma_.lower() == "call" and t.pos_ == "VERB":
            continue
        out.update((t.lemma_.lower(), t.lower_))
    return out


_AIRCRAFT = frozenset({"warplane", "jet", "aircraft", "helicopter", "gunship", "bomber", "airstrike", "airforce"})


def _air_doer(words: set[str]) -> set[str]:
    """"airstrike" when the act's doer (``words``: the lemmas of who did it) is an air force or an
    aircraft, "drone" when it is a drone; else nothing."""
    if words & _DRONE_WORDS:
        return {"drone"}
    if "suicide" in words:
        return set()  # a suicide bomber is a man with a bomb, not an aircraft
    if words & _AIRCRAFT or {"air", "force"} <= words or {"air", "raid"} <= words:
        return {"airstrike"}
    return set()


def _instrument_words(head: Token) -> set[str]:
    """Lemmas of what an act was done with: "attacked Odesa with dozens of drones", also where the
    parser hung the "with" on the object ("attacked [their positions with artillery fire]")."""
    out: set[str] = set()
    # (and where it hung the "with" on the object of the act's own preposition: "fired on [army
    # positions with grenade launchers]")
    objects = [c for c in head.children if c.dep_ == "dobj"] + \
        [o for p in head.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    for prep in [*head.children, *(c for o in objects for c in o.children)]:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "using"):
            out |= {t.lemma_.lower() for t in prep.subtree}
    for clause in head.children:
        # "violated the ceasefire, using mortars and artillery": the participle's object
        if clause.dep_ in ("advcl", "xcomp", "acl") and clause.tag_ == "VBG" and clause.lemma_.lower() in _USING:
            out |= {t.lemma_.lower() for o in clause.children if o.dep_ == "dobj" for t in o.subtree}
    return out


_USING = frozenset({"use", "employ"})


# what a force fires that is itself a munition or a gun ("fired heavy weapons at", "artillery rounds
# were fired"): the object names the means, whose words say the kind of strike
_FIRED_MEANS = frozenset("weapon weaponry round munition shell rocket missile mortar launcher gun rpg rpgs "
                         "projectile".split())


def _fired_from(trig: TriggerMatch) -> set[str]:
    """Lemmas of the weapons fire received came from ("a post came under fire from mortars", "came
    under heavy fire from army howitzers"): the means, as "with" tells them of fire given."""
    if trig.spec.key != "come under fire":
        return set()
    holders = [trig.head, *(t for t in (trig.noun,) if t is not None)]
    return {t.lemma_.lower() for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "from"
            for t in p.subtree}  # fmt: skip


def _fired_words(head: Token) -> set[str]:
    """Lemmas of the act's object (or passive subject) when it is what was fired: "fired heavy
    weapons at the positions" gives {"heavy", "weapon"}, "attacked artillery positions" nothing."""
    return _object_words(head, headed_by=_FIRED_MEANS)


def _long_range(weapons: set[str]) -> bool:
    """Do the means of an act make it ACLED's shelling: artillery, mortars, rockets, missiles, or
    "heavy weapons" (not a heavy machine gun, which is a gun)?"""
    # (rocket-propelled grenades and recoilless rifles are fired from afar at a place, as ACLED's
    # notes count them with mortars: "fired RPGs and machine guns at residential areas")
    return bool(weapons & {"missile", "rocket", "shell", "mortar", "artillery", "howitzer", "launcher", "rpg", "rpgs",
                           "recoilless"}) or (
        "heavy" in weapons and bool(weapons & {"weapon", "weaponry"}))


# bombs thrown by hand: "petrol bombs", "molotov cocktails", "incendiary bombs"
_HAND_THROWN_BOMBS = frozenset({"petrol", "gasoline", "molotov", "incendiary", "fire", "firebomb"})


# devices left or set off from afar (a bare "bomb" may be thrown: a petrol bomb is a riot's)
_REMOTE_DEVICES = frozenset({"ied", "ieds", "rcied", "vbied", "landmine", "landmines", "uxo", "ordnance"})
_REMOTE_PAIRS = ({"roadside", "bomb"}, {"explosive", "device"}, {"remote", "explosive"}, {"car", "bomb"},
                 {"explosive", "remnant"})


def _remote_explosive(words: set[str]) -> bool:
    """Do these words name a remote explosive: an IED, a landmine, a roadside or car bomb?"""
    return bool(words & _REMOTE_DEVICES) or any(pair <= words for pair in _REMOTE_PAIRS)


# nouns of blasts, and of small-arms fire heard beside them
_BLASTS = frozenset({"explosion", "blast", "detonation"})
_SHOTS = frozenset({"gunfire", "gunshot", "shot", "shooting", "burst", "fire"})


def _explosions_witnessed(trig: TriggerMatch, words: set[str]) -> TriggerSpec | None:
    """The reading of explosions counted by those who saw or heard them, whoever set them off
    ("monitors recorded 30 explosions near Tarvo", "several explosions were heard overnight"):
    blasts heard in numbers with no device named are fire from afar, ACLED's shelling (a landmine
    or an IED goes off once); with gunfire heard beside them, the two sides' exchange, an armed
    clash ("gunshots and explosions were reported"). One explosion heard, or a device named, keeps
    the lexicon's reading."""
    noun = trig.noun
    if noun is None or _remote_explosive(words) or words & {"grenade", "suicide", "bomb"}:
        return None
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "shouting and explosions were heard": the first of the nouns heard
    # ("Explosions heard in Kelmo": the parser may make the reduced passive an active verb)
    witnessed = trig.light in WITNESSING_VERBS or told_as_witnessed(noun) or (
        noun.dep_ in ("nsubj", "nsubjpass") and trig.head.lemma_.lower() in WITNESSING_VERBS | {"see"})
    group = [noun, *noun.conjuncts]
    blasts = [n for n in group if n.lemma_.lower() in _BLASTS and n.tag_ == "NNS"]
    if not witnessed or not blasts:
        return None
    if any(n.lemma_.lower() in _SHOTS for n in group):
        return replace(trig.spec, type="FIGHT", mode="small-arms", acled="Armed clash", cameo=None)
    return replace(trig.spec, type="FIGHT", mode="artillery", acled="Shelling/artillery/missile attack", cameo=None)


def _doer(head: Token) -> Token | None:
    """The act's doer: its subject, or a passive's agent."""
    return agent_of(head) if any(c.dep_ == "nsubjpass" for c in head.children) else subject_of(head)


def _doer_words(doer: Token | None) -> set[str]:
    """Lemmas of the act's doer (``_doer``) and all it holds: "a landmine injured", "were wounded by
    a roadside bomb"."""
    return set() if doer is None else {t.lemma_.lower() for t in doer.subtree}


def _munition_doer(doer: Token | None) -> set[str]:
    """Lemmas naming the act's doer (``_doer``) when it is a munition: "an artillery shell hit a
    restaurant and injured three", "shells fired by the rebels killed a woman" give {"artillery",
    "shell"}; the doer's clauses are not read ("men who fled the shelling killed" names no munition)."""
    if doer is None:
        return set()
    return {doer.lemma_.lower()} | {c.lemma_.lower() for c in doer.children if c.dep_ in ("compound", "amod", "nmod")}


def _bombers(trig: TriggerMatch) -> set[str]:
    """Lemmas of who did a bombing told by its noun: the verb's doer ("militants carried out a
    bombing"; not the subject of a verb of receiving, who suffered it), the noun's "by", or whose
    hands it was at ("bombings at the hands of the militants")."""
    head, noun = trig.head, trig.noun
    doers = [] if trig.light in RECEIVING_VERBS or head is noun else [d for d in (subject_of(head),) if d is not None]
    for tok in {t for t in (head, noun) if t is not None}:
        doers += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children if o.dep_ == "pobj"]
        doers += [whose] if (whose := at_the_hands_of(tok)) is not None else []
    return {t.lemma_.lower() for d in doers for t in d.subtree}


def _object_words(head: Token, headed_by: frozenset[str] | None = None) -> set[str]:
    """Lemmas of the act's object and passive subject (only those whose own lemma is in ``headed_by``,
    when given)."""
    return {t.lemma_.lower() for c in head.children if c.dep_ in ("dobj", "nsubjpass")
            and (headed_by is None or c.lemma_.lower() in headed_by) for t in c.subtree}  # fmt: skip


# a bombing's nouns, and the words of who did it or how: an armed group has no aircraft
_BOMBING_NOUNS = frozenset({"bombing", "bomb"})
_ARMED_GROUP_WORDS = frozenset("militant insurgent jihadist jihadi rebel separatist extremist terrorist guerrilla "
                               "bomber".split())
_AIR_WORDS = frozenset("air aircraft plane warplane jet helicopter airstrike drone pilot".split())
_WEAPON_WORDS = frozenset("weapon arm ammunition missile rocket equipment logistics munition artillery launcher".split())
_POLICE_WORDS = frozenset("police policeman officer gendarme gendarmerie unit".split())


# the types whose mode the words around the trigger may choose (``refine_mode``)
_MODE_TYPES = frozenset({"REQUEST", "REJECT", "CONSULT", "FIGHT", "ASSAULT", "THREATEN", "MOBILIZE"})


_FIREARM_WORDS = frozenset(
    "gun guns gunman gunmen gunfire gunshot rifle pistol handgun firearm shoot shot shooting bullet sniper".split()
)
_EXPLOSIVE_WORDS = frozenset("bomb bomber bombing explosive explosion ied grenade blast".split())
# a trigger that is itself the firing: "fired live rounds at", "opened fire on", "shot"
_FIRING = _FIREARM_WORDS | {"fire", "round", "ammunition"}


def _assault_weapon(words: set[str]) -> str | None:
    """The ASSAULT mode the weapon named in a clause gives, or None when it names none."""
    if words & _EXPLOSIVE_WORDS:
        return "suicide-attack" if "suicide" in words else "explosives"
    return "firearms" if words & _FIREARM_WORDS else None


def refine_mode(spec, trig: TriggerMatch):
    """Choose the PLOVER mode the lexicon leaves open from the words around the trigger:
    "demanded the resignation" is REQUEST/change, "spoke by phone" CONSULT/phone,
    "a drone struck" FIGHT/drone, a convoy "carrying weapons" MOBILIZE/weapons."""
    if spec.type not in _MODE_TYPES:
        return spec  # the lexicon's mode stands (read before the clause's words, which cost a pass)
    words: set[str] = set()  # the clause's lemmas and word forms, in one walk of the subtree
    for t in trig.head.subtree:
        words.update((t.lemma_.lower(), t.lower_))
    trigger_words = {t.lemma_.lower() for t in trig.tokens} | {trig.head.lemma_.lower()}
    if spec.type in ("REQUEST", "REJECT") and spec.mode is None:
        if any(_returned(t) for t in trig.head.subtree):
            words.add("<return>")
        if any(_ending_a_practice(t) for t in trig.head.subtree):
            words.add("<end-practice>")  # "urged the firm to stop testing its cars": a change of what it does
        for mode, cues in _ASK_MODES:
            if words & cues:
                return replace(spec, mode=mode)
    elif spec.type == "CONSULT" and spec.mode is None:
        if trig.head.dep_ in ("xcomp", "advcl") and trig.head.head.lemma_.lower() in ("travel", "visit", "arrive", "fly"):
            return replace(spec, mode="visit")  # "will travel to Mekelle to meet Tigrayan leaders"
        own = _words_of_the_meeting(trig.head)
        for mode, cues in _CONSULT_MODES:
            if (own if mode != "visit" else trigger_words) & cues:
                return replace(spec, mode=mode)
    elif spec.type == "FIGHT" and spec.mode == "aerial":
        if {t.lemma_.lower() for t in trig.tokens} & _BOMBING_NOUNS and _bombers(trig) & _ARMED_GROUP_WORDS \
                and not words & _AIR_WORDS:  # fmt: skip
            # "bombings at the hands of militants": an armed group's bombs are planted, not dropped
            return replace(spec, type="ASSAULT", mode="explosives", acled="Remote explosive/landmine/IED", cameo=None)
        subj = subject_of(trig.head)
        near = trigger_words | ({subj.lemma_.lower()} | {c.lemma_.lower() for c in subj.children} if subj is not None else set())
        if near & _DRONE_WORDS or _instrument_words(trig.head) & _DRONE_WORDS or _object_words(trig.head) & _DRONE_WORDS:
            return replace(spec, mode="drone")
    elif spec.type == "FIGHT" and spec.mode == "small-arms" and spec.acled == "by_target" \
            and _long_range(_instrument_words(trig.head)):  # fmt: skip
        # "ambushed the convoy with heavy weapons": an act one side aims, told by heavy weapons fired
        return replace(spec, mode="artillery", acled="Shelling/artillery/missile attack")
    elif spec.type == "FIGHT" and spec.mode == "small-arms" and spec.objects & TRUCES and _long_range(_instrument_words(trig.head)):
        # "violated the ceasefire, using mortars": a breach told by the heavy weapons fired is ACLED's shelling
        return replace(spec, mode="artillery", acled="Shelling/artillery/missile attack")
    elif spec.type == "ASSAULT" and (heard := _explosions_witnessed(trig, words)) is not None:
        return heard
    elif spec.type == "ASSAULT" and spec.mode == "firearms" and spec.acled == "by_target":
        # "attacked the port with dozens of drones": the weapon makes it a remote strike; so does a
        # doer that is an air arm or its aircraft ("the air force targeted", "gunships attacked")
        if trig.noun is not None and any(c.lower_ == "arson" for c in trig.noun.children):
            # "carried out an arson attack on the depot": property set on fire, ACLED's property destruction
            return replace(spec, mode="destroy", acled="Looting/property destruction")
        # (who did an attack told by its noun may be its "by": "attacks by helicopter gunships were carried out")
        doer = _doer(trig.head)  # read once: its words say the weapon below and the device further on
        doer_words = _doer_words(doer)
        weapons = _instrument_words(trig.head) | _air_doer(doer_words | _bombers(trig)) \
            | _fired_words(trig.head) | _munition_doer(doer) | _fired_from(trig)  # fmt: skip
        if weapons & _DRONE_WORDS:
            return replace(spec, type="FIGHT", mode="drone", acled="Air/drone strike", cameo=None)
        if _long_range(weapons):
            return replace(spec, type="FIGHT", mode="artillery", acled="Shelling/artillery/missile attack", cameo=None)
        if "grenade" in weapons:
            return replace(spec, mode="explosives", acled="Grenade")  # "attacked the post with a grenade"
        if weapons & {"airstrike", "warplane", "jet", "bomb"} and not weapons & _HAND_THROWN_BOMBS:
            # ("attacked with petrol bombs": a bomb thrown by hand, dropped by no aircraft)
            return replace(spec, type="FIGHT", mode="aerial", acled="Air/drone strike", cameo=None)
        if "suicide" not in words and _remote_explosive(words | doer_words):
            # "killed two soldiers in an IED attack", "a landmine injured a herder": ACLED types the
            # act by its means, whoever it hit
            return replace(spec, mode="explosives", acled="Remote explosive/landmine/IED")
        # the lexicon's "firearms" is only a guess for "attacked", "killed": the clause's words say
        # the weapon, and without one PLOVER leaves the mode open
        mode = "firearms" if trigger_words & _FIRING else _assault_weapon(words)
        return replace(spec, mode=mode, acled="Suicide bomb") if mode == "suicide-attack" else replace(spec, mode=mode)
    elif spec.type == "THREATEN" and spec.mode == "violence":
        for mode, cues in _THREAT_MODES:
            if words & cues:
                return replace(spec, mode=mode)
    elif spec.type == "MOBILIZE" and spec.mode == "troops":
        subj = subject_of(trig.head)
        doer = {t.lemma_.lower() for t in subj.subtree} if subj is not None else set()
        obj = {t.lemma_.lower() for c in trig.head.children if c.dep_ == "dobj" for t in c.subtree}
        if (doer | obj) & _POLICE_WORDS and not (doer | obj) & {"troop", "soldier", "army", "military"}:
            return replace(spec, mode="police")
        if words & _WEAPON_WORDS:
            return replace(spec, mode="weapons")
    return spec
