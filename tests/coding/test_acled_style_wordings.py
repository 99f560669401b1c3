"""Acts told in the wordings of ACLED-style notes, wire copy, monitors' and police statements and
headlines, on sentences written for these tests (invented places): a probe set of every ACLED
sub-event type (tests/fixtures/wordings/acled_style.tsv), and the classes of wording it showed
the rules did not read."""

from collections import Counter
from pathlib import Path

import pytest

from eventwire.acled import SUB_EVENT_PLOVER
from eventwire.evaluation.acled import top_event
from coding_helpers import code

WORDINGS = Path(__file__).parent.parent / "fixtures" / "wordings"
PROBE = WORDINGS / "acled_style.tsv"
# wordings written after the fixes and never tuned on (see its header)
HELD_OUT = WORDINGS / "acled_style_heldout.tsv"
# one sentence for each word or idiom of the families of conflict wording (see its header)
FAMILIES = WORDINGS / "acled_style_families.tsv"
# 60 wordings written before the families were added and never tuned on (see its header)
HELD_OUT_2 = WORDINGS / "acled_style_heldout2.tsv"
# what the rules reached on the probe set when these floors were set (2026-11-30: 141 and 158 of
# 168, from 115 and 142 before the fixes), less two sentences of slack: a change that loses more
# reads fewer wordings
RIGHT_SUB_EVENT_FLOOR = 0.827
ANY_EVENT_FLOOR = 0.928
# the held-out set: 24 of 30 right, 26 with an event when it was written (2026-11-30); 29 and 29 once
# the families of conflict wording were added (its misses named some of those families), less one sentence
HELD_OUT_RIGHT_FLOOR = 0.93
HELD_OUT_ANY_FLOOR = 0.93
# the families' sentences: 67 of 148 right before their entries, 127 after (134 with an event), less two
FAMILIES_RIGHT_FLOOR = 0.844
FAMILIES_ANY_FLOOR = 0.891
# the second held-out set: 34 of 60 right and 44 with an event before the families, 43 and 51 after
# (2026-11-30), less one sentence
HELD_OUT_2_RIGHT_FLOOR = 0.70
HELD_OUT_2_ANY_FLOOR = 0.83
# 120 notes in ACLED's own style over every sub-event type, >30 countries and many registers, written
# before session 22's changes and never tuned on (see its header): 104 right and 115 with an event
# before (2026-11-30), 105 and 115 after them (2026-12-01), less one sentence
CONFLICT_HELD_OUT = WORDINGS / "conflict_heldout.tsv"
CONFLICT_HELD_OUT_RIGHT_FLOOR = 104 / 120
CONFLICT_HELD_OUT_ANY_FLOOR = 114 / 120


