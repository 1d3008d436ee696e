"""sum-mismatch: parts against their stated total; a sum that holds is reported as a pass.

Three shapes, each blocked before comparing:
  * apposition in one statement: "390 people, of whom 270 were soldiers and 120 civilians";
  * parts in one statement, total elsewhere in the story, same day (or no day named), action and 'each'
    (blocked by document): "each released 270 soldiers and 120 civilians" vs "390 prisoners";
    part categories come from rules/lexicon/categories.toml [parts] and [sums] (killed + wounded = casualties);
  * stages over days against the total of a completed event (blocked by event):
    390 + 307 + 303 = 1,000.
TOML params: `tolerance` (absolute difference allowed, default 0), `stages` (check daily stages, default true),
`stages_action` (the action a stage counts, default "released").
"""
from __future__ import annotations

from collections.abc import Sequence

from factcheck.checks.common import block, finding, fmt, frame_of
from factcheck.checks.stages import COMPLETED, WINDOW_DAYS, counted, daily_figures
from factcheck.lexicon import Lexicon
from factcheck.model import PERCENT, Finding, Quantity, Rule, Statement

PARAMS = {"tolerance": 0.0, "stages": True, "stages_action": "released"}
REACH_DAYS = WINDOW_DAYS  # a completed total meets the stages of the week before it; other sums stay in one story


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[int | None, ...]] = set()
    summed = {s.document_id for s in statements if len(s.quantities) >= 2}  # a sum has two parts at least
    for s in statements:
        if len(s.quantities) >= 3:  # a whole and two parts
            out += _apposition(s, rule, lex)
    for _, group in block(statements, lambda s: s.document_id if s.document_id in summed else None).items():
        for s in group:
            for parts, whole in _part_sets(s, lex) if len(s.quantities) >= 2 else ():
                key = (s.id, *(id(q) for q in parts))
                if key in seen:
                    continue
                seen.add(key)
                total = _find_total(group, s, parts, whole, lex)
                if total:
                    out.append(_compare(rule, [s, total[0]] if total[0] is not s else [s], parts, total[1], float(rule.params["tolerance"])))
    if rule.params["stages"]:
        for _, group in block(statements, frame_of).items():
            out += _stages(group, rule, lex)
    return out


def _compare(rule: Rule, cited: list[Statement], parts: list[Quantity], total: Quantity, tolerance: float) -> Finding:
    got = sum(q.low for q in parts)
    arithmetic = " + ".join(fmt(q.low) for q in parts)
    labels = " + ".join(q.text for q in parts)
    if abs(got - total.low) <= tolerance:
        return finding(rule, "pass", cited, f"{labels} = {total.text}", arithmetic=arithmetic, sum=fmt(got), total=fmt(total.low),
                       parts=labels, whole=total.text, verdict=f"{arithmetic} = {fmt(total.low)}")
    # the breakdown is the identity (the story, the whole counted and the kinds of its parts); the figures are the claims
    story = cited[0].story_key or f"document {cited[0].document_id}"
    kinds = "+".join(sorted(q.category or q.action or "" for q in parts))
    return finding(rule, "flag", cited, f"{labels} = {fmt(got)}, not {total.text}", arithmetic=arithmetic, sum=fmt(got),
                   subject=f"{story}|{total.category}|{total.action}|{total.date}|{kinds}", claims=(labels, total.text),
                   total=fmt(total.low), parts=labels, whole=total.text, verdict=f"{arithmetic} = {fmt(got)}, not {fmt(total.low)}")


def _apposition(s: Statement, rule: Rule, lex: Lexicon) -> list[Finding]:
    """'390 people, of whom 270 were soldiers and 120 civilians'. The parts must be kinds of the whole
    (lexicon [parts]); shares ('33%, including 60% of ...') do not add up; and a partial list ('including',
    marked on the total by extraction) only fails when the parts exceed the whole."""
    totals = [q for q in s.quantities if q.role == "total"]
    parts = [q for q in s.quantities if q.role == "part" and q.exact]
    if len(totals) != 1 or len(parts) < 2 or not totals[0].exact:
        return []
    total = totals[0]
    kinds = set(lex.parts.get(total.category or "", [])) | {total.category}
    if total.category is None or any(q.category not in kinds for q in parts) or any(q.unit == PERCENT for q in [total, *parts]):
        return []
    finding_ = _compare(rule, [s], parts, total, float(rule.params["tolerance"]))
    if finding_.outcome == "flag" and total.partial and sum(q.low for q in parts) < total.low:
        return []
    return [finding_]


def _part_sets(s: Statement, lex: Lexicon) -> list[tuple[list[Quantity], str]]:
    """Groups of exact figures in one statement that make up a whole: (parts, the whole's category)."""
    qs = [q for q in s.quantities if q.exact and q.role == "figure" and not q.hedge]
    found = []
    for whole, members in lex.parts.items():
        parts = [q for q in qs if q.category in members]
        if len(parts) >= 2 and len({q.category for q in parts}) == len(parts) and len({(q.action, q.each, q.date) for q in parts}) == 1:
            found.append((parts, whole))
            break
    for whole, actions in lex.sums.items():
        parts = [q for q in qs if q.action in actions]
        if len(parts) >= 2 and len({q.action for q in parts}) == len(parts):
            found.append((parts, whole))
    return found


def _find_total(group: list[Statement], s: Statement, parts: list[Quantity], whole: str, lex: Lexicon) -> tuple[Statement, Quantity] | None:
    action, each, date = parts[0].action, parts[0].each, parts[0].date
    wholes = {whole} | {w for w, members in lex.parts.items() if whole in members}
    candidates = []
    for other in group:
        if action is None and other.sentence != s.sentence - 1:
            continue  # parts with no verb of their own ('They included 149 soldiers and 67 civilians') refer back
        for q in other.quantities:
            if q in parts or not q.exact or q.role == "part" or q.category not in wholes:
                continue
            if q.date != date and not (_undated(other, q) or all(_undated(s, p) for p in parts)):
                continue  # another day's figure; a figure the story gives no day for fits any day of it
            if whole in lex.sums:
                if q.category != whole:
                    continue
            elif action is not None and (q.action != action or q.each != each):
                continue
            candidates.append((other, q))
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0].role != "body")
    got = sum(q.low for q in parts)
    exact = [c for c in candidates if c[1].low == got]
    if exact:
        return exact[0]
    if len({c[1].low for c in candidates}) > 1:
        return None  # several different totals: which one the parts belong to is unclear
    return candidates[0]


def _undated(s: Statement, q: Quantity) -> bool:
    """A figure whose day is only the story's default: its sentence names no day."""
    return s.date_text is None and q.date == s.date


def _stages(group: list[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    out = []
    kinds = counted(lex)
    for s in group:
        if not s.date or not any(st.state == COMPLETED and not st.negated for st in s.statuses):
            continue
        for total in (q for q in s.quantities if q.exact and q.category in kinds and q.role != "part"):
            days = daily_figures(group, str(rule.params["stages_action"]), total, lex, until=s.date)
            if len(days) < 2 or s.date not in days:
                continue
            ordered = sorted(days.values(), key=lambda x: x[1].date or "")
            parts = [q for _, q in ordered]
            cited = [s] + [st for st, _ in ordered if st is not s]
            f = _compare(rule, cited, parts, total, float(rule.params["tolerance"]))
            out.append(f)
    return out
