"""Actor mentions: who acted and on whom, with country and sector.

Actor knowledge lives in data/actors.csv (name, canonical, country, sector,
kind; optionally former_sector and since, for an actor whose role changed on a
day: an insurgency that became the government) and in any CSV a user adds with
the same header; code only decides which words of a noun phrase to look up.
Resolution order, for a phrase such as "a convoy of five US military vehicles":
1. a named actor in the phrase (organisation, person, country, capital);
2. a country or demonym modifying a generic head ("Turkish troops");
3. a generic head alone ("villagers"), whose country comes from where the
   event happened or, failing that, from the article's main country.
"""

from __future__ import annotations

import copy
import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..errors import EventwireError
from ..events import Actor, Span
from ..ontology import SECTORS
from .places import names_a_backer, names_a_side
from .triggers import noun_forms, ordered_noun_forms

NAMED_KINDS = ("org", "person", "country", "capital")
PRONOUNS = frozenset("he she it they we i you who which that this those these him her them its one".split())
# Heads that stand for the group they are "of": "a convoy of trucks", "members of the SDF".
COLLECTIVE_HEADS = frozenset(
    "convoy column group unit members member number dozens hundreds thousands team contingent "
    "battalion detachment delegation squad platoon brigade wave fleet crowd scores elements".split()
)
# Words that stand for a part of the group they are "of": "some of the rebel groups", "several of the
# villages", "most of the strikers" (a pronoun or adjective alone, "some said", names no one)
PARTITIVE_HEADS = frozenset("some several many most all few none each both any either neither half majority rest".split())
# the actor data's canonical name for states told together by no name ("Western countries", "nations")
SEVERAL_STATES = "states"
# a militia's nouns: the community it is from names it ("militiamen from the Tarvo clan")
MILITIA_NOUNS = frozenset("militia militias militiaman militiamen".split())
# a conjunct is another actor ("Russia and Turkey"): the coder reads it separately
_DROP_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "punct", "parataxis", "ccomp", "dep", "conj", "cc"})


@dataclass(frozen=True)
class ActorEntry:
    name: str
    canonical: str
    country: str | None
    sector: str
    kind: str
    # the sector the actor had before ``since`` (a news report of that time means that role)
    former_sector: str | None = None
    since: date | None = None

    def as_of(self, day: date | None) -> "ActorEntry":
        """The entry as a report of ``day`` means it: its former sector before the day its role changed."""
        if self.since is None or day is None or day >= self.since or self.former_sector is None:
            return self
        return replace(self, sector=self.former_sector)


class ActorIndex:
    """Case-insensitive lookup of actor names (up to ``max_words`` tokens long)."""

    def __init__(self, entries: Iterable[ActorEntry]):
        self.by_name: dict[str, ActorEntry] = {}
        # Short acronyms match only as written: "US" is not "us", "IS" not "is", "WHO" not "who".
        self.acronyms: dict[str, ActorEntry] = {}
        for e in entries:
            # first entry wins: the bundled file is ordered with the common reading first;
            # user files are loaded first so they override it.
            if _is_acronym(e.name):
                self.acronyms.setdefault(e.name, e)
            else:
                self.by_name.setdefault(_key(e.name), e)
        self.max_words = max((len(k.split()) for k in self.by_name), default=1)
        # entries whose role changed on a day, and the index as earlier days read it (``as_of``)
        self._dated = tuple(e for e in (*self.by_name.values(), *self.acronyms.values()) if e.since is not None)
        self._views: dict[tuple[bool, ...], ActorIndex] = {}
        self.country_names: dict[str, str] = {}
        for e in self.by_name.values():
            if e.kind == "country" and e.country:
                self.country_names.setdefault(e.country, e.canonical)

    def get(self, text: str) -> ActorEntry | None:
        return self.acronyms.get(text) or self.by_name.get(_key(text))

    def plural_demonym(self, tok: Token) -> ActorEntry | None:
        """"Palestinians", "Iraqis": a people named by its demonym in the plural, which the tagger
        takes for a proper noun and so leaves unlemmatised."""
        # the first form that names anything decides: "the Philippines" is a country, not a
        # plural of the demonym "Philippine"
        entry = next((e for f in ordered_noun_forms(tok) if (e := self.by_name.get(f)) is not None), None)
        return entry if entry is not None and entry.kind == "demonym" else None

    def as_of(self, day: date | None) -> "ActorIndex":
        """The index as a report of ``day`` reads it: each actor whose role changed since has its
        role of then. Itself when no entry changed after ``day`` (most days: no copy is made)."""
        if day is None or not self._dated:
            return self
        # the view depends only on which roles had not changed yet: one per such set, not per day
        before = tuple(day < e.since for e in self._dated)
        if not any(before):
            return self
        if before not in self._views:
            self._views[before] = self._view(day)
        return self._views[before]

    def _view(self, day: date) -> "ActorIndex":
        view = copy.copy(self)
        view.by_name = {k: e.as_of(day) for k, e in self.by_name.items()}
        view.acronyms = {k: e.as_of(day) for k, e in self.acronyms.items()}
        view._dated, view._views = (), {}
        return view

    def find(self, tokens: list[Token]) -> list[tuple[int, int, ActorEntry]]:
        """Non-overlapping longest matches in ``tokens`` as (start, end, entry), token positions in the list."""
        out: list[tuple[int, int, ActorEntry]] = []
        i = 0
        n = len(tokens)
        # each token's text is read once (Token.text makes a new string on every call): the
        # windows below would read it up to max_words times each
        texts = [t.text for t in tokens]
        while i < n:
            if tokens[i].lower_ == "the":  # names are keyed without it (see _key)
                i += 1
                continue
            hit = None
            for j in range(min(n, i + self.max_words), i, -1):
                entry = self.get(" ".join(texts[i:j]))
                if entry is None and j - i == 1:
                    entry = self.by_name.get(_key(tokens[i].lemma_))
                if entry is not None and entry.kind in _PROPER_KINDS and not texts[i][:1].isupper():
                    entry = None  # a name is written as one: "a male driver" is no one of Malé
                if entry is not None:
                    hit = (i, j, entry)
                    break
            if hit:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out

    def country_name(self, iso3: str | None) -> str | None:
        return self.country_names.get(iso3) if iso3 else None


