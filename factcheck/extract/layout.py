"""Lines first: a story's blocks (headline, bullets, sub-heads, captions, boilerplate, body) and datelines.

Page furniture is boilerplate: whole paragraphs (bylines, credits, help lines, notes, prompts), and on pages
stripped of their newlines the stamps and share counters before the story and the link lists after it.
The words are data (rules/lexicon/layout.toml); the shapes are here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.dates import STAMP_LABEL, stamp_at
from factcheck.lexicon import Lexicon, default_lexicon

BULLET = re.compile(r"^[ \t]*(?:[\u2022\u25cf\u25aa*\u2013\u2014-]|\d{1,2}[.)])[ \t]+")
CAPTION = re.compile(r"^\s*(?:above|below|pictured|left|right|top|file photo|in this photo)\b.*|.*\([^()]*/[^()]*\)\s*$", re.I)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.\- ]{2,40}(?:,\s*[A-Z][\w.\- ]{1,30}?)?)(?:,\s*(?P<md>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    r"\s*(?:\((?:[A-Z][\w ]{1,20})\)\s*)?(?:[:\u2014\u2013]|\s-{1,2})\s+")


SENTENCE_END = frozenset(".!?:\"'\u201d")
NAME = r"[A-Z][\w.'\u2019-]*(?:[ \t]+(?:[A-Z][\w.'\u2019-]*|de|van|von|al|bin|da|del|la|le))*"
WHOLE_OPENER = 1200  # an opener paragraph longer than this is a page stripped of its newlines: cut one sentence
SENTENCE_STOP = re.compile(r"[.!?][\"'\u201d\u2019]?\s+(?=[\"\u201c]?[A-Z])")
COUNT = re.compile(r"[ \t]*\d[\d,.]*[kKmM]?(?![\w.,])")
NEXT_WORD = re.compile(r"[ \t]*(\S)")


@dataclass(frozen=True)
class Furniture:
    """Patterns for page furniture, built from rules/lexicon/layout.toml."""

    line: re.Pattern[str]  # the whole paragraph
    opener: re.Pattern[str]  # furniture from here to the paragraph's end
    closer: re.Pattern[str]  # "... contributed to this report."
    follow: re.Pattern[str]  # "Follow Jane Doe on Twitter @janedoe."
    byline: re.Pattern[str]  # "By Jane Doe, Staff Writer"
    byline_lead: re.Pattern[str]  # the same before the story in a paragraph stripped of its newlines
    credit: re.Pattern[str]  # "Getty.", "Jane Doe/Reuters"
    counter: re.Pattern[str]  # "Get short URL" before a share count
    topic: re.Pattern[str]  # "Topic Missile Strikes (200)"
    tail: re.Pattern[str]  # "... said. 01 Related Headline One Headline Two": link lists after the story (group 1, after the mark)


def _alts(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=4)
def furniture(lex: Lexicon | None = None) -> Furniture:
    """Patterns from the lexicon's [furniture] words (layout.toml; the default rules without a lexicon)."""
    w = (lex or default_lexicon()).furniture
    by, titles, credits = _alts(w["byline"]), _alts(w["titles"]), _alts(w["credits"])
    names = rf"{NAME}(?:[ \t]*(?:,|and|&)[ \t]*{NAME})*"
    credit = rf"(?i:{credits})"
    return Furniture(
        line=re.compile(rf"[\W_]*(?:{_alts(w['lines'])})[\W_]*", re.I),
        opener=re.compile(rf"[^\w\"'\u201c\u2018]{{0,3}}(?:{_alts(w['openers'])})(?!\w)", re.I),
        closer=re.compile(rf".{{0,60}}\b(?:{_alts(w['closers'])})\W*", re.I),
        follow=re.compile(rf"follow\b.{{0,200}}?(?:{_alts(w['social'])})", re.I),
        byline=re.compile(rf"(?i:{by})[ \t]+{names}(?:[ \t]*[,|\u2013\u2014-][ \t]*(?:(?i:{titles})[ \t]*)?{NAME}?)?[ \t]*\.?"
                          rf"|{names}[ \t]*[,|\u2013\u2014-][ \t]*(?i:{titles})(?:[ \t]+{NAME})?[ \t]*\.?"),
        byline_lead=re.compile(rf"(?i:{by})[ \t]+{names}[ \t]*[,|\u2013\u2014-]?[ \t]*(?i:{titles})(?![\w])[ \t]*[,.]?"),
        credit=re.compile(rf"[\s(]*(?:(?:{NAME}|{credit})[ \t]*/[ \t]*)?{credit}(?:[ \t]*(?:/|,|via)[ \t]*(?:{credit}|{NAME}))*[\s.)]*"),
        counter=re.compile(rf"(?:{_alts(w['counters'])})(?!\w)[ \t]*:?", re.I),
        topic=re.compile(rf"(?:{_alts(w['topics'])})\b[ \t]*:?[ \t]+(?-i:[A-Z])[^()\n.]{{0,100}}?\(\d+\)", re.I),
        # the mark before the list read as its first character: the pattern is tried at these marks only
        tail=re.compile(rf"[.!?\u201d\"]([ \t]+(?:\.\.\.[ \t]*)?(?:\d{{1,3}}[ \t]+)?(?:{_alts(w['tails'])})\b[ \t]*:?[ \t]+(?=[A-Z]))",
                        re.I),
    )


