"""Deduplication does not depend on the order articles arrive in: the same articles give the
same events (as sets of their reports) and the same event summaries, whatever the order."""

import json
import random
from collections import defaultdict
from datetime import datetime
from itertools import permutations
from pathlib import Path

import pytest
from sqlalchemy import func, select

import eventwire
from eventwire.article import make_article
from eventwire.errors import InputError
from eventwire.pipeline import Pipeline
from eventwire.reader import read_path
from eventwire.store.db import open_store
from eventwire.store.ingest import IngestSummary, store_article
from eventwire.store.models import Correction, Event, Report

SAMPLE = Path(eventwire.__file__).parent / "sample" / "articles.jsonl"


@pytest.fixture(scope="module")
def coded():
    """The sample corpus coded once (the NLP is the slow part): (article, records) in file order."""
    items = [i for i in read_path(SAMPLE) if not isinstance(i, InputError)]
    out = [(r.article, [e.to_dict() for e in r.events]) for r in Pipeline().run(items) if r.error is None]
    assert len(out) == len(items) > 30
    return out


@pytest.fixture(params=["sqlite", "postgresql"])
def new_store(request, tmp_path):
    """Fresh stores on one backend, as many as a test asks for."""
    stores = []

    def make():
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path}/s{len(stores)}.sqlite"
        else:
            url = request.getfixturevalue("postgres_server").new_database()
        stores.append(open_store(url))
        return stores[-1]

    yield make
    for s in stores:
        s.close()


def fill(store, articles):
    """Store coded articles one transaction each, in the order given."""
    for art, records in articles:
        with store.session() as session:
            store_article(session, art, records, IngestSummary())
    return store


def events(store):
    """Each event as the set of its reports, with what its summary says (no row ids)."""
    with store.session() as s:
        members = defaultdict(set)
        for r in s.scalars(select(Report)):
            members[r.event_id].add((r.article_id, r.sentence_start, r.trigger_start))
        out = {}
        for e in s.scalars(select(Event)):
            assert members[e.id], f"event {e.id} has no reports"
            out[frozenset(members[e.id])] = (
                e.type, e.factuality, e.date, e.date_precision, e.country, e.geo_precision, e.source_country,
                e.target_country, e.n_reports, e.n_articles, e.n_outlets, e.n_sources, e.fatalities,
                json.dumps(e.summary, sort_keys=True),
            )  # fmt: skip
    return out


def events_of(url, articles):
    store = fill(open_store(url), articles)
    try:
        return events(store)
    finally:
        store.close()


def orders(articles, shuffles):
    yield list(articles)
    yield list(reversed(articles))
    for seed in range(shuffles):
        shuffled = list(articles)
        random.Random(seed).shuffle(shuffled)
        yield shuffled


def test_the_sample_corpus_gives_the_same_events_in_any_order(coded, tmp_path):
    results = [events_of(f"sqlite:///{tmp_path}/order{i}.sqlite", order) for i, order in enumerate(orders(coded, 5))]
    first = results[0]
    assert sum(len(reports) > 1 for reports in first) >= 10  # not vacuous: many events merge several reports
    assert sum(len(reports) for reports in first) == sum(len(records) for _, records in coded)
    for other in results[1:]:
        assert set(other) == set(first)  # the same events, as sets of reports
        assert other == first  # and the same summaries


def test_postgresql_gives_the_same_events_in_any_order_and_as_sqlite(coded, tmp_path, postgres_server):
    # kept small: the articles whose reports merge with other articles' (plus one that does not)
    reference = events_of(f"sqlite:///{tmp_path}/ref.sqlite", coded)
    merged = {a for reports in reference if len({r[0] for r in reports}) > 1 for a, _, _ in reports}
    subset = [c for c in coded if c[0].id in merged][:10] + [c for c in coded if c[0].id not in merged][:1]
    sqlite = events_of(f"sqlite:///{tmp_path}/subset.sqlite", subset)
    assert sum(len(reports) > 1 for reports in sqlite) >= 3
    for order in (subset, list(reversed(subset))):
        assert events_of(postgres_server.new_database(), order) == sqlite


# --- links, pivots and merging, on hand-made records -----------------------------------------

HAMO = {"name": "Hamo", "country": "SYR", "latitude": 37.052, "longitude": 41.231, "geo_precision": "exact",
        "geonameid": None, "admin1": None, "admin2": None}  # fmt: skip
US_MILITARY = {"canonical": "United States military", "country": "USA", "sector": "military"}
SYRIA_MILITARY = {"canonical": "Syria military", "country": "SYR", "sector": "military"}


def record(article_id, sentence_start, *, place=None, source=None, date="2020-04-16", precision="day"):
    return {
        "type": "PROTEST", "mode": "obstruct", "cameo_root": "14", "acled_event_type": "Protests",
        "acled_sub_event_type": "Peaceful protest", "trigger": "blocked", "source": source, "target": None,
        "place": place, "date": date, "date_precision": precision, "quantities": [], "attribution": None,
        "factuality": "asserted", "confidence": 0.9,
        "evidence": {"article_id": article_id, "sentence": f"sentence {sentence_start}", "sentence_start": sentence_start,
                     "sentence_end": sentence_start + 40, "spans": {"trigger": {"start": sentence_start + 10, "end": sentence_start + 17}}},
    }  # fmt: skip


def article(id_, *records):
    return make_article(f"text of {id_}", published="2020-04-17", outlet=f"outlet {id_}", article_id=id_), list(records)


def report(id_):
    return (id_, 0, 10)


def every_order(new_store, articles):
    """The events of the articles stored in each of their orders: asserted to be one result."""
    results = {frozenset(events(fill(new_store(), order))) for order in permutations(articles)}
    assert len(results) == 1
    return results.pop()


