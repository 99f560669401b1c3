"""Typed errors. Every error names the input it is about and says what to do."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""


class InputError(EventwireError, ValueError):
    """An input (file, line, string) cannot be coded.

    ``source`` names the input ("page.html", "articles.jsonl:17", "<text>") so a
    batch can report which article was skipped and why.
    """

    def __init__(self, source: str, message: str):
        self.source = source
        self.reason = message
        super().__init__(f"{source}: {message}")


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input is not text (NUL bytes, undecodable, mostly control characters)."""


class InputTooLargeError(InputError):
    """The input is larger than one article can sensibly be."""


class NotEnglishError(InputError):
    """The text does not look like English, the only language the default pipeline reads."""


class NoArticleError(InputError):
    """An HTML page from which no article text could be extracted."""


class InvalidDateError(InputError):
    """A publication date that cannot be read."""


class MalformedRecordError(InputError):
    """A JSONL line that is not a JSON object with a text field."""


class ConflictingIdError(InputError):
    """An input reuses the id of a different, already stored (or already read) article."""


class CodingTimeoutError(InputError):
    """Coding the article ran past its time budget (an API request, say); nothing of it is stored."""


class CodingError(InputError):
    """The coder failed on this article (a defect in eventwire: please report it with the input)."""


class StoreRejectedError(InputError):
    """The store refused this article's rows; the batch around it is unaffected."""


class MissingInputError(InputError):
    """A path given as input does not exist (a usage error: the CLI exits 2)."""


class UnsupportedFileError(InputError):
    """A file in an input directory that is not text, HTML or JSONL by its name; listed, not read."""
