import pytest

from eventwire.mentions.triggers import find_triggers
from eventwire.ontology import default_lexicon


def triggers(nlp, text):
    doc = nlp(text)
    return [(m.spec.type, m.spec.mode, m.text) for s in doc.sents for m in find_triggers(s, default_lexicon())]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Villagers blocked a convoy of five US military vehicles.", [("PROTEST", "obstruct", "blocked")]),
        ("Turkey has deployed nearly 6,000 troops to Idlib.", [("MOBILIZE", "troops", "deployed")]),
        ("Russia and Turkey agreed a ceasefire on March 5.", [("AGREE", None, "agreed a ceasefire")]),
        ("Russian jets carried out airstrikes on the town of Saraqib.", [("FIGHT", "aerial", "carried out airstrikes")]),
        ("Three civilians were killed in a drone strike near Hit.", [("FIGHT", "drone", "killed in a drone strike")]),
        ("Clashes erupted between the army and militants in Deraa.", [("FIGHT", "small-arms", "Clashes")]),
        ("Police arrested 25 protesters in Baghdad.", [("COERCE", "arrest", "arrested")]),
        ("The EU imposed sanctions on three ministers.", [("SANCTION", None, "imposed sanctions")]),  # PLOVER has no mode for economic sanctions
        ("The UN urged Turkey to withdraw its forces.", [("REQUEST", None, "urged")]),
        ("Damascus accused Ankara of shelling civilian areas.", [("ACCUSE", "disapprove", "accused")]),
        ("Gunmen attacked the village, killing three civilians.", [("ASSAULT", "firearms", "attacked")]),
        ("The rebels seized weapons from the depot.", [("COERCE", "confiscate", "seized")]),
        ("The rebels seized the town of Kafr Nabl.", [("FIGHT", "occupy", "seized")]),
    ],
)
def test_triggers(nlp, text, expected):
    assert triggers(nlp, text) == expected


def test_reporting_verbs_are_not_events(nlp):
    assert triggers(nlp, "The ministry said the situation was calm, according to state media.") == []


def test_a_warning_about_others_reports_their_act_but_about_ones_own_side_is_a_threat(nlp):
    assert [t for t, _, _ in triggers(nlp, "Ukrainian officials warned that Russia could strike the port again.")] == ["FIGHT"]
    assert [t for t, _, _ in triggers(nlp, "Turkish Defence Minister Hulusi Akar warned that Turkish troops would enter Sinjar.")] == ["THREATEN"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # background in relative clauses, "since" clauses, habits and adjectives
        ("Police released six students who had been detained at a hospital.", [("RETREAT", "release", "released")]),
        ("Civilians have fled north since the offensive began, the UN said.", []),
        ("Al Shabaab often targets hotels in the capital.", []),
        ("Ambulances ferried the wounded to hospitals.", []),
        # conditions and purposes of another event
        ("Bamako would ask Russia for help if the attacks continued.", [("REQUEST", None, "ask")]),
        ("More than 500 demonstrators rallied in Sinjar to protest against Turkey.", [("PROTEST", "demo", "rallied")]),
        # a source who asked not to be named makes no request; meeting a demand is no meeting
        ("The gunmen torched houses, according to the lawmaker, who asked not to be named.", [("ASSAULT", "destroy", "torched")]),
        ("Duque agreed to withdraw the bill, meeting the protesters' main demand.", [("AGREE", None, "agreed")]),
    ],
)
def test_background_conditions_and_purposes_are_not_events(nlp, text, expected):
    assert triggers(nlp, text) == expected
