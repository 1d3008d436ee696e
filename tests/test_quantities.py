"""Figures: one short sentence per pattern, written for these tests."""
from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.dates import find_dates
from factcheck.extract.quantities import find_quantities, singular, word_value
from factcheck.lexicon import Lexicon
from factcheck.model import Quantity

PUBLISHED = date(2025, 5, 21)  # a Wednesday


def figures(text: str, lex: Lexicon) -> list[Quantity]:
    return find_quantities(text, lex, find_dates(text, PUBLISHED), None)


def one(text: str, lex: Lexicon) -> Quantity:
    found = figures(text, lex)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(("text", "value"), [
    ("The camp held 1,000 detainees.", 1000),
    ("The camp held 12,500 detainees.", 12500),
    ("Prices rose 2.5 percent.", 2.5),
    ("The city has 1.5 million residents.", 1_500_000),
    ("The city has 2 million residents.", 2_000_000),
    ("Twenty-five soldiers came home.", 25),
    ("The army freed three hundred prisoners.", 300),
    ("The region lost two million people.", 2_000_000),
    ("The town sheltered forty-two families.", 42),
    ("Russia freed 2000 soldiers.", 2000),
])
def test_values(lexicon: Lexicon, text: str, value: float) -> None:
    q = one(text, lexicon)
    assert q.low == q.high == value


def test_word_value_table() -> None:
    assert word_value("twenty-five") == 25
    assert word_value("three hundred") == 300
    assert word_value("two thousand and five") == 2005
    assert word_value("many") is None


def test_number_words_only_on_found_spans(lexicon: Lexicon) -> None:
    q = one("Someone counted seven boats.", lexicon)  # "one" inside "Someone" is not a figure
    assert (q.low, q.noun) == (7, "boat")


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Hundreds of thousands of people fled.", 200_000, 999_999),
    ("Dozens of civilians were hurt.", 24, 144),
    ("Thousands of troops massed.", 2000, 9999),
])
def test_vague_amounts(lexicon: Lexicon, text: str, low: float, high: float) -> None:
    q = one(text, lexicon)
    assert (q.low, q.high, q.hedge) == (low, high, "vague")
    assert q.category is not None  # the noun after "of" is the counted thing


def test_vague_noun_after_of(lexicon: Lexicon) -> None:
    q = one("Dozens of civilians were hurt.", lexicon)
    assert (q.noun, q.category) == ("civilian", "civilian")
    assert one("Dozens of them were hurt.", lexicon).noun == "person"  # not "them": the hurt are people


def test_fraction(lexicon: Lexicon) -> None:
    q = one("Moscow holds about a fifth of the country.", lexicon)
    assert q.hedge == "about"
    assert q.low == pytest.approx(0.18) and q.high == pytest.approx(0.22)
    assert q.noun == "country"
    q = one("Kyiv lost a third of its power plants.", lexicon)
    assert q.low == pytest.approx(1 / 3)


@pytest.mark.parametrize(("text", "hedge", "low", "high"), [
    ("About 300 soldiers were freed.", "about", 270, 330),
    ("Nearly 400 people were released.", "nearly", 340, 400),
    ("More than 500 civilians died.", "more than", 500, math.inf),
    ("At least 20 people were killed.", "at least", 20, math.inf),
    ("Up to 50 people were hurt.", "up to", 0, 50),
])
def test_hedges_are_intervals(lexicon: Lexicon, text: str, hedge: str, low: float, high: float) -> None:
    q = one(text, lexicon)
    assert q.hedge == hedge
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high)
    assert q.text.lower().startswith(hedge)


@pytest.mark.parametrize("text", ["So far 390 prisoners have been freed.", "Kyiv has freed 390 prisoners so far."])
def test_so_far_is_the_exact_count_on_its_day(lexicon: Lexicon, text: str) -> None:
    q = one(text, lexicon)
    assert (q.low, q.high, q.hedge) == (390, 390, None)


def test_handed_over_is_a_verb_not_a_hedge(lexicon: Lexicon) -> None:
    q = one("Each side handed over 303 soldiers.", lexicon)
    assert (q.low, q.high, q.hedge, q.action) == (303, 303, None, "released")


