"""Classes of toponyms missed on the dev parts of LGL and TR-News (eighteenth build), each in new wording.

The sentences are written for these tests. Real towns appear only as gazetteer facts: a name that one
town alone bears, a town's name of two words, a state that shares a country's name."""

from eventwire.article import make_article
from eventwire.document import parse_articles


def parsed(backend, text, outlet=None):
    (doc,) = parse_articles([make_article(text, article_id="t", outlet=outlet, published="2021-03-02")], backend)
    return doc


def every(geoparser, doc):
    return {m.text: m.location for m in geoparser.mentions(doc, every_toponym=True)}


# --- a town's name of two words the model cut after its first -------------------------------------

def test_a_name_cut_short_runs_on_to_the_town_the_gazetteer_knows(backend, geoparser):
    # the model labels "Belle" alone; alone it is a namesake elsewhere
    doc = parsed(backend, "The council met in Belle Plaine on Tuesday to discuss the road budget.")
    found = every(geoparser, doc)
    assert "Belle" not in found and found["Belle Plaine"].country == "USA"


def test_a_name_runs_on_to_a_town_only_not_to_a_division(backend):
    from eventwire.mentions.places import _run_on_capitals, default_gazetteer

    doc = parsed(backend, "The council met in Belle Plaine on Tuesday.").doc
    i = next(t.i for t in doc if t.text == "Belle")
    assert _run_on_capitals(doc[i : i + 1], default_gazetteer()).text == "Belle Plaine"
    doc = parsed(backend, "Parents praised the Dublin City Schools for the new bus routes.").doc
    i = next(t.i for t in doc if t.text == "Dublin")
    # "Dublin City" is a council's area in Ireland, no town: the name stays "Dublin"
    assert _run_on_capitals(doc[i : i + 1], default_gazetteer()).text == "Dublin"
