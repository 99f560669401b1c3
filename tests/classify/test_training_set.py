"""What the two models learn from each ACLED note: the note as read, and copies for where the rules miss."""

from eventwire.acled import AcledNote
from eventwire.classify import NONE
from eventwire.classify.features import RULE_HINT
from eventwire.classify.train import PARTIAL, build_training_set


def _note(i: int, country: str = "Ostland") -> AcledNote:
    return AcledNote(f"N{i}", "(features given below)", "2020-05-01", "Armed clash", "Battles", "Military Forces", 1,
                     "Rebels", 2, country, "OST", "Tarvo", None, None, 0)  # fmt: skip


# a note's first sentence as the features module would give it: words, and one rule trigger read
FIRST = [f"{RULE_HINT}clash", "v:clash", "w:army", "w:clash", "w:rebel", "w:near", "w:<GPE>", "b:army_clash",
         "b:clash_with", "nsubj:clash>army", "p:clash>with>rebel", "p:clash>near><GPE>"]  # fmt: skip


def _set(n: int = 40, negatives: int = 3):
    notes = [_note(i) for i in range(n)]
    return build_training_set(notes, [(FIRST, FIRST + ["w:kill"])] * n, [["w:storm", "w:road"]] * negatives)


def test_the_typer_learns_each_note_once_and_the_detector_learns_it_without_the_rules_reading():
    data = _set()
    assert len(data.typer_x) == 40 and set(data.typer_y) == {"Armed clash"}
    events = [x for x, y in zip(data.detector_x, data.detector_y) if y == "event"]
    # each note as read, then without the rules' reading (for held-out wording the rules do not know)
    assert all(x == FIRST for x in events[0::3])
    assert all(x == [f for f in FIRST if not f.startswith(RULE_HINT)] for x in events[1::3])
    assert data.detector_y.count(NONE) == 3


def test_partial_copies_keep_a_share_of_the_words_drawn_from_the_seed():
    data = _set()
    unhinted = [f for f in FIRST if not f.startswith(RULE_HINT)]
    events = [x for x, y in zip(data.detector_x, data.detector_y) if y == "event"]
    assert len(events) == 3 * 40 and data.sources["acled notes, words left out at random"] == 40
    partial = events[2::3]  # each note's copies follow it: as read, without the rules, in part
    assert all(set(x) <= set(FIRST) for x in partial)
    assert sum(x not in (FIRST, unhinted) for x in partial) >= 35  # a few draws may keep every word
    kept = sum(len(x) for x in partial) / (len(partial) * len(FIRST))
    assert abs(kept - PARTIAL) < 0.1
    # the same data gives the same examples: the draw is seeded, not the process's
    assert _set().detector_x == data.detector_x
