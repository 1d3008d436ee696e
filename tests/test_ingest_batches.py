"""Batched ingest: an interrupt stores the documents extracted before it, each whole."""
from __future__ import annotations

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
