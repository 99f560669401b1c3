"""What is no political event: the violence and arrests of an ordinary crime report.

PLOVER and ACLED both leave ordinary crime out. A trigger alone cannot tell it ("stabbed",
"arrested" read the same in a crime report and in a war), but the article can: a crime
report tells its story in the words of crime and the courts and never in those of politics
or political violence. In such an article an arrest, charge or sentence of private people
is no event; so is an assault between private people once the article follows it into the
courts ("was charged", "was jailed for ten years").

The assault needs the courts and not only crime's words because ACLED does code killings
by unidentified gunmen, gangs' among them ("a man was shot dead by armed men; the victim
had left prison"): those are told as attacks and end with no trial.
"""

from __future__ import annotations

from enum import Enum

from spacy.tokens import Doc, Token

from ..events import Actor, Event


class Frame(Enum):
    """How an article tells its story."""

    POLITICS = "politics"  # in words of politics or political violence
    OTHER = "other"  # in none of those words, nor of crime
    CRIME = "crime"  # crime's words, no politics
    TRIAL = "trial"  # the same, followed into the courts


# words of crime and of those who deal with it, as lemmas
_CRIME_WORDS = frozenset(
    "crime criminal suspect victim homicide murder manslaughter robbery robber burglary burglar theft "
    "thief fraud conspiracy stabbing offence offense offender detective".split()
)
# the courts' acts, as verbs ("was jailed", "pleaded guilty", "charged with fraud")
_TRIAL_VERBS = frozenset("jail imprison sentence convict arraign plead acquit".split())
# the lemmas a verb of the courts has ("charge" only with "with": see _court_act)
_COURT_LEMMAS = _TRIAL_VERBS | {"charge"}
# words of politics and political violence: any one of them and the article is no crime report
_POLITICAL_WORDS = frozenset(
    "terror terrorism terrorist militant extremist extremism jihadist jihadi insurgent insurgency rebel "
    "radicalise radicalize radicalised radicalized radicalisation radicalization protest protester "
    "demonstrator demonstration riot rioter election minister parliament army troop soldier military "
    "militia activist journalist opposition politician sectarian war ceasefire regime coup separatist "
    "secessionist guerrilla paramilitary dissident junta spy espionage treason sedition "
    # the elected and their houses: a legislature's debate is politics with no minister in it
    "legislature legislator lawmaker parliamentarian senator congressman congresswoman mla".split()
)
# sectors of private people (the rest are states, armed groups, parties and organisations)
_PRIVATE_SECTORS = frozenset({"civilians", "unknown", "business", "media"})
# weapons of war: an attack with them is no ordinary crime, whoever did it
_WAR_MODES = frozenset({"explosives", "suicide-attack", "heavy-weapons", "aerial"})
_JUSTICE_TYPES = frozenset({"COERCE", "SANCTION"})
_VIOLENT_TYPES = frozenset({"ASSAULT", "FIGHT"})


def article_frame(doc: Doc) -> Frame:
    """Whether the article is a crime report, and whether it follows the crime into the courts."""
    # the article's distinct lemmas, read from one array (a string per token costs more)
    strings = doc.vocab.strings
    lemmas = {strings[h].lower() for h in set(doc.to_array("LEMMA").tolist())}
    political = lemmas & _POLITICAL_WORDS
    if political == {"war"} and all(_figurative_war(t) for t in doc if t.lemma_.lower() == "war"):
        political = set()  # "a price war", "a war of nerves": competition's word, not politics'
    if political:
        return Frame.POLITICS
    if not lemmas & (_CRIME_WORDS | _COURT_LEMMAS):
        return Frame.OTHER
    trial = any(_court_act(t) for t in doc if t.lemma_.lower() in _COURT_LEMMAS)
    if trial:
        return Frame.TRIAL
    return Frame.CRIME if lemmas & _CRIME_WORDS else Frame.OTHER


# what a war between firms, bidders or sides of a game is fought over or with
_CONTESTS = frozenset("price bidding turf talent ratings fare console format streaming browser discount".split())
_WARS_OF_WILL = frozenset({"nerves"})


def _figurative_war(tok: Token) -> bool:
    """Is "war" competition's word ("a price war among the chains", "a bidding war", "won a war of
    nerves")? Said so, it tells no politics (a trade or tariff war between states still does)."""
    if any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in _CONTESTS for c in tok.children):
        return True
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(g.lower_ in _WARS_OF_WILL for g in p.children)
               for p in tok.children)  # fmt: skip


