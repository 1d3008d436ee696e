"""status-conflict: incompatible states of one event on one day, from different statements.

Blocks by (event frame, day); within a block, states conflict as rules/lexicon/states.toml [conflicts] says.
The note names the event by the word the statement used for it (`event_word`, from extraction).
TOML params: none. Example: Trump (Truth Social) says the swap "had been completed"; an official says
the exchange "was ongoing" — both about the prisoner exchange on 23 May 2025.
"""
from __future__ import annotations

from collections.abc import Sequence

from factcheck.checks.common import block, day, finding, frame_of, who
from factcheck.lexicon import Lexicon
from factcheck.model import Finding, Rule, Statement

PARAMS: dict[str, object] = {}


def states_of(s: Statement) -> set[str]:
    return {st.state for st in s.statuses if not st.negated}


def check(statements: Sequence[Statement], rule: Rule, lex: Lexicon) -> list[Finding]:
    out = []
    dated = [s for s in statements if s.event and s.date and len(s.date) == 10 and states_of(s)]
    for (frame, date), group in sorted(block(dated, lambda s: (frame_of(s), as_of(s)) if frame_of(s) else None).items(), key=lambda kv: str(kv[0])):
        event = frame[0]
        for state, rivals in lex.conflicts.items():
            firm = [s for s in group if state in states_of(s)]
            other = [s for s in group if states_of(s) & set(rivals) and s not in firm]
            if not firm or not other:
                continue
            # name the most direct rival first (lexicon order: ongoing before planned), sourced body text first
            other.sort(key=lambda s: (min(rivals.index(x) for x in states_of(s) & set(rivals)), _weight(s)))
            firm.sort(key=_weight)
            if {s.source for s in firm} == {s.source for s in other} and len({s.source for s in firm}) == 1 \
                    and len({s.document_id for s in firm + other}) == 1:
                continue  # one voice in one story telling how the event went, not two accounts of it
            a, b = firm[0], other[0]
            b_state = min(states_of(b) & set(rivals), key=rivals.index)
            noun = a.event_word or event.replace("-", " ")
            out.append(finding(
                # the two accounts in conflict, then (under "also") named sources of other stories telling either side
                rule, "flag", [a, b, *(s for s in firm + other if s.source and s.document_id not in
                                       (a.document_id, b.document_id) and s.source_kind != "anonymous")],
                f"{event} on {day(date)}: '{_cue(a, state)}' vs '{_cue(b, b_state)}'",
                subject=f"{frame}|{date}|{state}", claims=(state, b_state),
                a=who(a), b=who(b), event=noun, state_a=state.replace("_", " "),
                state_b=b_state.replace("_", " "), day=day(date)))
            break
    return out


def _weight(s: Statement) -> tuple[bool, bool]:
    """Attributed statements before narration, body text before headlines and bullets."""
    return s.source is None, s.role != "body"


def as_of(s: Statement) -> str | None:
    """The day a state is asserted for: 'will continue tomorrow' says the event is ongoing on the day
    it is said, so a future date falls back to the story's own date."""
    if s.published and s.date and s.date > s.published:
        return s.published
    return s.date


def _cue(s: Statement, state: str) -> str:
    return next((st.cue for st in s.statuses if st.state == state), state)
