"""Events that real news does not report: acts the rules read where the text tells none (classes
found on the dev parts of the LGL-events and TR-News golds; these sentences are written for the
tests, places and people invented)."""

import pytest

from coding_helpers import code, types


@pytest.mark.parametrize("text, absent", [
    ("If the rebels release the hostages, the army will end its offensive, the minister said.", "RETREAT"),
    ("Unless the government withdraws the troops, the talks will fail, the opposition leader warned.", "RETREAT"),
    ("Officials fear that if the militia attacks the town again, thousands will flee.", "ASSAULT"),
])
def test_an_act_supposed_by_if_or_unless_is_no_event(nlp, coder, text, absent):
    assert absent not in types(nlp, coder, text)


def test_a_threat_keeps_its_condition_and_a_question_is_no_supposition(nlp, coder):
    threat = "The rebels threatened to attack the garrison if the army did not leave the valley."
    assert "THREATEN" in types(nlp, coder, threat)
    assert "RETREAT" in types(nlp, coder, "The general asked if the rebels had withdrawn from the ridge.")


def test_an_act_that_may_have_happened_stays_hypothetical(nlp, coder):
    events = code(nlp, coder, "Civilians may have been killed in the shelling of Dalo, the army said.")
    assert [e.factuality for e in events] == ["hypothetical"]


@pytest.mark.parametrize("text", [
    "The new playground behind the library was funded with lottery money.",
    "The museum's expansion will be funded through private gifts and a bond issue.",
    "The county has not decided how to fund the repairs to the courthouse roof.",
])
def test_funding_told_by_no_payer_and_no_receiver_is_no_aid(nlp, coder, text):
    assert "AID" not in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "The European Union funded the rebuilding of 40 schools in the Kelmo valley.",
    "Washington will fund the Ostland army's new radar stations.",
    "Relief supplies were delivered to the flooded villages on Monday.",  # help of another kind, told by no one
])
def test_funding_by_a_party_and_help_told_by_no_one_stay_aid(nlp, coder, text):
    assert "AID" in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "The jewelry was donated by Harlan's Hardware to the church raffle.",
    "The Keller family donated 200 coats to the homeless shelter on Friday.",
    "Shoppers can pick a charity for the chain to donate to.",
    "Local churches and families donated $6,000 toward the new fire truck.",
])
def test_a_private_donation_is_no_aid(nlp, coder, text):
    assert "AID" not in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "Japan donated $5 million to flood victims in the Kelmo valley.",
    "The United Nations donated tents to the families displaced by the fighting.",
    "Relief supplies donated by Japan reached the flooded villages on Monday.",
])
def test_a_donation_a_state_or_an_organisation_makes_is_aid(nlp, coder, text):
    assert "AID" in types(nlp, coder, text)


def test_a_with_clause_set_off_by_a_comma_tells_the_scene_not_a_partner(nlp, coder):
    scene = ("The commercial shows the attorney general speaking directly to viewers, "
             "with teenagers chatting online behind him.")
    assert "CONSULT" not in types(nlp, coder, scene)
    # the partner named by "with" before the scene's clause stays
    talks = "The minister spoke with the rebel commander on Monday, with both delegations present."
    assert "CONSULT" in types(nlp, coder, talks)


@pytest.mark.parametrize("text", [
    "The developer plans to demolish the old mill on River Street to make way for apartments.",
    "A contractor demolished the fire-damaged church hall on Tuesday.",
])
def test_a_demolition_by_builders_is_no_attack(nlp, coder, text):
    assert "ASSAULT" not in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "Israeli forces demolished a Palestinian-owned house in the village of Kelmo.",
    "Militants demolished the shrine with explosives.",
])
def test_a_demolition_by_forces_or_armed_groups_is_destruction(nlp, coder, text):
    assert "ASSAULT" in types(nlp, coder, text)


def test_an_appeal_to_no_one_for_donations_is_no_request(nlp, coder):
    text = "The senator launched a new campaign group on Monday, asking for donations of $25 from supporters."
    assert "REQUEST" not in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "The rebels asked for a ceasefire.",
    "The mayor asked Washington for help after the floods.",
])
def test_a_request_for_anything_else_stays(nlp, coder, text):
    assert "REQUEST" in types(nlp, coder, text)
