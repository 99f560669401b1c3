"""Time mentions: find date expressions in a sentence and resolve them.

Resolution follows docs/codebook.md: an expression is resolved against the
article's publication date to a calendar date plus a precision (day, week,
month, year). Past events look back from the publication date, planned ones
look forward. Unparseable or impossible dates resolve to ``None``, never raise.
An article with no publication date gives no anchor: then only an expression that
carries its own year resolves ("March 5, 2020", "in 2019"), and "on Thursday" or
"last week" resolve to ``None`` rather than to a day guessed from the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .quantities import opening  # (a pattern's opening letters, as the quantities' patterns use it)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3, "few": 3,
}  # fmt: skip

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:night|morning|evening|afternoon))?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_MONTH1 = _MONTH.replace("?P<month>", "?P<month1>")
_ORD = r"(?:st|nd|rd|th)?"
# a span of days is dated by its first ("between 3 and 5 May", "on the night of 4-5 May", "May 6-7, 2020"):
# the act had begun by then
_RANGE_LINK = r"\s*(?:-|–|to|and|until|till)\s*(?:the\s+)?"
# holidays on a fixed day of the year, told by name ("on Christmas Day"): (month, day)
HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "may day": (5, 1), "valentine's day": (2, 14), "halloween": (10, 31),
    "international women's day": (3, 8),
}  # fmt: skip
_HOLIDAY = r"(?P<holiday>New\s+Year's\s+(?:Day|Eve)|Christmas\s+(?:Day|Eve)|Boxing\s+Day|May\s+Day|Valentine's\s+Day|Halloween|International\s+Women's\s+Day)"
# a number of days counted from the day told before ("two days later", "the next day"); it needs that day
_COUNT = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"

_MONTH_WORDS = _MONTH[len("(?P<month>") : _MONTH.index(")")]
_WEEKDAY_WORDS = _WEEKDAY[len("(?P<weekday>") : -1]
_DIGIT = r"\d"
_HOLIDAY_WORDS = "New|Christmas|Boxing|May|Valentine|Halloween|International"  # the first words of _HOLIDAY's names

# each pattern that opens with optional words starts with a lookahead for the letters it can begin
# with (``opening``): re tries such a pattern at every word, and most words begin with none of them
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("day_range", re.compile(rf"\b{opening('on|between|from|the', also=_DIGIT)}(?:(?:on|between|from)\s+)?(?:the\s+)?(?P<day>\d{{1,2}}){_ORD}(?:\s+(?:of\s+)?{_MONTH1})?{_RANGE_LINK}\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)),
    ("month_day_range", re.compile(rf"\b{opening('on|between|from', _MONTH_WORDS)}(?:(?:on|between|from)\s+)?{_MONTH}\s+(?P<day>\d{{1,2}}){_ORD}{_RANGE_LINK}(?:{_MONTH1}\s+)?\d{{1,2}}{_ORD}\b(?:,?\s+{_YEAR})?", re.I)),
    ("holiday", re.compile(rf"\b{opening('on', _HOLIDAY_WORDS)}(?:on\s+)?{_HOLIDAY}\b", re.I)),
    ("month_day", re.compile(rf"\b{opening('on', _WEEKDAY_WORDS, _MONTH_WORDS)}(?:on\s+)?(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?", re.I)),
    ("day_month", re.compile(rf"\b{opening('on|the', also=_DIGIT)}(?:on\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)),
    ("iso", re.compile(r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b")),
    ("numeric", re.compile(r"\b(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)\b")),
    ("part_month", re.compile(rf"\b{opening('in|since|until|by|from|early|mid|late|the')}(?:(?:in|since|until|by|from)\s+)?(?P<part>early|mid|mid-|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]*{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)),
    ("in_month", re.compile(rf"\b{opening('in|since|during|throughout|until|by|from')}(?P<prep>in|since|during|throughout|until|by|from)\s+{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)),
    ("month_year", re.compile(rf"\b{opening(_MONTH_WORDS)}{_MONTH}\s+{_YEAR}\b", re.I)),
    ("day_of_month", re.compile(r"\bon\s+the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)(?=\s*(?:[,.;:)]|$))", re.I)),
    ("numeric_dash", re.compile(r"\b(?P<a>[0-3]?\d)-(?P<b>[0-3]?\d)-(?P<y>(?:19|20)\d\d)\b")),
    ("weekend_past", re.compile(r"\b(?:over|at|on)\s+the\s+weekend\b(?!\s+of)|\bthis\s+past\s+weekend\b", re.I)),
    ("told_relative", re.compile(rf"\b(?:the\s+(?P<side1>next|following|previous|preceding)\s+day|the\s+day\s+(?P<side2>before|after)(?=\s*[,.;]|$)|{_COUNT}\s+days?\s+(?P<side3>later|earlier|before|after)(?=\s*[,.;]|$))", re.I)),
    ("weekday", re.compile(rf"\b{opening('last|next|this|on|early|late', _WEEKDAY_WORDS)}(?:(?P<rel>last|next|this|on|early|late)\s+)?{_WEEKDAY}(?:'s)?{_PART}\b", re.I)),
    ("relative_day", re.compile(r"\b(?P<rel>yesterday|today|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening|overnight|earlier\s+today)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|few)\s+(?P<unit>day|days|week|weeks|month|months|year|years)\s+ago\b", re.I)),
    ("relative_period", re.compile(r"\b(?P<rel>earlier\s+this|later\s+this|this|last|next|the\s+previous|the\s+past|the\s+coming|the\s+following|early\s+this|early\s+last|late\s+last)\s+(?P<unit>week|month|year|weekend)(?:'s)?\b", re.I)),
    ("in_year", re.compile(rf"\b(?P<prep>in|since|during|throughout|until|by)\s+(?:early\s+|late\s+|mid-)?{_YEAR}\b", re.I)),
]


@dataclass(frozen=True)
class TimeMention:
    """A date expression found in text, with offsets relative to the searched string."""

    text: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class ResolvedDate:
    date: date
    precision: str  # day | week | month | year


# What each pattern cannot match without (a month's first three letters, a digit, "day" of a
# weekday...): most sentences name no date, and one plain search per word is far cheaper than
# the patterns, which Python's re tries at every word. A pattern whose words are all absent
# cannot match, so skipping it changes nothing.
_NEEDS: dict[str, tuple[str, ...]] = {
    "day_range": ("month", "digit"), "month_day_range": ("month", "digit"), "holiday": ("holiday",),
    "day_of_month": ("digit",), "numeric_dash": ("digit",), "weekend_past": ("period",), "told_relative": ("day",),
    "month_day": ("month", "digit"), "day_month": ("month", "digit"), "iso": ("digit",), "numeric": ("digit",),
    "part_month": ("month",), "in_month": ("month",), "month_year": ("month", "digit"), "weekday": ("day",),
    "relative_day": ("time_of_day",), "ago": ("ago",), "relative_period": ("period",), "in_year": ("digit",),
}  # fmt: skip
_CLUE_WORDS = {
    "month": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    "day": ("day",),
    "time_of_day": ("day", "night", "morning", "afternoon", "evening"),
    "ago": ("ago",),
    "period": ("week", "month", "year"),
    "holiday": ("day", "eve", "halloween"),
}
# (in ASCII text, lower-casing folds letters as re.I does, and "in" is cheaper than a search)
_CLUES = {"digit": re.compile(r"\d"), **{clue: re.compile("|".join(words), re.I) for clue, words in _CLUE_WORDS.items()}}


def find_time_mentions(text: str) -> list[TimeMention]:
    """All non-overlapping date expressions in ``text``, earliest first; longer matches win."""
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    clues: dict[str, bool] = {}  # each clue searched for at most once
    lowered = text.lower() if text.isascii() else None
    for kind, pattern in _PATTERNS:
        if not _may_match(text, lowered, kind, clues):
            continue
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "weekday" and m.group("rel") is None and not _weekday_ok(text, s):
                continue
            if _names_a_place(text, s, e):
                taken.append((s, e))  # "the July 7 neighbourhood", "26 July Street": a name, no date
                continue
            taken.append((s, e))
            found.append(TimeMention(text[s:e], s, e, kind))
    return sorted(found, key=lambda t: t.start)


def _may_match(text: str, lowered: str | None, kind: str, clues: dict[str, bool]) -> bool:
    """Are the words the ``kind`` pattern cannot match without all in ``text``? (``lowered``:
    the text lower-cased, if it is ASCII.)"""
    for clue in _NEEDS[kind]:
        there = clues.get(clue)
        if there is None:
            words = _CLUE_WORDS.get(clue) if lowered is not None else None
            there = any(w in lowered for w in words) if words else _CLUES[clue].search(text) is not None
            clues[clue] = there
        if not there:
            return False
    return True


# words after a date that make it part of a name: a place or a body named after a day
_NAME_WORDS_AFTER = re.compile(
    r"\s+(?:neighbou?rhoods?|streets?|st\.|square|avenue|bridge|quarter|stadium|movement|brigade|revolution)\b", re.I
)
_PREPOSITION = re.compile(r"(?:on|since|by|until|till|from|before|after|in|during)\s", re.I)


_AT_BEFORE = re.compile(r"\bat\s+$", re.I)


def _names_a_place(text: str, start: int, end: int) -> bool:
    """Is the date at [start, end) part of a name ("the July 7 neighbourhood", "at 26 July Street")?
    Not when told with its preposition ("on 7 July streets were empty"). English says "at" of a
    place or an hour, never of a day: "fired at 14 October and Industrial areas" names a place."""
    if _AT_BEFORE.search(text, max(0, start - 4), start):
        return True
    return _NAME_WORDS_AFTER.match(text, end) is not None and _PREPOSITION.match(text, start) is None


def _weekday_ok(text: str, start: int) -> bool:
    # A bare weekday is a date unless it is part of a name ("Good Friday", "Black Tuesday").
    before = text[max(0, start - 8) : start].strip().lower()
    return not before.endswith(("good", "black", "holy", "ash", "bloody"))


class _Unanchored(ValueError):
    """An expression that needs the publication date, in an article that has none."""


def _anchor(published: date | None) -> date:
    if published is None:
        raise _Unanchored("no publication date to read the expression against")
    return published


def resolve(expression: str, published: date | None, *, future: bool = False) -> ResolvedDate | None:
    """Resolve one expression (as found by ``find_time_mentions``) against ``published``
    (None: the article's date is not known, and only expressions with their year resolve).

    ``future`` says the event is planned, so bare weekdays and months look forward.
    """
    for kind, pattern in _PATTERNS:
        m = pattern.search(expression)
        if m:
            try:
                return _RESOLVERS[kind](m, published, future)
            except (ValueError, OverflowError):
                return None
    return None


def _month_day(m: re.Match[str], p: date | None, future: bool) -> ResolvedDate:
    month = MONTHS[m.group("month").lower().rstrip(".")]
    day = int(m.group("day"))
    if m.group("year"):
        return ResolvedDate(date(int(m.group("year")), month, day), "day")
    return ResolvedDate(_nearest_year(_anchor(p), month, day, future), "day")


def _nearest_year(p: date, month: int, day: int, future: bool) -> date:
    """The date with that month and day nearest ``p`` on the side the tense points to."""
    d = date(p.year, month, min(day, _days_in(p.year, month)))
    if not future and d > p + timedelta(days=1):
        d = date(p.year - 1, month, min(day, _days_in(p.year - 1, month)))
    elif future and d < p - timedelta(days=1):
        d = date(p.year + 1, month, min(day, _days_in(p.year + 1, month)))
    if d.day != day:
        raise ValueError("no such day")
    return d


def _days_in(year: int, month: int) -> int:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def _iso(m: re.Match[str], p: date | None, future: bool) -> ResolvedDate:
    return ResolvedDate(date.fromisoformat(m.group("iso")), "day")


def _numeric(m: re.Match[str], p: date | None, future: bool) -> ResolvedDate:
    """"3/4/2021", "03.04.21": day and month in either order. A number over 12 says which is
    the day; when both could be, the reading nearer the publication date on the side the tense
    points to wins (US papers write month first, most others day first, and the outlet's
    country is not known here)."""
    a, b, raw_year = int(m.group("a")), int(m.group("b")), m.group("y")
    if len(raw_year) == 4:
        year = int(raw_year)
    else:  # a two-digit year is in the century that puts it nearest the anchor (or the clock: no day is taken from it)
        pivot = (p or date.today()).year % 100 + 1
        year = 2000 + int(raw_year) if int(raw_year) <= pivot else 1900 + int(raw_year)
    readings = []
    for month, day in ((b, a), (a, b)):  # day first, then month first
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    if not readings:
        raise ValueError("no such day")
    if p is None and len(set(readings)) > 1:
        # either order could be meant and nothing tells which: only the year is known
        return ResolvedDate(date(year, 1, 1), "year")
    if p is None:
        return ResolvedDate(readings[0], "day")
    anchor = p

    def distance(d: date) -> tuple[bool, int]:
        wrong_side = d > anchor + timedelta(days=1) if not future else d < anchor - timedelta(days=1)
        return wrong_side, abs((d - anchor).days)

    return ResolvedDate(min(readings, key=distance), "day")


def _month(m: re.Match[str], p: date | None, future: bool) -> ResolvedDate:
    month = MONTHS[m.group("month").lower().rstrip(".")]
    if m.groupdict().get("year"):
        return ResolvedDate(date(int(m.group("year")), month, 1), "month")
    p = _anchor(p)
    year = p.year
    if not future and month > p.month:
        year -= 1
    elif future and month < p.month:
        year += 1
    return ResolvedDate(date(year, month, 1), "month")


def _weekday(m: re.Match[str], p: date | None, future: bool) -> ResolvedDate:
    p = _anchor(p)
    wd = WEEKDAYS[m.group("weekday").lower()]
    rel = (m.group("rel") or "").lower()
    if rel == "next" or (future and rel != "last"):
        delta = (wd - p.weekday()) % 7
        if rel == "next" and delta == 0:
            delta = 7
        return ResolvedDate(p + timedelta(days=delta), "day")
    if rel == "last":
        # "last Thursday" is the Thursday of the week before the report's ("Thursday" alone is this week's)
        return ResolvedDate(p - timedelta(days=p.weekday() + 7 - wd), "day")
    delta = (p.weekday() - wd) % 7
    return ResolvedDate(p - timedelta(days=delta), "day")


def _day_range(m: re.Match[str], p: date | None, future: bool) -> ResolvedDate:
    """The first day of a span ("between 30 April and 2 May 2020": 30 April 2020)."""
    last_month = MONTHS[m.group("month").lower().rstrip(".")]
    first_month = MONTHS[m.group("month1").lower().rstrip(".")] if m.group("month1") else last_month
    day = int(m.group("day"))
    if m.group("year"):  # the year is told with the span's last day: a span over New Year began the year before
        return ResolvedDate(date(int(m.group("year")) - (first_month > last_month), first_month, day), "day")
    return ResolvedDate(_nearest_year(_anchor(p), first_month, day, future), "day")


def _holiday(m: re.Match[str], p: date | None, future: bool) -> ResolvedDate:
    month, day = HOLIDAYS[" ".join(m.group("holiday").lower().split())]
    return ResolvedDate(_nearest_year(_anchor(p), month, day, future), "day")


def _day_of_month(m: re.Match[str], p: date | None, future: bool) -> ResolvedDate:
    """"on the 19th": that day of the report's month, or of the month before (after, if planned)
    when that day is still to come (past)."""
    p = _anchor(p)
    day = int(m.group("day"))
    step = 0
    if not future and day > p.day + 1:
        step = -1
    elif future and day < p.day - 1:
        step = 1
    y, mth = divmod(p.year * 12 + p.month - 1 + step, 12)
    return ResolvedDate(date(y, mth + 1, day), "day")


def _weekend_past(m: re.Match[str], p: date | None, future: bool) -> ResolvedDate:
    """"over the weekend": the Saturday of the weekend just past (of the one under way or to come,
    if planned), at week precision as "this weekend"."""
    p = _anchor(p)
    saturday = p - timedelta(days=p.weekday()) + timedelta(days=5)
    if not future and saturday > p:
        saturday -= timedelta(weeks=1)
    return ResolvedDate(saturday, "week")


def _told_relative(m: re.Match[str], p: date | None, future: bool) -> ResolvedDate:
    """"two days later", "the previous day": counted from ``p``, which the caller makes the day
    told before when there is one (``coding.when``)."""
    p = _anchor(p)
    side = (m.group("side1") or m.group("side2") or m.group("side3")).lower()
    raw = (m.group("n") or "one").lower()
    n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    sign = 1 if side in ("next", "following", "after", "later") else -1
    return ResolvedDate(p + timedelta(days=sign * n), "day")


def _relative_day(m: re.Match[str], p: date | None, future: bool) -> ResolvedDate:
    p = _anchor(p)
    rel = " ".join(m.group("rel").lower().split())
    if rel in ("yesterday", "last night"):
        return ResolvedDate(p - timedelta(days=1), "day")
    if rel == "overnight":
        return ResolvedDate(p, "day")
    return ResolvedDate(p, "day")


def _ago(m: re.Match[str], p: date | None, future: bool) -> ResolvedDate:
    p = _anchor(p)
    raw = " ".join(m.group("n").lower().split())
    n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    unit = m.group("unit").lower().rstrip("s")
    if unit == "day":
        return ResolvedDate(p - timedelta(days=n), "day")
    if unit == "week":
        d = p - timedelta(weeks=n)
        return ResolvedDate(d - timedelta(days=d.weekday()), "week")
    if unit == "month":
        y, mth = divmod(p.year * 12 + p.month - 1 - n, 12)
        return ResolvedDate(date(y, mth + 1, 1), "month")
    return ResolvedDate(date(p.year - n, 1, 1), "year")


def _relative_period(m: re.Match[str], p: date | None, future: bool) -> ResolvedDate:
    p = _anchor(p)
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    step = {"last": -1, "the previous": -1, "the past": -1, "early last": -1, "late last": -1,
            "next": 1, "the coming": 1, "the following": 1}.get(rel, 0)  # fmt: skip
    if unit in ("week", "weekend"):
        monday = p - timedelta(days=p.weekday()) + timedelta(weeks=step)
        if unit == "weekend":
            return ResolvedDate(monday + timedelta(days=5), "week")
        return ResolvedDate(monday, "week")
    if unit == "month":
        y, mth = divmod(p.year * 12 + p.month - 1 + step, 12)
        return ResolvedDate(date(y, mth + 1, 1), "month")
    return ResolvedDate(date(p.year + step, 1, 1), "year")


def _in_year(m: re.Match[str], p: date | None, future: bool) -> ResolvedDate:
    return ResolvedDate(date(int(m.group("year")), 1, 1), "year")


_RESOLVERS = {
    "day_range": _day_range,
    "month_day_range": _day_range,
    "holiday": _holiday,
    "day_of_month": _day_of_month,
    "numeric_dash": _numeric,
    "weekend_past": _weekend_past,
    "told_relative": _told_relative,
    "month_day": _month_day,
    "day_month": _month_day,
    "iso": _iso,
    "numeric": _numeric,
    "part_month": _month,
    "in_month": _month,
    "month_year": _month,
    "weekday": _weekday,
    "relative_day": _relative_day,
    "ago": _ago,
    "relative_period": _relative_period,
    "in_year": _in_year,
}
