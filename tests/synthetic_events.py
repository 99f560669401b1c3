"""A store of synthetic events at scale, for benchmarks and the page's browser tests:
types, dates over six years, points scattered around real places, actors and source counts.
No text: the events have no reports (the sample articles, ingested beside them, give some
events that have)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import insert

from eventwire.store.db import open_store
from eventwire.store.models import Actor, Event

PLACES = [("Idlib", 35.93, 36.63, "SYR"), ("Qamishli", 37.05, 41.23, "SYR"), ("Baghdad", 33.34, 44.40, "IRQ"),
          ("Mosul", 36.34, 43.13, "IRQ"), ("Bamako", 12.65, -8.0, "MLI"), ("Mogadishu", 2.04, 45.34, "SOM"),
          ("Goma", -1.68, 29.22, "COD"), ("Khartoum", 15.55, 32.53, "SDN"), ("Odesa", 46.48, 30.72, "UKR"),
          ("Sanaa", 15.35, 44.21, "YEM")]  # fmt: skip
TYPES = ["FIGHT", "ASSAULT", "PROTEST", "MOBILIZE", "COERCE", "AGREE", "CONSULT", "ACCUSE"]
ACTOR_COUNTRIES = ["SYR", "TUR", "USA", "RUS", "IRQ", "MLI", "SOM", "COD", "SDN", "UKR", "YEM", "IRN"]


def fill_synthetic(url: str, n: int, rng: random.Random) -> None:
    store = open_store(url)
    with store.engine.begin() as conn:
        actor_ids = []
        for c in ACTOR_COUNTRIES:
            for sector in ("military", "government", "rebels", "civilians"):
                actor_ids.append((conn.execute(insert(Actor).values(canonical=f"{c} {sector}", country=c, sector=sector)).inserted_primary_key[0], c))
        start = date(2019, 1, 1)
        rows = []
        for i in range(n):
            name, lat, lon, country = rng.choice(PLACES)
            (src, src_c), (tgt, tgt_c) = rng.choice(actor_ids), rng.choice(actor_ids)
            rows.append(dict(
                type=rng.choice(TYPES), factuality="asserted", date=start + timedelta(days=rng.randrange(6 * 365)),
                date_precision="day", source_actor_id=src, target_actor_id=tgt, source_country=src_c, target_country=tgt_c,
                country=country, latitude=lat + rng.gauss(0, 0.8), longitude=lon + rng.gauss(0, 0.8), geo_precision="exact",
                n_reports=rng.randint(1, 6), n_articles=1, n_outlets=1, n_sources=rng.choice([1, 1, 1, 2, 2, 3, 4]),
                summary={"place": {"name": name, "country": country}}, updated_at=datetime(2026, 1, 1),
            ))  # fmt: skip
            if len(rows) == 5000:
                conn.execute(insert(Event), rows)
                rows = []
        if rows:
            conn.execute(insert(Event), rows)
    store.close()


