"""The blocks quotes are read in around a statement (Store.neighbours): lengths a similarity allows, and the runs
of words a speaker's quotes share."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from factcheck.model import quote_lengths, quote_runs

WORDS = st.lists(st.sampled_from(["we", "will", "not", "leave", "the", "harbour", "tonight", "again", "now"]),
                 min_size=1, max_size=14).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(WORDS, WORDS, st.sampled_from([60.0, 75.0, 90.0, 95.0, 100.0]))
def test_a_quote_as_alike_as_asked_has_a_length_the_bounds_allow(a, b, alike):
    low, high = quote_lengths(len(a), alike)
    if fuzz.ratio(a, b) >= alike:
        assert low <= len(b) <= high


def test_no_similarity_asked_allows_any_length():
    assert quote_lengths(40, 0) == (0.0, float("inf"))


def test_runs_are_the_three_word_windows():
    assert quote_runs("we will not leave") == {"we will not", "will not leave"}
    assert quote_runs("we will") == set()
