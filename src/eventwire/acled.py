"""ACLED's conventions: sub-event types as PLOVER events, actors as inter codes.

ACLED codes an actor by its role in the conflict (1 state forces, 2 rebels, 3 political
militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external or other
forces); eventwire records a country and a sector. The mapping between the two lives here,
so that evaluation and exports use one convention.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import EventwireError
from .events import Actor, Event

STATE_SECTORS = frozenset({"military", "government", "police"})
# the state's armed forces, its sectors that fight and are fought
STATE_FORCES = frozenset({"military", "police"})
# the canonical name of guards hired by a company or a site (data/actors.csv): armed, but no state's
PRIVATE_SECURITY = "private security"

# PLOVER type and mode of each ACLED sub-event type (ACLED's codebook, PLOVER's manual).
SUB_EVENT_PLOVER: dict[str, tuple[str, str | None]] = {
    "Armed clash": ("FIGHT", "small-arms"),
    "Government regains territory": ("FIGHT", "occupy"),
    "Non-state actor overtakes territory": ("FIGHT", "occupy"),
    "Chemical weapon": ("FIGHT", "artillery"),
    "Air/drone strike": ("FIGHT", "aerial"),
    "Suicide bomb": ("ASSAULT", "suicide-attack"),
    "Shelling/artillery/missile attack": ("FIGHT", "artillery"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Grenade": ("ASSAULT", "explosives"),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Attack": ("ASSAULT", "firearms"),
    "Abduction/forced disappearance": ("ASSAULT", "abduct"),
    "Peaceful protest": ("PROTEST", "demo"),
    "Protest with intervention": ("PROTEST", "demo"),
    "Excessive force against protesters": ("ASSAULT", "firearms"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("ASSAULT", "beat"),
    "Agreement": ("AGREE", None),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": ("MOBILIZE", "troops"),
    "Disrupted weapons use": ("FIGHT", "aerial"),
    "Headquarters or base established": ("MOBILIZE", "troops"),
    "Looting/property destruction": ("ASSAULT", "destroy"),
    "Non-violent transfer of territory": ("RETREAT", "withdraw"),
    "Other": ("COERCE", None),
}

INTER_NAMES = {
    1: "state forces", 2: "rebels", 3: "political militia", 4: "identity militia", 5: "rioters",
    6: "protesters", 7: "civilians", 8: "external/other forces",
}  # fmt: skip


def inter_code(actor: Actor | None, event_country: str | None, sub_event_type: str | None = None,
               opens_sentence: bool = False) -> int:
    """ACLED's inter code for an eventwire actor (0 when there is none).

    State forces acting outside their own country are ACLED's external forces (8), as are
    international organisations; unidentified armed men are a political militia (3), ACLED's
    "Unidentified Armed Group"; protesters in a violent demonstration are rioters (5). ``opens_sentence``:
    the actor's words open their sentence, where a capital says nothing of a name."""
    if actor is None:
        return 0
    if actor.canonical == PRIVATE_SECURITY:
        return 8  # guards of a company or a site: ACLED's "Private Security Forces", other forces
    sector = actor.sector
    if sector in STATE_SECTORS and actor.canonical.endswith("-led coalition"):
        return 8  # many states' forces under one's lead: external forces wherever they act, as ACLED codes them
    if sector in STATE_SECTORS:
        return 8 if actor.country and event_country and actor.country != event_country else 1
    if sector == "igo":
        return 8
    if sector == "rebels":
        return _armed_group_code(actor)
    if sector in ("unknown", "party"):
        return 4 if _a_people_in_arms(actor.text, opens_sentence) or _raiders(actor.text) else 3
    if sector == "protesters":
        return 5 if sub_event_type in ("Violent demonstration", "Mob violence") or told_as_rioters(actor.text) else 6
    return 7  # civilians, media, business


