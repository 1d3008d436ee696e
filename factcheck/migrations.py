"""claims.db's schema as migrations: small functions applied in order, their names recorded in the
`migrations` table (Store._migrate applies the pending ones). A schema change is a new function at the end."""
from __future__ import annotations

import sqlite_utils


def m001_documents(db: sqlite_utils.Database) -> None:
    db["documents"].create({
        "id": int, "sha256": str, "title": str, "outlet": str, "url": str, "published": str,
        "published_from": str, "path": str, "offset": int, "text": str, "ingested_at": str,
    }, pk="id")
    db["documents"].create_index(["sha256"], unique=True)


def m002_sources(db: sqlite_utils.Database) -> None:
    db["sources"].create({"id": int, "name": str, "kind": str}, pk="id")
    db["sources"].create_index(["name"])
    db["source_aliases"].create({"alias": str, "source_id": int}, pk="alias",
                                foreign_keys=[("source_id", "sources", "id")])


def m003_statements(db: sqlite_utils.Database) -> None:
    db["statements"].create({
        "id": int, "document_id": int, "source_id": int, "text": str, "start": int, "end": int,
        "source_start": int, "source_end": int, "cue": str, "channel": str, "date": str,
        "date_text": str, "quote": int, "modality": str, "role": str, "sentence": int,
        "event_id": int, "negated": int, "digest": str,
    }, pk="id", foreign_keys=[("document_id", "documents", "id"), ("source_id", "sources", "id")])
    db["statements"].create_index(["document_id"])
    db["statements"].create_index(["source_id"])
    db["statements"].enable_fts(["text"], create_triggers=True)


def m004_figures(db: sqlite_utils.Database) -> None:
    db["quantities"].create({
        "id": int, "statement_id": int, "text": str, "low": float, "high": float, "noun": str,
        "category": str, "each": int, "action": str, "hedge": str, "start": int, "end": int, "role": str,
        "date": str,
    }, pk="id", foreign_keys=[("statement_id", "statements", "id")])
    db["quantities"].create_index(["statement_id"])
    db["statuses"].create({
        "id": int, "statement_id": int, "state": str, "cue": str, "negated": int, "start": int, "end": int,
    }, pk="id", foreign_keys=[("statement_id", "statements", "id")])
    db["statuses"].create_index(["statement_id"])


def m005_events(db: sqlite_utils.Database) -> None:
    db["events"].create({"id": int, "key": str, "date": str}, pk="id")
    db["events"].create_index(["key", "date"], unique=True)


def m006_flags_runs(db: sqlite_utils.Database) -> None:
    db["runs"].create({
        "id": int, "command": str, "started": str, "finished": str, "rules_hash": str, "full": int,
        "statements_checked": int, "new": int, "still_open": int, "resolved": int, "outcome": str,
    }, pk="id")
    db["flags"].create({
        "id": str, "rule": str, "kind": str, "severity": str, "message": str, "detail": str,
        "state": str, "digest": str, "first_seen": str, "last_seen": str, "resolved_at": str,
        "first_run": int, "last_run": int, "note": str, "triaged_by": str, "triaged_at": str,
        "reopened_reason": str,
    }, pk="id")
    db["flag_statements"].create({"flag_id": str, "statement_id": int, "position": int},
                                 pk=("flag_id", "statement_id"),
                                 foreign_keys=[("flag_id", "flags", "id")])


def m007_audit_snapshot(db: sqlite_utils.Database) -> None:
    # what the last successful audit saw: each statement's content digest, and the flags it found with their citations
    db["audit_statements"].create({"statement_id": int, "digest": str}, pk="statement_id")
    db["audit_flags"].create({"flag_id": str, "statement_id": int}, pk=("flag_id", "statement_id"))
    db["runs"].add_column("note", str)


def m008_frames(db: sqlite_utils.Database) -> None:
    # an event frame: a type and its anchor (place or parties); statements of one frame are compared across stories
    db["frames"].create({"id": int, "event": str, "anchor": str}, pk="id")
    db["frames"].create_index(["event", "anchor"], unique=True)
    db["statements"].add_column("frame_id", int)
    db["statements"].create_index(["frame_id"])


