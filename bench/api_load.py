"""Load test of the API (loopback only, bounded): per-endpoint p50/p95/p99 latency,
requests/s and errors by status, on a store of 100,000 synthetic events, with 50
concurrent readers and, optionally, a few concurrent writers, on SQLite and on
PostgreSQL + PostGIS.

The server runs as ``eventwire serve`` runs it: uvicorn over
``eventwire.web.api:app_from_env`` in its own process(es) (``--workers``), on
127.0.0.1 (the access log is off: it is not what is measured). The store is
filled with synthetic events (bench/store.py ``fill_synthetic``); PostgreSQL
runs when tests/pg_server.py can start a throwaway server.

The load generator runs in this process, on the same machine: one keep-alive
HTTP/1.1 connection per client over asyncio streams (a few lines of its own
rather than httpx, so that the generator's own CPU, which competes with the
server for the same cores, stays small: it is printed beside the server's).
Each reader sends requests back to back, drawn from a weighted mix of reads:
/api/events with each filter (type, actor as ISO3 and as a name, country,
near + within, since/until, min_sources, combinations, deep offsets, keyset
pages following ``next_after``), /api/events/{id}, and /api/counts by day, type
and country with filters. Writers (``--writers``) POST /api/articles with short
synthetic English news paragraphs, back to back (``--write-pause`` between
posts), with an API token made for the run; at the end every write answered
201 is looked up in the store.

A warm-up (``--warmup`` seconds of the same mix, plus a first article per
writer, which loads the NLP pipeline) is not counted.

    python bench/api_load.py [--backend sqlite|postgresql|both] [--events 100000] [--clients 50]
                             [--writers 0] [--seconds 30] [--workers 1] [--json results.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from synthetic_events import ACTOR_COUNTRIES, PLACES, TYPES, fill_synthetic  # noqa: E402

SECTORS = ("military", "government", "rebels", "civilians")
REQUEST_TIMEOUT = 30.0


# --------------------------------------------------------------------------- a lean HTTP/1.1 client


class Http:
    """One keep-alive HTTP/1.1 connection (Content-Length or chunked bodies)."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, target: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        try:
            return await asyncio.wait_for(self._request(method, target, body, headers or {}), REQUEST_TIMEOUT)
        except BaseException:
            self.close()  # a half-read response leaves the connection unusable
            raise

    async def _request(self, method: str, target: str, body: bytes | None, headers: dict[str, str]) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = f"{method} {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        if body is not None:
            head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        self.writer.write(head.encode("latin-1") + b"\r\n" + (body or b""))
        r = self.reader
        status = int((await r.readuntil(b"\r\n")).split()[1])
        length, chunked, close = None, False, False
        while (line := await r.readuntil(b"\r\n")) != b"\r\n":
            k, _, v = line.decode("latin-1").partition(":")
            k, v = k.strip().lower(), v.strip().lower()
            if k == "content-length":
                length = int(v)
            elif k == "transfer-encoding" and "chunked" in v:
                chunked = True
            elif k == "connection" and v == "close":
                close = True
        if chunked:
            parts = []
            while size := int((await r.readuntil(b"\r\n")).split(b";")[0], 16):
                parts.append(await r.readexactly(size + 2))
            await r.readuntil(b"\r\n")
            data = b"".join(p[:-2] for p in parts)
        elif length is not None:
            data = await r.readexactly(length)
        else:
            data, close = await r.read(), True
        if close:
            self.close()
        return status, data

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


# --------------------------------------------------------------------------- the mix of reads


@dataclass
class ClientState:
    rng: random.Random
    n_events: int
    keyset: tuple[dict, str | None] | None = None  # (filter, cursor) of the page walk in progress


def _day(rng: random.Random) -> date:
    return date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))


def _point(rng: random.Random) -> str:
    _, lat, lon, _ = rng.choice(PLACES)
    return f"{lat},{lon}"


def _page(rng: random.Random) -> dict:
    return {"limit": rng.choice([20, 50, 100, 100])}


