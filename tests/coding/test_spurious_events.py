"""Events that real news does not report: acts the rules read where the text tells none (classes
found on the dev parts of the LGL-events and TR-News golds; these sentences are written for the
tests, places and people invented)."""

import pytest

from coding_helpers import code


def types(nlp, coder, text):
    return [e.type for e in code(nlp, coder, text)]


@pytest.mark.parametrize("text, absent", [
    ("If the rebels release the hostages, the army will end its offensive, the minister said.", "RETREAT"),
    ("Unless the government withdraws the troops, the talks will fail, the opposition leader warned.", "RETREAT"),
    ("Officials fear that if the militia attacks the town again, thousands will flee.", "ASSAULT"),
])
def test_an_act_supposed_by_if_or_unless_is_no_event(nlp, coder, text, absent):
    assert absent not in types(nlp, coder, text)


def test_a_threat_keeps_its_condition_and_a_question_is_no_supposition(nlp, coder):
    assert "THREATEN" in types(nlp, coder, "The rebels threatened to attack the garrison if the army did not leave the valley.")
    assert "RETREAT" in types(nlp, coder, "The general asked if the rebels had withdrawn from the ridge.")


def test_an_act_that_may_have_happened_stays_hypothetical(nlp, coder):
    events = code(nlp, coder, "Civilians may have been killed in the shelling of Dalo, the army said.")
    assert [e.factuality for e in events] == ["hypothetical"]