def m009_incidents(db: sqlite_utils.Database) -> None:
    # how an incident was carried out and what it hit: tells two incidents of one frame and day apart
    db["statements"].add_column("incident", str)


def m010_run_process(db: sqlite_utils.Database) -> None:
    # the process that started a run, so a run still 'running' whose process is gone reads as failed
    db["runs"].add_column("pid", int)
    db["runs"].add_column("host", str)


def m011_wording(db: sqlite_utils.Database) -> None:
    # what checks compare word by word, read once by extraction (words, quoted sentences, numbers as written,
    # durations and starts, shares); statements stored before are read now, from their stored text
    from factcheck.extract.durations import event_start, find_durations
    from factcheck.extract.quantities import PERCENT_SIGN
    from factcheck.extract.wording import wording
    from factcheck.lexicon import default_lexicon
    from factcheck.model import PERCENT, Statement
    from factcheck.store import WORDING_COLUMNS, wording_row

    for column in WORDING_COLUMNS:
        db["statements"].add_column(column, str)
    db["quantities"].add_column("unit", str)
    rows = list(db.execute("SELECT id, text, quote FROM statements").fetchall())
    if not rows:
        return
    lex = default_lexicon()  # durations and starts are read with the default vocabulary
    updates, durations = [], []
    for sid, text, quote in rows:
        s = Statement(text=text, start=0, end=0, **wording(text, bool(quote))._asdict(), began=event_start(text, lex))
        updates.append((*wording_row(s), sid))
        durations += [(sid, q.text, q.low, q.high, q.noun, q.category, q.hedge, q.start, q.end, q.unit)
                      for q in find_durations(text, lex)]
    db.conn.executemany(f"UPDATE statements SET {', '.join(c + ' = ?' for c in WORDING_COLUMNS)} WHERE id = ?", updates)
    db.conn.executemany("INSERT INTO quantities (statement_id, text, low, high, noun, category, each, hedge, start, end, role,"
                        " unit) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 'figure', ?)", durations)
    shares = [(PERCENT, qid) for qid, text in db.execute("SELECT id, text FROM quantities WHERE unit IS NULL").fetchall()
              if PERCENT_SIGN.search(text)]
    db.conn.executemany("UPDATE quantities SET unit = ? WHERE id = ?", shares)


def m012_versions_appearances(db: sqlite_utils.Database) -> None:
    # a story ingested again under its URL (or outlet and title) with new text is a new version: the old one
    # stays in history but is no longer checked; the same text from another outlet, URL or day is another
    # appearance of the stored story (wire copy), kept as provenance
    db["documents"].add_column("superseded_by", int)
    db["appearances"].create({"id": int, "document_id": int, "outlet": str, "url": str, "published": str, "path": str,
                              "seen_at": str}, pk="id", foreign_keys=[("document_id", "documents", "id")])
    db["appearances"].create_index(["document_id"])


def m013_triage_history(db: sqlite_utils.Database) -> None:
    # every verdict on a flag (confirm, dismiss, reopen; and reopening when its claims change), never overwritten
    db["triage_history"].create({"id": int, "flag_id": str, "state": str, "note": str, "by": str, "at": str},
                                pk="id", foreign_keys=[("flag_id", "flags", "id")])
    db["triage_history"].create_index(["flag_id"])
    db.execute("INSERT INTO triage_history (flag_id, state, note, by, at) SELECT id, state, note, triaged_by, triaged_at"
               " FROM flags WHERE triaged_by IS NOT NULL")


def m014_passes(db: sqlite_utils.Database) -> None:
    # the checks that held at the last full run (verify or audit), so a report reads them instead of re-checking
    db["passes"].create({"id": str, "rule": str, "kind": str, "message": str, "detail": str, "run_id": int,
                         "seen_at": str}, pk="id")
    db["pass_statements"].create({"pass_id": str, "statement_id": int, "position": int},
                                 pk=("pass_id", "statement_id"), foreign_keys=[("pass_id", "passes", "id")])


