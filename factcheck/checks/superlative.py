"""superlative-conflict: "the largest ... so far" while the database holds a larger earlier figure.

Blocks by measure (event, category or noun, action, each) and compares only with figures dated
before the claim; the superlative must name the statement's event ("the deadliest attack"). TOML params: `pattern` (regex of superlatives), `scope_pattern` (regex that makes it a
record claim: "so far", "ever", "of the war", ...).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from factcheck.checks.common import block, day, finding, fmt, who
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Quantity, Rule, Statement
from factcheck.patterns import user_pattern

PARAMS = {"pattern": r"\b(?:largest|biggest|greatest|highest|deadliest|most|heaviest|worst)\b",
          "scope_pattern": r"\b(?:so far|ever|of the war|in history|on record|to date|yet|since)\b|['\u2019]s\s+(?:largest|biggest)"}


def _key(s: Statement, q: Quantity) -> tuple[object, ...] | None:
    if not s.event or not q.action or not (q.category or q.noun) or not q.exact or q.role == "part":
        return None
    return (s.event, q.category or q.noun, q.action, q.each)


def _of_event(s: Statement, sup: Any, lex: Lexicon) -> bool:  # sup: an RE2 pattern (factcheck/patterns.py)
    """The superlative names the statement's own event ("the deadliest attack", "the largest swap"), not
    something else in the sentence ("one of the country's largest malls")."""
    for m in sup.finditer(s.text):
        following = re.findall(r"[a-z-]+", s.text[m.end():m.end() + 40].lower())[:3]
        if any(lex.events.get(w) == s.event for w in following):
            return True
    return False


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    sup, scope = user_pattern(rule.params["pattern"]), user_pattern(rule.params["scope_pattern"])
    pairs = [(s, q) for s in statements for q in s.quantities if s.date and len(s.date) == 10]
    groups = block(pairs, lambda p: _key(*p))
    out = []
    for key, group in groups.items():
        for s, q in group:
            if not (scope.search(s.text) and _of_event(s, sup, lex)):
                continue
            when = q.date or s.date
            earlier = [(s2, q2) for s2, q2 in group if (q2.date or s2.date) < when and q2.low > q.high]
            if earlier:
                s2, q2 = max(earlier, key=lambda p: p[1].low)
                out.append(finding(rule, "flag", [s, s2], f"{q.text} on {day(when)} vs {q2.text} on {day(q2.date or s2.date)}",
                                   a=who(s), b=who(s2), x=q.text, y=q2.text, earlier=day(q2.date or s2.date), bigger=fmt(q2.low)))
    return out
