"""Acts told in wordings the lexicon read no other way: violence counted by those who witnessed it,
on sentences written for these tests (invented places)."""

import pytest

from eventwire.article import Article
from eventwire.document import Document


def code(nlp, coder, text):
    return coder.code(Document(Article("t", text), nlp(text)))


@pytest.mark.parametrize("text, sub_event", [
    ("On 6 May 2020, monitors recorded 30 explosions near Tarvo.", "Shelling/artillery/missile attack"),
    ("Residents reported several explosions in the eastern part of Kelmo overnight.", "Shelling/artillery/missile attack"),
    ("Observers heard 14 explosions near Dalo on Tuesday.", "Shelling/artillery/missile attack"),
    ("Several explosions were heard near Kelmo overnight.", "Shelling/artillery/missile attack"),
    ("The patrol observed 22 explosions and 40 bursts of gunfire near Tarvo.", "Armed clash"),
    ("Villagers heard heavy gunfire and explosions near Dalo on Sunday night.", "Armed clash"),
])
def test_explosions_counted_by_witnesses_are_fire_from_afar_or_an_exchange(nlp, coder, text, sub_event):
    evs = code(nlp, coder, text)
    assert [e.acled_sub_event_type for e in evs] == [sub_event]
    assert evs[0].source is None  # the witnesses did not do it


@pytest.mark.parametrize("text", [
    "The monitors recorded an explosion near Kelmo.",
    "A roadside bomb exploded near Tarvo and observers heard two explosions.",
])
def test_one_blast_or_a_named_device_keeps_the_device_reading(nlp, coder, text):
    evs = code(nlp, coder, text)
    assert evs and evs[0].acled_sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("text", [
    "Clan violence erupted in Kelmo, leaving at least 4 people dead.",
    "Gang violence in Dalo caused at least six deaths.",
    "Communal violence broke out in the village of Tarvo after a killing the day before.",
    "Fighting between rival clans in Tarvo left five dead.",
    "Hundreds of families fled Tarvo after clashes between the army and rebels.",
    "Families evacuated after the eruption of hostilities between two rival clans in Dalo.",
])
def test_fighting_between_groups_told_by_its_noun_is_a_clash(nlp, coder, text):
    evs = code(nlp, coder, text)
    assert [(e.type, e.acled_sub_event_type) for e in evs] == [("FIGHT", "Armed clash")]


@pytest.mark.parametrize("text", [
    "The council discussed ways to curb gang violence in Kelmo.",
    "The council discussed ways to curb shootings in Kelmo.",
    "Gang violence is a growing problem in the city, the mayor said.",
])
def test_violence_spoken_of_as_a_problem_is_no_event(nlp, coder, text):
    assert code(nlp, coder, text) == []
