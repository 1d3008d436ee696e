"""Extraction's shortcuts give what the plain way gives: a Gate says 'no match' only where its word list's pattern
finds nothing, and a pattern anchored at the end is found where a search of the whole text finds it; checked
against the patterns themselves on texts built from the lists' own words, pieces of them and odd characters."""
from __future__ import annotations

import random
import re
import sys

from factcheck.extract import _words_rx
from factcheck.lexicon import CASE_ODD, Gate, default_rules_dir, load_lexicon, phrase_regex, words_of

PIECES = ["said", "Said", "SAID", "says", "is", "said to", "to", "n't", "didn", "\u2019t", "'t", "no", "longer",
          "cease", "-", "fire", "ceasefire", " ", "  ", "\n", ",", ".", "\u201c", "x", "_", "3", "\u00e9", "\u0131s",
          "\u017fays", "wee\u212a", "week", "of", "per", "according", "widow", "Widow's", "\u00a0"]


def _texts(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 9))) for _ in range(n)]


def test_case_odd_holds_every_character_an_ascii_letter_pattern_takes() -> None:
    letter = re.compile("[a-z]", re.I)
    odd = {chr(i) for i in range(128, sys.maxunicode + 1)
           if letter.match(chr(i)) or any("a" <= c <= "z" or "A" <= c <= "Z" for c in chr(i).lower())}
    assert odd == CASE_ODD


def test_a_closed_gate_means_no_match() -> None:
    lists = [["said", "says", "is said to"], ["n't", "never", "no longer"], ["cease-fire", "week of"], ["widow"]]
    for phrases in lists:
        gate = Gate.of(phrases)
        for rx in (phrase_regex(phrases), re.compile(_words_rx(phrases), re.I)):
            for text in _texts(len(phrases), 4000):
                if rx.search(text):
                    assert gate.may_match(words_of(text)), (phrases, text)


def test_the_lexicon_lists_are_gated_and_texts_without_their_words_skipped() -> None:
    lex = load_lexicon(default_rules_dir())
    cues = Gate.of(list(lex.cues) + list(lex.stance))
    assert not cues.always
    assert cues.may_match(words_of("The mayor said on Monday that the ferry runs."))
    assert not cues.may_match(words_of("The ferry runs twice a day."))
    assert cues.may_match(words_of("The ferry \u0131s late."))  # a character only the pattern can read: no skipping
    assert Gate.of(["n't"]).may_match(words_of("We didn\u2019t sail."))


def test_number_gates_close_only_on_texts_without_a_number() -> None:
    import importlib
    quantities, wording = (importlib.import_module(f"factcheck.extract.{m}") for m in ("quantities", "wording"))
    pieces = ["twenty", "Five", "-", "one", " ", "third", "thirds", "a", " of", "hundred", "7", "\u0663", ",", "x",
              "seventeen", "ten", "tenth", "\u0131", "ft"]
    rnd = random.Random(7)
    for _ in range(6000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 7)))
        for module in (quantities, wording):
            if module.NUMBER.search(text):
                assert module.DIGIT.search(text) or module.NUMBER_GATE.may_match(words_of(text)), text


def test_durations_and_starts_skip_texts_without_their_words() -> None:
    from factcheck.extract.durations import event_start, find_durations
    lex = load_lexicon(default_rules_dir())
    for text in ("It ended after two years of conflict.", "The war began in May 2014.", "Two weeks into the siege.",
                 "The ferry sailed on time."):
        words = words_of(text)
        assert find_durations(text, lex, words) == find_durations(text, lex)
        assert event_start(text, lex, words) == event_start(text, lex)
    assert find_durations("It ended after two years of conflict.", lex, words_of("two years of conflict"))


def test_the_last_words_are_found_as_a_search_of_the_whole_text_finds_them() -> None:
    from factcheck.extract.subjects import END_REACH, LAST_WORDS, YEAR_TAIL, _at_end
    pieces = ["Ruiz", " ", "  ", "\n", "in", "since", "2010", "1999", "said", "'", "\u2019s", ",", "(", "x" * END_REACH, "_"]
    rnd = random.Random(11)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        for rx in (*LAST_WORDS.values(), YEAR_TAIL):
            a, b = _at_end(rx, text), rx.search(text)
            assert (a and (a.span(), a.span(1) if rx.groups else None)) == (b and (b.span(), b.span(1) if rx.groups else None)), text


def test_the_close_before_a_cue_is_found_as_the_plain_search_finds_it() -> None:
    from factcheck.extract.attribution import CLOSE_BEFORE, _close_before
    pieces = ["Ruiz", " ", ",", "\u201d", '"', "'", "''", "\u2019", "\u2014", "\u2013", "-", "--", "?", "!", "\n", "\u00bb", "x"]
    rnd = random.Random(13)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        a, b = _close_before(text), CLOSE_BEFORE.search(text)
        assert (a and a.span()) == (b and b.span()), text


def test_the_speech_participles_are_gated_by_their_verbs() -> None:
    from factcheck.extract.attribution import (NAMED_PARTICIPLE, PREPOSITIONAL_PARTICIPLE, SPEECH_GATE,
                                               _speech_participle)
    lex = load_lexicon(default_rules_dir())
    pieces = ["Ruiz", " ", ",", "\u201d", "saying", "Saying", "calling", " for", " on", "telling", " them", " by",
              "pointing", " out", "also", " and", "x", "\u017f", "ing"]
    rnd = random.Random(17)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        if any(rx.search(text) for rx in (NAMED_PARTICIPLE, PREPOSITIONAL_PARTICIPLE, _speech_participle(lex))):
            assert SPEECH_GATE.may_match(words_of(text)), text


def test_the_month_forms_are_gated_by_the_month_names() -> None:
    from factcheck.dates import DAY_MONTH_YEAR, MONTH_DAY, MONTH_DAY_YEAR, MONTH_GATE, MONTH_YEAR
    pieces = ["May", "Sept", "Sep", ".", " ", "12", "2019", "of ", ",", "th", "Mayday", "x", "\n", "MAY"]
    rnd = random.Random(19)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        if any(rx.search(text) for rx in (DAY_MONTH_YEAR, MONTH_DAY_YEAR, MONTH_DAY, MONTH_YEAR)):
            assert MONTH_GATE.may_match(words_of(text)), text


def test_the_forms_writing_a_year_are_tried_only_where_one_is_written() -> None:
    from factcheck.dates import (DAY_MONTH_YEAR, ISO_DAY, MONTH_DAY_YEAR, MONTH_YEAR, NUMERIC_DAY, YEAR, YEAR_FIGURES,
                                 YEAR_MODIFIER)
    pieces = ["May ", "12 ", "2019", "1899", "20", "19", "-07", "-", "/", ".", "in ", "the ", "of ", ",", "x", "07", "\n",
              "5/"]
    rnd = random.Random(23)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        if any(rx.search(text) for rx in (ISO_DAY, NUMERIC_DAY, DAY_MONTH_YEAR, MONTH_DAY_YEAR, MONTH_YEAR, YEAR,
                                          YEAR_MODIFIER)):
            assert YEAR_FIGURES.search(text), text
