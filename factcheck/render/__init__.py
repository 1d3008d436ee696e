"""Findings -> output. Dicts for JSON live here; rich renderables and other formats in sibling modules."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from operator import attrgetter
from typing import Any

from factcheck.model import FLAG_STATES, SEVERITIES, TRIAGE, Finding, Flag, Report, Statement, severity_rank
from factcheck.render.safe import encoded


TRIAGE_OF = attrgetter(*TRIAGE)  # a Flag's triage values


def counted(n: int, noun: str) -> str:
    """'1 flag', '3 flags': a count and its noun, plural unless the count is one."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def statement_dict(s: Statement) -> dict[str, Any]:
    """A cited statement as the JSON contract in DESIGN.md has it."""
    return {"id": s.id, "text": s.text, "source": s.source, "source_kind": s.source_kind, "channel": s.channel,
            "document": s.document, "document_id": s.document_id, "outlet": s.outlet, "date": s.date,
            "quote": s.quote, "start": s.start, "end": s.end}


def finding_dict(f: Finding, flag_id: str | None = None) -> dict[str, Any]:
    """A flag or pass as the JSON contract in DESIGN.md has it; a stored flag's id given (not computed again)."""
    out: dict[str, Any] = {"rule": f.rule, "kind": f.kind, "severity": f.severity, "message": f.message,
                           "detail": f.detail, "statements": [statement_dict(s) for s in f.statements]}
    if f.outcome == "flag":
        out = {"id": flag_id or f.fingerprint, **out}
    return out


def record_dict(rec: Flag) -> dict[str, Any]:
    """A flag with its triage state as JSON: DESIGN.md's flag shape plus state, note, who and when."""
    return {**finding_dict(rec.finding, rec.id), **triage_dict(rec)}


def triage_dict(rec: Flag) -> dict[str, Any]:
    """What record_dict adds to the flag's shape."""
    return _triage(TRIAGE_OF(rec), rec.history)


