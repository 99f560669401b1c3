"""The day of an act, in the ways reports write it, on sentences written for these tests (invented
places): a held-out set written before the date stage was changed and never tuned on
(tests/fixtures/wordings/dates_heldout.tsv), a probe set of the classes the changes read
(dates_probe.tsv), and one test for each class."""

from datetime import date
from pathlib import Path

import pytest

from coding_helpers import code

WORDINGS = Path(__file__).parent.parent / "fixtures" / "wordings"
# 68 of 80 right before the date stage was changed (2026-11-30), 78 after; less one sentence
HELD_OUT_FLOOR = 0.96
# the probe set's classes: 4 of its first 37 right before, all 45 after; less one sentence
PROBE_FLOOR = 0.97


def dated(nlp, coder, text: str, published: date | None, trigger: str = ""):
    """(date, precision) of the event whose trigger holds ``trigger`` (else the first event)."""
    events = code(nlp, coder, text, published)
    ev = next((e for e in events if trigger and trigger in e.trigger), events[0] if events else None)
    assert ev is not None, text
    return ev.date.date, ev.date.precision


def share_right(nlp, coder, path: Path) -> float:
    right = total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, published, want, precision, trigger = (line.split("\t") + [""] * 5)[:5]
        total += 1
        events = code(nlp, coder, text, date.fromisoformat(published) if published else None)
        ev = next((e for e in events if trigger and trigger in e.trigger), events[0] if events else None)
        right += ev is not None and ev.date.date == date.fromisoformat(want) and ev.date.precision == precision
    print(f"\n{path.name}: {right} of {total} right date and precision")
    return right / total


def test_the_rules_date_the_held_out_wordings(nlp, coder):
    assert share_right(nlp, coder, WORDINGS / "dates_heldout.tsv") >= HELD_OUT_FLOOR


def test_the_rules_date_the_probe_wordings(nlp, coder):
    assert share_right(nlp, coder, WORDINGS / "dates_probe.tsv") >= PROBE_FLOOR


FRIDAY = date(2022, 9, 16)


@pytest.mark.parametrize("text, trigger, expected", [
    ("On 3 September 2022, soldiers burned a market in Tarvo. The following day, rebels ambushed a patrol near Kelmo.",
     "ambushed", date(2022, 9, 4)),
    ("On 10 September 2022, gunmen seized a bus near Dalo. Its driver was shot dead three days later.",
     "shot", date(2022, 9, 13)),
    ("Police raided a mosque in Tarvo on Wednesday. The day before, a mob had attacked the imam.",
     "attacked", date(2022, 9, 13)),
])
def test_a_count_of_days_runs_from_the_day_told_before(nlp, coder, text, trigger, expected):
    assert dated(nlp, coder, text, FRIDAY, trigger) == (expected, "day")


def test_a_count_of_days_told_after_the_act_dates_another_act(nlp, coder):
    # the march is on the day the sentence names, though told far from it; the previous day is the beating's
    text = ("On 12 September 2022, several hundred motorcycle taxi drivers from the northern districts of Kelmo "
            "marched over the beating of a colleague the previous day.")
    assert dated(nlp, coder, text, None, "marched") == (date(2022, 9, 12), "day")


def test_a_day_without_its_year_takes_the_year_of_the_day_told_before(nlp, coder):
    # an ACLED-style note has no publication date to read "On 9 September" against
    text = "On 7 September 2022, herders clashed with farmers near Dalo. On 9 September, militants burned a church in Tarvo."
    assert dated(nlp, coder, text, None, "burned") == (date(2022, 9, 9), "day")


@pytest.mark.parametrize("text", [
    "Rebels shelled Kelmo, in defiance of the 2 September truce.",
    "Crowds blocked the bridge into Tarvo to reject the 5 September decree.",
])
def test_a_date_that_names_which_agreement_is_not_the_act_s(nlp, coder, text):
    assert dated(nlp, coder, text, FRIDAY) == (FRIDAY, "week")


def test_a_date_on_the_noun_of_the_act_is_its_day(nlp, coder):
    text = "The 12 September raid on the camp near Dalo left four people dead."
    assert dated(nlp, coder, text, FRIDAY)[0] == date(2022, 9, 12)


def test_a_day_after_at_names_a_place(nlp, coder):
    text = "On 11 September 2022, militias fired rockets at 6 October and Airport districts of Tarvo."
    assert dated(nlp, coder, text, None) == (date(2022, 9, 11), "day")


@pytest.mark.parametrize("text, trigger", [
    ("Rebels shelled a clinic in Tarvo on Tuesday. The government accuses the rebels of targeting civilians.", "accuses"),
    ("Police detained six students in Kelmo on Wednesday. The ministry has rejected calls for their release.", "rejected"),
])
def test_what_stands_as_of_the_report_is_not_of_the_day_told_before(nlp, coder, text, trigger):
    assert dated(nlp, coder, text, FRIDAY, trigger) == (FRIDAY, "week")


def test_a_note_without_a_report_date_keeps_its_day_for_what_it_tells_in_the_present(nlp, coder):
    text = "On 6 September 2022, gunmen raided a farm near Dalo. The government accuses the rebels of the raid."
    assert dated(nlp, coder, text, None, "accuses") == (date(2022, 9, 6), "day")


@pytest.mark.parametrize("text, trigger, want", [
    ("On 5 May, residents fled Kelmo after gunmen attacked the village on 3 May.", "attacked", date(2021, 5, 3)),
    ("Families left Tarvo on 12 May because soldiers had shelled their homes on 10 May.", "shelled", date(2021, 5, 10)),
])
def test_the_day_in_the_act_s_own_clause_is_its_day_when_that_clause_hangs_from_another(nlp, coder, text, trigger, want):
    assert dated(nlp, coder, text, date(2021, 5, 20), trigger) == (want, "day")


@pytest.mark.parametrize("text, trigger, want", [
    ("On 30 April 2020, a trader who was seized by gunmen in Dalo on 24 April was found dead.", "seized", date(2020, 4, 24)),
    ("On 2 January 2021, police said a clerk abducted in Kelmo on 28 December had been freed.", "abducted",
     date(2020, 12, 28)),
])
def test_a_day_without_its_year_takes_it_from_a_day_the_sentence_names_with_one(nlp, coder, text, trigger, want):
    assert dated(nlp, coder, text, None, trigger) == (want, "day")
