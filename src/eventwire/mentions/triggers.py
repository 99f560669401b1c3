"""Trigger mentions: the words in a sentence that express an event.

Three ways a sentence expresses an event, all read from the lexicon:
- a verb ("villagers blocked the convoy"), optionally with its particle
  ("pulled out") or object ("took control of", "opened fire");
- a light verb carrying an event noun ("carried out airstrikes", "imposed a curfew");
- an event noun as the subject or instrument of a verb ("clashes erupted",
  "three civilians were killed in an airstrike").
Triggers under another trigger that swallows its complement ("urged X to
withdraw", "accused Y of shelling") are not separate events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..ontology import Lexicon, TriggerSpec, acled_event_type
from .attribution import REPORT_VERBS
from .factuality import named_by_another_act, negated, refuses, set_apart_by_semicolon
from .places import DIRECTIONS, subject_behind_place, subject_in_setting

# Types whose complement is what is asked, alleged, refused, threatened or promised,
# not a separate event.
SWALLOWING_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT"})
_SWALLOW_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "oprd"})
VIOLENT = frozenset({"ASSAULT", "FIGHT"})
PLACE_WORDS = frozenset(
    "town village city base area district hill position airport crossing neighbourhood neighborhood "
    "territory region province stronghold headquarters outpost camp border checkpoint road highway "
    "bridge port island airfield airbase field oilfield dam suburb quarter "
    # the seats and divisions news names ground by ("retook the provincial capital", "seized the municipality")
    "capital municipality county commune locality".split()
)
# Verbs that state a violent outcome without saying how it was done.
OUTCOME_KEYS = frozenset({"kill", "wound", "injure", "die", "hurt"})
SPEECH_LIKE = frozenset({"warn", "allege", "claim"})
CANCEL_VERBS = frozenset({"call off", "cancel", "postpone", "scrap", "suspend"})
# light verbs of receiving what the noun names: their subject is its target ("the governor drew
# criticism", "the ministry faced accusations"), and who gave it hangs off "from" or "by"
RECEIVING_VERBS = frozenset({"draw", "face", "attract", "come under", "cause", "spark", "provoke", "suffer", "endure"})
# acts told from the side of whoever undergoes them: "stood trial", "went on trial", "received a five-year
# sentence" (the subject is the act's target; the court is its doer)
UNDERGONE_KEYS = frozenset({"stand trial", "plead guilty"})
# what one pleads before a court: "pleaded guilty to attempted murder"
_PLEAS = frozenset({"guilty"})
UNDERGOING_LIGHT_VERBS = frozenset({"go on", "receive"})


def undergone(trig: "TriggerMatch") -> bool:
    """Is the act told by its subject's undergoing it (a trial gone on or stood, a sentence
    received)? Its subject is its target."""
    return trig.spec.key in UNDERGONE_KEYS or (trig.light in UNDERGOING_LIGHT_VERBS
                                               and trig.spec.type in ("SANCTION", "COERCE"))


# light verbs of witnessing what the noun names: their subject saw, heard or counted it and is no
# party to it ("monitors recorded 30 explosions", "residents heard gunfire")
WITNESSING_VERBS = frozenset(
    {"record", "register", "hear", "observe", "report", "note", "document", "log", "count", "witness"})
_VERB_TAGS = frozenset({"VERB"})
# the parts of speech find_triggers reads a trigger from: verbs, auxiliaries and nouns
_TRIGGER_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})


@dataclass(frozen=True)
class TriggerMatch:
    spec: TriggerSpec
    head: Token  # the clause head (a verb) the event's arguments hang from
    tokens: tuple[Token, ...]  # the trigger words
    noun: Token | None = None  # the event noun, for nominal triggers
    light: str | None = None  # the light verb key, for "carried out airstrikes"

    @property
    def word(self) -> Token:
        """The word that names the act: the event noun of a nominal trigger, else the clause head."""
        return self.noun if self.noun is not None else self.head

    @property
    def start(self) -> int:
        return min(t.idx for t in self.tokens)

    @property
    def end(self) -> int:
        return max(t.idx + len(t.text) for t in self.tokens)

    @property
    def text(self) -> str:
        doc = self.head.doc
        first = min(t.i for t in self.tokens)
        last = max(t.i for t in self.tokens)
        return doc[first : last + 1].text if last - first <= 5 else " ".join(t.text for t in self.tokens)


def _verb_read_as_noun(tok: Token) -> bool:
    """Is ``tok`` a verb the tagger took for a noun, as it does in headlines' present tense
    ("Bandits kidnap pastor in Tarvo", "Grenade attack wounds 5")? A noun takes no direct object after
    it, and a verb no article or owner ("what her fight is about": the parser's "what" is no object)."""
    # (read for every noun: an object after it is among its right children, found without a walk of
    # its whole subtree when it has none)
    return tok.pos_ == "NOUN" and tok.n_rights > 0 and any(c.dep_ == "dobj" for c in tok.rights) \
        and not any(c.dep_ in ("det", "poss") for c in tok.children)  # fmt: skip


def find_triggers(sent: SpacySpan, lexicon: Lexicon, is_place=None) -> list[TriggerMatch]:
    """Event triggers of one sentence, after swallowing and merging, in reading order."""
    matches: list[TriggerMatch] = []
    heads = lexicon.noun_heads
    event_nouns: list[Token] = []  # nouns that may end a noun key, for the anchored acts below
    verbs: list[Token] = []  # the sentence's verbs, for the threats below (one walk of the sentence)
    for tok in sent:
        pos = tok.pos_
        if pos not in _TRIGGER_POS:
            continue  # (most of a sentence: no rule below reads a token of another part of speech)
        if pos == "VERB":
            verbs.append(tok)
        if pos == "NOUN" and (tok.lemma_.lower() in heads or tok.lower_ in heads):
            event_nouns.append(tok)
        if pos in _VERB_TAGS or (pos == "AUX" and tok.lemma_ != "be") or _verb_read_as_noun(tok):
            # a gerund the tagger made a verb, told as the subject of an event verb, is its noun:
            # "fighting between the army and rebels resulted in four deaths"
            gerund = tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass")
            m = (gerund and _subject_noun_trigger(tok, lexicon)) or _verb_trigger(tok, lexicon, is_place)
            if m is not None:
                matches.append(m)
        elif pos == "NOUN" and tok.lemma_.lower() in _LOSSES and (m := _losses_on_both_sides(tok)) is not None:
            matches.append(m)
        elif pos in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass"):
            m = _subject_noun_trigger(tok, lexicon)
            if m is not None and not any(x.head == m.head for x in matches):
                matches.append(m)
        elif pos == "NOUN" and tok.dep_ == "dobj" and tok.lemma_.lower() in _ACCUSING_NOUNS:
            m = _charge_denied(tok)
            if m is not None:
                matches.append(m)
        elif pos == "NOUN" and tok.dep_ == "dobj" and (m := _meeting_had(tok, lexicon)) is not None:
            matches.append(m)
        elif pos == "NOUN" and tok.dep_ == "attr":
            m = _meetings_there_were(tok, lexicon)
            if m is not None:
                matches.append(m)
        elif pos == "NOUN" and tok.dep_ == "pobj":
            m = (_meeting_setting(tok, lexicon) or _meeting_had(tok, lexicon) or _on_walkout(tok, lexicon)
                 or _in_protest(tok, lexicon) or _under_investigation(tok, lexicon) or _in_custody(tok, lexicon))
            if m is not None:
                matches.append(m)
    # a violent act named by its noun alone, where and by whom ("the bombing in Kelmar", "shelling
    # by government forces"): read after the rest, so a noun another trigger took stays its
    taken = {t.i for m in matches for t in m.tokens} | {m.noun.i for m in matches if m.noun is not None}
    for tok in event_nouns:
        if tok.i not in taken:
            m = _anchored_act(tok, lexicon, is_place)
            if m is not None:
                matches.append(m)
                taken.update(t.i for t in m.tokens)
    # a verb trigger and a subject-noun trigger on the same head: keep the verb's reading
    # unless the noun names the weapon ("an airstrike killed")
    uniq: dict[int, TriggerMatch] = {}
    for m in matches:
        uniq.setdefault(m.head.i, m)
    kept = [m for m in sorted(uniq.values(), key=lambda m: m.head.i)
            if not is_background(m) and not is_accident(m) and not is_natural_force(m) and not is_ordinary_crime(m)
            and not is_medical_release(m) and not harms_no_one(m) and not is_sports_play(m) and not is_a_flop(m) and not fights_an_ill(m)
            and not _dealings_in_general(m, lexicon) and not asks_anyone(m) and not asks_anything(m) and not _market_rally(m)
            and not appeals_a_ruling(m) and not is_a_works_subject(m) and not leaves_a_contest(m)
            and not is_a_house_rule(m) and not _kind_in_general_should(m)]  # fmt: skip
    # read before pruning: the promised act is swallowed by the promise, and tells what it is
    read = [_as_threat(m, lexicon) if promises_violence(m, kept, lexicon) else on_a_protest(m) for m in kept]
    read += _threats_told_as_conditions(verbs, read, lexicon)
    read = [_with_threat_mode(m, read) if m.spec.type == "THREATEN" else m for m in read]
    return _prune([m for m in read if not _the_protest_attacked(m, read)])


# Whom an appeal to the public asks: anyone at all ("asked anyone with information to come
# forward", "people need to realise"), not a party
_ANYONE = frozenset("anyone anybody everyone everybody whoever someone somebody public people".split())
_ASKED_DEPS = frozenset({"dobj", "dative", "nsubjpass"})


def asks_anyone(m: TriggerMatch) -> bool:
    """Is ``m`` a request made of anyone at all ("urged anyone who saw the car to call
    police", "called on people to recycle", "said people need to slow down")? An appeal to the
    public, like an order to anyone, names no party that was asked (docs/codebook.md)."""
    if m.spec.type != "REQUEST" or m.noun is not None:
        return False
    head = m.head
    asked = [c for c in head.children if c.dep_ in _ASKED_DEPS]
    asked += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for g in c.children if g.dep_ == "pobj"]
    asked += [g for c in head.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
    # (the parser may make the pronoun the clause itself: "asked that anyone who saw the van ...")
    asked += [c for c in head.children if c.dep_ == "ccomp" and c.pos_ == "PRON"]
    return bool(asked) and _anyone(asked[0])


# what is asked, said of nothing in particular: "never asked his men to do anything"
_ANYTHING = frozenset("anything anyone".split())
_NEVER = frozenset("never not n't".split())


def asks_anything(m: TriggerMatch) -> bool:
    """Is ``m`` a request never made for anything in particular ("he never asked his men to do
    anything he would not do himself", "did not ask anyone to do anything")? It says what someone
    was like, not what was or was not asked ("asked his men to do anything needed to hold the
    bridge" still asks them to hold it)."""
    if m.spec.type != "REQUEST" or m.noun is not None:
        return False
    if not any(c.dep_ in ("neg", "advmod") and c.lower_ in _NEVER for c in m.head.children):
        return False
    acts = [c for c in m.head.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() == "do"]
    return any(o.dep_ == "dobj" and o.lower_ in _ANYTHING for a in acts for o in a.children)


# kinds of party named in general, a bare plural: "experts say governments should ban plastic bags",
# "urged companies to cut emissions" (not "the governments of the region", "Western governments")
_GENERAL_KINDS = frozenset("government country nation company firm business employer bank school parent".split())
_KIND_NAMERS = frozenset({"det", "poss", "compound", "amod", "nummod", "nmod", "predet", "appos"})


def _a_kind_in_general(tok: Token) -> bool:
    """Is ``tok`` a kind of party named in general, a bare plural ("governments", "companies")?"""
    return tok.tag_ == "NNS" and tok.lemma_.lower() in _GENERAL_KINDS and not any(
        c.dep_ in _KIND_NAMERS or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children)


_SHOULD = frozenset("should must ought need could would can may might".split())


def _kind_in_general_should(m: TriggerMatch) -> bool:
    """Is the act what a kind of party in general should or could do ("governments should ban
    plastic bags", "companies must cut emissions")? A clause said of anyone tells no act."""
    head = m.head
    return any(c.dep_ == "aux" and c.lemma_.lower() in _SHOULD for c in head.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") and _a_kind_in_general(c) for c in head.children)


def _anyone(tok: Token) -> bool:
    if _a_kind_in_general(tok):
        return True
    lemma = tok.lemma_.lower()
    if lemma not in _ANYONE and not (lemma == "all" and any(c.dep_ == "relcl" for c in tok.children)):
        return False
    # "people" and "the public" bare, or told by what they do ("people who live near the plant"),
    # not a people named ("the Syrian people", "the people of Kelmar")
    return not any(c.dep_ in ("amod", "compound", "poss", "nmod") or (c.dep_ == "prep" and c.lower_ == "of")
                   for c in tok.children)


# what a court decides, appealed against: "appealed the verdict", "an appeal against his sentence"
_RULINGS = frozenset("verdict ruling sentence conviction decision judgment judgement acquittal fine order".split())


def appeals_a_ruling(m: TriggerMatch) -> bool:
    """Is ``m`` an appeal to a higher court ("his lawyer said he would appeal", "appealed the
    verdict", "lodged an appeal against the sentence")? It asks no party for anything: an appeal
    that is a request names whom it asks or what for ("appealed to the UN", "appealed for calm")."""
    if m.spec.type != "REQUEST":
        return False
    word = m.word
    if word.lemma_.lower() != "appeal":
        return False
    asked = [c for c in word.children if (c.dep_ == "prep" and c.lower_ in ("to", "for", "on", "upon"))
             or c.dep_ in ("dative", "xcomp", "ccomp", "advcl") or (c.dep_ == "dobj" and c.lemma_.lower() not in _RULINGS)]
    return not asked


# what a player or a singer pulls out of: no ground and no office ("withdrew from the race with an
# injury", "pulled out of the concert"); dropping out of a party's race is no event either (docs/codebook.md)
_CONTESTS = frozenset("race tournament match competition concert show festival contest game championship final tour "
                      "gig performance marathon league squad team film production role game event".split())  # fmt: skip


def leaves_a_contest(m: TriggerMatch) -> bool:
    """Is the withdrawal one from a race, a match or a show ("the runner withdrew from the race")?"""
    if m.spec.type != "RETREAT" or m.spec.mode != "withdraw":
        return False
    word = m.word
    # (the parser may hang "of" on the particle: "pulled out of the concert")
    preps = [c for k in {word.i: word, **{t.i: t for t in m.tokens}}.values() for c in k.children if c.dep_ == "prep"]
    return any(c.lower_ in ("from", "of") and any(g.lemma_.lower() in _CONTESTS for g in c.children if g.dep_ == "pobj")
               for c in preps)  # fmt: skip


# bodies whose bans are house rules, not a state's: "the festival banned selfie sticks", "the club banned the fan for life"
_HOUSES = frozenset("festival club school league museum airline company firm store shop restaurant bar venue stadium "
                    "organiser organizer retailer supermarket gym hotel pub cinema theatre theater".split())  # fmt: skip


def is_a_house_rule(m: TriggerMatch) -> bool:
    """Is the ban or restriction one a festival, a club or a shop made for its own grounds or
    members ("the festival banned selfie sticks from the main stage")? No state restricts anyone."""
    if m.spec.type != "COERCE" or m.spec.mode not in ("ban", "restrict"):
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _HOUSES for c in m.head.children)


# works that tell of an act without it happening in the story: "a film about a miners' strike"
_ARTWORKS = frozenset("film movie drama documentary novel book play opera musical song series exhibition show "
                      "painting memoir biography poem".split())  # fmt: skip


def is_a_works_subject(m: TriggerMatch) -> bool:
    """Is the act named only as what a film, a book or a show is about ("a drama about a miners'
    strike", "a novel about the siege")? The story tells of the work, not of the act."""
    word = m.word
    if word.pos_ not in ("NOUN", "PROPN") or word.dep_ != "pobj" or word.head.lower_ not in ("about", "on"):
        return False
    return word.head.head.lemma_.lower() in _ARTWORKS


# Verbs of promising: what they promise is an AGREE, unless it is violence against someone
_PROMISING = frozenset({"promise", "vow", "pledge"})
# "war" names a conflict, not one act (no event noun of the lexicon), but made or declared it is
# what a promise of war threatens: "vowed to wage war on the cartels", "pledged war on"
_WAR = "war"
_MAKING_WAR = frozenset({"wage", "declare"})
# paying a wrong back in kind is violence promised, as "vowed revenge" is: "vowed to retaliate",
# "promised to avenge the killings"
_REPAYING = frozenset({"retaliate", "avenge", "revenge"})
# a vote, talks or a process a party vows to wreck is threatened, not promised to anyone: "militants
# vowed to disrupt the polls", "elections the insurgents have vowed to sabotage"
_WRECKING = frozenset({"disrupt", "sabotage", "derail", "wreck"})


def promises_violence(m: TriggerMatch, matches: list[TriggerMatch], lexicon: Lexicon) -> bool:
    """Is ``m`` a promise of violence ("vowed to attack the bases", "promised raids on the
    camps", "vowed to wage war on the rebels")? That is a THREATEN (PLOVER threaten/violence),
    not the AGREE a promise otherwise is. A promise not to attack is no threat."""
    if m.noun is not None or m.spec.type != "AGREE" or m.spec.key not in _PROMISING:
        return False
    if any(o.spec.type in VIOLENT and _governed_by(o, m) and not negated(o.head) for o in matches):
        return True
    verb = m.head
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        found = _noun_key(obj, lexicon)
        if (found is not None and lexicon.nouns[found[0]].type in VIOLENT) or obj.lemma_.lower() == _WAR:
            return True
    promised = [c for c in verb.children if c.dep_ == "xcomp" and not negated(c)]
    if any(c.lemma_.lower() in _REPAYING or c.lemma_.lower() in _WRECKING for c in promised):
        return True
    making = [c for c in promised if c.lemma_.lower() in _MAKING_WAR]
    return any(o.lemma_.lower() == _WAR for c in making for o in c.children if o.dep_ == "dobj")


# saying what one's own side would do if something happened: "the general said his troops would
# retaliate if the rebels fired on the town" is a threat, not a report of a strike
_SAYING = frozenset({"say", "declare", "announce", "state"})  # (whom one tells is no target)
THREAT_TOLD_AS_CONDITION = "would strike if"


def _threats_told_as_conditions(verbs: list[Token], matches: list[TriggerMatch], lexicon: Lexicon) -> list[TriggerMatch]:
    """Threats (THREATEN/violence, by the speaker) told as what the speaker's side would do to
    others if or unless something happened; the act itself is then swallowed as words of it.
    ``verbs``: the sentence's verbs (tagged VERB), in reading order."""
    violent = {m.head.i for m in matches if m.spec.type in VIOLENT}
    threat = lexicon.verbs["threaten"]
    spec = TriggerSpec(key=THREAT_TOLD_AS_CONDITION, type=threat.type, mode=threat.mode, cameo=threat.cameo)
    found = []
    for verb in verbs:
        if verb.lemma_.lower() not in _SAYING:
            continue
        act = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if act is None or not (act.i in violent or act.lemma_.lower() in _REPAYING) or negated(act):
            continue
        if _on_condition(act) and _own_side_would_act(verb, act):
            found.append(TriggerMatch(spec, verb, (verb,)))
    return found


# what a threat may be of without saying what: "warned of serious consequences", "promised a response"
_UNSAID_CONSEQUENCES = frozenset("consequence action response measure step countermeasure punishment".split())
# acts of cutting off: "threatened to cut gas supplies", "to halt the talks" (PLOVER threaten/relations)
_CUTTING_OFF = frozenset("cut halt stop suspend reduce withhold end freeze".split())


def _threat_mode(threat: TriggerMatch, matches: list[TriggerMatch]) -> str | None:
    """The PLOVER mode of a threat, read from what it threatens: the act it governs (violence,
    territory, arrest, ban, expulsion, restrictions, relations cut), or nothing said ("warned of
    serious consequences": no mode)."""
    act = next((o for o in matches if o is not threat and _governed_by(o, threat)), None)
    mode = None if act is None else _THREAT_MODES.get((act.spec.type, act.spec.mode), _THREAT_MODES.get(act.spec.type))
    if mode:
        return mode
    said = [t for t in threat.tokens] + [c for c in threat.head.children if c.dep_ in ("dobj", "xcomp")]
    said += [g for p in threat.head.children if p.dep_ == "prep" and p.lower_ == "of"
             for g in p.children if g.dep_ == "pobj"]  # fmt: skip
    # "warned that there would be serious consequences"
    said += [g for c in threat.head.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in ("attr", "nsubj")]
    if any(t.lemma_.lower() in _CUTTING_OFF for t in said if t.dep_ == "xcomp"):
        return "relations"
    if any(t.lemma_.lower() in _UNSAID_CONSEQUENCES for t in said):
        return None
    return threat.spec.mode


# the mode of a threat of each act threatened (by type and mode, else by type)
_THREAT_MODES = {
    ("FIGHT", "occupy"): "territory", "FIGHT": "violence", "ASSAULT": "violence",
    ("COERCE", "arrest"): "arrest", ("COERCE", "ban"): "ban", ("COERCE", "deport"): "expel", "COERCE": "restrict",
    ("SANCTION", "expel"): "expel", ("SANCTION", None): "restrict", "SANCTION": "relations", "PROTEST": "relations",
}


def _with_threat_mode(threat: TriggerMatch, matches: list[TriggerMatch]) -> TriggerMatch:
    mode = _threat_mode(threat, matches)
    return threat if mode == threat.spec.mode else replace(threat, spec=replace(threat.spec, mode=mode))


def _on_condition(act: Token) -> bool:
    """Is ``act`` told as done only if or unless something happens ("would strike back if attacked")?"""
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
               for c in act.children)  # fmt: skip


def _as_threat(m: TriggerMatch, lexicon: Lexicon) -> TriggerMatch:
    """The promise read as a threat of violence (its key kept: the classifier reads the word). A
    threat needs no one it is made to, as a promise of agreement does (``TriggerSpec.addressed``)."""
    threat = lexicon.verbs["threaten"]
    return replace(m, spec=replace(m.spec, type=threat.type, mode=threat.mode, acled=threat.acled, cameo=threat.cameo,
                                   addressed=False))


# Adverbs that make a verb habitual rather than one event: "often targets hotels".
_HABITUAL = frozenset("often frequently regularly routinely usually repeatedly habitually typically generally "
                      "always constantly continually sometimes commonly normally occasionally periodically "
                      "traditionally seldom rarely".split())
_HABITUAL_ADJ = frozenset("frequent regular routine occasional periodic habitual".split())
# Adverbs of degree, which make a participle an adjective: "very threatening", "deeply insulting".
_DEGREE = frozenset("very particularly extremely so too increasingly highly deeply most more less quite rather".split())


# Forces of nature: the cause of a death no one caused, and what struck when nothing attacked.
_NATURE = frozenset("storm flood flooding landslide avalanche earthquake quake lightning".split())
# Causes of death and injury that are no one's act: "killed when a tree fell on the party",
# "injured in a crash", "died in the blaze".
# what vehicles do in a crash ("were killed when their minibus overturned", "a ferry capsized") or when
# they leave the road ("killed when their bus veered off the road and plunged into a ravine")
_VEHICLE_MISHAPS = frozenset("overturn capsize derail collide skid veer plunge".split())
_ACCIDENT_WORDS = _NATURE | _VEHICLE_MISHAPS | frozenset(
    "accident crash collision tree overdose disease illness heatwave derailment stampede collapse "
    "fell fall drown drowned".split()
)


# What blows up or burns by accident: "a gas explosion", "a boiler blast", "a fireworks fire"
# ("tear gas" is a weapon: see ``_accidental_blast``).
_ACCIDENTAL_SOURCES = frozenset("gas boiler firework fireworks cylinder".split())
_BLASTS = frozenset("explosion blast fire leak".split())


def _accidental_blast(tok: Token) -> bool:
    """Is ``tok`` an explosion or fire its modifiers name an accident's ("a gas explosion")?"""
    if tok.lemma_.lower() not in _BLASTS:
        return False
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & _ACCIDENTAL_SOURCES:
        return "tear" not in {t.lemma_.lower() for c in tok.children for t in c.subtree}
    # or the place it went off names what blew up: "an explosion tore through a fireworks warehouse",
    # "a blast at a gas station" (a weapon named beside the blast is no accident's: "a bomb blast")
    return not mods & _WEAPON_BLASTS and any(_accidental_site(p) for p in _blast_sites(tok))


# what names a blast a weapon's
_WEAPON_BLASTS = frozenset("bomb car suicide mine landmine ied grenade rocket missile mortar shell".split())
_SITE_PREPS = frozenset({"at", "in", "through", "inside"})


def _blast_sites(blast: Token) -> list[Token]:
    """Where a blast went off: its own place ("the explosion at the depot") or, as the subject
    of a verb, the verb's ("an explosion ripped through the warehouse")."""
    holders = [blast, blast.head] if blast.dep_ in ("nsubj", "nsubjpass") else [blast]
    return [g for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in _SITE_PREPS
            for g in p.children if g.dep_ == "pobj"]  # fmt: skip


def _accidental_site(place: Token) -> bool:
    """Is ``place`` named by what is stored or burned there ("a fireworks warehouse", "a gas station")?"""
    return any(c.lemma_.lower() in _ACCIDENTAL_SOURCES or c.lower_ in _ACCIDENTAL_SOURCES
               for c in place.children if c.dep_ in ("compound", "amod", "nmod"))


# what has an "attack" that no one made: the body ("a heart attack", "an asthma attack") or a beast ("a dog attack")
_ATTACKS_OF_NO_ONE = frozenset("heart asthma panic anxiety epileptic seizure migraine dog animal shark bear crocodile "
                               "snake lion leopard elephant hippo wolf bee".split())  # fmt: skip


def _no_ones_attack(tok: Token) -> bool:
    """Is ``tok`` an attack its modifiers name an illness's or a beast's ("died of a heart attack")?"""
    return tok.lemma_.lower() == "attack" and any(
        c.lemma_.lower() in _ATTACKS_OF_NO_ONE for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))


