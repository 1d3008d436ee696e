"""States of an event as a statement asserts them (vocabulary from rules/lexicon/states.toml)."""
from __future__ import annotations

import re
from functools import lru_cache

from factcheck.extract.quantities import category_openers, category_phrases
from factcheck.lexicon import Gate, Lexicon, opening_words, phrase_matches, phrase_regex
from factcheck.model import Status

WORD = re.compile(r"[a-z']+")
SPACES = re.compile(r"\s+")
# "complete" is a state only as a predicate ("the swap is now complete"), not before a noun ("a complete list").
PREDICATE = frozenset({"is", "was", "are", "were", "be", "been", "being", "now", "fully", "almost", "nearly", "yet", "'s"})
ADJECTIVE_CUES = frozenset({"complete"})
# "holding" is a state only without an object: "the truce was holding", not "was holding 40 hostages".
OBJECT_AFTER = re.compile(r"\s+(?:the|a|an|its|their|his|her|\d|[a-z]+s\b)", re.I)


def find_statuses(text: str, lex: Lexicon, words: frozenset[str] | None = None) -> list[Status]:
    """Every state phrase in a statement, negation respected ('has not been completed'). words: the statement's
    (words_of), when read already."""
    if not state_gate(lex).may_match(words):
        return []
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
        if state == "completed" and _stage_only(text, m.start(), m.end(), lex):
            continue
        negated = any(w in lex.negation or w.endswith("n't") for w in window)
        out.append(Status(state=state, cue=m.group(0), negated=negated, start=m.start(), end=m.end()))
    return out


def _stage_only(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """A completion whose subject or object is a stage ("the first stage ... was completed", "completed the
    second round") finishes that stage, not the event; a final stage (lexicon [stages]) finishes both."""
    if not lex.stages:
        return False
    before, after = _stage_rx(lex)
    stage = before.search(text[max(0, start - 80):start]) or after.match(text, end)
    return bool(stage) and (stage.group(1) or "").lower() not in lex.final_stages


@lru_cache(maxsize=8)
def _stage_rx(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(re.escape(w) for w in lex.stages)
    return (re.compile(rf"\b(?:(\w+)\s+)?(?:{words})\b[^,;.]{{0,40}}$", re.I),
            re.compile(rf"\s+(?:the\s+|its\s+|their\s+)?(?:(\w+)\s+)?(?:{words})\b", re.I))


@lru_cache(maxsize=8)
def state_gate(lex: Lexicon) -> Gate:
    return Gate.of([w for words in lex.states.values() for w in words])


@lru_cache(maxsize=8)
def event_gate(lex: Lexicon) -> Gate:
    return Gate.of(lex.events)


@lru_cache(maxsize=8)
def _event_rx(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, int]]:
    return phrase_regex(list(lex.events)), {w: i for i, w in enumerate(lex.events)}


def event_nouns(text: str, lex: Lexicon, words: frozenset[str] | None = None) -> list[str]:
    """The lexicon's event nouns in a text, in order, as listed (lower case, single spaces); none inside a
    category phrase ("prisoners of war" names no war). find_event and event_word read them. words: the text's
    (words_of), when read already (taking out a category phrase leaves no word that was not there)."""
    if not lex.events or not event_gate(lex).may_match(words):
        return []
    rx, _ = _event_rx(lex)
    # each pattern tried where its opening words stand (phrase_matches); a category phrase becomes a space, as
    # re.sub would make it
    cut = phrase_matches(category_phrases(lex), text, words, category_openers(lex))
    if cut:
        text = " ".join([text[:cut[0].start()], *(text[a.end():b.start()] for a, b in zip(cut, cut[1:])),
                         text[cut[-1].end():]])
    return [SPACES.sub(" ", m.group(0).lower()) for m in phrase_matches(rx, text, words, _event_openers(lex))]


@lru_cache(maxsize=8)
def _event_openers(lex: Lexicon) -> frozenset[str] | None:
    return opening_words(lex.events)


def event_word(text: str, event: str | None, lex: Lexicon, nouns: list[str] | None = None) -> str | None:
    """The word the text names its event with ('summit', 'swap'): the first lexicon noun of that event, as listed.
    `nouns`: the text's event_nouns, when already found."""
    if not event or not lex.events:
        return None
    return next((w for w in (event_nouns(text, lex) if nouns is None else nouns) if lex.events.get(w) == event), None)


def find_event(text: str, lex: Lexicon, actions: list[str | None], nouns: list[str] | None = None) -> str | None:
    """The event a statement is about: a lexicon noun ('swap', 'exchange'), else one implied by its figures' action.
    `nouns`: the text's event_nouns, when already found.

    Several nouns: lexicon order is priority order (specific events before "war")."""
    if lex.events:
        _, rank = _event_rx(lex)
        words = set(event_nouns(text, lex) if nouns is None else nouns)
        if words:
            return lex.events[min(words, key=lambda w: rank[w])]
    for action in actions:
        if action and action in lex.event_actions:
            return lex.event_actions[action]
    if any(a and a not in lex.event_actions for a in actions):
        # an intended act ("agreed to release 60 hostages") belongs to the event its verb names
        if lex.events:
            text = category_phrases(lex).sub(" ", text)  # "prisoners of war" names no war
        for word in WORD.findall(text.lower()):
            if lex.actions.get(word) in lex.event_actions:
                return lex.event_actions[lex.actions[word]]
    return None
