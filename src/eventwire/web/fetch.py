"""Fetching web pages politely and safely: one shared HTTP client, an SSRF guard,
size and time limits, and conditional requests.

``Fetcher.fetch_article(url)`` returns an ``Article`` (text, title, date and outlet
taken from the page by the reader's HTML code) or the ``InputError`` that says why
the page cannot be coded. ``Fetcher.fetch(url)`` is the raw layer under it.

The SSRF guard
--------------
Only ``http`` and ``https`` URLs are fetched, and only from public internet
addresses. A host is resolved with ``socket.getaddrinfo`` and *every* address it
resolves to must be public (no loopback, private, link-local, multicast,
unspecified, reserved or carrier-grade NAT address, also not wrapped in IPv6 as
IPv4-mapped, 6to4 or NAT64).

Before any look-up the URL's syntax is checked in full (``parse_url``): scheme,
brackets, port, host name. A malformed URL is refused without a single DNS query.
Two host forms are refused by their shape alone: IPv4 addresses in a non-standard
form (``http://2130706433/``, ``http://0x7f.1/``, ``http://0177.0.0.1/``,
``http://127.1/``), which the C resolver reads as an address other parsers do not
see, and single-label names (``http://intranet/``), which only a local network
resolves (allowed with ``allow_private`` or ``allow_hosts``).

The check runs twice for every hop of a redirect chain: once on the URL before the
request (for a clear error), and again inside the connection layer, which resolves
the host, checks the addresses and then connects to the checked address itself
(a pinned connection). A DNS answer that changes between the two (DNS rebinding)
therefore cannot steer a connection to an address that was not checked. TLS still
verifies the certificate against the host name. Proxies from the environment are
ignored (``trust_env=False``): a proxy would connect on our behalf unchecked.

``URLPolicy`` holds the rules; give a ``Fetcher`` your own (``policy=``) to allow a
few named hosts (``allow_hosts``, e.g. an intranet feed), all private addresses
(``allow_private``, tests and closed networks), or a different resolver.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import socket
import ssl
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import httpcore
import httpx

from ..article import Article, make_article
from ..errors import EventwireError, InputError, InputTooLargeError, NoArticleError
from ..reader import article_from_html

USER_AGENT = "eventwire/0.1 (+https://example.org/eventwire)"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_DELAY = 1.0  # seconds between two requests to the same host
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 15.0  # longest wait for any one read from the server
TOTAL_TIMEOUT = 60.0  # a whole fetch, redirects included: stops a server that drips a byte at a time
MAX_REDIRECTS = 5
SCHEMES = ("http", "https")
HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1"
FEED_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
MAX_SEEN = 100_000  # item URLs remembered in the state file; the oldest are forgotten first

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


ROBOTS_AGENT = "eventwire"


class RefusedURLError(InputError):
    """A URL eventwire will not fetch: not http(s), or its host is not a public internet address."""


class FetchError(InputError):
    """A page or feed could not be fetched: network error, timeout, HTTP error, too many redirects.

    ``transient`` is True when trying again later may work (timeouts, connection
    errors, 5xx, 429), False when it will not (404, 410, redirect loops).
    """

    def __init__(self, source: str, message: str, *, transient: bool = False, status: int | None = None):
        super().__init__(source, message)
        self.transient = transient
        self.status = status


# --------------------------------------------------------------------------- address policy

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def address_problem(ip: Address | str) -> str | None:
    """Why ``ip`` is not a public internet address ("a loopback address", ...), or None if it is."""
    ip = ipaddress.ip_address(ip) if isinstance(ip, str) else ip
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            ip = ipaddress.IPv6Address(str(ip).split("%")[0])
        for inner, how in ((ip.ipv4_mapped, "IPv4-mapped"), (ip.sixtofour, "6to4")):
            if inner is not None:
                problem = address_problem(inner)
                return f"{problem} ({how} {inner})" if problem else None
        if ip in _NAT64:
            inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
            problem = address_problem(inner)
            return f"{problem} (NAT64 {inner})" if problem else None
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "a carrier-grade NAT address"
    if ip.is_private:
        return "a private address"
    if ip.is_reserved:
        return "a reserved address"
    if not ip.is_global:
        return "not a public internet address"
    return None


def default_resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6), in resolver order, without duplicates."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


# --------------------------------------------------------------------------- URL syntax

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_PORT = re.compile(r"[0-9]{1,5}")
_LABEL = re.compile(r"[a-z0-9_-]{1,63}")  # underscores are not LDH, but real sites use them and they are harmless
_NUMERIC_LABEL = re.compile(r"[0-9]+|0x[0-9a-f]*", re.IGNORECASE)  # WHATWG: a host ending in a number is IPv4
_INET_ATON_PART = re.compile(r"0x([0-9a-f]+)|0([0-7]*)|([1-9][0-9]*)", re.IGNORECASE)
_CANONICAL_IPV4 = re.compile(r"(?:(?:0|[1-9][0-9]{0,2})\.){3}(?:0|[1-9][0-9]{0,2})")


def parse_url(url: str | httpx.URL, source: str | None = None, schemes: tuple[str, ...] = SCHEMES) -> httpx.URL:
    """``url`` parsed, once its whole syntax is checked; else raise ``RefusedURLError`` naming ``source``.

    Never resolves a name: everything that can be told from the text alone is told
    here, so a malformed URL costs no DNS query. Host names are checked after IDNA
    encoding (httpx's), the form that would be resolved.
    """
    source = source or str(url)
    text = str(url).strip() if isinstance(url, (str, httpx.URL)) else None
    if text is None:
        raise RefusedURLError(source, f"not a valid URL: a {type(url).__name__} is not text")
    for problem in (_text_problem(text), _scheme_problem(text, schemes)):
        if problem:
            raise RefusedURLError(source, problem)
    host, port, bracketed = _host_and_port(text, source)
    if port is not None and not (_PORT.fullmatch(port) and 1 <= int(port) <= 65535):
        raise RefusedURLError(source, f"not a valid URL: the port {port!r} is not a number from 1 to 65535")
    if not host:
        raise RefusedURLError(source, "not a valid URL: it has no host (write it like http://example.org/page)")
    if bracketed:
        _check_ipv6_literal(host, source)
    else:
        _check_numeric_host(host, source)  # before httpx, which rejects some of these forms less helpfully
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, TypeError, ValueError, UnicodeError) as err:
        raise RefusedURLError(source, f"not a valid URL ({err})") from None
    if not bracketed:
        name = parsed.raw_host.decode("ascii").lower()
        _check_numeric_host(name, source)  # again on the IDNA form: the name looked up is this one, not the text
        _check_host_name(name, source)
    return parsed


def _text_problem(text: str) -> str | None:
    """Characters no URL may hold as they are, or None."""
    if not text:
        return "not a valid URL: it is empty"
    for i, ch in enumerate(text):
        if ch.isspace():
            return f"not a valid URL: it contains a space or line break (character {i + 1}); write a space as %20"
        if ord(ch) < 32 or ord(ch) == 127:
            return f"not a valid URL: it contains the control character {ch!r} (character {i + 1})"
        if ch == "\\":  # browsers read it as '/', other parsers as part of the host: ambiguous
            return f"not a valid URL: it contains a backslash (character {i + 1}); use '/'"
    return None


def _scheme_problem(text: str, schemes: tuple[str, ...]) -> str | None:
    match = _SCHEME.match(text)
    scheme = match.group(1).lower() if match else ""
    if scheme in schemes:
        return None
    what = f"a {scheme}: URL" if scheme else "a URL without a scheme"
    return f"{what}; only {' and '.join(schemes)} URLs are fetched"


def _host_and_port(text: str, source: str) -> tuple[str, str | None, bool]:
    """(host, port or None, whether the host was in [brackets]) from the authority of ``text``."""
    scheme, rest = text.split(":", 1)
    if not rest.startswith("//"):
        raise RefusedURLError(source, f"not a valid URL: no //host after {scheme}: (write it like {scheme}://example.org/)")
    authority = re.split(r"[/?#]", rest[2:], maxsplit=1)[0]
    if authority.count("@") > 1:  # parsers disagree on which @ ends the user name: the host would be a guess
        raise RefusedURLError(source, "not a valid URL: more than one @ before the host")
    hostport = authority.rpartition("@")[2]
    if hostport.startswith("["):
        host, bracket, after = hostport[1:].partition("]")
        if not bracket:
            raise RefusedURLError(source, "not a valid URL: the [ before the host is never closed (write IPv6 hosts like http://[2001:db8::1]/)")
        if after and not after.startswith(":"):
            raise RefusedURLError(source, f"not a valid URL: {after!r} after the ] of the host")
        return host, after[1:] if after else None, True
    if "[" in hostport or "]" in hostport:
        raise RefusedURLError(source, f"not a valid URL: unbalanced brackets in the host {hostport!r}")
    if hostport.count(":") > 1:
        raise RefusedURLError(source, "not a valid URL: more than one ':' in the host (write IPv6 hosts in brackets, like http://[2001:db8::1]/)")
    host, colon, port = hostport.partition(":")
    return host, (port or None) if colon else None, False  # "host:" with no port means the default port


def _check_ipv6_literal(host: str, source: str) -> None:
    if "%" in host:
        raise RefusedURLError(source, f"refused: [{host}] has an IPv6 zone index, which only names a local network interface")
    try:
        ipaddress.IPv6Address(host)
    except ValueError:
        raise RefusedURLError(source, f"not a valid URL: [{host}] is not an IPv6 address") from None


def inet_aton_address(host: str) -> ipaddress.IPv4Address | None:
    """The address the C resolver's ``inet_aton`` reads in ``host`` (1 to 4 parts, each decimal,
    0-prefixed octal or 0x hex, the last filling the remaining bytes), or None if it reads none."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    values = []
    for part in parts:
        match = _INET_ATON_PART.fullmatch(part)
        if not match:
            return None
        hexa, octal, decimal = match.groups()
        values.append(int(hexa, 16) if hexa is not None else int(octal or "0", 8) if octal is not None else int(decimal))
    *head, last = values
    if any(v > 255 for v in head) or last >= 256 ** (4 - len(head)):
        return None
    return ipaddress.IPv4Address(sum(v << (8 * (3 - i)) for i, v in enumerate(head)) + last)


