"""Fetching pages: the SSRF guard, redirects re-checked hop by hop, size and time
limits, politeness, conditional requests, and pages read into articles."""

import ipaddress
import sys
import time
from datetime import date

import httpx
import pytest

from eventwire.article import Article
from eventwire.errors import InputError, InputTooLargeError, NoArticleError
from eventwire.web.fetch import (
    USER_AGENT,
    FetchError,
    Fetcher,
    FetchState,
    RefusedURLError,
    URLPolicy,
    address_problem,
    inet_aton_address,
    is_public_url,
)

# --------------------------------------------------------------------------- address policy


@pytest.mark.parametrize(
    "ip, problem",
    [
        ("127.0.0.1", "loopback"),
        ("127.9.9.9", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "address"),  # reserved (Python calls it private too)
        ("100.64.0.1", "carrier-grade NAT"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:169.254.169.254", "link-local"),
        ("2002:7f00:1::", "loopback"),  # 6to4 of 127.0.0.1
        ("64:ff9b::a00:1", "private"),  # NAT64 of 10.0.0.1
        ("192.0.2.1", "address"),  # documentation range
    ],
)
def test_non_public_addresses_are_named(ip, problem):
    assert problem in (address_problem(ip) or "")


@pytest.mark.parametrize("ip", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_pass(ip):
    assert address_problem(ip) is None


SSRF_URLS = [
    "http://127.0.0.1:{port}/news/wire-convoy.html",
    "http://localhost:{port}/news/wire-convoy.html",
    "http://localhost/",
    "http://10.0.0.1/",
    "http://169.254.169.254/latest/meta-data",
    "http://[::1]:{port}/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]:{port}/news/wire-convoy.html",
    "http://2130706433:{port}/news/wire-convoy.html",
    "http://2130706433/",
    "http://0x7f.0.0.1:{port}/news/wire-convoy.html",
    "http://0x7f.1:{port}/news/wire-convoy.html",
    "http://0177.0.0.1:{port}/",
    "http://0.0.0.0:{port}/",
    "http://100.64.0.1/",
    "file:///etc/passwd",
    "ftp://example.org/",
    "gopher://127.0.0.1:{port}/",
    "//127.0.0.1:{port}/",
    "not a url",
]


def test_private_and_odd_urls_are_refused_without_any_connection(web_server, connections):
    with Fetcher(delay=0) as f:  # the default policy: public addresses only
        for template in SSRF_URLS:
            url = template.format(port=web_server.port)
            result = f.fetch_article(url)
            assert isinstance(result, RefusedURLError), (url, result)
            assert result.source == url
            assert "refused" in result.reason or "only http" in result.reason or "valid URL" in result.reason
    assert web_server.hits() == []
    assert connections == []


def test_refusals_say_why():
    with Fetcher(delay=0) as f:
        err = f.fetch_article("http://169.254.169.254/latest/meta-data")
        assert "169.254.169.254 is a link-local address" in str(err)
        assert "localhost is a single-label host name" in str(f.fetch_article("http://localhost/"))
        assert "2130706433 is an IPv4 address in a non-standard form" in str(f.fetch_article("http://2130706433/"))
        assert "reads it as 127.0.0.1, a loopback address" in str(f.fetch_article("http://2130706433/"))
        assert "only http and https" in str(f.fetch_article("file:///etc/passwd"))
    assert not is_public_url("http://10.1.2.3/x") and is_public_url("http://93.184.216.34/", URLPolicy(resolve=lambda h, p: [h]))


def test_a_host_with_any_private_address_is_refused():
    policy = URLPolicy(resolve=lambda host, port: ["93.184.216.34", "10.0.0.7"])
    with pytest.raises(RefusedURLError, match="10.0.0.7, which is a private address"):
        policy.check_url("http://mixed.example/")


# --------------------------------------------------------------------------- redirects and pinning


def test_redirects_are_followed_and_the_article_gets_the_final_url(web_server, fetcher):
    web_server.add("/old", status=301, headers={"Location": "/older"})
    web_server.add("/older", status=302, headers={"Location": web_server.url("/news/wire-convoy.html")})
    art = fetcher.fetch_article(web_server.url("/old"))
    assert isinstance(art, Article)
    assert art.url == web_server.url("/news/wire-convoy.html")


def test_more_than_five_redirects_is_an_error(web_server, fetcher):
    for i in range(7):
        web_server.add(f"/hop{i}", status=302, headers={"Location": f"/hop{i + 1}"})
    err = fetcher.fetch_article(web_server.url("/hop0"))
    assert isinstance(err, FetchError) and "more than 5 redirects" in str(err)
    assert len(web_server.hits()) == 6  # the first request and five redirects, no more


def only_the_test_server():
    """A test-only policy: the local server's literal address is allowed, nothing else private."""
    return URLPolicy(allow_hosts=frozenset({"127.0.0.1"}))


@pytest.mark.parametrize(
    "target, why",
    [
        ("http://169.254.169.254/latest/meta-data", "169.254.169.254 is a link-local address"),
        ("http://localhost:{port}/secret", "localhost is a single-label host name"),
        ("http://0x7f.1:{port}/secret", "0x7f.1 is an IPv4 address in a non-standard form"),
        ("http://10.0.0.1/admin", "10.0.0.1 is a private address"),
        ("file:///etc/passwd", "only http and https"),
    ],
)
def test_every_redirect_hop_is_checked_again(web_server, connections, target, why):
    target = target.format(port=web_server.port)
    web_server.add("/go", status=302, headers={"Location": target})
    web_server.add("/secret", status=200, headers={"Content-Type": "text/plain"}, body=b"the crown jewels " * 20)
    with Fetcher(policy=only_the_test_server(), delay=0) as f:
        assert isinstance(f.fetch_article(web_server.url("/news/wire-convoy.html")), Article)  # allowed itself
        err = f.fetch_article(web_server.url("/go"))
    assert isinstance(err, RefusedURLError)
    assert err.source == web_server.url("/go") and f"redirected to {httpx.URL(target)}" in err.reason and why in err.reason
    assert [r.path for r in web_server.hits()] == ["/news/wire-convoy.html", "/go"]  # never /secret
    assert {addr[0] for addr in connections} == {"127.0.0.1"}


def test_dns_rebinding_is_caught_at_connect_time(web_server, connections):
    """The name resolves to a public address when checked, then to loopback when connecting."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"], ["127.0.0.1"]])
    policy = URLPolicy(resolve=lambda host, port: next(answers))
    with Fetcher(policy=policy, delay=0) as f:
        err = f.fetch_article(f"http://rebind.example:{web_server.port}/news/wire-convoy.html")
    assert isinstance(err, RefusedURLError) and "loopback" in err.reason and "at connect time" in err.reason
    assert web_server.hits() == [] and connections == []


def test_the_connection_goes_to_the_checked_address_with_the_host_header_kept(web_server, fetcher):
    resolved = []

    def resolve(host, port):
        resolved.append(host)
        return ["127.0.0.1"]

    with Fetcher(policy=URLPolicy(allow_hosts=frozenset({"news.example"}), resolve=resolve), delay=0) as f:
        art = f.fetch_article(f"http://news.example:{web_server.port}/news/wire-convoy.html")
    assert isinstance(art, Article) and art.url == f"http://news.example:{web_server.port}/news/wire-convoy.html"
    (seen,) = web_server.hits()
    assert seen.headers["host"] == f"news.example:{web_server.port}"
    assert resolved == ["news.example", "news.example"]  # checked before the request, and again to connect


# --------------------------------------------------------------------------- limits


def test_a_page_over_the_cap_is_refused(web_server, tmp_path):
    big = b"<html><body><p>" + b"word " * 20_000 + b"</p></body></html>"
    web_server.add("/big", status=200, headers={"Content-Type": "text/html"}, body=big)
    web_server.add("/big-chunked", status=200, headers={"Content-Type": "text/html"}, body=[big[i : i + 4096] for i in range(0, len(big), 4096)])
    with Fetcher(allow_private=True, delay=0, max_bytes=50_000) as f:
        for path in ("/big", "/big-chunked"):  # stated Content-Length, and none (stopped while streaming)
            err = f.fetch_article(web_server.url(path))
            assert isinstance(err, InputTooLargeError), err
            assert err.source == web_server.url(path)


def test_a_server_slower_than_the_read_timeout_is_an_error(web_server):
    web_server.add("/slow", status=200, headers={"Content-Type": "text/html"}, body=b"<html></html>", delay=1.5)
    with Fetcher(allow_private=True, delay=0, read_timeout=0.3) as f:
        t0 = time.monotonic()
        err = f.fetch_article(web_server.url("/slow"))
    assert time.monotonic() - t0 < 1.4
    assert isinstance(err, FetchError) and err.transient and "timeout" in err.reason
    assert err.source == web_server.url("/slow")


def test_http_errors_name_the_url(web_server, fetcher):
    err = fetcher.fetch_article(web_server.url("/missing"))
    assert isinstance(err, FetchError) and err.status == 404 and not err.transient
    assert str(err).startswith(web_server.url("/missing") + ": HTTP 404")
    err = fetcher.fetch_article(web_server.url("/error.xml"))
    assert err.status == 500 and err.transient


def test_requests_to_one_host_are_spaced(web_server):
    with Fetcher(allow_private=True, delay=0.3) as f:
        t0 = time.monotonic()
        for _ in range(3):
            f.fetch(web_server.url("/news/wire-talks.html"))
        assert time.monotonic() - t0 >= 0.6
    assert all(r.headers["user-agent"] == USER_AGENT for r in web_server.hits())


# --------------------------------------------------------------------------- conditional requests


def test_etag_and_last_modified_are_remembered_and_sent(web_server, tmp_path):
    path = tmp_path / "state.json"
    with Fetcher(state=path, allow_private=True, delay=0) as f:
        assert f.fetch(web_server.url("/rss.xml"), conditional=True).status == 200
        assert f.fetch(web_server.url("/rss.xml"), conditional=True).not_modified
        f.state.save()
    with Fetcher(state=FetchState(path), allow_private=True, delay=0) as f:  # a new process, the same state file
        assert f.fetch(web_server.url("/atom.xml"), conditional=True).status == 200
        assert f.fetch(web_server.url("/rss.xml"), conditional=True).not_modified
        assert f.fetch(web_server.url("/atom.xml"), conditional=True).not_modified
        assert f.fetch(web_server.url("/rss.xml")).status == 200  # unconditional
    hits = web_server.hits()
    assert [h.status for h in hits] == [200, 304, 200, 304, 304, 200]
    assert hits[1].headers["if-none-match"] == '"rss-v1"' and "if-none-match" not in hits[0].headers
    assert hits[4].headers["if-modified-since"] == "Tue, 02 Mar 2021 12:00:00 GMT"


# --------------------------------------------------------------------------- pages into articles


def test_a_page_becomes_an_article(web_server, fetcher):
    art = fetcher.fetch_article(web_server.url("/news/wire-convoy.html"))
    assert art.title == "Villagers block US convoy near Qamishli"
    assert art.outlet == "Levant Wire" and art.published == date(2020, 4, 17)
    assert art.text.startswith("DAMASCUS, Syria - Villagers in the village of Hamo") and "Home" not in art.text


def test_fallbacks_fill_in_what_the_page_does_not_state(web_server, fetcher):
    art = fetcher.fetch_article(web_server.url("/news/wire-talks.html"), published="2020-04-18", outlet="Levant Wire Headlines")
    assert (art.outlet, art.published) == ("Levant Wire Headlines", date(2020, 4, 18))
    stated = fetcher.fetch_article(web_server.url("/news/wire-convoy.html"), published="1999-01-01", outlet="Other")
    assert (stated.outlet, stated.published) == ("Levant Wire", date(2020, 4, 17))  # the page's own win


def test_pages_that_are_not_articles_are_input_errors(web_server, fetcher):
    web_server.add("/nav", status=200, headers={"Content-Type": "text/html"}, body=b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    web_server.add("/pdf", status=200, headers={"Content-Type": "application/pdf"}, body=b"%PDF-1.4 binary")
    web_server.add("/empty", status=200, headers={"Content-Type": "text/html"}, body=b"")
    assert isinstance(fetcher.fetch_article(web_server.url("/nav")), NoArticleError)
    assert "content type application/pdf" in str(fetcher.fetch_article(web_server.url("/pdf")))
    assert isinstance(fetcher.fetch_article(web_server.url("/empty")), InputError)


def test_a_corrupt_state_file_is_a_clear_error(tmp_path):
    from eventwire.errors import EventwireError

    bad = tmp_path / "state.json"
    bad.write_text("{not json")
    with pytest.raises(EventwireError, match="state.json: cannot read the web state file"):
        FetchState(bad)


def test_https_to_a_pinned_address_still_checks_the_certificate_against_the_host_name(web_server, tmp_path):
    """The socket goes to the checked address; SNI and certificate checks use the URL's host name."""
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a test certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=news.example", "-addext", "subjectAltName=DNS:news.example"],
                   check=True, capture_output=True)  # fmt: skip
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    web_server.httpd.socket = server_ctx.wrap_socket(web_server.httpd.socket, server_side=True)
    policy = URLPolicy(allow_hosts=frozenset({"news.example", "other.example"}), resolve=lambda host, port: ["127.0.0.1"])
    with Fetcher(policy=policy, delay=0, verify=ssl.create_default_context(cafile=str(cert))) as f:
        art = f.fetch_article(f"https://news.example:{web_server.port}/news/wire-convoy.html")
        assert isinstance(art, Article) and art.url.startswith("https://news.example:")
        err = f.fetch_article(f"https://other.example:{web_server.port}/news/wire-convoy.html")
    assert isinstance(err, FetchError) and "certificate" in err.reason


# --------------------------------------------------------------------------- URL syntax, checked before any look-up


class Recorder:
    """A resolver that records every look-up and answers with a public address."""

    def __init__(self, answer=("93.184.216.34",)):
        self.calls, self.answer = [], list(answer)

    def __call__(self, host, port):
        self.calls.append(host)
        return self.answer


MALFORMED = [
    ("http://[::1", "the [ before the host is never closed"),
    ("http://[::1]x/", "after the ] of the host"),
    ("http://ex]ample.com/", "unbalanced brackets"),
    ("http://::1/", "more than one ':' in the host"),
    ("http://[not-ipv6]/", "[not-ipv6] is not an IPv6 address"),
    ("http://[fe80::1%25eth0]/", "zone index"),
    ("http://example.com:99999/", "the port '99999' is not a number from 1 to 65535"),
    ("http://example.com:0/", "the port '0'"),
    ("http://example.com:abc/", "the port 'abc'"),
    ("http://example.com:-80/", "the port '-80'"),
    ("http://:80/", "no host"),
    ("http:///path", "no host"),
    ("http://user@/", "no host"),
    ("http:example.com", "no //host after http:"),
    ("http://exa mple.com/", "contains a space"),
    ("http://example.com/a b", "contains a space"),
    ("http://exa\tmple.com/", "contains a space or line break"),
    ("http://example.com\x00/", "control character"),
    ("http://example.com\\@127.0.0.1/", "backslash"),
    ("http://a@b@example.com/", "more than one @"),
    ("http://a..b/", "empty part"),
    ("http://.example.com/", "empty part"),
    ("http://-x.example.com/", "starts or ends with '-'"),
    ("http://ex%61mple.com/", "characters host names cannot hold"),
    ("http://" + "a" * 64 + ".example.com/", "over 63 long"),
    ("http://1.2.3.4.5/", "ends in a number but is not an IPv4 address"),
    ("http://256.1.1.1/", "ends in a number but is not an IPv4 address"),
    ("http://127.0.0.1./", "ends in a number but is not an IPv4 address"),
    ("http://example.0x/", "ends in a number but is not an IPv4 address"),
    ("http://１２７.０.０.１/", "not a valid URL"),
    ("ftp://example.org/", "only http and https"),
    ("javascript:alert(1)", "a javascript: URL"),
    ("example.org/page", "a URL without a scheme"),
    ("", "it is empty"),
]


@pytest.mark.parametrize("allow_private", [False, True])
@pytest.mark.parametrize("url, says", MALFORMED)
def test_malformed_urls_are_refused_before_any_look_up(url, says, allow_private):
    resolver = Recorder()
    with pytest.raises(RefusedURLError) as caught:
        URLPolicy(allow_private=allow_private, resolve=resolver).check_url(url)
    assert caught.value.source == url and says in caught.value.reason
    assert resolver.calls == []


@pytest.mark.parametrize("url", ["http://[::1", "http://0177.0.0.1/", "http://example.com:abc/", "http://exa mple.com/", "http://x/"])
def test_a_malformed_url_is_the_inputs_error_even_with_robots_txt_on(url, connections):
    """The CLI and the API fetch with robots.txt on: the URL must be checked before robots.txt is looked for."""
    resolver = Recorder()
    with Fetcher(policy=URLPolicy(resolve=resolver), delay=0, respect_robots=True) as f:
        err = f.fetch_article(url)
    assert isinstance(err, RefusedURLError) and err.source == url and str(err).startswith(f"{url}: ")
    assert resolver.calls == [] and connections == []


@pytest.mark.parametrize(
    "host, means",
    [
        ("0177.0.0.1", "127.0.0.1, a loopback address"),
        ("0x7f.1", "127.0.0.1, a loopback address"),
        ("0x7f.0.0.1", "127.0.0.1, a loopback address"),
        ("2130706433", "127.0.0.1, a loopback address"),
        ("127.1", "127.0.0.1, a loopback address"),
        ("0x7f000001", "127.0.0.1, a loopback address"),
        ("017700000001", "127.0.0.1, a loopback address"),
        ("10.1", "10.0.0.1, a private address"),
        ("0xa9.0xfe.0xa9.0xfe", "169.254.169.254, a link-local address"),
        ("0", "0.0.0.0, an unspecified address"),
        ("134744072", "8.8.8.8"),  # public, but still ambiguous: write it plainly
    ],
)
@pytest.mark.parametrize("allow_private", [False, True])
def test_non_canonical_ipv4_hosts_are_refused_by_their_form(host, means, allow_private):
    resolver = Recorder()
    url = f"http://{host}/latest/meta-data"
    with pytest.raises(RefusedURLError) as caught:
        URLPolicy(allow_private=allow_private, resolve=resolver).check_url(url)
    reason = caught.value.reason
    assert caught.value.source == url and reason.startswith("refused:")
    assert f"the host {host} is an IPv4 address in a non-standard form" in reason
    assert f"reads it as {means}" in reason and "write addresses as four decimal numbers, like " + means.split(",")[0] in reason
    assert resolver.calls == []


@pytest.mark.skipif(sys.platform == "win32", reason="Windows' inet_aton reads only the four-part form")
def test_inet_aton_address_reads_what_the_c_resolver_reads():
    import socket

    samples = ["127.1", "0x7f.1", "0177.0.0.1", "2130706433", "0x7f.0x0.0.1", "017700000001", "1.2.3.4", "10.1",
               "1.2.65535", "4294967295", "4294967296", "256.1", "1.2.3.4.5", "0x", "08.1.1.1", "1..2", "1.2.3.", "00x7f.1"]  # fmt: skip
    for host in samples:
        try:
            expected = str(ipaddress.IPv4Address(socket.inet_aton(host)))
        except OSError:
            expected = None
        got = inet_aton_address(host)
        assert (str(got) if got else None) == expected, host


def test_single_label_hosts_are_refused_without_a_look_up_unless_private_urls_are_allowed():
    resolver = Recorder()
    for url in ("http://x/", "http://intranet:8080/feed", "http://localhost./", "https://LOCALHOST/"):
        with pytest.raises(RefusedURLError, match="is a single-label host name, which names a machine on a local network"):
            URLPolicy(resolve=resolver).check_url(url)
    assert resolver.calls == []
    assert URLPolicy(allow_private=True, resolve=resolver).check_url("http://x/").host == "x"
    assert URLPolicy(allow_hosts=frozenset({"intranet"}), resolve=Recorder(["10.0.0.5"])).check_url("http://intranet/")
    assert resolver.calls == ["x"]


@pytest.mark.parametrize(
    "url, resolved",
    [
        ("http://93.184.216.34/", "93.184.216.34"),
        ("http://news.example.org./", "news.example.org."),
        ("HTTPS://News.Example.ORG/a?b#c", "news.example.org"),
        ("http://user:pw@example.org:8080/x", "example.org"),
        ("http://example.org:/", "example.org"),
        ("https://bücher.example/", "xn--bcher-kva.example"),  # the IDNA form, as the connection layer resolves it
        ("http://my_blog.example.org/", "my_blog.example.org"),
        ("http://[2606:4700:4700::1111]:8443/", "2606:4700:4700::1111"),
        ("  http://example.org/  ", "example.org"),
    ],
)
def test_well_formed_urls_are_resolved_and_checked(url, resolved):
    resolver = Recorder(["93.184.216.34"])
    assert URLPolicy(resolve=resolver).check_url(url)
    assert resolver.calls == [resolved]
