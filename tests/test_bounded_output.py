"""Reports stay readable on a large database: errors and warnings in full, info notes counted, a limit."""
from __future__ import annotations

import json
from pathlib import Path

SAMPLES = Path(__file__).parent.parent / "samples"


def demo(fc) -> None:
    assert fc("ingest", str(SAMPLES)).exit_code == 0


def test_verify_lists_errors_and_warnings_and_counts_info_notes(fc):
    demo(fc)
    out = fc("verify").stdout
    assert "ERROR" in out and "WARNING" in out and "INFO" not in out
    assert "1 info note not listed (anonymous-source 1): --severity info lists them" in out
    assert "INFO anonymous-source" in fc("verify", "--severity", "info").stdout


def test_verify_limit_lists_the_most_severe_first_and_counts_the_rest(fc):
    demo(fc)
    out = fc("verify", "--limit", "1").stdout
    assert "ERROR" in out and "WARNING" not in out
    assert "1 more flag not listed: --limit 0 lists all" in out
    assert "WARNING" in fc("verify", "--limit", "0").stdout


def test_json_carries_every_flag_whatever_the_listing(fc):
    demo(fc)
    flags = json.loads(fc("verify", "--format", "json", "--limit", "1", "--severity", "error").stdout)["flags"]
    assert sorted(f["severity"] for f in flags) == ["error", "info", "warning"]


def test_report_counts_info_notes_unless_asked_and_markdown_says_so(fc):
    demo(fc)
    fc("verify")
    assert "info note not listed" in fc("report").stdout
    assert "info note not listed" in fc("report", "--format", "markdown").stdout
    assert "INFO anonymous-source" in fc("report", "--severity", "info").stdout


def test_statements_table_is_a_page_and_json_is_everything(fc):
    demo(fc)
    every = json.loads(fc("statements", "--format", "json").stdout)["statements"]
    assert len(every) > 5
    page = json.loads(fc("statements", "--format", "json", "--limit", "3", "--offset", "2").stdout)["statements"]
    assert [s["id"] for s in page] == [s["id"] for s in every[2:5]]
    table = fc("statements", "--limit", "3").stdout
    assert "statements 1-3 (more: --offset 3)" in table


def test_jsonl_is_one_finding_per_line_and_json_still_parses_whole(fc):
    demo(fc)
    lines = fc("verify", "--format", "jsonl").stdout.splitlines()
    rows = [json.loads(line) for line in lines]
    assert {r["outcome"] for r in rows} == {"flag", "pass"} and all("rule" in r for r in rows)
    whole = json.loads(fc("verify", "--format", "json").stdout)
    assert len(whole["flags"]) == sum(r["outcome"] == "flag" for r in rows)
    fc("verify")
    assert [json.loads(line)["id"] for line in fc("report", "--format", "jsonl").stdout.splitlines()] == \
        [f["id"] for f in json.loads(fc("report", "--format", "json").stdout)["flags"]]


def test_quiet_verify_prints_nothing_and_keeps_the_exit_code(fc):
    demo(fc)
    loud, quiet = fc("verify"), fc("verify", "--quiet")
    assert quiet.stdout == "" and quiet.exit_code == loud.exit_code == 1
    assert fc("verify", "-q", "--fail-on", "error").exit_code == 1