def is_accident(m: TriggerMatch) -> bool:
    """Is an outcome ("killed", "injured") told as an accident's, with no one who did it, or
    a blast told as an accident ("a gas explosion")?"""
    head = m.head
    if _done_by_an_accidental_blast(head):
        return True  # "a gas explosion tore through the mill, setting off a fire": the blast's doing
    if m.noun is None and _vehicle_burst(head):
        return True
    if head.dep_ == "advcl" and head.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in head.children) \
            and _vehicle_burst(head.head):  # fmt: skip
        return True  # "overturned and exploded, burning two cars": the crash's doing
    if m.noun is not None:
        return _accidental_blast(m.noun) or _no_ones_attack(m.noun)
    if head.lemma_.lower() in _LEAVING:
        # "a gas explosion left two dead": the toll an accident left (a reading the classifier gives)
        return any(c.dep_ == "nsubj" and _accidental(c) for c in head.children)
    if head.lemma_.lower() not in OUTCOME_KEYS:
        return False
    if any(c.dep_ == "agent" for c in head.children) or any(_doer(c) for c in head.children):
        return False  # "gunmen killed", "killed by a bomb": someone or something did it
    # "was killed and five others were injured when a tree fell": the clause may hang off the
    # conjunct, or off the outcome this one is told beside ("two died while four were injured in ...")
    verbs = [head, *(c for c in head.children if c.dep_ == "conj")]
    if head.dep_ in ("conj", "advcl") and head.head.lemma_.lower() in OUTCOME_KEYS:
        verbs.append(head.head)
    if head.dep_ == "advcl" and head.tag_ == "VBG":
        verbs.append(head.head)  # "a gas explosion tore through the mill, injuring six": the clause's cause
    first = head
    while first.dep_ == "conj" and first.head.i != first.i and first.head.lemma_.lower() not in _LEAVING:
        first = first.head  # "left one dead and a dozen injured" with "injured" joined to "dead"
    if first.dep_ in ("oprd", "xcomp", "ccomp", "conj") and first.head.lemma_.lower() in _LEAVING:
        verbs.append(first.head)  # "a gas explosion left one dead and a dozen injured"
    cause = [t for v in verbs for c in v.children if c.dep_ in ("advcl", "prep", "nsubj") for t in c.subtree]
    cause += verbs[1:]  # "a train derailed near Oreno, killing seven": the verb the outcome hangs on
    # (a fire the accident itself set off is no gunfire: "when a gas blast tore through the mill, setting off a fire")
    if any(t.lemma_.lower() in _HOSTILE_CAUSES and not _done_by_an_accidental_blast(t.head) for t in cause):
        return False  # "killed when their vehicle overturned after coming under fire": the crash had a doer
    return any(_accidental(t) for t in cause)


# what a crash does to a vehicle, and what a vehicle that blows up by accident carries
_CRASH_VERBS = _VEHICLE_MISHAPS | {"crash", "roll"}
_FUELS = frozenset("fuel petrol gasoline diesel gas oil kerosene propane lpg".split())
_BURSTS = frozenset({"explode", "burst", "blow"})


def _vehicle_burst(verb: Token) -> bool:
    """Is the verb a vehicle's blowing up in a crash or a fuel carrier's ("a fuel lorry overturned
    and exploded", "a petrol tanker exploded on the highway")? A crash or a fuel load is an
    accident's cause, as a gas cylinder is; a car told packed with explosives or a car bomb is not."""
    if verb.lemma_.lower() not in _BURSTS or not _no_weapon_told(verb.sent):
        return False
    first = verb.head if verb.dep_ == "conj" else verb
    if first.pos_ in ("NOUN", "PROPN"):
        # (the parser may join "exploded" to the vehicle itself: "a gas lorry overturned ... and exploded")
        subject, joined = first, [c for c in first.children if c.dep_ in ("acl", "relcl")]
    else:
        subject = next((c for c in first.children if c.dep_ == "nsubj"), None)
        joined = [first] + [c for c in first.children if c.dep_ == "conj"]
    if any(j.pos_ == "VERB" and j.lemma_.lower() in _CRASH_VERBS for j in joined):
        return True
    return subject is not None and any(c.lemma_.lower() in _FUELS for c in subject.children
                                       if c.dep_ in ("compound", "amod", "nmod"))  # fmt: skip


def _no_weapon_told(sent) -> bool:
    return not any(t.lemma_.lower() in _WEAPON_BLASTS or t.lemma_.lower() in ("explosive", "bomber") for t in sent
                   if t.lemma_.lower() != "car")  # fmt: skip


def _done_by_an_accidental_blast(verb: Token) -> bool:
    """Is the verb's doer a blast told as an accident, its subject or, for a clause with none
    ("..., setting off a fire"), the subject of the verb it hangs on?"""
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    return any(c.dep_ == "nsubj" and _accidental_blast(c) for c in verb.children)


# what makes a crash or a fall someone's act: an attack, gunfire or a weapon told in its cause
_HOSTILE_CAUSES = frozenset("attack ambush fire gunfire gunman gunmen militant rebel insurgent bomb explosive mine "
                            "landmine ied rocket missile shell mortar grenade sniper".split())  # fmt: skip


_LEAVING = frozenset({"leave", "cause", "result"})


def tells_an_accidental_blast(sent: SpacySpan, text: str | None = None) -> bool:
    """Does the sentence tell of a blast that was an accident ("after a gas explosion at a bakery")?
    ``text``: the document's text, when the caller has it: a sentence naming no blast is passed
    over without reading its tokens."""
    if text is not None and not _BLAST_WORD.search(text, sent.start_char, sent.end_char):
        return False
    return any(t.pos_ == "NOUN" and _accidental_blast(t) for t in sent)


_BLAST_WORD = re.compile("|".join(sorted(_BLASTS)), re.IGNORECASE)


def retells_a_blast(sent: SpacySpan) -> bool:
    """Does the sentence name a blast told before, bare ("The blast took place at 8:40",
    "Sunday's explosion")? After an accidental one, that is the accident again."""
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in _BLASTS and any(c.dep_ in ("det", "poss") for c in t.children)
               and not any(c.dep_ in ("compound", "amod", "nmod") for c in t.children) for t in sent)  # fmt: skip


def _accidental(tok: Token) -> bool:
    """Is ``tok`` an accident's word ("a landslide") or a blast told as an accident ("a gas explosion")?"""
    return tok.lemma_.lower() in _ACCIDENT_WORDS or _accidental_blast(tok)


_NO_ONE = frozenset({"no one", "no-one", "nobody", "none", "noone"})


def harms_no_one(m: TriggerMatch) -> bool:
    """Is an outcome told of no one ("no one was injured", "nobody was killed")?"""
    if m.noun is not None or m.head.lemma_.lower() not in OUTCOME_KEYS:
        return False  # "no one was hurt in the attack": the attack is still told
    for c in m.head.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            words = " ".join(t.lower_ for t in c.subtree).replace(" - ", "-")
            return words in _NO_ONE
    return False


def _doer(tok: Token) -> bool:
    """Is ``tok`` the subject that did an outcome verb's harm ("gunmen killed")? Not the victim
    of an intransitive one ("two people died"), nor a cause that is no one's act."""
    verb = tok.head
    if tok.dep_ != "nsubj" or tok.pos_ == "PRON" or verb.tag_ == "VBN" or verb.lemma_.lower() == "die":
        return False
    return not _accidental(tok)


# What the justice system does about these is no political event (PLOVER and ACLED both leave
# ordinary crime out): "charged with fraud", "jailed for affray", "arrested on suspicion of theft".
_ORDINARY_CRIMES = frozenset(
    "fraud affray robbery theft burglary shoplifting forgery trespass trespassing stalking speeding "
    "drink-driving drunk-driving manslaughter embezzlement poaching vandalism".split()
)
# the same told in two words: "arrested on suspicion of drink driving"
_ORDINARY_CRIME_PHRASES = ("drink driving", "drunk driving", "dangerous driving", "careless driving")
_JUSTICE_TYPES = frozenset({"COERCE", "SANCTION"})


def is_ordinary_crime(m: TriggerMatch) -> bool:
    """Is an arrest, charge or sentence told as being for an ordinary crime?"""
    if m.spec.type not in _JUSTICE_TYPES or m.noun is not None:
        return False
    for prep in m.head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "with", "over", "of", "on"):
            # words as written, hyphenated ones joined again ("drink - driving")
            told = " ".join(t.lower_ for t in prep.subtree).replace(" - ", "-")
            if _ORDINARY_CRIMES.intersection(told.split()) or any(t.lemma_.lower() in _ORDINARY_CRIMES for t in prep.subtree):
                return True
            if any(phrase in told for phrase in _ORDINARY_CRIME_PHRASES):
                return True
    return False


def _in_relative_clause(head: Token) -> bool:
    """Is ``head`` a relative clause, or what one says ("who say their sons have been taken")?"""
    tok = head
    for _ in range(4):
        if tok.dep_ == "relcl":
            return True
        if tok.dep_ not in ("ccomp", "xcomp", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


_HAZARDS = _NATURE | frozenset(
    "fire blaze flame wildfire bushfire inferno mudslide tremor hurricane typhoon cyclone tornado tsunami "
    "wind rain snow drought heatwave frost hail blizzard eruption volcano locust".split()
)
# what blocks a road or a line with no one's hand: "blocked by fallen trees", "a rockfall closed the pass"
_FALLEN = frozenset("tree branch debris rock rockfall boulder rubble mud snowdrift drift ice water".split())
_BLOCKINGS = frozenset({"obstruct", "restrict"})
# what attacks or kills in a body or a field: "the virus attacks the immune system", "locusts destroyed the crops"
_PATHOGENS = frozenset("virus bacterium bacteria germ parasite fungus infection disease cancer tumour tumor "
                       "insect mosquito pest locust superbug".split())  # fmt: skip
# what a weather warning is of
_WEATHER = _HAZARDS - {"fire", "blaze", "flame", "inferno"} | frozenset(
    "ice icy drizzle freeze freezing sleet fog thunderstorm gale temperature weather forecast".split()
)
# verbs whose object "fire" is gunfire: "opened fire", "returned fire", "set fire to"
_GUNFIRE_VERBS = frozenset({"open", "return", "exchange", "trade", "set", "cease", "hold", "come"})


# where patients are released from: "released from hospital", "discharged from care"
_MEDICAL = frozenset("hospital clinic care treatment ward infirmary".split())


def is_medical_release(m: TriggerMatch) -> bool:
    """Is a release told of a patient ("was treated and released", "released from hospital")?
    No one was held."""
    if m.spec.type != "RETREAT" or m.spec.mode != "release" or m.noun is not None:
        return False
    head = m.head
    if any(c.dep_ == "prep" and c.text.lower() == "from" and any(p.lemma_.lower() in _MEDICAL for p in c.children)
           for c in head.children):  # fmt: skip
        return True
    # "was treated and released": the release is the conjunct of a treatment
    treated = [head.head] if head.dep_ == "conj" else []
    return any(v.lemma_.lower() == "treat" for v in treated + [c for c in head.children if c.dep_ == "conj"])


# what one fights or battles that is no side: "died after a battle with cancer"
_ILLS = frozenset("cancer disease illness addiction virus leukemia leukaemia tumour tumor infection depression "
                  "obesity hunger poverty fire blaze flames wildfire flood outbreak flu influenza malaria cholera "
                  "measles drought injury".split())  # fmt: skip


def fights_an_ill(m: TriggerMatch) -> bool:
    """Is the fight or battle one with an illness, hunger or a fire ("a long battle with cancer",
    "the fight against hunger")? No one fought anyone."""
    if m.spec.type != "FIGHT":
        return False
    word = m.word
    return any(c.dep_ == "prep" and c.lower_ in ("with", "against") and any(
        g.lemma_.lower() in _ILLS and not _gunfire(g) for g in c.children if g.dep_ == "pobj") for c in word.children) \
        or _fights_for_a_prize(word)


# what people vie for that is no ground: "travellers battled for space on the trains", "fought for the title"
_PRIZES = frozenset("space room seat title trophy championship cup medal promotion survival customer ratings "
                    "spot ticket".split())  # fmt: skip


def _fights_for_a_prize(word: Token) -> bool:
    """Is the fight or battle one for room or a prize ("battled for space", "fighting for the title")?"""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.lemma_.lower() in _PRIZES and not g.ent_type_ for g in c.children if g.dep_ == "pobj") for c in word.children)


# what makes "fire" a weapon's: "violated the truce with mortar fire", "heavy fire", "rebel fire",
# "small-arms fire" (tokenised "small - arms": the compound is "arms"), "anti-aircraft cannon fire"
_ARMS_FIRE = frozenset("mortar artillery rocket tank sniper gun machine-gun heavy automatic small-arms arm weapon "
                       "rifle cannon howitzer grenade launcher".split())


def _gunfire(tok: Token) -> bool:
    """Is ``tok`` fire told as a weapon's or a side's ("mortar fire", "heavy fire", "rebel fire")?"""
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod")]
    return tok.lemma_.lower() == "fire" and (any(m.lemma_.lower() in _ARMS_FIRE for m in mods)
                                              or _side_firing(tok, mods) is not None)


# what a forecaster issues: "issued an amber warning for wind", "put the coast on alert"
_WARNINGS = frozenset({"warn", "warning", "alert"})


def _warned(m: TriggerMatch) -> bool:
    """Is ``m`` a warning, told by the verb ("warned") or by its noun ("issued a warning")?"""
    word = m.word
    return m.head.lemma_.lower() == "warn" or word.lemma_.lower() in _WARNINGS


def is_natural_force(m: TriggerMatch) -> bool:
    """Is a violent word told of nature or of a fire ("a landslide hit the village", "the
    blaze destroyed the house", "firefighters battled the flames")? No one is attacked."""
    if m.spec.type == "AID" and m.head.lemma_.lower() == "evacuate":
        # "residents were evacuated as the wildfire approached": a hazard's, no one's aid; so in a
        # sentence that tells of a flood or a storm ("flooding hit two provinces, and 900 people have
        # been evacuated"), though a fire elsewhere in it may be gunfire ("evacuated under fire")
        return any(t.lemma_.lower() in _HAZARDS for t in m.head.subtree) or any(
            t.lemma_.lower() in _WEATHER for t in m.head.sent)
    if m.spec.type == "THREATEN" and _warned(m):
        # "freezing rain will make roads treacherous, the weather service warns": a forecast
        # (weather named, not a verb of attack: "warned that his fighters would storm the town");
        # so is a warning issued ("issued an amber warning for wind across the hills")
        return any(t.lemma_.lower() in _WEATHER and t.pos_ != "VERB" for t in m.head.sent)
    if m.spec.key in _HAZARD_MEASURES:
        return _against_a_hazard(m.head.sent)
    if m.spec.type not in VIOLENT | {"PROTEST", "COERCE"} or m.noun is not None:
        return False
    head = m.head
    # "killed by militia fire": fire that kills or wounds is gunfire
    hazards = _HAZARDS - {"fire"} if head.lemma_.lower() in OUTCOME_KEYS else _HAZARDS
    if m.spec.mode in _BLOCKINGS:
        hazards = hazards | _FALLEN  # "roads were blocked by fallen trees": no one blocked them
    hazards = hazards | _PATHOGENS  # "the virus attacks the immune system"
    # "the storm destroyed hundreds of homes and killed 12 people", "the typhoon battered the
    # coast, killing 20": a verb with no subject of its own is done by the one it is joined to
    shared = _shared_subject(head)
    for c in [*head.children, *([shared] if shared is not None else [])]:
        lemma = c.lemma_.lower()
        if c.dep_ in ("nsubj", "agent") and lemma in hazards:
            return True
        if c.dep_ == "nsubj" and lemma == "fire" and c.tag_ == "NN" and not _gunfire(c):
            return True  # "a fire that swept through the market killed three": a blaze, no weapon's or side's fire
        if c.dep_ == "agent" and any(p.lemma_.lower() in hazards for p in c.children if p.dep_ == "pobj"):
            return True  # "was destroyed by the fire"
        if c.dep_ == "dobj" and lemma in _HAZARDS and head.lemma_.lower() not in _GUNFIRE_VERBS:
            return True
    return False


# measures a state takes against unrest or against a hazard alike: against a hazard they coerce no one
_HAZARD_MEASURES = frozenset({"state of emergency", "curfew"})
# waters that rise ("as the river burst its banks", "after the dam failed")
_RISING_WATERS = frozenset("river dam levee downpour rainfall".split())
# what a measure is taken against when it is taken against people
_UNREST = frozenset("protest protester riot rioter unrest violence clash attack coup insurgency insurgent uprising "
                    "fighting demonstration demonstrator looting war terror terrorist militant rebel gunman "
                    "gunmen".split())  # fmt: skip


def _against_a_hazard(sent) -> bool:
    """Does the sentence tell of a natural hazard and of no unrest ("declared a state of emergency as
    the river burst its banks", "a curfew as the cyclone neared"), so that its state of emergency or
    curfew is taken against the hazard ("after days of riots": against people)? Not an epidemic's:
    ACLED codes a curfew against a virus as a change to the population's activity (2020 dev notes)."""
    lemmas = {t.lemma_.lower() for t in sent}
    return bool(lemmas & (_HAZARDS | _WEATHER | _RISING_WATERS)) and not lemmas & _UNREST


def _shared_subject(verb: Token) -> Token | None:
    """The subject a joined verb or an -ing clause with none of its own shares with the verb it
    hangs on ("the blaze spread and destroyed 40 homes", "the storm hit, killing five"), or None."""
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children):
            return None
        if not (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")) or verb.head.i == verb.i:
            return None
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None


# a game's result and play: "beat Kelmar United 3-1", "the home side attacked but could not
# find an equaliser": a score (not a range counting something: "3-4 soldiers") or a word of play
# (basketball's scores run to three digits: "beat the visitors 110-98")
_SCORE = re.compile(r"(?<![\d.,])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d,]|[.,]\d)")  # (a full stop may end the sentence)
_PLAY_WORDS = frozenset("scored equaliser equalizer goal striker midfielder goalkeeper innings wicket touchdown".split())
_CONTEST_VERBS = frozenset("beat defeat crush thrash rout hammer edge down stun overcome attack".split())


# whom one beats in a contest, what one wins it by, and winning it: "beat her rival by 200 votes
# to win the seat", "beat out two challengers"
_RIVALS = frozenset("rival opponent challenger incumbent contender candidate champion favourite favorite frontrunner team side club squad".split())
_MARGINS = frozenset("vote point goal seat run wicket stroke length margin".split())
_WINNING = frozenset("win retain clinch secure capture claim".split())


# words of a game's report: three of them make a story of sport, where a strike is a shot at goal
_SPORT_WORDS = _PLAY_WORDS | frozenset(
    "league coach season championship tournament playoff playoffs quarterback referee halftime half-time "
    "goalless equalised equalized striker midfielder defender goalkeeper keeper innings wicket touchdown "
    "semifinal semi-final quarterfinal quarter-final scoreline overtime goals referees coaches".split())
# (and a side that "fought back", "launched an attack", "fired a shot" or "protested" a call is at play)
_PLAY_PRONE = _CONTEST_VERBS | frozenset("strike shot shoot threaten capture fight battle fire launch protest".split())
# verbs that are play only with a move of play for object: "fired a shot", "launched an attack"
_AIMED_PLAY = frozenset("fire launch".split())
_MOVES_OF_PLAY = frozenset("shot attack counterattack counter-attack strike effort".split())


def is_sports_play(m: TriggerMatch) -> bool:
    """Is the trigger a contest's result or a game's play ("Tarvo beat Ostrava 3-1", "the
    visitors attacked after the striker's goal", "she beat the incumbent to win the seat")? A
    score or a word of play in its sentence, or a rival, a margin or a win beside the verb; in a
    story of sport, a strike, a shot, a threat, a capture, a fight or a protest too ("a 90th-minute
    strike", "fought back from two goals down", "protested that the goal should not stand")."""
    head = m.head
    lemma = head.lemma_.lower()
    if lemma in _SCUFFLES and _sports_story(head.doc) and _players_of(head):
        return True  # "the two captains clashed in the centre circle": a quarrel on the field
    if lemma not in _PLAY_PRONE:
        return False
    if lemma in _AIMED_PLAY and not any(c.dep_ == "dobj" and c.lemma_.lower() in _MOVES_OF_PLAY for c in head.children):
        return False  # "gunmen opened fire on the team bus" is no play, even in a story of sport
    if _sports_story(head.doc):
        return True
    if lemma in _AIMED_PLAY and _players_of(head):
        return True  # "the striker fired a shot past the keeper": a player's shot, in any story
    if lemma not in _CONTEST_VERBS:
        return False
    if m.light is not None and m.noun is not None:
        return False  # a deal "hammered out" or "thrashed out": the verb carries an act, it won no contest
    sent = head.sent
    return (any(t.lemma_.lower() in _PLAY_WORDS or t.lower_ in _PLAY_WORDS for t in sent)
            or any(_a_score(sent, x.end()) for x in _SCORE.finditer(sent.text)) or _a_contest_result(head))  # fmt: skip


# works and wares that can flop: "the film bombed at the box office"
_FLOPPING_WORKS = frozenset("film movie show album single play musical book novel sequel series launch product game "
                   "release opera tour comedy drama".split())  # fmt: skip


def is_a_flop(m: TriggerMatch) -> bool:
    """Is "bombed" said of a work that failed ("the sequel bombed at the box office", "her second
    album bombed")? Told with no object and a work for subject, it is no bombing."""
    head = m.head
    if m.noun is not None or head.lemma_.lower() != "bomb" or head.pos_ != "VERB":
        return False
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "agent") for c in head.children):
        return False
    # (the parser often makes the verb a participle of its work: "the sequel bombed at the box office")
    works = [c for c in head.children if c.dep_ == "nsubj"] + ([head.head] if head.dep_ == "acl" else [])
    return any(w.lemma_.lower() in _FLOPPING_WORKS for w in works)


# verbs of a quarrel or a scuffle, and who plays or runs a side: in a story of sport, players who
# clash are no armed sides (fans who clash with police still riot)
_SCUFFLES = frozenset({"clash", "scuffle", "brawl", "tussle"})
_PLAYERS = frozenset("player captain teammate manager coach striker defender midfielder goalkeeper keeper forward "
                     "winger substitute skipper referee".split())  # fmt: skip


def _players_of(verb: Token) -> bool:
    """Is the verb's subject (and whom it clashed with, if told) a player, a captain or a coach?"""
    sides = [c for c in verb.children if c.dep_ == "nsubj"]
    sides += [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
    return bool(sides) and all(s.lemma_.lower() in _PLAYERS for s in sides)


def _sports_story(doc: Doc) -> bool:
    """Does the document use three different words of a game's report?"""
    found = doc.user_data.get("eventwire.sport")
    if found is None:
        found = doc.user_data["eventwire.sport"] = len({t.lower_ for t in doc if t.lower_ in _SPORT_WORDS}) >= 3
    return found


def _a_contest_result(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "prt" and c.lower_ == "out":
            return True  # "beat out": outdid
        if c.dep_ == "dobj" and c.lemma_.lower() in _RIVALS and not _a_body_at_work(c):
            return True
        if c.dep_ == "prep" and c.lower_ == "by" and any(g.lemma_.lower() in _MARGINS for g in c.children if g.dep_ == "pobj"):
            return True
        if c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in _WINNING:
            return True  # "beat her rival to win the seat"
    # "won the seat, beating the mayor": the beating told of a win
    return verb.dep_ in ("advcl", "conj") and verb.head.lemma_.lower() in _WINNING


# teams that are crews at work, not sides in a game, told by their kind: "attacked a police team"
_CREW_KINDS = frozenset("police medical health rescue survey vaccination polio election aid security forest revenue "
                        "tax army military investigation inspection demolition enforcement municipal "
                        "official".split())  # fmt: skip


def _a_body_at_work(team: Token) -> bool:
    """Is a team or a squad a body of people at work, not a contest's rival: told by whom it is made
    of ("a team of police and health officials", "a squad of soldiers") or by its kind ("a police
    team", "a demolition squad")?"""
    made_of = any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in c.children)
                  for c in team.children)  # fmt: skip
    return made_of or bool({c.lemma_.lower() for c in team.children if c.dep_ in ("compound", "amod")} & _CREW_KINDS)


def _a_score(sent: SpacySpan, end: int) -> bool:
    """Is the pair of numbers ending at ``end`` (within the sentence) a score, not a range that
    counts the noun after it ("3-4 soldiers")?"""
    after = next((t for t in sent if t.idx - sent.start_char >= end), None)
    return after is None or after.pos_ not in ("NOUN", "PROPN")


def is_background(m: TriggerMatch) -> bool:
    """Is the trigger background rather than a reported event?

    - a relative clause in the perfect ("who had been detained", "which has fought the
      government for 15 years", "families who say their sons have been abducted") describes
      what came before;
    - "since the offensive began" dates the story by an earlier event;
    - a habitual verb or noun ("often targets", "frequent bombings") is not one event;
    - a participle used as an adjective ("coordinated raids", "the wounded");
    - a kind of act ("attacking churches is forbidden") and the newsroom's sourcing ("spoke on
      condition of anonymity");
    - a supposition: the act an "if" or "unless" makes the condition of what is said ("it would
      be a disaster if the state released them", "if the provinces accept the offer, ...").
    """
    head = m.head
    if _supposed(head):
        return True
    if _in_relative_clause(head) and any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in head.children):
        return True
    if m.noun is not None and any(c.dep_ == "mark" and c.lower_ == "since" for c in head.children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in head.children) or _a_rate(head) or _used_to(head):
        return True
    if _as_a_rule(head) or (m.spec.type not in VIOLENT and _said_over_and_over(head)):
        return True
    if m.noun is not None and any(c.dep_ == "amod" and c.lower_ in _HABITUAL_ADJ for c in m.noun.children):
        return True  # "has carried out frequent bombings": what a group does, not one act
    if m.spec.type not in VIOLENT and _counted(head):
        return True  # "has apologised twice", "visited Moscow three times": a count of acts, not one
    if m.noun is None and _generic_you(head):
        return True
    if m.noun is None and head.dep_ in ("amod", "dobj", "pobj", "nsubj", "nsubjpass") and head.tag_ in ("VBN", "VBG", "JJ") \
            and not _happening(head):  # fmt: skip
        return True
    if m.noun is None and head.tag_ in ("VBG", "JJ") and any(c.dep_ == "advmod" and c.lower_ in _DEGREE for c in head.children):
        return True  # "is particularly threatening to the region": what it is like, not an act
    if m.noun is None and _kind_of_act(head) and not told_without_a_verb(m):
        return True
    if m.noun is None and _terms_of_a_deal(head):
        return True
    if m.noun is None and _a_kind_of_victim(head):
        return True
    if m.noun is None and (_no_sign_of(head) or _still_to_be_done(head)):
        return True
    if _weighed_as_a_supposition(m.noun if m.noun is not None else head):
        return True
    return _sourcing(head)


