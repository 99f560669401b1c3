import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.mentions.quantities import find_quantities, parse_number


def q(text):
    return [(m.value, m.unit, m.qualifier) for m in find_quantities(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a convoy of at least 40 trucks crossed", [(40, "trucks", "at least")]),
        ("Turkey deployed nearly 6,000 troops", [(6000, "troops", "nearly")]),
        ("a convoy of five US military vehicles", [(5, "vehicles", "exact")]),
        ("killing three civilians and wounding 11", [(3, "fatalities", "exact"), (11, "injured", "exact")]),
        ("at least 12 people were killed", [(12, "fatalities", "at least")]),
        ("police arrested 25 protesters", [(25, "arrested", "exact")]),
        ("up to 300 families fled", [(300, "families", "up to")]),
        ("more than 20 fighters were killed", [(20, "fatalities", "more than")]),
        ("about 150 protesters gathered", [(150, "protesters", "about")]),
        ("WFP delivered 500 tonnes of food", [(500, "tonnes", "exact")]),
        ("the EU pledged $50 million", [(50_000_000, "usd", "exact")]),
        ("dozens of protesters", []),  # a crowd size, not a count
        ("dozens of protesters were arrested", [(12, "arrested", "at least")]),
        ("intercepted 38 of the 45 drones", [(38, "drones", "exact"), (45, "drones", "exact")]),
        ("a drone struck a vehicle", []),
        ("its last 2,000 or so peacekeepers", [(2000, "troops", "about")]),
        ("the death toll rose to 42", [(42, "fatalities", "exact")]),
    ],
)
def test_quantities_keep_qualifier_and_outcome(text, expected):
    assert q(text) == expected


def test_years_and_dates_are_not_counts():
    assert q("in 2019 troops moved") == []
    assert q("on March 5 protesters gathered") == []


def test_offsets_point_at_the_words():
    text = "Officials said nearly 6,000 troops arrived."
    (m,) = find_quantities(text)
    assert text[m.start : m.end] == m.text == "nearly 6,000 troops"


def test_parse_number():
    assert parse_number("6,000") == 6000
    assert parse_number("three") == 3
    assert parse_number("1.5", "million") == 1_500_000
    assert parse_number("many") is None


@given(st.text(max_size=300))
def test_never_raises_and_offsets_are_consistent(text):
    for m in find_quantities(text):
        assert text[m.start : m.end] == m.text
        assert m.value >= 0
