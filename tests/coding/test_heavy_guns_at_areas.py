"""Heavy guns fired at an area, no one named as hit, are ACLED's shelling; a rifle, a bare machine gun
or heavy guns fired at an armed side are not (session 29; sentences written for these tests,
invented places)."""

import pytest

from eventwire.evaluation.acled import top_event
from coding_helpers import code


def top_sub_event(nlp, coder, text):
    top = top_event(code(nlp, coder, text))
    return top and top.acled_sub_event_type


@pytest.mark.parametrize("text", [
    "On 5 May 2022, loyalist forces fired 12.7mm machine guns at orchards south of Parvo. Nobody was hurt.",
    "On 8 May 2022, insurgent forces reportedly fired heavy machine guns at the old quarter of Lesk town.",
])
def test_heavy_guns_fired_at_an_area_are_shelling(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Shelling/artillery/missile attack"


@pytest.mark.parametrize("text, expected", [
    # a light weapon at a crowd is an attack on it
    ("On 9 May 2022, two gunmen fired a machine gun at guests of a funeral in Orvat, wounding three.", "Attack"),
    # heavy guns aimed at a checkpoint meet the armed men who hold it
    ("On 10 May 2022, militants fired heavy machine guns at a police checkpoint near Orvat.", "Armed clash"),
])
def test_other_gunfire_keeps_its_reading(nlp, coder, text, expected):
    assert top_sub_event(nlp, coder, text) == expected
