"""The real-text evaluations as ``eventwire evaluate`` runs them: read, code, score, print."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..classify import default_classifier
from ..coder import Coder
from ..document import Document, SpacyBackend
from ..errors import EventwireError
from .corpus import parse_cached, shared_data

ACLED_FILE = "acled-notes-2020.jsonl"
LGL_FILE = "geoparse-lgl.jsonl"
TRNEWS_FILE = "geoparse-trnews.jsonl"
PETRARCH_FILE = "petrarch2-unittests.jsonl"


def locate(path: str | None, name: str) -> Path:
    """The file the user named, or ``shared/data/NAME``; a clear error if neither is there."""
    if path:
        if not Path(path).is_file():
            raise EventwireError(f"{path}: no such file")
        return Path(path)
    found = shared_data(name)
    if found is None:
        raise EventwireError(f"{name} not found: give its path, or put the team's shared/ folder beside the project "
                             "(or set EVENTWIRE_SHARED)")  # fmt: skip
    return found


def acled(path: str | None, negatives: str | None = None, *, learned: bool = True) -> tuple[str, dict]:
    """Country-held-out figures on ACLED's notes: the rules alone and with the classifier."""
    from .acled import cross_validate, format_confusion, format_reports, prepare

    base = Coder(classifier=None)
    run = prepare(locate(path, ACLED_FILE), locate(negatives, LGL_FILE) if learned else None, rules=base)
    rules = cross_validate(run, lambda clf: base, learned=False)
    columns = {"rules dev": rules["dev"], "rules test": rules["test"]}
    if learned:
        both = cross_validate(run, lambda clf: dataclasses.replace(base, classifier=clf))
        columns.update({"learned dev": both["dev"], "learned test": both["test"]})
    text = (
        f"ACLED notes: {len(run.notes)} real events, {len({n.iso3 for n in run.notes})} countries in 5 country folds.\n"
        "dev = 4 folds, each scored by a model trained on the other 3; test = the held-out fold (kept out of tuning),\n"
        "scored by a model trained on all 4 dev folds. The rules are the same on every split.\n\n"
        + format_reports(columns) + "\n" + format_confusion(columns["learned dev" if learned else "rules dev"])
    )
    return text, {k: v.as_dict() for k, v in columns.items()}


def _coders(learned: bool) -> dict[str, Coder]:
    coders = {"rules": Coder(classifier=None)}
    if learned:
        classifier = default_classifier()
        if classifier is None:
            raise EventwireError("no shipped classifier in this installation: run `eventwire train`")
        coders["learned"] = dataclasses.replace(coders["rules"], classifier=classifier)  # one load of the actor data
    return coders


def _predictions(articles, learned: bool) -> dict[str, dict]:
    """Each coder's events on the articles: ``{"rules": {article id: events}, ...}``."""
    docs = parse_cached([a.text for a in articles], SpacyBackend())
    return {name: {a.id: coder.code(Document(a, d)) for a, d in zip(articles, docs)}
            for name, coder in _coders(learned).items()}  # fmt: skip


def _code_and_score(gold: list[dict], articles, learned: bool) -> dict:
    """Each coder's events on the gold's articles, scored by part: ``{"rules dev": report, ...}``."""
    from .trnews import score

    columns = {}
    for name, predicted in _predictions(articles, learned).items():
        columns[f"{name} dev"] = score(gold, predicted, "dev")
        columns[f"{name} test"] = score(gold, predicted, "test")
    return columns


def trnews(path: str | None, gold_path: str | None = None, *, learned: bool = True) -> tuple[str, dict]:
    from .trnews import format_reports, load_gold, read_articles, type_table

    gold = load_gold(gold_path)
    articles = read_articles(locate(path, TRNEWS_FILE), {g["article_id"] for g in gold})
    columns = _code_and_score(gold, articles, learned)
    last = list(columns)[-2]
    dedup = _trnews_dedup(gold, articles)
    text = (f"TR-News: {len(gold)} real articles annotated from the codebook before the coder ran on them; "
            f"test = {sum(g['part'] == 'test' for g in gold)} articles never tuned on.\n\n"
            + format_reports(columns) + "\n" + type_table(columns[last])
            + "\ndeduplication in the store (B-cubed over gold records matched to stored reports):\n"
            + "".join(f"  {part}: {d['matched']} of {d['gold_records']} records matched, {d['clusters_in_several_articles']} events told "
                      f"by several articles; precision {d['bcubed_precision']:.1%} recall {d['bcubed_recall']:.1%} "
                      f"F1 {d['bcubed_f1']:.1%}\n" for part, d in dedup.items()))  # fmt: skip
    figures = {k: v.as_dict() for k, v in columns.items()}
    figures["dedup"] = dedup
    return text, figures


