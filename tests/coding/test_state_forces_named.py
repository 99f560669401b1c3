"""States' forces as ACLED codes them, on sentences written for these tests: two states' forces told
together in one fight (a class ACLED's coding of dev notes showed in the wrong order), and one member
of a force the actor data names in the plural (session 29, actors29)."""

import pytest

from coding_helpers import code

from eventwire.acled import acled_actor
from eventwire.evaluation.acled import top_event


def sides(nlp, coder, text):
    event = top_event(code(nlp, coder, text))
    assert event is not None
    where = event.place.country if event.place else None
    return acled_actor(event, 1, where), acled_actor(event, 2, where)


@pytest.mark.parametrize(
    "text, first, second",
    [
        # named side by side, neither told as beginning it: the forces of the country where it
        # happened are actor 1 (state forces), the other state's actor 2 (external forces); each
        # of the country its own word names, though the second's word splits the first's phrase
        ("On 2 March 2022, Uzbek and Kyrgyz soldiers exchanged fire near the town of Osh.", ("KGZ", 1), ("UZB", 8)),
        ("On 2 March 2022, troops of Uzbekistan and Kyrgyzstan clashed outside Osh.", ("KGZ", 1), ("UZB", 8)),
        # one side told as doing it keeps its place, the home side's forces hit by it
        ("On 2 March 2022, Uzbek soldiers fired on a Kyrgyz army patrol near Osh.", ("UZB", 8), ("KGZ", 1)),
    ],
)
def test_the_home_forces_come_first_when_told_together(nlp, coder, text, first, second):
    assert sides(nlp, coder, text) == (first, second)


@pytest.mark.parametrize(
    "text, inters",
    [
        # one member of a force the actor data names in the plural ("border guards", "security
        # agents") is of that force, no unidentified armed man and no civilian
        ("On 2 March 2022, gunmen shot dead a border guard at a crossing near Osh.", (3, 1)),
        ("On 2 March 2022, a border guard beat a trader at a crossing near Osh.", (1, 7)),
        ("On 2 March 2022, a security agent was stabbed by an unknown man in a market in Osh.", (3, 1)),
    ],
)
def test_one_member_of_a_force_named_in_the_plural(nlp, coder, text, inters):
    first, second = sides(nlp, coder, text)
    assert (first[1], second[1]) == inters
