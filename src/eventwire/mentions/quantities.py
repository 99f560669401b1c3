"""Quantity mentions: "a convoy of at least 40 trucks", "nearly 6,000 troops",
"killing three civilians and wounding 11", "500 tonnes of food", "$50 million".

Unlike general-purpose unit parsers, the qualifier ("at least", "nearly", "up to")
is kept, and casualty counts are named by their outcome (fatalities, injured,
arrested …) rather than by the noun that was counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNIT_WORDS_N = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_N = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Vague counts are lower bounds, following ACLED's convention ("dozens" -> 12), and are
# recorded only for outcomes; "a dozen", "two dozen" are counts ("about" 12, 24).
_VAGUE_N = {
    "dozens of": 12, "dozens": 12, "scores of": 20, "scores": 20, "hundreds of": 100, "hundreds": 100,
    "thousands of": 1000, "thousands": 1000,
}  # fmt: skip
# Deaths told with no count at all ("killing several soldiers", "an unknown number of civilians were
# killed") are 10 by ACLED's convention for "several", "many" or "plural" deaths; only deaths are
# counted so (it has no such convention for the wounded or the arrested)
_UNTOLD_N = {
    "several": 10, "a number of": 10, "an unknown number of": 10, "an unspecified number of": 10,
    "an undisclosed number of": 10, "unknown number of": 10, "unspecified number of": 10,
}  # fmt: skip
_UNTOLD = set(_UNTOLD_N)
_VAGUE_N.update(_UNTOLD_N)
_VAGUE = set(_VAGUE_N)
_SMALL = {**_UNIT_WORDS_N, **_TENS_N, **_VAGUE_N, "a dozen": 12, "dozen": 12, "a hundred": 100, "a thousand": 1000}

_W_UNIT = "|".join(sorted(_UNIT_WORDS_N, key=len, reverse=True))
_W_TENS = "|".join(_TENS_N)
_W_SCALE = r"hundred|thousand|million|billion|dozen"
# "twenty-three", "thirty five", "one hundred and twenty", "two dozen", "a thousand", "three million"
_W_SMALLNUM = rf"(?:(?:{_W_TENS})(?:[\s-]+(?:{_W_UNIT}))?|(?:{_W_UNIT}))"
_WORD_NUMBER = (
    rf"(?:(?:{_W_SMALLNUM}|a)\s+(?:{_W_SCALE})(?:(?:\s+and)?\s+(?:{_W_SMALLNUM})(?:\s+(?:{_W_SCALE}))?)*"
    rf"|{_W_SMALLNUM})(?![\w-])"
)

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
    # people counted one by one (singular forms too: "one soldier was killed", "a man died")
    "policeman": "police", "police officer": "police", "officer": "police", "policewoman": "police",
    "troopers": "troops", "guards": "police", "guard": "police", "bodyguards": "police", "gendarmes": "police",
    "militiaman": "fighters", "gunman": "fighters", "rebel": "fighters", "insurgent": "fighters", "jihadist": "fighters",
    "combatants": "fighters", "combatant": "fighters", "cadres": "fighters", "cadre": "fighters", "commanders": "fighters",
    "commander": "fighters", "protester": "protesters", "demonstrator": "protesters", "protestor": "protesters",
    "person": "people", "man": "people", "woman": "people", "child": "people", "civilian": "people",
    "resident": "people", "villager": "people", "student": "people", "worker": "people", "migrant": "people",
    "journalist": "people", "activist": "people", "boy": "people", "boys": "people", "girl": "people", "girls": "people",
    "teenager": "people", "teenagers": "people", "farmer": "people", "farmers": "people", "herder": "people",
    "herders": "people", "member": "people", "members": "people", "suspect": "people", "suspects": "people",
    "victim": "people", "victims": "people", "passenger": "people", "passengers": "people", "individuals": "people",
    "individual": "people", "prisoner": "prisoners", "detainee": "prisoners", "hostage": "prisoners", "refugee": "refugees",
}  # fmt: skip

# Outcome words that rename a counted group: "three civilians were killed" -> fatalities.
_OUTCOMES = {
    "killed": "fatalities", "dead": "fatalities", "died": "fatalities", "deaths": "fatalities",
    "killing": "fatalities", "kill": "fatalities", "lives": "fatalities", "bodies": "fatalities",
    "fatalities": "fatalities", "fatality": "fatalities", "shot dead": "fatalities", "shot and killed": "fatalities",
    "shot to death": "fatalities", "stabbed to death": "fatalities", "beaten to death": "fatalities",
    "hacked to death": "fatalities", "burned to death": "fatalities", "burnt to death": "fatalities",
    "found dead": "fatalities", "murdered": "fatalities", "executed": "fatalities", "beheaded": "fatalities",
    "lynched": "fatalities", "assassinated": "fatalities", "fatally shot": "fatalities", "fatally wounded": "fatalities",
    "perished": "fatalities", "killed in action": "fatalities", "death": "fatalities", "gunned down": "fatalities",
    "lost their lives": "fatalities", "lost his life": "fatalities", "lost her life": "fatalities",
    # after the one killed: "stabbed a guard to death", "beat two men to death" (not a sentence: _SENTENCED)
    "to death": "fatalities",
    "wounded": "injured", "injured": "injured", "wounding": "injured", "injuring": "injured", "hurt": "injured",
    "arrested": "arrested", "detained": "arrested", "arresting": "arrested", "detaining": "arrested", "rounded up": "arrested",
    "displaced": "displaced", "displacing": "displaced", "fled": "displaced", "forced to flee": "displaced",
    "abducted": "abducted", "kidnapped": "abducted", "abducting": "abducted", "kidnapping": "abducted",
}  # fmt: skip
# Outcomes that take no object, so "N <noun> died" needs no "were" to be an outcome.
_INTRANSITIVE = {
    "death", "to death", "dead", "died", "deaths", "lives", "bodies", "fatalities", "fatality", "perished",
    "killed in action", "hurt", "fled", "lost their lives", "lost his life", "lost her life",
}  # fmt: skip


def opening(*alternations: str, also: str = "") -> str:
    """A lookahead for the first letters of the words in ``alternations`` ("kill|dead|...") and the
    characters ``also``: put before a word alternation tried at every word (re tries each word in
    turn), it turns down at once a word that begins with no such letter. Under re.I the class
    folds as the letters do."""
    words = (w.replace("\\", "") for alternation in alternations for w in alternation.split("|"))
    return "(?=[" + also + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


_VAGUE_WORDS = "|".join(sorted((re.escape(w) for w in _VAGUE_N), key=len, reverse=True))
_QUAL_WORDS = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
# (the lookahead spares the qualifiers' tries at the many places a qualifier may start: anywhere)
_QUAL = rf"{opening(_QUAL_WORDS)}(?:{_QUAL_WORDS})"
# The first character of any count, qualified or not: a qualifier's, a digit or "$", a number
# word's or an article's. Python's re tries a pattern that opens with an optional qualifier at
# every character; this lookahead turns most of those tries (spaces, other letters) down at once.
_STARTS = opening("|".join([*QUALIFIERS, *_VAGUE_N, *_UNIT_WORDS_N, *_TENS_N, "a", "another"]), also="\\d$")
# what a number opens with: a digit or "$", a number word's letter, "a" ("a dozen")
_NUMBER_OPENING = opening(_VAGUE_WORDS, _W_UNIT, _W_TENS, "a", also="\\d$")
# A number: digits ("6,000", "1.5 million"), a range ("8-10", counted from its lower end) or words.
_NUMBER = (
    rf"(?<![\w.,\-–]){_NUMBER_OPENING}(?P<num>\$?\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\$?\d+(?:\.\d+)?|{_VAGUE_WORDS}|{_WORD_NUMBER})"
    rf"(?:(?<=\d)\s*[-–]\s*(?P<hi>\d+)(?![\d.,]\d))?(?:\s+(?P<scale>hundred|thousand|million|billion)\b)?"
)
_UNIT_WORDS = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_OUTCOME_WORDS = "|".join(sorted((re.escape(o) for o in _OUTCOMES), key=len, reverse=True))
# outcomes that can follow their subject: no "-ing" forms, no bare "kill"
_AFTER_WORDS = "|".join(sorted((re.escape(o) for o in _OUTCOMES if not o.endswith("ing") and o != "kill"), key=len, reverse=True))
_ADV = (
    r"(?:reportedly|allegedly|also|all|both|later|subsequently|eventually|then|instantly|immediately|apparently|"
    r"reported|confirmed|each|brutally|summarily|reportedly\s+been|allegedly\s+been)"
)
_AUX = r"(?:had\s+been|have\s+been|has\s+been|were|was|are|is|being|been|got)"
_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"

# number [modifiers] unit   e.g. "at least 40 trucks", "five US military vehicles", "nearly 6,000 Turkish troops"
# a preposition ends what a number counts: "12 ceasefire violations by rebels" counts no rebels
_PREPOSITIONS = "by|from|in|at|on|with|near|against|for|to|into|across|along"
# a count's article after a preposition opens no subject: "at a checkpoint", "near a school"
_AFTER_PREPOSITION = re.compile(rf"\b(?:{_PREPOSITIONS})\s+$", re.I)
_COUNTED = re.compile(
    rf"{_STARTS}(?:(?P<qual>{_QUAL})\s+)?{_NUMBER}\s+(?:of\s+(?:the\s+)?)?(?P<mods>(?:(?!(?:{_OUTCOME_WORDS}|{_W_UNIT}|{_W_TENS}|and|or(?!\s+so\b)|{_PREPOSITIONS})\b)[A-Za-z][\w'/-]*\s+){{0,3}}?)(?P<unit>{_UNIT_WORDS})\b(?!\s+(?:{_UNIT_WORDS})\b)",
    re.I,
)
# a count of people named by something else: "two NDS members were shot dead", "a bystander died"
_SUBJECT = re.compile(rf"{_STARTS}(?:(?P<qual>{_QUAL})\s+)?(?:{_NUMBER}|(?<![\w-])(?P<art>an?|another)(?=\s))", re.I)
_NP_WORD = re.compile(r"\s+([A-Za-z][\w'’/-]*)(?=[\s,;:.()]|$)")
# animals an outcome may count ("killed 15 livestock", "six cows died"): no one's death ACLED counts
ANIMALS = (r"livestock|cattle|cows?|calf|calves|goats?|sheep|lambs?|camels?|donkeys?|mules?|horses?|pigs?|"
           r"chickens?|animals?|heads?\s+of\s+cattle|herds?|dogs?|oxen|bulls?|poultry")
# a time an outcome came after, no count of it: "was killed several hours later", "died two days later"
_SPELL = r"(?:minutes?|hours?|days?|weeks?|months?|years?)"
# outcome verb + number: "killing three", "wounding 11", "arrested 25 people"
_OUTCOME_FIRST = re.compile(
    rf"\b{opening(_OUTCOME_WORDS)}(?P<outcome>{_OUTCOME_WORDS})\s+(?:(?P<qual>{_QUAL})\s+)?{_NUMBER}\b(?!\s+(?:{_UNIT_WORDS}|(?:[\w-]+\s+)?(?:{ANIMALS})|{_SPELL})\b)", re.I
)
# number + outcome with no counted noun: "12 were killed", "at least 30 dead", "2 fatalities"
_BARE_OUTCOME = re.compile(
    rf"{_STARTS}(?:(?P<qual>{_QUAL})\s+)?{_NUMBER}(?=(?P<rest>\s+(?:others\s+|more\s+|of\s+them\s+|of\s+whom\s+)?(?:{_ADV}\s+)*(?P<aux>{_AUX}\s+)?(?:{_ADV}\s+)*(?P<outcome>{_AFTER_WORDS})\b))",
    re.I,
)
# "38 of the 45 drones": the part is counted too (the whole is found by _COUNTED)
_PART_OF = re.compile(rf"{_STARTS}(?:(?P<qual>{_QUAL})\s+)?{_NUMBER}(?=\s+of\s+the\s+\d[\d,]*\s+(?:[A-Za-z][\w'-]*\s+){{0,2}}?(?P<unit>{_UNIT_WORDS})\b)", re.I)
# "the death toll rose to 42", "a total of 5 deaths were recorded" is _BARE_OUTCOME. (Not "fatalities coded as 3":
# that is ACLED's note of its own coding, the answer an evaluation on its notes scores, not a report's words)
_TOLL = re.compile(
    rf"\b(?:death\s+toll|(?:total\s+|number\s+of\s+)?(?:fatalities|deaths))\s+(?:has\s+|had\s+|have\s+|was\s+|were\s+|is\s+|are\s+)?"
    rf"(?:rose\s+to|risen\s+to|reached|climbed\s+to|increased\s+to|stood\s+at|stands\s+at|of|reported\s+as|recorded\s+as|estimated\s+at|put\s+at)\s+"
    rf"(?:(?P<qual>{_QUAL})\s+)?{_NUMBER}",
    re.I,
)
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
    """'6,000' -> 6000, 'three' -> 3, 'twenty-three' -> 23, 'one hundred and twenty' -> 120,
    'two dozen' -> 24, '1.5' + 'million' -> 1500000; None if not a number."""
    raw = " ".join(raw.strip().lower().lstrip("$").split())
    if raw in _SMALL:
        value = float(_SMALL[raw])
    else:
        try:
            value = float(raw.replace(",", ""))
        except ValueError:
            words = _words_to_number(raw)
            if words is None:
                return None
            value = float(words)
    if scale:
        value *= _SCALE.get(scale.lower(), {"m": 1e6, "bn": 1e9}.get(scale.lower(), 1))
    return value


def _words_to_number(raw: str) -> int | None:
    total, current, seen = 0, 0, False
    for i, word in enumerate(re.split(r"[\s-]+", raw)):
        if word == "and" and seen:
            continue
        if word == "a" and i == 0:
            current = 1
        elif word in _UNIT_WORDS_N:
            current += _UNIT_WORDS_N[word]
        elif word in _TENS_N:
            current += _TENS_N[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALE:
            total += (current or 1) * _SCALE[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


# Every quantity needs a number, a number word or an outcome ("a man was shot dead"):
# a sentence with none of them is skipped before the costly patterns run.
# (Two patterns, digits first: a digit is found by a fast scan, and most sentences with a quantity
# have one, which spares them the words' alternation, tried at every word.)
_MAYBE_DIGIT = re.compile(r"\d")
_MAYBE_WORD = re.compile(
    rf"\b{opening(_W_UNIT, _W_TENS, _W_SCALE, _VAGUE_WORDS, _OUTCOME_WORDS)}(?:{_W_UNIT}|{_W_TENS}|{_W_SCALE}|{_VAGUE_WORDS}|{_OUTCOME_WORDS})",
    re.I,
)

# what the money and part-of patterns cannot match without (they start with an optional qualifier,
# which Python's re tries at every position: a plain search first is far cheaper on most sentences)
_MAYBE_MONEY = re.compile(r"[$€]|usd|eur|dollars", re.I)
_MAYBE_PART_OF = re.compile(r"\sof\s+the\s+\d", re.I)


# Letters every count in words contains (a number word, a vague count, a scale): a sentence with
# none of them and no digit has no _NUMBER, and the patterns that need one are not tried (half the
# sentences with an event name an outcome with no count: "a man was shot dead"). In ASCII text,
# lower-casing folds letters as re.I does and "in" is far cheaper than the patterns' searches.
_NUMBER_STEMS = (*_VAGUE_N, *_UNIT_WORDS_N, *_TENS_N, *_SCALE, "dozen")


def _may_have_number(text: str) -> bool:
    """Could ``_NUMBER`` match in ``text``? (False only when it surely cannot.)"""
    if _MAYBE_DIGIT.search(text) or not text.isascii():
        return True
    lowered = text.lower()
    return any(stem in lowered for stem in _NUMBER_STEMS)


# "no" before a count says there were none of it: "no one was killed"
_NONE_BEFORE = re.compile(r"\bno\s+$", re.I)


def find_quantities(text: str) -> list[QuantityMention]:
    """Every quantity in ``text`` (a sentence), with offsets into ``text``, in reading order."""
    if not (_MAYBE_DIGIT.search(text) or _MAYBE_WORD.search(text)):
        return []
    found: list[QuantityMention] = []
    taken: list[tuple[int, int]] = []
    numbered = _may_have_number(text)  # else the patterns that need a number are passed over

    def add(m: re.Match[str], value: float | None, unit: str, qual_raw: str | None, num_raw: str, end: int | None = None) -> None:
        s, e = m.start(), m.end() if end is None else end
        if value is None or any(s < te and ts < e for ts, te in taken):
            return
        if _is_date_or_year(text, m, value, unit):
            return
        if unit in _OUTCOME_UNITS and _SUBSET_BEFORE.search(text[max(0, s - 20) : s]):
            return  # "... were killed, including 2 commanders": already inside the total
        if unit == "fatalities" and _sentenced_to_death(text, s, e):
            return  # "sentenced three men to death": a sentence, no one killed
        if _NONE_BEFORE.search(text, max(0, s - 4), s):
            return  # "no one was killed": none
        qualifier = QUALIFIERS.get((qual_raw or "").lower(), "exact")
        said = " ".join(num_raw.lower().split())
        if said in _UNTOLD and unit != "fatalities":
            return
        if said in _VAGUE:
            # "thousands of people marched" sizes a crowd, it does not count it; "dozens were
            # killed" is a lower bound on an outcome, as ACLED records it
            if unit not in _OUTCOME_UNITS:
                return
            if qualifier == "exact":
                qualifier = "about" if said in _UNTOLD else "at least"
        elif qualifier == "exact" and "dozen" in num_raw.lower():
            qualifier = "about"
        if qualifier == "exact" and m.groupdict().get("hi"):
            qualifier = "at least"  # "8-10 residents": ACLED counts the lower end
        if re.match(r"\s+or\s+so\b", text[e : e + 8]) or re.search(r"\bor\s+so\s+\w+$", text[s:e]):
            qualifier = "about"
        taken.append((s, e))
        found.append(QuantityMention(value, unit, qualifier, text[s:e], s, e))

    for m in _TOLL.finditer(text) if numbered else ():
        if _CAUSE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "protested over the deaths of three guards": the cause, not the toll
        add(m, parse_number(m.group("num"), m.group("scale")), "fatalities", m.group("qual"), m.group("num"))
    for m in _MONEY.finditer(text) if _MAYBE_MONEY.search(text) else ():
        num = m.group("num") or m.group("num2")
        scale = m.group("scale") or m.group("scale2")
        cur = (m.group("cur") or m.group("cur2") or "").strip().lower()
        unit = "eur" if cur in ("€", "eur", "euros") else "usd"
        add(m, parse_number(num, scale), unit, m.group("qual") or m.group("qual2"), num)
    for m in _PART_OF.finditer(text) if _MAYBE_PART_OF.search(text) else ():
        unit = UNITS[m.group("unit").lower()]
        add(m, parse_number(m.group("num"), m.group("scale")), unit, m.group("qual"), m.group("num"))
    for m in _COUNTED.finditer(text) if numbered else ():
        unit = UNITS[m.group("unit").lower()]
        end = None
        if unit in _RENAMEABLE:
            outcome, outcome_end = _outcome_of(text, m.start(), m.end())
            if outcome:
                unit = _OUTCOMES[outcome.lower()]
                end = outcome_end
        add(m, parse_number(m.group("num"), m.group("scale")), unit, m.group("qual"), m.group("num"), end)
    for m in _SUBJECT.finditer(text):
        _add_subject(text, m, add)
    for m in _OUTCOME_FIRST.finditer(text) if numbered else ():
        before = text[max(0, m.start() - 40) : m.start()]
        if _COMBINED_BEFORE.search(before) or re.search(r"\bto\s+$", before):
            continue  # "killing and injuring 20": a count of both, not of either; "to kill 10": not done
        add(m, parse_number(m.group("num"), m.group("scale")), _OUTCOMES[m.group("outcome").lower()], m.group("qual"), m.group("num"))
    for m in _ONE_NAMED.finditer(text):
        # "killing him", "wounding the driver": one person, named without a number
        add(m, 1.0, _OUTCOMES[m.group("outcome").lower()], None, "1")
    for m in _HIS_DEATH.finditer(text):
        add(m, 1.0, "fatalities", None, "1")
    for m in _ONE_DIED.finditer(text):
        # "the soldier later died in hospital", "the other died", "days later he died": one death,
        # of someone the report named before
        add(m, 1.0, "fatalities", None, "1")
    for m in _BARE_OUTCOME.finditer(text) if numbered else ():
        outcome = m.group("outcome")
        rest_end = m.end() + len(m.group("rest"))
        if _is_active(text, rest_end, outcome, m.group("aux")) or _is_combined(text, rest_end, outcome):
            continue
        add(m, parse_number(m.group("num"), m.group("scale")), _OUTCOMES[outcome.lower()], m.group("qual"), m.group("num"), rest_end)
    for q in [q for q in found if q.unit == "fatalities"]:
        # "a farmer and his brother were killed", "killing a guard and a cook": one more, beside the count
        gap = _AND.match(text, q.start + len(_counted_part(q.text)))
        m = gap and _ONE_MORE.match(text, gap.end())
        if m:
            add(m, 1.0, "fatalities", None, "1")
    return sorted(found, key=lambda q: q.start)


# the outcome a count's mention runs through, at its end: "a farmer were killed" (compiled once: read for
# every count of the dead)
_OUTCOME_AT_END = re.compile(rf"\s+(?:{_AUX}\s+)?(?:(?:{_ADV})\s+)*(?:{_AFTER_WORDS})$", re.I)


def _counted_part(mention: str) -> str:
    """A count's mention without the outcome it runs through: "a farmer" of "a farmer were killed"."""
    m = _OUTCOME_AT_END.search(mention)
    return mention[: m.start()] if m else mention


