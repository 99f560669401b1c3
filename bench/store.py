"""Store benchmark: ingest rate into SQLite and PostgreSQL, and query latency on
a store of 100,000 synthetic events.

(a) ingest: the sample corpus repeated under fresh article ids, coded once, then
    stored article by article (one transaction each, with deduplication): the
    store's own cost, apart from the NLP.
(b) queries: 100,000 synthetic events (types, dates over six years, points
    around real places, actors, source counts) inserted in bulk, then each
    filter of ``eventwire events`` timed (median of 20 runs): as ORM entities
    (``find_events``, the CLI's) and as the API reads them (``list_events``,
    columns only), a deep page by offset and by keyset cursor, and counts by
    day, type and country with filters (``count_events``, uncached).

PostgreSQL runs when a server can be started (tests/pg_server.py: PostgreSQL and
PostGIS installed, see tools/ensure_postgres.sh); otherwise the script says so.

    python bench/store.py [--events 100000] [--articles 300]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))


from eventwire.article import make_article  # noqa: E402
from eventwire.cli import SAMPLE_ARTICLES, sample_path  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.reader import read_path  # noqa: E402
from eventwire.store.db import open_store  # noqa: E402
from eventwire.store.ingest import IngestSummary, store_article  # noqa: E402
from eventwire.store.query import EventFilter, count_events, find_events, list_events  # noqa: E402
from synthetic_events import fill_synthetic  # noqa: E402

def bench_ingest(url: str, coded: list) -> float:
    store = open_store(url)
    summary = IngestSummary()
    t0 = time.perf_counter()
    with store.session() as session:
        for art, records in coded:
            store_article(session, art, records, summary)
    seconds = time.perf_counter() - t0
    store.close()
    return len(coded) / seconds


QUERIES = {
    "type": EventFilter(type="FIGHT", limit=100),
    "actor TUR": EventFilter(actor="TUR", limit=100),
    "near Idlib 50km": EventFilter(near=(35.93, 36.63), within_km=50, limit=100),
    "since 2024-03-01": EventFilter(since=date(2024, 3, 1), limit=100),
    "min 2 sources": EventFilter(min_sources=2, limit=100),
    "all of the above": EventFilter(type="MOBILIZE", actor="TUR", near=(35.93, 36.63), within_km=50,
                                    since=date(2020, 3, 1), min_sources=2, limit=100),  # fmt: skip
    "offset 90,000": EventFilter(offset=90_000, limit=100),
    "keyset, same page": None,  # after the (date, id) of the row before that page: filled in by bench_queries
}
COUNTS = {
    "counts by day": ("day", EventFilter()),
    "counts by type": ("type", EventFilter()),
    "counts by country, type": ("country", EventFilter(type="FIGHT")),
    "counts by day, near 200km": ("day", EventFilter(near=(35.93, 36.63), within_km=200)),
    "counts by type, actor": ("type", EventFilter(actor="TUR", since=date(2022, 1, 1))),
}


def _median_ms(fn) -> float:
    times = []
    for _ in range(20):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def bench_queries(url: str) -> dict[str, tuple[float, float | None]]:
    """label -> (ms as ORM entities, ms as the API's lean rows); counts: (ms, None)."""
    store = open_store(url)
    out = {}
    with store.session() as session:
        before = list_events(session, EventFilter(offset=90_000 - 1, limit=1), store.dialect)[0]
        queries = {**QUERIES, "keyset, same page": EventFilter(after=(date.fromisoformat(before["date"]), before["id"]), limit=100)}
        for label, f in queries.items():
            out[label] = (_median_ms(lambda f=f: find_events(session, f, store.dialect)),
                          _median_ms(lambda f=f: list_events(session, f, store.dialect)))  # fmt: skip
        for label, (by, f) in COUNTS.items():
            out[label] = (_median_ms(lambda by=by, f=f: count_events(session, f, by, store.dialect)), None)
    store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--articles", type=int, default=300)
    args = ap.parse_args()

    base = [a for a in read_path(sample_path(SAMPLE_ARTICLES)) if not isinstance(a, Exception)]
    arts = [make_article(base[i % len(base)].text, published=base[i % len(base)].published, outlet=base[i % len(base)].outlet,
                         article_id=f"bench-{i}") for i in range(args.articles)]  # fmt: skip
    pipeline = Pipeline()
    coded = [(r.article, [e.to_dict() for e in r.events]) for r in pipeline.run(arts)]
    n_reports = sum(len(rs) for _, rs in coded)

    servers = []
    with tempfile.TemporaryDirectory() as tmp:
        backends = {"sqlite": (f"sqlite:///{tmp}/ingest.sqlite", f"sqlite:///{tmp}/query.sqlite")}
        try:
            from pg_server import PostgresServer, available

            ok, reason = available()
            if ok:
                server = PostgresServer()
                server.start()
                servers.append(server)
                backends["postgresql"] = (server.new_database(), server.new_database())
            else:
                print(f"(PostgreSQL skipped: {reason})")
        except Exception as err:  # the benchmark still reports SQLite
            print(f"(PostgreSQL skipped: {err})")
        try:
            print(f"ingest: {len(coded)} articles, {n_reports} reports (coded beforehand; store cost only)")
            for name, (ingest_url, _) in backends.items():
                print(f"  {name:<11} {bench_ingest(ingest_url, coded):8.1f} articles/s")
            print(f"queries on {args.events:,} synthetic events (median of 20, ms; at most 100 rows returned): "
                  "as ORM entities / as the API's rows")  # fmt: skip
            for name, (_, query_url) in backends.items():
                t0 = time.perf_counter()
                fill_synthetic(query_url, args.events, random.Random(2))
                if name == "postgresql":  # what autovacuum does soon after a bulk load (index-only scans need it)
                    store = open_store(query_url)
                    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                        conn.exec_driver_sql("VACUUM ANALYZE")
                    store.close()
                print(f"  {name}: filled in {time.perf_counter() - t0:.1f} s")
                for label, (ms, lean) in bench_queries(query_url).items():
                    print(f"    {label:<26} {ms:8.1f} ms" + (f" {lean:8.1f} ms" if lean is not None else ""))
        finally:
            for s in servers:
                s.stop()


if __name__ == "__main__":
    main()