# What the line of duty is called: the circumstance that makes the dead a kind of people
_ON_DUTY = frozenset("duty action service".split())


def _a_kind_of_victim(head: Token) -> bool:
    """Is the outcome a participle naming a kind of people by how they die ("a charity for the
    children of soldiers killed on duty", "a plaque to firefighters killed in the line of duty")?
    A bare plural told with no day, place or act of its own names whoever died so, not a death
    that happened ("soldiers killed in Kelmo last week", "soldiers killed in the ambush" stay)."""
    noun = head.head
    if head.lemma_.lower() not in OUTCOME_KEYS or head.dep_ != "acl" or head.tag_ != "VBN" or noun.tag_ != "NNS":
        return False
    # (the parser hangs the participle on "families" as often as on "soldiers" in "the families of
    # soldiers killed on duty": the dead are either, and counted or someone's they are one death told)
    dead = [noun] + [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    if any(c.dep_ in ("nummod", "poss") for d in dead for c in d.children) or any(c.dep_ == "agent" for c in head.children):
        return False
    told = [t for t in head.subtree if t.i != head.i]
    if any(t.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL") or t.dep_ == "det" and t.head.lemma_.lower()
           not in ("line",) for t in told):  # fmt: skip
        return False  # a day, a place or "the ambush": one death told
    return any(t.lemma_.lower() in _ON_DUTY for t in told)


# How often an act was done, said of the verb: "twice", "several times"
_ONCE_OVER = frozenset("twice thrice".split())
_TIMES = frozenset("time times".split())


# Verbs of consent whose refusal is a REJECT whatever is refused: "would not accept foreign troops on
# its soil" refuses as "would not accept the proposal" does, though troops are no proposal
_CONSENTING = frozenset({"accept"})


def _refused_whatever_it_is(lemma: str, objs: list[Token], tok: Token) -> bool:
    """Is ``tok`` a verb of consent refused by its doer's will ("won't accept", "cannot accept") with
    an object? Its object list says what acceptance is an agreement to; a refusal needs none of it."""
    return lemma in _CONSENTING and bool(objs) and refuses(tok)


def _counted(head: Token) -> bool:
    """Is the verb told with a count of its acts ("has apologised twice", "met three times this year")?
    Said of a word of speech or dealing, that is a series (the codebook codes no count of acts); said of
    violence it counts blows of one act ("was shot twice"), and the caller leaves violence alone."""
    for c in head.children:
        if c.dep_ == "advmod" and c.lower_ in _ONCE_OVER:
            return True
        if c.dep_ == "npadvmod" and c.lower_ in _TIMES and any(g.dep_ in ("nummod", "amod") and g.lower_ not in ("first", "last")
                                                              for g in c.children):
            return True
    return False


# what would show an act coming, said to be missing: "gave no sign that she will step down"
_SIGNS = frozenset("sign indication evidence suggestion hint".split())


def _no_sign_of(head: Token) -> bool:
    """Is the verb what there is no sign of ("has shown no sign that it will release the prisoners",
    "there is no indication that the army will withdraw")? It is neither told nor said to be coming."""
    noun = head.head
    return head.dep_ in ("acl", "ccomp") and noun.lemma_.lower() in _SIGNS \
        and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)  # fmt: skip


def _still_to_be_done(head: Token) -> bool:
    """Is the verb a passive infinitive said of a noun ("the number of soldiers to be deployed", "trucks
    to be sent to the town")? It names what is planned or agreed, which the plan's own verb tells."""
    return head.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) \
        and any(c.dep_ == "auxpass" for c in head.children)  # fmt: skip


def _weighed_as_a_supposition(tok: Token) -> bool:
    """Is the act the subject of what it would or could be ("an attack on the dam could be a
    catastrophe", "the fall of the city would be a blow")? It is weighed, not told."""
    verb = tok.head
    return tok.dep_ == "nsubj" and verb.lemma_ == "be" and tok.i < verb.i \
        and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may") for c in verb.children)  # fmt: skip


def _supposed(head: Token) -> bool:
    """Is the act the condition of an "if" or "unless" clause? What is supposed is neither told
    nor said to be coming: the clause says on what the speaker's point depends. (An act that may
    have happened or could happen, "civilians may have been hurt", is told and stays, hypothetical.
    A threat's or a promise's own condition, "would attack if the talks failed", is a clause of its
    own and leaves the threat alone.) An "if" after a verb of asking or wondering opens a question,
    not a condition: "asked if the army will move in" is no advcl."""
    return head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in head.children)


# (and the days a habit keeps: "blocked the road every Friday", "marched each weekend")
_PERIODS = frozenset("day night week month year weekend monday tuesday wednesday thursday friday saturday "
                     "sunday".split())  # fmt: skip
_EACH = frozenset("a an per each every".split())
_SPAN_ENDS = frozenset("after before ago later earlier since into".split())


def _a_rate(head: Token) -> bool:
    """Is the act told as a rate ("one person a year is killed there", "are searched every
    week")? Not a span of time ("a week after"), nor when the time is also pinned ("every night
    last week" tells the acts of a week)."""
    # the parser hangs "a year" off the verb or its subject ("one hiker a year is killed")
    near = [*head.children, *(g for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    times = [c for c in near if c.dep_ in ("npadvmod", "nsubj", "nsubjpass") and c.lemma_.lower() in _PERIODS
             and (c.i + 1 == len(c.doc) or c.nbor(1).lower_ not in _SPAN_ENDS)]
    rate = any(any(d.lower_ in _EACH for d in c.children) for c in times)
    return rate and not any(d.dep_ == "amod" and d.lower_ in ("last", "this", "past") for c in times for d in c.children)


_FINITE = frozenset({"VBZ", "VBP", "VBD"})
# phrases that tell what is usual, said of a verb: "for the most part", "on a regular basis", "as a rule"
_USUAL_BASES = frozenset("regular daily weekly monthly routine nightly".split())


def _as_a_rule(head: Token) -> bool:
    """Is the verb, or the first of the verbs it is listed with, told as what usually happens ("are,
    for the most part, breaking into homes, assaulting people and stealing cars", "are searched on a
    regular basis", "as a rule, the guards beat newcomers")?"""
    verbs = [head]
    # up to the clause's finite verb (the parser hangs "beating people" off the "are" that has the
    # phrase, or off a noun listed before it)
    for up in head.ancestors:
        if verbs[-1].tag_ in _FINITE or len(verbs) > 4:
            break
        verbs.append(up)
    present = any(v.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in v.children)
                  for v in verbs)  # fmt: skip
    for p in (c for v in verbs for c in v.children if c.dep_ == "prep"):
        objs = [g for g in p.children if g.dep_ == "pobj"]
        mods = {d.lower_ for g in objs for d in g.children}
        if p.lower_ == "for" and any(g.lower_ == "part" for g in objs) and "most" in mods and present:
            return True  # (in the past, "attacked the post, for the most part with mortars" tells how)
        if p.lower_ == "on" and any(g.lower_ == "basis" for g in objs) and mods & _USUAL_BASES:
            return True
        if p.lower_ == "as" and any(g.lower_ == "rule" for g in objs):
            return True
    return False


# verbs of saying that, told again and again, make what was said a standing view
_SAYING = frozenset({"say", "state", "insist", "argue", "maintain", "tell"})


def _said_over_and_over(head: Token) -> bool:
    """Is a word of speech told as what someone "has repeatedly said" or "often says" ("has
    repeatedly said he opposes the rule")? A view held and said many times is no one act.
    (Violence reported so, "police repeatedly said the crowd attacked them", is still one act.)"""
    saying = head.head
    return head.dep_ == "ccomp" and saying.lemma_.lower() in _SAYING \
        and any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in saying.children)  # fmt: skip


def _used_to(head: Token) -> bool:
    """"used to ask": what someone did over and over, once ("used tanks to attack" is one act)."""
    used = head.head
    return head.dep_ == "xcomp" and used.lemma_ == "use" and used.tag_ in ("VBD", "VBN") \
        and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in used.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


_LICENSING = frozenset({"authorize", "authorise", "allow", "permit", "entitle", "authorized", "authorised", "allowed", "permitted"})


def _sourcing(head: Token) -> bool:
    """Is the clause how a report got its news ("shared the details on condition of anonymity",
    "were not authorized to discuss the matter")? That is the newsroom's, not an event."""
    licence = head.head if head.dep_ == "xcomp" else None
    if licence is not None and licence.lemma_.lower() in _LICENSING and any(c.dep_ == "neg" for c in licence.children):
        return True
    for word in (head, *(c for c in head.children if c.dep_ == "dobj")):
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ == "on" and any(
                    p.lemma_.lower() == "condition" and any(a.lower_ == "anonymity" for a in p.subtree) for p in prep.children):  # fmt: skip
                return True
    return False


# verbs that tell an act happened, whose gerund subject is that act
_HAPPENING = frozenset("take erupt break continue resume occur happen rage flare intensify escalate ensue".split())


# verbs that tell what an act did, in the past: "fighting between clans left five dead", "shelling
# displaced 300 families" (not "fighting kills": what fighting does)
_DID_HARM = frozenset("leave kill claim displace force cause wound injure destroy damage".split())


def _happening(gerund: Token) -> bool:
    """Is the gerund the subject of a verb that tells it happened ("fighting took place",
    "shelling continued overnight") or what it did ("fighting between clans left five dead")?
    Then it is one act, not a kind of act."""
    if gerund.dep_ not in ("nsubj", "csubj"):
        return False
    verb = gerund.head.lemma_.lower()
    return verb in _HAPPENING or verb in _DID_HARM and gerund.head.tag_ == "VBD"


# plural words that name one round of meeting ("attended talks in Geneva")
_ONE_ROUND = frozenset({"talks", "negotiations", "consultations"})


def _dealings_in_general(m: TriggerMatch, lexicon: Lexicon) -> bool:
    """Is a verb of meeting told of meetings or deals of a kind, bare plural, with no one to meet
    ("will attend conferences, phone clients", "negotiating deals one by one")? A job or a way of
    working, not one meeting; with a counterpart named ("negotiated deals with Kelmar") it is one,
    and so it is with people ("hosted leaders from five countries")."""
    if m.spec.type != "CONSULT" or m.noun is not None:
        return False
    head = m.head
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is None or obj.tag_ != "NNS" or obj.lower_ in _ONE_ROUND:
        return False
    named = lexicon.nouns.get(obj.lemma_.lower())
    if (named is None or named.type == "MOBILIZE") and obj.lemma_.lower() not in m.spec.objects:
        # whom one meets, or what one talks about ("discussed issues of trade"); forces are whom
        # one meets, not a kind of meeting, whatever the lexicon reads them as ("visited troops")
        return False
    if any(c.dep_ in ("det", "poss", "nummod", "compound", "amod") for c in obj.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for w in (head, obj) for c in w.children):
        return False
    subject = _subject_of(head)
    return subject is None or not _both_parties(subject)


# what is agreed or offered, whose terms an infinitive tells
_DEAL_NOUNS = frozenset(
    "ceasefire cease-fire truce deal agreement accord pact plan proposal offer arrangement".split()
)


def _terms_of_a_deal(head: Token) -> bool:
    """Is the verb what a deal or a truce is for ("a ceasefire to evacuate the fighters", "the
    deal to free the hostages")? Its terms, which the deal's own event tells, not a second act."""
    if head.dep_ not in ("acl", "relcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return False
    noun = head.head
    # "a cease-fire" is tokenised "cease - fire"
    return noun.lemma_.lower() in _DEAL_NOUNS or _hyphened_ceasefire(noun)


# what an act may bring or be, said of the act in general: "the risks of leaving the union", "the
# cost of attacking the dam", "the idea of sending troops"
_PROSPECTS = frozenset("risk danger cost consequence prospect idea possibility benefit fear likelihood "
                       "impact effect wisdom merit".split())


def _a_prospect_of(gerund: Token) -> bool:
    """Is the gerund what a prospect is of ("warned of the risks of leaving the union")? It names a
    kind of act, weighed before anyone does it."""
    of = gerund.head
    return gerund.dep_ == "pcomp" and of.lower_ == "of" and of.head.lemma_.lower() in _PROSPECTS


def _kind_of_act(head: Token) -> bool:
    """Is the gerund a kind of act rather than one act: the subject of a clause ("attacking
    churches is forbidden", and its "or killing those inside"), or a subhead with no one doing it
    ("Targeting young offenders")?"""
    if head.tag_ != "VBG":
        return False
    if _a_prospect_of(head):
        return True
    first = head.head if head.dep_ == "conj" else head
    if first.dep_ in ("csubj", "csubjpass", "nsubj", "nsubjpass"):
        return first.tag_ == "VBG" and not _happening(first)
    return head.dep_ == "ROOT" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in head.children)


def told_without_a_verb(m: TriggerMatch) -> bool:
    """Is a violent act told by its gerund alone, as a note's headline is, anchored as one act by
    who did it, where or when ("Shelling by rebel forces near Tarvo on 4 May", "On 4 May, shelling
    of army positions near Kelmo")? The parser makes the gerund the sentence's verb; without an
    anchor it is a kind of act or a subhead ("Targeting young offenders"). A subject right before
    the gerund, or a head it describes, is its modifier the parser misread ("Artillery shelling of
    the town by the rebels", "Mortar shelling of ...")."""
    head = m.head
    misread_head = head.dep_ == "acl" and head.head.dep_ == "ROOT" and head.head.i == head.i - 1
    return m.spec.type in VIOLENT and m.noun is None and (head.dep_ == "ROOT" or misread_head) and head.tag_ == "VBG" \
        and not any(c.dep_ in ("nsubjpass", "aux", "auxpass") or c.dep_ == "nsubj" and c.i != head.i - 1
                    for c in head.children) \
        and any(_anchors(c, None) for c in head.children)  # fmt: skip


def _generic_you(head: Token) -> bool:
    """Is the clause said of anyone ("you fight the battles you have to fight") or an order to
    anyone ("fly with the crows and get shot")? Neither tells an act that happened."""
    subj = _subject_of(head)  # "you have to fight": the subject of the verb it completes
    if subj is not None:
        return subj.lower_ == "you"
    root = head if head.dep_ == "ROOT" else head.head if head.dep_ == "conj" and head.head.dep_ == "ROOT" else None
    return root is not None and root.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in root.children)


# Past forms of irregular verbs, for the prefixed verbs the lemmatizer leaves as written
# ("retook", "overran", "withdrew" are known to it only without the prefix).
_IRREGULAR = {
    "took": "take", "taken": "take", "ran": "run", "came": "come", "threw": "throw", "thrown": "throw",
    "drew": "draw", "drawn": "draw", "held": "hold", "sent": "send", "fought": "fight", "struck": "strike",
    "won": "win", "built": "build", "broke": "break", "broken": "break", "made": "make", "gave": "give",
    "given": "give", "went": "go", "gone": "go", "laid": "lay", "stood": "stand",
}  # fmt: skip
_PREFIXES = ("re", "over", "out", "under", "with", "up")
# Lemmas the lemmatizer's suffix rules make of a lexicon verb it does not know: "cordoned" loses
# "d", not "ed" (checked over every verb key's regular past, 2026-11-29); "installed" is read as the
# British spelling "instal"
_MISREAD_LEMMAS = {"cordone": "cordon", "instal": "install", "teargasse": "teargas"}


def verb_lemma(tok: Token) -> str:
    """The verb's lemma, mending a prefixed irregular past the lemmatizer did not know."""
    lemma = tok.lemma_.lower()
    lemma = _MISREAD_LEMMAS.get(lemma, lemma)
    if lemma == tok.lower_:  # the tagger may take an unknown past for a present ("retook" as VBP)
        for prefix in _PREFIXES:
            rest = lemma[len(prefix) :]
            if lemma.startswith(prefix) and rest in _IRREGULAR:
                return prefix + _IRREGULAR[rest]
    return lemma


_REFLEXIVE_ENDINGS = ("self", "selves")
# where a vehicle or a person backing up goes: "backed into a parked car", "backed onto the road"
_BACKWARDS_TO = frozenset({"into", "onto", "over", "toward", "towards", "across", "through", "against"})


def _moved_backwards(objs: list[Token], preps: list[Token]) -> bool:
    """Is "back" told as moving backwards (no one backed, a place or a thing it went into)?"""
    return not objs and any(p.lower_ in _BACKWARDS_TO for p in preps)
# a violent verb's particle that makes it a verb of paying: "fans shelled out money for tickets"
_PAYING = frozenset({"shell out"})


# ("stepped down", "worked together", "brushed aside": a particle the tagger calls an adverb)
_PARTICLES_READ_AS_ADVERBS = frozenset({"out", "away", "back", "down", "together", "aside"})
# what people are taken, held or burnt as: "took them captive", "burned him alive", "held the
# rebels responsible for the attack"
_HELD_OR_LEFT = frozenset({"captive", "hostage", "prisoner", "alive", "responsible", "accountable"})
# acts whose verb reads the same with a particle: "beat up", "burned down", "locked up", "fought back"
_KEEPS_ITS_PARTICLE = VIOLENT | {"COERCE"}
# particles the parser may make prepositions, with the real preposition under them ("out of")
_PARTICLES_AS_PREPS = frozenset({"out", "away", "off", "up", "down"})


def _struck_by_labour(verb: Token, lexicon: Lexicon) -> bool:
    """Is a deal "struck" by workers or a union ("the union struck a deal with the port operator")?
    That is a wage deal with an employer, business (the subjects of a labour strike, "strike#labour")."""
    labour = set().union(*(alt.subjects for alt in lexicon.alternates.get("strike", ()) if alt.type == "PROTEST"))
    return any(c.dep_ == "nsubj" and noun_forms(c) & labour for c in verb.children)


def _carries(allowed: frozenset[str], noun_key: str, lexicon: Lexicon) -> bool:
    """May a light verb whose nouns are ``allowed`` carry the event noun ``noun_key``? An entry
    "<TYPE>" allows every noun of that type, so a verb of speaking or giving carries a noun of its
    kind that no one listed with it ("issued a rebuke", "delivered a warning", "gave shelter")."""
    return not allowed or noun_key in allowed or f"<{lexicon.nouns[noun_key].type}>" in allowed


def _verb_trigger(tok: Token, lexicon: Lexicon, is_place) -> TriggerMatch | None:
    lemma = verb_lemma(tok)
    children = list(tok.children)
    # the tagger may read a particle as an adverb: "will walk out next week"
    # ("were turned away", "turned back the convoy")
    prts = [c for c in children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in _PARTICLES_READ_AS_ADVERBS
                                                        and c.i == tok.i + 1)]  # fmt: skip
    # "called for the president to resign": the parser makes "for" the mark of a clause
    preps = [c for c in children if c.dep_ == "prep" and not _absolute(c)] \
        + [m for c in children if for_clause(c) for m in c.children if m.dep_ == "mark"]
    # a reflexive is an object whatever the parser calls it ("resigned herself to renting")
    objs = [c for c in children if c.dep_ in ("dobj", "nsubjpass") or (c.pos_ == "PRON" and c.lower_.endswith(_REFLEXIVE_ENDINGS))]
    objs += [s for c in children if _participle_misread_as_clause(c) for s in c.children if s.dep_ == "nsubj"]
    # what a participle is said of is what it acted on: "figures released by the ministry" are
    # no release (read only to rule a reading out: "the accords signed by Israel" is background)
    done_to = objs or ([tok.head] if tok.dep_ == "acl" and tok.tag_ == "VBN" else [])
    phrasal = [f"{lemma} {p.lower_}" for p in prts]

    # light verb + event noun: "carried out airstrikes", "imposed a curfew", "agreed a ceasefire"
    # ("came under attack": a light verb with its preposition, the noun its object)
    # ("took part in a rally": the verb's object is part of the key)
    by_prep: dict[str, list[Token]] = {}
    if lemma in lexicon.light_verb_heads:
        with_prep = [(f"{lemma} {p.lower_}", p) for p in preps]
        with_prep += [(f"{lemma} {o.lower_} {p.lower_}", p) for o in objs for p in (*preps, *o.children) if p.dep_ == "prep"]
        for key, p in with_prep:
            if key in lexicon.light_verbs:
                by_prep.setdefault(key, []).append(p)
    for key in [*phrasal, *by_prep, lemma]:
        allowed = lexicon.light_verbs.get(key)
        if allowed is None:
            continue
        if key in by_prep:
            nouns = [c for p in by_prep[key] for c in p.children if c.dep_ == "pobj"]
        else:
            nouns = objs + [c for p in preps if p.lower_ in ("on", "to") and key in ("agree",) for c in p.children if c.dep_ == "pobj"]
            nouns += [c for o in objs for c in o.conjuncts]  # "faced abuse and threats": any of the objects
            if lemma in _FURNISHING:  # "provided Kelmo with loans": what is given is told after "with"
                nouns += [c for p in preps if p.lower_ == "with" for c in p.children if c.dep_ == "pobj"]
            nouns += _what_sums_are_in(nouns, preps)
        if key == "strike" and _struck_by_labour(tok, lexicon):
            continue
        for obj in nouns:
            found = _noun_key(obj, lexicon)
            if found and _carries(allowed, found[0], lexicon):
                noun_key, noun_tokens = found
                extra = (*prts, obj.head) if key in by_prep else tuple(prts)
                return TriggerMatch(_noun_spec(noun_key, obj, lexicon), tok, (tok, *extra, *noun_tokens), obj, key)
        if key in CANCEL_VERBS:
            continue

    # a reporting verb is an event only through the event noun it announces or claims
    # ("announced a curfew", "claimed the bombing"), read above, or through the judgement it
    # passes ("said the offer was insulting")
    if lemma in REPORT_VERBS or lemma in ARGUING_VERBS:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in children):
            return None  # "people are told that ...": no one said it
        return _judgement(tok, lexicon) or _demand(tok) or _directive(tok, lemma)

    # verb + particle / preposition / object keys: "pull out", "call for", "take control", "open fire"
    # a lemma whose object constraint holds ("fired rockets at") reads before prepositional keys ("fired at")
    if lemma in ("ask", "request") and any(c.dep_ == "xcomp" and c.lemma_.lower() in ("name", "identify") for c in children):
        return None  # "a lawmaker, who asked not to be named"
    if lemma in _REFUSING and _no_comment(tok):
        return None  # "the ministry declined to comment on the report": how a report got no answer
    if lemma == "ask" and not _asks_someone_for_something(tok):
        return None  # "'What about the hospitals?' the senator asked": a question, not a request
    if lemma in _NAMING_VERBS:
        named = _name_calling(tok)
        if named is not None:
            return named
    if lemma in _WANTING and _wants_it_done(tok, lexicon.verbs[lemma].objects if lemma in lexicon.verbs else frozenset()):
        return TriggerMatch(TriggerSpec(key=f"{lemma} it done", type="REQUEST", mode="change"), tok, (tok,))
    if lemma == "warn" and _forecast(tok, lexicon):
        return None
    if lemma in _CONCURRING and _with_a_view(tok):
        return None
    if _PAYING.intersection(phrasal):
        return None  # "shelled out $500 for the trip": paid
    if lemma == "back" and _moved_backwards(objs, preps):
        return None  # "his van backed into a parked car": no one was backed
    mine = _met_a_mine(tok, objs, preps)
    if mine is not None:
        return mine
    lost = _ground_lost_to(tok, lemma, objs, preps, is_place)
    if lost is not None:
        return lost
    baton = _baton_charge(tok, lemma)
    if baton is not None:
        return baton
    burnt = _self_immolation(tok, lemma, objs)
    if burnt is not None:
        return burnt
    suicide = (_blew_oneself_up(tok, lemma, objs) or _suicide_device_set_off(tok, lemma, objs, lexicon)
               or _killed_oneself_and_others(tok, lemma, objs))
    if suicide is not None:
        return suicide
    disposed = _device_disposed_of(tok, lemma, objs, lexicon)
    if disposed is not None:
        return disposed
    left_bomb = _bomb_left(tok, lemma, objs, preps, lexicon)
    if left_bomb is not None:
        return left_bomb
    alight = _set_alight(tok, lemma, objs, lexicon)
    if alight is not None:
        return alight
    if lemma in _SEXUAL_ACTS and any(c.dep_ == "advmod" and c.lower_ == "sexually" for c in children):
        return TriggerMatch(SEXUAL_VIOLENCE, tok, (tok, *[c for c in children if c.lower_ == "sexually"]))
    left = _pact_left(tok, lemma, prts, objs, preps)
    if left is not None:
        return left
    jailed = _jailed_for_a_term(tok, lemma, preps)
    if jailed is not None:
        return jailed
    alert = _put_on_alert(tok, lemma, preps)
    if alert is not None:
        return alert
    if lemma == "join" and any(_bare_forces(o) for o in objs):
        return TriggerMatch(JOINED_FORCES, tok, (tok, *objs))
    own = lexicon.verbs.get(lemma)
    first = [lemma] if own is not None and own.objects and _phrase_lemmas(objs, []) & own.objects else []
    # what the object is made ("were taken hostage": the parser's object predicate) keys the verb as an object does
    complements = objs + [c for c in children if c.dep_ == "oprd" and c.pos_ in ("NOUN", "ADJ")]
    # (so is a plea's word, which the parser makes a predicate: "pleaded guilty to murder"; a plea of
    # not guilty convicts no one)
    complements += [c for c in children if c.dep_ == "acomp" and c.lower_ in _PLEAS and not negated(c)]
    # (the parser may hang the complement on the object, after it: "took three teachers captive",
    # "burned a suspected thief alive", or before it, right after the verb: "burned alive two thieves")
    complements += [c for o in objs for c in o.children if c.dep_ == "amod" and (c.i > o.i or c.i == tok.i + 1)
                    and c.lower_ in _HELD_OR_LEFT]  # fmt: skip
    # (or tell it after "as": "were taken as hostages", "held them as captives")
    complements += [g for p in preps if p.lower_ == "as" for g in p.children
                    if g.dep_ == "pobj" and g.lemma_.lower() in _HELD_OR_LEFT]
    # (told "to death", whom the verb tells of was killed, whatever else its object names: "burned a
    # village chief to death" is no burnt village)
    to_death = [f"{lemma} to" for p in preps if p.lower_ == "to" and any(c.lower_ == "death" for c in p.children)]
    keys = phrasal + to_death + first + [f"{lemma} {o.lemma_.lower()}" for o in complements] + [f"{lemma} {p.lower_}" for p in preps if _complement_prep(tok, p)]
    if lemma in THROWING_VERBS:
        keys += [f"{lemma} at" for _ in aimed_off_the_object(tok, objs)[:1]]
    keys.append(lemma)
    prep_keys = {f"{lemma} {p.lower_}" for p in preps}
    narrowed = False  # "warned of icy roads": "warn of" names what a warning must be of to be a threat
    # a particle the lexicon has no reading with makes another verb of speech or dealing ("backed
    # out of the driveway", "backed down", "called up his friend"): not the bare verb's act
    # (the parser may make the particle a preposition with another under it: "backing out of")
    particles = [p for p in prts if p.dep_ == "prt"] + [p for p in preps if p.lower_ in _PARTICLES_AS_PREPS
                                                        and any(g.dep_ == "prep" for g in p.children)
                                                        and not any(g.dep_ == "pobj" for g in p.children)]
    # (so is one whose own reading did not hold: "the council backed down from the parking plan" is
    # no backing, though a state that backs down gives way; a reading that held was returned above)
    unread = bool(particles)
    for key, spec in ((k, r) for k in keys for r in lexicon.readings(k)):
        if key == lemma and narrowed:
            break
        if key == lemma and unread and spec.type not in _KEEPS_ITS_PARTICLE:
            continue
        # (fighters who "engaged each other" are the ones the reading lists: its subject names them;
        # a key's own preposition names its object whatever it is: "walked off the job")
        own_prep = [p for p in preps if key == f"{lemma} {p.lower_}"]
        if spec.objects and not ((_phrase_lemmas(objs, preps) | _objects_of(own_prep)) & spec.objects) \
                and not (spec.type in VIOLENT and _sides_engaged(tok, objs) & spec.objects) \
                and not _refused_whatever_it_is(lemma, objs, tok):  # fmt: skip
            narrowed |= key in prep_keys and own is not None and own.type == spec.type
            continue
        # (a key's own preposition names what it was done to as an object does: "fired into the air")
        if spec.not_objects and _phrase_lemmas(done_to, own_prep) & spec.not_objects:
            continue
        if spec.type == "REQUEST" and not done_to and _asks_for_gifts(preps):
            continue  # "launched the group, asking for donations": a charity's or a campaign's appeal
        if key in _SACKING_KEYS and _dismissal(objs):
            continue  # "fired the director at the meeting", "dismissed four governors": a sacking
        if spec.intransitive and (done_to or any(c.dep_ == "ccomp" for c in children)):
            continue
        if spec.subjects and not _subject_ok(tok, spec):
            continue
        if spec.place_object:
            taken = _what_is_taken(objs, preps)
            if taken is None:
                continue  # "took over from the founder", "the army took control": no ground named
            if not _is_place_object(taken, is_place):
                if _recorded(tok):
                    continue  # "the raid was captured on camera": filmed, no one taken
                spec = _non_place_reading(spec, taken, tok)
                if spec is None:
                    continue
        if spec.mode == "investigate" and not objs and not any(p.lower_ in ("into", "over") for p in preps):
            continue  # "an officer is investigating": no one is named
        words = (tok,) if key == lemma else (tok, *[c for c in children if f"{lemma} {c.lower_}" == key or f"{lemma} {c.lemma_.lower()}" == key][:1])
        spec = _fought_each_other(spec, objs, preps)
        # an instrument noun names the weapon: "were killed in an airstrike", "a car bomb killed"
        # (a phrasal key names its own: "blew up" is a blast, "blew out the wall" none)
        if key in lexicon.instrument_verbs or lemma in lexicon.instrument_verbs:
            by_weapon = _by_instrument(tok, key if key in lexicon.instrument_verbs else lemma, lexicon)
            if by_weapon is not None and not _blast_told_again(spec, by_weapon):
                return by_weapon
        return TriggerMatch(spec, tok, words)

    # verbs that are not triggers but take an event noun as subject: "clashes erupted"
    return (_by_instrument(tok, "die" if lost_a_life(tok) else lemma, lexicon) or _directive(tok, lemma)
            or _conversation(tok) or _found_killed(tok) or _denial(tok)
            or _bidding(tok) or _truce_undone(tok) or _gathered_to_demand(tok, lemma, prts)
            or _action_with_a_cause(tok, lemma, objs) or _taken_before_missing(tok, lemma) or _or_else(tok)
            or _under_fire(tok, lemma, preps, lexicon))