_OUTCOME_UNITS = frozenset(_OUTCOMES.values())
# the verbs that open an outcome of several words ("shot dead", "beaten to death", "gunned down")
_OUTCOME_VERBS = frozenset(o.split()[0] for o in _OUTCOMES if " " in o) - {"to", "killed"}
_RENAMEABLE = {"people", "soldiers", "troops", "fighters", "police", "protesters", "prisoners", "refugees"}
_OUTCOME_BEFORE = re.compile(
    rf"(?:\b(?P<outcome>{_OUTCOME_WORDS})\s+(?:(?:a\s+)?total\s+of\s+)?"
    rf"|\b(?P<noun>deaths?|bod(?:y|ies)|killings?|murders?|(?:claim\w*|took|tak\w+|cost\w*)\s+the\s+lives)"
    rf"\s+of\s+(?:the\s+)?)$",
    re.I,
)
_COMBINED_BEFORE = re.compile(rf"\b(?:{_OUTCOME_WORDS})\s*,?\s+(?:and|or|and/or)\s+$", re.I)
_SUBSET_BEFORE = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom)\s+$", re.I)
# a proper name of one to three words, possessive allowed: "of Kelmo", "of Tarvo's council"
# (case kept inside patterns compiled with re.I)
_NAME = r"(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}(?:['’]s\s+[a-z]+)?)"
_THEN = rf"(?:(?:(?!(?:{_OUTCOME_WORDS})\b)[a-z]+ed|shot|hit|struck|beaten|stabbed|run\s+over)\s+and\s+)?"
# what a count's mention may have before its outcome: "15 fighters (two of them commanders) were
# killed", "15 fighters including a commander were killed" (the part is inside the count; not "including
# 2 commanders and 4 soldiers were killed", where more are counted beside it)
_INSERTED = r"(?:\s*\([^()]{1,80}\)|\s+including\s+(?:(?!and\b)[\w'-]+\s+){0,5}?(?!and\b)[\w'-]+(?=\s+(?:were|was|had|have)\s))?"
_AFTER = re.compile(
    rf"(?:\s+of\s+(?:(?:the|a|an|their|his|her|its)\s+(?:[A-Za-z][\w'/-]*\s+){{0,2}}?[A-Za-z][\w'/-]*|{_NAME}))?"
    rf"{_INSERTED}"
    rf"\s+(?:{_ADV}\s+)*(?P<aux>{_AUX}\s+)?(?:{_ADV}\s+)*{_THEN}(?P<outcome>{_AFTER_WORDS})\b",
    re.I,
)
_COORD_OUTCOME = re.compile(
    rf"\b(?:{_AUX}\s+(?:{_ADV}\s+)*{_THEN}(?P<outcome>{_AFTER_WORDS})|(?P<intransitive>died|perished|dead))\b", re.I
)
_COORD_START = re.compile(
    rf"\s*(?:,\s*)?(?:and|as\s+well\s+as|plus|along\s+with|together\s+with|including)\s|\s*,\s*(?:\d|an?\s|another\s|{_WORD_NUMBER})",
    re.I,
)
_OBJECT_AFTER = re.compile(
    rf"\s+(?:a|an|the|his|her|their|its|him|them|this|these|those|some|several|many|at\s+least|\d+|{_WORD_NUMBER}|{_UNIT_WORDS})\b", re.I
)
_COMBINED_AFTER = re.compile(
    rf"\s*(?:,\s*|\s(?P<conj>and|or|and/or)\s+)(?:{_ADV}\s+)*(?P<o2>{_OUTCOME_WORDS}|captured|missing)\b", re.I
)
# words that end a noun phrase: a clause, a verb, a preposition other than "of", a month
_BREAK = re.compile(
    rf"^(?:who|whom|whose|which|that|when|while|after|before|by|but|during|following|said|says|told|had|has|have|"
    rf"was|were|is|are|be|been|being|because|since|where|into|against|with|from|at|on|in|to|for|than|as|and|or|"
    rf"near|inside|outside|between|across|over|under|per|{_MONTHS}|{_AFTER_WORDS})$",
    re.I,
)
_VERBISH = re.compile(r"^\w+(?:ed|ing)$", re.I)
_MODIFIER_OK = {
    "armed", "unarmed", "unidentified", "suspected", "alleged", "retired", "wanted", "affiliated", "unnamed",
    "aged", "elderly", "including", "displaced", "uniformed", "masked", "hooded", "trained",
}  # fmt: skip
_QUANTITY_NOUN = re.compile(r"^(?:number|total|group|few|couple|handful|lot|further|series|crowd|majority|minority|third|half|quarter)$", re.I)
# heads that are not people: "another event", "a convoy", "2 raids"
_NON_PERSON = re.compile(
    r"^(?:events?|incidents?|attacks?|raids?|operations?|clash(?:es)?|convoys?|units?|patrols?|squads?|teams?|delegations?|"
    r"bus(?:es)?|cars?|vehicles?|houses?|homes?|buildings?|villages?|towns?|bombs?|blasts?|explosions?|strikes?|shells?|"
    r"days?|weeks?|months?|years?|hours?|times?|leak|fire|shooting|accident|crash|storm|flood|landslide|"
    r"airstrikes?|air-strikes?|drones?|missiles?|rockets?|mortars?|grenades?|mines?|landmines?|ambush(?:es)?|"
    rf"bombings?|shootings?|assaults?|offensives?|bombardments?|shelling|{ANIMALS})$",
    re.I,
)
# one person an outcome verb names without a number: "killing him", "injuring the driver"
_ONE_PERSON = (r"man|woman|boy|girl|child|driver|officer|policeman|policewoman|soldier|victim|suspect|farmer|teacher|"
               r"student|leader|commander|guard|trader|resident|villager|journalist|gunman|militant|fighter|rebel|"
               r"attacker|assailant|thief|robber|worker|civilian|owner|chief|official|priest|imam|pastor|doctor|nurse|"
               r"judge|lawyer|mayor|governor|councillor|councilor|headman|elder|cleric|magistrate|prosecutor|"
               r"principal|lecturer|herder|shopkeeper|vendor|customer|motorist|pedestrian|passenger|bystander")
