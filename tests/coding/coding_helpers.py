"""What the coding tests share: code one sentence or passage written for a test with the rules."""

from __future__ import annotations

from datetime import date

from eventwire.article import Article
from eventwire.document import Document


def code(nlp, coder, text: str, published: date | None = None):
    """The events the coder finds in ``text``, read as one article (published on ``published``)."""
    return coder.code(Document(Article("t", text, published), nlp(text)))
