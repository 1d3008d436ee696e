"""polarity-conflict on short stories written for these tests: one source against itself, and what stays quiet."""
from __future__ import annotations

from factcheck.checks import polarity
from factcheck.extract import extract, statement_from_text
from factcheck.model import Document, Statement
from factcheck.store import Store


def flags(rules, *docs: tuple[str, str | None, str | None]):
    """polarity-conflict findings over stories given as (text, published, outlet)."""
    store = Store(":memory:")
    for text, published, outlet in docs:
        doc = Document(text=text, published=published, outlet=outlet, published_from="metadata" if published else "unknown")
        store.add_document(doc, extract(doc, rules.lexicon))
    found = polarity.check(store.statements(), rules.get("polarity-conflict"), rules.lexicon)
    store.close()
    return found


def typed(text: str, rules) -> Statement:
    """A statement as extraction reads it (its words are read there, not by the check)."""
    return statement_from_text(Document(text=text), text, None, None, rules.lexicon)


def test_did_not_and_the_past_tense_are_one_proposition(rules):
    ignore = frozenset(rules.get("polarity-conflict").params["function_words"])
    no, yes = typed("he did not use the pump", rules), typed("he used the pump", rules)
    assert polarity.proposition(no, ignore) == polarity.proposition(yes, ignore)
    assert no.negations == ("not",) and yes.negations == ()


def test_one_speaker_denying_then_admitting_in_one_story(rules):
    found = flags(rules, ("Pump hearing\n\nWarden Piet Haas said he did not use the pump.\n\n"
                          "Asked again, Haas said he used the pump.", "2024-04-02", None))
    assert len(found) == 1
    assert {s.source for s in found[0].statements} == {"Warden Piet Haas"}


def test_one_speaker_in_two_stories_on_one_day(rules):
    found = flags(rules, ("Mill\n\nMill owner Ida Kron said the mill will reopen in spring.", "2024-06-03", "Valley News"),
                  ("Mill\n\nMill owner Ida Kron said the mill will not reopen in spring.", "2024-06-03", "Hill Post"))
    assert len(found) == 1


def test_one_speaker_on_two_days_changed_course(rules):
    assert flags(rules, ("Mill\n\nMill owner Ida Kron said the mill will reopen in spring.", "2024-06-03", "Valley News"),
                 ("Mill\n\nMill owner Ida Kron said the mill will not reopen in spring.", "2024-06-21", "Valley News")) == []


def test_past_and_present_are_not_one_proposition(rules):
    assert flags(rules, ("Pump\n\nWarden Piet Haas said the pump was not working.\n\n"
                         "Haas said the pump is working.", "2024-04-02", None)) == []


def test_a_different_object_is_another_proposition(rules):
    assert flags(rules, ("Pump\n\nWarden Piet Haas said he used the east pump.\n\n"
                         "Haas said he did not use the west pump.", "2024-04-02", None)) == []


def test_a_negation_word_extraction_did_not_mark_takes_neither_side(rules):
    # "no" is in the negation lexicon, but the statement is not marked negated: never compared as the plain side
    assert flags(rules, ("Pump\n\nWarden Piet Haas said there was no water in the pump.\n\n"
                         "Haas said there was water in the pump.", "2024-04-02", None)) == []


def test_narration_of_two_stories_is_two_voices(rules):
    # three words are enough for one speaker; two stories' narrators need the four that two sources do
    assert flags(rules, ("Mill\n\nThe old mill reopened.", "2024-06-03", "Valley News"),
                 ("Mill\n\nThe old mill did not reopen.", "2024-06-03", "Hill Post")) == []
