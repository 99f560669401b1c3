"""Verbal and cooperative acts told in wording no entry lists: a light verb of speaking, dealing or
giving carries any event noun of its kind ("<TYPE>" in the lexicon's light verbs), and forces that
drill or patrol jointly cooperate. A held-out set written before these changes
(tests/fixtures/wordings/verbal24_heldout.tsv) pins what the rules read. Sentences written for these
tests; places invented."""

from pathlib import Path

import pytest

from coding_helpers import code, types

# 120 verbal and cooperative wordings written before these changes and never tuned on (see its header)
HELD_OUT = Path(__file__).parent.parent / "fixtures" / "wordings" / "verbal24_heldout.tsv"
# 62 of 108 right and 10 of 12 left empty when written, 68 and 10 after (2026-12-01), less one sentence
HELD_OUT_RIGHT_FLOOR = 0.62
HELD_OUT_EMPTY_FLOOR = 0.75


def test_the_rules_read_the_held_out_verbal_and_cooperative_wordings(nlp, coder):
    lines = HELD_OUT.read_text(encoding="utf-8").splitlines()
    rows = [tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")]
    assert rows[0] == ("sentence", "plover", "source", "target")
    rows = rows[1:]
    assert len(rows) == 120 and all(len(r) == 4 for r in rows)
    right = empty = nones = 0
    for text, plover, *_ in rows:
        found = types(nlp, coder, text)
        if plover == "NONE":
            nones += 1
            empty += not found
        else:
            right += plover in found
    events = len(rows) - nones
    print(f"\nverbal24 held-out: right type {right} of {events}, left empty {empty} of {nones}")
    assert right / events >= HELD_OUT_RIGHT_FLOOR
    assert empty / nones >= HELD_OUT_EMPTY_FLOOR


@pytest.mark.parametrize("text, plover", [
    # speech nouns no list named with their verb
    ("The Ostland foreign ministry issued a condemnation of the raid on Varnel's embassy.", "ACCUSE"),
    ("The president of Ostland delivered a stinging rebuke to the Varnel government.", "ACCUSE"),
    ("The government of Ostland delivered a warning to Varnel over the troop movements.", "THREATEN"),
    ("Ostland's parliament issued a request to Varnel for the return of the ship.", "REQUEST"),
    # deals told by any deal noun
    ("Ostland and Varnel clinched a non-aggression pact in Tarvo.", "AGREE"),
    ("Envoys of Ostland and Varnel hammered out a pact on fishing rights.", "AGREE"),
    # aid told by any aid noun
    ("The government of Ostland dispatched vaccines to Varnel.", "AID"),
    ("Ostland gave ammunition to the Varnel army.", "AID"),
])
def test_a_light_verb_carries_any_noun_of_its_kind(nlp, coder, text, plover):
    assert plover in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "The company issued a new range of phones in Tarvo.",
    "The singer delivered a moving speech at the wedding in Kelmo.",
    # "gave ... in Dalo" is giving something somewhere, not giving in
    "The shop gave a discount to its customers in Dalo.",
])
def test_a_light_verb_with_no_event_noun_is_no_event(nlp, coder, text):
    assert types(nlp, coder, text) == []


@pytest.mark.parametrize("text", [
    "The armies of Ostland and Varnel staged joint drills near Kelmo.",
    "Ostland and Varnel held combined naval exercises off Dalo.",
    "Ostland and Varnel conducted bilateral patrols along the river.",
])
def test_forces_that_drill_or_patrol_jointly_cooperate(nlp, coder, text):
    assert "COOPERATE" in types(nlp, coder, text)


def test_a_drill_of_one_army_is_a_show_of_force(nlp, coder):
    found = types(nlp, coder, "The Ostland army held large drills near the Varnel border.")
    assert "MOBILIZE" in found and "COOPERATE" not in found


@pytest.mark.parametrize("text", [
    "Ostland and Varnel hammered out a deal on grazing rights.",
    "The governments of Ostland and Varnel thrashed out a truce in Tarvo.",
])
def test_a_deal_hammered_out_is_no_contest_won(nlp, coder, text):
    # "beat out", "hammered out" a rival is a contest; the particle with a deal is its making
    assert "AGREE" in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "A leader of the opposition party was jailed for six years on Tuesday.",
    "A former governor of Varnel was imprisoned for life over the massacre.",
])
def test_one_jailed_for_a_term_was_sentenced(nlp, coder, text):
    assert "SANCTION" in types(nlp, coder, text)


def test_one_jailed_with_no_term_was_detained(nlp, coder):
    found = types(nlp, coder, "Police jailed four opposition activists in Dalo overnight.")
    assert "COERCE" in found and "SANCTION" not in found


@pytest.mark.parametrize("text", [
    "The army of Varnel struck an agreement with the militia over the checkpoints.",
    "Chile struck a deal with Bolivia on the disputed water rights.",  # (a state the actor data knows)
])
def test_a_deal_struck_is_an_agreement_not_an_attack(nlp, coder, text):
    found = types(nlp, coder, text)
    assert "AGREE" in found and "FIGHT" not in found


