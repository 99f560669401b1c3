"""ACLED's actor 1 on sentences written for these tests: its country and inter code, read from the
top event with the rules alone, the event's place giving the country where it happened (as the ACLED
evaluation reads it)."""

from pathlib import Path

from eventwire.acled import acled_actor
from eventwire.evaluation.acled import top_event
from coding_helpers import code

# 80 sentences written before session 25's actor changes and never tuned on (see its header)
HELD_OUT = Path(__file__).parent.parent / "fixtures" / "wordings" / "actor1_heldout.tsv"
# country 68, inter 57 before session 25's changes; country 72, inter 60 after them (an armed group of
# the country it acts in, 'congress' of the story's country, 'fighter jets' a state's aircraft, a mob as
# rioters; one held-out sentence showed a flaw of the people-in-arms rule, fixed as a class and
# reported: inter 59 without that fix). The floors are one sentence below.
COUNTRY_FLOOR, INTER_FLOOR = 71, 59


def test_the_rules_read_actor1_in_the_held_out_wordings(nlp, coder):
    lines = HELD_OUT.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")][1:]
    assert len(rows) == 80 and all(len(r) == 4 and 1 <= int(r[3]) <= 8 for r in rows)
    country = inter = 0
    for text, _where, gold_country, gold_inter in rows:
        top = top_event(code(nlp, coder, text))
        got = acled_actor(top, 1, top.place.country if top.place else None) if top is not None else (None, 0)
        country += got[0] == gold_country
        inter += got[1] == int(gold_inter)
    print(f"\nactor 1 held-out: {len(rows)} sentences; country {country}, inter {inter}")
    assert country >= COUNTRY_FLOOR and inter >= INTER_FLOOR
