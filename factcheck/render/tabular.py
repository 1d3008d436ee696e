"""The report as CSV: one row per flag and cited statement, safe to open in a spreadsheet."""
from __future__ import annotations

import csv
import io
from typing import Any

from factcheck.model import Report
from factcheck.render.safe import clean

COLUMNS = ("flag_id", "state", "severity", "rule", "kind", "message", "detail", "note", "triaged_by", "triaged_at",
           "first_seen", "position", "statement_id", "source", "channel", "outlet", "document", "date", "text")
FORMULA_START = ("=", "+", "-", "@", "\t")


def cell(value: Any) -> str:
    """A value as a cell, without control characters (a lone CR would end the row in a spreadsheet); each of its
    lines that a spreadsheet would read as a formula gets a leading apostrophe. The writer quotes cells holding LF."""
    text = clean("" if value is None else str(value))
    return "\n".join("'" + line if line.lstrip(" ").startswith(FORMULA_START) else line for line in text.split("\n"))


def report_csv(report: Report) -> str:
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(COLUMNS)
    for rec in report.flags:
        f = rec.finding
        head = (rec.id, rec.state, f.severity, f.rule, f.kind, f.message, f.detail, rec.note, rec.triaged_by,
                rec.triaged_at, rec.first_seen)
        for pos, s in enumerate(f.statements or (None,)):
            tail = (pos, s.id, s.source, s.channel, s.outlet, s.document, s.date or s.published, s.text) if s else ("",) * 8
            out.writerow([cell(v) for v in (*head, *tail)])
    return buf.getvalue()
