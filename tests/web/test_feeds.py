"""Polling RSS and Atom feeds from a real local server, and the watch loop into a store."""

import io
from datetime import date

import pytest
from sqlalchemy import func, select

from eventwire.article import Article
from eventwire.errors import EventwireError, InputError
from eventwire.store.db import open_store
from eventwire.store.models import Article as StoredArticle
from eventwire.web.feeds import (
    FeedError,
    PollStats,
    default_state_path,
    parse_interval,
    poll_feeds,
    read_feeds_file,
    stored_urls,
    watch,
)
from eventwire.web.fetch import Fetcher, FetchState

EXPECTED = {
    # page: (title, outlet, published) -- the talks and aid pages state neither outlet nor date
    "wire-convoy.html": ("Villagers block US convoy near Qamishli", "Levant Wire", date(2020, 4, 17)),
    "wire-talks.html": ("Rival factions hold talks in Amman", "Levant Wire Headlines", date(2020, 4, 18)),
    "desk-protest.html": ("Protesters rally outside parliament in Baghdad", "Northern Desk Online", date(2021, 3, 1)),
    "desk-aid.html": ("Aid convoy reaches Idlib", "Northern Desk", date(2021, 3, 2)),
}


def feeds(server, *paths):
    return [server.url(p) for p in (paths or ("/rss.xml", "/atom.xml"))]


def test_rss_and_atom_items_become_articles_once(web_server, fetcher):
    stats = PollStats()
    items = list(poll_feeds(feeds(web_server), fetcher, stats=stats))
    assert all(isinstance(i, Article) for i in items) and len(items) == 4
    by_page = {a.url.rsplit("/", 1)[1]: a for a in items}
    assert set(by_page) == set(EXPECTED)
    for page, (title, outlet, published) in EXPECTED.items():
        art = by_page[page]
        assert (art.title, art.outlet, art.published) == (title, outlet, published), page
        assert len(art.text.split()) > 30 and art.url == web_server.url(f"/news/{page}")
    assert (stats.feeds, stats.articles, stats.unchanged) == (2, 4, 0)

    again = PollStats()
    assert list(poll_feeds(feeds(web_server), fetcher, stats=again)) == []
    assert again.unchanged == 2  # both feeds answered 304
    rss, atom = web_server.hits("/rss.xml"), web_server.hits("/atom.xml")
    assert [h.status for h in rss] == [200, 304] and rss[1].headers["if-none-match"] == '"rss-v1"'
    assert [h.status for h in atom] == [200, 304] and "if-modified-since" in atom[1].headers
    assert all(len(web_server.hits(f"/news/{p}")) == 1 for p in EXPECTED)  # each page fetched once


def test_seen_items_are_skipped_even_when_the_feed_changed(web_server, fetcher, tmp_path):
    list(poll_feeds(feeds(web_server), fetcher))
    fetcher.state.save()
    # a new process, the same state file; the feeds lose their validators so they are read in full
    with Fetcher(state=tmp_path / "web-state.json", allow_private=True, delay=0) as f:
        f.state.validators.clear()
        stats = PollStats()
        assert list(poll_feeds(feeds(web_server), f, stats=stats)) == []
        assert (stats.items, stats.known) == (4, 4)
    assert all(len(web_server.hits(f"/news/{p}")) == 1 for p in EXPECTED)


def test_urls_already_in_the_store_are_not_fetched(web_server, fetcher):
    stored = {web_server.url("/news/wire-convoy.html"), web_server.url("/news/desk-aid.html")}
    items = list(poll_feeds(feeds(web_server), fetcher, FetchState(), stored.__contains__))
    assert {a.url for a in items} == {web_server.url("/news/wire-talks.html"), web_server.url("/news/desk-protest.html")}
    assert web_server.hits("/news/wire-convoy.html") == []