def m015_readings(db: sqlite_utils.Database) -> None:
    # what date-conflict, status-conflict, sum-mismatch and superlative-conflict read instead of the text: where the
    # statement's day is written, the word naming its event, its record claim, and whether a total's parts are only
    # some of it ('including'); statements stored before are read now, from their stored text
    from factcheck.extract.quantities import partial_breakdown
    from factcheck.extract.states import event_word
    from factcheck.extract.superlatives import record_claim
    from factcheck.lexicon import default_lexicon

    db["statements"].add_column("date_at", int)
    db["statements"].add_column("event_word", str)
    db["statements"].add_column("record", str)
    db["quantities"].add_column("partial", int, not_null_default=0)
    rows = db.execute("SELECT s.id, s.text, s.date_text, e.key FROM statements s LEFT JOIN events e ON e.id = s.event_id")
    lex = default_lexicon()
    updates = []
    for sid, text, date_text, event in rows.fetchall():
        at = text.find(date_text) if date_text else -1
        updates.append((at if at >= 0 else None, event_word(text, event, lex), record_claim(text, event, lex), sid))
    db.conn.executemany("UPDATE statements SET date_at = ?, event_word = ?, record = ? WHERE id = ?", updates)
    totals = db.execute(
        "SELECT q.id, s.text, q.end, (SELECT min(p.start) FROM quantities p WHERE p.statement_id = q.statement_id"
        " AND p.role = 'part' AND p.start >= q.end) FROM quantities q JOIN statements s ON s.id = q.statement_id"
        " WHERE q.role = 'total'").fetchall()
    db.conn.executemany("UPDATE quantities SET partial = 1 WHERE id = ?",
                        [(qid,) for qid, text, end, first in totals if first is not None
                         and partial_breakdown(text[end:first], lex)])


# the tables whose rows a check reads: any insert, edit or removal there is a change an audit must see
CHECKED_TABLES = ("documents", "statements", "quantities", "statuses", "sources")


def m016_revisions(db: sqlite_utils.Database) -> None:
    # one counter that every change to what checks read moves (kept by triggers, so an edit made by any process,
    # or by hand in SQL, counts); an audit records it, and the next one with the same counter and rules has
    # nothing to check and loads nothing
    db.execute("CREATE TABLE revisions (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)")
    db.execute("INSERT INTO revisions (id, n) VALUES (1, 0)")
    for table in CHECKED_TABLES:
        for op in ("INSERT", "UPDATE", "DELETE"):
            db.execute(f"CREATE TRIGGER {table}_{op.lower()}_revision AFTER {op} ON {table}"
                       " BEGIN UPDATE revisions SET n = n + 1 WHERE id = 1; END")
    db["runs"].add_column("revision", int)


MIGRATION_BATCH = 20_000  # statements read and updated at a time by a migration that reads every statement


def m017_claims(db: sqlite_utils.Database) -> None:
    # what polarity-conflict and place-conflict read instead of the words: the claim (contractions cut to their
    # verb) and the negation words in it, and how the statement names its event ("an explosion" / "the
    # explosion" / "explosions"); statements stored before are read now, from their stored words
    from factcheck.extract.claims import claim, event_reference
    from factcheck.lexicon import default_lexicon

    db["statements"].add_column("event_reference", str)
    db["statements"].add_column("claim", str, not_null_default="")
    db["statements"].add_column("negations", str, not_null_default="")
    lex = default_lexicon()
    last = 0
    while True:  # a batch at a time: a large database's words are never all in memory
        rows = db.execute("SELECT s.id, s.words, e.key FROM statements s LEFT JOIN events e ON e.id = s.event_id"
                          " WHERE s.id > ? ORDER BY s.id LIMIT ?", [last, MIGRATION_BATCH]).fetchall()
        if not rows:
            break
        updates = []
        for sid, words, event in rows:
            said = tuple((words or "").split())
            claimed, negations = claim(said, lex)
            updates.append((event_reference(said, event, lex), " ".join(claimed), " ".join(negations), sid))
        db.conn.executemany("UPDATE statements SET event_reference = ?, claim = ?, negations = ? WHERE id = ?", updates)
        last = rows[-1][0]


