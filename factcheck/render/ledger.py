"""The event ledger: the events stored, and one event's story so far — per day, every source's figures and
states, with the flags that cite each statement marked inline. What an editor opens to settle a conflict."""
from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from factcheck.model import Flag, Statement, excerpt
from factcheck.render import statement_dict, who
from factcheck.render.safe import clean

TEXT_WIDTH = 90  # characters of a statement shown in a ledger row


def event_name(row: dict[str, Any]) -> str:
    """'prisoner-exchange RU+UA', 'attack Kharkiv, UA'."""
    return f"{row['event']} {row['anchor']}"


def figures(s: Statement) -> str:
    """'390 prisoners released; 120 civilians released'."""
    return "; ".join(f"{q.text} {q.action}" if q.action else q.text for q in s.quantities)


def states(s: Statement) -> str:
    return ", ".join(("not " if st.negated else "") + st.state.replace("_", " ") for st in s.statuses)


def marks(flags: Sequence[Flag]) -> str:
    """'! status-conflict cfa4bdfb' for each open flag citing the statement."""
    return " ".join(f"! {f.finding.kind} {f.id[:8]}" for f in flags)


def ledger_rows(told: Sequence[Statement], flags: dict[int, list[Flag]]) -> list[dict[str, Any]]:
    """One row per statement: day, who, outlet, figures, states, text, flags."""
    return [{"day": s.date or "undated", "who": who(s), "outlet": s.outlet or "", "figures": figures(s),
             "states": states(s), "text": excerpt(s.text, TEXT_WIDTH), "flags": flags.get(s.id or -1, []),
             "statement": s} for s in told]


def events_table(rows: Sequence[dict[str, Any]], title: str) -> Any:
    from rich.table import Table

    t = Table(title=title)
    for col in ("id", "event", "where / who", "days", "stories", "statements", "open flags"):
        t.add_column(col, overflow="fold")
    for r in rows:
        days = r["first_day"] if r["first_day"] == r["last_day"] else f"{r['first_day']} \u2013 {r['last_day']}"
        t.add_row(str(r["id"]), r["event"], r["anchor"], days or "undated", str(r["stories"]), str(r["statements"]),
                  str(r["flags"] or ""))
    return t


def event_view(event: dict[str, Any], told: Sequence[Statement], flags: dict[int, list[Flag]]) -> Any:
    """The story so far as a rich table, one section per day."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    rows = ledger_rows(told, flags)
    t = Table(title=f"event {event['id']}: {event_name(event)} \u2014 {len(rows)} statements", show_lines=False)
    for col in ("day", "who", "figures", "states", "statement", "flags"):
        t.add_column(col, overflow="fold")
    last = None
    for r in rows:
        day = r["day"] if r["day"] != last else ""
        if r["day"] != last and last is not None:
            t.add_section()
        last = r["day"]
        t.add_row(day, r["who"], r["figures"], r["states"], r["text"], Text(marks(r["flags"]), style="bold red"))
    return Group(t)


def event_dict(event: dict[str, Any], told: Sequence[Statement], flags: dict[int, list[Flag]]) -> dict[str, Any]:
    days: dict[str, list[dict[str, Any]]] = {}
    for r in ledger_rows(told, flags):
        s = r["statement"]
        days.setdefault(r["day"], []).append({
            **statement_dict(s), "figures": [{"text": q.text, "low": q.low, "high": q.high, "action": q.action,
                                              "category": q.category, "role": q.role} for q in s.quantities],
            "states": [{"state": st.state, "negated": st.negated} for st in s.statuses],
            "flags": [{"id": f.id, "kind": f.finding.kind, "severity": f.finding.severity, "state": f.state}
                      for f in r["flags"]]})
    return {"event": {"id": event["id"], "type": event["event"], "anchor": event["anchor"]},
            "days": [{"day": day, "statements": items} for day, items in days.items()]}


def event_markdown(event: dict[str, Any], told: Sequence[Statement], flags: dict[int, list[Flag]]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = [f"# event {event['id']}: {cell(event_name(event))}", "",
             "| day | who | figures | states | statement | flags |", "|---|---|---|---|---|---|"]
    lines += [f"| {cell(r['day'])} | {cell(r['who'])} | {cell(r['figures'])} | {cell(r['states'])} | {cell(r['text'])} "
              f"| {cell(marks(r['flags']))} |" for r in ledger_rows(told, flags)]
    return clean("\n".join(lines) + "\n")


def event_html(event: dict[str, Any], told: Sequence[Statement], flags: dict[int, list[Flag]]) -> str:
    def e(text: str) -> str:
        return escape(text, quote=True)

    body = "".join(f"<tr><td>{e(r['day'])}</td><td>{e(r['who'])}</td><td>{e(r['figures'])}</td><td>{e(r['states'])}</td>"
                   f"<td>{e(r['text'])}</td><td><b>{e(marks(r['flags']))}</b></td></tr>" for r in ledger_rows(told, flags))
    title = e(f"event {event['id']}: {event_name(event)}")
    return clean("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                 f"<title>{title}</title></head>\n<body><h1>{title}</h1><table><thead><tr><th>day</th><th>who</th>"
                 "<th>figures</th><th>states</th><th>statement</th><th>flags</th></tr></thead><tbody>"
                 f"{body}</tbody></table></body></html>\n")
