"""What every linker needs to know about a trigger, worked out once."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..mentions.attribution import DOCUMENT_NOUNS
from ..mentions.factuality import named_by_another_act
from ..mentions.places import PlaceMention, subject_behind_place
from ..mentions.triggers import TriggerMatch, agent_of, reason_for_judging, subject_on_auxiliary


@dataclass(frozen=True)
class TriggerContext:
    sent: SpacySpan
    trig: TriggerMatch
    clause: frozenset[int]  # token indices of the trigger's clause (see clause_tokens)
    subject: Token | None  # the grammatical subject governing the trigger
    places: tuple[PlaceMention, ...]  # the sentence's place mentions
    published: date | None  # None: the article's date is not known
    n_triggers: int  # triggers in the sentence
    # the sentence's text (Span.text joins its tokens on every call: the coder reads it once per sentence)
    text: str = ""
    aside: bool = False  # told in passing, describing a party of another act (see told_in_passing)

    @property
    def head(self) -> Token:
        return self.trig.head


def trigger_context(sent: SpacySpan, trig: TriggerMatch, places, published: date | None, n_triggers: int,
                    text: str | None = None, others: Iterable[TriggerMatch] = ()) -> TriggerContext:  # fmt: skip
    """``text``: ``sent.text``, when the caller has it already; ``others``: the sentence's other triggers."""
    return TriggerContext(sent, trig, frozenset(clause_tokens(trig.head)), subject_of(trig.head), tuple(places),
                          published, n_triggers, sent.text if text is None else text,
                          told_in_passing(trig.head, [o.head for o in others]))  # fmt: skip


# clauses that describe a noun: "miners who were shot", "a classmate abducted by gunmen"
_DESCRIBING = frozenset({"relcl", "acl"})


def told_in_passing(head: Token, other_heads: Iterable[Token]) -> bool:
    """Is the act told in a clause that describes a party of another act of the sentence? "Families
    of miners who were shot dead by soldiers marched", "protested, demanding justice for a farmer
    killed by police": the shooting and the killing say who the marchers are and what they want;
    the march and the protest are the news. (Not "a protest that police broke up": a clause on
    the act's own noun tells the act.)"""
    clause = next((t for t in (head, *head.ancestors) if t.dep_ in _DESCRIBING), None)
    if clause is None or clause.head.i == clause.i:
        return False
    described = clause.head
    # another act's word, or the verb its noun is the object of ("continued their sit-in protest")
    return any(o.i != described.i and (o in described.ancestors or o.dep_ == "dobj" and o.head in described.ancestors)
               for o in other_heads)  # fmt: skip


def clause_tokens(head: Token) -> set[int]:
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
    while tok.dep_ in ("xcomp", "conj", "advcl") and tok.head.i != tok.i:
        tok = tok.head
        out.add(tok.i)
        for child in tok.children:
            if child.dep_ in ("prep", "npadvmod", "advmod", "nsubj", "dobj"):
                out.update(t.i for t in child.subtree)
    return out


# what a party says its piece in
_MESSAGE_NOUNS = DOCUMENT_NOUNS | {"speech", "address", "declaration", "resolution", "appeal", "plea", "petition", "memorandum",
                                  "ultimatum", "complaint"}
# prepositions of time or manner whose gerund is the act of the governing verb's subject
_GERUND_PREPS = frozenset({"after", "before", "by", "while", "when", "upon", "on", "without", "in"})


# verbs whose passive subject is a thing made for a purpose, no doer of it: "the rally was designed
# to show solidarity", "a drone was used to strike the base", "the law is meant to curb protests"
_PURPOSE_VERBS = frozenset({"design", "intend", "mean", "aim", "use", "plan", "build"})


def _told_to_act(complement: Token) -> bool:
    """Does the active complement ``complement`` tell what its governing passive's subject does:
    "were forced to withdraw", "is expected to sign", "were seen throwing stones"?"""
    return complement.dep_ == "xcomp" and not _passive(complement) \
        and complement.head.lemma_.lower() not in _PURPOSE_VERBS  # fmt: skip


