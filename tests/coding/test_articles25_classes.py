"""Words with a political and an ordinary sense, read in their ordinary one (classes found on the
probe half of tests/fixtures/articles25 and TR-News dev false positives; these sentences are written
for the tests, people and places invented)."""

import pytest

from coding_helpers import types


@pytest.mark.parametrize("text", [
    "The visitors seized the initiative early in the second half and never looked back.",
    "Dalmore seized their chance when the home defence stood still at a corner.",
])
def test_a_lead_or_a_chance_seized_is_no_confiscation(nlp, coder, text):
    assert not {"COERCE", "FIGHT"} & set(types(nlp, coder, text))


def test_goods_seized_by_the_police_stay_a_confiscation_and_a_lead_is_none(nlp, coder):
    assert "COERCE" in types(nlp, coder, "Police seized weapons and cash in a raid on the farm.")
    assert "COERCE" not in types(nlp, coder, "The away side seized the lead on the hour.")


def test_a_weather_warning_issued_threatens_no_one(nlp, coder):
    assert "THREATEN" not in types(nlp, coder, "The Met Office issued a yellow warning for snow across the northern hills on Friday.")
    assert "THREATEN" in types(nlp, coder, "The army issued a warning to the rebels that it would storm the town.")


@pytest.mark.parametrize("text", [
    "Three people died when an explosion ripped through a fireworks shop in the market town on Sunday.",
    "A blast at a gas depot on the edge of the port injured six workers on Tuesday.",
    "Two workers were hurt when an explosion tore through a gas plant, setting off a fire that burned all night.",
])
def test_a_blast_where_fireworks_or_gas_are_kept_is_an_accident(nlp, coder, text):
    assert not {"ASSAULT", "FIGHT"} & set(types(nlp, coder, text))


def test_a_blast_in_a_market_stays_an_attack_and_one_in_a_fireworks_store_is_none(nlp, coder):
    assert "ASSAULT" in types(nlp, coder, "An explosion tore through a crowded market in the city, killing nine people.")
    assert "ASSAULT" not in types(nlp, coder, "An explosion tore through a fireworks store in the city, killing two people.")


@pytest.mark.parametrize("text, absent", [
    ("The drinks maker Castell rejected a sweetened merger proposal from its Belgian rival.", "REJECT"),
    ("The insurer accepted a sweetened takeover offer from its American rival.", "AGREE"),
])
def test_an_offer_for_a_company_is_business(nlp, coder, text, absent):
    assert absent not in types(nlp, coder, text)


def test_a_party_that_rejects_an_offer_still_rejects_and_a_firm_bid_for_does_not(nlp, coder):
    assert "REJECT" in types(nlp, coder, "The rebels rejected the government's offer of talks on Monday.")
    assert "REJECT" not in types(nlp, coder, "Vanto rejected a sweetened takeover bid from its Swiss rival on Monday.")


def test_fans_who_invade_the_pitch_take_no_ground(nlp, coder):
    assert not {"FIGHT", "PROTEST"} & set(types(nlp, coder, "Dozens of supporters invaded the pitch after the final whistle."))


@pytest.mark.parametrize("text, absent", [
    ("A play about the siege of the old town opened in London on Thursday.", "COERCE"),
    ("A documentary about a dockers' strike in the port drew a standing ovation at the festival.", "PROTEST"),
])
def test_an_act_a_work_is_about_is_no_event(nlp, coder, text, absent):
    assert absent not in types(nlp, coder, text)


def test_an_appeal_against_a_ruling_asks_no_party(nlp, coder):
    assert "REQUEST" not in types(nlp, coder, "The singer's lawyers said they would appeal the ruling.")
    assert "REQUEST" in types(nlp, coder, "The governor appealed for calm after the riots in the capital.")


def test_a_fight_for_room_or_a_prize_is_no_battle(nlp, coder):
    assert "FIGHT" not in types(nlp, coder, "Shoppers fought for space in the crowded aisles on the first day of the sales.")
    assert "FIGHT" in types(nlp, coder, "Rebels fought for control of the town on Tuesday.")


