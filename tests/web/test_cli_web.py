"""The ingest-a-URL and watch commands, against the local test server."""

import json

from eventwire.cli import main


def test_ingest_url_needs_permission_for_a_local_address(web_server, tmp_path, capsys):
    url = web_server.url("/news/wire-convoy.html")
    db = f"sqlite:///{tmp_path}/web.sqlite"
    assert main(["ingest", url, "--db", db, "--quiet"]) == 1  # refused: loopback
    out, err = capsys.readouterr()
    assert "127.0.0.1" in err and json.loads(out)["articles"] == 0
    assert web_server.hits() == []  # refused before any connection
    assert main(["ingest", url, "--db", db, "--quiet", "--allow-private"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 1


def test_watch_once_ingests_new_items_then_nothing(web_server, tmp_path, capsys):
    feeds = tmp_path / "FEEDS.txt"
    feeds.write_text(f"# test feeds\n{web_server.url('/rss.xml')}\n{web_server.url('/atom.xml')}\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path}/watch.sqlite"
    assert main(["watch", str(feeds), "--db", db, "--once", "--allow-private"]) == 0
    first = capsys.readouterr().out
    assert main(["watch", str(feeds), "--db", db, "--once", "--allow-private"]) == 0
    second = capsys.readouterr().out
    assert first.strip() and second.strip() and first != second
    from eventwire.store.db import open_store
    from eventwire.store.models import Article

    store = open_store(db)
    with store.session() as s:
        assert s.query(Article).count() == 4
    store.close()
    assert main(["watch", str(feeds), "--db", db, "--every", "soon"]) == 2
