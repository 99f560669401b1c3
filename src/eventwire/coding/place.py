"""Where it happened: the sentence's place mention that best fits the trigger, then its point."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..acled import STATE_SECTORS
from ..events import Actor, Event, Place, Span
from ..geo.resolve import ArticlePlaces, Location, country_point, locate
from ..mentions.places import DIRECTIONS, SEAT, Gazetteer, PlaceCandidate, PlaceMention, name_keys, seat_of_the_party
from ..mentions.triggers import TriggerMatch, names_a_truce
from .context import TriggerContext
from .coref import earlier_mention
from .roles import MOVEMENT_TYPES, VERBAL_TYPES


def choose_place(ctx: TriggerContext, etype: str, people: Sequence[Token] = ()) -> PlaceMention | None:
    """The most specific place in the trigger's clause, not in its subject ("Turkey deployed"), nor
    a name that stands for a party (``_party_name``; ``people``: the article's people, ``people_named``)."""
    if not ctx.places:
        return None
    subject_tokens = {t.i for t in ctx.subject.subtree} if ctx.subject is not None else set()
    head_i = ctx.head.i

    in_a_country = _where_in_a_country(ctx)

    def score(p: PlaceMention) -> tuple:
        in_clause = p.head_i in ctx.clause
        in_subject = p.head_i in subject_tokens and p.relation is None
        # a possessor, a movement's origin, a division written in brackets after the place ("(Ardal)"),
        # but not one written after a country, which says where in it ("western Ostland (Ardal)")
        qualifies = p.relation == "within" and p not in in_a_country
        rel_penalty = 1 if p.relation in ("from",) and etype not in MOVEMENT_TYPES or p.relation == "poss" or qualifies else 0
        near = 1 if p.relation in ("near", "outside", "around") else 0
        return (in_clause and not in_subject, -rel_penalty, p.specificity, -near, -abs(p.head_i - head_i))

    # a country used as the actor ("Turkey deployed") is not where it happened, nor is the one
    # an envoy is posted to ("Russia's ambassador to Turkey was shot at a gallery"); but one that
    # suffered or saw the acts is where they happened ("Ostland has suffered a wave of bombings")
    doc = ctx.sent.doc
    undergone = {p.head_i for p in ctx.places if p.kind == "country" and _undergoes(doc[p.head_i], ctx.head)}
    usable = [p for p in ctx.places if p.head_i in undergone or not (p.kind == "country" and p.relation is None and p.head_i in subject_tokens)
              and not _posting(doc[p.head_i]) and not _origin(doc[p.head_i])
              and not _party_name(p, doc[p.head_i], people) and not _told_as_a_side(doc[p.head_i])]  # fmt: skip
    if etype in VERBAL_TYPES:
        # a statement or a request happens where its speaker is, not at the places it is about
        # ("called on Ostland to free him", "a rally in support of the people of Kelmar")
        content = _what_is_said(ctx.trig)
        spoken = max((p for p in usable if p.head_i not in content and _told_as_a_location(p, doc)
                      and (p.head_i not in subject_tokens or _speakers_place(p, doc))), key=score, default=None)  # fmt: skip
        if spoken is None and etype == "AGREE":
            # "agreed a ceasefire for Dalo": a truce happens where it holds
            return max((p for p in usable if _truce_held_in(p, doc)), key=score, default=None)
        return spoken
    # a country told as a party ("Ostland's news agency reported", "as Ostland accused", "backed by
    # Ostland", "militias from Ostland") is no place of the act, even when the sentence names no other:
    # the story's place is then taken from the article (``place_the_unplaced``)
    usable = [p for p in usable if not (p.kind == "country" and _told_as_a_party(p, etype)) or p.head_i in undergone]
    # "in northern Ostland (Ardal, Dunval)": the bracket says where in the country
    usable = [p for p in usable if not (p.kind == "country" and any(q in in_a_country for q in usable))] or usable
    # "Nihm district west of Marib city": the town a place's bearing is told from is no place of the event
    usable = [p for p in usable if not _bearing_of_another(p, ctx)] or usable
    return max(usable, key=score) if usable else None


# the relations of a country told as a party, not as where something is: bare or a possessor ("Ostland
# said", "Ostland's agency"), a subject ("as Ostland accused"), an agent, a partner, a beneficiary, a
# whole ("the government of Ostland"); a movement's origin and goal are its places
_PARTY_RELATIONS_OF_A_COUNTRY = frozenset({None, "poss", "as", "by", "with", "against", "for", "of"})


def _told_as_a_party(p: PlaceMention, etype: str) -> bool:
    """Is a country named as a party to an act of ``etype`` rather than as where it happened?"""
    return p.relation in _PARTY_RELATIONS_OF_A_COUNTRY or p.relation in ("from", "to") and etype not in MOVEMENT_TYPES


# verbs whose subject is where the acts of their object happened: "Ostland has suffered a wave of
# bombings", "Kelmar has seen a rise in attacks"
_UNDERGO = frozenset("suffer see witness experience endure undergo".split())


def _undergoes(tok: Token, head: Token) -> bool:
    """Is ``tok`` (a name's word: "Burkina" of "Burkina Faso") the subject of a verb of undergoing that
    is the act's word or governs it?"""
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_.lower() not in _UNDERGO:
        return False
    return verb.i == head.i or any(t.i == head.i for t in verb.subtree)


# what lies between a country and the bracket of divisions after it: a compass word's bracket opens
# right after the name ("northern Ostland (Ardal, Dunval)"), and the names it holds go on to its end
_COUNTRY_BRACKET = re.compile(r"\s*\([^()]*")


def _where_in_a_country(ctx: TriggerContext) -> list[PlaceMention]:
    """The sentence's places written in a bracket right after a country's name ("air raids on an area
    in northern Ostland (Ardal, Dunval)"): where in that country, the finest place the sentence gives,
    when it names no other ("Tarvo district in western Ostland (Dunval)" is in Tarvo district, which the
    bracket qualifies)."""
    base = ctx.sent.start_char
    countries = [p for p in ctx.places if p.kind == "country"]
    if not countries or any(p.kind != "country" and p.relation != "within" for p in ctx.places):
        return []
    return [p for p in ctx.places if p.relation == "within" and p.kind != "country"
            and any(c.end <= p.start and _COUNTRY_BRACKET.fullmatch(ctx.text, c.end - base, p.start - base)
                    for c in countries)]  # fmt: skip


# prepositions that say where an act was done ("said in Kelmar", "at a meeting in Tarvo"); any other
# tells what the act is about or whom it is aimed at ("called on Ostland", "concern about Dunval")
_WHERE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "from", "during", "across", "throughout", "around"})
# what a verbal act's word governs that is what is said, asked or done to another
_CONTENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "dative", "attr", "oprd", "acl", "relcl", "pcomp"})


