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
