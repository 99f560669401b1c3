from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.article import article_id_for, looks_english, make_article, normalise_text, parse_published
from eventwire.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    InvalidDateError,
    NotEnglishError,
)

EN = "Villagers near Qamishli blocked a convoy of US military vehicles on Thursday, the state news agency said."


def test_make_article_normalises_and_hashes():
    art = make_article("  " + EN.replace(" ", "  ") + "\r\n\r\n\r\nSecond   paragraph.  ", published="2020-04-17", outlet="SANA")
    assert art.text.startswith("Villagers near") and "\n\nSecond paragraph." in art.text
    assert art.published == date(2020, 4, 17)
    assert art.id == article_id_for(EN + "\n\nSecond paragraph.")
    assert len(art.id) == 16


def test_id_ignores_rewrapping_but_not_content():
    assert article_id_for("a b\nc") == article_id_for("a  b c")
    assert article_id_for("a b c") != article_id_for("a b d")


def test_given_id_wins():
    assert make_article(EN, article_id="syn-001").id == "syn-001"


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_refused(text):
    with pytest.raises(EmptyInputError, match="empty"):
        make_article(text, source="empty.txt")


def test_binary_text_is_refused():
    with pytest.raises(BinaryInputError):
        make_article("abc\x00\x01\x02" * 50, source="blob")


def test_huge_text_is_refused_with_the_input_named():
    with pytest.raises(InputTooLargeError, match="big.txt"):
        make_article("word " * 300_000, source="big.txt")


def test_non_english_text_is_refused():
    fr = "Les habitants du village ont bloqué un convoi de véhicules militaires américains jeudi, selon l'agence officielle."
    ar = "قطع أهالي قرية حامو الطريق أمام رتل من المركبات العسكرية الأمريكية يوم الخميس"
    for text in (fr, ar):
        with pytest.raises(NotEnglishError):
            make_article(text)
    assert looks_english(EN)


def test_publication_dates():
    assert parse_published("2020-04-17") == date(2020, 4, 17)
    assert parse_published("2020-04-17T10:15:00Z") == date(2020, 4, 17)
    assert parse_published(None) is None
    with pytest.raises(InvalidDateError, match="YYYY-MM-DD"):
        parse_published("last Thursday")
    with pytest.raises(InvalidDateError):
        parse_published("2020-13-45")


@given(st.text(max_size=400))
def test_make_article_either_succeeds_or_raises_input_error(text):
    try:
        art = make_article(text)
    except InputError as err:
        assert err.source == "<text>"
        return
    assert art.text == normalise_text(art.text)
    assert art.text.strip()


@pytest.mark.parametrize(
    "text, english",
    [
        ("Turkish troops blocked the al-Walid border crossing late March, SANA reported.", True),
        ("Hayat Tahrir al-Sham fighters shelled Saraqeb, Maarat al-Numan and Kafr Nabl on Tuesday, SOHR reported.", True),
        ("Die Regierung hat am Montag neue Truppen in die Region geschickt, teilte das Ministerium mit.", False),
        ("Le gouvernement a envoyé des troupes dans la région lundi, selon le ministère de la Défense.", False),
        ("Las tropas turcas bloquearon el paso fronterizo el jueves, según la agencia estatal de noticias.", False),
        ("Pasukan pemerintah dikerahkan ke wilayah itu pada hari Senin untuk menjaga keamanan dan ketertiban umum.", False),
        ("Wanamgambo walishambulia kijiji cha Mocimboa siku ya Jumanne na kuua watu kumi na wawili kwa mujibu wa polisi.", False),
        ("Turkish troops blocked Idlib province late March, SANA reported. Turkish troops shelled Tal Tamr late March.", True),
    ],
)
def test_language_check_accepts_name_dense_wire_copy_and_refuses_other_languages(text, english):
    assert looks_english(text) is english
