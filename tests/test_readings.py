"""What extraction reads for the checks so that they never read the text (issue 9, point 8): where a
statement's day is written (date_at), the word naming its event (event_word), its record claim (record),
whether a total's parts are only some of it (Quantity.partial), its claim without negation (claim,
negations) and how it names its event (event_reference). Sentences written for these tests."""
from __future__ import annotations

from dataclasses import replace

import pytest

from factcheck.checks import dates, place, polarity, status, sums, superlative
from factcheck.extract import extract
from factcheck.extract.claims import claim
from factcheck.lexicon import Lexicon
from factcheck.migrations import MIGRATIONS
from factcheck.model import EVENT_KNOWN, EVENT_NEW, EVENT_SEVERAL, Document, Quantity, Statement, Status
from factcheck.store import Store


def read(body: str, lex: Lexicon, published: str = "2024-03-08") -> list[Statement]:
    return [s for s in extract(Document(text=f"Town news\n\n{body}", published=published), lex) if s.role == "body"]


def one(body: str, lex: Lexicon) -> Statement:
    found = read(body, lex)
    assert len(found) == 1, [s.text for s in found]
    return found[0]


# --- date_at -----------------------------------------------------------------------------------------

def test_the_day_is_found_where_it_is_written(lexicon):
    s = one("The new ferry terminal is due to open on July 11 after two years of building.", lexicon)
    assert s.date_text == "July 11" and s.text[s.date_at:s.date_at + len(s.date_text)] == "July 11"


def test_a_day_named_by_the_attribution_is_not_in_the_statement(lexicon):
    s = next(s for s in read("The ministry said on Monday that the talks with the union had ended.", lexicon)
             if s.source)
    assert s.date_text == "on Monday" and s.date_at is None


def test_no_day_no_place(lexicon):
    s = one("The library keeps its old opening hours.", lexicon)
    assert s.date_text is None and s.date_at is None


# --- event_word --------------------------------------------------------------------------------------

@pytest.mark.parametrize("body, event, word", [
    ("The two mayors met at a summit in the old town hall.", "talks", "summit"),
    ("The swap, agreed by both towns, went ahead.", "prisoner-exchange", "swap"),  # a word before a comma counts
    ("Rescuers searched the river after the crash near the weir.", "accident", "crash"),
])
def test_the_event_word_is_the_one_the_statement_uses(lexicon, body, event, word):
    s = one(body, lexicon)
    assert (s.event, s.event_word) == (event, word)


def test_an_event_implied_by_a_figure_has_no_word(lexicon):
    s = one("Shelling killed four people in the market on Tuesday.", lexicon)
    assert s.event == "attack" and s.event_word == "shelling"
    s = one("Four people were killed in the market on Tuesday.", lexicon)
    assert s.event == "attack" and s.event_word is None


# --- record ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("body, claim", [
    ("The two towns each released 60 detainees on Friday, the largest swap of the conflict so far.", "largest"),
    ("The raid on Friday was the region's deadliest attack, killing 14 people.", "deadliest"),  # a possessive scopes it
    ("The two towns released 60 detainees on Friday in the largest swap this spring.", None),  # no scope
    ("A blast on Friday damaged one of the city's largest malls so far, police said.", None),  # not the event
])
def test_a_record_claim_names_its_event_and_a_scope(lexicon, body, claim):
    assert one(body, lexicon).record == claim if claim else all(s.record is None for s in read(body, lexicon))


# --- Quantity.partial --------------------------------------------------------------------------------

def totals(body: str, lex: Lexicon) -> list[Quantity]:
    return [q for s in read(body, lex) for q in s.quantities if q.role == "total"]


def test_an_including_list_is_a_partial_breakdown(lexicon):
    found = totals("The ferry sank on Friday with 48 people aboard, including 30 tourists and 12 crew members.", lexicon)
    assert [(q.text, q.partial) for q in found] == [("48 people", True)]


def test_an_of_whom_list_is_the_whole_breakdown(lexicon):
    found = totals("The ferry carried 48 passengers, of whom 30 were tourists and 18 were residents.", lexicon)
    assert [(q.text, q.partial) for q in found] == [("48 passengers", False)]


def test_the_breakdown_words_are_lexicon_data(lexicon):
    assert "including" in lexicon.breakdown["partial"] and "of whom" in lexicon.breakdown["whole"]
    assert not set(lexicon.breakdown["partial"]) & set(lexicon.breakdown["whole"])


