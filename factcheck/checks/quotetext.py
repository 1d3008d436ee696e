"""Quoted words, normalised for comparison: one entry per quoted sentence."""
from __future__ import annotations

import re

from factcheck.model import Statement

QUOTED = re.compile(r"[\u201c\"\u201e]([^\u201c\u201d\"]{3,})[\u201d\"\u201c]?")
FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
MIN_WORDS = 5


CONTRACTIONS = [(r"\bcan't\b", "cannot"), (r"\bwon't\b", "will not"), (r"n't\b", " not"), (r"'re\b", " are"),
                (r"'ve\b", " have"), (r"'ll\b", " will"), (r"\bi'm\b", "i am"), (r"'d\b", " would")]


def normalise(text: str) -> str:
    """Lower case, straight quotes, no punctuation; contractions spelt out ('we're' = 'we are')."""
    folded = text.translate(FOLD).lower()
    for pattern, full in CONTRACTIONS:
        folded = re.sub(pattern, full, folded)
    return re.sub(r"\s+", " ", re.sub(r"[^\w' ]+", " ", folded)).strip()


def quote_sentences(s: Statement) -> list[str]:
    """The quoted sentences of a statement, normalised; short ones ('Thank you') dropped."""
    if not s.quote:
        return []
    bodies = QUOTED.findall(s.text) or [s.text]
    out = []
    for body in bodies:
        words = body.split()
        if len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words):
            continue  # a title in quotation marks ("This Week With ..."), not someone's words
        for sentence in re.split(r"(?<=[.!?])\s+", body):
            n = normalise(sentence)
            if len(n.split()) >= MIN_WORDS:
                out.append(n)
    return out


def names_in(text: str) -> set[str]:
    """Capitalised words after the first: the names a quote mentions."""
    words = re.findall(r"\b[A-Z][a-z]+\b", text)
    return set(words[1:]) if words else set()
