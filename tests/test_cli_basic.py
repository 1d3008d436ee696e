"""The command line: ingest, add, statements, sources, verify, rules; exit codes and the JSON contract."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

STORY = """---
title: Harbour swap
outlet: Coastal Courier
published: 2024-03-08
---
Harbour swap

The mayor wrote on Telegram that the ferry swap had been completed, but an official said the exchange was ongoing.

Each town sent 30 boats and 12 barges, 42 vessels in all, the port authority said.
"""
STATEMENT_KEYS = {"id", "document", "text", "start", "end", "source", "source_start", "source_end", "channel", "date",
                  "quote"}


def statements(fc) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    result = fc("statements", "--format", "json")
    assert result.exit_code == 0
    return json.loads(result.stdout)["statements"]


def test_ingest_then_statements_json_follows_the_contract(write, fc):
    path = write("harbour.md", STORY)
    result = fc("ingest", path)
    assert result.exit_code == 0
    assert f'stored {path}: "Harbour swap" (2024-03-08)' in result.stdout
    rows = statements(fc)
    assert rows and all(STATEMENT_KEYS <= set(r) for r in rows)
    text = path.read_text(encoding="utf-8")
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
    mayor = next(r for r in rows if r["source"] == "mayor" or (r["source"] or "").endswith("mayor"))
    assert mayor["channel"] == "Telegram" and mayor["date"] == "2024-03-08"
    assert "completed" in mayor["text"]
    assert text[mayor["source_start"]:mayor["source_end"]].lower().endswith("mayor")
    assert any(r["source"] is None for r in rows)  # the writer's narration


def test_statements_search_and_source_filter(write, fc):
    fc("ingest", write("harbour.md", STORY))
    result = fc("statements", "--search", "ongoing", "--format", "json")
    assert [r["text"] for r in json.loads(result.stdout)["statements"]] == ["the exchange was ongoing"]
    result = fc("statements", "--source", "official", "--format", "json")
    assert {r["source"] for r in json.loads(result.stdout)["statements"]} == {"an official"}
    table = fc("statements", "--search", "barges")
    assert table.exit_code == 0 and "30 boats" in table.stdout


def test_bad_search_syntax_exits_2(fc):
    fc("add", "The pier reopened", "--source", "Ana Ruiz")
    result = fc("statements", "--search", '"unclosed')
    assert result.exit_code == 2 and result.stderr.startswith("factcheck: search")


def test_dry_run_stores_nothing(write, fc):
    result = fc("ingest", "--dry-run", write("harbour.md", STORY))
    assert result.exit_code == 0 and "Telegram" in result.stdout
    assert fc("statements").exit_code == 2  # not even a database was made


def test_add_one_statement_by_hand(fc):
    result = fc("add", "The ferry swap has been completed", "--source", "Ana Ruiz", "--channel", "Telegram",
                "--date", "2024-03-08", "--document", "Harbour notes")
    assert result.exit_code == 0 and result.stdout.startswith("added statement 1")
    (row,) = statements(fc)
    assert (row["source"], row["channel"], row["date"], row["document"]) == (
        "Ana Ruiz", "Telegram", "2024-03-08", "Harbour notes")


def test_sources_lists_people_and_unnamed_sources(write, fc):
    fc("ingest", write("harbour.md", STORY))
    result = fc("sources", "--format", "json")
    assert result.exit_code == 0
    kinds = {r["name"]: r["kind"] for r in json.loads(result.stdout)["sources"]}
    assert kinds["an official"] == "anonymous"


def test_verify_json_flags_and_exit_codes(write, fc):
    fc("ingest", write("harbour.md", STORY))
    result = fc("verify", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert set(report) >= {"flags", "passed"}
    conflict = next(f for f in report["flags"] if f["kind"] == "status-conflict")
    assert {"id", "rule", "kind", "severity", "message", "statements"} <= set(conflict)
    assert all({"id", "text", "source", "document", "date"} <= set(s) for s in conflict["statements"])
    assert fc("verify", "--format", "json", "--fail-on", "error").exit_code == 1
    assert fc("verify", "--format", "json", "--fail-on", "error", db=write("empty.db", b"")).exit_code == 0


def test_verify_a_draft_keeps_nothing(write, fc):
    result = fc("verify", write("draft.md", STORY), "--format", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["flags"]
    assert statements(fc) == []


def test_rules_list(fc):
    result = fc("rules", "list")
    assert result.exit_code == 0 and "status-conflict" in result.stdout and "sum-mismatch" in result.stdout


def test_missing_argument_is_a_usage_error(fc):
    assert fc("ingest").exit_code == 2


def test_python_dash_m_runs_the_cli():
    out = subprocess.run([sys.executable, "-m", "factcheck", "--help"], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0 and "ingest" in out.stdout and "verify" in out.stdout


def test_samples_show_the_status_conflict_and_the_sum_that_holds(fc):
    result = fc("ingest", REPO / "samples")
    assert result.exit_code == 0, result.output
    result = fc("verify", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    conflicts = [f for f in report["flags"] if f["kind"] == "status-conflict"]
    assert any(any("completed" in s["text"] and "Trump" in (s["source"] or "") for s in f["statements"])
               and any("ongoing" in s["text"] and s["source"] for s in f["statements"]) for f in conflicts)
    assert any(f["kind"] == "sum-mismatch" and f["message"].startswith("270 + 120 = 390") for f in report["passed"])


def test_the_command_line_loads_no_core_module_until_a_command_needs_it():
    import subprocess
    import sys
    code = "import sys, factcheck.cli; print(' '.join(m for m in sys.modules if m.startswith('factcheck.')))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    assert loaded <= {"factcheck.cli", "factcheck.errors", "factcheck.model"}, loaded


def test_verify_and_audit_pause_the_cycle_collector_only_while_they_run(write, fc, monkeypatch):
    import gc

    import factcheck.verify

    seen = []
    checked = factcheck.verify.checked_in_parts
    monkeypatch.setattr(factcheck.verify, "checked_in_parts", lambda *a, **k: (seen.append(gc.isenabled()), checked(*a, **k))[1])
    fc("ingest", write("harbour.md", STORY))
    assert gc.isenabled()
    assert fc("verify", "--format", "json").exit_code == 1
    assert fc("audit", "--format", "json").exit_code == 1
    assert seen == [False] and gc.isenabled()  # paused while verify checked; on again after both commands
