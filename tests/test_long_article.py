"""Long articles: the per-document work is done once per document (counted, not timed), a long
text parsed in pieces is the one-piece parse with article offsets, and parsing and coding stop
at a deadline."""

import json
import time
from collections import Counter
from dataclasses import replace
from functools import cached_property
from types import SimpleNamespace

import pytest

import eventwire.document as document
import eventwire.geo.resolve as resolve
from eventwire.article import make_article
from eventwire.cli import SAMPLE_ARTICLES, sample_path
from eventwire.document import Deadline, Document, parse_articles, parse_long, piece_starts
from eventwire.errors import CodingTimeoutError
from eventwire.pipeline import Pipeline

ATTRS = ["ORTH", "SPACY", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE"]


def sample_text(chars: int) -> str:
    """The sample articles' paragraphs in their order, starting over, up to ``chars`` characters."""
    with sample_path(SAMPLE_ARTICLES).open(encoding="utf-8") as fh:
        paragraphs = [p.strip() for line in fh if line.strip() for p in json.loads(line)["text"].split("\n\n")]
    out: list[str] = []
    while sum(len(p) + 2 for p in out) + len(paragraphs[len(out) % len(paragraphs)]) <= chars:
        out.append(paragraphs[len(out) % len(paragraphs)])
    return "\n\n".join(out)


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


@pytest.fixture(scope="module")
def article():
    return make_article(sample_text(24_000), published="2020-04-20", outlet="Wire", article_id="long-1")


@pytest.fixture(scope="module")
def whole(pipeline, article):
    """The article parsed in one piece (straight through the backend)."""
    (doc,) = pipeline.backend.parse([article.text])
    return Document(article, doc)


@pytest.fixture(scope="module")
def in_pieces(pipeline, article):
    """The article parsed in pieces of at most 2,000 characters."""
    return Document(article, parse_long(article.text, pipeline.backend, piece_chars=2_000))


# ------------------------------------------------------------- once per document


def test_per_document_work_is_done_once_per_document(monkeypatch, pipeline, whole):
    calls: Counter[str] = Counter()

    def counted(name, fn):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return fn(*args, **kwargs)

        return wrapper

    for name in ("entities_by_sentence", "article_countries"):
        monkeypatch.setattr(resolve, name, counted(name, getattr(resolve, name)))
    home_division, homes_asked = resolve._home_division, Counter()

    def home_division_counted(article_places, country, gazetteer):
        homes_asked[country] += 1
        return home_division(article_places, country, gazetteer)

    monkeypatch.setattr(resolve, "_home_division", home_division_counted)
    find_places = resolve.find_places

    def find_places_given_entities(sent, gazetteer, country_names, ents=None, text=None):
        calls["find_places"] += 1
        calls["find_places reading Span.ents"] += ents is None  # Span.ents rebuilds the whole doc's entities
        calls["find_places reading Span.text"] += text is None  # Span.text joins the sentence's tokens
        return find_places(sent, gazetteer, country_names, ents, text)

    monkeypatch.setattr(resolve, "find_places", find_places_given_entities)
    every_place = cached_property(counted("ArticlePlaces.all", resolve.ArticlePlaces.all.func))
    every_place.__set_name__(resolve.ArticlePlaces, "all")
    monkeypatch.setattr(resolve.ArticlePlaces, "all", every_place)

    events = pipeline.coder.code(whole)
    n_sentences = len(list(whole.doc.sents))
    located = sum(e.place is not None for e in events)
    assert n_sentences > 150 and len(events) > 100 and located > 50
    assert calls["entities_by_sentence"] == 1
    # once, or twice when a country's name may be a local place ("Georgia" among Macon and Savannah):
    # the article is then weighed without it first (resolve._countries_read_as_local); and once more
    # without the names of towns in several countries (resolve._namesakes_where_the_rest_is), however
    # many it has: not once per such name
    assert calls["article_countries"] <= 3
    assert calls["find_places"] == n_sentences and calls["find_places reading Span.ents"] == 0
    assert calls["find_places reading Span.text"] == 0
    assert calls["ArticlePlaces.all"] <= 1
    # the article's home division in a country is worked out once, not once per place placed there
    assert homes_asked and max(homes_asked.values()) == 1, homes_asked


def test_protests_and_arrests_of_a_day_are_folded_in_one_pass(monkeypatch, pipeline, whole):
    import eventwire.coding.consolidate as consolidate

    some = pipeline.coder.code(whole)[0]
    day = dict(date=some.date, factuality="asserted", target=None)
    protest = replace(some, acled_sub_event_type="Peaceful protest", **day)
    arrest = replace(some, acled_sub_event_type="Arrests", **day)
    copies = Counter()

    def counted_replace(obj, **changes):
        copies["replace"] += 1
        return replace(obj, **changes)

    monkeypatch.setattr(consolidate, "replace", counted_replace)
    out = consolidate.protest_interventions([protest, arrest] * 200)
    assert [e.acled_sub_event_type for e in out[:2]] == ["Protest with intervention", None]
    assert len(set(out[0::2])) == len(set(out[1::2])) == 1
    assert copies["replace"] == 400  # each event once, not each protest once per arrest


# ------------------------------------------------------------- parsing in pieces


def test_pieces_are_cut_at_line_breaks_and_cover_the_text(article):
    text = article.text
    starts = piece_starts(text, 2_000)
    assert len(starts) > 10 and starts[0] == 0
    ends = [*starts[1:], len(text)]
    assert all(0 < e - s <= 2_000 for s, e in zip(starts, ends))
    assert all(text[s - 1] == "\n" and not text[s].isspace() for s in starts[1:])
    one_line = text.replace("\n\n", " ")
    starts = piece_starts(one_line, 2_000)  # no line break: after a sentence's full stop
    assert len(starts) > 10 and all(one_line[s - 2 : s] in (". ", '" ') for s in starts[1:])
    assert piece_starts("x" * 5_000, 2_000) == [0]  # nowhere to cut: one piece


def test_a_long_text_parsed_in_pieces_is_the_one_piece_parse(pipeline, article, whole, in_pieces):
    (auto,) = parse_articles([article], pipeline.backend)  # longer than PIECE_CHARS: in pieces
    assert len(article.text) > document.PIECE_CHARS
    expected = whole.doc.to_array(ATTRS)
    for doc in (auto.doc, in_pieces.doc):
        assert doc.text == article.text
        assert [t.idx for t in doc] == [t.idx for t in whole.doc]  # token offsets are article offsets
        assert (doc.to_array(ATTRS) == expected).all()
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
            (e.start_char, e.end_char, e.label_) for e in whole.doc.ents
        ]