# the words for a crowd that are its violence's ("a lynch mob", "rioters", "looters"): whatever else is
# told of it (dispersed, looting), ACLED's rioters (5), never protesters
_RIOTER_WORDS = frozenset("mob mobs rioter rioters looter looters".split())


def told_as_rioters(text: str) -> bool:
    """Is a crowd named as a mob, rioters or looters ("the lynch mob", "rioters")?"""
    return bool(set(text.lower().replace("-", " ").split()) & _RIOTER_WORDS)


# words that make an armed group one of a community (ACLED's identity militias, 4) or a militia
# (political militias, 3) rather than a rebellion (2)
_IDENTITY_WORDS = frozenset("communal ethnic tribal clan tribesmen tribe village vigilante vigilantes".split())
_MILITIA_WORDS = frozenset("militia militias militiamen militant militants paramilitaries gunmen resistance".split())


def _armed_group_code(actor: Actor) -> int:
    """ACLED's inter code of an armed group the actor data knows only by a generic word: a
    community's militia (4; also a militia the text names after a people, clan or place), a
    militia or militants (3), rebels or insurgents (2). A named group (its own canonical name) is
    a rebel group (2), as the actor data has it."""
    if not generic_armed(actor):
        return 2
    words = set(actor.text.lower().replace("-", " ").split())
    if words & _IDENTITY_WORDS or words & _MILITIA_NOUNS and _named_by_community(actor.text):
        return 4
    if words & _FIGHTER_NOUNS and named_by_acronym(actor.text):
        return 2  # "ISXX militants", "the KLF fighters": a group known by its own name, a rebel group
    return 3 if words & _MILITIA_WORDS else 2


# a militia ("a militia", "militiamen"), as against militants or gunmen, whom a name rarely qualifies
_MILITIA_NOUNS = frozenset("militia militias militiamen".split())
# capitalised words that name no community: "Suspected Tarvo militiamen", "The militia"
_NOT_A_NAME = frozenset("the a an suspected alleged unidentified unknown armed local rival two three several some".split())


# fighters a group's own name may qualify; a militia named so is a community's (above)
_FIGHTER_NOUNS = frozenset("militant militants fighter fighters insurgent insurgents".split())


# armed men of no group the data knows, whom a people's name may qualify ("Tarvo raiders")
_ARMED_MEN_NOUNS = frozenset("gunmen gunman raiders raider attackers attacker assailants assailant".split())
# capitalised words before them that name no people ("Masked gunmen" opening a sentence)
_NOT_A_PEOPLE = _NOT_A_NAME | frozenset("masked hooded heavily gun wielding four five six seven eight nine ten dozen dozens "
                                        "hundreds scores many few other more about at least".split())  # fmt: skip


def _a_people_in_arms(text: str, opens_sentence: bool = False) -> bool:
    """Are armed men the data does not know named by a people ("suspected Tarvo raiders", "armed
    Dunvali gunmen")? ACLED codes them as that people's ethnic or communal militia (4), as it does a
    militia named so; unnamed ones ("unknown gunmen") are an unidentified armed group (3), and one
    named by an acronym a group of its own. A word that opens the sentence (``opens_sentence``) is
    written with a capital whatever it is ("Cartel gunmen", "Bandit raiders"): no name."""
    words = text.replace("-", " ").split()
    if not any(w.lower() in _ARMED_MEN_NOUNS for w in words) or named_by_acronym(text):
        return False
    return any(w[:1].isupper() and w.isalpha() and w.lower() not in _NOT_A_PEOPLE and w.lower() not in _ARMED_MEN_NOUNS
               for w in words[1 if opens_sentence else 0 :])  # fmt: skip


# the men who raid herds and cattle camps: ACLED codes them, named by a people or not ("unknown
# raiders"), as a communal militia (4), not as an unidentified armed group; raiders told as bandits or
# a gang ("bandit raiders") are the armed gangs ACLED codes as such a group (3)
_RAIDER_NOUNS = frozenset("raider raiders rustler rustlers".split())
_BANDIT_WORDS = frozenset("bandit bandits criminal criminals gang gangs robber robbers".split())


