"""The argument linkers, each on a hand-built spaCy Doc: no model is loaded.

Sentences are written for these tests. Each Doc carries the parse a tagger and parser
would give, so the linkers' rules are tested apart from the model's mistakes."""

from datetime import date

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from eventwire.coding.amounts import link_quantities
from eventwire.coding.confidence import confidence
from eventwire.coding.context import clause_tokens, subject_of, trigger_context
from eventwire.coding.kind import acled_sub_event, riot_reading
from eventwire.coding.place import choose_place
from eventwire.coding.roles import link_roles, role_tokens
from eventwire.coding.when import link_date
from eventwire.events import Actor, EventDate, Span as TextSpan
from eventwire.mentions.actors import default_actor_index, resolve_actor
from eventwire.mentions.places import PlaceMention
from eventwire.mentions.triggers import FOUND_KILLED, TriggerMatch
from eventwire.ontology import TriggerSpec

PUBLISHED = date(2021, 6, 4)  # a Friday


def doc_of(words, lemmas, pos, deps, heads, ents=()):
    doc = Doc(Vocab(), words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads, sent_starts=[True] + [False] * (len(words) - 1))
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


@pytest.fixture(scope="module")
def actors():
    return default_actor_index()


@pytest.fixture
def blockade():
    # "Villagers near Tarbo blocked a convoy of 12 trucks on Tuesday , and police said 3 were held ."
    words = ["Villagers", "near", "Tarbo", "blocked", "a", "convoy", "of", "12", "trucks", "on", "Tuesday", ",",
             "police", "said", "3", "were", "held", "."]
    lemmas = ["villager", "near", "Tarbo", "block", "a", "convoy", "of", "12", "truck", "on", "Tuesday", ",",
              "police", "say", "3", "be", "hold", "."]
    pos = ["NOUN", "ADP", "PROPN", "VERB", "DET", "NOUN", "ADP", "NUM", "NOUN", "ADP", "PROPN", "PUNCT",
           "NOUN", "VERB", "NUM", "AUX", "VERB", "PUNCT"]
    deps = ["nsubj", "prep", "pobj", "ROOT", "det", "dobj", "prep", "nummod", "pobj", "prep", "pobj", "punct",
            "nsubj", "conj", "nsubjpass", "auxpass", "ccomp", "punct"]
    heads = [3, 0, 1, 3, 5, 3, 5, 8, 6, 3, 9, 3, 13, 3, 16, 16, 13, 3]
    return doc_of(words, lemmas, pos, deps, heads, ents=[(2, 3, "GPE"), (10, 11, "DATE"), (7, 8, "CARDINAL")])


def blockade_ctx(doc, places=()):
    spec = TriggerSpec(key="block", type="PROTEST", mode="obstruct", acled="Peaceful protest")
    trig = TriggerMatch(spec, doc[3], (doc[3],))
    return trigger_context(doc[:], trig, places, PUBLISHED, 1)


def test_clause_and_subject_are_worked_out_once_per_trigger(blockade):
    ctx = blockade_ctx(blockade)
    assert ctx.subject.text == "Villagers" and subject_of(blockade[3]).i == 0
    assert 8 in ctx.clause and 10 in ctx.clause  # the convoy's trucks and the day are in the clause
    assert 16 not in clause_tokens(blockade[3])  # an embedded report is another clause


def test_roles_take_subject_and_object_and_lend_the_place_country(blockade, actors):
    source, target = link_roles(blockade_ctx(blockade), actors, "SYR", foreign=False)
    # (villagers who block a road protest: they are protesters, ACLED's "Protesters (Syria)")
    assert (source.text, source.country, source.sector) == ("Villagers", "SYR", "protesters")


def test_date_from_the_clause_and_carried_when_the_sentence_names_none(blockade):
    when = link_date(blockade_ctx(blockade), future=False)
    assert (when.date, when.precision, when.text) == (date(2021, 6, 1), "day", "on Tuesday")
    plain = doc_of(["Villagers", "blocked", "roads", "."], ["villager", "block", "road", "."],
                   ["NOUN", "VERB", "NOUN", "PUNCT"], ["nsubj", "ROOT", "dobj", "punct"], [1, 1, 1, 1])
    carried = EventDate(date(2021, 5, 30), "day", "on Sunday", TextSpan(0, 9))
    assert link_date(blockade_ctx_for(plain), False, carried) == carried
    assert link_date(blockade_ctx_for(plain), False, None) == EventDate(PUBLISHED, "week", None, None)


def blockade_ctx_for(doc, published=PUBLISHED):
    spec = TriggerSpec(key="block", type="PROTEST", mode="obstruct", acled="Peaceful protest")
    return trigger_context(doc[:], TriggerMatch(spec, doc[1], (doc[1],)), (), published, 1)


def test_an_undated_article_keeps_the_words_of_a_relative_date_but_invents_no_day(blockade):
    spec = TriggerSpec(key="block", type="PROTEST", mode="obstruct", acled="Peaceful protest")
    undated = trigger_context(blockade[:], TriggerMatch(spec, blockade[3], (blockade[3],)), (), None, 1)
    at = blockade.text.index("on Tuesday")
    assert link_date(undated, future=False) == EventDate(None, None, "on Tuesday", TextSpan(at, at + 10))
    plain = doc_of(["Villagers", "blocked", "roads", "."], ["villager", "block", "road", "."],
                   ["NOUN", "VERB", "NOUN", "PUNCT"], ["nsubj", "ROOT", "dobj", "punct"], [1, 1, 1, 1])
    assert link_date(blockade_ctx_for(plain, published=None), False, None) == EventDate(None, None, None, None)
    dated = doc_of(["Villagers", "blocked", "roads", "on", "9", "May", "2021", "."],
                   ["villager", "block", "road", "on", "9", "May", "2021", "."],
                   ["NOUN", "VERB", "NOUN", "ADP", "NUM", "PROPN", "NUM", "PUNCT"],
                   ["nsubj", "ROOT", "dobj", "prep", "nummod", "pobj", "nummod", "punct"], [1, 1, 1, 1, 5, 3, 5, 1])
    assert link_date(blockade_ctx_for(dated, published=None), False).date == date(2021, 5, 9)


def test_quantities_outside_the_trigger_clause_are_not_its_own(blockade):
    got = [(q.value, q.unit) for q in link_quantities(blockade_ctx(blockade))]
    assert got == [(12, "trucks")]  # the 3 held belong to the police's report, another clause


def test_place_prefers_the_clause_and_never_the_subject_country(blockade):
    near = PlaceMention("Tarbo", "Tarbo", "place", "SYR", blockade[2].idx, blockade[2].idx + 5, "near", 2)
    country = PlaceMention("Syria", "Syria", "country", "SYR", 0, 5, None, 0)
    assert choose_place(blockade_ctx(blockade, (country, near)), "PROTEST") is near
    assert choose_place(blockade_ctx(blockade, (country,)), "PROTEST") is None  # the actor's country: not a place
    named = PlaceMention("Syria", "Syria", "country", "SYR", 60, 65, "in", 10)
    assert choose_place(blockade_ctx(blockade, (named,)), "PROTEST") is named  # "in Syria": nothing better


def _actor(sector, country="MEX"):
    return Actor("x", "x", country, sector, TextSpan(0, 1))


@pytest.mark.parametrize(
    "source, target, sub_event",
    [
        (_actor("police"), _actor("protesters"), "Excessive force against protesters"),
        (_actor("unknown"), _actor("civilians"), "Attack"),
        (_actor("rebels"), None, "Attack"),
        (None, None, "Attack"),  # someone unknown killed by someone unknown
        (_actor("military"), None, "Armed clash"),
        (_actor("military"), _actor("rebels"), "Armed clash"),
        (_actor("military"), _actor("government", "USA"), "Armed clash"),  # a state's forces, not a civilian office
        # people the actor data does not know are unarmed, unless called armed
        (_actor("police"), Actor("a fishmonger", "fishmonger", None, "unknown", TextSpan(0, 12)), "Attack"),
        (_actor("police"), Actor("armed smugglers", "smugglers", None, "unknown", TextSpan(0, 15)), "Armed clash"),
    ],
)
def test_acled_attack_or_clash_by_who_was_targeted(blockade, source, target, sub_event):
    spec = TriggerSpec(key="attack", type="ASSAULT", mode="firearms", acled="by_target")
    assert acled_sub_event(spec, source, target, blockade[:]) == sub_event


def test_arrests_at_a_protest_are_its_intervention():
    arrest = TriggerSpec(key="detain", type="COERCE", mode="arrest", acled="Arrests")

    def sentence(words):
        return Doc(Vocab(), words=words)[:]

    at_protest = sentence(["Police", "detained", "five", "teachers", "taking", "part", "in", "a", "sit-in", "."])
    assert acled_sub_event(arrest, _actor("police"), _actor("education"), at_protest) == "Protest with intervention"
    assert acled_sub_event(arrest, _actor("police"), _actor("protesters"), sentence(["Police", "detained", "five", "."])) \
        == "Protest with intervention"
    plain = sentence(["Police", "detained", "five", "smugglers", "at", "the", "border", "."])
    assert acled_sub_event(arrest, _actor("police"), _actor("criminals"), plain) == "Arrests"


def test_territory_rule_and_protesters_turning_violent(blockade):
    retake = TriggerSpec(key="retake", type="FIGHT", mode="occupy", acled="territory")
    assert acled_sub_event(retake, _actor("military"), None, blockade[:]) == "Government regains territory"
    assert acled_sub_event(retake, _actor("rebels"), None, blockade[:]) == "Non-state actor overtakes territory"
    storm = TriggerSpec(key="storm", type="ASSAULT", mode="firearms", acled="by_target")
    protesters = Actor("the protesters", "protesters", "MEX", "protesters", TextSpan(0, 14))
    assert riot_reading(storm, protesters).acled == "Violent demonstration"
    # a mob whose sentence tells no protest is a mob ("a mob stormed the house")
    mob = Actor("a mob", "rioters", "MEX", "protesters", TextSpan(0, 5))
    assert riot_reading(storm, mob).acled == "Mob violence"
    loot = TriggerSpec(key="loot", type="ASSAULT", mode="destroy", acled="Looting/property destruction")
    assert riot_reading(loot, _actor("protesters")) is loot


