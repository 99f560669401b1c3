"""The coding worker: the API codes and stores submitted articles in a separate process at
a lower CPU priority, so the API's own process only serves reads (and corrections).

Why a process: spaCy, the coder, deduplication and the ORM are Python, so coding and storing
an article holds the GIL for its whole length; in the API's process that starved the
threads serving reads. Why a lower priority: on a busy machine reads come first, and a
write waits a little longer for its core. The store write is still one short transaction
with no connection held while coding; the API's read cache sees it through the store's
stamp (highest event id, newest update), as it sees any other process's writes.

One article is in the worker at a time (the others queue for their turn, as they queued
for the in-process pipeline's lock before), so a worker that has to be stopped takes no
other request with it. Every wait is bounded: a worker that does not answer within the
article's coding budget plus ``grace_s`` is killed (its deadline is checked between
sentences and parse batches; a stuck parse would not check it), and a worker that dies
(killed, out of memory, crashed) is seen at once. Either way that request gets a clear
error, a new worker is started, and the next request is coded as usual. A worker killed
in the middle of its write loses that transaction whole (SQLite's WAL and PostgreSQL
roll it back).

The worker is started with ``spawn`` (the API's process has threads and open connections,
which ``fork`` would copy half-way), so, as for any spawned process, a script that starts
the server must do so under ``if __name__ == "__main__":`` (``eventwire serve`` and
uvicorn's command do).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Self

from .. import errors
from ..article import Article
from ..errors import CodingError, CodingTimeoutError, InputError
from ..store.ingest import IngestSummary, is_stored, save_article

# How far the worker's CPU priority is lowered (os.nice). Measured on two shared cores, 50
# readers over 100,000 events while one writer posted 100,000-character articles back to back
# (two runs each): read p99 938 and 861 ms at 0, 539 and 706 ms at 10, 596 and 740 ms at 19,
# against 470 and 679 ms with no writer; each article took 8-26 s at 0 and 29-38 s at 10 or 19
# (the coding budget counts that time: on a busy machine a long article reaches it sooner). With
# short articles (bench/api_load.py --writers 3) the value made no difference beyond the noise.
NICE = 10
# Seconds past an article's budget before its worker is killed: the coder checks its deadline
# between sentences and between parse batches, so it may overrun the budget by one of those.
GRACE_S = 10.0
# Seconds a new worker may take to load the NLP pipeline (about 3 s on an idle machine).
START_TIMEOUT_S = 300.0


class CodingWorkerLostError(InputError):
    """The coding worker stopped (killed, out of memory, crashed) while coding this article,
    or could not start; it is replaced, and the article can be sent again."""


@dataclass(frozen=True)
class WorkerReply:
    """What the worker sends back: whether it stored the article, and its reports; an error
    travels as (class name, source, reason). An ``InputError`` does not travel pickled: its
    constructor takes two arguments, so unpickling it would fail in the executor's result
    thread and break the pool."""

    pid: int  # the process that coded the article
    stored: bool = False
    reports: int = 0
    error: tuple[str, str, str] | None = None

    def raise_error(self) -> None:
        if self.error is None:
            return
        name, source, reason = self.error
        cls = getattr(errors, name, None)
        if not (isinstance(cls, type) and issubclass(cls, InputError)):
            cls = CodingError
        raise cls(source, reason)


# --------------------------------------------------------------------------- in the worker process

_pipeline: Any = None
_stores: OrderedDict[str, Any] = OrderedDict()  # url -> Store, the few most recently written to
MAX_STORES = 4


def build_default_pipeline():
    """The pipeline the API codes with when it is given none: ``Pipeline()``, as before."""
    from ..pipeline import Pipeline

    return Pipeline()


def start_coder(nice: int, build: Callable[[], Any]) -> None:
    """The worker process's initializer: lower its priority, then load the pipeline once."""
    global _pipeline
    if nice:
        os.nice(nice)
    # Ctrl-C in a terminal reaches the whole process group; the API stops its worker itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _pipeline = build()


def code_and_store_in_worker(article: Article, budget_s: float | None, store_url: str) -> WorkerReply:
    """Code one article in the worker (``Pipeline.code_article`` with its budget) and store it
    as the API did (``is_stored`` first, then ``save_article``: one short write, no connection
    held while coding). Storing here too keeps the store's Python work (deduplication, the ORM)
    off the API's GIL, at the worker's lower priority: with 50 readers and 3 writers on two
    cores the API answered about a fifth more reads so than when it stored the articles itself."""
    pid = os.getpid()
    try:
        store = _store(store_url)
        if is_stored(store, article):
            return WorkerReply(pid)
        events = _pipeline.code_article(article, budget_s=budget_s)
        summary = IngestSummary()
        stored = save_article(store, article, events, summary)
        return WorkerReply(pid, stored, summary.reports, _portable(summary.errors[0]) if summary.errors else None)
    except InputError as err:
        return WorkerReply(pid, error=_portable(err))
    except Exception as err:  # noqa: BLE001 - a defect on one article is that article's error, as in Pipeline.run
        return WorkerReply(pid, error=("CodingError", article.source or article.id,
                                       f"the coder failed on it ({type(err).__name__}: {err}); please report it with this input"))  # fmt: skip


def _portable(err: InputError) -> tuple[str, str, str]:
    return type(err).__name__, err.source, err.reason