def _raiders(text: str) -> bool:
    """Are armed men named as raiders or rustlers ("unknown raiders", "cattle rustlers"), not as bandits
    and of no group named by its acronym?"""
    words = set(text.lower().replace("-", " ").split())
    return bool(words & _RAIDER_NOUNS) and not words & _BANDIT_WORDS and not named_by_acronym(text)


def named_by_acronym(text: str) -> bool:
    """Does the text name its group by an acronym ("suspected KLF militants")? An organisation the
    data does not know, named as itself: rebels by ACLED's reading (a militia of no name is not)."""
    return any(len(w) >= 2 and w.isupper() and w.isalpha() for w in text.replace("-", " ").split())


def _named_by_community(text: str) -> bool:
    """Is a militia named by a proper name ("Tarvo militias", "militiamen of the Dunval clan")? The
    data knows the political ones by name; one it does not know, named after a people, a clan or a
    place, is a community's (ACLED's ethnic and communal militias)."""
    return any(w[:1].isupper() and w.lower() not in _NOT_A_NAME and w.lower() not in _MILITIA_NOUNS for w in text.split())


def generic_armed(actor: Actor) -> bool:
    """Is the actor a generic armed group ("militants", "Malian rebels"), not one the data names?"""
    return actor.canonical.split(" ")[-1] in ("rebels", "militants", "militia")


# Who ACLED's actors are by definition of the sub-event type (ACLED codebook): every protest's
# actor 1 is its protesters and every riot's its rioters, whoever the text names first (the
# journalists or farmers who marched are associated actors); a peaceful protest has no actor 2,
# an intervention's actor 2 is the state force that intervened; violence against civilians
# has civilians as its actor 2.
_INTER_BY_DEFINITION: dict[str, tuple[int | None, int | None]] = {
    "Peaceful protest": (6, 0),
    "Protest with intervention": (6, 1),
    "Excessive force against protesters": (6, 1),
    "Violent demonstration": (5, None),
    "Mob violence": (5, None),
    "Attack": (None, 7),
    "Abduction/forced disappearance": (None, 7),
    "Sexual violence": (None, 7),
}


def unnamed_victims(sub_event_type: str | None, source: Actor | None) -> int | None:
    """ACLED's inter code of actor 2 when the text names no one the act was done to (None: no
    actor 2). A clash has two sides: the one not named is an unidentified armed group (3), as
    actor 1 is when neither is ("fighting broke out in the town"). A mob's violence is done to
    someone, civilians (7) when the text does not say whom. What state forces seize or destroy
    (drugs, a mine, a camp) is an unidentified armed group's; what anyone else loots or burns is
    civilians'. A roadside bomb or a mine strikes civilians unless the text says whom it hit. A weapon
    disrupted (seized, defused, shot down) of no one named is an unidentified armed group's."""
    if sub_event_type == "Armed clash":
        # a community's militia fights another community's ("clan militiamen clashed over grazing
        # land"): feuds are between communities, whose other side ACLED codes as one (4)
        return 4 if _a_communitys_militia(source) else 3
    if sub_event_type == "Looting/property destruction":
        return 3 if source is not None and source.sector in STATE_SECTORS else 7
    if sub_event_type in ("Mob violence", "Remote explosive/landmine/IED"):
        return 7
    if sub_event_type == "Disrupted weapons use":
        return 3  # a weapon seized, defused or shot down whose the text does not say: an unidentified armed group's
    return None


# the words that make an international body's people a force: "peacekeepers", "African Union troops"
_FORCE_WORDS = frozenset("peacekeeper peacekeepers peacekeeping troops forces force soldiers contingent helmets".split())