@pytest.mark.parametrize("text", [
    "Fallen trees blocked the main road into the village.",
    "The railway line was blocked by fallen trees near the station.",
])
def test_a_road_blocked_by_what_fell_is_no_obstruction(nlp, coder, text):
    assert "PROTEST" not in types(nlp, coder, text)


MATCH = ("The league leaders won 3-1 on Saturday. The striker scored twice and the goalkeeper saved a penalty. "
         "Late on, the two captains clashed near the halfway line and the referee sent both off.")


def test_players_who_clash_in_a_story_of_sport_fight_no_one(nlp, coder):
    assert "FIGHT" not in types(nlp, coder, MATCH)
    riot = MATCH + " After the game, fans clashed with police outside the stadium."
    assert {"FIGHT", "PROTEST"} & set(types(nlp, coder, riot))


@pytest.mark.parametrize("text", [
    "The hurricane flattened the harbour district and killed at least nine people.",
    "The cyclone struck the islands overnight, killing seven fishermen and destroying their boats.",
    "The blaze swept through the timber yard and destroyed two neighbouring homes.",
])
def test_a_verb_joined_to_a_hazard_shares_its_doer(nlp, coder, text):
    assert "ASSAULT" not in types(nlp, coder, text)


def test_a_verb_joined_to_an_armed_doer_stays_an_attack(nlp, coder):
    assert "ASSAULT" in types(nlp, coder, "Gunmen surrounded the bus station and killed six travellers on Sunday.")
    assert "ASSAULT" not in types(nlp, coder, "The flood swept through the valley and killed six travellers on Sunday.")


def test_what_a_germ_attacks_is_no_one_attacked(nlp, coder):
    assert "ASSAULT" not in types(nlp, coder, "The parasite attacks the liver and can go unnoticed for years.")


def test_a_website_attacked_by_hackers_is_no_assault(nlp, coder):
    assert "ASSAULT" not in types(nlp, coder, "Hackers attacked the airline's website, which was offline for a day.")


def test_a_proposal_shot_down_is_no_aircraft_downed(nlp, coder):
    assert not {"FIGHT", "ASSAULT"} & set(types(nlp, coder, "The committee shot down a plan to close the swimming pool."))
    assert "FIGHT" in types(nlp, coder, "Air defences shot down a drone over the port on Friday.")


@pytest.mark.parametrize("text", [
    "The cyclist withdrew from the tour after a heavy fall on the third stage.",
    "The band pulled out of the festival, citing illness.",
])
def test_pulling_out_of_a_race_or_a_show_is_no_withdrawal(nlp, coder, text):
    assert "RETREAT" not in types(nlp, coder, text)


def test_troops_that_pull_out_still_withdraw(nlp, coder):
    assert "RETREAT" in types(nlp, coder, "The troops pulled out of the hill town on Friday.")
    assert "RETREAT" not in types(nlp, coder, "The goalkeeper pulled out of the match with a back injury.")


def test_pupils_expelled_are_no_envoys(nlp, coder):
    assert "SANCTION" not in types(nlp, coder, "The academy expelled four students after the exam scandal.")
    assert "SANCTION" in types(nlp, coder, "Ostland expelled two diplomats from the embassy in the capital.")


def test_a_ban_a_festival_or_a_club_makes_is_a_house_rule(nlp, coder):
    assert "COERCE" not in types(nlp, coder, "The museum banned selfie sticks from its galleries this summer.")
    assert "COERCE" in types(nlp, coder, "The interior ministry banned the opposition rally in the capital.")


@pytest.mark.parametrize("text", [
    "The campaigners urged companies to cut their emissions.",
    "Doctors say schools must teach children to swim, the report said.",
    "Researchers say governments should tax sugary drinks more heavily.",
])
def test_a_kind_of_party_in_general_is_no_party_asked(nlp, coder, text):
    assert not {"REQUEST", "COERCE", "SANCTION"} & set(types(nlp, coder, text))


def test_a_party_named_is_still_asked(nlp, coder):
    assert "REQUEST" in types(nlp, coder, "The EU urged Western governments to send aid to the flooded region.")
    assert "REQUEST" not in types(nlp, coder, "The EU urged governments to cut their emissions.")
