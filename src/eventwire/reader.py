"""Reading inputs into articles: plain text, HTML pages, JSONL and directories.

``read_path`` yields one item per article: an ``Article``, or the ``InputError``
that says why that article was skipped. A bad line never stops the rest of a file.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from collections.abc import Iterator
from typing import BinaryIO
from datetime import date
from pathlib import Path

from .article import (
    MAX_ID_CHARS,
    MAX_OUTLET_CHARS,
    MAX_TITLE_CHARS,
    MAX_URL_CHARS,
    Article,
    article_from_record,
    check_metadata,
    make_article,
)
from .errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
    MissingInputError,
    NoArticleError,
    UnsupportedFileError,
)

# A single text or HTML file larger than this is refused before it is read: a news
# page is a few hundred kilobytes; larger files are archives that belong in JSONL.
MAX_FILE_BYTES = 10 * 1024 * 1024
# One JSONL line may hold a long article plus metadata.
MAX_LINE_BYTES = 4 * 1024 * 1024

# Main text shorter than this is navigation or a teaser, not a report.
MIN_HTML_WORDS = 15

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ""}


def read_path(
    path: str | Path,
    *,
    published: str | date | None = None,
    outlet: str | None = None,
) -> Iterator[Article | InputError]:
    """Yield the articles of a file or directory (``-`` reads standard input as text).

    ``published`` and ``outlet`` are defaults for inputs that do not carry their own.
    """
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        yield from _guarded(lambda: [_from_bytes(data, "<stdin>", "", published, outlet)], "<stdin>")
        return
    p = Path(path)
    if p.is_dir():
        yield from _read_directory(p, published=published, outlet=outlet)
        return
    if not p.exists():
        yield MissingInputError(str(path), "no such file or directory")
        return
    if p.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(p, published=published, outlet=outlet)
        return
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        yield InputTooLargeError(
            str(p),
            f"the file is {size / 1e6:.1f} MB; one article file may be at most "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB (give large collections as JSONL, one article per line)",
        )
        return
    data = p.read_bytes()
    yield from _guarded(lambda: [_from_bytes(data, str(p), p.suffix.lower(), published, outlet)], str(p))


def _read_directory(root: Path, **defaults) -> Iterator[Article | InputError]:
    """Every file under ``root`` in name order: text, HTML and JSONL files are read, any
    other file is listed as skipped, so nothing in a directory is passed over in silence.
    Hidden directories (.git, .cache) are named once, not walked."""
    for child in sorted(root.iterdir()):
        if child.name.startswith(".") and child.is_dir():
            yield UnsupportedFileError(str(child), "a hidden directory, not read; give it by name to read it")
        elif child.is_dir():
            yield from _read_directory(child, **defaults)
        elif not child.is_file():
            yield UnsupportedFileError(str(child), "not a regular file (a socket, pipe or broken link), not read")
        elif child.suffix.lower() in HTML_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES and not child.name.startswith("."):
            yield from read_path(child, **defaults)
        else:
            yield UnsupportedFileError(
                str(child), "not a text, HTML or JSONL file by its name (.txt, .text, no extension, .html, .jsonl); "
                "give it by name to read it as text"
            )


def read_jsonl(
    path: Path, *, published: str | date | None = None, outlet: str | None = None
) -> Iterator[Article | InputError]:
    """One article per line: ``text`` required; ``id``, ``url``, ``outlet``, ``published``, ``title`` optional."""
    records = 0
    with open(path, "rb") as fh:
        for lineno, (raw, size) in enumerate(_bounded_lines(fh, MAX_LINE_BYTES), 1):
            where = f"{path}:{lineno}"
            if raw is None:
                records += 1
                yield InputTooLargeError(
                    where, f"the line is {size / 1e6:.1f} MB; the limit is {MAX_LINE_BYTES // (1024 * 1024)} MB per article"
                )
                continue
            if not raw.strip():
                continue
            records += 1
            yield from _guarded(lambda: [_from_json_line(raw, where, published, outlet)], where)
    if not records:
        yield EmptyInputError(str(path), "the file holds no articles (no non-blank lines); nothing to code")


def _bounded_lines(fh: BinaryIO, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """The lines of a binary file as (line, size); a line over ``limit`` bytes comes as
    (None, size) and is never held whole: it is skipped a buffer at a time."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or len(line) == limit + 1 and line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = fh.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield None, size


