"""Load test of the API (loopback only, bounded): p50/p99 latency of /api/events with
filters on a store of 100,000 synthetic events, at 50 concurrent clients.

Starts ``eventwire serve``'s app with uvicorn on 127.0.0.1 in this process (one
worker, as ``eventwire serve`` runs), fills a SQLite store with synthetic events
(see bench/store.py), then sends ``--requests`` requests from ``--clients``
concurrent clients, cycling through the filters below, and stops after
``--seconds`` at the latest.

    python bench/api_load.py [--events 100000] [--clients 50] [--requests 2000] [--seconds 120] [--workers 1]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from eventwire.store.db import open_store  # noqa: E402
from eventwire.web.api import create_app  # noqa: E402
from store import fill_synthetic  # noqa: E402

FILTERS = [
    {"type": "FIGHT", "limit": 100},
    {"actor": "TUR", "limit": 100},
    {"near": "35.93,36.63", "within": 50, "limit": 100},
    {"since": "2024-03-01", "limit": 100},
    {"min_sources": 2, "limit": 100},
    {"type": "MOBILIZE", "actor": "TUR", "near": "35.93,36.63", "within": 50, "since": "2020-03-01", "min_sources": 2},
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def load(base: str, clients: int, requests: int, deadline: float) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    counter = iter(range(requests))
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def worker() -> None:
            nonlocal errors
            for i in counter:
                if time.perf_counter() > deadline:
                    return
                t0 = time.perf_counter()
                r = await client.get("/api/events", params=FILTERS[i % len(FILTERS)])
                latencies.append(time.perf_counter() - t0)
                errors += r.status_code != 200

        await asyncio.gather(*(worker() for _ in range(clients)))
    return latencies, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--workers", type=int, default=1, help="server processes (eventwire serve --workers)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/load.sqlite"
        fill_synthetic(url, args.events, random.Random(2))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        if args.workers > 1:
            proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", url, "--port", str(port),
                                     "--workers", str(args.workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
            for _ in range(300):
                try:
                    if httpx.get(f"{base}/api/events", params={"limit": 1}, timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            stop = proc.terminate
        else:
            server = uvicorn.Server(uvicorn.Config(create_app(open_store(url)), host="127.0.0.1", port=port, log_level="warning"))
            thread = threading.Thread(target=server.run, daemon=True)
            thread.start()
            while not server.started:
                time.sleep(0.05)

            def stop() -> None:
                server.should_exit = True
                thread.join(timeout=10)

        t0 = time.perf_counter()
        latencies, errors = asyncio.run(load(base, args.clients, args.requests, t0 + args.seconds))
        wall = time.perf_counter() - t0
        stop()
    ms = sorted(x * 1000 for x in latencies)
    p = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]  # noqa: E731
    print(f"{len(ms)} requests to /api/events ({len(FILTERS)} filter mixes) on {args.events:,} synthetic events, "
          f"{args.clients} concurrent clients, SQLite, {args.workers} server process(es)")  # fmt: skip
    print(f"  p50 {p(0.50):7.1f} ms   p90 {p(0.90):7.1f} ms   p99 {p(0.99):7.1f} ms   mean {statistics.mean(ms):7.1f} ms")
    print(f"  throughput {len(ms) / wall:6.1f} requests/s   errors {errors}")


if __name__ == "__main__":
    main()