def _an_international_force(text: str) -> bool:
    """Is an international body's actor its armed force ("a convoy of peacekeepers", "a patrol of
    African Union troops"), not its staff or its assembly?"""
    return bool(set(text.lower().replace("-", " ").split()) & _FORCE_WORDS)


_OFF_DUTY = re.compile(r"\b(?:off[- ]duty|former|retired|ex-)", re.I)
_OFF_DUTY_AFTER = re.compile(r"\b(?:off[- ]duty|on\s+leave)\b", re.I)


def told_off_duty(phrase: str, sentence: str) -> bool:
    """Is a member of a force told off duty, or no longer serving ("an off-duty policeman", "a
    former soldier", "a retired colonel"), in the phrase or after it in its sentence ("a police
    officer (off-duty)", "the police chief, who was off duty")?"""
    return bool(_OFF_DUTY.search(phrase)) or bool(_OFF_DUTY_AFTER.search(sentence))


def _fights_the_state_by_its_acronym(event: Event, actor: Actor, other: Actor | None) -> bool:
    """Is ``actor`` an organisation the data does not know, named by its acronym, that fights or
    attacks a state's forces ("the KLM and the army exchanged fire")? A group with a name of its own
    at war with the state: a rebel group, by ACLED's reading (as its named fighters are, above)."""
    return event.type in ("FIGHT", "ASSAULT") and actor.sector == "unknown" and named_by_acronym(actor.text) \
        and other is not None and other.sector in STATE_FORCES  # fmt: skip


def _a_communitys_militia(actor: Actor | None) -> bool:
    return actor is not None and (actor.sector == "rebels" and _armed_group_code(actor) == 4 or _kin_in_arms(actor))


# the nouns that name people by their tribe or clan (not "a tribal woman": one of a people)
_KIN_WORDS = frozenset("tribesman tribesmen clansman clansmen clan clans tribe tribes caste castes".split())
# the words of a phrase that makes whoever it names members of what follows "of"
_MEMBERS = frozenset("member members".split())


# the words before a fight that tell it as one between communities ("inter-clan clashes"): words of
# kind only, not "clan", which names the people who fought ("two groups of the Vesk clan clashed": a crowd's)
_COMMUNAL_WORDS = frozenset("communal intercommunal inter-communal inter-clan interclan tribal inter-tribal "
                            "intertribal ethnic inter-ethnic interethnic".split())  # fmt: skip


def _communal_fight(event: Event) -> bool:
    """Is the act told as violence between communities by the words right before it ("inter-clan
    clashes", "communal violence", "tribal fighting")?"""
    ev, trigger = event.evidence, (getattr(event, "trigger", None) or "").lower()
    if hasattr(ev, "before_trigger"):
        told_before = ev.before_trigger
    else:  # a stored event's view (store.acled_export): its reports' sentences, with no offsets
        at = ev.sentence.lower().find(trigger) if trigger else -1
        told_before = ev.sentence[:at] if at >= 0 else ""
    return bool(set(told_before.lower().split()[-2:] + trigger.split()) & _COMMUNAL_WORDS)


def _kin_in_arms(actor: Actor) -> bool:
    """Is the actor people named by their tribe or clan, whom the actor data knows only as people
    ("Dunval tribesmen", "two rival clans", "armed clansmen"), or a community's people under arms
    ("armed youth", "armed pastoralists")? Told fighting or attacking, they are ACLED's identity
    militia (4): its tribal, clan, communal and pastoralist militias (told as victims, civilians)."""
    return actor.sector in ("civilians", "unknown") and (named_by_kin(actor.text) or _community_in_arms(actor.text))


# the people of a community whom ACLED, told armed, codes as its militia (not "armed men": no one's)
_COMMUNITY_WORDS = frozenset("youth youths herder herders herdsman herdsmen pastoralist pastoralists "
                             "villager villagers".split())  # fmt: skip


