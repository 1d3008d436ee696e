"""Durations and starts: "nearly four years of war" as a Quantity in years, and "the war began in
February 2022" as the span of the earliest date a statement names for its event's start.

duration-mismatch compares the two. A duration's interval is in its unit: a hedge scales it ("nearly
four" is [3.4, 4]), a bare count is read generously ("four years" is [3.5, 5]: "four years on" is said
until the fifth anniversary).
"""
from __future__ import annotations

import re

from factcheck.dates import find_dates
from factcheck.extract.quantities import word_value
from factcheck.lexicon import Lexicon
from factcheck.model import Quantity

HEDGE = {"nearly": (0.85, 1.0), "almost": (0.85, 1.0), "about": (0.85, 1.15), "around": (0.85, 1.15),
         "roughly": (0.85, 1.15), "some": (0.85, 1.15), "more than": (1.0, 1.5), "over": (1.0, 1.5),
         "just over": (1.0, 1.15), "just under": (0.85, 1.0), "at least": (1.0, 2.0)}
DURATION = re.compile(
    r"\b(?:(?P<hedge>nearly|almost|about|around|roughly|some|more than|over|just over|just under|at least)\s+)?"
    r"(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit>year|month|week|day)s?\s+(?:of|into)\s+(?:the\s+)?(?:[\w-]+\s+)?(?P<what>\w+)", re.I)
START = re.compile(r"\b(?:launched|began|begun|started|broke out|erupted|invaded|invasion)\b", re.I)
START_KINDS = ("day", "month", "year")


def find_durations(text: str, lex: Lexicon) -> list[Quantity]:
    """Each stated duration of an event the lexicon names: unit, interval in that unit, the event as category."""
    out = []
    for m in DURATION.finditer(text):
        what = m["what"].lower()
        if what not in lex.events:
            continue
        n = float(m["n"]) if m["n"][0].isdigit() else word_value(m["n"]) or 0
        hedge = m["hedge"].lower() if m["hedge"] else None
        if hedge:
            lo_f, hi_f = HEDGE.get(hedge, (1.0, 1.0))
            low, high = n * lo_f, n * hi_f
        else:
            low, high = n - 0.5, n + 1
        out.append(Quantity(text=m.group(0), low=low, high=high, noun=what, category=lex.events[what], hedge=hedge,
                            start=m.start(), end=m.end(), unit=m["unit"].lower()))
    return out


def event_start(text: str) -> str | None:
    """'2022-02-01/2022-02-28' for a statement that says when something began ('launched its invasion in
    February 2022'): the earliest day, month or year it names; None when it names no start."""
    if not START.search(text):
        return None
    earliest = None
    for d in find_dates(text, None):
        if d.kind in START_KINDS and (earliest is None or d.first < earliest.first):
            earliest = d
    return f"{earliest.first.isoformat()}/{earliest.last.isoformat()}" if earliest else None
