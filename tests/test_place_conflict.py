"""place-conflict: one incident, tied by its figures, placed in two places that exclude each other."""
from __future__ import annotations

from factcheck.checks import place
from factcheck.model import Quantity, Statement
from factcheck.places import Place, apart, places_of_key
from factcheck.ruleset import load_rules

RULE = next(r for r in load_rules().rules if r.kind == "place-conflict")


def said(text: str, frame: str, killed: float | None = 6, sid: int = 1, doc: int = 1, event: str = "accident",
         day: str = "2024-02-07", date_text: str | None = None, incident: str | None = None) -> Statement:
    figures = (Quantity(text=f"{killed:g} people", low=killed, high=killed, category="person", action="killed",
                        date=day),) if killed is not None else ()
    return Statement(text=text, start=sid * 100, end=sid * 100 + len(text), event=event, frame=frame, date=day,
                     date_text=date_text, quantities=figures, incident=incident, document_id=doc, id=sid)


def flags(*statements: Statement) -> list[str]:
    return [f.message for f in place.check(statements, RULE, None)]  # the check reads no lexicon


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


def test_one_toll_in_two_far_towns_is_flagged():
    found = flags(said("An explosion killed six people in Tacoma.", "Tacoma, US", sid=1, date_text="Wednesday"),
                  said("The explosion in Spokane killed six people.", "Spokane, US", sid=2))
    assert len(found) == 1 and "Tacoma" in found[0] and "Spokane" in found[0]


def test_different_tolls_are_two_incidents():
    assert not flags(said("An explosion killed six people in Tacoma.", "Tacoma, US", sid=1),
                     said("An explosion in Spokane killed two people.", "Spokane, US", killed=2, sid=2))


def test_a_third_place_makes_a_series():
    assert not flags(said("A blast killed six in Tacoma.", "Tacoma, US", sid=1),
                     said("A blast in Spokane killed six.", "Spokane, US", sid=2),
                     said("A blast in Boise killed six.", "Boise, US", sid=3))


def test_a_statement_about_several_incidents_silences_the_story():
    assert not flags(said("A blast killed six in Tacoma.", "Tacoma, US", sid=1),
                     said("The blast in Spokane killed six.", "Spokane, US", sid=2),
                     said("Blasts in Tacoma and Boise.", "*", killed=None, sid=3))


def test_two_stories_are_never_compared():
    assert not flags(said("A blast killed six in Tacoma.", "Tacoma, US", sid=1, doc=1),
                     said("The blast in Spokane killed six.", "Spokane, US", sid=2, doc=2))


def test_two_named_days_or_two_means_are_two_incidents():
    assert not flags(said("A blast killed six in Tacoma.", "Tacoma, US", sid=1, date_text="Monday", day="2024-02-05"),
                     said("The blast in Spokane killed six.", "Spokane, US", sid=2, date_text="Tuesday",
                          day="2024-02-06"))
    assert not flags(said("A strike killed six in Tacoma.", "Tacoma, US", event="attack", sid=1, incident="means:air"),
                     said("Shelling killed six in Spokane.", "Spokane, US", event="attack", sid=2,
                          incident="means:projectile"))


def test_events_that_happen_in_many_places_are_not_compared():
    assert not flags(said("The election in Tacoma drew 6 voters.", "Tacoma, US", event="election", sid=1),
                     said("The election in Spokane drew 6 voters.", "Spokane, US", event="election", sid=2))