def _community_in_arms(text: str) -> bool:
    """Is the phrase a community's people told as armed ("armed youth", "heavily armed herders")?"""
    words = text.lower().replace("-", " ").split()
    return "armed" in words and bool(set(words) & _COMMUNITY_WORDS)


def named_by_kin(text: str) -> bool:
    """Does the phrase name people by their tribe or clan ("Dunval tribesmen", "two rival clans")?
    Not people told as of one ("two groups of the Vesk clan" who clash are two crowds, rioters)."""
    head, *of = text.lower().replace("-", " ").split(" of ")
    if of and set(head.split()) & _MEMBERS:
        head = of[0]  # "members of the Tarvo clan" are the clan's men
    return bool(set(head.split()) & _KIN_WORDS)


def acled_sides(event: Event) -> tuple[Actor | None, Actor | None]:
    """The event's (actor 1, actor 2) in ACLED's order: its source and target, except that a
    fight with one named side has that side as actor 1 ("a smuggler exchanged fire with the
    police": the police, against an unidentified armed group). Rebels are the exception: a fight
    with rebels, its other side not named, is the state's forces' against them ("three
    insurgents were killed in fighting")."""
    if event.type == "FIGHT" and event.source is None and event.target is not None and event.target.sector != "rebels":
        return event.target, None
    if event.type == "FIGHT" and _home_force_second(event):
        return event.target, event.source
    return event.source, event.target


def _home_force_second(event: Event) -> bool:
    """Is the fight told as one between two states' forces named together ("forces of Ostland and
    Kelmar exchanged fire", "Ostlandic and Kelmari troops clashed"), the second of them the forces
    of the country where it happened? ACLED's actor 1 is then the home country's forces: a
    fight told together says nothing of who began it (one told as done by a side keeps its order)."""
    source, target, where = event.source, event.target, event.place.country if event.place else None
    if source is None or target is None or not where or source.sector not in STATE_FORCES \
            or target.sector not in STATE_FORCES or target.country != where or source.country in (None, where):  # fmt: skip
        return False
    return _told_together(event, source, target)


def _told_together(event: Event, one: Actor, other: Actor) -> bool:
    """Are two actors named side by side ("X and Y", "X, Y"), nothing but "and" or a comma between
    them (a stored event's view, with no offsets, says no)?"""
    ev, a, b = getattr(event, "evidence", None), getattr(one, "span", None), getattr(other, "span", None)
    if ev is None or a is None or b is None or not hasattr(ev, "sentence_start"):
        return False
    first, second = sorted((a, b), key=lambda s: s.start)
    between = ev.sentence[first.end - ev.sentence_start : second.start - ev.sentence_start]
    return first.end <= second.start and between.strip(" ,") in ("", "and")


# the people a crowd is made of, as the actor data knows them: no force, no armed group
_CROWD_SECTORS = frozenset({"civilians", "party", "protesters"})


