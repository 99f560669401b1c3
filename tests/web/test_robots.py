"""robots.txt: read once per site, obeyed for pages, absent means allowed."""

from eventwire.web.fetch import Fetcher, RefusedURLError


def test_pages_disallowed_by_robots_txt_are_not_fetched(web_server):
    web_server.add("/robots.txt", status=200, headers={"Content-Type": "text/plain"},
                   body=b"User-agent: eventwire\nDisallow: /news/wire-talks.html\n\nUser-agent: *\nDisallow: /private/\n")  # fmt: skip
    with Fetcher(allow_private=True, delay=0, respect_robots=True) as fetcher:
        ok = fetcher.fetch_article(web_server.url("/news/wire-convoy.html"))
        refused = fetcher.fetch_article(web_server.url("/news/wire-talks.html"))
    assert not isinstance(ok, Exception) and ok.text
    assert isinstance(refused, RefusedURLError) and "robots.txt" in str(refused)
    assert len(web_server.hits("/robots.txt")) == 1  # read once per site
    assert web_server.hits("/news/wire-talks.html") == []  # never requested


def test_a_site_without_robots_txt_allows_everything(web_server):
    with Fetcher(allow_private=True, delay=0, respect_robots=True) as fetcher:
        art = fetcher.fetch_article(web_server.url("/news/wire-convoy.html"))
    assert not isinstance(art, Exception)
    assert len(web_server.hits("/robots.txt")) == 1


def test_robots_can_be_switched_off(web_server):
    web_server.add("/robots.txt", status=200, headers={"Content-Type": "text/plain"}, body=b"User-agent: *\nDisallow: /\n")
    with Fetcher(allow_private=True, delay=0, respect_robots=False) as fetcher:
        art = fetcher.fetch_article(web_server.url("/news/wire-convoy.html"))
    assert not isinstance(art, Exception) and web_server.hits("/robots.txt") == []
