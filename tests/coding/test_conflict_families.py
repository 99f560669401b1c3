"""Families of conflict wording the lexicon lacked, each listed from how English news tells the act (not
from one example): verbs of blows for bombardment, two sides trading fire, ground wrested, won back or
lost to a taker, the kinds of drone, weapons told by their impact, people carried off, goods pillaged,
money extorted by armed men, arrests told by other verbs, stoppages and occupations, deals sealed. Each
test pairs the act with a sense of the same words that is no event. Sentences written for these tests;
places invented."""

import pytest

from eventwire.evaluation.acled import top_event
from coding_helpers import code


def top_sub_event(nlp, coder, text):
    top = top_event(code(nlp, coder, text))
    return top and top.acled_sub_event_type


def violent(nlp, coder, text):
    return [e for e in code(nlp, coder, text) if e.type in ("FIGHT", "ASSAULT")]


@pytest.mark.parametrize("text, sub_event", [
    ("Warplanes pounded militant camps in the hills above Mereth.", "Air/drone strike"),
    ("Helicopter gunships pummelled rebel hideouts near Halvo.", "Air/drone strike"),
    ("Artillery pummelled rebel lines east of Sudik overnight.", "Shelling/artillery/missile attack"),
    ("Rebel gunners hammered the outskirts of Mereth with mortars.", "Shelling/artillery/missile attack"),
    ("Government troops battered the rebel-held district of Pellin.", "Shelling/artillery/missile attack"),
    ("Separatists mortared a school in Tarvo on Tuesday.", "Shelling/artillery/missile attack"),
    ("Fighter jets strafed a rebel column on the road to Halvo.", "Air/drone strike"),
    ("A drone fired two missiles at a car outside Tarvo.", "Air/drone strike"),
])
def test_a_bombardment_told_by_a_verb_of_blows_is_from_the_air_when_aircraft_deal_it(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("act, none", [
    ("Government jets pounded the hills above Tarvo.", "The senator pounded the table as he spoke in Tarvo."),
    ("Militia gunners pummelled the coast of Kelmo overnight.", "A storm pounded the coast of Kelmo overnight."),
    ("Rebel artillery battered the town of Dalo on Monday.", "Heavy rain battered the town of Dalo on Monday."),
    ("Militia mortars hammered houses in Varnel.", "Inflation has hammered households in Varnel."),
])
def test_blows_dealt_by_no_armed_side_are_no_bombardment(nlp, coder, act, none):
    assert violent(nlp, coder, act) and violent(nlp, coder, none) == []


@pytest.mark.parametrize("text", [
    "Government troops and rebels traded fire near the bridge at Tarvo on Monday.",
    "Soldiers traded gunfire with a band of smugglers outside Kelmo.",
    "Rebels traded artillery with the army across the river near Dalo.",
    "Soldiers beat back an attack by insurgents on their base near Halvo.",
    "Troops fended off a rebel advance on the town of Pellin.",
    "The army launched a counterattack against rebel positions near Tarvo.",
    "Armed confrontations between the two factions left six dead in Dalo.",
])
def test_fire_traded_and_attacks_driven_off_are_clashes(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Armed clash"


@pytest.mark.parametrize("act, none", [
    ("The army traded fire with the rebels in Halvo.", "The governor traded barbs with the mayor over the budget."),
    ("The garrison fended off an assault on Pellin.", "The minister fended off questions about the budget."),
    ("The army pushed back the rebels near Sudik.", "The rebels pushed back the deadline for talks."),
])
def test_barbs_traded_and_questions_fended_off_are_no_clash(nlp, coder, act, none):
    assert top_sub_event(nlp, coder, act) == "Armed clash" and violent(nlp, coder, none) == []


@pytest.mark.parametrize("text, sub_event", [
    ("Rebels wrested control of the town of Varnel from the army.", "Non-state actor overtakes territory"),
    ("The army wrested back the village of Sudik from the insurgents.", "Government regains territory"),
    ("Insurgents gained control of the district of Halvo on Sunday.", "Non-state actor overtakes territory"),
    ("Jihadists conquered the town of Pellin after a long siege.", "Non-state actor overtakes territory"),
    ("Government forces won back the town of Sudik from the jihadists.", "Government regains territory"),
    ("Soldiers drove the militants out of the village of Kelmo.", "Government regains territory"),
    ("The army dislodged the rebels from their positions in Varnel.", "Government regains territory"),
])
def test_ground_wrested_won_back_or_cleared_of_its_holders_is_taken(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("act, none", [
    ("The militia wrested control of the port of Halvo.", "The opposition wrested control of parliament in the election."),
    ("The rebels won back the town of Halvo.", "The team won back the title in Halvo."),
    ("The rebels abandoned their positions near Pellin.", "The council abandoned its plan for a new road in Pellin."),
])
def test_a_title_or_a_chamber_won_is_no_ground(nlp, coder, act, none):
    assert code(nlp, coder, act) and code(nlp, coder, none) == []


@pytest.mark.parametrize("text, taker, loser, sub_event", [
    ("The town of Mereth fell to the rebels after a week of fighting.", "the rebels", None,
     "Non-state actor overtakes territory"),
    ("The army lost control of the town of Varnel to the rebels.", "the rebels", "The army",
     "Non-state actor overtakes territory"),
    ("The rebels lost control of Sudik to the army.", "the army", "The rebels", "Government regains territory"),
])
def test_ground_that_fell_to_a_side_was_taken_by_that_side(nlp, coder, text, taker, loser, sub_event):
    top = top_event(code(nlp, coder, text))
    assert top.acled_sub_event_type == sub_event
    assert top.source.text == taker
    assert (top.target and top.target.text) == loser


@pytest.mark.parametrize("act, none", [
    ("The village of Mereth fell to the insurgents.", "Sales fell to 3 percent in Mereth last year."),
    ("The base near Halvo fell into rebel hands.", "Responsibility for the roads fell to the council in Halvo."),
    ("The police lost control of the district to the gangs.", "The mayor lost control of the council to the opposition."),
])
def test_what_falls_to_a_figure_or_an_office_is_no_ground_taken(nlp, coder, act, none):
    assert top_event(code(nlp, coder, act)).type == "FIGHT" and code(nlp, coder, none) == []


@pytest.mark.parametrize("text", [
    "An unmanned aerial vehicle struck a pickup truck near Pellin.",
    "A loitering munition hit an army checkpoint near Kelmo.",
    "The air force carried out sorties against insurgent positions near Mereth.",
    "An unmanned aircraft hit a fuel depot near Dalo.",
])
def test_the_kinds_of_drone_and_aircraft_strike_from_the_air(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Air/drone strike"


def test_a_weapon_told_by_its_impact_is_its_attack_and_a_truck_s_is_none(nlp, coder):
    assert top_sub_event(nlp, coder, "A missile slammed into a residential block in Sudik.") == \
        "Shelling/artillery/missile attack"
    assert violent(nlp, coder, "A truck slammed into a house in Sudik.") == []


@pytest.mark.parametrize("text, sub_event", [
    ("Gunmen carried off two aid workers from their office in Pellin.", "Abduction/forced disappearance"),
    ("The activist was forcibly disappeared by security agents in Kelmo.", "Abduction/forced disappearance"),
    ("Militiamen pillaged the market of Varnel.", "Looting/property destruction"),
    ("Rebels sacked the town of Sudik.", "Looting/property destruction"),
    ("Gunmen mowed down worshippers outside a church in Mereth.", "Attack"),
    ("Assailants butchered eight villagers in Halvo.", "Attack"),
])
def test_people_carried_off_or_cut_down_and_towns_pillaged(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("act, none", [
    ("Militiamen sacked the village of Tarvo.", "The club sacked its manager after a string of defeats."),
    ("Soldiers mowed down villagers near Varnel.", "The farmer mowed down the weeds in his field near Varnel."),
    ("Gunmen butchered a family in Sudik.", "The chef butchered a pig for the festival in Sudik."),
    ("The journalist was disappeared by agents in Kelmo.", "The boy disappeared from his home in Kelmo on Friday."),
    ("Bandits carried off two children in Tarvo.", "Workers carried off the prizes at the fair in Tarvo."),
])
def test_managers_sacked_weeds_mowed_and_prizes_carried_off_are_no_violence(nlp, coder, act, none):
    assert violent(nlp, coder, act) and violent(nlp, coder, none) == []


@pytest.mark.parametrize("text", [
    "Armed men extorted money from traders in the market of Tarvo.",
    "Militants at a roadblock near Kelmo demanded payments from truck drivers.",
    "The armed group levied illegal taxes on farmers around Dalo.",
])
def test_money_taken_by_armed_men_by_threat_is_coercion(nlp, coder, text):
    top = top_event(code(nlp, coder, text))
    assert (top.type, top.acled_sub_event_type) == ("COERCE", "Other")


@pytest.mark.parametrize("act, none", [
    ("Militants collected taxes from traders in Halvo.", "The city council collected taxes from residents of Halvo."),
    ("Gunmen demanded payment from drivers near Pellin.", "The union demanded payment of the arrears in Pellin."),
])
def test_taxes_a_council_collects_and_pay_a_union_demands_are_no_extortion(nlp, coder, act, none):
    coerced = [e for e in code(nlp, coder, act) if e.type == "COERCE"]
    assert coerced and not [e for e in code(nlp, coder, none) if e.type == "COERCE"]


@pytest.mark.parametrize("text, sub_event", [
    ("Police nabbed three opposition activists in Varnel.", "Arrests"),
    ("Police picked up two opposition activists in Sudik on Monday.", "Arrests"),
    ("Authorities locked up a journalist in Mereth for criticising the governor.", "Arrests"),
    ("Workers downed tools at the port of Kelmo over unpaid wages.", "Peaceful protest"),
    ("Protesters converged on the governor's office in Varnel.", "Peaceful protest"),
    ("Students occupied the university rectorate in Mereth to protest fee rises.", "Peaceful protest"),
    ("Police scattered a crowd of demonstrators in Pellin with batons.", "Protest with intervention"),
    ("Air defences downed a drone over Pellin.", "Disrupted weapons use"),
])
def test_arrests_stoppages_and_occupations_told_by_other_verbs(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("act, none", [
    ("Police picked up the opposition leader in Pellin.", "The mayor picked up the award in Pellin."),
    ("Soldiers locked up two activists in Tarvo.", "Staff locked up the office for the holiday in Tarvo."),
    ("The militia downed a helicopter near Dalo.", "The team downed their rivals 3-1 in Dalo."),
])
def test_an_award_picked_up_or_an_office_locked_is_no_arrest(nlp, coder, act, none):
    assert code(nlp, coder, act) and code(nlp, coder, none) == []


@pytest.mark.parametrize("text", [
    "The warring parties sealed a ceasefire deal in Dalo.",
    "The two militias struck a truce in Kelmo after a week of fighting.",
    "The rival clans clinched a peace deal in Halvo.",
    "The rebels and the army inked a ceasefire agreement in Pellin.",
])
def test_a_truce_sealed_struck_clinched_or_inked_is_an_agreement(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Agreement"


@pytest.mark.parametrize("act, none", [
    ("Gunmen riddled a minibus with bullets near Varnel.", "The firm is riddled with debt after the crisis in Tarvo."),
    ("Rebels peppered the barracks in Kelmo with gunfire.", "Reporters peppered the minister with questions in Kelmo."),
    ("Snipers picked off two villagers near Dalo.", "The hunter picked off the ducks one by one near Dalo."),
])
def test_a_target_riddled_or_peppered_with_gunfire_is_shot_at_and_one_with_debt_is_not(nlp, coder, act, none):
    assert violent(nlp, coder, act) and violent(nlp, coder, none) == []


@pytest.mark.parametrize("text, sub_event", [
    ("A woman detonated her explosive belt at a checkpoint in Dalo.", "Suicide bomb"),
    ("Security forces foiled a bomb attack on a church in Halvo.", "Disrupted weapons use"),
    ("Kidnappers seized four hostages from a hotel in Sudik.", "Abduction/forced disappearance"),
    ("Armed men made off with livestock and grain from the village of Halvo.", "Looting/property destruction"),
    ("Mob justice claimed the life of a suspected thief in Halvo.", "Mob violence"),
    ("The militia forced girls from Tarvo into sexual slavery.", "Sexual violence"),
    ("An artillery duel between the two armies continued along the border near Sudik.", "Armed clash"),
    ("The rebels relinquished control of Pellin to a peacekeeping force.", "Non-violent transfer of territory"),
    ("Government troops evacuated their positions in Tarvo.", "Non-violent transfer of territory"),
])
def test_further_wordings_of_bombings_abductions_looting_and_ground_given_up(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("act, none", [
    ("The militia relinquished control of the bridge at Varnel.", "The founder relinquished control of the company in Varnel."),
    ("The gang made off with cattle from a farm near Dalo.", "The thieves made off with a laptop from a shop in Dalo."),
])
def test_control_of_a_firm_or_a_thief_s_haul_is_no_ground_and_no_looting(nlp, coder, act, none):
    assert code(nlp, coder, act) and code(nlp, coder, none) == []


@pytest.mark.parametrize("act, none", [
    ("Separatists lobbed mortar shells at the town of Pellin.", "The coach lobbed the ball over the defence in Dalo."),
    ("Rebels rained rockets on the suburbs of Tarvo overnight.", "Heavy rain fell on the town of Varnel."),
    ("The group claimed the firing of three rockets at an army base near Sudik.",
     "The club claimed the signing of three players in Sudik."),
])
def test_shells_lobbed_rained_or_fired_by_their_noun_are_shelling(nlp, coder, act, none):
    assert top_sub_event(nlp, coder, act) == "Shelling/artillery/missile attack"
    assert violent(nlp, coder, none) == []


def test_fighters_of_no_state_arrive_as_forces_do_and_firefighters_do_not(nlp, coder):
    assert top_sub_event(nlp, coder, "Hundreds of tribal fighters arrived in the district of Halvo on Sunday.") == \
        "Change to group/activity"
    assert code(nlp, coder, "Firefighters arrived at the scene of the blaze in Sudik.") == []


@pytest.mark.parametrize("text, sub_event", [
    ("Armed men took three teachers captive in Tarvo.", "Abduction/forced disappearance"),
    ("A mob burned a suspected thief alive in Pellin.", "Mob violence"),
    # the word right after the verb, before whom it tells of
    ("A mob burned alive two alleged cattle rustlers in Pellin.", "Mob violence"),
])
def test_people_taken_captive_or_burnt_alive_when_the_parser_hangs_the_word_on_them(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("text", [
    "A crowd burned three alleged cattle rustlers to death in Halvo.",
    "Gunmen burned a village chief to death in his home near Sudik.",
])
def test_people_burnt_to_death_are_attacked(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) in ("Attack", "Mob violence")


def test_people_set_alight_are_attacked_whatever_they_are_suspected_of(nlp, coder):
    assert top_sub_event(nlp, coder, "Villagers set ablaze two suspected arsonists in Halvo.") == "Mob violence"
    assert top_sub_event(nlp, coder, "Villagers set ablaze two trucks in Halvo.") == "Looting/property destruction"