def country_names(index: ActorIndex) -> dict[str, str]:
    """Folded country names and variants -> ISO3, from the actor data ("Syria", "US", "DRC")."""
    from .places import fold_name

    return {
        fold_name(name): e.country
        for name, e in [*index.by_name.items(), *index.acronyms.items()]
        if e.kind == "country" and e.country
    }


# kinds of entry that are proper names, written with a capital ("Chad", "Male", "Jordan"): the
# same letters in lower case are words ("chad", "male", "jordan almonds")
_PROPER_KINDS = frozenset({"country", "capital", "person"})


def _is_acronym(name: str) -> bool:
    return name.isupper() and len(name) <= 5 and "." not in name and " " not in name


# (remembered: ``ActorIndex.find`` keys every window of words of every phrase it reads, and the
# same few words come back phrase after phrase; a pure function of its string)
@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    text = text.lower().replace("’", "'").replace("-", " ")
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.split())


def read_actor_csv(data: str, where: str) -> list[ActorEntry]:
    """Parse an actors CSV (header: name,canonical,country,sector,kind), checking each row."""
    reader = csv.DictReader(io.StringIO(data))
    missing = {"name", "canonical", "country", "sector", "kind"} - set(reader.fieldnames or ())
    if missing:
        raise EventwireError(f"{where}: actor file lacks the column(s) {', '.join(sorted(missing))}")
    entries = []
    for lineno, row in enumerate(reader, 2):
        sector = (row["sector"] or "").strip()
        if sector not in SECTORS:
            raise EventwireError(f"{where}:{lineno}: sector {sector!r} is not one of {', '.join(SECTORS)}")
        name = (row["name"] or "").strip()
        if not name:
            continue
        former, since = _former_role(row, f"{where}:{lineno}")
        entries.append(
            ActorEntry(
                name=name,
                canonical=(row["canonical"] or name).strip(),
                country=(row["country"] or "").strip().upper() or None,
                sector=sector,
                kind=(row["kind"] or "org").strip(),
                former_sector=former,
                since=since,
            )
        )
    return entries


def _former_role(row: dict[str, str | None], where: str) -> tuple[str | None, date | None]:
    """The optional (former_sector, since) of a row: both or neither, a known sector and an ISO date."""
    former = (row.get("former_sector") or "").strip() or None
    since_text = (row.get("since") or "").strip() or None
    if former is None and since_text is None:
        return None, None
    if former is None or since_text is None:
        raise EventwireError(f"{where}: former_sector and since go together; give both or neither")
    if former not in SECTORS:
        raise EventwireError(f"{where}: former sector {former!r} is not one of {', '.join(SECTORS)}")
    try:
        return former, date.fromisoformat(since_text)
    except ValueError:
        raise EventwireError(f"{where}: since {since_text!r} is not a date (YYYY-MM-DD)") from None


def load_actor_index(extra_files: Iterable[str | Path] = ()) -> ActorIndex:
    """The bundled actors plus the user's files (``EVENTWIRE_ACTORS``, os.pathsep-separated)."""
    files = list(extra_files)
    env = os.environ.get("EVENTWIRE_ACTORS")
    if env:
        files.extend(p for p in env.split(os.pathsep) if p)
    if not files:
        return default_actor_index()
    entries: list[ActorEntry] = []
    for f in files:
        entries.extend(read_actor_csv(Path(f).read_text(encoding="utf-8"), str(f)))
    entries.extend(_bundled_entries())
    return ActorIndex(entries)


