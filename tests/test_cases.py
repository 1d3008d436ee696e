"""End-to-end cases (tests/cases/*.toml) through the command line: ingest each document, then verify.

A case lists documents (inline text with optional `published`, `outlet`, `title`, `url`) and what
`verify --format json` must flag (`must`), must not flag (`must_not`), must report as a passed check
(`pass`) and may flag (`may`). An expectation matches a finding of its kind when every `evidence`
string occurs in the texts of the statements the finding cites and every name in `sources` occurs in
their sources (case-insensitive, curly quotes folded). Every error- or warning-level flag must be
explained by a `must` or a `may`: a clean control fails on any unexpected flag.
"""
from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

CASES = sorted((Path(__file__).parent / "cases").glob("*.toml"))
FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})
COUNTED = {"error", "warning"}


def norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text or "").translate(FOLD)).strip().lower()


def matches(finding: dict[str, Any], expect: dict[str, Any]) -> bool:
    if finding.get("kind") != expect["kind"]:
        return False
    cited = finding.get("statements") or []
    texts = " || ".join(norm(s.get("text")) for s in cited)
    sources = " || ".join(norm(s.get("source")) for s in cited)
    return (all(norm(e) in texts for e in expect.get("evidence", []))
            and all(norm(n) in sources for n in expect.get("sources", [])))


def run_case(path: Path, tmp_path: Path) -> dict[str, Any]:
    """The case's documents ingested into a fresh database; the verify report as parsed JSON."""
    case = tomllib.loads(path.read_text(encoding="utf-8"))
    db = str(tmp_path / "claims.db")
    runner = CliRunner()
    for i, doc in enumerate(case["document"]):
        file = tmp_path / f"doc{i}.txt"
        file.write_text(doc["text"], encoding="utf-8")
        args = ["--db", db, "ingest", str(file)]
        for key in ("published", "outlet", "title", "url"):
            if key in doc:
                args += [f"--{key}", str(doc[key])]
        result = runner.invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, f"ingest of document {i} failed: {result.output}"
    result = runner.invoke(cli, ["--db", db, "verify", "--format", "json"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return {"case": case, "report": json.loads(result.stdout)}


def describe(f: dict[str, Any]) -> str:
    cited = " | ".join(f"{s.get('source')}: {s.get('text')}" for s in f.get("statements") or [])
    return f"{f.get('kind')} ({f.get('severity')}): {f.get('message')} [{cited[:300]}]"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    monkeypatch.delenv("FACTCHECK_RULES", raising=False)
    run = run_case(path, tmp_path)
    case, report = run["case"], run["report"]
    flags, passed = report.get("flags") or [], report.get("passed") or []
    problems = []
    for m in case.get("must", []):
        if not any(matches(f, m) for f in flags):
            problems.append(f"missed must: {m}")
    for p in case.get("pass", []):
        if not any(matches(r, p) for r in passed):
            problems.append(f"missed pass: {p}")
    for m in case.get("must_not", []):
        for f in flags:
            if matches(f, m):
                problems.append(f"broke must_not {m}: {describe(f)}")
    expected = case.get("must", []) + case.get("may", [])
    for f in flags:
        if f.get("severity") in COUNTED and not any(matches(f, e) for e in expected):
            problems.append(f"unexplained flag: {describe(f)}")
    assert not problems, "\n".join(problems)


def test_every_rule_kind_has_a_case() -> None:
    kinds = {"status-conflict", "completion-conflict", "sum-mismatch", "numeric-conflict", "quote-mismatch",
             "misattribution", "duration-mismatch", "superlative-conflict", "polarity-conflict", "date-conflict"}
    covered = set()
    for path in CASES:
        case = tomllib.loads(path.read_text(encoding="utf-8"))
        covered |= {e["kind"] for e in case.get("must", []) + case.get("pass", [])}
    assert kinds <= covered, f"no case for {sorted(kinds - covered)}"


def test_matching_folds_quotes_and_case() -> None:
    finding = {"kind": "quote-mismatch", "statements": [{"text": "\u201cWe won\u2019t leave,\u201d she said", "source": "Ana Ruiz"}]}
    assert matches(finding, {"kind": "quote-mismatch", "evidence": ["we won't leave"], "sources": ["ruiz"]})
    assert not matches(finding, {"kind": "quote-mismatch", "sources": ["lopez"]})
    assert not matches(finding, {"kind": "misattribution", "evidence": ["we won't leave"]})
