"""duration-mismatch: a stated duration ("nearly four years of war") against the dates on record.

Blocks by event: the event's start is taken from any statement in the database that says when it
began ("launched its full-scale invasion in February 2022"); the end is the story's own date.
TOML params: `slack_years` (default 0.1), `start_pattern` (regex of verbs that mark a start).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from factcheck.checks.common import block, day, finding, who
from factcheck.dates import find_dates, parse_iso
from factcheck.extract.quantities import word_value
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Rule, Statement

PARAMS = {"slack_years": 0.1, "start_pattern": r"\b(?:launched|began|begun|started|broke out|erupted|invaded|invasion)\b"}
UNIT_YEARS = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25}
HEDGE = {"nearly": (0.85, 1.0), "almost": (0.85, 1.0), "about": (0.85, 1.15), "around": (0.85, 1.15),
         "roughly": (0.85, 1.15), "some": (0.85, 1.15), "more than": (1.0, 1.5), "over": (1.0, 1.5),
         "just over": (1.0, 1.15), "just under": (0.85, 1.0), "at least": (1.0, 2.0)}
DURATION = re.compile(
    r"\b(?:(?P<hedge>nearly|almost|about|around|roughly|some|more than|over|just over|just under|at least)\s+)?"
    r"(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit>year|month|week|day)s?\s+(?:of|into)\s+(?:the\s+)?(?:[\w-]+\s+)?(?P<what>\w+)", re.I)


def _durations(s: Statement, lex: Lexicon) -> list[tuple[re.Match[str], str]]:
    return [(m, lex.events[m["what"].lower()]) for m in DURATION.finditer(s.text) if m["what"].lower() in lex.events]


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    starts = _starts(statements, rule)
    out = []
    slack = float(rule.params["slack_years"])
    claims = [(s, m, key) for s in statements for m, key in _durations(s, lex)]
    for key, group in block(claims, lambda c: c[2]).items():
        if key not in starts:
            continue
        start_stmt, first, last = starts[key]
        for s, m, _ in group:
            ref = parse_iso(s.published)
            if ref is None or ref < first:
                continue
            n = float(m["n"]) if m["n"][0].isdigit() else word_value(m["n"]) or 0
            lo_f, hi_f = HEDGE.get((m["hedge"] or "").lower(), (1.0, 1.0))
            unit = UNIT_YEARS[m["unit"].lower()]
            stated_lo, stated_hi = n * lo_f * unit, n * hi_f * unit
            if not m["hedge"]:
                stated_lo, stated_hi = (n - 0.5) * unit, (n + 1) * unit
            actual_lo, actual_hi = (ref - last).days / 365.25, (ref - first).days / 365.25
            if stated_hi + slack < actual_lo or actual_hi + slack < stated_lo:
                out.append(finding(
                    rule, "flag", [s, start_stmt],
                    f"'{m.group(0)}' but {start_stmt.date_text or first.isoformat()} to {day(s.published)} is "
                    f"{actual_lo:.1f}-{actual_hi:.1f} years",
                    a=who(s), claim=m.group(0), start=_start_text(start_stmt, first), end=day(s.published),
                    actual=f"{(actual_lo + actual_hi) / 2:.1f} years"))
    return out


def _start_text(s: Statement, first: date) -> str:
    return f"{first.strftime('%B %Y')} ({s.source or s.outlet or 'the story'})"


def _starts(statements: Sequence[Statement], rule: Rule) -> dict[str, tuple[Statement, date, date]]:
    """The earliest stated start of each event."""
    rx = re.compile(rule.params["start_pattern"], re.I)
    found: dict[str, tuple[Statement, date, date]] = {}
    for s in statements:
        if not s.event or not rx.search(s.text):
            continue
        for d in find_dates(s.text, None):
            if d.kind in ("day", "month", "year") and (s.event not in found or d.first < found[s.event][1]):
                found[s.event] = (s, d.first, d.last)
    return found