# one person told before, who died: "the soldier later died", "the man, who died", "he died"
_ONE_DIED = re.compile(
    rf"\b(?=[ths])(?:(?:the|this|that)\s+(?:(?:injured|wounded|other|young|elderly|\d+-year-old)\s+)?(?:{_ONE_PERSON}|other|perpetrator|person)"
    rf"|he|she)(?:\s*,\s*who)?\s+(?:(?:later|also|subsequently|eventually|then|reportedly)\s+)?(?:died|succumbed)\b", re.I
)
# one more person coordinated with a count: a kin or companion ("and his brother"), or one by its article
_KIN = (r"brother|sister|son|daughter|wife|husband|father|mother|child|nephew|niece|cousin|uncle|aunt|companion|"
        r"friend|bodyguard|driver|colleague|escort|grandson|granddaughter|grandfather|grandmother")
_AND = re.compile(r"\s+and\s+")
_NOT_DEAD_WORDS = "|".join(sorted((re.escape(o) for o, unit in _OUTCOMES.items() if unit != "fatalities"), key=len, reverse=True))
_ONE_MORE = re.compile(
    rf"(?P<num>(?:his|her)\s+(?:[a-z-]+\s+)?(?:{_KIN})|(?:an?|another|one)\s+(?:[a-z-]+\s+)?(?:{_ONE_PERSON}|{_KIN}))\b"
    rf"(?!\s+(?:of|who|whose|with)\b|'s|’s|\s+(?:was|were)\s+(?:{_NOT_DEAD_WORDS}))", re.I
)
# one death told by a possessive, that an act brought about: "shot a guard, resulting in his death"
_HIS_DEATH = re.compile(r"\b(?=[rlc])(?:result\w*\s+in|lead\w*\s+to|led\s+to|caus\w*)\s+(?P<num>(?:his|her)\s+death)\b", re.I)
_ONE_NAMED = re.compile(
    rf"\b{opening(_OUTCOME_WORDS)}(?P<outcome>{_OUTCOME_WORDS})\s+(?:him|her|the\s+(?:[a-z]+(?:'s|’s)?\s+){{0,2}}(?:{_ONE_PERSON}|{_KIN}))\b"
    # (one person, and one more told by its article or a possessive: _ONE_MORE counts that one)
    rf"(?!\s+and\s+(?!(?:an?|his|her|one)\s|(?:{_OUTCOME_WORDS})\b)|'s|’s)", re.I
)
# acts a count's article may stand before ("a shoot-out", "an attack"): never who died
_EVENT_NOUN = re.compile(r"^(?:shoot-?outs?|gun-?fights?|fire-?fights?|gun-?battles?|battles?|skirmish(?:es)?|clash(?:es)?|"
                         r"fights?|brawls?|riots?|scuffles?|stampedes?|attacks?|raids?|ambush(?:es)?|explosions?|"
                         r"blasts?|operations?|incidents?|exchanges?)$", re.I)
