"""The event coder: from a parsed document's mentions to event records.

For each sentence: find triggers; for each trigger, take the actors from its
clause (subject -> source, object -> target, passive inverted), the most
specific place in its clause, its nearest date expression, the quantities in
its clause, the cited source, and the factuality; then map the trigger's
PLOVER type to CAMEO and ACLED. Every field keeps the offsets it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .acled import SUB_EVENT_PLOVER
from .classify import EventClassifier, SentenceVerdict, default_classifier
from .document import Document
from .geo.resolve import ArticlePlaces, article_places, locate
from .events import Actor, Attribution, Event, EventDate, Evidence, Place, Quantity, Span
from .mentions.actors import ActorIndex, country_names, default_actor_index, resolve_actor
from .mentions.attribution import REPORT_VERBS, AttributionMention, find_attribution
from .mentions.factuality import factuality
from .mentions.places import Gazetteer, PlaceMention, default_gazetteer, fold_name
from .mentions.quantities import find_quantities
from .mentions.times import find_time_mentions, resolve
from .mentions.triggers import CANCEL_VERBS, SWALLOWING_TYPES, VIOLENT, TriggerMatch, find_triggers
from .ontology import CAMEO_ROOTS, Lexicon, TriggerSpec, acled_event_type, default_lexicon

STATE_SECTORS = frozenset({"military", "government", "police"})
_TARGET_PREPS = ("against", "on", "at", "targeting", "with", "into", "upon")
_AID_PREPS = ("to", "for")
_MOVEMENT_TYPES = frozenset({"MOBILIZE", "RETREAT"})


@dataclass
class Coder:
    """Codes documents into events. Holds the lexicon, actor data and gazetteer it uses."""

    lexicon: Lexicon = field(default_factory=default_lexicon)
    actors: ActorIndex = field(default_factory=default_actor_index)
    gazetteer: Gazetteer = field(default_factory=default_gazetteer)
    # the learned second opinion on each sentence (None: rules only)
    classifier: EventClassifier | None = field(default_factory=default_classifier)
    # how sure the classifier must be to override the rules' ACLED sub-event type,
    # and to code an event in a sentence where the lexicon found none (set on ACLED dev folds)
    relabel_p: float = 0.5
    new_event_p: float = 0.9

    def __post_init__(self) -> None:
        self._country_names = country_names(self.actors)

    def code(self, document: Document) -> list[Event]:
        article = document.article
        published = article.published or date.today()
        doc = document.doc
        sentences = list(doc.sents)
        # the article's places are passed down, never kept on the coder: one coder serves
        # concurrent requests (the API's thread pool shares a pipeline)
        in_article = article_places(sentences, self.gazetteer, self._country_names)
        events: list[Event] = []
        previous_attr: AttributionMention | None = None
        carried: EventDate | None = None  # the last stated day in this paragraph
        for sent, places in zip(sentences, in_article.by_sentence):
            if "\n\n" in doc.text[max(0, sent.start_char - 2) : sent.start_char]:
                carried = None
            triggers = find_triggers(sent, self.lexicon, self._is_place)
            verdict = self.classifier.classify(sent, [t.spec.key for t in triggers]) if self.classifier else None
            if verdict is not None and verdict.event >= self.new_event_p and not any(t.spec.acled for t in triggers):
                # the lexicon has no trigger for what the sentence reports: its main verb carries the event
                trig = _classifier_trigger(sent, verdict)
                triggers = triggers + [trig] if trig is not None else triggers
            attr_for_sentence = None
            sentence_events = []
            for trig in triggers:
                ev, attr = self._event(document, sent, trig, places, published, in_article, previous_attr, len(triggers), carried)
                if ev is not None:
                    sentence_events.append(ev)
                    attr_for_sentence = attr_for_sentence or attr
            if verdict is not None:
                sentence_events = self._second_opinion(sentence_events, verdict)
            events.extend(sentence_events)
            # a sentence that goes on about the same day without naming it takes the day named before
            carried = next((e.date for e in sentence_events if e.date.text and e.date.precision == "day"
                            and e.date.span and sent.start_char <= e.date.span.start), carried)  # fmt: skip
            # the last named source stays available to "the monitor added" in the next sentences
            if attr_for_sentence is not None:
                previous_attr = attr_for_sentence
            else:
                for verb in sent:
                    if verb.lemma_.lower() in REPORT_VERBS and verb.dep_ == "ROOT":
                        found = find_attribution(verb, sent, previous_attr)
                        if found is not None:
                            previous_attr = found
        return events

    # ------------------------------------------------------------------ helpers

    def _second_opinion(self, events: list[Event], verdict: SentenceVerdict) -> list[Event]:
        """The classifier's reading of the sentence: its sub-event type on the event it fits,
        when it is sure enough and the rules said otherwise, and more confidence for events
        it agrees with (two independent readings that agree are surer than one)."""
        events = list(events)
        if verdict.sub_event_p >= self.relabel_p:
            i = _relabel_target(events, verdict.sub_event)
            if i is not None:
                events[i] = _relabelled(events[i], verdict.sub_event)
        return [replace(e, confidence=min(1.0, e.confidence + 0.1 * verdict.sub_event_p))
                if e.acled_sub_event_type == verdict.sub_event else e for e in events]  # fmt: skip

    def _is_place(self, tok: Token) -> bool:
        return bool(self.gazetteer.lookup(tok.text)) or fold_name(tok.text) in self._country_names

    def _event(
        self,
        document: Document,
        sent: SpacySpan,
        trig: TriggerMatch,
        places: list[PlaceMention],
        published: date,
        in_article: ArticlePlaces,
        previous_attr: AttributionMention | None,
        n_triggers: int,
        carried: EventDate | None = None,
    ) -> tuple[Event | None, AttributionMention | None]:
        head = trig.head
        spec = trig.spec
        fact = factuality(head, REPORT_VERBS, speech_act=spec.type in SWALLOWING_TYPES)
        if trig.light in CANCEL_VERBS:
            if spec.type == "CONSULT" and trig.light in ("cancel", "call off", "scrap"):
                # cancelling a visit or talks is itself a sanction (PLOVER SANCTION/cancel)
                spec = replace(spec, type="SANCTION", mode="cancel", acled=None, cameo="16")
            else:
                fact = "reversed"  # a postponed meeting, a suspended deployment: not an event that happened
        elif trig.light in HYPOTHETICAL_LIGHT_VERBS:
            fact = "hypothetical"  # "is considering a curfew"

        place = self._place(sent, trig, places, spec.type)
        context_country = place.country if place and place.country else in_article.main_country
        foreign = any(p.country and p.country != context_country for p in places) or self._names_foreign(sent, context_country)
        source, target = self._actors(trig, context_country, foreign)
        if spec.target_acts:
            source, target = target, source
        spec = refine_mode(spec, trig)
        if spec.type in VIOLENT and source is not None and source.sector == "protesters" and spec.key not in _LOOTING:
            # ACLED: protesters who storm, torch or attack are a violent demonstration
            spec = replace(spec, type="PROTEST", mode="riot", acled="Violent demonstration", cameo=None)
        # An event noun that names its actor ("Russian airstrikes", "Turkish shelling")
        if source is None and trig.noun is not None:
            source = self._noun_owner(trig.noun, context_country)

        when = self._date(sent, trig, published, fact == "future", carried)
        if fact == "asserted" and when.date > published and when.text:
            fact = "future"
        quantities = self._quantities(sent, trig)
        attr = find_attribution(head, sent, previous_attr)
        acled_sub = self._acled(spec, source, target, sent)
        confidence = self._confidence(trig, source, target, n_triggers, fact)
        ev = Event(
            type=spec.type,
            mode=spec.mode,
            context=spec.context,
            cameo_root=spec.cameo_root,
            acled_event_type=acled_event_type(acled_sub),
            acled_sub_event_type=acled_sub,
            trigger=trig.text,
            source=source,
            target=target,
            place=None if place is None else self._located(place, places, in_article, (source, target)),
            date=when,
            quantities=quantities,
            attribution=Attribution(
                source=attr.source if attr else None,
                outlet=document.article.outlet,
                span=Span(attr.start, attr.end) if attr else None,
            ),
            factuality=fact,
            evidence=Evidence(
                article_id=document.article.id,
                sentence=sent.text.rstrip(),  # a sentence before a blank line ends with its whitespace token
                sentence_start=sent.start_char,
                sentence_end=sent.start_char + len(sent.text.rstrip()),
                trigger=Span(trig.start, trig.end),
            ),
            confidence=confidence,
        )
        return ev, attr

    def _located(self, mention: PlaceMention, sentence_places: list[PlaceMention], in_article: ArticlePlaces,
                 actors: tuple[Actor | None, ...] = ()) -> Place:  # fmt: skip
        # The event's actors are context too: "Lebanese troops shelled Tripoli" is the Lebanese Tripoli,
        # unless the name is unambiguous on its own.
        actor_countries = {a.country for a in actors if a is not None and a.country}
        if mention.candidates and not mention.is_strong and actor_countries:
            readings = [c for c in mention.candidates if c.country in actor_countries]
            if readings and (mention.resolved is None or mention.resolved.country not in actor_countries):
                mention = mention.in_context({c: 100.0 for c in actor_countries}, in_article.main_country)
        loc = locate(mention, sentence_places, in_article.all, in_article.main_country, self.gazetteer)
        return Place(
            text=mention.text, name=mention.name, country=loc.country, span=Span(mention.start, mention.end),
            geonameid=loc.geonameid, latitude=loc.latitude, longitude=loc.longitude, admin1=loc.admin1,
            admin2=loc.admin2, feature=loc.feature, geo_precision=loc.geo_precision, relation=loc.relation,
            anchor=loc.anchor,
        )  # fmt: skip

    def _names_foreign(self, sent: SpacySpan, country: str | None) -> bool:
        for tok in sent:
            if tok.pos_ in ("PROPN", "ADJ") and tok.text[:1].isupper():
                entry = self.actors.get(tok.text)
                if entry is not None and entry.kind in ("country", "demonym", "capital") and entry.country != country:
                    return True
        return False

    def _actors(self, trig: TriggerMatch, context_country: str | None, foreign: bool) -> tuple[Actor | None, Actor | None]:
        head = trig.head
        subj = _subject(head)
        passive_subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        agent = _agent(head)
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if trig.noun is not None and obj == trig.noun or obj in trig.tokens:
            obj = None  # "launched airstrikes", "fired tear gas at": the object is the event, its target hangs off it
        if trig.noun is not None and subj == trig.noun:
            subj = None  # "clashes erupted": the subject is the event itself

        source_tok = agent if passive_subj is not None else subj
        target_tok = passive_subj if passive_subj is not None and passive_subj != trig.noun else obj
        if target_tok is None:
            target_tok = _prep_object(head, _AID_PREPS if trig.spec.type == "AID" else _TARGET_PREPS)
        if target_tok is None and trig.noun is not None:
            target_tok = _prep_object(trig.noun, _TARGET_PREPS)
        if target_tok is not None and trig.spec.type in _VERBAL_TYPES and target_tok.lemma_.lower() in _ACT_NOUNS:
            # "condemned Russia's attack", "rejected a request from Mogadishu": whose act it was
            target_tok = _owner(target_tok) or target_tok
        if target_tok is None and trig.spec.mode == "occupy":
            target_tok = _prep_object(head, ("from",))  # "recaptured the town from the rebels"
        if trig.spec.type in _SYMMETRIC_TYPES and target_tok is None:
            target_tok = _prep_object(head, ("with",))
            if target_tok is None:
                # "travelled to Baghdad for talks with Iraqi officials"
                for prep in head.children:
                    if prep.dep_ == "prep" and prep.lower_ == "for":
                        for pobj in prep.children:
                            target_tok = target_tok or _prep_object(pobj, ("with",))
            if target_tok is None and source_tok is not None:
                # "Russia and Turkey agreed a ceasefire": the second party is the target
                target_tok = next((c for c in source_tok.children if c.dep_ == "conj"), None)
        # an instrument trigger ("were killed in an airstrike") has victims, not a source
        source = self._resolve(source_tok, context_country, foreign)
        target = self._resolve(target_tok, context_country, foreign)
        # "Turkey deployed 6,000 troops": the troops are the deployed force, not a target
        if trig.spec.type in _MOVEMENT_TYPES | {"AID"} and target is not None and target_tok is obj and target.sector == "military":
            if source is not None and target.country is None:
                target = None
            elif source is None:
                source, target = target, None
            else:
                target = None
        # a place is not an actor: "shelled Idlib" -> target none, the place is Idlib
        if target is not None and target_tok is not None and target_tok.ent_type_ in ("GPE", "LOC", "FAC") and target.sector == "government" and trig.spec.type in VIOLENT | _MOVEMENT_TYPES:
            target = None
        if target is not None and target_tok is not None and target_tok.lemma_.lower() in _NON_ACTOR_OBJECTS:
            target = None
        return source, target

    def _resolve(self, tok: Token | None, context_country: str | None, foreign: bool = False) -> Actor | None:
        if tok is None:
            return None
        return resolve_actor(tok, self.actors, context_country=context_country, foreign_mentioned=foreign)

    def _noun_owner(self, noun: Token, context_country: str | None) -> Actor | None:
        for child in noun.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < noun.i:
                entry = self.actors.get(child.text)
                if entry is not None and entry.kind in ("demonym", "country", "org"):
                    sector = "military" if entry.kind in ("demonym", "country") else entry.sector
                    name = self.actors.country_name(entry.country) or entry.canonical
                    return Actor(child.text, f"{name} {sector}" if entry.kind != "org" else entry.canonical,
                                 entry.country, sector, Span(child.idx, child.idx + len(child.text)))
            if child.dep_ == "prep" and child.lower_ == "by":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return self._resolve(pobj, context_country)
        return None

    def _place(self, sent: SpacySpan, trig: TriggerMatch, places: list[PlaceMention], etype: str) -> PlaceMention | None:
        if not places:
            return None
        clause = _clause_tokens(trig.head)
        subject_tokens = set()
        subj = _subject(trig.head)
        if subj is not None:
            subject_tokens = {t.i for t in subj.subtree}

        def score(p: PlaceMention) -> tuple:
            in_clause = p.head_i in clause
            in_subject = p.head_i in subject_tokens and p.relation is None
            rel_penalty = 1 if p.relation in ("from",) and etype not in _MOVEMENT_TYPES or p.relation == "poss" else 0
            near = 1 if p.relation in ("near", "outside", "around") else 0
            return (in_clause and not in_subject, -rel_penalty, p.specificity, -near, -abs(p.head_i - trig.head.i))

        # a country used as the actor ("Turkey deployed") is not where it happened
        usable = [p for p in places if not (p.kind == "country" and p.relation is None and p.head_i in subject_tokens)]
        usable = [p for p in usable if not (p.kind == "country" and p.relation is None)] or usable
        if not usable:
            return None
        return max(usable, key=score)

    def _date(self, sent: SpacySpan, trig: TriggerMatch, published: date, future: bool,
              carried: EventDate | None = None) -> EventDate:  # fmt: skip
        mentions = _sentence_times(sent.text)
        base = sent.start_char
        best = None
        if mentions:
            doc = sent.doc
            clause = _clause_tokens(trig.head)

            def score(tm) -> tuple:
                span = doc.char_span(base + tm.start, base + tm.end, alignment_mode="expand")
                inside = span is not None and any(t.i in clause for t in span)
                return (inside, -abs(base + tm.start - trig.start))

            best = max(mentions, key=score)
        if best is not None:
            resolved = resolve(best.text, published, future=future)
            if resolved is not None:
                return EventDate(resolved.date, resolved.precision, best.text, Span(base + best.start, base + best.end))
        if carried is not None and not mentions:
            return carried
        return EventDate(published, "week", None, None)

    def _quantities(self, sent: SpacySpan, trig: TriggerMatch) -> tuple[Quantity, ...]:
        base = sent.start_char
        doc = sent.doc
        clause = _clause_tokens(trig.head)
        out = []
        for q in _sentence_quantities(sent.text):
            span = doc.char_span(base + q.start, base + q.end, alignment_mode="expand")
            if span is not None and not any(t.i in clause for t in span):
                continue
            out.append(Quantity(q.value, q.unit, q.qualifier, q.text, Span(base + q.start, base + q.end)))
        return tuple(out)

    def _acled(self, spec, source: Actor | None, target: Actor | None, sent: SpacySpan) -> str | None:
        rule = spec.acled
        if rule == "by_target":
            if target is not None and target.sector in ("protesters",) and source is not None and source.sector in STATE_SECTORS:
                return "Excessive force against protesters"
            if target is not None and target.sector in ("civilians", "media", "business", "party", "igo", "government") and not (target.sector == "government" and target.country):
                return "Attack"
            if target is not None and target.sector in ("civilians",):
                return "Attack"
            if target is None and source is not None and source.sector in ("rebels", "unknown"):
                return "Attack"
            return "Armed clash"
        if rule == "territory":
            if source is not None and source.sector in STATE_SECTORS:
                return "Government regains territory"
            return "Non-state actor overtakes territory"
        if rule == "Peaceful protest":
            lowered = sent.text.lower()
            if any(w in lowered for w in ("tear gas", "teargas", "dispersed", "disperse", "rubber bullets", "water cannon", "baton")):
                return "Protest with intervention"
        return rule

    def _confidence(self, trig: TriggerMatch, source, target, n_triggers: int, fact: str) -> float:
        c = 0.5
        if trig.spec.key == "classifier":
            c -= 0.2  # no lexicon word backs it: the classifier's reading of the whole sentence
        if trig.noun is None:
            c += 0.15  # a verb states an event more directly than a noun
        if source is not None:
            c += 0.15
        if target is not None:
            c += 0.05
        if n_triggers == 1:
            c += 0.15
        if fact != "asserted":
            c -= 0.05
        return max(0.05, min(1.0, c))


_OPEN_SUB_EVENTS = frozenset({"Other", "Change to group/activity"})
# sub-event types ACLED defines by the actors' roles: force against protesters, protesters turning violent
_ROLE_DEFINED = frozenset({"Excessive force against protesters", "Protest with intervention", "Violent demonstration"})


def _relabel_target(events: list[Event], sub_event: str) -> int | None:
    """The first of the sentence's events the classifier's sub-event type may replace, if any."""
    if any(e.acled_sub_event_type == sub_event for e in events):
        return None
    etype, _ = SUB_EVENT_PLOVER[sub_event]
    for i, ev in enumerate(events):
        if ev.acled_sub_event_type is None or ev.factuality != "asserted":
            continue  # the classifier learned from events that happened (ACLED codes no others)
        if ev.acled_sub_event_type in _ROLE_DEFINED:
            continue  # read from who did what to whom, which the sentence's words alone do not show
        if ev.acled_event_type == _REMOTE and acled_event_type(sub_event) != _REMOTE:
            continue  # the rules saw the weapon ("with drones", "fired rockets")
        if _family(etype) == _family(ev.type):
            return i  # never across kinds of act: an arrest is not re-read as an attack
    return None


def _relabelled(ev: Event, sub_event: str) -> Event:
    etype, mode = SUB_EVENT_PLOVER[sub_event]
    if sub_event in _OPEN_SUB_EVENTS or etype == ev.type:
        etype, mode = ev.type, ev.mode  # a catch-all class says nothing about the PLOVER type
    return replace(ev, acled_sub_event_type=sub_event, acled_event_type=acled_event_type(sub_event), type=etype,
                   mode=mode, cameo_root=ev.cameo_root if etype == ev.type else CAMEO_ROOTS[etype])  # fmt: skip


_REMOTE = "Explosions/Remote violence"


def _family(etype: str) -> str:
    """Kinds of act within which the classifier may re-read the rules' type: armed violence
    (FIGHT, ASSAULT) and unrest (PROTEST) change among themselves; the rest stay as read."""
    return "violence" if etype in VIOLENT else etype


def _classifier_trigger(sent: SpacySpan, verdict: SentenceVerdict) -> TriggerMatch | None:
    """A trigger on the sentence's main verb for an event only the classifier saw."""
    if verdict.sub_event in _OPEN_SUB_EVENTS:
        return None
    root = sent.root
    head = root if root.pos_ == "VERB" else next((t for t in sent if t.pos_ == "VERB" and t.dep_ != "amod"), None)
    if head is None:
        return None
    etype, mode = SUB_EVENT_PLOVER[verdict.sub_event]
    spec = TriggerSpec(key="classifier", type=etype, mode=mode, acled=verdict.sub_event)
    return TriggerMatch(spec=spec, head=head, tokens=(head,))


