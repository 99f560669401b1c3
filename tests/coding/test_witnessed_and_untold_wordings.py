"""Acts told in wordings the lexicon read no other way: violence counted by those who witnessed it,
on sentences written for these tests (invented places)."""

import pytest

from coding_helpers import code



@pytest.mark.parametrize("text, sub_event", [
    ("On 6 May 2020, monitors recorded 30 explosions near Tarvo.", "Shelling/artillery/missile attack"),
    ("Residents reported several explosions in the east of Kelmo overnight.", "Shelling/artillery/missile attack"),
    ("Observers heard 14 explosions near Dalo on Tuesday.", "Shelling/artillery/missile attack"),
    ("Several explosions were heard near Kelmo overnight.", "Shelling/artillery/missile attack"),
    ("The patrol observed 22 explosions and 40 bursts of gunfire near Tarvo.", "Armed clash"),
    ("Villagers heard heavy gunfire and explosions near Dalo on Sunday night.", "Armed clash"),
])
def test_explosions_counted_by_witnesses_are_fire_from_afar_or_an_exchange(nlp, coder, text, sub_event):
    evs = code(nlp, coder, text)
    assert [e.acled_sub_event_type for e in evs] == [sub_event]
    assert evs[0].source is None  # the witnesses did not do it


@pytest.mark.parametrize("text", [
    "The monitors recorded an explosion near Kelmo.",
    "A roadside bomb exploded near Tarvo and observers heard two explosions.",
])
def test_one_blast_or_a_named_device_keeps_the_device_reading(nlp, coder, text):
    evs = code(nlp, coder, text)
    assert evs and evs[0].acled_sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("text", [
    "Clan violence erupted in Kelmo, leaving at least 4 people dead.",
    "Gang violence in Dalo caused at least six deaths.",
    "Communal violence broke out in the village of Tarvo after a killing the day before.",
    "Fighting between rival clans in Tarvo left five dead.",
    "Hundreds of families fled Tarvo after clashes between the army and rebels.",
    "Families evacuated after the eruption of hostilities between two rival clans in Dalo.",
])
def test_fighting_between_groups_told_by_its_noun_is_a_clash(nlp, coder, text):
    evs = code(nlp, coder, text)
    assert [(e.type, e.acled_sub_event_type) for e in evs] == [("FIGHT", "Armed clash")]


@pytest.mark.parametrize("text", [
    "The council discussed ways to curb gang violence in Kelmo.",
    "The council discussed ways to curb shootings in Kelmo.",
    "Gang violence is a growing problem in the city, the mayor said.",
])
def test_violence_spoken_of_as_a_problem_is_no_event(nlp, coder, text):
    assert code(nlp, coder, text) == []


@pytest.mark.parametrize("text, target", [
    ("A military convoy came under fire near Dalo.", "A military convoy"),
    ("An army patrol came under fire from gunmen near Tarvo.", "An army patrol"),
    ("A police station in Kelmo came under fire early on Sunday.", "A police station"),
])
def test_forces_and_their_posts_that_came_under_fire_were_fired_on(nlp, coder, text, target):
    evs = code(nlp, coder, text)
    assert [e.type for e in evs] == ["ASSAULT"]
    assert evs[0].target is not None and evs[0].target.text == target


@pytest.mark.parametrize("text", [
    "The minister came under fire for his remarks on the budget.",
    "The police force came under fire over its handling of the protest.",
    "The police came under fire from residents in Tarvo.",
])
def test_coming_under_fire_for_something_or_from_critics_is_criticism(nlp, coder, text):
    assert [e for e in code(nlp, coder, text) if e.type in ("ASSAULT", "FIGHT")] == []


@pytest.mark.parametrize("text, target_sector", [
    ("A civilian was injured by an unexploded ordnance in Kelmo.", "civilians"),
    ("A farmer was killed by unexploded ordnance in his field near Tarvo.", "civilians"),
    ("An armoured vehicle hit a mine near Tarvo, killing two soldiers.", "military"),
])
def test_leftover_munitions_and_mines_are_remote_explosives_and_a_forces_vehicle_is_its(nlp, coder, text,
                                                                                       target_sector):
    ev = code(nlp, coder, text)[0]
    assert ev.acled_sub_event_type == "Remote explosive/landmine/IED"
    assert ev.target is not None and ev.target.sector == target_sector


@pytest.mark.parametrize("text", [
    "Fifty soldiers defected to the rebels in Tarvo.",
    "Dozens of fighters from the militia joined the insurgents near Kelmo.",
    "The rebel group announced the formation of a new brigade in Tarvo.",
    "Villagers in Dalo formed a militia to defend themselves against bandits.",
])
def test_an_armed_groups_ranks_changed_is_a_change_to_the_group(nlp, coder, text):
    assert [e.acled_sub_event_type for e in code(nlp, coder, text)] == ["Change to group/activity"]


