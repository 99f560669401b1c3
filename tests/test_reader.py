import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.article import Article
from eventwire.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
    NoArticleError,
)
from eventwire.reader import MAX_FILE_BYTES, read_path

FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures"


def test_reads_plain_text_with_defaults(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Turkey deployed nearly 6,000 troops to Idlib province, the monitor said on Monday.", encoding="utf-8")
    (art,) = list(read_path(f, published="2020-03-03", outlet="Wire"))
    assert isinstance(art, Article)
    assert art.outlet == "Wire" and art.published.isoformat() == "2020-03-03"


def test_reads_html_main_text_title_date_and_outlet():
    (art,) = list(read_path(FIXTURES / "page.html"))
    assert isinstance(art, Article), art
    assert art.title == "Turkish troops pour into Idlib as truce talks stall"
    assert art.published.isoformat() == "2020-03-02"
    assert art.outlet == "Levant Daily"
    assert "nearly 6,000 troops" in art.text
    assert "Subscribe to our newsletter" not in art.text


def test_html_without_an_article_is_named(tmp_path):
    f = tmp_path / "nav.html"
    f.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (err,) = list(read_path(f))
    assert isinstance(err, NoArticleError) and "nav.html" in str(err)


def test_jsonl_bad_lines_do_not_stop_the_rest(tmp_path):
    f = tmp_path / "batch.jsonl"
    good = {"id": "x1", "text": "Police arrested 25 protesters in Baghdad on Friday, officials said.", "published": "2020-01-10"}
    f.write_text(
        "\n".join([json.dumps(good), "{not json", json.dumps([1, 2]), json.dumps({"id": "x2", "text": ""}),
                   json.dumps({"id": "x3", "text": "Gunmen attacked a checkpoint in Diyala, police said.", "published": "bad date"}),
                   json.dumps(dict(good, id="x4"))]),
        encoding="utf-8",
    )  # fmt: skip
    items = list(read_path(f))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "MalformedRecordError", "MalformedRecordError", "EmptyInputError", "InvalidDateError", "Article"]
    assert items[0].id == "x1" and items[-1].id == "x4"
    assert str(items[1]).startswith(f"{f}:2:")


def test_binary_and_empty_files(tmp_path):
    b = tmp_path / "img.txt"
    b.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    e = tmp_path / "empty.txt"
    e.write_bytes(b"")
    assert isinstance(next(read_path(b)), BinaryInputError)
    assert isinstance(next(read_path(e)), EmptyInputError)


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    (err,) = list(read_path(f))
    assert isinstance(err, InputTooLargeError) and "huge.txt" in str(err) and "JSONL" in str(err)


def test_missing_path(tmp_path):
    (err,) = list(read_path(tmp_path / "nope.txt"))
    assert isinstance(err, InputError) and "no such file" in str(err)


def test_directory_reads_every_article(tmp_path):
    (tmp_path / "a.txt").write_text("Protesters rallied in Beirut on Sunday, witnesses said.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Israeli jets struck targets near Damascus, the army said.", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    assert len([a for a in read_path(tmp_path) if isinstance(a, Article)]) == 2


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".html", ".jsonl", ""]))
def test_arbitrary_bytes_yield_articles_or_input_errors(tmp_path, data, suffix):
    f = tmp_path / f"fuzz{suffix}"
    f.write_bytes(data)
    for item in read_path(f):
        assert isinstance(item, (Article, InputError))
        if isinstance(item, InputError):
            assert str(f) in str(item)


def test_an_empty_jsonl_file_is_named_not_silently_skipped(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n  \n", encoding="utf-8")
    (item,) = list(read_path(path))
    assert isinstance(item, EmptyInputError) and "empty.jsonl" in str(item)
