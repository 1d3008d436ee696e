"""unsourced: info notes for hedged counts in the writer's own voice, resting on no source ("hundreds of
thousands ... are believed to have been killed": believed by whom?). The figure itself is a hedged count
("hundreds of", "an estimated 300 homes"); quotations are someone's voice, and a hedged opinion without such a
figure ("may have", "seems to") asks for no source.

One pass, no blocking. TOML params: none.
"""
from __future__ import annotations

from collections.abc import Sequence

from factcheck.checks.common import finding
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Rule, Statement, excerpt

PARAMS: dict[str, object] = {}


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    return [finding(rule, "flag", [s], excerpt(s.text, 80), text=excerpt(s.text, 80))
            for s in statements if s.source is None and not s.quote and s.modality == "hedge" and s.role == "body"
            and any(q.noun and q.hedge for q in s.quantities)]
