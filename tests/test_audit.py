"""The nightly audit: new / resolved flags between runs, history, incremental == full, rules change, failures."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import bench_module

import factcheck.parts as parts
from factcheck.audit import audit, history, touched
from factcheck.extract import extract
from factcheck.ingest import ingest
from factcheck.model import Document
from factcheck.read import Meta
from factcheck.render import record_dict
from factcheck.ruleset import RuleSet, load_rules
from factcheck.store import Store
from factcheck.verify import verify

FERRY = "Ferry crews trade places\n\nThe mayor wrote on Telegram that the ferry swap between Norway and Sweden had been completed, but an official said the exchange was ongoing.\n"
HARBOUR = "Harbour fees rise\n\nThe port authority said dock fees would rise in July.\n"
DOUBT = "Ferry deal in doubt\n\nCouncillor Mara Lind said on Monday that the ferry swap between Norway and Sweden had been cancelled.\n"
ONLY_INFO = "Quiet pier\n\nAn official said the ferry swap was ongoing.\n"
DAY = "2025-06-02"


def add(store: Store, rules: RuleSet, tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report, _ = ingest(store, [str(path)], Meta(published=DAY), rules.lexicon)
    assert not report.errors


def kinds(flags: list) -> list[str]:
    return sorted(f.finding.kind for f in flags)


# --- command line ---------------------------------------------------------------------------------

def test_first_audit_lists_the_conflict_second_is_clean_and_history_has_both(fc, write):
    assert fc("ingest", write("ferry.txt", FERRY), "--published", DAY).exit_code == 0
    first = fc("audit", "--format", "json")
    assert first.exit_code == 1
    doc = json.loads(first.stdout)
    assert "status-conflict" in {f["kind"] for f in doc["new"]}
    conflict = next(f for f in doc["new"] if f["kind"] == "status-conflict")
    assert {s["source"] for s in conflict["statements"]} == {"the mayor", "an official"}
    assert doc["resolved"] == [] and doc["open"] == len(doc["new"])
    assert doc["run"]["full"] is True and doc["run"]["outcome"] == "ok" and "first audit" in doc["run"]["note"]

    second = fc("audit", "--format", "json")
    assert second.exit_code == 0
    doc2 = json.loads(second.stdout)
    assert doc2["new"] == [] and doc2["resolved"] == [] and doc2["open"] == doc["open"]
    assert doc2["run"]["full"] is False and doc2["run"]["statements_checked"] == 0

    runs = json.loads(fc("audit", "history", "--format", "json").stdout)["runs"]
    assert [(r["id"], r["outcome"], r["full"], r["new"]) for r in runs] == [
        (doc["run"]["id"], "ok", True, len(doc["new"])), (doc2["run"]["id"], "ok", False, 0)]
    assert runs[0]["rules_hash"] and runs[0]["started"] <= runs[0]["finished"]
    assert runs[1]["still_open"] == doc["open"]
    table = fc("audit", "history")
    assert table.exit_code == 0 and "incremental" in table.stdout and "first audit" in table.stdout


def test_text_report_when_new_and_silence_when_nothing_new_off_a_terminal(fc, write):
    fc("ingest", write("ferry.txt", FERRY), "--published", DAY)
    first = fc("audit")
    assert first.exit_code == 1
    assert "status-conflict" in first.stdout and "1 error" in first.stdout
    second = fc("audit")
    assert second.exit_code == 0 and second.stdout == "" and second.stderr == ""


@pytest.mark.parametrize("fmt, marker", [("markdown", "# audit run 1"), ("html", "<html"), ("text", "audit run 1")])
def test_report_file_in_each_format(fc, write, tmp_path, fmt, marker):
    fc("ingest", write("ferry.txt", FERRY), "--published", DAY)
    out = tmp_path / f"audit.{fmt}"
    result = fc("audit", "--format", fmt, "-o", out)
    assert result.exit_code == 1
    assert result.stdout.startswith("audit run 1: ") and str(out) in result.stdout
    body = out.read_text(encoding="utf-8")
    assert marker in body.lower() if fmt == "html" else marker in body
    assert "status-conflict" in body


def test_a_second_report_the_same_night_still_lists_the_open_flags(fc, write, tmp_path):
    fc("ingest", write("ferry.txt", FERRY), "--published", DAY)
    out = tmp_path / "audit.html"
    assert fc("audit", "--format", "html", "-o", out).exit_code == 1
    assert fc("audit", "--format", "html", "-o", out).exit_code == 0  # nothing new ...
    body = out.read_text(encoding="utf-8")
    assert "0 new, 0 resolved, 2 open" in body and "status-conflict" in body  # ... but the open flags are shown
    earlier = (tmp_path / "audit.1.html").read_text(encoding="utf-8")  # and the first report is kept beside it
    assert "audit run 1: 2 new" in earlier
    fc("audit", "--format", "html", "-o", out)
    assert (tmp_path / "audit.2.html").exists() and "audit run 2" in (tmp_path / "audit.2.html").read_text(encoding="utf-8")


def test_fail_on_counts_only_new_flags_at_or_above_it(fc, write):
    fc("ingest", write("info.txt", ONLY_INFO), "--published", DAY)
    assert fc("audit").exit_code == 0  # an unnamed source is only info
    fc("ingest", write("ferry.txt", FERRY), "--published", DAY)
    assert fc("audit", "--fail-on", "info", "--format", "json").exit_code == 1


def test_rules_change_makes_the_audit_full_and_says_so(fc, write, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(load_rules().directory, rules)
    fc("ingest", write("ferry.txt", FERRY), "--published", DAY)
    fc("--rules", rules, "audit")
    assert json.loads(fc("--rules", rules, "audit", "--format", "json").stdout)["run"]["full"] is False
    rule = rules / "anonymous-source.toml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("rests on an unnamed", "leans on an unnamed"), encoding="utf-8")
    result = fc("--rules", rules, "audit", "--format", "json")
    run = json.loads(result.stdout)["run"]
    assert run["full"] is True and "rules changed" in run["note"]
    assert fc("--rules", rules, "audit", "--format", "json").exit_code == 0


def test_full_flag_checks_everything(fc, write):
    fc("ingest", write("ferry.txt", FERRY), "--published", DAY)
    fc("audit")
    run = json.loads(fc("audit", "--full", "--format", "json").stdout)["run"]
    assert run["full"] is True and run["statements_checked"] == 3 and run["new"] == 0


# --- incremental == full -------------------------------------------------------------------------

def snapshot(path: Path) -> tuple[list, list]:
    conn = sqlite3.connect(path)
    try:
        flags = conn.execute("SELECT id, state FROM flags ORDER BY id").fetchall()
        seen = conn.execute("SELECT flag_id, statement_id FROM audit_flags ORDER BY 1, 2").fetchall()
    finally:
        conn.close()
    return flags, seen


def audit_both_ways(db: Path, rules: RuleSet, tmp_path: Path, step: str) -> tuple[dict, dict]:
    """Audit a copy fully and the database incrementally; both must leave the same flags and report the same changes."""
    twin = tmp_path / f"twin-{step}.db"
    src = Store(db)
    dst = sqlite3.connect(twin)
    src.conn.backup(dst)
    dst.close()
    inc = audit(src, rules)
    src.close()
    full_store = Store(twin)
    full = audit(full_store, rules, full=True)
    full_store.close()
    assert not inc.full and full.full
    assert snapshot(db) == snapshot(twin)
    assert sorted(r.id for r in inc.new) == sorted(r.id for r in full.new)
    assert sorted(r.id for r in inc.resolved) == sorted(r.id for r in full.resolved)
    assert inc.open == full.open
    return inc.run, full.run


def test_incremental_and_full_give_the_same_findings(tmp_path, rules):
    db = tmp_path / "claims.db"
    store = Store(db)
    add(store, rules, tmp_path, "ferry.txt", FERRY)
    add(store, rules, tmp_path, "harbour.txt", HARBOUR)
    first = audit(store, rules)
    assert first.full and "status-conflict" in kinds(first.new)
    old_conflict = next(r.id for r in first.new if r.finding.kind == "status-conflict")

    add(store, rules, tmp_path, "doubt.txt", DOUBT)  # a third state of the same swap, on the same day
    store.close()
    inc_run, full_run = audit_both_ways(db, rules, tmp_path, "added")
    assert inc_run["statements_checked"] < full_run["statements_checked"]  # the harbour story is left alone

    store = Store(db)
    conflict = next(f for f in store.flags(states=["open"]) if f.finding.kind == "status-conflict")
    # the new story tells the same conflict (the swap completed, and not): it joins the flag as a citation
    assert conflict.id == old_conflict and len(conflict.finding.statements) == 3
    # an edit the flags' own digest cannot see: the official's state changes from ongoing to completed
    official = next(s for s in store.statements() if s.source == "an official")
    with store.transaction() as c:
        c.execute("UPDATE statuses SET state = 'completed' WHERE statement_id = ?", (official.id,))
    store.close()
    inc_run, _ = audit_both_ways(db, rules, tmp_path, "edited")
    told = [s for s in Store(db).statements() if s.document_id == official.document_id]
    assert f"{len(told)} statements added or edited" in inc_run["note"]  # the edited story is checked again


def test_an_incremental_audit_reads_the_changed_stories_and_their_block_mates_only(tmp_path, rules):
    store = Store(tmp_path / "claims.db")
    add(store, rules, tmp_path, "ferry.txt", FERRY)
    add(store, rules, tmp_path, "harbour.txt", HARBOUR)
    audit(store, rules)
    since = store.revision()
    add(store, rules, tmp_path, "doubt.txt", DOUBT)  # the same swap: it shares the ferry story's frame
    statements, focus, gone = touched(store, since, store.audit_flags(), rules)
    stories = {s.document: {x.id for x in statements if x.document == s.document} for s in statements}
    assert set(stories) == {"Ferry deal in doubt", "Ferry crews trade places"}  # not the harbour fees
    assert focus == stories["Ferry deal in doubt"] and gone == set()
    store.close()


def test_incremental_and_full_agree_on_the_planted_corpus(tmp_path, rules):
    corpus, _ = bench_module("corpus").write(tmp_path / "corpus", 300, seed=11)
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    db = tmp_path / "claims.db"
    store = Store(db)
    for step, part in enumerate((lines[:200], lines[200:260], lines[260:])):
        (tmp_path / f"part{step}.jsonl").write_text("".join(part), encoding="utf-8")
        report, _ = ingest(store, [str(tmp_path / f"part{step}.jsonl")], Meta(), rules.lexicon)
        assert not report.errors
        if step == 0:
            assert audit(store, rules).full
            continue
        store.close()
        inc_run, full_run = audit_both_ways(db, rules, tmp_path, f"part{step}")
        assert inc_run["statements_checked"] < full_run["statements_checked"] / 2
        store = Store(db)
    assert len(store.flags(states=["open"])) > 10  # the planted conflicts were there to agree on
    store.close()

@pytest.mark.parametrize("verified, part", [(False, None), (True, None), (True, 150)],
                         ids=["fresh", "after verify", "after verify, in parts"])
def test_the_flags_an_audit_lists_as_new_are_those_it_stored(tmp_path, rules, monkeypatch, verified, part):
    if part:
        monkeypatch.setattr(parts, "PART_STATEMENTS", part)
    corpus, _ = bench_module("corpus").write(tmp_path / "corpus", 200, seed=5)
    store = Store(tmp_path / "claims.db")
    assert not ingest(store, [str(corpus)], Meta(), rules.lexicon, max_bytes=10 ** 9)[0].errors
    if verified:  # the flags are stored already, by a verify: new to the audit all the same
        assert verify(store, rules).flags
    first = audit(store, rules)  # listed with the statements the run has just checked, not read again
    assert len(first.new) > 10
    stored = {f.id: f for f in store.flags(ids=[f.id for f in first.new])}
    for listed in first.new:  # as every report shows them: the JSON record, the figures and states marked
        again = stored[listed.id]
        assert record_dict(listed) == record_dict(again)
        assert [(s.quantities, s.statuses) for s in listed.finding.statements] == [
            (s.quantities, s.statuses) for s in again.finding.statements]
    store.close()


# --- failures leave no half-written run ----------------------------------------------------------

def test_a_failed_audit_is_recorded_as_failed_and_the_next_one_redoes_it(tmp_path, rules, monkeypatch):
    store = Store(tmp_path / "claims.db")
    add(store, rules, tmp_path, "ferry.txt", FERRY)

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "finish_audit", boom)
    with pytest.raises(RuntimeError):
        audit(store, rules)
    monkeypatch.undo()
    assert [(r["outcome"], r["note"]) for r in history(store)] == [("failed", "failed: RuntimeError: disk on fire")]
    again = audit(store, rules)
    assert again.full and "status-conflict" in kinds(again.new)
    assert [r["outcome"] for r in history(store)] == ["failed", "ok"]
    store.close()


def test_an_unwritable_report_file_is_refused_before_anything_is_recorded(fc, write, tmp_path):
    fc("ingest", write("ferry.txt", FERRY), "--published", DAY)
    result = fc("audit", "-o", tmp_path / "missing" / "audit.html")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "missing/audit.html" in result.stderr
    assert json.loads(fc("audit", "history", "--format", "json").stdout)["runs"] == []
    assert fc("audit").exit_code == 1  # the conflict is still news


def test_a_dismissed_flag_is_not_news_until_a_conflicting_claim_changes(tmp_path, rules):
    store = Store(tmp_path / "claims.db")
    add(store, rules, tmp_path, "ferry.txt", FERRY)
    conflict = next(r for r in audit(store, rules).new if r.finding.kind == "status-conflict")
    store.triage(conflict.id, "dismissed", "two different ferries", "ana")
    assert audit(store, rules, full=True).new == []
    official = next(s for s in store.statements() if s.source == "an official")
    with store.transaction() as c:  # reworded, same claim: the dismissal holds
        c.execute("UPDATE statements SET text = 'the exchange was still ongoing' WHERE id = ?", (official.id,))
    assert audit(store, rules).new == []
    assert store.flags(ids=[conflict.id])[0].state == "dismissed"
    with store.transaction() as c:  # the official now says the swap is off: the claim changed
        c.execute("UPDATE statements SET text = 'the exchange was cancelled' WHERE id = ?", (official.id,))
        c.execute("UPDATE statuses SET state = 'cancelled' WHERE statement_id = ?", (official.id,))
    again = audit(store, rules)
    assert [r.id for r in again.new if r.finding.kind == "status-conflict"] == [conflict.id]
    assert again.new[0].state == "open"
    assert (again.new[0].reopened_reason or "").endswith("completed vs ongoing \u2192 completed vs cancelled")
    store.close()


def test_an_audit_with_nothing_new_runs_no_check_and_keeps_what_is_open(tmp_path, rules, monkeypatch):
    store = Store(tmp_path / "claims.db")
    add(store, rules, tmp_path, "ferry.txt", FERRY)
    first = audit(store, rules)
    import factcheck.audit as audit_module

    def no_checks(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a check ran although nothing changed")

    monkeypatch.setattr(audit_module, "run_checks", no_checks)
    cited_only = Store.statements

    def no_full_read(self, document_ids=None, **kwargs):  # type: ignore[no-untyped-def]
        assert document_ids is not None or kwargs.get("ids") is not None, \
            "every statement read although the change counter said nothing changed"
        return cited_only(self, document_ids, **kwargs)  # the open flags' own statements, for the report

    monkeypatch.setattr(Store, "statements", no_full_read)
    again = audit(store, rules)
    assert again.new == [] and again.resolved == [] and again.open == first.open
    assert sorted(f.id for f in again.still_open(store)) == sorted(f.id for f in first.new)
    assert "no check run" in again.run["note"] and again.run["statements_checked"] == 0
    store.close()


def test_the_audit_report_marks_what_is_new(fc, write, tmp_path):
    fc("ingest", write("ferry.txt", FERRY), "--published", DAY)
    first = fc("audit", "--format", "markdown").stdout
    assert "(2 new)" in first and "\u2014 new" in first
    fc("ingest", write("harbour.txt", HARBOUR), "--published", DAY)
    fc("audit", "--format", "markdown", "-o", tmp_path / "later.md")
    later = (tmp_path / "later.md").read_text(encoding="utf-8")
    assert "(2 open)" in later and "\u2014 new" not in later  # the first run's flags are open now, not new


def test_the_change_counter_moves_with_every_edit_to_what_checks_read(tmp_path, rules):
    store = Store(tmp_path / "claims.db")
    add(store, rules, tmp_path, "ferry.txt", FERRY)
    counts = [store.revision()]
    first = audit(store, rules)  # the audit moves the counter on once, and records where it stands
    counts.append(store.revision())
    with store.transaction() as c:  # an edit by hand, as another tool might make it
        c.execute("UPDATE statuses SET negated = 1 WHERE id = (SELECT min(id) FROM statuses)")
    counts.append(store.revision())
    assert counts[0] > 0 and counts[1] == counts[0] + 1 == first.run["revision"] and counts[2] > counts[1]
    again = audit(store, rules)
    assert "nothing added" not in again.run["note"] and again.run["revision"] == counts[2] + 1
    assert "nothing added" in audit(store, rules).run["note"]
    store.close()


def test_a_statement_added_to_a_story_after_an_audit_is_seen_by_the_next(tmp_path, rules):
    # rows added to a story marked at the current count mark nothing again (m027): an audit must move the count on
    store = Store(tmp_path / "claims.db")
    add(store, rules, tmp_path, "ferry.txt", FERRY)
    audit(store, rules)
    title = store.statements()[0].document
    typed = Document(text="The harbour office said 9 of the 15 boats were sailing again.", title=title)
    (added,) = extract(typed, rules.lexicon)[:1]
    sid = store.add_statement(typed, added)
    again = audit(store, rules)
    assert "nothing added" not in again.run["note"] and again.run["statements_checked"] > 0
    assert sid in {s.id for s in store.statements()}
    store.close()