def _check_numeric_host(host: str, source: str) -> None:
    """Refuse an IPv4 host not written as four plain decimal numbers.

    ``0177.0.0.1``, ``0x7f.1``, ``2130706433`` and ``127.1`` are all 127.0.0.1 to
    the C resolver but not to every parser (httpx rejects some, browsers rewrite
    them): a URL whose address depends on who reads it is refused, whatever the
    address, and the message gives the plain form to write instead.
    """
    labels = host.split(".")
    if labels[-1] == "" and len(labels) > 1:
        labels = labels[:-1]  # "example.org." ends in the root label
    if not _NUMERIC_LABEL.fullmatch(labels[-1]) or _is_canonical_ipv4(host):
        return
    address = inet_aton_address(host)
    if address is None:
        raise RefusedURLError(source, f"not a valid URL: the host {host} ends in a number but is not an IPv4 address")
    problem = address_problem(address)
    means = f"{address}, {problem}" if problem else str(address)
    raise RefusedURLError(
        source,
        f"refused: the host {host} is an IPv4 address in a non-standard form (the C resolver reads it as {means}); "
        f"write addresses as four decimal numbers, like {address}",
    )


def _is_canonical_ipv4(host: str) -> bool:
    """Four decimal numbers 0-255 without leading zeros: the one form every parser reads alike."""
    return bool(_CANONICAL_IPV4.fullmatch(host)) and all(int(part) <= 255 for part in host.split("."))