# a (a place) and c (an actor) share nothing positive, so they are not linked; b (place and
# actor) is linked to both
A = article("a", record("a", 0, place=HAMO))
B = article("b", record("b", 0, place=HAMO, source=US_MILITARY))
C = article("c", record("c", 0, source=US_MILITARY))


def test_look_alikes_do_not_chain_into_one_event(new_store):
    # a is the first pivot (same date precision as b and c, a precise place, then the article
    # id): b joins it; c is linked to b only, not to a pivot before it, so it is a pivot
    assert every_order(new_store, [A, B, C]) == {frozenset({report("a"), report("b")}), frozenset({report("c")})}


# with vaguer dates, a and c come after b in the pivot order: both join b
A_WEEK = article("a", record("a", 0, place=HAMO, precision="week"))
C_WEEK = article("c", record("c", 0, source=US_MILITARY, precision="week"))


def test_a_report_linked_to_two_events_merges_them_whatever_the_order(new_store):
    assert every_order(new_store, [A_WEEK, B, C_WEEK]) == {frozenset({report("a"), report("b"), report("c")})}


def test_a_merged_event_keeps_the_lowest_id_its_corrections_and_a_fresh_summary(new_store):
    store = fill(new_store(), [A_WEEK, C_WEEK])
    with store.session() as s, s.begin():
        first, second = sorted(s.scalars(select(Event.id)))
        s.add(Correction(event_id=second, field="type", value={"type": "ASSAULT"}, note=None, author="analyst",
                         created_at=datetime(2020, 5, 1)))  # fmt: skip
    fill(store, [B])
    with store.session() as s:
        (event,) = s.scalars(select(Event)).all()
        assert event.id == first
        assert [c.event_id for c in s.scalars(select(Correction))] == [first]
        assert (event.n_reports, event.n_articles, event.n_outlets) == (3, 3, 3)
        summary = event.summary
        assert (event.date_precision, summary["place"]["name"], summary["source"]["country"]) == ("day", "Hamo", "USA")


def test_a_new_pivot_takes_its_linked_pivot_and_leaves_that_ones_other_report_apart(new_store):
    # p and m (week) are linked, m joins p; x (a day) is linked to p but contradicts m's actor:
    # x becomes the pivot and p joins it, so m is left a pivot of its own, in any order
    p = article("p", record("p", 0, place=HAMO, precision="week"))
    m = article("q", record("q", 0, place=HAMO, source=SYRIA_MILITARY, precision="week"))
    x = article("x", record("x", 0, place=HAMO, source=US_MILITARY))
    assert every_order(new_store, [p, m, x]) == {frozenset({report("x"), report("p")}), frozenset({report("q")})}
    store = fill(new_store(), [p, m])
    with store.session() as s, s.begin():
        (before,) = s.scalars(select(Event.id))
        s.add(Correction(event_id=before, field="type", value={"type": "ASSAULT"}, note=None, author="analyst",
                         created_at=datetime(2020, 5, 1)))  # fmt: skip
    fill(store, [x])
    with store.session() as s:
        (correction,) = s.scalars(select(Correction))
        kept = {r.article_id for r in s.scalars(select(Report).where(Report.event_id == correction.event_id))}
        assert correction.event_id == before and kept == {"p", "x"}  # the event (and its correction) stays with its pivot


def test_two_reports_of_one_article_are_not_linked_to_each_other(new_store):
    twice = article("x", record("x", 0, place=HAMO), record("x", 100, place=HAMO))
    store = fill(new_store(), [twice])
    assert len(events(store)) == 2


def test_a_report_links_only_to_the_closest_report_of_another_article(new_store):
    # both of y's reports match x's (a week), but the one of the same day is the closer: only it links
    x = article("x", record("x", 0, place=HAMO, precision="week"))
    y = article("y", record("y", 0, place=HAMO, date="2020-04-17"), record("y", 100, place=HAMO))
    expected = {frozenset({("x", 0, 10), ("y", 100, 110)}), frozenset({("y", 0, 10)})}
    assert every_order(new_store, [x, y]) == expected


def test_random_look_alikes_give_the_same_events_in_any_order(tmp_path):
    # many reports that partly match each other, so that reports arriving before the pivots
    # they end up with are moved, pivots demoted, events merged and split on the way
    rng = random.Random(7)
    near_hamo = dict(HAMO, name="Hamo south", latitude=36.98)  # 8 km away
    places = [HAMO, near_hamo, dict(HAMO, geo_precision="near"), None]
    actors = [US_MILITARY, SYRIA_MILITARY, None]
    articles = []
    for i in range(16):
        records = [record(f"r{i}", 100 * k, place=rng.choice(places), source=rng.choice(actors),
                          date=f"2020-04-1{rng.choice('566')}", precision=rng.choice(["day", "day", "week"]))
                   for k in range(rng.choice([1, 1, 2, 3]))]  # fmt: skip
        articles.append(article(f"r{i}", *records))
    results = [events_of(f"sqlite:///{tmp_path}/o{i}.sqlite", order) for i, order in enumerate(orders(articles, 6))]
    assert max(len(reports) for reports in results[0]) >= 3
    for other in results[1:]:
        assert other == results[0]


def test_new_events_counts_the_net_change_when_an_arrival_merges_two_events(new_store):
    store = new_store()
    summaries = [IngestSummary() for _ in range(3)]
    for (art, records), summary in zip([A_WEEK, C_WEEK, B], summaries):
        with store.session() as session:
            store_article(session, art, records, summary)
    # a and c are apart until b links them: b's arrival turns two events into one
    assert [s.new_events for s in summaries] == [1, 1, -1]
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == sum(x.new_events for x in summaries) == 1
