"""What the event classifier sees of a sentence: words, grammar and the rules' triggers.

Names are replaced by their entity kind ("GPE", "NORP", "ORG", "PERSON"), so the model
learns how events are told, not which countries had them: a model trained on Mexico
and Yemen must read Nigeria. Dates, numbers' values and bracketed editorial notes are
left out for the same reason (every ACLED note opens with its date).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

RULE_HINT = "t:"  # the prefix of the features that tell the rules' reading
_NAME_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE"})
_DROPPED_ENTS = frozenset({"DATE", "TIME"})
_NUMBER_ENTS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
_CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "agent", "attr"})
_HEAD_DEPS = _CORE_DEPS | {"ROOT", "conj", "xcomp", "advcl", "ccomp"}  # the words whose arguments are read


def _unit(tok: Token) -> str | None:
    """The token as the model reads it, or None to skip it."""
    if tok.is_space or tok.is_punct:
        return None
    ent = tok.ent_type_
    if ent in _DROPPED_ENTS:
        return None
    if ent in _NAME_ENTS:
        return None if tok.ent_iob_ == "I" else f"<{ent}>"
    if ent in _NUMBER_ENTS or tok.like_num:
        return None if tok.ent_iob_ == "I" else "<NUM>"
    return tok.lemma_.lower() or tok.lower_


def _skipped(toks: list[Token], deps: list[str]) -> set[int]:
    """Token indices the model does not read: bracketed editorial notes ("[size=no report]"),
    prepositions that only introduce a date ("On 9 May": every ACLED note opens with one, so
    they would teach that "on" means an event), and a short label before an opening colon
    ("Property destruction: …", "UPDATE: …"). ``deps``: the tokens' dependency labels."""
    skip: set[int] = set()
    depth = 0
    for k, tok in enumerate(toks):
        text = tok.text
        if text == "[":
            depth += 1
        elif text == "]":
            depth = max(0, depth - 1)
            skip.add(tok.i)
        if depth:
            skip.add(tok.i)
        if text == ":" and k < 5:
            skip.update(t.i for t in toks[: k + 1])
        if deps[k] == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in _DROPPED_ENTS for c in tok.children):
            skip.add(tok.i)
    return skip


def _role_word(tok: Token) -> str:
    if tok.ent_type_ in _NAME_ENTS:
        return f"<{tok.ent_type_}>"
    if tok.ent_type_ in _NUMBER_ENTS or tok.like_num:
        return "<NUM>"
    return tok.lemma_.lower()


def rule_hints(trigger_keys: Iterable[str]) -> list[str]:
    """What the rules read in a sentence, as features: the keys of their triggers. (The sectors
    of each event's source and target were tried too, 2026-11-28: ACLED dev F1 0.699 against
    0.703 without them, so they are left out.)"""
    return [f"{RULE_HINT}{key}" for key in trigger_keys]


def sentence_features(sent: Span, hints: Iterable[str] = ()) -> list[str]:
    """Feature strings of one sentence: lemmas, lemma bigrams, verb-argument pairs, and
    the rules' reading of it (``rule_hints``)."""
    toks = list(sent)  # spaCy makes a new Token object on every access: walk the sentence once
    # (and read each token's labels once: every read of one is a call that looks its string up)
    deps = [tok.dep_ for tok in toks]
    skip = _skipped(toks, deps)
    units = [u for tok in toks if tok.i not in skip and (u := _unit(tok)) is not None]
    feats = {f"w:{u}" for u in units}
    feats.update(f"b:{a}_{b}" for a, b in zip(units, units[1:]))
    for tok, dep in zip(toks, deps):
        if dep not in _HEAD_DEPS or tok.i in skip:
            continue
        pos = tok.pos_
        if pos not in ("VERB", "NOUN"):
            continue
        lemma = tok.lemma_.lower()
        children = list(tok.children)
        if pos == "VERB":
            feats.add(f"v:{lemma}")
            if any(c.dep_ == "auxpass" for c in children):
                feats.add(f"vp:{lemma}")
        for child in children:
            if child.ent_type_ in _DROPPED_ENTS:
                continue
            child_dep = child.dep_
            if child_dep in _CORE_DEPS:
                feats.add(f"{child_dep}:{lemma}>{_role_word(child)}")
            elif child_dep == "prep":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ not in _DROPPED_ENTS:
                        feats.add(f"p:{lemma}>{child.lower_}>{_role_word(pobj)}")
    feats.update(hints)
    return sorted(feats)


def passage_features(per_sentence: Iterable[Iterable[str]]) -> list[str]:
    """Features of several sentences read together (a note, a paragraph): every sentence's."""
    return sorted(set().union(*per_sentence))