_NOT_COUNTED = re.compile(r"^(?:days?|weeks?|months?|years?|hours?|minutes?|times?|km|kilomet(?:re|er)s?|miles?|metres?|meters?|percent|per|of)$", re.I)


def _is_active(text: str, end: int, outcome: str, aux: str | None) -> bool:
    """"five militants killed three soldiers": the count is the killers, not the killed."""
    return not aux and outcome.lower() not in _INTRANSITIVE and bool(_OBJECT_AFTER.match(text, end))


def _is_combined(text: str, end: int, outcome: str) -> bool:
    """"7 militants were killed and wounded": a count of both outcomes is a count of neither."""
    m = _COMBINED_AFTER.match(text, end)
    if not m:
        return False
    first, second = _OUTCOMES[outcome.lower()], _OUTCOMES.get(m.group("o2").lower(), "other")
    if first == second or (second == "fatalities" and first != "injured" and (m.group("conj") or "").lower() == "and"):
        return False  # "arrested and detained"; "were abducted and killed" (killed is then the outcome)
    return True


def _outcome_after(text: str, end: int, coordinated: bool = True) -> tuple[str | None, int | None]:
    """The outcome of a count, said after it: "[3 soldiers] were reportedly killed" (the
    mention then runs through the outcome), or after a coordinated count: "[5 guards] and
    an officer were killed" (the mention stays the count)."""
    m = _AFTER.match(text, end)
    if m:
        if _is_active(text, m.end(), m.group("outcome"), m.group("aux")) or _is_combined(text, m.end(), m.group("outcome")):
            return None, None
        then = _COMBINED_AFTER.match(text, m.end())
        if then and _OUTCOMES.get(then.group("o2").lower()) == "fatalities" != _OUTCOMES[m.group("outcome").lower()]:
            return then.group("o2"), then.end()  # "were abducted and killed"
        return m.group("outcome"), m.end()
    if not coordinated:
        return None, None
    window = text[end : end + 160]
    c = _COORD_OUTCOME.search(window)
    if not c:
        return None, None
    gap = re.sub(r"\([^()]*\)", lambda p: " " * len(p.group()), window[: c.start()])
    if not _COORD_START.match(gap) or re.search(r"[.;:!?\"()]", gap) or len(gap.split()) > 14:
        return None, None
    if gap.lstrip().startswith(",") and not re.search(r"\b(?:and|as\s+well\s+as)\b", gap):
        return None, None  # "In 2 raids, 4 men were killed": a comma alone does not coordinate
    gap = re.sub(r"\b(?:as\s+well\s+as|along\s+with|together\s+with|and|plus|including)\b", " ", gap, flags=re.I)
    words = re.findall(r"[A-Za-z][\w'’-]*", gap)
    for i, word in enumerate(words):
        if _BREAK.match(word) or (_VERBISH.match(word) and word.lower() not in _MODIFIER_OK):
            return None, None
        active = i < len(words) - 1 or _is_active(text, end + c.end(), f"{word} dead", None)
        if word.lower() in _OUTCOME_VERBS and active:
            # a verb of the outcome with its own object joins acts, not counts: "stormed a church and shot
            # three pupils dead", "... and shot dead three worshippers" (not "a guard and a cook shot dead")
            return None, None
    outcome = c.group("outcome") or c.group("intransitive")
    if _is_combined(text, end + c.end(), outcome):
        return None, None
    return outcome, None


