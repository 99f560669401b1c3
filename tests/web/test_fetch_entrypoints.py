"""The reported symptoms end to end: `eventwire ingest` given a malformed URL among good inputs,
and `POST /api/urls` given IPv4 hosts in non-standard forms. Each bad URL is that input's error;
nothing is looked up or connected to, and the other inputs go on."""

import json
import socket

import pytest
from fastapi.testclient import TestClient

from eventwire.cli import main
from eventwire.store.db import open_store
from eventwire.web.api import create_app, create_token

GOOD_TEXT = (
    "BAGHDAD, Iraq - Thousands of protesters rallied outside parliament in Baghdad on Monday, "
    "demanding jobs and an end to corruption. Police fired tear gas at the crowd near Tahrir Square."
)


@pytest.fixture
def lookups(monkeypatch):
    """Every host name passed to getaddrinfo during the test."""
    seen, real = [], socket.getaddrinfo

    def getaddrinfo(host, *args, **kw):
        seen.append(host)
        return real(host, *args, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return seen


BAD_URLS = {
    "http://[::1": "the [ before the host is never closed",
    "http://0177.0.0.1/": "non-standard form",
    "http://example.com:99999/": "the port '99999'",
    "http://exa mple.com/": "contains a space",
    "http://x/": "single-label host name",
}


def test_ingest_skips_each_malformed_url_and_stores_the_rest(tmp_path, capsys, lookups, connections):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    db = f"sqlite:///{tmp_path}/ingest.sqlite"
    assert main(["ingest", str(good), *BAD_URLS, "--db", db, "--quiet", "--published", "2021-03-01"]) == 1
    out, err = capsys.readouterr()
    summary = json.loads(out)
    assert summary["articles"] == 1 and summary["skipped"] == len(BAD_URLS)
    assert "Traceback" not in err
    for url, says in BAD_URLS.items():
        assert any(line.startswith(f"eventwire: skipped {url}: ") and says in line for line in err.splitlines()), (url, err)
    assert lookups == [] and connections == []


def test_api_urls_answers_each_non_canonical_ipv4_host_with_its_error(tmp_path, lookups, connections):
    store = open_store(f"sqlite:///{tmp_path}/api.sqlite")
    token = create_token(store, "analyst")
    urls = ["http://0177.0.0.1/", "http://0x7f.1/", "http://2130706433/", "http://127.1/", "http://[::1"]
    try:
        with TestClient(create_app(store)) as client:
            r = client.post("/api/urls", json={"urls": urls}, headers={"Authorization": f"Bearer {token}"})
    finally:
        store.close()
    assert r.status_code in (201, 422), r.text  # 422 when no page at all could be stored; never a 500
    results = r.json()["results"]
    assert [x["url"] for x in results] == urls and not any(x["stored"] for x in results)
    for x in results[:4]:
        assert x["error"].startswith(f"{x['url']}: refused: the host ") and "non-standard form" in x["error"]
        assert "127.0.0.1, a loopback address" in x["error"]
    assert "never closed" in results[4]["error"]
    assert lookups == [] and connections == []
