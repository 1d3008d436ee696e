"""Plain text and Markdown: optional front matter, publication stamps, several stories per page."""
from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from factcheck.dates import dateline_day, parse_stamp, stamp_at
from factcheck.errors import InputError
from factcheck.model import Document

if TYPE_CHECKING:
    from factcheck.read import Meta

STAMP = re.compile(r"^[ \t]*(?:last\s+)?(?:updated|published|posted|first published)\b[^\n]{0,60}$", re.I | re.M)
BOILERPLATE = re.compile(r"^\s*(short url|follow|share|advertisement|read more|click here.*|subscribe.*)\s*$", re.I)
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
OPENER_WITH_KEY = re.compile(r"\A---[ \t]*\r?\n[ \t]*[A-Za-z_-]+[ \t]*:")
FIELDS = ("title", "outlet", "url", "published")
YEAR_ASSUMED = "dateline, year assumed"  # a draft's 'KYIV, May 24 -' dated by the stored stories or today


def read(content: str, path: str, meta: "Meta") -> list[Document]:
    """Split a page into stories and give each its metadata (command line > front matter > the text)."""
    fields, body_start = front_matter(content, path)
    stories = split_stories(content, body_start)
    docs = []
    for start, end in stories:
        story = content[start:end]
        stamp = first_stamp(story)
        published, origin = meta.published, "metadata"
        if not published and fields.get("published"):
            published = fields["published"]
        elif not published and stamp:
            published, origin = stamp, "dateline"
        if not published and meta.today:
            day = dateline_day(story, date.fromisoformat(meta.today), meta.known_days)
            if day:
                published, origin = day.isoformat(), YEAR_ASSUMED
        if not published:
            origin = "unknown"
        title = meta.title or (fields.get("title") if len(stories) == 1 else None) or headline(story)
        docs.append(Document(text=story, title=title, outlet=meta.outlet or fields.get("outlet"),
                             url=meta.url or fields.get("url"), published=published, published_from=origin,
                             path=path, offset=start))
    return docs


def front_matter(content: str, path: str) -> tuple[dict[str, str], int]:
    """Fields of a leading `---` block (title, outlet, url, published; `date` means published) and where the body starts."""
    m = FRONT_MATTER.match(content)
    if not m:
        if OPENER_WITH_KEY.match(content):
            raise InputError(f"{path}: front matter opened with '---' on line 1 is never closed")
        return {}, 0
    fields = {}
    for line in m[1].splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise InputError(f"{path}: malformed front matter line {line.strip()!r} (expected key: value)")
        key = key.strip().lower()
        key = "published" if key == "date" else key
        if key in FIELDS:
            fields[key] = value.strip().strip("'\"")
    if "published" in fields:
        day = published_day(fields["published"])
        if day is None:
            raise InputError(f"{path}: front matter published {fields['published']!r} is not a date (use YYYY-MM-DD)")
        fields["published"] = day
    return fields, m.end()


def published_day(value: str) -> str | None:
    """An ISO day from a metadata value: '2025-05-23', '2025-05-23T10:00:00Z', '23 May 2025'."""
    value = value.strip()
    iso = re.match(r"(\d{4}-\d\d-\d\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$", value)
    d = parse_stamp(iso[1] if iso else value)
    return d.isoformat() if d else None


LEAD_LINES = 3  # a stamp before the story's text sits on one of its first lines


def first_stamp(story: str) -> str | None:
    """The publication day: a stamp line ('Updated 23 May 2025'), or a stamp that opens one of the first
    lines of a page stripped of its newlines ('Date of publication 11 October 2016 The ...')."""
    for m in STAMP.finditer(story[:2000]):
        d = parse_stamp(m.group(0))
        if d:
            return d.isoformat()
    for line in [line for line in story[:2000].splitlines() if line.strip()][:LEAD_LINES]:
        _, day = stamp_at(line.lstrip())
        if day:
            return day.isoformat()
    return None


def headline(story: str) -> str | None:
    for line in story.splitlines():
        line = line.strip().lstrip("#").strip()
        if line and not BOILERPLATE.match(line):
            return line[:200]
    return None


def split_stories(content: str, start: int) -> list[tuple[int, int]]:
    """Story spans: a new story begins at the headline above each publication stamp after the first."""
    stamps = [m.start() for m in STAMP.finditer(content, start)]
    if len(stamps) < 2:
        return [(start, len(content))]
    bounds = [start]
    for pos in stamps[1:]:
        head = story_head(content, pos, bounds[-1])
        if head is not None and head > bounds[-1]:
            bounds.append(head)
    bounds.append(len(content))
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if content[a:b].strip()]


def story_head(content: str, stamp_pos: int, floor: int) -> int | None:
    """Walk back from a stamp over boilerplate to the headline line; None when there is none."""
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\r\n]*", content[floor:stamp_pos])]
    candidates = [(floor + s, line) for s, line in lines if line.strip() and not BOILERPLATE.match(line)]
    if not candidates:
        return None
    pos, line = candidates[-1]
    if line.rstrip().endswith((".", "\u201d", '"')) and len(line) > 120:
        return None
    return pos
