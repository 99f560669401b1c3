"""ACLED's two sides of an event, on sentences written for these tests: classes of reading that
ACLED's own coding showed wrong."""

import pytest

from eventwire.acled import acled_actor
from eventwire.evaluation.acled import top_event
from coding_helpers import code


def top(nlp, coder, text):
    return top_event(code(nlp, coder, text))


def inter_codes(event):
    country = event.place.country if event.place else None
    return acled_actor(event, 1, country)[1], acled_actor(event, 2, country)[1]


def riot_of(nlp, coder, text):
    events = code(nlp, coder, text)
    return next(e for e in events if e.acled_sub_event_type == "Violent demonstration")


@pytest.mark.parametrize(
    "text, force",
    [
        # a force the note shows in the fray: firing on the crowd, or hurt by it
        ("On 3 May 2020, villagers rioted in Dalo over water cuts. "
         "The police then used tear gas and batons against them.", "police"),
        ("On 3 May 2020, a crowd rioted in Kelmo over water cuts. "
         "Soldiers fired live rounds into the air.", "military"),
        ("On 3 May 2020, students rioted at the university in Tarvo. Gendarmes fired tear gas.", "police"),
        ("On 3 May 2020, residents of Tarvo burned tyres and blocked the main road during a protest. "
         "Two soldiers were injured by stones.", "military"),
    ],
)
def test_a_riot_is_against_the_force_the_note_shows_in_the_fray(nlp, coder, text, force):
    riot = riot_of(nlp, coder, text)
    assert riot.target is not None and riot.target.sector == force
    assert acled_actor(riot, 2, None)[1] == 1


@pytest.mark.parametrize(
    "text",
    [
        # police told only as what the crowd demands, or as the crowd itself, are no second side
        "On 3 May 2020, youths rioted in Tarvo, demanding to know where the police had been during the curfew.",
        "On 3 May 2020, soldiers rioted in Kelmo over unpaid wages and burned tyres at the barracks gate.",
    ],
)
def test_a_riot_with_no_force_against_it_has_no_second_side(nlp, coder, text):
    event = top(nlp, coder, text)
    assert event is not None and event.acled_sub_event_type == "Violent demonstration"
    assert inter_codes(event)[1] == 0


@pytest.mark.parametrize(
    "text",
    [
        # the other crowd of a crowd's fight, named: rioters too, not civilians or a party's militia
        "On 3 May 2020, supporters of the ruling party clashed with opposition supporters in Kelmo, "
        "and three were hurt.",
        "On 3 May 2020, residents of Dalo clashed with residents of Kelmo over a water source. "
        "Several people were injured.",
        "On 3 May 2020, a clash between two families over a land dispute in Dalo left four people injured.",
    ],
)
def test_a_crowds_fight_is_with_rioters(nlp, coder, text):
    event = top(nlp, coder, text)
    assert event is not None and event.acled_sub_event_type == "Mob violence"
    assert inter_codes(event) == (5, 5)


@pytest.mark.parametrize(
    "text, codes",
    [
        # tribesmen and clans who fight or attack are a community's militia (ACLED's identity militias)
        ("On 3 May 2020, Dunval tribesmen clashed with Orsek tribesmen over a well near Tarvo, killing two.", (4, 4)),
        ("On 3 May 2020, fighting broke out between two rival clans in Kelmo; three were killed.", (4, 4)),
        ("On 3 May 2020, armed clansmen attacked a cattle camp near Dalo, killing four herders.", (4, 7)),
        ("On 3 May 2020, tribesmen exchanged fire with soldiers at a checkpoint in Tarvo.", (4, 1)),
        # (so are members of a clan or a caste)
        ("On 3 May 2020, members of the Orsek clan exchanged fire with police near a well in Tarvo.", (4, 1)),
        # a fight told as one between communities, no side named: each side a community's militia
        ("On 9 June 2021, communal violence broke out in a village near Kaga-Bandoro; three people died.", (4, 4)),
        ("On 9 June 2021, inter-ethnic clashes erupted in the hills near Jos.", (4, 4)),
        # tribesmen attacked are civilians
        ("On 3 May 2020, gunmen shot dead two tribesmen at a market in Dalo.", (3, 7)),
        # a community's people told armed are its militia too
        ("On 12 June 2021, armed youth raided a cattle camp near Bor, killing three herders.", (4, 7)),
        ("On 12 June 2021, armed pastoralists exchanged fire with police near Nyala.", (4, 1)),
    ],
)
def test_tribesmen_and_clans_in_arms_are_an_identity_militia(nlp, coder, text, codes):
    event = top(nlp, coder, text)
    assert event is not None and event.acled_sub_event_type in ("Armed clash", "Attack")
    assert inter_codes(event) == codes


