"""Records that flow through factcheck: frozen dataclasses, no behaviour beyond small helpers."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Generic, NamedTuple, TypeVar

SEVERITIES = ("info", "warning", "error")
SOURCE_KINDS = ("person", "organization", "outlet", "document", "anonymous")
STATES = ("planned", "agreed", "ongoing", "completed", "cancelled", "ruled_out")
FLAG_STATES = ("open", "confirmed", "dismissed", "resolved")  # an editor's triage of a flag
OPEN_FLAG_STATES = ("open", "confirmed")  # what `report` and `flags` show unless asked otherwise
# a flag's triage: Flag's fields and the flags table's columns of these names (its verdicts, history, apart)
TRIAGE = ("state", "note", "triaged_by", "triaged_at", "first_seen", "last_seen", "resolved_at", "reopened_reason")
REPORT_FORMATS = ("text", "markdown", "html", "json", "jsonl", "csv", "claimreview")  # `report --format`, in its help order
MAX_FILE_BYTES = 20 * 1024 * 1024  # per input file, unless --max-bytes says otherwise
SEVERAL_EVENTS = "*"  # the frame of a statement about several events of its type ("in Paris and in Brussels")
# how a statement names its event (Statement.event_reference): "an explosion", "the explosion", "the explosions"
EVENT_NEW, EVENT_KNOWN, EVENT_SEVERAL = "new", "known", "several"
TIME_UNITS = ("day", "week", "month", "year")  # a Quantity with one of these units is a duration, not a count
PERCENT = "percent"  # the unit of a share ("57 percent", "33%")


def excerpt(text: str, limit: int) -> str:
    """The text whole when it fits, else cut at the last word boundary within `limit` characters, with an
    ellipsis: a cited sentence is never cut mid-word ('believed to have been wounde')."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "\u2026"


def severity_rank(severity: str) -> int:
    """Order of severities: info < warning < error."""
    return SEVERITIES.index(severity)


T = TypeVar("T")


SLOT_SETTERS: dict[type, dict[str, Callable[[Any, Any], None]]] = {}  # a slotted record's fields: how to set each


def set_at_once(record_type: type[T], values: dict[str, Any]) -> T:
    """A frozen record with these field values, set in one pass: the generated __init__ of a frozen dataclass sets
    each field by a Python call of its own (object.__setattr__), which dominates loading or copying hundreds of
    thousands of records. A record with a __dict__ takes them in one update; a slotted one (SLOT_SETTERS) each by
    its slot's own setter."""
    record = object.__new__(record_type)
    setters = SLOT_SETTERS.get(record_type)
    if setters is None:
        record.__dict__.update(values)
    else:
        for name, value in values.items():
            setters[name](record, value)
    return record