def _blast_told_again(spec: TriggerSpec, by_weapon: TriggerMatch) -> bool:
    """Does the weapon that blew up tell no more than the blast ("a bomb exploded")? Then the verb
    is the act; only a weapon of another kind ("a grenade exploded", "a shell exploded") names it."""
    return spec.key in _BLASTS_BY_WEAPON and by_weapon.spec.acled == spec.acled


_BLASTS_BY_WEAPON = frozenset({"explode", "detonate", "blow up"})


# sides that fight with arms: "clashes between the army and rebels" is no quarrel of words
_ARMED_SIDES = frozenset("army military troop soldier force rebel militant insurgent militia militiaman fighter gunman "
                         "gang clan tribe police jihadist guerrilla separatist".split())  # fmt: skip


# what comes under fire in earnest, not in words: forces, their vehicles and posts, and places
# people live ("a convoy came under fire", "the village came under heavy fire"); a minister or a
# police force that "came under fire for its handling" is criticised
_FIRED_UPON = _ARMED_SIDES | frozenset(
    "convoy patrol vehicle truck car bus ambulance helicopter aircraft plane jet ship boat vessel post outpost "
    "position base checkpoint camp barracks station village town city neighbourhood neighborhood house home "
    "school hospital peacekeeper unit column".split())  # fmt: skip
_CRITICISED_FOR = frozenset({"for", "over"})
# whom fire comes "from" when it is fire: armed men, their side or their weapons ("from gunmen", "from
# rebel positions", "from grenade launchers")
_FIRE_FROM = _ARMED_SIDES | frozenset("position side direction sniper gunman assailant attacker launcher gun mortar "
                                      "weapon artillery tank howitzer rifle drone helicopter unit battalion brigade "
                                      "regiment grenade rocket shell missile rpg rpgs cannon".split())  # fmt: skip


def _under_fire(verb: Token, lemma: str, preps: list[Token], lexicon: Lexicon) -> TriggerMatch | None:
    """Fire received: "a military convoy came under fire near Tarvo" (the subject is its target, as
    under the light verb "come under"). Only forces, their vehicles and posts, and places come
    under fire in earnest, and never "for" or "over" something (criticism)."""
    if lemma != "come" or any(p.lower_ in _CRITICISED_FOR for p in preps):
        return None
    under = next((p for p in preps if p.lower_ == "under"), None)
    fire = next((g for g in under.children if g.dep_ == "pobj" and g.lemma_.lower() == "fire"), None) if under else None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if fire is None or subj is None or subj.lemma_.lower() not in _FIRED_UPON:
        return None
    source = next((g for p in (*preps, *fire.children) if p.dep_ == "prep" and p.lower_ == "from"
                   for g in p.children if g.dep_ == "pobj"), None)
    if source is not None and source.lemma_.lower() not in _FIRE_FROM:
        return None  # "the police came under fire from residents": criticised
    return TriggerMatch(replace(lexicon.nouns[_GUNFIRE], key="come under fire"), verb, (verb, under, fire), fire,
                        "come under")


# a treaty, a pact or a body of states a party leaves: "will withdraw the country from the trade
# pact", "pulled out of the nuclear deal", "quit the alliance" (PLOVER SANCTION/withdraw), not
# troops withdrawn from a town (RETREAT)
_PACTS = frozenset("treaty agreement deal accord pact partnership alliance convention organization organisation "
                   "union bloc coalition protocol compact".split())  # fmt: skip
_LEAVING = {"withdraw": ("from",), "pull out": ("of", "from"), "exit": (), "quit": (), "leave": ()}
PACT_LEFT = TriggerSpec(key="leave a pact", type="SANCTION", mode="withdraw", cameo="16")


# verbs of throwing: what is thrown at someone ("hurled stones at police") is aimed at them
THROWING_VERBS = frozenset({"throw", "hurl", "fling", "lob", "toss", "pelt"})


def aimed_off_the_object(verb: Token, objs: list[Token]) -> list[Token]:
    """The "at" the parser hung on what was thrown rather than on the verb ("threw a bottle of paint
    at the office"), or on the last of the things thrown, which it may join to the verb ("threw eggs
    and paint at the office": "paint" a second verb)."""
    thrown = [x for o in objs for x in (o, *o.conjuncts)]
    thrown += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    return [p for x in thrown for p in x.children if p.dep_ == "prep" and p.lower_ == "at"]


# jailed for a term: "was jailed for ten years", "imprisoned for life" tell a sentence whoever passed
# it (SANCTION/convict), where "jailed" alone may be a detention (COERCE)
_JAILING = frozenset({"jail", "imprison", "gaol"})
_TERMS = frozenset({"year", "month", "week", "life", "decade"})
JAILED_FOR_A_TERM = TriggerSpec(key="jailed for a term", type="SANCTION", mode="convict", acled="Other")


def _jailed_for_a_term(verb: Token, lemma: str, preps: list[Token]) -> TriggerMatch | None:
    if lemma not in _JAILING:
        return None
    for p in preps:
        if p.lower_ == "for" and any(g.dep_ == "pobj" and g.lemma_.lower() in _TERMS for g in p.children):
            return TriggerMatch(JAILED_FOR_A_TERM, verb, (verb,))
    return None


# parties that "joined forces" (the bare plural: one who joined "the police force" took a job)
JOINED_FORCES = TriggerSpec(key="join forces", type="COOPERATE")


def _bare_forces(obj: Token) -> bool:
    return obj.lower_ == "forces" and not any(c.dep_ in ("det", "poss", "compound", "amod", "nummod") for c in obj.children)


# forces readied: "put the army on high alert", "troops were placed on maximum alert"
_PUTTING = frozenset({"put", "place"})
PUT_ON_ALERT = TriggerSpec(key="put on alert", type="MOBILIZE", mode="police", acled="Change to group/activity")


def _put_on_alert(verb: Token, lemma: str, preps: list[Token]) -> TriggerMatch | None:
    if lemma not in _PUTTING:
        return None
    for p in preps:
        alert = next((g for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() == "alert"), None)
        if p.lower_ == "on" and alert is not None:
            return TriggerMatch(PUT_ON_ALERT, verb, (verb, p, alert))
    return None


def _pact_left(verb: Token, lemma: str, prts: list[Token], objs: list[Token], preps: list[Token]) -> TriggerMatch | None:
    # "pulled out of the deal": the parser may make "out" a preposition with "of" under it
    out = next((p for p in preps if p.lower_ == "out"), None)
    if out is not None and not prts:
        prts, preps = [out], [*preps, *(g for g in out.children if g.dep_ == "prep")]
    key = f"{lemma} {prts[0].lower_}" if prts else lemma
    ways = _LEAVING.get(key)
    if ways is None:
        return None
    left = [g for p in preps if p.lower_ in ways for g in p.children if g.dep_ == "pobj"] if ways else list(objs)
    for pact in left:
        words = noun_forms(pact) | {c.lemma_.lower() for c in pact.children if c.dep_ in ("compound", "amod")}
        if words & _PACTS:
            return TriggerMatch(PACT_LEFT, verb, (verb, *prts))
    return None


# what a patrol or a passer-by runs into: "struck an IED", "stepped on a landmine", "the truck
# exploded on a mine"; the one who does so is the target (whoever laid it, if named, the source)
_LAID_WEAPONS = frozenset("mine landmine ied bomb".split())
_MEETING = {"hit": ("dobj",), "strike": ("dobj",), "trigger": ("dobj",), "step": ("on",), "tread": ("on",),
            "run": ("over", "into"), "drive": ("over", "into"), "explode": ("on",), "detonate": ()}  # fmt: skip
MET_A_MINE = TriggerSpec(key="met a mine", type="ASSAULT", mode="explosives", acled="Remote explosive/landmine/IED", target_acts=True)


# a charge with sticks, as police in South Asia break up crowds: "police baton-charged the traders",
# "lathi-charged the crowd" (PLOVER ASSAULT/beat; ACLED by whom it hit)
BATON_CHARGE = TriggerSpec(key="baton charge", type="ASSAULT", mode="beat", acled="by_target")
_STICKS = frozenset({"baton", "lathi", "cane", "truncheon"})


def _baton_charge(verb: Token, lemma: str) -> TriggerMatch | None:
    """"baton-charged", "baton charged", "lathi-charged": the stick written before the verb (the
    parser may make it the subject, "lathi" of "Police lathi-charged")."""
    if lemma != "charge" or verb.i < 1:
        return None
    before = verb.doc[verb.i - 2] if verb.i >= 2 and verb.doc[verb.i - 1].text == "-" else verb.doc[verb.i - 1]
    return TriggerMatch(BATON_CHARGE, verb, (before, verb)) if before.lower_ in _STICKS else None


def _met_a_mine(verb: Token, objs: list[Token], preps: list[Token]) -> TriggerMatch | None:
    ways = _MEETING.get(verb.lemma_.lower())
    # ("was killed after stepping on a mine": a gerund of the one it befell)
    stepping = verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "advcl")
    if not ways or not any(c.dep_ == "nsubj" for c in verb.children) and not stepping:
        return None  # (passive "was hit by a roadside bomb" is the instrument's reading)
    met = [o for o in objs if "dobj" in ways] + [g for p in preps if p.lower_ in ways for g in p.children if g.dep_ == "pobj"]
    for noun in met:
        lemma = noun.lemma_.lower()
        if lemma in _LAID_WEAPONS or (lemma == "device" and any(c.lemma_.lower() in ("explosive", "improvised") for c in noun.children)):
            return TriggerMatch(MET_A_MINE, verb, (verb, noun), noun)
    return None


# ground taken told from the side of what was lost: "the town fell to the rebels", "fell into rebel
# hands", "the army lost control of the district to the insurgents". The taker is the object of "to"
# or whose the hands were (``taker_of_ground_lost``); a share that "fell to 3 %" names no armed side.
GROUND_LOST_TO = "ground lost to"
_GROUND_LOST = TriggerSpec(key=GROUND_LOST_TO, type="FIGHT", mode="occupy", acled="territory")


def _ground_lost_to(verb: Token, lemma: str, objs: list[Token], preps: list[Token], is_place) -> TriggerMatch | None:
    if lemma == "fall":
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or not _is_place_object(subj, is_place):
            return None
    elif lemma != "lose" or not any(o.lemma_.lower() == "control" for o in objs):
        return None
    taker = taker_of_ground_lost(verb)
    return None if taker is None else TriggerMatch(_GROUND_LOST, verb, (verb, taker.head))


def taker_of_ground_lost(verb: Token) -> Token | None:
    """The armed side ground fell to: the object of "to" ("fell to the rebels"), or whose hands it fell
    into ("into the hands of the militants", "into rebel hands")."""
    for p in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")):
        for pobj in (c for c in p.children if c.dep_ == "pobj"):
            if pobj.lemma_.lower() == "hand":
                # ("into rebel hands": the hands stand for their side, told by their modifier)
                pobj = next((g for of in pobj.children if of.dep_ == "prep" and of.lower_ == "of"
                             for g in of.children if g.dep_ == "pobj"), pobj)
            if _armed_side(pobj):
                return pobj
    return None


def _armed_side(tok: Token) -> bool:
    """Is ``tok`` an armed side by its words or its compounds ("the rebels", "jihadist fighters",
    "rebel hands"), or a named group or nation ("Ostland", "the Kelmo Liberation Front")?"""
    words = noun_forms(tok) | {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")}
    return bool(words & _ARMED_SIDES) or tok.ent_type_ in ("ORG", "NORP", "GPE")


# people set alight are attacked (by a crowd, ACLED's mob violence), never in a clash, and no property destroyed
SET_PEOPLE_ALIGHT = TriggerSpec(key="set alight", type="ASSAULT", mode="primitive", acled="Attack")


def _set_alight(verb: Token, lemma: str, objs: list[Token], lexicon: Lexicon) -> TriggerMatch | None:
    """Something set ablaze, alight or aflame ("set two cars ablaze", "set the school alight", "set
    alight the shops") is burnt as "set fire to" it is; people so burnt ("set alight two suspected
    thieves") are attacked. Oneself set alight is a protest (``_self_immolation``, read before)."""
    if lemma != "set" or "set fire" not in lexicon.verbs:
        return None
    # (the parser may hang the word on what was set alight: "set several houses ablaze", or make that
    # a compound of the word: "set the school alight")
    words = [t for c in verb.children for t in (c, *c.children) if t.lower_ in _ALIGHT_WORDS - {"fire"}]
    burnt = [o for o in objs if o.lower_ not in _ALIGHT_WORDS]
    burnt += [c for w in words for c in w.children if c.dep_ == "compound"]
    if not words or not burnt:
        return None
    people = noun_forms(burnt[0]) & (_SEIZABLE_PEOPLE | {"thief", "suspect", "robber", "witch", "member", "youth"}) \
        or _suspected(burnt[0]) or burnt[0].ent_type_ == "PERSON"
    return TriggerMatch(SET_PEOPLE_ALIGHT if people else lexicon.verbs["set fire"], verb, (verb, words[0]))


def _suspected(noun: Token) -> bool:
    """Is ``noun`` told as suspected of something ("two suspected kidnappers", "an alleged thief")?
    Only people are."""
    return any(c.dep_ == "amod" and c.lower_ in ("suspected", "alleged") for c in noun.children)


# an assault or abuse told as sexual ("sexually assaulted a girl", "sexually abused two women"): ACLED's
# sexual violence, not an attack
SEXUAL_VIOLENCE = TriggerSpec(key="sexually assault", type="ASSAULT", mode="sexual", acled="Sexual violence")
_SEXUAL_ACTS = frozenset({"assault", "abuse", "attack", "violate", "molest"})

# setting oneself on fire: a protest by the one who did (ACLED's peaceful protest), no destruction
SELF_IMMOLATION = TriggerSpec(key="set oneself on fire", type="PROTEST", mode="demo", acled="Peaceful protest")
_ALIGHT_WORDS = frozenset({"fire", "ablaze", "alight", "aflame"})


def _self_immolation(verb: Token, lemma: str, objs: list[Token]) -> TriggerMatch | None:
    """"set himself on fire", "set herself ablaze" (not "burned himself while cooking")."""
    selves = [o for o in objs if o.pos_ == "PRON" and o.lower_.endswith(_REFLEXIVE_ENDINGS)]
    if not selves or lemma != "set":
        return None
    alight = any(t.lower_ in _ALIGHT_WORDS for c in verb.children if c not in selves for t in c.subtree)
    return TriggerMatch(SELF_IMMOLATION, verb, (verb, selves[0])) if alight else None


# blowing oneself up is a suicide bombing, whoever is said to have done it: "the attacker blew himself up
# at the gate", "a man detonated himself among the worshippers" (ACLED's suicide bomb, not a remote device)
SUICIDE_BLAST = TriggerSpec(key="blow oneself up", type="ASSAULT", mode="suicide-attack", acled="Suicide bomb")
_BLOWING_UP = frozenset({"blow", "detonate", "explode"})


def _blew_oneself_up(verb: Token, lemma: str, objs: list[Token]) -> TriggerMatch | None:
    selves = [o for o in objs if o.pos_ == "PRON" and o.lower_.endswith(_REFLEXIVE_ENDINGS)]
    if not selves or lemma not in _BLOWING_UP:
        return None
    if lemma == "blow" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return None  # "blew himself a kiss"
    return TriggerMatch(SUICIDE_BLAST, verb, (verb, selves[0]))


# what tells that one who killed themself with others did it with explosives on their body
_SUICIDE_MARKS = frozenset("explosive bomb bomber vest belt".split())


def _killed_oneself_and_others(verb: Token, lemma: str, objs: list[Token]) -> TriggerMatch | None:
    """One who killed themself and others, told with explosives, blew themself up: "a girl strapped
    with explosives killed herself and six others", "the bomber killed himself and two guards"
    (a gunman who killed himself and others is no bomber)."""
    if lemma != "kill":
        return None
    selves = [o for o in objs if o.pos_ == "PRON" and o.lower_.endswith(_REFLEXIVE_ENDINGS) and o.conjuncts]
    if not selves:
        return None
    doer = _subject_of(verb)
    told = [*(doer.subtree if doer is not None else ()), *(t for c in verb.children if c.dep_ == "prep" for t in c.subtree)]
    if not any(t.lemma_.lower() in _SUICIDE_MARKS for t in told):
        return None
    return TriggerMatch(SUICIDE_BLAST, verb, (verb, selves[0]))


def _fought_each_other(spec: TriggerSpec, objs: list[Token], preps: list[Token]) -> TriggerSpec:
    """Violence the doers did to each other is a fight between them: "rebels and soldiers fired at
    each other", "two militias attacked one another" (ACLED's armed clash; crowds' is mob violence)."""
    if spec.type not in VIOLENT or spec.acled not in ("by_target", "Attack"):
        return spec
    aimed = [*objs, *(c for p in preps for c in p.children if c.dep_ == "pobj")]
    if not any(_reciprocal(t) for t in aimed):
        return spec
    return replace(spec, type="FIGHT", acled="Armed clash", cameo=None)


def _sides_engaged(verb: Token, objs: list[Token]) -> set[str]:
    """What the sides of a verb done to "each other" are (its subject and the subject's conjuncts:
    "fighters and army units engaged each other"); none without a reciprocal object."""
    if not any(_reciprocal(o) for o in objs):
        return set()
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return set() if subject is None else _phrase_lemmas([subject, *subject.conjuncts], [])


_RECIPROCALS = frozenset({"each other", "one another"})


def _reciprocal(tok: Token) -> bool:
    """Is ``tok``'s phrase "each other" or "one another" (the parser may head it by either word)?"""
    return " ".join(t.lower_ for t in tok.subtree) in _RECIPROCALS


def _suicide_device_set_off(verb: Token, lemma: str, objs: list[Token], lexicon: Lexicon) -> TriggerMatch | None:
    """A suicide vest or belt set off by its wearer ("a woman detonated her explosive belt at the
    checkpoint"): a suicide bombing, as the wearer blowing themself up is (not a remote blast)."""
    if lemma not in _BLOWING_UP:
        return None
    for obj in objs:
        found = _noun_key(obj, lexicon)
        if found and lexicon.nouns[found[0]].acled == "Suicide bomb":
            return TriggerMatch(lexicon.nouns[found[0]], verb, (verb, *found[1]), obj)
        if _carried_charge(verb, obj):
            return TriggerMatch(SUICIDE_BLAST, verb, (verb, obj))
    return None


def _carried_charge(verb: Token, obj: Token) -> bool:
    """Is the device one person's own, set off by them ("the bomber detonated his explosives", "she
    blew up her device at the gate")? One who sets off the charge they carry dies with it; "their
    bomb" may be a group's, set off from afar."""
    return (verb.dep_ != "xcomp" and obj.dep_ == "dobj" and obj.lemma_.lower() in _DEVICES
            and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in obj.children))


# a device destroyed by those who dispose of it: "the bomb was safely detonated by sappers", "deminers
# blew up the mine", "destroyed the explosives in a controlled explosion" (ACLED's disrupted weapons
# use, as a device defused is), not a blast; engineers who blow up a bridge destroy no device
_DISPOSING = frozenset({"blow", "detonate", "explode", "destroy"})
_DEVICES = frozenset("bomb device explosive ied mine landmine shell ordnance grenade uxo munition".split())
_DISPOSERS = frozenset("sapper deminer squad eod expert technician engineer".split())
_SAFE_WAYS = frozenset({"safely", "controlled"})


def _device_disposed_of(verb: Token, lemma: str, objs: list[Token], lexicon: Lexicon) -> TriggerMatch | None:
    # ("a device was found and safely detonated": the second verb's device is the first's subject)
    things = objs or [c for c in verb.head.children if c.dep_ == "nsubjpass"] if verb.dep_ == "conj" else objs
    if lemma not in _DISPOSING or not any(noun_forms(o) & _DEVICES for o in things):
        return None
    doer = agent_of(verb) or _subject_of(verb)
    disposer = doer is not None and bool(noun_forms(doer) & _DISPOSERS)
    safely = any(t.lower_ in _SAFE_WAYS for c in verb.children if c.dep_ in ("advmod", "prep") for t in c.subtree)
    if not disposer and not safely:
        return None
    return TriggerMatch(replace(lexicon.verbs["defuse"], key="dispose of a device"), verb, (verb,))


