"""Ordinary crime is no political event: the article's frame, on hand-built Docs, and the
events it leaves out, on hand-made records. Sentences are written for these tests."""

from datetime import date

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.coding.scope import WHOLE_ARTICLE_SENTENCES, Frame, article_frame, ordinary_crime, tells_politics
from eventwire.events import Actor, Attribution, Event, EventDate, Evidence, Span


def sentences(*sents):
    """An article of several sentences, each given as (word, lemma, pos) triples; the first word of
    each sentence is its root and every other word hangs from it."""
    words, lemmas, pos, heads, starts, deps = [], [], [], [], [], []
    for sent in sents:
        root = len(words)
        for i, (w, lem, p) in enumerate(sent):
            words.append(w), lemmas.append(lem), pos.append(p)
            heads.append(root), deps.append("ROOT" if i == 0 else "dep"), starts.append(i == 0)
    return Doc(Vocab(), words=words, lemmas=lemmas, pos=pos, heads=heads, deps=deps, sent_starts=starts)


STABBED = [("stabbed", "stab", "VERB"), ("a", "a", "DET"), ("woman", "woman", "NOUN"), ("in", "in", "ADP"),
           ("Kelmar", "Kelmar", "PROPN")]  # fmt: skip
SUSPECT = [("said", "say", "VERB"), ("the", "the", "DET"), ("suspect", "suspect", "NOUN"), ("fled", "flee", "VERB")]
JAILED = [("jailed", "jail", "VERB"), ("him", "he", "PRON"), ("for", "for", "ADP"), ("years", "year", "NOUN")]
MILITANTS = [("blamed", "blame", "VERB"), ("militants", "militant", "NOUN")]
CHARGED_WITH = [("charged", "charge", "VERB"), ("with", "with", "ADP"), ("theft", "theft", "NOUN")]
CHARGE_NOUN = [("faces", "face", "VERB"), ("a", "a", "DET"), ("charge", "charge", "NOUN")]


def test_a_crime_report_is_told_in_crimes_words_and_the_courts_make_it_a_trial():
    assert article_frame(sentences(STABBED)) is Frame.OTHER  # an attack, nothing says crime
    assert article_frame(sentences(STABBED, SUSPECT)) is Frame.CRIME
    assert article_frame(sentences(STABBED, SUSPECT, JAILED)) is Frame.TRIAL
    # "charged with" is a court's act; a charge named as a noun is not
    assert article_frame(sentences(STABBED, CHARGED_WITH)) is Frame.TRIAL
    assert article_frame(sentences(STABBED, CHARGE_NOUN)) is Frame.OTHER


def test_one_word_of_politics_or_political_violence_anywhere_and_it_is_no_crime_report():
    assert article_frame(sentences(STABBED, SUSPECT, JAILED, MILITANTS)) is Frame.POLITICS
    assert article_frame(sentences(MILITANTS, SUSPECT, JAILED)) is Frame.POLITICS


def actor(sector):
    return Actor("x", "x", None, sector, Span(0, 1))


def event(etype, source=None, target=None, mode=None):
    return Event(type=etype, mode=mode, context=(), cameo_root="18", acled_event_type=None, acled_sub_event_type=None,
                 trigger="t", source=source, target=target, place=None, date=EventDate(date(2021, 6, 1), "day", None, None),
                 quantities=(), attribution=Attribution(None, None), factuality="asserted",
                 evidence=Evidence("a", "s", 0, 1, Span(0, 1)), confidence=0.7)  # fmt: skip


@pytest.mark.parametrize("frame", [Frame.CRIME, Frame.TRIAL])
def test_in_a_crime_report_arrests_and_sentences_of_private_people_are_no_events(frame):
    assert ordinary_crime(event("COERCE", actor("police"), actor("civilians")), frame)
    assert ordinary_crime(event("SANCTION", None, actor("unknown")), frame)
    # the same acts on a state's people, a party's or an armed group's stay events
    for sector in ("government", "party", "rebels", "protesters"):
        assert not ordinary_crime(event("COERCE", actor("police"), actor(sector)), frame)
    # and an arrest anywhere else stays one
    assert not ordinary_crime(event("COERCE", actor("police"), actor("civilians")), Frame.OTHER)
    assert not ordinary_crime(event("COERCE", actor("police"), actor("civilians")), Frame.POLITICS)


