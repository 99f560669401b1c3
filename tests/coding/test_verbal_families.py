"""Families of verbal and law-enforcement wording, each listed from how English news tells the act (not
from one example): blame said hard ("lashed out at", "took aim at", "held responsible"), asking hard,
talks received, backing, refusals, giving in and leaving a post, the courts' punishments and trials,
custody, people driven out of a country, aid rushed or shipped, working together. Each family is paired
with a sense of the same words that is no event. A probe set of one sentence per word
(tests/fixtures/wordings/verbal_families.tsv) and a held-out set written before any of it
(tests/fixtures/wordings/verbal_heldout.tsv) pin what the rules read. Sentences written for these tests;
places invented."""

from pathlib import Path

import pytest

from coding_helpers import code, types


WORDINGS = Path(__file__).parent.parent / "fixtures" / "wordings"
# one sentence for each word or idiom of the families (see its header)
FAMILIES = WORDINGS / "verbal_families.tsv"
# 70 wordings of all 16 PLOVER types written before the families were added and never tuned on
HELD_OUT = WORDINGS / "verbal_heldout.tsv"
# the families' sentences: 110 of 272 right and 39 of 44 left empty before their entries (each round
# measured before its own), 216 and 42 after (2026-11-30), less two sentences of slack
FAMILIES_RIGHT_FLOOR = 0.79
FAMILIES_EMPTY_FLOOR = 0.90
# the held-out set: 47 of 60 right and 8 of 10 left empty when it was written (2026-11-30, before
# the families), 53 and 8 after them, less one sentence
HELD_OUT_RIGHT_FLOOR = 0.86
HELD_OUT_EMPTY_FLOOR = 0.70


