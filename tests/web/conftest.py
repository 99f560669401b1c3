"""A real HTTP server on 127.0.0.1 (http.server in a thread) serving the synthetic
feeds and pages in tests/fixtures/web, with routes a test can add and a log of
every request it saw."""

import socket
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.web.fetch import Fetcher

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "web"
PAGES = ("wire-convoy.html", "wire-talks.html", "desk-protest.html", "desk-aid.html")


@dataclass
class Seen:
    path: str
    headers: dict
    status: int | None = None


@dataclass
class Reply:
    status: int = 200
    headers: dict = field(default_factory=dict)
    body: bytes | list[bytes] = b""  # a list is sent chunk by chunk with no Content-Length
    delay: float = 0.0  # seconds to wait before answering


class WebServer:
    def __init__(self):
        self.routes = {}  # path -> callable(request headers) -> Reply
        self.requests: list[Seen] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
                with server.lock:
                    server.requests.append(seen)
                route = server.routes.get(self.path.split("?")[0])
                reply = route(seen.headers) if route else Reply(404, {"Content-Type": "text/plain"}, b"not found")
                seen.status = reply.status
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    if isinstance(reply.body, bytes):
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    for chunk in [reply.body] if isinstance(reply.body, bytes) else reply.body:
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (size cap): expected

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def text(self, name: str) -> bytes:
        return (FIXTURES / name).read_text(encoding="utf-8").replace("{BASE}", self.base).encode("utf-8")

    def add(self, path, reply: Reply | None = None, **kw):
        fixed = reply or Reply(**kw)
        self.routes[path] = lambda headers: fixed

    def add_feed(self, path, name, *, etag=None, last_modified=None, content_type="application/xml"):
        """A feed that answers 304 to a conditional request that matches its validators."""
        body = self.text(name)

        def route(headers):
            if (etag and headers.get("if-none-match") == etag) or (
                last_modified and headers.get("if-modified-since") == last_modified
            ):
                return Reply(304)
            h = {"Content-Type": content_type}
            if etag:
                h["ETag"] = etag
            if last_modified:
                h["Last-Modified"] = last_modified
            return Reply(200, h, body)

        self.routes[path] = route

    def hits(self, path=None):
        with self.lock:
            return [r for r in self.requests if path is None or r.path == path]


@pytest.fixture
def web_server():
    server = WebServer()
    server.add_feed("/rss.xml", "rss.xml", etag='"rss-v1"')
    server.add_feed("/atom.xml", "atom.xml", last_modified=formatdate(1614686400, usegmt=True))
    server.add("/broken.xml", status=200, headers={"Content-Type": "application/rss+xml"}, body=server.text("broken.xml"))
    server.add("/error.xml", status=500, headers={"Content-Type": "text/plain"}, body=b"internal error")
    for page in PAGES:
        server.add(f"/news/{page}", status=200, headers={"Content-Type": "text/html; charset=utf-8"}, body=server.text(page))
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def fetcher(tmp_path):
    """A fetcher allowed to reach the local server, with no politeness delay."""
    f = Fetcher(state=tmp_path / "web-state.json", allow_private=True, delay=0)
    yield f
    f.close()


@pytest.fixture
def connections(monkeypatch):
    """Every socket connect() made in this process during the test (address list)."""
    made = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self, address):
        made.append(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        made.append(address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    return made
