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
