"""Sentences with syntok (per paragraph, offsets only) and quotes found before splitting."""
from __future__ import annotations

import re
import string

from factcheck.extract.syntok_replay import split as syntok_split

CLOSE_QUOTES = "\u201d\u00bb"
# a mark, or two apostrophes ('' for a double mark): one set opens the pattern, so a search skips to its characters
QUOTE_MARKS = re.compile(r"[\u201c\u201d\u201e\u00ab\u00bb\"'](?:(?<=')'|(?<!'))")
SIGNED = re.compile(r"[\u2015\u2014\u2013]\s*[A-Z][^\s.!?]*(?:\s+[A-Z][^\s!?]*){0,4}\s*\.?\s*$")  # "... .\u201d \u2015 Ana Ruiz"
# a signed quotation followed by the next one in the same paragraph: '...\u201d \u2015 Ana Ruiz \u201cWe ...'
SIGNED_INSIDE = re.compile(r"[\u201d\"][ \t\u00a0]*[\u2015\u2014\u2013][ \t\u00a0]*[A-Z][\w.'\u2019-]*(?:[ \t\u00a0][A-Z][\w.'\u2019-]*){0,4}"
                           r"\.?(?=[\s\u00a0]*[\u201c\u201d\"])")
SIGNED_LEAD = re.compile(r"[\u2015\u2014\u2013][ \t\u00a0]*[A-Z][\w.'\u2019-]*(?:[ \t\u00a0][A-Z][\w.'\u2019-]*){0,4}"
                         r"(?=[\s\u00a0]*[\u201c\u201d\"])")
# syntok ends a sentence after these; in news they open a name ('Rep. Gwen Moore said')
TITLE_END = re.compile(r"(?:^|[\s(\u201c\"])(?:Rep|Reps|Sen|Sens|Del|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Cmdr|Mr|Mrs|Ms|Dr|Prof|"
                       r"Rev|Hon|Amb|Atty|Supt|St|Pres|Gens|Messrs|[A-Z])\.$")


ASKED_AFTER = re.compile(r"[?!][\u201d\"]\s*$")
SPEAKER_TAG = re.compile(r"(?:[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}|[Hh]e|[Ss]he|[Tt]hey)\s+"
                         r"(?:said|asked|added|wondered|shouted|replied|responded|continued|wrote|says|asks)"
                         r"(?:\s+[\w.'\u2019-]+){0,4}\.?|(?:said|asked|added)\s+[\w.'\u2019 -]{2,60}\.?")
# (the word's letters taken possessively: none of them is a mark, so a shorter run cannot be followed by one)
CLEAR_BOUNDARY = re.compile(r"(?<![\w.'\u2019-])(?:[a-z][a-z'\u2019-]{2,}+|[A-Z][a-z]{5,}+)[.!?][\"\u201d\u2019]?"
                            r"(?=[ \t]+(?:[\"\u201c\u2018]?[A-Z][a-z]|\d[\d,]*[ \t]+[a-z])|[\"\u201c]?[A-Z][a-z]{2,})")
