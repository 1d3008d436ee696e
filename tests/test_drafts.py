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
