"""Event frames: which happening of its type a statement is about, within a story and across stories."""
from __future__ import annotations

import pytest

from factcheck.checks import run_checks
from factcheck.checks.common import frame_of
from factcheck.extract import extract
from factcheck.extract.frames import AMBIGUOUS, anchor, fits
from factcheck.model import Document
from factcheck.places import Place

KHARKIV = Place("Kharkiv", "city", "UA", 1400000)
ODESA = Place("Odesa", "city", "UA", 1000000)
UKRAINE = Place("Ukraine", "country", "UA")
RUSSIA = Place("Russia", "country", "RU")
ATTACK = "Strike on {0}\n\nA drone attack in {0} killed {1} people on Monday, officials said."


def doc(text: str, published: str = "2024-05-06") -> Document:
    return Document(text=text, published=published, published_from="metadata")


def frames(lexicon, text: str) -> list[tuple[int, str | None, str | None]]:
    """(sentence, event, frame) of each statement of the story."""
    return [(s.sentence, s.event, s.frame) for s in extract(doc(text), lexicon)]


def check(rules, *texts: str) -> list[str]:
    """The kinds of the flags the stories (all of 6 May 2024) raise together."""
    from factcheck.store import Store

    store = Store(":memory:")
    for text in texts:
        store.add_document(doc(text), extract(doc(text), rules.lexicon))
    findings = run_checks(store.statements(), rules.rules, rules.lexicon)
    store.close()
    return sorted(f.kind for f in findings if f.outcome == "flag" and f.severity != "info")


# anchor() and fits()

def test_an_attack_is_anchored_by_its_city(lexicon):
    assert anchor([KHARKIV], "attack", lexicon) == "Kharkiv, UA"
    assert anchor([UKRAINE, KHARKIV], "attack", lexicon) == "Kharkiv, UA"  # the finer place wins


def test_a_country_is_not_place_enough_for_an_attack_but_is_for_an_election(lexicon):
    assert anchor([UKRAINE], "attack", lexicon) is None
    assert anchor([UKRAINE], "election", lexicon) == "UA"
    assert anchor([], "attack", lexicon) is None


def test_an_exchange_is_anchored_by_its_parties(lexicon):
    assert anchor([UKRAINE, RUSSIA], "prisoner-exchange", lexicon) == "RU+UA"
    assert anchor([RUSSIA, UKRAINE, KHARKIV], "talks", lexicon) == "RU+UA"


def test_an_exchange_without_two_parties_falls_back_to_where_it_happened(lexicon):
    assert anchor([UKRAINE], "prisoner-exchange", lexicon) is None
    assert anchor([UKRAINE, KHARKIV], "prisoner-exchange", lexicon) == "Kharkiv, UA"


def test_two_places_of_one_rank_are_ambiguous(lexicon):
    assert anchor([KHARKIV, ODESA], "attack", lexicon) == AMBIGUOUS
    assert anchor([KHARKIV, KHARKIV], "attack", lexicon) == "Kharkiv, UA"


def test_a_statement_fits_a_frame_unless_its_country_contradicts(lexicon):
    assert fits("Kharkiv, UA", [], "attack", lexicon)
    assert fits("Kharkiv, UA", [UKRAINE], "attack", lexicon)
    assert not fits("Kharkiv, UA", [RUSSIA], "attack", lexicon)
    assert fits("RU+UA", [UKRAINE], "prisoner-exchange", lexicon)
    assert not fits("RU+UA", [Place("Armenia", "country", "AM")], "prisoner-exchange", lexicon)


# within a story

def test_a_statement_naming_no_place_joins_the_storys_only_frame(lexicon):
    got = frames(lexicon, "Depot hit\n\nA drone attack hit a depot in Kharkiv on Monday, officials said.\n\n"
                          "Rescuers worked through the night.\n\nThe mayor said the attack killed five people.")
    assert (4, "attack", "Kharkiv, UA") in got


def test_a_statement_whose_country_contradicts_joins_nothing(lexicon):
    got = frames(lexicon, "Depot hit\n\nA drone attack hit a depot in Kharkiv on Monday, officials said.\n\n"
                          "In Syria, the attack killed four, a monitor said.")
    assert (3, "attack", None) in got


def test_a_statement_joins_the_nearest_frame_before_it(lexicon):
    got = frames(lexicon, "Two strikes\n\nA drone attack hit a depot in Kharkiv on Monday.\n\n"
                          "Later a missile attack hit a port in Odesa.\n\nThe attack killed three people, the governor said.")
    assert (3, "attack", "Odesa, UA") in got
    assert (4, "attack", "Odesa, UA") in got


