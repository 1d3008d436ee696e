"""The replay of syntok's sentence decisions (syntok_replay) against syntok itself, on texts written for
these tests: the replay must find exactly syntok's sentences, and read most text without syntok."""
from __future__ import annotations

import random

import pytest
from syntok import segmenter
from syntok.tokenizer import Tokenizer

from factcheck.extract import syntok_replay
from factcheck.extract.sentences import sentence_spans
from factcheck.extract.syntok_replay import _word_tokens, replay, syntok_sentences

TOKENIZER = Tokenizer(replace_not_contraction=False)

CHUNKS = [
    # abbreviations, titles and initials (syntok's FirstToken state: 'A. B. Then' is no end)
    "The Rev. Mr. Ortega spoke. The Co. paid approx. 20 dollars.",
    "A. B. The tide rose. Then F. Ruiz left. It was late.",
    "J. R. Tolkien wrote it. II. The second part. IV. The fourth part.",
    "He met Dr. Lind and Sen. Okafor on Mon. The talks began.",
    "The U.S. The U.K. and the E.U. met. She lives in the U.S. and works there.",
    # numbers, months, 'no.'
    "It rose 4.5 percent. 300 boats left. 12. The list goes on.",
    "The pier opened on Jan. 12 and the ferry on 3 Sept. Then rain came.",
    "She ranked no. 1 in the poll. He was No. 3. no. The next one.",
    # terminals with quotes, several terminals, ellipses, semicolons
    'He said "We sail." Then he left. "Is it over?" she asked. "Yes!" The crowd cheered.',
    "Wait... the boats are late... The pier is shut . . . Really?! Yes. ...and more.",
    "The tide rose; Ruiz left; the pier shut; The End; it was late.",
    "It was calm.\u201d The mayor agreed.\u2019 Then \u201cstorms.\u201d",
    # glued words, hyphens, apostrophes, unicode terminals
    "The pier shut on Saturday.Harbour police said so.It was late.",
    "The well-known port.-Then the tide.Ortega's boat. McKay. O'Neil left. iPhone. The end",
    "The tide rose\u3002 The pier shut\uff0e Then rain\uff01 The end\u203c Done",
    # spacing: zero width space, no-break space, tabs, newlines, trailing space
    "The tide rose.\u200bThe pier shut.\u00a0Then rain. \tThe end.\nMore. ",
    "The pier shut. Mr. ",
    "Then rain.  ",
    # brackets: short ones skipped, long ones with sentences inside, at a sentence start, after a terminal,
    # right after the first word, unclosed, stray, nested, several shapes
    "Sen. Ana Ruiz (D-Ore.) spoke first. Then Gov. Tom Berg replied.",
    "The port (which opened in 1990. It grew fast. It is big now, the mayor says.) closed. Then it rained.",
    "The port closed. (The ferry still runs.) Then it rained. (it did.) more.",
    "Ortega (R) voted no. Berg (D) voted yes. Lind [I] abstained. Ruiz {x} left.",
    "The pier shut (see page 4. The tide rose. Then it rained and rained and rained",
    "The pier shut) and then. The tide ( rose (high) ) fast. Then [rain) fell.",
    "PORTLAND (Reuters) \u2014 The pier shut. Boats left (all of them.). Then rain.",
    "The port shut.(The ferry runs.)Then rain. End.(1) Start",
]


def syntok(chunk: str) -> list[tuple[int, int]]:
    return syntok_sentences(chunk, 0, len(chunk))


@pytest.mark.parametrize("chunk", CHUNKS)
def test_the_replay_finds_syntoks_sentences(chunk):
    found = replay(chunk)
    assert found is not None
    assert found == syntok(chunk)


