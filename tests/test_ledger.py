"""The event ledger: `events` lists frames, `event show` tells one event's story so far, conflicts marked."""
from __future__ import annotations

import json
from pathlib import Path

SAMPLES = Path(__file__).parent.parent / "samples"


def demo(fc) -> int:
    fc("ingest", str(SAMPLES))
    fc("verify")
    events = json.loads(fc("events", "--format", "json").stdout)["events"]
    swap = next(e for e in events if e["event"] == "prisoner-exchange")
    assert swap["anchor"] == "RU+UA" and swap["stories"] == 4 and swap["flags"] >= 2
    return swap["id"]


def test_event_show_gives_each_days_figures_and_states_with_the_flags_marked(fc):
    event = demo(fc)
    doc = json.loads(fc("event", "show", str(event), "--format", "json").stdout)
    assert doc["event"]["type"] == "prisoner-exchange"
    days = [d["day"] for d in doc["days"]]
    assert days == sorted(days) and days[0] == "2025-05-23"
    told = [s for d in doc["days"] for s in d["statements"]]
    trump = next(s for s in told if s["source"] == "Donald Trump")
    assert {"state": "completed", "negated": False} in trump["states"]
    assert "status-conflict" in {f["kind"] for f in trump["flags"]}
    assert any(f["low"] == 390 and f["action"] == "released" for s in told for f in s["figures"])


def test_event_show_in_text_markdown_and_html(fc):
    event = demo(fc)
    doc = json.loads(fc("event", "show", str(event), "--format", "json").stdout)
    flagged = {f["id"][:8] for d in doc["days"] for s in d["statements"] for f in s["flags"]}
    text = fc("event", "show", str(event)).stdout
    assert flagged and all(fid in text for fid in flagged)
    md = fc("event", "show", str(event), "--format", "markdown").stdout
    assert md.startswith(f"# event {event}: prisoner-exchange RU+UA") and "| day | who |" in md
    assert "<table>" in fc("event", "show", str(event), "--format", "html").stdout


def test_an_unknown_event_is_one_line_and_exit_2(fc):
    demo(fc)
    result = fc("event", "show", "999")
    assert result.exit_code == 2 and result.stderr.strip() == "factcheck: event 999: no such event (see 'factcheck events')"
