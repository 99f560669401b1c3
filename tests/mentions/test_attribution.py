import pytest

from eventwire.mentions.attribution import AttributionMention, find_attribution, quoted


def attribution(nlp, text, trigger, previous=None):
    doc = nlp(text)
    sent = next(iter(doc.sents))
    head = next(t for t in doc if t.text == trigger)
    found = find_attribution(head, sent, previous)
    return None if found is None else found.source


@pytest.mark.parametrize(
    "text, trigger, source",
    [
        ("Villagers blocked a convoy on Thursday, SANA reported.", "blocked", "SANA"),
        ("A convoy of trucks crossed the border on Tuesday, the Syrian Observatory for Human Rights said.", "crossed", "Syrian Observatory for Human Rights"),
        ("According to the Iraqi health ministry, gunmen killed four people.", "killed", "Iraqi health ministry"),
        ("Press TV wrote that Turkish troops shelled the town.", "shelled", "Press TV"),
        ("Turkish troops shelled the town on Monday.", "shelled", None),
    ],
)
def test_cited_source(nlp, text, trigger, source):
    assert attribution(nlp, text, trigger) == source


@pytest.mark.parametrize(
    "text, trigger, source",
    [
        # the parser takes the closing source for an apposition of the last place, or hangs the
        # report on the last noun: the source closes the sentence all the same
        ("Militiamen burned the market of Dunval, the Kelmar Centre for Human Rights reported.", "burned", "Kelmar Centre for Human Rights"),
        ("Troops raided the offices of a weekly in Tarvo, the Geneva-based press watchdog said.", "raided", "Geneva-based press watchdog"),
        ("Rebels seized two villages near Kelmar, according to the London-based monitor.", "seized", "London-based monitor"),
        ("Rebels seized two villages near Kelmar, and residents fled as the army reported losses.", "seized", None),
    ],
)
def test_a_report_that_closes_the_sentence_names_its_source(nlp, text, trigger, source):
    assert attribution(nlp, text, trigger) == source


def test_the_monitor_added_continues_the_previous_report(nlp):
    prev = AttributionMention("Syrian Observatory for Human Rights", 0, 10)
    assert attribution(nlp, "Two fighters were killed in the clash, the monitor added.", "killed", prev) == prev.source
    assert attribution(nlp, "Gunmen attacked the village, it said.", "attacked", prev) == prev.source


def test_a_quotation_is_counted_within_its_paragraph():
    text = 'The mayor said: "Nobody should attack a clinic." Guards fired on the crowd.\n\nShe added, “we will fight on” and left.'
    assert quoted(text, 0, text.index("attack"))
    assert not quoted(text, 0, text.index("fired"))  # the straight quote closed
    second = text.index("She")
    assert quoted(text, second, text.index("fight"))
    assert not quoted(text, second, text.index("left"))  # the curly quote closed
    # a long quote's paragraph that is never closed reaches no further than its paragraph
    unclosed = '"We will stay until the end.\n\nTroops attacked the town.'
    assert quoted(unclosed, 0, unclosed.index("until"))
    assert not quoted(unclosed, unclosed.index("Troops"), unclosed.index("attacked"))


def test_a_body_told_after_a_source_described_in_lower_case_is_a_new_source(nlp):
    prev = AttributionMention("local officials", 0, 10)
    assert attribution(nlp, "The army said its troops had repelled the attack.", "repelled", prev) == "army"
    named = AttributionMention("Kelmar Rights Watch", 0, 10)
    assert attribution(nlp, "Two guards were killed, the monitor added.", "killed", named) == named.source