def _what_is_said(trig: TriggerMatch) -> set[int]:
    """Token indices of what a verbal act is about: the object, the complement and the other
    prepositions' phrases of its words ("signed an agreement in Kelmar" is one act, its place no
    content), and of the light verb its noun is the object of ("made an appeal to Ostland"). A
    place there ("condemned Ostland's role in Dunval", "asked them to return him to Ostland",
    "called on Ostland") is no place where the act was done."""
    head = trig.head
    owners = {head, *trig.tokens} | ({trig.noun} if trig.noun is not None else set())
    if head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
        owners.add(head.head)
    mine = {t.i for t in owners}
    out: set[int] = set()
    for owner in owners:
        for child in owner.children:
            if child.i in mine or child.dep_ == "ccomp" and child.i < head.i:
                continue  # (a clause before the verb is told beside it more often than by it: "X protested, and called for")
            if child.dep_ in _CONTENT_DEPS or child.dep_ == "prep" and child.lower_ not in _WHERE_PREPS:
                out.update(t.i for t in child.subtree)
    return out - mine


def _truce_held_in(p: PlaceMention, doc: Doc) -> bool:
    """Is the place where a truce is to hold ("a ceasefire for Dalo", "the truce in eastern Tarvo")?"""
    tok = doc[p.head_i]
    return p.relation in ("for", "in") and tok.dep_ == "pobj" and names_a_truce(tok.head.head)