def furniture_paragraph(paragraph: str, marks: Furniture | None = None) -> bool:
    """Whether a whole paragraph is page furniture: a prompt, a byline, a credit, a stamp, a note."""
    p = paragraph.strip()
    f = marks or furniture()
    if not p:
        return False
    if f.line.fullmatch(p) or f.credit.fullmatch(p):
        return True
    if len(p) <= 160 and (f.byline.fullmatch(p) or f.closer.fullmatch(p)):
        return True
    if len(p) <= 300 and f.follow.match(p):
        return True
    if len(p) <= WHOLE_OPENER and f.opener.match(p):
        return True
    label = STAMP_LABEL.match(p)
    if not label:
        return False
    end, day = stamp_at(p)
    if day is not None:
        return not p[end:].strip()  # "Date of publication 11 October 2016 Intense bombing ..." goes on
    rest = p[label.end():]
    # "Updated 2 sec ago", "Last updated: yesterday"; not "Published reports say ..."
    return len(rest) <= 60 and (not rest or rest[:1].isdigit() or ":" in label.group(0)) and not SENTENCE_STOP.search(p)


def furniture_lead(paragraph: str, marks: Furniture | None = None) -> int:
    """Length of page furniture at the start of a paragraph before the story goes on in the same
    paragraph (pages stripped of their newlines): stamps, share counters, a byline, a long note's
    first sentence. 0 when the paragraph starts with the story."""
    f = marks or furniture()
    first = i = len(paragraph) - len(paragraph.lstrip())
    while i < len(paragraph):
        end, day = stamp_at(paragraph, i)
        if day is None:
            end = _counter_end(paragraph, i, f)
        if end == i:
            lead = f.byline_lead.match(paragraph, i)
            end = lead.end() if lead else i
        if end == i and f.opener.match(paragraph, i) and len(paragraph) - i > WHOLE_OPENER:
            stop = SENTENCE_STOP.search(paragraph, i)
            end = stop.end() if stop else i
        if end == i:
            break
        i = end + len(paragraph[end:]) - len(paragraph[end:].lstrip())
    if i == first:
        return 0
    return i if paragraph[i:].strip() else len(paragraph)


def furniture_tail(paragraph: str, marks: Furniture | None = None) -> int:
    """Where a list of links closing the paragraph begins ('... said. 01 Related Headline One Tags X'),
    the paragraph's length when there is none: the list has no sentence in it."""
    f = marks or furniture()
    for m in f.tail.finditer(paragraph):
        if not SENTENCE_STOP.search(paragraph, m.end()) and not paragraph.rstrip().endswith((".", "!", "?")):
            return m.start(1)
    return len(paragraph)


def _counter_end(paragraph: str, i: int, f: Furniture) -> int:
    """'Get short URL 0 87 Kurdish-led ...', 'Topic Missile Strikes (200) 38 A strike ...': a counter label
    or a topic and the counts after it (a label needs a count or a topic after it); a count followed by
    a word in lower case begins the story ('Get short URL 12 35 people ...' keeps 35)."""
    m = f.counter.match(paragraph, i) or f.topic.match(paragraph, i)
    if not m:
        return i
    end = m.end()
    while True:
        count = COUNT.match(paragraph, end)
        nxt = NEXT_WORD.match(paragraph, count.end()) if count else None
        if not count or (nxt and nxt.group(1).islower()):
            break
        end = count.end()
    if end == m.end() and m.re is f.counter:
        rest = end + len(paragraph[end:]) - len(paragraph[end:].lstrip())
        return end if f.topic.match(paragraph, rest) else i
    return end


