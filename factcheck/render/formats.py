"""Findings in each output format: text (rich), json, markdown, html."""
from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from factcheck.model import Finding
from factcheck.render import finding_dict


def render_findings(flags: Sequence[Finding], passed: Sequence[Finding], fmt: str, stats: dict[str, int] | None = None) -> Any:
    if fmt == "json":
        return json.dumps({"flags": [finding_dict(f) for f in flags], "passed": [finding_dict(p) for p in passed]},
                          ensure_ascii=False, indent=1)
    if fmt == "markdown":
        lines = [f"# factcheck: {len(flags)} flags, {len(passed)} checks passed", ""]
        for f in flags:
            lines.append(f"## {f.severity}: {f.kind}\n\n{f.message}\n")
            lines += [f"- **{s.source or 'the story'}**: {s.text}" for s in f.statements]
            lines.append("")
        lines += [f"- \u2713 {p.message}" for p in passed]
        return "\n".join(lines) + "\n"
    if fmt == "html":
        items = "".join(f"<section><h2>{html.escape(f.severity)}: {html.escape(f.kind)}</h2><p>{html.escape(f.message)}</p><ul>"
                        + "".join(f"<li><b>{html.escape(s.source or 'the story')}</b>: {html.escape(s.text)}</li>" for s in f.statements)
                        + "</ul></section>" for f in flags)
        ok = "".join(f"<li>\u2713 {html.escape(p.message)}</li>" for p in passed)
        return f"<!doctype html><meta charset='utf-8'><title>factcheck</title>{items}<ul>{ok}</ul>"
    from factcheck.render.terminal import findings_view

    return findings_view(flags, passed)