class read_once(Generic[T]):
    """A property of a frozen record computed on its first read and kept in the instance (as
    functools.cached_property, without the lock Python 3.11 takes on every first read: a million statements'
    figures are read once each)."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, record: Any, owner: type | None = None) -> T:
        if record is None:
            return self  # type: ignore[return-value]
        value = record.__dict__[self.name] = self.compute(record)  # read from the instance from now on
        return value


@dataclass(frozen=True)
class Document:
    """One story: its text and where it came from."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    published_from: str = "unknown"  # metadata | dateline | dateline, year assumed (a draft's) | unknown
    path: str | None = None
    offset: int = 0  # where this story's text starts in the ingested file's decoded text
    speaker: str | None = None  # a statement row (csv/jsonl): the whole text is this source's
    channel: str | None = None
    id: int | None = None

    @property
    def sha256(self) -> str:
        # a statement row's identity includes who said it: two sources may say the same words
        who = f"\0{self.speaker}\0{self.channel}\0{self.published}" if self.speaker else ""
        return hashlib.sha256((self.text + who).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure in a statement: value or interval, what it counts, and what happened to it."""

    text: str
    low: float
    high: float
    noun: str | None = None  # the counted noun as written, lemmatised ("soldiers" -> "soldier")
    category: str | None = None  # lexicon category ("prisoner", "casualty")
    each: bool = False  # distributive: "each released 390"
    action: str | None = None  # released | agreed | killed | wounded | ...
    hedge: str | None = None  # about | nearly | more than | ...
    start: int = 0  # offsets relative to the statement text
    end: int = 0
    # figure | total | part | running (over a span: "since Thursday") | update ("rose to") | addition ("another seven")
    role: str = "figure"
    date: str | None = None  # ISO day the figure refers to, when the sentence says
    unit: str | None = None  # PERCENT for a share; one of TIME_UNITS for a duration ("nearly four years of war")
    partial: bool = False  # a total whose parts follow as some of it ("390 people, including 270 soldiers")

    @property
    def exact(self) -> bool:
        return self.low == self.high

    @property
    def value(self) -> float:
        return self.low if self.exact else (self.low + self.high) / 2


@dataclass(frozen=True)
class Mention:
    """A number as written in a statement, with the words around it: what restated figures compare."""

    text: str
    value: float
    start: int  # offset in the statement text
    before_raw: tuple[str, ...]  # up to nine words before it, as written
    after_raw: tuple[str, ...]  # up to nine words after it
    years: tuple[str, ...]  # the years the statement names, unless the number is one itself
    clause_before: tuple[str, ...]  # the statement's words and clause marks before the number, fillers dropped
    clause_after: tuple[str, ...]  # ... and after it

    @read_once  # the checks ask each figure several times
    def before(self) -> tuple[str, ...]:
        """The six words before the number, lower-cased."""
        return tuple(w.lower() for w in self.before_raw[-6:])

    @read_once
    def after(self) -> tuple[str, ...]:
        return tuple(w.lower() for w in self.after_raw[:6])

    @property
    def is_year(self) -> bool:
        """Written like a year ('2016'): restated clauses leave these out."""
        return 1800 <= self.value <= 2100 and self.text.isdigit()

    def to_row(self) -> list[Any]:
        return [self.text, self.value, self.start, list(self.before_raw), list(self.after_raw), list(self.years),
                list(self.clause_before), list(self.clause_after)]

    @classmethod
    def from_row(cls, row: list[Any]) -> "Mention":
        text, value, start, before_raw, after_raw, years, clause_before, clause_after = row
        return set_at_once(cls, {"text": text, "value": value, "start": start, "before_raw": tuple(before_raw),
                                 "after_raw": tuple(after_raw), "years": tuple(years),
                                 "clause_before": tuple(clause_before), "clause_after": tuple(clause_after)})


@dataclass(frozen=True, slots=True)
class Status:
    """An event's state as a statement asserts it."""

    state: str  # one of STATES
    cue: str  # the words that carry it ("completed", "ongoing")
    negated: bool = False
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)  # slots: a checked part holds some 100,000 statements, read field by field
class Statement:
    """One attributed assertion with its provenance."""

    text: str
    start: int  # span in the ingested file's decoded text
    end: int
    source: str | None = None  # canonical source name; None is the writer's narration
    source_kind: str | None = None  # one of SOURCE_KINDS
    source_start: int | None = None  # the mention's span in the file text
    source_end: int | None = None
    cue: str | None = None  # "said", "wrote", "according to"
    channel: str | None = None  # "Truth Social", "Telegram", "a statement"
    date: str | None = None  # ISO date the statement refers to
    date_text: str | None = None
    date_at: int | None = None  # where date_text starts in text; None when the attribution outside it named the day
    quote: bool = False
    modality: str = "fact"  # fact | plan | hedge
    role: str = "body"  # body | headline | bullet | caption
    sentence: int = 0  # sentence index within the document
    event: str | None = None  # event key ("swap")
    event_word: str | None = None  # the lexicon word the text names its event with ("summit"); None when figures imply it
    record: str | None = None  # a record claim for its event: the superlative ("largest swap so far" -> "largest")
    event_reference: str | None = None  # EVENT_NEW ("a blast"), EVENT_KNOWN ("the blast"), EVENT_SEVERAL ("blasts"), or None
    frame: str | None = None  # which event of that type: its anchor ("Douma, SY", "RU+UA"); None compares within the story only
    incident: str | None = None  # how and what: "means:air target:hospital"; two incidents of one frame differ here
    quantities: tuple[Quantity, ...] = ()
    statuses: tuple[Status, ...] = ()
    negated: bool = False
    claim: tuple[str, ...] = ()  # the words with contractions cut to their verb ("didn't use" -> "did use")
    negations: tuple[str, ...] = ()  # the lexicon's negation words in it ("not", "no"; "n't" for a contraction)
    # what checks compare word by word, read once by extraction (factcheck/extract/wording.py)
    words: tuple[str, ...] = ()  # lower-cased, contractions kept whole ("didn't")
    word_starts: tuple[int, ...] = ()  # where each word starts in the lower-cased text
    masked: tuple[str, ...] = ()  # the words with the numbers taken out
    quoted: tuple[str, ...] = ()  # a quote's sentences, normalised ("we're" -> "we are"); short ones dropped
    mentions: tuple[Mention, ...] = ()  # numbers as written, with their context
    durations: tuple[Quantity, ...] = ()  # "nearly four years of war": unit, interval in that unit, event (category)
    began: str | None = None  # "the war began in February 2022": the ISO span of the earliest date it names ("2022-02-01/2022-02-28")
    document_id: int | None = None
    id: int | None = None
    # what stays the same across a story's versions (its URL, else its outlet and title): filled by the store
    story_key: str | None = None
    # filled when loaded from the store, for messages
    document: str | None = None  # document title
    outlet: str | None = None
    published: str | None = None

    @classmethod
    def restored(cls, values: dict[str, Any]) -> Statement:
        """A statement with every field given (read back from the store, or extracted with STATEMENT_DEFAULTS
        under it), set at once (set_at_once)."""
        if len(values) != len(STATEMENT_FIELDS):
            raise TypeError(f"a restored statement needs all {len(STATEMENT_FIELDS)} fields, got {len(values)}")
        return set_at_once(cls, values)


