"""A story ingested again: new text under its URL is a new version; the same text elsewhere is an appearance."""
from __future__ import annotations

import json

URL = "https://harbour.example/ferry"
FIRST = ("Ferry swap\n\nThe mayor wrote on Telegram that the ferry swap between Norway and Sweden had been "
         "completed, but an official said the exchange was ongoing.\n")
UPDATED = ("Ferry swap\n\nThe mayor wrote on Telegram that the ferry swap between Norway and Sweden had been "
           "completed, and the harbour master agreed.\n")


def test_new_text_under_the_same_url_replaces_the_old_for_checking(fc, write):
    first = fc("ingest", str(write("v1.txt", FIRST)), "--url", URL, "--published", "2025-06-02")
    assert first.exit_code == 0
    assert [f["kind"] for f in json.loads(fc("verify", "--format", "json").stdout)["flags"]].count("status-conflict") == 1
    second = fc("ingest", str(write("v2.txt", UPDATED)), "--url", URL, "--published", "2025-06-02")
    assert second.exit_code == 0 and "new version of story 1" in second.stdout
    texts = [s["text"] for s in json.loads(fc("statements", "--format", "json").stdout)["statements"]]
    assert not any("ongoing" in t for t in texts)  # the old version is history, not checked
    assert "status-conflict" not in [f["kind"] for f in json.loads(fc("verify", "--format", "json").stdout)["flags"]]
    resolved = json.loads(fc("flags", "--state", "resolved", "--format", "json").stdout)["flags"]
    assert "status-conflict" in [f["kind"] for f in resolved]  # it rested on the old version only


def test_the_same_text_from_another_outlet_is_another_appearance(fc, write, store):
    story = write("wire.txt", FIRST)
    assert fc("ingest", str(story), "--outlet", "Harbour Post", "--published", "2025-06-02").exit_code == 0
    again = fc("ingest", str(story), "--outlet", "Coast Daily", "--published", "2025-06-03")
    assert again.exit_code == 0 and "another appearance of story 1" in again.stdout
    assert "nothing to do" in fc("ingest", str(story), "--outlet", "Coast Daily", "--published", "2025-06-03").stdout
    stories = json.loads(fc("stories", "--format", "json").stdout)
    assert stories["total"] == 1 and stories["stories"][0]["appearances"] == 1  # kept as provenance, not duplicated
