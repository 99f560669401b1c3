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