def test_an_assault_between_private_people_leaves_only_once_the_report_follows_it_to_court():
    stabbing = event("ASSAULT", actor("civilians"), actor("civilians"), mode="primitive")
    assert ordinary_crime(stabbing, Frame.TRIAL)
    # killings by unknown assailants told with crime's words are coded by ACLED: they stay
    assert not ordinary_crime(stabbing, Frame.CRIME)
    assert not ordinary_crime(event("ASSAULT", None, actor("civilians")), Frame.CRIME)


def test_weapons_of_war_and_armed_forces_keep_an_assault_an_event_even_in_a_trial():
    assert not ordinary_crime(event("ASSAULT", None, actor("civilians"), mode="explosives"), Frame.TRIAL)
    assert not ordinary_crime(event("ASSAULT", actor("police"), actor("civilians")), Frame.TRIAL)
    assert not ordinary_crime(event("ASSAULT", actor("civilians"), actor("military")), Frame.TRIAL)


def test_a_companys_dealings_with_companies_and_customers_are_business_not_politics():
    from eventwire.coding.scope import commercial

    firm = actor("business")
    assert commercial(event("AGREE", firm, actor("business")))  # a buy-out
    assert commercial(event("SUPPORT", firm, actor("civilians")))  # an apology to a passenger
    assert commercial(event("COOPERATE", firm, None))
    # with a state, or by force, it stays an event
    assert not commercial(event("AGREE", firm, actor("government")))
    assert not commercial(event("ASSAULT", firm, actor("civilians")))
    assert not commercial(event("AGREE", actor("government"), firm))


def test_a_talk_with_the_press_is_no_consultation():
    from eventwire.coding.scope import press_talk

    assert press_talk(event("CONSULT", actor("government"), actor("media")))  # "in a phone call with Kelmar Radio"
    assert press_talk(event("CONSULT", actor("media"), actor("government")))  # "the paper interviewed the minister"
    assert not press_talk(event("CONSULT", actor("government"), actor("government")))
    assert not press_talk(event("ACCUSE", actor("government"), actor("media")))  # blaming a paper is an accusation


def test_an_article_with_no_word_or_actor_of_politics_tells_no_political_event():
    long = WHOLE_ARTICLE_SENTENCES
    private = [event("ASSAULT", None, actor("civilians")), event("SUPPORT", actor("business"), actor("unknown"))]
    assert not tells_politics(private, Frame.OTHER, long)
    assert not tells_politics(private, Frame.CRIME, long)
    # a word of politics, an actor of politics, a protest or a weapon of war: it does
    assert tells_politics(private, Frame.POLITICS, long)
    for sector in ("government", "military", "rebels", "party", "igo", "protesters"):
        assert tells_politics(private + [event("ACCUSE", None, actor(sector))], Frame.OTHER, long), sector
    assert tells_politics([event("PROTEST", actor("civilians"))], Frame.OTHER, long)
    assert tells_politics([event("ASSAULT", None, actor("civilians"), mode="explosives")], Frame.OTHER, long)
    # the police alone are no sign: every crime report names them
    assert not tells_politics(private + [event("COERCE", actor("police"), actor("civilians"))], Frame.CRIME, long)
    # a note or a sentence may name its act and nothing else
    assert tells_politics(private, Frame.OTHER, long - 1)


def test_a_whole_article_told_without_politics_gives_no_events_and_one_line_of_politics_restores_them():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    story = ("Firefighters were called to a barn on Mill Lane in Tarvo late on Friday. "
             "The owner said the blaze destroyed two tractors and a year of hay. "
             "Neighbours helped lead forty cows out of the burning building. "
             "A local bakery offered free bread to the family the next morning. "
             "The fire service warned farmers to check the wiring of old barns. "
             "The family thanked everyone who had helped them.")  # fmt: skip
    assert pipe.extract(story, published="2021-05-05") == []
    political = story + " The regional minister promised the farmers compensation from a state fund."
    assert any(e.type == "AGREE" for e in pipe.extract(political, published="2021-05-05"))