def wording_rows(path: Path) -> list[tuple[str, ...]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")]
    assert rows[0] == ("sentence", "plover", "source", "target")
    return rows[1:]


def shares_read(nlp, coder, rows, name: str) -> tuple[float, float]:
    """The share of the event rows whose expected type is among the rules' events, and the share of
    the no-event rows (NONE) the rules leave empty (printed)."""
    right = empty = events = nones = 0
    for text, plover, *_ in rows:
        found = types(nlp, coder, text)
        if plover == "NONE":
            nones += 1
            empty += not found
        else:
            events += 1
            right += plover in found
    print(f"\n{name}: right type {right} of {events}, left empty {empty} of {nones}")
    return right / events, empty / nones


def test_the_wording_files_cover_every_plover_type():
    from eventwire.ontology import default_lexicon

    plover = {spec.type for spec in default_lexicon().verbs.values()}
    for path in (FAMILIES, HELD_OUT):
        rows = wording_rows(path)
        assert all(len(r) == 4 for r in rows)
        assert {r[1] for r in rows} - {"NONE"} <= plover
    assert len({r[1] for r in wording_rows(HELD_OUT)}) == 17  # the 16 types and NONE


def test_the_rules_read_the_families_of_verbal_wording(nlp, coder):
    rows = wording_rows(FAMILIES)
    assert len(rows) >= 200
    right, empty = shares_read(nlp, coder, rows, "families of verbal wording")
    assert right >= FAMILIES_RIGHT_FLOOR
    assert empty >= FAMILIES_EMPTY_FLOOR


def test_the_rules_read_the_held_out_verbal_wordings(nlp, coder):
    rows = wording_rows(HELD_OUT)
    assert len(rows) == 70
    right, empty = shares_read(nlp, coder, rows, "held-out verbal wordings")
    assert right >= HELD_OUT_RIGHT_FLOOR
    assert empty >= HELD_OUT_EMPTY_FLOOR


@pytest.mark.parametrize("text, plover", [
    ("The defence minister of Kelmar stepped down on Friday over the purchase of rifles.", "RETREAT"),
    ("The interior ministry held the militia responsible for the bombing in Tarvo.", "ACCUSE"),
    ("The opposition party lashed out at the cabinet over the price of bread.", "ACCUSE"),
    ("Kelmar's president took aim at the opposition party over the fall of the currency.", "ACCUSE"),
    ("The government brushed aside calls from the opposition for a referendum.", "REJECT"),
    ("Soldiers put the three activists behind bars in Dalo.", "COERCE"),
    ("The journalist was remanded in custody in Kelmo on Monday.", "COERCE"),
    ("The foreign minister received a delegation of rebel commanders in Tarvo.", "CONSULT"),
    ("The government and the rebels opened talks in Tarvo on Monday.", "CONSULT"),
])
def test_verbal_and_custody_wordings_the_lexicon_did_not_read(nlp, coder, text, plover):
    assert plover in types(nlp, coder, text)


@pytest.mark.parametrize("event, plover, no_event", [
    ("The opposition leader blasted the government over the price of bread.", "ACCUSE",
     "The striker blasted the ball into the net in Tarvo."),
    ("The army ruled out a ceasefire with the rebels of Kelmo.", "REJECT",
     "The coach ruled out the injured striker for the rest of the season."),
    ("Kelmar's president took aim at the opposition party over the fall of the currency.", "ACCUSE",
     "The goalkeeper took aim at the far corner of the net."),
    ("The rebels freed the kidnapped engineers in Dalo.", "RETREAT",
     "The hospital in Dalo released the patient on Monday."),
    ("The police of Tarvo and Kelmo worked together to dismantle the network.", "COOPERATE",
     "The volunteer committees of Kelmo work together on the summer festival."),
    ("The president scoffed at the opposition's demands for a recount in Dalo.", "REJECT",
     "The chef scoffed at the idea of a second restaurant in Dalo."),
    ("The authorities suspended the opposition newspaper in Dalo for a month.", "COERCE",
     "The football club of Tarvo suspended its captain for three matches."),
    ("The government of Kelmar stripped the dissident of his citizenship.", "COERCE",
     "The boxer was stripped of his title after the fight in Kelmo."),
    ("The government of Kelmar backed down on the fuel price rise after the protests.", "RETREAT",
     "The council backed down from the parking plan for Dalo."),
    ("The activist has been held in detention in Kelmo since March.", "COERCE",
     "The concert was held in the old prison in Tarvo."),
    ("The city authorities of Dalo prohibited all gatherings in the main square.", "COERCE",
     "The landlord prohibited pets in the flats of Dalo."),
    ("Kelmar closed its embassy in Dalo after the attack on its diplomats.", "SANCTION",
     "The bakery closed its shop in Kelmo after twenty years."),
    ("The governor of Kelmar completed a trade mission to Mexico on Friday.", "CONSULT",
     "The mayor completed a tour of the flooded streets of Kelmo."),
    ("The cabinet of Kelmar embraced the mediators' plan for the disputed district.", "SUPPORT",
     "The football club of Dalo embraced the new kit design."),
    ("Kelmar took in 30,000 refugees fleeing the fighting in Tarvo.", "AID",
     "The bakery in Tarvo took in three new apprentices this year."),
])
def test_each_word_in_its_sense_that_is_an_act_and_in_one_that_is_none(nlp, coder, event, plover, no_event):
    assert plover in types(nlp, coder, event)
    assert code(nlp, coder, no_event) == []


def test_a_court_that_jails_someone_sentences_them(nlp, coder):
    assert types(nlp, coder, "A court in Kelmo jailed the opposition leader for five years.") == ["SANCTION"]
    assert types(nlp, coder, "Police in Kelmo jailed the opposition leader overnight.") == ["COERCE"]


def test_people_driven_out_are_deported_and_envoys_expelled_a_sanction(nlp, coder):
    assert types(nlp, coder, "The government expelled hundreds of migrants across the border at Dalo.") == ["COERCE"]
    assert types(nlp, coder, "The government expelled three diplomats of the neighbouring state.") == ["SANCTION"]


@pytest.mark.parametrize("text, plover", [
    ("The opposition leader went on trial for treason in Tarvo.", "COERCE"),
    ("The former mayor of Dalo received a five-year prison sentence.", "SANCTION"),
])
def test_who_goes_on_trial_or_gets_a_sentence_is_its_target(nlp, coder, text, plover):
    [event] = code(nlp, coder, text)
    assert event.type == plover
    assert event.source is None and event.target is not None and event.target.sector in ("party", "government")


def test_a_vehicle_that_backed_into_a_car_backed_no_one(nlp, coder):
    assert code(nlp, coder, "A delivery van backed into a parked car in the centre of Kelmo.") == []
    assert "SUPPORT" in types(nlp, coder, "The opposition party backed the ceasefire plan for Kelmo.")


def test_praise_among_private_people_is_no_political_support(nlp, coder):
    assert code(nlp, coder, "A teacher in Tarvo praised her pupils for their hard work.") == []
    assert "SUPPORT" in types(nlp, coder, "The president praised the army for its courage in Tarvo.")


def test_a_refusal_to_answer_the_press_is_no_refusal(nlp, coder):
    assert code(nlp, coder, "The defence ministry of Kelmar refused to comment on the report.") == []
    assert types(nlp, coder, "The defence ministry of Kelmar refused to discuss the rebels' offer.") == ["REJECT"]


def test_talks_a_party_will_not_hold_are_a_refusal_to_meet(nlp, coder):
    [event] = code(nlp, coder, "The army of Kelmar said it would not negotiate with the rebels.")
    assert (event.type, event.mode, event.factuality) == ("REJECT", "meet", "asserted")
    assert event.target is not None and event.target.sector == "rebels"