STATEMENT_FIELDS = tuple(f.name for f in fields(Statement))
SLOT_SETTERS[Statement] = {name: getattr(Statement, name).__set__ for name in STATEMENT_FIELDS}
STATEMENT_DEFAULTS = {f.name: f.default for f in fields(Statement) if f.default is not MISSING}  # no required field


def quote_runs(sentence: str) -> set[str]:
    """A quoted sentence's runs of three words: quote-mismatch compares a speaker's quotes that share one."""
    words = sentence.split()
    return {" ".join(words[k:k + 3]) for k in range(len(words) - 2)}


def quote_lengths(length: int, alike: float) -> tuple[float, float]:
    """The lengths a quote may have to be `alike` (rapidfuzz ratio, 0-100) to one of `length` characters: the
    ratio is 2 * matched / (both lengths), and no more than the shorter can match."""
    if alike <= 0:
        return 0.0, float("inf")
    return length * alike / (200 - alike), length * (200 - alike) / alike


def quote_opening(sentence: str) -> str:
    """A quoted sentence's first four words: misattribution compares the quotes that open alike, and the store
    indexes them so (quote_openings, m028)."""
    return " ".join(sentence.split()[:4])


# the word-level readings only checks use: a statement a finding, flag or report cites does without them
CHECK_READINGS = ("claim", "negations", "words", "word_starts", "masked", "quoted", "mentions")


@dataclass(frozen=True)
class Reach:
    """How far the rules compare the statements of one event frame across days (checks.reach): a block is the
    frame's statements within `days` of a day the statement names, its story's day or its figures' days; a
    frame's totals of the `totals` actions meet claims of the `settled` state on any later day. A proposition is
    a claim's stems without its negations and the `ignored` words. A speaker's quotes meet when they share a
    run of three words that at most `quote_runs` of them use; quotes opening alike, when their lengths allow them
    to be `quote_alike` alike (quote_lengths)."""

    days: int = 0
    totals: frozenset[str] = frozenset()
    settled: str = "completed"
    ignored: frozenset[str] | None = None  # words no proposition holds (polarity-conflict); None: none compared
    quote_runs: int = 0  # a speaker's quotes are compared when they share a three-word run used by at most this
    # many of them (quote-mismatch); 0: none compared
    quote_alike: float | None = None  # how alike (rapidfuzz ratio) two speakers' quotes opening with the same words
    # must be to meet (misattribution; the least any rule asks); None: none compared


