"""Extraction end to end: a story in, statements with sources, spans and figures out."""
from __future__ import annotations

from factcheck.extract import extract
from factcheck.model import Document


def test_a_speaker_line_gives_the_next_quotation_its_source(lexicon):
    text = 'Port\n\nMayor Ana Ruiz spoke at the harbour on Friday.\n\nRuiz added:\n\n"We will reopen the pier in June."\n'
    statements = extract(Document(text=text), lexicon)
    quoted = [s for s in statements if s.quote]
    assert [(s.source, text[s.source_start:s.source_end]) for s in quoted] == [("Ana Ruiz", "Ruiz")]


def test_statement_spans_index_the_file_text(lexicon):
    text = "Swap\n\nThe towns each released 40 detainees on Friday, the ministry said. \"It went well,\" Ruiz said.\n"
    for s in extract(Document(text=text, published="2024-03-08"), lexicon):
        assert text[s.start:s.end] == s.text
        if s.source_start is not None:
            assert text[s.source_start:s.source_end].strip()


def test_two_speakers_in_one_sentence_make_two_statements(lexicon):
    text = ("Swap\n\nThe mayor wrote on Telegram that the ferry swap had been completed, "
            "but an official said the exchange was ongoing.\n")
    got = [(s.source, s.channel, s.text) for s in extract(Document(text=text, published="2024-03-08"), lexicon) if s.source]
    assert ("the mayor", "Telegram", "the ferry swap had been completed") in got
    assert any(src == "an official" and "ongoing" in t for src, _, t in got)


def test_a_clause_cut_at_the_comma_inside_a_quotation_keeps_its_closing_mark(lexicon):
    from factcheck.extract import extract
    from factcheck.model import Document
    text = "Pier\n\nThe mayor wrote that the pier was \u201creopened,\u201d but the harbour master said it was shut.\n"
    texts = [s.text for s in extract(Document(text=text, published="2025-06-07"), lexicon)]
    assert any(t.endswith("\u201creopened,\u201d") for t in texts), texts


def test_an_excerpt_is_cut_at_a_word_with_an_ellipsis():
    from factcheck.model import excerpt
    assert excerpt("Two fishermen were believed to have been wounded", 40) == "Two fishermen were believed to have\u2026"
    assert excerpt("short enough", 40) == "short enough"
