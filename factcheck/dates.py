"""Dates by hand with datetime: absolute dates, months, years, weekdays resolved by tense, ranges."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTHS |= {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
           "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MON}\s+(?P<year>(?:19|20)\d\d)\b")
MONTH_DAY_YEAR = re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<year>(?:19|20)\d\d)\b")
MONTH_DAY = re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)")
MONTH_YEAR = re.compile(rf"\b{_MON}\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b")
YEAR = re.compile(r"(?<![\d,.$])\b(?:in|since|from|of|until|by|before|after)\s+(?P<year>(?:19|20)\d\d)\b(?![\d,])")
WEEKDAY = re.compile(r"\b(?:on\s+|last\s+|this\s+|next\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
RELATIVE = re.compile(r"\b(?P<rel>today|yesterday|tomorrow|last week|earlier this week|this week|next week|last month)\b", re.I)
# A future cue takes its verb group along, so the participle in "will be freed" does not read as past.
FUTURE_CUES = re.compile(r"(?:\b(?:will|would|shall|due(?: to)?|set to|to be|expected to|plans? to|going to|next|scheduled|"
                         r"coming|upcoming)\b|['\u2019]ll\b)(?:\s+(?:not|be|have|been|also|then|soon))*(?:\s+\w+ed\b)?", re.I)
PAST_CUES = re.compile(r"\b(?:was|were|had|did|said|told|wrote|took|began|met|came|went|gave|held|\w+ed)\b", re.I)
# A weekday's tense is read in its own clause: "freed 390 on Friday and will free more on Sunday".
CLAUSE_BREAK = re.compile(r"[,;:()\u2014]|\s(?:and|but|while|whereas)\s", re.I)
ISO_DAY = re.compile(r"(?<![\d-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d-])")
DIGIT = re.compile(r"\d")
SINCE = re.compile(r"\bsince\s+$", re.I)
OPEN_END = date.max
SANE = (date(2, 1, 1), date(9998, 12, 31))


@dataclass(frozen=True)
class DateMention:
    """A date found in text: a day, or a range (a month, a year, 'last week')."""

    text: str
    start: int
    end: int
    first: date
    last: date
    kind: str  # day | month | year | range

    @property
    def iso(self) -> str:
        if self.kind == "day":
            return self.first.isoformat()
        if self.kind == "month":
            return self.first.isoformat()[:7]
        if self.kind == "year":
            return str(self.first.year)
        return f"{self.first.isoformat()}/{'..' if self.last == OPEN_END else self.last.isoformat()}"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def parse_iso(text: str | None) -> date | None:
    """'2025-05-23' -> date; anything else -> None."""
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    return _safe_date(int(m[1]), int(m[2]), int(m[3])) if m else None


def parse_stamp(line: str) -> date | None:
    """A publication stamp or any absolute day in one line ('Updated 23 May 2025'); relative stamps give None."""
    for rx in (DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        m = rx.search(line)
        if m:
            return _safe_date(int(m["year"]), MONTHS[m["mon"].lower().rstrip(".")], int(m["day"]))
    m = ISO_DAY.search(line)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    return None


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date mention in one sentence, resolved against the publication date where needed."""
    if published and not SANE[0] <= published <= SANE[1]:
        published = None  # relative dates a year away from date.min/max would overflow
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], first: date | None, last: date | None, kind: str, group: int | str = 0) -> None:
        s, e = m.span(group)
        if first is None or last is None or any(s < b and a < e for a, b in taken):
            return
        taken.append((s, e))
        found.append(DateMention(text[s:e], s, e, first, last, kind))

    if DIGIT.search(text):  # every absolute form has a digit; most sentences have none
        _absolute(text, published, add)
    if published:
        for m in WEEKDAY.finditer(text):
            d = resolve_weekday(m["wd"], published, future_tense(text, m.start(), m.end()), m.group(0).lower())
            add(m, d, d, "day")
        for m in RELATIVE.finditer(text):
            first, last = resolve_relative(m["rel"].lower(), published)
            add(m, first, last, "day" if first == last else "range")
    found = [_since(text, d, published) for d in found]
    found.sort(key=lambda d: d.start)
    return found