def test_the_nearest_frame_reaches_only_a_few_sentences_back(lexicon):
    filler = " ".join(f"Crews cleared road {n}." for n in range(1, 7))
    got = frames(lexicon, "Two strikes\n\nA drone attack hit a depot in Kharkiv on Monday. A missile attack hit a port "
                          f"in Odesa.\n\n{filler}\n\nThe attack killed three people, the governor said.")
    last = got[-1]
    assert last[1] == "attack" and last[2] is None, got


def test_the_dateline_anchors_a_story_with_no_other_anchor(lexicon):
    got = frames(lexicon, "ODESA, Ukraine (Wire) - A drone attack hit a depot on Monday, killing five people.")
    assert got and all(f == "Odesa, UA" for _, e, f in got if e == "attack"), got


def test_a_named_place_outranks_the_dateline(lexicon):
    got = frames(lexicon, "ODESA, Ukraine (Wire) - A drone attack hit a depot in Kharkiv on Monday, killing five.")
    assert [f for _, e, f in got if e == "attack"] == ["Kharkiv, UA"]


def test_two_cities_in_one_statement_are_ambiguous(lexicon):
    [s] = [s for s in extract(doc("Night raids\n\nAttacks in Kharkiv and in Odesa killed 20 people on Monday."), lexicon)
           if s.event]
    assert s.frame == AMBIGUOUS and frame_of(s) is None


def test_paris_and_brussels_in_one_statement_are_two_events(lexicon):
    [s] = [s for s in extract(doc("Night raids\n\nAttacks in Paris and in Brussels killed 20 people on Monday."), lexicon)
           if s.event]
    assert s.frame == AMBIGUOUS


def test_a_statement_without_a_frame_is_compared_within_its_story_only(lexicon):
    [s] = [s for s in extract(doc("The attack killed five people on Monday."), lexicon) if s.event]
    assert s.frame is None
    assert frame_of(s) == ("attack", "story", s.document_id)


def test_parties_that_are_the_source_still_anchor_the_exchange(lexicon):
    got = frames(lexicon, "Swap\n\nRussia and Ukraine released 90 prisoners each in a swap on Monday.")
    assert (2, "prisoner-exchange", "RU+UA") in got


# across stories

def test_attacks_in_two_cities_on_one_day_do_not_conflict(rules):
    assert "numeric-conflict" not in check(rules, ATTACK.format("Kharkiv", 12), ATTACK.format("Odesa", 20))


def test_attacks_in_the_same_city_on_one_day_conflict(rules):
    assert "numeric-conflict" in check(rules, ATTACK.format("Kharkiv", 12), ATTACK.format("Kharkiv", 20))


def test_exchanges_between_different_pairs_do_not_conflict(rules):
    swap = "Swap\n\n{} and {} released {} prisoners each in a swap on Monday, officials said."
    assert "numeric-conflict" not in check(rules, swap.format("Russia", "Ukraine", 90), swap.format("Armenia", "Azerbaijan", 30))
    assert "numeric-conflict" in check(rules, swap.format("Russia", "Ukraine", 90), swap.format("Ukraine", "Russia", 30))


def test_a_statement_naming_two_cities_compares_with_nothing(rules):
    both = "Strikes\n\nAttacks in Kharkiv and in Odesa killed 20 people on Monday, officials said."
    assert "numeric-conflict" not in check(rules, ATTACK.format("Kharkiv", 12), both)
    assert "numeric-conflict" not in check(rules, ATTACK.format("Odesa", 12), both)


def test_only_each_storys_first_count_of_a_measure_is_compared(rules):
    later = ("Strike on Kharkiv\n\nA drone attack in Kharkiv killed 12 people on Monday, officials said.\n\n"
             "Rescuers said 20 people were killed in Kharkiv on Monday in the same attack and an earlier one.")
    assert "numeric-conflict" not in check(rules, ATTACK.format("Kharkiv", 12), later)
    first = "Strike on Kharkiv\n\nA drone attack in Kharkiv killed 20 people on Monday, officials said."
    assert "numeric-conflict" in check(rules, ATTACK.format("Kharkiv", 12), first)


# the store

