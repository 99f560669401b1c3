"""Replays of each failure reported in the robustness issue (#12), on SQLite and
PostgreSQL where a store is involved: one bad input never costs the good ones,
numbers and bodies are bounded, nothing is dropped or skipped in silence."""

from __future__ import annotations

import json
import tracemalloc

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from eventwire.article import make_article
from eventwire.cli import input_items, main
from eventwire.errors import ConflictingIdError, MissingInputError, UnsupportedFileError
from eventwire.pipeline import Pipeline
from eventwire.reader import MAX_LINE_BYTES, read_path
from eventwire.store.db import open_store
from eventwire.store.ingest import ingest
from eventwire.store.models import Article
from eventwire.web.api import MAX_BODY_BYTES, create_app, create_token

GOOD = "Police detained {n} protesters outside the parliament in the capital on Monday, the interior ministry said."


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def stored_ids(store) -> set[str]:
    with store.session() as s:
        return set(s.scalars(select(Article.id)))


def jsonl(path, records) -> str:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return str(path)


# ---------------------------------------------------------------- 1. one bad record, the batch goes on


def test_bad_metadata_is_its_records_error_and_the_records_around_it_are_stored(store, tmp_path, pipeline):
    bad = [{"outlet": 12345}, {"url": ["x"]}, {"title": {"a": 1}}, {"id": "x" * 65}, {"outlet": "o" * 201}]
    records = [{"id": "before", "text": GOOD.format(n=1)}]
    records += [{"text": GOOD.format(n=10 + i)} | b for i, b in enumerate(bad)]
    records += [{"id": "html-bad-url", "html": "<html><body><p>x</p></body></html>", "url": 5}]
    records += [{"id": "after", "text": GOOD.format(n=2)}]
    summary = ingest(store, read_path(jsonl(tmp_path / "batch.jsonl", records)), pipeline=pipeline)
    assert stored_ids(store) == {"before", "after"}
    assert [src.rsplit(":", 1)[1] for src, _ in summary.skipped] == [str(n) for n in range(2, 8)]
    reasons = " ".join(r for _, r in summary.skipped)
    for field in ("'outlet' must be a string", "'url' must be a string", "'title' must be a string", "'id' is 65 characters", "'outlet' is 201 characters"):
        assert field in reasons
    # a re-run stores nothing new and fails nowhere else
    again = ingest(store, read_path(tmp_path / "batch.jsonl"), pipeline=pipeline)
    assert again.already_stored == 2 and len(again.skipped) == 6


def test_a_malformed_url_beside_a_file_is_skipped_and_the_file_stored(store, tmp_path, pipeline):
    good = tmp_path / "good.txt"
    good.write_text(GOOD.format(n=3), encoding="utf-8")
    summary = ingest(store, input_items([str(good), "http://[::1"]), pipeline=pipeline)
    assert summary.articles == 1 and [s for s, _ in summary.skipped] == ["http://[::1"]


def test_the_store_refusing_one_article_costs_only_that_article(store, pipeline):
    from dataclasses import replace

    ok1, ok2 = make_article(GOOD.format(n=4), article_id="ok-1"), make_article(GOOD.format(n=5), article_id="ok-2")
    too_long = replace(make_article(GOOD.format(n=6)), id="z" * 80)  # past the validation a caller could skip
    summary = ingest(store, [ok1, too_long, ok2], pipeline=pipeline)
    assert {"ok-1", "ok-2"} <= stored_ids(store)
    if store.dialect == "postgresql":  # SQLite keeps long strings; PostgreSQL refuses them
        assert summary.reasons["StoreRejectedError"] == 1 and "z" * 80 not in stored_ids(store)


# ---------------------------------------------------------------- 6. no silent loss, no silent skips


def test_a_reused_id_for_a_different_text_is_an_error_naming_both(store, tmp_path, pipeline):
    first = jsonl(tmp_path / "a.jsonl", [{"id": "wire-1", "text": GOOD.format(n=7), "url": "https://a.example/1"}])
    ingest(store, read_path(first), pipeline=pipeline)
    second = jsonl(tmp_path / "b.jsonl", [{"id": "wire-1", "text": GOOD.format(n=8)}, {"id": "wire-2", "text": GOOD.format(n=8)}])
    summary = ingest(store, read_path(second), pipeline=pipeline)
    assert summary.articles == 1 and summary.reasons == {"ConflictingIdError": 1}
    source, reason = summary.skipped[0]
    assert source.endswith("b.jsonl:1") and "https://a.example/1" in reason
    # the same id twice within one batch: the second names the first
    both = jsonl(tmp_path / "c.jsonl", [{"id": "wire-3", "text": GOOD.format(n=9)}, {"id": "wire-3", "text": GOOD.format(n=11)}])
    results = list(pipeline.run(read_path(both)))
    assert isinstance(results[1].error, ConflictingIdError) and "c.jsonl:1" in str(results[1].error)


def test_every_file_in_a_directory_is_read_or_listed():
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for name in ("a.txt", "b.text", "NOTES"):
            (d / name).write_text(GOOD.format(n=len(name)), encoding="utf-8")
        (d / "scan.pdf").write_bytes(b"%PDF-1.4")
        (d / ".git").mkdir()
        (d / ".git" / "HEAD").write_text("ref", encoding="utf-8")
        items = list(read_path(d))
    read = [i for i in items if not isinstance(i, Exception)]
    listed = sorted(Path(i.source).name for i in items if isinstance(i, UnsupportedFileError))
    assert len(read) == 3 and listed == [".git", "scan.pdf"]


