"""Attribution: who the sentence says an event comes from.

"..., SANA reported", "the Syrian Observatory for Human Rights said",
"according to the Iraqi health ministry", "a military spokesman told Reuters".
Pronouns and "the monitor added" carry the previous sentence's source over.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

REPORT_VERBS = frozenset(
    "say report tell announce state claim add confirm write quote cite note reveal insist "
    "disclose explain estimate document record publish broadcast tweet post".split()
)
_CARRY_OVER_NOUNS = frozenset(
    "monitor agency observatory group ministry official spokesman spokeswoman spokesperson "
    "statement source army military police channel outlet network organisation organization "
    "command commission committee council office operator mission authority watchdog".split()
)
# "X denied that Y fired on protesters": the denier is who the sentence cites
_CITING_VERBS = REPORT_VERBS | {"deny"}
# "according to a statement from the mayor's office": the source is the office
DOCUMENT_NOUNS = frozenset("statement report communique communiqué post message letter video tweet".split())
_CUT_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis", "ccomp", "conj", "cc"})


@dataclass(frozen=True)
class AttributionMention:
    source: str
    start: int
    end: int


def reporting_verbs(sent: SpacySpan) -> list[Token]:
    # (the part of speech first: most words are no verb, and it is read without looking up a string)
    return [t for t in sent if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in REPORT_VERBS]


def find_attribution(
    trigger_head: Token, sent: SpacySpan, previous: AttributionMention | None, text: str | None = None
) -> AttributionMention | None:
    """The cited source for an event whose clause head is ``trigger_head``. ``text``: the
    sentence's text, when the caller has it (a sentence without "according" is not walked for it)."""
    # "according to X" anywhere in the sentence
    for tok in sent if text is None or "according" in text.lower() else ():
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None:
                return _mention(pobj, previous)
    # a reporting verb governing the event ("SANA reported that villagers blocked ...")
    for anc in trigger_head.ancestors:
        if anc.lemma_.lower() in _CITING_VERBS:
            subj = _subject(anc)
            if subj is not None:
                return _mention(subj, previous)
    # a reporting verb hanging off the event ("villagers blocked ..., SANA reported")
    for verb in reporting_verbs(sent):
        closing = _closing_subject(verb, sent) if verb.i > trigger_head.i else None
        if verb.head == trigger_head or verb.dep_ == "ROOT" or verb.head == sent.root or closing is not None:
            subj = _subject(verb) or closing
            # (a closing report's source is no part of the event, wherever the parser put it)
            if subj is not None and (subj == closing or not _inside(subj, trigger_head)):
                return _mention(subj, previous)
    return None


def _closing_subject(verb: Token, sent: SpacySpan) -> Token | None:
    """The source of a report that closes the sentence after a comma (", the Britain-based monitor
    reported.", ", the Syrian Observatory for Human Rights said on Sunday."), whatever the parser hung
    the verb on (a relative clause of the last noun) or took its subject for (an apposition): the
    head of the words between that comma and the verb; None for any other reporting verb."""
    if any(t.pos_ in ("VERB", "AUX") for t in sent[verb.i - sent.start + 1 :]):
        return None
    comma = next((t for t in reversed(sent[: verb.i - sent.start]) if t.text == ","), None)
    if comma is None or comma.i + 1 >= verb.i:
        return None
    words = sent.doc[comma.i + 1 : verb.i]
    heads = [t for t in words if not (comma.i < t.head.i < verb.i) or t.head == t]
    return heads[0] if len(heads) == 1 and heads[0].pos_ in ("NOUN", "PROPN") else None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    # "..., the monitor added" parsed with the verb as a conjunct shares the first subject
    return None


def _inside(tok: Token, head: Token) -> bool:
    return tok == head or head in tok.ancestors and tok.dep_ not in ("nsubj",)


def _mention(head: Token, previous: AttributionMention | None) -> AttributionMention | None:
    if head.pos_ == "PRON" or head.lower_ in ("he", "she", "it", "they", "we"):
        return previous
    head = _named_head(head)
    tokens = _phrase(head)
    if head.pos_ == "PROPN" and _capitalised(head):
        # "monitoring group NetBlocks", "Houthi military spokesman Yahya Saree": the name itself
        i = tokens.index(head)
        start = i
        while start > 0 and _capitalised(tokens[start - 1]):
            start -= 1
        end = i
        while end < len(tokens) - 1 and _capitalised(tokens[end + 1]) or (
            end < len(tokens) - 2 and tokens[end + 1].lower_ in ("for", "of") and _capitalised(tokens[end + 2])
        ):
            end += 1
        tokens = tokens[start : end + 1]
    doc = head.doc
    span = doc[tokens[0].i : tokens[-1].i + 1]
    text = span.text
    for det in ("the ", "The "):
        if text.startswith(det):
            text = text[len(det) :]
    # "the monitor added": a bare description continues the earlier report
    if previous is not None and len(tokens) <= 3 and not any(t.pos_ == "PROPN" for t in tokens):
        lemma = head.lemma_.lower()
        # (a word for any body continues a report by name only: "the monitor" after "the Syrian
        # Observatory said"; after "local officials said", "the army said" is the army's own word)
        named_before = previous.source[:1].isupper()
        if tokens[0].lower_ == "the" and (lemma in _CARRY_OVER_NOUNS and named_before or lemma in previous.source.lower()):
            return previous
    return AttributionMention(text, span.start_char, span.end_char)


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.lower_ != "the"


def _named_head(head: Token) -> Token:
    """Step from a description to the name it introduces: "state news agency IRNA" (apposition),
    "a statement from the mayor's office" (a document's author)."""
    appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if appos is not None and head.pos_ != "PROPN":
        return appos
    if head.lemma_.lower() in DOCUMENT_NOUNS:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return head


def _phrase(head: Token) -> list[Token]:
    keep = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in _CUT_DEPS and not _word_hyphen(child):
                continue
            keep.append(child)
            stack.append(child)
    keep.sort(key=lambda t: t.i)
    # contiguous run containing the head
    idx = keep.index(head)
    start = end = idx
    while start > 0 and keep[start - 1].i == keep[start].i - 1:
        start -= 1
    while end < len(keep) - 1 and keep[end + 1].i == keep[end].i + 1:
        end += 1
    return keep[start : end + 1]


def _word_hyphen(tok: Token) -> bool:
    """A hyphen inside a word ("Britain-based"): part of the phrase, not a break in it."""
    return tok.text == "-" and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ and not tok.whitespace_


_OPENING_QUOTES = "“«"
_CLOSING_QUOTES = "”»"


def quoted(text: str, paragraph_start: int, position: int) -> bool:
    """Is ``position`` inside a direct quotation opened in the paragraph that starts at
    ``paragraph_start``? Quotation marks are counted, not paired by the parser: curly and
    guillemet marks open and close, a straight mark toggles. A quotation never runs past its
    paragraph (news copy opens each paragraph of a long quote again)."""
    depth = 0
    straight = False
    for ch in text[paragraph_start:position]:
        if ch in _OPENING_QUOTES:
            depth += 1
        elif ch in _CLOSING_QUOTES:
            depth = max(0, depth - 1)
        elif ch == '"':
            straight = not straight
    return depth > 0 or straight
