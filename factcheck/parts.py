"""Checking the database a part at a time: a part's stories with the stories sharing a block with them
(Store.neighbours), keeping the findings that cite a statement of the part. Whole-database runs (verify, a full
audit) go through the stories in parts so that memory follows a part, not the archive; drafts and incremental
audits check their own stories this way."""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from operator import attrgetter

from factcheck.checks import reach, run_checks
from factcheck.model import CHECK_READINGS, STATEMENT_FIELDS, Finding, Statement
from factcheck.ruleset import RuleSet
from factcheck.store import Store

PART_STATEMENTS = 100_000  # statements a whole-database run checks at a time (with their blocks: some 500 MB)
Progress = Callable[[int, int], None]  # (parts checked, parts in all)
IN_STORY_ORDER = attrgetter("document_id", "start", "id")
WITHOUT_READINGS = dict.fromkeys(CHECK_READINGS, ())


def checked_in_parts(store: Store, rules: RuleSet, statements: int | None = None,
                     progress: Progress | None = None) -> tuple[list[Finding], int]:
    """Every current statement checked, and how many there are: stories of about `statements` (PART_STATEMENTS)
    statements at a time (oldest first, so a part's stories share days), each part with the stories sharing a block with it (Store.neighbours), keeping
    the findings that cite a statement of the part, each once. Memory follows a part and its blocks, not the
    archive; a database of one part is checked whole. What no block joins (see Store.neighbours) is compared
    only within a part."""
    with store.read_snapshot(), collector_paused():
        parts = store.story_parts(statements or PART_STATEMENTS)
        if len(parts) <= 1:
            every = store.statements(readings="checked")
            return run_checks(every, rules.rules, rules.lexicon), len(every)
        findings: list[Finding] = []
        seen: set[tuple[str, str]] = set()
        checked = 0
        for n, part in enumerate(parts):
            if progress:
                progress(n, len(parts))
            part_findings, focus = checked_with_neighbours(store, rules, part)
            checked += len(focus)
            slim: dict[int, Statement] = {}
            for f in part_findings:
                if (f.outcome, f.fingerprint) not in seen:
                    seen.add((f.outcome, f.fingerprint))
                    for s in f.statements:
                        if id(s) not in slim:
                            slim[id(s)] = _cited(s)
                    findings.append(f.citing(tuple(slim[id(s)] for s in f.statements)))
    return findings, checked


def _cited(s: Statement) -> Statement:
    """A statement as a finding keeps it once its part is checked: without the word-level readings only checks
    use (CHECK_READINGS: a whole-database run keeps every finding, and each would otherwise hold its statements'
    words; flags read back from the store come the same way); its text, source, day, figures and states stay
    (what reports show and flag identities read)."""
    return Statement.restored({**{name: getattr(s, name) for name in STATEMENT_FIELDS}, **WITHOUT_READINGS})


def checked_with_neighbours(store: Store, rules: RuleSet, documents: list[int]) -> tuple[list[Finding], set[int]]:
    """The findings citing a statement of these stories, checked with the stories sharing a block with them
    (Store.neighbours: each of their blocks is read whole), and the ids of those statements."""
    with collector_paused():
        own = store.statements(document_ids=documents, readings="checked")
        focus = {s.id for s in own if s.id is not None}
        near = store.neighbours(own, reach(rules.rules), known=documents)
        # in document order, as a whole run (stored statements all have a story and an id; the two lists are each
        # in that order already, so the sort only merges them)
        together = sorted(own + store.statements(document_ids=near, readings="checked"), key=IN_STORY_ORDER)
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
