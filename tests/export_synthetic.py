"""A store of synthetic events with their evidence, for the export's memory test and bench/export.py.

As bench/store.py's ``fill_synthetic`` (types, dates over six years, points scattered around
real places, actors, source counts), and each event told by one or two reports, each report a
sentence of an article that has a URL, so an export reads the evidence as it would on a real
store. Some events have no point, no CAMEO code or no actor, as real ones may.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import insert

from eventwire.store.db import open_store
from eventwire.store.models import Actor, Article, Event, Report

PLACES = [("Idlib", 35.93, 36.63, "SYR", "Idlib"), ("Qamishli", 37.05, 41.23, "SYR", "Al-Hasakah"),
          ("Baghdad", 33.34, 44.40, "IRQ", "Baghdad"), ("Mosul", 36.34, 43.13, "IRQ", "Nineveh"),
          ("Bamako", 12.65, -8.0, "MLI", "Bamako"), ("Mogadishu", 2.04, 45.34, "SOM", "Banaadir"),
          ("Goma", -1.68, 29.22, "COD", "North Kivu"), ("Khartoum", 15.55, 32.53, "SDN", "Khartoum"),
          ("Odesa", 46.48, 30.72, "UKR", "Odessa"), ("Sanaa", 15.35, 44.21, "YEM", "Sanaa")]  # fmt: skip
# (type, CAMEO root, ACLED event type, ACLED sub-event type)
TYPES = [("FIGHT", "19", "Battles", "Armed clash"), ("ASSAULT", "18", "Violence against civilians", "Attack"),
         ("PROTEST", "14", "Protests", "Peaceful protest"), ("MOBILIZE", "15", None, None),
         ("COERCE", "17", "Strategic developments", "Arrests"), ("AGREE", "03", None, None),
         ("CONSULT", "04", None, None), ("ACCUSE", "11", None, None)]  # fmt: skip
ACTOR_COUNTRIES = ["SYR", "TUR", "USA", "RUS", "IRQ", "MLI", "SOM", "COD", "SDN", "UKR", "YEM", "IRN"]
SECTORS = ("military", "government", "rebels", "civilians")
BATCH = 5000


def fill_events_with_reports(url: str, n: int, seed: int = 1, articles_every: int = 4) -> None:
    """Add ``n`` synthetic events (ids 1..n: give an empty store), each with one or two reports;
    one article (with a URL) per ``articles_every`` events."""
    rng = random.Random(seed)
    store = open_store(url)
    try:
        with store.engine.begin() as conn:
            actors = []
            for c in ACTOR_COUNTRIES:
                for sector in SECTORS:
                    aid = conn.execute(insert(Actor).values(canonical=f"{c} {sector}", country=c, sector=sector)).inserted_primary_key[0]
                    actors.append({"canonical": f"{c} {sector}", "country": c, "sector": sector, "id": aid})
            start = date(2019, 1, 1)
            events, articles, reports = [], [], []
            for i in range(1, n + 1):
                day = start + timedelta(days=rng.randrange(6 * 365))
                if i % articles_every == 1 or articles_every == 1:
                    article_id = f"syn-{i}"
                    articles.append(dict(id=article_id, url=f"https://example.org/wire/{day.isoformat()}/story-{i}",
                                         outlet="Synthetic Wire", title=f"Story {i}", published=day,
                                         text=f"Story {i}.", n_events=articles_every, ingested_at=datetime(2026, 1, 1)))  # fmt: skip
                name, lat, lon, country, admin1 = rng.choice(PLACES)
                etype, cameo, acled_type, acled_sub = rng.choice(TYPES)
                src, tgt = rng.choice(actors), rng.choice(actors + [None])
                point = rng.random() > 0.1
                place = {"name": name, "country": country, "admin1": admin1, "geo_precision": "exact",
                         "latitude": lat + rng.gauss(0, 0.8) if point else None,
                         "longitude": lon + rng.gauss(0, 0.8) if point else None}  # fmt: skip
                n_reports = 1 if rng.random() < 0.8 else 2
                events.append(dict(
                    id=i, type=etype, mode=None, cameo_root=cameo, acled_event_type=acled_type, acled_sub_event_type=acled_sub,
                    factuality="asserted", date=day, date_precision="day",
                    source_actor_id=src["id"], target_actor_id=tgt["id"] if tgt else None,
                    source_country=src["country"], target_country=tgt["country"] if tgt else None,
                    country=country, latitude=place["latitude"], longitude=place["longitude"], geo_precision="exact",
                    n_reports=n_reports, n_articles=1, n_outlets=1, n_sources=rng.choice([1, 1, 1, 2, 2, 3, 4]),
                    fatalities=rng.choice([None, 0, 1, 3, 12]),
                    summary={"source": {k: src[k] for k in ("canonical", "country", "sector")},
                             "target": {k: tgt[k] for k in ("canonical", "country", "sector")} if tgt else None,
                             "place": place,
                             "quantities": {"killed": {"median": 3}} if rng.random() < 0.2 else {}},
                    updated_at=datetime(2026, 1, 1),
                ))  # fmt: skip
                for k in range(n_reports):
                    reports.append(dict(event_id=i, article_id=article_id, type=etype, sentence_start=i * 2 + k,
                                        trigger_start=i * 2 + k, outlet="Synthetic Wire", cited_source=None,
                                        source_key="synthetic wire", factuality="asserted", confidence=0.9, record={},
                                        sentence=f"{src['canonical']} did {etype.lower()} in {name} (event {i}, report {k})."))  # fmt: skip
                if len(events) >= BATCH:
                    _flush(conn, events, articles, reports)
            _flush(conn, events, articles, reports)
    finally:
        store.close()


def _flush(conn, events: list, articles: list, reports: list) -> None:
    for model, rows in ((Article, articles), (Event, events), (Report, reports)):
        if rows:
            conn.execute(insert(model), rows)
            rows.clear()