def _triage(values: Sequence[str | None], history: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """triage_dict of these triage values (TRIAGE's order) and verdicts."""
    return {**dict(zip(TRIAGE, values)), "history": [dict(h) for h in history]}


def record_json(item: str, triage: Sequence[str | None], history: Sequence[Mapping[str, Any]] = ()) -> str:
    """record_dict's JSON on one line (safe.encoded) from the flag's JSON item as verify writes it (encoded
    finding_dict, made while its statements were alive), its triage values (in TRIAGE's order) and history: the
    same text. Without history, each triage is encoded once: a whole run's new flags share a few."""
    return item[:-1] + ", " + (encoded(_triage(triage, history))[1:] if history else _triage_json(tuple(triage)))


@lru_cache(maxsize=256)
def _triage_json(values: tuple[str | None, ...]) -> str:
    """What record_json appends for a flag with these triage values and no history."""
    return encoded(_triage(values, ()))[1:]


def marks(s: Statement) -> list[tuple[int, int]]:
    """Spans of the statement's figures and state words (relative to its text), sorted, merged, in bounds."""
    spans = sorted((x.start, x.end) for x in (*s.quantities, *s.statuses) if 0 <= x.start < x.end <= len(s.text))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def pieces(s: Statement) -> list[tuple[str, bool]]:
    """The statement's text cut into (piece, highlighted) runs."""
    out, pos = [], 0
    for start, end in marks(s):
        if start > pos:
            out.append((s.text[pos:start], False))
        out.append((s.text[start:end], True))
        pos = end
    if pos < len(s.text) or not out:
        out.append((s.text[pos:], False))
    return out


def who(s: Statement) -> str:
    """Source and channel: 'Donald Trump · Truth Social', or 'the story' for the writer's narration."""
    return " · ".join(x for x in (s.source or "the story", s.channel) if x)


def where(s: Statement, story: int | None = None) -> str:
    """Outlet, date and (when it is not the story being shown) the document title."""
    parts = [s.outlet or "", s.date or s.published or "undated"]
    if s.document_id != story and s.document:
        parts.append(f"in \u201c{s.document}\u201d")
    return " · ".join(p for p in parts if p)


def story_key(f: Finding) -> tuple[int, str]:
    """(document id, heading) of the story a finding belongs to: its first cited statement's."""
    if not f.statements:
        return (-1, "no statements")
    s = f.statements[0]
    details = " · ".join(x for x in (s.outlet, s.published) if x)
    heading = s.document or f"story {s.document_id}"
    return (s.document_id if s.document_id is not None else -1, f"{heading} ({details})" if details else heading)


def by_story(records: Sequence[Flag]) -> list[tuple[int, str, list[Flag]]]:
    """Flags grouped by story, stories with an error first (then a warning), else in database order; flags
    most severe first within a story."""
    groups: dict[tuple[int, str], list[Flag]] = {}
    for rec in records:
        groups.setdefault(story_key(rec.finding), []).append(rec)
    worst = {k: max(severity_rank(r.finding.severity) for r in recs) for k, recs in groups.items()}
    order = sorted(groups, key=lambda k: (-worst[k], k[0] < 0, k[0]))
    return [(k[0], k[1], sorted(groups[k], key=lambda r: r.order)) for k in order]


def listed(report: Report) -> tuple[list[Flag], list[str]]:
    """The flags a report lists in full (most severe first, within the report's limit) and one line for
    each severity it only counts (below report.list_from; a flag an editor confirmed is always listed) and
    for the flags past the limit."""
    floor = severity_rank(report.list_from)
    full = [severity_rank(r.finding.severity) >= floor or r.state == "confirmed" for r in report.flags]
    shown = [r for r, f in zip(report.flags, full) if f]
    lines = []
    for severity in reversed(SEVERITIES[:floor]):
        kinds = Counter(r.finding.kind for r, f in zip(report.flags, full) if not f and r.finding.severity == severity)
        if kinds:
            total = sum(kinds.values())
            noun = {"info": "info note", "warning": "warning", "error": "error"}[severity]
            told = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
            lines.append(f"{counted(total, noun)} not listed ({told}): --severity {severity} lists them")
    if report.limit and len(shown) > report.limit:
        rest = len(shown) - report.limit
        shown = sorted(shown, key=lambda r: r.order)[:report.limit]
        lines.append(f"{counted(rest, 'more flag')} not listed: --limit 0 lists all")
    return shown, lines


def headline(report: Report) -> list[str]:
    """Counts for the top of a report: flags by severity and state, checks passed, database size."""
    sev = Counter(r.finding.severity for r in report.flags)
    states = Counter(r.state for r in report.flags if r.state)
    n = len(report.flags)
    first = counted(n, "flag")
    if n:
        first += ": " + ", ".join(f"{sev[s]} {s}" for s in reversed(SEVERITIES) if sev[s])
    if states:
        first += " (" + ", ".join(f"{states[s]} {s}" for s in ("new", *FLAG_STATES) if states[s]) + ")"
    p = len(report.passed) if report.passed_total is None else report.passed_total
    second = [f"{counted(p, 'check')} passed"]
    c = report.counts
    for key, name in (("documents", "stor"), ("sources", "source"), ("statements", "statement")):
        if key in c:
            plural = ("ies" if name == "stor" else "s") if c[key] != 1 else ("y" if name == "stor" else "")
            second.append(f"{c[key]} {name}{plural}")
    lines = [first, " · ".join(second)]
    if report.filters and report.filters.describe():
        lines.append(f"showing {report.filters.describe()}")
    return lines


def history_lines(rec: Flag) -> list[str]:
    """'2025-05-24 dismissed by ana: two ferries', one line per verdict, oldest first."""
    return [f"{(h['at'] or '')[:10]} {h['state']} by {h['by']}" + (f": {h['note']}" if h["note"] else "") for h in rec.history]


def triage_lines(rec: Flag) -> list[str]:
    """'dismissed by ana on 2025-05-24: note', or 'open since 2025-05-23' and why it was reopened; none for a draft's flag."""
    if not rec.state:
        return []
    if rec.triaged_by and rec.state in ("confirmed", "dismissed"):
        return [f"{rec.state} by {rec.triaged_by} on {(rec.triaged_at or '')[:10]}" + (f": {rec.note}" if rec.note else "")]
    if rec.state == "resolved":
        lines = [f"resolved on {(rec.resolved_at or '')[:10]}: no longer found"]
    else:
        lines = [f"{rec.state} since {(rec.first_seen or '')[:10]}"]
    if rec.reopened_reason:
        lines.append(f"reopened: {rec.reopened_reason}")
    if rec.note:
        lines.append(f"note: {rec.note}")
    return lines


def verified(report: Report) -> tuple[list[Finding], list[str]]:
    """The checks that held a report lists (at most its limit) and a line for those it does not."""
    total = len(report.passed) if report.passed_total is None else report.passed_total
    shown = list(report.passed[:report.limit] if report.limit else report.passed)
    rest = total - len(shown)
    return shown, [f"{counted(rest, 'more check')} passed, not listed: --limit 0 lists all"] if rest else []


def passed_line(f: Finding) -> str:
    """'270 soldiers + 120 civilians = 390 prisoners' (the check's detail, else its message)."""
    return f.detail or f.message
