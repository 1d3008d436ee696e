"""A report reads the citations only of the flags it lists: those it only counts come without them, and the
report reads the same as one built from every flag whole."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from factcheck.ingest import ingest
from factcheck.model import FlagFilter
from factcheck.read import Meta
from factcheck.render.formats import render_report
from factcheck.store import Store
from factcheck.triage import build_report, set_verdict
from factcheck.verify import verify

REPO = Path(__file__).resolve().parent.parent


def stored(tmp_path: Path, rules) -> Store:
    shutil.copytree(REPO / "samples", tmp_path / "samples")
    store = Store(tmp_path / "claims.db")
    assert not ingest(store, [str(tmp_path / "samples")], Meta(), rules.lexicon)[0].errors
    verify(store, rules)
    return store


def test_flags_a_report_only_counts_come_without_their_citations(tmp_path, rules):
    store = stored(tmp_path, rules)
    info = next(f for f in store.flags() if f.finding.severity == "info")
    set_verdict(store, info.id, "confirm", None, "ana")  # a confirmed note is listed: it keeps its citations
    flags = store.flags(cited_from="warning")
    assert {f.finding.severity for f in flags} == {"info", "warning", "error"}
    for f in flags:
        listed = f.finding.severity != "info" or f.state == "confirmed"
        assert bool(f.finding.statements) == listed, (f.finding.kind, f.state)
    store.close()


def test_a_report_reads_the_same_as_one_built_from_every_flag_whole(tmp_path, rules):
    store = stored(tmp_path, rules)
    for list_from in ("warning", "error"):
        narrow = build_report(store, rules, FlagFilter(), list_from=list_from)
        whole = replace(build_report(store, rules, FlagFilter(), list_from="info"), list_from=list_from)
        for fmt in ("markdown", "html"):
            text = render_report(replace(narrow, generated=None), fmt)
            assert text == render_report(replace(whole, generated=None), fmt)
            assert "not listed" in text  # some flags are only counted
    store.close()


def test_a_report_reads_and_lists_the_checks_that_held_up_to_its_limit(tmp_path, rules):
    for name, (n, soldiers, civilians) in {"a.txt": (150, 100, 50), "b.txt": (90, 60, 30)}.items():
        (tmp_path / name).write_text(f"Border swap {name[0]}\n\nTwo neighbouring states each handed over {n} detainees"
                                     f" on Monday.\n\nBoth governments said they had each freed {soldiers} soldiers"
                                     f" and {civilians} civilians so far.\n", encoding="utf-8")
    store = Store(tmp_path / "claims.db")
    assert not ingest(store, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], Meta(published="2025-03-04"),
                      rules.lexicon)[0].errors
    verify(store, rules)
    assert store.pass_count() == 2
    report = replace(build_report(store, rules, FlagFilter(), list_from="warning", limit=1), generated=None)
    assert len(report.passed) == 1 and report.passed_total == 2
    text = render_report(report, "markdown")
    assert "2 checks passed" in text and "1 more check passed, not listed" in text
    assert text.count("\u2713") == 1
    store.close()
