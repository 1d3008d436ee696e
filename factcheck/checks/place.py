"""place-conflict: one incident placed in two places in one story.

Reads the frame extraction gave each statement (`event`, `frame`: the place it names or joins), its
day, its `incident` (means and target), its figures and how it names its event (`event_reference`).
Only one-off happenings count (the rule's `events`: a crash, an explosion, a shooting, a strike; never
elections, protests or wars, which happen in many places at once). Blocking: by story and event type.
A block is a candidate only when its statements name exactly two places that exclude each other
(neither lies in the other, and two towns are at least `min_km` apart: a suburb or a "near X" is no
other place) and no statement names several (such a story tells of several incidents). The two places
are one incident only when
- a statement in each gives the same figure of the same kind (eight killed / eight killed), on the same
  day, by the same means against the same target as far as both say: two places without a shared
  figure are two incidents; and
- one of the two places is only ever pointed back to: its statements name the event with a definite
  word ("the explosion", "Monday's crash") and never bring one in ("an explosion", "another blast", "a
  second crash"; extraction reads the determiners, lexicon [determiners] in grammar.toml). A story
  that brings in an incident in each place tells of two ("a shooting in Dayton ... after a shooting in
  Odessa that also killed nine"), and so does one that names its event in the plural anywhere ("the
  attacks", "blasts").
Stories are never mixed: across stories frames are told apart by their places, so two places there
are two frames by construction.

TOML params: `events` (event types that happen in one place), `min_km` (default 100).
Example: "An explosion killed eight people in San Bruno." / "The explosion in Los Angeles killed eight."
"""
from __future__ import annotations

from collections.abc import Sequence

from factcheck.checks.common import block, day, finding, fmt, same_incident, who
from factcheck.lexicon import Lexicon
from factcheck.model import EVENT_KNOWN, EVENT_NEW, EVENT_SEVERAL, SEVERAL_EVENTS, Finding, Quantity, Rule, Statement
from factcheck.places import Place, apart, places_of_key

PARAMS: dict[str, object] = {"events": ["accident", "shooting", "attack"], "min_km": 100.0}


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    events = set(rule.params["events"])  # type: ignore[call-overload]
    min_km = float(rule.params["min_km"])  # type: ignore[arg-type]
    out = []
    blocks = block(statements, lambda s: (s.document_id, s.event)
                   if s.document_id is not None and s.event in events and s.frame else None)
    for (_, event), group in blocks.items():
        frames = {s.frame for s in group}
        if len(frames) != 2 or SEVERAL_EVENTS in frames:
            continue
        x, y = sorted(frames)  # type: ignore[type-var]
        if not _exclusive(places_of_key(x), places_of_key(y), min_km):
            continue
        xs, ys = [s for s in group if s.frame == x], [s for s in group if s.frame == y]
        if any(s.event_reference == EVENT_SEVERAL for s in group) or not (_pointed_back(xs) or _pointed_back(ys)):
            continue
        pair = _same_incident(xs, ys)
        if pair:
            (a, qa), (b, _) = sorted(pair, key=lambda p: p[0].start)
            story = a.story_key or f"document {a.document_id}"
            out.append(finding(rule, "flag", [a, b], f"{qa.text} in {_name(a.frame)} and in {_name(b.frame)}",
                               subject=f"{story}|{event}|{fmt(qa.value)} {qa.action}", claims=(str(x), str(y)),
                               a=who(a), b=who(b), event=event.replace("-", " "), x=_name(a.frame),
                               y=_name(b.frame), figure=f"{fmt(qa.value)} {qa.action}", when=day(a.date)))
    return out


def _pointed_back(statements: list[Statement]) -> bool:
    """The place's statements name the event as one already told of, and never bring one in."""
    told = [s.event_reference for s in statements]
    return EVENT_KNOWN in told and EVENT_NEW not in told


def _exclusive(xs: tuple[Place, ...], ys: tuple[Place, ...], min_km: float) -> bool:
    """Every place either anchor may stand for excludes every place the other may."""
    return bool(xs and ys) and all(apart(p, q, min_km) for p in xs for q in ys)


def _same_incident(xs: list[Statement], ys: list[Statement]) -> tuple[tuple[Statement, Quantity], ...] | None:
    """The first two statements, one from each place, that give one figure of one kind on one day."""
    for a in xs:
        for b in ys:
            if not _one_day(_day(a), _day(b)) or not same_incident(a.incident, b.incident):
                continue
            for qa in a.quantities:
                qb = next((q for q in b.quantities if _same_figure(qa, q)
                           and _one_day(_figure_day(a, qa), _figure_day(b, q))), None)
                if qb:
                    return (a, qa), (b, qb)
    return None


def _same_figure(p: Quantity, q: Quantity) -> bool:
    """One exact count of one kind: the same value, what happened to them and what they are."""
    return p.exact and q.exact and p.value == q.value and p.action is not None and p.action == q.action \
        and p.category == q.category and p.role == q.role


def _day(s: Statement) -> str | None:
    """The day a statement names; one that names none is dated only by its story's publication."""
    return s.date if s.date_text else None


def _figure_day(s: Statement, q: Quantity) -> str | None:
    return q.date if q.date and q.date != s.date else _day(s)


def _one_day(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def _name(frame: str | None) -> str:
    """'San Bruno, US' -> 'San Bruno'."""
    return (frame or "").rpartition(", ")[0] or (frame or "")

