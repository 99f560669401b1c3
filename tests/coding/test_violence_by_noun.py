"""Violence told by its nouns (a headline with no verb, a weapon's fire that damaged something),
and who did it, on sentences written for these tests."""

import pytest

from eventwire.article import Article
from eventwire.coder import Coder
from eventwire.document import Document


@pytest.fixture(scope="module")
def coder():
    return Coder(classifier=None)


def code(nlp, coder, text):
    return coder.code(Document(Article("t", text), nlp(text)))


def text_of(actor):
    return actor.text if actor is not None else None


@pytest.mark.parametrize("text, doer, target", [
    ("Shelling by rebel forces near Tarvo on 4 March 2020. No casualties.", "rebel forces", None),
    ("On 4 March 2020, shelling of army positions near Kelmo by rebel forces.", "rebel forces", "army positions"),
    ("Bombing of a market in Dalo by unknown aircraft on 2 May 2020.", "unknown aircraft", None),
])
def test_a_headline_told_by_its_gerund_is_one_act_of_its_by_object(nlp, coder, text, doer, target):
    ev = code(nlp, coder, text)[0]
    assert ev.type == "FIGHT"
    assert text_of(ev.source) == doer
    assert text_of(ev.target) == target


@pytest.mark.parametrize("text", [
    "Targeting young offenders in Kelmo.",
    "Attacking churches is forbidden in Tarvo.",
])
def test_a_gerund_with_no_anchor_or_a_subject_clause_stays_a_kind_of_act(nlp, coder, text):
    assert code(nlp, coder, text) == []


@pytest.mark.parametrize("text, mode, doer", [
    ("Shelling damaged a school and two houses in Zolote.", "artillery", None),
    ("On 5 May 2020, shelling by rebel forces damaged a house in Tarvo.", "artillery", "rebel forces"),
    ("Bombing destroyed three houses in Kelmo.", "aerial", None),
    ("Rocket fire from the rebels hit a residential area in Tarvo.", "artillery", "the rebels"),
])
def test_a_weapons_fire_that_damaged_something_is_the_act(nlp, coder, text, mode, doer):
    ev = code(nlp, coder, text)[0]
    assert (ev.type, ev.mode) == ("FIGHT", mode)
    assert text_of(ev.source) == doer


@pytest.mark.parametrize("text", [
    "The fans were shelling out money for tickets in Tarvo.",
    "Parents shelled out money for the trip to Kelmo.",
    "The fire damaged the house in Kelmo.",
    "Drilling damaged a water pipe in Tarvo.",
])
def test_paying_out_and_fires_and_works_are_no_violence(nlp, coder, text):
    assert code(nlp, coder, text) == []
