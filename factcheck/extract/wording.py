"""What the checks compare word by word, read once from a statement's text: its words, its quoted
sentences normalised, and its numbers as written with the words around them.

date-conflict reads the words (polarity-conflict the claim read from them, extract/claims.py),
quote-mismatch and misattribution the quoted sentences, numeric-conflict's restated figures the
mentions and the masked words; none of them reads the text again.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import NamedTuple

from factcheck.extract.quantities import word_value
from factcheck.lexicon import NO_WORDS, Gate, number_matches, words_of
from factcheck.model import Mention

WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")
WORD_SPLIT = re.compile(f"({WORD.pattern})")  # a text's words with the gaps between them
NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")  # a word character beyond ASCII, which WORD does not take

# quotes
QUOTED = re.compile(r"[\u201c\"\u201e]([^\u201c\u201d\"]{3,})[\u201d\"\u201c]?")
FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
CONTRACTIONS = [(re.compile(p), full) for p, full in (
    (r"\bcan't\b", "cannot"), (r"\bwon't\b", "will not"), (r"n't\b", " not"), (r"'re\b", " are"), (r"'ve\b", " have"),
    (r"'ll\b", " will"), (r"\bi'm\b", "i am"), (r"'d\b", " would"))]
CONTRACTED = [(p, full, p.pattern.replace(r"\b", "")) for p, full in CONTRACTIONS]  # each with its letters as written
NOT_WORD = re.compile(r"[^\w']+")  # a run of punctuation and white space: one space
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MIN_QUOTE_WORDS = 5

# numbers as written
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
                "thirty", "forty", "fifty", "hundred")
FIGURE = r"(?<![\w.,:=\"'#@/-])(\d{1,3}(?:,\d{3})+|[1-9]\d{0,8}|0)(\.\d+)?(?:\s*(million|billion))?(?![\d,:/A-Za-z]|\.\d)"
NUMBER = re.compile(FIGURE + r"|\b(" + "|".join(NUMBER_WORDS) + r")\b", re.I)
DIGITS = re.compile(FIGURE + r"(?:((?!)))?", re.I)  # NUMBER where no number word stands (its group 4 never matches)
DIGIT = re.compile(r"\d")
NUMBER_GATE = Gate.of(NUMBER_WORDS)  # a text with no digit and none of these words has no number
NUMBER_WORD_SET = frozenset(NUMBER_WORDS)
MASKED_WORD = re.compile(r"[a-z%$]+")
# where WORD and MASKED_WORD read a lower-cased text apart (a digit, '%', '$', an apostrophe inside a WORD run): a text
# without any has the same runs of [a-z] for both
MASK_APART = re.compile(r"[0-9%$'\u2019]")
RAW = re.compile(r"[A-Za-z%$]+")
RANGE = re.compile(r"(?:\bbetween|\bfrom|\d\s*(?:and|to|-|\u2013))\s*\$?\s*$", re.I)
RANGE_AFTER = re.compile(r"\s*(?:and|to|-|\u2013)\s*\$?\d", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
TOKEN = re.compile(r"[a-z%$]+(?:['\u2019][a-z]+)?|[,;:()\u2014]")
TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")  # a text's tokens with the gaps between them
# hedges, articles and relative pronouns: "Walmart, which employs about" restates "Walmart employs"
FILLERS = {"about", "around", "nearly", "almost", "roughly", "approximately", "some", "only", "just", "at", "least",
           "more", "less", "than", "over", "under", "up", "to", "fewer", "within", "a", "an", "the", "which", "who", "whom"}
CONTEXT = 9  # words kept on each side of a number
REACH = 80  # characters looked at on each side


class Wording(NamedTuple):
    words: tuple[str, ...]
    word_starts: tuple[int, ...]
    masked: tuple[str, ...]
    quoted: tuple[str, ...]
    mentions: tuple[Mention, ...]


def read_words(text: str) -> tuple[frozenset[str] | None, list[str] | None]:
    """A text's words (words_of), and its WORD runs with the gaps between them (WORD_SPLIT of its lower case) where
    they were read with them: where every word character is ASCII, none an underscore and no apostrophe may stand
    inside a WORD run, the \\w runs words_of reads are the WORD runs ("don't" is one run, words_of reads two)."""
    if "'" in text or "\u2019" in text or "_" in text or not text.isascii() and NON_ASCII_WORD.search(text):
        return words_of(text), None
    parts = WORD_SPLIT.split(text.lower())
    return frozenset(parts[1::2]) or NO_WORDS, parts


def wording(text: str, quote: bool, vocab: frozenset[str] | None = None, parts: list[str] | None = None) -> Wording:
    """Every word-level reading of a statement the checks need. vocab: the statement's words (words_of), when read
    already: a text with no digit and no number word has no number; parts: its WORD_SPLIT, when read already."""
    lower = text.lower()
    # word i is part 2i + 1 of the split, and the lengths of the parts before it add up to its start
    parts = WORD_SPLIT.split(lower) if parts is None else parts
    if NUMBER_GATE.may_match(vocab):  # tried at the digits and number words only
        numbers = number_matches(NUMBER, text, vocab, NUMBER_WORD_SET)
    else:  # no number word: the numbers are written in digits, none before the first
        digit = DIGIT.search(text)
        numbers = list(DIGITS.finditer(text, digit.start())) if digit else []
    words = tuple(parts[1::2])
    return Wording(words=words, word_starts=tuple(accumulate(map(len, parts[:-1])))[0::2],
                   masked=_masked(text, lower, numbers, words), quoted=tuple(quote_sentences(text)) if quote else (),
                   mentions=tuple(mentions(text, numbers)) if numbers else ())


def _masked(text: str, lower: str, numbers: list[re.Match[str]], words: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The words with the numbers taken out (the numbers found once, on the text as written). words: the text's
    WORD runs, which are these when it holds no number and no character a WORD and a MASKED_WORD read apart."""
    if not numbers and words and len(lower) == len(text) and not MASK_APART.search(lower):
        return words
    if len(lower) != len(text):  # a letter whose lower case is longer: offsets differ, mask the lower text itself
        return tuple(MASKED_WORD.findall(NUMBER.sub(" ", lower)))
    pieces, at = [], 0
    for m in numbers:
        pieces += [lower[at:m.start()], " "]
        at = m.end()
    pieces.append(lower[at:])
    return tuple(MASKED_WORD.findall("".join(pieces)))


