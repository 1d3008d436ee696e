"""Findings -> output. Dicts for JSON live here; rich renderables and other formats in sibling modules."""
from __future__ import annotations

from typing import Any

from factcheck.model import Finding, Statement


def statement_dict(s: Statement) -> dict[str, Any]:
    """A cited statement as the JSON contract in DESIGN.md has it."""
    return {"id": s.id, "text": s.text, "source": s.source, "source_kind": s.source_kind, "channel": s.channel,
            "document": s.document, "document_id": s.document_id, "outlet": s.outlet, "date": s.date,
            "quote": s.quote, "start": s.start, "end": s.end}


def finding_dict(f: Finding) -> dict[str, Any]:
    """A flag or pass as the JSON contract in DESIGN.md has it."""
    out: dict[str, Any] = {"rule": f.rule, "kind": f.kind, "severity": f.severity, "message": f.message,
                           "detail": f.detail, "statements": [statement_dict(s) for s in f.statements]}
    if f.outcome == "flag":
        out = {"id": f.fingerprint, **out}
    return out


def stored_flag_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A stored flag (with triage state) as JSON."""
    keys = ("id", "rule", "kind", "severity", "message", "detail", "state", "first_seen", "last_seen", "resolved_at",
            "note", "triaged_by", "triaged_at", "reopened_reason")
    return {**{k: row.get(k) for k in keys}, "statements": [statement_dict(s) for s in row.get("statements", [])]}