@lru_cache(maxsize=1)
def _bundled_entries() -> tuple[ActorEntry, ...]:
    data = resources.files("eventwire").joinpath("data/actors.csv").read_text(encoding="utf-8")
    return tuple(read_actor_csv(data, "eventwire/data/actors.csv"))


@lru_cache(maxsize=1)
def default_actor_index() -> ActorIndex:
    return ActorIndex(_bundled_entries())


def actor_phrase(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``, without clauses, appositions or
    prepositional attachments other than "of" (kept: "members of the SDF")."""
    keep: list[Token] = []

    def walk(tok: Token) -> None:
        keep.append(tok)
        for child in tok.children:
            dep = child.dep_  # (read once: each read of a label is a call that looks its string up)
            if dep in _DROP_DEPS and not (dep == "punct" and child.text == "-"):  # "Greek-owned"
                continue
            if dep == "prep":
                word = child.lower_
                if word == "from" and tok.lower_ in MILITIA_NOUNS:
                    walk(child)  # where a militia is from names it: "militiamen from the Tarvo clan"
                    continue
                if word not in ("of", "for"):
                    continue
                if word == "for" and not _is_name_part(tok):
                    continue
            walk(child)

    walk(head)
    keep.sort(key=lambda t: t.i)
    # keep a contiguous run around the head
    start = end = keep.index(head)
    while start > 0 and keep[start - 1].i == keep[start].i - 1:
        start -= 1
    while end < len(keep) - 1 and keep[end + 1].i == keep[end].i + 1:
        end += 1
    run = keep[start : end + 1]
    while run and (run[-1].is_punct or run[-1].dep_ == "cc"):
        run.pop()
    while run and (run[0].is_punct or run[0].dep_ == "cc"):
        run.pop(0)
    return run


def _is_name_part(tok: Token) -> bool:
    # "Syrian Observatory for Human Rights": a "for" inside a proper name belongs to it.
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "GPE", "NORP", "FAC")


def resolve_actor(
    head: Token,
    index: ActorIndex,
    *,
    context_country: str | None = None,
    foreign_mentioned: bool = False,
) -> Actor | None:
    """Resolve the phrase headed by ``head`` to an actor, or None for pronouns and empty heads.

    ``context_country`` is where the event happened; it is lent to generic actors
    ("villagers", "police") but not to armed forces or officials when the sentence
    names another country (``foreign_mentioned``): "troops" in a sentence about a
    Turkish deployment need not be the host country's.
    """
    if (head.lower_ in PRONOUNS or head.pos_ == "PRON") and not (head.lower_ in PARTITIVE_HEADS and of_object(head)):
        return None
    if head.ent_type_ in ("DATE", "TIME"):
        return None  # "December 23, 2010) - ... announced": a dateline's day the parser made the subject
    phrase = actor_phrase(head)
    if head not in phrase:
        return None  # a punctuation head ("-" parsed as a subject in real text) names no actor
    doc = head.doc
    text_span: SpacySpan = doc[phrase[0].i : phrase[-1].i + 1]
    # A collective head stands for what it is "of": resolve the inner phrase.
    # (nested: "hundreds of thousands of people")
    inner_head = head
    for _ in range(3):
        if not (noun_forms(inner_head) & COLLECTIVE_HEADS or inner_head.like_num or inner_head.lower_ in PARTITIVE_HEADS):
            break
        pobj = of_object(inner_head)
        if pobj is None:
            break
        inner_head = pobj
    matches = [m for m in index.find(phrase) if not _opposed(phrase, m[0])
               and not any(map(names_a_backer, phrase[m[0] : m[1]]))
               and not _sides_with_a_state(phrase[m[0] : m[1]], m[2])]  # fmt: skip
    named = [m for m in matches if m[2].kind in ("org", "person")]
    countries = [m for m in matches if m[2].kind in ("country", "capital", "demonym")]
    head_pos = phrase.index(inner_head) if inner_head in phrase else phrase.index(head)
    head_entry = next((e for s, e_, e in matches if s <= head_pos < e_), None)
    generic = head_entry if head_entry is not None and head_entry.kind == "generic" else None
    if generic is None and inner_head.i == head.i and noun_forms(head) & COLLECTIVE_HEADS:
        # a collective head with no "of" is of what its modifiers name: "opposition party members",
        # "militia members", "union members" (the entry of compounds that ends right before it; not a
        # side: "pro-government groups" are a faction)
        generic = next((e for s, e_, e in matches if e_ == head_pos and e.kind == "generic"
                        and phrase[e_ - 1].dep_ == "compound"), None)  # fmt: skip
    office = None
    if generic is None:
        generic = index.get(inner_head.lemma_) or index.get(inner_head.text)
        if generic is None:
            generic = next((e for f in ordered_noun_forms(inner_head) if (e := index.get(f)) is not None), None)
        if generic is None:
            generic = _one_of(inner_head, index)
        if generic is not None and generic.kind != "generic":
            generic = None
    head_alone = not any(s <= head_pos < e_ and e_ - s > 1 for s, e_, _ in matches)
    if generic is not None and generic.sector in _FORCE_SECTORS and head_alone and _of_a_trade(inner_head):
        generic = index.get("civilians") or generic  # "a real estate agent", "a loan officer": no force's
    if (generic is None and not named and inner_head.lemma_.lower() in _UNNAMED_PEOPLE
            or generic is not None and generic.sector == "civilians") and _armed(inner_head):
        generic = index.get("gunmen") or generic  # "an armed man", "armed individuals": armed men of no known group
    if generic is None and not named:
        # an office before a name gives the sector, read whole before any word of it: "President
        # Ivan Duque", "Secretary-General Ivo Dunval" (no general), else a force's word: "army medics"
        office = _office_of_name(inner_head, matches)
        generic = office or _armed_modifier(inner_head, index) or _force_of_conjunct(inner_head, index) \
            or _personnel_of_a_unit(inner_head, index) or _leader_of(inner_head, index)  # fmt: skip
    elif generic is not None and generic.sector == "military" and head_alone \
            and (rebel := _rebel_modifier(inner_head, index)) is not None:
        # "rebel forces", "separatist units": a force of the group its modifier names (not a word of
        # the force's own name: "fighter jets" are a state's aircraft, no fighters')
        generic = rebel
    elif generic is not None and generic.sector == "party" and (force := _state_force_modifier(inner_head, index)) is not None:
        generic = force  # a unit sent out: "an army patrol party", "a police party" (no political party)
    elif generic is not None and generic.sector == "party" and _a_celebration(inner_head):
        generic = index.get("civilians") or generic  # "a wedding party", "a birthday party": guests, no party
    elif generic is not None and generic.canonical == AGENCY:
        # a force's own office is the force's: "the Police Department", "an army bureau"; a
        # "department" after a name in lower case is a province ("the Tarvo department")
        generic = _armed_modifier(inner_head, index) or (None if _a_division(inner_head) else generic)
    elif generic is not None and generic.canonical in (PROPERTY, SITE):
        # a vehicle stands for whoever owns it: "a police car", "government trucks", or whom it
        # carries: "a bus carrying soldiers"; one the text gives no owner is a civilian's. A site,
        # for whoever holds it: "rebel positions", "the positions of the rebels"
        holder = of_object(inner_head) or belonging_to(inner_head) \
            or (_carried(inner_head) if generic.canonical == PROPERTY else None) or possessor(inner_head)
        held_by = None if holder is None else resolve_actor(holder, index, context_country=context_country,
                                                             foreign_mentioned=foreign_mentioned)  # fmt: skip
        if held_by is not None:
            return held_by
        generic = _site_owner(generic, _owner_modifier(inner_head, index)) or generic
    if generic is not None and generic.sector in ("military", "rebels") and _resistance(inner_head) \
            and (militia := index.get("militia")) is not None:
        generic = militia  # "National Resistance forces", "the Southern Resistance": a movement's militia, no state's
    country = next((e.country for _, _, e in countries if e.country), None)
    # a demonym as the head noun names that country's people: "thousands of Iraqis"
    if generic is None and not named and head_entry is not None and head_entry.kind == "demonym" and inner_head.pos_ != "ADJ":
        return _actor(text_span, f"{index.country_name(country) or head_entry.canonical} civilians", country, "civilians")
    if generic is None and not named:
        generic = next((e for _, _, e in matches if e.kind == "demonym" and noun_forms(inner_head) & {_key(e.name) + "s"}), None) \
            or index.plural_demonym(inner_head)  # fmt: skip
        if generic is not None:
            return _actor(text_span, f"{index.country_name(generic.country) or generic.canonical} civilians", generic.country, "civilians")

    if named:
        entry = named[-1][2] if generic is None else named[0][2]
        sector = entry.sector
        ctry = entry.country or country or None
        # "Iraqi health ministry" with a generic "ministry" entry: the country comes from the modifier
        return _actor(text_span, entry.canonical, ctry, sector)
    if generic is not None and generic.sector == "civilians" and not countries:
        # a person named by kin or trade and told by an apposition as what they are ("his brother,
        # also a police officer", "a neighbour, an army colonel"): that
        described = _described(inner_head, index, context_country, foreign_mentioned)
        if described is not None and described.sector != "civilians":
            return _actor(text_span, described.canonical, described.country, described.sector)
    if generic is not None:
        # unidentified gunmen are lent the country too: ACLED and PLOVER give an armed group its
        # country of operation ("Unidentified Armed Group (Mexico)")
        # an international body's people are of no country, wherever they act ("the U.N.
        # secretary-general", "peacekeepers"), unless the phrase names one ("Kenyan peacekeepers")
        # A person named with their office is not lent the place's country either: who they are
        # is the article's to tell ("Sen. Ivo Dunval" in a story of talks abroad; see coding.roles)
        # nor are several states ("Western nations", "several countries"), which are of none
        lend = not (foreign_mentioned and generic.sector in ("military", "government")) and generic.sector != "igo" \
            and office is None and generic.canonical != SEVERAL_STATES  # fmt: skip
        ctry = country or (context_country if lend else None)
        sector = generic.sector
        canonical = f"{index.country_name(ctry) or ''} {sector}".strip() if ctry else generic.canonical
        return _actor(text_span, canonical, ctry, sector)
    if countries:
        entry = countries[0][2]
        if entry.kind == "demonym":
            ctry = entry.country
            # what a people owns is its people's ("Ostlandic-owned shops", "a Velmari-owned farm"),
            # as a thing no owner is named for is a civilian's
            sector = "civilians" if any(t.lower_ == "owned" for t in phrase[countries[0][1]:]) else "unknown"
            return _actor(text_span, f"{index.country_name(ctry) or entry.canonical} {sector}", ctry, sector)
        return _actor(text_span, entry.canonical, entry.country, entry.sector)
    if head.ent_type_ in ("PERSON", "ORG", "NORP") or head.pos_ == "PROPN":
        # a name the actor data does not know, told with what it is: "Ivo Darrel, the Velmar foreign
        # minister", "Marta Kelvo, a teacher" are of that office's (or trade's) sector and country
        described = _described(head, index, context_country, foreign_mentioned)
        if described is not None:
            return _actor(text_span, _strip_det(text_span.text), described.country, described.sector)
        # a company the actor data does not know, by the word its name ends in ("Kelmar Airways")
        sector = "business" if head.ent_type_ == "ORG" and head.lower_ in _COMPANY_WORDS else "unknown"
        return _actor(text_span, _strip_det(text_span.text), None, sector)
    if head.pos_ == "NOUN" and (described := _described(head, index, context_country, foreign_mentioned)) is not None:
        # a word the data does not know, told by an apposition as what it is ("his cousin, a police officer")
        return _actor(text_span, described.canonical, described.country, described.sector)
    if _groups_of_people(head) or inner_head.i != head.i and inner_head.lemma_.lower() in _PEOPLES:
        # (members of a people: "members of the Tarvo community", "members of a caste")
        canonical = f"{index.country_name(context_country) or ''} civilians".strip()
        return _actor(text_span, canonical, context_country, "civilians")
    return _go_between(inner_head, text_span, index, context_country, foreign_mentioned)


# people who lead, speak or deal for a party: told "of" a party the data does not know ("the leaders
# of Ostland", "negotiators of the Varnel council"), they are that party; told alone ("mediators
# urged both sides"), a party of no known sector, who still acted
_GO_BETWEENS = frozenset("negotiator mediator intermediary emissary".split())
_LEADERS = frozenset("leader head chief ruler".split())


def _go_between(head: Token, text_span: SpacySpan, index: ActorIndex, context_country: str | None,
                foreign_mentioned: bool) -> Actor | None:
    lemma = head.lemma_.lower()
    if lemma not in _GO_BETWEENS and lemma not in _LEADERS:
        return None
    of = of_object(head)
    if of is not None and of.pos_ == "PROPN":
        party = resolve_actor(of, index, context_country=context_country, foreign_mentioned=foreign_mentioned)
        if party is not None:
            return _actor(text_span, party.canonical, party.country, party.sector)
    return _actor(text_span, _strip_det(text_span.text), None, "unknown") if lemma in _GO_BETWEENS else None


# words for a people that one is a member of by birth or home, not by joining
_PEOPLES = frozenset("community caste tribe clan family".split())
# words for people gathered as a group, whom nothing else in the phrase names
_PEOPLE_GROUPS = frozenset({"group", "community"})
# modifiers that make a group an armed one, which a text names as such ("an armed group")
_ARMED_GROUP_WORDS = frozenset("armed militant rebel terrorist criminal jihadist insurgent".split())


def _groups_of_people(head: Token) -> bool:
    """Are ``head`` groups of people the actor data knows no more of: "two groups clashed", "two
    groups of the Tarvo community", "farmer groups", "two communities" (ordinary people, not an armed
    group; not "the group", which stands for one named before it)?"""
    if not noun_forms(head) & _PEOPLE_GROUPS or head.pos_ != "NOUN":
        return False
    members = of_object(head)
    if any(c.lemma_.lower() in _ARMED_GROUP_WORDS for t in (head, members) if t is not None for c in t.children):
        return False  # "an armed group", "a group of armed criminals"
    named = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i
             and (c.pos_ == "PROPN" or c.lower_ in ("pro", "anti")) or c.lower_.startswith(("pro-", "anti-"))]
    if named:
        return False  # groups a name or a side names ("Tarvo Front groups", "pro-government groups") are factions
    return head.tag_ == "NNS" or members is not None


# the words for a force's members that are also words of ordinary trades ("an estate agent", "a loan
# officer"), and the services of a state that such a word's modifier names ("customs agents",
# "intelligence officers"): with another modifier, the trade is meant
_TRADE_HEADS = frozenset("agent agents officer officers".split())
_STATE_SERVICES = frozenset(
    "security intelligence customs immigration border traffic narcotics drug drugs prison jail riot patrol "
    "tax revenue forest forestry wildlife investigation counterterrorism terrorism police army navy military "
    "defence defense field duty liaison warrant petty staff station district area post division unit "
    "government state federal law enforcement enforcement".split()
)


def _of_a_trade(head: Token) -> bool:
    """Is ``head`` a force's word used for an ordinary trade, by a modifier in lower case that
    names no service of the state: "a real estate agent", "an insurance agent", "a loan officer"?"""
    if head.lower_ not in _TRADE_HEADS:
        return False
    # (a gerund too: "a booking agent")
    mods = [c for c in head.children if c.dep_ == "compound" and c.i < head.i and c.pos_ in ("NOUN", "VERB")]
    return bool(mods) and all(m.text.islower() and not {m.lower_, m.lemma_.lower()} & _STATE_SERVICES for m in mods)


def _described(name: Token, index: ActorIndex, context_country: str | None, foreign_mentioned: bool) -> Actor | None:
    """The actor a name's apposition says it is ("Ivo Darrel, the foreign minister"), when its head
    is an office, a trade or a force the actor data knows (not "a native of Ostland": where someone
    is from says nothing of their role)."""
    for appos in (c for c in name.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                  and (_is_generic(c, index) or _armed_modifier(c, index) is not None)):  # "a retired army colonel"
        actor = resolve_actor(appos, index, context_country=context_country, foreign_mentioned=foreign_mentioned)
        if actor is not None and actor.sector != "unknown":
            return actor
    return None


# people told of by no more than that they are people ("individuals"), which the data leaves out:
# "unidentified individuals" who attack are no civilians
_UNNAMED_PEOPLE = frozenset({"individual"})


def _resistance(head: Token) -> bool:
    """Is ``head`` a resistance movement's, by its name ("National Resistance forces", "the Southern
    Resistance", "Popular Resistance fighters")? Written as a name, not the word ("met resistance")."""
    return any(t.text == "Resistance" for t in (head, *(c for c in head.children if c.dep_ in ("compound", "amod", "nmod"))))


