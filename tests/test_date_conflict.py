"""date-conflict on short stories written for these tests: one restated plan with two days, and what stays quiet."""
from __future__ import annotations

from factcheck.checks import dates
from factcheck.extract import extract
from factcheck.model import Document
from factcheck.store import Store


def flags(rules, *docs: tuple[str, str]):
    """date-conflict findings over stories given as (text, published)."""
    store = Store(":memory:")
    for text, published in docs:
        store.add_document(Document(text=text, published=published, published_from="metadata"),
                           extract(Document(text=text, published=published, published_from="metadata"), rules.lexicon))
    found = dates.check(store.statements(), rules.get("date-conflict"), rules.lexicon)
    store.close()
    return found


def test_one_plan_restated_with_another_day(rules):
    found = flags(rules, ("Library\n\nThe rebuilt city library will reopen to readers on April 8.\n\n"
                          "Shelves arrive in March. The rebuilt city library will reopen to readers on June 30.", "2024-01-10"))
    assert len(found) == 1
    assert "8 April" in found[0].message and "30 June" in found[0].message


def test_a_year_alone_differs(rules):
    found = flags(rules, ("Charter\n\nThe town charter of Brel is signed and dated 3 May 1912.\n\n"
                          "The town charter of Brel is signed and dated 3 May 1921.", "2024-01-10"))
    assert len(found) == 1


def test_two_things_with_the_same_verb_phrase(rules):
    assert flags(rules, ("Library\n\nThe rebuilt city library will reopen to readers on April 8.\n\n"
                         "The rebuilt city museum will reopen to readers on June 30.", "2024-01-10")) == []


def test_too_few_shared_words_before_the_day(rules):
    assert flags(rules, ("Games\n\nThe team played on April 8.\n\nThe team played on June 30.", "2024-01-10")) == []


def test_weekdays_are_left_alone(rules):
    assert flags(rules, ("Library\n\nThe rebuilt city library will reopen to readers on April 8.\n\n"
                         "The rebuilt city library will reopen to readers on Monday.", "2024-01-10")) == []


def test_two_named_sources_disagreeing_is_left_to_other_rules(rules):
    assert flags(rules, ("Library\n\nThe rebuilt city library will reopen to readers on April 8, mayor Ana Ruiz said.\n\n"
                         "The rebuilt city library will reopen to readers on June 30, librarian Tom Vik said.",
                         "2024-01-10")) == []
