"""Article-level conventions, applied after every sentence is coded.

ACLED codes arrests and dispersal at a protest as the protest's intervention, not as
separate events: the protest becomes "Protest with intervention" and the arrests keep
their PLOVER coding (COERCE/arrest) without an ACLED type of their own; a riot told without
whom it was against was against the force that broke it up. The dead of a toll
told after an act ("Gunmen attacked the village. Three men were killed.") are the act's. A
bare "the strike" in a story of a labour strike is that strike, not an airstrike. A demand
told after a protest in its sentence, by no one named, is the protesters'. "The attack", told
after an attack with no one named, is that attack again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from datetime import date

from ..events import Actor, Event, Quantity, Span
from ..mentions.triggers import PROTESTERS, VIOLENT
from ..ontology import CAMEO_ROOTS, acled_event_type
from .amounts import dead_counted_once, toll_to_add, with_toll_added

# whom arrests at a protest are of: the protesters, or people the text does not place in an armed group
_PROTEST_CROWD = frozenset({"protesters", "civilians", "party", "media"})


def protest_interventions(events: list[Event]) -> list[Event]:
    """Fold same-day arrests of protesters, and the dispersal of a crowd, into that day's protest,
    as ACLED codes them."""
    # the protests by day: each arrest looks its day up (scanning every protest for each arrest
    # is quadratic over a long article)
    protests_on: dict[date, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        if e.acled_sub_event_type == "Peaceful protest" and e.factuality == "asserted":
            protests_on[e.date.date].append(i)
    if not protests_on:
        return events
    out = list(events)
    intervened: set[date] = set()
    folded: set[int] = set()
    for i, ev in enumerate(events):
        day = protests_on.get(ev.date.date, ())
        if ev.factuality != "asserted" or not _intervention(ev) or not any(p != i for p in day):
            continue  # (a dispersal told as the protest itself stays the protest)
        if not _tells_dispersal(ev) and _a_grievance(ev, [events[p] for p in day]):
            continue
        intervened.add(ev.date.date)
        folded.add(i)
        out[i] = replace(ev, acled_sub_event_type=None, acled_event_type=None)
    for day in intervened:
        for p in protests_on[day]:
            if p not in folded:
                out[p] = replace(out[p], acled_sub_event_type="Protest with intervention",
                                 acled_event_type=acled_event_type("Protest with intervention"))  # fmt: skip
    return out


# what a crowd says while it protests: its demands and denunciations
_PROTEST_SPEECH = frozenset({"REQUEST", "ACCUSE", "REJECT"})


def protest_demands(events: list[Event]) -> list[Event]:
    """A demand or denunciation whose sayer the sentence leaves unnamed, told after a protest
    with its doers in the same sentence, is theirs ("drivers staged a motorcade to demand fuel
    subsidies", "workers blocked the road and demanded their wages", "rallied, denouncing ...");
    so is one its doers are named for again: they make it as protesters ("500 farmers gathered to
    demand ..." is the protesters' demand, not the farmers' as civilians)."""
    out = list(events)
    for i, ev in enumerate(events):
        if ev.type not in _PROTEST_SPEECH:
            continue
        protest = next((p for p in events if p.type == "PROTEST" and p.source is not None
                        and p.evidence.sentence_start == ev.evidence.sentence_start
                        and p.evidence.trigger.start < ev.evidence.trigger.start), None)  # fmt: skip
        if protest is not None and (ev.source is None or ev.source.span == protest.source.span):
            out[i] = replace(ev, source=protest.source)
    return out


# a protest against a protest: "a counter-protest", "counterdemonstrators", "a counter-rally"
_COUNTER_PROTEST = re.compile(r"\bcounter-?\s?(?:protest|demonstrat|rall(?:y|ies)|march)\w*", re.I)
# how far after a protest's sentence its counter-protest may be told (the note's next sentences)
_COUNTER_REACH = 400


def counter_protests(events: list[Event], text: str) -> list[Event]:
    """A peaceful protest met by a counter-protest told in its sentence or the next ones of its
    paragraph ("citizens protested against the government. A counterprotest was held nearby") was
    against those counter-protesters: ACLED codes the two crowds as one event, protesters against
    protesters. The counter-protest told as a protest of its own is folded into it."""
    out = list(events)
    for i, ev in enumerate(events):
        if ev.acled_sub_event_type != "Peaceful protest" or ev.factuality != "asserted" or ev.target is not None and \
                ev.target.sector == "protesters":  # fmt: skip
            continue
        if _a_counter_protest(ev, text):
            out[i] = replace(ev, acled_sub_event_type=None, acled_event_type=None)
            continue
        found = _counter_protest_after(ev, text)
        if found is not None:
            crowd = ev.source.country if ev.source is not None else (ev.place.country if ev.place else None)
            out[i] = replace(ev, target=Actor(found.group(0), "protesters", crowd, "protesters",
                                              Span(found.start(), found.end())))
    return out


def _a_counter_protest(ev: Event, text: str) -> bool:
    """Is the protest itself the counter-protest ("a counter-protest by supporters of the mayor")?"""
    start = ev.evidence.trigger.start
    return text[max(0, start - 8) : start].lower().endswith(("counter-", "counter"))


def _counter_protest_after(ev: Event, text: str) -> re.Match | None:
    """A counter-protest told in the protest's sentence or after it, in its paragraph."""
    end = min(len(text), ev.evidence.sentence_end + _COUNTER_REACH)
    paragraph_end = text.find("\n\n", ev.evidence.sentence_start)
    if paragraph_end != -1:
        end = min(end, paragraph_end)
    return _COUNTER_PROTEST.search(text, ev.evidence.sentence_start, end)


# people named by their protest: what they demand or denounce tells that they protested
_PROTESTER_NAMES = re.compile(rf"\b(?:{'|'.join(sorted(PROTESTERS))})s?\b", re.I)


def protests_told_by_demands(events: list[Event]) -> list[Event]:
    """A demand or a denunciation made by people named as protesters, in an article that tells no
    protest otherwise ("protesters demanded the governor's resignation", "the demonstrators accused
    the court of bias"), tells the protest they held, as ACLED codes it; the demand stays as well
    (PLOVER's REQUEST or ACCUSE). Where a protest is told, their demands are that protest's."""
    if any(e.type == "PROTEST" for e in events):
        return events
    first = next((i for i, ev in enumerate(events) if ev.type in _PROTEST_SPEECH and ev.factuality == "asserted"
                  and ev.source is not None and ev.source.sector == "protesters"
                  and _PROTESTER_NAMES.search(ev.source.text)), None)  # fmt: skip
    if first is None:
        return events
    demand = events[first]
    sub_event = "Peaceful protest"
    protest = replace(demand, type="PROTEST", mode="demo", context=(), cameo_root=CAMEO_ROOTS["PROTEST"], target=None,
                      acled_sub_event_type=sub_event, acled_event_type=acled_event_type(sub_event))  # fmt: skip
    return [*events[:first], protest, *events[first:]]


# an airstrike told by the bare noun, which a labour dispute uses for its walkout
_BARE_STRIKE = frozenset({"strike", "strikes"})


def labour_strikes(events: list[Event]) -> list[Event]:
    """In an article that tells of a labour strike and of no air war, a bare "strike" read as an
    airstrike ("as the strike continued across the country") is the walkout."""
    walkout = next((e for e in events if e.type == "PROTEST" and e.mode == "strike-lim"), None)
    if walkout is None or any(e.mode in ("aerial", "drone") and e.trigger.lower() not in _BARE_STRIKE for e in events):
        return events
    return [replace(e, type=walkout.type, mode=walkout.mode, cameo_root=walkout.cameo_root,
                    acled_sub_event_type=walkout.acled_sub_event_type, acled_event_type=walkout.acled_event_type)
            if e.type == "FIGHT" and e.trigger.lower() in _BARE_STRIKE else e for e in events]  # fmt: skip


_RIOTS = frozenset({"Violent demonstration", "Mob violence"})
_INTERVENTIONS = frozenset({"Protest with intervention", "Excessive force against protesters"})
_STATE_FORCES = frozenset({"police", "military"})


def _intervention(ev: Event) -> bool:
    """Is the event an intervention at a protest: arrests of protesters or of people the text
    does not place in an armed group (an arrest told as being at a protest is already coded as its
    intervention, kind.acled_sub_event), or a crowd broken up?"""
    arrest = ev.acled_sub_event_type == "Arrests" or \
        ev.type == "COERCE" and ev.acled_sub_event_type == "Protest with intervention"  # fmt: skip
    if arrest:
        return ev.target is None or ev.target.sector in _PROTEST_CROWD
    return _tells_dispersal(ev)


# a protest against an arrest, or for a release: "protested against the arrest of the editor",
# "demanded the release of activists who were detained"
_AGAINST_ARREST = re.compile(
    r"\b(?:against|over|condemn\w*|denounc\w*|for)\b[^.;]{0,60}?\b(?:arrests?|detentions?|imprisonment|jailing)\b"
    r"|\b(?:release|freedom)\s+of\b", re.I)


def _a_grievance(arrest: Event, protests: list[Event]) -> bool:
    """Is the arrest what the day's protests are against ("protested against the arrest of the
    editor ... He was arrested in a fraud case"), not one made at them? So it is when every
    protest of the day is told as against an arrest or for a release, and the arrest is not of
    protesters nor of a number of people, nor told in a protest's sentence before the demand (one
    told in the demand is the grievance, whoever was arrested: "demanded the release of union
    members who were arrested")."""
    in_the_demand = False
    for p in protests:
        found = _AGAINST_ARREST.search(p.evidence.sentence)
        if found is None:
            return False
        if p.evidence.sentence_start == arrest.evidence.sentence_start:
            if arrest.evidence.trigger.start - p.evidence.sentence_start < found.start():
                return False  # "police arrested ten who protested against the arrest of ..."
            in_the_demand = True
    if in_the_demand:
        return True
    if arrest.target is not None and arrest.target.sector == "protesters":
        return False
    # "around 20 people were arrested": a crowd's arrest, not the one protested
    return not any(q.value > 1 for q in arrest.quantities)


def _tells_dispersal(e: Event) -> bool:
    """Does the event tell a crowd broken up ("police dispersed the marchers", "to disperse the
    workers")? Read from its words, whatever sub-event type the sentence was given."""
    return "dispers" in e.trigger.lower()


# a crowd's own violence told where a force broke it up: "dispersed the rioters", "who had pelted stones"
_CROWD_VIOLENCE = re.compile(
    r"\b(?:rioters?|rioting|riots?\b(?!\s+(?:police|gear|control|squads?|units?|troops|officers))|pelt\w*|stones?|rocks?|"
    r"burning\s+(?:tires|tyres)|(?:tires|tyres)\s+were\s+burn\w*|barricad\w*|vandali[sz]\w*|torch(?:ed|ing)|"
    r"set\s+(?:\w+\s+)?on\s+fire|violent\s+(?:demonstration|protest)s?)\b",
    re.I,
)


def violent_crowds_broken_up(events: list[Event]) -> list[Event]:
    """A crowd broken up by force that had rioted (its violence told in the same sentence, or a riot
    told the same day) was a violent demonstration, as ACLED codes it: a force's intervention makes a
    protest "with intervention" only when the protest was peaceful."""
    riot = "Violent demonstration"
    riot_days = {e.date.date for e in events if e.acled_sub_event_type == riot and e.factuality == "asserted"}
    return [replace(e, acled_sub_event_type=riot, acled_event_type=acled_event_type(riot))
            if e.acled_sub_event_type == "Protest with intervention"
            and (e.date.date in riot_days or _CROWD_VIOLENCE.search(e.evidence.sentence)) else e
            for e in events]  # fmt: skip


def riot_interventions(events: list[Event]) -> list[Event]:
    """A riot told without whom it was against, on a day a state force broke up a crowd or made
    arrests ("Police dispersed the crowd with tear gas"), was against that force: ACLED's actor 2
    of a riot the police intervened in. So it was when the day's acts show a force in the fray
    (``_force_in_the_fray``): the crowd told again throwing stones at soldiers, police firing
    tear gas, "two policemen were injured"."""
    forces: dict[date, Actor] = {}
    for e in events:
        force = _intervening_force(e)
        if force is not None and e.factuality == "asserted":
            forces.setdefault(e.date.date, force)
    intervened = set(forces)
    # (a fight between crowds, "two groups clashed", had another crowd on its other side)
    riot_days = {e.date.date for e in events
                 if e.acled_sub_event_type in _RIOTS and e.target is None and e.type != "FIGHT"}  # fmt: skip
    for e in events:
        if e.date.date in riot_days and e.date.date not in forces:
            if (force := _force_in_the_fray(e, events)) is not None:
                forces[e.date.date] = force
    if not forces:
        return events
    return [replace(e, target=forces[e.date.date])
            if e.acled_sub_event_type in _RIOTS and e.target is None and e.date.date in forces
            and (e.date.date in intervened or e.type != "FIGHT" and not _the_crowd_is(forces[e.date.date], e)) else e
            for e in events]  # fmt: skip


def _force_in_the_fray(e: Event, events: list[Event]) -> Actor | None:
    """The state force an asserted violent act or protest tells facing a crowd: acting with no one
    else named on the other side ("Police fired tear gas", "security forces responded with rubber
    bullets"), or the one the act was done to ("threw stones at soldiers", "two policemen were
    injured"). Not a force that is itself the day's crowd ("police officers demonstrated")."""
    if e.factuality != "asserted" or not (e.type in VIOLENT or e.type == "PROTEST"):
        return None
    for actor, other in ((e.target, e.source), (e.source, e.target)):
        if actor is None or actor.sector not in _STATE_FORCES:
            continue
        if other is not None and other.sector not in _CROWD_SIDES:
            continue  # a force against another force or an armed group: a fight of its own, no crowd's
        if not any(r.acled_sub_event_type in _RIOTS and _the_crowd_is(actor, r) for r in events):
            return actor
    return None


# who a crowd facing a force is told as: protesters, people, an unnamed armed man among them
_CROWD_SIDES = _PROTEST_CROWD | {"unknown", "business"}


def _the_crowd_is(force: Actor, riot: Event) -> bool:
    """Is the force the riot's own crowd ("soldiers rioted over unpaid wages")?"""
    return riot.source is not None and riot.source.sector == force.sector


def _intervening_force(e: Event) -> Actor | None:
    """The state force an event tells breaking up a crowd (an intervention's target, by the
    lexicon's reading of "police dispersed the protesters") or arresting people."""
    if e.acled_sub_event_type in _INTERVENTIONS:
        for actor in (e.target, e.source):
            if actor is not None and actor.sector in _STATE_FORCES:
                return actor
    if e.acled_sub_event_type == "Arrests" and e.source is not None and e.source.sector in _STATE_FORCES:
        return e.source
    return None


# words of a trigger that tells only what an act cost ("were killed", "died", "wounded")
_OUTCOME_WORDS = frozenset("killed kill kills killing died die dies dead injured injuring wounded wounding hurt".split())


def attacks_fought_back(events: list[Event], text: str = "") -> list[Event]:
    """An attack its targets fought back ("bandits attacked the village but were engaged in a gun
    battle by vigilantes", "militants attacked the checkpoint; the two sides exchanged fire") was a
    clash: ACLED codes the whole of it as one armed clash. The fight must be told in the attack's
    sentence or the next, on its day, and not against someone else the attack did not involve.
    A fight told in words that make no event of their own ("were routed by vigilantes", "after an
    exchange of gunfire, the attackers withdrew") counts too, told after the attack in ``text``."""
    out = list(events)
    # where the events' own triggers are: a fight told as an event of its own is judged below, with its sides
    triggers = [(e.evidence.trigger.start, e.evidence.trigger.end) for e in events]
    for i, ev in enumerate(events):
        if ev.acled_sub_event_type not in ("Attack", "Grenade") or ev.factuality != "asserted":
            continue
        fought = text and _fight_told_after(ev, text, triggers)
        if fought or any(_fought_back_by(ev, f) for f in _told_next(ev, events[i + 1 :])):
            out[i] = replace(ev, acled_sub_event_type="Armed clash", acled_event_type=acled_event_type("Armed clash"))
    return out


def _told_next(ev: Event, later: list[Event]) -> list[Event]:
    """The events after ``ev`` told in its sentence or the next."""
    out = []
    for e in later:
        if e.evidence.sentence_start - ev.evidence.sentence_end > _NEXT_SENTENCE:
            break
        out.append(e)
    return out


def _fought_back_by(attack: Event, fight: Event) -> bool:
    """Is ``fight`` the attack's targets fighting back: a clash told as a fight, on its day, between its
    sides?"""
    return fight.acled_sub_event_type == "Armed clash" and bool(_FOUGHT_BACK.search(fight.trigger)) \
        and fight.factuality == "asserted" and fight.date.date == attack.date.date and _same_sides(attack, fight)  # fmt: skip


# the words of a fight with two sides (not "invaded", "an incursion": the attack told again)
_FOUGHT_BACK = re.compile(r"clash|battle|exchang|firefight|gunfight|shoot-?out|engag|repel|repuls|fought|fight|return|respond|react|back",
                          re.I)
_NEXT_SENTENCE = 3  # characters between a sentence's end and the next one's start (a space, a line break)

# a fight told by its words, after the attack: the attackers met, resisted or driven off
_FIGHT_TOLD = re.compile(r"\b(?:clash(?:es|ed)?|gun ?battles?|fire ?fights?|gunfights?|shoot-?outs?|"
                         r"exchanges? of (?:gun)?fire|exchanged (?:gun)?fire|returned fire|fought back|"
                         r"repell?(?:ed|ing)?|repulsed?|routed|confronted)\b", re.I)
# a fight denied ("no clashes were reported", "without clashes") or one the attack was told amid
# (the wider fighting it happened in, not its targets fighting back)
_NO_FIGHT = re.compile(r"\b(?:no|not|without|never|amid|amidst|during)\W+(?:\w+\W+){0,2}$", re.I)


def _fight_told_after(attack: Event, text: str, triggers: list[tuple[int, int]]) -> bool:
    """Is a fight told after the attack's trigger, in its sentence or the next one of its paragraph, in
    words that are no event's trigger (``triggers``: "Elsewhere, the army clashed with rebels" is a
    fight of its own, between other sides)?"""
    start = attack.evidence.trigger.end
    after = attack.evidence.sentence_end + _NEXT_SENTENCE
    # the next sentence ends at its stop or at a line's end (a paragraph ends there too)
    end = min((i + 1 for i in (text.find(". ", after), text.find("\n", after), text.find("\n", start)) if i != -1),
              default=len(text))
    return any(not _NO_FIGHT.search(text[max(0, m.start() - 40) : m.start()])
               and not any(a < m.end() and m.start() < b for a, b in triggers)
               for m in _FIGHT_TOLD.finditer(text, start, end))


def _same_sides(attack: Event, fight: Event) -> bool:
    """Could the fight be between the attack's sides: does it name no side the attack lacks? (An
    act told by its toll alone, "a man was killed after exchanging fire with police", names no
    doer the fight could contradict.)"""
    if attack.source is None or attack.target is None:
        return True
    sides = {attack.source.sector, attack.target.sector}
    if attack.target.sector == "unknown":
        # a target the actor data does not know ("attacked Kudu", a place read as a party) may be anyone
        # the fight names beside the attackers (not unknown attackers of a bus and a fight elsewhere)
        fought = [a for a in (fight.source, fight.target) if a is not None]
        return not fought or any(a.sector == attack.source.sector for a in fought)
    return all(a.sector in sides or a.sector in ("civilians", "unknown") for a in (fight.source, fight.target) if a is not None)


def fold_outcomes(events: list[Event]) -> list[Event]:
    """Within one paragraph: an event that only tells a toll ("Three men were killed", no one
    named as doing it) after a violent act told in an earlier sentence on the same day, or later in
    the act's own sentence ("in which two were injured"), is that act's outcome. Its casualty counts
    move to the act where the act has none of that kind, as ACLED counts an attack's dead on the
    attack, and are counted once. The toll stays an event of its own (PLOVER codes the sentence;
    the store's deduplication decides about the two)."""
    out = list(events)
    # the last violent act told so far, after the acts told before it in its sentence: one event
    # told twice ("two soldiers were killed following an attack by rebels"), whose toll is each one's
    acts: list[int] = []
    for i, ev in enumerate(events):
        prior = out[acts[-1]] if acts else None
        only_a_toll = _tells_only_a_toll(ev)
        outcome = only_a_toll or ev.type in VIOLENT and _points_back(ev)  # "The clashes left 20 dead"
        if prior is not None and outcome and ev.date.date == prior.date.date and _told_after(ev, prior):
            moved: list[Quantity] = []
            for j in acts:
                toll = toll_to_add(out[j].quantities, ev.quantities)
                out[j] = replace(out[j], quantities=dead_counted_once(out[j].quantities + toll)) if toll else out[j]
                moved += toll
            prior = out[acts[-1]]
            # the toll is the act's outcome: in ACLED's terms, the same event ("a shoot-out broke out.
            # A suspect was shot and died" is the shoot-out's, not an attack on the suspect), told less
            # directly than the act (a note is about the act)
            out[i] = replace(ev, quantities=tuple(q for q in ev.quantities if q not in moved),
                             acled_sub_event_type=prior.acled_sub_event_type, acled_event_type=prior.acled_event_type,
                             confidence=min(ev.confidence, max(0.05, prior.confidence - 0.05)))
        elif ev.type in VIOLENT and ev.factuality == "asserted" and not only_a_toll:
            if prior is not None and ev.date.date == prior.date.date and _told_after(ev, prior):
                # "Police raided a hideout. A shoot-out broke out and two suspects died": the dead are the
                # raid's too, as ACLED counts every death of an event on it; the later act keeps its own
                # count (it may be an event of its own, which the store's deduplication decides)
                for j in acts:
                    out[j] = with_toll_added(out[j], ev.quantities)
            in_its_sentence = prior is not None and ev.evidence.sentence_start == prior.evidence.sentence_start
            goes_on = prior is not None and (in_its_sentence or _a_sequel(ev, prior))
            acts = [*acts, i] if goes_on else [i]
        elif not acts and only_a_toll:
            acts = [i]  # an act told by its toll alone ("a man and a woman were shot"): the later toll is its
    return out


def _a_sequel(ev: Event, act: Event) -> bool:
    """Is ``ev``, told after the violent ``act`` on its day, that act going on rather than another
    one: the act told again by what did it ("The device exploded as a patrol passed"), or what the
    victors did after it ("destroyed the militants' base", "seized weapons")? A toll told after it
    ("two militants were killed in the attack") is then the act's too, not only the sequel's."""
    if ev.date.date != act.date.date or not _told_after(ev, act):
        return False
    sequel = ev.acled_event_type == "Strategic developments" != act.acled_event_type
    return sequel or (ev.source is None and ev.target is None and _told_by_what_did_it(ev))


def _told_by_what_did_it(ev: Event) -> bool:
    """Is the event's sentence opening on a thing pointed back at, just before its verb ("The
    device exploded", "The blast destroyed")?"""
    before = ev.evidence.before_trigger.lower().split()
    return 2 <= len(before) <= 3 and before[0] in ("the", "this", "that")


def _told_after(ev: Event, act: Event) -> bool:
    """Is ``ev`` told after the act: in a later sentence, or later in the act's own sentence
    ("lobbed a grenade at the post, in which two officers were injured")?"""
    if ev.evidence.sentence_start != act.evidence.sentence_start:
        return ev.evidence.sentence_start > act.evidence.sentence_start
    return ev.evidence.trigger.start >= act.evidence.trigger.end


def _tells_only_a_toll(ev: Event) -> bool:
    """Is the event a toll told by no one doing it: "Three men were killed", "the blast killed two"
    (a weapon told again, with its outcome)?"""
    words = ev.trigger.lower().split()
    return ev.type in VIOLENT and ev.source is None and ev.factuality == "asserted" and bool(words) \
        and (words[0] in _TOLL_WORDS or len(words) == 2 and words[1] in _OUTCOME_WORDS)  # fmt: skip


# how a toll is told by no one doing it: the outcome words, and "was shot" with no shooter named
_TOLL_WORDS = _OUTCOME_WORDS | {"shot"}


# determiners by which an event noun points back to an act told before: "the attack", "this raid"
_BACK_REFERENCE = ("the ", "this ", "that ")


def acts_told_again(events: list[Event]) -> list[Event]:
    """An act told by a bare event noun that points back ("The attack caused material damage",
    "the blast was heard across town"), naming no one, after a violent act told in an earlier
    sentence on the same day, is that act told again: it has that act's actors and ACLED type."""
    out = list(events)
    act: Event | None = None  # the last violent act told
    for i, ev in enumerate(events):
        if ev.type not in VIOLENT:
            continue
        if ev.source is None and ev.target is None and _points_back(ev):
            later = act is not None and ev.evidence.sentence_start > act.evidence.sentence_start
            if later and ev.date.date == act.date.date:
                out[i] = replace(ev, source=act.source, target=act.target,
                                 acled_sub_event_type=act.acled_sub_event_type, acled_event_type=act.acled_event_type)
        else:
            act = ev
    return out


def _points_back(ev: Event) -> bool:
    """Is the event told by one noun after a determiner that points back ("the attack")?"""
    before = ev.evidence.before_trigger.lower()
    return len(ev.trigger.split()) == 1 and before.endswith(_BACK_REFERENCE) and len(before.split()) <= 6
