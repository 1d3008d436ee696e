"""polarity-conflict: one proposition asserted and negated by different sources on the same day.

Blocks by (day, the statement's content words without negation); within a block, a negated and a
plain statement from different sources conflict. TOML params: `min_words` (default 4).
Example: "Ukraine is ready for a ceasefire" vs "Ukraine is not ready for a ceasefire".
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.checks.common import block, finding, who
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Rule, Statement

PARAMS = {"min_words": 4}
NEGATION = re.compile(r"\b(?:not|never|no longer|no)\b|n't\b", re.I)
STOP = {"the", "a", "an", "is", "are", "was", "were", "be", "been", "to", "of", "for", "and", "that", "it", "its", "do",
        "does", "did", "has", "have", "had", "will", "would", "ca", "wo"}


def proposition(s: Statement, min_words: int) -> tuple[str | None, frozenset[str]] | None:
    words = [w for w in re.findall(r"[a-z0-9]+", NEGATION.sub(" ", s.text.lower())) if w not in STOP]
    if len(words) < min_words or not s.date:
        return None
    return s.date, frozenset(words)


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    out = []
    for _, group in block(statements, lambda s: proposition(s, int(rule.params["min_words"]))).items():
        yes = [s for s in group if not NEGATION.search(s.text)]
        no = [s for s in group if NEGATION.search(s.text)]
        for a in yes:
            b = next((b for b in no if b.source != a.source), None)
            if b:
                out.append(finding(rule, "flag", [a, b], f"'{a.text}' vs '{b.text}'", a=who(a), b=who(b)))
                break
    return out