def _absolute(text: str, published: date | None, add: Callable[..., None]) -> None:
    """Days, months and years written out; a day without a year takes the publication year."""
    for m in DAY_MONTH_YEAR.finditer(text):
        d = _safe_date(int(m["year"]), MONTHS[m["mon"].lower().rstrip(".")], int(m["day"]))
        add(m, d, d, "day")
    for m in MONTH_DAY_YEAR.finditer(text):
        d = _safe_date(int(m["year"]), MONTHS[m["mon"].lower().rstrip(".")], int(m["day"]))
        add(m, d, d, "day")
    for m in MONTH_YEAR.finditer(text):
        y, mo = int(m["year"]), MONTHS[m["mon"].lower().rstrip(".")]
        add(m, date(y, mo, 1), month_end(y, mo), "month")
    if published:
        for m in MONTH_DAY.finditer(text):
            d = _safe_date(published.year, MONTHS[m["mon"].lower().rstrip(".")], int(m["day"]))
            if d and d > published + timedelta(days=60):
                d = _safe_date(published.year - 1, d.month, d.day)
            add(m, d, d, "day")
    for m in YEAR.finditer(text):
        y = int(m["year"])
        add(m, date(y, 1, 1), date(y, 12, 31), "year", "year")


def _since(text: str, d: DateMention, published: date | None) -> DateMention:
    """'since June 2024' is a range from the mention's first day to the publication date (open without one)."""
    m = SINCE.search(text, max(0, d.start - 12), d.start)
    if not m:
        return d
    last = published if published and published >= d.first else OPEN_END
    return DateMention(text[m.start():d.end], m.start(), d.end, d.first, last, "range")


def future_tense(text: str, start: int, end: int) -> bool:
    """Whether the clause around text[start:end] points forward: the tense cue nearest the mention decides
    ('said on Friday that more will come' is past; 'more will be freed on Friday' is future)."""
    left = 0
    for m in CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    brk = CLAUSE_BREAK.search(text, end)
    right = brk.start() if brk else len(text)
    best: tuple[int, bool] | None = None
    futures = [(m.start(), m.end()) for m in FUTURE_CUES.finditer(text, left, right)]
    for cues, is_future in ((futures, True), ([(m.start(), m.end()) for m in PAST_CUES.finditer(text, left, right)
                                              if not any(a <= m.start() < b for a, b in futures)], False)):
        for s, e in cues:
            distance = start - e if e <= start else s - end
            if best is None or distance < best[0]:
                best = (distance, is_future)
    return bool(best and best[1])


def resolve_weekday(name: str, published: date, future: bool, phrase: str = "") -> date:
    """The weekday nearest the publication date in the direction the tense points.

    Past tense: on or before the publication date; 'will' / 'due to': on or after it.
    """
    target = WEEKDAYS[name.lower()]
    if phrase.startswith("last"):
        future = False
    if phrase.startswith("next"):
        future = True
    delta = (target - published.weekday()) % 7
    if future:
        return published + timedelta(days=delta)
    return published - timedelta(days=(published.weekday() - target) % 7)


def resolve_relative(rel: str, published: date) -> tuple[date, date]:
    monday = published - timedelta(days=published.weekday())
    return {
        "today": (published, published),
        "yesterday": (published - timedelta(days=1),) * 2,
        "tomorrow": (published + timedelta(days=1),) * 2,
        "last week": (monday - timedelta(days=7), monday - timedelta(days=1)),
        "earlier this week": (monday, published),
        "this week": (monday, monday + timedelta(days=6)),
        "next week": (monday + timedelta(days=7), monday + timedelta(days=13)),
        "last month": (date(published.year - (published.month == 1), (published.month - 2) % 12 + 1, 1),
                       published.replace(day=1) - timedelta(days=1)),
    }[rel]
