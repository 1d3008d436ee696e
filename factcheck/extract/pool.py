"""Extraction of many documents on several cores: documents in, (document, statements) out, in the order given.

Extraction is a pure function of one document and the lexicon, so worker processes can share it out; the
caller keeps reading and storing. The first POOL_AFTER documents are extracted in this process (one file is
not worth starting workers for, and the first extraction loads what the workers then share), and at most AHEAD
documents per worker are in flight, so a long feed is never held in memory.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from factcheck.extract import extract
from factcheck.lexicon import Lexicon
from factcheck.model import Document, Statement
from factcheck.store import Rows

# documents extracted here before the workers start: the first loads the gazetteer and compiles the patterns (some
# 0.1 s), which the forked workers inherit; each further one (some 7 ms) would keep the second core idle
POOL_AFTER = 1
AHEAD = 32  # documents in flight per worker: a chunk queued behind the one it extracts, while a batch is stored
# documents a worker takes at a time: each task costs this process a pickling, wake-ups of its pool threads and a
# future (from 4 a task to 16, the train articles took some 0.06 to 0.1 s less of its CPU)
CHUNK = 16
# Past this, a worker adds its memory (some 70 MB) for little: reading and storing, in the ingest's own
# process, take about a quarter of the time extraction takes.
MAX_WORKERS = 4

_lexicon: Lexicon | None = None  # a worker's lexicon
Extracted = list[Statement] | Rows  # a document's statements, or (Extraction(rows=True)) the rows the store inserts


def workers() -> int:
    """The worker processes to start: one per core this process may run on (MAX_WORKERS at most), none on a
    single core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(cores, MAX_WORKERS) if cores > 1 and "fork" in multiprocessing.get_all_start_methods() else 0


class Extraction:
    """Documents handed in one at a time, extracted here or by worker processes, given back in order."""

    def __init__(self, lex: Lexicon, processes: int | None = None, rows: bool = False) -> None:
        self.lex = lex
        self.processes = workers() if processes is None else processes
        self.rows = rows  # give back each document's statements as the store's Rows (cheaper from a worker)
        self.pool: ProcessPoolExecutor | None = None
        self.waiting: list[Document] = []  # the next chunk, not handed to a worker yet
        self.in_flight: deque[tuple[list[Document], Future[list[Extracted]]]] = deque()
        self.handed = 0

    def put(self, doc: Document) -> Iterator[tuple[Document, Extracted]]:
        """Hand in a document; yields those whose extraction is done and whose turn it is."""
        self.handed += 1
        if self.processes < 2 or self.handed <= POOL_AFTER:
            yield doc, _extracted(doc, self.lex, self.rows)
            return
        if self.pool is None:
            # forked: the workers get the lexicon as it is (only documents and statements are pickled)
            self.pool = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_start_worker, initargs=(self.lex,))
        self.waiting.append(doc)
        if len(self.waiting) == CHUNK:
            self._hand(self.waiting)
            self.waiting = []
        while len(self.in_flight) * CHUNK > AHEAD * self.processes:
            yield from self._next()

    def rest(self) -> Iterator[tuple[Document, Extracted]]:
        """Every document still in flight, in order. What waits for a chunk to fill is shared out among the workers."""
        waiting, self.waiting = self.waiting, []
        share = -(-len(waiting) // self.processes) if waiting else 1  # (rounded up; waiting: the workers started)
        for at in range(0, len(waiting), share):
            self._hand(waiting[at:at + share])
        while self.in_flight:
            yield from self._next()

    def _hand(self, docs: list[Document]) -> None:
        assert self.pool is not None, "documents wait for a chunk only once the workers are started"
        self.in_flight.append((docs, self.pool.submit(_extract, docs, self.rows)))

    def _next(self) -> Iterator[tuple[Document, Extracted]]:
        docs, future = self.in_flight.popleft()
        yield from zip(docs, future.result(), strict=True)

    def close(self) -> None:
        """Stop the workers; documents still in flight are dropped."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None
        self.waiting = []
        self.in_flight.clear()


def _start_worker(lex: Lexicon) -> None:
    global _lexicon
    _lexicon = lex
    # what the worker inherited (lexicon, gazetteer) lives as long as it does: the collector need not walk it
    gc.freeze()
    # Ctrl-C reaches the whole process group: the ingest that started the workers handles it, they do not
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extracted(doc: Document, lex: Lexicon, rows: bool) -> Extracted:
    return Rows(extract(doc, lex)) if rows else extract(doc, lex)


def _extract(docs: list[Document], rows: bool) -> list[Extracted]:
    assert _lexicon is not None, "set when the worker starts"
    return [_extracted(doc, _lexicon, rows) for doc in docs]
