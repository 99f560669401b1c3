"""Whom a protest or a strike is against when no "against" says it, on sentences written for these tests."""

import pytest


@pytest.fixture(scope="module")
def pipe():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    return Pipeline(coder=Coder(classifier=None))


def _protest_targets(pipe, text):
    return [e.target and (e.target.text, e.target.sector) for e in pipe.extract(text, published="2021-05-05")
            if e.type == "PROTEST"]  # fmt: skip


@pytest.mark.parametrize(
    "text, target",
    [
        # whom the protest was held to make demands of, or to show anger at
        ("More than 500 farmers gathered in Dalo on Sunday to demand the government lower fuel prices.",
         ("the government", "government")),
        ("Students marched through Kelmo to voice their anger at the police.", ("the police", "police")),
        # a strike is against whom the strikers work for
        ("Baggage handlers employed by Tarvo Airways will walk out next week.", ("Tarvo Airways", "business")),
    ],
)
def test_a_protest_is_against_whom_its_purpose_or_its_strikers_employer_names(pipe, text, target):
    assert _protest_targets(pipe, text) == [target]


@pytest.mark.parametrize(
    "text, etype",
    [
        ("More than 500 farmers gathered in Dalo on Sunday to demand the government lower fuel prices.", "REQUEST"),
        ("Hundreds of nurses marched through Kelmo and demanded higher pay.", "REQUEST"),
        ("Residents of Tarvo blocked the main road on Friday, accusing the council of ignoring the floods.", "ACCUSE"),
    ],
)
def test_a_demand_the_protesting_crowd_makes_is_the_protesters(pipe, text, etype):
    events = pipe.extract(text, published="2021-05-05")
    assert [e.source.sector for e in events if e.type == etype] == ["protesters"]


def test_a_rank_that_is_a_word_of_an_employers_name_makes_it_no_force(pipe):
    # "General" before a person's name is a rank; in a hospital's or a firm's name it is a word of the name
    assert _protest_targets(pipe, "Nurses at Tarvo General Hospital walked out on Friday.") == [
        ("Tarvo General Hospital", "unknown")]
    assert _protest_targets(pipe, "Cleaners employed by the Kelmo General Hospital staged a strike.") == [
        ("the Kelmo General Hospital", "unknown")]
    events = pipe.extract("General Ivo Tarvosk ordered the troops to withdraw from Dalo.", published="2021-05-05")
    assert [e.source.sector for e in events if e.type == "RETREAT"] == ["military"]