def acled_actor(event: Event, role: int, event_country: str | None) -> tuple[str | None, int]:
    """(country, inter code) of an event's ACLED actor 1 (its source) or 2 (its target).

    Where ACLED's sub-event type says who an actor is, that holds (``_INTER_BY_DEFINITION``).
    An actor's country is the one the text gives it, else the country where it happened.
    Violence whose perpetrator the text does not name, or names only as a civilian, is ACLED's
    "Unidentified Armed Group" of the country where it happened (inter 3)."""
    source, target = acled_sides(event)
    actor = source if role == 1 else target
    where = event.place.country if event.place and event.place.country else event_country
    defined = _INTER_BY_DEFINITION.get(event.acled_sub_event_type or "", (None, None))[role - 1]
    if defined == 7 and actor is not None and actor.sector in STATE_FORCES \
            and not told_off_duty(actor.text, event.evidence.sentence):  # fmt: skip
        # soldiers or police attacked are no civilians: a state's force, whatever the sub-event type
        # says (but off duty or retired they are civilians, by ACLED's codebook)
        defined = None
    if defined == 7 and actor is not None and actor.sector == "igo" and _an_international_force(actor.text):
        # nor are peacekeepers or an international mission's troops: external forces (8), not the
        # international body's civilian staff ("a UN aid worker")
        defined = None
    if defined == 6 and role == 1 and actor is not None and told_as_rioters(actor.text):
        defined = 5  # a mob dispersed is no protest's crowd: rioters ("police fired shots to disperse the mob")
    if defined == 0 and actor is not None and actor.sector == "protesters":
        defined = 6  # a protest met by a counter-protest: protesters against protesters (consolidate.counter_protests)
    if defined is not None:
        return (None, 0) if defined == 0 else ((actor.country if actor and actor.country else where), defined)
    if actor is None and (event.type == "FIGHT" or role == 1 and event.type == "ASSAULT") and _communal_fight(event):
        # "inter-clan clashes", "communal violence broke out": told with no side named, each side a
        # community's militia (ACLED's identity militias, 4)
        return where, 4
    if role == 1 and actor is None and event.type in ("ASSAULT", "FIGHT") and target is not None and target.sector == "rebels":
        # rebels killed or attacked by no one named: in ACLED's coding, by the state's forces
        # ("three militants were killed in an operation")
        return where, 1
    if actor is not None and (event.type == "FIGHT" or role == 1 and event.type == "ASSAULT") and _kin_in_arms(actor):
        # tribesmen or clansmen who fight or attack: a community's militia
        return (actor.country or where), 4
    if role == 1 and event.type in ("ASSAULT", "FIGHT") and (actor is None or actor.sector == "civilians"):
        # civilians are ACLED's victims by definition: whoever attacks and is no named group is
        # an unidentified armed group ("a man stabbed", "residents attacked" is mob violence, above)
        return (actor.country if actor and actor.country else where), 3
    if role == 2 and event.type == "FIGHT" and event.acled_sub_event_type == "Mob violence" \
            and (actor is None or actor.sector in _CROWD_SECTORS):  # fmt: skip
        # a crowd's fight is with another crowd, named ("residents of one village clashed with
        # another's", "supporters of two parties fought") or not ("two groups of villagers
        # clashed"): rioters both, as ACLED codes them (a force a crowd fights stays a force)
        return (actor.country if actor and actor.country else where), 5
    if role == 2 and actor is None and (victims := unnamed_victims(event.acled_sub_event_type, source)) is not None:
        return where, victims
    if role == 1 and actor is None and event.acled_sub_event_type == "Arrests":
        # an arrest told with no one who made it ("was detained") is, in ACLED's coding, by the
        # police of the country where it happened ("Police Forces of X"), as most of its arrests are
        return where, 1
    if actor is None:
        return None, inter_code(actor, event_country, event.acled_sub_event_type)
    if _fights_the_state_by_its_acronym(event, actor, target if role == 1 else source):
        return (actor.country or where), 2
    # ACLED names every actor with its country ("Military Forces of X", "Rioters (X)"): one the
    # text does not place is of the country where it happened
    return _acled_country(actor, where), inter_code(actor, event_country, event.acled_sub_event_type,
                                                    _opens_sentence(actor, event))


def _opens_sentence(actor: Actor, event: Event) -> bool:
    """Do the actor's words open the event's sentence (a stored event's view, with no offsets, says no)?"""
    start = getattr(getattr(event, "evidence", None), "sentence_start", None)
    span = getattr(actor, "span", None)
    return start is not None and span is not None and span.start <= start


def _acled_country(actor: Actor, where: str | None) -> str | None:
    """The country ACLED gives an actor: its own, or where it acted when the text gives none. An
    armed group is of the country it operates in, whatever its home ("Al Shabaab" in Kenya, a
    Sahel group across a border are coded for the country of the event), as a state's forces
    abroad are not (they are that state's, external forces)."""
    if actor.sector == "rebels" and where:
        return where
    return actor.country or where


