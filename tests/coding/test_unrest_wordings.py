"""Protests, riots and violence against people told in other wordings than the commonest: a picket
or a protest "action" held for a cause, things thrown at people or buildings, an assault on a
protest by others."""

import pytest

from eventwire.coder import Coder
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def rules_only():
    return Pipeline(coder=Coder(classifier=None))


def coded(pipe, text):
    return [(e.type, e.acled_sub_event_type) for e in pipe.extract(text, published="2021-03-10")]


@pytest.mark.parametrize(
    "text",
    [
        "About 25 pensioners held a picket outside the regional council in Tarvo.",
        "A picket was held near the courthouse in Kelmo.",
        "Around 40 residents held an action in Dalo in support of the jailed editor.",
        "Some 30 teachers staged an action outside the school board in Tarvo demanding their back pay.",
        "Local traders organised an action against the closure of the market in Kelmo.",
        "Members of civic groups staged a dharna in front of the district office in Dalo.",
        "Twelve miners in Kelmo declared a hunger strike over unpaid wages.",
        "About 60 residents took part in an action against the construction of a quarry in Dalo.",
        "Local entrepreneurs held an action of protest in front of the city hall in Tarvo.",
        "Students participated in an action in support of the jailed editor in Kelmo.",
    ],
)
def test_a_picket_or_an_action_held_for_a_cause_is_a_peaceful_protest(rules_only, text):
    assert ("PROTEST", "Peaceful protest") in coded(rules_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "The army took military action against the rebels near Kelmo.",
        "The company took legal action against the union in Dalo.",
        "Police said no action was taken after the meeting in Tarvo.",
        "The council held an action planning session in Dalo on Monday.",
        "Fans watched an action film in Kelmo on Saturday.",
        "The firm took part in a legal action against the city in Dalo.",
    ],
)
def test_an_action_with_no_cause_of_a_protest_is_none(rules_only, text):
    assert not any(t == "PROTEST" for t, _ in coded(rules_only, text))


@pytest.mark.parametrize(
    "text, target",
    [
        ("A group of people threw eggs and paint at the office of a political party in Tarvo.", "the office of a political party"),
        ("Unknown persons threw a bottle of paint at the building of the city council in Kelmo.", "the building of the city council"),
        ("Several youths hurled eggs at the mayor during his visit to Dalo.", "the mayor"),
    ],
)
def test_things_thrown_at_people_or_buildings_are_an_assault_on_what_they_were_thrown_at(rules_only, text, target):
    events = [e for e in rules_only.extract(text, published="2021-03-10") if e.type == "ASSAULT"]
    assert [e.acled_sub_event_type for e in events] == ["Mob violence"]
    assert events[0].target is not None and events[0].target.text == target


def test_a_ball_thrown_at_a_game_is_no_assault(rules_only):
    assert coded(rules_only, "The pitcher threw the ball at the batter in the ninth inning in Tarvo.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Members of a nationalist group attacked participants of a student march in Tarvo.",
        "Unknown men assaulted protesters at a rally in Kelmo.",
        "Participants of a march in Dalo were attacked by unknown youths.",
        "Masked men attacked a camp of protesters in Dalo.",
    ],
)
def test_an_assault_by_others_on_a_protest_is_a_protest_with_intervention(rules_only, text):
    assert coded(rules_only, text) == [("ASSAULT", "Protest with intervention")]


def test_the_protesters_of_an_assaulted_protest_are_its_first_actor(rules_only):
    [event] = rules_only.extract("Unknown men assaulted protesters at a rally in Kelmo.", published="2021-03-10")
    assert event.source is not None and event.source.sector == "protesters"
    assert event.target is not None and event.target.text == "Unknown men"


def test_an_assault_on_a_protest_that_kills_is_an_attack_by_its_doers(rules_only):
    [event] = rules_only.extract("A group of men attacked a rally of farmers in Dalo, killing two participants.",
                                 published="2021-03-10")  # fmt: skip
    assert event.acled_sub_event_type == "Attack"
    assert event.source is not None and event.source.text == "A group of men"


