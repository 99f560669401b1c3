"""The ontology seam: PLOVER types and modes, CAMEO roots, ACLED categories,
and the trigger lexicon that maps words to them (data/triggers.toml).

Another ontology plugs in by providing a different ``Lexicon`` (same shape,
different file); the vocabularies below are what the event record promises.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from .errors import EventwireError

PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "COOPERATE": (),
    "AID": ("economic", "military", "humanitarian", "asylum"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"),
    "SANCTION": ("convict", "cancel", "expel", "withdraw", "sever"),
    "MOBILIZE": ("troops", "weapons", "police"),
    "COERCE": ("confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"),
    "ASSAULT": (
        "abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive",
        "firearms", "explosives", "suicide-attack", "heavy-weapons",
    ),  # fmt: skip
    "FIGHT": ("small-arms", "artillery", "aerial", "drone", "naval", "occupy"),
}
EVENT_TYPES = tuple(PLOVER_MODES)

CAMEO_ROOTS = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "RETREAT": "08",
    "REQUEST": "10", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
    "SANCTION": "16", "MOBILIZE": "15", "COERCE": "17", "ASSAULT": "18", "FIGHT": "19",
}  # fmt: skip

ACLED_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
ACLED_RULES = ("by_target", "territory")

SECTORS = (
    "military", "government", "police", "rebels", "civilians", "protesters", "party", "igo",
    "media", "business", "unknown",
)  # fmt: skip
FACTUALITY = ("asserted", "negated", "hypothetical", "future", "reversed")
DATE_PRECISIONS = ("day", "week", "month", "year")
QUALIFIERS = ("exact", "at least", "more than", "about", "nearly", "up to")


@dataclass(frozen=True)
class TriggerSpec:
    """What one trigger word means."""

    key: str
    type: str
    mode: str | None = None
    acled: str | None = None
    cameo: str | None = None
    context: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    place_object: bool = False
    # ACLED's actor 1 is the grammatical target: "police fired tear gas at protesters"
    # is a protest (with intervention) whose source is the protesters.
    target_acts: bool = False
    # object lemmas that make the verb not this event: "meeting the protesters' demand"
    not_objects: frozenset[str] = frozenset()
    # an act made to someone: with no one it is made to, it is none ("promised to cut taxes" is
    # a pledge to the public, which no coder records as an agreement)
    addressed: bool = False
    # the act has no object: "teachers demonstrated" is a protest, "demonstrated the technique"
    # a showing; "nurses struck" a strike, "struck a deal" or "was struck by a car" none
    intransitive: bool = False

    @property
    def cameo_root(self) -> str:
        return self.cameo or CAMEO_ROOTS[self.type]


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, TriggerSpec]
    nouns: dict[str, TriggerSpec]
    light_verbs: dict[str, frozenset[str]]
    event_subject_verbs: frozenset[str]
    instrument_verbs: frozenset[str]
    max_noun_words: int = field(default=3)
    # further readings of a verb key, tried when the first one's constraints fail:
    # "strike#labour" is "strike" when workers or unions are its subject
    alternates: dict[str, tuple[TriggerSpec, ...]] = field(default_factory=dict)

    @cached_property
    def noun_heads(self) -> frozenset[str]:
        """The last words of the noun keys: a noun that is none of them ends no key."""
        return frozenset(key.split()[-1] for key in self.nouns)

    @cached_property
    def light_verb_heads(self) -> frozenset[str]:
        """The verbs that begin a light-verb key: any other verb carries no event noun."""
        return frozenset(key.split()[0] for key in self.light_verbs)

    def readings(self, key: str) -> list[TriggerSpec]:
        first = self.verbs.get(key)
        return ([first] if first is not None else []) + list(self.alternates.get(key, ()))


def _spec(key: str, raw: dict, where: str) -> TriggerSpec:
    etype = raw.get("type")
    if etype not in PLOVER_MODES:
        raise EventwireError(f"{where}: trigger {key!r} has unknown type {etype!r}; use one of {', '.join(EVENT_TYPES)}")
    mode = raw.get("mode")
    if mode is not None and mode not in PLOVER_MODES[etype]:
        raise EventwireError(f"{where}: trigger {key!r}: {mode!r} is not a PLOVER mode of {etype}")
    acled = raw.get("acled")
    if acled is not None and acled not in ACLED_EVENT_TYPES and acled not in ACLED_RULES:
        raise EventwireError(f"{where}: trigger {key!r}: {acled!r} is not an ACLED sub-event type")
    return TriggerSpec(
        key=key,
        type=etype,
        mode=mode,
        acled=acled,
        cameo=raw.get("cameo"),
        context=tuple(raw.get("context", ())),
        objects=frozenset(raw.get("objects", ())),
        subjects=frozenset(raw.get("subjects", ())),
        place_object=bool(raw.get("place_object", False)),
        target_acts=bool(raw.get("target_acts", False)),
        not_objects=frozenset(raw.get("not_objects", ())),
        addressed=bool(raw.get("addressed", False)),
        intransitive=bool(raw.get("intransitive", False)),
    )


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read a trigger lexicon (the bundled one by default), checking every entry."""
    if path is None:
        return default_lexicon()
    return _parse_lexicon(Path(path).read_bytes(), str(path))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    data = resources.files("eventwire").joinpath("data/triggers.toml").read_bytes()
    return _parse_lexicon(data, "eventwire/data/triggers.toml")


def _parse_lexicon(data: bytes, where: str) -> Lexicon:
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise EventwireError(f"{where}: not a valid TOML trigger lexicon ({err})") from None
    nouns = {k: _spec(k, v, where) for k, v in raw.get("nouns", {}).items()}
    verbs: dict[str, TriggerSpec] = {}
    alternates: dict[str, tuple[TriggerSpec, ...]] = {}
    for k, v in raw.get("verbs", {}).items():
        base, _, _ = k.partition("#")
        spec = _spec(base, v, where)
        if "#" in k:
            alternates[base] = (*alternates.get(base, ()), spec)
        else:
            verbs[k] = spec
    return Lexicon(
        verbs=verbs,
        alternates=alternates,
        nouns=nouns,
        light_verbs={k: frozenset(v) for k, v in raw.get("light_verbs", {}).items()},
        event_subject_verbs=frozenset(raw.get("event_subject_verbs", {}).get("verbs", ())),
        instrument_verbs=frozenset(raw.get("instruments", {}).get("verbs", ())),
        max_noun_words=max((len(k.split()) for k in nouns), default=1),
    )


def acled_event_type(sub_event_type: str | None) -> str | None:
    return ACLED_EVENT_TYPES.get(sub_event_type) if sub_event_type else None
