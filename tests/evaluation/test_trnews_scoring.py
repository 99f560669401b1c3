"""TR-News scoring: a match needs the same sentence and type; spurious fields count against."""

from datetime import date

from eventwire.evaluation.trnews import score
from eventwire.events import Actor, Attribution, Event, EventDate, Evidence, Span


def _pred(etype, trigger_at, target=None):
    return Event(
        type=etype, mode=None, context=(), cameo_root="18", acled_event_type=None, acled_sub_event_type=None,
        trigger="t", source=Actor("x", "x", "TUR", "police", Span(0, 1)), target=target, place=None,
        date=EventDate(date(2016, 12, 19), "day", None, None), quantities=(), attribution=Attribution(None, None),
        factuality="asserted", evidence=Evidence("a1", "s", 0, 50, Span(trigger_at, trigger_at + 3)), confidence=0.8,
    )  # fmt: skip


GOLD = [{"article_id": "a1", "part": "dev", "events": [{
    "sentence_start": 0, "sentence_end": 50, "trigger_start": 10, "trigger_end": 16, "type": "ASSAULT", "mode": None,
    "acled_sub_event_type": None, "source": {"start": 0, "end": 5, "country": "TUR", "sector": "police"},
    "target": None, "place": None, "date": "2016-12-19", "date_precision": "day", "factuality": "asserted",
    "attribution": None, "cluster": "c1"}]},
    {"article_id": "a2", "part": "dev", "events": []}]  # fmt: skip


def test_same_sentence_other_type_is_detected_but_not_a_typed_match():
    rep = score(GOLD, {"a1": [_pred("ACCUSE", 12)]}, "dev")
    assert rep.matched == 1 and rep.typed == 0 and rep.typed_f1 == 0.0


def test_typed_match_scores_fields_and_a_spurious_target_is_wrong():
    rep = score(GOLD, {"a1": [_pred("ASSAULT", 12, target=Actor("y", "y", "RUS", "government", Span(6, 7)))]}, "dev")
    assert rep.typed == 1 and rep.typed_f1 == 1.0
    assert rep.fields["source_country"].value == 1.0
    assert rep.fields["target_country"].value == 0.0  # the gold has no target
    assert rep.fields["all_fields"].value == 0.0


def test_events_in_an_article_with_none_are_counted():
    rep = score(GOLD, {"a1": [], "a2": [_pred("ASSAULT", 1)]}, "dev")
    assert rep.predicted == 1 and rep.articles_without_events.value == 0.0


def test_dedup_is_scored_by_offsets_against_gold_clusters(tmp_path):
    from eventwire.article import make_article
    from eventwire.evaluation.trnews import score_dedup
    from eventwire.store.db import open_store
    from eventwire.store.ingest import ingest

    one = "Villagers near Tarbo blocked a convoy of army trucks on Thursday, a local official said."
    two = "Residents of Tarbo blocked army trucks on Thursday, according to a local official."
    store = open_store(f"sqlite:///{tmp_path}/d.sqlite")
    ingest(store, [make_article(one, published="2021-06-04", article_id="a1"), make_article(two, published="2021-06-04", article_id="a2")])

    def gold(article_id, text):
        start = text.index("blocked")
        return {"article_id": article_id, "part": "dev", "events": [{
            "sentence_start": 0, "sentence_end": len(text), "trigger_start": start, "trigger_end": start + 7,
            "type": "PROTEST", "cluster": "tarbo-blockade"}]}  # fmt: skip

    result = score_dedup([gold("a1", one), gold("a2", two)], store)
    from sqlalchemy import select

    from eventwire.store.models import Report

    with store.session() as s:
        events = {r.article_id: r.event_id for r in s.scalars(select(Report)) if r.type == "PROTEST"}
    store.close()
    assert result["matched"] == 2 and result["clusters_in_several_articles"] == 1
    assert result["bcubed_precision"] == 1.0  # nothing else was merged with the blockade
    # one gold event told twice: recall 1 if the store made one event of the two reports, else 1/2
    assert result["bcubed_recall"] == (1.0 if events["a1"] == events["a2"] else 0.5)


def test_precision_counts_every_event_given_against_those_in_a_gold_sentence():
    rep = score(GOLD, {"a1": [_pred("ACCUSE", 12)], "a2": [_pred("ASSAULT", 1)]}, "dev")
    figures = rep.as_dict()
    assert figures["detection_precision"] == 0.5 and figures["typed_precision"] == 0.0


def test_the_lgl_events_gold_is_bundled_in_the_trnews_layout():
    from eventwire.evaluation.trnews import LGL_EVENTS_GOLD, load_gold
    from eventwire.geo.evaluate import part_of

    gold = load_gold(None, LGL_EVENTS_GOLD)
    assert len(gold) == 40 and {a["annotator"] for a in gold} == {"spurious23"}
    # every article is of LGL's dev part (its geoparsing test part stays unread) ...
    assert all(part_of(a["article_id"]) == "dev" for a in gold)
    # ... and a third of them, by a salted hash of the id, is this gold's own test part
    assert 10 <= sum(a["part"] == "test" for a in gold) <= 16
    assert all(e["sentence_start"] <= e["trigger_start"] < e["sentence_end"] for a in gold for e in a["events"])


def test_lgl_articles_dated_with_a_time_of_day_are_read(tmp_path):
    from eventwire.evaluation.trnews import read_articles

    path = tmp_path / "lgl.jsonl"
    path.write_text('{"id": "x1", "text": "A short text.", "published": "2009-03-20 12:24:52.002364-05"}\n')
    assert read_articles(path, {"x1"})[0].published == date(2009, 3, 20)