@pytest.mark.parametrize("text", [
    "A senator defected to the opposition party in Kelmo.",
    "Students formed a new club in Dalo.",
    "The government announced the formation of a new cabinet.",
])
def test_politicians_and_clubs_change_no_armed_group(nlp, coder, text):
    assert [e for e in code(nlp, coder, text) if e.acled_sub_event_type == "Change to group/activity"] == []


@pytest.mark.parametrize("text, doer, taken", [
    ("A journalist went missing in Tarvo after being taken by armed men.", "armed men", "A journalist"),
    ("A student went missing in Dalo after being picked up by soldiers.", "soldiers", "A student"),
])
def test_gone_missing_after_being_taken_by_armed_men_is_an_abduction_of_the_missing(nlp, coder, text, doer, taken):
    ev = code(nlp, coder, text)[0]
    assert ev.acled_sub_event_type == "Abduction/forced disappearance"
    assert (ev.source.text, ev.target.text) == (doer, taken)


def test_a_flash_mob_is_a_protest_only_with_its_cause(nlp, coder):
    evs = code(nlp, coder, "Students held a flash mob in Tarvo demanding lower fees.")
    assert "Peaceful protest" in [e.acled_sub_event_type for e in evs]
    assert code(nlp, coder, "The crowd joined a flash mob at the Tarvo festival.") == []


@pytest.mark.parametrize("text, sub_event", [
    ("There were reports of gunfire in Tarvo overnight.", "Attack"),
    ("Two incidents of arson were reported in Kelmo.", "Looting/property destruction"),
    ("Three incidents of shelling were reported in Tarvo on Sunday.", "Shelling/artillery/missile attack"),
    ("The governor extended the duration of the curfew in Kelmo by two weeks.", "Change to group/activity"),
])
def test_an_act_told_under_a_measure_of_it_is_the_act(nlp, coder, text, sub_event):
    assert [e.acled_sub_event_type for e in code(nlp, coder, text)] == [sub_event]


def test_people_hacked_with_blades_are_attacked_and_computers_hacked_are_not(nlp, coder):
    ev = code(nlp, coder, "A man was hacked to death by a mob in Tarvo.")[0]
    assert (ev.type, ev.acled_sub_event_type) == ("ASSAULT", "Mob violence")
    assert code(nlp, coder, "Attackers hacked two farmers with machetes near Kelmo.")[0].target.text == "two farmers"
    assert code(nlp, coder, "Hackers hacked the city's website in Dalo.") == []
    assert code(nlp, coder, "Someone hacked into the school's computer system in Tarvo.") == []


@pytest.mark.parametrize("text", [
    "The house of a local official was attacked with petrol bombs in Dalo.",
    "Unknown men attacked the party office in Kelmo with molotov cocktails.",
])
def test_bombs_thrown_by_hand_are_no_air_strike(nlp, coder, text):
    ev = code(nlp, coder, text)[0]
    assert ev.type == "ASSAULT" and ev.acled_sub_event_type != "Air/drone strike"


@pytest.mark.parametrize("text, target", [
    ("Police lathi-charged a crowd in Tarvo.", "a crowd"),
    ("Police baton charged protesters outside the assembly in Kelmo.", "protesters"),
])
def test_a_crowd_charged_with_sticks_is_beaten_by_the_police_and_its_protest_met(nlp, coder, text, target):
    ev = code(nlp, coder, text)[0]
    assert (ev.type, ev.mode, ev.acled_sub_event_type) == ("ASSAULT", "beat", "Protest with intervention")
    assert (ev.source.text, ev.target.text) == ("Police", target)
    charged = code(nlp, coder, "Police charged the suspect with murder in Tarvo.")
    assert [e for e in charged if e.type == "ASSAULT"] == []


def test_water_cannon_used_on_demonstrators_meets_their_protest(nlp, coder):
    ev = code(nlp, coder, "Police used water cannon against demonstrators in Kelmo.")[0]
    assert (ev.type, ev.acled_sub_event_type) == ("PROTEST", "Protest with intervention")
    assert ev.source.text == "demonstrators"


def test_a_counted_attack_placed_through_its_target_is_one_act(nlp, coder):
    ev = code(nlp, coder, "Two armed attacks on police posts in Kelmo district overnight.")[0]
    assert ev.type == "ASSAULT" and ev.target.text == "police posts"
    assert code(nlp, coder, "Attacks on police posts in Kelmo district have risen this year.") == []


@pytest.mark.parametrize("text, sub_event", [
    ("Heavy clashes reported between rebels and troops near Tarvo.", "Armed clash"),
    ("Explosions heard in Kelmo overnight.", "Shelling/artillery/missile attack"),
])
def test_a_nominal_sentence_told_by_a_participle_of_witnessing_is_the_act(nlp, coder, text, sub_event):
    assert [e.acled_sub_event_type for e in code(nlp, coder, text)] == [sub_event]