def _outcome_of(text: str, start: int, end: int) -> tuple[str | None, int | None]:
    """The outcome that names a count, said after or just before it."""
    outcome, outcome_end = _outcome_after(text, end)
    if outcome:
        return outcome, outcome_end
    before = _outcome_before(text, start)
    return (before, None) if before else (None, None)


def _add_subject(text: str, m: re.Match[str], add) -> None:
    """A count whose noun is not a unit ("two NDS members", "a bystander", "one of the victims"),
    recorded only when an outcome names it."""
    words: list[tuple[str, int]] = []
    pos = m.end()
    for _ in range(6):
        w = _NP_WORD.match(text, pos)
        if not w or _BREAK.match(w.group(1)) or (_VERBISH.match(w.group(1)) and w.group(1).lower() not in _MODIFIER_OK):
            break
        words.append((w.group(1), w.end()))
        pos = w.end()
    if not words or _NOT_COUNTED.match(words[0][0]) and words[0][0].lower() != "of":
        return
    if any(_EVENT_NOUN.match(word) for word, _ in words):
        return  # "a shoot-out broke out and two died", "an intense shoot-out ...": the act, no one counted
    if words[0][0].lower() == "of" and (len(words) < 2 or words[1][0].lower() not in ("them", "whom", "the", "those", "these")):
        return
    article = m.group("art")
    if article and _QUANTITY_NOUN.match(words[0][0]):
        return  # "a number of fighters", "a group of men"
    if article and m.group("qual"):
        return  # "over a land dispute": a qualifier counts numbers, never an article
    if article and _AFTER_PREPOSITION.search(text, 0, m.start()):
        return  # "shot a soldier at a checkpoint, and the soldier died": a place, not who died

    def is_person(head: str) -> bool:
        unit = UNITS.get(head.lower())
        return (unit is None or unit in _RENAMEABLE) and not _NON_PERSON.match(head)

    outcome = end = None
    for i, (head, word_end) in enumerate(words):
        outcome, end = _outcome_after(text, word_end, coordinated=i == len(words) - 1)
        if outcome:
            if not is_person(head):
                return
            end = end or word_end
            break
    if not outcome:
        before = _outcome_before(text, m.start())
        if not before or not is_person(words[-1][0]):
            return
        outcome, end = before, words[-1][1]
    value = 1.0 if article else parse_number(m.group("num"), m.group("scale"))
    if article and len(words) > 2 and words[0][0].lower() in ("family", "household") and words[1][0].lower() == "of":
        value = parse_number(words[2][0]) or value  # "killing a family of four": four people
    add(m, value, _OUTCOMES[outcome.lower()], m.group("qual"), article or m.group("num"), end)


