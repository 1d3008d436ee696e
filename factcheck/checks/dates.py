"""date-conflict: one restated event or plan given two different days in one story.

Reads the day extraction gave each statement (`date`; `date_text`, the words that named it; `date_at`, where),
and the words around it (loaded only where `date_at` is set: store.CHECKED_WHERE).
Only days written out with a number count ("July 11", "14 April 2024"): weekdays and "today" are
resolved against the publication day and would make a slip out of a reading. Blocking: each
statement is keyed by its story and the `min_words` words right before its date; within a block two
statements conflict when the words around the date read the same over all the span both have (at
least `min_words` before it), and the days differ. Two named sources disagreeing are reported by
other rules, not here; a plan moved between stories is news, not a slip, so stories are never mixed.

TOML params: `min_words` (default 5).
Example: "the bridge is due to open on December 25" / "the bridge is due to open on July 11".
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.checks.common import block, day, finding
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Rule, Statement

PARAMS: dict[str, object] = {"min_words": 5}


@dataclass(frozen=True)
class Dated:
    """A statement whose day is written out, with the words before and after that day."""

    statement: Statement
    before: tuple[str, ...]
    after: tuple[str, ...]


def dated(s: Statement) -> Dated | None:
    """The statement's wording around its day, or None when its day is not written out with a number."""
    if s.document_id is None or not s.date or len(s.date) != 10 or not s.date_text or s.date_at is None:
        return None
    if not any(ch.isdigit() for ch in s.date_text):
        return None
    at, end = s.date_at, s.date_at + len(s.date_text)
    return Dated(s, tuple(w for w, st in zip(s.words, s.word_starts) if st + len(w) <= at),
                 tuple(w for w, st in zip(s.words, s.word_starts) if st >= end))


def _restated(a: Dated, b: Dated, min_words: int) -> bool:
    """The same words before the day over the span both have (at least min_words), and after it too."""
    nb = min(len(a.before), len(b.before))
    na = min(len(a.after), len(b.after))
    if nb < min_words:
        return False
    return a.before[-nb:] == b.before[-nb:] and a.after[:na] == b.after[:na]


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    n = int(rule.params["min_words"])  # type: ignore[call-overload]
    items = [d for d in map(dated, (s for s in statements if s.date_at is not None)) if d is not None and len(d.before) >= n]
    out = []
    for _, group in block(items, lambda d: (d.statement.document_id, d.before[-n:])).items():
        if len({d.statement.date for d in group}) < 2:
            continue
        for i, a in enumerate(group):
            b = next((b for b in group[i + 1:] if _differ(a, b) and _restated(a, b, n)), None)
            if b:
                x, y = a.statement, b.statement
                out.append(finding(rule, "flag", [x, y], f"{x.date_text} ({x.date}) vs {y.date_text} ({y.date})",
                                   a=_name(x), b=_name(y), x=day(x.date), y=day(y.date)))
                break
    return out


def _differ(a: Dated, b: Dated) -> bool:
    x, y = a.statement, b.statement
    if x.date == y.date or x.id == y.id:
        return False
    return not (x.source and y.source and x.source != y.source)


def _name(s: Statement) -> str:
    """The source without the statement's day (the day is what is in dispute)."""
    return s.source or (f"the story ({s.outlet})" if s.outlet else "the story")
