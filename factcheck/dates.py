"""Dates by hand with datetime: absolute dates, months, years, weekdays resolved by tense, ranges."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from factcheck.lexicon import Gate, default_lexicon


def _alternatives(words: tuple[str, ...] | list[str]) -> str:
    """Longest first, spaces as any whitespace: one alternation for a word list."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


CALENDAR = default_lexicon().calendar  # the default rules' calendar: --rules does not reach these patterns yet
MONTHS = CALENDAR.months
WEEKDAYS = CALENDAR.weekdays

_MON = rf"(?P<mon>{_alternatives([m.capitalize() for m in MONTHS])})\.?"
_WD = "|".join(d.capitalize() for d in WEEKDAYS)
MONTH_GATE = Gate.of(MONTHS)  # a form naming a month (_MON) finds its name as a word of the text
DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MON}\s+(?P<year>(?:19|20)\d\d)\b")
MONTH_DAY_YEAR = re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<year>(?:19|20)\d\d)\b")
MONTH_DAY = re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)")
MONTH_YEAR = re.compile(rf"\b{_MON}\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b")
YEAR = re.compile(rf"(?<![\d,.$])\b(?i:{_alternatives(CALENDAR.year_prepositions)})\s+(?P<year>(?:19|20)\d\d)\b(?![\d,])")
# a year as a modifier: "a 2001 story", "the 2016 election" (whether "the 2000 soldiers" is a count is for figures)
YEAR_MODIFIER = re.compile(rf"\b(?i:{_alternatives(CALENDAR.year_determiners)})\s+(?P<year>(?:19|20)\d\d)(?=\s+[a-z])")
_PARTS = {word: (first, last) for word, first, last in CALENDAR.month_parts}
MONTH_PART = re.compile(rf"\b(?i:(?P<part>{_alternatives(list(_PARTS)) or '(?!)'}))(?:\s+|-)(?:of\s+)?{_MON}(?![\w.]*\s*\d)")
_SHIFTS = dict(CALENDAR.day_shifts)
DAY_SHIFT = re.compile(rf"\b(?i:{_alternatives(list(_SHIFTS)) or '(?!)'})\b")
WEEKDAY = re.compile(rf"\b(?i:on\s+|last\s+|this\s+|next\s+)?(?P<wd>{_WD})s?\b")
RELATIVE = re.compile(r"\b(?P<rel>today|yesterday|tomorrow|last week|earlier this week|this week|next week|last month)\b", re.I)
_FUTURE_WORDS = [w for w in CALENDAR.future if w[:1].isalnum()]
_CONTRACTIONS = [w for w in CALENDAR.future if not w[:1].isalnum()]  # "they'll"
FUTURE_CUES = re.compile(rf"(?:\b(?:{_alternatives(_FUTURE_WORDS)})|(?:{_alternatives(_CONTRACTIONS) or '(?!)'}))(?!\w)"
                         rf"(?:\s+(?:{_alternatives(CALENDAR.verb_group)})\b)*(?:\s+\w+ed\b)?", re.I)
PAST_MODAL = re.compile(rf"\b(?:{_alternatives(CALENDAR.past_modal)})(?!\w)", re.I)
PAST_CUES = re.compile(rf"\b(?:{_alternatives(CALENDAR.past)}|\w+ed)\b", re.I)
# A weekday's tense is read in its own clause: "freed 390 on Friday and will free more on Sunday".
CLAUSE_BREAK = re.compile(rf"[,;:()\u2014]|\s(?:{_alternatives(CALENDAR.clause_breaks)})\s", re.I)
ISO_DAY = re.compile(r"(?<![\d-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d-])")
# 18.05.2017, 05/18/2017, 18-05-2017: a day, not a figure
NUMERIC_DAY = re.compile(r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)(?![\d])")
DIGIT = re.compile(r"\d")
YEAR_FIGURES = re.compile(r"(?:19|20)\d\d")  # what every absolute form but MONTH_DAY holds: most figures are no year
STAMP_LABEL = re.compile(rf"(?i:{_alternatives(CALENDAR.stamp_labels)})(?!\w)[ \t]*:?[ \t]*")
CLOCK = re.compile(r"(?P<h>\d{1,2})[:.]?(?P<m>\d\d)(?![\d.:/-])(?:[ \t]*(?i:am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|est|edt|et)\b)?")
LOWER_NEXT = re.compile(r"[ \t]+[a-z]")
STAMP_GAP = re.compile(r"[ \t]*(?:[,|\u2022\u2013\u2014-][ \t]*)?")
STAMP_PAREN = re.compile(rf"[ \t]*\([ \t]*(?i:{_alternatives(CALENDAR.stamp_labels)})(?!\w)[^()\n]{{0,40}}\)")
SPACES = re.compile(r"\s+")
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
    ahead: bool = False  # 'a day after ...' dates only what follows it

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
    m = NUMERIC_DAY.search(line)
    return numeric_day(m, None) if m else None


