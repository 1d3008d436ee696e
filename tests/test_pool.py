"""Extraction on worker processes gives what extraction in one process gives, in the order handed in."""
from __future__ import annotations

import pytest

import factcheck.extract.pool as pool
from factcheck.extract import extract
from factcheck.extract.pool import Extraction
from factcheck.ingest import ingest
from factcheck.model import Document
from factcheck.read import Meta
from factcheck.store import Store


def story(n: int) -> Document:
    return Document(text=f"Ferry {n} returns\n\nThe ferry company said {n + 2} boats would sail on Monday. "
                         f"\u201cWe are ready,\u201d its chief, Ana Ruiz, told reporters.\n", path=f"{n}.txt")


@pytest.fixture
def pooled(monkeypatch):  # type: ignore[no-untyped-def]
    if pool.workers() < 2:
        pytest.skip("one core: ingest extracts in its own process")
    monkeypatch.setattr(pool, "POOL_AFTER", 1)
    monkeypatch.setattr(pool, "AHEAD", 1)


def test_workers_give_the_statements_in_order(pooled, lexicon):  # type: ignore[no-untyped-def]
    docs = [story(n) for n in range(6)]
    extraction = Extraction(lexicon, processes=2)
    try:
        done = [pair for doc in docs for pair in extraction.put(doc)] + list(extraction.rest())
        assert extraction.pool is not None  # the later documents went to the workers
    finally:
        extraction.close()
    assert [doc for doc, _ in done] == docs
    assert [statements for _, statements in done] == [extract(doc, lexicon) for doc in docs]


def test_an_ingest_on_workers_stores_what_one_process_stores(pooled, write, lexicon):  # type: ignore[no-untyped-def]
    files = [str(write(f"{n}.txt", story(n).text)) for n in range(6)]
    one, many = Store(":memory:"), Store(":memory:")
    ingest(one, files, Meta(), lexicon, processes=0)
    ingest(many, files + files[:1], Meta(), lexicon, processes=2)  # and a repeat, seen as the story again
    assert [s.text for s in many.statements()] == [s.text for s in one.statements()]
    assert [(s.source, s.quantities) for s in many.statements()] == [(s.source, s.quantities) for s in one.statements()]


def test_the_documents_left_waiting_for_a_chunk_are_shared_out_among_the_workers(pooled, lexicon, monkeypatch):  # type: ignore[no-untyped-def]
    docs = [story(n) for n in range(6)]  # the first extracted here, five left short of a chunk
    extraction = Extraction(lexicon, processes=2)
    handed: list[int] = []
    hand = extraction._hand
    monkeypatch.setattr(extraction, "_hand", lambda chunk: (handed.append(len(chunk)), hand(chunk))[1])
    try:
        done = [pair for doc in docs for pair in extraction.put(doc)] + list(extraction.rest())
    finally:
        extraction.close()
    assert handed == [3, 2]
    assert [doc for doc, _ in done] == docs
    assert [statements for _, statements in done] == [extract(doc, lexicon) for doc in docs]
