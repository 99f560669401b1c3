"""The acled-csv export: ACLED's layout column for column, ACLED's value conventions, only the
events ACLED codes, and a file that concatenates with a real ACLED file.

Every sentence and place row here is written for these tests. Where ../shared is present, two
tests also compare with ACLED's real data (its field names and country names); without it they
skip, saying so.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest

from eventwire.acled import acled_actor
from eventwire.errors import EventwireError
from eventwire.evaluation.corpus import shared_data
from eventwire.store.acled_export import (
    ACLED_COLUMNS,
    EVENT_DATE_FORMAT,
    REFERENCE_ENV,
    acled_countries,
    acled_row,
    learn_admin1_spellings,
    why_left_out,
    write_acled_csv,
)
from eventwire.store.export import export_events

# The first line of a CSV file downloaded from ACLED since its March 2023 column changes
ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
)
# Two rows in ACLED's conventions (invented events, written for this test)
ACLED_ROWS = [
    ["KEN90001", "2024-03-04", "2024", "1", "Demonstrations", "Protests", "Peaceful protest", "Protesters (Kenya)",
     "Teachers (Kenya)", "6", "", "", "0", "60", "", "404", "Eastern Africa", "Kenya", "Nairobi", "Starehe", "",
     "Nairobi", "-1.2864", "36.8172", "1", "Tana Wire", "National", "On 4 March 2024, teachers marched in Nairobi.",
     "0", "crowd size=hundreds", "1709856000"],
    ["SYR90002", "2024-05-10", "2024", "1", "Political violence", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "Military Forces of Syria (2000-)", "", "1", "Civilians (Syria)", "", "7",
     "17", "Civilian targeting", "760", "Middle East", "Syria", "Idleb", "Ariha", "Ariha", "Ariha", "35.8128",
     "36.6106", "1", "Levant Monitor", "Regional", "On 10 May 2024, artillery shelled Ariha.", "2", "", "1715731200"],
]  # fmt: skip

UPDATED = datetime(2024, 6, 1, 12, 0, 0)  # as the store keeps it: naive, meaning UTC


def event(**kw):
    """A stored event as ``event_dict(..., with_reports=True)`` gives it, plus ``updated_at``."""
    e = {
        "id": 7, "type": "PROTEST", "mode": "demo", "cameo_root": "14", "acled_event_type": "Protests",
        "acled_sub_event_type": "Peaceful protest", "factuality": "asserted", "date": "2024-03-04",
        "date_precision": "day", "source": None, "target": None,
        "place": {"name": "Nairobi", "country": "KEN", "admin1": "Nairobi Area", "admin2": None, "latitude": -1.28638,
                  "longitude": 36.81722, "geo_precision": "exact"},
        "n_reports": 2, "n_articles": 2, "n_outlets": 2, "n_sources": 2, "fatalities": None, "quantities": {},
        "reports": [
            {"outlet": "Tana Wire", "sentence": "Hundreds of teachers marched through central Nairobi on Monday."},
            {"outlet": "Coast Herald", "sentence": "Teachers marched in Nairobi to demand their pay"},
        ],
        "updated_at": UPDATED,
    }  # fmt: skip
    e.update(kw)
    return e


def actor(canonical, country, sector):
    return {"canonical": canonical, "country": country, "sector": sector}


def place(name, country, admin1=None, geo="exact", lat=None, lon=None):
    return {"name": name, "country": country, "admin1": admin1, "admin2": None, "latitude": lat, "longitude": lon, "geo_precision": geo}


# --------------------------------------------------------------------------- the layout


def test_columns_are_acleds_column_for_column():
    assert ACLED_COLUMNS == ACLED_HEADER.split(",")
    out = io.StringIO()
    write_acled_csv([event()], out, spellings={})
    assert out.getvalue().splitlines()[0] == ACLED_HEADER


def test_every_field_of_real_acled_data_has_its_column():
    """ACLED's own data (../shared, an ACLED-derived JSONL with a subset of ACLED's fields)."""
    path = shared_data("acled-notes-2020.jsonl")
    if path is None:
        pytest.skip("../shared/data/acled-notes-2020.jsonl is not here: the check against real ACLED data needs the team's shared/")
    with open(path, encoding="utf-8") as fh:
        fields = set(json.loads(fh.readline()))
    # its "id" is event_id_cnty; iso3 is the column ACLED dropped in March 2023
    assert {"id", "iso3"} <= fields
    assert fields - {"id", "iso3"} <= set(ACLED_COLUMNS)


def test_country_names_are_acleds():
    path = shared_data("acled-notes-2020.jsonl")
    if path is None:
        pytest.skip("../shared/data/acled-notes-2020.jsonl is not here: the check against ACLED's country names needs the team's shared/")
    theirs = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            theirs.setdefault(r["iso3"], r["country"])
    ours = acled_countries()
    compared = {iso3 for iso3 in theirs if iso3 in ours}
    assert len(compared) > 90
    assert {iso3: ours[iso3].name for iso3 in compared} == {iso3: theirs[iso3] for iso3 in compared}


# --------------------------------------------------------------------------- the conventions


def test_a_peaceful_protest():
    row = acled_row(event(), spellings={})
    assert row["event_id_cnty"] == "KEN-EW7"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-03-04", 2024, 1)
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == ("Demonstrations", "Protests", "Peaceful protest")
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == ("Protesters (Kenya)", 6, "", 0, 60)
    assert (row["iso"], row["region"], row["country"]) == (404, "Eastern Africa", "Kenya")
    assert (row["location"], row["latitude"], row["longitude"], row["geo_precision"]) == ("Nairobi", -1.2864, 36.8172, 1)
    assert row["source"] == "Tana Wire; Coast Herald"
    # the evidence, each sentence once, not a description of eventwire's record
    assert row["notes"] == "Hundreds of teachers marched through central Nairobi on Monday. Teachers marched in Nairobi to demand their pay."
    assert (row["fatalities"], row["civilian_targeting"], row["timestamp"]) == (0, "", 1717243200)


def test_violence_against_civilians_by_unnamed_gunmen():
    e = event(type="ASSAULT", acled_event_type="Violence against civilians", acled_sub_event_type="Attack", fatalities=6,
              source=actor("Mali unknown", "MLI", "unknown"), target=actor("Mali civilians", "MLI", "civilians"),
              place=place("Bandiagara", "MLI", "Mopti", lat=14.35, lon=-3.61), date_precision="week")  # fmt: skip
    row = acled_row(e, spellings={})
    assert (row["actor1"], row["inter1"]) == ("Unidentified Armed Group (Mali)", 3)
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("Civilians (Mali)", 7, 37)
    assert (row["civilian_targeting"], row["disorder_type"]) == ("Civilian targeting", "Political violence")
    assert (row["fatalities"], row["time_precision"], row["region"]) == (6, 2, "Western Africa")


def test_state_forces_at_home_and_abroad():
    e = event(type="FIGHT", acled_event_type="Battles", acled_sub_event_type="Armed clash",
              source=actor("Turkey military", "TUR", "military"), target=actor("Syrian Democratic Forces", "SYR", "rebels"),
              place=place("Manbij", "SYR", "Aleppo"))  # fmt: skip
    row = acled_row(e, spellings={})
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == (
        "Military Forces of Turkey", 8, "Syrian Democratic Forces", 2, 28)
    assert (row["country"], row["iso"], row["region"]) == ("Syria", 760, "Middle East")
    us = acled_row(event(type="FIGHT", acled_event_type="Battles", acled_sub_event_type="Armed clash",
                         source=actor("United States military", "USA", "military"), target=actor("Houthis", "YEM", "rebels"),
                         place=place("Hodeidah", "YEM")), spellings={})  # fmt: skip
    assert us["actor1"] == "Military Forces of the United States"
    police = acled_row(event(type="ASSAULT", acled_event_type="Protests", acled_sub_event_type="Excessive force against protesters",
                             source=actor("Kenya police", "KEN", "police"), target=actor("Kenya protesters", "KEN", "protesters")),
                       spellings={})  # fmt: skip
    # ACLED's protesters are actor 1 of a protest, the police that fired on them actor 2, whoever the text made the subject
    assert (police["actor1"], police["actor2"], police["interaction"]) == ("Protesters (Kenya)", "Police Forces of Kenya", 16)
    assert police["disorder_type"] == "Political violence; Demonstrations"
    unnamed = acled_row(event(acled_sub_event_type="Protest with intervention"), spellings={})
    assert (unnamed["actor1"], unnamed["actor2"], unnamed["interaction"]) == ("Protesters (Kenya)", "Police Forces of Kenya", 16)


def test_inter_codes_are_acled_actors():
    """The export writes what eventwire.acled.acled_actor says, never a reading of its own."""
    from types import SimpleNamespace

    from eventwire.events import Actor, Place, Span

    e = event(type="PROTEST", acled_event_type="Riots", acled_sub_event_type="Violent demonstration",
              source=actor("Kenya civilians", "KEN", "civilians"), target=actor("Kenya police", "KEN", "police"))  # fmt: skip
    span = Span(0, 0)
    view = SimpleNamespace(type="PROTEST", acled_sub_event_type="Violent demonstration",
                           source=Actor("", "Kenya civilians", "KEN", "civilians", span), target=Actor("", "Kenya police", "KEN", "police", span),
                           place=Place("", "", "KEN", span))  # fmt: skip
    row = acled_row(e, spellings={})
    assert (row["inter1"], row["inter2"]) == (acled_actor(view, 1, "KEN")[1], acled_actor(view, 2, "KEN")[1]) == (5, 1)
    assert (row["actor1"], row["assoc_actor_1"], row["interaction"]) == ("Rioters (Kenya)", "Civilians (Kenya)", 15)


def test_country_names_numeric_codes_and_regions():
    for iso3, name, iso, region in [("COD", "Democratic Republic of Congo", 180, "Middle Africa"), ("PSE", "Palestine", 275, "Middle East"),
                                    ("IRN", "Iran", 364, "Middle East"), ("ARM", "Armenia", 51, "Caucasus and Central Asia"),
                                    ("MEX", "Mexico", 484, "Central America"), ("SDN", "Sudan", 729, "Northern Africa"),
                                    ("MMR", "Myanmar", 104, "Southeast Asia"), ("UKR", "Ukraine", 804, "Europe")]:  # fmt: skip
        row = acled_row(event(place=place("somewhere", iso3)), spellings={})
        assert (row["country"], row["iso"], row["region"]) == (name, iso, region)


def test_an_event_with_no_place_is_in_its_actors_country():
    row = acled_row(event(place=None, source=actor("Iran protesters", "IRN", "protesters")), spellings={})
    assert (row["country"], row["location"], row["latitude"], row["geo_precision"]) == ("Iran", "", "", 3)


def test_only_events_acled_codes_are_written():
    kept = event()
    verbal = event(id=8, type="REQUEST", acled_event_type=None, acled_sub_event_type=None)
    nowhere = event(id=9, place=None)
    nobody = event(id=10, type="AGREE", acled_event_type="Strategic developments", acled_sub_event_type="Agreement")
    assert [why_left_out(e) for e in (kept, verbal, nowhere, nobody)] == [
        None, "with no ACLED sub-event type", "with no country", "with no actor"]
    out = io.StringIO()
    result = write_acled_csv([kept, verbal, nowhere, nobody], out, spellings={})
    assert (result.written, result.n_left_out) == (1, 3)
    assert result.describe_left_out().startswith("3 events ACLED does not code (")
    assert [r["event_id_cnty"] for r in csv.DictReader(io.StringIO(out.getvalue()))] == ["KEN-EW7"]
    assert export_events(iter([kept, verbal]), "acled-csv", io.StringIO()) == 1


# --------------------------------------------------------------------------- admin1 spellings


def write_acled_file(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(ACLED_HEADER.split(","))
        w.writerows(rows)


def acled_line(country, iso, admin1, lat, lon, n):
    return [f"X{n}", "2024-01-01", "2024", "1", "Political violence", "Battles", "Armed clash", "A", "", "1", "B", "", "2", "12",
            "", iso, "", country, admin1, "", "", "a town", lat, lon, "1", "", "", "", "0", "", "1704067200"]  # fmt: skip


def test_admin1_is_spelled_as_the_acled_file_spells_it(tmp_path, monkeypatch):
    """Spellings come from an ACLED file: matched by name (GeoNames' or a press variant), else by
    where the file's events are. The names below are invented spellings, so nothing is known
    in advance: each must be learned from the file."""
    ref = tmp_path / "acled.csv"
    write_acled_file(ref, [
        acled_line("Syria", "760", "Idlib Gov.", "35.8150", "36.6100", 1),  # Ariha: by place
        acled_line("Syria", "760", "Idlib Gov.", "35.9306", "36.6339", 2),  # Idlib city
        acled_line("Syria", "760", "Rural Damascus", "33.5", "36.4", 3),  # a press variant of GeoNames' Rif-dimashq
        acled_line("Democratic Republic of Congo", "180", "Nord - Kivu", "-1.68", "29.22", 4),  # GeoNames' "Nord Kivu", punctuated
    ])  # fmt: skip
    spellings = learn_admin1_spellings(ref)
    e = event(place=place("Ariha", "SYR", "Idlib"))
    assert acled_row(e, spellings)["admin1"] == "Idlib Gov."
    assert acled_row(event(place=place("Qatana", "SYR", "Rif-dimashq")), spellings)["admin1"] == "Rural Damascus"
    assert acled_row(event(place=place("Goma", "COD", "Nord Kivu")), spellings)["admin1"] == "Nord - Kivu"
    assert acled_row(event(place=place("Homs", "SYR", "Homs")), spellings)["admin1"] == "Homs"  # not in the file: GeoNames'
    monkeypatch.setenv(REFERENCE_ENV, str(ref))
    out = io.StringIO()
    write_acled_csv([e], out)
    assert next(csv.DictReader(io.StringIO(out.getvalue())))["admin1"] == "Idlib Gov."
    monkeypatch.setenv(REFERENCE_ENV, str(tmp_path / "missing.csv"))
    with pytest.raises(EventwireError, match="EVENTWIRE_ACLED_REFERENCE.*no such file"):
        write_acled_csv([e], io.StringIO())


# --------------------------------------------------------------------------- beside a real ACLED file

NUMBERS = {"year": int, "time_precision": int, "inter1": int, "inter2": int, "interaction": int, "iso": int,
           "latitude": float, "longitude": float, "geo_precision": int, "fatalities": int, "timestamp": int}  # fmt: skip


def exported(rows):
    out = io.StringIO()
    write_acled_csv(rows, out, spellings={})
    return out.getvalue()


SAMPLE = [
    event(),
    event(id=11, type="ASSAULT", acled_event_type="Violence against civilians", acled_sub_event_type="Attack", fatalities=3,
          source=actor("gunmen", None, "unknown"), target=actor("Nigeria civilians", "NGA", "civilians"),
          place=place("Kaduna", "NGA", "Kaduna", lat=10.52, lon=7.44)),
    event(id=12, place=None, source=actor("Iran protesters", "IRN", "protesters")),
]  # fmt: skip


def test_values_read_as_acleds_do_with_the_csv_module():
    ours = list(csv.DictReader(io.StringIO(exported(SAMPLE))))
    theirs = list(csv.DictReader(io.StringIO("\n".join([ACLED_HEADER] + [",".join(f'"{v}"' for v in r) for r in ACLED_ROWS]))))
    for row in ours + theirs:
        datetime.strptime(row["event_date"], EVENT_DATE_FORMAT)
        for column, kind in NUMBERS.items():
            if row[column] or column not in ("latitude", "longitude"):  # ACLED always has the others
                kind(row[column])
    assert list(ours[0]) == list(theirs[0])


def test_concatenates_with_an_acled_file_in_pandas(tmp_path):
    pd = pytest.importorskip("pandas", reason="pandas is not installed in this environment (pip install pandas)")
    acled_file, our_file = tmp_path / "acled.csv", tmp_path / "ours.csv"
    write_acled_file(acled_file, ACLED_ROWS)
    our_file.write_text(exported(SAMPLE), encoding="utf-8")
    theirs = pd.read_csv(acled_file, parse_dates=["event_date"])
    ours = pd.read_csv(our_file, parse_dates=["event_date"])
    both = pd.concat([theirs, ours], ignore_index=True)
    assert list(both.columns) == ACLED_COLUMNS and len(both) == len(ACLED_ROWS) + len(SAMPLE)
    for column in ["event_date", *NUMBERS]:
        assert ours[column].dtype == theirs[column].dtype == both[column].dtype, column
    assert str(both["event_date"].dtype).startswith("datetime64")


# --------------------------------------------------------------------------- the command


ARTICLES = [
    {"id": "t-nairobi", "published": "2024-03-05", "outlet": "Tana Wire",
     "text": "NAIROBI, March 3 (Tana Wire) - Hundreds of teachers marched through central Nairobi on Monday to demand "
             "unpaid salaries, the union said. The march ended peacefully."},
    {"id": "t-mali", "published": "2024-04-10", "outlet": "Sahel Daily",
     "text": "Gunmen on motorbikes killed six villagers in Bandiagara, in central Mali, on Tuesday, local officials said."},
    {"id": "t-idlib", "published": "2024-05-11", "outlet": "Levant Monitor",
     "text": "Syrian army artillery shelled the town of Ariha in Idlib province on Friday, killing two people, rescuers said."},
]  # fmt: skip


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    """Three short articles written for these tests, coded and stored in SQLite (the export reads
    event dictionaries, the same from either back end)."""
    from eventwire.reader import read_path
    from eventwire.store.db import open_store
    from eventwire.store.ingest import ingest

    folder = tmp_path_factory.mktemp("acled")
    (folder / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    store = open_store(f"sqlite:///{folder}/events.sqlite")
    ingest(store, read_path(str(folder / "articles.jsonl")))
    yield store
    store.close()


def test_export_command_writes_acled_rows_and_counts_what_it_left_out(small_store, tmp_path, capsys, monkeypatch):
    from collections import Counter

    from eventwire.cli import main
    from eventwire.store.acled_export import AcledExport
    from eventwire.store.query import EventFilter, event_dict, find_events

    monkeypatch.delenv(REFERENCE_ENV, raising=False)
    out = tmp_path / "acled.csv"
    assert main(["export", "--db", small_store.url, "--format", "acled-csv", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    with open(out, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert reader.fieldnames == ACLED_COLUMNS
    assert rows and all(r["sub_event_type"] and r["country"] and r["actor1"] and r["notes"] and r["timestamp"] for r in rows)
    assert {r["country"] for r in rows} <= {"Kenya", "Mali", "Syria"}
    for r in rows:
        if r["event_type"] == "Protests":  # ACLED's actor 1 of a protest is its protesters, whoever marched
            assert (r["actor1"], r["inter1"]) == (f"Protesters ({r['country']})", "6")
        # the notes are the evidence: sentences of the articles
        assert any(r["notes"][:40] in a["text"] for a in ARTICLES), r["notes"]
    assert f"wrote {len(rows)} events" in err
    with small_store.session() as s:
        stored = [event_dict(e) for e in find_events(s, EventFilter(limit=1000), small_store.dialect)]
    left = AcledExport(len(rows), Counter(filter(None, map(why_left_out, stored))))
    assert left.written + left.n_left_out == len(stored)
    assert (f"left out {left.describe_left_out()}" in err) == bool(left.n_left_out)


def test_a_fight_with_one_named_side_names_it_actor_1_against_an_unidentified_group():
    # "a smuggler exchanged fire with the police": the text names the police only, as the target
    e = event(type="FIGHT", acled_event_type="Battles", acled_sub_event_type="Armed clash",
              source=None, target=actor("Kenya police", "KEN", "police"))  # fmt: skip
    row = acled_row(e, spellings={})
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "Police Forces of Kenya", 1, "Unidentified Armed Group (Kenya)", 3)


def test_a_police_officer_attacked_off_duty_is_a_civilian_in_the_export():
    # ACLED's codebook: a member of a force attacked off duty is a civilian (7); the export reads the
    # reports' sentences for it, as the coder reads the event's
    told = [{"outlet": "Tana Wire", "sentence": "Gunmen shot dead an off-duty police officer outside his home in Kisumu."}]
    e = event(type="ASSAULT", acled_event_type="Violence against civilians", acled_sub_event_type="Attack",
              source=actor("Kenya unknown", "KEN", "unknown"), target=actor("Kenya police", "KEN", "police"),
              place=place("Kisumu", "KEN", "Kisumu", lat=-0.09, lon=34.77), reports=told)  # fmt: skip
    assert acled_row(e, spellings={})["inter2"] == 7
    on_duty = [{"outlet": "Tana Wire", "sentence": "Gunmen shot dead a police officer at a checkpoint in Kisumu."}]
    assert acled_row(dict(e, reports=on_duty), spellings={})["inter2"] == 1
