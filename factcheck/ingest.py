"""Ingest: files -> documents -> statements -> claims.db: read in order, extracted on every core, stored a batch
of documents per transaction, each document whole or not at all."""
from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import FactcheckError, InputError, StoreError
from factcheck.extract.pool import Extracted, Extraction
from factcheck.lexicon import Lexicon
from factcheck.model import Document, Statement
from factcheck.read import MAX_BYTES, STREAMED, Meta, article_files, file_documents
from factcheck.store import Store


@dataclass(frozen=True)
class Filed:
    """A document as the ingest report names it: file, headline, day and statement count, not its text
    (a large feed streams through; its texts are not all held at once)."""

    path: str
    title: str | None
    published: str | None
    statements: int = 0
    note: str = ""  # 'new version of story 3', 'another appearance of story 5'
    dated_from: str | None = None  # Document.published_from

    @classmethod
    def of(cls, doc: Document, statements: int = 0, note: str = "") -> "Filed":
        return cls(doc.path or "", doc.title, doc.published, statements, note, doc.published_from)


@dataclass
class IngestReport:
    """What one `ingest` call did, file by file."""

    stored: list[Filed] = field(default_factory=list)
    skipped: list[Filed] = field(default_factory=list)  # already stored
    errors: list[str] = field(default_factory=list)
    document_ids: list[int] = field(default_factory=list)


@dataclass
class Progress:
    """How far an ingest has come, handed to the `progress` callback as documents are read and stored."""

    report: IngestReport
    files: int | None  # files to read, counted at the start; None when one is a feed (its rows are not counted ahead)
    files_read: int = 0
    current: str = ""  # the file being read

    @property
    def done(self) -> int:
        """Documents stored, found already stored or refused so far."""
        return len(self.report.stored) + len(self.report.skipped) + len(self.report.errors)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during an ingest, raised once the documents extracted so far are stored; `report` says what was."""

    def __init__(self, report: IngestReport) -> None:
        super().__init__()
        self.report = report


BATCH = 64  # documents stored per transaction: one commit, one sync to disk, for many documents
BATCH_SECONDS = 2.0  # ... or fewer: no document read waits longer than this to be stored
# SQLite's page cache while an ingest stores (its default is 2 MiB): the pages of the statements' indexes stay in
# memory from one batch to the next instead of being read from the file again (half of storing's system CPU)
INGEST_CACHE_KIB = 16_384


def ingest(store: Store, paths: list[str], meta: Meta, lex: Lexicon, dry_run: bool = False,
           max_bytes: int = MAX_BYTES, processes: int | None = None,
           progress: Callable[[Progress], None] | None = None
           ) -> tuple[IngestReport, list[tuple[Document, list[Statement]]]]:
    """Read, extract and store; returns the report and, on a dry run, the (document, statements) pairs extracted.

    Documents are extracted by `processes` worker processes (default: one per core; see extract/pool.py)
    and stored in the order read, BATCH at a time (or those read in BATCH_SECONDS), each batch in one
    transaction, so each document is stored whole or not at all; a bad input holds back nothing else. A
    text already stored, by an earlier call or by another process a moment ago, is reported as such. An
    interrupted ingest stores what it had extracted, then raises Interrupted. `progress`, if given, is called
    with a Progress as each document is read and each batch stored.
    """
    report = IngestReport()
    extracted: list[tuple[Document, list[Statement]]] = []
    extraction = Extraction(lex, processes, rows=not dry_run)
    state = Progress(report, None)
    tell = progress or (lambda state: None)
    batch = _Batch(store, report, lambda: tell(state))
    doc = None
    with store.page_cache(INGEST_CACHE_KIB), _settled():
        try:
            files = list(article_files(paths))  # the names only: no file is opened before its turn
            if not any(isinstance(f, Path) and f.suffix.lower() in STREAMED for f in files):
                state.files = sum(isinstance(f, Path) for f in files)
            for doc in _read(files, meta, max_bytes, state):
                tell(state)
                if isinstance(doc, FactcheckError):
                    report.errors.append(str(doc))
                    continue
                sha = doc.sha256
                if sha in batch.waiting:
                    batch.add_all(extraction.rest())  # the same text again: stored first, this copy is then seen as stored
                    batch.flush()
                existing = store.document_by_sha(sha)
                if existing and not dry_run:
                    seen = store.add_appearance(existing["id"], doc)
                    report.skipped.append(Filed.of(doc, note=f"another appearance of story {existing['id']}" if seen else ""))
                    report.document_ids.append(existing["id"])
                    continue
                if dry_run:
                    extracted += extraction.put(doc)
                    continue
                batch.waiting.add(sha)
                batch.add_all(extraction.put(doc))
            if dry_run:
                extracted += extraction.rest()
            batch.add_all(extraction.rest())
            batch.flush()
        except StoreError as exc:
            # the database itself refuses (locked, read-only, full): every later document would fail the same way
            first = batch.documents[0][0] if batch.documents else doc
            report.errors.append(f"{exc} ({first.path if first else ''} and any files after it not stored)")
        except KeyboardInterrupt:
            batch.flush()
            raise Interrupted(report) from None
        finally:
            extraction.close()
    tell(state)
    return report, extracted


@contextmanager
def _settled() -> Iterator[None]:
    """Within the block, the cycle collector's full passes leave alone what was alive at its start (rules, lexicon)
    and what gc.freeze() settles meanwhile (_Batch.flush): a full pass walked them all again, some 0.15 s of an
    ingest's own CPU on the train articles. Cycles among the objects made since are still collected."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _read(files: list[Path | InputError], meta: Meta, max_bytes: int, state: Progress
          ) -> Iterable[Document | InputError]:
    """Every document of every file in order (read.documents, counting the files read into `state`)."""
    for item in files:
        if isinstance(item, InputError):
            yield item
            continue
        state.current = str(item)
        yield from file_documents(item, meta, max_bytes)
        state.files_read += 1


class _Batch:
    """Extracted documents waiting to be stored together, in one transaction: one commit, one sync to disk."""

    def __init__(self, store: Store, report: IngestReport, stored: Callable[[], None] = lambda: None) -> None:
        self.store, self.report, self.stored = store, report, stored  # stored(): called after each batch
        self.documents: list[tuple[Document, Extracted]] = []
        self.waiting: set[str] = set()  # the texts (sha256) handed to extraction and not yet stored
        self.started = 0.0  # when the first of them was extracted
        self.flushed = False  # a batch stored already

    def add_all(self, done: Iterable[tuple[Document, Extracted]]) -> None:
        """Add extracted documents; the batch is stored when it is full or its first document waited long enough."""
        for pair in done:
            if not self.documents:
                self.started = time.monotonic()
            self.documents.append(pair)
            if len(self.documents) >= BATCH or time.monotonic() - self.started >= BATCH_SECONDS:
                self.flush()

    def flush(self) -> None:
        """Store the batch in one transaction and report each document; the batch is empty afterwards."""
        if not self.documents:
            return
        for (doc, statements), (doc_id, new) in zip(self.documents, self.store.store_documents(self.documents)):
            self.waiting.discard(doc.sha256)
            if new:
                earlier = self.store.replaced(doc_id)
                note = f"new version of story {', '.join(map(str, earlier))}" if earlier else ""
                self.report.stored.append(Filed.of(doc, len(statements), note))
            else:
                self.report.skipped.append(Filed.of(doc))
            self.report.document_ids.append(doc_id)
        self.documents.clear()
        if not self.flushed:  # what extraction loaded in this process as it began (the gazetteer) lives on
            self.flushed = True
            gc.freeze()
        self.stored()
