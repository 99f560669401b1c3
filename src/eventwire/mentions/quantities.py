"""Quantity mentions: "a convoy of at least 40 trucks", "nearly 6,000 troops",
"killing three civilians and wounding 11", "500 tonnes of food", "$50 million".

Unlike general-purpose unit parsers, the qualifier ("at least", "nearly", "up to")
is kept, and casualty counts are named by their outcome (fatalities, injured,
arrested …) rather than by the noun that was counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a dozen": 12, "dozen": 12, "dozens": 12, "dozens of": 12, "scores of": 20, "hundreds": 100,
    "hundreds of": 100, "a hundred": 100, "thousands of": 1000, "a thousand": 1000,
}  # fmt: skip
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Vague counts ("dozens of") are lower bounds, following ACLED's convention.
_VAGUE = {"dozens", "dozens of", "scores of", "hundreds", "hundreds of", "thousands of"}

QUALIFIERS = {
    "at least": "at least", "no fewer than": "at least", "a minimum of": "at least",
    "more than": "more than", "over": "more than", "upwards of": "more than",
    "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about", "an estimated": "about", "estimated": "about", "almost": "nearly",
    "nearly": "nearly", "close to": "nearly", "up to": "up to", "as many as": "up to",
}  # fmt: skip

# counted noun -> unit (plural and singular)
UNITS = {
    "truck": "trucks", "trucks": "trucks", "lorry": "trucks", "lorries": "trucks", "tanker": "trucks", "tankers": "trucks",
    "vehicle": "vehicles", "vehicles": "vehicles", "armoured vehicles": "vehicles", "armored vehicles": "vehicles",
    "military vehicles": "vehicles", "humvees": "vehicles", "cars": "vehicles", "pickups": "vehicles",
    "tank": "tanks", "tanks": "tanks",
    "troops": "troops", "troop": "troops", "personnel": "troops", "servicemen": "troops", "marines": "troops",
    "commandos": "troops", "paratroopers": "troops", "peacekeepers": "troops", "special forces": "troops",
    "soldier": "soldiers", "soldiers": "soldiers",
    "fighter": "fighters", "fighters": "fighters", "militants": "fighters", "militant": "fighters",
    "insurgents": "fighters", "rebels": "fighters", "jihadists": "fighters", "gunmen": "fighters", "militiamen": "fighters",
    "police": "police", "policemen": "police", "police officers": "police", "officers": "police",
    "protesters": "protesters", "demonstrators": "protesters", "protestors": "protesters",
    "people": "people", "persons": "people", "civilians": "people", "residents": "people", "villagers": "people",
    "children": "people", "women": "people", "men": "people", "migrants": "people", "workers": "people",
    "diplomats": "people", "journalists": "people", "activists": "people", "students": "people",
    "families": "families", "family": "families", "households": "families",
    "refugees": "refugees", "prisoners": "prisoners", "detainees": "prisoners", "hostages": "prisoners", "captives": "prisoners",
    "rockets": "rockets", "rocket": "rockets", "missiles": "missiles", "missile": "missiles",
    "drones": "drones", "drone": "drones", "shells": "shells", "mortar rounds": "shells", "mortars": "shells",
    "aircraft": "aircraft", "jets": "aircraft", "warplanes": "aircraft", "helicopters": "aircraft",
    "tonnes": "tonnes", "tons": "tonnes", "metric tons": "tonnes", "tonne": "tonnes",
    "airstrikes": "airstrikes", "air strikes": "airstrikes", "strikes": "airstrikes",
}  # fmt: skip

# Outcome words that rename a counted group: "three civilians were killed" -> fatalities.
_OUTCOMES = {
    "killed": "fatalities", "dead": "fatalities", "died": "fatalities", "deaths": "fatalities",
    "killing": "fatalities", "kill": "fatalities", "lives": "fatalities", "bodies": "fatalities",
    "wounded": "injured", "injured": "injured", "wounding": "injured", "injuring": "injured", "hurt": "injured",
    "arrested": "arrested", "detained": "arrested", "arresting": "arrested", "detaining": "arrested", "rounded up": "arrested",
    "displaced": "displaced", "displacing": "displaced", "fled": "displaced", "forced to flee": "displaced",
    "abducted": "abducted", "kidnapped": "abducted", "abducting": "abducted", "kidnapping": "abducted",
}  # fmt: skip

_NUM_WORDS = "|".join(sorted((re.escape(w) for w in _SMALL), key=len, reverse=True))
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_NUMBER = rf"(?<![\w.,])(?P<num>\$?\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\$?\d+(?:\.\d+)?|{_NUM_WORDS})(?:\s+(?P<scale>hundred|thousand|million|billion))?"
_UNIT_WORDS = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_OUTCOME_WORDS = "|".join(sorted((re.escape(o) for o in _OUTCOMES), key=len, reverse=True))

# number [modifiers] unit   e.g. "at least 40 trucks", "five US military vehicles", "nearly 6,000 Turkish troops"
_COUNTED = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?{_NUMBER}\s+(?:of\s+(?:the\s+)?)?(?P<mods>(?:[A-Za-z][\w'-]*\s+){{0,3}}?)(?P<unit>{_UNIT_WORDS})\b"
    rf"(?:\s+(?:were\s+|had\s+been\s+|have\s+been\s+|are\s+|was\s+)?(?P<outcome>{_OUTCOME_WORDS})\b)?",
    re.I,
)
# outcome verb + number: "killing three", "wounding 11", "arrested 25 people"
_OUTCOME_FIRST = re.compile(
    rf"\b(?P<outcome>{_OUTCOME_WORDS})\s+(?:(?P<qual>{_QUAL})\s+)?{_NUMBER}\b(?!\s+(?:{_UNIT_WORDS})\b)", re.I
)
# number + outcome with no counted noun: "12 were killed", "at least 30 dead"
_BARE_OUTCOME = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?{_NUMBER}\s+(?:others\s+|more\s+)?(?:were\s+|had\s+been\s+|have\s+been\s+)?(?P<outcome>{_OUTCOME_WORDS})\b",
    re.I,
)
# "38 of the 45 drones": the part is counted too (the whole is found by _COUNTED)
_PART_OF = re.compile(rf"(?:(?P<qual>{_QUAL})\s+)?{_NUMBER}(?=\s+of\s+the\s+\d[\d,]*\s+(?:[A-Za-z][\w'-]*\s+){{0,2}}?(?P<unit>{_UNIT_WORDS})\b)", re.I)
_TOLL = re.compile(rf"\bdeath\s+toll\s+(?:rose\s+to|reached|climbed\s+to|stood\s+at|of)\s+(?:(?P<qual>{_QUAL})\s+)?{_NUMBER}", re.I)
_MONEY = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<cur>\$|US\$|USD\s?|€|EUR\s?)(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>million|billion|thousand|m|bn)?\b"
    rf"|(?:(?P<qual2>{_QUAL})\s+)?(?P<num2>\d[\d,]*(?:\.\d+)?)\s*(?P<scale2>million|billion)?\s+(?P<cur2>dollars|euros)\b",
    re.I,
)


@dataclass(frozen=True)
class QuantityMention:
    value: float
    unit: str
    qualifier: str
    text: str
    start: int
    end: int


def parse_number(raw: str, scale: str | None = None) -> float | None:
    """'6,000' -> 6000, 'three' -> 3, '1.5' + 'million' -> 1500000; None if not a number."""
    raw = raw.strip().lower().lstrip("$")
    if raw in _SMALL:
        value = float(_SMALL[raw])
    else:
        try:
            value = float(raw.replace(",", ""))
        except ValueError:
            return None
    if scale:
        value *= _SCALE.get(scale.lower(), {"m": 1e6, "bn": 1e9}.get(scale.lower(), 1))
    return value


def find_quantities(text: str) -> list[QuantityMention]:
    """Every quantity in ``text`` (a sentence), with offsets into ``text``, in reading order."""
    found: list[QuantityMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: float | None, unit: str, qual_raw: str | None, num_raw: str) -> None:
        s, e = m.span()
        if value is None or any(s < te and ts < e for ts, te in taken):
            return
        if _is_date_or_year(text, m, value, unit):
            return
        qualifier = QUALIFIERS.get((qual_raw or "").lower(), "exact")
        if num_raw.lower() in _VAGUE:
            # "thousands of people marched" sizes a crowd, it does not count it; "dozens were
            # killed" is a lower bound on an outcome, as ACLED records it
            if unit not in _OUTCOME_UNITS:
                return
            if qualifier == "exact":
                qualifier = "at least"
        if re.match(r"\s+or\s+so\b", text[e : e + 8]) or re.search(r"\bor\s+so\s+\w+$", text[s:e]):
            qualifier = "about"
        taken.append((s, e))
        found.append(QuantityMention(value, unit, qualifier, text[s:e], s, e))

    for m in _TOLL.finditer(text):
        add(m, parse_number(m.group("num"), m.group("scale")), "fatalities", m.group("qual"), m.group("num"))
    for m in _MONEY.finditer(text):
        num = m.group("num") or m.group("num2")
        scale = m.group("scale") or m.group("scale2")
        cur = (m.group("cur") or m.group("cur2") or "").strip().lower()
        unit = "eur" if cur in ("€", "eur", "euros") else "usd"
        add(m, parse_number(num, scale), unit, m.group("qual") or m.group("qual2"), num)
    for m in _PART_OF.finditer(text):
        unit = UNITS[m.group("unit").lower()]
        add(m, parse_number(m.group("num"), m.group("scale")), unit, m.group("qual"), m.group("num"))
    for m in _COUNTED.finditer(text):
        unit = UNITS[m.group("unit").lower()]
        outcome = m.group("outcome") or _outcome_before(text, m.start())
        if outcome and unit in _RENAMEABLE:
            unit = _OUTCOMES[outcome.lower()]
        add(m, parse_number(m.group("num"), m.group("scale")), unit, m.group("qual"), m.group("num"))
    for m in _OUTCOME_FIRST.finditer(text):
        add(m, parse_number(m.group("num"), m.group("scale")), _OUTCOMES[m.group("outcome").lower()], m.group("qual"), m.group("num"))
    for m in _BARE_OUTCOME.finditer(text):
        add(m, parse_number(m.group("num"), m.group("scale")), _OUTCOMES[m.group("outcome").lower()], m.group("qual"), m.group("num"))
    return sorted(found, key=lambda q: q.start)


_OUTCOME_UNITS = frozenset(_OUTCOMES.values())
_RENAMEABLE = {"people", "soldiers", "troops", "fighters", "police", "protesters", "prisoners", "refugees"}
_OUTCOME_BEFORE = re.compile(rf"\b(?P<outcome>{_OUTCOME_WORDS})\s+(?:(?:a\s+)?total\s+of\s+)?$", re.I)


def _outcome_before(text: str, start: int) -> str | None:
    """The outcome verb just before a count: "killing [three civilians]", "arrested [25 protesters]"."""
    m = _OUTCOME_BEFORE.search(text[max(0, start - 30) : start])
    return m.group("outcome") if m else None


def _is_date_or_year(text: str, m: re.Match[str], value: float, unit: str) -> bool:
    # "in 2019 troops..." or "March 5 protesters" are dates, not counts.
    num = m.group("num") if "num" in m.groupdict() and m.group("num") else ""
    if re.fullmatch(r"(19|20)\d\d", num or "") and unit not in ("usd", "eur", "tonnes"):
        return True
    before = text[max(0, m.start() - 10) : m.start()].lower()
    return bool(re.search(r"(january|february|march|april|may|june|july|august|september|october|november|december)\s*$", before))
