"""Whom a pronoun stands for: "He ordered ...", "they later marched", "which claimed it".

A light, rule-based coreference for the actors of events, in reading order and within an
article: a relative pronoun is the noun its clause describes; a pronoun in reported speech
("the president said he ordered ...") is the speaker; otherwise it is the latest actor named
before it that agrees with it (a person for "he"/"she", a group or several for "they", a
body or country for "it"): the subjects of earlier sentences, latest first, and the events'
targets. A candidate must read as an actor, so a pronoun never invents one.

A person named again by surname ("Dunval said") or by office ("the president said") is the
person named more fully before ("Finance Minister Marek Dunval", "President Ivo Kelmar"):
``earlier_mention`` finds that mention among the article's people, whose actor then lends
the later one what it lacks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..events import Actor, Event
from ..mentions.actors import of_object
from ..mentions.attribution import REPORT_VERBS
from .context import prep_object

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
# collective nouns that are also one body ("the militia said it"), unlike "police", "people", "the crowd"
_ONE_BODY = frozenset("military army militia group".split())
REFERRING = _PERSON_PRONOUNS | _GROUP_PRONOUNS | _BODY_PRONOUNS | RELATIVE_PRONOUNS
# how many of the latest actors a pronoun may reach back to
MEMORY = 8
# Offices a definite description refers back by ("the president said"): a person's office, not
# any word for a person ("the man" is told of anyone)
OFFICES = PERSON_TITLES - frozenset("man woman activist candidate".split())


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
    """Is ``word`` a pronoun or a definite description ("the group", "its members") this module resolves?"""
    return word.text.lower() in REFERRING or _definite_description(word) or _members_of_a_body_named_before(word)


def _definite_description(word: Token) -> bool:
    return word.lemma_.lower() in ANAPHORIC_NOUNS and any(c.dep_ == "det" and c.text.lower() == "the" for c in word.children)


# what is told of whose members it is without naming them: "its members", "members of the group"
_WHOSE = frozenset({"its", "their", "the"})


def _members_of_a_body_named_before(word: Token) -> bool:
    """Is ``word`` "members", "its members", "the members" or "members of the group": the members
    of a body the article named before ("the union called a strike. Members rejected the offer"),
    not of one it names here ("union members", "members of the Tarvo Front")?"""
    if word.lemma_.lower() != "member" or word.tag_ != "NNS":
        return False
    if any(c.dep_ in ("compound", "amod", "nmod") or c.dep_ in ("poss", "det") and c.lower_ not in _WHOSE
           for c in word.children):  # fmt: skip
        return False
    whose = of_object(word)
    return whose is None or whose.lower_ in ("it", "them") or _definite_description(whose)


def antecedent(pronoun: Token, earlier: Sequence[Token], resolve: Callable[[Token], Actor | None],
               unlike: Actor | None = None) -> Actor | None:  # fmt: skip
    """The actor ``pronoun`` stands for, or None. ``earlier``: head words of the phrases named
    before it that may be actors, oldest first; ``resolve`` reads an actor from a head word
    (only the candidates that agree with the pronoun are read: reading is the costly part).
    ``unlike``: an actor it cannot be ("he shot her": whom he shot is someone else)."""
    # (a body's members are the body: "members rejected the offer" is the union's rejection)
    described = _definite_description(pronoun) or _members_of_a_body_named_before(pronoun)
    word = "group" if described else pronoun.text.lower()
    if word in RELATIVE_PRONOUNS:
        # "gunmen who stormed the village": the noun the relative clause describes
        clause = pronoun.head
        return resolve(clause.head) if clause.dep_ == "relcl" and clause.head.i != clause.i else None
    above = _same_pronoun_above(pronoun)
    if above is not None:
        # "..., they said, adding that they had agreed": the one pronoun, told twice
        return antecedent(above, earlier, resolve, unlike)
    speaker = _speaker(pronoun)
    # "an army spokesman said it had retaken the town": the body the speaker speaks for
    body = _voiced_body(speaker) if speaker is not None and word == "it" else None
    latest = list(reversed(earlier[-MEMORY:]))
    if _tells(pronoun):
        # "..., they said": those who spoke before, not those they spoke of (latest first still)
        latest.sort(key=lambda head: not _tells(head))
    candidates = [t for t in (body, speaker) if t is not None] + latest
    for head in candidates:
        if _agrees(word, head):
            actor = resolve(head)
            if actor is not None and actor != unlike:
                return actor
    return None


# those who speak for a body: what "it" did in their words is the body's
_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "official"})


def _voiced_body(speaker: Token) -> Token | None:
    """The body a spokesperson speaks for: "the spokesman for the Front", "a spokeswoman of the
    ministry", "a foreign ministry spokeswoman" (the word before the office)."""
    if speaker.lemma_.lower() not in _VOICES:
        return None
    return prep_object(speaker, ("for", "of")) or next(
        (c for c in reversed(list(speaker.lefts)) if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")), None)


# "the two leaders", "both sides": a pair named before
_PAIR_OF_PEOPLE = frozenset("leader president minister premier man woman official envoy".split())
_PAIR_OF_BODIES = frozenset("country government state nation side party neighbour neighbor army".split())


def names_a_pair(word: Token) -> bool:
    """Is ``word`` "the two leaders", "both countries", "the two sides": two actors named before?"""
    lemma = word.lemma_.lower()
    if lemma not in _PAIR_OF_PEOPLE | _PAIR_OF_BODIES or not is_plural(word):
        return False
    return any((c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
               for c in word.children)  # fmt: skip


def the_two(word: Token, earlier: Sequence[Token],
            resolve: Callable[[Token], Actor | None]) -> tuple[Actor | None, Actor | None]:  # fmt: skip
    """The two actors "the two leaders" stands for: the latest two different ones named before it
    of its kind (people for "leaders", any party for "sides"), the earlier-named first."""
    people = word.lemma_.lower() in _PAIR_OF_PEOPLE
    found: list[Actor] = []
    for head in reversed(_with_conjuncts(earlier[-MEMORY:])):
        if people != is_person(head) and word.lemma_.lower() not in ("side", "party"):
            continue
        actor = resolve(head)
        if actor is not None and all(actor.canonical != a.canonical or actor.text != a.text for a in found):
            found.append(actor)
        if len(found) == 2:
            return found[1], found[0]
    return None, None


def _with_conjuncts(heads: Sequence[Token]) -> list[Token]:
    """The heads and, after each, the parties coordinated with it: "Ostland and Westria fought a
    war" names the pair that "the two countries" later stands for."""
    return [t for head in heads for t in (head, *(c for c in head.conjuncts if c.i > head.i))]


# clauses whose subject is the one of the verb they complete: "were forced to withdraw", "were due to sign"
_COMPLEMENTS = frozenset({"xcomp", "acomp"})


def _tells(subject: Token) -> bool:
    """Is ``subject`` who says or reports something ("they said", "spokesmen said")?"""
    return subject.dep_ == "nsubj" and subject.head.lemma_.lower() in REPORT_VERBS


def _clauses_above(pronoun: Token) -> Iterator[tuple[str, Token]]:
    """The clauses ``pronoun``'s clause tells more of, nearest first (at most four): each with the
    relation by which the clause below it hangs from it (a reported, adverbial, joined or completing one)."""
    clause = pronoun.head
    for _ in range(4):
        if clause.dep_ not in ("ccomp", "advcl", "conj", *_COMPLEMENTS) or clause.head.i == clause.i:
            return
        yield clause.dep_, clause.head
        clause = clause.head


def _same_pronoun_above(pronoun: Token) -> Token | None:
    """The same pronoun, as the subject of a verb ``pronoun``'s clause tells more of: "they
    said, adding that they had agreed", "she said she would resign"."""
    said = pronoun.text.lower()
    for _, clause in _clauses_above(pronoun):
        subj = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < pronoun.i and c.text.lower() == said), None)
        if subj is not None:
            return subj
    return None


def _speaker(pronoun: Token) -> Token | None:
    """The subject of the verb whose reported speech holds ``pronoun``: "Obama said he ordered";
    or of the clause an adverbial clause tells more of: "supporters were detained as they rallied",
    "rebels were forced to withdraw after they attacked a post" (a passive's subject is its
    complement's too)."""
    for below, clause in _clauses_above(pronoun):
        deps = ("nsubj", "nsubjpass") if below == "advcl" or below in _COMPLEMENTS else ("nsubj",)
        subj = next((c for c in clause.children if c.dep_ in deps and c.pos_ != "PRON"), None)
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
    # "it": a body, a country, an organisation; a force or a group named in the singular is one body
    # too, as well as its members ("the army said it had retaken the town")
    return not is_person(head) and (not is_plural(head) or head.tag_ == "NN" and head.lemma_.lower() in _ONE_BODY)


def people_named(text: Doc | Span) -> list[Token]:
    """Head words of the people a document or sentence names, in reading order ("Marek Dunval")."""
    return [ent.root for ent in text.ents if ent.label_ == "PERSON"]


def earlier_mention(head: Token, people: Sequence[Token]) -> Token | None:
    """The person named before ``head`` whom ``head`` names again: the latest earlier mention
    with the same surname and more words ("Dunval", "Mr Dunval" -> "Finance Minister Marek
    Dunval"), or, for an office told with "the" and nothing else ("the president"), the latest
    person named with that office ("President Ivo Kelmar"). ``people``: head words of the
    article's people (``people_named``), of whom only those before ``head`` count."""
    office = _bare_office(head)
    if office is None and head.ent_type_ != "PERSON" and head.pos_ != "PROPN":
        return None  # (a surname alone is often left unlabelled: "Dunval said")
    key = head.text.lower()
    for person in reversed(people):
        if person.i >= head.i:
            continue
        if office is not None:
            if office in _offices_of(person):
                return person
        elif person.text.lower() == key and len(_modifiers(person)) > len(_modifiers(head)):
            return person
    return None


def _offices_of(person: Token) -> set[str]:
    """The offices a person is named with: "President Ivo Kelmar", "Ivo Kelmar, the president",
    "the president of Ostland, Ivo Kelmar"."""
    words = _modifiers(person) + [c for c in person.children if c.dep_ == "appos"]
    if person.dep_ == "appos":
        words.append(person.head)
    return {t.lemma_.lower() for t in words}


def named_again(head: Token, actor: Actor, people: Sequence[Token], resolve: Callable[[Token], Actor | None]) -> Actor:
    """``actor`` (read from ``head``) with who the person named more fully before is: their
    country and sector, where the later mention lacks them or names only an office."""
    office = _bare_office(head)
    if office is None and actor.country and actor.sector != "unknown":
        return actor  # nothing to learn
    earlier = earlier_mention(head, people)
    fuller = resolve(earlier) if earlier is not None else None
    if fuller is None or fuller.sector == "unknown" and not fuller.country:
        return actor
    # an office's country was only lent from the place ("the president" in a story set abroad)
    country = fuller.country or (None if office else actor.country)
    sector = fuller.sector if fuller.sector != "unknown" else actor.sector
    return replace(actor, canonical=fuller.canonical, country=country, sector=sector)


def _bare_office(head: Token) -> str | None:
    """"the president", "the minister": an office with "the" alone (not "a minister", "the
    Russian president", "the president of Ostland")."""
    lemma = head.lemma_.lower()
    if lemma not in OFFICES or is_plural(head):
        return None
    children = list(head.children)
    if len(children) != 1 or children[0].text.lower() != "the":
        return None
    return lemma


def _modifiers(head: Token) -> list[Token]:
    """The words before a name's head that belong to it: "Ostland's Finance Minister Marek" of
    "Dunval"."""
    return list(head.doc[head.left_edge.i : head.i])


def description(head: Token, people: Sequence[Token], resolve: Callable[[Token], Actor | None]) -> Actor | None:
    """Who the article says the person ``head`` names is, in any mention of their surname (the
    first that tells a country or a sector): by apposition ("Dunval, a Kelmari lawyer"; "a
    member of the Tarvo Front, Dunval") or as what they are ("Dunval was an Ostlandic envoy")."""
    key = head.text.lower()
    for person in people:
        if person.text.lower() != key:
            continue
        for noun in _descriptions(person):
            found = resolve(noun)
            if found is not None and (found.country or found.sector != "unknown"):
                return found
    return None


def _descriptions(person: Token) -> list[Token]:
    """The nouns that say what a person is: appositions and a copula's complement. Only a noun
    for one: a plural one after a name ("Tarvo, dozens of farmers marched") tells of others (the
    name was a place the model took for a person)."""
    out = [c for c in person.children if c.dep_ == "appos"]
    if person.dep_ == "appos":
        out.append(person.head)
    if person.dep_ == "nsubj" and person.head.lemma_ == "be":
        out += [c for c in person.head.children if c.dep_ == "attr"]
    return [n for n in out if n.pos_ in ("NOUN", "PROPN") and not is_plural(n)]


def talks_told_again(event: Event, noun: Token | None, earlier: Sequence[Event]) -> Event:
    """Talks named again with no parties ("Talks were to continue Monday", "the negotiations
    resumed") are the talks told last: their sides are those talks' sides. Not "a meeting", which
    may be a new one, nor what the article told before any talks."""
    if event.type != "CONSULT" or noun is None or event.source is not None or event.target is not None:
        return event
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children):
        return event
    last = next((e for e in reversed(earlier) if e.type == "CONSULT" and e.source is not None), None)
    return event if last is None else replace(event, source=last.source, target=last.target)
