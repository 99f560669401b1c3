"""What a passive's subject is told, forced or expected to do is its own act ("were forced to
withdraw", "is set to attack"), end to end on sentences written for these tests."""

import pytest


@pytest.fixture(scope="module")
def pipe():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    return Pipeline(coder=Coder(classifier=None))


def _sources(pipe, text, etype):
    return [e.source and e.source.text for e in pipe.extract(text, published="2021-05-05") if e.type == etype]


@pytest.mark.parametrize(
    "text, etype, source",
    [
        ("Kelmo rebels were forced to withdraw from Dalo after heavy fighting.", "RETREAT", "Kelmo rebels"),
        ("Tarvo ministers were expected to criticise the Ostland government at the summit.", "ACCUSE", "Tarvo ministers"),
        ("The Ostland army is set to attack rebel positions near Dalo.", "ASSAULT", "The Ostland army"),
        ("Kelmo rebels were ordered to attack the army base in Dalo.", "ASSAULT", "Kelmo rebels"),
        ("Westmark is expected to sign a trade pact with Ostland on Friday.", "AGREE", "Westmark"),
    ],
)
def test_what_a_passive_subject_is_told_to_do_is_its_own_act(pipe, text, etype, source):
    assert _sources(pipe, text, etype) == [source]


@pytest.mark.parametrize(
    "done_to, done_by, etype, doer",
    [
        # the dead killed no one: a passive complement is done to the subject, an active one by it
        ("Two soldiers were reported killed near Dalo.", "Kelmo rebels were reported to have attacked an army post near Dalo.",
         "ASSAULT", "Kelmo rebels"),
        ("A man was found beheaded on the road to Dalo.", "Kelmo rebels were found to have attacked an army post near Dalo.",
         "ASSAULT", "Kelmo rebels"),
        # a thing made for a purpose does nothing itself; those ordered to do it do
        ("A drone was used to strike the army base in Dalo.", "Ostland jets were ordered to strike the army base in Dalo.",
         "FIGHT", "Ostland jets"),
    ],
)
def test_a_passive_complement_or_a_thing_made_for_a_purpose_is_no_doer(pipe, done_to, done_by, etype, doer):
    assert _sources(pipe, done_to, etype) == [None]
    assert _sources(pipe, done_by, etype) == [doer]