_NON_ACTOR_OBJECTS = frozenset(
    "ceasefire truce agreement deal decision plan attack area town village city province road highway "
    "border crossing base position territory control access aid assistance food supply support fire".split()
)


# A sentence with several triggers is scanned once for times and quantities.
@lru_cache(maxsize=64)
def _sentence_times(text: str) -> tuple:
    return tuple(find_time_mentions(text))


@lru_cache(maxsize=64)
def _sentence_quantities(text: str) -> tuple:
    return tuple(find_quantities(text))


HYPOTHETICAL_LIGHT_VERBS = frozenset({"consider", "propose", "mull", "weigh", "discuss"})
_LOOTING = frozenset({"loot", "plunder", "ransack", "looting"})
_SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "FIGHT"})


def _subject(head: Token) -> Token | None:
    tok = head
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            return subj
        # "agreed to withdraw", "blocked ... and forced": share the governing verb's subject
        if tok.dep_ in ("xcomp", "conj") and tok.head is not tok:
            tok = tok.head
            continue
        # "reversed an earlier decision to pull out": the decision-maker's subject
        if tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "pobj", "nsubjpass") and tok.head.head is not tok.head:
            tok = tok.head.head
            if tok.dep_ == "prep":
                tok = tok.head
            continue
        break
    return None


