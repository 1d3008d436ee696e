"""`factcheck report` on a database: formats, files, filters, and the passed checks recomputed."""
from __future__ import annotations

import csv
import io
import json

from test_flags_cli import seed

from factcheck.render.terminal import console

TALLY = ("Border towns trade detainees\n\nUpdated 12 March 2025\n\n"
         "Two neighbouring states each handed over 150 detainees on Wednesday, the first stage of a larger exchange.\n\n"
         "Both governments said they had each freed 100 soldiers and 50 civilians so far.\n")


def test_text_report_headline_and_flags(fc, db_path) -> None:
    ids = seed(db_path)
    result = fc("report")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("factcheck report\n2 flags: 1 error, 1 info (2 open)\n")
    assert "\n0 checks passed · 1 story · 2 sources · 2 statements\n" in out
    assert "Ferry link reopens (Island Courier · 2025-06-03)" in out
    assert f"ERROR status-conflict {ids['status-conflict'][:8]}" in out
    assert "\x1b[" not in out


def test_report_defaults_to_open_and_confirmed(fc, db_path) -> None:
    ids = seed(db_path)
    fc("flags", "dismiss", ids["status-conflict"], "--note", "fine")
    fc("flags", "confirm", ids["anonymous-source"])
    assert "status-conflict" not in fc("report").stdout
    everything = fc("report", "--state", "all").stdout
    assert "dismissed by" in everything and "confirmed by" in everything
    doc = json.loads(fc("report", "--format", "json", "--state", "all").stdout)
    assert {f["rule"]: f["state"] for f in doc["flags"]} == {"status-conflict": "dismissed", "anonymous-source": "confirmed"}
    assert doc["counts"]["documents"] == 1


def test_report_lists_the_passed_checks_of_the_last_run_without_rechecking(fc, write) -> None:
    fc("ingest", write("tally.txt", TALLY))
    assert json.loads(fc("report", "--format", "json").stdout)["passed"] == []  # nothing checked yet
    fc("verify")
    doc = json.loads(fc("report", "--format", "json").stdout)
    assert [p["kind"] for p in doc["passed"]] == ["sum-mismatch"]
    assert "\u2713 " + doc["passed"][0]["detail"] in fc("report").stdout
    assert json.loads(fc("report", "--format", "json", "--rule", "unsourced").stdout)["passed"] == []


def test_every_format_to_a_file(fc, db_path, tmp_path) -> None:
    seed(db_path)
    for fmt, check in (
        ("text", lambda t: t.startswith("factcheck report")),
        ("markdown", lambda t: t.startswith("# factcheck report")),
        ("html", lambda t: t.startswith("<!doctype html>") and "Ferry link reopens" in t),
        ("json", lambda t: len(json.loads(t)["flags"]) == 2),
        ("csv", lambda t: len(list(csv.DictReader(io.StringIO(t)))) == 3),  # 2 statements + 1
        ("claimreview", lambda t: [r["@type"] for r in json.loads(t)] == ["ClaimReview"] * 2),
    ):
        out = tmp_path / f"report.{fmt}"
        result = fc("report", "--format", fmt, "-o", out)
        assert result.exit_code == 0 and result.stdout == ""
        assert check(out.read_text(encoding="utf-8")), fmt


def test_claimreview_names_the_claim_author_and_reviewer(fc, db_path) -> None:
    ids = seed(db_path)
    fc("flags", "confirm", ids["status-conflict"], "--by", "ana")
    reviews = {r["identifier"]: r for r in json.loads(fc("report", "--format", "claimreview", "--by", "desk").stdout)}
    confirmed = reviews[ids["status-conflict"]]
    assert confirmed["itemReviewed"]["author"] == {"@type": "Person", "name": "Tomas Veld"}
    assert confirmed["itemReviewed"]["appearance"]["headline"] == "Ferry link reopens"
    assert confirmed["itemReviewed"]["appearance"]["url"] == "https://courier.example/ferry"
    assert confirmed["reviewBody"].startswith("Tomas Veld says the repair was completed; a harbour official says it is ongoing.")
    assert confirmed["author"]["name"] == "ana"
    assert reviews[ids["anonymous-source"]]["author"]["name"] == "desk"


def test_report_filters_and_bad_values(fc, db_path) -> None:
    seed(db_path)
    assert [f["rule"] for f in json.loads(fc("report", "--format", "json", "--severity", "error").stdout)["flags"]] == ["status-conflict"]
    assert json.loads(fc("report", "--format", "json", "--source", "nobody").stdout)["flags"] == []
    bad = fc("report", "--story", "99")
    assert bad.exit_code == 2 and bad.stderr.startswith("factcheck: story 99: no such story")
    assert fc("report", "--since", "yesterday").exit_code == 2


def test_verify_writes_its_report_to_a_file(fc, write, tmp_path) -> None:
    out = tmp_path / "verify.txt"
    fc("verify", write("tally.txt", TALLY), "-o", out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("factcheck verify") and "\u2713 100 soldiers + 50 civilians = 150 detainees" in text


def test_console_is_plain_with_no_color(monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert console().no_color


def test_triage_core_does_not_import_rich() -> None:
    import subprocess
    import sys

    # click is not checked: sqlite-utils (under the store) imports it for its own plugin hooks
    code = "import sys, factcheck.triage; print(sorted({'rich'} & set(sys.modules)))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"


def test_an_audit_records_the_checks_that_held_too(fc, write) -> None:
    fc("ingest", write("tally.txt", TALLY))
    fc("audit")
    assert [p["kind"] for p in json.loads(fc("report", "--format", "json").stdout)["passed"]] == ["sum-mismatch"]
