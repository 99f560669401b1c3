"""Violence told as suffered by its target ("the town suffered shelling", "bombings at the hands of
the militants"), on sentences written for these tests."""

import pytest

from coding_helpers import code



@pytest.mark.parametrize("text, doer, target", [
    ("Ostland has suffered a series of deadly bombings at the hands of separatist militants.", "separatist militants", "Ostland"),
    ("The opposition suffered attacks at the hands of the ruling party's militia.", "the ruling party's militia", "The opposition"),
    ("The eastern district endured heavy shelling from government forces overnight.", "government forces", None),
])
def test_violence_suffered_is_an_act_on_its_subject_by_whom_it_came_from(nlp, coder, text, doer, target):
    events = code(nlp, coder, text)
    assert len(events) == 1
    ev = events[0]
    assert ev.type in ("ASSAULT", "FIGHT")
    assert ev.source is not None and ev.source.text == doer
    assert (ev.target.text if ev.target is not None else None) == target


def test_a_defeat_suffered_is_no_violence(nlp, coder):
    assert code(nlp, coder, "The home side suffered a heavy defeat in Kelmar on Sunday.") == []


@pytest.mark.parametrize("text", [
    "Separatist rebels carried out a bombing in the market of Kelmar.",
    "Ostland has suffered fatal bombings at the hands of jihadist militants.",
])
def test_an_armed_groups_bombing_is_a_planted_bomb(nlp, coder, text):
    ev = code(nlp, coder, text)[0]
    assert (ev.type, ev.mode, ev.acled_sub_event_type) == ("ASSAULT", "explosives", "Remote explosive/landmine/IED")


@pytest.mark.parametrize("text", [
    "Government jets carried out a bombing of rebel positions in Kelmar.",
    "Ostlandic warplanes continued the bombing of the rebel district.",
])
def test_a_bombing_from_the_air_stays_an_airstrike(nlp, coder, text):
    ev = code(nlp, coder, text)[0]
    assert (ev.type, ev.mode) == ("FIGHT", "aerial")
