"""Sentences per paragraph (offsets kept) and quotations found before splitting."""
from __future__ import annotations

from factcheck.extract.sentences import quote_spans, sentence_spans, units


def pieces(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_text_is_rebuilt_from_offsets_not_tokens():
    text = "They can't sail. The pier isn't open."
    assert pieces(text, sentence_spans(text, 0, len(text))) == ["They can't sail.", "The pier isn't open."]


def test_a_title_does_not_end_a_sentence():
    text = "Sen. Ana Ruiz (D-Ore.) spoke first. Then Gov. Tom Berg replied."
    assert pieces(text, sentence_spans(text, 0, len(text))) == ["Sen. Ana Ruiz (D-Ore.) spoke first.",
                                                                 "Then Gov. Tom Berg replied."]


def test_curly_straight_doubled_and_mismatched_quotes():
    for text in ("\u201cWe sail,\u201d she said.", '"We sail," she said.', "''We sail,'' she said.",
                 "\u201cWe sail,\" she said."):
        (s, e), = quote_spans(text, 0, len(text))
        assert text[s:e].strip("\u201c\u201d\"'") == "We sail,"


def test_an_unclosed_quote_runs_to_the_paragraph_end():
    text = "She said: \u201cThe boats are full and the pier is closed"
    assert quote_spans(text, 0, len(text)) == [(10, len(text))]


def test_a_multi_sentence_quote_is_one_unit():
    text = "\u201cWe are back. The boats are full,\u201d said Ana Ruiz. The pier opened."
    assert pieces(text, units(text, 0, len(text))) == [
        "\u201cWe are back. The boats are full,\u201d said Ana Ruiz.", "The pier opened."]


def test_signed_quotations_in_one_paragraph_are_separate_units():
    text = "\u201cThe pier is safe.\u201d \u2015 Ana Ruiz\n\u201cThe boats are late.\u201d\u2015 Tom Berg"
    assert pieces(text, units(text, 0, len(text))) == ["\u201cThe pier is safe.\u201d \u2015 Ana Ruiz",
                                                       "\u201cThe boats are late.\u201d\u2015 Tom Berg"]


def test_a_question_and_its_speaker_stay_one_unit():
    from factcheck.extract.sentences import units

    text = '"Why now?" Graham asked. The vote is Friday. "Is it over?" asked Mayor Ana Ruiz.'
    assert [text[a:b] for a, b in units(text, 0, len(text))] == [
        '"Why now?" Graham asked.', "The vote is Friday.", '"Is it over?" asked Mayor Ana Ruiz.']


def test_a_quotation_that_lost_its_closing_mark_does_not_swallow_the_paragraph():
    text = ('"The harbour was quiet all week said a fisherman in Split. "Then the storm came and the boats '
            'sank". The coast guard counted 40 boats lost. The mayor called the damage "severe" on Friday.')
    quoted = pieces(text, quote_spans(text, 0, len(text)))
    assert quoted == ['"Then the storm came and the boats sank"', '"severe"']
    assert "The coast guard counted 40 boats lost." in pieces(text, units(text, 0, len(text)))