# ACLED's disorder types (the column added in March 2023; ACLED's "Guide to 2023 ACLED column
# changes" and codebook): political violence is battles, explosions/remote violence and
# violence against civilians; demonstrations are protests and riots; the two sub-event types
# that are both, mob violence (a riot) and excessive force against protesters (a protest), are
# "Political violence; Demonstrations"; strategic developments are their own kind.
DISORDER_BY_EVENT_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB_EVENT_TYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence; Demonstrations",
}


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    """ACLED's disorder type of an event and sub-event type ("" when ACLED codes neither)."""
    return DISORDER_BY_SUB_EVENT_TYPE.get(sub_event_type or "") or DISORDER_BY_EVENT_TYPE.get(event_type or "", "")


def interaction_code(inter1: int, inter2: int) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first ("16": state forces and
    protesters); an event with one actor has its code and 0 ("60": protesters alone)."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) == 2 else 0)


_OF_COUNTRY = re.compile(r"\b(?:Forces|Government|Police|Military|Army|Navy|Air Force) of (?:the )?([A-Z][^()]*?)(?:\s*\(|$)")
_PAREN = re.compile(r"\(([^()]+)\)")


def actor_country(name: str, iso_by_name: dict[str, str]) -> str | None:
    """The country an ACLED actor name states: "Protesters (Chile)", "Military Forces of Chile (2018-)"."""
    if not name:
        return None
    m = _OF_COUNTRY.search(name)
    if m and m.group(1).strip() in iso_by_name:
        return iso_by_name[m.group(1).strip()]
    for inner in _PAREN.findall(name):
        if inner.strip() in iso_by_name:
            return iso_by_name[inner.strip()]
    return None


# ----------------------------------------------------------------- ACLED's public notes

@dataclass(frozen=True)
class AcledNote:
    """One real ACLED event: its description and ACLED's coding of it."""

    id: str
    text: str
    event_date: str
    sub_event_type: str
    event_type: str
    actor1: str
    inter1: int
    actor2: str
    inter2: int
    country: str
    iso3: str
    admin1: str
    latitude: float | None
    longitude: float | None
    fatalities: int


def read_notes(path: str | Path) -> list[AcledNote]:
    """Read ACLED notes as laid out in ``shared/data/acled-notes-2020.jsonl``, naming a bad line."""
    notes = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                notes.append(AcledNote(
                    id=str(r["id"]), text=r["notes"], event_date=r["event_date"],
                    sub_event_type=r["sub_event_type"], event_type=r["event_type"],
                    actor1=r.get("actor1") or "", inter1=int(r.get("inter1") or 0),
                    actor2=r.get("actor2") or "", inter2=int(r.get("inter2") or 0),
                    country=r["country"], iso3=r["iso3"], admin1=r.get("admin1") or "",
                    latitude=_float(r.get("latitude")), longitude=_float(r.get("longitude")),
                    fatalities=int(r.get("fatalities") or 0),
                ))  # fmt: skip
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
                raise EventwireError(f"{path}:{lineno}: not an ACLED note record ({err!r}); "
                                     "expected the fields of shared/data/acled-notes-2020.jsonl") from None
    return notes


def _float(value) -> float | None:
    return None if value in (None, "") else float(value)


def country_folds(countries: Iterable[str], k: int = 5) -> dict[str, int]:
    """Assign each country to one of ``k`` folds of similar size, deterministically.

    Countries are taken largest first and each goes to the fold with the fewest notes so
    far; ties go to the lower fold. Fold 0 is the test part nobody tunes on."""
    counts = Counter(countries)
    sizes = [0] * k
    out: dict[str, int] = {}
    for iso, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        fold = min(range(k), key=lambda f: (sizes[f], f))
        out[iso] = fold
        sizes[fold] += n
    return out


TEST_FOLD = 0
