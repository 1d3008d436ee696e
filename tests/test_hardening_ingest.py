"""Hostile input and unlucky operators at ingest (issue 12, items 1, 2, 3, 12, 14).

Only regular files are read, each within a size limit checked before reading; every document is
stored as soon as it is read; "already stored" is a normal outcome even when another process
stored the text a moment ago. Where the operating system is involved the test runs real processes.
"""
from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import factcheck.extract.pool as pool
import factcheck.ingest as ingest_module
import factcheck.read as read_module
from factcheck.store import Store
from factcheck.ingest import ingest
from factcheck.model import Document
from factcheck.read import Meta, documents, read_file
from factcheck.read.tabular import read_jsonl
from factcheck.store import Store

GOOD = "Lighthouse keeper retires\n\nThe harbour board said the keeper would retire on Friday after 31 years.\n"
PROCESS_TIMEOUT = 120  # seconds; a hang fails the test instead of the whole run


def command(db: Path, *args: object) -> list[str]:
    return [sys.executable, "-m", "factcheck", "--db", str(db), *map(str, args)]


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_DB", "FACTCHECK_RULES")}


def factcheck(db: Path, *args: object, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """The command line in a process of its own, run to its end."""
    return subprocess.run(command(db, *args), capture_output=True, text=True, timeout=PROCESS_TIMEOUT, env=clean_env(),
                          **kwargs)  # type: ignore[call-overload]


def start(db: Path, *args: object) -> subprocess.Popen[str]:
    """The command line in a process of its own, running in the background."""
    return subprocess.Popen(command(db, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=clean_env())


def finish(procs: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    """(exit code, stdout, stderr) of each process; one that hangs is killed and fails the test."""
    try:
        outputs = [p.communicate(timeout=PROCESS_TIMEOUT) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    return [(p.returncode, out, err) for p, (out, err) in zip(procs, outputs)]


def lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def stored_paths(db: Path) -> list[str]:
    return [row["path"] for row in Store(db).documents()]


def article(n: int, place: str) -> str:
    return (f"Ferry {n} returns to {place}\n\nThe operator said ferry number {n} would sail to {place} again on "
            f"Monday, and that {n + 4} crew members had been hired for the crossing.\n")


def desk(root: Path, name: str, count: int, place: str) -> Path:
    folder = root / name
    folder.mkdir()
    for n in range(count):
        (folder / f"{name}-{n:03d}.txt").write_text(article(n, place), encoding="utf-8")
    return folder


# --- 1. two ingests sharing files -----------------------------------------------------------------

def test_text_stored_by_another_process_meanwhile_is_already_stored_not_an_error(tmp_path, lexicon, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    (doc,) = read_file(path)
    other = Store(tmp_path / "c.db")
    other_id = other.add_document(doc, [])
    store = Store(tmp_path / "c.db")
    # the check before extraction saw nothing: the other process committed between it and the insert
    monkeypatch.setattr(Store, "document_by_sha", lambda self, sha: None)
    report, _ = ingest(store, [str(path)], Meta(), lexicon)
    assert report.errors == [] and report.stored == []
    assert [f.path for f in report.skipped] == [str(path)] and report.document_ids == [other_id]
    assert store.counts()["documents"] == 1


def test_store_document_says_whether_it_stored(store):
    doc = Document(text=GOOD, title="Lighthouse keeper retires", published_from="unknown")
    first = store.store_document(doc, [])
    again = store.store_document(doc, [])
    assert first[1] is True and again == (first[0], False)
    assert store.add_document(doc, []) == first[0]
    assert store.counts()["documents"] == 1


def test_two_ingests_sharing_files_both_finish_and_store_everything(tmp_path):
    a = desk(tmp_path, "a", 150, "the island")  # long enough that the second starts while the first is storing
    b = desk(tmp_path, "b", 15, "the mainland")
    db = tmp_path / "c.db"
    Store(str(db)).close()  # the schema exists before the race starts
    first = start(db, "ingest", a, "--limit", "0")
    time.sleep(0.3)
    second = start(db, "ingest", a, b, "--limit", "0")
    (code_a, out_a, err_a), (code_ab, out_ab, err_ab) = finish([first, second])
    assert (code_a, lines(err_a)) == (0, [])
    assert (code_ab, lines(err_ab)) == (0, [])
    stored = stored_paths(db)
    assert len(stored) == 165
    assert sorted(p for p in stored if "/b/" in p) == sorted(str(p) for p in b.iterdir())
    # every file is reported once by each process, as stored or as already stored, then the summary line
    assert len(out_a.splitlines()) == 150 + 1 and len(out_ab.splitlines()) == 165 + 1


def test_two_identical_ingests_at_once_both_exit_0(tmp_path):
    a = desk(tmp_path, "a", 25, "the island")
    db = tmp_path / "c.db"
    Store(str(db)).close()  # the database exists before the race
    results = finish([start(db, "ingest", a, "--limit", "0"), start(db, "ingest", a, "--limit", "0")])
    for code, out, err in results:
        assert (code, lines(err)) == (0, [])
        assert len(out.splitlines()) == 25 + 1  # and the summary line
    stored_lines = [line for _, out, _ in results for line in out.splitlines() if line.startswith("stored ")]
    assert len(stored_lines) == 25  # each text stored once, by one of the two
    assert len(stored_paths(db)) == 25


# --- 2, 3. only regular files, within a size limit --------------------------------------------------

def test_a_fifo_is_refused_without_opening_it_and_the_good_file_is_stored(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = factcheck(tmp_path / "c.db", "ingest", fifo, good)
    assert result.returncode == 2
    assert lines(result.stderr) == [f"factcheck: {fifo}: not a regular file"]
    assert stored_paths(tmp_path / "c.db") == [str(good)]


def test_a_fifo_in_a_directory_is_named_not_passed_over(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    os.mkfifo(folder / "feed.txt")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    result = factcheck(tmp_path / "c.db", "ingest", folder)
    assert result.returncode == 2
    assert lines(result.stderr) == [f"factcheck: {folder / 'feed.txt'}: not a regular file"]
    assert stored_paths(tmp_path / "c.db") == [str(folder / "good.txt")]


def limit_memory() -> None:
    """A reproduction that reads /dev/zero whole fails fast instead of taking the machine's memory."""
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def test_dev_zero_is_refused_and_the_good_file_is_stored(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = factcheck(tmp_path / "c.db", "ingest", "/dev/zero", good, preexec_fn=limit_memory)
    assert result.returncode == 2
    assert lines(result.stderr) == ["factcheck: /dev/zero: not a regular file"]
    assert stored_paths(tmp_path / "c.db") == [str(good)]


def test_a_socket_is_refused(tmp_path, write, fc, db_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a socket's path must be short
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind("desk.sock.txt")
        good = write("good.txt", GOOD)
        result = fc("ingest", "desk.sock.txt", good)
    finally:
        sock.close()
    assert result.exit_code == 2
    assert lines(result.stderr) == ["factcheck: desk.sock.txt: not a regular file"]
    assert stored_paths(db_path) == [str(good)]


def test_a_file_over_max_bytes_is_refused_before_it_is_read(write, fc, db_path):
    big = write("big.txt", GOOD * 40)
    good = write("good.txt", GOOD)
    result = fc("ingest", "--max-bytes", "1000", big, good)
    assert result.exit_code == 2
    (line,) = lines(result.stderr)
    assert line.startswith(f"factcheck: {big}: ") and "over the size limit" in line and "--max-bytes" in line
    assert stored_paths(db_path) == [str(good)]
    assert fc("ingest", "--max-bytes", "100000", big).exit_code == 0


def test_the_default_limit_is_20_mb_and_is_checked_with_stat(tmp_path, write, fc, db_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(20 * 1024 * 1024 + 1)  # sparse: its NUL bytes would say "binary" if it were read
    good = write("good.txt", GOOD)
    result = fc("ingest", huge, good)
    assert result.exit_code == 2
    (line,) = lines(result.stderr)
    assert f"{huge}: " in line and "over the size limit of 20 MB" in line
    assert stored_paths(db_path) == [str(good)]


def test_verify_drafts_have_the_size_limit_too(write, fc):
    draft = write("draft.txt", GOOD * 40)
    result = fc("verify", "--max-bytes", "1000", draft, "--format", "json")
    assert result.exit_code == 2
    (line,) = lines(result.stderr)
    assert str(draft) in line and "over the size limit" in line


def test_max_bytes_must_be_a_positive_number(write, fc):
    result = fc("ingest", "--max-bytes", "0", write("good.txt", GOOD))
    assert result.exit_code == 2 and "--max-bytes" in result.output


# --- documents stored a batch at a time, each whole ---------------------------------------------------

def test_documents_are_stored_a_batch_at_a_time(write, store, lexicon, monkeypatch):
    events: list[str] = []
    files = [str(write(f"{n}.txt", article(n, "the island"))) for n in range(3)]
    real_decode, real_store = read_module.decode, Store.store_documents

    def decode(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        events.append(f"read {Path(path).name}")
        return real_decode(path, *args, **kwargs)

    def store_documents(self, extracted):  # type: ignore[no-untyped-def]
        events.append("store " + " ".join(Path(doc.path).name for doc, _ in extracted))
        return real_store(self, extracted)

    monkeypatch.setattr(read_module, "decode", decode)
    monkeypatch.setattr(Store, "store_documents", store_documents)
    monkeypatch.setattr(ingest_module, "BATCH", 2)
    monkeypatch.setattr(pool, "POOL_AFTER", 3)  # extracted here as read (workers would take a chunk at a time)
    ingest(store, files, Meta(), lexicon)
    assert events == ["read 0.txt", "read 1.txt", "store 0.txt 1.txt", "read 2.txt", "store 2.txt"]


def test_a_document_waits_no_longer_than_the_batch_time(write, store, lexicon, monkeypatch):
    batches: list[int] = []
    real_store = Store.store_documents
    monkeypatch.setattr(Store, "store_documents", lambda self, extracted: batches.append(len(extracted))
                        or real_store(self, extracted))
    monkeypatch.setattr(ingest_module, "BATCH_SECONDS", 0.0)
    ingest(store, [str(write(f"{n}.txt", article(n, "the island"))) for n in range(3)], Meta(), lexicon)
    assert batches == [1, 1, 1]


def test_a_repeated_text_in_one_batch_is_one_story_seen_again(write, store, lexicon):
    first = write("a.txt", article(1, "the island"))
    again = write("b.txt", article(1, "the island"))
    report, _ = ingest(store, [str(first), str(again)], Meta(), lexicon)
    assert [f.path for f in report.stored] == [str(first)]
    assert [f.path for f in report.skipped] == [str(again)] and len(set(report.document_ids)) == 1


def test_jsonl_rows_are_read_one_at_a_time():
    def rows():  # type: ignore[no-untyped-def]
        yield json.dumps({"text": "The ferry sailed on Monday, the operator said."}) + "\n"
        raise AssertionError("read past the first row before its document was handed on")

    first = next(iter(read_jsonl(rows(), "feed.jsonl", Meta())))
    assert first.text.startswith("The ferry sailed")


def test_a_feed_streams_through_without_its_texts_held(write, store, lexicon):
    feed = write("feed.jsonl", "".join(json.dumps({"text": article(n, "the island")}) + "\n" for n in range(3)))
    report, extracted = ingest(store, [str(feed)], Meta(), lexicon)
    assert extracted == []  # the pairs are kept for a dry run's listing only
    assert [(f.path, f.title) for f in report.stored] == [(str(feed), f"Ferry {n} returns to the island") for n in range(3)]
    assert all(f.statements > 0 and not hasattr(f, "text") for f in report.stored)


def test_a_bad_jsonl_row_is_named_and_the_other_rows_are_stored(write, fc, db_path):
    feed = write("feed.jsonl", "\n".join([json.dumps({"text": article(1, "the island")}), '{"text":"oops}',
                                          json.dumps({"text": article(2, "the island")}), ""]))
    result = fc("ingest", feed)
    assert result.exit_code == 2
    assert lines(result.stderr) == [f"factcheck: {feed}: line 2 is not JSON: unterminated string starting at column 9"]
    assert len(stored_paths(db_path)) == 2


@pytest.mark.parametrize("line, reason", [
    ('{"text": oops}', "line 1 is not JSON: expecting value at column 10"),
    ('{"text": "a"} trailing', "line 1 is not JSON: extra data at column 15"),
    ('{"text" "a"}', "line 1 is not JSON: expecting ':' delimiter at column 9"),
])
def test_the_jsonl_reason_is_given_whole(write, fc, line, reason):
    feed = write("feed.jsonl", line + "\n")
    result = fc("ingest", feed)
    assert result.exit_code == 2 and lines(result.stderr) == [f"factcheck: {feed}: {reason}"]


# --- 12. binary content anywhere ---------------------------------------------------------------------

def test_a_nul_byte_after_the_first_8_kib_is_refused(write, fc, db_path):
    text = (GOOD * 200).encode("utf-8")
    assert len(text) > 9000
    bad = write("late-nul.txt", text[:9000] + b"\x00" + text[9000:])
    good = write("good.txt", GOOD)
    result = fc("ingest", bad, good)
    assert result.exit_code == 2
    (line,) = lines(result.stderr)
    assert line.startswith(f"factcheck: {bad}: binary file") and "NUL" in line
    assert stored_paths(db_path) == [str(good)]


FILLER = b"\nThe harbour board met again on Tuesday to discuss the ferry timetable.\n" * 30
MAGIC = {
    "pdf": (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" + FILLER, "PDF"),
    "zip": (b"PK\x03\x04" + FILLER, "ZIP"),
    "png": (b"\x89PNG\r\n" + FILLER, "PNG"),
    "gif": (b"GIF89a" + FILLER, "GIF"),
    "jpeg": (b"\xff\xd8\xff\xe0" + FILLER, "JPEG"),
}


@pytest.mark.parametrize("kind", sorted(MAGIC))
def test_a_binary_format_renamed_txt_is_refused_by_its_magic_bytes(kind, write, fc, db_path):
    content, name = MAGIC[kind]
    bad = write(f"{kind}-renamed.txt", content)
    good = write("good.txt", GOOD)
    result = fc("ingest", bad, good)
    assert result.exit_code == 2
    assert lines(result.stderr) == [f"factcheck: {bad}: binary file ({name}), not an article"]
    assert stored_paths(db_path) == [str(good)]


def test_a_nul_in_a_jsonl_or_csv_row_refuses_that_row(write, fc, db_path):
    feed = write("feed.jsonl", json.dumps({"text": "Fish prices rose\u0000 on Monday."}) + "\n"
                 + json.dumps({"text": article(3, "the island")}) + "\n")
    table = write("rows.csv", b"text\n" + b'"' + (b"x" * 9000) + b' The quay reopened."\n"Nets\x00 were mended."\n')
    result = fc("ingest", feed, table)
    assert result.exit_code == 2
    assert lines(result.stderr) == [f"factcheck: {feed}: line 1: holds a NUL character (binary data), not text",
                                    f"factcheck: {table}: row 3: holds a NUL character (binary data), not text"]
    assert sorted(Path(p).name for p in stored_paths(db_path)) == ["feed.jsonl", "rows.csv"]


def test_documents_skips_what_it_cannot_read_and_goes_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    items = list(documents([str(fifo), str(good)], Meta()))
    assert [str(i) for i in items[:1]] == [f"{fifo}: not a regular file"]
    assert [d.path for d in items[1:]] == [str(good)]
