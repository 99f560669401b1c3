"""Shared pieces of the real-text evaluations: where ``../shared/data`` is, and parsing
a corpus once (parsed docs are cached on disk, keyed by the texts and the model)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, DocBin

from ..document import NlpBackend, SpacyBackend

SHARED_ENV = "EVENTWIRE_SHARED"


def shared_data(name: str) -> Path | None:
    """``../shared/data/NAME`` beside the project (or under $EVENTWIRE_SHARED), if it is there."""
    roots = [Path(os.environ[SHARED_ENV])] if os.environ.get(SHARED_ENV) else []
    here = Path(__file__).resolve()
    roots += [p / "shared" for p in here.parents[3:6]]  # src/eventwire/evaluation -> project -> its parent
    roots += [Path.cwd().parent / "shared", Path.cwd() / "shared"]
    for root in roots:
        path = root / "data" / name
        if path.is_file():
            return path
    return None


def cache_dir() -> Path:
    return Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")


@lru_cache(maxsize=1)
def _parse_rules() -> bytes:
    """A digest of eventwire's own parse rules (sentence breaks, datelines: ``eventwire.document``;
    the model's token rules over arrays: ``eventwire.token_rules``), so that a cached parse is not
    reused after they change."""
    from .. import document, token_rules

    return hashlib.sha256(b"".join(Path(m.__file__).read_bytes() for m in (document, token_rules))).digest()


def parse_cached(texts: Sequence[str], backend: NlpBackend | None = None, *, cache: bool = True) -> list[Doc]:
    """Parse ``texts`` (in order), reusing an earlier parse of the same texts by the same model."""
    backend = backend or SpacyBackend()
    key = hashlib.sha256(backend.name.encode() + b"\0" + _parse_rules() + b"\0" + "\0".join(texts).encode("utf-8")).hexdigest()[:24]
    path = cache_dir() / f"docs-{key}.spacy"
    vocab = backend.nlp.vocab if hasattr(backend, "nlp") else None
    if cache and vocab is not None and path.is_file():
        docs = list(DocBin().from_disk(path).get_docs(vocab))
        if len(docs) == len(texts):
            return docs
    docs = list(backend.parse(texts))
    if cache and vocab is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            DocBin(docs=docs).to_disk(tmp)
            tmp.replace(path)
        except OSError:
            pass  # a read-only home only costs the next run a parse
    return docs
