"""Ingest: files -> documents -> statements -> claims.db, each document in its own transaction, stored as soon as it is read."""
from __future__ import annotations

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


def ingest(store: Store, paths: list[str], meta: Meta, lex: Lexicon, dry_run: bool = False,
           max_bytes: int = MAX_BYTES) -> tuple[IngestReport, list[tuple[Document, list[Statement]]]]:
    """Read, extract and store; returns the report and, on a dry run, the (document, statements) pairs extracted.

    Each document is stored before the next is read, so a bad input holds back nothing else. A text
    already stored, by an earlier call or by another process a moment ago, is reported as such.
    """
    report = IngestReport()
    extracted = []
    for doc in documents(paths, meta, max_bytes):
        if isinstance(doc, FactcheckError):
            report.errors.append(str(doc))
            continue
        existing = store.document_by_sha(doc.sha256)
        if existing and not dry_run:
            seen = store.add_appearance(existing["id"], doc)
            report.skipped.append(Filed.of(doc, note=f"another appearance of story {existing['id']}" if seen else ""))
            report.document_ids.append(existing["id"])
            continue
        statements = extract(doc, lex)
        if dry_run:
            extracted.append((doc, statements))
            continue
        try:
            doc_id, new = store.store_document(doc, statements)
        except StoreError as exc:
            # the database itself refuses (locked, read-only): every later document would fail the same way
            report.errors.append(f"{exc} ({doc.path} and any files after it not stored)")
            break
        if new:
            earlier = store.replaced(doc_id)
            note = f"new version of story {', '.join(map(str, earlier))}" if earlier else ""
            report.stored.append(Filed.of(doc, len(statements), note))
        else:
            report.skipped.append(Filed.of(doc))
        report.document_ids.append(doc_id)
    return report, extracted
