"""polarity-conflict: one proposition asserted and negated by different sources on the same day,
or by one story (its writer contradicting itself).

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

PARAMS = {"min_words": 4, "min_overlap": 0.8}
NEGATION = re.compile(r"\b(?:not|never|no longer|no)\b|n't\b", re.I)
STOP = {"the", "a", "an", "is", "are", "was", "were", "be", "been", "to", "of", "for", "and", "that", "it", "its", "do",
        "does", "did", "has", "have", "had", "will", "would", "ca", "wo"}


def proposition(s: Statement, min_words: int) -> tuple[object, frozenset[str]] | None:
    """(when, content words without negation); an undated statement is compared within its story only."""
    words = [w for w in re.findall(r"[a-z0-9]+", NEGATION.sub(" ", s.text.lower())) if w not in STOP]
    if len(words) < min_words:
        return None
    return (s.date or f"story {s.document_id}"), frozenset(words)


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    out = _near(statements, rule)
    for _, group in block(statements, lambda s: proposition(s, int(rule.params["min_words"]))).items():
        yes = [s for s in group if not NEGATION.search(s.text)]
        no = [s for s in group if NEGATION.search(s.text)]
        for a in yes:
            b = next((b for b in no if b.source != a.source or b.document_id == a.document_id), None)
            if b:
                out.append(finding(rule, "flag", [a, b], f"'{a.text}' vs '{b.text}'", a=who(a), b=who(b)))
                break
    return out


def _near(statements: Sequence[Statement], rule: Rule) -> list[Finding]:
    """Within one story: a negated statement and a plain one that share nearly all their words.

    Blocks by story, then by each negated statement's rarest word (an inverted index), so a
    statement is only compared with the few that share that word.
    """
    out = []
    for _, story in block(statements, lambda s: s.document_id).items():
        words = {s.id: set(re.findall(r"[a-z0-9]+", NEGATION.sub(" ", s.text.lower()))) - STOP for s in story}
        freq: dict[str, int] = {}
        for ws in words.values():
            for w in ws:
                freq[w] = freq.get(w, 0) + 1
        index = block([(w, s) for s in story if not NEGATION.search(s.text) for w in words[s.id]], lambda p: p[0])
        for neg in (s for s in story if NEGATION.search(s.text)):
            mine = words[neg.id]
            if len(mine) < int(rule.params["min_words"]) + 1:
                continue
            rare = min(mine, key=lambda w: (freq[w], w))
            for _, other in index.get(rare, []):
                theirs = words[other.id]
                if len(mine & theirs) >= float(rule.params["min_overlap"]) * len(mine | theirs):
                    out.append(finding(rule, "flag", [other, neg], f"'{other.text}' vs '{neg.text}'", a=who(other), b=who(neg)))
                    break
    return out