# what a bomb left where it will go off is told as: "left a rucksack with explosives at the market",
# "left a nail bomb by the town hall" (not a device or a mine, which may be a phone or a workplace
# one leaves). "leave" keeps no reading of its own: "the attacks left 130 dead" is told by its subject.
_BOMBS = frozenset({"bomb", "explosive", "ied", "landmine", "grenade"})
BOMB_LEFT = "leave a bomb"


def _bomb_left(verb: Token, lemma: str, objs: list[Token], preps: list[Token], lexicon: Lexicon) -> TriggerMatch | None:
    # (the parser may hang what the thing left holds on the verb: "left a rucksack | with explosives")
    if lemma != "leave" or not _phrase_lemmas(objs, [p for p in preps if p.lower_ == "with"]) & _BOMBS:
        return None
    return TriggerMatch(replace(lexicon.verbs["place"], key=BOMB_LEFT), verb, (verb,))


# people missing since they were taken: "went missing after being taken by armed men", "disappeared
# after being detained by police", "have been missing since they were seized by gunmen"
FORCED_DISAPPEARANCE = TriggerSpec(key="missing after being taken", type="ASSAULT", mode="abduct",
                                   acled="Abduction/forced disappearance")
_TAKING = frozenset("take seize abduct kidnap detain arrest grab capture pick".split())


def _taken_before_missing(verb: Token, lemma: str) -> TriggerMatch | None:
    """Someone gone missing after being taken by someone named is an abduction or a forced
    disappearance: the act is the taking, by its "by" doer (not an arrest, nor missing alone)."""
    # ("went missing": the parser may make "missing" the verb's complement or a clause of its own)
    missing = lemma in ("disappear", "vanish") or lemma == "go" and any(
        c.dep_ in ("acomp", "advcl", "xcomp", "oprd") and c.lower_ == "missing" for c in verb.children) \
        or verb.lower_ == "missing"  # fmt: skip
    if not missing:
        return None
    clauses = [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("after", "since") for g in p.children
               if g.dep_ == "pcomp"]  # fmt: skip
    clauses += [c for c in verb.children
                if c.dep_ == "advcl" and any(m.lower_ in ("after", "since") for m in c.children)]  # fmt: skip
    taken = next((c for c in clauses if c.lemma_.lower() in _TAKING and _taken_by_force(agent_of(c))), None)
    return None if taken is None else TriggerMatch(FORCED_DISAPPEARANCE, taken, (verb, taken))


# who takes people away by force: armed men, forces, men no one knows (not "her father", "a friend")
_ABDUCTORS = frozenset("gunman gunmen armed masked unknown unidentified militant kidnapper abductor rebel insurgent "
                       "jihadist bandit fighter assailant police policeman officer soldier troop army force military "
                       "security agent".split())  # fmt: skip


def _taken_by_force(agent: Token | None) -> bool:
    if agent is None:
        return False
    words = noun_forms(agent) | {c.lemma_.lower() for c in agent.children if c.dep_ in ("amod", "compound")}
    return bool(words & _ABDUCTORS)


# a crowd coming together, and what it came together for: "villagers gathered outside the
# governor's office to demand water", "workers came out on the roads, demanding their wages"
_GATHERING = frozenset({"gather", "assemble", "congregate", "converge", "mass", "flock", "come out", "turn out", "sit"})
_CROWD_PURPOSES = frozenset("demand protest denounce condemn reject oppose call urge press chant voice express show "
                            "demonstrate decry criticise criticize pressure petition appeal "
                            "commemorate".split())  # fmt: skip
_CROWD_CAUSES = frozenset({"protest", "solidarity", "support", "opposition", "defiance", "defence", "defense"})
GATHERED_TO_DEMAND = TriggerSpec(key="gathered to demand", type="PROTEST", mode="demo", acled="Peaceful protest")
PROTEST_ACTION = TriggerSpec(key="protest action", type="PROTEST", mode="demo", acled="Peaceful protest")


def _gathered_to_demand(verb: Token, lemma: str, prts: list[Token]) -> TriggerMatch | None:
    """A gathering told with what it demanded or stood for is a protest, whoever gathered ("residents
    gathered outside the town hall to demand water", "in solidarity with the strikers")."""
    if lemma not in _GATHERING and not any(f"{lemma} {p.lower_}" in _GATHERING for p in prts):
        return None
    return TriggerMatch(GATHERED_TO_DEMAND, verb, (verb,)) if _told_with_a_cause(verb) else None


def _told_with_a_cause(word: Token) -> bool:
    """Is ``word`` (a gathering's verb, an action's noun) told with what it demanded or stood for: a
    clause of demanding or protesting ("to demand water", "demanding wages"), or a cause it was in
    or against ("in support of the strikers", "against the closure")?"""
    # the parser may hang "to demand" off the place they gathered at ("in front of the depot to demand")
    # ("gathered outside the hotel and voiced their rejection": the purpose told as the crowd's next act)
    purposes = [t for t in word.subtree if t.lemma_.lower() in _CROWD_PURPOSES and (
        t.dep_ in ("advcl", "xcomp", "acl", "conj") and t.head == word
        or t.dep_ == "acl" and t.head.dep_ == "pobj" and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children))]
    if purposes:
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("in", "against") and any(
        g.lemma_.lower() in _CROWD_CAUSES or c.lower_ == "against" for g in c.children if g.dep_ == "pobj")
        for c in word.children)  # fmt: skip


# what a crowd holds or stages that is a protest only with its cause: "held an action in support of
# the prisoners", "staged an action demanding lower tariffs" (not "took legal action", "military action")
_ACTION_VERBS = frozenset({"hold", "stage", "organize", "organise", "do", "join"})
# taking part: "took part in an action against the quarry", "participated in an action"
_TAKING_PART = frozenset({"take", "participate"})
_ACTION_KINDS = frozenset("military legal police disciplinary court judicial punitive armed joint collective "
                          "industrial".split())  # fmt: skip


def _action_with_a_cause(verb: Token, lemma: str, objs: list[Token]) -> TriggerMatch | None:
    """An "action" (or a flash mob) held or staged for a cause is a protest action, as translated
    reports name one ("about fifty people held an action in support of the detained", "staged an
    action against the closure of the clinic"); an action of a kind ("a military action") or taken is none."""
    if lemma in _TAKING_PART:
        objs = [g for p in _part_in(verb, lemma) for g in p.children if g.dep_ == "pobj"]
    elif lemma not in _ACTION_VERBS:
        return None
    for obj in objs:
        if not _held_for_a_cause(obj) or any(c.lemma_.lower() in _ACTION_KINDS for c in obj.children):
            continue
        if _told_with_a_cause(obj) or _told_with_a_cause(verb) or _of_protest(obj):
            return TriggerMatch(PROTEST_ACTION, verb, (verb, obj), obj)
    return None


def _held_for_a_cause(obj: Token) -> bool:
    """Is ``obj`` what a crowd holds that is a protest only with its cause: an "action", or a flash
    mob ("students held a flash mob demanding lower fees"; a flash mob of dancers at a mall is none)?"""
    lemma = obj.lemma_.lower()
    return lemma == "action" or lemma == "mob" and any(c.dep_ in ("compound", "amod") and c.lower_ == "flash"
                                                       for c in obj.children)  # fmt: skip


def _part_in(verb: Token, lemma: str) -> list[Token]:
    """The "in" of taking part ("took part in", "participated in"), on the verb or on "part"."""
    holders = [verb]
    if lemma == "take":
        holders += [o for o in verb.children if o.dep_ == "dobj" and o.lower_ == "part"]
        if len(holders) == 1:
            return []  # "took the action": no part taken
    return [p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "in"]


def _of_protest(action: Token) -> bool:
    """"an action of protest", "an action of solidarity": the action is named a protest."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(g.lemma_.lower() in _CROWD_CAUSES for g in p.children)
               for p in action.children)  # fmt: skip


_CONCURRING = frozenset({"agree", "concur"})
# what one holds, not what one settles with another
_VIEWS = frozenset(
    "conclusion assessment view finding analysis opinion sentiment assertion argument diagnosis estimate "
    "interpretation characterization characterisation premise notion need idea point observation belief".split()
)


def _with_a_view(verb: Token) -> bool:
    """Is the agreeing sharing a view ("agrees with the agency's conclusion", "concurred with
    the assessment", "agreed that the plan was a good idea")? That is an opinion held alike, no
    agreement between parties."""
    return any(p.dep_ == "prep" and p.lower_ == "with" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in _VIEWS for o in p.children) for p in verb.children) or any(
        c.dep_ == "ccomp" and _tells_what_is(c) for c in verb.children)  # fmt: skip


def _tells_what_is(clause: Token) -> bool:
    """Is the clause a judgement of how things are ("that the plan is a good idea", "offences
    are a major problem"), not what anyone will do?"""
    return clause.lemma_.lower() == "be" and any(c.dep_ in ("attr", "acomp") for c in clause.children)


def _forecast(verb: Token, lexicon: Lexicon) -> bool:
    """Is the warning a forecast: that there will be what no one threatens ("warned that there
    would be delays at the airport")? Told so, it is a threat only when what there will be is
    what a threat is of, as for "warn of" ("warned that there would be consequences")."""
    threats = lexicon.verbs["warn of"].objects if "warn of" in lexicon.verbs else frozenset()
    for clause in verb.children:
        if clause.dep_ == "ccomp" and clause.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in clause.children):
            told = [c for c in clause.children if c.dep_ in ("attr", "nsubj", "acomp")]
            return not any(noun_forms(w) & threats for w in told)
    return False


def lost_a_life(verb: Token) -> bool:
    """Is ``verb`` a death told as a life lost ("two policemen lost their lives in an ambush")?"""
    return verb.lemma_.lower() == "lose" and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in verb.children)


def _by_instrument(verb: Token, lemma: str, lexicon: Lexicon) -> TriggerMatch | None:
    """A verb that is no event by itself but is one by the weapon it names: "the school was
    damaged by artillery fire", "the town was hit by mortar rounds"."""
    if lemma not in lexicon.instrument_verbs:
        return None
    inst = _instrument(verb, lexicon)
    if inst is None:
        return None
    noun_key, noun_tokens, noun = inst
    return TriggerMatch(_noun_spec(noun_key, noun, lexicon), verb, (verb, *noun_tokens), noun)


FOUND_KILLED = "found killed"  # the key of that reading: who found the dead did not kill them
_DENYING_VERBS = frozenset({"deny", "dispute", "refute"})


def _denial(verb: Token) -> TriggerMatch | None:
    """Denying that something is so ("the army denied that it had shelled the town", "denies
    claims that ..."): a rejection of what others said (PLOVER REJECT); the act denied is read
    on its own, as negated."""
    if verb.lemma_.lower() not in _DENYING_VERBS or not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    return TriggerMatch(TriggerSpec(key=f"{verb.lemma_.lower()} that", type="REJECT"), verb, (verb,))


_DENIALS = frozenset(f"{v} that" for v in _DENYING_VERBS)
# a party's charges another denies or rejects: "Qatar denied Amnesty's claims", "rejected the
# opposition's accusations"; the charges were made (an ACCUSE by their owner at the one denying)
CHARGE_DENIED = "charge denied"
_ACCUSING_NOUNS = frozenset("claim accusation allegation".split())  # ("charges" may be fees)
_REBUTTING_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebut"})


def _charge_denied(noun: Token) -> TriggerMatch | None:
    """An accusation told as what a party denied, with whose it was ("denied Amnesty's claims")."""
    if noun.head.lemma_.lower() not in _REBUTTING_VERBS or noun.head.pos_ != "VERB":
        return None
    if not any(c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") for c in noun.children):
        return None  # "denied the claims": whose they were is not told
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in noun.children):
        return None  # "the insurer's claim for damages": a claim to money
    return TriggerMatch(TriggerSpec(key=CHARGE_DENIED, type="ACCUSE", mode="disapprove"), noun, (noun,), noun)


_FINDING_VERBS = frozenset({"find", "discover", "recover", "dump", "retrieve", "exhume", "throw", "abandon"})
_REMAINS = frozenset({"body", "corpse", "remains", "remain", "skeleton"})
# a head found is a body's part only when said to be one ("a human head", "a severed head")
_PARTS = frozenset({"head", "limb", "torso"})
_PART_MARKS = frozenset({"human", "severed", "male", "female"})
# what tells that the dead were killed: wounds, binding, mutilation, a body disposed of
_VIOLENT_DEATH = re.compile(
    r"\b(?:gunshot|bullets?|firearms?|shot|stab(?:bed|bing|s)?|tortur\w*|mutilat\w*|dismember\w*|decapitat\w*|"
    r"behead\w*|strangl\w*|hacked|machetes?|tied|bound and|wrapped in|(?:in|inside)\s+(?:an?\s+)?(?:plastic\s+)?(?:bags?|sacks?)|plastic bags?|bullet-riddled|"
    r"(?:bags?|sacks?|barrels?|suitcases?) (?:(?:that|which) (?:contained|held|had) |containing|with|of|holding|"
    r"filled with)|"
    r"execution-style|signs of violence|blindfolded|gagged|handcuffed|slit|severed|burnt|burned|charred|"
    r"mass graves?)\b", re.I)


def _remains(tok: Token) -> bool:
    """Is the word the dead or what is left of them: "the body", "remains", "a dead man", "a
    severed head"?"""
    lemma = tok.lemma_.lower()
    marks = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
    return lemma in _REMAINS or bool(marks & {"dead", "lifeless"}) or (lemma in _PARTS and bool(marks & _PART_MARKS))


def the_dead(verb: Token) -> Token | None:
    """Who was found dead: "a man was found", "the body of a woman" (the one it was)."""
    found = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None) or subject_in_setting(verb)
    if found is not None and (found.lemma_.lower() in _REMAINS or found.lemma_.lower() in _PARTS):
        return next((g for p in found.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"), None)  # fmt: skip
    return found


def _found_killed(verb: Token) -> TriggerMatch | None:
    """The dead found with the marks of a killing: "a man was found dead with gunshot wounds",
    "the bound body of a woman was recovered; she had been stabbed" (the marks may be told in
    the next sentence). A killing by persons unknown; a body found with no such mark may be
    any death, and is left."""
    if verb.lemma_.lower() not in _FINDING_VERBS:
        return None
    found = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    if not found and (lost := subject_in_setting(verb)) is not None:
        found = [lost]  # "On 2 May, in Tarvo, Kelmo, the body of a man was found": parsed into the place list
    if not found and _died_and_found(verb):
        found = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "a man died and was found": the one who died
    sent = verb.sent
    after = sent.doc[sent.end].sent if sent.end < len(sent.doc) else None
    told = sent.text if after is None else sent.text + " " + after.text
    dead = any(c.dep_ in ("oprd", "acomp", "advcl", "xcomp") and c.lower_ == "dead" for c in verb.children) \
        or _died_and_found(verb) or (after is not None and any(_remains(t) for t in after))  # fmt: skip
    # (what was found may hold the dead: "bags containing human remains were found")
    if not found or not (dead or any(_remains(t) for c in found for t in c.subtree)):
        return None
    if not _VIOLENT_DEATH.search(told) and not any(c.lemma_.lower() in _PARTS for c in found):
        return None  # (a head or a limb found is a mark of the killing itself)
    spec = TriggerSpec(key=FOUND_KILLED, type="ASSAULT", mode="firearms", acled="Attack")
    return TriggerMatch(spec, verb, (verb, *(c for c in verb.children if c.lower_ == "dead")))


def _died_and_found(verb: Token) -> bool:
    """Is the finding told with the death, one subject for both: "a man died and was found wrapped in
    a blanket"?"""
    return verb.dep_ == "conj" and verb.head.lemma_.lower() == "die" or any(
        c.dep_ == "conj" and c.lemma_.lower() == "die" for c in verb.children)


# Verbs of talking that are a consultation when both parties are their subject.
_TALKING_VERBS = frozenset({"speak", "talk", "confer"})
_PHONES = frozenset({"phone", "telephone", "videoconference", "video"})


def _conversation(verb: Token) -> TriggerMatch | None:
    """Two parties told as talking together: "the two ministers spoke on Monday", "Kelmo and
    his counterpart also talked". Talking to someone ("spoke to reporters") or about what
    ("said", "spoke of") is left to the lexicon's keys."""
    if verb.lemma_.lower() not in _TALKING_VERBS:
        return None
    if any(c.dep_ in ("dobj", "ccomp") or c.dep_ == "prep" and c.text.lower() in ("to", "with", "of", "about") for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not _both_parties(subject):
        return None
    by_phone = any(t.lemma_.lower() in _PHONES for c in verb.children if c.dep_ == "prep" for t in c.subtree)
    spec = TriggerSpec(key=f"{verb.lemma_.lower()} together", type="CONSULT", mode="phone" if by_phone else None)
    return TriggerMatch(spec, verb, (verb,))


def _both_parties(subject: Token) -> bool:
    """Does the subject name two parties: "X and Y", "the two leaders", "both sides"?"""
    if any(c.dep_ == "conj" for c in subject.children):
        return True
    return subject.tag_ in ("NNS", "NNPS") and any(
        c.lemma_.lower() in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in subject.children
    )


# Calling something names is disapproving of it: "called the claims indecent", "described the
# recount as a scam", "branded the report a provocation".
TRUCE_UNDONE = "truce undone"  # the key of a ceasefire that fell apart: a RETREAT reversed
_FALLING_APART = frozenset({"collapse", "unravel", "crumble", "break", "fail", "falter"})
TRUCES = frozenset({"ceasefire", "truce", "armistice"})


def names_a_truce(tok: Token) -> bool:
    """"ceasefire", "truce"; "a cease-fire" is tokenised "cease - fire"."""
    return tok.lemma_.lower() in TRUCES or _hyphened_ceasefire(tok)


def _hyphened_ceasefire(tok: Token) -> bool:
    return tok.lower_ == "fire" and any(c.lower_ == "cease" for c in tok.children)


# what one who must do something is told they will otherwise face: "must cease the tests or face
# further action", "leave the country or face arrest"
OR_ELSE = "or else"
_CONSEQUENCES = frozenset("action consequence penalty sanction fine prosecution punishment retaliation arrest charge "
                          "expulsion deportation lawsuit".split())  # fmt: skip


def _or_else(verb: Token) -> TriggerMatch | None:
    """A THREATEN told as the other branch of what someone must do: "said the firm must cease the
    tests or face further action" (the one who must is threatened: its subject is the target)."""
    if verb.lemma_.lower() != "face" or verb.dep_ != "conj" or verb.head.i == verb.i:
        return None
    if not any(c.dep_ == "cc" and c.lower_ == "or" for c in (*verb.head.children, *verb.children)):
        return None
    faced = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _CONSEQUENCES), None)
    if faced is None:
        return None
    mode = "arrest" if faced.lemma_.lower() == "arrest" else None
    return TriggerMatch(TriggerSpec(key=OR_ELSE, type="THREATEN", mode=mode, cameo="13", target_acts=True), verb, (verb, faced))


def _truce_undone(verb: Token) -> TriggerMatch | None:
    """A ceasefire that collapsed, unravelled or broke down: the ceasefire (PLOVER RETREAT) undone,
    which the coder marks as reversed."""
    lemma = verb.lemma_.lower()
    if lemma not in _FALLING_APART or lemma == "break" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    # "a cease-fire" is tokenised "cease - fire"
    named = names_a_truce(subject)
    if not named:
        return None
    return TriggerMatch(TriggerSpec(key=TRUCE_UNDONE, type="RETREAT", mode="ceasefire", cameo="08"), verb, (verb,))


# Verbs by which one party bids another do something: "wants Ostland to act", "pushed the
# government to raise rates", "encouraged both sides to return to talks"
_BIDDING_VERBS = frozenset({"want", "push", "encourage"})
_BIDDEN_PRONOUNS = frozenset({"him", "her", "them"})


# what an appeal to the public for money asks for ("asking for donations of $20", "appealed for
# contributions"): a charity's or a campaign's appeal, no party's request of another
_GIFTS = frozenset("donation contribution gift pledge".split())


def _asks_for_gifts(preps: list[Token]) -> bool:
    """Does a request with no one asked ask "for" gifts of money ("asking for donations")?"""
    return any(p.lower_ == "for" and any(o.dep_ == "pobj" and o.lemma_.lower() in _GIFTS for o in p.children)
               for p in preps)


def _absolute(prep: Token) -> bool:
    """Is the preposition an absolute set off by a comma, a "with" whose object is a clause of its
    own ("speaking to the camera, with children walking the halls")? It tells the scene, not whom the
    verb's act was with ("clashed with protesters throwing stones" has no comma and keeps them)."""
    before = prep.doc[prep.i - 1] if prep.i > 0 else None
    return before is not None and before.lower_ == "," and any(
        c.dep_ == "pcomp" and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children) for c in prep.children)


def _bidding(verb: Token) -> TriggerMatch | None:
    """Wanting, pushing or encouraging a party to do something is asking it (PLOVER REQUEST);
    wanting something for oneself ("wants to leave") is not."""
    lemma = verb.lemma_.lower()
    if lemma not in _BIDDING_VERBS:
        return None
    if lemma == "want" and negated(verb):
        return None  # "did not want the militias to take the houses": a fear, asked of no one
    for clause in verb.children:
        if clause.dep_ in ("xcomp", "ccomp") and clause.pos_ in ("VERB", "AUX") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):  # fmt: skip
            party = next((o for o in verb.children if o.dep_ == "dobj"), None) or \
                next((s for s in clause.children if s.dep_ == "nsubj"), None)  # fmt: skip
            # a party, or a person told by a pronoun ("encouraged him to carry out an attack")
            if party is not None and (party.pos_ in ("PROPN", "NOUN") or party.lower_ in _BIDDEN_PRONOUNS):
                return TriggerMatch(TriggerSpec(key=f"{lemma} someone to", type="REQUEST"), verb, (verb,))
    return None


_NAMING_VERBS = frozenset({"call", "describe", "label", "brand", "term", "dub", "characterize", "characterise"})
PEJORATIVES = frozenset(
    "scam fraud hoax lie lies fake nonsense propaganda provocation provocative insult insulting "
    "indecent outrageous shameful disgrace disgraceful unacceptable illegal illegitimate unjust unfair "
    "absurd ridiculous baseless irresponsible reckless betrayal criminal crime cowardly barbaric "
    "despicable inappropriate hostile aggression aggressive terrorist terrorism disaster failure "
    "mistake violation sham farce witch-hunt excuse pretext "
    # what a party's act is called when it wrongs another, as "a violation" is ("a breach of our sovereignty")
    "breach affront travesty "
    # what is said of how someone behaved or how a vote was run
    "rigged careless negligent incompetent corrupt dishonest racist hateful misogynistic "
    # words of blame any speaker uses of a party or its act ("a disappointment", "deplorable")
    "disappointment disappointing appalling deplorable regrettable hypocritical hypocrisy unconstitutional "
    "unlawful shocking scandalous inexcusable unjustified unwarranted arrogant arrogance blackmail "
    "bullying intimidation counterproductive inhumane heinous outrage "
    # what a party's act is called when it is said to punish or hound its opponents ("an act of revenge")
    "revenge vengeance persecution harassment repression "
    # what a party is called to blame it ("branded the protesters traitors", "called them thugs")
    "traitor traitors thug thugs liar liars extremist extremists puppet puppets mercenary mercenaries "
    "saboteur saboteurs criminals hooligan hooligans vandal vandals "
    # and a ruler called a despot's names ("called the late leader a brutal dictator")
    "dictator dictators tyrant tyrants despot despots warmonger warmongers "
    # what a party's offer, plan or act is called when it is found wanting ("called the offer insufficient")
    "insufficient inadequate unworkable unrealistic misguided flawed unreasonable excessive derisory "
    "meaningless worthless pointless unhelpful wrong".split()
)
_NAMING_DEPS = frozenset({"dobj", "oprd", "acomp", "xcomp", "attr", "ccomp"})


def _names_given(verb: Token) -> list[Token]:
    """The words by which ``verb`` (a verb of naming) calls something: "called the offer an
    insult", "described the recount as a scam"."""
    words: list[Token] = []
    for c in verb.children:
        if c.dep_ in _NAMING_DEPS:
            words += [c, *(g for g in c.children if g.dep_ in ("amod", "conj", "compound", "acomp"))]
        # "called the naval drills a breach", "called the court's ruling a travesty": the parser may
        # read what is named as a clause or a predicate and hang the name on it as its object
        if c.dep_ in ("ccomp", "oprd"):
            words += [g for g in c.children if g.dep_ == "dobj" and any(d.dep_ == "det" for d in g.children)]
        # "called the late leader a brutal dictator": or read the name as the object's apposition
        if c.dep_ == "dobj":
            words += [g for g in c.children if g.dep_ == "appos" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in g.children)]
        # "described the recount as a scam": the parser may hang the "as" off the object (and an
        # adjective under it as its modifier: "described the allegations as baseless")
        for prep in (c, *(g for g in c.children if c.dep_ == "dobj")):
            if prep.dep_ == "prep" and prep.text.lower() == "as":
                words += [g for g in prep.children if g.dep_ in ("pobj", "amod")]
        # "described the vote as rigged": the parser may read the participle as a clause marked "as"
        # (or the "as" as its adverb: "described the report as baseless")
        if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ == "as" for m in c.children):
            words.append(c)
    return words + _what_names_are_of(words)


