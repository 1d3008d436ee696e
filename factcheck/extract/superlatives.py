"""Record claims: "the largest swap of the conflict so far" sets a figure against every earlier one.

A claim is a superlative followed, within a few words, by the statement's own event ("the deadliest
attack", not "one of the country's largest malls"), in a statement that scopes it against the past: a
scope word anywhere in it ("so far", "of the war") or a possessive right before the superlative ("the
country's largest swap"). The words are rules/lexicon/actions.toml [record].
"""
from __future__ import annotations

import re
from functools import lru_cache

from factcheck.lexicon import Lexicon, phrase_regex

WORD = re.compile(r"[a-z-]+")
POSSESSIVE = re.compile(r"['\u2019]s\s+$")
REACH = 40  # characters after the superlative in which its event noun stands
EVENT_WORDS = 3  # words after the superlative that may name the event


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    never = re.compile(r"(?!)")
    return (phrase_regex(list(lex.superlatives)) if lex.superlatives else never,
            phrase_regex(list(lex.record_scopes)) if lex.record_scopes else never)


def record_claim(text: str, event: str | None, lex: Lexicon) -> str | None:
    """The superlative with which the statement claims a record for its event ('largest'), else None."""
    if not event:
        return None
    superlative, scope = _patterns(lex)
    claims = [m for m in superlative.finditer(text)
              if any(lex.events.get(w) == event for w in WORD.findall(text[m.end():m.end() + REACH].lower())[:EVENT_WORDS])]
    if not claims:
        return None
    if scope.search(text) or any(POSSESSIVE.search(text, max(0, m.start() - 4), m.start()) for m in claims):
        return claims[0].group(0).lower()
    return None