def stamp_at(text: str, pos: int = 0) -> tuple[int, date | None]:
    """A publication stamp starting at text[pos]: an optional label, a day, a clock time, a bracketed
    update ('Updated 23 May 2025', '10.10.2017(updated 1601 10.10.2017)'); returns where it ends and its
    day, or (pos, None) when there is none. Without a label only a day in figures counts as a stamp."""
    label = STAMP_LABEL.match(text, pos)
    i = end = label.end() if label else pos
    day: date | None = None
    while i < len(text):
        found = _day_at(text, i, labelled=bool(label))
        if found:
            i, day = found[0], day or found[1]
        else:
            clock = CLOCK.match(text, i)
            if not (clock and int(clock["h"]) < 24 and int(clock["m"]) < 60) or LOWER_NEXT.match(text, clock.end()):
                break  # "18.05.2017 150 people": a count, not a time
            i = clock.end()
        end = i
        i = STAMP_GAP.match(text, i).end()  # type: ignore[union-attr]  # the pattern matches the empty string
    if day is None:
        return pos, None
    paren = STAMP_PAREN.match(text, end)
    return (paren.end() if paren else end), day


def _day_at(text: str, i: int, labelled: bool) -> tuple[int, date] | None:
    forms = (NUMERIC_DAY, ISO_DAY, DAY_MONTH_YEAR, MONTH_DAY_YEAR) if labelled else (NUMERIC_DAY, ISO_DAY)
    for rx in forms:
        m = rx.match(text, i)
        if not m:
            continue
        if rx is NUMERIC_DAY:
            d = numeric_day(m, None)
        elif rx is ISO_DAY:
            d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        else:
            d = _safe_date(int(m["year"]), MONTHS[m["mon"].lower().rstrip(".")], int(m["day"]))
        if d:
            return m.end(), d
    return None


def find_dates(text: str, published: date | None, words: frozenset[str] | None = None) -> list[DateMention]:
    """Every date mention in one sentence, resolved against the publication date where needed. words: the
    sentence's (words_of), when read already: the forms naming a month need one of its names."""
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
        _absolute(text, published, add, MONTH_GATE.may_match(words))
    if published:
        for m in MONTH_PART.finditer(text):  # "in early October": a span of the month, in the year of writing
            first_day, last_day = _PARTS[m["part"].lower()]
            mo = MONTHS[m["mon"].lower().rstrip(".")]
            y = published.year - (date(published.year, mo, first_day) > published + timedelta(days=60))
            end = month_end(y, mo)
            add(m, date(y, mo, first_day), date(y, mo, min(last_day, end.day)), "range")
        for m in WEEKDAY.finditer(text):
            d = resolve_weekday(m["wd"], published, future_tense(text, m.start(), m.end()), m.group(0).lower())
            add(m, d, d, "day")
        for m in RELATIVE.finditer(text):
            first, last = resolve_relative(m["rel"].lower(), published)
            add(m, first, last, "day" if first == last else "range")
    if published:
        for m in DAY_SHIFT.finditer(text):  # "on Thursday, a day after ...": what follows, on Wednesday
            anchor = max((d for d in found if d.kind == "day" and d.end <= m.start()), key=lambda d: d.end, default=None)
            shift = _SHIFTS[SPACES.sub(" ", m.group(0).lower())]
            if anchor is None and shift > 0:
                continue  # "a week before the vote", from the day of writing: which vote, past or coming, is unclear
            d = (anchor.first if anchor else published) + timedelta(days=shift)
            if not any(m.start() < b and a < m.end() for a, b in taken):
                taken.append(m.span())
                found.append(DateMention(m.group(0), m.start(), m.end(), d, d, "day", ahead=True))
    found = [_since(text, d, published) for d in found]
    found.sort(key=lambda d: d.start)
    return found


def _absolute(text: str, published: date | None, add: Callable[..., None], months: bool = True) -> None:
    """Days, months and years written out or in figures; a day without a year takes the publication year.
    months: whether a month's name may stand in the text (False: the forms naming one are not tried)."""
    year = YEAR_FIGURES.search(text) is not None  # False: only MONTH_DAY can match (the others write a year)
    for m in ISO_DAY.finditer(text) if year else ():
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        add(m, d, d, "day")
    for m in NUMERIC_DAY.finditer(text) if year else ():
        d = numeric_day(m, published)
        add(m, d, d, "day")
    for m in DAY_MONTH_YEAR.finditer(text) if months and year else ():
        d = _safe_date(int(m["year"]), MONTHS[m["mon"].lower().rstrip(".")], int(m["day"]))
        add(m, d, d, "day")
    for m in MONTH_DAY_YEAR.finditer(text) if months and year else ():
        d = _safe_date(int(m["year"]), MONTHS[m["mon"].lower().rstrip(".")], int(m["day"]))
        add(m, d, d, "day")
    for m in MONTH_YEAR.finditer(text) if months and year else ():
        y, mo = int(m["year"]), MONTHS[m["mon"].lower().rstrip(".")]
        add(m, date(y, mo, 1), month_end(y, mo), "month")
    if published and months:
        for m in MONTH_DAY.finditer(text):
            d = _safe_date(published.year, MONTHS[m["mon"].lower().rstrip(".")], int(m["day"]))
            if d and d > published + timedelta(days=60):
                d = _safe_date(published.year - 1, d.month, d.day)
            add(m, d, d, "day")
    for rx in (YEAR, YEAR_MODIFIER) if year else ():
        for m in rx.finditer(text):
            y = int(m["year"])
            add(m, date(y, 1, 1), date(y, 12, 31), "year", "year")


