"""Restated figures: one sentence frame stated twice in a story with different numbers.

Used by numeric-conflict for measures that no event lexicon names: "the trial must begin within 14
days" in one paragraph and "within 30 days" in another. Blocking: each figure is keyed by the words
right around it; only figures in the same story and the same block are compared, and only when the
words around them read alike and the two sentences, numbers masked, say the same words.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from factcheck.checks.common import block
from factcheck.extract.quantities import word_value
from factcheck.model import Statement

NUMBER = re.compile(r"(?<![\w.,:=\"'#@/-])(\d{1,3}(?:,\d{3})+|[1-9]\d{0,8}|0)(\.\d+)?(?:\s*(million|billion))?(?![\d,:/A-Za-z]|\.\d)"
                    r"|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b", re.I)
WORD = re.compile(r"[a-z%$]+")
RAW = re.compile(r"[A-Za-z%$]+")
HEDGES = {"about", "around", "nearly", "almost", "roughly", "approximately", "some", "only", "just", "at", "least",
          "more", "less", "than", "over", "under", "up", "to", "fewer", "over", "within", "a", "an", "the"}
RANGE = re.compile(r"(?:\bbetween|\bfrom|\d\s*(?:and|to|-|\u2013))\s*\$?\s*$", re.I)
RANGE_AFTER = re.compile(r"\s*(?:and|to|-|\u2013)\s*\$?\d", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
WINDOW = 6
MAX_FIGURES = 2  # a sentence with more figures is a breakdown (polls, tallies): its frames repeat by design


@dataclass(frozen=True)
class Figure:
    """A number in a statement with the words around it."""

    statement: Statement
    value: float
    text: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    years: frozenset[str]
    start: int
    before_raw: tuple[str, ...] = ()
    after_raw: tuple[str, ...] = ()


def figures(s: Statement) -> list[Figure]:
    out = []
    text = s.text
    for m in NUMBER.finditer(text):
        raw = m.group(0)
        if m.group(1):
            value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
            if m.group(3):
                value *= 1e6 if m.group(3).lower() == "million" else 1e9
            is_year = not m.group(2) and not m.group(3) and "," not in m.group(1) and 1800 <= value <= 2100
        else:
            value, is_year = word_value(raw) or 0, False
        if RANGE.search(text[max(0, m.start() - 12):m.start()]) or RANGE_AFTER.match(text[m.end():m.end() + 14]):
            continue  # one end of a range ("between $5,000 and $15,000")
        before_raw = tuple(RAW.findall(text[max(0, m.start() - 80):m.start()]))[-WINDOW - 3:]
        after_raw = tuple(RAW.findall(text[m.end():m.end() + 80]))[:WINDOW + 3]
        before = tuple(w.lower() for w in before_raw)[-WINDOW:]
        after = tuple(w.lower() for w in after_raw)[:WINDOW]
        years = frozenset() if is_year else frozenset(YEAR.findall(text))
        out.append(Figure(s, value, raw, before, after, years, m.start(), before_raw, after_raw))
    counts = [f for f in out if not (1800 <= f.value <= 2100 and f.text.isdigit())]
    return [] if len(counts) > MAX_FIGURES else out


def _key(f: Figure) -> tuple[object, ...] | None:
    before = tuple(w for w in f.before if w not in HEDGES)[-1:]
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


def _masked(s: Statement) -> tuple[str, ...]:
    """A statement's words with its numbers taken out."""
    return tuple(WORD.findall(NUMBER.sub(" ", s.text.lower())))


def restated(statements: Sequence[Statement], min_similarity: float) -> list[tuple[Figure, Figure]]:
    """Pairs of figures that restate one frame with different values, in one story."""
    figs = [f for s in statements if s.document_id is not None for f in figures(s)]
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
                if _alike(a, b) < min_similarity or _masked(a.statement) != _masked(b.statement):
                    continue  # the rest of the sentence must read the same: "three reasons to hope" / "four reasons to fear"
                pairs.append((a, b))
                break
    return pairs
