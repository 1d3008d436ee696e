"""Lines first: a story's blocks (headline, bullets, sub-heads, captions, boilerplate, body) and datelines."""
from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = re.compile(r"^[ \t]*(?:[\u2022\u25cf\u25aa*\u2013\u2014-]|\d{1,2}[.)])[ \t]+")
BOILERPLATE = re.compile(
    r"^\s*(?:short url|follow|share(?: this)?|advertisement|read more|read the rest here\.?|click here.*|subscribe.*|"
    r"sign up.*|related:?.*|(?:last\s+)?(?:updated|published|posted|first published)\b.{0,60}|"
    r"\(?(?:photo|image|picture|video)(?: by| credit)?:.*|copyright.*|all rights reserved.*|.{0,40}\bcontributed to this report\.?)\s*$",
    re.I)
CAPTION = re.compile(r"^\s*(?:above|below|pictured|left|right|top|file photo|in this photo)\b.*|.*\([^()]*/[^()]*\)\s*$", re.I)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.\- ]{2,40}(?:,\s*[A-Z][\w.\- ]{1,30}?)?)(?:,\s*(?P<md>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    r"\s*(?:\((?:[A-Z][\w ]{1,20})\)\s*)?(?:[:\u2014\u2013]|\s-{1,2})\s+")


SENTENCE_END = frozenset(".!?:\"'\u201d")


@dataclass(frozen=True)
class Block:
    """A paragraph of the story with its role; offsets are relative to the document text."""

    start: int
    end: int
    role: str  # headline | bullet | subhead | caption | boilerplate | body


def blocks(text: str) -> list[Block]:
    """Paragraphs: blank-line separated, and split per line where lines are clearly separate items."""
    out: list[Block] = []
    headline: str | None = None
    for start, end in _paragraphs(text):
        raw = text[start:end]
        body_start = start
        role = "body"
        stripped = raw.strip()
        if BOILERPLATE.match(stripped):
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
    if len(line) > 200:
        return False
    letters = [c for c in line if c.isalpha()]
    return 2 <= len(letters) <= 80 and all(c.isupper() for c in letters) and len(line.split()) <= 8


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


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Lines grouped into paragraphs: a blank line ends one, and so does a line that reads as complete
    (ends a sentence, is a bullet, boilerplate, a sub-head, or is short)."""
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    previous_end = -2
    for s, e in _lines(text):
        line = text[s:e]
        blank_before = text.count("\n", previous_end, s) >= 2
        starts_new = (current is None or blank_before or BULLET.match(line) or BOILERPLATE.match(line.strip())
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
