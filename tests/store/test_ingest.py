"""Ingest: one transaction per article, idempotent, bad inputs counted with reasons."""

from sqlalchemy import func, select

from eventwire.article import make_article
from eventwire.errors import EmptyInputError
from eventwire.store.db import open_store, schema_revision
from eventwire.store.ingest import ingest
from eventwire.store.models import Article, Event, Report

SANA = "DAMASCUS, Syria - Villagers in the village of Hamo near Qamishli blocked a convoy of five US military vehicles on Thursday, SANA reported."
# another outlet, other words, another figure, citing the same agency: the same event, the same source
ECHO = "BEIRUT - Residents of Hamo near Qamishli blocked a US convoy of six military vehicles on Thursday, according to SANA."
OBSERVATORY = "Villagers near Qamishli blocked a convoy of five US military vehicles on Thursday, the Syrian Observatory for Human Rights said."


def art(text, outlet, id_=None):
    return make_article(text, published="2020-04-17", outlet=outlet, article_id=id_)


def counts(store):
    with store.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Article, Event, Report))


def test_schema_is_migrated_to_the_newest_revision(store):
    assert schema_revision(store) == "0005"


def test_ingesting_twice_changes_nothing(store):
    first = ingest(store, [art(SANA, "Press TV")])
    assert (first.articles, first.reports, first.new_events) == (1, 1, 1)
    before = counts(store)
    again = ingest(store, [art(SANA, "Press TV"), art("  " + SANA + "\n", "Press TV")])
    assert again.articles == 0 and again.already_stored == 2
    assert counts(store) == before


def test_reports_of_one_event_merge_and_echoes_are_one_source(store):
    ingest(store, [art(SANA, "Press TV"), art(ECHO, "Al Mayadeen")])
    with store.session() as s:
        (event,) = s.scalars(select(Event)).all()
        assert (event.n_reports, event.n_articles, event.n_outlets, event.n_sources) == (2, 2, 2, 1)
        vehicles = event.summary["quantities"]["vehicles"]
        assert vehicles["conflicting"] and {r["value"] for r in vehicles["reports"]} == {5, 6}
    ingest(store, [art(OBSERVATORY, "Reuters")])
    with store.session() as s:
        (event,) = s.scalars(select(Event)).all()
        assert (event.n_reports, event.n_sources) == (3, 2)


def test_different_events_stay_apart(store):
    other = "Turkish troops shelled the town of Tal Tamr on Thursday, the Turkish defence ministry said."
    ingest(store, [art(SANA, "Press TV"), art(other, "Anadolu")])
    assert counts(store)[1] == 2


def test_bad_inputs_are_counted_with_reasons_and_the_rest_is_stored(store):
    summary = ingest(store, [EmptyInputError("x.txt", "the input is empty"), art(SANA, "Press TV")])
    assert summary.articles == 1 and summary.skipped == [("x.txt", "x.txt: the input is empty")]
    assert summary.as_dict()["skipped_reasons"] == {"EmptyInputError": 1}


def test_full_text_search_on_sqlite(tmp_path):
    store = open_store(f"sqlite:///{tmp_path}/fts.sqlite")
    ingest(store, [art(SANA, "Press TV")])
    with store.engine.connect() as conn:
        from sqlalchemy import text

        hits = conn.execute(text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Qamishli'")).fetchall()
    assert len(hits) == 1
    store.close()


def test_a_clash_and_an_airstrike_stay_apart(store):
    clash = "Somali troops clashed with al-Shabaab fighters near Jowhar on Thursday, the defence ministry said."
    strike = "US aircraft carried out an airstrike on al-Shabaab fighters near Jowhar on Thursday, AFRICOM said."
    summary = ingest(store, [art(clash, "Horn Wire"), art(strike, "Horn Wire", "second")])
    assert summary.new_events == 2 and summary.merged_reports == 0
