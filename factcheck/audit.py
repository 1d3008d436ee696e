"""The nightly audit: check what changed since the last successful audit, record the run, report new and resolved flags.

How "incremental" works. Triggers on the tables checks read keep a change counter and, for each story, the
count at which it last changed (migrations m016, m018); each audit records the count it read. The next one
reads only the stories changed since then, and with them the current stories that share a block with them
(Store.neighbours: the same event frame, a named source, a quotation's opening words, record claims and
durations of an event) and those cited together with them by an open flag. The checks run over that part
of the database and keep the findings citing a changed statement; open flags citing a changed or removed
statement that are not found again are resolved, and every other flag keeps the state the last audit gave it.
A full run reads and checks everything. Both leave the same set of flags (tested on the bench corpus). With
the counter unchanged and the same rules, no statement is read and no check runs.

What the audit has seen (the counter, each flag with its citations) is kept in its own tables and written
in the same transaction that marks the run ok, so an interrupted run leaves the last good snapshot in
place and the next run redoes the work; syncing the shared flags table is idempotent. An OS lock on
`<db>.audit-lock` keeps two audits apart and is released by the kernel if the process dies; a run a dead
process left 'running' is marked failed by the next audit, and `history` shows it as failed before that
(each run records the pid and host that started it).
"""
from __future__ import annotations

import fcntl
import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from factcheck.checks import reach, run_checks
from factcheck.errors import LockedError, StoreError
from factcheck.model import TRIAGE, Finding, Flag, Kept, Statement, cited_ids, flag_order, severity_rank
from factcheck.parts import checked_in_parts, collector_paused
from factcheck.render import record_dict, record_json
from factcheck.render.safe import encoded
from factcheck.ruleset import RuleSet
from factcheck.store import Store
from factcheck.triage import sort_flags

COMMAND = "audit"
LISTED = "warning"  # flags still open below this severity are only counted in the audit's report: read without citations
Progress = Callable[[str, int, int], None]  # (what is being done, steps done, steps in all)


@dataclass(frozen=True)
class Written:
    """A new flag of a whole-database audit asked for JSON, written already (written_flags): its severity, for the
    exit code, and its record (render.record_dict) on one line."""

    severity: str
    json: str


@dataclass
class AuditResult:
    """One audit: its run row, and the flags new and resolved since the last successful audit."""

    run: dict[str, Any]
    full: bool
    reason: str  # why the run was full or incremental, in words
    new: list[Flag] | list[Written] = field(default_factory=list)
    resolved: list[Flag] = field(default_factory=list)
    open: int = 0
    still_open_ids: frozenset[str] = frozenset()  # open before this run and still open (read by still_open)

    def still_open(self, store: Store) -> list[Flag]:
        """The flags open before this run and still open, most severe first, for a report to list (JSON carries
        only their count): those below LISTED, which a report only counts, without their citations."""
        return sort_flags(store.flags(ids=self.still_open_ids, cited_from=LISTED))

    def worst_new(self) -> int:
        return max((severity_rank(f.severity if isinstance(f, Written) else f.finding.severity) for f in self.new),
                   default=-1)

    def summary(self) -> str:
        r = self.run
        return (f"audit run {r['id']}: {len(self.new)} new, {len(self.resolved)} resolved, {self.open} open"
                f" ({self.reason}; {r['statements_checked']} statements checked)")


def touched(store: Store, since: int, previous: dict[str, set[int]], rules: RuleSet) -> tuple[list[Statement], set[int], set[int]]:
    """What an incremental audit reads: (the statements to check, the ids of those changed since the counter
    stood at `since`, the ids cited by open flags that are no longer current). Call in a read snapshot."""
    changed_docs = store.changed_documents(since)
    current = store.current_documents(changed_docs)
    changed = store.statements(document_ids=current, readings="checked")
    focus = {s.id for s in changed if s.id is not None}
    cited = set().union(*previous.values()) if previous else set()
    where = store.documents_of(cited)
    gone = {sid for sid in cited if sid not in where or (where[sid] in changed_docs and where[sid] not in current)}
    linked = {where[sid] for ids in previous.values() if ids & (focus | gone) for sid in ids if sid in where}
    docs = store.neighbours(changed, reach(rules.rules), known=current) | current | store.current_documents(linked)
    return store.statements(document_ids=docs, readings="checked"), focus, gone


