"""Polling RSS and Atom feeds into articles, and the ``watch`` loop that stores them.

``poll_feeds`` fetches each feed (conditionally: an unchanged feed costs one 304),
reads it with feedparser, and fetches every item link not seen before. It yields
``Article``s and the ``InputError``s of what could not be read; a broken feed
never stops the others. ``watch`` runs rounds of poll -> ingest -> save state.

Feeds are always downloaded by our ``Fetcher`` (SSRF guard, size cap, timeouts)
and handed to feedparser as bytes; feedparser itself never touches the network.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TextIO

from ..article import MAX_OUTLET_CHARS, Article
from ..errors import EventwireError, InputError
from .fetch import FEED_ACCEPT, Fetcher, FetchState

SeenURLs = Callable[[str], bool] | Collection[str] | None


class FeedError(InputError):
    """A feed that could not be read: not fetched (HTTP error, timeout, refused) or not RSS/Atom."""


@dataclass
class PollStats:
    """What one ``poll_feeds`` round did (filled in as the generator runs)."""

    feeds: int = 0
    unchanged: int = 0  # answered 304
    failed_feeds: int = 0
    items: int = 0  # item links listed by the feeds read
    known: int = 0  # skipped: seen before or already in the store
    articles: int = 0  # fetched and read
    failed_items: int = 0


def poll_feeds(
    feed_urls: Iterable[str],
    fetcher: Fetcher,
    state: FetchState | None = None,
    seen_urls: SeenURLs = None,
    *,
    stats: PollStats | None = None,
) -> Iterator[Article | InputError]:
    """Yield an ``Article`` for every new item of the feeds, and an ``InputError`` for what failed.

    ``state`` (default ``fetcher.state``) holds the seen item URLs; ``seen_urls`` is
    a callable or collection saying which URLs are already stored (see
    ``stored_urls``). Items are marked seen as they are yielded, but nothing is
    written to disk: call ``state.save()`` once the articles are stored, so an
    interrupted round is fetched again rather than lost.

    An item whose fetch failed transiently (timeout, 5xx) is not marked seen, and
    its feed's validators are dropped, so the next round reads the feed in full and
    tries the item again. For each article, the item's date and the feed's title
    stand in for a date and an outlet the page does not state; the item's title
    for a missing page title.
    """
    state = state if state is not None else fetcher.state
    stats = stats if stats is not None else PollStats()
    in_store = _predicate(seen_urls)
    for feed_url in feed_urls:
        stats.feeds += 1
        feed = _fetch_feed(feed_url, fetcher)
        if feed is None:
            stats.unchanged += 1
            continue
        if isinstance(feed, FeedError):
            stats.failed_feeds += 1
            fetcher.state.forget(feed_url)  # read it in full next time, whatever its validators say
            yield feed
            continue
        entries, title = feed
        retry_feed = False
        for link, entry in entries:
            stats.items += 1
            if state.is_seen(link) or in_store(link):
                stats.known += 1
                continue
            item = _fetch_item(fetcher, link, entry, title)
            if isinstance(item, Article):
                state.mark_seen(link, item.url)
                stats.articles += 1
            else:
                stats.failed_items += 1
                if getattr(item, "transient", False):
                    retry_feed = True
                else:
                    state.mark_seen(link)  # a 404, a refused URL or a page with no article: do not ask again
            yield item
        if retry_feed:
            fetcher.state.forget(feed_url)


def _fetch_feed(feed_url: str, fetcher: Fetcher):
    """(item links with their entries, feed title); None when the feed is unchanged (304); or the
    ``FeedError`` saying why it cannot be read. Never raises: one feed's failure, of whatever
    kind, must not keep the feeds after it from being polled."""
    try:
        res = fetcher.fetch(feed_url, conditional=True, accept=FEED_ACCEPT)
        if res.not_modified:
            return None
        entries, title, problem = _read_feed(res.content, res.final_url, res.headers.get("content-type", ""))
    except InputError as err:
        return FeedError(feed_url, f"feed not fetched: {err.reason}")
    except Exception as exc:  # noqa: BLE001 - a parser or network layer fault stays with this feed
        return FeedError(feed_url, f"cannot read this feed ({exc.__class__.__name__}: {exc})")
    return FeedError(feed_url, problem) if problem else (entries, title)


def _fetch_item(fetcher: Fetcher, link: str, entry, feed_title: str | None) -> Article | InputError:
    """The article an item links to, with the item's date, the feed's title and the item's title
    standing in for what the page does not state; or the error naming the link. Never raises."""
    try:
        item = fetcher.fetch_article(link, published=_entry_date(entry), outlet=feed_title)
        if isinstance(item, Article) and not item.title and entry.get("title"):
            item = replace(item, title=str(entry["title"]).strip() or None)
        return item
    except Exception as exc:  # noqa: BLE001 - one item's fault must not end the feed or the round
        return InputError(link, f"cannot read this feed item ({exc.__class__.__name__}: {exc})")


def _read_feed(content: bytes, base_url: str, content_type: str):
    """(item links with their entries, feed title, problem or None)."""
    import feedparser

    if not content.strip():  # feedparser has no answer for nothing at all (it raises)
        return [], None, "the feed is empty: the server answered with no content"
    parsed = feedparser.parse(content, response_headers={"content-location": base_url, "content-type": content_type})
    entries = []
    for entry in parsed.entries:
        link = _entry_link(entry)
        if link:
            entries.append((link, entry))
    # the feed's title stands in for its pages' outlet: on one line, as long as the store keeps
    title = " ".join(str(parsed.feed.get("title") or "").split())[:MAX_OUTLET_CHARS] or None
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        why = parsed.get("bozo_exception")
        detail = f" ({why.__class__.__name__}: {why})" if why else ""
        return [], title, f"not a readable RSS or Atom feed{detail}"
    return list(dict((link, (link, e)) for link, e in entries).values()), title, None


def _entry_link(entry) -> str | None:
    link = entry.get("feedburner_origlink") or entry.get("link")
    if not link:
        for candidate in entry.get("links", []):
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    return str(link).strip() or None if link else None


def _entry_date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                return date(t.tm_year, t.tm_mon, t.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def _predicate(seen_urls: SeenURLs) -> Callable[[str], bool]:
    if seen_urls is None:
        return lambda url: False
    if callable(seen_urls):
        return seen_urls
    return seen_urls.__contains__


def stored_urls(store) -> Callable[[str], bool]:
    """A ``seen_urls`` callable: is an article with this URL already in the store?"""
    from sqlalchemy import select

    from ..store.models import Article as StoredArticle

    def known(url: str) -> bool:
        with store.session() as s:
            return s.scalar(select(StoredArticle.id).where(StoredArticle.url == url).limit(1)) is not None

    return known


# --------------------------------------------------------------------------- watch


_INTERVAL = re.compile(r"(\d+(?:\.\d*)?|\.\d+)\s*([smhd]?)", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(value: str | float | int) -> float:
    """Seconds in an interval like "30s", "15m", "1h", "1h30m", "1.5h" or "90" (seconds)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        raw = str(value).strip().lower().replace(" ", "")
        parts = list(_INTERVAL.finditer(raw))
        if not raw or "".join(m.group(0) for m in parts) != raw:
            raise ValueError(f"cannot read the interval {value!r}; write it like 30s, 15m, 1h or 1h30m")
        seconds = sum(float(m.group(1)) * _UNIT[m.group(2)] for m in parts)
    if not seconds > 0:
        raise ValueError(f"the interval {value!r} must be longer than zero")
    return seconds


