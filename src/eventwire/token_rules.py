"""The spaCy model's own token rules (its attribute ruler and its rule lemmatizer), applied over
the doc's arrays.

Both are lookups, but spaCy runs them a token object at a time: its attribute ruler tries each of
the model's 179 patterns at every token (0.58 s of CPU for 25,500 tokens of the sample articles,
as much as its parser's network), and its lemmatizer builds a token object for every word to read
its own cache (0.41 s). Here the same patterns are indexed by a value each tests, so a token is
checked only against the patterns that can match it, and the lemmatizer's cache is read from the
doc's arrays, a token object built only where it misses. Same rules, same tables, same attributes:
``tests/test_token_rules.py`` compares every token's attributes with spaCy's own components."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

# the token attributes the model's patterns test, in the column order of the array read
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")
_TESTED_IDS = [TAG, LOWER, DEP, IS_SPACE]
# the attributes its patterns set, written back as whole columns (DEP is set token by token:
# writing a DEP column without its HEAD column is not how a parse is meant to be loaded)
_WRITTEN = (POS, MORPH, LEMMA, TAG)
_WRITTEN_COLUMN = {attr: column for column, attr in enumerate(_WRITTEN)}


@dataclass(frozen=True)
class _Condition:
    """One test of one token attribute: equal to a value, in or not in a set, or matching a regex
    (on the attribute's string)."""

    column: int
    op: str  # "==", "IN", "NOT_IN", "REGEX"
    value: object

    def holds(self, row: list[int], strings) -> bool:
        got = row[self.column]
        if self.op == "==":
            return got == self.value
        if self.op == "IN":
            return got in self.value
        if self.op == "NOT_IN":
            return got not in self.value
        return self.value.search(strings[got]) is not None


@dataclass(frozen=True)
class _Pattern:
    rule: int  # the rule's place in the ruler: a later rule's attributes win, as in spaCy's
    tokens: tuple[tuple[_Condition, ...], ...]
    target: int  # which token of the match the rule sets (may count from the end)


def _condition(key: str, spec, strings) -> _Condition:
    if key not in _TESTED:
        raise ValueError(f"attribute ruler pattern tests {key!r}, which eventwire's array ruler does not read")
    column = _TESTED.index(key)
    if isinstance(spec, bool):
        return _Condition(column, "==", int(spec))
    if not isinstance(spec, dict):
        return _Condition(column, "==", strings.add(spec))
    ((op, value),) = spec.items()
    if op in ("IN", "NOT_IN"):
        return _Condition(column, op, frozenset(strings.add(v) for v in value))
    if op == "REGEX":
        return _Condition(column, op, re.compile(value))
    raise ValueError(f"attribute ruler pattern uses {op!r} on {key}, which eventwire's array ruler does not read")


# the tested attributes from the one that tells tokens apart most to the one that tells them least
_NARROWEST_FIRST = (_TESTED.index("LOWER"), _TESTED.index("DEP"), _TESTED.index("TAG"), _TESTED.index("IS_SPACE"))


def _anchors(first: tuple[_Condition, ...]) -> list[tuple[int, int]]:
    """(column, value) keys under which a pattern is filed: every value its first token may have
    under one of its tests, the narrowest one (a word before a tag: "is" tagged VBZ is filed under
    "is", not among every VBZ); none when every test is open-ended."""
    options = [[(c.column, c.value)] if c.op == "==" else [(c.column, v) for v in c.value]
               for c in first if c.op in ("==", "IN")]  # fmt: skip
    return min(options, key=lambda keys: (len(keys), _NARROWEST_FIRST.index(keys[0][0]))) if options else []


class ArrayAttributeRuler:
    """spaCy's ``AttributeRuler`` of a loaded model, its patterns matched by lookups.

    A one-token pattern's outcome depends on nothing but the token's tested attributes, so the
    rules that hold for a (tag, word, dependency, space) are found once and remembered; the few
    longer patterns are tried where their first token's anchor is."""

    MEMORY = 200_000  # remembered attribute tuples, then forgotten (a server reads text for months)

    def __init__(self, ruler: AttributeRuler):
        strings = ruler.vocab.strings
        self.strings = strings
        self.attrs = ruler.attrs  # per rule: {attribute id: value}, normalised by spaCy
        # patterns by a value their first token must have (one-token patterns apart from longer ones)
        self.single_filed: dict[tuple[int, int], list[_Pattern]] = {}
        self.single_unfiled: list[_Pattern] = []
        self.filed: dict[tuple[int, int], list[_Pattern]] = {}
        self.unfiled: list[_Pattern] = []
        for rule, entry in enumerate(ruler.patterns):
            for tokens in entry["patterns"]:
                if any("OP" in t for t in tokens):
                    raise ValueError("attribute ruler pattern with an operator: eventwire's array ruler reads fixed-length patterns only")
                conds = tuple(tuple(_condition(k, v, strings) for k, v in t.items()) for t in tokens)
                pattern = _Pattern(rule, conds, entry.get("index", 0))
                keys = _anchors(conds[0])
                filed, unfiled = (self.single_filed, self.single_unfiled) if len(conds) == 1 else (self.filed, self.unfiled)
                for key in keys:
                    filed.setdefault(key, []).append(pattern)
                if not keys:
                    unfiled.append(pattern)
        self.known: dict[tuple[int, ...], tuple[int, ...]] = {}  # tested attributes -> one-token rules
        self.writes: dict[tuple[int, ...], tuple[tuple[tuple[int, int], ...], int | None]] = {}  # rules -> their writes

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tested = doc.to_array(_TESTED_IDS).tolist()
        rules = [self._one_token_rules(tuple(row)) for row in tested]
        for rule, i in self._longer_matches(tested):
            rules[i] = tuple(sorted({*rules[i], rule}))  # spaCy applies its matches rule by rule
        written = doc.to_array(list(_WRITTEN)).tolist()
        deps: dict[int, int] = {}
        for i, held in enumerate(rules):
            changes, dep = self.writes.get(held) or self._writes_of(held)
            row = written[i]
            for column, value in changes:
                row[column] = value
            if dep is not None:
                deps[i] = dep
        doc.from_array(list(_WRITTEN), numpy.array(written, dtype=numpy.uint64))
        for i, value in deps.items():
            doc[i].dep = value
        return doc

    def _writes_of(self, rules: tuple[int, ...]) -> tuple[tuple[tuple[int, int], ...], int | None]:
        """What ``rules`` set, applied in order (a later rule's value wins): (column, value) pairs
        of the written columns, and the dependency label or None."""
        final: dict[int, int] = {}
        for rule in rules:
            for attr, value in self.attrs[rule].items():
                if attr not in _WRITTEN_COLUMN and attr != DEP:
                    raise ValueError(f"attribute ruler rule {rule} sets attribute {attr}, which eventwire's array ruler does not write")
                final[attr] = value
        dep = final.pop(DEP, None)
        self.writes[rules] = found = (tuple((_WRITTEN_COLUMN[a], v) for a, v in final.items()), dep)
        return found

    def _one_token_rules(self, row: tuple[int, ...]) -> tuple[int, ...]:
        held = self.known.get(row)
        if held is None:
            if len(self.known) >= self.MEMORY:
                self.known.clear()
            held = self.known[row] = tuple(sorted({p.rule for p in _filed_under(self.single_filed, row) + self.single_unfiled
                                                   if all(c.holds(row, self.strings) for c in p.tokens[0])}))  # fmt: skip
        return held

    def _longer_matches(self, rows: list[list[int]]):
        n = len(rows)
        filed, unfiled, strings = self.filed, self.unfiled, self.strings
        for start, row in enumerate(rows):
            for pattern in _filed_under(filed, row) + unfiled:
                end = start + len(pattern.tokens)
                if end <= n and all(c.holds(rows[start + k], strings) for k, conds in enumerate(pattern.tokens) for c in conds):
                    target = pattern.target if pattern.target >= 0 else len(pattern.tokens) + pattern.target
                    yield pattern.rule, start + target


def _filed_under(filed: dict[tuple[int, int], list[_Pattern]], row) -> list[_Pattern]:
    """The patterns filed under one of the token's tested values (``_anchors``)."""
    return [p for column in range(len(_TESTED)) for p in filed.get((column, row[column]), ())]


class ArrayLemmatizer:
    """spaCy's rule ``Lemmatizer`` of a loaded model, its cache read from the doc's arrays."""

    def __init__(self, lemmatizer: Lemmatizer):
        if lemmatizer.mode != "rule":
            raise ValueError(f"eventwire's array lemmatizer reads rule lemmatizers only, not mode {lemmatizer.mode!r}")
        self.lemmatizer = lemmatizer
        # (word, part of speech, morphology) -> the lemma's hash. spaCy's own cache has the same key
        # but keeps only the lemmas its rules derive, not the words it returns as they are (base
        # forms, two thirds of the tokens), which it derives again at every one; its rule
        # lemmatizer reads nothing of a token but these three and its fixed tables.
        self.known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lem = self.lemmatizer
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        strings = doc.vocab.strings
        known, overwrite = self.known, lem.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not overwrite:
                continue
            value = known.get((orth, pos, morph))
            if value is None:
                value = known[orth, pos, morph] = strings.add(lem.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


# (factories take no annotations: spaCy validates their arguments from them, which it cannot
# resolve under postponed annotations)
@Language.factory("eventwire_attribute_ruler")
def _make_attribute_ruler(nlp, name):
    return ArrayAttributeRuler(nlp.get_pipe("attribute_ruler"))


@Language.factory("eventwire_lemmatizer")
def _make_lemmatizer(nlp, name):
    return ArrayLemmatizer(nlp.get_pipe("lemmatizer"))


def use_array_token_rules(nlp: Language) -> None:
    """Run the model's attribute ruler and lemmatizer over arrays, in their places, with spaCy's
    own ones disabled (they stay loaded: the array versions read their patterns and tables)."""
    for original, fast in (("attribute_ruler", "eventwire_attribute_ruler"), ("lemmatizer", "eventwire_lemmatizer")):
        if original in nlp.pipe_names and fast not in nlp.pipe_names:
            nlp.add_pipe(fast, after=original)
            nlp.disable_pipe(original)
