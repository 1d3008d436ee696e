"""Paraphrased figures: one fact told twice in a story, in other words, with amounts that cannot both hold.

Used by numeric-conflict beside restated(), which wants the same words all around both figures and at most
two figures a sentence. Reads records only: each figure's counted noun and interval as extraction gave them
(hedged and vague amounts are intervals: "a few" is [2, 5], "thousands of" [2,000, 9,999]), the numbers as
written with the words around them (`mentions`), the statements' words, sources and days. Two named
sources, two named days or two dated figures that differ are left alone; so are years. Two ways:

- A vague amount told in other words: "It took a few engineers a year to build the dam" / "It took
  thousands of engineers, working for decades, to build the dam". Two figures of one counted noun and
  one action (killed, wounded), at least one vague, in two statements of one story that share most of
  their words (MIN_SHARED of the shorter, at least MIN_WORDS), conflict when even their nearest ends are
  FACTOR times apart: a slip of rewording, not a rounding or an update. Blocking: by story and counted
  noun.
- A number restated with a word or two changed around it, in sentences that say more besides: "the
  film Harbour Lights opened to a record $30 million over the Easter weekend" / "Harbour Lights opened
  to a modest $117 million over the Easter weekend, its studio said". The same word right after both numbers (their
  unit or noun), most of the words around them shared (MIN_CONTEXT of either side's six before and six
  after), the same names around them ("Acme holds $200 million abroad" / "Brill holds $10 million
  abroad" are two companies; sentence-opening determiners and pronouns are no names) and at least one
  name to tie them ("the company reported $8 a share" / "the retailer reported $1 a share" may be two
  companies), and values EXACT_FACTOR times apart beyond their hedges: a far smaller gap is more often an
  update or a part. Only numbers extraction read as figures count (not "7 p.m."), and never shares:
  percentages of different bases are not one measure.
  Blocking: by story and the word after the number.
"""
from __future__ import annotations

from collections.abc import Sequence

from factcheck.checks.common import block
from factcheck.lexicon import Lexicon, rough_stem
from factcheck.model import PERCENT, Mention, Quantity, Statement

FACTOR = 10.0
MIN_SHARED = 0.6
MIN_WORDS = 5
EXACT_FACTOR = 3.0
MIN_CONTEXT = 0.6
VAGUE = "vague"  # the hedge extraction gives an amount told in words ("dozens of", "a few")


Pair = tuple[tuple[Statement, Quantity], tuple[Statement, Quantity]]


def paraphrased(statements: Sequence[Statement], lex: Lexicon | None = None) -> list[Pair]:
    """Pairs of (statement, figure) that tell one fact with counts that cannot both hold; with the lexicon,
    numbers restated among other words too."""
    vague = _vague(statements)
    told = {frozenset((a.id, b.id)) for (a, _), (b, _) in vague}
    return vague + ([p for p in _reworded(statements, lex) if frozenset((p[0][0].id, p[1][0].id)) not in told]
                    if lex else [])


def _vague(statements: Sequence[Statement]) -> list[Pair]:
    figures = [(s, q) for s in statements if s.document_id is not None for q in s.quantities
               if q.noun and q.role in ("figure", "total") and q.high > 0]
    vague = {(s.document_id, q.noun) for s, q in figures if q.hedge == VAGUE}  # a pair holds one at least (_apart)
    figures = [(s, q) for s, q in figures if (s.document_id, q.noun) in vague]
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
    return VAGUE in (q.hedge, r.hedge) and _beyond(q, r, FACTOR)


def _beyond(q: Quantity, r: Quantity, factor: float) -> bool:
    """One measure (what happened to them: "100 killed" and "several wounded" are two), on one day, with even
    the nearest ends of the two figures `factor` times apart."""
    if q.action != r.action or (q.date and r.date and q.date != r.date):
        return False
    lo, hi = max(q.low, r.low), min(q.high, r.high)
    return hi > 0 and lo >= factor * hi


def _one_voice(s: Statement, t: Statement) -> bool:
    """Not two named sources (a disagreement, reported elsewhere) nor two named days."""
    if s.source and t.source and s.source != t.source:
        return False
    return not (s.date_text and t.date_text and s.date != t.date)


def _alike(s: Statement, t: Statement, cache: dict[int, frozenset[str]]) -> bool:
    a, b = (cache.setdefault(id(x), frozenset(map(rough_stem, x.claim))) for x in (s, t))
    shared = len(a & b)
    return shared >= MIN_WORDS and shared >= MIN_SHARED * min(len(a), len(b))


def _reworded(statements: Sequence[Statement], lex: Lexicon) -> list[Pair]:
    not_names = lex.grammar.determiners | lex.grammar.pronouns
    figures = [(s, m, q) for s in statements if s.document_id is not None for m in s.mentions
               if not m.is_year and m.value > 0 and m.after
               for q in [_figure(s, m)] if q is not None and q.unit != PERCENT]
    out: list[Pair] = []
    for _, group in block(figures, lambda p: (p[0].document_id, p[1].after[0])).items():
        for i, (s, m, q) in enumerate(group):
            hit = next(((t, r) for t, n, r in group[i + 1:] if t.id != s.id and _one_voice(s, t)
                        and _far(q, r) and _context(m, n, not_names)), None)
            if hit:
                out.append(((s, q), hit))
                break
    return out


def _figure(s: Statement, m: Mention) -> Quantity | None:
    """The figure extraction read at a written number (its hedge, its day); None for a number it did not
    read as a figure (a time of day, a page number)."""
    return next((q for q in s.quantities if q.start <= m.start < q.end), None)


def _far(q: Quantity, r: Quantity) -> bool:
    return _beyond(q, r, EXACT_FACTOR)


def _context(m: Mention, n: Mention, not_names: frozenset[str]) -> bool:
    a, b = set(m.before + m.after), set(n.before + n.after)
    names = _names(m, not_names)
    return len(a & b) >= MIN_CONTEXT * max(len(a), len(b)) and bool(names) and names == _names(n, not_names)


def _names(m: Mention, not_names: frozenset[str]) -> set[str]:
    return {w for w in m.before_raw[-6:] + m.after_raw[:6] if w[:1].isupper() and w.lower() not in not_names}
