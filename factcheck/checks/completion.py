"""completion-conflict: an event called completed while the figures on record show it partial.

Blocks by event. For a statement saying the event is completed on day D, the released figures of
that event (one per day, up to D) are added up and compared with the agreed total.
TOML params: `action` (the action that counts as done, default "released"),
`agreed_action` (default "agreed"). Example: "the swap had been completed" on 23 May 2025 while
390 of 1,000 prisoners each had been released.
"""
from __future__ import annotations

from collections.abc import Sequence

from factcheck.checks.common import block, day, finding, fmt, frame_of, who
from factcheck.checks.stages import COMPLETED, WINDOW_DAYS, daily_figures, totals
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Rule, Statement

PARAMS = {"action": "released", "agreed_action": "agreed"}
REACH_DAYS = WINDOW_DAYS  # a claim meets the stages of the week before it, and the agreed totals of any day before


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    out = []
    for frame, group in block(statements, frame_of).items():
        event = frame[0]
        claims = block((s for s in group if s.date and len(s.date) == 10
                        and any(st.state == COMPLETED and not st.negated for st in s.statuses)), lambda s: s.date)
        told = totals(group, rule.params["agreed_action"], lex) if claims else []  # read once for every day
        for date, said in sorted(claims.items()):
            said.sort(key=lambda s: (s.source is None, s.role != "body"))  # a named source first
            agreed = [t for t in told if t[0].date and t[0].date <= date]
            if not agreed:
                continue
            total_stmt, total_q = max(agreed, key=lambda t: t[1].low)
            days = daily_figures(group, rule.params["action"], total_q, lex, until=date)
            done = sum(q.low for _, q in days.values())
            if not days or done >= total_q.low:
                continue
            stages = sorted(days.values(), key=lambda x: x[1].date or "")
            out.append(finding(
                rule, "flag", _unique([said[0], total_stmt, *said[1:], *(st for st, _ in stages)]),
                f"released by {day(date)}: {' + '.join(fmt(q.low) for _, q in stages)} = {fmt(done)} of {fmt(total_q.low)}",
                subject=f"{frame}|{date}", claims=(fmt(done), fmt(total_q.low)),
                a=who(said[0]), event=event.replace("-", " "), done=fmt(done), total=fmt(total_q.low), day=day(date)))
    return out


def _unique(items: list[Statement]) -> list[Statement]:
    seen, out = set(), []
    for s in items:
        if id(s) not in seen:
            seen.add(id(s))
            out.append(s)
    return out
