"""What a message says is said by whoever sent it, to whom it went, and what a crowd demands where it
went is the crowd's: on sentences written for these tests (invented places and people)."""

import pytest

from coding_helpers import code


def said(nlp, coder, text, etype):
    ev = next(e for e in code(nlp, coder, text) if e.type == etype)
    f = lambda a: None if a is None else a.sector  # noqa: E731
    return f(ev.source), f(ev.target)


@pytest.mark.parametrize("text, etype, source, target", [
    # the parser hangs the participle on the addressee: the addressee did not ask it
    ("The opposition party sent a letter to the interior minister demanding a recount in Tarvo.",
     "REQUEST", "party", "government"),
    ("The teachers' union delivered a petition to the governor calling for higher pay.",
     "REQUEST", "protesters", "government"),
    # a pronoun object of what the message asks is its addressee
    ("Villagers handed a complaint to the district commissioner urging him to reopen the clinic.",
     "REQUEST", "civilians", "government"),
    # (guards, right before the rule too: a plea's "it" read from the sentence, a blame's own object)
    ("The mayor made a plea to the provincial government on Friday, asking it to send troops to Kelmo.",
     "REQUEST", "government", "government"),
    # whom the message blames is its target, not its addressee
    ("The union sent a letter to the labour minister accusing the police of beating strikers.",
     "ACCUSE", "protesters", "police"),
])
def test_a_message_s_words_are_its_sender_s_to_its_addressee(nlp, coder, text, etype, source, target):
    assert said(nlp, coder, text, etype) == (source, target)


@pytest.mark.parametrize("text", [
    "Nurses marched to the health ministry demanding overdue wages.",
    "Thousands of farmers drove into the capital on Monday demanding cheaper diesel.",
])
def test_where_a_crowd_went_asks_nothing_the_crowd_does(nlp, coder, text):
    # the parser hangs the marchers' demand on where they went
    source, _ = said(nlp, coder, text, "REQUEST")
    assert source in ("protesters", "civilians")