def _told_as_a_location(p: PlaceMention, doc: Doc) -> bool:
    """Is the place told as where something is ("in Kelmar", "a Kelmar doctor"), not as a party or a
    thing named ("thanked Ostland", "Ostland's envoy", "don't forget Kelmar")?"""
    return p.relation in _WHERE_PREPS | _SETTING_RELATIONS or p.kind != "country" and doc[p.head_i].dep_ in ("compound", "amod", "nmod")


def _speakers_place(p: PlaceMention, doc: Doc) -> bool:
    """Is a place in a verbal act's subject where its speaker is ("a Kelmar doctor said", "organizers
    of the Tarvo rally asked", "protesters in Kelmar demanded")? Not a country so named, the
    speaker's side ("an Ostland official"), nor where they come from ("a senator of Dunval"), nor a
    place deeper in the subject's words ("organizers of a rally for the people in Kelmar")."""
    tok = doc[p.head_i]
    if p.kind == "country":
        return False
    if tok.dep_ in ("compound", "amod", "nmod"):
        return True
    # "protesters in Kelmar", "the minister, speaking in Kelmar": a place of the speaker themself
    holder = tok.head.head if tok.dep_ == "pobj" else tok
    if holder.dep_ == "acl":
        holder = holder.head
    return p.relation in _SETTING_RELATIONS and holder.dep_ in ("nsubj", "nsubjpass")


# what lies between a place and the reference point its bearing is told from: its keyword, a comma,
# a distance ("Tarvo village, 12 km north-west of Kelmar")
_BEARING_GAP = re.compile(
    r"(?:\s+[a-z]+)?\s*,?\s*(?:(?:about|some|around|roughly|nearly|approximately)\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:km|kms|kilometers|kilometres|miles|mi)\.?\s+)?"
    r"(?:to\s+the\s+)?(?:" + "|".join(d.replace("-", r"[\s-]?") for d in sorted(DIRECTIONS, key=len, reverse=True)) + ")"
    r"\s+of\s+(?:the\s+)?",
    re.I,
)


def _bearing_of_another(p: PlaceMention, ctx: TriggerContext) -> bool:
    """Is ``p`` the reference point of the sentence's place right before it ("Nihm district west of
    Marib city", "Tarvo, 10 km south of Kelmar")? The event is at the place described, not the town
    it is described from."""
    if p.relation is None or not p.relation.endswith(" of") or p.relation[:-3] not in DIRECTIONS:
        return False
    base = ctx.sent.start_char
    for q in ctx.places:
        if q.end <= p.start and q.kind != "country" and p.start - q.end < 60:
            if _BEARING_GAP.fullmatch(ctx.text, q.end - base, p.start - base):
                return True
    return False


# how a party is named beside an act: bare ("Tarvoport said"), or after these ("employed by Tarvoport")
_PARTY_RELATIONS = frozenset({None, "by", "with", "against", "for"})


def _party_name(p: PlaceMention, tok: Token, people: Sequence[Token]) -> bool:
    """Does a name read as a place stand for a party? A name the gazetteer lacks, named bare or as a
    party ("Dunval said", "staff employed by Tarvoport"), is a person or a firm; so is a person's
    surname named again ("pastor Ivo Kelmar ... Kelmar has been held"), whatever town has that name."""
    if p.kind == "place" and not p.candidates and p.relation in _PARTY_RELATIONS and not _a_site(p):
        return True  # (but a site is a site: "crossing the Tarvo Bridge")
    return p.kind != "country" and tok.pos_ == "PROPN" and earlier_mention(tok, people) is not None


# what a side is told "with" that is a place: "on the border with Ostland", "the frontier with Kelmar"
_SHARED_EDGES = frozenset("border borders frontier boundary line".split())


def _told_as_a_side(tok: Token) -> bool:
    """Is the name told as a party to the act, not where it was done: the doer of a passive ("a truce
    brokered by Ostland") or a partner ("a truce brokered with Kelmar", "collapsed talks with
    Ostland"), but not the other side of a border ("clashes on the border with Ostland")?"""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ not in ("agent", "prep"):
        return False
    if prep.dep_ == "agent":
        return True
    return prep.lower_ == "with" and prep.head.lemma_.lower() not in _SHARED_EDGES