def _armed(head: Token) -> bool:
    """Is ``head`` said to be armed ("an armed man", "heavily armed individuals")?"""
    return any(c.dep_ == "amod" and c.lower_ in ("armed", "gun-wielding") for c in head.children)


def _one_of(tok: Token, index: ActorIndex) -> ActorEntry | None:
    """The generic entry of a force the actor data lists only in the plural, for one of
    them named in the singular: "a gendarme" is one of the "gendarmes", "one ranger" of the "rangers",
    "a militiaman" of the "militiamen"."""
    if tok.tag_ != "NN":
        return None
    word = tok.lower_
    if word.endswith("man"):
        plural = word[:-3] + "men"  # "a militiaman", "a tribesman"
    elif word.endswith("y") and word[-2:-1] not in "aeiou":
        plural = word[:-1] + "ies"
    else:
        plural = word + ("es" if word.endswith(("s", "sh", "ch", "x")) else "s")
    entry = index.get(plural)
    return entry if entry is not None and entry.kind == "generic" and entry.sector in _FORCE_SECTORS else None


# the sectors of the forces whose members a text names one by one ("a gendarme", "a militiaman")
_FORCE_SECTORS = frozenset({"military", "police", "rebels"})


def _is_generic(tok: Token, index: ActorIndex) -> bool:
    return any(e is not None and e.kind == "generic" for e in (index.get(f) for f in ordered_noun_forms(tok)))


