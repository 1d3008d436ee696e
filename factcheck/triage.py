"""The editor's side of flags: which stored flags a report shows, its contents, and verdicts (confirm, dismiss,
reopen). The records themselves (Flag, FlagFilter, Report) live in the model."""
from __future__ import annotations

from factcheck.errors import NotFoundError
from factcheck.model import SEVERITIES, Flag, FlagFilter, Report
from factcheck.ruleset import RuleSet
from factcheck.store import Store, now

VERDICTS = {"confirm": "confirmed", "dismiss": "dismissed", "reopen": "open"}


def check_filter(store: Store, rules: RuleSet, filt: FlagFilter) -> None:
    """Raise NotFoundError for a story or rule that does not exist, instead of showing an empty report."""
    if filt.severity is not None and filt.severity not in SEVERITIES:
        raise NotFoundError(f"severity {filt.severity!r}: no such severity (known: {', '.join(SEVERITIES)})")
    if filt.story is not None and not store.has_story(filt.story):
        raise NotFoundError(f"story {filt.story}: no such story in {store.path}")
    if filt.rule is not None:
        known = {r.id for r in rules.rules} | {r.kind for r in rules.rules}
        known |= store.flag_rules()
        if filt.rule not in known:
            raise NotFoundError(f"rule {filt.rule!r}: no such rule (known: {', '.join(sorted(r.id for r in rules.rules))})")


def stored_flags(store: Store, filt: FlagFilter, list_from: str = "info") -> list[Flag]:
    """Stored flags that pass the filter, most severe first; those below `list_from`, which a report only counts,
    without the statements they cite (unless the filter asks about a source or a story)."""
    cited_from = "info" if filt.source or filt.story is not None else list_from
    records = store.flags(states=filt.states, cited_from=cited_from)
    return sort_flags([r for r in records if filt.matches(r)])


def sort_flags(records: list[Flag]) -> list[Flag]:
    return sorted(records, key=lambda r: r.order)


def build_report(store: Store, rules: RuleSet, filt: FlagFilter, reviewer: str | None = None,
                 list_from: str = "info", limit: int | None = None) -> Report:
    """Stored flags and the checks that held at the last verify or audit, as stored: nothing is re-checked.
    Flags below `list_from` are counted, not listed, and read without their citations; with a `limit` (what a
    report lists), only that many checks that held are read, and the rest counted."""
    check_filter(store, rules, filt)
    flags = stored_flags(store, filt, list_from)
    total = None
    if limit and not (filt.rule or filt.since or filt.source or filt.story is not None):  # matches_pass: all
        passed, total = store.passes(limit), store.pass_count()
    else:
        passed = [f for f in store.passes() if filt.matches_pass(f)]
    cited = {s.document_id for r in flags for s in r.finding.statements if s.document_id is not None}
    cited |= {s.document_id for f in passed for s in f.statements if s.document_id is not None}
    urls, appearances = store.story_links(cited)
    return Report(flags=tuple(flags), passed=tuple(passed), counts=store.counts(), filters=filt, list_from=list_from,
                  generated=now(), reviewer=reviewer, urls=urls, appearances=appearances, passed_total=total)


def set_verdict(store: Store, flag_id: str, verdict: str, note: str | None, by: str) -> Flag:
    """Confirm, dismiss or reopen a flag (an id or a unique prefix); records who and when."""
    if verdict not in VERDICTS:
        raise NotFoundError(f"verdict {verdict!r}: no such verdict (known: {', '.join(VERDICTS)})")
    return store.triage(flag_id, VERDICTS[verdict], note, by)


def get_flag(store: Store, flag_id: str) -> Flag:
    return store.flag(flag_id)