_ENVOYS = frozenset("ambassador envoy consul emissary representative attache attaché ambassadors envoys".split())


def _posting(tok: Token) -> bool:
    """Is ``tok`` the country an envoy is posted to ("the ambassador to Turkey")?"""
    prep = tok.head
    return prep.dep_ == "prep" and prep.lower_ == "to" and prep.head.lemma_.lower() in _ENVOYS


# words that make a place where someone comes from: "a North Carolina native", "Kelmar-born"
_ORIGIN_WORDS = frozenset("native natives born bear citizen citizens national nationals descent origin expatriate".split())


def _origin(tok: Token) -> bool:
    """Is ``tok`` the place someone comes from or is based in ("a Tarvo native", "born in Tarvo",
    "a Vienna-based monitor", "a group based in Dakar"), not where the act happened?"""
    head = tok.head
    if tok.dep_ in ("compound", "amod", "nmod", "npadvmod") and head.lemma_.lower() in _ORIGIN_WORDS:
        return True
    if seat_of_the_party(tok):
        return True
    # "born in Tarvo", "a native of Tarvo"
    return tok.dep_ == "pobj" and head.dep_ == "prep" and (head.lower_, head.head.lower_) in _ORIGIN_PHRASES


_ORIGIN_PHRASES = frozenset({("in", "born"), ("of", "native"), ("of", "natives")})


def locate_place(mention: PlaceMention, ctx: TriggerContext, in_article: ArticlePlaces, gazetteer: Gazetteer,
                 actors: tuple[Actor | None, ...] = ()) -> Place:  # fmt: skip
    """The mention's point, precision and divisions, read in the context of the article and actors."""
    # The event's actors are context too: "Lebanese troops shelled Tripoli" is the Lebanese Tripoli,
    # unless the name is unambiguous on its own.
    # (not an actor named by the place itself, "organizers of a London rally": its country is only
    # the name's most common reading, no evidence of which one is meant)
    actor_countries = {a.country for a in actors if a is not None and a.country
                       and not a.span.start <= mention.start < a.span.end}  # fmt: skip
    if mention.candidates and not mention.is_strong and actor_countries:
        readings = [c for c in mention.candidates if c.country in actor_countries]
        if readings and (mention.resolved is None or mention.resolved.country not in actor_countries):
            mention = mention.in_context({c: 100.0 for c in actor_countries}, in_article.main_country)
    return _located(mention, list(ctx.places), in_article, gazetteer, near_home_town=_a_site(mention))


# the last words of a site's name: a park, a square, a church lies inside a town
_SITE_WORDS = frozenset("park square plaza street avenue road church cathedral mosque temple stadium market hospital "
                        "school university college hall bridge airport station".split())  # fmt: skip


def _a_site(mention: PlaceMention) -> bool:
    """Is the mention a site ("Dunmerrow Park", "the Tarvo mosque")? One the gazetteer lacks lies in the
    town a local story is about, not at its province's seat; a village it lacks may lie anywhere in
    the province, which stays its place."""
    return mention.kind == "facility" or mention.name.split()[-1].lower() in _SITE_WORDS


# relations by which a sentence says where its story is ("In Corvale, police dismantled …")
_SETTING_RELATIONS = frozenset({"in", "at", "near", "outside", "around", "inside"})


def sentence_setting(places: list[PlaceMention], in_article: ArticlePlaces, gazetteer: Gazetteer) -> Place | None:
    """Where a sentence sets its story even when no act of it was read ("On 8 May, in Corvale,
    Orlen, police dismantled a lab", "a clash ensued in the capital"): its most specific place
    introduced by a locative preposition. A paragraph's next acts that name no place happened there."""
    usable = [p for p in places if p.relation in _SETTING_RELATIONS]
    if not usable:
        return None
    mention = max(usable, key=lambda p: (p.specificity, -p.start))
    return _located(mention, places, in_article, gazetteer)


def _located(mention: PlaceMention, places: list[PlaceMention], in_article: ArticlePlaces, gazetteer: Gazetteer,
             near_home_town: bool = False) -> Place:  # fmt: skip
    """The mention as an event's place: resolved among its sentence's ``places`` and the article's,
    a division's at its seat (``at_division_seat``)."""
    loc = locate(mention, places, in_article, in_article.main_country, gazetteer, near_home_town=near_home_town)
    return _place(mention, at_division_seat(loc, gazetteer))


