"""superlative-conflict: "the largest ... so far" while the database holds a larger earlier figure.

Reads the record claim extraction gave each statement (`record`: a superlative naming the statement's own
event, "the deadliest attack", scoped against the past, "so far"; words in rules/lexicon/actions.toml [record]).
Blocks by measure (event, category or noun, action, each) and compares a claim's figures only with figures
dated before it. TOML params: none.
Example: "60 detainees on Friday, the largest swap of the conflict so far" after a swap of 80.
"""
from __future__ import annotations

from collections.abc import Sequence

from factcheck.checks.common import block, day, finding, fmt, who
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Quantity, Rule, Statement

PARAMS: dict[str, object] = {}


def _key(s: Statement, q: Quantity) -> tuple[object, ...] | None:
    if not s.event or not q.action or not (q.category or q.noun) or not q.exact or q.role == "part":
        return None
    return (s.event, q.category or q.noun, q.action, q.each)


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    pairs = [(s, q) for s in statements for q in s.quantities if s.date and len(s.date) == 10]
    claimed = {_key(s, q) for s, q in pairs if s.record} - {None}  # only a measure with a record claim is compared
    groups = block(pairs, lambda p: k if (k := _key(*p)) in claimed else None) if claimed else {}
    out = []
    for key, group in groups.items():
        for s, q in group:
            if not s.record:
                continue
            when = q.date or s.date
            earlier = [(s2, q2) for s2, q2 in group if (q2.date or s2.date) < when and q2.low > q.high]
            if earlier:
                s2, q2 = max(earlier, key=lambda p: p[1].low)
                out.append(finding(rule, "flag", [s, s2], f"{q.text} on {day(when)} vs {q2.text} on {day(q2.date or s2.date)}",
                                   a=who(s), b=who(s2), x=q.text, y=q2.text, earlier=day(q2.date or s2.date), bigger=fmt(q2.low)))
    return out
