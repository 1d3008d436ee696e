"""claims.db: opening it, applying migrations (factcheck/migrations.py), and the queries the rest of factcheck needs.

Writes use explicit transactions (BEGIN IMMEDIATE ... COMMIT) so that a document, a flag set or
a run is stored whole or not at all. sqlite-utils builds the schema and serves the reads.
"""
from __future__ import annotations

import json
import os
import socket
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

import sqlite_utils

from factcheck.dates import parse_iso
from factcheck.errors import AmbiguousError, NotFoundError, StoreError
from factcheck.lexicon import rough_stem
from factcheck.migrations import MIGRATIONS
from factcheck.model import (
    CHECK_READINGS, CLAIMS, TIME_UNITS, TRIAGE, Document, Finding, Flag, Kept, Mention, Quantity, Reach, Statement,
    Status, cited_ids, flag_digest, quote_opening, quote_lengths, quote_runs, severity_rank, statement_digest,
)
from factcheck.sources import MAYBE_NAMED, SourceIndex, story_local

_DATE, _ACTION, _NEGATED = attrgetter("date"), attrgetter("action"), attrgetter("negated")  # of statements and records
BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another process's lock; env FACTCHECK_BUSY_TIMEOUT_MS
CHUNK = 500  # ids bound per query, well under SQLite's limit on bound parameters
RUN_COUNTS = ("statements_checked", "new", "still_open", "resolved")


def busy_timeout_ms() -> int:
    """The busy timeout in force: FACTCHECK_BUSY_TIMEOUT_MS when set, else BUSY_TIMEOUT_MS."""
    value = os.environ.get("FACTCHECK_BUSY_TIMEOUT_MS", "").strip()
    if not value:
        return BUSY_TIMEOUT_MS
    if not value.isdigit():
        raise StoreError(f"FACTCHECK_BUSY_TIMEOUT_MS={value!r}: must be a whole number of milliseconds")
    return int(value)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


WORDING_COLUMNS = ("words", "word_starts", "masked", "quoted", "mentions", "began")
# what Store.statements reads per statement, in the order it unpacks them
STATEMENT_SELECT = ("s.id, s.text, s.start, s.end, src.name, src.kind, s.source_start, s.source_end, s.cue, s.channel, s.date,"
                    " s.date_text, s.date_at, s.event_word, s.record, s.event_reference, s.claim, s.negations, s.quote,"
                    " s.modality, s.role, s.sentence, e.key, f.anchor, s.incident, s.negated, s.document_id, d.title,"
                    " d.outlet, d.published, d.url, d.sha256, " + ", ".join(f"s.{c}" for c in WORDING_COLUMNS))
# which statements the checks read a word-level reading of: the words and their offsets where a day is written
# (date-conflict's `dated`), the masked words where there are numbers (numeric-conflict's restated figures)
CHECKED_WHERE = {"words": "s.date_at IS NOT NULL", "word_starts": "s.date_at IS NOT NULL", "masked": "s.mentions != '[]'"}
# Store.statements' `readings`: every one (what was extracted); those the checks read (others empty, as stored when
# empty); none of CHECK_READINGS (what a flag or a pass cites)
READINGS = {
    "all": STATEMENT_SELECT,
    "checked": ", ".join(f"CASE WHEN {CHECKED_WHERE[c[2:]]} THEN {c} ELSE '' END" if c[2:] in CHECKED_WHERE else c
                         for c in STATEMENT_SELECT.split(", ")),
    "cited": ", ".join(("'[]'" if c in ("s.quoted", "s.mentions") else "''") if c[2:] in CHECK_READINGS else c
                       for c in STATEMENT_SELECT.split(", ")),
}


def wording_row(s: Statement) -> tuple[str | None, ...]:
    """The statement's word-level readings as stored (migration m011): words space-separated, lists as JSON. The
    masked words are most often the words themselves (no number in them): then their text is the words' too."""
    words = " ".join(s.words)
    return (words, _spaced_numbers(s.word_starts), words if s.masked is s.words else " ".join(s.masked),
            json.dumps(s.quoted) if s.quoted else "[]", json.dumps([m.to_row() for m in s.mentions]) if s.mentions else "[]",
            s.began)


def _spaced_numbers(numbers: tuple[int, ...]) -> str:
    """'3 9 14': the numbers written in one formatting, twice as fast as joining each one's str()."""
    return (" %d" * len(numbers) % numbers)[1:]


class Rows:
    """A document's statements as the store inserts them: for each, what names its source, event and frame (the
    store resolves them to ids) and its values, figures and states as row tuples. Made where the statements were
    extracted (a worker process sends these, which cost a fraction of the statements' objects to send and
    receive); the store takes these or the statements themselves."""

    __slots__ = ("items",)

    def __init__(self, statements: Iterable[Statement]) -> None:
        self.items = [_items(s) for s in statements]

    def __len__(self) -> int:
        return len(self.items)


def _items(s: Statement) -> tuple[Any, ...]:
    """One statement as Rows holds it. Its claim is most often its words themselves (no contraction cut): then
    their text is the words' too."""
    wording = wording_row(s)
    return (s.source, s.source_kind, s.event, s.date, s.frame,
            (s.text, s.start, s.end, s.source_start, s.source_end, s.cue, s.channel, s.date, s.date_text, int(s.quote),
             s.modality, s.role, s.sentence, int(s.negated), statement_digest(s), s.incident, s.date_at, s.event_word,
             s.record, s.event_reference, wording[0] if s.claim is s.words else " ".join(s.claim), " ".join(s.negations),
             *wording),
            [(q.text, q.low, q.high, q.noun, q.category, int(q.each), q.action, q.hedge, q.start, q.end, q.role, q.date,
              q.unit, int(q.partial)) for q in (*s.quantities, *s.durations)],
            [(st.state, st.cue, int(st.negated), st.start, st.end) for st in s.statuses])


def story_key(url: str | None, outlet: str | None, title: str | None, sha256: str) -> str:
    """What the versions of a story share, by the rule store_document supersedes with: its URL, else its
    outlet and title; a story with neither is only its text (not its row id, which a draft's scratch store
    gives differently)."""
    if url:
        return url
    return f"{outlet}|{title}" if outlet and title else f"text {sha256}"


def _flag(row: Mapping[str, Any], statements: Sequence[Statement]) -> Flag:
    """A stored flag row, with the statements it cites, as the model's Flag."""
    finding = Finding(rule=row["rule"], kind=row["kind"], severity=row["severity"], outcome="flag",
                      message=row["message"] or "", statements=tuple(statements), detail=row["detail"] or "")
    return Flag(finding=finding, id=row["id"], **{name: row[name] for name in TRIAGE})


@lru_cache(maxsize=4096)  # a part of a whole run asks some 50,000 times, for a few hundred days
def _day(text: str | None) -> date | None:
    """The first day an ISO date or span names ('2025-05-23', '2025-05-01/2025-05-10'); None for a month or a year."""
    return parse_iso(text[:10]) if text else None


def _spans(days: list[date], gap: timedelta) -> list[tuple[date, date]]:
    """Sorted days merged into runs whose windows of `gap` either side overlap: one query per run, not per day."""
    runs: list[tuple[date, date]] = []
    for d in days:
        if runs and d - runs[-1][1] <= 2 * gap:
            runs[-1] = (runs[-1][0], d)
        else:
            runs.append((d, d))
    return runs


def _null(value: None) -> None:
    return value


# A None bound as a parameter is NULL either way; without an adapter of its own, Python's sqlite3 (3.11) first asks
# the adapting protocol for a method, raising and clearing an AttributeError for each None: an eighth of the CPU of
# storing documents, whose statements' rows hold a dozen NULLs each.
sqlite3.register_adapter(type(None), _null)


@contextmanager
def _indexing(c: sqlite3.Connection) -> Iterator[None]:
    """The statements inserted within the block enter the full-text index at its end, in one statement (m023:
    no trigger per row), and their quotations the index of openings (m028)."""
    last = c.execute("SELECT coalesce(max(id), 0) FROM statements").fetchone()[0]
    yield
    c.execute("INSERT INTO statements_fts (rowid, text) SELECT id, text FROM statements WHERE id > ?", (last,))
    quote_openings(c, last)


