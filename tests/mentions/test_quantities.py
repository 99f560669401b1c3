import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.mentions.quantities import find_quantities, parse_number


def q(text):
    return [(m.value, m.unit, m.qualifier) for m in find_quantities(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a convoy of at least 40 trucks crossed", [(40, "trucks", "at least")]),
        ("Turkey deployed nearly 6,000 troops", [(6000, "troops", "nearly")]),
        ("a convoy of five US military vehicles", [(5, "vehicles", "exact")]),
        ("killing three civilians and wounding 11", [(3, "fatalities", "exact"), (11, "injured", "exact")]),
        ("at least 12 people were killed", [(12, "fatalities", "at least")]),
        ("police arrested 25 protesters", [(25, "arrested", "exact")]),
        ("up to 300 families fled", [(300, "families", "up to")]),
        ("more than 20 fighters were killed", [(20, "fatalities", "more than")]),
        ("about 150 protesters gathered", [(150, "protesters", "about")]),
        ("WFP delivered 500 tonnes of food", [(500, "tonnes", "exact")]),
        ("the EU pledged $50 million", [(50_000_000, "usd", "exact")]),
        ("dozens of protesters", []),  # a crowd size, not a count
        ("dozens of protesters were arrested", [(12, "arrested", "at least")]),
        ("intercepted 38 of the 45 drones", [(38, "drones", "exact"), (45, "drones", "exact")]),
        ("a drone struck a vehicle", []),
        ("its last 2,000 or so peacekeepers", [(2000, "troops", "about")]),
        ("the death toll rose to 42", [(42, "fatalities", "exact")]),
    ],
)
def test_quantities_keep_qualifier_and_outcome(text, expected):
    assert q(text) == expected


def test_years_and_dates_are_not_counts():
    assert q("in 2019 troops moved") == []
    assert q("on March 5 protesters gathered") == []


def test_offsets_point_at_the_words():
    text = "Officials said nearly 6,000 troops arrived."
    (m,) = find_quantities(text)
    assert text[m.start : m.end] == m.text == "nearly 6,000 troops"


def test_parse_number():
    assert parse_number("6,000") == 6000
    assert parse_number("three") == 3
    assert parse_number("1.5", "million") == 1_500_000
    assert parse_number("many") is None


@given(st.text(max_size=300))
def test_never_raises_and_offsets_are_consistent(text):
    for m in find_quantities(text):
        assert text[m.start : m.end] == m.text
        assert m.value >= 0


@pytest.mark.parametrize(
    "text, expected",
    [
        # compound number words
        ("twenty-three marchers were killed", [(23, "fatalities", "exact")]),
        ("thirty five fighters were detained", [(35, "arrested", "exact")]),
        ("one hundred and twenty families fled", [(120, "families", "exact")]),
        ("two dozen lorries waited at the gate", [(24, "trucks", "about")]),
        ("a dozen tanks rolled in", [(12, "tanks", "about")]),
        ("scores of villagers were abducted", [(20, "abducted", "at least")]),
        ("dozens of tankers queued", []),
        # counts named by their outcome, whatever the noun
        ("Three quarry workers were shot dead near the pit", [(3, "fatalities", "exact")]),
        ("four fishermen drowned after two members of the crew were reportedly killed", [(2, "fatalities", "exact")]),
        ("the bodies of five herders were recovered", [(5, "fatalities", "exact")]),
        ("the shelling left 9 dead", [(9, "fatalities", "exact")]),
        ("the raid caused 4 fatalities", [(4, "fatalities", "exact")]),
        ("the skirmish ended in one death", [(1, "fatalities", "exact")]),
        ("total fatalities were put at 17", [(17, "fatalities", "exact")]),
        ("11 bandits were abducted and killed", [(11, "fatalities", "exact")]),
        ("a shepherd was stoned and beaten to death", [(1, "fatalities", "exact")]),
        # a single victim counted by its article
        ("a ferry captain was stabbed to death", [(1, "fatalities", "exact")]),
        ("gunmen opened fire, killing a teacher", [(1, "fatalities", "exact")]),
        ("a number of guards were killed", [(10, "fatalities", "about")]),  # ACLED: untold deaths are 10, never "a" one
        ("in another incident, 6 traders were killed", [(6, "fatalities", "exact")]),
        ("they tried to kill a judge", []),
        # coordinated subjects share the outcome
        ("two guards and a cook were killed", [(2, "fatalities", "exact"), (1, "fatalities", "exact")]),
        ("Three rangers and two porters died in the ambush", [(3, "fatalities", "exact"), (2, "fatalities", "exact")]),
        # what an act was done to before its killing is no one who died
        ("gunmen stormed a chapel and shot dead four worshippers", [(4, "fatalities", "exact")]),
        ("raiders entered a school and shot two guards dead", [(2, "fatalities", "exact")]),
        # a life lost is a death
        ("four rangers lost their lives in the raid", [(4, "fatalities", "exact")]),
        ("a guard lost his life at the gate", [(1, "fatalities", "exact")]),
        ("at least 30 rebels, including 4 commanders, and 6 troops were killed",
         [(30, "fatalities", "at least"), (6, "fatalities", "exact")]),
        # ranges count from the lower end
        ("3-5 miners were killed", [(3, "fatalities", "at least")]),
        # killers are not victims; a joint count of dead and hurt is neither
        ("five militants killed two farmers", [(5, "fighters", "exact"), (2, "fatalities", "exact")]),
        ("five raiders killed two farmers", [(2, "fatalities", "exact")]),
        ("a truck bomb killed 14", [(14, "fatalities", "exact")]),
        ("8 insurgents were killed or wounded", [(8, "fighters", "exact")]),
        ("6 gunmen were killed, injured or captured", [(6, "fighters", "exact")]),
        ("the blast killed and injured 20 people", [(20, "people", "exact")]),
        # dates are not counts
        ("On 9 June militants were killed", []),
        ("COVID-19 patients were moved", []),
    ],
)
def test_real_text_wordings(text, expected):
    assert q(text) == expected


