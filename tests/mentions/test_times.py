from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.mentions.times import WEEKDAYS, ResolvedDate, find_time_mentions, resolve

P = date(2020, 4, 17)  # a Friday


@pytest.mark.parametrize(
    "expr, expected, precision",
    [
        ("on Thursday", date(2020, 4, 16), "day"),
        ("on Tuesday", date(2020, 4, 14), "day"),
        ("Thursday night", date(2020, 4, 16), "day"),
        ("on Friday", date(2020, 4, 17), "day"),
        ("last Friday", date(2020, 4, 10), "day"),
        ("on March 5", date(2020, 3, 5), "day"),
        ("On 5 March 2019", date(2019, 3, 5), "day"),
        ("earlier this month", date(2020, 4, 1), "month"),
        ("late March", date(2020, 3, 1), "month"),
        ("in late October 2019", date(2019, 10, 1), "month"),
        ("last month's", date(2020, 3, 1), "month"),
        ("since early February", date(2020, 2, 1), "month"),
        ("yesterday", date(2020, 4, 16), "day"),
        ("last week", date(2020, 4, 6), "week"),
        ("two days ago", date(2020, 4, 15), "day"),
        ("in 2019", date(2019, 1, 1), "year"),
        ("last year", date(2019, 1, 1), "year"),
        ("in December", date(2019, 12, 1), "month"),
    ],
)
def test_resolves_wire_expressions(expr, expected, precision):
    got = resolve(expr, P)
    assert got is not None, expr
    assert (got.date, got.precision) == (expected, precision)


def test_future_events_look_forward():
    assert resolve("on Monday", P, future=True).date == date(2020, 4, 20)
    assert resolve("next week", P).date == date(2020, 4, 20)
    assert resolve("in December", P, future=True).date == date(2020, 12, 1)


def test_finds_expressions_in_a_sentence_with_offsets():
    s = "Villagers blocked a convoy on Thursday, and a deal was agreed on March 5, SANA said."
    found = find_time_mentions(s)
    assert [s[t.start : t.end] for t in found] == ["on Thursday", "on March 5"]


def test_named_days_are_not_dates():
    assert find_time_mentions("Pilgrims marked Good Friday in the old city.") == []


def test_impossible_dates_resolve_to_none():
    assert resolve("on February 31", P) is None


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)), st.sampled_from(sorted(WEEKDAYS)))
def test_past_weekday_is_within_the_last_week(published, weekday):
    got = resolve(f"on {weekday.capitalize()}", published)
    assert got.precision == "day"
    assert timedelta(0) <= published - got.date < timedelta(days=7)
    assert got.date.weekday() == WEEKDAYS[weekday]


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)), st.integers(1, 12), st.integers(1, 28))
def test_past_month_day_never_after_publication(published, month, day):
    from eventwire.mentions.times import MONTHS

    name = [k for k, v in MONTHS.items() if v == month and len(k) > 3 or k == "may" and month == 5][0]
    got = resolve(f"on {name.capitalize()} {day}", published)
    assert got.date <= published + timedelta(days=1)
    assert published - got.date < timedelta(days=367)