# --- claim and negations ------------------------------------------------------------------------------

@pytest.mark.parametrize("body, words, negations, negated", [
    ("The old ferry did not sail on Sunday.", "the old ferry did not sail on sunday", ("not",), True),
    ("The ferry didn\u2019t sail on Sunday.", "the ferry did sail on sunday", ("n't",), True),  # cut to its verb
    ("The ferry sailed on Sunday.", "the ferry sailed on sunday", (), False),
    # a negation word that negates only what follows it: found, but the statement is not negated
    ("There was no bread at the market on Sunday.", "there was no bread at the market on sunday", ("no",), False),
])
def test_the_claim_cuts_contractions_and_names_its_negation_words(lexicon, body, words, negations, negated):
    s = one(body, lexicon)
    assert (s.claim, s.negations, s.negated) == (tuple(words.split()), negations, negated)


def test_the_negation_words_are_the_lexicon_s(lexicon):
    words = ("the", "ferry", "seldom", "sails", "on", "sundays")
    assert claim(words, lexicon) == (words, ())
    rarely = replace(lexicon, negation=(*lexicon.negation, "seldom"))
    assert claim(words, rarely) == (words, ("seldom",))


# --- event_reference -----------------------------------------------------------------------------------

@pytest.mark.parametrize("body, reference", [
    ("A deadly gas explosion damaged the old depot on Friday.", EVENT_NEW),  # a few words between
    ("Another blast shook the old depot on Friday.", EVENT_NEW),
    ("The explosion damaged the old depot on Friday.", EVENT_KNOWN),
    ("Friday's explosion damaged the old depot.", EVENT_KNOWN),  # a possessive points back
    ("Air strikes hit the old depot and the mill on Friday.", EVENT_SEVERAL),  # the plural of an event word
    ("Fire crews searched for survivors after explosion reports on Friday.", None),  # no determiner near it
    ("The ferry sailed on Sunday.", None),  # no event
])
def test_the_event_reference_is_read_from_the_determiner(lexicon, body, reference):
    assert one(body, lexicon).event_reference == reference


# --- stored and read back ----------------------------------------------------------------------------

BODY = ("The two towns each released 60 detainees on July 5, the largest swap of the conflict so far.\n\n"
        "The bus carried 48 people, including 30 pupils and 12 teachers, on July 5.")


def test_the_store_keeps_every_reading(store, lexicon):
    doc = Document(text=f"Town news\n\n{BODY}", published="2024-07-06")
    made = [s for s in extract(doc, lexicon) if s.role == "body"]
    store.add_document(doc, made)
    back = [s for s in store.statements() if s.role == "body"]
    assert [(s.date_at, s.event_word, s.record) for s in back] == [(s.date_at, s.event_word, s.record) for s in made]
    assert [q.partial for s in back for q in s.quantities] == [q.partial for s in made for q in s.quantities]
    assert back[0].record == "largest" and back[0].date_at is not None and any(q.partial for q in back[1].quantities)


def test_the_store_keeps_the_claim_and_the_event_reference(store, lexicon):
    doc = Document(text="Depot\n\nThe explosion didn't damage the old depot on Friday.\n\n"
                        "There was no bread at the market on Sunday.\n\nA blast shook the mill on Friday.",
                   published="2024-03-08")
    made = [s for s in extract(doc, lexicon) if s.role == "body"]
    store.add_document(doc, made)
    back = [s for s in store.statements() if s.role == "body"]
    readings = [(s.claim, s.negations, s.event_reference) for s in back]
    assert readings == [(s.claim, s.negations, s.event_reference) for s in made]
    assert [r[1:] for r in readings] == [(("n't",), EVENT_KNOWN), (("no",), None), ((), EVENT_NEW)]
    assert back[0].claim == ("the", "explosion", "did", "damage", "the", "old", "depot", "on", "friday")


