"""Extraction never raises on random or mangled text, and every span stays inside the text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import extract
from factcheck.model import Document

SEEDS = [
    "Ferries return\n\nThe mayor wrote on Telegram that the ferry swap had been completed, "
    "but an official said the exchange was ongoing.",
    "Each town sent 30 boats and 12 barges, 42 vessels in all, the port authority said on Friday.",
    "\u201cWe will sail again on Monday,\u201d said Ana Ruiz, the harbour master. \u201cThe repairs are done.\u201d",
    "HARBOUR TOWN, March 8 - About 1.5 million people crossed last year, nearly a fifth more than in 2022, "
    "according to the port authority.",
    "Updated 8 Mar 2024\n\n\u2022 Talks due to resume next week\n\u2022 Hundreds of thousands rely on the ferries",
    "The union said it was not ready to end the strike, which began in February 2023.",
]
INSERTS = ["\u201c", "\u201d", '"', "'", "\u2019", "1,000", "3.5", "270", " said ", " according to ", "\n\n",
           "\u00e9", "\u0416", "\u4e2d", "\U0001f600", "\u200b", "\t", "--", " each ", " on Friday", "May 32, 2024"]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(0, 6))):
        pos = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:pos] + draw(st.sampled_from(INSERTS) | st.text(max_size=5)) + text[pos:]
        else:
            text = text[:pos] + text[pos + draw(st.integers(0, 15)):]
    return text


def check(text: str, lexicon, published: str | None) -> None:  # type: ignore[no-untyped-def]
    doc = Document(text=text, published=published, published_from="metadata" if published else "unknown")
    for s in extract(doc, lexicon):
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start:s.end] == s.text
        if s.source_start is not None:
            assert 0 <= s.source_start <= s.source_end <= len(text)
        for q in s.quantities:
            assert 0 <= q.start <= q.end <= len(s.text)
        for state in s.statuses:
            assert 0 <= state.start <= state.end <= len(s.text)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(text=mutated(), published=st.sampled_from([None, "2024-03-08", "2025-01-01"]))
def test_mutated_news_text(lexicon, text, published):
    check(text, lexicon, published)


@FUZZ
@given(text=st.text(max_size=300))
def test_random_text(lexicon, text):
    check(text, lexicon, "2024-03-08")


@FUZZ
@given(words=st.lists(st.sampled_from(["the", "swap", "said", "Trump", "an", "official", "390", "each", "of",
                                       "1,000", "soldiers", "and", "completed", "\u201c", "\u201d", ",", ".", "not",
                                       "on", "Friday", "about", "a", "fifth", "Telegram", "wrote", "that", "\n"]),
                      max_size=60))
def test_news_word_salad(lexicon, words):
    check(" ".join(words), lexicon, "2025-05-23")
