import shutil
import sqlite3
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import EventwireError
from eventwire.geo import geonames_dump
from eventwire.geo.gazetteer import SqliteGazetteer, is_code
from eventwire.geo.geonames_dump import file_kind, import_geonames
from eventwire.mentions.places import fold_name

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "geonames"
SY_ZIP = FIXTURES / "SY.zip"
SY_TXT = FIXTURES / "SY.txt"
ADMIN1 = FIXTURES / "admin1CodesASCII.txt"
ADMIN2 = FIXTURES / "admin2Codes.txt"
ALTERNATE = FIXTURES / "alternateNamesV2.txt"
ALL = [SY_ZIP, ADMIN1, ADMIN2, ALTERNATE]

QAMISHLI, HAMO, ABU_QASAIB, TALL_TAMR, HASAKAH_ADM1, AIRPORT = 173377, 9900001, 9900002, 163434, 9900010, 9900011


@pytest.fixture
def gazetteer(tmp_path):
    path = tmp_path / "gaz.sqlite"
    summary = import_geonames(path, ALL)
    return SqliteGazetteer(path), summary


def ids(gaz, name):
    return [c.geonameid for c in gaz.lookup(name)]


def test_village_resolves_with_coordinates_and_divisions(gazetteer):
    gaz, _ = gazetteer
    (hamo,) = gaz.lookup("Hamo")
    assert hamo.geonameid == HAMO
    assert hamo.country == "SYR"
    assert hamo.latitude == pytest.approx(37.08333) and hamo.longitude == pytest.approx(41.15)
    assert hamo.admin1 == "Al-Hasakah"
    assert hamo.admin2 == "Qamishli District"
    assert hamo.feature == "P.PPL" and hamo.kind == "city"
    assert ids(gaz, "Tall Hamo") == [HAMO]  # from the alternatenames column


def test_main_table_names_ascii_names_and_articles(gazetteer):
    gaz, _ = gazetteer
    assert QAMISHLI in ids(gaz, "Al Qāmishlī")
    assert QAMISHLI in ids(gaz, "Qamishli")
    assert ids(gaz, "Abu Qasayb") == [ABU_QASAIB]
    assert ids(gaz, "Tal Tamer") == [TALL_TAMR]
    assert ids(gaz, "تل تمر") == [TALL_TAMR]
    province = [c for c in gaz.lookup("Hasakah") if c.geonameid == HASAKAH_ADM1]
    assert province and province[0].kind == "province" and province[0].feature == "A.ADM1"
    assert gaz.lookup("Syria")[0].kind == "country"


def test_alternate_names_resolve(gazetteer):
    gaz, summary = gazetteer
    assert ids(gaz, "Qamishlo") == [QAMISHLI]
    assert ids(gaz, "Qamişlo") == [QAMISHLI]
    assert ids(gaz, "القامشلي") == [QAMISHLI]
    assert ids(gaz, "Hesîçe") == [173811]
    assert ids(gaz, "ܬܠ ܬܡܪ") == [TALL_TAMR]
    assert summary["alternate_names"] == 6


def test_rows_that_are_not_names_and_unknown_places_are_skipped(gazetteer):
    gaz, summary = gazetteer
    assert gaz.lookup("https://en.wikipedia.org/wiki/Qamishli") == []
    assert gaz.lookup("Q192262") == []
    assert gaz.lookup("Nowhere Village") == []
    assert gaz.place(99999999) is None
    assert summary["skipped_not_names"] == 3
    assert summary["skipped_unknown_place"] == 1


def test_admin_tables(gazetteer):
    gaz, summary = gazetteer
    assert summary["admin1"] == 5  # IQ.07 too, although no Iraqi place was imported
    assert summary["admin2"] == 4
    assert gaz.place(173530).admin2 == "Al-Malikiyah District"
    assert gaz.place(165509).admin2 == "Ras al-Ayn District"
    assert gaz.place(170063).admin1 == "Aleppo"
    assert gaz.place(170063).admin2 is None
    stats = gaz.stats()
    assert stats["places"] == 15 and stats["admin1"] == 5 and stats["admin2"] == 4
    assert "geonames:" in stats["source"]


def test_summary(gazetteer):
    _, summary = gazetteer
    assert summary["places"] == 15
    assert summary["names"] > 15
    assert summary["rows"] == 15 + 5 + 4 + 10
    assert summary["seconds"] >= 0


def test_reimport_does_not_duplicate(tmp_path):
    path = tmp_path / "gaz.sqlite"
    import_geonames(path, ALL)
    before = _tables(path)
    again = import_geonames(path, ALL)
    assert again["names"] == 0
    assert _tables(path) == before
    assert ids(SqliteGazetteer(path), "Hamo") == [HAMO]


