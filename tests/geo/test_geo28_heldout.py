"""Every place named, found and resolved end to end, on 40 held-out news sentences written for
this test (tests/fixtures/wordings/geo28_heldout.tsv; see its header): only measured, never tuned on.
Scored as LGL and TR-News are (``eventwire.geo.evaluate.score_geo``, every toponym read)."""

from pathlib import Path

from eventwire.article import make_article
from eventwire.document import parse_articles
from eventwire.geo.evaluate import score_geo

HELD_OUT = Path(__file__).parent.parent / "fixtures" / "wordings" / "geo28_heldout.tsv"
RIGHT_FLOOR = 52  # 50 of 62 before session 28; 51 after the toponym inside a name with no reading, 52 after a town before words qualifying a noun for its public bodies


def read_held_out(path=HELD_OUT):
    """The sentences as articles and their gold places (the first occurrence of each name)."""
    articles, gold = [], []
    rows = [ln.rstrip("\n").split("\t") for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")][1:]  # fmt: skip
    for n, (sentence, places) in enumerate(rows):
        art = make_article(sentence, article_id=f"h{n}", published="2021-03-02")
        articles.append(art)
        for place in places.split(";"):
            name, lat, lon = place.split("|")
            start = art.text.index(name)
            gold.append({"article_id": art.id, "start": start, "end": start + len(name), "name": name,
                         "latitude": float(lat), "longitude": float(lon)})  # fmt: skip
    return articles, gold


def test_the_held_out_places_are_found_and_resolved(backend, geoparser):
    articles, gold = read_held_out()
    docs = parse_articles(articles, backend)
    rep = score_geo(gold, docs, geoparser, demonyms=True)
    places = len(rep.end_to_end.errors_km)
    right = sum(e <= 161 for e in rep.end_to_end.errors_km)
    print(f"\ngeo28 held-out: {len(articles)} sentences, {places} places; right end to end {right}")
    assert (len(articles), places) == (40, 62)
    assert right >= RIGHT_FLOOR
