"""Whole news articles written for the tests (tests/fixtures/articles24/), coded by the rules and scored
by the TR-News scorer: same sentence and type, one to one (eventwire.evaluation.trnews)."""

from __future__ import annotations

from pathlib import Path

from eventwire.document import Document
from eventwire.evaluation.trnews import TrNewsReport, load_gold, read_articles, score

ARTICLES24 = Path(__file__).parent.parent / "fixtures" / "articles24"


def coded(nlp, coder, folder: Path = ARTICLES24) -> tuple[list[dict], dict]:
    """The folder's gold and the coder's events on its articles, by article id."""
    gold = load_gold(folder / "gold.jsonl")
    articles = read_articles(folder / "articles.jsonl", {g["article_id"] for g in gold})
    return gold, {a.id: coder.code(Document(a, nlp(a.text))) for a in articles}


def report(nlp, coder, part: str, folder: Path = ARTICLES24) -> TrNewsReport:
    """The TR-News scorer's report on the folder's articles of ``part`` ("probe" or "heldout")."""
    gold, predicted = coded(nlp, coder, folder)
    return score(gold, predicted, part)