# a death named as what an act is about or came after, not its toll: "protested over the killing of a
# trader", "demanding an inquiry into the death of a nurse", "following the murder of a guard"
_CAUSE_BEFORE = re.compile(
    r"\b(?:over|against|after|following|for|into|about|condemn\w*|protest\w*|denounc\w*|mourn\w*|report|"
    r"in\s+relation\s+to|in\s+connection\s+with|justice\s+for)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+and\s+)?$",
    re.I,
)


_SENTENCED = re.compile(r"\b(?:sentenc\w*|condemn\w*)\b", re.I)


def _sentenced_to_death(text: str, start: int, end: int) -> bool:
    """"a court sentenced three men to death", "condemned to death": a count told with "to death" after
    a sentence is of the sentenced."""
    return text[start:end].lower().endswith("to death") and bool(_SENTENCED.search(text, max(0, start - 40), end))


def _outcome_before(text: str, start: int) -> str | None:
    """The outcome verb just before a count: "killing [three civilians]", "arrested [25 protesters]",
    "the bodies of [two men]"."""
    chunk = text[max(0, start - 40) : start]
    m = _OUTCOME_BEFORE.search(chunk)
    if not m:
        return None
    if m.group("noun"):
        before = text[max(0, start - 40 + m.start() - 60) : max(0, start - 40) + m.start()]
        return None if _CAUSE_BEFORE.search(before) else "killed"
    if re.search(r"\bto\s+$", chunk[: m.start("outcome")]):
        return None  # "tried to kill a guard"
    if _COMBINED_BEFORE.search(chunk[: m.start()]):
        return None  # "killing and wounding 20 people"
    return m.group("outcome")


def _is_date_or_year(text: str, m: re.Match[str], value: float, unit: str) -> bool:
    # "in 2019 troops..." or "March 5 protesters" or "5 May militants" are dates, not counts.
    num = m.group("num") if "num" in m.groupdict() and m.group("num") else ""
    if re.fullmatch(r"(19|20)\d\d", num or "") and unit not in ("usd", "eur", "tonnes"):
        return True
    if num and re.match(rf"\s+{_MONTHS}\b", text[m.end("num") :], re.I):
        return True
    before = text[max(0, m.start() - 10) : m.start()].lower()
    return bool(re.search(rf"{_MONTHS}\s*$", before))