def test_an_act_of_speech_that_names_no_one_is_no_record_but_a_fight_without_sides_is():
    from eventwire.coding.scope import partyless_speech

    for etype in ("AGREE", "CONSULT", "REQUEST", "SUPPORT", "ACCUSE", "REJECT", "THREATEN"):
        assert partyless_speech(event(etype)), etype  # "the plan is still to be discussed"
        assert not partyless_speech(event(etype, actor("government"))), etype
        assert not partyless_speech(event(etype, None, actor("rebels"))), etype
    for etype in ("ASSAULT", "FIGHT", "PROTEST", "COERCE"):
        assert not partyless_speech(event(etype)), etype  # "a bomb went off": it happened


def test_a_legislature_or_its_members_make_an_article_political():
    # "Lawmakers debated the bill" / "The legislature sat late"
    LAWMAKERS = [("debated", "debate", "VERB"), ("lawmakers", "lawmaker", "NOUN")]
    LEGISLATURE = [("sat", "sit", "VERB"), ("the", "the", "DET"), ("legislature", "legislature", "NOUN")]
    assert article_frame(sentences(LAWMAKERS)) is Frame.POLITICS
    assert article_frame(sentences(LEGISLATURE)) is Frame.POLITICS
    assert article_frame(sentences(SUSPECT, LAWMAKERS)) is Frame.POLITICS


def test_a_meeting_told_as_one_of_diplomacy_is_a_record_though_no_one_is_named():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    (talks,) = pipe.extract("Peace talks resumed in the capital on Monday.", published="2020-03-05")
    assert talks.type == "CONSULT" and talks.source is None and talks.target is None
    (meeting,) = pipe.extract("Diplomats said a meeting about Libya would be held in Rome next month.", published="2020-03-05")
    assert meeting.type == "CONSULT"
    # a meeting of no named kind, with no one named, is still no record
    assert pipe.extract("Talks about the merger resumed on Monday.", published="2020-03-05") == []
    assert pipe.extract("The board meeting was held on Monday.", published="2020-03-05") == []


def test_a_long_story_in_no_word_of_politics_needs_more_than_one_act_of_a_party():
    long = 2 * WHOLE_ARTICLE_SENTENCES
    private = [event("SUPPORT", actor("civilians"), actor("business"))]
    one = private + [event("AID", actor("government"), None)]
    two = one + [event("REQUEST", actor("civilians"), actor("government"))]
    assert not tells_politics(one, Frame.OTHER, long)
    assert not tells_politics(one, Frame.CRIME, long + 10)
    assert tells_politics(two, Frame.OTHER, long)
    # a shorter text may be told for its one act of a party
    assert tells_politics(one, Frame.OTHER, long - 1)
    # a protest or a weapon of war is politics whatever the length
    assert tells_politics(private + [event("PROTEST", actor("civilians"))], Frame.OTHER, long)


def test_a_long_human_interest_story_with_one_act_of_a_government_gives_no_events():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    story = ("Mara Delt spent the autumn looking for a flat she could afford in Tarvo. "
             "She and her partner saved for four years while renting a room above a shop. "
             "Prices in the old town rose by a tenth in a single year. "
             "The couple visited more than thirty homes before they found one. "
             "The provincial government agreed to lend first-time buyers part of the deposit. "
             "Mara said the loan made the difference for them. "
             "The flat has two bedrooms and a small garden. "
             "Her partner plans to build a shed for his bicycles. "
             "They will move in before the first snow. "
             "Their neighbours have already invited them to dinner. "
             "Mara hopes to plant apple trees in the spring. "
             "She said the search had taught her patience.")  # fmt: skip
    assert pipe.extract(story, published="2021-05-05") == []
    short = " ".join(story.split(". ")[:7]) + "."
    assert pipe.extract(short, published="2021-05-05") != []


@pytest.mark.parametrize("frame", [Frame.CRIME, Frame.TRIAL])
def test_in_a_long_crime_report_the_courts_are_no_sign_of_politics(frame):
    long = 2 * WHOLE_ARTICLE_SENTENCES
    told = lambda text: Actor(text, "x", None, "government", Span(0, 1))  # noqa: E731
    courts = [event("REJECT", told("A district court judge"), None), event("AGREE", told("prosecutors"), None),
              event("SUPPORT", told("the state Supreme Court"), None)]
    assert not tells_politics(courts, frame, long)
    # a governor or a minister in the same story is politics
    assert tells_politics(courts + [event("ACCUSE", told("the governor"), None), event("REQUEST", told("the mayor"), None)],
                          frame, long)
    # and an article in no word of crime keeps the courts' acts as acts of a state
    assert tells_politics(courts, Frame.OTHER, long)