def test_words_that_attack_a_protest_are_no_assault_on_it(rules_only):
    assert not any(t == "ASSAULT" for t, _ in coded(rules_only, "The senator attacked the protest in Tarvo as reckless."))


@pytest.mark.parametrize(
    "text",
    [
        "Protesters demanded the resignation of the governor in Tarvo.",
        "In Kelmo, demonstrators called for the release of the detained students.",
        "The marchers accused the city council of Dalo of ignoring their complaints.",
    ],
)
def test_a_demand_by_protesters_in_a_story_that_tells_no_protest_tells_their_protest(rules_only, text):
    told = coded(rules_only, text)
    assert ("PROTEST", "Peaceful protest") in told
    assert any(t in ("REQUEST", "ACCUSE") for t, _ in told)  # the demand stays


def test_a_demand_by_protesters_after_their_protest_is_no_second_protest(rules_only):
    text = "Hundreds of nurses marched through Tarvo on Monday. The protesters demanded higher wages."
    assert [t for t, _ in coded(rules_only, text)].count("PROTEST") == 1


def test_a_demand_by_others_tells_no_protest(rules_only):
    assert not any(t == "PROTEST" for t, _ in coded(rules_only, "Residents demanded the repair of the bridge in Tarvo."))


@pytest.mark.parametrize(
    "text",
    [
        "A man set himself on fire in front of the town hall in Tarvo to protest his eviction.",
        "A vendor in Kelmo set himself ablaze outside the governor's office.",
        "A farmer doused himself with petrol and set himself alight outside the court in Dalo.",
    ],
)
def test_setting_oneself_on_fire_is_a_peaceful_protest_not_destruction(rules_only, text):
    assert coded(rules_only, text) == [("PROTEST", "Peaceful protest")]


def test_protesters_who_took_the_streets_protested(rules_only):
    assert ("PROTEST", "Peaceful protest") in coded(rules_only, "Hundreds of students took the streets of Dalo.")
    assert coded(rules_only, "The runners took the street at dawn in Tarvo.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen took away a trader from his shop in Tarvo.",
        "A teacher was taken away by unidentified armed men in Dalo.",
        "Armed men seized a village chief and took him to an unknown location near Tarvo.",
    ],
)
def test_people_taken_away_or_seized_by_armed_men_are_abducted(rules_only, text):
    assert coded(rules_only, text)[:1] == [("ASSAULT", "Abduction/forced disappearance")]


def test_goods_taken_away_or_seized_are_no_abduction(rules_only):
    assert not any(s == "Abduction/forced disappearance"
                   for _, s in coded(rules_only, "Gunmen took away three cars from the depot in Tarvo."))  # fmt: skip
    assert coded(rules_only, "Police seized a village chief in Kelmo.")[:1] == [("COERCE", "Arrests")]


@pytest.mark.parametrize(
    "text",
    [
        "A girl was sexually assaulted by a soldier in Tarvo.",
        "Militiamen sexually abused two women at a checkpoint near Dalo.",
    ],
)
def test_an_assault_or_abuse_told_as_sexual_is_sexual_violence(rules_only, text):
    assert coded(rules_only, text) == [("ASSAULT", "Sexual violence")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Attackers set the school alight in Kelmo.", "Looting/property destruction"),
        ("Gunmen set several houses ablaze in the village of Tarvo.", "Looting/property destruction"),
        ("A mob set alight two suspected thieves in Dalo.", "Mob violence"),
        ("More than 30 villagers set alight four suspected gang members in Tarvo.", "Mob violence"),
    ],
)
def test_what_is_set_ablaze_or_alight_is_burnt_and_people_so_burnt_attacked(rules_only, text, expected):
    assert coded(rules_only, text) == [("ASSAULT", expected)]


def test_a_market_rally_is_no_protest(rules_only):
    assert coded(rules_only, "Stocks staged a rally in Tarvo on Monday after the central bank cut rates.") == []
    assert coded(rules_only, "Bank workers staged a rally in Tarvo on Monday.") == [("PROTEST", "Peaceful protest")]


