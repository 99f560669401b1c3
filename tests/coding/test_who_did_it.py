"""Who did an act and to whom, in wordings where the parser hides one of them, on sentences
written for these tests (real towns, invented people)."""

import pytest

from eventwire.evaluation.acled import top_event
from coding_helpers import code


def sides(nlp, coder, text):
    top = top_event(code(nlp, coder, text))
    f = lambda a: None if a is None else (a.country, a.sector)  # noqa: E731
    return f(top.source), f(top.target)


@pytest.mark.parametrize("text, source", [
    ("A mechanic was killed with a single shot by soldiers in Timbuktu.", ("MLI", "military")),
    ("A boy was injured with a tear gas canister by riot police in Kisumu.", ("KEN", "police")),
    ("A herder was beaten to death with sticks by vigilantes near Sokoto.", ("NGA", "rebels")),
    # the parser makes the means a clause of its own: "a bullet [that was] fired by soldiers"
    ("A vendor was wounded with a bullet fired by soldiers in Gao.", ("MLI", "military")),
])
def test_a_passive_s_doer_hung_on_its_means_is_its_source(nlp, coder, text, source):
    assert sides(nlp, coder, text)[0] == source


def test_a_place_by_the_means_is_no_doer(nlp, coder):
    assert sides(nlp, coder, "A fisherman was stabbed with a knife by the lake in Mopti.")[0] is None


@pytest.mark.parametrize("text, target", [
    ("Three policemen died when their car was hit by a roadside bomb near Kandahar.", ("AFG", "police")),
    ("Two soldiers were wounded when their truck struck a mine near Kidal.", ("MLI", "military")),
    ("Militants ambushed the army's supply convoy near Gao.", ("MLI", "military")),
])
def test_a_vehicle_told_as_someone_s_stands_for_them(nlp, coder, text, target):
    assert sides(nlp, coder, text)[1] == target


def test_a_vehicle_whose_owner_is_the_attackers_own_pronoun_is_no_attacker_s(nlp, coder):
    # "his" is not the gunmen, who did the firing: the car is a civilian's, as any car no owner is named for
    assert sides(nlp, coder, "Gunmen opened fire on his car in Kano, killing the driver.")[1] == ("NGA", "civilians")


@pytest.mark.parametrize("text, target", [
    ("Insurgents attacked a checkpoint near Mopti, killing two.", ("MLI", "military")),
    ("Gunmen opened fire on a check post in Kunduz.", ("AFG", "military")),
    ("Militants overran a remote outpost near Beni.", ("COD", "military")),
    # and a checkpoint told as held by someone is theirs
    ("Soldiers attacked a checkpoint manned by rebels near Bambari.", ("CAF", "rebels")),
])
def test_a_checkpoint_attacked_is_the_force_that_holds_it(nlp, coder, text, target):
    assert sides(nlp, coder, text)[1] == target


def test_a_force_s_word_before_a_checkpoint_still_names_whose_it_is(nlp, coder):
    assert sides(nlp, coder, "Militants attacked a police checkpoint near Peshawar.")[1] == ("PAK", "police")


@pytest.mark.parametrize("text", [
    "Gunmen killed a shipping agent in Mombasa.",
    "A loan officer was stabbed to death in Kisumu.",
    "Unknown attackers shot dead a booking agent in Accra.",
])
def test_a_force_s_word_that_a_trade_modifies_is_a_civilian(nlp, coder, text):
    assert sides(nlp, coder, text)[1][1] == "civilians"


@pytest.mark.parametrize("text", [
    "Gunmen killed two customs agents near Tijuana.",
    "Gunmen killed two narcotics agents near Tijuana.",
    "Gunmen killed a border patrol agent near Nogales.",
])
def test_a_force_s_word_that_a_state_service_modifies_stays_a_force(nlp, coder, text):
    assert sides(nlp, coder, text)[1][1] == "police"


@pytest.mark.parametrize("text, source", [
    ("Two farmers were killed in an attack attributed to jihadists near Djibo.", ("BFA", "rebels")),
    ("Three soldiers died in an ambush attributed to the ADF near Beni.", ("COD", "rebels")),
    ("An attack blamed on bandits left four traders dead near Gusau.", ("NGA", "rebels")),
])
def test_whom_an_attack_is_laid_on_is_its_source(nlp, coder, text, source):
    assert sides(nlp, coder, text)[0] == source


@pytest.mark.parametrize("text", [
    "Gunmen shot dead a judge of the high court in Herat.",
    "Unknown attackers killed a village councillor near Davao.",
    "Gunmen shot dead a magistrate outside his home in Kananga.",
])
def test_violence_against_a_holder_of_a_civil_office_is_an_attack_on_a_civilian(nlp, coder, text):
    assert top_event(code(nlp, coder, text)).acled_sub_event_type == "Attack"


def test_violence_against_a_state_s_forces_stays_a_clash(nlp, coder):
    assert top_event(code(nlp, coder, "Gunmen attacked soldiers guarding a judge in Herat.")).acled_sub_event_type == "Armed clash"


@pytest.mark.parametrize("text, source", [
    # the side that went in, told by the sentence before
    ("On 9 March 2021, in Nakuru, police officers went to a slum to look for a wanted man. A shoot-out "
     "broke out and the man was wounded.", ("KEN", "police")),
    ("On 2 June 2021, soldiers searched farms near Mopti. A gunfight erupted and one assailant died.", ("MLI", "military")),
    # the side told by the clause that says when it broke out
    ("On 4 July 2021, a shoot-out broke out in Soweto when officers stopped a minibus.", ("ZAF", "police")),
    ("On 8 July 2021, an exchange of fire broke out near Kidal as rebels approached a checkpoint.", ("MLI", "rebels")),
])
def test_a_fight_told_with_no_side_takes_the_armed_side_told_nearby(nlp, coder, text, source):
    assert sides(nlp, coder, text)[0] == source



@pytest.mark.parametrize("text, source", [
    # the parser makes "a sniper shot" one noun, its doer a compound of it
    ("On 14 August 2021, a sniper shot and wounded two policemen near Mosul.", ("IRQ", "unknown")),
    ("On 14 August 2021, an Al-Shabaab fighter shot and killed a soldier near Baidoa.", ("SOM", "rebels")),
    # (each word hung on the verb: the name is whose the doer is)
    ("On 2 September 2021, an ELN sniper shot and wounded two soldiers near Cucuta.", ("COL", "rebels")),
])
def test_a_doer_the_parser_compounded_with_its_verb_is_its_source(nlp, coder, text, source):
    assert sides(nlp, coder, text)[0] == source