def test_a_deal_a_firm_struck_with_a_firm_is_business(nlp, coder):
    assert types(nlp, coder, "Kelmo Airways struck a deal with Dalo Motors Ltd on spare parts.") == []


def test_an_alliance_formed_is_cooperation(nlp, coder):
    assert "COOPERATE" in types(nlp, coder, "Ostland and Varnel formed a military alliance against the insurgents.")


@pytest.mark.parametrize("text", [
    "Ostland moved two armoured brigades to its northern border.",
    "The government of Varnel called up 30,000 reservists on Monday.",
    "The president of Ostland put the army on high alert after the border incident.",
    "Varnel's troops were placed on maximum alert along the frontier.",
])
def test_forces_moved_called_up_or_put_on_alert_are_mobilized(nlp, coder, text):
    assert "MOBILIZE" in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "The family moved the furniture to their new house in Kelmo.",
    "The coach called up two young strikers for the match in Tarvo.",
    "The council put the road project on hold in Dalo.",
])
def test_things_moved_players_called_up_and_plans_put_on_hold_are_no_forces(nlp, coder, text):
    assert "MOBILIZE" not in types(nlp, coder, text)


@pytest.mark.parametrize("text, plover, source", [
    ("The rulers of Zandria and Quelm met in Dalo on Sunday.", "CONSULT", "The rulers of Zandria"),
    ("The chief of the Orvan Salt Guild denounced the new levy.", "ACCUSE", "The chief of the Orvan Salt Guild"),
    ("Negotiators demanded the release of the hostages held in Tarvo.", "REQUEST", "Negotiators"),
    ("Mediators pleaded with the two militias to stop fighting near Kelmo.", "REQUEST", "Mediators"),
])
def test_those_who_lead_or_deal_for_a_party_act_for_it(nlp, coder, text, plover, source):
    # a speech act told by no party is left out: the leaders "of" a name the actor data does not know
    # are that party, and go-betweens told alone are a party of no known sector
    event = next(e for e in code(nlp, coder, text) if e.type == plover)
    assert event.source is not None and event.source.text == source


def test_go_betweens_of_a_known_side_are_that_side(nlp, coder):
    event = next(e for e in code(nlp, coder, "Rebel negotiators called for a pause in the fighting.") if e.type == "REQUEST")
    assert event.source.sector == "rebels"



@pytest.mark.parametrize("text", [
    "Kenya and Uganda joined forces against the cattle raiders in the border hills.",
    "The two militias joined forces to resist the army near Kelmo.",
])
def test_parties_that_joined_forces_cooperate(nlp, coder, text):
    assert "COOPERATE" in types(nlp, coder, text)


def test_one_who_joined_the_police_force_is_no_cooperation(nlp, coder):
    assert "COOPERATE" not in types(nlp, coder, "Her son joined the police force in Dalo last year.")


@pytest.mark.parametrize("text", [
    "The interior minister of Varnel announced her resignation after the riots in Kelmo.",
    "The governor of Dalo handed in his resignation to the president on Monday.",
])
def test_a_resignation_told_by_its_noun_is_an_office_left(nlp, coder, text):
    assert "RETREAT" in types(nlp, coder, text)


def test_support_thrown_behind_a_party_is_backing(nlp, coder):
    assert "SUPPORT" in types(nlp, coder, "The ruling party of Varnel threw its support behind the striking dockers.")


@pytest.mark.parametrize("text", [
    "The junta of Varnel ignored calls from the African Union to free the detained ministers.",
    "Ostland disregarded a plea from Varnel to halt the dam project.",
])
def test_a_call_ignored_is_refused(nlp, coder, text):
    assert "REJECT" in types(nlp, coder, text)


def test_a_sign_ignored_is_no_refusal(nlp, coder):
    assert "REJECT" not in types(nlp, coder, "The driver ignored the speed limit on the road to Kelmo.")


@pytest.mark.parametrize("text, plover", [
    ("The army of Varnel staged large manoeuvres near the border with Ostland.", "MOBILIZE"),
    ("Ostland and Varnel held joint war games off the coast of Dalo.", "COOPERATE"),
])
def test_manoeuvres_and_war_games_are_shows_of_force(nlp, coder, text, plover):
    assert plover in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "Egypt warned it could expel the Sudanese ambassador over the dam dispute.",
    "The militia warned that its fighters might storm the town of Kelmo.",
])
def test_a_warning_of_what_the_speakers_side_might_do_is_a_threat(nlp, coder, text):
    assert "THREATEN" in types(nlp, coder, text)


def test_a_warning_of_what_another_side_might_do_is_no_threat(nlp, coder):
    assert "THREATEN" not in types(nlp, coder, "Officials warned that the rebels could attack the town of Kelmo.")
