"""Where an act of a whole article is put when its sentence names several places or none: not at a
country named as a party beside it (session 24; new wording, invented events in real places)."""

import pytest

from eventwire.coder import Coder
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def rules():
    return Pipeline(coder=Coder(classifier=None))


def violent(pipeline, text):
    return [e for e in pipeline.extract(text, published="2022-03-09") if e.type in ("FIGHT", "ASSAULT")]


@pytest.mark.parametrize(
    "text",
    [
        # a possessor
        "Gunmen attacked a police post in Garissa on Sunday.\nLater, gunmen ambushed a bus, killing four passengers, Kenya's state broadcaster reported.",
        # the subject of another clause, and a whole ("the government of")
        "Rebels seized the town of Rutshuru on Monday.\nOn Tuesday, rebels shelled army positions, killing six soldiers, as Rwanda denied any role.",
        "Rebels seized the town of Rutshuru on Monday.\nOn Tuesday, rebels loyal to the government of Rwanda shelled army positions, killing six soldiers.",
        # an origin of the doers
        "Police broke up a rally in Garissa on Sunday.\nHours later, militiamen from Somalia ambushed a bus, killing four passengers.",
    ],
)
def test_a_country_told_as_a_party_leaves_the_act_where_the_story_is(rules, text):
    act = violent(rules, text)[-1]
    assert act.place.geo_precision != "country" and act.place.name in ("Garissa", "Rutshuru")


@pytest.mark.parametrize(
    "text, country",
    [
        ("Gunmen killed four police officers in Garissa on Sunday.\nKenya has suffered a wave of deadly attacks by Islamist militants since 2011.", "KEN"),
        ("A suicide bomber killed six worshippers at a mosque in Quetta on Friday.\nPakistan has suffered repeated bombings by separatists this year.", "PAK"),
    ],
)
def test_a_country_that_suffered_the_acts_is_where_they_happened_not_the_last_town(rules, text, country):
    background = violent(rules, text)[-1]
    assert (background.place.geo_precision, background.place.country) == ("country", country)