def _court_act(tok: Token) -> bool:
    """A verb of the courts: "jailed", "sentenced", "pleaded", or "charged with"."""
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    return lemma in _TRIAL_VERBS or (lemma == "charge" and any(c.text.lower() == "with" for c in tok.children))


def ordinary_crime(event: Event, frame: Frame) -> bool:
    """Is the event an act of ordinary crime, or the justice system's answer to one?"""
    if frame in (Frame.POLITICS, Frame.OTHER) or not (_private(event.target) or event.target is None):
        return False
    if event.type in _JUSTICE_TYPES:
        # the police or the courts acting on private people
        return event.source is None or _private(event.source) or event.source.sector == "police"
    if event.type in _VIOLENT_TYPES:
        return frame is Frame.TRIAL and event.mode not in _WAR_MODES and (event.source is None or _private(event.source))
    return False


# the sectors whose acts are politics: a state's government and forces (not its police, whom
# every crime report names), armed groups, parties, international bodies, protesters
_POLITICAL_SECTORS = frozenset({"government", "military", "rebels", "party", "igo", "protesters"})


# Silence on politics says something of a whole article only: a note or a sentence may name its
# act and nothing else ("Gunmen killed five villagers near Kelmar")
WHOLE_ARTICLE_SENTENCES = 6


def tells_politics(events: list[Event], frame: Frame, n_sentences: int) -> bool:
    """Does the article tell of politics at all: in its words, or in its events' actors? An
    article that does not (a stabbing, a storm, a charity's appeal, a firm's apology) holds no
    political event, whatever its verbs look like. Twice an article's length, one act of a
    party is not enough (a story told for something else names a government in passing).
    Texts shorter than an article are given the benefit of the doubt."""
    if n_sentences < WHOLE_ARTICLE_SENTENCES or frame is Frame.POLITICS:
        return True
    if any(e.type == "PROTEST" or e.mode in _WAR_MODES for e in events):
        return True
    # a long story in no word of politics that names a party in one act only (the government's
    # loan scheme in a story of a family's house hunt) is not told for that act
    # (in a crime report the courts and prosecutors are the crime's story, as the police are)
    party = _political if frame is Frame.OTHER else lambda a: _political(a) and not _of_the_courts(a)
    parties = sum(party(e.source) or party(e.target) for e in events)
    return parties >= (2 if n_sentences >= 2 * WHOLE_ARTICLE_SENTENCES else 1)


def _political(actor: Actor | None) -> bool:
    return actor is not None and actor.sector in _POLITICAL_SECTORS


# the words that name the courts and those who bring a case before them
_COURT_WORDS = frozenset("court courts judge judges justice magistrate magistrates prosecutor prosecutors "
                         "prosecution attorney attorneys jury juror jurors sheriff coroner".split())


def _of_the_courts(actor: Actor) -> bool:
    """Is the actor told as the courts or a prosecutor ("a county court judge", "prosecutors",
    "the state Supreme Court")?"""
    return any(w.strip(".,'’") in _COURT_WORDS for w in actor.text.lower().split())


# What companies agree, support, ask or help with among themselves and their customers is
# business, not politics ("the airline apologised to a passenger", "the chain agreed to buy
# out its partner"); what they do with or to a state is kept.
_DEALINGS = frozenset({"AGREE", "COOPERATE", "SUPPORT", "CONSULT", "AID", "REQUEST", "REJECT", "RETREAT"})


# a company's bans and limits are its house rules ("the airline banned e-cigarettes on board")
_HOUSE_RULES = frozenset({"ban", "restrict", "censor", "curfew"})


def commercial(event: Event) -> bool:
    """Is the event a company's dealing with another company, a customer or no one, or a rule it
    sets them?"""
    kind = event.type in _DEALINGS or (event.type == "COERCE" and event.mode in _HOUSE_RULES)
    return kind and event.source is not None and event.source.sector == "business" and (
        event.target is None or event.target.sector in ("business", "civilians", "unknown"))  # fmt: skip