def normalise(text: str) -> str:
    """Lower case, straight quotes, no punctuation; contractions spelt out ('we're' = 'we are')."""
    folded = text.translate(FOLD).lower()
    for pattern, full, written in CONTRACTED if "'" in folded else ():  # each contraction holds an apostrophe
        if written in folded:  # a pattern finds nothing in a text without its letters
            folded = pattern.sub(full, folded)
    return NOT_WORD.sub(" ", folded).strip()


def quote_sentences(text: str) -> list[str]:
    """The quoted sentences of a quote, normalised; short ones ('Thank you') and titles dropped."""
    out = []
    for body in QUOTED.findall(text) or [text]:
        words = body.split()
        if len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words):
            continue  # a title in quotation marks ("This Week With ..."), not someone's words
        for sentence in SENTENCE_END.split(body):
            n = normalise(sentence)
            if len(n.split()) >= MIN_QUOTE_WORDS:
                out.append(n)
    return out


def mentions(text: str, numbers: list[re.Match[str]] | None = None) -> list[Mention]:
    """The numbers of a statement as written, each with the words around it; the ends of a range
    ('between $5,000 and $15,000') are left out."""
    out = []
    clause = _Clause(text)
    years: tuple[str, ...] | None = None  # the years the text names, read once
    for m in NUMBER.finditer(text) if numbers is None else numbers:
        raw = m.group(0)
        if m.group(1):
            value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
            if m.group(3):
                value *= 1e6 if m.group(3).lower() == "million" else 1e9
            is_year = not m.group(2) and not m.group(3) and "," not in m.group(1) and 1800 <= value <= 2100
        else:
            value, is_year = word_value(raw) or 0, False
        if RANGE.search(text[max(0, m.start() - 12):m.start()]) or RANGE_AFTER.match(text[m.end():m.end() + 14]):
            continue
        if not is_year and years is None:
            years = tuple(sorted(set(YEAR.findall(text))))
        out.append(Mention(
            text=raw, value=value, start=m.start(),
            before_raw=tuple(RAW.findall(text[max(0, m.start() - REACH):m.start()]))[-CONTEXT:],
            after_raw=tuple(RAW.findall(text[m.end():m.end() + REACH]))[:CONTEXT],
            years=() if is_year else years,
            clause_before=clause.before(m.start()), clause_after=clause.after(m.end())))
    return out


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in TOKEN.findall(text.lower()) if t not in FILLERS)


class _Clause:
    """A statement's tokens, read once: those before and after a point are the tokens the text before and
    after it would give, unless a token straddles the point (then that side is read again)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.read = False
        self.starts: list[int] | None = None  # where each token starts and ends; None when lower-casing moved offsets
        self.ends: list[int] = []
        self.kept_starts: list[int] = []  # the starts and tokens of those that are not FILLERS
        self.kept: list[str] = []

    def _read(self) -> None:
        """The tokens of the lower-cased text, split out with the gaps between them: token i is part 2i + 1, and the
        lengths of the parts before it add up to its start."""
        self.read = True
        lower = self.text.lower()
        if len(lower) != len(self.text):
            return
        parts = TOKEN_SPLIT.split(lower)
        at = list(accumulate(map(len, parts)))
        self.starts, self.ends = at[0:-1:2], at[1::2]
        kept = [(s, t) for s, t in zip(self.starts, parts[1::2]) if t not in FILLERS]
        self.kept_starts, self.kept = [s for s, _ in kept], [t for _, t in kept]

    def _straddles(self, at: int) -> bool:
        if not self.read:
            self._read()
        if self.starts is None:
            return True
        # the last token starting before the point: the only one that may reach past it
        i = bisect_left(self.starts, at) - 1
        return i >= 0 and self.ends[i] > at

    def before(self, at: int) -> tuple[str, ...]:
        if self._straddles(at):
            return _tokens(self.text[:at])
        return tuple(self.kept[:bisect_left(self.kept_starts, at)])  # no token straddles: those starting before end before

    def after(self, at: int) -> tuple[str, ...]:
        if self._straddles(at):
            return _tokens(self.text[at:])
        return tuple(self.kept[bisect_left(self.kept_starts, at):])
