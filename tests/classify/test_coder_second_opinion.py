"""How the coder uses the classifier: relabel within a kind of act, code what the lexicon
missed, and nothing when the classifier is unsure. Sentences are written for these tests."""

from dataclasses import dataclass, replace
from datetime import date

import pytest

from eventwire.classify import SentenceVerdict, default_classifier
from eventwire.classify.features import rule_hints
from eventwire.coder import Coder
from eventwire.mentions.triggers import find_triggers
from eventwire.ontology import default_lexicon
from eventwire.pipeline import Pipeline


@dataclass(frozen=True)
class FixedVerdict:
    """A classifier that says the same of every sentence (the seam's interface)."""

    verdict: SentenceVerdict

    def classify(self, sent, trigger_keys=()):
        return self.verdict

    def classify_passage(self, verdicts):
        return self.verdict


@dataclass
class PassageReader:
    """Unsure of every sentence; sure of a paragraph of two sentences or more. Keeps the
    number of sentences of each paragraph it was asked about."""

    sub_event: str
    asked: list

    def classify(self, sent, trigger_keys=()):
        return SentenceVerdict(0.9, self.sub_event, 0.3)

    def classify_passage(self, verdicts):
        self.asked.append(len(verdicts))
        return SentenceVerdict(0.9, self.sub_event, 0.95 if len(verdicts) > 1 else 0.3)


@pytest.fixture(scope="module")
def base():
    return Coder(classifier=None)


def _code(base, verdict, text):
    pipe = Pipeline(coder=replace(base, classifier=FixedVerdict(verdict) if verdict else None))
    return pipe.extract(text, published=date(2021, 6, 4))


def test_a_sure_classifier_relabels_violence_within_its_kind(base):
    text = "Gunmen clashed with villagers in Tarbo on Tuesday."
    rules = _code(base, None, text)
    assert [e.acled_sub_event_type for e in rules] == ["Armed clash"]
    relabelled = _code(base, SentenceVerdict(0.95, "Attack", 0.9), text)
    assert [(e.type, e.acled_sub_event_type, e.acled_event_type) for e in relabelled] == [
        ("ASSAULT", "Attack", "Violence against civilians")]


def test_an_unsure_classifier_leaves_the_rules_alone(base):
    text = "Gunmen clashed with villagers in Tarbo on Tuesday."
    assert [e.acled_sub_event_type for e in _code(base, SentenceVerdict(0.95, "Attack", 0.3), text)] == ["Armed clash"]


def test_another_kind_of_act_is_not_relabelled(base):
    text = "Police arrested four students in Tarbo on Tuesday."
    events = _code(base, SentenceVerdict(0.95, "Peaceful protest", 0.9), text)
    assert [(e.type, e.acled_sub_event_type) for e in events] == [("COERCE", "Arrests")]


def test_a_paragraph_read_whole_re_reads_its_main_event(base):
    # the arrest in the second sentence makes the rules fold the march into a protest with
    # intervention; the paragraph reader, sure of the whole paragraph, reads it as a riot (never
    # as peaceful: the rules saw the force's part, see coding.opinion)
    text = ("Nurses marched through Tarbo on Monday against the detention of two colleagues. "
            "Police arrested eleven of the marchers.\n\nIn Kolo, gunmen clashed with soldiers on Monday.")
    rules = _code(base, None, text)
    assert [e.acled_sub_event_type for e in rules][:1] == ["Protest with intervention"]
    reader = PassageReader("Violent demonstration", [])
    pipe = Pipeline(coder=replace(base, classifier=reader))
    events = pipe.extract(text, published=date(2021, 6, 4))
    assert reader.asked == [2, 1]  # one reading per paragraph
    assert events[0].acled_sub_event_type == "Violent demonstration"
    # the one-sentence paragraph is not sure enough, and a clash is not re-read as a protest anyway
    assert [e.acled_sub_event_type for e in events if "Kolo" in e.evidence.sentence] == ["Armed clash"]


