"""Export benchmark: rows/s and peak memory of streaming exports (store/export.py) on large stores.

For each size (default 100,000 and 1,000,000 events), a SQLite store of synthetic events is
filled (tests/export_synthetic.py: each event told by one or two reports, each a sentence of an
article with a URL, so the evidence is read as on a real store), then each format is exported
in a fresh process (``--child``) with ``export_store`` (every event, pages of ``--page``),
CSV, GeoJSON and JSONL to /dev/null and Parquet to a temporary file. Each child reports:

* rows/s (wall time of the export alone, not the process start);
* its peak RSS (VmHWM: Python, SQLite's page cache, Arrow's buffers, everything) and that peak
  less its RSS before the export (after imports and a warm-up page): what the export added.
  A streaming export adds about the same for 100,000 and 1,000,000 events. Most of it is
  SQLite's page cache, which fills as the file is read up to its bound (64 MB a connection,
  ``cache_size`` in store/db.py); Parquet adds Arrow's row group (``export.ROW_GROUP`` events).
  tests/store/test_export_stream.py checks Python's own peak (tracemalloc) apart from these.

Measured on this machine (2 cores, shared), SQLite, pages of 2000:

    100,000 events:   csv 23,535 rows/s, +58 MB   geojson 15,208 rows/s, +58 MB   parquet 17,258 rows/s, +102 MB
    1,000,000 events: csv 14,926 rows/s, +67 MB   geojson 14,802 rows/s, +62 MB   parquet 17,338 rows/s, +119 MB (file 64 MB)

    python bench/export.py [--events 100000 1000000] [--formats csv geojson parquet] [--page 2000]
                           [--postgresql]   (also on a throwaway PostgreSQL, tests/pg_server.py)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def child(url: str, fmt: str, n: int, page: int, tmp: str) -> None:
    from eventwire.store.db import open_store
    from eventwire.store.export import export_store, stream_events, write_events
    from eventwire.store.query import EventFilter

    store = open_store(url, must_exist=True)
    # warm up (imports, caches, Arrow's allocator and thread pools): a page, written as the export will be
    warm = Path(tmp) / "warm-up" if fmt == "parquet" else os.devnull
    write_events(stream_events(store, EventFilter(), limit=page, page=page), fmt, warm)
    rss_before = _status_kb("VmRSS")
    t0 = time.perf_counter()
    if fmt == "parquet":
        result = export_store(store, EventFilter(), fmt, Path(tmp) / "events.parquet", page=page)
        size = (Path(tmp) / "events.parquet").stat().st_size
    else:
        with open(os.devnull, "w", encoding="utf-8", newline="") as out:
            result = export_store(store, EventFilter(), fmt, out, page=page)
        size = None
    seconds = time.perf_counter() - t0
    store.close()
    assert result.read == n, (result.read, n)
    print(json.dumps({"rows": result.written, "seconds": seconds, "peak_kb": _status_kb("VmHWM"),
                      "before_kb": rss_before, "file_bytes": size}))  # fmt: skip


def run(url: str, n: int, formats: list[str], page: int, tmp: str) -> None:
    for fmt in formats:
        out = subprocess.run([sys.executable, __file__, "--child", url, fmt, str(n), str(page), tmp],
                             capture_output=True, text=True, check=False)  # fmt: skip
        if out.returncode:
            print(f"    {fmt:<8} failed: {out.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        extra = f", file {r['file_bytes'] / 1e6:.0f} MB" if r["file_bytes"] else ""
        print(f"    {fmt:<8} {r['rows'] / r['seconds']:9,.0f} rows/s ({r['seconds']:6.1f} s)   peak RSS {r['peak_kb'] / 1024:6.0f} MB,"
              f" {(r['peak_kb'] - r['before_kb']) / 1024:5.0f} MB over the RSS before the export{extra}", flush=True)  # fmt: skip


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        url, fmt, n, page, tmp = sys.argv[2:7]
        child(url, fmt, int(n), int(page), tmp)
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--formats", nargs="+", default=["csv", "geojson", "parquet"])
    ap.add_argument("--page", type=int, default=2000)
    ap.add_argument("--postgresql", action="store_true", help="also on a throwaway PostgreSQL server")
    args = ap.parse_args()

    from export_synthetic import fill_events_with_reports

    servers = []
    with tempfile.TemporaryDirectory() as tmp:
        try:
            backends = {"sqlite": lambda n: f"sqlite:///{tmp}/export-{n}.sqlite"}
            if args.postgresql:
                from pg_server import PostgresServer, available

                ok, reason = available()
                if ok:
                    server = PostgresServer()
                    server.start()
                    servers.append(server)
                    backends["postgresql"] = lambda n: server.new_database()
                else:
                    print(f"(PostgreSQL skipped: {reason})")
            for name, make_url in backends.items():
                for n in args.events:
                    url = make_url(n)
                    t0 = time.perf_counter()
                    fill_events_with_reports(url, n)
                    if name == "postgresql":
                        from eventwire.store.db import open_store

                        store = open_store(url)
                        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                            conn.exec_driver_sql("VACUUM ANALYZE")
                        store.close()
                    print(f"{name}, {n:,} events (filled in {time.perf_counter() - t0:.0f} s), pages of {args.page}:", flush=True)
                    run(url, n, args.formats, args.page, tmp)
                    if name == "sqlite":
                        os.remove(url.removeprefix("sqlite:///"))
        finally:
            for s in servers:
                s.stop()


if __name__ == "__main__":
    main()