def test_adding_to_an_existing_file_in_separate_runs(tmp_path):
    path = tmp_path / "gaz.sqlite"
    import_geonames(path, [SY_ZIP])
    assert SqliteGazetteer(path).lookup("Qamishlo") == []
    assert SqliteGazetteer(path).lookup("Hamo")[0].admin1 is None
    import_geonames(path, [ALTERNATE, ADMIN1])  # the alternate names find the places imported before
    gaz = SqliteGazetteer(path)
    assert ids(gaz, "Qamishlo") == [QAMISHLI]
    assert gaz.lookup("Hamo")[0].admin1 == "Al-Hasakah"


def test_files_are_imported_places_first_whatever_their_order(tmp_path):
    path = tmp_path / "gaz.sqlite"
    import_geonames(path, [ALTERNATE, ADMIN2, SY_ZIP, ADMIN1])
    assert ids(SqliteGazetteer(path), "القامشلي") == [QAMISHLI]


def test_languages_filter(tmp_path):
    path = tmp_path / "gaz.sqlite"
    import_geonames(path, [SY_ZIP, ALTERNATE], languages=["ar"])
    gaz = SqliteGazetteer(path)
    assert ids(gaz, "القامشلي") == [QAMISHLI]
    assert gaz.lookup("Qamishlo") == []
    assert ids(gaz, "Qamishli") == [QAMISHLI]  # main-table names are always kept


def test_malformed_file_names_file_and_line(tmp_path):
    with pytest.raises(EventwireError) as exc:
        import_geonames(tmp_path / "gaz.sqlite", [FIXTURES / "bad" / "IQ.txt"])
    msg = str(exc.value)
    assert "IQ.txt:3" in msg
    assert "expected 19 tab-separated columns" in msg and "found 7" in msg


def test_malformed_values_and_names(tmp_path):
    bad = tmp_path / "admin1CodesASCII.txt"
    bad.write_text("SY01\tAl-Hasakah\tAl-Hasakah\t173813\n", encoding="utf-8")
    with pytest.raises(EventwireError, match=r"admin1CodesASCII.txt:1: expected a code like 'SY.01'"):
        import_geonames(tmp_path / "gaz.sqlite", [bad])
    lat = tmp_path / "SY.txt"
    lat.write_text(SY_TXT.read_text(encoding="utf-8").replace("37.08333", "north"), encoding="utf-8")
    with pytest.raises(EventwireError, match=r"SY.txt:5: .*latitude"):
        import_geonames(tmp_path / "gaz2.sqlite", [lat])
    with pytest.raises(EventwireError, match="not a GeoNames dump file"):
        import_geonames(tmp_path / "gaz3.sqlite", [FIXTURES / "README.md"])
    alt_as_country = tmp_path / "TR.txt"
    shutil.copy(ALTERNATE, alt_as_country)
    with pytest.raises(EventwireError, match="alternate-names file"):
        import_geonames(tmp_path / "gaz4.sqlite", [alt_as_country])


def test_file_kinds():
    assert file_kind("allCountries.zip") == "main"
    assert file_kind("/data/SY.zip") == "main"
    assert file_kind("cities500.txt") == "main"
    assert file_kind("admin1CodesASCII.txt") == "admin1"
    assert file_kind("admin2Codes.txt") == "admin2"
    assert file_kind("alternateNamesV2.zip") == "alternate"
    assert file_kind("alternateNames.zip") == "alternate_v1"


def test_zip_and_txt_give_the_same_gazetteer(tmp_path):
    with zipfile.ZipFile(SY_ZIP) as zf:
        assert zf.read("SY.txt") == SY_TXT.read_bytes()
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    sa = import_geonames(a, [SY_ZIP, ADMIN1, ADMIN2, ALTERNATE])
    sb = import_geonames(b, [SY_TXT, ADMIN1, ADMIN2, ALTERNATE])
    assert {k: v for k, v in sa.items() if k != "seconds"} == {k: v for k, v in sb.items() if k != "seconds"}
    assert _tables(a) == _tables(b)


def test_progress_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(geonames_dump, "PROGRESS_EVERY", 10)
    monkeypatch.setattr(geonames_dump, "COMMIT_EVERY", 7)
    seen = []
    import_geonames(tmp_path / "gaz.sqlite", ALL, progress=seen.append)
    assert seen == [10, 20, 30]


