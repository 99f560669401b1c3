"""Two annotations of the same articles compared by the coder's own matching rules (hand-built records)."""

from eventwire.evaluation import run
from eventwire.evaluation.trnews import agreement, agreement_table, record_as_event


def _rec(trigger_at, etype="ASSAULT", sentence=(0, 60), place=None, target=None, date="2021-05-04", factuality="asserted"):
    return {
        "sentence_start": sentence[0], "sentence_end": sentence[1], "trigger_start": trigger_at,
        "trigger_end": trigger_at + 5, "type": etype, "mode": None, "acled_sub_event_type": None,
        "source": {"start": 0, "end": 4, "country": "KEN", "sector": "police"}, "target": target, "place": place,
        "date": date, "date_precision": "day", "quantities": [], "attribution": None, "factuality": factuality,
        "cluster": "c",
    }  # fmt: skip


def _art(article_id, events):
    return {"article_id": article_id, "annotator": "X", "part": "dev", "events": events}


ELDORET = {"start": 10, "end": 17, "latitude": 0.5143, "longitude": 35.2698, "country": "KEN", "precision": "exact"}
NEAR_ELDORET = dict(ELDORET, latitude=0.52, longitude=35.28)  # about 1 km away
NAKURU = dict(ELDORET, latitude=-0.3031, longitude=36.08)  # some 130 km away


def test_an_annotation_agrees_fully_with_itself():
    first = [_art("a1", [_rec(20, place=ELDORET), _rec(70, "ACCUSE", sentence=(61, 120))])]
    rep = agreement(first, first)
    assert rep.detection_f1 == rep.typed_f1 == 1.0
    assert rep.fields["all_fields"].value == 1.0 and rep.fields["place_25km"].value == 1.0


def test_a_record_reads_as_an_event_with_the_fields_the_scorer_reads():
    ev = record_as_event("a1", _rec(20, place=NEAR_ELDORET, target={"start": 5, "end": 9, "country": None, "sector": "civilians"}))
    assert ev.evidence.trigger.start == 20 and ev.evidence.sentence_end == 60
    assert ev.source.country == "KEN" and ev.target.sector == "civilians" and ev.target.country is None
    assert ev.place.latitude == 0.52 and ev.date.date.isoformat() == "2021-05-04" and ev.date.precision == "day"


def test_another_type_in_the_same_sentence_is_detected_but_not_typed_and_an_extra_event_costs_precision():
    first = [_art("a1", [_rec(20)])]
    second = [_art("a1", [_rec(25, "FIGHT"), _rec(70, "ACCUSE", sentence=(61, 120))])]
    rep = agreement(first, second)
    assert (rep.gold, rep.predicted, rep.matched, rep.typed) == (1, 2, 1, 0)
    assert round(rep.detection_f1, 3) == 0.667 and rep.typed_f1 == 0.0


def test_fields_on_typed_matches_places_within_25_km_and_factuality():
    first = [_art("a1", [_rec(20, place=ELDORET), _rec(70, sentence=(61, 120), place=ELDORET)])]
    second = [_art("a1", [_rec(22, place=NEAR_ELDORET), _rec(72, sentence=(61, 120), place=NAKURU, factuality="negated")])]
    rep = agreement(first, second)
    assert rep.typed == 2
    assert rep.fields["place_25km"].correct == 1 and rep.fields["factuality"].correct == 1
    assert rep.fields["source_country"].value == 1.0 and rep.fields["date_exact"].value == 1.0


def test_only_the_articles_both_annotated_are_compared():
    first = [_art("a1", [_rec(20)]), _art("a2", [_rec(20), _rec(40)])]
    second = [_art("a1", [_rec(21)])]
    rep = agreement(first, second)
    assert (rep.gold, rep.predicted, rep.typed) == (1, 1, 1)


def test_per_type_agreement_is_the_f1_of_typed_matches():
    first = [_art("a1", [_rec(20), _rec(70, "ACCUSE", sentence=(61, 120))])]
    second = [_art("a1", [_rec(21), _rec(71, "REQUEST", sentence=(61, 120))])]
    table = agreement_table(agreement(first, second))
    assert "ASSAULT       1     1     1   1.00" in table
    assert "ACCUSE        1     0     0   0.00" in table and "REQUEST       0     1     0   0.00" in table


def test_without_the_texts_only_the_annotators_are_compared(monkeypatch):
    monkeypatch.setattr(run, "shared_data", lambda name: None)
    text, figures = run.trnews_agreement(None, learned=False)
    assert list(figures) == ["second vs gold"] and "coder's columns skipped" in text
    assert figures["second vs gold"]["gold_events"] > 0 and 0.0 < figures["second vs gold"]["detection_f1"] <= 1.0
