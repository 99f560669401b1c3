"""Violence told by its nouns (a headline with no verb, a weapon's fire that damaged something),
and who did it, on sentences written for these tests."""

import pytest

from coding_helpers import code



def text_of(actor):
    return actor.text if actor is not None else None


@pytest.mark.parametrize("text, doer, target", [
    ("Shelling by rebel forces near Tarvo on 4 March 2020. No casualties.", "rebel forces", None),
    ("On 4 March 2020, shelling of army positions near Kelmo by rebel forces.", "rebel forces", "army positions"),
    ("Bombing of a market in Dalo by unknown aircraft on 2 May 2020.", "unknown aircraft", None),
    ("Artillery shelling of the town of Dalo by rebel forces.", "rebel forces", None),
    ("Mortar shelling of army positions near Kelmo by rebel forces on 4 May 2020.", "rebel forces", "army positions"),
])
def test_a_headline_told_by_its_gerund_is_one_act_of_its_by_object(nlp, coder, text, doer, target):
    ev = code(nlp, coder, text)[0]
    assert ev.type == "FIGHT"
    assert text_of(ev.source) == doer
    assert text_of(ev.target) == target


@pytest.mark.parametrize("text", [
    "Targeting young offenders in Kelmo.",
    "Attacking churches is forbidden in Tarvo.",
])
def test_a_gerund_with_no_anchor_or_a_subject_clause_stays_a_kind_of_act(nlp, coder, text):
    assert code(nlp, coder, text) == []


@pytest.mark.parametrize("text, mode, doer", [
    ("Shelling damaged a school and two houses in Zolote.", "artillery", None),
    ("On 5 May 2020, shelling by rebel forces damaged a house in Tarvo.", "artillery", "rebel forces"),
    ("Bombing destroyed three houses in Kelmo.", "aerial", None),
    ("Rocket fire from the rebels hit a residential area in Tarvo.", "artillery", "the rebels"),
])
def test_a_weapons_fire_that_damaged_something_is_the_act(nlp, coder, text, mode, doer):
    ev = code(nlp, coder, text)[0]
    assert (ev.type, ev.mode) == ("FIGHT", mode)
    assert text_of(ev.source) == doer


@pytest.mark.parametrize("text", [
    "The fans were shelling out money for tickets in Tarvo.",
    "Parents shelled out money for the trip to Kelmo.",
    "The fire damaged the house in Kelmo.",
    "Drilling damaged a water pipe in Tarvo.",
])
def test_paying_out_and_fires_and_works_are_no_violence(nlp, coder, text):
    assert code(nlp, coder, text) == []


@pytest.mark.parametrize("text, doer, dead", [
    ("A government serviceman died of wounds sustained from rebel fire near Tarvo.", "rebel", "A government serviceman"),
    ("A policeman died from injuries sustained in a grenade attack in Dalo.", None, "A policeman"),
    ("A civilian died in an airstrike in Tarvo.", None, "A civilian"),
    ("A woman died from a landmine explosion in Kelmo.", None, "A woman"),
    ("A civilian died of injuries from shelling in Tarvo.", None, "A civilian"),  # one act, not the gerund again
])
def test_who_died_of_an_act_is_its_target_not_its_doer(nlp, coder, text, doer, dead):
    events = code(nlp, coder, text)
    assert len(events) == 1
    ev = events[0]
    assert ev.type in ("ASSAULT", "FIGHT")
    assert text_of(ev.source) == doer
    assert text_of(ev.target) == dead


def test_a_mortar_attack_is_shelling(nlp, coder):
    ev = code(nlp, coder, "A soldier died in hospital of wounds received in a mortar attack near Kelmo.")[0]
    assert (ev.mode, ev.acled_sub_event_type) == ("artillery", "Shelling/artillery/missile attack")
    assert text_of(ev.target) == "A soldier" and ev.source is None


@pytest.mark.parametrize("text", [
    "A farmer died of a heart attack in Tarvo.",
    "A boy died of wounds from a dog attack in Kelmo.",
    "An old man died of injuries sustained in a car crash near Dalo.",
    "One woman has died after being struck by a vehicle in Kelmo.",
])
def test_deaths_no_one_dealt_are_no_violence(nlp, coder, text):
    assert code(nlp, coder, text) == []


def test_the_weapons_an_attack_is_made_with_are_no_target(nlp, coder):
    ev = code(nlp, coder, "Rebels launched an attack with anti-tank guided missiles on army positions near Kelmo.")[0]
    assert text_of(ev.source) == "Rebels"
    assert text_of(ev.target) == "army positions"


@pytest.mark.parametrize("text, hit", [
    ("A car carrying soldiers hit an anti-tank mine near Tarvo, killing one soldier.", "soldiers"),
    ("A truck carrying civilians struck a landmine near Dalo, killing two passengers.", "civilians"),
    ("A soldier was killed after stepping on a mine near Dalo.", "A soldier"),
    ("Two children were killed when they stepped on an unexploded mine in Kelmo.", "Two children"),
])
def test_who_met_a_mine_is_its_target_and_no_one_named_laid_it(nlp, coder, text, hit):
    events = code(nlp, coder, text)
    assert len(events) == 1
    ev = events[0]
    assert ev.acled_sub_event_type == "Remote explosive/landmine/IED"
    assert ev.source is None
    assert text_of(ev.target) == hit