def at_division_seat(loc: Location, gazetteer: Gazetteer) -> Location:
    """An event known only to its first-level division is put at the division's seat, not at the
    middle of its land: ACLED codes such an event to the provincial capital, and a report names the
    province when it happened in its capital as often as anywhere else. The gazetteer knows no
    capitals; a division named after a town of its own is seated there (Fier province at Fier, though a
    bigger town lies in it), any other at its most populous town, its seat more often than not. The
    precision stays the division's."""
    biggest_town = getattr(gazetteer, "biggest_town", None)  # (a gazetteer may not say)
    if loc.geo_precision != "admin1" or biggest_town is None or not loc.country or not loc.admin1:
        return loc
    seat = _namesake_town(loc.country, loc.admin1, gazetteer) or biggest_town(loc.country, loc.admin1)
    if seat is None or seat.latitude is None:
        return loc
    return replace(loc, latitude=seat.latitude, longitude=seat.longitude)


def _namesake_town(country: str, admin1: str, gazetteer: Gazetteer) -> PlaceCandidate | None:
    """The biggest town of a first-level division that bears the division's own name, or None."""
    keys = name_keys(admin1)
    towns = [c for c in gazetteer.lookup(admin1) if c.country == country and c.admin1 == admin1 and c.latitude is not None
             and c.kind not in ("province", "region", "district", "country") and keys & name_keys(c.name)]  # fmt: skip
    return max(towns, key=lambda c: c.population, default=None)


def _place(mention: PlaceMention, loc: Location) -> Place:
    return Place(
        text=mention.text, name=mention.name, country=loc.country, span=Span(mention.start, mention.end),
        geonameid=loc.geonameid, latitude=loc.latitude, longitude=loc.longitude, admin1=loc.admin1,
        admin2=loc.admin2, feature=loc.feature, geo_precision=loc.geo_precision, relation=loc.relation,
        anchor=loc.anchor,
    )  # fmt: skip


def story_setting(in_article: ArticlePlaces, gazetteer: Gazetteer) -> Place | None:
    """Where the article's report was filed: its dateline's place, located as any place is."""
    if in_article.dateline is None:
        return None
    first = [p for places in in_article.by_sentence[:3] for p in places]
    return _located(in_article.dateline, first, in_article, gazetteer)


class PlacesTold:
    """The places each sentence names, as a paragraph's places for the acts of its sentences that name
    none (``nearest``). A sentence's place is located only when an act asks for it."""

    def __init__(self, sentences: Sequence[tuple[int, list[PlaceMention]]], text: str, in_article: ArticlePlaces,
                 gazetteer: Gazetteer):  # fmt: skip
        self.sentences = sentences  # (the sentence's first character, its place mentions), in reading order
        self.text = text
        self.in_article = in_article
        self.gazetteer = gazetteer
        self._located: dict[int, Place | None] = {}

    def nearest(self, at: int, country: str | None) -> Place | None:
        """The place finer than a country that the paragraph holding character ``at`` names nearest to
        it, in ``country`` when one is given ("Gunmen from Tarvo (Kelmar district) raided a farm. Two
        were killed." and "Arsonists burned a car. It happened in Tarvo." name where each act was)."""
        start = self.text.rfind("\n\n", 0, at) + 1
        end = self.text.find("\n\n", at)
        end = len(self.text) if end < 0 else end
        found = [(abs(first - at), i) for i, (first, _) in enumerate(self.sentences) if start <= first < end]
        for _, i in sorted(found):
            place = self._sentence_place(i)
            if place is not None and (country is None or place.country == country):
                return place
        return None

    def first(self, country: str) -> Place | None:
        """The first place finer than a country that the article names in ``country``."""
        return next((p for i in range(len(self.sentences)) if (p := self._sentence_place(i)) is not None
                     and p.country == country), None)  # fmt: skip

    def _sentence_place(self, i: int) -> Place | None:
        if i not in self._located:
            self._located[i] = _finest_place(self.sentences[i][1], self.in_article, self.gazetteer)
        return self._located[i]


