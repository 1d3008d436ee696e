"""The checks on short stories written for these tests: what flags, what passes, what must stay quiet."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

from factcheck.checks import run_checks
from factcheck.checks.restated import restated
from factcheck.extract import extract
from factcheck.extract.durations import event_start, find_durations
from factcheck.model import Document
from factcheck.store import WORDING_COLUMNS, Store


def check(rules, *docs: tuple[str, str | None], outlet: str | None = None):
    """Store each (text, published) story, run every rule, return (flags, passes)."""
    store = Store(":memory:")
    for text, published in docs:
        doc = Document(text=text, published=published, outlet=outlet, published_from="metadata" if published else "unknown")
        store.add_document(doc, extract(doc, rules.lexicon))
    findings = run_checks(store.statements(), rules.rules, rules.lexicon)
    store.close()
    flags = [f for f in findings if f.outcome == "flag" and f.severity != "info"]
    return flags, [f for f in findings if f.outcome == "pass"]


def kinds(findings) -> list[str]:
    return sorted(f.kind for f in findings)


def test_status_conflict_names_both_sources_and_the_day(rules):
    flags, _ = check(rules, ("Ferry swap\n\nThe mayor wrote on Telegram that the ferry swap had been completed, "
                             "but an official said the exchange was ongoing.", "2024-03-08"))
    conflict = [f for f in flags if f.kind == "status-conflict"]
    assert conflict, kinds(flags)
    assert "8 March 2024" in conflict[0].message
    assert {s.source for s in conflict[0].statements} >= {"the mayor", "an official"}


def test_states_on_different_days_do_not_conflict(rules):
    flags, _ = check(rules,
                     ("Swap starts\n\nAn official said the ferry exchange was ongoing on Friday.", "2024-03-08"),
                     ("Swap ends\n\nThe harbour office said the ferry exchange was completed on Sunday.", "2024-03-10"))
    assert "status-conflict" not in kinds(flags)


def test_daily_stages_add_up_to_the_completed_total(rules):
    _, passes = check(rules, ("Exchange ends\n\nThe towns completed the exchange of 100 detainees each on Sunday.\n\n"
                              "On Sunday each town released 30 detainees. That followed 45 detainees freed by each town "
                              "on Saturday and 25 detainees on Friday.", "2024-03-10"))
    sums = [p for p in passes if p.kind == "sum-mismatch"]
    assert any("25 + 45 + 30" in p.message or "25 + 45 + 30" in p.detail for p in sums), [p.message for p in sums]


def test_daily_stages_that_overshoot_are_flagged(rules):
    flags, _ = check(rules, ("Exchange ends\n\nThe towns completed the exchange of 100 detainees each on Sunday.\n\n"
                             "On Sunday each town released 30 detainees. That followed 55 detainees freed by each town "
                             "on Saturday and 25 detainees on Friday.", "2024-03-10"))
    assert "sum-mismatch" in kinds(flags)


def test_casualties_add_up_from_killed_and_wounded(rules):
    _, passes = check(rules, ("Blast\n\nA blast hit the depot on Monday, killing two people and wounding five, "
                              "the fire service said.\n\nThe seven casualties were taken to hospital.", "2024-02-05"))
    assert any(p.kind == "sum-mismatch" and "2 + 5 = 7" in p.message for p in passes), [p.message for p in passes]


def test_a_total_with_no_day_named_fits_the_dated_parts(rules):
    story = ("Storm\n\nThe storm killed nine people and injured 31 on Thursday, the agency said.\n\n"
             "Hospitals treated a total of {} casualties, the agency added.")
    flags, passes = check(rules, (story.format(45), "2024-10-11"))
    assert kinds(flags) == ["sum-mismatch"]
    flags, passes = check(rules, (story.format(40), "2024-10-11"))
    assert not flags and kinds(passes) == ["sum-mismatch"]


def test_another_days_total_is_not_the_parts_total(rules):
    flags, passes = check(rules, ("Storm\n\nThe storm killed nine people and injured 31 on Thursday.\n\n"
                                  "On Friday hospitals treated 45 casualties.", "2024-10-12"))
    assert not [f for f in flags + passes if f.kind == "sum-mismatch"]


def test_an_agreed_release_is_the_total_a_completion_is_measured_against(rules):
    flags, _ = check(rules, ("Hostages\n\nThe two sides agreed to release 60 hostages last week.\n\n"
                             "The kidnappers freed 25 hostages on Friday.\n\n"
                             "The minister said on Friday that the handover had been completed.", "2024-02-09"))
    assert "completion-conflict" in kinds(flags)


def test_a_figure_restated_with_another_number_in_one_story(rules):
    flags, _ = check(rules, ("Court\n\nThe hearing must start within 14 days of the charge, the court said.\n\n"
                             "Lawyers met the judge on Monday.\n\nThe hearing must start within 30 days of the charge.", None))
    assert "numeric-conflict" in kinds(flags)


def test_breakdowns_with_many_figures_are_not_restatements(rules, lexicon):
    store = Store(":memory:")
    doc = Document(text="Poll\n\nOf the men, 40 percent were for, 35 percent against and 25 percent unsure.\n\n"
                        "Of the women, 45 percent were for, 30 percent against and 25 percent unsure.")
    store.add_document(doc, extract(doc, lexicon))
    assert restated(store.statements(), 90.0) == []


def test_two_named_sources_disputing_a_figure_in_one_story_is_reporting_not_a_slip(rules):
    flags, _ = check(rules, ("Blast\n\nThe blast killed 40 people on Monday, hospital director Anna Berg said.\n\n"
                             "The blast killed 32 people on Monday, Interior Minister Tom Lind said.", "2024-02-05"))
    assert "numeric-conflict" not in kinds(flags)


def test_two_stories_disagreeing_on_one_measure(rules):
    flags, _ = check(rules,
                     ("Stage two\n\nArmenia and Azerbaijan each released 41 detainees on Sunday in the swap, the ministry said.", "2024-03-10"),
                     ("Stage two\n\nArmenia and Azerbaijan each released 48 detainees on Sunday in the exchange.", "2024-03-10"))
    assert "numeric-conflict" in kinds(flags)


def test_a_story_negating_its_own_sentence(rules):
    flags, _ = check(rules, ("Bridge\n\nThe new bridge over the river is safe for heavy trucks.\n\n"
                             "Engineers inspected it twice.\n\nThe new bridge over the river is not safe for heavy trucks.", None))
    assert "polarity-conflict" in kinds(flags)


def test_a_clean_story_with_many_figures_flags_nothing(rules):
    flags, _ = check(rules, ("Harbour report\n\nThe harbour handled 1,200 ships in 2023, up from 1,050 in 2022.\n\n"
                             "About 300 people work there, the port authority said on Tuesday.\n\n"
                             "Two new cranes arrived in March and a third is due in June.", "2024-01-09"))
    assert flags == []


def test_two_outlets_disagree_on_a_quake_toll(rules):
    flags, _ = check(rules,
                     ("Quake\n\nThe earthquake in Herat province killed 120 people on Monday, officials said.", "2024-02-05"),
                     ("Quake toll\n\nMonday's earthquake in Herat province killed 150 people, the health ministry said.", "2024-02-05"))
    assert "numeric-conflict" in kinds(flags)


def test_a_hedged_toll_that_covers_the_other_is_no_conflict(rules):
    flags, _ = check(rules,
                     ("Quake\n\nThe earthquake killed about 120 people on Monday, officials said.", "2024-02-05"),
                     ("Quake toll\n\nMonday's earthquake killed 125 people, the health ministry said.", "2024-02-05"))
    assert "numeric-conflict" not in kinds(flags)



def test_parts_listed_after_including_that_exceed_the_total(rules):
    flags, _ = check(rules, ("Release\n\nA total of 60 prisoners were freed on each side on Friday, including 45 soldiers "
                             "and 25 civilians, officials said.", "2024-03-08"))
    assert "sum-mismatch" in kinds(flags)


def test_an_including_list_may_be_partial(rules):
    flags, _ = check(rules, ("Release\n\nA total of 60 prisoners were freed on each side on Friday, including 35 soldiers "
                             "and 10 civilians, officials said.", "2024-03-08"))
    assert "sum-mismatch" not in kinds(flags)


def test_killed_or_wounded_is_the_casualty_total(rules):
    flags, _ = check(rules, ("Strike\n\nThe strike killed 12 people and wounded 30 on Tuesday, the governor said. "
                             "In all, 40 people were killed or wounded.", "2024-07-02"))
    assert kinds(flags) == ["sum-mismatch"]


def test_a_trimmed_quote_is_not_a_misquote(rules):
    flags, _ = check(rules,
                     ('Budget\n\n"We will not raise the ferry fares this winter, and we mean it," Mayor Ines Vold said.', "2024-03-08"),
                     ('Fares\n\n"We will not raise the fares this winter," Mayor Ines Vold said.', "2024-03-09"))
    assert "quote-mismatch" not in kinds(flags)


def test_a_changed_word_in_a_quote_is_a_misquote(rules):
    flags, _ = check(rules,
                     ('Budget\n\n"We will not raise the ferry fares this winter," Mayor Ines Vold said.', "2024-03-08"),
                     ('Fares\n\n"We will not lower the ferry fares this winter," Mayor Ines Vold said.', "2024-03-09"))
    assert "quote-mismatch" in kinds(flags)


def test_a_superlative_about_something_else_is_no_record_claim(rules):
    flags, _ = check(rules,
                     ("Raid\n\nAn attack killed 40 people in Mosul on Monday, officials said.", "2024-03-04"),
                     ("Mall\n\nAn attack near one of the country's largest malls killed 12 people in Mosul on Friday.",
                      "2024-03-08"))
    assert "superlative-conflict" not in kinds(flags)


def test_a_sentence_restated_with_other_words_is_not_a_restated_figure(rules):
    flags, _ = check(rules, ("Plans\n\nHere are three reasons the council should be hopeful about the budget.\n\n"
                             "Here are four reasons the council should be worried about the budget.", "2024-03-08"))
    assert "numeric-conflict" not in kinds(flags)


def test_one_voice_telling_how_a_truce_went_is_not_two_accounts(rules):
    flags, _ = check(rules, ("Truce\n\nThe truce between Armenia and Azerbaijan was holding on Monday morning.\n\n"
                             "By the evening the shelling had ended the truce between Armenia and Azerbaijan.", "2024-03-04"))
    assert "status-conflict" not in kinds(flags)


def test_parts_without_a_verb_refer_to_the_sentence_before(rules):
    flags, passes = check(rules, ("Swap\n\nArmenia and Azerbaijan swapped 90 prisoners each on Monday.\n\n"
                                  "They included 50 soldiers and 30 civilians.", "2024-03-04"))
    assert "sum-mismatch" in kinds(flags)
    flags, passes = check(rules, ("Swap\n\nArmenia and Azerbaijan swapped 90 prisoners each on Monday.\n\n"
                                  "They included 60 soldiers and 30 civilians.", "2024-03-04"))
    assert "sum-mismatch" not in kinds(flags) and "sum-mismatch" in kinds(passes)


# --- records the checks read (extraction reads the text once) -------------------------------------------

def stored(rules, *docs: tuple[str, str | None], path: str = ":memory:"):
    store = Store(path)
    for text, published in docs:
        doc = Document(text=text, published=published, published_from="metadata" if published else "unknown")
        store.add_document(doc, extract(doc, rules.lexicon))
    out = store.statements()
    store.close()
    return out


def body(rules, *docs: tuple[str, str | None]):
    return [s for s in stored(rules, *docs) if s.role == "body"]


def test_a_duration_is_a_quantity_in_its_unit_naming_its_event(rules):
    start, claim = body(rules, ("Dam\n\nThe siege of the dam town began in June 2019.\n\n"
                                  "After almost two years of siege, the town has run out of flour, a baker said.", "2024-06-10"))
    assert start.began == "2019-06-01/2019-06-30"
    (d,) = claim.durations
    assert (d.text, d.unit, d.low, d.high, d.hedge, d.category) == ("almost two years of siege", "year", 1.7, 2.0, "almost", "war")
    assert claim.quantities == ()  # a span of time is no count
    flags = run_checks([start, claim], [rules.get("duration-mismatch")], rules.lexicon)
    assert [f.kind for f in flags] == ["duration-mismatch"]  # June 2019 to June 2024 is five years, not two


def test_duration_hedges_and_start_words_come_from_the_lexicon(rules):
    text = "After nearly three years of war, the valley is empty."
    (d,) = find_durations(text, rules.lexicon)
    assert (d.low, d.high, d.unit) == (3 * 0.85, 3.0, "year")
    looser = replace(rules.lexicon, duration_hedges={"nearly": (0.5, 1.0)}, starts=("kicked off",))
    (d,) = find_durations(text, looser)
    assert (d.low, d.high) == (1.5, 3.0)
    assert event_start("The war kicked off in May 2014.", looser) == "2014-05-01/2014-05-31"
    assert event_start("The war kicked off in May 2014.", rules.lexicon) is None


def test_a_share_carries_the_percent_unit_and_shares_are_not_summed(rules):
    (s,) = body(rules, ("Swap\n\nThe sides swapped 390 prisoners, of whom 55 percent were soldiers and 40% civilians.",
                        "2024-02-01"))
    assert [(q.low, q.unit) for q in s.quantities] == [(390, None), (55, "percent"), (40, "percent")]
    assert "sum-mismatch" not in kinds(run_checks([s], rules.rules, rules.lexicon))
    counts = replace(s, quantities=tuple(replace(q, unit=None) for q in s.quantities))
    assert "sum-mismatch" in kinds(run_checks([counts], rules.rules, rules.lexicon))  # the unit, not the text, decides


def test_quoted_sentences_are_stored_normalised(rules):
    (s,) = body(rules, ('Port\n\n"We\u2019re not leaving the harbour before the storm passes. Thanks," the captain said.', "2024-02-01"))
    assert s.quoted == ("we are not leaving the harbour before the storm passes",)


def test_checks_compare_the_records_not_the_text(rules):
    docs = ("Pump\n\nThe warden said he did not use the pump on the night of the flood.\n\n"
            "Later the warden said he used the pump on the night of the flood.", "2024-04-02")
    sts = stored(rules, docs)
    assert "polarity-conflict" in kinds(run_checks(sts, rules.rules, rules.lexicon))
    wordless = [replace(s, words=(), word_starts=(), claim=()) for s in sts]
    assert "polarity-conflict" not in kinds(run_checks(wordless, rules.rules, rules.lexicon))


def test_a_database_stored_before_the_wording_migration_is_read_by_it(rules, tmp_path):
    path = str(tmp_path / "old.db")
    docs = [("Dam\n\nThe siege of the dam town began in June 2019.\n\n"
             "After almost two years of siege, the town has run out of flour, a baker said.", "2024-06-10"),
            ('Ferry\n\n"We will not raise the ferry fares this winter," Mayor Ines Vold said.', "2024-03-08"),
            ('Fares\n\n"We will not lower the ferry fares this winter," Mayor Ines Vold said.', "2024-03-09")]
    fresh = stored(rules, *docs, path=path)
    conn = sqlite3.connect(path)  # as a factcheck from before m011 left it
    conn.execute("DELETE FROM quantities WHERE unit IS NOT NULL AND unit != 'percent'")
    conn.execute("ALTER TABLE quantities DROP COLUMN unit")
    conn.execute("DROP INDEX idx_statements_began")  # made later (m022), one on a column m011 adds
    conn.execute("DROP INDEX idx_statements_records")
    conn.execute("DELETE FROM migrations WHERE name = 'm022_rare_claims'")
    for column in WORDING_COLUMNS:
        conn.execute(f"ALTER TABLE statements DROP COLUMN {column}")
    conn.execute("DELETE FROM migrations WHERE name = 'm011_wording'")
    conn.commit()
    conn.close()
    migrated = stored(rules, path=path)
    assert migrated == fresh
    assert sorted(f.kind for f in run_checks(migrated, rules.rules, rules.lexicon) if f.severity != "info") == [
        "duration-mismatch", "quote-mismatch"]
