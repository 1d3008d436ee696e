"""place-conflict: one incident, tied by its figures, placed in two places that exclude each other."""
from __future__ import annotations

import re

import pytest

from factcheck.checks import place
from factcheck.extract.claims import event_reference
from factcheck.lexicon import default_lexicon
from factcheck.model import Quantity, Statement
from factcheck.places import Place, apart, places_of_key
from factcheck.ruleset import load_rules

RULE = next(r for r in load_rules().rules if r.kind == "place-conflict")


def said(text: str, frame: str, killed: float | None = 6, sid: int = 1, doc: int = 1, event: str = "accident",
         day: str = "2024-02-07", date_text: str | None = None, incident: str | None = None) -> Statement:
    figures = (Quantity(text=f"{killed:g} people", low=killed, high=killed, category="person", action="killed",
                        date=day),) if killed is not None else ()
    words = tuple(re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower()))
    return Statement(text=text, start=sid * 100, end=sid * 100 + len(text), event=event, frame=frame, date=day,
                     date_text=date_text, quantities=figures, incident=incident, document_id=doc, id=sid,
                     event_reference=event_reference(words, event, default_lexicon()))


@pytest.fixture
def flags(lexicon):
    return lambda *statements: [f.message for f in place.check(statements, RULE, lexicon)]


def test_two_far_towns_are_apart_and_a_town_lies_in_its_state():
    bruno, angeles, fresno = (places_of_key(k)[0] for k in ("San Bruno, US", "Los Angeles, US", "Fresno, US"))
    california = places_of_key("California, US")[0]
    assert apart(bruno, angeles, 100) and apart(bruno, fresno, 100)
    assert not apart(bruno, california, 100) and not apart(california, angeles, 100)
    assert apart(bruno, places_of_key("Nevada, US")[0], 100)


def test_a_neighbouring_town_and_a_country_are_not_apart():
    [bruno], [francisco] = places_of_key("San Bruno, US"), places_of_key("San Francisco, US")
    assert not apart(bruno, francisco, 100)  # a dozen kilometres: the city named for its suburb
    assert not apart(bruno, places_of_key("US")[0], 100)


def test_regions_outside_the_us_may_nest_and_are_never_apart():
    assert not apart(Place("Provence", "region", "FR"), Place("Var", "region", "FR"), 100)


def test_one_toll_in_two_far_towns_is_flagged(flags):
    found = flags(said("An explosion killed six people in Tacoma.", "Tacoma, US", sid=1, date_text="Wednesday"),
                  said("The explosion in Spokane killed six people.", "Spokane, US", sid=2))
    assert len(found) == 1 and found[0].index("Tacoma") < found[0].index("Spokane")  # in the order told


def test_an_incident_brought_in_at_each_place_is_two_incidents(flags):
    assert not flags(said("A shooting killed six people in Tacoma.", "Tacoma, US", event="shooting", sid=1),
                     said("It came after a shooting in Spokane that also killed six people.", "Spokane, US",
                          event="shooting", sid=2))


def test_a_place_pointed_back_to_is_the_incident_already_told(flags):
    assert flags(said("A shooting killed six people in Tacoma.", "Tacoma, US", event="shooting", sid=1),
                 said("Monday's shooting in Spokane killed six people.", "Spokane, US", event="shooting", sid=2))


def test_different_tolls_are_two_incidents(flags):
    assert not flags(said("An explosion killed six people in Tacoma.", "Tacoma, US", sid=1),
                     said("The explosion in Spokane killed two people.", "Spokane, US", killed=2, sid=2))


def test_a_third_place_makes_a_series(flags):
    assert not flags(said("A blast killed six in Tacoma.", "Tacoma, US", sid=1),
                     said("The blast in Spokane killed six.", "Spokane, US", sid=2),
                     said("The blast in Boise killed six.", "Boise, US", sid=3))


def test_a_statement_about_several_incidents_silences_the_story(flags):
    assert not flags(said("A blast killed six in Tacoma.", "Tacoma, US", sid=1),
                     said("The blast in Spokane killed six.", "Spokane, US", sid=2),
                     said("Blasts in Tacoma and Boise.", "*", killed=None, sid=3))


def test_two_stories_are_never_compared(flags):
    assert not flags(said("A blast killed six in Tacoma.", "Tacoma, US", sid=1, doc=1),
                     said("The blast in Spokane killed six.", "Spokane, US", sid=2, doc=2))


def test_two_named_days_or_two_means_are_two_incidents(flags):
    assert not flags(said("A blast killed six in Tacoma.", "Tacoma, US", sid=1, date_text="Monday", day="2024-02-05"),
                     said("The blast in Spokane killed six.", "Spokane, US", sid=2, date_text="Tuesday",
                          day="2024-02-06"))
    assert not flags(said("A strike killed six in Tacoma.", "Tacoma, US", event="attack", sid=1, incident="means:air"),
                     said("The shelling in Spokane killed six.", "Spokane, US", event="attack", sid=2,
                          incident="means:projectile"))


def test_events_that_happen_in_many_places_are_not_compared(flags):
    assert not flags(said("The election in Tacoma drew 6 voters.", "Tacoma, US", event="election", sid=1),
                     said("The election in Spokane drew 6 voters.", "Spokane, US", event="election", sid=2))


def test_an_event_named_in_the_plural_makes_a_series(flags):
    assert not flags(said("A strike killed six people in Tacoma.", "Tacoma, US", event="attack", sid=1),
                     said("Six people were killed in the strikes, residents said.", "Tacoma, US", event="attack",
                          killed=None, sid=2),
                     said("The strike in Spokane killed six people.", "Spokane, US", event="attack", sid=3))
    assert flags(said("A strike killed six people in Tacoma.", "Tacoma, US", event="attack", sid=1),
                 said("The strike in Spokane killed six people.", "Spokane, US", event="attack", sid=3))
