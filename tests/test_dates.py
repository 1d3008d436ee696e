"""Dates by hand: absolute days, months, years, weekdays by tense, relative weeks, 'since' ranges."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.dates import DateMention, find_dates, future_tense, parse_iso, parse_stamp, resolve_weekday, stamp_at

WEDNESDAY = date(2025, 5, 21)


def only(text: str, published: date | None = WEDNESDAY) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, [d.text for d in found]
    return found[0]


@pytest.mark.parametrize(("text", "iso", "kind"), [
    ("The sides met on May 6, 2025.", "2025-05-06", "day"),
    ("The sides met on May 6 2025.", "2025-05-06", "day"),
    ("The sides met on 23 May 2025.", "2025-05-23", "day"),
    ("The sides met on Sept. 3, 2024.", "2024-09-03", "day"),
    ("The war began in February 2022.", "2022-02", "month"),
    ("The war began in 2022.", "2022", "year"),
])
def test_absolute(text: str, iso: str, kind: str) -> None:
    d = only(text, None)
    assert (d.iso, d.kind) == (iso, kind)


def test_month_range_covers_the_month() -> None:
    d = only("The war began in February 2024.")
    assert (d.first, d.last) == (date(2024, 2, 1), date(2024, 2, 29))


def test_day_without_year_takes_the_publication_year() -> None:
    assert only("The sides met on May 6.").iso == "2025-05-06"
    assert only("The sides met on Dec. 6.").iso == "2024-12-06"  # far ahead of May: last year


def test_day_without_year_needs_a_publication_date() -> None:
    assert find_dates("The sides met on May 6.", None) == []


def test_invalid_day_is_no_day() -> None:
    assert [d.kind for d in find_dates("The file says 31 February 2025.", None)] == ["month"]


def test_a_bare_number_is_not_a_year() -> None:
    assert find_dates("Kyiv freed 2000 soldiers.", None) == []


@pytest.mark.parametrize(("text", "iso"), [
    ("Russia freed 390 prisoners on Friday.", "2025-05-16"),
    ("Russia said on Friday that more will be freed.", "2025-05-16"),
    ("More prisoners will be freed on Friday.", "2025-05-23"),
    ("More prisoners are due to be freed on Friday.", "2025-05-23"),
    ("Kyiv said more prisoners would be freed on Friday.", "2025-05-23"),
    ("The sides met on Wednesday.", "2025-05-21"),
    ("The sides will meet on Wednesday.", "2025-05-21"),
    ("The sides met last Thursday.", "2025-05-15"),
    ("The sides meet next Monday.", "2025-05-26"),
])
def test_weekday_by_tense(text: str, iso: str) -> None:
    assert only(text).iso == iso


def test_two_weekdays_two_tenses() -> None:
    friday, sunday = find_dates("The sides swapped 390 prisoners on Friday and will free more on Sunday.", WEDNESDAY)
    assert (friday.iso, sunday.iso) == ("2025-05-16", "2025-05-25")


def test_future_tense_reads_the_nearest_cue() -> None:
    text = "Trump said on Monday that talks will start."
    at = text.index("Monday")
    assert not future_tense(text, at, at + 6)
    text = "Trump said that talks will start on Monday."
    at = text.index("Monday")
    assert future_tense(text, at, at + 6)


def test_resolve_weekday_same_day() -> None:
    assert resolve_weekday("wednesday", WEDNESDAY, future=False) == WEDNESDAY
    assert resolve_weekday("wednesday", WEDNESDAY, future=True) == WEDNESDAY
    assert resolve_weekday("tuesday", WEDNESDAY, future=True) == date(2025, 5, 27)


def test_weekday_needs_a_publication_date() -> None:
    assert find_dates("The sides met on Friday.", None) == []


@pytest.mark.parametrize(("text", "first", "last"), [
    ("Talks took place last week.", date(2025, 5, 12), date(2025, 5, 18)),
    ("The envoy arrived earlier this week.", date(2025, 5, 19), date(2025, 5, 21)),
    ("The envoy arrives next week.", date(2025, 5, 26), date(2025, 6, 1)),
    ("Prices rose last month.", date(2025, 4, 1), date(2025, 4, 30)),
])
def test_relative_ranges(text: str, first: date, last: date) -> None:
    d = only(text)
    assert (d.kind, d.first, d.last) == ("range", first, last)


def test_yesterday_is_a_day() -> None:
    d = only("The sides met yesterday.")
    assert (d.kind, d.iso) == ("day", "2025-05-20")


def test_last_month_in_january() -> None:
    d = only("Prices rose last month.", date(2025, 1, 10))
    assert (d.first, d.last) == (date(2024, 12, 1), date(2024, 12, 31))


@pytest.mark.parametrize(("text", "first"), [
    ("Kyiv has held the town since June 2024.", date(2024, 6, 1)),
    ("Kyiv has held the town since 2023.", date(2023, 1, 1)),
    ("Kyiv has held the town since May 6, 2025.", date(2025, 5, 6)),
])
def test_since_is_a_range_to_the_publication_date(text: str, first: date) -> None:
    d = only(text)
    assert (d.kind, d.first, d.last) == ("range", first, WEDNESDAY)
    assert d.text.startswith("since")
    assert d.iso == f"{first.isoformat()}/2025-05-21"


def test_since_without_publication_date_is_open() -> None:
    d = only("Kyiv has held the town since June 2024.", None)
    assert d.iso == "2024-06-01/.."


def test_offsets() -> None:
    text = "The sides met on 23 May 2025 in Istanbul."
    d = only(text, None)
    assert text[d.start:d.end] == d.text == "23 May 2025"


def test_parse_stamp() -> None:
    assert parse_stamp("Updated 23 May 2025") == date(2025, 5, 23)
    assert parse_stamp("Published May 6, 2025 10:00") == date(2025, 5, 6)
    assert parse_stamp("Updated 2 sec ago") is None
    assert parse_stamp("2025-05-23T10:00") == date(2025, 5, 23)


def test_parse_iso() -> None:
    assert parse_iso("2025-05-23") == date(2025, 5, 23)
    assert parse_iso("2025-02-30") is None
    assert parse_iso("May 2025") is None
    assert parse_iso(None) is None


@pytest.mark.parametrize("published", [date.min, date.max, date(1, 1, 3)])
def test_extreme_publication_dates_do_not_overflow(published: date) -> None:
    for text in ("The sides met last week.", "They meet tomorrow.", "They met on Friday.", "They met on May 6."):
        find_dates(text, published)


TOKENS = ["on", "since", "last", "next", "week", "earlier this week", "May", "6,", "2025", "February", "31", "Friday",
          "will", "said", "freed", "due to", ",", "and", "in", "2022", "\n", "Sept.", "yesterday"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(st.sampled_from(TOKENS), max_size=30).map(" ".join)),
       st.one_of(st.none(), st.dates()))
def test_find_dates_never_raises(text: str, published: date | None) -> None:
    for d in find_dates(text, published):
        assert text[d.start:d.end] == d.text
        assert d.first <= d.last


@pytest.mark.parametrize(("text", "iso"), [
    # published on a Wednesday: a plan names the coming weekday, the publication day included
    ("On Thursday, the council is expected to vote on the plan.", "2025-05-22"),
    ("On Tuesday the council is expected to vote on the plan.", "2025-05-27"),
    ("On Friday, the council will vote.", "2025-05-23"),
    ("The prisoners could be freed on Thursday.", "2025-05-22"),
    ("A vote may come on Friday.", "2025-05-23"),
    ("They\u2019ll vote on Friday.", "2025-05-23"),
    ("Officials expect a vote on Friday.", "2025-05-23"),
    ("On Friday, the council freed 30 prisoners.", "2025-05-16"),
    ("The mayor could not be reached for comment on Tuesday.", "2025-05-20"),
])
def test_weekday_forward_with_plans_and_modals(text: str, iso: str) -> None:
    assert only(text).iso == iso


@pytest.mark.parametrize(("text", "iso"), [
    ("The list dated 18.05.2017 named 50 people.", "2017-05-18"),
    ("The list dated 05/18/2017 named 50 people.", "2017-05-18"),
    ("The list dated 2017-05-18 named 50 people.", "2017-05-18"),
    ("The list dated 18-05-2017 named 50 people.", "2017-05-18"),
])
def test_numeric_days(text: str, iso: str) -> None:
    d = only(text, None)
    assert (d.iso, d.kind) == (iso, "day")


def test_an_ambiguous_numeric_day_takes_the_reading_nearer_publication() -> None:
    assert only("The list dated 05/06/2025 named 50 people.", date(2025, 6, 7)).iso == "2025-06-05"
    assert only("The list dated 05/06/2025 named 50 people.", date(2025, 5, 7)).iso == "2025-05-06"


@pytest.mark.parametrize(("text", "year"), [
    ("The 111 names chosen in 2010 were kept.", "2010"),
    ("A 2001 story gave the toll.", "2001"),
    ("The 2016 election changed little.", "2016"),
])
def test_a_named_year(text: str, year: str) -> None:
    d = only(text, None)
    assert (d.iso, d.kind) == (year, "year")


@pytest.mark.parametrize(("line", "stamp", "day"), [
    ("06.05.2025(updated 1412 06.05.2025) Get short URL", "06.05.2025(updated 1412 06.05.2025)", date(2025, 5, 6)),
    ("Date of publication 6 May 2025 The sides met.", "Date of publication 6 May 2025", date(2025, 5, 6)),
    ("Updated: May 6, 2025 10:00 GMT", "Updated: May 6, 2025 10:00 GMT", date(2025, 5, 6)),
    ("06.05.2025 150 people were freed.", "06.05.2025", date(2025, 5, 6)),
])
def test_stamp_at(line: str, stamp: str, day: date) -> None:
    end, found = stamp_at(line)
    assert (line[:end], found) == (stamp, day)


@pytest.mark.parametrize("line", ["Updated 2 sec ago", "6 May 2025 was the day", "10.5 percent", "The sides met."])
def test_no_stamp(line: str) -> None:
    assert stamp_at(line) == (0, None)


def test_parse_stamp_reads_numeric_days() -> None:
    assert parse_stamp("18.05.2017") == date(2017, 5, 18)


def test_a_part_of_a_month_is_a_span_of_days() -> None:
    from datetime import date as day

    from factcheck.dates import find_dates
    (early,) = find_dates("Floods hit the valley in early March.", day(2024, 3, 20))
    assert (early.kind, early.first, early.last) == ("range", day(2024, 3, 1), day(2024, 3, 10))
    (late,) = find_dates("The dam gave way in late-December.", day(2024, 3, 20))
    assert (late.first, late.last) == (day(2023, 12, 21), day(2023, 12, 31))


def test_a_day_counted_from_another_dates_what_follows() -> None:
    from datetime import date as day

    from factcheck.dates import find_dates
    found = find_dates("Shelling hit the port on Friday, a day after raids on the airport.", day(2024, 3, 20))
    assert [(d.text, d.first, d.ahead) for d in found] == [("on Friday", day(2024, 3, 15), False),
                                                           ("a day after", day(2024, 3, 14), True)]
    assert find_dates("She resigned a week before the vote.", day(2024, 3, 20)) == []
