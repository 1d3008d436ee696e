"""States of an event as a statement asserts them (vocabulary from rules/lexicon/states.toml)."""
from __future__ import annotations

import re

from factcheck.lexicon import Lexicon
from factcheck.model import Status


def find_statuses(text: str, lex: Lexicon) -> list[Status]:
    """Every state phrase in a statement, negation respected ('has not been completed')."""
    out = []
    for m in lex.state_rx.finditer(text):
        phrase = re.sub(r"\s+", " ", m.group(0).lower())
        state = lex.state_of(phrase)
        if state is None:
            continue
        before = text[max(0, m.start() - 30):m.start()].lower()
        window = re.findall(r"[a-z']+", before)[-3:]
        negated = any(w in lex.negation or w.endswith("n't") for w in window)
        out.append(Status(state=state, cue=m.group(0), negated=negated, start=m.start(), end=m.end()))
    return out


def find_event(text: str, lex: Lexicon, actions: list[str | None]) -> str | None:
    """The event a statement is about: a lexicon noun ('swap', 'exchange'), else one implied by its figures' action."""
    low = text.lower()
    for word, key in lex.events.items():  # lexicon order is priority order: specific events before "war"
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", low):
            return key
    for action in actions:
        if action and action in lex.event_actions:
            return lex.event_actions[action]
    return None
