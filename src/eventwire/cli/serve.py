"""Serving and feeding a store: serve, watch, token create|list|revoke."""

from __future__ import annotations

import argparse
import os
import sys

from ..errors import EventwireError
from .common import add_db, add_group


# One process serves reads on one core at a time (Python's lock): two keep two cores busy
# (on 100,000 events, 50 readers: SQLite 255 -> 453 reads/s, p99 382 -> 280 ms; README, Load).
DEFAULT_WORKERS = min(2, os.cpu_count() or 1)


def register(sub) -> None:
    wt = sub.add_parser("watch", help="poll RSS/Atom feeds, fetch new items' pages and ingest them")
    wt.add_argument("feeds", help="a text file with one feed URL per line (# for comments)")
    wt.add_argument("--every", default="15m", help="polling interval: 30s, 15m, 1h (default 15m)")
    add_db(wt)
    wt.add_argument("--once", action="store_true", help="one round, then exit")
    wt.add_argument("--allow-private", action="store_true", help="let feeds and pages be on loopback/private addresses")
    wt.set_defaults(func=cmd_watch)

    sv = sub.add_parser("serve", help="the REST API (OpenAPI docs at /docs)")
    add_db(sv)
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    sv.add_argument("--workers", type=int, default=DEFAULT_WORKERS,
                    help=f"server processes (default {DEFAULT_WORKERS}: two where there are two cores)")  # fmt: skip
    sv.set_defaults(func=cmd_serve)

    tk = add_group(sub, "token", "API tokens for the write endpoints", "token_command")
    tc = tk.add_parser("create", help="create a token (printed once; only its hash is stored)")
    tc.add_argument("--name", default="analyst", help="who the token is for (recorded with each correction)")
    add_db(tc)
    tc.set_defaults(func=cmd_token_create)
    tl = tk.add_parser("list", help="the tokens in the store: name, when created, revoked or not (never the token)")
    add_db(tl)
    tl.set_defaults(func=cmd_token_list)
    tv = tk.add_parser("revoke", help="revoke a token (given whole) or every token of a name: refused from then on")
    tv.add_argument("token_or_name", help="the token as printed by create, or a name given to create --name")
    add_db(tv)
    tv.set_defaults(func=cmd_token_revoke)


def cmd_watch(args: argparse.Namespace) -> int:
    from ..store.db import open_store
    from ..web.feeds import default_state_path, parse_interval, watch
    from ..web.fetch import Fetcher, FetchState

    try:
        every = parse_interval(args.every)
    except ValueError as err:
        raise EventwireError(f"--every {args.every!r}: {err}") from None
    with open_store(args.db) as store:
        state_path = default_state_path(args.feeds)
        fetcher = Fetcher(state=FetchState(state_path), allow_private=args.allow_private, respect_robots=True)
        try:
            watch(args.feeds, store, every, once=args.once, fetcher=fetcher, state_path=state_path)
        except KeyboardInterrupt:
            pass
        finally:
            fetcher.close()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..store.db import default_url, open_store

    url = args.db or default_url()
    if args.workers > 1 and ":memory:" in url:
        raise EventwireError(f"{url}: each of --workers {args.workers} processes would have its own empty in-memory store; "
                             "give a file, or --workers 1")  # fmt: skip
    open_store(url).close()  # migrate once, and fail here with a clear message if the URL is wrong
    if args.workers > 1:
        os.environ["EVENTWIRE_DB"] = url  # each worker process opens the store itself
        uvicorn.run("eventwire.web.api:app_from_env", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level="info")  # fmt: skip
    else:
        from ..web.api import create_app

        uvicorn.run(create_app(open_store(url)), host=args.host, port=args.port, log_level="info")
    return 0


def cmd_token_create(args: argparse.Namespace) -> int:
    from ..store.db import open_store
    from ..web.api import create_token

    with open_store(args.db) as store:
        print(create_token(store, args.name))
        print(f"eventwire: token for {args.name!r} created in {store.url}; it is shown only now", file=sys.stderr)
    return 0


def cmd_token_list(args: argparse.Namespace) -> int:
    from ..store.db import open_store
    from ..web.api import list_tokens

    with open_store(args.db, must_exist=True) as store:
        for tok in list_tokens(store):
            print(f"{tok['name']}\tcreated {tok['created_at']}\t{'revoked' if tok['revoked'] else 'active'}")
    return 0


def cmd_token_revoke(args: argparse.Namespace) -> int:
    from ..store.db import open_store
    from ..web.api import revoke_tokens

    with open_store(args.db, must_exist=True) as store:
        n = revoke_tokens(store, args.token_or_name)
    if not n:
        raise EventwireError(f"no active token is {args.token_or_name!r} or named so in {store.url}; see `eventwire token list`")
    print(f"eventwire: {n} token(s) revoked in {store.url}", file=sys.stderr)
    return 0
