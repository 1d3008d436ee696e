"""Who speaks before a cue: plain subjects, appositions, relative 'who', '... and said', negated cues."""
from __future__ import annotations

from dataclasses import replace

from factcheck.extract.phrases import tokens_of
from factcheck.extract.subjects import INHERIT, LOOKBACK, reach, sentence_break, subject_before, unit_subject
from factcheck.lexicon import default_lexicon

LEX = replace(default_lexicon(), anonymous=frozenset({"official", "officials"}))


def speaker(unit: str, cue: str = "said") -> tuple[str, str | None] | None:
    cs = unit.index(f" {cue}") + 1
    found = subject_before(unit, cs, cs + len(cue), cue, False, tokens_of(unit), LEX)
    if found is None:
        return None
    np, name = found
    return ("INHERIT" if (np.start, np.end) == INHERIT else unit[np.mention_start:np.mention_end]), name


def test_a_subject_with_auxiliaries_before_the_cue():
    assert speaker("Ruiz has also said the pier will reopen.") == ("Ruiz", None)


def test_an_apposition_between_name_and_cue_is_skipped():
    assert speaker("Kiper, the governor of the region, said the pier will reopen.") == ("Kiper", None)


def test_a_relative_who_stands_for_the_name_before_it():
    assert speaker("It was Ana Ruiz who said the pier would reopen.") == ("who", "Ana Ruiz")


def test_and_said_inherits_the_previous_speaker():
    assert speaker("Ruiz visited the pier and said it would reopen.") == ("INHERIT", None)


def test_a_negated_cue_has_no_speaker():
    assert speaker("The mayor never said the pier would reopen.") is None


def test_the_sentence_subject_after_an_intro_phrase():
    unit = "On Friday, she told reporters the pier would reopen."
    assert unit_subject(unit, tokens_of(unit), LEX) == (11, 14)


def test_titles_and_initials_do_not_end_a_sentence():
    assert not sentence_break("Mr. Lee of the U.S. Navy ")
    assert sentence_break("The pier closed. Then ")


def test_the_look_back_starts_at_a_word_within_reach():
    unit = "The ferry " * 100 + "Ruiz said"
    lo = reach(unit, len(unit) - 4)
    assert len(unit) - 4 - lo <= LOOKBACK and unit[lo - 1] == " "
    assert reach("Ruiz said", 5) == 0



def test_an_opening_adverb_or_participle_is_not_the_subject():
    unit = "Chastened, Ruiz is promising to rebuild the pier."
    assert unit_subject(unit, tokens_of(unit), LEX) == (11, 15)



def test_an_apposition_between_dashes_is_skipped():
    assert speaker("Ann Kall -- co-editor of Harbor Tales, a book about the port -- said the ferry was late.") == \
        ("Ann Kall", None)
