"""A draft checked with `verify FILE`: the journalist is told when the draft has no day."""
from __future__ import annotations

DRAFT = ("Ferry back in service\n\nThe ferry to Hvar carried 300 passengers on Saturday, the harbour master said.\n")


def test_an_undated_draft_is_named_on_stderr(fc, write):
    draft = write("draft.txt", DRAFT)
    result = fc("verify", str(draft))
    assert result.exit_code in (0, 1)
    assert f"{draft}: undated" in result.stderr and "--published" in result.stderr


def test_a_dated_draft_says_nothing_about_its_day(fc, write):
    draft = write("draft.txt", DRAFT)
    assert "undated" not in fc("verify", str(draft), "--published", "2025-06-07").stderr
    dated = write("dated.txt", "---\npublished: 2025-06-07\n---\n" + DRAFT)
    assert "undated" not in fc("verify", str(dated)).stderr


def test_a_dateline_without_a_year_takes_it_from_the_stored_stories_else_today():
    from datetime import date

    from factcheck.dates import dateline_day
    text = "Ferry back\n\nSPLIT, June 7 - The ferry to Hvar carried 300 passengers.\n"
    assert dateline_day(text, date(2026, 11, 30), frozenset({"2025-06-06", "2024-01-02"})) == date(2025, 6, 7)
    assert dateline_day(text, date(2026, 11, 30)) == date(2026, 6, 7)  # nothing stored near it: this year's
    assert dateline_day(text, date(2026, 1, 3)) == date(2025, 6, 7)  # ... but never months ahead of today
    assert dateline_day("The ferry carried 300 passengers.", date(2026, 11, 30)) is None


def test_a_draft_dated_by_a_yearless_dateline_says_so(fc, write):
    stored = write("stored.txt", "Ferry\n\nSPLIT - The ferry to Hvar carried 300 passengers on Friday, the harbour master said.\n")
    fc("ingest", str(stored), "--published", "2025-06-06")
    draft = write("draft.txt", "Ferry back\n\nSPLIT, June 7 - The ferry to Hvar carried 310 passengers, the port said.\n")
    result = fc("verify", str(draft))
    assert f"{draft}: its dateline names no year: read as 2025-06-07" in result.stderr
    assert "undated" not in result.stderr
    fc("ingest", str(draft))  # an archive is never dated by a guess
    import json
    stories = json.loads(fc("stories", "--format", "json").stdout)["stories"]
    assert [s["published"] for s in stories if s["title"] == "Ferry back"] == [None]
