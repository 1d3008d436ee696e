"""Restated clauses: one clause of a story told twice, inside sentences that differ, with figures that cannot both hold."""
from __future__ import annotations

from dataclasses import replace

from factcheck.checks import run_checks
from factcheck.checks.restated import restated_clauses
from factcheck.extract import extract
from factcheck.model import Document
from factcheck.store import Store


def statements(rules, text: str, published: str | None = "2024-05-02"):
    store = Store(":memory:")
    doc = Document(text=text, published=published, published_from="metadata" if published else "unknown")
    store.add_document(doc, extract(doc, rules.lexicon))
    out = store.statements()
    store.close()
    return out


def numeric_flags(rules, text: str):
    sts = statements(rules, text)
    return [f for f in run_checks(sts, rules.rules, rules.lexicon) if f.kind == "numeric-conflict" and f.outcome == "flag"]


def test_a_short_sentence_restating_a_clause_of_a_longer_one(rules):
    flags = numeric_flags(rules, "Ferry\n\nThe old ferry carries 40 cars across the fjord.\n\n"
                                 "Crews painted the hull in May.\n\n"
                                 "Built in Bergen, the old ferry carries 60 cars across the fjord, the owner said.")
    assert len(flags) == 1
    assert {s.text.split()[-1] for s in flags[0].statements} >= {"fjord."}


def test_hedged_figures_that_cannot_both_hold(rules):
    pairs = restated_clauses(statements(rules, "Mill\n\nThe paper mill employs more than 400 people in the valley.\n\n"
                                                 "Its roof was replaced last year.\n\n"
                                                 "The paper mill employs fewer than 100 people in the valley, a union leaflet says."))
    assert [(a.value, b.value) for a, b in pairs] == [(400, 100)]


def test_hedged_figures_that_overlap_are_no_conflict(rules):
    assert restated_clauses(statements(rules, "Mill\n\nThe paper mill employs more than 400 people in the valley.\n\n"
                                                "Its roof was replaced last year.\n\n"
                                                "The paper mill employs about 450 people in the valley, a union leaflet says.")) == []


def test_a_relative_clause_of_another_subject_is_not_a_restatement(rules):
    # "which passed with" belongs to the ban, "The new levy passed with" to the levy: two votes
    assert restated_clauses(statements(rules, "Votes\n\nVoters also backed a ban on billboards, which passed with 57 percent "
                                                "of the vote in the town.\n\nThe new levy passed with 52 percent of the vote "
                                                "in the town.")) == []


def test_the_same_words_up_to_another_place_are_two_measures(rules):
    assert restated_clauses(statements(rules, "Homes\n\nThe council approved 40 new homes near the school.\n\n"
                                                "The council approved 60 new homes near the river.")) == []


def test_two_named_sources_giving_two_figures_are_reported_not_a_slip(rules):
    assert restated_clauses(statements(rules, "Mill\n\nThe paper mill employs 400 people in the valley, mayor Anna Berg said.\n\n"
                                                "The paper mill employs 250 people in the valley, union leader Tom Lind said.")) == []


def test_the_same_figure_restated_is_no_conflict(rules):
    assert restated_clauses(statements(rules, "Ferry\n\nThe old ferry carries 40 cars across the fjord.\n\n"
                                                "Built in Bergen, the old ferry carries 40 cars across the fjord.")) == []


def test_restated_figures_are_read_from_the_mentions_extraction_recorded(rules):
    sts = statements(rules, "Mill\n\nThe paper mill employs more than 400 people in the valley.\n\n"
                            "Its roof was replaced last year.\n\n"
                            "The paper mill employs fewer than 100 people in the valley, a union leaflet says.")
    (first,) = [m for s in sts for m in s.mentions if m.value == 400]
    assert (first.text, first.before, first.after[:3]) == ("400", ("the", "paper", "mill", "employs", "more", "than"),
                                                           ("people", "in", "the"))
    assert first.clause_before == ("paper", "mill", "employs") and first.clause_after[:3] == ("people", "in", "valley")
    assert restated_clauses([replace(s, mentions=()) for s in sts]) == []


def test_the_clause_around_a_point_equals_the_tokens_of_the_text_on_each_side() -> None:
    import random

    from factcheck.extract.wording import _Clause, _tokens
    rnd = random.Random(3)
    pieces = ["the", " ", "mill", ",", "about", "40", "Ferry", "(", "\u0130", "x%", "\u2014", "a", "which"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        clause = _Clause(text)
        for at in range(len(text) + 1):
            assert clause.before(at) == _tokens(text[:at]) and clause.after(at) == _tokens(text[at:]), (text, at)