def test_pieces_give_the_same_events_with_article_offsets(pipeline, article, whole, in_pieces):
    events = pipeline.coder.code(in_pieces)
    assert events == pipeline.coder.code(whole)
    text = article.text
    assert max(e.evidence.sentence_start for e in events) > 20_000  # far past the first pieces
    for e in events:
        ev = e.evidence
        assert text[ev.sentence_start : ev.sentence_end] == ev.sentence
        assert text[ev.trigger.start : ev.trigger.end].startswith(e.trigger.split()[0])
        for actor in (e.source, e.target):
            assert actor is None or text[actor.span.start : actor.span.end] == actor.text
        assert e.place is None or text[e.place.span.start : e.place.span.end] == e.place.text
        assert e.date.span is None or text[e.date.span.start : e.date.span.end] == e.date.text
        assert all(text[q.span.start : q.span.end] == q.text for q in e.quantities)


def test_a_text_without_line_breaks_keeps_its_offsets(pipeline, article):
    text = article.text[:8_000].replace("\n\n", " ")
    doc = parse_long(text, pipeline.backend, piece_chars=1_500)
    (one,) = pipeline.backend.parse([text])
    assert doc.text == text and [t.idx for t in doc] == [t.idx for t in one]


# ------------------------------------------------------------- deadline


