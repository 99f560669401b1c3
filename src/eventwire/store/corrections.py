"""Analysts' corrections as training examples: each correction with the sentences of the
event it corrects (the coder's records are never changed; the next ``eventwire train``
learns from what analysts said)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from .db import Store
from .models import Correction, Report


@dataclass(frozen=True)
class CorrectedSentence:
    sentence: str
    field: str  # type | source | target | place | date
    value: dict


def corrected_sentences(store: Store) -> tuple[list[CorrectedSentence], Counter]:
    """The newest correction of each (event, field) with every sentence reporting the event,
    and how many corrections of each field the store holds."""
    counts: Counter = Counter()
    newest: dict[tuple[int, str], Correction] = {}
    with store.session() as s:
        for c in s.scalars(select(Correction).order_by(Correction.id)):
            counts[c.field] += 1
            newest[(c.event_id, c.field)] = c
        sentences: dict[int, list[str]] = {}
        corrected = sorted({event_id for event_id, _ in newest})
        rows = s.execute(select(Report.event_id, Report.sentence).where(Report.event_id.in_(corrected)).order_by(Report.id))
        for event_id, sentence in rows:  # one query for every corrected event, not one each
            sentences.setdefault(event_id, []).append(sentence)
    out = [CorrectedSentence(sentence, fld, dict(c.value or {}))
           for (event_id, fld), c in sorted(newest.items()) for sentence in sentences.get(event_id, ())]  # fmt: skip
    return out, counts
