"""The gazetteer: gazetteer build|info."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .common import add_db, add_group


def register(sub) -> None:
    gz = add_group(sub, "gazetteer", "build or inspect the gazetteer", "gazetteer_command")
    build = gz.add_parser("build", help="build the gazetteer (default: GeoNames cities500 from the pinned package)")
    add_db(build, "gazetteer file (default: the versioned file in $EVENTWIRE_HOME, ~/.cache/eventwire)")
    build.add_argument("--geonames", nargs="+", default=[], metavar="FILE",
                       help="GeoNames dumps to import: allCountries.zip, SY.zip, admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2.zip")  # fmt: skip
    build.add_argument("--places", nargs="+", default=[], metavar="CSV", help="your own places: name,latitude,longitude,country[,admin1,feature,alternate_names]")
    build.add_argument("--fresh", action="store_true", help="start from a new default gazetteer even if the file exists")
    build.set_defaults(func=cmd_gazetteer_build)
    info = gz.add_parser("info", help="what the gazetteer holds")
    add_db(info, "gazetteer file (default: as for build)")
    info.set_defaults(func=cmd_gazetteer_info)


def _path(args: argparse.Namespace) -> Path:
    from ..geo.gazetteer import default_path

    return Path(args.db) if args.db else default_path()


def cmd_gazetteer_build(args: argparse.Namespace) -> int:
    from ..geo.gazetteer import SqliteGazetteer, add_user_places, build_default, default_sqlite_gazetteer

    path = _path(args)
    if args.fresh or not path.exists():
        print(f"building {path} from the pinned GeoNames data…", file=sys.stderr)
        build_default(path, progress=lambda n: print(f"  {n:,} places", file=sys.stderr))
    if args.geonames:
        from ..geo.geonames_dump import import_geonames

        summary = import_geonames(path, args.geonames, progress=lambda n: print(f"  {n:,} rows", file=sys.stderr))
        print(f"imported {summary}", file=sys.stderr)
    for csv_path in args.places:
        print(f"added {add_user_places(path, csv_path)} places from {csv_path}", file=sys.stderr)
    default_sqlite_gazetteer.cache_clear()
    print(json.dumps(SqliteGazetteer(path).stats()))
    return 0


def cmd_gazetteer_info(args: argparse.Namespace) -> int:
    from ..geo.gazetteer import SqliteGazetteer

    print(json.dumps(SqliteGazetteer(_path(args)).stats(), indent=2))
    return 0