_COMPANY_WORDS = frozenset(
    "inc inc. ltd ltd. llc plc corp corp. corporation co co. company group holdings airlines airways bank "
    "motors energy petroleum oil telecom pharmaceuticals partnership farms foods industries enterprises".split()
)


# the canonical name of a government's offices by their word ("department", "bureau", "regulator";
# not "agency", which news copy uses for a news agency as often): a government's, unless a
# modifier names the armed force whose office it is ("Police Department")
AGENCY = "agency"

# the canonical names of things that stand for their owner in the actor data: vehicles ("a police
# car"), and sites a force holds ("rebel positions"); without an owner named, the row's sector
PROPERTY = "property"
SITE = "site"


def _office_of_name(head: Token, matches: list[tuple[int, int, ActorEntry]]) -> ActorEntry | None:
    """The office or kind a name is told with: "Finance Minister" of "Finance Minister Marek
    Dunval", "Unions" of "the Federation of Labour Unions"."""
    if not (head.pos_ == "PROPN" or head.ent_type_ == "PERSON"):
        return None
    named_thing = head.ent_type_ in ("ORG", "FAC")  # ("General Motors": a word of the name, no general's)
    return next((e for _, _, e in matches
                 if e.kind == "generic" and not (named_thing and e.name.lower() in _NAME_WORD_RANKS)),
                None)  # fmt: skip


