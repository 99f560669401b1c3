"""Articles: the input record, its normalisation, id and validation.

Everything downstream trusts an ``Article``: its text is normalised, non-empty,
English-looking and of a size one parse can hold. ``make_article`` is the one
door in; it raises a typed ``InputError`` naming the input otherwise.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from .errors import (
    BinaryInputError,
    EmptyInputError,
    InputTooLargeError,
    InvalidDateError,
    MalformedRecordError,
    NotEnglishError,
)

# The longest metadata each store column holds (PostgreSQL refuses longer values, SQLite
# would keep them): checked here so a bad record is that record's error, not the batch's.
MAX_ID_CHARS = 64
MAX_URL_CHARS = 2000
MAX_OUTLET_CHARS = 200
MAX_TITLE_CHARS = 1000

# One article is at most this many characters of text. News reports run to a few
# thousand; a megabyte is a book, not a report, and would hold a worker for minutes.
MAX_ARTICLE_CHARS = 1_000_000

_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in is was for that with by as at from said has have were are it an be "
    "which after its his their this on not had been who but they he she also than".split()
)
# Function words of other languages news arrives in (German, French, Spanish, Italian,
# Portuguese, Dutch, Turkish, Indonesian), none of them also common English words.
_OTHER_FUNCTION_WORDS = frozenset(
    "der die das und ist nicht mit von den dem ein eine sich auf des im zu "
    "le la les et est une des du au aux dans pour sur qui avec ce sont pas "
    "el los las y es una del por con para que se su al lo como "
    "il di che della nel sono per gli le una "
    "o os as da do em um uma não com que na no "
    "het een van en niet zijn op dat voor met "
    "ve bir bu ile için da de olarak "
    "yang dan di ke dari untuk dengan ini itu tidak "
    "na ya wa kwa za katika kuwa ni hii "  # Swahili
    "ta ya suka wanda cikin kuma".split()  # Hausa
) - frozenset("a in on to an as at it be is was al el ad ar da de do di o".split())  # and name particles (al-Walid, da Silva)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


@dataclass(frozen=True)
class Article:
    """One news report, ready to be coded."""

    id: str
    text: str
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = field(default=None, compare=False)  # where it was read: "file.jsonl:17", a URL


def normalise_text(text: str) -> str:
    """NFC-normalise, unify line ends and spaces, keep paragraph breaks as blank lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def article_id_for(text: str) -> str:
    """A stable id: the hash of the text with all white space folded, so re-wrapped copies agree."""
    folded = " ".join(normalise_text(text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def parse_published(value: object, source: str = "--published") -> date | None:
    """Read a publication date (ISO date or date-time); ``None`` and blank stay ``None``.

    The whole value must be a date: ``2020-04-17garbage`` is an error, not 17 April."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    if not isinstance(value, str):
        raise InvalidDateError(source, f"the publication date must be a string such as 2020-04-17, not {_kind(value)}")
    raw = value.strip()
    if not raw:
        return None
    try:
        if len(raw) == 10:
            return date.fromisoformat(raw)
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        raise InvalidDateError(
            source, f"cannot read the publication date {raw[:80]!r}; give it as YYYY-MM-DD, e.g. 2020-04-17"
        ) from None


def check_metadata(value: object, field: str, limit: int, source: str) -> str | None:
    """A metadata value as the store keeps it: a string of at most ``limit`` characters, or None."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and field == "id":
        value = str(value)  # numeric ids are common in exports; any other field must be text
    if not isinstance(value, str):
        raise MalformedRecordError(source, f"'{field}' must be a string, not {_kind(value)}")
    value = value.strip()
    if len(value) > limit:
        raise MalformedRecordError(source, f"'{field}' is {len(value):,} characters; the store keeps at most {limit}")
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise MalformedRecordError(source, f"'{field}' holds control characters (line breaks, NUL); give it on one line")
    return value or None


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", bool: "true/false"}.get(type(value), type(value).__name__)


def check_text(text: str, source: str) -> None:
    """Raise the ``InputError`` that says why ``text`` cannot be coded, if it cannot."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputTooLargeError(
            source,
            f"{len(text):,} characters is more than one article can be "
            f"(limit {MAX_ARTICLE_CHARS:,}); split it, or give one article per line as JSONL",
        )
    if not text.strip():
        raise EmptyInputError(source, "the text is empty; nothing to code")
    sample = text[:20_000]
    if "\x00" in sample or _control_ratio(sample) > 0.05:
        raise BinaryInputError(source, "this looks like binary data, not text; give a .txt, .html or .jsonl file")
    if not looks_english(sample):
        raise NotEnglishError(
            source,
            "the text does not look like English; the default pipeline reads English news only",
        )


def looks_english(text: str) -> bool:
    """Cheap language check: English prose is dense in a few function words.

    Short texts (under 12 words) are given the benefit of the doubt: a headline-length
    input cannot be judged and costs nothing to parse.
    """
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    if len(words) < 12:
        return _latin_ratio(text) > 0.6
    english = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    if english >= 0.12:
        return True
    # Name-dense wire copy ("Turkish troops blocked Idlib province on Thursday, SANA
    # reported") is light in function words: accept it unless another language's are commoner.
    foreign = sum(w in _OTHER_FUNCTION_WORDS for w in words) / len(words)
    if foreign >= max(english, 0.05):
        return False
    # telegraphic, name-dense copy with no other language's function words in it either
    return english >= 0.04 or foreign == 0 and _latin_ratio(text) > 0.9


def _latin_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(ord(c) < 0x250 for c in letters) / len(letters) if letters else 1.0


def make_article(
    text: str,
    *,
    published: object = None,
    outlet: object = None,
    url: object = None,
    title: object = None,
    article_id: object = None,
    source: str = "<text>",
) -> Article:
    """Validate and normalise one article; raise a typed ``InputError`` naming ``source``.

    Metadata is checked before the text, as cheaply: a record with a bad field costs
    nothing but its own error."""
    if not isinstance(text, str):
        raise BinaryInputError(source, f"expected text, got {_kind(text)}")
    checked_id = check_metadata(article_id, "id", MAX_ID_CHARS, source)
    meta = {
        "outlet": check_metadata(outlet, "outlet", MAX_OUTLET_CHARS, source),
        "url": check_metadata(url, "url", MAX_URL_CHARS, source),
        "title": check_metadata(title, "title", MAX_TITLE_CHARS, source),
        "published": parse_published(published, source),
    }
    check_text(text, source)
    clean = normalise_text(text)
    return Article(id=checked_id or article_id_for(clean), text=clean, source=source, **meta)


def article_from_record(record: Mapping[str, Any], source: str, *, published: object = None, outlet: object = None) -> Article:
    """An article from a JSON-style record: ``text`` required; ``id``, ``url``, ``outlet``,
    ``published``, ``title`` optional (``published``/``outlet`` here are defaults)."""
    text = record.get("text")
    if text is None:
        raise MalformedRecordError(source, "the record has no 'text' field")
    if not isinstance(text, str):
        raise MalformedRecordError(source, f"'text' must be a string, not {_kind(text)}")
    return make_article(
        text,
        published=record.get("published") or published,
        outlet=record.get("outlet") or outlet,
        url=record.get("url"),
        title=record.get("title"),
        article_id=record.get("id"),
        source=source,
    )


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t\r")
    bad += text.count("\ufffd")
    return bad / len(text)


def undated_notice(article: Article | None, n_events: int, source: str = "") -> str | None:
    """What a user must be told about an article coded into ``n_events`` events with no
    publication date: its dates that are not written out with their year ("on Thursday", "last
    week", or none at all) are left unknown (null), not guessed. None for a dated article, or
    one with no event."""
    if article is None or article.published is not None or not n_events:
        return None
    return (f"{article.source or source}: no publication date, so its dates not written out with their year "
            "are unknown (null); give its date (--published, or \"published\" in a record or request) to resolve them")