def test_compound_numbers_parse():
    assert parse_number("forty-two") == 42
    assert parse_number("two thousand five hundred") == 2500
    assert parse_number("a hundred") == 100
    assert parse_number("three dozen") == 36
    assert parse_number("and") is None


def test_a_preposition_ends_what_a_number_counts():
    # "12 violations by rebels" counts violations, not rebels; "40 men in uniform" still counts men
    assert find_quantities("The army reported 12 ceasefire violations by rebel forces.") == []
    assert [(q.value, q.unit) for q in find_quantities("Some 40 armed men in uniform were seen.")] == [(40.0, "people")]


def test_a_weapon_or_an_act_counted_by_its_article_is_no_person():
    # "An airstrike killed ..." counts no one killed by "an"
    assert [(q.value, q.unit) for q in find_quantities("An airstrike killed scores of civilians in Tarvo.")] == [(20.0, "fatalities")]
    assert [(q.value, q.unit) for q in find_quantities("A landmine killed a shepherd near Tarvo.")] == [(1.0, "fatalities")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # one person an outcome names without a number is one
        ("Troops clashed with smugglers near the dam, killing the driver.", [(1.0, "fatalities")]),
        ("A sniper shot the commander and wounded him.", [(1.0, "injured")]),
        # the act an article stands before is no one who died
        ("At the depot, a shoot-out broke out and three guards died.", [(3.0, "fatalities")]),
        ("Outside the stadium, a fight broke out and a fan was killed.", [(1.0, "fatalities")]),
    ],
)
def test_one_named_person_is_counted_and_an_act_is_not(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # one person told before, whose death is told by a definite noun or a pronoun
        ("A sniper shot a guard at the depot, and the guard later died in hospital.", [(1.0, "fatalities")]),
        ("Two men were shot in Tarvo. One was injured and the other died.", [(1.0, "injured"), (1.0, "fatalities")]),
        ("The herder was beaten by a mob. Days later he died.", [(1.0, "fatalities")]),
        ("Police shot the driver, who died.", [(1.0, "fatalities")]),
        # plural: the count is not told
        ("The others died.", []),
    ],
)
def test_one_death_told_of_someone_named_before(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text) if q.unit in ("fatalities", "injured")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Raiders killed 15 livestock and burned the huts of Kelmo.",
        "Six cows were killed when the militia shelled the pasture.",
        "Bandits killing 40 goats near Dalo were chased off.",
    ],
)
def test_animals_killed_are_no_fatalities(text):
    assert [q for q in find_quantities(text) if q.unit == "fatalities"] == []


def test_an_act_told_with_an_adjective_is_no_one_who_died():
    assert [(q.value, q.unit) for q in find_quantities("An intense shoot-out broke out and a guard was killed.")] == [(1.0, "fatalities")]


def test_a_place_after_a_preposition_is_no_one_who_died():
    found = find_quantities("Gunmen shot a trader at a checkpoint, and the trader died.")
    assert [q.text for q in found if q.unit == "fatalities"] == ["the trader died"]


@pytest.mark.parametrize(
    "text",
    [
        "Troops returned fire, killing several of the raiders near Kelmo.",
        "Several guards were killed when the depot in Dalo was stormed.",
        "The airstrike killed an unknown number of fighters at the Tarvo camp.",
        "Militiamen shot dead a number of herders on the road to Kelmo.",
    ],
)
def test_deaths_told_with_no_count_are_ten_as_acled_codes_them(text):
    assert [(q.value, q.unit, q.qualifier) for q in find_quantities(text)] == [(10.0, "fatalities", "about")]


