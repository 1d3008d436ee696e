"""The editor's report in every format, from hand-made findings (independent of extraction).

Golden files: tests/golden/report_80.txt and report.md. Regenerate them after an intended change with
FACTCHECK_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_render_report.py
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.model import Finding, Quantity, Statement, Status
from factcheck.render import marks, pieces
from factcheck.render.formats import render_findings, render_report
from factcheck.render.rich_report import report_view
from factcheck.render.tabular import cell
from factcheck.render.terminal import to_text
from factcheck.model import Flag, FlagFilter, Report

GOLDEN = Path(__file__).parent / "golden"
HARBOUR = dict(document_id=1, document="Harbour towns swap detainees", outlet="Coast Ledger", published="2025-03-12")
TALKS = dict(document_id=2, document="Talks resume after the swap", outlet="Valley Post", published="2025-03-14")


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def stmt(text: str, id: int, start: int, source: str | None = None, figures: tuple[str, ...] = (),
         states: tuple[tuple[str, str], ...] = (), **kw) -> Statement:
    quantities = tuple(Quantity(text=f, low=float(f.split()[0]), high=float(f.split()[0]), noun=f.split()[1],
                                start=span(text, f)[0], end=span(text, f)[1]) for f in figures)
    statuses = tuple(Status(state=state, cue=cue, start=span(text, cue)[0], end=span(text, cue)[1]) for state, cue in states)
    return Statement(text=text, id=id, start=start, end=start + len(text), source=source, quantities=quantities,
                     statuses=statuses, event="exchange", **{**HARBOUR, **kw})


REYES = stmt("the exchange had been completed", 1, 100, "Alma Reyes", states=(("completed", "completed"),),
             source_kind="person", channel="Telegram", date="2025-03-12")
OFFICIAL = stmt("the exchange was still ongoing", 2, 160, "an official", states=(("ongoing", "ongoing"),),
                source_kind="anonymous", date="2025-03-12")
TALLY = stmt("Each side released 100 soldiers and 50 civilians, 160 detainees in all.", 3, 220,
             figures=("100 soldiers", "50 civilians", "160 detainees"), date="2025-03-12")
LATER = stmt("Officials in the capital put the first stage at 150 detainees.", 4, 40, figures=("150 detainees",),
             date="2025-03-12", **TALKS)
SECOND = stmt("The second stage freed 200 soldiers and 40 civilians, 240 prisoners in all.", 5, 120,
              figures=("200 soldiers", "40 civilians", "240 prisoners"), date="2025-03-14", **TALKS)


def flag(rule: str, severity: str, message: str, detail: str, *cited: Statement, **triage) -> Flag:
    f = Finding(rule=rule, kind=rule, severity=severity, outcome="flag", message=message, statements=cited, detail=detail)
    triage = {"first_seen": "2025-03-12T18:00:00+00:00", "last_seen": "2025-03-14T18:00:00+00:00", **triage}
    return Flag(finding=f, id=f.fingerprint, **triage)


def sample_report() -> Report:
    flags = (
        flag("anonymous-source", "info", "Rests on an unnamed source (an official)", "an official: the exchange was still ongoing",
             OFFICIAL, state="confirmed", triaged_by="ana", triaged_at="2025-03-13T09:00:00+00:00", note="ask the desk for a name"),
        flag("status-conflict", "error", "Alma Reyes (Telegram) says the exchange was completed; an official says it is ongoing",
             "exchange on 12 March 2025: 'completed' vs 'ongoing'", REYES, OFFICIAL,
             state="dismissed", triaged_by="ana", triaged_at="2025-03-13T09:05:00+00:00", note="two stages of one exchange"),
        flag("sum-mismatch", "warning", "100 + 50 = 150, not the 160 detainees stated",
             "100 soldiers + 50 civilians = 150 detainees, stated 160", TALLY, state="open"),
        flag("numeric-conflict", "warning", "The first stage freed 160 detainees in one story, 150 in another",
             "detainees released on 12 March 2025: 160 vs 150", LATER, TALLY, state="open",
             reopened_reason="a cited statement changed since the flag was triaged"),
    )
    passed = (Finding(rule="sum-mismatch", kind="sum-mismatch", severity="info", outcome="pass", message="200 + 40 = 240",
                      statements=(SECOND,), detail="200 soldiers + 40 civilians = 240 prisoners"),)
    return Report(flags=flags, passed=passed, counts={"documents": 2, "sources": 2, "statements": 5, "flags": 4},
                  filters=FlagFilter(states=None), reviewer="desk")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("FACTCHECK_REGEN_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with FACTCHECK_REGEN_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8")


def test_terminal_report_golden_at_80_columns() -> None:
    text = to_text(report_view(sample_report()), width=80)
    assert max(len(line) for line in text.splitlines()) <= 80
    check_golden("report_80.txt", text)


def test_markdown_report_golden() -> None:
    check_golden("report.md", render_report(sample_report(), "markdown"))


def test_terminal_report_groups_by_story_most_severe_first() -> None:
    text = to_text(report_view(sample_report()), width=80)
    assert text.index("Harbour towns swap detainees") < text.index("Talks resume after the swap")
    assert text.index("ERROR status-conflict") < text.index("WARNING sum-mismatch") < text.index("INFO anonymous-source")
    assert "4 flags: 1 error, 2 warning, 1 info (2 open, 1 confirmed, 1 dismissed)" in text
    assert "1 check passed · 2 stories · 2 sources · 5 statements" in text
    assert "\u2713 200 soldiers + 40 civilians = 240 prisoners" in text
    assert "dismissed by ana on 2025-03-13: two stages of one exchange" in text
    assert "reopened: a cited statement changed since the flag was" in text
    assert "in \u201cHarbour towns swap detainees\u201d" in text  # a statement from another story names its story


def test_terminal_report_is_readable_when_narrow() -> None:
    text = to_text(report_view(sample_report()), width=50)
    assert max(len(line) for line in text.splitlines()) <= 50
    assert "the exchange was still ongoing" in text


def test_highlights_figures_and_state_words() -> None:
    assert [TALLY.text[a:b] for a, b in marks(TALLY)] == ["100 soldiers", "50 civilians", "160 detainees"]
    assert "".join(p for p, _ in pieces(TALLY)) == TALLY.text
    md = render_report(sample_report(), "markdown")
    assert "the exchange had been **completed**" in md
    assert "released **100 soldiers** and **50 civilians**, **160 detainees** in all." in md
    html = render_report(sample_report(), "html")
    assert "the exchange was still <mark>ongoing</mark>" in html


def test_spans_outside_the_text_are_ignored() -> None:
    s = Statement(text="short", start=0, end=5, statuses=(Status(state="ongoing", cue="x", start=3, end=40),))
    assert marks(s) == []
    assert pieces(s) == [("short", False)]


HOSTILE = '<script>alert("owned")</script> & <img src=x onerror=alert(1)>'


def hostile_report() -> Report:
    bad = stmt(f"=HYPERLINK(\"http://evil.example\") {HOSTILE}", 9, 0, "+Ana <b>", figures=(), date="2025-03-12",
               document='@SUM(1)<script>x</script>', outlet="-Wire")
    plain = stmt("the exchange was ongoing", 10, 80, "\tTabbed Name", date="2025-03-12")
    f = flag("status-conflict", "error", "-2+3 <script>m()</script>", "=1+1", bad, plain, state="open", note="@note")
    return Report(flags=(f,), passed=(), counts={"documents": 1}, generated="2025-03-15T10:00:00+00:00")


def test_html_is_self_contained_and_escapes_article_text() -> None:
    html = render_report(hostile_report(), "html")
    assert "<script" not in html.lower()
    assert "<img" not in html
    assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;" in html
    assert "+Ana &lt;b&gt;" in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    for external in ("src=\"http", "href=\"http", "<link", "@import"):
        assert external not in html
    assert html.startswith("<!doctype html>") and html.rstrip().endswith("</html>")


def test_markdown_escapes_article_text() -> None:
    md = render_report(hostile_report(), "markdown")
    assert not re.search(r"(?<!\\)<", md)  # every < is backslash-escaped
    assert r"\<script\>alert(\"owned\")" not in md  # quotes are not special
    assert r"\<script\>alert(" in md


def test_csv_one_row_per_flag_and_statement_with_formulas_neutralised() -> None:
    rows = list(csv.DictReader(io.StringIO(render_report(hostile_report(), "csv"))))
    assert len(rows) == 2
    assert [r["position"] for r in rows] == ["0", "1"]
    first = rows[0]
    assert first["text"].startswith("'=HYPERLINK(")
    assert first["source"] == "'+Ana <b>"
    assert first["document"].startswith("'@SUM(1)")
    assert first["outlet"] == "'-Wire"
    assert first["message"] == "'-2+3 <script>m()</script>"
    assert first["detail"] == "'=1+1" and first["note"] == "'@note"
    assert rows[1]["source"] == "'\tTabbed Name"
    for row in rows:
        for value in row.values():
            assert not value.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_csv_cell_leaves_ordinary_text_alone() -> None:
    assert cell("Alma Reyes") == "Alma Reyes"
    assert cell(None) == ""
    assert cell(3) == "3"
    assert cell(" =1") == "' =1"


def test_claimreview_has_the_schema_org_fields() -> None:
    reviews = json.loads(render_report(sample_report(), "claimreview"))
    assert len(reviews) == 4
    for r in reviews:
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        assert r["claimReviewed"]
        item = r["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["author"]["name"] and item["author"]["@type"] in ("Person", "Organization")
        assert item["datePublished"]
        assert item["appearance"]["headline"]
        assert r["reviewRating"]["@type"] == "Rating" and r["reviewRating"]["alternateName"]
        assert r["author"]["name"] and r["datePublished"]
    by_id = {r["identifier"]: r for r in reviews}
    conflict = by_id[sample_report().flags[1].id]
    assert conflict["claimReviewed"] == "the exchange had been completed"
    assert conflict["itemReviewed"]["author"] == {"@type": "Person", "name": "Alma Reyes"}
    assert conflict["itemReviewed"]["datePublished"] == "2025-03-12"
    assert conflict["itemReviewed"]["appearance"]["publisher"]["name"] == "Coast Ledger"
    assert conflict["reviewRating"]["alternateName"] == "No contradiction found"  # dismissed
    assert conflict["author"] == {"@type": "Person", "name": "ana"} and conflict["datePublished"] == "2025-03-13"
    open_flag = by_id[sample_report().flags[2].id]
    assert open_flag["reviewRating"]["alternateName"] == "Under review: Figures do not add up"
    assert open_flag["author"]["name"] == "desk" and open_flag["datePublished"] == "2025-03-14"


def test_json_report_is_designs_shape_plus_triage_state() -> None:
    doc = json.loads(render_report(sample_report(), "json"))
    assert set(doc) >= {"flags", "passed"}
    f = doc["flags"][1]
    assert {"id", "rule", "kind", "severity", "message", "statements"} <= set(f)
    assert f["state"] == "dismissed" and f["note"] == "two stages of one exchange" and f["triaged_by"] == "ana"
    assert f["statements"][0]["source"] == "Alma Reyes" and f["statements"][0]["date"] == "2025-03-12"
    assert doc["passed"][0]["detail"] == "200 soldiers + 40 civilians = 240 prisoners"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_verify_formats_use_the_report_look(fmt: str) -> None:
    report = sample_report()
    flags = [r.finding for r in report.flags]
    out = render_findings(flags, list(report.passed), fmt, stats={"documents": 2, "sources": 2, "statements": 5})
    text = out if isinstance(out, str) else to_text(out, width=80)
    assert "factcheck verify" in text
    assert "4 flags" in text and "dismissed" not in text  # drafts have no triage state
    assert "240 prisoners" in text


def test_verify_json_keeps_the_contract() -> None:
    report = sample_report()
    doc = json.loads("".join(render_findings([r.finding for r in report.flags], list(report.passed), "json")))
    assert set(doc) == {"flags", "passed"}
    assert "state" not in doc["flags"][0] and "id" in doc["flags"][0] and "id" not in doc["passed"][0]


def test_empty_report() -> None:
    text = to_text(report_view(Report(flags=(), passed=(), counts={"documents": 0})), width=80)
    assert "0 flags" in text and "0 checks passed" in text


def test_a_long_story_heading_wraps_instead_of_being_cut() -> None:
    report = sample_report()
    title = "A much longer headline about the harbour towns and the exchange of detainees this week"
    rec = report.flags[2]
    cited = tuple(replace(s, document=title) for s in rec.finding.statements)
    text = to_text(report_view(replace(report, flags=(replace(rec, finding=replace(rec.finding, statements=cited)),))), 80)
    assert "\u2026" not in text.split("\u2713")[0]
    assert " ".join(text.split()).count(f"{title} (Coast Ledger · 2025-03-12)") == 1


def test_only_figures_and_states_are_highlighted_not_the_parties_counted(lexicon):
    from factcheck.extract import extract
    from factcheck.model import Document
    from factcheck.render import pieces

    doc = Document(text="Towns trade detainees\n\nThe towns each freed 40 detainees on Monday, the first stage of a deal"
                        " the two sides reached in May.\n", published="2025-06-03")
    (s,) = [s for s in extract(doc, lexicon) if s.role == "body"]
    marked = [piece for piece, lit in pieces(s) if lit]
    assert "40 detainees" in marked and "two sides" not in marked


def test_a_streamed_json_object_holds_its_lists_item_by_item_and_its_other_fields_whole():
    from factcheck.render.safe import json_stream

    text = "".join(json_stream({"run": {"id": 3, "note": "ok\x85"}, "new": iter([{"a": 1}, {"b": [2]}]), "resolved": [],
                                "open": 2, "none": None}))
    assert json.loads(text) == {"run": {"id": 3, "note": "ok\x85"}, "new": [{"a": 1}, {"b": [2]}], "resolved": [],
                                "open": 2, "none": None}
    assert "\x85" not in text and '"new": [\n  {"a": 1},\n  {"b": [2]}\n ]' in text
