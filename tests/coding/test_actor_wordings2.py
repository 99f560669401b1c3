"""Who did it and to whom when the parser may lose the doer, on sentences written for these tests:
country and sector of the top event's source and target, and their ACLED inter codes."""

from pathlib import Path

from eventwire.acled import acled_actor
from eventwire.evaluation.acled import top_event
from eventwire.ontology import SECTORS
from coding_helpers import code

# 50 sentences written before session 23's actor changes and never tuned on (see its header)
HELD_OUT = Path(__file__).parent.parent / "fixtures" / "wordings" / "actors_heldout2.tsv"
# source 33, target 32, inter 1 38, inter 2 42 before session 23's changes and the same after them (its
# fixes, of shoot-outs told with no side, armed community people and doers compounded with their verb,
# moved none of these sentences): the floors are one sentence below
SOURCE_FLOOR, TARGET_FLOOR, INTER1_FLOOR, INTER2_FLOOR = 32, 31, 37, 41


def _right(actor, country: str, sector: str) -> bool:
    if not sector:
        return actor is None
    return actor is not None and (actor.country or "") == country and actor.sector == sector


def _inter(event, role: int, country: str) -> int:
    return acled_actor(event, role, country)[1] if event is not None else 0


def test_the_rules_read_lost_doers_in_the_held_out_wordings(nlp, coder):
    lines = HELD_OUT.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")][1:]
    assert len(rows) == 50 and {r[2] for r in rows} | {r[4] for r in rows} <= {"", *SECTORS}
    source = target = inter1 = inter2 = 0
    for text, source_country, source_sector, target_country, target_sector, gold1, gold2 in rows:
        top = top_event(code(nlp, coder, text))
        country = target_country or source_country  # where it happened: the target's ground
        source += top is not None and _right(top.source, source_country, source_sector)
        target += top is not None and _right(top.target, target_country, target_sector)
        inter1 += _inter(top, 1, country) == int(gold1)
        inter2 += _inter(top, 2, country) == int(gold2)
    print(f"\nactor held-out 2: {len(rows)} sentences; source {source}, target {target}, "
          f"inter1 {inter1}, inter2 {inter2}")
    assert source >= SOURCE_FLOOR and target >= TARGET_FLOOR
    assert inter1 >= INTER1_FLOOR and inter2 >= INTER2_FLOOR