@given(st.text(max_size=200), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_any_text_and_any_date_never_raise(text, published):
    for mention in find_time_mentions(text):
        assert text[mention.start : mention.end] == mention.text
        got = resolve(mention.text, published)
        assert got is None or got.precision in ("day", "week", "month", "year")


@pytest.mark.parametrize("text, published, expected", [
    ("on 7/2/2023", date(2023, 2, 9), date(2023, 2, 7)),  # day first: the reading before publication
    ("on 2/7/2023", date(2023, 2, 9), date(2023, 2, 7)),  # month first, as US papers write it
    ("on 25/12/2022", date(2023, 1, 3), date(2022, 12, 25)),  # over 12: the day
    ("on 12.25.22", date(2023, 1, 3), date(2022, 12, 25)),
    ("on 05.06.19", date(2019, 6, 8), date(2019, 6, 5)),
])
def test_numeric_dates_in_either_order(text, published, expected):
    (m,) = find_time_mentions(text)
    assert m.kind == "numeric" and resolve(m.text, published) == ResolvedDate(expected, "day")


def test_numbers_that_are_no_dates():
    assert find_time_mentions("open 24/7, release 1.2.3, a 3/4 majority") == []


@pytest.mark.parametrize("text, expected", [
    # what carries its own year resolves as well without the article's date
    ("on 9 May 2021", ResolvedDate(date(2021, 5, 9), "day")),
    ("on May 9, 2021", ResolvedDate(date(2021, 5, 9), "day")),
    ("on 2021-05-09", ResolvedDate(date(2021, 5, 9), "day")),
    ("on 23/11/2019", ResolvedDate(date(2019, 11, 23), "day")),  # over 12: only one order reads
    ("on 4/6/2019", ResolvedDate(date(2019, 1, 1), "year")),  # either order: only the year is known
    ("in late August 2018", ResolvedDate(date(2018, 8, 1), "month")),
    ("in 2017", ResolvedDate(date(2017, 1, 1), "year")),
    # what needs the article's date has none to invent
    ("on Saturday", None), ("last Sunday", None), ("yesterday", None), ("three weeks ago", None),
    ("earlier this month", None), ("next year", None), ("on 9 May", None), ("since early June", None),
])
def test_without_a_publication_date_only_what_carries_its_year_resolves(text, expected):
    (m,) = find_time_mentions(text)
    assert resolve(m.text, None) == expected


@given(st.text(max_size=200))
def test_any_text_without_a_publication_date_never_raises(text):
    for mention in find_time_mentions(text):
        got = resolve(mention.text, None)
        assert got is None or got.precision in ("day", "month", "year")


def test_a_date_inside_a_places_name_is_no_date():
    assert [m.text for m in find_time_mentions("Shells fell on the July 7 neighbourhood of Kelmar.")] == []
    assert [m.text for m in find_time_mentions("Marchers filled 26 July Square on Monday.")] == ["on Monday"]
    assert [m.text for m in find_time_mentions("The October 6 bridge was shut.")] == []
    # told with its preposition, a date before such a word is still the date
    assert [m.text for m in find_time_mentions("On Monday streets were empty.")] == ["On Monday"]


WEDNESDAY = date(2022, 9, 14)


@pytest.mark.parametrize("expr, published, expected", [
    ("last Tuesday", WEDNESDAY, date(2022, 9, 6)),  # "Tuesday" alone is yesterday
    ("last Monday", date(2022, 9, 12), date(2022, 9, 5)),
    ("last Sunday", date(2022, 9, 12), date(2022, 9, 11)),  # the week before began on Monday the 5th
])
def test_last_weekday_is_in_the_week_before_the_reports(expr, published, expected):
    assert resolve(expr, published) == ResolvedDate(expected, "day")


@pytest.mark.parametrize("expr, expected", [
    ("between 9 and 11 September 2022", date(2022, 9, 9)),
    ("from 30 August to 2 September 2022", date(2022, 8, 30)),
    ("the night of 12-13 September", date(2022, 9, 12)),
    ("on 8 and 9 September", date(2022, 9, 8)),
    ("September 10-11, 2022", date(2022, 9, 10)),
    ("between 30 December and 2 January 2023", date(2022, 12, 30)),
])
def test_a_span_of_days_is_dated_by_its_first(expr, expected):
    (found,) = find_time_mentions(f"Fighting went on {expr} near Tarvo.")
    assert resolve(found.text, WEDNESDAY) == ResolvedDate(expected, "day")


@pytest.mark.parametrize("expr, published, expected", [
    ("on Christmas Eve", WEDNESDAY, date(2021, 12, 24)),
    ("on New Year's Day", date(2023, 1, 4), date(2023, 1, 1)),
    ("on May Day", WEDNESDAY, date(2022, 5, 1)),
])
def test_holidays_on_a_fixed_day(expr, published, expected):
    assert resolve(expr, published) == ResolvedDate(expected, "day")


def test_a_day_of_the_month_alone():
    assert resolve("on the 9th.", WEDNESDAY) == ResolvedDate(date(2022, 9, 9), "day")
    assert resolve("on the 20th,", WEDNESDAY) == ResolvedDate(date(2022, 8, 20), "day")  # still to come: last month's
    assert find_time_mentions("Troops of the 9th brigade fought near Kelmo.") == []


def test_numeric_dates_with_dashes_and_their_year():
    assert resolve("on 13-09-2022", WEDNESDAY) == ResolvedDate(date(2022, 9, 13), "day")
    assert find_time_mentions("The home side won 3-1 in Dalo.") == []


@pytest.mark.parametrize("expr, published, expected", [
    ("over the weekend", WEDNESDAY, date(2022, 9, 10)),
    ("at the weekend", date(2022, 9, 11), date(2022, 9, 10)),  # a Sunday: the weekend under way
    ("this past weekend", date(2022, 9, 12), date(2022, 9, 10)),
])
def test_the_weekend_just_past(expr, published, expected):
    assert resolve(expr, published) == ResolvedDate(expected, "week")


@pytest.mark.parametrize("expr, expected", [
    ("the next day,", date(2022, 9, 15)),
    ("two days later.", date(2022, 9, 16)),
    ("a day earlier,", date(2022, 9, 13)),
    ("the previous day", date(2022, 9, 13)),
])
def test_a_count_of_days_from_a_day(expr, expected):
    assert resolve(expr, WEDNESDAY) == ResolvedDate(expected, "day")


def test_a_day_after_at_is_a_place():
    assert find_time_mentions("Mortars fell at 14 October and Harbour areas.") == []


@pytest.mark.parametrize(
    "text, said, kind",
    [
        # each date pattern, opened by each kind of first word and in capitals (the patterns'
        # first-letter lookaheads must fold as their words do)
        ("Herders left the valley BETWEEN 4 AND 6 JUNE.", "BETWEEN 4 AND 6 JUNE", "day_range"),
        ("Talks resumed From Sept. 9-11, 2019 in the capital.", "From Sept. 9-11, 2019", "month_day_range"),
        ("The vote came WEDNESDAY, AUGUST 12 after a delay.", "WEDNESDAY, AUGUST 12", "month_day"),
        ("Crews were back THE 21ST OF NOVEMBER.", "THE 21ST OF NOVEMBER", "day_month"),
        ("Shelling eased Until mid-December 2018, residents said.", "Until mid-December 2018", "part_month"),
        ("The market stayed shut THROUGHOUT OCTOBER.", "THROUGHOUT OCTOBER", "in_month"),
        ("Dec. 2017 saw the first walkout.", "Dec. 2017", "month_year"),
        ("Stalls closed ON BOXING DAY across the town.", "ON BOXING DAY", "holiday"),
        ("The ferry strike began LAST THURSDAY at dawn.", "LAST THURSDAY", "weekday"),
    ],
)
def test_each_date_pattern_is_found_whatever_its_case(text, said, kind):
    assert [(m.text, m.kind) for m in find_time_mentions(text)] == [(said, kind)]
