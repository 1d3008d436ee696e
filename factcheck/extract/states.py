"""States of an event as a statement asserts them (vocabulary from rules/lexicon/states.toml)."""
from __future__ import annotations

import re
from functools import lru_cache

from factcheck.extract.quantities import category_phrases
from factcheck.lexicon import Lexicon, phrase_regex
from factcheck.model import Status

WORD = re.compile(r"[a-z']+")
SPACES = re.compile(r"\s+")
# "complete" is a state only as a predicate ("the swap is now complete"), not before a noun ("a complete list").
PREDICATE = frozenset({"is", "was", "are", "were", "be", "been", "being", "now", "fully", "almost", "nearly", "yet", "'s"})
ADJECTIVE_CUES = frozenset({"complete"})
# "holding" is a state only without an object: "the truce was holding", not "was holding 40 hostages".
OBJECT_AFTER = re.compile(r"\s+(?:the|a|an|its|their|his|her|\d|[a-z]+s\b)", re.I)
# A completion whose subject or object is a stage ("the first stage ... was completed", "completed the second
# round") finishes that stage, not the event; a final or last stage finishes both.
STAGE_BEFORE = re.compile(r"\b(?:(\w+)\s+)?(?:stage|phase|round|batch|tranche|leg|wave)\b[^,;.]{0,40}$", re.I)
STAGE_AFTER = re.compile(r"\s+(?:the\s+|its\s+|their\s+)?(?:(\w+)\s+)?(?:stage|phase|round|batch|tranche|leg|wave)\b", re.I)
FINAL = frozenset({"final", "last", "third-and-final", "concluding"})


def find_statuses(text: str, lex: Lexicon) -> list[Status]:
    """Every state phrase in a statement, negation respected ('has not been completed')."""
    out = []
    for m in lex.state_rx.finditer(text):
        phrase = SPACES.sub(" ", m.group(0).lower())
        state = lex.state_of(phrase)
        if state is None:
            continue
        window = WORD.findall(text[max(0, m.start() - 30):m.start()].lower().replace("\u2019", "'"))[-3:]
        if phrase in ADJECTIVE_CUES and not any(w in PREDICATE or w.endswith(("'s", "n't")) for w in window):
            continue
        if phrase.endswith("holding") and OBJECT_AFTER.match(text, m.end()):
            continue
        if state == "completed" and _stage_only(text, m.start(), m.end()):
            continue
        negated = any(w in lex.negation or w.endswith("n't") for w in window)
        out.append(Status(state=state, cue=m.group(0), negated=negated, start=m.start(), end=m.end()))
    return out


def _stage_only(text: str, start: int, end: int) -> bool:
    stage = STAGE_BEFORE.search(text[max(0, start - 80):start]) or STAGE_AFTER.match(text, end)
    return bool(stage) and (stage.group(1) or "").lower() not in FINAL


@lru_cache(maxsize=8)
def _event_rx(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, int]]:
    return phrase_regex(list(lex.events)), {w: i for i, w in enumerate(lex.events)}


def find_event(text: str, lex: Lexicon, actions: list[str | None]) -> str | None:
    """The event a statement is about: a lexicon noun ('swap', 'exchange'), else one implied by its figures' action.

    Several nouns: lexicon order is priority order (specific events before "war")."""
    if lex.events:
        rx, rank = _event_rx(lex)
        text = category_phrases(lex).sub(" ", text)  # "prisoners of war" names no war
        words = {SPACES.sub(" ", m.group(0).lower()) for m in rx.finditer(text)}
        if words:
            return lex.events[min(words, key=lambda w: rank[w])]
    for action in actions:
        if action and action in lex.event_actions:
            return lex.event_actions[action]
    if any(a and a not in lex.event_actions for a in actions):
        # an intended act ("agreed to release 60 hostages") belongs to the event its verb names
        for word in WORD.findall(text.lower()):
            if lex.actions.get(word) in lex.event_actions:
                return lex.event_actions[lex.actions[word]]
    return None