def _agent(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


_VERBAL_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "AGREE"})
# Nouns naming another party's act or word: the party is the target of a reply to it.
_ACT_NOUNS = frozenset(
    "attack strike offensive demand request call proposal offer decision move plan appeal bid "
    "invasion incursion shelling bombing aggression statement remark claim accusation ultimatum".split()
)


def _owner(noun: Token) -> Token | None:
    """The party whose act ``noun`` is: a possessor ("Russia's attack") or a "by"/"from"/"of" object."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    return _prep_object(noun, ("by", "from", "of"))


def _prep_object(head: Token, preps: tuple[str, ...]) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME") and pobj.lower_ not in _TIME_WORDS:
                return pobj
    return None


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday night morning evening afternoon day week "
    "month year weekend today yesterday".split()
)


def _clause_tokens(head: Token) -> set[int]:
    """Token indices of ``head``'s clause: its subtree without embedded clauses of other verbs."""
    out: set[int] = set()
    stack = [head]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        for child in tok.children:
            if child.dep_ in ("ccomp", "parataxis", "relcl") and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    # the governing verbs of an xcomp/conj share its time and place ("agreed on March 5 to withdraw")
    tok = head
    while tok.dep_ in ("xcomp", "conj", "advcl") and tok.head is not tok:
        tok = tok.head
        out.add(tok.i)
        for child in tok.children:
            if child.dep_ in ("prep", "npadvmod", "advmod", "nsubj", "dobj"):
                out.update(t.i for t in child.subtree)
    return out


