"""How PETRARCH2's records are read and scored, on records written for these tests."""

import json

from eventwire.evaluation.petrarch import read_records, score


def test_conventional_force_is_fight_or_assault_and_a_record_is_right_with_one_gold_type(tmp_path):
    from dataclasses import dataclass

    path = tmp_path / "records.jsonl"
    rows = [
        {"id": "A-1", "text": "Ostland shelled Tarvo.", "date": "19950101",
         "events": [{"cameo": "194", "plover": "ASSAULT"}]},
        {"id": "A-2", "text": "Gunmen kidnapped a mayor.", "date": "19950101",
         "events": [{"cameo": "181", "plover": "ASSAULT"}]},
        {"id": "A-3", "text": "Ostland said nothing.", "date": "19950101", "events": [], "noevents": True},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    recs = {r.id: r for r in read_records(path)}
    # CAMEO 19 is the 2021 table's ASSAULT and the codebook's FIGHT; other assaults stay ASSAULT
    assert recs["A-1"].plover == {"ASSAULT", "FIGHT"} and recs["A-2"].plover == {"ASSAULT"}
    assert recs["A-3"].no_event and recs["A-1"].published.year == 1995

    @dataclass
    class Coded:
        type: str

    rep = score(list(recs.values()), {"A-1": [Coded("FIGHT")], "A-2": [Coded("FIGHT")], "A-3": []})
    assert (rep.typed.correct, rep.typed.total, rep.no_event.correct) == (1, 2, 1)
