"""The editor's report as rich renderables: headline counts, flags by story with their citations side by side."""
from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from factcheck.model import Finding, Flag, Report, Statement
from factcheck.render import (by_story, headline, history_lines, listed, passed_line, pieces, story_key, verified,
                              triage_lines, where, who)
from factcheck.render.terminal import SEVERITY_STYLE

STATE_STYLE = {"new": "bold yellow", "open": "bold", "confirmed": "bold red", "dismissed": "dim", "resolved": "green"}
MARK_STYLE = "bold underline"  # no colour needed: still visible with NO_COLOR
CELL_WIDTH = 34  # narrowest column worth putting a cited sentence in


def statement_text(s: Statement) -> Text:
    """The sentence with its figures and state words highlighted."""
    return Text.assemble(*((piece, MARK_STYLE if marked else "") for piece, marked in pieces(s)))


class Citations:
    """Cited statements side by side, as many columns as the width allows (at most three): the two sides
    of the conflict, then under 'also' the statements that support them."""

    def __init__(self, statements: Sequence[Statement], story: int | None) -> None:
        self.statements, self.story = list(statements), story

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.grid(self.statements[:2], options)
        if len(self.statements) > 2:
            yield Text("also", style="dim")
            yield from self.grid(self.statements[2:], options)

    def grid(self, statements: list[Statement], options: ConsoleOptions) -> RenderResult:
        n = len(statements)
        cols = max(1, min(n, 3, options.max_width // CELL_WIDTH))
        grid = Table.grid(padding=(0, 2), expand=True)
        for _ in range(cols):
            grid.add_column(ratio=1)
        for i in range(0, n, cols):
            if i:
                grid.add_row(*[""] * cols)
            row: list[RenderableType] = [self.cell(s) for s in statements[i:i + cols]]
            grid.add_row(*row, *[""] * (cols - len(row)))
        yield grid

    def cell(self, s: Statement) -> Group:
        lines = [Text(who(s), style="bold"), Text(where(s, s.document_id), style="dim")]
        if s.document_id != self.story and s.document:
            lines.append(Text(f"in \u201c{s.document}\u201d", style="dim"))
        return Group(*lines, statement_text(s))


class Heading:
    """A story's heading on a rule line; above the rule, wrapped, when it is too long for one line."""

    def __init__(self, text: str, style: str = "dim") -> None:
        self.text, self.style = text, style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if len(self.text) + 6 <= options.max_width:
            yield Rule(self.text, align="left", style=self.style)
        else:
            yield Text(self.text, style="bold")
            yield Rule(style=self.style)


def flag_panel(rec: Flag, story: int | None = None) -> Panel:
    """One flag: message, cited statements, the rule and why it fired, and the editor's verdict."""
    f = rec.finding
    title = Text.assemble((f"{f.severity.upper()} {f.kind}", SEVERITY_STYLE.get(f.severity, "")), f" {rec.id[:8]}")
    why = Text.assemble(("rule ", "dim"), f.rule)
    event = f.event
    if event:
        why.append_text(Text.assemble((" · event ", "dim"), event))
    body: list[RenderableType] = [Text(f.message, style="bold"), Text(), Citations(f.statements, story), Text(), why]
    if f.detail:
        body.append(Text.assemble(("why ", "dim"), f.detail))
    body += [Text(line, style=STATE_STYLE.get(rec.state or "", "")) for line in triage_lines(rec)]
    return Panel(Group(*body), title=title, title_align="left", border_style=SEVERITY_STYLE.get(f.severity, ""),
                 subtitle=rec.state, subtitle_align="right")


def verified_lines(passed: Sequence[Finding]) -> Group:
    """The compact list of checks that hold, one line each."""
    lines = []
    for p in passed:
        line = Text.assemble(("\u2713 ", "green"), passed_line(p), (f"  {story_key(p)[1]}", "dim"))
        line.no_wrap, line.overflow = True, "ellipsis"
        lines.append(line)
    return Group(*lines)


def report_view(report: Report) -> Group:
    """The whole report: headline, flags grouped by story (most severe first), verified checks."""
    counts = headline(report)
    parts: list[RenderableType] = [Text(report.title, style="bold"), Text(counts[0], style="bold"),
                                   *(Text(line) for line in counts[1:])]
    shown, untold = listed(report)
    for story, heading, records in by_story(shown):
        parts += [Text(), Heading(heading)]
        parts += [flag_panel(rec, story) for rec in records]
    if untold:
        parts += [Text(), *(Text(line, style="dim") for line in untold)]
    passed, unlisted = verified(report)
    if passed:
        parts += [Text(), Heading("verified", style="green"), verified_lines(passed)]
    parts += [Text(line, style="dim") for line in unlisted]
    return Group(*parts)


def flags_table(records: Sequence[Flag]) -> Table:
    """`factcheck flags`: one row per flag, with a short id to pass to `flags show`."""
    t = Table(title=f"{len(records)} flags", expand=False)
    for col, kw in (("id", {"no_wrap": True}), ("state", {}), ("severity", {}), ("rule", {}), ("message", {"overflow": "fold"})):
        t.add_column(col, **kw)
    for rec in records:
        f = rec.finding
        t.add_row(rec.id[:8], Text(rec.state or "", style=STATE_STYLE.get(rec.state or "", "")),
                  Text(f.severity, style=SEVERITY_STYLE.get(f.severity, "")), f.rule, f.message)
    return t


def flag_detail(rec: Flag) -> Group:
    """`factcheck flags show`: the flag's panel and its history."""
    story = story_key(rec.finding)
    facts = Table.grid(padding=(0, 2))
    triaged = f"{rec.triaged_by} at {rec.triaged_at}" if rec.triaged_by else None
    for name, value in (("id", rec.id), ("story", story[1]), ("first seen", rec.first_seen), ("last seen", rec.last_seen),
                        ("resolved", rec.resolved_at), ("triaged", triaged), ("note", rec.note),
                        ("reopened", rec.reopened_reason)):
        if value:
            facts.add_row(Text(name, style="dim"), Text(str(value)))
    for i, line in enumerate(history_lines(rec)):
        facts.add_row(Text("history" if i == 0 else "", style="dim"), Text(line))
    return Group(flag_panel(rec, story[0]), facts)
