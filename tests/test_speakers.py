"""Speaker resolution within a story: names, surnames, pronouns, unnamed sources, and same_source."""
from __future__ import annotations

import pytest

from factcheck.extract import extract
from factcheck.extract.speakers import Speakers
from factcheck.model import Document
from factcheck.sources import same_source


def sources(text: str, lexicon) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    doc = Document(text="Ferries return\n\n" + text)
    return [(s.source, s.source_kind) for s in extract(doc, lexicon) if s.source]


def test_title_full_name_and_surname_are_one_person(lexicon):
    sp = Speakers(lexicon)
    assert sp.resolve("Foreign Minister Ana Ruiz") == ("Ana Ruiz", "person")
    assert sp.resolve("Ana Ruiz") == ("Ana Ruiz", "person")
    assert sp.resolve("Ruiz") == ("Ana Ruiz", "person")


def test_a_pronoun_resolves_to_the_last_person(lexicon):
    got = sources("Ana Ruiz said the pier was open.\n\nShe said the boats were full.", lexicon)
    assert got == [("Ana Ruiz", "person"), ("Ana Ruiz", "person")]


def test_a_pronoun_of_the_other_gender_is_not_resolved(lexicon):
    got = sources("Mr. Tom Berg said the pier was open.\n\nThe captain's wife waited on the quay. "
                  "She said the boats were late.", lexicon)
    assert got == [("Tom Berg", "person"), ("she", "anonymous")]


def test_gender_learnt_from_a_pronoun_keeps_two_people_apart(lexicon):
    got = sources("Ana Ruiz said she would reopen the pier. Tom Berg said he would not.\n\n"
                  "She said the boats were ready.", lexicon)
    assert got[-1] == ("Ana Ruiz", "person")


def test_two_people_of_unknown_gender_make_a_pronoun_ambiguous(lexicon):
    got = sources("Ana Ruiz met Tom Berg on the quay.\n\nHe said the boats were ready.", lexicon)
    assert got == [("he", "anonymous")]  # reported speech of someone unnamed, never a guessed person


@pytest.mark.parametrize("mention, expected", [
    ("an official", ("an official", "anonymous")),
    ("a member of the harbour delegation", ("a member of the harbour delegation", "anonymous")),
    ("Officials", ("officials", "anonymous")),
    ("the Harbour Ministry", ("Harbour Ministry", "organization")),
    ("Reuters", ("Reuters", "outlet")),
    ("the harbour master Ana Ruiz", ("Ana Ruiz", "person")),
])
def test_kinds(mention, expected, lexicon):
    assert Speakers(lexicon).resolve(mention) == expected


def test_unnamed_sources_are_each_their_own(lexicon, store):
    text = "Ferries return\n\nAn official said the pier was open. Another official said it was shut."
    doc = Document(text=text, title="Ferries return")
    store.add_document(doc, extract(doc, lexicon))
    anonymous = [r for r in store.sources() if r["kind"] == "anonymous"]
    assert len(anonymous) == 2


@pytest.mark.parametrize("a, b, same", [
    ("Donald Trump", "Trump", True),
    ("US President Donald Trump", "Donald Trump", True),
    ("Donald Trump", "Eric Trump", False),
    ("Ukraine", "Russia and Ukraine", False),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
])
def test_same_source(a, b, same):
    assert same_source(a, b) is same


@pytest.mark.parametrize("mention, expected", [
    ("An official in Kyiv", ("an official in Kyiv", "anonymous")),
    ("a spokesman for the Kremlin", ("a spokesman for the Kremlin", "anonymous")),
    ("a Kremlin spokesman", ("a Kremlin spokesman", "anonymous")),
    ("the Russian Defense Ministry", ("Russian Defense Ministry", "organization")),
    ("the harbour master Ana Ruiz", ("Ana Ruiz", "person")),
])
def test_someone_unnamed_from_a_named_place_or_body_is_anonymous(lexicon, mention, expected):
    from factcheck.extract.speakers import Speakers

    assert Speakers(lexicon).resolve(mention) == expected


@pytest.mark.parametrize("mention, core", [
    ("New Jersey Gov. Chris Christie", "Chris Christie"),
    ("Florida Sen. Marco Rubio", "Marco Rubio"),
    ("So Donald Trump", "Donald Trump"),
    ("Ukraine's top negotiator Rustem Umerov", "Rustem Umerov"),
])
def test_descriptions_before_a_title_are_not_part_of_the_name(mention, core):
    from factcheck.sources import person_core

    assert person_core(mention) == core


def test_accents_do_not_split_a_person():
    from factcheck.sources import same_source

    assert same_source("Calderon", "Felipe Calderón")
    assert not same_source("Felipe Calderón", "Ana Calderón")
