"""Quoted words, normalised for comparison: one entry per quoted sentence."""
from __future__ import annotations

import re

from factcheck.model import Statement

QUOTED = re.compile(r"[\u201c\"\u201e]([^\u201c\u201d\"]{3,})[\u201d\"\u201c]?")
FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
MIN_WORDS = 5


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w' ]+", " ", text.translate(FOLD).lower())).strip()


def quote_sentences(s: Statement) -> list[str]:
    """The quoted sentences of a statement, normalised; short ones ('Thank you') dropped."""
    if not s.quote:
        return []
    bodies = QUOTED.findall(s.text) or [s.text]
    out = []
    for body in bodies:
        for sentence in re.split(r"(?<=[.!?])\s+", body):
            n = normalise(sentence)
            if len(n.split()) >= MIN_WORDS:
                out.append(n)
    return out


def names_in(text: str) -> set[str]:
    """Capitalised words after the first: the names a quote mentions."""
    words = re.findall(r"\b[A-Z][a-z]+\b", text)
    return set(words[1:]) if words else set()