@pytest.mark.parametrize(("text", "noun", "category"), [
    ("Ukraine freed 205 captured soldiers.", "soldier", "soldier"),
    ("Kyiv got back 84 wounded Ukrainian servicemen.", "serviceman", "soldier"),
    ("Russia returned 15 POWs.", "pow", "prisoner"),
    ("The army freed 40 civilians.", "civilian", "civilian"),
    ("The raid left 9 children hurt.", "child", "child"),
])
def test_counted_noun_through_modifiers(lexicon: Lexicon, text: str, noun: str, category: str) -> None:
    q = one(text, lexicon)
    assert (q.noun, q.category) == (noun, category)


def test_categories_and_sums_come_from_the_lexicon(lexicon: Lexicon) -> None:
    assert {"soldier", "civilian"} <= set(lexicon.parts["prisoner"])
    assert lexicon.categories["serviceman"] == lexicon.categories["soldier"] == "soldier"
    assert lexicon.categories["pow"] == "prisoner"
    assert lexicon.sums["casualty"] == ["killed", "wounded"]


def test_killed_and_wounded(lexicon: Lexicon) -> None:
    killed, wounded = figures("The strike killed 12 and wounded 40.", lexicon)
    assert (killed.low, killed.action) == (12, "killed")
    assert (wounded.low, wounded.action) == (40, "wounded")


def test_an_intended_release_is_agreed_not_done(lexicon: Lexicon) -> None:
    assert one("The sides agreed to release 60 hostages.", lexicon).action == "agreed"
    assert one("Another 40 detainees are to be freed next week.", lexicon).action == "agreed"
    assert one("The kidnappers freed 25 hostages.", lexicon).action == "released"


def test_a_preposition_is_no_counted_noun(lexicon: Lexicon) -> None:
    killed, injured = figures("The storm killed nine people and injured 31 along the coast.", lexicon)
    assert (injured.low, injured.noun, injured.category, injured.action) == (31, "person", "person", "wounded")


def test_a_toll_counts_people(lexicon: Lexicon) -> None:
    q = one("The death toll from the blast rose to 21.", lexicon)
    assert (q.low, q.action, q.category) == (21, "killed", "person")


def test_a_category_noun_of_several_words(lexicon: Lexicon) -> None:
    q = one("The sides swapped 84 prisoners of war each.", lexicon)
    assert (q.text, q.category, q.each) == ("84 prisoners of war", "prisoner", True)


def test_a_magnitude_is_no_count(lexicon: Lexicon) -> None:
    assert [q.low for q in figures("A quake of magnitude 6.1 killed 14 people.", lexicon)] == [14]


@pytest.mark.parametrize("text", [
    "Each side released 270 soldiers.",
    "Both sides each released 270 soldiers.",
    "The sides released 270 soldiers each.",
    "The sides freed 270 soldiers from each side.",
])
def test_each(lexicon: Lexicon, text: str) -> None:
    q = one(text, lexicon)
    assert q.each and q.low == 270


def test_each_carried_across_and(lexicon: Lexicon) -> None:
    soldiers, civilians = figures("Both sides each released 270 soldiers and 120 civilians.", lexicon)
    assert soldiers.each and civilians.each
    assert (soldiers.category, civilians.category) == ("soldier", "civilian")
    assert soldiers.action == civilians.action == "released"


def test_not_each(lexicon: Lexicon) -> None:
    assert not one("Ukraine released 270 soldiers.", lexicon).each


def test_apposition_total_and_parts(lexicon: Lexicon) -> None:
    total, soldiers, civilians = figures("They swapped 390 people, of whom 270 were soldiers and 120 civilians.", lexicon)
    assert (total.role, total.low) == ("total", 390)
    assert (soldiers.role, soldiers.low, soldiers.category) == ("part", 270, "soldier")
    assert (civilians.role, civilians.low, civilians.category) == ("part", 120, "civilian")
    assert soldiers.action == civilians.action == total.action == "released"


def test_including_marks_parts(lexicon: Lexicon) -> None:
    total, *parts = figures("Kyiv freed 50 prisoners, including 30 soldiers and 20 civilians.", lexicon)
    assert total.role == "total" and [p.role for p in parts] == ["part", "part"]


def test_a_part_without_noun_takes_its_sibling(lexicon: Lexicon) -> None:
    first, second = figures("Russia freed 30 civilians and 8 more.", lexicon)
    assert second.noun == "civilian"


