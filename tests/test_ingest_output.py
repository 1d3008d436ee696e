"""What `ingest` prints (issue 10, item 3): a bounded listing, every error, one summary line with exact counts,
no progress output when stderr is not a terminal, and one line with exit 130 when Ctrl-C interrupts it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import factcheck.extract.pool as pool
import factcheck.ingest as ingest_module
from factcheck.ingest import Interrupted, Progress, ingest
from factcheck.read import Meta
from factcheck.store import Store

SUMMARY = re.compile(r"^ingested (\d+) documents? in \d+\.\d s: (\d+) stored \((\d+) statements?\), "
                     r"(\d+) already stored, (\d+) errors?$")


def bulletin(n: int) -> str:
    return (f"Orchard bulletin {n}\n\nGrowers in valley {n} picked {n * 10 + 7} crates of pears on Thursday, "
            f"the cooperative's secretary said.\n")


def bulletins(root: Path, count: int, name: str = "desk") -> Path:
    folder = root / name
    folder.mkdir()
    for n in range(count):
        (folder / f"{name}-{n:03d}.txt").write_text(bulletin(n), encoding="utf-8")
    return folder


def summary(stdout: str) -> tuple[int, ...]:
    """(documents, stored, statements, already stored, errors) from the last line, which must be the summary."""
    found = SUMMARY.match(stdout.splitlines()[-1])
    assert found, stdout
    return tuple(int(g) for g in found.groups())


def listed(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith(("stored ", "already stored "))]


def test_the_summary_line_counts_stored_already_stored_and_statements_exactly(tmp_path, fc, db_path):
    folder = bulletins(tmp_path, 3)
    first = fc("ingest", folder)
    assert first.exit_code == 0
    statements = Store(str(db_path)).counts()["statements"]
    assert statements > 0
    assert summary(first.stdout) == (3, 3, statements, 0, 0)

    (folder / "desk-new.txt").write_text(bulletin(40), encoding="utf-8")
    again = fc("ingest", folder)
    assert again.exit_code == 0
    added = Store(str(db_path)).counts()["statements"] - statements
    assert summary(again.stdout) == (4, 1, added, 3, 0)
    assert len(listed(again.stdout)) == 4


def test_the_listing_stops_at_the_limit_and_counts_the_rest(tmp_path, fc):
    folder = bulletins(tmp_path, 25)
    result = fc("ingest", folder)
    assert result.exit_code == 0
    assert len(listed(result.stdout)) == 20  # the default
    assert "... and 5 more (--limit 0 lists them all)" in result.stdout.splitlines()
    assert summary(result.stdout)[:2] == (25, 25)

    again = fc("ingest", folder, "--limit", "3")
    assert [line.split(":")[0] for line in listed(again.stdout)] == [
        f"already stored {folder / f'desk-{n:03d}.txt'}" for n in range(3)]
    assert "... and 22 more (--limit 0 lists them all)" in again.stdout.splitlines()
    assert summary(again.stdout)[3] == 25


def test_limit_0_lists_every_document(tmp_path, fc):
    folder = bulletins(tmp_path, 22)
    result = fc("ingest", folder, "--limit", "0")
    assert result.exit_code == 0
    assert len(listed(result.stdout)) == 22
    assert "more" not in result.stdout


def test_every_error_is_listed_whatever_the_limit(tmp_path, fc):
    folder = bulletins(tmp_path, 2)
    missing = [tmp_path / f"gone-{n}.txt" for n in range(25)]
    result = fc("ingest", folder, *missing, "--limit", "1")
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert errors == [f"factcheck: {path}: no such file" for path in missing]
    assert len(listed(result.stdout)) == 1 and "... and 1 more" in result.stdout
    assert summary(result.stdout) == (2, 2, summary(result.stdout)[2], 0, 25)


def test_nothing_reaches_stderr_when_it_is_not_a_terminal(tmp_path, fc):
    result = fc("ingest", bulletins(tmp_path, 3))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 4  # three documents and the summary


def test_a_dry_run_prints_no_summary(tmp_path, fc, db_path):
    result = fc("ingest", bulletins(tmp_path, 2), "--dry-run")
    assert result.exit_code == 0
    assert "ingested" not in result.stdout and result.stderr == ""
    assert not db_path.exists()


def interrupt_at(monkeypatch: pytest.MonkeyPatch, file_number: int) -> None:
    """Ctrl-C as the engine opens its `file_number`th file (counting from 1). Every document is extracted in this
    process as it is read (a worker's are in flight: an interrupt drops them), so each one read before is stored."""
    monkeypatch.setattr(pool, "POOL_AFTER", file_number)
    real = ingest_module.file_documents
    opened = []

    def file_documents(path, meta, max_bytes):  # type: ignore[no-untyped-def]
        opened.append(path)
        if len(opened) == file_number:
            raise KeyboardInterrupt
        yield from real(path, meta, max_bytes)

    monkeypatch.setattr(ingest_module, "file_documents", file_documents)


def test_an_interrupted_ingest_says_how_many_documents_it_stored_and_exits_130(tmp_path, fc, db_path, monkeypatch):
    folder = bulletins(tmp_path, 6)
    (tmp_path / "first").mkdir()
    (tmp_path / "first" / "a.txt").write_text(bulletin(2), encoding="utf-8")  # the same text as desk-002.txt
    assert fc("ingest", tmp_path / "first").exit_code == 0
    interrupt_at(monkeypatch, 5)
    result = fc("ingest", folder)
    assert result.exit_code == 130
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "factcheck: ingest interrupted after 4 documents: 3 stored, 1 already stored; the rest were not stored "
        "(run the same ingest again to finish: what is stored is skipped)"]
    assert len(Store(str(db_path)).documents()) == 4  # a.txt and the three new ones, each whole

    monkeypatch.undo()
    rest = fc("ingest", folder)
    assert summary(rest.stdout)[1] == 2  # only the two never reached are stored now


