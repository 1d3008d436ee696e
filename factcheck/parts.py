"""Checking the database a part at a time: a part's stories with the stories sharing a block with them
(Store.neighbours), keeping the findings that cite a statement of the part. Whole-database runs (verify, a full
audit) go through the stories in parts so that memory follows a part, not the archive; drafts and incremental
audits check their own stories this way."""
from __future__ import annotations

import gc
import marshal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from operator import attrgetter

from factcheck.checks import reach, run_checks
from factcheck.model import (
    CHECK_READINGS, SLOT_SETTERS, STATEMENT_FIELDS, Finding, Kept, Quantity, Statement, Status, set_at_once,
)
from factcheck.ruleset import RuleSet
from factcheck.store import Store

PART_STATEMENTS = 150_000  # statements a whole-database run checks at a time (with their blocks: some 700 MB)
Progress = Callable[[int, int], None]  # (parts checked, parts in all)
BY_STORY = attrgetter("document_id")
# what a kept finding holds of itself and of each statement it cites (all but the readings only checks use)
FINDING_KEPT = ("rule", "kind", "severity", "outcome", "message", "detail", "subject", "claims")
STATEMENT_KEPT = tuple(name for name in STATEMENT_FIELDS if name not in CHECK_READINGS)
RECORDS_KEPT = {"quantities": Quantity, "durations": Quantity, "statuses": Status}  # statement fields holding records
_FINDING_VALUES = attrgetter(*FINDING_KEPT)
_STATEMENT_VALUES = attrgetter(*STATEMENT_KEPT)
# where each record field stands in STATEMENT_KEPT, its record type, and a record's values in order
_RECORD_AT = {STATEMENT_KEPT.index(name): (record, attrgetter(*(f.name for f in fields(record))))
              for name, record in RECORDS_KEPT.items()}
_SET_KEPT = tuple(SLOT_SETTERS[Statement][name] for name in STATEMENT_KEPT)
_SET_READINGS = tuple(SLOT_SETTERS[Statement][name] for name in CHECK_READINGS)


def checked_in_parts(store: Store, rules: RuleSet, statements: int | None = None, progress: Progress | None = None,
                     keep: Callable[[Finding], Kept] | None = None) -> tuple[list[Finding] | list[Kept], int]:
    """Every current statement checked, and how many there are: stories of about `statements` (PART_STATEMENTS)
    statements at a time (oldest first, so a part's stories share days), each part with the stories sharing a
    block with it (Store.neighbour_stories), keeping the findings that cite a statement of the part, each once
    (packed until the run ends, but the last part's). Memory follows a part and its blocks, not the archive; a
    database of one part is checked whole. What no block joins (see Store.neighbours) is compared only within a
    part. With `keep`, what it makes of each finding while the part's statements are alive (a Kept, its JSON
    written) comes instead: nothing is unpacked at the end."""
    with store.read_snapshot(), collector_paused():
        parts = store.story_parts(statements or PART_STATEMENTS)
        if len(parts) <= 1:
            every = store.statements(readings="checked")
            findings = run_checks(every, rules.rules, rules.lexicon)
            return (list(map(keep, findings)) if keep else findings), len(every)
        kept: list[bytes] = []
        seen: set[tuple[str, str]] = set()
        checked = 0
        for n, part in enumerate(parts):
            if progress:
                progress(n, len(parts))
            part_findings, focus = checked_with_neighbours(store, rules, part)
            checked += len(focus)
            fresh = []
            for f in part_findings:
                if (f.outcome, f.fingerprint) not in seen:
                    seen.add((f.outcome, f.fingerprint))
                    fresh.append(f)
            if keep:
                fresh = list(map(keep, fresh))
            if n < len(parts) - 1:  # the last part's findings stay as they are: nothing is read after them
                kept.append(marshal.dumps(list(map(tuple, fresh)), 2) if keep else packed(fresh))
                fresh = []
            del part_findings  # the part's statements go before the next part is read
        findings: list[Finding | Kept] = []
        for n in range(len(kept)):
            findings += map(Kept._make, marshal.loads(kept[n])) if keep else unpacked(kept[n])
            kept[n] = b""
    return findings + fresh, checked


def packed(findings: list[Finding]) -> bytes:
    """Findings as a part keeps them until the run ends: plain values in one block of bytes, each cited statement
    once and without the word-level readings only checks use (CHECK_READINGS); its text, source, day, figures and
    states stay (what reports show and flag identities read). Kept as the part's objects, they stayed scattered
    among the next parts' objects and slowed every later part (the tenth by a third)."""
    rows: dict[int, int] = {}  # id of a statement -> its row
    statements: list[tuple] = []
    out = []
    for f in findings:
        cited = []
        for s in f.statements:
            row = rows.get(id(s))
            if row is None:
                row = rows[id(s)] = len(statements)
                statements.append(_statement_values(s))
            cited.append(row)
        out.append((_FINDING_VALUES(f), f.fingerprint, tuple(cited)))
    return marshal.dumps((statements, out), 2)  # version 2: no back-references, twice as fast to write


def unpacked(blob: bytes) -> list[Finding]:
    """The findings `packed` kept, with their fingerprints as computed before."""
    rows, out = marshal.loads(blob)
    statements = list(map(_statement_of, rows))
    return [set_at_once(Finding, {**dict(zip(FINDING_KEPT, values)), "fingerprint": fingerprint,
                                  "statements": tuple(statements[row] for row in cited)})
            for values, fingerprint, cited in out]


def _statement_of(values: tuple) -> Statement:
    """A statement of what `packed` kept of it, its check readings empty: slot by slot in STATEMENT_KEPT's order
    (a run's end makes some 140,000 of them; a dict of each, as Statement.restored takes, cost a fifth more)."""
    s = object.__new__(Statement)
    for set_slot, value in zip(_SET_KEPT, values):
        set_slot(s, value)
    for at, (record, _) in _RECORD_AT.items():
        if values[at]:
            _SET_KEPT[at](s, tuple(record(*v) for v in values[at]))
    for set_slot in _SET_READINGS:
        set_slot(s, ())
    return s


def _statement_values(s: Statement) -> tuple:
    """What `packed` keeps of a statement: STATEMENT_KEPT's values, its records as tuples of theirs."""
    values = list(_STATEMENT_VALUES(s))
    for at, (_, record_values) in _RECORD_AT.items():
        values[at] = tuple(map(record_values, values[at]))
    return tuple(values)


def checked_with_neighbours(store: Store, rules: RuleSet, documents: list[int]) -> tuple[list[Finding], set[int]]:
    """The findings citing a statement of these stories, checked with the stories sharing a block with them
    (Store.neighbour_stories: each of their blocks is read whole; of a story sharing only event frames, its
    statements with a frame), and the ids of those statements."""
    with collector_paused():
        own = store.statements(document_ids=documents, readings="checked")
        focus = {s.id for s in own if s.id is not None}
        whole, framed = store.neighbour_stories(own, reach(rules.rules), known=documents)
        near = store.statements(document_ids=whole, readings="checked")
        near += store.statements(document_ids=framed, readings="checked", framed=True)
        # in document order, as a whole run: each list is in that order already (Store.statements) and no story is
        # in two of them, so a stable sort by story merges them (by story, start and id it cost five times as much)
        together = sorted(own + near, key=BY_STORY)
        return run_checks(together, rules.rules, rules.lexicon, focus=focus), focus


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while statements are read and checked: they form no cycles (reference
    counting frees them), and with a part's hundreds of thousands of objects alive every collection walks them
    all again, a third of a large run's time."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
