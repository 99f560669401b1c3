"""Concurrent readers and writers against a live server (uvicorn on 127.0.0.1, as
``eventwire serve`` runs it, in a thread of this process), on SQLite and on PostgreSQL:
no 5xx and no dropped connection, every write stored, and reads made after the writes
see them (counts are cached between writes: a stale answer fails here).

Bounded: writers stop posting after WRITE_SECONDS, readers stop when the writers have
finished; latencies are not asserted (bench/api_load.py prints them)."""

import random
import socket
import threading
import time
from collections import Counter
from datetime import date, datetime, timedelta

import httpx
import pytest
import uvicorn
from sqlalchemy import func, insert, select

from eventwire.store.db import open_store
from eventwire.store.models import Actor, Article, Event
from eventwire.web.api import AGGREGATE_LAG_S, create_app, create_token

WRITERS, READERS = 4, 8
ARTICLES_PER_WRITER = 10
WRITE_SECONDS = 20  # no new write starts after this (the first one also loads the NLP pipeline)
PLACES = [("Idlib", 35.93, 36.63, "SYR"), ("Baghdad", 33.34, 44.40, "IRQ"), ("Mosul", 36.34, 43.13, "IRQ"), ("Goma", -1.68, 29.22, "COD")]


def seed(store, n=600):
    rng = random.Random(11)
    with store.engine.begin() as conn:
        actors = [(conn.execute(insert(Actor).values(canonical=f"{c} {s}", country=c, sector=s)).inserted_primary_key[0], c)
                  for c in ("SYR", "TUR", "IRQ") for s in ("military", "rebels")]  # fmt: skip
        rows = []
        for _ in range(n):
            name, lat, lon, country = rng.choice(PLACES)
            (src, sc), (tgt, tc) = rng.choice(actors), rng.choice(actors)
            lat, lon = lat + rng.gauss(0, 0.5), lon + rng.gauss(0, 0.5)
            rows.append(dict(type=rng.choice(["FIGHT", "PROTEST", "ASSAULT", "AGREE"]), factuality="asserted",
                             date=date(2021, 1, 1) + timedelta(days=rng.randrange(300)), date_precision="day",
                             source_actor_id=src, target_actor_id=tgt, source_country=sc, target_country=tc, country=country,
                             latitude=lat, longitude=lon, geo_precision="exact", n_reports=1, n_articles=1, n_outlets=1,
                             n_sources=rng.choice([1, 2, 3]), summary={"place": {"name": name, "country": country, "latitude": lat,
                                                                                  "longitude": lon}},
                             updated_at=datetime(2026, 1, 1)))  # fmt: skip
        conn.execute(insert(Event), rows)


def article(rng, n):
    name = rng.choice(PLACES)[0]
    k = rng.randint(3, 60)
    text = rng.choice([
        f"Gunmen attacked a police checkpoint near {name} on Tuesday, killing {k} officers, local officials said.",
        f"Thousands of workers protested in {name} on Friday against rising bread prices, and police arrested {k} of them.",
        f"An airstrike hit a market in {name} on Sunday, killing at least {k} civilians, a monitoring group reported.",
        f"Government and opposition delegates met in {name} on Monday and agreed to exchange {k} prisoners.",
    ])  # fmt: skip
    return {"text": f"{text} (Dispatch {n}, {rng.random():.6f}.)", "outlet": "Test Wire", "published": "2021-06-0" + str(1 + n % 9)}


READS = [
    ("/api/events", {}), ("/api/events", {"type": "FIGHT"}), ("/api/events", {"actor": "TUR"}), ("/api/events", {"actor": "rebels"}),
    ("/api/events", {"country": "IRQ", "min_sources": 2}), ("/api/events", {"near": "35.93,36.63", "within": 80}),
    ("/api/events", {"since": "2021-03-01", "until": "2021-06-30", "limit": 20}), ("/api/events", {"offset": 300, "limit": 50}),
    ("/api/counts", {"by": "type", "factuality": "all"}), ("/api/counts", {"by": "day", "near": "33.34,44.40", "within": 100}),
    ("/api/counts", {"by": "country", "type": "PROTEST"}), ("/api/places", {}), ("/api/actors", {}), ("/api/articles", {"limit": 10}),
]  # fmt: skip


@pytest.fixture(params=["sqlite", "postgresql"])
def live(request, tmp_path):
    """A seeded store, an API token, and the API served by uvicorn on a free loopback port."""
    url = f"sqlite:///{tmp_path}/load.sqlite" if request.param == "sqlite" else request.getfixturevalue("postgres_server").new_database()
    store = open_store(url)
    seed(store)
    token = create_token(store, "load-test")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield store, f"http://127.0.0.1:{port}", token
    server.should_exit = True
    thread.join(timeout=15)
    store.close()


