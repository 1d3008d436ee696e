"""Verify: run the rules over the database (and, optionally, draft articles checked without keeping them)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from factcheck.checks import reach, run_checks
from factcheck.ingest import IngestReport, ingest
from factcheck.model import Finding, severity_rank
from factcheck.read import MAX_BYTES, Meta
from factcheck.read.text import YEAR_ASSUMED
from factcheck.ruleset import RuleSet
from factcheck.store import Store


PART_STORIES = 2_000  # stories a whole-database verify checks at a time (checked_in_parts)


@dataclass
class VerifyResult:
    """Findings of one verify run."""

    flags: list[Finding] = field(default_factory=list)
    passed: list[Finding] = field(default_factory=list)
    dismissed: list[Finding] = field(default_factory=list)  # flags an editor dismissed: not shown, not failing
    sync: dict[str, list[str]] = field(default_factory=dict)
    ingest: IngestReport | None = None
    statements: int = 0

    @property
    def undated(self) -> list[str]:
        """Draft files whose day is unknown (no --published, no front matter, no dateline with a year)."""
        if not self.ingest:
            return []
        return [f.path for f in self.ingest.stored + self.ingest.skipped if not f.published]

    @property
    def year_assumed(self) -> list[tuple[str, str]]:
        """(file, day) of drafts dated by a dateline that names no year."""
        if not self.ingest:
            return []
        return [(f.path, f.published or "") for f in self.ingest.stored if f.dated_from == YEAR_ASSUMED]

    def worst(self) -> int:
        return max((severity_rank(f.severity) for f in self.flags), default=-1)


def verify(store: Store, rules: RuleSet, files: list[str] | None = None, meta: Meta = Meta(),
           save: bool = False, max_bytes: int = MAX_BYTES) -> VerifyResult:
    """Check the stored statements; with files, check those articles against themselves and the database.

    Without `save`, draft files are checked in a scratch store holding the stories they touch (draft_scratch)
    and nothing is kept; `verify` alone records its flags (new / still open / resolved) in the database.
    """
    result = VerifyResult()
    if files and not meta.published:  # a draft: a dateline without a year is read against the stored days, or today
        meta = replace(meta, today=date.today().isoformat(), known_days=store.days())
    target = store
    scratch = None
    if files and not save:
        scratch = draft_scratch(store, rules, files, meta, max_bytes)
        target = scratch
    try:
        focus = None
        if files:
            report, _ = ingest(target, files, meta, rules.lexicon, max_bytes=max_bytes)
            result.ingest = report
            findings, focus = checked_with_neighbours(target, rules, sorted(set(report.document_ids)))
            result.statements = len(focus)
        else:
            findings, result.statements = checked_in_parts(target, rules)
        result.flags = [f for f in findings if f.outcome == "flag"]
        result.passed = [f for f in findings if f.outcome == "pass"]
        if scratch is None:
            run_id = store.start_run("verify", rules.hash, full=True)
            result.sync = store.sync_flags(result.flags, run_id, scope=None if not files else focus)
            store.record_passes(result.passed, run_id)
            store.finish_run(run_id, "ok", statements_checked=result.statements, new=len(result.sync["new"]),
                             still_open=len(result.sync["open"]), resolved=len(result.sync["resolved"]))
        # an editor's dismissal holds while the cited statements are unchanged (sync_flags reopens otherwise)
        states = store.flag_states(f.fingerprint for f in result.flags)
        result.dismissed = [f for f in result.flags if states.get(f.fingerprint) == "dismissed"]
        result.flags = [f for f in result.flags if states.get(f.fingerprint) != "dismissed"]
    finally:
        if scratch is not None:
            scratch.close()
    result.flags.sort(key=lambda f: (-severity_rank(f.severity), f.kind, f.message))
    return result


def checked_in_parts(store: Store, rules: RuleSet, stories: int = PART_STORIES) -> tuple[list[Finding], int]:
    """Every current statement checked, and how many there are: `stories` stories at a time (oldest first, so a
    part's stories share days), each part with the stories sharing a block with it (Store.neighbours), keeping
    the findings that cite a statement of the part, each once. Memory follows a part and its blocks, not the
    archive; a database of one part is checked whole. What no block joins (see Store.neighbours) is compared
    only within a part."""
    with store.read_snapshot():
        parts = store.story_parts(stories)
        if len(parts) <= 1:
            statements = store.statements()
            return run_checks(statements, rules.rules, rules.lexicon), len(statements)
        findings: list[Finding] = []
        seen: set[tuple[str, str]] = set()
        checked = 0
        for part in parts:
            part_findings, focus = checked_with_neighbours(store, rules, part)
            checked += len(focus)
            for f in part_findings:
                if (f.outcome, f.fingerprint) not in seen:
                    seen.add((f.outcome, f.fingerprint))
                    findings.append(f)
    return findings, checked


def draft_scratch(store: Store, rules: RuleSet, files: list[str], meta: Meta, max_bytes: int) -> Store:
    """An in-memory store with the stories that share a block with the drafts (Store.neighbours): the drafts
    are read and extracted once to find them, then ingested there, so a draft's cost follows what it touches,
    not the size of the database. A file that cannot be read is reported by that second ingest."""
    _, extracted = ingest(store, files, meta, rules.lexicon, dry_run=True, max_bytes=max_bytes)
    told = [replace(s, published=s.published or doc.published) for doc, statements in extracted for s in statements]
    return store.partial_copy(store.neighbours(told, reach(rules.rules), [doc.sha256 for doc, _ in extracted]))


def checked_with_neighbours(store: Store, rules: RuleSet, documents: list[int]) -> tuple[list[Finding], set[int]]:
    """The findings citing a statement of these stories, checked with the stories sharing a block with them
    (Store.neighbours: each of their blocks is read whole), and the ids of those statements."""
    own = store.statements(document_ids=documents)
    focus = {s.id for s in own if s.id is not None}
    near = store.neighbours(own, reach(rules.rules)) - set(documents)
    together = sorted(own + store.statements(document_ids=near), key=lambda s: (s.document_id or 0, s.start, s.id or 0))
    return run_checks(together, rules.rules, rules.lexicon, focus=focus), focus  # in document order, as a whole run
