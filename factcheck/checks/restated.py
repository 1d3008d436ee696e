"""Restated figures: one sentence frame stated twice in a story with different numbers.

Used by numeric-conflict for measures that no event lexicon names: "the trial must begin within 14
days" in one paragraph and "within 30 days" in another. Blocking: each figure is keyed by the words
right around it; only figures in the same story and the same block are compared, and only when the
words around them read alike and the two sentences, numbers masked, say the same words.

A clause restated inside another sentence counts too ("The old ferry carries 40 cars across the
fjord." and "Built in Bergen, the old ferry carries 60 cars across the fjord, the owner said."): read
outward from the figures, the words are the same back to the start of one of the two statements (its
subject is in the shared words) and on to a clause edge (a statement's end or a comma), at least
RESTATED_BEFORE words before the figure, RESTATED_AFTER after it and RESTATED_WORDS in all, hedges and
articles aside; and the two figures, read with the hedges extraction gave them ("more than 50,000" is
[50,000, inf)), cannot both hold.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from factcheck.checks.common import block
from factcheck.model import Mention, Statement

HEDGES = {"about", "around", "nearly", "almost", "roughly", "approximately", "some", "only", "just", "at", "least",
          "more", "less", "than", "over", "under", "up", "to", "fewer", "over", "within", "a", "an", "the"}
EDGES = frozenset(",;:()\u2014")
RESTATED_BEFORE, RESTATED_AFTER, RESTATED_WORDS = 2, 1, 5
MAX_FIGURES = 2  # a sentence with more figures is a breakdown (polls, tallies): its frames repeat by design


@dataclass(frozen=True)
class Figure:
    """A number in a statement (as extraction recorded it, with the words around it) and its statement."""

    statement: Statement
    mention: Mention

    @property
    def value(self) -> float:
        return self.mention.value

    @property
    def text(self) -> str:
        return self.mention.text

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def before(self) -> tuple[str, ...]:
        return self.mention.before

    @property
    def after(self) -> tuple[str, ...]:
        return self.mention.after

    @property
    def before_raw(self) -> tuple[str, ...]:
        return self.mention.before_raw

    @property
    def after_raw(self) -> tuple[str, ...]:
        return self.mention.after_raw

    @property
    def years(self) -> tuple[str, ...]:
        return self.mention.years


def figures(s: Statement) -> list[Figure]:
    """The statement's numbers, none when it has more than MAX_FIGURES counts (years aside)."""
    if sum(not m.is_year for m in s.mentions) > MAX_FIGURES:
        return []
    return [Figure(s, m) for m in s.mentions]


def _key(f: Figure) -> tuple[object, ...] | None:
    before = next(((w,) for w in reversed(f.before) if w not in HEDGES), ())  # the last word that is no hedge
    after = tuple(w for w in f.after if w not in HEDGES)[:1 if before else 2]
    if len(before) + len(after) < 2:
        return None
    return (f.statement.document_id, before, after)


def _alike(a: Figure, b: Figure) -> float:
    """How alike the words around two figures read, over the span both have."""
    nb, na = min(len(a.before), len(b.before)), min(len(a.after), len(b.after))
    if nb + na < 5:
        return 0.0
    left = " ".join(a.before[len(a.before) - nb:] + a.after[:na])
    right = " ".join(b.before[len(b.before) - nb:] + b.after[:na])
    if _qualified(a, b, nb, na) or _qualified(b, a, nb, na) or _names(a, nb, na) != _names(b, nb, na):
        return 0.0  # a name differs around the figure ("leading Sanders" / "leading Trump"): two measures
    return fuzz.ratio(left, right)


def _names(f: Figure, nb: int, na: int) -> set[str]:
    words = f.before_raw[len(f.before_raw) - nb:] + f.after_raw[:na]
    return {w for w in words[1:] if w[:1].isupper()}