def test_concurrent_readers_and_writers(live):
    store, base, token = live
    statuses: Counter = Counter()
    failures: list[str] = []
    written: list[str] = []
    lock = threading.Lock()
    writers_done = threading.Event()
    stop_writing = time.time() + WRITE_SECONDS

    def record(what: str, r: httpx.Response | None, err: Exception | None = None) -> None:
        with lock:
            if err is not None:
                failures.append(f"{what}: {type(err).__name__}: {err}")
                return
            statuses[r.status_code] += 1
            if r.status_code >= 500:
                failures.append(f"{what}: {r.status_code} {r.text[:300]}")

    def writer(i: int) -> None:
        rng = random.Random(100 + i)
        with httpx.Client(base_url=base, timeout=60, headers={"Authorization": f"Bearer {token}"}) as client:
            for n in range(ARTICLES_PER_WRITER):
                if time.time() > stop_writing:
                    return
                body = article(rng, i * 100 + n)
                try:
                    r = client.post("/api/articles", json=body)
                except httpx.HTTPError as err:
                    record("POST /api/articles", None, err)
                    continue
                record("POST /api/articles", r)
                if r.status_code in (200, 201) and (r.json()["stored"] or r.json()["already_stored"]):
                    with lock:
                        written.append(r.json()["article_id"])
                elif r.status_code < 500:
                    with lock:
                        failures.append(f"write refused: {r.status_code} {r.text[:300]}")

    def reader(i: int) -> None:
        rng = random.Random(i)
        with httpx.Client(base_url=base, timeout=60) as client:
            while not writers_done.is_set():
                path, params = rng.choice(READS)
                if rng.random() < 0.2:
                    path, params = f"/api/events/{rng.randint(1, 650)}", {}
                try:
                    record(f"GET {path} {params}", client.get(path, params=params))
                except httpx.HTTPError as err:
                    record(f"GET {path} {params}", None, err)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
    readers = [threading.Thread(target=reader, args=(i,)) for i in range(READERS)]
    for t in threads + readers:
        t.start()
    for t in threads:
        t.join(timeout=90)
    writers_done.set()
    for t in readers:
        t.join(timeout=30)
    assert not failures, failures[:10]
    assert statuses[200] > 50, statuses  # the readers did read while the writes went on
    assert len(written) >= WRITERS, f"too few writes finished in {WRITE_SECONDS} s: {statuses}"
    with store.session() as s:
        stored = set(s.scalars(select(Article.id).where(Article.id.in_(written))))
        n_events = s.scalar(select(func.count()).select_from(Event))
    assert stored == set(written), f"answered as stored but not in the store: {set(written) - stored}"
    # reads after the writes see them: the counts (cached all along, trailing writes by at most
    # the aggregates' lag) are the store's once that lag has passed
    time.sleep(AGGREGATE_LAG_S + 0.2)
    with httpx.Client(base_url=base, timeout=60) as client:
        by_type = client.get("/api/counts", params={"by": "type", "factuality": "all"}).json()["counts"]
        assert sum(c["count"] for c in by_type) == n_events > 600
        listed = client.get("/api/events", params={"factuality": "all", "limit": 1000}).json()["items"]
        assert len(listed) == n_events
        near = client.get("/api/events", params={"near": "33.34,44.40", "within": 100, "limit": 1000}).json()["items"]
        by_day = client.get("/api/counts", params={"by": "day", "near": "33.34,44.40", "within": 100}).json()["counts"]
        assert sum(c["count"] for c in by_day) == len(near) > 0


def test_reads_over_http_keyset_cursor_and_counts_with_a_radius(tmp_path):
    """The read side's contract, sequentially: next_after walks every event once; a bad cursor
    is a 422, not a 500; counts take the radius a list takes."""
    from fastapi.testclient import TestClient

    store = open_store(f"sqlite:///{tmp_path}/reads.sqlite")
    seed(store, 250)
    client = TestClient(create_app(store))
    seen, params = [], {"limit": 40, "factuality": "all"}
    for _ in range(20):
        body = client.get("/api/events", params=params).json()
        seen += [e["id"] for e in body["items"]]
        if body["next_after"] is None:
            break
        params["after"] = body["next_after"]
    assert sorted(seen) == list(range(1, 251)) and len(seen) == len(set(seen))
    whole = client.get("/api/events", params={"limit": 1000, "factuality": "all"}).json()["items"]
    assert seen == [e["id"] for e in whole]
    for bad in ["yesterday", "2021-02-30.5", "2021-01-01.99999999999999999999", "2021-01-01.9999999999999999999", "2021-01-01"]:
        r = client.get("/api/events", params={"after": bad})
        assert r.status_code == 422, (bad, r.status_code, r.text)
    near = client.get("/api/events", params={"near": "35.93,36.63", "within": 60, "limit": 1000}).json()["items"]
    counted = client.get("/api/counts", params={"by": "type", "near": "35.93,36.63", "within": 60}).json()["counts"]
    assert 0 < sum(c["count"] for c in counted) == len(near) < 250
    assert client.get("/api/events/999999").status_code == 404
    store.close()
