"""Features read how an event is told, not who had it: names become their entity kind.
Built on hand-made spaCy Docs, no model loaded."""

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from eventwire.classify.features import rule_hints, sentence_features


def _doc(words, lemmas, pos, deps, heads, ents=()):
    doc = Doc(Vocab(), words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def _militants_shelled():
    # "On 3 May 2021, Hausan militants shelled Tarbo [size=no report]."
    words = ["On", "3", "May", "2021", ",", "Hausan", "militants", "shelled", "Tarbo", "[", "size", "]", "."]
    lemmas = ["on", "3", "May", "2021", ",", "Hausan", "militant", "shell", "Tarbo", "[", "size", "]", "."]
    pos = ["ADP", "NUM", "PROPN", "NUM", "PUNCT", "ADJ", "NOUN", "VERB", "PROPN", "PUNCT", "NOUN", "PUNCT", "PUNCT"]
    deps = ["prep", "nummod", "pobj", "nummod", "punct", "amod", "nsubj", "ROOT", "dobj", "punct", "appos", "punct", "punct"]
    heads = [7, 2, 0, 2, 7, 6, 7, 7, 7, 10, 8, 10, 7]
    return _doc(words, lemmas, pos, deps, heads, ents=[(1, 4, "DATE"), (5, 6, "NORP"), (8, 9, "GPE")])


def test_names_become_entity_kinds_and_dates_are_dropped():
    feats = set(sentence_features(_militants_shelled()[:]))
    assert {"w:<NORP>", "w:<GPE>", "w:militant", "w:shell"} <= feats
    assert not any("tarbo" in f.lower() or "hausan" in f.lower() for f in feats)
    assert not any("may" in f.lower() or "2021" in f for f in feats)  # every ACLED note opens with its date
    assert "w:on" not in feats and not any(f.startswith("b:on_") for f in feats)  # ... and the "On" before it


def test_verb_argument_pairs_and_trigger_keys():
    feats = set(sentence_features(_militants_shelled()[:], rule_hints(["shell"])))
    assert {"v:shell", "nsubj:shell>militant", "dobj:shell><GPE>", "t:shell"} <= feats


def test_bracketed_editorial_notes_are_left_out():
    feats = set(sentence_features(_militants_shelled()[:]))
    assert "w:size" not in feats
