"""Run a rule's own examples: each builds a scratch database, checks it with that rule, and compares."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from factcheck.checks import CHECKS
from factcheck.extract import extract
from factcheck.model import Document, Finding, Rule
from factcheck.ruleset import RuleSet
from factcheck.store import Store

FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


@dataclass(frozen=True)
class ExampleResult:
    """One example's outcome."""

    rule: str
    name: str
    ok: bool
    reason: str


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").translate(FOLD)).strip().lower()


def _cites(f: Finding, evidence: list[str]) -> bool:
    texts = " || ".join(_norm(s.text) for s in f.statements)
    return all(_norm(e) in texts for e in evidence)


def run_example(rule: Rule, example: dict[str, Any], rules: RuleSet) -> ExampleResult:
    store = Store(":memory:")
    try:
        docs = example.get("document") or [{k: example[k] for k in ("text", "published", "outlet", "title") if k in example}]
        for d in docs:
            doc = Document(text=d["text"].strip("\n"), title=d.get("title"), outlet=d.get("outlet"),
                           published=d.get("published"), published_from="metadata" if d.get("published") else "unknown")
            if store.document_by_sha(doc.sha256) is None:
                store.add_document(doc, extract(doc, rules.lexicon))
        findings = CHECKS[rule.kind].check(store.statements(), rule, rules.lexicon)
    finally:
        store.close()
    expect = example["expect"]
    evidence = example.get("evidence", [])
    name = example.get("name", "example")
    flags = [f for f in findings if f.outcome == "flag"]
    passes = [f for f in findings if f.outcome == "pass"]
    if expect == "nothing":
        ok = not flags
        reason = "no flag" if ok else f"unexpected flag: {flags[0].message}"
    else:
        pool = flags if expect == "flag" else passes
        ok = any(_cites(f, evidence) for f in pool)
        reason = f"{expect} found" if ok else (f"no {expect} citing {evidence}" + (f" (got: {pool[0].message})" if pool else ""))
    return ExampleResult(rule.id, name, ok, reason)


def run_examples(rules: RuleSet, only: str | None = None) -> list[ExampleResult]:
    return [run_example(rule, ex, rules) for rule in rules.rules if only in (None, rule.id) for ex in rule.examples]