def _what_names_are_of(words: list[Token]) -> list[Token]:
    """What a name given is "of", which carries its blame: "called the arrest an act of revenge",
    "described the raids as a campaign of intimidation"."""
    return [o for w in words if w.pos_ == "NOUN" for p in w.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj"]


_WANTING = frozenset({"want"})


def _wants_it_done(verb: Token, wanted_acts: frozenset[str]) -> bool:
    """Does a party named by a noun want something done to a thing or by another ("the unions want
    the fuel tax scrapped", "the opposition wants the minister to resign")? Wanting a party's act is
    asking for it (REQUEST); whose wish it is, and to whom, the actors say. A wish told by a pronoun
    ("she wants her son to become a doctor") is most often a private one; not wanting an act done
    ("did not want the soldiers to seize the cattle") is a fear, asked of no one."""
    if negated(verb) or not any(s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN") for s in verb.children):
        return False
    return any(_done_by_another(c, wanted_acts) for c in verb.children if c.dep_ == "ccomp")


def _done_by_another(clause: Token, wanted_acts: frozenset[str]) -> bool:
    """A clause of a thing done ("the tax scrapped", which the parser may read as a past tense) or of
    another's act ("the minister to resign"), with its own subject. A subject that is itself an act
    wanted ("wanted the release of its soldiers taken hostage") is read by the verb's own entry."""
    subjects = [s for s in clause.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")]
    if not subjects or any(s.lemma_.lower() in wanted_acts for s in subjects):
        return False
    auxes = [a for a in clause.children if a.dep_ in ("aux", "auxpass")]
    if clause.tag_ in ("VBN", "VBD"):
        return not auxes
    return clause.tag_ == "VB" and any(a.lower_ == "to" for a in auxes)


# verbs that tell what is given after "with": "provided the island with aid", "supplied the militias with rifles"
_FURNISHING = frozenset({"provide", "supply", "furnish", "equip", "arm"})


def _what_sums_are_in(nouns: list[Token], preps: list[Token]) -> list[Token]:
    """What an amount given is told to be "in": "pledged 20 million dollars in aid", "300 million
    euros in grants and loans" (the kind of the gift names the act, not the sum; the parser may hang
    the "in" on the verb)."""
    ins = [p for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ == "in"]
    if any(c.dep_ == "nummod" for n in nouns for c in n.children):
        ins += [p for p in preps if p.lower_ == "in"]
    kinds = [g for p in ins for g in p.children if g.dep_ == "pobj"]
    return kinds + [c for k in kinds for c in k.conjuncts]


def _name_calling(verb: Token) -> TriggerMatch | None:
    """An ACCUSE when what ``verb`` calls something is a pejorative; a SUPPORT when it praises a
    party or its act ("called Ostland's offer a step forward"); else None."""
    words = _names_given(verb)
    if not any(w.lemma_.lower() in PEJORATIVES or w.text.lower() in PEJORATIVES or _joined(w) in PEJORATIVES for w in words):
        named = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return _praised(verb, words, named)
    spec = TriggerSpec(key=f"{verb.lemma_.lower()} names", type="ACCUSE", mode="disapprove")
    return TriggerMatch(spec, verb, (verb,))


# Words of praise a speaker gives a party's act (PLOVER SUPPORT, CAMEO 051 praise or endorse):
# "called the offer a step forward", "said Ostland's stand is appreciated"
_PRAISES = frozenset(
    "progress breakthrough milestone achievement appreciated commendable encouraging admirable courageous "
    "praiseworthy welcome constructive landmark".split()
)
# who may be praised: a party, or an act its possessor or agent names
_PARTY_KINDS = frozenset({"<state>", "<group>", "<national>"})


def _praise_word(tok: Token) -> bool:
    """A word of praise, or one "of" it ("a sign of progress"), or a step forward (either word the
    parser's head)."""
    if tok.lemma_.lower() in _PRAISES or tok.lower_ in _PRAISES:
        return True
    pair = {tok.lemma_.lower(), *(c.lemma_.lower() for c in tok.children if c.dep_ in ("advmod", "npadvmod"))}
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return {"step", "forward"} <= pair or any(_praise_word(g) for g in of)


def _a_partys(tok: Token | None) -> bool:
    """Is ``tok`` a party ("Ostland", "the army") or its act ("Ostland's stand", "the offer by
    the ministry")?"""
    if tok is None:
        return False
    agents = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    owners = [tok, *(c for c in tok.children if c.dep_ in ("poss", "compound")), *agents]
    return any(noun_forms(o) & (_STATE_PEOPLE | _OFFICES) or _subject_kinds(o) & _PARTY_KINDS for o in owners)


def _praised(verb: Token, words: list[Token], praised: Token | None) -> TriggerMatch | None:
    """A SUPPORT when ``words`` praise ``praised``, a party or its act."""
    if not _a_partys(praised) or negated(verb) or not any(_praise_word(w) and not negated(w) for w in words):
        return None
    return TriggerMatch(TriggerSpec(key=f"{verb.lemma_.lower()} praises", type="SUPPORT"), verb, (verb,))


# What a speaker who calls a thing so blames someone for ("said the offer was insulting"); a
# pejorative that only describes ("a disaster", "a terrorist attack") blames no one by itself
JUDGEMENTS = PEJORATIVES - frozenset("disaster failure mistake terrorist terrorism crime".split())
# What a speaker denies a thing is, blaming whoever made it so ("is not acceptable", "not productive")
_PRAISE = frozenset(
    "acceptable productive collaborative constructive fair appropriate legal legitimate justified "
    "helpful credible honest serious satisfied reasonable".split()
)
# Wrongs a speaker says someone does: "said Ostland was violating the truce"
_WRONGS = frozenset("violate breach flout rig mislead lie cheat sabotage undermine betray smear destabilise "
                    "destabilize meddle".split())  # fmt: skip
# verbs that tell a wrong as aimed at, and harm that is a wrong only when aimed at ("said the rebels were
# trying to wreck the talks"; "the storm wrecked the road" is no one's wrong)
_ATTEMPTING = frozenset({"try", "attempt", "seek", "plot", "scheme", "conspire"})
_AIMED_WRONGS = _WRONGS | frozenset("wreck derail provoke".split())


# Verbs that put a case rather than tell news ("argued that the offer was unfair", "the inquiry
# concluded that the police had been negligent"): no event by themselves, but a judgement of
# blame or a demand put so is one, as when said
ARGUING_VERBS = frozenset(
    "argue contend maintain assert insist reiterate repeat stress emphasise emphasize conclude imply".split()
)
# verbs of holding something true, through which a speaker's judgement is told ("said he believed
# the group was behind the coup")
_BELIEVING = frozenset("believe think feel know suspect".split())


def reported_clauses(verb: Token) -> list[Token]:
    """The clauses a speaker's verb reports: its complements, and theirs when one is what the
    speaker believes or thinks ("reiterated that he believes the group was behind the coup")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return clauses + [g for c in clauses if c.lemma_.lower() in _BELIEVING for g in c.children if g.dep_ == "ccomp"]


def _judgement(verb: Token, lexicon: Lexicon) -> TriggerMatch | None:
    """An ACCUSE when what ``verb`` (a reporting verb) reports is a judgement of blame: a thing
    called unacceptable, insulting, a scam, or not acceptable, not fair; or a wrong someone does
    ("said the rebels were violating the truce")."""
    for clause in reported_clauses(verb) + _quoted_fragments(verb):
        preds = [c for c in clause.children if c.dep_ in ("acomp", "attr", "oprd")] + _said_of_a_party(clause)
        if clause.pos_ in ("ADJ", "NOUN"):
            preds.append(clause)  # a judgement said with no verb: '"Totally unacceptable," the minister said'
        preds += [g for p in preds for g in p.children if g.dep_ in ("conj", "amod")]
        negative = any(negated(w) for w in (clause, *preds))
        wrong = clause.lemma_.lower() in _WRONGS or _attempts_a_wrong(clause) or _blames(clause) \
            or _failed_duty(clause, lexicon)  # fmt: skip
        if any(_lemma(w) in JUDGEMENTS or (negative and _lemma(w) in _PRAISE) for w in preds) or (
                wrong and not negative and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)):  # fmt: skip
            return TriggerMatch(TriggerSpec(key=f"{verb.lemma_.lower()} judges", type="ACCUSE", mode="disapprove"), verb, (verb,))
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # ("said the offer was a step forward": the parser may make the step the adverb's); the
        # clause's verb praises only as a passive ("is appreciated"): "said he welcomed the deal"
        # is the welcome, read by its own verb
        steps = [c for c in clause.children if c.dep_ == "advmod"]
        passive = any(c.dep_ == "auxpass" for c in clause.children)
        praise = None if negative else _praised(verb, [*([clause] if passive else []), *preds, *steps], subject)
        if praise is not None:
            return praise
    return None


# what a speaker says a party did not do that it should have: "said the ministry failed to protect
# the villages", "said the rebels were failing to respect the truce" (not a driver who "failed to
# stop", nor a team that "failed to score"; an act of its own failed, "failed to capture the
# town", is that act, negated)
_FAILING = frozenset({"fail", "neglect"})
_OFFICES = frozenset("government ministry minister president administration regime cabinet party opposition "
                     "rebel leader lawmaker".split())  # fmt: skip


def _attempts_a_wrong(clause: Token) -> bool:
    """Is the reported clause a wrong told as aimed at by another ("said Kelmo was seeking to
    destabilise the region", "said the militants were attempting to derail the vote"), not by the
    speaker's own side ("we were trying to provoke a debate")?"""
    if clause.lemma_.lower() not in _ATTEMPTING:
        return False
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in _SPEAKERS_OWN or _the_speaker_again(subject, clause.head):
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in _AIMED_WRONGS for c in clause.children)


def _failed_duty(clause: Token, lexicon: Lexicon) -> bool:
    if clause.lemma_.lower() not in _FAILING:
        return False
    failed = [c for c in clause.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    if not failed or any(lexicon.readings(verb_lemma(c)) for c in failed):
        return False
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return subj is not None and bool(noun_forms(subj) & (_STATE_PEOPLE | _OFFICES)
                                     or _subject_kinds(subj) - {"<crowd>"})  # fmt: skip


def _quoted_fragments(verb: Token) -> list[Token]:
    """A quotation with no verb before the verb that reports it ('"Utterly unacceptable," the
    senator said'): the parser hangs its head word off the reporting verb under any label."""
    return [c for c in verb.lefts if c.pos_ in ("ADJ", "NOUN") and c.dep_ in ("amod", "dep", "npadvmod", "dobj")
            and c.i > 0 and any(t.is_quote for t in verb.doc[max(c.sent.start, c.left_edge.i - 1) : c.i])]  # fmt: skip


def _said_of_a_party(clause: Token) -> list[Token]:
    """What a relative clause in what was said calls a party or its act: "an ultimatum by the
    premier, which is totally insulting" (the words it is predicated with)."""
    return [p for t in clause.subtree if t.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("which", "that")
                                                                   for c in t.children)
            for p in t.children if p.dep_ in ("acomp", "attr")]  # fmt: skip


def _joined(tok: Token) -> str:
    """A hyphenated word the tokenizer split, joined again: "witch-hunt"."""
    if tok.i == 0 or tok.nbor(-1).text != "-":
        return tok.text.lower()
    return tok.doc[max(tok.i - 2, 0) : tok.i + 1].text.lower()


# acts someone may be said to be behind: "said the group was behind the bombing"
_BLAMED_ACTS = frozenset(
    "attack attacks bombing bombings blast explosion coup plot killing killings assassination hack hacking "
    "massacre abduction kidnapping shooting ambush raid".split()
)


def _blames(clause: Token) -> bool:
    """Does the reported clause lay an act at someone's door: "was behind the bombing", "was
    involved in the coup", "was responsible for the attack", "bears the hallmarks of the group"?"""
    lemma = clause.lemma_.lower()
    if lemma == "bear":
        return any(c.dep_ == "dobj" and c.lemma_.lower() == "hallmark" for c in clause.children)
    heads = [clause, *(c for c in clause.children if c.dep_ == "acomp")]  # "was responsible for"
    for word in heads:
        for prep in word.children:
            # the act or what it is an attempt at: "behind the coup attempt", "in the bomb plot"
            acts = [a for p in prep.children if p.dep_ == "pobj" for a in (p, *(c for c in p.children if c.dep_ == "compound"))]
            if prep.dep_ == "prep" and prep.lower_ in ("behind", "in", "for") and any(a.lemma_.lower() in _BLAMED_ACTS for a in acts):
                return prep.lower_ == "behind" or lemma == "involve" or word.lemma_.lower() == "responsible"
    return False


_OBLIGATION = frozenset({"must", "should"})
_SPEAKERS_OWN = frozenset({"i", "we", "us", "you"})


def _the_speaker_again(pronoun: Token, verb: Token) -> bool:
    """Is the pronoun the one who says it ("the mayor said he needs to", "the ministers said they
    must")? A third-person pronoun that agrees in number with the speaker stands for them."""
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    word = pronoun.lower_
    if speaker is None or word not in ("he", "she", "it", "they"):
        return False
    plural = speaker.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in speaker.children)
    return plural == (word == "they")


def _demand(verb: Token) -> TriggerMatch | None:
    """A REQUEST when what ``verb`` (a reporting verb) reports is what another party must do
    ("said Kelmar Motors must cease the tests", "they need to stop"), not what the speaker's own
    side must, what must be done by no one named, or what should have been done."""
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.text.lower() in _SPEAKERS_OWN or _the_speaker_again(subject, verb):
            continue
        auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        needs = clause.lemma_.lower() == "need" and any(c.dep_ == "xcomp" for c in clause.children)
        if (auxes & _OBLIGATION or needs) and "have" not in auxes:
            return TriggerMatch(TriggerSpec(key=f"{verb.lemma_.lower()} demands", type="REQUEST"), verb, (verb,))
    return None


# verbs of telling someone what to do: "told the Tarvo leader to stop the raids", "ordered Kelmo to
# withdraw its envoy", "instructed the rebels to lay down their arms"
_DIRECTING = frozenset({"tell", "order", "instruct", "direct", "command"})


def _directive(verb: Token, lemma: str) -> TriggerMatch | None:
    """A REQUEST when ``verb`` tells another party to act: a state, a named body, a nationality's
    people, an office or one named with their country ("told Kelmo's president to ..."). Not what
    a speaker tells their own forces ("ordered troops to withdraw" is the withdrawal, told by its
    own verb), nor the public or people in general."""
    if lemma not in _DIRECTING:
        return None
    told = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    act = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)  # fmt: skip
    if told is None or act is None or noun_forms(told) & (_STATE_PEOPLE | _ANYONE):
        return None
    if not _a_party(told):
        return None
    return TriggerMatch(TriggerSpec(key=f"{lemma} to act", type="REQUEST"), verb, (verb,))


def _a_party(tok: Token) -> bool:
    """Is ``tok`` a party one deals with: a state, a named body, a nationality's people, an office
    ("the leader", "the minister") or one named with their country?"""
    return bool(_subject_kinds(tok) - {"<crowd>"} or noun_forms(tok) & _OFFICES or _of_a_country(tok))


def _of_a_country(person: Token) -> bool:
    """Is ``person`` named with their country ("Russia's president", "the Kelmo leader")?"""
    return any(c.dep_ in ("poss", "compound", "amod") and c.ent_type_ in ("GPE", "NORP") for c in person.children)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.text.lower()


# "fire at", "fire on": a sacking, not a shooting, when the one "fired" is a person named or a holder
# of a post ("fired the director at the meeting"); any other object is what was fired ("fired
# gunshots at", "fired RPGs on")
_POSTS = frozenset(
    "director manager chief coach employee worker staff staffer official secretary commissioner head aide "
    "adviser advisor spokesman spokeswoman spokesperson executive ceo editor minister teacher principal "
    "administrator superintendent treasurer clerk deputy assistant governor mayor general commander "
    "judge prosecutor ambassador envoy officer premier cabinet".split()
)
_FIRED_AT = frozenset({"fire at", "fire on"})
# and "dismissed the governor" sacks them: no rejection of what anyone said or asked
_SACKING_KEYS = _FIRED_AT | {"dismiss"}


def _dismissal(objs: list[Token]) -> bool:
    """Is the one "fired" a person or the holder of a post ("fired Smithers at the hearing",
    "fired the coach at the end of the season")? That is someone dismissed, no shooting."""
    return any(o.dep_ == "dobj" and (o.ent_type_ == "PERSON" or o.lower_ in ("him", "her", "them", "me", "us")
                                     or o.lemma_.lower() in _POSTS) for o in objs)


def _complement_prep(verb: Token, prep: Token) -> bool:
    """Can ``prep`` complete a verb key ("call on", "fire at")? Not a time adverbial
    ("On Friday, the minister called the demands unrealistic"), nor a phrase fronted before
    the verb."""
    if prep.i < verb.i:
        return False
    return not any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


# "asked Russia for help", "asked donors to send", "asked for a recount", "ask that ..."
_ASK_DEPS = frozenset({"dobj", "dative", "xcomp", "ccomp", "nsubjpass"})


# refusing to speak to the press is no refusal of anyone's demand: "refused to comment", "declined to
# say how many", "would not elaborate" (a refusal to discuss a demand is: "refused to discuss the offer")
_REFUSING = frozenset({"refuse", "decline"})
_PRESS_ANSWERS = frozenset("comment say elaborate confirm disclose reveal specify answer respond speculate "
                           "identify name detail explain".split())  # fmt: skip


def _no_comment(verb: Token) -> bool:
    """Is the refusal one to answer the press ("refused to comment", "declined to be named")?"""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in _PRESS_ANSWERS for c in verb.children)


def _asks_someone_for_something(verb: Token) -> bool:
    """A request names whom it asks or what it asks for; a bare "asked" after a quote,
    "questions we need to ask", or asking if or whether something is so asks a question."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            return True
        if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children):
            continue  # "asked if the army would move in"
        if c.dep_ in _ASK_DEPS and c.lemma_.lower() not in ("question", "that", "which", "what"):
            return True
    return False


# Verbs whose event-noun subject starts or continues a meeting: "talks resumed on Monday".
_CONSULT_SUBJECT_VERBS = frozenset({"continue", "resume", "begin", "start"})


_SETTING_PREPS = frozenset({"in", "during", "at"})


def _meeting_setting(noun: Token, lexicon: Lexicon) -> TriggerMatch | None:
    """A meeting named as the setting of what someone did, with whom it was held: "in a meeting
    with the Kenyan president, Ruto asked ...", "during talks with rebel leaders". The one who
    acts met them (their subject is the meeting's)."""
    if noun.head.dep_ != "prep" or noun.head.text.lower() not in _SETTING_PREPS:
        return None
    with_whom = any(c.dep_ == "prep" and c.text.lower() == "with" for c in noun.children)
    if not with_whom and not _between_two(noun.head.head, lexicon) and not _diplomatic(noun):
        return None
    return _meeting_named(noun, lexicon)


def _meeting_named(noun: Token, lexicon: Lexicon) -> TriggerMatch | None:
    """The meeting ``noun`` names, when it names one (a CONSULT of the lexicon's nouns)."""
    found = _noun_key(noun, lexicon)
    if not found:
        return None
    spec = _noun_spec(found[0], noun, lexicon)
    return TriggerMatch(spec, noun, tuple(found[1]), noun) if spec.type == "CONSULT" else None


# what tells a meeting as over: "after his meeting with ...", "left the talks with ..."
_AFTER_PREPS = frozenset({"after", "following", "since"})
_COMING_OUT_OF = frozenset({"leave", "end", "conclude", "wrap", "quit"})


def _meeting_had(noun: Token, lexicon: Lexicon) -> TriggerMatch | None:
    """A meeting with someone told as over, in what came after it: "after his meeting with the
    minister, the mayor said ...", "the envoy left Saturday's meeting with the president
    convinced". The one who came out of it met them (the clause's subject is the meeting's)."""
    holder = noun.head
    over = noun.dep_ == "pobj" and holder.lower_ in _AFTER_PREPS or \
        noun.dep_ == "dobj" and holder.pos_ == "VERB" and holder.lemma_.lower() in _COMING_OUT_OF  # fmt: skip
    if not over or not any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
        return None
    return _meeting_named(noun, lexicon)


def _between_two(verb: Token, lexicon: Lexicon) -> bool:
    """Does the act a meeting is the setting of name both its sides: a subject of two ("he and his
    Ostland counterpart agreed in a phone call") or a subject and the one it was done to, named
    ("Kelmo urged Tarvo during talks to ...")? A verb of meeting tells the same meeting ("discussed
    trade in a meeting")."""
    if verb.pos_ not in _VERB_TAGS:
        return False
    own = lexicon.verbs.get(verb_lemma(verb))
    if own is not None and own.type == "CONSULT":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if _both_parties(subject):
        return True
    return any(c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN" for c in verb.children)


def _meetings_there_were(noun: Token, lexicon: Lexicon) -> TriggerMatch | None:
    """Meetings or fighting told as being ("there were talks between the two sides", "there was a
    flurry of diplomatic calls", "there was an exchange of gunfire between soldiers and militants"):
    a consultation or the fight, unless told as none ("there have been no talks")."""
    verb = noun.head
    if verb.lemma_ != "be" or not any(c.dep_ == "expl" for c in verb.children):
        return None
    if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in noun.children):
        return None
    found = _noun_key(noun, lexicon)
    if not found:
        return None
    # the meeting noun itself, under a measure ("a flurry of calls"), or the key's head ("an exchange of gunfire")
    named = noun if noun in found[1] else found[1][-1]
    spec = _noun_spec(found[0], named, lexicon)
    # ("there were reports of gunfire in Tarvo": violence told as being, under a measure)
    return TriggerMatch(spec, verb, tuple(found[1]), named) if spec.type == "CONSULT" or spec.type in VIOLENT else None


def _under_investigation(noun: Token, lexicon: Lexicon) -> TriggerMatch | None:
    """Someone told to be "under investigation" (or "under a probe"): an investigation of the
    clause's subject, by whoever investigates, whom the text may not name."""
    if noun.head.dep_ != "prep" or noun.head.lower_ != "under":
        return None
    return _done_to_its_subject(noun, lexicon, "investigate")


def _done_to_its_subject(noun: Token, lexicon: Lexicon, mode: str) -> TriggerMatch | None:
    """The act ``noun`` names, when it is of ``mode``, as done to its clause's subject (the one
    investigated or held: roles swap the subject into the target)."""
    found = _noun_key(noun, lexicon)
    if not found:
        return None
    spec = _noun_spec(found[0], noun, lexicon)
    return TriggerMatch(replace(spec, target_acts=True), noun, tuple(found[1]), noun) if spec.mode == mode else None


# losses of life in a fight, and the fight they tell when both its sides had them ("deaths were
# reported on both sides", "heavy casualties on both sides")
_LOSSES = frozenset({"death", "casualty", "loss", "fatality"})
LOSSES_ON_BOTH_SIDES = TriggerSpec(key="losses on both sides", type="FIGHT", mode="small-arms", acled="Armed clash")


def _losses_on_both_sides(noun: Token) -> TriggerMatch | None:
    """A fight told by its losses "on both sides", said of the loss or of its verb. (Not "both
    sides suffered losses": in ACLED's notes that follows the act it tolls, which may be a
    taking of ground, and a fight read from it would stand in that act's place.)"""
    if any(a.dep_ in ("relcl", "acl") and a.head.pos_ == "NOUN" for a in noun.ancestors):
        return None  # "clashes that resulted in deaths on both sides": the toll of the act its noun names
    verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else noun
    sides = [g for w in {noun, verb} for p in w.children if p.dep_ == "prep" and p.lower_ in ("on", "among")
             for g in p.children if g.dep_ == "pobj"]  # fmt: skip
    # (not the sides of a thing: "both sides of the river")
    if not any(s.lemma_.lower() == "side" and any(d.lower_ == "both" for d in s.children)
               and not any(p.dep_ == "prep" and p.lower_ == "of" for p in s.children) for s in sides):
        return None
    return TriggerMatch(LOSSES_ON_BOTH_SIDES, verb, (noun,), noun)


# verbs that tell a state someone is in: "is now in custody", "remain in detention"
_BEING_IN = frozenset({"be", "remain", "stay"})


def _in_custody(noun: Token, lexicon: Lexicon) -> TriggerMatch | None:
    """Someone told to be "in custody" or "in detention" ("the boy, who is now in custody", "two
    activists remain in detention"): held by whoever holds them, whom the text may not name. Only
    a custody that is no one's ("in the custody of his parents" is care)."""
    if noun.head.dep_ != "prep" or noun.head.lower_ != "in" or noun.head.head.lemma_.lower() not in _BEING_IN:
        return None
    if any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None
    return _done_to_its_subject(noun, lexicon, "arrest")


# what an act named by its noun may be spoken of as, without having happened: "the threat of
# attacks", "a plot to bomb", "fears of shelling"
_UNREALISED_HEADS = frozenset(
    "threat risk fear danger possibility plot prevention warning chance likelihood prospect".split()
) | frozenset("curb prevent combat tackle reduce deter stem counter curtail eradicate".split())  # ("to curb it")
_ANCHOR_PREPS = frozenset({"in", "at", "near", "on", "outside", "inside", "by"})
# event nouns that also name a place of work ("the Kelmar mine's furnace"): a verb must tell the act
_WORKS = frozenset({"mine"})


def _anchored_act(noun: Token, lexicon: Lexicon, is_place) -> TriggerMatch | None:
    """A violent act told by its noun in any position, once the text anchors it as one act: a
    place ("the attack in Kelmar", "the blast at the depot"), who did it ("shelling by the
    army", "the army's bombardment") or when ("the 3 May bombing"). Without an anchor the noun
    may be any attack, or attacks in general."""
    anchored = any(_anchors(c, is_place) for c in noun.children) or _told_as_happening(noun) \
        or _what_it_did(noun, lexicon) or told_as_witnessed(noun)  # fmt: skip
    # (a protest "against" something names its cause, not a target a place could hang from)
    by_target = not anchored and _placed_by_its_target(noun, is_place)
    if not anchored and not by_target:
        return None
    if any(c.dep_ == "det" and c.lower_ in ("no", "any", "every") for c in noun.children):
        return None
    holder = noun.head.head if noun.dep_ == "pobj" else noun.head
    if holder.lemma_.lower() in _UNREALISED_HEADS:
        return None
    found = _noun_key(noun, lexicon)
    if not found or found[0] in _WORKS:
        return None
    spec = _noun_spec(found[0], noun, lexicon)
    anchored_kinds = spec.type in VIOLENT | {"PROTEST"} or spec.mode in _HOLDING_MODES or \
        spec.type == "RETREAT" and spec.mode in _GIVING_UP_MODES  # fmt: skip
    if by_target and spec.type not in VIOLENT:
        return None
    return TriggerMatch(spec, noun, tuple(found[1]), noun) if anchored_kinds else None


# coercion that holds a place, as a siege or a crackdown does: one act once placed or owned
# ("the rebels' siege of the villages"), as a violent act is
_HOLDING_MODES = frozenset({"restrict"})
# a side giving up ground or arms, named by its noun: one act once placed or owned ("the surrender by
# the rebels", "the army's withdrawal from the town"); not a release, which may be of anything
_GIVING_UP_MODES = frozenset({"withdraw", "disarm"})


# what an act's noun is "of" when the act went on: "the resumption of shelling", "an escalation
# of fighting", "weeks of fighting" (a span of time counted in the act)
_RECURRENCE_HEADS = frozenset("resumption renewal escalation intensification upsurge outbreak".split())
_SPANS_OF_TIME = frozenset("hour day night week month".split())
# verbs that charge someone with an act: what they are accused of is told as done
_ACCUSING = frozenset({"accuse", "charge"})


# what an act did to people or places, told in a relative clause of its noun
_HARM_DONE = frozenset("kill wound injure destroy damage hit strike target rock tear rip shake claim leave devastate "
                       "level flatten".split())  # fmt: skip


def _placed_by_its_target(noun: Token, is_place) -> bool:
    """Is the act placed by what it was aimed at, counted or told in a sentence of its own ("two
    armed attacks on police posts in Kelmo overnight", "an attack on a convoy near Dalo": the parser
    hangs the place on the target)? Attacks on a kind of target with no count may be attacks in
    general ("attacks on police posts have risen")."""
    counted = any(c.dep_ in ("nummod", "det") and (c.like_num or c.lower_ in ("a", "an", "the")) for c in noun.children)
    if not counted and noun.dep_ != "ROOT":
        return False
    return any(_anchors(g, is_place) for p in noun.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
               for o in p.children if o.dep_ == "pobj" for g in o.children)  # fmt: skip


# verbs of witnessing whose participle tells a nominal sentence's act as seen or heard: "heavy
# clashes reported between rebels and troops near Tarvo", "explosions heard in Kelmo"
_WITNESSED_PARTICIPLES = WITNESSING_VERBS | {"see", "hear"}


def told_as_witnessed(noun: Token) -> bool:
    """Is the event noun the head of a sentence with no verb of its own, told by a participle of
    witnessing ("Heavy clashes reported between rebels and troops near Tarvo.")?"""
    return noun.dep_ == "ROOT" and any(
        c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _WITNESSED_PARTICIPLES for c in noun.children)


def _what_it_did(noun: Token, lexicon: Lexicon) -> bool:
    """Does a relative clause in the past tell what the act did ("the blast that ripped through a
    church", "the blast, which shook the district")? An act that did something is one act; acts
    that do something ("attacks that target schools") are acts in general. A verb that is an event
    of its own ("the raid, which destroyed a clinic") tells the act itself."""
    return any(c.dep_ == "relcl" and c.tag_ == "VBD" and c.lemma_.lower() in _HARM_DONE - lexicon.verbs.keys()
               and any(s.dep_ == "nsubj" and s.lower_ in ("that", "which") for s in c.children)
               for c in noun.children)  # fmt: skip


def _told_as_happening(noun: Token) -> bool:
    """Is an event noun with no place, doer or day told as an act that went on: resumed or
    escalated ("reported the resumption of shelling"), lasting a span of time ("after weeks of
    fighting"), or what someone is accused of ("accused the army of shelling")? A noun joined to
    such a one by "and" is told so too ("the resumption of shelling and air raids")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    holder = noun.head.head
    if holder.lemma_.lower() in _RECURRENCE_HEADS:
        return True
    if holder.lemma_.lower() in _SPANS_OF_TIME and holder.tag_ == "NNS":
        return True  # "weeks of fighting", not "the day of the attack"
    return _accused_of(holder)


def _accused_of(holder: Token) -> bool:
    """Is ``holder`` (what an "of" hangs from) a verb of accusing, or the one it accuses ("accused
    the army and its allies of ...": the parser may hang "of" from either)?"""
    while holder.dep_ == "conj" and holder.head.i != holder.i:
        holder = holder.head
    if holder.dep_ == "dobj":
        holder = holder.head
    return holder.pos_ == "VERB" and holder.lemma_.lower() in _ACCUSING


def _anchors(child: Token, is_place) -> bool:
    """Does ``child`` of an event noun make it one act: its place, doer or day?"""
    if child.dep_ == "poss" or child.ent_type_ == "DATE" or child.dep_ == "compound" and child.ent_type_ in ("GPE", "NORP"):
        return child.pos_ in ("PROPN", "NOUN", "NUM")
    if child.dep_ == "prep" and child.lower_ == "between":
        return _fought_between(child.head) and any(c.dep_ == "pobj" for c in child.children)
    if child.dep_ != "prep" or child.lower_ not in _ANCHOR_PREPS | {"of"}:
        return False
    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    if child.lower_ == "at" and pobj.lemma_.lower() == "hand":
        return _hands_of_someone(pobj)  # "bombings at the hands of the militants": who did them
    if child.lower_ == "of":
        # what the act was done to, when a place: "the siege of Tarvo", "the shelling of the town"
        return pobj.ent_type_ in ("GPE", "LOC", "FAC") or pobj.lemma_.lower() in PLACE_WORDS or bool(is_place and is_place(pobj))
    if child.lower_ == "by":
        return pobj.pos_ in ("PROPN", "NOUN") and pobj.ent_type_ not in ("DATE", "TIME")
    return pobj.ent_type_ in ("GPE", "LOC", "FAC", "DATE") or pobj.lemma_.lower() in PLACE_WORDS | DIRECTIONS \
        or bool(is_place and is_place(pobj))  # ("in the south of the country")


# nouns of fighting that also name a quarrel ("a clash between the mayor and the council"), and the
# words that make them violence ("an armed clash between two clans")
_QUARRELS = frozenset("clash battle fight confrontation war struggle row dispute".split())
_VIOLENT_MARKS = frozenset("armed deadly violent bloody fierce heavy fatal intercommunal inter-communal communal "
                           "ethnic tribal".split())  # fmt: skip


def _fought_between(noun: Token) -> bool:
    """Do the sides an act's noun is "between" make it one fight ("an exchange of fire between
    police and robbers", "an armed clash between two clans", "clashes between the army and
    rebels")? A clash with no mark of arms between unarmed sides may be words ("a clash between
    the mayor and the council")."""
    if noun.lemma_.lower() not in _QUARRELS:
        return True
    if any(c.dep_ == "amod" and c.lower_ in _VIOLENT_MARKS for c in noun.children):
        return True
    sides = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "between"
             for c in p.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]
    return any(o.lemma_.lower() in _ARMED_SIDES for o in sides)


def at_the_hands_of(tok: Token) -> Token | None:
    """Whose hands an act was done or suffered at: "the militants" in "bombings at the hands of
    the militants"."""
    for at in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "at"):
        for hand in (c for c in at.children if c.dep_ == "pobj" and c.lemma_.lower() == "hand"):
            of = next((c for c in hand.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            whose = None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)
            if whose is not None:
                return whose
    return None


def _hands_of_someone(hand: Token) -> bool:
    """Does "hands" name whose they were ("at the hands of the militants")?"""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN")
                                                           for o in c.children) for c in hand.children)  # fmt: skip


