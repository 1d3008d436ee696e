"""Rich renderables for the terminal: tables of statements, sources, rules, findings."""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.panel import Panel
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from factcheck.model import Rule, Statement, excerpt
from factcheck.render.safe import CONTROL, clean

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class SafeConsole(Console):
    """A console that reads no markup in data and strips control characters from every piece of text it prints.

    Styles become escape codes after rendering, so colours survive; only the text is cleaned.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)  # '[link=http://...]' in a title is text, never a hyperlink
        super().__init__(*args, **kwargs)

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control or not CONTROL.search(segment.text):
                yield segment
            else:
                yield Segment(clean(segment.text), segment.style)


def console(record: bool = False, width: int | None = None) -> Console:
    """A console that is plain when not a terminal or when NO_COLOR is set."""
    plain = not sys.stdout.isatty() or "NO_COLOR" in os.environ
    if width is None and not sys.stdout.isatty() and not os.environ.get("COLUMNS", "").isdigit():
        width = 100  # piped or mailed: a fixed width rather than rich's 80-column guess
    return SafeConsole(record=record, no_color=plain, highlight=False, soft_wrap=False, width=width, emoji=False)


def statements_table(statements: Sequence[Statement], title: str = "") -> Table:
    t = Table(title=title, show_lines=False, expand=False)
    for col in ("id", "source", "channel", "date", "statement", "figures", "states"):
        t.add_column(col, overflow="fold")
    for s in statements:
        t.add_row(str(s.id or ""), s.source or "-", s.channel or "", s.date or "", excerpt(s.text, 160),
                  ", ".join(q.text for q in s.quantities), ", ".join(("not " if st.negated else "") + st.state for st in s.statuses))
    return t


def sources_table(rows: Sequence[dict[str, Any]]) -> Table:
    t = Table(title=f"{len(rows)} sources")
    for col in ("id", "name", "kind", "statements", "aliases"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(str(r["id"]), r["name"], r["kind"], str(r["statements"]), r["aliases"] or "")
    return t


def stories_table(rows: Sequence[dict[str, Any]], title: str) -> Table:
    t = Table(title=title)
    for col in ("id", "day", "outlet", "title", "statements", "appearances"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(str(r["id"]), r["published"] or "undated", r["outlet"] or "", r["title"] or r["path"] or "",
                  str(r["statements"]), str(r.get("appearances") or ""))
    return t


def rules_table(rules: Sequence[Rule]) -> Table:
    t = Table(title=f"{len(rules)} rules")
    for col in ("id", "kind", "severity", "description"):
        t.add_column(col, overflow="fold")
    for r in rules:
        t.add_row(r.id, r.kind, Text(r.severity, style=SEVERITY_STYLE[r.severity]), r.description)
    return t


def rule_panel(rule: Rule) -> Panel:
    lines = [f"kind: {rule.kind}", f"severity: {rule.severity}", f"message: {rule.message}", f"file: {rule.path}"]
    lines += [f"param {k} = {v!r}" for k, v in rule.params.items()]
    lines += [f"example ({ex['expect']}): {ex.get('name', '')}" for ex in rule.examples]
    return Panel("\n".join(lines), title=rule.id, subtitle=rule.description)


def to_text(renderable: Any, width: int = 80) -> str:
    """A renderable as plain text at a fixed width (for files and golden tests): no colour, no trailing blanks."""
    out = SafeConsole(file=io.StringIO(), width=width, no_color=True, color_system=None, force_terminal=False,
                  highlight=False, emoji=False, soft_wrap=False)
    out.print(renderable)
    return "\n".join(line.rstrip() for line in out.file.getvalue().splitlines()) + "\n"


def audit_history_view(runs: Sequence[dict[str, Any]]) -> Group:
    """Past audit runs as a table, then each run's note."""
    from rich import box

    table = Table(title=f"{len(runs)} audit runs", box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left")
    for col in ("run", "started", "took", "mode", "rules", "checked", "new", "open", "resolved", "outcome"):
        table.add_column(col, no_wrap=True)
    for r in runs:
        table.add_row(str(r["id"]), r["started"][:16].replace("T", " "), r["took"], "full" if r["full"] else "incremental",
                      (r["rules_hash"] or "")[:8], *(str(r[c] or 0) for c in ("statements_checked", "new", "still_open", "resolved")),
                      r["outcome"])
    return Group(table, *(f"run {r['id']}: {r['note']}" for r in runs if r["note"]))
