"""Verify: run the rules over the database (and, optionally, draft articles checked without keeping them)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from operator import attrgetter

from factcheck.checks import reach
from factcheck.ingest import IngestReport, ingest
from factcheck.model import Finding, Kept, severity_rank
from factcheck.parts import checked_in_parts, checked_with_neighbours
from factcheck.read import MAX_BYTES, Meta
from factcheck.read.text import YEAR_ASSUMED
from factcheck.ruleset import RuleSet
from factcheck.store import Store

_PASS_ORDER = attrgetter("kind", "message", "fingerprint")  # of a Finding or a Kept


@dataclass
class VerifyResult:
    """Findings of one verify run."""

    flags: list[Finding | Kept] = field(default_factory=list)  # Kept: a whole-database run's, with `keep`
    passed: list[Finding | Kept] = field(default_factory=list)
    dismissed: list[Finding | Kept] = field(default_factory=list)  # flags an editor dismissed: not shown, not failing
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
           save: bool = False, max_bytes: int = MAX_BYTES, keep: Callable[[Finding], Kept] | None = None) -> VerifyResult:
    """Check the stored statements; with files, check those articles against themselves and the database.

    Without `save`, draft files are checked in a scratch store holding the stories they touch (draft_scratch)
    and nothing is kept; `verify` alone records its flags (new / still open / resolved) in the database. With
    `keep` (render.formats.keeping), a whole-database run's flags and passes come as it keeps them.
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
            findings, result.statements = checked_in_parts(target, rules, keep=keep)
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
    # the same order whatever the parts a whole run went through: found order differs with where parts fall
    result.flags.sort(key=lambda f: (-severity_rank(f.severity), f.kind, f.message, f.fingerprint))
    result.passed.sort(key=_PASS_ORDER)
    return result


def draft_scratch(store: Store, rules: RuleSet, files: list[str], meta: Meta, max_bytes: int) -> Store:
    """An in-memory store with the stories that share a block with the drafts (Store.neighbours): the drafts
    are read and extracted once to find them, then ingested there, so a draft's cost follows what it touches,
    not the size of the database. A file that cannot be read is reported by that second ingest."""
    _, extracted = ingest(store, files, meta, rules.lexicon, dry_run=True, max_bytes=max_bytes)
    told = [replace(s, published=s.published or doc.published) for doc, statements in extracted for s in statements]
    return store.partial_copy(store.neighbours(told, reach(rules.rules), [doc.sha256 for doc, _ in extracted]))