def test_actions(lexicon: Lexicon) -> None:
    assert one("The sides agreed to swap 1,000 prisoners.", lexicon).action == "agreed"
    assert one("Russia released 390 prisoners.", lexicon).action == "released"
    assert one("Shelling killed 7 people.", lexicon).action == "killed"


def test_date_of_a_figure(lexicon: Lexicon) -> None:
    q = one("Russia freed 205 soldiers on May 6, 2025.", lexicon)
    assert q.date == "2025-05-06"


@pytest.mark.parametrize("text", [
    "The war began in 2022.",
    "Talks took place on May 6.",
    "Talks took place on 6 May.",
    "The 65th brigade held the line.",
    "World War Two changed the map.",
    "The talks began at 10 a.m.",
    "The talks began at 10:30.",
    "Putin proposed a 30-day ceasefire.",
    "A 12-year-old boy was hurt.",
    "The town sits on Route 9.",
])
def test_not_figures(lexicon: Lexicon, text: str) -> None:
    assert figures(text, lexicon) == []


def test_spans_of_time_are_not_counts(lexicon: Lexicon) -> None:
    assert figures("The war has lasted three years.", lexicon) == []


def test_a_year_after_a_preposition_is_no_count(lexicon: Lexicon) -> None:
    assert figures("In 2023 soldiers were freed.", lexicon) == []


def test_singular() -> None:
    assert [singular(w) for w in ("soldiers", "civilians", "casualties", "people", "servicemen", "prisoners")] == [
        "soldier", "civilian", "casualty", "person", "serviceman", "prisoner"]


def test_offsets_point_at_the_figure(lexicon: Lexicon) -> None:
    text = "Officials said about 300 soldiers were freed."
    q = one(text, lexicon)
    assert text[q.start:q.end] == q.text == "about 300 soldiers"


TOKENS = ["about", "a", "fifth", "of", "1,000", "2.5", "million", "each", "and", "270", "soldiers", "so far", "May", "6",
          "dozens", "hundreds", "of whom", "were", ",", "two", "Two", "hundred", "handed", "over", "more than", "2000",
          "65th", "30-day", "World", "War", "\u2019", "%", "$", "one", "released", "killed"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=160), st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join)))
def test_find_quantities_never_raises(lexicon: Lexicon, text: str) -> None:
    for q in figures(text, lexicon):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.low <= q.high
        assert q.role in ("figure", "total", "part")


@pytest.mark.parametrize("text", ["The list of 18.05.2017 was read out.", "The list of 05/18/2017 was read out.",
                                  "The list of 2017-05-18 was read out."])
def test_a_numeric_day_is_no_figure(text: str, lexicon: Lexicon) -> None:
    assert figures(text, lexicon) == []


@pytest.mark.parametrize(("text", "day"), [
    ("The 111 names chosen in 2010 were kept.", "2010"),
    ("A 2001 story counted 40 deaths.", "2001"),
    ("Kyiv freed 84 soldiers on 18.05.2025.", "2025-05-18"),
    ("Kyiv freed 84 soldiers in May 2024.", "2024-05"),
])
def test_a_date_named_in_the_clause_dates_the_figure(text: str, day: str, lexicon: Lexicon) -> None:
    assert one(text, lexicon).date == day


def test_a_year_like_count_stays_a_count(lexicon: Lexicon) -> None:
    q = one("The 2000 soldiers came home on Friday.", lexicon)
    assert (q.low, q.date) == (2000, "2025-05-16")


def test_a_verb_right_after_a_figure_is_its_own_action(lexicon: Lexicon) -> None:
    qs = figures("Four people were killed and 11 others have been injured in the shelling.", lexicon)
    assert [(q.low, q.action) for q in qs] == [(4, "killed"), (11, "wounded")]


def test_killed_and_a_bare_injured_figure(lexicon: Lexicon) -> None:
    qs = figures("Two guards were killed and 13 injured at the checkpoint.", lexicon)
    assert [(q.low, q.action) for q in qs] == [(2, "killed"), (13, "wounded")]


def test_a_toll_of_dead_counts_people_killed(lexicon: Lexicon) -> None:
    q = one("The monitor gave a toll of 27 dead.", lexicon)
    assert (q.low, q.action, q.category) == (27, "killed", "person")


