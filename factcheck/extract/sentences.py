"""Sentences with syntok (per paragraph, offsets only) and quotes found before splitting."""
from __future__ import annotations

import re

from syntok import segmenter
from syntok.tokenizer import Tokenizer

_TOKENIZER = Tokenizer(replace_not_contraction=False)
OPEN_QUOTES = "\u201c\u201e\u00ab"
CLOSE_QUOTES = "\u201d\u00bb"
QUOTE_MARKS = re.compile(r"[\u201c\u201d\u201e\u00ab\u00bb\"]|''")
# syntok ends a sentence after these; in news they open a name ('Rep. Gwen Moore said')
TITLE_END = re.compile(r"(?:^|[\s(\u201c\"])(?:Rep|Reps|Sen|Sens|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Cmdr|Mr|Mrs|Ms|Dr|Prof|"
                       r"Rev|Hon|Amb|Atty|Supt|St|Pres|Gens|Messrs|[A-Z])\.$")


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end], as offsets into text; the text is never rewritten."""
    chunk = text[start:end]
    spans = []
    for sentence in segmenter.split(_TOKENIZER.tokenize(chunk)):
        if not sentence:
            continue
        s = sentence[0].offset
        last = sentence[-1]
        e = last.offset + len(last.value)
        if spans and TITLE_END.search(text[spans[-1][0]:spans[-1][1]]):
            spans[-1] = (spans[-1][0], start + e)
        else:
            spans.append((start + s, start + e))
    return spans


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted spans (marks included) in one paragraph. Curly, straight, doubled-apostrophe and mismatched
    marks pair up in order; an unclosed quote runs to the paragraph's end (news style: the quote goes on)."""
    marks = [(m.start(), m.end()) for m in QUOTE_MARKS.finditer(text, start, end)]
    spans, i = [], 0
    while i < len(marks):
        a, a_end = marks[i]
        if text[a] in CLOSE_QUOTES and i + 1 < len(marks) and text[marks[i + 1][0]] not in CLOSE_QUOTES:
            i += 1  # a stray closing mark cannot open a quote
            continue
        if i + 1 < len(marks):
            spans.append((a, marks[i + 1][1]))
            i += 2
        else:
            if end - a > 20:
                spans.append((a, end))
            i += 1
    return spans


def units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of a paragraph, merged where one quotation runs across them."""
    sents = sentence_spans(text, start, end)
    quotes = quote_spans(text, start, end)
    merged: list[tuple[int, int]] = []
    for s, e in sents:
        if merged and any(qs < merged[-1][1] and qe > s and qs < s for qs, qe in quotes):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged
