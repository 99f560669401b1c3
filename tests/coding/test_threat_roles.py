"""Who a threat is made against, end to end on sentences written for these tests."""

import pytest


@pytest.fixture(scope="module")
def pipe():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    return Pipeline(coder=Coder(classifier=None))


@pytest.mark.parametrize(
    "text, source, target",
    [
        # the object of the act threatened
        ("The militia threatened to kill the hostages.", "rebels", "civilians"),
        ("The rebels threatened to attack government forces near Kelmo.", "rebels", "military"),
        # the act told as what the speaker's side would do
        ("The rebel commander warned that his forces would attack the army garrison in Tarvo.", "rebels", "military"),
        # whom it would be aimed at
        ("The minister said the army would strike back at the rebels if attacked.", "government", "rebels"),
    ],
)
def test_a_threat_is_against_whom_the_act_it_promises_is_done_to(pipe, text, source, target):
    threats = [e for e in pipe.extract(text, published="2021-05-05") if e.type == "THREATEN"]
    assert [(e.source.sector, e.target and e.target.sector) for e in threats] == [(source, target)]


@pytest.mark.parametrize(
    "text, source",
    [
        # an act named as the time of another is not the other's subject's
        ("The president sacked the police chief after the riots in Tarvo.", None),
        # whoever called or led it, told in a participle on its phrase
        ("Flights were cancelled days before a strike at Kelmo airport called by the pilots' union.", "the pilots' union"),
    ],
)
def test_an_act_named_as_the_time_of_another_is_not_its_subjects(pipe, text, source):
    acts = [e for e in pipe.extract(text, published="2021-05-05") if e.type == "PROTEST"]
    assert [e.source and e.source.text for e in acts] == [source]


def test_a_setting_still_lends_its_clause_s_subject(pipe):
    # unlike a time, a setting's act is the subject's own: the minister held the talks
    talks = [e for e in pipe.extract("In talks with the rebels in Kelmo, the defence minister asked for a ceasefire.",
                                     published="2021-05-05") if e.type == "CONSULT"]
    assert [(e.source.text, e.target.text) for e in talks] == [("the defence minister", "the rebels")]


@pytest.mark.parametrize(
    "text",
    [
        # what is imposed or cut is no party: on or to whom it is
        "Dorland threatened to impose sanctions on Velaria.",
        "Dorland threatened to cut gas supplies to Velaria.",
    ],
)
def test_a_threat_of_measures_is_against_whom_they_would_hit(pipe, text):
    threats = [e for e in pipe.extract(text, published="2021-05-05") if e.type == "THREATEN"]
    assert [e.target and e.target.text for e in threats] == ["Velaria"]