def _check_host_name(name: str, source: str) -> None:
    """A DNS name (IDNA-encoded, lower case): labels of letters, digits, '-' and '_', at most 253 characters."""
    if _is_canonical_ipv4(name):
        return
    labels = name[:-1].split(".") if name.endswith(".") else name.split(".")
    if len(name) > 253:
        raise RefusedURLError(source, f"not a valid URL: the host name is {len(name)} characters long; at most 253 are allowed")
    for label in labels:
        if not label:
            raise RefusedURLError(source, f"not a valid URL: the host name {name} has an empty part (two dots in a row, or a leading dot)")
        if not _LABEL.fullmatch(label):
            raise RefusedURLError(source, f"not a valid URL: the host name {name} has a part ({label!r}) with characters host names cannot hold, or over 63 long")
        if label.startswith("-") or label.endswith("-"):
            raise RefusedURLError(source, f"not a valid URL: a part of the host name {name} ({label!r}) starts or ends with '-'")


def _is_single_label(host: str) -> bool:
    """A bare name such as ``intranet`` or ``localhost`` (not an IP address)."""
    host = host.rstrip(".")
    return "." not in host and ":" not in host


@dataclass
class URLPolicy:
    """Which URLs may be fetched and which addresses may be connected to.

    ``allow_private`` lets every address through (tests with a local server, closed
    networks). ``allow_hosts`` names hosts (as written in the URL, lower case) whose
    addresses are not checked. ``resolve`` maps (host, port) to address strings.
    """

    allow_private: bool = False
    allow_hosts: frozenset[str] = frozenset()
    resolve: Resolver = default_resolve
    schemes: tuple[str, ...] = SCHEMES

    def __post_init__(self) -> None:
        self.allow_hosts = frozenset(h.lower().strip("[]") for h in self.allow_hosts)

    def parse_url(self, url: str | httpx.URL, source: str | None = None) -> httpx.URL:
        """The parsed URL if its syntax and host form are acceptable, decided without any look-up;
        else raise ``RefusedURLError`` naming ``source`` (default: the URL)."""
        source = source or str(url)
        parsed = parse_url(url, source, self.schemes)
        host = parsed.raw_host.decode("ascii").lower()
        if _is_single_label(host) and not (self.allow_private or host in self.allow_hosts):
            # a bare name is resolved from the local search domain or hosts file, never on the public internet
            raise RefusedURLError(
                source,
                f"refused: {host} is a single-label host name, which names a machine on a local network, "
                "not a public internet host; only public internet addresses are fetched",
            )
        return parsed

    def check_url(self, url: str | httpx.URL, source: str | None = None) -> httpx.URL:
        """The parsed URL if it may be fetched; else raise ``RefusedURLError`` naming ``source`` (default: the URL).

        The syntax is checked in full first (``parse_url``): only a well-formed URL is resolved.
        """
        source = source or str(url)
        parsed = self.parse_url(url, source)
        host = parsed.raw_host.decode("ascii")  # IDNA-encoded, as the connection layer will resolve it
        self.checked_addresses(host, parsed.port or (443 if parsed.scheme == "https" else 80), source)
        return parsed

    def checked_addresses(self, host: str, port: int, source: str | None = None) -> list[str]:
        """The addresses of ``host`` to connect to, all of them allowed; else raise ``RefusedURLError``."""
        source = source or host
        host = host.lower()
        try:
            addresses = self.resolve(host, port)
        except (OSError, UnicodeError) as err:
            reason = getattr(err, "strerror", None) or str(err)
            raise FetchError(source, f"cannot resolve the host {host} ({reason})", transient=True) from None
        if not addresses:
            raise FetchError(source, f"the host {host} resolves to no address", transient=True)
        if self.allow_private or host in self.allow_hosts:
            return addresses
        for addr in addresses:
            try:
                problem = address_problem(addr)
            except ValueError:
                problem = "not an IP address"
            if problem:
                said = host if host == addr else f"{host} resolves to {addr}, which"
                raise RefusedURLError(
                    source, f"refused: {said} is {problem}; only public internet addresses are fetched"
                )
        return addresses


