"""Messages name both sides, with their channel, outlet and day, in agreement with their verb."""
from __future__ import annotations

from factcheck.checks.common import finding, plural, who
from factcheck.model import Rule, Statement

RULE = Rule(id="r", kind="numeric-conflict", severity="warning", message="{a} report{a_s} {x}; {b} report{b_s} {y}")


def said(source: str | None, kind: str | None = "person", outlet: str = "Harbour Post", channel: str | None = None,
         document_id: int = 1) -> Statement:
    return Statement(text="...", start=0, end=3, source=source, source_kind=kind, outlet=outlet, channel=channel,
                     date="2025-06-07", document_id=document_id)


def test_who_names_source_channel_outlet_and_day():
    assert who(said("Ana Ruiz", channel="Telegram")) == "Ana Ruiz (Telegram, Harbour Post, 7 June 2025)"
    assert who(said(None, None)) == "the story (Harbour Post, 7 June 2025)"


def test_two_named_together_or_an_unnamed_group_take_a_plural_verb():
    assert plural(said("Norway and Sweden", "organization"))
    assert plural(said("officials", "anonymous")) and plural(said("two people familiar with the talks", "anonymous"))
    assert not plural(said("Ana Ruiz")) and not plural(said("Syrian Observatory for Human Rights", "organization"))
    assert not plural(said("an official", "anonymous"))
    f = finding(RULE, "flag", [said("Norway and Sweden", "organization"), said("Ana Ruiz")], "",
                a="Norway and Sweden", b="Ana Ruiz", x="300", y="310")
    assert f.message == "Norway and Sweden report 300; Ana Ruiz reports 310"


def test_one_story_telling_two_figures_is_one_voice():
    story = said(None, None)
    f = finding(RULE, "flag", [story, story], "", a=who(story), b=who(story), x="three", y="four")
    assert f.message == "the story (Harbour Post, 7 June 2025) reports three; it also reports four"


def test_a_card_shows_the_two_sides_first_and_the_rest_under_also(fc):
    from pathlib import Path
    import json
    fc("ingest", str(Path(__file__).parent.parent / "samples"))
    flag = next(f for f in json.loads(fc("verify", "--format", "json").stdout)["flags"] if f["kind"] == "status-conflict")
    sources = [s["source"] for s in flag["statements"]]
    assert sources == ["Donald Trump", "an official in Kyiv"]  # exactly the two accounts in conflict
    flag = next(f for f in json.loads(fc("verify", "--format", "json").stdout)["flags"] if f["kind"] == "completion-conflict")
    assert len(flag["statements"]) > 2  # the claim, the total, then the stages that support them ...
    assert "│ also " in fc("verify").stdout and "*also*" in fc("verify", "--format", "markdown").stdout  # ... under "also"
