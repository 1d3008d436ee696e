"""numeric-conflict: one measure of one event differs between statements beyond their hedges.

Blocks by measure: (event, day, action, category or noun, each). Agreed vs done, or different days,
are different measures. Figures agree when their intervals overlap ("about 1,000" is [900, 1,100]).
Undated figures are compared only within one story.
TOML params: `min_value` (ignore smaller figures, default 2), `same_document` (compare only within a
story, default false).
"""
from __future__ import annotations

from collections.abc import Sequence

from factcheck.checks.common import block, finding, fmt, who
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Quantity, Rule, Statement

PARAMS = {"min_value": 2.0, "same_document": False}


def measure(s: Statement, q: Quantity, same_document: bool) -> tuple[object, ...] | None:
    if not s.event or not q.action or not (q.category or q.noun) or q.hedge == "vague":
        return None
    story = s.document_id if same_document or not q.date else None
    return (s.event, q.date, q.action, q.category or q.noun, q.each, story)


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    out = []
    pairs = [(s, q) for s in statements for q in s.quantities
             if q.role != "part" and q.low >= float(rule.params["min_value"])]
    groups = block(pairs, lambda p: measure(p[0], p[1], bool(rule.params["same_document"])))
    for key, group in groups.items():
        distinct = {(q.low, q.high) for _, q in group}
        if len(distinct) < 2:
            continue
        for i, (s1, q1) in enumerate(group):
            clash = next(((s2, q2) for s2, q2 in group[i + 1:] if s2.id != s1.id
                          and (q1.high < q2.low or q2.high < q1.low)), None)
            if clash:
                s2, q2 = clash
                out.append(finding(rule, "flag", [s1, s2], f"{q1.text} vs {q2.text}",
                                   a=who(s1), b=who(s2), x=q1.text, y=q2.text, event=str(key[0]).replace("-", " ")))
                break
    return out


__all__ = ["check", "fmt"]