@dataclass(frozen=True)
class Rule:
    """One consistency rule, loaded from a TOML file."""

    id: str
    kind: str
    severity: str
    message: str
    description: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    examples: tuple[dict[str, Any], ...] = ()
    path: str | None = None


@dataclass(frozen=True)
class Finding:
    """A rule's result: a flag (something to review) or a pass (a check that holds)."""

    rule: str
    kind: str
    severity: str
    outcome: str  # flag | pass
    message: str
    statements: tuple[Statement, ...]
    detail: str = ""  # why it fired: the arithmetic, the hedges, the dates
    # What the conflict is about, as the check names it (the measure, or the event and day), and what each
    # side claims. A flag with a subject keeps its id while stories join or are edited around the same
    # conflict; a change of claims reopens it. Without a subject the cited statements are its identity.
    subject: str = ""
    claims: tuple[str, ...] = ()

    @property
    def event(self) -> str | None:
        """The event most of the cited statements talk about."""
        events = [s.event for s in self.statements if s.event]
        return max(sorted(set(events)), key=events.count) if events else None

    @read_once  # a whole-database run asks for it several times
    def fingerprint(self) -> str:
        basis = self.subject or ",".join(sorted(statement_key(s) for s in self.statements))
        return hashlib.sha256(f"{self.rule}|{basis}".encode()).hexdigest()[:16]


def statement_key(s: Statement) -> str:
    """A statement's identity that survives a new version of its story or a rewording: the story, who says it
    and what it claims (its figures and states; its words when it has neither). An edit elsewhere in the story
    moves the statement, not this."""
    story = s.story_key or f"document {s.document_id}"
    claims = sorted([q.text for q in s.quantities] + [("not " if st.negated else "") + st.state for st in s.statuses])
    return hashlib.sha256(f"{story}|{s.source}|{';'.join(claims) or s.text}".encode()).hexdigest()[:16]


def statement_digest(s: Statement) -> str:
    """Hash of what a statement says and who says it, to notice edits."""
    return hashlib.sha256(f"{s.text}|{s.source}|{s.date}|{s.channel}".encode()).hexdigest()[:16]


CLAIMS = "claims: "  # a flag's digest that records what each side claims, not the statements' hashes


def flag_digest(f: Finding) -> str:
    """What a triaged flag rests on: its claims when the check names them, else its cited statements' digests."""
    return CLAIMS + " vs ".join(f.claims) if f.claims else ",".join(statement_digest(s) for s in f.statements)


class Kept(NamedTuple):
    """A finding as a run keeps it once its statements are gone: what the store records of it (sync_flags,
    record_passes), what reports sort by, and its JSON as a report writes it (made while its statements were
    alive; empty when no JSON is asked for)."""

    fingerprint: str
    outcome: str
    rule: str
    kind: str
    severity: str
    message: str
    detail: str
    digest: str  # flag_digest, of a flag
    cited: tuple[int | None, ...]  # the ids of its statements, in order
    event: str | None  # Finding.event: what Flag.order sorts by after severity
    json: str = ""


def flag_order(severity: str, event: str | None, kind: str, message: str, flag_id: str) -> tuple[int, str, str, str, str]:
    """The one order of flags (Flag.order): most severe first, then by event, kind, message and id."""
    return (-severity_rank(severity), event or "", kind, message, flag_id)


def cited_ids(f: Finding | Kept) -> tuple[int | None, ...]:
    """The ids of the statements a finding cites, in order."""
    return f.cited if isinstance(f, Kept) else tuple(s.id for s in f.statements)


