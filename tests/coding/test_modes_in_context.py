"""The PLOVER mode the words around a request or a meeting give, on sentences written for these tests."""

import pytest


@pytest.fixture(scope="module")
def pipe():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    return Pipeline(coder=Coder(classifier=None))


def _modes(pipe, text, etype):
    return [e.mode for e in pipe.extract(text, published="2021-05-05") if e.type == etype]


@pytest.mark.parametrize(
    "text, mode",
    [
        # asked to act for one: assist
        ("Opposition leaders called on the cabinet to intervene in the dispute over the Kelmo dam.", "assist"),
        ("Farmers' unions asked the ministry to protect their land from the new highway.", "assist"),
        # a new policy, law or inquiry: change
        ("Residents asked the court to order a recount of the Tarvo vote.", "change"),
        ("Activists called on parliament to pass a bill banning child marriage.", "change"),
        ("The rights group urged the president to back an independent investigation into the killings.", "change"),
        # a giving back is yielding; a going back is not
        ("Students demanded the return of the confiscated books.", "yield"),
        ("The envoy asked the rebels to hand back the seized trucks.", "yield"),
        ("Villagers demanded that the company return their land.", "yield"),
    ],
)
def test_what_is_asked_says_the_requests_mode(pipe, text, mode):
    assert _modes(pipe, text, "REQUEST") == [mode]


def test_a_going_back_is_no_giving_back(pipe):
    assert _modes(pipe, "The envoy asked the militia to hand over the hostages.", "REQUEST") == ["yield"]
    assert _modes(pipe, "Kelmo urged Dalo to return to the peace talks.", "REQUEST") == ["meet"]


@pytest.mark.parametrize(
    "text, mode",
    [
        # the verb "call" and another act joined to the meeting say nothing of how it was held
        ("The Tarvo foreign minister met his Kelmo counterpart on Monday and called on Dalo to reopen the border.",
         None),
        ("The Kelmo envoy met the rebel leaders, who later called the talks a failure.", None),
        ("The two presidents held talks in Tarvo in May and have since spoken often by phone.", None),
    ],
)
def test_only_the_meetings_own_words_make_it_a_phone_call(pipe, text, mode):
    assert _modes(pipe, text, "CONSULT") == [mode]


def test_a_call_as_a_noun_is_a_phone_call_not_the_verb(pipe):
    assert _modes(pipe, "The envoy met the Dalo leaders, who later called the meeting useful.", "CONSULT") == [None]
    assert _modes(pipe, "The ministers discussed trade in a phone call on Monday.", "CONSULT") == ["phone"]
    assert _modes(pipe, "The Tarvo president spoke by telephone with the Kelmo prime minister.", "CONSULT") == ["phone"]


def test_stopping_a_practice_is_a_change_stopping_hostilities_a_yield(pipe):
    assert _modes(pipe, "Villagers urged the company to cease dumping waste in the river.", "REQUEST") == ["change"]
    assert _modes(pipe, "The opposition called on the government to stop arming the militias.", "REQUEST") == ["change"]
    assert _modes(pipe, "Kelmo demanded that the rebels end the siege of Tarvo.", "REQUEST") == ["yield"]
