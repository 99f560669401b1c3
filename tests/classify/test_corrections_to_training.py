"""Analysts' corrections in a store become the next training run's examples."""

from datetime import datetime

from sqlalchemy import select

from eventwire.article import make_article
from eventwire.store.db import open_store
from eventwire.store.ingest import ingest
from eventwire.store.models import Correction, Event
from eventwire.training import correction_examples

TEXT = "Police arrested six opposition activists in Tarbo on Tuesday, the party said."


def _store_with_corrections(tmp_path, *corrections: tuple[str, dict]) -> str:
    """A SQLite store holding TEXT's event and these (field, value) corrections of it."""
    url = f"sqlite:///{tmp_path}/events.sqlite"
    store = open_store(url)
    ingest(store, [make_article(TEXT, published="2021-06-04", outlet="Test Wire")])
    with store.session() as s, s.begin():
        event_id = s.scalars(select(Event.id)).first()
        assert event_id is not None
        s.add_all([Correction(event_id=event_id, field=f, value=v, author="a", created_at=datetime(2026, 11, 28))
                   for f, v in corrections])  # fmt: skip
    store.close()
    return url


def test_type_corrections_become_examples_and_every_field_is_counted(tmp_path):
    url = _store_with_corrections(
        tmp_path, ("type", {"value": "PROTEST", "acled_sub_event_type": "Protest with intervention"}), ("place", {"name": "Tarbo"}))
    examples, counts = correction_examples(url)
    assert counts == {"type": 1, "place": 1}
    assert len(examples) == 1
    feats, sub_event, is_event = examples[0]
    assert sub_event == "Protest with intervention" and is_event
    assert "w:arrest" in feats and "w:<GPE>" in feats


def test_a_correction_to_a_verbal_type_is_a_no_event_example(tmp_path):
    url = _store_with_corrections(tmp_path, ("type", {"value": "ACCUSE"}))
    (feats, sub_event, is_event), = correction_examples(url)[0]
    assert sub_event is None and not is_event