@pytest.mark.parametrize("text, sides", [
    ("An exchange of fire between police and suspected robbers in Tarvo; one suspect was killed.",
     ("police", "suspected robbers")),
    ("There was an exchange of gunfire between soldiers and militants in Kelmo.", ("soldiers", "militants")),
    ("An armed clash between two clans over land in Kelmo.", ("two clans", "two clans")),
])
def test_a_fight_between_two_sides_is_theirs(nlp, coder, text, sides):
    ev = code(nlp, coder, text)[0]
    assert (ev.type, ev.acled_sub_event_type) == ("FIGHT", "Armed clash")
    assert (text_of(ev.source), text_of(ev.target)) == sides


def test_a_clash_of_words_between_two_officials_is_no_fight(nlp, coder):
    assert code(nlp, coder, "A clash between the mayor and the council over the budget in Tarvo.") == []


@pytest.mark.parametrize("text", [
    "Rebels violated the ceasefire 5 times, using mortars and artillery near Kelmo.",
    "Rebels attacked the village using mortars near Tarvo.",
])
def test_fire_told_by_the_heavy_weapons_used_is_shelling(nlp, coder, text):
    ev = code(nlp, coder, text)[0]
    assert (ev.mode, ev.acled_sub_event_type) == ("artillery", "Shelling/artillery/missile attack")


def test_a_breach_told_with_rifles_stays_a_clash(nlp, coder):
    ev = code(nlp, coder, "Rebels violated the ceasefire twice, using rifles near Kelmo.")[0]
    assert ev.acled_sub_event_type == "Armed clash"


@pytest.mark.parametrize("text, mode, doer", [
    ("Shells fired by rebel forces struck a clinic in Dalo.", "artillery", "rebel forces"),
    ("A missile struck a fuel depot near Tarvo.", "artillery", None),
])
def test_a_weapon_that_struck_is_the_act_it_names(nlp, coder, text, mode, doer):
    ev = code(nlp, coder, text)[0]
    assert (ev.type, ev.mode) == ("FIGHT", mode)
    assert text_of(ev.source) == doer


@pytest.mark.parametrize("text", [
    "Lightning struck a house in Dalo.",
    "The bus struck a pedestrian in Kelmo.",
])
def test_what_strikes_with_no_weapon_is_no_violence(nlp, coder, text):
    assert code(nlp, coder, text) == []


@pytest.mark.parametrize("text, victims", [
    ("Rebels shelled a village near Dalo on Monday. Two civilians wounded.", "Two civilians"),
    ("Mortar fire by militants on a village near Tarvo on 12 May 2020. One civilian injured.", "One civilian"),
])
def test_a_toll_told_without_an_auxiliary_names_whom_it_harmed(nlp, coder, text, victims):
    toll = [e for e in code(nlp, coder, text) if e.trigger in ("wounded", "injured")]
    assert len(toll) == 1
    assert toll[0].source is None
    assert text_of(toll[0].target) == victims


@pytest.mark.parametrize("text, doer", [
    ("Sniper fire from rebel positions wounded a soldier near Tarvo.", "rebel positions"),
    ("Sniper fire from the hill wounded a soldier near Tarvo.", None),
])
def test_fire_from_a_sides_positions_is_that_sides_and_from_a_place_no_ones(nlp, coder, text, doer):
    ev = code(nlp, coder, text)[0]
    assert text_of(ev.source) == doer
    assert text_of(ev.target) == "a soldier"


def test_shrapnel_from_a_weapon_is_that_weapons_act(nlp, coder):
    ev = code(nlp, coder, "Shrapnel from a mortar round wounded two soldiers near Dalo.")[0]
    assert (ev.mode, ev.acled_sub_event_type) == ("artillery", "Shelling/artillery/missile attack")
    assert text_of(ev.target) == "two soldiers"


def test_a_truce_broken_with_mortar_fire_is_shelling_not_a_fight_with_a_fire(nlp, coder):
    ev = code(nlp, coder, "Rebels violated the ceasefire near Kelmo with mortar fire.")[0]
    assert (ev.mode, ev.acled_sub_event_type) == ("artillery", "Shelling/artillery/missile attack")
    assert code(nlp, coder, "Firefighters battled the fire in Tarvo.") == []


def test_the_weapon_fire_was_opened_with_is_the_same_act_and_what_it_hit_its_target(nlp, coder):
    events = code(nlp, coder, "Rebels opened fire with mortars on army positions near Kelmo.")
    assert len(events) == 1
    assert events[0].acled_sub_event_type == "Shelling/artillery/missile attack"
    assert text_of(events[0].target) == "army positions"


@pytest.mark.parametrize("text, noun", [
    ("Gunshots and explosions were reported near Kelmo.", "Gunshots"),
    ("Shouting and explosions were heard near Dalo on 6 May 2020.", "explosions"),
])
def test_violence_heard_is_told_by_any_of_the_nouns_heard_and_done_by_none_of_them(nlp, coder, text, noun):
    events = code(nlp, coder, text)
    assert [e.trigger for e in events] == [noun]
    # explosions heard in numbers are fire from afar, or with gunshots an exchange: FIGHT
    assert events[0].type == "FIGHT" and events[0].source is None


def test_attacks_by_aircraft_told_by_the_noun_are_air_strikes(nlp, coder):
    ev = code(nlp, coder, "Attacks by helicopter gunships were carried out against militants near Tarvo.")[0]
    assert ev.acled_sub_event_type == "Air/drone strike"
    assert text_of(ev.source) == "helicopter gunships"


def test_an_attack_made_with_a_grenade_is_acleds_grenade(nlp, coder):
    ev = code(nlp, coder, "Gunmen attacked a police post with a grenade in Dalo.")[0]
    assert (ev.mode, ev.acled_sub_event_type) == ("explosives", "Grenade")
