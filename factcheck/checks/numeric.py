"""numeric-conflict: one measure of one event differs between statements beyond their hedges.

Blocks by measure: (event frame, day, action, category or noun, each), all read from the records
extraction made. A figure whose statement has no anchored frame, or that is dated by a span ("in 2012")
rather than a day, is not compared. Agreed vs done, or different days, are different measures; counts
over a span ("since Thursday") and revised tolls ("rose to") are not one day's count. Figures agree when
their intervals overlap ("about 1,000" is [900, 1,100]). Only each story's first figure of a measure (in
its body, else its headline; one per means of attack it tells of) is compared with other stories';
within a story, only the first figures of two different named sources (two counting bodies), or any two
sources when one says none at all ("no deaths"); and never two incidents told apart by their means or targets.
A figure dated by a short span ("in early October") joins the one day of its measure the span holds. A story's
count of a kind (20 civilians) above another story's count of its whole (12 people) is a conflict too. Slips within a story are found by restated(): one
sentence told twice with two numbers, and paraphrased(): one fact told in other words with amounts an order of
magnitude apart.
TOML params: `min_value` (ignore smaller figures, default 2), `same_document` (compare only within a
story, default false), `max_ratio` (figures further apart are different measures, default 5).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from factcheck.checks.common import block, finding, fmt, frame_of, same_incident, who
from factcheck.checks.paraphrase import paraphrased
from factcheck.checks.restated import restated
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Quantity, Rule, Statement

MAX_SPAN_DAYS = 10  # a part of a month, a week: short enough to hold one incident's day
REACH_DAYS = MAX_SPAN_DAYS  # a figure meets those of its own day, or of the days its span holds

PARAMS = {"min_value": 2.0, "same_document": False, "restated": True, "restated_similarity": 90.0, "max_ratio": 5.0}


def measure(s: Statement, q: Quantity, same_document: bool, day: str | None = None) -> tuple[object, ...] | None:
    """What one figure counts: frame, day (q.date, or `day` given for it), action, category, each. None where
    nothing is provably the same."""
    # no frame: nothing provably the same to compare with (within a story, restated() covers slips); extraction
    # dates each figure by its own clause, and "in 2012" or "in December" is a span, not one day's count
    day = day or q.date
    if not s.frame or not q.action or not (q.category or q.noun) or q.hedge == "vague" or not day or len(day) != 10:
        return None
    frame = frame_of(s)
    return (frame, day, q.action, q.category or q.noun, q.each, s.document_id if same_document else None) if frame else None


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    out = []
    pairs = [(s, q) for s in statements for q in s.quantities
             if q.role in ("figure", "total") and (q.low >= float(rule.params["min_value"]) or q.high == 0)]
    same_doc = bool(rule.params["same_document"])
    groups = block(pairs, lambda p: measure(p[0], p[1], same_doc))
    _join_spans(pairs, groups, same_doc)
    for key, group in groups.items():
        if len({(q.low, q.high) for _, q in group}) < 2:
            continue
        event = str(key[0][0]).replace("-", " ")
        stories = _first_told(group, _means, body_first=True)
        sourced = [p for p in group if p[0].source]
        # "no deaths" is never a part, a background count or an earlier toll: every zero stays in the pool
        bodies = _first_told(sourced, lambda s: s.source) + [p for p in sourced if p[1].high == 0]
        bodies = list({id(p): p for p in bodies}.values())
        for pool, same_story in ((stories, False), (bodies, True)):
            clash = _clash(pool, same_story, rule)
            if clash:
                (s1, q1), (s2, q2) = clash
                within = f"story {s1.story_key or _doc(s1)}" if same_story else "stories"
                out.append(finding(rule, "flag", [s1, s2], f"{q1.text} vs {q2.text}",
                                   subject=f"{key}|{within}", claims=sorted((q1.text, q2.text)),
                                   a=who(s1), b=who(s2), x=q1.text, y=q2.text, event=event))
    out += _parts_beyond_wholes(groups, rule, lex)
    if rule.params["restated"]:
        for a, b in restated(statements, float(rule.params["restated_similarity"])):
            out.append(finding(rule, "flag", [a.statement, b.statement], f"{a.text} vs {b.text} in the same words",
                               a=who(a.statement), b=who(b.statement), x=a.text, y=b.text, event="fact"))
        told = {frozenset((f.statements[0].id, f.statements[1].id)) for f in out}
        for (s1, q1), (s2, q2) in paraphrased(statements, lex):
            if frozenset((s1.id, s2.id)) not in told:
                out.append(finding(rule, "flag", [s1, s2], f"{q1.text} vs {q2.text} in other words",
                                   a=who(s1), b=who(s2), x=q1.text, y=q2.text, event="fact"))
    return out


def _parts_beyond_wholes(groups: dict[object, list[tuple[Statement, Quantity]]], rule: Rule, lex: Lexicon) -> list[Finding]:
    """One story's count of a kind (20 civilians killed) above another story's count of the whole it is a
    kind of (12 people killed) for the same event, day and action (lexicon [parts]): the whole holds at
    least its part, so the two cannot both be the count."""
    out = []
    for key, wholes in groups.items():
        if key is None or key[3] not in lex.parts:
            continue
        for kind in lex.parts[key[3]]:
            parts = groups.get((*key[:3], kind, *key[4:]))
            if not parts:
                continue
            told_kind = {_doc(s) for s, _ in parts}  # a story counting the kind itself is compared on that count
            for s1, q1 in _first_told(parts, _means, body_first=True):
                for s2, q2 in _first_told(wholes, _means, body_first=True):
                    if _doc(s2) not in told_kind and q1.low > q2.high and _comparable(s1, q1, s2, q2, rule):
                        out.append(finding(rule, "flag", [s1, s2], f"{q1.text} vs {q2.text}",
                                           subject=f"{key}|{kind}|stories", claims=sorted((q1.text, q2.text)),
                                           a=who(s1), b=who(s2), x=q1.text, y=q2.text,
                                           event=str(key[0][0]).replace("-", " ")))
                        break
    return out


def _join_spans(pairs: list[tuple[Statement, Quantity]], groups: dict[object, list[tuple[Statement, Quantity]]],
                same_doc: bool) -> None:
    """A figure dated by a short span ('in early October') joins the one day of its measure that the span
    holds: two stories may date one attack by its day and by the part of the month. With no day in the span,
    or several, it stays out (which day it counted is unknown)."""
    days: dict[tuple[object, ...], set[str]] = {}
    for key in groups:
        if key is not None:
            days.setdefault((key[0], *key[2:]), set()).add(key[1])
    for s, q in pairs:
        span = _span(q.date)
        if span is None:
            continue
        base = measure(s, q, same_doc, day=span[0])
        if base is None:
            continue
        inside = [d for d in days.get((base[0], *base[2:]), ()) if span[0] <= d <= span[1]]
        if len(inside) == 1:
            groups.setdefault((base[0], inside[0], *base[2:]), []).append((s, q))


def _span(day: str | None) -> tuple[str, str] | None:
    """'2017-10-01/2017-10-10' -> its first and last day, for spans of at most MAX_SPAN_DAYS."""
    first, _, last = (day or "").partition("/")
    if not last:
        return None
    try:
        if (date.fromisoformat(last) - date.fromisoformat(first)).days <= MAX_SPAN_DAYS:
            return first, last
    except ValueError:
        pass
    return None


def _first_told(group: list[tuple[Statement, Quantity]], part: Callable[[Statement], object], body_first: bool = False
                ) -> list[tuple[Statement, Quantity]]:
    """Each story's first figure of the measure (or each named source's): the story's own count, from its
    body when the body gives one (a headline shortens), else from its headline. Later figures of the same
    measure are parts, other incidents, background or earlier counts far more often."""
    first: dict[tuple[object, object], tuple[Statement, Quantity]] = {}
    order = (lambda p: (body_first and p[0].role == "headline", p[0].sentence, p[0].start, p[1].start))
    for pair in sorted(group, key=order):
        first.setdefault((_doc(pair[0]), part(pair[0])), pair)
    kept = {id(p) for p in first.values()}
    return [p for p in group if id(p) in kept]


def _clash(pool: list[tuple[Statement, Quantity]], same_story: bool, rule: Rule
           ) -> tuple[tuple[Statement, Quantity], tuple[Statement, Quantity]] | None:
    """The closest pair of the pool whose intervals do not overlap (two stories, or two named sources of one
    story), exact counts before hedged ones: of 140, 30 and 20 wounded, 30 against 20 is the likelier one
    count told two ways; 140 may count more."""
    pairs = [((s1, q1), (s2, q2)) for i, (s1, q1) in enumerate(pool) for s2, q2 in pool[i + 1:]
             if (_doc(s1) == _doc(s2)) == same_story and s1.id != s2.id and (q1.high < q2.low or q2.high < q1.low)
             and _comparable(s1, q1, s2, q2, rule)]
    return min(pairs, key=lambda p: (sum(not q.exact for _, q in p),  # two exact counts first
                                     max(p[0][1].low, p[1][1].low) / max(min(p[0][1].low, p[1][1].low), 1e-9)),
               default=None)


def _means(s: Statement) -> str:
    """How the incident was carried out, as far as the statement says: a story telling of air strikes and of
    rocket fire the same day gives a first count for each."""
    return " ".join(w for w in (s.incident or "").split() if w.startswith("means:"))


def _named(s: Statement) -> bool:
    return bool(s.source) and s.source_kind in ("person", "organization")


def _doc(s: Statement) -> object:
    return s.document_id if s.document_id is not None else ("draft", s.document)


def _comparable(s1: Statement, q1: Quantity, s2: Statement, q2: Quantity, rule: Rule) -> bool:
    """Two stories' counts of one measure; within one story, two named counting bodies' counts (the story
    reports a dispute, and the editor wants both named). Otherwise two figures of one story are a part and
    its whole or two incidents far more often than a slip (restated() finds slips). Figures an order of
    magnitude apart are different measures, not one measure misreported."""
    if _doc(s1) == _doc(s2) and not (s1.source and s2.source and s1.source != s2.source
                                     and (_named(s1) and _named(s2) or min(q1.high, q2.high) == 0)):
        return False  # within a story: two named bodies, or any two sources when one says none at all
    if not same_incident(s1.incident, s2.incident):
        return False  # one place, one day, but air strikes and shelling, or a hospital and a market
    low, high = sorted((q1.low, q2.low))
    if low == 0:  # "no deaths" against a toll: none at all is no order of magnitude of anything
        return min(q1.high, q2.high) == 0
    return high / low <= float(rule.params["max_ratio"])


__all__ = ["check", "fmt"]