def _force_of_conjunct(name: Token, index: ActorIndex) -> ActorEntry | None:
    """The force a name shares with its conjunct: "KDF and TLA forces" are KDF forces and TLA
    forces (the parser makes the name the head and "forces" its conjunct), when the conjunct is a
    force's noun that a name modifies too."""
    if name.pos_ != "PROPN":
        return None
    for conj in (c for c in name.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
        if not any(m.dep_ in ("compound", "nmod", "amod") and m.pos_ == "PROPN" and m.i < conj.i for m in conj.children):
            continue
        entry = next((e for f in ordered_noun_forms(conj) if (e := index.get(f)) is not None), None)
        if entry is not None and entry.kind == "generic" and entry.sector in _FORCE_SECTORS:
            return entry
    return None


def _personnel_of_a_unit(head: Token, index: ActorIndex) -> ActorEntry | None:
    """Personnel of a unit the data does not know, named by its acronym ("two KRF personnel", "a
    BSG personnel"): a security force's, as "security personnel" are; a unit's staff is told as its
    personnel, a party's or a union's as its members."""
    if head.lower_ != "personnel":
        return None
    if not any(c.dep_ in ("compound", "nmod") and c.i < head.i and _is_acronym(c.text) and c.text.isalpha()
               and index.get(c.text) is None for c in head.children):
        return None
    entry = index.get("police")
    return entry if entry is not None and entry.kind == "generic" else None


_LEADING_NOUNS = frozenset("leader leaders chief chiefs head chairman chairwoman chairperson".split())


def _leader_of(head: Token, index: ActorIndex) -> ActorEntry | None:
    """A leader named by what they lead ("the opposition leader", "union chiefs", "a party
    chairman"): of that body's sector."""
    if head.lower_ not in _LEADING_NOUNS:
        return None
    return _modifier_entry(head, index, ("compound", "amod", "nmod"), lambda e: e.canonical not in (PROPERTY, SITE))


def _a_division(head: Token) -> bool:
    """Is ``head`` a division's keyword after its name ("the Tarvo department", "Kelmar
    department"), as Colombia, France or Haiti name their provinces, not an office?"""
    return head.text.islower() and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < head.i for c in head.children)