def quote_openings(c: sqlite3.Connection, after: int) -> None:
    """Index the quotations of the statements with ids above `after` by their opening words and length (m028)."""
    rows = c.execute("SELECT id, document_id, quoted FROM statements WHERE id > ? AND quote = 1 AND quoted != '[]'",
                     (after,)).fetchall()
    c.executemany("INSERT OR IGNORE INTO quote_openings (opening, length, statement_id, document_id) VALUES (?, ?, ?, ?)",
                  [(quote_opening(q), len(q), sid, doc) for sid, doc, quoted in rows for q in json.loads(quoted) if q.split()])


def _of_flags(c: sqlite3.Connection, select: str, key: str, ids: Iterable[str] | None, where: Sequence[str] = (),
              params: Sequence[Any] = (), order: str = "") -> tuple[list[str], Iterator[tuple]]:
    """The columns and rows of `select` (a SELECT of flags or flag_statements, without WHERE) whose `key` column is
    one of these flag ids (None: any) and that meet the `where` conditions, in `order` (an ORDER BY clause). Asked
    for a third of the stored flags or more (a whole run's), one read of the table, each row kept or left here: a
    look-up by id cost three times as much per flag (the state and digest of 102,879 stored flags: 0.30 s, against
    0.11 s), and more per flag the larger the table."""
    wanted = ids if ids is None or isinstance(ids, (set, frozenset, dict)) else set(ids)
    look_up = wanted is not None and 3 * len(wanted) < c.execute("SELECT coalesce(max(rowid), 0) FROM flags").fetchone()[0]
    conditions = [*where, f"{key} IN (SELECT value FROM json_each(?))"] if look_up else where
    rows = c.execute(select + (" WHERE " + " AND ".join(conditions) if conditions else "") + (f" {order}" if order else ""),
                     [*params, json.dumps(list(wanted))] if look_up else params)
    columns = [d[0] for d in rows.description]
    if look_up or wanted is None:
        return columns, rows
    at = columns.index(key)
    return columns, (r for r in rows if r[at] in wanted)


def _citations(c: sqlite3.Connection, flag_ids: Iterable[str]) -> dict[str, set[int]]:
    """The statements each of these flags cites, in one query."""
    cited: dict[str, set[int]] = {}
    for fid, sid in _of_flags(c, "SELECT flag_id, statement_id FROM flag_statements", "flag_id", flag_ids)[1]:
        cited.setdefault(fid, set()).add(sid)
    return cited


def _digest(f: Finding | Kept) -> str:
    return f.digest if isinstance(f, Kept) else flag_digest(f)


def _run_counts(counts: dict[str, int]) -> tuple[int, ...]:
    """A run's counts in RUN_COUNTS order, 0 for any not given."""
    return tuple(counts.get(k, 0) for k in RUN_COUNTS)


def _what_changed(old: str, new: str) -> str:
    """Why a triaged flag is open again: the claims it rests on, before and after, when both are known."""
    if old.startswith(CLAIMS) and new.startswith(CLAIMS):
        return f"the claims changed since the flag was triaged: {old[len(CLAIMS):]} \u2192 {new[len(CLAIMS):]}"
    return "a cited statement changed since the flag was triaged"