def test_the_engine_stores_what_it_read_before_the_interrupt_and_says_so(tmp_path, store, lexicon, monkeypatch):
    interrupt_at(monkeypatch, 3)
    with pytest.raises(Interrupted) as caught:
        ingest(store, [str(bulletins(tmp_path, 5))], Meta(), lexicon)
    assert [Path(f.path).name for f in caught.value.report.stored] == ["desk-000.txt", "desk-001.txt"]
    assert store.counts()["documents"] == 2


def test_progress_knows_the_number_of_files_unless_one_is_a_feed(tmp_path, store, lexicon):
    folder = bulletins(tmp_path, 3)
    seen: list[tuple[int | None, int, int]] = []
    ingest(store, [str(folder)], Meta(), lexicon, progress=lambda p: seen.append((p.files, p.files_read, p.done)))
    assert seen and {files for files, _, _ in seen} == {3}
    assert seen[-1] == (3, 3, 3)

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(f'{{"text": "Valley {n} reports\\n\\nThe valley council counted {n + 3} wells."}}\n'
                            for n in range(4)), encoding="utf-8")
    states: list[Progress] = []
    ingest(Store(":memory:"), [str(feed), str(folder / "desk-000.txt")], Meta(), lexicon, progress=states.append)
    assert states[-1].files is None  # a feed's rows are not counted ahead
    assert states[-1].done == 5 and states[-1].files_read == 2


def test_the_summary_says_one_document_statement_and_error_in_the_singular():
    from factcheck.ingest import Filed, IngestReport
    from factcheck.render.ingest_lines import summary as summary_line

    report = IngestReport(stored=[Filed("orchard.txt", "Orchard bulletin", None, statements=1)],
                          errors=["gone.txt: no such file"])
    assert summary_line(report, 0.54) == "ingested 1 document in 0.5 s: 1 stored (1 statement), 0 already stored, 1 error"


def test_an_ingest_stopped_by_sigterm_says_how_many_documents_it_stored_and_exits_143(tmp_path, fc, db_path, monkeypatch):
    import os
    import signal

    folder = bulletins(tmp_path, 5)
    real = ingest_module.file_documents
    opened = []

    def file_documents(path, meta, max_bytes):  # type: ignore[no-untyped-def]
        opened.append(path)
        if len(opened) == 4:
            os.kill(os.getpid(), signal.SIGTERM)  # as `kill PID` sends it
        yield from real(path, meta, max_bytes)

    monkeypatch.setattr(ingest_module, "file_documents", file_documents)
    monkeypatch.setattr(pool, "POOL_AFTER", 4)  # each read before the signal is extracted here, as interrupt_at has it
    before = signal.getsignal(signal.SIGTERM)
    result = fc("ingest", folder)
    assert result.exit_code == 143
    assert result.stderr.splitlines() == [
        "factcheck: ingest interrupted after 3 documents: 3 stored, 0 already stored; the rest were not stored "
        "(run the same ingest again to finish: what is stored is skipped)"]
    assert len(Store(str(db_path)).documents()) == 3
    assert signal.getsignal(signal.SIGTERM) is before  # the handler is the ingest's only while it runs
