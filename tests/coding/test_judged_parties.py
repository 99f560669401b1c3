"""Whom disapproval or praise is aimed at when it is told of a thing of theirs, or "about" or "over"
them, on sentences written for these tests."""

import pytest


@pytest.fixture(scope="module")
def pipe():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    return Pipeline(coder=Coder(classifier=None))


def _targets(pipe, text, etype):
    return [e.target and (e.target.text, e.target.sector) for e in pipe.extract(text, published="2021-05-05")
            if e.type == etype]  # fmt: skip


@pytest.mark.parametrize(
    "text, target",
    [
        # what is judged is a thing; whose it is, is the target
        ("The senator poured scorn on the minister's budget.", ("the minister's", "government")),
        ("The union has concerns about the mayor's proposal.", ("the mayor's", "government")),
        # disapproval told "about" a party
        ("The bishop expressed concern about the police.", ("the police", "police")),
    ],
)
def test_disapproval_of_a_partys_thing_is_aimed_at_the_party(pipe, text, target):
    assert _targets(pipe, text, "ACCUSE") == [target]


def test_a_thing_judged_is_its_owners_but_not_the_office_a_complaint_is_filed_with(pipe):
    assert _targets(pipe, "Critics poured scorn on the governor's spending cuts.", "ACCUSE") == [
        ("the governor's", "government")]
    # (the "with" of a complaint says where it went, not whom it is about)
    assert _targets(pipe, "Residents filed complaints with the ombudsman's office.", "ACCUSE") == [None]