def test_frames_survive_the_store_round_trip(lexicon, store):
    d = doc("Strike on Kharkiv\n\nA drone attack in Kharkiv killed 12 people on Monday.\n\n"
            "Separately, Russia and Ukraine swapped 90 prisoners each.")
    extracted = extract(d, lexicon)
    store.add_document(d, extracted)
    loaded = store.statements()
    assert [(s.text, s.event, s.frame) for s in loaded] == [(s.text, s.event, s.frame) for s in extracted]
    rows = {(r["event"], r["anchor"]) for r in store.db["frames"].rows}
    assert rows == {("attack", "Kharkiv, UA"), ("prisoner-exchange", "RU+UA")}
    linked = store.db.execute("SELECT count(*) FROM statements WHERE frame_id IS NOT NULL").fetchone()[0]
    assert linked == sum(1 for s in extracted if s.frame)


def test_statements_of_one_frame_share_one_row(lexicon, store):
    for n in (12, 20):
        d = doc(ATTACK.format("Kharkiv", n))
        store.add_document(d, extract(d, lexicon))
    assert [(r["event"], r["anchor"]) for r in store.db["frames"].rows] == [("attack", "Kharkiv, UA")]


def test_verify_flags_the_same_city_only(fc, write):
    import json

    for name, city, n in (("a.txt", "Kharkiv", 12), ("b.txt", "Odesa", 20), ("c.txt", "Kharkiv", 20)):
        assert fc("ingest", write(name, ATTACK.format(city, n)), "--published", "2024-05-06").exit_code == 0
    result = fc("verify", "--format", "json")
    conflicts = [f for f in json.loads(result.output)["flags"] if f["kind"] == "numeric-conflict"]
    assert result.exit_code == 1 and len(conflicts) == 1, result.output
    assert {s["document"] for s in conflicts[0]["statements"]} == {"Strike on Kharkiv"}


def test_two_named_counting_bodies_in_one_story_are_a_dispute_to_flag(rules):
    story = ("Strike on Kharkiv\n\nThe regional governor said a drone attack in Kharkiv killed 12 people on Monday.\n\n"
             "The city council said the drone attack in Kharkiv killed 19 people on Monday.")
    assert "numeric-conflict" in check(rules, story)


def test_narration_and_a_later_figure_of_one_story_are_not_compared(rules):
    story = ("Strike on Kharkiv\n\nA drone attack in Kharkiv killed 12 people on Monday.\n\n"
             "Another 19 people were killed in Kharkiv on Monday in shelling of the market.")
    assert "numeric-conflict" not in check(rules, story)


# the day of a statement that names none

def test_a_statement_without_a_day_takes_its_frames_day_not_the_publication_day(lexicon):
    # published on Tuesday 7 May about Monday's attack
    story = ("Strike on Kharkiv\n\nA drone attack in Kharkiv killed 12 people on Monday, officials said.\n\n"
             "Another 40 people were wounded in the attack.")
    found = extract(doc(story, "2024-05-07"), lexicon)
    wounded = next(s for s in found if s.text.startswith("Another"))
    assert wounded.date == "2024-05-06" and wounded.quantities[0].date == "2024-05-06"


def test_the_day_an_attribution_names_dates_what_was_said(lexicon):
    story = "Swap\n\nThe ministry said on Monday that the swap between Russia and Ukraine was complete."
    (said,) = [s for s in extract(doc(story, "2024-05-07"), lexicon) if s.source]
    assert said.date == "2024-05-06"


# incidents: how and what

def test_air_strikes_and_shelling_in_one_city_are_two_incidents(rules):
    air = "Raid on Kharkiv\n\nAir strikes in Kharkiv killed 12 people on Monday, officials said."
    shells = "Shelling of Kharkiv\n\nShelling in Kharkiv killed 19 people on Monday, officials said."
    assert "numeric-conflict" not in check(rules, air, shells)
    more = "Raid on Kharkiv\n\nAir strikes in Kharkiv killed 19 people on Monday, medics said."
    assert "numeric-conflict" in check(rules, air, more)


def test_a_statement_naming_no_means_takes_its_frames(lexicon):
    story = ("Strike on Kharkiv\n\nA drone attack hit a market in Kharkiv on Monday, officials said.\n\n"
             "The attack in Kharkiv killed 12 people.")
    found = [s for s in extract(doc(story), lexicon) if s.event]
    assert found[-1].incident == "means:air target:market"


def test_a_country_that_brokers_an_exchange_is_no_party(lexicon):
    story = "Swap\n\nArmenia and Azerbaijan swapped 40 prisoners each in an exchange brokered by Qatar."
    anchors = {f for _, e, f in frames(lexicon, story) if e}
    assert anchors == {"AM+AZ"}


def test_a_verb_of_striking_places_the_town_it_hit(lexicon):
    story = "Strike\n\nA drone strike hit Kharkiv on Monday, killing 12 people."
    assert [f for _, e, f in frames(lexicon, story) if e][-1] == "Kharkiv, UA"