@contextmanager
def audit_lock(db_path: str, wait: float = 0.0) -> Iterator[None]:
    """Hold `<db>.audit-lock` for the duration; LockedError if another audit still holds it after `wait` seconds."""
    if db_path == ":memory:":
        yield
        return
    path = Path(db_path + ".audit-lock")
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"{path}: cannot create the audit lock file ({exc.strerror})") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
                    waited = f" after waiting {wait:g} s" if wait else ""
                    raise LockedError(f"{db_path}: another audit is running (pid {holder}){waited};"
                                      " try again later or pass --wait SECONDS") from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def audit(store: Store, rules: RuleSet, full: bool = False, wait: float = 0.0,
          progress: Progress | None = None, keep: Callable[[Finding], Kept] | None = None) -> AuditResult:
    """Run one audit under the lock and record it; see the module docstring. With `keep`
    (render.formats.keeping("json")), a full run's new flags come Written."""
    with audit_lock(store.path, wait):
        store.fail_stale_runs(COMMAND, "interrupted: its process ended before the run was recorded")
        last = next((r for r in reversed(store.runs(COMMAND)) if r["outcome"] == "ok"), None)
        if full:
            reason = "full run (--full)"
        elif last is None:
            full, reason = True, "first audit: checking everything"
        elif last["rules_hash"] != rules.hash:
            full, reason = True, f"the rules changed since audit run {last['id']}: checking everything"
        elif last["revision"] is None:
            full, reason = True, f"audit run {last['id']} recorded no change counter: checking everything"
        else:
            reason = f"incremental since audit run {last['id']}"
        run_id = store.start_run(COMMAND, rules.hash, full)
        try:
            with collector_paused():
                return _audit(store, rules, run_id, reason, None if full else last["revision"], progress, keep)
        except BaseException as exc:
            try:
                store.fail_run(run_id, f"failed: {type(exc).__name__}: {exc}"[:300])
            except Exception:  # the original error is the one worth reporting
                pass
            raise


def _audit(store: Store, rules: RuleSet, run_id: int, reason: str, since: int | None,
           progress: Progress | None, keep: Callable[[Finding], Kept] | None = None) -> AuditResult:
    """`since` is the change counter the last audit read; None for a full run."""
    step = progress or (lambda what, done, total: None)
    steps = len(rules.rules) + 2
    step("loading statements", 0, steps)
    with store.read_snapshot():
        revision = store.revision()
        previous = store.audit_flags()
        unchanged = revision == since  # the counter tells without reading a statement
        if since is not None and not unchanged:
            statements, focus, gone = touched(store, since, previous, rules)
            unchanged = not focus and not gone
    if unchanged:  # same statements, same rules: the same findings; none re-run
        states = store.flag_states(previous)
        live = {fid for fid in previous if states.get(fid, "dismissed") != "dismissed"}
        run = store.finish_audit(run_id, previous, reason + ": nothing added, edited or removed, no check run",
                                 revision, previous, statements_checked=0, new=0, still_open=len(live), resolved=0)
        step("done", steps, steps)
        return AuditResult(run=run_dict(run), full=False, reason=reason, open=len(live),
                           still_open_ids=frozenset(live))

    findings: list[Finding] | list[Kept] = []
    if since is None:  # every story, a part at a time (changes since the counter was read are checked again next time)
        findings, checked = checked_in_parts(store, rules, progress=lambda done, total: step("checking", done, total),
                                             keep=keep)
        focus = None
    else:
        for n, rule in enumerate(rules.rules, 1):
            step(f"checking {rule.id}", n, steps)
            findings += run_checks(statements, [rule], rules.lexicon, focus=focus)
    flags = [f for f in findings if f.outcome == "flag"]

    if focus is None:
        scope = None
        kept: dict[str, set[int]] = {}
    else:
        scope = focus | gone
        kept = {fid: cited for fid, cited in previous.items() if not cited & scope}
        checked = len(focus)
        reason += f": {len(focus)} statements added or edited, {len(gone)} removed"
    step("recording flags", steps - 1, steps)
    sync = store.sync_flags(flags, run_id, scope=scope)
    store.record_passes([f for f in findings if f.outcome == "pass"], run_id, scope=scope)
    found: dict[str, set[int]] = {}
    for f in flags:
        if f.fingerprint not in found:
            found[f.fingerprint] = {sid for sid in cited_ids(f) if sid is not None}
    present = kept | found  # a flag found again cites what it cites now

    states = store.flag_states(set(present) | set(previous))
    live = {fid for fid in present if states.get(fid, "dismissed") != "dismissed"}
    new_ids = (live - set(previous)) | (set(sync["reopened"]) & live)
    resolved_ids = set(previous) - set(present)
    run = store.finish_audit(run_id, present, reason, revision, previous,
                             statements_checked=checked, new=len(new_ids), still_open=len(live - new_ids),
                             resolved=len(resolved_ids))
    step("done", steps, steps)
    if keep is not None and focus is None:  # what checked_in_parts kept
        new: list[Flag] | list[Written] = written_flags(store, new_ids, flags)
    else:
        new = sort_flags(store.flags(ids=new_ids, known={s.id: s for f in flags for s in f.statements}))
    return AuditResult(run=run_dict(run), full=focus is None, reason=reason, open=len(live), new=new,
                       resolved=sort_flags(store.flags(ids=resolved_ids & set(states))),
                       still_open_ids=frozenset(live - new_ids))