@pytest.mark.parametrize(
    "text, sector",
    [
        # whom an act or its weapon is told aimed at by a participle is its target
        ("On 3 May 2020, a roadside bomb exploded, targeting an army patrol near Tarvo.", "military"),
        ("On 3 May 2020, troops fired artillery targeting suspected militants west of Tarvo.", "rebels"),
        ("On 3 May 2020, a car bomb went off in Dalo, targeting a police convoy.", "police"),
        # a convoy stands for whose it is, as a vehicle does; one of no owner told is a civilian's
        ("On 3 May 2020, gunmen attacked a convoy carrying soldiers on the main road.", "military"),
        ("On 3 May 2020, militants ambushed a convoy transporting police officers near the border.", "police"),
        ("On 3 May 2020, gunmen attacked an aid convoy on the main road.", "civilians"),
    ],
)
def test_what_an_act_is_aimed_at_is_its_target(nlp, coder, text, sector):
    event = top(nlp, coder, text)
    assert event is not None and event.target is not None and event.target.sector == sector


@pytest.mark.parametrize(
    "text, victims",
    [
        # a member of a force attacked off duty, on leave or retired is a civilian (ACLED's codebook)
        ("On 3 May 2020, gunmen shot dead an off-duty police officer outside his home in Tarvo.", 7),
        ("On 3 May 2020, militants killed a retired army colonel at a market in Kelmo.", 7),
        ("On 3 May 2020, a soldier, who was on leave, was abducted by militants near Dalo.", 7),
        # on duty, a state's force
        ("On 3 May 2020, gunmen shot dead a police officer at a checkpoint in Tarvo.", 1),
    ],
)
def test_a_force_attacked_off_duty_is_civilians(nlp, coder, text, victims):
    event = top(nlp, coder, text)
    assert event is not None and inter_codes(event)[1] == victims


@pytest.mark.parametrize(
    "text",
    [
        # the second side of a clash: not what it was fought with, nor what a force was "on"
        "On 7 May 2020, near Tarvo, the army and the KLF clashed with small arms.",
        "On 5 May 2020, government forces, while on patrol, clashed with rebels near Dalo.",
        "On 5 May 2020, the army, while on operation, clashed with KLF fighters near Kelmo.",
    ],
)
def test_the_second_side_of_a_clash_is_kept(nlp, coder, text):
    event = top(nlp, coder, text)
    assert event is not None and event.source is not None and event.source.sector == "military"
    assert event.target is not None and inter_codes(event) == (1, 2)


@pytest.mark.parametrize(
    "text",
    [
        # a protest met by a counter-protest is protesters against protesters, one event
        "On 3 May 2020, hundreds of teachers marched in Tarvo against pay cuts. "
        "A counter-protest by supporters of the mayor gathered nearby.",
        "On 3 May 2020, residents protested in Kelmo against a new mine, "
        "while a counterdemonstration of miners was held across the square.",
        "On 3 May 2020, students rallied in Dalo for press freedom; about 30 counter-protesters shouted at them.",
    ],
)
def test_a_protest_met_by_a_counter_protest_is_against_protesters(nlp, coder, text):
    events = code(nlp, coder, text)
    event = top_event(events)
    assert event is not None and event.acled_sub_event_type == "Peaceful protest"
    assert inter_codes(event) == (6, 6)
    counter = [e for e in events if e.type == "PROTEST" and e is not event]
    assert all(e.acled_sub_event_type is None for e in counter)  # the counter-protest is no event of its own


def test_a_protest_with_no_counter_protest_has_no_second_side(nlp, coder):
    event = top(nlp, coder, "On 3 May 2020, hundreds of teachers marched in Tarvo against pay cuts.\n\n"
                             "Last year a counter-protest was held in Kelmo.")
    assert event is not None and inter_codes(event)[1] == 0


@pytest.mark.parametrize(
    "text",
    [
        # whom shelling harmed, told after what it damaged, is its target: civilians
        "On 3 May 2020, troops fired mortar shells at the village, hitting a house and killing a woman.",
        "On 3 May 2020, rebels shelled the outskirts of the city, damaging a school and wounding two children.",
        "On 3 May 2020, the army bombarded the hills, destroying a farm and injuring three shepherds.",
    ],
)
def test_whom_shelling_harmed_after_what_it_damaged_is_its_target(nlp, coder, text):
    event = top(nlp, coder, text)
    assert event is not None and event.target is not None and event.target.sector == "civilians"
    assert inter_codes(event)[1] == 7


@pytest.mark.parametrize(
    "text, inter2",
    [
        # a weapon shot down, defused or intercepted was done to whose weapon it was: its user or
        # layer, whom it belonged to, or the side its modifier names (not the weapon, not a partner)
        ("On 4 May 2020, the army shot down a drone operated by Taliban fighters near Kelmo.", 2),
        ("On 4 May 2020, rebels shot down an army drone near Tarvo.", 1),
        ("On 5 May 2020, police defused two bombs planted by militants near Tarvo.", 3),
        ("On 6 May 2020, air defences intercepted a missile fired by the rebels at Tarvo.", 2),
        # a weapon of no one named is an unidentified armed group's
        ("On 5 May 2020, police recovered and defused three IEDs in a forest near Kelmo.", 3),
        ("On 6 May 2020, the gendarmerie defused a car bomb near the market of Dalo.", 3),
    ],
)
def test_a_disrupted_weapon_is_done_to_whose_it_was(nlp, coder, text, inter2):
    event = top(nlp, coder, text)
    assert event is not None and event.acled_sub_event_type == "Disrupted weapons use"
    assert inter_codes(event)[1] == inter2