def test_figures_dated_only_by_a_year_are_not_compared_across_stories(rules):
    a = "Anniversary\n\nThe 2019 attack in Kharkiv killed 12 people, officials recalled."
    b = "Memorial\n\nThe 2019 attack in Kharkiv killed 19 people, the mayor recalled."
    assert "numeric-conflict" not in check(rules, a, b)


def test_a_story_of_two_incidents_gives_a_first_count_for_each(rules):
    both = ("Kharkiv\n\nAir strikes in Kharkiv killed 30 people on Monday, officials said.\n\n"
            "Separately, shelling in Kharkiv killed seven people on Monday.")
    other = "Shelling\n\nShelling in Kharkiv killed three people on Monday, medics said."
    assert "numeric-conflict" in check(rules, both, other)


def test_of_three_counts_the_closest_exact_pair_is_the_conflict(rules):
    from factcheck.checks import run_checks
    from factcheck.store import Store
    store = Store(":memory:")
    for toll, who_said in ((140, "officials"), (30, "medics"), (20, "police")):
        text = f"Strike on Kharkiv\n\nA drone attack in Kharkiv killed {toll} people on Monday, {who_said} said."
        store.add_document(doc(text), extract(doc(text), rules.lexicon))
    flags = [f for f in run_checks(store.statements(), rules.rules, rules.lexicon) if f.kind == "numeric-conflict"]
    assert [sorted(q.low for s in f.statements for q in s.quantities) for f in flags] == [[20, 30]]


def test_a_headline_figure_is_the_bodys_figure_with_its_day_and_reckoning(rules):
    # the headline names no day; its 26 is the body's count over two days, not a count of 8 May
    over_days = ("Raids kill 26 people in Kharkiv\n\nAir strikes in and around Kharkiv killed 26 people on "
                 "Monday and Tuesday, officials said.")
    one_day = "Raids kill 9 people in Kharkiv\n\nAir strikes in Kharkiv killed 9 people on Wednesday, medics said."
    assert "numeric-conflict" not in check(rules, over_days, one_day)
    told = [s for s in extract(doc(over_days, "2024-05-08"), rules.lexicon) if s.role == "headline"]
    assert [q.role for s in told for q in s.quantities] == ["running"]


def test_a_count_added_to_an_earlier_one_is_not_the_storys_toll(rules):
    parts = ("Strikes\n\nA drone attack in Odesa killed 12 people on Monday, officials said. "
             "Another five people were killed in a drone attack in Kharkiv on Monday, police said.")
    whole = "Kharkiv toll\n\nA drone attack in Kharkiv killed 12 people on Monday, medics said."
    assert "numeric-conflict" not in check(rules, parts, whole)


def test_a_figure_dated_by_part_of_a_month_meets_the_day_it_holds(rules):
    day = "Strike on Kharkiv\n\nA drone attack in Kharkiv on May 2 killed 12 people, officials said."
    early = "Strike on Kharkiv\n\nIn early May a drone attack in Kharkiv killed 20 people, officials said."
    late = "Strike on Kharkiv\n\nIn late April a drone attack in Kharkiv killed 20 people, officials said."
    assert "numeric-conflict" in check(rules, day, early)
    assert "numeric-conflict" not in check(rules, day, late)


def test_none_at_all_from_one_source_against_a_toll_from_another_in_one_story(rules):
    story = ("Strike on Kharkiv\n\nA drone attack in Kharkiv killed 12 people on Monday, a hospital spokesman said.\n\n"
             "The regional governor Oleh Synehubov said there were no deaths in the attack on Monday.")
    assert "numeric-conflict" in check(rules, story)
    alone = ("Strike on Kharkiv\n\nA drone attack in Kharkiv killed 12 people on Monday, Oleh Synehubov said.\n\n"
             "A second drone caused no deaths on Monday, Oleh Synehubov said.")
    assert "numeric-conflict" not in check(rules, alone)


def test_more_of_a_kind_than_another_story_counts_of_the_whole(rules):
    kind = "Strike on Kharkiv\n\nA drone attack in Kharkiv killed 20 civilians on Monday, officials said."
    whole = "Strike on Kharkiv\n\nA drone attack in Kharkiv killed 12 people on Monday, officials said."
    more = "Strike on Kharkiv\n\nA drone attack in Kharkiv killed 30 people on Monday, officials said."
    assert "numeric-conflict" in check(rules, kind, whole)
    assert "numeric-conflict" not in check(rules, kind, more)
