"""Ingest: files -> documents -> statements -> claims.db, each document in its own transaction."""
from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.errors import FactcheckError, StoreError
from factcheck.extract import extract
from factcheck.lexicon import Lexicon
from factcheck.model import Document, Statement
from factcheck.read import Meta, article_files, read_file
from factcheck.store import Store


@dataclass
class IngestReport:
    """What one `ingest` call did, file by file."""

    stored: list[tuple[str, Document, int]] = field(default_factory=list)  # (path, document, statements)
    skipped: list[tuple[str, Document]] = field(default_factory=list)  # already stored
    errors: list[str] = field(default_factory=list)
    document_ids: list[int] = field(default_factory=list)


def read_documents(paths: list[str], meta: Meta, report: IngestReport) -> list[Document]:
    """Documents from every readable file; unreadable ones are recorded in report.errors."""
    docs: list[Document] = []
    for item in article_files(paths):
        if isinstance(item, FactcheckError):
            report.errors.append(str(item))
            continue
        try:
            docs.extend(read_file(item, meta))
        except FactcheckError as exc:
            report.errors.append(str(exc))
    return docs


def ingest(store: Store, paths: list[str], meta: Meta, lex: Lexicon, dry_run: bool = False) -> tuple[IngestReport, list[tuple[Document, list[Statement]]]]:
    """Read, extract and store; returns the report and (document, statements) pairs extracted."""
    report = IngestReport()
    extracted = []
    for doc in read_documents(paths, meta, report):
        existing = store.document_by_sha(doc.sha256)
        if existing and not dry_run:
            report.skipped.append((doc.path or "", doc))
            report.document_ids.append(existing["id"])
            continue
        statements = extract(doc, lex)
        extracted.append((doc, statements))
        if dry_run:
            continue
        try:
            doc_id = store.add_document(doc, statements)
        except StoreError as exc:
            # the database itself refuses (locked, read-only): every later document would fail the same way
            report.errors.append(f"{exc} ({doc.path} and any files after it not stored)")
            break
        report.stored.append((doc.path or "", doc, len(statements)))
        report.document_ids.append(doc_id)
    return report, extracted