def test_a_count_over_a_span_is_running(lexicon: Lexicon) -> None:
    assert one("Shelling has killed 44 civilians since Thursday.", lexicon).role == "running"
    assert one("Raids killed 61 fighters in two days.", lexicon).role == "running"


def test_a_toll_that_rose_is_an_update(lexicon: Lexicon) -> None:
    assert one("The death toll from the flood rose to 21 on Saturday.", lexicon).role == "update"


def test_a_count_added_to_one_told_before_is_an_addition(lexicon: Lexicon) -> None:
    assert one("Another nine people died in the village of Oskil.", lexicon).role == "addition"
    assert one("A further 12 soldiers were wounded near the bridge.", lexicon).role == "addition"
    assert one("The headline rises to 40 people.", lexicon).role == "update"


def test_one_days_count_is_a_plain_figure(lexicon: Lexicon) -> None:
    assert one("The flood killed 21 people on Saturday.", lexicon).role == "figure"


def test_a_figure_with_a_plus_is_a_lower_bound(lexicon: Lexicon) -> None:
    q = one("Early reports said 20+ people were killed.", lexicon)
    assert (q.low, q.high) == (20, math.inf)


def test_a_range_is_one_interval(lexicon: Lexicon) -> None:
    q = one("Medics gave tolls ranging from about 40 to some 90 people.", lexicon)
    assert q.hedge == "range" and q.low <= 40 and q.high >= 90


def test_killed_over_fifty_is_more_than_fifty(lexicon: Lexicon) -> None:
    assert one("The raid killed over 50 people.", lexicon).high == math.inf


def test_a_resolution_number_is_a_label(lexicon: Lexicon) -> None:
    assert figures("The council cited resolution 2417 on Monday.", lexicon) == []


def test_numbers_listed_after_a_label_are_labels(lexicon: Lexicon) -> None:
    assert figures("The envoy cited resolutions 2417 and 2573 on Monday.", lexicon) == []


def test_a_count_over_several_places_is_running(lexicon: Lexicon) -> None:
    assert one("Raids killed 31 civilians in and around the capital.", lexicon).role == "running"


def test_a_range_with_an_aside_is_one_interval(lexicon: Lexicon) -> None:
    q = one("Activists gave tolls from about 50 to - by one count - some 90 people.", lexicon)
    assert q.hedge == "range" and q.low <= 50 and q.high >= 90


def test_a_span_past_a_subordinator_does_not_reckon_the_figure(lexicon: Lexicon) -> None:
    q = one("Gunmen struck twice this month after 23 guards were killed in a raid on a depot.", lexicon)
    assert q.role == "figure"
    assert one("Gunmen have killed 23 guards this month.", lexicon).role == "running"


def test_a_part_of_a_month_dates_a_figure_by_its_span(lexicon: Lexicon) -> None:
    q = one("In early May two car bombs killed 31 people near the port.", lexicon)
    assert q.date == "2025-05-01/2025-05-10"


@pytest.mark.parametrize(("text", "action"), [
    ("The ministry said there were no deaths in the fire.", "killed"),
    ("No one was hurt when the roof fell.", "wounded"),
    ("Nobody was killed in the second blast.", "killed"),
])
def test_none_at_all_is_an_exact_zero(lexicon: Lexicon, text: str, action: str) -> None:
    q = one(text, lexicon)
    assert (q.low, q.high, q.action, q.hedge) == (0, 0, action, None)


def test_no_without_a_count_of_its_own_is_no_figure(lexicon: Lexicon) -> None:
    assert [q.low for q in figures("Rescuers found no sign that 40 miners had died.", lexicon)] == [40]


def test_a_figure_after_a_day_counted_back_takes_that_day(lexicon: Lexicon) -> None:
    q = one("Shelling hit the port on Tuesday a day after raids on the airport killed 31 people.", lexicon)
    assert q.date == "2025-05-19"
    q = one("Raids killed 31 people two days after the truce ended.", lexicon)
    assert q.date is None  # the statement's own day, not the truce's


def test_left_dead_past_an_included_part_is_killed(lexicon: Lexicon) -> None:
    found = figures("Shells wounded 15 in the west and a raid on a school left 35 people including 22 children dead.", lexicon)
    assert [(q.low, q.action) for q in found] == [(15, "wounded"), (35, "killed"), (22, "killed")]
