"""Speakers named by layout: transcript labels, headline speakers, title-case headlines."""
from __future__ import annotations

import pytest

from factcheck.extract.labels import speaker_label, title_case
from factcheck.lexicon import default_lexicon


def spans(unit: str) -> tuple[str, str] | None:
    found = speaker_label(unit, default_lexicon())
    return None if found is None else (unit[found[0]:found[1]], unit[found[2]:])


@pytest.mark.parametrize("unit, expected", [
    ("RUIZ: We sail at dawn tomorrow.", ("RUIZ", "We sail at dawn tomorrow.")),
    ("Ana Ruiz: Ferries Will Sail Again", ("Ana Ruiz", "Ferries Will Sail Again")),
    ("Said Ruiz: the ferries will sail again", ("Ruiz", "the ferries will sail again")),
])
def test_a_label_names_the_speaker_and_where_the_words_start(unit, expected):
    assert spans(unit) == expected


@pytest.mark.parametrize("unit", [
    "UPDATE: the ferries sail again at dawn.",
    "The Latest: ferries sail again at dawn",
    "Harbor: Ana Ruiz, Bo Lee, Cy Park, Di Moss, Ed Fox",
    "Calm Over Chaos: the harbor reopens at dawn",
])
def test_headings_and_lists_are_not_speakers(unit):
    assert speaker_label(unit, default_lexicon()) is None


def test_title_case_is_a_headline_where_verbs_are_capitalised():
    assert title_case("Ruiz Vows To Reopen Pier Soon")
    assert not title_case("Ruiz said the pier would reopen soon")
