"""Classes of conflict wording the rules misread on ACLED's dev notes (session 22), each tested on
sentences written for these tests (invented places): who an act met, told by the kind of the
words that name it, and heavy weapons told by the phrases that carry them."""

import pytest

from eventwire.evaluation.acled import top_event
from coding_helpers import code


def top_sub_event(nlp, coder, text):
    top = top_event(code(nlp, coder, text))
    return top and top.acled_sub_event_type


@pytest.mark.parametrize("text", [
    "Gunmen fired on a patrol near Varnel on Sunday.",
    "Unknown assailants attacked the escort of a judge on the road to Kelmo.",
    "A border post near Tarvo came under fire from gunmen overnight.",
    "Armed men shot dead a guard at the entrance of the depot in Dalo.",
])
def test_an_act_on_armed_units_or_their_posts_meets_an_armed_side(nlp, coder, text):
    # a patrol, a post or a guard named without whose it is: armed men, no civilians
    assert top_sub_event(nlp, coder, text) == "Armed clash"


@pytest.mark.parametrize("text", [
    "Gunmen shot dead two farmers near Varnel.",
    "Unknown assailants attacked a bus on the road to Kelmo.",
    # a guard said to be a civilian is one
    "Gunmen shot dead a civilian guard at a school in Tarvo.",
])
def test_an_act_on_people_of_no_armed_kind_stays_an_attack(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Attack"


@pytest.mark.parametrize("text", [
    # fire received, told by the weapons it came from
    "An army outpost near Kelmo came under fire from mortars late on Friday.",
    "An army post in Dalo came under fire from rocket-propelled grenades.",
    # the weapon hung on the target of "fired on"
    "Rebels fired on an army camp with rocket launchers near Tarvo.",
    # an ambush laid with heavy weapons
    "Militiamen ambushed a supply convoy with heavy weapons outside Varnel.",
    # rocket-propelled grenades fired at a target
    "The militia fired RPGs at army positions east of Dalo.",
])
def test_fire_told_with_heavy_weapons_is_shelling(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Shelling/artillery/missile attack"


@pytest.mark.parametrize("text", [
    "A patrol near Kelmo came under fire from gunmen late on Friday.",
    "Rebels fired on the garrison with rifles near Tarvo.",
])
def test_fire_told_with_small_arms_stays_a_clash(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Armed clash"


@pytest.mark.parametrize("text", [
    # the dead held by what was found
    "On 2 June 2020, in Varnel, two sacks containing human remains were found beside a canal.",
    "On 2 June 2020, in Tarvo, four bags that contained human remains were found beside the road.",
    # the one found is said to be dead by the next sentence
    "On 2 June 2020, in Kelmo, a young man was found in a ditch. His body bore gunshot wounds.",
    # one subject for the death and the finding
    "On 2 June 2020, in Dalo, two men died and were found tied to a tree near the river.",
])
def test_the_dead_found_with_the_marks_of_a_killing_are_an_attack(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Attack"


@pytest.mark.parametrize("text", [
    "On 2 June 2020, in Varnel, a missing boy was found in the forest. He had been lost for two days.",
    "On 2 June 2020, in Kelmo, an old man died and was found in his flat by neighbours.",
    "On 2 June 2020, in Dalo, two sacks containing rice were found beside a canal.",
])
def test_people_found_alive_or_dead_with_no_mark_of_a_killing_are_no_event(nlp, coder, text):
    assert code(nlp, coder, text) == []


@pytest.mark.parametrize("text", [
    "On 4 June 2020, a farmer was killed when a mine left over from the civil war exploded in his field near Kelmo.",
    "On 4 June 2020, two boys were injured by an explosive remnant of war in Dalo.",
    "On 4 June 2020, a shepherd stepped on a landmine laid during the border war near Tarvo.",
])
def test_a_device_left_from_a_war_that_is_over_is_acled_s_other(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Other"


@pytest.mark.parametrize("text", [
    "On 4 June 2020, a soldier was killed when a roadside bomb planted by insurgents exploded near Kelmo.",
    "On 4 June 2020, a landmine wounded two herders near Dalo.",
])
def test_a_device_of_today_s_war_stays_a_remote_explosive(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("text", [
    # the crowd's purpose told as its next act
    "On 10 June 2020, dozens of residents gathered outside the clinic in Kelmo and voiced their anger at its closure.",
    # purposes of pressing and remembering
    "On 10 June 2020, about 200 villagers assembled in front of the district office in Dalo to pressure officials over land titles.",
    "On 10 June 2020, a crowd of journalists gathered in Tarvo to commemorate a colleague killed last year.",
])
def test_a_crowd_gathered_with_its_purpose_is_a_protest(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "On 10 June 2020, fans gathered in Kelmo and cheered their team.",
    "On 10 June 2020, hundreds of people gathered in Dalo to celebrate the festival.",
])
def test_a_crowd_gathered_for_no_cause_is_no_protest(nlp, coder, text):
    assert code(nlp, coder, text) == []


@pytest.mark.parametrize("text", [
    "On 13 June 2020, unknown gunmen attacked and damaged the offices of a local radio station in Kelmo. No casualties were reported.",
    "On 13 June 2020, armed men attacked a gas pipeline near Dalo, causing a leak.",
    "On 13 June 2020, militants attacked and burned a primary school in Tarvo.",
    # (shots at the property itself harm no one)
    "On 13 June 2020, gunmen attacked a school in Kelmo and fired shots at the building.",
])
def test_an_attack_on_property_with_no_one_harmed_is_property_destruction(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Looting/property destruction"


@pytest.mark.parametrize("text", [
    "On 13 June 2020, militants attacked a school in Tarvo, killing two teachers.",
    "On 13 June 2020, gunmen attacked a factory in Dalo. Two guards were wounded.",
    # fire opened on people there is aimed at them, harmed or not
    "On 13 June 2020, armed men stormed a church in Dalo during a service and opened fire on the congregation.",
])
def test_an_attack_on_property_that_harmed_people_stays_an_attack_on_them(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) != "Looting/property destruction"


@pytest.mark.parametrize("text", [
    "On 14 June 2020, day labourers blocked the highway near Kelmo and engaged in stone pelting, demanding transport home.",
    "On 14 June 2020, residents blocked the main road in Dalo, burning tyres, as they demanded water.",
    "On 14 June 2020, villagers burned objects in front of the council office in Tarvo to protest against the closure of the clinic.",
])
def test_a_protest_told_with_its_crowd_s_violence_is_a_violent_demonstration(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Violent demonstration"


@pytest.mark.parametrize("text", [
    "On 14 June 2020, traders demonstrated peacefully in Kelmo, demanding lower fees.",
    "On 14 June 2020, residents blocked the main road in Dalo and lit candles for the victims of the flood.",
])
def test_a_protest_told_with_no_violence_stays_peaceful(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "On 15 June 2020, about 80 vendors demonstrated at the toll gate near Kelmo to ask for relief. The protesters were peacefully removed by the police.",
    "On 15 June 2020, students blocked the Dalo roundabout, and soldiers are working to reopen the road.",
    "On 15 June 2020, residents marched in Tarvo to demand the mayor's resignation. Police tried to control the crowd.",
])
def test_a_protest_forces_removed_or_cleared_is_one_with_intervention(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Protest with intervention"


def test_a_protest_demanding_an_official_be_removed_met_no_force(nlp, coder):
    text = "On 15 June 2020, residents marched in Tarvo to demand that the mayor be removed from office."
    assert top_sub_event(nlp, coder, text) == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "On 16 June 2020, a man threw stones at a health worker in Kelmo, accusing her of spreading the virus.",
    "On 16 June 2020, an unidentified man hurled a rock at a bus driver in Dalo and injured him.",
])
def test_one_person_who_throws_stones_is_no_mob(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Attack"


def test_villagers_who_throw_stones_are_a_mob(nlp, coder):
    text = "On 16 June 2020, villagers threw stones at a health worker in Kelmo."
    assert top_sub_event(nlp, coder, text) == "Mob violence"
