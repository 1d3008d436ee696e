"""Consistency checks: one module per rule kind, each a pure function (statements, rule, lexicon) -> findings.

The registry is an explicit dict. `run_checks` groups nothing itself: every check blocks its
statements by its own keys (event, measure, speaker) before comparing, so cost grows near-linearly.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from factcheck.checks import (
    anonymous, completion, dates, duration, misattribution, numeric, place, polarity, quotes, stages, status, sums,
    superlative, unsourced,
)
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Reach, Rule, Statement

Check = Callable[[Sequence[Statement], Rule, Lexicon], list[Finding]]

CHECKS = {
    "status-conflict": status,
    "completion-conflict": completion,
    "sum-mismatch": sums,
    "numeric-conflict": numeric,
    "quote-mismatch": quotes,
    "misattribution": misattribution,
    "duration-mismatch": duration,
    "superlative-conflict": superlative,
    "polarity-conflict": polarity,
    "date-conflict": dates,
    "place-conflict": place,
    "anonymous-source": anonymous,
    "unsourced": unsourced,
}


def reach(rules: Sequence[Rule]) -> Reach:
    """How far across days these rules compare the statements of one event frame: the most any of their checks
    declares (REACH_DAYS), the agreed totals completion-conflict holds against claims of any later day, and the
    function words of polarity-conflict's propositions (of every such rule: a word any of them ignores), and how
    common a run of words quote-mismatch still compares a speaker's quotes by, and how alike misattribution asks
    two speakers' quotes to be.
    What a draft or an audit reads around a statement (Store.neighbours) follows it."""
    polarity_rules = any(r.kind == "polarity-conflict" for r in rules)
    return Reach(days=max((getattr(CHECKS[r.kind], "REACH_DAYS", 0) for r in rules), default=0),
                 totals=frozenset(str(r.params.get("agreed_action", completion.PARAMS["agreed_action"])) for r in rules if r.kind == "completion-conflict"),
                 settled=stages.COMPLETED,
                 ignored=frozenset(w.lower() for r in rules if r.kind == "polarity-conflict"
                                   for w in r.params.get("function_words", ())) if polarity_rules else None,
                 quote_runs=quotes.MAX_SHARED if any(r.kind == "quote-mismatch" for r in rules) else 0,
                 quote_alike=min((float(r.params.get("min_similarity", misattribution.PARAMS["min_similarity"]))
                                  for r in rules if r.kind == "misattribution"), default=None))


def run_checks(statements: Sequence[Statement], rules: Sequence[Rule], lexicon: Lexicon,
               focus: set[int] | None = None) -> list[Finding]:
    """Every rule over the statements; with `focus`, only findings citing one of those statement ids. Findings
    with one identity (one source telling one claim twice in a story) are one finding: the first told."""
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for rule in rules:
        for f in CHECKS[rule.kind].check(statements, rule, lexicon):
            if (focus is None or any(s.id in focus for s in f.statements)) and (f.outcome, f.fingerprint) not in seen:
                seen.add((f.outcome, f.fingerprint))
                findings.append(f)
    return findings