class Store:
    """An open claims.db."""

    def __init__(self, path: str | Path = ":memory:", busy_timeout: int | None = None) -> None:
        self.path = str(path)
        self._source_index: SourceIndex | None = None
        # in a write transaction, once the source index has looked, it takes in the transaction's new sources as
        # _source_id inserts them: no look at the database per name
        self._writing = self._index_current = False
        self.busy_timeout = busy_timeout_ms() if busy_timeout is None else busy_timeout
        if self.path != ":memory:" and Path(self.path).is_dir():
            raise StoreError(f"{self.path}: is a directory, not a database file")
        try:
            self.conn = sqlite3.connect(self.path, timeout=self.busy_timeout / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {self.busy_timeout}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.db = sqlite_utils.Database(self.conn)
            self._check_schema()  # before anything is written: a foreign or newer database is left as it was
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self._migrate()
        except sqlite3.Error as exc:
            self.conn.close()
            raise self._error(exc) from None
        except StoreError:
            self.conn.close()
            raise

    def _error(self, exc: sqlite3.Error) -> StoreError:
        """The one-line message for an SQLite error on this database."""
        text = str(exc)
        if getattr(exc, "sqlite_errorname", "").startswith("SQLITE_READONLY") or "readonly" in text:
            return StoreError(f"{self.path}: read-only database, cannot write ({self._readonly_reason(text)})")
        if "locked" in text or "busy" in text:
            return StoreError(f"{self.path}: database is locked by another process (waited {self.busy_timeout / 1000:g} s;"
                              " try again, or raise FACTCHECK_BUSY_TIMEOUT_MS)")
        if "file is not a database" in text:
            return StoreError(f"{self.path}: not an SQLite database")
        if "unable to open" in text:
            return StoreError(f"{self.path}: cannot open or create the database file")
        return StoreError(f"{self.path}: cannot use as a factcheck database ({text})")

    def _readonly_reason(self, text: str) -> str:
        """Why SQLite may not write: the file's mode, its folder's, or SQLite's own words."""
        if self.path != ":memory:":
            path = Path(self.path)
            if path.exists() and not os.access(path, os.W_OK):
                return "the file is not writable by this user"
            if not os.access(path.resolve().parent, os.W_OK):
                return "its folder is not writable by this user"
        return text

    def close(self) -> None:
        self.conn.close()

    def scratch_copy(self) -> "Store":
        """An in-memory copy, for checking drafts without keeping them."""
        copy = Store(":memory:")
        self.conn.backup(copy.conn)
        return copy

    def partial_copy(self, document_ids: Iterable[int]) -> "Store":
        """An in-memory store holding these documents with their statements, figures and states, their sources
        and every named one with its aliases, and every event and frame (so that names and frames resolve as they
        do here): a draft is checked there against the stories it touches, not against a copy of the whole
        database. One read snapshot."""
        if self.path == ":memory:":  # nothing to attach: the whole (small, in-memory) database
            return self.scratch_copy()
        copy = Store(":memory:")
        c = copy.conn
        c.execute("ATTACH DATABASE ? AS src", (str(self.path),))
        try:
            c.execute("BEGIN")
            c.execute("CREATE TEMP TABLE wanted (id INTEGER PRIMARY KEY)")
            c.executemany("INSERT OR IGNORE INTO wanted (id) VALUES (?)", [(i,) for i in document_ids])
            for table, where in (("sources", " WHERE id IN (SELECT source_id FROM src.statements WHERE document_id IN"
                                              f" (SELECT id FROM wanted)) OR {MAYBE_NAMED}"),
                                 ("source_aliases", " WHERE source_id IN (SELECT id FROM main.sources)"),
                                 ("events", ""), ("frames", ""),
                                 ("documents", " WHERE id IN (SELECT id FROM wanted)"),
                                 ("appearances", " WHERE document_id IN (SELECT id FROM wanted)"),
                                 ("statements", " WHERE document_id IN (SELECT id FROM wanted)"),
                                 ("quantities", " WHERE statement_id IN (SELECT id FROM main.statements)"),
                                 ("statuses", " WHERE statement_id IN (SELECT id FROM main.statements)"),
                                 ("quote_openings", " WHERE statement_id IN (SELECT id FROM main.statements)")):
                cols = ", ".join(f'"{r[1]}"' for r in c.execute(f"PRAGMA main.table_info({table})"))
                c.execute(f"INSERT INTO main.{table} ({cols}) SELECT {cols} FROM src.{table}{where}")
            c.execute("COMMIT")
        finally:
            c.execute("DETACH DATABASE src")
        return copy

    def neighbours(self, statements: Iterable[Statement], reach: Reach, shas: Iterable[str] = (),
                   known: Iterable[int] = ()) -> set[int]:
        """Current stories that share a block with these statements (neighbour_stories: those sharing only an
        event frame with them included)."""
        whole, framed = self.neighbour_stories(statements, reach, shas, known)
        return whole | framed

    def neighbour_stories(self, statements: Iterable[Statement], reach: Reach, shas: Iterable[str] = (),
                          known: Iterable[int] = ()) -> tuple[set[int], set[int]]:
        """Current stories that share a block with these statements (a draft's, or those an audit finds changed):
        the same event frame within `reach` (_frame_blocks); the quotations of a named source the names may denote
        that share a run of three words with its quotes here (quote-mismatch, _quoting); a quotation with the same
        opening words at a length as alike as misattribution asks (quote_openings); a figure of the same event and
        measure as a record claim (and records of the events the figures count); durations and starts of the same event;
        statements of the same day whose claim holds every stem of the statement's proposition (polarity-conflict:
        the same words, negated, by another voice or the same one); stored copies of the same texts. Across
        stories the checks compare nothing outside these. Stories in `known` (read already) are left out.
        Two sets: the stories to read whole, and those sharing only event frames, of which the statements with a
        frame are enough (a statement without one meets only its own story's: checks.common.frame_of)."""
        statements = list(statements)
        quoting: dict[str, set[str]] = {}  # a named source's quotes: their runs of three words
        openings, measures, records, lasting, started = (set() for _ in range(5))
        for s in statements:  # most statements hold none of these: each test reads one field first
            if s.quoted:
                if s.source and s.quote and not story_local(s.source, s.source_kind):
                    quoting.setdefault(s.source, set()).update(r for q in s.quoted for r in quote_runs(q))
                openings.update((quote_opening(q), len(q)) for q in s.quoted if q.split())
            if s.event:
                for q in s.quantities:
                    if q.exact and (q.category or q.noun):
                        records.add(s.event)
                        if s.record:
                            measures.add((s.event, q.category or q.noun))
                if s.began:
                    started.add(s.event)
            if s.durations:
                lasting.update(q.category for q in s.durations if q.category)
        queries: list[tuple[str, list[Any]]] = [
            ("SELECT id FROM documents WHERE sha256 = ?", [sha]) for sha in set(shas)]
        queries += [("SELECT document_id FROM quote_openings WHERE opening = ? AND length BETWEEN ? AND ?",
                     [o, *quote_lengths(n, reach.quote_alike)]) for o, n in openings if reach.quote_alike is not None]
        queries += [("SELECT s.document_id FROM statements s JOIN events e ON e.id = s.event_id JOIN quantities q"
                     " ON q.statement_id = s.id WHERE e.key = ? AND coalesce(q.category, q.noun) = ?", [event, measure])
                    for event, measure in measures]
        queries += [("SELECT s.document_id FROM statements s JOIN events e ON e.id = s.event_id"
                     " WHERE s.record IS NOT NULL AND e.key = ?", [event]) for event in records]
        queries += [("SELECT s.document_id FROM statements s JOIN events e ON e.id = s.event_id"
                     " WHERE s.began IS NOT NULL AND e.key = ?", [event]) for event in lasting]
        queries += [("SELECT document_id FROM statements s JOIN quantities q ON q.statement_id = s.id"
                     f" WHERE q.category = ? AND q.unit IN ({','.join('?' * len(TIME_UNITS))})", [event, *TIME_UNITS])
                    for event in started]
        found = self._quoting(quoting, reach.quote_runs)
        for sql, params in queries:
            found |= {r[0] for r in self.conn.execute(sql, params)}
        framed: set[int] = set()
        for sql, params in self._frame_blocks(statements, reach):
            framed |= {r[0] for r in self.conn.execute(sql, params)}
        known = set(known)
        whole = self.current_documents(found - known | self._saying(self._sayings(statements, reach), known))
        return whole, self.current_documents(framed - known - whole)

    def _quoting(self, quoting: dict[str, set[str]], most: int) -> set[int]:
        """Stories quoting a named source (any the name may denote) in words that share a run of three with
        these quotes of it, a run at most `most` of the source's stored quotes use (quote-mismatch: a commoner
        run tells nothing). Only the quotations are read."""
        if not most or not quoting:  # the named sources are read only for quotes to compare
            return set()
        index, found = self._sources(), set()
        for name, runs in quoting.items():
            told: dict[str, set[int]] = {}  # run -> the stored quotes (statement ids) of the source using it
            stories: dict[int, int] = {}
            for sid, doc, quoted in self.conn.execute(
                    "SELECT id, document_id, quoted FROM statements WHERE source_id IN (SELECT value FROM json_each(?))"
                    " AND quote = 1 AND quoted != '[]'", [json.dumps(sorted({i for i, _ in index.candidates(name)}))]):
                stories[sid] = doc
                for run in runs & set().union(*map(quote_runs, json.loads(quoted))):
                    told.setdefault(run, set()).add(sid)
            found |= {stories[sid] for sids in told.values() if len(sids) <= most for sid in sids}
        return found

    def _sayings(self, statements: list[Statement], reach: Reach) -> set[tuple[str, frozenset[str], bool]]:
        """(day, stems of the proposition, denied) of the statements that may meet their other side that day (see
        _saying): every denial, and the affirmations of a day some stored statement denies something on. A negation
        word that does not negate its statement takes no side."""
        if reach.ignored is None:
            return set()
        days = {s.date for s in filter(_NEGATED, statements) if s.date} | {r[0] for r in self.conn.execute(
            "SELECT DISTINCT date FROM statements WHERE negated = 1 AND date IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(d for d in set(map(_DATE, statements)) if d))])}
        sayings: set[tuple[str, frozenset[str], bool]] = set()
        for s in statements if days else ():
            if s.date in days and (s.negated or not s.negations):
                stems = frozenset(rough_stem(w) for w in s.claim if w not in reach.ignored and w not in s.negations)
                if stems:
                    sayings.add((s.date, stems, s.negated))
        return sayings

    def _saying(self, sayings: set[tuple[str, frozenset[str], bool]], known: set[int]) -> set[int]:
        """Stories with a statement of the day on the other side (denying an affirmation, affirming a denial) whose
        claim's words hold every stem of the proposition: one read of each day's claims, indexed by stem; a day
        with only affirmations here reads only its denials."""
        by_day: dict[str, list[tuple[frozenset[str], bool]]] = {}
        for day, stems, negated in sayings:
            by_day.setdefault(day, []).append((stems, negated))
        found: set[int] = set()
        skip = json.dumps(sorted(known))
        for day, wanted in by_day.items():
            needed = frozenset().union(*(stems for stems, _ in wanted))
            index: dict[tuple[str, bool], set[int]] = {}
            denials_only = not any(negated for _, negated in wanted)
            for doc, claim, negated, negations in self.conn.execute(
                    "SELECT document_id, claim, negated, negations FROM statements WHERE date = ?"
                    + (" AND negated = 1" if denials_only else "")
                    + " AND document_id NOT IN (SELECT value FROM json_each(?))", [day, skip]):
                if not negated and negations:
                    continue  # takes no side
                for w in claim.split():
                    stem = rough_stem(w)
                    if stem in needed:
                        index.setdefault((stem, bool(negated)), set()).add(doc)
            for stems, negated in wanted:
                found |= set.intersection(*(index.get((x, not negated), set()) for x in stems))
        return found

    def _frame_blocks(self, statements: list[Statement], reach: Reach) -> list[tuple[str, list[Any]]]:
        """Queries for the statements of these statements' event frames that lie within `reach.days` of a day one
        of them is about (the day it names, its story's day, its figures' days: table frame_days, m020). A claim
        that the event is settled also reads the frame's agreed totals of any day, and an agreed total the frame's
        claims of any later day with the days around them."""
        told: dict[tuple[str, str], set[str | None]] = {}  # by (event, anchor): days as written, each read once
        settling: set[tuple[str, str]] = set()  # frames a statement calls settled
        totalling: set[tuple[str, str]] = set()  # frames with an agreed total
        for s in statements:
            if not s.frame or not s.event:
                continue
            key = (s.event, s.frame)
            written = told.get(key)
            if written is None:
                written = told[key] = set()
            written.add(s.date)
            written.add(s.published)
            if s.quantities:
                written.update(map(_DATE, s.quantities))
                if not reach.totals.isdisjoint(map(_ACTION, s.quantities)):
                    totalling.add(key)
            if s.statuses and any(st.state == reach.settled and not st.negated for st in s.statuses):
                settling.add(key)
        ids = {key: row[0] for key in told
               if (row := self.conn.execute("SELECT id FROM frames WHERE event = ? AND anchor = ?", key).fetchone())}
        days = {ids[key]: {d for d in map(_day, texts) if d} for key, texts in told.items() if key in ids}
        settled = {ids[key] for key in settling if key in ids}
        totalled = {ids[key] for key in totalling if key in ids}
        totals = sorted(reach.totals)
        queries: list[tuple[str, list[Any]]] = [
            ("SELECT s.document_id FROM quantities q CROSS JOIN statements s ON s.id = q.statement_id"  # the totals first:
             f" WHERE q.action IN ({','.join('?' * len(totals))}) AND s.frame_id = ?", [*totals, frame])  # few (m025)
            for frame in settled if totals]
        for frame in totalled:
            days[frame].update(d for (said,) in self.conn.execute(
                "SELECT DISTINCT s.date FROM statuses st CROSS JOIN statements s ON s.id = st.statement_id"
                " WHERE st.state = ? AND st.negated = 0 AND s.frame_id = ?", [reach.settled, frame]) if (d := _day(said)))
        width = timedelta(days=reach.days)
        for frame, found in days.items():
            for first, last in _spans(sorted(found), width):
                queries.append(("SELECT document_id FROM frame_days WHERE frame_id = ? AND day BETWEEN ? AND ?",
                                [frame, (first - width).isoformat(), (last + width).isoformat()]))
        return queries

    def _sources(self, c: sqlite3.Connection | None = None) -> SourceIndex:
        """The named sources, kept between calls; those added since the last look, by this or another process,
        are taken in first (in a write transaction, at its first look only: no other process writes meanwhile)."""
        if self._source_index is None:
            self._source_index = SourceIndex()
        index, conn = self._source_index, c or self.conn
        if self._index_current:
            return index
        last = conn.execute("SELECT coalesce(max(id), 0) FROM sources").fetchone()[0]
        for known in conn.execute(f"SELECT id, name, kind FROM sources WHERE id > ? AND id <= ? AND {MAYBE_NAMED}"
                                  " ORDER BY id", (index.seen, last)):
            index.add(*known)
        index.seen = max(index.seen, last)
        self._index_current = self._writing
        return index

    # --- schema ---------------------------------------------------------------------------------

    def _check_schema(self) -> None:
        """Refuse a database that is not ours, or that a newer factcheck has migrated."""
        tables = set(self.db.table_names())
        if "migrations" not in tables:
            if tables - {"sqlite_sequence"}:
                listed = ", ".join(sorted(tables)[:4]) + (", ..." if len(tables) > 4 else "")
                raise StoreError(f"{self.path}: not a factcheck database (it has tables {listed} but no migrations);"
                                 " choose another file with --db")
            return
        known = {m.__name__ for m in MIGRATIONS}
        newer = sorted({r["name"] for r in self.db["migrations"].rows} - known)
        if newer:
            raise StoreError(f"{self.path}: made by a newer factcheck (unknown migration {newer[0]}); upgrade factcheck")

    def _migrate(self) -> None:
        if "migrations" in self.db.table_names() and not self._pending():
            return  # the common case takes no write lock, so reading works while another process writes
        with self.transaction():
            # checked again inside the write lock: another process may have migrated meanwhile
            self._check_schema()
            if "migrations" not in self.db.table_names():
                self.db["migrations"].create({"name": str, "applied_at": str}, pk="name")
            for migration in self._pending():
                migration(self.db)
                self.conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                                  (migration.__name__, now()))

    def _pending(self) -> list[Callable[[sqlite_utils.Database], None]]:
        applied = {r["name"] for r in self.db["migrations"].rows}
        return [m for m in MIGRATIONS if m.__name__ not in applied]

    def applied_migrations(self) -> list[str]:
        """Names of the migrations recorded in this database, in the order applied."""
        return [r["name"] for r in self.db.query("SELECT name FROM migrations ORDER BY rowid")]

    @contextmanager
    def page_cache(self, kib: int) -> Iterator[None]:
        """SQLite's page cache at `kib` KiB within the block (its default: 2 MiB), as it was after it."""
        before = int(self.conn.execute("PRAGMA cache_size").fetchone()[0])
        self.conn.execute(f"PRAGMA cache_size = {-int(kib)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {before}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: BEGIN IMMEDIATE, COMMIT on success, ROLLBACK on any error."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._error(exc) from None
        self._writing = True
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:  # SQLite may have rolled back already (a full disk)
                self.conn.execute("ROLLBACK")
            self._source_index = None  # it may hold sources that were just rolled back
            if isinstance(exc, sqlite3.OperationalError):  # read-only, locked, disk full: one line, not a traceback
                raise self._error(exc) from None
            raise
        finally:
            self._writing = self._index_current = False

    # --- documents and statements -----------------------------------------------------------------

    def document_by_sha(self, sha256: str) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM documents WHERE sha256 = ?", [sha256]))
        return rows[0] if rows else None

    def add_document(self, doc: Document, statements: Iterable[Statement]) -> int:
        """Store one document with its statements in one transaction; returns the document id."""
        return self.store_document(doc, statements)[0]

    def store_document(self, doc: Document, statements: Rows | Iterable[Statement]) -> tuple[int, bool]:
        """(id, True) when the document is stored now, with its statements, in one transaction;
        (id of the stored copy, False) when its text is already stored, perhaps by another process a moment ago
        (from another outlet, URL or day, that is one more appearance of the stored story, recorded).

        A new text under the URL of a stored story (without a URL: the same outlet and title) is its new
        version: the old one is kept, marked superseded, and no longer checked."""
        with self.transaction() as c, _indexing(c):
            return self._store_document(c, doc, statements if isinstance(statements, Rows) else list(statements))

    def store_documents(self, extracted: Sequence[tuple[Document, Rows | Sequence[Statement]]]) -> list[tuple[int, bool]]:
        """store_document for each (document, statements or their Rows), all in one transaction: one commit, one sync to disk.
        Each document is stored whole or not at all, as the batch is."""
        with self.transaction() as c, _indexing(c):
            return [self._store_document(c, doc, statements) for doc, statements in extracted]

    def _store_document(self, c: sqlite3.Connection, doc: Document, statements: Rows | Sequence[Statement]
                        ) -> tuple[int, bool]:
        doc_id = self._insert_document(c, doc)
        if doc_id is None:
            stored = self._document_id(c, doc.sha256)
            self._appearance(c, stored, doc)
            return stored, False
        self._insert_statements(c, doc_id, statements)
        same = ("url = ?", [doc.url]) if doc.url else ("url IS NULL AND outlet = ? AND title = ?",
                                                        [doc.outlet, doc.title]) if doc.outlet and doc.title else None
        if same:
            c.execute(f"UPDATE documents SET superseded_by = ? WHERE {same[0]} AND id != ? AND superseded_by IS NULL",
                      [doc_id, *same[1], doc_id])
        return doc_id, True

    def add_appearance(self, doc_id: int, doc: Document) -> bool:
        """Record that the stored story `doc_id` appeared again as `doc`; False when nothing is new about it."""
        with self.transaction() as c:
            return self._appearance(c, doc_id, doc)

    def _appearance(self, c: sqlite3.Connection, doc_id: int, doc: Document) -> bool:
        """The stored story seen again with other provenance (outlet, URL or day): kept, once."""
        row = c.execute("SELECT outlet, url, published FROM documents WHERE id = ?", (doc_id,)).fetchone()
        seen = {tuple(row)} | {tuple(r) for r in c.execute(
            "SELECT outlet, url, published FROM appearances WHERE document_id = ?", (doc_id,))}
        if (doc.outlet, doc.url, doc.published) in seen:
            return False
        c.execute("INSERT INTO appearances (document_id, outlet, url, published, path, seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                  (doc_id, doc.outlet, doc.url, doc.published, doc.path, now()))
        return True

    def replaced(self, doc_id: int) -> list[int]:
        """The earlier versions of a story that this document superseded."""
        return [r["id"] for r in self.db.query("SELECT id FROM documents WHERE superseded_by = ? ORDER BY id", [doc_id])]

    def appearances(self, doc_id: int) -> list[dict[str, Any]]:
        """Where and when a stored story appeared besides its first filing."""
        return list(self.db.query("SELECT outlet, url, published, path FROM appearances WHERE document_id = ? ORDER BY id",
                                  [doc_id]))

    def add_statement(self, doc: Document, s: Statement) -> int:
        """Store one statement typed by hand, in a document of its own or an existing one by title."""
        with self.transaction() as c, _indexing(c):
            row = c.execute("SELECT id FROM documents WHERE title = ? ORDER BY id LIMIT 1", (doc.title,)).fetchone() if doc.title else None
            doc_id = row[0] if row else self._insert_document(c, doc)
            if doc_id is None:  # the same text filed under another title: it is that document
                doc_id = self._document_id(c, doc.sha256)
            return self._insert_statements(c, doc_id, [s])[0]

    def _insert_document(self, c: sqlite3.Connection, doc: Document) -> int | None:
        """The new document's id; None when a document with the same text (sha256) is already stored."""
        cursor = c.execute(
            "INSERT INTO documents (sha256, title, outlet, url, published, published_from, path, offset, text, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
            (doc.sha256, doc.title, doc.outlet, doc.url, doc.published, doc.published_from, doc.path, doc.offset,
             doc.text, now()))
        return cursor.lastrowid if cursor.rowcount == 1 else None

    def _document_id(self, c: sqlite3.Connection, sha256: str) -> int:
        return c.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()[0]

    def _insert_statements(self, c: sqlite3.Connection, doc_id: int, statements: Rows | Sequence[Statement]) -> list[int]:
        """Statements with their figures and states, in three executemany calls; returns their ids.

        Ids are assigned here: the transaction holds the write lock, so max(id) cannot move under us.
        """
        first = c.execute("SELECT coalesce(max(id), 0) + 1 FROM statements").fetchone()[0]
        sources: dict[tuple[str, str | None], int] = {}
        events: dict[tuple[str, str | None], int] = {}
        frames: dict[tuple[str, str], int] = {}
        rows, figures, states = [], [], []
        items = statements.items if isinstance(statements, Rows) else Rows(statements).items
        for sid, (source, source_kind, event, day, frame, values, told, stated) in enumerate(items, first):
            source_id = None
            if source:
                key = (source, source_kind)
                if key not in sources:
                    sources[key] = self._source_id(c, source, source_kind, doc_id)
                source_id = sources[key]
            event_id = None
            if event:
                if (event, day) not in events:
                    events[(event, day)] = self._event_id(c, event, day)
                event_id = events[(event, day)]
            frame_id = None
            if event and frame:
                if (event, frame) not in frames:
                    frames[(event, frame)] = self._frame_id(c, event, frame)
                frame_id = frames[(event, frame)]
            rows.append((sid, doc_id, source_id, event_id, frame_id, *values))
            figures += [(sid, *q) for q in told]
            states += [(sid, *st) for st in stated]
        c.executemany(
            "INSERT INTO statements (id, document_id, source_id, event_id, frame_id, text, start, end, source_start,"
            " source_end, cue, channel, date, date_text, quote, modality, role, sentence, negated, digest, incident,"
            " date_at, event_word, record, event_reference, claim, negations,"
            f" {', '.join(WORDING_COLUMNS)}) VALUES ({', '.join('?' * (27 + len(WORDING_COLUMNS)))})", rows)
        c.executemany("INSERT INTO quantities (statement_id, text, low, high, noun, category, each, action, hedge, start, end,"
                      " role, date, unit, partial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", figures)
        c.executemany("INSERT INTO statuses (statement_id, state, cue, negated, start, end) VALUES (?, ?, ?, ?, ?, ?)", states)
        return [row[0] for row in rows]

    def _source_id(self, c: sqlite3.Connection, name: str, kind: str | None, doc_id: int) -> int:
        """The source a statement names: an alias seen before, the one known source SourceIndex says the name
        denotes, or a new source. Descriptions ('an official', 'the poll') are their own in each story."""
        local = story_local(name, kind)
        alias = f"{name.lower()} #{doc_id}" if local else name.lower()
        row = c.execute("SELECT source_id FROM source_aliases WHERE alias = ?", (alias,)).fetchone()
        if row:
            return row[0]
        sid = None
        if not local:
            sid = self._sources(c).match(name)
        if sid is None:
            sid = c.execute("INSERT INTO sources (name, kind) VALUES (?, ?)", (name, kind or "person")).lastrowid
            if self._index_current:
                self._sources(c).add(sid, name, kind or "person")
        c.execute("INSERT INTO source_aliases (alias, source_id) VALUES (?, ?)", (alias, sid))
        return sid

    def _event_id(self, c: sqlite3.Connection, key: str, date: str | None) -> int:
        row = c.execute("SELECT id FROM events WHERE key = ? AND date IS ?", (key, date)).fetchone()
        if row:
            return row[0]
        return c.execute("INSERT INTO events (key, date) VALUES (?, ?)", (key, date)).lastrowid

    def _frame_id(self, c: sqlite3.Connection, event: str, anchor: str) -> int:
        row = c.execute("SELECT id FROM frames WHERE event = ? AND anchor = ?", (event, anchor)).fetchone()
        if row:
            return row[0]
        return c.execute("INSERT INTO frames (event, anchor) VALUES (?, ?)", (event, anchor)).lastrowid

    def statements(self, document_ids: Iterable[int] | None = None, search: str | None = None,
                   source: str | None = None, limit: int | None = None, offset: int = 0,
                   ids: Iterable[int] | None = None, readings: str = "all", framed: bool = False) -> list[Statement]:
        """Statements with their figures, states, sources and documents, in document order; `limit` and
        `offset` page through them (the page is cut in SQL: a page of a large database reads only that page).
        Without `document_ids` or `ids`, only the current version of each story: a superseded one is history.
        `readings` (READINGS): "all" as extracted, "checked" only those the checks read (CHECKED_WHERE), "cited"
        none of the word-level readings only checks use (CHECK_READINGS). `framed`: only those about an event
        frame."""
        where, params = ["s.frame_id IS NOT NULL"] if framed else [], []
        if ids is not None:
            where.append("s.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(sorted(set(ids))))
        elif document_ids is not None:
            where.append("s.document_id IN (SELECT value FROM json_each(?))")  # one parameter, however many ids
            params.append(json.dumps(sorted(set(document_ids))))
        else:
            where.append("d.superseded_by IS NULL")
        if search:
            where.append("s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)")
            params.append(search)
        if source:
            where.append("src.name LIKE ?")
            params.append(f"%{source}%")
        sql = (f"SELECT {READINGS[readings]} FROM statements s JOIN documents d ON d.id = s.document_id"
               " LEFT JOIN sources src ON src.id = s.source_id LEFT JOIN events e ON e.id = s.event_id"
               " LEFT JOIN frames f ON f.id = s.frame_id"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY s.document_id, s.start, s.id"
               + " LIMIT ? OFFSET ?")
        params += [-1 if limit is None else limit, offset]
        try:
            rows = self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search {search!r}: {exc}") from None
        ids = json.dumps([r[0] for r in rows])
        figures: dict[int, list[Quantity]] = {}
        for sid, *q in self.conn.execute(
                "SELECT statement_id, text, low, high, noun, category, each, action, hedge, start, end, role, date, unit,"
                " partial FROM quantities WHERE statement_id IN (SELECT value FROM json_each(?)) ORDER BY id", [ids]):
            q[5], q[13] = bool(q[5]), bool(q[13])  # each, partial
            figures.setdefault(sid, []).append(Quantity(*q))
        statuses: dict[int, list[Status]] = {}
        for sid, state, cue, negated, start, end in self.conn.execute(
                "SELECT statement_id, state, cue, negated, start, end FROM statuses"
                " WHERE statement_id IN (SELECT value FROM json_each(?)) ORDER BY id", [ids]):
            statuses.setdefault(sid, []).append(Status(state, cue, bool(negated), start, end))
        out = []
        for (sid, text, start, end, source, source_kind, source_start, source_end, cue, channel, day, date_text, date_at,
             event_word, record, event_reference, claim, negations, quote, modality, role, sentence, event, frame,
             incident, negated, document_id, title, outlet, published, url, sha256,
             words, word_starts, masked, quoted, mentions, began) in rows:
            told = figures.get(sid, ())
            out.append(Statement.restored({
                "text": text, "start": start, "end": end, "source": source, "source_kind": source_kind,
                "source_start": source_start, "source_end": source_end, "cue": cue, "channel": channel, "date": day,
                "date_text": date_text, "date_at": date_at, "quote": bool(quote), "modality": modality, "role": role,
                "sentence": sentence, "event": event, "event_word": event_word, "record": record,
                "event_reference": event_reference, "frame": frame, "incident": incident,
                "quantities": tuple(q for q in told if q.unit not in TIME_UNITS) if told else (),
                "statuses": tuple(statuses[sid]) if sid in statuses else (), "negated": bool(negated),
                "claim": tuple(claim.split()), "negations": tuple(negations.split()), "words": tuple(words.split()),
                "word_starts": tuple(map(int, word_starts.split())), "masked": tuple(masked.split()),
                "quoted": tuple(json.loads(quoted)) if quoted != "[]" else (),
                "mentions": tuple(Mention.from_row(m) for m in json.loads(mentions)) if mentions != "[]" else (),
                "durations": tuple(q for q in told if q.unit in TIME_UNITS) if told else (), "began": began,
                "document_id": document_id, "id": sid, "story_key": story_key(url, outlet, title, sha256),
                "document": title, "outlet": outlet, "published": published}))
        return out

    def story_parts(self, statements: int) -> list[list[int]]:
        """The current stories' ids, oldest first (by day, then as stored), in parts of about `statements`
        statements (a part closes with the story that reaches the count)."""
        parts: list[list[int]] = [[]]
        count = 0
        for doc, told in self.conn.execute(
                "SELECT d.id, (SELECT count(*) FROM statements s WHERE s.document_id = d.id) FROM documents d"
                " WHERE d.superseded_by IS NULL ORDER BY d.published, d.id"):
            if count >= statements:
                parts.append([])
                count = 0
            parts[-1].append(doc)
            count += told
        return parts if parts[0] else []

    def has_story(self, doc_id: int) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def story_links(self, doc_ids: Iterable[int]) -> tuple[dict[int, str], dict[int, tuple[dict[str, Any], ...]]]:
        """For these stories: where each was published (its URL), and the other appearances of those with any."""
        wanted = json.dumps(sorted(set(doc_ids)))
        urls = {r[0]: r[1] for r in self.conn.execute(
            "SELECT id, url FROM documents WHERE url IS NOT NULL AND id IN (SELECT value FROM json_each(?))", [wanted])}
        seen = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT document_id FROM appearances WHERE document_id IN (SELECT value FROM json_each(?))", [wanted])]
        return urls, {doc: tuple(self.appearances(doc)) for doc in seen}

    def documents(self, limit: int | None = None, offset: int = 0, current: bool = False) -> list[dict[str, Any]]:
        """Stored stories in the order they came in (`current`: only the latest version of each); `limit` and
        `offset` page through them."""
        return list(self.db.query(
            "SELECT id, title, outlet, url, published, published_from, path, ingested_at, superseded_by,"
            " (SELECT count(*) FROM statements s WHERE s.document_id = documents.id) AS statements,"
            " (SELECT count(*) FROM appearances a WHERE a.document_id = documents.id) AS appearances"
            " FROM documents" + (" WHERE superseded_by IS NULL" if current else "") + " ORDER BY id LIMIT ? OFFSET ?",
            [-1 if limit is None else limit, offset]))

    def events(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Event frames with what the current stories say of them: days, stories, statements, open flags;
        the most told first."""
        return list(self.db.query(
            "SELECT f.id, f.event, f.anchor, min(s.date) AS first_day, max(s.date) AS last_day,"
            " count(DISTINCT s.document_id) AS stories, count(*) AS statements,"
            " (SELECT count(DISTINCT fl.id) FROM flags fl JOIN flag_statements fs ON fs.flag_id = fl.id"
            "  JOIN statements s2 ON s2.id = fs.statement_id WHERE s2.frame_id = f.id"
            "  AND fl.state IN ('open', 'confirmed')) AS flags"
            " FROM frames f JOIN statements s ON s.frame_id = f.id JOIN documents d ON d.id = s.document_id"
            " WHERE d.superseded_by IS NULL GROUP BY f.id ORDER BY statements DESC, f.id LIMIT ? OFFSET ?",
            [-1 if limit is None else limit, offset]))

    def event(self, frame_id: int) -> tuple[dict[str, Any], list[Statement], dict[int, list[Flag]]]:
        """One event frame: its row, the current stories' statements about it in day order, and for each
        statement the open or confirmed flags citing it."""
        rows = list(self.db.query("SELECT id, event, anchor FROM frames WHERE id = ?", [frame_id]))
        if not rows:
            raise NotFoundError(f"event {frame_id}: no such event (see 'factcheck events')")
        docs = [r["document_id"] for r in self.db.query(
            "SELECT DISTINCT s.document_id FROM statements s JOIN documents d ON d.id = s.document_id"
            " WHERE s.frame_id = ? AND d.superseded_by IS NULL", [frame_id])]
        ids = {r["id"] for r in self.db.query("SELECT id FROM statements WHERE frame_id = ?", [frame_id])}
        told = sorted((s for s in self.statements(document_ids=docs) if s.id in ids),
                      key=lambda s: (s.date or "", s.document_id or 0, s.start))
        citing = list(self.db.query(
            "SELECT fs.statement_id, fs.flag_id FROM flag_statements fs JOIN flags fl ON fl.id = fs.flag_id"
            " JOIN statements s ON s.id = fs.statement_id WHERE s.frame_id = ? AND fl.state IN ('open', 'confirmed')"
            " ORDER BY fs.flag_id", [frame_id]))
        stored = {f.id: f for f in self.flags(ids={r["flag_id"] for r in citing})}
        flags: dict[int, list[Flag]] = {}
        for r in citing:
            flags.setdefault(r["statement_id"], []).append(stored[r["flag_id"]])
        return rows[0], told, flags

    def days(self) -> frozenset[str]:
        """Every day the stored statements tell of (to date a draft's dateline that names no year)."""
        return frozenset(r[0] for r in self.conn.execute(
            "SELECT DISTINCT date FROM statements WHERE length(date) = 10"))

    def current_stories(self) -> int:
        """How many stories are stored, each counted once whatever its versions."""
        return self.db.execute("SELECT count(*) FROM documents WHERE superseded_by IS NULL").fetchone()[0]

    def sources(self) -> list[dict[str, Any]]:
        return list(self.db.query(
            "SELECT src.id, src.name, src.kind,"
            " (SELECT group_concat(alias, '; ') FROM source_aliases a WHERE a.source_id = src.id) AS aliases,"
            " (SELECT count(*) FROM statements s WHERE s.source_id = src.id) AS statements"
            " FROM sources src ORDER BY statements DESC, src.name"))

    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in ("documents", "sources", "statements", "flags")}

    # --- flags ----------------------------------------------------------------------------------

    def sync_flags(self, findings: Iterable[Finding | Kept], run_id: int | None, scope: set[int] | None = None
                   ) -> dict[str, list[str]]:
        """Record this run's flags (findings, or what a run kept of them): new ones inserted, still-open ones
        touched, missing ones resolved.

        `scope` limits resolution to flags citing only those statement ids (an incremental run);
        None means the run saw everything. A triaged flag stays as the editor left it while what it rests
        on is unchanged: its claims when the check names them (a story that repeats the conflict, or an edit
        around it, only adds citations), else its cited statements; otherwise it is reopened, the reason
        saying what changed.
        """
        stamp = now()
        result: dict[str, list[str]] = {"new": [], "open": [], "resolved": [], "reopened": []}
        with self.transaction() as c:
            found: dict[str, Finding | Kept] = {}
            for f in findings:
                if f.outcome == "flag":
                    found.setdefault(f.fingerprint, f)
            stored = {fid: (state, digest, rowid) for fid, state, digest, rowid in _of_flags(
                c, "SELECT id, state, digest, rowid FROM flags", "id", found)[1]}
            new = [(fid, f) for fid, f in found.items() if fid not in stored]  # inserted together, in order found
            c.executemany("INSERT INTO flags (id, rule, kind, severity, message, detail, state, digest, first_seen, last_seen,"
                          " first_run, last_run) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)",
                          [(fid, f.rule, f.kind, f.severity, f.message, f.detail, _digest(f), stamp, stamp, run_id, run_id)
                           for fid, f in new])
            c.executemany("INSERT OR IGNORE INTO flag_statements (flag_id, statement_id, position) VALUES (?, ?, ?)",
                          [(fid, sid, pos) for fid, f in new for pos, sid in enumerate(cited_ids(f))])
            result["new"] += [fid for fid, _ in new]
            again = [(fid, f) for fid, f in found.items() if fid in stored]
            known = _citations(c, [fid for fid, _ in again])
            cite, update, history = [], [], []
            for fid, f in again:
                digest = _digest(f)
                state, old_digest, rowid = stored[fid]
                if state == "resolved":
                    state, reason = "open", "found again after it was resolved"
                    result["new"].append(fid)
                elif state in ("dismissed", "confirmed") and old_digest != digest:
                    state, reason = "open", _what_changed(old_digest or "", digest)
                    result["reopened"].append(fid)
                    history.append((fid, reason, stamp))
                else:
                    reason = None
                    result["open"].append(fid)
                cited = known.get(fid, set())  # another story told the same conflict: one more citation
                cite += [(fid, sid, pos) for pos, sid in enumerate(cited_ids(f), start=len(cited)) if sid not in cited]
                update.append((state, digest, f.message, f.detail, f.severity, stamp, run_id, reason, rowid))
            c.executemany("INSERT INTO triage_history (flag_id, state, note, by, at) VALUES (?, 'open', ?, 'factcheck', ?)",
                          history)
            c.executemany("INSERT OR IGNORE INTO flag_statements (flag_id, statement_id, position) VALUES (?, ?, ?)", cite)
            update.sort(key=itemgetter(-1))  # in the table's order: half the cost of updating in the run's
            c.executemany("UPDATE flags SET state = ?, digest = ?, message = ?, detail = ?, severity = ?, last_seen = ?,"
                          " last_run = ?, resolved_at = NULL, reopened_reason = coalesce(?, reopened_reason) WHERE rowid = ?",
                          update)
            missing = [fid for fid, in c.execute("SELECT id FROM flags WHERE state IN ('open', 'confirmed')") if fid not in found]
            if scope is not None:  # only those citing a statement the run saw
                cited = _citations(c, missing)
                missing = [fid for fid in missing if cited.get(fid, set()) & scope]
            c.executemany("UPDATE flags SET state = 'resolved', resolved_at = ? WHERE id = ?", [(stamp, fid) for fid in missing])
            result["resolved"] += missing
        return result

    def flags(self, states: Iterable[str] | None = None, ids: Iterable[str] | None = None,
              cited_from: str = "info", known: Mapping[int, Statement] | None = None) -> list[Flag]:
        """Stored flags with the statements they cite, oldest first; a flag below the `cited_from` severity (one a
        report only counts) comes without them, unless an editor confirmed it. Statements in `known` (by id: a run
        that has just checked them) are not read again: a first audit of a large archive lists some 100,000 flags."""
        known = known or {}
        rows, cited = self.flag_rows(states, ids, cited_from)
        wanted = {sid for sids in cited.values() for sid in sids}
        unknown = wanted - known.keys()
        by_id = {s.id: s for s in self.statements(ids=unknown, readings="cited")} if unknown else {}
        by_id.update((sid, known[sid]) for sid in wanted - unknown)
        return [_flag(r, [by_id[sid] for sid in cited.get(r["id"], []) if sid in by_id]) for r in rows]

    def flag_rows(self, states: Iterable[str] | None = None, ids: Iterable[str] | None = None,
                  cited_from: str = "info") -> tuple[list[dict[str, Any]], dict[str, list[int]]]:
        """Stored flags' rows, oldest first, and the ids of the statements each cites, in order (of those from the
        `cited_from` severity up, and those an editor confirmed): what `flags` reads before the statements."""
        where, params = [], []
        if states is not None:
            where.append("state IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(states)))
        columns, found = _of_flags(self.conn, "SELECT * FROM flags", "id", ids, where, params, "ORDER BY first_seen, id")
        rows = [dict(zip(columns, r)) for r in found]
        floor = severity_rank(cited_from)
        fids = [r["id"] for r in rows if severity_rank(r["severity"]) >= floor or r["state"] == "confirmed"]
        cited: dict[str, list[int]] = {}
        for fid, sid in _of_flags(self.conn, "SELECT flag_id, statement_id FROM flag_statements", "flag_id", fids,
                                  order="ORDER BY flag_id, position")[1]:  # only the cited statements of those asked for
            cited.setdefault(fid, []).append(sid)
        return rows, cited

    def flag_states(self, flag_ids: Iterable[str]) -> dict[str, str]:
        """Triage state of each stored flag among flag_ids."""
        return dict(_of_flags(self.conn, "SELECT id, state FROM flags", "id", flag_ids)[1])

    def flag_rules(self) -> set[str]:
        """Rule ids that stored flags name (rules since removed included)."""
        return {r["rule"] for r in self.db.query("SELECT DISTINCT rule FROM flags")}

    def flag(self, flag_id: str) -> Flag:
        """The flag with this id, or the one whose id starts with it (compared literally: '%' and '_' are no
        wildcards), with its triage history."""
        found = self.flags(ids=[flag_id])
        if not found and flag_id:
            matches = [r[0] for r in self.conn.execute(
                "SELECT id FROM flags WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT 6", (len(flag_id), flag_id))]
            if len(matches) > 1:
                shown = ", ".join(matches[:5]) + (", ..." if len(matches) > 5 else "")
                raise AmbiguousError(f"flag {flag_id}: ambiguous prefix, matches {shown}; give more of the id")
            found = self.flags(ids=matches)
        if not found:
            raise NotFoundError(f"flag {flag_id}: no such flag (see `factcheck flags --state all`)")
        return replace(found[0], history=tuple(self.history(found[0].id)))

    def triage(self, flag_id: str, state: str, note: str | None, by: str) -> Flag:
        fid = self.flag(flag_id).id
        stamp = now()
        with self.transaction() as c:
            c.execute("UPDATE flags SET state = ?, note = ?, triaged_by = ?, triaged_at = ?, reopened_reason = NULL WHERE id = ?",
                      (state, note, by, stamp, fid))
            c.execute("INSERT INTO triage_history (flag_id, state, note, by, at) VALUES (?, ?, ?, ?, ?)",
                      (fid, state, note, by, stamp))
        return self.flag(fid)

    def record_passes(self, passed: Iterable[Finding | Kept], run_id: int | None, scope: set[int] | None = None) -> None:
        """The checks that held at this run (findings, or what a run kept of them) replace those of the last one:
        all of them, or with `scope` (an incremental run) those citing one of the statement ids in scope."""
        stamp = now()
        with self.transaction() as c:
            if scope is None:
                c.execute("DELETE FROM pass_statements")
                c.execute("DELETE FROM passes")
            else:
                ids = sorted(scope)
                stale: set[str] = set()
                for i in range(0, len(ids), CHUNK):
                    chunk = ids[i:i + CHUNK]
                    stale |= {r[0] for r in c.execute(f"SELECT pass_id FROM pass_statements WHERE statement_id IN"
                                                      f" ({','.join('?' * len(chunk))})", chunk)}
                c.executemany("DELETE FROM pass_statements WHERE pass_id = ?", [(p,) for p in stale])
                c.executemany("DELETE FROM passes WHERE id = ?", [(p,) for p in stale])
            passed = [(f.fingerprint, f.rule, f.kind, f.message, f.detail, cited_ids(f)) for f in passed]
            c.executemany("INSERT OR IGNORE INTO passes (id, rule, kind, message, detail, run_id, seen_at)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?)", [(*f[:5], run_id, stamp) for f in passed])
            c.executemany("INSERT OR IGNORE INTO pass_statements (pass_id, statement_id, position) VALUES (?, ?, ?)",
                          [(f[0], sid, pos) for f in passed for pos, sid in enumerate(f[5]) if sid is not None])

    def passes(self, limit: int | None = None) -> list[Finding]:
        """The checks that held at the last run (the first `limit` of them), with the statements they cite."""
        rows = list(self.db.query("SELECT * FROM passes ORDER BY rowid LIMIT ?", [-1 if limit is None else limit]))
        cited: dict[str, list[int]] = {}
        for pid, sid in self.conn.execute(
                "SELECT pass_id, statement_id FROM pass_statements WHERE pass_id IN (SELECT value FROM json_each(?))"
                " ORDER BY pass_id, position", [json.dumps([r["id"] for r in rows])]):
            cited.setdefault(pid, []).append(sid)
        by_id = {s.id: s for s in self.statements(ids={i for ids in cited.values() for i in ids}, readings="cited")}
        return [Finding(rule=r["rule"], kind=r["kind"], severity="info", outcome="pass", message=r["message"] or "",
                        detail=r["detail"] or "", statements=tuple(by_id[i] for i in cited.get(r["id"], []) if i in by_id))
                for r in rows]

    def pass_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM passes").fetchone()[0]

    def history(self, flag_id: str) -> list[dict[str, Any]]:
        """Every verdict on the flag, oldest first: state, note, by whom, when."""
        return list(self.db.query("SELECT state, note, by, at FROM triage_history WHERE flag_id = ? ORDER BY id",
                                  [flag_id]))

    # --- runs -----------------------------------------------------------------------------------

    def start_run(self, command: str, rules_hash: str, full: bool) -> int:
        """A run row marked 'running', naming this process so readers can tell a run whose process died."""
        with self.transaction() as c:
            return c.execute("INSERT INTO runs (command, started, rules_hash, full, outcome, pid, host)"
                             " VALUES (?, ?, ?, ?, 'running', ?, ?)",
                             (command, now(), rules_hash, int(full), os.getpid(), socket.gethostname())).lastrowid

    def finish_run(self, run_id: int, outcome: str, **counts: int) -> None:
        with self.transaction() as c:
            c.execute("UPDATE runs SET finished = ?, outcome = ?, statements_checked = ?, new = ?, still_open = ?, resolved = ?"
                      " WHERE id = ?", (now(), outcome, *_run_counts(counts), run_id))

    def runs(self, command: str | None = None) -> list[dict[str, Any]]:
        if command:
            return list(self.db.query("SELECT * FROM runs WHERE command = ? ORDER BY id", [command]))
        return list(self.db.query("SELECT * FROM runs ORDER BY id"))

    # --- audit snapshot: what the last successful audit saw -------------------------------------

    @contextmanager
    def read_snapshot(self) -> Iterator[None]:
        """One consistent view for several reads (WAL: writers carry on meanwhile)."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            self.conn.execute("COMMIT")

    def revision(self) -> int:
        """The change counter (migrations m016, m018): it moves with every change to what checks read."""
        return self.conn.execute("SELECT n FROM revisions WHERE id = 1").fetchone()[0]

    def changed_documents(self, since: int) -> set[int]:
        """Stories inserted, edited, superseded or removed after the change counter stood at `since` (m018)."""
        return {r[0] for r in self.conn.execute("SELECT document_id FROM changed_documents WHERE revision > ?", (since,))}

    def current_documents(self, ids: Iterable[int]) -> set[int]:
        """Those of the ids that are stored stories in their current version."""
        wanted, out = sorted(set(ids)), set()
        for i in range(0, len(wanted), CHUNK):
            chunk = wanted[i:i + CHUNK]
            out |= {r[0] for r in self.conn.execute(
                f"SELECT id FROM documents WHERE superseded_by IS NULL AND id IN ({','.join('?' * len(chunk))})", chunk)}
        return out

    def documents_of(self, statement_ids: Iterable[int]) -> dict[int, int]:
        """statement id -> its document, for the ids that are stored."""
        wanted, out = sorted(set(statement_ids)), {}
        for i in range(0, len(wanted), CHUNK):
            chunk = wanted[i:i + CHUNK]
            out |= {r[0]: r[1] for r in self.conn.execute(
                f"SELECT id, document_id FROM statements WHERE id IN ({','.join('?' * len(chunk))})", chunk)}
        return out

    def audit_flags(self) -> dict[str, set[int]]:
        out: dict[str, set[int]] = {}
        for fid, sid in self.conn.execute("SELECT flag_id, statement_id FROM audit_flags"):
            out.setdefault(fid, set()).add(sid)
        return out

    def fail_stale_runs(self, command: str, note: str) -> list[int]:
        """Mark runs left 'running' (their process died) as failed; call only while holding the command's lock."""
        with self.transaction() as c:
            ids = [r[0] for r in c.execute("SELECT id FROM runs WHERE command = ? AND outcome = 'running'", (command,))]
            c.executemany("UPDATE runs SET outcome = 'failed', note = ? WHERE id = ?", [(note, i) for i in ids])
        return ids

    def finish_audit(self, run_id: int, flags: dict[str, set[int]], note: str, revision: int,
                     previous: dict[str, set[int]] | None = None, **counts: int) -> dict[str, Any]:
        """Record the audit snapshot and mark the run ok, in one transaction: all of it or none. `revision` is
        the change counter the run's statements were read at. Given the `previous` snapshot (as audit_flags read
        it), only the flags whose citations changed are written.

        The counter moves on here, so that no story's mark equals it any more: a row added to a story marked at the
        current count marks nothing (m027), which holds only while no audit has recorded that count. When nothing
        changed since the run read the counter, the moved counter is the one recorded (the next audit with nothing
        new reads no statement)."""
        with self.transaction() as c:
            current = c.execute("SELECT n FROM revisions WHERE id = 1").fetchone()[0]
            c.execute("UPDATE revisions SET n = n + 1 WHERE id = 1")
            if current == revision:
                revision = current + 1
            if previous is None:
                c.execute("DELETE FROM audit_flags")
                previous = {}
            stale = [(fid,) for fid, cited in previous.items() if flags.get(fid) != cited]
            c.executemany("DELETE FROM audit_flags WHERE flag_id = ?", stale)
            c.executemany("INSERT INTO audit_flags (flag_id, statement_id) VALUES (?, ?)",
                          [(fid, sid) for fid, cited in flags.items() if previous.get(fid) != cited for sid in cited])
            c.execute("UPDATE runs SET finished = ?, outcome = 'ok', note = ?, statements_checked = ?, new = ?,"
                      " still_open = ?, resolved = ?, revision = ? WHERE id = ?",
                      (now(), note, *_run_counts(counts), revision, run_id))
        return self.run(run_id)

    def fail_run(self, run_id: int, note: str) -> None:
        with self.transaction() as c:
            c.execute("UPDATE runs SET finished = ?, outcome = 'failed', note = ? WHERE id = ?", (now(), note, run_id))

    def run(self, run_id: int) -> dict[str, Any]:
        rows = list(self.db.query("SELECT * FROM runs WHERE id = ?", [run_id]))
        if not rows:
            raise NotFoundError(f"run {run_id}: no such run")
        return rows[0]
