"""Shared by completion-conflict and sum-mismatch: an event's agreed totals and its figures per day."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

from factcheck.lexicon import Lexicon
from factcheck.model import Quantity, Statement

WINDOW_DAYS = 6  # stages of one event fall within a week; an earlier figure belongs to another round
COMPLETED = "completed"  # the state that says every stage of the event is in


@lru_cache(maxsize=8)
def counted(lex: Lexicon) -> frozenset[str]:
    """The categories of people a stage counts: those a breakdown is made of or adds up to (lexicon [parts])."""
    return frozenset(lex.parts) | {kind for kinds in lex.parts.values() for kind in kinds}


def totals(group: Sequence[Statement], action: str, lex: Lexicon) -> list[tuple[Statement, Quantity]]:
    """Figures for the event's agreed whole ('agreed to exchange 1,000 prisoners each')."""
    kinds = counted(lex)
    return [(s, q) for s in group for q in s.quantities
            if q.action == action and q.category in kinds and q.exact and q.role != "part"]


def daily_figures(group: Sequence[Statement], action: str, total: Quantity, lex: Lexicon,
                  until: str | None = None) -> dict[str, tuple[Statement, Quantity]]:
    """One figure per day for the action (the largest that day, as parts sit under it), same 'each'."""
    kinds = counted(lex)
    days: dict[str, tuple[Statement, Quantity]] = {}
    for s in group:
        for q in s.quantities:
            if (q.action != action or q.category not in kinds or not q.exact or q.role == "part"
                    or q.each != total.each or not q.date or len(q.date) != 10 or q is total or q.low >= total.low):
                continue
            if until and (q.date > until or date.fromisoformat(q.date) < date.fromisoformat(until) - timedelta(days=WINDOW_DAYS)):
                continue
            if q.date not in days or q.low > days[q.date][1].low:
                days[q.date] = (s, q)
    return days
