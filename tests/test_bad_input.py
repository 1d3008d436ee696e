"""Bad input: one line naming the file (or row) and the reason, exit 2, nothing stored from it, the others still go in."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.store import Store

GOOD = "Harbour ferries resume\n\nThe port authority said the ferries would sail again on Monday.\n"


def error_lines(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [line for line in result.stderr.splitlines() if line.strip()]


def stored_documents(db: Path) -> list[str]:
    return [row["path"] for row in Store(db).documents()]


BAD_FILES = {
    "missing": (None, "no such file"),
    "empty.txt": ("", "empty file"),
    "blank.txt": ("  \n\n\t\n", "empty file"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    "latin1.txt": ("Caf\u00e9 owners said prices rose.".encode("latin-1"), "not UTF-8"),
    "notes.pdf": ("%PDF-1.4 pretend", "unknown format"),
    "rows.jsonl": ('\n{"text": oops}\n', "line 2 is not JSON: expecting value at column 10"),
    "array.jsonl": ('["not", "an", "object"]\n', "not a JSON object"),
    "notext.jsonl": ('{"title": "No body here"}\n', "missing 'text'"),
    "baddate.jsonl": ('{"text": "The ferries sail.", "published": "someday"}\n', "is not a date"),
    "badtitle.jsonl": ('{"text": "The ferries sail.", "title": {"a": 1}}\n', "'title' must be text"),
    "nocol.csv": ("headline,body\nFerries,They sail.\n", "needs a 'text' column"),
    "badrow.csv": ('text,published\n"The ferries sail.",not-a-date\n', "is not a date"),
    "badfm.md": ("---\ntitle Ferries\n---\nThe ferries sail.\n", "malformed front matter"),
    "openfm.md": ("---\ntitle: Ferries\n\nThe ferries sail on Monday.\n", "never closed"),
    "fmdate.md": ("---\npublished: next week\n---\nThe ferries sail.\n", "is not a date"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_exits_2_with_one_line_and_the_good_file_still_goes_in(name, write, fc, db_path):
    content, reason = BAD_FILES[name]
    bad = write(name, content) if content is not None else db_path.parent / "missing.txt"
    good = write("good.txt", GOOD)
    result = fc("ingest", bad, good)
    assert result.exit_code == 2
    lines = error_lines(result)
    assert len(lines) == 1, lines
    assert str(bad) in lines[0] and reason in lines[0]
    assert "Traceback" not in result.output
    assert stored_documents(db_path) == [str(good)]


def test_directory_without_articles(tmp_path, write, fc, db_path):
    empty = tmp_path / "empty-dir"
    empty.mkdir()
    write("empty-dir/notes.pdf", "%PDF")
    result = fc("ingest", empty)
    assert result.exit_code == 2
    assert error_lines(result) == [f"factcheck: {empty}: directory holds no articles (.txt, .md, .html, .jsonl, .csv)"]
    assert stored_documents(db_path) == []


def test_directory_with_one_bad_file_stores_the_rest(tmp_path, write, fc, db_path):
    write("desk/a.txt", GOOD)
    write("desk/b.txt", b"\x00\x01\x02\x03")
    write("desk/c.md", "---\ntitle: Rain\n---\nForecasters said rain would fall on Tuesday.\n")
    result = fc("ingest", tmp_path / "desk")
    assert result.exit_code == 2
    assert len(error_lines(result)) == 1 and "b.txt: binary file" in result.stderr
    assert sorted(Path(p).name for p in stored_documents(db_path)) == ["a.txt", "c.md"]


def test_ingesting_the_same_text_again_is_a_no_op_that_says_so(write, fc, db_path):
    path = write("a.txt", GOOD)
    assert fc("ingest", path).exit_code == 0
    copy = write("copy.txt", GOOD)
    result = fc("ingest", copy)
    assert result.exit_code == 0
    assert "already stored" in result.stdout and "nothing to do" in result.stdout
    store = Store(db_path)
    assert store.counts()["documents"] == 1


def test_one_bad_row_is_named_and_the_other_rows_go_in(write, fc, db_path):
    rows = write("rows.jsonl", '{"text": "The ferries sail on Monday."}\n{"title": "no text"}\n'
                               '{"text": "The trams run on Tuesday."}\n')
    result = fc("ingest", rows)
    assert result.exit_code == 2
    assert error_lines(result) == [f"factcheck: {rows}: line 2: missing 'text'"]
    assert [d["title"] for d in Store(db_path).documents()] == ["The ferries sail on Monday.", "The trams run on Tuesday."]


# --- the database itself --------------------------------------------------------------------------

def test_non_sqlite_file_as_db(write, fc):
    db = write("notes.db", "These are my notes, not a database. " * 40)
    before = db.read_bytes()
    result = fc("statements", db=db)
    assert result.exit_code == 2
    assert error_lines(result) == [f"factcheck: {db}: not an SQLite database"]
    assert db.read_bytes() == before


def test_foreign_sqlite_database_is_refused_and_left_alone(tmp_path, fc):
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (9.5)")
    conn.commit()
    conn.close()
    result = fc("ingest", tmp_path / "nothing.txt", db=db)
    assert result.exit_code == 2
    lines = error_lines(result)
    assert len(lines) == 1 and "not a factcheck database" in lines[0] and "invoices" in lines[0]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall() == [("invoices",)]
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_database_from_a_newer_factcheck_is_refused(write, fc, db_path):
    assert fc("ingest", write("a.txt", GOOD)).exit_code == 0
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO migrations (name, applied_at) VALUES ('m999_from_the_future', '2031-01-01')")
    conn.commit()
    conn.close()
    result = fc("statements", "--format", "json")
    assert result.exit_code == 2
    assert error_lines(result) == [f"factcheck: {db_path}: made by a newer factcheck (unknown migration "
                                   "m999_from_the_future); upgrade factcheck"]
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM documents").fetchone() == (1,)


def test_directory_as_db(tmp_path, fc):
    result = fc("statements", db=tmp_path)
    assert result.exit_code == 2 and "is a directory" in result.stderr


def test_bad_busy_timeout_setting(fc, monkeypatch):
    monkeypatch.setenv("FACTCHECK_BUSY_TIMEOUT_MS", "soon")
    result = fc("add", "The pier reopened", "--source", "Ana Ruiz")
    assert result.exit_code == 2 and "FACTCHECK_BUSY_TIMEOUT_MS" in result.stderr


HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


def test_locked_database_exits_2_and_loses_nothing(write, fc, db_path, monkeypatch):
    assert fc("ingest", write("a.txt", GOOD)).exit_code == 0
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setenv("FACTCHECK_BUSY_TIMEOUT_MS", "200")
        result = fc("ingest", write("b.txt", "Rain fell on Tuesday, forecasters said.\n"))
        assert result.exit_code == 2
        lines = error_lines(result)
        assert len(lines) == 1 and "database is locked" in lines[0] and "b.txt" in lines[0]
        # reading goes on while another process writes (WAL)
        listed = fc("statements", "--format", "json")
        assert listed.exit_code == 0 and "ferries" in listed.stdout
    finally:
        holder.communicate("\n", timeout=10)
    assert [Path(p).name for p in stored_documents(db_path)] == ["a.txt"]
    assert fc("ingest", write("b.txt", "Rain fell on Tuesday, forecasters said.\n")).exit_code == 0


# --- a broken rules directory -----------------------------------------------------------------------

RULE = """id = "my-rule"
kind = "status-conflict"
severity = "error"
message = "{a} says {state_a}; {b} says {state_b}"
"""


@pytest.fixture
def rules_dir(tmp_path):
    import shutil

    from factcheck.lexicon import default_rules_dir

    d = tmp_path / "rules"
    shutil.copytree(default_rules_dir() / "lexicon", d / "lexicon")
    return d


@pytest.mark.parametrize("text, expected", [
    ("id = \"x\nkind = ", "not valid TOML"),
    (RULE.replace('"status-conflict"', '"vibes"'), "key 'kind' is 'vibes'"),
    (RULE.replace('severity = "error"\n', ""), "missing key 'severity'"),
    (RULE.replace('severity = "error"', 'severity = "fatal"'), "key 'severity'"),
    (RULE + "colour = 3\n", "unknown key 'colour'"),
    (RULE.replace('"status-conflict"', '"superlative-conflict"') + '[params]\npattern = "(unclosed"\n',
     "unknown key 'params.pattern' for kind superlative-conflict"),
    (RULE + "[params]\nnot_a_param = 1\n", "unknown key 'params.not_a_param'"),
    (RULE + '[[example]]\nname = "no text"\nexpect = "flag"\n', "needs 'text' or 'document'"),
])
def test_broken_rules_directory_names_file_and_key(rules_dir, fc, text, expected):
    (rules_dir / "my-rule.toml").write_text(text, encoding="utf-8")
    result = fc("--rules", rules_dir, "rules", "list")
    assert result.exit_code == 2
    lines = error_lines(result)
    assert len(lines) == 1, lines
    assert str(rules_dir / "my-rule.toml") in lines[0] and expected in lines[0]


def test_missing_rules_directory(tmp_path, fc):
    result = fc("--rules", tmp_path / "nowhere", "rules", "list")
    assert result.exit_code == 2 and "rules directory not found" in result.stderr


def test_broken_lexicon_names_the_file(rules_dir, fc):
    (rules_dir / "ok.toml").write_text(RULE, encoding="utf-8")
    (rules_dir / "lexicon" / "states.toml").write_text("[states\n", encoding="utf-8")
    result = fc("--rules", rules_dir, "rules", "list")
    assert result.exit_code == 2 and "states.toml" in result.stderr


def test_a_mistyped_database_is_named_not_created(tmp_path, fc):
    for command in (["statements"], ["sources"], ["verify"], ["report"], ["flags"], ["audit"], ["audit", "history"]):
        result = fc(*command, db=tmp_path / "clams.db")
        assert (result.exit_code, error_lines(result)) == (2, [f"factcheck: {tmp_path / 'clams.db'}: no such database "
                                                               "(check --db or FACTCHECK_DB; 'factcheck ingest' creates one)"])
    assert not (tmp_path / "clams.db").exists()


def test_no_traceback_for_unwritable_db_location(tmp_path, fc):
    result = fc("add", "The pier reopened", "--source", "Ana Ruiz", db=tmp_path / "no" / "such" / "dir" / "claims.db")
    assert result.exit_code == 2
    assert error_lines(result) == [f"factcheck: {tmp_path / 'no' / 'such' / 'dir' / 'claims.db'}: "
                                   "cannot open or create the database file"]


def test_busy_timeout_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_BUSY_TIMEOUT_MS", "1234")
    store = Store(tmp_path / "t.db")
    assert store.busy_timeout == 1234
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 1234
    monkeypatch.delenv("FACTCHECK_BUSY_TIMEOUT_MS")
    assert Store(":memory:").busy_timeout == 10_000


def test_verify_with_a_bad_draft_exits_2_and_keeps_nothing(write, fc, db_path):
    result = fc("verify", write("draft.txt", b"\xff\xfe\xfd not text \x00\x00"), "--format", "json")
    assert result.exit_code == 2
    assert len(error_lines(result)) == 1 and "draft.txt" in result.stderr
    assert stored_documents(db_path) == []