# What a request or refusal is about decides its PLOVER mode (first match wins).
_ASK_MODES = (
    ("change", frozenset("resign resignation step reform change scrap repeal amend dismiss sack replace investigate inquiry probe election".split())),
    ("yield", frozenset("release free withdraw withdrawal pull leave ceasefire truce halt stop end cease surrender disarm access allow open lift".split())),
    ("assist", frozenset("aid help assistance support supply weapon troop funding food medicine protection".split())),
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


def _instrument_words(head: Token) -> set[str]:
    """Lemmas of what an act was done with: "attacked Odesa with dozens of drones"."""
    out: set[str] = set()
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "using"):
            out |= {t.lemma_.lower() for t in prep.subtree}
    return out


def _object_words(head: Token) -> set[str]:
    return {t.lemma_.lower() for c in head.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree}


_WEAPON_WORDS = frozenset("weapon arm ammunition missile rocket equipment logistics munition artillery launcher".split())
_POLICE_WORDS = frozenset("police policeman officer gendarme gendarmerie unit".split())


def refine_mode(spec, trig: TriggerMatch):
    """Choose the PLOVER mode the lexicon leaves open from the words around the trigger:
    "demanded the resignation" is REQUEST/change, "spoke by phone" CONSULT/phone,
    "a drone struck" FIGHT/drone, a convoy "carrying weapons" MOBILIZE/weapons."""
    words = {t.lemma_.lower() for t in trig.head.subtree} | {t.lower_ for t in trig.head.subtree}
    trigger_words = {t.lemma_.lower() for t in trig.tokens} | {trig.head.lemma_.lower()}
    if spec.type in ("REQUEST", "REJECT") and spec.mode is None:
        for mode, cues in _ASK_MODES:
            if words & cues:
                return replace(spec, mode=mode)
    elif spec.type == "CONSULT" and spec.mode is None:
        if trig.head.dep_ in ("xcomp", "advcl") and trig.head.head.lemma_.lower() in ("travel", "visit", "arrive", "fly"):
            return replace(spec, mode="visit")  # "will travel to Mekelle to meet Tigrayan leaders"
        for mode, cues in _CONSULT_MODES:
            if (words if mode != "visit" else trigger_words) & cues:
                return replace(spec, mode=mode)
    elif spec.type == "FIGHT" and spec.mode == "aerial":
        subj = _subject(trig.head)
        near = trigger_words | ({subj.lemma_.lower()} | {c.lemma_.lower() for c in subj.children} if subj is not None else set())
        if near & _DRONE_WORDS or _instrument_words(trig.head) & _DRONE_WORDS or _object_words(trig.head) & _DRONE_WORDS:
            return replace(spec, mode="drone")
    elif spec.type == "ASSAULT" and spec.mode == "firearms" and spec.acled == "by_target":
        # "attacked the port with dozens of drones": the weapon makes it a remote strike
        weapons = _instrument_words(trig.head)
        if weapons & _DRONE_WORDS:
            return replace(spec, type="FIGHT", mode="drone", acled="Air/drone strike", cameo=None)
        if weapons & {"missile", "rocket", "shell", "mortar", "artillery"}:
            return replace(spec, type="FIGHT", mode="artillery", acled="Shelling/artillery/missile attack", cameo=None)
        if weapons & {"airstrike", "warplane", "jet", "bomb"}:
            return replace(spec, type="FIGHT", mode="aerial", acled="Air/drone strike", cameo=None)
    elif spec.type == "THREATEN" and spec.mode == "violence":
        for mode, cues in _THREAT_MODES:
            if words & cues:
                return replace(spec, mode=mode)
    elif spec.type == "MOBILIZE" and spec.mode == "troops":
        subj = _subject(trig.head)
        doer = {t.lemma_.lower() for t in subj.subtree} if subj is not None else set()
        obj = {t.lemma_.lower() for c in trig.head.children if c.dep_ == "dobj" for t in c.subtree}
        if (doer | obj) & _POLICE_WORDS and not (doer | obj) & {"troop", "soldier", "army", "military"}:
            return replace(spec, mode="police")
        if words & _WEAPON_WORDS:
            return replace(spec, mode="weapons")
    return spec