def written_flags(store: Store, ids: set[str], flags: list[Kept]) -> list[Written]:
    """These stored flags as the JSON report writes them, in Flag.order, without reading a statement: each from
    the run's kept JSON of it and its stored row (state and times), when what the row says of it and cites is
    what the run found; else (an earlier run's citations kept with it) read whole, as `flags` reads it."""
    first: dict[str, Kept] = {}
    for f in flags:
        first.setdefault(f.fingerprint, f)
    rows, cited = store.flag_rows(ids=ids)
    listed, other = [], []
    for row in rows:
        f = first.get(row["id"])
        if f is None or not f.json or f.cited != tuple(cited.get(row["id"], ())) or (
                f.rule, f.kind, f.severity, f.message, f.detail) != (
                row["rule"], row["kind"], row["severity"], row["message"] or "", row["detail"] or ""):
            other.append(row["id"])
            continue
        listed.append((flag_order(f.severity, f.event, f.kind, f.message, row["id"]),
                       Written(f.severity, record_json(f.json, [row[name] for name in TRIAGE]))))
    listed += [(rec.order, Written(rec.finding.severity, encoded(record_dict(rec)))) for rec in store.flags(ids=other)]
    return [w for _, w in sorted(listed, key=lambda pair: pair[0])]


def history(store: Store) -> list[dict[str, Any]]:
    """Past audit runs, oldest first, with `full` as a boolean and `took` (seconds, as text).

    A run still marked 'running' whose process is gone (killed, the machine restarted) is shown as failed:
    only the next audit, under the lock, records that, but readers should not have to wait for it.
    """
    rows = []
    for row in store.runs(COMMAND):
        if row["outcome"] == "running" and process_gone(row):
            row = {**row, "outcome": "failed",
                   "note": f"interrupted: its process (pid {row['pid']} on {row['host']}) ended before the run was recorded"}
        rows.append(run_dict(row))
    return rows


def process_gone(row: dict[str, Any]) -> bool:
    """Whether the process that started a run has ended; False when that cannot be told (another host, no pid)."""
    pid, host = row.get("pid"), row.get("host")
    if not pid or host != socket.gethostname():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # alive, someone else's
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return False
    if stat[0] in ("Z", "X"):
        return True  # killed, not yet reaped by its parent
    return _started(int(stat[19])) > datetime.fromisoformat(row["started"]).timestamp() + 2  # the pid was reused


def _started(ticks: int) -> float:
    """A process's start time (the 22nd field of /proc/PID/stat, in clock ticks after boot) as a Unix time."""
    boot = next(int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines() if line.startswith("btime"))
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def run_dict(row: dict[str, Any]) -> dict[str, Any]:
    took = ""
    if row.get("started") and row.get("finished"):
        seconds = (datetime.fromisoformat(row["finished"]) - datetime.fromisoformat(row["started"])).total_seconds()
        took = f"{seconds:g} s"
    shown = {k: v for k, v in row.items() if k not in ("pid", "host")}  # kept for process_gone, not part of the output
    return {**shown, "full": bool(row["full"]), "took": took}
