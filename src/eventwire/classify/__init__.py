"""The learned event classifier: a second opinion on each sentence, beside the rules.

The rules find triggers, spans and arguments; the classifier, trained on real event
descriptions (ACLED's notes) and real sentences that report no event (LGL's local
news), says how likely a sentence reports an ACLED-style event and which sub-event
type it is. The coder uses it to correct the rules' ACLED sub-event type and to code
events the lexicon has no trigger for. ``eventwire train`` rebuilds the shipped model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Protocol

from spacy.tokens import Span

from .features import passage_features, sentence_features
from .model import LinearModel

MODEL_DIR = "data/classifier"
NONE = "none"
# below this probability of an event, a sentence without rule triggers is not typed (saves a
# third of the classifier's time; the coder codes no event from it at any setting above this)
UNTYPED_BELOW = 0.2


@dataclass(frozen=True)
class SentenceVerdict:
    """What the classifier makes of one sentence."""

    event: float  # probability that it reports an ACLED-style event
    sub_event: str  # the most likely ACLED sub-event type, if it does
    sub_event_p: float  # that type's probability, given an event
    # what the model read (opaque to callers): lets a passage be read from its sentences' verdicts
    features: tuple[str, ...] = field(default=(), compare=False, repr=False)


class EventClassifier(Protocol):
    def classify(self, sent: Span, hints: Sequence[str]) -> SentenceVerdict:
        """``hints``: the rules' reading of the sentence (``features.rule_hints``)."""
        ...

    def classify_passage(self, verdicts: Sequence[SentenceVerdict]) -> SentenceVerdict:
        """The sub-event type of several sentences read together (a paragraph), from their verdicts."""
        ...


@dataclass(frozen=True)
class LinearEventClassifier:
    """Two linear models over the same features: event or not, and which sub-event type."""

    detector: LinearModel  # labels: "event", "none"
    typer: LinearModel  # labels: ACLED sub-event types

    def classify(self, sent: Span, hints: Sequence[str] = ()) -> SentenceVerdict:
        feats = tuple(sentence_features(sent, hints))
        rows = [r for r in map(self._rows.get, feats) if r is not None]  # (detector row, typer row)
        detected = self.detector.proba_of_rows([d for d, _ in rows if d is not None])
        p_event = float(detected[self.detector.labels.index("event")])
        if not hints and p_event < UNTYPED_BELOW:
            # no rule trigger to re-read and too unlikely an event to code: the type is not needed
            return SentenceVerdict(p_event, NONE, 0.0, feats)
        return self._typed(p_event, feats, [t for _, t in rows if t is not None])

    @cached_property
    def _rows(self) -> dict[str, tuple[int | None, int | None]]:
        """Each feature's row in the detector and in the typer: one look-up serves both models
        (the vocabularies are far bigger than the CPU's caches: a look-up costs a memory read)."""
        detector, typer = self.detector.vocab, self.typer.vocab
        return {f: (detector.get(f), typer.get(f)) for f in detector.keys() | typer.keys()}

    def classify_passage(self, verdicts: Sequence[SentenceVerdict]) -> SentenceVerdict:
        feats = tuple(passage_features(v.features for v in verdicts))
        return self._typed(max((v.event for v in verdicts), default=0.0), feats)

    def _typed(self, p_event: float, feats: tuple[str, ...], rows: list[int] | None = None) -> SentenceVerdict:
        """``rows``: the features' rows in the typer, when the caller has looked them up."""
        dist = self.typer.proba(feats) if rows is None else self.typer.proba_of_rows(rows)
        best = int(dist.argmax())
        return SentenceVerdict(p_event, self.typer.labels[best], float(dist[best]), feats)

    def save(self, directory: str | Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        self.detector.save(directory / "detector.npz")
        self.typer.save(directory / "typer.npz")

    @classmethod
    def load(cls, directory: str | Path) -> "LinearEventClassifier":
        directory = Path(directory)
        return cls(LinearModel.load(directory / "detector.npz"), LinearModel.load(directory / "typer.npz"))


@lru_cache(maxsize=1)
def default_classifier() -> LinearEventClassifier | None:
    """The model shipped in the package, or None if this installation has none."""
    root = resources.files("eventwire").joinpath(MODEL_DIR)
    if not root.joinpath("typer.npz").is_file():
        return None
    with resources.as_file(root) as directory:
        return LinearEventClassifier.load(directory)  # a damaged model is an error that says to rebuild it
