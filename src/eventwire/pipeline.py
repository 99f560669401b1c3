"""The whole pipeline: article -> document -> mentions -> events.

``extract()`` is the one-call Python API; ``Pipeline`` keeps the loaded models
for many calls and codes batches, reporting bad inputs without stopping.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .article import Article, article_from_record, article_id_for, make_article
from .coder import Coder
from .document import Deadline, NlpBackend, SpacyBackend, parse_articles
from .errors import CodingError, ConflictingIdError, InputError, MalformedRecordError
from .events import Event


@dataclass(frozen=True)
class ArticleResult:
    """The outcome for one input: its events, or the error that made it skip."""

    source: str
    article: Article | None
    events: list[Event]
    error: InputError | None = None


class Pipeline:
    """Loaded models plus the coder. Build once, call many times."""

    BATCH = 64  # articles parsed together: spaCy's batching pays off up to about here

    def __init__(self, backend: NlpBackend | None = None, coder: Coder | None = None):
        self.backend = backend or SpacyBackend()
        self.coder = coder or Coder()

    def extract(
        self,
        text: str,
        *,
        published: str | date | None = None,
        outlet: str | None = None,
        url: str | None = None,
        article_id: str | None = None,
    ) -> list[Event]:
        """Code one article; raises a typed ``InputError`` for input that cannot be coded."""
        article = make_article(text, published=published, outlet=outlet, url=url, article_id=article_id)
        return self.code_articles([article])[0]

    def code_articles(self, articles: list[Article]) -> list[list[Event]]:
        # each doc was parsed from its article's text: the coder need not join its tokens back into it
        return [self.coder.code(doc, text=doc.article.text) for doc in parse_articles(articles, self.backend)]

    def code_article(self, article: Article, *, budget_s: float | None = None) -> list[Event]:
        """Code one article within ``budget_s`` seconds (``CodingTimeoutError`` past it):
        an API request must not hold a worker for minutes."""
        if budget_s is None:
            return self.code_articles([article])[0]
        deadline = Deadline.after(budget_s)
        doc = next(parse_articles([article], self.backend, deadline=deadline))
        return self.coder.code(doc, deadline=deadline, text=doc.article.text)

    def run(self, items: Iterable[Article | InputError | Mapping[str, Any]]) -> Iterator[ArticleResult]:
        """Code a stream of articles, passing input errors through in order.

        Items may be ``Article``s, ``InputError``s (passed through) or dicts with the
        fields of a JSONL record. One input that cannot be read or coded is that input's
        error; the inputs around it are coded as usual. A second input with the id of a
        different article already seen in this run is a ``ConflictingIdError`` naming both."""
        batch: list[Article] = []
        seen: dict[str, tuple[str, str]] = {}  # article id -> (text digest, where it was read)
        for n, item in enumerate(items, 1):
            item = _as_article(item, n)
            if not isinstance(item, InputError):
                item = _check_id(item, seen, f"input {n}")
            if isinstance(item, InputError):
                yield from self._flush(batch)
                batch = []
                yield ArticleResult(item.source, None, [], item)
                continue
            batch.append(item)
            if len(batch) >= self.BATCH:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _flush(self, batch: list[Article]) -> Iterator[ArticleResult]:
        if not batch:
            return
        try:
            docs = list(parse_articles(batch, self.backend))
        except Exception:  # noqa: BLE001 - one text broke the parser: parse one by one to find it
            if len(batch) == 1:
                yield _failed(batch[0], "the NLP backend failed on it")
                return
            for art in batch:
                yield from self._flush([art])
            return
        for doc in docs:
            try:
                yield ArticleResult(doc.article.id, doc.article, self.coder.code(doc, text=doc.article.text))
            except InputError as err:
                yield ArticleResult(err.source, None, [], err)
            except Exception as err:  # noqa: BLE001 - a defect on one article must not cost the batch
                yield _failed(doc.article, f"the coder failed on it ({type(err).__name__}: {err})")


def _as_article(item: Article | InputError | Mapping[str, Any], n: int) -> Article | InputError:
    if isinstance(item, (Article, InputError)):
        return item
    if isinstance(item, Mapping):
        try:
            return article_from_record(item, f"input {n}")
        except InputError as err:
            return err
    return MalformedRecordError(f"input {n}", f"expected an Article or a dict with a 'text' field, not {type(item).__name__}")


def _check_id(article: Article, seen: dict[str, tuple[str, str]], where: str) -> Article | ConflictingIdError:
    digest = article_id_for(article.text)
    first = seen.setdefault(article.id, (digest, article.source or article.url or where))
    if first[0] != digest:
        return ConflictingIdError(
            article.source or article.url or where,
            f"id {article.id!r} was already given to a different article ({first[1]}); "
            "give each article its own id, or none (the text's hash is used)",
        )
    return article


def _failed(article: Article, why: str) -> ArticleResult:
    return ArticleResult(article.id, None, [], CodingError(article.id, f"{why}; please report it with this input"))


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def extract(
    text: str,
    published: str | date | None = None,
    outlet: str | None = None,
    *,
    url: str | None = None,
    article_id: str | None = None,
) -> list[Event]:
    """Code one news article into events (see docs/codebook.md for the record)."""
    return default_pipeline().extract(text, published=published, outlet=outlet, url=url, article_id=article_id)