@pytest.mark.parametrize(
    "text",
    [
        "A number of residents demonstrating against the curfew vandalized a police station in Tarvo.",
        "Hundreds of traders protesting the market closure smashed the windows of the town hall in Kelmo.",
        "A group of soldiers demonstrated in the streets of Dalo by firing their rifles into the air.",
        "Farmers protested in Tarvo by burning tyres on the main road.",
        "A crowd demonstrated by throwing stones at the town hall in Kelmo.",
    ],
)
def test_a_protest_told_with_its_protesters_violence_is_a_violent_demonstration(rules_only, text):
    assert ("PROTEST", "Violent demonstration") in coded(rules_only, text)
    assert ("PROTEST", "Peaceful protest") not in coded(rules_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "Students demonstrating against the fee rise marched to the ministry in Kelmo.",
        "Street traders protested by throwing their goods on the road in Tarvo.",
    ],
)
def test_a_protest_told_with_acts_of_no_violence_stays_peaceful(rules_only, text):
    assert all(s == "Peaceful protest" for _, s in coded(rules_only, text))


def test_a_crowds_violence_told_right_after_a_protest_is_that_protest_turned_violent(rules_only):
    text = ("Some 300 bus drivers demonstrated in Tarvo on Monday, demanding their unpaid wages. "
            "Rioters pelted stones at the police and damaged a patrol car.")  # fmt: skip
    assert ("PROTEST", "Violent demonstration") in coded(rules_only, text)
    assert ("ASSAULT", "Mob violence") not in coded(rules_only, text)


def test_a_mobs_violence_after_a_story_of_no_protest_stays_mob_violence(rules_only):
    text = "A trader was robbed at the market in Kelmo on Monday. A mob beat a suspected thief to death in the town."
    assert ("ASSAULT", "Mob violence") in coded(rules_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "Locals attacked a police team in Kelmo.",
        "A group of 20 persons attacked a team of health workers in Tarvo.",
        "Inhabitants of Tarvo attacked police officers after two children were killed.",
        "Around 100 foreign nationals assaulted border police near Kelmo.",
    ],
)
def test_a_crowd_that_attacks_a_crew_or_the_police_is_mob_violence(rules_only, text):
    assert coded(rules_only, text)[:1] == [("ASSAULT", "Mob violence")]


def test_a_side_beaten_in_a_game_is_still_no_attack(rules_only):
    assert coded(rules_only, "Tarvo United beat the visiting team 2-1 on Saturday.") == []
    assert coded(rules_only, "The home side attacked the Kelmo team throughout the second half.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Police clashed with the demonstrators in Tarvo.", ("PROTEST", "Violent demonstration")),
        ("Police officers fought with market vendors in Kelmo.", ("FIGHT", "Mob violence")),
    ],
)
def test_forces_told_first_in_a_fight_with_a_crowd_meet_the_crowds_riot(rules_only, text, expected):
    [event] = rules_only.extract(text, published="2021-03-10")
    assert (event.type, event.acled_sub_event_type) == expected
    assert event.target is not None and event.target.sector == "police"  # the crowd is the first actor


def test_forces_told_first_in_a_fight_with_armed_men_clash(rules_only):
    assert coded(rules_only, "Soldiers clashed with rebels near Tarvo.") == [("FIGHT", "Armed clash")]


@pytest.mark.parametrize(
    "text",
    [
        "A local official went missing after being taken by armed men near Kelmo.",
        "The activist disappeared after being detained by police in Tarvo.",
        "Two traders have been missing since they were seized by gunmen in Dalo.",
    ],
)
def test_someone_missing_since_taken_by_armed_men_or_forces_was_abducted(rules_only, text):
    assert coded(rules_only, text)[:1] == [("ASSAULT", "Abduction/forced disappearance")]


@pytest.mark.parametrize(
    "text",
    [
        "A hiker went missing in the mountains near Tarvo.",
        "The girl went missing after being taken by her father in Dalo.",
    ],
)
def test_someone_missing_with_no_one_taking_them_by_force_is_no_abduction(rules_only, text):
    assert coded(rules_only, text) == []