def test_the_claim_migration_reads_the_stored_words(tmp_path, monkeypatch, lexicon):
    path = tmp_path / "old.db"
    upto = [m.__name__ for m in MIGRATIONS].index("m017_claims")
    monkeypatch.setattr("factcheck.store.MIGRATIONS", MIGRATIONS[:upto])
    old = Store(path)
    assert "m017_claims" not in old.applied_migrations()
    text = "The explosion didn't close the old depot on Friday."
    fresh = one(text, lexicon)
    c = old.conn
    c.execute("INSERT INTO documents (id, sha256, text, published) VALUES (1, 'x', ?, '2024-03-08')", (text,))
    c.execute("INSERT INTO events (id, key, date) VALUES (1, ?, '2024-03-08')", (fresh.event,))
    for sid, words, event in ((1, " ".join(fresh.words), 1), (2, "the ferry sailed", None)):
        c.execute("INSERT INTO statements (id, document_id, text, start, end, date, quote, modality, role, sentence,"
                  " event_id, negated, words, word_starts, masked, quoted, mentions) VALUES"
                  " (?, 1, ?, 0, ?, '2024-03-08', 0, 'fact', 'body', 1, ?, 1, ?, '', '', '[]', '[]')",
                  (sid, text, len(text), event, words))
    c.commit()
    old.close()
    monkeypatch.undo()
    monkeypatch.setattr("factcheck.migrations.MIGRATION_BATCH", 1)  # one statement a batch: each batch is read
    new = Store(path)
    first, second = new.statements()
    assert (first.claim, first.negations, first.event_reference) == (
        fresh.claim, fresh.negations, fresh.event_reference) == (
        ("the", "explosion", "did", "close", "the", "old", "depot", "on", "friday"), ("n't",), EVENT_KNOWN)
    assert (second.claim, second.negations, second.event_reference) == (("the", "ferry", "sailed"), (), None)
    new.close()


def test_the_migration_reads_statements_stored_before_it(tmp_path, monkeypatch, lexicon):
    path = tmp_path / "old.db"
    upto = [m.__name__ for m in MIGRATIONS].index("m015_readings")
    monkeypatch.setattr("factcheck.store.MIGRATIONS", MIGRATIONS[:upto])
    old = Store(path)
    assert "m015_readings" not in old.applied_migrations()
    c = old.conn
    text = "The bus carried 48 people, including 30 pupils and 12 teachers, on July 5, the largest swap so far."
    c.execute("INSERT INTO documents (id, sha256, text, published) VALUES (1, 'x', ?, '2024-07-06')", (text,))
    c.execute("INSERT INTO events (id, key, date) VALUES (1, 'prisoner-exchange', '2024-07-05')")
    c.execute("INSERT INTO statements (id, document_id, text, start, end, date, date_text, quote, modality, role,"
              " sentence, event_id, negated, words, word_starts, masked, quoted, mentions) VALUES"
              " (1, 1, ?, 0, ?, '2024-07-05', 'July 5', 0, 'fact', 'body', 1, 1, 0, '', '', '', '[]', '[]')",
              (text, len(text)))
    for qtext, role in (("48 people", "total"), ("30 pupils", "part"), ("12 teachers", "part")):
        start = text.index(qtext)
        c.execute("INSERT INTO quantities (statement_id, text, low, high, start, end, role, each)"
                  " VALUES (1, ?, 1, 1, ?, ?, ?, 0)", (qtext, start, start + len(qtext), role))
    c.commit()
    old.close()
    monkeypatch.undo()
    new = Store(path)
    (s,) = new.statements()
    assert s.text[s.date_at:].startswith("July 5") and s.event_word == "swap" and s.record == "largest"
    assert [(q.text, q.partial) for q in s.quantities] == [("48 people", True), ("30 pupils", False), ("12 teachers", False)]
    new.close()


# --- the checks read the records, not the text ---------------------------------------------------------

def said(text: str, sid: int, **fields) -> Statement:
    return Statement(text=text, start=0, end=len(text), document_id=1, id=sid, **fields)


def rule_of(rules, kind: str):
    return next(r for r in rules.rules if r.kind == kind)


def test_superlative_conflict_reads_the_record_claim(rules, lexicon):
    figure = dict(low=60.0, high=60.0, noun="detainee", category="prisoner", action="released")
    earlier = said("The towns released 80 detainees.", 1, date="2024-02-02", event="prisoner-exchange",
                   quantities=(Quantity("80 detainees", **{**figure, "low": 80.0, "high": 80.0}),))
    claim = said("The towns released 60 detainees.", 2, date="2024-04-05", event="prisoner-exchange",
                 quantities=(Quantity("60 detainees", **figure),), record="largest")
    rule = rule_of(rules, "superlative-conflict")
    assert len(superlative.check([earlier, claim], rule, lexicon)) == 1
    # the same words with no record claim on record: nothing, whatever the text says
    unclaimed = replace(claim, text="The towns released 60 detainees, the largest swap so far.", record=None)
    assert superlative.check([earlier, unclaimed], rule, lexicon) == []