@pytest.mark.parametrize(
    "text, force",
    [
        # a state's force among those an act was done to is its target, told first or last, or as
        # a modifier the parser hangs on the others' noun, or among whom a group is made of
        ("On 6 May 2020, residents threw stones at police and health workers in Kelmo over a burial.", "police"),
        ("On 6 May 2020, a mob attacked journalists and policemen covering an eviction in Tarvo.", "police"),
        ("On 6 May 2020, gunmen opened fire on traders and soldiers at a market in Dalo, killing two.", "military"),
        ("On 6 May 2020, gunmen killed a teacher and a soldier in Tarvo.", "military"),
        ("On 6 May 2020, a crowd pelted stones at a team of doctors and police in Dalo.", "police"),
    ],
)
def test_a_force_among_those_attacked_is_the_target(nlp, coder, text, force):
    event = top(nlp, coder, text)
    assert event is not None and event.target is not None and event.target.sector == force
    assert inter_codes(event)[1] == 1


def test_people_attacked_with_no_force_among_them_stay_civilians(nlp, coder):
    event = top(nlp, coder, "On 6 May 2020, gunmen opened fire on traders and farmers at a market in Dalo.")
    assert event is not None and event.target is not None and event.target.sector in ("civilians", "business")
    assert inter_codes(event)[1] == 7


@pytest.mark.parametrize(
    "text, inter2",
    [
        # two sides told together as the subject of a clash are its two sides; where it was
        # ("at the junction") is no side, whether the gazetteer knows the place or not
        ("On 9 May 2020, police and gunmen clashed at Sirat Kalem junction near Kelmo.", 3),
        ("On 9 May 2020, soldiers and militants exchanged fire at Barro Tewil village in Dalo.", 3),
        ("On 9 May 2020, army and rebel forces clashed at Vorna Hadeb (Tarvo).", 2),
    ],
)
def test_sides_told_together_are_the_two_sides_of_a_clash(nlp, coder, text, inter2):
    event = top(nlp, coder, text)
    assert event is not None and event.acled_sub_event_type == "Armed clash"
    assert event.target is not None and "at" not in event.target.text.split()
    assert inter_codes(event) == (1, inter2)


def test_a_force_and_its_partner_shelling_a_place_are_no_two_sides(nlp, coder):
    # only a fight waged both ways has its second side joined to the first
    event = top(nlp, coder, "On 9 May 2020, soldiers and police shelled rebel positions near Kelmo.")
    assert event is not None and event.target is not None and event.target.sector == "rebels"


@pytest.mark.parametrize(
    "text, sector",
    [
        # fire told with no object was opened on whom its doers came upon: the object of the verb
        # it is joined to, or who was at work when it was opened
        ("On 9 May 2020, unidentified armed men approached a police patrol in Dalo and started shooting.", "police"),
        ("On 9 May 2020, officers were patrolling in Dalo when armed men approached and opened fire.", "police"),
        ("On 9 May 2020, two soldiers were guarding a bridge near Tarvo when gunmen opened fire.", "military"),
        ("On 9 May 2020, villagers were sleeping in Kelmo when armed men stormed in and started shooting.",
         "civilians"),
    ],
)
def test_fire_with_no_object_is_on_whom_its_doers_came_upon(nlp, coder, text, sector):
    events = code(nlp, coder, text)
    fire = next(e for e in events if e.type == "ASSAULT")
    assert fire.target is not None and fire.target.sector == sector


def test_fire_opened_by_those_at_work_is_not_on_themselves(nlp, coder):
    text = "On 9 May 2020, the gunmen were fleeing Tarvo when they opened fire."
    events = code(nlp, coder, text)
    assert all(e.target is None or e.target.canonical != e.source.canonical for e in events if e.source is not None)


@pytest.mark.parametrize(
    "text, sector",
    [
        # the second side of a fight "between" two, which the parser hangs on the unit or home the
        # first is told by
        ("On 9 May 2020, clashes erupted between police from the Tarvo station and unidentified gunmen.", "unknown"),
        ("On 9 May 2020, fighting took place between troops from the Dalo garrison and rebels.", "rebels"),
    ],
)
def test_the_second_side_hung_on_the_firsts_unit_is_the_target(nlp, coder, text, sector):
    event = top(nlp, coder, text)
    assert event is not None and event.source is not None and event.source.sector in ("police", "military")
    assert event.target is not None and event.target.sector == sector


def test_a_place_after_two_groups_is_no_second_side(nlp, coder):
    # "between two groups in Tarvo, Kelmo": where the fight was, not a side
    event = top(nlp, coder, "On 9 May 2020, two men were killed in a clash between two farmer groups "
                             "in Tarvo, Dalo over land.")
    assert event is not None and (event.target is None or "Dalo" not in event.target.text)
