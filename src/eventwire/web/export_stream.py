"""An export as an HTTP body: the store's writers push text, a response pulls bytes.

The writers of ``store.export`` write to a file; a response body is read by the server
as it sends it. A thread runs the export into a small bounded queue and the response
takes chunks from it, so memory holds a few chunks whatever the number of events, and
a client that stops reading stops the export (the next write raises ``Cancelled``).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator

CHUNK_CHARS = 64 * 1024
QUEUED_CHUNKS = 8
_END = object()
log = logging.getLogger(__name__)


class Cancelled(Exception):
    """The client went away: the export stops."""


class _QueueWriter:
    """A text stream whose writes become UTF-8 chunks in ``chunks`` (a bounded queue)."""

    def __init__(self, chunks: queue.Queue, stopped: threading.Event):
        self.chunks, self.stopped = chunks, stopped
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= CHUNK_CHARS:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if not self.parts:
            return
        data = "".join(self.parts).encode("utf-8")
        self.parts, self.size = [], 0
        while True:  # put, but notice a client that went away while the queue is full
            if self.stopped.is_set():
                raise Cancelled
            try:
                self.chunks.put(data, timeout=0.5)
                return
            except queue.Full:
                continue


def stream_export(run: Callable[[_QueueWriter], object]) -> Iterator[bytes]:
    """The bytes ``run(out)`` writes to ``out``, as it writes them (``run`` runs in a thread)."""
    chunks: queue.Queue = queue.Queue(maxsize=QUEUED_CHUNKS)
    stopped = threading.Event()
    out = _QueueWriter(chunks, stopped)

    def produce() -> None:
        try:
            run(out)
            out.flush()
        except Cancelled:
            return
        except Exception:  # the status line is sent: the body just ends, and the log says why
            log.exception("export failed part-way")
        finally:
            while not stopped.is_set():
                try:
                    chunks.put(_END, timeout=0.5)
                    break
                except queue.Full:
                    continue

    worker = threading.Thread(target=produce, name="eventwire-export", daemon=True)
    worker.start()
    try:
        while (chunk := chunks.get()) is not _END:
            yield chunk
    finally:
        stopped.set()  # a client that stopped reading stops the export at its next write
