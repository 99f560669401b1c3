"""States told together by no name ("Western nations", "several countries") are governments of no one
country, on sentences written for these tests."""

import pytest


@pytest.fixture(scope="module")
def pipe():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    return Pipeline(coder=Coder(classifier=None))


@pytest.mark.parametrize(
    "text, etype, source",
    [
        ("Western nations urged Kelmo to release the prisoners.", "REQUEST", ("Western nations", None, "government")),
        # (not lent the country of the place the act is about)
        ("Several countries condemned the coup in Dalo.", "ACCUSE", ("Several countries", None, "government")),
    ],
)
def test_states_told_together_are_governments_of_no_country(pipe, text, etype, source):
    events = pipe.extract(text, published="2021-05-05")
    assert [(e.source.text, e.source.country, e.source.sector) for e in events if e.type == etype] == [source]
