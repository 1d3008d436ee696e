"""anonymous-source: info notes for figures or states that rest on an unnamed source ("an official").

No blocking needed: one pass over statements. TOML params: none.
"""
from __future__ import annotations

from collections.abc import Sequence

from factcheck.checks.common import finding, who
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Rule, Statement

PARAMS: dict[str, object] = {}


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    return [finding(rule, "flag", [s], f"{s.source}: {s.text[:80]}", a=who(s), source=s.source or "")
            for s in statements if s.source_kind == "anonymous" and (s.quantities or s.statuses)]