def test_the_classifier_codes_an_event_the_lexicon_has_no_word_for(base):
    text = "Unknown assailants clobbered three herders to death in Tarbo on Tuesday."
    assert _code(base, None, text) == []  # no lexicon word for it
    events = _code(base, SentenceVerdict(0.97, "Attack", 0.8), text)
    assert [(e.type, e.acled_sub_event_type, e.trigger) for e in events] == [("ASSAULT", "Attack", "clobbered")]
    assert events[0].date.date == date(2021, 6, 1) and events[0].source.sector == "unknown"
    backed = _code(base, None, "Unknown assailants attacked three herders in Tarbo on Tuesday.")
    assert events[0].confidence < backed[0].confidence  # no lexicon word backs it
    assert _code(base, SentenceVerdict(0.2, "Attack", 0.8), text) == []  # not sure enough that it is an event


@dataclass(frozen=True)
class SureOf:
    """Sure that the sentences with ``word`` report an attack, and that no other does."""

    word: str

    def classify(self, sent, trigger_keys=()):
        return SentenceVerdict(0.97, "Attack", 0.8) if self.word in sent.text else SentenceVerdict(0.05, "Attack", 0.1)

    def classify_passage(self, verdicts):
        return SentenceVerdict(0.05, "Attack", 0.1)


# an article's other sentences, none of them an event (of politics, so that the article is one)
_ARTICLE_BODY = ["The town of Tarbo lies on the river Kolo.", "It elects two members of parliament.",
                 "Its governor belongs to the ruling party.", "The election last year was calm.",
                 "The minister of the interior comes from the district.", "The opposition holds the town council.",
                 "Voters there care most about roads.", "The next election is due in two years."]


def test_the_classifier_codes_no_event_of_its_own_in_a_whole_article(base):
    # it learned events from short reports; in an article's many sentences its own were all spurious on
    # the real dev parts, so there it only re-reads what the rules found
    pipe = Pipeline(coder=replace(base, classifier=SureOf("clobbered")))
    text = "Unknown assailants clobbered three herders to death in Tarbo on Tuesday."
    short = pipe.extract(" ".join([text, *_ARTICLE_BODY[:3]]), published=date(2021, 6, 4))
    assert [e.trigger for e in short] == ["clobbered"]
    assert pipe.extract(" ".join([text, *_ARTICLE_BODY]), published=date(2021, 6, 4)) == []


EVENTS = {
    "Hundreds of farmers marched to the governor's office in Tarbo on Monday to demand lower fuel prices.": "Peaceful protest",
    "Artillery units pounded rebel positions outside Tarbo with heavy shells overnight.": "Shelling/artillery/missile attack",
}
NOT_EVENTS = (
    "The city council approved a new budget for road repairs on Monday.",
    "Heavy snow is expected across the region this weekend, forecasters said.",
    "The company reported higher profits for the third quarter.",
)


def _verdict(pipe, clf, text):
    sent = next(pipe.backend.nlp(text).sents)
    return clf.classify(sent, rule_hints(t.spec.key for t in find_triggers(sent, default_lexicon())))


def test_the_shipped_model_reads_new_wording():
    clf = default_classifier()
    assert clf is not None, "the package ships its classifier (src/eventwire/data/classifier)"
    pipe = Pipeline()
    for text, expected in EVENTS.items():
        verdict = _verdict(pipe, clf, text)
        assert verdict.sub_event == expected and verdict.sub_event_p > 0.8, (text, verdict)


def test_the_shipped_model_ranks_events_above_sentences_without_one():
    clf, pipe = default_classifier(), Pipeline()
    events = [_verdict(pipe, clf, t).event for t in EVENTS]
    others = [_verdict(pipe, clf, t).event for t in NOT_EVENTS]
    # (the shelling sentence's words are rare in ACLED's notes: 0.20 since rare features are dropped,
    # 0.10 since the runs' step is annealed, 0.027 in the eleventh build, whose rules read shelling by
    # its means in more notes (the detector leans on other hints); the sentences with no event at 0.0001
    # and below, and the rules code that sentence by themselves)
    assert max(others) < 0.1 and min(events) > 0.02 and min(events) > 100 * max(others), (events, others)
