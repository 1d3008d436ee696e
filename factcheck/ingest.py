"""Ingest: files -> documents -> statements -> claims.db, each document in its own transaction, stored as soon as it is read."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from factcheck.errors import FactcheckError, StoreError
from factcheck.extract import extract
from factcheck.lexicon import Lexicon
from factcheck.model import Document, Statement
from factcheck.read import MAX_BYTES, Meta, documents
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


BATCH = 64  # documents stored per transaction: one commit, one sync to disk, for many documents
BATCH_SECONDS = 2.0  # ... or fewer: no document read waits longer than this to be stored


def ingest(store: Store, paths: list[str], meta: Meta, lex: Lexicon, dry_run: bool = False,
           max_bytes: int = MAX_BYTES) -> tuple[IngestReport, list[tuple[Document, list[Statement]]]]:
    """Read, extract and store; returns the report and, on a dry run, the (document, statements) pairs extracted.

    Documents are stored BATCH at a time (or those read in BATCH_SECONDS), each batch in one transaction,
    so each document is stored whole or not at all; a bad input holds back nothing else. A text already stored, by an earlier call or by
    another process a moment ago, is reported as such. An interrupted ingest stores what it had read.
    """
    report = IngestReport()
    extracted: list[tuple[Document, list[Statement]]] = []
    batch: list[tuple[Document, list[Statement]]] = []
    waiting: set[str] = set()  # the texts (sha256) in the batch
    doc = None
    started = 0.0  # when the batch's first document was read
    try:
        for doc in documents(paths, meta, max_bytes):
            if isinstance(doc, FactcheckError):
                report.errors.append(str(doc))
                continue
            sha = doc.sha256
            if sha in waiting:
                _store(store, batch, report)  # the same text again: stored first, this copy is then seen as stored
                waiting.clear()
            existing = store.document_by_sha(sha)
            if existing and not dry_run:
                seen = store.add_appearance(existing["id"], doc)
                report.skipped.append(Filed.of(doc, note=f"another appearance of story {existing['id']}" if seen else ""))
                report.document_ids.append(existing["id"])
                continue
            statements = extract(doc, lex)
            if dry_run:
                extracted.append((doc, statements))
                continue
            if not batch:
                started = time.monotonic()
            batch.append((doc, statements))
            waiting.add(sha)
            if len(batch) >= BATCH or time.monotonic() - started >= BATCH_SECONDS:
                _store(store, batch, report)
                waiting.clear()
        _store(store, batch, report)
    except StoreError as exc:
        # the database itself refuses (locked, read-only, full): every later document would fail the same way
        first = batch[0][0] if batch else doc
        report.errors.append(f"{exc} ({first.path} and any files after it not stored)")
    except KeyboardInterrupt:
        _store(store, batch, report)
        raise
    return report, extracted


def _store(store: Store, batch: list[tuple[Document, list[Statement]]], report: IngestReport) -> None:
    """Store the batch in one transaction and report each document; the batch is empty afterwards."""
    if not batch:
        return
    for (doc, statements), (doc_id, new) in zip(batch, store.store_documents(batch)):
        if new:
            earlier = store.replaced(doc_id)
            note = f"new version of story {', '.join(map(str, earlier))}" if earlier else ""
            report.stored.append(Filed.of(doc, len(statements), note))
        else:
            report.skipped.append(Filed.of(doc))
        report.document_ids.append(doc_id)
    batch.clear()
