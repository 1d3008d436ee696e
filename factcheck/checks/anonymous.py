"""anonymous-source: info notes for figures or states that rest on a genuinely unnamed person ("an official",
"a GOP strategist", "two people familiar with the matter"). Extraction decides who is unnamed (source kind
"anonymous", from the lexicon's [sources] people); pronouns, polls and reports (kind document), organisations
and people named by their office ("the mayor") are not.

No blocking needed: one pass over statements. TOML params: none.
Example: "An official said 40 trucks had crossed" -> "an official: 40 trucks had crossed ...".
"""
from __future__ import annotations

from collections.abc import Sequence

from factcheck.checks.common import finding, who
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Rule, Statement, excerpt

PARAMS: dict[str, object] = {}


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    return [finding(rule, "flag", [s], f"{s.source}: {excerpt(s.text, 80)}", a=who(s), source=s.source or "")
            for s in statements if s.source_kind == "anonymous" and (s.quantities or s.statuses)
            and (s.source or "").lower() not in lex.pronouns]