def _counts_filter(rng: random.Random) -> dict:
    """Dashboard filters: a bounded set, as a page offers (so a cache can be hit; writes invalidate it)."""
    kind = rng.randrange(6)
    if kind == 0:
        return {}
    if kind == 1:
        return {"type": rng.choice(TYPES)}
    if kind == 2:
        return {"country": rng.choice(PLACES)[3]}
    if kind == 3:
        return {"near": _point(rng), "within": rng.choice([50, 200])}
    if kind == 4:
        return {"actor": rng.choice(ACTOR_COUNTRIES), "since": f"{rng.randrange(2019, 2025)}-01-01"}
    return {"since": f"{rng.randrange(2019, 2025)}-{rng.randrange(1, 13):02d}-01", "min_sources": 2}


def _keyset(s: ClientState) -> tuple[str, dict]:
    if s.keyset is None or s.keyset[1] is None:
        s.keyset = (rng_choice_filter(s.rng), None)
    f, cursor = s.keyset
    return "/api/events", {**f, "limit": 100, **({"after": cursor} if cursor else {})}


def rng_choice_filter(rng: random.Random) -> dict:
    return rng.choice([{}, {"type": rng.choice(TYPES)}, {"country": rng.choice(PLACES)[3]}, {"min_sources": 3}])