@dataclass(frozen=True)
class Block:
    """A paragraph of the story with its role; offsets are relative to the document text."""

    start: int
    end: int
    role: str  # headline | bullet | subhead | caption | boilerplate | body


def blocks(text: str, lex: Lexicon | None = None) -> list[Block]:
    """Paragraphs: blank-line separated, and split per line where lines are clearly separate items;
    page furniture (whole paragraphs, or stamps and counters before the story) is boilerplate."""
    out: list[Block] = []
    headline: str | None = None
    marks = furniture(lex)
    for start, end in _paragraphs(text, marks):
        raw = text[start:end]
        stripped = raw.strip()
        whole = furniture_paragraph(stripped, marks)
        lead = 0 if whole else furniture_lead(raw, marks)
        if lead:
            cut = start + len(raw[:lead].rstrip())
            out.append(Block(start, cut, "boilerplate"))
            if lead >= len(raw):
                continue
            start, raw = start + lead, raw[lead:]
            stripped = raw.strip()
            whole = furniture_paragraph(stripped, marks)
        tail = len(raw) if whole else furniture_tail(raw, marks)
        if tail < len(raw):
            out_tail = Block(start + tail + len(raw[tail:]) - len(raw[tail:].lstrip()), end, "boilerplate")
            end, raw = start + tail, raw[:tail]
            stripped = raw.strip()
        else:
            out_tail = None
        body_start = start
        role = "body"
        if whole:
            role = "boilerplate"
        elif BULLET.match(raw):
            role = "bullet"
            body_start = start + BULLET.match(raw).end()
        elif headline is None and _headline_like(stripped) and not out_has_body(out):
            role, headline = "headline", stripped
        elif headline is not None and stripped == headline:
            role = "headline"
        elif _subhead(stripped):
            role = "subhead"
        elif CAPTION.match(stripped) and not out_has_body(out):
            role = "caption"
        if role in ("body", "caption"):
            body_start = start + dateline_length(raw)
        out.append(Block(body_start, end, role))
        if out_tail:
            out.append(out_tail)
    return out


def out_has_body(out: list[Block]) -> bool:
    return any(b.role == "body" for b in out)


def dateline_length(paragraph: str) -> int:
    """Length of a leading dateline ('KYIV, May 25 - ', 'WASHINGTON: '), 0 when there is none."""
    m = DATELINE.match(paragraph)
    if not m:
        return 0
    place = m["place"].split(",")[0]
    letters = [c for c in place if c.isalpha()]
    if len(letters) < 3 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return 0
    return m.end()


def _headline_like(line: str) -> bool:
    return 0 < len(line) <= 200 and not line.endswith((".", "!", "?", ":")) or (line.startswith("#") and len(line) < 200)


def _subhead(line: str) -> bool:
    if len(line) > 200 or len(line.split()) > 8:
        return False
    letters = [c for c in line if c.isalpha()]
    return 2 <= len(letters) <= 80 and all(c.isupper() for c in letters)


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of non-blank lines, trailing blanks trimmed (a plain scan: no regex over long runs of spaces)."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        if stripped.strip():
            spans.append((pos, pos + len(stripped)))
        pos += len(line) + 1
    return spans


def _paragraphs(text: str, marks: Furniture) -> list[tuple[int, int]]:
    """Lines grouped into paragraphs: a blank line ends one, and so does a line that reads as complete
    (ends a sentence, is a bullet, boilerplate, a sub-head, or is short)."""
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    previous_end = -2
    for s, e in _lines(text):
        line = text[s:e]
        blank_before = text.count("\n", previous_end, s) >= 2
        starts_new = (current is None or blank_before or BULLET.match(line) or furniture_paragraph(line, marks)
                      or text[current[1] - 1] in SENTENCE_END or (current[1] - current[0] < 60 and not line[:1].islower())
                      or (current[1] - current[0] <= 400 and _subhead(text[current[0]:current[1]].strip())))
        if starts_new:
            if current:
                spans.append(current)
            current = (s, e)
        else:
            current = (current[0], e)
        previous_end = e
    if current:
        spans.append(current)
    return spans