# Acts of speech and dealing: what they are is who says or agrees what to whom. (Forces sent,
# help given and cooperation told by no one were tried too: on real text they more often lose an
# event whose parties the coder missed than drop a spurious one.)
_SPEECH_ACTS = frozenset({"ACCUSE", "AGREE", "CONSULT", "REQUEST", "REJECT", "SUPPORT", "THREATEN"})


def partyless_speech(event: Event) -> bool:
    """Is the event an act of speech or dealing that names no one, neither who acted nor to
    whom ("the bill is still waiting to be discussed", "an agreement could be reached", a quoted
    maxim)? Such a record says nothing an analyst can use; a fight or a bombing told without
    its sides still happened and is kept."""
    return event.type in _SPEECH_ACTS and partyless(event) and not diplomatic_meeting(event)


def diplomatic_meeting(event: Event) -> bool:
    """Is the event a meeting told as one of diplomacy ("peace talks", "a meeting about Ostland"
    to be held in Kelmar)? Named so, it is a record though the text names no one who met."""
    return event.type == "CONSULT" and "diplomatic" in event.context


def partyless(event: Event) -> bool:
    """Does the event name neither side? Told inside a quotation, such an act is the speaker's
    generality ("attacking worshippers is forbidden", "even while we fight"), not a report."""
    return event.source is None and event.target is None


def private_donation(event: Event) -> bool:
    """Is the "aid" a donation no party makes or gets ("the money was donated by a store", "the
    family donated coats to the shelter", "a school for the store to donate to", "his organs could
    be donated")? Giving by donation is charity's word; it is aid only when a state, an armed group,
    a party or an organisation gives or gets it. (Private people's or gangs' handouts told in other
    words, "members of the cartel delivered food to families", are what ACLED records as a group's
    activity, and stay.)"""
    return event.type == "AID" and event.trigger.lower().startswith("donat") \
        and (event.source is None or _private(event.source)) and (event.target is None or _private(event.target))


# the words of pulling buildings down, which builders and councils use as much as forces do ("razed
# lands", "bulldozed fields" are not building work: ACLED's forces raze land told without its doer)
_DEMOLITION = ("demoli", "tore down", "tear down", "torn down", "pull down", "pulled down")


def building_work(event: Event) -> bool:
    """Is the "destruction" a demolition no force or armed group is told doing ("the developer's
    deal to acquire and demolish the old apartments", "the block will be torn down")? Pulling a
    building down is building work unless a force or an armed group does it (ACLED's "forces
    demolished a house"), or the owner it is done to is a party; a private doer is no attacker."""
    return event.type == "ASSAULT" and event.mode == "destroy" and event.trigger.lower().startswith(_DEMOLITION) \
        and (event.source is None or _private(event.source)) and (event.target is None or _private(event.target))


def unowned_funding(event: Event) -> bool:
    """Is the "economic aid" money spent on a thing, told with neither who paid nor who got it
    ("the ads were funded with taxpayer money", "a plan for how to fund the expansion")? Aid is
    one party's help to another; a project's funding told by no one is a budget's news. Help of
    other kinds told by no one stays (see the note above on forces and help)."""
    return event.type == "AID" and event.mode == "economic" and partyless(event)


def press_talk(event: Event) -> bool:
    """Is the "consultation" someone's talk with the press ("said in a phone call with Kelmar
    Radio", "met reporters")? That is a statement, which PLOVER does not code, not a meeting."""
    return event.type == "CONSULT" and any(a is not None and a.sector == "media" for a in (event.source, event.target))


# dealings that private people have with each other every day: talk, and praise or thanks
_PRIVATE_DEALINGS = frozenset({"CONSULT", "SUPPORT"})


def private_talk(event: Event) -> bool:
    """Is the "consultation" a talk among private people only ("seen discussing the price of
    rifles with a man"), or the praise one gives another ("the teacher praised her pupils", "a
    fan thanked the driver")? Each side it names is a civilian: no party met or backed another."""
    sides = [a for a in (event.source, event.target) if a is not None]
    if event.type == "SUPPORT" and len(sides) < 2:
        # ("residents welcomed the ruling": the public's word on a party's act; "the rally was to
        # show solidarity with the people of the city": the protest's word for them)
        return False
    return event.type in _PRIVATE_DEALINGS and bool(sides) and all(a.sector == "civilians" for a in sides)


def _private(actor: Actor | None) -> bool:
    return actor is not None and actor.sector in _PRIVATE_SECTORS
