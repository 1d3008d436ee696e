"""A title for the one person just speaking (texts written for these tests)."""
from __future__ import annotations

from factcheck.extract import extract
from factcheck.model import Document


def sources(text: str, lexicon) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    doc = Document(text="Ferries return\n\n" + text)
    return [(s.source, s.source_kind) for s in extract(doc, lexicon) if s.source]


def test_a_title_right_after_the_only_speaker_is_that_speaker(lexicon):
    got = sources("\u201cWe will rebuild the pier,\u201d Ana Ruiz said.\n\n"
                  "The Green candidate then promised two new ferries.", lexicon)
    assert got == [("Ana Ruiz", "person"), ("Ana Ruiz", "person")]


def test_a_title_after_two_people_stays_unresolved(lexicon):
    got = sources("\u201cWe will rebuild the pier,\u201d Ana Ruiz said as Tom Lee looked on.\n\n"
                  "The Green candidate then promised two new ferries.", lexicon)
    assert got == [("Ana Ruiz", "person"), ("the Green candidate", "person")]


def test_a_title_far_from_the_last_speaker_stays_unresolved(lexicon):
    got = sources("\u201cWe will rebuild the pier,\u201d Ana Ruiz said.\n\nThe storm closed the harbour for a week.\n\n"
                  "Boats stayed in port.\n\nThe Green candidate then promised two new ferries.", lexicon)
    assert got == [("Ana Ruiz", "person"), ("the Green candidate", "person")]


def test_a_name_always_written_after_the_is_no_he(lexicon):
    got = sources("Tom Berg, a ferry pilot, said the pier was safe.\n\nIn a long profile, The Harbour Review praised "
                  "his skill.\n\nHe said the boats were full.", lexicon)
    assert got[-1] == ("Tom Berg", "person")
