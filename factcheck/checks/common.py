"""Helpers the checks share: how to name a statement's source and day in an editor's note."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date
from typing import TypeVar

from factcheck.model import SEVERAL_EVENTS, Finding, Rule, Statement

T = TypeVar("T")


def block(items: Iterable[T], key: Callable[[T], Hashable | None]) -> dict[Hashable, list[T]]:
    """Group items by a key, dropping those whose key is None: the blocking step before any comparison."""
    groups: dict[Hashable, list[T]] = defaultdict(list)
    for item in items:
        k = key(item)
        if k is not None:
            groups[k].append(item)
    return groups


def frame_of(s: Statement) -> Hashable | None:
    """The event frame a statement is about: its type and anchor; a statement with no anchor is compared
    only within its own story."""
    if not s.event or s.frame == SEVERAL_EVENTS:
        return None
    return (s.event, s.frame) if s.frame else (s.event, "story", s.document_id)


def same_incident(a: str | None, b: str | None) -> bool:
    """Two statements' incidents ('means:air target:hospital') fit one incident unless both name a means, or
    both a target, and share none."""
    if not a or not b:
        return True
    x, y = set(a.split()), set(b.split())
    return all(not (xs and ys) or xs & ys for xs, ys in
               (({w for w in x if w.startswith(k)}, {w for w in y if w.startswith(k)}) for k in ("means:", "target:")))


def day(iso: str | None) -> str:
    """'2025-05-23' -> '23 May 2025'."""
    if not iso or len(iso) != 10:
        return iso or "undated"
    d = date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%B %Y')}"


def who(s: Statement) -> str:
    """'Donald Trump (Truth Social, Capital Ledger, 23 May 2025)' — the source as an editor reads it: who,
    through which channel, in which outlet, about which day."""
    name = s.source or "the story"
    extra = [x for x in (s.channel, s.outlet, day(s.date) if s.date else None) if x]
    return f"{name} ({', '.join(extra)})" if extra else name


def plural(s: Statement) -> bool:
    """Whether the source takes a plural verb: two named together ('Russia and Ukraine'), or an unnamed
    group ('officials', 'two people familiar with the talks')."""
    name = s.source or ""
    if " and " in name:
        return True
    head = name.split()[-1] if name else ""
    return s.source_kind in ("anonymous", None) and len(head) > 3 and head.endswith("s") \
        and not head.endswith(("ss", "us", "is"))


def finding(rule: Rule, outcome: str, statements: Sequence[Statement], detail: str, *, subject: str = "",
            claims: Sequence[str] = (), **fields: str) -> Finding:
    """A Finding whose message is the rule's template filled with the fields; `subject` and `claims` give it
    an identity that outlives the statements cited (see Finding). The first two statements are the two sides
    (`a` and `b` of the template, each with `a_s`/`b_s`, the verb's ending: 'say{a_s}'); the rest support them.
    When both sides are the same voice (one story telling two figures), the second is 'it also'."""
    sides = list(statements[:2])
    for name, s in zip("ab", sides):
        fields.setdefault(f"{name}_s", "" if plural(s) else "s")
    if len(sides) == 2 and fields.get("a") and fields.get("a") == fields.get("b"):
        fields["b"] = "it also"
    try:
        message = rule.message.format(**fields)
    except (KeyError, IndexError, ValueError):
        message = rule.message
    return Finding(rule=rule.id, kind=rule.kind, severity=rule.severity if outcome == "flag" else "info",
                   outcome=outcome, message=message, statements=tuple(statements), detail=detail, subject=subject,
                   claims=tuple(claims))


def fmt(value: float) -> str:
    """1000.0 -> '1,000'; 2.5 -> '2.5'."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
