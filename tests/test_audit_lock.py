"""The audit under cron: two audits never run at once, and a killed audit is redone by the next one."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.audit import audit_lock
from factcheck.errors import LockedError

DOUBT = "Ferry deal in doubt\n\nCouncillor Mara Lind said on Monday that the ferry swap between Norway and Sweden had been cancelled.\n"
FERRY = "Ferry crews trade places\n\nThe mayor wrote on Telegram that the ferry swap between Norway and Sweden had been completed, but an official said the exchange was ongoing.\n"

# A real audit that stops just before recording its flags until told to go on (a line on stdin).
PAUSED_AUDIT = """
import sys
from factcheck.audit import audit
from factcheck.ruleset import load_rules
from factcheck.store import Store

def pause(what, done, total):
    if what == "recording flags":
        print("holding", flush=True)
        sys.stdin.readline()

result = audit(Store(sys.argv[1]), load_rules(), progress=pause)
print(len(result.new), flush=True)
"""

# An audit whose process dies (as under kill -9 or a power cut) after syncing flags, before the run is recorded.
KILLED_AUDIT = """
import os, sys
from factcheck.audit import audit
from factcheck.ruleset import load_rules
from factcheck.store import Store

store = Store(sys.argv[1])
store.finish_audit = lambda *args, **kwargs: os._exit(9)
audit(store, load_rules())
"""


def factcheck(db: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factcheck", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def ferry_db(tmp_path: Path) -> Path:
    db = tmp_path / "claims.db"
    (tmp_path / "ferry.txt").write_text(FERRY, encoding="utf-8")
    assert factcheck(db, "ingest", str(tmp_path / "ferry.txt"), "--published", "2025-06-02").returncode == 0
    return db


def start_paused(db: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", PAUSED_AUDIT, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_two_audits_at_once_one_is_refused_cleanly(ferry_db):
    holder = start_paused(ferry_db)
    try:
        second = factcheck(ferry_db, "audit")
    finally:
        out, err = holder.communicate("\n", timeout=60)
    assert second.returncode == 2
    assert second.stdout == ""
    assert second.stderr.count("\n") == 1 and "another audit is running" in second.stderr
    assert "--wait" in second.stderr and "Traceback" not in second.stderr
    assert holder.returncode == 0, err
    assert int(out) >= 1  # the first audit finished and found the conflict
    runs = json.loads(factcheck(ferry_db, "audit", "history", "--format", "json").stdout)["runs"]
    assert [r["outcome"] for r in runs] == ["ok"]  # the refused audit left no run behind


def test_wait_lets_the_second_audit_run_after_the_first(ferry_db):
    holder = start_paused(ferry_db)
    second = subprocess.Popen([sys.executable, "-m", "factcheck", "--db", str(ferry_db), "audit", "--wait", "60",
                               "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    holder.communicate("\n", timeout=60)
    out, err = second.communicate(timeout=60)
    assert holder.returncode == 0
    assert second.returncode == 0, err  # the first audit already reported the conflict
    doc = json.loads(out)
    assert doc["new"] == [] and doc["open"] >= 1 and doc["run"]["full"] is False


def test_journalists_ingest_while_an_audit_runs_and_the_next_audit_picks_it_up(ferry_db, tmp_path):
    holder = start_paused(ferry_db)
    try:
        (tmp_path / "doubt.txt").write_text(DOUBT, encoding="utf-8")
        ingested = factcheck(ferry_db, "ingest", str(tmp_path / "doubt.txt"), "--published", "2025-06-02")
    finally:
        holder.communicate("\n", timeout=60)
    assert ingested.returncode == 0, ingested.stderr
    assert holder.returncode == 0
    doc = json.loads(factcheck(ferry_db, "audit", "--format", "json").stdout)
    assert doc["run"]["full"] is False and "2 statements added or edited" in doc["run"]["note"]
    assert doc["new"] == [] and doc["resolved"] == []  # the same conflict told once more: no news ...
    flags = json.loads(factcheck(ferry_db, "flags", "--format", "json").stdout)["flags"]
    conflict = next(f for f in flags if f["kind"] == "status-conflict")
    assert "Councillor Mara Lind" in {s["source"] for s in conflict["statements"]}  # ... one more citation


def test_lock_is_refused_in_process_and_released_afterwards(tmp_path):
    db = str(tmp_path / "claims.db")
    with audit_lock(db):
        with pytest.raises(LockedError, match="another audit is running"):
            with audit_lock(db, wait=0.2):
                pass
    with audit_lock(db):  # free again
        pass


def test_a_killed_audit_is_marked_failed_and_redone(ferry_db):
    killed = subprocess.run([sys.executable, "-c", KILLED_AUDIT, str(ferry_db)], capture_output=True, text=True, timeout=60)
    assert killed.returncode == 9, killed.stderr
    after = factcheck(ferry_db, "audit", "--format", "json")
    assert after.returncode == 1, after.stderr
    doc = json.loads(after.stdout)
    assert "status-conflict" in {f["kind"] for f in doc["new"]}  # the interrupted run's findings are reported again
    assert doc["run"]["full"] is True
    runs = json.loads(factcheck(ferry_db, "audit", "history", "--format", "json").stdout)["runs"]
    assert [r["outcome"] for r in runs] == ["failed", "ok"]
    assert "interrupted" in runs[0]["note"]