def test_syntok_does_not_run_where_no_bracket_is(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("syntok was asked")

    monkeypatch.setattr(segmenter, "split", refuse)
    text = "The Rev. Mr. Ortega spoke at 4.5 p.m. on Jan. 12. A. B. The tide rose... The U.S. The end."
    assert [text[s:e] for s, e in sentence_spans(text, 0, len(text))] == [
        "The Rev. Mr. Ortega spoke at 4.5 p.m. on Jan. 12.", "A. B. The tide rose...", "The U.S.", "The end."]


def test_syntok_reads_only_the_sentences_around_a_bracket(monkeypatch):
    asked = []
    real = syntok_replay.syntok_sentences

    def spy(chunk, a, b):
        asked.append(chunk[a:b])
        return real(chunk, a, b)

    monkeypatch.setattr(syntok_replay, "syntok_sentences", spy)
    port = "The port (which opened in 1990. It grew fast, faster than any port nearby, the mayor says.) closed."
    chunk = f"The tide rose. {port} It rained."
    assert replay(chunk) == syntok(chunk)
    assert asked == [port]


def test_a_short_bracket_inside_a_sentence_needs_no_syntok(monkeypatch):
    monkeypatch.setattr(syntok_replay, "syntok_sentences", None)
    chunk = "Sen. Ana Ruiz (D-Ore.) spoke first. The tide (it was high.) rose."
    assert [chunk[s:e] for s, e in replay(chunk)] == ["Sen. Ana Ruiz (D-Ore.) spoke first.",
                                                           "The tide (it was high.) rose."]


@pytest.mark.parametrize("chunk", ["...the tide rose. Then rain.", "\u0001\u001cThe tide. Rose.",
                                   "Words (...) and more (!) words. The end [\u2026] here."])
def test_odd_chunks_are_left_to_syntok_whole(chunk):
    assert replay(chunk) is None


WORDS = ["tide", "Tide", "TIDE", "4.5", "U.S.", "McKay.", "iPhone", "don't", "O'Neil", "well-known", "'90s",
         "\u201cWe", "sail.\u201d", "(D-Ore.)", "...", "....", "end...", "?!", "\u2026", "x_y", "caf\u00e9.", "A1.",
         "B2b", "(s)", "word(s).", "\u00bfQu\u00e9?", "$4.", "#1", "a;b", "day.Then", "ok?Yes", "a...b", "--", ".5"]


@pytest.mark.parametrize("word", WORDS)
def test_words_are_tokenised_as_syntok_does(word):
    expected = [(5 + t.offset, t.value, bool(t.spacing) or t.offset == 0) for t in TOKENIZER.tokenize(word)]
    assert [tuple(t) for t in _word_tokens(word, 5)] == expected


def test_generated_texts_split_as_syntok_splits():
    """Texts assembled at random (fixed seed) from words, marks and spaces that steer syntok's decisions."""
    words = ["the", "The", "However", "A", "a", "I", "IV", "F", "b", "U.S", "Mr", "Dr", "Jan", "Sept", "no", "No",
             "No5", "5", "2020", "3.5", "McKay", "it", "'90s", "don't", "Inc", "etc", "May", "Mon", "It", "Ruiz",
             "\u201cWe", "\u201d", '"', "'", "\u2019", ":", ",", ";", "...", "\u2026", "?!", "(", ")", "(R-Ore)", "[",
             "]", "(...)", "a;b", "x.Y", "day.Then", "a...b", "$4"]
    marks = [".", "!", "?", ";", "...", ". . .", ".\u201d", "?\u201d", '."', ".'", "\u201d.", ":", ",", "!!", ".."]
    spaces = [" ", " ", " ", "  ", "", "\u200b", "\u00a0", "\n", "\t"]
    rnd = random.Random(20261201)
    differ = []
    for _ in range(3000):
        parts = []
        for _ in range(rnd.randint(1, 14)):
            parts += [rnd.choice(words), rnd.choice(marks) if rnd.random() < 0.35 else "", rnd.choice(spaces)]
        text = "".join(parts)
        if rnd.random() < 0.3:
            text = text.replace("(", "(" + "long words here " * rnd.randint(0, 6))
        text = text if rnd.random() < 0.5 else text.rstrip()
        if text.strip():
            found = replay(text)
            if found is not None and found != syntok(text):
                differ.append(text)
    assert differ == []
