"""Scoring place mentions against gold coordinates."""

import json

import pytest

from eventwire.article import make_article
from eventwire.document import SpacyBackend, parse_articles
from eventwire.errors import EventwireError
from eventwire.geo.evaluate import format_geo_report, load_geo_gold, score_geo
from eventwire.geo.geoparse import Geoparser

TEXT = "BEIRUT, Lebanon - Protesters rallied in Tripoli on Monday. Police arrested 12 people in Sidon."


@pytest.fixture(scope="module")
def doc():
    (d,) = parse_articles([make_article(TEXT, article_id="t1", published="2021-05-04")], SpacyBackend())
    return d


def gold(name, lat, lon, **kw):
    start = TEXT.index(name)
    return {"article_id": "t1", "start": start, "end": start + len(name), "latitude": lat, "longitude": lon, **kw}


def test_context_beats_the_most_populous_namesake(doc):
    # Tripoli, Lebanon (34.43, 35.84); the most populous Tripoli is in Libya
    rep = score_geo([gold("Tripoli", 34.4367, 35.8497, geo_precision="exact", ambiguous=True)], [doc], Geoparser())
    d = rep.as_dict()
    assert d["resolution_on_gold_spans"]["eventwire"]["acc_25km"] == 1.0
    assert d["resolution_on_gold_spans"]["baseline_most_populous"]["acc_161km"] == 0.0
    assert d["ambiguous_names"]["eventwire"]["n"] == 1
    assert d["resolution_on_gold_spans"]["eventwire"]["precision_level_acc"] == 1.0


def test_recognition_counts_found_and_missed_spans(doc):
    rep = score_geo([gold("Tripoli", 34.4367, 35.8497), gold("Sidon", 33.5631, 35.3689)], [doc], Geoparser())
    rec = rep.as_dict()["recognition"]
    assert rec["gold"] == 2 and rec["matched"] == 2 and rec["predicted"] >= 2
    assert "acc@161km" in format_geo_report(rep, "t")


def test_a_wrong_point_is_scored_by_its_distance(doc):
    # gold deliberately at (0, 0): Tripoli, Lebanon is about 5,340 km away from it
    rep = score_geo([gold("Tripoli", 0.0, 0.0)], [doc], Geoparser())
    assert 5200 < rep.eventwire.errors_km[0] < 5500 and rep.eventwire.within(161) == 0.0


def test_bad_gold_names_the_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"article_id": "a", "start": 0, "end": 3, "latitude": 1.0}) + "\n", encoding="utf-8")
    with pytest.raises(EventwireError, match=r"g.jsonl:1: .*lacks 'longitude'"):
        load_geo_gold(path)
