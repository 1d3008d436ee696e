"""Paraphrased figures: one fact told twice in a story, in other words, with amounts an order of magnitude apart.

Used by numeric-conflict beside restated(), which wants the same words around both figures: "It took a
handful of engineers a year to build the dam" and "It took thousands of engineers, working for decades, to
build the dam" say one thing with counts that cannot both hold. Reads records only: each figure's counted
noun and interval as extraction gave them (hedged and vague amounts are intervals: "a few" is [2, 5],
"thousands of" [2,000, 9,999]), the statements' words, sources and days. A vague amount is what a
paraphrase carries: two written numbers in like sentences are restated() figures, where the words right
around them must match ("Acme holds $200 million abroad" / "Brill holds $10 million abroad" are two
companies). Two figures of one counted noun, at least one of them vague, in
two statements of one story that share most of their words (MIN_SHARED of the shorter, at least
MIN_WORDS), conflict when even their nearest ends are FACTOR times apart: a slip of rewording, not a
rounding or an update. Two named sources, two named days or two dated figures that differ are left alone.
Blocking: by story and counted noun.
"""
from __future__ import annotations

from collections.abc import Sequence

from factcheck.checks.common import block
from factcheck.checks.polarity import proposition
from factcheck.model import Quantity, Statement

FACTOR = 10.0
MIN_SHARED = 0.6
MIN_WORDS = 5
NOTHING: frozenset[str] = frozenset()
VAGUE = "vague"  # the hedge extraction gives an amount told in words ("dozens of", "a few")


def paraphrased(statements: Sequence[Statement]) -> list[tuple[tuple[Statement, Quantity], tuple[Statement, Quantity]]]:
    """Pairs of (statement, figure) that tell one fact with counts that cannot both hold."""
    figures = [(s, q) for s in statements if s.document_id is not None for q in s.quantities
               if q.noun and q.role in ("figure", "total") and q.high > 0]
    words: dict[int, frozenset[str]] = {}
    out = []
    for _, group in block(figures, lambda p: (p[0].document_id, p[1].noun)).items():
        for i, (s, q) in enumerate(group):
            hit = next(((t, r) for t, r in group[i + 1:] if t.id != s.id and _apart(q, r) and _one_voice(s, t)
                        and _alike(s, t, words)), None)
            if hit:
                out.append(((s, q), hit))
                break
    return out


def _apart(q: Quantity, r: Quantity) -> bool:
    if VAGUE not in (q.hedge, r.hedge):
        return False
    lo, hi = max(q.low, r.low), min(q.high, r.high)
    return hi > 0 and lo >= FACTOR * hi and (not q.date or not r.date or q.date == r.date)


def _one_voice(s: Statement, t: Statement) -> bool:
    """Not two named sources (a disagreement, reported elsewhere) nor two named days."""
    if s.source and t.source and s.source != t.source:
        return False
    return not (s.date_text and t.date_text and s.date != t.date)


def _alike(s: Statement, t: Statement, cache: dict[int, frozenset[str]]) -> bool:
    a, b = (cache.setdefault(id(x), proposition(x, NOTHING, NOTHING)[0]) for x in (s, t))
    shared = len(a & b)
    return shared >= MIN_WORDS and shared >= MIN_SHARED * min(len(a), len(b))