def test_broken_feeds_are_errors_and_the_good_feed_still_yields(web_server, fetcher):
    urls = feeds(web_server, "/broken.xml", "/error.xml", "/rss.xml", "/news/wire-talks.html")
    items = list(poll_feeds(urls, fetcher))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.source for e in errors] == [urls[0], urls[1], urls[3]]
    assert all(isinstance(e, FeedError) for e in errors)
    assert "not a readable RSS or Atom feed" in errors[0].reason
    assert "HTTP 500" in errors[1].reason
    assert "not a readable RSS or Atom feed" in errors[2].reason  # an HTML page is not a feed
    assert sorted(a.title for a in items if isinstance(a, Article)) == [
        "Rival factions hold talks in Amman", "Villagers block US convoy near Qamishli"]  # fmt: skip


def test_a_feed_slower_than_the_timeout_is_an_error(web_server):
    web_server.add("/slow.xml", status=200, headers={"Content-Type": "application/xml"}, body=b"<rss/>", delay=1.5)
    with Fetcher(allow_private=True, delay=0, read_timeout=0.3) as f:
        items = list(poll_feeds(feeds(web_server, "/slow.xml", "/atom.xml"), f))
    assert isinstance(items[0], FeedError) and "timeout" in items[0].reason
    assert sum(isinstance(i, Article) for i in items) == 2


def test_item_errors_are_yielded_and_transient_ones_retried(web_server, fetcher):
    web_server.add("/news/desk-aid.html", status=503, body=b"busy")
    web_server.add("/news/desk-protest.html", status=404, body=b"gone")
    first = list(poll_feeds(feeds(web_server, "/atom.xml"), fetcher))
    assert sorted(type(i).__name__ for i in first) == ["FetchError", "FetchError"]
    web_server.add("/news/desk-aid.html", status=200, headers={"Content-Type": "text/html"}, body=web_server.text("desk-aid.html"))
    second = list(poll_feeds(feeds(web_server, "/atom.xml"), fetcher))
    assert [a.title for a in second] == ["Aid convoy reaches Idlib"]  # the 503 is tried again, the 404 is not
    assert [h.status for h in web_server.hits("/atom.xml")] == [200, 200]  # read in full again, not 304


def test_feed_items_are_refused_by_the_ssrf_guard_too(web_server, tmp_path):
    """A public feed listing a private link: the feed is allowed by a test-only allowlist, the link is not."""
    web_server.add("/evil.xml", status=200, headers={"Content-Type": "application/rss+xml"}, body=(
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>Evil</title>"
        b"<item><title>meta</title><link>http://169.254.169.254/latest/meta-data</link></item>"
        + f"<item><title>loop</title><link>http://localhost:{web_server.port}/news/wire-convoy.html</link></item>".encode()
        + b"</channel></rss>"))  # fmt: skip
    from eventwire.web.fetch import RefusedURLError, URLPolicy

    with Fetcher(policy=URLPolicy(allow_hosts=frozenset({"127.0.0.1"})), delay=0) as f:
        items = list(poll_feeds(feeds(web_server, "/evil.xml"), f))
    assert [type(i) for i in items] == [RefusedURLError, RefusedURLError]
    assert [h.path for h in web_server.hits()] == ["/evil.xml"]


# --------------------------------------------------------------------------- watch


def test_watch_once_ingests_into_a_store_and_a_second_round_adds_nothing(web_server, tmp_path):
    feeds_file = tmp_path / "FEEDS.txt"
    feeds_file.write_text(
        f"# news feeds\n{web_server.url('/rss.xml')}\n\n  {web_server.url('/atom.xml')}   # the Atom one\n"
        f"{web_server.url('/broken.xml')}\n"
    )
    url = f"sqlite:///{tmp_path}/events.sqlite"
    out, err = io.StringIO(), io.StringIO()
    with Fetcher(state=default_state_path(feeds_file), allow_private=True, delay=0) as f:
        first = watch(feeds_file, url, 60, once=True, fetcher=f, out=out, err=err)
    assert first.articles == 4 and len(first.skipped) == 1
    line = out.getvalue().strip()
    assert "round 1: 3 feeds (0 unchanged, 1 failed), 4 new articles fetched" in line and "4 stored" in line
    assert "broken.xml" in err.getvalue()
    assert (tmp_path / "FEEDS.state.json").exists()

    store = open_store(url)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(StoredArticle)) == 4
        urls = set(s.scalars(select(StoredArticle.url)))
    assert urls == {web_server.url(f"/news/{p}") for p in EXPECTED}

    out2 = io.StringIO()
    with Fetcher(state=default_state_path(feeds_file), allow_private=True, delay=0) as f:  # a new process
        second = watch(feeds_file, store, 60, once=True, fetcher=f, out=out2, err=io.StringIO())
    assert (second.articles, second.reports, second.new_events) == (0, 0, 0)
    assert "2 unchanged" in out2.getvalue() and "0 new articles fetched" in out2.getvalue()
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(StoredArticle)) == 4
    assert all(len(web_server.hits(f"/news/{p}")) == 1 for p in EXPECTED)

    # with the state file gone, the store itself says which URLs it holds
    (tmp_path / "FEEDS.state.json").unlink()
    with Fetcher(state=FetchState(), allow_private=True, delay=0) as f:
        stats = PollStats()
        assert list(poll_feeds(feeds(web_server), f, None, stored_urls(store), stats=stats)) == []
        assert stats.known == 4
    store.close()