def test_a_deadline_already_passed_stops_parsing(pipeline, article):
    short = make_article("Police arrested 40 protesters in Baghdad on Monday.", article_id="short-1")
    for art in (short, article):
        with pytest.raises(CodingTimeoutError) as err:
            next(parse_articles([art], pipeline.backend, deadline=time.monotonic() - 1))
        assert err.value.source == art.id
        assert "longer than its time budget; split the article or raise the budget" in str(err.value)


def test_a_deadline_passing_between_pieces_stops_a_long_parse(monkeypatch, pipeline, article):
    parsed: list[str] = []

    class CountingBackend:
        name = "counting"

        def parse(self, texts):
            texts = list(texts)
            parsed.extend(texts)
            return pipeline.backend.parse(texts)

    # the clock reads the number of batches parsed: the deadline passes after the second
    batches_parsed = lambda: float(len(parsed) // document.PIECES_PER_BATCH)  # noqa: E731
    monkeypatch.setattr(document, "time", SimpleNamespace(monotonic=batches_parsed))
    assert len(piece_starts(article.text, 2_000)) > 3 * document.PIECES_PER_BATCH
    with pytest.raises(CodingTimeoutError) as err:
        parse_long(article.text, CountingBackend(), deadline=1.5, source="long-1", piece_chars=2_000)
    assert err.value.source == "long-1"
    assert len(parsed) == 2 * document.PIECES_PER_BATCH


def test_a_deadline_already_passed_stops_the_coder(pipeline, whole):
    deadline = Deadline(time.monotonic() - 1)
    deadline.budget = 5
    with pytest.raises(CodingTimeoutError) as err:
        pipeline.coder.code(whole, deadline=deadline)
    assert err.value.source == "long-1"
    assert str(err.value) == "long-1: coding took longer than its budget of 5 s; split the article or raise the budget"


def test_the_coder_checks_the_deadline_between_sentences(monkeypatch, pipeline, whole):
    ticks = iter(range(10**6))
    monkeypatch.setattr(document, "time", SimpleNamespace(monotonic=lambda: float(next(ticks))))
    with pytest.raises(CodingTimeoutError):
        pipeline.coder.code(whole, deadline=10.5)  # passed at the check before the eleventh sentence
    assert next(ticks) == 12  # the check before the first sentence, then one per sentence up to the eleventh


def test_without_a_deadline_nothing_changes(pipeline, article, whole):
    events = pipeline.coder.code(whole)
    assert pipeline.coder.code(whole, deadline=None) == events
    assert pipeline.coder.code(whole, deadline=Deadline.after(3600)) == events
    (late,) = parse_articles([article], pipeline.backend, deadline=Deadline.after(3600))
    (plain,) = parse_articles([article], pipeline.backend)
    assert (late.doc.to_array(ATTRS) == plain.doc.to_array(ATTRS)).all()


def test_a_bare_strike_in_a_story_of_a_walkout_is_the_walkout_not_an_airstrike():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    walkout = ("Teachers across Dunval began a 72-hour strike on Tuesday over pay.\n\n"
               "As the strike continued across the country, schools stayed shut.")  # fmt: skip
    assert [(e.type, e.mode) for e in pipe.extract(walkout, published="2019-02-01")] == [("PROTEST", "strike-lim")] * 2
    # where jets strike too, a bare "strike" stays the air war's
    war = ("Jets struck rebel positions near Kelmar on Tuesday.\n\n"
           "The strike killed nine fighters. Dockers began a 24-hour strike in the port.")  # fmt: skip
    modes = [(e.type, e.mode) for e in pipe.extract(war, published="2019-02-01")]
    assert ("FIGHT", "aerial") in modes and modes.count(("PROTEST", "strike-lim")) == 1