def article_from_html(
    html: str, *, source: str, published: str | date | None = None, outlet: str | None = None, url: str | None = None
) -> Article:
    """Take the main text, title, date and outlet from an HTML page (trafilatura)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, url=url)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise NoArticleError(source, "no article text found in this HTML page (navigation or empty page?)")
    title = getattr(doc, "title", None)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if title and lines and lines[0] == title.strip():
        lines = lines[1:]
    if len(" ".join(lines).split()) < MIN_HTML_WORDS:
        raise NoArticleError(
            source, f"no article text found in this HTML page (under {MIN_HTML_WORDS} words of main text)"
        )
    return make_article(
        "\n\n".join(lines),
        published=getattr(doc, "date", None) or published,
        outlet=_page_value(getattr(doc, "sitename", None), MAX_OUTLET_CHARS) or outlet,
        url=url or _page_url(getattr(doc, "url", None)),
        title=_page_value(title, MAX_TITLE_CHARS),
        source=source,
    )


def _page_value(value: str | None, limit: int) -> str | None:
    """A value read from a page's markup, on one line and cut to what the store keeps: the
    page's own metadata is never a reason to refuse its article."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split())[:limit] or None


def _page_url(value: str | None) -> str | None:
    """The page's own (canonical) URL if the store can keep it whole: a cut URL leads nowhere."""
    return value.strip() if isinstance(value, str) and 0 < len(value.strip()) <= MAX_URL_CHARS and value.isprintable() else None


def _guarded(make, source: str) -> Iterator[Article | InputError]:
    try:
        yield from make()
    except InputError as err:
        yield err
    except (UnicodeError, ValueError) as err:  # defensive: a parser below us choked
        yield InputError(source, f"cannot read this input ({err})")


def _decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise EmptyInputError(source, "the input is empty; nothing to code")
    if b"\x00" in data[:65536]:
        raise BinaryInputError(source, "this is binary data, not text; give a .txt, .html or .jsonl file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise BinaryInputError(source, "the bytes are neither UTF-8 nor Windows-1252 text") from None
        return text


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith("<!doctype html") or "<html" in head or ("<body" in head and "</" in head)


def _from_bytes(data: bytes, source: str, suffix: str, published, outlet) -> Article:
    if len(data) > MAX_FILE_BYTES:
        raise InputTooLargeError(source, f"the input is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    text = _decode(data, source)
    if suffix in HTML_SUFFIXES or (suffix not in JSONL_SUFFIXES and _looks_like_html(text)):
        return article_from_html(text, source=source, published=published, outlet=outlet)
    return make_article(text, published=published, outlet=outlet, source=source)


def _from_json_line(raw: bytes, where: str, published, outlet) -> Article:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        raise MalformedRecordError(where, f"not a JSON object ({err.__class__.__name__}: {str(err)[:200]})") from None
    if not isinstance(record, dict):
        raise MalformedRecordError(where, "each line must be a JSON object with a 'text' field")
    text, html = record.get("text"), record.get("html")
    if text is None and html is not None:
        return _from_html_record(record, html, where, published, outlet)
    return article_from_record(record, where, published=published, outlet=outlet)


def _from_html_record(record: dict, html: object, where: str, published, outlet) -> Article:
    if not isinstance(html, str):
        raise MalformedRecordError(where, f"'html' must be a string with the page, not {type(html).__name__}")
    url = check_metadata(record.get("url"), "url", MAX_URL_CHARS, where)
    rid = check_metadata(record.get("id"), "id", MAX_ID_CHARS, where)
    art = article_from_html(
        html, source=where, published=record.get("published") or published, outlet=record.get("outlet") or outlet, url=url
    )
    return art if rid is None else replace(art, id=rid)
