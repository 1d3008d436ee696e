"""The editor's side of flags: filters, the report's contents, and verdicts (confirm, dismiss, reopen)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factcheck.errors import NotFoundError
from factcheck.model import FLAG_STATES, OPEN_FLAG_STATES, SEVERITIES, Finding, Statement, severity_rank
from factcheck.ruleset import RuleSet
from factcheck.store import Store, now

STATES, DEFAULT_STATES = FLAG_STATES, OPEN_FLAG_STATES
VERDICTS = {"confirm": "confirmed", "dismiss": "dismissed", "reopen": "open"}


@dataclass(frozen=True)
class FlagRecord:
    """A flag as an editor sees it: the finding and its triage state (no state for a draft's flags)."""

    finding: Finding
    id: str
    state: str | None = None
    note: str | None = None
    triaged_by: str | None = None
    triaged_at: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    resolved_at: str | None = None
    reopened_reason: str | None = None
    history: tuple[dict[str, Any], ...] = ()  # every verdict, oldest first (state, note, by, at)

    @classmethod
    def from_finding(cls, f: Finding) -> "FlagRecord":
        return cls(finding=f, id=f.fingerprint)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "FlagRecord":
        """A row of Store.flags() (with its cited statements)."""
        finding = Finding(rule=row["rule"], kind=row["kind"], severity=row["severity"], outcome="flag",
                          message=row["message"] or "", statements=tuple(row.get("statements", ())),
                          detail=row["detail"] or "")
        return cls(finding=finding, id=row["id"], state=row["state"], note=row["note"], triaged_by=row["triaged_by"],
                   triaged_at=row["triaged_at"], first_seen=row["first_seen"], last_seen=row["last_seen"],
                   resolved_at=row["resolved_at"], reopened_reason=row["reopened_reason"],
                   history=tuple(row.get("history", ())))


@dataclass(frozen=True)
class FlagFilter:
    """Which flags (and passed checks) a report or list shows. None means no limit."""

    states: tuple[str, ...] | None = DEFAULT_STATES
    severity: str | None = None  # this severity and above
    rule: str | None = None  # rule id or kind
    source: str | None = None  # part of a cited statement's source name, any case
    since: str | None = None  # ISO date: flags first seen on or after it; passes citing statements dated on or after it
    story: int | None = None  # a cited statement's document id

    def _cites(self, statements: tuple[Statement, ...]) -> bool:
        if self.source and not any(self.source.lower() in (s.source or "").lower() for s in statements):
            return False
        if self.story is not None and not any(s.document_id == self.story for s in statements):
            return False
        return True

    def matches(self, rec: FlagRecord) -> bool:
        f = rec.finding
        if self.states is not None and rec.state is not None and rec.state not in self.states:
            return False
        if self.severity and severity_rank(f.severity) < severity_rank(self.severity):
            return False
        if self.rule and self.rule not in (f.rule, f.kind):
            return False
        if self.since and rec.first_seen and rec.first_seen[:10] < self.since:
            return False
        return self._cites(f.statements)

    def matches_pass(self, f: Finding) -> bool:
        if self.rule and self.rule not in (f.rule, f.kind):
            return False
        if self.since and not any((s.date or s.published or "") >= self.since for s in f.statements):
            return False
        return self._cites(f.statements)

    def describe(self) -> str:
        """The non-default limits, for a report's heading ('' when showing the default set)."""
        parts = []
        if self.states != DEFAULT_STATES:
            parts.append("state " + (", ".join(self.states) if self.states else "all"))
        if self.severity:
            parts.append(f"severity {self.severity} and above")
        for name in ("rule", "source", "since", "story"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name} {value}")
        return "; ".join(parts)


@dataclass(frozen=True)
class Report:
    """What a report shows: flags with triage state, the checks that hold, and database counts."""

    flags: tuple[FlagRecord, ...]
    passed: tuple[Finding, ...]
    counts: dict[str, int] = field(default_factory=dict)
    filters: FlagFilter | None = None
    title: str = "factcheck report"
    generated: str | None = None  # ISO timestamp; None leaves it out (golden files)
    reviewer: str | None = None  # named as the author of ClaimReviews of untriaged flags
    urls: dict[int, str] = field(default_factory=dict)  # document id -> where the story was published
    list_from: str = "info"  # flags of a lower severity are counted, not listed (text, markdown, html)
    limit: int | None = None  # at most this many flags listed in full, most severe first; None: all
    newsroom: str | None = None  # who publishes the reviews (factcheck.toml [newsroom])
    newsroom_url: str | None = None
    review_url: str | None = None  # a review's address, "{id}" standing for the flag id
    appearances: dict[int, tuple[dict[str, Any], ...]] = field(default_factory=dict)  # document id -> other appearances


def check_filter(store: Store, rules: RuleSet, filt: FlagFilter) -> None:
    """Raise NotFoundError for a story or rule that does not exist, instead of showing an empty report."""
    if filt.severity is not None and filt.severity not in SEVERITIES:
        raise NotFoundError(f"severity {filt.severity!r}: no such severity (known: {', '.join(SEVERITIES)})")
    if filt.story is not None and not any(d["id"] == filt.story for d in store.documents()):
        raise NotFoundError(f"story {filt.story}: no such story in {store.path}")
    if filt.rule is not None:
        known = {r.id for r in rules.rules} | {r.kind for r in rules.rules}
        known |= store.flag_rules()
        if filt.rule not in known:
            raise NotFoundError(f"rule {filt.rule!r}: no such rule (known: {', '.join(sorted(r.id for r in rules.rules))})")


def stored_flags(store: Store, filt: FlagFilter) -> list[FlagRecord]:
    """Stored flags that pass the filter, most severe first."""
    records = [FlagRecord.from_row(r) for r in store.flags(states=filt.states)]
    return sort_flags([r for r in records if filt.matches(r)])


def sort_flags(records: list[FlagRecord]) -> list[FlagRecord]:
    return sorted(records, key=lambda r: (-severity_rank(r.finding.severity), r.finding.kind, r.finding.message, r.id))


def build_report(store: Store, rules: RuleSet, filt: FlagFilter, reviewer: str | None = None) -> Report:
    """Stored flags and the checks that held at the last verify or audit, as stored: nothing is re-checked."""
    check_filter(store, rules, filt)
    flags = stored_flags(store, filt)
    passed = [f for f in store.passes() if filt.matches_pass(f)]
    documents = store.documents()
    urls = {d["id"]: d["url"] for d in documents if d["url"]}
    cited = {s.document_id for r in flags for s in r.finding.statements if s.document_id is not None}
    appearances = {d["id"]: tuple(store.appearances(d["id"])) for d in documents if d["appearances"] and d["id"] in cited}
    return Report(flags=tuple(flags), passed=tuple(passed), counts=store.counts(), filters=filt,
                  generated=now(), reviewer=reviewer, urls=urls, appearances=appearances)


def draft_report(flags: list[Finding], passed: list[Finding], counts: dict[str, int] | None,
                 title: str = "factcheck verify") -> Report:
    """A report of findings that are not (yet) stored, as `verify` prints them."""
    return Report(flags=tuple(FlagRecord.from_finding(f) for f in flags), passed=tuple(passed),
                  counts=dict(counts or {}), title=title)


def set_verdict(store: Store, flag_id: str, verdict: str, note: str | None, by: str) -> FlagRecord:
    """Confirm, dismiss or reopen a flag (an id or a unique prefix); records who and when."""
    if verdict not in VERDICTS:
        raise NotFoundError(f"verdict {verdict!r}: no such verdict (known: {', '.join(VERDICTS)})")
    return FlagRecord.from_row(store.triage(flag_id, VERDICTS[verdict], note, by))


def get_flag(store: Store, flag_id: str) -> FlagRecord:
    return FlagRecord.from_row(store.flag(flag_id))
