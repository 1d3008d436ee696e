"""The real page: the seed (two stories in one scraped file) shows Trump's "completed" against an official's "ongoing"."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.store import Store

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "000_f7338b1dd4aa7973.txt"

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="../shared/seeds is not here")


def test_seed_status_conflict(fc):
    result = fc("ingest", SEED)
    assert result.exit_code == 0, result.output
    result = fc("verify", "--format", "json")
    assert result.exit_code == 1
    conflicts = [f for f in json.loads(result.stdout)["flags"] if f["kind"] == "status-conflict"]
    assert any(_cites(f, "completed", "trump") and _cites(f, "ongoing", "official") for f in conflicts), conflicts


def test_seed_splits_into_two_stories_with_their_own_dates(fc, db_path):
    fc("ingest", SEED)
    documents = Store(db_path).documents()
    # the second story's stamp is relative ("... ago"): no date rather than a wrong one
    assert [(d["published"], d["published_from"]) for d in documents] == [("2025-05-23", "dateline"), (None, "unknown")]
    rows = json.loads(fc("statements", "--format", "json").stdout)["statements"]
    text = SEED.read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)


def _cites(finding: dict, word: str, source: str) -> bool:  # type: ignore[type-arg]
    return any(word in s["text"].lower() and source in (s["source"] or "").lower() for s in finding["statements"])