def numeric_day(m: re.Match[str], published: date | None) -> date | None:
    """18.05.2017 is day-first; 05/18/2017 month-first; where both readings are valid, the one nearer
    the publication date, else day-first with dots and dashes and month-first with slashes."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    day_first, month_first = _safe_date(year, b, a), _safe_date(year, a, b)
    if day_first is None or month_first is None or day_first == month_first:
        return day_first or month_first
    if published:
        return min((day_first, month_first), key=lambda d: abs((d - published).days))
    return month_first if m["sep"] == "/" else day_first


def _since(text: str, d: DateMention, published: date | None) -> DateMention:
    """'since June 2024' is a range from the mention's first day to the publication date (open without one)."""
    m = SINCE.search(text, max(0, d.start - 12), d.start)
    if not m:
        return d
    last = published if published and published >= d.first else OPEN_END
    return DateMention(text[m.start():d.end], m.start(), d.end, d.first, last, "range")


def future_tense(text: str, start: int, end: int) -> bool:
    """Whether the clause around text[start:end] points forward: the tense cue nearest the mention decides
    ('said on Friday that more will come' is past; 'more will be freed on Friday' is future). A clause
    with no cue at all (a fronted 'On Friday, ...') takes the tense of the clause after it, else before it."""
    breaks = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer(text)]
    left = max((e for s, e in breaks if e <= start), default=0)
    right = min((s for s, e in breaks if s >= end), default=len(text))
    tense = _nearest_cue(text, left, right, start, end)
    if tense is None and right < len(text):
        after = min((s for s, e in breaks if s > right), default=len(text))
        tense = _nearest_cue(text, right, after, start, end)
    if tense is None and left > 0:
        before = max((e for s, e in breaks if e < left - 1), default=0)
        tense = _nearest_cue(text, before, left, start, end)
    return bool(tense)


def _nearest_cue(text: str, left: int, right: int, start: int, end: int) -> bool | None:
    """True (future) or False (past) by the cue in text[left:right] nearest the mention; None without one."""
    past_modals = [(m.start(), m.end()) for m in PAST_MODAL.finditer(text, left, right)]
    futures = [(m.start(), m.end()) for m in FUTURE_CUES.finditer(text, left, right)
               if not any(a <= m.start() < b for a, b in past_modals)]
    pasts = past_modals + [(m.start(), m.end()) for m in PAST_CUES.finditer(text, left, right)
                           if not any(a <= m.start() < b for a, b in futures + past_modals)]
    best: tuple[int, bool] | None = None
    for cues, is_future in ((futures, True), (pasts, False)):
        for s, e in cues:
            distance = start - e if e <= start else s - end
            if best is None or distance < best[0]:
                best = (distance, is_future)
    return None if best is None else best[1]


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


YEARLESS_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z'.\- ]{2,40}(?:,\s*[A-Z][\w.\- ]{1,30}?)?,\s*" + _MON + r"\s+(?P<day>\d{1,2})"
                               r"\s*(?:[:\u2014\u2013]|\s-{1,2})\s", re.M)
NEAR_DAYS = 7  # a stored day this close to a dateline's month and day tells its year


def dateline_day(text: str, today: date, known_days: frozenset[str] = frozenset()) -> date | None:
    """The day of a dateline that names no year ('KYIV, May 24 - ...') in the first lines of a draft: in the
    latest year in which a stored story tells of a day within a week of it, else the latest such day not
    more than a week after today. None without such a dateline."""
    m = YEARLESS_DATELINE.search(text[:1500])
    if not m:
        return None
    month, day = MONTHS[m["mon"].lower().rstrip(".")], int(m["day"])
    known = sorted({date.fromisoformat(d) for d in known_days}, reverse=True)
    for year in sorted({d.year for d in known}, reverse=True):
        candidate = _safe_date(year, month, day)
        if candidate and any(abs((candidate - d).days) <= NEAR_DAYS for d in known if d.year in (year - 1, year, year + 1)):
            return candidate
    for year in (today.year + 1, today.year, today.year - 1):
        candidate = _safe_date(year, month, day)
        if candidate and (candidate - today).days <= NEAR_DAYS:
            return candidate
    return None