# relations by which a sentence names where someone comes from or goes, not where things happen
# ("vendors from Mzuzu waited", "marched towards Kelmar")
_AWAY_RELATIONS = frozenset({"from", "to", "towards", SEAT})


def _finest_place(places: list[PlaceMention], in_article: ArticlePlaces, gazetteer: Gazetteer) -> Place | None:
    """A sentence's most specific place with a point finer than its country (the first of equals), or
    None; not a place someone comes from or goes to."""
    usable = [p for p in places if p.kind != "country" and p.relation not in _AWAY_RELATIONS]
    for mention in sorted(usable, key=lambda p: (-p.specificity, p.start)):
        place = _located(mention, places, in_article, gazetteer)
        if place.latitude is not None and place.geo_precision not in (None, "country"):
            return place
    return None


def place_the_unplaced(events: list[Event], setting: Place | None, main_country: str | None,
                       gazetteer: Gazetteer, told: PlacesTold | None = None) -> list[Event]:  # fmt: skip
    """Give each event whose sentence names no place the place an analyst would (``_fallback_place``).
    The precision is the place's own: a country stays a country. ``told``: the places the article's
    sentences name."""
    out: list[Event] = []
    for ev in events:
        if ev.place is None:
            ev = replace(ev, place=_fallback_place(ev, out, setting, main_country, gazetteer, told))
        out.append(ev)
    return out


def _fallback_place(ev: Event, before: list[Event], setting: Place | None, main_country: str | None,
                    gazetteer: Gazetteer, told: PlacesTold | None = None) -> Place | None:  # fmt: skip
    """A story goes on where it was last told to be: the place of the nearest earlier act that
    happened (not one planned or denied), finer than a country, in the acting party's country;
    else the place its paragraph names nearest to it (in a sentence where no act was read, before
    or after: "The incident occurred in Tarvo."), in that country; else the dateline, when the party
    is local to it; else the acting party's country (a state's or its people's act with no place
    named is coded to the country). A party of no known country is taken to act where the report
    was filed, else where the story last was. A statement or a request is no part of the scene
    before it (a governor condemns a raid from anywhere): it takes the dateline or its speaker's
    country only."""
    # whom an act is aimed at says little of where it was done (a foreigner held abroad, a statement
    # about another state)
    party = ev.source
    country = party.country if party is not None and party.country else None
    dateline = setting if setting is not None and setting.latitude is not None else None
    if country is None and dateline is not None:
        return dateline
    for earlier in [] if ev.type in VERBAL_TYPES else reversed(before):
        p = earlier.place
        if (earlier.factuality == "asserted" and p is not None and p.latitude is not None and p.geo_precision != "country"
                and (country is None or p.country == country)):  # fmt: skip
            return p
    if told is not None and ev.type not in VERBAL_TYPES:
        named = told.nearest(ev.evidence.trigger.start, country or main_country) or told.nearest(ev.evidence.trigger.start, None)
        if named is not None:
            return named
    if dateline is not None and dateline.country == country:
        return dateline
    # a party below the state (a legislator, advocates, a coalition) speaks where the story is, the
    # first place finer than its country the article names there; a state speaks for its country (an
    # act is not moved to a place another paragraph names: that is no scene of its own)
    if ev.type in VERBAL_TYPES and country is not None and told is not None and party.sector not in STATE_SECTORS \
            and (scene := told.first(country)) is not None:  # fmt: skip
        return scene
    if country is not None:
        return _country_place(country, party.text, party.span, gazetteer)
    trigger = ev.evidence.trigger
    return _country_place(main_country, "", Span(trigger.start, trigger.start), gazetteer)


def _country_place(iso3: str | None, words: str, span: Span, gazetteer: Gazetteer) -> Place | None:
    """A country's point as an event's place, with country precision. Its evidence is the words of
    the party whose country it is ("the Ostland government"); for the article's own country no
    words say it, and its span is empty, at the trigger."""
    point = country_point(iso3, None, gazetteer) if iso3 else None
    if point is None or point.latitude is None:
        return None
    return Place(text=words, name=point.name, country=iso3, span=span, latitude=point.latitude,
                 longitude=point.longitude, geo_precision="country")  # fmt: skip