# the change counter's triggers (m018, m027): move the count on; mark a story changed at the current count
BUMP = "UPDATE revisions SET n = n + 1 WHERE id = 1"
MARK = "INSERT OR REPLACE INTO changed_documents (document_id, revision) "
COUNT = "(SELECT n FROM revisions WHERE id = 1)"


def m018_changed_documents(db: sqlite_utils.Database) -> None:
    # which stories changed, and at which count of the change counter: an incremental audit reads only the
    # stories changed since the counter it recorded (and those sharing a block with them), never the whole table
    db.execute("CREATE TABLE changed_documents (document_id INTEGER PRIMARY KEY, revision INTEGER NOT NULL)")
    db.execute("CREATE INDEX idx_changed_documents_revision ON changed_documents (revision)")
    bump = BUMP + ";"
    mark = MARK + "{} ;"
    of_row = {"documents": "SELECT {r}.id, " + COUNT,
              "statements": "SELECT {r}.document_id, " + COUNT,
              "quantities": "SELECT document_id, " + COUNT + " FROM statements WHERE id = {r}.statement_id",
              "statuses": "SELECT document_id, " + COUNT + " FROM statements WHERE id = {r}.statement_id",
              "sources": "SELECT DISTINCT document_id, " + COUNT + " FROM statements WHERE source_id = {r}.id"}
    for table in CHECKED_TABLES:
        for op in ("INSERT", "UPDATE", "DELETE"):
            db.execute(f"DROP TRIGGER {table}_{op.lower()}_revision")
            if table == "sources" and op != "UPDATE":
                body = bump  # a source nobody cites yet, or one removed with its statements: no story changed by it
            else:
                rows = ("new",) if op == "INSERT" else ("old",) if op == "DELETE" else ("old", "new")
                body = bump + "".join(mark.format(of_row[table].format(r=r)) for r in rows)
            db.execute(f"CREATE TRIGGER {table}_{op.lower()}_revision AFTER {op} ON {table} BEGIN {body} END")
    db.execute("UPDATE runs SET revision = NULL")  # changes before this were counted but not placed: one full audit
    db["audit_statements"].drop()  # each statement's digest at the last audit: the change count replaces it


def m019_statement_days(db: sqlite_utils.Database) -> None:
    # the statements of one day, for what compares across stories only on the same day (polarity-conflict)
    db["statements"].create_index(["date"])


# the days a statement of an event frame is about: the day it names, its story's day and its figures' days
FRAME_DAYS = {
    "statements": ("SELECT NEW.frame_id, substr(NEW.date, 1, 10), NEW.id, NEW.document_id"
                   " WHERE NEW.frame_id IS NOT NULL AND length(NEW.date) >= 10"
                   " UNION SELECT NEW.frame_id, substr(d.published, 1, 10), NEW.id, NEW.document_id FROM documents d"
                   " WHERE NEW.frame_id IS NOT NULL AND d.id = NEW.document_id AND length(d.published) >= 10"
                   " UNION SELECT NEW.frame_id, substr(q.date, 1, 10), NEW.id, NEW.document_id FROM quantities q"
                   " WHERE NEW.frame_id IS NOT NULL AND q.statement_id = NEW.id AND length(q.date) >= 10"),
    "quantities": ("SELECT s.frame_id, substr(NEW.date, 1, 10), s.id, s.document_id FROM statements s"
                   " WHERE s.id = NEW.statement_id AND s.frame_id IS NOT NULL AND length(NEW.date) >= 10"),
}

