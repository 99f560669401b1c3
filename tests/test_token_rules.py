"""The model's attribute ruler and lemmatizer over arrays (eventwire.token_rules) give every token
the attributes spaCy's own components give it."""

import json

import numpy
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from thinc.api import use_ops

from eventwire.cli import SAMPLE_ARTICLES, sample_path
from eventwire.document import DEFAULT_MODEL, keep_abbreviations_whole
from eventwire.evaluation.corpus import shared_data
from eventwire.reader import read_path
from eventwire.token_rules import ArrayLemmatizer, _condition

ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]

# what the model's rarer rules are for: contractions, two-word forms, pronouns by their function,
# "there is", "but" as an adverb, spaces, auxiliaries read as main verbs
RARE_RULES = [
    "We're gonna march on Friday, and we ain't stopping until they've listened.",
    "Let's be clear: y'all got ta vote, and I told you it was nothin' new.",
    "There are  two   reasons; there's no doubt he did it, but it is not over.",
    "She did not know what I had done to it, and they have had no answer since.",
    "All but one of the 40 detained were released.\n\nThe ministry didn't comment.",
    "C'mon, it's not like the army hasn't shelled the town before, he said.",
]


@pytest.fixture(scope="module")
def spacys_own():
    """The same model and eventwire's own parse components, with spaCy's attribute ruler and lemmatizer."""
    with use_ops("numpy", use_blis=False):
        own = spacy.load(DEFAULT_MODEL)
    own.add_pipe("eventwire_paragraph_breaks", before="parser")
    own.add_pipe("eventwire_main_verbs", last=True)
    keep_abbreviations_whole(own)  # the same tokens ("Sgt." whole): only the attribute rules are compared
    return own


def differing(nlp, own, texts: list[str]) -> list[tuple[str, str]]:
    """(token, text) of every token whose attributes differ between the two pipelines."""
    out = []
    for ours, theirs in zip(nlp.pipe(texts), own.pipe(texts)):
        rows = numpy.nonzero((ours.to_array(ATTRS) != theirs.to_array(ATTRS)).any(axis=1))[0]
        out += [(ours[int(r)].text, ours.text[:60]) for r in rows]
    return out


def test_every_token_of_the_samples_and_of_the_rare_rules_gets_spacys_attributes(nlp, spacys_own):
    texts = RARE_RULES + [a.text for a in read_path(sample_path(SAMPLE_ARTICLES)) if not isinstance(a, Exception)]
    assert differing(nlp, spacys_own, texts) == []
    # and the rare rules did apply: a contraction's lemma, an auxiliary, a pronoun's case
    doc = nlp(RARE_RULES[0])
    assert [t.lemma_ for t in doc if t.lower_ in ("gon", "na", "ai", "'ve")] == ["go", "to", "be", "have"]
    assert nlp(RARE_RULES[1])[0].pos_ == "VERB" and str(nlp("I told you.")[0].morph) == "Case=Nom|Number=Sing|Person=1|PronType=Prs"
    assert [t.pos_ for t in nlp("There are  two reasons.") if t.is_space] == ["SPACE"]


def test_on_real_news_every_token_gets_spacys_attributes(nlp, spacys_own):
    path = shared_data("geoparse-trnews.jsonl")
    if path is None:
        pytest.skip("reads ../shared/data/geoparse-trnews.jsonl, which is not here")
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line, _ in zip(f, range(25))]
    assert differing(nlp, spacys_own, texts) == []


def test_a_pattern_the_array_ruler_cannot_read_is_named():
    strings = spacy.blank("en").vocab.strings
    with pytest.raises(ValueError, match="'SHAPE'"):
        _condition("SHAPE", "Xxxx", strings)
    with pytest.raises(ValueError, match="'FUZZY' on LOWER"):
        _condition("LOWER", {"FUZZY": "kelmo"}, strings)


def test_a_lookup_lemmatizer_is_refused_by_name():
    nlp = spacy.blank("en")
    lookup = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    with pytest.raises(ValueError, match="'lookup'"):
        ArrayLemmatizer(lookup)