def _passive(verb: Token) -> bool:
    """Is ``verb`` told in the passive: "to have been killed", or a bare participle ("were reported
    killed", "was found beheaded"), not a perfect ("to have attacked")?"""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


_FINITE_TAGS = ("VBD", "VBZ", "VBP")


def _subject_read_as_compound(verb: Token) -> Token | None:
    """The doer the parser made a compound of the verb read as a noun: "a sniper shot and killed two
    soldiers", "a rebel fighter shot and wounded" parse as one noun "a sniper shot" whose "and killed"
    follows. Only a sentence's root with a finite verb joined to it (or tagged finite itself) is so read."""
    if verb.dep_ != "ROOT" or not (verb.tag_ in _FINITE_TAGS
                                   or any(c.dep_ == "conj" and c.tag_ in _FINITE_TAGS for c in verb.children)):
        return None
    if not any(c.dep_ == "conj" and c.pos_ == "VERB" for c in verb.children):
        return None  # a noun phrase of its own ("a police shot", headline-like) names no act
    words = [c for c in verb.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    # the parser may hang each word on the verb ("a Taliban sniper shot"): a name among them is whose
    # the doer is, else the word nearest the verb names the doer
    return next((c for c in words if c.pos_ == "PROPN"), words[-1] if words else None)


def subject_of(head: Token) -> Token | None:
    """The subject of ``head``, or of the verb it shares one with ("agreed to withdraw")."""
    tok = head
    completed = False  # did ``tok`` come from what the passive subject is told to do ("to withdraw")?
    for _ in range(4):
        deps = ("nsubj", "csubj", "nsubjpass") if completed else ("nsubj", "csubj")
        subj = next((c for c in tok.children if c.dep_ in deps), None) or subject_on_auxiliary(tok, deps)
        if subj is not None:
            return subject_behind_place(subj)
        doer = _subject_read_as_compound(tok)
        if doer is not None:
            return doer
        # "agreed to withdraw", "blocked ... and forced": share the governing verb's subject; so does
        # what a passive's subject is told to do ("were forced to withdraw", "is expected to sign":
        # they withdraw, they sign), though not a passive complement ("were reported killed": the
        # dead killed no one) nor a second passive ("was arrested and charged": not by the one arrested)
        if tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
            completed = _told_to_act(tok)
            tok = tok.head
            continue
        completed = False
        # "is about to restore", "is ready to withdraw": the adjective's clause is its subject's
        if tok.dep_ == "acomp" and tok.head.i != tok.i:
            tok = tok.head
            continue
        # "in a meeting with X, Ruto asked": the subject of what the phrase is the setting of, unless
        # the act names its own doers ("came after days of protests by farmers": the farmers')
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i:
            doer = prep_object(tok, ("by",)) or _called_by(tok)
            if doer is not None:
                return doer
            if named_by_another_act(tok):
                # an act named as the time of another is no setting of it ("sacked the minister after
                # the riots"), nor one a party denies a part in ("denied any role in the raid")
                break
            tok = tok.head.head
            continue
        # "praised the president for pressing for the release": the deed is the one praised's
        judged = reason_for_judging(tok)
        if judged is not None:
            return judged
        # "resigned after alleging she was bullied", "answered by accusing the minister": a gerund
        # under a preposition of time or manner is its governing verb's subject's act (not under
        # "for" or "of": "thanked Ostland for condemning the raid" is Ostland's condemnation)
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ in _GERUND_PREPS and tok.head.head.i != tok.head.i:
            tok = tok.head.head
            continue
        # "issued a statement condemning the raid", "gave a speech denouncing", "sent a letter to the
        # minister demanding an inquiry": whoever gave the message said what it says
        message = _message_told(tok)
        if message is not None:
            giver = next((c for c in message.children if c.dep_ == "poss"), None)
            if giver is not None:
                return giver
            if message.pos_ in ("VERB", "AUX"):
                tok = message
                continue
            if message.dep_ == "dobj" and message.head.i != message.i:
                tok = message.head
                continue
            break
        # "marched to the parliament demanding new elections": the parser may hang the marchers' act on
        # where they went, which did nothing
        if tok.tag_ == "VBG" and tok.dep_ == "acl" and (went := _gone_to(tok.head)) is not None:
            tok = went
            continue
        # "rioters demonstrating against prices blocked the road", "demonstrating workers": the
        # people an active participle describes are who did it
        if tok.tag_ == "VBG" and tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
            return tok.head
        # "troops took the town, killing five fighters": a participle's clause tells more of what the
        # main clause's subject did
        if tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.head.i != tok.i:
            tok = tok.head
            continue
        # "gathered at a rally to demand a recount": a purpose is its doers' own
        if tok.tag_ == "VB" and tok.dep_ == "advcl" and tok.head.i != tok.i and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):  # fmt: skip
            tok = tok.head
            continue
        # "reversed an earlier decision to pull out": the decision-maker's subject
        if tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "pobj", "nsubjpass") and tok.head.head.i != tok.head.i:
            tok = tok.head.head
            if tok.dep_ == "prep":
                tok = tok.head
            continue
        break
    return _left_neighbour_subject(head)


