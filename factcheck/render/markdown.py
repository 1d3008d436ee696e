"""The report as Markdown, for email and chat: lists rather than tables, article text escaped."""
from __future__ import annotations

import re

from factcheck.model import Flag, Report, Statement
from factcheck.render import (by_story, headline, listed, passed_line, pieces, story_key, triage_lines, verified, where,
                              who)
from factcheck.render.safe import clean

_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#])")
_SPACE = re.compile(r"\s+")


def md(text: str) -> str:
    """Text shown literally: Markdown punctuation and HTML escaped with backslashes, on one line."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))


def statement_md(s: Statement, story: int | None) -> str:
    sentence = "".join(strong(p) if marked else md(p) for p, marked in pieces(s))
    return f"- **{md(who(s).strip())}** ({md(where(s, story))}): {sentence.strip()}"


def strong(text: str) -> str:
    """Bold, with the spaces kept outside the markers (CommonMark ignores '** x**')."""
    core = text.strip()
    if not core:
        return md(text)
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{md(lead)}**{md(core)}**{md(trail)}"


def flag_md(rec: Flag, story: int | None) -> list[str]:
    f = rec.finding
    state = f" \u2014 {rec.state}" if rec.state else ""
    lines = [f"### {f.severity.upper()} {md(f.kind)} `{rec.id[:8]}`{state}", "", f"**{md(f.message)}**", ""]
    lines += [statement_md(s, story) for s in f.statements[:2]]
    if len(f.statements) > 2:  # the two sides first; what supports them under "also"
        lines += ["", "*also*", ""] + [statement_md(s, story) for s in f.statements[2:]]
    event = f.event
    tail = [f"rule `{f.rule}`" + (f" \u00b7 event {md(event)}" if event else "")]
    if f.detail:
        tail.append(f"why: {md(f.detail)}")
    tail += [f"*{md(line)}*" for line in triage_lines(rec)]
    lines += ["", "  \n".join(tail)]  # two spaces: a hard line break
    return lines + [""]


def report_md(report: Report) -> str:
    counts = headline(report)
    lines = [f"# {md(report.title)}", "", f"**{md(counts[0])}**  ", *(md(c) + "  " for c in counts[1:])]
    lines[-1] = lines[-1].rstrip()
    lines.append("")
    shown, untold = listed(report)
    for story, heading, records in by_story(shown):
        lines += [f"## {md(heading)}", ""]
        for rec in records:
            lines += flag_md(rec, story)
    if untold:
        lines += [*(f"*{md(line)}*  " for line in untold), ""]
    passed, unlisted = verified(report)
    if passed:
        lines += ["## Verified", ""]
        lines += [f"- \u2713 {md(passed_line(p))} ({md(story_key(p)[1])})" for p in passed]
        lines.append("")
    lines += [f"*{md(line)}*  " for line in unlisted]
    return clean("\n".join(lines))
