"""completion-conflict: an event called completed while the figures on record show it partial.

Blocks by event. For a statement saying the event is completed on day D, the released figures of
that event (one per day, up to D) are added up and compared with the agreed total.
TOML params: `action` (the action that counts as done, default "released"),
`agreed_action` (default "agreed"). Example: "the swap had been completed" on 23 May 2025 while
390 of 1,000 prisoners each had been released.
"""
from __future__ import annotations

from collections.abc import Sequence

from factcheck.checks.common import block, day, finding, fmt, who
from factcheck.checks.stages import daily_figures, totals
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Rule, Statement

PARAMS = {"action": "released", "agreed_action": "agreed"}


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    out = []
    for event, group in block(statements, lambda s: s.event).items():
        for s in group:
            if not s.date or len(s.date) != 10 or not any(st.state == "completed" and not st.negated for st in s.statuses):
                continue
            agreed = [t for t in totals(group, rule.params["agreed_action"]) if t[0].date and t[0].date <= s.date]
            if not agreed:
                continue
            total_stmt, total_q = max(agreed, key=lambda t: t[1].low)
            days = daily_figures(group, rule.params["action"], total_q, until=s.date)
            if not days:
                continue
            done = sum(q.low for _, q in days.values())
            if done >= total_q.low:
                continue
            cited = [s, total_stmt] + [st for st, _ in days.values()]
            out.append(finding(
                rule, "flag", _unique(cited),
                f"released by {day(s.date)}: {' + '.join(fmt(q.low) for _, q in sorted(days.values(), key=lambda x: x[1].date or ''))}"
                f" = {fmt(done)} of {fmt(total_q.low)}",
                a=who(s), event=event.replace("-", " "), done=fmt(done), total=fmt(total_q.low), day=day(s.date)))
    return out


def _unique(items: list[Statement]) -> list[Statement]:
    seen, out = set(), []
    for s in items:
        if id(s) not in seen:
            seen.add(id(s))
            out.append(s)
    return out
