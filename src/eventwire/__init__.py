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

__version__ = "0.1.0"


def __getattr__(name: str):
    # The NLP pipeline (spaCy, the coder, the gazetteer) is imported when first asked for, so
    # that `import eventwire` for its records, its store or its command line's help costs
    # a fraction of a second, and processes that never code (a store reader, a web worker
    # handed another pipeline) never load spaCy.
    if name in ("Pipeline", "extract"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


def open_store(url=None, *, create: bool = False):
    """Open the event store at ``url`` to read it from Python (a notebook, a script).

    ``url``: ``sqlite:///events.sqlite``, a path to a SQLite file, or
    ``postgresql+psycopg://user@host/db``; by default ``$EVENTWIRE_DB`` or
    ``./eventwire.sqlite``. A SQLite file that is not there is an error unless
    ``create=True`` (then a new empty store is made). The store has
    ``events(...)``, ``to_pandas(...)``, ``counts(by, ...)`` and ``event(id)``;
    see ``eventwire.store.notebook``. Close it with ``close()`` or a ``with`` block."""
    from .store.notebook import open_store as _open_store  # SQLAlchemy is imported only here

    return _open_store(url, create=create)


__all__ = [
    "Actor", "Article", "Attribution", "BinaryInputError", "EmptyInputError", "Event", "EventDate",
    "EventwireError", "Evidence", "InputError", "InputTooLargeError", "InvalidDateError",
    "MalformedRecordError", "NoArticleError", "NotEnglishError", "Pipeline", "Place", "Quantity",
    "Span", "extract", "open_store", "__version__",
]  # fmt: skip
