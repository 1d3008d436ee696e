"""Events: lexicon synonyms name one event; a figure's action implies one when no noun does."""
from __future__ import annotations

from datetime import date

import pytest

from factcheck.extract import extract
from factcheck.extract.states import find_event
from factcheck.lexicon import Lexicon
from factcheck.model import Document


@pytest.mark.parametrize("text", [
    "The swap went ahead.",
    "The exchange went ahead.",
    "The prisoner swap went ahead.",
    "Both exchanges went ahead.",
])
def test_synonyms_name_one_event(lexicon: Lexicon, text: str) -> None:
    assert find_event(text, lexicon, []) == "prisoner-exchange"


def test_specific_event_wins_over_war(lexicon: Lexicon) -> None:
    assert find_event("The war saw its largest swap.", lexicon, []) == "prisoner-exchange"
    assert find_event("The war goes on.", lexicon, []) == "war"


def test_words_not_inside_other_words(lexicon: Lexicon) -> None:
    assert find_event("The warden spoke.", lexicon, []) is None


def test_event_from_an_action(lexicon: Lexicon) -> None:
    assert find_event("Kyiv freed 84 soldiers.", lexicon, ["released"]) == "prisoner-exchange"
    assert find_event("Shelling left 7 dead.", lexicon, ["killed"]) == "attack"
    assert find_event("Prices rose.", lexicon, [None]) is None


def test_statements_about_one_swap_share_the_event(lexicon: Lexicon) -> None:
    doc = Document(text="Swap goes on\n\nThe swap began on Friday. Officials said the exchange was ongoing.\n",
                   published=date(2025, 5, 23).isoformat())
    body = [s for s in extract(doc, lexicon) if s.role == "body"]
    assert len(body) == 2
    assert {s.event for s in body} == {"prisoner-exchange"}