def _message_told(tok: Token) -> Token | None:
    """The message whose words an active participle tells ("a statement condemning the raid"), or
    the verb that sent it, when the parser hung the participle on the addressee (``message_sent_to``)."""
    if tok.tag_ != "VBG" or tok.dep_ != "acl" or tok.head.i == tok.i:
        return None
    if tok.head.lemma_.lower() in _MESSAGE_NOUNS:
        return tok.head
    return message_sent_to(tok.head)


# verbs of going somewhere, as a crowd goes to make its point: "marched to the palace chanting"
_GOING = frozenset("march walk go head move proceed drive travel come return parade converge flock stream".split())
_WHERE_TO = frozenset({"to", "towards", "toward", "into", "through"})


def _gone_to(place: Token) -> Token | None:
    """The verb of going whose destination ``place`` is ("marched to *the parliament*"), else None."""
    prep = place.head
    if place.dep_ != "pobj" or prep.lower_ not in _WHERE_TO or prep.head.i == prep.i:
        return None
    return prep.head if prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in _GOING else None


def message_addressee(head: Token) -> Token | None:
    """Whom the message an active participle tells was sent to, when the parser hung the participle
    on them ("sent a letter to *the minister* demanding an inquiry"); else None."""
    message = _message_told(head)
    if message is not None and message.i != head.head.i:
        return head.head
    if head.tag_ != "VBG" or head.dep_ not in ("acl", "advcl") or head.head.i == head.i:
        return None
    # "a letter to the minister demanding ...", "handed a petition to the governor, urging him ...":
    # the participle on the message, or on the verb that sent it
    message = _message_of(head.head)
    if message is None:
        return None
    return _sent_to(message) or (_sent_to(message.head) if message.dep_ == "dobj" else None)


def _sent_to(word: Token) -> Token | None:
    """The object of ``word``'s "to" (which the parser makes a preposition or a dative)."""
    return next((o for c in word.children if c.lower_ == "to" and c.dep_ in ("prep", "dative")
                 for o in c.children if o.dep_ == "pobj"), None)  # fmt: skip


def message_sent_to(addressee: Token) -> Token | None:
    """The word that sends a message to ``addressee``, when ``addressee`` is what the message went
    "to": the verb with the message as its object ("sent a letter to the minister", "handed a petition
    to the governor") or the message noun itself ("a letter to the minister"). None otherwise."""
    to = addressee.head
    if addressee.dep_ != "pobj" or to.lower_ != "to" or to.dep_ not in ("prep", "dative") or to.head.i == to.i:
        return None
    sender = to.head
    message = _message_of(sender)
    if message is not None and (message.i == sender.i or sender.pos_ in ("VERB", "AUX")):
        return sender
    return None