def _armed_modifier(head: Token, index: ActorIndex) -> ActorEntry | None:
    """A force named by what modifies an unknown head noun: "police guards", "army medics",
    "military personnel", "a militant group" are of that force. Only armed forces and armed
    groups: a "student union" is no student."""
    if head.ent_type_ in ("ORG", "FAC") and any(c.lower_ in _NAME_WORD_RANKS and c.i < head.i for c in head.children):
        return None  # "General Motors", "Tarvo General Hospital": a word of the name, no general's
    # (not a site's word, which says where: "the barracks gate", "a checkpoint queue")
    return _modifier_entry(head, index, ("compound", "amod"),
                           lambda e: e.sector in ("military", "police", "rebels") and e.canonical != SITE)


# ranks that are also ordinary words of an organisation's or a building's name
_NAME_WORD_RANKS = frozenset({"general"})


def _state_force_modifier(head: Token, index: ActorIndex) -> ActorEntry | None:
    """A state force's word before the head noun: "army" in "an army patrol party"."""
    return _modifier_entry(head, index, ("compound", "amod"), lambda e: e.sector in ("military", "police"))


# what a party is held for, when it is a gathering of guests and no political party
_CELEBRATIONS = frozenset("wedding birthday dinner engagement christmas garden house dance tea cocktail farewell "
                          "graduation naming henna bachelor hen stag".split())  # fmt: skip


def _a_celebration(head: Token) -> bool:
    """Is ``head`` ("party") a celebration's: "a wedding party", "a birthday party"?"""
    return any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in _CELEBRATIONS for c in head.children)


def _rebel_modifier(head: Token, index: ActorIndex) -> ActorEntry | None:
    """An armed group's word before a force's noun: "rebel" in "rebel forces"."""
    return _modifier_entry(head, index, ("compound", "amod"), lambda e: e.sector == "rebels")


def _owner_modifier(head: Token, index: ActorIndex) -> ActorEntry | None:
    """The owner a modifier names for a thing that stands for its owner: "police" in "a police
    car", "government" in "government trucks", "civilian" in "a civilian vehicle"."""
    return _modifier_entry(head, index, ("compound", "amod", "nmod"), lambda e: e.canonical not in (PROPERTY, SITE))


