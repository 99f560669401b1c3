"""Scoring predicted events against gold records."""

import json

import pytest

from eventwire.errors import EventwireError
from eventwire.evaluate import format_report, load_gold, score, within_precision

SENT = "Villagers blocked a convoy of five US military vehicles on Thursday, SANA reported."


def gold(**kw):
    rec = {
        "article_id": "a1", "sentence": SENT, "trigger": "blocked", "type": "PROTEST", "mode": "obstruct",
        "acled_sub_event_type": "Peaceful protest",
        "source": {"text": "Villagers", "country": "SYR", "sector": "civilians"},
        "target": {"text": "a convoy", "country": "USA", "sector": "military"},
        "place": "Hamo", "date": "2020-04-16", "date_precision": "day",
        "quantities": [{"value": 5, "unit": "vehicles", "qualifier": "exact"}],
        "attribution": "SANA", "factuality": "asserted",
    }  # fmt: skip
    rec.update(kw)
    return rec


def pred(**kw):
    rec = {
        "type": "PROTEST", "mode": "obstruct", "acled_sub_event_type": "Peaceful protest", "trigger": "blocked",
        "source": {"country": "SYR", "sector": "civilians"}, "target": {"country": "USA", "sector": "military"},
        "place": {"name": "Hamo"}, "date": "2020-04-16", "date_precision": "day",
        "quantities": [{"value": 5, "unit": "vehicles", "qualifier": "exact"}],
        "attribution": {"source": "SANA", "outlet": "Press TV"}, "factuality": "asserted",
        "evidence": {"article_id": "a1", "sentence": SENT},
    }  # fmt: skip
    rec.update(kw)
    return rec


def test_perfect_prediction_scores_one_everywhere():
    rep = score([gold()], [pred()])
    assert (rep.precision, rep.recall, rep.f1, rep.typed_f1()) == (1.0, 1.0, 1.0, 1.0)
    assert all(t.rate == 1.0 for t in rep.fields.values())
    assert {"type", "source_country", "target_sector", "date_exact", "quantities", "attribution", "factuality", "place"} <= set(rep.fields)


def test_wrong_fields_are_counted_per_field():
    rep = score([gold()], [pred(type="MOBILIZE", date="2020-04-14", factuality="reversed", attribution={"source": None})])
    assert rep.matched == 1 and rep.typed_matched == 0
    assert rep.fields["type"].rate == 0.0
    assert rep.fields["date_exact"].rate == 0.0
    assert rep.fields["date_within_precision"].rate == 0.0
    assert rep.fields["factuality"].rate == 0.0
    assert rep.fields["attribution"].rate == 0.0
    assert rep.fields["source_country"].rate == 1.0


def test_events_in_other_sentences_or_articles_do_not_match():
    other = pred(evidence={"article_id": "a1", "sentence": "An unrelated sentence about trade."})
    elsewhere = pred(evidence={"article_id": "a2", "sentence": SENT})
    rep = score([gold()], [other, elsewhere])
    assert rep.matched == 0 and rep.recall == 0.0 and rep.precision == 0.0
    assert len(rep.misses) == 1 and len(rep.spurious) == 2


def test_matching_is_one_to_one_and_prefers_the_same_type():
    golds = [gold(), gold(type="MOBILIZE", trigger="convoy")]
    rep = score(golds, [pred(type="MOBILIZE", trigger="convoy"), pred()])
    assert rep.matched == 2 and rep.typed_matched == 2
    rep = score(golds, [pred()])
    assert rep.matched == 1 and rep.recall == 0.5 and rep.precision == 1.0


@pytest.mark.parametrize(
    "p, g, precision, ok",
    [
        ("2020-04-16", "2020-04-16", "day", True),
        ("2020-04-15", "2020-04-16", "day", False),
        ("2020-04-13", "2020-04-16", "week", True),
        ("2020-04-01", "2020-04-30", "month", True),
        ("2020-05-01", "2020-04-30", "month", False),
        ("2020-12-31", "2020-01-01", "year", True),
        ("not a date", "2020-01-01", "year", False),
    ],
)
def test_within_precision(p, g, precision, ok):
    assert within_precision(p, g, precision) is ok


def test_load_gold_names_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold()) + "\n{broken\n", encoding="utf-8")
    with pytest.raises(EventwireError, match=r"gold.jsonl:2"):
        load_gold(path)
    path.write_text(json.dumps({"article_id": "a1", "sentence": SENT}) + "\n", encoding="utf-8")
    with pytest.raises(EventwireError, match=r"lacks 'type'"):
        load_gold(path)


def test_report_prints_every_figure():
    text = format_report(score([gold()], [pred()]))
    for needle in ("precision", "recall", "F1", "source_country", "date_within_precision", "attribution", "factuality"):
        assert needle in text
