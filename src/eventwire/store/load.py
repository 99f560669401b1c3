"""Loading a batch job's output into a store: the same per-article transactions and
deduplication as ``ingest``, without coding the articles again."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

from ..article import Article as ArticleRecord
from ..batch.job import read_articles, read_reports
from .db import Store
from .ingest import IngestSummary, store_article


def load_batch(store: Store, out: str) -> IngestSummary:
    """Store every article of a batch output with its reports, in article-id order (idempotent)."""
    reports = defaultdict(list)
    for row in read_reports(out):
        reports[row["article_id"]].append(json.loads(row["record"]))
    summary = IngestSummary()
    with store.session() as session:
        for a in sorted(read_articles(out), key=lambda a: a["id"]):
            art = ArticleRecord(id=a["id"], text=a["text"], url=a["url"], outlet=a["outlet"], title=a["title"],
                                published=date.fromisoformat(a["published"]) if a["published"] else None)  # fmt: skip
            records = sorted(reports.get(a["id"], []), key=lambda r: (r["evidence"]["sentence_start"], r["evidence"]["spans"]["trigger"]["start"]))
            store_article(session, art, records, summary)
    return summary
