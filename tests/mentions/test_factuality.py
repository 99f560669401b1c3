import pytest

from eventwire.mentions.factuality import factuality
from eventwire.mentions.triggers import find_triggers
from eventwire.ontology import default_lexicon


def code(nlp, text):
    doc = nlp(text)
    out = []
    for sent in doc.sents:
        for m in find_triggers(sent, default_lexicon()):
            out.append((m.spec.type, factuality(m.head)))
    return out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Villagers blocked a US convoy near Qamishli on Thursday.", [("PROTEST", "asserted")]),
        ("The US reversed an earlier decision to pull out all of its troops.", [("RETREAT", "reversed")]),
        ("Turkish troops did not fire on the protesters.", [("ASSAULT", "negated")]),
        ("The army denied attacking the village.", [("ASSAULT", "negated")]),
        ("Israel could strike Iranian positions in Syria, officials warned.", [("FIGHT", "hypothetical")]),
        ("If talks fail, the rebels would attack the city.", [("ASSAULT", "hypothetical")]),
        ("Russia plans to deploy more troops to Tartus.", [("MOBILIZE", "future")]),
        ("The two foreign ministers will meet in Moscow next week.", [("CONSULT", "future")]),
        ("The government called off the military parade after protesters rallied.", [("PROTEST", "asserted")]),
    ],
)
def test_factuality(nlp, text, expected):
    assert code(nlp, text) == expected


@pytest.mark.parametrize(
    "text, refusal",
    [
        ("The council will not accept the offer.", True),
        ("The union won't agree to the new rota.", True),
        ("The union did not agree to the new rota.", False),  # a report that it did not happen
        ("The union will agree to the new rota.", False),
    ],
)
def test_a_negated_act_with_a_modal_of_will_is_a_refusal(nlp, text, refusal):
    from eventwire.mentions.factuality import refuses

    doc = nlp(text)
    head = next(t for t in doc if t.lemma_ in ("accept", "agree"))
    assert refuses(head) is refusal


@pytest.mark.parametrize(
    "text, refusal",
    [
        # ground not given by will is refused; "could not" may tell that it was not possible
        ("The army would not withdraw from the valley.", True),
        ("The army could not withdraw from the valley.", False),
        ("The army did not withdraw from the valley.", False),
    ],
)
def test_only_a_modal_of_will_refuses_to_give_ground(nlp, text, refusal):
    from eventwire.mentions.factuality import refuses

    head = next(t for t in nlp(text) if t.lemma_ == "withdraw")
    assert refuses(head, ability=False) is refusal


def test_ground_a_party_will_not_give_is_a_refusal_to_yield():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    for text in ("The Kelmo government said it would not withdraw its troops from Dalo.",
                 "The Tarvo army won't release the prisoners until the talks resume."):
        (refusal,) = pipe.extract(text, published="2021-05-10")
        assert (refusal.type, refusal.mode, refusal.factuality) == ("REJECT", "yield", "asserted")
    (unable,) = pipe.extract("The Kelmo army could not withdraw its troops from Dalo.", published="2021-05-10")
    assert (unable.type, unable.factuality) == ("RETREAT", "negated")


def test_an_act_named_as_the_time_of_a_denial_is_not_denied(nlp):
    # "after the riots" tells when; the governing verb's refusal or denial is not of the riots
    assert ("PROTEST", "asserted") in code(nlp, "The minister dismissed the police chief after the riots in Tarvo.")
    assert ("FIGHT", "asserted") in code(nlp, "The rebels refused to negotiate after the clashes near Kelmo.")


def test_an_act_offered_is_not_yet_done(nlp):
    # an offer is a proposal until taken up: the withdrawal or release offered did not happen
    assert code(nlp, "Velaria offered to withdraw its troops from the border.") == [("RETREAT", "hypothetical")]
    assert code(nlp, "The rebels offered to release the hostages in Kelmo.") == [("RETREAT", "hypothetical")]


def test_an_act_a_party_denies_its_part_in_happened(nlp):
    # the denial is of one's part, not of the act: the bombing happened, and is its own event
    assert code(nlp, "The rebels denied responsibility for the bombing in Kelmo on Monday.") == [
        ("REJECT", "asserted"), ("FIGHT", "asserted")]
