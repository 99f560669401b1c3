"""To whom an act was done, on sentences written for these tests: classes of target that real
reports showed read wrong (session 24, target24)."""

import pytest

from eventwire.evaluation.acled import top_event
from coding_helpers import code


def _target(nlp, coder, text):
    top = top_event(code(nlp, coder, text))
    return None if top is None or top.target is None else top.target


@pytest.mark.parametrize(
    "text, sector",
    [
        # a site a force holds, told with its holder by "of" or "belonging to", stands for the holder
        ("Fighter jets bombed the headquarters of the insurgents outside Vorsk.", "rebels"),
        ("The militia shelled two bunkers belonging to the army on the ridge.", "military"),
        ("Insurgents stormed the barracks of the gendarmerie in Tarvo at dawn.", "police"),
        ("Mortar rounds hit a base of the rebels in the hills above Dunval.", "rebels"),
    ],
)
def test_a_site_stands_for_its_holder(nlp, coder, text, sector):
    target = _target(nlp, coder, text)
    assert target is not None and target.sector == sector


def _parsed(nlp, words, heads, deps, tags, lemmas):
    """A sentence as the parser may read it, built by hand (the reading is the parser's to choose)."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas)


def test_a_hedged_target_the_parser_made_a_verb_is_still_the_target(nlp):
    # "jets conducted raids targeting presumed Kelmo Front positions": "presumed" read as a verb of
    # its own under "targeting", the positions its object; they are what the raids targeted
    from eventwire.coding.roles import aimed_at

    words = ["jets", "conducted", "raids", "targeting", "presumed", "Front", "positions"]
    doc = _parsed(nlp, words, heads=[1, 1, 1, 2, 3, 6, 4],
                  deps=["nsubj", "ROOT", "dobj", "acl", "xcomp", "compound", "dobj"],
                  tags=["NNS", "VBD", "NNS", "VBG", "VBN", "NNP", "NNS"],
                  lemmas=["jet", "conduct", "raid", "target", "presume", "Front", "position"])  # fmt: skip
    target = aimed_at(doc[2])
    assert target is not None and target.text == "positions"


@pytest.mark.parametrize(
    "text, sector",
    [
        # an act told with no object, joined to a throw or a fire set at someone: what was thrown or
        # set is the means, whom it was aimed at the target ("assaulted and pelted stones at ...")
        ("A crowd of youths assaulted and pelted stones at a gendarmerie patrol in Vorsk.", "police"),
        ("Villagers attacked and hurled rocks at soldiers guarding the bridge at Tarvo.", "military"),
        ("Armed men attacked and set fire to a police post outside Kelmo.", "police"),
    ],
)
def test_whom_a_joined_throw_was_aimed_at_is_the_target(nlp, coder, text, sector):
    target = _target(nlp, coder, text)
    assert target is not None and target.sector == sector


@pytest.mark.parametrize(
    "text, sector",
    [
        # but an act with a party of its own keeps it: the stones were thrown in the fight with them,
        # or on a road (read as aimed at whatever the throw names, these lost the party)
        ("Traders clashed with the gendarmes and pelted stones at them in Vorsk.", "police"),
        ("Youths clashed with soldiers and threw stones on the main road of Tarvo.", "military"),
    ],
)
def test_a_joined_throw_leaves_an_acts_own_party(nlp, coder, text, sector):
    target = _target(nlp, coder, text)
    assert target is not None and target.sector == sector


@pytest.mark.parametrize(
    "text, inter",
    [
        # an international body's force attacked is no civilian target: ACLED's external forces (8)
        ("Jihadists ambushed a convoy of peacekeepers on the road out of Tarvo, Mali.", 8),
        ("Gunmen opened fire on a patrol of African Union troops near Vorsk, Somalia.", 8),
        # its staff are civilians still
        ("Gunmen shot dead a UN aid worker outside Tarvo, Mali.", 7),
    ],
)
def test_an_international_force_attacked_is_an_external_force(nlp, coder, text, inter):
    from eventwire.acled import acled_actor

    top = top_event(code(nlp, coder, text))
    assert top is not None and acled_actor(top, 2, "MLI")[1] == inter


def test_a_sites_word_before_another_noun_says_where_not_who(nlp):
    # "the bunker entrance" is a place at the bunker, no force's (as "a checkpoint queue" is no one's)
    from eventwire.mentions.actors import default_actor_index, resolve_actor

    doc = nlp("Conscripts angry over their pay burned tyres at the bunker entrance in Tarvo.")
    entrance = next(t for t in doc if t.text == "entrance")
    actor = resolve_actor(entrance, default_actor_index(), context_country="MLI")
    assert actor is None or actor.sector not in ("military", "police", "rebels")


@pytest.mark.parametrize("text, target", [
    ("Opposition spokesman detained on eve of walkout", "Opposition spokesman"),
    ("Three reporters arrested over satirical video", "Three reporters"),
])
def test_a_headline_told_in_the_passive_with_no_doer_names_its_target(nlp, coder, text, target):
    event = next(e for e in code(nlp, coder, text) if e.type == "COERCE")
    assert event.source is None and event.target is not None and event.target.text == target


def test_a_sentence_of_prose_keeps_its_subject_as_the_doer(nlp, coder):
    event = next(e for e in code(nlp, coder, "Police detained the strike leader on the eve of the walkout.") if e.type == "COERCE")
    assert event.source is not None and event.source.text == "Police"


@pytest.mark.parametrize(
    "text, target_text",
    [
        # a time the act was told at, hung on the verb, is no one it was done to: the target is what
        # the act's noun is aimed at ("launched an attack on X at dawn")
        ("Soldiers launched an attack on the rebel base at dawn.", "the rebel base"),
        ("Troops launched an offensive against the rebels at daybreak.", "the rebels"),
        ("Police opened fire on the protesters at around 3 pm.", "the protesters"),
    ],
)
def test_a_time_of_day_is_no_target(nlp, coder, text, target_text):
    target = _target(nlp, coder, text)
    assert target is not None and target.text == target_text