def _on_walkout(noun: Token, lexicon: Lexicon) -> TriggerMatch | None:
    """People told as being on a stoppage of work: "nurses have been on strike since Monday"
    (the verb carries who)."""
    if noun.head.text.lower() != "on" or not _walkout_form(noun):
        return None
    found = _noun_key(noun, lexicon)
    if not found:
        return None
    spec = _noun_spec(found[0], noun, lexicon)
    verb = noun.head.head
    return TriggerMatch(spec, verb, (noun.head, *found[1]), noun) if spec.type == "PROTEST" else None


def _in_protest(noun: Token, lexicon: Lexicon) -> TriggerMatch | None:
    """An act done "in protest" ("closed the road in protest at the outages", "set himself on
    fire in protest"): the act is the protest, and its verb carries who protested. A verb that
    is an event of its own keeps its reading ("resigned in protest")."""
    verb = noun.head.head
    if verb.dep_ == "pobj" and verb.head.dep_ == "prep":
        verb = verb.head.head  # "closed the road for six hours in protest": the parser hangs it off the time
    if noun.head.lower_ != "in" or noun.lemma_.lower() != "protest" or verb.pos_ not in _VERB_TAGS:
        return None
    found = _noun_key(noun, lexicon)
    if not found:
        return None
    spec = _noun_spec(found[0], noun, lexicon)
    return TriggerMatch(spec, verb, (noun.head, *found[1]), noun) if spec.type == "PROTEST" else None


# who takes part in a protest, and a protest's names: an assault on them is an assault on a protest
PROTESTERS = frozenset("protester demonstrator marcher picketer".split())
_PROTESTS = frozenset("protest rally march demonstration picket sit-in vigil procession motorcade".split())
_ASSAULTING = frozenset({"attack", "assault", "beat"})
# a crowd told as a mob: its violence on marchers is mob violence (coding.kind), not an intervention
_MOBS = frozenset({"mob", "rioter"})
# what makes an assault on a protest an attack rather than an intervention in it
_DEADLY = frozenset("kill die dead death shoot stab fatal".split())
ATTACKED_PROTEST = TriggerSpec(key="attacked a protest", type="ASSAULT", mode="beat", acled="Protest with intervention",
                               target_acts=True)


def on_a_protest(m: TriggerMatch) -> TriggerMatch:
    """An assault by others on a protest or its people ("members of a far-right group attacked
    participants of the march", "men beat demonstrators at a picket") is ACLED's protest with
    intervention, whose first actor is the protesters; one that kills, shoots or stabs is an attack,
    its doers' (ACLED's attack on civilians). State forces who assault protesters, a mob that does, and
    protesters who fight others keep the lexicon's reading (coding.kind reads them); so do words that attack a
    protest ("the senator attacked the protest", no assault)."""
    if m.spec.type != "ASSAULT" or m.spec.key not in _ASSAULTING or m.noun is not None:
        return m
    verb = m.head
    hit = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not any(_names_a_protest(t) for t in hit):
        return m
    doer = _passive_doer(verb) or next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if doer is not None and noun_forms(doer) & (_STATE_PEOPLE | PROTESTERS | _MOBS):
        return m
    if any(t.lemma_.lower() in _DEADLY for t in verb.sent):
        return replace(m, spec=replace(ATTACKED_PROTEST, mode=m.spec.mode, acled="Attack", target_acts=False))
    return replace(m, spec=ATTACKED_PROTEST)


def _the_protest_attacked(m: TriggerMatch, matches: list[TriggerMatch]) -> bool:
    """Is ``m`` the protest an assault on a protest names as what it hit or where ("attacked participants
    of the march", "beat demonstrators at a rally")? The march is that one event, not another
    protest by the attackers."""
    return m.spec.type == "PROTEST" and m.noun is not None and any(
        o.spec.key == ATTACKED_PROTEST.key and any(m.noun in c.subtree for c in o.head.children if _hit_or_where(c))
        for o in matches)  # fmt: skip


def _hit_or_where(child: Token) -> bool:
    """Is ``child`` what an assault hit ("attacked participants of the march") or where it hit them
    ("at a rally", "during a picket")?"""
    return child.dep_ in ("dobj", "nsubjpass") or child.dep_ == "prep" and child.lower_ in ("at", "during")


def _names_a_protest(word: Token) -> bool:
    """Is ``word`` a protest, its protesters, or people at or of one ("participants of the march",
    "activists at the rally")?"""
    if noun_forms(word) & (PROTESTERS | _PROTESTS):
        return True
    return any(p.dep_ == "prep" and p.lower_ in ("of", "at", "during", "in") and any(
        o.dep_ == "pobj" and noun_forms(o) & (PROTESTERS | _PROTESTS) for o in p.children)
        for p in word.children)  # fmt: skip


def _is_setting(m: TriggerMatch) -> bool:
    """Is ``m`` a meeting named as the setting of another act ("in talks with ...")? It is no
    part of what that act says or asks."""
    return m.noun is m.head and m.head.dep_ == "pobj" and m.head.head.text.lower() in _SETTING_PREPS


def _subject_noun_trigger(tok: Token, lexicon: Lexicon) -> TriggerMatch | None:
    verb = _raised_verb(tok.head)
    if verb.lemma_.lower() not in lexicon.event_subject_verbs or verb.lemma_.lower() in lexicon.verbs:
        return None
    # ("shouting and gunshots were heard": the event noun may be a later one of the subjects)
    tok, found = next(((t, f) for t in (tok, *tok.conjuncts) if (f := _noun_key(t, lexicon))), (tok, None))
    if not found:
        return None
    spec = _noun_spec(found[0], tok, lexicon)
    took_place = verb.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() == "place" for c in verb.children)
    consult = spec.type == "CONSULT" and (verb.lemma_.lower() in _CONSULT_SUBJECT_VERBS or took_place)
    # a release that took place happened: "a prisoner exchange took place at the crossing"
    released = spec.mode == "release" and took_place
    # "reinforcements arrived on the front": forces that move by themselves
    arrival = spec.type == "MOBILIZE" and verb.lemma_.lower() in _ARRIVING and not (
        verb.lemma_.lower() == "report" and any(c.dep_ in ("ccomp", "dobj") for c in verb.children))  # "forces reported that ..."
    if spec.type not in VIOLENT | {"PROTEST"} and not consult and not arrival and not released:
        return None
    return TriggerMatch(spec, verb, tuple(found[1]), tok)


_ARRIVING = frozenset({"arrive", "reach", "enter", "report"})
# what a subject is told to be going to do through: "talks were to continue", "talks are expected
# to resume", "talks are set to begin", "talks were due to continue"
_RAISING_VERBS = frozenset({"be", "expect", "set", "schedule", "slate", "plan"})
_SCHEDULED = frozenset({"due", "set", "scheduled", "slated", "expected"})  # not "likely": a guess


def _raised_verb(head: Token) -> Token:
    """The verb a subject's act is told by: the verb itself, or the one it is raised from when the
    subject stands before "be to", "be expected to", "be due to" ("talks were due to continue")."""
    if head.lemma_.lower() not in _RAISING_VERBS:
        return head
    for c in head.children:
        if c.dep_ == "acomp" and c.lower_ in _SCHEDULED:
            return _raised_verb(c) if c.lemma_.lower() in _RAISING_VERBS else next(
                (x for x in c.children if x.dep_ == "xcomp" and x.pos_ == "VERB"), head)
    return next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), head)


def _done_jointly(noun: Token) -> bool:
    """Is a show of force told as done jointly ("joint naval drills", "combined exercises")? Forces
    that drill or patrol together cooperate (CAMEO 062) whatever else the noun's words say."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ in _JOINTLY for c in noun.lefts)


_JOINTLY = frozenset({"joint", "combined", "bilateral", "trilateral", "multinational"})
# what forces do together (not the forces themselves: "joint forces raided the camp" is the raid)
_SHOWS_OF_FORCE = frozenset({"exercise", "drill", "patrol", "deployment", "manoeuvre", "maneuver", "war game"})


def _noun_spec(key: str, noun: Token, lexicon: Lexicon) -> TriggerSpec:
    """The reading of an event noun. A noun whose verb has a further reading keyed by its
    subjects ("strike#labour": workers, unions) takes that reading when the sentence names
    one of those subjects and none of the first reading's ("the nurses' strike entered its
    second week", "a strike called by the union"), so a walkout is no airstrike."""
    spec = lexicon.nouns[key]
    if key in _SHOWS_OF_FORCE and _done_jointly(noun):
        return TriggerSpec(key=f"joint {key}", type="COOPERATE", context=("military",))
    if key == "call" and _asks_for(noun):
        return TriggerSpec(key=key, type="REQUEST")  # "a call for calm", "a call to lay down arms": no phone call
    if spec.type == "CONSULT" and _diplomatic(noun):
        spec = replace(spec, context=(*spec.context, "diplomatic"))
    first = lexicon.verbs.get(key)
    if _walkout_form(noun):
        # "a 48-hour strike", "an indefinite strike", "on strike": only a labour action is told so
        return next((replace(alt, key=key, subjects=frozenset()) for alt in lexicon.alternates.get(key, ())
                     if alt.type == "PROTEST"), spec)  # fmt: skip
    named: set[str] = set()
    for t in noun.sent:
        if t.pos_ in ("NOUN", "PROPN") and t != noun:
            named |= noun_forms(t)
    for alt in lexicon.alternates.get(key, ()):
        if alt.subjects and alt.type != spec.type and named & alt.subjects:
            if first is not None and named & first.subjects:
                continue
            return replace(alt, key=key, subjects=frozenset())
    return spec


def _asks_for(noun: Token) -> bool:
    """Is the noun told with what it asks for ("a call for calm") or asks done ("a call to lay down
    arms")?"""
    return any(c.dep_ == "prep" and c.lower_ == "for" or c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                                   for a in c.children)
               for c in noun.children)  # fmt: skip


# what makes a meeting one between states, whoever held it: "peace talks", "diplomatic calls"
_DIPLOMATIC = frozenset("diplomatic peace bilateral trilateral multilateral ministerial ceasefire truce".split())
_TOPIC_PREPS = frozenset({"about", "on", "over"})


def _diplomatic(noun: Token) -> bool:
    """Is the meeting told as one of diplomacy: by its kind ("peace talks", "diplomatic calls",
    "bilateral meetings") or by a state or a people it is about ("a meeting about Ostland", "talks
    on Kelmar")?"""
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in _DIPLOMATIC for c in noun.children):
        return True
    if any(_to_settle(c) for c in noun.children if c.dep_ in ("acl", "relcl")):
        return True
    return any(p.dep_ == "prep" and p.lower_ in _TOPIC_PREPS and any(
        o.dep_ == "pobj" and o.ent_type_ in ("GPE", "NORP") for o in p.children) for p in noun.children)  # fmt: skip


# what talks held to end, save or reach something settle between sides: "talks to end the war",
# "talks to salvage the truce", "talks aimed at a ceasefire deal"
_SETTLED = frozenset(
    "war conflict fighting truce ceasefire cease-fire deal accord agreement peace standoff crisis".split()
)


def _to_settle(clause: Token) -> bool:
    """Is ``clause`` a meeting's purpose that names a war, a truce or a deal between sides?"""
    if not (any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children) or clause.lemma_.lower() == "aim"):
        return False
    named = [o for o in clause.subtree if o.dep_ in ("dobj", "pobj") and o.pos_ == "NOUN"]
    return any(o.lemma_.lower() in _SETTLED or o.lower_ in _SETTLED for o in named)


# what a stoppage of work is told with: its length ("a 48-hour strike", "a two-day strike") or
# its kind ("an indefinite strike", "a wildcat strike")
_WALKOUT_MODIFIERS = frozenset("hour day week month indefinite open-ended wildcat token warning rolling sit-down".split())
_BEING_ON = frozenset({"be", "go", "remain", "stay", "continue", "come", "out"})
# what is done with a walkout and never with an airstrike: "staged a strike", "called a strike"
_WALKOUT_VERBS = frozenset({"stage", "call", "hold"})


def _walkout_form(noun: Token) -> bool:
    """Is the event noun told as a stoppage of work: with a length or kind of walkout, as what
    a union stages or calls, or as what people are on ("have been on strike")?"""
    mods = (t for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "npadvmod", "nummod") for t in c.subtree)
    if any(t.lemma_.lower() in _WALKOUT_MODIFIERS for t in mods):
        return True
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _WALKOUT_VERBS:
        return True
    prep = noun.head
    return noun.dep_ == "pobj" and prep.text.lower() == "on" and prep.head.lemma_.lower() in _BEING_ON and \
        not any(c.dep_ == "det" for c in noun.children)  # fmt: skip


def _instrument(verb: Token, lexicon: Lexicon):
    lost = subject_in_setting(verb)  # "On 3 May, in Tarvo, Kelmo, a shell hit a school": parsed into the place list
    for child in [*verb.children, *([lost] if lost is not None else [])]:
        cands = []
        if child.dep_ in ("nsubj",) or child is lost:
            cands.append(subject_behind_place(child))
        if child.dep_ == "nsubjpass" and sum(c.dep_ == "nsubjpass" for c in verb.children) > 1:
            cands.append(child)  # "an exchange of fire between police and robbers; one suspect was killed"
        if _gerund_subject(child, verb):
            cands.append(child)
        if child.dep_ == "compound" and _verb_read_as_noun(verb):
            cands.append(child)  # a headline's subject, which the parser hangs on the verb it took for a noun
        if child.dep_ in ("prep", "agent") and child.lower_ in ("in", "by", "during", "after", "from", "of"):
            # ("died from a landmine explosion", "from shelling": the gerund under "from")
            cands.extend(c for c in child.children if c.dep_ == "pobj" or c.dep_ == "pcomp" and c.tag_ == "VBG")
        # ("died of injuries sustained in an attack", "shrapnel from a mortar round wounded two",
        # "suffered casualties from a roadside bomb": what dealt the losses suffered)
        cands.extend(cause for t in [*cands, *([child] if child.dep_ == "dobj" else [])] for cause in wound_causes(t))
        for noun in cands:
            found = _noun_key(noun, lexicon)
            if found and lexicon.nouns[found[0]].type in VIOLENT:
                return found[0], found[1], noun
    return None


# what one dies of or lives with, that an act dealt: "died of wounds sustained in an attack",
# "shrapnel from a mortar round wounded two soldiers"
_WOUNDS = frozenset({"wound", "injury", "shrapnel", "splinter", "fragment", "casualty"})
SUSTAINING = frozenset({"sustain", "receive", "suffer", "incur"})
_CAUSE_PREPS = frozenset({"in", "from", "during", "by", "after"})


def wound_causes(noun: Token) -> list[Token]:
    """What dealt the wounds ``noun`` names: "an attack" in "wounds sustained in an attack",
    "shelling" in "injuries from shelling". Empty for any other noun."""
    if noun.lemma_.lower() not in _WOUNDS:
        return []
    holders = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in SUSTAINING)]
    return [g for h in holders for p in h.children if p.dep_ in ("prep", "agent") and p.lower_ in _CAUSE_PREPS
            for g in p.children if g.dep_ == "pobj" or g.dep_ == "pcomp" and g.tag_ == "VBG"]  # fmt: skip


def _gerund_subject(child: Token, verb: Token) -> bool:
    """Is ``child`` a gerund the parser did not make the verb's subject, though it is ("Shelling
    damaged a school": an auxiliary; "Shelling by the rebels damaged a house": a clause)?"""
    if child.dep_ == "csubj":
        return child.tag_ == "VBG"
    return child.dep_ == "aux" and child.tag_ == "VBG" and child.i < verb.i and child.lemma_.lower() != "be"


_BLAST_NOUNS = frozenset({"blast", "explosion", "detonation"})
_WEAPON_TYPES = frozenset({"Grenade", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                           "Suicide bomb", "Air/drone strike", "Chemical weapon"})


def _blast_by_its_weapon(noun: Token, mods: list[Token], lexicon: Lexicon) -> tuple[str, list[Token]] | None:
    """A blast told with what blew up is that weapon's: "a grenade blast", "a mortar explosion",
    "a landmine blast" (the bare noun is a remote explosive's)."""
    if noun.lemma_.lower() not in _BLAST_NOUNS:
        return None
    for mod in reversed([m for m in mods if m.dep_ == "compound"]):
        spec = lexicon.nouns.get(mod.lemma_.lower())
        if spec is not None and spec.acled in _WEAPON_TYPES:
            return mod.lemma_.lower(), [mod, noun]
    return None


def _noun_key(noun: Token, lexicon: Lexicon) -> tuple[str, list[Token]] | None:
    """The longest lexicon key ending at ``noun`` (its compounds and adjectives before it)."""
    if noun.like_num:
        # "40 tonnes of food": the head is the measure, the event noun is its "of" object
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return _noun_key(pobj, lexicon)
    # a hyphen the tokenizer split off counts as part of the word: "sit-in", "shoot-out", "stand-off"
    mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") or (c.text == "-" and not c.whitespace_)]
    doc = noun.doc
    for n in range(min(lexicon.max_noun_words, len(mods) + 1), 0, -1):
        start = noun.i - (n - 1)
        if start < 0:
            continue
        words = doc[start : noun.i + 1]
        if n > 1 and not all(t in mods for t in words[:-1]):
            continue
        key = " ".join([t.lower_ for t in words[:-1]] + [noun.lemma_.lower()])
        alt = " ".join(t.lower_ for t in words)
        # as written up to the lemma: "shoot-outs" is the key "shoot-out"
        written = "".join(t.lower_ + t.whitespace_ for t in words[:-1]) + noun.lemma_.lower()
        for k in (key, alt, words.text.lower(), written, *_as_common_noun(words)):
            if k in lexicon.nouns:
                weapon = _blast_by_its_weapon(noun, mods, lexicon) if n == 1 else None
                return weapon or (k, list(words))
    side = _side_firing(noun, mods)
    if side is not None:
        return _GUNFIRE, [side, noun]
    # a noun with what it is of: "an exchange of fire"
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and (key := f"{noun.lemma_.lower()} of {pobj.lemma_.lower()}") in lexicon.nouns:
                return key, [noun, child, pobj]
    # measure nouns: "a convoy of trucks", "shipments of aid", "tonnes of food"
    if noun.lemma_.lower() in ("tonne", "ton", "shipment", "consignment", "batch", "load", "package", "truckload",
                               "convoy", "round", "wave", "volley", "salvo", "volleys", "salvos", "flurry", "series",
                               "burst", "incident", "report", "duration"):
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    inner = _noun_key(pobj, lexicon)
                    if inner:
                        return inner
    return None


def _objects_of(preps: list[Token]) -> set[str]:
    """The forms of the prepositions' objects ("off the job": job)."""
    return {f for p in preps for c in p.children if c.dep_ == "pobj" for f in noun_forms(c)}


