"""Everyday news the rules read political events into (classes found on the probe half of
tests/fixtures/articles28 and the dev parts of TR-News and LGL-events): vehicles that blow up in a
crash, people named by how they die, competition's "war", a pair's visit, a request never made
for anything, and what is usually done or said over and over. Sentences written for the tests,
places and people invented."""

import pytest

from coding_helpers import code, types


@pytest.mark.parametrize("text", [
    "A diesel tanker lost its brakes on the bypass near Kelmo and exploded, burning two cars.",
    "The minibus hit a wall on the coast road outside Tarvo, overturned and exploded.",
    "A propane truck exploded at a depot in Dalo on Tuesday, the fire service said.",
    "A fuel truck rolled over on the ring road in Tarvo and exploded, killing two drivers.",
])
def test_a_vehicle_that_blows_up_in_a_crash_or_with_its_fuel_is_an_accident(nlp, coder, text):
    assert "ASSAULT" not in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "A truck loaded with explosives exploded at the gate of the Dalo barracks.",
    "A car bomb exploded near the police station in Kelmo, killing two officers.",
    "A fuel tanker exploded after a rocket hit it outside Tarvo.",
])
def test_a_vehicle_that_carries_a_weapon_or_is_hit_by_one_still_explodes_as_an_attack(nlp, coder, text):
    assert "ASSAULT" in types(nlp, coder, text) or "FIGHT" in types(nlp, coder, text)


def test_deaths_when_a_vehicle_leaves_the_road_are_an_accident(nlp, coder):
    assert types(nlp, coder, "Four farmers were killed when their truck veered off a bridge near Kelmo.") == []
    assert types(nlp, coder, "Two nurses were killed when an ambulance plunged down a slope in Dalo.") == []
    # a crash that gunmen caused still has its doers
    assert "ASSAULT" in types(nlp, coder, "Two guards were killed when their jeep plunged off the road after gunmen shot at it.")


@pytest.mark.parametrize("text", [
    "The fund pays pensions to the widows of firemen killed on duty.",
    "A new wall in the square bears the names of police officers killed in the line of duty.",
])
def test_people_named_by_how_they_died_are_no_killing(nlp, coder, text):
    assert "ASSAULT" not in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "Three policemen killed on duty in Kelmo on Friday were buried on Sunday.",
    "Two soldiers killed in action were flown home to Tarvo.",
])
def test_the_dead_of_one_day_or_a_count_are_still_a_killing(nlp, coder, text):
    assert "ASSAULT" in types(nlp, coder, text)


PRICE_WAR = (
    "Grocers cut prices again in Tarvo\n\n"
    "The two biggest grocery chains in Tarvo cut the price of bread and milk again on Monday. "
    "Analysts said the price war would squeeze the margins of smaller shops. "
    "One chain's manager accused its rival of selling below cost. "
    "The rival said its prices were fair. "
    "Shoppers said they welcomed the cheaper food. "
    "The chains will report their results in March."
)


def test_competitions_war_tells_no_politics(nlp, coder):
    assert code(nlp, coder, PRICE_WAR) == []


def test_a_war_of_states_still_tells_politics(nlp, coder):
    at_war = PRICE_WAR.replace("the price war", "the war with Ostland")
    assert types(nlp, coder, at_war) != []


def test_a_visit_told_of_a_pair_is_theirs_together(nlp, coder):
    text = "The Ostland premier met the Kelmar president in Dalo on Monday. The two leaders later visited a school and a market."
    assert types(nlp, coder, text) == ["CONSULT"]  # the meeting; the visit was to no party
    talks = "The Ostland premier met the Kelmar president on Monday. The two leaders later visited Dalo."
    assert types(nlp, coder, talks) == ["CONSULT", "CONSULT"]  # a visit to a town is still read as one


def test_a_request_never_made_for_anything_is_no_request(nlp, coder):
    said = '"She never asked her nurses to do anything she would not do herself," a colleague said.'
    assert "REQUEST" not in types(nlp, coder, said)
    assert "REQUEST" in types(nlp, coder, "The colonel asked his men to do anything needed to hold the bridge.")


@pytest.mark.parametrize("text", [
    "The chief says the youths are, for the most part, breaking into sheds and beating passers-by.",
    "The wardens search the cells and beat inmates on a daily basis, the report said.",
    "As a rule, the guards beat new inmates, a former prisoner said.",
])
def test_what_is_usually_done_is_no_one_act(nlp, coder, text):
    assert "ASSAULT" not in types(nlp, coder, text)


def test_for_the_most_part_in_the_past_tells_how_an_act_was_done(nlp, coder):
    assert "FIGHT" in types(nlp, coder, "Rebels shelled the Kelmo base on Sunday, for the most part with mortars.")


def test_a_view_said_over_and_over_is_no_act(nlp, coder):
    assert "REJECT" not in types(nlp, coder, "The Ostland premier has repeatedly said he rejects talks with the rebels.")
    assert "REJECT" in types(nlp, coder, "The Ostland premier said on Monday he rejects talks with the rebels.")


@pytest.mark.parametrize("text", [
    "The sequel bombed at the box office, taking only $3 million in its first week.",
    "Her second album bombed, selling fewer than 5,000 copies.",
])
def test_a_work_that_bombed_is_a_flop(nlp, coder, text):
    assert types(nlp, coder, text) == []


def test_bombing_by_an_armed_side_with_or_without_an_object_stays(nlp, coder):
    assert types(nlp, coder, "Government jets bombed the rebel camp near Dalo on Monday.") == ["FIGHT"]
    assert types(nlp, coder, "Jets bombed near Kelmo overnight, residents said.") == ["FIGHT"]


@pytest.mark.parametrize("text", [
    "The midfielder fired a low shot into the corner of the net.",
    "The winger launched a counter-attack from his own half.",
])
def test_a_players_shot_is_play_in_any_story(nlp, coder, text):
    assert types(nlp, coder, text) == []


def test_shots_fired_by_gunmen_at_players_stay_an_attack(nlp, coder):
    assert "ASSAULT" in types(nlp, coder, "Gunmen fired shots at the team bus outside the stadium in Tarvo.")


@pytest.mark.parametrize("text", [
    "The governor declared a state of emergency as the river burst its banks.",
    "Officials declared a state of emergency as heavy downpours swamped the delta.",
    "Authorities imposed a curfew on the coast as the cyclone approached.",
])
def test_a_state_of_emergency_or_curfew_against_a_hazard_coerces_no_one(nlp, coder, text):
    assert "COERCE" not in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "The government declared a state of emergency after days of violent protests.",
    "Authorities imposed a curfew in Tarvo after the riots.",
    "The army imposed a curfew after rebels attacked the town during the storm.",
    # a curfew against an epidemic stays one: ACLED codes it (a change to the population's activity)
    "The health minister imposed a night curfew over the cholera outbreak in the port city.",
])
def test_a_state_of_emergency_or_curfew_against_unrest_stays_coercion(nlp, coder, text):
    assert "COERCE" in types(nlp, coder, text)
