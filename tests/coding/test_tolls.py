"""How many died in the event a report is about: the dead told by a later act of the same paragraph
and day, or after an act told by its toll alone, are that event's (ACLED counts every death of an
event on it). Sentences written for these tests, with invented places."""

import pytest

from eventwire.evaluation.acled import top_event
from coding_helpers import code


def deaths_of_the_top_event(nlp, coder, text):
    top = top_event(code(nlp, coder, text))
    return sum(q.value for q in top.quantities if q.unit == "fatalities")


@pytest.mark.parametrize("text, dead", [
    # the raid is the event; the gunfight it became counts its dead
    ("On 3 June 2020, police raided a hideout of smugglers in Tarvo. A gunfight broke out and two suspects died.", 2),
    ("On 3 June 2020, gunmen stormed a market in Dalo. They opened fire on traders, killing three.", 3),
    ("On 3 June 2020, the army clashed with rebels near Tarvo. During the fighting, rebels ambushed a supply convoy "
     "and seven soldiers were killed.", 7),
])
def test_the_dead_a_later_act_of_the_same_day_counts_are_the_event_s(nlp, coder, text, dead):
    assert deaths_of_the_top_event(nlp, coder, text) == dead


def test_the_dead_of_an_act_on_another_day_are_not_the_event_s(nlp, coder):
    text = "On 3 June 2020, police raided a hideout in Tarvo. On 5 June 2020, gunmen attacked a bus in Kelmo, killing two passengers."
    events = code(nlp, coder, text)
    raid = next(e for e in events if e.trigger == "raided")
    assert [q for q in raid.quantities if q.unit == "fatalities"] == []


@pytest.mark.parametrize("text", [
    "On 3 May 2020, in Tarvo, a man and a woman were shot in a drive-by incident in the market. "
    "The man died and the woman was seriously injured.",
    "On 3 May 2020, in Kelmo, two men were shot in a drive-by incident. One man was injured and the other died.",
])
def test_a_death_told_after_an_act_told_by_its_toll_alone_is_that_act_s(nlp, coder, text):
    assert deaths_of_the_top_event(nlp, coder, text) == 1


@pytest.mark.parametrize("text, dead", [
    # more dead told beside the act's own are the act's too: ACLED counts both sides' dead
    ("On 27 April 2020, 2 soldiers were killed and 3 were wounded following an attack by militants in Tarvo. "
     "Local authorities reported that 7 militants were also killed.", 9),
    ("On 27 April 2020, 2 policemen were killed following an attack by rebels on a checkpoint in Kelmo. "
     "2 other policemen were killed when they arrived as reinforcement.", 4),
    ("On 27 April 2020, gunmen shot dead a village chief in Dalo. Three members of his family were also killed.", 4),
    # the same dead told again are counted once
    ("On 27 April 2020, gunmen killed two guards at a depot in Tarvo. Two guards died in the attack.", 2),
])
def test_more_dead_told_after_the_act_s_own_are_added(nlp, coder, text, dead):
    assert deaths_of_the_top_event(nlp, coder, text) == dead


@pytest.mark.parametrize("text, dead", [
    # the act told again by what did it: the toll told after it is the act's
    ("On 7 June 2020, a remote controlled IED planted near a police post detonated at the Kelmo junction (Dalo, "
     "Tarvo). The device exploded while an army truck passed the area. At least three people were killed in the "
     "explosion.", 3),
    # what the victors did after the fight is its sequel: the dead are the fight's
    ("On 5 June 2020, army forces, while on patrol, clashed with rebels near Kelmo town (Dalo, Tarvo). The forces "
     "managed to destroy the rebels' camp in the area and three rebels were killed in the attack.", 3),
    # a toll beside a later act that is no violence ("and police arrested ..."), or past what was said about the act
    ("On 9 June 2020, in Dalo, three men stabbed a trader outside his shop. The trader died and police detained "
     "two of the attackers.", 1),
    ("On 9 June 2020, villagers beat two herders accused of theft in Tarvo. One herder died.", 1),
])
def test_a_toll_told_after_the_act_goes_to_the_act(nlp, coder, text, dead):
    assert deaths_of_the_top_event(nlp, coder, text) == dead


@pytest.mark.parametrize("text, dead", [
    # the dead read from the grammar, where a long description parts the count from its verb
    ("On 12 June 2020, the treasurer of a farmers' cooperative in the district of Kelmo was shot dead by gunmen.", 1),
    ("On 12 June 2020, clashes between two militias in Tarvo resulted in the death of a local commander.", 1),
    ("On 12 June 2020, soldiers fired on protesters in Dalo, leading to the death of one student.", 1),
    ("On 12 June 2020, three rebels and a police sergeant were killed in an exchange of fire near Tarvo.", 4),
])
def test_the_dead_are_read_from_the_grammar(nlp, coder, text, dead):
    assert deaths_of_the_top_event(nlp, coder, text) == dead


@pytest.mark.parametrize("text", [
    "On 12 June 2020, gunmen tried to kill a district officer in Kelmo, wounding him.",
    "On 12 June 2020, two rebels were killed, wounded or taken prisoner in army operations near Tarvo.",
    "On 12 June 2020, students rioted in Dalo over the killing of a classmate by police.",
    "On 12 June 2020, a mob set fire to a clinic in Tarvo after a patient died there.",
    "On 12 June 2020, gunmen raided a farm in Kelmo and killed 12 goats.",
    "On 12 June 2020, gunmen attacked a bus in Dalo. No one was killed.",
])
def test_no_one_is_counted_dead_where_no_death_is_told(nlp, coder, text):
    assert deaths_of_the_top_event(nlp, coder, text) == 0


@pytest.mark.parametrize("text, dead", [
    # a closing sum of deaths is the total of the dead counted one by one, not more dead
    ("On 14 June 2020, in Kelmo, two gunmen shot and killed a taxi driver on Avenue 9. 1 fatality.", 1),
    ("On 14 June 2020, gunmen killed a farmer and his son in Dalo. Two deaths were reported.", 2),
    # and where it is more than they add up to, it counts those told elsewhere too
    ("On 14 June 2020, gunmen killed a farmer in Dalo, and two more bodies were found nearby. 3 fatalities.", 3),
])
def test_a_sum_of_deaths_is_counted_once(nlp, coder, text, dead):
    assert deaths_of_the_top_event(nlp, coder, text) == dead
