"""The Python API: eventwire.extract and typed exceptions for input it cannot code."""

from datetime import date

import pytest

import eventwire
from eventwire.article import make_article
from eventwire.pipeline import Pipeline

ARTICLE = "Villagers in the village of Hamo near Qamishli blocked a convoy of five US military vehicles on Thursday, SANA reported."


def test_extract_returns_events_with_the_outlet_and_a_text_hash_id():
    events = eventwire.extract(ARTICLE, published=date(2020, 4, 17), outlet="Press TV")
    assert [e.type for e in events] == ["PROTEST"]
    assert isinstance(events[0], eventwire.Event)
    assert events[0].attribution.outlet == "Press TV"
    assert events[0].evidence.article_id == make_article(ARTICLE).id
    # the same text, differently spaced, is the same article
    again = eventwire.extract("  " + ARTICLE.replace(" ", "  ") + "\n", published=date(2020, 4, 17))
    assert again[0].evidence.article_id == events[0].evidence.article_id


def test_given_article_id_is_kept():
    events = eventwire.extract(ARTICLE, published="2020-04-17", article_id="wire-42")
    assert events[0].evidence.article_id == "wire-42"


@pytest.mark.parametrize(
    "text, kwargs, error",
    [
        ("", {}, eventwire.EmptyInputError),
        ("   \n\t ", {}, eventwire.EmptyInputError),
        ("abc\x00\x01\x02\x03 binary", {}, eventwire.BinaryInputError),
        ("x " * 600_000, {}, eventwire.InputTooLargeError),
        ("Los manifestantes bloquearon la carretera principal de la ciudad durante varias horas el jueves por la tarde.", {}, eventwire.NotEnglishError),
        (ARTICLE, {"published": "17/04/2020"}, eventwire.InvalidDateError),
        (ARTICLE, {"published": "2020-02-30"}, eventwire.InvalidDateError),
    ],
)
def test_bad_input_raises_a_typed_error_naming_the_problem(text, kwargs, error):
    with pytest.raises(error) as info:
        eventwire.extract(text, **kwargs)
    assert isinstance(info.value, eventwire.InputError)
    assert str(info.value)  # a message a user can act on


def test_a_batch_keeps_going_past_bad_input():
    good = make_article(ARTICLE, published="2020-04-17", article_id="good")
    bad = eventwire.EmptyInputError("<line 2>", "the text is empty")
    results = list(Pipeline().run([bad, good]))
    assert [r.error is not None for r in results] == [True, False]
    assert results[1].events and results[1].events[0].evidence.article_id == "good"
