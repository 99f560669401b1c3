"""The geoparse and gazetteer commands."""

import json

from eventwire.cli import main


def test_geoparse_lists_mentions_with_coordinates(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Villagers in the village of Hamo near Qamishli blocked a convoy of five US military vehicles on Thursday.", encoding="utf-8")
    assert main(["geoparse", str(path), "--published", "2020-04-17", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_text = {r["text"]: r for r in rows}
    assert {"Hamo", "Qamishli"} <= set(by_text)
    hamo = by_text["Hamo"]
    for key in ("article_id", "start", "end", "geonameid", "name", "latitude", "longitude", "admin1", "country", "feature", "geo_precision"):
        assert key in hamo
    assert (hamo["country"], hamo["geo_precision"], hamo["anchor"]) == ("SYR", "near", "Qamishli")
    assert by_text["Qamishli"]["geonameid"] and by_text["Qamishli"]["admin1"] == "Al-Hasakah"


def test_city_state_qualifier_picks_the_namesake(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("CHARLESTON, W.Va. - Police arrested three men on Monday after a shooting in Charleston, W.Va., officials said.", encoding="utf-8")
    assert main(["geoparse", str(path), "--published", "2010-04-17", "--format", "json"]) == 0
    rows = [r for r in json.loads(capsys.readouterr().out) if r["text"].lower() == "charleston"]
    assert rows and all(r["admin1"] == "West Virginia" for r in rows)


def test_gazetteer_build_adds_user_places(tmp_path, capsys):
    from eventwire.geo.gazetteer import default_sqlite_gazetteer

    db = tmp_path / "g.sqlite"
    db.write_bytes(default_sqlite_gazetteer().path.read_bytes())  # start from the default build without rebuilding it
    places = tmp_path / "places.csv"
    places.write_text("name,latitude,longitude,country\nWalid border crossing,36.85,42.05,SYR\n", encoding="utf-8")
    assert main(["gazetteer", "build", "--db", str(db), "--places", str(places)]) == 0
    stats = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert stats["places"] > 200_000
    assert main(["gazetteer", "info", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out)["places"] == stats["places"]