def test_sum_mismatch_reads_the_partial_mark(rules, lexicon):
    total = Quantity("48 people", 48.0, 48.0, noun="person", category="person", role="total", start=0, end=9)
    parts = (Quantity("30 soldiers", 30.0, 30.0, noun="soldier", category="soldier", role="part", start=20, end=31),
             Quantity("12 civilians", 12.0, 12.0, noun="civilian", category="civilian", role="part", start=36, end=48))
    rule = rule_of(rules, "sum-mismatch")
    whole = said("48 people, of whom 30 soldiers and 12 civilians", 1, quantities=(total, *parts))
    assert [f.outcome for f in sums.check([whole], rule, lexicon)] == ["flag"]
    some = replace(whole, quantities=(replace(total, partial=True), *parts))
    assert [f.outcome for f in sums.check([some], rule, lexicon)] == []


def test_date_conflict_reads_where_the_day_is(rules, lexicon):
    def dated(text: str, sid: int, day: str, written: str, at: int | None) -> Statement:
        words = text.lower().replace(",", "").split()
        starts, pos = [], 0
        for w in words:
            pos = text.lower().index(w, pos)
            starts.append(pos)
            pos += len(w)
        return said(text, sid, date=day, date_text=written, date_at=at, words=tuple(words), word_starts=tuple(starts))

    a_text = "The new ferry terminal is due to open on December 25 next to the old pier"
    b_text = "The new ferry terminal is due to open on July 11 next to the old pier"
    a = dated(a_text, 1, "2024-12-25", "December 25", a_text.index("December"))
    b = dated(b_text, 2, "2024-07-11", "July 11", b_text.index("July"))
    rule = rule_of(rules, "date-conflict")
    assert len(dates.check([a, b], rule, lexicon)) == 1
    assert dates.check([a, replace(b, date_at=None)], rule, lexicon) == []  # a day told outside the statement


def test_status_conflict_names_the_event_by_its_word(rules, lexicon):
    common = dict(date="2024-03-08", event="prisoner-exchange", frame="RU+UA")
    done = said("the handover had been completed", 1, source="The mayor", source_kind="person",
                statuses=(Status("completed", "completed"),), event_word="handover", **common)
    going = said("the exchange was ongoing", 2, source="an official", source_kind="anonymous",
                 statuses=(Status("ongoing", "ongoing"),), event_word="exchange", **common)
    (found,) = status.check([done, going], rule_of(rules, "status-conflict"), lexicon)
    assert "handover" in found.message
    (found,) = status.check([replace(done, event_word=None), going], rule_of(rules, "status-conflict"), lexicon)
    assert "prisoner exchange" in found.message


def test_polarity_conflict_reads_the_claim_not_the_words(rules, lexicon):
    common = dict(date="2024-04-02", source="Warden Piet Haas", source_kind="person")
    yes = said("he opened the sluice gate", 1, claim=("he", "opened", "the", "sluice", "gate"), **common)
    no = said("he did not open the sluice gate", 2, claim=("he", "did", "not", "open", "the", "sluice", "gate"),
              negated=True, negations=("not",), **common)
    rule = rule_of(rules, "polarity-conflict")
    assert len(polarity.check([yes, no], rule, lexicon)) == 1
    # a negation word extraction did not read as negating its statement: that side takes no part
    assert polarity.check([replace(yes, negations=("no",)), no], rule, lexicon) == []
    # the words alone, with no claim on record, say nothing
    wordless = [replace(s, claim=(), words=tuple(s.text.split())) for s in (yes, no)]
    assert polarity.check(wordless, rule, lexicon) == []


def test_place_conflict_reads_the_event_reference(rules, lexicon):
    toll = Quantity("six people", 6.0, 6.0, category="person", action="killed", date="2024-02-07")
    common = dict(event="accident", date="2024-02-07", quantities=(toll,))
    here = said("An explosion killed six people in Tacoma.", 1, frame="Tacoma, US", event_reference=EVENT_NEW, **common)
    there = said("The explosion in Spokane killed six people.", 2, frame="Spokane, US", event_reference=EVENT_KNOWN,
                 **common)
    rule = rule_of(rules, "place-conflict")
    assert len(place.check([here, there], rule, lexicon)) == 1
    # what the record says, not what the words say: an incident brought in at each place is two
    assert place.check([here, replace(there, event_reference=EVENT_NEW)], rule, lexicon) == []
    assert place.check([here, there, replace(there, id=3, event_reference=EVENT_SEVERAL)], rule, lexicon) == []
