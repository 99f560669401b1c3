"""Political events whole articles tell in words the rules did not read (session 26: classes seen in
the probe half of tests/fixtures/articles26 and in TR-News dev articles), and the held-out articles and
wordings written before these changes. Sentences written for these tests; places invented."""

from pathlib import Path

import pytest

from coding_helpers import code, types
from written_articles import report

ARTICLES26 = Path(__file__).parent.parent / "fixtures" / "articles26"
HELD_OUT_WORDINGS = Path(__file__).parent.parent / "fixtures" / "wordings" / "recall26_heldout.tsv"


@pytest.mark.parametrize("text", [
    "The commission rejected the complaint on Tuesday.",
    "The electoral commission denied the accusation and urged parties to respect the count.",
])
def test_a_state_body_named_by_its_kind_is_an_actor(nlp, coder, text):
    # a commission, an electoral board, a senate is a body of the state: its refusals are events
    assert "REJECT" in types(nlp, coder, text)


@pytest.mark.parametrize("text, plover", [
    ("The king condemned the raid on the border post.", "ACCUSE"),
])
def test_a_king_is_a_state_actor(nlp, coder, text, plover):
    assert plover in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "The union called the dismissals an act of revenge by the ministry.",
    "The ruling party described the raids on its offices as a campaign of harassment.",
])
def test_a_name_given_blames_through_what_it_is_of(nlp, coder, text):
    assert "ACCUSE" in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "The club called the new stadium a symbol of pride.",
    'The senator called the report "very detailed".',
])
# (the guards below hold without the changes too: they keep the new readings to their class)
def test_a_name_of_no_blame_is_no_accusation(nlp, coder, text):
    assert "ACCUSE" not in types(nlp, coder, text)


@pytest.mark.parametrize("text, plover", [
    ("The labour minister invited the nurses' union to new talks on Friday.", "REQUEST"),
    ("Ostland objected to the draft statement on fishing rights.", "REJECT"),
])
def test_an_invitation_to_talks_and_an_objection_are_events(nlp, coder, text, plover):
    assert plover in types(nlp, coder, text)


def test_an_objection_of_no_party_is_no_event(nlp, coder):
    assert types(nlp, coder, "Residents objected to the noise from the building site.") == []


@pytest.mark.parametrize("text", [
    "Ostland pledged 20 million dollars in aid to Kelmo.",
    "Ostland will provide Kelmo with 20 million dollars in loans.",
    "Ostland gave the island five million euros in grants last year.",
])
def test_aid_told_by_what_a_sum_is_in_or_what_is_provided_with(nlp, coder, text):
    assert "AID" in types(nlp, coder, text)


def test_a_sum_paid_in_fines_is_no_aid(nlp, coder):
    assert "AID" not in types(nlp, coder, "The firm paid two million dollars in fines.")


@pytest.mark.parametrize("text", [
    "The unions want the fuel tax scrapped.",
])
def test_a_party_that_wants_an_act_done_asks_for_it(nlp, coder, text):
    assert "REQUEST" in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "Dock workers in Kelmo joined the stoppage on Monday.",
    "Bus drivers in Kelmo called a stoppage for Friday.",
])
def test_a_stoppage_is_a_labour_strike(nlp, coder, text):
    assert "PROTEST" in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "The referee added four minutes of stoppage time.",
    "The match resumed after a brief stoppage for an injury.",
])
def test_a_stoppage_in_a_game_is_no_strike(nlp, coder, text):
    assert types(nlp, coder, text) == []


@pytest.mark.parametrize("text, act", [
    ("Ostland recalls its ambassador over the raid; Varnel denies role", "SANCTION"),
    ("Rebels shell the airport; army denies losses", "FIGHT"),
])
def test_a_clause_before_a_semicolon_is_not_what_the_next_one_denies(nlp, coder, text, act):
    # a headline's two statements: the first act is told as done, beside the denial
    events = code(nlp, coder, text)
    assert [e.factuality for e in events if e.type == act] == ["asserted"]
    assert "REJECT" in [e.type for e in events]


def test_a_clause_a_party_denies_is_still_negated(nlp, coder):
    events = code(nlp, coder, "The army denied that rebels had shelled the airport.")
    assert [(e.type, e.factuality) for e in events] == [("FIGHT", "negated")]


@pytest.mark.parametrize("text, plover", [
    ("Varnel blocked the resolution on the disputed islands for a month.", "REJECT"),
    ("Varnel lifted its veto on Thursday night.", "RETREAT"),
    ("The insurgents vowed to sabotage the referendum in the northern provinces.", "THREATEN"),
])
def test_measures_blocked_vetoes_lifted_and_votes_vowed_wrecked(nlp, coder, text, plover):
    assert plover in types(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "The goalkeeper blocked the shot with his legs.",
    "The rebels vowed not to disrupt the vote.",
])
def test_a_shot_blocked_and_a_vow_not_to_wreck_are_no_events(nlp, coder, text):
    assert types(nlp, coder, text) == []


def test_a_guilty_plea_is_a_conviction_of_whoever_pleads(nlp, coder):
    events = code(nlp, coder, "The former governor pleaded guilty to taking bribes from a road builder on Monday.")
    assert [(e.type, e.target.text if e.target else None) for e in events] == [("SANCTION", "The former governor")]


def test_a_plea_of_not_guilty_is_none(nlp, coder):
    assert types(nlp, coder, "The opposition leader pleaded not guilty to treason charges.") == []


# 27 event wordings and 3 with none, written before these changes and never tuned on (see its header):
# 12 of 27 right and 3 of 3 left empty before, 17 and 3 after (2026-12-01); the floors are one below
HELD_OUT_RIGHT_FLOOR = 16 / 27
HELD_OUT_EMPTY_FLOOR = 2


def test_the_rules_read_the_held_out_wordings_of_session_26(nlp, coder):
    lines = HELD_OUT_WORDINGS.read_text(encoding="utf-8").splitlines()
    rows = [tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")]
    assert rows[0] == ("sentence", "plover")
    rows = rows[1:]
    assert len(rows) == 30 and all(len(r) == 2 for r in rows)
    right = empty = nones = 0
    for text, plover in rows:
        found = types(nlp, coder, text)
        if plover == "NONE":
            nones += 1
            empty += not found
        else:
            right += plover in found
    print(f"\nrecall26 held-out wordings: right type {right} of {len(rows) - nones}, left empty {empty} of {nones}")
    assert right / (len(rows) - nones) >= HELD_OUT_RIGHT_FLOOR
    assert empty >= HELD_OUT_EMPTY_FLOOR