FILL_FRAME_DAYS = (  # the same rows for the statements stored before the triggers
    "INSERT OR IGNORE INTO frame_days (frame_id, day, statement_id, document_id)"
    " SELECT frame_id, substr(date, 1, 10), id, document_id FROM statements WHERE frame_id IS NOT NULL AND length(date) >= 10"
    " UNION SELECT s.frame_id, substr(d.published, 1, 10), s.id, s.document_id FROM statements s"
    " JOIN documents d ON d.id = s.document_id WHERE s.frame_id IS NOT NULL AND length(d.published) >= 10"
    " UNION SELECT s.frame_id, substr(q.date, 1, 10), s.id, s.document_id FROM statements s"
    " JOIN quantities q ON q.statement_id = s.id WHERE s.frame_id IS NOT NULL AND length(q.date) >= 10")


def m020_frame_days(db: sqlite_utils.Database) -> None:
    # the blocks of an event frame by day: a draft or an audit reads the frame's statements within a few days of
    # those it checks (Store.neighbours), not the frame's whole history; kept by triggers, as the statements are
    db.execute("CREATE TABLE frame_days (frame_id INTEGER NOT NULL, day TEXT NOT NULL, statement_id INTEGER NOT NULL,"
               " document_id INTEGER NOT NULL, PRIMARY KEY (frame_id, day, statement_id)) WITHOUT ROWID")
    db.execute("CREATE INDEX idx_frame_days_statement ON frame_days (statement_id)")
    insert = "INSERT OR IGNORE INTO frame_days (frame_id, day, statement_id, document_id) "
    drop = "DELETE FROM frame_days WHERE statement_id = {}.id;"
    db.execute(f"CREATE TRIGGER statements_frame_days AFTER INSERT ON statements BEGIN {insert}{FRAME_DAYS['statements']}; END")
    db.execute("CREATE TRIGGER statements_frame_days_update AFTER UPDATE OF frame_id, date, document_id ON statements"
               f" BEGIN {drop.format('OLD')} {insert}{FRAME_DAYS['statements']}; END")
    db.execute(f"CREATE TRIGGER statements_frame_days_delete AFTER DELETE ON statements BEGIN {drop.format('OLD')} END")
    db.execute(f"CREATE TRIGGER quantities_frame_days AFTER INSERT ON quantities BEGIN {insert}{FRAME_DAYS['quantities']}; END")
    db.execute("CREATE TRIGGER quantities_frame_days_update AFTER UPDATE OF date, statement_id ON quantities"
               f" BEGIN {insert}{FRAME_DAYS['quantities']}; END")
    db.execute(FILL_FRAME_DAYS)



def m021_story_versions(db: sqlite_utils.Database) -> None:
    # a new version of a story is found by its URL, else its outlet and title, and names the versions it replaced:
    # indexed, or storing each document would scan every other
    db["documents"].create_index(["url"])
    db["documents"].create_index(["outlet", "title"])
    db["documents"].create_index(["superseded_by"])


def m022_rare_claims(db: sqlite_utils.Database) -> None:
    # the few statements that claim a record or date an event's start, by event: a draft or an audit looks them up
    # for every event it touches, which without these indexes reads every statement
    db.execute("CREATE INDEX idx_statements_records ON statements (event_id) WHERE record IS NOT NULL")
    db.execute("CREATE INDEX idx_statements_began ON statements (event_id) WHERE began IS NOT NULL")


def m023_search_index_by_store(db: sqlite_utils.Database) -> None:
    # new statements enter the full-text index as the store inserts them, a transaction's at once
    # (store._indexing): the trigger per row took half of the time of storing them. Edits and removals keep their
    # triggers; a statement inserted by hand in SQL is searchable after
    # INSERT INTO statements_fts (statements_fts) VALUES ('rebuild').
    db.execute("DROP TRIGGER IF EXISTS statements_ai")


def m024_denials_by_day(db: sqlite_utils.Database) -> None:
    # the few statements that deny something, by day: an affirmation is compared across stories only with the
    # denials of its day (polarity-conflict), and a draft or an audit looks for them on each day it touches
    db.execute("CREATE INDEX idx_statements_denials ON statements (date) WHERE negated = 1")