# ---------------------------------------------------------------- 7. the smaller items


def test_a_missing_input_exits_2_after_coding_the_others(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD.format(n=12), encoding="utf-8")
    assert main(["extract", str(good), str(tmp_path / "nope.txt"), "--format", "jsonl"]) == 2
    out, err = capsys.readouterr()
    assert json.loads(out.splitlines()[0])["type"] and "nope.txt: no such file or directory" in err
    assert isinstance(next(iter(read_path(tmp_path / "nope.txt"))), MissingInputError)


@pytest.mark.parametrize("value", ["2020-04-17garbage", "2020-04-17 and more", "17/04/2020"])
def test_a_publication_date_with_anything_after_it_is_refused(value, capsys):
    assert main(["extract", "-", "--published", value]) == 2
    assert "cannot read the publication date" in capsys.readouterr().err


def test_like_wildcards_in_an_actor_filter_are_characters(store, pipeline):
    from eventwire.store.query import EventFilter, find_events

    ingest(store, [make_article(GOOD.format(n=13), published="2020-04-17")], pipeline=pipeline)
    with store.session() as s:
        assert find_events(s, EventFilter(actor="police", factuality=None), store.dialect)
        for pattern in ("%", "_____", "pol%"):
            assert find_events(s, EventFilter(actor=pattern, factuality=None), store.dialect) == []


# ---------------------------------------------------------------- 5. numbers and bodies, through the API


@pytest.fixture
def api(store):
    token = create_token(store, "desk")
    client = TestClient(create_app(store))
    client.token = token
    return client


@pytest.mark.parametrize("path", ["/api/events/9223372036854775808", "/api/events/-1", "/api/articles?offset=99999999999999999999",
                                  "/api/events?near=inf,0", "/api/events?near=nan,nan", "/api/events?near=91,0",
                                  "/api/counts?near=0,181"])  # fmt: skip
def test_out_of_range_numbers_are_request_errors_not_server_errors(api, path):
    r = api.get(path)
    assert 400 <= r.status_code < 500, (path, r.status_code, r.text[:200])


def test_a_chunked_body_over_the_limit_is_refused_without_reading_it_whole(store):
    """Over a real socket (a test client would buffer the body): a chunked body has no
    length to check, so the server must stop at the limit while the bytes arrive."""
    import select
    import socket
    import threading
    import time

    import uvicorn

    token = create_token(store, "desk")
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=0, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    sent, answer = 0, b""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(f"POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
                         "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".encode())  # fmt: skip
            chunk = b"%x\r\n" % (1 << 20) + b"x" * (1 << 20) + b"\r\n"
            for _ in range(300):  # 300 MB, if the server kept reading
                if select.select([sock], [], [], 0)[0]:
                    break
                try:
                    sock.sendall(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    break
                sent += 1
            sock.settimeout(10)
            try:
                answer = sock.recv(4096)
            except (ConnectionResetError, TimeoutError):
                pass
    finally:
        server.should_exit = True
        thread.join(10)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 20  # the server answered after about 2 MB, not 300


def test_a_422_does_not_echo_the_input(api):
    body = {"text": "y" * 1_500_000, "id": ["not", "a", "string"]}
    r = api.post("/api/articles", json=body, headers={"Authorization": f"Bearer {api.token}"})
    assert r.status_code == 422 and len(r.content) < 2000 and "yyyy" not in r.text


def test_bearer_is_read_in_any_case_and_a_revoked_token_is_refused(api, store, capsys):
    body = {"text": GOOD.format(n=14), "published": "2020-04-17"}
    assert api.post("/api/articles", json=body, headers={"Authorization": f"bearer {api.token}"}).status_code == 201
    assert main(["token", "revoke", "desk", "--db", store.url]) == 0
    assert api.post("/api/articles", json={**body, "text": GOOD.format(n=15)}, headers={"Authorization": f"Bearer {api.token}"}).status_code == 401
    assert main(["token", "revoke", "desk", "--db", store.url]) == 2  # nothing left to revoke: said, not silent


def test_the_api_answers_409_for_a_reused_id_and_200_for_a_resubmission(api):
    h = {"Authorization": f"Bearer {api.token}"}
    first = {"id": "desk-1", "text": GOOD.format(n=16)}
    assert api.post("/api/articles", json=first, headers=h).status_code == 201
    again = api.post("/api/articles", json=first, headers=h)
    assert again.status_code == 200 and again.json()["already_stored"] is True
    clash = api.post("/api/articles", json={"id": "desk-1", "text": GOOD.format(n=17)}, headers=h)
    assert clash.status_code == 409 and "desk-1" in clash.json()["detail"]


def test_a_long_jsonl_line_is_refused_without_being_held(tmp_path):
    path = tmp_path / "big.jsonl"
    with open(path, "wb") as fh:
        fh.write(b'{"text": "' + b"a" * (10 * MAX_LINE_BYTES) + b'"}\n')
        fh.write(json.dumps({"text": GOOD.format(n=18)}).encode() + b"\n")
    tracemalloc.start()
    items = list(read_path(path))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert type(items[0]).__name__ == "InputTooLargeError" and items[0].source.endswith(":1")
    assert not isinstance(items[1], Exception)
    assert peak < 3 * MAX_LINE_BYTES  # the 40 MB line was never held whole