# ("... said. 114 others were hurt"; a page that lost its spaces: "... on Saturday.Charleston police said")
SENTENCE_MARK = re.compile(r"[.!?]")
LOWER = frozenset(string.ascii_lowercase)
LOWER_RUN = LOWER | {"'", "\u2019", "-"}  # what CLEAR_BOUNDARY's lower-case word is made of
# (one set first, so a search skips to its characters: a dash or brace alone, a mark before white space or a capital)
MAYBE_BOUNDARY = re.compile(r"[.!?\u2026\u2014\u2013:;{}](?:(?<=[\u2014\u2013{}])|[\"'\u201d\u2019)\]]*(?:\s+\S|[A-Z]))")


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end], as offsets into text; the text is never rewritten.

    A paragraph is first cut at unmistakable boundaries (a full stop after a lower-case word of three letters
    or more, then a capitalised word); a piece with no possible boundary left is one sentence, and the others
    are split as syntok splits them (syntok_replay: syntok itself only around brackets).
    """
    spans: list[tuple[int, int]] = []
    pos = start
    for cut in _clear_boundaries(text, start, end):
        spans += _syntok_spans(text, pos, cut)
        pos = cut
    spans += _syntok_spans(text, pos, end)
    return spans


def _clear_boundaries(text: str, start: int, end: int) -> list[int]:
    """Where CLEAR_BOUNDARY's matches in text[start:end] end (its finditer), tried at the marks only: its word runs
    to the mark, so it can start where the lower-case run before the mark starts, or at the capital before the
    run of lower-case letters, and nowhere else (a match holds one mark, so they never overlap)."""
    cuts = []
    for mark in SENTENCE_MARK.finditer(text, start, end):
        j = mark.start()
        while j > start and text[j - 1] in LOWER:
            j -= 1
        i = j
        while i > start and text[i - 1] in LOWER_RUN:
            i -= 1
        for at in sorted({i, j - 1}):
            m = CLEAR_BOUNDARY.match(text, at, end) if at >= start else None
            if m:
                cuts.append(m.end())
                break
    return cuts


def _syntok_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end]
    if not MAYBE_BOUNDARY.search(chunk):
        stripped = chunk.strip()
        if not stripped:
            return []
        first = start + len(chunk) - len(chunk.lstrip())
        return [(first, first + len(stripped))]
    spans: list[tuple[int, int]] = []
    for s, e in syntok_split(chunk):
        if spans and TITLE_END.search(text[spans[-1][0]:spans[-1][1]]):
            spans[-1] = (spans[-1][0], start + e)
        else:
            spans.append((start + s, start + e))
    return spans


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted spans (marks included) in one paragraph. Curly, straight, doubled-apostrophe and mismatched
    marks pair up in order (a mark opens where it stands before a word, whatever its shape); an unclosed
    quote runs to the paragraph's end (news style: the quote goes on). A quotation whose closing mark was
    lost is dropped where a mark that can only open follows it ('"It was calm, he said. "But today ...'),
    so one missing mark does not turn the rest of the paragraph inside out."""
    marks = [(m.start(), m.end()) for m in QUOTE_MARKS.finditer(text, start, end)]
    spans, i = [], 0
    while i < len(marks):
        a, a_end = marks[i]
        if not opens_quote(text, a, a_end, start, end):
            i += 1  # a stray closing mark cannot open a quote
            continue
        if i + 1 < len(marks) and only_opens(text, *marks[i + 1], start, end):
            i += 1  # this quotation lost its closing mark: the next one starts afresh
            continue
        if i + 1 < len(marks):
            spans.append((a, marks[i + 1][1]))
            i += 2
        else:
            if end - a > 20:
                spans.append((a, end))
            i += 1
    return spans


def opens_quote(text: str, a: int, a_end: int, start: int, end: int) -> bool:
    """Can the mark at a open a quotation? Opening shapes can; a closing shape only where it stands
    before a word with a space or the paragraph start before it (a mismatched mark)."""
    if text[a] not in CLOSE_QUOTES:
        return True
    before = text[a - 1] if a > start else " "
    after = text[a_end] if a_end < end else " "
    return before.isspace() and (after.isalnum() or after in "\u2018'")


def only_opens(text: str, a: int, a_end: int, start: int, end: int) -> bool:
    """A mark that cannot close a quotation: a space before it and a capitalised word right after it."""
    before = text[a - 1] if a > start else " "
    after = text[a_end] if a_end < end else " "
    return text[a] not in CLOSE_QUOTES and before.isspace() and after.isupper()


def units(text: str, start: int, end: int, quotes: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentences of a paragraph, merged where one quotation runs across them. quotes: the paragraph's quote_spans,
    when found already."""
    sents = []
    for s, e in sentence_spans(text, start, end):
        lead = SIGNED_LEAD.match(text, s, e)
        if lead:
            sents.append((s, lead.end()))
            s = lead.end() + len(text[lead.end():e]) - len(text[lead.end():e].lstrip())
        sents.append((s, e))
    quotes = quote_spans(text, start, end) if quotes is None else quotes
    merged: list[tuple[int, int]] = []
    for s, e in sents:
        signature = SIGNED.match(text, s, e) is not None
        # '"Why now?" Graham asked.': the speaker after a quotation ending in ? or ! belongs with it
        tag = merged and ASKED_AFTER.search(text, merged[-1][0], merged[-1][1]) and SPEAKER_TAG.fullmatch(text, s, e)
        if merged and (signature or tag or any(qs < merged[-1][1] and qe > s and qs < s for qs, qe in quotes)):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    out: list[tuple[int, int]] = []
    for s, e in merged:
        for m in SIGNED_INSIDE.finditer(text, s, e):
            if m.end() < e:
                out.append((s, m.end()))
                s = m.end() + len(text[m.end():e]) - len(text[m.end():e].lstrip())
        out.append((s, e))
    return out