@pytest.mark.parametrize(("words", "lemmas", "deps", "heads", "violent"), [
    # "Residents blocked roads with stones ."
    (["Residents", "blocked", "roads", "with", "stones", "."], ["resident", "block", "road", "with", "stone", "."],
     ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"], [1, 1, 1, 1, 3, 1], True),
    # "Traders marched , hurling rocks at the bank ."
    (["Traders", "marched", ",", "hurling", "rocks", "at", "the", "bank", "."],
     ["trader", "march", ",", "hurl", "rock", "at", "the", "bank", "."],
     ["nsubj", "ROOT", "punct", "advcl", "dobj", "prep", "det", "pobj", "punct"], [1, 1, 1, 1, 3, 3, 7, 5, 1], True),
    # "Youths set barricades on fire ." (the protest verb is the trigger here: "set ... on fire" hangs off it)
    (["Youths", "blocked", "streets", "and", "set", "barricades", "on", "fire", "."],
     ["youth", "block", "street", "and", "set", "barricade", "on", "fire", "."],
     ["nsubj", "ROOT", "dobj", "cc", "conj", "dobj", "prep", "pobj", "punct"], [1, 1, 1, 1, 1, 4, 4, 6, 1], True),
    # "Nurses marched as police threw stones ." -- stones thrown by others at them
    (["Nurses", "marched", "as", "police", "threw", "stones", "."], ["nurse", "march", "as", "police", "throw", "stone", "."],
     ["nsubj", "ROOT", "mark", "nsubj", "advcl", "dobj", "punct"], [1, 1, 4, 4, 1, 4, 1], False),
    # "Locals marched , chanted and clashed with police ." (conjuncts chained: the clash hangs off "chanted")
    (["Locals", "marched", ",", "chanted", "and", "clashed", "with", "police", "."],
     ["local", "march", ",", "chant", "and", "clash", "with", "police", "."],
     ["nsubj", "ROOT", "punct", "conj", "cc", "conj", "prep", "pobj", "punct"], [1, 1, 1, 1, 3, 3, 5, 6, 1], True),
    # "Drivers blocked roads with burnt tyres ." (the means hung on the object)
    (["Drivers", "blocked", "roads", "with", "burnt", "tyres", "."], ["driver", "block", "road", "with", "burnt", "tyre", "."],
     ["nsubj", "ROOT", "dobj", "prep", "amod", "pobj", "punct"], [1, 1, 1, 2, 5, 3, 1], True),
    # "Nurses marched with banners ."
    (["Nurses", "marched", "with", "banners", "."], ["nurse", "march", "with", "banner", "."],
     ["nsubj", "ROOT", "prep", "pobj", "punct"], [1, 1, 1, 2, 1], False),
])
def test_a_protest_told_with_violent_means_is_a_violent_demonstration(words, lemmas, deps, heads, violent):
    doc = Doc(Vocab(), words=words, lemmas=lemmas, deps=deps, heads=heads, sent_starts=[True] + [False] * (len(words) - 1))
    spec = TriggerSpec(key="march", type="PROTEST", mode="demo", acled="Peaceful protest")
    got = riot_reading(spec, _actor("protesters"), TriggerMatch(spec, doc[1], (doc[1],)))
    assert (got.acled == "Violent demonstration") is violent and (got.mode == "riot") is violent


def test_a_protest_by_people_called_rioters_is_a_violent_demonstration():
    spec = TriggerSpec(key="block", type="PROTEST", mode="obstruct", acled="Peaceful protest")
    rioters = Actor("rioters", "protesters", None, "protesters", TextSpan(0, 7))
    assert riot_reading(spec, rioters).acled == "Violent demonstration"
    assert riot_reading(spec, _actor("protesters")).acled == "Peaceful protest"


def test_stones_thrown_by_a_crowd_are_mob_violence_and_by_protesters_a_riot():
    pelt = TriggerSpec(key="pelt", type="ASSAULT", mode="primitive", acled="Mob violence")
    mob = Actor("a mob of villagers", "rioters", None, "protesters", TextSpan(0, 18))
    assert riot_reading(pelt, mob) is pelt
    marchers = Actor("the demonstrators", "protesters", None, "protesters", TextSpan(0, 17))
    assert riot_reading(pelt, marchers).acled == "Violent demonstration"


def test_whoever_protests_is_a_protester_of_the_place_country(actors):
    # "Bakers and drivers protested in Tarbo ." : people the actor data does not name
    doc = doc_of(["Bakers", "and", "drivers", "protested", "in", "Tarbo", "."],
                 ["baker", "and", "driver", "protest", "in", "Tarbo", "."],
                 ["NOUN", "CCONJ", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
                 ["nsubj", "cc", "conj", "ROOT", "prep", "pobj", "punct"], [3, 0, 0, 3, 3, 4, 3])
    spec = TriggerSpec(key="protest", type="PROTEST", mode="demo", acled="Peaceful protest")
    source, _ = roles_of(doc, spec, 3, actors, "PER")
    # the phrase is the subject's head noun phrase, as for every actor (a conjunct is a party of its own)
    assert (source.text, source.country, source.sector) == ("Bakers", "PER", "protesters")
    assert doc.text[source.span.start : source.span.end] == "Bakers"


@pytest.mark.parametrize(("words", "lemmas", "pos", "deps", "heads", "expected"), [
    # "A driver was shot during an army sweep near Kolo ."
    (["A", "driver", "was", "shot", "during", "an", "army", "sweep", "near", "Kolo", "."],
     ["a", "driver", "be", "shoot", "during", "an", "army", "sweep", "near", "Kolo", "."],
     ["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "NOUN", "ADP", "PROPN", "PUNCT"],
     ["det", "nsubjpass", "auxpass", "ROOT", "prep", "det", "compound", "pobj", "prep", "pobj", "punct"],
     [1, 3, 3, 3, 3, 7, 7, 4, 7, 8, 3], "military"),
    # "Two herders were shot in a raid conducted by police ."
    (["Two", "herders", "were", "shot", "in", "a", "raid", "conducted", "by", "police", "."],
     ["two", "herder", "be", "shoot", "in", "a", "raid", "conduct", "by", "police", "."],
     ["NUM", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"],
     ["nummod", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "acl", "agent", "pobj", "punct"],
     [1, 3, 3, 3, 3, 6, 4, 6, 7, 8, 3], "police"),
    # "A guard was shot during a search by volunteers ." -- volunteers carry out no armed operation
    (["A", "guard", "was", "shot", "during", "a", "search", "by", "volunteers", "."],
     ["a", "guard", "be", "shoot", "during", "a", "search", "by", "volunteer", "."],
     ["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "ADP", "NOUN", "PUNCT"],
     ["det", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"],
     [1, 3, 3, 3, 3, 6, 4, 6, 7, 3], None),
])
def test_the_force_whose_operation_an_act_happened_in_is_its_source(actors, words, lemmas, pos, deps, heads, expected):
    doc = doc_of(words, lemmas, pos, deps, heads)
    spec = TriggerSpec(key="shoot", type="ASSAULT", mode="firearms", acled="by_target")
    source, _ = roles_of(doc, spec, 3, actors, "NER")
    assert (source.sector if source else None) == expected


@pytest.mark.parametrize(("words", "lemmas", "pos", "tags", "deps", "heads", "trigger", "expected"), [
    # "Shells fired by rebels killed two herders ."
    (["Shells", "fired", "by", "rebels", "killed", "two", "herders", "."],
     ["shell", "fire", "by", "rebel", "kill", "two", "herder", "."],
     ["NOUN", "VERB", "ADP", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
     ["NNS", "VBN", "IN", "NNS", "VBD", "CD", "NNS", "."],
     ["nsubj", "acl", "agent", "pobj", "ROOT", "nummod", "dobj", "punct"],
     [4, 0, 1, 2, 4, 6, 4, 4], 4, "rebels"),
    # "A herder was wounded by police gunfire ."
    (["A", "herder", "was", "wounded", "by", "police", "gunfire", "."],
     ["a", "herder", "be", "wound", "by", "police", "gunfire", "."],
     ["DET", "NOUN", "AUX", "VERB", "ADP", "NOUN", "NOUN", "PUNCT"],
     ["DT", "NN", "VBD", "VBN", "IN", "NN", "NN", "."],
     ["det", "nsubjpass", "auxpass", "ROOT", "agent", "compound", "pobj", "punct"],
     [1, 3, 3, 3, 3, 6, 4, 3], 3, "police"),
    # "A herder was wounded by stray gunfire ." -- a weapon nobody is said to have wielded
    (["A", "herder", "was", "wounded", "by", "stray", "gunfire", "."],
     ["a", "herder", "be", "wound", "by", "stray", "gunfire", "."],
     ["DET", "NOUN", "AUX", "VERB", "ADP", "ADJ", "NOUN", "PUNCT"],
     ["DT", "NN", "VBD", "VBN", "IN", "JJ", "NN", "."],
     ["det", "nsubjpass", "auxpass", "ROOT", "agent", "amod", "pobj", "punct"],
     [1, 3, 3, 3, 3, 6, 4, 3], 3, None),
])
def test_whoever_wielded_a_weapon_told_as_the_doer_is_the_source(actors, words, lemmas, pos, tags, deps, heads, trigger, expected):
    doc = Doc(Vocab(), words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads,
              sent_starts=[True] + [False] * (len(words) - 1))
    spec = TriggerSpec(key="kill", type="ASSAULT", mode="firearms", acled="by_target")
    source, _ = roles_of(doc, spec, trigger, actors, "NER")
    assert (source.sector if source else None) == expected


def test_what_an_event_noun_was_aimed_at_is_its_target(actors):
    # "Gunmen carried out an attack targeting villagers ." -- the participle names the target
    words = ["Gunmen", "carried", "out", "an", "attack", "targeting", "villagers", "."]
    doc = Doc(Vocab(), words=words, lemmas=["gunman", "carry", "out", "an", "attack", "target", "villager", "."],
              pos=["NOUN", "VERB", "ADP", "DET", "NOUN", "VERB", "NOUN", "PUNCT"], tags=["NNS", "VBD", "RP", "DT", "NN", "VBG", "NNS", "."],
              deps=["nsubj", "ROOT", "prt", "det", "dobj", "acl", "dobj", "punct"], heads=[1, 1, 1, 4, 1, 4, 5, 1],
              sent_starts=[True] + [False] * 7)
    spec = TriggerSpec(key="carry out attack", type="ASSAULT", mode="firearms", acled="by_target")
    source, target = roles_of(doc, spec, 1, actors, "NER", words=(doc[1], doc[4]), noun=4)
    assert (source.sector, target.text, target.sector) == ("unknown", "villagers", "civilians")


def test_a_weapon_that_is_the_trigger_names_who_fired_it(actors):
    # "Shells fired by rebels hit a market ." -- the shells are the event (a shelling)
    words = ["Shells", "fired", "by", "rebels", "hit", "a", "market", "."]
    doc = Doc(Vocab(), words=words, lemmas=["shell", "fire", "by", "rebel", "hit", "a", "market", "."],
              pos=["NOUN", "VERB", "ADP", "NOUN", "VERB", "DET", "NOUN", "PUNCT"], tags=["NNS", "VBN", "IN", "NNS", "VBD", "DT", "NN", "."],
              deps=["nsubj", "acl", "agent", "pobj", "ROOT", "det", "dobj", "punct"], heads=[4, 0, 1, 2, 4, 6, 4, 4],
              sent_starts=[True] + [False] * 7)
    spec = TriggerSpec(key="shell", type="FIGHT", mode="artillery", acled="Shelling/artillery/missile attack")
    source, _ = roles_of(doc, spec, 4, actors, "NER", words=(doc[0], doc[4]), noun=0)
    assert (source.text, source.sector) == ("rebels", "rebels")


def test_the_sides_a_clash_is_between_are_its_source_and_target(actors):
    # "Clashes between troops and separatists erupted near Kolo ."
    words = ["Clashes", "between", "troops", "and", "separatists", "erupted", "near", "Kolo", "."]
    lemmas = ["clash", "between", "troop", "and", "separatist", "erupt", "near", "Kolo", "."]
    pos = ["NOUN", "ADP", "NOUN", "CCONJ", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"]
    deps = ["nsubj", "prep", "pobj", "cc", "conj", "ROOT", "prep", "pobj", "punct"]
    doc = doc_of(words, lemmas, pos, deps, [5, 0, 1, 2, 2, 5, 5, 6, 5])
    spec = TriggerSpec(key="clash", type="FIGHT", mode="small-arms", acled="by_target")
    source, target = roles_of(doc, spec, 5, actors, "CMR", words=(doc[0], doc[5]), noun=0)
    assert (source.sector, source.country, target.sector) == ("military", "CMR", "rebels")


def test_a_reduced_relative_is_a_passive_of_the_noun_it_describes(actors):
    # "Two nurses held by gunmen were released ." -- the gunmen held the nurses
    words = ["Two", "nurses", "held", "by", "gunmen", "were", "released", "."]
    doc = Doc(Vocab(), words=words, lemmas=["two", "nurse", "hold", "by", "gunman", "be", "release", "."],
              pos=["NUM", "NOUN", "VERB", "ADP", "NOUN", "AUX", "VERB", "PUNCT"],
              tags=["CD", "NNS", "VBN", "IN", "NNS", "VBD", "VBN", "."],
              deps=["nummod", "nsubjpass", "acl", "agent", "pobj", "auxpass", "ROOT", "punct"],
              heads=[1, 6, 1, 2, 3, 6, 6, 6], sent_starts=[True] + [False] * 7)  # fmt: skip
    spec = TriggerSpec(key="hold", type="COERCE", mode="arrest", acled="Abduction/forced disappearance")
    ctx = trigger_context(doc[:], TriggerMatch(spec, doc[2], (doc[2],)), (), PUBLISHED, 1)
    source_tok, target_tok, _ = role_tokens(ctx)
    assert (source_tok.text, target_tok.text) == ("gunmen", "nurses")
    source, _ = link_roles(ctx, actors, "NER", False)
    assert source.text == "gunmen"


def _drew_criticism():
    # "The mayor drew sharp criticism from teachers ."
    words = ["The", "mayor", "drew", "sharp", "criticism", "from", "teachers", "."]
    lemmas = ["the", "mayor", "draw", "sharp", "criticism", "from", "teacher", "."]
    pos = ["DET", "NOUN", "VERB", "ADJ", "NOUN", "ADP", "NOUN", "PUNCT"]
    deps = ["det", "nsubj", "ROOT", "amod", "dobj", "prep", "pobj", "punct"]
    heads = [1, 2, 2, 4, 2, 4, 5, 2]
    return english_doc(words, lemmas, pos, deps, heads)


def roles_of(doc, spec, head, actors, country, words=None, noun=None):
    """Source and target read for a trigger at token ``head`` of a hand-built doc, in ``country``."""
    trig = TriggerMatch(spec, doc[head], words or (doc[head],), None if noun is None else doc[noun])
    return link_roles(trigger_context(doc[:], trig, (), PUBLISHED, 1), actors, country, False)


def english_doc(words, lemmas, pos, deps, heads):
    """A hand-built Doc with English's lexical attributes: the roles read prepositions by their lower case."""
    import spacy

    return Doc(spacy.blank("en").vocab, words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads)


def test_a_light_verb_of_receiving_makes_its_subject_the_target():
    doc = _drew_criticism()
    spec = TriggerSpec(key="criticism", type="ACCUSE", mode="disapprove")
    trig = TriggerMatch(spec, doc[2], (doc[2], doc[4]), doc[4], "draw")
    source, target, _ = role_tokens(trigger_context(doc[:], trig, (), PUBLISHED, 1))
    assert (source.text, target.text) == ("teachers", "mayor")
    # the same words with a light verb of giving ("voiced criticism"): the subject gives it
    voiced = TriggerMatch(spec, doc[2], (doc[2], doc[4]), doc[4], "voice")
    source, _, _ = role_tokens(trigger_context(doc[:], voiced, (), PUBLISHED, 1))
    assert source.text == "mayor"


def test_who_found_the_dead_did_not_kill_them():
    # "Farmers found the body of a herder near the well ."
    words = ["Farmers", "found", "the", "body", "of", "a", "herder", "near", "the", "well", "."]
    lemmas = ["farmer", "find", "the", "body", "of", "a", "herder", "near", "the", "well", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "prep", "det", "pobj", "punct"]
    heads = [1, 1, 3, 1, 3, 6, 4, 1, 9, 7, 1]
    doc = english_doc(words, lemmas, pos, deps, heads)
    spec = TriggerSpec(key=FOUND_KILLED, type="ASSAULT", mode="firearms", acled="Attack")
    source, target, _ = role_tokens(trigger_context(doc[:], TriggerMatch(spec, doc[1], (doc[1],)), (), PUBLISHED, 1))
    assert (source, target.text) == (None, "herder")


def test_two_joined_verbs_share_the_object_of_the_second():
    # "Bandits shot and wounded a herder ."
    words = ["Bandits", "shot", "and", "wounded", "a", "herder", "."]
    lemmas = ["bandit", "shoot", "and", "wound", "a", "herder", "."]
    pos = ["NOUN", "VERB", "CCONJ", "VERB", "DET", "NOUN", "PUNCT"]
    deps = ["nsubj", "ROOT", "cc", "conj", "det", "dobj", "punct"]
    heads = [1, 1, 1, 1, 5, 3, 1]
    doc = english_doc(words, lemmas, pos, deps, heads)
    spec = TriggerSpec(key="shoot", type="ASSAULT", mode="firearms", acled="by_target")
    source, target, _ = role_tokens(trigger_context(doc[:], TriggerMatch(spec, doc[1], (doc[1],)), (), PUBLISHED, 1))
    assert (source.text, target.text) == ("Bandits", "herder")


def test_people_an_active_participle_describes_did_it():
    # "Traders protesting against the tax blocked the bridge ."
    words = ["Traders", "protesting", "against", "the", "tax", "blocked", "the", "bridge", "."]
    lemmas = ["trader", "protest", "against", "the", "tax", "block", "the", "bridge", "."]
    pos = ["NOUN", "VERB", "ADP", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["NNS", "VBG", "IN", "DT", "NN", "VBD", "DT", "NN", "."]
    deps = ["nsubj", "acl", "prep", "det", "pobj", "ROOT", "det", "dobj", "punct"]
    heads = [5, 0, 1, 4, 2, 5, 7, 5, 5]
    doc = Doc(Vocab(), words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads)
    assert subject_of(doc[1]).text == "Traders"


def test_an_attack_on_a_forces_position_is_an_attack_on_the_force(actors):
    # "Rebels attacked an army position ." / "Rebels took the position ."
    words = ["Rebels", "attacked", "an", "army", "position", "."]
    lemmas = ["rebel", "attack", "an", "army", "position", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "NOUN", "PUNCT"]
    deps = ["nsubj", "ROOT", "det", "compound", "dobj", "punct"]
    heads = [1, 1, 4, 4, 1, 1]
    doc = english_doc(words, lemmas, pos, deps, heads)
    attack = TriggerSpec(key="attack", type="ASSAULT", mode=None, acled="by_target")
    ctx = trigger_context(doc[:], TriggerMatch(attack, doc[1], (doc[1],)), (), PUBLISHED, 1)
    _, target = link_roles(ctx, actors, "NER", False)
    assert target is not None and target.sector == "military"
    # taking ground is about the ground, whoever held it
    take = TriggerSpec(key="take", type="SEIZE", mode=None, acled="territory")
    ctx = trigger_context(doc[:], TriggerMatch(take, doc[1], (doc[1],)), (), PUBLISHED, 1)
    assert link_roles(ctx, actors, "NER", False)[1] is None


def test_a_verb_the_parser_left_without_subject_takes_the_list_right_before_it():
    # "Near Tarvo , Ostland , Kelmar soldiers and militants clashed ." parsed with the fighters as one
    # more item of the list of places, and the verb with no subject
    words = ["Near", "Tarvo", ",", "Ostland", ",", "Kelmar", "soldiers", "and", "militants", "clashed", "."]
    lemmas = ["near", "Tarvo", ",", "Ostland", ",", "Kelmar", "soldier", "and", "militant", "clash", "."]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "NOUN", "CCONJ", "NOUN", "VERB", "PUNCT"]
    tags = ["IN", "NNP", ",", "NNP", ",", "NNP", "NNS", "CC", "NNS", "VBD", "."]
    deps = ["prep", "pobj", "punct", "conj", "punct", "compound", "conj", "cc", "conj", "ROOT", "punct"]
    heads = [9, 0, 1, 1, 3, 6, 3, 6, 6, 9, 9]
    doc = Doc(Vocab(), words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads)
    assert subject_of(doc[9]).text == "soldiers"
    # a participle or a verb with a subject of its own is left alone
    tags[9] = "VBN"
    assert subject_of(Doc(Vocab(), words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads)[9]) is None


def test_the_country_an_envoy_is_posted_to_is_not_where_it_happened():
    # "Gunmen shot the ambassador to Ostmark ."
    words = ["Gunmen", "shot", "the", "ambassador", "to", "Ostmark", "."]
    lemmas = ["gunman", "shoot", "the", "ambassador", "to", "Ostmark", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"]
    heads = [1, 1, 3, 1, 3, 4, 1]
    doc = english_doc(words, lemmas, pos, deps, heads)
    spec = TriggerSpec(key="shoot", type="ASSAULT", mode="firearms", acled="by_target")
    posted = PlaceMention("Ostmark", "Ostmark", "country", "OST", doc[5].idx, doc[5].idx + 7, "to", 5)
    ctx = trigger_context(doc[:], TriggerMatch(spec, doc[1], (doc[1],)), (posted,), PUBLISHED, 1)
    assert choose_place(ctx, "ASSAULT") is None


@pytest.mark.parametrize(
    "text, crowd",
    [("local villagers", True), ("a group of people", True), ("three persons", True), ("migrant workers", True),
     ("a man", False), ("the boss", False)],
)
def test_violence_by_a_crowd_of_ordinary_people_is_mob_violence(blockade, text, crowd):
    from eventwire.coding.kind import is_crowd

    source = Actor(text, "x", "MEX", "civilians", TextSpan(0, len(text)))
    assert is_crowd(source) is crowd
    beat = TriggerSpec(key="beat", type="ASSAULT", mode="beat", acled="by_target")
    assert (acled_sub_event(beat, source, _actor("police"), blockade[:]) == "Mob violence") is crowd
    # a force or an armed group is no crowd, whatever its number
    assert not is_crowd(Actor("soldiers", "x", "MEX", "military", TextSpan(0, 8)))


def test_the_weapon_an_attack_used_may_hang_off_its_object():
    from eventwire.coding.kind import refine_mode

    # "Troops attacked the trenches with mortar fire ." parsed with "with" on the trenches
    words = ["Troops", "attacked", "the", "trenches", "with", "mortar", "fire", "."]
    lemmas = ["troop", "attack", "the", "trench", "with", "mortar", "fire", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN", "NOUN", "PUNCT"]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "compound", "pobj", "punct"]
    heads = [1, 1, 3, 1, 3, 6, 4, 1]
    doc = english_doc(words, lemmas, pos, deps, heads)
    spec = TriggerSpec(key="attack", type="ASSAULT", mode="firearms", acled="by_target")
    out = refine_mode(spec, TriggerMatch(spec, doc[1], (doc[1],)))
    assert (out.type, out.mode, out.acled) == ("FIGHT", "artillery", "Shelling/artillery/missile attack")


def test_an_arson_attack_is_property_destruction():
    from eventwire.coding.kind import refine_mode

    # "Militants carried out an arson attack ."
    words = ["Militants", "carried", "out", "an", "arson", "attack", "."]
    lemmas = ["militant", "carry", "out", "an", "arson", "attack", "."]
    pos = ["NOUN", "VERB", "ADP", "DET", "NOUN", "NOUN", "PUNCT"]
    deps = ["nsubj", "ROOT", "prt", "det", "compound", "dobj", "punct"]
    heads = [1, 1, 1, 5, 5, 1, 1]
    doc = english_doc(words, lemmas, pos, deps, heads)
    spec = TriggerSpec(key="attack", type="ASSAULT", mode="firearms", acled="by_target")
    out = refine_mode(spec, TriggerMatch(spec, doc[1], (doc[1], doc[2], doc[5]), noun=doc[5], light="carry out"))
    assert (out.type, out.mode, out.acled) == ("ASSAULT", "destroy", "Looting/property destruction")


def test_the_party_a_request_bids_is_its_target(nlp):
    from eventwire.coding.roles import bidden

    for text, party in (("The union wants Ostland to cut fuel taxes.", "Ostland"),
                        ("Students called for the dean to resign.", "dean")):  # fmt: skip
        doc = nlp(text)
        root = next(t for t in doc if t.dep_ == "ROOT")
        assert bidden(root).text == party, text
    doc = nlp("The minister wants to retire next year.")
    assert bidden(next(t for t in doc if t.dep_ == "ROOT")) is None


def test_what_a_judgement_is_of_is_its_target(nlp):
    from eventwire.coding.roles import judged

    doc = nlp("The ministry said Kelmar was breaching the border accord.")
    assert judged(next(t for t in doc if t.dep_ == "ROOT")).text == "Kelmar"
    doc = nlp("The ministry said it was breaching nothing.")
    assert judged(next(t for t in doc if t.dep_ == "ROOT")) is None


def test_whom_a_judgement_blames_is_its_target(nlp):
    from eventwire.coding.roles import judged

    for text, blamed in (("Officials said Dunval militants were involved in the attack.", "militants"),
                         ("Investigators say the blast bears the hallmarks of the Tarvo Front.", "Front")):  # fmt: skip
        doc = nlp(text)
        assert judged(next(t for t in doc if t.dep_ == "ROOT")).text == blamed, text


def test_whose_act_a_noun_is_may_be_named_before_it(nlp):
    from eventwire.coding.roles import owner

    doc = nlp("Ostland rejected the Tarvo proposal.")
    assert owner(next(t for t in doc if t.text == "proposal")).text == "Tarvo"
    doc = nlp("Ostland rejected the new proposal.")
    assert owner(next(t for t in doc if t.text == "proposal")) is None


def test_a_call_for_a_partys_resignation_asks_that_party():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline(coder=Coder(classifier=None))
    (ev,) = [e for e in pipeline.extract("Students called for the resignation of the education minister.",
                                         published="2020-01-01") if e.type == "REQUEST"]  # fmt: skip
    assert ev.target is not None and ev.target.sector == "government"


def test_the_weapon_a_force_fired_with_is_not_whom_it_fired_on(actors):
    # "Soldiers fired with rifles on the positions of the rebels ."
    words = ["Soldiers", "fired", "with", "rifles", "on", "the", "positions", "of", "the", "rebels", "."]
    lemmas = ["soldier", "fire", "with", "rifle", "on", "the", "position", "of", "the", "rebel", "."]
    pos = ["NOUN", "VERB", "ADP", "NOUN", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]
    deps = ["nsubj", "ROOT", "prep", "pobj", "prep", "det", "pobj", "prep", "det", "pobj", "punct"]
    heads = [1, 1, 1, 2, 1, 6, 4, 6, 9, 7, 1]
    doc = english_doc(words, lemmas, pos, deps, heads)
    spec = TriggerSpec(key="fire on", type="ASSAULT", mode="firearms", acled="by_target")
    source, target = roles_of(doc, spec, 1, actors, "NER", words=(doc[1], doc[4]))
    assert source.sector == "military" and target is not None and target.sector == "rebels"


def test_an_attack_a_force_repelled_was_made_by_the_attackers_on_the_force(actors):
    # "Soldiers repelled an attack by rebels ." -- the rebels fought, the soldiers fought back
    words = ["Soldiers", "repelled", "an", "attack", "by", "rebels", "."]
    lemmas = ["soldier", "repel", "an", "attack", "by", "rebel", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN", "PUNCT"]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"]
    doc = english_doc(words, lemmas, pos, deps, [1, 1, 3, 1, 3, 4, 1])
    spec = TriggerSpec(key="repel", type="FIGHT", mode="small-arms", acled="Armed clash")
    source, target = roles_of(doc, spec, 1, actors, "NER")
    assert (source.sector, target.sector) == ("rebels", "military")
    # an attack told with no one who made it leaves the defenders its source
    doc = english_doc(words[:4] + ["."], lemmas[:4] + ["."], pos[:4] + ["PUNCT"], deps[:4] + ["punct"], [1, 1, 3, 1, 1])
    source, target = roles_of(doc, spec, 1, actors, "NER")
    assert source.sector == "military" and target is None


def test_two_sides_one_phrase_names_are_the_source_and_target_of_a_fight(actors):
    # "Forces of Kenya and Somalia clashed ." -- the second country's forces are the other side
    words = ["Forces", "of", "Kenya", "and", "Somalia", "clashed", "."]
    lemmas = ["force", "of", "Kenya", "and", "Somalia", "clash", "."]
    pos = ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"]
    deps = ["nsubj", "prep", "pobj", "cc", "conj", "ROOT", "punct"]
    doc = english_doc(words, lemmas, pos, deps, [5, 0, 1, 2, 2, 5, 5])
    spec = TriggerSpec(key="clash", type="FIGHT", mode="small-arms", acled="by_target")
    source, target = roles_of(doc, spec, 5, actors, "KEN")
    assert (source.sector, source.country) == ("military", "KEN")
    assert (target.text, target.sector, target.country) == ("Somalia", "military", "SOM")
    # "Tarvo and Dunval militias clashed ." -- names the data does not know: forces like the first
    words = ["Tarvo", "and", "Dunval", "militias", "clashed", "."]
    doc = english_doc(words, ["Tarvo", "and", "Dunval", "militia", "clash", "."], ["PROPN", "CCONJ", "PROPN", "NOUN", "VERB", "PUNCT"],
                      ["nmod", "cc", "conj", "nsubj", "ROOT", "punct"], [3, 0, 0, 4, 4, 4])  # fmt: skip
    source, target = roles_of(doc, spec, 4, actors, "KEN")
    assert (target.text, target.sector, target.canonical) == ("Dunval militias", source.sector, source.canonical)


def test_the_weapon_a_verb_takes_as_its_object_is_not_its_target(actors):
    # "Rebels exchanged artillery with soldiers ." -- the artillery is the means, the soldiers the other side
    words = ["Rebels", "exchanged", "artillery", "with", "soldiers", "."]
    lemmas = ["rebel", "exchange", "artillery", "with", "soldier", "."]
    pos = ["NOUN", "VERB", "NOUN", "ADP", "NOUN", "PUNCT"]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"]
    doc = english_doc(words, lemmas, pos, deps, [1, 1, 1, 1, 3, 1])
    spec = TriggerSpec(key="exchange", type="FIGHT", mode="artillery", acled="Armed clash")
    source, target = roles_of(doc, spec, 1, actors, "NER")
    assert source.sector == "rebels" and (target.text, target.sector) == ("soldiers", "military")


def test_what_a_joined_verb_fires_at_is_the_first_verbs_target_too(actors):
    # "Gunmen attacked and fired at a police checkpoint ." -- the parser hangs "at" on "fired" only
    words = ["Gunmen", "attacked", "and", "fired", "at", "a", "police", "checkpoint", "."]
    lemmas = ["gunman", "attack", "and", "fire", "at", "a", "police", "checkpoint", "."]
    pos = ["NOUN", "VERB", "CCONJ", "VERB", "ADP", "DET", "NOUN", "NOUN", "PUNCT"]
    deps = ["nsubj", "ROOT", "cc", "conj", "prep", "det", "compound", "pobj", "punct"]
    doc = english_doc(words, lemmas, pos, deps, [1, 1, 1, 1, 3, 7, 7, 4, 1])
    spec = TriggerSpec(key="attack", type="ASSAULT", mode="firearms", acled="by_target")
    _, target = roles_of(doc, spec, 1, actors, "NER")
    assert target is not None and target.sector == "police"


def test_a_party_a_force_sends_out_is_that_force_not_a_political_party(actors):
    # "Rebels ambushed an army patrol party ." / "Rebels ambushed a party rally ."
    words = ["Rebels", "ambushed", "an", "army", "patrol", "party", "."]
    lemmas = ["rebel", "ambush", "an", "army", "patrol", "party", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "NOUN", "NOUN", "PUNCT"]
    deps = ["nsubj", "ROOT", "det", "compound", "compound", "dobj", "punct"]
    doc = english_doc(words, lemmas, pos, deps, [1, 1, 5, 5, 5, 1, 1])
    spec = TriggerSpec(key="ambush", type="FIGHT", mode="small-arms", acled="Armed clash")
    _, target = roles_of(doc, spec, 1, actors, "NER")
    assert target is not None and target.sector == "military"
    words = ["Rebels", "ambushed", "the", "ruling", "party", "."]
    doc = english_doc(words, ["rebel", "ambush", "the", "ruling", "party", "."], ["NOUN", "VERB", "DET", "ADJ", "NOUN", "PUNCT"],
                      ["nsubj", "ROOT", "det", "amod", "dobj", "punct"], [1, 1, 4, 4, 1, 1])
    _, target = roles_of(doc, spec, 1, actors, "NER")
    assert target is not None and target.sector == "party"


def test_a_party_held_for_a_celebration_is_its_guests_not_a_political_party(actors):
    # "Jets bombed a birthday party ." / "Gunmen attacked a wedding party ."
    spec = TriggerSpec(key="attack", type="ASSAULT", mode=None, acled="by_target")
    for verb, lemma, occasion in (("bombed", "bomb", "birthday"), ("attacked", "attack", "wedding")):
        words = ["Gunmen", verb, "a", occasion, "party", "."]
        doc = english_doc(words, ["gunman", lemma, "a", occasion, "party", "."], ["NOUN", "VERB", "DET", "NOUN", "NOUN", "PUNCT"],
                          ["nsubj", "ROOT", "det", "compound", "dobj", "punct"], [1, 1, 4, 4, 1, 1])  # fmt: skip
        _, target = roles_of(doc, spec, 1, actors, "NER")
        assert target is not None and target.sector == "civilians", occasion


def test_an_operation_told_on_a_verb_joined_to_the_act_names_its_source(actors):
    # "Two soldiers were killed and three were wounded after an ambush by rebels ."
    words = ["Two", "soldiers", "were", "killed", "and", "three", "were", "wounded", "after", "an", "ambush", "by", "rebels", "."]
    lemmas = ["two", "soldier", "be", "kill", "and", "three", "be", "wound", "after", "an", "ambush", "by", "rebel", "."]
    pos = ["NUM", "NOUN", "AUX", "VERB", "CCONJ", "NUM", "AUX", "VERB", "ADP", "DET", "NOUN", "ADP", "NOUN", "PUNCT"]
    deps = ["nummod", "nsubjpass", "auxpass", "ROOT", "cc", "nsubjpass", "auxpass", "conj", "prep", "det", "pobj", "prep", "pobj", "punct"]
    doc = english_doc(words, lemmas, pos, deps, [1, 3, 3, 3, 3, 7, 7, 3, 7, 10, 8, 10, 11, 3])
    spec = TriggerSpec(key="kill", type="ASSAULT", mode=None, acled="by_target")
    source, target = roles_of(doc, spec, 3, actors, "NER")
    assert (source.text, source.sector) == ("rebels", "rebels") and target.sector == "military"


def test_a_participle_clause_tells_more_of_what_the_main_subject_did():
    # "Troops took the town , killing five fighters ."
    words = ["Troops", "took", "the", "town", ",", "killing", "five", "fighters", "."]
    lemmas = ["troop", "take", "the", "town", ",", "kill", "five", "fighter", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "NUM", "NOUN", "PUNCT"]
    tags = ["NNS", "VBD", "DT", "NN", ",", "VBG", "CD", "NNS", "."]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "advcl", "nummod", "dobj", "punct"]
    doc = Doc(Vocab(), words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=[1, 1, 3, 1, 1, 1, 7, 5, 1])
    assert subject_of(doc[5]).text == "Troops"


def test_a_purpose_is_its_doers_own(nlp):
    from eventwire.coding.context import subject_of

    doc = nlp("Hundreds of farmers gathered in Kelmar to demand lower fuel prices.")
    demand = next(t for t in doc if t.text == "demand")
    assert subject_of(demand).text == "Hundreds"


def test_whose_strike_a_possessor_says_and_no_day_or_place_is_a_doer():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    (strike,) = pipe.extract("The teachers' strike in Ostland began on Monday.", published="2020-03-05")
    assert (strike.type, strike.source.sector) == ("PROTEST", "protesters")
    (blast,) = pipe.extract("Sunday's explosion at a market in Kelmar killed four people.", published="2020-03-05")
    assert blast.source is None


def test_whoever_gives_a_message_says_what_its_participle_says():
    # "The ministry issued a statement condemning the raid ."
    words = ["The", "ministry", "issued", "a", "statement", "condemning", "the", "raid", "."]
    lemmas = ["the", "ministry", "issue", "a", "statement", "condemn", "the", "raid", "."]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["DT", "NN", "VBD", "DT", "NN", "VBG", "DT", "NN", "."]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "acl", "det", "dobj", "punct"]
    heads = [1, 2, 2, 4, 2, 4, 7, 5, 2]
    doc = Doc(Vocab(), words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads)
    assert subject_of(doc[5]).text == "ministry"
    # "Kelmar 's statement condemning the raid ...": the message's owner
    words = ["Kelmar", "'s", "statement", "condemning", "the", "raid", "was", "read", "."]
    lemmas = ["Kelmar", "'s", "statement", "condemn", "the", "raid", "be", "read", "."]
    pos = ["PROPN", "PART", "NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    tags = ["NNP", "POS", "NN", "VBG", "DT", "NN", "VBD", "VBN", "."]
    deps = ["poss", "case", "nsubjpass", "acl", "det", "dobj", "auxpass", "ROOT", "punct"]
    heads = [2, 0, 7, 2, 5, 3, 7, 7, 7]
    doc = Doc(Vocab(), words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads)
    assert subject_of(doc[3]).text == "Kelmar"


def english_doc_of(words, lemmas, pos, deps, heads):
    """A hand-built Doc whose words have their lower-case forms (which the preposition rules read)."""
    import spacy

    return Doc(spacy.blank("en").vocab, words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads,
               sent_starts=[True] + [False] * (len(words) - 1))  # fmt: skip


def test_an_act_noun_names_its_own_doers_before_the_clause_it_sits_in():
    # "The curfew came after days of protests by farmers ." — the farmers protested, not the curfew
    words = ["The", "curfew", "came", "after", "days", "of", "protests", "by", "farmers", "."]
    lemmas = ["the", "curfew", "come", "after", "day", "of", "protest", "by", "farmer", "."]
    pos = ["DET", "NOUN", "VERB", "ADP", "NOUN", "ADP", "NOUN", "ADP", "NOUN", "PUNCT"]
    deps = ["det", "nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "prep", "pobj", "punct"]
    heads = [1, 2, 2, 2, 3, 4, 5, 6, 7, 2]
    doc = english_doc_of(words, lemmas, pos, deps, heads)
    assert subject_of(doc[6]).text == "farmers"
    # without a "by", what is named as the time of another act ("after days of ...") borrows no
    # subject: the curfew did not do it (a setting, "in talks with X, Ruto asked", still lends one)
    assert subject_of(doc[4]) is None


def test_a_people_named_by_its_nationality_is_its_state_in_an_act_between_states(actors):
    # "Ostland agreed with the Kenyans on the border ." (AGREE) / "Gunmen killed two Kenyans ." (ASSAULT)
    words = ["Ostland", "agreed", "with", "the", "Kenyans", "on", "the", "border", "."]
    lemmas = ["Ostland", "agree", "with", "the", "Kenyans", "on", "the", "border", "."]
    pos = ["PROPN", "VERB", "ADP", "DET", "PROPN", "ADP", "DET", "NOUN", "PUNCT"]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "det", "pobj", "punct"]
    doc = english_doc_of(words, lemmas, pos, deps, [1, 1, 1, 4, 2, 1, 7, 5, 1])
    spec = TriggerSpec(key="agree", type="AGREE", mode=None, acled=None)
    ctx = trigger_context(doc[:], TriggerMatch(spec, doc[1], (doc[1],)), (), PUBLISHED, 1)
    _, target = link_roles(ctx, actors, None, foreign=False)
    assert (target.country, target.sector) == ("KEN", "government")
    words = ["Gunmen", "killed", "two", "Kenyans", "."]
    doc = english_doc_of(words, ["gunman", "kill", "two", "Kenyans", "."], ["NOUN", "VERB", "NUM", "PROPN", "PUNCT"],
                 ["nsubj", "ROOT", "nummod", "dobj", "punct"], [1, 1, 3, 1, 1])  # fmt: skip
    spec = TriggerSpec(key="kill", type="ASSAULT", mode=None, acled=None)
    ctx = trigger_context(doc[:], TriggerMatch(spec, doc[1], (doc[1],)), (), PUBLISHED, 1)
    _, target = link_roles(ctx, actors, None, foreign=False)
    assert (target.country, target.sector) == ("KEN", "civilians")


def _assault_target(actors, words, lemmas, pos, tags, deps, heads):
    doc = english_doc_of(words, lemmas, pos, deps, heads)
    for tok, tag in zip(doc, tags):
        tok.tag_ = tag
    spec = TriggerSpec(key="attack", type="ASSAULT", mode=None, acled="by_target")
    ctx = trigger_context(doc[:], TriggerMatch(spec, doc[1], (doc[1],)), (), PUBLISHED, 1)
    return link_roles(ctx, actors, "KEN", foreign=False)[1]


def test_whom_an_attack_hit_named_by_words_the_data_does_not_know_are_civilians(actors):
    # "Gunmen attacked a poultry farm ." / "Gunmen attacked two clinic guards ."
    target = _assault_target(actors, ["Gunmen", "attacked", "a", "poultry", "farm", "."],
                             ["gunman", "attack", "a", "poultry", "farm", "."],
                             ["NOUN", "VERB", "DET", "NOUN", "NOUN", "PUNCT"], ["NNS", "VBD", "DT", "NN", "NN", "."],
                             ["nsubj", "ROOT", "det", "compound", "dobj", "punct"], [1, 1, 4, 4, 1, 1])  # fmt: skip
    assert (target.text, target.country, target.sector) == ("a poultry farm", "KEN", "civilians")
    target = _assault_target(actors, ["Gunmen", "attacked", "two", "clinic", "porters", "."],
                             ["gunman", "attack", "two", "clinic", "porter", "."],
                             ["NOUN", "VERB", "NUM", "NOUN", "NOUN", "PUNCT"], ["NNS", "VBD", "CD", "NN", "NNS", "."],
                             ["nsubj", "ROOT", "nummod", "compound", "dobj", "punct"], [1, 1, 4, 4, 1, 1])  # fmt: skip
    assert (target.country, target.sector) == ("KEN", "civilians")


def test_a_bare_plural_names_a_kind_not_whom_an_attack_hit(actors):
    # "Terrorism attacks worshippers ." (a kind: said of terrorism, no particular act); "... the air ."
    target = _assault_target(actors, ["Terrorism", "attacks", "shrines", "."], ["terrorism", "attack", "shrine", "."],
                             ["NOUN", "VERB", "NOUN", "PUNCT"], ["NN", "VBZ", "NNS", "."],
                             ["nsubj", "ROOT", "dobj", "punct"], [1, 1, 1, 1])  # fmt: skip
    assert target is None
    target = _assault_target(actors, ["Gunmen", "fired", "into", "the", "air", "."], ["gunman", "fire", "into", "the", "air", "."],
                             ["NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"], ["NNS", "VBD", "IN", "DT", "NN", "."],
                             ["nsubj", "ROOT", "prep", "det", "pobj", "punct"], [1, 1, 1, 4, 2, 1])  # fmt: skip
    assert target is None


def test_an_attack_repelled_is_of_whom_the_sentence_named_before_its_their():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    text = "On 3 June 2021, six rebels were killed when Kenyan troops repelled their attack on a checkpoint near Garissa."
    fights = [e for e in Pipeline(coder=Coder(classifier=None)).extract(text) if e.type == "FIGHT"]
    assert [(e.source.sector, e.target.sector) for e in fights] == [("rebels", "military")]


def test_a_gerund_under_a_preposition_of_time_or_manner_is_the_governing_subjects_act(nlp):
    from eventwire.coding.context import subject_of

    for text, word, who in [
        ("The councillor quit the caucus after alleging that party staff had bullied her.", "alleging", "councillor"),
        ("The ministry answered by accusing the opposition of spreading rumours.", "accusing", "ministry"),
        ("Before condemning the tariffs, the trade minister spoke to farmers.", "condemning", "minister"),
    ]:
        doc = nlp(text)
        verb = next(t for t in doc if t.text == word)
        assert subject_of(verb).text == who, text
    # thanked for, praised for: the one thanked did it
    doc = nlp("Ostland thanked Kelmar for condemning the raid.")
    subject = subject_of(next(t for t in doc if t.text == "condemning"))
    assert subject is None or subject.text != "Ostland"


def test_a_speech_act_named_by_its_noun_is_made_to_whom_it_is_addressed():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    (plea,) = pipe.extract("The opposition submitted a request to the government of Ostland for a recount.", published="2020-03-05")
    assert plea.type == "REQUEST" and plea.target is not None and plea.target.sector == "government"
    (ultimatum,) = pipe.extract("The army issued an ultimatum to the rebels in the north.", published="2020-03-05")
    assert ultimatum.type == "THREATEN" and ultimatum.target.sector == "rebels"


@pytest.mark.parametrize(("words", "lemmas", "pos", "tags", "deps", "heads"), [
    # "A clerk was shot and killed by rebels ." -- the "by" hangs on the second verb only
    (["A", "clerk", "was", "shot", "and", "killed", "by", "rebels", "."],
     ["a", "clerk", "be", "shoot", "and", "kill", "by", "rebel", "."],
     ["DET", "NOUN", "AUX", "VERB", "CCONJ", "VERB", "ADP", "NOUN", "PUNCT"],
     ["DT", "NN", "VBD", "VBN", "CC", "VBN", "IN", "NNS", "."],
     ["det", "nsubjpass", "auxpass", "ROOT", "cc", "conj", "agent", "pobj", "punct"],
     [1, 3, 3, 3, 3, 3, 5, 6, 3]),
    # "A clerk was shot and one was wounded by rebels ." -- the second verb has its own victim
    (["A", "clerk", "was", "shot", "and", "one", "was", "wounded", "by", "rebels", "."],
     ["a", "clerk", "be", "shoot", "and", "one", "be", "wound", "by", "rebel", "."],
     ["DET", "NOUN", "AUX", "VERB", "CCONJ", "NUM", "AUX", "VERB", "ADP", "NOUN", "PUNCT"],
     ["DT", "NN", "VBD", "VBN", "CC", "CD", "VBD", "VBN", "IN", "NNS", "."],
     ["det", "nsubjpass", "auxpass", "ROOT", "cc", "nsubjpass", "auxpass", "conj", "agent", "pobj", "punct"],
     [1, 3, 3, 3, 3, 7, 7, 3, 7, 8, 3]),
])
def test_the_doer_of_coordinated_passive_verbs_is_the_source_of_each(actors, words, lemmas, pos, tags, deps, heads):
    doc = english_doc(words, lemmas, pos, deps, heads)
    for tok, tag in zip(doc, tags):
        tok.tag_ = tag
    spec = TriggerSpec(key="shoot", type="ASSAULT", mode="firearms", acled="by_target")
    source, target = roles_of(doc, spec, 3, actors, "NER")
    assert (source.sector if source else None, target.text) == ("rebels", "A clerk")


def test_the_subject_the_parser_put_in_the_opening_place_list_is_the_verbs():
    # "In Tarvo , Kelmo , a driver was shot ." -- parsed as one list "Tarvo, Kelmo, a driver"
    words = ["In", "Tarvo", ",", "Kelmo", ",", "a", "driver", "was", "shot", "."]
    doc = english_doc(words, ["in", "Tarvo", ",", "Kelmo", ",", "a", "driver", "be", "shoot", "."],
                      ["ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
                      ["prep", "pobj", "punct", "conj", "punct", "det", "appos", "auxpass", "ROOT", "punct"],
                      [8, 0, 1, 1, 3, 6, 3, 8, 8, 8])
    spec = TriggerSpec(key="shoot", type="ASSAULT", mode="firearms", acled="by_target")
    _, target, _ = role_tokens(trigger_context(doc[:], TriggerMatch(spec, doc[8], (doc[8],)), (), PUBLISHED, 1))
    assert target is not None and target.text == "driver"


def test_a_kind_of_place_in_the_opening_place_list_is_no_subject():
    # "In Tarvo , a town , was shelled ." -- "a town" tells the place, not who was shelled
    words = ["In", "Tarvo", ",", "a", "town", ",", "was", "shelled", "."]
    doc = english_doc(words, ["in", "Tarvo", ",", "a", "town", ",", "be", "shell", "."],
                      ["ADP", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "AUX", "VERB", "PUNCT"],
                      ["prep", "pobj", "punct", "det", "appos", "punct", "auxpass", "ROOT", "punct"],
                      [7, 0, 1, 4, 1, 1, 7, 7, 7])
    spec = TriggerSpec(key="shell", type="FIGHT", mode="artillery", acled="Shelling/artillery/missile attack")
    _, target, _ = role_tokens(trigger_context(doc[:], TriggerMatch(spec, doc[7], (doc[7],)), (), PUBLISHED, 1))
    assert target is None


def test_whom_the_harmed_was_exchanging_fire_with_harmed_them(actors):
    # "A fugitive was killed after exchanging fire with police ."
    words = ["A", "fugitive", "was", "killed", "after", "exchanging", "fire", "with", "police", "."]
    doc = english_doc(words, ["a", "fugitive", "be", "kill", "after", "exchange", "fire", "with", "police", "."],
                      ["DET", "NOUN", "AUX", "VERB", "ADP", "VERB", "NOUN", "ADP", "NOUN", "PUNCT"],
                      ["det", "nsubjpass", "auxpass", "ROOT", "prep", "pcomp", "dobj", "prep", "pobj", "punct"],
                      [1, 3, 3, 3, 3, 4, 5, 5, 7, 3])
    spec = TriggerSpec(key="kill", type="ASSAULT", mode="firearms", acled="by_target")
    source, target = roles_of(doc, spec, 3, actors, "BRA")
    assert (source.sector, target.text, target.sector) == ("police", "A fugitive", "unknown")  # who fought is armed


def test_what_riot_control_fires_is_the_means_not_the_target(actors):
    # "Troops fired gas canisters at farmers ."
    words = ["Troops", "fired", "gas", "canisters", "at", "farmers", "."]
    doc = english_doc(words, ["troop", "fire", "gas", "canister", "at", "farmer", "."],
                      ["NOUN", "VERB", "NOUN", "NOUN", "ADP", "NOUN", "PUNCT"],
                      ["nsubj", "ROOT", "compound", "dobj", "prep", "pobj", "punct"], [1, 1, 3, 1, 1, 4, 1])
    spec = TriggerSpec(key="fire at", type="ASSAULT", mode="firearms", acled="by_target")
    source, target = roles_of(doc, spec, 1, actors, "KEN", words=(doc[1], doc[4]))
    assert (source.sector, target.text, target.sector) == ("military", "farmers", "civilians")


def test_a_passive_joined_to_another_shares_its_subject_and_has_its_own_doer(actors):
    # "A trader was robbed and beaten by police ." -- "beaten" has no subject of its own
    words = ["A", "trader", "was", "robbed", "and", "beaten", "by", "police", "."]
    doc = english_doc(words, ["a", "trader", "be", "rob", "and", "beat", "by", "police", "."],
                      ["DET", "NOUN", "AUX", "VERB", "CCONJ", "VERB", "ADP", "NOUN", "PUNCT"],
                      ["det", "nsubjpass", "auxpass", "ROOT", "cc", "conj", "agent", "pobj", "punct"],
                      [1, 3, 3, 3, 3, 3, 5, 6, 3])
    doc[5].tag_ = "VBN"
    spec = TriggerSpec(key="beat", type="ASSAULT", mode="beat", acled="by_target")
    source, target = roles_of(doc, spec, 5, actors, "KEN")
    assert (source.sector, target.text) == ("police", "A trader")


def test_an_act_with_a_doer_and_no_subject_is_the_doers(actors):
    # "Shelling by troops hit a market ." -- the gerund's "by" names who shelled
    words = ["Shelling", "by", "troops", "hit", "a", "market", "."]
    doc = english_doc(words, ["shell", "by", "troop", "hit", "a", "market", "."],
                      ["VERB", "ADP", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
                      ["advcl", "agent", "pobj", "ROOT", "det", "dobj", "punct"], [3, 0, 1, 3, 5, 3, 3])
    spec = TriggerSpec(key="shell", type="FIGHT", mode="artillery", acled="Shelling/artillery/missile attack")
    source, _ = roles_of(doc, spec, 0, actors, "KEN")
    assert source is not None and source.sector == "military"


def test_an_attack_on_a_drug_dealer_is_a_clash_with_an_armed_man():
    doc = english_doc(["Gunmen", "shot", "a", "drug", "dealer", "."], ["gunman", "shoot", "a", "drug", "dealer", "."],
                      ["NOUN", "VERB", "DET", "NOUN", "NOUN", "PUNCT"], ["nsubj", "ROOT", "det", "compound", "dobj", "punct"],
                      [1, 1, 4, 4, 1, 1])
    spec = TriggerSpec(key="shoot", type="ASSAULT", mode="firearms", acled="by_target")
    gunmen = Actor("Gunmen", "gunmen", "KEN", "unknown", TextSpan(0, 6))
    dealer = Actor("a drug dealer", "Kenya unknown", "KEN", "unknown", TextSpan(13, 26))
    assert acled_sub_event(spec, gunmen, dealer, doc[:]) == "Armed clash"


def test_people_of_a_place_are_a_crowd_by_their_own_noun():
    from eventwire.coding.kind import is_crowd

    assert is_crowd(Actor("residents of Kelmo Town", "Kenya civilians", "KEN", "civilians", TextSpan(0, 23)))
    assert not is_crowd(Actor("a resident of Kelmo Towns", "Kenya civilians", "KEN", "civilians", TextSpan(0, 25)))
def test_what_a_consultation_settles_is_no_party_to_it(nlp):
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    (ev,) = pipe.extract("Kelmar will work out further military steps with Ostland.", published="2020-03-05")
    assert ev.type == "CONSULT" and ev.target is not None and ev.target.text == "Ostland"
    # with no one else named, a meal is no consultation
    assert pipe.extract("The engineers sat down for lunch.", published="2020-03-05") == []


def test_who_says_one_must_act_or_face_action_threatens_them(nlp):
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    events = pipe.extract("The Ostland government said Kelmar must withdraw its troops or face sanctions.", published="2020-03-05")
    threat = next(e for e in events if e.type == "THREATEN")
    assert threat.source is not None and threat.source.text.endswith("government")
    assert threat.target is not None and threat.target.text == "Kelmar"


def test_charges_denied_are_their_owners_at_the_one_denying(nlp):
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    events = pipe.extract("The Ostland government denied Kelmar's accusations on Monday.", published="2020-03-05")
    charge = next(e for e in events if e.type == "ACCUSE")
    assert charge.source is not None and charge.source.text.startswith("Kelmar")
    assert charge.target is not None and charge.target.text.endswith("government")
    assert charge.factuality == "asserted"


def test_those_outrage_is_among_gave_it(nlp):
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    (ev,) = pipe.extract("The Ostland government's decision sparked outrage among rights groups.", published="2020-03-05")
    assert ev.type == "ACCUSE" and ev.source is not None and ev.source.text == "rights groups"


@pytest.mark.parametrize("text, expected", [
    # a speech act in the first person, quoted, is made by the one quoted
    ('"We condemn the raid," the Ostland foreign ministry said.', [("ACCUSE", "the Ostland foreign ministry")]),
    ('The ministry said: "We reject the offer."', [("REJECT", "The ministry")]),
    # what "we" would do in a fight, or do if something happens, is the speaker's generality
    ('"We will fight on," the rebel commander said.', []),
    ('"If we do not condemn it, we lose ourselves," the imam said.', []),
    # nor is one told of another time
    ('"We did not always agree with them," the senator said.', []),
])
def test_a_quoted_speech_act_in_the_first_person_is_the_speakers(nlp, text, expected):
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    events = pipe.extract(text, published="2020-03-05")
    assert [(e.type, e.source.text if e.source else None) for e in events] == expected


def _place(doc, i, kind, relation):
    tok = doc[i]
    return PlaceMention(tok.text, tok.text, kind, None, tok.idx, tok.idx + len(tok.text), relation, i)


def test_a_place_the_parser_took_for_the_subject_is_no_party(actors):
    # "In Velmo , Kelmo , members of a gang clashed with soldiers ." — the parser makes the place
    # named after the town the subject and the gang's members its apposition
    words = ["In", "Velmo", ",", "Kelmo", ",", "members", "of", "a", "gang", "clashed", "with", "soldiers", "."]
    lemmas = ["in", "Velmo", ",", "Kelmo", ",", "member", "of", "a", "gang", "clash", "with", "soldier", "."]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "NOUN", "ADP", "DET", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"]
    deps = ["prep", "pobj", "punct", "nsubj", "punct", "appos", "prep", "det", "pobj", "ROOT", "prep", "pobj", "punct"]
    heads = [9, 0, 1, 9, 3, 3, 5, 8, 6, 9, 9, 10, 9]
    doc = english_doc(words, lemmas, pos, deps, heads)
    places = (_place(doc, 1, "city", "in"), _place(doc, 3, "province", "within"))
    spec = TriggerSpec(key="clash", type="FIGHT", mode="small-arms", acled="Armed clash")
    trig = TriggerMatch(spec, doc[9], (doc[9],))
    source, target = link_roles(trigger_context(doc[:], trig, places, PUBLISHED, 1), actors, "MEX", False)
    assert (source.text, target.sector) == ("members of a gang", "military")
    # a division named by its keyword needs no gazetteer: "In Tarvo , Kelmo Township , troops clashed ."
    words = ["In", "Tarvo", ",", "Kelmo", "Township", ",", "troops", "clashed", "."]
    lemmas = ["in", "Tarvo", ",", "Kelmo", "Township", ",", "troop", "clash", "."]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "NOUN", "VERB", "PUNCT"]
    deps = ["prep", "pobj", "punct", "compound", "nsubj", "punct", "appos", "ROOT", "punct"]
    doc = english_doc(words, lemmas, pos, deps, [7, 0, 1, 4, 7, 4, 4, 7, 7])
    trig = TriggerMatch(spec, doc[7], (doc[7],))
    source, _ = link_roles(trigger_context(doc[:], trig, (_place(doc, 1, "city", "in"),), PUBLISHED, 1), actors, "MMR", False)
    assert (source.text, source.sector) == ("troops", "military")


def test_an_attack_told_of_an_armed_party_is_theirs_when_repelled(actors):
    # "Troops repelled an attack of rebel fighters ." — the fighters attacked, the troops fought back
    words = ["Troops", "repelled", "an", "attack", "of", "rebel", "fighters", "."]
    lemmas = ["troop", "repel", "an", "attack", "of", "rebel", "fighter", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN", "NOUN", "PUNCT"]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "compound", "pobj", "punct"]
    doc = english_doc(words, lemmas, pos, deps, [1, 1, 3, 1, 3, 6, 4, 1])
    spec = TriggerSpec(key="repel", type="FIGHT", mode="small-arms", acled="Armed clash")
    source, target = roles_of(doc, spec, 1, actors, "KEN")
    assert (source.text, source.sector, target.sector) == ("rebel fighters", "rebels", "military")
    # what an attack is "of" that is no armed party ("an attack of the village") names no attacker
    doc = english_doc(words[:5] + ["the", "village", "."], lemmas[:5] + ["the", "village", "."], pos[:5] + ["DET", "NOUN", "PUNCT"],
                      deps[:5] + ["det", "pobj", "punct"], [1, 1, 3, 1, 3, 6, 4, 1])
    source, _ = roles_of(doc, spec, 1, actors, "KEN")
    assert source.sector == "military"


def test_the_operation_an_act_followed_may_hang_on_a_noun_of_its_clause(actors):
    # "Two guards were wounded including a driver following an attack by rebels ." — the parser
    # hangs "following" on the driver: the attack is still the act's
    words = ["Two", "guards", "were", "wounded", "including", "a", "driver", "following", "an", "attack", "by", "rebels", "."]
    lemmas = ["two", "guard", "be", "wound", "include", "a", "driver", "follow", "an", "attack", "by", "rebel", "."]
    pos = ["NUM", "NOUN", "AUX", "VERB", "VERB", "DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN", "PUNCT"]
    deps = ["nummod", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "acl", "det", "pobj", "prep", "pobj", "punct"]
    doc = english_doc(words, lemmas, pos, deps, [1, 3, 3, 3, 3, 6, 4, 6, 9, 7, 9, 10, 3])
    spec = TriggerSpec(key="wound", type="ASSAULT", mode="firearms", acled="by_target")
    source, target = roles_of(doc, spec, 3, actors, "KEN")
    assert (source.text, source.sector, target.text) == ("rebels", "rebels", "Two guards")


def test_following_read_as_a_participle_of_the_verb_still_names_the_operation(actors):
    # "Two guards were killed and one was wounded following an attack by rebels ." — the parser
    # makes "following" a complement of "wounded"
    words = ["Two", "guards", "were", "killed", "and", "one", "was", "wounded", "following", "an", "attack", "by", "rebels", "."]
    lemmas = ["two", "guard", "be", "kill", "and", "one", "be", "wound", "follow", "an", "attack", "by", "rebel", "."]
    pos = ["NUM", "NOUN", "AUX", "VERB", "CCONJ", "NUM", "AUX", "VERB", "VERB", "DET", "NOUN", "ADP", "NOUN", "PUNCT"]
    deps = ["nummod", "nsubjpass", "auxpass", "ROOT", "cc", "nsubjpass", "auxpass", "conj", "xcomp", "det", "pobj", "prep",
            "pobj", "punct"]
    doc = english_doc(words, lemmas, pos, deps, [1, 3, 3, 3, 3, 7, 7, 3, 7, 10, 8, 10, 11, 3])
    spec = TriggerSpec(key="kill", type="ASSAULT", mode="firearms", acled="by_target")
    source, target = roles_of(doc, spec, 3, actors, "KEN")
    assert (source.text, source.sector, target.text) == ("rebels", "rebels", "Two guards")


@pytest.mark.parametrize(
    "deps, heads",
    [
        # "An airstrike by troops killed two herders ." as the parser may read it: "killed" a clause of the noun
        (["det", "ROOT", "prep", "pobj", "acl", "nummod", "dobj", "punct"], [1, 1, 1, 2, 1, 6, 4, 1]),
        # and as it is: the noun the verb's subject
        (["det", "nsubj", "prep", "pobj", "ROOT", "nummod", "dobj", "punct"], [1, 4, 1, 2, 4, 6, 4, 4]),
    ],
)
def test_whom_an_attacks_noun_killed_is_its_target(actors, deps, heads):
    words = ["An", "airstrike", "by", "troops", "killed", "two", "herders", "."]
    lemmas = ["an", "airstrike", "by", "troop", "kill", "two", "herder", "."]
    pos = ["DET", "NOUN", "ADP", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"]
    doc = english_doc(words, lemmas, pos, deps, heads)
    spec = TriggerSpec(key="airstrike", type="FIGHT", mode="aerial", acled="Air/drone strike")
    source, target = roles_of(doc, spec, 1, actors, "KEN", noun=1)
    assert (source.sector, target.text, target.sector) == ("military", "two herders", "civilians")


def test_an_act_told_to_describe_anothers_party_is_told_in_passing():
    # "Families of miners who were shot by soldiers marched in Kelmo ."
    words = ["Families", "of", "miners", "who", "were", "shot", "by", "soldiers", "marched", "in", "Kelmo", "."]
    lemmas = ["family", "of", "miner", "who", "be", "shoot", "by", "soldier", "march", "in", "Kelmo", "."]
    pos = ["NOUN", "ADP", "NOUN", "PRON", "AUX", "VERB", "ADP", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"]
    deps = ["nsubj", "prep", "pobj", "nsubjpass", "auxpass", "relcl", "agent", "pobj", "ROOT", "prep", "pobj", "punct"]
    heads = [8, 0, 1, 5, 5, 2, 5, 6, 8, 8, 9, 8]
    doc = doc_of(words, lemmas, pos, deps, heads)
    march = TriggerMatch(TriggerSpec(key="march", type="PROTEST", mode="demo", acled="Peaceful protest"), doc[8], (doc[8],))
    shot = TriggerMatch(TriggerSpec(key="shoot", type="ASSAULT", mode="firearms", acled="by_target"), doc[5], (doc[5],))
    shooting = trigger_context(doc[:], shot, (), PUBLISHED, 2, others=[march])
    marching = trigger_context(doc[:], march, (), PUBLISHED, 2, others=[shot])
    assert shooting.aside and not marching.aside
    # alone in its sentence, the shooting is what the sentence tells
    assert not trigger_context(doc[:], shot, (), PUBLISHED, 1).aside
    # told in passing, the shooting yields the sentence's lead to the march
    args = (None, None, 2, "asserted")
    assert confidence(shot, *args, shooting.aside) < confidence(march, *args, marching.aside)


def test_a_day_the_parser_made_a_subject_is_no_actor(actors):
    import spacy

    # "December 23 attacked the village ." as a dateline's day read as the subject
    doc = Doc(spacy.blank("en").vocab, words=["December", "23", "attacked", "the", "villagers", "."],
              pos=["PROPN", "NUM", "VERB", "DET", "NOUN", "PUNCT"], deps=["nsubj", "nummod", "ROOT", "det", "dobj", "punct"],
              heads=[2, 0, 2, 4, 2, 2], lemmas=["December", "23", "attack", "the", "villager", "."],
              sent_starts=[True] + [False] * 5)
    doc.ents = [Span(doc, 0, 2, label="DATE")]
    assert resolve_actor(doc[0], actors) is None
    assert resolve_actor(doc[4], actors).sector == "civilians"  # the villagers are still read


def test_what_an_act_named_by_a_noun_left_is_its_own():
    # "Fighting near Tarbo left 4 rebels dead ." / "The clashes that left 4 rebels dead spread ."
    left = doc_of(["Fighting", "near", "Tarbo", "left", "4", "rebels", "dead", "."],
                  ["fighting", "near", "Tarbo", "leave", "4", "rebel", "dead", "."],
                  ["NOUN", "ADP", "PROPN", "VERB", "NUM", "NOUN", "ADJ", "PUNCT"],
                  ["nsubj", "prep", "pobj", "ROOT", "nummod", "dobj", "oprd", "punct"], [3, 0, 1, 3, 5, 3, 3, 3])
    relative = doc_of(["The", "clashes", "that", "left", "4", "rebels", "dead", "spread", "."],
                      ["the", "clash", "that", "leave", "4", "rebel", "dead", "spread", "."],
                      ["DET", "NOUN", "PRON", "VERB", "NUM", "NOUN", "ADJ", "VERB", "PUNCT"],
                      ["det", "nsubj", "nsubj", "relcl", "nummod", "dobj", "oprd", "ROOT", "punct"], [1, 7, 3, 1, 5, 3, 3, 7, 7])
    spec = TriggerSpec(key="clash", type="FIGHT", mode="small arms", acled="Armed clash")
    for doc, head in ((left, 0), (relative, 1)):
        ctx = trigger_context(doc[:], TriggerMatch(spec, doc[head], (doc[head],)), (), PUBLISHED, 1)
        assert [(q.value, q.unit) for q in link_quantities(ctx)] == [(4, "fatalities")]
    # a verb's own clause keeps to itself: what "spread" did is not told by "left"
    spread = TriggerMatch(TriggerSpec(key="spread", type="FIGHT", mode="small arms", acled="Armed clash"),
                          relative[7], (relative[7],))
    assert link_quantities(trigger_context(relative[:], spread, (), PUBLISHED, 1)) == ()