def test_watch_keeps_going_after_a_failed_round(tmp_path):
    out, err, slept = io.StringIO(), io.StringIO(), []
    missing = tmp_path / "nope.txt"

    class NoPipeline:  # never reached: reading the feeds file fails first
        pass

    with Fetcher(delay=0) as f:
        watch(missing, f"sqlite:///{tmp_path}/e.sqlite", 5, fetcher=f, pipeline=NoPipeline(),
              out=out, err=err, max_rounds=2, sleep=slept.append)  # fmt: skip
        assert err.getvalue().count("failed: EventwireError") == 2 and slept == [5]
        with pytest.raises(EventwireError, match="cannot read the feeds file"):
            watch(missing, f"sqlite:///{tmp_path}/e.sqlite", 5, once=True, fetcher=f, pipeline=NoPipeline())


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    "text, seconds",
    [("30s", 30), ("15m", 900), ("1h", 3600), ("1h30m", 5400), ("1.5h", 5400), ("90", 90), (" 2 m ", 120), ("1d", 86400), (45, 45)],
)
def test_parse_interval(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "m", "15x", "0s", "-5m", "1h-30m", "fast", "0"])
def test_parse_interval_refuses_nonsense(text):
    with pytest.raises(ValueError):
        parse_interval(text)


def test_read_feeds_file(tmp_path):
    p = tmp_path / "FEEDS.txt"
    p.write_text("# comment\nhttps://a.example/rss\n\nhttps://b.example/feed#frag  # trailing comment\nhttps://a.example/rss\n")
    assert read_feeds_file(p) == ["https://a.example/rss", "https://b.example/feed#frag"]
    assert default_state_path(p) == tmp_path / "FEEDS.state.json"


# --------------------------------------------------------------------------- one broken feed never stops the others


def serve_broken_feeds(server):
    """Feed URLs: one broken in each way, then the good RSS feed last (it must still be polled).
    Each broken one is paired with what its error must say."""
    server.add("/empty.xml", status=200, headers={"Content-Type": "application/rss+xml"}, body=b"")
    server.add("/blank.xml", status=200, headers={"Content-Type": "application/rss+xml"}, body=b" \r\n\t ")
    server.add("/malformed.xml", status=200, headers={"Content-Type": "application/rss+xml"},
               body=b"<?xml version='1.0'?><rss version='2.0'><channel><title>Cut</title><item><link>http://a")  # fmt: skip
    server.add("/gone.xml", status=404, headers={"Content-Type": "text/plain"}, body=b"gone")
    server.add("/slow.xml", status=200, headers={"Content-Type": "application/xml"}, body=b"<rss/>", delay=1.0)
    broken = [
        (server.url("/empty.xml"), "the feed is empty"),
        (server.url("/blank.xml"), "the feed is empty"),
        (server.url("/malformed.xml"), "not a readable RSS or Atom feed"),
        (server.url("/gone.xml"), "HTTP 404"),
        (server.url("/error.xml"), "HTTP 500"),
        (server.url("/slow.xml"), "timeout"),
        (f"http://0x7f.1:{server.port}/rss.xml", "non-standard form"),  # refused even with allow_private
        (f"http://[::1:{server.port}/rss.xml", "never closed"),
    ]
    return broken, server.url("/rss.xml")


