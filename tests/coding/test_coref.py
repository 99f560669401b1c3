"""Whom a pronoun stands for, on hand-built spaCy Docs (no model loaded) and end to end.
Sentences are written for these tests."""

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from eventwire.coding.coref import actor_head, antecedent, description, earlier_mention, people_named
from eventwire.events import Actor, Span as TextSpan


def doc_of(words, tags, deps, heads, ents=()):
    doc = Doc(Vocab(), words=words, tags=tags, deps=deps, heads=heads, lemmas=[w.lower() for w in words],
              pos=["PRON" if t == "PRP" else "VERB" if t.startswith("VB") else "NOUN" for t in tags])  # fmt: skip
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def actor(text, start, sector="government"):
    return Actor(text, text, "KEN", sector, TextSpan(start, start + len(text)))


def test_a_person_a_group_and_a_body_are_told_apart():
    # "Ruto met the rebels and the ministry ."
    doc = doc_of(["Ruto", "met", "the", "rebels", "and", "the", "ministry", "."],
                 ["NNP", "VBD", "DT", "NNS", "CC", "DT", "NN", "."],
                 ["nsubj", "ROOT", "det", "dobj", "cc", "det", "conj", "punct"], [1, 1, 3, 1, 3, 6, 3, 1],
                 ents=[(0, 1, "PERSON")])  # fmt: skip
    ruto, rebels, ministry = actor("Ruto", 0), actor("rebels", 13, "rebels"), actor("ministry", 28)
    heads = [actor_head(a, doc) for a in (ruto, rebels, ministry)]
    assert [h.text for h in heads] == ["Ruto", "rebels", "ministry"]
    by_head = {0: ruto, 3: rebels, 6: ministry}
    # "He/They/It said ..." in a later sentence: the latest named that agrees
    for word, expected in (("He", ruto), ("They", rebels), ("It", ministry)):
        pron = doc_of([word, "said"], ["PRP", "VBD"], ["nsubj", "ROOT"], [1, 1])[0]
        assert antecedent(pron, heads, lambda tok: by_head.get(tok.i)) == expected, word
    pron = doc_of(["She", "said"], ["PRP", "VBD"], ["nsubj", "ROOT"], [1, 1])[0]
    assert antecedent(pron, heads[1:], lambda tok: by_head.get(tok.i)) is None  # no person named: no actor invented
    assert antecedent(pron, heads, lambda tok: None) is None  # a candidate must read as an actor


def test_a_relative_pronoun_is_the_noun_its_clause_describes_and_reported_speech_its_speaker():
    # "Gunmen who raided the camp fled ."
    doc = doc_of(["Gunmen", "who", "raided", "the", "camp", "fled", "."], ["NNS", "WP", "VBD", "DT", "NN", "VBD", "."],
                 ["nsubj", "nsubj", "relcl", "det", "dobj", "ROOT", "punct"], [5, 2, 0, 4, 2, 5, 5])  # fmt: skip
    gunmen = actor("Gunmen", 0, "unknown")
    assert antecedent(doc[1], [], lambda tok: gunmen if tok.i == 0 else None) == gunmen
    # "The governor said he ordered a curfew ." after an envoy was named
    doc = doc_of(["The", "governor", "said", "he", "ordered", "a", "curfew", "."],
                 ["DT", "NN", "VBD", "PRP", "VBD", "DT", "NN", "."],
                 ["det", "nsubj", "ROOT", "nsubj", "ccomp", "det", "dobj", "punct"], [1, 2, 2, 4, 2, 6, 4, 2])  # fmt: skip
    envoy_doc = doc_of(["The", "envoy", "left"], ["DT", "NN", "VBD"], ["det", "nsubj", "ROOT"], [1, 2, 2])
    governor, envoy = actor("governor", 4), actor("envoy", 4)

    def read(tok):
        return governor if tok.doc is doc and tok.i == 1 else envoy if tok.doc is envoy_doc and tok.i == 1 else None

    assert antecedent(doc[3], [envoy_doc[1]], read) == governor


def test_a_person_named_again_by_surname_or_office_is_the_one_named_in_full_before():
    # "Defence Minister Ana Tarvo met envoys . Tarvo left . The minister spoke . A minister spoke ."
    words = ["Defence", "Minister", "Ana", "Tarvo", "met", "envoys", ".", "Tarvo", "left", ".",
             "The", "minister", "spoke", ".", "A", "minister", "spoke", "."]  # fmt: skip
    tags = ["NNP", "NNP", "NNP", "NNP", "VBD", "NNS", ".", "NNP", "VBD", ".", "DT", "NN", "VBD", ".", "DT", "NN", "VBD", "."]
    deps = ["compound", "compound", "compound", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct",
            "det", "nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "punct"]  # fmt: skip
    heads = [1, 3, 3, 4, 4, 4, 4, 8, 8, 8, 11, 12, 12, 12, 15, 16, 16, 16]
    doc = doc_of(words, tags, deps, heads, ents=[(2, 4, "PERSON")])
    for tok in doc:
        tok.pos_ = "PROPN" if tok.tag_ == "NNP" else tok.pos_
    people = people_named(doc[0:7])
    assert [p.text for p in people] == ["Tarvo"]
    assert earlier_mention(doc[7], people).i == 3  # the surname alone, even unlabelled by the model
    assert earlier_mention(doc[11], people).i == 3  # "the minister"
    assert earlier_mention(doc[15], people) is None  # "a minister": anyone
    assert earlier_mention(doc[3], people) is None  # the full mention itself
    assert earlier_mention(doc[7], []) is None


def test_a_surname_and_an_office_take_the_country_and_sector_of_the_person_named_before():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    text = ("Chilean Foreign Minister Ana Tarvo arrived in Lima on Monday for talks with Peruvian officials. "
            "Tarvo later criticised the Bolivian government over the border dispute. "
            "The minister urged Bolivia to reopen the crossing.")  # fmt: skip
    events = pipe.extract(text, published="2021-05-05")
    by_type = {e.type: e.source for e in events if e.type in ("ACCUSE", "REQUEST")}
    assert (by_type["ACCUSE"].text, by_type["ACCUSE"].country, by_type["ACCUSE"].sector) == ("Tarvo", "CHL", "government")
    # the office's country is the person's, not the one lent by the place the sentence is about
    assert (by_type["REQUEST"].country, by_type["REQUEST"].sector) == ("CHL", "government")


def test_pronoun_subjects_take_their_actor_end_to_end():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    text = "Zambian President Hakainde Hichilema arrived in Lusaka on Monday. He accused the opposition of spreading lies."
    accuse = [e for e in pipe.extract(text, published="2021-05-05") if e.type == "ACCUSE"]
    assert [(e.source.country, e.source.text) for e in accuse] == [("ZMB", "Zambian President Hakainde Hichilema")]


def test_the_group_stands_for_the_body_named_before():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    text = "Separatist fighters ambushed an army convoy near Bamenda on Friday. The group accused soldiers of burning homes."
    accuse = [e for e in pipe.extract(text, published="2021-05-05") if e.type == "ACCUSE"]
    assert [(e.source.text, e.source.sector) for e in accuse] == [("Separatist fighters", "rebels")]


def _roles(text, etype):
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    events = Pipeline(coder=Coder(classifier=None)).extract(text, published="2021-05-05")
    return [(e.source, e.target) for e in events if e.type == etype]


def test_a_person_the_actor_data_does_not_know_is_of_the_country_the_story_is_told_in():
    text = ("Hundreds of traders marched through Mombasa on Tuesday against a new market levy. "
            "Mr Odhiambo criticised the county assembly over the levy.")  # fmt: skip
    (source, _), = _roles(text, "ACCUSE")
    assert (source.text, source.country) == ("Mr Odhiambo", "KEN")


def test_a_person_is_who_the_article_describes_them_as():
    # a nationality in an apposition outranks the story's country
    text = ("Police in Mombasa arrested two men on Tuesday over a series of robberies. "
            "Amani Sefu, a Tanzanian lawyer, condemned the arrests.")  # fmt: skip
    (source, _), = _roles(text, "ACCUSE")
    assert (source.country, source.sector) == ("TZA", "civilians")
    # a member of a group the data knows is of that group, and of no country when it has none
    text = ("Police in Mombasa arrested Omar Dalu, an Islamic State recruiter, on Tuesday. "
            "Dalu was charged with plotting an attack on a church.")  # fmt: skip
    (_, target), = _roles(text, "COERCE")[:1]
    assert (target.country, target.sector) == (None, "rebels")


def test_only_a_noun_for_one_describes_a_person():
    # "Kelmo , a lawyer , spoke ." / "Kelmo , farmers marched ." (a place the model took for a person)
    one = doc_of(["Kelmo", ",", "a", "lawyer", ",", "spoke", "."], ["NNP", ",", "DT", "NN", ",", "VBD", "."],
                 ["nsubj", "punct", "det", "appos", "punct", "ROOT", "punct"], [5, 0, 3, 0, 0, 5, 5],
                 ents=[(0, 1, "PERSON")])  # fmt: skip
    many = doc_of(["Kelmo", ",", "farmers", "marched", "."], ["NNP", ",", "NNS", "VBD", "."],
                  ["nsubj", "punct", "appos", "ROOT", "punct"], [3, 0, 0, 3, 3], ents=[(0, 1, "PERSON")])  # fmt: skip

    def read(tok):
        return Actor(tok.text, tok.text, None, "civilians", TextSpan(tok.idx, tok.idx + len(tok.text)))

    assert description(one[0], people_named(one), read).text == "lawyer"
    assert description(many[0], people_named(many), read) is None


def test_the_two_leaders_are_the_last_two_people_named():
    from spacy.lang.en import English

    from eventwire.coding.coref import names_a_pair, the_two

    # "Kelmar 's president Aro met Ostland 's president Venn . The two leaders discussed trade ."
    words = ["Aro", "met", "Venn", ".", "The", "two", "leaders", "discussed", "trade", "."]
    lemmas = ["Aro", "meet", "Venn", ".", "the", "two", "leader", "discuss", "trade", "."]
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", "DET", "NUM", "NOUN", "VERB", "NOUN", "PUNCT"]
    tags = ["NNP", "VBD", "NNP", ".", "DT", "CD", "NNS", "VBD", "NN", "."]
    deps = ["nsubj", "ROOT", "dobj", "punct", "det", "nummod", "nsubj", "ROOT", "dobj", "punct"]
    heads = [1, 1, 1, 1, 6, 6, 7, 7, 7, 7]
    ents = ["B-PERSON", "O", "B-PERSON", "O", "O", "O", "O", "O", "O", "O"]
    doc = Doc(English().vocab, words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads, ents=ents,
              sent_starts=[True, False, False, False, True, False, False, False, False, False])
    assert names_a_pair(doc[6]) and not names_a_pair(doc[8])
    read = {0: "Kelmar", 2: "Ostland"}

    def resolve(tok):
        return Actor(tok.text, read[tok.i], read[tok.i][:3].upper(), "government", TextSpan(tok.idx, tok.idx + 3)) if tok.i in read else None

    first, second = the_two(doc[6], [doc[0], doc[2]], resolve)
    assert (first.text, second.text) == ("Aro", "Venn")
    assert the_two(doc[6], [doc[0]], resolve) == (None, None)  # one person named: no pair


def test_an_office_holder_is_of_the_story_not_of_the_place_talked_about():
    # a named office-holder is not lent the country of the place the sentence is about ...
    text = ("Lawmakers in Nairobi debated the new levy on Tuesday. "
            "Sen. Amani Sefu said he had concerns about the deal with Tanzania.")  # fmt: skip
    (source, _), = _roles(text, "ACCUSE")
    assert (source.country, source.sector) == ("KEN", "government")
    # ... and an international body's official is of none
    text = ("Police in Mombasa arrested two men on Tuesday over a series of robberies. "
            "Secretary-General Ivo Dunval condemned the arrests.")  # fmt: skip
    (source, _), = _roles(text, "ACCUSE")
    assert (source.country, source.sector) == (None, "igo")


def test_one_act_s_two_pronouns_are_two_people():
    # "Daniel Okafor met Grace Mwangi in March . He hit her ." : whom he hit is not himself
    doc = doc_of(["Daniel", "Okafor", "met", "Grace", "Mwangi", "in", "March", ".", "He", "hit", "her", "."],
                 ["NNP", "NNP", "VBD", "NNP", "NNP", "IN", "NNP", ".", "PRP", "VBD", "PRP", "."],
                 ["compound", "nsubj", "ROOT", "compound", "dobj", "prep", "pobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
                 [1, 2, 2, 4, 2, 2, 5, 2, 9, 9, 9, 9], ents=[(0, 2, "PERSON"), (3, 5, "PERSON")])  # fmt: skip
    people = {1: actor("Daniel Okafor", 0), 4: actor("Grace Mwangi", 14)}
    resolve = lambda tok: people.get(tok.i)  # noqa: E731
    earlier = [doc[1], doc[4]]
    he = antecedent(doc[8], earlier, resolve)
    assert antecedent(doc[10], earlier, resolve) == he  # alone, each pronoun takes the latest person
    assert antecedent(doc[10], earlier, resolve, unlike=he) == people[1]


def test_the_two_countries_are_the_pair_a_subject_named_together():
    # "X and Y fought ...": the second of the pair is the subject's conjunct, not a subject itself
    text = "Velaria and Dorland fought a border war in 2010. The two countries agreed to restore diplomatic relations on Monday."
    (source, target), = _roles(text, "AGREE")
    assert (source.text, target.text) == ("Velaria", "Dorland")
    # "the two sides" is no actor of its own when a pair was named
    text = "Rebels and soldiers fought near Dalo last year. The two sides held talks in Kelmo on Friday."
    (source, target), = _roles(text, "CONSULT")
    assert {source.sector, target.sector} == {"rebels", "military"}


def test_a_pronoun_after_a_passive_told_to_act_is_its_subject():
    # "were forced to withdraw after they attacked": the passive's subject, not a force named before
    text = "Army units reached Dalo on Friday. Rebel fighters were forced to withdraw from Kelmo after they attacked an army post."
    (source, _), = _roles(text, "ASSAULT")
    assert source.text == "Rebel fighters"
    text = "Rebels shelled Kelmo on Friday. The Ostland army was ordered to leave Dalo after it shelled a market."
    sources = [s.text for s, _ in _roles(text, "FIGHT")]
    assert sources == ["Rebels", "The Ostland army"]
    # "were due to sign the accord after they met": through the adjective, too
    text = "The Westmark envoy arrived in Dalo on Monday. Ostland officials were due to sign the accord after they met the envoy."
    (source, target), = _roles(text, "CONSULT")
    assert (source.text, target.text) == ("Ostland officials", "the envoy")
    text = "Rebels shelled Kelmo on Friday. The Tarvo minister was expected to resign after she accused the president of fraud."
    (source, _), = _roles(text, "ACCUSE")
    assert source.text == "The Tarvo minister"


@pytest.mark.parametrize(
    "text, etype, source",
    [
        ("The Westmark Workers Union called a strike at the port of Dalo. Members have rejected a pay offer from the port authority.",
         "REJECT", "The Westmark Workers Union"),
        ("The Kelmo Teachers Association met the education minister on Monday. Its members later rejected the government's offer.",
         "REJECT", "The Kelmo Teachers Association"),
        ("The Tarvo Liberation Front attacked an army post near Dalo. Members of the group later kidnapped two soldiers.",
         "ASSAULT", "The Tarvo Liberation Front"),
    ],
)
def test_members_told_without_whose_are_the_body_named_before(text, etype, source):
    assert [s and s.text for s, _ in _roles(text, etype)][-1] == source
    # members the sentence names as someone's are theirs, not the body's named before
    named = text.split(". ")[0] + ". Members of parliament criticised the port authority on Friday."
    assert [s and s.text for s, _ in _roles(named, "ACCUSE")] == ["Members of parliament"]


@pytest.mark.parametrize(
    "text, etype, source",
    [
        ("Rebels shelled Kelmo on Friday. A Tarvo army spokesman said it had retaken Dalo from the rebels.",
         "FIGHT", "Tarvo army"),
        ("Rebels shelled Kelmo on Friday. The spokesman for the Kelmo Liberation Front said it had attacked an army post near Dalo.",
         "ASSAULT", "the Kelmo Liberation Front"),
        ("Police raided a camp in Dalo on Monday. A spokesman for the Tarvo interior ministry said it had called on Westmark "
         "to hand over the suspects.", "REQUEST", "the Tarvo interior ministry"),
    ],
)
def test_it_in_a_spokesperson_s_words_is_the_body_they_speak_for(text, etype, source):
    assert [s and s.text for s, _ in _roles(text, etype)][-1] == source


@pytest.mark.parametrize(
    "text, etype, source",
    [
        ("Two rebel spokesmen said the wounded civilians were to be taken out of Dalo on Monday. Fighters would follow, "
         "they said, adding that they had agreed with Ostland on the number of buses.", "AGREE", "Two rebel spokesmen"),
        ("Kelmo officials said the refugees were to be moved to Dalo by Friday. The camps would close, they said, "
         "adding that they had asked Westmark for more tents.", "REQUEST", "Kelmo officials"),
    ],
)
def test_they_who_say_are_those_who_spoke_before_not_those_spoken_of(text, etype, source):
    assert [s and s.text for s, _ in _roles(text, etype)] == [source]