@pytest.mark.parametrize(
    "text",
    [
        "Several people were injured when the crowd in Tarvo was dispersed.",  # the convention is for deaths only
        "Police arrested several protesters in Dalo.",
        "The guard was killed several hours later.",  # a time, not a count
        "The trader was wounded and died two days later.",
    ],
)
def test_no_count_is_made_of_a_vague_word_but_for_deaths(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text, dead",
    [
        # one more person coordinated with a count of the dead: a kin or companion, or one by its article
        ("A shopkeeper and his nephew were killed in a raid on Tarvo.", 2),
        ("Gunmen fired on the car, killing a teacher and her daughter, and wounding the driver.", 2),
        ("Herders killed a ranger and a farmer near Kelmo.", 2),
        ("Soldiers fired on the convoy near Dalo, killing three raiders and a driver.", 4),
        # another outcome of the second person is no death
        ("A guard was killed and his brother was injured in Dalo.", 1),
        # a qualifier counts numbers, never an article
        ("A trader was stabbed to death over a debt in Kelmo.", 1),
    ],
)
def test_one_more_dead_coordinated_with_a_count(text, dead):
    assert sum(q.value for q in find_quantities(text) if q.unit == "fatalities") == dead


@pytest.mark.parametrize(
    "text",
    [
        "Traders marched in Tarvo over the killing of a shopkeeper by soldiers.",
        "Residents blocked the road to Kelmo against the death of a boy during a police raid.",
        "Nurses demonstrated in Dalo, demanding an inquiry into the death of a colleague.",
        "Students rallied to condemn the abduction and killing of a lecturer.",
        "Villagers held a sit-in following the deaths of three herders.",
    ],
)
def test_a_death_named_as_what_an_act_is_about_is_no_toll(text):
    assert [q for q in find_quantities(text) if q.unit == "fatalities"] == []


def test_a_death_an_act_caused_is_still_its_toll():
    found = find_quantities("The shelling of Tarvo resulted in the death of a farmer.")
    assert [(q.value, q.unit) for q in found] == [(1.0, "fatalities")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a part or a breakdown told inside a count, before its outcome: the count runs through its outcome
        ("15 Dalo Front militants including a commander were killed and 5 were wounded near Tarvo.",
         [(15.0, "fatalities", "15 Dalo Front militants including a commander were killed"), (5.0, "injured", "5 were wounded")]),
        ("6 villagers (3 men, 2 women and a child) were killed when the bus hit a mine.",
         [(6.0, "fatalities", "6 villagers (3 men, 2 women and a child) were killed")]),
    ],
)
def test_a_part_told_inside_a_count_keeps_the_count_s_outcome(text, expected):
    assert [(q.value, q.unit, q.text) for q in find_quantities(text)] == expected


def test_more_counted_beside_a_part_are_not_inside_it():
    found = find_quantities("At least 12 rebels including 2 commanders and 3 soldiers were killed in Kelmo.")
    assert [(q.value, q.unit) for q in found] == [(12.0, "fatalities"), (3.0, "fatalities")]


@pytest.mark.parametrize(
    "text, dead",
    [
        # the one killed told between the verb and "to death"
        ("A guard stabbed a herder to death in Kelmo.", 1),
        ("Unknown men beat two porters to death near Tarvo.", 2),
        # "gunned down", and a participle then its outcome ("was shot and died")
        ("Armed men gunned down three traders on the Dalo road.", 3),
        ("A driver was shot and died before reaching Kelmo.", 1),
        ("Four miners were struck and killed by a falling truck.", 4),
        # a count told with the place it is of
        ("5 residents of Tarvo were killed in the raid.", 5),
        ("2 members of Kelmo's council were shot dead.", 2),
        ("Four members of a cattle raiding gang died in the shoot-out.", 4),
        # counts coordinated before "dead"
        ("The fighting left 4 rebels and 2 soldiers dead.", 6),
        # a family counted by its size
        ("Shells hit a house in Dalo, killing a family of six.", 6),
        # lives an act claimed
        ("The raid claimed the lives of nine herders.", 9),
        # one named by a role or kin, and one more by its article
        ("Gunmen shot and killed the town's deputy mayor in Dalo.", 1),
        ("A sniper fired on a car near Kelmo, killing the mother and a daughter.", 2),
        ("Raiders attacked the farm, killing the herder and wounding two boys.", 1),
        # a death told by a possessive, brought about by the act
        ("Police beat a porter in Tarvo, resulting in his death.", 1),
        ("The mob's assault led to her death two days later.", 1),
        ("The minister mourned his death.", 0),
        # a sentence to death kills no one
        ("A tribunal in Tarvo sentenced four rebels to death.", 0),
        ("The judge condemned a smuggler to death.", 0),
    ],
)
def test_deaths_told_in_other_ways(text, dead):
    assert sum(q.value for q in find_quantities(text) if q.unit == "fatalities") == dead


@pytest.mark.parametrize(
    "text, expected",
    [
        # counts in words only, in a sentence with no digit: the number gate must let them through
        ("Gunmen shot dead twenty-three herders near the wells", [(23, "fatalities", "exact")]),
        ("A thousand marchers were detained in the square", [(1000, "arrested", "exact")]),
        ("Several guards were killed when the depot was stormed", [(10, "fatalities", "about")]),
        ("An unknown number of villagers died in the raid", [(10, "fatalities", "about")]),
        # no number at all: only the patterns that need none read it
        ("A bystander was wounded in the blast", [(1, "injured", "exact")]),
    ],
)
def test_counts_told_in_words_are_found_without_a_digit(text, expected):
    assert q(text) == expected
