"""SourceIndex.match gives what holding the name against every known source gives."""
from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.sources import MAYBE_NAMED, SourceIndex, name_tokens, same_source, story_local

WORDS = ["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyi", "Vogel", "Vogal", "Reuters", "Reuter", "Ruiz", "Ruíz", "RUIZ",
         "Ana", "Donald", "Trump", "Jr.", "the", "Kremlin", "Gov.", "and", "Marta", "Lind", "Linde", "Kiper"]


def full_scan_match(names: list[str], probe: str) -> int | None:
    """SourceIndex.match's rule, over every stored source."""
    matches = [(sid, other) for sid, other in enumerate(names, 1)
               if not story_local(other, "person") and same_source(probe, other)]
    if len(name_tokens(probe)) > 1:
        matches = [(sid, other) for sid, other in matches if len(name_tokens(other)) > 1]
    return matches[0][0] if len(matches) == 1 else None


@settings(max_examples=150, deadline=None)
@given(names=st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=15),
       probes=st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join), max_size=5))
def test_a_name_matches_the_source_a_full_scan_finds(names, probes):  # type: ignore[no-untyped-def]
    index = SourceIndex()
    for sid, name in enumerate(names, 1):
        index.add(sid, name, "person")
    for probe in names + probes + ["Zelensky", "Ruiz", "Reuters"]:
        assert index.match(probe) == full_scan_match(names, probe), probe


@given(st.text(min_size=1, max_size=12), st.sampled_from([None, "person", "organization", "anonymous", "document"]))
@settings(max_examples=300, deadline=None)
def test_the_sql_for_sources_that_may_be_named_keeps_every_named_one(name, kind):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE sources (id INTEGER PRIMARY KEY, name TEXT, kind TEXT)")
    conn.execute("INSERT INTO sources (name, kind) VALUES (?, ?)", (name, kind))
    kept = conn.execute(f"SELECT count(*) FROM sources WHERE {MAYBE_NAMED}").fetchone()[0]
    assert kept or story_local(name, kind)
