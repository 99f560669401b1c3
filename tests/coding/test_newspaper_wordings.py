"""Violent and protest acts told as a wire reporter or a local paper tells them, not in ACLED's
notes' wording, on sentences written for these tests (invented places)."""

from pathlib import Path

import pytest

from eventwire.acled import SUB_EVENT_PLOVER
from eventwire.evaluation.acled import top_event
from coding_helpers import code


def top_sub_event(nlp, coder, text):
    top = top_event(code(nlp, coder, text))
    return top and top.acled_sub_event_type


# 102 newspaper wordings written before these fixes and never tuned on (see its header)
HELD_OUT = Path(__file__).parent.parent / "fixtures" / "wordings" / "newspaper_heldout.tsv"
# 84 of 102 right and 97 with an event before the fixes, 85 and 97 after (2026-11-30): the floor is
# what they reached (one sentence more than before them), with one sentence of slack on any event
HELD_OUT_RIGHT_FLOOR = 0.833
HELD_OUT_ANY_FLOOR = 0.941


def test_the_rules_read_the_held_out_newspaper_wordings(nlp, coder):
    lines = HELD_OUT.read_text(encoding="utf-8").splitlines()
    rows = [tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")][1:]
    assert len(rows) == 102 and {sub for _, sub in rows} <= set(SUB_EVENT_PLOVER)
    tops = [top_event(code(nlp, coder, text)) for text, _ in rows]
    right = sum(t is not None and t.acled_sub_event_type == sub for t, (_, sub) in zip(tops, rows))
    found = sum(t is not None for t in tops)
    print(f"\nnewspaper held-out: {len(rows)} sentences; right sub-event {right}, any event {found}")
    assert right / len(rows) >= HELD_OUT_RIGHT_FLOOR
    assert found / len(rows) >= HELD_OUT_ANY_FLOOR


@pytest.mark.parametrize("text, sub_event", [
    ("Police shot dead two men demonstrating outside the ministry in Kelmo.", "Excessive force against protesters"),
    ("Troops fired on villagers protesting against the new dam in Dalo, killing one.", "Excessive force against protesters"),
    ("Soldiers beat students who were marching to the parliament in Tarvo.", "Excessive force against protesters"),
    ("Police arrested forty farmers blocking the highway near Varnel.", "Protest with intervention"),
])
def test_people_told_protesting_are_protesters_whatever_they_are_called(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


def test_people_told_doing_something_else_are_no_protesters(nlp, coder):
    assert top_sub_event(nlp, coder, "Police shot dead two men robbing a bank in Kelmo.") == "Attack"


@pytest.mark.parametrize("text, sub_event", [
    ("Soldiers took back the village of Kelmo from the rebels.", "Government regains territory"),
    ("Rebels took back the border town of Tarvo they had lost a week earlier.", "Non-state actor overtakes territory"),
    ("The army regained control of the provincial capital after a week of fighting.", "Government regains territory"),
])
def test_ground_taken_back(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("text", [
    "The shop took back the faulty heaters it had sold in Tarvo.",
    "The senator took back his remarks about the mayor of Kelmo.",
])
def test_things_and_words_taken_back_are_no_ground(nlp, coder, text):
    assert code(nlp, coder, text) == []


@pytest.mark.parametrize("text, sub_event", [
    ("A grenade explosion at a bar in Kelmo wounded six people.", "Grenade"),
    ("Four people were hurt in a grenade blast outside a church in Dalo.", "Grenade"),
    ("A mortar blast wounded three children in Kelmo.", "Shelling/artillery/missile attack"),
    ("A suicide blast at a rally in Mereth killed nine people.", "Suicide bomb"),
    ("A bomb blast ripped through a bus station in Dalo.", "Remote explosive/landmine/IED"),
])
def test_a_blast_is_told_by_the_weapon_named_before_it(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("text", [
    "Rebels freed 12 soldiers in exchange for 20 of their fighters in Dalo.",
    "Government and rebel negotiators exchanged 40 detainees in Tarvo on Monday.",
    "A prisoner exchange between the militia and the army took place in Varnel.",
    "The warring sides released dozens of captives as part of a prisoner swap in Mereth.",
])
def test_a_release_told_as_a_swap_is_the_two_sides_agreement(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Agreement"


def test_a_release_by_one_side_alone_is_no_agreement(nlp, coder):
    assert top_sub_event(nlp, coder, "Police released the suspect on bail in Tarvo.") == "Other"


@pytest.mark.parametrize("text", [
    "A man strapped with explosives killed himself and four policemen at a checkpoint in Kelmo.",
    "The bomber killed himself and 11 worshippers at the mosque in Dalo.",
    "An attacker wearing a bomb vest killed himself and three guards outside the court in Tarvo.",
])
def test_one_who_killed_themself_and_others_with_explosives_is_a_suicide_bomber(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Suicide bomb"


def test_a_gunman_who_killed_himself_and_others_is_no_suicide_bomber(nlp, coder):
    assert top_sub_event(nlp, coder, "A gunman killed himself and two colleagues at an office in Varnel.") == "Attack"


@pytest.mark.parametrize("text, sub_event", [
    ("Rebels and soldiers fired at each other for hours near Kelmo.", "Armed clash"),
    ("Two militias attacked one another in the market district of Dalo.", "Armed clash"),
    ("Police and smugglers shot at each other on the border near Tarvo.", "Armed clash"),
    # crowds who fight each other are a mob, as crowds who clash are
    ("Villagers from Kelmo and Dalo attacked each other with machetes over a land dispute.", "Mob violence"),
])
def test_violence_the_doers_did_to_each_other_is_a_fight_between_them(nlp, coder, text, sub_event):
    top = top_event(code(nlp, coder, text))
    assert (top.type, top.acled_sub_event_type) == ("FIGHT", sub_event)


@pytest.mark.parametrize("text", [
    "The two teams blamed each other for the defeat in Tarvo.",
    "The brothers hugged each other at the airport in Kelmo.",
])
def test_words_or_embraces_exchanged_are_no_fight(nlp, coder, text):
    assert not [e for e in code(nlp, coder, text) if e.type in ("FIGHT", "ASSAULT")]


def test_a_gerund_after_its_preposition_is_what_a_verb_is_done_for(nlp, coder):
    # the parser makes "questioning" a clause before "in Kelmo"; it is still what the three were held for
    top = top_event(code(nlp, coder, "Police held three journalists for questioning in Kelmo on Friday."))
    assert top.acled_sub_event_type == "Arrests"


@pytest.mark.parametrize("text", [
    "Police teargassed protesters in Dalo.",
    "Anti-riot officers teargassed hundreds of traders demonstrating outside the council offices in Tarvo.",
])
def test_a_crowd_teargassed_is_a_protest_met_by_force(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Protest with intervention"


@pytest.mark.parametrize("text, sub_event", [
    ("Gunmen waylaid travellers on the road between Kelmo and Dalo.", "Attack"),
    ("Militants waylaid an army convoy near Varnel.", "Armed clash"),
])
def test_waylaying_is_an_ambush(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("text, sub_event", [
    ("Suspected herdsmen invaded the community of Kelmo, killing five residents.", "Attack"),
    ("Armed men invaded the home of a village chief in Tarvo.", "Attack"),
    ("Militants invaded an army base near Varnel, killing three soldiers.", "Armed clash"),
])
def test_whom_an_armed_band_invades_decides_attack_or_clash(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("text", [
    "Separatist fighters and army units engaged each other near the village of Kelmo.",
    "Government soldiers and the rebels engaged one another for several hours outside Dalo.",
])
def test_armed_sides_that_engaged_each_other_fought(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Armed clash"


def test_candidates_who_engaged_each_other_in_a_debate_did_not_fight(nlp, coder):
    text = "The two candidates engaged each other in a lively debate in Tarvo."
    assert not [e for e in code(nlp, coder, text) if e.type in ("FIGHT", "ASSAULT")]


@pytest.mark.parametrize("text", [
    "Riot police moved in to clear a protest camp in Tarvo.",
    "Soldiers cleared demonstrators from the main square of Kelmo.",
])
def test_forces_that_clear_a_protest_intervene_in_it(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Protest with intervention"


@pytest.mark.parametrize("text", [
    "Police cleared the road after the crash in Varnel.",
    "Soldiers cleared the debris from the bridge in Kelmo.",
])
def test_a_road_or_debris_cleared_is_no_protest(nlp, coder, text):
    assert code(nlp, coder, text) == []


@pytest.mark.parametrize("text", [
    "Soldiers discovered an arms cache hidden in a mosque in Kelmo.",
    "Troops uncovered a large stockpile of weapons and ammunition near Dalo.",
    "Police unearthed explosives buried in a field outside Tarvo.",
])
def test_arms_forces_came_upon_are_weapons_use_disrupted(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Disrupted weapons use"


@pytest.mark.parametrize("text", [
    "Police discovered the body of a missing hiker near Varnel.",
    "Archaeologists unearthed ancient weapons near Dalo.",
])
def test_bodies_or_relics_found_are_no_arms_seized(nlp, coder, text):
    assert not [e for e in code(nlp, coder, text) if e.acled_sub_event_type == "Disrupted weapons use"]


@pytest.mark.parametrize("text, sub_event", [
    ("Miscreants thrashed a shopkeeper in Tarvo for refusing to pay extortion money.", "Attack"),
    ("Soldiers thrashed villagers in Dalo for breaking the curfew.", "Attack"),
    ("A mob thrashed two suspected child lifters in Kelmo.", "Mob violence"),
])
def test_people_thrashed_were_beaten(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("text", [
    "The Tarvo Tigers thrashed the Kelmo Lions 42-7 on Saturday.",
    "The swimmer thrashed about in the water near Kelmo before lifeguards reached him.",
])
def test_a_rival_team_thrashed_or_a_swimmer_thrashing_about_is_no_beating(nlp, coder, text):
    assert code(nlp, coder, text) == []


@pytest.mark.parametrize("text, sub_event", [
    ("Bandits kidnap pastor in Tarvo", "Abduction/forced disappearance"),
    ("Grenade attack wounds 5 in Varnel", "Grenade"),
])
def test_a_headline_s_verb_the_tagger_took_for_a_noun_is_read(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("text", [
    "Local bakery wins award in Tarvo",
    "School board hires new superintendent",
])
def test_headlines_of_no_political_act_stay_empty(nlp, coder, text):
    assert code(nlp, coder, text) == []


@pytest.mark.parametrize("text, target", [
    ("Two protesters shot dead in Sudik", "Two protesters"),
    ("Journalist beaten by police in Tarvo", "Journalist"),
    ("Trader stabbed to death in Kelmo", "Trader"),
])
def test_a_headline_s_passive_without_its_auxiliary_was_done_to_its_subject(nlp, coder, text, target):
    top = top_event(code(nlp, coder, text))
    assert top.type == "ASSAULT" and top.target is not None and top.target.text == target
    assert top.source is None or top.source.text != target


def test_a_headline_s_passive_keeps_its_doer(nlp, coder):
    top = top_event(code(nlp, coder, "Journalist beaten by police in Tarvo"))
    assert top.source is not None and top.source.text == "police"


def test_an_active_shooting_keeps_its_shooters(nlp, coder):
    top = top_event(code(nlp, coder, "Two soldiers shot at the crowd in Dalo."))
    assert top.source is not None and top.source.text == "Two soldiers"


@pytest.mark.parametrize("text", [
    "The militia announced it had suspended all operations in Kelmo.",
    "The army suspended military operations in Varnel to allow aid deliveries.",
    "The rebels called off their attacks around Tarvo for the holiday.",
])
def test_an_armed_side_that_calls_off_its_operations_changes_its_activity(nlp, coder, text):
    top = top_event(code(nlp, coder, text))
    assert (top.factuality, top.acled_sub_event_type) == ("reversed", "Change to group/activity")


@pytest.mark.parametrize("text, sub_event", [
    ("Gunmen carried off 40 schoolgirls from their dormitory in Kelmo.", "Abduction/forced disappearance"),
    ("Kidnappers whisked away three pupils from a school in Varnel.", "Abduction/forced disappearance"),
    ("Intelligence agents picked up a prominent blogger in Dalo.", "Arrests"),
])
def test_pupils_clergy_and_writers_carried_off_or_picked_up_are_people_taken(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("text", [
    "The bus picked up pupils from the school in Kelmo.",
    "Police picked up the pieces of the wreck in Dalo.",
])
def test_a_school_bus_run_or_wreckage_picked_up_is_no_arrest(nlp, coder, text):
    assert code(nlp, coder, text) == []
