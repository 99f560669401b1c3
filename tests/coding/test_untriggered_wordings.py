"""Events that news tells in words the rules once read as none: a bomb left, a prosecution,
someone held in custody, losses on both sides, a meeting told as over (end to end on sentences
written for these tests)."""

import pytest


@pytest.fixture(scope="module")
def pipe():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    return Pipeline(coder=Coder(classifier=None))


def _events(pipe, text):
    return [(e.type, e.mode) for e in pipe.extract(text, published="2021-05-05")]


@pytest.mark.parametrize(
    "text",
    [
        # what the thing left holds is what was left
        "Police said the man left a rucksack with explosives at the Christmas market in Tarvo.",
        "A car packed with explosives was left outside the army barracks in Kelmo.",
    ],
)
def test_a_bomb_left_is_an_attack_and_other_things_left_are_not(pipe, text):
    assert ("ASSAULT", "explosives") in _events(pipe, text)
    assert _events(pipe, "She left a bag with her keys at the front desk of the Tarvo library.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors in Tarvo launched criminal proceedings against the opposition leader.",
        "The ministry said proceedings had been brought against two Kelmo officials over the deal.",
    ],
)
def test_proceedings_begun_are_an_investigation(pipe, text):
    assert ("ACCUSE", "investigate") in _events(pipe, text)


def test_one_told_to_be_in_custody_is_held_but_not_a_child_in_its_family_s(pipe):
    events = pipe.extract("Two opposition activists remain in custody in Kelmo, their lawyer said.",
                          published="2021-05-05")
    held = [(e.type, e.mode, e.target and e.target.text) for e in events]
    assert held == [("COERCE", "arrest", "Two opposition activists")]
    assert _events(pipe, "The boy is in the custody of his grandparents in Tarvo.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Deaths were reported on both sides on Monday near Kelmo.",
        "There were heavy casualties on both sides, a Tarvo army spokesman said.",
    ],
)
def test_losses_on_both_sides_tell_a_fight_but_not_on_both_sides_of_a_river(pipe, text):
    assert ("FIGHT", "small-arms") in _events(pipe, text)
    assert _events(pipe, "The floods caused deaths on both sides of the river near Dalo.") == []


@pytest.mark.parametrize(
    "text",
    [
        "After his meeting with the Kelmo president, the Tarvo envoy flew home.",
        "Following talks with rebel leaders in Dalo, the minister said a truce was possible.",
    ],
)
def test_a_meeting_told_as_over_was_held_but_not_one_left_with_a_smile(pipe, text):
    assert [t for t, _ in _events(pipe, text)] == ["CONSULT"]
    assert _events(pipe, "The Tarvo mayor left the meeting with a smile.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Kelmo president said he told the Tarvo leader to stop the raids on the border.",
        "Kelmo ordered Tarvo to withdraw its ambassador within two days.",
        "The council instructed the rebels to hand over their weapons by Friday.",
    ],
)
def test_telling_another_party_to_act_is_a_request_but_not_telling_ones_own_or_anyone(pipe, text):
    assert "REQUEST" in [t for t, _ in _events(pipe, text)]
    # one's own forces, people in general, a private person: no party asked
    for other in ("The general ordered his troops to withdraw from Dalo.",
                  "Police told residents of Tarvo to stay indoors.", "Doctors told him to rest for a week."):
        assert "REQUEST" not in [t for t, _ in _events(pipe, other)]


@pytest.mark.parametrize(
    "text, etype, doer",
    [
        # a hyphen splits the verb, and the parser hangs its subject on "has"/"have"
        ("The army has re-imposed a curfew on Tarvo and arrested ten protesters.", "COERCE", "The army"),
        ("Kelmo and Tarvo have co-sponsored the evacuation of civilians from Dalo and also discussed new talks.",
         "CONSULT", "Kelmo"),
        ("The ministers of Kelmo have co-signed a letter and condemned the attack on the Tarvo embassy.",
         "ACCUSE", "The ministers of Kelmo"),
    ],
)
def test_a_subject_the_parser_hung_on_the_auxiliary_is_the_verbs(pipe, text, etype, doer):
    events = pipe.extract(text, published="2021-05-05")
    assert (etype, doer) in [(e.type, e.source and e.source.text) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "The Kelmo foreign minister said Tarvo was seeking to destabilise the region.",
        "Officials said the militants were attempting to derail the elections in Dalo.",
    ],
)
def test_a_party_said_to_try_a_wrong_is_blamed_but_not_the_speakers_own_side_or_a_repair(pipe, text):
    assert "ACCUSE" in [t for t, _ in _events(pipe, text)]
    for other in ("The army said it was trying to derail the rebels' plans for Dalo.",
                  "Engineers said they were attempting to repair the Tarvo bridge.",
                  "Officials said the storm derailed a freight train near Kelmo."):
        assert _events(pipe, other) == []


def test_talks_told_again_without_their_sides_are_the_last_talks(pipe):
    text = "Kelmo and Tarvo held talks on the border in Dalo on Monday. Talks were to continue on Tuesday."
    talks = [(e.trigger, e.source and e.source.text, e.target and e.target.text)
             for e in pipe.extract(text, published="2021-05-05") if e.type == "CONSULT"]  # fmt: skip
    assert talks == [("held talks", "Kelmo", "Tarvo"), ("Talks", "Kelmo", "Tarvo")]
    # a meeting no talks came before names no one
    assert _events(pipe, "A meeting was to begin on Tuesday in Dalo.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of Tarvo residents attended a rally against the new mine on Saturday.",
        "The opposition leader spoke at a vigil for the victims of the crackdown in Kelmo.",
        "She made an appearance at a protest outside the Dalo parliament on Friday.",
    ],
)
def test_being_at_a_protest_is_taking_part_but_not_being_at_a_concert_or_a_dinner(pipe, text):
    assert "PROTEST" in [t for t, _ in _events(pipe, text)]
    assert _events(pipe, "Hundreds attended a concert in the Tarvo park on Saturday.") == []
    assert _events(pipe, "The mayor spoke at a dinner for local businesses in Kelmo.") == []
