"""A report (or verify's findings) in each output format: text (rich), json, markdown, html, csv, claimreview."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from factcheck.model import REPORT_FORMATS, Finding, Flag, Kept, Report, kept
from factcheck.render import finding_dict, record_dict
from factcheck.render.safe import Encoded, encoded, json_lines, json_stream, json_text

FORMATS = REPORT_FORMATS


def render_report(report: Report, fmt: str) -> Any:
    """A string for every format but text, which is a rich renderable (the command prints it)."""
    if fmt == "json":
        return json_text({"flags": [record_dict(r) for r in report.flags],
                          "passed": [finding_dict(p) for p in report.passed], "counts": report.counts})
    if fmt == "jsonl":  # one flag per line, with its triage state
        return json_lines(record_dict(r) for r in report.flags)
    if fmt == "markdown":
        from factcheck.render.markdown import report_md

        return report_md(report)
    if fmt == "html":
        from factcheck.render.html import report_html

        return report_html(report)
    if fmt == "csv":
        from factcheck.render.tabular import report_csv

        return report_csv(report)
    if fmt == "claimreview":
        from factcheck.render.claimreview import report_claimreview

        return report_claimreview(report)
    from factcheck.render.rich_report import report_view

    return report_view(report)


def render_findings(flags: Sequence[Finding | Kept], passed: Sequence[Finding | Kept], fmt: str,
                    stats: dict[str, int] | None = None, list_from: str = "info", limit: int | None = None) -> Any:
    """`verify`'s output: DESIGN.md's JSON contract (every flag), or the report's look for findings not yet
    triaged, listing flags from `list_from` up, at most `limit` of them, and counting the rest. In json and
    jsonl, findings may come as kept for that format (keeping)."""
    if fmt == "json":
        return json_stream({"flags": (_json(f, finding_dict) for f in flags),
                            "passed": (_json(p, finding_dict) for p in passed)})
    if fmt == "jsonl":  # one finding per line: {"outcome": "flag" | "pass", ...}
        return json_lines(_json(f, _line) for f in [*flags, *passed])
    return render_report(replace(draft_report(list(flags), list(passed), stats), list_from=list_from, limit=limit), fmt)


def keeping(fmt: str) -> Callable[[Finding], Kept] | None:
    """How a whole-database verify keeps each finding for this format (verify's `keep`): with its JSON item
    (json) or line (jsonl) written while its statements are alive. None for the formats that read findings."""
    if fmt == "json":
        return lambda f: kept(f, encoded(finding_dict(f)))
    if fmt == "jsonl":
        return lambda f: kept(f, encoded(_line(f)))
    return None


def _line(f: Finding) -> dict[str, Any]:
    return {"outcome": f.outcome, **finding_dict(f)}


def _json(f: Finding | Kept, item: Callable[[Finding], dict[str, Any]]) -> Any:
    return Encoded(f.json) if isinstance(f, Kept) else item(f)


def draft_report(flags: list[Finding], passed: list[Finding], counts: dict[str, int] | None,
                 title: str = "factcheck verify") -> Report:
    """A report of findings that are not (yet) stored, as `verify` prints them."""
    return Report(flags=tuple(Flag.from_finding(f) for f in flags), passed=tuple(passed),
                  counts=dict(counts or {}), title=title)
