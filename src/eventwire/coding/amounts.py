"""How many: the quantities stated in the trigger's clause."""

from __future__ import annotations

from functools import lru_cache

from ..events import Quantity, Span
from ..mentions.quantities import find_quantities
from .context import TriggerContext


# A sentence with several triggers is scanned once for quantities.
@lru_cache(maxsize=64)
def sentence_quantities(text: str) -> tuple:
    return tuple(find_quantities(text))


def link_quantities(ctx: TriggerContext) -> tuple[Quantity, ...]:
    sent = ctx.sent
    base, doc = sent.start_char, sent.doc
    out = []
    for q in sentence_quantities(ctx.text):
        span = doc.char_span(base + q.start, base + q.end, alignment_mode="expand")
        if span is not None and not any(t.i in ctx.clause for t in span):
            continue
        out.append(Quantity(q.value, q.unit, q.qualifier, q.text, Span(base + q.start, base + q.end)))
    return tuple(out)