def _qualified(longer: Figure, shorter: Figure, nb: int, na: int) -> bool:
    """The longer context goes on with a name the shorter lacks ('to win' / 'to win the Republican
    nomination'): a narrower measure, not the same one restated."""
    extra = longer.after_raw[na:na + 3]
    known = {w.lower() for w in shorter.before_raw + shorter.after_raw}
    return any(w[:1].isupper() and w.lower() not in known for w in extra)


def restated(statements: Sequence[Statement], min_similarity: float) -> list[tuple[Figure, Figure]]:
    """Pairs of figures that restate one frame with different values, in one story."""
    figs = [f for s in statements if s.document_id is not None and s.mentions for f in figures(s)]
    pairs = []
    for _, group in block(figs, _key).items():
        if len(group) < 2 or len({f.value for f in group}) < 2:
            continue
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.value == b.value or (a.statement.id == b.statement.id and abs(a.start - b.start) < 80):
                    continue
                if a.statement.source and b.statement.source and a.statement.source != b.statement.source:
                    continue  # two named sources disagreeing is reported, not a slip
                if a.years and b.years and a.years != b.years:
                    continue
                if a.statement.date and b.statement.date and a.statement.date != b.statement.date:
                    continue
                # the rest of the sentence must read the same: "three reasons to hope" / "four reasons to fear"
                # (masked words: loaded where there are numbers, store.CHECKED_WHERE)
                if _alike(a, b) < min_similarity or a.statement.masked != b.statement.masked:
                    continue
                pairs.append((a, b))
                break
    seen = {(a.statement.id, b.statement.id) for a, b in pairs}
    return pairs + [p for p in restated_clauses(statements) if (p[0].statement.id, p[1].statement.id) not in seen]


def _run(a: Sequence[str], b: Sequence[str], commas: bool) -> tuple[int, bool]:
    """(how many words a and b share from their first token on, whether the shared run ends at a clause
    edge: one side used up, or with `commas` at punctuation). Punctuation on one side only is skipped."""
    i = j = n = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            n += a[i] not in EDGES
            i, j = i + 1, j + 1
        elif a[i] in EDGES:
            i += 1
        elif b[j] in EDGES:
            j += 1
        else:
            return n, commas and ((i > 0 and a[i - 1] in EDGES) or (j > 0 and b[j - 1] in EDGES))
    return n, True


def _interval(f: Figure) -> tuple[float, float]:
    """The figure read with its hedge, as extraction recorded it ("less than 10,000" is [0, 10,000])."""
    for q in f.statement.quantities:
        if q.start <= f.start < q.end:
            return q.low, q.high
    return f.value, f.value


def _clause_restated(a: Figure, b: Figure) -> bool:
    x, y = a.mention, b.mention
    # the clause's start must be one statement's start (a comma before may close a clause of another subject:
    # "the referendum on minarets, which passed with 57.5 percent"); its end may be a comma
    before, edge_b = _run(x.clause_before[::-1], y.clause_before[::-1], commas=False)
    after, edge_a = _run(x.clause_after, y.clause_after, commas=True)
    return edge_b and edge_a and before >= RESTATED_BEFORE and after >= RESTATED_AFTER \
        and before + after >= RESTATED_WORDS


def restated_clauses(statements: Sequence[Statement]) -> list[tuple[Figure, Figure]]:
    """Pairs of figures, in two sentences of one story, whose clause is the same words with values that
    cannot both hold."""
    pairs = []
    for _, story in block(statements, lambda s: s.document_id if s.mentions else None).items():
        figs = [f for s in story for f in figures(s) if not f.mention.is_year]
        for i, a in enumerate(figs):
            for b in figs[i + 1:]:
                x, y = a.statement, b.statement
                if x.id == y.id or (x.source and y.source and x.source != y.source):
                    continue
                if (a.years and b.years and a.years != b.years) or (x.date and y.date and x.date != y.date):
                    continue
                (lo1, hi1), (lo2, hi2) = _interval(a), _interval(b)
                if (hi1 < lo2 or hi2 < lo1) and _clause_restated(a, b):
                    pairs.append((a, b))
                    break
    return pairs
