"""eventwire: code news reports into traceable political and military events."""

from .article import Article
from .errors import (
    BinaryInputError,
    EmptyInputError,
    EventwireError,
    InputError,
    InputTooLargeError,
    InvalidDateError,
    MalformedRecordError,
    NoArticleError,
    NotEnglishError,
)
from .events import Actor, Attribution, Event, EventDate, Evidence, Place, Quantity, Span
from .pipeline import Pipeline, extract

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Attribution", "BinaryInputError", "EmptyInputError", "Event", "EventDate",
    "EventwireError", "Evidence", "InputError", "InputTooLargeError", "InvalidDateError",
    "MalformedRecordError", "NoArticleError", "NotEnglishError", "Pipeline", "Place", "Quantity",
    "Span", "extract", "__version__",
]  # fmt: skip