class _GuardedBackend(httpcore.NetworkBackend):
    """httpcore network backend that connects only to addresses the policy allows, and pins them.

    httpcore hands us the host of the URL; we resolve it, check every address, and
    open the socket to the checked address ourselves, so the address connected to is
    the address checked. TLS (``start_tls``) still uses the host name for SNI and
    certificate checks, and the Host header is the request's own.
    """

    def __init__(self, policy: URLPolicy):
        self.policy = policy
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        addresses = self.policy.checked_addresses(host, port)
        last: Exception | None = None
        for addr in addresses:
            try:
                stream = self._inner.connect_tcp(
                    addr, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                last = err
                continue
            peer = stream.get_extra_info("server_addr")
            if peer is None or ipaddress.ip_address(peer[0].split("%")[0]) != ipaddress.ip_address(addr.split("%")[0]):
                stream.close()
                raise RefusedURLError(host, f"refused: connected to {peer} instead of the checked address {addr}")
            return stream
        assert last is not None
        raise last

    def connect_unix_socket(self, path, timeout=None, socket_options=None):  # pragma: no cover - never configured
        raise RefusedURLError(path, "refused: unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


# --------------------------------------------------------------------------- state file


class FetchState:
    """What the fetcher and the feed poller remember between runs, in one small JSON file.

    ``validators``: ETag and Last-Modified per URL, for conditional requests.
    ``seen``: feed item URLs already fetched (insertion-ordered; the oldest are
    dropped past ``MAX_SEEN``). ``path=None`` keeps the state in memory only.
    The file is written atomically by ``save()``; nothing is written before that.
    """

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else None
        self.validators: dict[str, dict[str, str]] = {}
        self._seen: dict[str, None] = {}
        if self.path is not None and self.path.exists():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                validators = data.get("validators", {})
                seen = data.get("seen", [])
                if not isinstance(validators, dict) or not isinstance(seen, list):
                    raise ValueError("unexpected structure")
            except (OSError, ValueError, AttributeError) as err:
                raise EventwireError(
                    f"{self.path}: cannot read the web state file ({err}); fix it or delete it to start afresh"
                ) from None
            self.validators = {str(k): dict(v) for k, v in validators.items() if isinstance(v, dict)}
            self._seen = dict.fromkeys(str(u) for u in seen)

    # seen item URLs
    def is_seen(self, url: str) -> bool:
        return _key(url) in self._seen

    def mark_seen(self, *urls: str | None) -> None:
        for url in urls:
            if url:
                self._seen.pop(_key(url), None)
                self._seen[_key(url)] = None
        while len(self._seen) > MAX_SEEN:
            self._seen.pop(next(iter(self._seen)))

    @property
    def seen(self) -> frozenset[str]:
        return frozenset(self._seen)

    # conditional requests
    def conditional_headers(self, url: str) -> dict[str, str]:
        v = self.validators.get(_key(url), {})
        headers = {}
        if v.get("etag"):
            headers["If-None-Match"] = v["etag"]
        if v.get("last_modified"):
            headers["If-Modified-Since"] = v["last_modified"]
        return headers

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        if etag or last_modified:
            self.validators[_key(url)] = {k: v for k, v in (("etag", etag), ("last_modified", last_modified)) if v}
        else:
            self.validators.pop(_key(url), None)

    def forget(self, url: str) -> None:
        """Drop the validators of ``url`` so the next request fetches it in full."""
        self.validators.pop(_key(url), None)

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": 1, "validators": self.validators, "seen": list(self._seen)}
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=1)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _renamed(err: InputError, source: str, reason: str) -> InputError:
    """The same kind of error, naming ``source``."""
    if isinstance(err, FetchError):
        return FetchError(source, reason, transient=err.transient, status=err.status)
    return type(err)(source, reason)


def _key(url: str) -> str:
    """URLs as remembered: stripped, without the #fragment."""
    return str(url).strip().split("#", 1)[0]


# --------------------------------------------------------------------------- fetcher


@dataclass
class FetchResult:
    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    content: bytes = b""
    headers: httpx.Headers = field(default_factory=httpx.Headers)
    encoding: str | None = None  # charset from the Content-Type header

    @property
    def not_modified(self) -> bool:
        """A conditional request answered 304: nothing changed since the last fetch."""
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class Fetcher:
    """One shared HTTP client with politeness, limits and the SSRF guard. Use as a context manager or ``close()``."""

    def __init__(
        self,
        *,
        state: FetchState | str | Path | None = None,
        allow_private: bool = False,
        policy: URLPolicy | None = None,
        delay: float = DEFAULT_DELAY,
        max_bytes: int = DEFAULT_MAX_BYTES,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        total_timeout: float = TOTAL_TIMEOUT,
        max_redirects: int = MAX_REDIRECTS,
        user_agent: str = USER_AGENT,
        verify: bool | str | ssl.SSLContext = True,  # an SSLContext or CA bundle path for private CAs
        respect_robots: bool = False,  # the commands turn it on; tests of the guard layer keep it off
    ):
        self.state = state if isinstance(state, FetchState) else FetchState(state)
        self.policy = policy or URLPolicy(allow_private=allow_private)
        self.delay = delay
        self.max_bytes = max_bytes
        self.total_timeout = total_timeout
        self.max_redirects = max_redirects
        transport = httpx.HTTPTransport(verify=verify, trust_env=False, retries=0)
        pool = getattr(transport, "_pool", None)
        if not isinstance(pool, httpcore.ConnectionPool) or not hasattr(pool, "_network_backend"):
            raise RuntimeError("eventwire.web needs httpx 0.28 / httpcore 1.x (cannot install the guarded connection layer)")
        pool._network_backend = _GuardedBackend(self.policy)
        self.client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            headers={"User-Agent": user_agent},
            follow_redirects=False,
            trust_env=False,
        )
        self._last_request: dict[str, float] = {}
        self._lock = threading.Lock()
        self.respect_robots = respect_robots
        self.user_agent = user_agent
        self._robots: dict[str, object] = {}  # origin -> RobotFileParser, or None when the site has no rules

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # ---------------------------------------------------------------- raw fetch

    def fetch(self, url: str, *, conditional: bool = False, accept: str = HTML_ACCEPT) -> FetchResult:
        """GET ``url``, following up to ``max_redirects`` redirects, each hop checked.

        With ``conditional=True`` the stored ETag / Last-Modified of ``url`` are sent
        and the new ones remembered (a 304 gives ``not_modified``). Raises
        ``RefusedURLError``, ``FetchError`` or ``InputTooLargeError``, all naming ``url``.
        """
        deadline = time.monotonic() + self.total_timeout
        current = self.policy.check_url(url)
        headers = {"Accept": accept}
        if conditional:
            headers.update(self.state.conditional_headers(url))
        for hop in range(self.max_redirects + 1):
            if hop:
                try:
                    self.policy.check_url(current, source=url)
                except InputError as err:
                    raise _renamed(err, url, f"redirected to {current}: {err.reason}") from None
            self._wait_turn(current.host)
            try:
                with self.client.stream("GET", current, headers=headers) as resp:
                    if resp.status_code in (301, 302, 303, 307, 308) and resp.headers.get("location"):
                        try:
                            current = resp.url.join(resp.headers["location"])
                        except (httpx.InvalidURL, ValueError) as err:
                            raise FetchError(url, f"redirected to an invalid URL ({err})") from None
                        continue
                    if resp.status_code == 304:
                        return FetchResult(url, str(resp.url), 304, headers=resp.headers)
                    if resp.status_code >= 300:
                        code = resp.status_code
                        raise FetchError(
                            url,
                            f"HTTP {code} {resp.reason_phrase}".rstrip() + (f" (at {resp.url})" if hop else ""),
                            transient=code >= 500 or code in (408, 425, 429),
                            status=code,
                        )
                    content = self._read_capped(resp, url, deadline)
                    if conditional:
                        self.state.remember(url, resp.headers.get("etag"), resp.headers.get("last-modified"))
                    return FetchResult(url, str(resp.url), resp.status_code, content, resp.headers, resp.charset_encoding)
            except InputError as err:
                if err.source == url:
                    raise
                # refused inside the connection layer (the host's addresses changed since the first check)
                where = f"redirected to {current}: " if hop else ""
                raise _renamed(err, url, f"{where}{err.reason} (at connect time)") from None
            except httpx.TimeoutException as err:
                what = {
                    httpx.ConnectTimeout: f"no connection within {self.client.timeout.connect:g} s",
                    httpx.ReadTimeout: f"the server sent nothing for {self.client.timeout.read:g} s",
                }.get(type(err), f"timed out ({type(err).__name__})")
                raise FetchError(url, f"timeout: {what}", transient=True) from None
            except httpx.HTTPError as err:
                raise FetchError(url, f"cannot fetch ({type(err).__name__}: {err})", transient=True) from None
            except httpx.InvalidURL as err:  # not an HTTPError: httpx refused a URL our checks passed
                raise RefusedURLError(url, f"not a valid URL ({err})") from None
        raise FetchError(url, f"more than {self.max_redirects} redirects")

    def _read_capped(self, resp: httpx.Response, url: str, deadline: float) -> bytes:
        limit_mb = f"{self.max_bytes / (1024 * 1024):g} MB"
        length = resp.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise InputTooLargeError(url, f"the page is {int(length):,} bytes; pages over {limit_mb} are not fetched")
        chunks, total = [], 0
        for chunk in resp.iter_bytes(65536):  # decoded bytes: the cap also stops compression bombs
            total += len(chunk)
            if total > self.max_bytes:
                raise InputTooLargeError(url, f"the page is larger than {limit_mb}; stopped reading")
            if time.monotonic() > deadline:
                raise FetchError(url, f"timeout: the page took over {self.total_timeout:g} s to arrive", transient=True)
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_turn(self, host: str) -> None:
        """Keep ``delay`` seconds between two requests to one host."""
        host = host.lower()
        with self._lock:  # book a slot, then wait outside the lock: other hosts are not held up
            now = time.monotonic()
            last = self._last_request.get(host)
            slot = now if last is None else max(now, last + self.delay)
            self._last_request[host] = slot
        if slot > now:
            time.sleep(slot - now)

    # ---------------------------------------------------------------- robots.txt

    def allowed_by_robots(self, url: str) -> bool:
        """Does the site's robots.txt let eventwire fetch ``url``? Read once per site; a site
        without one (404) allows everything, and so, for this run, does one that cannot be read."""
        from urllib.robotparser import RobotFileParser

        parsed = self.policy.parse_url(url)  # a malformed URL is refused here, before robots.txt is looked for
        origin = f"{parsed.scheme}://{parsed.netloc.decode('ascii')}"
        if origin not in self._robots:
            rules = None
            try:
                res = self.fetch(f"{origin}/robots.txt", accept="text/plain")
                rules = RobotFileParser()
                rules.parse(decode_body(res.content, res.encoding, f"{origin}/robots.txt").splitlines())
            except InputError:
                rules = None  # no robots.txt (or unreadable): no rules
            self._robots[origin] = rules
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(ROBOTS_AGENT, url)

    # ---------------------------------------------------------------- articles

    def fetch_article(
        self, url: str, *, published: str | date | None = None, outlet: str | None = None
    ) -> Article | InputError:
        """The article at ``url`` (its ``url`` is the final URL after redirects), or the error naming ``url``.

        ``published`` and ``outlet`` are fallbacks for pages that do not state them
        (a site name that is only the host name counts as not stated).
        """
        try:
            if self.respect_robots and not self.allowed_by_robots(url):
                return RefusedURLError(url, f"the site's robots.txt disallows fetching this page for {ROBOTS_AGENT}")
            res = self.fetch(url)
            return article_from_response(res, published=published, outlet=outlet)
        except InputError as err:
            return err
        except httpx.InvalidURL as err:  # defensive: one input's bad URL must not stop a batch
            return RefusedURLError(url, f"not a valid URL ({err})")
        except (UnicodeError, ValueError) as err:  # defensive: a parser below us choked
            return InputError(url, f"cannot read this page ({err})")


HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml", "")


def article_from_response(res: FetchResult, *, published=None, outlet=None) -> Article:
    """Turn a fetched page into an ``Article`` (HTML via the reader's trafilatura code, or plain text)."""
    ctype = res.content_type
    if ctype not in HTML_TYPES and ctype != "text/plain":
        raise NoArticleError(res.url, f"not a web page (content type {ctype}); only HTML and plain text are read")
    text = decode_body(res.content, res.encoding, res.url)
    if ctype == "text/plain":
        return make_article(text, published=published, outlet=outlet, url=res.final_url, source=res.url)
    art = article_from_html(text, source=res.url, published=published, outlet=outlet, url=res.final_url)
    host = httpx.URL(res.final_url).netloc.decode("ascii", "replace").lower()
    if outlet and art.outlet and art.outlet.lower() in (host, host.removeprefix("www.")):
        art = replace(art, outlet=outlet)  # trafilatura's guess from the host name yields to a named outlet
    return art


def decode_body(content: bytes, encoding: str | None, source: str) -> str:
    from ..errors import BinaryInputError, EmptyInputError

    if not content.strip():
        raise EmptyInputError(source, "the page is empty")
    if b"\x00" in content[:65536]:
        raise BinaryInputError(source, "the page is binary data, not text")
    for enc in (encoding, "utf-8-sig"):
        if enc:
            try:
                return content.decode(enc)
            except (LookupError, UnicodeDecodeError):
                continue
    return content.decode("cp1252", errors="replace")


def is_public_url(url: str, policy: URLPolicy | None = None) -> bool:
    """True when ``url`` passes the policy's checks (a convenience for validating user input)."""
    try:
        (policy or URLPolicy()).check_url(url)
    except InputError:
        return False
    return True


__all__ = [
    "Fetcher", "FetchError", "FetchResult", "FetchState", "RefusedURLError", "URLPolicy",
    "address_problem", "article_from_response", "default_resolve", "inet_aton_address", "is_public_url", "parse_url",
]  # fmt: skip
