"""What polarity-conflict and place-conflict read from a statement's words, read once here: its claim and
the negation words in it, and how it names its event (one newly told of, one already told, or several).

Both work on the words extraction stores (`Statement.words`), so statements stored before these readings
are read the same way from their stored words (migration m017).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from factcheck.lexicon import Lexicon
from factcheck.model import EVENT_KNOWN, EVENT_NEW, EVENT_SEVERAL

LOOK_BACK = 3  # words between a determiner and its event noun: "a deadly gas explosion"
APOSTROPHES = ("'", "\u2019")


@lru_cache(maxsize=8)
def _negation(lex: Lexicon) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """The lexicon's negation words, and its contractions' endings as written ("n't", "n\u2019t") with their entry."""
    endings = {w.replace("'", a): w for w in lex.negation if w.startswith("n'") for a in APOSTROPHES}
    return frozenset(lex.negation), tuple(sorted(endings.items()))


def claim(words: Sequence[str], lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the words with contractions cut to their verb, the lexicon's negation words among them): "he didn't
    use the pump" -> (he, did, use, the, pump), (n't,); "there was no water" -> (there, was, no, water), (no,).
    The claim without its negation words is what polarity-conflict compares: "he did not use the pump" and
    "he used the pump" then differ only in "did", a word of do-support the check may ignore."""
    negation, endings = _negation(lex)
    joined = "".join(words)
    if "n'" not in joined and "n\u2019" not in joined and all(words):  # (an empty word is dropped)
        # every ending opens with "n" and an apostrophe: most claims hold none, their words stay as they are
        return tuple(words), tuple(dict.fromkeys(w for w in words if w in negation)) if not negation.isdisjoint(words) else ()
    out, found = [], []
    for w in words:
        # every ending holds an apostrophe: a word without one ends with none of them
        end = next(((e, entry) for e, entry in endings if w.endswith(e)), None) if "'" in w or "\u2019" in w else None
        if end:
            w = w[:-len(end[0])]  # "isn't" -> "is"; "can't" -> "ca"
            found.append(end[1])
        if w in negation:
            found.append(w)
        if w:
            out.append(w)
    return tuple(out), tuple(dict.fromkeys(found))


def event_reference(words: Sequence[str], event: str | None, lex: Lexicon) -> str | None:
    """How the statement's first word for its event names it: EVENT_SEVERAL in the plural ('the attacks',
    'blasts': the singular is a word of the same event), EVENT_NEW after an indefinite determiner ('a
    shooting', 'another deadly blast'), EVENT_KNOWN after a definite one or a possessive ('the explosion',
    "Monday's crash"), None when neither stands in the few words before it (or it has no event word)."""
    if not event:
        return None
    openers = _event_openers(lex)
    for i in range(len(words)):
        if words[i] not in openers:
            continue  # no phrase of the lexicon's events starts with this word
        n = next((n for n in (3, 2, 1) if _event_word(words[i:i + n], lex) == event), 0)
        if not n:
            continue
        if _event_word(words[i:i + n], lex, singular=True) == event:
            return EVENT_SEVERAL
        for w in reversed(words[max(0, i - LOOK_BACK):i]):
            if w in lex.grammar.indefinite:
                return EVENT_NEW
            if w in lex.grammar.definite or w.endswith(tuple(f"{a}s" for a in APOSTROPHES)):
                return EVENT_KNOWN
        return None
    return None


@lru_cache(maxsize=8)
def _event_openers(lex: Lexicon) -> frozenset[str]:
    """The words an event phrase can start with as written: the first word of each event noun, and a one-word
    noun with a plural ending ('blasts', 'crashes')."""
    return frozenset({k.split(" ")[0] for k in lex.events} | {k + end for k in lex.events if " " not in k
                                                            for end in ("s", "es")})


def _event_word(words: Sequence[str], lex: Lexicon, singular: bool = False) -> str | None:
    """The event a phrase names as written, or (`singular`) once its last word drops a plural ending."""
    if not words:
        return None
    if not singular:
        return lex.events.get(" ".join(words)) or _event_word(words, lex, singular=True)
    head, last = words[:-1], words[-1]
    return next((lex.events[k] for end in ("es", "s") if last.endswith(end)
                 and (k := " ".join((*head, last[:-len(end)]))) in lex.events), None)