def read_feeds_file(path: str | Path) -> list[str]:
    """Feed URLs, one a line; blank lines and '#' comments (whole-line or after a space) are ignored."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8-sig").splitlines()
    except OSError as err:
        raise EventwireError(f"{p}: cannot read the feeds file ({err.strerror or err})") from None
    urls = []
    for line in lines:
        line = re.split(r"\s#", line, maxsplit=1)[0].strip()
        if line and not line.startswith("#"):
            urls.append(line)
    return list(dict.fromkeys(urls))


def default_state_path(feeds_file: str | Path) -> Path:
    """Where ``watch`` keeps its state by default: FEEDS.txt -> FEEDS.state.json beside it."""
    p = Path(feeds_file)
    return p.with_name(p.stem + ".state.json")


def watch(
    feeds_file: str | Path,
    store,
    every_seconds: float,
    once: bool = False,
    *,
    fetcher: Fetcher | None = None,
    state_path: str | Path | None = None,
    pipeline=None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    max_rounds: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
):
    """Poll the feeds in ``feeds_file`` every ``every_seconds`` and ingest new articles into ``store``.

    ``store`` is a ``Store`` or a database URL. Each round re-reads the feeds file,
    polls, ingests, saves the state file (``state_path``, default FEEDS.state.json
    beside the feeds file; ignored when a ``fetcher`` with its own state is given),
    prints a one-line summary to ``out`` and lists skipped inputs on ``err``.
    ``once=True`` does one round; ``max_rounds`` stops after that many. A failing
    round (say the database is briefly down) is reported and the loop goes on,
    except in ``once`` mode, where it raises. Returns the last round's ``IngestSummary``.
    """
    from ..pipeline import Pipeline
    from ..store.db import Store, open_store
    from ..store.ingest import ingest

    out = out or sys.stdout
    err = err or sys.stderr
    own_store = not isinstance(store, Store)
    store = open_store(store) if own_store else store
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher(state=FetchState(state_path or default_state_path(feeds_file)), respect_robots=True)
    pipeline = pipeline or Pipeline()
    known = stored_urls(store)
    rounds, last = 0, None
    try:
        while True:
            rounds += 1
            try:
                feeds = read_feeds_file(feeds_file)
                stats = PollStats()
                last = ingest(store, poll_feeds(feeds, fetcher, fetcher.state, known, stats=stats), pipeline)
                fetcher.state.save()
                print(_summary_line(rounds, stats, last), file=out, flush=True)
                for source, reason in last.skipped:
                    print(f"  skipped {reason if reason.startswith(source) else f'{source}: {reason}'}", file=err)
                err.flush()
            except Exception as exc:  # noqa: BLE001 - a watcher outlives a bad round
                if once:
                    raise
                print(f"{_now()} round {rounds} failed: {exc.__class__.__name__}: {exc}", file=err, flush=True)
            if once or (max_rounds is not None and rounds >= max_rounds):
                return last
            sleep(every_seconds)
    finally:
        if own_fetcher:
            fetcher.close()
        if own_store:
            store.close()


def _summary_line(n: int, stats: PollStats, summary) -> str:
    return (
        f"{_now()} round {n}: {stats.feeds} feeds ({stats.unchanged} unchanged, {stats.failed_feeds} failed), "
        f"{stats.articles} new articles fetched ({stats.known} known, {stats.failed_items} failed), "
        f"{summary.articles} stored ({summary.already_stored} already stored), {summary.reports} reports, "
        f"{summary.new_events} new events, {summary.merged_reports} merged, {len(summary.skipped)} skipped"
    )


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
