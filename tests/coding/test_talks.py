"""Who talks with whom, and which talks are no politics, end to end on sentences written for these tests."""

import pytest


@pytest.fixture(scope="module")
def pipe():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    return Pipeline(coder=Coder(classifier=None))


def _talks(pipe, text):
    return [(e.source and e.source.text, e.target and e.target.text)
            for e in pipe.extract(text, published="2021-05-05") if e.type == "CONSULT"]  # fmt: skip


@pytest.mark.parametrize(
    "text, pair",
    [
        # what is discussed or negotiated is the topic, never a party: the party is "with" or joined to the subject
        ("The foreign minister discussed the crisis with the Dorland ambassador.", ("The foreign minister", "the Dorland ambassador")),
        ("Velaria negotiated a ceasefire with the rebels in Kelmo.", ("Velaria", "the rebels")),
        ("The rebels and the government negotiated a prisoner exchange in Tarvo.", ("The rebels", "the government")),
    ],
)
def test_what_is_discussed_is_no_party_to_the_talks(pipe, text, pair):
    assert _talks(pipe, text) == [pair]


@pytest.mark.parametrize(
    "text",
    [
        "In the footage, Orvan Tessel, a driver, is seen discussing the price of rifles with a man.",
        # a person told as one of a private trade is a private person, talking with no one
        "In the clip, Marit Vosk, a driver for a Kelmo trader, discussed the price of two pistols.",
        "Kelmo residents discuss the purchase of land for a park.",
        "She worries about her granddaughter when she visits the family in Tarvo.",
    ],
)
def test_a_talk_among_private_people_is_no_consultation(pipe, text):
    assert _talks(pipe, text) == []


def _promises(pipe, text):
    return [(e.source and e.source.text, e.target and e.target.text)
            for e in pipe.extract(text, published="2021-05-05") if e.type == "AGREE"]  # fmt: skip


@pytest.mark.parametrize(
    "text, pair",
    [
        # a promise is made to whom the promised help is for ...
        ("Dorland pledged to help Velaria rebuild its army.", ("Dorland", "Velaria")),
        ("Dorland promised to send aid to Velaria.", ("Dorland", "Velaria")),
        ("Dorland vowed to defend Velaria against any attack.", ("Dorland", "Velaria")),
    ],
)
def test_a_promise_is_made_to_whom_the_help_promised_is_for(pipe, text, pair):
    assert _promises(pipe, text) == [pair]


@pytest.mark.parametrize(
    "text",
    [
        # ... not to whatever the promised act is done to: a pledge to the public is none
        "The president promised to reform the police.",
        "The mayor was elected promising to clean up local government.",
    ],
)
def test_a_pledge_to_the_public_is_no_agreement(pipe, text):
    assert _promises(pipe, text) == []


@pytest.mark.parametrize(
    "text, etype, pair",
    [
        # a dealing's other party is the one joined to its subject, not what the dealing was on ...
        ("Velaria and Dorland signed an agreement on border security.", "AGREE", ("Velaria", "Dorland")),
        ("The rebels and the army held talks on a prisoner swap in Kelmo.", "CONSULT", ("The rebels", "the army")),
        # ... unless both dealt with someone else
        ("Velaria and Dorland met with the rebel leaders in Kelmo.", "CONSULT", ("Velaria", "the rebel leaders")),
    ],
)
def test_a_dealing_s_other_party_is_joined_to_its_subject(pipe, text, etype, pair):
    assert [(e.source and e.source.text, e.target and e.target.text)
            for e in pipe.extract(text, published="2021-05-05") if e.type == etype] == [pair]  # fmt: skip
