"""A linear softmax model over sparse binary features, in plain numpy.

Small enough to ship in the package (a vocabulary and one weight matrix), fast enough to
run on every sentence (a sum of a few dozen rows), and trained deterministically from a
seed on two cores. Nothing here knows about events: labels are strings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import EventwireError


@dataclass(frozen=True)
class LinearModel:
    labels: tuple[str, ...]
    vocab: dict[str, int]
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)

    def proba(self, features: Sequence[str]) -> np.ndarray:
        """Probabilities over ``labels`` for one example."""
        return self.proba_of_rows([i for i in map(self.vocab.get, features) if i is not None])

    def proba_of_rows(self, idx: list[int]) -> np.ndarray:
        """``proba`` of the example whose features are these rows of the vocabulary, in order."""
        # (run on every sentence: the ufuncs' reduce is what .sum() and .max() call, without their
        # wrappers; take() gathers the same rows as indexing with the list, with less to check)
        z = self.bias + (np.add.reduce(self.weights.take(idx, axis=0), axis=0) if idx else 0.0)
        z = np.exp(z - np.maximum.reduce(z))
        return z / np.add.reduce(z)

    def save(self, path: str | Path) -> None:
        names = np.array(sorted(self.vocab, key=self.vocab.__getitem__))
        with open(path, "wb") as fh:  # np.savez would add ".npz" to a name without it
            np.savez_compressed(fh, labels=np.array(self.labels), vocab=names,
                                weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32))  # fmt: skip

    @classmethod
    def load(cls, path: str | Path) -> "LinearModel":
        try:
            with np.load(path, allow_pickle=False) as data:
                names = [str(n) for n in data["vocab"]]
                return cls(tuple(str(x) for x in data["labels"]), {n: i for i, n in enumerate(names)},
                           data["weights"].astype(np.float32), data["bias"].astype(np.float32))  # fmt: skip
        except (OSError, KeyError, ValueError) as err:
            raise EventwireError(f"{path}: not an eventwire classifier model ({err}); rebuild it with `eventwire train`") from None


def fit_averaged(examples: Sequence[Sequence[str]], labels: Sequence[str], *, runs: int, seed: int = 0, **kw) -> LinearModel:
    """The mean of ``runs`` models fitted from seeds ``seed``, ``seed + 1000``, ...: one linear model
    (as cheap to run as each) that depends far less on the order it saw the examples in. On
    ACLED's held-out countries, which are unlike the training ones, a single model's share of
    notes with an event ranged from 77 % to 90 % with the seed alone (2026-11-29)."""
    models = [fit(examples, labels, seed=seed + 1000 * k, **kw) for k in range(runs)]
    first = models[0]  # the same examples give every run the same vocabulary and labels
    return LinearModel(first.labels, first.vocab, np.mean([m.weights for m in models], axis=0),
                       np.mean([m.bias for m in models], axis=0))  # fmt: skip


def fit(
    examples: Sequence[Sequence[str]],
    labels: Sequence[str],
    *,
    seed: int = 0,
    epochs: int = 12,
    batch_size: int = 64,
    learning_rate: float = 0.05,
    l2: float = 1e-5,
    min_count: int = 2,
    sample_weights: Sequence[float] | None = None,
    anneal: bool = False,
) -> LinearModel:
    """Multinomial logistic regression by mini-batch Adam; the same inputs and seed give the same model.
    ``anneal``: the step size falls linearly from ``learning_rate`` to nothing over the training, so
    that the model ends near the loss's minimum (one point whatever the seed, the problem being
    convex) rather than wherever the last few batches, in the seed's order, left it."""
    if len(examples) != len(labels) or not examples:
        raise EventwireError(f"cannot train on {len(examples)} examples with {len(labels)} labels")
    counts = Counter(f for ex in examples for f in set(ex))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    label_names = tuple(sorted(set(labels)))
    label_ix = {lab: i for i, lab in enumerate(label_names)}
    rows = [np.array(sorted({vocab[f] for f in ex if f in vocab}), dtype=np.int64) for ex in examples]
    y = np.array([label_ix[lab] for lab in labels])
    sw = np.ones(len(y), dtype=np.float32) if sample_weights is None else np.asarray(sample_weights, dtype=np.float32)
    n_feat, n_lab = len(vocab), len(label_names)
    rng = np.random.default_rng(seed)
    w = np.zeros((n_feat, n_lab), dtype=np.float32)
    b = np.zeros(n_lab, dtype=np.float32)
    adam = [np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)]
    beta1, beta2, eps, step = 0.9, 0.999, 1e-8, 0
    total = epochs * -(-len(rows) // batch_size)
    for _ in range(epochs):
        order = rng.permutation(len(rows))
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            flat = np.concatenate([rows[i] for i in batch])
            owner = np.repeat(np.arange(len(batch)), [len(rows[i]) for i in batch])
            z = np.zeros((len(batch), n_lab), dtype=np.float32) + b
            np.add.at(z, owner, w[flat])
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(batch)), y[batch]] -= 1.0
            p *= (sw[batch] / len(batch))[:, None]
            gw = np.zeros_like(w)
            np.add.at(gw, flat, p[owner])
            gw += l2 * w
            gb = p.sum(axis=0)
            step += 1
            lr = learning_rate * (1 - (step - 1) / total) if anneal else learning_rate
            for g, param, m, v in ((gw, w, adam[0], adam[1]), (gb, b, adam[2], adam[3])):
                m *= beta1
                m += (1 - beta1) * g
                v *= beta2
                v += (1 - beta2) * g * g
                param -= lr * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + eps)
    return LinearModel(label_names, vocab, w, b)
