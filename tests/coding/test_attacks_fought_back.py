"""An attack its targets fought back is ACLED's armed clash, also where the fight is told in words
that make no event of their own (session 29; sentences written for these tests, invented places)."""

import pytest

from eventwire.evaluation.acled import top_event
from coding_helpers import code


def top_sub_event(nlp, coder, text):
    top = top_event(code(nlp, coder, text))
    return top and top.acled_sub_event_type


@pytest.mark.parametrize("text", [
    # the attackers driven off, told in the passive
    "On 4 March 2022, armed raiders attacked Dorvu village and were routed by a local hunters' association.",
    # the fight told as a noun after the attack, in the next sentence
    "On 9 March 2022, gunmen attacked a depot guarded by militiamen near Selka. After a long exchange of fire, "
    "the gunmen pulled back.",
    # the targets' militia meets the attackers
    "On 11 March 2022, bandits attacked Ombara and confronted a village defence group, which lost two men.",
])
def test_an_attack_met_by_a_fight_is_an_armed_clash(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Armed clash"


@pytest.mark.parametrize("text", [
    # a fight denied is none
    "On 2 April 2022, gunmen attacked a hamlet near Selka and killed four herders. No clashes were reported.",
    # the wider fighting an attack happened amid is not its targets fighting back
    "On 6 April 2022, armed men shot dead a trader in Ombara amid clashes between rival factions nearby.",
])
def test_an_attack_with_no_fight_back_stays_an_attack(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Attack"
