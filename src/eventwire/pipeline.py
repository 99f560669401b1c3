"""The whole pipeline: article -> document -> mentions -> events.

``extract()`` is the one-call Python API; ``Pipeline`` keeps the loaded models
for many calls and codes batches, reporting bad inputs without stopping.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from .article import Article, make_article
from .coder import Coder
from .document import NlpBackend, SpacyBackend, parse_articles
from .errors import InputError
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
        return [self.coder.code(doc) for doc in parse_articles(articles, self.backend)]

    def run(self, items: Iterable[Article | InputError]) -> Iterator[ArticleResult]:
        """Code a stream of articles, passing input errors through in order."""
        batch: list[Article] = []
        for item in items:
            if isinstance(item, InputError):
                yield from self._flush(batch)
                batch = []
                yield ArticleResult(item.source, None, [], item)
                continue
            batch.append(item)
            if len(batch) >= 64:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _flush(self, batch: list[Article]) -> Iterator[ArticleResult]:
        for doc in parse_articles(batch, self.backend):
            yield ArticleResult(doc.article.id, doc.article, self.coder.code(doc))


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
