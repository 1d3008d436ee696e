"""Durations and starts: "nearly four years of war" as a Quantity in years, and "the war began in
February 2022" as the span of the earliest date a statement names for its event's start.

duration-mismatch compares the two. A duration's interval is in its unit: a hedge scales it by its
factors in rules/lexicon/hedges.toml [duration] ("nearly four" is [3.4, 4]); a bare count is read
generously ("four years" is [3.5, 5]: "four years on" is said until the fifth anniversary). The words
that say an event began are rules/lexicon/events.toml [starts].
"""
from __future__ import annotations

import re
from functools import lru_cache

from factcheck.dates import find_dates
from factcheck.extract.quantities import word_value
from factcheck.lexicon import Gate, Lexicon
from factcheck.model import TIME_UNITS, Quantity

COUNT = r"\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
START_KINDS = ("day", "month", "year")
NEVER = re.compile(r"(?!)")


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a duration of something: '[hedge] N units of|into [the] [word] what', the words that say something began)."""
    hedges = "|".join(re.escape(h) for h in sorted(lex.duration_hedges, key=len, reverse=True))
    duration = re.compile(
        (rf"\b(?:(?P<hedge>{hedges})\s+)?" if hedges else r"\b(?P<hedge>(?!))?") + rf"(?P<n>{COUNT})\s+"
        rf"(?P<unit>{'|'.join(TIME_UNITS)})s?\s+(?:of|into)\s+(?:the\s+)?(?:[\w-]+\s+)?(?P<what>\w+)", re.I)
    start = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lex.starts) + r")\b", re.I) if lex.starts else NEVER
    return duration, start


@lru_cache(maxsize=8)
def gates(lex: Lexicon) -> tuple[Gate, Gate]:
    """Whether a duration can be found (its unit word, 'of' or 'into', an event noun of one word: 'years of war')
    and whether a start can be, from a text's words."""
    durations = [f"{unit}{plural} {link} {event}" for unit in TIME_UNITS for plural in ("", "s")
                 for link in ("of", "into") for event in lex.events if " " not in event]
    return Gate.of(durations), Gate.of(lex.starts)


def find_durations(text: str, lex: Lexicon, words: frozenset[str] | None = None) -> list[Quantity]:
    """Each stated duration of an event the lexicon names: unit, interval in that unit, the event as category.
    words: the text's (words_of), when read already."""
    if not gates(lex)[0].may_match(words):
        return []
    out = []
    for m in _patterns(lex)[0].finditer(text):
        what = m["what"].lower()
        if what not in lex.events:
            continue
        n = float(m["n"]) if m["n"][0].isdigit() else word_value(m["n"]) or 0
        hedge = re.sub(r"\s+", " ", m["hedge"].lower()) if m["hedge"] else None
        if hedge:
            lo_f, hi_f = lex.duration_hedges.get(hedge, (1.0, 1.0))
            low, high = n * lo_f, n * hi_f
        else:
            low, high = n - 0.5, n + 1
        out.append(Quantity(text=m.group(0), low=low, high=high, noun=what, category=lex.events[what], hedge=hedge,
                            start=m.start(), end=m.end(), unit=m["unit"].lower()))
    return out


def event_start(text: str, lex: Lexicon, words: frozenset[str] | None = None) -> str | None:
    """'2022-02-01/2022-02-28' for a statement that says when something began ('launched its invasion in
    February 2022'): the earliest day, month or year it names; None when it names no start. words: the text's
    (words_of), when read already."""
    if not gates(lex)[1].may_match(words) or not _patterns(lex)[1].search(text):
        return None
    earliest = None
    for d in find_dates(text, None):
        if d.kind in START_KINDS and (earliest is None or d.first < earliest.first):
            earliest = d
    return f"{earliest.first.isoformat()}/{earliest.last.isoformat()}" if earliest else None