def test_each_broken_feed_is_reported_and_counted_and_the_rest_are_polled(web_server):
    broken, good = serve_broken_feeds(web_server)
    stats = PollStats()
    with Fetcher(allow_private=True, delay=0, read_timeout=0.3) as f:
        items = list(poll_feeds([url for url, _ in broken] + [good], f, stats=stats))
    errors = [i for i in items if isinstance(i, InputError)]
    assert all(isinstance(e, FeedError) for e in errors)
    assert [e.source for e in errors] == [url for url, _ in broken]
    for e, (url, says) in zip(errors, broken):
        assert says in e.reason, str(e)
    assert sorted(a.title for a in items if isinstance(a, Article)) == [
        "Rival factions hold talks in Amman", "Villagers block US convoy near Qamishli"]  # fmt: skip
    assert (stats.feeds, stats.failed_feeds, stats.articles) == (len(broken) + 1, len(broken), 2)


def test_watch_in_loop_mode_polls_every_feed_every_round_despite_broken_ones(web_server, tmp_path):
    broken, good = serve_broken_feeds(web_server)
    feeds_file = tmp_path / "FEEDS.txt"
    feeds_file.write_text("\n".join([url for url, _ in broken] + [good]) + "\n", encoding="utf-8")
    out, err, slept = io.StringIO(), io.StringIO(), []
    with Fetcher(state=default_state_path(feeds_file), allow_private=True, delay=0, read_timeout=0.3) as f:
        last = watch(feeds_file, f"sqlite:///{tmp_path}/loop.sqlite", 5, fetcher=f, out=out, err=err,
                     max_rounds=2, sleep=slept.append)  # fmt: skip
    n = len(broken) + 1
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and slept == [5]
    assert f"round 1: {n} feeds (0 unchanged, {len(broken)} failed), 2 new articles fetched" in lines[0]
    assert f"round 2: {n} feeds (1 unchanged, {len(broken)} failed), 0 new articles fetched" in lines[1]
    report = err.getvalue()
    assert "round 1 failed" not in report and "round 2 failed" not in report
    for url, says in broken:  # each named, with its reason, in each round
        assert sum(url in line and says in line for line in report.splitlines()) == 2, (url, report)
    assert len(last.skipped) == len(broken)
    assert [h.status for h in web_server.hits("/rss.xml")] == [200, 304]  # the good feed, reached in both rounds
    assert len(web_server.hits("/empty.xml")) == 2  # a broken feed is read in full again next round


def test_an_unexpected_fault_stays_with_its_feed_or_item(web_server, fetcher, monkeypatch):
    """Anything raised while reading one feed (a bug, a parser crash) is that feed's error; the same for an item."""
    real_fetch, real_article = fetcher.fetch, fetcher.fetch_article

    def fetch(url, **kw):
        if url.endswith("/atom.xml"):
            raise RuntimeError("parser blew up")
        return real_fetch(url, **kw)

    def fetch_article(url, **kw):
        if url.endswith("/wire-talks.html"):
            raise KeyError("no such field")
        return real_article(url, **kw)

    monkeypatch.setattr(fetcher, "fetch", fetch)
    monkeypatch.setattr(fetcher, "fetch_article", fetch_article)
    stats = PollStats()
    items = list(poll_feeds(feeds(web_server, "/atom.xml", "/rss.xml"), fetcher, stats=stats))
    feed_err, *rest = items
    (item_err,) = [i for i in rest if isinstance(i, InputError)]
    (article,) = [i for i in rest if isinstance(i, Article)]
    assert isinstance(feed_err, FeedError) and feed_err.source == web_server.url("/atom.xml")
    assert "RuntimeError: parser blew up" in feed_err.reason
    assert isinstance(item_err, InputError) and item_err.source == web_server.url("/news/wire-talks.html")
    assert "KeyError" in item_err.reason
    assert isinstance(article, Article) and article.title == "Villagers block US convoy near Qamishli"
    assert (stats.failed_feeds, stats.failed_items, stats.articles) == (1, 1, 1)
