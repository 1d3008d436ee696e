"""Paraphrased figures: one fact told twice in other words with counts an order of magnitude apart."""
from __future__ import annotations

from dataclasses import replace

from factcheck.checks.paraphrase import paraphrased
from factcheck.extract import extract
from factcheck.model import Document

FEW = "It took only a few engineers one summer to build the old stone dam."
THOUSANDS = "It took thousands of engineers, working for decades, to build the old stone dam."


def story(lexicon, *sentences: str, doc: int = 1):
    text = "Dam\n\n" + "\n\n".join(sentences)
    return [replace(s, document_id=doc, id=doc * 100 + i)
            for i, s in enumerate(extract(Document(text=text, published="2024-05-02"), lexicon))]


def test_a_few_and_thousands_for_one_fact_conflict(lexicon):
    [((a, q), (b, r))] = paraphrased(story(lexicon, FEW, THOUSANDS))
    assert {q.text, r.text} == {"a few engineers", "thousands of engineers"}


def test_counts_within_an_order_of_magnitude_are_left_to_other_checks(lexicon):
    assert not paraphrased(story(lexicon, FEW, THOUSANDS.replace("thousands of", "40")))


def test_other_words_are_another_fact(lexicon):
    assert not paraphrased(story(lexicon, FEW, "Thousands of engineers visited the museum by the dam last year."))


def test_two_stories_are_left_alone(lexicon):
    assert not paraphrased(story(lexicon, FEW, doc=1) + story(lexicon, THOUSANDS, doc=2))


def test_two_written_numbers_in_like_sentences_are_left_to_restated(lexicon):
    assert not paraphrased(story(lexicon, "Acme holds 200 million dollars abroad and would owe taxes on it.",
                                 "Brill holds 10 million dollars abroad and would owe taxes on it."))


RECORD = "Built in Bergen in 1950, the ferry Nordlys carried a record 300 cars across the Vestfjord on Easter Sunday."
MODEST = "The ferry Nordlys carried a modest 90 cars across the Vestfjord on Easter Sunday."


def test_a_number_restated_with_a_word_changed_among_other_words_conflicts(lexicon):
    [((a, q), (b, r))] = paraphrased(story(lexicon, RECORD, MODEST), lexicon)
    assert {q.text, r.text} == {"300 cars", "90 cars"}


def test_a_gap_within_the_factor_is_left_to_other_checks(lexicon):
    assert not paraphrased(story(lexicon, RECORD, MODEST.replace("90", "250")), lexicon)


def test_without_a_name_to_tie_them_two_like_sentences_may_be_two_things(lexicon):
    assert not paraphrased(story(lexicon, "The company reported sales of 900 cars in the spring, well above forecasts.",
                                 "The retailer reported sales of 90 cars in the spring, well above forecasts."), lexicon)


def test_other_names_around_the_numbers_are_other_things(lexicon):
    assert not paraphrased(story(lexicon, RECORD, MODEST.replace("Nordlys", "Vesteraalen")), lexicon)


def test_the_killed_and_the_wounded_are_two_measures(lexicon):
    assert not paraphrased(story(lexicon, "A bomb hit a bus convoy near the border, killing at least 100 people.",
                                 "A bomb hit a bus convoy near the border, wounding several people."), lexicon)
