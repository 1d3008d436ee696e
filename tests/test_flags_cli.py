"""`factcheck flags`: list with filters, show, confirm / dismiss / reopen, and triage that survives later runs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.model import Document, Finding, Statement, Status
from factcheck.store import Store
from factcheck.model import FlagFilter
from factcheck.triage import stored_flags

ARTICLE = ("Ferry link between the islands reopens\n\nUpdated 3 June 2025\n\n"
           "Minister Tomas Veld wrote on Telegram that the repair work had been completed. "
           "A harbour official said the repair work was ongoing. Crews fixed 12 piers and 8 ramps, 20 structures in all.\n")


def statements_of(text: str) -> list[Statement]:
    veld = "the repair work had been completed"
    official = "the repair work was ongoing"
    a, b = text.index(veld), text.index(official)
    return [
        Statement(text=veld, start=a, end=a + len(veld), source="Tomas Veld", source_kind="person", channel="Telegram",
                  date="2025-06-03", event="repair", statuses=(Status("completed", "completed", start=25, end=34),)),
        Statement(text=official, start=b, end=b + len(official), source="a harbour official", source_kind="anonymous",
                  date="2025-06-03", event="repair", statuses=(Status("ongoing", "ongoing", start=20, end=27),)),
    ]


def seed(db_path: Path) -> dict[str, str]:
    """A story with two hand-made statements and two stored flags; returns {rule: flag id}."""
    store = Store(db_path)
    store.add_document(Document(text=ARTICLE, title="Ferry link reopens", outlet="Island Courier", published="2025-06-03",
                                url="https://courier.example/ferry"),
                       statements_of(ARTICLE))
    veld, official = store.statements()
    findings = [
        Finding("status-conflict", "status-conflict", "error", "flag", "Tomas Veld says the repair was completed; "
                "a harbour official says it is ongoing", (veld, official), "repair on 3 June 2025: 'completed' vs 'ongoing'"),
        Finding("anonymous-source", "anonymous-source", "info", "flag", "Rests on an unnamed source (a harbour official)",
                (official,), "a harbour official: the repair work was ongoing"),
    ]
    store.sync_flags(findings, None)
    store.close()
    return {f.rule: f.fingerprint for f in findings}


@pytest.fixture
def ids(db_path: Path) -> dict[str, str]:
    return seed(db_path)


def flags_json(fc, *args: str) -> list[dict]:
    result = fc("flags", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["flags"]


def test_list_shows_open_flags_most_severe_first(fc, ids) -> None:
    result = fc("flags")
    assert result.exit_code == 0
    assert ids["status-conflict"][:8] in result.stdout and ids["anonymous-source"][:8] in result.stdout
    assert "\x1b[" not in result.stdout  # plain when not a terminal
    assert [f["rule"] for f in flags_json(fc)] == ["status-conflict", "anonymous-source"]


def test_confirm_records_note_who_and_when(fc, ids) -> None:
    fid = ids["status-conflict"]
    result = fc("flags", "confirm", fid, "--note", "checked with the ministry", "--by", "ana")
    assert result.exit_code == 0
    assert f"{fid[:8]} confirmed by ana" in result.stdout
    shown = json.loads(fc("flags", "show", fid, "--format", "json").stdout)
    assert shown["state"] == "confirmed" and shown["note"] == "checked with the ministry" and shown["triaged_by"] == "ana"
    assert shown["triaged_at"][:4].isdigit()
    assert [s["source"] for s in shown["statements"]] == ["Tomas Veld", "a harbour official"]


def test_dismiss_hides_from_default_list_and_reopen_brings_it_back(fc, ids) -> None:
    fid = ids["status-conflict"]
    assert fc("flags", "dismiss", fid[:6], "--note", "two phases of the work").exit_code == 0  # a unique prefix will do
    assert [f["rule"] for f in flags_json(fc)] == ["anonymous-source"]
    dismissed = flags_json(fc, "--state", "dismissed")
    assert [(f["id"], f["note"]) for f in dismissed] == [(fid, "two phases of the work")]
    assert len(flags_json(fc, "--state", "all")) == 2
    assert fc("flags", "reopen", fid).exit_code == 0
    reopened = {f["id"]: f for f in flags_json(fc)}[fid]
    assert reopened["state"] == "open" and reopened["note"] is None


def test_by_defaults_to_the_user_name(fc, ids, monkeypatch) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "night-desk")
    fc("flags", "dismiss", ids["anonymous-source"])
    assert flags_json(fc, "--state", "dismissed")[0]["triaged_by"] == "night-desk"


def test_show_renders_the_flag_with_its_statements(fc, ids) -> None:
    result = fc("flags", "show", ids["status-conflict"])
    assert result.exit_code == 0
    for text in ("ERROR status-conflict", "Tomas Veld · Telegram", "the repair work had been completed",
                 "why repair on 3 June 2025", ids["status-conflict"]):
        assert text in result.stdout


@pytest.mark.parametrize("verb", ["show", "confirm", "dismiss", "reopen"])
def test_unknown_flag_id_exits_2_with_one_line(fc, ids, verb) -> None:
    result = fc("flags", verb, "feedbeef")
    assert result.exit_code == 2
    assert result.stderr.strip() == "factcheck: flag feedbeef: no such flag (see `factcheck flags --state all`)"
    assert "Traceback" not in result.output


def test_filters(fc, ids, db_path) -> None:
    assert [f["rule"] for f in flags_json(fc, "--severity", "warning")] == ["status-conflict"]
    assert [f["rule"] for f in flags_json(fc, "--rule", "anonymous-source")] == ["anonymous-source"]
    assert len(flags_json(fc, "--source", "VELD")) == 1
    assert len(flags_json(fc, "--story", "1")) == 2
    store = Store(db_path)
    store.conn.execute("UPDATE flags SET first_seen = '2025-06-01T08:00:00+00:00' WHERE rule = 'anonymous-source'")
    store.conn.execute("UPDATE flags SET first_seen = '2025-06-05T08:00:00+00:00' WHERE rule = 'status-conflict'")
    store.close()
    assert [f["rule"] for f in flags_json(fc, "--since", "2025-06-04")] == ["status-conflict"]


@pytest.mark.parametrize("args, reason", [
    (("--story", "7"), "story 7: no such story"),
    (("--rule", "no-such-rule"), "rule 'no-such-rule': no such rule"),
])
def test_unknown_filter_values_exit_2(fc, ids, args, reason) -> None:
    result = fc("flags", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"factcheck: {reason}") and len(result.stderr.strip().splitlines()) == 1


def test_dismissed_flag_stays_dismissed_while_its_statements_are_unchanged(db_path) -> None:
    ids = seed(db_path)
    store = Store(db_path)
    fid = ids["status-conflict"]
    store.triage(fid, "dismissed", "same swap, two phases", "ana")
    rerun = [Finding("status-conflict", "status-conflict", "error", "flag", "m", tuple(store.statements()), "d")]
    assert rerun[0].fingerprint == fid
    result = store.sync_flags(rerun, None)
    assert fid in result["open"] and result["reopened"] == []
    assert store.flag(fid).state == "dismissed" and store.flag(fid).note == "same swap, two phases"

    store.conn.execute("UPDATE statements SET channel = 'a press briefing' WHERE source_id IS NOT NULL AND channel = 'Telegram'")
    changed = [Finding("status-conflict", "status-conflict", "error", "flag", "m", tuple(store.statements()), "d")]
    result = store.sync_flags(changed, None)
    assert result["reopened"] == [fid]
    row = store.flag(fid)
    assert row.state == "open" and row.reopened_reason == "a cited statement changed since the flag was triaged"
    records = stored_flags(store, FlagFilter())
    assert {r.id: r.reopened_reason for r in records}[fid] == row.reopened_reason
    store.close()


def test_dismissal_survives_a_later_verify(fc, write) -> None:
    path = write("ferry.txt", ARTICLE)
    assert fc("ingest", path).exit_code == 0
    fc("verify")
    flags = flags_json(fc)
    assert flags, "the article should raise at least one flag"
    fid = flags[0]["id"]
    assert fc("flags", "dismiss", fid, "--note", "known").exit_code == 0
    fc("verify")
    fc("verify")
    after = {f["id"]: f for f in flags_json(fc, "--state", "all")}
    assert after[fid]["state"] == "dismissed" and after[fid]["note"] == "known"
    assert fid not in {f["id"] for f in flags_json(fc)}


def test_no_flags_says_so(fc, db_path) -> None:
    from factcheck.store import Store
    Store(str(db_path)).close()
    result = fc("flags")
    assert result.exit_code == 0 and result.stdout == "no flags open or confirmed\n"
    assert fc("flags", "--state", "dismissed").stdout == "no flags (state dismissed)\n"


def test_triage_history_keeps_every_verdict(fc, db_path) -> None:
    ids = seed(db_path)
    fid = ids["status-conflict"]
    fc("flags", "dismiss", fid, "--note", "two ferries", "--by", "ana")
    fc("flags", "reopen", fid, "--note", "same ferry after all", "--by", "bo")
    fc("flags", "confirm", fid, "--note", "checked with the port", "--by", "ana")
    shown = json.loads(fc("flags", "show", fid, "--format", "json").stdout)
    assert [(h["state"], h["by"], h["note"]) for h in shown["history"]] == [
        ("dismissed", "ana", "two ferries"), ("open", "bo", "same ferry after all"), ("confirmed", "ana", "checked with the port")]
    text = fc("flags", "show", fid).stdout
    assert "history" in text and "two ferries" in text and "checked with the port" in text
