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


SWAP = ("Prisoner swap\n\n{lead}On Friday 390 prisoners were released in the exchange between Norway and Sweden, "
        "the ministry said. The ministry said 270 soldiers and {civilians} civilians were released on Friday.\n")


def _flag(fc, kind):
    flags = json.loads(fc("flags", "--state", "all", "--format", "json").stdout)["flags"]
    return next(f for f in flags if f["kind"] == kind)


def test_a_new_version_that_keeps_the_conflicting_figures_keeps_the_flag_and_its_triage(fc, write):
    url = "https://harbour.example/swap"
    assert fc("ingest", str(write("a.txt", SWAP.format(lead="", civilians=100))), "--url", url,
              "--published", "2025-06-06").exit_code == 0
    fc("verify")
    first = _flag(fc, "sum-mismatch")
    assert fc("flags", "dismiss", first["id"], "--note", "the ministry rounds").exit_code == 0
    # an added paragraph moves every statement; the breakdown and its total are unchanged
    moved = SWAP.format(lead="Crowds waited at the border crossing for most of the day.\n\n", civilians=100)
    assert fc("ingest", str(write("b.txt", moved)), "--url", url, "--published", "2025-06-06").exit_code == 0
    fc("verify")
    kept = _flag(fc, "sum-mismatch")
    assert kept["id"] == first["id"] and kept["state"] == "dismissed"
    # a changed part is a changed claim: the same flag reopens, saying what changed
    changed = SWAP.format(lead="", civilians=110)
    assert fc("ingest", str(write("c.txt", changed)), "--url", url, "--published", "2025-06-06").exit_code == 0
    fc("verify")
    again = _flag(fc, "sum-mismatch")
    assert again["id"] == first["id"] and again["state"] == "open"
    assert "100" in again["reopened_reason"] and "110" in again["reopened_reason"]


def test_one_source_telling_one_claim_twice_in_a_story_is_one_flag(fc, write):
    story = ("Ferry injuries\n\nAn official said 12 passengers were injured when the ferry hit the pier on Monday. "
             "Crews cleared the deck. An official said 12 passengers were injured on Monday.\n")
    assert fc("ingest", str(write("pier.txt", story)), "--published", "2025-06-03").exit_code == 0
    flags = json.loads(fc("verify", "--format", "json", "--severity", "info").stdout)["flags"]
    ids = [f["id"] for f in flags if f["kind"] == "anonymous-source"]
    assert len(ids) == 1 == len(set(ids))