def _store(url: str):
    """The worker's own connection to the API's store (opened on first use, kept)."""
    from ..store.db import open_store

    store = _stores.pop(url, None) or open_store(url)
    _stores[url] = store
    while len(_stores) > MAX_STORES:
        _stores.popitem(last=False)[1].close()
    return store


# --------------------------------------------------------------------------- in the API's process


class CodingWorker:
    """One coding process, started on first use and replaced whenever it is lost.

    ``build`` makes the pipeline in the worker (a picklable callable: a module-level function
    or class); ``nice`` is added to the worker's niceness."""

    def __init__(self, *, build: Callable[[], Any] = build_default_pipeline, nice: int = NICE, grace_s: float = GRACE_S,
                 start_timeout_s: float = START_TIMEOUT_S):  # fmt: skip
        self.build, self.nice, self.grace_s, self.start_timeout_s = build, nice, grace_s, start_timeout_s
        self._turn = threading.Lock()  # one article in the worker at a time (see the module docstring)
        self._pool: ProcessPoolExecutor | None = None
        self._ready: Future | None = None  # the worker's pid, once its pipeline is loaded
        self.pid: int | None = None  # of the current worker, once ready
        self.coded_by: int | None = None  # the pid that coded the last article
        self.replaced = 0  # workers stopped because they were lost or over time

    def code_and_store(self, article: Article, budget_s: float | None, store_url: str) -> tuple[bool, int]:
        """``article`` coded within ``budget_s`` seconds (plus the grace) and stored in the store
        at ``store_url``, by the worker: whether it was stored (False: it was already) and its
        reports. Raises the article's ``InputError``: ``CodingTimeoutError`` past the budget,
        ``CodingWorkerLostError`` when the worker was lost, and the store's (``ConflictingIdError``,
        ``StoreRejectedError``)."""
        reply = self._run(article, budget_s, store_url)
        reply.raise_error()
        return reply.stored, reply.reports

    def _run(self, article: Article, budget_s: float | None, store_url: str) -> WorkerReply:
        source = article.source or article.id
        with self._turn:
            future = self._submit(source, article, budget_s, store_url)
            try:
                reply: WorkerReply = future.result(timeout=None if budget_s is None else budget_s + self.grace_s)
            except FutureTimeout:
                self._replace()
                raise CodingTimeoutError(source, f"coding took longer than its budget of {budget_s:g} s (the coder did not stop, "
                                                 "so it was stopped); split the article or raise the budget") from None  # fmt: skip
            except BrokenProcessPool:
                self._replace()
                raise CodingWorkerLostError(source, "the coding worker stopped while coding this article (killed, or out of "
                                                    "memory); a new one is starting: try again, and report the article if "
                                                    "it happens again") from None  # fmt: skip
            except Exception as err:  # noqa: BLE001 - e.g. events that would not pickle: this article's error
                raise CodingError(source, f"the coder's result could not be sent back ({type(err).__name__}: {err}); "
                                          "please report it with this input") from None  # fmt: skip
        self.coded_by = reply.pid
        return reply

    def _submit(self, source: str, article: Article, budget_s: float | None, store_url: str) -> Future:
        """The article handed to a ready worker (waiting for it to load its pipeline, if new)."""
        for _ in range(2):
            pool = self._start()
            try:
                self.pid = self._ready.result(timeout=self.start_timeout_s)
            except (BrokenProcessPool, FutureTimeout) as err:
                self._replace()
                why = "did not start in time" if isinstance(err, FutureTimeout) else "could not start (see the server's log)"
                raise CodingWorkerLostError(source, f"the coding worker {why}; a new one is starting, try again") from None
            try:
                return pool.submit(code_and_store_in_worker, article, budget_s, store_url)
            except BrokenProcessPool:
                # the worker died while idle, before this article reached it: not the article's doing
                self._replace()
        raise CodingWorkerLostError(source, "the coding worker stopped before it could take this article; try again")

    def start(self) -> None:
        """Start the worker now (it loads the pipeline in the background) rather than on first use."""
        with self._turn:
            self._start()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker (the app's shutdown); a later ``code_and_store`` would start a new one."""
        with self._turn:
            pool, self._pool, self._ready, self.pid = self._pool, None, None, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the API's process has threads and open database connections
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=start_coder, initargs=(self.nice, self.build))  # fmt: skip
            self._ready = self._pool.submit(os.getpid)  # starts the process; answers once the pipeline is loaded
        return self._pool

    def _replace(self) -> None:
        """Kill the current worker (busy or dead) and start a new one, which loads its pipeline
        while the caller answers its request."""
        pool, self._pool, self._ready, self.pid = self._pool, None, None, None
        self.replaced += 1
        if pool is not None:
            _kill_workers(pool)
            pool.shutdown(wait=False, cancel_futures=True)
        self._start()


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    if hasattr(pool, "kill_workers"):  # Python 3.14+
        pool.kill_workers()
        return
    # before 3.14 an executor has no public way to stop a busy worker: its processes, by pid
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, ValueError):
            pass  # already gone


_shared: CodingWorker | None = None
_shared_lock = threading.Lock()


def shared_coding_worker() -> CodingWorker:
    """The process's default coding worker, shared by the apps in it (one pipeline loaded,
    not one per app: a process serves one app, but a test suite makes many)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = CodingWorker()
        return _shared
