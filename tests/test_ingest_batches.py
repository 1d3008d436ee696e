"""Batched ingest: an interrupt stores the documents extracted before it, each whole; an ingest, interrupted or not,
leaves the cycle collector and the page cache as it found them."""
from __future__ import annotations

import gc

import pytest

import factcheck.extract.pool as pool
from factcheck.ingest import ingest
from factcheck.read import Meta


def test_an_interrupted_ingest_stores_what_it_had_extracted(write, store, lexicon, monkeypatch):  # type: ignore[no-untyped-def]
    files = [str(write(f"{n}.txt", f"Ferry {n} returns\n\nThe operator said {n + 2} boats sail on Monday.\n"))
             for n in range(4)]
    real_extract = pool.extract

    def extract(doc, lex):  # type: ignore[no-untyped-def]
        if doc.path == files[2]:
            raise KeyboardInterrupt
        return real_extract(doc, lex)

    monkeypatch.setattr(pool, "extract", extract)
    with pytest.raises(KeyboardInterrupt):
        ingest(store, files, Meta(), lexicon, processes=0)
    stored = store.conn.execute("SELECT path, (SELECT count(*) FROM statements s WHERE s.document_id = d.id)"
                                " FROM documents d ORDER BY id").fetchall()
    assert [path for path, _ in stored] == files[:2] and all(n > 0 for _, n in stored)


def test_an_ingest_leaves_the_collector_and_the_page_cache_as_it_found_them(write, store, lexicon, monkeypatch):  # type: ignore[no-untyped-def]
    files = [str(write(f"{n}.txt", f"Bridge {n} reopens\n\nThe council said {n + 3} lanes open on Friday.\n"))
             for n in range(3)]
    cache = store.conn.execute("PRAGMA cache_size").fetchone()[0]
    report, _ = ingest(store, files, Meta(), lexicon, processes=0)
    assert len(report.stored) == 3
    assert gc.get_freeze_count() == 0 and store.conn.execute("PRAGMA cache_size").fetchone()[0] == cache

    def interrupted(doc, lex):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(pool, "extract", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ingest(store, [str(write("late.txt", "Tunnel closes\n\nThe council said two lanes close.\n"))], Meta(), lexicon,
               processes=0)
    assert gc.get_freeze_count() == 0 and store.conn.execute("PRAGMA cache_size").fetchone()[0] == cache