# label -> (weight, request maker)
READS: dict[str, tuple[int, Callable[[ClientState], tuple[str, dict]]]] = {
    "events type": (6, lambda s: ("/api/events", {"type": s.rng.choice(TYPES), **_page(s.rng)})),
    "events actor ISO3": (6, lambda s: ("/api/events", {"actor": s.rng.choice(ACTOR_COUNTRIES), **_page(s.rng)})),
    "events actor name": (4, lambda s: ("/api/events", {"actor": s.rng.choice([f"{s.rng.choice(ACTOR_COUNTRIES)} {s.rng.choice(SECTORS)}",
                                                                                s.rng.choice(SECTORS)]), **_page(s.rng)})),  # fmt: skip
    "events country": (6, lambda s: ("/api/events", {"country": s.rng.choice(PLACES)[3], **_page(s.rng)})),
    "events near 50km": (6, lambda s: ("/api/events", {"near": _point(s.rng), "within": 50, **_page(s.rng)})),
    "events near 300km": (3, lambda s: ("/api/events", {"near": _point(s.rng), "within": 300, **_page(s.rng)})),
    "events near name": (2, lambda s: ("/api/events", {"near": s.rng.choice(["Baghdad", "Mosul", "Goma", "Odesa"]), "within": 100})),
    "events since/until": (6, lambda s: ("/api/events", {"since": (d := _day(s.rng)).isoformat(),
                                                         "until": (d + timedelta(days=s.rng.choice([7, 30, 365]))).isoformat(),
                                                         **_page(s.rng)})),  # fmt: skip
    "events since": (3, lambda s: ("/api/events", {"since": _day(s.rng).isoformat(), **_page(s.rng)})),
    "events min_sources": (4, lambda s: ("/api/events", {"min_sources": s.rng.choice([2, 3, 4]), **_page(s.rng)})),
    "events combo": (5, lambda s: ("/api/events", {"type": s.rng.choice(TYPES), "country": s.rng.choice(PLACES)[3],
                                                   "since": _day(s.rng).isoformat(), "min_sources": 2})),  # fmt: skip
    "events combo+near": (3, lambda s: ("/api/events", {"type": s.rng.choice(TYPES), "actor": s.rng.choice(ACTOR_COUNTRIES),
                                                        "near": _point(s.rng), "within": 100, "since": "2020-03-01",
                                                        "min_sources": 2})),  # fmt: skip
    "events deep offset": (4, lambda s: ("/api/events", {"offset": s.rng.randrange(1000, max(1001, s.n_events - 200)), "limit": 100})),
    "events deep offset+type": (2, lambda s: ("/api/events", {"type": s.rng.choice(TYPES), "offset": s.rng.randrange(1000, max(1001, s.n_events // 10)),
                                                              "limit": 100})),  # fmt: skip
    "events keyset page": (4, _keyset),
    "event by id": (15, lambda s: (f"/api/events/{s.rng.randint(1, s.n_events)}", {})),
    "counts by day": (7, lambda s: ("/api/counts", {"by": "day", **_counts_filter(s.rng)})),
    "counts by type": (4, lambda s: ("/api/counts", {"by": "type", **_counts_filter(s.rng)})),
    "counts by country": (4, lambda s: ("/api/counts", {"by": "country", **_counts_filter(s.rng)})),
}


# --------------------------------------------------------------------------- writes

OUTLETS = ["Wire Desk", "Daily Courier", "Frontline News", "Regional Times", "Evening Herald"]
ARMED = ["Government forces", "Rebel fighters", "Militants", "Army troops", "Gunmen"]
PROTESTERS = ["Hundreds of students", "Thousands of workers", "Farmers", "Residents", "Opposition supporters"]
OFFICIALS = ["The foreign minister", "The president", "A military spokesman", "The governor", "Police officials"]


def synthetic_article(rng: random.Random, n: int) -> dict:
    """A short English news paragraph, unique by its numbers and its serial."""
    name, _, _, _ = rng.choice(PLACES)
    day = _day(rng)
    weekday = day.strftime("%A")
    k = rng.randint(2, 40)
    kind = rng.randrange(4)
    if kind == 0:
        text = (f"{rng.choice(ARMED)} attacked a checkpoint near {name} on {weekday}, killing {k} soldiers, "
                f"local officials said. {rng.choice(OFFICIALS)} condemned the attack and said an investigation was under way.")  # fmt: skip
    elif kind == 1:
        text = (f"{rng.choice(PROTESTERS)} protested in {name} on {weekday} against rising fuel prices. "
                f"Police arrested {k} demonstrators after clashes near the central square, witnesses said.")  # fmt: skip
    elif kind == 2:
        text = (f"{rng.choice(OFFICIALS)} met delegates in {name} on {weekday} to discuss a ceasefire. "
                f"The two sides agreed to exchange {k} prisoners next week, according to a statement.")  # fmt: skip
    else:
        text = (f"An airstrike hit a market in {name} on {weekday}, killing at least {k} civilians, "
                f"a monitoring group reported. {rng.choice(OFFICIALS)} accused the rebels of shelling the city.")  # fmt: skip
    text += f" (Report {n}.)"
    return {"text": text, "outlet": rng.choice(OUTLETS), "published": (day + timedelta(days=1)).isoformat(),
            "title": f"{name}: report {n}"}  # fmt: skip


# --------------------------------------------------------------------------- running the load


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    written: list[str] = field(default_factory=list)  # article ids answered 201 with stored or already_stored


async def run_load(port: int, n_events: int, clients: int, writers: int, token: str | None, seconds: float,
                   write_pause: float, seed: int, labels: list[str], results: Results | None) -> Results:  # fmt: skip
    results = results or Results()
    weights = [READS[k][0] for k in labels]
    deadline = time.perf_counter() + seconds
    serial = iter(range(10**9))
    run_tag = f"{seed}-{time.time_ns()}"

    async def timed(http: Http, label: str, method: str, target: str, body: bytes | None = None, headers=None) -> bytes | None:
        t0 = time.perf_counter()
        try:
            status, data = await http.request(method, target, body, headers)
        except Exception as err:  # noqa: BLE001 - every failure is counted, by kind
            results.statuses[label][f"conn:{type(err).__name__}"] += 1
            await asyncio.sleep(0.05)
            return None
        results.latencies[label].append(time.perf_counter() - t0)
        results.statuses[label][status] += 1
        return data if status < 300 else None

    async def reader(i: int) -> None:
        s = ClientState(random.Random(seed * 1000 + i), n_events)
        http = Http("127.0.0.1", port)
        while time.perf_counter() < deadline:
            label = s.rng.choices(labels, weights)[0]
            path, params = READS[label][1](s)
            data = await timed(http, label, "GET", path + ("?" + urlencode(params) if params else ""))
            if label == "events keyset page":
                s.keyset = (s.keyset[0], json.loads(data).get("next_after") if data else None)
        http.close()

    async def writer(i: int) -> None:
        rng = random.Random(seed * 7919 + i)
        http = Http("127.0.0.1", port)
        headers = {"Authorization": f"Bearer {token}"}
        while time.perf_counter() < deadline:
            art = synthetic_article(rng, next(serial))
            art["text"] += f" [{run_tag}]"
            data = await timed(http, "POST /api/articles", "POST", "/api/articles", json.dumps(art).encode(), headers)
            if data:
                body = json.loads(data)
                if body.get("stored") or body.get("already_stored"):
                    results.written.append(body["article_id"])
            if write_pause:
                await asyncio.sleep(write_pause)
        http.close()

    await asyncio.gather(*(reader(i) for i in range(clients)), *(writer(i) for i in range(writers)))
    return results


def pct(xs: list[float], q: float) -> float:
    return xs[min(len(xs) - 1, int(q * len(xs)))] * 1000 if xs else float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, workers: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "EVENTWIRE_DB": url, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "eventwire.web.api:app_from_env", "--factory", "--host", "127.0.0.1",
                             "--port", str(port), "--workers", str(workers), "--log-level", "warning", "--no-access-log"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"GET /api/events?limit=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                if s.recv(64).startswith(b"HTTP/1.1 200"):
                    return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not answer within 120 s")


def cpu_seconds(proc: subprocess.Popen) -> float:
    import psutil

    try:
        p = psutil.Process(proc.pid)
        procs = [p, *p.children(recursive=True)]
        return sum(sum(x.cpu_times()[:2]) for x in procs)
    except psutil.Error:
        return float("nan")


def db_server_cpu(data_dir: str | None) -> float:
    """CPU seconds of the PostgreSQL server's processes (0 for SQLite, which runs in the API's)."""
    if not data_dir:
        return 0.0
    import psutil

    total = 0.0
    for p in psutil.process_iter(["cmdline"]):
        try:
            if any(data_dir in part for part in p.info["cmdline"] or ()):
                # the postmaster's own time, its ended backends' (reaped children), and the live ones'
                total += sum(p.cpu_times()[:4]) + sum(sum(x.cpu_times()[:2]) for x in p.children(recursive=True))
        except psutil.Error:
            pass
    return total


def bench_backend(name: str, url: str, args: argparse.Namespace, data_dir: str | None = None) -> dict:
    from eventwire.store.db import open_store
    from eventwire.web.api import create_token

    t0 = time.perf_counter()
    fill_synthetic(url, args.events, random.Random(2))
    store = open_store(url)
    if store.dialect == "postgresql":  # what autovacuum does soon after a bulk load (index-only scans need it)
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            # the test server commits asynchronously, and VACUUM marks rows all-visible only once
            # their commit is on disk: a synchronous commit (ANALYZE's) first puts it there
            conn.exec_driver_sql("SET synchronous_commit = on")
            conn.exec_driver_sql("ANALYZE")
            conn.exec_driver_sql("VACUUM ANALYZE")
            allvisible = conn.exec_driver_sql("SELECT relallvisible >= relpages FROM pg_class WHERE relname = 'events'").scalar()
            print(f"  events all-visible after VACUUM: {allvisible}")
    token = create_token(store, "bench") if args.writers else None
    store.close()
    fill_s = time.perf_counter() - t0
    proc, port = start_server(url, args.workers)
    labels = [k for k in READS if k not in args.skip]
    try:
        warm = Results()
        asyncio.run(run_load(port, args.events, args.clients, args.writers, token, args.warmup, 0, 99, labels, warm))
        load_start = os.getloadavg()[0]
        cpu0, client0, db0 = cpu_seconds(proc), sum(resource.getrusage(resource.RUSAGE_SELF)[:2]), db_server_cpu(data_dir)
        t0 = time.perf_counter()
        res = asyncio.run(run_load(port, args.events, args.clients, args.writers, token, args.seconds, args.write_pause, 1, labels, None))
        wall = time.perf_counter() - t0
        server_cpu, client_cpu = cpu_seconds(proc) - cpu0, sum(resource.getrusage(resource.RUSAGE_SELF)[:2]) - client0
        db_cpu = db_server_cpu(data_dir) - db0
        load_end = os.getloadavg()[0]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    missing = []
    if res.written:
        from sqlalchemy import select

        from eventwire.store.models import Article

        store = open_store(url)
        with store.session() as s:
            ids = set(res.written + warm.written)
            found = set()
            for i in range(0, len(ids), 500):
                chunk = sorted(ids)[i : i + 500]
                found |= set(s.scalars(select(Article.id).where(Article.id.in_(chunk))))
            missing = sorted(ids - found)
        store.close()
    reads = sorted(x for k, v in res.latencies.items() if k in READS for x in v)
    out = {"backend": name, "events": args.events, "clients": args.clients, "writers": args.writers, "workers": args.workers,
           "seconds": wall, "fill_seconds": fill_s, "load_avg": [load_start, load_end], "server_cpu_s": server_cpu,
           "client_cpu_s": client_cpu, "db_server_cpu_s": db_cpu, "reads_per_s": len(reads) / wall,
           "reads": {"n": len(reads), "p50": pct(reads, .5), "p95": pct(reads, .95), "p99": pct(reads, .99)},
           "endpoints": {}, "errors": {}, "written": len(res.written), "written_missing": len(missing)}  # fmt: skip
    for label in [*labels, "POST /api/articles"]:
        xs = sorted(res.latencies.get(label, []))
        st = res.statuses.get(label, Counter())
        if not xs and not st:
            continue
        out["endpoints"][label] = {"n": sum(st.values()), "p50": pct(xs, .5), "p95": pct(xs, .95), "p99": pct(xs, .99),
                                   "max": xs[-1] * 1000 if xs else float("nan"),
                                   "errors": {str(k): v for k, v in st.items() if not (isinstance(k, int) and k < 400)}}  # fmt: skip
        for k, v in out["endpoints"][label]["errors"].items():
            out["errors"][k] = out["errors"].get(k, 0) + v
    warm_errors = {str(k): v for st in warm.statuses.values() for k, v in st.items() if not (isinstance(k, int) and k < 400)}
    out["warmup_errors"] = warm_errors
    report(out)
    return out


def report(o: dict) -> None:
    print(f"\n{o['backend']}: {o['events']:,} synthetic events, {o['clients']} readers + {o['writers']} writers, "
          f"{o['workers']} server process(es), {o['seconds']:.0f} s measured (load avg {o['load_avg'][0]:.2f} -> {o['load_avg'][1]:.2f})")  # fmt: skip
    print(f"  {'endpoint':<26}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}  errors")
    for label, e in o["endpoints"].items():
        errs = ", ".join(f"{k}: {v}" for k, v in sorted(e["errors"].items())) or "-"
        print(f"  {label:<26}{e['n']:>7}{e['p50']:>9.1f}{e['p95']:>9.1f}{e['p99']:>9.1f}{e['max']:>9.1f}  {errs}")
    r = o["reads"]
    print(f"  {'all reads':<26}{r['n']:>7}{r['p50']:>9.1f}{r['p95']:>9.1f}{r['p99']:>9.1f}")
    print(f"  reads {o['reads_per_s']:.1f}/s; errors by status: {o['errors'] or 'none'}"
          f"{'; warm-up errors: ' + str(o['warmup_errors']) if o['warmup_errors'] else ''}")  # fmt: skip
    if o["writers"]:
        print(f"  writes answered 201 and stored: {o['written']}, of which not found in the store afterwards: {o['written_missing']}")
    db = f", PostgreSQL server {o['db_server_cpu_s']:.1f} s" if o["db_server_cpu_s"] else ""
    print(f"  CPU: API server {o['server_cpu_s']:.1f} s{db}, load generator {o['client_cpu_s']:.1f} s, over {o['seconds']:.0f} s "
          f"on {os.cpu_count()} cores; store filled in {o['fill_seconds']:.1f} s")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50, help="concurrent readers")
    ap.add_argument("--writers", type=int, default=0, help="concurrent writers posting articles")
    ap.add_argument("--write-pause", type=float, default=0.0, help="seconds each writer waits between posts")
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--warmup", type=float, default=5)
    ap.add_argument("--workers", type=int, default=1, help="server processes (eventwire serve --workers)")
    ap.add_argument("--skip", action="append", default=[], help="leave a read of the mix out (its label); repeatable")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    print(f"load avg at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.backend in ("sqlite", "both"):
            results.append(bench_backend("SQLite", f"sqlite:///{tmp}/load.sqlite", args))
        if args.backend in ("postgresql", "both"):
            from pg_server import PostgresServer, available

            ok, reason = available()
            if not ok:
                print(f"\n(PostgreSQL skipped: {reason})")
            else:
                with PostgresServer() as server:
                    results.append(bench_backend("PostgreSQL", server.new_database(), args, str(server.data_dir)))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