def _message_of(word: Token) -> Token | None:
    """``word`` when it names a message ("a letter"), else the message that is its object ("sent a
    letter"), else None."""
    if word.lemma_.lower() in _MESSAGE_NOUNS:
        return word
    return next((c for c in word.children if c.dep_ == "dobj" and c.lemma_.lower() in _MESSAGE_NOUNS), None)


# participles that tell whose an act is: "a strike called by the union", "protests organised by students"
_CALLING = frozenset("call organise organize stage lead launch carry".split())


def _called_by(noun: Token) -> Token | None:
    """Who an act named by its noun is said to have called or led, in a participle on its phrase
    (the parser may hang it on the noun's place: "a strike at the airports called by the union")."""
    return next((a for c in noun.subtree if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _CALLING
                 for a in [agent_of(c)] if a is not None), None)  # fmt: skip


def _left_neighbour_subject(verb: Token) -> Token | None:
    """A finite main verb the parser left without a subject takes the noun phrase right before it,
    which the parser hung elsewhere ("near Tarvo, Ostland, Kelmar soldiers and militants clashed":
    the soldiers as one more item of the list of places). Of a list joined by "and", the first item."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == verb.sent.start:
        return None
    if any(c.dep_ in ("nsubjpass", "expl") for c in verb.children):
        return None
    tok = verb.doc[verb.i - 1]
    if tok.pos_ not in ("NOUN", "PROPN") or tok.head.i == verb.i or tok.ent_type_ in ("DATE", "TIME"):
        return None
    while tok.dep_ == "conj" and any(c.dep_ == "cc" and tok.head.i < c.i < tok.i for c in tok.head.children):
        tok = tok.head
    return tok


def shared_agent(head: Token) -> Token | None:
    """The "by" object of a passive verb coordinated with ``head``, which the parser hangs on one
    of them only: "was shot and killed by gunmen" (on "killed"), "two were killed and one was
    wounded by troops" (on "wounded"): both acts are the same doer's."""
    partners = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ == "conj":
        partners.append(head.head)
    for verb in partners:
        if verb.tag_ == "VBN" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            agent = agent_of(verb)
            if agent is not None:
                return agent
    return None


# the prepositions of how a passive act was done, whose object the parser may hang its doer on:
# "with a rifle shot by the police", "hacked to death with machetes by herders"
_MANNER_PREPS = ("with", "to")


def agent_on_instrument(head: Token) -> Token | None:
    """The "by" object of a passive verb that the parser hung on the means or end of the act
    instead of the verb: "was killed with a single shot by soldiers", "was wounded with a rubber
    bullet by riot police", "was hacked to death with machetes by herders"."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
        return None
    means = [g for p in head.children if p.dep_ == "prep" and p.lower_ in _MANNER_PREPS
             for g in p.children if g.dep_ == "pobj"]  # fmt: skip
    # a "by" one step further in: "to death with machetes by herders" hangs on "machetes"
    means += [g for m in list(means) for p in m.children if p.dep_ == "prep" and p.lower_ in _MANNER_PREPS
              for g in p.children if g.dep_ == "pobj"]  # fmt: skip
    # or on a verb the parser made of the means: "with a rifle shot by the police" ("shot" a clause of "rifle")
    return next((b for m in means if (b := prep_object(m, ("by",)) or _clause_agent(m)) is not None), None)


def _clause_agent(noun: Token) -> Token | None:
    return next((b for c in noun.children if c.dep_ == "acl" and (b := agent_of(c)) is not None), None)


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday night morning evening afternoon day week "
    "month year weekend today yesterday".split()
)


def prep_object(head: Token, preps: tuple[str, ...], skip: Callable[[Token], bool] | None = None) -> Token | None:
    """The object of the first of ``head``'s prepositions in ``preps`` that is not a time (nor
    one ``skip`` passes over)."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME") and pobj.lower_ not in _TIME_WORDS \
                    and not (skip is not None and skip(pobj)):  # fmt: skip
                return pobj
    return None
