"""States of an event from the lexicon, with negation; short sentences written for these tests."""
from __future__ import annotations

import pytest

from factcheck.extract.states import find_event, find_statuses
from factcheck.lexicon import Lexicon
from factcheck.model import STATES


def states(text: str, lex: Lexicon) -> list[tuple[str, bool]]:
    return [(s.state, s.negated) for s in find_statuses(text, lex)]


@pytest.mark.parametrize(("text", "state"), [
    ("The sides are due to swap prisoners.", "planned"),
    ("The sides agreed to exchange prisoners.", "agreed"),
    ("Kyiv plans to free more.", "planned"),
    ("The exchange is ongoing.", "ongoing"),
    ("The swap is under way.", "ongoing"),
    ("Ukraine freed 390 prisoners, with more due.", "ongoing"),
    ("The exchange will continue.", "ongoing"),
    ("The swap has been completed.", "completed"),
    ("The sides wrapped up the swap.", "completed"),
    ("The swap is now complete.", "completed"),
    ("The negotiations were continuing on Tuesday.", "ongoing"),
    ("The search continues in the valley.", "ongoing"),
    ("The talks were cancelled.", "cancelled"),
    ("The talks were called off.", "cancelled"),
    ("Kyiv ruled out a ceasefire.", "ruled_out"),
])
def test_state_phrases(lexicon: Lexicon, text: str, state: str) -> None:
    assert states(text, lexicon) == [(state, False)]


def test_would_free_more_in_the_coming_days(lexicon: Lexicon) -> None:
    found = states("Moscow would free more in the coming days.", lexicon)
    assert found and all(s == ("ongoing", False) for s in found)


@pytest.mark.parametrize("text", [
    "The exchange has not been completed.",
    "The swap was never completed.",
    "The swap isn't complete.",
    "The swap hasn't been completed.",
    "The swap hasn\u2019t been completed.",
    "Kyiv denied it was cancelled.",
])
def test_negation(lexicon: Lexicon, text: str) -> None:
    found = states(text, lexicon)
    assert len(found) == 1 and found[0][1] is True


def test_negation_reaches_only_a_few_words_back(lexicon: Lexicon) -> None:
    assert states("No one was hurt and the long awaited swap was completed.", lexicon) == [("completed", False)]


@pytest.mark.parametrize("text", ["They published a complete list of names.", "Kyiv wants a complete exchange."])
def test_complete_as_adjective_is_no_state(lexicon: Lexicon, text: str) -> None:
    assert states(text, lexicon) == []


def test_no_state(lexicon: Lexicon) -> None:
    assert states("Ukraine released 390 prisoners.", lexicon) == []


def test_longest_phrase_wins(lexicon: Lexicon) -> None:
    [status] = find_statuses("The swap has been completed.", lexicon)
    assert status.cue == "has been completed"
    assert (status.start, status.end) == (9, 27)


def test_lexicon_states_are_known(lexicon: Lexicon) -> None:
    assert set(lexicon.states) <= set(STATES)
    assert "ongoing" in lexicon.conflicts["completed"]


@pytest.mark.parametrize("text", [
    "The first stage of the exchange was completed on Friday.",
    "The sides completed the second round of the swap.",
])
def test_a_finished_stage_is_not_a_finished_event(lexicon: Lexicon, text: str) -> None:
    assert ("completed", False) not in states(text, lexicon)


def test_the_final_stage_finishes_the_event(lexicon: Lexicon) -> None:
    assert ("completed", False) in states("The final stage of the exchange was completed on Sunday.", lexicon)


def test_holding_is_a_state_only_without_an_object(lexicon: Lexicon) -> None:
    assert states("The truce was holding despite the shelling.", lexicon) == [("ongoing", False)]
    assert states("The group was holding 40 hostages.", lexicon) == []


def test_prisoners_of_war_name_no_war(lexicon: Lexicon) -> None:
    assert find_event("Russia and Ukraine swapped 84 prisoners of war.", lexicon, ["released"]) == "prisoner-exchange"


def test_an_agreed_release_belongs_to_the_exchange(lexicon: Lexicon) -> None:
    assert find_event("The sides agreed to release 60 hostages.", lexicon, ["agreed"]) == "prisoner-exchange"
    assert find_event("The council agreed to spend 60 million.", lexicon, ["agreed"]) is None