def m025_totals_and_states(db: sqlite_utils.Database) -> None:
    # figures by what happened to them and states by name: a claim that an event is settled looks up the agreed
    # totals (rare) and an agreed total the claims of completion, instead of reading every statement of the frame
    db["quantities"].create_index(["action"])
    db["statuses"].create_index(["state"])


def m026_frame_days_when_framed(db: sqlite_utils.Database) -> None:
    # the frame_days triggers of m020 fire only for what they can add: a statement of a frame, a figure with a day
    # (most statements have no frame; the trigger body ran for each of them)
    insert = "INSERT OR IGNORE INTO frame_days (frame_id, day, statement_id, document_id) "
    db.execute("DROP TRIGGER statements_frame_days")
    db.execute("CREATE TRIGGER statements_frame_days AFTER INSERT ON statements WHEN NEW.frame_id IS NOT NULL"
               f" BEGIN {insert}{FRAME_DAYS['statements']}; END")
    db.execute("DROP TRIGGER quantities_frame_days")
    db.execute("CREATE TRIGGER quantities_frame_days AFTER INSERT ON quantities WHEN length(NEW.date) >= 10"
               f" BEGIN {insert}{FRAME_DAYS['quantities']}; END")


def m027_marks_once(db: sqlite_utils.Database) -> None:
    # a statement, figure or state added to a story already marked at the current count of the change counter
    # marks nothing again: storing a document marked it (its insert), and its rows then cost one lookup each
    # instead of two writes. This holds because an audit moves the counter on when it records it
    # (Store.finish_audit), as this migration does once, so a mark equal to the counter is never one an audit saw.
    story = {"statements": "NEW.document_id",
             "quantities": "(SELECT document_id FROM statements WHERE id = NEW.statement_id)",
             "statuses": "(SELECT document_id FROM statements WHERE id = NEW.statement_id)"}
    for table, doc in story.items():
        db.execute(f"DROP TRIGGER {table}_insert_revision")
        db.execute(f"CREATE TRIGGER {table}_insert_revision AFTER INSERT ON {table}"
                   f" WHEN (SELECT revision FROM changed_documents WHERE document_id = {doc}) IS NOT {COUNT}"
                   f" BEGIN {BUMP}; {MARK} SELECT {doc}, {COUNT}; END")
    db.execute(BUMP)


def m028_quote_openings(db: sqlite_utils.Database) -> None:
    # the quotations of the stored statements by their opening words (model.quote_opening) and length: a draft, an audit or a
    # part of a verify looks up those its quotes open with, where a LIKE over the stored quotes read every one of
    # them for each opening. Filled by the store as it indexes what it inserts (store._indexing)
    from factcheck.store import quote_openings

    db.execute("CREATE TABLE quote_openings (opening TEXT NOT NULL, length INTEGER NOT NULL, statement_id INTEGER NOT NULL,"
               " document_id INTEGER NOT NULL, PRIMARY KEY (opening, length, statement_id)) WITHOUT ROWID")
    db.execute("CREATE INDEX idx_quote_openings_statement ON quote_openings (statement_id)")
    db.execute("CREATE TRIGGER statements_quote_openings_delete AFTER DELETE ON statements"
               " BEGIN DELETE FROM quote_openings WHERE statement_id = OLD.id; END")
    quote_openings(db.conn, 0)


MIGRATIONS = [m001_documents, m002_sources, m003_statements, m004_figures, m005_events, m006_flags_runs, m007_audit_snapshot,
              m008_frames, m009_incidents, m010_run_process, m011_wording, m012_versions_appearances,
              m013_triage_history, m014_passes, m015_readings, m016_revisions,
              m017_claims, m018_changed_documents, m019_statement_days,
              m020_frame_days, m021_story_versions, m022_rare_claims, m023_search_index_by_store,
              m024_denials_by_day, m025_totals_and_states, m026_frame_days_when_framed,
              m027_marks_once, m028_quote_openings]