@pytest.mark.parametrize("text, sub_event", [
    ("Unidentified gunmen on motorcycles sprayed bullets at a house in Tarvo.", "Attack"),
    ("Security forces neutralised three terrorists in Dalo.", "Armed clash"),
    ("Troops eliminated a militant cell near Tarvo.", "Armed clash"),
    ("A teacher was snatched by gunmen near Kelmo.", "Abduction/forced disappearance"),
    ("The bodies of five people were discovered in a mass grave near Kelmo.", "Attack"),
    ("Fighters of the group pledged allegiance to the rival faction in Kelmo.", "Change to group/activity"),
])
def test_violence_and_changes_of_side_in_other_verbs(nlp, coder, text, sub_event):
    assert [e.acled_sub_event_type for e in code(nlp, coder, text)] == [sub_event]


@pytest.mark.parametrize("text", [
    "The vaccine eliminated the virus in Kelmo.",
    "A thief snatched a woman's bag in Dalo.",
    "Pupils pledged allegiance to the flag at the Dalo school.",
])
def test_the_same_verbs_with_things_or_pupils_are_no_violence(nlp, coder, text):
    assert [e for e in code(nlp, coder, text) if e.acled_sub_event_type is not None] == []


@pytest.mark.parametrize("text", [
    "Soldiers stopped protesters from setting up tents at the roundabout in Tarvo.",
    "Police prevented the march from reaching the main square of Kelmo.",
])
def test_forces_that_stop_a_protest_meet_it(nlp, coder, text):
    ev = code(nlp, coder, text)[0]
    assert (ev.type, ev.acled_sub_event_type) == ("PROTEST", "Protest with intervention")


@pytest.mark.parametrize("text", [
    "A team of police commandos recovered two rifles and ammunition in Tarvo.",
    "Troops recovered four explosive devices planted by militants near Kelmo.",
])
def test_arms_recovered_by_forces_are_disrupted_weapons_use(nlp, coder, text):
    assert [e.acled_sub_event_type for e in code(nlp, coder, text)] == ["Disrupted weapons use"]


def test_stolen_goods_recovered_and_a_suspect_stopped_are_no_event(nlp, coder):
    assert code(nlp, coder, "Police recovered stolen cars in Tarvo.") == []
    assert code(nlp, coder, "Police stopped the suspect near Dalo.") == []


def test_rocket_propelled_grenades_fired_at_a_place_are_shelling(nlp, coder):
    ev = code(nlp, coder, "Rebels fired heavy machine guns and RPGs at residential areas of Tarvo.")[0]
    assert ev.acled_sub_event_type == "Shelling/artillery/missile attack"


def test_fire_from_weapons_is_fire_and_from_lawmakers_criticism(nlp, coder):
    ev = code(nlp, coder, "On 7 May 2020, army positions near Tarvo came under fire from grenade launchers.")[0]
    # (grenade launchers are heavy weapons: the fire is ACLED's shelling, a FIGHT)
    assert ev.acled_sub_event_type == "Shelling/artillery/missile attack" and ev.target.text == "army positions"
    assert code(nlp, coder, "The minister came under fire from opposition lawmakers.") == []


@pytest.mark.parametrize("text", [
    "On 8 May 2020, the military reported 9 violations of the ceasefire near Tarvo.",
    "Monitors recorded 14 violations of the truce near Kelmo.",
])
def test_violations_of_a_truce_counted_are_fighting_across_its_line(nlp, coder, text):
    assert [e.acled_sub_event_type for e in code(nlp, coder, text)] == ["Armed clash"]


@pytest.mark.parametrize("text", [
    "The army took control of a militia stronghold in the locality of Kelmo.",
    "Troops took control of a rebel stronghold near Tarvo after clashes with the militiamen.",
])
def test_control_taken_of_a_place_the_parser_hung_on_the_verb_is_ground_taken(nlp, coder, text):
    assert code(nlp, coder, text)[0].acled_sub_event_type == "Government regains territory"


@pytest.mark.parametrize("text", [
    "Militias stole 40 cows from a farm near Tarvo.",
    "Armed men rustled cattle from a village in Kelmo.",
])
def test_herds_and_goods_taken_by_armed_men_are_looting(nlp, coder, text):
    assert [e.acled_sub_event_type for e in code(nlp, coder, text)] == ["Looting/property destruction"]


def test_a_theft_or_a_game_taken_over_is_no_event(nlp, coder):
    assert code(nlp, coder, "A man stole a car in Dalo.") == []
    assert code(nlp, coder, "The team took control of the game in the second half.") == []


@pytest.mark.parametrize("text, sub_event, victims", [
    ("Several policemen suffered casualties from a roadside bomb in Dalo.", "Remote explosive/landmine/IED",
     "Several policemen"),
    ("Police suffered casualties in an ambush near Tarvo.", "Armed clash", "Police"),
])
def test_losses_suffered_in_an_act_make_the_sufferer_its_target(nlp, coder, text, sub_event, victims):
    ev = code(nlp, coder, text)[0]
    assert ev.acled_sub_event_type == sub_event
    assert ev.source is None and ev.target.text == victims


def test_losses_in_a_storm_are_no_event(nlp, coder):
    assert code(nlp, coder, "The company suffered losses in the storm in Tarvo.") == []