def _site_owner(thing: ActorEntry, owner: ActorEntry | None) -> ActorEntry | None:
    """Who holds a thing its owner's word names: a government's positions are its forces' ("a
    government position" is the army's, as conflict reports use it); a vehicle, whoever owns it."""
    if owner is not None and thing.canonical == SITE and owner.sector == "government":
        return None  # the site's own row: a force's
    return owner


def _opposed(phrase: list[Token], start: int) -> bool:
    """Is the name at ``start`` one the phrase is against ("anti-Tarvo forces" are not Tarvo's)?"""
    before = [t.lower_ for t in phrase[max(0, start - 2) : start]]
    return before[-1:] == ["anti"] or before == ["anti", "-"]


def _sides_with_a_state(name: list[Token], entry: ActorEntry) -> bool:
    """"pro-Kelmari militias" are not Kelmar's, but a movement's "pro-" forces are its own fighters
    ("pro-Tarvo Front forces": a movement has no state's forces to stand apart from)."""
    return entry.kind in ("country", "capital", "demonym") and any(map(names_a_side, name))


def of_object(head: Token) -> Token | None:
    """The object of ``head``'s "of": "the rebels" in "the positions of the rebels", "some of the groups"."""
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)


# verbs by which a thing is told by whom it is held: "trucks owned by rebels", "a checkpoint manned by soldiers"
_HOLDING = frozenset({"own", "hold", "man", "control", "operate", "run", "guard"})


def belonging_to(thing: Token) -> Token | None:
    """Whom a thing is told to belong to: "a vehicle belonging to the army", "trucks owned by rebels",
    "a checkpoint manned by militiamen"."""
    for clause in thing.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() == "belong":
            to = next((c for c in clause.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            return None if to is None else next((c for c in to.children if c.dep_ == "pobj"), None)
        if clause.dep_ == "acl" and clause.lemma_.lower() in _HOLDING:
            by = next((c for c in clause.children if c.dep_ == "agent"), None)
            return None if by is None else next((c for c in by.children if c.dep_ == "pobj"), None)
    return None


# the possessive pronouns that stand for a party named before them
_POSSESSIVE_PRONOUNS = frozenset({"their", "his", "her", "its"})


def possessor(thing: Token) -> Token | None:
    """Whose a thing is told to be by a possessive: "the army's supply convoy", or "their vehicle"
    in "two soldiers were killed when their vehicle hit a mine" (a pronoun stands for the subject of
    another clause before it; the subject of the act on the thing is its doer, not its owner:
    "gunmen fired on his car")."""
    poss = next((c for c in thing.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    if poss.pos_ != "PRON":
        return poss
    if poss.lower_ not in _POSSESSIVE_PRONOUNS:
        return None
    own_verb = thing
    while own_verb.pos_ not in ("VERB", "AUX") and own_verb.head.i != own_verb.i:
        own_verb = own_verb.head
    before = thing.doc[thing.sent.start : poss.i]
    return next((t for t in reversed(list(before)) if t.dep_ in ("nsubj", "nsubjpass")
                 and t.pos_ in ("NOUN", "PROPN") and t.head.i != own_verb.i), None)  # fmt: skip


# verbs by which a vehicle is told by whom it carries: "a bus carrying soldiers"
_CARRYING = frozenset({"carry", "transport", "ferry"})


def _carried(vehicle: Token) -> Token | None:
    """Whom a vehicle carries ("a bus carrying soldiers", "a truck transporting police", "vans
    with armed men"): they are whom an attack on it is on, or who acted from it."""
    for clause in vehicle.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in _CARRYING:
            return next((c for c in clause.children if c.dep_ == "dobj"), None)
        if clause.dep_ == "prep" and clause.lower_ == "with":
            return next((c for c in clause.children if c.dep_ == "pobj"), None)
    return None


def modifiers_before(head: Token, deps: tuple[str, ...]) -> list[Token]:
    """The modifiers of ``deps`` before ``head``, then a modifier's own modifiers before it ("police"
    in "a police patrol team")."""
    mods = [m for m in head.children if m.dep_ in deps and m.i < head.i]
    return mods + [m2 for m in mods for m2 in m.children if m2.dep_ in deps and m2.i < m.i]


def _modifier_entry(head: Token, index: ActorIndex, deps: tuple[str, ...], accept) -> ActorEntry | None:
    """The first generic actor entry ``accept`` takes among the modifiers before ``head``."""
    for mod in modifiers_before(head, deps):
        entry = index.get(mod.lemma_) or index.get(mod.text)
        if entry is not None and entry.kind == "generic" and accept(entry):
            return entry
    return None


def _actor(span: SpacySpan, canonical: str, country: str | None, sector: str) -> Actor:
    return Actor(
        text=span.text,
        canonical=canonical,
        country=country,
        sector=sector,
        span=Span(span.start_char, span.end_char),
    )


def _strip_det(text: str) -> str:
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(det):
            return text[len(det) :]
    return text