def kept(f: Finding, json: str = "") -> Kept:
    """What a run keeps of a finding (Kept)."""
    return Kept(f.fingerprint, f.outcome, f.rule, f.kind, f.severity, f.message, f.detail,
                flag_digest(f) if f.outcome == "flag" else "", cited_ids(f), f.event, json)


@dataclass(frozen=True)
class Flag:
    """A flag as an editor sees it: the finding and its triage state (no state for a draft's flags). The one record
    of a flag that store rows become and audit, triage and every renderer use."""

    finding: Finding
    id: str
    state: str | None = None
    note: str | None = None
    triaged_by: str | None = None
    triaged_at: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    resolved_at: str | None = None
    reopened_reason: str | None = None
    history: tuple[dict[str, Any], ...] = ()  # every verdict, oldest first (state, note, by, at)

    @property
    def order(self) -> tuple[int, str, str, str, str]:
        f = self.finding
        return flag_order(f.severity, f.event, f.kind, f.message, self.id)

    @classmethod
    def from_finding(cls, f: Finding) -> "Flag":
        return cls(finding=f, id=f.fingerprint)


@dataclass(frozen=True)
class FlagFilter:
    """Which flags (and passed checks) a report or list shows. None means no limit."""

    states: tuple[str, ...] | None = OPEN_FLAG_STATES
    severity: str | None = None  # this severity and above
    rule: str | None = None  # rule id or kind
    source: str | None = None  # part of a cited statement's source name, any case
    since: str | None = None  # ISO date: flags first seen on or after it; passes citing statements dated on or after it
    story: int | None = None  # a cited statement's document id

    def _cites(self, statements: tuple[Statement, ...]) -> bool:
        if self.source and not any(self.source.lower() in (s.source or "").lower() for s in statements):
            return False
        if self.story is not None and not any(s.document_id == self.story for s in statements):
            return False
        return True

    def matches(self, rec: Flag) -> bool:
        f = rec.finding
        if self.states is not None and rec.state is not None and rec.state not in self.states:
            return False
        if self.severity and severity_rank(f.severity) < severity_rank(self.severity):
            return False
        if self.rule and self.rule not in (f.rule, f.kind):
            return False
        if self.since and rec.first_seen and rec.first_seen[:10] < self.since:
            return False
        return self._cites(f.statements)

    def matches_pass(self, f: Finding) -> bool:
        if self.rule and self.rule not in (f.rule, f.kind):
            return False
        if self.since and not any((s.date or s.published or "") >= self.since for s in f.statements):
            return False
        return self._cites(f.statements)

    def describe(self) -> str:
        """The non-default limits, for a report's heading ('' when showing the default set)."""
        parts = []
        if self.states != OPEN_FLAG_STATES:
            parts.append("state " + (", ".join(self.states) if self.states else "all"))
        if self.severity:
            parts.append(f"severity {self.severity} and above")
        for name in ("rule", "source", "since", "story"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name} {value}")
        return "; ".join(parts)


@dataclass(frozen=True)
class Report:
    """What a report shows: flags with triage state, the checks that hold, and database counts."""

    flags: tuple[Flag, ...]
    passed: tuple[Finding, ...]
    counts: dict[str, int] = field(default_factory=dict)
    filters: FlagFilter | None = None
    title: str = "factcheck report"
    generated: str | None = None  # ISO timestamp; None leaves it out (golden files)
    reviewer: str | None = None  # named as the author of ClaimReviews of untriaged flags
    urls: dict[int, str] = field(default_factory=dict)  # document id -> where the story was published
    list_from: str = "info"  # flags of a lower severity are counted, not listed (text, markdown, html)
    limit: int | None = None  # at most this many flags listed in full, most severe first; None: all
    passed_total: int | None = None  # the checks that held, when `passed` holds only the first of them
    newsroom: str | None = None  # who publishes the reviews (factcheck.toml [newsroom])
    newsroom_url: str | None = None
    review_url: str | None = None  # a review's address, "{id}" standing for the flag id
    appearances: dict[int, tuple[dict[str, Any], ...]] = field(default_factory=dict)  # document id -> other appearances
