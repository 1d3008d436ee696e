"""duration-mismatch: a stated duration ("nearly four years of war") against the dates on record.

Reads what extraction recorded: each statement's durations (a Quantity in days, weeks, months or years,
its interval already read with its hedge, the event it measures as category) and, for statements that
say when their event began ("launched its full-scale invasion in February 2022"), the span of the
earliest date they name (`began`). Blocks by event: the event's start is the earliest stated start in
the database; the end is the story's own date.
TOML params: `slack_years` (default 0.1).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from factcheck.checks.common import block, day, finding, who
from factcheck.dates import parse_iso
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Rule, Statement

PARAMS = {"slack_years": 0.1}
UNIT_YEARS = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25}


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    starts = _starts(statements)
    out = []
    slack = float(rule.params["slack_years"])
    claims = [(s, q) for s in statements for q in s.durations]
    for key, group in block(claims, lambda c: c[1].category).items():
        if key not in starts:
            continue
        start_stmt, first, last = starts[key]
        for s, q in group:
            ref = parse_iso(s.published)
            if ref is None or ref < first:
                continue
            unit = UNIT_YEARS[q.unit or "year"]
            stated_lo, stated_hi = q.low * unit, q.high * unit
            actual_lo, actual_hi = (ref - last).days / 365.25, (ref - first).days / 365.25
            if stated_hi + slack < actual_lo or actual_hi + slack < stated_lo:
                out.append(finding(
                    rule, "flag", [s, start_stmt],
                    f"'{q.text}' but {start_stmt.date_text or first.isoformat()} to {day(s.published)} is "
                    f"{actual_lo:.1f}-{actual_hi:.1f} years",
                    a=who(s), claim=q.text, start=_start_text(start_stmt, first), end=day(s.published),
                    actual=f"{(actual_lo + actual_hi) / 2:.1f} years"))
    return out


def _start_text(s: Statement, first: date) -> str:
    return f"{first.strftime('%B %Y')} ({s.source or s.outlet or 'the story'})"


def _starts(statements: Sequence[Statement]) -> dict[str, tuple[Statement, date, date]]:
    """The earliest stated start of each event."""
    found: dict[str, tuple[Statement, date, date]] = {}
    for s in statements:
        if not s.event or not s.began:
            continue
        first, last = (date.fromisoformat(d) for d in s.began.split("/"))
        if s.event not in found or first < found[s.event][1]:
            found[s.event] = (s, first, last)
    return found