def _tables(path):
    con = sqlite3.connect(path)
    try:
        return {
            "places": con.execute(
                "SELECT geonameid, name, latitude, longitude, feature_class, feature_code, country, admin1_code, "
                "admin2_code, population FROM places ORDER BY geonameid"
            ).fetchall(),
            "names": con.execute("SELECT key, geonameid FROM names ORDER BY key, geonameid").fetchall(),
            "admin1": con.execute("SELECT * FROM admin1 ORDER BY country, code").fetchall(),
            "admin2": con.execute("SELECT * FROM admin2 ORDER BY country, admin1_code, code").fetchall(),
        }
    finally:
        con.close()


# --------------------------------------------------------------------------- property

NAMES = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\t\n\r,"),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES, alternate=NAMES)
def test_any_name_round_trips(name, alternate):
    if not fold_name(name):
        return
    with tempfile.TemporaryDirectory() as tmp:
        country_file = Path(tmp) / "SY.txt"
        fields = ["4242", name, name, alternate, "36.5", "40.7", "P", "PPL", "SY", "", "01", "", "", "", "0", "", "300",
                  "Asia/Damascus", "2024-03-01"]  # fmt: skip
        country_file.write_text("\t".join(fields) + "\n", encoding="utf-8", newline="\n")
        path = Path(tmp) / "gaz.sqlite"
        summary = import_geonames(path, [country_file])
        assert summary["places"] == 1
        gaz = SqliteGazetteer(path)
        try:
            assert 4242 in ids(gaz, name)
            assert gaz.place(4242).name == name.strip()
            if fold_name(alternate) and not is_code(alternate.strip()):
                assert 4242 in ids(gaz, alternate)  # (an airport or postal code is no spelling: see is_code)
            # the same name spelled in another Unicode normal form finds the place too
            assert 4242 in ids(gaz, unicodedata.normalize("NFC", name))
        finally:
            gaz.con.close()


def test_codes_among_alternate_names_are_left_out(tmp_path):
    country_file = tmp_path / "SY.txt"
    fields = ["4343", "Tall Hamis", "Tall Hamis", "Tel Hamis,THS,Tell Hamees", "36.5", "40.7", "P", "PPL", "SY", "", "01", "",
              "", "", "0", "", "300", "Asia/Damascus", "2024-03-01"]  # fmt: skip
    country_file.write_text("\t".join(fields) + "\n", encoding="utf-8", newline="\n")
    import_geonames(tmp_path / "g.sqlite", [country_file])
    gaz = SqliteGazetteer(tmp_path / "g.sqlite")
    try:
        assert 4343 in ids(gaz, "Tell Hamees") and 4343 in ids(gaz, "Tel Hamis")
        assert ids(gaz, "THS") == []
    finally:
        gaz.con.close()


def test_real_adm1_replaces_the_default_gazetteers_stand_in(tmp_path):
    from eventwire.geo.gazetteer import DEFAULT_SOURCE, GazetteerPlace, GazetteerWriter, connect

    path = tmp_path / "gaz.sqlite"
    con = connect(path)
    with con:
        writer = GazetteerWriter(con, DEFAULT_SOURCE)
        writer.add_place(GazetteerPlace(-1, "Al-Hasakah", 36.7, 40.9, "SYR", "01", None, "A.ADM1", 0), ["Hasaka"])
        writer.add_place(GazetteerPlace(-2, "Hama", 35.2, 36.8, "SYR", "10", None, "A.ADM1", 0), ["Hamah"])
        writer.flush()
    con.close()
    summary = import_geonames(path, [SY_ZIP])
    assert summary["replaced_synthetic_admin1"] == 1
    gaz = SqliteGazetteer(path)
    assert gaz.place(-1) is None
    assert ids(gaz, "Hasaka") == [HASAKAH_ADM1]  # the stand-in's spelling moved to the real place
    assert [c.geonameid for c in gaz.lookup("Al-Hasakah") if c.kind == "province"] == [HASAKAH_ADM1]
    assert ids(gaz, "Hamah") == [-2]  # no ADM1 for Hama in the dump: the stand-in stays


def test_alternate_names_zip_with_its_language_codes_member(tmp_path):
    dump = tmp_path / "alternateNamesV2.zip"
    with zipfile.ZipFile(dump, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("iso-languagecodes.txt", "ISO 639-3\tISO 639-2\tISO 639-1\tLanguage Name\nara\tara\tar\tArabic\n")
        zf.write(ALTERNATE, "alternateNamesV2.txt")
    path = tmp_path / "gaz.sqlite"
    summary = import_geonames(path, [SY_ZIP, dump])
    assert summary["alternate_names"] == 6
    assert ids(SqliteGazetteer(path), "القامشلي") == [QAMISHLI]