def probe_rows(path: Path = PROBE) -> list[tuple[str, str, str]]:
    lines = [line.rstrip("\n") for line in path.read_text(encoding="utf-8").splitlines()]
    rows = [tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")]
    assert rows[0] == ("sentence", "sub_event", "plover")
    return rows[1:]


def test_the_probe_set_covers_every_sub_event_type_five_times():
    rows = probe_rows()
    assert len(rows) >= 150
    assert all(len(r) == 3 for r in rows)
    per_type = Counter(sub for _, sub, _ in rows)
    assert set(per_type) == set(SUB_EVENT_PLOVER)
    assert min(per_type.values()) >= 5


def shares_read(nlp, coder, rows, name: str) -> tuple[float, float]:
    """The shares of ``rows`` whose top event has the right sub-event type, and that have an event
    at all (printed, with the share of the right PLOVER type)."""
    right = found = plover = 0
    for text, sub_event, plover_type in rows:
        top = top_event(code(nlp, coder, text))
        found += top is not None
        right += top is not None and top.acled_sub_event_type == sub_event
        plover += top is not None and top.type == plover_type
    n = len(rows)
    print(f"\n{name}: {n} sentences; right sub-event {right} ({right / n:.1%}), any event {found} "
          f"({found / n:.1%}), right PLOVER type {plover} ({plover / n:.1%})")
    return right / n, found / n


def test_the_rules_read_the_probe_set(nlp, coder):
    right, found = shares_read(nlp, coder, probe_rows(), "probe set")
    assert right >= RIGHT_SUB_EVENT_FLOOR
    assert found >= ANY_EVENT_FLOOR


def test_the_rules_read_the_held_out_wordings(nlp, coder):
    rows = probe_rows(HELD_OUT)
    assert len(rows) == 30 and {sub for _, sub, _ in rows} <= set(SUB_EVENT_PLOVER)
    right, found = shares_read(nlp, coder, rows, "held-out wordings")
    assert right >= HELD_OUT_RIGHT_FLOOR
    assert found >= HELD_OUT_ANY_FLOOR


def test_the_rules_read_the_families_of_conflict_wording(nlp, coder):
    rows = probe_rows(FAMILIES)
    assert len(rows) >= 100 and {sub for _, sub, _ in rows} <= set(SUB_EVENT_PLOVER)
    right, found = shares_read(nlp, coder, rows, "families of conflict wording")
    assert right >= FAMILIES_RIGHT_FLOOR
    assert found >= FAMILIES_ANY_FLOOR


def test_the_rules_read_the_second_held_out_wordings(nlp, coder):
    rows = probe_rows(HELD_OUT_2)
    assert len(rows) == 60 and {sub for _, sub, _ in rows} <= set(SUB_EVENT_PLOVER)
    right, found = shares_read(nlp, coder, rows, "second held-out wordings")
    assert right >= HELD_OUT_2_RIGHT_FLOOR
    assert found >= HELD_OUT_2_ANY_FLOOR


def test_the_rules_read_acled_style_notes_from_many_conflicts(nlp, coder):
    rows = probe_rows(CONFLICT_HELD_OUT)
    assert len(rows) == 120 and {sub for _, sub, _ in rows} == set(SUB_EVENT_PLOVER)
    right, found = shares_read(nlp, coder, rows, "ACLED-style notes from many conflicts")
    assert right >= CONFLICT_HELD_OUT_RIGHT_FLOOR
    assert found >= CONFLICT_HELD_OUT_ANY_FLOOR


def top_sub_event(nlp, coder, text):
    top = top_event(code(nlp, coder, text))
    return top and top.acled_sub_event_type


@pytest.mark.parametrize("text, sub_event", [
    ("A grenade exploded in the courtyard of the mosque in Kelmo.", "Grenade"),
    ("A suicide car bomb detonated at the gate of the ministry in Dalo.", "Suicide bomb"),
    ("A rocket exploded near the hospital in Tarvo on Monday.", "Shelling/artillery/missile attack"),
    # a bomb that went off stays the blast, and keeps the toll it is told with
    ("Two farmers were killed when a bomb exploded near the market in Varnel.", "Remote explosive/landmine/IED"),
])
def test_a_blast_is_told_by_the_weapon_that_blew_up(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("text", [
    "The attacker blew himself up at the entrance of the stadium in Varnel.",
    "A man detonated himself among the worshippers in Kelmo.",
])
def test_blowing_oneself_up_is_a_suicide_bombing(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Suicide bomb"


def test_a_wind_that_blew_out_windows_is_no_blast(nlp, coder):
    assert code(nlp, coder, "A strong wind blew out the windows of the clinic in Tarvo.") == []


@pytest.mark.parametrize("text, sub_event", [
    ("Militants tossed a grenade into a police station in Dalo.", "Grenade"),
    ("Unknown men lobbed a grenade over the wall of the barracks in Tarvo.", "Grenade"),
    ("Witnesses said a chlorine attack hit the eastern district of Tarvo.", "Chemical weapon"),
    ("Government aircraft used poison gas on the village of Dalo.", "Chemical weapon"),
    ("Rebels skirmished with an army patrol outside Kelmo.", "Armed clash"),
    ("Rioting spread to three districts of Tarvo on Friday.", "Violent demonstration"),
    ("The army reclaimed the town of Dalo from the militants.", "Government regains territory"),
    ("Troops recovered the village of Kelmo after two days of fighting.", "Government regains territory"),
    ("Soldiers beat demonstrators with rifle butts in Kelmo.", "Excessive force against protesters"),
    ("The militia recruited boys from the villages near Tarvo.", "Change to group/activity"),
    ("Rebel brigades in Dalo have merged to form a single army.", "Change to group/activity"),
    ("Insurgents set up a camp in the forest near Varnel.", "Headquarters or base established"),
    ("Police installed a checkpoint at the entrance to Kelmo.", "Headquarters or base established"),
    ("Armed men stole goats from a farm near Dalo.", "Looting/property destruction"),
])
def test_wordings_the_lexicon_did_not_read(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("text", [
    "The company recruited forty engineers in Tarvo.",
    "Two banks merged in Kelmo last year.",
    "Volunteers built a camp for the flood victims near Dalo.",
    "The mayor handed control of the festival to a new committee.",
])
def test_firms_and_volunteers_who_recruit_merge_or_build_camps_are_no_armed_groups(nlp, coder, text):
    assert not [e for e in code(nlp, coder, text) if e.type == "MOBILIZE" or e.type == "RETREAT"]


def test_a_position_under_fire_from_army_units_is_fire(nlp, coder):
    evs = code(nlp, coder, "Rebel positions near Dalo came under fire from army units overnight.")
    assert [e.type for e in evs] in (["FIGHT"], ["ASSAULT"])


def test_a_toll_told_later_in_the_act_s_sentence_is_the_act_s(nlp, coder):
    text = "Militants lobbed a grenade at a patrol in Tarvo in which four soldiers were wounded."
    top = top_event(code(nlp, coder, text))
    assert top.acled_sub_event_type == "Grenade"
    assert [(q.value, q.unit) for q in top.quantities] == [(4.0, "injured")]


@pytest.mark.parametrize("text", [
    "The rebels withdrew from Kelmo without fighting.",
    "The militia withdrew from Dalo without firing a shot.",
])
def test_an_act_left_undone_is_not_the_note_s_event(nlp, coder, text):
    evs = code(nlp, coder, text)
    assert all(e.factuality == "negated" for e in evs if e.type in ("FIGHT", "ASSAULT"))
    assert top_event(evs).type == "RETREAT"


@pytest.mark.parametrize("text, sub_event", [
    ("Sappers safely detonated a mortar shell found near the school in Kelmo.", "Disrupted weapons use"),
    ("The bomb disposal squad blew up the device near the bridge in Dalo.", "Disrupted weapons use"),
    ("A landmine was found and safely destroyed by deminers outside Tarvo.", "Disrupted weapons use"),
    # a device set off by those who attack is the attack
    ("Militants detonated a bomb near a checkpoint in Varnel.", "Remote explosive/landmine/IED"),
])
def test_a_device_disposed_of_is_a_weapon_disrupted(nlp, coder, text, sub_event):
    assert top_sub_event(nlp, coder, text) == sub_event


@pytest.mark.parametrize("text", [
    "Rebel fighters took control of the town of Tarvo without a fight.",
    "Soldiers entered Dalo unopposed on Tuesday.",
])
def test_ground_taken_without_a_fight_is_a_non_violent_transfer(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Non-violent transfer of territory"


@pytest.mark.parametrize("text", [
    "Police blocked the protesters from reaching the governor's office in Kelmo.",
    "Troops blocked a rally of opposition supporters in Dalo.",
])
def test_forces_that_block_a_protest_intervene_in_it(nlp, coder, text):
    assert top_sub_event(nlp, coder, text) == "Protest with intervention"


def test_police_who_block_a_road_after_a_crash_make_no_protest(nlp, coder):
    assert code(nlp, coder, "Police blocked the road after a crash near Tarvo.") == []


@pytest.mark.parametrize("text, other", [
    ("Militiamen abducted and raped a woman near Dalo.", "Abduction/forced disappearance"),
    ("Gunmen beat and raped two girls in Kelmo.", "Attack"),
])
def test_a_rape_told_beside_another_assault_on_the_same_victim_is_an_act_of_its_own(nlp, coder, text, other):
    assert sorted(e.acled_sub_event_type for e in code(nlp, coder, text)) == sorted([other, "Sexual violence"])


@pytest.mark.parametrize("text, sub_event", [
    ("The army said it had retaken the town of Kelmo.", "Government regains territory"),
    ("The militia said it had seized the town of Dalo.", "Non-state actor overtakes territory"),
])
def test_a_force_that_says_it_took_ground_is_the_one_that_took_it(nlp, coder, text, sub_event):
    top = top_event(code(nlp, coder, text))
    assert top.acled_sub_event_type == sub_event
    assert top.source is not None and top.source.text.lower().startswith("the ")