def _phrase_lemmas(objs: list[Token], preps: list[Token]) -> set[str]:
    out: set[str] = set()
    heads = list(objs)
    for p in preps:
        # ("put behind bars", "held without charge"; a gerund the parser takes for a clause is the
        # preposition's object too: "held for questioning in Tarvo")
        if p.lower_ in ("to", "with", "on", "for", "of", "over", "by", "into", "behind", "without"):
            heads.extend(c for c in p.children if c.dep_ in ("pobj", "pcomp"))
    for h in heads:
        out |= noun_forms(h)
        for c in h.children:
            if c.dep_ in ("compound", "amod"):
                out |= noun_forms(c)
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        out |= noun_forms(g)
        for inside in _contents(h):
            out |= noun_forms(inside)
            out |= {f for c in inside.children if c.dep_ in ("compound", "amod") for f in noun_forms(c)}
    return out


# what a thing is told to hold: "a bag containing a bomb", "a car packed with explosives"
_HOLDING = frozenset("contain pack fill load stuff rig hold carry".split())


def _contents(thing: Token) -> list[Token]:
    """What ``thing`` is told to hold ("a rucksack with explosives", "a bag containing a nail bomb",
    "a car packed with explosives"): left or placed, the container is what it holds."""
    out = _with_objects(thing)
    for c in thing.children:
        if c.dep_ == "acl" and c.lemma_.lower() in _HOLDING:
            out += [g for g in c.children if g.dep_ == "dobj"] + _with_objects(c)
    return out


def _with_objects(tok: Token) -> list[Token]:
    """The objects of ``tok``'s "with" ("a rucksack with explosives", "packed with nails")."""
    return [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]


def _as_common_noun(words: SpacySpan) -> tuple[str, ...]:
    """The keys of words whose head the tagger took for a name though no entity holds it: a
    capitalised plural opening a sentence or a headline ("Rockets landed near the airport",
    "Airstrikes Hit Tarvo") keeps its plural as its lemma."""
    noun = words[-1]
    if noun.pos_ != "PROPN" or noun.ent_type_:
        return ()
    before = " ".join(t.lower_ for t in words[:-1])
    written = {noun.lower_, noun.lemma_.lower()}
    return tuple(f"{before} {form}".strip() for form in ordered_noun_forms(noun) if form not in written)


def noun_forms(tok: Token) -> set[str]:
    """Lower-cased lemma and singular of a noun. The tagger takes a capitalised
    sentence-initial plural ("Villagers blocked…") for a proper noun and leaves
    its lemma plural, so the singular is also derived from the text."""
    return set(ordered_noun_forms(tok))


def ordered_noun_forms(tok: Token) -> tuple[str, ...]:
    """``noun_forms`` in the order a lookup should try them: the word as written, its lemma,
    the singular derived from the text (a set's order would change from run to run)."""
    lower = tok.lower_
    forms = [lower, tok.lemma_.lower()]
    if lower.endswith("ies") and len(lower) > 4:
        forms.append(lower[:-3] + "y")
    elif lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
        forms.append(lower[:-1])
    return tuple(dict.fromkeys(forms))


def _subject_ok(verb: Token, spec: TriggerSpec) -> bool:
    # who did it: the subject, or in the passive whoever it was done "by" ("were turned away by militias")
    subj = _passive_doer(verb) or _subject_of(verb)
    if subj is None:
        return False
    lemmas = noun_forms(subj)
    for c in subj.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    lemmas |= noun_forms(g)
        if c.dep_ in ("compound", "amod"):
            lemmas |= noun_forms(c)
    return bool(lemmas & spec.subjects) or bool(_subject_kinds(subj, lemmas) & spec.subjects)


# who are a state's forces and officers, never a crowd
_STATE_PEOPLE = frozenset("police policeman policemen officer soldier troop army force military security guard gendarme "
                          "marine commando agent authority official militia".split())  # fmt: skip


# "fire" told with the side that fired it is gunfire: "rebel fire", "enemy fire", "Ostlandic fire"
_GUNFIRE = "gunfire"
_FIRING_SIDES = _STATE_PEOPLE | frozenset("enemy hostile rebel militant insurgent jihadist terrorist gunman "
                                           "separatist".split())  # fmt: skip


def _side_firing(noun: Token, mods: list[Token]) -> Token | None:
    """The side told before "fire", which makes it gunfire ("rebel fire"); None for any other noun."""
    if noun.lemma_.lower() != "fire":
        return None
    return next((m for m in mods if m.dep_ != "nmod" and (m.lemma_.lower() in _FIRING_SIDES or m.ent_type_ == "NORP")), None)


_NUMBERS_OF = frozenset("group crowd hundred thousand dozen score number".split())
# what rallies, surges and falls in the business pages: no crowd ("shares rallied")
_MARKETS = frozenset("stock share price index bond currency future equity commodity dollar euro yen rupee".split())


def _market_rally(m: TriggerMatch) -> bool:
    """Is ``m`` a protest's word said of a market ("stocks staged a rally", "shares continued their
    rally")? The business pages' rally is no crowd's."""
    subj = _subject_of(m.head) if m.spec.type == "PROTEST" else None
    return subj is not None and bool(noun_forms(subj) & _MARKETS)


def _subject_kinds(subj: Token, lemmas: set[str] | None = None) -> set[str]:
    """What kind of actor a subject is, for lexicon entries that accept a kind rather than
    listing names: "<state>" a named country ("Iran struck"), "<group>" a named
    organisation ("the PKK attacked"), "<national>" a nationality's people or forces
    ("Turkish jets"), "<crowd>" people in numbers who are no state's forces ("400 migrant
    labourers", "a group of traders")."""
    kinds = set()
    words = lemmas if lemmas is not None else noun_forms(subj)
    if (subj.tag_ == "NNS" or words & _NUMBERS_OF) and not words & (_STATE_PEOPLE | _HAZARDS | _MARKETS) \
            and subj.ent_type_ not in ("GPE", "ORG"):  # fmt: skip
        kinds.add("<crowd>")
    if subj.ent_type_ == "GPE":
        kinds.add("<state>")
    if subj.ent_type_ == "ORG":
        kinds.add("<group>")
    if subj.ent_type_ == "NORP" or any(c.ent_type_ == "NORP" for c in subj.children if c.dep_ in ("amod", "compound")):
        kinds.add("<national>")
    return kinds


def _passive_doer(verb: Token) -> Token | None:
    """The one a passive verb's act was done by ("the buses were stopped by militiamen")."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    return agent_of(verb)


def agent_of(head: Token) -> Token | None:
    """The "by" object of a passive verb."""
    for child in head.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def subject_on_auxiliary(verb: Token, deps: Iterable[str] = ("nsubj",)) -> Token | None:
    """The subject the parser hung on the verb's auxiliary, which it does when a hyphen splits the
    verb ("Kelmo has re-imposed a curfew", "the ministers have co-signed a letter": the prefix read
    as the verb, "has" given the subject)."""
    return next((g for a in verb.children if a.dep_ == "aux" for g in a.children if g.dep_ in deps), None)


def _subject_of(verb: Token) -> Token | None:
    tok = verb
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None) or \
            subject_on_auxiliary(tok, ("nsubj", "nsubjpass"))
        if subj is not None:
            return _speaker_for(subj, tok) if subj.pos_ == "PRON" else subject_behind_place(subj)
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    # "On 3 May, in Tarvo, Kelmo, residents blocked the road": the parser put them in the place list
    return subject_in_setting(tok)


def _speaker_for(pronoun: Token, verb: Token) -> Token:
    """Who a pronoun in what someone said stands for: "the crew said they would strike" (the
    crew), "the ministry said it had banned the march" (the ministry); or in a clause on what
    happened to them: "supporters were detained as they rallied" (the supporters)."""
    if verb.dep_ in ("ccomp", "advcl") and pronoun.lower_ in ("they", "it", "he", "she", "we"):
        deps = ("nsubj",) if verb.dep_ == "ccomp" else ("nsubj", "nsubjpass")
        speaker = next((c for c in verb.head.children if c.dep_ in deps), None)
        if speaker is not None and speaker.pos_ in ("NOUN", "PROPN"):
            return speaker
    return pronoun


def _what_is_taken(objs: list[Token], preps: list[Token]) -> Token | None:
    """What a verb of taking ground takes: its object ("seized the town"), what control is taken
    of ("took control of the port"), or where it goes ("stormed into the compound")."""
    if objs:
        obj = objs[0]
        if obj.lemma_.lower() != "control":
            return obj
        # ("took control of a stronghold": the parser may hang the "of" on the verb)
        return next((g for p in [*obj.children, *preps] if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"), None)  # fmt: skip
    return next((g for p in preps if p.lower_ in ("into", "onto", "through") for g in p.children if g.dep_ == "pobj"), None)


# a share of a place taken is ground taken: "seized a third of the city", "took control of parts of the district"
_SHARES = frozenset("part third half quarter fifth section swathe swath chunk portion rest remainder much most".split())


def _share_of(obj: Token) -> Token | None:
    """What ``obj`` is a share of ("a third of eastern Aleppo", "large parts of the district"), or None."""
    if obj.lemma_.lower() not in _SHARES:
        return None
    return next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), None)


def _is_place_object(obj: Token, is_place) -> bool:
    if obj.lower_ == "it":
        # "rebels seized the town, and on Monday the army retook it": what "it" stands for
        obj = _it_stands_for(obj)
        if obj is None:
            return False
    if obj.lower_ in ("which", "that") and obj.head.dep_ == "relcl":
        obj = obj.head.head  # "the district, which rebels captured in 2012": what the clause is said of
    obj = _share_of(obj) or obj
    if obj.lemma_.lower() in PLACE_WORDS or obj.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return bool(is_place and is_place(obj))


_THINGS_NAMED = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "appos", "conj"})


def _it_stands_for(it: Token) -> Token | None:
    """The last thing named before "it", in its sentence or the one before (not the subject of
    the verb "it" is the object of, nor a time)."""
    doc, verb = it.doc, it.head
    start = doc[it.sent.start - 1].sent.start if it.sent.start > 0 else it.sent.start
    for tok in reversed(doc[start : it.i]):
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in _THINGS_NAMED and tok.ent_type_ not in ("DATE", "TIME") \
                and not (tok.head == verb and tok.dep_ == "nsubj"):  # fmt: skip
            return tok
    return None


_RECORDINGS = frozenset("camera video film tape cctv footage photo photograph record recording".split())


def _recorded(verb: Token) -> bool:
    """Is the verb told of a recording ("captured on camera", "caught on video")?"""
    return any(c.dep_ == "prep" and c.lower_ in ("on", "in", "by") and any(o.dep_ == "pobj" and o.lemma_.lower() in _RECORDINGS
                                                                         for o in c.children)
               for c in verb.children)  # fmt: skip


# people one may seize: seized by armed men they are abducted, by the police arrested
_SEIZABLE_PEOPLE = frozenset("man woman child boy girl chief official trader farmer teacher journalist worker villager "
                             "resident civilian person people son daughter businessman student priest councillor "
                             "leader hostage captive him her them".split())  # fmt: skip


def _non_place_reading(spec: TriggerSpec, taken: Token, verb: Token) -> TriggerSpec | None:
    # "seized weapons" is a confiscation, "captured fighters" an arrest, "stormed the prison" an assault;
    # "armed men seized a village chief" an abduction (by the police, an arrest)
    if spec.key == "seize" and (noun_forms(taken) & _SEIZABLE_PEOPLE or taken.ent_type_ == "PERSON"):
        doer = _passive_doer(verb) or _subject_of(verb)
        if doer is not None and noun_forms(doer) & _STATE_PEOPLE:
            return replace(spec, type="COERCE", mode="arrest", acled="Arrests", cameo=None)
        return replace(spec, type="ASSAULT", mode="abduct", acled="Abduction/forced disappearance", cameo=None)
    if spec.key == "seize":
        return replace(spec, type="COERCE", mode="confiscate", acled="Looting/property destruction", cameo=None)
    if spec.key == "capture":
        return replace(spec, type="COERCE", mode="arrest", acled="Arrests", cameo=None)
    if spec.key == "storm":
        return replace(spec, type="ASSAULT", mode="firearms", acled="by_target", cameo=None)
    return None


_CLAIM_NOUNS = frozenset("report claim allegation accusation suggestion charge assertion rumour rumor".split())


_DEALING_TYPES = SWALLOWING_TYPES | {"CONSULT", "COOPERATE"}


def _doerless_dealing(m: TriggerMatch) -> bool:
    """Is ``m`` a dealing told with no one who made it ("denied that an agreement had been
    reached")? Denied, it says nothing of anyone: the denial is the event (REJECT)."""
    if m.spec.type not in _DEALING_TYPES:
        return False
    return not any(c.dep_ in ("nsubj", "agent") and c is not m.noun for c in m.head.children)


def _denies_claims(m: TriggerMatch) -> bool:
    return m.spec.type == "REJECT" and (m.spec.key in _DENIALS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in _CLAIM_NOUNS for c in m.head.children
    ))  # fmt: skip


_VERBAL = frozenset({"ACCUSE", "SUPPORT"})  # a demand stated by a protest is kept: it says what is asked


def _condition_or_purpose_of(m: TriggerMatch, o: TriggerMatch) -> bool:
    """"... if the attacks continue": a condition of another event is not an event;
    "rallied to protest against Turkey", "marched to denounce corruption": the purpose of
    a protest is what it says, not a second event; "met to discuss the truce", what a
    meeting was for, is that meeting, and so is what a meeting was asked for ("called for a meeting
    to discuss the siege")."""
    head = m.head
    if head.dep_ != "advcl" or head.head != o.head:
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in head.children):
        return True
    purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    if purpose and o.spec.type == m.spec.type == "CONSULT":
        return True  # "met the mayor to discuss the budget": what the meeting was for, one meeting
    if purpose and o.spec.type == "REQUEST" and m.spec.type == "CONSULT":
        return True  # "called for a meeting of the council to discuss the siege": the meeting asked is the request's
    return purpose and o.spec.type == "PROTEST" and (m.spec.type == "PROTEST" or m.spec.type in _VERBAL)


# who speaks for a state, whose forces told bare ("the army", "troops") are its own
_STATE_OFFICES = frozenset("president minister premier chancellor government ministry general".split())
_STATE_FORCES = frozenset("army military troop force soldier police".split())
# whose forces a possessive names: the speaker's own ("warned that his fighters would storm the town")
_OWNING_PRONOUNS = frozenset({"his", "her", "its", "their", "our"})


# what a speaker's side would or might do: "warned it would close its airspace" and "warned it could
# close its airspace" both hold the act over the other side
_MAY_DO = frozenset({"would", "will", "'ll", "could", "may", "might"})


def _own_side_would_act(speaker_verb: Token, act: Token) -> bool:
    speaker, actor = _subject_of(speaker_verb), _subject_of(act)
    if speaker is None or actor is None:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _MAY_DO for c in act.children):
        return False
    return actor is speaker or actor.lower_ in ("we", "it", "they") or _names_own_side(speaker, actor)


def _names_own_side(speaker: Token, actor: Token) -> bool:
    """Does the actor's phrase name the speaker's side: by a possessive ("his forces", "its
    troops"), or by a name or word the speaker's phrase has too ("the rebel commander" and "rebel
    fighters", "the Turkish minister" and "Turkish troops")?"""
    if any(c.dep_ == "poss" and c.lower_ in _OWNING_PRONOUNS for c in actor.children):
        return True
    if speaker.lemma_.lower() in _STATE_OFFICES and actor.lemma_.lower() in _STATE_FORCES \
            and all(c.dep_ == "det" for c in actor.children):  # fmt: skip
        return True  # "the minister said the army would strike back": a state's forces, told bare, are its own
    words = lambda tok: {t.lemma_.lower() for t in tok.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ")}  # noqa: E731
    return bool(words(speaker) & words(actor))


def for_clause(tok: Token) -> bool:
    """Is ``tok`` the verb of a "for ... to" clause ("for the president to resign")?"""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children)


# verbs that praise or blame someone for what they did: "praised the president for pressing for
# the release", "condemned the militia for shelling the town"; the deed is told as done
PRAISING_OR_BLAMING = frozenset("praise thank commend hail applaud credit congratulate criticise criticize condemn "
                                "blame fault slam rebuke denounce lambaste castigate censure berate excoriate reprimand laud "
                                "extol".split())  # fmt: skip


def reason_for_judging(verb: Token) -> Token | None:
    """The one praised or blamed when ``verb`` is the deed they are praised or blamed "for" (its
    gerund): "praised the president for pressing" gives "president"."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.lower_ != "for" or prep.head.i == prep.i:
        return None
    judging = prep.head
    if judging.pos_ != "VERB" or judging.lemma_.lower() not in PRAISING_OR_BLAMING:
        return None
    return next((c for c in judging.children if c.dep_ == "dobj"), None)


def _governed_by(m: TriggerMatch, other: TriggerMatch) -> bool:
    """Is ``m``'s head inside ``other``'s complement (through complement-like arcs)?"""
    tok = m.head
    for _ in range(6):
        if (tok.dep_ not in _SWALLOW_DEPS and not for_clause(tok)) or tok.head.i == tok.i or named_by_another_act(tok):
            # (an act named as when another was, "refused to talk after the clashes", or one a party
            # denies a part in, "denied responsibility for the bombing", is its own)
            return False
        if set_apart_by_semicolon(tok):
            return False
        tok = tok.head
        if tok == other.head:
            return True
    return False


def _prune(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    # "X could strike Y, officials warned": a warning that reports an event is a report of it
    # unless the speaker's own side is the one that would act: "the Turkish defence minister
    # warned that Turkish troops would enter Sinjar" is a threat
    matches = [
        n for n in matches
        if not (
            n.spec.key in SPEECH_LIKE
            and any(m.head.head == n.head and m.head.dep_ == "ccomp" and not _own_side_would_act(n.head, m.head) for m in matches)
        )
    ]
    # "rejected reports that they had attacked a convoy": a denial of claims is the denied
    # event, negated (factuality reads the rejecting verb), not a REJECT that swallows it
    denials = {id(o) for o in matches if _denies_claims(o) and any(m is not o and _governed_by(m, o) and not _doerless_dealing(m)
                                                                   and m.spec.key != CHARGE_DENIED for m in matches)}
    matches = [m for m in matches if id(m) not in denials]
    keep: list[TriggerMatch] = []
    for m in matches:
        # (what one must do "or face action" is a threat beside the demand, not words of it)
        swallowed = not _is_setting(m) and reason_for_judging(m.head) is None and m.spec.key not in (OR_ELSE, CHARGE_DENIED) and any(
            o is not m and (o.spec.type in SWALLOWING_TYPES and _governed_by(m, o) and not _investigated(m, o)
                            or _condition_or_purpose_of(m, o))
            for o in matches
        )
        merged = any(o is not m and (_same_violent_event(m, o) or _same_speech(m, o)) for o in matches)
        if not swallowed and not merged:
            keep.append(m)
    return keep


def _participle_misread_as_clause(tok: Token) -> bool:
    """Is ``tok`` a participle the parser made a clause of its own, with the noun it describes as
    its subject ("wanted the release of its soldiers taken hostage": "release ... taken")? Nothing
    marks it as a clause: no "to", no "that", no auxiliary."""
    # (read for every child of every verb: its own labels first, its children only for the few
    # that pass, since Token.children walks the token's whole subtree)
    if tok.dep_ != "ccomp" or tok.tag_ != "VBN":
        return False
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in tok.children) \
        and not any(c.dep_ in ("aux", "auxpass", "mark") for c in tok.children)


def _investigated(m: TriggerMatch, o: TriggerMatch) -> bool:
    """Is ``m`` an act named by its noun that ``o`` investigates ("police probed the blast")?
    What is investigated happened: an act of its own, not words of the investigation."""
    return o.spec.mode == "investigate" and m.noun is m.head and m.head.dep_ == "dobj" and m.head.head == o.head


def _same_speech(m: TriggerMatch, o: TriggerMatch) -> bool:
    """Is ``m`` what a speaker said in making ``o``, told as its participle ("condemned the raid,
    saying it was unacceptable", "urged the rebels to withdraw, saying they must leave")? The
    words are that act's own, not a second act of the same kind."""
    if not m.spec.key.endswith((" judges", " demands")) or m.spec.type != o.spec.type:
        return False
    head = m.head
    return head.dep_ == "advcl" and head.tag_ == "VBG" and head.head == o.head


def _same_violent_event(m: TriggerMatch, o: TriggerMatch) -> bool:
    """Is ``m`` the other wording of ``o``'s violent event, to be dropped in its favour?

    "attacked the village, killing three": the participle is the same event's
    outcome; "an attack targeting a school" is that attack. When one of the two
    only states the outcome ("were killed when warplanes bombed"), the one that
    says how it was done is kept."""
    if m.spec.type not in VIOLENT or o.spec.type not in VIOLENT or _two_kinds_of_act(m, o):
        return False
    if m.noun is None and m.head == o.noun:
        return True  # "died of injuries from shelling": the gerund is the instrument ``o`` names
    if m.noun is not None and m.head == m.noun and _means_of(m.noun, o.head) \
            and acled_event_type(o.spec.acled) != "Strategic developments":  # fmt: skip
        # "opened fire with mortars on the positions": the weapon ``o`` was done with (but a depot
        # "destroyed with artillery fire" is told by the fire, not as a cache destroyed)
        return True
    if m.spec.key in OUTCOME_KEYS and o.spec.key == MET_A_MINE.key and o.head.dep_ == "pcomp" and o.head.head.head == m.head:
        return True  # "was killed after stepping on a mine": the outcome of meeting the mine
    linked = _tied(m, o) or _tied(o, m) or (m.head == o.head and m.noun is not o.noun)
    if not linked:
        return False
    m_generic, o_generic = m.spec.key in OUTCOME_KEYS, o.spec.key in OUTCOME_KEYS
    if m_generic != o_generic:
        return m_generic
    if m.head == o.head:
        return m.start > o.start
    return _tied(m, o)  # the dependent wording goes


def _means_of(noun: Token, verb: Token) -> bool:
    """Is ``noun`` what the act of ``verb`` was done with ("opened fire with mortars", the parser
    may hang the "with" on the verb's object)?"""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in ("with", "using") and (
        prep.head == verb or prep.head.dep_ == "dobj" and prep.head.head == verb)


_TIME_NOUNS = frozenset("minute hour day week month year night morning evening".split())
_SEQUENCE_MARKS = frozenset({"after", "before", "since", "until"})


def _set_apart_in_time(clause: Token) -> bool:
    """Is the clause another act's time ("a day after ...", "hours before ...", "weeks since
    ...")? Its mark says sequence and a time noun measures the gap."""
    return any(c.dep_ == "mark" and c.lower_ in _SEQUENCE_MARKS for c in clause.children) and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in _TIME_NOUNS for c in clause.children)  # fmt: skip


def _another_doer(clause: Token) -> bool:
    """Is the joined clause done by someone else, named ("rebels seized the town, and the army
    retook it")? ("and they killed three" may be the same doers; "and three were killed" is
    what the act did.)"""
    if clause.dep_ != "conj":
        return False
    own = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    first = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return own is not None and first is not None and own.pos_ != "PRON" and own.lemma_.lower() != first.lemma_.lower()


def _two_kinds_of_act(m: TriggerMatch, o: TriggerMatch) -> bool:
    """Are ``m`` and ``o`` verbs joined by "and", each with its own object, that tell acts of two
    kinds ("shelled two villages and detonated a car bomb", "shot the guards and raped two
    nurses")? Two acts, not one act and its outcome ("attacked the village and killed three" is
    one)."""
    if not _different_kinds(m.spec, o.spec) or m.spec.key in OUTCOME_KEYS or o.spec.key in OUTCOME_KEYS:
        return False
    joined = (m.head.dep_ == "conj" and m.head.head == o.head) or (o.head.dep_ == "conj" and o.head.head == m.head)
    # a rape told beside another assault is its own act even on the one victim: "abducted and raped
    # a woman", "beat and raped two girls" (ACLED's sexual violence, PLOVER's sexual mode)
    sexual = "sexual" in (m.spec.mode, o.spec.mode)
    return joined and (sexual or all(any(c.dep_ == "dobj" for c in x.head.children) for x in (m, o)))


# assaults told apart from the attack they come with (PLOVER modes; ACLED's sexual violence and
# abduction sub-events): "shot the guards and raped two nurses" is two acts
_ASSAULTS_TOLD_APART = frozenset({"sexual", "abduct"})


def _different_kinds(a: TriggerSpec, b: TriggerSpec) -> bool:
    """Do two readings tell different kinds of act: other types, or an attack and a rape or an
    abduction? (Weapons alone do not part a fight: "exchanged fire and used rockets" is one clash.)"""
    if a.type != b.type:
        return True
    return a.type == "ASSAULT" and a.mode != b.mode and bool({a.mode, b.mode} & _ASSAULTS_TOLD_APART)


def _tied(m: TriggerMatch, o: TriggerMatch) -> bool:
    """Does ``m`` hang from ``o``'s verb, or from its event noun ("carried out an attack
    targeting a school": the participle tells the same attack), or is it the act ``o``'s verb
    met ("repelled an attack by rebels": one clash)?"""
    if m.noun is not None and m.head is m.noun and m.noun.dep_ == "dobj" and m.noun.head == o.head:
        return True
    return _hangs_from(m.head, o.head) or o.noun is not None and _hangs_from(m.head, o.noun)


def _hangs_from(tok: Token, head: Token) -> bool:
    """Is ``tok`` an adverbial or participle clause of ``head``, directly or through a
    participle ("struck a convoy carrying supplies, wounding two")? A clause set apart in time
    ("a day after rebels seized two villages") tells another act."""
    for _ in range(3):
        if tok.dep_ not in ("advcl", "conj", "xcomp", "acl") or tok.head.i == tok.i or _set_apart_in_time(tok) \
                or _another_doer(tok):  # fmt: skip
            return False
        tok = tok.head
        if tok == head:
            return True
    return False
