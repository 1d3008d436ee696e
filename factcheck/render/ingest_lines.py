"""What `ingest` prints: a listing bounded by --limit, one summary line, one line when it was interrupted.

Lines, not rich renderables: a cron job keeps them as they are. The command line prints them through `say`,
which strips control characters from titles and paths.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from factcheck.render import counted


class IngestReport(Protocol):
    """What an ingest did (factcheck.ingest.IngestReport; render/ reads it without importing the core)."""

    stored: Sequence[Any]  # each with path, title, published, statements, note
    skipped: Sequence[Any]  # each with path, title, note
    errors: Sequence[str]


def listing(report: IngestReport, limit: int) -> Iterator[str]:
    """A line per document stored, then per document already stored, at most `limit` (0: all), then how many more."""
    shown = 0
    for f in report.stored:
        if limit and shown >= limit:
            break
        yield (f"stored {f.path}: \"{f.title or ''}\" ({f.published or 'undated'}), {f.statements} statements"
               + (f"; {f.note}" if f.note else ""))
        shown += 1
    for f in report.skipped:
        if limit and shown >= limit:
            break
        yield f"already stored {f.path}: \"{f.title or ''}\" ({f.note or 'nothing to do'})"
        shown += 1
    rest = len(report.stored) + len(report.skipped) - shown
    if rest:
        yield f"... and {rest} more (--limit 0 lists them all)"


def summary(report: IngestReport, seconds: float) -> str:
    """One line with exact counts: documents stored (and their statements), already stored, errors, time taken."""
    documents = len(report.stored) + len(report.skipped)
    statements = sum(f.statements for f in report.stored)
    return (f"ingested {counted(documents, 'document')} in {seconds:.1f} s: {len(report.stored)} stored "
            f"({counted(statements, 'statement')}), {len(report.skipped)} already stored, "
            f"{counted(len(report.errors), 'error')}")


def interrupted(report: IngestReport | None) -> str:
    """What an interrupted ingest left behind: each document stored whole, the rest not at all.
    `report` is None when the interruption came before the count could be taken."""
    if report is None:
        done = "(the documents stored before it are kept)"
    else:
        done = (f"after {counted(len(report.stored) + len(report.skipped), 'document')}: {len(report.stored)} stored, "
                f"{len(report.skipped)} already stored")
    return (f"ingest interrupted {done}; the rest were not stored "
            "(run the same ingest again to finish: what is stored is skipped)")