def trnews_agreement(path: str | None, *, learned: bool = True) -> tuple[str, dict]:
    """How far a second annotator agrees with the gold on the articles both coded, by the coder's own
    matching rules; and the coder against each of them on those articles (when the texts are at hand)."""
    from .trnews import SECOND, agreement, agreement_table, format_reports, load_gold, read_articles, score

    gold, second = load_gold(), load_gold(bundled=SECOND)
    ids = {a["article_id"] for a in second}
    shared = [a for a in gold if a["article_id"] in ids]
    between = agreement(shared, second)
    columns = {"second vs gold": between}
    found = locate(path, TRNEWS_FILE) if path else shared_data(TRNEWS_FILE)
    note = ""
    if found is None:
        note = f"(the coder's columns skipped: {TRNEWS_FILE} is not in ../shared/data)\n"
    else:
        for name, predicted in _predictions(read_articles(found, ids), learned).items():
            columns[f"{name} vs gold"] = score(shared, predicted)
            columns[f"{name} vs second"] = score(second, predicted)
    text = (f"TR-News agreement: {len(ids)} dev articles coded by a second annotator "
            f"({', '.join(sorted({a['annotator'] for a in second}))}) against the gold "
            f"({', '.join(sorted({a['annotator'] for a in shared}))}); 'vs' reads the first as the reference.\n"
            + note + "\n" + format_reports(columns) + "\nsecond annotator against the gold, " + agreement_table(between))  # fmt: skip
    return text, {k: v.as_dict() for k, v in columns.items()}


def lgl_events(path: str | None, gold_path: str | None = None, *, learned: bool = True) -> tuple[str, dict]:
    """The TR-News scorer on 40 of LGL's local news articles annotated for events: mostly crime,
    courts, councils and business, where nearly every event the coder gives is one it invented."""
    from .trnews import LGL_EVENTS_GOLD, format_reports, load_gold, read_articles, type_table

    gold = load_gold(gold_path, LGL_EVENTS_GOLD)
    articles = read_articles(locate(path, LGL_FILE), {g["article_id"] for g in gold})
    columns = _code_and_score(gold, articles, learned)
    text = (f"LGL events: {len(gold)} local news articles (LGL's dev part) annotated from the codebook before the "
            f"coder ran on them; test = {sum(g['part'] == 'test' for g in gold)} articles never tuned on.\n\n"
            + format_reports(columns) + "\n" + type_table(columns[list(columns)[-2]]))  # fmt: skip
    return text, {k: v.as_dict() for k, v in columns.items()}


def _trnews_dedup(gold: list[dict], articles) -> dict[str, dict]:
    """Ingest the articles into a throwaway store and score its deduplication, per part."""
    import tempfile

    from ..store.db import open_store
    from ..store.ingest import ingest
    from .trnews import score_dedup

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/trnews.sqlite")
        try:
            ingest(store, articles)
            # a real-world event's reports may fall in both parts: "all" scores them together
            return {part or "all": score_dedup(gold, store, part) for part in ("dev", "test", None)}
        finally:
            store.close()


def petrarch(path: str | None, *, learned: bool = True) -> tuple[str, dict]:
    from .petrarch import article, read_records, score

    records = read_records(locate(path, PETRARCH_FILE))
    rows, figures = [], {}
    for name, predicted in _predictions([article(r) for r in records], learned).items():
        for part in ("dev", "test"):
            rep = score(records, predicted, part)
            figures[f"{name} {part}"] = rep.as_dict()
            rows.append(f"  {name + ' ' + part:<14} PLOVER type {rep.typed.value:6.1%} (n={rep.typed.total})   "
                        f"no-event records left empty {rep.no_event.correct}/{rep.no_event.total}")  # fmt: skip
    text = (f"PETRARCH2 validation records: {len(records)} sentences; test = a third by id hash, kept out of tuning\n"
            "(a sample of both parts was read once, early in the 2026-11-28 session).\n"
            + "\n".join(rows) + "\n")  # fmt: skip
    return text, figures
